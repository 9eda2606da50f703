package envelope

import (
	"context"
	"errors"
	"github.com/aws/smithy-go"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/smithy-go/middleware"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
)

// startKMS starts a local KMS server with one key and returns a client
// of it built the supported way, from hipaa.LoadAWSConfig (HTTPS, hardened
// TLS, the server's CA trusted for loopback only).
func startKMS(t *testing.T) (*hipaatest.KMSServer, *kms.Client, string) {
	t.Helper()
	srv := hipaatest.StartKMS(t)
	keyARN, err := srv.CreateKey("envelope test key", "alias/envelope-test")
	if err != nil {
		t.Fatal(err)
	}
	return srv, hardenedKMSClient(t, srv), keyARN
}

// hardenedKMSClient is a kms client of srv from hipaa.LoadAWSConfig.
func hardenedKMSClient(t *testing.T, srv *hipaatest.KMSServer) *kms.Client {
	t.Helper()
	cfg, err := hipaa.LoadAWSConfig(ctxBG, func(o *hipaa.AWSOptions) {
		o.Region = srv.Region()
		o.LoopbackTestCA = srv.CAPEM()
		o.LoadOptions = append(o.LoadOptions, config.WithCredentialsProvider(srv.Credentials()))
	})
	if err != nil {
		t.Fatal(err)
	}
	return kms.NewFromConfig(cfg, func(o *kms.Options) {
		o.BaseEndpoint = aws.String(srv.URL())
		o.RetryMaxAttempts = 1
	})
}

// defaultKMSClient is a kms client of srv from config.LoadDefaultConfig:
// it trusts srv's CA but has neither hipaa's TLS settings nor its
// HTTPS-only middleware.
func defaultKMSClient(t *testing.T, srv *hipaatest.KMSServer) *kms.Client {
	t.Helper()
	cfg, err := config.LoadDefaultConfig(ctxBG,
		config.WithRegion(srv.Region()),
		config.WithCredentialsProvider(srv.Credentials()),
		config.WithHTTPClient(srv.HTTPClient()))
	if err != nil {
		t.Fatal(err)
	}
	return kms.NewFromConfig(cfg, func(o *kms.Options) {
		o.BaseEndpoint = aws.String(srv.URL())
		o.RetryMaxAttempts = 1
	})
}

// kmsCalls is how many requests the keyrings' operations made to srv.
func kmsCalls(srv *hipaatest.KMSServer) int {
	return srv.Calls("GenerateDataKey") + srv.Calls("Encrypt") + srv.Calls("Decrypt")
}

