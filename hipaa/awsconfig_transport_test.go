package hipaa_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/testenv"
)

// countingServer counts the connections its listener accepts and the
// requests it serves.
type countingServer struct {
	*httptest.Server
	conns, reqs atomic.Int64
}

// startCounting starts h on loopback, over TLS with tlsCfg (nil: plain
// HTTP; httptest's own self-signed certificate when tlsCfg has none).
func startCounting(t *testing.T, tlsCfg *tls.Config, h http.HandlerFunc) *countingServer {
	t.Helper()
	cs := &countingServer{}
	cs.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cs.reqs.Add(1)
		h(w, r)
	}))
	cs.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			cs.conns.Add(1)
		}
	}
	cs.Config.ErrorLog = discardLog()
	if tlsCfg == nil {
		cs.Start()
	} else {
		cs.TLS = tlsCfg
		cs.StartTLS()
	}
	t.Cleanup(cs.Close)
	return cs
}

func ok200(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }

// permissiveDialTLS completes a TLS handshake without verifying the
// server: what LoadAWSConfig must never let through.
func permissiveDialTLS(ctx context.Context, network, addr string) (net.Conn, error) {
	d := &tls.Dialer{Config: &tls.Config{InsecureSkipVerify: true}} //nolint:gosec // the attack under test
	return d.DialContext(ctx, network, addr)
}

// TestLoadAWSConfigRefusesSuppliedHTTPClient: an HTTP client supplied
// through LoadOptions is refused whatever its TLS settings say, and so is
// an HTTPTransport function that sets anything but the adjustable knobs.
// A server whose certificate nobody trusts counts the connections it
// accepts: none arrives.
func TestLoadAWSConfigRefusesSuppliedHTTPClient(t *testing.T) {
	ctx := context.Background()
	untrusted := startCounting(t, &tls.Config{}, ok200)

	// Control: the permissive client does reach such a server.
	control := startCounting(t, &tls.Config{}, ok200)
	evil := awshttp.NewBuildableClient().WithTransportOptions(func(tr *http.Transport) {
		tr.TLSClientConfig = hipaa.ClientTLSConfig() // passes CheckTLSConfig...
		tr.DialTLSContext = permissiveDialTLS        // ...and is never used
	})
	req, _ := http.NewRequest(http.MethodGet, control.URL, nil)
	resp, err := evil.Do(req)
	if err != nil {
		t.Fatalf("control: the permissive client could not reach the untrusted server: %v", err)
	}
	resp.Body.Close()
	if control.conns.Load() == 0 {
		t.Fatal("control: no connection counted")
	}

	refused := func(t *testing.T, name string, fn func(*hipaa.AWSOptions)) {
		t.Helper()
		cfg, err := hipaa.LoadAWSConfig(ctx, staticCreds, fn)
		var te *hipaa.TransportError
		if !errors.Is(err, hipaa.ErrInsecureTransport) || !errors.As(err, &te) || te.Reason != "http-client" {
			t.Errorf("%s: LoadAWSConfig = %v, want a *TransportError with Reason http-client", name, err)
		}
		if err == nil && cfg.HTTPClient != nil {
			c := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(untrusted.URL); o.RetryMaxAttempts = 1 })
			_, _ = c.ListKeys(ctx, &kms.ListKeysInput{})
		}
	}
	refused(t, "LoadOptions BuildableClient with DialTLSContext", func(o *hipaa.AWSOptions) {
		o.LoadOptions = append(o.LoadOptions, config.WithHTTPClient(evil))
	})
	refused(t, "LoadOptions BuildableClient with a dialer", func(o *hipaa.AWSOptions) {
		o.LoadOptions = append(o.LoadOptions, config.WithHTTPClient(awshttp.NewBuildableClient().WithDialerOptions(func(d *net.Dialer) {
			d.Timeout = time.Second
		})))
	})
	refused(t, "LoadOptions net/http client", func(o *hipaa.AWSOptions) {
		o.LoadOptions = append(o.LoadOptions, config.WithHTTPClient(&http.Client{Transport: &http.Transport{DialTLSContext: permissiveDialTLS}}))
	})
	for name, set := range map[string]func(*http.Transport){
		"DialTLSContext":  func(tr *http.Transport) { tr.DialTLSContext = permissiveDialTLS },
		"DialContext":     func(tr *http.Transport) { tr.DialContext = (&net.Dialer{}).DialContext },
		"TLSClientConfig": func(tr *http.Transport) { tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} }, //nolint:gosec // refused
		"TLSNextProto": func(tr *http.Transport) {
			tr.TLSNextProto = map[string]func(string, *tls.Conn) http.RoundTripper{}
		},
		"Protocols": func(tr *http.Transport) { tr.Protocols = new(http.Protocols) },
	} {
		refused(t, "HTTPTransport sets "+name, func(o *hipaa.AWSOptions) { o.HTTPTransport = set })
	}
	if n := untrusted.conns.Load(); n != 0 {
		t.Fatalf("%d connection(s) reached the server with an untrusted certificate", n)
	}

	// RegisterProtocol on the transport handed to HTTPTransport has no
	// effect: the request is sent by hipaa's transport, which does not
	// trust the server, so no request is served.
	cfg, err := hipaa.LoadAWSConfig(ctx, staticCreds, func(o *hipaa.AWSOptions) {
		o.HTTPTransport = func(tr *http.Transport) { tr.RegisterProtocol("https", evil.GetTransport()) }
	})
	if err != nil {
		t.Fatal(err)
	}
	c := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(untrusted.URL); o.RetryMaxAttempts = 1 })
	if _, err := c.ListKeys(ctx, &kms.ListKeysInput{}); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("ListKeys to an untrusted server: %v, want a certificate error", err)
	}
	if n := untrusted.reqs.Load(); n != 0 {
		t.Fatalf("the untrusted server served %d request(s)", n)
	}
}

