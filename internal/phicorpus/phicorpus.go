// Package phicorpus generates the labeled corpus of key-shaped names that
// scores the PHI detector, package phi (hipaa/phi/testdata/names.tsv).
//
// Every row is synthetic: personal names are drawn at random from the
// public-domain Census 2010 surname and SSA given-name lists and combined
// at random; numbers (SSNs, phones, MRNs, cards, VINs ...) are random
// values with valid check digits where the format has one. No row
// describes a real person.
//
// The generator is deterministic for a given seed. It does not import the
// detector: labels come from the template that produced the row, never
// from the detector's output.
package phicorpus

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Row is one labeled name.
type Row struct {
	Name     string
	Cats     []string // expected categories, empty for none
	Template string
}

// Pools holds the name pools drawn from.
type Pools struct {
	Given, Surname         []string // common: top given names / surnames
	RareGiven, RareSurname []string // further down the lists
}

// LoadPools reads the shared name lists from dir.
func LoadPools(dir string) (*Pools, error) {
	p := &Pools{}
	skip := map[string]bool{"unknown": true, "baby": true, "infant": true, "notnamed": true, "unnamed": true,
		"male": true, "female": true, "boy": true, "girl": true, "na": true, "the": true, "null": true, "test": true, "and": true}
	i := 0
	err := readGz(filepath.Join(dir, "given-names-ssa.csv.gz"), func(f []string) {
		n := strings.ToLower(f[0])
		if skip[n] || len(n) < 3 {
			return
		}
		i++
		switch {
		case i <= 2000:
			p.Given = append(p.Given, n)
		case i >= 8000 && i < 12000:
			p.RareGiven = append(p.RareGiven, n)
		}
	})
	if err != nil {
		return nil, err
	}
	i = 0
	err = readGz(filepath.Join(dir, "surnames-census2010.csv.gz"), func(f []string) {
		n := strings.ToLower(f[0])
		if skip[n] || len(n) < 3 {
			return
		}
		i++
		switch {
		case i <= 5000:
			p.Surname = append(p.Surname, n)
		case i >= 40000 && i < 60000:
			p.RareSurname = append(p.RareSurname, n)
		}
	})
	return p, err
}

func readGz(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	s := bufio.NewScanner(zr)
	s.Scan()
	for s.Scan() {
		fn(strings.Split(s.Text(), ","))
	}
	return s.Err()
}

// Generate returns n rows from seed. holdout selects the held-out template
// mix (extra templates and formats not in the main mix).
func Generate(p *Pools, seed uint64, n int, holdout bool) []Row {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), p: p, holdout: holdout}
	ts := templates
	if holdout {
		ts = append(append([]template{}, templates...), holdoutTemplates...)
	}
	total := 0
	for _, t := range ts {
		total += t.w
	}
	seen := map[string]bool{}
	var rows []Row
	for len(rows) < n {
		x := g.r.IntN(total)
		var t template
		for _, t = range ts {
			if x < t.w {
				break
			}
			x -= t.w
		}
		name, cats := t.f(g)
		if seen[name] || strings.ContainsAny(name, "\t\n") {
			continue
		}
		seen[name] = true
		id := t.id
		if holdout {
			id = "holdout/" + id
		}
		rows = append(rows, Row{Name: name, Cats: cats, Template: id})
	}
	return rows
}

type gen struct {
	r       *rand.Rand
	p       *Pools
	holdout bool
}

type template struct {
	id string
	w  int
	f  func(g *gen) (string, []string)
}

func (g *gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }
func (g *gen) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.r.IntN(10))
	}
	return string(b)
}
func (g *gen) num(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }
func (g *gen) upperAlnum(n int) string {
	const a = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = a[g.r.IntN(len(a))]
	}
	return string(b)
}
func (g *gen) letters(n int) string {
	const a = "ABCDEFGHJKLMNPRSTUVWXYZ"
	b := make([]byte, n)
	for i := range b {
		b[i] = a[g.r.IntN(len(a))]
	}
	return string(b)
}

