package hipaatest

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/phisafe/phisafe/hipaa"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Defaults of a KMSServer. The credentials are fixed, public test values:
// they authenticate to this server only and grant nothing anywhere else.
const (
	// DefaultRegion is the region the server signs for and puts in ARNs.
	DefaultRegion = "us-east-1"
	// DefaultAccount is the account id in the server's ARNs (the one AWS
	// uses in its documentation).
	DefaultAccount = "111122223333"
	// TestAccessKeyID is the access key id the server accepts by default.
	TestAccessKeyID = "AKIDHIPAATEST0000000"
	// TestSecretAccessKey is the secret the server verifies signatures
	// with by default.
	TestSecretAccessKey = "hipaatest-secret-key-for-local-kms-only"
)

// maxRequestBody bounds a request body; the largest real KMS request
// (a 6 KiB ciphertext, base64-encoded, plus context) is far below it.
const maxRequestBody = 1 << 20

// KMSOption configures a KMSServer.
type KMSOption func(*kmsConfig)

type kmsConfig struct {
	region          string
	account         string
	accessKeyID     string
	secretAccessKey string
	anyCredentials  bool
	cert            *tls.Certificate
	caPEM           []byte
	stateFile       string
	now             func() time.Time
}

// WithRegion sets the region of the server (default DefaultRegion). Requests
// must be signed for it and ARNs name it.
func WithRegion(region string) KMSOption {
	return func(c *kmsConfig) { c.region = region }
}

// WithAccount sets the 12-digit account id in ARNs (default DefaultAccount).
func WithAccount(account string) KMSOption {
	return func(c *kmsConfig) { c.account = account }
}

// WithCredentials sets the access key id and secret the server verifies
// SigV4 signatures with (default TestAccessKeyID and TestSecretAccessKey).
func WithCredentials(accessKeyID, secretAccessKey string) KMSOption {
	return func(c *kmsConfig) {
		c.accessKeyID, c.secretAccessKey = accessKeyID, secretAccessKey
		c.anyCredentials = false
	}
}

// WithAnyCredentials makes the server accept any access key id. Requests must
// still carry a well-formed SigV4 Authorization header for service "kms" in
// the server's region, with a current X-Amz-Date, but the signature itself is
// not checked since the secret is unknown. Meant for a shared dev stack whose
// clients use whatever credentials their environment provides.
func WithAnyCredentials() KMSOption {
	return func(c *kmsConfig) { c.anyCredentials = true }
}

// WithCertificate makes the server present cert instead of a certificate
// from a CA generated at start. caPEM, which may be nil, is the PEM of the CA
// that issued cert; CAPEM and CertPool return it.
func WithCertificate(cert tls.Certificate, caPEM []byte) KMSOption {
	return func(c *kmsConfig) {
		c.cert = &cert
		c.caPEM = append([]byte(nil), caPEM...)
	}
}

// WithStateFile makes the server load its keys and aliases from path at
// creation, if the file exists, and write them back (mode 0600, replacing
// the file atomically) after every change, so that ciphertexts survive a
// restart. The file holds the raw key material in clear: it is for a local
// dev stack, never for real data.
func WithStateFile(path string) KMSOption {
	return func(c *kmsConfig) { c.stateFile = path }
}

// KMSServer is a local stand-in for AWS KMS that speaks the KMS JSON 1.1
// protocol over HTTPS, so that the unmodified aws-sdk-go-v2 kms client (or
// any other SDK) can be pointed at it. See the package documentation.
//
// A KMSServer is safe for concurrent use.
type KMSServer struct {
	cfg     kmsConfig
	ca      *TestCA // nil when WithCertificate was given
	caPEM   []byte
	tlsCert tls.Certificate
	srv     *http.Server
	handler http.Handler

	urlMu   sync.Mutex
	url     string
	serving bool

	mu      sync.Mutex // guards the key store below
	keys    map[string]*kmsKey
	order   []string // key ids in creation order
	aliases map[string]*kmsAlias

	obsMu    sync.Mutex // guards the observability fields below
	calls    map[string]int
	failNext map[string][]string
	outage   bool
}

