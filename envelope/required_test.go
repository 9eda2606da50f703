package envelope

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"io"
	"maps"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/esdk"
)

// Required encryption context keys: authenticated, not stored, and needed
// on decrypt (framework/required-encryption-context-cmm.md).
func TestClientRequiredEncryptionContext(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	ec := map[string]string{"tenant": "t-1", "purpose": "lab-results", "zone": "z-9"}
	pt := bytes.Repeat([]byte("record "), 700)
	for _, suite := range []esdk.SuiteID{0, AES_256_GCM_HKDF_SHA512_COMMIT_KEY, AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384, AES_128_GCM_IV12_TAG16_NO_KDF} {
		opts := func(o *Options) {
			o.Suite = suite
			o.FrameLength = 1000
			o.RequiredEncryptionContextKeys = []string{"tenant", "zone", "tenant"}
			if suite != 0 && suite < 0x0400 {
				o.CommitmentPolicy = ForbidEncryptAllowDecrypt
			}
		}
		c, _ := newClient(t, k, opts)
		msg, err := c.Encrypt(ctxBG, pt, ec)
		if err != nil {
			t.Fatalf("%v: %v", suite, err)
		}
		var stream bytes.Buffer
		w, err := c.EncryptWriter(ctxBG, &stream, ec)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(pt); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		for _, m := range [][]byte{msg, stream.Bytes()} {
			h, _, err := esdk.ParseHeader(m)
			if err != nil {
				t.Fatal(err)
			}
			stored := maps.Clone(h.EncryptionContext)
			delete(stored, esdk.PublicKeyContextKey)
			if !maps.Equal(stored, map[string]string{"purpose": "lab-results"}) {
				t.Fatalf("%v: the header stores %v", suite, stored)
			}
			// The whole context, or just the required pairs, decrypt.
			for _, exp := range []map[string]string{ec, {"tenant": "t-1", "zone": "z-9"}} {
				got, err := c.Decrypt(ctxBG, m, exp)
				if err != nil || !bytes.Equal(got, pt) {
					t.Fatalf("%v: Decrypt(%v): %v", suite, exp, err)
				}
				r, err := c.DecryptReader(ctxBG, bytes.NewReader(m), exp)
				if err != nil {
					t.Fatal(err)
				}
				if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, pt) {
					t.Fatalf("%v: DecryptReader: %v", suite, err)
				}
			}
			// A client without the option decrypts it too when given the pairs
			// (as another SDK's default CMM would).
			plain, _ := newClient(t, k, func(o *Options) { o.CommitmentPolicy = RequireEncryptAllowDecrypt })
			if got, err := plain.Decrypt(ctxBG, m, ec); err != nil || !bytes.Equal(got, pt) {
				t.Fatalf("%v: client without required keys: %v", suite, err)
			}
			// ... and refuses it without them (nothing tells a missing
			// pair from tampering)...
			if _, err := plain.Decrypt(ctxBG, m, map[string]string{"purpose": "lab-results"}); !errors.Is(err, hipaa.ErrTampered) && !errors.Is(err, ErrNoDataKey) {
				t.Fatalf("%v: without the required pairs: %v", suite, err)
			}
			// ... or with some of them, another value or one more: the
			// unstored pairs join the keyring's context and the header
			// authentication, and their failure is reported as such.
			for _, exp := range []map[string]string{
				{"tenant": "t-1"},
				{"tenant": "t-1", "zone": "z-8"},
				{"tenant": "t-1", "zone": "z-9", "extra": "x"},
			} {
				_, err := plain.Decrypt(ctxBG, m, exp)
				if !errors.Is(err, ErrEncryptionContext) || !(errors.Is(err, hipaa.ErrTampered) || errors.Is(err, ErrNoDataKey)) {
					t.Fatalf("%v: expected %v: %v", suite, exp, err)
				}
			}
			// The configured client refuses an expected context without a
			// required key before any key is used.
			if _, err := c.Decrypt(ctxBG, m, map[string]string{"tenant": "t-1"}); !errors.Is(err, ErrEncryptionContext) {
				t.Fatalf("missing required key: %v", err)
			}
			if _, err := c.DecryptReader(ctxBG, bytes.NewReader(m), map[string]string{"zone": "z-9"}); !errors.Is(err, ErrEncryptionContext) {
				t.Fatalf("missing required key (stream): %v", err)
			}
			// A stored pair with another value is refused as such.
			if _, err := c.Decrypt(ctxBG, m, map[string]string{"tenant": "t-1", "zone": "z-9", "purpose": "x"}); !errors.Is(err, ErrEncryptionContext) {
				t.Fatalf("stored pair differs: %v", err)
			}
		}
		// Encrypt refuses a context without a required key.
		if _, err := c.Encrypt(ctxBG, pt, map[string]string{"tenant": "t-1"}); !errors.Is(err, ErrEncryptionContext) {
			t.Fatalf("encrypt without a required key: %v", err)
		}
	}
	// An expected context that cannot be serialized is the caller's error.
	c, _ := newClient(t, k)
	if _, err := c.Decrypt(ctxBG, []byte("x"), map[string]string{"k": "\xff"}); !errors.Is(err, ErrEncryptionContext) || errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("invalid UTF-8 in the expected context: %v", err)
	}
	// Reserved keys cannot be required.
	pol := &hipaa.Policy{Auditor: hipaatest.NewRecorder()}
	if _, err := New(pol, k, func(o *Options) { o.RequiredEncryptionContextKeys = []string{esdk.PublicKeyContextKey} }); !errors.Is(err, ErrConfig) {
		t.Fatalf("reserved required key: %v", err)
	}
}

