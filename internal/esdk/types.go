// Package esdk implements the AWS Encryption SDK message format
// (github.com/awslabs/aws-encryption-sdk-specification, data-format/ and
// framework/algorithm-suites.md): headers v1 and v2, the eleven algorithm
// suites, key derivation and commitment, header authentication, framed and
// non-framed bodies, and the ECDSA signature footer. It holds no policy and
// makes no AWS calls: package envelope supplies the data key (from
// keyrings) and decides what is allowed.
package esdk

import (
	"crypto"
	"crypto/elliptic"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"hash"
	"strconv"
)

// SuiteID is an algorithm suite identifier as written in a message header.
type SuiteID uint16

// EncryptedDataKey is one encrypted copy of the message's data key, as
// serialized in the header: the key provider id and info, and the
// provider-specific ciphertext.
type EncryptedDataKey struct {
	ProviderID   string
	ProviderInfo []byte
	Ciphertext   []byte
}

// Algorithm suite identifiers, named as in the specification's ESDK
// algorithm suite table (framework/algorithm-suites.md).
const (
	// AES_128_GCM_IV12_TAG16_NO_KDF is AES-128-GCM keyed directly with the data key (message format v1).
	AES_128_GCM_IV12_TAG16_NO_KDF SuiteID = 0x0014
	// AES_192_GCM_IV12_TAG16_NO_KDF is AES-192-GCM keyed directly with the data key (message format v1).
	AES_192_GCM_IV12_TAG16_NO_KDF SuiteID = 0x0046
	// AES_256_GCM_IV12_TAG16_NO_KDF is AES-256-GCM keyed directly with the data key (message format v1).
	AES_256_GCM_IV12_TAG16_NO_KDF SuiteID = 0x0078
	// AES_128_GCM_IV12_TAG16_HKDF_SHA256 is AES-128-GCM with an HKDF-SHA256 derived key (v1).
	AES_128_GCM_IV12_TAG16_HKDF_SHA256 SuiteID = 0x0114
	// AES_192_GCM_IV12_TAG16_HKDF_SHA256 is AES-192-GCM with an HKDF-SHA256 derived key (v1).
	AES_192_GCM_IV12_TAG16_HKDF_SHA256 SuiteID = 0x0146
	// AES_256_GCM_IV12_TAG16_HKDF_SHA256 is AES-256-GCM with an HKDF-SHA256 derived key (v1).
	AES_256_GCM_IV12_TAG16_HKDF_SHA256 SuiteID = 0x0178
	// AES_128_GCM_IV12_TAG16_HKDF_SHA256_ECDSA_P256 adds an ECDSA P-256/SHA-256 footer signature (v1).
	AES_128_GCM_IV12_TAG16_HKDF_SHA256_ECDSA_P256 SuiteID = 0x0214
	// AES_192_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384 is AES-192-GCM, HKDF-SHA384 and an ECDSA P-384 signature (v1).
	AES_192_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384 SuiteID = 0x0346
	// AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384 is AES-256-GCM, HKDF-SHA384 and an ECDSA P-384 signature (v1).
	AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384 SuiteID = 0x0378
	// AES_256_GCM_HKDF_SHA512_COMMIT_KEY is AES-256-GCM with HKDF-SHA512 key derivation and key commitment (v2).
	AES_256_GCM_HKDF_SHA512_COMMIT_KEY SuiteID = 0x0478
	// AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384 adds an ECDSA P-384/SHA-384 footer signature to 0x0478 (v2).
	AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384 SuiteID = 0x0578
)

// Sentinel errors. Every error returned by this package for bad input or a
// failed check wraps exactly one of them; test with errors.Is.
var (
	// ErrUnsupportedSuite reports an unknown algorithm suite, or a suite the
	// caller's policy (commitment, signing) refuses.
	ErrUnsupportedSuite = errors.New("esdk: unsupported algorithm suite")
	// ErrMalformed reports input that does not follow the message format.
	ErrMalformed = errors.New("esdk: malformed message")
	// ErrAuthentication reports a failed GCM tag, header authentication,
	// key commitment or signature check.
	ErrAuthentication = errors.New("esdk: authentication failed")
	// ErrLimit reports that a configured or format limit was exceeded.
	ErrLimit = errors.New("esdk: limit exceeded")
)

// Error is the detailed error type of this package. It names the field and
// the byte offset in the message where a problem was found; it never holds
// plaintext or key bytes. It unwraps to one of the sentinel errors.
type Error struct {
	Kind   error  // one of ErrUnsupportedSuite, ErrMalformed, ErrAuthentication, ErrLimit
	Field  string // the message field concerned, e.g. "header.frame_length"
	Offset int64  // byte offset of the field in the message, or -1 if not known
	Detail string // what was wrong
}

