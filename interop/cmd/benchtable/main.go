// Command benchtable prints phisafe's envelope encryption side by side with
// the official AWS Encryption SDK for Go and with the ceilings, all
// measured in one run (`make bench`):
//
//   - suite 0x0478 (committing, unsigned): the ceiling is raw AES-256-GCM
//     in 4 KiB frames (one AEAD, a counter nonce, a preallocated buffer);
//   - suite 0x0578 (committing, signed): the floor is that plus SHA-384
//     over the message and one ECDSA P-384 key generation and signature
//     (encrypt), or one verification (decrypt).
//
// Sizes: 1 KiB, 64 KiB, 1 MiB, 16 MiB, 64 MiB (-sizes to change).
package main

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha512"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/phisafe/phisafe/envelope"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/interop/official"
)

const frame = 4096

var ec = map[string]string{"tenant": "tenant-42", "purpose": "benchmark"}

func main() {
	sizesFlag := flag.String("sizes", "1K,64K,1M,16M,64M", "comma-separated plaintext sizes (K, M suffixes)")
	testing.Init()
	flag.Parse()
	sizes, err := parseSizes(*sizesFlag)
	if err != nil {
		log.Fatal(err)
	}
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	off, err := official.New("bench", "bench-key", key)
	if err != nil {
		log.Fatal(err)
	}
	nop := hipaa.AuditorFunc(func(context.Context, hipaa.Event) error { return nil })
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Println("phisafe envelope vs official AWS Encryption SDK for Go v0.4.0 vs ceiling, one run; raw AES keyring, 4 KiB frames")
	for _, suite := range []uint16{0x0478, 0x0578} {
		kr, err := envelope.NewRawAESKeyring("bench", "bench-key", key)
		if err != nil {
			log.Fatal(err)
		}
		ours, err := envelope.New(&hipaa.Policy{Auditor: nop}, kr, func(o *envelope.Options) {
			o.Suite = envelope.SuiteID(suite)
			o.FrameLength = frame
		})
		if err != nil {
			log.Fatal(err)
		}
		ceilingName := "raw AES-GCM 4 KiB frames"
		if suite == 0x0578 {
			ceilingName = "signed floor"
		}
		for _, op := range []string{"encrypt", "decrypt"} {
			fmt.Fprintf(w, "\nsuite 0x%04X %s\n", suite, op)
			fmt.Fprintf(w, "size\tphisafe API\tphisafe MB/s\tns/op\tallocs\tofficial MB/s\tns/op\tallocs\t%s MB/s\tallocs\tphisafe/ceiling\tphisafe÷official speed\t\n", ceilingName)
			for _, n := range sizes {
				pt := make([]byte, n)
				_, _ = rand.Read(pt)
				ctx := context.Background()
				var rOurs, rApp, rOff, rCeil testing.BenchmarkResult
				if op == "encrypt" {
					rOurs = bench(n, func() error { _, err := ours.Encrypt(ctx, pt, ec); return err })
					var buf []byte // reused: AppendEncrypt writes into its capacity
					rApp = bench(n, func() error {
						var err error
						buf, err = ours.AppendEncrypt(ctx, buf[:0], pt, ec)
						return err
					})
					rOff = bench(n, func() error { _, err := off.Encrypt(suite, frame, pt, ec); return err })
					rCeil = ceilingEncrypt(n, suite == 0x0578)
				} else {
					msgOurs, err := ours.Encrypt(ctx, pt, ec)
					if err != nil {
						log.Fatal(err)
					}
					msgOff, err := off.Encrypt(suite, frame, pt, ec)
					if err != nil {
						log.Fatal(err)
					}
					rOurs = bench(n, func() error { _, err := ours.Decrypt(ctx, msgOurs, ec); return err })
					var buf []byte
					rApp = bench(n, func() error {
						var err error
						buf, err = ours.AppendDecrypt(ctx, buf[:0], msgOurs, ec)
						return err
					})
					rOff = bench(n, func() error { _, err := off.Decrypt(msgOff, ec); return err })
					rCeil = ceilingDecrypt(n, suite == 0x0578)
				}
				for _, r := range []struct {
					api string
					res testing.BenchmarkResult
				}{{strings.ToUpper(op[:1]) + op[1:], rOurs}, {"Append" + strings.ToUpper(op[:1]) + op[1:] + " (reused dst)", rApp}} {
					fmt.Fprintf(w, "%s\t%s\t%.1f\t%d\t%d\t%.1f\t%d\t%d\t%.1f\t%d\t%.2f\t%.1f×\t\n", sizeName(n), r.api,
						mbps(r.res, n), r.res.NsPerOp(), r.res.AllocsPerOp(),
						mbps(rOff, n), rOff.NsPerOp(), rOff.AllocsPerOp(),
						mbps(rCeil, n), rCeil.AllocsPerOp(),
						float64(rCeil.NsPerOp())/float64(r.res.NsPerOp()),
						float64(rOff.NsPerOp())/float64(r.res.NsPerOp()))
				}
			}
			w.Flush()
		}
	}
	w.Flush()
}

