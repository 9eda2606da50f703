package sealed

import (
	_ "embed"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/names.tsv
var namesTSV string

// person is one synthetic individual: a given name and a surname drawn
// independently from one source (US lists or one faker locale).
type person struct {
	given, family string
	src           string
	cjk           bool // family name first, no separator
}

var (
	usGiven, usFamily []string
	intlGiven         = map[string][]string{}
	intlFamily        = map[string][]string{}
	intlLocales       []string
	asciiLocales      []string
)

func init() {
	for i, ln := range strings.Split(strings.TrimSpace(namesTSV), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(ln, "\t")
		if len(f) != 3 {
			panic("names.tsv: bad line " + ln)
		}
		src, kind, name := f[0], f[1], f[2]
		switch {
		case src == "us" && kind == "given":
			usGiven = append(usGiven, name)
		case src == "us":
			usFamily = append(usFamily, name)
		case kind == "given":
			if _, ok := intlGiven[src]; !ok && intlFamily[src] == nil {
				intlLocales = append(intlLocales, src)
			}
			intlGiven[src] = append(intlGiven[src], name)
		default:
			if _, ok := intlGiven[src]; !ok && intlFamily[src] == nil {
				intlLocales = append(intlLocales, src)
			}
			intlFamily[src] = append(intlFamily[src], name)
		}
	}
	for _, l := range intlLocales {
		n := 0
		for _, s := range append(append([]string{}, intlGiven[l]...), intlFamily[l]...) {
			if _, ok := asciiFold(s); ok {
				n++
			}
		}
		if n*10 >= 9*(len(intlGiven[l])+len(intlFamily[l])) {
			asciiLocales = append(asciiLocales, l)
		}
	}
}

var foldMap = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ę': "e", 'ě': "e", 'ə': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
	'ý': "y", 'ÿ': "y", 'ç': "c", 'č': "c", 'ć': "c", 'ñ': "n", 'ń': "n", 'ň': "n",
	'š': "s", 'ś': "s", 'ş': "s", 'ș': "s", 'ž': "z", 'ź': "z", 'ż': "z", 'ř': "r", 'ŕ': "r",
	'ľ': "l", 'ĺ': "l", 'ł': "l", 'ď': "d", 'đ': "d", 'ť': "t", 'ț': "t", 'ţ': "t", 'ğ': "g", 'ß': "ss",
	'æ': "ae", 'œ': "oe", 'ŵ': "w", 'ŷ': "y", '\'': "", '’': "", 'ʻ': "", '-': "-",
}

// asciiFold folds Latin diacritics; ok is false when letters outside Latin remain.
func asciiFold(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		lr := unicode.ToLower(r)
		up := lr != r
		switch {
		case r < 128 && (unicode.IsLetter(r) || r == '-'):
			b.WriteRune(r)
		case foldMap[lr] != "" || r == '\'' || r == '’' || r == 'ʻ':
			f := foldMap[lr]
			if up && f != "" {
				f = strings.ToUpper(f[:1]) + f[1:]
			}
			b.WriteString(f)
		default:
			return "", false
		}
	}
	return b.String(), b.Len() > 0
}

// g is the per-line generation state.
type g struct {
	r      *rand.Rand
	ascii  bool
	p      *person
	ts     [3]int
	hasTS  bool
	acct   string
	region string
}

func (x *g) intn(n int) int       { return x.r.IntN(n) }
func (x *g) between(a, b int) int { return a + x.r.IntN(b-a+1) }
func (x *g) chance(p float64) bool {
	return x.r.Float64() < p
}
func pick[T any](x *g, s []T) T { return s[x.r.IntN(len(s))] }

func (x *g) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + x.intn(10))
	}
	return string(b)
}

func (x *g) nzdigits(n int) string { return strconv.Itoa(x.between(1, 9)) + x.digits(n-1) }

func (x *g) letters(n int, alpha string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alpha[x.intn(len(alpha))]
	}
	return string(b)
}

const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
const lowerHex = "0123456789abcdef"
const alnumU = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
const alnumL = "abcdefghijklmnopqrstuvwxyz0123456789"

func (x *g) hex(n int) string { return x.letters(n, lowerHex) }

