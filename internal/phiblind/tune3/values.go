package tune3

import (
	_ "embed"
	"fmt"
	"math/rand"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/us-names.tsv
var usNamesTSV string

//go:embed data/intl-names.tsv
var intlNamesTSV string

type nameList struct{ given, surname []string }

var (
	usNames   nameList
	intlNames = map[string]*nameList{}
	intlLocs  []string
)

func init() {
	for _, ln := range strings.Split(usNamesTSV, "\n") {
		f := strings.Split(ln, "\t")
		if len(f) < 2 || strings.HasPrefix(ln, "#") {
			continue
		}
		if f[0] == "surname" {
			usNames.surname = append(usNames.surname, f[1])
		} else {
			usNames.given = append(usNames.given, f[1])
		}
	}
	for _, ln := range strings.Split(intlNamesTSV, "\n") {
		f := strings.Split(ln, "\t")
		if len(f) < 3 {
			continue
		}
		nl := intlNames[f[0]]
		if nl == nil {
			nl = &nameList{}
			intlNames[f[0]] = nl
			intlLocs = append(intlLocs, f[0])
		}
		if f[1] == "given" {
			nl.given = append(nl.given, f[2])
		} else {
			nl.surname = append(nl.surname, f[2])
		}
	}
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.Intn(len(xs))] }

func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.Intn(10))
	}
	return string(b)
}

// nzdigits: n digits, first not zero.
func nzdigits(r *rand.Rand, n int) string {
	return string(rune('1'+r.Intn(9))) + digits(r, n-1)
}

const upper = "ABCDEFGHJKLMNPRSTUVWXYZ"
const hexd = "0123456789abcdef"

func letters(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = upper[r.Intn(len(upper))]
	}
	return string(b)
}

func hexs(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = hexd[r.Intn(16)]
	}
	return string(b)
}

func alnum(r *rand.Rand, n int) string {
	const a = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = a[r.Intn(len(a))]
	}
	return string(b)
}

// person is a synthetic individual: given and surname drawn independently.
type person struct {
	given, surname, middle string
	latin                  bool
	cjk                    bool
}

func isLatin(s string) bool {
	for _, c := range s {
		if c > unicode.MaxLatin1 && !unicode.Is(unicode.Latin, c) {
			return false
		}
	}
	return true
}

func newPerson(r *rand.Rand) person {
	var p person
	if r.Intn(100) < 62 {
		p.given, p.surname = pick(r, usNames.given), pick(r, usNames.surname)
	} else {
		nl := intlNames[pick(r, intlLocs)]
		p.given, p.surname = pick(r, nl.given), pick(r, nl.surname)
	}
	p.middle = string(upper[r.Intn(len(upper))])
	p.latin = isLatin(p.given) && isLatin(p.surname)
	r0, _ := utf8.DecodeRuneInString(p.surname)
	p.cjk = unicode.In(r0, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana)
	return p
}

func sep(s, with string) string { return strings.ReplaceAll(strings.TrimSpace(s), " ", with) }

// render writes a person's name in one of the ways real systems do.
func (p person) render(r *rand.Rand) string {
	g, s := p.given, p.surname
	if p.cjk && r.Intn(2) == 0 {
		return sep(s+g, "")
	}
	switch r.Intn(12) {
	case 0:
		return sep(g, "-") + "_" + sep(s, "-")
	case 1:
		return strings.ToLower(sep(s, "-") + "_" + sep(g, "-"))
	case 2:
		return strings.ToUpper(sep(s, " ")) + "^" + strings.ToUpper(sep(g, " ")) + "^" + p.middle
	case 3:
		return sep(s, "") + "," + sep(g, "")
	case 4:
		return sep(g, "") + sep(s, "")
	case 5:
		return strings.ToLower(sep(g, "-") + "." + sep(s, "-"))
	case 6:
		if p.latin {
			first, _ := utf8.DecodeRuneInString(g)
			return strings.ToLower(string(first) + sep(s, ""))
		}
		return sep(g, "_") + "_" + sep(s, "_")
	case 7:
		return strings.ToUpper(sep(s, "-")) + "-" + strings.ToUpper(sep(g, "-"))
	case 8:
		return strings.ReplaceAll(g, " ", "%20") + "%20" + strings.ReplaceAll(s, " ", "%20")
	case 9:
		return strings.ToUpper(sep(s, "")) + "_" + strings.ToUpper(sep(g, "")) + "_" + p.middle
	case 10:
		return sep(g, "-") + "-" + p.middle + "-" + sep(s, "-")
	default:
		return strings.ToLower(sep(s, "") + sep(g, ""))
	}
}

