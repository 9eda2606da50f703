package rdsconn

import (
	"errors"

	"github.com/phisafe/phisafe/hipaa"
)

// ErrMalformedDSN means a DSN could not be parsed at all. The error never
// repeats the DSN or any part of it.
var ErrMalformedDSN = errors.New("rdsconn: malformed DSN")

// DSNError reports a DSN option that would weaken or skip verified TLS.
// It names the option and what to use instead; it never carries the DSN,
// the password or any other value the caller did not need to see.
// errors.Is(err, hipaa.ErrInsecureTransport) holds for it.
type DSNError struct {
	// Driver is "postgres" or "mysql".
	Driver string
	// Option is the refused option as written in the DSN, with its value
	// when that value is one of the driver's fixed keywords
	// ("sslmode=require", "tls=preferred"), else the key alone.
	Option string
	// Problem says what the option does wrong.
	Problem string
	// Use says what to write instead.
	Use string
}

// Error names the driver, the option, the problem and the fix.
func (e *DSNError) Error() string {
	s := "rdsconn: " + e.Driver + " DSN: " + e.Option + " " + e.Problem
	if e.Use != "" {
		s += "; use " + e.Use
	}
	return s
}

// Unwrap returns hipaa.ErrInsecureTransport.
func (e *DSNError) Unwrap() error { return hipaa.ErrInsecureTransport }

// EnvError reports an environment variable that a driver would act on
// in a way rdsconn cannot switch off for one connection (PGSERVICE). It
// names the variable, never its value. Variables that would only change
// TLS settings are not refused but ignored (see the package
// documentation, "Environment"). errors.Is(err,
// hipaa.ErrInsecureTransport) holds for it.
type EnvError struct {
	// Variable is the environment variable's name, for example "PGSERVICE".
	Variable string
	// Problem says what the variable would do.
	Problem string
	// Use says what to do instead.
	Use string
}

// Error names the variable, the problem and the fix, never the value.
func (e *EnvError) Error() string {
	s := "rdsconn: environment variable " + e.Variable + " is set: it " + e.Problem
	if e.Use != "" {
		s += "; " + e.Use
	}
	return s
}

// Unwrap returns hipaa.ErrInsecureTransport.
func (e *EnvError) Unwrap() error { return hipaa.ErrInsecureTransport }

// malformed returns an ErrMalformedDSN error with a value-free reason.
func malformed(driver, reason string) error {
	return &malformedError{driver: driver, reason: reason}
}

type malformedError struct{ driver, reason string }

func (e *malformedError) Error() string {
	return "rdsconn: malformed " + e.driver + " DSN: " + e.reason
}

func (e *malformedError) Unwrap() error { return ErrMalformedDSN }

// Sentinel errors of the connection openers. TLS problems wrap
// hipaa.ErrInsecureTransport instead (a *TLSError, *SessionError or
// *DSNError).
var (
	// ErrConfig means Options or a DSN combine settings that cannot work
	// together (IAMAuth without a user, a DSN password with IAMAuth,
	// ServerName with several hosts, ...). Nothing was sent.
	ErrConfig = errors.New("rdsconn: invalid configuration")

	// ErrCredentialsExpiring means the AWS credentials for IAM database
	// authentication expire within IAMAuth.MinRemaining even after a
	// refresh, so no token was built from them.
	ErrCredentialsExpiring = errors.New("rdsconn: AWS credentials expire too soon for an IAM auth token")

	// ErrIAMToken means an IAM database authentication token could not be
	// built (the credentials could not be retrieved or signing failed).
	ErrIAMToken = errors.New("rdsconn: IAM auth token could not be built")
)

// TLSError reports that a connection was refused because its TLS could
// not be verified: the server does not offer TLS, its certificate does
// not chain to a trusted CA, is expired or names another host, or the
// handshake could not agree on TLS 1.2+ with an approved suite.
// errors.Is(err, hipaa.ErrInsecureTransport) holds, and errors.As reaches
// the underlying crypto/x509 or crypto/tls error (whose text may name
// hosts; TLSError's own text names none).
type TLSError struct {
	// Reason is a value-free class: "not-offered", "host-name",
	// "unknown-authority", "expired", "certificate", "negotiated",
	// "handshake", "not-tls".
	Reason string
	// Problem says what was wrong.
	Problem string
	// Use says what to do instead.
	Use string
	// Err is the underlying error, or nil.
	Err error
}

// Error names the problem and the fix, never a host, user or password.
func (e *TLSError) Error() string {
	s := "rdsconn: TLS refused (" + e.Reason + "): " + e.Problem
	if e.Use != "" {
		s += "; use " + e.Use
	}
	return s
}

// Unwrap returns hipaa.ErrInsecureTransport and the underlying error.
func (e *TLSError) Unwrap() []error {
	if e.Err == nil {
		return []error{hipaa.ErrInsecureTransport}
	}
	return []error{hipaa.ErrInsecureTransport, e.Err}
}

// SessionError reports that the server, asked after connecting, said the
// session is not encrypted or uses a protocol below TLS 1.2; the
// connection was closed. errors.Is(err, hipaa.ErrInsecureTransport) holds.
type SessionError struct {
	// Engine is "postgres" or "mysql".
	Engine string
	// Problem says what the server reported, value-free
	// ("pg_stat_ssl reports no TLS", "Ssl_version is TLSv1.1").
	Problem string
}

// Error names the engine and what the server reported.
func (e *SessionError) Error() string {
	return "rdsconn: " + e.Engine + " session refused: " + e.Problem +
		"; the server must encrypt every session with TLS 1.2 or 1.3 (connection closed)"
}

// Unwrap returns hipaa.ErrInsecureTransport.
func (e *SessionError) Unwrap() error { return hipaa.ErrInsecureTransport }

// ConnectError is what the openers return when the first connection
// fails. Its text is value-free: the refusal from this package (a
// *TLSError, *SessionError, ...), a server's SQLSTATE or error number, or
// the error class, never a host, user, password or token. errors.Is and
// errors.As reach the driver's own error, whose text may name the host
// and user.
type ConnectError struct {
	// Engine is "postgres" or "mysql".
	Engine string
	// Err is the driver's error.
	Err error
}

// Error names the engine and a value-free description of Err.
func (e *ConnectError) Error() string {
	return "rdsconn: " + e.Engine + " connect failed: " + describe(e.Err)
}

// Unwrap returns the driver's error.
func (e *ConnectError) Unwrap() error { return e.Err }
