package envelope_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/phisafe/phisafe/envelope"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/esdk"
	"github.com/phisafe/phisafe/internal/vectors"
)

const net400Dir = "testdata/net-4.0.x/invalid-Net-4.0.0"

// net400Message is one message of the ESDK-.NET 4.0.0 set.
type net400Message struct {
	name     string
	msg      []byte
	expected map[string]string
}

// loadNet400 reads the raw AES key, the expected plaintext and the 28
// messages of the invalid .NET 4.0.0 set from its manifest.
func loadNet400(t *testing.T) (key, plaintext []byte, msgs []net400Message) {
	t.Helper()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(net400Dir, filepath.FromSlash(strings.TrimPrefix(name, "file://"))))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var keys struct {
		Keys map[string]struct {
			Material string `json:"material"`
		} `json:"keys"`
	}
	if err := json.Unmarshal(read("keys.json"), &keys); err != nil {
		t.Fatal(err)
	}
	key, err := base64.StdEncoding.DecodeString(keys.Keys["aes-256"].Material)
	if err != nil || len(key) != 32 {
		t.Fatalf("aes-256 key: %v (%d bytes)", err, len(key))
	}
	var m struct {
		Tests map[string]struct {
			Ciphertext string            `json:"ciphertext"`
			EC         map[string]string `json:"encryption-context"`
			MasterKeys []struct {
				Key        string `json:"key"`
				ProviderID string `json:"provider-id"`
			} `json:"master-keys"`
			Result struct {
				Output struct {
					Plaintext string `json:"plaintext"`
				} `json:"output"`
			} `json:"result"`
		} `json:"tests"`
	}
	if err := json.Unmarshal(read("manifest.json"), &m); err != nil {
		t.Fatal(err)
	}
	for name, tc := range m.Tests {
		if len(tc.MasterKeys) != 1 || tc.MasterKeys[0].Key != "aes-256" || tc.MasterKeys[0].ProviderID != "aws-raw-vectors-persistant" ||
			tc.Result.Output.Plaintext != "file://plaintexts/small" {
			t.Fatalf("%s: unexpected test shape", name)
		}
		ec := tc.EC
		if ec == nil {
			ec = map[string]string{}
		}
		msgs = append(msgs, net400Message{name: name, msg: read(tc.Ciphertext), expected: ec})
	}
	if len(msgs) != 28 {
		t.Fatalf("%d messages, want 28", len(msgs))
	}
	return key, read("plaintexts/small"), msgs
}

