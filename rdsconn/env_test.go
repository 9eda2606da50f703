package rdsconn

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/internal/testenv"
)

// refusal names how a DSN was refused, so that the checker's and the
// openers' answers can be compared: "ok", "dsn:<option>", "env:<name>",
// "malformed", "tls:<reason>", or "other".
func refusal(err error) string {
	var de *DSNError
	var ee *EnvError
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &de):
		return "dsn:" + de.Option
	case errors.As(err, &ee):
		return "env:" + ee.Variable
	case errors.Is(err, ErrMalformedDSN):
		return "malformed"
	case tlsReason(err) != "":
		return "tls:" + tlsReason(err)
	}
	return "other"
}

// openPostgresAll runs dsn through CheckPostgresDSN, OpenPostgresPool and
// OpenPostgresDB and returns the three errors; connections that opened
// are closed. Each opener's refusal must be audited as refused, with no
// connection attempt.
func openPostgresAll(t *testing.T, dsn string, opts ...func(*Options)) (check, pool, db error) {
	t.Helper()
	check = CheckPostgresDSN(dsn)
	ctx := testCtx(t)
	policy, rec := newPolicy()
	pl, pool := OpenPostgresPool(ctx, policy, dsn, opts...)
	if pool == nil {
		pl.Close()
	}
	policy2, rec2 := newPolicy()
	sqlDB, db := OpenPostgresDB(ctx, policy2, dsn, opts...)
	if db == nil {
		sqlDB.Close()
	}
	for i, r := range []struct {
		err error
		rec interface{ Events() []hipaa.Event }
	}{{pool, rec}, {db, rec2}} {
		if r.err == nil || errors.As(r.err, new(*ConnectError)) {
			continue
		}
		for _, e := range r.rec.Events() {
			if e.Outcome == hipaa.OutcomeAttempt {
				t.Errorf("opener %d: a connection was attempted for a refused DSN", i)
			}
		}
	}
	return check, pool, db
}

// pgStackFiles writes, for the stack's servers, a service file whose
// service "rdsconn-stack" points at the no-TLS server with sslmode=disable
// and trusts the stack CA, and a client certificate and key.
type pgStackFiles struct {
	caFile, serviceFile, certFile, keyFile string
}

