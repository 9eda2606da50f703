package tune2

import (
	_ "embed"
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

//go:embed data/names.tsv
var namesTSV string

// nameList is one list of data/names.tsv split by kind.
type nameList struct {
	id              string
	given, surnames []string
	script          string // "latin", "cjk", "hangul", "other" (no case)
}

var (
	usLists   []*nameList // one per frequency stratum pair
	intlLists []*nameList // one per faker locale
)

func init() {
	byID := map[string]*nameList{}
	var order []string
	for i, ln := range strings.Split(strings.TrimSpace(namesTSV), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(ln, "\t")
		id := f[0]
		if strings.HasPrefix(id, "us-") {
			id = "us-" + id[7:] // us-sur-top1k and us-giv-top1k share a stratum name suffix
		}
		l := byID[id]
		if l == nil {
			l = &nameList{id: id}
			byID[id] = l
			order = append(order, id)
		}
		name := f[2]
		if f[1] == "given" {
			l.given = append(l.given, name)
		} else {
			l.surnames = append(l.surnames, name)
		}
	}
	var usSur, usGiv [][]string
	for _, id := range order {
		l := byID[id]
		if strings.HasPrefix(id, "us-") {
			if len(l.surnames) > 0 {
				usSur = append(usSur, l.surnames)
			}
			if len(l.given) > 0 {
				usGiv = append(usGiv, l.given)
			}
			continue
		}
		if len(l.given) == 0 || len(l.surnames) == 0 {
			continue
		}
		l.script = scriptOf(l.surnames[0] + l.given[0])
		intlLists = append(intlLists, l)
	}
	// Four US strata: surnames by Census rank and given names by SSA count,
	// each stratum paired with the same-index stratum of the other kind.
	for i := range usSur {
		usLists = append(usLists, &nameList{id: fmt.Sprintf("us-%d", i), surnames: titleAll(usSur[i]), given: usGiv[i], script: "latin"})
	}
}

func titleAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = title(x)
	}
	return out
}

func title(s string) string {
	rs := []rune(strings.ToLower(s))
	if len(rs) > 0 {
		rs[0] = unicode.ToUpper(rs[0])
	}
	return string(rs)
}

func scriptOf(s string) string {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			return "cjk"
		case unicode.Is(unicode.Hangul, r):
			return "hangul"
		case unicode.Is(unicode.Cyrillic, r), unicode.Is(unicode.Greek, r), unicode.Is(unicode.Armenian, r):
			return "cased"
		case r > 0x24F && unicode.IsLetter(r):
			return "other"
		}
	}
	return "latin"
}

// G is the generator state: one seeded source, used in a fixed order.
type G struct {
	r *rand.Rand
}

func (g *G) n(k int) int              { return g.r.Intn(k) }
func (g *G) between(a, b int) int     { return a + g.r.Intn(b-a+1) }
func (g *G) chance(p float64) bool    { return g.r.Float64() < p }
func (g *G) pick(xs ...string) string { return xs[g.r.Intn(len(xs))] }

func (g *G) digits(k int) string {
	b := make([]byte, k)
	for i := range b {
		b[i] = byte('0' + g.r.Intn(10))
	}
	return string(b)
}

// nz returns k digits not starting with 0.
func (g *G) nz(k int) string { return strconv.Itoa(g.between(1, 9)) + g.digits(k-1) }

func (g *G) from(alphabet string, k int) string {
	b := make([]byte, k)
	for i := range b {
		b[i] = alphabet[g.r.Intn(len(alphabet))]
	}
	return string(b)
}

const (
	upper   = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	lower   = "abcdefghijklmnopqrstuvwxyz"
	hexd    = "0123456789abcdef"
	alnumUp = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
	alnumLo = "abcdefghijklmnopqrstuvwxyz0123456789"
	b62     = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b64url  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	crock   = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
)

func (g *G) hex(k int) string { return g.from(hexd, k) }

