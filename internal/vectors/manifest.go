package vectors

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/phisafe/phisafe/envelope"
)

// Limits on what a manifest may hold. They keep a hostile or corrupt
// manifest from exhausting memory; the official vector sets are far below
// them.
const (
	// MaxManifestBytes bounds the size of a manifest or keys manifest.
	MaxManifestBytes = 32 << 20
	// MaxTests bounds the number of tests of one manifest.
	MaxTests = 100_000
	// maxNameLen bounds a test name, key name, URI or description field.
	maxNameLen = 4096
	// maxDepth bounds the nesting of keyring descriptions.
	maxDepth = 8
	// maxChildren bounds the keyrings of one multi-keyring or master-key list.
	maxChildren = 64
)

// ErrManifest means a manifest or its keys manifest cannot be used: it
// cannot be read, is too large, is not JSON of the expected shape, has an
// unsupported type or version, or refers to keys or files it must not.
// Errors returned by Run for such manifests wrap it (see *ManifestError).
var ErrManifest = errors.New("vectors: unusable manifest")

// ManifestError reports an unusable manifest. errors.Is(err, ErrManifest)
// holds. It names the file and, when the problem is in one test, the test;
// it never carries key material.
type ManifestError struct {
	// Path is the manifest or keys manifest at fault.
	Path string
	// Test is the test the problem is in, or "".
	Test string
	// Reason says what is wrong.
	Reason string
	// Err is the underlying error (file system or JSON), or nil.
	Err error
}

// Error implements error.
func (e *ManifestError) Error() string {
	s := "vectors: " + e.Path
	if e.Test != "" {
		s += ": test " + e.Test
	}
	s += ": " + e.Reason
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns ErrManifest and the underlying error.
func (e *ManifestError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrManifest}
	}
	return []error{ErrManifest, e.Err}
}

// key is one entry of a keys manifest.
type key struct {
	Type     string          `json:"type"`
	KeyID    string          `json:"key-id"`
	Encoding string          `json:"encoding"`
	Material json.RawMessage `json:"material"`
}

// keyDesc is a master key (v2 to v4) or keyring (v4, v5) description.
type keyDesc struct {
	Type        string    `json:"type"`
	Key         string    `json:"key"`
	ProviderID  string    `json:"provider-id"`
	Algorithm   string    `json:"encryption-algorithm"`
	PaddingAlg  string    `json:"padding-algorithm"`
	PaddingHash string    `json:"padding-hash"`
	Generator   *keyDesc  `json:"generator"`
	Children    []keyDesc `json:"childKeyrings"`
	Underlying  *keyDesc  `json:"underlying"`
	RequiredEC  []string  `json:"requiredEncryptionContextKeys"`
}

type manifestHeader struct {
	Manifest struct {
		Type    string `json:"type"`
		Version int    `json:"version"`
	} `json:"manifest"`
	Keys  string                     `json:"keys"`
	Tests map[string]json.RawMessage `json:"tests"`
}

// testCase is one test of any manifest version, normalized.
type testCase struct {
	name       string
	ciphertext string // path relative to the manifest's directory
	plaintext  string // "" when an error is expected
	desc       keyDesc
	expected   map[string]string
	required   []string
	kms        bool   // needs AWS KMS
	suite      string // from the manifest, if it says
}

// readBounded reads a whole file of dir, refusing more than limit bytes.
func readBounded(dir *os.Root, name string, limit int64) ([]byte, error) {
	f, err := dir.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return b, nil
}