// bench measures fn with testing.Benchmark after one warm-up call (which
// also builds lazily loaded tables, such as the PHI detector's lexicon); an
// error stops the run.
func bench(n int, fn func() error) testing.BenchmarkResult {
	if err := fn(); err != nil {
		log.Fatal(err)
	}
	return testing.Benchmark(func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			if err := fn(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func mbps(r testing.BenchmarkResult, n int) float64 {
	if r.NsPerOp() == 0 {
		return 0
	}
	return float64(n) / float64(r.NsPerOp()) * 1e3
}

// framedSeal is the ceiling: AES-256-GCM over 4 KiB frames into dst.
func framedSeal(aead cipher.AEAD, dst, pt []byte) []byte {
	var nonce [12]byte
	out := dst[:0]
	for seq := uint32(1); ; seq++ {
		binary.BigEndian.PutUint32(nonce[8:], seq)
		m := min(frame, len(pt))
		out = aead.Seal(out, nonce[:], pt[:m], nil)
		pt = pt[m:]
		if len(pt) == 0 {
			return out
		}
	}
}

func newAEAD() cipher.AEAD {
	k := make([]byte, 32)
	_, _ = rand.Read(k)
	blk, err := aes.NewCipher(k)
	if err != nil {
		log.Fatal(err)
	}
	aead, err := cipher.NewGCM(blk)
	if err != nil {
		log.Fatal(err)
	}
	return aead
}

func ceilingEncrypt(n int, signed bool) testing.BenchmarkResult {
	aead := newAEAD()
	pt := make([]byte, n)
	dst := make([]byte, 0, n+(n/frame+1)*aead.Overhead())
	return bench(n, func() error {
		out := framedSeal(aead, dst, pt)
		if !signed {
			return nil
		}
		h := sha512.Sum384(out)
		priv, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
		if err != nil {
			return err
		}
		_, err = ecdsa.SignASN1(rand.Reader, priv, h[:])
		return err
	})
}

func ceilingDecrypt(n int, signed bool) testing.BenchmarkResult {
	aead := newAEAD()
	pt := make([]byte, n)
	sealed := framedSeal(aead, nil, pt)
	dst := make([]byte, 0, n)
	priv, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	h := sha512.Sum384(sealed)
	sig, _ := ecdsa.SignASN1(rand.Reader, priv, h[:])
	return bench(n, func() error {
		var nonce [12]byte
		out := dst[:0]
		in := sealed
		for seq := uint32(1); len(in) > 0; seq++ {
			binary.BigEndian.PutUint32(nonce[8:], seq)
			m := min(frame+aead.Overhead(), len(in))
			var err error
			out, err = aead.Open(out, nonce[:], in[:m], nil)
			if err != nil {
				return err
			}
			in = in[m:]
		}
		if !signed {
			return nil
		}
		h := sha512.Sum384(sealed)
		if !ecdsa.VerifyASN1(&priv.PublicKey, h[:], sig) {
			return fmt.Errorf("signature")
		}
		return nil
	})
}

func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		mult := 1
		switch {
		case strings.HasSuffix(f, "K"):
			mult, f = 1<<10, strings.TrimSuffix(f, "K")
		case strings.HasSuffix(f, "M"):
			mult, f = 1<<20, strings.TrimSuffix(f, "M")
		}
		v, err := strconv.Atoi(f)
		if err != nil || v <= 0 {
			return nil, fmt.Errorf("bad size %q", f)
		}
		out = append(out, v*mult)
	}
	return out, nil
}

func sizeName(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return strconv.Itoa(n)
}
