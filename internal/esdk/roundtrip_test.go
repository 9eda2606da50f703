package esdk

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"testing"
	"testing/iotest"
)

// params returns matching encrypt and decrypt parameters for suite s.
func params(t testing.TB, s *Suite, frame int, nonFramed bool) (EncryptParams, DecryptParams) {
	t.Helper()
	key := make([]byte, s.DataKeyLen)
	rand.Read(key)
	ec := map[string]string{"purpose": "test", "ünïcode": "välue"}
	ep := EncryptParams{
		Suite:             s,
		DataKey:           key,
		EncryptedDataKeys: []EncryptedDataKey{{ProviderID: "raw", ProviderInfo: []byte("info"), Ciphertext: []byte{1, 2, 3}}},
		EncryptionContext: ec,
		FrameLength:       frame,
		NonFramed:         nonFramed,
	}
	if s.Signed() {
		priv, err := ecdsa.GenerateKey(s.Curve, rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		pub, err := EncodePublicKey(&priv.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		ep.SigningKey = priv
		ep.EncryptionContext = map[string]string{"purpose": "test", PublicKeyContextKey: pub}
	}
	dp := DecryptParams{Materials: staticKey(key), AllowV1: true}
	return ep, dp
}

func encryptStream(t testing.TB, p EncryptParams, pt []byte, chunk int) []byte {
	t.Helper()
	var out bytes.Buffer
	w, err := NewEncrypter(&out, p)
	if err != nil {
		t.Fatal(err)
	}
	for len(pt) > 0 {
		n := min(chunk, len(pt))
		if _, err := w.Write(pt[:n]); err != nil {
			t.Fatal(err)
		}
		pt = pt[n:]
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestRoundTrip(t *testing.T) {
	big := make([]byte, 3*4096+17)
	rand.Read(big)
	sizes := map[string][]byte{"empty": {}, "1byte": {0x42}, "multi": big}
	for _, s := range Suites() {
		for _, layout := range []struct {
			name      string
			frame     int
			nonFramed bool
		}{{"frame1", 1, false}, {"frame4096", 0, false}, {"nonframed", 0, true}} {
			for sname, pt := range sizes {
				if layout.frame == 1 && len(pt) > 100 {
					pt = pt[:100]
				}
				t.Run(fmt.Sprintf("%v/%s/%s", s.ID, layout.name, sname), func(t *testing.T) {
					ep, dp := params(t, s, layout.frame, layout.nonFramed)
					msg, err := Encrypt(ep, pt)
					if err != nil {
						t.Fatal(err)
					}
					smsg := encryptStream(t, ep, pt, 7)
					for i, m := range [][]byte{msg, smsg} {
						got, h, err := decryptBoth(t, dp, m)
						if err != nil {
							t.Fatalf("message %d: %v", i, err)
						}
						if !bytes.Equal(got, pt) {
							t.Fatalf("message %d: plaintext differs", i)
						}
						if h.Suite != s || h.EncryptionContext["purpose"] != "test" || len(h.EncryptedDataKeys) != 1 {
							t.Fatalf("message %d: header differs", i)
						}
					}
					// Same message id and key: unsigned messages are byte-identical
					// between the two APIs.
					ep.MessageID = make([]byte, 16*s.MessageVersion)
					a, _ := Encrypt(ep, pt)
					b := encryptStream(t, ep, pt, 1000)
					if !s.Signed() && !bytes.Equal(a, b) {
						t.Fatal("Encrypt and NewEncrypter outputs differ")
					}
					// Commitment policy: v1 suites refused by default.
					dp.AllowV1 = false
					_, _, err = Decrypt(dp, msg)
					if s.Committing != (err == nil) || (err != nil && !errors.Is(err, ErrUnsupportedSuite)) {
						t.Fatalf("commitment policy: %v", err)
					}
					dp.AllowV1, dp.RefuseSigned = true, true
					_, _, err = Decrypt(dp, msg)
					if s.Signed() != errors.Is(err, ErrUnsupportedSuite) {
						t.Fatalf("RefuseSigned: %v", err)
					}
				})
			}
		}
	}
}

// TestTamper flips every bit and truncates at every length for several
// messages; every one must be refused by both APIs.
// TestTamper flips every single bit of, and truncates at every length,
// 28 messages: every suite framed and non-framed, plus a few special
// shapes. Under -race (slow) only the special shapes run; the full set runs
// in the plain and FIPS test runs.
func TestTamper(t *testing.T) {
	type tamperCase struct {
		id        SuiteID
		frame     int
		nonFramed bool
		n         int
	}
	cases := []tamperCase{
		{AES_256_GCM_HKDF_SHA512_COMMIT_KEY, 16, false, 40},
		{AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384, 16, false, 20},
		{AES_256_GCM_HKDF_SHA512_COMMIT_KEY, 0, true, 10},
		{AES_128_GCM_IV12_TAG16_NO_KDF, 8, false, 16},
		{AES_128_GCM_IV12_TAG16_HKDF_SHA256_ECDSA_P256, 0, true, 5},
		{AES_192_GCM_IV12_TAG16_HKDF_SHA256, 4, false, 0},
	}
	if !raceEnabled {
		for _, s := range Suites() {
			cases = append(cases, tamperCase{s.ID, 16, false, 33}, tamperCase{s.ID, 0, true, 7})
		}
	}
	if !raceEnabled && len(cases) < 20 {
		t.Fatalf("only %d tamper messages", len(cases))
	}
	var flips, msgs int
	defer func() {
		if !t.Failed() {
			t.Logf("%d messages, %d single-bit flips, each refused by Decrypt and by the stream decrypter", msgs, flips)
		}
	}()
	for _, c := range cases {
		s, _ := LookupSuite(c.id)
		t.Run(fmt.Sprintf("%v/%d/%v", c.id, c.frame, c.nonFramed), func(t *testing.T) {
			ep, dp := params(t, s, c.frame, c.nonFramed)
			ep.EncryptionContext = nil
			if s.Signed() {
				pub, _ := EncodePublicKey(&ep.SigningKey.PublicKey)
				ep.EncryptionContext = map[string]string{PublicKeyContextKey: pub}
			}
			pt := make([]byte, c.n)
			msg, err := Encrypt(ep, pt)
			if err != nil {
				t.Fatal(err)
			}
			msgs++
			flips += len(msg) * 8
			bad := make([]byte, len(msg))
			for i := 0; i < len(msg)*8; i++ {
				copy(bad, msg)
				bad[i/8] ^= 1 << (i % 8)
				if _, _, err := Decrypt(dp, bad); err == nil {
					t.Fatalf("bit %d flipped: accepted", i)
				}
				if _, _, err := decryptStream(dp, bytes.NewReader(bad)); err == nil {
					t.Fatalf("bit %d flipped: stream accepted", i)
				}
			}
			for n := 0; n < len(msg); n++ {
				if _, _, err := Decrypt(dp, msg[:n]); err == nil {
					t.Fatalf("truncated to %d: accepted", n)
				}
				if _, _, err := decryptStream(dp, bytes.NewReader(msg[:n])); err == nil {
					t.Fatalf("truncated to %d: stream accepted", n)
				}
			}
			extra := append(append([]byte(nil), msg...), 0)
			if _, _, err := Decrypt(dp, extra); !errors.Is(err, ErrMalformed) {
				t.Fatalf("trailing byte: %v", err)
			}
			if _, _, err := decryptStream(dp, bytes.NewReader(extra)); !errors.Is(err, ErrMalformed) {
				t.Fatalf("trailing byte (stream): %v", err)
			}
		})
	}
}

func TestStreamReleasesOnlyAuthenticated(t *testing.T) {
	s, _ := LookupSuite(AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384)
	ep, dp := params(t, s, 64, false)
	pt := make([]byte, 64*3+5)
	msg, _ := Encrypt(ep, pt)
	msg[len(msg)-10] ^= 1 // in the signature
	d, err := NewDecrypter(iotest.HalfReader(bytes.NewReader(msg)), dp)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(d)
	if !errors.Is(err, ErrAuthentication) {
		t.Fatalf("err %v", err)
	}
	if len(got) != 0 {
		t.Fatalf("%d bytes released before the signature was checked", len(got))
	}
	// With ReleaseUnverified the regular frames are released as their tags
	// check, the final one never.
	dp.ReleaseUnverified = true
	d, err = NewDecrypter(iotest.HalfReader(bytes.NewReader(msg)), dp)
	if err != nil {
		t.Fatal(err)
	}
	got, err = io.ReadAll(d)
	if !errors.Is(err, ErrAuthentication) || len(got) != 64*3 {
		t.Fatalf("ReleaseUnverified: %d bytes, err %v", len(got), err)
	}
}

func TestLimits(t *testing.T) {
	s, _ := LookupSuite(AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
	ep, dp := params(t, s, 1<<16, false)
	msg, _ := Encrypt(ep, []byte("x"))
	// The buffer bound applies to the frames a stream reaches, whatever
	// the header's frame length says.
	dp.MaxBuffer = 1 << 15
	if _, _, err := Decrypt(dp, msg); err != nil {
		t.Fatalf("buffer API with a bound: %v", err)
	}
	if _, _, err := decryptStream(dp, bytes.NewReader(msg)); err != nil {
		t.Fatalf("small final frame of a long frame length: %v", err)
	}
	for _, n := range []int{1<<16 + 1, 1<<15 + 1} { // a regular frame, a final frame over the bound
		big, _ := Encrypt(ep, make([]byte, n))
		if _, _, err := Decrypt(dp, big); err != nil {
			t.Fatalf("buffer API, %d bytes: %v", n, err)
		}
		if _, _, err := decryptStream(dp, bytes.NewReader(big)); !errors.Is(err, ErrLimit) {
			t.Fatalf("stream, %d bytes: %v", n, err)
		}
	}
	dp.MaxBuffer, dp.MaxHeaderSize = 0, 40
	if _, _, err := Decrypt(dp, msg); !errors.Is(err, ErrLimit) {
		t.Fatalf("header limit: %v", err)
	}
	if _, _, err := decryptStream(dp, bytes.NewReader(msg)); !errors.Is(err, ErrLimit) {
		t.Fatalf("header limit (stream): %v", err)
	}
	// A wrong data key fails the commitment check.
	dp = DecryptParams{Materials: staticKey(make([]byte, 32))}
	if _, _, err := Decrypt(dp, msg); !errors.Is(err, ErrAuthentication) {
		t.Fatalf("wrong key: %v", err)
	}
}

func TestEncryptionContext(t *testing.T) {
	ec := map[string]string{"b": "2", "a": "1", "": "empty key"}
	b, err := SerializeEncryptionContext(ec)
	if err != nil {
		t.Fatal(err)
	}
	want := []byte{0, 3, 0, 0, 0, 9, 'e', 'm', 'p', 't', 'y', ' ', 'k', 'e', 'y', 0, 1, 'a', 0, 1, '1', 0, 1, 'b', 0, 1, '2'}
	if !bytes.Equal(b, want) {
		t.Fatalf("got %x", b)
	}
	got, err := ParseEncryptionContext(b)
	if err != nil || len(got) != 3 || got["a"] != "1" {
		t.Fatalf("parse: %v %v", got, err)
	}
	if b, _ := SerializeEncryptionContext(nil); b == nil || len(b) != 0 {
		t.Fatal("empty context must serialize to an empty slice")
	}
	for name, bad := range map[string][]byte{
		"zero count": {0, 0},
		"trailing":   append(append([]byte(nil), want...), 0),
		"duplicate":  {0, 2, 0, 1, 'a', 0, 0, 0, 1, 'a', 0, 0},
		"bad utf8":   {0, 1, 0, 1, 0xff, 0, 0},
		"truncated":  want[:len(want)-1],
	} {
		if _, err := ParseEncryptionContext(bad); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := SerializeEncryptionContext(map[string]string{"k": string(make([]byte, 70000))}); !errors.Is(err, ErrLimit) {
		t.Errorf("long value: %v", err)
	}
	if _, err := SerializeEncryptionContext(map[string]string{"k": "\xff"}); !errors.Is(err, ErrMalformed) {
		t.Errorf("bad utf8: %v", err)
	}
}

func TestPublicKeyEncoding(t *testing.T) {
	for _, s := range []SuiteID{AES_128_GCM_IV12_TAG16_HKDF_SHA256_ECDSA_P256, AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384} {
		suite, _ := LookupSuite(s)
		for i := 0; i < 20; i++ {
			priv, _ := ecdsa.GenerateKey(suite.Curve, rand.Reader)
			enc, err := EncodePublicKey(&priv.PublicKey)
			if err != nil {
				t.Fatal(err)
			}
			pub, err := DecodePublicKey(enc, suite.Curve)
			if err != nil || !pub.Equal(&priv.PublicKey) {
				t.Fatalf("round trip: %v", err)
			}
		}
	}
	p384, _ := LookupSuite(AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384)
	for _, bad := range []string{"", "!!", "AA==", "BBGCxFc6Os7i62uzi0GJy4xNbfcC9QTsQhdioOhLHJIAuqbZiOJhhB1/AoyTL+1Ocg=="} {
		if _, err := DecodePublicKey(bad, p384.Curve); !errors.Is(err, ErrMalformed) {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if _, err := LookupSuite(0x0079); !errors.Is(err, ErrUnsupportedSuite) {
		t.Error(err)
	}
}