// spaced is the name as a person would type it (for subjects and metadata).
func (p person) spaced(r *rand.Rand) string {
	switch r.Intn(4) {
	case 0:
		return p.surname + ", " + p.given
	case 1:
		return strings.ToUpper(p.surname) + ", " + strings.ToUpper(p.given) + " " + p.middle
	default:
		return p.given + " " + p.surname
	}
}

// --- dates ---

type ymd struct{ y, m, d int }

var months = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

func dob(r *rand.Rand) ymd { return ymd{1928 + r.Intn(95), 1 + r.Intn(12), 1 + r.Intn(28)} }
func svc(r *rand.Rand) ymd { return ymd{2019 + r.Intn(7), 1 + r.Intn(12), 1 + r.Intn(28)} }

// keyDate: formats that work inside a key segment.
func (t ymd) key(r *rand.Rand) string {
	switch r.Intn(7) {
	case 0:
		return fmt.Sprintf("%04d-%02d-%02d", t.y, t.m, t.d)
	case 1, 2:
		return fmt.Sprintf("%04d%02d%02d", t.y, t.m, t.d)
	case 3:
		return fmt.Sprintf("%02d%02d%04d", t.m, t.d, t.y)
	case 4:
		return fmt.Sprintf("%02d%s%04d", t.d, strings.ToUpper(months[t.m-1]), t.y)
	case 5:
		return fmt.Sprintf("%02d-%02d-%04d", t.m, t.d, t.y)
	default:
		return fmt.Sprintf("%02d.%02d.%04d", t.d, t.m, t.y)
	}
}

// text: formats for subjects and metadata values.
func (t ymd) text(r *rand.Rand) string {
	switch r.Intn(6) {
	case 0:
		return fmt.Sprintf("%02d/%02d/%04d", t.m, t.d, t.y)
	case 1:
		return fmt.Sprintf("%d/%d/%02d", t.m, t.d, t.y%100)
	case 2:
		return fmt.Sprintf("%s %d, %d", months[t.m-1], t.d, t.y)
	case 3:
		return fmt.Sprintf("%d %s %d", t.d, months[t.m-1], t.y)
	default:
		return t.key(r)
	}
}

func age90(r *rand.Rand) string {
	a := 90 + r.Intn(19)
	return fmt.Sprintf(pick(r, []string{"age-%d", "age%d", "%dyo", "%d-year-old", "aged-%d", "AGE_%d", "%dy", "pt-age-%d", "%dYO"}), a)
}

// --- identifiers of a person ---

func ssn(r *rand.Rand) string {
	var a int
	for a == 0 || a == 666 {
		a = 1 + r.Intn(899)
	}
	g, s := 1+r.Intn(99), 1+r.Intn(9999)
	switch r.Intn(3) {
	case 0:
		return fmt.Sprintf("%03d%02d%04d", a, g, s)
	case 1:
		return fmt.Sprintf("%03d %02d %04d", a, g, s)
	}
	return fmt.Sprintf("%03d-%02d-%04d", a, g, s)
}

func nanp(r *rand.Rand) (area, exch, line string) {
	area = fmt.Sprintf("%d%d%d", 2+r.Intn(8), r.Intn(9), r.Intn(10))
	for {
		exch = fmt.Sprintf("%d%02d", 2+r.Intn(8), r.Intn(100))
		if exch != "555" && exch[1:] != "11" {
			break
		}
	}
	return area, exch, digits(r, 4)
}

func phone(r *rand.Rand) string {
	a, e, l := nanp(r)
	switch r.Intn(7) {
	case 0:
		return "(" + a + ")" + e + "-" + l
	case 1:
		return a + "." + e + "." + l
	case 2:
		return a + e + l
	case 3:
		return "+1" + a + e + l
	case 4:
		return "1-" + a + "-" + e + "-" + l
	}
	return a + "-" + e + "-" + l
}

