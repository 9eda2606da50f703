// Package tune3 generates a blind synthetic tuning corpus for the PHI detector
// in hipaa/phi, centred on the naming habits of clinical and payer
// operations: integration engines, revenue cycle, payer operations, pharmacy
// benefits, labs, radiology, quality and public health reporting, HIE, release
// of information, HIM, dental, vision, workers' compensation and disability.
//
// It was written without reading the detector or the other corpora; see
// README.md.
package tune3

import (
	"fmt"
	"math/rand"
	"slices"

	pb "github.com/phisafe/phisafe/internal/phiblind"
)

// Templates returns every template: PHI first, then clean.
func templates() (phi, clean []tmpl) {
	phi = append(append(append([]tmpl{}, pos...), morePos...), morePos2...)
	return phi, neg
}

// TemplateCount reports how many PHI and clean templates there are.
func TemplateCount() (phi, clean int) {
	p, c := templates()
	return len(p), len(c)
}

func sortCats(cs []string) []string {
	var out []string
	for _, c := range pb.Categories {
		if slices.Contains(cs, c) {
			out = append(out, c)
		}
	}
	return out
}

// Generate returns n lines drawn deterministically from seed: each line is
// PHI with probability 1/2, its template is uniform within the polarity, and
// a name that has already appeared is drawn again.
func Generate(seed int64, n int) []pb.Line {
	r := rand.New(rand.NewSource(seed))
	phi, clean := templates()
	seen := map[string]bool{}
	out := make([]pb.Line, 0, n)
	for len(out) < n {
		isPHI := r.Intn(2) == 0
		set := clean
		if isPHI {
			set = phi
		}
		t := set[r.Intn(len(set))]
		var l pb.Line
		ok := false
		for try := 0; try < 50; try++ {
			name, cats := t.g(r)
			if seen[name] {
				continue
			}
			if (len(cats) > 0) != t.phi {
				panic(fmt.Sprintf("template %s: categories %v", t.id, cats))
			}
			seen[name] = true
			l = pb.Line{Shape: t.shape, Name: name, PHI: t.phi, Categories: sortCats(cats), Template: t.id}
			ok = true
			break
		}
		if ok {
			out = append(out, l)
		}
	}
	return out
}

// Seed and Lines are the parameters of testdata/tune3.tsv.
const (
	Seed  = 3303
	Lines = 2500
)
