package rdsconn

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"
	"github.com/phisafe/phisafe/hipaa"
)

const testPassword = "Pa55-w0rd-s3cr3t"

// pgForms returns the URL and the keyword=value form of the same DSN
// with the extra parameters params (key, value pairs).
func pgForms(params ...string) map[string]string {
	u := "postgres://app:" + testPassword + "@" + testHost + ":5432/clinic"
	kv := "host=" + testHost + " port=5432 user=app password='" + testPassword + "' dbname=clinic"
	for i := 0; i+1 < len(params); i += 2 {
		sep := "&"
		if i == 0 {
			sep = "?"
		}
		u += sep + params[i] + "=" + params[i+1]
		kv += " " + params[i] + "=" + params[i+1]
	}
	return map[string]string{"url": u, "kv": kv}
}

func assertClean(t *testing.T, err error, dsn string) {
	t.Helper()
	msg := err.Error()
	if strings.Contains(msg, testPassword) {
		t.Errorf("error message contains the password: %s", msg)
	}
	if strings.Contains(msg, dsn) || strings.Contains(msg, testHost) {
		t.Errorf("error message contains the DSN or host: %s", msg)
	}
}

func TestCheckPostgresDSNAccepts(t *testing.T) {
	for name, params := range map[string][]string{
		"verify-full":        {"sslmode", "verify-full"},
		"system-roots":       {"sslmode", "verify-full", "sslrootcert", "system"},
		"direct-negotiation": {"sslmode", "verify-full", "sslnegotiation", "direct"},
		"postgres-negot":     {"sslmode", "verify-full", "sslnegotiation", "postgres"},
		"gssenc-disabled":    {"sslmode", "verify-full", "gssencmode", "disable"},
		"multi-host-port":    {"sslmode", "verify-full", "connect_timeout", "5"},
	} {
		for form, dsn := range pgForms(params...) {
			if err := CheckPostgresDSN(dsn); err != nil {
				t.Errorf("%s/%s: %v", name, form, err)
			}
		}
	}
	if err := CheckPostgresDSN("postgres://app:" + testPassword + "@h1.example.com:5432,h2.example.com:5433/db?sslmode=verify-full"); err != nil {
		t.Errorf("multiple hosts: %v", err)
	}
}

