package rdsconn

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/internal/testenv"
)

// syntheticCreds are fake AWS credentials: tokens signed with them are
// well formed, and only the test's own password hook makes a server
// accept them.
var syntheticCreds = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKIDSYNTHETIC0000000", SecretAccessKey: "synthetic-secret-key", SessionToken: "synthetic-session-token",
		CanExpire: true, Expires: time.Now().Add(time.Hour), Source: "test"}, nil
})

func TestIAMTokenFormat(t *testing.T) {
	o, err := resolve([]func(*Options){func(o *Options) { o.IAMAuth = &IAMAuth{Region: "eu-central-1", Credentials: syntheticCreds} }})
	if err != nil {
		t.Fatal(err)
	}
	s, err := newIAMSigner(&o, "mydb.abc123xyz.eu-central-1.rds.amazonaws.com:5432", "app_iam")
	if err != nil {
		t.Fatal(err)
	}
	tok, err := s.token(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse("https://" + tok)
	if err != nil {
		t.Fatalf("token is not a URL without its scheme: %v", err)
	}
	q := u.Query()
	if u.Host != "mydb.abc123xyz.eu-central-1.rds.amazonaws.com:5432" {
		t.Errorf("host:port = %q", u.Host)
	}
	for k, want := range map[string]string{
		"Action": "connect", "DBUser": "app_iam", "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
		"X-Amz-Expires": "900", "X-Amz-SignedHeaders": "host", "X-Amz-Security-Token": "synthetic-session-token",
	} {
		if q.Get(k) != want {
			t.Errorf("%s = %q, want %q", k, q.Get(k), want)
		}
	}
	cred := strings.Split(q.Get("X-Amz-Credential"), "/")
	if len(cred) != 5 || cred[0] != "AKIDSYNTHETIC0000000" || cred[2] != "eu-central-1" || cred[3] != "rds-db" || cred[4] != "aws4_request" {
		t.Errorf("X-Amz-Credential = %q", q.Get("X-Amz-Credential"))
	}
	if len(q.Get("X-Amz-Signature")) != 64 || q.Get("X-Amz-Date") == "" {
		t.Errorf("signature %q, date %q", q.Get("X-Amz-Signature"), q.Get("X-Amz-Date"))
	}

	// IAMAuth.Endpoint and ServerName decide the signed host.
	o.IAMAuth.Endpoint = "proxy.example.com:6543"
	s, err = newIAMSigner(&o, "127.0.0.1:5432", "app_iam")
	if err != nil {
		t.Fatal(err)
	}
	if tok, err = s.token(context.Background()); err != nil || !strings.HasPrefix(tok, "proxy.example.com:6543?") {
		t.Errorf("token with Endpoint: %v %.30q", err, tok)
	}
	o.IAMAuth.Endpoint = "no-port"
	if _, err := newIAMSigner(&o, "127.0.0.1:5432", "app_iam"); !errors.Is(err, ErrConfig) {
		t.Errorf("Endpoint without port: err = %v", err)
	}
}

// tokenRecorder counts the tokens built and, with set, makes each one
// the test role's password before it is used (as RDS would accept it).
type tokenRecorder struct {
	mu     sync.Mutex
	tokens []string
	set    func(tok string) error
}

func (r *tokenRecorder) hook(tok string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if strings.ContainsAny(tok, `'\`) {
		return errors.New("token with a quote")
	}
	r.tokens = append(r.tokens, tok)
	if r.set != nil {
		return r.set(tok)
	}
	return nil
}

func (r *tokenRecorder) all() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.tokens...)
}

func randomName(prefix string) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return prefix + hex.EncodeToString(b[:])
}

// pgIAMRole creates a login role whose password the returned recorder
// sets to each token, through an admin connection.
func pgIAMRole(t *testing.T, s testenv.DBServer) (string, *tokenRecorder) {
	t.Helper()
	ctx := testCtx(t)
	policy, _ := newPolicy()
	admin, err := OpenPostgresDB(ctx, policy, pgURL(s.Addr, s.AdminUser, s.AdminPassword, s.Database, ""), withRoots(stackRoots(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	role := randomName("rdsconn_iam_")
	if _, err := admin.ExecContext(ctx, "CREATE ROLE "+role+" LOGIN"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = admin.ExecContext(context.Background(), "DROP ROLE IF EXISTS "+role)
		admin.Close()
	})
	rec := &tokenRecorder{set: func(tok string) error {
		_, err := admin.ExecContext(context.Background(), "ALTER ROLE "+role+" PASSWORD '"+tok+"'")
		return err
	}}
	return role, rec
}

// iamOpts turns on IAM authentication with synthetic credentials and
// the recorder's hook.
func iamOpts(rec *tokenRecorder) func(*Options) {
	return func(o *Options) {
		o.IAMAuth = &IAMAuth{Region: "us-east-1", Credentials: syntheticCreds}
		o.afterToken = rec.hook
	}
}

// TestIAMTokenPerConnection: against the real server, every new physical
// connection authenticates with a token built for it.
func TestIAMTokenPerConnection(t *testing.T) {
	s := testenv.Postgres(t, testenv.DBMain)
	roots := stackRoots(t, s)
	role, rec := pgIAMRole(t, s)
	ctx := testCtx(t)
	policy, audit := newPolicy()
	pool, err := OpenPostgresPool(ctx, policy, pgURL(s.Addr, role, "", s.Database, "pool_max_conns=3"), withRoots(roots), iamOpts(rec))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	// Hold three connections at once: the first is the one Open made,
	// the pool must open two more, one after the other.
	var held []*pgxpool.Conn
	for range 3 {
		c, err := pool.Acquire(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var user string
		if err := c.QueryRow(ctx, "SELECT current_user").Scan(&user); err != nil || user != role {
			t.Fatalf("current_user = %q, %v", user, err)
		}
		held = append(held, c)
	}
	for _, c := range held {
		c.Release()
	}
	toks := rec.all()
	if len(toks) != 3 {
		t.Fatalf("%d tokens built for 3 connections", len(toks))
	}
	for _, tok := range toks {
		u, err := url.Parse("https://" + tok)
		if err != nil || u.Host != s.Addr || u.Query().Get("DBUser") != role {
			t.Errorf("token not for %s as %s", s.Addr, role)
		}
	}
	checkConnectAudit(t, audit, 3, toks...)
	for _, e := range connectEvents(audit, hipaa.OutcomeSuccess) {
		if !strings.Contains(e.Detail, "auth=iam") {
			t.Errorf("success event without auth=iam: %q", e.Detail)
		}
	}
}

// TestIAMTokenNeverSentWithoutTLS runs the connection through a relay
// that keeps what the client sends: to a server without TLS (which would
// take a cleartext password) the client sends only the SSLRequest; to
// the TLS server the token is never visible on the wire.
func TestIAMTokenNeverSentWithoutTLS(t *testing.T) {
	sslRequest := []byte{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f}

	t.Run("postgres-notls", func(t *testing.T) {
		s := testenv.Postgres(t, testenv.DBNoTLS)
		r := startRelay(t, s.Addr)
		rec := &tokenRecorder{}
		policy, _ := newPolicy()
		_, err := OpenPostgresPool(testCtx(t), policy, pgURL(r.Addr(), s.User, "", s.Database, ""), withRoots(stackRoots(t, s)), iamOpts(rec))
		if !errors.Is(err, hipaa.ErrInsecureTransport) || tlsReason(err) != "not-offered" {
			t.Fatalf("err = %v, want a not-offered refusal", err)
		}
		sent := r.clientBytes()
		if !bytes.Equal(sent, sslRequest) {
			t.Errorf("client sent %d bytes %x, want only the SSLRequest", len(sent), sent)
		}
		assertNoToken(t, sent, rec.all())
	})

	t.Run("postgres-tls", func(t *testing.T) {
		s := testenv.Postgres(t, testenv.DBMain)
		role, rec := pgIAMRole(t, s)
		r := startRelay(t, s.Addr)
		policy, _ := newPolicy()
		pool, err := OpenPostgresPool(testCtx(t), policy, pgURL(r.Addr(), role, "", s.Database, ""), withRoots(stackRoots(t, s)), iamOpts(rec))
		if err != nil {
			t.Fatal(err)
		}
		pool.Close()
		sent := r.clientBytes()
		if !bytes.HasPrefix(sent, sslRequest) || len(sent) < 100 {
			t.Fatalf("client sent %d bytes", len(sent))
		}
		if len(rec.all()) != 1 {
			t.Fatalf("%d tokens", len(rec.all()))
		}
		assertNoToken(t, sent, rec.all())
		if bytes.Contains(sent, []byte(role)) {
			t.Error("the role name travelled in clear")
		}
	})

	t.Run("mysql-notls", func(t *testing.T) {
		s := testenv.MySQL(t, testenv.DBNoTLS)
		r := startRelay(t, s.Addr)
		rec := &tokenRecorder{}
		policy, _ := newPolicy()
		_, err := OpenMySQL(testCtx(t), policy, s.User+"@tcp("+r.Addr()+")/"+s.Database+"?tls=true", withRoots(stackRoots(t, s)), iamOpts(rec))
		if !errors.Is(err, hipaa.ErrInsecureTransport) || tlsReason(err) != "not-offered" {
			t.Fatalf("err = %v, want a not-offered refusal", err)
		}
		sent := r.clientBytes()
		if len(sent) != 0 {
			t.Errorf("client sent %d bytes to a server without TLS", len(sent))
		}
		assertNoToken(t, sent, rec.all())
	})

	t.Run("mysql-tls", func(t *testing.T) {
		s := testenv.MySQL(t, testenv.DBMain)
		user, rec := mysqlIAMUser(t, s)
		r := startRelay(t, s.Addr)
		policy, audit := newPolicy()
		db, err := OpenMySQL(testCtx(t), policy, user+"@tcp("+r.Addr()+")/?tls=true", withRoots(stackRoots(t, s)), iamOpts(rec))
		if err != nil {
			t.Fatal(err)
		}
		var cur string
		if err := db.QueryRowContext(testCtx(t), "SELECT CURRENT_USER()").Scan(&cur); err != nil || !strings.HasPrefix(cur, user+"@") {
			t.Fatalf("CURRENT_USER() = %q, %v", cur, err)
		}
		db.Close()
		sent := r.clientBytes()
		if len(sent) == 0 || len(rec.all()) != 1 {
			t.Fatalf("client sent %d bytes, %d tokens", len(sent), len(rec.all()))
		}
		assertNoToken(t, sent, rec.all())
		checkConnectAudit(t, audit, 1, rec.all()...)
	})
}

// mysqlIAMUser creates a MariaDB user whose password the recorder sets to
// each token through an admin connection.
func mysqlIAMUser(t *testing.T, s testenv.DBServer) (string, *tokenRecorder) {
	t.Helper()
	ctx := testCtx(t)
	policy, _ := newPolicy()
	admin, err := OpenMySQL(ctx, policy, s.AdminUser+":"+s.AdminPassword+"@tcp("+s.Addr+")/?tls=true", withRoots(stackRoots(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	user := randomName("rdsconn_iam_")
	if _, err := admin.ExecContext(ctx, "CREATE USER '"+user+"'@'%' REQUIRE SSL"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = admin.ExecContext(context.Background(), "DROP USER IF EXISTS '"+user+"'@'%'")
		admin.Close()
	})
	return user, &tokenRecorder{set: func(tok string) error {
		_, err := admin.ExecContext(context.Background(), "ALTER USER '"+user+"'@'%' IDENTIFIED BY '"+tok+"'")
		return err
	}}
}

func assertNoToken(t *testing.T, sent []byte, tokens []string) {
	t.Helper()
	for _, marker := range []string{"X-Amz-", "Action=connect", "DBUser", "AKIDSYNTHETIC"} {
		if bytes.Contains(sent, []byte(marker)) {
			t.Errorf("%q visible on the wire", marker)
		}
	}
	for _, tok := range tokens {
		if bytes.Contains(sent, []byte(tok)) {
			t.Error("a token is visible on the wire")
		}
	}
}
