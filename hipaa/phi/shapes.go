package phi

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names in other shapes: labels of several tokens, plausible email
// domains, HL7 PID segments, GS1 UDIs, diacritics and CJK names,
// percent-encoded names.

// concatKey writes the lower-cased bytes of tokens i..j, concatenated, into
// b and returns their length, or 0 when it is longer than maxLookupLen.
func (sc *scanner) concatKey(i, j int, b *[maxLookupLen + 8]byte) int {
	n := 0
	for k := i; k <= j; k++ {
		t := &sc.toks[k]
		L := int(t.e - t.s)
		if n+L > maxLookupLen {
			return 0
		}
		n += copy(b[n:], sc.buf[t.s:t.e])
	}
	return n
}

// tabTokens looks up tokens i..j, concatenated, in tab.
func (sc *scanner) tabTokens(tab *wordTab, i, j int) uint32 {
	var b [maxLookupLen + 8]byte
	n := sc.concatKey(i, j, &b)
	if n < 2 {
		return 0
	}
	k0, k1, k2, h := wordKey(b[:], n)
	return tab.get(k0, k1, k2, n, h)
}

// labelLink reports whether the gap g may join the tokens of a label.
func labelLink(g byte) bool {
	switch g {
	case 0, '_', '-', '.', ' ':
		return true
	}
	return false
}

// multiLabel returns the kind and the last token of the longest label of
// two to four tokens starting at alpha token i, or ckNone. A one-letter
// "a" before number, no or num is the immigration A-number.
func (sc *scanner) multiLabel(i int) (ctxKind, int) {
	n := len(sc.toks)
	best, last := ckNone, i
	for j := i + 1; j < n && j <= i+3; j++ {
		u := &sc.toks[j]
		if u.kind != tkAlpha || u.masked || !labelLink(sc.gap(j)) {
			break
		}
		if v := sc.tabTokens(labelTab, i, j); v != 0 {
			best, last = ctxKind(v), j
		}
	}
	return best, last
}

// aNumber reports whether alpha token i is a filler number, no or num
// right after a lone "a" that starts a word: "A-Number", "a_no".
func (sc *scanner) aNumber(i int) bool {
	if i == 0 || !sc.tokIs(i, "number", "no", "num", "nbr") {
		return false
	}
	p := &sc.toks[i-1]
	return p.kind == tkAlpha && p.e-p.s == 1 && lower(sc.name[p.s]) == 'a' && p.s == p.ws &&
		(p.s == 0 || !isAlnum(sc.name[p.s-1])) && labelLink(sc.gap(i))
}

// plausibleDomain reports whether dom, the part of a would-be email
// after the @, is a domain: its first label is not a version, a scale
// ("2x") or a number, and a later label is a known top-level domain (a
// file extension may follow: jane@example.com.eml).
func plausibleDomain(dom string) bool {
	first := true
	ok := false
	for len(dom) > 0 {
		d := strings.IndexByte(dom, '.')
		l := dom
		if d >= 0 {
			l, dom = dom[:d], dom[d+1:]
		} else {
			dom = ""
		}
		if first {
			first = false
			if versionLike(l) {
				return false
			}
			continue
		}
		if knownTLD(l) {
			ok = true
		}
	}
	return ok
}

// versionLike reports whether a domain label is a number, a version
// (v2, v10) or a scale (2x, @3x).
func versionLike(l string) bool {
	if l == "" {
		return true
	}
	digits := 0
	for i := 0; i < len(l); i++ {
		if isDigit(l[i]) {
			digits++
		}
	}
	switch {
	case digits == len(l):
		return true
	case (l[0] == 'v' || l[0] == 'V') && digits == len(l)-1:
		return true
	case (l[len(l)-1] == 'x' || l[len(l)-1] == 'X') && digits == len(l)-1:
		return true
	}
	return false
}

const genericTLDs = ` com net org edu gov mil int info biz name pro mobi aero coop museum jobs travel tel asia cat app dev io ai
health healthcare clinic hospital care doctor dental email online site tech cloud xyz news shop store club live life world
today space website systems solutions services network digital global group company center law med insurance bank local
localhost example test invalid `

// fileExts are two-letter file extensions that are also country codes, or
// look like them: not a TLD here.
const fileExts = ` gz js ts md py sh rs go db so xz rb cs kt hs el ps pm bz 7z `

