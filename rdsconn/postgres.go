package rdsconn

import (
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// CheckPostgresDSN reports whether a PostgreSQL connection string (URL
// form postgres://... or postgresql://..., or libpq keyword=value form)
// asks for fully verified TLS. Only sslmode=verify-full is accepted, and
// it must be written in the DSN: a missing sslmode is refused rather than
// filled in, because libpq and pgx then default to prefer (and take
// PGSSLMODE from the environment), so the same DSN would be unsafe in any
// other tool. sslrootcert=system or a CA file is fine.
//
// Refused, with an error wrapping hipaa.ErrInsecureTransport (a
// *DSNError): sslmode disable, allow, prefer, require and verify-ca; a
// missing or unknown sslmode; the URL alias ssl=true (= require);
// gssencmode prefer or require (GSSAPI encryption instead of TLS); an
// unknown sslnegotiation value; sslmode or ssl given twice; and anything
// for which pgconn.ParseConfig does not produce a verifying TLS
// configuration for every host (for example a Unix socket host, where
// pgx does not use TLS). A DSN that cannot be parsed gives an error
// wrapping ErrMalformedDSN. No error includes the DSN or the password.
//
// The last step runs pgconn.ParseConfig, which reads the files the DSN
// names (sslrootcert, sslcert, sslkey, the service and password files) and
// PG* environment variables, as connecting would.
func CheckPostgresDSN(dsn string) error {
	settings, err := postgresSettings(dsn)
	if err != nil {
		return err
	}
	if err := checkPostgresSettings(settings); err != nil {
		return err
	}
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil {
		// The pgconn error repeats the DSN (password redacted, best
		// effort), so it is not wrapped.
		return malformed("postgres", "pgconn cannot parse it or read the files it names")
	}
	if err := checkPgxTLS(cfg.TLSConfig == nil, cfg.TLSConfig != nil && (cfg.TLSConfig.InsecureSkipVerify || cfg.TLSConfig.ServerName == "")); err != nil {
		return err
	}
	for _, fb := range cfg.Fallbacks {
		if err := checkPgxTLS(fb.TLSConfig == nil, fb.TLSConfig != nil && (fb.TLSConfig.InsecureSkipVerify || fb.TLSConfig.ServerName == "")); err != nil {
			return err
		}
	}
	return nil
}

func checkPgxTLS(noTLS, unverified bool) error {
	switch {
	case noTLS:
		return &DSNError{Driver: "postgres", Option: "host", Problem: "leads pgx to connect without TLS (a Unix socket or a service file setting)", Use: "a TCP host name with sslmode=verify-full"}
	case unverified:
		return &DSNError{Driver: "postgres", Option: "sslmode", Problem: "leads pgx to a TLS configuration that does not verify the server name", Use: "sslmode=verify-full"}
	}
	return nil
}

// pgSettings holds each parameter as written, every value it was given.
type pgSettings map[string][]string

// postgresSettings splits a DSN into its parameters without interpreting
// them, so the checks see what the caller wrote.
func postgresSettings(dsn string) (pgSettings, error) {
	if strings.IndexByte(dsn, 0) >= 0 {
		return nil, malformed("postgres", "NUL byte")
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return nil, malformed("postgres", "not a valid URL")
		}
		q, err := url.ParseQuery(u.RawQuery)
		if err != nil {
			return nil, malformed("postgres", "invalid URL query")
		}
		s := pgSettings{}
		for k, vs := range q {
			if k == "dbname" {
				k = "database"
			}
			s[k] = append(s[k], vs...)
		}
		return s, nil
	}
	return parseKeywordValue(dsn)
}

const pgSpace = " \t\n\r\v\f"

