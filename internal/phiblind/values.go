package phiblind

import (
	_ "embed"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/names.tsv
var namesTSV string

// Split selects the name lists and templates of a corpus file.
type Split int

const (
	Dev Split = iota
	Holdout
)

// Lists used by each split (see README.md).
var (
	devLists     = []string{"us-dev", "faker-de", "faker-es_MX", "faker-fr", "faker-it", "faker-pl", "faker-pt_BR", "faker-tr", "faker-cs_CZ", "faker-vi", "faker-zh_CN", "faker-ko", "faker-ru", "faker-ar", "faker-hu", "faker-sv", "faker-ja"}
	holdoutLists = []string{"us-holdout", "faker-nl", "faker-fi", "faker-el", "faker-he", "faker-uk", "faker-yo_NG", "faker-en_IN", "faker-ro", "faker-ka_GE", "faker-th", "faker-id_ID", "faker-hr", "faker-da", "faker-fa"}
)

type nameList struct {
	id             string
	given, surname []string
}

func loadLists(ids []string) (us nameList, intl []nameList) {
	by := map[string]*nameList{}
	for i, ln := range strings.Split(strings.TrimSpace(namesTSV), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(ln, "\t")
		l := by[f[0]]
		if l == nil {
			l = &nameList{id: f[0]}
			by[f[0]] = l
		}
		if f[1] == "given" {
			l.given = append(l.given, f[2])
		} else {
			l.surname = append(l.surname, f[2])
		}
	}
	for _, id := range ids {
		l := by[id]
		if l == nil || len(l.given) == 0 || len(l.surname) == 0 {
			panic("phiblind: missing name list " + id)
		}
		if strings.HasPrefix(id, "us-") {
			us = *l
		} else {
			intl = append(intl, *l)
		}
	}
	return us, intl
}

// G carries the random source and the name lists of one corpus file.
type G struct {
	r    *rand.Rand
	us   nameList
	intl []nameList
}

func newG(seed uint64, s Split) *G {
	ids := devLists
	if s == Holdout {
		ids = holdoutLists
	}
	us, intl := loadLists(ids)
	return &G{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), us: us, intl: intl}
}

func (g *G) n(k int) int              { return g.r.IntN(k) }
func (g *G) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }
func (g *G) chance(p float64) bool    { return g.r.Float64() < p }

func (g *G) digits(k int) string {
	b := make([]byte, k)
	for i := range b {
		b[i] = byte('0' + g.r.IntN(10))
	}
	return string(b)
}

const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

func (g *G) letters(k int) string {
	b := make([]byte, k)
	for i := range b {
		b[i] = upper[g.r.IntN(26)]
	}
	return string(b)
}

func (g *G) alnum(k int) string {
	const cs = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
	b := make([]byte, k)
	for i := range b {
		b[i] = cs[g.r.IntN(len(cs))]
	}
	return string(b)
}

func (g *G) hex(k int) string {
	const cs = "0123456789abcdef"
	b := make([]byte, k)
	for i := range b {
		b[i] = cs[g.r.IntN(16)]
	}
	return string(b)
}

// Person is a synthetic person: a given name and a surname drawn independently
// from one list.
type Person struct {
	Given, Surname string
	Intl           bool // from a faker locale list
	ASCII          bool
}

