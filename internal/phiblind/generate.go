package phiblind

import "fmt"

// Generate returns n corpus lines for split, deterministic given seed. About
// half of the lines contain PHI. The development split uses only the shared
// templates; the holdout split adds the holdout-only ones. The two splits use
// disjoint name lists.
func Generate(seed uint64, s Split, n int) []Line {
	g := newG(seed, s)
	var posT, negT []Template
	all := append(append(append(append([]Template{}, Templates...), moreTemplates...), negTemplates...), holdoutTemplates...)
	for _, t := range all {
		if t.Holdout && s != Holdout {
			continue
		}
		if t.PHI {
			posT = append(posT, t)
		} else {
			negT = append(negT, t)
		}
	}
	seen := map[string]bool{}
	out := make([]Line, 0, n)
	for len(out) < n {
		ts := negT
		if g.chance(0.5) {
			ts = posT
		}
		t := ts[g.n(len(ts))]
		var name string
		var cats []string
		ok := false
		for try := 0; try < 8; try++ {
			name, cats = t.Gen(g)
			if !seen[name] {
				ok = true
				break
			}
		}
		if !ok {
			continue
		}
		seen[name] = true
		l := Line{Shape: t.Shape, Name: name, PHI: t.PHI, Categories: sortCats(cats), Template: t.ID}
		if err := l.check(); err != nil {
			panic(fmt.Sprintf("phiblind: %v", err))
		}
		out = append(out, l)
	}
	return out
}
