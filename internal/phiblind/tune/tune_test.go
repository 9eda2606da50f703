package tune

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/phisafe/phisafe/internal/phiblind"
)

// TestCorpusUpToDate regenerates the corpus and compares it byte for byte
// with testdata/tune.tsv; it also checks the balance the README promises.
func TestCorpusUpToDate(t *testing.T) {
	var buf bytes.Buffer
	lines := Generate(Seed, Lines)
	if err := phiblind.WriteTSV(&buf, lines); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/tune.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatal("testdata/tune.tsv is stale: run go run ./internal/phiblind/tune/cmd/gen from the module root")
	}
	read, err := phiblind.ReadTSV(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	if len(read) != Lines {
		t.Fatalf("%d lines, want %d", len(read), Lines)
	}

	seen := map[string]bool{}
	perCat := map[string]int{}
	perShape := map[string][2]int{}
	perTmpl := map[string]bool{}
	neg := 0
	for _, l := range read {
		if seen[l.Name] {
			t.Errorf("duplicate name %q", l.Name)
		}
		seen[l.Name] = true
		perTmpl[l.Template] = true
		s := perShape[l.Shape]
		if l.PHI {
			s[1]++
		} else {
			s[0]++
			neg++
		}
		perShape[l.Shape] = s
		for _, c := range l.Categories {
			perCat[c]++
		}
	}
	for _, c := range phiblind.Categories {
		t.Logf("category %-12s %4d positive lines", c, perCat[c])
		if perCat[c] < 40 {
			t.Errorf("category %s has %d positive lines, want at least 40", c, perCat[c])
		}
	}
	for _, s := range phiblind.Shapes {
		c := perShape[s]
		t.Logf("shape %-19s %4d lines (%4d clean, %4d PHI)", s, c[0]+c[1], c[0], c[1])
		if c[0] == 0 || c[1] == 0 {
			t.Errorf("shape %s lacks a polarity: %v", s, c)
		}
	}
	share := float64(neg) / float64(len(read))
	t.Logf("%d lines, %d clean (%.1f%%), %d templates used", len(read), neg, 100*share, len(perTmpl))
	if share < 0.45 || share > 0.55 {
		t.Errorf("clean share %.3f outside [0.45, 0.55]", share)
	}
	if len(perTmpl) < 150 {
		t.Errorf("only %d templates used", len(perTmpl))
	}
}

// TestDeterministic: two runs with the same seed agree; another seed differs.
func TestDeterministic(t *testing.T) {
	a, b := Generate(7, 500), Generate(7, 500)
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Template != b[i].Template {
			t.Fatalf("line %d differs between runs", i)
		}
	}
	c := Generate(8, 500)
	same := 0
	for i := range a {
		if a[i].Name == c[i].Name {
			same++
		}
	}
	if same == len(a) {
		t.Fatal("seed has no effect")
	}
}

// TestTemplatesLabelled checks every template's output against its polarity
// over many draws: PHI templates always return categories, clean ones never,
// and no name carries a tab or newline.
func TestTemplatesLabelled(t *testing.T) {
	g := newG(1)
	ids := map[string]bool{}
	for _, tp := range allTemplates() {
		if ids[tp.id] {
			t.Errorf("template id %s used twice", tp.id)
		}
		ids[tp.id] = true
		for range 50 {
			name, cats := tp.f(g)
			l := phiblind.Line{Shape: tp.shape, Name: name, PHI: tp.phi, Categories: sortCats(cats), Template: tp.id}
			if err := phiblind.WriteTSV(&bytes.Buffer{}, []phiblind.Line{l}); err != nil {
				t.Fatalf("%s: %v", tp.id, err)
			}
			if len(cats) != len(l.Categories) {
				t.Fatalf("%s: unknown or repeated category in %v", tp.id, cats)
			}
			if tp.shape == "bucket" && (len(name) < 3 || len(name) > 63 || strings.ToLower(name) != name) {
				t.Fatalf("%s: bad bucket name %q", tp.id, name)
			}
		}
	}
}

// TestCheckDigits spot-checks the synthetic identifiers against their formats.
func TestCheckDigits(t *testing.T) {
	g := newG(3)
	for range 200 {
		if s := g.npi(); luhnDigit("80840"+s[:9]) != s[9] {
			t.Fatalf("npi %s fails Luhn", s)
		}
		if s := g.imei(); luhnDigit(s[:14]) != s[14] {
			t.Fatalf("imei %s fails Luhn", s)
		}
		if s := g.card(); luhnDigit(s[:len(s)-1]) != s[len(s)-1] {
			t.Fatalf("card %s fails Luhn", s)
		}
		v := g.vin()
		sum := 0
		w := []int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
		for i := range 17 {
			sum += vinValue(v[i]) * w[i]
		}
		if c := "0123456789X"[sum%11]; c != v[8] {
			t.Fatalf("vin %s check digit %c, want %c", v, v[8], c)
		}
		ssn := strings.ReplaceAll(g.ssnKey(), "-", "")
		if ssn[:3] == "000" || ssn[:3] == "666" || ssn[0] == '9' || ssn[3:5] == "00" || ssn[5:] == "0000" {
			t.Fatalf("ssn %s breaks SSA rules", ssn)
		}
		if a := g.aadhaar(); verhoeff(strings.ReplaceAll(a, " ", "")[:11]) != int(strings.ReplaceAll(a, " ", "")[11]-'0') {
			t.Fatalf("aadhaar %s fails Verhoeff", a)
		}
	}
}
