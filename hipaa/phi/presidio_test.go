package phi

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The Presidio synthetic benchmark (testdata/presidio-synth-v2.json, see
// testdata/presidio-synth-v2.PROVENANCE.md) scored on ScanText.
//
// How it scores (token level, like presidio-research's evaluator, but on
// our own tokens):
//
//   - A token is a maximal run of letters (any non-ASCII byte counts as a
//     letter) and digits; punctuation and spaces are not tokens.
//   - Gold: a token takes the type of the labelled span it overlaps. Only
//     the Safe Harbor types below are scored. Tokens of ORGANIZATION, TITLE
//     (job titles), NRP (nationalities), DOMAIN_NAME and IBAN_CODE spans
//     are "don't care": neither found nor missed, and a finding on them is
//     no false positive.
//   - Predicted: a token covered (any byte overlap) by a finding with
//     confidence >= the threshold takes the type its category maps to
//     (textBenchTypes); when several findings cover it, the most confident
//     wins. A category accepted by the gold type counts as that type: an
//     address finding on a GPE token is a GPE hit, a zip or address
//     finding inside a STREET_ADDRESS span (which in this set runs on to
//     the city and ZIP) is a street hit, and so on.
//   - Per type T: TP = gold T and predicted T; FP = predicted T, gold not
//     T; FN = gold T, predicted not T. Overall sums them, so a token found
//     under a wrong type is one FP and one FN, as in presidio-research.
//   - "any-PHI" ignores types: a gold token covered by any finding is
//     found, a finding on a non-gold token is a false positive.
//   - GPE: the set labels cities, states and countries alike. Safe Harbor
//     (B) covers cities and smaller places, not states or countries, and
//     the issue scores "GPE cities below state level": a GPE span whose
//     whole value is a country or a US state name (presidioGPEScored) is
//     don't care; every other GPE span is scored.
//   - DATE_TIME: the set labels bare years too; Safe Harbor (C) keeps years
//     ("all elements of dates (except year)"), so ScanText reports a bare
//     year only as a hint, and a DATE_TIME span that is a year alone (1977,
//     1970s: presidioBareYear) is don't care, as younger ages are. Every
//     other date and time is scored. The table is printed at the policy
//     threshold 0.5 and again with hints (>= 0.35).
//   - AGE: the set labels every age, but Safe Harbor (C) removes only ages
//     over 89 (and ScanText reports younger ages as hints below 0.5). So
//     an AGE span is scored only when its value is over 89 (digits >= 90,
//     or a written "ninety"/"hundred"); the tokens of a younger age are
//     "don't care" (presidioAgeScored). The rows read "AGE (>89)".
//
// The 1,500 sentences are split by template: FNV-1a of the decimal
// template_id, mod 3 == 0 is the test part (about 1/3, scored only), the
// rest is the development part.

type presidioSpan struct {
	Type  string `json:"entity_type"`
	Value string `json:"entity_value"`
	Start int    `json:"start_position"`
	End   int    `json:"end_position"`
}

type presidioRecord struct {
	Text     string         `json:"full_text"`
	Spans    []presidioSpan `json:"spans"`
	Template int            `json:"template_id"`
}

const presidioPath = "testdata/presidio-synth-v2.json"

func loadPresidio(tb testing.TB) []presidioRecord {
	tb.Helper()
	b, err := os.ReadFile(presidioPath)
	if err != nil {
		tb.Fatalf("presidio benchmark data missing (see testdata/presidio-synth-v2.PROVENANCE.md): %v", err)
	}
	var recs []presidioRecord
	if err := json.Unmarshal(b, &recs); err != nil {
		tb.Fatal(err)
	}
	if len(recs) != 1500 {
		tb.Fatalf("presidio benchmark: %d records, want 1500", len(recs))
	}
	// Offsets are in code points: make them byte offsets.
	for i := range recs {
		r := &recs[i]
		idx := make([]int, 0, len(r.Text)+1)
		for bi := range r.Text {
			idx = append(idx, bi)
		}
		idx = append(idx, len(r.Text))
		for k := range r.Spans {
			sp := &r.Spans[k]
			if sp.Start < 0 || sp.End > len(idx)-1 || sp.Start > sp.End {
				tb.Fatalf("presidio record %d: span out of range", i)
			}
			sp.Start, sp.End = idx[sp.Start], idx[sp.End]
			if r.Text[sp.Start:sp.End] != sp.Value {
				tb.Fatalf("presidio record %d: span text does not match", i)
			}
		}
	}
	return recs
}

// presidioTestPart reports whether a template belongs to the held-out part.
func presidioTestPart(template int) bool {
	h := fnv.New32a()
	h.Write([]byte(strconv.Itoa(template)))
	return h.Sum32()%3 == 0
}

// presidioScored are the Safe Harbor types scored, in print order.
var presidioScored = []string{"PERSON", "STREET_ADDRESS", "GPE", "ZIP_CODE", "DATE_TIME", "AGE",
	"PHONE_NUMBER", "EMAIL_ADDRESS", "US_SSN", "IP_ADDRESS", "US_DRIVER_LICENSE", "CREDIT_CARD"}

var presidioDontCare = map[string]bool{"ORGANIZATION": true, "TITLE": true, "NRP": true,
	"DOMAIN_NAME": true, "IBAN_CODE": true}

// textBenchTypes maps a category to the benchmark type it stands for
// (first) and the other gold types it counts as.
var textBenchTypes = map[Category][]string{
	CategoryName:       {"PERSON"},
	CategoryAddress:    {"STREET_ADDRESS", "GPE", "ZIP_CODE"},
	CategoryZIP:        {"ZIP_CODE", "STREET_ADDRESS"},
	CategoryDate:       {"DATE_TIME"},
	CategoryAge:        {"AGE"},
	CategoryPhone:      {"PHONE_NUMBER"},
	CategoryFax:        {"PHONE_NUMBER"},
	CategoryEmail:      {"EMAIL_ADDRESS"},
	CategorySSN:        {"US_SSN"},
	CategoryIP:         {"IP_ADDRESS"},
	CategoryLicense:    {"US_DRIVER_LICENSE"},
	CategoryAccount:    {"CREDIT_CARD"},
	CategoryMRN:        {"OTHER"},
	CategoryHealthPlan: {"OTHER"},
	CategoryVehicle:    {"OTHER"},
	CategoryDevice:     {"OTHER"},
	CategoryURL:        {"OTHER"},
}

type presidioCount struct{ tp, fp, fn int }

func (c presidioCount) p() float64 { return presidioRatio(c.tp, c.tp+c.fp) }
func (c presidioCount) r() float64 { return presidioRatio(c.tp, c.tp+c.fn) }
func (c presidioCount) f2() float64 {
	p, r := c.p(), c.r()
	if p+r == 0 {
		return 0
	}
	return 5 * p * r / (4*p + r)
}

func presidioRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

type presidioScore struct {
	byType      map[string]*presidioCount
	all, anyPHI presidioCount
	sentences   int
}

// presidioTokens returns the byte spans of the scorer's tokens.
func presidioTokens(s string) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(s); i++ {
		in := i < len(s) && (isAlnum(s[i]))
		if in && start < 0 {
			start = i
		} else if !in && start >= 0 {
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	return out
}

func scorePresidio(recs []presidioRecord, findings [][]Finding, testPart bool, minConf float64) *presidioScore {
	sc := &presidioScore{byType: map[string]*presidioCount{}}
	get := func(t string) *presidioCount {
		c := sc.byType[t]
		if c == nil {
			c = &presidioCount{}
			sc.byType[t] = c
		}
		return c
	}
	scored := map[string]bool{}
	for _, t := range presidioScored {
		scored[t] = true
	}
	for i, r := range recs {
		if presidioTestPart(r.Template) != testPart {
			continue
		}
		sc.sentences++
		for _, tk := range presidioTokens(r.Text) {
			gold, dontCare := "", false
			for _, sp := range r.Spans {
				if sp.Start < tk[1] && sp.End > tk[0] {
					t := sp.Type
					if t == "ZIP" {
						t = "ZIP_CODE"
					}
					if t == "AGE" && !presidioAgeScored(sp.Value) || t == "GPE" && !presidioGPEScored(sp.Value) || t == "DATE_TIME" && presidioBareYear(sp.Value) {
						dontCare = true
					} else if scored[t] {
						gold = t
					} else if presidioDontCare[t] {
						dontCare = true
					}
				}
			}
			if gold == "" && dontCare {
				continue
			}
			var best *Finding
			for k := range findings[i] {
				f := &findings[i][k]
				if f.Confidence >= minConf && f.Start < tk[1] && f.End > tk[0] && (best == nil || f.Confidence > best.Confidence) {
					best = f
				}
			}
			pred := ""
			if best != nil {
				ts := textBenchTypes[best.Category]
				pred = ts[0]
				for _, t := range ts {
					if t == gold {
						pred = gold
					}
				}
			}
			switch {
			case gold != "" && pred != "":
				sc.anyPHI.tp++
			case gold != "":
				sc.anyPHI.fn++
			case pred != "":
				sc.anyPHI.fp++
			}
			if gold == pred {
				if gold != "" {
					get(gold).tp++
					sc.all.tp++
				}
				continue
			}
			if gold != "" {
				get(gold).fn++
				sc.all.fn++
			}
			if pred != "" {
				get(pred).fp++
				sc.all.fp++
			}
		}
	}
	return sc
}

// presidioAccepts reports whether a finding of category c counts as the
// gold type.
func presidioAccepts(c Category, gold string) bool {
	if gold == "ZIP" {
		gold = "ZIP_CODE"
	}
	for _, t := range textBenchTypes[c] {
		if t == gold {
			return true
		}
	}
	return !presidioScoredType(gold)
}

func presidioScoredType(t string) bool {
	for _, s := range presidioScored {
		if s == t {
			return true
		}
	}
	return false
}

// presidioGPEScored reports whether a GPE span is a place below state
// level, the places Safe Harbor (B) removes: a country or a US state (the
// names of text_geo.go, less "new york", which is a city as often) is
// don't care. The list was written for ScanText, not from this set.
func presidioGPEScored(v string) bool {
	w := strings.ToLower(strings.Join(strings.Fields(v), " "))
	if w == "new york" {
		return true
	}
	return !textCountries[w] && !textStates[w]
}

// presidioBareYear reports whether a DATE_TIME span is a year alone (1977,
// the 1970s), which Safe Harbor (C) lets stay: don't care.
func presidioBareYear(v string) bool {
	v = strings.TrimSuffix(strings.TrimSpace(v), "s")
	if len(v) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// presidioAgeScored reports whether an AGE span is over 89, the ages Safe
// Harbor removes: its digits read 90 or more, or it is written with
// "ninety" or "hundred".
func presidioAgeScored(v string) bool {
	n, digits := 0, false
	for i := 0; i < len(v); i++ {
		if isDigit(v[i]) {
			digits = true
			n = n*10 + int(v[i]-'0')
			if n > 1000 {
				break
			}
		} else if digits {
			break
		}
	}
	if digits {
		return n >= 90
	}
	l := strings.ToLower(v)
	return strings.Contains(l, "ninety") || strings.Contains(l, "hundred")
}

func (sc *presidioScore) table(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%d sentences, token level)\n", title, sc.sentences)
	fmt.Fprintf(&b, "  %-18s %6s %6s %6s %6s %6s %6s\n", "type", "tp", "fp", "fn", "P", "R", "F2")
	types := append([]string(nil), presidioScored...)
	var extra []string
	for t := range sc.byType {
		found := false
		for _, s := range presidioScored {
			found = found || s == t
		}
		if !found {
			extra = append(extra, t)
		}
	}
	sort.Strings(extra)
	types = append(types, extra...)
	row := func(name string, c presidioCount) {
		fmt.Fprintf(&b, "  %-18s %6d %6d %6d %6.3f %6.3f %6.3f\n", name, c.tp, c.fp, c.fn, c.p(), c.r(), c.f2())
	}
	for _, t := range types {
		if c := sc.byType[t]; c != nil {
			name := t
			if t == "AGE" {
				name = "AGE (>89)"
			}
			row(name, *c)
		}
	}
	row("overall", sc.all)
	row("any-PHI (untyped)", sc.anyPHI)
	fmt.Fprintf(&b, "  AGE is scored only over 89 (Safe Harbor); younger ages are don't care\n")
	fmt.Fprintf(&b, "  Presidio published: default P 0.685 R 0.603 F2 0.618; transformer P 0.870 R 0.839 F2 0.845\n")
	return b.String()
}

func presidioFindings(d *Detector, recs []presidioRecord) [][]Finding {
	out := make([][]Finding, len(recs))
	for i, r := range recs {
		out[i] = d.ScanText(r.Text)
	}
	return out
}

// TestPresidioBenchmark measures ScanText on the Presidio synthetic set
// (run with -v to see the tables). It asserts nothing about quality; it
// fails when the data file is missing or malformed, or when a finding is
// out of range.
func TestPresidioBenchmark(t *testing.T) {
	recs := loadPresidio(t)
	d := Default()
	findings := presidioFindings(d, recs)
	for i, fs := range findings {
		for _, f := range fs {
			if f.Start < 0 || f.End > len(recs[i].Text) || f.Start >= f.End || f.Confidence <= 0 || f.Confidence > 1 {
				t.Fatalf("record %d: bad finding %+v", i, f)
			}
		}
	}
	for _, part := range []struct {
		name string
		test bool
	}{{"development part (2/3)", false}, {"held-out test part (1/3)", true}} {
		for _, th := range []float64{DefaultMinConfidence, 0.35} {
			sc := scorePresidio(recs, findings, part.test, th)
			t.Log("\n" + sc.table(fmt.Sprintf("%s, confidence >= %.2f", part.name, th)))
			// The target: F2 above the customized Presidio's
			// 0.845 on the held-out part at the policy threshold.
			if part.test && th == DefaultMinConfidence && sc.all.f2() <= presidioTargetF2 {
				t.Errorf("held-out F2 %.3f, target above %.3f", sc.all.f2(), presidioTargetF2)
			}
		}
	}
}

// presidioTargetF2 is the F2 of Presidio customized with a transformer
// model on this set, as published; the detector must beat it without a
// model.
const presidioTargetF2 = 0.845

// BenchmarkScanText scans the 1,500 sentences once per iteration; the
// MB/s figure is per core (the loop runs on one goroutine).
func BenchmarkScanText(b *testing.B) {
	recs := loadPresidio(b)
	d := Default()
	total := 0
	for _, r := range recs {
		total += len(r.Text)
	}
	d.ScanText("warm up Mr John Smith")
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range recs {
			_ = d.ScanText(r.Text)
		}
	}
}

// TestPresidioDevErrors checks that the split keeps whole templates on one
// side (so a template tuned on is never scored), and lists ScanText's
// mistakes on the development part only when PHI_DEV_ERRORS=1; the test
// part is never shown.
func TestPresidioDevErrors(t *testing.T) {
	list := os.Getenv("PHI_DEV_ERRORS") != ""
	recs := loadPresidio(t)
	side := map[int]bool{}
	var dev, test int
	for _, r := range recs {
		inTest := presidioTestPart(r.Template)
		if was, seen := side[r.Template]; seen && was != inTest {
			t.Fatalf("template %d on both sides of the split", r.Template)
		}
		side[r.Template] = inTest
		if inTest {
			test++
		} else {
			dev++
		}
	}
	if dev == 0 || test == 0 || test > dev {
		t.Fatalf("split: %d development, %d test sentences", dev, test)
	}
	if !list {
		return
	}
	d := Default()
	for _, r := range recs {
		if presidioTestPart(r.Template) {
			continue
		}
		fs := d.ScanText(r.Text)
		var miss, fp, wrong []string
		for _, tk := range presidioTokens(r.Text) {
			gold := ""
			for _, sp := range r.Spans {
				if sp.Start < tk[1] && sp.End > tk[0] {
					gold = sp.Type
					if gold == "AGE" && !presidioAgeScored(sp.Value) || gold == "GPE" && !presidioGPEScored(sp.Value) || gold == "DATE_TIME" && presidioBareYear(sp.Value) {
						gold = "TITLE" // don't care
					}
				}
			}
			var cat Category
			for _, f := range fs {
				if f.Confidence >= DefaultMinConfidence && f.Start < tk[1] && f.End > tk[0] {
					cat = f.Category
				}
			}
			w := r.Text[tk[0]:tk[1]]
			switch {
			case presidioDontCare[gold]:
			case gold != "" && cat == "":
				miss = append(miss, gold+":"+w)
			case gold == "" && cat != "":
				fp = append(fp, string(cat)+":"+w)
			case gold != "" && !presidioAccepts(cat, gold):
				wrong = append(wrong, gold+"/"+string(cat)+":"+w)
			}
		}
		if len(miss)+len(fp)+len(wrong) > 0 {
			t.Logf("%q\n   miss %v\n   fp %v\n   wrong type %v", r.Text, miss, fp, wrong)
		}
	}
}
