package hipaa

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// AWSOptions configures LoadAWSConfig. The zero value is the strict
// configuration: HTTPS only, hardened TLS, the SDK's roots (the system
// roots, or the AWS_CA_BUNDLE / ca_bundle bundle when one is configured).
type AWSOptions struct {
	// Policy, when set, is adopted (Policy.Adopt: validated, and each
	// weakening in force recorded as an OutcomeOverride event), and its
	// StrictFIPS turns on FIPS endpoints. It is required when a loosening
	// option below is used, so that the loosening is audited.
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

	// HTTPTransport, when set, adjusts the HTTP transport LoadAWSConfig
	// builds. It is called once with a transport holding only the knobs
	// it may change, set to the SDK's defaults: Proxy (from the
	// environment), ProxyConnectHeader, TLSHandshakeTimeout,
	// IdleConnTimeout, ResponseHeaderTimeout, ExpectContinueTimeout,
	// DisableKeepAlives, DisableCompression, MaxIdleConns,
	// MaxIdleConnsPerHost, MaxConnsPerHost, MaxResponseHeaderBytes,
	// WriteBufferSize and ReadBufferSize. Those values are copied into
	// hipaa's own transport; if any other exported field is set when the
	// function returns (a dialer, DialTLSContext, TLSClientConfig,
	// TLSNextProto, Protocols...), LoadAWSConfig fails with a
	// *TransportError (Reason "http-client"). Anything else done to the
	// transport (RegisterProtocol, for example) has no effect.
	//
	// The proxy is used for https requests only: they go through it as a
	// CONNECT tunnel, with TLS verified end to end by hipaa's
	// configuration (an https proxy is reached with that configuration
	// too); plain-http requests (AllowInsecureLoopbackHTTP) never use a
	// proxy.
	HTTPTransport func(*http.Transport)

	// LoadOptions are passed to config.LoadDefaultConfig after phisafe's
	// own (credentials, profiles, retryers, a CA bundle...). An option
	// that installs another HTTP client (config.WithHTTPClient) is
	// refused with a *TransportError (Reason "http-client"), whatever
	// that client's TLS settings: adjust hipaa's with HTTPTransport. (To
	// find such an option before loading, each entry is also run once on
	// a scratch config.LoadOptions.)
	LoadOptions []func(*config.LoadOptions) error
}

