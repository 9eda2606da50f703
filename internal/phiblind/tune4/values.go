package tune4

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

//go:embed data/names.tsv
var namesTSV string

type locale struct {
	code          string
	given, family []string
}

var locales = parseNames(namesTSV)

func parseNames(s string) []locale {
	var out []locale
	for _, ln := range strings.Split(strings.TrimSpace(s), "\n") {
		f := strings.Split(ln, "\t")
		if len(f) != 3 || f[1] == "" || f[2] == "" {
			continue
		}
		out = append(out, locale{f[0], strings.Split(f[1], "|"), strings.Split(f[2], "|")})
	}
	return out
}

// rng is splitmix64: small, fixed, and the same on every Go release.
type rng struct{ s uint64 }

func (r *rng) u64() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// g is the value generator handed to templates.
type g struct{ r *rng }

func (x *g) n(k int) int { return int(x.r.u64() % uint64(k)) }

// in returns an int in [lo, hi].
func (x *g) in(lo, hi int) int        { return lo + x.n(hi-lo+1) }
func (x *g) p(pr float64) bool        { return float64(x.r.u64()>>11)/(1<<53) < pr }
func (x *g) pick(ss ...string) string { return ss[x.n(len(ss))] }

func (x *g) digits(k int) string {
	b := make([]byte, k)
	for i := range b {
		b[i] = byte('0' + x.n(10))
	}
	return string(b)
}

func (x *g) from(alpha string, k int) string {
	b := make([]byte, k)
	for i := range b {
		b[i] = alpha[x.n(len(alpha))]
	}
	return string(b)
}

const (
	upper  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	lower  = "abcdefghijklmnopqrstuvwxyz"
	hexLow = "0123456789abcdef"
	alnum  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b32    = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
)

func (x *g) hex(k int) string { return x.from(hexLow, k) }

func (x *g) uuid() string {
	h := x.hex(32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + x.pick("8", "9", "a", "b") + h[17:20] + "-" + h[20:]
}

func (x *g) ulid() string { return "01" + x.from("HJKMN", 1) + x.from(b32, 23) }
func (x *g) ksuid() string {
	return x.from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 27)
}
func (x *g) nanoid() string {
	return x.from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-", 21)
}
func (x *g) acct() string { return fmt.Sprintf("%d%s", x.in(1, 9), x.digits(11)) }
func (x *g) region() string {
	return x.pick("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "ap-northeast-1", "sa-east-1", "ca-central-1", "ap-south-1", "me-central-1", "eu-west-2", "ap-southeast-2")
}

// ---------- people ----------

type person struct {
	loc           string
	given, family string
}

func (x *g) person() person {
	var l locale
	if x.p(0.35) {
		l = locales[0] // us
	} else {
		l = locales[1+x.n(len(locales)-1)]
	}
	return person{l.code, l.given[x.n(len(l.given))], l.family[x.n(len(l.family))]}
}

// latin returns a person whose name folds to ASCII letters.
func (x *g) latin() person {
	for {
		p := x.person()
		if isASCIIWord(fold(p.given)) && isASCIIWord(fold(p.family)) {
			return p
		}
	}
}

func isASCIIWord(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ' || c == '-' || c == '\'') {
			return false
		}
	}
	return true
}

func cjk(p person) bool { return p.loc == "zh_CN" || p.loc == "ja" || p.loc == "ko" }

var foldR = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "ą", "a", "ă", "a",
	"Á", "A", "À", "A", "Â", "A", "Ä", "A", "Ã", "A", "Å", "A",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "ę", "e", "ě", "e", "É", "E", "È", "E",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "ı", "i", "İ", "I", "Í", "I",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ő", "o", "Ö", "O", "Ó", "O", "Ø", "O",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "ű", "u", "ů", "u", "Ü", "U", "Ú", "U",
	"ç", "c", "ć", "c", "č", "c", "Ç", "C", "Č", "C", "ñ", "n", "ń", "n", "ň", "n",
	"ś", "s", "š", "s", "ş", "s", "ș", "s", "Ş", "S", "Š", "S", "Ś", "S", "ß", "ss",
	"ž", "z", "ź", "z", "ż", "z", "Ż", "Z", "Ž", "Z", "ł", "l", "Ł", "L", "ğ", "g",
	"ř", "r", "ť", "t", "ț", "t", "ď", "d", "đ", "d", "Đ", "D", "ý", "y", "æ", "ae", "œ", "oe",
)

func fold(s string) string { return foldR.Replace(s) }

func lowerName(s string) string { return strings.ToLower(s) }

func sepName(s, sep string) string {
	s = strings.ReplaceAll(s, " ", sep)
	return strings.ReplaceAll(s, "'", "")
}

// render writes a person's name in one of the renderings real systems use.
func render(p person, style string) string {
	gv, fm := p.given, p.family
	if cjk(p) {
		switch style {
		case "full", "snake", "kebab", "dot", "camel", "pct", "plain":
			return fm + gv
		case "lastfirst":
			return fm + ", " + gv
		case "dicom":
			return fm + "^" + gv
		}
		return fm + gv
	}
	switch style {
	case "snake":
		return sepName(lowerName(gv), "_") + "_" + sepName(lowerName(fm), "_")
	case "kebab":
		return sepName(lowerName(gv), "-") + "-" + sepName(lowerName(fm), "-")
	case "dot":
		return sepName(lowerName(gv), ".") + "." + sepName(lowerName(fm), ".")
	case "camel":
		return sepName(gv, "") + sepName(fm, "")
	case "lastfirst":
		return fm + ", " + gv
	case "lastfirstnospace":
		return sepName(fm, "") + "," + sepName(gv, "")
	case "dicom":
		return strings.ToUpper(sepName(fm, " ")) + "^" + strings.ToUpper(sepName(gv, " "))
	case "initial":
		r := []rune(lowerName(gv))
		return string(r[0]) + sepName(lowerName(fm), "")
	case "pct":
		return strings.ReplaceAll(gv, " ", "%20") + "%20" + strings.ReplaceAll(fm, " ", "%20")
	case "upper":
		return strings.ToUpper(sepName(fm, "_")) + "_" + strings.ToUpper(sepName(gv, "_"))
	case "ascii":
		return sepName(lowerName(fold(gv)), "-") + "-" + sepName(lowerName(fold(fm)), "-")
	case "asciisnake":
		return sepName(lowerName(fold(gv)), "_") + "_" + sepName(lowerName(fold(fm)), "_")
	}
	return gv + " " + fm
}