var tldSet, fileExtSet = func() (t, f map[string]bool) {
	t, f = map[string]bool{}, map[string]bool{}
	for _, w := range strings.Fields(genericTLDs) {
		t[w] = true
	}
	for _, w := range strings.Fields(fileExts) {
		f[w] = true
	}
	return
}()

func knownTLD(l string) bool {
	if len(l) < 2 || len(l) > 12 {
		return false
	}
	var b [12]byte
	for i := 0; i < len(l); i++ {
		c := lower(l[i])
		if c < 'a' || c > 'z' {
			return false
		}
		b[i] = c
	}
	if len(l) == 2 {
		return !fileExtSet[string(b[:2])]
	}
	return tldSet[string(b[:len(l)])]
}

// hl7Seg reads the fields of an HL7 v2 segment whose "|" after the segment
// id is at s[i]; seg is 'P' (PID), 'V' (PV1), 'N' (NK1), 'I' (IN1), 'O'
// (OBR) or 'C' (ORC). PV1-19 is the visit number and PV1-50 the alternate
// visit id (record numbers of the person's care); NK1-2 is the next of
// kin's name and NK1-5 their phone; IN1-16 the insured's name, IN1-18
// their birth date, IN1-36 the policy number and IN1-49 the insured's id;
// OBR-2/3 and ORC-2/3 the placer and filler order numbers (of the
// person's tests), OBR-7 the observation time and ORC-9 the transaction
// time.
// In PID: PID-2, -3 and -4 (patient identifiers), PID-5 (patient name),
// PID-7 (birth date) and PID-19 (SSN).
func (sc *scanner) hl7Seg(i int, seg byte) {
	s := sc.name
	f := 1
	start := i + 1
	last := 19
	switch seg {
	case 'V', 'I':
		last = 50
	case 'O', 'C':
		last = 9
	case 'X':
		last = 14
	}
	for k := i + 1; k <= len(s); k++ {
		if k < len(s) && s[k] != '|' && s[k] != '\r' && s[k] != '\n' {
			continue
		}
		v := s[start:k]
		if seg != 'P' {
			sc.hl7Other(seg, f, start, k)
			if k == len(s) || s[k] != '|' || f >= last {
				return
			}
			f++
			start = k + 1
			continue
		}
		switch f {
		case 2, 3, 4:
			// the first component of the first repetition
			e := start
			for e < k && s[e] != '^' && s[e] != '~' && s[e] != '&' {
				e++
			}
			if digitsIn(s[start:e]) > 0 && e-start >= 3 {
				sc.add(CategoryMRN, int32(start), int32(e), 0.9)
				sc.mask(start, e)
			}
		case 5:
			sc.hl7Name(start, k)
		case 7:
			if digitsIn(v) >= 8 {
				sc.add(CategoryDate, int32(start), int32(k), 0.9)
				sc.mask(start, k)
			}
		case 19:
			if digitsIn(v) >= 9 {
				sc.add(CategorySSN, int32(start), int32(k), 0.9)
				sc.mask(start, k)
			}
		}
		if k == len(s) || s[k] != '|' || f >= 19 {
			return
		}
		f++
		start = k + 1
	}
}

// hl7Name records the person name (XPN) in field s[start:k] of an HL7
// segment: PID-5, NK1-2, IN1-16.
func (sc *scanner) hl7Name(start, k int) {
	s := sc.name
	e := k
	for e > start && (s[e-1] == '^' || s[e-1] == '~') {
		e--
	}
	if e-start >= 2 && digitsIn(s[start:k]) == 0 {
		sc.add(CategoryName, int32(start), int32(e), 0.9)
		sc.mask(start, e)
	}
}