// Decrypt refuses an unsigned suite whose header carries the verification
// key, and a signed suite whose header lacks it (framework/default-cmm.md,
// Decrypt Materials).
func TestClientPublicKeyContext(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	priv, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := esdk.EncodePublicKey(&priv.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	build := func(suite esdk.SuiteID, ec map[string]string, sign bool) []byte {
		t.Helper()
		m, err := NewEncryptionMaterials(suite, ec)
		if err != nil {
			t.Fatal(err)
		}
		out, err := k.OnEncrypt(ctxBG, m)
		if err != nil {
			t.Fatal(err)
		}
		p := esdk.EncryptParams{Suite: out.suite, DataKey: out.dataKey, EncryptedDataKeys: out.edks, EncryptionContext: out.ec}
		if sign {
			p.SigningKey = priv
		}
		msg, err := esdk.Encrypt(p, []byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		return msg
	}
	c, _ := newClient(t, k)
	unsignedWithKey := build(AES_256_GCM_HKDF_SHA512_COMMIT_KEY, map[string]string{"a": "b", esdk.PublicKeyContextKey: pub}, false)
	if _, err := c.Decrypt(ctxBG, unsignedWithKey, map[string]string{}); !errors.Is(err, ErrEncryptionContext) {
		t.Fatalf("unsigned suite with %s: %v", esdk.PublicKeyContextKey, err)
	}
	signedWithoutKey := build(AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384, map[string]string{"a": "b"}, true)
	if _, err := c.Decrypt(ctxBG, signedWithoutKey, map[string]string{}); !errors.Is(err, ErrEncryptionContext) {
		t.Fatalf("signed suite without %s: %v", esdk.PublicKeyContextKey, err)
	}
	if _, err := c.DecryptReader(ctxBG, bytes.NewReader(signedWithoutKey), map[string]string{}); !errors.Is(err, ErrEncryptionContext) {
		t.Fatalf("signed suite without %s (stream): %v", esdk.PublicKeyContextKey, err)
	}
	// The same messages, well formed, decrypt.
	good := build(AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384, map[string]string{"a": "b", esdk.PublicKeyContextKey: pub}, true)
	if _, err := c.Decrypt(ctxBG, good, map[string]string{"a": "b"}); err != nil {
		t.Fatal(err)
	}
}