func (g *gen) given() string {
	if g.r.IntN(10) == 0 {
		return g.p.RareGiven[g.r.IntN(len(g.p.RareGiven))]
	}
	return g.p.Given[g.r.IntN(len(g.p.Given))]
}
func (g *gen) surname() string {
	if g.r.IntN(10) == 0 {
		return g.p.RareSurname[g.r.IntN(len(g.p.RareSurname))]
	}
	return g.p.Surname[g.r.IntN(len(g.p.Surname))]
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// caseAs renders w lower, Title or UPPER.
func (g *gen) caseAs(w string, style int) string {
	switch style {
	case 1:
		return title(w)
	case 2:
		return strings.ToUpper(w)
	}
	return w
}

// fullName renders a synthetic full name with a random separator/case.
func (g *gen) fullName() string {
	a, b := g.given(), g.surname()
	style := g.r.IntN(3)
	switch g.r.IntN(6) {
	case 0:
		return title(a) + title(b) // camel
	case 1:
		return g.caseAs(b, style) + "_" + g.caseAs(a, style)
	case 2:
		return g.caseAs(a, style) + "-" + g.caseAs(b, style)
	case 3:
		return g.caseAs(a, style) + "." + g.caseAs(b, style)
	default:
		return g.caseAs(a, style) + "_" + g.caseAs(b, style)
	}
}

func (g *gen) prefix() string {
	return g.pick("records", "uploads", "scans", "inbox", "clinic-a/intake", "hr/onboarding", "claims/2024",
		"ehr-export", "radiology/incoming", "billing", "shared/docs", "tmp", "archive/2023", "lab-results", "referrals")
}
func (g *gen) doc() string {
	return g.pick("report", "intake", "consent", "labs", "xray", "summary", "notes", "referral", "invoice", "scan", "mri", "visit", "eob", "claim")
}
func (g *gen) ext() string {
	return g.pick(".pdf", ".docx", ".json", ".csv", ".png", ".jpg", ".txt", ".dcm", ".hl7", ".xml", "")
}

func (g *gen) ssn() string {
	for {
		a := g.num(1, 899)
		if a != 666 {
			return fmt.Sprintf("%03d-%02d-%04d", a, g.num(1, 99), g.num(1, 9999))
		}
	}
}

func (g *gen) phone(sep string) string {
	a, x, l := g.num(201, 989), g.num(200, 999), g.num(0, 9999)
	switch sep {
	case "()":
		return fmt.Sprintf("(%03d) %03d-%04d", a, x, l)
	case "+1":
		return fmt.Sprintf("+1-%03d-%03d-%04d", a, x, l)
	case "":
		return fmt.Sprintf("%03d%03d%04d", a, x, l)
	}
	return fmt.Sprintf("%03d%s%03d%s%04d", a, sep, x, sep, l)
}

func (g *gen) date(birth bool, styles string) string {
	y := g.num(1925, 2006)
	if !birth {
		y = g.num(2015, 2025)
	}
	m, d := g.num(1, 12), g.num(1, 28)
	mon := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}[m-1]
	switch styles[g.r.IntN(len(styles))] {
	case 'i':
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	case 'u':
		return fmt.Sprintf("%02d-%02d-%04d", m, d, y)
	case 's':
		return fmt.Sprintf("%02d/%02d/%04d", m, d, y)
	case 'c':
		return fmt.Sprintf("%04d%02d%02d", y, m, d)
	case 'd':
		return fmt.Sprintf("%04d.%02d.%02d", y, m, d)
	case 'm':
		return fmt.Sprintf("%02d%s%04d", d, mon, y)
	case 'M':
		return fmt.Sprintf("%s %d %04d", mon, d, y)
	}
	return fmt.Sprintf("%04d_%02d_%02d", y, m, d)
}