// TestLoadAWSConfigHTTPTransportKnobs: the adjustable knobs reach hipaa's
// transport, the client still passes CheckAWSTransport and talks TLS to a
// local KMS; a proxy is consulted for https only, and a CONNECT proxy
// tunnels TLS that is verified end to end.
func TestLoadAWSConfigHTTPTransportKnobs(t *testing.T) {
	ctx := context.Background()
	srv := hipaatest.StartKMS(t)
	proxy := startConnectProxy(t)
	var proxyAsked atomic.Int64
	cfg, err := hipaa.LoadAWSConfig(ctx, func(o *hipaa.AWSOptions) {
		o.Region = srv.Region()
		o.LoopbackTestCA = srv.CAPEM()
		o.LoadOptions = append(o.LoadOptions, config.WithCredentialsProvider(srv.Credentials()))
		o.HTTPTransport = func(tr *http.Transport) {
			tr.ResponseHeaderTimeout = 7 * time.Second
			tr.MaxConnsPerHost = 3
			tr.Proxy = func(*http.Request) (*url.URL, error) {
				proxyAsked.Add(1)
				return url.Parse(proxy.URL)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	tr := hipaa.HTTPTransportOf(cfg.HTTPClient)
	if tr.ResponseHeaderTimeout != 7*time.Second || tr.MaxConnsPerHost != 3 {
		t.Errorf("knobs not applied: ResponseHeaderTimeout %v, MaxConnsPerHost %d", tr.ResponseHeaderTimeout, tr.MaxConnsPerHost)
	}
	client := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(srv.URL()) })
	if err := hipaa.CheckAWSTransport(client.Options().HTTPClient, client.Options().APIOptions); err != nil {
		t.Errorf("CheckAWSTransport: %v", err)
	}
	if _, err := client.CreateKey(ctx, &kms.CreateKeyInput{}); err != nil {
		t.Fatal(err)
	}
	if proxyAsked.Load() == 0 || proxy.tunnels.Load() == 0 {
		t.Fatalf("https request did not go through the proxy (asked %d, tunnels %d)", proxyAsked.Load(), proxy.tunnels.Load())
	}

	// Through the same proxy, a server nobody trusts is still refused:
	// TLS runs end to end, not with the proxy.
	untrusted := startCounting(t, &tls.Config{}, ok200)
	c := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(untrusted.URL); o.RetryMaxAttempts = 1 })
	if _, err := c.ListKeys(ctx, &kms.ListKeysInput{}); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("ListKeys to an untrusted server through the proxy: %v", err)
	}
	if untrusted.reqs.Load() != 0 {
		t.Fatal("the untrusted server served a request")
	}

	// Plain http (loopback, allowed and audited) never goes to the proxy.
	proxyAsked.Store(0)
	cfg, err = hipaa.LoadAWSConfig(ctx, staticCreds, func(o *hipaa.AWSOptions) {
		o.Policy = &hipaa.Policy{Auditor: hipaatest.NewRecorder()}
		o.AllowInsecureLoopbackHTTP = true
		o.HTTPTransport = func(tr *http.Transport) {
			tr.Proxy = func(*http.Request) (*url.URL, error) {
				proxyAsked.Add(1)
				return url.Parse(proxy.URL)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	plain := startCounting(t, nil, ok200)
	c = kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(plain.URL); o.RetryMaxAttempts = 1 })
	_, _ = c.ListKeys(ctx, &kms.ListKeysInput{})
	if plain.reqs.Load() == 0 || proxyAsked.Load() != 0 {
		t.Fatalf("plain http: server requests %d, proxy asked %d; want direct", plain.reqs.Load(), proxyAsked.Load())
	}
}

// connectProxy is a minimal HTTP CONNECT proxy that counts tunnels.
type connectProxy struct {
	*httptest.Server
	tunnels atomic.Int64
}

func startConnectProxy(t *testing.T) *connectProxy {
	t.Helper()
	p := &connectProxy{}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			http.Error(w, "CONNECT only", http.StatusMethodNotAllowed)
			return
		}
		upstream, err := net.DialTimeout("tcp", r.Host, 5*time.Second)
		if err != nil {
			http.Error(w, "dial failed", http.StatusBadGateway)
			return
		}
		w.WriteHeader(http.StatusOK)
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			upstream.Close()
			return
		}
		p.tunnels.Add(1)
		go func() {
			defer upstream.Close()
			defer conn.Close()
			go func() { _, _ = io.Copy(upstream, buf); upstream.Close() }()
			_, _ = io.Copy(conn, upstream)
		}()
	}))
	t.Cleanup(p.Close)
	return p
}

