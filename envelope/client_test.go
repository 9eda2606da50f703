package envelope

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/esdk"
)

func newClient(t *testing.T, k Keyring, opts ...func(*Options)) (*Client, *hipaatest.Recorder) {
	t.Helper()
	rec := hipaatest.NewRecorder()
	c, err := New(&hipaa.Policy{Auditor: rec}, k, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c, rec
}

func TestClientRoundTrip(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	ec := map[string]string{"tenant": "t-1", "purpose": "lab-results"}
	pt := bytes.Repeat([]byte("record "), 2000)
	for _, suite := range []esdk.SuiteID{0, 0x0478} {
		c, rec := newClient(t, k, func(o *Options) { o.Suite = suite; o.FrameLength = 1000 })
		msg, err := c.Encrypt(ctxBG, pt, ec)
		if err != nil {
			t.Fatal(err)
		}
		h, _, err := esdk.ParseHeader(msg)
		if err != nil {
			t.Fatal(err)
		}
		want := suite
		if want == 0 {
			want = 0x0578
		}
		if h.Suite.ID != want {
			t.Fatalf("suite %v", h.Suite.ID)
		}
		if _, ok := h.EncryptionContext["aws-crypto-public-key"]; ok != (want == 0x0578) {
			t.Fatal("public key in context does not match the suite")
		}
		got, err := c.Decrypt(ctxBG, msg, ec)
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("Decrypt: %v", err)
		}
		if _, err := c.Decrypt(ctxBG, msg, map[string]string{"tenant": "t-1"}); err != nil {
			t.Fatalf("subset of the context: %v", err)
		}
		if _, err := c.Decrypt(ctxBG, msg, map[string]string{}); err != nil {
			t.Fatalf("empty expected context: %v", err)
		}
		if _, err := c.Decrypt(ctxBG, msg, map[string]string{"tenant": "t-2"}); !errors.Is(err, ErrEncryptionContext) {
			t.Fatalf("different value: %v", err)
		}
		if _, err := c.Decrypt(ctxBG, msg, map[string]string{"other": "x"}); !errors.Is(err, ErrEncryptionContext) {
			t.Fatalf("missing pair: %v", err)
		}
		if _, err := c.Decrypt(ctxBG, msg, nil); !errors.Is(err, ErrEncryptionContext) {
			t.Fatalf("nil expected context: %v", err)
		}
		// Audit: attempt and success for each operation, with the suite,
		// never a context value.
		for _, e := range rec.Events() {
			if strings.Contains(e.Resource+e.Detail+e.KeyID+e.Reason, "t-1") || strings.Contains(e.Resource+e.Detail, "lab") {
				t.Fatalf("audit event holds a context value: %+v", e)
			}
		}
		ev := rec.Events()
		if ev[0].Action != "envelope.Encrypt" || ev[0].Outcome != hipaa.OutcomeAttempt || ev[1].Outcome != hipaa.OutcomeSuccess ||
			ev[1].KeyID != "ns/n" || ev[1].Resource != fmt.Sprintf("alg-suite:0x%04X", uint16(want)) {
			t.Fatalf("events %+v", ev[:2])
		}
		if ev[2].Action != "envelope.Decrypt" || ev[3].Outcome != hipaa.OutcomeSuccess || ev[3].Bytes != int64(len(pt)) {
			t.Fatalf("events %+v", ev[2:4])
		}
	}
}

func TestClientTampered(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	c, _ := newClient(t, k, func(o *Options) { o.FrameLength = 64 })
	msg, err := c.Encrypt(ctxBG, bytes.Repeat([]byte{7}, 300), map[string]string{"a": "b"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(msg); i += 11 {
		bad := bytes.Clone(msg)
		bad[i] ^= 0x10
		if _, err := c.Decrypt(ctxBG, bad, map[string]string{}); err == nil {
			t.Fatalf("byte %d flipped: decrypted", i)
		}
	}
	bad := bytes.Clone(msg)
	bad[len(bad)-1] ^= 1
	if _, err := c.Decrypt(ctxBG, bad, map[string]string{}); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("signature: %v", err)
	}
	if _, err := c.Decrypt(ctxBG, msg[:len(msg)-10], map[string]string{}); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("truncated: %v", err)
	}
	other, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	c2, _ := newClient(t, other)
	if _, err := c2.Decrypt(ctxBG, msg, map[string]string{}); !errors.Is(err, ErrNoDataKey) {
		t.Fatalf("other key: %v", err)
	}
}

