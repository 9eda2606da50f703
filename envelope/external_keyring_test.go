package envelope_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/phisafe/phisafe/envelope"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
)

// The keyrings below are written as a user of the module would write
// them: only envelope's exported names.

// countingKeyring delegates to inner and counts the calls.
type countingKeyring struct {
	inner    envelope.Keyring
	enc, dec atomic.Int64
}

func (k *countingKeyring) OnEncrypt(ctx context.Context, m *envelope.EncryptionMaterials) (*envelope.EncryptionMaterials, error) {
	k.enc.Add(1)
	return k.inner.OnEncrypt(ctx, m)
}

func (k *countingKeyring) OnDecrypt(ctx context.Context, m *envelope.DecryptionMaterials, edks []envelope.EncryptedDataKey) (*envelope.DecryptionMaterials, error) {
	k.dec.Add(1)
	return k.inner.OnDecrypt(ctx, m, edks)
}

// providerFilter passes on to inner only the encrypted data keys of one
// provider id, and remembers what it was offered and what it passed on.
type providerFilter struct {
	inner    envelope.Keyring
	provider string

	mu               sync.Mutex
	offered, passed  []string
	suites           []envelope.SuiteID
	sawContextTenant []string
}

func (k *providerFilter) OnEncrypt(ctx context.Context, m *envelope.EncryptionMaterials) (*envelope.EncryptionMaterials, error) {
	return k.inner.OnEncrypt(ctx, m)
}

func (k *providerFilter) OnDecrypt(ctx context.Context, m *envelope.DecryptionMaterials, edks []envelope.EncryptedDataKey) (*envelope.DecryptionMaterials, error) {
	var keep []envelope.EncryptedDataKey
	k.mu.Lock()
	for _, e := range edks {
		k.offered = append(k.offered, e.ProviderID)
		if e.ProviderID == k.provider {
			keep = append(keep, e)
			k.passed = append(k.passed, e.ProviderID)
		}
	}
	k.suites = append(k.suites, m.Suite())
	k.sawContextTenant = append(k.sawContextTenant, m.EncryptionContext()["tenant"])
	k.mu.Unlock()
	if len(keep) == 0 {
		return nil, errors.New("provider filter: no encrypted data key of the allowed provider")
	}
	return k.inner.OnDecrypt(ctx, m, keep)
}

// selfMadeKeyring tries to produce a data key without one of envelope's
// keyrings: it can only hand back materials without one.
type selfMadeKeyring struct{}

func (selfMadeKeyring) OnEncrypt(_ context.Context, m *envelope.EncryptionMaterials) (*envelope.EncryptionMaterials, error) {
	return m, nil
}

func (selfMadeKeyring) OnDecrypt(_ context.Context, m *envelope.DecryptionMaterials, _ []envelope.EncryptedDataKey) (*envelope.DecryptionMaterials, error) {
	return m, nil
}

