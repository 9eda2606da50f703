package rdsconn

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/testenv"
)

func codes(p *Posture) []string {
	var out []string
	for _, f := range p.Findings {
		out = append(out, f.Code)
	}
	return out
}

func postureEvent(t *testing.T, rec *hipaatest.Recorder) hipaa.Event {
	t.Helper()
	ev := rec.Filter(func(e hipaa.Event) bool { return e.Action == ActionPosture })
	if len(ev) != 2 || ev[0].Outcome != hipaa.OutcomeAttempt || ev[1].Outcome != hipaa.OutcomeSuccess || ev[0].RequestID != ev[1].RequestID {
		t.Fatalf("posture events: %+v", ev)
	}
	return ev[1]
}

func TestCheckPostgresPosture(t *testing.T) {
	s := testenv.Postgres(t, testenv.DBMain)
	roots := stackRoots(t, s)
	ctx := testCtx(t)

	t.Run("app-user-pool", func(t *testing.T) {
		policy, rec := newPolicy()
		pool, err := OpenPostgresPool(ctx, policy, pgDSN(s, ""), withRoots(roots))
		if err != nil {
			t.Fatal(err)
		}
		defer pool.Close()
		p, err := CheckPostgresPool(ctx, policy, pool)
		if err != nil {
			t.Fatal(err)
		}
		// Not RDS; pg_hba.conf and ssl_min_protocol_version are hidden
		// from this user.
		if p.TLSEnabled != Yes || p.ForcesTLS != Unknown || p.MinProtocol != "" || !tlsVersionOK(p.SessionProtocol) || p.SessionCipher == "" {
			t.Errorf("posture = %+v", p)
		}
		if !slices.Equal(codes(p), []string{"tls-forcing-unknown", "min-protocol-unknown"}) {
			t.Errorf("findings = %v", codes(p))
		}
		e := postureEvent(t, rec)
		if !strings.Contains(e.Detail, "findings=tls-forcing-unknown,min-protocol-unknown") || !strings.Contains(e.Detail, "min_protocol=none") {
			t.Errorf("outcome detail = %q", e.Detail)
		}
		assertEventsValueFree(t, rec, s.Password)
	})

	t.Run("superuser-db", func(t *testing.T) {
		policy, rec := newPolicy()
		db, err := OpenPostgresDB(ctx, policy, pgURL(s.Addr, s.AdminUser, s.AdminPassword, s.Database, ""), withRoots(roots))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		p, err := CheckPostgres(ctx, policy, db)
		if err != nil {
			t.Fatal(err)
		}
		// hostnossl ... reject, hostssl ... scram-sha-256: TLS is forced.
		if p.ForcesTLS != Yes || p.MinProtocol != "TLSv1.2" || len(p.Findings) != 0 {
			t.Errorf("posture = %+v", p)
		}
		if !strings.HasPrefix(p.Resource, "postgres://127.0.0.1:") || !strings.HasSuffix(p.Resource, "/"+s.Database) {
			t.Errorf("resource = %q", p.Resource)
		}
		postureEvent(t, rec)
	})

	t.Run("audit-outage", func(t *testing.T) {
		policy, rec := newPolicy()
		db, err := OpenPostgresDB(ctx, policy, pgDSN(s, ""), withRoots(roots))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		rec.FailWith(errors.New("synthetic audit outage"))
		if _, err := CheckPostgres(ctx, policy, db); !errors.Is(err, hipaa.ErrAuditFailed) {
			t.Fatalf("err = %v, want hipaa.ErrAuditFailed", err)
		}
	})
}

