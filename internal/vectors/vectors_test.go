package vectors

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const netDir = "../../envelope/testdata/net-4.0.x/v4-Net-4.0.1/"

// aTest is a message of the .NET 4.0.1 set decrypted by the raw aes-256 key.
const aTest = "0014-ec_len_2-cmm_Default-db7da351-35ca-49a5-8355-9e99b9630285"

// fixture writes a manifest beside copies of the .NET 4.0.1 keys, the
// plaintext and one ciphertext, and returns its path.
func fixture(t testing.TB, manifest string) string {
	t.Helper()
	dir := t.TempDir()
	for _, rel := range []string{"keys.json", "plaintexts/small", "ciphertexts/" + aTest} {
		b, err := os.ReadFile(netDir + rel)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, rel), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, "manifest.json")
	if err := os.WriteFile(p, []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const aesKey = `{"type": "raw", "key": "aes-256", "provider-id": "aws-raw-vectors-persistant", "encryption-algorithm": "aes"}`
const ec = `{"key1": "val1", "key2": "val2"}`

func manifestV(version string, tests string) string {
	return `{"manifest": {"type": "awses-decrypt", "version": ` + version + `}, "keys": "file://keys.json", "tests": {` + tests + `}}`
}

func TestRunVersions(t *testing.T) {
	ct := `"ciphertext": "file://ciphertexts/` + aTest + `"`
	for _, tc := range []struct {
		name, manifest          string
		passed, failed, skipped int
	}{
		{"v2 result output", manifestV("2", `"a": {`+ct+`, "master-keys": [`+aesKey+`], "encryption-context": `+ec+`, "result": {"output": {"plaintext": "file://plaintexts/small"}}}`), 1, 0, 0},
		{"v3 plaintext field", manifestV("3", `"a": {`+ct+`, "plaintext": "file://plaintexts/small", "master-keys": [`+aesKey+`], "encryption-context": `+ec+`}`), 1, 0, 0},
		{"v4 keyrings", manifestV("4", `"a": {`+ct+`, "keyrings": [`+aesKey+`], "encryption-context": `+ec+`, "result": {"output": {"plaintext": "file://plaintexts/small"}}}`), 1, 0, 0},
		{"expected error, wrong context", manifestV("4", `"a": {`+ct+`, "master-keys": [`+aesKey+`], "encryption-context": {"key1": "other"}, "result": {"error": {"error-description": "x"}}}`), 1, 0, 0},
		{"expected error but decrypts", manifestV("4", `"a": {`+ct+`, "master-keys": [`+aesKey+`], "encryption-context": `+ec+`, "result": {"error": {"error-description": "x"}}}`), 0, 1, 0},
		{"wrong plaintext", manifestV("4", `"a": {`+ct+`, "master-keys": [`+aesKey+`], "encryption-context": `+ec+`, "result": {"output": {"plaintext": "file://keys.json"}}}`), 0, 1, 0},
		{"missing ciphertext", manifestV("4", `"a": {"ciphertext": "file://ciphertexts/none", "master-keys": [`+aesKey+`], "result": {"output": {"plaintext": "file://plaintexts/small"}}}`), 0, 1, 0},
		{"kms skipped", manifestV("4", `"a": {`+ct+`, "master-keys": [{"type": "aws-kms", "key": "k"}, `+aesKey+`], "result": {"output": {"plaintext": "file://plaintexts/small"}}}`), 0, 0, 1},
		{"v5 required ec cmm", manifestV("5", `"a": {"decryption-scenario": {"type": "positive-esdk", `+ct+`, "result": "file://plaintexts/small", "reproduced-encryption-context": `+ec+`,
			"decryptKeyDescription": {"type": "required-encryption-context-cmm", "requiredEncryptionContextKeys": ["key1"], "underlying": {"type": "multi-keyring", "generator": `+aesKey+`, "childKeyrings": []}}}}`), 1, 0, 0},
		{"v5 negative", manifestV("5", `"a": {"decryption-scenario": {"type": "negative-esdk", `+ct+`, "reproduced-encryption-context": {"key1": "other"}, "decryptKeyDescription": `+aesKey+`}}`), 1, 0, 0},
		{"v5 kms", manifestV("5", `"a": {"decryption-scenario": {"type": "positive-esdk", `+ct+`, "result": "file://plaintexts/small", "decryptKeyDescription": {"type": "aws-kms-mrk-aware", "key": "k"}}}`), 0, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Run(context.Background(), fixture(t, tc.manifest), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Passed != tc.passed || rep.Failed != tc.failed || rep.Skipped != tc.skipped {
				t.Fatalf("%d/%d/%d, want %d/%d/%d: %+v", rep.Passed, rep.Failed, rep.Skipped, tc.passed, tc.failed, tc.skipped, rep.Results)
			}
			for _, r := range rep.Results {
				if strings.Contains(r.Reason, "val1") || strings.Contains(r.Reason, "other") {
					t.Errorf("reason %q holds a context value", r.Reason)
				}
			}
		})
	}
}

func TestRunBadManifests(t *testing.T) {
	ct := `"ciphertext": "file://ciphertexts/` + aTest + `"`
	ok := `"result": {"output": {"plaintext": "file://plaintexts/small"}}`
	for name, m := range map[string]string{
		"not json":           `{`,
		"wrong type":         `{"manifest": {"type": "keys", "version": 4}}`,
		"version 1":          manifestV("1", ""),
		"version 6":          manifestV("6", ""),
		"no keys":            `{"manifest": {"type": "awses-decrypt", "version": 4}, "tests": {}}`,
		"keys escape":        `{"manifest": {"type": "awses-decrypt", "version": 4}, "keys": "file://../keys.json", "tests": {}}`,
		"keys absolute":      `{"manifest": {"type": "awses-decrypt", "version": 4}, "keys": "file:///etc/passwd", "tests": {}}`,
		"keys https":         `{"manifest": {"type": "awses-decrypt", "version": 4}, "keys": "https://example.com/k", "tests": {}}`,
		"keys is manifest":   `{"manifest": {"type": "awses-decrypt", "version": 4}, "keys": "file://manifest.json", "tests": {}}`,
		"ciphertext escapes": manifestV("4", `"a": {"ciphertext": "file://../../x", "master-keys": [`+aesKey+`], `+ok+`}`),
		"unknown key":        manifestV("4", `"a": {`+ct+`, "master-keys": [{"type": "raw", "key": "nope", "encryption-algorithm": "aes"}], `+ok+`}`),
		"unknown algorithm":  manifestV("4", `"a": {`+ct+`, "master-keys": [{"type": "raw", "key": "aes-256", "encryption-algorithm": "des"}], `+ok+`}`),
		"unknown type":       manifestV("4", `"a": {`+ct+`, "master-keys": [{"type": "gcp-kms"}], `+ok+`}`),
		"no keys listed":     manifestV("4", `"a": {`+ct+`, `+ok+`}`),
		"no result":          manifestV("4", `"a": {`+ct+`, "master-keys": [`+aesKey+`]}`),
		"v5 no scenario":     manifestV("5", `"a": {}`),
		"v5 bad result":      manifestV("5", `"a": {"decryption-scenario": {"type": "positive-esdk", `+ct+`, "result": 7, "decryptKeyDescription": `+aesKey+`}}`),
		"v5 unknown type":    manifestV("5", `"a": {"decryption-scenario": {"type": "positive-keyring", `+ct+`, "decryptKeyDescription": `+aesKey+`}}`),
		"deep nesting":       manifestV("5", `"a": {"decryption-scenario": {"type": "negative-esdk", `+ct+`, "decryptKeyDescription": `+strings.Repeat(`{"type": "multi-keyring", "generator": `, 20)+aesKey+strings.Repeat(`}`, 20)+`}}`),
		"rsa padding":        manifestV("4", `"a": {`+ct+`, "master-keys": [{"type": "raw", "key": "aes-256", "encryption-algorithm": "rsa", "padding-algorithm": "none"}], `+ok+`}`),
	} {
		t.Run(name, func(t *testing.T) {
			rep, err := Run(context.Background(), fixture(t, m), Options{})
			var me *ManifestError
			if !errors.Is(err, ErrManifest) || !errors.As(err, &me) || rep != nil {
				t.Fatalf("err %v, report %v; want a *ManifestError", err, rep)
			}
		})
	}
	if _, err := Run(context.Background(), filepath.Join(t.TempDir(), "none.json"), Options{}); !errors.Is(err, ErrManifest) {
		t.Errorf("missing manifest: %v", err)
	}
	big := fixture(t, manifestV("4", ""))
	if _, err := Run(context.Background(), big, Options{MaxManifestBytes: 16}); !errors.Is(err, ErrManifest) {
		t.Errorf("oversized manifest: %v", err)
	}
}

func TestRunCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, netDir+"manifest.json", Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}