// LoadAWSConfig loads an aws.Config the way config.LoadDefaultConfig does
// (environment, shared files, IMDS...) and hardens it:
//
//   - its HTTP client is hipaa's own, whose transport is built by hipaa
//     (only the knobs listed at AWSOptions.HTTPTransport can be adjusted)
//     and uses ClientTLSConfig (TLS 1.2+, NIST SP 800-52r2 AEAD suites)
//     on top of the SDK's roots. The client follows a redirect only when
//     the SDK would (307 and 308) and only to https on the same host and
//     port as the original request; any other redirect target is refused
//     with an error wrapping ErrInsecureTransport (Reason "redirect"),
//     before anything is sent to it;
//   - every service client built from it runs a middleware that refuses,
//     before sending, a request whose final URL is not https (it also
//     catches BaseEndpoint overrides and custom resolvers) with an error
//     wrapping ErrInsecureTransport;
//   - a supplied HTTP client (config.WithHTTPClient in LoadOptions) is
//     refused: only hipaa's transport is used, so neither a dialer nor a
//     TLS setting from elsewhere can weaken it.
//
// Service clients keep this HTTP client as it is: the SDK's defaults
// mode and per-service read timeouts, which adjust only the SDK's
// BuildableClient, do not apply to it. Credential providers that
// LoadDefaultConfig builds (STS, SSO, IMDS) use an SDK BuildableClient
// with the same transport settings but the SDK's own redirect rule; they
// fetch credentials and carry no PHI.
//
// A nil context, a nil option function or a nil LoadOptions entry is
// refused with an error wrapping ErrPolicy.
func LoadAWSConfig(ctx context.Context, optFns ...func(*AWSOptions)) (aws.Config, error) {
	if ctx == nil {
		return aws.Config{}, fmt.Errorf("%w: LoadAWSConfig: nil context", ErrPolicy)
	}
	var o AWSOptions
	for i, fn := range optFns {
		if fn == nil {
			return aws.Config{}, fmt.Errorf("%w: LoadAWSConfig: option function %d is nil", ErrPolicy, i)
		}
		fn(&o)
	}
	var lo config.LoadOptions
	for i, fn := range o.LoadOptions {
		if fn == nil {
			return aws.Config{}, fmt.Errorf("%w: LoadAWSConfig: AWSOptions.LoadOptions[%d] is nil", ErrPolicy, i)
		}
		if err := fn(&lo); err != nil {
			return aws.Config{}, fmt.Errorf("hipaa: loading AWS config: %w", err)
		}
	}
	if lo.HTTPClient != nil {
		return aws.Config{}, errSuppliedHTTPClient()
	}
	if o.Policy != nil {
		if err := o.Policy.validate(); err != nil {
			return aws.Config{}, err
		}
	}
	var weakenings []string
	if o.AllowInsecureLoopbackHTTP {
		if o.Policy == nil {
			return aws.Config{}, fmt.Errorf("%w: AllowInsecureLoopbackHTTP needs a Policy to audit it", ErrPolicy)
		}
		weakenings = append(weakenings, "AllowInsecureLoopbackHTTP")
	}

	tlsCfg := ClientTLSConfig()
	if len(o.LoopbackTestCA) > 0 {
		pool, err := x509.SystemCertPool()
		if err != nil {
			pool = x509.NewCertPool()
		}
		certs, err := parsePEMCerts(o.LoopbackTestCA)
		if err != nil || len(certs) != 1 {
			return aws.Config{}, fmt.Errorf("%w: LoopbackTestCA must hold exactly one PEM certificate", ErrPolicy)
		}
		testCA := certs[0]
		pool.AddCert(testCA)
		tlsCfg.RootCAs = pool
		tlsCfg.VerifyConnection = func(cs tls.ConnectionState) error {
			if err := checkNegotiated(cs); err != nil {
				return err
			}
			return checkLoopbackOnlyCA(cs, testCA)
		}
	}
	knobs, err := transportKnobs(o.HTTPTransport)
	if err != nil {
		return aws.Config{}, err
	}

	// The client LoadDefaultConfig sees: an SDK BuildableClient (the SDK
	// adds a CA bundle to it, and its credential providers keep it) with
	// hipaa's settings.
	loadClient := awshttp.NewBuildableClient().WithTransportOptions(func(tr *http.Transport) {
		tr.TLSClientConfig = tlsCfg.Clone()
		tr.ForceAttemptHTTP2 = true
		applyKnobs(tr, knobs)
	})
	loadOpts := []func(*config.LoadOptions) error{config.WithHTTPClient(loadClient)}
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
	if !keptHTTPClient(cfg, loadClient) {
		return aws.Config{}, errSuppliedHTTPClient()
	}
	// A CA bundle (AWS_CA_BUNDLE, ca_bundle, WithCustomCABundle) is the
	// only thing loading changes: take its roots, nothing else.
	if bc, ok := cfg.HTTPClient.(*awshttp.BuildableClient); ok && bc != loadClient {
		if loaded := bc.GetTransport().TLSClientConfig; loaded != nil && loaded.RootCAs != nil {
			tlsCfg.RootCAs = loaded.RootCAs
		}
	}
	if err := CheckTLSConfig(tlsCfg); err != nil {
		return aws.Config{}, err
	}
	if o.Policy != nil {
		if err := o.Policy.Adopt(ctx, "hipaa.LoadAWSConfig", weakenings...); err != nil {
			return aws.Config{}, err
		}
	}
	cfg.HTTPClient = newHardenedClient(tlsCfg, knobs)
	allowLoopbackHTTP := o.AllowInsecureLoopbackHTTP
	cfg.APIOptions = append(cfg.APIOptions, func(st *middleware.Stack) error {
		return st.Finalize.Add(requireHTTPS{allowLoopback: allowLoopbackHTTP}, middleware.After)
	})
	return cfg, nil
}

