package hipaa

import (
	"errors"
	"fmt"

	"github.com/phisafe/phisafe/hipaa/phi"
)

// Sentinel errors. Every phisafe package wraps one of these with %w, so a
// caller can branch with errors.Is whatever package returned the error.
// No error produced by phisafe carries the offending value (a name, a key,
// an address): only which rule matched, in which field, and where.
var (
	// ErrInsecureTransport means a connection would have been made, or
	// was found to be, without verified TLS 1.2+ using an approved suite:
	// a plain-HTTP endpoint, a weakened TLS setting, or a server that
	// negotiated less than the policy requires.
	ErrInsecureTransport = errors.New("hipaa: insecure transport")

	// ErrPHIInName means a name that would be sent or stored in clear (an
	// S3 key, a metadata key or value, a table or attribute name, a mail
	// subject, an encryption context) looks like it holds protected health
	// information. The wrapping *PHIError says which category and where.
	ErrPHIInName = errors.New("hipaa: PHI in name")

	// ErrAuditFailed means the audit record for an operation could not be
	// written. The operation was not performed (fail closed).
	ErrAuditFailed = errors.New("hipaa: audit record could not be written")

	// ErrTampered means data that carries integrity protection (an audit
	// log chain, an encrypted message) failed its check.
	ErrTampered = errors.New("hipaa: tampered")

	// ErrPolicy means the policy itself is unusable or a call asked for
	// something the policy does not allow (for example a nil auditor).
	ErrPolicy = errors.New("hipaa: policy violation")
)

// PHIError reports that a name matched one or more PHI detector rules. It
// carries the categories and byte offsets of the findings, never the
// matched text. errors.Is(err, ErrPHIInName) holds for it.
type PHIError struct {
	// Field says what the name was used as: "s3.key", "metadata",
	// "dynamodb.attribute", "encryption-context", "subject", ...
	Field string
	// Findings are the detector's findings, offsets into the name.
	Findings []phi.Finding
}

// Error names the field, the first finding's category, offsets and confidence, and how many more findings there are; never the name.
func (e *PHIError) Error() string {
	if len(e.Findings) == 0 {
		return fmt.Sprintf("hipaa: PHI in name: field %s", e.Field)
	}
	f := e.Findings[0]
	more := ""
	if n := len(e.Findings) - 1; n > 0 {
		more = fmt.Sprintf(" (and %d more finding(s))", n)
	}
	return fmt.Sprintf("hipaa: PHI in name: field %s: %s at bytes %d-%d (confidence %.2f)%s",
		e.Field, f.Category, f.Start, f.End, f.Confidence, more)
}

// Unwrap returns ErrPHIInName.
func (e *PHIError) Unwrap() error { return ErrPHIInName }

// TransportError reports why a connection or endpoint was refused. It
// never includes credentials or query strings. errors.Is(err,
// ErrInsecureTransport) holds for it.
type TransportError struct {
	// What was refused: "endpoint", "tls-version", "cipher-suite", ...
	Reason string
	// Detail is a short, value-free explanation (a scheme, a TLS version
	// name, a suite name, a host that is not loopback).
	Detail string
}

// Error names what was refused and why, with no credentials, paths or queries.
func (e *TransportError) Error() string {
	if e.Detail == "" {
		return "hipaa: insecure transport: " + e.Reason
	}
	return "hipaa: insecure transport: " + e.Reason + ": " + e.Detail
}

// Unwrap returns ErrInsecureTransport.
func (e *TransportError) Unwrap() error { return ErrInsecureTransport }
