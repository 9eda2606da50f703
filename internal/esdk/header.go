package esdk

import (
	"crypto/hkdf"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// ContentType is the header's content type: how the body is laid out.
type ContentType byte

// Content types (data-format/message-header.md, "Supported Content Types").
const (
	NonFramed ContentType = 0x01 // the body is a single block
	Framed    ContentType = 0x02 // the body is a sequence of frames
)

const (
	headerTypeCustomerAED = 0x80 // the only v1 "Type" value
	ivLen                 = 12
	tagLen                = 16
)

// Defaults for the limits in DecryptParams.
const (
	// DefaultMaxHeaderSize bounds the serialized header (encryption context
	// and encrypted data keys included) when DecryptParams.MaxHeaderSize is 0.
	DefaultMaxHeaderSize = 1 << 20
	// DefaultMaxBuffer bounds the plaintext a Decrypter holds before
	// releasing it (one frame, a non-framed body, or a signed message
	// whole) when DecryptParams.MaxBuffer is 0.
	DefaultMaxBuffer = 64 << 20
	// DefaultFrameLength is the frame length used by NewEncrypter and
	// Encrypt when EncryptParams.FrameLength is 0.
	DefaultFrameLength = 4096
	// maxNonFramedLength is the format's limit on a non-framed body: 2^36 - 32.
	maxNonFramedLength = 1<<36 - 32
)

// Header is a parsed or to-be-written message header.
type Header struct {
	Version           int    // message format version, 1 or 2
	Suite             *Suite // the algorithm suite
	MessageID         []byte // 16 bytes (v1) or 32 bytes (v2)
	EncryptionContext map[string]string
	EncryptedDataKeys []EncryptedDataKey
	ContentType       ContentType
	FrameLength       uint32 // 0 for non-framed bodies
	SuiteData         []byte // v2: the commitment key; nil for v1
	IV                []byte // v1: the header authentication IV; nil for v2
	AuthTag           []byte // the header authentication tag

	ecRaw   []byte // serialized encryption context as read, for exact re-serialization
	bodyLen int    // length of the header body within raw
	raw     []byte // the serialized header (body and authentication) as read or written
	base    []byte // the input being parsed (see rebase)
}

// errNeedMore is returned by parseHeader when b ends before the header does.
var errNeedMore = errors.New("esdk: header truncated")

// needMore is parseHeader's hint: how many bytes the next field needs.
type needMore struct{ total int }

func (needMore) Error() string { return errNeedMore.Error() }
func (needMore) Unwrap() error { return errNeedMore }

// ParseHeader parses the message header at the start of b, with the default
// limits and no limit on the number of encrypted data keys. It returns the
// header and its length in bytes. It does not authenticate the header:
// that needs the data key (see NewDecrypter and Decrypt). The header does
// not alias b.
func ParseHeader(b []byte) (*Header, int, error) {
	h, n, err := parseHeader(b, 0, DefaultMaxHeaderSize)
	if errors.Is(err, errNeedMore) {
		return nil, 0, newErr(ErrMalformed, "header", int64(len(b)), "truncated")
	}
	if err != nil {
		return nil, 0, err
	}
	h.rebase(append([]byte(nil), b[:n]...))
	return h, n, nil
}

// Bytes returns the serialized header, body and authentication. For a
// parsed header it is exactly the input bytes.
func (h *Header) Bytes() []byte {
	if h.raw != nil {
		return append([]byte(nil), h.raw...)
	}
	b, err := h.appendBody(nil)
	if err != nil {
		return nil
	}
	if h.Version == 1 {
		b = append(b, h.IV...)
	}
	return append(b, h.AuthTag...)
}

// parseHeader parses a header from b. The result aliases b until the
// caller calls rebase, which every caller must do. maxEDKs <= 0 means no count limit.
// It returns an error wrapping errNeedMore if b is a strict prefix of a
// header that could still be valid and shorter than maxSize.
func parseHeader(b []byte, maxEDKs, maxSize int) (*Header, int, error) {
	hp := &headerParser{maxEDKs: maxEDKs, maxSize: maxSize}
	more, err := hp.parse(b)
	if err != nil {
		return nil, 0, err
	}
	if more > 0 {
		return nil, 0, needMore{more}
	}
	return &hp.h, hp.p, nil
}

// headerParser parses a header incrementally. parse may be called again
// with the same input extended (in the same memory, or in new memory after
// move): it resumes at the field group where it stopped, so that a header
// read in any number of pieces is parsed in time and memory linear in its
// size, whatever the read sizes.
type headerParser struct {
	h                Header
	p                int // length of the header parsed so far
	step             headerStep
	nEDK             int // the header's encrypted data key count
	maxEDKs, maxSize int
}

// headerStep is the next field group a headerParser parses. Each group is
// parsed whole or not at all, and each encrypted data key is a group of its
// own, so a resumed parse repeats at most one key's three lengths.
type headerStep int

const (
	stepVersion  headerStep = iota // version (and v1 type)
	stepSuite                      // suite id and message id
	stepContext                    // AAD length and encryption context
	stepEDKCount                   // encrypted data key count
	stepEDKs                       // encrypted data keys, one at a time
	stepTail                       // content type through authentication tag
	stepDone
)

// move points the slices the parser has cut into b, a copy of the input
// parsed so far in new memory, before a parse of b resumes.
func (hp *headerParser) move(b []byte) {
	hp.h.relocate(b, false)
	hp.h.base = b
}

// parse continues parsing b, which extends the input of the previous calls.
// It returns more > 0, the input length the next field group needs, when b
// ends before the header does; more == 0 and no error when the header is
// complete (hp.h, of length hp.p). It reads no byte of b past the header.
func (hp *headerParser) parse(b []byte) (more int, err error) {
	h := &hp.h
	h.base = b
	for {
		p := hp.p
		// need reports whether the group's next n bytes are in b: it
		// refuses a header over the size limit, and sets more when b is too
		// short.
		need := func(n int, field string) bool {
			if err != nil || more > 0 {
				return false
			}
			if p+n > hp.maxSize {
				err = newErr(ErrLimit, field, int64(p), fmt.Sprintf("header longer than the %d-byte limit", hp.maxSize))
				return false
			}
			if len(b)-p < n {
				more = p + n
				return false
			}
			return true
		}
		u16 := func(field string) (int, bool) {
			if !need(2, field) {
				return 0, false
			}
			v := int(binary.BigEndian.Uint16(b[p:]))
			p += 2
			return v, true
		}
		switch hp.step {
		case stepVersion:
			if !need(1, "header.version") {
				return more, err
			}
			h.Version = int(b[0])
			if h.Version != 1 && h.Version != 2 {
				return 0, newErr(ErrMalformed, "header.version", 0, fmt.Sprintf("unsupported version 0x%02x", b[0]))
			}
			p++
			if h.Version == 1 {
				if !need(1, "header.type") {
					return more, err
				}
				if b[p] != headerTypeCustomerAED {
					return 0, newErr(ErrMalformed, "header.type", int64(p), fmt.Sprintf("unsupported type 0x%02x", b[p]))
				}
				p++
			}
		case stepSuite:
			id, ok := u16("header.suite_id")
			if !ok {
				return more, err
			}
			s, lerr := LookupSuite(SuiteID(id))
			if lerr != nil {
				return 0, newErr(ErrUnsupportedSuite, "header.suite_id", int64(p-2), fmt.Sprintf("unknown suite 0x%04x", id))
			}
			if s.MessageVersion != h.Version {
				return 0, newErr(ErrMalformed, "header.suite_id", int64(p-2), fmt.Sprintf("suite %v in a version %d header", s.ID, h.Version))
			}
			idLen := 16
			if h.Version == 2 {
				idLen = 32
			}
			if !need(idLen, "header.message_id") {
				return more, err
			}
			h.Suite = s
			h.MessageID = b[p : p+idLen]
			p += idLen
		case stepContext:
			aadLen, ok := u16("header.aad_length")
			if !ok || !need(aadLen, "header.aad") {
				return more, err
			}
			h.ecRaw = b[p : p+aadLen]
			if h.EncryptionContext, err = parseContext(h.ecRaw, int64(p)); err != nil {
				return 0, err
			}
			p += aadLen
		case stepEDKCount:
			n, ok := u16("header.edk_count")
			if !ok {
				return more, err
			}
			if n == 0 {
				return 0, newErr(ErrMalformed, "header.edk_count", int64(p-2), "no encrypted data keys")
			}
			if hp.maxEDKs > 0 && n > hp.maxEDKs {
				return 0, newErr(ErrLimit, "header.edk_count", int64(p-2), fmt.Sprintf("%d encrypted data keys, limit %d", n, hp.maxEDKs))
			}
			hp.nEDK = n
			// Each entry takes at least 6 bytes: the count is trusted for
			// allocation only as far as the input at hand can hold.
			h.EncryptedDataKeys = make([]EncryptedDataKey, 0, min(n, (len(b)-p)/6))
		case stepEDKs:
			for len(h.EncryptedDataKeys) < hp.nEDK {
				var e EncryptedDataKey
				n, ok := u16("header.edk.provider_id_length")
				if !ok || !need(n, "header.edk.provider_id") {
					return more, err
				}
				id := b[p : p+n]
				p += n
				if n, ok = u16("header.edk.provider_info_length"); !ok || !need(n, "header.edk.provider_info") {
					return more, err
				}
				e.ProviderInfo = b[p : p+n]
				p += n
				if n, ok = u16("header.edk.ciphertext_length"); !ok || !need(n, "header.edk.ciphertext") {
					return more, err
				}
				e.Ciphertext = b[p : p+n]
				p += n
				e.ProviderID = string(id)
				edks := h.EncryptedDataKeys
				if len(edks) == cap(edks) {
					// Double (a header read in pieces appends to a slice
					// sized for what had arrived), never past the count.
					edks = slices.Grow(edks, min(max(len(edks), 8), hp.nEDK-len(edks)))
				}
				h.EncryptedDataKeys = append(edks, e)
				hp.p = p
			}
		case stepTail:
			if !need(1, "header.content_type") {
				return more, err
			}
			h.ContentType = ContentType(b[p])
			if h.ContentType != Framed && h.ContentType != NonFramed {
				return 0, newErr(ErrMalformed, "header.content_type", int64(p), fmt.Sprintf("unsupported content type 0x%02x", b[p]))
			}
			p++
			if h.Version == 1 {
				if !need(5, "header.reserved") {
					return more, err
				}
				if b[p]|b[p+1]|b[p+2]|b[p+3] != 0 {
					return 0, newErr(ErrMalformed, "header.reserved", int64(p), "reserved bytes are not zero")
				}
				if b[p+4] != ivLen {
					return 0, newErr(ErrMalformed, "header.iv_length", int64(p+4), fmt.Sprintf("IV length %d, the suite's is 12", b[p+4]))
				}
				p += 5
			}
			if !need(4, "header.frame_length") {
				return more, err
			}
			h.FrameLength = binary.BigEndian.Uint32(b[p:])
			if h.ContentType == NonFramed && h.FrameLength != 0 {
				return 0, newErr(ErrMalformed, "header.frame_length", int64(p), "non-zero frame length for a non-framed body")
			}
			if h.ContentType == Framed && h.FrameLength == 0 {
				return 0, newErr(ErrMalformed, "header.frame_length", int64(p), "zero frame length for a framed body")
			}
			p += 4
			if h.Version == 2 {
				if !need(h.Suite.SuiteDataLen, "header.suite_data") {
					return more, err
				}
				h.SuiteData = b[p : p+h.Suite.SuiteDataLen]
				p += h.Suite.SuiteDataLen
			}
			h.bodyLen = p
			if h.Version == 1 {
				if !need(ivLen, "header.iv") {
					return more, err
				}
				h.IV = b[p : p+ivLen]
				p += ivLen
			}
			if !need(tagLen, "header.auth_tag") {
				return more, err
			}
			h.AuthTag = b[p : p+tagLen]
			p += tagLen
			h.raw = b[:p]
		case stepDone:
			return 0, nil
		}
		hp.p = p
		hp.step++
	}
}

// headerBodySize returns the serialized size of h's header body.
func (h *Header) bodySize(ecLen int) int {
	n := 1 + 2 + len(h.MessageID) + 2 + ecLen + 2 + 1 + 4
	if h.Version == 1 {
		n += 1 + 5
	} else {
		n += len(h.SuiteData)
	}
	for _, e := range h.EncryptedDataKeys {
		n += 6 + len(e.ProviderID) + len(e.ProviderInfo) + len(e.Ciphertext)
	}
	return n
}

// appendBody appends the serialized header body of h to b.
func (h *Header) appendBody(b []byte) ([]byte, error) {
	if len(h.EncryptedDataKeys) == 0 {
		return nil, newErr(ErrMalformed, "header.edk_count", -1, "no encrypted data keys")
	}
	if len(h.EncryptedDataKeys) > 0xffff {
		return nil, newErr(ErrLimit, "header.edk_count", -1, "more than 65535 encrypted data keys")
	}
	// The context is the parsed header's bytes, or serialized straight
	// into b.
	ecLen := len(h.ecRaw)
	serialize := h.ecRaw == nil && len(h.EncryptionContext) > 0
	if serialize {
		n, err := contextSize(h.EncryptionContext)
		if err != nil {
			return nil, err
		}
		ecLen = n
	}
	for _, e := range h.EncryptedDataKeys {
		if len(e.ProviderID) > 0xffff || len(e.ProviderInfo) > 0xffff || len(e.Ciphertext) > 0xffff {
			return nil, newErr(ErrLimit, "header.edk", -1, "encrypted data key field longer than 65535 bytes")
		}
	}
	if b == nil {
		b = make([]byte, 0, h.bodySize(ecLen)+ivLen+tagLen)
	}
	b = append(b, byte(h.Version))
	if h.Version == 1 {
		b = append(b, headerTypeCustomerAED)
	}
	b = binary.BigEndian.AppendUint16(b, uint16(h.Suite.ID))
	b = append(b, h.MessageID...)
	b = binary.BigEndian.AppendUint16(b, uint16(ecLen))
	if serialize {
		b = appendContext(b, h.EncryptionContext)
	} else {
		b = append(b, h.ecRaw...)
	}
	b = binary.BigEndian.AppendUint16(b, uint16(len(h.EncryptedDataKeys)))
	for _, e := range h.EncryptedDataKeys {
		b = binary.BigEndian.AppendUint16(b, uint16(len(e.ProviderID)))
		b = append(b, e.ProviderID...)
		b = binary.BigEndian.AppendUint16(b, uint16(len(e.ProviderInfo)))
		b = append(b, e.ProviderInfo...)
		b = binary.BigEndian.AppendUint16(b, uint16(len(e.Ciphertext)))
		b = append(b, e.Ciphertext...)
	}
	b = append(b, byte(h.ContentType))
	if h.Version == 1 {
		b = append(b, 0, 0, 0, 0, ivLen)
	}
	b = binary.BigEndian.AppendUint32(b, h.FrameLength)
	if h.Version == 2 {
		b = append(b, h.SuiteData...)
	}
	return b, nil
}

// rebase points h's byte slices into raw, which must hold the same bytes as
// the input h was parsed from (the same memory or a copy), and limits their
// capacity to their length. Slices cut by parseHeader keep the capacity of
// the input, which locates them.
func (h *Header) rebase(raw []byte) {
	h.relocate(raw, true)
	n := len(h.raw)
	h.raw = raw[:n:n]
	h.base = h.raw
}

// relocate points h's byte slices, cut from h.base, into b, which holds the
// same bytes at the same offsets; with limit, their capacity is limited to
// their length.
func (h *Header) relocate(b []byte, limit bool) {
	base := cap(h.base)
	at := func(s []byte) []byte {
		if s == nil {
			return nil
		}
		off := base - cap(s)
		if limit {
			return b[off : off+len(s) : off+len(s)]
		}
		return b[off : off+len(s)]
	}
	h.MessageID = at(h.MessageID)
	h.ecRaw = at(h.ecRaw)
	for i := range h.EncryptedDataKeys {
		e := &h.EncryptedDataKeys[i]
		e.ProviderInfo = at(e.ProviderInfo)
		e.Ciphertext = at(e.Ciphertext)
	}
	h.SuiteData = at(h.SuiteData)
	h.IV = at(h.IV)
	h.AuthTag = at(h.AuthTag)
}

// headerAuthAAD returns the additional authenticated data of the header
// authentication tag (client-apis/encrypt.md and client-apis/decrypt.md):
// the serialized header body followed by the serialization of the
// encryption context to only authenticate (framework/structures.md,
// "Serialization"). An empty context serializes to nothing, so without
// such pairs the AAD is body itself, as in messages that predate them.
func headerAuthAAD(body []byte, authOnly map[string]string) ([]byte, error) {
	if len(authOnly) == 0 {
		return body, nil
	}
	n, err := contextSize(authOnly)
	if err != nil {
		return nil, err
	}
	aad := make([]byte, len(body), len(body)+n)
	copy(aad, body)
	return appendContext(aad, authOnly), nil
}

// checkAuthOnlyEncrypt refuses an encryption context to only authenticate
// that shares a key with the stored one: the specification's writers
// never store a pair they only authenticate.
func checkAuthOnlyEncrypt(stored, authOnly map[string]string) error {
	for k := range authOnly {
		if _, ok := stored[k]; ok {
			return fmt.Errorf("esdk: an encryption context key is both stored and only authenticated")
		}
	}
	return nil
}

// authOnlyFor returns the pairs of expected that header h does not store:
// the encryption context to only authenticate with the header. A pair h
// stores with the same value is already authenticated as part of the
// header body and is left out; one h stores with a different value fails
// (ErrAuthentication) before any key is used.
func authOnlyFor(h *Header, expected map[string]string) (map[string]string, error) {
	var out map[string]string
	for k, v := range expected {
		got, stored := h.EncryptionContext[k]
		if !stored {
			continue
		}
		if got != v {
			return nil, newErr(ErrAuthentication, "header.aad", -1, "the header stores a different value for an expected encryption context key")
		}
		if out == nil {
			out = make(map[string]string, len(expected))
			for k2, v2 := range expected {
				if _, s := h.EncryptionContext[k2]; !s {
					out[k2] = v2
				}
			}
		}
	}
	if out == nil {
		out = expected
	}
	if _, err := contextSize(out); err != nil {
		return nil, err
	}
	return out, nil
}

// net400Retry is called when the header authentication tag of h fails the
// specification's check. Unless p.Net400HeaderAuthRetry is set it returns
// the authentication error. Otherwise it checks the tag as ESDK-.NET 4.0.0
// wrote it, which differs from the specification in two ways (fixed in
// ESDK-.NET 4.0.1; the official SDKs accept such messages through their
// NetV4_0_0_RetryPolicy):
//
//   - the encryption context to only authenticate is serialized with its
//     two-byte pair count even when it is empty, so an empty one adds the
//     bytes 0x00 0x00 to the AAD where the specification adds nothing;
//   - for the HKDF suites without key commitment (message format 1), the
//     HKDF info is the suite id alone, without the message id, so the
//     derived key differs, for the header tag and for the body.
//
// Key commitment (format 2 suites derive as the specification says and
// ss has checked the commitment), body GCM tags and the signature stay as
// strict as without the retry. If the .NET 4.0.0 tag matches, the hook is
// called and, if it returns nil, so is the session to decrypt the body
// with; a tag matching neither computation fails as before. dataKey is the
// plaintext data key; iv and authOnly are what the specification's check
// used.
func net400Retry(p *DecryptParams, h *Header, ss *session, dataKey, iv []byte, authOnly map[string]string) (*session, error) {
	fail := newErr(ErrAuthentication, "header.auth_tag", int64(len(h.raw)-tagLen), "header authentication failed")
	if p.Net400HeaderAuthRetry == nil {
		return nil, fail
	}
	s := h.Suite
	if !s.Committing && s.KDF != nil {
		var info [2]byte
		binary.BigEndian.PutUint16(info[:], uint16(s.ID))
		key, err := hkdf.Key(s.KDF, dataKey, nil, string(info[:]), s.EncKeyLen)
		if err != nil {
			return nil, err
		}
		aead, err := newGCM(key)
		clear(key)
		if err != nil {
			return nil, err
		}
		ss = &session{aead: aead}
		ss.idLen = copy(ss.aad[:], h.MessageID)
	}
	n, err := contextSize(authOnly)
	if err != nil {
		return nil, err
	}
	body := h.raw[:h.bodyLen]
	aad := make([]byte, len(body), len(body)+max(n, 2))
	copy(aad, body)
	if len(authOnly) == 0 {
		aad = append(aad, 0, 0)
	} else {
		aad = appendContext(aad, authOnly)
	}
	var tag [tagLen]byte
	ss.aead.Seal(tag[:0], iv, nil, aad)
	if subtle.ConstantTimeCompare(tag[:], h.AuthTag) != 1 {
		return nil, fail
	}
	if err := p.Net400HeaderAuthRetry(h); err != nil {
		return nil, err
	}
	return ss, nil
}