func (g *G) uuid() string {
	h := g.hex(32)
	v := []byte(h)
	v[12] = '4'
	v[16] = "89ab"[g.n(4)]
	h = string(v)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func (g *G) ulid() string {
	// 48-bit millisecond time (2023-2025) then 80 random bits, Crockford base32.
	ms := uint64(1672531200000 + g.r.Int63n(3*365*86400*1000))
	var b [10]byte
	for i := 9; i >= 0; i-- {
		b[i] = crock[ms%32]
		ms /= 32
	}
	return string(b[:]) + g.from(crock, 16)
}

func (g *G) ksuid() string { return g.from(b62, 27) }

// ---- dates ----

func (g *G) dob() time.Time {
	return time.Date(g.between(1926, 2021), time.Month(g.between(1, 12)), g.between(1, 28), 0, 0, 0, 0, time.UTC)
}

func (g *G) svcDate() time.Time {
	return time.Date(g.between(2018, 2025), time.Month(g.between(1, 12)), g.between(1, 28), g.n(24), g.n(60), g.n(60), 0, time.UTC)
}

var monES = []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}
var monFR = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
var monDE = []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
var monPT = []string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"}
var monRU = []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
var monAR = []string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}
var monHI = []string{"जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"}
var monTL = []string{"Enero", "Pebrero", "Marso", "Abril", "Mayo", "Hunyo", "Hulyo", "Agosto", "Setyembre", "Oktubre", "Nobyembre", "Disyembre"}

// keyDate renders a date with no '/' so it can sit in a path segment.
func (g *G) keyDate(t time.Time) string {
	switch g.n(8) {
	case 0, 1:
		return t.Format("2006-01-02")
	case 2, 3:
		return t.Format("20060102")
	case 4:
		return t.Format("01-02-2006")
	case 5:
		return strings.ToUpper(t.Format("02Jan2006"))
	case 6:
		return t.Format("02.01.2006")
	default:
		return t.Format("010206")
	}
}

// textDate renders a date for a subject or metadata value (slashes and
// words allowed), in English.
func (g *G) textDate(t time.Time) string {
	switch g.n(9) {
	case 0:
		return t.Format("01/02/2006")
	case 1:
		return t.Format("1/2/2006")
	case 2:
		return t.Format("January 2, 2006")
	case 3:
		return t.Format("Jan 2 2006")
	case 4:
		return t.Format("2-Jan-2006")
	case 5:
		return t.Format("2006-01-02")
	case 6:
		return t.Format("Mon, Jan 2, 2006")
	case 7:
		return t.Format("1/2/06")
	default:
		return t.Format("02 January 2006")
	}
}

// langDate renders a full date in a language.
func langDate(t time.Time, lang string) string {
	d, m, y := t.Day(), int(t.Month())-1, t.Year()
	switch lang {
	case "es":
		return fmt.Sprintf("%d de %s de %d", d, monES[m], y)
	case "fr":
		return fmt.Sprintf("%d %s %d", d, monFR[m], y)
	case "de":
		return fmt.Sprintf("%d. %s %d", d, monDE[m], y)
	case "pt":
		return fmt.Sprintf("%d de %s de %d", d, monPT[m], y)
	case "zh", "ja":
		return fmt.Sprintf("%d年%d月%d日", y, m+1, d)
	case "ko":
		return fmt.Sprintf("%d년 %d월 %d일", y, m+1, d)
	case "ar":
		return fmt.Sprintf("%d %s %d", d, monAR[m], y)
	case "ru":
		return fmt.Sprintf("%d %s %d г.", d, monRU[m], y)
	case "vi":
		return fmt.Sprintf("ngày %d tháng %d năm %d", d, m+1, y)
	case "tl":
		return fmt.Sprintf("%s %d, %d", monTL[m], d, y)
	case "hi":
		return fmt.Sprintf("%d %s %d", d, monHI[m], y)
	}
	return t.Format("January 2, 2006")
}

// shortDate is a month and day without a year, in a language.
func shortDate(t time.Time, lang string) string {
	d, m := t.Day(), int(t.Month())-1
	switch lang {
	case "es":
		return fmt.Sprintf("%d de %s", d, monES[m])
	case "fr":
		return fmt.Sprintf("%d %s", d, monFR[m])
	case "de":
		return fmt.Sprintf("%d.%d.", d, m+1)
	case "pt":
		return fmt.Sprintf("%02d/%02d", d, m+1)
	case "zh", "ja":
		return fmt.Sprintf("%d月%d日", m+1, d)
	case "ko":
		return fmt.Sprintf("%d월 %d일", m+1, d)
	case "ru":
		return fmt.Sprintf("%d %s", d, monRU[m])
	case "vi":
		return fmt.Sprintf("%d/%d", d, m+1)
	case "num":
		return fmt.Sprintf("%d/%d", m+1, d)
	}
	return t.Format("Jan 2")
}

func (g *G) clock() string {
	h := g.between(7, 17)
	m := g.pick("00", "15", "30", "45")
	switch g.n(3) {
	case 0:
		return fmt.Sprintf("%02d:%s", h, m)
	case 1:
		ap := "AM"
		if h >= 12 {
			ap = "PM"
		}
		hh := h
		if hh > 12 {
			hh -= 12
		}
		return fmt.Sprintf("%d:%s %s", hh, m, ap)
	}
	return fmt.Sprintf("%dh%s", h, m)
}

