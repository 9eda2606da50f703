package envelope

import "github.com/phisafe/phisafe/internal/esdk"

// SuiteID identifies an AWS Encryption SDK algorithm suite, as written in
// a message header and named in the specification
// (framework/algorithm-suites.md). Set Options.Suite to one of the
// constants below; most users keep the default.
type SuiteID = esdk.SuiteID

// The algorithm suites, named as in the specification. All eleven decrypt
// (the ones without key commitment only under a commitment policy that
// allows them); new messages may use the committing suites, or under
// ForbidEncryptAllowDecrypt the others.
const (
	// AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384 (0x0578) is the
	// default of Encrypt: key commitment and a per-message ECDSA P-384
	// signature.
	AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384 = esdk.AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384
	// AES_256_GCM_HKDF_SHA512_COMMIT_KEY (0x0478): key commitment, no
	// signature; the default of EncryptWriter, since a reader can verify
	// each frame as it arrives. Faster; use it when every reader is also
	// trusted to write.
	AES_256_GCM_HKDF_SHA512_COMMIT_KEY = esdk.AES_256_GCM_HKDF_SHA512_COMMIT_KEY

	// Legacy suites without key commitment.
	AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384 = esdk.AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384
	AES_192_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384 = esdk.AES_192_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384
	AES_128_GCM_IV12_TAG16_HKDF_SHA256_ECDSA_P256 = esdk.AES_128_GCM_IV12_TAG16_HKDF_SHA256_ECDSA_P256
	AES_256_GCM_IV12_TAG16_HKDF_SHA256            = esdk.AES_256_GCM_IV12_TAG16_HKDF_SHA256
	AES_192_GCM_IV12_TAG16_HKDF_SHA256            = esdk.AES_192_GCM_IV12_TAG16_HKDF_SHA256
	AES_128_GCM_IV12_TAG16_HKDF_SHA256            = esdk.AES_128_GCM_IV12_TAG16_HKDF_SHA256
	AES_256_GCM_IV12_TAG16_NO_KDF                 = esdk.AES_256_GCM_IV12_TAG16_NO_KDF
	AES_192_GCM_IV12_TAG16_NO_KDF                 = esdk.AES_192_GCM_IV12_TAG16_NO_KDF
	AES_128_GCM_IV12_TAG16_NO_KDF                 = esdk.AES_128_GCM_IV12_TAG16_NO_KDF
)
