package interop

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"strings"
	"testing"

	"github.com/phisafe/phisafe/envelope"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/interop/official"
)

const (
	namespace = "phisafe-interop"
	keyName   = "interop-key-1"
)

func wrappingKey(t testing.TB) []byte {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		t.Fatal(err)
	}
	return k
}

func phisafeClient(t testing.TB, key []byte, suite uint16, frame int) *envelope.Client {
	t.Helper()
	kr, err := envelope.NewRawAESKeyring(namespace, keyName, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := envelope.New(&hipaa.Policy{Auditor: hipaatest.NewRecorder()}, kr, func(o *envelope.Options) {
		o.Suite = envelope.SuiteID(suite)
		o.FrameLength = frame
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// contexts of several sizes; keys and values hold no PHI.
func contexts() map[string]map[string]string {
	many := map[string]string{}
	for i := range 16 {
		many[fmt.Sprintf("attr-%02d", i)] = fmt.Sprintf("value-%02d", i)
	}
	return map[string]map[string]string{
		"empty": {},
		"one":   {"tenant": "tenant-42"},
		"many":  many,
		"long":  {"purpose": "claims-archive", "blob": "v" + strings.Repeat("x", 2000)},
	}
}

type plaintextCase struct {
	name string
	data []byte
}

func plaintexts(frame int) []plaintextCase {
	big := make([]byte, 3*frame+17)
	if frame == 1 {
		big = make([]byte, 300)
	}
	_, _ = rand.Read(big)
	return []plaintextCase{{"empty", []byte{}}, {"1-byte", []byte{0x42}}, {"frame-exact", bytes.Repeat([]byte{7}, frame)}, {"multi-frame", big}}
}

// TestInterop: each side decrypts what the other encrypted, for every
// committing suite, several frame sizes, context sizes, and empty and
// 1-byte plaintexts.
func TestInterop(t *testing.T) {
	key := wrappingKey(t)
	off, err := official.New(namespace, keyName, key)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	n := 0
	for _, suite := range []uint16{0x0478, 0x0578} {
		for _, frame := range []int{1, 512, 4096, 65536} {
			ours := phisafeClient(t, key, suite, frame)
			for ecName, ec := range contexts() {
				for _, pt := range plaintexts(frame) {
					name := fmt.Sprintf("%04x/frame-%d/ec-%s/%s", suite, frame, ecName, pt.name)
					// official → phisafe
					msg, err := off.Encrypt(suite, int64(frame), pt.data, ec)
					if err != nil {
						t.Fatalf("%s: official encrypt: %v", name, err)
					}
					got, err := ours.Decrypt(ctx, msg, ec)
					if err != nil || !bytes.Equal(got, pt.data) {
						t.Fatalf("%s: phisafe could not decrypt the official SDK's message: %v", name, err)
					}
					// phisafe → official
					msg, err = ours.Encrypt(ctx, pt.data, ec)
					if err != nil {
						t.Fatalf("%s: phisafe encrypt: %v", name, err)
					}
					got, err = off.Decrypt(msg, ec)
					if err != nil || !bytes.Equal(got, pt.data) {
						t.Fatalf("%s: the official SDK could not decrypt phisafe's message: %v", name, err)
					}
					n += 2
				}
			}
		}
	}
	t.Logf("%d cross-decryptions", n)
}

// TestInteropStreaming: phisafe's streaming writer and reader against the
// official SDK's whole-buffer API.
func TestInteropStreaming(t *testing.T) {
	key := wrappingKey(t)
	off, err := official.New(namespace, keyName, key)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ec := map[string]string{"tenant": "tenant-42"}
	pt := make([]byte, 1<<20+123)
	_, _ = rand.Read(pt)
	for _, suite := range []uint16{0x0478, 0x0578} {
		ours := phisafeClient(t, key, suite, 4096)
		var buf bytes.Buffer
		w, err := ours.EncryptWriter(ctx, &buf, ec)
		if err != nil {
			t.Fatal(err)
		}
		for rest := pt; len(rest) > 0; {
			n := min(len(rest), 10007)
			if _, err := w.Write(rest[:n]); err != nil {
				t.Fatal(err)
			}
			rest = rest[n:]
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		got, err := off.Decrypt(buf.Bytes(), ec)
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("%04x: official SDK could not decrypt phisafe's stream: %v", suite, err)
		}
		msg, err := off.Encrypt(suite, 4096, pt, ec)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ours.DecryptReader(ctx, bytes.NewReader(msg), ec)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if _, err := out.ReadFrom(r); err != nil || !bytes.Equal(out.Bytes(), pt) {
			t.Fatalf("%04x: phisafe's reader could not decrypt the official SDK's message: %v", suite, err)
		}
	}
}

// TestInteropWrongKey: neither side decrypts the other's message under a
// different wrapping key, so the tests above are not vacuous.
func TestInteropWrongKey(t *testing.T) {
	off, err := official.New(namespace, keyName, wrappingKey(t))
	if err != nil {
		t.Fatal(err)
	}
	ours := phisafeClient(t, wrappingKey(t), 0x0578, 4096)
	ec := map[string]string{"tenant": "tenant-42"}
	msg, err := off.Encrypt(0x0578, 4096, []byte("x"), ec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ours.Decrypt(context.Background(), msg, ec); err == nil {
		t.Fatal("phisafe decrypted with the wrong key")
	}
	msg, err = ours.Encrypt(context.Background(), []byte("x"), ec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := off.Decrypt(msg, ec); err == nil {
		t.Fatal("the official SDK decrypted with the wrong key")
	}
}
