package hipaa

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"net"
	"net/http"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// AWSOptions configures LoadAWSConfig. The zero value is the strict
// configuration: HTTPS only, hardened TLS, system roots (plus
// AWS_CA_BUNDLE when the environment sets it).
type AWSOptions struct {
	// Policy, when set, is validated, and its StrictFIPS turns on FIPS
	// endpoints. It is required when a loosening option below is used,
	// so that the loosening is audited.
	Policy *Policy

	// Region overrides the region from the environment and shared
	// config.
	Region string

	// UseFIPSEndpoint makes every service client resolve its FIPS
	// endpoint (also on when Policy.StrictFIPS is set).
	UseFIPSEndpoint bool

	// LoopbackTestCA is a PEM CA certificate trusted only for endpoints
	// on loopback (127.0.0.0/8, ::1, localhost): local test servers such
	// as the hipaatest KMS server or MinIO. A server certificate that
	// chains only to this CA must name loopback hosts and nothing else,
	// or the connection is refused.
	LoopbackTestCA []byte

	// AllowInsecureLoopbackHTTP permits plain-HTTP endpoints on loopback
	// addresses only, for local emulators that cannot speak TLS. It needs
	// Policy (the loosening is recorded as an OutcomeOverride event). A
	// non-loopback http:// endpoint is refused whatever this says.
	AllowInsecureLoopbackHTTP bool

	// LoadOptions are passed to config.LoadDefaultConfig after phisafe's
	// own (credentials, profiles, retryers...). An option that installs
	// another HTTP client is refused: the client's TLS settings are
	// checked after loading.
	LoadOptions []func(*config.LoadOptions) error
}

// LoadAWSConfig loads an aws.Config the way config.LoadDefaultConfig does
// (environment, shared files, IMDS...) and hardens it:
//
//   - its HTTP client is an awshttp.BuildableClient whose transport uses
//     ClientTLSConfig (TLS 1.2+, NIST SP 800-52r2 AEAD suites) on top of
//     the system roots and any AWS_CA_BUNDLE;
//   - every service client built from it runs a middleware that refuses,
//     before sending, a request whose final URL is not https (it also
//     catches BaseEndpoint overrides and custom resolvers) with an error
//     wrapping ErrInsecureTransport;
//   - the TLS settings are checked after loading, so that neither the
//     SDK's defaults mode nor a LoadOptions entry can weaken them
//     silently.
func LoadAWSConfig(ctx context.Context, optFns ...func(*AWSOptions)) (aws.Config, error) {
	var o AWSOptions
	for _, fn := range optFns {
		fn(&o)
	}
	if o.Policy != nil {
		if err := o.Policy.Validate(); err != nil {
			return aws.Config{}, err
		}
	}
	if o.AllowInsecureLoopbackHTTP {
		if o.Policy == nil {
			return aws.Config{}, fmt.Errorf("%w: AllowInsecureLoopbackHTTP needs a Policy to audit it", ErrPolicy)
		}
		if err := o.Policy.Record(ctx, Event{Action: "hipaa.LoadAWSConfig", Outcome: OutcomeOverride,
			Reason: "insecure-transport", Detail: "AllowInsecureLoopbackHTTP"}); err != nil {
			return aws.Config{}, err
		}
	}

	tlsCfg := ClientTLSConfig()
	var testCA *x509.Certificate
	if len(o.LoopbackTestCA) > 0 {
		pool, err := x509.SystemCertPool()
		if err != nil {
			pool = x509.NewCertPool()
		}
		certs, err := parsePEMCerts(o.LoopbackTestCA)
		if err != nil || len(certs) != 1 {
			return aws.Config{}, fmt.Errorf("%w: LoopbackTestCA must hold exactly one PEM certificate", ErrPolicy)
		}
		testCA = certs[0]
		pool.AddCert(testCA)
		tlsCfg.RootCAs = pool
		tlsCfg.VerifyConnection = func(cs tls.ConnectionState) error {
			if err := checkNegotiated(cs); err != nil {
				return err
			}
			return checkLoopbackOnlyCA(cs, testCA)
		}
	}

	httpClient := awshttp.NewBuildableClient().WithTransportOptions(func(tr *http.Transport) {
		tr.TLSClientConfig = tlsCfg
		tr.ForceAttemptHTTP2 = true
	})

	loadOpts := []func(*config.LoadOptions) error{config.WithHTTPClient(httpClient)}
	if o.Region != "" {
		loadOpts = append(loadOpts, config.WithRegion(o.Region))
	}
	if o.UseFIPSEndpoint || (o.Policy != nil && o.Policy.StrictFIPS) {
		loadOpts = append(loadOpts, config.WithUseFIPSEndpoint(aws.FIPSEndpointStateEnabled))
	}
	loadOpts = append(loadOpts, o.LoadOptions...)

	cfg, err := config.LoadDefaultConfig(ctx, loadOpts...)
	if err != nil {
		return aws.Config{}, fmt.Errorf("hipaa: loading AWS config: %w", err)
	}

	bc, ok := cfg.HTTPClient.(*awshttp.BuildableClient)
	if !ok {
		return aws.Config{}, &TransportError{Reason: "http-client", Detail: fmt.Sprintf("HTTP client replaced by %T; phisafe needs its hardened BuildableClient", cfg.HTTPClient)}
	}
	// The SDK's defaults mode and AWS_CA_BUNDLE adjust the transport;
	// check that what we set survived.
	tr := bc.GetTransport()
	if tr.TLSClientConfig == nil || tr.TLSClientConfig.VerifyConnection == nil {
		return aws.Config{}, &TransportError{Reason: "http-client", Detail: "TLS configuration lost while loading"}
	}
	if err := CheckTLSConfig(tr.TLSClientConfig); err != nil {
		return aws.Config{}, err
	}
	allowLoopbackHTTP := o.AllowInsecureLoopbackHTTP
	cfg.APIOptions = append(cfg.APIOptions, func(st *middleware.Stack) error {
		return st.Finalize.Add(requireHTTPS{allowLoopback: allowLoopbackHTTP}, middleware.After)
	})
	return cfg, nil
}