func (x *g) style(keyish bool) string {
	if keyish {
		return x.pick("snake", "kebab", "dot", "camel", "initial", "upper", "pct", "lastfirstnospace")
	}
	return x.pick("full", "full", "lastfirst", "dicom", "snake", "camel")
}

// name returns a rendered name of a random person.
func (x *g) name(keyish bool) string { return render(x.person(), x.style(keyish)) }

// asciiName returns a bucket-safe name (a-z, '-').
func (x *g) asciiName() string { return render(x.latin(), "ascii") }

// ---------- dates ----------

type date struct{ y, m, d int }

func (x *g) dob() date   { return date{x.in(1926, 2021), x.in(1, 12), x.in(1, 28)} }
func (x *g) visit() date { return date{x.in(2019, 2026), x.in(1, 12), x.in(1, 28)} }

var monthNames = map[string][]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	"pt": {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"it": {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	"nl": {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	"pl": {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
	"tr": {"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"},
	"id": {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
	"th": {"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"},
	"ar": {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	"he": {"בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני", "ביולי", "באוגוסט", "בספטמבר", "באוקטובר", "בנובמבר", "בדצמבר"},
	"hi": {"जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"},
	"bn": {"জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"},
	"sw": {"Januari", "Februari", "Machi", "Aprili", "Mei", "Juni", "Julai", "Agosti", "Septemba", "Oktoba", "Novemba", "Desemba"},
	"tl": {"Enero", "Pebrero", "Marso", "Abril", "Mayo", "Hunyo", "Hulyo", "Agosto", "Setyembre", "Oktubre", "Nobyembre", "Disyembre"},
}

// key formats: safe in S3 keys and DynamoDB keys.
func (x *g) keyDate(t date) string {
	switch x.n(7) {
	case 0:
		return fmt.Sprintf("%04d-%02d-%02d", t.y, t.m, t.d)
	case 1:
		return fmt.Sprintf("%04d%02d%02d", t.y, t.m, t.d)
	case 2:
		return fmt.Sprintf("%02d-%02d-%04d", t.m, t.d, t.y)
	case 3:
		return fmt.Sprintf("%02d.%02d.%04d", t.d, t.m, t.y)
	case 4:
		return fmt.Sprintf("%02d%s%04d", t.d, strings.ToUpper(monthNames["en"][t.m-1][:3]), t.y)
	case 5:
		return fmt.Sprintf("%04d_%02d_%02d", t.y, t.m, t.d)
	}
	return fmt.Sprintf("%02d-%s-%04d", t.d, monthNames["en"][t.m-1][:3], t.y)
}

// textDate renders a date as written in a language (for subjects and values).
func textDate(t date, lang string) string {
	mn := func(l string) string { return monthNames[l][t.m-1] }
	switch lang {
	case "en":
		return fmt.Sprintf("%s %d, %d", mn("en"), t.d, t.y)
	case "enGB":
		return fmt.Sprintf("%d %s %d", t.d, mn("en"), t.y)
	case "us":
		return fmt.Sprintf("%d/%d/%d", t.m, t.d, t.y)
	case "es":
		return fmt.Sprintf("%d de %s de %d", t.d, mn("es"), t.y)
	case "pt":
		return fmt.Sprintf("%d de %s de %d", t.d, mn("pt"), t.y)
	case "fr":
		return fmt.Sprintf("%d %s %d", t.d, mn("fr"), t.y)
	case "de":
		return fmt.Sprintf("%d. %s %d", t.d, mn("de"), t.y)
	case "it", "nl", "pl", "tr", "id", "ar", "hi", "bn", "sw":
		return fmt.Sprintf("%d %s %d", t.d, mn(lang), t.y)
	case "tl":
		return fmt.Sprintf("%s %d, %d", mn("tl"), t.d, t.y)
	case "he":
		return fmt.Sprintf("%d %s %d", t.d, mn("he"), t.y)
	case "th": // Buddhist era
		return fmt.Sprintf("%d %s %d", t.d, mn("th"), t.y+543)
	case "zh":
		return fmt.Sprintf("%d年%d月%d日", t.y, t.m, t.d)
	case "ja": // Japanese era
		era, ey := "令和", t.y-2018
		switch {
		case t.y <= 1988:
			era, ey = "昭和", t.y-1925
		case t.y <= 2018:
			era, ey = "平成", t.y-1988
		}
		return fmt.Sprintf("%s%d年%d月%d日", era, ey, t.m, t.d)
	case "ko":
		return fmt.Sprintf("%d년 %d월 %d일", t.y, t.m, t.d)
	case "vi":
		return fmt.Sprintf("ngày %d tháng %d năm %d", t.d, t.m, t.y)
	case "dot":
		return fmt.Sprintf("%02d.%02d.%04d", t.d, t.m, t.y)
	case "slash":
		return fmt.Sprintf("%02d/%02d/%04d", t.d, t.m, t.y)
	}
	return fmt.Sprintf("%04d-%02d-%02d", t.y, t.m, t.d)
}

var langs = []string{"en", "enGB", "us", "es", "pt", "fr", "de", "it", "nl", "pl", "tr", "id", "th", "ar", "he", "hi", "bn", "sw", "tl", "zh", "ja", "ko", "vi", "dot", "slash", "iso"}

// ---------- geography ----------

var streets = []string{"Maple Ave", "Oak Street", "Lakeview Dr", "Cedar Ridge Rd", "Pine Hollow Ln", "Sunset Blvd", "Willow Creek Ct", "Elm St", "Harbor View Way", "Meadowbrook Pkwy", "Juniper Terrace", "Quarry Rd", "Birch Lane", "Orchard Hill Dr", "Riverside Ave", "Cypress Pt"}

func (x *g) usStreet() string { return fmt.Sprintf("%d %s", x.in(2, 9899), x.pick(streets...)) }

var usCities = []string{"Worcester", "Tacoma", "Boise", "Fresno", "Akron", "Dayton", "Yonkers", "Chula Vista", "Lubbock", "Paterson", "Hialeah", "Scranton", "Flagstaff", "Duluth", "Bend", "Kalamazoo", "Gainesville", "Provo", "Rochester", "Laredo"}

func (x *g) usZip() string { return fmt.Sprintf("%05d", x.in(1001, 99901)) }

var restrictedZip3 = []string{"036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893"}

// intlAddr returns a street address with postcode and city in a country's style.
func (x *g) intlAddr() string {
	switch x.n(12) {
	case 0:
		return fmt.Sprintf("Calle de %s %d, %05d %s", x.pick("Alcalá", "Goya", "Serrano", "la Paz"), x.in(1, 200), x.in(28001, 28080), "Madrid")
	case 1:
		return fmt.Sprintf("Rua %s, %d - %s, São Paulo - SP, %05d-%03d", x.pick("Augusta", "Haddock Lobo", "Oscar Freire", "Vergueiro"), x.in(10, 3000), x.pick("Pinheiros", "Moema", "Vila Mariana"), x.in(1000, 5999), x.in(0, 999))
	case 2:
		return fmt.Sprintf("%d rue des %s, 750%02d Paris", x.in(1, 120), x.pick("Lilas", "Acacias", "Martyrs", "Rosiers"), x.in(1, 20))
	case 3:
		return fmt.Sprintf("%sstraße %d, %05d %s", x.pick("Haupt", "Linden", "Schiller", "Garten"), x.in(1, 150), x.in(10115, 14199), "Berlin")
	case 4:
		return fmt.Sprintf("Flat %d, %d %s Road, London %s%d %d%s", x.in(1, 40), x.in(1, 300), x.pick("Kingsland", "Holloway", "Cromwell", "Brixton"), x.pick("N", "E", "SW", "SE", "NW"), x.in(1, 19), x.in(1, 9), x.from("ABDEFGHJLNPQRSTUWXYZ", 2))
	case 5:
		return fmt.Sprintf("%s %d-%d-%d", x.pick("東京都世田谷区桜新町", "大阪府大阪市北区梅田", "神奈川県横浜市港北区日吉"), x.in(1, 5), x.in(1, 30), x.in(1, 20))
	case 6:
		return fmt.Sprintf("Via %s %d, %05d %s", x.pick("Roma", "Garibaldi", "Mazzini", "dei Mille"), x.in(1, 200), x.in(20121, 20162), "Milano")
	case 7:
		return fmt.Sprintf("%sstraat %d, %04d %s Amsterdam", x.pick("Keizer", "Linden", "Prinsen", "Rozen"), x.in(1, 300), x.in(1011, 1109), x.from("ABCDEGHJKLMNPRSTVWXZ", 2))
	case 8:
		return fmt.Sprintf("ul. %s %d/%d, %02d-%03d Warszawa", x.pick("Marszałkowska", "Puławska", "Grójecka", "Złota"), x.in(1, 150), x.in(1, 80), x.in(0, 4), x.in(1, 999))
	case 9:
		return fmt.Sprintf("Flat %d, %s, %s, Bengaluru %d", x.in(101, 1204), x.pick("Prestige Shantiniketan", "Sobha Dream Acres", "Brigade Metropolis"), x.pick("Whitefield", "Koramangala", "Indiranagar"), x.in(560001, 560103))
	case 10:
		return fmt.Sprintf("%s Cd. No:%d D:%d, %s/İstanbul", x.pick("Bağdat", "Atatürk", "Cumhuriyet"), x.in(1, 300), x.in(1, 30), x.pick("Kadıköy", "Beşiktaş", "Üsküdar"))
	}
	return fmt.Sprintf("%d %s Street, %s ON %s%d%s %d%s%d", x.in(1, 999), x.pick("Queen", "Bloor", "Dundas"), "Toronto", "M", x.in(1, 9), x.from("ABCEGHJKLMNPRSTVWXY", 1), x.in(1, 9), x.from("ABCEGHJKLMNPRSTVWXY", 1), x.in(0, 9))
}

// intlPostcode returns a postcode of a person's home in some country.
func (x *g) intlPostcode() string {
	switch x.n(10) {
	case 0:
		return fmt.Sprintf("%s%d %d%s", x.pick("SW", "EC", "M", "B", "LS", "G"), x.in(1, 20), x.in(1, 9), x.from("ABDEFGHJLNPQRSTUWXYZ", 2))
	case 1:
		return fmt.Sprintf("%s%d%s %d%s%d", x.from("ABCEGHJKLMNPRSTVXY", 1), x.in(0, 9), x.from("ABCEGHJKLMNPRSTVWXYZ", 1), x.in(0, 9), x.from("ABCEGHJKLMNPRSTVWXYZ", 1), x.in(0, 9))
	case 2:
		return fmt.Sprintf("%04d %s", x.in(1011, 9999), x.from("ABCDEGHJKLMNPRSTVWXZ", 2))
	case 3:
		return fmt.Sprintf("%05d-%03d", x.in(1000, 99999), x.in(0, 999))
	case 4:
		return fmt.Sprintf("〒%03d-%04d", x.in(100, 999), x.in(0, 9999))
	case 5:
		return fmt.Sprintf("%06d", x.in(110001, 855117))
	case 6:
		return fmt.Sprintf("%02d-%03d", x.in(0, 99), x.in(0, 999))
	case 7:
		return fmt.Sprintf("%d %02d", x.in(100, 984), x.in(0, 99))
	case 8:
		return fmt.Sprintf("D%02d %s%s%s%s", x.in(1, 24), x.from("ACDEFHKNPRTVWXY", 1), x.digits(1), x.digits(1), x.from("ACDEFHKNPRTVWXY", 1))
	}
	return fmt.Sprintf("%d", x.in(2000, 7999))
}

func (x *g) home() (lat, lon string) {
	la := float64(x.in(-3800000, 6000000)) / 100000
	lo := float64(x.in(-12000000, 15000000)) / 100000
	return strconv.FormatFloat(la, 'f', 5, 64), strconv.FormatFloat(lo, 'f', 5, 64)
}

func (x *g) geohash(k int) string { return x.from("0123456789bcdefghjkmnpqrstuvwxyz", k) }

// ---------- phones ----------

func (x *g) nanp() (npa, nxx, line string) {
	for {
		a := x.in(201, 989)
		if a%100 == 11 || a/10%10 == 9 {
			continue
		}
		b := x.in(201, 999)
		if b%100 == 11 || b == 555 {
			continue
		}
		return strconv.Itoa(a), strconv.Itoa(b), x.digits(4)
	}
}

func (x *g) usPhone() string {
	a, b, c := x.nanp()
	switch x.n(6) {
	case 0:
		return "(" + a + ") " + b + "-" + c
	case 1:
		return a + "-" + b + "-" + c
	case 2:
		return a + "." + b + "." + c
	case 3:
		return "+1" + a + b + c
	case 4:
		return "+1-" + a + "-" + b + "-" + c
	}
	return a + b + c
}

func (x *g) keyPhone() string {
	a, b, c := x.nanp()
	switch x.n(5) {
	case 0:
		return a + "-" + b + "-" + c
	case 1:
		return "+1" + a + b + c
	case 2:
		return "%2B1" + a + b + c
	case 3:
		return a + b + c
	}
	return a + "." + b + "." + c
}

func (x *g) intlPhone() string {
	switch x.n(14) {
	case 0:
		return fmt.Sprintf("+44 7%d%02d %03d %03d", x.in(4, 9), x.in(0, 99), x.in(0, 999), x.in(0, 999))
	case 1:
		return fmt.Sprintf("+49 15%d %s", x.in(1, 9), x.digits(8))
	case 2:
		return fmt.Sprintf("+33 6 %02d %02d %02d %02d", x.n(100), x.n(100), x.n(100), x.n(100))
	case 3:
		return fmt.Sprintf("+55 11 9%04d-%04d", x.in(1000, 9999), x.n(10000))
	case 4:
		return fmt.Sprintf("+91 %d%04d %05d", x.in(7, 9), x.n(10000), x.n(100000))
	case 5:
		return fmt.Sprintf("0%d0-%04d-%04d", x.pick3(7, 8, 9), x.n(10000), x.n(10000))
	case 6:
		return fmt.Sprintf("010-%04d-%04d", x.in(2000, 9999), x.n(10000))
	case 7:
		return fmt.Sprintf("04%02d %03d %03d", x.n(100), x.n(1000), x.n(1000))
	case 8:
		return fmt.Sprintf("+52 55 %04d %04d", x.n(10000), x.n(10000))
	case 9:
		return fmt.Sprintf("+90 5%02d %03d %02d %02d", x.in(30, 59), x.n(1000), x.n(100), x.n(100))
	case 10:
		return fmt.Sprintf("+971 5%d %03d %04d", x.pick3(0, 2, 5), x.n(1000), x.n(10000))
	case 11:
		return fmt.Sprintf("+234 80%d %03d %04d", x.in(2, 9), x.n(1000), x.n(10000))
	case 12:
		return fmt.Sprintf("+254 7%02d %03d%03d", x.n(100), x.n(1000), x.n(1000))
	}
	return fmt.Sprintf("+63 9%02d %03d %04d", x.n(100), x.n(1000), x.n(10000))
}

func (x *g) pick3(a, b, c int) int { return []int{a, b, c}[x.n(3)] }

func (x *g) anyPhone() string {
	if x.p(0.45) {
		return x.usPhone()
	}
	return x.intlPhone()
}

// ---------- email ----------

var mailDomains = []string{"gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me", "hotmail.co.uk", "web.de", "gmx.de", "orange.fr", "libero.it", "uol.com.br", "naver.com", "qq.com", "yahoo.co.jp", "wp.pl", "rediffmail.com", "ziggo.nl", "mail.ru"}

func (x *g) email() string {
	p := x.latin()
	local := x.pick(render(p, "dot"), render(p, "initial"), render(p, "asciisnake"), lowerName(fold(p.given))+strconv.Itoa(x.in(1, 99)), lowerName(fold(p.family))+"."+strconv.Itoa(x.in(1950, 2008)))
	local = fold(local)
	return local + "@" + x.pick(mailDomains...)
}

func (x *g) idnEmail() string {
	switch x.n(6) {
	case 0:
		return "josé.müller@" + x.pick("correo.es", "beispiel.de", "exemple.fr")
	case 1:
		p := x.person()
		return strings.ReplaceAll(lowerName(p.given), " ", ".") + "@" + x.pick("例え.jp", "münchen.de", "bücher.at", "correo.españa.es")
	case 2:
		return "李明" + x.digits(3) + "@例子.中国"
	case 3:
		return lowerName(x.latin().family) + "@" + x.pick("bücher.example", "zürich-mail.ch", "café.fr")
	case 4:
		return "иван." + x.pick("петров", "соколов", "смирнова") + "@почта.рф"
	}
	return x.pick("ayşe", "çağla", "gökhan", "şule") + "." + x.pick("yılmaz", "öztürk", "çelik") + "@" + x.pick("gmail.com", "hotmail.com.tr", "şirket.com.tr")
}

// ---------- national ids ----------

func dig(s string) []int {
	var out []int
	for _, c := range s {
		if unicode.IsDigit(c) {
			out = append(out, int(c-'0'))
		}
	}
	return out
}

func luhnCheck(s string) int {
	d := dig(s)
	sum := 0
	dbl := true
	for i := len(d) - 1; i >= 0; i-- {
		v := d[i]
		if dbl {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		dbl = !dbl
	}
	return (10 - sum%10) % 10
}

func (x *g) luhn(prefix string, total int) string {
	s := prefix + x.digits(total-1-len(prefix))
	return s + strconv.Itoa(luhnCheck(s))
}

func (x *g) ssn() string {
	a := x.in(1, 899)
	if a == 666 {
		a = 667
	}
	s := fmt.Sprintf("%03d-%02d-%04d", a, x.in(1, 99), x.in(1, 9999))
	return s
}

func (x *g) cpf() string {
	d := dig(x.digits(9))
	s := 0
	for i := 0; i < 9; i++ {
		s += d[i] * (10 - i)
	}
	r := s % 11
	c1 := 0
	if r >= 2 {
		c1 = 11 - r
	}
	d = append(d, c1)
	s = 0
	for i := 0; i < 10; i++ {
		s += d[i] * (11 - i)
	}
	r = s % 11
	c2 := 0
	if r >= 2 {
		c2 = 11 - r
	}
	return fmt.Sprintf("%d%d%d.%d%d%d.%d%d%d-%d%d", d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], c1, c2)
}

func (x *g) cns() string {
	for {
		s := x.pick("7", "8", "9") + x.digits(13)
		d := dig(s)
		sum := 0
		for i, v := range d {
			sum += v * (15 - i)
		}
		c := (11 - sum%11) % 11
		if c == 10 {
			continue
		}
		s += strconv.Itoa(c)
		return s[:3] + " " + s[3:7] + " " + s[7:11] + " " + s[11:]
	}
}

const curpAlpha = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"

func (x *g) curp() string {
	b := x.dob()
	s := x.from("BCDFGHJKLMNPRSTVZ", 1) + x.from("AEIOU", 1) + x.from("BCDFGHJLMNPRSTVZ", 2) +
		fmt.Sprintf("%02d%02d%02d", b.y%100, b.m, b.d) + x.pick("H", "M") + x.pick("DF", "JC", "NL", "MC", "PL", "GT", "VZ") +
		x.from("BCDFGHJKLMNPRSTVZ", 3)
	if b.y < 2000 {
		s += x.digits(1)
	} else {
		s += x.from(upper, 1)
	}
	sum := 0
	for i, c := range []rune(s) {
		sum += strings.IndexRune(curpAlpha, c) * (18 - i)
	}
	return s + strconv.Itoa((10-sum%10)%10)
}

func (x *g) rut() string {
	n := x.in(5000000, 26000000)
	s, m := 0, 2
	for t := n; t > 0; t /= 10 {
		s += (t % 10) * m
		m++
		if m > 7 {
			m = 2
		}
	}
	dv := 11 - s%11
	c := strconv.Itoa(dv)
	if dv == 11 {
		c = "0"
	} else if dv == 10 {
		c = "K"
	}
	ns := strconv.Itoa(n)
	var grp []string
	for len(ns) > 3 {
		grp = append([]string{ns[len(ns)-3:]}, grp...)
		ns = ns[:len(ns)-3]
	}
	grp = append([]string{ns}, grp...)
	return strings.Join(grp, ".") + "-" + c
}

const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

func (x *g) dni() string {
	n := x.in(10000000, 99999999)
	return fmt.Sprintf("%08d%c", n, dniLetters[n%23])
}

func (x *g) nie() string {
	p := x.n(3)
	n := x.in(0, 9999999)
	v := p*10000000 + n
	return fmt.Sprintf("%c%07d%c", "XYZ"[p], n, dniLetters[v%23])
}

func (x *g) nir() string {
	b := x.dob()
	s := fmt.Sprintf("%d%02d%02d%02d%03d%03d", x.in(1, 2), b.y%100, b.m, x.in(1, 95), x.in(1, 999), x.in(1, 999))
	n, _ := strconv.ParseInt(s, 10, 64)
	k := 97 - n%97
	return fmt.Sprintf("%s %s %s %s %s %s %02d", s[0:1], s[1:3], s[3:5], s[5:7], s[7:10], s[10:13], k)
}

func (x *g) steuerID() string {
	for {
		perm := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
		for i := 9; i > 0; i-- {
			j := x.n(i + 1)
			perm[i], perm[j] = perm[j], perm[i]
		}
		d := append([]int{}, perm[:9]...)
		d = append(d, d[x.n(9)])
		for i := 9; i > 0; i-- {
			j := x.n(i + 1)
			d[i], d[j] = d[j], d[i]
		}
		if d[0] == 0 {
			continue
		}
		prod := 10
		for _, v := range d {
			s := (v + prod) % 10
			if s == 0 {
				s = 10
			}
			prod = (s * 2) % 11
		}
		c := 11 - prod
		if c == 10 {
			c = 0
		}
		var b strings.Builder
		for _, v := range d {
			b.WriteByte(byte('0' + v))
		}
		b.WriteByte(byte('0' + c))
		return b.String()
	}
}

func (x *g) kvnr() string {
	l := x.in(1, 26)
	body := x.digits(8)
	s := fmt.Sprintf("%02d%s", l, body)
	sum := 0
	for i, v := range dig(s) {
		p := v * (1 + i%2)
		sum += p/10 + p%10
	}
	return fmt.Sprintf("%c%s%d", upper[l-1], body, sum%10)
}

func (x *g) bsn() string {
	for {
		d := dig(x.digits(8))
		if d[0] == 0 {
			continue
		}
		s := 0
		for i, v := range d {
			s += v * (9 - i)
		}
		c := s % 11
		if c > 9 {
			continue
		}
		var b strings.Builder
		for _, v := range d {
			b.WriteByte(byte('0' + v))
		}
		b.WriteByte(byte('0' + c))
		return b.String()
	}
}

func (x *g) personnummer() string {
	b := x.dob()
	s := fmt.Sprintf("%02d%02d%02d%03d", b.y%100, b.m, b.d, x.in(1, 999))
	sep := "-"
	if b.y < 1925 {
		sep = "+"
	}
	if x.p(0.5) {
		return fmt.Sprintf("%04d%02d%02d-%s%d", b.y, b.m, b.d, s[6:], luhnCheck(s))
	}
	return s[:6] + sep + s[6:] + strconv.Itoa(luhnCheck(s))
}

func (x *g) pesel() string {
	b := x.dob()
	m := b.m
	if b.y >= 2000 {
		m += 20
	}
	s := fmt.Sprintf("%02d%02d%02d%04d", b.y%100, m, b.d, x.n(10000))
	w := []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}
	sum := 0
	for i, v := range dig(s) {
		sum += v * w[i]
	}
	return s + strconv.Itoa((10-sum%10)%10)
}

var cfOdd = map[byte]int{'0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
	'A': 1, 'B': 0, 'C': 5, 'D': 7, 'E': 9, 'F': 13, 'G': 15, 'H': 17, 'I': 19, 'J': 21, 'K': 2, 'L': 4, 'M': 18,
	'N': 20, 'O': 11, 'P': 3, 'Q': 6, 'R': 8, 'S': 12, 'T': 14, 'U': 16, 'V': 10, 'W': 22, 'X': 25, 'Y': 24, 'Z': 23}

func (x *g) codiceFiscale() string {
	b := x.dob()
	day := b.d
	if x.p(0.5) {
		day += 40
	}
	s := x.from("BCDFGLMNPRSTVZ", 3) + x.from("BCDFGLMNPRSTVZ", 2) + x.from("AEIOU", 1) +
		fmt.Sprintf("%02d%c%02d", b.y%100, "ABCDEHLMPRST"[b.m-1], day) + x.pick("H501", "F205", "L219", "F839", "A944", "G273", "D612")
	sum := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i%2 == 0 {
			sum += cfOdd[c]
		} else if c >= '0' && c <= '9' {
			sum += int(c - '0')
		} else {
			sum += int(c - 'A')
		}
	}
	return s + string(upper[sum%26])
}

func (x *g) tckn() string {
	d := dig(strconv.Itoa(x.in(1, 9)) + x.digits(8))
	d10 := ((d[0]+d[2]+d[4]+d[6]+d[8])*7 - (d[1] + d[3] + d[5] + d[7])) % 10
	if d10 < 0 {
		d10 += 10
	}
	d = append(d, d10)
	s := 0
	for _, v := range d {
		s += v
	}
	d = append(d, s%10)
	var b strings.Builder
	for _, v := range d {
		b.WriteByte(byte('0' + v))
	}
	return b.String()
}

func (x *g) emiratesID() string {
	s := fmt.Sprintf("784%04d%s", x.in(1950, 2010), x.digits(7))
	return fmt.Sprintf("%s-%s-%s-%d", s[:3], s[3:7], s[7:], luhnCheck(s))
}

func (x *g) iqama() string { return x.luhn("2", 10) }

func (x *g) teudat() string {
	d := dig(x.digits(8))
	s := 0
	for i, v := range d {
		p := v * (1 + i%2)
		s += p/10 + p%10
	}
	var b strings.Builder
	for _, v := range d {
		b.WriteByte(byte('0' + v))
	}
	return b.String() + strconv.Itoa((10-s%10)%10)
}

func (x *g) cnID() string {
	b := x.dob()
	s := fmt.Sprintf("%s%04d%02d%02d%03d", x.pick("110105", "310104", "440305", "510107", "330106", "420102"), b.y, b.m, b.d, x.in(1, 999))
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, v := range dig(s) {
		sum += v * w[i]
	}
	return s + string("10X98765432"[sum%11])
}

func (x *g) myNumber() string {
	s := x.digits(11)
	d := dig(s)
	sum := 0
	for n := 1; n <= 11; n++ {
		p := d[11-n]
		q := n + 1
		if n > 6 {
			q = n - 5
		}
		sum += p * q
	}
	r := sum % 11
	c := 0
	if r > 1 {
		c = 11 - r
	}
	s += strconv.Itoa(c)
	return s[:4] + " " + s[4:8] + " " + s[8:]
}

func (x *g) rrn() string {
	b := x.dob()
	sx := 1 + x.n(2)
	if b.y >= 2000 {
		sx += 2
	}
	s := fmt.Sprintf("%02d%02d%02d%d%s", b.y%100, b.m, b.d, sx, x.digits(5))
	w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i, v := range dig(s) {
		sum += v * w[i]
	}
	return s[:6] + "-" + s[6:] + strconv.Itoa((11-sum%11)%10)
}

func (x *g) thaiID() string {
	s := strconv.Itoa(x.in(1, 8)) + x.digits(11)
	sum := 0
	for i, v := range dig(s) {
		sum += v * (13 - i)
	}
	s += strconv.Itoa((11 - sum%11) % 10)
	return s[:1] + "-" + s[1:5] + "-" + s[5:10] + "-" + s[10:12] + "-" + s[12:]
}

func (x *g) nric() string {
	p := x.pick("S", "T")
	s := x.digits(7)
	w := []int{2, 7, 6, 5, 4, 3, 2}
	sum := 0
	for i, v := range dig(s) {
		sum += v * w[i]
	}
	if p == "T" {
		sum += 4
	}
	return p + s + string("JZIHGFEDCBA"[sum%11])
}

var vD = [10][10]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1}, {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}}
var vP = [8][10]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1}, {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}}
var vInv = [10]int{0, 4, 3, 2, 1, 5, 6, 7, 8, 9}

