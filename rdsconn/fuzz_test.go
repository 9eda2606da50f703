package rdsconn

import (
	"errors"
	"strings"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
)

// fileKeys are parameters that make pgconn.ParseConfig read a file; the
// fuzz target keeps to the pure checks for inputs that name one, so it
// never reads an arbitrary path such as /dev/zero.
var fileKeys = []string{"sslrootcert", "sslcert", "sslkey", "service", "servicefile", "passfile"}

func FuzzCheckPostgresDSN(f *testing.F) {
	for _, p := range [][]string{nil, {"sslmode", "verify-full"}, {"sslmode", "require"}, {"sslmode", "verify-full", "gssencmode", "prefer"}} {
		for _, dsn := range pgForms(p...) {
			f.Add(dsn)
		}
	}
	f.Add("host='a\\' b' sslmode=verify-full")
	f.Add("postgres://u@h/db?ssl=true")
	f.Add("postgres://u:p@[::1]:5432,h2/db?sslmode=verify-full")
	f.Add("postgres://u@h?")
	f.Fuzz(func(t *testing.T, dsn string) {
		// Pure (reads no file): must not panic on any input.
		_, _ = pinPostgresTLS(dsn)
		s, err := postgresSettings(dsn)
		if err != nil {
			checkFuzzErr(t, err)
			return
		}
		if err := checkPostgresSettings(s); err != nil {
			checkFuzzErr(t, err)
			return
		}
		for _, k := range fileKeys {
			if v, ok := s[k]; ok && !(k == "sslrootcert" && len(v) == 1 && v[0] == "system") {
				return
			}
		}
		if strings.Contains(dsn, "%") { // a URL key may be escaped
			return
		}
		if err := CheckPostgresDSN(dsn); err != nil {
			checkFuzzErr(t, err)
		}
	})
}

func FuzzCheckMySQLDSN(f *testing.F) {
	for _, p := range []string{"", "tls=true", "tls=false", "tls=skip-verify", "tls=preferred", "tls=true&allowFallbackToPlaintext=true", "allowCleartextPasswords=true"} {
		f.Add(mysqlDSN(p))
	}
	f.Fuzz(func(t *testing.T, dsn string) {
		if err := CheckMySQLDSN(dsn); err != nil {
			checkFuzzErr(t, err)
		}
	})
}

func checkFuzzErr(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, hipaa.ErrInsecureTransport) && !errors.Is(err, ErrMalformedDSN) {
		t.Fatalf("error %v wraps neither ErrInsecureTransport nor ErrMalformedDSN", err)
	}
}