func (g *G) person() Person {
	l := g.us
	intl := false
	if g.chance(0.4) {
		l = g.intl[g.n(len(g.intl))]
		intl = true
	}
	p := Person{Given: l.given[g.n(len(l.given))], Surname: l.surname[g.n(len(l.surname))], Intl: intl}
	p.ASCII = isASCII(p.Given + p.Surname)
	return p
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func lower(s string) string { return strings.ToLower(s) }

// joinWords replaces inner spaces ("Anh Vũ") with sep.
func joinWords(s, sep string) string { return strings.ReplaceAll(s, " ", sep) }

func initial(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	return string(r)
}

// nameForm renders p in one of the forms systems use in keys.
func (g *G) nameForm(p Person) string {
	gv, sn := p.Given, p.Surname
	switch g.n(11) {
	case 0:
		return lower(joinWords(gv, "_") + "_" + joinWords(sn, "_"))
	case 1:
		return lower(joinWords(gv, "-") + "-" + joinWords(sn, "-"))
	case 2:
		return joinWords(gv, "_") + "_" + joinWords(sn, "_")
	case 3:
		return joinWords(gv, "") + joinWords(sn, "")
	case 4:
		return lower(joinWords(sn, "_")) + "_" + lower(joinWords(gv, "_"))
	case 5:
		return strings.ToUpper(joinWords(sn, " ")) + "^" + strings.ToUpper(joinWords(gv, " ")) // DICOM PN
	case 6:
		return strings.ToUpper(joinWords(sn, " ")) + "^" + strings.ToUpper(joinWords(gv, " ")) + "^" + g.letters(1)
	case 7:
		return url.PathEscape(lower(gv + " " + sn))
	case 8:
		return lower(initial(gv) + joinWords(sn, ""))
	case 9:
		return joinWords(sn, "-") + "," + joinWords(gv, "-")
	default:
		return lower(joinWords(gv, ".") + "." + joinWords(sn, "."))
	}
}

// spaced renders p as written in prose.
func (g *G) spaced(p Person) string {
	if g.chance(0.15) {
		return p.Surname + ", " + p.Given
	}
	return p.Given + " " + p.Surname
}

func (g *G) bucketName(p Person) string {
	s := lower(joinWords(p.Given, "-") + "-" + joinWords(p.Surname, "-"))
	if g.chance(0.3) {
		s = lower(initial(p.Given) + joinWords(p.Surname, ""))
	}
	return asciiFold(s)
}

// asciiFold drops diacritics for names that must be ASCII (bucket names);
// names that do not fold to letters are transliterated crudely by dropping
// them, and a placeholder is used if nothing is left.
func asciiFold(s string) string {
	repl := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "ø", "o", "å", "a", "æ", "ae", "ł", "l", "đ", "d", "ı", "i", "ğ", "g", "ş", "s", "ç", "c")
	s = repl.Replace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		default:
			if base := foldRune(r); base != 0 {
				b.WriteRune(base)
			}
		}
	}
	return b.String()
}

var foldMap = map[rune]rune{}

func init() {
	for _, grp := range []string{"a:áàâãāăą", "c:ćč", "d:ď", "e:éèêëēėęě", "i:íìîïīįİ", "n:ňńñ", "o:óòôõőō", "r:ř", "s:śšș", "t:ťț", "u:úùûüůűū", "y:ýÿ", "z:žźż"} {
		base := rune(grp[0])
		for _, r := range grp[2:] {
			foldMap[r] = base
		}
	}
}

func foldRune(r rune) rune {
	if b, ok := foldMap[r]; ok {
		return b
	}
	return foldMap[unicode.ToLower(r)]
}

// Dates. Years are those of living people (birth) or recent (encounters).

type date struct{ y, m, d int }

func (g *G) birth() date {
	return date{1925 + g.n(99), 1 + g.n(12), 1 + g.n(28)}
}

func (g *G) recent() date {
	return date{2015 + g.n(11), 1 + g.n(12), 1 + g.n(28)}
}

var months = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// dateForm renders d in a form that is safe inside a key segment (no slash)
// unless slash is true.
func (g *G) dateForm(d date, slash bool) string {
	k := g.n(8)
	if slash && g.chance(0.3) {
		return fmt.Sprintf("%02d/%02d/%04d", d.m, d.d, d.y)
	}
	switch k {
	case 0, 1:
		return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
	case 2:
		return fmt.Sprintf("%04d%02d%02d", d.y, d.m, d.d)
	case 3:
		return fmt.Sprintf("%02d-%02d-%04d", d.m, d.d, d.y)
	case 4:
		return fmt.Sprintf("%02d%s%04d", d.d, months[d.m-1], d.y)
	case 5:
		return fmt.Sprintf("%02d.%02d.%04d", d.d, d.m, d.y)
	case 6:
		return fmt.Sprintf("%02d%02d%04d", d.m, d.d, d.y)
	default:
		return fmt.Sprintf("%04d_%02d_%02d", d.y, d.m, d.d)
	}
}

func (g *G) hl7Date(d date) string { return fmt.Sprintf("%04d%02d%02d", d.y, d.m, d.d) }

func (g *G) proseDate(d date) string {
	switch g.n(4) {
	case 0:
		return fmt.Sprintf("%s %d, %d", months[d.m-1], d.d, d.y)
	case 1:
		return fmt.Sprintf("%02d/%02d/%04d", d.m, d.d, d.y)
	case 2:
		return fmt.Sprintf("%s %d", months[d.m-1], d.d)
	default:
		return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
	}
}

// Identifier values (all random).

func (g *G) ssnParts() (string, string, string) {
	area := 1 + g.n(899)
	for area == 666 {
		area = 1 + g.n(899)
	}
	return fmt.Sprintf("%03d", area), fmt.Sprintf("%02d", 1+g.n(99)), fmt.Sprintf("%04d", 1+g.n(9999))
}

func (g *G) ssn() string {
	a, b, c := g.ssnParts()
	switch g.n(3) {
	case 0:
		return a + b + c
	case 1:
		return a + " " + b + " " + c
	}
	return a + "-" + b + "-" + c
}

