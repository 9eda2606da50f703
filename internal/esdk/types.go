// Package esdk implements the AWS Encryption SDK message format
// (github.com/awslabs/aws-encryption-sdk-specification, data-format/ and
// framework/algorithm-suites.md): headers v1 and v2, the eleven algorithm
// suites, key derivation and commitment, header authentication, framed and
// non-framed bodies, and the ECDSA signature footer. It holds no policy and
// makes no AWS calls: package envelope supplies the data key (from
// keyrings) and decides what is allowed.
package esdk

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
