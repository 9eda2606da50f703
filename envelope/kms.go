package envelope

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/phisafe/phisafe/hipaa"
)

// kmsProviderID is the provider id of encrypted data keys wrapped by AWS
// KMS, in every AWS Encryption SDK.
const kmsProviderID = "aws-kms"

// KMSClient is the part of the AWS KMS API the KMS keyrings use. The
// aws-sdk-go-v2 *kms.Client satisfies it.
//
// NewKMSKeyring and NewKMSDiscoveryKeyring check a *kms.Client (or any
// client with its Options() kms.Options method, such as a struct embedding
// one): it must carry the transport hipaa.LoadAWSConfig installs, its
// hardened TLS configuration and its HTTPS-only middleware
// (hipaa.CheckAWSTransport), so build it with
// kms.NewFromConfig(cfg) from a hipaa.LoadAWSConfig cfg. A client from
// config.LoadDefaultConfig is refused unless AllowUnhardenedKMSClient is
// given. Any other KMSClient (a test double, a wrapper you own) is used as
// it is.
type KMSClient interface {
	GenerateDataKey(ctx context.Context, params *kms.GenerateDataKeyInput, optFns ...func(*kms.Options)) (*kms.GenerateDataKeyOutput, error)
	Encrypt(ctx context.Context, params *kms.EncryptInput, optFns ...func(*kms.Options)) (*kms.EncryptOutput, error)
	Decrypt(ctx context.Context, params *kms.DecryptInput, optFns ...func(*kms.Options)) (*kms.DecryptOutput, error)
}

var _ KMSClient = (*kms.Client)(nil)

// KMSOption configures a KMS keyring.
type KMSOption func(*kmsConfig)

type kmsConfig struct {
	grantTokens     []string
	allowUnhardened bool // AllowUnhardenedKMSClient
}

// WithGrantTokens sends grant tokens with every KMS call of the keyring.
func WithGrantTokens(tokens ...string) KMSOption {
	return func(c *kmsConfig) { c.grantTokens = append(c.grantTokens, tokens...) }
}

// unhardenedKMSOption names AllowUnhardenedKMSClient in audit events.
const unhardenedKMSOption = "AllowUnhardenedKMSClient"

// AllowUnhardenedKMSClient WEAKENS the keyring's transport: it accepts a
// *kms.Client that lacks hipaa.LoadAWSConfig's hardened TLS configuration
// or its HTTPS-only middleware (for example one built from
// config.LoadDefaultConfig), so that data keys may travel over TLS
// settings phisafe does not control, or over plain HTTP. It is for a
// deliberate exception only; a test double that is not a *kms.Client
// needs no option.
//
// The waiver is audited: when envelope.New is given the keyring (directly
// or inside NewMultiKeyring) it records a hipaa.OutcomeOverride event
// (Action "envelope.New", Reason "insecure-transport", Detail
// "AllowUnhardenedKMSClient") through its policy, and New fails if the
// record fails. Until some New has recorded it, the keyring refuses to
// encrypt or decrypt (ErrConfig), so a keyring wrapped by a Keyring of your
// own must also be passed to New once. A client that passes the check
// needs no waiver and records nothing.
func AllowUnhardenedKMSClient() KMSOption {
	return func(c *kmsConfig) { c.allowUnhardened = true }
}

// transportWaiver records that AllowUnhardenedKMSClient let a client that
// fails hipaa.CheckAWSTransport through; audited is set once envelope.New
// has recorded the override. A nil *transportWaiver waives nothing.
type transportWaiver struct {
	audited atomic.Bool
}

// checkKMSClient checks the transport of a client with kms.Options (see
// KMSClient). It returns a waiver when the check fails and cfg allows it.
func checkKMSClient(client KMSClient, cfg kmsConfig) (*transportWaiver, error) {
	c, ok := client.(interface{ Options() kms.Options })
	if !ok {
		return nil, nil
	}
	o := c.Options()
	err := hipaa.CheckAWSTransport(o.HTTPClient, o.APIOptions)
	switch {
	case err == nil:
		return nil, nil
	case cfg.allowUnhardened:
		return &transportWaiver{}, nil
	}
	return nil, fmt.Errorf("%w: the KMS client lacks hipaa.LoadAWSConfig's transport (build it from hipaa.LoadAWSConfig, or see AllowUnhardenedKMSClient): %w", ErrConfig, err)
}

// ready fails until the override the waiver stands for has been recorded.
func (w *transportWaiver) ready() error {
	if w == nil || w.audited.Load() {
		return nil
	}
	return fmt.Errorf("%w: a KMS keyring built with %s works only once envelope.New has audited it", ErrConfig, unhardenedKMSOption)
}