// TestLoadAWSConfigRedirects: the client follows a 307 only to https on
// the same host and port. A 307 to plain http (Authorization would go in
// clear) or to another host or port is refused with a typed error before
// anything is sent there, for GET, HEAD and a POST whose body can be
// resent; the refusal is not retried and does not name the target.
func TestLoadAWSConfigRedirects(t *testing.T) {
	ctx := context.Background()
	pki := testenv.NewPKI(t, false) // names localhost, 127.0.0.1, ::1 only
	plain := startCounting(t, nil, ok200)
	other := startCounting(t, hipaa.ServerTLSConfig(pki.Cert), ok200)
	otherPort := other.Listener.Addr().(*net.TCPAddr).Port
	plainPort := plain.Listener.Addr().(*net.TCPAddr).Port
	redirector := startCounting(t, hipaa.ServerTLSConfig(pki.Cert), func(w http.ResponseWriter, r *http.Request) {
		code, loc := http.StatusTemporaryRedirect, ""
		switch r.URL.Path {
		case "/to-http":
			loc = "http://127.0.0.1:" + itoa(plainPort) + "/x"
		case "/to-http-308":
			code, loc = http.StatusPermanentRedirect, "http://127.0.0.1:"+itoa(plainPort)+"/x"
		case "/to-other-host":
			loc = "https://localhost:" + itoa(otherPort) + "/x"
		case "/to-other-port":
			loc = "https://127.0.0.1:" + itoa(otherPort) + "/x"
		case "/302-to-http":
			code, loc = http.StatusFound, "http://127.0.0.1:"+itoa(plainPort)+"/x"
		case "/loop":
			loc = "/loop"
		case "/same":
			loc = "/ok"
		default:
			if r.Header.Get("Authorization") == "" {
				http.Error(w, "no Authorization", http.StatusUnauthorized)
				return
			}
			w.WriteHeader(http.StatusOK)
			return
		}
		w.Header().Set("Location", loc)
		w.WriteHeader(code)
	})
	cfg, err := hipaa.LoadAWSConfig(ctx, staticCreds, func(o *hipaa.AWSOptions) { o.LoopbackTestCA = pki.CAPEM })
	if err != nil {
		t.Fatal(err)
	}
	do := func(method, path string) (*http.Response, error) {
		var body io.Reader
		if method == http.MethodPost {
			body = bytes.NewReader([]byte(`{"KeyId":"k"}`)) // GetBody is set, so a 307 resends it
		}
		req, err := http.NewRequestWithContext(ctx, method, redirector.URL+path, body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTEST/test, Signature=0")
		return cfg.HTTPClient.Do(req)
	}
	for _, method := range []string{http.MethodGet, http.MethodHead, http.MethodPost} {
		for _, path := range []string{"/to-http", "/to-http-308", "/to-other-host", "/to-other-port", "/loop"} {
			resp, err := do(method, path)
			if resp != nil {
				resp.Body.Close()
			}
			var te *hipaa.TransportError
			if !errors.Is(err, hipaa.ErrInsecureTransport) || !errors.As(err, &te) || te.Reason != "redirect" {
				t.Errorf("%s %s: %v, want a *TransportError with Reason redirect", method, path, err)
				continue
			}
			if strings.Contains(err.Error(), itoa(plainPort)) || strings.Contains(err.Error(), itoa(otherPort)) {
				t.Errorf("%s %s: the error names the redirect target: %v", method, path, err)
			}
			// The SDK's retryer does not retry the refusal.
			if retry.NewStandard().IsErrorRetryable(&smithyhttp.RequestSendError{Err: err}) {
				t.Errorf("%s %s: the refusal is retryable", method, path)
			}
		}
		// Not a 307/308: the response comes back as it is (the SDK's rule).
		resp, err := do(method, "/302-to-http")
		if err != nil || resp.StatusCode != http.StatusFound {
			t.Errorf("%s /302-to-http: %v %v, want the 302 response", method, resp, err)
		}
		if resp != nil {
			resp.Body.Close()
		}
		// Same host and port, https: followed, Authorization kept.
		resp, err = do(method, "/same")
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Errorf("%s /same: %v %v, want 200", method, resp, err)
		}
		if resp != nil {
			resp.Body.Close()
		}
	}
	if n, c := plain.reqs.Load(), plain.conns.Load(); n != 0 || c != 0 {
		t.Fatalf("the plain-HTTP server got %d request(s) on %d connection(s)", n, c)
	}
	if n, c := other.reqs.Load(), other.conns.Load(); n != 0 || c != 0 {
		t.Fatalf("the other host got %d request(s) on %d connection(s)", n, c)
	}
	// Control: a connection error is retryable, so the check above means
	// something.
	if !retry.NewStandard().IsErrorRetryable(&smithyhttp.RequestSendError{Err: errors.New("connection reset")}) {
		t.Fatal("control: a send error is not retryable")
	}
}

