package envelope

import (
	"bytes"
	"context"
	"crypto/fips140"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"errors"
	"sync"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/internal/esdk"
)

var ctxBG = context.Background()

func randKey(t testing.TB, n int) []byte {
	t.Helper()
	k := make([]byte, n)
	if _, err := rand.Read(k); err != nil {
		t.Fatal(err)
	}
	return k
}

var (
	rsaOnce sync.Once
	rsaKey  *rsa.PrivateKey
)

func testRSAKey(t testing.TB) *rsa.PrivateKey {
	t.Helper()
	rsaOnce.Do(func() {
		var err error
		rsaKey, err = rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
	})
	return rsaKey
}

// wrap runs OnEncrypt on fresh materials and returns them.
func wrap(t *testing.T, k Keyring, suite esdk.SuiteID, ec map[string]string) *EncryptionMaterials {
	t.Helper()
	em, err := NewEncryptionMaterials(suite, ec)
	if err != nil {
		t.Fatal(err)
	}
	out, err := k.OnEncrypt(ctxBG, em)
	if err != nil {
		t.Fatalf("OnEncrypt: %v", err)
	}
	if em.HasDataKey() || len(em.EncryptedDataKeys()) != 0 {
		t.Fatal("OnEncrypt modified its input")
	}
	return out
}

func unwrap(k Keyring, suite esdk.SuiteID, ec map[string]string, edks []esdk.EncryptedDataKey) (*DecryptionMaterials, error) {
	dm, err := NewDecryptionMaterials(suite, ec)
	if err != nil {
		return nil, err
	}
	return k.OnDecrypt(ctxBG, dm, edks)
}

func TestRawAESKeyringRoundTrip(t *testing.T) {
	ec := map[string]string{"tenant": "t-1", "purpose": "test"}
	for _, n := range []int{16, 24, 32} {
		for _, suite := range []esdk.SuiteID{0x0014, 0x0178, 0x0478, 0x0578} {
			k, err := NewRawAESKeyring("ns", "key-a", randKey(t, n))
			if err != nil {
				t.Fatal(err)
			}
			em := wrap(t, k, suite, ec)
			edks := em.EncryptedDataKeys()
			if len(edks) != 1 || edks[0].ProviderID != "ns" {
				t.Fatalf("edks = %+v", edks)
			}
			info := edks[0].ProviderInfo
			want := append([]byte("key-a"), 0, 0, 0, 128, 0, 0, 0, 12)
			if len(info) != len(want)+12 || !bytes.Equal(info[:len(want)], want) {
				t.Fatalf("provider info %x", info)
			}
			if got := len(edks[0].Ciphertext); got != em.suite.DataKeyLen+16 {
				t.Fatalf("ciphertext length %d", got)
			}
			dm, err := unwrap(k, suite, ec, edks)
			if err != nil {
				t.Fatalf("OnDecrypt: %v", err)
			}
			if !sameDataKey(em, dm) {
				t.Fatal("data keys differ")
			}
			// Already holding a key: refused.
			if _, err := k.OnDecrypt(ctxBG, dm, edks); err == nil {
				t.Fatal("OnDecrypt accepted materials that hold a data key")
			}
		}
	}
}

