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

// malformed returns an ErrMalformedDSN error with a value-free reason.
func malformed(driver, reason string) error {
	return &malformedError{driver: driver, reason: reason}
}

type malformedError struct{ driver, reason string }

func (e *malformedError) Error() string {
	return "rdsconn: malformed " + e.driver + " DSN: " + e.reason
}

func (e *malformedError) Unwrap() error { return ErrMalformedDSN }
