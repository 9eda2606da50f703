package envelope

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// TestStreamUnsignedOnly: with the option, DecryptReader refuses a signed
// message before releasing anything, still streams an unsigned one, and
// Decrypt (which verifies everything first) is unaffected.
func TestStreamUnsignedOnly(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	ec := map[string]string{"tenant": "t-1"}
	pt := bytes.Repeat([]byte("frame data "), 1000)
	strict, _ := newClient(t, k, func(o *Options) { o.StreamUnsignedOnly = true })
	for _, tc := range []struct {
		suite  SuiteID
		signed bool
	}{
		{AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384, true},
		{AES_256_GCM_HKDF_SHA512_COMMIT_KEY, false},
	} {
		writer, _ := newClient(t, k, func(o *Options) { o.Suite = tc.suite })
		msg, err := writer.Encrypt(ctxBG, pt, ec)
		if err != nil {
			t.Fatal(err)
		}
		r, err := strict.DecryptReader(ctxBG, bytes.NewReader(msg), ec)
		if tc.signed {
			if !errors.Is(err, ErrCommitmentPolicy) || r != nil {
				t.Fatalf("%v: DecryptReader = %v, %v; want a refusal wrapping ErrCommitmentPolicy", tc.suite, r, err)
			}
		} else {
			if err != nil {
				t.Fatalf("%v: %v", tc.suite, err)
			}
			got, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(got, pt) {
				t.Fatalf("%v: stream: %v", tc.suite, err)
			}
		}
		got, err := strict.Decrypt(ctxBG, msg, ec)
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("%v: Decrypt with StreamUnsignedOnly: %v", tc.suite, err)
		}
	}
}
