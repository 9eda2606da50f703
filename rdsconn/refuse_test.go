package rdsconn

import (
	"context"
	"crypto/tls"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/go-sql-driver/mysql"
	"github.com/phisafe/phisafe/hipaa"
)

const (
	fakeUser     = "app_svc"
	fakePassword = "Synthetic-Pa55word-0"
	fakeDB       = "clinic"
)

// TestWeakDSNRefusedBeforeConnecting opens every weakening DSN against a
// listener that counts connections: each must be refused with
// hipaa.ErrInsecureTransport, audited as refused, and make none.
func TestWeakDSNRefusedBeforeConnecting(t *testing.T) {
	counter := startRelay(t, "")
	addr := counter.Addr()

	skip := hipaa.ClientTLSConfig()
	skip.InsecureSkipVerify = true
	if err := mysql.RegisterTLSConfig("rdsconn-open-skip", skip); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mysql.DeregisterTLSConfig("rdsconn-open-skip") })

	pgBase := "postgres://" + fakeUser + ":" + fakePassword + "@" + addr + "/" + fakeDB
	pgCases := map[string]string{
		"sslmode=disable":   pgBase + "?sslmode=disable",
		"sslmode=allow":     pgBase + "?sslmode=allow",
		"sslmode=prefer":    pgBase + "?sslmode=prefer",
		"sslmode=require":   pgBase + "?sslmode=require",
		"sslmode=verify-ca": pgBase + "?sslmode=verify-ca",
		"sslmode-missing":   pgBase,
		"ssl=true":          pgBase + "?ssl=true",
		"gssencmode=prefer": pgBase + "?sslmode=verify-full&gssencmode=prefer",
		"sslmode-twice":     pgBase + "?sslmode=verify-full&sslmode=disable",
		"kv-require":        "host=127.0.0.1 port=" + addr[strings.LastIndexByte(addr, ':')+1:] + " user=" + fakeUser + " password=" + fakePassword + " sslmode=require",
	}
	myBase := fakeUser + ":" + fakePassword + "@tcp(" + addr + ")/" + fakeDB
	myCases := map[string]string{
		"tls-missing":                    myBase,
		"tls=false":                      myBase + "?tls=false",
		"tls=skip-verify":                myBase + "?tls=skip-verify",
		"tls=preferred":                  myBase + "?tls=preferred",
		"allowFallbackToPlaintext=true":  myBase + "?tls=true&allowFallbackToPlaintext=true",
		"allowCleartextPasswords=true":   myBase + "?tls=true&allowCleartextPasswords=true",
		"cleartext-without-tls":          myBase + "?allowCleartextPasswords=true",
		"registered-InsecureSkipVerify":  myBase + "?tls=rdsconn-open-skip",
		"unix-socket":                    fakeUser + ":" + fakePassword + "@unix(/tmp/nowhere.sock)/" + fakeDB + "?tls=true",
		"allowFallbackToPlaintext-alone": myBase + "?tls=true&allowFallbackToPlaintext=1",
	}
	check := func(t *testing.T, rec interface{ Events() []hipaa.Event }, err error, dsn string) {
		t.Helper()
		if !errors.Is(err, hipaa.ErrInsecureTransport) {
			t.Fatalf("err = %v, want hipaa.ErrInsecureTransport", err)
		}
		assertValueFree(t, err, fakePassword, dsn)
		var refused int
		for _, e := range rec.Events() {
			if e.Outcome == hipaa.OutcomeRefused && e.Reason == "insecure-transport" {
				refused++
			}
			if e.Outcome == hipaa.OutcomeAttempt {
				t.Error("an attempt was audited for a refused DSN")
			}
		}
		if refused != 1 {
			t.Errorf("%d refused events, want 1", refused)
		}
	}
	for name, dsn := range pgCases {
		t.Run("postgres/pool/"+name, func(t *testing.T) {
			policy, rec := newPolicy()
			_, err := OpenPostgresPool(context.Background(), policy, dsn)
			check(t, rec, err, dsn)
		})
		t.Run("postgres/db/"+name, func(t *testing.T) {
			policy, rec := newPolicy()
			_, err := OpenPostgresDB(context.Background(), policy, dsn)
			check(t, rec, err, dsn)
		})
	}
	for name, dsn := range myCases {
		t.Run("mysql/"+name, func(t *testing.T) {
			policy, rec := newPolicy()
			_, err := OpenMySQL(context.Background(), policy, dsn)
			check(t, rec, err, dsn)
			if strings.HasPrefix(name, "allowCleartext") && !strings.Contains(err.Error(), "allowCleartextPasswords") {
				t.Errorf("message does not name the option: %v", err)
			}
		})
	}
	if n := counter.accepts.Load(); n != 0 {
		t.Fatalf("%d connections reached the server, want 0", n)
	}
}