func (g *G) nanp() (string, string, string) {
	digit29 := func() int { return 2 + g.n(8) }
	var npa, nxx string
	for {
		npa = fmt.Sprintf("%d%d%d", digit29(), g.n(9), g.n(10))
		if npa[1:] != "11" {
			break
		}
	}
	for {
		nxx = fmt.Sprintf("%d%s", digit29(), g.digits(2))
		if nxx[1:] != "11" {
			break
		}
	}
	return npa, nxx, g.digits(4)
}

func (g *G) phone() string {
	a, b, c := g.nanp()
	switch g.n(7) {
	case 0:
		return "+1" + a + b + c
	case 1:
		return "(" + a + ")" + b + "-" + c
	case 2:
		return a + "." + b + "." + c
	case 3:
		return a + b + c
	case 4:
		return "1-" + a + "-" + b + "-" + c
	case 5:
		return "%2B1" + a + b + c
	}
	return a + "-" + b + "-" + c
}

func (g *G) phoneProse() string {
	a, b, c := g.nanp()
	switch g.n(3) {
	case 0:
		return "(" + a + ") " + b + "-" + c
	case 1:
		return "+1 " + a + " " + b + " " + c
	}
	return a + "-" + b + "-" + c
}

func (g *G) intlPhone() string {
	switch g.n(6) {
	case 0:
		return "+4420794" + g.digits(5)
	case 1:
		return "+49 30 " + g.digits(8)
	case 2:
		return "+33 6 " + g.digits(2) + " " + g.digits(2) + " " + g.digits(2) + " " + g.digits(2)
	case 3:
		return "+9198" + g.digits(8)
	case 4:
		return "+5511 9" + g.digits(4) + "-" + g.digits(4)
	}
	return "+8613" + g.digits(9)
}

var mailDomains = []string{"example.com", "example.org", "example.net", "mail.example", "patients.test", "kestrelmail.com", "northwind-health.org", "fjordpost.no", "correo-ejemplo.es", "beispielpost.de", "inbox.example.co.uk"}

func (g *G) email(p Person) string {
	gv := lower(asciiFold(joinWords(p.Given, "")))
	sn := lower(asciiFold(joinWords(p.Surname, "")))
	if gv == "" || sn == "" {
		gv, sn = "pt", g.digits(5)
	}
	var local string
	switch g.n(5) {
	case 0:
		local = gv + "." + sn
	case 1:
		local = initial(gv) + sn + g.digits(2)
	case 2:
		local = gv + "_" + sn
	case 3:
		local = sn + "." + initial(gv)
	default:
		local = gv + sn + g.digits(4)
	}
	return local + "@" + g.pick(mailDomains...)
}

func (g *G) mrn() string {
	switch g.n(5) {
	case 0:
		return g.digits(8)
	case 1:
		return "00" + g.digits(6)
	case 2:
		return "E" + g.digits(7)
	case 3:
		return g.digits(7)
	}
	return g.digits(10)
}

// mbi returns a Medicare Beneficiary Identifier shaped value (CMS format).
func (g *G) mbi() string {
	const al = "ACDEFGHJKMNPQRTUVWXY"
	const an = "ACDEFGHJKMNPQRTUVWXY0123456789"
	c := func(s string) byte { return s[g.n(len(s))] }
	b := []byte{byte('1' + g.n(9)), c(al), c(an), byte('0' + g.n(10)), c(al), c(an), byte('0' + g.n(10)), c(al), c(al), byte('0' + g.n(10)), byte('0' + g.n(10))}
	s := string(b)
	if g.chance(0.4) {
		return s[:4] + "-" + s[4:7] + "-" + s[7:]
	}
	return s
}

func (g *G) memberID() string {
	switch g.n(4) {
	case 0:
		return g.letters(3) + g.digits(9)
	case 1:
		return "W" + g.digits(9)
	case 2:
		return g.letters(1) + g.digits(8) + "01"
	}
	return g.digits(3) + g.letters(2) + g.digits(6)
}