func newPGStackFiles(t *testing.T, main, notls testenv.DBServer) pgStackFiles {
	t.Helper()
	dir := t.TempDir()
	svc := filepath.Join(dir, "pg_service.conf")
	body := "[rdsconn-stack]\nhost=" + notls.Host + "\nport=" + notls.Port + "\nsslmode=disable\nsslrootcert=" + main.CAFile + "\n"
	if err := os.WriteFile(svc, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	client := testenv.NewPKI(t, false)
	return pgStackFiles{caFile: main.CAFile, serviceFile: svc, certFile: client.CertFile, keyFile: client.KeyFile}
}

// TestPostgresEnvCannotChangeTLS sets, one at a time, every PG*
// environment variable (and the ~/.postgresql files) that pgx would use
// for TLS, in a way that changes the outcome against the stack's real
// PostgreSQL servers if it were honoured, and shows that the checker and
// both openers give the answer the DSN alone calls for.
// Not parallel: t.Setenv.
func TestPostgresEnvCannotChangeTLS(t *testing.T) {
	main := testenv.Postgres(t, testenv.DBMain)
	notls := testenv.Postgres(t, testenv.DBNoTLS)
	wrong := testenv.Postgres(t, testenv.DBWrongHost)
	f := newPGStackFiles(t, main, notls)
	withCA := "sslrootcert=" + url.QueryEscape(f.caFile)

	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".postgresql"), 0o700); err != nil {
		t.Fatal(err)
	}
	for name, from := range map[string]string{"root.crt": f.caFile, "postgresql.crt": f.certFile, "postgresql.key": f.keyFile} {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(home, ".postgresql", name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	kvNoHost := "user=" + main.User + " password='" + main.Password + "' dbname=" + main.Database + " sslmode=verify-full sslrootcert='" + f.caFile + "'"

	cases := []struct {
		name string
		env  map[string]string
		dsn  string
		// check is what CheckPostgresDSN must say, open what both openers
		// must say ("ok": connected with verified TLS).
		check, open string
		// honoured is what would have happened had the variable been
		// honoured, for the record.
		honoured string
	}{
		{"PGSSLROOTCERT", map[string]string{"PGSSLROOTCERT": f.caFile}, pgDSN(main, ""),
			"ok", "tls:unknown-authority", "the stack CA trusted instead of the RDS bundle: connected"},
		{"PGSSLROOTCERT=system", map[string]string{"PGSSLROOTCERT": "system"}, pgDSN(main, withCA),
			"ok", "ok", "nothing here (the DSN's sslrootcert wins in pgx)"},
		{"PGSSLMODE=disable/no-TLS-server", map[string]string{"PGSSLMODE": "disable"}, pgDSN(notls, withCA),
			"ok", "tls:not-offered", "nothing here (the DSN's sslmode wins in pgx); pinned for DSNs pgx reads without one"},
		{"PGSSLMODE=disable/main", map[string]string{"PGSSLMODE": "disable"}, pgDSN(main, withCA),
			"ok", "ok", "nothing here (the DSN's sslmode wins in pgx)"},
		{"PGSSLMODE=verify-ca/wrong-host", map[string]string{"PGSSLMODE": "verify-ca"}, pgDSN(wrong, withCA),
			"ok", "tls:host-name", "nothing here (the DSN's sslmode wins in pgx)"},
		{"PGSSLCERT", map[string]string{"PGSSLCERT": f.certFile}, pgDSN(main, withCA),
			"ok", "ok", "parse error: sslcert without sslkey"},
		{"PGSSLKEY", map[string]string{"PGSSLKEY": f.keyFile}, pgDSN(main, withCA),
			"ok", "ok", "parse error: sslkey without sslcert"},
		{"PGSSLCERT+PGSSLKEY", map[string]string{"PGSSLCERT": f.certFile, "PGSSLKEY": f.keyFile}, pgDSN(main, withCA),
			"ok", "ok", "a client certificate from the environment"},
		{"PGSSLCERT-missing-file", map[string]string{"PGSSLCERT": filepath.Join(home, "none.crt"), "PGSSLKEY": filepath.Join(home, "none.key")}, pgDSN(main, withCA),
			"ok", "ok", "parse error: unreadable sslkey"},
		{"PGSSLCERTMODE=require", map[string]string{"PGSSLCERTMODE": "require"}, pgDSN(main, withCA),
			"ok", "ok", "refused after authentication: the server asks for no client certificate"},
		{"PGSSLNEGOTIATION=direct", map[string]string{"PGSSLNEGOTIATION": "direct"}, pgDSN(main, withCA),
			"ok", "ok", "direct TLS, which PostgreSQL 15 does not speak: failed"},
		{"PGSSLSNI=0", map[string]string{"PGSSLSNI": "0"}, pgDSN(main, withCA),
			"ok", "ok", "no SNI"},
		{"PGSSLPASSWORD", map[string]string{"PGSSLPASSWORD": "env-key-passphrase"}, pgDSN(main, withCA),
			"ok", "ok", "a key passphrase from the environment"},
		{"PGSERVICEFILE", map[string]string{"PGSERVICEFILE": f.serviceFile}, pgDSN(main, ""),
			"ok", "tls:unknown-authority", "nothing (pgx reads the file only for a service)"},
		{"PGSERVICE", map[string]string{"PGSERVICEFILE": f.serviceFile, "PGSERVICE": "rdsconn-stack"}, pgDSN(main, ""),
			"env:PGSERVICE", "env:PGSERVICE", "the stack CA trusted from the service file: connected"},
		{"service-in-DSN", map[string]string{"PGSERVICEFILE": f.serviceFile}, pgDSN(main, "service=rdsconn-stack"),
			"dsn:service", "dsn:service", "the stack CA trusted from the service file: connected"},
		{"servicefile-in-DSN", nil, pgDSN(main, "servicefile="+url.QueryEscape(f.serviceFile)),
			"dsn:servicefile", "dsn:servicefile", "nothing without a service"},
		{"HOME/.postgresql", map[string]string{"HOME": home}, pgDSN(main, ""),
			"ok", "tls:unknown-authority", "~/.postgresql/root.crt (the stack CA) trusted: connected"},
		{"HOME/.postgresql/DSN-CA", map[string]string{"HOME": home}, pgDSN(main, withCA),
			"ok", "ok", "a client certificate from ~/.postgresql"},
		// Honoured, since they cannot weaken TLS: a host from the
		// environment is verified like one in the DSN.
		{"PGHOST/no-TLS-server", map[string]string{"PGHOST": notls.Host, "PGPORT": notls.Port}, kvNoHost,
			"ok", "tls:not-offered", ""},
		{"PGHOST/wrong-host", map[string]string{"PGHOST": wrong.Host, "PGPORT": wrong.Port}, kvNoHost,
			"ok", "tls:host-name", ""},
		{"PGHOST/socket", map[string]string{"PGHOST": t.TempDir()}, kvNoHost,
			"dsn:host", "dsn:host", ""},
		{"PGHOST/main", map[string]string{"PGHOST": main.Host, "PGPORT": main.Port, "PGAPPNAME": "rdsconn-env-test", "PGTARGETSESSIONATTRS": "read-write", "PGCONNECT_TIMEOUT": "10"}, kvNoHost,
			"ok", "ok", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			if c.honoured != "" {
				t.Logf("if honoured: %s", c.honoured)
			}
			check, pool, db := openPostgresAll(t, c.dsn)
			if got := refusal(check); got != c.check {
				t.Errorf("CheckPostgresDSN: %s (%v), want %s", got, check, c.check)
			}
			if got := refusal(pool); got != c.open {
				t.Errorf("OpenPostgresPool: %s (%v), want %s", got, pool, c.open)
			}
			if got := refusal(db); got != c.open {
				t.Errorf("OpenPostgresDB: %s (%v), want %s", got, db, c.open)
			}
			for _, err := range []error{check, pool, db} {
				if err == nil {
					continue
				}
				if !errors.Is(err, hipaa.ErrInsecureTransport) && !errors.Is(err, ErrMalformedDSN) {
					t.Errorf("%v wraps neither ErrInsecureTransport nor ErrMalformedDSN", err)
				}
				assertValueFree(t, err, main.Password, "rdsconn-stack", f.caFile, f.serviceFile, home)
			}
			if c.check == "ok" {
				pc, err := postgresConfig(c.dsn)
				if err != nil {
					t.Fatal(err)
				}
				tc := pc.ConnConfig.TLSConfig
				if n := len(tc.Certificates); n != 0 {
					t.Errorf("%d client certificates, want none (the DSN names none)", n)
				}
				if dsnCA := strings.Contains(c.dsn, "sslrootcert"); dsnCA != (tc.RootCAs != nil) {
					t.Errorf("roots from a CA file: %v, want %v (the DSN's sslrootcert only)", tc.RootCAs != nil, dsnCA)
				}
				if pc.ConnConfig.SSLNegotiation == "direct" {
					t.Error("direct negotiation without sslnegotiation=direct in the DSN")
				}
			}
		})
	}
}