func verhoeff(s string) int {
	c := 0
	d := dig(s)
	for i := 0; i < len(d); i++ {
		c = vD[c][vP[(i+1)%8][d[len(d)-1-i]]]
	}
	return vInv[c]
}

func (x *g) aadhaar() string {
	s := strconv.Itoa(x.in(2, 9)) + x.digits(10)
	s += strconv.Itoa(verhoeff(s))
	return s[:4] + " " + s[4:8] + " " + s[8:]
}

func (x *g) abha() string {
	s := "91" + x.digits(11)
	s += strconv.Itoa(verhoeff(s))
	return s[:2] + "-" + s[2:6] + "-" + s[6:10] + "-" + s[10:]
}

func (x *g) nhs() string {
	for {
		s := x.digits(9)
		sum := 0
		for i, v := range dig(s) {
			sum += v * (10 - i)
		}
		c := 11 - sum%11
		if c == 11 {
			c = 0
		}
		if c == 10 {
			continue
		}
		s += strconv.Itoa(c)
		if x.p(0.5) {
			return s[:3] + " " + s[3:6] + " " + s[6:]
		}
		return s
	}
}

func (x *g) chi() string {
	for {
		b := x.dob()
		s := fmt.Sprintf("%02d%02d%02d%s", b.d, b.m, b.y%100, x.digits(3))
		sum := 0
		for i, v := range dig(s) {
			sum += v * (10 - i)
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

func (x *g) ohip() string {
	s := x.luhn(strconv.Itoa(x.in(1, 9)), 10)
	return s[:4] + "-" + s[4:7] + "-" + s[7:] + "-" + x.from("ABCDEFGHJKLMNPRSTVWXYZ", 2)
}

func (x *g) bcPHN() string {
	for {
		s := "9" + x.digits(8)
		w := []int{2, 4, 8, 5, 10, 9, 7, 3}
		sum := 0
		for i, v := range dig(s[1:]) {
			sum += (v * w[i]) % 11
		}
		c := 11 - sum%11
		if c >= 10 {
			continue
		}
		s += strconv.Itoa(c)
		return s[:4] + " " + s[4:7] + " " + s[7:]
	}
}

func (x *g) ramq() string {
	b := x.dob()
	m := b.m
	if x.p(0.5) {
		m += 50
	}
	return fmt.Sprintf("%s %02d%02d %02d%s", x.from(upper, 4), b.y%100, m, b.d, x.digits(2))
}

func (x *g) medicareAU() string {
	s := strconv.Itoa(x.in(2, 6)) + x.digits(7)
	w := []int{1, 3, 7, 9, 1, 3, 7, 9}
	sum := 0
	for i, v := range dig(s) {
		sum += v * w[i]
	}
	s += strconv.Itoa(sum%10) + strconv.Itoa(x.in(1, 9))
	return s[:4] + " " + s[4:9] + " " + s[9:]
}

func (x *g) philhealth() string {
	return fmt.Sprintf("%02d-%09d-%d", x.in(1, 19), x.n(1000000000), x.n(10))
}

func (x *g) sin() string {
	s := x.luhn(strconv.Itoa(x.pick3(1, 4, 7)), 9)
	return s[:3] + "-" + s[3:6] + "-" + s[6:]
}

// nationalID returns one of many countries' national identity numbers (label ssn).
func (x *g) nationalID() (kind, v string) {
	switch x.n(22) {
	case 0:
		return "cpf", x.cpf()
	case 1:
		return "curp", x.curp()
	case 2:
		return "rut", x.rut()
	case 3:
		return "dni", x.dni()
	case 4:
		return "nie", x.nie()
	case 5:
		return "nir", x.nir()
	case 6:
		return "steuer-id", x.steuerID()
	case 7:
		return "bsn", x.bsn()
	case 8:
		return "personnummer", x.personnummer()
	case 9:
		return "pesel", x.pesel()
	case 10:
		return "codice-fiscale", x.codiceFiscale()
	case 11:
		return "tckn", x.tckn()
	case 12:
		return "emirates-id", x.emiratesID()
	case 13:
		return "iqama", x.iqama()
	case 14:
		return "teudat-zehut", x.teudat()
	case 15:
		return "resident-id", x.cnID()
	case 16:
		return "my-number", x.myNumber()
	case 17:
		return "rrn", x.rrn()
	case 18:
		return "thai-id", x.thaiID()
	case 19:
		return "nric", x.nric()
	case 20:
		return "aadhaar", x.aadhaar()
	}
	return "sin", x.sin()
}

// healthNumber returns a national health / insurance number (label health-plan).
func (x *g) healthNumber() (kind, v string) {
	switch x.n(10) {
	case 0:
		return "nhs", x.nhs()
	case 1:
		return "chi", x.chi()
	case 2:
		return "ohip", x.ohip()
	case 3:
		return "bc-phn", x.bcPHN()
	case 4:
		return "ramq", x.ramq()
	case 5:
		return "medicare-au", x.medicareAU()
	case 6:
		return "abha", x.abha()
	case 7:
		return "cns", x.cns()
	case 8:
		return "kvnr", x.kvnr()
	}
	return "philhealth", x.philhealth()
}

func (x *g) mbi() string {
	a := "ACDEFGHJKMNPQRTUVWXY"
	an := a + "0123456789"
	return strconv.Itoa(x.in(1, 9)) + x.from(a, 1) + x.from(an, 1) + x.digits(1) + x.from(a, 1) + x.from(an, 1) + x.digits(1) + x.from(a, 2) + x.digits(2)
}

func (x *g) memberID() string {
	switch x.n(4) {
	case 0:
		return x.from(upper, 3) + x.digits(9)
	case 1:
		return "W" + x.digits(9)
	case 2:
		return "MBR-" + x.digits(8)
	}
	return x.digits(3) + x.from(upper, 2) + x.digits(6)
}

// ---------- accounts ----------

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

func (x *g) iban() string {
	var cc, bban string
	switch x.n(9) {
	case 0:
		cc, bban = "DE", x.digits(18)
	case 1:
		cc, bban = "FR", x.digits(10)+x.from(alnum, 11)+x.digits(2)
	case 2:
		cc, bban = "ES", x.digits(20)
	case 3:
		cc, bban = "NL", x.pick("ABNA", "INGB", "RABO", "TRIO")+x.digits(10)
	case 4:
		cc, bban = "GB", x.pick("NWBK", "BARC", "HBUK", "MIDL")+x.digits(14)
	case 5:
		cc, bban = "IT", x.from(upper, 1)+x.digits(10)+x.from(alnum, 12)
	case 6:
		cc, bban = "TR", x.digits(5)+"0"+x.digits(16)
	case 7:
		cc, bban = "SA", x.digits(2)+x.from(alnum, 18)
	default:
		cc, bban = "PL", x.digits(24)
	}
	ck := 98 - mod97(bban+cc+"00")
	return fmt.Sprintf("%s%02d%s", cc, ck, bban)
}

func (x *g) card() string {
	s := x.luhn(x.pick("4", "51", "52", "37", "6011"), 16)
	if strings.HasPrefix(s, "37") {
		s = x.luhn("37", 15)
		return s
	}
	if x.p(0.4) {
		return s[:4] + "-" + s[4:8] + "-" + s[8:12] + "-" + s[12:]
	}
	return s
}

// ---------- licences, vehicles, devices ----------

func (x *g) dl() string {
	switch x.n(7) {
	case 0:
		return x.from(upper, 1) + x.digits(7) // CA
	case 1:
		return x.digits(3) + " " + x.digits(3) + " " + x.digits(3) // NY
	case 2:
		return x.from(upper, 1) + x.digits(3) + "-" + x.digits(3) + "-" + x.digits(2) + "-" + x.digits(3) + "-" + x.digits(1) // FL
	case 3:
		p := x.latin()
		f := strings.ToUpper(fold(p.family) + "99999")[:5]
		return f + x.digits(6) + strings.ToUpper(fold(p.given)[:1]) + "9" + x.from("ABCDEFGHJKLMNPRSTUVWXYZ", 2) // UK DVLA
	case 4:
		return "B" + x.digits(2) + x.from(alnum, 6) + x.digits(1) // DE Führerschein
	case 5:
		return fmt.Sprintf("%s%02d %d%s", x.pick("MH", "KA", "DL", "TN"), x.in(1, 50), x.in(2005, 2023), x.digits(7)) // IN
	}
	return x.digits(12) // JP
}

func (x *g) passport() string {
	switch x.n(6) {
	case 0:
		return x.digits(9) // US / UK
	case 1:
		return x.from("CFGHJKLMNPRTVWXYZ", 1) + x.from("CFGHJKLMNPRTVWXYZ0123456789", 8) // DE
	case 2:
		return x.from(upper, 1) + x.digits(7) // IN
	case 3:
		return "E" + x.digits(8) // CN
	case 4:
		return x.from(upper, 2) + x.digits(7) // JP / FR
	}
	return x.digits(2) + x.from(upper, 2) + x.digits(5) // FR
}

const vinAlpha = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"

func vinVal(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return map[byte]int{'A': 1, 'B': 2, 'C': 3, 'D': 4, 'E': 5, 'F': 6, 'G': 7, 'H': 8, 'J': 1, 'K': 2, 'L': 3, 'M': 4, 'N': 5, 'P': 7, 'R': 9, 'S': 2, 'T': 3, 'U': 4, 'V': 5, 'W': 6, 'X': 7, 'Y': 8, 'Z': 9}[c]
}

func (x *g) vin() string {
	b := []byte(x.pick("1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "KMH", "WBA", "WVW", "SAL", "YV1", "VF1") + x.from(vinAlpha, 5) + "0" + x.from("ABCDEFGHJKLMNPRSTVWXY123456789", 1) + x.from(vinAlpha, 1) + x.digits(6))
	w := []int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	s := 0
	for i, c := range b {
		s += vinVal(c) * w[i]
	}
	if s%11 == 10 {
		b[8] = 'X'
	} else {
		b[8] = byte('0' + s%11)
	}
	return string(b)
}

func (x *g) plate() string {
	switch x.n(8) {
	case 0:
		return fmt.Sprintf("%d%s%s", x.in(1, 9), x.from("ABCDEFGHJKLMNPRSTUVWXYZ", 3), x.digits(3)) // CA
	case 1:
		return x.from("ABCDEFGHJKLMNOPRSTUVWXY", 2) + x.digits(2) + " " + x.from("ABCDEFGHJKLMNOPRSTUVWXYZ", 3) // UK
	case 2:
		return x.pick("B", "M", "HH", "K", "F") + "-" + x.from(upper, 2) + " " + strconv.Itoa(x.in(1, 9999)) // DE
	case 3:
		return x.from("ABCDEFGHJKLMNPQRSTVWXYZ", 2) + "-" + x.digits(3) + "-" + x.from("ABCDEFGHJKLMNPQRSTVWXYZ", 2) // FR
	case 4:
		return x.from(upper, 3) + x.digits(1) + x.from(upper, 1) + x.digits(2) // BR Mercosul
	case 5:
		return fmt.Sprintf("%s%02d%s%04d", x.pick("MH", "KA", "DL", "TN"), x.in(1, 50), x.from(upper, 2), x.in(1, 9999)) // IN
	case 6:
		return x.from(upper, 3) + "-" + x.digits(4) // generic US
	}
	return fmt.Sprintf("%s %s %d", x.pick("34", "06", "35"), x.from(upper, 2), x.in(100, 9999)) // TR
}

func (x *g) imei() string { return x.luhn(x.pick("35", "86", "01", "99"), 15) }

func (x *g) mac(sep string) string {
	h := strings.ToUpper(x.hex(12))
	var parts []string
	for i := 0; i < 12; i += 2 {
		parts = append(parts, h[i:i+2])
	}
	return strings.Join(parts, sep)
}

func (x *g) serial() string {
	switch x.n(6) {
	case 0:
		return x.from(upper, 2) + x.digits(8)
	case 1:
		return "SN" + x.digits(10)
	case 2:
		return x.from(alnum, 10)
	case 3:
		return x.digits(3) + x.from(upper, 1) + x.digits(6)
	case 4:
		return "PJH" + x.digits(6) + x.from(upper, 1)
	}
	return x.from(upper, 3) + "-" + x.digits(6)
}

func (x *g) udi() string {
	b := x.dob()
	_ = b
	return fmt.Sprintf("(01)%014d(17)%02d%02d%02d(10)%s(21)%s", x.n(1000000000)*100+x.n(100), x.in(25, 30), x.in(1, 12), x.in(1, 28), x.from(alnum, 6), x.serial())
}

// ---------- ip ----------

func (x *g) pubIPv4() string {
	for {
		a := x.in(1, 223)
		switch a {
		case 10, 100, 127, 169, 172, 192, 198, 203, 0:
			continue
		}
		return fmt.Sprintf("%d.%d.%d.%d", a, x.n(256), x.n(256), x.in(1, 254))
	}
}

func (x *g) pubIPv6() string {
	return fmt.Sprintf("%s:%s:%s:%s:%s:%s:%s:%s", x.pick("2a01", "2001", "2600", "2406", "2804", "2a02"), x.hex(4), x.hex(3), x.hex(4), x.hex(4), x.hex(3), x.hex(4), x.hex(4))
}

func (x *g) clientIP() string {
	if x.p(0.6) {
		return x.pubIPv4()
	}
	return x.pubIPv6()
}

func (x *g) age() int { return x.in(90, 108) }
