package phi

import (
	"slices"
	"testing"
)

// FuzzScan checks that Scan never panics, that findings lie within the
// name with Start < End and a confidence in (0, 1], and that it is
// deterministic. The seeds are the corpus names.
func FuzzScan(f *testing.F) {
	for _, r := range loadCorpus(f) {
		f.Add(r.name)
	}
	f.Add("")
	f.Add("::")
	f.Add("@@@.a")
	f.Add("1-2-3-4-5-6-7-8-9-0-1-2-3-4-5-6-7-8-9")
	d := Default()
	f.Fuzz(func(t *testing.T, name string) {
		a := d.Scan(name)
		for _, x := range a {
			if x.Start < 0 || x.End > len(name) || x.Start >= x.End {
				t.Fatalf("bad offsets %+v for %q", x, name)
			}
			if !(x.Confidence > 0 && x.Confidence <= 1) {
				t.Fatalf("bad confidence %+v for %q", x, name)
			}
			if x.Category == "" {
				t.Fatalf("empty category for %q", name)
			}
		}
		if b := d.Scan(name); !slices.Equal(a, b) {
			t.Fatalf("not deterministic for %q: %+v vs %+v", name, a, b)
		}
	})
}
