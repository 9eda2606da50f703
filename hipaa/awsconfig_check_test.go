package hipaa_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/smithy-go/middleware"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
)

// TestCheckAWSTransport: what LoadAWSConfig builds passes, in the
// aws.Config and in a service client made from it; a client from
// config.LoadDefaultConfig, any other HTTP client (even one with hipaa's
// TLS settings), or one whose HTTPS-only middleware was removed does not,
// with a *TransportError saying what is missing.
func TestCheckAWSTransport(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	ctx := context.Background()
	hardened := kmsClient(t, srv)
	cfg, err := hipaa.LoadAWSConfig(ctx, func(o *hipaa.AWSOptions) {
		o.Region = srv.Region()
		o.LoopbackTestCA = srv.CAPEM()
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := hipaa.CheckAWSTransport(cfg.HTTPClient, cfg.APIOptions); err != nil {
		t.Errorf("LoadAWSConfig's aws.Config: %v", err)
	}
	o := hardened.Options()
	if err := hipaa.CheckAWSTransport(o.HTTPClient, o.APIOptions); err != nil {
		t.Errorf("kms client from LoadAWSConfig: %v", err)
	}
	// An API option that fails on an empty stack does not hide the
	// middleware.
	failing := append(o.APIOptions[:len(o.APIOptions):len(o.APIOptions)], func(*middleware.Stack) error { return errors.New("needs a real stack") })
	if err := hipaa.CheckAWSTransport(o.HTTPClient, failing); err != nil {
		t.Errorf("with a failing API option: %v", err)
	}

	plainCfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(srv.Region()))
	if err != nil {
		t.Fatal(err)
	}
	plain := kms.NewFromConfig(plainCfg).Options()
	// A BuildableClient whose TLS configuration is hipaa's but whose
	// transport does its own (unverified) TLS.
	ownTLS := awshttp.NewBuildableClient().WithTransportOptions(func(tr *http.Transport) {
		tr.TLSClientConfig = hipaa.ClientTLSConfig()
		tr.DialTLSContext = permissiveDialTLS
	})
	removed := append(o.APIOptions[:len(o.APIOptions):len(o.APIOptions)], func(st *middleware.Stack) error {
		_, err := st.Finalize.Remove("phisafe.RequireHTTPS")
		return err
	})
	for _, c := range []struct {
		name   string
		client aws.HTTPClient
		apiOpt []func(*middleware.Stack) error
		reason string
	}{
		{"LoadDefaultConfig", plainCfg.HTTPClient, plainCfg.APIOptions, "http-client"},
		{"kms client from LoadDefaultConfig", plain.HTTPClient, plain.APIOptions, "http-client"},
		{"hipaa TLS settings, own DialTLSContext", ownTLS, o.APIOptions, "http-client"},
		{"nil HTTP client", nil, o.APIOptions, "http-client"},
		{"net/http client", &http.Client{}, o.APIOptions, "http-client"},
		{"hardened HTTP client, no middleware", o.HTTPClient, nil, "endpoint"},
		{"middleware removed", o.HTTPClient, removed, "endpoint"},
	} {
		err := hipaa.CheckAWSTransport(c.client, c.apiOpt)
		var te *hipaa.TransportError
		if !errors.Is(err, hipaa.ErrInsecureTransport) || !errors.As(err, &te) || te.Reason != c.reason {
			t.Errorf("%s: %v, want reason %s", c.name, err, c.reason)
		}
	}
}