func TestCheckPostgresDSNRefuses(t *testing.T) {
	cases := []struct {
		name   string
		params []string
		option string // must appear in the message
		use    string // must appear in the message
	}{
		{"missing", nil, "sslmode", "sslmode=verify-full"},
		{"disable", []string{"sslmode", "disable"}, "sslmode=disable", "sslmode=verify-full"},
		{"allow", []string{"sslmode", "allow"}, "sslmode=allow", "sslmode=verify-full"},
		{"prefer", []string{"sslmode", "prefer"}, "sslmode=prefer", "sslmode=verify-full"},
		{"require", []string{"sslmode", "require"}, "sslmode=require encrypts but does not verify the server", "sslmode=verify-full"},
		{"verify-ca", []string{"sslmode", "verify-ca"}, "sslmode=verify-ca", "sslmode=verify-full"},
		{"require-system-roots", []string{"sslmode", "require", "sslrootcert", "system"}, "sslmode=require", "sslmode=verify-full"},
		{"unknown", []string{"sslmode", "verify_full"}, "sslmode has an unknown value", "sslmode=verify-full"},
		{"upper-case", []string{"sslmode", "VERIFY-FULL"}, "sslmode has an unknown value", "sslmode=verify-full"},
		{"empty", []string{"sslmode", ""}, "sslmode", "sslmode=verify-full"},
		{"twice", []string{"sslmode", "verify-full", "sslmode", "disable"}, "sslmode is given more than once", "a single sslmode=verify-full"},
		{"twice-reversed", []string{"sslmode", "disable", "sslmode", "verify-full"}, "sslmode is given more than once", "a single sslmode=verify-full"},
		{"gssenc-prefer", []string{"sslmode", "verify-full", "gssencmode", "prefer"}, "gssencmode=prefer", "gssencmode=disable"},
		{"gssenc-require", []string{"sslmode", "verify-full", "gssencmode", "require"}, "gssencmode=require", "gssencmode=disable"},
		{"negotiation-unknown", []string{"sslmode", "verify-full", "sslnegotiation", "bogus"}, "sslnegotiation", "sslnegotiation=postgres"},
		{"no-sslmode-direct", []string{"sslnegotiation", "direct"}, "sslmode", "sslmode=verify-full"},
	}
	for _, c := range cases {
		for form, dsn := range pgForms(c.params...) {
			err := CheckPostgresDSN(dsn)
			if err == nil {
				t.Errorf("%s/%s: accepted", c.name, form)
				continue
			}
			if !errors.Is(err, hipaa.ErrInsecureTransport) {
				t.Errorf("%s/%s: %v does not wrap ErrInsecureTransport", c.name, form, err)
			}
			var de *DSNError
			if !errors.As(err, &de) || de.Driver != "postgres" {
				t.Errorf("%s/%s: %T is not a postgres *DSNError", c.name, form, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, c.option) || !strings.Contains(msg, "use "+c.use) {
				t.Errorf("%s/%s: message %q lacks %q or %q", c.name, form, msg, c.option, "use "+c.use)
			}
			assertClean(t, err, dsn)
		}
	}
}

func TestCheckPostgresDSNRefusesURLOnly(t *testing.T) {
	for name, dsn := range map[string]string{
		"ssl-alias":            "postgres://app:" + testPassword + "@" + testHost + "/db?ssl=true",
		"ssl-alias-with-mode":  "postgresql://app:" + testPassword + "@" + testHost + "/db?ssl=true&sslmode=verify-full",
		"unix-socket-kv":       "host=/var/run/postgresql user=app password=" + testPassword + " sslmode=verify-full",
		"unix-socket-url-host": "postgres://app:" + testPassword + "@/db?host=/var/run/postgresql&sslmode=verify-full",
	} {
		err := CheckPostgresDSN(dsn)
		if !errors.Is(err, hipaa.ErrInsecureTransport) {
			t.Errorf("%s: err = %v, want ErrInsecureTransport", name, err)
			continue
		}
		assertClean(t, err, dsn)
	}
}

func TestCheckPostgresDSNMalformed(t *testing.T) {
	for _, dsn := range []string{
		"postgres://app:" + testPassword + "@" + testHost + ":notaport/db?sslmode=verify-full",
		"host=" + testHost + " password='" + testPassword + " sslmode=verify-full",
		"host=" + testHost + " password=" + testPassword + " sslmode",
		"postgres://app:" + testPassword + "@" + testHost + "/db?sslmode=verify-full&x=%zz",
		"host=" + testHost + " password=" + testPassword + "\x00 sslmode=verify-full",
	} {
		err := CheckPostgresDSN(dsn)
		if err == nil {
			t.Errorf("accepted a malformed DSN")
			continue
		}
		if !errors.Is(err, ErrMalformedDSN) && !errors.Is(err, hipaa.ErrInsecureTransport) {
			t.Errorf("err = %v, want ErrMalformedDSN", err)
		}
		assertClean(t, err, dsn)
	}
}

func TestParseKeywordValue(t *testing.T) {
	s, err := parseKeywordValue(`host=a  password='it\'s a \\ pw' sslmode = verify-full dbname=x\ y`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"host": "a", "password": `it's a \ pw`, "sslmode": "verify-full", "database": "x y"}
	for k, v := range want {
		if got := first(s, k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
}

func mysqlDSN(params string) string {
	d := "app:" + testPassword + "@tcp(" + testHost + ":3306)/clinic"
	if params != "" {
		d += "?" + params
	}
	return d
}

func TestCheckMySQLDSN(t *testing.T) {
	cfg, err := TLSConfig(testHost)
	if err != nil {
		t.Fatal(err)
	}
	if err := mysql.RegisterTLSConfig("rdsconn-test-verified", cfg); err != nil {
		t.Fatal(err)
	}
	bad := cfg.Clone()
	bad.InsecureSkipVerify = true
	if err := mysql.RegisterTLSConfig("rdsconn-test-skip", bad); err != nil {
		t.Fatal(err)
	}
	old := cfg.Clone()
	old.MinVersion = 0x0302 // TLS 1.1
	if err := mysql.RegisterTLSConfig("rdsconn-test-tls11", old); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		mysql.DeregisterTLSConfig("rdsconn-test-verified")
		mysql.DeregisterTLSConfig("rdsconn-test-skip")
		mysql.DeregisterTLSConfig("rdsconn-test-tls11")
	})

	for _, params := range []string{
		"tls=true",
		"tls=1",
		"tls=rdsconn-test-verified",
		"tls=rdsconn-test-verified&parseTime=true",
	} {
		if err := CheckMySQLDSN(mysqlDSN(params)); err != nil {
			t.Errorf("%s: %v", params, err)
		}
	}

	cases := []struct{ params, option, use string }{
		{"", "tls is not set", "tls=true"},
		{"parseTime=true", "tls is not set", "tls=true"},
		{"tls=false", "tls=false", "tls=true"},
		{"tls=0", "tls=false", "tls=true"},
		{"tls=skip-verify", "tls=skip-verify encrypts but does not verify the server", "tls=true"},
		{"tls=SKIP-VERIFY", "tls=skip-verify", "tls=true"},
		{"tls=preferred", "tls=preferred", "tls=true"},
		{"tls=preferred&allowCleartextPasswords=true", "allowCleartextPasswords=true with tls=preferred", "tls=true"},
		{"allowCleartextPasswords=true", "allowCleartextPasswords=true with tls", "tls=true"},
		{"tls=false&allowCleartextPasswords=1", "allowCleartextPasswords=true with tls=false", "tls=true"},
		{"tls=true&allowFallbackToPlaintext=true", "allowFallbackToPlaintext=true", "leave it out"},
		{"tls=true&allowCleartextPasswords=true", "allowCleartextPasswords=true lets the server ask for the password in clear", "leave it out"},
		{"tls=rdsconn-test-verified&allowCleartextPasswords=true&parseTime=true", "allowCleartextPasswords=true", "leave it out"},
		{"tls=rdsconn-test-skip", "InsecureSkipVerify", "a configuration from rdsconn.TLSConfig"},
		{"tls=rdsconn-test-tls11", "TLS 1.1", "a configuration from rdsconn.TLSConfig"},
	}
	for _, c := range cases {
		dsn := mysqlDSN(c.params)
		err := CheckMySQLDSN(dsn)
		if err == nil {
			t.Errorf("%q: accepted", c.params)
			continue
		}
		if !errors.Is(err, hipaa.ErrInsecureTransport) {
			t.Errorf("%q: %v does not wrap ErrInsecureTransport", c.params, err)
		}
		msg := err.Error()
		if !strings.Contains(msg, c.option) || !strings.Contains(msg, "use "+c.use) {
			t.Errorf("%q: message %q lacks %q or %q", c.params, msg, c.option, "use "+c.use)
		}
		assertClean(t, err, dsn)
	}

	for _, dsn := range []string{
		mysqlDSN("tls=not-registered"),
		mysqlDSN("tls=true&allowCleartextPasswords=maybe"),
		"app:" + testPassword + "@tcp(" + testHost + ":3306)",
	} {
		err := CheckMySQLDSN(dsn)
		if !errors.Is(err, ErrMalformedDSN) {
			t.Errorf("err = %v, want ErrMalformedDSN", err)
			continue
		}
		assertClean(t, err, dsn)
	}
}
