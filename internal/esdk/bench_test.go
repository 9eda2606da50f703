package esdk

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"fmt"
	"testing"
)

var benchSizes = []int{1 << 10, 1 << 20}

func BenchmarkEncrypt(b *testing.B) {
	for _, id := range []SuiteID{AES_256_GCM_HKDF_SHA512_COMMIT_KEY, AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384} {
		s, _ := LookupSuite(id)
		for _, n := range benchSizes {
			b.Run(fmt.Sprintf("%04x/%dKiB", uint16(id), n>>10), func(b *testing.B) {
				ep, _ := params(b, s, 0, false)
				pt := make([]byte, n)
				b.SetBytes(int64(n))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Encrypt(ep, pt); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkDecrypt(b *testing.B) {
	for _, id := range []SuiteID{AES_256_GCM_HKDF_SHA512_COMMIT_KEY, AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384} {
		s, _ := LookupSuite(id)
		for _, n := range benchSizes {
			b.Run(fmt.Sprintf("%04x/%dKiB", uint16(id), n>>10), func(b *testing.B) {
				ep, dp := params(b, s, 0, false)
				msg, err := Encrypt(ep, make([]byte, n))
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(n))
				b.ReportAllocs()
				for b.Loop() {
					if _, _, err := Decrypt(dp, msg); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkRawAESGCM is the baseline: AES-256-GCM over 4 KiB frames with a
// small AAD, sealing in place, no message format.
func BenchmarkRawAESGCM(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("%dKiB", n>>10), func(b *testing.B) {
			blk, _ := aes.NewCipher(make([]byte, 32))
			g, _ := cipher.NewGCM(blk)
			buf := make([]byte, n+(n/4096+1)*16)
			var iv [12]byte
			aad := make([]byte, 32+28+12)
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				off := 0
				for seq, left := uint32(1), n; left > 0; seq++ {
					f := min(left, 4096)
					binary.BigEndian.PutUint32(iv[8:], seq)
					g.Seal(buf[off:off], iv[:], buf[off:off+f], aad)
					off += f + 16
					left -= f
				}
			}
		})
	}
}
