// Command benchtable prints phisafe's envelope encryption side by side with
// the official AWS Encryption SDK for Go and with the ceilings, all
// measured in one run (`make bench`):
//
//   - suite 0x0478 (committing, unsigned): the ceiling is raw AES-256-GCM
//     in 4 KiB frames (one AEAD, a counter nonce);
//   - suite 0x0578 (committing, signed): the floor is that plus SHA-384
//     over the message and, on encrypt, one ECDSA P-384 key generation,
//     the public key's compressed encoding (which the message carries)
//     and one signature; on decrypt, decoding that compressed public key
//     and one verification.
//
// Each API is compared with the ceiling that does the same memory work:
// Encrypt and Decrypt return a new buffer, so their ceiling allocates its
// output on every call too ("fresh dst"); AppendEncrypt and AppendDecrypt
// write into a reused buffer, as does their ceiling ("reused dst").
//
// The machine this runs on is shared and noisy, so for each size the two
// phisafe APIs and their ceilings are timed in alternation, in blocks of
// about 200µs, for -pairtime: a slow period slows all of them alike and
// the ratios hold. The official SDK, an order of magnitude slower and
// with tens of thousands of allocations per call, is timed on its own
// with testing.Benchmark. Allocations come from a testing.Benchmark run
// of each.
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
	"runtime"
	"strconv"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/phisafe/phisafe/envelope"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/interop/official"
)

const frame = 4096

var ec = map[string]string{"tenant": "tenant-42", "purpose": "benchmark"}

func main() {
	sizesFlag := flag.String("sizes", "1K,64K,1M,16M,64M", "comma-separated plaintext sizes (K, M suffixes)")
	pairTime := flag.Duration("pairtime", 4*time.Second, "how long phisafe and the ceilings are timed in alternation, per size")
	suitesFlag := flag.String("suites", "0478,0578", "comma-separated suite ids (hex): 0478, 0578")
	testing.Init()
	flag.Parse()
	sizes, err := parseSizes(*sizesFlag)
	if err != nil {
		log.Fatal(err)
	}
	var suites []uint16
	for _, f := range strings.Split(*suitesFlag, ",") {
		v, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(f), "0x"), 16, 16)
		// The ceilings are those of these two suites (AES-256-GCM, and
		// ECDSA P-384 with SHA-384 for the signed one).
		if err != nil || (v != 0x0478 && v != 0x0578) {
			log.Fatalf("suite %q: the table has ceilings for 0478 and 0578 only", f)
		}
		suites = append(suites, uint16(v))
	}
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	off, err := official.New("bench", "bench-key", key)
	if err != nil {
		log.Fatal(err)
	}
	var nop discardAuditor // the table measures the envelope, not a sink
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Printf("phisafe envelope vs official AWS Encryption SDK for Go v0.4.0 vs ceiling, one run; raw AES keyring, 4 KiB frames; phisafe and ceilings timed in alternation for %v per size, official SDK on its own; allocs from testing.Benchmark\n", *pairTime)
	for _, suite := range suites {
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
		signed := suite == 0x0578
		ceilingName := "raw AES-GCM 4 KiB frames"
		if signed {
			ceilingName = "signed floor"
		}
		for _, op := range []string{"encrypt", "decrypt"} {
			fmt.Fprintf(w, "\nsuite 0x%04X %s\n", suite, op)
			fmt.Fprintf(w, "size\tphisafe API\tphisafe MB/s\tns/op\tallocs\tofficial MB/s\tns/op\tallocs\t%s\tMB/s\tallocs\tphisafe/ceiling speed\tphisafe÷official speed\t\n", ceilingName)
			for _, n := range sizes {
				pt := make([]byte, n)
				_, _ = rand.Read(pt)
				ctx := context.Background()
				var plain, app, ceilFresh, ceilReused, offFn func() error
				if op == "encrypt" {
					plain = func() error { _, err := ours.Encrypt(ctx, pt, ec); return err }
					var buf []byte // reused: AppendEncrypt writes into its capacity
					app = func() error {
						var err error
						buf, err = ours.AppendEncrypt(ctx, buf[:0], pt, ec)
						return err
					}
					offFn = func() error { _, err := off.Encrypt(suite, frame, pt, ec); return err }
					ceilFresh = ceilingEncrypt(n, signed, true)
					ceilReused = ceilingEncrypt(n, signed, false)
				} else {
					msgOurs, err := ours.Encrypt(ctx, pt, ec)
					if err != nil {
						log.Fatal(err)
					}
					msgOff, err := off.Encrypt(suite, frame, pt, ec)
					if err != nil {
						log.Fatal(err)
					}
					plain = func() error { _, err := ours.Decrypt(ctx, msgOurs, ec); return err }
					var buf []byte
					app = func() error {
						var err error
						buf, err = ours.AppendDecrypt(ctx, buf[:0], msgOurs, ec)
						return err
					}
					offFn = func() error { _, err := off.Decrypt(msgOff, ec); return err }
					ceilFresh = ceilingDecrypt(n, signed, true)
					ceilReused = ceilingDecrypt(n, signed, false)
				}
				// Allocations (and first ns/op estimates) from
				// testing.Benchmark; speeds from one alternation of all five.
				fns := []func() error{plain, ceilFresh, app, ceilReused}
				res := make([]testing.BenchmarkResult, len(fns))
				est := make([]int64, len(fns))
				for i, fn := range fns {
					res[i] = bench(n, fn)
					est[i] = res[i].NsPerOp()
				}
				ns := alternate(fns, est, *pairTime)
				// The official SDK is timed on its own, after a collection:
				// in the alternation its garbage (tens of thousands of
				// objects per call) would be swept by whichever block came
				// next.
				runtime.GC()
				rOff := bench(n, offFn)
				nsOff := float64(rOff.NsPerOp())
				title := strings.ToUpper(op[:1]) + op[1:]
				for _, r := range []struct {
					api, ceil string
					i, c      int
				}{
					{title, "fresh dst", 0, 1},
					{"Append" + title + " (reused dst)", "reused dst", 2, 3},
				} {
					nsA, nsC := ns[r.i], ns[r.c]
					fmt.Fprintf(w, "%s\t%s\t%.1f\t%.0f\t%d\t%.1f\t%.0f\t%d\t%s\t%.1f\t%d\t%.2f\t%.1f×\t\n", sizeName(n), r.api,
						float64(n)/nsA*1e3, nsA, res[r.i].AllocsPerOp(),
						float64(n)/nsOff*1e3, nsOff, rOff.AllocsPerOp(),
						r.ceil, float64(n)/nsC*1e3, res[r.c].AllocsPerOp(),
						nsC/nsA,
						nsOff/nsA)
				}
			}
			w.Flush()
		}
	}
	w.Flush()
}

