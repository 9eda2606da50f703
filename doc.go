// Package phisafe makes the secure path the only easy path for health data
// (HIPAA protected health information) on AWS. Teams import its packages
// instead of calling aws-sdk-go-v2 directly.
//
// # Package map
//
// Dependencies point one way, downwards:
//
//	cmd/phisafe, examples/           programs: flags and output, no logic of their own
//	s3safe dynamosafe sesafe rdsconn one AWS service each (rdsconn started; the others by later work)
//	envelope                         KMS envelope encryption, AWS Encryption SDK message format
//	hipaa                            the Policy: TLS, AWS config, PHI detector, audit, errors
//	internal/esdk, internal/...      the ESDK wire format, vectors, test plumbing: users never call them
//	hipaatest                        for tests, ours and yours: a local KMS server, an audit recorder
//
// # The threat each package closes
//
//   - hipaa: PHI over plain HTTP or weak TLS; PHI in names that AWS stores
//     and logs in clear; PHI accessed with no audit record. Every other
//     package runs its operations through hipaa.Policy.Guard: names
//     checked, audit record written (fail closed), call made, outcome
//     recorded.
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
// required Auditor) is the strict setting, and every loosening is a field
// named Allow... that is itself audited. Errors wrap the hipaa sentinels
// (errors.Is(err, hipaa.ErrPHIInName)) and never carry the offending
// value.
//
// Start with README.md: `make demo` runs examples/quickstart against the
// local stack and `make test` runs the whole suite.
package phisafe
