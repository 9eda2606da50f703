package phi

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
)

// corpusRow is one line of testdata/names.tsv.
type corpusRow struct {
	name     string
	cats     []Category
	template string
}

func loadCorpus(t testing.TB) []corpusRow {
	t.Helper()
	f, err := os.Open("testdata/names.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []corpusRow
	s := bufio.NewScanner(f)
	header := true
	for s.Scan() {
		line := s.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("bad corpus line %q", line)
		}
		r := corpusRow{name: parts[0], template: parts[2]}
		if parts[1] != "-" {
			for _, c := range strings.Split(parts[1], ",") {
				r.cats = append(r.cats, Category(c))
			}
		}
		rows = append(rows, r)
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

type prCount struct{ tp, fp, fn int }

func (c prCount) p() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c prCount) r() float64 { return ratio(c.tp, c.tp+c.fn) }
func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// corpusScore scores rows at the policy threshold: per category, a name is
// a true positive for a category when it is labeled with it and the
// detector reports it at confidence >= DefaultMinConfidence.
type corpusScore struct {
	per     map[Category]*prCount
	overall prCount // micro-average over (name, category) pairs
	anyPHI  prCount // name level: any category at all
	names   int
	phi     int
	errs    []string
}

func scoreCorpus(d *Detector, rows []corpusRow) *corpusScore {
	sc := &corpusScore{per: map[Category]*prCount{}}
	for _, r := range rows {
		sc.names++
		if len(r.cats) > 0 {
			sc.phi++
		}
		var got []Category
		for _, f := range d.Scan(r.name) {
			if f.Confidence >= DefaultMinConfidence && !slices.Contains(got, f.Category) {
				got = append(got, f.Category)
			}
		}
		for _, c := range r.cats {
			pc := sc.cat(c)
			if slices.Contains(got, c) {
				pc.tp++
				sc.overall.tp++
			} else {
				pc.fn++
				sc.overall.fn++
				sc.errs = append(sc.errs, fmt.Sprintf("FN %-12s %-22s %q", c, r.template, r.name))
			}
		}
		for _, c := range got {
			if !slices.Contains(r.cats, c) {
				sc.cat(c).fp++
				sc.overall.fp++
				sc.errs = append(sc.errs, fmt.Sprintf("FP %-12s %-22s %q", c, r.template, r.name))
			}
		}
		switch {
		case len(r.cats) > 0 && len(got) > 0:
			sc.anyPHI.tp++
		case len(r.cats) > 0:
			sc.anyPHI.fn++
		case len(got) > 0:
			sc.anyPHI.fp++
		}
	}
	return sc
}

func (sc *corpusScore) cat(c Category) *prCount {
	if sc.per[c] == nil {
		sc.per[c] = &prCount{}
	}
	return sc.per[c]
}

func (sc *corpusScore) table(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d names, %d with PHI (%.1f%%)\n", title, sc.names, sc.phi, 100*float64(sc.phi)/float64(sc.names))
	fmt.Fprintf(&b, "%-12s %6s %5s %5s %9s %7s\n", "category", "TP", "FP", "FN", "precision", "recall")
	cats := make([]string, 0, len(sc.per))
	for c := range sc.per {
		cats = append(cats, string(c))
	}
	sort.Strings(cats)
	for _, c := range cats {
		pc := sc.per[Category(c)]
		fmt.Fprintf(&b, "%-12s %6d %5d %5d %9.3f %7.3f\n", c, pc.tp, pc.fp, pc.fn, pc.p(), pc.r())
	}
	fmt.Fprintf(&b, "%-12s %6d %5d %5d %9.3f %7.3f\n", "OVERALL", sc.overall.tp, sc.overall.fp, sc.overall.fn, sc.overall.p(), sc.overall.r())
	fmt.Fprintf(&b, "%-12s %6d %5d %5d %9.3f %7.3f\n", "any-PHI", sc.anyPHI.tp, sc.anyPHI.fp, sc.anyPHI.fn, sc.anyPHI.p(), sc.anyPHI.r())
	return b.String()
}

// TestDetectorCorpus scores the generated corpus (testdata/names.tsv)
// and fails when overall precision or recall is below 0.95. The table is
// printed with `go test -run TestDetectorCorpus -v ./hipaa/phi`; set
// PHI_CORPUS_ERRORS=1 to list every miss.
func TestDetectorCorpus(t *testing.T) {
	rows := loadCorpus(t)
	var main, holdout []corpusRow
	for _, r := range rows {
		if strings.HasPrefix(r.template, "holdout/") {
			holdout = append(holdout, r)
		} else {
			main = append(main, r)
		}
	}
	if len(main) < 3000 {
		t.Fatalf("corpus has %d main rows, want >= 3000", len(main))
	}
	d := Default()
	all := scoreCorpus(d, rows)
	ms := scoreCorpus(d, main)
	hs := scoreCorpus(d, holdout)
	out := ms.table("main mix") + "\n" + hs.table("held-out mix") + "\n" + all.table("all")
	if testing.Verbose() {
		fmt.Print(out)
	}
	t.Logf("\n%s", out)
	if os.Getenv("PHI_CORPUS_ERRORS") != "" {
		for _, e := range all.errs {
			fmt.Println(e)
		}
	}
	if float64(ms.phi)/float64(ms.names) < 0.40 {
		t.Errorf("corpus PHI share %.2f < 0.40", float64(ms.phi)/float64(ms.names))
	}
	for _, c := range []Category{CategoryName, CategoryAddress, CategoryZIP, CategoryDate, CategoryAge, CategoryPhone,
		CategoryFax, CategoryEmail, CategorySSN, CategoryMRN, CategoryHealthPlan, CategoryAccount, CategoryLicense,
		CategoryVehicle, CategoryDevice, CategoryURL, CategoryIP} {
		if pc := ms.per[c]; pc == nil || pc.tp+pc.fn == 0 {
			t.Errorf("corpus has no name labeled %s", c)
		}
	}
	for _, s := range []struct {
		name string
		sc   *corpusScore
	}{{"main", ms}, {"all", all}} {
		if p := s.sc.overall.p(); p < 0.95 {
			t.Errorf("%s: overall precision %.3f < 0.95", s.name, p)
		}
		if r := s.sc.overall.r(); r < 0.95 {
			t.Errorf("%s: overall recall %.3f < 0.95", s.name, r)
		}
	}
}