func aesKeyring(t *testing.T, namespace string) envelope.Keyring {
	t.Helper()
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	k, err := envelope.NewRawAESKeyring(namespace, "key-1", key)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func newExternalClient(t *testing.T, k envelope.Keyring) *envelope.Client {
	t.Helper()
	c, err := envelope.New(&hipaa.Policy{Auditor: hipaatest.NewRecorder()}, k)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestExternalDelegatingKeyring: a keyring of another package that
// delegates to a raw AES keyring encrypts and decrypts, whole and
// streamed, through envelope.New.
func TestExternalDelegatingKeyring(t *testing.T) {
	ctx := context.Background()
	k := &countingKeyring{inner: aesKeyring(t, "ext")}
	c := newExternalClient(t, k)
	ec := map[string]string{"tenant": "t-1"}
	plaintext := bytes.Repeat([]byte("lab result "), 1000)

	msg, err := c.Encrypt(ctx, plaintext, ec)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := c.Decrypt(ctx, msg, ec); err != nil || !bytes.Equal(got, plaintext) {
		t.Fatalf("Decrypt: %v", err)
	}
	r, err := c.DecryptReader(ctx, bytes.NewReader(msg), ec)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, plaintext) {
		t.Fatalf("DecryptReader: %v", err)
	}

	var buf bytes.Buffer
	w, err := c.EncryptWriter(ctx, &buf, ec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(plaintext); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r, err = c.DecryptReader(ctx, &buf, ec)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, plaintext) {
		t.Fatalf("DecryptReader of EncryptWriter's message: %v", err)
	}
	if k.enc.Load() != 2 || k.dec.Load() != 3 {
		t.Fatalf("calls: OnEncrypt %d, OnDecrypt %d; want 2 and 3", k.enc.Load(), k.dec.Load())
	}

	// The inner keyring alone reads what the wrapper wrote: the wrapper
	// adds nothing to the message.
	if got, err := newExternalClient(t, k.inner).Decrypt(ctx, msg, ec); err != nil || !bytes.Equal(got, plaintext) {
		t.Fatalf("inner keyring Decrypt: %v", err)
	}

	// Materials built with the exported constructors, as a keyring test
	// outside the package would.
	em, err := envelope.NewEncryptionMaterials(envelope.AES_256_GCM_HKDF_SHA512_COMMIT_KEY, ec)
	if err != nil {
		t.Fatal(err)
	}
	out, err := k.OnEncrypt(ctx, em)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Zero()
	edks := out.EncryptedDataKeys()
	if !out.HasDataKey() || len(edks) != 1 || edks[0].ProviderID != "ext" || out.Suite() != envelope.AES_256_GCM_HKDF_SHA512_COMMIT_KEY {
		t.Fatalf("OnEncrypt: data key %v, %d EDKs", out.HasDataKey(), len(edks))
	}
	dm, err := envelope.NewDecryptionMaterials(out.Suite(), ec)
	if err != nil {
		t.Fatal(err)
	}
	got, err := k.OnDecrypt(ctx, dm, edks)
	if err != nil || !got.HasDataKey() {
		t.Fatalf("OnDecrypt: %v", err)
	}
	got.Zero()
}

// TestExternalFilteringKeyring: a keyring of another package that passes
// on only the encrypted data keys of one provider.
func TestExternalFilteringKeyring(t *testing.T) {
	ctx := context.Background()
	a, b := aesKeyring(t, "ns-a"), aesKeyring(t, "ns-b")
	both, err := envelope.NewMultiKeyring(a, b)
	if err != nil {
		t.Fatal(err)
	}
	ec := map[string]string{"tenant": "t-1"}
	msg, err := newExternalClient(t, both).Encrypt(ctx, []byte("lab result"), ec)
	if err != nil {
		t.Fatal(err)
	}

	// Filtering for ns-b in front of a keyring that holds both keys: only
	// ns-b's encrypted data key reaches it, and it decrypts.
	f := &providerFilter{inner: both, provider: "ns-b"}
	if got, err := newExternalClient(t, f).Decrypt(ctx, msg, ec); err != nil || string(got) != "lab result" {
		t.Fatalf("filtered Decrypt: %v", err)
	}
	if !slices.Equal(f.offered, []string{"ns-a", "ns-b"}) || !slices.Equal(f.passed, []string{"ns-b"}) {
		t.Fatalf("offered %v, passed %v", f.offered, f.passed)
	}
	if f.suites[0] != envelope.AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384 || f.sawContextTenant[0] != "t-1" {
		t.Fatalf("materials seen: suite %v, tenant %q", f.suites[0], f.sawContextTenant[0])
	}

	// Filtering for ns-b in front of the ns-a key alone: nothing it can
	// use gets through, so decryption fails, with the filter's error.
	fa := &providerFilter{inner: a, provider: "ns-b"}
	if _, err := newExternalClient(t, fa).Decrypt(ctx, msg, ec); err == nil {
		t.Fatal("filtered-out key decrypted")
	}
	// A filter that lets nothing through refuses even the matching key.
	none := &providerFilter{inner: both, provider: "aws-kms"}
	r, err := newExternalClient(t, none).DecryptReader(ctx, bytes.NewReader(msg), ec)
	if err == nil {
		_, err = io.ReadAll(r)
	}
	if err == nil {
		t.Fatal("filter letting nothing through decrypted")
	}
}

// TestExternalKeyringCannotMakeDataKey: a keyring of another package that
// does not delegate has no data key to give, and the Client refuses it.
func TestExternalKeyringCannotMakeDataKey(t *testing.T) {
	ctx := context.Background()
	c := newExternalClient(t, selfMadeKeyring{})
	if _, err := c.Encrypt(ctx, []byte("x"), nil); !errors.Is(err, envelope.ErrConfig) {
		t.Fatalf("Encrypt = %v, want ErrConfig", err)
	}
	msg, err := newExternalClient(t, aesKeyring(t, "ns")).Encrypt(ctx, []byte("x"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Decrypt(ctx, msg, map[string]string{}); !errors.Is(err, envelope.ErrConfig) {
		t.Fatalf("Decrypt = %v, want ErrConfig", err)
	}
}