// TestKMSKeyringRefusesUnhardenedClient: a *kms.Client without
// hipaa.LoadAWSConfig's transport is refused by both KMS keyrings with a
// typed error; one from LoadAWSConfig is accepted and works (the other
// tests of this file use it).
func TestKMSKeyringRefusesUnhardenedClient(t *testing.T) {
	srv, hardened, keyARN := startKMS(t)
	plain := defaultKMSClient(t, srv)
	// Plain http to the same server is possible with LoadDefaultConfig;
	// the check refuses it before any call.
	noTLS := kms.NewFromConfig(aws.Config{Region: srv.Region(), Credentials: srv.Credentials()},
		func(o *kms.Options) { o.BaseEndpoint = aws.String("http://127.0.0.1:1") })
	// A LoadAWSConfig client whose middleware was removed per client.
	stripped := kms.New(hardened.Options(), func(o *kms.Options) {
		o.APIOptions = append(o.APIOptions, func(st *middleware.Stack) error {
			_, err := st.Finalize.Remove("phisafe.RequireHTTPS")
			return err
		})
	})
	for name, c := range map[string]*kms.Client{"LoadDefaultConfig": plain, "no TLS": noTLS, "middleware removed": stripped} {
		before := kmsCalls(srv)
		_, err := NewKMSKeyring(c, keyARN)
		var te *hipaa.TransportError
		if !errors.Is(err, ErrConfig) || !errors.Is(err, hipaa.ErrInsecureTransport) || !errors.As(err, &te) {
			t.Errorf("%s: NewKMSKeyring = %v", name, err)
			continue
		}
		if strings.Contains(err.Error(), srv.SecretAccessKey()) || strings.Contains(err.Error(), srv.URL()) {
			t.Errorf("%s: error names a secret or the endpoint: %v", name, err)
		}
		t.Logf("%s: %v", name, err)
		_, err = NewKMSDiscoveryKeyring(c, srv.Region(), DiscoveryFilter{Partition: "aws", Accounts: []string{srv.Account()}})
		if !errors.Is(err, ErrConfig) || !errors.Is(err, hipaa.ErrInsecureTransport) {
			t.Errorf("%s: NewKMSDiscoveryKeyring = %v", name, err)
		}
		// A struct embedding the client is checked the same way.
		if _, err := NewKMSKeyring(struct{ *kms.Client }{c}, keyARN); !errors.Is(err, hipaa.ErrInsecureTransport) {
			t.Errorf("%s: embedded client: %v", name, err)
		}
		if kmsCalls(srv) != before {
			t.Errorf("%s: the check called KMS", name)
		}
	}

	// The hardened client is accepted and works end to end.
	k, err := NewKMSKeyring(hardened, keyARN)
	if err != nil {
		t.Fatal(err)
	}
	c, rec := newClient(t, k)
	ec := map[string]string{"tenant": "t-1"}
	msg, err := c.Encrypt(ctxBG, []byte("lab result"), ec)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := c.Decrypt(ctxBG, msg, ec); err != nil || string(got) != "lab result" {
		t.Fatalf("Decrypt: %v", err)
	}
	for _, e := range rec.Events() {
		if e.Outcome == hipaa.OutcomeOverride {
			t.Fatalf("override recorded for a hardened client: %+v", e)
		}
	}
}