func phoneKey(r *rand.Rand) string { // no parentheses or spaces
	a, e, l := nanp(r)
	switch r.Intn(4) {
	case 0:
		return a + e + l
	case 1:
		return "+1" + a + e + l
	case 2:
		return a + "." + e + "." + l
	}
	return a + "-" + e + "-" + l
}

func foreignPhone(r *rand.Rand) string {
	switch r.Intn(4) {
	case 0:
		return "+447" + digits(r, 9)
	case 1:
		return "+4915" + digits(r, 9)
	case 2:
		return "+52155" + digits(r, 8)
	}
	return "+6104" + digits(r, 8)
}

var mailHosts = []string{"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net", "proton.me", "att.net", "verizon.net"}

func asciiFold(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func email(r *rand.Rand) string {
	p := newPerson(r)
	g, s := asciiFold(p.given), asciiFold(p.surname)
	if g == "" || s == "" {
		p2 := person{given: pick(r, usNames.given), surname: pick(r, usNames.surname)}
		g, s = asciiFold(p2.given), asciiFold(p2.surname)
	}
	var local string
	switch r.Intn(5) {
	case 0:
		local = g + "." + s
	case 1:
		local = g[:1] + s + digits(r, 2)
	case 2:
		local = s + "_" + g
	case 3:
		local = g + s + fmt.Sprint(1950+r.Intn(60))
	default:
		local = g + "." + s + digits(r, 1)
	}
	return local + "@" + pick(r, mailHosts)
}

func mrn(r *rand.Rand) string {
	switch r.Intn(5) {
	case 0:
		return "MRN" + digits(r, 8)
	case 1:
		return "E" + nzdigits(r, 7)
	case 2:
		return nzdigits(r, 7+r.Intn(3))
	case 3:
		return "MR-" + digits(r, 7)
	}
	return "00" + nzdigits(r, 7)
}

func encounter(r *rand.Rand) string {
	switch r.Intn(4) {
	case 0:
		return "ENC" + nzdigits(r, 9)
	case 1:
		return "CSN" + nzdigits(r, 10)
	case 2:
		return "FIN" + nzdigits(r, 9)
	}
	return "V" + nzdigits(r, 10)
}

func accession(r *rand.Rand) string {
	yy := 19 + r.Intn(7)
	switch r.Intn(4) {
	case 0:
		return fmt.Sprintf("S%d-%05d", yy, r.Intn(99999)+1)
	case 1:
		return "ACC" + nzdigits(r, 9)
	case 2:
		return fmt.Sprintf("%s%d%07d", pick(r, []string{"CH", "HE", "MB", "CY"}), yy, r.Intn(9999999))
	}
	return "RAD" + nzdigits(r, 8)
}

func memberID(r *rand.Rand) string {
	switch r.Intn(5) {
	case 0:
		return letters(r, 3) + nzdigits(r, 9)
	case 1:
		return "W" + nzdigits(r, 9)
	case 2:
		return "M" + digits(r, 8) + "0" + fmt.Sprint(1+r.Intn(4))
	case 3:
		return "U" + nzdigits(r, 8) + "01"
	}
	return nzdigits(r, 9) + "00"
}

func mbi(r *rand.Rand) string {
	const al = "ACDEFGHJKMNPQRTUVWXY"
	const an = "ACDEFGHJKMNPQRTUVWXY0123456789"
	pat := "CAMNAMNAANN"
	b := make([]byte, 11)
	for i, c := range pat {
		switch c {
		case 'C':
			b[i] = byte('1' + r.Intn(9))
		case 'N':
			b[i] = byte('0' + r.Intn(10))
		case 'A':
			b[i] = al[r.Intn(len(al))]
		case 'M':
			b[i] = an[r.Intn(len(an))]
		}
	}
	return string(b)
}

func medicaid(r *rand.Rand) string {
	switch r.Intn(3) {
	case 0:
		return letters(r, 2) + digits(r, 5) + letters(r, 1) // NY CIN style
	case 1:
		return nzdigits(r, 10)
	}
	return "9" + digits(r, 7) + letters(r, 1) // CA BIC style
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

func card(r *rand.Rand) string {
	var p string
	switch r.Intn(3) {
	case 0:
		p = "4" + digits(r, 14)
	case 1:
		p = "5" + string(rune('1'+r.Intn(5))) + digits(r, 13)
	default:
		p = "6011" + digits(r, 11)
	}
	return p + string(luhnDigit(p))
}

func iban(r *rand.Rand) string {
	var cc, bban string
	switch r.Intn(4) {
	case 0:
		cc, bban = "DE", digits(r, 18)
	case 1:
		cc, bban = "GB", letters(r, 4)+digits(r, 14)
	case 2:
		cc, bban = "NL", letters(r, 4)+digits(r, 10)
	default:
		cc, bban = "FR", digits(r, 23)
	}
	conv := func(s string) string {
		var b strings.Builder
		for _, c := range s {
			if c >= 'A' && c <= 'Z' {
				fmt.Fprint(&b, int(c-'A'+10))
			} else {
				b.WriteRune(c)
			}
		}
		return b.String()
	}
	num := conv(bban + cc + "00")
	m := 0
	for _, c := range num {
		m = (m*10 + int(c-'0')) % 97
	}
	return fmt.Sprintf("%s%02d%s", cc, 98-m, bban)
}

func patAcct(r *rand.Rand) string {
	switch r.Intn(4) {
	case 0:
		return "PA" + nzdigits(r, 8)
	case 1:
		return "HAR" + nzdigits(r, 9)
	case 2:
		return "G" + nzdigits(r, 7)
	}
	return nzdigits(r, 10)
}

func claimNo(r *rand.Rand) string {
	switch r.Intn(4) {
	case 0:
		return "CLM" + nzdigits(r, 10)
	case 1:
		return fmt.Sprintf("%d%03d%s", 20+r.Intn(6), 1+r.Intn(365), digits(r, 9)) // payer ICN-like
	case 2:
		return "WC" + fmt.Sprint(2019+r.Intn(7)) + "-" + digits(r, 6)
	}
	return "C" + digits(r, 2) + letters(r, 1) + digits(r, 8)
}

func dl(r *rand.Rand) string {
	switch r.Intn(5) {
	case 0:
		return letters(r, 1) + digits(r, 7) // CA
	case 1:
		return nzdigits(r, 9) // NY
	case 2:
		return fmt.Sprintf("%s%s-%s-%s-%s-%s", letters(r, 1), digits(r, 3), digits(r, 3), digits(r, 2), digits(r, 3), digits(r, 1)) // FL
	case 3:
		return nzdigits(r, 8) // TX
	}
	return letters(r, 1) + digits(r, 12) // IL style
}

func passport(r *rand.Rand) string {
	switch r.Intn(3) {
	case 0:
		return nzdigits(r, 9)
	case 1:
		return "C0" + digits(r, 7)
	}
	return letters(r, 2) + digits(r, 7)
}

func vin(r *rand.Rand) string {
	const al = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
	b := []byte(pick(r, []string{"1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "WBA", "1G1", "4T1", "KM8"}))
	for len(b) < 17 {
		b = append(b, al[r.Intn(len(al))])
	}
	b[9] = "KLMNPRSTV"[r.Intn(9)]
	val := func(c byte) int {
		if c >= '0' && c <= '9' {
			return int(c - '0')
		}
		return int("12345678012345070923456789"[c-'A'] - '0')
	}
	w := []int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	s := 0
	for i, c := range b {
		s += val(c) * w[i]
	}
	if s%11 == 10 {
		b[8] = 'X'
	} else {
		b[8] = byte('0' + s%11)
	}
	return string(b)
}

func plate(r *rand.Rand) string {
	switch r.Intn(4) {
	case 0:
		return fmt.Sprintf("%d%s%s", 1+r.Intn(9), letters(r, 3), digits(r, 3))
	case 1:
		return letters(r, 3) + "-" + digits(r, 4)
	case 2:
		return letters(r, 3) + digits(r, 4)
	}
	return digits(r, 3) + letters(r, 3)
}

func imei(r *rand.Rand) string {
	p := pick(r, []string{"35", "86", "01", "99"}) + digits(r, 12)
	return p + string(luhnDigit(p))
}

func mac(r *rand.Rand, sepc string) string {
	parts := make([]string, 6)
	for i := range parts {
		parts[i] = hexs(r, 2)
	}
	if r.Intn(2) == 0 {
		return strings.ToUpper(strings.Join(parts, sepc))
	}
	return strings.Join(parts, sepc)
}

func gtin(r *rand.Rand) string {
	b := "0" + nzdigits(r, 12)
	sum := 0
	for i := 0; i < 13; i++ {
		d := int(b[i] - '0')
		if i%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return b + fmt.Sprint((10-sum%10)%10)
}

func udiPI(r *rand.Rand) string {
	return fmt.Sprintf("(01)%s(17)%02d%02d%02d(10)%s(21)%s", gtin(r), 26+r.Intn(4), 1+r.Intn(12), 1+r.Intn(28), alnum(r, 6), alnum(r, 9))
}

func serial(r *rand.Rand) string {
	switch r.Intn(5) {
	case 0:
		return "SN" + nzdigits(r, 10)
	case 1:
		return letters(r, 3) + digits(r, 6) + letters(r, 1) // pacemaker-ish
	case 2:
		return strings.ToUpper(hexs(r, 12))
	case 3:
		return fmt.Sprintf("%s%d%s", letters(r, 2), 2019+r.Intn(7), digits(r, 7))
	}
	return alnum(r, 11)
}

func publicIP(r *rand.Rand) string {
	for {
		a := 1 + r.Intn(223)
		b := r.Intn(256)
		if a == 10 || a == 127 || a == 100 || (a == 172 && b >= 16 && b < 32) || (a == 192 && b == 168) || (a == 169 && b == 254) {
			continue
		}
		return fmt.Sprintf("%d.%d.%d.%d", a, b, r.Intn(256), 1+r.Intn(254))
	}
}

func ipv6(r *rand.Rand) string {
	return fmt.Sprintf("2600:%s:%s:%s::%s", hexs(r, 4), hexs(r, 4), hexs(r, 3), hexs(r, 3))
}

func zip5(r *rand.Rand) string {
	for {
		z := fmt.Sprintf("%05d", 1001+r.Intn(98000))
		if !restrictedZip3[z[:3]] {
			return z
		}
	}
}

func zip(r *rand.Rand) string {
	if r.Intn(3) == 0 {
		return zip5(r) + "-" + digits(r, 4)
	}
	return zip5(r)
}

var restrictedZip3 = map[string]bool{"036": true, "059": true, "063": true, "102": true, "203": true, "556": true, "692": true, "790": true, "821": true, "823": true, "830": true, "831": true, "878": true, "879": true, "884": true, "890": true, "893": true}

var restrictedList = []string{"036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893"}

func unrestrictedZip3(r *rand.Rand) string {
	for {
		z := fmt.Sprintf("%03d", 10+r.Intn(980))
		if !restrictedZip3[z] {
			return z
		}
	}
}

func foreignPostcode(r *rand.Rand) string {
	switch r.Intn(5) {
	case 0: // UK
		return fmt.Sprintf("%s%d %d%s", letters(r, 2), 1+r.Intn(20), r.Intn(10), letters(r, 2))
	case 1: // Canada
		const L = "ABCEGHJKLMNPRSTVXY"
		return fmt.Sprintf("%c%d%c %d%c%d", L[r.Intn(len(L))], r.Intn(10), L[r.Intn(len(L))], r.Intn(10), L[r.Intn(len(L))], r.Intn(10))
	case 2: // Netherlands
		return fmt.Sprintf("%d %s", 1000+r.Intn(9000), letters(r, 2))
	case 3: // Japan
		return fmt.Sprintf("%03d-%04d", 100+r.Intn(900), r.Intn(10000))
	}
	return fmt.Sprintf("D-%05d", 1000+r.Intn(98000)) // Germany
}

var streets = []string{"Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Elm St", "Pine Rd", "Lakeview Dr", "Hillcrest Ave", "Sunset Blvd", "Park Pl", "Ridge Rd", "Church St", "Mill Creek Rd", "County Road 12", "Route 9", "Orchard Way", "Willow Ct", "Meadow Ln", "N 4th St", "W 23rd St", "Country Club Rd", "Prairie View Dr"}

var cities = []string{"Worcester", "Lowell", "Tulsa", "Boise", "Fresno", "Toledo", "Akron", "Yonkers", "Provo", "Flagstaff", "Dubuque", "Bangor", "Missoula", "Kalamazoo", "Chattanooga", "Billings", "Reno", "Pueblo", "Duluth", "Macon", "Pensacola", "Lubbock", "Waco", "Erie", "Scranton", "Ogden", "Yakima", "Sioux Falls", "Cedar Rapids", "Lafayette", "Hialeah", "Paterson", "Gresham", "Hayward", "Elgin", "Joliet", "Odessa", "Killeen"}

var counties = []string{"Cook County", "Maricopa County", "Kings County", "Hidalgo County", "Bexar County", "Essex County", "Middlesex County", "Hampden County", "Lancaster County", "Polk County", "Orange County", "Fairfax County", "Cuyahoga County", "Wayne County", "Pima County", "Shelby County", "Jefferson Parish"}

var states = []string{"MA", "NY", "TX", "CA", "FL", "OH", "PA", "IL", "GA", "NC", "MI", "WA", "AZ", "CO", "TN", "MN", "OR", "NJ"}

func street(r *rand.Rand) string {
	return fmt.Sprintf("%d %s", 1+r.Intn(9899), pick(r, streets))
}

func streetKey(r *rand.Rand) string {
	return strings.ToLower(strings.ReplaceAll(street(r), " ", "-"))
}

func coords(r *rand.Rand) string {
	return fmt.Sprintf("%.5f,%.5f", 25+r.Float64()*23, -(70 + r.Float64()*50))
}

// --- foreign national / health ids ---

func bsn(r *rand.Rand) string {
	for {
		d := nzdigits(r, 8)
		s := 0
		for i := 0; i < 8; i++ {
			s += int(d[i]-'0') * (9 - i)
		}
		c := s % 11
		if c < 10 {
			return d + fmt.Sprint(c)
		}
	}
}

func personnummer(r *rand.Rand) string {
	t := dob(r)
	base := fmt.Sprintf("%02d%02d%02d%03d", t.y%100, t.m, t.d, r.Intn(1000))
	return base[:6] + "-" + base[6:] + string(luhnDigit(base))
}

func cpf(r *rand.Rand) string {
	d := make([]int, 11)
	for i := 0; i < 9; i++ {
		d[i] = r.Intn(10)
	}
	for k := 9; k <= 10; k++ {
		s := 0
		for i := 0; i < k; i++ {
			s += d[i] * (k + 1 - i)
		}
		v := s % 11
		if v < 2 {
			d[k] = 0
		} else {
			d[k] = 11 - v
		}
	}
	return fmt.Sprintf("%d%d%d.%d%d%d.%d%d%d-%d%d", d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10])
}

func nino(r *rand.Rand) string {
	const a = "ABCEGHJKLMNPRSTWXYZ"
	return fmt.Sprintf("%c%c%s%c", a[r.Intn(len(a))], a[r.Intn(len(a))], digits(r, 6), "ABCD"[r.Intn(4)])
}

func sin(r *rand.Rand) string {
	p := string(rune('1'+r.Intn(7))) + digits(r, 7)
	return p + string(luhnDigit(p))
}

func nhs(r *rand.Rand) string {
	for {
		d := nzdigits(r, 9)
		s := 0
		for i := 0; i < 9; i++ {
			s += int(d[i]-'0') * (10 - i)
		}
		c := 11 - s%11
		if c == 11 {
			c = 0
		}
		if c != 10 {
			return d + fmt.Sprint(c)
		}
	}
}

func foreignNationalID(r *rand.Rand) (label, v string) {
	switch r.Intn(5) {
	case 0:
		return "bsn", bsn(r)
	case 1:
		return "personnummer", personnummer(r)
	case 2:
		return "cpf", cpf(r)
	case 3:
		return "nino", nino(r)
	}
	return "sin", sin(r)
}

// --- clean identifiers ---

func npi(r *rand.Rand) string {
	b := string(rune('1'+r.Intn(2))) + digits(r, 8)
	return b + string(luhnDigit("80840"+b))
}

func ein(r *rand.Rand) string { return fmt.Sprintf("%02d-%07d", 10+r.Intn(89), r.Intn(10000000)) }

func ctrl9(r *rand.Rand) string { return fmt.Sprintf("%09d", 1+r.Intn(999999)) }

func dicomUID(r *rand.Rand) string {
	return fmt.Sprintf("1.2.840.113619.2.%d.%d.%s.%s.%d", 55+r.Intn(400), 1+r.Intn(9), nzdigits(r, 10), nzdigits(r, 9), 1+r.Intn(999))
}

func uuid(r *rand.Rand) string {
	return fmt.Sprintf("%s-%s-4%s-%c%s-%s", hexs(r, 8), hexs(r, 4), hexs(r, 3), "89ab"[r.Intn(4)], hexs(r, 3), hexs(r, 12))
}

func sysTS(r *rand.Rand) string {
	t := svc(r)
	return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", t.y, t.m, t.d, r.Intn(24), r.Intn(60), r.Intn(60))
}

func sysDate(r *rand.Rand) string {
	t := svc(r)
	return fmt.Sprintf("%04d%02d%02d", t.y, t.m, t.d)
}

func sysDateDash(r *rand.Rand) string {
	t := svc(r)
	return fmt.Sprintf("%04d-%02d-%02d", t.y, t.m, t.d)
}

func payerID(r *rand.Rand) string {
	return pick(r, []string{"60054", "87726", "62308", "39026", "SX107", "MCDMA", "00430", "BCBSM", "95567", "61101", "CMSMCR", "SB580", "84980", "TREST"})
}

func tpID(r *rand.Rand) string {
	return pick(r, []string{"AVAILITY", "CHANGEHC", "WAYSTAR", "TRIZETTO", "OPTUMEDI", "ZIRMED", "ECLINWORKS", "EMDEON", "SSI"}) + digits(r, 3)
}

func loinc(r *rand.Rand) string {
	return pick(r, []string{"2345-7", "4548-4", "718-7", "2160-0", "1742-6", "94500-6", "8480-6", "39156-5", "2093-3", "13457-7", "33914-3", "57021-8"})
}

func cpt(r *rand.Rand) string {
	return pick(r, []string{"99213", "99214", "80053", "85025", "71046", "93000", "36415", "G0439", "99490", "97110", "70450", "D0120", "D1110", "92014"})
}

func icd(r *rand.Rand) string {
	return pick(r, []string{"E11.9", "I10", "J45.909", "Z00.00", "M54.5", "F32.A", "N18.3", "Z23", "U07.1", "R07.9", "S82.101A", "E78.5"})
}

func ndc(r *rand.Rand) string {
	return fmt.Sprintf("%05d-%04d-%02d", r.Intn(99999), r.Intn(9999), r.Intn(99))
}

func msgType(r *rand.Rand) string {
	return pick(r, []string{"ADT^A01", "ADT^A03", "ADT^A04", "ADT^A08", "ORU^R01", "ORM^O01", "SIU^S12", "MDM^T02", "DFT^P03", "VXU^V04", "RDE^O11", "MFN^M02"})
}

func msgTypeKey(r *rand.Rand) string { return strings.ReplaceAll(msgType(r), "^", "_") }

var facilities = []string{"MGH", "BWH", "NSMC", "FAULK", "SLH", "STVIN", "UMMC", "KPNC", "OSF01", "HCA-TX-044", "PRV-AK", "ADV-ORL", "CHOP", "NYP-CU", "CCF-MAIN"}

var orgsNamedAfterPeople = []string{"johns-hopkins", "mayo-clinic", "cedars-sinai", "henry-ford-health", "baylor-scott-white", "beth-israel-lahey", "dana-farber", "fred-hutch", "sloan-kettering", "st-jude", "shriners", "sutter-health", "geisinger", "ochsner", "vanderbilt-umc", "ronald-reagan-ucla", "eli-lilly", "johnson-and-johnson", "abbott", "kaiser-permanente", "hackensack-meridian", "scripps", "emory-healthcare", "duke-health", "lurie-childrens", "nemours", "carle", "mercy-st-louis", "cooper-university", "christiana-care", "penn-medicine", "wellstar", "martin-luther-king-jr-community", "jackson-memorial", "grady-memorial", "hennepin-healthcare", "humana", "cigna", "aetna"}

var eponyms = []string{"hodgkin", "crohns", "alzheimers", "parkinsons", "graves", "cushing", "guillain-barre", "huntington", "tourette", "addison", "kawasaki", "hashimoto", "sjogren", "bell-palsy", "apgar", "glasgow-coma", "wells-score", "braden-scale", "morse-fall", "kaplan-meier", "foley", "swan-ganz", "pap-smear", "holter"}

var measures = []string{"CBP", "CDC-HbA1c", "BCS-E", "COL-E", "CCS", "W30", "AAB", "PPC", "SPC", "AMM", "FUH", "IET", "CMS122v12", "CMS165v12", "CMS130v12", "CMS2v13", "CMS69v12"}
