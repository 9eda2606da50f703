// Package hipaa is the policy core every phisafe package stands on: one
// Policy value that says how PHI may travel, one primitive every operation
// passes through, and the transport every AWS call uses.
//
// The threats it closes: PHI sent over plain HTTP or weak TLS (CBC-SHA1
// suites, TLS 1.0/1.1, RSA key exchange), PHI leaking into names that AWS
// stores and logs in clear (S3 keys, metadata, table and attribute names,
// mail subjects, KMS encryption contexts), and PHI accessed with no audit
// record of who did what.
//
// The happy path:
//
//	log, err := auditlog.Open("/var/log/phisafe/audit.log") // package hipaa/auditlog
//	...
//	policy := &hipaa.Policy{Auditor: log} // strict by default
//	cfg, err := hipaa.LoadAWSConfig(ctx)  // HTTPS only, TLS 1.2+, AEAD suites
//	...
//	err = policy.Guard(ctx, hipaa.Operation{
//		Action: "s3.PutObject",
//		Names:  []hipaa.Name{{Field: "s3.key", Value: key}},
//	}, func(ctx context.Context) (int64, error) {
//		// the AWS call; runs only if the key is clean and the attempt
//		// was recorded
//	})
//
// Service packages (rdsconn, and s3safe, dynamosafe and sesafe as they
// land) and envelope take the same Policy: their constructors call
// Policy.Adopt, and every exported operation passes Begin and End (or
// Guard, which is both around a function).
//
// # The event rule
//
// Every operation's audit events follow one rule, enforced by Begin and
// End (no package writes events by hand):
//
//  1. Checks and refusal come before any I/O. Every name the operation
//     would send or store in clear (Operation.Names), and the events' own
//     actor, resource and detail, pass the policy's PHI detector
//     (package hipaa/phi); a finding, or a reason the caller found
//     (Operation.Refuse), refuses the operation: one OutcomeRefused event
//     is recorded (the field and category, never the value) and nothing
//     else happens.
//  2. The attempt is recorded before any I/O. If it cannot be, the
//     operation does not run and the error wraps ErrAuditFailed (fail
//     closed).
//  3. Exactly one outcome follows each attempt: OutcomeSuccess, or
//     OutcomeFailed with the error's class ("tampered",
//     "aws:AccessDeniedException"), never its text. An operation may end
//     on another goroutine (a stream, a driver callback); a second End is
//     an error and records nothing.
//  4. One request id ties together every event of an operation: its
//     attempt, its overrides, the operations begun within its context,
//     its outcome.
//  5. A panic in Guard's function is recorded as a failed outcome before
//     it continues.
//  6. A lost outcome record is joined to the operation's result (the
//     error wraps ErrAuditFailed too).
//  7. Every field is checked: PHI in the outcome's detail is recorded as
//     "redacted".
//  8. Every weakening is named and recorded as an OutcomeOverride event:
//     the policy's own (AllowPHIInNames, a detector made looser) and a
//     client's options that give something up, when the client is built
//     (Adopt, which fails the constructor if it cannot record them), and
//     a loosening that lets one operation through, when it does (Allow).
//  9. An unusable policy (no Auditor, MinConfidence above the default)
//     or a nil input is a typed error, never a panic.
//
// Events hold identifiers, classes and value-free details only. Sinks
// implement one method (Auditor); package hipaa/auditlog has a
// group-committed, hash-chained file log and JSON and slog sinks, and
// package hipaatest an in-memory recorder for tests. A sink that drops
// events defeats the audit: nothing in this module provides one outside
// hipaatest.
//
// # Transport
//
// ClientTLSConfig and ServerTLSConfig allow TLS 1.2 and 1.3 only, and in
// TLS 1.2 only the ECDHE + AES-GCM suites of NIST SP 800-52r2. Go's own
// defaults still offer CBC-SHA1 suites, ChaCha20-Poly1305 and plain
// X25519; these configurations do not. LoadAWSConfig builds an aws.Config
// on them whose every service client refuses a non-https endpoint before
// sending, whatever the endpoint's source (region resolution,
// BaseEndpoint, a custom resolver). CheckAWSTransport tells whether a
// service client's options carry that transport. Policy.StrictFIPS
// requires Go's FIPS 140-3 module (GODEBUG=fips140=on) and FIPS endpoints.
//
// # Errors
//
// Every phisafe error wraps one of the sentinels ErrInsecureTransport,
// ErrPHIInName, ErrAuditFailed, ErrTampered or ErrPolicy, so errors.Is
// works across packages, and the struct errors (*TransportError,
// *PHIError) carry the detail. Messages start with the package name and
// never contain the offending value.
package hipaa
