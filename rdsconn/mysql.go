package rdsconn

import (
	"crypto/tls"
	"net"
	"strings"

	"github.com/go-sql-driver/mysql"
)

// CheckMySQLDSN reports whether a go-sql-driver/mysql DSN
// (user:password@tcp(host:3306)/db?tls=...) asks for verified TLS.
// Accepted: tls=true, or the name of a configuration registered with
// mysql.RegisterTLSConfig that verifies the server (InsecureSkipVerify
// off, no minimum below TLS 1.2); a configuration built with TLSConfig
// and registered is the intended use.
//
// Refused, with an error wrapping hipaa.ErrInsecureTransport (a
// *DSNError): no tls parameter (the driver then uses no TLS), tls=false,
// tls=skip-verify, tls=preferred (unverified, and falls back to
// cleartext, which sends an IAM token or password in clear),
// allowFallbackToPlaintext=true, allowCleartextPasswords=true (it lets
// the server ask for the password in clear; with Options.IAMAuth
// OpenMySQL turns it on itself, over verified TLS only), a protocol other
// than TCP (unix(...): the driver would not use TLS), and a host that a
// certificate cannot be checked against. A DSN that mysql.ParseDSN
// rejects gives an error wrapping ErrMalformedDSN. No error includes the
// DSN or the password.
//
// OpenMySQL checks its DSN with the same function, so the two accept and
// refuse the same DSNs. go-sql-driver/mysql reads no environment
// variables, so nothing outside the DSN changes the result.
func CheckMySQLDSN(dsn string) error {
	_, _, err := mysqlConfig(dsn)
	return err
}

// mysqlConfig is the single path from a DSN to a driver configuration:
// CheckMySQLDSN and OpenMySQL both call it, so they cannot disagree about
// a DSN. It returns the parsed configuration (also on refusal, when the
// driver could parse the DSN, for the audit record's resource name) and
// the server's host name.
func mysqlConfig(dsn string) (cfg *mysql.Config, host string, err error) {
	cfg, err = mysql.ParseDSN(dsn)
	if err != nil {
		// The driver's error can quote parameter values; it is not wrapped.
		return nil, "", malformed("mysql", "mysql.ParseDSN refuses it (check the format and that a custom tls name is registered)")
	}
	if err := checkMySQLConfig(cfg); err != nil {
		return cfg, "", err
	}
	if cfg.AllowCleartextPasswords {
		return cfg, "", &DSNError{Driver: "mysql", Option: "allowCleartextPasswords=true",
			Problem: "lets the server ask for the password in clear", Use: "leave it out; with Options.IAMAuth OpenMySQL turns it on itself, over verified TLS only"}
	}
	if !strings.HasPrefix(cfg.Net, "tcp") {
		return cfg, "", &DSNError{Driver: "mysql", Option: "protocol", Problem: "is not TCP, so the connection would not use TLS", Use: "tcp(host:port)"}
	}
	host, _, err = net.SplitHostPort(cfg.Addr)
	if err != nil {
		return cfg, "", malformed("mysql", "address is not host:port")
	}
	if checkHost(host) != nil {
		return cfg, "", &DSNError{Driver: "mysql", Option: "address", Problem: "has a host that a certificate cannot be checked against (empty, or with a path, space or URL characters)", Use: "tcp(endpoint-name:3306)"}
	}
	return cfg, host, nil
}

func checkMySQLConfig(cfg *mysql.Config) error {
	tlsErr := func() *DSNError {
		switch cfg.TLSConfig {
		case "", "false":
			opt := "tls"
			if cfg.TLSConfig == "false" {
				opt = "tls=false"
			}
			problem := "turns TLS off"
			if cfg.TLSConfig == "" {
				problem = "is not set, so the driver connects without TLS"
			}
			return &DSNError{Driver: "mysql", Option: opt, Problem: problem, Use: "tls=true or a registered configuration from rdsconn.TLSConfig"}
		case "skip-verify":
			return &DSNError{Driver: "mysql", Option: "tls=skip-verify", Problem: "encrypts but does not verify the server", Use: "tls=true or a registered configuration from rdsconn.TLSConfig"}
		case "preferred":
			return &DSNError{Driver: "mysql", Option: "tls=preferred", Problem: "does not verify the server and falls back to cleartext, which can send an IAM token or password in clear", Use: "tls=true or a registered configuration from rdsconn.TLSConfig"}
		}
		if cfg.TLS == nil {
			return &DSNError{Driver: "mysql", Option: "tls", Problem: "names no usable TLS configuration", Use: "tls=true or a registered configuration from rdsconn.TLSConfig"}
		}
		if cfg.TLS.InsecureSkipVerify {
			return &DSNError{Driver: "mysql", Option: "tls", Problem: "names a registered configuration with InsecureSkipVerify set, which does not verify the server", Use: "a configuration from rdsconn.TLSConfig"}
		}
		if cfg.TLS.MinVersion != 0 && cfg.TLS.MinVersion < tls.VersionTLS12 {
			return &DSNError{Driver: "mysql", Option: "tls", Problem: "names a registered configuration that allows " + tls.VersionName(cfg.TLS.MinVersion), Use: "a configuration from rdsconn.TLSConfig (TLS 1.2 minimum)"}
		}
		return nil
	}()
	if tlsErr != nil {
		if cfg.AllowCleartextPasswords {
			tlsErr.Option = "allowCleartextPasswords=true with " + tlsErr.Option
			tlsErr.Problem += ", so the cleartext password or IAM token is not protected by verified TLS"
		}
		return tlsErr
	}
	if cfg.AllowFallbackToPlaintext {
		return &DSNError{Driver: "mysql", Option: "allowFallbackToPlaintext=true", Problem: "connects without TLS when the server does not offer it", Use: "leave it out (the default, false)"}
	}
	return nil
}