// TestAllowUnhardenedKMSClient: the option lets an unhardened client
// through, and envelope.New records the override (also for a keyring
// inside a multi-keyring), or fails if it cannot; until then the keyring
// refuses to work.
func TestAllowUnhardenedKMSClient(t *testing.T) {
	srv, hardened, keyARN := startKMS(t)
	plain := defaultKMSClient(t, srv)
	k, err := NewKMSKeyring(plain, keyARN, AllowUnhardenedKMSClient())
	if err != nil {
		t.Fatal(err)
	}
	// Not yet audited: no KMS call.
	em0, _ := NewEncryptionMaterials(AES_256_GCM_HKDF_SHA512_COMMIT_KEY, nil)
	if _, err := k.OnEncrypt(ctxBG, em0); !errors.Is(err, ErrConfig) {
		t.Fatalf("unaudited keyring encrypted: %v", err)
	}
	if n := srv.Calls("GenerateDataKey"); n != 0 {
		t.Fatalf("unaudited keyring called KMS %d times", n)
	}

	// New fails when the override cannot be recorded, and the keyring
	// stays unusable.
	failing := hipaatest.NewRecorder()
	failing.FailWith(errors.New("disk full"))
	if _, err := New(&hipaa.Policy{Auditor: failing}, k); !errors.Is(err, hipaa.ErrAuditFailed) {
		t.Fatalf("New with a failing auditor = %v", err)
	}
	if _, err := k.OnEncrypt(ctxBG, em0); !errors.Is(err, ErrConfig) {
		t.Fatalf("keyring works after a failed audit: %v", err)
	}

	// Inside a multi-keyring (as a child, with a hardened generator).
	gen, err := NewKMSKeyring(hardened, keyARN)
	if err != nil {
		t.Fatal(err)
	}
	multi, err := NewMultiKeyring(gen, k)
	if err != nil {
		t.Fatal(err)
	}
	c, rec := newClient(t, multi)
	var overrides []hipaa.Event
	for _, e := range rec.Events() {
		if e.Outcome == hipaa.OutcomeOverride {
			overrides = append(overrides, e)
		}
	}
	if len(overrides) != 1 {
		t.Fatalf("override events: %+v", rec.Events())
	}
	if e := overrides[0]; e.Action != "envelope.New" || e.Detail != "AllowUnhardenedKMSClient" {
		t.Fatalf("override event %+v", e)
	}
	ec := map[string]string{"tenant": "t-1"}
	msg, err := c.Encrypt(ctxBG, []byte("lab result"), ec)
	if err != nil {
		t.Fatal(err)
	}
	// The waived keyring alone decrypts it, in a Client of its own.
	kc, _ := newClient(t, k)
	if got, err := kc.Decrypt(ctxBG, msg, ec); err != nil || string(got) != "lab result" {
		t.Fatalf("Decrypt: %v", err)
	}

	// A hardened client needs no waiver: the option records nothing.
	h, err := NewKMSKeyring(hardened, keyARN, AllowUnhardenedKMSClient())
	if err != nil {
		t.Fatal(err)
	}
	_, rec = newClient(t, h)
	for _, e := range rec.Events() {
		if e.Outcome == hipaa.OutcomeOverride {
			t.Fatalf("override recorded for a hardened client: %+v", e)
		}
	}

	// The discovery keyring takes the option too.
	d, err := NewKMSDiscoveryKeyring(plain, srv.Region(), DiscoveryFilter{Partition: "aws", Accounts: []string{srv.Account()}}, AllowUnhardenedKMSClient())
	if err != nil {
		t.Fatal(err)
	}
	dc, rec := newClient(t, d)
	if evs := rec.Events(); len(evs) != 1 || evs[0].Outcome != hipaa.OutcomeOverride || evs[0].Detail != "AllowUnhardenedKMSClient" {
		t.Fatalf("discovery override events: %+v", evs)
	}
	if got, err := dc.Decrypt(ctxBG, msg, ec); err != nil || string(got) != "lab result" {
		t.Fatalf("discovery Decrypt: %v", err)
	}
}

func TestKMSKeyring(t *testing.T) {
	srv, client, keyARN := startKMS(t)
	k, err := NewKMSKeyring(client, keyARN)
	if err != nil {
		t.Fatal(err)
	}
	ec := map[string]string{"tenant": "t-1"}
	em := wrap(t, k, 0x0578, ec)
	edks := em.EncryptedDataKeys()
	if len(edks) != 1 || edks[0].ProviderID != "aws-kms" || string(edks[0].ProviderInfo) != keyARN {
		t.Fatalf("edk %q %q", edks[0].ProviderID, edks[0].ProviderInfo)
	}
	if srv.Calls("GenerateDataKey") != 1 {
		t.Fatalf("GenerateDataKey calls = %d", srv.Calls("GenerateDataKey"))
	}
	dm, err := unwrap(k, 0x0578, ec, edks)
	if err != nil || !sameDataKey(em, dm) {
		t.Fatalf("OnDecrypt: %v", err)
	}

	// A second KMS keyring (by alias) wraps the existing key with Encrypt.
	byAlias, _ := NewKMSKeyring(client, "alias/envelope-test")
	em2, err := byAlias.OnEncrypt(ctxBG, em)
	if err != nil || srv.Calls("Encrypt") != 1 {
		t.Fatalf("Encrypt: %v (calls %d)", err, srv.Calls("Encrypt"))
	}
	if len(em2.EncryptedDataKeys()) != 2 || string(em2.EncryptedDataKeys()[1].ProviderInfo) != keyARN {
		t.Fatal("Encrypt did not append an EDK naming the key ARN")
	}
	// An alias never matches a recorded key ARN: no KMS call.
	before := srv.Calls("Decrypt")
	if _, err := unwrap(byAlias, 0x0578, ec, edks); !errors.Is(err, ErrNoDataKey) {
		t.Fatalf("alias keyring decrypted: %v", err)
	}
	if srv.Calls("Decrypt") != before {
		t.Fatal("alias keyring called Decrypt")
	}
}

