// Package tune generates a second blind, synthetic, labelled corpus of
// "names" (S3 keys and metadata, bucket names, DynamoDB keys, attribute and
// table names, KMS encryption-context values, mail subjects and device
// topics) for tuning the PHI detector in hipaa/phi. It was written without
// reading the detector or the first blind corpus's templates; see README.md.
package tune

import (
	"fmt"
	"slices"

	pb "github.com/phisafe/phisafe/internal/phiblind"
)

// The parameters of testdata/tune.tsv.
const (
	Seed  = 424242
	Lines = 4000
)

// shapeWeights gives the share of each shape, the same for both polarities.
// S3 keys dominate, as they do in a real account's names.
var shapeWeights = []struct {
	shape string
	w     int
}{
	{sKey, 36}, {sMeta, 12}, {sDDB, 14}, {sSubj, 10}, {sEnc, 7}, {sTop, 8}, {sAttr, 6}, {sBkt, 4}, {sTbl, 3},
}

// TemplateInfo describes one template.
type TemplateInfo struct {
	ID, Shape string
	PHI       bool
}

// Templates returns every template with its shape and polarity, in a fixed order.
func Templates() []TemplateInfo {
	var out []TemplateInfo
	for _, t := range allTemplates() {
		out = append(out, TemplateInfo{t.id, t.shape, t.phi})
	}
	return out
}

func allTemplates() []tmpl { return append(positives(), negatives()...) }

// Generate returns n corpus lines drawn with seed. The result is deterministic:
// the same seed and n give the same lines in the same order. A line is PHI
// with probability 1/2; its shape is drawn from shapeWeights and its template
// by weight among that shape's templates of that polarity. A name already
// drawn is redrawn with the same polarity, so no name repeats and templates
// with few distinct values do not tilt the PHI share.
func Generate(seed int64, n int) []pb.Line {
	g := newG(seed)
	groups := map[string][]tmpl{}
	for _, t := range allTemplates() {
		k := fmt.Sprint(t.shape, t.phi)
		groups[k] = append(groups[k], t)
	}
	total := 0
	for _, s := range shapeWeights {
		total += s.w
	}
	seen := map[string]bool{}
	out := make([]pb.Line, 0, n)
	for len(out) < n {
		phi := g.coin()
		for {
			t := g.pickTemplate(groups, total, phi)
			name, cats := t.f(g)
			if seen[name] {
				continue
			}
			seen[name] = true
			out = append(out, pb.Line{Shape: t.shape, Name: name, PHI: t.phi, Categories: sortCats(cats), Template: t.id})
			break
		}
	}
	return out
}

func (g *G) pickTemplate(groups map[string][]tmpl, total int, phi bool) tmpl {
	x := g.n(total)
	shape := ""
	for _, s := range shapeWeights {
		if x < s.w {
			shape = s.shape
			break
		}
		x -= s.w
	}
	ts := groups[fmt.Sprint(shape, phi)]
	sum := 0
	for _, t := range ts {
		sum += t.w
	}
	y := g.n(sum)
	for _, t := range ts {
		if y < t.w {
			return t
		}
		y -= t.w
	}
	panic("unreachable")
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
