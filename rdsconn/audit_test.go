package rdsconn

import (
	"context"
	"errors"
	"net"
	"net/url"
	"sync"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/testenv"
)

// pairConnectEvents checks the event rule for ActionConnect: every
// attempt has a request id of its own and exactly one outcome (success or
// failed) with that id, recorded after it, and no outcome is without an
// attempt. It returns the number of attempts, successes and failures.
func pairConnectEvents(t *testing.T, rec *hipaatest.Recorder) (attempts, successes, failures int) {
	t.Helper()
	open := map[string]bool{}  // attempts without an outcome yet
	ended := map[string]bool{} // attempts with their outcome
	for _, e := range rec.Events() {
		if e.Action != ActionConnect {
			continue
		}
		switch e.Outcome {
		case hipaa.OutcomeAttempt:
			attempts++
			if e.RequestID == "" || open[e.RequestID] || ended[e.RequestID] {
				t.Errorf("attempt with request id %q (empty or already used)", e.RequestID)
			}
			open[e.RequestID] = true
		case hipaa.OutcomeSuccess, hipaa.OutcomeFailed:
			if e.Outcome == hipaa.OutcomeSuccess {
				successes++
			} else {
				failures++
			}
			switch {
			case ended[e.RequestID]:
				t.Errorf("second outcome (%s, reason %q) for request id %q", e.Outcome, e.Reason, e.RequestID)
			case !open[e.RequestID]:
				t.Errorf("%s outcome with request id %q matches no attempt", e.Outcome, e.RequestID)
			}
			delete(open, e.RequestID)
			ended[e.RequestID] = true
		default:
			t.Errorf("unexpected %s event (reason %q)", e.Outcome, e.Reason)
		}
	}
	for id := range open {
		t.Errorf("attempt %q has no outcome", id)
	}
	return attempts, successes, failures
}

