package main

import (
	"bytes"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEncryptDecryptFiles(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "wrap.key")
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	if err := os.WriteFile(keyFile, key, 0o600); err != nil {
		t.Fatal(err)
	}
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
		"unsigned-only": {"decrypt", "-unsigned-only", "-key-file", keyFile, "-context", "tenant=t-1", "-in", ct, "-out", filepath.Join(dir, "never")},
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
