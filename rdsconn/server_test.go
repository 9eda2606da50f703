package rdsconn

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/internal/testenv"
)

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// checkConnectAudit asserts one attempt and one success per connection,
// with the TLS version and suite, and no password.
func checkConnectAudit(t *testing.T, rec interface{ Events() []hipaa.Event }, wantConns int, secrets ...string) {
	t.Helper()
	var attempts, successes int
	open := map[string]bool{} // request ids of attempts without an outcome yet
	for _, e := range rec.Events() {
		if e.Action != ActionConnect {
			continue
		}
		switch e.Outcome {
		case hipaa.OutcomeAttempt:
			attempts++
			if e.RequestID == "" || open[e.RequestID] {
				t.Errorf("attempt with request id %q (empty or already open)", e.RequestID)
			}
			open[e.RequestID] = true
		case hipaa.OutcomeSuccess:
			successes++
			if !open[e.RequestID] {
				t.Errorf("success with request id %q matches no attempt", e.RequestID)
			}
			delete(open, e.RequestID)
			if !strings.Contains(e.Detail, "tls=TLS 1.") || !strings.Contains(e.Detail, "cipher=TLS_") || !strings.Contains(e.Detail, "server_tls=TLSv1.") {
				t.Errorf("success event lacks TLS details: %q", e.Detail)
			}
			if strings.Contains(e.Resource, "@") {
				t.Errorf("resource holds a user: %q", e.Resource)
			}
		default:
			t.Errorf("unexpected %s event (reason %s)", e.Outcome, e.Reason)
		}
		for _, s := range secrets {
			if s != "" && strings.Contains(e.Detail+e.Resource, s) {
				t.Errorf("event holds a secret")
			}
		}
	}
	if attempts != wantConns || successes != wantConns {
		t.Errorf("attempts=%d successes=%d, want %d each", attempts, successes, wantConns)
	}
}

func TestPostgresMainVerifiesTLS(t *testing.T) {
	s := testenv.Postgres(t, testenv.DBMain)
	roots := stackRoots(t, s)

	t.Run("pool", func(t *testing.T) {
		ctx := testCtx(t)
		policy, rec := newPolicy()
		pool, err := OpenPostgresPool(ctx, policy, pgDSN(s, ""), withRoots(roots))
		if err != nil {
			t.Fatal(err)
		}
		defer pool.Close()
		var ssl bool
		var version, cipher string
		if err := pool.QueryRow(ctx, pgSessionQuery).Scan(&ssl, &version, &cipher); err != nil {
			t.Fatal(err)
		}
		if !ssl || !tlsVersionOK(version) || cipher == "" {
			t.Fatalf("pg_stat_ssl: ssl=%v version=%q cipher=%q", ssl, version, cipher)
		}
		checkConnectAudit(t, rec, 1, s.Password)
	})

	t.Run("sql.DB", func(t *testing.T) {
		ctx := testCtx(t)
		policy, rec := newPolicy()
		db, err := OpenPostgresDB(ctx, policy, pgDSN(s, ""), withRoots(roots))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var ssl bool
		var version, cipher string
		if err := db.QueryRowContext(ctx, pgSessionQuery).Scan(&ssl, &version, &cipher); err != nil {
			t.Fatal(err)
		}
		if !ssl || !tlsVersionOK(version) {
			t.Fatalf("pg_stat_ssl: ssl=%v version=%q", ssl, version)
		}
		checkConnectAudit(t, rec, 1, s.Password)
	})

	t.Run("keyword-form", func(t *testing.T) {
		ctx := testCtx(t)
		policy, _ := newPolicy()
		dsn := "host=" + s.Host + " port=" + s.Port + " user=" + s.User + " password='" + s.Password + "' dbname=" + s.Database + " sslmode=verify-full"
		db, err := OpenPostgresDB(ctx, policy, dsn, withRoots(roots))
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
	})

	t.Run("sslrootcert-in-dsn", func(t *testing.T) {
		ctx := testCtx(t)
		policy, _ := newPolicy()
		pool, err := OpenPostgresPool(ctx, policy, pgDSN(s, "sslrootcert="+s.CAFile))
		if err != nil {
			t.Fatal(err)
		}
		pool.Close()
	})

	t.Run("multi-host-fallback-stays-verified", func(t *testing.T) {
		// The first host declines TLS; pgx moves on to the second, and
		// that connection is verified like the first would have been.
		notls := testenv.Postgres(t, testenv.DBNoTLS)
		ctx := testCtx(t)
		policy, rec := newPolicy()
		dsn := "postgres://" + s.User + ":" + url.QueryEscape(s.Password) + "@" + notls.Addr + "," + s.Addr + "/" + s.Database + "?sslmode=verify-full"
		pool, err := OpenPostgresPool(ctx, policy, dsn, withRoots(roots))
		if err != nil {
			t.Fatal(err)
		}
		defer pool.Close()
		var port int
		if err := pool.QueryRow(ctx, "SELECT inet_server_port()").Scan(&port); err != nil || strconv.Itoa(port) != s.Port {
			t.Fatalf("connected to port %d (%v), want %s", port, err, s.Port)
		}
		checkConnectAudit(t, rec, 1, s.Password)
		if ev := connectEvents(rec, hipaa.OutcomeSuccess); len(ev) != 1 || ev[0].Resource != "postgres://"+resourceAddr(t, notls.Addr)+","+resourceAddr(t, s.Addr)+"/"+s.Database {
			t.Errorf("success events: %+v", ev)
		}

		// Two hosts that both fail verification: refused.
		wrong := testenv.Postgres(t, testenv.DBWrongHost)
		dsn = "postgres://" + s.User + ":" + url.QueryEscape(s.Password) + "@" + notls.Addr + "," + wrong.Addr + "/" + s.Database + "?sslmode=verify-full"
		if _, err := OpenPostgresPool(ctx, policy, dsn, withRoots(roots)); !errors.Is(err, hipaa.ErrInsecureTransport) {
			t.Fatalf("err = %v, want hipaa.ErrInsecureTransport", err)
		}
	})

	t.Run("rds-bundle-by-default", func(t *testing.T) {
		// The stack CA is not in the RDS bundle: without RootCAs the
		// stack's certificate must be refused.
		ctx := testCtx(t)
		policy, _ := newPolicy()
		_, err := OpenPostgresPool(ctx, policy, pgDSN(s, ""))
		if !errors.Is(err, hipaa.ErrInsecureTransport) || tlsReason(err) != "unknown-authority" {
			t.Fatalf("err = %v, want an unknown-authority refusal", err)
		}
	})
}