// closedAddr returns a loopback address nothing listens on.
func closedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestConnectOneOutcomePerAttempt: every physical connection attempt,
// whether it fails in pgx before any hook (dial refused, the server
// hanging up before the SSLRequest answer), in the TLS hooks (NOTLS,
// WRONGHOST, TLS11, EXPIRED, UNKNOWNCA), in authentication (a wrong
// password), in MySQL's driver, or succeeds, is one attempt and exactly
// one outcome with the attempt's request id.
func TestConnectOneOutcomePerAttempt(t *testing.T) {
	pgMain := testenv.Postgres(t, testenv.DBMain)
	myMain := testenv.MySQL(t, testenv.DBMain)
	pgRoots, myRoots := stackRoots(t, pgMain), stackRoots(t, myMain)
	hangUp := startRelay(t, "")

	type open func(ctx context.Context, p *hipaa.Policy) error
	pgOpeners := map[string]func(dsn string) open{
		"pool": func(dsn string) open {
			return func(ctx context.Context, p *hipaa.Policy) error {
				pool, err := OpenPostgresPool(ctx, p, dsn, withRoots(pgRoots))
				if err == nil {
					pool.Close()
				}
				return err
			}
		},
		"db": func(dsn string) open {
			return func(ctx context.Context, p *hipaa.Policy) error {
				db, err := OpenPostgresDB(ctx, p, dsn, withRoots(pgRoots))
				if err == nil {
					db.Close()
				}
				return err
			}
		},
	}
	type tc struct {
		name    string
		open    open
		success bool
		reason  string // the failed outcome's Reason, if not ""
	}
	var cases []tc
	for kind, mk := range pgOpeners {
		pg := func(variant string) string {
			return pgDSN(testenv.Postgres(t, variant), "connect_timeout=5")
		}
		cases = append(cases,
			tc{"postgres/" + kind + "/main", mk(pg(testenv.DBMain)), true, ""},
			tc{"postgres/" + kind + "/NOTLS", mk(pg(testenv.DBNoTLS)), false, "insecure-transport"},
			tc{"postgres/" + kind + "/WRONGHOST", mk(pg(testenv.DBWrongHost)), false, "insecure-transport"},
			tc{"postgres/" + kind + "/TLS11", mk(pg(testenv.DBTLS11)), false, "insecure-transport"},
			tc{"postgres/" + kind + "/EXPIRED", mk(pg(testenv.DBExpired)), false, "insecure-transport"},
			tc{"postgres/" + kind + "/UNKNOWNCA", mk(pg(testenv.DBUnknownCA)), false, "insecure-transport"},
			tc{"postgres/" + kind + "/wrong-password", mk(pgURL(pgMain.Addr, pgMain.User, "not-the-password", pgMain.Database, "")), false, ""},
			tc{"postgres/" + kind + "/dial-refused", mk(pgURL(closedAddr(t), fakeUser, fakePassword, fakeDB, "connect_timeout=5")), false, ""},
			tc{"postgres/" + kind + "/hang-up", mk(pgURL(hangUp.Addr(), fakeUser, fakePassword, fakeDB, "connect_timeout=5")), false, ""},
			tc{"postgres/" + kind + "/fallback-NOTLS-then-main", mk("postgres://" + pgMain.User + ":" + url.QueryEscape(pgMain.Password) + "@" +
				testenv.Postgres(t, testenv.DBNoTLS).Addr + "," + pgMain.Addr + "/" + pgMain.Database + "?sslmode=verify-full"), true, ""},
			tc{"postgres/" + kind + "/fallback-NOTLS-then-WRONGHOST", mk("postgres://" + pgMain.User + ":" + url.QueryEscape(pgMain.Password) + "@" +
				testenv.Postgres(t, testenv.DBNoTLS).Addr + "," + testenv.Postgres(t, testenv.DBWrongHost).Addr + "/" + pgMain.Database + "?sslmode=verify-full"), false, "insecure-transport"},
		)
	}
	my := func(dsn string) open {
		return func(ctx context.Context, p *hipaa.Policy) error {
			db, err := OpenMySQL(ctx, p, dsn, withRoots(myRoots))
			if err == nil {
				db.Close()
			}
			return err
		}
	}
	cases = append(cases,
		tc{"mysql/main", my(myDSN(myMain, myMain.Addr, "")), true, ""},
		tc{"mysql/NOTLS", my(myDSN(myMain, testenv.MySQL(t, testenv.DBNoTLS).Addr, "")), false, "insecure-transport"},
		tc{"mysql/TLS11", my(myDSN(myMain, testenv.MySQL(t, testenv.DBTLS11).Addr, "")), false, "insecure-transport"},
		tc{"mysql/wrong-password", my(fakeUser + ":" + fakePassword + "@tcp(" + myMain.Addr + ")/" + myMain.Database + "?tls=true"), false, ""},
		tc{"mysql/dial-refused", my(fakeUser + ":" + fakePassword + "@tcp(" + closedAddr(t) + ")/" + fakeDB + "?tls=true&timeout=5s"), false, ""},
	)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			policy, rec := newPolicy()
			err := c.open(testCtx(t), policy)
			if c.success != (err == nil) {
				t.Fatalf("err = %v, want success %v", err, c.success)
			}
			attempts, successes, failures := pairConnectEvents(t, rec)
			switch {
			case c.success && (attempts != 1 || successes != 1 || failures != 0):
				t.Errorf("attempts=%d successes=%d failures=%d, want 1, 1, 0", attempts, successes, failures)
			case !c.success && (attempts < 1 || successes != 0 || failures != attempts):
				t.Errorf("attempts=%d successes=%d failures=%d, want a failure for each attempt", attempts, successes, failures)
			}
			if c.reason != "" {
				for _, e := range connectEvents(rec, hipaa.OutcomeFailed) {
					if e.Reason != c.reason {
						t.Errorf("failed outcome reason = %q, want %q", e.Reason, c.reason)
					}
				}
			}
			if n := len(rec.Filter(func(e hipaa.Event) bool { return e.Outcome == hipaa.OutcomeRefused })); n != 0 {
				t.Errorf("%d refused events", n)
			}
			assertEventsValueFree(t, rec, pgMain.Password, myMain.Password, fakePassword, pgMain.User, fakeUser)
		})
	}
}