// CheckAWSTransport reports whether an AWS service client carries the
// transport LoadAWSConfig installs. Pass the client's HTTPClient and
// APIOptions (from kms.Client.Options(), for example), or an aws.Config's.
// It checks that the HTTP client is an awshttp.BuildableClient whose TLS
// configuration passes CheckTLSConfig, and that the APIOptions install
// LoadAWSConfig's HTTPS-only middleware (they are run, in order, on an
// empty stack, so a later option that removes it is noticed). It returns
// nil, or a *TransportError (wrapping ErrInsecureTransport) naming the
// first thing missing, never an address or a credential.
//
// A client built from LoadAWSConfig's aws.Config, with any per-client
// options that keep its HTTP client and middleware, passes.
func CheckAWSTransport(httpClient aws.HTTPClient, apiOptions []func(*middleware.Stack) error) error {
	bc, ok := httpClient.(*awshttp.BuildableClient)
	if !ok || bc == nil {
		return &TransportError{Reason: "http-client", Detail: fmt.Sprintf("HTTP client is %T, not the hardened BuildableClient of LoadAWSConfig", httpClient)}
	}
	if err := CheckTLSConfig(bc.GetTransport().TLSClientConfig); err != nil {
		return err
	}
	st := middleware.NewStack("phisafe.CheckAWSTransport", smithyhttp.NewStackRequest)
	for _, fn := range apiOptions {
		if fn != nil {
			// An option may need middleware only a real operation's stack
			// has; its error says nothing about requireHTTPS.
			_ = fn(st)
		}
	}
	if _, ok := st.Finalize.Get(requireHTTPS{}.ID()); !ok {
		return &TransportError{Reason: "endpoint", Detail: "the HTTPS-only middleware of LoadAWSConfig is not installed"}
	}
	return nil
}

// requireHTTPS refuses a request whose final URL is not https. It sits at
// the end of the Finalize step, after endpoint resolution and signing, so
// it sees the URL that would actually be sent.
type requireHTTPS struct{ allowLoopback bool }

// ID names the middleware in the stack.
func (requireHTTPS) ID() string { return "phisafe.RequireHTTPS" }

// HandleFinalize refuses the request unless its URL passes CheckEndpointURL.
func (m requireHTTPS) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, &TransportError{Reason: "endpoint", Detail: fmt.Sprintf("unknown transport request type %T", in.Request)}
	}
	if err := CheckEndpointURL(req.URL, m.allowLoopback); err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	return next.HandleFinalize(ctx, in)
}

// CheckEndpointURL reports whether u may carry PHI: it must be https, or,
// when allowLoopbackHTTP is true, http to a loopback address. The error
// names the scheme and whether the host is loopback, never the path or
// query.
func CheckEndpointURL(u *url.URL, allowLoopbackHTTP bool) error {
	if u == nil {
		return &TransportError{Reason: "endpoint", Detail: "no URL"}
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if allowLoopbackHTTP && IsLoopbackHost(u.Hostname()) {
			return nil
		}
		if IsLoopbackHost(u.Hostname()) {
			return &TransportError{Reason: "endpoint", Detail: "plain http to a loopback host (AllowInsecureLoopbackHTTP is not set)"}
		}
		return &TransportError{Reason: "endpoint", Detail: "plain http to a non-loopback host; use https"}
	default:
		return &TransportError{Reason: "endpoint", Detail: fmt.Sprintf("scheme %q is not https", u.Scheme)}
	}
}

// IsLoopbackHost reports whether host (a name or an address, without a
// port) is localhost or a loopback address.
func IsLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// checkLoopbackOnlyCA refuses a connection whose certificate chains only
// to the loopback test CA unless every name in that certificate is a
// loopback name. Host name verification has already matched the dialed
// host against those names, so the host is loopback too. (The dialed
// address is not visible here: Go sends no SNI for IP addresses.)
func checkLoopbackOnlyCA(cs tls.ConnectionState, testCA *x509.Certificate) error {
	for _, chain := range cs.VerifiedChains {
		if len(chain) > 0 && !chain[len(chain)-1].Equal(testCA) {
			return nil // also chains to a real root
		}
	}
	if len(cs.PeerCertificates) == 0 {
		return &TransportError{Reason: "tls-trust", Detail: "no peer certificate"}
	}
	leaf := cs.PeerCertificates[0]
	ok := len(leaf.DNSNames)+len(leaf.IPAddresses) > 0 && len(leaf.URIs) == 0 && len(leaf.EmailAddresses) == 0
	for _, n := range leaf.DNSNames {
		ok = ok && IsLoopbackHost(n)
	}
	for _, ip := range leaf.IPAddresses {
		ok = ok && ip.IsLoopback()
	}
	if !ok {
		return &TransportError{Reason: "tls-trust", Detail: "certificate from the loopback test CA names a host that is not loopback"}
	}
	return nil
}

func parsePEMCerts(pemBytes []byte) ([]*x509.Certificate, error) {
	var out []*x509.Certificate
	for rest := pemBytes; ; {
		var blk *pem.Block
		blk, rest = pem.Decode(rest)
		if blk == nil {
			break
		}
		if blk.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(blk.Bytes)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}
