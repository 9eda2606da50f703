package envelope

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"runtime"
	"testing"
	"testing/iotest"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/esdk"
)

// framedSuiteOptions returns, for each suite, the options a client needs to
// write and read it (the suites without key commitment only under
// ForbidEncryptAllowDecrypt).
func suiteOptions(id SuiteID) func(*Options) {
	s, _ := esdk.LookupSuite(id)
	return func(o *Options) {
		o.Suite = id
		if !s.Committing {
			o.CommitmentPolicy = ForbidEncryptAllowDecrypt
		}
	}
}

// TestLongFrameLengthsThroughClient: messages with frame lengths 2^32-1,
// 2^31 and 2^26+1 (allowed by the specification, written by the other
// SDKs), at plaintext sizes 0, 1 and 300 KiB, for every suite, written by
// Encrypt and by EncryptWriter, decrypt through Decrypt, AppendDecrypt and
// DecryptReader with the default options.
func TestLongFrameLengthsThroughClient(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "frames", randKey(t, 32))
	ec := map[string]string{"tenant": "t-7"}
	for _, s := range esdk.Suites() {
		for _, frame := range []int{1<<32 - 1, 1 << 31, 1<<26 + 1} {
			c, _ := newClient(t, k, suiteOptions(s.ID), func(o *Options) { o.FrameLength = frame })
			for _, size := range []int{0, 1, 300 << 10} {
				t.Run(fmt.Sprintf("%v/frame=%d/size=%d", s.ID, frame, size), func(t *testing.T) {
					pt := bytes.Repeat([]byte{0xa5}, size)
					msg, streamed := encryptBoth(t, c, pt, ec)
					for name, m := range map[string][]byte{"Encrypt": msg, "EncryptWriter": streamed} {
						if h, _, err := esdk.ParseHeader(m); err != nil || h.FrameLength != uint32(frame) {
							t.Fatalf("%s: header %v", name, err)
						}
						if got, err := c.Decrypt(ctxBG, m, ec); err != nil || !bytes.Equal(got, pt) {
							t.Fatalf("%s: Decrypt: %v", name, err)
						}
						if got, err := c.AppendDecrypt(ctxBG, []byte("x"), m, ec); err != nil || !bytes.Equal(got, append([]byte("x"), pt...)) {
							t.Fatalf("%s: AppendDecrypt: %v", name, err)
						}
						r, err := c.DecryptReader(ctxBG, iotest.HalfReader(bytes.NewReader(m)), ec)
						if err != nil {
							t.Fatalf("%s: DecryptReader: %v", name, err)
						}
						if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, pt) {
							t.Fatalf("%s: DecryptReader: %v", name, err)
						}
					}
				})
			}
		}
	}
}

// encryptBoth encrypts pt with Encrypt and with EncryptWriter (fed in
// uneven pieces).
func encryptBoth(t *testing.T, c *Client, pt []byte, ec map[string]string) (msg, streamed []byte) {
	t.Helper()
	msg, err := c.Encrypt(ctxBG, pt, ec)
	if err != nil {
		t.Fatal(err)
	}
	var w bytes.Buffer
	ew, err := c.EncryptWriter(ctxBG, &w, ec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(ew, iotest.HalfReader(bytes.NewReader(pt))); err != nil || ew.Close() != nil {
		t.Fatalf("EncryptWriter: %v", err)
	}
	return msg, w.Bytes()
}

// TestDecryptReaderAllocationLongFrame: a 300 KiB message with frame
// length 2^32-1 streams with under 1 MiB allocated beyond the plaintext.
func TestDecryptReaderAllocationLongFrame(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "frames", randKey(t, 32))
	ec := map[string]string{"tenant": "t-7"}
	for _, id := range []SuiteID{AES_256_GCM_HKDF_SHA512_COMMIT_KEY, AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384} {
		c, _ := newClient(t, k, suiteOptions(id), func(o *Options) { o.FrameLength = 1<<32 - 1 })
		pt := make([]byte, 300<<10)
		msg, err := c.Encrypt(ctxBG, pt, ec)
		if err != nil {
			t.Fatal(err)
		}
		var a, b runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&a)
		r, err := c.DecryptReader(ctxBG, bytes.NewReader(msg), ec)
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.Copy(io.Discard, r)
		runtime.ReadMemStats(&b)
		if err != nil || n != int64(len(pt)) {
			t.Fatalf("%v: %d bytes, %v", id, n, err)
		}
		alloc := b.TotalAlloc - a.TotalAlloc
		t.Logf("%v: 300 KiB, frame length 2^32-1: DecryptReader allocated %d bytes (plaintext %d)", id, alloc, len(pt))
		if alloc > 1<<20+uint64(len(pt)) {
			t.Errorf("%v: allocated %d bytes, over 1 MiB plus the plaintext", id, alloc)
		}
	}
}