func TestClientContextChecks(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	c, rec := newClient(t, k)
	if _, err := c.Encrypt(ctxBG, []byte("x"), map[string]string{"aws-crypto-public-key": "x"}); !errors.Is(err, ErrEncryptionContext) {
		t.Fatalf("reserved key: %v", err)
	}
	if _, err := c.Decrypt(ctxBG, []byte("x"), map[string]string{"aws-crypto-x": "x"}); !errors.Is(err, ErrEncryptionContext) {
		t.Fatalf("reserved expected key: %v", err)
	}
	rec.Reset()
	_, err := c.Encrypt(ctxBG, []byte("x"), map[string]string{"patient-ssn": "219-09-9999"})
	if !errors.Is(err, hipaa.ErrPHIInName) {
		t.Fatalf("PHI in context: %v", err)
	}
	if strings.Contains(err.Error(), "219-09") {
		t.Fatal("error holds the value")
	}
	ev := rec.Events()
	if len(ev) != 1 || ev[0].Outcome != hipaa.OutcomeRefused {
		t.Fatalf("events %+v", ev)
	}
	if _, err := c.Decrypt(ctxBG, []byte("x"), map[string]string{"email": "jane.doe@example.com"}); !errors.Is(err, hipaa.ErrPHIInName) {
		t.Fatalf("PHI in expected context: %v", err)
	}
}

