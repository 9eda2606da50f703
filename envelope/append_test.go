package envelope

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
)

func TestAppendEncryptDecrypt(t *testing.T) {
	ctx := context.Background()
	ec := map[string]string{"tenant": "t-1"}
	for _, suite := range []SuiteID{0x0478, 0x0578} {
		k, err := NewRawAESKeyring("ns", "n", make([]byte, 32))
		if err != nil {
			t.Fatal(err)
		}
		c, _ := newClient(t, k, func(o *Options) { o.Suite = suite; o.FrameLength = 64 })
		pt := bytes.Repeat([]byte("plaintext "), 30)
		for _, spare := range []int{0, 1 << 12} {
			prefix := []byte("prefix")
			dst := append(make([]byte, 0, len(prefix)+spare), prefix...)
			msg, err := c.AppendEncrypt(ctx, dst, pt, ec)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(msg[:len(prefix)], prefix) {
				t.Fatalf("suite %v: prefix lost", suite)
			}
			if spare > 0 && &msg[0] != &dst[0] {
				t.Errorf("suite %v: did not write into dst's capacity", suite)
			}
			got, err := c.Decrypt(ctx, msg[len(prefix):], ec)
			if err != nil || !bytes.Equal(got, pt) {
				t.Fatalf("suite %v: Decrypt: %v", suite, err)
			}
			out := append(make([]byte, 0, len(prefix)+spare), prefix...)
			got, err = c.AppendDecrypt(ctx, out, msg[len(prefix):], ec)
			if err != nil || !bytes.Equal(got, append(prefix, pt...)) {
				t.Fatalf("suite %v: AppendDecrypt: %v", suite, err)
			}
			if spare > 0 && &got[0] != &out[0] {
				t.Errorf("suite %v: did not write into dst's capacity", suite)
			}
			bad := bytes.Clone(msg[len(prefix):])
			bad[len(bad)-40] ^= 1
			got, err = c.AppendDecrypt(ctx, out[:len(prefix)], bad, ec)
			if got != nil || !errors.Is(err, hipaa.ErrTampered) {
				t.Fatalf("suite %v: tampered: %v, %d bytes", suite, err, len(got))
			}
			if !bytes.Equal(out[:len(prefix)], prefix) {
				t.Fatalf("suite %v: dst changed on error", suite)
			}
		}
	}
}