// TestOpenRefusesBadConfig covers option combinations that are refused
// before connecting (ErrConfig, nil policy).
func TestOpenRefusesBadConfig(t *testing.T) {
	counter := startRelay(t, "")
	addr := counter.Addr()
	pgIAM := "postgres://" + fakeUser + "@" + addr + "/" + fakeDB + "?sslmode=verify-full"
	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKIDSYNTHETIC", SecretAccessKey: "synthetic"}, nil
	})
	iam := func(o *Options) { o.IAMAuth = &IAMAuth{Region: "us-east-1", Credentials: creds} }
	cases := []struct {
		name string
		dsn  string
		opts []func(*Options)
		want error
	}{
		{"iam-with-password", "postgres://" + fakeUser + ":" + fakePassword + "@" + addr + "/" + fakeDB + "?sslmode=verify-full", []func(*Options){iam}, ErrConfig},
		{"iam-no-region", pgIAM, []func(*Options){func(o *Options) { o.IAMAuth = &IAMAuth{Credentials: creds} }}, ErrConfig},
		{"iam-no-credentials", pgIAM, []func(*Options){func(o *Options) { o.IAMAuth = &IAMAuth{Region: "us-east-1"} }}, ErrConfig},
		{"iam-two-hosts", "postgres://" + fakeUser + "@" + addr + ",127.0.0.2:5432/" + fakeDB + "?sslmode=verify-full", []func(*Options){iam}, ErrConfig},
		{"servername-two-hosts", "postgres://" + fakeUser + "@" + addr + ",127.0.0.2:5432/" + fakeDB + "?sslmode=verify-full", []func(*Options){func(o *Options) { o.ServerName = "db.example.com" }}, ErrConfig},
		{"servername-with-port", pgIAM, []func(*Options){func(o *Options) { o.ServerName = "db.example.com:5432" }}, hipaa.ErrInsecureTransport},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			policy, _ := newPolicy()
			_, err := OpenPostgresPool(context.Background(), policy, c.dsn, c.opts...)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			assertValueFree(t, err, fakePassword)
		})
	}
	t.Run("mysql-iam-with-password", func(t *testing.T) {
		policy, _ := newPolicy()
		_, err := OpenMySQL(context.Background(), policy, fakeUser+":"+fakePassword+"@tcp("+addr+")/"+fakeDB+"?tls=true", iam)
		if !errors.Is(err, ErrConfig) {
			t.Fatalf("err = %v, want ErrConfig", err)
		}
	})
	t.Run("nil-policy", func(t *testing.T) {
		for _, open := range []func() error{
			func() error { _, err := OpenPostgresPool(context.Background(), nil, pgIAM); return err },
			func() error { _, err := OpenPostgresDB(context.Background(), nil, pgIAM); return err },
			func() error {
				_, err := OpenMySQL(context.Background(), nil, fakeUser+"@tcp("+addr+")/"+fakeDB+"?tls=true")
				return err
			},
			func() error { _, err := OpenPostgresPool(context.Background(), &hipaa.Policy{}, pgIAM); return err },
		} {
			if err := open(); !errors.Is(err, hipaa.ErrPolicy) {
				t.Errorf("err = %v, want hipaa.ErrPolicy", err)
			}
		}
	})
	if n := counter.accepts.Load(); n != 0 {
		t.Fatalf("%d connections reached the server, want 0", n)
	}
}

// TestAuditFailureBlocksConnect: when the attempt cannot be recorded, no
// connection is made.
func TestAuditFailureBlocksConnect(t *testing.T) {
	counter := startRelay(t, "")
	addr := counter.Addr()
	sinkErr := errors.New("synthetic audit sink outage")
	pgDSN := "postgres://" + fakeUser + ":" + fakePassword + "@" + addr + "/" + fakeDB + "?sslmode=verify-full&connect_timeout=2"
	opens := map[string]func(*hipaa.Policy) error{
		"pool": func(p *hipaa.Policy) error { _, err := OpenPostgresPool(context.Background(), p, pgDSN); return err },
		"db":   func(p *hipaa.Policy) error { _, err := OpenPostgresDB(context.Background(), p, pgDSN); return err },
		"mysql": func(p *hipaa.Policy) error {
			_, err := OpenMySQL(context.Background(), p, fakeUser+":"+fakePassword+"@tcp("+addr+")/"+fakeDB+"?tls=true&timeout=2s")
			return err
		},
	}
	for name, open := range opens {
		t.Run(name, func(t *testing.T) {
			policy, rec := newPolicy()
			rec.FailWith(sinkErr)
			err := open(policy)
			if !errors.Is(err, hipaa.ErrAuditFailed) || !errors.Is(err, sinkErr) {
				t.Fatalf("err = %v, want hipaa.ErrAuditFailed wrapping the sink's error", err)
			}
			assertValueFree(t, err, fakePassword)
		})
	}
	if n := counter.accepts.Load(); n != 0 {
		t.Fatalf("%d connections reached the server, want 0", n)
	}
}