func TestKMSKeyringWrongContext(t *testing.T) {
	_, client, keyARN := startKMS(t)
	k, _ := NewKMSKeyring(client, keyARN)
	em := wrap(t, k, 0x0478, map[string]string{"tenant": "t-1"})
	_, err := unwrap(k, 0x0478, map[string]string{"tenant": "t-2"}, em.EncryptedDataKeys())
	var invalid *types.InvalidCiphertextException
	var kerr *KMSError
	if !errors.Is(err, ErrNoDataKey) || !errors.Is(err, ErrKMS) || !errors.Is(err, hipaa.ErrTampered) ||
		!errors.As(err, &invalid) || !errors.As(err, &kerr) || kerr.Op != "Decrypt" {
		t.Fatalf("wrong context: %v", err)
	}
	// Tampered ciphertext.
	bad := em.EncryptedDataKeys()
	bad[0].Ciphertext[len(bad[0].Ciphertext)-1] ^= 1
	if _, err := unwrap(k, 0x0478, map[string]string{"tenant": "t-1"}, bad); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("tampered EDK: %v", err)
	}
}

func TestKMSKeyringDisabledKey(t *testing.T) {
	_, client, keyARN := startKMS(t)
	k, _ := NewKMSKeyring(client, keyARN)
	em := wrap(t, k, 0x0478, nil)
	if _, err := client.DisableKey(ctxBG, &kms.DisableKeyInput{KeyId: aws.String(keyARN)}); err != nil {
		t.Fatal(err)
	}
	var disabled *types.DisabledException
	if _, err := unwrap(k, 0x0478, nil, em.EncryptedDataKeys()); !errors.Is(err, ErrKMS) || !errors.As(err, &disabled) {
		t.Fatalf("disabled key, decrypt: %v", err)
	}
	em0, _ := NewEncryptionMaterials(0x0478, nil)
	if _, err := k.OnEncrypt(ctxBG, em0); !errors.Is(err, ErrKMS) || !errors.As(err, &disabled) {
		t.Fatalf("disabled key, encrypt: %v", err)
	}
}

func TestKMSKeyringOutage(t *testing.T) {
	srv, client, keyARN := startKMS(t)
	k, _ := NewKMSKeyring(client, keyARN)
	em := wrap(t, k, 0x0478, nil)
	srv.SetOutage(true)
	em0, _ := NewEncryptionMaterials(0x0478, nil)
	_, err := k.OnEncrypt(ctxBG, em0)
	var kerr *KMSError
	var ae smithy.APIError
	if !errors.As(err, &kerr) || kerr.Op != "GenerateDataKey" || !errors.As(err, &ae) || ae.ErrorCode() != "ServiceUnavailableException" {
		t.Fatalf("outage, encrypt: %v", err)
	}
	if _, err := unwrap(k, 0x0478, nil, em.EncryptedDataKeys()); !errors.Is(err, ErrKMS) {
		t.Fatalf("outage, decrypt: %v", err)
	}
	srv.SetOutage(false)
	if _, err := unwrap(k, 0x0478, nil, em.EncryptedDataKeys()); err != nil {
		t.Fatalf("after outage: %v", err)
	}
}

