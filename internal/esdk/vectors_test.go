package esdk

import (
	"bytes"
	"crypto/ecdsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"strings"
	"testing"
	"testing/iotest"
)

type vectorFile struct {
	Tests []map[string]any `json:"tests"`
}

func loadVectors(t testing.TB, name string) []map[string]any {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var f vectorFile
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f.Tests
}

func b64(t testing.TB, v any) []byte {
	t.Helper()
	s, _ := v.(string)
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil {
		t.Fatalf("bad base64 %q: %v", s, err)
	}
	return b
}

// staticKey returns Materials that hand out a copy of key.
func staticKey(key []byte) func(*Header) ([]byte, *ecdsa.PublicKey, error) {
	return func(*Header) ([]byte, *ecdsa.PublicKey, error) {
		return append([]byte(nil), key...), nil, nil
	}
}

// decryptBoth decrypts msg with the buffer API and the streaming API (read
// one byte at a time) and checks that they agree.
func decryptBoth(t *testing.T, p DecryptParams, msg []byte) ([]byte, *Header, error) {
	t.Helper()
	pt, h, err := Decrypt(p, msg)
	spt, sh, serr := decryptStream(p, iotest.OneByteReader(bytes.NewReader(msg)))
	if (err == nil) != (serr == nil) {
		t.Fatalf("buffer API err %v, stream API err %v", err, serr)
	}
	if err != nil {
		for _, s := range []error{ErrMalformed, ErrAuthentication, ErrLimit, ErrUnsupportedSuite} {
			if errors.Is(err, s) != errors.Is(serr, s) {
				t.Fatalf("buffer API err %v, stream API err %v", err, serr)
			}
		}
		return nil, nil, err
	}
	if !bytes.Equal(pt, spt) || !bytes.Equal(h.Bytes(), sh.Bytes()) {
		t.Fatal("buffer and stream APIs disagree")
	}
	return pt, h, nil
}

func decryptStream(p DecryptParams, r io.Reader) ([]byte, *Header, error) {
	d, err := NewDecrypter(r, p)
	if err != nil {
		return nil, nil, err
	}
	pt, err := io.ReadAll(d)
	if err != nil {
		return nil, nil, err
	}
	return pt, d.Header(), nil
}

func TestCZeroKeyV1Vectors(t *testing.T) {
	tests := loadVectors(t, "c-zero-key-v1.json")
	ok := 0
	for _, tc := range tests {
		name := tc["name"].(string)
		t.Run(name, func(t *testing.T) {
			msg := b64(t, tc["ciphertext-b64"])
			key := b64(t, tc["data-key-b64"])
			p := DecryptParams{Materials: staticKey(key), AllowV1: true}
			pt, h, err := decryptBoth(t, p, msg)
			if err != nil {
				t.Fatal(err)
			}
			if want := b64(t, tc["plaintext-b64"]); !bytes.Equal(pt, want) {
				t.Fatalf("plaintext %q, want %q", pt, want)
			}
			if got := h.Suite.ID.String(); !strings.HasPrefix(name, "ALG_"+got+" ") {
				t.Fatalf("suite %s for %s", got, name)
			}
			// The default commitment policy refuses every v1 suite.
			if _, _, err := Decrypt(DecryptParams{Materials: staticKey(key)}, msg); !errors.Is(err, ErrUnsupportedSuite) {
				t.Fatalf("commitment policy: err %v", err)
			}
			ok++
		})
	}
	t.Logf("c-zero-key-v1: %d/%d decrypted", ok, len(tests))
}

func TestCommitmentVectors(t *testing.T) {
	tests := loadVectors(t, "commitment-kat.json")
	passed, refused := 0, 0
	for i, tc := range tests {
		t.Run(tc["comment"].(string), func(t *testing.T) {
			msg := b64(t, tc["ciphertext"])
			key := b64(t, tc["decrypted-dek"])
			pt, h, err := decryptBoth(t, DecryptParams{Materials: staticKey(key)}, msg)
			if tc["status"] != true {
				if !errors.Is(err, ErrAuthentication) {
					t.Fatalf("test %d: err %v, want ErrAuthentication", i, err)
				}
				refused++
				return
			}
			if err != nil {
				t.Fatalf("test %d: %v", i, err)
			}
			if frames, ok := tc["plaintext-frames"].([]any); ok {
				var want strings.Builder
				for _, f := range frames {
					want.WriteString(f.(string))
				}
				if string(pt) != want.String() {
					t.Fatalf("plaintext %q, want %q", pt, want.String())
				}
			}
			if !bytes.Equal(h.SuiteData, b64(t, tc["commitment"])) {
				t.Fatal("commitment differs")
			}
			if !bytes.Equal(h.MessageID, b64(t, tc["message-id"])) {
				t.Fatal("message id differs")
			}
			want := map[string]string{}
			for k, v := range tc["encryption-context"].(map[string]any) {
				want[k] = v.(string)
			}
			if !maps.Equal(h.EncryptionContext, want) {
				t.Fatalf("encryption context %v, want %v", h.EncryptionContext, want)
			}
			if hb, ok := tc["header"]; ok && !bytes.Equal(h.Bytes(), b64(t, hb)) {
				t.Fatal("header bytes differ")
			}
			// The derived content key matches the vector's.
			if cek, ok := tc["content-encryption-key"]; ok {
				enc, _, err := deriveKeys(h.Suite, key, h.MessageID)
				if err != nil || !bytes.Equal(enc, b64(t, cek)) {
					t.Fatal("derived content key differs")
				}
			}
			passed++
		})
	}
	t.Logf("commitment-kat: %d decrypted, %d refused, of %d", passed, refused, len(tests))
	if refused != 5 {
		t.Errorf("%d negative vectors refused, want 5", refused)
	}
}

func TestJSZeroKeyVectors(t *testing.T) {
	tests := loadVectors(t, "js-zero-key.json")
	for _, tc := range tests {
		name := tc["name"].(string)
		t.Run(name, func(t *testing.T) {
			msg := b64(t, tc["ciphertext-b64"])
			key := b64(t, tc["data-key-b64"])
			p := DecryptParams{Materials: staticKey(key), AllowV1: true, MaxEncryptedDataKeys: 3}
			pt, h, err := decryptBoth(t, p, msg)
			switch tc["expect"] {
			case "success":
				if err != nil {
					t.Fatal(err)
				}
				if want, ok := tc["plaintext-b64"]; ok && !bytes.Equal(pt, b64(t, want)) {
					t.Fatal("plaintext differs")
				}
				if ec, ok := tc["encryption-context"].(map[string]any); ok {
					for k, v := range ec {
						if h.EncryptionContext[k] != v.(string) {
							t.Fatalf("context %q differs", k)
						}
					}
				}
			case "failure-if-maxEncryptedDataKeys=3":
				if !errors.Is(err, ErrLimit) {
					t.Fatalf("err %v, want ErrLimit", err)
				}
				p.MaxEncryptedDataKeys = 4
				pt, _, err := decryptBoth(t, p, msg)
				if err != nil || !bytes.Equal(pt, b64(t, tc["plaintext-b64"])) {
					t.Fatalf("with limit 4: %v", err)
				}
			default:
				want := ErrMalformed
				if strings.Contains(name, "Signature") {
					want = ErrAuthentication
				}
				if !errors.Is(err, want) {
					t.Fatalf("err %v, want %v", err, want)
				}
			}
		})
	}
}
