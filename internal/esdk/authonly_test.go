package esdk

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"maps"
	"testing"
)

// The encryption context to only authenticate (client-apis/encrypt.md):
// pairs included in the header authentication but not stored.
func TestAuthOnlyContext(t *testing.T) {
	authOnly := map[string]string{"tenant": "t-1", "zone": "z"}
	pt := []byte("authenticated, not stored")
	for _, s := range Suites() {
		for _, nonFramed := range []bool{false, true} {
			t.Run(fmt.Sprintf("%v/nonframed=%v", s.ID, nonFramed), func(t *testing.T) {
				ep, dp := params(t, s, 7, nonFramed)
				ep.AuthOnlyContext = authOnly
				msg, err := Encrypt(ep, pt)
				if err != nil {
					t.Fatal(err)
				}
				smsg := encryptStream(t, ep, pt, 3)
				h, _, err := ParseHeader(msg)
				if err != nil {
					t.Fatal(err)
				}
				if !maps.Equal(h.EncryptionContext, ep.EncryptionContext) {
					t.Fatalf("header stores %v, want only %v", h.EncryptionContext, ep.EncryptionContext)
				}

				ok := func(expected map[string]string) {
					t.Helper()
					p := dp
					p.AuthOnlyContext = expected
					for _, m := range [][]byte{msg, smsg} {
						got, _, err := decryptBoth(t, p, m)
						if err != nil || !bytes.Equal(got, pt) {
							t.Fatalf("expected %v: %v", expected, err)
						}
					}
				}
				fails := func(expected map[string]string) {
					t.Helper()
					p := dp
					p.AuthOnlyContext = expected
					if _, _, err := decryptBoth(t, p, msg); !errors.Is(err, ErrAuthentication) {
						t.Fatalf("expected %v: got %v, want ErrAuthentication", expected, err)
					}
				}
				ok(authOnly)
				// Stored pairs may be expected too, with their stored values.
				withStored := maps.Clone(authOnly)
				withStored["purpose"] = "test"
				ok(withStored)

				fails(nil)
				fails(map[string]string{"tenant": "t-1"})
				fails(map[string]string{"tenant": "t-2", "zone": "z"})
				fails(map[string]string{"tenant": "t-1", "zone": "z", "extra": "x"})
				fails(map[string]string{"tenant": "t-1", "zone": "z", "purpose": "other"})
			})
		}
	}
}

// A stored pair with a value other than the expected one is refused before
// the data key is asked for.
func TestAuthOnlyContextStoredMismatch(t *testing.T) {
	s, _ := LookupSuite(AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
	ep, dp := params(t, s, 0, false)
	msg, err := Encrypt(ep, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	dp.AuthOnlyContext = map[string]string{"purpose": "other"}
	dp.Materials = func(*Header) ([]byte, *ecdsa.PublicKey, error) {
		t.Fatal("Materials called")
		return nil, nil, nil
	}
	if _, _, err := Decrypt(dp, msg); !errors.Is(err, ErrAuthentication) {
		t.Fatalf("got %v, want ErrAuthentication", err)
	}
}

// Messages without pairs to only authenticate are unchanged: their header
// authentication covers the body alone, and an expected pair they do not
// store fails it.
func TestAuthOnlyContextAbsent(t *testing.T) {
	s, _ := LookupSuite(AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384)
	ep, dp := params(t, s, 0, false)
	msg, err := Encrypt(ep, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	ep.AuthOnlyContext = map[string]string{}
	msg2, err := Encrypt(ep, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range [][]byte{msg, msg2} {
		dp.AuthOnlyContext = map[string]string{}
		if _, _, err := decryptBoth(t, dp, m); err != nil {
			t.Fatal(err)
		}
		dp.AuthOnlyContext = map[string]string{"not": "stored"}
		if _, _, err := decryptBoth(t, dp, m); !errors.Is(err, ErrAuthentication) {
			t.Fatalf("got %v, want ErrAuthentication", err)
		}
	}
}

// Encrypt refuses a key both stored and only authenticated, and an
// invalid context to only authenticate.
func TestAuthOnlyContextEncryptErrors(t *testing.T) {
	s, _ := LookupSuite(AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
	ep, _ := params(t, s, 0, false)
	ep.AuthOnlyContext = map[string]string{"purpose": "test"}
	if _, err := Encrypt(ep, nil); err == nil {
		t.Fatal("overlapping key accepted")
	}
	ep.AuthOnlyContext = map[string]string{"bad": "\xff"}
	if _, err := Encrypt(ep, nil); !errors.Is(err, ErrMalformed) {
		t.Fatalf("invalid UTF-8: got %v", err)
	}
}
