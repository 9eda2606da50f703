// Package envelope encrypts records with envelope encryption in the AWS
// Encryption SDK message format, so that what it writes decrypts with the
// AWS Encryption SDKs for Java, Python, C, JavaScript, .NET and the CLI,
// and what they write decrypts here.
//
// # The threat
//
// Protected health information stored in S3, DynamoDB or a queue is only
// as safe as the service's access policy, its backups and every operator
// with read access. Envelope encryption keeps it safe from all of them:
// each message is encrypted under a fresh data key, and that key is stored
// in the message only wrapped by keys the reader must hold (an AWS KMS key,
// whose every use is authorized and logged by KMS and CloudTrail, or a
// local AES or RSA key). The message format authenticates everything:
// altering, truncating, reordering or splicing a message, or pairing it with
// another encryption context, makes decryption fail (hipaa.ErrTampered).
// Key commitment (the default) rules out a message that decrypts to
// different plaintexts under different keys, and the default suite signs
// each message with a per-message ECDSA P-384 key, so that a reader who can
// only decrypt cannot forge messages either.
//
// The encryption context is additional authenticated data stored in clear
// in the message and sent to AWS KMS, which records it in CloudTrail: it
// must never hold PHI. Every operation checks its keys and values with the
// policy's PHI detector first and refuses (hipaa.ErrPHIInName) before any
// key is used.
//
// # The happy path
//
//	keyring, err := envelope.NewKMSKeyring(kms.NewFromConfig(cfg), keyARN)
//	...
//	client, err := envelope.New(policy, keyring) // policy: a *hipaa.Policy with an Auditor
//	...
//	ec := map[string]string{"tenant": "t-42", "purpose": "lab-results"}
//	msg, err := client.Encrypt(ctx, record, ec)
//	...
//	record, err = client.Decrypt(ctx, msg, ec) // the expected context is required
//
// EncryptWriter and DecryptReader do the same for streams (see Streams).
// Every message, buffer or stream, is one operation of the policy
// ("envelope.Encrypt", "envelope.Decrypt", under hipaa's event rule): its
// attempt is recorded before any key is used, with the key id and
// algorithm suite, never plaintext, keys or context values, and nothing
// runs if that record cannot be written; its one outcome follows. New
// records every weakening in force (see Options) as an override event.
//
// # Keyrings
//
// NewKMSKeyring wraps data keys with one AWS KMS key (multi-Region keys
// match their replicas); NewKMSDiscoveryKeyring decrypts with any KMS key
// of listed accounts; NewRawAESKeyring and NewRawRSAKeyring use keys held
// in memory; NewMultiKeyring combines them, for example to encrypt under
// keys in two Regions. Keyrings follow the AWS Encryption SDK specification
// (github.com/awslabs/aws-encryption-sdk-specification), with the same
// provider ids and key provider info, so keys interoperate byte for byte.
// Plaintext data keys never leave this package and are zeroed after use.
//
// The KMS keyrings take the client that carries data keys: a *kms.Client
// must be built from hipaa.LoadAWSConfig (hardened TLS, HTTPS only, and
// FIPS endpoints when its options ask), as cfg in the happy path above. One
// from config.LoadDefaultConfig is refused (ErrConfig wrapping
// hipaa.ErrInsecureTransport) unless the keyring is built with
// AllowUnhardenedKMSClient, whose use New records as a
// hipaa.OutcomeOverride event.
//
// A Keyring of your own can wrap these (to count, log or time calls, or
// to pass on only some encrypted data keys), but never sees or sets a
// data key itself: see Keyring.
//
// # Defaults
//
// Options' zero value is the strict configuration: suite
// AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384 (0x0578), commitment policy
// RequireEncryptRequireDecrypt (messages without key commitment are
// refused), at most DefaultMaxEncryptedDataKeys encrypted data keys per
// message, 4096-byte frames; EncryptWriter writes 0x0478 (see Streams). The weaker settings say so in their names
// (RequireEncryptAllowDecrypt, ForbidEncryptAllowDecrypt,
// PKCS1v15DecryptOnly, AllowUnverifiedStreaming).
//
// # Streams
//
// Nothing is released before it is verified, and memory stays bounded. In
// this format a signature covers the whole message and can only be checked
// at its end, while each frame's GCM tag, under a key the header commits
// to, can be checked as the frame arrives. So:
//
//   - EncryptWriter writes AES_256_GCM_HKDF_SHA512_COMMIT_KEY (0x0478) by
//     default: committing and unsigned, every frame fully verifiable on its
//     own, as age's STREAM is. What it gives up is the signature: a reader
//     who can unwrap the data key could also write a message under it.
//     Set Options.Suite to sign streams too.
//   - DecryptReader releases an unsigned message frame by frame, each once
//     its tag checks, holding one frame at a time. It holds a signed
//     message's plaintext until the signature verifies, up to
//     Options.MaxStreamBuffer (64 MiB by default); a signed message larger
//     than that is refused with ErrStreamBuffer before anything of it is
//     released. Decrypt reads such a message whole;
//     Options.AllowUnverifiedStreaming (audited as an override) releases
//     its frames before the signature is checked.
//   - Frames may be up to 2^32-1 bytes long, as the specification allows
//     (a frame length above the data's puts it all in the final frame):
//     DecryptReader's memory follows the bytes it actually reads, and only
//     a frame whose plaintext exceeds MaxStreamBuffer is refused. Decrypt,
//     which holds the whole message anyway, has no such bound.
//
// A stream altered or cut short fails (hipaa.ErrTampered) at the first
// frame that does not verify, and releases nothing more; since an unsigned
// stream's earlier frames were already released, read to io.EOF before
// acting on the data.
//
// # Data key caching
//
// By default every message gets a fresh data key, so every Encrypt is one
// KMS GenerateDataKey call. Options.Cache reuses a data key for several
// messages with the same encryption context, within limits on age
// (required), messages and bytes, which cuts KMS calls and latency for many
// small messages at the cost of a larger blast radius per key; see
// CacheOptions for the trade-offs. Cache hits and misses are audited.
//
// # Errors
//
// Authentication failures (an altered, truncated or spliced message, a
// wrong encryption context) wrap hipaa.ErrTampered; PHI in the encryption
// context wraps hipaa.ErrPHIInName; a lost audit record wraps
// hipaa.ErrAuditFailed. The package's own sentinels (ErrConfig,
// ErrNoDataKey, ErrEncryptionContext, ErrCommitmentPolicy,
// ErrTooManyDataKeys, ErrKMS) and *KMSError carry the rest. No message
// holds plaintext, key bytes or context values.
package envelope
