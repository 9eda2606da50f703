package tune3

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	pb "github.com/phisafe/phisafe/internal/phiblind"
)

func TestTune3File(t *testing.T) {
	lines := Generate(Seed, Lines)
	var b bytes.Buffer
	if err := pb.WriteTSV(&b, lines); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("testdata", "tune3.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Fatal("testdata/tune3.tsv differs from Generate(Seed, Lines); run go run ./internal/phiblind/tune3/cmd/gen")
	}
	read, err := pb.ReadTSV(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	if len(read) != Lines {
		t.Fatalf("%d lines, want %d", len(read), Lines)
	}

	seen := map[string]bool{}
	cat := map[string]int{}
	shape := map[string][2]int{}
	tmpls := map[string]bool{}
	tmplShapes := map[string]bool{}
	clean := 0
	for _, l := range read {
		if seen[l.Name] {
			t.Errorf("duplicate name %q", l.Name)
		}
		seen[l.Name] = true
		tmpls[l.Template] = true
		tmplShapes[l.Shape] = true
		s := shape[l.Shape]
		if l.PHI {
			s[1]++
		} else {
			s[0]++
			clean++
		}
		shape[l.Shape] = s
		for _, c := range l.Categories {
			cat[c]++
		}
	}
	for _, c := range pb.Categories {
		t.Logf("category %-12s %4d PHI lines", c, cat[c])
		if cat[c] < 30 {
			t.Errorf("category %s: %d PHI lines, want >= 30", c, cat[c])
		}
	}
	for _, s := range pb.Shapes {
		t.Logf("shape %-18s clean %4d  PHI %4d", s, shape[s][0], shape[s][1])
		if !tmplShapes[s] {
			t.Errorf("shape %s unused", s)
		}
	}
	frac := float64(clean) / float64(len(read))
	t.Logf("clean %d of %d (%.3f); %d templates used", clean, len(read), frac, len(tmpls))
	if frac < 0.45 || frac > 0.55 {
		t.Errorf("clean fraction %.3f, want 0.45-0.55", frac)
	}
	if len(tmpls) < 150 {
		t.Errorf("%d templates used, want >= 150", len(tmpls))
	}
	if s3 := shape["s3-key"]; s3[0]+s3[1] < len(read)/4 {
		t.Errorf("s3-key lines %d: want the most common shape", s3[0]+s3[1])
	}
}

func TestDeterministic(t *testing.T) {
	a, b := Generate(Seed, 300), Generate(Seed, 300)
	for i := range a {
		if a[i].Name != b[i].Name {
			t.Fatalf("line %d differs: %q vs %q", i, a[i].Name, b[i].Name)
		}
	}
}
