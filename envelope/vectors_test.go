package envelope

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/esdk"
)

// The interoperability vectors of testdata/ (see testdata/PROVENANCE.md):
// messages written by other AWS Encryption SDKs, decrypted here with the
// keyrings the manifests describe.

type vecKey struct {
	Type     string          `json:"type"`
	KeyID    string          `json:"key-id"`
	Encoding string          `json:"encoding"`
	Material json.RawMessage `json:"material"`
}

type vecKeyDesc struct {
	Type          string       `json:"type"`
	Key           string       `json:"key"`
	ProviderID    string       `json:"provider-id"`
	Algorithm     string       `json:"encryption-algorithm"`
	PaddingAlg    string       `json:"padding-algorithm"`
	PaddingHash   string       `json:"padding-hash"`
	Generator     *vecKeyDesc  `json:"generator"`
	Children      []vecKeyDesc `json:"childKeyrings"`
	Underlying    *vecKeyDesc  `json:"underlying"`
	RequiredECKey []string     `json:"requiredEncryptionContextKeys"`
}

type vecResult struct {
	Output *struct {
		Plaintext string `json:"plaintext"`
	} `json:"output"`
	Error *json.RawMessage `json:"error"`
}

// vecTest is one test of either manifest version, normalized.
type vecTest struct {
	name       string
	ciphertext string
	plaintext  string // "" when an error is expected
	keyring    Keyring
	expected   map[string]string
	required   []string // the required encryption context CMM's keys
	suite      string
}

type vecManifest struct {
	Manifest struct {
		Type    string `json:"type"`
		Version int    `json:"version"`
	} `json:"manifest"`
	Keys  string                     `json:"keys"`
	Tests map[string]json.RawMessage `json:"tests"`
}

func loadJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func fileURI(dir, uri string) string {
	return filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(uri, "file://")))
}

func (k vecKey) material(t *testing.T) string {
	var s string
	if err := json.Unmarshal(k.Material, &s); err == nil {
		return s
	}
	var lines []string
	if err := json.Unmarshal(k.Material, &lines); err != nil {
		t.Fatalf("key material: %v", err)
	}
	return strings.Join(lines, "")
}

// buildKeyring returns the keyring a key description names, or nil for a
// key that cannot decrypt (a public key with decrypt-only padding).
func buildKeyring(t *testing.T, keys map[string]vecKey, d vecKeyDesc) Keyring {
	t.Helper()
	switch d.Type {
	case "raw":
		k, ok := keys[d.Key]
		if !ok {
			t.Fatalf("unknown key %q", d.Key)
		}
		switch d.Algorithm {
		case "aes":
			raw, err := base64.StdEncoding.DecodeString(k.material(t))
			if err != nil {
				t.Fatal(err)
			}
			kr, err := NewRawAESKeyring(d.ProviderID, k.KeyID, raw)
			if err != nil {
				t.Fatal(err)
			}
			return kr
		case "rsa":
			var padding RSAPadding
			switch d.PaddingAlg + "/" + d.PaddingHash {
			case "pkcs1/", "pkcs1/sha1":
				padding = PKCS1v15DecryptOnly
			case "oaep-mgf1/sha1":
				padding = OAEPSHA1
			case "oaep-mgf1/sha256":
				padding = OAEPSHA256
			case "oaep-mgf1/sha384":
				padding = OAEPSHA384
			case "oaep-mgf1/sha512":
				padding = OAEPSHA512
			default:
				t.Fatalf("padding %s/%s", d.PaddingAlg, d.PaddingHash)
			}
			block, _ := pem.Decode([]byte(k.material(t)))
			if block == nil {
				t.Fatalf("key %q: no PEM", d.Key)
			}
			var pub *rsa.PublicKey
			var priv *rsa.PrivateKey
			if k.Type == "private" {
				pk, err := x509.ParsePKCS8PrivateKey(block.Bytes)
				if err != nil {
					if priv, err = x509.ParsePKCS1PrivateKey(block.Bytes); err != nil {
						t.Fatalf("key %q: %v", d.Key, err)
					}
				} else {
					priv = pk.(*rsa.PrivateKey)
				}
			} else {
				if padding == PKCS1v15DecryptOnly {
					return nil
				}
				pk, err := x509.ParsePKIXPublicKey(block.Bytes)
				if err != nil {
					t.Fatalf("key %q: %v", d.Key, err)
				}
				pub = pk.(*rsa.PublicKey)
			}
			kr, err := NewRawRSAKeyring(d.ProviderID, k.KeyID, pub, priv, padding)
			if err != nil {
				t.Fatal(err)
			}
			return kr
		}
	case "multi-keyring":
		var gen Keyring
		if d.Generator != nil {
			gen = buildKeyring(t, keys, *d.Generator)
		}
		var children []Keyring
		for _, c := range d.Children {
			if kr := buildKeyring(t, keys, c); kr != nil {
				children = append(children, kr)
			}
		}
		kr, err := NewMultiKeyring(gen, children...)
		if err != nil {
			t.Fatal(err)
		}
		return kr
	case "required-encryption-context-cmm":
		return buildKeyring(t, keys, *d.Underlying)
	}
	t.Fatalf("key description type %q", d.Type)
	return nil
}

