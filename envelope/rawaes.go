package envelope

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/phisafe/phisafe/internal/esdk"
)

const (
	aesTagLen = 16 // bytes; provider info says 128 bits
	aesIVLen  = 12
)

// rawAESKeyring is the Raw AES keyring (framework/raw-aes-keyring.md):
// AES-GCM with a 128, 192 or 256-bit wrapping key held in memory.
type rawAESKeyring struct {
	namespace string
	name      string
	aead      cipher.AEAD
}

// NewRawAESKeyring returns a keyring that wraps data keys with AES-GCM
// under key (16, 24 or 32 bytes, from a cryptographically secure source),
// named by namespace (the encrypted data key's provider id) and name, as
// the Raw AES keyring of the AWS Encryption SDK does: messages it writes
// decrypt with the other SDKs' Raw AES keyrings given the same namespace,
// name and key, and the other way round.
//
// The wrapping IV is random per data key and the serialized encryption
// context is the GCM additional data. The keyring keeps its own copy of
// key. Namespace "aws-kms" is reserved for AWS KMS and refused.
func NewRawAESKeyring(namespace, name string, key []byte) (Keyring, error) {
	if err := checkRawNames(namespace, name); err != nil {
		return nil, err
	}
	switch len(key) {
	case 16, 24, 32:
	default:
		return nil, fmt.Errorf("%w: raw AES wrapping key must be 16, 24 or 32 bytes, not %d", ErrConfig, len(key))
	}
	block, err := aes.NewCipher(slices.Clone(key))
	if err != nil {
		return nil, fmt.Errorf("%w: raw AES wrapping key: %v", ErrConfig, err)
	}
	aead, err := cipher.NewGCMWithRandomNonce(block)
	if err != nil {
		return nil, fmt.Errorf("%w: raw AES wrapping key: %v", ErrConfig, err)
	}
	return &rawAESKeyring{namespace: namespace, name: name, aead: aead}, nil
}

func checkRawNames(namespace, name string) error {
	if namespace == "" || name == "" {
		return fmt.Errorf("%w: raw keyring namespace and name must not be empty", ErrConfig)
	}
	if namespace == kmsProviderID {
		return fmt.Errorf("%w: raw keyring namespace %q is reserved for AWS KMS", ErrConfig, kmsProviderID)
	}
	if len(namespace) > 0xFFFF || len(name) > 0xFFFF-8-aesIVLen {
		return fmt.Errorf("%w: raw keyring namespace or name too long", ErrConfig)
	}
	return nil
}

// appendProviderInfoPrefix appends the key name, tag length in bits and
// IV length that start this keyring's provider info.
func (k *rawAESKeyring) appendProviderInfoPrefix(b []byte) []byte {
	b = append(b, k.name...)
	b = binary.BigEndian.AppendUint32(b, aesTagLen*8)
	return binary.BigEndian.AppendUint32(b, aesIVLen)
}

// hasProviderInfoPrefix reports whether info starts with this keyring's
// provider info prefix.
func (k *rawAESKeyring) hasProviderInfoPrefix(info []byte) bool {
	n := len(k.name)
	return len(info) >= n+8 && string(info[:n]) == k.name &&
		binary.BigEndian.Uint32(info[n:]) == aesTagLen*8 && binary.BigEndian.Uint32(info[n+4:]) == aesIVLen
}

// OnEncrypt generates a data key if m has none and appends its AES-GCM
// wrapping.
func (k *rawAESKeyring) OnEncrypt(_ context.Context, m *EncryptionMaterials) (*EncryptionMaterials, error) {
	if err := m.usable(); err != nil {
		return nil, err
	}
	aad, err := serializeEC(m.ec)
	if err != nil {
		return nil, err
	}
	out := m.clone()
	if out.dataKey == nil {
		out.dataKey = make([]byte, out.suite.DataKeyLen)
		if _, err := rand.Read(out.dataKey); err != nil {
			return nil, err
		}
	}
	// One buffer: the provider info prefix, then what Seal with a random
	// nonce appends, IV || ciphertext || tag. The provider info is the
	// prefix and the IV.
	n := len(k.name) + 8
	buf := k.appendProviderInfoPrefix(make([]byte, 0, n+aesIVLen+len(out.dataKey)+aesTagLen))
	sealed := k.aead.Seal(buf, nil, out.dataKey, aad)
	out.edks = append(out.edks, esdk.EncryptedDataKey{
		ProviderID:   k.namespace,
		ProviderInfo: sealed[: n+aesIVLen : n+aesIVLen],
		Ciphertext:   sealed[n+aesIVLen:],
	})
	return out, nil
}

// OnDecrypt unwraps the first encrypted data key that names this keyring
// and authenticates under its key and m's encryption context.
func (k *rawAESKeyring) OnDecrypt(_ context.Context, m *DecryptionMaterials, edks []esdk.EncryptedDataKey) (*DecryptionMaterials, error) {
	if err := m.usable(); err != nil {
		return nil, err
	}
	if m.dataKey != nil {
		return nil, fmt.Errorf("%w: decryption materials already hold a data key", ErrConfig)
	}
	aad := m.ecBytes
	if aad == nil {
		var err error
		if aad, err = serializeEC(m.ec); err != nil {
			return nil, err
		}
	}
	prefixLen := len(k.name) + 8
	var errs []error
	for _, e := range edks {
		if e.ProviderID != k.namespace || len(e.ProviderInfo) != prefixLen+aesIVLen ||
			!k.hasProviderInfoPrefix(e.ProviderInfo) || len(e.Ciphertext) < aesTagLen {
			continue
		}
		// IV || ciphertext || tag, and room after it for the data key:
		// one allocation, with the returned materials when it is small.
		n := aesIVLen + len(e.Ciphertext)
		var in []byte
		var u *rawAESUnwrap
		if n+len(e.Ciphertext)-aesTagLen <= len(u.buf) {
			u = &rawAESUnwrap{}
			in = u.buf[: n : n+len(e.Ciphertext)-aesTagLen]
		} else {
			in = make([]byte, n, n+len(e.Ciphertext)-aesTagLen)
		}
		copy(in, e.ProviderInfo[prefixLen:])
		copy(in[aesIVLen:], e.Ciphertext)
		pt, err := k.aead.Open(in[n:n], nil, in, aad)
		if err != nil {
			errs = append(errs, tamperedEDK("raw AES keyring"))
			continue
		}
		if len(pt) != m.suite.DataKeyLen {
			clear(pt)
			errs = append(errs, fmt.Errorf("%w: raw AES keyring: unwrapped data key has the wrong length", ErrNoDataKey))
			continue
		}
		if u != nil {
			u.m = *m
			u.m.dataKey, u.m.ecBytes = pt, nil
			return &u.m, nil
		}
		return m.withDataKey(pt), nil
	}
	return nil, noDataKey(errs)
}

// rawAESUnwrap is the materials OnDecrypt returns and the buffer its data
// key is unwrapped into, allocated together.
type rawAESUnwrap struct {
	m   DecryptionMaterials
	buf [aesIVLen + 2*32 + aesTagLen]byte
}