// TestStreamDefaults: EncryptWriter writes the committing unsigned suite by
// default (every frame verifiable as it arrives), Encrypt the signed one;
// Options.Suite sets both.
func TestStreamDefaults(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	ec := map[string]string{}
	for _, tc := range []struct {
		opt            func(*Options)
		buffer, stream SuiteID
	}{
		{func(*Options) {}, AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384, AES_256_GCM_HKDF_SHA512_COMMIT_KEY},
		{func(o *Options) { o.CommitmentPolicy = ForbidEncryptAllowDecrypt }, AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384, AES_256_GCM_IV12_TAG16_HKDF_SHA256},
		{func(o *Options) { o.Suite = AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384 }, AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384, AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384},
	} {
		c, rec := newClient(t, k, tc.opt)
		msg, streamed := encryptBoth(t, c, []byte("x"), ec)
		hb, _, _ := esdk.ParseHeader(msg)
		hs, _, _ := esdk.ParseHeader(streamed)
		if hb.Suite.ID != tc.buffer || hs.Suite.ID != tc.stream {
			t.Fatalf("Encrypt wrote %v (want %v), EncryptWriter %v (want %v)", hb.Suite.ID, tc.buffer, hs.Suite.ID, tc.stream)
		}
		// The audit event names the suite written.
		var res []string
		for _, e := range rec.Events() {
			if e.Outcome == hipaa.OutcomeAttempt {
				res = append(res, e.Resource)
			}
		}
		if want := []string{suiteResource(tc.buffer), suiteResource(tc.stream)}; fmt.Sprint(res) != fmt.Sprint(want) {
			t.Fatalf("audited %v, want %v", res, want)
		}
	}
}

// forgeFrame replaces frame seq of a signed framed message with one
// encrypted under the message's own data key and message id, as any holder
// of the data key (any reader) could: the frame's GCM tag checks, only the
// signature can tell.
func forgeFrame(t *testing.T, msg, dataKey []byte, seq int, frame int) []byte {
	t.Helper()
	h, hn, err := esdk.ParseHeader(msg)
	if err != nil {
		t.Fatal(err)
	}
	other, err := ecdsa.GenerateKey(h.Suite.Curve, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	fake, err := esdk.Encrypt(esdk.EncryptParams{Suite: h.Suite, DataKey: dataKey, EncryptedDataKeys: h.EncryptedDataKeys,
		EncryptionContext: h.EncryptionContext, FrameLength: frame, SigningKey: other, MessageID: h.MessageID},
		bytes.Repeat([]byte("F"), 3*frame))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fake[:hn], msg[:hn]) {
		t.Fatal("forged header differs")
	}
	off := hn + (seq-1)*(16+frame+16)
	forged := bytes.Clone(msg)
	copy(forged[off:off+16+frame+16], fake[off:])
	return forged
}

// TestDecryptReaderSignedTamperReleasesNothing: a signed message with a
// frame forged by a holder of the data key, or a bad signature, or a cut
// footer, releases 0 bytes through DecryptReader with default options, by
// Read and by io.Copy; AllowUnverifiedStreaming releases the verified
// frames and is audited as an override.
func TestDecryptReaderSignedTamperReleasesNothing(t *testing.T) {
	dataKey := randKey(t, 32)
	k := &fixedKeyring{key: dataKey}
	ec := map[string]string{"tenant": "t-9"}
	const frame = 1024
	c, rec := newClient(t, k, func(o *Options) { o.FrameLength = frame; o.Suite = AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384 })
	pt := bytes.Repeat([]byte("synthetic-"), 2000) // 20 frames
	msg, err := c.Encrypt(ctxBG, pt, ec)
	if err != nil {
		t.Fatal(err)
	}
	badSig := bytes.Clone(msg)
	badSig[len(badSig)-3] ^= 0x10
	for name, m := range map[string][]byte{
		"forged frame 2": forgeFrame(t, msg, dataKey, 2, frame),
		"bad signature":  badSig,
		"cut footer":     msg[:len(msg)-40],
	} {
		r, err := c.DecryptReader(ctxBG, bytes.NewReader(m), ec)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := io.ReadAll(r)
		if len(got) != 0 || !errors.Is(err, hipaa.ErrTampered) {
			t.Fatalf("%s: Read released %d bytes, err %v", name, len(got), err)
		}
		r, _ = c.DecryptReader(ctxBG, iotest.OneByteReader(bytes.NewReader(m)), ec)
		var sink bytes.Buffer
		if n, err := io.Copy(&sink, r); n != 0 || !errors.Is(err, hipaa.ErrTampered) {
			t.Fatalf("%s: io.Copy released %d bytes, err %v", name, n, err)
		}
	}
	// The untampered message streams.
	r, _ := c.DecryptReader(ctxBG, bytes.NewReader(msg), ec)
	if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("untampered: %v", err)
	}
	// Over the bound: refused, nothing released.
	small, _ := newClient(t, k, func(o *Options) { o.MaxStreamBuffer = len(pt) - 1 })
	r, _ = small.DecryptReader(ctxBG, bytes.NewReader(msg), ec)
	if got, err := io.ReadAll(r); len(got) != 0 || !errors.Is(err, ErrStreamBuffer) {
		t.Fatalf("over MaxStreamBuffer: %d bytes, %v", len(got), err)
	}
	// The named weakening releases every regular frame, the forged one
	// included (its tag checks), before the signature fails, and says so
	// in the audit log.
	loose, lrec := newClient(t, k, func(o *Options) { o.AllowUnverifiedStreaming = true; o.MaxStreamBuffer = frame })
	r, err = loose.DecryptReader(ctxBG, bytes.NewReader(forgeFrame(t, msg, dataKey, 2, frame)), ec)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if !errors.Is(err, hipaa.ErrTampered) || len(got) != len(pt)/frame*frame || !bytes.Contains(got, bytes.Repeat([]byte("F"), frame)) {
		t.Fatalf("AllowUnverifiedStreaming: %d bytes, %v", len(got), err)
	}
	var overrides int
	for _, e := range lrec.Events() {
		if e.Outcome == hipaa.OutcomeOverride && e.Detail == "AllowUnverifiedStreaming" && e.Action == "envelope.Decrypt" {
			overrides++
		}
	}
	if overrides != 1 {
		t.Fatalf("%d override events, want 1", overrides)
	}
	for _, e := range rec.Events() {
		if e.Outcome == hipaa.OutcomeOverride {
			t.Fatalf("override recorded without the option: %+v", e)
		}
	}
	// An audit sink that fails refuses the weakened stream before it starts.
	lrec.FailWith(errors.New("sink down"))
	if _, err := loose.DecryptReader(ctxBG, bytes.NewReader(msg), ec); !errors.Is(err, hipaa.ErrAuditFailed) {
		t.Fatalf("override with a failing sink: %v", err)
	}
}