// keyringWeakenings lists the named weakenings of k and of the keyrings in
// it (a multi-keyring's generator and children), for Policy.Adopt: a KMS
// keyring built with AllowUnhardenedKMSClient for a client that fails the
// check, a raw RSA keyring with OAEPSHA1 or PKCS1v15DecryptOnly padding.
// It also returns the waivers to mark audited once they are recorded.
func keyringWeakenings(k Keyring) (names []string, waivers []*transportWaiver) {
	var walk func(Keyring)
	walk = func(k Keyring) {
		switch k := k.(type) {
		case *kmsKeyring:
			if k.waiver != nil {
				names, waivers = append(names, unhardenedKMSOption), append(waivers, k.waiver)
			}
		case *kmsDiscoveryKeyring:
			if k.waiver != nil {
				names, waivers = append(names, unhardenedKMSOption), append(waivers, k.waiver)
			}
		case *rawRSAKeyring:
			switch k.padding {
			case OAEPSHA1:
				names = append(names, "RSAPadding=OAEPSHA1")
			case PKCS1v15DecryptOnly:
				names = append(names, "RSAPadding=PKCS1v15DecryptOnly")
			}
		case *multiKeyring:
			if k.generator != nil {
				walk(k.generator)
			}
			for _, c := range k.children {
				walk(c)
			}
		}
	}
	walk(k)
	return names, waivers
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
	waiver *transportWaiver // nil unless AllowUnhardenedKMSClient was needed
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
//
// A *kms.Client must come from hipaa.LoadAWSConfig (see KMSClient): one
// without its transport is refused with an error wrapping both ErrConfig
// and hipaa.ErrInsecureTransport (errors.As reaches the
// *hipaa.TransportError naming what is missing), unless
// AllowUnhardenedKMSClient is given.
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
	w, err := checkKMSClient(client, k.cfg)
	if err != nil {
		return nil, err
	}
	k.waiver = w
	return k, nil
}

// OnEncrypt calls GenerateDataKey if m has no data key, else Encrypt, and
// appends the result.
func (k *kmsKeyring) OnEncrypt(ctx context.Context, m *EncryptionMaterials) (*EncryptionMaterials, error) {
	if err := k.waiver.ready(); err != nil {
		return nil, err
	}
	return kmsWrap(ctx, k.client, k.keyID, k.cfg, m)
}

func kmsWrap(ctx context.Context, client KMSClient, keyID string, cfg kmsConfig, m *EncryptionMaterials) (*EncryptionMaterials, error) {
	if err := m.usable(); err != nil {
		return nil, err
	}
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
		out.edks = append(out.edks, EncryptedDataKey{
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
	out.edks = append(out.edks, EncryptedDataKey{
		ProviderID:   kmsProviderID,
		ProviderInfo: []byte(aws.ToString(resp.KeyId)),
		Ciphertext:   resp.CiphertextBlob,
	})
	return out, nil
}

// kmsEDKs returns the key ARNs of the aws-kms encrypted data keys, failing
// if one of them does not record a key ARN.
func kmsEDKs(edks []EncryptedDataKey) ([]arn, []EncryptedDataKey, error) {
	var arns []arn
	var keep []EncryptedDataKey
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
func (k *kmsKeyring) OnDecrypt(ctx context.Context, m *DecryptionMaterials, edks []EncryptedDataKey) (*DecryptionMaterials, error) {
	if err := k.waiver.ready(); err != nil {
		return nil, err
	}
	return kmsDecryptFirst(ctx, k.client, k.cfg, m, edks, func(a arn) (string, bool) {
		return k.keyID, mrkMatch(k.keyID, a.String())
	})
}

// kmsDecryptFirst is the decrypt loop both KMS keyrings share: for each
// aws-kms encrypted data key, pick says which key id to call KMS Decrypt
// with (or to pass over the key); the first data key KMS unwraps wins.
func kmsDecryptFirst(ctx context.Context, client KMSClient, cfg kmsConfig, m *DecryptionMaterials, edks []EncryptedDataKey, pick func(arn) (keyID string, ok bool)) (*DecryptionMaterials, error) {
	if err := m.usable(); err != nil {
		return nil, err
	}
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

func kmsUnwrap(ctx context.Context, client KMSClient, keyID string, cfg kmsConfig, m *DecryptionMaterials, e EncryptedDataKey) (*DecryptionMaterials, error) {
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
	waiver *transportWaiver // nil unless AllowUnhardenedKMSClient was needed
}

// NewKMSDiscoveryKeyring returns a decrypt-only keyring that asks AWS KMS
// to decrypt any aws-kms encrypted data key whose key belongs to one of the
// filter's accounts in its partition and, unless it is a multi-Region key,
// to region, the Region client calls. A multi-Region key is called in
// region, whatever Region the message names. The filter is required: a
// keyring that would use any key of any account is not offered.
//
// When client is a *kms.Client, region must be its Region, and the client
// must pass the transport check NewKMSKeyring describes.
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
	w, err := checkKMSClient(client, k.cfg)
	if err != nil {
		return nil, err
	}
	k.waiver = w
	return k, nil
}

// OnEncrypt always fails: a discovery keyring only decrypts.
func (k *kmsDiscoveryKeyring) OnEncrypt(context.Context, *EncryptionMaterials) (*EncryptionMaterials, error) {
	return nil, fmt.Errorf("%w: a KMS discovery keyring cannot encrypt", ErrConfig)
}

// OnDecrypt calls KMS Decrypt for each encrypted data key that passes the
// filter, until one succeeds.
func (k *kmsDiscoveryKeyring) OnDecrypt(ctx context.Context, m *DecryptionMaterials, edks []EncryptedDataKey) (*DecryptionMaterials, error) {
	if err := k.waiver.ready(); err != nil {
		return nil, err
	}
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