// NewKMSServer returns a server that is not yet serving: call Serve or Start.
// Unless WithCertificate is given, it generates an ECDSA P-256 test CA and a
// server certificate for 127.0.0.1, ::1 and localhost.
func NewKMSServer(opts ...KMSOption) (*KMSServer, error) {
	cfg := kmsConfig{
		region:          DefaultRegion,
		account:         DefaultAccount,
		accessKeyID:     TestAccessKeyID,
		secretAccessKey: TestSecretAccessKey,
		now:             time.Now,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.region == "" || strings.ContainsAny(cfg.region, ":/ ") {
		return nil, fmt.Errorf("hipaatest: invalid region %q", cfg.region)
	}
	if len(cfg.account) != 12 || strings.Trim(cfg.account, "0123456789") != "" {
		return nil, fmt.Errorf("hipaatest: account %q is not a 12-digit account id", cfg.account)
	}
	if !cfg.anyCredentials && (cfg.accessKeyID == "" || cfg.secretAccessKey == "") {
		return nil, errors.New("hipaatest: empty access key id or secret")
	}
	s := &KMSServer{
		cfg:      cfg,
		keys:     make(map[string]*kmsKey),
		aliases:  make(map[string]*kmsAlias),
		calls:    make(map[string]int),
		failNext: make(map[string][]string),
	}
	if cfg.cert != nil {
		s.tlsCert = *cfg.cert
		s.caPEM = cfg.caPEM
	} else {
		ca, err := NewTestCA("hipaatest local KMS CA")
		if err != nil {
			return nil, err
		}
		cert, err := ca.IssueServerCert("127.0.0.1", "::1", "localhost")
		if err != nil {
			return nil, err
		}
		s.ca, s.caPEM, s.tlsCert = ca, ca.CertPEM(), cert
	}
	if cfg.stateFile != "" {
		if err := s.loadState(); err != nil {
			return nil, err
		}
	}
	s.handler = http.HandlerFunc(s.serveHTTP)
	s.srv = &http.Server{
		Handler: s.handler,
		// The same hardened settings phisafe requires of real services.
		TLSConfig:         hipaa.ServerTLSConfig(s.tlsCert),
		ReadHeaderTimeout: 10 * time.Second,
		// Failed handshakes are expected in tests (clients that do not
		// trust the CA); keep them out of test output.
		ErrorLog: log.New(io.Discard, "", 0),
	}
	return s, nil
}

// StartKMS starts a KMSServer on a random loopback port for the duration of
// a test or benchmark and stops it in tb's Cleanup. It fails tb if the
// server cannot start.
func StartKMS(tb testing.TB, opts ...KMSOption) *KMSServer {
	tb.Helper()
	s, err := NewKMSServer(opts...)
	if err != nil {
		tb.Fatalf("hipaatest: new KMS server: %v", err)
	}
	if err := s.Start(); err != nil {
		tb.Fatalf("hipaatest: start KMS server: %v", err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}

// Start listens on a random port of 127.0.0.1 and serves in the background
// until Close or Shutdown.
func (s *KMSServer) Start() error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("hipaatest: listen: %w", err)
	}
	if err := s.setServing(l); err != nil {
		l.Close()
		return err
	}
	go func() { _ = s.srv.ServeTLS(l, "", "") }()
	return nil
}

// Serve accepts TCP connections on l, wraps them in TLS with the server's
// certificate (TLS 1.2 minimum) and serves KMS requests on them. It blocks
// until Close or Shutdown, then returns http.ErrServerClosed, like
// http.Server.Serve. A server serves at most one listener.
func (s *KMSServer) Serve(l net.Listener) error {
	if err := s.setServing(l); err != nil {
		return err
	}
	return s.srv.ServeTLS(l, "", "")
}

func (s *KMSServer) setServing(l net.Listener) error {
	s.urlMu.Lock()
	defer s.urlMu.Unlock()
	if s.serving {
		return errors.New("hipaatest: KMS server already serving")
	}
	s.serving = true
	host, port, err := net.SplitHostPort(l.Addr().String())
	if err != nil {
		return fmt.Errorf("hipaatest: listener address: %w", err)
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	s.url = "https://" + net.JoinHostPort(host, port)
	return nil
}

// Close stops the server at once, closing all connections.
func (s *KMSServer) Close() error { return s.srv.Close() }

// Shutdown stops the server gracefully: it stops accepting connections and
// waits, until ctx is done, for requests in flight to finish.
func (s *KMSServer) Shutdown(ctx context.Context) error { return s.srv.Shutdown(ctx) }

// Handler returns the KMS protocol handler without TLS, for mounting in a
// server of your own. The URL method does not know about such servers.
func (s *KMSServer) Handler() http.Handler { return s.handler }

// URL returns the server's base URL, such as https://127.0.0.1:41234, to use
// as the kms client's BaseEndpoint. It is empty until Start or Serve.
func (s *KMSServer) URL() string {
	s.urlMu.Lock()
	defer s.urlMu.Unlock()
	return s.url
}

// CAPEM returns the PEM-encoded certificate of the CA that issued the
// server's certificate, or nil when WithCertificate was given without one.
func (s *KMSServer) CAPEM() []byte { return append([]byte(nil), s.caPEM...) }

// CertPool returns a new pool holding only the CA of CAPEM (empty if there
// is none). Each call returns a fresh pool, so a caller may add to it.
func (s *KMSServer) CertPool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AppendCertsFromPEM(s.caPEM)
	return p
}

// TestCA returns the CA generated at start, or nil when WithCertificate
// was given. Tests can use it to issue certificates for servers of their own
// that clients of this package already trust.
func (s *KMSServer) TestCA() *TestCA { return s.ca }

// Region returns the server's region.
func (s *KMSServer) Region() string { return s.cfg.region }

// Account returns the server's account id.
func (s *KMSServer) Account() string { return s.cfg.account }

// AccessKeyID returns the access key id the server accepts.
func (s *KMSServer) AccessKeyID() string { return s.cfg.accessKeyID }

// SecretAccessKey returns the secret the server verifies signatures with.
func (s *KMSServer) SecretAccessKey() string { return s.cfg.secretAccessKey }

// Calls returns how many requests for the operation op (such as "Encrypt";
// the X-Amz-Target without its "TrentService." prefix) the server has
// received since it started or since ResetCalls, whatever their outcome:
// successes, errors, injected faults and requests refused during an outage
// all count. An SDK retry counts again.
func (s *KMSServer) Calls(op string) int {
	s.obsMu.Lock()
	defer s.obsMu.Unlock()
	return s.calls[op]
}

// ResetCalls sets every operation's call count to zero.
func (s *KMSServer) ResetCalls() {
	s.obsMu.Lock()
	defer s.obsMu.Unlock()
	clear(s.calls)
}

// SetOutage turns a simulated outage on or off. During an outage every
// request, signed or not, is answered with HTTP 503 and the JSON error
// {"__type":"ServiceUnavailableException"}, without touching any key. The
// aws-sdk-go-v2 client retries 503s (up to kms.Options.RetryMaxAttempts,
// 3 by default, with backoff) and then returns an error whose ErrorCode() is
// "ServiceUnavailableException"; set RetryMaxAttempts to 1 to fail fast.
func (s *KMSServer) SetOutage(on bool) {
	s.obsMu.Lock()
	defer s.obsMu.Unlock()
	s.outage = on
}

// FailNext makes the next authenticated request for operation op fail with
// the AWS error code code (such as CodeKMSInternal or "ThrottlingException")
// and the HTTP status KMS uses for it. Each call queues one failure, consumed
// in order. Note that the SDK retries some codes (5xx statuses, throttling),
// so a single queued failure of such a code may be absorbed by a retry.
func (s *KMSServer) FailNext(op, code string) {
	s.obsMu.Lock()
	defer s.obsMu.Unlock()
	s.failNext[op] = append(s.failNext[op], code)
}

// observe counts a request for op and returns whether the server is in an
// outage and the injected failure, if any, to answer with.
func (s *KMSServer) observe(op string) (outage bool) {
	s.obsMu.Lock()
	defer s.obsMu.Unlock()
	s.calls[op]++
	return s.outage
}

func (s *KMSServer) takeFailure(op string) string {
	s.obsMu.Lock()
	defer s.obsMu.Unlock()
	q := s.failNext[op]
	if len(q) == 0 {
		return ""
	}
	code := q[0]
	if len(q) == 1 {
		delete(s.failNext, op)
	} else {
		s.failNext[op] = q[1:]
	}
	return code
}

const targetPrefix = "TrentService."

func (s *KMSServer) serveHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Amzn-RequestId", newUUID())
	op, _ := strings.CutPrefix(r.Header.Get("X-Amz-Target"), targetPrefix)
	if s.observe(op) {
		writeError(w, errorf(CodeServiceUnavailable, "hipaatest: simulated KMS outage"))
		return
	}
	if r.Method != http.MethodPost {
		writeError(w, errorf(CodeUnknownOperation, "KMS accepts only POST requests"))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	if err != nil {
		writeError(w, errorf(codeRequestEntityTooLarge, "request body too large or unreadable"))
		return
	}
	if aerr := s.verifySigV4(r, body, s.cfg.now()); aerr != nil {
		writeError(w, aerr)
		return
	}
	target := r.Header.Get("X-Amz-Target")
	if !strings.HasPrefix(target, targetPrefix) {
		writeError(w, errorf(CodeUnknownOperation, "X-Amz-Target %q is not a TrentService operation", target))
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/x-amz-json-1.1" && ct != "application/x-amz-json-1.0" {
		writeError(w, errorf(CodeSerialization, "Content-Type must be application/x-amz-json-1.1"))
		return
	}
	h, ok := operations[op]
	if !ok {
		writeError(w, errorf(CodeUnsupportedOperation, "hipaatest: operation %q is not implemented by the local KMS", op))
		return
	}
	if code := s.takeFailure(op); code != "" {
		writeError(w, errorf(code, "hipaatest: injected failure of %s", op))
		return
	}
	out, aerr := h(s, body)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	b, err := json.Marshal(out)
	if err != nil {
		writeError(w, errorf(CodeKMSInternal, "hipaatest: encode response: %v", err))
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
}

// writeError answers e in AWS's JSON error shape.
func writeError(w http.ResponseWriter, e *apiError) {
	b, _ := json.Marshal(struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}{e.code, e.message})
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-ErrorType", e.code)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(e.status)
	_, _ = w.Write(b)
}

// newUUID returns a random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("hipaatest: crypto/rand failed: " + err.Error())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
