package envelope

import (
	"context"
	"crypto"
	"crypto/fips140"
	"crypto/rand"
	"crypto/rsa"
	_ "crypto/sha1" // OAEP with SHA-1 (decrypting old messages)
	_ "crypto/sha256"
	_ "crypto/sha512"
	"fmt"

	"github.com/phisafe/phisafe/internal/esdk"
)

// RSAPadding is the RSA padding scheme of a raw RSA keyring
// (framework/raw-rsa-keyring.md). The OAEP schemes use MGF1 with the same
// hash and an empty label.
type RSAPadding int

// The padding schemes of the specification.
const (
	// OAEPSHA256 is RSA-OAEP with SHA-256 and MGF1-SHA-256. Recommended.
	OAEPSHA256 RSAPadding = iota + 1
	// OAEPSHA384 is RSA-OAEP with SHA-384 and MGF1-SHA-384.
	OAEPSHA384
	// OAEPSHA512 is RSA-OAEP with SHA-512 and MGF1-SHA-512.
	OAEPSHA512
	// OAEPSHA1 is RSA-OAEP with SHA-1 and MGF1-SHA-1, for messages from
	// older writers. Go's FIPS 140-3 mode refuses it.
	OAEPSHA1
	// PKCS1v15DecryptOnly is RSA PKCS #1 v1.5 encryption padding. It is
	// open to padding-oracle attacks, so a keyring with it only decrypts
	// (messages from older writers); OnEncrypt refuses. Go's FIPS 140-3
	// mode refuses it.
	PKCS1v15DecryptOnly
)

func (p RSAPadding) hash() (crypto.Hash, bool) {
	switch p {
	case OAEPSHA1:
		return crypto.SHA1, true
	case OAEPSHA256:
		return crypto.SHA256, true
	case OAEPSHA384:
		return crypto.SHA384, true
	case OAEPSHA512:
		return crypto.SHA512, true
	}
	return 0, false
}

// rawRSAKeyring is the Raw RSA keyring of the specification.
type rawRSAKeyring struct {
	namespace string
	name      string
	pub       *rsa.PublicKey
	priv      *rsa.PrivateKey
	padding   RSAPadding
}

// NewRawRSAKeyring returns a keyring that wraps data keys to pub and
// unwraps them with priv (either may be nil, not both: a keyring without
// priv only encrypts, one without pub only decrypts; the public key is
// never derived from priv), with padding, named by namespace (the
// encrypted data key's provider id) and name (its provider info), as the
// Raw RSA keyring of the AWS Encryption SDK does. Keys shorter than 2048
// bits are refused. A keyring with PKCS1v15DecryptOnly padding must have
// no public key.
func NewRawRSAKeyring(namespace, name string, pub *rsa.PublicKey, priv *rsa.PrivateKey, padding RSAPadding) (Keyring, error) {
	if err := checkRawNames(namespace, name); err != nil {
		return nil, err
	}
	if pub == nil && priv == nil {
		return nil, fmt.Errorf("%w: raw RSA keyring needs a public or a private key", ErrConfig)
	}
	if _, ok := padding.hash(); !ok && padding != PKCS1v15DecryptOnly {
		return nil, fmt.Errorf("%w: unknown RSA padding %d", ErrConfig, int(padding))
	}
	if padding == PKCS1v15DecryptOnly && pub != nil {
		return nil, fmt.Errorf("%w: RSA PKCS #1 v1.5 padding is decrypt-only: pass no public key", ErrConfig)
	}
	for _, k := range []*rsa.PublicKey{pub, privPublic(priv)} {
		if k != nil && k.N.BitLen() < 2048 {
			return nil, fmt.Errorf("%w: RSA keys must be at least 2048 bits", ErrConfig)
		}
	}
	if priv != nil {
		if err := priv.Validate(); err != nil {
			return nil, fmt.Errorf("%w: RSA private key is invalid", ErrConfig)
		}
	}
	return &rawRSAKeyring{namespace: namespace, name: name, pub: pub, priv: priv, padding: padding}, nil
}