// TestMySQLDSNCheckerAndOpenerAgree runs every DSN through CheckMySQLDSN
// and OpenMySQL (against the stack's MariaDB): both accept it, or both
// refuse it for the same option.
func TestMySQLDSNCheckerAndOpenerAgree(t *testing.T) {
	s := testenv.MySQL(t, testenv.DBMain)
	acct := s.User + ":" + s.Password + "@"
	tcp := acct + "tcp(" + s.Addr + ")/" + s.Database
	cases := []struct{ name, dsn, want string }{
		{"tls=true", tcp + "?tls=true", "ok"},
		{"unix-socket", acct + "unix(/tmp/mysql.sock)/" + s.Database + "?tls=true", "dsn:protocol"},
		{"unix-default-socket", acct + "unix/" + s.Database + "?tls=true", "dsn:protocol"},
		{"empty-host", acct + "tcp(:" + s.Port + ")/" + s.Database + "?tls=true", "dsn:address"},
		{"host-with-space", acct + "tcp(local host:" + s.Port + ")/" + s.Database + "?tls=true", "dsn:address"},
		{"allowCleartextPasswords", tcp + "?tls=true&allowCleartextPasswords=true", "dsn:allowCleartextPasswords=true"},
		{"allowFallbackToPlaintext", tcp + "?tls=true&allowFallbackToPlaintext=true", "dsn:allowFallbackToPlaintext=true"},
		{"tls-missing", tcp, "dsn:tls"},
		{"skip-verify", tcp + "?tls=skip-verify", "dsn:tls=skip-verify"},
		{"unregistered-tls", tcp + "?tls=rdsconn-not-registered", "malformed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			check := CheckMySQLDSN(c.dsn)
			policy, rec := newPolicy()
			db, open := OpenMySQL(testCtx(t), policy, c.dsn, withRoots(stackRoots(t, s)))
			if open == nil {
				db.Close()
			}
			if got := refusal(check); got != c.want {
				t.Errorf("CheckMySQLDSN: %s (%v), want %s", got, check, c.want)
			}
			if got := refusal(open); got != c.want {
				t.Errorf("OpenMySQL: %s (%v), want %s", got, open, c.want)
			}
			if c.want != "ok" {
				for _, e := range rec.Events() {
					if e.Outcome == hipaa.OutcomeAttempt {
						t.Error("a connection was attempted for a refused DSN")
					}
				}
				for _, err := range []error{check, open} {
					assertValueFree(t, err, s.Password)
				}
			}
		})
	}
}

