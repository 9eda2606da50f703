// Package phisafe makes the secure path the only easy path for health data
// (HIPAA protected health information) on AWS. Teams import its packages
// instead of calling aws-sdk-go-v2 directly.
//
// # Package map
//
// Dependencies point one way, downwards:
//
//	cmd/phisafe, examples/           programs: flags and output, no logic of their own
//	rdsconn                          one AWS service each (s3safe, dynamosafe, sesafe come with their issues)
//	envelope                         KMS envelope encryption, AWS Encryption SDK message format
//	hipaa                            the Policy, the operation primitive (Begin/End, Guard), TLS, AWS config, errors
//	hipaa/phi, hipaa/auditlog        the PHI detector (no AWS import); the group-committed, hash-chained audit log and sinks
//	internal/esdk, internal/...      the ESDK wire format, vectors, test plumbing: users never call them
//	hipaatest                        for tests, ours and yours: a local KMS server, an audit recorder
//
// # The threat each package closes
//
//   - hipaa: PHI over plain HTTP or weak TLS; PHI in names that AWS stores
//     and logs in clear; PHI accessed with no audit record. Every other
//     package runs its operations through hipaa.Policy.Begin and End (or
//     Guard): names checked, attempt recorded (fail closed), call made,
//     exactly one outcome recorded, under one written rule.
//   - hipaa/phi: finds the Safe Harbor identifiers in names; hipaa/auditlog:
//     an append-only log whose edits, cuts and swaps verification detects.
//   - rdsconn: PostgreSQL and MySQL to RDS/Aurora over verified TLS only.
//   - envelope: PHI at rest readable by anyone with access to the store or
//     its backups. Each message is encrypted under a fresh data key wrapped
//     by KMS (or a local key), authenticated end to end, committed to its
//     key and signed by default; the encryption context, stored in clear,
//     is checked for PHI. Messages interoperate with AWS's own SDKs.
//   - hipaatest: tests that would otherwise need a real KMS. Its server
//     speaks the AWS KMS JSON protocol over HTTPS on loopback with real
//     AES-GCM wrapping; it is not for production data.
//   - cmd/phisafe: `phisafe scan` gates a pipeline on PHI in names;
//     `phisafe encrypt|decrypt` protect files and pipes.
//
// # The shape
//
// One hipaa.Policy value configures everything: its zero value (plus a
// required Auditor) is the strict setting, and every loosening is named for
// what it gives up and recorded as an override event when the client that
// uses it is built (hipaa.Policy.Adopt). Errors wrap the hipaa sentinels
// (errors.Is(err, hipaa.ErrPHIInName)) and never carry the offending
// value.
//
// Start with README.md: `make demo` runs examples/quickstart against the
// local stack and `make test` runs the whole suite.
package phisafe