func loadVectors(t *testing.T, dir, manifestName string) []vecTest {
	t.Helper()
	var m vecManifest
	loadJSON(t, filepath.Join(dir, manifestName), &m)
	if m.Manifest.Type != "awses-decrypt" || (m.Manifest.Version != 4 && m.Manifest.Version != 5) {
		t.Fatalf("%s: manifest %s v%d", dir, m.Manifest.Type, m.Manifest.Version)
	}
	var keysFile struct {
		Keys map[string]vecKey `json:"keys"`
	}
	loadJSON(t, fileURI(dir, m.Keys), &keysFile)

	var tests []vecTest
	for name, raw := range m.Tests {
		tc := vecTest{name: name}
		if m.Manifest.Version == 5 {
			var s struct {
				Scenario struct {
					Type       string            `json:"type"`
					Ciphertext string            `json:"ciphertext"`
					Result     json.RawMessage   `json:"result"`
					Suite      string            `json:"algorithmSuiteId"`
					Key        vecKeyDesc        `json:"decryptKeyDescription"`
					Reproduced map[string]string `json:"reproduced-encryption-context"`
				} `json:"decryption-scenario"`
			}
			if err := json.Unmarshal(raw, &s); err != nil {
				t.Fatal(err)
			}
			sc := s.Scenario
			tc.ciphertext = fileURI(dir, sc.Ciphertext)
			if sc.Type == "positive-esdk" {
				var uri string
				if err := json.Unmarshal(sc.Result, &uri); err != nil {
					t.Fatalf("%s: result: %v", name, err)
				}
				tc.plaintext = fileURI(dir, uri)
			}
			tc.keyring = buildKeyring(t, keysFile.Keys, sc.Key)
			if sc.Key.Type == "required-encryption-context-cmm" {
				tc.required = sc.Key.RequiredECKey
			}
			tc.expected = sc.Reproduced
			tc.suite = sc.Suite
		} else {
			var s struct {
				Ciphertext string            `json:"ciphertext"`
				MasterKeys []vecKeyDesc      `json:"master-keys"`
				EC         map[string]string `json:"encryption-context"`
				Result     vecResult         `json:"result"`
			}
			if err := json.Unmarshal(raw, &s); err != nil {
				t.Fatal(err)
			}
			tc.ciphertext = fileURI(dir, s.Ciphertext)
			if s.Result.Output != nil {
				tc.plaintext = fileURI(dir, s.Result.Output.Plaintext)
			}
			tc.keyring = buildKeyring(t, keysFile.Keys, vecKeyDesc{Type: "multi-keyring", Children: s.MasterKeys})
			tc.expected = s.EC
			tc.suite = name[:4]
		}
		if tc.expected == nil {
			tc.expected = map[string]string{}
		}
		tests = append(tests, tc)
	}
	sort.Slice(tests, func(i, j int) bool { return tests[i].name < tests[j].name })
	return tests
}

// headerAuthFailure reports whether err is a failed header authentication
// tag: what the invalid .NET messages must be refused for.
func headerAuthFailure(err error) bool {
	var e *esdk.Error
	return errors.As(err, &e) && e.Kind == esdk.ErrAuthentication && e.Field == "header.auth_tag" &&
		errors.Is(err, hipaa.ErrTampered)
}