// ---- ages ----

func (g *G) oldAge() int { return g.between(90, 104) }

func (g *G) ageKey(a int) string {
	return g.pick(fmt.Sprintf("age-%d", a), fmt.Sprintf("age%d", a), fmt.Sprintf("%dyo", a), fmt.Sprintf("%dy", a), fmt.Sprintf("aged_%d", a), fmt.Sprintf("%d-year-old", a), fmt.Sprintf("%03dY", a))
}

func (g *G) ageText(a int) string {
	return g.pick(fmt.Sprintf("%d y/o", a), fmt.Sprintf("%d years old", a), fmt.Sprintf("age %d", a), fmt.Sprintf("aged %d", a), fmt.Sprintf("%d-year-old", a), fmt.Sprintf("%dyo", a), fmt.Sprintf("%d yrs", a))
}

// ---- people ----

type person struct {
	given, surname, middle string
	script                 string
	list                   string
}

func (g *G) usPerson() person {
	l := usLists[g.n(len(usLists))]
	l2 := usLists[g.n(len(usLists))]
	p := person{given: l.given[g.n(len(l.given))], surname: l2.surnames[g.n(len(l2.surnames))], script: "latin", list: "us"}
	if g.chance(0.3) {
		p.middle = string(upper[g.n(26)])
	}
	return p
}

func (g *G) intlPerson() person {
	l := intlLists[g.n(len(intlLists))]
	return person{given: l.given[g.n(len(l.given))], surname: l.surnames[g.n(len(l.surnames))], script: l.script, list: l.id}
}

// latinPerson is a person whose name is written in Latin letters (US or a
// Latin-script locale), for contexts such as HL7 and X12 that are ASCII or
// Latin-1 in practice.
func (g *G) latinPerson() person {
	if g.chance(0.7) {
		return g.usPerson()
	}
	for {
		p := g.intlPerson()
		if p.script == "latin" {
			return p
		}
	}
}

func (g *G) person() person {
	if g.chance(0.6) {
		return g.usPerson()
	}
	return g.intlPerson()
}

// asciiFold strips diacritics (for systems that do).
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ı':
			r = 'i'
		case 'ł':
			r = 'l'
		case 'Ł':
			r = 'L'
		case 'ø':
			r = 'o'
		case 'đ':
			r = 'd'
		case 'Đ':
			r = 'D'
		case 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func squash(s, sep string) string { return strings.Join(strings.Fields(s), sep) }

// keyName renders a person for a path segment or key.
func (g *G) keyName(p person) string {
	gv, sn := squash(p.given, "-"), squash(p.surname, "-")
	if p.script == "cjk" || p.script == "hangul" {
		return g.pick(sn+gv, sn+"_"+gv, sn+" "+gv)
	}
	if p.script != "latin" {
		return g.pick(sn+"_"+gv, gv+"_"+sn, sn+"-"+gv, gv+" "+sn)
	}
	if asciiFold(gv+sn) != gv+sn && g.chance(0.6) {
		if g.chance(0.6) {
			gv, sn = norm.NFD.String(gv), norm.NFD.String(sn)
		} else {
			gv, sn = asciiFold(gv), asciiFold(sn)
		}
	}
	lg, ls := strings.ToLower(gv), strings.ToLower(sn)
	switch g.n(14) {
	case 0:
		return lg + "_" + ls
	case 1:
		return gv + "_" + sn
	case 2:
		return strings.ToUpper(sn) + "_" + strings.ToUpper(gv)
	case 3:
		return ls + "," + lg
	case 4:
		return lg + "." + ls
	case 5:
		return firstRune(lg) + "." + ls
	case 6:
		return ls + firstRune(lg)
	case 7:
		return gv + sn
	case 8:
		return lg + "-" + ls
	case 9:
		return sn + "_" + gv
	case 10:
		return sn + "%2C%20" + gv
	case 11:
		return lg + "%20" + ls
	case 12:
		return strings.ToUpper(sn) + "-" + gv
	default:
		return firstRune(lg) + ls
	}
}