// hl7Other reads field f, s[start:k], of a segment other than PID.
func (sc *scanner) hl7Other(seg byte, f, start, k int) {
	s := sc.name
	e := start // the first component of the first repetition
	for e < k && s[e] != '^' && s[e] != '~' && s[e] != '&' {
		e++
	}
	switch {
	case seg == 'V' && (f == 19 || f == 50):
		if digitsIn(s[start:e]) >= 3 && e-start >= 4 {
			sc.add(CategoryMRN, int32(start), int32(e), 0.85)
			sc.mask(start, e)
		}
	case seg == 'N' && f == 2, seg == 'I' && f == 16:
		sc.hl7Name(start, k)
	case seg == 'I' && f == 18, seg == 'O' && f == 7, seg == 'C' && f == 9:
		if digitsIn(s[start:e]) >= 8 {
			sc.add(CategoryDate, int32(start), int32(e), 0.85)
			sc.mask(start, e)
		}
	case seg == 'I' && (f == 36 || f == 49):
		if digitsIn(s[start:e]) >= 4 && e-start >= 5 {
			sc.add(CategoryHealthPlan, int32(start), int32(e), 0.85)
			sc.mask(start, e)
		}
	case seg == 'X' && f == 14:
		if digitsIn(s[start:e]) >= 8 {
			sc.add(CategoryDate, int32(start), int32(e), 0.8) // the time of the person's observation
			sc.mask(start, e)
		}
	case seg == 'X' && f >= 3 && f <= 8:
		// the observation's code, value, units and range: no identifier
		sc.mask(start, k)
	case (seg == 'O' || seg == 'C') && (f == 2 || f == 3):
		if digitsIn(s[start:e]) >= 4 && e-start >= 5 {
			sc.add(CategoryMRN, int32(start), int32(e), 0.8)
			sc.mask(start, e)
		}
	case seg == 'N' && f == 5:
		if digitsIn(s[start:e]) >= 10 {
			sc.add(CategoryPhone, int32(start), int32(e), 0.85)
			sc.mask(start, e)
		}
	}
}