func TestRawAESKeyringFailures(t *testing.T) {
	key := randKey(t, 32)
	k, _ := NewRawAESKeyring("ns", "key-a", key)
	ec := map[string]string{"tenant": "t-1"}
	em := wrap(t, k, 0x0578, ec)
	edks := em.EncryptedDataKeys()

	other, _ := NewRawAESKeyring("ns", "key-a", randKey(t, 32))
	if _, err := unwrap(other, 0x0578, ec, edks); !errors.Is(err, ErrNoDataKey) || !errors.Is(err, hipaa.ErrTampered) {
		t.Errorf("wrong key: %v", err)
	}
	if _, err := unwrap(k, 0x0578, map[string]string{"tenant": "t-2"}, edks); !errors.Is(err, hipaa.ErrTampered) {
		t.Errorf("wrong context: %v", err)
	}
	if _, err := unwrap(k, 0x0578, nil, edks); !errors.Is(err, hipaa.ErrTampered) {
		t.Errorf("missing context: %v", err)
	}
	otherName, _ := NewRawAESKeyring("ns", "key-b", key)
	if _, err := unwrap(otherName, 0x0578, ec, edks); !errors.Is(err, ErrNoDataKey) || errors.Is(err, hipaa.ErrTampered) {
		t.Errorf("other name: %v", err)
	}
	otherNS, _ := NewRawAESKeyring("ns2", "key-a", key)
	if _, err := unwrap(otherNS, 0x0578, ec, edks); !errors.Is(err, ErrNoDataKey) {
		t.Errorf("other namespace: %v", err)
	}
	// Every single-bit flip of the ciphertext or IV is refused.
	for _, field := range []string{"ciphertext", "iv"} {
		for i := 0; i < 8*len(edks[0].Ciphertext); i += 7 {
			bad := cloneEDKs(edks)
			b := bad[0].Ciphertext
			if field == "iv" {
				b = bad[0].ProviderInfo[len(bad[0].ProviderInfo)-12:]
				if i/8 >= len(b) {
					break
				}
			}
			b[i/8] ^= 1 << (i % 8)
			if _, err := unwrap(k, 0x0578, ec, bad); !errors.Is(err, ErrNoDataKey) {
				t.Fatalf("%s bit %d flipped: %v", field, i, err)
			}
		}
	}
	// Wrong tag length or IV length in the provider info: not ours.
	bad := cloneEDKs(edks)
	bad[0].ProviderInfo[len("key-a")+3] = 96
	if _, err := unwrap(k, 0x0578, ec, bad); !errors.Is(err, ErrNoDataKey) || errors.Is(err, hipaa.ErrTampered) {
		t.Errorf("tag length 96: %v", err)
	}
	// A data key of another suite's length is refused.
	if _, err := unwrap(k, 0x0014, ec, edks); !errors.Is(err, ErrNoDataKey) {
		t.Errorf("suite with 16-byte keys: %v", err)
	}

	for _, n := range []int{0, 8, 15, 17, 31, 33, 64} {
		if _, err := NewRawAESKeyring("ns", "n", make([]byte, n)); !errors.Is(err, ErrConfig) {
			t.Errorf("key of %d bytes accepted: %v", n, err)
		}
	}
	if _, err := NewRawAESKeyring("aws-kms", "n", key); !errors.Is(err, ErrConfig) {
		t.Errorf("namespace aws-kms accepted: %v", err)
	}
	if _, err := NewRawAESKeyring("", "n", key); !errors.Is(err, ErrConfig) {
		t.Errorf("empty namespace accepted: %v", err)
	}
	if _, err := NewRawAESKeyring("ns", "", key); !errors.Is(err, ErrConfig) {
		t.Errorf("empty name accepted: %v", err)
	}
}

func TestRawAESKeyringCopiesKey(t *testing.T) {
	key := randKey(t, 32)
	k, _ := NewRawAESKeyring("ns", "n", key)
	em := wrap(t, k, 0x0478, nil)
	clear(key)
	if _, err := unwrap(k, 0x0478, nil, em.EncryptedDataKeys()); err != nil {
		t.Fatalf("keyring shares the caller's key slice: %v", err)
	}
}

// The keyring adds to a data key that is already present.
func TestRawAESKeyringWrapsExistingKey(t *testing.T) {
	k1, _ := NewRawAESKeyring("ns", "one", randKey(t, 16))
	k2, _ := NewRawAESKeyring("ns", "two", randKey(t, 24))
	em := wrap(t, k1, 0x0478, nil)
	em2, err := k2.OnEncrypt(ctxBG, em)
	if err != nil {
		t.Fatal(err)
	}
	if len(em2.EncryptedDataKeys()) != 2 || !bytes.Equal(em.dataKey, em2.dataKey) {
		t.Fatal("second keyring did not wrap the same key")
	}
	dm, err := unwrap(k2, 0x0478, nil, em2.EncryptedDataKeys())
	if err != nil || !sameDataKey(em, dm) {
		t.Fatalf("unwrap with the second keyring: %v", err)
	}
}

