package rdsconn

import (
	"bytes"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/testenv"
)

// newPolicy returns a strict policy that records its events.
func newPolicy() (*hipaa.Policy, *hipaatest.Recorder) {
	rec := hipaatest.NewRecorder()
	return &hipaa.Policy{Auditor: rec}, rec
}

// stackRoots returns the stack CA as a pool, for Options.RootCAs.
func stackRoots(t testing.TB, s testenv.DBServer) *x509.CertPool {
	t.Helper()
	pemBytes, err := os.ReadFile(s.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pemBytes) {
		t.Fatal("stack CA file holds no certificate")
	}
	return pool
}

// withRoots is the Options function for a CA pool.
func withRoots(pool *x509.CertPool) func(*Options) {
	return func(o *Options) { o.RootCAs = pool }
}

// pgURL builds a verify-full DSN for addr with the given account; extra
// is appended to the query.
func pgURL(addr, user, password, db, extra string) string {
	u := url.URL{Scheme: "postgres", Host: addr, Path: "/" + db, RawQuery: "sslmode=verify-full"}
	if password != "" {
		u.User = url.UserPassword(user, password)
	} else {
		u.User = url.User(user)
	}
	if extra != "" {
		u.RawQuery += "&" + extra
	}
	return u.String()
}

// pgDSN is pgURL for a stack server's application account.
func pgDSN(s testenv.DBServer, extra string) string {
	return pgURL(s.Addr, s.User, s.Password, s.Database, extra)
}

// myDSN builds a go-sql-driver/mysql DSN for addr with the stack's
// application account; params replaces "tls=true".
func myDSN(s testenv.DBServer, addr, params string) string {
	if params == "" {
		params = "tls=true"
	}
	return s.User + ":" + s.Password + "@tcp(" + addr + ")/" + s.Database + "?" + params
}

// relay is a TCP relay in front of a server that counts the connections
// it accepts and keeps every byte the clients send.
type relay struct {
	ln      net.Listener
	target  string // "" accepts and closes (a counter only)
	accepts atomic.Int32
	mu      sync.Mutex
	fromCli bytes.Buffer
	wg      sync.WaitGroup
}

// startRelay listens on 127.0.0.1; target "" only counts.
func startRelay(t testing.TB, target string) *relay {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &relay{ln: ln, target: target}
	r.wg.Add(1)
	go r.serve()
	t.Cleanup(func() {
		ln.Close()
		r.wg.Wait()
	})
	return r
}

func (r *relay) Addr() string { return r.ln.Addr().String() }

func (r *relay) serve() {
	defer r.wg.Done()
	for {
		c, err := r.ln.Accept()
		if err != nil {
			return
		}
		r.accepts.Add(1)
		if r.target == "" {
			c.Close()
			continue
		}
		up, err := net.Dial("tcp", r.target)
		if err != nil {
			c.Close()
			continue
		}
		r.wg.Add(2)
		go func() {
			defer r.wg.Done()
			_, _ = io.Copy(writerFunc(func(b []byte) (int, error) {
				r.mu.Lock()
				r.fromCli.Write(b)
				r.mu.Unlock()
				return up.Write(b)
			}), c)
			up.Close()
		}()
		go func() {
			defer r.wg.Done()
			_, _ = io.Copy(c, up)
			c.Close()
		}()
	}
}

// clientBytes returns what the clients sent so far.
func (r *relay) clientBytes() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return bytes.Clone(r.fromCli.Bytes())
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// assertValueFree fails if the error text holds a secret or a name.
func assertValueFree(t testing.TB, err error, values ...string) {
	t.Helper()
	msg := err.Error()
	for _, v := range values {
		if v != "" && strings.Contains(msg, v) {
			t.Errorf("error text holds %q: %s", v, msg)
		}
	}
}

// assertEventsValueFree fails if an audit event holds one of values.
func assertEventsValueFree(t testing.TB, rec *hipaatest.Recorder, values ...string) {
	t.Helper()
	for _, e := range rec.Events() {
		all := strings.Join([]string{e.Action, e.Resource, e.Reason, e.Detail, e.KeyID}, " ")
		for _, v := range values {
			if v != "" && strings.Contains(all, v) {
				t.Errorf("audit event %s/%s holds %q", e.Action, e.Outcome, v)
			}
		}
	}
}

// connectEvents returns the ActionConnect events with the outcome.
func connectEvents(rec *hipaatest.Recorder, o hipaa.Outcome) []hipaa.Event {
	return rec.Filter(func(e hipaa.Event) bool { return e.Action == ActionConnect && e.Outcome == o })
}

// tlsReason returns the Reason of the *TLSError in err, or "".
func tlsReason(err error) string {
	var te *TLSError
	if errors.As(err, &te) {
		return te.Reason
	}
	return ""
}

// resourceAddr is how an audit event's Resource writes addr (host:port).
func resourceAddr(t testing.TB, addr string) string {
	t.Helper()
	h, p, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	return resourceEndpoint(h, p)
}
