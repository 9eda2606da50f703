package esdk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"testing"
	"testing/iotest"
)

// manyEDKHeader returns a message whose header carries n empty encrypted
// data keys (6 bytes each).
func manyEDKHeader(t testing.TB, n int) []byte {
	t.Helper()
	s, _ := LookupSuite(AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
	ep, _ := params(t, s, 0, false)
	ep.EncryptedDataKeys = make([]EncryptedDataKey, n)
	msg, err := Encrypt(ep, []byte("synthetic"))
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestReadHeaderOneByteAtATime: a header read one byte per Read call is
// parsed in memory (and so time) linear in its size, and the result is the
// one a single read gives.
func TestReadHeaderOneByteAtATime(t *testing.T) {
	const nEDK = 8000
	msg := manyEDKHeader(t, nEDK)
	whole, hn, err := ParseHeader(msg)
	if err != nil {
		t.Fatal(err)
	}
	var once, bytewise *Header
	var rest1, restN []byte
	allocOnce := allocated(func() {
		once, rest1, err = readHeader(bytes.NewReader(msg), 0, DefaultMaxHeaderSize)
	})
	if err != nil {
		t.Fatal(err)
	}
	allocBytewise := allocated(func() {
		bytewise, restN, err = readHeader(iotest.OneByteReader(bytes.NewReader(msg)), 0, DefaultMaxHeaderSize)
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, h := range map[string]*Header{"one read": once, "one byte per read": bytewise} {
		if len(h.EncryptedDataKeys) != nEDK || !bytes.Equal(h.raw, whole.raw) ||
			!reflect.DeepEqual(h.EncryptedDataKeys, whole.EncryptedDataKeys) ||
			!reflect.DeepEqual(h.EncryptionContext, whole.EncryptionContext) ||
			h.FrameLength != whole.FrameLength || !bytes.Equal(h.AuthTag, whole.AuthTag) {
			t.Fatalf("%s: header differs from ParseHeader's", name)
		}
	}
	if !bytes.Equal(append(rest1, msg[hn+len(rest1):]...), msg[hn:]) || len(restN) != 0 {
		t.Fatalf("bytes read past the header: %d (one read), %d (one byte per read)", len(rest1), len(restN))
	}
	// The parsed form of an empty key is a 64-byte struct for 6 bytes of
	// header: that array (grown by doubling as keys arrive, since the
	// count is trusted only as far as the input at hand goes) and the
	// input buffer (doubling too) are what a parse allocates, whatever the
	// read sizes.
	edkArray := uint64(nEDK) * uint64(reflect.TypeFor[EncryptedDataKey]().Size())
	t.Logf("header %d bytes (%d keys); allocated: one read %d bytes, one byte per read %d bytes (key array %d)",
		hn, nEDK, allocOnce, allocBytewise, edkArray)
	// (The race detector's instrumentation allocates on its own: the
	// absolute bound is checked by the plain and FIPS runs, the ratio by
	// all.)
	if limit := 4*uint64(hn) + 3*edkArray; !raceEnabled && allocBytewise > limit {
		t.Errorf("one byte per read allocated %d bytes, over %d", allocBytewise, limit)
	}
	if 2*allocBytewise > 3*allocOnce {
		t.Errorf("one byte per read allocated %d bytes, over 1.5x one read's %d", allocBytewise, allocOnce)
	}
}

func mustSuite(id SuiteID) *Suite {
	s, err := LookupSuite(id)
	if err != nil {
		panic(err)
	}
	return s
}

// TestReadHeaderEveryPrefix: every proper prefix of a header, read in
// pieces of every size, is reported truncated; never a panic or a header.
func TestReadHeaderEveryPrefix(t *testing.T) {
	msg := manyEDKHeader(t, 3)
	_, hn, err := ParseHeader(msg)
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < hn; n++ {
		for _, r := range []io.Reader{bytes.NewReader(msg[:n]), iotest.OneByteReader(bytes.NewReader(msg[:n])), iotest.HalfReader(bytes.NewReader(msg[:n]))} {
			if _, _, err := readHeader(r, 0, DefaultMaxHeaderSize); !errors.Is(err, ErrMalformed) {
				t.Fatalf("prefix %d of %d: %v", n, hn, err)
			}
		}
	}
}

// TestLongFrameLengths: the specification allows any frame length up to
// 2^32-1; a frame length longer than the data puts it all in the final
// frame. Every framed suite, frame lengths 2^32-1, 2^31 and 2^26+1, at
// plaintext sizes 0, 1 and 300 KiB, decrypts through the buffer APIs and
// the stream (whose default buffer bound, 64 MiB, is under those frame
// lengths: it bounds the frames a stream reaches, not the header's claim).
func TestLongFrameLengths(t *testing.T) {
	for _, s := range Suites() {
		for _, frame := range []int{1<<32 - 1, 1 << 31, 1<<26 + 1} {
			for _, size := range []int{0, 1, 300 << 10} {
				t.Run(fmt.Sprintf("%v/frame=%d/size=%d", s.ID, frame, size), func(t *testing.T) {
					ep, dp := params(t, s, frame, false)
					pt := bytes.Repeat([]byte{0x5a}, size)
					for _, msg := range [][]byte{mustEncrypt(t, ep, pt), encryptStream(t, ep, pt, 4096)} {
						if h, _, err := ParseHeader(msg); err != nil || h.FrameLength != uint32(frame) {
							t.Fatalf("header: %v", err)
						}
						got, _, err := Decrypt(dp, msg)
						if err != nil || !bytes.Equal(got, pt) {
							t.Fatalf("Decrypt: %v", err)
						}
						got, err = AppendDecrypt(dp, []byte("prefix"), msg)
						if err != nil || !bytes.Equal(got, append([]byte("prefix"), pt...)) {
							t.Fatalf("AppendDecrypt: %v", err)
						}
						got, _, err = decryptStream(dp, iotest.HalfReader(bytes.NewReader(msg)))
						if err != nil || !bytes.Equal(got, pt) {
							t.Fatalf("Decrypter: %v", err)
						}
					}
				})
			}
		}
	}
}

func mustEncrypt(t testing.TB, ep EncryptParams, pt []byte) []byte {
	t.Helper()
	msg, err := Encrypt(ep, pt)
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// TestDecrypterMemoryFollowsBytesRead: a header claiming 2^32-1-byte
// frames, and a final frame claiming more than arrives, cost what was read.
func TestDecrypterMemoryFollowsBytesRead(t *testing.T) {
	s := mustSuite(AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
	ep, dp := params(t, s, 1<<32-1, false)
	pt := make([]byte, 300<<10)
	msg := mustEncrypt(t, ep, pt)
	var got []byte
	var err error
	alloc := allocated(func() { got, _, err = decryptStream(dp, bytes.NewReader(msg)) })
	if err != nil || !bytes.Equal(got, pt) {
		t.Fatal(err)
	}
	// io.ReadAll's own growth of got is counted too: about 2x plaintext.
	t.Logf("300 KiB, frame length 2^32-1: %d bytes allocated", alloc)
	if alloc > 1<<20+3*uint64(len(pt)) {
		t.Errorf("allocated %d bytes", alloc)
	}
	// A truncated final frame that claims the whole frame length.
	s2 := mustSuite(AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
	ep2, dp2 := params(t, s2, 1<<26, false)
	big := mustEncrypt(t, ep2, make([]byte, 1<<26))
	cut := big[:len(big)/64]
	alloc = allocated(func() { _, _, err = decryptStream(dp2, bytes.NewReader(cut)) })
	if !errors.Is(err, ErrMalformed) {
		t.Fatalf("truncated: %v", err)
	}
	if alloc > 4*uint64(len(cut))+1<<20 {
		t.Errorf("a truncated %d-byte message allocated %d bytes", len(cut), alloc)
	}
}

// TestSignedStreamHeldUntilVerified: a signed message's plaintext is held
// until the signature verifies, up to the buffer bound; past it the stream
// is refused before anything is released, unless ReleaseUnverified.
func TestSignedStreamHeldUntilVerified(t *testing.T) {
	s := mustSuite(AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384)
	ep, dp := params(t, s, 1024, false)
	pt := bytes.Repeat([]byte("synthetic "), 1000) // 10 frames
	msg := mustEncrypt(t, ep, pt)
	// Forge nothing, flip a bit of the signature: nothing is released,
	// through Read and through WriteTo.
	bad := bytes.Clone(msg)
	bad[len(bad)-5] ^= 1
	d, err := NewDecrypter(bytes.NewReader(bad), dp)
	if err != nil {
		t.Fatal(err)
	}
	var sink bytes.Buffer
	if n, err := d.WriteTo(&sink); n != 0 || sink.Len() != 0 || !errors.Is(err, ErrAuthentication) {
		t.Fatalf("WriteTo released %d bytes, err %v", n, err)
	}
	// Within the bound: decrypts.
	dp.MaxBuffer = len(pt)
	if got, _, err := decryptStream(dp, iotest.OneByteReader(bytes.NewReader(msg))); err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("within the bound: %v", err)
	}
	// Past it: refused, nothing released.
	dp.MaxBuffer = len(pt) - 1
	d, err = NewDecrypter(bytes.NewReader(msg), dp)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(d)
	if len(got) != 0 || !errors.Is(err, ErrLimit) {
		t.Fatalf("past the bound: %d bytes, %v", len(got), err)
	}
	// ReleaseUnverified streams it.
	dp.ReleaseUnverified = true
	if got, _, err := decryptStream(dp, bytes.NewReader(msg)); err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("ReleaseUnverified: %v", err)
	}
}