// textName renders a person for a subject or metadata value.
func (g *G) textName(p person) string {
	if p.script == "cjk" || p.script == "hangul" {
		return p.surname + p.given
	}
	if p.script != "latin" {
		return g.pick(p.given+" "+p.surname, p.surname+" "+p.given)
	}
	gv, sn := p.given, p.surname
	if asciiFold(gv+sn) != gv+sn && g.chance(0.35) {
		gv, sn = norm.NFD.String(gv), norm.NFD.String(sn)
	}
	switch g.n(7) {
	case 0:
		return sn + ", " + gv
	case 1:
		return strings.ToUpper(sn) + ", " + strings.ToUpper(gv)
	case 2:
		if p.middle != "" {
			return gv + " " + p.middle + ". " + sn
		}
		return gv + " " + sn
	case 3:
		return strings.ToUpper(sn) + " " + gv
	default:
		return gv + " " + sn
	}
}

// hl7Name is FAMILY^GIVEN^MIDDLE (HL7 XPN / DICOM PN).
func (g *G) hl7Name(p person) string {
	f := strings.ToUpper(asciiFold(p.surname)) + "^" + strings.ToUpper(asciiFold(p.given))
	if p.middle != "" {
		f += "^" + p.middle
	} else if g.chance(0.3) {
		f += "^"
	}
	return f
}

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

func initials(p person) string {
	return strings.ToLower(asciiFold(firstRune(p.given) + firstRune(p.surname)))
}

// ---- contact ----

func (g *G) nanp() (a, e, s string) {
	for {
		a = fmt.Sprintf("%d%d%d", g.between(2, 9), g.n(9), g.n(10))
		if a[1:] != "11" {
			break
		}
	}
	for {
		e = fmt.Sprintf("%d%d%d", g.between(2, 9), g.n(10), g.n(10))
		if e[1:] != "11" {
			break
		}
	}
	return a, e, g.digits(4)
}

func (g *G) phoneKey() string {
	a, e, s := g.nanp()
	return g.pick(a+"-"+e+"-"+s, a+e+s, a+"."+e+"."+s, "+1"+a+e+s, "%2B1"+a+e+s, "1-"+a+"-"+e+"-"+s, "1"+a+e+s)
}

func (g *G) phoneText() string {
	a, e, s := g.nanp()
	return g.pick("("+a+") "+e+"-"+s, a+"-"+e+"-"+s, "+1 "+a+" "+e+" "+s, "+1"+a+e+s, a+"."+e+"."+s, "("+a+")"+e+"-"+s, "1 ("+a+") "+e+"-"+s)
}

func (g *G) intlPhone() string {
	switch g.n(12) {
	case 0:
		return "+44 7" + g.digits(3) + " " + g.digits(6)
	case 1:
		return "+49 30 " + g.digits(8)
	case 2:
		return "+33 6 " + g.digits(2) + " " + g.digits(2) + " " + g.digits(2) + " " + g.digits(2)
	case 3:
		return "+91 " + g.pick("98", "97", "88", "70") + g.digits(3) + " " + g.digits(5)
	case 4:
		return "+55 11 9" + g.digits(4) + "-" + g.digits(4)
	case 5:
		return "+81 90-" + g.digits(4) + "-" + g.digits(4)
	case 6:
		return "+52 55 " + g.digits(4) + " " + g.digits(4)
	case 7:
		return "+63 917 " + g.digits(3) + " " + g.digits(4)
	case 8:
		return "+86 13" + g.digits(1) + " " + g.digits(4) + " " + g.digits(4)
	case 9:
		return "+82 10-" + g.digits(4) + "-" + g.digits(4)
	case 10:
		return "+84 9" + g.digits(1) + " " + g.digits(3) + " " + g.digits(2) + " " + g.digits(2)
	}
	return "+7 9" + g.digits(2) + " " + g.digits(3) + "-" + g.digits(2) + "-" + g.digits(2)
}

func (g *G) intlPhoneKey() string {
	return strings.NewReplacer(" ", "", "-", "").Replace(g.intlPhone())
}

func (g *G) email(p person) string {
	gv, sn := strings.ToLower(asciiFold(squash(p.given, ""))), strings.ToLower(asciiFold(squash(p.surname, "")))
	if p.script != "latin" {
		gv, sn = "user", g.digits(5)
		if g.chance(0.5) {
			gv = g.pick("mlee", "wang.li", "kim.j", "ivanova.a", "tanaka", "nguyen.h")
		}
	}
	local := g.pick(gv+"."+sn, firstRune(gv)+sn, gv+sn+g.digits(2), gv+"_"+sn, sn+"."+gv+"+portal", gv+"+labs", firstRune(gv)+"."+sn+g.digits(4))
	dom := g.pick("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.co.uk", "mail.comcast.net", "proton.me", "aol.com", "gmx.de", "orange.fr", "uol.com.br", "naver.com", "qq.com", "yandex.ru", "alumni.stanford.edu", "staff.example-health.org")
	if g.chance(0.06) {
		return g.pick("josé.garcía@correo.es", "müller.anna@beispiel.de", "françois@exemple.fr", "иван@почта.рф", "用户"+g.digits(3)+"@例子.中国")
	}
	if g.chance(0.06) {
		return local + "@xn--" + g.from(lower, 6) + "-" + g.from(lower, 3) + ".de"
	}
	return local + "@" + dom
}

