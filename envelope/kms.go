package envelope

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/internal/esdk"
)

// kmsProviderID is the provider id of encrypted data keys wrapped by AWS
// KMS, in every AWS Encryption SDK.
const kmsProviderID = "aws-kms"

// KMSClient is the part of the AWS KMS API the KMS keyrings use. The
// aws-sdk-go-v2 *kms.Client satisfies it.
type KMSClient interface {
	GenerateDataKey(ctx context.Context, params *kms.GenerateDataKeyInput, optFns ...func(*kms.Options)) (*kms.GenerateDataKeyOutput, error)
	Encrypt(ctx context.Context, params *kms.EncryptInput, optFns ...func(*kms.Options)) (*kms.EncryptOutput, error)
	Decrypt(ctx context.Context, params *kms.DecryptInput, optFns ...func(*kms.Options)) (*kms.DecryptOutput, error)
}

var _ KMSClient = (*kms.Client)(nil)

// KMSOption configures a KMS keyring.
type KMSOption func(*kmsConfig)

type kmsConfig struct {
	grantTokens []string
}

// WithGrantTokens sends grant tokens with every KMS call of the keyring.
func WithGrantTokens(tokens ...string) KMSOption {
	return func(c *kmsConfig) { c.grantTokens = append(c.grantTokens, tokens...) }
}

// arn is a parsed AWS KMS ARN (framework/aws-kms/aws-kms-key-arn.md).
type arn struct {
	partition, service, region, account, resourceType, resource string
}

func parseARN(s string) (arn, bool) {
	p := strings.SplitN(s, ":", 6)
	if len(p) != 6 || p[0] != "arn" || p[1] == "" || p[2] != "kms" || p[3] == "" || p[4] == "" {
		return arn{}, false
	}
	typ, res, ok := strings.Cut(p[5], "/")
	if !ok || res == "" || (typ != "key" && typ != "alias") {
		return arn{}, false
	}
	return arn{p[1], p[2], p[3], p[4], typ, res}, true
}

func (a arn) String() string {
	return "arn:" + a.partition + ":" + a.service + ":" + a.region + ":" + a.account + ":" + a.resourceType + "/" + a.resource
}

func (a arn) isMRK() bool { return a.resourceType == "key" && strings.HasPrefix(a.resource, "mrk-") }

// validKMSIdentifier reports whether id is a key ARN, an alias ARN, an
// alias name or a key id.
func validKMSIdentifier(id string) bool {
	if strings.HasPrefix(id, "arn:") {
		_, ok := parseARN(id)
		return ok
	}
	if strings.HasPrefix(id, "alias/") {
		return len(id) > len("alias/")
	}
	return id != "" && !strings.ContainsAny(id, ":/")
}

// isMRKIdentifier reports whether a KMS identifier names a multi-Region key.
func isMRKIdentifier(id string) bool {
	if strings.HasPrefix(id, "arn:") {
		a, ok := parseARN(id)
		return ok && a.isMRK()
	}
	return strings.HasPrefix(id, "mrk-")
}

// mrkMatch implements framework/aws-kms/aws-kms-mrk-match-for-decrypt.md:
// identical identifiers match; two multi-Region key ARNs match when all
// but their Regions agree; nothing else matches.
func mrkMatch(a, b string) bool {
	if a == b {
		return true
	}
	if !isMRKIdentifier(a) || !isMRKIdentifier(b) {
		return false
	}
	x, ok1 := parseARN(a)
	y, ok2 := parseARN(b)
	if !ok1 || !ok2 {
		return false
	}
	x.region, y.region = "", ""
	return x == y
}

// kmsKeyring is the AWS KMS multi-Region-key-aware keyring
// (framework/aws-kms/aws-kms-mrk-keyring.md). For single-Region keys it
// behaves exactly as the strict AWS KMS keyring.
type kmsKeyring struct {
	client KMSClient
	keyID  string
	cfg    kmsConfig
}

// NewKMSKeyring returns a keyring that generates and wraps data keys with
// the AWS KMS key keyID (a key ARN, key id, alias ARN or alias name) and
// unwraps only encrypted data keys that name that key. Every call sends the
// message's encryption context, so CloudTrail records it and KMS refuses a
// different one.
//
// To decrypt, keyID must be a key ARN: encrypted data keys record the key
// ARN, and an alias or bare key id never matches one. A multi-Region key
// ARN (key/mrk-...) also matches its replicas in other Regions, and
// decryption then calls keyID's own Region (framework/aws-kms/aws-kms-mrk-keyring.md).
func NewKMSKeyring(client KMSClient, keyID string, opts ...KMSOption) (Keyring, error) {
	if client == nil {
		return nil, fmt.Errorf("%w: nil KMS client", ErrConfig)
	}
	if !validKMSIdentifier(keyID) {
		return nil, fmt.Errorf("%w: invalid AWS KMS key identifier", ErrConfig)
	}
	k := &kmsKeyring{client: client, keyID: keyID}
	for _, o := range opts {
		o(&k.cfg)
	}
	return k, nil
}