// TestLoadAWSConfigNilInputs: nil option functions, a nil LoadOptions
// entry and a nil context are refused with ErrPolicy, never a panic; a
// nil or foreign HTTP client and an API option that panics on an empty
// stack do not make CheckAWSTransport panic.
func TestLoadAWSConfigNilInputs(t *testing.T) {
	ctx := context.Background()
	var nilCtx context.Context
	for name, call := range map[string]func() error{
		"nil option": func() error { _, err := hipaa.LoadAWSConfig(ctx, staticCreds, nil); return err },
		"nil LoadOptions": func() error {
			_, err := hipaa.LoadAWSConfig(ctx, staticCreds, func(o *hipaa.AWSOptions) { o.LoadOptions = append(o.LoadOptions, nil) })
			return err
		},
		"nil context": func() error { _, err := hipaa.LoadAWSConfig(nilCtx, staticCreds); return err },
	} {
		if err := call(); !errors.Is(err, hipaa.ErrPolicy) {
			t.Errorf("%s: %v, want ErrPolicy", name, err)
		}
	}
	if err := hipaa.CheckAWSTransport((*awshttp.BuildableClient)(nil), nil); !errors.Is(err, hipaa.ErrInsecureTransport) {
		t.Errorf("nil *BuildableClient: %v", err)
	}
	cfg, err := hipaa.LoadAWSConfig(ctx, staticCreds)
	if err != nil {
		t.Fatal(err)
	}
	panics := append(cfg.APIOptions[:len(cfg.APIOptions):len(cfg.APIOptions)], func(st *middleware.Stack) error { panic("needs a real stack") })
	if err := hipaa.CheckAWSTransport(cfg.HTTPClient, panics); err != nil {
		t.Errorf("with an API option that panics: %v", err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// discardLog silences the servers' TLS handshake error logs (refusals
// are what these tests provoke).
func discardLog() *log.Logger { return log.New(io.Discard, "", 0) }