// person returns the line's person, drawing one on first use.
func (x *g) person() *person {
	if x.p != nil {
		return x.p
	}
	var p person
	if x.ascii {
		if x.chance(0.75) {
			p = person{pick(x, usGiven), pick(x, usFamily), "us", false}
		} else {
			l := pick(x, asciiLocales)
			for {
				gv, ok1 := asciiFold(pick(x, intlGiven[l]))
				fm, ok2 := asciiFold(pick(x, intlFamily[l]))
				if ok1 && ok2 {
					p = person{gv, fm, l, false}
					break
				}
			}
		}
	} else if x.chance(0.6) {
		p = person{pick(x, usGiven), pick(x, usFamily), "us", false}
	} else {
		l := pick(x, intlLocales)
		p = person{pick(x, intlGiven[l]), pick(x, intlFamily[l]), l, l == "zh_TW"}
	}
	x.p = &p
	return x.p
}

func title(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + strings.ToLower(s[n:])
}

func initial(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	return string(r)
}

// fullName renders the line's person in one of many styles.
func (x *g) fullName(style string) string {
	p := x.person()
	gv, fm := p.given, p.family
	lo, up := strings.ToLower, strings.ToUpper
	if p.cjk {
		switch style {
		case "dicom", "hl7":
			return fm + "^" + gv
		case "space", "mi", "comma", "rspace":
			if x.chance(0.5) {
				return fm + " " + gv
			}
		}
		return fm + gv
	}
	mi := string(rune('A' + x.intn(26)))
	switch style {
	case "snake":
		return lo(gv) + "_" + lo(fm)
	case "Snake":
		return gv + "_" + fm
	case "rsnake":
		return lo(fm) + "_" + lo(gv)
	case "kebab":
		return lo(gv) + "-" + lo(fm)
	case "rkebab":
		return lo(fm) + "-" + lo(gv)
	case "camel":
		return title(gv) + title(fm)
	case "lcamel":
		return lo(gv) + title(fm)
	case "dot":
		return lo(gv) + "." + lo(fm)
	case "space":
		return gv + " " + fm
	case "rspace":
		return fm + " " + gv
	case "upper":
		return up(gv) + " " + up(fm)
	case "UPPERSNAKE":
		return up(fm) + "_" + up(gv)
	case "comma":
		return fm + ", " + gv
	case "commanosp":
		return up(fm) + "," + up(gv)
	case "dicom":
		if x.chance(0.5) {
			return up(fm) + "^" + up(gv) + "^" + mi
		}
		return up(fm) + "^" + up(gv)
	case "hl7":
		return up(fm) + "^" + up(gv) + "^" + mi + "^^^"
	case "pct":
		return gv + "%20" + fm
	case "plus":
		return gv + "+" + fm
	case "mi":
		return gv + " " + mi + ". " + fm
	case "initial":
		return lo(initial(gv)) + lo(fm)
	case "initdot":
		return lo(initial(gv)) + "." + lo(fm)
	case "lastfi":
		return lo(fm) + "_" + lo(initial(gv))
	case "handle":
		return lo(initial(gv)) + lo(fm) + strconv.Itoa(x.between(1, 99))
	case "handle2":
		return lo(gv) + "_" + lo(fm)[:min(len(lo(fm)), 1)] + x.digits(2)
	case "initials":
		return up(initial(gv)) + mi + up(initial(fm))
	case "any":
		return x.fullName(pick(x, []string{"snake", "Snake", "rsnake", "kebab", "camel", "dot", "space", "upper", "comma", "dicom", "mi", "initial", "rspace"}))
	case "anypath":
		return x.fullName(pick(x, []string{"snake", "Snake", "rsnake", "kebab", "rkebab", "camel", "lcamel", "dot", "UPPERSNAKE", "dicom", "initial", "initdot", "lastfi", "pct", "handle2"}))
	case "anyascii":
		return x.fullName(pick(x, []string{"kebab", "rkebab", "dot", "initial", "snake"}))
	}
	panic("unknown name style " + style)
}

// ---- dates ----