func luhnDigit(s string) byte {
	sum, dbl := 0, true
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if dbl {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		dbl = !dbl
	}
	return byte('0' + (10-sum%10)%10)
}

func (g *gen) card() string {
	pre := g.pick("4", "51", "52", "53", "54", "55")
	body := pre + g.digits(15-len(pre))
	return body + string(luhnDigit(body))
}

func (g *gen) npi() string {
	body := g.pick("1", "2") + g.digits(8)
	return body + string(luhnDigit("80840"+body))
}

func (g *gen) imei() string {
	body := g.pick("35", "86", "01") + g.digits(12)
	return body + string(luhnDigit(body))
}

func (g *gen) dea() string {
	a := g.pick("A", "B", "F", "M", "G")
	b := g.letters(1)
	var d [6]int
	s := ""
	for i := range d {
		d[i] = g.r.IntN(10)
		s += strconv.Itoa(d[i])
	}
	chk := (d[0] + d[2] + d[4] + 2*(d[1]+d[3]+d[5])) % 10
	return a + b + s + strconv.Itoa(chk)
}

func (g *gen) mbi() string {
	const L = "ACDEFGHJKMNPQRTUVWXY"
	l := func() byte { return L[g.r.IntN(len(L))] }
	an := func() byte {
		if g.r.IntN(2) == 0 {
			return l()
		}
		return byte('0' + g.r.IntN(10))
	}
	d := func() byte { return byte('0' + g.r.IntN(10)) }
	b := []byte{byte('1' + g.r.IntN(9)), l(), an(), d(), l(), an(), d(), l(), l(), d(), d()}
	return string(b)
}

func (g *gen) vin() string {
	const a = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
	w := [17]int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	val := func(c byte) int {
		if c >= '0' && c <= '9' {
			return int(c - '0')
		}
		return int("12345678012345070923456789"[c-'A'] - '0')
	}
	for {
		b := make([]byte, 17)
		for i := range b {
			if i >= 12 {
				b[i] = byte('0' + g.r.IntN(10))
			} else {
				b[i] = a[g.r.IntN(len(a))]
			}
		}
		sum := 0
		for i, c := range b {
			if i != 8 {
				sum += val(c) * w[i]
			}
		}
		c := sum % 11
		if c == 10 {
			b[8] = 'X'
		} else {
			b[8] = byte('0' + c)
		}
		letters := 0
		for _, c := range b {
			if c >= 'A' {
				letters++
			}
		}
		if letters >= 2 {
			return string(b)
		}
	}
}

func (g *gen) hex(n int) string {
	const h = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = h[g.r.IntN(16)]
	}
	return string(b)
}

func (g *gen) uuid() string {
	h := g.hex(32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:]
}

func (g *gen) isoUpload() string {
	return fmt.Sprintf("%04d-%02d-%02d", g.num(2019, 2025), g.num(1, 12), g.num(1, 28))
}

func (g *gen) state() string {
	return g.pick("IL", "CA", "TX", "NY", "FL", "NJ", "GA", "NC", "VA", "WA", "AZ", "MD", "MN", "WI", "KY", "SC")
}
func (g *gen) city() string {
	return g.pick("Springfield", "Riverside", "Fairview", "Madison", "Georgetown", "Salem", "Clinton", "Arlington", "Ashland", "Dover")
}
func (g *gen) street() string {
	return g.pick("Main", "Oak", "Elm", "Maple", "Cedar", "Pine", "Washington", "Lake", "Hill", "Park", "Sunset", "Lincoln", "Jackson", "Highland", "Meadow", "River", "Church", "Mill", "Spring", "Willow")
}
func (g *gen) suffix() string {
	return g.pick("St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Lane", "Ln", "Dr", "Drive", "Ct", "Way", "Pl")
}
func (g *gen) sep() string { return g.pick("_", "-", ".", "_", "-") }