// TestExpiringCredentialsRefused: credentials that expire within
// MinRemaining build no token and make no connection.
func TestExpiringCredentialsRefused(t *testing.T) {
	counter := startRelay(t, "")
	addr := counter.Addr()
	var calls int
	soon := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		calls++
		return aws.Credentials{AccessKeyID: "AKIDSYNTHETIC", SecretAccessKey: "synthetic", SessionToken: "synthetic-session",
			CanExpire: true, Expires: time.Now().Add(time.Minute)}, nil
	})
	var tokens int
	opts := func(o *Options) {
		o.IAMAuth = &IAMAuth{Region: "us-east-1", Credentials: soon}
		o.afterToken = func(string) error { tokens++; return nil }
	}
	policy, rec := newPolicy()
	_, err := OpenPostgresPool(context.Background(), policy, "postgres://"+fakeUser+"@"+addr+"/"+fakeDB+"?sslmode=verify-full", opts)
	if !errors.Is(err, ErrCredentialsExpiring) {
		t.Fatalf("err = %v, want ErrCredentialsExpiring", err)
	}
	if calls != 2 {
		t.Errorf("credentials retrieved %d times, want 2 (one refresh)", calls)
	}
	if tokens != 0 {
		t.Errorf("%d tokens built", tokens)
	}
	if len(connectEvents(rec, hipaa.OutcomeFailed)) != 1 {
		t.Errorf("events: %+v", rec.Events())
	}
	policy2, _ := newPolicy()
	_, err = OpenMySQL(context.Background(), policy2, fakeUser+"@tcp("+addr+")/"+fakeDB+"?tls=true", opts)
	if !errors.Is(err, ErrCredentialsExpiring) {
		t.Fatalf("mysql: err = %v, want ErrCredentialsExpiring", err)
	}
	if n := counter.accepts.Load(); n != 0 {
		t.Fatalf("%d connections reached the server, want 0", n)
	}
}

// TestCredentialsRefreshedOnce: a cache that holds credentials about to
// expire is invalidated, and the fresh ones are used.
func TestCredentialsRefreshedOnce(t *testing.T) {
	var calls int
	p := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		calls++
		exp := time.Now().Add(time.Minute)
		if calls > 1 {
			exp = time.Now().Add(time.Hour)
		}
		return aws.Credentials{AccessKeyID: "AKIDSYNTHETIC", SecretAccessKey: "synthetic", CanExpire: true, Expires: exp}, nil
	})
	o, err := resolve([]func(*Options){func(o *Options) { o.IAMAuth = &IAMAuth{Region: "eu-west-1", Credentials: p} }})
	if err != nil {
		t.Fatal(err)
	}
	s, err := newIAMSigner(&o, "db.example.com:5432", fakeUser)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.token(context.Background()); err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Fatalf("provider called %d times, want 2", calls)
	}
	if _, err := s.token(context.Background()); err != nil || calls != 2 {
		t.Fatalf("second token: err=%v calls=%d (want the cached fresh credentials)", err, calls)
	}
}

// TestDescribeIsValueFree: ConnectError's text is built from value-free
// parts only.
func TestDescribeIsValueFree(t *testing.T) {
	inner := errors.New("failed to connect to user=" + fakeUser + " database=" + fakeDB + ": password " + fakePassword)
	for _, err := range []error{
		inner,
		&TLSError{Reason: "host-name", Problem: "p", Err: inner},
		&mysql.MySQLError{Number: 1045, Message: "Access denied for user " + fakeUser},
		context.DeadlineExceeded,
		tls.RecordHeaderError{Msg: fakePassword},
	} {
		ce := &ConnectError{Engine: "postgres", Err: err}
		assertValueFree(t, ce, fakeUser, fakeDB, fakePassword)
		if !errors.Is(ce, err) && !errors.As(ce, new(*TLSError)) {
			t.Errorf("ConnectError does not unwrap to %T", err)
		}
	}
}
