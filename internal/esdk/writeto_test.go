package esdk

import (
	"bytes"
	"crypto/rand"
	"errors"
	"io"
	"testing"
)

// TestDecrypterWriteTo checks that io.Copy (through WriteTo) gives the same
// plaintext as Read, and that for a signed message with a bad signature the
// final frame is never written.
func TestDecrypterWriteTo(t *testing.T) {
	for _, id := range []SuiteID{AES_256_GCM_HKDF_SHA512_COMMIT_KEY, AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384} {
		s, _ := LookupSuite(id)
		for _, n := range []int{0, 1, 4096, 3*4096 + 5} {
			ep, dp := params(t, s, 0, false)
			pt := make([]byte, n)
			rand.Read(pt)
			msg := encryptStream(t, ep, pt, 1000)
			dr, err := NewDecrypter(bytes.NewReader(msg), dp)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if _, err := io.Copy(&got, dr); err != nil {
				t.Fatalf("%v/%d: %v", id, n, err)
			}
			if !bytes.Equal(got.Bytes(), pt) {
				t.Fatalf("%v/%d: plaintext differs", id, n)
			}
			if !s.Signed() {
				continue
			}
			bad := bytes.Clone(msg)
			bad[len(bad)-1] ^= 1
			dr, err = NewDecrypter(bytes.NewReader(bad), dp)
			if err != nil {
				t.Fatal(err)
			}
			got.Reset()
			_, err = io.Copy(&got, dr)
			if !errors.Is(err, ErrAuthentication) && !errors.Is(err, ErrMalformed) {
				t.Fatalf("%v/%d: tampered signature: %v", id, n, err)
			}
			full := max(0, (n-1)/4096) * 4096
			if got.Len() > full || !bytes.Equal(got.Bytes(), pt[:got.Len()]) {
				t.Fatalf("%v/%d: %d bytes released before the signature check", id, n, got.Len())
			}
		}
	}
}