// TestPostgresDSNCheckerAndOpenersAgree is the same for CheckPostgresDSN,
// OpenPostgresPool and OpenPostgresDB, against the stack's PostgreSQL.
func TestPostgresDSNCheckerAndOpenersAgree(t *testing.T) {
	s := testenv.Postgres(t, testenv.DBMain)
	withCA := "sslrootcert=" + url.QueryEscape(s.CAFile)
	kv := "user=" + s.User + " password='" + s.Password + "' dbname=" + s.Database + " sslmode=verify-full sslrootcert='" + s.CAFile + "'"
	cases := []struct{ name, dsn, want string }{
		{"url", pgDSN(s, withCA), "ok"},
		{"kv", kv + " host=" + s.Host + " port=" + s.Port, "ok"},
		{"pool-param", pgDSN(s, withCA+"&pool_max_conns=2"), "ok"},
		{"bad-pool-param", pgDSN(s, withCA+"&pool_max_conns=many"), "malformed"},
		{"host-with-port", kv + " host='" + s.Addr + "' port=" + s.Port, "dsn:host"},
		{"host-with-hash", kv + " host='" + s.Host + "#x' port=" + s.Port, "dsn:host"},
		{"host-with-space", kv + " host='local host' port=" + s.Port, "dsn:host"},
		{"unix-socket", kv + " host=" + t.TempDir(), "dsn:host"},
		{"service", pgDSN(s, withCA+"&service=x"), "dsn:service"},
		{"reserved-key", pgDSN(s, withCA+"&"+pgGuardKey+"=1"), "malformed"},
		{"require", pgURL(s.Addr, s.User, s.Password, s.Database, "") + "&sslmode=require", "dsn:sslmode"},
		{"url-userinfo-query", "postgres://" + s.User + ":" + url.QueryEscape(s.Password) + "@" + s.Addr + "/" + s.Database + "?" + withCA + "&sslmode=verify-full&application_name=a%3Fb", "ok"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			check, pool, db := openPostgresAll(t, c.dsn)
			for i, err := range []error{check, pool, db} {
				if got := refusal(err); got != c.want {
					t.Errorf("%s: %s (%v), want %s", []string{"CheckPostgresDSN", "OpenPostgresPool", "OpenPostgresDB"}[i], got, err, c.want)
				}
				if err != nil {
					assertValueFree(t, err, s.Password)
				}
			}
		})
	}
}