// ---- national ids ----

func (g *G) ssn() (a, b, c string) {
	for {
		n := g.between(1, 899)
		if n != 666 {
			a = fmt.Sprintf("%03d", n)
			break
		}
	}
	return a, fmt.Sprintf("%02d", g.between(1, 99)), fmt.Sprintf("%04d", g.between(1, 9999))
}

func luhnDigit(s string) int {
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
	return (10 - sum%10) % 10
}

func withLuhn(s string) string { return s + strconv.Itoa(luhnDigit(s)) }

func (g *G) card() string {
	switch g.n(4) {
	case 0:
		return withLuhn("4" + g.digits(14))
	case 1:
		return withLuhn("5" + strconv.Itoa(g.between(1, 5)) + g.digits(13))
	case 2:
		return withLuhn(g.pick("34", "37") + g.digits(12))
	}
	return withLuhn("6011" + g.digits(11))
}

func (g *G) nhs() string {
	for {
		s := g.nz(9)
		sum := 0
		for i := 0; i < 9; i++ {
			sum += int(s[i]-'0') * (10 - i)
		}
		c := 11 - sum%11
		if c == 11 {
			c = 0
		}
		if c == 10 {
			continue
		}
		return s + strconv.Itoa(c)
	}
}

func (g *G) sin() string {
	return withLuhn(strconv.Itoa(g.pick3(1, 2, 3, 4, 5, 6, 7, 9)) + g.digits(7))
}

func (g *G) pick3(xs ...int) int { return xs[g.n(len(xs))] }

func (g *G) medicareAU() string {
	s := strconv.Itoa(g.between(2, 6)) + g.digits(7)
	w := []int{1, 3, 7, 9, 1, 3, 7, 9}
	sum := 0
	for i := range 8 {
		sum += int(s[i]-'0') * w[i]
	}
	return s + strconv.Itoa(sum%10) + strconv.Itoa(g.between(1, 9))
}

var vD = [10][10]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1}, {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}}
var vP = [8][10]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1}, {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}}
var vInv = [10]int{0, 4, 3, 2, 1, 5, 6, 7, 8, 9}

func verhoeff(s string) string {
	c := 0
	for i := 0; i < len(s); i++ {
		d := int(s[len(s)-1-i] - '0')
		c = vD[c][vP[(i+1)%8][d]]
	}
	return s + strconv.Itoa(vInv[c])
}

func (g *G) aadhaar() string { return verhoeff(strconv.Itoa(g.between(2, 9)) + g.digits(10)) }

func (g *G) cpf() string {
	s := g.digits(9)
	for k := 0; k < 2; k++ {
		sum := 0
		for i := 0; i < len(s); i++ {
			sum += int(s[i]-'0') * (len(s) + 1 - i)
		}
		r := sum * 10 % 11
		if r == 10 {
			r = 0
		}
		s += strconv.Itoa(r)
	}
	return s[:3] + "." + s[3:6] + "." + s[6:9] + "-" + s[9:]
}

func (g *G) nir(t time.Time) string {
	body := fmt.Sprintf("%d%02d%02d%s%s%s", g.between(1, 2), t.Year()%100, int(t.Month()), g.pick("75", "69", "13", "33", "59", "92"), g.digits(3), g.digits(3))
	n, _ := strconv.ParseInt(body, 10, 64)
	key := 97 - n%97
	return fmt.Sprintf("%s %s %s %s %s %s %02d", body[0:1], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], key)
}

func (g *G) bsn() string {
	for {
		s := g.digits(8)
		sum := 0
		for i := 0; i < 8; i++ {
			sum += int(s[i]-'0') * (9 - i)
		}
		d := sum % 11
		if d < 10 && s[0] != '0' {
			return s + strconv.Itoa(d)
		}
	}
}

func (g *G) personnummer(t time.Time) string {
	s := t.Format("060102") + g.digits(3)
	return s[:6] + g.pick("-", "") + s[6:] + strconv.Itoa(luhnDigit(s))
}