func luhnDigit(s string) byte {
	sum := 0
	dbl := true
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

func (g *G) card() string {
	pre := g.pick("4", "51", "52", "37", "6011")
	n := 16
	if pre == "37" {
		n = 15
	}
	s := pre + g.digits(n-1-len(pre))
	return s + string(luhnDigit(s))
}

func (g *G) imei() string {
	s := g.pick("35", "86", "01", "49") + g.digits(12)
	return s + string(luhnDigit(s))
}

func (g *G) mac(sep string) string {
	p := make([]string, 6)
	for i := range p {
		p[i] = g.hex(2)
	}
	return strings.Join(p, sep)
}

// vin returns a 17-character VIN with a valid check digit.
func (g *G) vin() string {
	const cs = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
	b := []byte(g.pick("1HG", "1FT", "2T1", "3VW", "5YJ", "WBA", "JTD", "KMH"))
	for len(b) < 17 {
		b = append(b, cs[g.n(len(cs))])
	}
	val := func(c byte) int {
		if c >= '0' && c <= '9' {
			return int(c - '0')
		}
		return map[byte]int{'A': 1, 'B': 2, 'C': 3, 'D': 4, 'E': 5, 'F': 6, 'G': 7, 'H': 8, 'J': 1, 'K': 2, 'L': 3, 'M': 4, 'N': 5, 'P': 7, 'R': 9, 'S': 2, 'T': 3, 'U': 4, 'V': 5, 'W': 6, 'X': 7, 'Y': 8, 'Z': 9}[c]
	}
	w := []int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	sum := 0
	for i, c := range b {
		sum += val(c) * w[i]
	}
	if r := sum % 11; r == 10 {
		b[8] = 'X'
	} else {
		b[8] = byte('0' + r)
	}
	return string(b)
}

func (g *G) plate() string {
	switch g.n(4) {
	case 0:
		return fmt.Sprintf("%d%s%s", 1+g.n(9), g.letters(3), g.digits(3))
	case 1:
		return g.letters(3) + "-" + g.digits(4)
	case 2:
		return g.letters(3) + g.digits(4)
	}
	return g.digits(3) + "-" + g.letters(3)
}

func (g *G) deviceSerial() string {
	switch g.n(5) {
	case 0:
		return "SN" + g.digits(8)
	case 1:
		return g.letters(3) + g.digits(7)
	case 2:
		return strings.ToUpper(g.hex(10))
	case 3:
		return g.alnum(12)
	}
	return g.letters(2) + g.digits(6) + g.letters(1)
}

// udi returns a GS1 UDI with production identifiers (expiry, lot, serial).
func (g *G) udi() string {
	gtin := "0" + g.digits(12)
	gtin += string(gs1Check(gtin))
	return "(01)" + gtin + "(17)" + fmt.Sprintf("%02d%02d%02d", 25+g.n(6), 1+g.n(12), 1+g.n(28)) + "(10)" + g.alnum(6) + "(21)" + g.alnum(10)
}

func (g *G) gtin() string {
	s := "0" + g.digits(12)
	return s + string(gs1Check(s))
}

func gs1Check(s string) byte {
	sum := 0
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if (len(s)-1-i)%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

func (g *G) ipv4() string {
	// Public-looking addresses outside 10/8, 172.16/12, 192.168/16.
	a := g.pick("24", "47", "68", "73", "98", "104", "142", "174", "203", "71", "99")
	return fmt.Sprintf("%s.%d.%d.%d", a, g.n(256), g.n(256), 1+g.n(254))
}

func (g *G) ipv6() string {
	return fmt.Sprintf("2600:%s:%s:%s::%s", g.hex(4), g.hex(4), g.hex(4), g.hex(4))
}

var streets = []string{"Main", "Oak", "Maple", "Cedar", "Elm", "Pine", "Washington", "Lake", "Hill", "Park", "Sunset", "Ridge", "Church", "Mill", "Highland", "Willow"}
var streetTypes = []string{"St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Way", "Street", "Avenue"}
var cities = []string{"Worcester", "Springfield", "Fresno", "Tulsa", "Dayton", "Boise", "Albany", "Eugene", "Macon", "Provo", "Duluth", "Yakima", "Billings", "Akron", "Lansing", "Reno"}

func (g *G) street() string {
	return fmt.Sprintf("%d %s %s", 1+g.n(9899), g.pick(streets...), g.pick(streetTypes...))
}

func (g *G) zip5() string {
	z := fmt.Sprintf("%05d", 1001+g.n(98000))
	return z
}

// restrictedZIP3 are the three-digit ZIP prefixes with 20,000 or fewer people
// (HHS guidance, 2000 Census) that Safe Harbor requires to be replaced by 000.
var restrictedZIP3 = []string{"036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893"}

func (g *G) uuid() string {
	return g.hex(8) + "-" + g.hex(4) + "-4" + g.hex(3) + "-" + g.pick("8", "9", "a", "b") + g.hex(3) + "-" + g.hex(12)
}

func (g *G) ulid() string {
	const cs = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	b := []byte("01")
	for len(b) < 26 {
		b = append(b, cs[g.n(32)])
	}
	return string(b)
}

func (g *G) semver() string {
	return fmt.Sprintf("%d.%d.%d", g.n(12), g.n(30), g.n(40))
}

func (g *G) ts() string {
	d := g.recent()
	return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", d.y, d.m, d.d, g.n(24), g.n(60), g.n(60))
}

func (g *G) awsAccount() string { return fmt.Sprintf("%d%s", 1+g.n(9), g.digits(11)) }

func (g *G) region() string {
	return g.pick("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ca-central-1")
}
