package hipaatest

import (
	"bytes"
	"testing"
)

// blobFixture is a server with one key rotated once and valid blobs under
// both versions, all encrypted under the context {"k": "v"}.
func blobFixture(tb testing.TB) (*KMSServer, [][]byte) {
	tb.Helper()
	s, err := NewKMSServer()
	if err != nil {
		tb.Fatal(err)
	}
	arn, err := s.CreateKey("fuzz")
	if err != nil {
		tb.Fatal(err)
	}
	ec := map[string]string{"k": "v"}
	var blobs [][]byte
	for i := 0; i < 2; i++ {
		s.mu.Lock()
		k, aerr := s.resolveKey(arn, true)
		if aerr != nil {
			tb.Fatal(aerr)
		}
		b, aerr := encryptLocked(k, []byte("plaintext"), ec)
		s.mu.Unlock()
		if aerr != nil {
			tb.Fatal(aerr)
		}
		blobs = append(blobs, b)
		if err := s.RotateKey(arn); err != nil {
			tb.Fatal(err)
		}
	}
	return s, blobs
}

func (s *KMSServer) decryptForTest(blob []byte, ec map[string]string) ([]byte, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, pt, err := s.decryptLocked(blob, ec, "")
	return pt, err
}

func TestBlobEveryByteFlipFails(t *testing.T) {
	s, blobs := blobFixture(t)
	ec := map[string]string{"k": "v"}
	for _, blob := range blobs {
		if pt, err := s.decryptForTest(blob, ec); err != nil || string(pt) != "plaintext" {
			t.Fatalf("valid blob: %q, %v", pt, err)
		}
		for i := range blob {
			for _, mask := range []byte{0x01, 0x80, 0xff} {
				b := bytes.Clone(blob)
				b[i] ^= mask
				if _, err := s.decryptForTest(b, ec); err == nil || err.code != CodeInvalidCiphertext {
					t.Fatalf("flipping byte %d with %#x: err = %v, want InvalidCiphertextException", i, mask, err)
				}
			}
		}
		for n := 0; n < len(blob); n++ {
			if _, err := s.decryptForTest(blob[:n], ec); err == nil {
				t.Fatalf("blob truncated to %d bytes decrypted", n)
			}
		}
	}
}

func TestCanonicalContextIsUnambiguous(t *testing.T) {
	pairs := [][2]map[string]string{
		{{"ab": "c"}, {"a": "bc"}},
		{{"a": "b", "c": "d"}, {"a": "b\x00c\x00d"}},
		{nil, {"": ""}},
	}
	for _, p := range pairs {
		if bytes.Equal(canonicalContext(p[0]), canonicalContext(p[1])) {
			t.Errorf("contexts %v and %v encode the same", p[0], p[1])
		}
	}
	if !bytes.Equal(canonicalContext(nil), canonicalContext(map[string]string{})) {
		t.Error("nil and empty contexts differ")
	}
	if !bytes.Equal(canonicalContext(map[string]string{"x": "1", "y": "2"}), canonicalContext(map[string]string{"y": "2", "x": "1"})) {
		t.Error("context encoding depends on order")
	}
}

// FuzzDecryptBlob feeds arbitrary blobs and contexts to the decryption path:
// it must never panic, and must succeed only for an unmodified blob under
// its own encryption context.
func FuzzDecryptBlob(f *testing.F) {
	s, blobs := blobFixture(f)
	for _, b := range blobs {
		f.Add(b, "v")
		f.Add(b, "w")
		f.Add(b[:len(b)-1], "v")
	}
	f.Add([]byte{}, "v")
	f.Add([]byte{blobVersion, 0xff, 0xff}, "v")
	f.Add([]byte{blobVersion, 0, 36}, "v")
	f.Fuzz(func(t *testing.T, blob []byte, v string) {
		if _, err := parseBlob(blob); err == nil {
			// A parsed blob's fields lie within the input.
			p, _ := parseBlob(blob)
			if len(p.header)+len(p.nonce)+len(p.sealed) != len(blob) {
				t.Fatalf("parsed fields cover %d of %d bytes", len(p.header)+len(p.nonce)+len(p.sealed), len(blob))
			}
		}
		pt, err := s.decryptForTest(blob, map[string]string{"k": v})
		if err != nil {
			return
		}
		valid := false
		for _, b := range blobs {
			if bytes.Equal(b, blob) {
				valid = true
			}
		}
		if !valid || v != "v" || string(pt) != "plaintext" {
			t.Fatalf("decrypted a blob that is not one of the originals, or under the wrong context (v=%q): %q", v, pt)
		}
	})
}