func (g *G) dni() string {
	n := g.between(10000000, 99999999)
	return fmt.Sprintf("%08d%c", n, "TRWAGMYFPDXBNJZSQVHLCKE"[n%23])
}

func (g *G) pesel(t time.Time) string {
	m := int(t.Month())
	if t.Year() >= 2000 {
		m += 20
	}
	s := fmt.Sprintf("%02d%02d%02d%s", t.Year()%100, m, t.Day(), g.digits(4))
	w := []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}
	sum := 0
	for i := range 10 {
		sum += int(s[i]-'0') * w[i]
	}
	return s + strconv.Itoa((10-sum%10)%10)
}

func consonants(s string) (c, v string) {
	for _, r := range strings.ToUpper(asciiFold(s)) {
		if r < 'A' || r > 'Z' {
			continue
		}
		if strings.ContainsRune("AEIOU", r) {
			v += string(r)
		} else {
			c += string(r)
		}
	}
	return
}

func cfPart(s string, given bool) string {
	c, v := consonants(s)
	if given && len(c) >= 4 {
		c = c[0:1] + c[2:4]
	}
	x := c + v + "XXX"
	return x[:3]
}

var cfOdd = map[byte]int{'0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
	'A': 1, 'B': 0, 'C': 5, 'D': 7, 'E': 9, 'F': 13, 'G': 15, 'H': 17, 'I': 19, 'J': 21, 'K': 2, 'L': 4, 'M': 18, 'N': 20,
	'O': 11, 'P': 3, 'Q': 6, 'R': 8, 'S': 12, 'T': 14, 'U': 16, 'V': 10, 'W': 22, 'X': 25, 'Y': 24, 'Z': 23}

// codiceFiscale builds an Italian fiscal code for a person born on t.
func (g *G) codiceFiscale(p person, t time.Time) string {
	day := t.Day()
	if g.chance(0.5) {
		day += 40
	}
	s := cfPart(p.surname, false) + cfPart(p.given, true) + fmt.Sprintf("%02d", t.Year()%100) + string("ABCDEHLMPRST"[int(t.Month())-1]) + fmt.Sprintf("%02d", day) + g.pick("H501", "F205", "L219", "G273", "A944", "D612")
	sum := 0
	for i := 0; i < 15; i++ {
		ch := s[i]
		if i%2 == 0 {
			sum += cfOdd[ch]
		} else if ch >= '0' && ch <= '9' {
			sum += int(ch - '0')
		} else {
			sum += int(ch - 'A')
		}
	}
	return s + string(rune('A'+sum%26))
}

func (g *G) curp(p person, t time.Time) string {
	sc, sv := consonants(p.surname)
	gc, _ := consonants(p.given)
	s1 := strings.ToUpper(asciiFold(p.surname))
	first := "X"
	if len(s1) > 0 && s1[0] >= 'A' && s1[0] <= 'Z' {
		first = s1[:1]
	}
	v := "X"
	if len(sv) > 0 {
		v = sv[:1]
	}
	c2 := g.from(upper, 1)
	h := g.from("BCDFGHJKLMNPQRSTVWXZ", 3)
	if len(sc) > 1 && len(gc) > 0 {
		h = sc[1:2] + g.from("BCDFGHJKLMNPQRSTVWXZ", 1) + gc[:1]
	}
	hom := g.from("0123456789", 1)
	if t.Year() >= 2000 {
		hom = g.from(upper, 1)
	}
	gi := "X"
	if gg := strings.ToUpper(asciiFold(p.given)); len(gg) > 0 && gg[0] >= 'A' && gg[0] <= 'Z' {
		gi = gg[:1]
	}
	s := first + v + c2 + gi + t.Format("060102") + g.pick("H", "M") + g.pick("DF", "JC", "NL", "MC", "PL", "VZ") + h + hom
	const al = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(al, s[i]) * (18 - i)
	}
	return s + strconv.Itoa((10-sum%10)%10)
}

func (g *G) rrn(t time.Time) string {
	sex := 1
	if t.Year() >= 2000 {
		sex = 3
	}
	sex += g.n(2)
	s := t.Format("060102") + strconv.Itoa(sex) + g.digits(5)
	w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i := range 12 {
		sum += int(s[i]-'0') * w[i]
	}
	return s[:6] + "-" + s[6:] + strconv.Itoa((11-sum%11)%10)
}

func (g *G) myNumber() string {
	s := g.digits(11)
	sum := 0
	for n := 1; n <= 11; n++ {
		p := int(s[11-n] - '0')
		q := n + 1
		if n >= 7 {
			q = n - 5
		}
		sum += p * q
	}
	r := sum % 11
	c := 0
	if r > 1 {
		c = 11 - r
	}
	return s + strconv.Itoa(c)
}