func TestCheckMySQLPosture(t *testing.T) {
	s := testenv.MySQL(t, testenv.DBMain)
	ctx := testCtx(t)
	policy, rec := newPolicy()
	db, err := OpenMySQL(ctx, policy, myDSN(s, s.Addr, ""), withRoots(stackRoots(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := CheckMySQL(ctx, policy, db)
	if err != nil {
		t.Fatal(err)
	}
	// The stack runs MariaDB with --require-secure-transport=ON and
	// --tls-version=TLSv1.2,TLSv1.3.
	if p.TLSEnabled != Yes || p.ForcesTLS != Yes || p.MinProtocol != "TLSv1.2" || !tlsVersionOK(p.SessionProtocol) || p.SessionCipher == "" {
		t.Errorf("posture = %+v", p)
	}
	if len(p.Findings) != 0 {
		t.Errorf("findings = %v", codes(p))
	}
	if e := postureEvent(t, rec); !strings.Contains(e.Detail, "forces_tls=yes") || !strings.HasPrefix(e.Resource, "mysql://") {
		t.Errorf("outcome = %+v", e)
	}
}

// TestJudge covers the findings for settings the stack does not have.
func TestJudge(t *testing.T) {
	exp, err := BundleExpiry()
	if err != nil {
		t.Fatal(err)
	}
	long := exp.Add(-5 * 365 * 24 * time.Hour)
	cases := []struct {
		name string
		p    Posture
		now  time.Time
		want []string
	}{
		{"all-good", Posture{Engine: "postgres", TLSEnabled: Yes, ForcesTLS: Yes, MinProtocol: "TLSv1.2"}, long, nil},
		{"tls-off", Posture{Engine: "postgres", TLSEnabled: No, ForcesTLS: No, MinProtocol: "TLSv1.2"}, long, []string{"tls-off"}},
		{"not-forced", Posture{Engine: "postgres", TLSEnabled: Yes, ForcesTLS: No, MinProtocol: "TLSv1.3"}, long, []string{"tls-not-forced"}},
		{"tls11", Posture{Engine: "mysql", TLSEnabled: Yes, ForcesTLS: Yes, MinProtocol: "TLSv1.1"}, long, []string{"min-protocol-below-tls12"}},
		{"tls10-unknown-forcing", Posture{Engine: "mysql", TLSEnabled: Yes, ForcesTLS: Unknown, MinProtocol: "TLSv1"}, long, []string{"tls-forcing-unknown", "min-protocol-below-tls12"}},
		{"min-unknown", Posture{Engine: "postgres", TLSEnabled: Yes, ForcesTLS: Yes}, long, []string{"min-protocol-unknown"}},
		{"bundle-in-179-days", Posture{Engine: "postgres", TLSEnabled: Yes, ForcesTLS: Yes, MinProtocol: "TLSv1.2"}, exp.Add(-179 * 24 * time.Hour), []string{"ca-bundle-expiring"}},
		{"bundle-in-181-days", Posture{Engine: "postgres", TLSEnabled: Yes, ForcesTLS: Yes, MinProtocol: "TLSv1.2"}, exp.Add(-181 * 24 * time.Hour), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.p
			judge(&p, c.now)
			if !slices.Equal(codes(&p), c.want) {
				t.Errorf("findings = %v, want %v", codes(&p), c.want)
			}
			if !p.BundleExpiry.Equal(exp) {
				t.Errorf("BundleExpiry = %v", p.BundleExpiry)
			}
		})
	}
	for in, want := range map[string]string{"TLSv1.1,TLSv1.2,TLSv1.3": "TLSv1.1", "TLSv1.2, TLSv1.3": "TLSv1.2", "": "", "bogus": ""} {
		if got := lowestTLS(in); got != want {
			t.Errorf("lowestTLS(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBundleWarningOnConnect: within BundleWarning of the embedded
// bundle's expiry, connect events carry a warning.
func TestBundleWarningOnConnect(t *testing.T) {
	exp, err := BundleExpiry()
	if err != nil {
		t.Fatal(err)
	}
	if w := bundleWarning(exp.Add(-10 * 24 * time.Hour)); w != "ca-bundle-expires="+exp.Format(time.DateOnly) {
		t.Errorf("warning = %q", w)
	}
	if w := bundleWarning(time.Now()); w != "" {
		t.Errorf("warning now = %q", w)
	}
}