func errSuppliedHTTPClient() error {
	return &TransportError{Reason: "http-client", Detail: "a LoadOptions entry installs another HTTP client; adjust hipaa's with AWSOptions.HTTPTransport"}
}

// keptHTTPClient reports whether the HTTP client LoadDefaultConfig ended
// with is the one LoadAWSConfig passed (or the SDK's copy of it with a
// CA bundle), not one from a LoadOptions entry.
func keptHTTPClient(cfg aws.Config, loadClient *awshttp.BuildableClient) bool {
	if _, ok := cfg.HTTPClient.(*awshttp.BuildableClient); !ok {
		return false
	}
	for _, src := range cfg.ConfigSources {
		if lo, ok := src.(config.LoadOptions); ok {
			hc, ok := lo.HTTPClient.(*awshttp.BuildableClient)
			return ok && hc == loadClient
		}
	}
	return false
}

// CheckAWSTransport reports whether an AWS service client carries the
// transport LoadAWSConfig installs. Pass the client's HTTPClient and
// APIOptions (from kms.Client.Options(), for example), or an aws.Config's.
// It checks that the HTTP client is the one LoadAWSConfig builds (no other
// client passes, whatever its TLS settings: the same rule as
// LoadAWSConfig's) and that its TLS configuration passes CheckTLSConfig,
// and that the APIOptions install LoadAWSConfig's HTTPS-only middleware
// (they are run, in order, on an empty stack, so a later option that
// removes it is noticed; an option that fails or panics on that stack is
// skipped). It returns nil, or a *TransportError (wrapping
// ErrInsecureTransport) naming the first thing missing, never an address
// or a credential.
//
// A client built from LoadAWSConfig's aws.Config, with any per-client
// options that keep its HTTP client and middleware, passes.
func CheckAWSTransport(httpClient aws.HTTPClient, apiOptions []func(*middleware.Stack) error) error {
	hc, ok := httpClient.(*hardenedClient)
	if !ok || hc == nil || hc.transport == nil {
		return &TransportError{Reason: "http-client", Detail: fmt.Sprintf("HTTP client is %T, not the one LoadAWSConfig builds", httpClient)}
	}
	if err := CheckTLSConfig(hc.transport.TLSClientConfig); err != nil {
		return err
	}
	st := middleware.NewStack("phisafe.CheckAWSTransport", smithyhttp.NewStackRequest)
	for _, fn := range apiOptions {
		runAPIOption(fn, st)
	}
	if _, ok := st.Finalize.Get(requireHTTPS{}.ID()); !ok {
		return &TransportError{Reason: "endpoint", Detail: "the HTTPS-only middleware of LoadAWSConfig is not installed"}
	}
	return nil
}

// runAPIOption applies fn to st. An option may need middleware only a
// real operation's stack has; its error or panic says nothing about
// requireHTTPS.
func runAPIOption(fn func(*middleware.Stack) error, st *middleware.Stack) {
	if fn == nil {
		return
	}
	defer func() { _ = recover() }()
	_ = fn(st)
}

// maxRedirects is how many redirects the client follows, as net/http's
// default policy does.
const maxRedirects = 10

// hardenedClient is the HTTP client LoadAWSConfig installs. It is built
// only by newHardenedClient; CheckAWSTransport accepts no other.
type hardenedClient struct {
	client    *http.Client
	transport *http.Transport
}

