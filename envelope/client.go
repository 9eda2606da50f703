package envelope

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/internal/esdk"
)

// DefaultMaxEncryptedDataKeys is the number of encrypted data keys a
// message may carry when Options.MaxEncryptedDataKeys is 0. It bounds the
// keyring calls (and so the KMS calls) a hostile message can cause; three
// covers a key in each of three Regions. Raise it explicitly for messages
// wrapped under more keys.
const DefaultMaxEncryptedDataKeys = 3

// Options configure a Client. The zero value is the safe default.
type Options struct {
	// Suite is the algorithm suite new messages use. Zero means, for
	// Encrypt and AppendEncrypt, AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384
	// (0x0578), or 0x0378 under ForbidEncryptAllowDecrypt; for
	// EncryptWriter, AES_256_GCM_HKDF_SHA512_COMMIT_KEY (0x0478), or
	// 0x0178 under ForbidEncryptAllowDecrypt: unsigned, so that a reader
	// can verify each frame as it arrives (see "Streams" in the package
	// doc).
	Suite SuiteID
	// CommitmentPolicy says which suites may be written and read. The
	// zero value is RequireEncryptRequireDecrypt.
	CommitmentPolicy CommitmentPolicy
	// MaxEncryptedDataKeys bounds the encrypted data keys of a message,
	// written or read. Zero means DefaultMaxEncryptedDataKeys.
	MaxEncryptedDataKeys int
	// FrameLength is the plaintext length of each frame of new messages.
	// Zero means 4096.
	FrameLength int
	// RequiredEncryptionContextKeys are encryption context keys that
	// Encrypt requires in its context and authenticates without storing
	// them in the message (the specification's required encryption context
	// CMM, framework/required-encryption-context-cmm.md): the message then
	// reveals neither these keys nor their values, and Decrypt needs the
	// pairs in its expected context. Decrypt and DecryptReader also refuse
	// an expected context that lacks one of these keys. Keys starting with
	// "aws-crypto-" are refused.
	RequiredEncryptionContextKeys []string
	// Cache, when set, caches data keys: up to Cache.MaxMessages messages
	// of one encryption context share one data key, for up to
	// Cache.MaxAge, and messages sharing an encrypted data key are
	// decrypted with one keyring (KMS) call. See CacheOptions for the
	// trade-offs. Nil, the default, gives every message its own data key.
	Cache *CacheOptions
	// AllowNet400HeaderAuthRetry WEAKENS decryption: a message whose header
	// authentication tag fails is accepted if the tag is the one
	// ESDK-.NET 4.0.0 computed by mistake (see legacy.go), and every such
	// acceptance is recorded through the policy as a hipaa.OutcomeOverride
	// event (Detail "AllowNet400HeaderAuthRetry"); if that record fails,
	// so does the decryption. Only for data written by that release.
	// Off by default.
	AllowNet400HeaderAuthRetry bool
	// StreamUnsignedOnly makes DecryptReader refuse messages whose suite
	// has a signature, with an error wrapping ErrCommitmentPolicy (the
	// sentinel for a suite these options do not allow), for a reader that
	// must never hold a whole message: a signed message can only be
	// verified at its end, so DecryptReader holds it until then (see
	// MaxStreamBuffer). Decrypt is unaffected.
	StreamUnsignedOnly bool
	// MaxStreamBuffer bounds the plaintext DecryptReader holds before
	// releasing it: one frame, or for a signed message the whole
	// plaintext, which it releases only once the signature verifies. A
	// message that needs more is refused (ErrStreamBuffer) when the frame
	// that crosses the bound is reached, before anything of it is
	// released; Decrypt has no such bound. Memory follows the bytes read,
	// not the lengths a message claims. Zero means 64 MiB.
	MaxStreamBuffer int
	// AllowUnverifiedStreaming WEAKENS DecryptReader for signed messages:
	// each frame is released once its GCM tag checks, before the signature
	// at the end of the message is verified, so a holder of the data key
	// can forge plaintext that is released before Read reports the
	// failure. It lifts MaxStreamBuffer's bound on a signed message's
	// total (not on one frame). Every such stream is recorded through the
	// policy as a hipaa.OutcomeOverride event (Detail
	// "AllowUnverifiedStreaming") before anything is read past the header;
	// if that record fails, so does DecryptReader. Off by default.
	AllowUnverifiedStreaming bool
}