var monthsEN = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
var monthNames = map[string][]string{
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	"it": {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	"pt": {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
	"nl": {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	"ru": {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
	"pl": {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
	"sv": {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
	"tr": {"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"},
}
var weekdaysEN = []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func (x *g) date(y0, y1 int) [3]int {
	y := x.between(y0, y1)
	m := x.between(1, 12)
	return [3]int{y, m, x.between(1, daysIn(y, m))}
}

// weekday by Sakamoto's method, 0 = Monday.
func weekday(d [3]int) int {
	t := []int{0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4}
	y := d[0]
	if d[1] < 3 {
		y--
	}
	w := (y + y/4 - y/100 + y/400 + t[d[1]-1] + d[2]) % 7 // 0 = Sunday
	return (w + 6) % 7
}

var pathDateFormats = []string{"iso", "compact", "us", "eu", "dmon", "dmonY", "ymd_", "usdash2", "monDY"}

func (x *g) fmtDate(d [3]int, f string) string {
	y, m, dd := d[0], d[1], d[2]
	mon := monthsEN[m-1]
	switch f {
	case "any":
		return x.fmtDate(d, pick(x, pathDateFormats))
	case "iso":
		return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
	case "compact":
		return fmt.Sprintf("%04d%02d%02d", y, m, dd)
	case "ymd_":
		return fmt.Sprintf("%04d_%02d_%02d", y, m, dd)
	case "slash":
		return fmt.Sprintf("%04d/%02d/%02d", y, m, dd)
	case "us":
		return fmt.Sprintf("%02d-%02d-%04d", m, dd, y)
	case "usslash":
		return fmt.Sprintf("%02d/%02d/%04d", m, dd, y)
	case "usshort":
		return fmt.Sprintf("%d/%d/%02d", m, dd, y%100)
	case "usdash2":
		return fmt.Sprintf("%02d%02d%04d", m, dd, y)
	case "eu":
		return fmt.Sprintf("%02d.%02d.%04d", dd, m, y)
	case "euslash":
		return fmt.Sprintf("%02d/%02d/%04d", dd, m, y)
	case "dmon":
		return fmt.Sprintf("%02d-%s-%04d", dd, mon[:3], y)
	case "dmonY":
		return fmt.Sprintf("%02d%s%04d", dd, strings.ToUpper(mon[:3]), y)
	case "monDY":
		return fmt.Sprintf("%s%02d%04d", mon[:3], dd, y)
	case "long":
		return fmt.Sprintf("%s %d, %d", mon, dd, y)
	case "md":
		return fmt.Sprintf("%s, %s %d", weekdaysEN[weekday(d)], mon[:3], dd)
	case "hl7ts":
		return fmt.Sprintf("%04d%02d%02d%02d%02d", y, m, dd, x.intn(24), x.intn(60))
	case "isodt":
		return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, dd, x.intn(24), x.intn(60), x.intn(60))
	case "ja", "zh":
		return fmt.Sprintf("%d年%d月%d日", y, m, dd)
	case "ko":
		return fmt.Sprintf("%d년 %d월 %d일", y, m, dd)
	case "fr", "es", "it", "pt", "nl", "ru", "pl", "sv", "tr":
		mn := monthNames[f][m-1]
		switch f {
		case "es", "pt":
			return fmt.Sprintf("%d de %s de %d", dd, mn, y)
		case "ru":
			return fmt.Sprintf("%d %s %d г.", dd, mn, y)
		}
		return fmt.Sprintf("%d %s %d", dd, mn, y)
	case "de":
		return fmt.Sprintf("%d. %s %d", dd, monthNames["de"][m-1], y)
	case "hive":
		return fmt.Sprintf("year=%04d/month=%02d/day=%02d", y, m, dd)
	case "hivedt":
		return fmt.Sprintf("dt=%04d-%02d-%02d", y, m, dd)
	case "ctrail":
		return fmt.Sprintf("%04d%02d%02dT%02d%02dZ", y, m, dd, x.intn(24), x.intn(12)*5)
	case "fh":
		return fmt.Sprintf("%04d-%02d-%02d-%02d-%02d-%02d", y, m, dd, x.intn(24), x.intn(60), x.intn(60))
	case "ym":
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	panic("unknown date format " + f)
}

// ---- check digits ----

func luhnDigit(s string) int {
	sum := 0
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if (len(s)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return (10 - sum%10) % 10
}

func (x *g) luhn(prefix string, n int) string {
	s := prefix + x.digits(n-len(prefix)-1)
	return s + strconv.Itoa(luhnDigit(s))
}

func mod97(s string) int {
	r := 0
	for _, c := range s {
		var v int
		if c >= 'A' && c <= 'Z' {
			v = int(c-'A') + 10
			r = (r*100 + v) % 97
			continue
		}
		v = int(c - '0')
		r = (r*10 + v) % 97
	}
	return r
}

var ibanLen = map[string]int{"DE": 18, "GB": 18, "FR": 23, "NL": 14, "ES": 20, "IT": 23, "BE": 12, "AT": 16, "IE": 18, "PT": 21}

func (x *g) iban() string {
	cc := pick(x, []string{"DE", "GB", "FR", "NL", "ES", "IT", "BE", "AT", "IE", "PT"})
	var bban string
	switch cc {
	case "GB":
		bban = x.letters(4, upper) + x.digits(14)
	case "NL":
		bban = x.letters(4, upper) + x.digits(10)
	case "IE":
		bban = x.letters(4, upper) + x.digits(14)
	case "IT":
		bban = x.letters(1, upper) + x.digits(22)
	default:
		bban = x.digits(ibanLen[cc])
	}
	ck := 98 - mod97(bban+cc+"00")
	return fmt.Sprintf("%s%02d%s", cc, ck, bban)
}

func vinValue(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return map[byte]int{'A': 1, 'B': 2, 'C': 3, 'D': 4, 'E': 5, 'F': 6, 'G': 7, 'H': 8, 'J': 1, 'K': 2, 'L': 3, 'M': 4, 'N': 5, 'P': 7, 'R': 9, 'S': 2, 'T': 3, 'U': 4, 'V': 5, 'W': 6, 'X': 7, 'Y': 8, 'Z': 9}[c]
}

func (x *g) vin() string {
	const al = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
	wmi := pick(x, []string{"1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "KMH", "WBA", "1G1", "4T1", "JN1", "WAU"})
	b := []byte(wmi + x.letters(5, al) + "0" + x.letters(1, "ABCDEFGHJKLMNPRSTVWXY123456789") + x.letters(1, al) + x.digits(6))
	w := []int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	sum := 0
	for i, c := range b {
		sum += vinValue(c) * w[i]
	}
	ck := sum % 11
	if ck == 10 {
		b[8] = 'X'
	} else {
		b[8] = byte('0' + ck)
	}
	return string(b)
}

func (x *g) ssn(f string) string {
	var a int
	for {
		a = x.between(1, 899)
		if a != 666 {
			break
		}
	}
	gr, se := x.between(1, 99), x.between(1, 9999)
	switch f {
	case "plain":
		return fmt.Sprintf("%03d%02d%04d", a, gr, se)
	case "space":
		return fmt.Sprintf("%03d %02d %04d", a, gr, se)
	}
	return fmt.Sprintf("%03d-%02d-%04d", a, gr, se)
}

func (x *g) nhs() string {
	for {
		d := x.nzdigits(9)
		s := 0
		for i := 0; i < 9; i++ {
			s += int(d[i]-'0') * (10 - i)
		}
		c := 11 - s%11
		if c == 11 {
			c = 0
		}
		if c == 10 {
			continue
		}
		return d + strconv.Itoa(c)
	}
}

func (x *g) bsn() string {
	for {
		d := x.nzdigits(8)
		s := 0
		for i := 0; i < 8; i++ {
			s += int(d[i]-'0') * (9 - i)
		}
		c := s % 11
		if c == 10 {
			continue
		}
		return d + strconv.Itoa(c)
	}
}

func (x *g) cpf(dotted bool) string {
	d := x.digits(9)
	for k := 0; k < 2; k++ {
		s := 0
		for i := 0; i < len(d); i++ {
			s += int(d[i]-'0') * (len(d) + 1 - i)
		}
		c := (s * 10) % 11
		if c == 10 {
			c = 0
		}
		d += strconv.Itoa(c)
	}
	if dotted {
		return d[:3] + "." + d[3:6] + "." + d[6:9] + "-" + d[9:]
	}
	return d
}

func (x *g) nir() string {
	sex := x.between(1, 2)
	b := fmt.Sprintf("%d%02d%02d%02d%03d%03d", sex, x.between(20, 99), x.between(1, 12), x.between(1, 95), x.between(1, 990), x.between(1, 999))
	n, _ := strconv.ParseInt(b, 10, 64)
	return fmt.Sprintf("%s %02d", b, 97-n%97)
}

// personnummerOK computes the Swedish check digit properly (Luhn over 9 digits).
func (x *g) personnummerOK() string {
	d := x.date(1930, 2005)
	b := fmt.Sprintf("%02d%02d%02d%03d", d[0]%100, d[1], d[2], x.intn(1000))
	return b[:6] + "-" + b[6:] + strconv.Itoa(luhnDigit(b))
}

func (x *g) pesel() string {
	d := x.date(1930, 2005)
	m := d[1]
	if d[0] >= 2000 {
		m += 20
	}
	b := fmt.Sprintf("%02d%02d%02d%04d", d[0]%100, m, d[2], x.intn(10000))
	w := []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}
	s := 0
	for i := 0; i < 10; i++ {
		s += int(b[i]-'0') * w[i]
	}
	return b + strconv.Itoa((10-s%10)%10)
}

func (x *g) sin() string { return x.luhn(strconv.Itoa(x.between(1, 7)), 9) }

func (x *g) dni() string {
	n := x.between(10000000, 99999999)
	return fmt.Sprintf("%08d%c", n, "TRWAGMYFPDXBNJZSQVHLCKE"[n%23])
}

func (x *g) hetu() string {
	d := x.date(1930, 1999)
	ind := x.between(2, 899)
	n := d[2]*10000000 + d[1]*100000 + (d[0]%100)*1000 + ind
	return fmt.Sprintf("%02d%02d%02d-%03d%c", d[2], d[1], d[0]%100, ind, "0123456789ABCDEFHJKLMNPRSTUVWXY"[n%31])
}

var verD = [10][10]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1}, {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}}
var verP = [8][10]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1}, {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}}
var verInv = [10]int{0, 4, 3, 2, 1, 5, 6, 7, 8, 9}

func (x *g) aadhaar() string {
	b := strconv.Itoa(x.between(2, 9)) + x.digits(10)
	c := 0
	for i := 0; i < len(b); i++ {
		c = verD[c][verP[(i+1)%8][int(b[len(b)-1-i]-'0')]]
	}
	s := b + strconv.Itoa(verInv[c])
	return s[:4] + " " + s[4:8] + " " + s[8:]
}

func (x *g) nino() string {
	const a = "ABCEGHJKLMNOPRSTWXYZ"
	const b = "ABCEGHJKLMNPRSTWXYZ"
	for {
		p := x.letters(1, a) + x.letters(1, b)
		switch p {
		case "GB", "BG", "NK", "KN", "TN", "NT", "ZZ":
			continue
		}
		return p + x.digits(6) + x.letters(1, "ABCD")
	}
}

func (x *g) chinaID() string {
	d := x.date(1935, 2005)
	b := fmt.Sprintf("%06d%04d%02d%02d%03d", x.between(110000, 659000), d[0], d[1], d[2], x.intn(1000))
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	s := 0
	for i := 0; i < 17; i++ {
		s += int(b[i]-'0') * w[i]
	}
	return b + string("10X98765432"[s%11])
}

func (x *g) mbi() string {
	const al = "ACDEFGHJKMNPQRTUVWXY"
	an := al + "0123456789"
	return strconv.Itoa(x.between(1, 9)) + x.letters(1, al) + x.letters(1, an) + x.digits(1) + x.letters(1, al) + x.letters(1, an) + x.digits(1) + x.letters(2, al) + x.digits(2)
}

func (x *g) kvnr() string {
	l := x.intn(26)
	b := fmt.Sprintf("%02d", l+1) + x.digits(8)
	s := 0
	for i := 0; i < 10; i++ {
		d := int(b[i]-'0') * (1 + i%2)
		s += d/10 + d%10
	}
	return string(rune('A'+l)) + b[2:] + strconv.Itoa(s%10)
}

func (x *g) auMedicare() string {
	b := strconv.Itoa(x.between(2, 6)) + x.digits(7)
	w := []int{1, 3, 7, 9, 1, 3, 7, 9}
	s := 0
	for i := 0; i < 8; i++ {
		s += int(b[i]-'0') * w[i]
	}
	return b + strconv.Itoa(s%10) + strconv.Itoa(x.between(1, 9))
}

func (x *g) npi() string {
	b := strconv.Itoa(x.between(1, 2)) + x.digits(8)
	return b + strconv.Itoa(luhnDigit("80840"+b))
}

func (x *g) imei() string { return x.luhn(pick(x, []string{"35", "86", "01", "99", "49"}), 15) }

func gtinCheck(s string) int {
	sum := 0
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if (len(s)-1-i)%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return (10 - sum%10) % 10
}

func (x *g) gtin() string {
	b := "0" + x.nzdigits(12)
	return b + strconv.Itoa(gtinCheck(b))
}

func (x *g) mac(sep string) string {
	p := make([]string, 6)
	for i := range p {
		p[i] = x.letters(2, "0123456789ABCDEF")
	}
	return strings.Join(p, sep)
}

func (x *g) uuid() string {
	h := x.hex(32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + string("89ab"[x.intn(4)]) + h[17:20] + "-" + h[20:]
}

func (x *g) ulid() string { return "01" + x.letters(24, "0123456789ABCDEFGHJKMNPQRSTVWXYZ") }

func (x *g) publicIPv4() string {
	for {
		a := x.between(23, 223)
		switch a {
		case 127, 169, 172, 192, 198, 203, 100:
			continue
		}
		return fmt.Sprintf("%d.%d.%d.%d", a, x.intn(256), x.intn(256), x.between(1, 254))
	}
}

func (x *g) phoneNANP() (string, string, string) {
	var area int
	for {
		area = x.between(201, 989)
		if area%100 != 11 && (area/10)%10 != 9 {
			break
		}
	}
	var ex int
	for {
		ex = x.between(201, 999)
		if ex%100 != 11 && ex != 555 {
			break
		}
	}
	return strconv.Itoa(area), strconv.Itoa(ex), x.digits(4)
}

func (x *g) phone(f string) string {
	a, e, l := x.phoneNANP()
	switch f {
	case "any":
		return x.phone(pick(x, []string{"dash", "dots", "digits", "e164", "paren", "one", "pct"}))
	case "anytext":
		return x.phone(pick(x, []string{"dash", "dots", "paren", "e164", "one", "intl"}))
	case "dash":
		return a + "-" + e + "-" + l
	case "dots":
		return a + "." + e + "." + l
	case "digits":
		return a + e + l
	case "e164":
		return "+1" + a + e + l
	case "pct":
		return "%2B1" + a + e + l
	case "paren":
		return "(" + a + ") " + e + "-" + l
	case "one":
		return "1-" + a + "-" + e + "-" + l
	case "intl":
		switch x.intn(6) {
		case 0:
			return "+44 20 " + strconv.Itoa(x.between(7000, 8999)) + " " + x.digits(4)
		case 1:
			return "+49 30 " + x.nzdigits(8)
		case 2:
			return fmt.Sprintf("+33 %d %s %s %s %s", x.between(1, 7), x.digits(2), x.digits(2), x.digits(2), x.digits(2))
		case 3:
			return "+81 3-" + x.nzdigits(4) + "-" + x.digits(4)
		case 4:
			return "+91 " + strconv.Itoa(x.between(7, 9)) + x.digits(4) + " " + x.digits(5)
		default:
			return "+52 55 " + x.nzdigits(4) + " " + x.digits(4)
		}
	case "intlpath":
		switch x.intn(4) {
		case 0:
			return "+4420" + x.nzdigits(8)
		case 1:
			return "+4930" + x.nzdigits(8)
		case 2:
			return "+3361" + x.digits(7)
		default:
			return "+61" + strconv.Itoa(x.between(2, 4)) + x.nzdigits(8)
		}
	}
	panic("unknown phone format " + f)
}
