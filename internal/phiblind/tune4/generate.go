// Package tune4 writes a blind synthetic tuning corpus for the PHI detector:
// names from digital health products and their cloud back ends, with
// international people, identifiers, dates and addresses. See README.md.
package tune4

import (
	"github.com/phisafe/phisafe/internal/phiblind"
)

// Generate returns n lines, about half PHI, with no duplicate names. The
// output depends only on seed and n.
func Generate(seed int64, n int) []phiblind.Line {
	r := &rng{s: uint64(seed)*0x2545f4914f6cdd1d + 0x1234567}
	x := &g{r}
	var pos, neg []tpl
	pos = append(pos, templates...)
	neg = append(neg, negTemplates...)
	// Polarity: exactly n/2 PHI lines, in a shuffled order.
	pol := make([]bool, n)
	for i := 0; i < n/2; i++ {
		pol[i] = true
	}
	for i := n - 1; i > 0; i-- {
		j := x.n(i + 1)
		pol[i], pol[j] = pol[j], pol[i]
	}
	seen := map[string]bool{}
	var out []phiblind.Line
	var pq, nq []int // round-robin queues of template indexes
	next := func(q *[]int, k int) int {
		if len(*q) == 0 {
			p := make([]int, k)
			for i := range p {
				p[i] = i
			}
			for i := k - 1; i > 0; i-- {
				j := x.n(i + 1)
				p[i], p[j] = p[j], p[i]
			}
			*q = p
		}
		v := (*q)[0]
		*q = (*q)[1:]
		return v
	}
	for _, isPHI := range pol {
		for {
			var t tpl
			if isPHI {
				t = pos[next(&pq, len(pos))]
			} else {
				t = neg[next(&nq, len(neg))]
			}
			var name string
			ok := false
			for try := 0; try < 20; try++ {
				name = t.f(x)
				if !seen[name] {
					ok = true
					break
				}
			}
			if !ok {
				continue
			}
			seen[name] = true
			out = append(out, phiblind.Line{Shape: t.shape, Name: name, PHI: isPHI, Categories: sorted(t.cats), Template: t.id})
			break
		}
	}
	return out
}

func sorted(cs []string) []string {
	if len(cs) == 0 {
		return nil
	}
	var out []string
	for _, c := range phiblind.Categories {
		for _, d := range cs {
			if c == d {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// TemplateCount returns the number of PHI and clean templates.
func TemplateCount() (phi, clean int) { return len(templates), len(negTemplates) }

// Seed and Lines are the parameters of testdata/tune4.tsv.
const (
	Seed  = 4404
	Lines = 2500
)