// runVectors decrypts every message of a manifest and counts the tests
// that behave as the manifest says (mustFail inverts positive tests: the
// message must be refused, for a failed header authentication).
func runVectors(t *testing.T, dir, manifest string, policy CommitmentPolicy, mustFail bool) (passed, failed int, failures []string) {
	t.Helper()
	tests := loadVectors(t, dir, manifest)
	pol := &hipaa.Policy{Auditor: hipaatest.NewRecorder()}
	for _, tc := range tests {
		c, err := New(pol, tc.keyring, func(o *Options) {
			o.CommitmentPolicy = policy
			o.RequiredEncryptionContextKeys = tc.required
		})
		if err != nil {
			t.Fatal(err)
		}
		msg, err := os.ReadFile(tc.ciphertext)
		if err != nil {
			t.Fatal(err)
		}
		pt, err := c.Decrypt(ctxBG, msg, tc.expected)
		var ok bool
		switch {
		case mustFail:
			ok = headerAuthFailure(err)
			if err == nil {
				err = errors.New("decrypted")
			}
			if os.Getenv("VEC_DEBUG") != "" {
				t.Logf("%s refused: %v", tc.name, err)
			}
		case tc.plaintext == "":
			ok = err != nil
			if os.Getenv("VEC_DEBUG") != "" {
				t.Logf("%s refused: %v", tc.name, err)
			}
		case err != nil:
			ok = false
		default:
			want, rerr := os.ReadFile(tc.plaintext)
			if rerr != nil {
				t.Fatal(rerr)
			}
			ok = bytes.Equal(pt, want)
			if !ok {
				err = errors.New("plaintext differs")
			}
		}
		if ok {
			passed++
		} else {
			failed++
			failures = append(failures, fmt.Sprintf("%s (suite %s): %v", tc.name, tc.suite, err))
		}
	}
	return passed, failed, failures
}

func TestInteropVectors(t *testing.T) {
	for _, v := range []struct {
		name, dir, manifest string
		mustFail            bool
		want                int
	}{
		{"dafny-4.1.0", "testdata/dafny-4.1.0", "decrypt-manifest.json", false, 187},
		{"net-4.0.1", "testdata/net-4.0.x/v4-Net-4.0.1", "manifest.json", false, 99},
		{"net-4.0.0-invalid", "testdata/net-4.0.x/invalid-Net-4.0.0", "manifest.json", true, 28},
	} {
		t.Run(v.name, func(t *testing.T) {
			passed, failed, failures := runVectors(t, v.dir, v.manifest, RequireEncryptAllowDecrypt, v.mustFail)
			t.Logf("%s: %d passed, %d failed", v.name, passed, failed)
			fmt.Printf("%s: %d passed, %d failed\n", v.name, passed, failed)
			for _, f := range failures {
				t.Errorf("%s", f)
			}
			if passed+failed != v.want {
				t.Errorf("%d tests, want %d", passed+failed, v.want)
			}
		})
	}
}

// Under the default policy (RequireEncryptRequireDecrypt) every message of
// a suite without key commitment is refused, and the committing ones decrypt.
func TestInteropVectorsDefaultPolicy(t *testing.T) {
	tests := loadVectors(t, "testdata/dafny-4.1.0", "decrypt-manifest.json")
	pol := &hipaa.Policy{Auditor: hipaatest.NewRecorder()}
	var v1, v2 int
	for _, tc := range tests {
		c, err := New(pol, tc.keyring, func(o *Options) { o.RequiredEncryptionContextKeys = tc.required })
		if err != nil {
			t.Fatal(err)
		}
		msg, _ := os.ReadFile(tc.ciphertext)
		_, err = c.Decrypt(ctxBG, msg, tc.expected)
		committing := tc.suite == "0478" || tc.suite == "0578"
		if committing {
			v2++
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
		} else {
			v1++
			if !errors.Is(err, ErrCommitmentPolicy) {
				t.Errorf("%s (suite %s): not refused: %v", tc.name, tc.suite, err)
			}
		}
	}
	t.Logf("default policy: %d v1 messages refused, %d v2 messages checked", v1, v2)
}