// OnEncrypt calls GenerateDataKey if m has no data key, else Encrypt, and
// appends the result.
func (k *kmsKeyring) OnEncrypt(ctx context.Context, m *EncryptionMaterials) (*EncryptionMaterials, error) {
	return kmsWrap(ctx, k.client, k.keyID, k.cfg, m)
}

func kmsWrap(ctx context.Context, client KMSClient, keyID string, cfg kmsConfig, m *EncryptionMaterials) (*EncryptionMaterials, error) {
	out := m.clone()
	if out.dataKey == nil {
		resp, err := client.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{
			KeyId:             aws.String(keyID),
			NumberOfBytes:     aws.Int32(int32(out.suite.DataKeyLen)),
			EncryptionContext: cloneEC(out.ec),
			GrantTokens:       slices.Clone(cfg.grantTokens),
		})
		if err != nil {
			return nil, &KMSError{Op: "GenerateDataKey", Err: err}
		}
		if len(resp.Plaintext) != out.suite.DataKeyLen {
			clear(resp.Plaintext)
			return nil, &KMSError{Op: "GenerateDataKey", Err: errors.New("response data key has the wrong length")}
		}
		if a, ok := parseARN(aws.ToString(resp.KeyId)); !ok || a.resourceType != "key" {
			clear(resp.Plaintext)
			return nil, &KMSError{Op: "GenerateDataKey", Err: errors.New("response KeyId is not a key ARN")}
		}
		out.dataKey = resp.Plaintext
		out.edks = append(out.edks, esdk.EncryptedDataKey{
			ProviderID:   kmsProviderID,
			ProviderInfo: []byte(aws.ToString(resp.KeyId)),
			Ciphertext:   resp.CiphertextBlob,
		})
		return out, nil
	}
	resp, err := client.Encrypt(ctx, &kms.EncryptInput{
		KeyId:             aws.String(keyID),
		Plaintext:         out.dataKey,
		EncryptionContext: cloneEC(out.ec),
		GrantTokens:       slices.Clone(cfg.grantTokens),
	})
	if err != nil {
		out.Zero()
		return nil, &KMSError{Op: "Encrypt", Err: err}
	}
	if a, ok := parseARN(aws.ToString(resp.KeyId)); !ok || a.resourceType != "key" {
		out.Zero()
		return nil, &KMSError{Op: "Encrypt", Err: errors.New("response KeyId is not a key ARN")}
	}
	out.edks = append(out.edks, esdk.EncryptedDataKey{
		ProviderID:   kmsProviderID,
		ProviderInfo: []byte(aws.ToString(resp.KeyId)),
		Ciphertext:   resp.CiphertextBlob,
	})
	return out, nil
}

// kmsEDKs returns the key ARNs of the aws-kms encrypted data keys, failing
// if one of them does not record a key ARN.
func kmsEDKs(edks []esdk.EncryptedDataKey) ([]arn, []esdk.EncryptedDataKey, error) {
	var arns []arn
	var keep []esdk.EncryptedDataKey
	for _, e := range edks {
		if e.ProviderID != kmsProviderID {
			continue
		}
		a, ok := parseARN(string(e.ProviderInfo))
		if !ok || a.resourceType != "key" {
			return nil, nil, fmt.Errorf("%w: aws-kms encrypted data key does not record a key ARN", hipaa.ErrTampered)
		}
		arns = append(arns, a)
		keep = append(keep, e)
	}
	return arns, keep, nil
}

// OnDecrypt calls KMS Decrypt, with this keyring's key id, for each
// encrypted data key that names this key (or, for a multi-Region key, a
// replica of it), until one succeeds.
func (k *kmsKeyring) OnDecrypt(ctx context.Context, m *DecryptionMaterials, edks []esdk.EncryptedDataKey) (*DecryptionMaterials, error) {
	return kmsDecryptFirst(ctx, k.client, k.cfg, m, edks, func(a arn) (string, bool) {
		return k.keyID, mrkMatch(k.keyID, a.String())
	})
}

// kmsDecryptFirst is the decrypt loop both KMS keyrings share: for each
// aws-kms encrypted data key, pick says which key id to call KMS Decrypt
// with (or to pass over the key); the first data key KMS unwraps wins.
func kmsDecryptFirst(ctx context.Context, client KMSClient, cfg kmsConfig, m *DecryptionMaterials, edks []esdk.EncryptedDataKey, pick func(arn) (keyID string, ok bool)) (*DecryptionMaterials, error) {
	if m.dataKey != nil {
		return nil, fmt.Errorf("%w: decryption materials already hold a data key", ErrConfig)
	}
	arns, keep, err := kmsEDKs(edks)
	if err != nil {
		return nil, err
	}
	var errs []error
	for i, a := range arns {
		keyID, ok := pick(a)
		if !ok {
			continue
		}
		dm, err := kmsUnwrap(ctx, client, keyID, cfg, m, keep[i])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		return dm, nil
	}
	return nil, noDataKey(errs)
}

