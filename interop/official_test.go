package interop

import (
	"context"
	"fmt"

	mpl "github.com/aws/aws-cryptographic-material-providers-library/releases/go/mpl/awscryptographymaterialproviderssmithygenerated"
	mpltypes "github.com/aws/aws-cryptographic-material-providers-library/releases/go/mpl/awscryptographymaterialproviderssmithygeneratedtypes"
	esdk "github.com/aws/aws-encryption-sdk/releases/go/encryption-sdk/awscryptographyencryptionsdksmithygenerated"
	esdktypes "github.com/aws/aws-encryption-sdk/releases/go/encryption-sdk/awscryptographyencryptionsdksmithygeneratedtypes"
)

// official wraps the official AWS Encryption SDK for Go with a raw AES
// keyring, for the interop tests and the side-by-side benchmarks.
type official struct {
	client  *esdk.Client
	keyring mpltypes.IKeyring
}

func newOfficial(namespace, name string, key []byte) (*official, error) {
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
	c, err := esdk.NewClient(esdktypes.AwsEncryptionSdkConfig{})
	if err != nil {
		return nil, err
	}
	return &official{client: c, keyring: kr}, nil
}

func (o *official) encrypt(suite uint16, frame int64, pt []byte, ec map[string]string) ([]byte, error) {
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

func (o *official) decrypt(msg []byte, ec map[string]string) ([]byte, error) {
	out, err := o.client.Decrypt(context.Background(), esdktypes.DecryptInput{Ciphertext: msg, EncryptionContext: ec, Keyring: o.keyring})
	if err != nil {
		return nil, err
	}
	return out.Plaintext, nil
}