func newHardenedClient(tlsCfg *tls.Config, knobs *http.Transport) *hardenedClient {
	dialer := &net.Dialer{Timeout: awshttp.DefaultDialConnectTimeout, KeepAlive: awshttp.DefaultDialKeepAliveTimeout}
	tr := &http.Transport{
		DialContext:       dialer.DialContext,
		TLSClientConfig:   tlsCfg,
		ForceAttemptHTTP2: true,
	}
	applyKnobs(tr, knobs)
	return &hardenedClient{
		client:    &http.Client{Transport: tr, CheckRedirect: checkRedirect},
		transport: tr,
	}
}

// Do sends req. A redirect the client refuses is returned as the
// *TransportError alone (not inside a *url.Error, which would name the
// redirect target), marked so that the SDK does not retry it.
func (c *hardenedClient) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.client.Do(req)
	var nr noRetry
	if err != nil && errors.As(err, &nr) {
		return nil, nr
	}
	return resp, err
}

// checkRedirect follows what the SDK's own client follows (307 and 308,
// which keep the method and body; other 3xx responses are returned to the
// SDK as they are), and only to https on the host and port of the
// original request: the headers, Authorization included, go with it.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if req.Response != nil && req.Response.StatusCode != http.StatusTemporaryRedirect && req.Response.StatusCode != http.StatusPermanentRedirect {
		return http.ErrUseLastResponse
	}
	if len(via) == 0 {
		return nil
	}
	switch {
	case len(via) >= maxRedirects:
		return noRetry{&TransportError{Reason: "redirect", Detail: fmt.Sprintf("stopped after %d redirects", maxRedirects)}}
	case req.URL == nil || req.URL.Scheme != "https":
		return noRetry{&TransportError{Reason: "redirect", Detail: "redirect to a URL that is not https refused"}}
	case hostPort(req.URL) != hostPort(via[0].URL):
		return noRetry{&TransportError{Reason: "redirect", Detail: "redirect to another host or port refused"}}
	}
	return nil
}

// hostPort is u's host, lower-cased, and port (the scheme's default when
// u names none).
func hostPort(u *url.URL) string {
	if u == nil {
		return ""
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"https": "443", "http": "80"}[u.Scheme]
	}
	return net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

// noRetry wraps an error the SDK's retryer must not retry: a refusal is
// not a transient failure.
type noRetry struct{ err error }

func (e noRetry) Error() string { return e.err.Error() }

func (e noRetry) Unwrap() error { return e.err }

// RetryableError tells the SDK's retryer not to retry.
func (noRetry) RetryableError() bool { return false }

// adjustable are the exported http.Transport fields AWSOptions.HTTPTransport
// may set; every other exported field must be left zero.
var adjustable = []string{
	"Proxy", "ProxyConnectHeader", "TLSHandshakeTimeout", "IdleConnTimeout",
	"ResponseHeaderTimeout", "ExpectContinueTimeout", "DisableKeepAlives",
	"DisableCompression", "MaxIdleConns", "MaxIdleConnsPerHost",
	"MaxConnsPerHost", "MaxResponseHeaderBytes", "WriteBufferSize",
	"ReadBufferSize",
}

// transportKnobs returns the adjustable settings: the SDK's defaults,
// then whatever adjust sets. It refuses any other field adjust sets.
func transportKnobs(adjust func(*http.Transport)) (*http.Transport, error) {
	knobs := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		TLSHandshakeTimeout:   awshttp.DefaultHTTPTransportTLSHandleshakeTimeout,
		MaxIdleConns:          awshttp.DefaultHTTPTransportMaxIdleConns,
		MaxIdleConnsPerHost:   awshttp.DefaultHTTPTransportMaxIdleConnsPerHost,
		MaxConnsPerHost:       awshttp.DefaultHTTPTransportMaxConnsPerHost,
		IdleConnTimeout:       awshttp.DefaultHTTPTransportIdleConnTimeout,
		ExpectContinueTimeout: awshttp.DefaultHTTPTransportExpectContinueTimeout,
	}
	if adjust == nil {
		return knobs, nil
	}
	adjust(knobs)
	v := reflect.ValueOf(knobs).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() || slices.Contains(adjustable, f.Name) {
			continue
		}
		if !v.Field(i).IsZero() {
			return nil, &TransportError{Reason: "http-client", Detail: "AWSOptions.HTTPTransport set Transport." + f.Name + ", which only hipaa sets"}
		}
	}
	return knobs, nil
}

