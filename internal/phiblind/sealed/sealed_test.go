package sealed

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/phisafe/phisafe/internal/phiblind"
)

const corpusFile = "testdata/sealed.tsv"

// TestSealedRegenerates checks that the generator reproduces the committed
// corpus byte for byte, and reports its composition (counts only: this is a
// sealed holdout, and no line is printed).
func TestSealedRegenerates(t *testing.T) {
	want, err := os.ReadFile(corpusFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := Generate(Seed, Size)
	var b bytes.Buffer
	if err := phiblind.WriteTSV(&b, lines); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Fatalf("%s differs from Generate(%d, %d): run go run ./internal/phiblind/sealed/cmd/gen", corpusFile, Seed, Size)
	}
	read, err := phiblind.ReadTSV(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	if len(read) != Size {
		t.Fatalf("%d lines, want %d", len(read), Size)
	}

	seen := map[string]bool{}
	perCat := map[string]int{}
	shapePos, shapeNeg := map[string]int{}, map[string]int{}
	tmplUsed := map[string]bool{}
	neg := 0
	for _, l := range read {
		if seen[l.Name] {
			t.Errorf("duplicate name (template %s)", l.Template)
		}
		seen[l.Name] = true
		tmplUsed[l.Template] = true
		if l.PHI {
			shapePos[l.Shape]++
			for _, c := range l.Categories {
				perCat[c]++
			}
		} else {
			neg++
			shapeNeg[l.Shape]++
		}
		if !valid(l.Shape, l.Name) {
			t.Errorf("template %s: not a valid %s", l.Template, l.Shape)
		}
	}
	frac := float64(neg) / float64(len(read))
	t.Logf("lines %d, PHI %d, clean %d (%.1f%%)", len(read), len(read)-neg, neg, 100*frac)
	if frac < 0.45 || frac > 0.55 {
		t.Errorf("clean share %.3f outside [0.45, 0.55]", frac)
	}
	for _, c := range phiblind.Categories {
		t.Logf("category %-12s %4d positive lines", c, perCat[c])
		if perCat[c] < 40 {
			t.Errorf("category %s has %d positive lines, want >= 40", c, perCat[c])
		}
	}
	for _, s := range phiblind.Shapes {
		t.Logf("shape %-18s %4d lines (%d PHI, %d clean)", s, shapePos[s]+shapeNeg[s], shapePos[s], shapeNeg[s])
		if shapePos[s] == 0 || shapeNeg[s] == 0 {
			t.Errorf("shape %s lacks PHI or clean lines", s)
		}
	}
	total, phi := TemplateCount()
	t.Logf("templates %d (%d PHI, %d clean), %d used in the corpus", total, phi, total-phi, len(tmplUsed))
	if total < 200 {
		t.Errorf("%d templates, want >= 200", total)
	}
}

// TestDeterministic checks that two runs agree and that other seeds work.
func TestDeterministic(t *testing.T) {
	a, b := Generate(7, 500), Generate(7, 500)
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Template != b[i].Template {
			t.Fatalf("line %d differs between runs", i)
		}
	}
	var buf bytes.Buffer
	if err := phiblind.WriteTSV(&buf, Generate(99, 3000)); err != nil {
		t.Fatal(err)
	}
}

// TestCheckDigits spot-checks the check-digit generators.
func TestCheckDigits(t *testing.T) {
	x := &g{r: newRand(1)}
	for range 200 {
		if c := x.luhn("4", 16); luhnDigit(c[:15]) != int(c[15]-'0') {
			t.Fatalf("luhn %s", c)
		}
		if v := x.iban(); mod97(v[4:]+v[:4]) != 1 {
			t.Fatalf("iban %s", v)
		}
		v := x.vin()
		w := []int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
		s := 0
		for i := range 17 {
			s += vinValue(v[i]) * w[i]
		}
		ck := byte('0' + s%11)
		if s%11 == 10 {
			ck = 'X'
		}
		if v[8] != ck || strings.ContainsAny(v, "IOQ") {
			t.Fatalf("vin %s", v)
		}
		n := x.bsn()
		s = 0
		for i := range 8 {
			s += int(n[i]-'0') * (9 - i)
		}
		if (s-int(n[8]-'0'))%11 != 0 {
			t.Fatalf("bsn %s", n)
		}
		if p := x.npi(); luhnDigit("80840"+p[:9]) != int(p[9]-'0') {
			t.Fatalf("npi %s", p)
		}
	}
}
