package envelope

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"fmt"
	"maps"

	"github.com/phisafe/phisafe/internal/esdk"
)

// CommitmentPolicy says whether messages must use key-committing algorithm
// suites (framework/commitment-policy.md). Key commitment makes sure a
// message decrypts to one plaintext only, whatever data key is tried; the
// older suites without it let a sender who controls several wrapping keys
// write a message that decrypts differently for different recipients.
type CommitmentPolicy int

// The commitment policies. The zero value is the strictest.
const (
	// RequireEncryptRequireDecrypt writes and reads only key-committing
	// messages (format v2). The default.
	RequireEncryptRequireDecrypt CommitmentPolicy = iota
	// RequireEncryptAllowDecrypt writes key-committing messages but also
	// reads messages without key commitment (format v1), for a migration
	// from older writers. Weakens decryption.
	RequireEncryptAllowDecrypt
	// ForbidEncryptAllowDecrypt writes messages without key commitment
	// (format v1, readable by the oldest SDKs) and reads both. Weakens
	// encryption and decryption; use it only while old readers remain.
	ForbidEncryptAllowDecrypt
)

// String returns the policy's name.
func (p CommitmentPolicy) String() string {
	switch p {
	case RequireEncryptRequireDecrypt:
		return "RequireEncryptRequireDecrypt"
	case RequireEncryptAllowDecrypt:
		return "RequireEncryptAllowDecrypt"
	case ForbidEncryptAllowDecrypt:
		return "ForbidEncryptAllowDecrypt"
	}
	return fmt.Sprintf("CommitmentPolicy(%d)", int(p))
}

func (p CommitmentPolicy) valid() bool {
	return p >= RequireEncryptRequireDecrypt && p <= ForbidEncryptAllowDecrypt
}

// defaultSuite is the suite a policy writes when none is chosen: signed for
// Encrypt, unsigned for streams (EncryptWriter), whose every frame a reader
// can then verify as it arrives.
func (p CommitmentPolicy) defaultSuite(stream bool) esdk.SuiteID {
	switch {
	case p == ForbidEncryptAllowDecrypt && stream:
		return esdk.AES_256_GCM_IV12_TAG16_HKDF_SHA256
	case p == ForbidEncryptAllowDecrypt:
		return esdk.AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384
	case stream:
		return esdk.AES_256_GCM_HKDF_SHA512_COMMIT_KEY
	}
	return esdk.AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384
}

func (p CommitmentPolicy) allowsEncrypt(s *esdk.Suite) bool {
	if p == ForbidEncryptAllowDecrypt {
		return !s.Committing
	}
	return s.Committing
}

func (p CommitmentPolicy) allowsDecrypt(s *esdk.Suite) bool {
	return s.Committing || p != RequireEncryptRequireDecrypt
}

// materialsManager is the default cryptographic materials manager
// (framework/default-cmm.md) over one keyring.
type materialsManager struct {
	keyring Keyring
	policy  CommitmentPolicy
	suite   esdk.SuiteID // 0: the policy's default
	maxEDKs int
	// required are the required encryption context keys, sorted: the
	// context must hold them on encrypt, and the message only
	// authenticates them.
	required []string
}

// encryptionMaterials checks suite id against the policy, adds the signing
// key's public half to a copy of ec for signed suites and asks the keyring
// for the data key.
func (c *materialsManager) encryptionMaterials(ctx context.Context, ec map[string]string, id esdk.SuiteID) (*EncryptionMaterials, error) {
	if err := checkCallerContext(ec); err != nil {
		return nil, err
	}
	for _, k := range c.required {
		if _, ok := ec[k]; !ok {
			return nil, fmt.Errorf("%w: the encryption context lacks a required key", ErrEncryptionContext)
		}
	}
	suite, err := lookupSuite(id)
	if err != nil {
		return nil, err
	}
	if !c.policy.allowsEncrypt(suite) {
		return nil, fmt.Errorf("%w: %s does not write suite %s", ErrCommitmentPolicy, c.policy, suite.ID)
	}
	var mm EncryptionMaterials // on the stack for the raw AES keyring
	m := &mm
	*m = EncryptionMaterials{suite: suite, ec: cloneEC(ec)}
	if suite.Signed() {
		key, err := ecdsa.GenerateKey(suite.Curve, rand.Reader)
		if err != nil {
			return nil, err
		}
		pub, err := esdk.EncodePublicKey(&key.PublicKey)
		if err != nil {
			return nil, err
		}
		m.ec[esdk.PublicKeyContextKey] = pub
		m.signKey = key
	}
	out, err := c.onEncrypt(ctx, m)
	if err != nil {
		return nil, err
	}
	switch {
	case out == nil || len(out.dataKey) != suite.DataKeyLen:
		out.Zero()
		return nil, fmt.Errorf("%w: keyring returned no data key of the suite's length", ErrConfig)
	case out.suite != suite || !maps.Equal(out.ec, m.ec) || out.signKey != m.signKey:
		out.Zero()
		return nil, fmt.Errorf("%w: keyring changed the suite, context or signing key", ErrConfig)
	case len(out.edks) == 0:
		out.Zero()
		return nil, fmt.Errorf("%w: keyring returned no encrypted data key", ErrConfig)
	case len(out.edks) > c.maxEDKs:
		out.Zero()
		return nil, fmt.Errorf("%w: %d encrypted data keys, at most %d", ErrTooManyDataKeys, len(out.edks), c.maxEDKs)
	}
	return out, nil
}