func TestRawRSAKeyring(t *testing.T) {
	priv := testRSAKey(t)
	ec := map[string]string{"tenant": "t-1"}
	for _, p := range []RSAPadding{OAEPSHA1, OAEPSHA256, OAEPSHA384, OAEPSHA512} {
		k, err := NewRawRSAKeyring("ns", "rsa-key", &priv.PublicKey, priv, p)
		if err != nil {
			t.Fatal(err)
		}
		em, err := NewEncryptionMaterials(0x0578, ec)
		if err != nil {
			t.Fatal(err)
		}
		em, err = k.OnEncrypt(ctxBG, em)
		if fips140.Enabled() && p == OAEPSHA1 && err != nil {
			t.Logf("OAEP SHA-1 refused in FIPS mode: %v", err)
			continue
		}
		if err != nil {
			t.Fatalf("padding %d: OnEncrypt: %v", p, err)
		}
		edks := em.EncryptedDataKeys()
		if string(edks[0].ProviderInfo) != "rsa-key" || edks[0].ProviderID != "ns" {
			t.Fatalf("edk %+v", edks[0])
		}
		dm, err := unwrap(k, 0x0578, ec, edks)
		if err != nil || !sameDataKey(em, dm) {
			t.Fatalf("padding %d: OnDecrypt: %v", p, err)
		}
		// The RSA keyring does not bind the context (no AAD), but a
		// tampered ciphertext or another key fails.
		bad := cloneEDKs(edks)
		bad[0].Ciphertext[10] ^= 1
		if _, err := unwrap(k, 0x0578, ec, bad); !errors.Is(err, ErrNoDataKey) {
			t.Errorf("padding %d: tampered: %v", p, err)
		}
		decOnly, err := NewRawRSAKeyring("ns", "rsa-key", nil, priv, p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := decOnly.OnEncrypt(ctxBG, em); !errors.Is(err, ErrConfig) {
			t.Errorf("keyring without public key encrypted: %v", err)
		}
		encOnly, _ := NewRawRSAKeyring("ns", "rsa-key", &priv.PublicKey, nil, p)
		if _, err := unwrap(encOnly, 0x0578, ec, edks); !errors.Is(err, ErrConfig) {
			t.Errorf("keyring without private key decrypted: %v", err)
		}
		wrongPadding := OAEPSHA256
		if p == OAEPSHA256 {
			wrongPadding = OAEPSHA512
		}
		wp, _ := NewRawRSAKeyring("ns", "rsa-key", nil, priv, wrongPadding)
		if _, err := unwrap(wp, 0x0578, ec, edks); !errors.Is(err, ErrNoDataKey) {
			t.Errorf("padding %d decrypted with padding %d: %v", p, wrongPadding, err)
		}
	}
}

func TestRawRSAKeyringPKCS1(t *testing.T) {
	priv := testRSAKey(t)
	if _, err := NewRawRSAKeyring("ns", "n", &priv.PublicKey, priv, PKCS1v15DecryptOnly); !errors.Is(err, ErrConfig) {
		t.Fatalf("PKCS #1 v1.5 keyring with a public key accepted: %v", err)
	}
	k, err := NewRawRSAKeyring("ns", "n", nil, priv, PKCS1v15DecryptOnly)
	if err != nil {
		t.Fatal(err)
	}
	em, _ := NewEncryptionMaterials(0x0478, nil)
	if _, err := k.OnEncrypt(ctxBG, em); !errors.Is(err, ErrConfig) {
		t.Fatalf("PKCS #1 v1.5 encryption not refused: %v", err)
	}
	dataKey := randKey(t, 32)
	//lint:ignore SA1019 producing a legacy EDK for the decrypt-only test
	ct, err := rsa.EncryptPKCS1v15(rand.Reader, &priv.PublicKey, dataKey)
	if err != nil {
		// Under GODEBUG=fips140=only Go refuses PKCS #1 v1.5 altogether:
		// then there is no legacy EDK to make, and the refusal of
		// encryption above is what this mode can show.
		if fips140.Enforced() {
			return
		}
		t.Fatal(err)
	}
	edks := []esdk.EncryptedDataKey{{ProviderID: "ns", ProviderInfo: []byte("n"), Ciphertext: ct}}
	dm, err := unwrap(k, 0x0478, nil, edks)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dm.dataKey, dataKey) {
		t.Fatal("wrong data key")
	}
}