// Client encrypts and decrypts messages in the AWS Encryption SDK message
// format, with one keyring, under one hipaa.Policy. A Client is safe for
// concurrent use.
type Client struct {
	policy *hipaa.Policy
	cmm    materialsManager
	frame  int
	keyID  string
	cache  *materialsCache // nil: no data key cache
	net400 bool            // Options.AllowNet400HeaderAuthRetry
	// streamUnsignedOnly is Options.StreamUnsignedOnly.
	streamUnsignedOnly bool
	maxStreamBuffer    int  // Options.MaxStreamBuffer
	unverifiedStream   bool // Options.AllowUnverifiedStreaming
}

// New returns a Client that wraps data keys with keyring. It refuses an
// unusable policy (no Auditor, for example) and options that contradict
// each other (a suite the commitment policy forbids). Every weakening in
// force (a commitment policy that reads or writes messages without key
// commitment, AllowNet400HeaderAuthRetry, AllowUnverifiedStreaming, a KMS
// keyring built with AllowUnhardenedKMSClient, raw RSA OAEPSHA1 or
// PKCS1v15DecryptOnly padding, and the policy's own) is recorded as an
// OutcomeOverride event through policy.Adopt; New fails if a record does.
func New(policy *hipaa.Policy, keyring Keyring, optFns ...func(*Options)) (*Client, error) {
	if keyring == nil {
		return nil, fmt.Errorf("%w: nil keyring", ErrConfig)
	}
	var o Options
	for i, f := range optFns {
		if f == nil {
			return nil, fmt.Errorf("%w: option %d is a nil function", ErrConfig, i)
		}
		f(&o)
	}
	if !o.CommitmentPolicy.valid() {
		return nil, fmt.Errorf("%w: unknown commitment policy %d", ErrConfig, int(o.CommitmentPolicy))
	}
	if o.Suite != 0 {
		s, err := lookupSuite(o.Suite)
		if err != nil {
			return nil, err
		}
		if !o.CommitmentPolicy.allowsEncrypt(s) {
			return nil, fmt.Errorf("%w: %s does not write suite %s", ErrCommitmentPolicy, o.CommitmentPolicy, s.ID)
		}
	}
	if o.MaxEncryptedDataKeys < 0 || o.FrameLength < 0 || int64(o.FrameLength) > 0xffffffff || o.MaxStreamBuffer < 0 {
		return nil, fmt.Errorf("%w: negative or too large limit", ErrConfig)
	}
	if o.MaxEncryptedDataKeys == 0 {
		o.MaxEncryptedDataKeys = DefaultMaxEncryptedDataKeys
	}
	required := slices.Clone(o.RequiredEncryptionContextKeys)
	for _, k := range required {
		if strings.HasPrefix(k, reservedPrefix) {
			return nil, fmt.Errorf("%w: required encryption context keys starting with %q are reserved", ErrConfig, reservedPrefix)
		}
	}
	slices.Sort(required)
	required = slices.Compact(required)
	cache, err := newMaterialsCache(o.Cache, o.Suite != 0)
	if err != nil {
		return nil, err
	}
	weakenings, waivers := keyringWeakenings(keyring)
	if o.CommitmentPolicy != RequireEncryptRequireDecrypt {
		weakenings = append(weakenings, "CommitmentPolicy="+o.CommitmentPolicy.String())
	}
	if o.AllowNet400HeaderAuthRetry {
		weakenings = append(weakenings, net400Option)
	}
	if o.AllowUnverifiedStreaming {
		weakenings = append(weakenings, unverifiedStreamingOption)
	}
	if err := policy.Adopt(context.Background(), "envelope.New", weakenings...); err != nil {
		return nil, err
	}
	for _, w := range waivers {
		w.audited.Store(true)
	}
	return &Client{
		policy:             policy,
		cmm:                materialsManager{keyring: keyring, policy: o.CommitmentPolicy, suite: o.Suite, maxEDKs: o.MaxEncryptedDataKeys, required: required},
		frame:              o.FrameLength,
		keyID:              keyringID(keyring),
		cache:              cache,
		net400:             o.AllowNet400HeaderAuthRetry,
		streamUnsignedOnly: o.StreamUnsignedOnly,
		maxStreamBuffer:    o.MaxStreamBuffer,
		unverifiedStream:   o.AllowUnverifiedStreaming,
	}, nil
}