// Error implements the error interface.
func (e *Error) Error() string {
	s := e.Kind.Error()
	if e.Field != "" {
		s += ": " + e.Field
	}
	if e.Offset >= 0 {
		s += " at offset " + strconv.FormatInt(e.Offset, 10)
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Unwrap returns the sentinel error e wraps.
func (e *Error) Unwrap() error { return e.Kind }

func newErr(kind error, field string, off int64, detail string) error {
	return &Error{Kind: kind, Field: field, Offset: off, Detail: detail}
}

// Suite describes one algorithm suite.
type Suite struct {
	ID             SuiteID
	Name           string           // the specification's name, without the ALG_ prefix
	MessageVersion int              // 1 or 2
	DataKeyLen     int              // bytes of the data key a keyring must produce
	EncKeyLen      int              // bytes of the AES key used for content encryption
	IVLen          int              // always 12
	TagLen         int              // always 16
	SuiteDataLen   int              // bytes of algorithm suite data in a v2 header (32 if committing)
	Committing     bool             // key commitment (v2 suites)
	KDF            func() hash.Hash // HKDF hash; nil for the identity KDF
	Curve          elliptic.Curve   // signature curve; nil when unsigned
	SigHash        crypto.Hash      // hash for the footer signature; 0 when unsigned
}

// Signed reports whether messages of this suite carry a footer signature.
func (s *Suite) Signed() bool { return s.Curve != nil }

var suites = [...]Suite{
	{ID: AES_128_GCM_IV12_TAG16_NO_KDF, Name: "AES_128_GCM_IV12_TAG16_NO_KDF", MessageVersion: 1, DataKeyLen: 16, EncKeyLen: 16},
	{ID: AES_192_GCM_IV12_TAG16_NO_KDF, Name: "AES_192_GCM_IV12_TAG16_NO_KDF", MessageVersion: 1, DataKeyLen: 24, EncKeyLen: 24},
	{ID: AES_256_GCM_IV12_TAG16_NO_KDF, Name: "AES_256_GCM_IV12_TAG16_NO_KDF", MessageVersion: 1, DataKeyLen: 32, EncKeyLen: 32},
	{ID: AES_128_GCM_IV12_TAG16_HKDF_SHA256, Name: "AES_128_GCM_IV12_TAG16_HKDF_SHA256", MessageVersion: 1, DataKeyLen: 16, EncKeyLen: 16, KDF: sha256.New},
	{ID: AES_192_GCM_IV12_TAG16_HKDF_SHA256, Name: "AES_192_GCM_IV12_TAG16_HKDF_SHA256", MessageVersion: 1, DataKeyLen: 24, EncKeyLen: 24, KDF: sha256.New},
	{ID: AES_256_GCM_IV12_TAG16_HKDF_SHA256, Name: "AES_256_GCM_IV12_TAG16_HKDF_SHA256", MessageVersion: 1, DataKeyLen: 32, EncKeyLen: 32, KDF: sha256.New},
	{ID: AES_128_GCM_IV12_TAG16_HKDF_SHA256_ECDSA_P256, Name: "AES_128_GCM_IV12_TAG16_HKDF_SHA256_ECDSA_P256", MessageVersion: 1, DataKeyLen: 16, EncKeyLen: 16, KDF: sha256.New, Curve: elliptic.P256(), SigHash: crypto.SHA256},
	{ID: AES_192_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384, Name: "AES_192_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384", MessageVersion: 1, DataKeyLen: 24, EncKeyLen: 24, KDF: sha512.New384, Curve: elliptic.P384(), SigHash: crypto.SHA384},
	{ID: AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384, Name: "AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384", MessageVersion: 1, DataKeyLen: 32, EncKeyLen: 32, KDF: sha512.New384, Curve: elliptic.P384(), SigHash: crypto.SHA384},
	{ID: AES_256_GCM_HKDF_SHA512_COMMIT_KEY, Name: "AES_256_GCM_HKDF_SHA512_COMMIT_KEY", MessageVersion: 2, DataKeyLen: 32, EncKeyLen: 32, SuiteDataLen: 32, Committing: true, KDF: sha512.New},
	{ID: AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384, Name: "AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384", MessageVersion: 2, DataKeyLen: 32, EncKeyLen: 32, SuiteDataLen: 32, Committing: true, KDF: sha512.New, Curve: elliptic.P384(), SigHash: crypto.SHA384},
}

func init() {
	for i := range suites {
		suites[i].IVLen = 12
		suites[i].TagLen = 16
	}
}

// Suites returns the eleven ESDK algorithm suites. The returned values are
// shared and must not be modified.
func Suites() []*Suite {
	out := make([]*Suite, len(suites))
	for i := range suites {
		out[i] = &suites[i]
	}
	return out
}

// LookupSuite returns the suite with the given id. The result is shared and
// must not be modified. An unknown id gives an error wrapping
// ErrUnsupportedSuite.
func LookupSuite(id SuiteID) (*Suite, error) {
	for i := range suites {
		if suites[i].ID == id {
			return &suites[i], nil
		}
	}
	return nil, newErr(ErrUnsupportedSuite, "suite_id", -1, fmt.Sprintf("unknown suite 0x%04x", uint16(id)))
}

// String returns the suite's specification name, or its hex value.
func (id SuiteID) String() string {
	if s, err := LookupSuite(id); err == nil {
		return s.Name
	}
	return fmt.Sprintf("0x%04x", uint16(id))
}