// TestConcurrentConnectsPaired: a pool's connections made at the same
// time each get their own request id and one outcome.
func TestConcurrentConnectsPaired(t *testing.T) {
	s := testenv.Postgres(t, testenv.DBMain)
	ctx := testCtx(t)
	policy, rec := newPolicy()
	pool, err := OpenPostgresPool(ctx, policy, pgDSN(s, "pool_max_conns=4"), withRoots(stackRoots(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	// Hold four connections at once, so that the pool has to make more.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	start := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			c, err := pool.Acquire(ctx)
			if err == nil {
				_, err = c.Exec(ctx, "SELECT pg_sleep(0.2)")
				c.Release()
			}
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	attempts, successes, failures := pairConnectEvents(t, rec)
	made := int(pool.Stat().NewConnsCount())
	if made < 2 || attempts != made || successes != made || failures != 0 {
		t.Errorf("attempts=%d successes=%d failures=%d, want %d (connections made, at least 2) successes", attempts, successes, failures, made)
	}
}

// TestRefusedDSNAudited: a DSN, option or environment variable refused
// before connecting is one OutcomeRefused event, with no attempt and no
// connection; an audit sink that cannot record the refusal adds
// hipaa.ErrAuditFailed to the refusal.
func TestRefusedDSNAudited(t *testing.T) {
	counter := startRelay(t, "")
	addr := counter.Addr()
	pgOK := "postgres://" + fakeUser + ":" + fakePassword + "@" + addr + "/" + fakeDB + "?sslmode=verify-full"
	type open func(*hipaa.Policy) error
	pool := func(dsn string, opts ...func(*Options)) open {
		return func(p *hipaa.Policy) error {
			_, err := OpenPostgresPool(context.Background(), p, dsn, opts...)
			return err
		}
	}
	db := func(dsn string, opts ...func(*Options)) open {
		return func(p *hipaa.Policy) error {
			_, err := OpenPostgresDB(context.Background(), p, dsn, opts...)
			return err
		}
	}
	my := func(dsn string, opts ...func(*Options)) open {
		return func(p *hipaa.Policy) error { _, err := OpenMySQL(context.Background(), p, dsn, opts...); return err }
	}
	cases := []struct {
		name   string
		open   open
		want   error
		reason string
		env    [2]string
	}{
		{"postgres/pool/weak", pool(pgOK[:len(pgOK)-len("verify-full")] + "require"), hipaa.ErrInsecureTransport, "insecure-transport", [2]string{}},
		{"postgres/db/weak", db(pgOK[:len(pgOK)-len("verify-full")] + "prefer"), hipaa.ErrInsecureTransport, "insecure-transport", [2]string{}},
		{"postgres/pool/malformed", pool("postgres://" + fakeUser + ":" + fakePassword + "@" + addr + "/%zz?sslmode=verify-full"), ErrMalformedDSN, "", [2]string{}},
		{"postgres/db/malformed", db("host=" + addr + " password='" + fakePassword), ErrMalformedDSN, "", [2]string{}},
		{"postgres/pool/PGSERVICE", pool(pgOK), hipaa.ErrInsecureTransport, "insecure-transport", [2]string{"PGSERVICE", "synthetic-service"}},
		{"postgres/db/PGSERVICE", db(pgOK), hipaa.ErrInsecureTransport, "insecure-transport", [2]string{"PGSERVICE", "synthetic-service"}},
		{"postgres/pool/option", pool(pgOK, func(o *Options) { o.IAMAuth = &IAMAuth{} }), ErrConfig, "", [2]string{}},
		{"mysql/weak", my(fakeUser + ":" + fakePassword + "@tcp(" + addr + ")/" + fakeDB + "?tls=skip-verify"), hipaa.ErrInsecureTransport, "insecure-transport", [2]string{}},
		{"mysql/malformed", my(fakeUser + ":" + fakePassword + "@tcp(" + addr + "/" + fakeDB + "?tls=true"), ErrMalformedDSN, "", [2]string{}},
		{"mysql/option", my(fakeUser+":"+fakePassword+"@tcp("+addr+")/"+fakeDB+"?tls=true", func(o *Options) { o.ServerName = "db.example.com:3306" }), hipaa.ErrInsecureTransport, "insecure-transport", [2]string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.env[0] != "" {
				t.Setenv(c.env[0], c.env[1])
			}
			policy, rec := newPolicy()
			err := c.open(policy)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			assertValueFree(t, err, fakePassword)
			ev := rec.Events()
			if len(ev) != 1 || ev[0].Action != ActionConnect || ev[0].Outcome != hipaa.OutcomeRefused || ev[0].RequestID == "" {
				t.Fatalf("events = %+v, want one refused %s event", ev, ActionConnect)
			}
			if c.reason != "" && ev[0].Reason != c.reason {
				t.Errorf("reason = %q, want %q", ev[0].Reason, c.reason)
			}
			assertEventsValueFree(t, rec, fakePassword, fakeUser)

			// The same refusal with a sink that fails: still refused,
			// and the audit failure is reported with it.
			sinkErr := errors.New("synthetic audit sink outage")
			rec.Reset()
			rec.FailWith(sinkErr)
			err = c.open(policy)
			if !errors.Is(err, c.want) || !errors.Is(err, hipaa.ErrAuditFailed) || !errors.Is(err, sinkErr) {
				t.Fatalf("err = %v, want %v and hipaa.ErrAuditFailed", err, c.want)
			}
		})
	}
	if n := counter.accepts.Load(); n != 0 {
		t.Fatalf("%d connections reached the server, want 0", n)
	}
}

// TestOutcomeAuditFailureClosesConnection: when the attempt is recorded
// but the success cannot be, the connection is closed and the open fails
// with hipaa.ErrAuditFailed; the attempt still has exactly one outcome
// at most (the failed record is not retried as a failure).
func TestOutcomeAuditFailureClosesConnection(t *testing.T) {
	pg := testenv.Postgres(t, testenv.DBMain)
	my := testenv.MySQL(t, testenv.DBMain)
	opens := map[string]func(*hipaa.Policy) error{
		"pool": func(p *hipaa.Policy) error {
			_, err := OpenPostgresPool(testCtx(t), p, pgDSN(pg, ""), withRoots(stackRoots(t, pg)))
			return err
		},
		"db": func(p *hipaa.Policy) error {
			_, err := OpenPostgresDB(testCtx(t), p, pgDSN(pg, ""), withRoots(stackRoots(t, pg)))
			return err
		},
		"mysql": func(p *hipaa.Policy) error {
			_, err := OpenMySQL(testCtx(t), p, myDSN(my, my.Addr, ""), withRoots(stackRoots(t, my)))
			return err
		},
	}
	for name, open := range opens {
		t.Run(name, func(t *testing.T) {
			policy, rec := newPolicy()
			sinkErr := errors.New("synthetic audit sink outage")
			rec.FailAfter(1, sinkErr) // the attempt goes through, the outcome does not
			err := open(policy)
			if !errors.Is(err, hipaa.ErrAuditFailed) || !errors.Is(err, sinkErr) {
				t.Fatalf("err = %v, want hipaa.ErrAuditFailed wrapping the sink's error", err)
			}
			ev := rec.Events()
			if len(ev) != 1 || ev[0].Outcome != hipaa.OutcomeAttempt {
				t.Errorf("events = %+v, want the attempt only", ev)
			}
		})
	}
}

// TestResourceIsAnIdentifier: the Resource of connect events names the
// server without an IP literal (which the policy's detector would refuse
// as PHI) and without the user.
func TestResourceIsAnIdentifier(t *testing.T) {
	for _, c := range [][3]string{
		{"127.0.0.1", "5432", "ip-127-0-0-1:5432"},
		{"10.1.22.3", "3306", "ip-10-1-22-3:3306"},
		{"::1", "5432", "ip6---1:5432"},
		{"fd00::1:2", "5432", "ip6-fd00--1-2:5432"},
		{"mydb.abc123xyz.us-east-1.rds.amazonaws.com", "5432", "mydb.abc123xyz.us-east-1.rds.amazonaws.com:5432"},
		{"localhost", "5432", "localhost:5432"},
	} {
		got := resourceEndpoint(c[0], c[1])
		if got != c[2] {
			t.Errorf("resourceEndpoint(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
		// A strict policy accepts the resource as an identifier.
		policy, _ := newPolicy()
		_, op, err := policy.Begin(context.Background(), hipaa.Operation{Action: ActionConnect, Resource: "postgres://" + got + "/phisafe"})
		if err != nil {
			t.Errorf("resource %q refused: %v", got, err)
			continue
		}
		if err := op.End(hipaa.Result{}); err != nil {
			t.Error(err)
		}
	}
}

// TestPHIInResourceRefused: a database name that holds PHI (here an SSN)
// is refused by the policy when the connection begins: one refused
// event, its Resource redacted, no attempt and no connection.
func TestPHIInResourceRefused(t *testing.T) {
	counter := startRelay(t, "")
	addr := counter.Addr()
	const db = "ssn_219-09-9999"
	opens := map[string]func(*hipaa.Policy) error{
		"pool": func(p *hipaa.Policy) error {
			_, err := OpenPostgresPool(context.Background(), p, pgURL(addr, fakeUser, fakePassword, db, ""))
			return err
		},
		"db": func(p *hipaa.Policy) error {
			_, err := OpenPostgresDB(context.Background(), p, pgURL(addr, fakeUser, fakePassword, db, ""))
			return err
		},
		"mysql": func(p *hipaa.Policy) error {
			_, err := OpenMySQL(context.Background(), p, fakeUser+":"+fakePassword+"@tcp("+addr+")/"+db+"?tls=true")
			return err
		},
	}
	for name, open := range opens {
		t.Run(name, func(t *testing.T) {
			policy, rec := newPolicy()
			err := open(policy)
			if !errors.Is(err, hipaa.ErrPHIInName) {
				t.Fatalf("err = %v, want hipaa.ErrPHIInName", err)
			}
			assertValueFree(t, err, fakePassword, db)
			ev := rec.Events()
			if len(ev) != 1 || ev[0].Outcome != hipaa.OutcomeRefused || ev[0].Reason != "phi-in-name" {
				t.Fatalf("events = %+v, want one refused event", ev)
			}
			assertEventsValueFree(t, rec, db, fakePassword, fakeUser)
		})
	}
	if n := counter.accepts.Load(); n != 0 {
		t.Fatalf("%d connections reached the server, want 0", n)
	}
}

// TestPostureEventsPaired: a posture check is one attempt and one
// outcome with its request id, failed when the check cannot run, and its
// Resource holds no IP literal.
func TestPostureEventsPaired(t *testing.T) {
	s := testenv.Postgres(t, testenv.DBMain)
	ctx := testCtx(t)
	policy, rec := newPolicy()
	pool, err := OpenPostgresPool(ctx, policy, pgDSN(s, ""), withRoots(stackRoots(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	rec.Reset()
	if _, err := CheckPostgresPool(ctx, policy, pool); err != nil {
		t.Fatal(err)
	}
	ev := rec.Events()
	if len(ev) != 2 || ev[0].Outcome != hipaa.OutcomeAttempt || ev[1].Outcome != hipaa.OutcomeSuccess || ev[0].RequestID == "" || ev[0].RequestID != ev[1].RequestID {
		t.Fatalf("events = %+v", ev)
	}
	if want := "postgres://" + resourceAddr(t, s.Addr) + "/" + s.Database; ev[0].Resource != want || ev[1].Resource != want {
		t.Errorf("resource = %q, want %q", ev[0].Resource, want)
	}

	db, err := OpenPostgresDB(ctx, policy, pgDSN(s, ""), withRoots(stackRoots(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	rec.Reset()
	if _, err := CheckPostgres(ctx, policy, db); err == nil {
		t.Fatal("posture check on a closed *sql.DB succeeded")
	}
	ev = rec.Events()
	if len(ev) != 2 || ev[0].Outcome != hipaa.OutcomeAttempt || ev[1].Outcome != hipaa.OutcomeFailed || ev[0].RequestID != ev[1].RequestID {
		t.Fatalf("events = %+v", ev)
	}
}