// alternate times fns in turn, each in blocks of about 200µs (at least
// one call), until pairTime has passed and each has run at least twice,
// and returns each one's mean ns per call. Taking turns this finely means
// that a slow period of the shared machine slows all of them alike, so
// their ratios hold even when the absolute figures move. est holds rough
// ns/op, to size the blocks.
func alternate(fns []func() error, est []int64, pairTime time.Duration) []float64 {
	k := make([]int, len(fns))
	t := make([]time.Duration, len(fns))
	calls := make([]int, len(fns))
	for i := range fns {
		k[i] = int(max(1, 200_000/max(est[i], 1)))
	}
	for start, rounds := time.Now(), 0; time.Since(start) < pairTime || rounds < 2; rounds++ {
		for i, fn := range fns {
			t0 := time.Now()
			for range k[i] {
				if err := fn(); err != nil {
					log.Fatal(err)
				}
			}
			t[i] += time.Since(t0)
			calls[i] += k[i]
		}
	}
	ns := make([]float64, len(fns))
	for i := range fns {
		ns[i] = float64(t[i].Nanoseconds()) / float64(calls[i])
	}
	return ns
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

// framedSeal is the ceiling: AES-256-GCM over 4 KiB frames appended to dst.
func framedSeal(aead cipher.AEAD, dst, pt []byte) []byte {
	var nonce [12]byte
	out := dst
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

// ceilingEncrypt returns the encrypt ceiling for n bytes: framed AES-GCM
// into a preallocated buffer, or into one allocated by each call (fresh);
// signed adds the signed floor's SHA-384, key generation, public key
// encoding and signature.
func ceilingEncrypt(n int, signed, fresh bool) func() error {
	aead := newAEAD()
	pt := make([]byte, n)
	_, _ = rand.Read(pt)
	size := n + (n/frame+1)*aead.Overhead()
	dst := make([]byte, 0, size)
	return func() error {
		d := dst
		if fresh {
			d = make([]byte, 0, size)
		}
		out := framedSeal(aead, d, pt)
		if !signed {
			return nil
		}
		h := sha512.Sum384(out)
		priv, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
		if err != nil {
			return err
		}
		if _, err := priv.PublicKey.Bytes(); err != nil {
			return err
		}
		_, err = ecdsa.SignASN1(rand.Reader, priv, h[:])
		return err
	}
}

// ceilingDecrypt is ceilingEncrypt's counterpart: framed AES-GCM open and,
// for signed, SHA-384, decoding the signer's compressed public key (as
// the message carries it) and one verification.
func ceilingDecrypt(n int, signed, fresh bool) func() error {
	aead := newAEAD()
	pt := make([]byte, n)
	_, _ = rand.Read(pt)
	sealed := framedSeal(aead, nil, pt)
	dst := make([]byte, 0, n)
	priv, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		log.Fatal(err)
	}
	h := sha512.Sum384(sealed)
	sig, err := ecdsa.SignASN1(rand.Reader, priv, h[:])
	if err != nil {
		log.Fatal(err)
	}
	raw, err := priv.PublicKey.Bytes()
	if err != nil {
		log.Fatal(err)
	}
	compressed := append([]byte{2 | raw[len(raw)-1]&1}, raw[1:49]...)
	return func() error {
		var nonce [12]byte
		out := dst[:0]
		if fresh {
			out = make([]byte, 0, n)
		}
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
		x, y := elliptic.UnmarshalCompressed(elliptic.P384(), compressed)
		if x == nil {
			return fmt.Errorf("public key")
		}
		var ub [97]byte
		ub[0] = 4
		x.FillBytes(ub[1:49])
		y.FillBytes(ub[49:])
		pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P384(), ub[:])
		if err != nil {
			return err
		}
		if !ecdsa.VerifyASN1(pub, h[:], sig) {
			return fmt.Errorf("signature")
		}
		return nil
	}
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

// discardAuditor drops events: the benchmark measures the message
// format's cost, not an audit sink's.
type discardAuditor struct{}

func (discardAuditor) Audit(context.Context, hipaa.Event) error { return nil }