// onEncrypt calls the keyring's OnEncrypt. The raw AES keyring, called
// directly, does not retain m, which can then stay on the caller's stack;
// other keyrings get a heap copy.
func (c *materialsManager) onEncrypt(ctx context.Context, m *EncryptionMaterials) (*EncryptionMaterials, error) {
	if k, ok := c.keyring.(*rawAESKeyring); ok {
		return k.OnEncrypt(ctx, m)
	}
	h := *m
	return c.keyring.OnEncrypt(ctx, &h)
}

// onDecrypt is onEncrypt for OnDecrypt.
func (c *materialsManager) onDecrypt(ctx context.Context, m *DecryptionMaterials, edks []esdk.EncryptedDataKey) (*DecryptionMaterials, error) {
	if k, ok := c.keyring.(*rawAESKeyring); ok {
		return k.OnDecrypt(ctx, m, edks)
	}
	h := *m
	return c.keyring.OnDecrypt(ctx, &h, edks)
}

// decryptionMaterials checks the suite against the policy, reads the
// verification key of a signed suite from the message's stored context
// (framework/default-cmm.md: a signed suite needs it, an unsigned one must
// not carry it), and asks the keyring for the data key. ec is the context
// the keyrings use: the message's stored context plus the expected pairs
// it only authenticates.
//
// ecBytes, if not nil, is the canonical serialization of ec.
func (c *materialsManager) decryptionMaterials(ctx context.Context, suite *esdk.Suite, stored, ec map[string]string, ecBytes []byte, edks []esdk.EncryptedDataKey) (*DecryptionMaterials, error) {
	if !c.policy.allowsDecrypt(suite) {
		return nil, fmt.Errorf("%w: %s does not read suite %s", ErrCommitmentPolicy, c.policy, suite.ID)
	}
	if len(edks) > c.maxEDKs {
		return nil, fmt.Errorf("%w: %d encrypted data keys, at most %d", ErrTooManyDataKeys, len(edks), c.maxEDKs)
	}
	// ec is the caller's own (the header's context, or a copy with the
	// expected pairs added) and is not modified: materials share it.
	if ec == nil {
		ec = map[string]string{}
	}
	var mm DecryptionMaterials // on the stack for the raw AES keyring
	m := &mm
	*m = DecryptionMaterials{suite: suite, ec: ec, ecBytes: ecBytes}
	pub, ok := stored[esdk.PublicKeyContextKey]
	switch {
	case suite.Signed() && !ok:
		return nil, fmt.Errorf("%w: signed message without %s", ErrEncryptionContext, esdk.PublicKeyContextKey)
	case !suite.Signed() && ok:
		return nil, fmt.Errorf("%w: unsigned message with %s", ErrEncryptionContext, esdk.PublicKeyContextKey)
	case ok:
		key, err := esdk.DecodePublicKey(pub, suite.Curve)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrEncryptionContext, esdk.PublicKeyContextKey, err)
		}
		m.verifyKey = key
	}
	out, err := c.onDecrypt(ctx, m, edks)
	if err != nil {
		return nil, err
	}
	if out == nil || len(out.dataKey) != suite.DataKeyLen || out.suite != suite || out.verifyKey != m.verifyKey {
		out.Zero()
		return nil, fmt.Errorf("%w: keyring returned no data key of the suite's length", ErrConfig)
	}
	return out, nil
}

// errNoMaterials refuses a keyring call given nil materials, or materials
// not made by NewEncryptionMaterials or NewDecryptionMaterials (a zero
// value, which has no suite).
var errNoMaterials = fmt.Errorf("%w: keyring called without materials (use NewEncryptionMaterials or NewDecryptionMaterials)", ErrConfig)

// usable refuses nil or zero-value materials (errNoMaterials).
func (m *EncryptionMaterials) usable() error {
	if m == nil || m.suite == nil {
		return errNoMaterials
	}
	return nil
}

// usable refuses nil or zero-value materials (errNoMaterials).
func (m *DecryptionMaterials) usable() error {
	if m == nil || m.suite == nil {
		return errNoMaterials
	}
	return nil
}
