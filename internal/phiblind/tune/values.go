package tune

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

// nameList is one list of given names and surnames (a locale).
type nameList struct {
	loc    string
	given  []string
	family []string
}

var (
	usNames   nameList
	intlNames []nameList // in file order
)

func init() {
	byLoc := map[string]*nameList{}
	var order []string
	for i, line := range strings.Split(strings.TrimSpace(namesTSV), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			panic("tune: bad names.tsv line: " + line)
		}
		nl := byLoc[f[0]]
		if nl == nil {
			nl = &nameList{loc: f[0]}
			byLoc[f[0]] = nl
			order = append(order, f[0])
		}
		if f[1] == "given" {
			nl.given = append(nl.given, f[2])
		} else {
			nl.family = append(nl.family, f[2])
		}
	}
	for _, loc := range order {
		if loc == "us" {
			usNames = *byLoc[loc]
		} else {
			intlNames = append(intlNames, *byLoc[loc])
		}
	}
}

// G is the random source of one corpus.
type G struct{ r *rand.Rand }

func newG(seed int64) *G {
	return &G{r: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))}
}

func (g *G) n(k int) int             { return g.r.IntN(k) }
func (g *G) rng(lo, hi int) int      { return lo + g.r.IntN(hi-lo+1) }
func (g *G) coin() bool              { return g.r.IntN(2) == 0 }
func (g *G) p(prob float64) bool     { return g.r.Float64() < prob }
func pick[T any](g *G, xs []T) T     { return xs[g.r.IntN(len(xs))] }
func (g *G) one(xs ...string) string { return xs[g.r.IntN(len(xs))] }

const (
	digits    = "0123456789"
	upper     = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	lower     = "abcdefghijklmnopqrstuvwxyz"
	hexLower  = "0123456789abcdef"
	alnumUp   = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	alnumLow  = "0123456789abcdefghijklmnopqrstuvwxyz"
	crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	b62       = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b64url    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)

func (g *G) str(alphabet string, k int) string {
	b := make([]byte, k)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

// digitsNZ returns k digits, the first not zero.
func (g *G) digitsNZ(k int) string { return string(digits[g.rng(1, 9)]) + g.str(digits, k-1) }

// ---------------------------------------------------------------- people

type person struct {
	given, family, loc string
	middle             string // initial, may be empty
}

func (g *G) usPerson() person {
	p := person{given: pick(g, usNames.given), family: pick(g, usNames.family), loc: "us"}
	if g.p(0.3) {
		p.middle = string(upper[g.n(26)])
	}
	return p
}

// intlPerson draws from one of the faker locales.
func (g *G) intlPerson() person {
	nl := pick(g, intlNames)
	return person{given: pick(g, nl.given), family: pick(g, nl.family), loc: nl.loc}
}

// latinPerson draws from a locale written in Latin letters (US half the time).
func (g *G) latinPerson() person {
	if g.coin() {
		return g.usPerson()
	}
	for {
		p := g.intlPerson()
		if isLatin(p.given) && isLatin(p.family) {
			return p
		}
	}
}

// anyPerson: US names and international names half each.
func (g *G) anyPerson() person {
	if g.coin() {
		return g.usPerson()
	}
	return g.intlPerson()
}

func isLatin(s string) bool {
	for _, r := range s {
		if r < 0x250 || r == ' ' || r == '\'' || r == '-' {
			continue
		}
		return false
	}
	return true
}

// cjk reports whether the name is written without spaces between family and given name.
func cjk(loc string) bool { return loc == "zh_CN" || loc == "ja" || loc == "ko" }

var foldMap = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ą': "a", 'ă': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ę': "e", 'ě': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ı': "i", 'İ': "I",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ø': "o", 'ő': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ű': "u", 'ů': "u",
	'ñ': "n", 'ń': "n", 'ç': "c", 'ć': "c", 'č': "c", 'ş': "s", 'ś': "s", 'š': "s",
	'ž': "z", 'ź': "z", 'ż': "z", 'ł': "l", 'ř': "r", 'ğ': "g", 'ý': "y", 'đ': "d",
	'Á': "A", 'É': "E", 'Í': "I", 'Ó': "O", 'Ú': "U", 'Ö': "O", 'Ü': "U", 'Ä': "A", 'Ç': "C",
	'Ş': "S", 'Š': "S", 'Ž': "Z", 'Č': "C", 'Ł': "L", 'Ż': "Z", 'Ś': "S", 'Đ': "D", 'ß': "ss",
}