func TestOutcomeString(t *testing.T) {
	for o, want := range map[Outcome]string{Passed: "passed", Failed: "failed", Skipped: "skipped", 0: "Outcome(0)"} {
		if o.String() != want {
			t.Errorf("%d: %q", int(o), o.String())
		}
	}
}

// FuzzManifest runs arbitrary manifests: Run must return a report or an
// error, never panic.
func FuzzManifest(f *testing.F) {
	ct := `"ciphertext": "file://ciphertexts/` + aTest + `"`
	f.Add(manifestV("4", `"a": {`+ct+`, "master-keys": [`+aesKey+`], "encryption-context": `+ec+`, "result": {"output": {"plaintext": "file://plaintexts/small"}}}`))
	f.Add(manifestV("5", `"a": {"decryption-scenario": {"type": "negative-esdk", `+ct+`, "decryptKeyDescription": {"type": "multi-keyring", "childKeyrings": [`+aesKey+`]}}}`))
	f.Add(manifestV("3", `"a": {`+ct+`, "plaintext": "file://plaintexts/small", "master-keys": [{"type": "aws-kms", "key": "k"}]}`))
	f.Fuzz(func(t *testing.T, m string) {
		rep, err := Run(context.Background(), fixture(t, m), Options{})
		if (rep == nil) == (err == nil) {
			t.Fatalf("report %v and error %v", rep, err)
		}
		if err != nil && !errors.Is(err, ErrManifest) {
			t.Fatalf("error %v does not wrap ErrManifest", err)
		}
	})
}