// net400Client returns a client with the set's raw AES key, the policy
// that reads suites without key commitment, and net400 as
// AllowNet400HeaderAuthRetry, auditing to auditor.
func net400Client(t *testing.T, key []byte, auditor hipaa.Auditor, net400 bool) *envelope.Client {
	t.Helper()
	kr, err := envelope.NewRawAESKeyring("aws-raw-vectors-persistant", "aes-256", key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := envelope.New(&hipaa.Policy{Auditor: auditor}, kr, func(o *envelope.Options) {
		o.CommitmentPolicy = envelope.RequireEncryptAllowDecrypt
		o.AllowNet400HeaderAuthRetry = net400
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// overrides returns the per-message override events rec holds (not those
// envelope.New records for the options in force), failing the test if one
// does not name the option.
func overrides(t *testing.T, rec *hipaatest.Recorder) []hipaa.Event {
	t.Helper()
	ev := rec.Filter(func(e hipaa.Event) bool { return e.Outcome == hipaa.OutcomeOverride && e.Action != "envelope.New" })
	for _, e := range ev {
		if e.Detail != "AllowNet400HeaderAuthRetry" || e.Action != "envelope.Decrypt" {
			t.Errorf("override event %+v does not name the option", e)
		}
	}
	return ev
}

func TestNet400RetryDecryptsInvalidSet(t *testing.T) {
	key, want, msgs := loadNet400(t)
	ctx := context.Background()
	for _, m := range msgs {
		t.Run(m.name, func(t *testing.T) {
			rec := hipaatest.NewRecorder()
			c := net400Client(t, key, rec, true)
			pt, err := c.Decrypt(ctx, m.msg, m.expected)
			if err != nil {
				t.Fatalf("Decrypt: %v", err)
			}
			if !bytes.Equal(pt, want) {
				t.Fatal("plaintext differs from plaintexts/small")
			}
			if n := len(overrides(t, rec)); n != 1 {
				t.Fatalf("Decrypt recorded %d override events, want 1", n)
			}

			rec.Reset()
			r, err := c.DecryptReader(ctx, bytes.NewReader(m.msg), m.expected)
			if err != nil {
				t.Fatalf("DecryptReader: %v", err)
			}
			var got bytes.Buffer
			if _, err := got.ReadFrom(r); err != nil {
				t.Fatalf("DecryptReader read: %v", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Fatal("DecryptReader plaintext differs from plaintexts/small")
			}
			if n := len(overrides(t, rec)); n != 1 {
				t.Fatalf("DecryptReader recorded %d override events, want 1", n)
			}
		})
	}
}

func TestNet400RetryOffRefuses(t *testing.T) {
	key, _, msgs := loadNet400(t)
	rec := hipaatest.NewRecorder()
	c := net400Client(t, key, rec, false)
	for _, m := range msgs {
		if _, err := c.Decrypt(context.Background(), m.msg, m.expected); !errors.Is(err, hipaa.ErrTampered) || !errors.Is(err, esdk.ErrAuthentication) {
			t.Errorf("%s: err = %v, want a header authentication failure", m.name, err)
		}
	}
	if n := len(overrides(t, rec)); n != 0 {
		t.Errorf("%d override events without the option", n)
	}
}

// A header tag that matches neither the specification's computation nor
// .NET 4.0.0's is refused with the option, and nothing is overridden.
func TestNet400RetryCorruptTagRefused(t *testing.T) {
	key, _, msgs := loadNet400(t)
	rec := hipaatest.NewRecorder()
	c := net400Client(t, key, rec, true)
	for _, m := range msgs {
		_, n, err := esdk.ParseHeader(m.msg)
		if err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		bad := bytes.Clone(m.msg)
		bad[n-1] ^= 0x01 // last byte of the header authentication tag
		_, err = c.Decrypt(context.Background(), bad, m.expected)
		var e *esdk.Error
		if !errors.As(err, &e) || e.Field != "header.auth_tag" || !errors.Is(err, hipaa.ErrTampered) {
			t.Errorf("%s: err = %v, want a header authentication failure", m.name, err)
		}
	}
	if n := len(overrides(t, rec)); n != 0 {
		t.Errorf("%d override events for corrupted tags", n)
	}
}

// failOverride is an auditor that refuses override events.
type failOverride struct{ *hipaatest.Recorder }

var errAuditDown = errors.New("audit sink down")

func (f failOverride) Audit(ctx context.Context, e hipaa.Event) error {
	if e.Outcome == hipaa.OutcomeOverride && e.Action == "envelope.Decrypt" {
		return errAuditDown
	}
	return f.Recorder.Audit(ctx, e)
}

func TestNet400RetryRecordFailureFailsDecrypt(t *testing.T) {
	key, _, msgs := loadNet400(t)
	c := net400Client(t, key, failOverride{hipaatest.NewRecorder()}, true)
	for _, m := range msgs[:4] {
		pt, err := c.Decrypt(context.Background(), m.msg, m.expected)
		if !errors.Is(err, errAuditDown) || pt != nil {
			t.Errorf("%s: Decrypt = %d bytes, %v; want the audit error", m.name, len(pt), err)
		}
		r, err := c.DecryptReader(context.Background(), bytes.NewReader(m.msg), m.expected)
		if !errors.Is(err, errAuditDown) || r != nil {
			t.Errorf("%s: DecryptReader err = %v; want the audit error", m.name, err)
		}
	}
}

// The option changes nothing for messages whose header is right: they
// decrypt, and no override is recorded.
func TestNet400RetryCorrectMessagesUnaffected(t *testing.T) {
	ctx := context.Background()
	key := bytes.Repeat([]byte{7}, 32)
	for _, suite := range []esdk.SuiteID{0x0014, 0x0078, 0x0178, 0x0378, 0x0478, 0x0578} {
		for _, required := range [][]string{nil, {"tenant"}} {
			rec := hipaatest.NewRecorder()
			kr, err := envelope.NewRawAESKeyring("ns", "k", key)
			if err != nil {
				t.Fatal(err)
			}
			pol := envelope.RequireEncryptAllowDecrypt
			if suite < 0x0478 {
				pol = envelope.ForbidEncryptAllowDecrypt
			}
			c, err := envelope.New(&hipaa.Policy{Auditor: rec}, kr, func(o *envelope.Options) {
				o.Suite, o.CommitmentPolicy = suite, pol
				o.RequiredEncryptionContextKeys = required
				o.AllowNet400HeaderAuthRetry = true
			})
			if err != nil {
				t.Fatal(err)
			}
			ec := map[string]string{"tenant": "t1", "purpose": "test"}
			msg, err := c.Encrypt(ctx, []byte("hello"), ec)
			if err != nil {
				t.Fatalf("%v %v: Encrypt: %v", suite, required, err)
			}
			pt, err := c.Decrypt(ctx, msg, ec)
			if err != nil || string(pt) != "hello" {
				t.Errorf("%v %v: Decrypt = %q, %v", suite, required, pt, err)
			}
			if required != nil {
				// The wrong value for the pair only authenticated still fails.
				if _, err := c.Decrypt(ctx, msg, map[string]string{"tenant": "t2", "purpose": "test"}); err == nil {
					t.Errorf("%v: wrong required pair accepted", suite)
				}
			}
			if n := len(overrides(t, rec)); n != 0 {
				t.Errorf("%v %v: %d override events", suite, required, n)
			}
		}
	}
	for _, manifest := range []string{"testdata/dafny-4.1.0/decrypt-manifest.json", "testdata/net-4.0.x/v4-Net-4.0.1/manifest.json"} {
		rec := hipaatest.NewRecorder()
		policy := envelope.RequireEncryptAllowDecrypt
		rep, err := vectors.Run(ctx, manifest, vectors.Options{CommitmentPolicy: &policy,
			AllowNet400HeaderAuthRetry: true, Policy: &hipaa.Policy{Auditor: rec}})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Failed != 0 || rep.Passed == 0 {
			t.Errorf("%s with the option: %d passed, %d failed", manifest, rep.Passed, rep.Failed)
		}
		if n := len(overrides(t, rec)); n != 0 {
			t.Errorf("%s: %d override events", manifest, n)
		}
	}
}
