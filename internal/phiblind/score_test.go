package phiblind_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/phisafe/phisafe/hipaa/phi"
	"github.com/phisafe/phisafe/internal/phiblind"
)

// corpusFiles are the blind corpus files and their minimum sizes. Template
// detail (worst templates) is printed for the development file only: the
// holdout is scored in aggregate and must not be used for tuning.
var corpusFiles = []struct {
	name     string
	minLines int
	detail   bool
}{
	{"dev.tsv", 3000, true},
	{"../tune/testdata/tune.tsv", 3000, true},
	{"holdout.tsv", 1500, false},
}

type tally struct{ n, hit int }

func (t tally) rate() string {
	if t.n == 0 {
		return "   -  "
	}
	return fmt.Sprintf("%6.3f", float64(t.hit)/float64(t.n))
}

// TestBlindCorpus measures the default detector on the blind corpus. It
// asserts nothing about the detector's quality; it fails only when a corpus
// file is missing or malformed.
func TestBlindCorpus(t *testing.T) {
	det := phi.Default()
	for _, cf := range corpusFiles {
		t.Run(strings.TrimSuffix(filepath.Base(cf.name), ".tsv"), func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", cf.name))
			if err != nil {
				t.Fatalf("corpus file: %v", err)
			}
			defer f.Close()
			lines, err := phiblind.ReadTSV(f)
			if err != nil {
				t.Fatalf("%s: %v", cf.name, err)
			}
			if len(lines) < cf.minLines {
				t.Fatalf("%s: %d lines, want at least %d", cf.name, len(lines), cf.minLines)
			}
			t.Log("\n" + score(det, cf.name, lines, cf.detail))
		})
	}
}

func score(det *phi.Detector, file string, lines []phiblind.Line, detail bool) string {
	var tp, fp, fn, tn int
	catSame := map[string]*tally{}
	catAny := map[string]*tally{}
	shapeNeg := map[string]*tally{}
	shapePos := map[string]*tally{}
	tmplMiss := map[string]*tally{}
	for _, c := range phiblind.Categories {
		catSame[c], catAny[c] = &tally{}, &tally{}
	}
	for _, s := range phiblind.Shapes {
		shapeNeg[s], shapePos[s] = &tally{}, &tally{}
	}
	var buf []phi.Finding
	for _, l := range lines {
		buf = det.AppendScan(buf[:0], l.Name)
		flagged := false
		found := map[string]bool{}
		for _, f := range buf {
			if f.Confidence >= phi.DefaultMinConfidence {
				flagged = true
				found[string(f.Category)] = true
			}
		}
		tm := tmplMiss[l.Template]
		if tm == nil {
			tm = &tally{}
			tmplMiss[l.Template] = tm
		}
		tm.n++
		if l.PHI {
			shapePos[l.Shape].n++
			if flagged {
				tp++
				shapePos[l.Shape].hit++
			} else {
				fn++
				tm.hit++
			}
			for _, c := range l.Categories {
				catSame[c].n++
				catAny[c].n++
				if found[c] {
					catSame[c].hit++
				}
				if flagged {
					catAny[c].hit++
				}
			}
		} else {
			shapeNeg[l.Shape].n++
			if flagged {
				fp++
				shapeNeg[l.Shape].hit++
				tm.hit++
			} else {
				tn++
			}
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	prec, rec := ratio(tp, tp+fp), ratio(tp, tp+fn)
	f1 := ratio(int(2e6*prec*rec), int(1e6*(prec+rec)))
	var b strings.Builder
	fmt.Fprintf(&b, "== %s: %d lines, %d PHI, %d clean (threshold %.2f)\n", file, len(lines), tp+fn, fp+tn, phi.DefaultMinConfidence)
	fmt.Fprintf(&b, "TP %d  FP %d  FN %d  TN %d  precision %.3f  recall %.3f  F1 %.3f  false-alarm rate %.3f\n",
		tp, fp, fn, tn, prec, rec, f1, ratio(fp, fp+tn))
	fmt.Fprintf(&b, "%-12s %5s %8s %8s\n", "category", "lines", "same-cat", "any")
	for _, c := range phiblind.Categories {
		if catSame[c].n == 0 {
			continue
		}
		same := catSame[c].rate()
		if c == phiblind.Other {
			same = "  n/a " // no detector category
		}
		fmt.Fprintf(&b, "%-12s %5d %8s %8s\n", c, catSame[c].n, same, catAny[c].rate())
	}
	fmt.Fprintf(&b, "%-18s %5s %6s %7s | %5s %6s\n", "shape", "clean", "FP", "FArate", "phi", "recall")
	for _, s := range phiblind.Shapes {
		n, p := shapeNeg[s], shapePos[s]
		if n.n+p.n == 0 {
			continue
		}
		fmt.Fprintf(&b, "%-18s %5d %6d %7s | %5d %6s\n", s, n.n, n.hit, n.rate(), p.n, p.rate())
	}
	if detail {
		type row struct {
			id   string
			phi  bool
			t    tally
			rate float64
		}
		var rows []row
		for _, l := range lines {
			if slices.ContainsFunc(rows, func(r row) bool { return r.id == l.Template }) {
				continue
			}
			tm := tmplMiss[l.Template]
			rows = append(rows, row{l.Template, l.PHI, *tm, ratio(tm.hit, tm.n)})
		}
		sort.Slice(rows, func(i, j int) bool {
			if rows[i].rate != rows[j].rate {
				return rows[i].rate > rows[j].rate
			}
			return rows[i].id < rows[j].id
		})
		for _, want := range []bool{true, false} {
			label := "most-missed PHI templates (miss rate)"
			if !want {
				label = "most false-alarming clean templates (FA rate)"
			}
			fmt.Fprintf(&b, "%s:\n", label)
			k := 0
			for _, r := range rows {
				if r.phi != want || r.t.hit == 0 || k == 12 {
					continue
				}
				k++
				fmt.Fprintf(&b, "  %-28s %4d/%-4d %s\n", r.id, r.t.hit, r.t.n, r.t.rate())
			}
		}
	}
	return b.String()
}