func TestClientConfig(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	if _, err := New(&hipaa.Policy{}, k); !errors.Is(err, hipaa.ErrPolicy) {
		t.Fatalf("policy without Auditor: %v", err)
	}
	if _, err := New(nil, k); !errors.Is(err, hipaa.ErrPolicy) {
		t.Fatalf("nil policy: %v", err)
	}
	pol := &hipaa.Policy{Auditor: hipaatest.NewRecorder()}
	if _, err := New(pol, nil); !errors.Is(err, ErrConfig) {
		t.Fatalf("nil keyring: %v", err)
	}
	if _, err := New(pol, k, func(o *Options) { o.Suite = 0x0178 }); !errors.Is(err, ErrCommitmentPolicy) {
		t.Fatalf("v1 suite under the default policy: %v", err)
	}
	if _, err := New(pol, k, func(o *Options) { o.Suite = 0x0578; o.CommitmentPolicy = ForbidEncryptAllowDecrypt }); !errors.Is(err, ErrCommitmentPolicy) {
		t.Fatalf("v2 suite under ForbidEncrypt: %v", err)
	}
	if _, err := New(pol, k, func(o *Options) { o.Suite = 0x1234 }); !errors.Is(err, ErrConfig) {
		t.Fatalf("unknown suite: %v", err)
	}
	// ForbidEncryptAllowDecrypt writes v1 (0x0378); the default policy
	// refuses to read it, RequireEncryptAllowDecrypt reads it.
	old, _ := newClient(t, k, func(o *Options) { o.CommitmentPolicy = ForbidEncryptAllowDecrypt })
	msg, err := old.Encrypt(ctxBG, []byte("x"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if h, _, _ := esdk.ParseHeader(msg); h.Suite.ID != 0x0378 {
		t.Fatalf("suite %v", h.Suite.ID)
	}
	strict, _ := newClient(t, k)
	if _, err := strict.Decrypt(ctxBG, msg, map[string]string{}); !errors.Is(err, ErrCommitmentPolicy) {
		t.Fatalf("v1 message under the default policy: %v", err)
	}
	lax, _ := newClient(t, k, func(o *Options) { o.CommitmentPolicy = RequireEncryptAllowDecrypt })
	if _, err := lax.Decrypt(ctxBG, msg, map[string]string{}); err != nil {
		t.Fatal(err)
	}
	// Too many encrypted data keys.
	k2, _ := NewRawAESKeyring("ns", "n2", randKey(t, 32))
	mk, _ := NewMultiKeyring(k, k2)
	two, _ := newClient(t, mk)
	msg, err = two.Encrypt(ctxBG, []byte("x"), nil)
	if err != nil {
		t.Fatal(err)
	}
	one, _ := newClient(t, k, func(o *Options) { o.MaxEncryptedDataKeys = 1 })
	if _, err := one.Decrypt(ctxBG, msg, map[string]string{}); !errors.Is(err, ErrTooManyDataKeys) {
		t.Fatalf("2 EDKs with a limit of 1: %v", err)
	}
	oneMK, _ := newClient(t, mk, func(o *Options) { o.MaxEncryptedDataKeys = 1 })
	if _, err := oneMK.Encrypt(ctxBG, []byte("x"), nil); !errors.Is(err, ErrTooManyDataKeys) {
		t.Fatalf("encrypt with 2 EDKs and a limit of 1: %v", err)
	}
}

func TestClientAuditFailure(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	c, rec := newClient(t, k)
	rec.FailWith(errors.New("disk full"))
	if _, err := c.Encrypt(ctxBG, []byte("x"), nil); !errors.Is(err, hipaa.ErrAuditFailed) {
		t.Fatalf("audit failure: %v", err)
	}
}

func TestClientStreams(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	c, rec := newClient(t, k, func(o *Options) { o.FrameLength = 100 })
	ec := map[string]string{"a": "b"}
	pt := bytes.Repeat([]byte("0123456789"), 123)
	var buf bytes.Buffer
	w, err := c.EncryptWriter(ctxBG, &buf, ec)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(pt); i += 77 {
		if _, err := w.Write(pt[i:min(i+77, len(pt))]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// The stream decrypts with the buffer API and the other way round.
	got, err := c.Decrypt(ctxBG, buf.Bytes(), ec)
	if err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("Decrypt of stream: %v", err)
	}
	msg, _ := c.Encrypt(ctxBG, pt, ec)
	r, err := c.DecryptReader(ctxBG, bytes.NewReader(msg), ec)
	if err != nil {
		t.Fatal(err)
	}
	got, err = io.ReadAll(r)
	if err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("DecryptReader: %v", err)
	}
	// Truncated stream: an error, never a silent EOF.
	r, err = c.DecryptReader(ctxBG, bytes.NewReader(msg[:len(msg)-200]), ec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(r); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("truncated stream: %v", err)
	}
	// Each operation, stream or buffer, has one attempt and exactly one
	// outcome with its request id: 5 operations, 1 failed (the truncated
	// stream, ended when its reader reached the cut).
	attempts, outcomes := map[string]int{}, map[string]int{}
	var fails int
	for _, e := range rec.Events() {
		switch e.Outcome {
		case hipaa.OutcomeAttempt:
			attempts[e.RequestID]++
		case hipaa.OutcomeSuccess, hipaa.OutcomeFailed:
			outcomes[e.RequestID]++
			if e.Outcome == hipaa.OutcomeFailed {
				fails++
			}
		}
	}
	if len(attempts) != 5 || fails != 1 {
		t.Fatalf("%d operations, %d failed", len(attempts), fails)
	}
	for id, n := range attempts {
		if n != 1 || outcomes[id] != 1 {
			t.Fatalf("request %s: %d attempts, %d outcomes", id, n, outcomes[id])
		}
	}
}

func TestClientKMS(t *testing.T) {
	srv, client, keyARN := startKMS(t)
	k, _ := NewKMSKeyring(client, keyARN)
	c, rec := newClient(t, k)
	ec := map[string]string{"tenant": "t-1"}
	msg, err := c.Encrypt(ctxBG, []byte("lab result"), ec)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := c.Decrypt(ctxBG, msg, ec); err != nil || string(got) != "lab result" {
		t.Fatalf("Decrypt: %v", err)
	}
	if ev := rec.Events(); ev[1].KeyID != keyARN {
		t.Fatalf("KeyID %q", ev[1].KeyID)
	}

	// Outage: a typed error, and nothing written.
	srv.SetOutage(true)
	var buf bytes.Buffer
	w, err := c.EncryptWriter(ctxBG, &buf, ec)
	var kerr *KMSError
	if w != nil || !errors.As(err, &kerr) || !errors.Is(err, ErrKMS) || buf.Len() != 0 {
		t.Fatalf("outage: writer %v, err %v, %d bytes written", w, err, buf.Len())
	}
	if out, err := c.Encrypt(ctxBG, []byte("x"), ec); out != nil || !errors.Is(err, ErrKMS) {
		t.Fatalf("outage, Encrypt: %v", err)
	}
	if _, err := c.Decrypt(ctxBG, msg, ec); !errors.Is(err, ErrKMS) {
		t.Fatalf("outage, Decrypt: %v", err)
	}
	ev := rec.Events()
	if last := ev[len(ev)-1]; last.Outcome != hipaa.OutcomeFailed || last.Reason != "aws:ServiceUnavailableException" {
		t.Fatalf("outage audit %+v", last)
	}
	srv.SetOutage(false)

	// A discovery client decrypts; a different KMS key's client cannot.
	d, _ := NewKMSDiscoveryKeyring(client, srv.Region(), DiscoveryFilter{Partition: "aws", Accounts: []string{srv.Account()}})
	dc, _ := newClient(t, d)
	if _, err := dc.Decrypt(ctxBG, msg, ec); err != nil {
		t.Fatalf("discovery: %v", err)
	}
	otherARN, _ := srv.CreateKey("other")
	ok, _ := NewKMSKeyring(client, otherARN)
	oc, _ := newClient(t, ok)
	if _, err := oc.Decrypt(ctxBG, msg, ec); !errors.Is(err, ErrNoDataKey) {
		t.Fatalf("other key: %v", err)
	}
}
