package hipaatest

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"sort"
)

// Ciphertext blob layout (all integers big-endian):
//
//	offset  size  field
//	0       1     format version (blobVersion)
//	1       2     n = length of the key id
//	3       n     key id (the UUID, not the ARN)
//	3+n     4     backing key version (0 is the material created with the key)
//	7+n     12    random AES-GCM nonce
//	19+n    ...   AES-256-GCM sealed plaintext (ciphertext || 16-byte tag)
//
// The additional authenticated data is blobAADLabel || header || canonical
// encryption context, where header is bytes [0, 7+n) of the blob. Editing any
// byte of the blob, or decrypting under a different encryption context, makes
// the GCM open fail.
const (
	blobVersion   = 1
	blobNonceSize = 12
	blobTagSize   = 16
	// blobMaxKeyID bounds the key id length accepted when parsing, well
	// above the 36 bytes of a UUID.
	blobMaxKeyID = 256
	blobAADLabel = "hipaatest/kms/blob/v1\x00"
)

var errBadBlob = errors.New("hipaatest: malformed ciphertext blob")

// parsedBlob is a ciphertext blob split into its fields. All slices alias the
// input.
type parsedBlob struct {
	keyID   string
	version uint32
	header  []byte
	nonce   []byte
	sealed  []byte
}

// parseBlob splits b into its fields, checking every length against the
// remaining input. It never panics, whatever b holds.
func parseBlob(b []byte) (parsedBlob, error) {
	var p parsedBlob
	if len(b) < 3 || b[0] != blobVersion {
		return p, errBadBlob
	}
	n := int(binary.BigEndian.Uint16(b[1:3]))
	if n == 0 || n > blobMaxKeyID {
		return p, errBadBlob
	}
	rest := b[3:]
	if len(rest) < n+4+blobNonceSize+blobTagSize {
		return p, errBadBlob
	}
	p.keyID = string(rest[:n])
	p.version = binary.BigEndian.Uint32(rest[n : n+4])
	p.header = b[:3+n+4]
	p.nonce = rest[n+4 : n+4+blobNonceSize]
	p.sealed = rest[n+4+blobNonceSize:]
	return p, nil
}

// blobHeader returns the authenticated header for keyID at version.
func blobHeader(keyID string, version uint32) []byte {
	h := make([]byte, 0, 3+len(keyID)+4)
	h = append(h, blobVersion)
	h = binary.BigEndian.AppendUint16(h, uint16(len(keyID)))
	h = append(h, keyID...)
	h = binary.BigEndian.AppendUint32(h, version)
	return h
}

// canonicalContext encodes an encryption context deterministically: the
// pair count, then each pair sorted by key, every string length-prefixed.
// Nil and empty contexts encode the same way.
func canonicalContext(ec map[string]string) []byte {
	keys := make([]string, 0, len(ec))
	for k := range ec {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := binary.BigEndian.AppendUint32(nil, uint32(len(keys)))
	for _, k := range keys {
		out = binary.BigEndian.AppendUint32(out, uint32(len(k)))
		out = append(out, k...)
		v := ec[k]
		out = binary.BigEndian.AppendUint32(out, uint32(len(v)))
		out = append(out, v...)
	}
	return out
}

func blobAAD(header []byte, ec map[string]string) []byte {
	aad := make([]byte, 0, len(blobAADLabel)+len(header)+64)
	aad = append(aad, blobAADLabel...)
	aad = append(aad, header...)
	return append(aad, canonicalContext(ec)...)
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// sealBlob encrypts plaintext under the backing key material of keyID at
// version, binding the encryption context.
func sealBlob(material []byte, keyID string, version uint32, plaintext []byte, ec map[string]string) ([]byte, error) {
	if len(keyID) == 0 || len(keyID) > blobMaxKeyID {
		return nil, errBadBlob
	}
	aead, err := newGCM(material)
	if err != nil {
		return nil, err
	}
	header := blobHeader(keyID, version)
	nonce := make([]byte, blobNonceSize)
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(header)+blobNonceSize+len(plaintext)+aead.Overhead())
	out = append(out, header...)
	out = append(out, nonce...)
	return aead.Seal(out, nonce, plaintext, blobAAD(header, ec)), nil
}

// openBlob decrypts a parsed blob with the backing key material it names.
func openBlob(material []byte, p parsedBlob, ec map[string]string) ([]byte, error) {
	aead, err := newGCM(material)
	if err != nil {
		return nil, err
	}
	pt, err := aead.Open(nil, p.nonce, p.sealed, blobAAD(p.header, ec))
	if err != nil {
		return nil, errBadBlob
	}
	return pt, nil
}