// fixedKeyring hands out one known data key, so that a test can forge a
// frame as any holder of the data key could.
type fixedKeyring struct{ key []byte }

func (k *fixedKeyring) OnEncrypt(_ context.Context, m *EncryptionMaterials) (*EncryptionMaterials, error) {
	if err := m.usable(); err != nil {
		return nil, err
	}
	out := m.clone()
	out.dataKey = bytes.Clone(k.key)
	out.edks = append(out.edks, esdk.EncryptedDataKey{ProviderID: "fixed", Ciphertext: []byte{1}})
	return out, nil
}

func (k *fixedKeyring) OnDecrypt(_ context.Context, m *DecryptionMaterials, _ []esdk.EncryptedDataKey) (*DecryptionMaterials, error) {
	if err := m.usable(); err != nil {
		return nil, err
	}
	return m.withDataKey(bytes.Clone(k.key)), nil
}

// TestNilInputs: every nil input is a typed error, never a panic.
func TestNilInputs(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	p := &hipaa.Policy{Auditor: hipaatest.NewRecorder()}
	if _, err := New(p, k, nil); !errors.Is(err, ErrConfig) {
		t.Fatalf("New with a nil option: %v", err)
	}
	c, _ := newClient(t, k)
	if _, err := c.EncryptWriter(ctxBG, nil, map[string]string{}); !errors.Is(err, ErrConfig) {
		t.Fatalf("EncryptWriter(nil): %v", err)
	}
	if _, err := c.DecryptReader(ctxBG, nil, map[string]string{}); !errors.Is(err, ErrConfig) {
		t.Fatalf("DecryptReader(nil): %v", err)
	}
	rsaKey := testRSAKey(t)
	rsa, _ := NewRawRSAKeyring("ns", "rsa", &rsaKey.PublicKey, rsaKey, OAEPSHA256)
	multi, _ := NewMultiKeyring(k, rsa)
	for name, kr := range map[string]Keyring{"raw AES": k, "raw RSA": rsa, "multi": multi} {
		if _, err := kr.OnEncrypt(ctxBG, nil); !errors.Is(err, ErrConfig) {
			t.Fatalf("%s: OnEncrypt(nil): %v", name, err)
		}
		if _, err := kr.OnEncrypt(ctxBG, &EncryptionMaterials{}); !errors.Is(err, ErrConfig) {
			t.Fatalf("%s: OnEncrypt(zero materials): %v", name, err)
		}
		if _, err := kr.OnDecrypt(ctxBG, nil, nil); !errors.Is(err, ErrConfig) {
			t.Fatalf("%s: OnDecrypt(nil): %v", name, err)
		}
		if _, err := kr.OnDecrypt(ctxBG, &DecryptionMaterials{}, nil); !errors.Is(err, ErrConfig) {
			t.Fatalf("%s: OnDecrypt(zero materials): %v", name, err)
		}
	}
}
