package rdsconn

import (
	"net/url"
	"os"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
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
// unknown sslnegotiation value; sslmode or ssl given twice; service and
// servicefile (settings read from a file the DSN does not show); a host
// that a certificate cannot be checked against (empty, with a port, a
// path or URL characters); and anything for which pgx does not produce a
// verifying TLS configuration for every host (for example a Unix socket
// host, where pgx does not use TLS). PGSERVICE in the environment is
// refused with an *EnvError. A DSN that cannot be parsed gives an error
// wrapping ErrMalformedDSN. No error includes the DSN or the password.
//
// The last step parses the DSN with pgx exactly as OpenPostgresPool and
// OpenPostgresDB do (the same function), so this check and the openers
// accept and refuse the same DSNs, pool_* parameters included. That parse
// reads the files the DSN names (sslrootcert, sslcert, sslkey, passfile);
// the TLS parameters are pinned so that PG* environment variables, a
// service file or ~/.postgresql cannot supply them (see the package
// documentation, "Environment").
func CheckPostgresDSN(dsn string) error {
	_, err := postgresConfig(dsn)
	return err
}

// pgGuardKey is a parameter postgresConfig writes ahead of the pinned TLS
// parameters. pgx keeps it as a run-time parameter only when it read the
// pins as parameters of their own (not as part of a user name, password,
// host or another parameter's value); it is removed before connecting.
const pgGuardKey = "rdsconn_env_guard"

// pgPinned are the TLS parameters written into every string rdsconn gives
// pgx, before the DSN's own. pgx merges its settings as built-in defaults
// (which read ~/.postgresql/root.crt, postgresql.crt and postgresql.key),
// then PG* environment variables, then a service file, then the
// connection string, and a later occurrence of a parameter in the string
// replaces an earlier one: so each of these takes the DSN's value when
// the DSN has one, and the value below otherwise, never one from
// elsewhere. The values are libpq's defaults, except sslmode (the DSN
// must say verify-full anyway) and sslrootcert (empty: no CA file, so the
// embedded RDS bundle or Options.RootCAs is used).
var pgPinned = [][2]string{
	{"sslmode", "verify-full"},
	{"sslrootcert", ""},
	{"sslcert", ""},
	{"sslkey", ""},
	{"sslpassword", ""},
	{"sslcertmode", "allow"},
	{"sslsni", "1"},
	{"sslnegotiation", "postgres"},
}

// pgRefusedEnv are the environment variables pgx acts on that no
// connection string can override, each with what it would do. PGSERVICE
// makes pgx read a service's settings from a service file whenever it is
// set (pgx ignores it when empty, as rdsconn does).
var pgRefusedEnv = []struct{ name, problem string }{
	{"PGSERVICE", "makes pgx read connection settings from a service file, which the DSN cannot switch off"},
}

// postgresConfig is the single path from a DSN to a pgx configuration:
// CheckPostgresDSN, OpenPostgresPool and OpenPostgresDB all call it, so
// they cannot disagree about a DSN. On refusal, pc is still returned when
// pgx could parse the DSN (for the audit record's resource name).
func postgresConfig(dsn string) (pc *pgxpool.Config, err error) {
	settings, err := postgresSettings(dsn)
	if err != nil {
		return nil, err
	}
	for _, e := range pgRefusedEnv {
		if os.Getenv(e.name) != "" {
			return nil, &EnvError{Variable: e.name, Problem: e.problem, Use: "unset it for this process and write the settings into the DSN"}
		}
	}
	if _, ok := settings[pgGuardKey]; ok {
		return nil, malformed("postgres", "it uses the parameter name "+pgGuardKey+", which rdsconn reserves")
	}
	var parseErr error
	if pinned, ok := pinPostgresTLS(dsn); !ok {
		parseErr = malformed("postgres", "pgx cannot parse it")
	} else if pc, err = pgxpool.ParseConfig(pinned); err != nil {
		// The pgx error repeats the DSN (password redacted, best
		// effort), so it is not wrapped.
		parseErr = malformed("postgres", "pgx cannot parse it or read the files it names (check the pool_* parameters too)")
	} else if _, guarded := pc.ConnConfig.RuntimeParams[pgGuardKey]; !guarded {
		// The pins may not have applied: nothing of pc is used.
		pc, parseErr = nil, malformed("postgres", "pgx reads its parameters differently (percent-encode '@', '?', '/' and '#' in the user name, password and database name)")
	} else {
		delete(pc.ConnConfig.RuntimeParams, pgGuardKey)
	}
	if err := checkPostgresSettings(settings); err != nil {
		return pc, err
	}
	if parseErr != nil {
		return nil, parseErr
	}
	cc := pc.ConnConfig
	hosts := []*pgconn.FallbackConfig{{Host: cc.Host, Port: cc.Port, TLSConfig: cc.TLSConfig}}
	hosts = append(hosts, cc.Fallbacks...)
	for _, h := range hosts {
		switch tc := h.TLSConfig; {
		case tc == nil:
			return pc, &DSNError{Driver: "postgres", Option: "host", Problem: "leads pgx to connect without TLS (a Unix socket, or a fallback without TLS)", Use: "a TCP host name with sslmode=verify-full"}
		case tc.InsecureSkipVerify || tc.ServerName == "":
			return pc, &DSNError{Driver: "postgres", Option: "sslmode", Problem: "leads pgx to a TLS configuration that does not verify the server name", Use: "sslmode=verify-full"}
		}
		if checkHost(h.Host) != nil {
			return pc, &DSNError{Driver: "postgres", Option: "host", Problem: "is not a name a certificate can be checked against (empty, or with a port, path, space or URL characters)", Use: "the endpoint's DNS name, with the port in port= or after the host in a URL"}
		}
	}
	return pc, nil
}

// pinPostgresTLS returns dsn with pgGuardKey and pgPinned written before
// the DSN's own parameters: at the start of a keyword=value string, or
// right after the '?' where pgx's URL parser starts the query. ok is
// false when no such place exists (pgx would not parse the DSN).
func pinPostgresTLS(dsn string) (string, bool) {
	if !strings.HasPrefix(dsn, "postgres://") && !strings.HasPrefix(dsn, "postgresql://") {
		var b strings.Builder
		b.WriteString(pgGuardKey + "=1")
		for _, kv := range pgPinned {
			b.WriteString(" " + kv[0] + "='" + kv[1] + "'")
		}
		return b.String() + " " + dsn, true
	}
	at, ok := pgxQueryStart(dsn)
	if !ok {
		return "", false
	}
	var b strings.Builder
	b.WriteString(pgGuardKey + "=1")
	for _, kv := range pgPinned {
		b.WriteString("&" + kv[0] + "=" + url.QueryEscape(kv[1]))
	}
	if at < 0 {
		return dsn + "?" + b.String(), true
	}
	return dsn[:at+1] + b.String() + "&" + dsn[at+1:], true
}

// pgxQueryStart finds the '?' where pgx's URL parser (pgconn
// parseURLSettings) starts the query: after a user-info part that ends at
// the first '@' before any '/', after the host list (IPv6 addresses in
// brackets), and after the database name. It returns -1 when the URL has
// no query. The guard parameter checks the result: if pgx read the string
// otherwise, the guard would not come out as a parameter of its own.
func pgxQueryStart(dsn string) (int, bool) {
	i := strings.Index(dsn, "://") + 3
	if j := strings.IndexAny(dsn[i:], "@/"); j >= 0 && dsn[i+j] == '@' {
		i += j + 1
	}
	for {
		if i < len(dsn) && dsn[i] == '[' {
			j := strings.IndexByte(dsn[i:], ']')
			if j < 0 {
				return 0, false
			}
			i += j + 1
		} else {
			j := strings.IndexAny(dsn[i:], ":/?,")
			if j < 0 {
				return -1, true
			}
			i += j
		}
		if i < len(dsn) && dsn[i] == ':' {
			j := strings.IndexAny(dsn[i:], "/?,")
			if j < 0 {
				return -1, true
			}
			i += j
		}
		if i >= len(dsn) || dsn[i] != ',' {
			break
		}
		i++
	}
	if i >= len(dsn) {
		return -1, true
	}
	if dsn[i] == '/' {
		j := strings.IndexByte(dsn[i:], '?')
		if j < 0 {
			return -1, true
		}
		return i + j, true
	}
	if dsn[i] == '?' {
		return i, true
	}
	return 0, false
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
	for _, k := range []string{"service", "servicefile"} {
		if _, ok := s[k]; ok {
			return &DSNError{Driver: "postgres", Option: k, Problem: "makes pgx read connection settings from a service file, which neither this check nor the DSN's reader can see", Use: "the settings themselves in the DSN, with sslmode=verify-full"}
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
