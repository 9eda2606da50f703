package interop

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"testing"
	"testing/iotest"

	"github.com/phisafe/phisafe/envelope"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/interop/official"
)

// Frame lengths far above any plaintext here: the specification allows
// any frame length up to 2^32-1, and a frame length larger than the data
// puts all of it in the final frame (issue 9). 2^26+1 is one past the
// 64 MiB bound phisafe's streaming reader keeps for a regular frame.
var largeFrames = []int64{1<<32 - 1, 1 << 31, 1<<26 + 1}

// largeFrameSizes are the plaintext sizes of the large-frame tests: empty,
// one byte, and 300 KiB (more than a default 4096-byte frame many times
// over, still a single final frame here).
var largeFrameSizes = []int{0, 1, 300 << 10}

// The framed suites both SDKs write and read: the key-committing ones
// (format v2) and, under a policy that allows them, those without key
// commitment (format v1).
var (
	committingSuites = []uint16{0x0478, 0x0578}
	legacySuites     = []uint16{0x0014, 0x0046, 0x0078, 0x0114, 0x0146, 0x0178, 0x0214, 0x0346, 0x0378}
)

// signedSuite reports whether a message of the suite ends with a footer
// (an ECDSA signature).
func signedSuite(suite uint16) bool {
	switch suite {
	case 0x0214, 0x0346, 0x0378, 0x0578:
		return true
	}
	return false
}

func sizeName(n int) string {
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%dKiB", n>>10)
	}
	return fmt.Sprintf("%dB", n)
}

