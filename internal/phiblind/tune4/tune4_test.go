package tune4

import (
	"bytes"
	"os"
	"testing"

	"github.com/phisafe/phisafe/internal/phiblind"
)

func TestRegenerate(t *testing.T) {
	var b bytes.Buffer
	lines := Generate(Seed, Lines)
	if err := phiblind.WriteTSV(&b, lines); err != nil {
		t.Fatal(err)
	}
	f, err := os.ReadFile("testdata/tune4.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), f) {
		t.Fatal("testdata/tune4.tsv differs from Generate(Seed, Lines); run go run ./internal/phiblind/tune4/cmd/gen")
	}
	read, err := phiblind.ReadTSV(bytes.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	if len(read) != Lines {
		t.Fatalf("%d lines, want %d", len(read), Lines)
	}
}

func TestCounts(t *testing.T) {
	lines := Generate(Seed, Lines)
	seen := map[string]bool{}
	cat := map[string]int{}
	shapeAll, shapePHI := map[string]int{}, map[string]int{}
	tpls := map[string]bool{}
	tplShapes := map[string]bool{}
	neg := 0
	for _, l := range lines {
		if seen[l.Name] {
			t.Errorf("duplicate name %q", l.Name)
		}
		seen[l.Name] = true
		shapeAll[l.Shape]++
		tpls[l.Template] = true
		tplShapes[l.Shape] = true
		if !l.PHI {
			neg++
			continue
		}
		shapePHI[l.Shape]++
		for _, c := range l.Categories {
			cat[c]++
		}
	}
	for _, c := range phiblind.Categories {
		t.Logf("category %-12s %4d positive lines", c, cat[c])
		if cat[c] < 30 {
			t.Errorf("category %s: %d positive lines, want >= 30", c, cat[c])
		}
	}
	for _, s := range phiblind.Shapes {
		t.Logf("shape %-18s %4d lines (%d PHI)", s, shapeAll[s], shapePHI[s])
		if shapeAll[s] == 0 {
			t.Errorf("shape %s unused", s)
		}
	}
	frac := float64(neg) / float64(len(lines))
	t.Logf("%d lines, %d clean (%.1f%%), %d templates used", len(lines), neg, 100*frac, len(tpls))
	if frac < 0.45 || frac > 0.55 {
		t.Errorf("clean fraction %.3f outside 0.45-0.55", frac)
	}
	if len(tpls) < 150 {
		t.Errorf("%d templates used, want >= 150", len(tpls))
	}
}

func TestDeterministic(t *testing.T) {
	a, b := Generate(7, 300), Generate(7, 300)
	for i := range a {
		if a[i].Name != b[i].Name {
			t.Fatalf("line %d differs", i)
		}
	}
}
