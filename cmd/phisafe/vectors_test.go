package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const vecData = "../../envelope/testdata/"

func runVectors(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	code = run(append([]string{"vectors"}, args...), strings.NewReader(""), &out, &errw)
	return code, out.String(), errw.String()
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestVectorsCommand(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		last string
	}{
		{"dafny", []string{"--manifest", vecData + "dafny-4.1.0/decrypt-manifest.json"}, 0, "187 passed, 0 failed"},
		{"net-4.0.1", []string{"-manifest", vecData + "net-4.0.x/v4-Net-4.0.1/manifest.json"}, 0, "99 passed, 0 failed"},
		{"invalid set must fail header auth", []string{"-manifest", vecData + "net-4.0.x/invalid-Net-4.0.0/manifest.json", "-expect-header-auth-failure"}, 0, "28 passed, 0 failed"},
		{"invalid set as positive", []string{"-manifest", vecData + "net-4.0.x/invalid-Net-4.0.0/manifest.json"}, 1, "0 passed, 28 failed"},
		{"invalid set with the .NET 4.0.0 retry", []string{"-manifest", vecData + "net-4.0.x/invalid-Net-4.0.0/manifest.json", "-allow-net400-retry"}, 0, "28 passed, 0 failed"},
		{"strict policy refuses v1 suites", []string{"-policy", "RequireEncryptRequireDecrypt", "-manifest", vecData + "dafny-4.1.0/decrypt-manifest.json"}, 1, "34 passed, 153 failed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runVectors(t, tc.args...)
			if code != tc.code || lastLine(out) != tc.last {
				t.Fatalf("exit %d, last line %q (stderr %q), want %d, %q", code, lastLine(out), errs, tc.code, tc.last)
			}
			if n := strings.Count(out, "\n"); tc.code == 0 && n != 1 {
				t.Errorf("%d lines for a passing manifest, want 1", n)
			}
		})
	}
}

func TestVectorsUsage(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"-policy", "Lenient", "-manifest", vecData + "dafny-4.1.0/decrypt-manifest.json"},
		{"-manifest", vecData + "no-such-manifest.json"},
		{"-manifest", vecData + "dafny-4.1.0/keys.json"}, // a keys manifest, not awses-decrypt
		{"-manifest", vecData + "dafny-4.1.0/decrypt-manifest.json", "extra"},
		{"-no-such-flag"},
	} {
		if code, out, _ := runVectors(t, args...); code != 2 || out != "" {
			t.Errorf("%q: exit %d, stdout %q; want 2 and nothing", args, code, out)
		}
	}
}

// smallManifest writes, in a temp dir, a v4 manifest of the first n tests of
// the .NET 4.0.1 set, with their keys, ciphertexts and plaintexts, and
// returns its path and the test names (sorted).
func smallManifest(t *testing.T, n int) (string, []string) {
	t.Helper()
	src := vecData + "net-4.0.x/v4-Net-4.0.1/"
	b, err := os.ReadFile(src + "manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var tests map[string]struct {
		Ciphertext string `json:"ciphertext"`
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(m["tests"], &tests); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(m["tests"], &all); err != nil {
		t.Fatal(err)
	}
	var names []string
	for name := range tests {
		names = append(names, name)
	}
	sort.Strings(names)
	names = names[:n]
	dir := t.TempDir()
	copyFile := func(rel string) {
		data, err := os.ReadFile(src + rel)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, rel), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("keys.json")
	copyFile("plaintexts/small")
	kept := map[string]json.RawMessage{}
	for _, name := range names {
		copyFile(strings.TrimPrefix(tests[name].Ciphertext, "file://"))
		kept[name] = all[name]
	}
	m["tests"], _ = json.Marshal(kept)
	out, _ := json.Marshal(m)
	path := filepath.Join(dir, "manifest.json")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, names
}

func TestVectorsTamperedCiphertext(t *testing.T) {
	path, names := smallManifest(t, 3)
	if code, out, _ := runVectors(t, "-manifest", path); code != 0 || out != "3 passed, 0 failed\n" {
		t.Fatalf("copied manifest: exit %d, %q", code, out)
	}
	victim := names[1]
	ct := filepath.Join(filepath.Dir(path), "ciphertexts", victim)
	b, err := os.ReadFile(ct)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0x01
	if err := os.WriteFile(ct, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runVectors(t, "--manifest", path)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "FAIL "+victim+": ") || lines[1] != "2 passed, 1 failed" {
		t.Errorf("output %q, want one FAIL line naming %s and \"2 passed, 1 failed\"", out, victim)
	}
}

func TestVectorsKMSSkipped(t *testing.T) {
	path, names := smallManifest(t, 1)
	manifest := `{"manifest": {"type": "awses-decrypt", "version": 4}, "keys": "file://keys.json", "tests": {
		"raw": {"ciphertext": "file://ciphertexts/` + names[0] + `", "master-keys": [{"type": "raw", "key": "aes-256", "provider-id": "aws-raw-vectors-persistant", "encryption-algorithm": "aes"}],
			"encryption-context": {}, "result": {"output": {"plaintext": "file://plaintexts/small"}}},
		"kms": {"ciphertext": "file://ciphertexts/x", "master-keys": [{"type": "aws-kms", "key": "us-west-2-decryptable"}],
			"result": {"output": {"plaintext": "file://plaintexts/small"}}}}}`
	if err := os.WriteFile(path, []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runVectors(t, "-manifest", path); code != 0 || out != "1 passed, 0 failed, 1 skipped\n" {
		t.Errorf("exit %d, %q (stderr %q), want 0 and \"1 passed, 0 failed, 1 skipped\"", code, out, errs)
	}
}
