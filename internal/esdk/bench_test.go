package esdk

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"io"
	"testing"
)

// benchSizes are the plaintext sizes of every benchmark; 64 MiB is left out
// with -short.
func benchSizes() []int {
	s := []int{1 << 10, 64 << 10, 1 << 20, 16 << 20}
	if !testing.Short() {
		s = append(s, 64<<20)
	}
	return s
}

func sizeName(n int) string { return fmt.Sprintf("%dKiB", n>>10) }

var benchSuites = []SuiteID{AES_256_GCM_HKDF_SHA512_COMMIT_KEY, AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384}

// eachSuiteSize runs fn as a sub-benchmark for every benchmarked suite and
// size, with SetBytes and ReportAllocs set. fn's setup before b.Loop is
// not timed.
func eachSuiteSize(b *testing.B, fn func(b *testing.B, s *Suite, n int)) {
	for _, id := range benchSuites {
		s, _ := LookupSuite(id)
		for _, n := range benchSizes() {
			b.Run(fmt.Sprintf("%04x/%s", uint16(id), sizeName(n)), func(b *testing.B) {
				b.SetBytes(int64(n))
				b.ReportAllocs()
				fn(b, s, n)
			})
		}
	}
}

// benchMessage returns decrypt parameters and a message of n zero bytes.
func benchMessage(b *testing.B, s *Suite, n int) (DecryptParams, []byte) {
	ep, dp := params(b, s, 0, false)
	msg, err := Encrypt(ep, make([]byte, n))
	if err != nil {
		b.Fatal(err)
	}
	return dp, msg
}

func BenchmarkEncrypt(b *testing.B) {
	eachSuiteSize(b, func(b *testing.B, s *Suite, n int) {
		ep, _ := params(b, s, 0, false)
		pt := make([]byte, n)
		for b.Loop() {
			if _, err := Encrypt(ep, pt); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkDecrypt(b *testing.B) {
	eachSuiteSize(b, func(b *testing.B, s *Suite, n int) {
		dp, msg := benchMessage(b, s, n)
		for b.Loop() {
			if _, _, err := Decrypt(dp, msg); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAppendEncrypt is BenchmarkEncrypt into a reused buffer.
func BenchmarkAppendEncrypt(b *testing.B) {
	eachSuiteSize(b, func(b *testing.B, s *Suite, n int) {
		ep, _ := params(b, s, 0, false)
		pt := make([]byte, n)
		var buf []byte
		for b.Loop() {
			var err error
			if buf, err = AppendEncrypt(buf[:0], ep, pt); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAppendDecrypt is BenchmarkDecrypt into a reused buffer.
func BenchmarkAppendDecrypt(b *testing.B) {
	eachSuiteSize(b, func(b *testing.B, s *Suite, n int) {
		dp, msg := benchMessage(b, s, n)
		var buf []byte
		for b.Loop() {
			var err error
			if buf, err = AppendDecrypt(dp, buf[:0], msg); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkEncryptStream writes the plaintext through NewEncrypter in
// 64 KiB writes (as io.Copy from a file would) to a writer that discards.
func BenchmarkEncryptStream(b *testing.B) {
	eachSuiteSize(b, func(b *testing.B, s *Suite, n int) {
		ep, _ := params(b, s, 0, false)
		pt := make([]byte, n)
		for b.Loop() {
			w, err := NewEncrypter(io.Discard, ep)
			if err != nil {
				b.Fatal(err)
			}
			for p := pt; len(p) > 0; {
				c := min(len(p), 64<<10)
				if _, err := w.Write(p[:c]); err != nil {
					b.Fatal(err)
				}
				p = p[c:]
			}
			if err := w.Close(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDecryptStream reads a message from memory through NewDecrypter
// with io.Copy to a writer that discards.
func BenchmarkDecryptStream(b *testing.B) {
	eachSuiteSize(b, func(b *testing.B, s *Suite, n int) {
		dp, msg := benchMessage(b, s, n)
		for b.Loop() {
			dr, err := NewDecrypter(bytes.NewReader(msg), dp)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := io.Copy(io.Discard, dr); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// rawFrames is the unsigned ceiling: one cipher.AEAD sealing each 4 KiB
// frame of a preallocated buffer in place with a 12-byte nonce and a
// body-sized AAD.
type rawFrames struct {
	g   cipher.AEAD
	buf []byte
	aad []byte
	iv  [12]byte
	n   int
}

func newRawFrames(n int) *rawFrames {
	blk, _ := aes.NewCipher(make([]byte, 32))
	g, _ := cipher.NewGCM(blk)
	return &rawFrames{g: g, buf: make([]byte, n+(n/4096+1)*16), aad: make([]byte, 32+28+12), n: n}
}

// seal seals every frame; if h is not nil it also hashes each sealed frame.
func (r *rawFrames) seal(h interface{ Write([]byte) (int, error) }) {
	off := 0
	for seq, left := uint32(1), r.n; left > 0; seq++ {
		f := min(left, 4096)
		binary.BigEndian.PutUint32(r.iv[8:], seq)
		ct := r.g.Seal(r.buf[off:off], r.iv[:], r.buf[off:off+f], r.aad)
		if h != nil {
			h.Write(ct)
		}
		off += f + 16
		left -= f
	}
}

// BenchmarkRawAESGCM is the baseline: AES-256-GCM over 4 KiB frames with a
// small AAD, sealing in place, no message format.
func BenchmarkRawAESGCM(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			r := newRawFrames(n)
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				r.seal(nil)
			}
		})
	}
}

// BenchmarkSignedFloorEncrypt is the floor for suite 0x0578 encryption:
// the framed AES-GCM of BenchmarkRawAESGCM, SHA-384 over the whole
// ciphertext as it is produced, one P-384 key generation, the public key's
// encoding (the message carries it) and one signature.
func BenchmarkSignedFloorEncrypt(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			r := newRawFrames(n)
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				k, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := k.PublicKey.Bytes(); err != nil {
					b.Fatal(err)
				}
				h := sha512.New384()
				r.seal(h)
				if _, err := ecdsa.SignASN1(rand.Reader, k, h.Sum(nil)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSignedFloorDecrypt is the floor for suite 0x0578 decryption:
// framed AES-GCM as in BenchmarkRawAESGCM, SHA-384 over the whole message,
// decoding the signer's compressed public key (as the message carries it)
// and one P-384 signature verification.
func BenchmarkSignedFloorDecrypt(b *testing.B) {
	k, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	raw, err := k.PublicKey.Bytes()
	if err != nil {
		b.Fatal(err)
	}
	compressed := append([]byte{2 | raw[len(raw)-1]&1}, raw[1:49]...)
	for _, n := range benchSizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			r := newRawFrames(n)
			h := sha512.New384()
			r.seal(h)
			sig, err := ecdsa.SignASN1(rand.Reader, k, h.Sum(nil))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				h := sha512.New384()
				r.seal(h)
				x, y := elliptic.UnmarshalCompressed(elliptic.P384(), compressed)
				var u [97]byte
				u[0] = 4
				x.FillBytes(u[1:49])
				y.FillBytes(u[49:])
				pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P384(), u[:])
				if err != nil {
					b.Fatal(err)
				}
				// The digest differs each time (the buffer is sealed again
				// in place); verification costs the same either way.
				ecdsa.VerifyASN1(pub, h.Sum(nil), sig)
			}
		})
	}
}