// ascii folds Latin diacritics (the way many systems transliterate a name
// before putting it in a key). Runes it does not know are dropped.
func ascii(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case foldMap[r] != "":
			b.WriteString(foldMap[r])
		}
	}
	return b.String()
}

// nfdMap decomposes the precomposed Latin letters that occur in the lists.
var nfdMap = map[rune]string{
	'á': "a\u0301", 'à': "a\u0300", 'â': "a\u0302", 'ä': "a\u0308", 'ã': "a\u0303", 'å': "a\u030a",
	'é': "e\u0301", 'è': "e\u0300", 'ê': "e\u0302", 'ë': "e\u0308", 'ě': "e\u030c",
	'í': "i\u0301", 'ì': "i\u0300", 'î': "i\u0302", 'ï': "i\u0308",
	'ó': "o\u0301", 'ò': "o\u0300", 'ô': "o\u0302", 'ö': "o\u0308", 'õ': "o\u0303",
	'ú': "u\u0301", 'ù': "u\u0300", 'û': "u\u0302", 'ü': "u\u0308", 'ů': "u\u030a",
	'ñ': "n\u0303", 'ç': "c\u0327", 'č': "c\u030c", 'š': "s\u030c", 'ž': "z\u030c", 'ř': "r\u030c",
	'ş': "s\u0327", 'ğ': "g\u0306", 'ă': "a\u0306", 'ý': "y\u0301", 'ń': "n\u0301", 'ś': "s\u0301",
	'ć': "c\u0301", 'ź': "z\u0301", 'ż': "z\u0307", 'ą': "a\u0328", 'ę': "e\u0328",
	'Á': "A\u0301", 'É': "E\u0301", 'Ö': "O\u0308", 'Ü': "U\u0308", 'Ä': "A\u0308", 'Ç': "C\u0327",
	'Š': "S\u030c", 'Ž': "Z\u030c", 'Č': "C\u030c", 'Ó': "O\u0301", 'Í': "I\u0301", 'Ú': "U\u0301",
}

