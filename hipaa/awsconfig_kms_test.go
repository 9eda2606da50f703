package hipaa_test

import (
	"context"
	"crypto/tls"
	"errors"
	"net/http/httptrace"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/testenv"
)

// kmsClient returns a kms client built from LoadAWSConfig that talks to
// srv over HTTPS, trusting srv's CA for loopback only.
func kmsClient(t *testing.T, srv *hipaatest.KMSServer) *kms.Client {
	t.Helper()
	cfg, err := hipaa.LoadAWSConfig(context.Background(), func(o *hipaa.AWSOptions) {
		o.Region = srv.Region()
		o.LoopbackTestCA = srv.CAPEM()
		o.LoadOptions = append(o.LoadOptions, config.WithCredentialsProvider(
			credentials.NewStaticCredentialsProvider(srv.AccessKeyID(), srv.SecretAccessKey(), "")))
	})
	if err != nil {
		t.Fatal(err)
	}
	return kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(srv.URL()) })
}

func TestLoadAWSConfigTalksHTTPSToLocalKMS(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	client := kmsClient(t, srv)

	// Record the TLS state the SDK's own HTTP client negotiated.
	var states []tls.ConnectionState
	ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
		TLSHandshakeDone: func(cs tls.ConnectionState, err error) {
			if err == nil {
				states = append(states, cs)
			}
		},
	})
	key, err := client.CreateKey(ctx, &kms.CreateKeyInput{})
	if err != nil {
		t.Fatal(err)
	}
	ec := map[string]string{"tenant": "t-1"}
	dk, err := client.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{KeyId: key.KeyMetadata.KeyId, KeySpec: "AES_256", EncryptionContext: ec})
	if err != nil {
		t.Fatal(err)
	}
	pt, err := client.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: dk.CiphertextBlob, EncryptionContext: ec})
	if err != nil {
		t.Fatal(err)
	}
	if string(pt.Plaintext) != string(dk.Plaintext) || len(pt.Plaintext) != 32 {
		t.Fatal("data key did not round-trip")
	}
	if len(states) == 0 {
		t.Fatal("no TLS handshake observed")
	}
	for _, cs := range states {
		if err := hipaa.CheckConnectionState(cs); err != nil {
			t.Fatalf("negotiated %s %s: %v", tls.VersionName(cs.Version), tls.CipherSuiteName(cs.CipherSuite), err)
		}
	}
	if srv.Calls("GenerateDataKey") != 1 || srv.Calls("Decrypt") != 1 {
		t.Fatalf("server saw GenerateDataKey=%d Decrypt=%d", srv.Calls("GenerateDataKey"), srv.Calls("Decrypt"))
	}
}

// TestGuardFailingSinkBlocksKMSCall shows fail-closed audit with a real
// AWS call: when the audit sink fails, the KMS request is never sent.
func TestGuardFailingSinkBlocksKMSCall(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	client := kmsClient(t, srv)
	ctx := context.Background()
	key, err := client.CreateKey(ctx, &kms.CreateKeyInput{})
	if err != nil {
		t.Fatal(err)
	}
	rec := hipaatest.NewRecorder()
	rec.FailWith(errors.New("disk full"))
	policy := &hipaa.Policy{Auditor: rec}
	err = policy.Guard(ctx, hipaa.Operation{Action: "kms.GenerateDataKey", KeyID: *key.KeyMetadata.Arn},
		func(ctx context.Context) (int64, error) {
			_, err := client.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{KeyId: key.KeyMetadata.KeyId, KeySpec: "AES_256"})
			return 0, err
		})
	if !errors.Is(err, hipaa.ErrAuditFailed) {
		t.Fatalf("Guard = %v, want ErrAuditFailed", err)
	}
	if n := srv.Calls("GenerateDataKey"); n != 0 {
		t.Fatalf("KMS saw %d GenerateDataKey call(s) although the audit record failed", n)
	}
	// With a working sink the same call goes through and is recorded.
	rec.FailWith(nil)
	err = policy.Guard(ctx, hipaa.Operation{Action: "kms.GenerateDataKey", KeyID: *key.KeyMetadata.Arn},
		func(ctx context.Context) (int64, error) {
			_, err := client.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{KeyId: key.KeyMetadata.KeyId, KeySpec: "AES_256"})
			return 0, err
		})
	if err != nil || srv.Calls("GenerateDataKey") != 1 {
		t.Fatalf("Guard = %v, calls %d", err, srv.Calls("GenerateDataKey"))
	}
}

// TestLoopbackTestCANotTrustedElsewhere: a certificate from the loopback
// test CA that is valid for a public-looking name is refused, whichever of
// its names is dialed (a loopback-only certificate from the same kind of
// CA is accepted: TestLoadAWSConfigTalksHTTPSToLocalKMS).
func TestLoopbackTestCANotTrustedElsewhere(t *testing.T) {
	pki := testenv.NewPKIFor(t, false, "kms.phisafe-test.example", "127.0.0.1")
	addr := startHandshakeServer(t, pki.Cert)
	cfg, err := hipaa.LoadAWSConfig(context.Background(), func(o *hipaa.AWSOptions) {
		o.Region = "us-east-1"
		o.LoopbackTestCA = pki.CAPEM
	})
	if err != nil {
		t.Fatal(err)
	}
	tc := hipaa.HTTPTransportOf(cfg.HTTPClient).TLSClientConfig

	c := tc.Clone()
	c.ServerName = "kms.phisafe-test.example"
	conn, err := tls.Dial("tcp", addr, c)
	if err == nil {
		conn.Close()
		t.Fatal("a loopback-only test CA was trusted for a non-loopback name")
	}
	if !errors.Is(err, hipaa.ErrInsecureTransport) {
		t.Fatalf("want ErrInsecureTransport, got %v", err)
	}

	c = tc.Clone()
	c.ServerName = "127.0.0.1"
	conn, err = tls.Dial("tcp", addr, c)
	if err == nil {
		conn.Close()
		t.Fatal("a test-CA certificate that also names a public host was accepted")
	}
	if !errors.Is(err, hipaa.ErrInsecureTransport) {
		t.Fatalf("want ErrInsecureTransport, got %v", err)
	}
}