func TestRawRSAKeyringConfig(t *testing.T) {
	priv := testRSAKey(t)
	if _, err := NewRawRSAKeyring("ns", "n", nil, nil, OAEPSHA256); !errors.Is(err, ErrConfig) {
		t.Error("no keys accepted")
	}
	if _, err := NewRawRSAKeyring("aws-kms", "n", &priv.PublicKey, nil, OAEPSHA256); !errors.Is(err, ErrConfig) {
		t.Error("namespace aws-kms accepted")
	}
	if _, err := NewRawRSAKeyring("ns", "n", &priv.PublicKey, nil, 0); !errors.Is(err, ErrConfig) {
		t.Error("padding 0 accepted")
	}
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	if err == nil {
		if _, err := NewRawRSAKeyring("ns", "n", &small.PublicKey, nil, OAEPSHA256); !errors.Is(err, ErrConfig) {
			t.Error("1024-bit key accepted")
		}
	}
}

func TestMultiKeyring(t *testing.T) {
	gen, _ := NewRawAESKeyring("ns", "gen", randKey(t, 32))
	priv := testRSAKey(t)
	child, _ := NewRawRSAKeyring("ns", "child", &priv.PublicKey, priv, OAEPSHA256)
	child2, _ := NewRawAESKeyring("ns", "child2", randKey(t, 16))
	mk, err := NewMultiKeyring(gen, child, child2)
	if err != nil {
		t.Fatal(err)
	}
	ec := map[string]string{"a": "b"}
	em := wrap(t, mk, 0x0578, ec)
	edks := em.EncryptedDataKeys()
	if len(edks) != 3 {
		t.Fatalf("%d edks", len(edks))
	}
	for _, k := range []Keyring{gen, child, child2, mk} {
		dm, err := unwrap(k, 0x0578, ec, edks)
		if err != nil || !sameDataKey(em, dm) {
			t.Fatalf("unwrap: %v", err)
		}
	}
	// Decrypt-only multi-keyring of children, in which only the last can.
	stranger, _ := NewRawAESKeyring("ns", "stranger", randKey(t, 32))
	dec, _ := NewMultiKeyring(nil, stranger, child2)
	if dm, err := unwrap(dec, 0x0578, ec, edks); err != nil || !sameDataKey(em, dm) {
		t.Fatalf("children-only multi-keyring: %v", err)
	}
	// No child can: the error collects each failure.
	none, _ := NewMultiKeyring(nil, stranger)
	if _, err := unwrap(none, 0x0578, ec, edks); !errors.Is(err, ErrNoDataKey) {
		t.Fatalf("no keyring matches: %v", err)
	}
	// Without a generator and without a data key, encryption fails.
	em0, _ := NewEncryptionMaterials(0x0578, ec)
	if _, err := dec.OnEncrypt(ctxBG, em0); !errors.Is(err, ErrConfig) {
		t.Fatalf("multi-keyring without generator generated: %v", err)
	}
	// A child failing fails encryption.
	encOnly, _ := NewRawRSAKeyring("ns", "x", nil, priv, PKCS1v15DecryptOnly)
	failing, _ := NewMultiKeyring(gen, encOnly)
	if _, err := failing.OnEncrypt(ctxBG, em0); err == nil {
		t.Fatal("failing child ignored")
	}
	if _, err := NewMultiKeyring(nil); !errors.Is(err, ErrConfig) {
		t.Fatal("empty multi-keyring accepted")
	}
}

func TestMaterialsDoNotLeakKeys(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	em := wrap(t, k, 0x0578, nil)
	dk := bytes.Clone(em.dataKey)
	em.Zero()
	if bytes.Equal(em.dataKey, dk) {
		t.Fatal("Zero left the key")
	}
	_ = sha256.Sum256(dk)
}
