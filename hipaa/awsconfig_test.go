package hipaa_test

import (
	"context"
	"crypto/fips140"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/testenv"
)

func staticCreds(o *hipaa.AWSOptions) {
	o.Region = "us-east-1"
	o.LoadOptions = append(o.LoadOptions, config.WithCredentialsProvider(
		credentials.NewStaticCredentialsProvider("AKIDTEST", "secret", "")))
}

// countingHTTPServer is a plain-HTTP server on loopback that counts
// connections, to prove a refused request never left the process.
func countingHTTPServer(t *testing.T) (string, *atomic.Int64) {
	t.Helper()
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL, &conns
}

func TestLoadAWSConfigRefusesPlainHTTP(t *testing.T) {
	ctx := context.Background()
	cfg, err := hipaa.LoadAWSConfig(ctx, staticCreds)
	if err != nil {
		t.Fatal(err)
	}
	loopbackURL, conns := countingHTTPServer(t)
	for _, endpoint := range []string{loopbackURL, "http://kms.phisafe-test.invalid"} {
		t.Run(endpoint, func(t *testing.T) {
			// BaseEndpoint override on the service client: the middleware
			// must still see and refuse the final URL.
			client := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(endpoint) })
			_, err := client.ListKeys(ctx, &kms.ListKeysInput{})
			if !errors.Is(err, hipaa.ErrInsecureTransport) {
				t.Fatalf("ListKeys over %s: %v, want ErrInsecureTransport", endpoint, err)
			}
			var te *hipaa.TransportError
			if !errors.As(err, &te) || te.Reason != "endpoint" {
				t.Fatalf("want *TransportError{Reason: endpoint}, got %#v", err)
			}
		})
	}
	if n := conns.Load(); n != 0 {
		t.Fatalf("%d connection(s) reached the plain-HTTP server", n)
	}
	// The config-level BaseEndpoint is refused the same way.
	cfg2 := cfg.Copy()
	cfg2.BaseEndpoint = aws.String(loopbackURL)
	if _, err := kms.NewFromConfig(cfg2).ListKeys(ctx, &kms.ListKeysInput{}); !errors.Is(err, hipaa.ErrInsecureTransport) {
		t.Fatalf("aws.Config.BaseEndpoint http: %v", err)
	}
}

func TestLoadAWSConfigAllowInsecureLoopbackHTTP(t *testing.T) {
	ctx := context.Background()
	// Without a policy the loosening is refused: it could not be audited.
	_, err := hipaa.LoadAWSConfig(ctx, staticCreds, func(o *hipaa.AWSOptions) { o.AllowInsecureLoopbackHTTP = true })
	if !errors.Is(err, hipaa.ErrPolicy) {
		t.Fatalf("AllowInsecureLoopbackHTTP without Policy: %v", err)
	}
	rec := hipaatest.NewRecorder()
	pol := &hipaa.Policy{Auditor: rec}
	cfg, err := hipaa.LoadAWSConfig(ctx, staticCreds, func(o *hipaa.AWSOptions) {
		o.AllowInsecureLoopbackHTTP = true
		o.Policy = pol
	})
	if err != nil {
		t.Fatal(err)
	}
	events := rec.Events()
	if len(events) != 1 || events[0].Action != "hipaa.LoadAWSConfig" || events[0].Outcome != hipaa.OutcomeOverride || events[0].Detail != "AllowInsecureLoopbackHTTP" {
		t.Fatalf("loosening not audited: %+v", events)
	}
	loopbackURL, conns := countingHTTPServer(t)
	client := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(loopbackURL) })
	_, _ = client.ListKeys(ctx, &kms.ListKeysInput{}) // the fake answers 200 with no body
	if conns.Load() == 0 {
		t.Fatal("loopback http was allowed but nothing was sent")
	}
	// The override cannot be recorded: no config (fail closed).
	rec.FailWith(errors.New("sink down"))
	if _, err := hipaa.LoadAWSConfig(ctx, staticCreds, func(o *hipaa.AWSOptions) {
		o.AllowInsecureLoopbackHTTP = true
		o.Policy = pol
	}); !errors.Is(err, hipaa.ErrAuditFailed) {
		t.Fatalf("AllowInsecureLoopbackHTTP with a failing sink: %v, want ErrAuditFailed", err)
	}
	rec.FailWith(nil)
	// A non-loopback http endpoint stays refused in every mode.
	client = kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String("http://kms.phisafe-test.invalid") })
	if _, err := client.ListKeys(ctx, &kms.ListKeysInput{}); !errors.Is(err, hipaa.ErrInsecureTransport) {
		t.Fatalf("non-loopback http with AllowInsecureLoopbackHTTP: %v", err)
	}
}

