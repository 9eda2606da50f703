package main

import (
	"bytes"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/phisafe/phisafe/internal/esdk"
)

func TestEncryptDecryptFiles(t *testing.T) {
	dir, keyFile := keyFileDir(t)
	pt := make([]byte, 100_000)
	_, _ = rand.Read(pt)
	in, ct, out := filepath.Join(dir, "in"), filepath.Join(dir, "ct"), filepath.Join(dir, "out")
	if err := os.WriteFile(in, pt, 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := run(args, strings.NewReader(""), &stdout, &stderr)
		return code, stderr.String()
	}
	if code, msg := run("encrypt", "-key-file", keyFile, "-context", "tenant=t-1", "-in", in, "-out", ct); code != 0 {
		t.Fatalf("encrypt: %d %s", code, msg)
	}
	if code, msg := run("decrypt", "-key-file", keyFile, "-context", "tenant=t-1", "-in", ct, "-out", out); code != 0 {
		t.Fatalf("decrypt: %d %s", code, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("round trip: %v", err)
	}

	// encrypt writes the committing unsigned suite by default; -suite
	// 0x0578 signs.
	if head, _ := os.ReadFile(ct); len(head) < 3 || head[0] != 2 || head[1] != 0x04 || head[2] != 0x78 {
		t.Fatalf("default suite: header starts % x", head[:min(3, len(head))])
	}
	signed := filepath.Join(dir, "signed")
	if code, msg := run("encrypt", "-suite", "0x0578", "-key-file", keyFile, "-context", "tenant=t-1", "-in", in, "-out", signed); code != 0 {
		t.Fatalf("encrypt -suite 0x0578: %d %s", code, msg)
	}

	// A wrong expected context, and a tampered message: exit 1 and no
	// output file left behind (not even a temporary one).
	msg, _ := os.ReadFile(ct)
	msg[len(msg)/2] ^= 1
	bad := filepath.Join(dir, "bad")
	if err := os.WriteFile(bad, msg, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{
		"tampered":      {"decrypt", "-key-file", keyFile, "-context", "tenant=t-1", "-in", bad, "-out", filepath.Join(dir, "never")},
		"wrong context": {"decrypt", "-key-file", keyFile, "-context", "tenant=t-2", "-in", ct, "-out", filepath.Join(dir, "never")},
		"no key":        {"decrypt", "-context", "tenant=t-1", "-in", ct, "-out", filepath.Join(dir, "never")},
		"unsigned-only": {"decrypt", "-unsigned-only", "-key-file", keyFile, "-context", "tenant=t-1", "-in", signed, "-out", filepath.Join(dir, "never")},
		"PHI context":   {"encrypt", "-key-file", keyFile, "-context", "patient=john_smith_dob_1980-01-02", "-in", in, "-out", filepath.Join(dir, "never")},
	} {
		code, stderr := run(args...)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1 (%s)", name, code, stderr)
		}
		if strings.Contains(stderr, "john_smith") {
			t.Errorf("%s: the error repeats the context value", name)
		}
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), "never") {
			t.Fatalf("a failed run left %s behind", e.Name())
		}
	}
}

// TestDecryptTamperedSignedToStdout: a signed message altered anywhere, its
// signature included, releases 0 bytes to standard output (decrypt holds a
// signed message's plaintext until its signature verifies); a signed
// message over -max-buffer is refused with 0 bytes, unless
// -allow-unverified-streaming, which the audit records as an override.
func TestDecryptTamperedSignedToStdout(t *testing.T) {
	_, keyFile := keyFileDir(t)
	pt := make([]byte, 20_000)
	_, _ = rand.Read(pt)
	var msg bytes.Buffer
	var stderr bytes.Buffer
	if code := run([]string{"encrypt", "-suite", "0x0578", "-key-file", keyFile, "-context", "tenant=t-1"}, bytes.NewReader(pt), &msg, &stderr); code != 0 {
		t.Fatalf("encrypt: %s", stderr.String())
	}
	decrypt := func(m []byte, extra ...string) (int, int, string) {
		var stdout, stderr bytes.Buffer
		args := append([]string{"decrypt", "-key-file", keyFile, "-context", "tenant=t-1"}, extra...)
		code := run(args, bytes.NewReader(m), &stdout, &stderr)
		return code, stdout.Len(), stderr.String()
	}
	if code, n, _ := decrypt(msg.Bytes()); code != 0 || n != len(pt) {
		t.Fatalf("untampered: exit %d, %d bytes", code, n)
	}
	_, hn, err := envelopeHeaderLen(msg.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// One bit flipped in each region after the header: frame 1, frame 2,
	// the final frame, the signature; and the footer cut off.
	for name, at := range map[string]int{"frame 1": hn + 100, "frame 2": hn + 4096 + 100, "final frame": msg.Len() - 200, "signature": msg.Len() - 5} {
		m := bytes.Clone(msg.Bytes())
		m[at] ^= 0x01
		if code, n, _ := decrypt(m); code != 1 || n != 0 {
			t.Errorf("%s: exit %d, released %d bytes to stdout", name, code, n)
		}
	}
	if code, n, _ := decrypt(msg.Bytes()[:msg.Len()-50]); code != 1 || n != 0 {
		t.Errorf("cut footer: exit %d, released %d bytes", code, n)
	}
	if code, n, errText := decrypt(msg.Bytes(), "-max-buffer", "10000"); code != 1 || n != 0 || !strings.Contains(errText, "MaxStreamBuffer") {
		t.Errorf("over -max-buffer: exit %d, %d bytes (%s)", code, n, errText)
	}
	code, n, errText := decrypt(msg.Bytes(), "-max-buffer", "10000", "-allow-unverified-streaming")
	if code != 0 || n != len(pt) || !strings.Contains(errText, `"outcome":"override"`) || !strings.Contains(errText, "AllowUnverifiedStreaming") {
		t.Errorf("-allow-unverified-streaming: exit %d, %d bytes, audit %s", code, n, errText)
	}
}

// envelopeHeaderLen returns the header length of an ESDK message.
func envelopeHeaderLen(m []byte) (int, int, error) {
	h, n, err := esdk.ParseHeader(m)
	if err != nil {
		return 0, 0, err
	}
	return int(h.FrameLength), n, nil
}

// keyFileDir returns a temporary directory holding a random raw wrapping
// key file, and that file's path.
func keyFileDir(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "wrap.key")
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	if err := os.WriteFile(keyFile, key, 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, keyFile
}