// applyKnobs copies the adjustable settings of knobs into tr. The proxy
// is consulted for https requests only.
func applyKnobs(tr *http.Transport, knobs *http.Transport) {
	tr.Proxy = nil
	if p := knobs.Proxy; p != nil {
		tr.Proxy = func(req *http.Request) (*url.URL, error) {
			if req.URL == nil || req.URL.Scheme != "https" {
				return nil, nil
			}
			return p(req)
		}
	}
	tr.ProxyConnectHeader = knobs.ProxyConnectHeader.Clone()
	tr.TLSHandshakeTimeout = knobs.TLSHandshakeTimeout
	tr.IdleConnTimeout = knobs.IdleConnTimeout
	tr.ResponseHeaderTimeout = knobs.ResponseHeaderTimeout
	tr.ExpectContinueTimeout = knobs.ExpectContinueTimeout
	tr.DisableKeepAlives = knobs.DisableKeepAlives
	tr.DisableCompression = knobs.DisableCompression
	tr.MaxIdleConns = knobs.MaxIdleConns
	tr.MaxIdleConnsPerHost = knobs.MaxIdleConnsPerHost
	tr.MaxConnsPerHost = knobs.MaxConnsPerHost
	tr.MaxResponseHeaderBytes = knobs.MaxResponseHeaderBytes
	tr.WriteBufferSize = knobs.WriteBufferSize
	tr.ReadBufferSize = knobs.ReadBufferSize
}

// requireHTTPS refuses a request whose final URL is not https. It sits at
// the end of the Finalize step, after endpoint resolution and signing, so
// it sees the URL that would actually be sent.
type requireHTTPS struct{ allowLoopback bool }

// ID names the middleware in the stack.
func (requireHTTPS) ID() string { return "phisafe.RequireHTTPS" }

// HandleFinalize refuses the request unless its URL passes checkEndpointURL.
func (m requireHTTPS) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok || req == nil || req.Request == nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, &TransportError{Reason: "endpoint", Detail: fmt.Sprintf("unknown transport request type %T", in.Request)}
	}
	if err := checkEndpointURL(req.URL, m.allowLoopback); err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	return next.HandleFinalize(ctx, in)
}

// checkEndpointURL reports whether u may carry PHI: it must be https, or,
// when allowLoopbackHTTP is true, http to a loopback address. The error
// names the scheme and whether the host is loopback, never the path or
// query.
func checkEndpointURL(u *url.URL, allowLoopbackHTTP bool) error {
	if u == nil {
		return &TransportError{Reason: "endpoint", Detail: "no URL"}
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if allowLoopbackHTTP && isLoopbackHost(u.Hostname()) {
			return nil
		}
		if isLoopbackHost(u.Hostname()) {
			return &TransportError{Reason: "endpoint", Detail: "plain http to a loopback host (AllowInsecureLoopbackHTTP is not set)"}
		}
		return &TransportError{Reason: "endpoint", Detail: "plain http to a non-loopback host; use https"}
	default:
		return &TransportError{Reason: "endpoint", Detail: fmt.Sprintf("scheme %q is not https", u.Scheme)}
	}
}

// isLoopbackHost reports whether host (a name or an address, without a
// port) is localhost or a loopback address.
func isLoopbackHost(host string) bool {
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
	if leaf == nil {
		return &TransportError{Reason: "tls-trust", Detail: "no peer certificate"}
	}
	ok := len(leaf.DNSNames)+len(leaf.IPAddresses) > 0 && len(leaf.URIs) == 0 && len(leaf.EmailAddresses) == 0
	for _, n := range leaf.DNSNames {
		ok = ok && isLoopbackHost(n)
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