func privPublic(k *rsa.PrivateKey) *rsa.PublicKey {
	if k == nil {
		return nil
	}
	return &k.PublicKey
}

// OnEncrypt generates a data key if m has none and appends its RSA
// encryption to the public key.
func (k *rawRSAKeyring) OnEncrypt(_ context.Context, m *EncryptionMaterials) (*EncryptionMaterials, error) {
	if err := m.usable(); err != nil {
		return nil, err
	}
	if k.pub == nil {
		return nil, fmt.Errorf("%w: raw RSA keyring has no public key to encrypt with", ErrConfig)
	}
	h, ok := k.padding.hash()
	if !ok {
		return nil, fmt.Errorf("%w: raw RSA keyring: PKCS #1 v1.5 padding is decrypt-only", ErrConfig)
	}
	out := m.clone()
	if out.dataKey == nil {
		out.dataKey = make([]byte, out.suite.DataKeyLen)
		if _, err := rand.Read(out.dataKey); err != nil {
			return nil, err
		}
	}
	ct, err := rsa.EncryptOAEP(h.New(), rand.Reader, k.pub, out.dataKey, nil)
	if err != nil {
		out.Zero()
		return nil, fmt.Errorf("%w: raw RSA keyring: encryption failed: %v", ErrConfig, err)
	}
	out.edks = append(out.edks, esdk.EncryptedDataKey{
		ProviderID:   k.namespace,
		ProviderInfo: []byte(k.name),
		Ciphertext:   ct,
	})
	return out, nil
}

// OnDecrypt unwraps the first encrypted data key that names this keyring
// and decrypts under its private key.
func (k *rawRSAKeyring) OnDecrypt(_ context.Context, m *DecryptionMaterials, edks []esdk.EncryptedDataKey) (*DecryptionMaterials, error) {
	if err := m.usable(); err != nil {
		return nil, err
	}
	if m.dataKey != nil {
		return nil, fmt.Errorf("%w: decryption materials already hold a data key", ErrConfig)
	}
	if k.priv == nil {
		return nil, fmt.Errorf("%w: raw RSA keyring has no private key to decrypt with", ErrConfig)
	}
	var errs []error
	for _, e := range edks {
		if e.ProviderID != k.namespace || string(e.ProviderInfo) != k.name {
			continue
		}
		var pt []byte
		var err error
		if h, ok := k.padding.hash(); ok {
			pt, err = rsa.DecryptOAEP(h.New(), nil, k.priv, e.Ciphertext, nil)
		} else {
			pt, err = decryptPKCS1v15(k.priv, e.Ciphertext, m.suite.DataKeyLen)
		}
		if err != nil {
			if fips140.Enabled() && (k.padding == OAEPSHA1 || k.padding == PKCS1v15DecryptOnly) {
				errs = append(errs, fmt.Errorf("%w: raw RSA keyring: padding not allowed in FIPS 140-3 mode: %v", ErrConfig, err))
				continue
			}
			errs = append(errs, tamperedEDK("raw RSA keyring"))
			continue
		}
		if len(pt) != m.suite.DataKeyLen {
			clear(pt)
			errs = append(errs, fmt.Errorf("%w: raw RSA keyring: unwrapped data key has the wrong length", ErrNoDataKey))
			continue
		}
		return m.withDataKey(pt), nil
	}
	return nil, noDataKey(errs)
}

// decryptPKCS1v15 decrypts a data key of keyLen bytes. It uses the
// session-key form, which does not reveal through errors or timing whether
// the padding was valid: on bad padding the key is random and the message
// then fails authentication.
func decryptPKCS1v15(priv *rsa.PrivateKey, ct []byte, keyLen int) ([]byte, error) {
	key := make([]byte, keyLen)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	//lint:ignore SA1019 decrypt-only support for messages from older writers
	if err := rsa.DecryptPKCS1v15SessionKey(nil, priv, ct, key); err != nil {
		return nil, err
	}
	return key, nil
}
