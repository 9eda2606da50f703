// Package hipaa is the policy core every phisafe package stands on: one
// Policy value that says how PHI may travel, and the checks that enforce
// it at one choke point per operation.
//
// The threats it closes: PHI sent over plain HTTP or weak TLS (CBC-SHA1
// suites, TLS 1.0/1.1, RSA key exchange), PHI leaking into names that AWS
// stores and logs in clear (S3 keys, metadata, table and attribute names,
// mail subjects, KMS encryption contexts), and PHI accessed with no audit
// record of who did what.
//
// The happy path:
//
//	auditLog, err := hipaa.OpenAuditLog("/var/log/phisafe/audit.log")
//	...
//	policy := &hipaa.Policy{Auditor: auditLog} // strict by default
//	cfg, err := hipaa.LoadAWSConfig(ctx)        // HTTPS only, TLS 1.2+, AEAD suites
//	...
//	err = policy.Guard(ctx, hipaa.Operation{
//		Action: "s3.PutObject",
//		Names:  hipaa.Names{{Field: "s3.key", Name: key}},
//	}, func(ctx context.Context) (int64, error) {
//		// the AWS call; runs only if the key is clean and the audit
//		// record was written
//	})
//
// Service packages (s3safe, dynamosafe, sesafe, rdsconn) and envelope take
// the same Policy and run every exported operation through Guard.
//
// # Transport
//
// ClientTLSConfig and ServerTLSConfig allow TLS 1.2 and 1.3 only, and in
// TLS 1.2 only the ECDHE + AES-GCM suites of NIST SP 800-52r2. Go's own
// defaults still offer CBC-SHA1 suites, ChaCha20-Poly1305 and plain
// X25519; these configurations do not. LoadAWSConfig builds an aws.Config
// on them whose every service client refuses a non-https endpoint before
// sending, whatever the endpoint's source (region resolution,
// BaseEndpoint, a custom resolver). Policy.StrictFIPS requires Go's FIPS
// 140-3 module (GODEBUG=fips140=on) and FIPS endpoints.
//
// # PHI in names
//
// The detector lives in package hipaa/phi: a phi.Detector finds the
// HIPAA Safe Harbor identifiers that can appear in names (personal names,
// dates tied to a person, phone numbers, SSNs, medical record numbers and
// the rest), each finding with a category, byte offsets and a confidence,
// never the matched text. Policy.Detector nil means phi.Default(). The
// Policy decides what a finding at or above its threshold does: refuse
// (the default), or, for the categories listed in AllowPHIInNames, let it
// through with an OutcomeOverride audit event.
//
// # Audit
//
// Audit is mandatory and fail-closed. Every constructor refuses a Policy
// without an Auditor; Guard records an OutcomeAttempt event before the
// operation and runs nothing if that record cannot be written, then
// records the outcome. Events hold identifiers and error classes only,
// never names that failed the PHI check, values or error text. Sinks:
// AuditLog (an append-only file of hash-chained JSON lines, with
// VerifyAuditLog naming the first edited, deleted, reordered or truncated
// line), SlogAuditor and JSONAuditor, combined with MultiAuditor.
//
// # Errors
//
// Every phisafe error wraps one of the sentinels ErrInsecureTransport,
// ErrPHIInName, ErrAuditFailed, ErrTampered or ErrPolicy, so errors.Is
// works across packages, and the struct errors (*TransportError,
// *PHIError, *AuditError, *TamperError) carry the detail. Messages start
// with the package name and never contain the offending value.
package hipaa