func kmsUnwrap(ctx context.Context, client KMSClient, keyID string, cfg kmsConfig, m *DecryptionMaterials, e esdk.EncryptedDataKey) (*DecryptionMaterials, error) {
	resp, err := client.Decrypt(ctx, &kms.DecryptInput{
		KeyId:             aws.String(keyID),
		CiphertextBlob:    e.Ciphertext,
		EncryptionContext: cloneEC(m.ec),
		GrantTokens:       slices.Clone(cfg.grantTokens),
	})
	if err != nil {
		return nil, &KMSError{Op: "Decrypt", Err: err}
	}
	if aws.ToString(resp.KeyId) != keyID {
		clear(resp.Plaintext)
		return nil, &KMSError{Op: "Decrypt", Err: errors.New("response KeyId is not the requested key")}
	}
	if len(resp.Plaintext) != m.suite.DataKeyLen {
		clear(resp.Plaintext)
		return nil, &KMSError{Op: "Decrypt", Err: errors.New("response data key has the wrong length")}
	}
	return m.withDataKey(resp.Plaintext), nil
}

// DiscoveryFilter limits a discovery keyring to the KMS keys of some AWS
// accounts in one partition.
type DiscoveryFilter struct {
	// Partition is the AWS partition: "aws", "aws-us-gov", "aws-cn", ...
	Partition string
	// Accounts are the AWS account ids whose keys may be used. Required.
	Accounts []string
}

// kmsDiscoveryKeyring is the AWS KMS MRK-aware discovery keyring
// (framework/aws-kms/aws-kms-mrk-discovery-keyring.md).
type kmsDiscoveryKeyring struct {
	client KMSClient
	region string
	filter DiscoveryFilter
	cfg    kmsConfig
}

// NewKMSDiscoveryKeyring returns a decrypt-only keyring that asks AWS KMS
// to decrypt any aws-kms encrypted data key whose key belongs to one of the
// filter's accounts in its partition and, unless it is a multi-Region key,
// to region, the Region client calls. A multi-Region key is called in
// region, whatever Region the message names. The filter is required: a
// keyring that would use any key of any account is not offered.
//
// When client is a *kms.Client, region must be its Region.
func NewKMSDiscoveryKeyring(client KMSClient, region string, filter DiscoveryFilter, opts ...KMSOption) (Keyring, error) {
	if client == nil {
		return nil, fmt.Errorf("%w: nil KMS client", ErrConfig)
	}
	if region == "" {
		return nil, fmt.Errorf("%w: discovery keyring needs the KMS client's Region", ErrConfig)
	}
	if c, ok := client.(interface{ Options() kms.Options }); ok {
		if r := c.Options().Region; r != "" && r != region {
			return nil, fmt.Errorf("%w: discovery keyring Region does not match the KMS client's", ErrConfig)
		}
	}
	if filter.Partition == "" || len(filter.Accounts) == 0 || slices.Contains(filter.Accounts, "") {
		return nil, fmt.Errorf("%w: discovery filter needs a partition and at least one account", ErrConfig)
	}
	k := &kmsDiscoveryKeyring{client: client, region: region,
		filter: DiscoveryFilter{filter.Partition, slices.Clone(filter.Accounts)}}
	for _, o := range opts {
		o(&k.cfg)
	}
	return k, nil
}

// OnEncrypt always fails: a discovery keyring only decrypts.
func (k *kmsDiscoveryKeyring) OnEncrypt(context.Context, *EncryptionMaterials) (*EncryptionMaterials, error) {
	return nil, fmt.Errorf("%w: a KMS discovery keyring cannot encrypt", ErrConfig)
}

// OnDecrypt calls KMS Decrypt for each encrypted data key that passes the
// filter, until one succeeds.
func (k *kmsDiscoveryKeyring) OnDecrypt(ctx context.Context, m *DecryptionMaterials, edks []esdk.EncryptedDataKey) (*DecryptionMaterials, error) {
	return kmsDecryptFirst(ctx, k.client, k.cfg, m, edks, func(a arn) (string, bool) {
		if a.partition != k.filter.Partition || !slices.Contains(k.filter.Accounts, a.account) {
			return "", false
		}
		if !a.isMRK() && a.region != k.region {
			return "", false
		}
		if a.isMRK() {
			a.region = k.region
		}
		return a.String(), true
	})
}