func nfd(s string) string {
	var b strings.Builder
	for _, r := range s {
		if d, ok := nfdMap[r]; ok {
			b.WriteString(d)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hasDecomposable(s string) bool {
	for _, r := range s {
		if _, ok := nfdMap[r]; ok {
			return true
		}
	}
	return false
}

func title(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + strings.ToLower(s[n:])
}

// words splits a multi-word given name or surname.
func words(s string) []string { return strings.Fields(s) }

func joinWords(s, sep string) string { return strings.Join(words(s), sep) }

// Renderings of a person. Every one keeps the name recognisable to a human.

// sep joins given and family with sep, lower case ("john_smith").
func (p person) sep(sep string) string {
	if cjk(p.loc) {
		return p.family + p.given
	}
	return strings.ToLower(joinWords(p.given, sep) + sep + joinWords(p.family, sep))
}

// familyFirst "smith_john".
func (p person) familyFirst(sep string) string {
	if cjk(p.loc) {
		return p.family + p.given
	}
	return strings.ToLower(joinWords(p.family, sep) + sep + joinWords(p.given, sep))
}

// camel "JohnSmith".
func (p person) camel() string {
	if cjk(p.loc) {
		return p.family + p.given
	}
	var b strings.Builder
	for _, w := range append(words(p.given), words(p.family)...) {
		b.WriteString(title(w))
	}
	return b.String()
}

// display "John Smith" (natural order; CJK family name first without space).
func (p person) display() string {
	if cjk(p.loc) {
		return p.family + p.given
	}
	return p.given + " " + p.family
}

// formal "Smith, John".
func (p person) formal() string {
	if cjk(p.loc) {
		return p.family + p.given
	}
	return p.family + ", " + p.given
}

// dicom "SMITH^JOHN^A" (PN value representation).
func (p person) dicom() string {
	s := strings.ToUpper(ascii(p.family)) + "^" + strings.ToUpper(ascii(p.given))
	if p.middle != "" {
		s += "^" + p.middle
	}
	return strings.ReplaceAll(s, " ", "-")
}

// hl7 XPN "Smith^John^A^^^".
func (p person) hl7() string {
	s := p.family + "^" + p.given + "^" + p.middle
	if g := p.middle; g == "" {
		s = p.family + "^" + p.given
	}
	return s
}

// initialSurname "jsmith".
func (p person) initialSurname() string {
	f := ascii(p.family)
	return strings.ToLower(ascii(p.given)[:1] + strings.ReplaceAll(f, " ", ""))
}

// slug is an ASCII lower-case rendering, for bucket names and e-mail addresses.
func (p person) slug(sep string) string {
	q := person{given: ascii(p.given), family: ascii(p.family), loc: "us"}
	s := q.sep(sep)
	s = strings.ReplaceAll(s, "'", "")
	return s
}

// pct "john%20smith" or "Jos%C3%A9%20Garc%C3%ADa".
func (p person) pct() string { return url.PathEscape(p.display()) }

// plus "john+smith" (form encoding).
func (p person) plus() string { return url.QueryEscape(p.display()) }

// keyName renders a person for an S3 key in one of many styles.
func (g *G) keyName(p person) string {
	if !isLatin(p.given) || !isLatin(p.family) {
		switch g.n(4) {
		case 0:
			return p.display()
		case 1:
			return p.pct()
		default:
			if cjk(p.loc) {
				return p.family + p.given
			}
			return joinWords(p.given, "_") + "_" + joinWords(p.family, "_")
		}
	}
	s := ""
	switch g.n(11) {
	case 0:
		s = p.sep("_")
	case 1:
		s = p.sep("-")
	case 2:
		s = p.camel()
	case 3:
		s = p.familyFirst("_")
	case 4:
		s = strings.ToUpper(p.familyFirst("_"))
	case 5:
		s = p.sep(".")
	case 6:
		s = p.pct()
	case 7:
		s = p.slug("_")
	case 8:
		s = strings.ReplaceAll(p.family, " ", "-") + "," + strings.ReplaceAll(p.given, " ", "-")
	case 9:
		s = p.plus()
	default:
		s = p.given + "_" + p.family
		s = strings.ReplaceAll(s, " ", "_")
	}
	if hasDecomposable(s) && g.p(0.5) {
		s = nfd(s)
	}
	return s
}

// textName renders a person for prose (a mail subject).
func (g *G) textName(p person) string {
	s := p.display()
	switch g.n(6) {
	case 0:
		s = p.formal()
	case 1:
		if !cjk(p.loc) {
			s = strings.ToUpper(p.family) + ", " + p.given
		}
	}
	if hasDecomposable(s) && g.p(0.5) {
		s = nfd(s)
	}
	return s
}

// Special surname shapes (particles, apostrophes, double-barrelled).
func (g *G) specialSurnamePerson() person {
	given := pick(g, usNames.given)
	var fam string
	switch g.n(7) {
	case 0:
		fam = g.one("O'Brien", "O'Sullivan", "O'Connor", "O'Neill", "Ó Súilleabháin", "O'Donoghue", "O'Keeffe")
	case 1:
		fam = g.one("McAllister", "MacDonald", "McGrath", "MacKenzie", "McNamara", "Mc Inerney")
	case 2:
		fam = g.one("van der Berg", "van den Heuvel", "de Vries", "van Dijk", "ter Horst", "van 't Hof")
	case 3:
		fam = g.one("von Hohenstein", "zu Löwenstein", "von der Heide", "vom Bruch")
	case 4:
		fam = g.one("García Márquez", "Fernández de Córdoba", "Pérez-Reverte", "Rodrigues da Silva", "dos Santos Pereira", "Sánchez Villalobos", "de la Cruz Ortega")
	case 5:
		fam = pick(g, usNames.family) + "-" + pick(g, usNames.family)
	default:
		fam = g.one("Al-Rashid", "Ben-David", "El Amrani", "D'Angelo", "Di Stefano", "Le Nguyen", "St. Clair")
	}
	return person{given: given, family: fam, loc: "us"}
}

// romanised returns p when its name folds to ASCII letters, otherwise a
// Latin-script person: addresses and URLs are written in ASCII.
func (g *G) romanised(p person) person {
	for strings.Trim(ascii(p.given), " '-") == "" || strings.Trim(ascii(p.family), " '-") == "" {
		p = g.latinPerson()
	}
	return p
}

// ---------------------------------------------------------------- dates

type date struct{ y, m, d int }

func (g *G) dob() date         { return date{g.rng(1928, 2022), g.rng(1, 12), g.rng(1, 28)} }
func (g *G) recent() date      { return date{g.rng(2019, 2025), g.rng(1, 12), g.rng(1, 28)} }
func (g *G) iso(d date) string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }
func (g *G) compact(d date) string {
	return fmt.Sprintf("%04d%02d%02d", d.y, d.m, d.d)
}

var (
	monEN  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	monFR  = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	monDE  = []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	monES  = []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}
	monPT  = []string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"}
	monIT  = []string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"}
	monNL  = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}
	monRU  = []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	wkdays = []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

// keyDate renders a date safe for a path segment (no slash).
func (g *G) keyDate(d date) string {
	switch g.n(9) {
	case 0, 1, 2:
		return g.iso(d)
	case 3, 4:
		return g.compact(d)
	case 5:
		return fmt.Sprintf("%02d-%02d-%04d", d.m, d.d, d.y)
	case 6:
		return fmt.Sprintf("%02d.%02d.%04d", d.d, d.m, d.y)
	case 7:
		return fmt.Sprintf("%02d%s%04d", d.d, strings.ToUpper(monEN[d.m-1][:3]), d.y)
	default:
		return fmt.Sprintf("%s-%d-%d", strings.ToLower(monEN[d.m-1][:3]), d.d, d.y)
	}
}

// textDate renders a date for prose, in several languages.
func (g *G) textDate(d date) string {
	switch g.n(12) {
	case 0, 1:
		return fmt.Sprintf("%02d/%02d/%04d", d.m, d.d, d.y)
	case 2:
		return fmt.Sprintf("%s %d, %d", monEN[d.m-1], d.d, d.y)
	case 3:
		return fmt.Sprintf("%d %s %d", d.d, monEN[d.m-1][:3], d.y)
	case 4:
		return g.iso(d)
	case 5:
		return fmt.Sprintf("%d %s %d", d.d, monFR[d.m-1], d.y)
	case 6:
		return fmt.Sprintf("%d. %s %d", d.d, monDE[d.m-1], d.y)
	case 7:
		return fmt.Sprintf("%d de %s de %d", d.d, monES[d.m-1], d.y)
	case 8:
		return fmt.Sprintf("%d de %s de %d", d.d, monPT[d.m-1], d.y)
	case 9:
		return fmt.Sprintf("%d %s %d", d.d, g.one(monIT[d.m-1], monNL[d.m-1], monRU[d.m-1]), d.y)
	case 10:
		return fmt.Sprintf("%d年%d月%d日", d.y, d.m, d.d)
	default:
		return fmt.Sprintf("%02d.%02d.%04d", d.d, d.m, d.y)
	}
}

// apptDate is a month and day (and weekday) without a year, as reminders write it.
func (g *G) apptDate(d date) string {
	switch g.n(4) {
	case 0:
		return fmt.Sprintf("%s, %s %d", pick(g, wkdays), monEN[d.m-1][:3], d.d)
	case 1:
		return fmt.Sprintf("%d/%d", d.m, d.d)
	case 2:
		return fmt.Sprintf("%s %d", monEN[d.m-1], d.d)
	default:
		return g.textDate(d)
	}
}

func (g *G) clock() string {
	if g.coin() {
		return fmt.Sprintf("%d:%02d %s", g.rng(1, 12), 15*g.n(4), g.one("AM", "PM", "am", "pm"))
	}
	return fmt.Sprintf("%02d:%02d", g.rng(7, 18), 5*g.n(12))
}

// ---------------------------------------------------------------- places

var (
	streetNames = []string{"Oak", "Maple", "Elm", "Cedar", "Pine", "Birch", "Willow", "Chestnut", "Walnut", "Spruce", "Highland", "Lakeview", "Ridge", "Meadow", "Orchard", "Sunset", "River", "Forest", "Valley", "Mill", "Church", "School", "Spring", "Prospect", "Pleasant", "Union", "Center", "Railroad", "Cherry", "Hickory"}
	streetSfx   = []string{"St", "Street", "Ave", "Avenue", "Rd", "Road", "Dr", "Drive", "Ln", "Lane", "Ct", "Blvd", "Way", "Pl", "Terrace", "Cir"}
	cities      = []string{"Worcester", "Framingham", "Quincy", "Springfield", "Dayton", "Toledo", "Akron", "Fresno", "Bakersfield", "Tacoma", "Spokane", "Boise", "Provo", "Tulsa", "Wichita", "Omaha", "Lubbock", "Amarillo", "Macon", "Savannah", "Asheville", "Roanoke", "Scranton", "Allentown", "Syracuse", "Albany", "Burlington", "Bangor", "Duluth", "Fargo", "Billings", "Missoula", "Flagstaff", "Yuma", "Las Cruces", "El Paso", "Laredo", "Chula Vista", "Modesto", "Eugene"}
	states      = []string{"MA", "OH", "CA", "WA", "ID", "UT", "OK", "KS", "NE", "TX", "GA", "NC", "VA", "PA", "NY", "VT", "ME", "MN", "ND", "MT", "AZ", "NM", "OR"}
	restricted3 = []string{"036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893"}
)

func (g *G) street() string {
	return fmt.Sprintf("%d %s %s", g.rng(2, 9899), pick(g, streetNames), pick(g, streetSfx))
}

func (g *G) zip5() string {
	for {
		z := fmt.Sprintf("%05d", g.rng(1001, 99950))
		if !isRestricted(z[:3]) {
			return z
		}
	}
}

func isRestricted(p string) bool {
	for _, r := range restricted3 {
		if r == p {
			return true
		}
	}
	return false
}

func (g *G) zip3Open() string {
	for {
		z := fmt.Sprintf("%03d", g.rng(10, 999))
		if !isRestricted(z) {
			return z
		}
	}
}

func (g *G) zip4() string { return g.zip5() + "-" + fmt.Sprintf("%04d", g.rng(1, 9999)) }

// caPostal is a Canadian postal code ("K1A 0B1" shape).
func (g *G) caPostal() string {
	first := "ABCEGHJKLMNPRSTVXY"
	rest := "ABCEGHJKLMNPRSTVWXYZ"
	return fmt.Sprintf("%c%d%c %d%c%d", first[g.n(len(first))], g.n(10), rest[g.n(len(rest))], g.n(10), rest[g.n(len(rest))], g.n(10))
}

// ukPostcode ("SW1A 1AA", "M1 1AE", "B33 8TH" shapes).
func (g *G) ukPostcode() string {
	area := g.one("SW", "SE", "NW", "EC", "M", "B", "LS", "G", "EH", "CF", "BS", "L", "NE", "OX", "CB", "BT")
	in := fmt.Sprintf("%d%c%c", g.n(10), "ABDEFGHJLNPQRSTUWXYZ"[g.n(20)], "ABDEFGHJLNPQRSTUWXYZ"[g.n(20)])
	return fmt.Sprintf("%s%d %s", area, g.rng(1, 28), in)
}

// ---------------------------------------------------------------- contact

// nanp returns a NANP number's ten digits: NPA and NXX not N11, not 555, not 37X/96X.
func (g *G) nanp() string {
	for {
		npa := fmt.Sprintf("%d%d%d", g.rng(2, 9), g.rng(0, 8), g.n(10))
		nxx := fmt.Sprintf("%d%d%d", g.rng(2, 9), g.n(10), g.n(10))
		if npa[1:] == "11" || nxx[1:] == "11" || nxx == "555" || npa == "555" || npa[:2] == "37" || npa[:2] == "96" {
			continue
		}
		return npa + nxx + fmt.Sprintf("%04d", g.n(10000))
	}
}

// phoneFmt renders a NANP number in one of the usual forms.
func (g *G) phoneFmt(d string, keySafe bool) string {
	a, b, c := d[:3], d[3:6], d[6:]
	forms := []string{a + "-" + b + "-" + c, a + "." + b + "." + c, d, "+1" + d, "1-" + a + "-" + b + "-" + c, "%2B1" + d, "+1-" + a + "-" + b + "-" + c}
	if !keySafe {
		forms = append(forms, "("+a+") "+b+"-"+c, "+1 "+a+" "+b+" "+c, "("+a+")"+b+"-"+c)
	}
	return pick(g, forms)
}

func (g *G) phone(keySafe bool) string { return g.phoneFmt(g.nanp(), keySafe) }

// intlPhone is a number of another country in E.164 or national form.
func (g *G) intlPhone() string {
	switch g.n(7) {
	case 0:
		return "+44 7" + g.str(digits, 3) + " " + g.str(digits, 6)
	case 1:
		return "+49 1" + g.one("51", "60", "70", "76") + " " + g.str(digits, 8)
	case 2:
		return "+33 6 " + g.str(digits, 2) + " " + g.str(digits, 2) + " " + g.str(digits, 2) + " " + g.str(digits, 2)
	case 3:
		return "+91 9" + g.str(digits, 4) + " " + g.str(digits, 5)
	case 4:
		return "+55 11 9" + g.str(digits, 4) + "-" + g.str(digits, 4)
	case 5:
		return "+61 4" + g.str(digits, 2) + " " + g.str(digits, 3) + " " + g.str(digits, 3)
	default:
		return "+81 90-" + g.str(digits, 4) + "-" + g.str(digits, 4)
	}
}

var mailDomains = []string{"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net", "proton.me", "gmx.de", "web.de", "orange.fr", "libero.it", "yahoo.co.jp", "naver.com", "qq.com", "mail.ru", "uol.com.br"}

func (g *G) email(p person) string {
	p = g.romanised(p)
	local := ""
	switch g.n(6) {
	case 0:
		local = p.slug(".")
	case 1:
		local = p.slug("_") + fmt.Sprint(g.rng(1, 99))
	case 2:
		local = p.initialSurname()
	case 3:
		local = p.slug(".") + "+" + g.one("portal", "health", "rx", "appts")
	case 4:
		local = strings.ToLower(ascii(strings.ReplaceAll(p.given, " ", ""))) + fmt.Sprint(g.rng(1950, 2005))
	default:
		local = p.initialSurname() + fmt.Sprint(g.rng(1, 999))
	}
	local = strings.ReplaceAll(local, " ", "")
	if local == "" || local[0] == '.' {
		local = "user" + g.str(digits, 4)
	}
	return local + "@" + pick(g, mailDomains)
}

// ip4 is a public-looking IPv4 address (not private, loopback or documentation ranges).
func (g *G) ip4() string {
	for {
		a := g.rng(11, 223)
		if a == 127 || a == 100 || a == 169 || a == 172 || a == 192 || a == 198 || a == 203 {
			continue
		}
		return fmt.Sprintf("%d.%d.%d.%d", a, g.n(256), g.n(256), g.rng(1, 254))
	}
}

func (g *G) ip6() string {
	pre := g.one("2601", "2600", "2a02", "2607", "2a01", "2409", "2001:4860")
	parts := []string{pre}
	for len(parts) < 4 {
		parts = append(parts, fmt.Sprintf("%x", g.n(65536)))
	}
	if g.coin() {
		return strings.Join(parts, ":") + "::" + fmt.Sprintf("%x", g.rng(1, 65535))
	}
	for len(parts) < 8 {
		parts = append(parts, fmt.Sprintf("%x", g.n(65536)))
	}
	return strings.Join(parts, ":")
}

// personalURL points at an individual.
func (g *G) personalURL(p person) string {
	p = g.romanised(p)
	s := p.slug("-")
	switch g.n(6) {
	case 0:
		return "https://www.linkedin.com/in/" + s + "-" + g.str(hexLower, 6)
	case 1:
		return "https://www.facebook.com/" + p.slug(".") + "." + g.str(digits, 3)
	case 2:
		return "https://" + strings.ReplaceAll(s, "-", "") + ".com"
	case 3:
		return "https://" + g.one("medium.com/@", "github.com/", "x.com/", "instagram.com/") + strings.ReplaceAll(s, "-", "")
	case 4:
		return "http://www." + s + ".net/about"
	default:
		return "https://sites.google.com/view/" + s
	}
}