func (g *G) mbi() string {
	const a = "ACDEFGHJKMNPQRTUVWXY"
	const an = a + "0123456789"
	return strconv.Itoa(g.between(1, 9)) + g.from(a, 1) + g.from(an, 1) + g.digits(1) + g.from(a, 1) + g.from(an, 1) + g.digits(1) + g.from(a, 2) + g.digits(2)
}

func mod97(s string) int {
	r := 0
	for _, ch := range s {
		var v int
		if ch >= 'A' && ch <= 'Z' {
			v = int(ch-'A') + 10
			r = (r*100 + v) % 97
			continue
		}
		v = int(ch - '0')
		r = (r*10 + v) % 97
	}
	return r
}

func (g *G) iban() string {
	var cc, bban string
	switch g.n(4) {
	case 0:
		cc, bban = "DE", g.digits(18)
	case 1:
		cc, bban = "GB", g.pick("NWBK", "BARC", "LOYD", "HBUK", "MIDL")+g.digits(14)
	case 2:
		cc, bban = "NL", g.pick("ABNA", "INGB", "RABO", "TRIO")+g.digits(10)
	default:
		cc = "FR"
		bank, branch, acct := g.digits(5), g.digits(5), g.digits(11)
		n1, _ := strconv.ParseInt(bank, 10, 64)
		n2, _ := strconv.ParseInt(branch, 10, 64)
		n3, _ := strconv.ParseInt(acct, 10, 64)
		key := 97 - (89*n1+15*n2+3*(n3%97))%97
		bban = bank + branch + acct + fmt.Sprintf("%02d", key)
	}
	chk := 98 - mod97(bban+cc+"00")
	return fmt.Sprintf("%s%02d%s", cc, chk, bban)
}

func vinValue(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return int("12345678012345070923456789"[c-'A'] - '0')
}

