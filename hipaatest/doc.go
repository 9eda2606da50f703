// Package hipaatest provides test support for code that uses phisafe and
// AWS: above all a local AWS KMS server, KMSServer, that speaks the real
// KMS protocol (JSON 1.1 over HTTPS, SigV4-authenticated) on loopback, so
// that the unmodified aws-sdk-go-v2 kms client, or any other AWS SDK, can be
// pointed at it. phisafe's own tests use it, and so can the tests of
// programs built on phisafe; it plays the role Tink's testing/fakekms plays
// for Tink, but at the wire level.
//
// # Not for production data
//
// KMSServer is NOT a key management service. Its keys live in process
// memory (or, with WithStateFile, in a plain file), it has no key policies,
// grants or audit trail, and it accepts a single fixed test credential. Never
// encrypt real protected health information with it, and never point a
// production deployment at it. Its certificates come from a throwaway CA
// (TestCA) generated in memory; trust that CA in test clients only.
//
// # What it implements
//
// Symmetric (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT) keys and the operations
// that use them: CreateKey, DescribeKey, ListKeys, CreateAlias, UpdateAlias,
// DeleteAlias, ListAliases, Encrypt, Decrypt, ReEncrypt, GenerateDataKey,
// GenerateDataKeyWithoutPlaintext, GenerateRandom, EnableKey, DisableKey,
// EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus,
// RotateKeyOnDemand, ListKeyRotations, ScheduleKeyDeletion and
// CancelKeyDeletion. Keys are named, as in KMS, by key id, key ARN, alias
// name (alias/...) or alias ARN. Other KMS operations answer
// UnsupportedOperationException.
//
// Ciphertexts are real AES-256-GCM encryptions under per-key, per-version
// random backing keys, with the key id, the backing version and the
// encryption context bound as additional authenticated data: decrypting
// under the wrong encryption context, or an altered ciphertext, fails with
// InvalidCiphertextException exactly as in KMS. Rotation adds a backing
// version; older ciphertexts still decrypt. Ciphertexts are only meaningful
// to the server (or state file) that made them.
//
// Errors use AWS's JSON error shape and status codes, so the SDK returns its
// typed errors (*types.NotFoundException, *types.DisabledException,
// *types.InvalidCiphertextException, *types.IncorrectKeyException, ...).
// Every request must be signed with SigV4 for service "kms" in the server's
// region; by default the signature is verified against TestAccessKeyID and
// TestSecretAccessKey (see WithCredentials and WithAnyCredentials).
// Unsigned requests get MissingAuthenticationTokenException, bad signatures
// InvalidSignatureException.
//
// For tests of failure handling the server counts calls per operation
// (Calls, ResetCalls), can simulate an outage (SetOutage) and can fail the
// next calls of an operation with a chosen AWS error code (FailNext).
//
// # Usage
//
// In a test, StartKMS starts a server on a random loopback port and stops
// it when the test ends. Client returns a kms client of it that trusts only
// the server's test CA:
//
//	func TestSealRecord(t *testing.T) {
//		srv := hipaatest.StartKMS(t)
//		_, err := srv.CreateKey("records", "alias/records")
//		if err != nil {
//			t.Fatal(err)
//		}
//		client := srv.Client() // or kms.NewFromConfig(srv.AWSConfig())
//		out, err := client.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{
//			KeyId:             aws.String("alias/records"),
//			KeySpec:           types.DataKeySpecAes256,
//			EncryptionContext: map[string]string{"tenant": "t-1"},
//		})
//		// ... code under test, then assertions such as
//		// srv.Calls("GenerateDataKey") == 1
//	}
//
// To build the client yourself, give it srv.URL() as BaseEndpoint,
// srv.Region(), srv.Credentials() (or srv.AccessKeyID() and
// srv.SecretAccessKey()) and an HTTP client whose TLS configuration trusts
// srv.CertPool() or srv.CAPEM(); srv.HTTPClient() is such a client.
//
// For a dev stack, the program hipaatest/localkms runs the server
// standalone on a loopback address.
package hipaatest
