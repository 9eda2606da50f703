package esdk

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

func seedCorpus(f *testing.F) {
	for _, name := range []string{"c-zero-key-v1.json", "commitment-kat.json", "js-zero-key.json"} {
		for _, tc := range loadVectors(f, name) {
			for _, k := range []string{"ciphertext-b64", "ciphertext"} {
				if v, ok := tc[k]; ok {
					f.Add(b64(f, v))
				}
			}
		}
	}
}

func FuzzParseHeader(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		h, n, err := ParseHeader(b)
		// Read in pieces, the incremental parse agrees with the one-shot
		// parse on every input: the same header, or an error of the same
		// kind (a truncated header is ErrMalformed either way).
		for _, r := range []io.Reader{iotest.OneByteReader(bytes.NewReader(b)), iotest.HalfReader(bytes.NewReader(b))} {
			rh, rest, rerr := readHeader(r, 0, DefaultMaxHeaderSize)
			if (err == nil) != (rerr == nil) {
				t.Fatalf("ParseHeader err %v, readHeader err %v", err, rerr)
			}
			if err != nil {
				for _, kind := range []error{ErrMalformed, ErrLimit, ErrUnsupportedSuite} {
					if errors.Is(err, kind) != errors.Is(rerr, kind) {
						t.Fatalf("ParseHeader err %v, readHeader err %v", err, rerr)
					}
				}
				continue
			}
			if !bytes.Equal(rh.raw, b[:n]) || !bytes.Equal(rest, b[n:n+len(rest)]) {
				t.Fatalf("readHeader disagrees with ParseHeader")
			}
		}
		if err != nil {
			return
		}
		if got := h.Bytes(); !bytes.Equal(got, b[:n]) {
			t.Fatalf("re-serialized header differs")
		}
		// Re-serializing from the fields (not the raw copy) agrees too.
		h.raw = nil
		if got := h.Bytes(); !bytes.Equal(got, b[:n]) {
			t.Fatalf("header built from fields differs")
		}
	})
}

func FuzzDecrypt(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		p := DecryptParams{
			Materials: func(h *Header) ([]byte, *ecdsa.PublicKey, error) {
				return make([]byte, h.Suite.DataKeyLen), nil, nil
			},
			AllowV1:              true,
			MaxEncryptedDataKeys: 8,
			MaxBuffer:            1 << 16,
		}
		pt, h, err := Decrypt(p, b)
		spt, _, serr := decryptStream(p, bytes.NewReader(b))
		if err == nil && errors.Is(serr, ErrLimit) {
			return // the stream's buffer bound; the buffer API has none
		}
		if (err == nil) != (serr == nil) {
			t.Fatalf("buffer err %v, stream err %v", err, serr)
		}
		if err == nil && (h == nil || !bytes.Equal(pt, spt)) {
			t.Fatal("APIs disagree")
		}
	})
}