func TestMySQLMainVerifiesTLS(t *testing.T) {
	s := testenv.MySQL(t, testenv.DBMain)
	ctx := testCtx(t)
	policy, rec := newPolicy()
	db, err := OpenMySQL(ctx, policy, myDSN(s, s.Addr, ""), withRoots(stackRoots(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var name, version string
	if err := db.QueryRowContext(ctx, "SHOW SESSION STATUS LIKE 'Ssl_version'").Scan(&name, &version); err != nil {
		t.Fatal(err)
	}
	if !tlsVersionOK(version) {
		t.Fatalf("Ssl_version = %q", version)
	}
	checkConnectAudit(t, rec, 1, s.Password)
}

// TestRefusedServers connects to real servers whose transport is wrong;
// each must be refused with hipaa.ErrInsecureTransport.
func TestRefusedServers(t *testing.T) {
	cases := []struct {
		engine, variant, reason string
	}{
		{"postgres", testenv.DBNoTLS, "not-offered"},
		{"postgres", testenv.DBTLS11, "handshake"},
		{"postgres", testenv.DBWrongHost, "host-name"},
		{"postgres", testenv.DBExpired, "expired"},
		{"postgres", testenv.DBUnknownCA, "unknown-authority"},
		{"mysql", testenv.DBNoTLS, "not-offered"},
		{"mysql", testenv.DBTLS11, "handshake"},
	}
	for _, c := range cases {
		t.Run(c.engine+"/"+c.variant, func(t *testing.T) {
			ctx := testCtx(t)
			policy, rec := newPolicy()
			var s testenv.DBServer
			var err error
			if c.engine == "postgres" {
				s = testenv.Postgres(t, c.variant)
				_, err = OpenPostgresPool(ctx, policy, pgDSN(s, ""), withRoots(stackRoots(t, s)))
			} else {
				s = testenv.MySQL(t, c.variant)
				_, err = OpenMySQL(ctx, policy, myDSN(s, s.Addr, ""), withRoots(stackRoots(t, s)))
			}
			if !errors.Is(err, hipaa.ErrInsecureTransport) {
				t.Fatalf("err = %v, want hipaa.ErrInsecureTransport", err)
			}
			t.Logf("refused: %v", err)
			if got := tlsReason(err); got != c.reason {
				t.Errorf("TLSError reason = %q, want %q (%v)", got, c.reason, err)
			}
			var ce *ConnectError
			if !errors.As(err, &ce) {
				t.Errorf("err is not a *ConnectError: %T", err)
			}
			assertValueFree(t, err, s.Password, s.User, s.Addr)
			failed := connectEvents(rec, hipaa.OutcomeFailed)
			if len(failed) == 0 || failed[0].Reason != "insecure-transport" {
				t.Errorf("failed events = %+v, want reason insecure-transport", failed)
			}
			if len(connectEvents(rec, hipaa.OutcomeSuccess)) != 0 {
				t.Error("a success was audited")
			}
			assertEventsValueFree(t, rec, s.Password)
		})
	}
}

// TestServerNameForTunnel shows that the host check is what refuses
// WRONGHOST: naming the certificate's host makes the same server pass.
func TestServerNameForTunnel(t *testing.T) {
	s := testenv.Postgres(t, testenv.DBWrongHost)
	ctx := testCtx(t)
	policy, _ := newPolicy()
	pool, err := OpenPostgresPool(ctx, policy, pgDSN(s, ""), withRoots(stackRoots(t, s)), func(o *Options) { o.ServerName = "db.invalid" })
	if err != nil {
		t.Fatal(err)
	}
	pool.Close()
}