// keyringID names a keyring's key for audit events: the KMS key
// identifier, or namespace/name for raw keyrings (the generator's for a
// multi-keyring).
func keyringID(k Keyring) string {
	switch k := k.(type) {
	case *kmsKeyring:
		return k.keyID
	case *kmsDiscoveryKeyring:
		return "discovery:" + k.filter.Partition
	case *rawAESKeyring:
		return k.namespace + "/" + k.name
	case *rawRSAKeyring:
		return k.namespace + "/" + k.name
	case *multiKeyring:
		if k.generator != nil {
			return keyringID(k.generator)
		}
		if len(k.children) > 0 {
			return keyringID(k.children[0])
		}
	}
	return ""
}

// contextNames lists the keys and values of ec for the policy's PHI check,
// in a stable order.
func contextNames(ec map[string]string) []hipaa.Name {
	return appendContextNames(nil, ec)
}

// appendContextNames is contextNames appending to names.
func appendContextNames(names []hipaa.Name, ec map[string]string) []hipaa.Name {
	if len(ec) == 0 {
		return names
	}
	var kb [16]string // no allocation for small contexts
	keys := kb[:0]
	for k := range ec {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	names = slices.Grow(names, 2*len(keys))
	for _, k := range keys {
		names = append(names, hipaa.Name{Field: "encryption-context", Value: k},
			hipaa.Name{Field: "encryption-context", Value: ec[k]})
	}
	return names
}

// suiteResources are the audit resources of the known suites, built once.
var suiteResources = func() map[esdk.SuiteID]string {
	m := make(map[esdk.SuiteID]string)
	for _, s := range esdk.Suites() {
		m[s.ID] = fmt.Sprintf("alg-suite:0x%04X", uint16(s.ID))
	}
	return m
}()

func suiteResource(id esdk.SuiteID) string {
	if r, ok := suiteResources[id]; ok {
		return r
	}
	return fmt.Sprintf("alg-suite:0x%04X", uint16(id))
}

// encryptSuite is the suite of new messages: Options.Suite, or the
// policy's default for Encrypt or, with stream, EncryptWriter.
func (c *Client) encryptSuite(stream bool) esdk.SuiteID {
	if c.cmm.suite != 0 {
		return c.cmm.suite
	}
	return c.cmm.policy.defaultSuite(stream)
}

// Encrypt encrypts plaintext into one message bound to the encryption
// context ec. ec is stored in the message in clear and sent to AWS KMS
// (and so to CloudTrail): its keys and values must not hold PHI, and the
// policy's detector refuses them (hipaa.ErrPHIInName) before anything
// runs. Keys starting with "aws-crypto-" are reserved.
func (c *Client) Encrypt(ctx context.Context, plaintext []byte, ec map[string]string) ([]byte, error) {
	return c.AppendEncrypt(ctx, nil, plaintext, ec)
}

// AppendEncrypt is Encrypt appending the message to dst, in the
// crypto/cipher.AEAD.Seal idiom: it writes into dst's spare capacity when
// that can hold the message and otherwise allocates, so that a caller
// reusing a buffer (dst[:0] of the previous result) encrypts without
// allocating the output. plaintext must not overlap dst's spare capacity.
// On error it returns nil and dst's contents are unchanged (its spare
// capacity may have been written).
func (c *Client) AppendEncrypt(ctx context.Context, dst, plaintext []byte, ec map[string]string) ([]byte, error) {
	run := encryptRun{c: c, dst: dst, plaintext: plaintext, ec: ec}
	err := c.policy.Guard(ctx, hipaa.Operation{
		Action:   "envelope.Encrypt",
		Resource: suiteResource(c.encryptSuite(false)),
		KeyID:    c.keyID,
		Names:    appendContextNames(run.names[:0], ec),
	}, run.do)
	if err != nil {
		return nil, err
	}
	return run.out, nil
}

// encryptRun is one AppendEncrypt call; its method value is the Guard's
// function (one allocation, as a closure would be).
type encryptRun struct {
	c              *Client
	dst, plaintext []byte
	ec             map[string]string
	out            []byte
	names          [8]hipaa.Name // for small contexts, with run's allocation
}

func (r *encryptRun) do(ctx context.Context) (int64, error) {
	m, err := r.c.encryptionMaterials(ctx, r.ec, int64(len(r.plaintext)), r.c.encryptSuite(false))
	if err != nil {
		return 0, err
	}
	defer m.Zero()
	msg, err := esdk.AppendEncrypt(r.dst, r.c.encryptParams(m), r.plaintext)
	if err != nil {
		return 0, mapESDKError(err)
	}
	r.out = msg
	return int64(len(r.plaintext)), nil
}

// encryptParams splits the materials' context into the pairs the message
// stores and those of the required keys, which it only authenticates
// (client-apis/encrypt.md).
func (c *Client) encryptParams(m *EncryptionMaterials) esdk.EncryptParams {
	stored, authOnly := m.ec, map[string]string(nil)
	if len(c.cmm.required) > 0 {
		stored, authOnly = cloneEC(m.ec), make(map[string]string, len(c.cmm.required))
		for _, k := range c.cmm.required {
			authOnly[k] = stored[k]
			delete(stored, k)
		}
	}
	return esdk.EncryptParams{
		Suite:             m.suite,
		DataKey:           m.dataKey,
		EncryptedDataKeys: m.edks,
		EncryptionContext: stored,
		AuthOnlyContext:   authOnly,
		FrameLength:       c.frame,
		SigningKey:        m.signKey,
	}
}

// EncryptWriter returns a writer that encrypts what is written to it into
// one message written to dst, bound to ec (checked as for Encrypt). The
// data key is obtained before it returns, so a keyring or KMS failure
// writes nothing to dst. The message is complete only once Close returns
// nil; Close does not close dst. The stream is one "envelope.Encrypt"
// operation of the policy: its attempt is recorded before the data key is
// fetched, and its one outcome, with the plaintext byte count, when Close
// returns or a write fails.
func (c *Client) EncryptWriter(ctx context.Context, dst io.Writer, ec map[string]string) (io.WriteCloser, error) {
	if dst == nil {
		return nil, fmt.Errorf("%w: nil destination writer", ErrConfig)
	}
	ctx, op, err := c.policy.Begin(ctx, hipaa.Operation{
		Action:   "envelope.Encrypt",
		Resource: suiteResource(c.encryptSuite(true)),
		KeyID:    c.keyID,
		Names:    contextNames(ec),
	})
	if err != nil {
		return nil, err
	}
	m, err := c.encryptionMaterials(ctx, ec, -1, c.encryptSuite(true))
	if err != nil {
		return nil, op.End(hipaa.Result{Err: err})
	}
	defer m.Zero()
	// The data key is in hand: a keyring or KMS failure has already
	// returned, before anything was written to dst.
	enc, err := esdk.NewEncrypter(dst, c.encryptParams(m))
	if err != nil {
		return nil, op.End(hipaa.Result{Err: mapESDKError(err)})
	}
	return &encryptWriter{op: op, enc: enc}, nil
}

// encryptWriter counts plaintext bytes and ends the stream's operation.
type encryptWriter struct {
	op  *hipaa.Op
	enc io.WriteCloser
	n   int64

	once sync.Once
	err  error
}

func (w *encryptWriter) Write(p []byte) (int, error) {
	n, err := w.enc.Write(p)
	w.n += int64(n)
	if err != nil {
		w.finish(err)
	}
	return n, err
}

func (w *encryptWriter) Close() error {
	w.finish(w.enc.Close())
	return w.err
}

// finish ends the operation once, with the first error (or none).
func (w *encryptWriter) finish(err error) {
	w.once.Do(func() { w.err = w.op.End(hipaa.Result{Bytes: w.n, Err: err}) })
}

// checkExpected refuses a nil expected context, reserved keys in it, and
// one that lacks a required encryption context key.
func (c *Client) checkExpected(expected map[string]string) error {
	if expected == nil {
		return fmt.Errorf("%w: the expected encryption context is required (pass an empty map to expect none)", ErrEncryptionContext)
	}
	if err := checkCallerContext(expected); err != nil {
		return err
	}
	if err := esdk.ValidateEncryptionContext(expected); err != nil { // invalid UTF-8, too long
		return fmt.Errorf("%w: %w", ErrEncryptionContext, err)
	}
	for _, k := range c.cmm.required {
		if _, ok := expected[k]; !ok {
			return fmt.Errorf("%w: the expected encryption context lacks a required key", ErrEncryptionContext)
		}
	}
	return nil
}

// decryptState is what one decryption learns about the expected context:
// whether some expected pairs are not stored in the message, and so are
// authenticated with its header only (client-apis/decrypt.md).
type decryptState struct {
	authOnly bool
}

// decryptParams builds the esdk parameters whose Materials callback runs
// the materials manager for the header and the expected context. Expected
// pairs the header does not store are the encryption context to only
// authenticate: they join the context the keyrings use (the reproduced
// context of framework/cmm-interface.md) and the header authentication,
// which fails unless the writer authenticated exactly them. An expected
// pair stored with another value is refused.
func (c *Client) decryptParams(ctx context.Context, expected map[string]string, st *decryptState) esdk.DecryptParams {
	return esdk.DecryptParams{
		AuthOnlyContext: expected,
		Materials: func(h *esdk.Header) ([]byte, *ecdsa.PublicKey, error) {
			// The header's context is not modified: it is copied only
			// when expected pairs must be added to it.
			ec := h.EncryptionContext
			for k, v := range expected {
				got, ok := h.EncryptionContext[k]
				if !ok {
					if !st.authOnly {
						ec = cloneEC(h.EncryptionContext)
						st.authOnly = true
					}
					ec[k] = v
					continue
				}
				if got != v {
					return nil, nil, errContextDiffers
				}
			}
			var ecBytes []byte // the header's serialization, if canonical
			if !st.authOnly {
				if b, ok := h.SerializedEncryptionContext(); ok {
					ecBytes = b
				}
			}
			m, err := c.decryptionMaterials(ctx, h.Suite, h.EncryptionContext, ec, ecBytes, h.EncryptedDataKeys)
			if err != nil {
				return nil, nil, err
			}
			// The materials' data key is their own copy (the cache keeps
			// another); esdk zeroes it once the content key is derived.
			return m.dataKey, m.verifyKey, nil
		},
		MaxEncryptedDataKeys:  c.cmm.maxEDKs,
		AllowV1:               c.cmm.policy != RequireEncryptRequireDecrypt,
		Net400HeaderAuthRetry: c.net400Hook(ctx),
	}
}

// errContextDiffers refuses a message that stores an expected key with
// another value.
var errContextDiffers = fmt.Errorf("%w: the message's value differs from the expected one", ErrEncryptionContext)

// decryptError maps an esdk error and, when expected pairs were not stored
// in the message and authentication failed, adds ErrEncryptionContext: the
// pairs are wrong, or the message was altered.
func decryptError(err error, st *decryptState) error {
	var e *esdk.Error
	if errors.As(err, &e) && e.Field == "header.aad" && errors.Is(err, esdk.ErrAuthentication) {
		// esdk's check of the expected pairs the header stores.
		return fmt.Errorf("%w: %w", errContextDiffers, err)
	}
	err = mapESDKError(err)
	if st.authOnly && (errors.Is(err, hipaa.ErrTampered) || errors.Is(err, ErrNoDataKey)) {
		return fmt.Errorf("%w: expected pairs the message does not store failed authentication: %w", ErrEncryptionContext, err)
	}
	return err
}

// Decrypt authenticates and decrypts msg. expected is required (pass an
// empty map, not nil, to expect none): each of its pairs must either be
// stored in the message's encryption context with the same value, or have
// been authenticated without being stored (see
// Options.RequiredEncryptionContextKeys); a missing or different pair
// gives an error wrapping ErrEncryptionContext. The message may store
// other pairs too; compare the context yourself if it must match exactly.
// The context is checked with the policy's PHI detector before any key is
// used. A message that fails authentication gives an error wrapping
// hipaa.ErrTampered; one no keyring can open, ErrNoDataKey.
func (c *Client) Decrypt(ctx context.Context, msg []byte, expected map[string]string) ([]byte, error) {
	return c.decrypt(ctx, nil, msg, expected, false)
}

// AppendDecrypt is Decrypt appending the plaintext to dst, in the
// crypto/cipher.AEAD.Open idiom: it writes into dst's spare capacity when
// that can hold the message body (an upper bound of the plaintext) and
// otherwise allocates, so that a caller reusing a buffer decrypts without
// allocating the output. dst's spare capacity must not overlap msg. On
// error it returns nil and dst's contents are unchanged (its spare
// capacity may have been overwritten with zeros).
func (c *Client) AppendDecrypt(ctx context.Context, dst, msg []byte, expected map[string]string) ([]byte, error) {
	return c.decrypt(ctx, dst, msg, expected, true)
}

func (c *Client) decrypt(ctx context.Context, dst, msg []byte, expected map[string]string, appendTo bool) ([]byte, error) {
	if err := c.checkExpected(expected); err != nil {
		return nil, err
	}
	run := decryptRun{c: c, dst: dst, msg: msg, expected: expected, appendTo: appendTo}
	op := hipaa.Operation{Action: "envelope.Decrypt", KeyID: c.keyID, Names: appendContextNames(run.names[:0], expected)}
	if id, ok := peekSuite(msg); ok {
		op.Resource = suiteResource(id)
	}
	if err := c.policy.Guard(ctx, op, run.do); err != nil {
		return nil, err
	}
	return run.out, nil
}

// peekSuite reads the algorithm suite of a message from its first bytes
// (data-format/message-header.md: version 2, suite id; or version 1, type
// 0x80, suite id) for the audit event, without parsing the header, which
// esdk does once, in the Guard. ok is false for an unknown suite.
func peekSuite(msg []byte) (esdk.SuiteID, bool) {
	var id esdk.SuiteID
	switch {
	case len(msg) >= 3 && msg[0] == 2:
		id = esdk.SuiteID(binary.BigEndian.Uint16(msg[1:]))
	case len(msg) >= 4 && msg[0] == 1 && msg[1] == 0x80:
		id = esdk.SuiteID(binary.BigEndian.Uint16(msg[2:]))
	default:
		return 0, false
	}
	s, err := esdk.LookupSuite(id)
	if err != nil || s.MessageVersion != int(msg[0]) {
		return 0, false
	}
	return id, true
}

// decryptRun is one Decrypt or AppendDecrypt call; its method value is the
// Guard's function.
type decryptRun struct {
	c             *Client
	dst, msg, out []byte
	expected      map[string]string
	appendTo      bool
	st            decryptState
	names         [8]hipaa.Name // for small contexts, with run's allocation
}

func (r *decryptRun) do(ctx context.Context) (int64, error) {
	p := r.c.decryptParams(ctx, r.expected, &r.st)
	var pt []byte
	var err error
	if r.appendTo {
		pt, err = esdk.AppendDecrypt(p, r.dst, r.msg)
	} else {
		pt, _, err = esdk.Decrypt(p, r.msg)
	}
	if err != nil {
		return 0, decryptError(err, &r.st)
	}
	r.out = pt
	return int64(len(pt) - len(r.dst)), nil
}

// DecryptReader reads the header of the message in src, unwraps its data
// key and returns a reader of the plaintext, with the same checks as
// Decrypt. The reader releases plaintext only once it is verified: an
// unsigned message frame by frame, as each frame's tag checks; a signed one
// whole, once its signature verifies (up to Options.MaxStreamBuffer, unless
// Options.AllowUnverifiedStreaming). It returns an error wrapping
// hipaa.ErrTampered for a message altered or truncated after the header
// (then nothing more is released), so read to io.EOF: a truncated unsigned
// message has released its frames before the missing end is found. The
// stream is one "envelope.Decrypt" operation of the policy: its attempt
// is recorded before the header is read, and its one outcome when the
// reader reaches io.EOF or an error (or DecryptReader itself fails).
func (c *Client) DecryptReader(ctx context.Context, src io.Reader, expected map[string]string) (io.Reader, error) {
	if src == nil {
		return nil, fmt.Errorf("%w: nil source reader", ErrConfig)
	}
	if err := c.checkExpected(expected); err != nil {
		return nil, err
	}
	ctx, op, err := c.policy.Begin(ctx, hipaa.Operation{Action: "envelope.Decrypt", KeyID: c.keyID, Names: contextNames(expected)})
	if err != nil {
		return nil, err
	}
	var st decryptState
	p := c.decryptParams(ctx, expected, &st)
	p.RefuseSigned = c.streamUnsignedOnly
	p.MaxBuffer = c.maxStreamBuffer
	p.ReleaseUnverified = c.unverifiedStream
	d, err := esdk.NewDecrypter(src, p)
	if err != nil {
		return nil, op.End(hipaa.Result{Err: decryptError(err, &st)})
	}
	if c.unverifiedStream && d.Header().Suite.Signed() {
		// Nothing has been read past the header yet.
		if err := c.policy.Allow(ctx, unverifiedStreamingOption); err != nil {
			return nil, op.End(hipaa.Result{Err: err})
		}
	}
	return &decryptReader{op: op, d: d}, nil
}

// unverifiedStreamingOption names Options.AllowUnverifiedStreaming in audit
// events.
const unverifiedStreamingOption = "AllowUnverifiedStreaming"

type decryptReader struct {
	op   *hipaa.Op
	d    *esdk.Decrypter
	n    int64
	once sync.Once
}

func (r *decryptReader) Read(p []byte) (int, error) {
	n, err := r.d.Read(p)
	r.n += int64(n)
	if err == nil {
		return n, nil
	}
	switch {
	case err == io.EOF:
	case errors.Is(err, esdk.ErrLimit): // the header's limits were checked before
		err = fmt.Errorf("%w: %w", ErrStreamBuffer, err)
	default:
		err = mapESDKError(err)
	}
	r.once.Do(func() {
		var opErr error
		if err != io.EOF {
			opErr = err
		}
		if aerr := r.op.End(hipaa.Result{Bytes: r.n, Err: opErr}); aerr != nil && err == io.EOF {
			err = aerr
		}
	})
	return n, err
}

// mapESDKError adds the hipaa and envelope sentinels to an esdk error.
func mapESDKError(err error) error {
	switch {
	case errors.Is(err, esdk.ErrAuthentication), errors.Is(err, esdk.ErrMalformed):
		return fmt.Errorf("%w: %w", hipaa.ErrTampered, err)
	case errors.Is(err, esdk.ErrUnsupportedSuite):
		return fmt.Errorf("%w: %w", ErrCommitmentPolicy, err)
	case errors.Is(err, esdk.ErrLimit):
		var e *esdk.Error
		if errors.As(err, &e) && e.Field == "header.edk_count" {
			return fmt.Errorf("%w: %w", ErrTooManyDataKeys, err)
		}
	}
	return err
}
