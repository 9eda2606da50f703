package envelope

import (
	"errors"
	"fmt"

	"github.com/aws/smithy-go"
	"github.com/phisafe/phisafe/hipaa"
)

// Sentinel errors of package envelope. Errors also wrap the hipaa
// sentinels where one fits: hipaa.ErrPHIInName for an encryption context
// that looks like it holds PHI, hipaa.ErrTampered for a message, or an
// encrypted data key, that fails authentication, hipaa.ErrPolicy for a
// policy that fails Validate. No error carries a key, a plaintext or an
// encryption context value.
var (
	// ErrConfig means a keyring or client was built with unusable
	// arguments (a wrapping key of the wrong length, a reserved namespace,
	// an empty KMS key id, an unknown suite, ...).
	ErrConfig = errors.New("envelope: invalid configuration")

	// ErrNoDataKey means no keyring could unwrap any of the message's
	// encrypted data keys: none was for a configured key, or every attempt
	// failed. Attempts that failed authentication also wrap
	// hipaa.ErrTampered.
	ErrNoDataKey = errors.New("envelope: no encrypted data key could be decrypted")

	// ErrEncryptionContext means an encryption context was refused: a key
	// starting with the reserved prefix "aws-crypto-", a context without a
	// required encryption context key, a message that stores an expected
	// key with another value, or expected pairs the message does not store
	// that fail its authentication (then hipaa.ErrTampered or ErrNoDataKey
	// is wrapped too).
	ErrEncryptionContext = errors.New("envelope: encryption context refused")

	// ErrCommitmentPolicy means the commitment policy forbids the
	// algorithm suite asked for or found in a message.
	ErrCommitmentPolicy = errors.New("envelope: algorithm suite refused by the commitment policy")

	// ErrTooManyDataKeys means a message carries more encrypted data keys
	// than Options.MaxEncryptedDataKeys allows.
	ErrTooManyDataKeys = errors.New("envelope: too many encrypted data keys")

	// ErrStreamBuffer means DecryptReader would have had to hold more
	// plaintext than Options.MaxStreamBuffer: a frame longer than the
	// bound, or a signed message longer than it (a signed message is held
	// until its signature verifies). Nothing of the message was released.
	// Decrypt it whole with Decrypt, or raise the bound.
	ErrStreamBuffer = errors.New("envelope: over the stream buffer bound (Options.MaxStreamBuffer)")

	// ErrKMS means an AWS KMS call failed; the *KMSError wrapping it
	// says which and reaches the SDK's typed error with errors.As.
	ErrKMS = errors.New("envelope: AWS KMS call failed")
)

// KMSError reports a failed AWS KMS call. errors.Is(err, ErrKMS) holds,
// and errors.As reaches the AWS SDK's own error (for example
// *types.DisabledException or a smithy.APIError).
type KMSError struct {
	// Op is the KMS operation: "GenerateDataKey", "Encrypt", "Decrypt".
	Op string
	// Err is the SDK's error, or a value-free description of a response
	// that failed a check.
	Err error
}

// Error names the operation and the AWS error code (never key material or
// encryption context values).
func (e *KMSError) Error() string {
	var ae smithy.APIError
	if errors.As(e.Err, &ae) {
		return fmt.Sprintf("envelope: AWS KMS %s failed: %s", e.Op, ae.ErrorCode())
	}
	return fmt.Sprintf("envelope: AWS KMS %s failed: %v", e.Op, e.Err)
}

// Unwrap returns ErrKMS and the SDK's error, and hipaa.ErrTampered too when
// KMS answered InvalidCiphertextException (an altered encrypted data key
// or a different encryption context).
func (e *KMSError) Unwrap() []error {
	var ae smithy.APIError
	if errors.As(e.Err, &ae) && ae.ErrorCode() == "InvalidCiphertextException" {
		return []error{ErrKMS, hipaa.ErrTampered, e.Err}
	}
	return []error{ErrKMS, e.Err}
}

// errTamperedEDK is returned by keyrings whose authenticated unwrap of an
// encrypted data key failed.
func tamperedEDK(what string) error {
	return fmt.Errorf("%w: %s: encrypted data key failed authentication", hipaa.ErrTampered, what)
}

// noDataKeyError collects why each attempt to unwrap a data key failed.
type noDataKeyError struct{ errs []error }

func noDataKey(errs []error) error { return &noDataKeyError{errs} }

func (e *noDataKeyError) Error() string {
	if len(e.errs) == 0 {
		return ErrNoDataKey.Error() + ": no encrypted data key matches the keyring"
	}
	s := ErrNoDataKey.Error() + ": "
	for i, err := range e.errs {
		if i > 0 {
			s += "; "
		}
		s += err.Error()
	}
	return s
}

func (e *noDataKeyError) Unwrap() []error { return append([]error{ErrNoDataKey}, e.errs...) }
