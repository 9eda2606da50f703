// Package official drives the official AWS Encryption SDK for Go (v0.4.0)
// with a raw AES keyring, for phisafe's interop tests and side-by-side
// benchmarks. It is not part of phisafe's API.
package official

import (
	"context"
	"fmt"

	mpl "github.com/aws/aws-cryptographic-material-providers-library/releases/go/mpl/awscryptographymaterialproviderssmithygenerated"
	mpltypes "github.com/aws/aws-cryptographic-material-providers-library/releases/go/mpl/awscryptographymaterialproviderssmithygeneratedtypes"
	esdk "github.com/aws/aws-encryption-sdk/releases/go/encryption-sdk/awscryptographyencryptionsdksmithygenerated"
	esdktypes "github.com/aws/aws-encryption-sdk/releases/go/encryption-sdk/awscryptographyencryptionsdksmithygeneratedtypes"
)

// Client is an official ESDK client with one raw AES-256 keyring.
type Client struct {
	client  *esdk.Client
	keyring mpltypes.IKeyring
}

// The official SDK's commitment policies, for NewWithPolicy.
const (
	RequireEncryptRequireDecrypt = mpltypes.ESDKCommitmentPolicyRequireEncryptRequireDecrypt
	RequireEncryptAllowDecrypt   = mpltypes.ESDKCommitmentPolicyRequireEncryptAllowDecrypt
	ForbidEncryptAllowDecrypt    = mpltypes.ESDKCommitmentPolicyForbidEncryptAllowDecrypt
)

// New returns a Client whose raw AES keyring has the given namespace,
// name and 32-byte wrapping key, under the default commitment policy
// (RequireEncryptRequireDecrypt).
func New(namespace, name string, key []byte) (*Client, error) {
	return NewWithPolicy(namespace, name, key, RequireEncryptRequireDecrypt)
}

// NewWithPolicy is New under the given commitment policy:
// ForbidEncryptAllowDecrypt to write the suites without key commitment,
// either AllowDecrypt policy to read them.
func NewWithPolicy(namespace, name string, key []byte, policy mpltypes.ESDKCommitmentPolicy) (*Client, error) {
	mp, err := mpl.NewClient(mpltypes.MaterialProvidersConfig{})
	if err != nil {
		return nil, err
	}
	kr, err := mp.CreateRawAesKeyring(context.Background(), mpltypes.CreateRawAesKeyringInput{
		KeyName: name, KeyNamespace: namespace, WrappingKey: key,
		WrappingAlg: mpltypes.AesWrappingAlgAlgAes256GcmIv12Tag16,
	})
	if err != nil {
		return nil, err
	}
	c, err := esdk.NewClient(esdktypes.AwsEncryptionSdkConfig{CommitmentPolicy: &policy})
	if err != nil {
		return nil, err
	}
	return &Client{client: c, keyring: kr}, nil
}

// Encrypt encrypts pt with the given suite (0x0478, 0x0578, ...) and frame
// length (0: the SDK's default).
func (o *Client) Encrypt(suite uint16, frame int64, pt []byte, ec map[string]string) ([]byte, error) {
	id := mpltypes.ESDKAlgorithmSuiteId(fmt.Sprintf("0x%04X", suite))
	in := esdktypes.EncryptInput{Plaintext: pt, EncryptionContext: ec, Keyring: o.keyring, AlgorithmSuiteId: &id}
	if frame > 0 {
		in.FrameLength = &frame
	}
	out, err := o.client.Encrypt(context.Background(), in)
	if err != nil {
		return nil, err
	}
	return out.Ciphertext, nil
}

// Decrypt decrypts msg, requiring the reproduced context ec.
func (o *Client) Decrypt(msg []byte, ec map[string]string) ([]byte, error) {
	out, err := o.client.Decrypt(context.Background(), esdktypes.DecryptInput{Ciphertext: msg, EncryptionContext: ec, Keyring: o.keyring})
	if err != nil {
		return nil, err
	}
	return out.Plaintext, nil
}