// phisafeClientWith is phisafeClient under a commitment policy. suite 0
// keeps the policy's default suite (as a decrypting client does).
func phisafeClientWith(t testing.TB, key []byte, suite uint16, frame int64, policy envelope.CommitmentPolicy) *envelope.Client {
	t.Helper()
	kr, err := envelope.NewRawAESKeyring(namespace, keyName, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := envelope.New(&hipaa.Policy{Auditor: hipaatest.NewRecorder()}, kr, func(o *envelope.Options) {
		o.Suite = envelope.SuiteID(suite)
		o.FrameLength = int(frame)
		o.CommitmentPolicy = policy
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// msgLayout is what the large-frame tests read from a message's bytes:
// phisafe's own header parser is internal to the main module.
type msgLayout struct {
	version     byte   // 1 or 2
	suite       uint16 // algorithm suite ID
	frameLength uint32 // the header's frame length field
	frameOff    int    // offset of that field in the message
	headerEnd   int    // offset of the first byte after the header authentication
}

// parseLayout walks a framed message's header (data-format/message-header.md):
//
//	v1: version 0x01, type 0x80, suite (2), message ID (16), AAD (2+n),
//	    EDKs (2 + each 2+n, 2+n, 2+n), content type (1), reserved (4),
//	    IV length (1), frame length (4); then IV (12) and tag (16)
//	v2: version 0x02, suite (2), message ID (32), AAD (2+n), EDKs,
//	    content type (1), frame length (4), suite data (32); then tag (16)
func parseLayout(msg []byte) (msgLayout, error) {
	var l msgLayout
	p := 0
	take := func(n int) ([]byte, error) {
		if n < 0 || len(msg)-p < n {
			return nil, fmt.Errorf("header truncated at offset %d (need %d bytes)", p, n)
		}
		b := msg[p : p+n]
		p += n
		return b, nil
	}
	u8 := func() (byte, error) {
		b, err := take(1)
		if err != nil {
			return 0, err
		}
		return b[0], nil
	}
	u16 := func() (int, error) {
		b, err := take(2)
		if err != nil {
			return 0, err
		}
		return int(binary.BigEndian.Uint16(b)), nil
	}
	skip16 := func() error { // a 2-byte length and that many bytes
		n, err := u16()
		if err != nil {
			return err
		}
		_, err = take(n)
		return err
	}
	v, err := u8()
	if err != nil {
		return l, err
	}
	l.version = v
	idLen := 32
	switch v {
	case 1:
		if t, err := u8(); err != nil || t != 0x80 {
			return l, fmt.Errorf("v1 message type %#x, %v", t, err)
		}
		idLen = 16
	case 2:
	default:
		return l, fmt.Errorf("unknown message version %#x", v)
	}
	s, err := u16()
	if err != nil {
		return l, err
	}
	l.suite = uint16(s)
	if _, err := take(idLen); err != nil {
		return l, err
	}
	if err := skip16(); err != nil { // AAD (serialized encryption context)
		return l, err
	}
	edks, err := u16()
	if err != nil {
		return l, err
	}
	for range edks {
		for range 3 { // provider ID, provider info, ciphertext
			if err := skip16(); err != nil {
				return l, err
			}
		}
	}
	if ct, err := u8(); err != nil || ct != 0x02 {
		return l, fmt.Errorf("content type %#x (want 0x02, framed), %v", ct, err)
	}
	ivLen := 0
	if v == 1 {
		if r, err := take(4); err != nil || !bytes.Equal(r, []byte{0, 0, 0, 0}) {
			return l, fmt.Errorf("v1 reserved field %x, %v", r, err)
		}
		n, err := u8()
		if err != nil {
			return l, err
		}
		ivLen = int(n)
	}
	l.frameOff = p
	fl, err := take(4)
	if err != nil {
		return l, err
	}
	l.frameLength = binary.BigEndian.Uint32(fl)
	if v == 2 {
		if _, err := take(32); err != nil { // suite data: the commitment key
			return l, err
		}
	}
	if _, err := take(ivLen + 16); err != nil { // header authentication
		return l, err
	}
	l.headerEnd = p
	return l, nil
}

// checkLayout checks that msg is a framed message of the suite whose
// header frame length is frame and whose body is one final frame holding
// all n plaintext bytes (sequence number 1), followed by nothing but the
// footer of a signed suite.
func checkLayout(msg []byte, suite uint16, frame int64, n int) error {
	l, err := parseLayout(msg)
	if err != nil {
		return err
	}
	want := byte(1)
	if slices.Contains(committingSuites, suite) {
		want = 2
	}
	if l.version != want {
		return fmt.Errorf("message version %d, want %d", l.version, want)
	}
	if l.suite != suite {
		return fmt.Errorf("header suite %#04x, want %#04x", l.suite, suite)
	}
	if int64(l.frameLength) != frame {
		return fmt.Errorf("header frame length %d (%#x), want %d", l.frameLength, l.frameLength, frame)
	}
	// For v2 the frame length field sits right before the 32-byte suite
	// data that ends the header body, itself before the 16-byte tag.
	if l.version == 2 && l.frameOff != l.headerEnd-16-32-4 {
		return fmt.Errorf("v2 frame length at offset %d, header ends at %d", l.frameOff, l.headerEnd)
	}
	body := msg[l.headerEnd:]
	const frameHead = 4 + 4 + 12 + 4 // final marker, sequence number, IV, content length
	if len(body) < frameHead {
		return fmt.Errorf("body of %d bytes, too short for a final frame", len(body))
	}
	if m := binary.BigEndian.Uint32(body); m != 0xffffffff {
		return fmt.Errorf("body starts with %#x, not the final frame marker: more than one frame", m)
	}
	if seq := binary.BigEndian.Uint32(body[4:]); seq != 1 {
		return fmt.Errorf("final frame sequence number %d, want 1", seq)
	}
	if cl := binary.BigEndian.Uint32(body[20:]); int64(cl) != int64(n) {
		return fmt.Errorf("final frame content length %d, want %d", cl, n)
	}
	rest := body[frameHead+n+16:]
	if signedSuite(suite) {
		if len(rest) < 2 || len(rest) != 2+int(binary.BigEndian.Uint16(rest)) {
			return fmt.Errorf("footer of %d bytes is not one length-prefixed signature", len(rest))
		}
	} else if len(rest) != 0 {
		return fmt.Errorf("%d bytes after the final frame of an unsigned suite", len(rest))
	}
	return nil
}

// phisafeDecryptAll decrypts msg with each of phisafe's decrypt APIs and
// compares the plaintext: Decrypt, AppendDecrypt (after a prefix), and
// DecryptReader read to EOF over the whole message and over a source that
// hands out one byte per Read.
func phisafeDecryptAll(ctx context.Context, c *envelope.Client, msg, want []byte, ec map[string]string) error {
	got, err := c.Decrypt(ctx, msg, ec)
	if err != nil {
		return fmt.Errorf("Decrypt: %w", err)
	}
	if !bytes.Equal(got, want) {
		return fmt.Errorf("Decrypt: %d bytes, not the %d-byte plaintext", len(got), len(want))
	}
	prefix := []byte("prefix")
	got, err = c.AppendDecrypt(ctx, prefix[:len(prefix):len(prefix)], msg, ec)
	if err != nil {
		return fmt.Errorf("AppendDecrypt: %w", err)
	}
	if !bytes.HasPrefix(got, prefix) || !bytes.Equal(got[len(prefix):], want) {
		return fmt.Errorf("AppendDecrypt: %d bytes, not prefix and the %d-byte plaintext", len(got), len(want))
	}
	for _, src := range []struct {
		name string
		r    io.Reader
	}{
		{"DecryptReader", bytes.NewReader(msg)},
		{"DecryptReader(one byte per Read)", iotest.OneByteReader(bytes.NewReader(msg))},
	} {
		r, err := c.DecryptReader(ctx, src.r, ec)
		if err != nil {
			return fmt.Errorf("%s: %w", src.name, err)
		}
		got, err := io.ReadAll(r)
		if err != nil {
			return fmt.Errorf("%s: reading to EOF: %w", src.name, err)
		}
		if !bytes.Equal(got, want) {
			return fmt.Errorf("%s: %d bytes, not the %d-byte plaintext", src.name, len(got), len(want))
		}
	}
	return nil
}

func largeFramePlaintexts(t testing.TB) map[int][]byte {
	pts := map[int][]byte{}
	for _, n := range largeFrameSizes {
		pt := make([]byte, n)
		if _, err := rand.Read(pt); err != nil {
			t.Fatal(err)
		}
		pts[n] = pt
	}
	return pts
}

// TestInteropLargeFrameOfficialToPhisafe: the official SDK encrypts with
// frame lengths 2^32-1, 2^31 and 2^26+1 under every framed suite it writes
// (those without key commitment under ForbidEncryptAllowDecrypt), and
// phisafe decrypts each message with Decrypt, AppendDecrypt and
// DecryptReader; the suites without key commitment under both
// RequireEncryptAllowDecrypt and ForbidEncryptAllowDecrypt.
func TestInteropLargeFrameOfficialToPhisafe(t *testing.T) {
	key := wrappingKey(t)
	offCommit, err := official.New(namespace, keyName, key)
	if err != nil {
		t.Fatal(err)
	}
	offLegacy, err := official.NewWithPolicy(namespace, keyName, key, official.ForbidEncryptAllowDecrypt)
	if err != nil {
		t.Fatal(err)
	}
	strict := phisafeClientWith(t, key, 0, 0, envelope.RequireEncryptRequireDecrypt)
	allow := phisafeClientWith(t, key, 0, 0, envelope.RequireEncryptAllowDecrypt)
	forbid := phisafeClientWith(t, key, 0, 0, envelope.ForbidEncryptAllowDecrypt)
	ctx := context.Background()
	ec := map[string]string{"tenant": "tenant-42"}
	pts := largeFramePlaintexts(t)
	n := 0
	for _, suite := range append(append([]uint16{}, committingSuites...), legacySuites...) {
		off, readers := offCommit, map[string]*envelope.Client{"RequireEncryptRequireDecrypt": strict}
		if !slices.Contains(committingSuites, suite) {
			off, readers = offLegacy, map[string]*envelope.Client{"RequireEncryptAllowDecrypt": allow, "ForbidEncryptAllowDecrypt": forbid}
		}
		for _, frame := range largeFrames {
			for _, size := range largeFrameSizes {
				name := fmt.Sprintf("%04x/frame-%d/%s", suite, frame, sizeName(size))
				msg, err := off.Encrypt(suite, frame, pts[size], ec)
				if err != nil {
					t.Errorf("%s: official encrypt: %v", name, err)
					continue
				}
				if err := checkLayout(msg, suite, frame, size); err != nil {
					t.Errorf("%s: the official SDK's message: %v", name, err)
				}
				for policy, c := range readers {
					if err := phisafeDecryptAll(ctx, c, msg, pts[size], ec); err != nil {
						t.Errorf("%s: phisafe (%s) could not decrypt the official SDK's message: %v", name, policy, err)
						continue
					}
					n++
				}
			}
		}
	}
	t.Logf("%d official messages decrypted by phisafe's four decrypt paths", n)
}

// TestInteropLargeFramePhisafeToOfficial: phisafe's Encrypt and
// EncryptWriter write with frame lengths 2^32-1 (and 2^31, 2^26+1) under
// the committing suites and, under ForbidEncryptAllowDecrypt, the others;
// the header's frame length field holds the frame length (0xffffffff for
// 2^32-1), the body is one final frame, and the official SDK decrypts.
func TestInteropLargeFramePhisafeToOfficial(t *testing.T) {
	key := wrappingKey(t)
	offCommit, err := official.New(namespace, keyName, key)
	if err != nil {
		t.Fatal(err)
	}
	offLegacy, err := official.NewWithPolicy(namespace, keyName, key, official.RequireEncryptAllowDecrypt)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ec := map[string]string{"tenant": "tenant-42"}
	pts := largeFramePlaintexts(t)
	n := 0
	for _, suite := range append(append([]uint16{}, committingSuites...), legacySuites...) {
		off, policy := offCommit, envelope.RequireEncryptRequireDecrypt
		if !slices.Contains(committingSuites, suite) {
			off, policy = offLegacy, envelope.ForbidEncryptAllowDecrypt
		}
		for _, frame := range largeFrames {
			ours := phisafeClientWith(t, key, suite, frame, policy)
			for _, size := range largeFrameSizes {
				name := fmt.Sprintf("%04x/frame-%d/%s", suite, frame, sizeName(size))
				pt := pts[size]
				msgs := map[string][]byte{}
				msg, err := ours.Encrypt(ctx, pt, ec)
				if err != nil {
					t.Errorf("%s: phisafe Encrypt: %v", name, err)
				} else {
					msgs["Encrypt"] = msg
				}
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				before := ms.TotalAlloc
				msg, err = encryptStream(ctx, ours, pt, ec)
				runtime.ReadMemStats(&ms)
				// The writer's buffer grows with the data written, not
				// to the frame length (4 GiB for 2^32-1).
				if a := ms.TotalAlloc - before; a > streamAllocBound {
					t.Errorf("%s: phisafe EncryptWriter allocated %d bytes for %d bytes of plaintext", name, a, size)
				}
				if err != nil {
					t.Errorf("%s: phisafe EncryptWriter: %v", name, err)
				} else {
					msgs["EncryptWriter"] = msg
				}
				for api, msg := range msgs {
					if err := checkLayout(msg, suite, frame, size); err != nil {
						t.Errorf("%s: phisafe %s's message: %v", name, api, err)
					}
					got, err := off.Decrypt(msg, ec)
					if err != nil || !bytes.Equal(got, pt) {
						t.Errorf("%s: the official SDK could not decrypt phisafe %s's message: %v", name, api, err)
						continue
					}
					n++
				}
			}
		}
	}
	t.Logf("%d phisafe messages decrypted by the official SDK", n)
}

// streamAllocBound bounds what one EncryptWriter message of at most
// 300 KiB may allocate, whatever the frame length.
const streamAllocBound = 16 << 20

// encryptStream encrypts pt through EncryptWriter in writes of 10007
// bytes (and one empty write).
func encryptStream(ctx context.Context, c *envelope.Client, pt []byte, ec map[string]string) ([]byte, error) {
	var buf bytes.Buffer
	w, err := c.EncryptWriter(ctx, &buf, ec)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(nil); err != nil {
		return nil, errors.Join(err, w.Close())
	}
	for rest := pt; len(rest) > 0; {
		k := min(len(rest), 10007)
		if _, err := w.Write(rest[:k]); err != nil {
			return nil, errors.Join(err, w.Close())
		}
		rest = rest[k:]
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
