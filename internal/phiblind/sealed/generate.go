// Package sealed generates a sealed, blind holdout corpus for the PHI detector
// in hipaa/phi: synthetic names (S3 keys and metadata, bucket names, DynamoDB
// keys, attribute and table names, KMS encryption-context values, mail
// subjects, device topics) labelled with the HIPAA Safe Harbor identifiers
// (45 CFR 164.514(b)(2)(i)(A)-(R)) they contain.
//
// It was written without reading the detector or any earlier corpus
// generator. The corpus is a holdout: only aggregate scores may be looked at,
// and nobody tunes the detector on it. See README.md.
package sealed

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"

	"github.com/phisafe/phisafe/internal/phiblind"
)

// Seed and Size are the parameters of testdata/sealed.tsv.
const (
	Seed = 5150
	Size = 2400
)

// shapeWeight gives the share of each shape among the clean lines and the
// weight of a shape's templates among the PHI lines.
var shapeWeight = map[string]float64{
	sS3: 34, sMeta: 13, sDDB: 14, sSubj: 10, sEC: 8, sTop: 7, sAttr: 6, sBkt: 4, sTbl: 4,
}

type seg struct {
	lit      string
	key, arg string
}

type compiled struct {
	template
	segs []seg
	cats []string
	phi  bool
}

var (
	bucketRE = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
	tableRE  = regexp.MustCompile(`^[A-Za-z0-9_.-]{3,255}$`)
)

func compile() []compiled {
	var out []compiled
	seen := map[string]bool{}
	for _, t := range templates {
		if seen[t.id] {
			panic("duplicate template id " + t.id)
		}
		seen[t.id] = true
		if !slices.Contains(phiblind.Shapes, t.shape) {
			panic("unknown shape " + t.shape)
		}
		c := compiled{template: t}
		var cats []string
		rest := t.pat
		for rest != "" {
			i := strings.IndexByte(rest, '{')
			if i < 0 {
				c.segs = append(c.segs, seg{lit: rest})
				break
			}
			if i > 0 {
				c.segs = append(c.segs, seg{lit: rest[:i]})
			}
			j := strings.IndexByte(rest[i:], '}')
			if j < 0 {
				panic("unclosed placeholder in " + t.id)
			}
			k, a, _ := strings.Cut(rest[i+1:i+j], ":")
			p, ok := placeholders[k]
			if !ok {
				panic(fmt.Sprintf("template %s: unknown placeholder %q", t.id, k))
			}
			if p.cats != "" {
				cats = append(cats, strings.Split(p.cats, ",")...)
			}
			c.segs = append(c.segs, seg{key: k, arg: a})
			rest = rest[i+j+1:]
		}
		for _, cat := range phiblind.Categories {
			if slices.Contains(cats, cat) {
				c.cats = append(c.cats, cat)
			}
		}
		c.phi = len(c.cats) > 0
		if c.phi == strings.HasPrefix(t.id, "n-") {
			panic("template " + t.id + ": polarity does not match its placeholders")
		}
		out = append(out, c)
	}
	return out
}

func (c *compiled) expand(x *g) string {
	var b strings.Builder
	for _, s := range c.segs {
		if s.key == "" {
			b.WriteString(s.lit)
			continue
		}
		b.WriteString(placeholders[s.key].fn(x, s.arg))
	}
	name := b.String()
	if c.shape == sBkt {
		name = strings.ToLower(name)
	}
	return name
}

// valid reports whether name is a legal name of its shape.
func valid(shape, name string) bool {
	if name == "" || strings.ContainsAny(name, "\t\r\n") {
		return false
	}
	switch shape {
	case sBkt:
		return bucketRE.MatchString(name) && !strings.Contains(name, "..")
	case sTbl:
		return tableRE.MatchString(name)
	case sTop:
		return !strings.ContainsAny(name, "+#") && len(name) <= 256
	case sS3:
		return len(name) <= 1024
	case sDDB:
		return len(name) <= 1024
	}
	return true
}

// Generate returns n lines, about half PHI, no name repeated. The output
// depends only on seed and n.
func Generate(seed int64, n int) []phiblind.Line {
	r := newRand(seed)
	all := compile()
	posByCat := map[string][]*compiled{}
	negByShape := map[string][]*compiled{}
	nPos := map[string]int{}
	for i := range all {
		c := &all[i]
		if c.phi {
			nPos[c.shape]++
			for _, cat := range c.cats {
				posByCat[cat] = append(posByCat[cat], c)
			}
		} else {
			negByShape[c.shape] = append(negByShape[c.shape], c)
		}
	}
	pickWeighted := func(cs []*compiled, w func(*compiled) float64) *compiled {
		total := 0.0
		for _, c := range cs {
			total += w(c)
		}
		v := r.Float64() * total
		for _, c := range cs {
			v -= w(c)
			if v < 0 {
				return c
			}
		}
		return cs[len(cs)-1]
	}
	posW := func(c *compiled) float64 { return shapeWeight[c.shape] / float64(nPos[c.shape]) }
	var shapes []*compiled // one stand-in per shape for the weighted shape draw
	for _, s := range phiblind.Shapes {
		if len(negByShape[s]) > 0 {
			shapes = append(shapes, negByShape[s][0])
		}
	}
	shapeW := func(c *compiled) float64 { return shapeWeight[c.shape] }

	seen := map[string]bool{}
	out := make([]phiblind.Line, 0, n)
	for len(out) < n {
		phi := r.IntN(2) == 0
		var line phiblind.Line
		for try := 0; ; try++ {
			if try > 200 {
				panic("cannot draw a fresh name")
			}
			var c *compiled
			if phi {
				cat := phiblind.Categories[r.IntN(len(phiblind.Categories))]
				c = pickWeighted(posByCat[cat], posW)
			} else {
				s := pickWeighted(shapes, shapeW).shape
				c = negByShape[s][r.IntN(len(negByShape[s]))]
			}
			x := &g{r: r, ascii: c.shape == sBkt || c.shape == sTbl}
			name := c.expand(x)
			if !valid(c.shape, name) || seen[name] {
				continue
			}
			seen[name] = true
			line = phiblind.Line{Shape: c.shape, Name: name, PHI: c.phi, Categories: slices.Clone(c.cats), Template: c.id}
			break
		}
		out = append(out, line)
	}
	return out
}

func newRand(seed int64) *rand.Rand { return rand.New(rand.NewPCG(uint64(seed), 0x5eA1ed0b11d)) }

// TemplateCount returns the number of templates and how many are PHI.
func TemplateCount() (total, phi int) {
	for _, c := range compile() {
		total++
		if c.phi {
			phi++
		}
	}
	return
}
