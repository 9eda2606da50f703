// Package tune2 generates a third blind evaluation corpus for the PHI
// detector in hipaa/phi: synthetic names with the messiness of production
// systems (EHR exports, interface engines, HL7 v2, FHIR, DICOM, X12,
// pharmacy, labs, IoMT, telehealth, call centres, portal mail in many
// languages, DynamoDB single-table keys, lakes and logs), labelled with the
// HIPAA Safe Harbor identifiers they contain. It was written blind: see
// README.md.
package tune2

import (
	"math/rand"

	pb "github.com/phisafe/phisafe/internal/phiblind"
)

// Generate returns n lines drawn deterministically from seed. About half are
// PHI; no name appears twice.
func Generate(seed int64, n int) []pb.Line {
	g := &G{r: rand.New(rand.NewSource(seed))}
	pos, neg := weights(phiTemplates), weights(negTemplates)
	seen := make(map[string]bool, n)
	out := make([]pb.Line, 0, n)
	for len(out) < n {
		phi := g.r.Intn(2) == 0
		ts, cum := negTemplates, neg
		if phi {
			ts, cum = phiTemplates, pos
		}
		t := ts[pickCum(g, cum)]
		var name string
		var cats []string
		ok := false
		for try := 0; try < 20; try++ {
			name, cats = t.f(g)
			if !seen[name] {
				ok = true
				break
			}
		}
		if !ok {
			continue
		}
		seen[name] = true
		out = append(out, pb.Line{Shape: t.shape, Name: name, PHI: len(cats) > 0, Categories: order(cats), Template: t.id})
	}
	return out
}

func weights(ts []tmpl) []int {
	cum := make([]int, len(ts))
	s := 0
	for i, t := range ts {
		w := t.w
		if w <= 0 {
			w = 1
		}
		s += w
		cum[i] = s
	}
	return cum
}

func pickCum(g *G, cum []int) int {
	x := g.r.Intn(cum[len(cum)-1])
	for i, c := range cum {
		if x < c {
			return i
		}
	}
	return len(cum) - 1
}

// order sorts categories into pb.Categories order and drops duplicates.
func order(cs []string) []string {
	var out []string
	for _, c := range pb.Categories {
		for _, x := range cs {
			if x == c {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// Seed and Lines are the parameters of testdata/tune2.tsv.
const (
	Seed  = 77031
	Lines = 3000
)