func TestKMSDiscoveryKeyring(t *testing.T) {
	srv, client, keyARN := startKMS(t)
	k, _ := NewKMSKeyring(client, keyARN)
	ec := map[string]string{"x": "y"}
	em := wrap(t, k, 0x0578, ec)
	a, _ := parseARN(keyARN)

	d, err := NewKMSDiscoveryKeyring(client, srv.Region(), DiscoveryFilter{Partition: a.partition, Accounts: []string{"444455556666", a.account}})
	if err != nil {
		t.Fatal(err)
	}
	if dm, err := unwrap(d, 0x0578, ec, em.EncryptedDataKeys()); err != nil || !sameDataKey(em, dm) {
		t.Fatalf("discovery: %v", err)
	}
	if _, err := d.OnEncrypt(ctxBG, em); !errors.Is(err, ErrConfig) {
		t.Fatal("discovery keyring encrypted")
	}
	before := srv.Calls("Decrypt")
	other, _ := NewKMSDiscoveryKeyring(client, srv.Region(), DiscoveryFilter{Partition: a.partition, Accounts: []string{"444455556666"}})
	if _, err := unwrap(other, 0x0578, ec, em.EncryptedDataKeys()); !errors.Is(err, ErrNoDataKey) {
		t.Fatalf("account filter: %v", err)
	}
	otherPart, _ := NewKMSDiscoveryKeyring(client, srv.Region(), DiscoveryFilter{Partition: "aws-cn", Accounts: []string{a.account}})
	if _, err := unwrap(otherPart, 0x0578, ec, em.EncryptedDataKeys()); !errors.Is(err, ErrNoDataKey) {
		t.Fatalf("partition filter: %v", err)
	}
	if srv.Calls("Decrypt") != before {
		t.Fatal("filtered keys reached KMS")
	}
	if _, err := NewKMSDiscoveryKeyring(client, "eu-west-3", DiscoveryFilter{Partition: "aws", Accounts: []string{"1"}}); !errors.Is(err, ErrConfig) {
		t.Fatal("Region mismatch accepted")
	}
	if _, err := NewKMSDiscoveryKeyring(client, srv.Region(), DiscoveryFilter{}); !errors.Is(err, ErrConfig) {
		t.Fatal("empty filter accepted")
	}
	// An aws-kms EDK whose provider info is not a key ARN fails OnDecrypt.
	bad := []EncryptedDataKey{{ProviderID: "aws-kms", ProviderInfo: []byte("alias/x"), Ciphertext: []byte{1}}}
	if _, err := unwrap(d, 0x0578, ec, bad); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("bad provider info: %v", err)
	}
}

func TestKMSKeyringConfig(t *testing.T) {
	if _, err := NewKMSKeyring(nil, "alias/x"); !errors.Is(err, ErrConfig) {
		t.Error("nil client accepted")
	}
	for _, id := range []string{"", "arn:aws:kms:us-east-1:1:thing/x", "arn:aws:s3:us-east-1:1:key/x", "arn:aws:kms::1:key/x", "alias/", "a:b"} {
		if _, err := NewKMSKeyring(&stubKMS{}, id); !errors.Is(err, ErrConfig) {
			t.Errorf("key id %q accepted", id)
		}
	}
	// Nil or zero-value materials (which a keyring of another package can
	// pass on) are refused, not a panic.
	k, _ := NewKMSKeyring(&stubKMS{}, "arn:aws:kms:us-west-2:111122223333:key/1234")
	d, _ := NewKMSDiscoveryKeyring(&stubKMS{}, "us-west-2", DiscoveryFilter{Partition: "aws", Accounts: []string{"111122223333"}})
	if _, err := k.OnEncrypt(ctxBG, nil); !errors.Is(err, ErrConfig) {
		t.Errorf("OnEncrypt(nil) = %v", err)
	}
	if _, err := k.OnEncrypt(ctxBG, &EncryptionMaterials{}); !errors.Is(err, ErrConfig) {
		t.Errorf("OnEncrypt(zero) = %v", err)
	}
	for _, kr := range []Keyring{k, d} {
		if _, err := kr.OnDecrypt(ctxBG, nil, nil); !errors.Is(err, ErrConfig) {
			t.Errorf("OnDecrypt(nil) = %v", err)
		}
		if _, err := kr.OnDecrypt(ctxBG, &DecryptionMaterials{}, nil); !errors.Is(err, ErrConfig) {
			t.Errorf("OnDecrypt(zero) = %v", err)
		}
	}
}

