package phi

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// scanState runs the raw pass and the tokenizer, by the 64-byte fast path
// or by the byte loop, and returns the scanner.
func scanState(d *Detector, name string, fast bool) *scanner {
	sc := &scanner{d: d, name: name}
	if fast {
		if !sc.scanFast() {
			return nil
		}
	} else {
		sc.rawPass()
		sc.tokenize()
	}
	sc.buf = nil
	if len(sc.toks) == 0 {
		sc.toks = nil
	}
	return sc
}

func checkTokenize64(t *testing.T, d *Detector, name string) {
	t.Helper()
	if len(name) == 0 {
		return
	}
	a, b := scanState(d, name, true), scanState(d, name, false)
	if a == nil {
		return // not cut into pieces: the byte loop only
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("%q: fast path\n%+v\nbyte loop\n%+v", name, a, b)
	}
}

// TestTokenize64 checks that the SWAR tokenizer finds the same tokens,
// flags, masks and raw-pass findings as the byte loop.
func TestTokenize64(t *testing.T) {
	dets := []*Detector{Default(), New(WithDenyWords("smith"), WithAllowWords("john"))}
	rng := rand.New(rand.NewPCG(3, 4))
	const alphabet = "aAbBzZ09fF-_./:@ wW\x80\xff\x00~(),+"
	var names []string
	for _, r := range loadCorpus(t) {
		names = append(names, r.name)
	}
	names = append(names, bench64...)
	for i := 0; i < 20000; i++ {
		b := make([]byte, 1+rng.IntN(200))
		for k := range b {
			b[k] = alphabet[rng.IntN(len(alphabet))]
		}
		names = append(names, string(b))
		src := []byte(names[rng.IntN(len(names))])
		for k := range src {
			if rng.IntN(3) == 0 {
				src[k] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		names = append(names, string(src))
	}
	for _, d := range dets {
		for _, n := range names {
			checkTokenize64(t, d, n)
			if len(n) > 64 {
				checkTokenize64(t, d, n[:64])
			}
		}
	}
}

func FuzzTokenize64(f *testing.F) {
	for _, n := range bench64 {
		f.Add(n)
	}
	f.Add("HTTPServer-aB1c2D3-uuid-3f2a9c1e-4b1d-4c2a-9f3e-1a2b3c4d5e6f")
	f.Add("inbox/jane.doe@example.com/msg-000123/attachments/report-q2.pdf/www.example.com:8080/a-b-c-d-e")
	d := Default()
	f.Fuzz(func(t *testing.T, name string) { checkTokenize64(t, d, name) })
}