// localURI turns a manifest's "file://" URI into a path relative to the
// manifest's directory, refusing absolute paths and paths that leave it.
func localURI(uri string) (string, error) {
	if len(uri) > maxNameLen {
		return "", errors.New("URI too long")
	}
	rel, ok := strings.CutPrefix(uri, "file://")
	if !ok {
		return "", errors.New("URI is not file://")
	}
	if rel == "" || path.IsAbs(rel) || strings.Contains(rel, `\`) {
		return "", errors.New("URI is not a relative path")
	}
	clean := path.Clean(rel)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "", errors.New("URI leaves the manifest's directory")
	}
	return clean, nil
}

// material returns a key's material: a string, or (older manifests) a
// list of lines.
func (k key) material() (string, error) {
	var s string
	if err := json.Unmarshal(k.Material, &s); err == nil {
		return s, nil
	}
	var lines []string
	if err := json.Unmarshal(k.Material, &lines); err != nil {
		return "", errors.New("key material is neither a string nor a list of strings")
	}
	return strings.Join(lines, ""), nil
}

// needsKMS reports whether a description uses AWS KMS anywhere.
func (d *keyDesc) needsKMS() bool {
	if strings.HasPrefix(d.Type, "aws-kms") {
		return true
	}
	if d.Generator != nil && d.Generator.needsKMS() {
		return true
	}
	if d.Underlying != nil && d.Underlying.needsKMS() {
		return true
	}
	for i := range d.Children {
		if d.Children[i].needsKMS() {
			return true
		}
	}
	return false
}

// check validates a description's shape: known types, bounded nesting,
// keys that exist. It builds nothing.
func (d *keyDesc) check(keys map[string]key, depth int) error {
	if depth > maxDepth {
		return errors.New("key descriptions nested too deeply")
	}
	if len(d.Key) > maxNameLen || len(d.ProviderID) > maxNameLen {
		return errors.New("key description field too long")
	}
	switch {
	case strings.HasPrefix(d.Type, "aws-kms"):
		return nil
	case d.Type == "raw":
		k, ok := keys[d.Key]
		if !ok {
			return errors.New("key description names a key the keys manifest lacks")
		}
		switch d.Algorithm {
		case "aes":
			if k.Type != "symmetric" {
				return errors.New("raw AES description names a non-symmetric key")
			}
		case "rsa":
			if k.Type != "private" && k.Type != "public" {
				return errors.New("raw RSA description names a non-RSA key")
			}
			if _, err := padding(d.PaddingAlg, d.PaddingHash); err != nil {
				return err
			}
		default:
			return errors.New("raw key description with an unknown encryption-algorithm")
		}
		return nil
	case d.Type == "multi-keyring":
		if len(d.Children) > maxChildren {
			return errors.New("too many child keyrings")
		}
		if d.Generator == nil && len(d.Children) == 0 {
			return errors.New("multi-keyring without keyrings")
		}
		if d.Generator != nil {
			if err := d.Generator.check(keys, depth+1); err != nil {
				return err
			}
		}
		for i := range d.Children {
			if err := d.Children[i].check(keys, depth+1); err != nil {
				return err
			}
		}
		return nil
	case d.Type == "required-encryption-context-cmm":
		if d.Underlying == nil {
			return errors.New("required-encryption-context-cmm without underlying keyring")
		}
		if len(d.RequiredEC) > maxChildren {
			return errors.New("too many required encryption context keys")
		}
		return d.Underlying.check(keys, depth+1)
	}
	return fmt.Errorf("unsupported key description type %q", truncate(d.Type))
}

func truncate(s string) string {
	if len(s) > 64 {
		return s[:64] + "..."
	}
	return s
}

func padding(alg, hash string) (envelope.RSAPadding, error) {
	switch alg + "/" + hash {
	case "pkcs1/", "pkcs1/sha1":
		return envelope.PKCS1v15DecryptOnly, nil
	case "oaep-mgf1/sha1":
		return envelope.OAEPSHA1, nil
	case "oaep-mgf1/sha256":
		return envelope.OAEPSHA256, nil
	case "oaep-mgf1/sha384":
		return envelope.OAEPSHA384, nil
	case "oaep-mgf1/sha512":
		return envelope.OAEPSHA512, nil
	}
	return 0, errors.New("unsupported RSA padding")
}

// keyring builds the keyring a checked, KMS-free description names, or
// nil for a key that cannot decrypt (a public RSA key with PKCS #1 v1.5
// padding, which envelope only allows for decryption).
func (d *keyDesc) keyring(keys map[string]key) (envelope.Keyring, error) {
	switch d.Type {
	case "raw":
		k := keys[d.Key]
		mat, err := k.material()
		if err != nil {
			return nil, err
		}
		if d.Algorithm == "aes" {
			if k.Encoding != "" && k.Encoding != "base64" {
				return nil, errors.New("AES key encoding is not base64")
			}
			raw, err := base64.StdEncoding.DecodeString(mat)
			if err != nil {
				return nil, errors.New("AES key material is not base64")
			}
			return envelope.NewRawAESKeyring(d.ProviderID, k.KeyID, raw)
		}
		pad, err := padding(d.PaddingAlg, d.PaddingHash)
		if err != nil {
			return nil, err
		}
		block, _ := pem.Decode([]byte(mat))
		if block == nil {
			return nil, errors.New("RSA key material is not PEM")
		}
		var pub *rsa.PublicKey
		var priv *rsa.PrivateKey
		if k.Type == "private" {
			if pk, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
				var ok bool
				if priv, ok = pk.(*rsa.PrivateKey); !ok {
					return nil, errors.New("private key is not RSA")
				}
			} else if priv, err = x509.ParsePKCS1PrivateKey(block.Bytes); err != nil {
				return nil, errors.New("RSA private key does not parse")
			}
		} else {
			if pad == envelope.PKCS1v15DecryptOnly {
				return nil, nil
			}
			if pk, err := x509.ParsePKIXPublicKey(block.Bytes); err == nil {
				var ok bool
				if pub, ok = pk.(*rsa.PublicKey); !ok {
					return nil, errors.New("public key is not RSA")
				}
			} else if pub, err = x509.ParsePKCS1PublicKey(block.Bytes); err != nil {
				return nil, errors.New("RSA public key does not parse")
			}
		}
		return envelope.NewRawRSAKeyring(d.ProviderID, k.KeyID, pub, priv, pad)
	case "multi-keyring":
		var gen envelope.Keyring
		if d.Generator != nil {
			kr, err := d.Generator.keyring(keys)
			if err != nil {
				return nil, err
			}
			gen = kr
		}
		var children []envelope.Keyring
		for i := range d.Children {
			kr, err := d.Children[i].keyring(keys)
			if err != nil {
				return nil, err
			}
			if kr != nil {
				children = append(children, kr)
			}
		}
		if gen == nil && len(children) == 0 {
			return nil, nil
		}
		return envelope.NewMultiKeyring(gen, children...)
	case "required-encryption-context-cmm":
		return d.Underlying.keyring(keys)
	}
	return nil, errors.New("unsupported key description")
}

// load reads and checks a manifest and its keys manifest.
func load(root *os.Root, name, display string, limit int64) (version int, keys map[string]key, tests []testCase, err error) {
	bad := func(test, reason string, err error) error {
		return &ManifestError{Path: display, Test: test, Reason: reason, Err: err}
	}
	b, err := readBounded(root, name, limit)
	if err != nil {
		return 0, nil, nil, bad("", "cannot read", err)
	}
	var m manifestHeader
	if err := json.Unmarshal(b, &m); err != nil {
		return 0, nil, nil, bad("", "not a JSON manifest", err)
	}
	if m.Manifest.Type != "awses-decrypt" {
		return 0, nil, nil, bad("", fmt.Sprintf("manifest type %q, want awses-decrypt", truncate(m.Manifest.Type)), nil)
	}
	version = m.Manifest.Version
	if version < 2 || version > 5 {
		return 0, nil, nil, bad("", fmt.Sprintf("awses-decrypt version %d not supported (2 to 5 are)", version), nil)
	}
	if len(m.Tests) > MaxTests {
		return 0, nil, nil, bad("", fmt.Sprintf("more than %d tests", MaxTests), nil)
	}
	keysName, err := localURI(m.Keys)
	if err != nil {
		return 0, nil, nil, bad("", "keys", err)
	}
	keysName = path.Join(path.Dir(name), keysName)
	keysDisplay := filepath.Join(filepath.Dir(display), filepath.FromSlash(keysName))
	kb, err := readBounded(root, keysName, limit)
	if err != nil {
		return 0, nil, nil, &ManifestError{Path: keysDisplay, Reason: "cannot read keys manifest", Err: err}
	}
	var kf struct {
		Manifest struct {
			Type string `json:"type"`
		} `json:"manifest"`
		Keys map[string]key `json:"keys"`
	}
	if err := json.Unmarshal(kb, &kf); err != nil {
		return 0, nil, nil, &ManifestError{Path: keysDisplay, Reason: "not a JSON keys manifest", Err: err}
	}
	if kf.Manifest.Type != "keys" {
		return 0, nil, nil, &ManifestError{Path: keysDisplay, Reason: "manifest type is not keys"}
	}
	keys = kf.Keys

	base := path.Dir(name)
	for tname, raw := range m.Tests {
		if len(tname) > maxNameLen || tname == "" {
			return 0, nil, nil, bad("", "test name empty or too long", nil)
		}
		tc := testCase{name: tname}
		var ct string
		if version == 5 {
			var s struct {
				Scenario *struct {
					Type       string            `json:"type"`
					Ciphertext string            `json:"ciphertext"`
					Result     json.RawMessage   `json:"result"`
					Suite      string            `json:"algorithmSuiteId"`
					Key        *keyDesc          `json:"decryptKeyDescription"`
					Reproduced map[string]string `json:"reproduced-encryption-context"`
				} `json:"decryption-scenario"`
			}
			if err := json.Unmarshal(raw, &s); err != nil {
				return 0, nil, nil, bad(tname, "not a v5 test", err)
			}
			sc := s.Scenario
			if sc == nil || sc.Key == nil {
				return 0, nil, nil, bad(tname, "no decryption-scenario with a decryptKeyDescription", nil)
			}
			ct = sc.Ciphertext
			switch sc.Type {
			case "positive-esdk":
				var uri string
				if err := json.Unmarshal(sc.Result, &uri); err != nil {
					return 0, nil, nil, bad(tname, "result is not a plaintext URI", nil)
				}
				if tc.plaintext, err = localURI(uri); err != nil {
					return 0, nil, nil, bad(tname, "result", err)
				}
			case "negative-esdk":
			default:
				return 0, nil, nil, bad(tname, fmt.Sprintf("scenario type %q not supported", truncate(sc.Type)), nil)
			}
			tc.desc = *sc.Key
			if sc.Key.Type == "required-encryption-context-cmm" {
				tc.required = sc.Key.RequiredEC
			}
			tc.expected = sc.Reproduced
			tc.suite = sc.Suite
		} else {
			var s struct {
				Ciphertext string            `json:"ciphertext"`
				Plaintext  string            `json:"plaintext"` // the version 1 form
				MasterKeys []keyDesc         `json:"master-keys"`
				Keyrings   []keyDesc         `json:"keyrings"`
				EC         map[string]string `json:"encryption-context"`
				Result     *struct {
					Output *struct {
						Plaintext string `json:"plaintext"`
					} `json:"output"`
					Error json.RawMessage `json:"error"`
				} `json:"result"`
			}
			if err := json.Unmarshal(raw, &s); err != nil {
				return 0, nil, nil, bad(tname, "not a test", err)
			}
			ct = s.Ciphertext
			var uri string
			switch {
			case s.Result != nil && s.Result.Output != nil && s.Result.Error == nil:
				uri = s.Result.Output.Plaintext
			case s.Result != nil && s.Result.Error != nil && s.Result.Output == nil:
			case s.Result == nil && s.Plaintext != "":
				uri = s.Plaintext
			default:
				return 0, nil, nil, bad(tname, "result is neither an output nor an error", nil)
			}
			if uri != "" || (s.Result != nil && s.Result.Output != nil) {
				if tc.plaintext, err = localURI(uri); err != nil {
					return 0, nil, nil, bad(tname, "plaintext", err)
				}
			}
			list := append(s.MasterKeys, s.Keyrings...)
			if len(list) == 0 {
				return 0, nil, nil, bad(tname, "no master-keys or keyrings", nil)
			}
			tc.desc = keyDesc{Type: "multi-keyring", Children: list}
			tc.expected = s.EC
		}
		if tc.ciphertext, err = localURI(ct); err != nil {
			return 0, nil, nil, bad(tname, "ciphertext", err)
		}
		tc.ciphertext = path.Join(base, tc.ciphertext)
		if tc.plaintext != "" {
			tc.plaintext = path.Join(base, tc.plaintext)
		}
		if err := tc.desc.check(keys, 0); err != nil {
			return 0, nil, nil, bad(tname, "key description", err)
		}
		tc.kms = tc.desc.needsKMS()
		if len(tc.expected) > 1024 {
			return 0, nil, nil, bad(tname, "encryption context too large", nil)
		}
		if tc.expected == nil {
			tc.expected = map[string]string{}
		}
		tests = append(tests, tc)
	}
	sort.Slice(tests, func(i, j int) bool { return tests[i].name < tests[j].name })
	return version, keys, tests, nil
}