// TestPinPostgresTLS shows that the pinned TLS parameters reach pgx as
// parameters ahead of the DSN's own, in every DSN form: with every PG*
// TLS variable pointing at something that would fail the parse, the DSN
// still parses, and the DSN's own values win over the pins.
// Not parallel: t.Setenv.
func TestPinPostgresTLS(t *testing.T) {
	pki := testenv.NewPKI(t, false)
	for k, v := range map[string]string{
		"PGSSLMODE": "disable", "PGSSLROOTCERT": "/nonexistent/ca.crt", "PGSSLCERT": "/nonexistent/c.crt",
		"PGSSLKEY": "/nonexistent/c.key", "PGSSLCERTMODE": "bogus", "PGSSLSNI": "0", "PGSSLNEGOTIATION": "direct",
		"PGSSLPASSWORD": "x",
	} {
		t.Setenv(k, v)
	}
	ca := url.QueryEscape(pki.CAFile)
	for name, c := range map[string]struct {
		dsn    string
		dsnCA  bool
		direct bool
	}{
		"url":               {"postgres://u:p@db.example.com:5432/clinic?sslmode=verify-full", false, false},
		"url-no-query":      {"postgres://u:p@db.example.com/clinic", false, false},
		"url-no-path":       {"postgres://u:p@db.example.com?sslmode=verify-full", false, false},
		"url-multi-host":    {"postgres://u@h1.example.com:5432,h2.example.com:5433/db?sslmode=verify-full", false, false},
		"url-ipv6":          {"postgres://u@[::1]:5432/db?sslmode=verify-full", false, false},
		"url-encoded-user":  {"postgres://u%40x:p%3Fq@db.example.com/db%3F?sslmode=verify-full", false, false},
		"url-with-ca":       {"postgres://u@db.example.com/db?sslmode=verify-full&sslrootcert=" + ca, true, false},
		"url-direct":        {"postgresql://u@db.example.com/db?sslmode=verify-full&sslnegotiation=direct", false, true},
		"kv":                {"host=db.example.com user=u sslmode=verify-full", false, false},
		"kv-with-ca":        {"host=db.example.com user=u sslmode=verify-full sslrootcert='" + pki.CAFile + "'", true, false},
		"kv-trailing-slash": {"host=db.example.com user=u sslmode=verify-full dbname=x\\", false, false},
	} {
		t.Run(name, func(t *testing.T) {
			pc, err := postgresConfig(c.dsn)
			if c.dsn == "postgres://u:p@db.example.com/clinic" {
				// No sslmode: refused by the DSN check, yet parsed.
				if refusal(err) != "dsn:sslmode" || pc == nil {
					t.Fatalf("err = %v, pc = %v", err, pc)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if _, ok := pc.ConnConfig.RuntimeParams[pgGuardKey]; ok {
				t.Error("the guard parameter would be sent to the server")
			}
			tc := pc.ConnConfig.TLSConfig
			if tc == nil || tc.InsecureSkipVerify || tc.ServerName == "" {
				t.Fatalf("TLS config %+v does not verify", tc)
			}
			if (tc.RootCAs != nil) != c.dsnCA {
				t.Errorf("roots from a CA file: %v, want %v", tc.RootCAs != nil, c.dsnCA)
			}
			if len(tc.Certificates) != 0 {
				t.Error("client certificate from the environment")
			}
			if got := pc.ConnConfig.SSLNegotiation == "direct"; got != c.direct {
				t.Errorf("direct negotiation = %v, want %v", got, c.direct)
			}
		})
	}
}