func digitsIn(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

// gs1UDI matches a GS1 unique device identifier, "(01)" and a 14-digit
// GTIN followed by more (AI)value groups, at s[i], and returns the index
// of its last byte (or i).
func (sc *scanner) gs1UDI(i int) int {
	s := sc.name
	e := i + 4
	d := 0
	for e < len(s) && isDigit(s[e]) {
		e++
		d++
	}
	if d != 14 || i > 0 && isAlnum(s[i-1]) {
		return i
	}
	// (AI)value groups: (10) lot, (11) date, (17) expiry, (21) serial
	pi := false
	for e+4 <= len(s) && s[e] == '(' && isDigit(s[e+1]) && isDigit(s[e+2]) && s[e+3] == ')' {
		v := e + 4
		for v < len(s) && isAlnum(s[v]) {
			v++
		}
		if v == e+4 {
			break
		}
		switch s[e+1 : e+3] {
		case "10", "11", "17", "21":
			pi = true
		}
		e = v
	}
	if pi {
		// a production identifier makes it one device, an identifier of
		// the individual's device (M)
		sc.add(CategoryDevice, int32(i), int32(e), 0.8)
	}
	// The device identifier alone (a GTIN) names a model, not a device:
	// masked so that the digit rules do not read it, no finding.
	sc.mask(i, e)
	return e - 1
}

// foldRanges fold the Latin-1 and Latin Extended-A letters to ASCII.
var foldRanges = []struct {
	lo, hi rune
	s      string
}{
	{0xC0, 0xC5, "a"}, {0xC6, 0xC6, "ae"}, {0xC7, 0xC7, "c"}, {0xC8, 0xCB, "e"}, {0xCC, 0xCF, "i"},
	{0xD0, 0xD0, "d"}, {0xD1, 0xD1, "n"}, {0xD2, 0xD6, "o"}, {0xD8, 0xD8, "o"}, {0xD9, 0xDC, "u"},
	{0xDD, 0xDD, "y"}, {0xDE, 0xDE, "th"}, {0xDF, 0xDF, "ss"},
	{0xE0, 0xE5, "a"}, {0xE6, 0xE6, "ae"}, {0xE7, 0xE7, "c"}, {0xE8, 0xEB, "e"}, {0xEC, 0xEF, "i"},
	{0xF0, 0xF0, "d"}, {0xF1, 0xF1, "n"}, {0xF2, 0xF6, "o"}, {0xF8, 0xF8, "o"}, {0xF9, 0xFC, "u"},
	{0xFD, 0xFD, "y"}, {0xFE, 0xFE, "th"}, {0xFF, 0xFF, "y"},
	{0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"}, {0x11C, 0x123, "g"},
	{0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
	{0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"},
	{0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
	{0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}, {0x218, 0x219, "s"}, {0x21A, 0x21B, "t"},
}

func foldRune(r rune) string {
	if r < 0xC0 || r > 0x21B {
		return foldExtra(r)
	}
	for _, f := range foldRanges {
		if r >= f.lo && r <= f.hi {
			return f.s
		}
	}
	return foldExtra(r)
}

// cjkSurnames are common Chinese surnames (simplified and traditional),
// leaving out those that also start many common words (高 方 金 石 白 ...);
// koSurnames are common Korean surnames, leaving out 이 정 한 서 신 오 안,
// which start many common words.
const (
	cjkSurnames = "王李张刘陈杨黄赵吴周徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶苏魏吕姚卢姜崔钟谭陆汪范廖贾夏韦邹熊秦邱尹薛闫侯陶黎贺顾郝龚邵钱严覃戴莫孔汤" +
		"張劉陳楊黃趙吳孫鄭謝韓馮鄧蕭葉蘇呂盧鍾譚陸賈鄒龔錢嚴湯"
	koSurnames = "김박최강조윤장임권황송류홍"
)

// foldLookup returns the lexicon flags of the token s[s:e] that has
// non-ASCII bytes: Latin letters with diacritics are folded to ASCII
// (José → jose, Müller → muller) and looked up; a token of two or three
// CJK characters starting with a common surname, or of three Hangul
// syllables starting with one, is a whole name (lxFullName).
func (sc *scanner) foldLookup(s, e int) uint32 {
	var b [maxLookupLen + 8]byte
	n := 0
	w := sc.name[s:e]
	if r, _ := utf8.DecodeRuneInString(w); r >= 0x370 {
		// a non-Latin script: the native-script names, then the CJK
		// surname rule below
		if v := sc.nativeLookup(w); v != 0 {
			return v
		}
	}
	cjk, hangul, runes := 0, 0, 0
	var first rune
	for k := 0; k < len(w); {
		c := w[k]
		if c < 0x80 {
			if n >= maxLookupLen {
				return 0
			}
			b[n] = lower(c)
			n++
			k++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[k:])
		if k == 0 {
			first = r
		}
		k += size
		runes++
		switch {
		case r >= 0x4E00 && r <= 0x9FFF:
			cjk++
			continue
		case r >= 0xAC00 && r <= 0xD7A3:
			hangul++
			continue
		}
		f := foldRune(r)
		if f == "" || n+len(f) > maxLookupLen {
			return 0
		}
		n += copy(b[n:], f)
	}
	if cjk > 0 || hangul > 0 {
		if n == 0 && (cjk >= 2 && cjk <= 3 && cjk == runes && strings.ContainsRune(cjkSurnames, first) ||
			hangul == 3 && hangul == runes && strings.ContainsRune(koSurnames, first)) {
			return lxFullName
		}
		return 0
	}
	if n < 2 {
		return 0
	}
	k0, k1, k2, h := wordKey(b[:], n)
	if sc.d.extra != nil {
		return sc.lookupExtra(k0, k1, k2, n, h)
	}
	return sc.d.lex.get(k0, k1, k2, n, h)
}

// fixHigh revises the tokens with non-ASCII letters, out of the
// tokenizers' hot loops: it joins the pieces of an upper-case word split
// after an upper-case non-ASCII letter (GARCÍ|A, MÜ|LLER), sets their
// capitalisation from their runes, and looks them up folded.
func (sc *scanner) fixHigh() {
	toks := sc.toks
	out := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		for i+1 < len(toks) && t.kind == tkAlpha && toks[i+1].kind == tkAlpha && toks[i+1].s == t.e && endsUpperHigh(sc.name[t.s:t.e]) {
			t.e = toks[i+1].e
			i++
		}
		toks[out] = t
		out++
	}
	sc.toks = toks[:out]
	for k := range sc.toks {
		t := &sc.toks[k]
		if t.kind != tkAlpha || !hasHighByte(sc.name[t.s:t.e]) {
			continue
		}
		t.caps = runeCaps(sc.name[t.s:t.e])
		lx := sc.foldLookup(int(t.s), int(t.e))
		t.lx = lx
		sc.lxOr |= lx
		if c := ctxKind((lx & lxCtxMask) >> lxCtxShift); c != ckNone {
			sc.ctxBits |= 1 << c
		}
	}
}

func hasHighByte(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// endsUpperHigh reports whether s ends with an upper-case non-ASCII letter.
func endsUpperHigh(s string) bool {
	if len(s) == 0 || s[len(s)-1] < 0x80 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsUpper(r)
}

// runeCaps is the capitalisation class of a word with non-ASCII letters.
func runeCaps(s string) uint8 {
	n, up, firstUp := 0, 0, false
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
			if n == 0 {
				firstUp = true
			}
		}
		n++
	}
	switch {
	case up == 0:
		return capLower
	case up == n && n > 1:
		return capUpper
	case up == 1 && firstUp:
		return capTitle
	}
	return capMixed
}

// hasPctEscape reports whether name has a %XX escape.
func hasPctEscape(name string) bool {
	for i := strings.IndexByte(name, '%'); i >= 0 && i+2 < len(name); {
		if isHex(name[i+1]) && isHex(name[i+2]) {
			return true
		}
		j := strings.IndexByte(name[i+1:], '%')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// pctDecode decodes the %XX escapes of name into dec and records in offs
// the offset in name of each decoded byte, and len(name) after the last.
func pctDecode(name string, dec []byte, offs []int32) ([]byte, []int32) {
	dec, offs = dec[:0], offs[:0]
	for i := 0; i < len(name); {
		offs = append(offs, int32(i))
		if name[i] == '%' && i+2 < len(name) && isHex(name[i+1]) && isHex(name[i+2]) {
			dec = append(dec, unhex(name[i+1])<<4|unhex(name[i+2]))
			i += 3
			continue
		}
		dec = append(dec, name[i])
		i++
	}
	offs = append(offs, int32(len(name)))
	return dec, offs
}

func unhex(c byte) byte {
	switch {
	case isDigit(c):
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// x12Seg reads an ASC X12 segment (837 claims, 835 remittances, 270/271
// eligibility) whose first element separator '*' is at s[i], and returns
// the last byte it consumed (i when it is not a segment it knows). The
// segments and elements that carry a person's identifiers:
//   - NM1 of a subscriber, patient, dependent, guardian or employer
//     (NM101 IL, QC, 03, 74, GD, 36) and a person (NM102 1): the name
//     (NM103-NM105) and the id (NM109: MI member id, 34 SSN, MR Medicaid
//     number, II unique health id); a provider's or payer's NM1 is not
//     the individual's;
//   - DMG*D8*CCYYMMDD: the birth date; DTP*qualifier*D8 or RD8: the
//     dates of service, admission and discharge;
//   - N3 (street) and N4 (city, state, ZIP);
//   - REF*SY (SSN), REF*1W, IG, 1L (member, policy, group member ids),
//     REF*EA (medical record), REF*EJ (patient account);
//   - CLM01, the patient control number;
//   - PER ... TE, CP, FX: phone and fax numbers.
func (sc *scanner) x12Seg(i int) int {
	s := sc.name
	b := i
	for b > 0 && i-b < 3 && (isUpper(s[b-1]) || isDigit(s[b-1])) {
		b--
	}
	if i-b < 2 || b > 0 && s[b-1] != '~' && s[b-1] != '\n' && s[b-1] != '\r' && s[b-1] != ' ' && s[b-1] != '/' && s[b-1] != ':' && s[b-1] != '=' && s[b-1] != '#' && s[b-1] != '|' {
		return i
	}
	seg := s[b:i]
	switch seg {
	case "NM1", "DMG", "DTP", "N3", "N4", "REF", "CLM", "PER":
	default:
		return i
	}
	// the elements, up to the segment terminator
	var el [10][2]int
	ne := 0
	start := i + 1
	k := start
	for ; k <= len(s); k++ {
		if k < len(s) && s[k] != '*' && s[k] != '~' && s[k] != '\n' && s[k] != '\r' && s[k] != '#' && s[k] != '|' {
			continue
		}
		if ne < len(el) {
			el[ne] = [2]int{start, k}
			ne++
		}
		if k == len(s) || s[k] != '*' {
			break
		}
		start = k + 1
	}
	val := func(n int) string { // element n (1-based), "" when absent
		if n > ne {
			return ""
		}
		return s[el[n-1][0]:el[n-1][1]]
	}
	add := func(n int, c Category, conf float64) {
		if n > ne || el[n-1][1]-el[n-1][0] < 2 {
			return
		}
		sc.add(c, int32(el[n-1][0]), int32(el[n-1][1]), conf)
		sc.mask(el[n-1][0], el[n-1][1])
	}
	switch seg {
	case "NM1":
		switch val(1) {
		case "IL", "QC", "03", "74", "GD", "36":
		default:
			// a provider's, a payer's, a submitter's: its name and id are
			// no person's PHI (and must not read as one)
			if ne >= 3 {
				sc.mask(el[2][0], el[min(ne, 9)-1][1])
			}
			return k
		}
		if val(2) == "1" && ne >= 3 && digitsIn(val(3)) == 0 && len(val(3)) >= 2 {
			e := 5
			for e > 3 && (e > ne || val(e) == "" || digitsIn(val(e)) > 0) {
				e--
			}
			sc.add(CategoryName, int32(el[2][0]), int32(el[e-1][1]), 0.9)
			sc.mask(el[2][0], el[e-1][1])
		}
		if digitsIn(val(9)) >= 4 {
			switch val(8) {
			case "MI", "MR", "II", "ZZ", "C1", "N":
				add(9, CategoryHealthPlan, 0.9)
			case "34":
				add(9, CategorySSN, 0.95)
			}
		}
	case "DMG":
		if (val(1) == "D8" || val(1) == "RD8") && digitsIn(val(2)) >= 8 {
			add(2, CategoryDate, 0.9)
		}
	case "DTP":
		if (val(2) == "D8" || val(2) == "RD8" || val(2) == "DT") && digitsIn(val(3)) >= 8 {
			add(3, CategoryDate, 0.85)
		}
	case "N3":
		if digitsIn(val(1)) > 0 && len(val(1)) >= 5 {
			add(1, CategoryAddress, 0.7)
		}
	case "N4":
		if digitsIn(val(1)) == 0 {
			add(1, CategoryAddress, 0.6)
		}
		if z := val(3); digitsIn(z) == len(z) && (len(z) == 5 || len(z) == 9) {
			add(3, CategoryZIP, 0.7)
		}
	case "REF":
		if digitsIn(val(2)) < 4 {
			break
		}
		switch val(1) {
		case "SY":
			add(2, CategorySSN, 0.95)
		case "1W", "IG", "1L", "23", "SY1":
			add(2, CategoryHealthPlan, 0.85)
		case "EA":
			add(2, CategoryMRN, 0.9)
		case "EJ":
			add(2, CategoryAccount, 0.85)
		}
	case "CLM":
		if digitsIn(val(1)) >= 3 && len(val(1)) >= 5 {
			add(1, CategoryAccount, 0.8)
		}
	case "PER":
		for n := 3; n+1 <= ne; n += 2 {
			switch val(n) {
			case "TE", "CP":
				if digitsIn(val(n+1)) >= 10 {
					add(n+1, CategoryPhone, 0.9)
				}
			case "FX":
				if digitsIn(val(n+1)) >= 10 {
					add(n+1, CategoryFax, 0.9)
				}
			case "EM":
				// an email is found by its own rule
			}
		}
	}
	return k
}

// dicomTags are the DICOM attributes (PS3.6) that hold a patient's
// identifiers, by tag; (0010,0010) PatientName is nameValueRule's.
var dicomTags = map[string]Category{
	"0010,0020": CategoryMRN,     // PatientID
	"0010,1000": CategoryMRN,     // OtherPatientIDs
	"0008,0050": CategoryMRN,     // AccessionNumber
	"0038,0010": CategoryMRN,     // AdmissionID
	"0010,0030": CategoryDate,    // PatientBirthDate
	"0008,0020": CategoryDate,    // StudyDate
	"0008,0021": CategoryDate,    // SeriesDate
	"0008,0022": CategoryDate,    // AcquisitionDate
	"0008,0023": CategoryDate,    // ContentDate
	"0010,1040": CategoryAddress, // PatientAddress
	"0010,2154": CategoryPhone,   // PatientTelephoneNumbers
	"0010,1010": CategoryAge,     // PatientAge (over 89 only)
	"0010,1001": CategoryName,    // OtherPatientNames
	"0010,1060": CategoryName,    // PatientMotherBirthName
}

// dicomTagWord finds DICOM tags written gggg-eeee or gggg_eeee (as S3
// metadata keys must: x-amz-meta-0010-0030: 19831003) and reads them as
// dicomTag does.
func (sc *scanner) dicomTagWord() {
	s := sc.name
	for k := 0; k+9 < len(s); k++ {
		if s[k] != '0' || k > 0 && isAlnum(s[k-1]) || s[k+4] != '-' && s[k+4] != '_' || k+9 < len(s) && isAlnum(s[k+9]) {
			continue
		}
		tag := string([]byte{s[k], s[k+1], s[k+2], s[k+3], ',', s[k+5], s[k+6], s[k+7], s[k+8]})
		if _, ok := dicomTags[strings.ToUpper(tag)]; ok {
			sc.dicomValue(k+9, tag)
		}
	}
}

// dicomTag reads "(gggg,eeee)" at s[i] followed by '=', ':' or a space
// and a value, and records the value of a tag in dicomTags; it returns the
// last byte consumed (i when it did nothing).
func (sc *scanner) dicomTag(i int) int {
	tag := sc.name[i+1 : i+10]
	if _, ok := dicomTags[strings.ToUpper(tag)]; !ok {
		return i
	}
	if e := sc.dicomValue(i+11, tag); e > 0 {
		return e
	}
	return i
}

// dicomValue reads the value of a DICOM tag after its separator at s[v:]
// and records it; it returns the last byte consumed, or 0.
func (sc *scanner) dicomValue(v int, tag string) int {
	s := sc.name
	c := dicomTags[strings.ToUpper(tag)]
	i := v - 11
	for v < len(s) && (s[v] == '=' || s[v] == ':' || s[v] == ' ' || s[v] == '"') && v < i+14 {
		v++
	}
	if v == i+11 || v >= len(s) {
		return i
	}
	e := v
	for e < len(s) && s[e] != '/' && s[e] != '|' && s[e] != '&' && s[e] != ',' && s[e] != ';' && s[e] != '"' && s[e] != '\\' {
		e++
	}
	val := s[v:e]
	conf := 0.9
	switch c {
	case CategoryDate:
		if digitsIn(val) < 8 {
			return i
		}
		if tag != "0010,0030" {
			conf = 0.8 // the date of the person's study
		}
	case CategoryAge:
		// nnnY, over 89
		if len(val) != 4 || (val[3] != 'Y' && val[3] != 'y') || digitsIn(val[:3]) != 3 || atoi(val[:3]) < 90 {
			return i
		}
	case CategoryMRN, CategoryPhone:
		if digitsIn(val) < 3 {
			return i
		}
	default:
		if len(val) < 3 {
			return i
		}
	}
	sc.add(c, int32(v), int32(e), conf)
	sc.mask(v, e)
	return e - 1
}

// hl7CX finds identifiers written as an HL7 v2 CX value, ID^^^AUTHORITY^TYPE
// (PID-3 and every field of that type, also outside a segment: in a file
// name, a message key): the identifier type code (HL7 table 0203) says
// what the id is.
func (sc *scanner) hl7CX() {
	s := sc.name
	for off := 0; ; {
		k := strings.Index(s[off:], "^^^")
		if k < 0 {
			return
		}
		k += off
		off = k + 3
		// the id: letters and digits (and - .) before the carets
		a := k
		for a > 0 && (isAlnum(s[a-1]) && s[a-1] < 0x80 || s[a-1] == '-' || s[a-1] == '.') {
			a--
		}
		// skip the assigning authority, then read the type code
		t := off
		for t < len(s) && s[t] != '^' && s[t] != '|' && s[t] != '/' {
			t++
		}
		if t >= len(s) || s[t] != '^' {
			continue
		}
		te := t + 1
		for te < len(s) && isUpper(s[te]) && te-t <= 4 {
			te++
		}
		if a == k || digitsIn(s[a:k]) < 3 {
			continue
		}
		var c Category
		switch s[t+1 : te] {
		case "MR", "MRN", "MRT", "PI", "PT", "PN", "VN", "AN", "EN":
			c = CategoryMRN
		case "SS", "SSN":
			c = CategorySSN
		case "MB", "MC", "MA", "MI", "SN", "HC", "JHN", "NH":
			c = CategoryHealthPlan
		case "DL", "PPN":
			c = CategoryLicense
		case "BA", "BC", "ACCT":
			c = CategoryAccount
		default:
			continue
		}
		sc.add(c, int32(a), int32(k), 0.9)
		sc.mask(a, k)
	}
}

// hl7Header masks an HL7 v2 MSH segment whose "|" after MSH is at s[i]:
// its fields (applications, facilities, the message time and control id)
// are the message's, not the person's. It returns the segment's last byte.
func (sc *scanner) hl7Header(i int) int {
	s := sc.name
	e := i + 1
	for e < len(s) && s[e] != '\r' && s[e] != '\n' {
		e++
	}
	sc.mask(i+1, e)
	return e - 1
}

// fhirIdentifier reads a FHIR token search on an identifier whose '|'
// (between the system and the value) is at s[i]:
// Patient?identifier=urn:oid:2.16.840.1.113883.3.9303.1|5480539. The
// value is the person's identifier in that system: an SSN when the system
// is the SSA's (2.16.840.1.113883.4.1, http://hl7.org/fhir/sid/us-ssn),
// else a record number. It returns the last byte consumed, or i.
func (sc *scanner) fhirIdentifier(i int) int {
	s := sc.name
	b := i
	for b > 0 && s[b-1] != '=' && s[b-1] != '&' && s[b-1] != '?' && i-b < 100 {
		b--
	}
	if b < 11 || s[b-1] != '=' || !hasPrefixFold(s, b-11, "identifier=") && !hasPrefixFold(s, b-8, ":of-type=") {
		return i
	}
	e := i + 1
	for e < len(s) && s[e] != '&' && s[e] != '/' && s[e] != ' ' && s[e] != '#' {
		e++
	}
	if e-i-1 < 3 || digitsIn(s[i+1:e]) < 3 {
		return i
	}
	system := s[b:i]
	c, conf := CategoryMRN, 0.9
	if strings.Contains(system, "2.16.840.1.113883.4.1") || containsFold(system, "us-ssn") {
		c, conf = CategorySSN, 0.97
	}
	sc.add(c, int32(i+1), int32(e), conf)
	sc.mask(i+1, e)
	return e - 1
}

// containsFold reports whether sub (lower-case ASCII) is in s, ignoring
// ASCII case.
func containsFold(s, sub string) bool {
	for k := 0; k+len(sub) <= len(s); k++ {
		if hasPrefixFold(s, k, sub) {
			return true
		}
	}
	return false
}

// obfuscatedEmail finds an address written with "-at-" or "_at_" for "@"
// (as bucket names and keys must: jane.doe-at-example.com,
// portal-invites-mackenzilewis1972-at-proton.me): a local part, then a
// domain that ends in a known top-level domain.
func (sc *scanner) obfuscatedEmail() {
	s := sc.name
	for i := 1; i+1 < len(sc.toks); i++ {
		t := &sc.toks[i]
		if t.kind != tkAlpha || t.e-t.s != 2 || !sc.tokIs(i, "at") {
			continue
		}
		g1, g2 := sc.gap(i), sc.gap(i+1)
		if g1 != '-' && g1 != '_' || g2 != g1 {
			continue
		}
		// the domain: letters, digits, '-' and at least one '.', to the
		// end of the segment
		d := int(t.e) + 1
		e := d
		for e < len(s) && (isAlnum(s[e]) && s[e] < 0x80 || s[e] == '.' || s[e] == '-') {
			e++
		}
		for e > d && (s[e-1] == '.' || s[e-1] == '-') {
			e--
		}
		dom := s[d:e]
		if !strings.Contains(dom, ".") || !plausibleDomain(strings.ToLower(dom)) {
			continue
		}
		// the local part: the word before, back to the segment start
		b := int(t.s) - 1
		for b > 0 && (isAlnum(s[b-1]) && s[b-1] < 0x80 || s[b-1] == '.' || s[b-1] == '_' || s[b-1] == '+') {
			b--
		}
		if int(t.s)-1-b < 2 {
			continue
		}
		sc.add(CategoryEmail, int32(b), int32(e), 0.8)
		sc.mask(b, e)
	}
}

// underscoreMAC finds a MAC address written with underscores
// (pairedDevices.ef_e1_f9_97_1f_ee), as keys and attribute names must.
func (sc *scanner) underscoreMAC() {
	s := sc.name
	for i := 0; i+17 <= len(s); i++ {
		if s[i+2] != '_' || i > 0 && (isAlnum(s[i-1]) || s[i-1] == '_') {
			continue
		}
		ok := true
		for g := 0; g < 6 && ok; g++ {
			k := i + 3*g
			ok = isHex(s[k]) && isHex(s[k+1]) && (g == 5 || s[k+2] == '_')
		}
		if !ok || i+17 < len(s) && (isAlnum(s[i+17]) || s[i+17] == '_') {
			continue
		}
		sc.add(CategoryDevice, int32(i), int32(i+17), 0.85)
		sc.mask(i, i+17)
		i += 16
	}
}