// parseKeywordValue parses libpq's keyword=value form: values may be
// single-quoted, and a backslash takes the next character literally.
func parseKeywordValue(s string) (pgSettings, error) {
	out := pgSettings{}
	s = strings.TrimLeft(s, pgSpace)
	for s != "" {
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return nil, malformed("postgres", "keyword without '='")
		}
		key := strings.TrimRight(s[:eq], pgSpace)
		if key == "" || strings.ContainsAny(key, pgSpace) {
			return nil, malformed("postgres", "invalid keyword")
		}
		s = strings.TrimLeft(s[eq+1:], pgSpace)
		var val strings.Builder
		if strings.HasPrefix(s, "'") {
			s = s[1:]
			closed := false
			for len(s) > 0 {
				c := s[0]
				s = s[1:]
				if c == '\'' {
					closed = true
					break
				}
				if c == '\\' {
					if s == "" {
						break
					}
					c = s[0]
					s = s[1:]
				}
				val.WriteByte(c)
			}
			if !closed {
				return nil, malformed("postgres", "unterminated quoted value")
			}
		} else {
			for len(s) > 0 && !strings.ContainsRune(pgSpace, rune(s[0])) {
				c := s[0]
				s = s[1:]
				if c == '\\' {
					if s == "" {
						break
					}
					c = s[0]
					s = s[1:]
				}
				val.WriteByte(c)
			}
		}
		if key == "dbname" {
			key = "database"
		}
		out[key] = append(out[key], val.String())
		s = strings.TrimLeft(s, pgSpace)
	}
	return out, nil
}

// sslmodeProblems says why each weaker sslmode is refused.
var sslmodeProblems = map[string]string{
	"disable":   "turns TLS off",
	"allow":     "tries without TLS first and never verifies the server",
	"prefer":    "falls back to no TLS and never verifies the server",
	"require":   "encrypts but does not verify the server",
	"verify-ca": "checks the CA but not the server's name, so any certificate from that CA is accepted",
}

func checkPostgresSettings(s pgSettings) error {
	for _, k := range []string{"sslmode", "ssl", "gssencmode", "sslnegotiation", "sslrootcert"} {
		if len(s[k]) > 1 {
			return &DSNError{Driver: "postgres", Option: k, Problem: "is given more than once, so which one applies depends on the parser", Use: "a single sslmode=verify-full"}
		}
	}
	if _, ok := s["ssl"]; ok {
		return &DSNError{Driver: "postgres", Option: "ssl", Problem: "(the URL alias ssl=true) means sslmode=require, which encrypts but does not verify the server", Use: "sslmode=verify-full"}
	}
	if v := first(s, "gssencmode"); v != "" && v != "disable" {
		opt := "gssencmode"
		if v == "prefer" || v == "require" {
			opt += "=" + v
		}
		return &DSNError{Driver: "postgres", Option: opt, Problem: "lets GSSAPI encryption replace verified TLS", Use: "gssencmode=disable or leave it out, with sslmode=verify-full"}
	}
	if v, ok := s["sslnegotiation"]; ok && v[0] != "postgres" && v[0] != "direct" {
		return &DSNError{Driver: "postgres", Option: "sslnegotiation", Problem: "has an unknown value", Use: "sslnegotiation=postgres or sslnegotiation=direct, with sslmode=verify-full"}
	}
	modes, ok := s["sslmode"]
	if !ok {
		return &DSNError{Driver: "postgres", Option: "sslmode", Problem: "is not set (libpq and pgx then default to prefer, which does not verify the server and may not encrypt)", Use: "sslmode=verify-full"}
	}
	mode := modes[0]
	if mode == "verify-full" {
		return nil
	}
	if p, known := sslmodeProblems[mode]; known {
		return &DSNError{Driver: "postgres", Option: "sslmode=" + mode, Problem: p, Use: "sslmode=verify-full"}
	}
	return &DSNError{Driver: "postgres", Option: "sslmode", Problem: "has an unknown value", Use: "sslmode=verify-full"}
}

func first(s pgSettings, k string) string {
	if v := s[k]; len(v) > 0 {
		return v[0]
	}
	return ""
}