func (g *G) vin() string {
	const al = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
	b := []byte(g.pick("1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "WBA", "KMH", "1G1", "4T1") + g.from(al, 5) + "0" + g.from("LMNPRST", 1) + g.from(al, 1) + g.digits(6))
	w := []int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	sum := 0
	for i := range 17 {
		sum += vinValue(b[i]) * w[i]
	}
	if c := sum % 11; c == 10 {
		b[8] = 'X'
	} else {
		b[8] = byte('0' + c)
	}
	return string(b)
}

func (g *G) plate() string {
	switch g.n(5) {
	case 0:
		return strconv.Itoa(g.between(1, 9)) + g.from(upper, 3) + g.digits(3)
	case 1:
		return g.from(upper, 3) + "-" + g.digits(4)
	case 2:
		return g.from("ABCDEFGHJKLMNOPRSTVWXY", 2) + g.digits(2) + " " + g.from("ABCDEFGHJKLMNOPRSTVWXYZ", 3)
	case 3:
		return g.pick("B", "M", "HH", "K") + "-" + g.from(upper, 2) + " " + strconv.Itoa(g.between(1, 9999))
	}
	return g.from(upper, 3) + g.digits(4)
}

func (g *G) imei() string { return withLuhn(g.pick("35", "86", "01", "99") + g.digits(12)) }

func (g *G) mac(sep string) string {
	o := make([]string, 6)
	for i := range o {
		o[i] = g.hex(2)
	}
	if g.chance(0.4) {
		for i := range o {
			o[i] = strings.ToUpper(o[i])
		}
	}
	if sep == "." {
		j := strings.Join(o, "")
		return j[0:4] + "." + j[4:8] + "." + j[8:]
	}
	return strings.Join(o, sep)
}

func gtinCheck(s string) string {
	sum := 0
	for i := 0; i < len(s); i++ {
		d := int(s[len(s)-1-i] - '0')
		if i%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return s + strconv.Itoa((10-sum%10)%10)
}

func (g *G) gtin() string {
	return gtinCheck("0" + g.pick("0885403", "0884521", "0761402", "0400154", "0081393") + g.digits(5))
}

func (g *G) udi() string {
	exp := fmt.Sprintf("%02d%02d%02d", g.between(25, 29), g.between(1, 12), g.between(1, 28))
	return "(01)" + g.gtin() + "(17)" + exp + "(10)" + g.from(alnumUp, 6) + "(21)" + g.from(alnumUp, g.between(6, 11))
}

func (g *G) serial() string {
	switch g.n(5) {
	case 0:
		return g.from(alnumUp, 10)
	case 1:
		return "SN" + g.digits(8)
	case 2:
		return g.from(upper, 3) + g.digits(7)
	case 3:
		return g.from(upper, 2) + g.digits(2) + "-" + g.from(alnumUp, 6)
	}
	return strings.ToUpper(g.hex(12))
}

func (g *G) npi() string {
	for {
		s := g.pick("1", "2") + g.digits(8)
		d := luhnDigit("80840" + s)
		return s + strconv.Itoa(d)
	}
}

func (g *G) mrn() string {
	switch g.n(8) {
	case 0:
		return g.digits(7)
	case 1:
		return g.nz(8)
	case 2:
		return "MRN" + g.digits(8)
	case 3:
		return "E" + g.digits(7)
	case 4:
		return "00" + g.digits(8)
	case 5:
		return "M" + g.digits(9)
	case 6:
		return g.pick("MGH", "BWH", "UCSF", "NYP", "CCF") + "-" + g.digits(7)
	}
	return g.nz(6)
}

func (g *G) memberID() string {
	switch g.n(6) {
	case 0:
		return g.from(upper, 3) + g.digits(9)
	case 1:
		return "W" + g.digits(9)
	case 2:
		return g.nz(9) + "01"
	case 3:
		return "XEH" + g.digits(9)
	case 4:
		return "ZGP" + g.digits(8)
	}
	return "U" + g.digits(8) + "0" + g.digits(1)
}

func (g *G) claimNo() string {
	switch g.n(4) {
	case 0:
		return "CLM-" + g.digits(10)
	case 1:
		return g.digits(4) + g.digits(3) + g.digits(6)
	case 2:
		return "2" + g.digits(13)
	}
	return g.from(upper, 2) + g.digits(11)
}

func (g *G) acct() string {
	return g.pick("A", "G", "HAR", "PA", "") + g.nz(g.between(7, 10))
}

func (g *G) dl() string {
	switch g.n(5) {
	case 0:
		return g.from(upper, 1) + g.digits(7)
	case 1:
		return g.nz(9)
	case 2:
		return g.from(upper, 1) + g.digits(3) + "-" + g.digits(3) + "-" + g.digits(2) + "-" + g.digits(3) + "-" + g.digits(1)
	case 3:
		return g.digits(8)
	}
	return g.from(upper, 1) + g.digits(12)
}

func (g *G) passport() string {
	return g.pick(g.nz(9), g.from(upper, 1)+g.digits(8), g.from(upper, 2)+g.digits(7), "C"+g.from("0123456789CFGHJKLMNPRTVWXYZ", 8))
}

func (g *G) ipv4Public() string {
	for {
		a := g.between(23, 223)
		if a == 127 || a == 100 || a == 169 || a == 172 || a == 192 || a == 198 || a == 203 {
			continue
		}
		return fmt.Sprintf("%d.%d.%d.%d", a, g.n(256), g.n(256), g.between(1, 254))
	}
}

func (g *G) ipv6Public() string {
	return fmt.Sprintf("2%s:%s:%s:%s:%s:%s:%s:%s", g.hex(3), g.hex(4), g.hex(4), g.hex(4), g.hex(4), g.hex(4), g.hex(4), g.hex(4))
}

func (g *G) street() string {
	return strconv.Itoa(g.between(1, 9899)) + " " + g.pick("Maple", "Oak", "Cedar", "Pine", "Elm", "Walnut", "Hillcrest", "Sunset", "Lakeview", "Riverside", "Meadow", "Park", "Chestnut", "Willow", "Highland", "Spring", "Prospect", "Mill") + " " + g.pick("St", "Street", "Ave", "Avenue", "Rd", "Dr", "Ln", "Ct", "Blvd", "Way", "Pl", "Ter")
}

func (g *G) cityStateZip() (city, st, zip string) {
	i := g.n(12)
	city = []string{"Springfield", "Worcester", "Dayton", "Fresno", "Tacoma", "Toledo", "Mesa", "Lubbock", "Eugene", "Akron", "Macon", "Provo"}[i]
	st = []string{"IL", "MA", "OH", "CA", "WA", "OH", "AZ", "TX", "OR", "OH", "GA", "UT"}[i]
	zip = []string{"627", "016", "454", "937", "984", "436", "852", "794", "974", "443", "312", "846"}[i] + g.digits(2)
	return
}

var restrictedZIP3 = []string{"036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893"}
var openZIP3 = []string{"021", "100", "606", "941", "331", "770", "981", "303", "191", "852", "482", "554"}

func (g *G) sha256() string { return g.hex(64) }