func TestMRKMatch(t *testing.T) {
	const (
		east  = "arn:aws:kms:us-east-1:111122223333:key/mrk-1234"
		west  = "arn:aws:kms:us-west-2:111122223333:key/mrk-1234"
		other = "arn:aws:kms:us-west-2:444455556666:key/mrk-1234"
		srk   = "arn:aws:kms:us-east-1:111122223333:key/1234"
		srkW  = "arn:aws:kms:us-west-2:111122223333:key/1234"
		alias = "arn:aws:kms:us-west-2:111122223333:alias/mrk-1234"
	)
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{east, east, true}, {east, west, true}, {west, east, true}, {east, other, false},
		{srk, srk, true}, {srk, srkW, false}, {alias, west, false}, {"mrk-1234", east, false},
		{"mrk-1234", "mrk-1234", true},
	} {
		if got := mrkMatch(c.a, c.b); got != c.want {
			t.Errorf("mrkMatch(%s, %s) = %v", c.a, c.b, got)
		}
	}
}

// stubKMS answers Decrypt with a fixed key, recording the KeyId asked for.
type stubKMS struct {
	asked []string
	reply string // KeyId to answer with; "" means the one asked for
}

func (s *stubKMS) GenerateDataKey(context.Context, *kms.GenerateDataKeyInput, ...func(*kms.Options)) (*kms.GenerateDataKeyOutput, error) {
	return nil, errors.New("stub")
}

func (s *stubKMS) Encrypt(context.Context, *kms.EncryptInput, ...func(*kms.Options)) (*kms.EncryptOutput, error) {
	return nil, errors.New("stub")
}

func (s *stubKMS) Decrypt(_ context.Context, in *kms.DecryptInput, _ ...func(*kms.Options)) (*kms.DecryptOutput, error) {
	s.asked = append(s.asked, aws.ToString(in.KeyId))
	id := s.reply
	if id == "" {
		id = aws.ToString(in.KeyId)
	}
	return &kms.DecryptOutput{KeyId: aws.String(id), Plaintext: make([]byte, 32)}, nil
}

func TestMRKKeyrings(t *testing.T) {
	const (
		east = "arn:aws:kms:us-east-1:111122223333:key/mrk-1234"
		west = "arn:aws:kms:us-west-2:111122223333:key/mrk-1234"
		srkE = "arn:aws:kms:us-east-1:111122223333:key/abcd"
	)
	edks := []EncryptedDataKey{
		{ProviderID: "aws-kms", ProviderInfo: []byte(srkE), Ciphertext: []byte{1}},
		{ProviderID: "aws-kms", ProviderInfo: []byte(east), Ciphertext: []byte{2}},
	}
	// A keyring for the us-west-2 replica decrypts the us-east-1 EDK by
	// calling its own Region.
	stub := &stubKMS{}
	k, _ := NewKMSKeyring(stub, west)
	if _, err := unwrap(k, 0x0478, nil, edks); err != nil {
		t.Fatal(err)
	}
	if len(stub.asked) != 1 || stub.asked[0] != west {
		t.Fatalf("asked %v", stub.asked)
	}
	// A response naming another key is refused.
	stub = &stubKMS{reply: east}
	k, _ = NewKMSKeyring(stub, west)
	if _, err := unwrap(k, 0x0478, nil, edks); !errors.Is(err, ErrKMS) {
		t.Fatalf("response KeyId not checked: %v", err)
	}
	// Discovery in us-west-2: the single-Region us-east-1 key is skipped,
	// the MRK is called in us-west-2.
	stub = &stubKMS{}
	d, _ := NewKMSDiscoveryKeyring(stub, "us-west-2", DiscoveryFilter{Partition: "aws", Accounts: []string{"111122223333"}})
	if _, err := unwrap(d, 0x0478, nil, edks); err != nil {
		t.Fatal(err)
	}
	if len(stub.asked) != 1 || stub.asked[0] != west {
		t.Fatalf("discovery asked %v", stub.asked)
	}
}
