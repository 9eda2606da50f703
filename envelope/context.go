package envelope

import (
	"fmt"
	"strings"

	"github.com/phisafe/phisafe/internal/esdk"
)

// reservedPrefix starts the encryption context keys the AWS Encryption SDK
// reserves for itself (aws-crypto-public-key).
const reservedPrefix = "aws-crypto-"

// serializeEC serializes an encryption context as framework/structures.md
// says (empty for an empty context).
func serializeEC(ec map[string]string) ([]byte, error) {
	b, err := esdk.SerializeEncryptionContext(ec)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrEncryptionContext, err)
	}
	return b, nil
}

// checkCallerContext refuses a caller's context that uses a reserved key.
func checkCallerContext(ec map[string]string) error {
	for k := range ec {
		if strings.HasPrefix(k, reservedPrefix) {
			return fmt.Errorf("%w: keys starting with %q are reserved", ErrEncryptionContext, reservedPrefix)
		}
	}
	return nil
}