func TestLoadAWSConfigTLSHardened(t *testing.T) {
	t.Setenv("AWS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt") // as on these machines
	cfg, err := hipaa.LoadAWSConfig(context.Background(), staticCreds)
	if err != nil {
		t.Fatal(err)
	}
	tr := hipaa.HTTPTransportOf(cfg.HTTPClient)
	if tr == nil {
		t.Fatalf("HTTP client is %T, not LoadAWSConfig's", cfg.HTTPClient)
	}
	if err := hipaa.CheckTLSConfig(tr.TLSClientConfig); err != nil {
		t.Fatal(err)
	}
	if tr.DialTLSContext != nil {
		t.Fatal("the transport has a TLS dialer of its own")
	}
}

// TestLoadAWSConfigCABundle: a CA bundle given the SDK's way
// (AWS_CA_BUNDLE) reaches hipaa's transport: a server whose certificate
// chains to it is reached over hardened TLS.
func TestLoadAWSConfigCABundle(t *testing.T) {
	pki := testenv.NewPKI(t, false)
	srv := startCounting(t, hipaa.ServerTLSConfig(pki.Cert), ok200)
	t.Setenv("AWS_CA_BUNDLE", pki.CAFile)
	cfg, err := hipaa.LoadAWSConfig(context.Background(), staticCreds)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, srv.URL, nil)
	resp, err := cfg.HTTPClient.Do(req)
	if err != nil {
		t.Fatalf("server with a certificate from AWS_CA_BUNDLE: %v", err)
	}
	resp.Body.Close()
	if err := hipaa.CheckConnectionState(*resp.TLS); err != nil {
		t.Fatal(err)
	}
}

func TestLoadAWSConfigFIPSEndpoint(t *testing.T) {
	cfg, err := hipaa.LoadAWSConfig(context.Background(), staticCreds, func(o *hipaa.AWSOptions) { o.UseFIPSEndpoint = true })
	if err != nil {
		t.Fatal(err)
	}
	client := kms.NewFromConfig(cfg)
	ep, err := client.Options().EndpointResolverV2.ResolveEndpoint(context.Background(), kms.EndpointParameters{
		Region: aws.String("us-east-1"), UseFIPS: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if ep.URI.Host != "kms-fips.us-east-1.amazonaws.com" {
		t.Fatalf("FIPS endpoint = %s", ep.URI.Host)
	}
	found := false
	for _, s := range cfg.ConfigSources {
		if lo, ok := s.(config.LoadOptions); ok && lo.UseFIPSEndpoint == aws.FIPSEndpointStateEnabled {
			found = true
		}
	}
	if !found {
		t.Fatal("UseFIPSEndpoint not set in the loaded config")
	}
}

// TestLoadAWSConfigStrictFIPS: StrictFIPS needs Go's FIPS 140-3 module
// (the suite runs both ways in CI) and turns on FIPS endpoints.
func TestLoadAWSConfigStrictFIPS(t *testing.T) {
	pol := &hipaa.Policy{Auditor: hipaatest.NewRecorder(), StrictFIPS: true}
	cfg, err := hipaa.LoadAWSConfig(context.Background(), staticCreds, func(o *hipaa.AWSOptions) { o.Policy = pol })
	if !fips140.Enabled() {
		if !errors.Is(err, hipaa.ErrPolicy) {
			t.Fatalf("StrictFIPS without the FIPS module: %v, want ErrPolicy", err)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	var fips bool
	for _, s := range cfg.ConfigSources {
		if lo, ok := s.(config.LoadOptions); ok && lo.UseFIPSEndpoint == aws.FIPSEndpointStateEnabled {
			fips = true
		}
	}
	if !fips {
		t.Fatal("StrictFIPS did not turn on FIPS endpoints")
	}
}
