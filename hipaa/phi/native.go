package phi

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// nativeGz is the embedded list of given names and surnames written in
// non-Latin scripts, from the locale data of @faker-js/faker; see
// lexicon/PROVENANCE.md.
//
//go:embed lexicon/native.txt.gz
var nativeGz []byte

// nativeNames maps a folded non-Latin name (nativeFold) to its flags: 1 a
// given name, 4 a surname (tier 1 in the lexicon's bits). It is built the
// first time a token in a non-Latin script is seen, so that a program that
// only ever scans ASCII never pays for it.
var nativeNames = sync.OnceValue(func() map[string]uint32 {
	text := gunzipText(nativeGz)
	m := make(map[string]uint32, strings.Count(text, "\n"))
	for line := range strings.Lines(text) {
		w, f, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok {
			continue
		}
		var v uint32
		for _, c := range f {
			v = v*10 + uint32(c-'0')
		}
		m[w] = v
	}
	for i, w := range monthsThai {
		var fb, tb [256]byte
		m[string(nativeFold(fb[:0], tb[:0], w))] |= uint32(i+1) << lxMonthShift
	}
	for i, ws := range monthsArabic {
		for _, w := range strings.Fields(ws) {
			m[w] |= uint32(i+1) << lxMonthShift
		}
	}
	for i, ws := range monthsCyrillic {
		for _, w := range strings.Fields(ws) {
			m[w] |= uint32(i+1) << lxMonthShift
		}
	}
	return m
})

// monthsArabic are the month names of Arabic (Egyptian and Gulf usage,
// and the Levantine names), folded as nativeFold folds a word.
var monthsArabic = [12]string{
	"يناير كانون", "فبراير شباط", "مارس آذار اذار", "أبريل ابريل نيسان", "مايو أيار ايار", "يونيو حزيران",
	"يوليو تموز", "أغسطس اغسطس آب", "سبتمبر أيلول ايلول", "أكتوبر اكتوبر تشرين", "نوفمبر", "ديسمبر",
}

// monthsCyrillic are the Russian and Ukrainian month names, nominative and
// genitive (8 июля 1976), lower case.
var monthsCyrillic = [12]string{
	"январь января янв січень січня", "февраль февраля фев лютий лютого", "март марта березень березня",
	"апрель апреля апр квітень квітня", "май мая травень травня", "июнь июня червень червня",
	"июль июля липень липня", "август августа авг серпень серпня", "сентябрь сентября сен вересень вересня",
	"октябрь октября окт жовтень жовтня", "ноябрь ноября листопад листопада", "декабрь декабря дек грудень грудня",
}

// monthsThai are the Thai month names (folded: nonspacing vowel and tone
// marks dropped, as nativeFold does).
var monthsThai = [12]string{"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"}

// nativeFold appends to dst the word s normalized for nativeNames:
// canonical decomposition, nonspacing marks (accents, harakat, niqqud)
// dropped, recomposed, lower-cased, and a final sigma written as sigma.
// native.mjs folds the list the same way. tmp is scratch space.
func nativeFold(dst, tmp []byte, s string) []byte {
	tmp = norm.NFD.AppendString(tmp[:0], s)
	n := 0
	for k := 0; k < len(tmp); {
		r, size := utf8.DecodeRune(tmp[k:])
		if !unicode.Is(unicode.Mn, r) {
			n += copy(tmp[n:], tmp[k:k+size])
		}
		k += size
	}
	start := len(dst)
	dst = norm.NFC.Append(dst, tmp[:n]...)
	tmp = append(tmp[:0], dst[start:]...)
	dst = dst[:start]
	for _, r := range string(tmp) {
		r = unicode.ToLower(r)
		if r == 'ς' {
			r = 'σ'
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// nativeLookup returns the name flags of a token written in a non-Latin
// script: the flags of the whole word when it is in the list; for a word
// of Han, kana or Hangul, which is written without a space between the
// surname and the given name (王伟宸, 吉野聡), lxFullName when it splits
// into a surname and a given name in either order; else 0.
func (sc *scanner) nativeLookup(w string) uint32 {
	if len(w) > 64 {
		return 0
	}
	names := nativeNames()
	if sc.fold == nil {
		sc.fold = new([2][256]byte)
	}
	f := nativeFold(sc.fold[0][:0], sc.fold[1][:0], w)
	if v := names[string(f)]; v != 0 {
		return v & (lxGivenMask | lxGivenMask<<lxSurShift | 0xf<<lxMonthShift)
	}
	// a Thai name after คุณ (khun), the honorific written glued to it
	if rest, ok := strings.CutPrefix(string(f), "คณ"); ok && rest != "" { // คุณ, folded
		if v := names[rest]; v&(lxGivenMask|lxGivenMask<<lxSurShift) != 0 {
			return lxFullName
		}
	}
	if !allCJK(f) {
		return 0
	}
	// an honorific after a name written in Han or kana: 柴弘文様,
	// 田中さん (様 and さん address a person; 御中, an organisation, is not
	// one of them)
	for _, h := range [...]string{"様", "さん", "殿", "さま", "氏", "님", "씨"} {
		if rest, ok := strings.CutSuffix(string(f), h); ok {
			if n := utf8.RuneCountInString(rest); n >= 2 && n <= 5 && !honorificWord(rest) {
				return lxFullName
			}
		}
	}
	if n := utf8.RuneCount(f); n > 6 || n < 3 && allHangul(f) {
		// a Korean name is mostly a one-syllable surname and a
		// two-syllable given name; two syllables are as often a word
		// (설정, settings)
		return 0
	}
	for k := 1; k < len(f); k++ {
		if !utf8.RuneStart(f[k]) {
			continue
		}
		a, b := names[string(f[:k])], names[string(f[k:])]
		if a&(3<<lxSurShift) != 0 && b&lxGivenMask != 0 || a&lxGivenMask != 0 && b&(3<<lxSurShift) != 0 {
			return lxFullName
		}
	}
	return 0
}

// allHangul reports whether s has only Hangul letters.
func allHangul(s []byte) bool {
	for _, r := range string(s) {
		if !unicode.Is(unicode.Hangul, r) {
			return false
		}
	}
	return true
}

// allCJK reports whether s has only Han, kana and Hangul letters.
func allCJK(s []byte) bool {
	for _, r := range string(s) {
		if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return false
		}
	}
	return len(s) > 0
}

const asciiLower = "abcdefghijklmnopqrstuvwxyz"

// foldExtra folds a Latin letter outside foldRanges (Vietnamese ồ ư ơ,
// Latin Extended Additional, ...) to ASCII by its canonical decomposition:
// the base letter when it is ASCII, else "".
func foldExtra(r rune) string {
	if r < 0xC0 || r >= 0x2000 {
		return ""
	}
	var b [4]byte
	d := norm.NFD.Properties(utf8.AppendRune(b[:0], r)).Decomposition()
	if len(d) > 0 {
		if c := d[0] | 0x20; c >= 'a' && c <= 'z' {
			return asciiLower[c-'a' : c-'a'+1]
		}
	}
	return ""
}

// honorificWord reports whether w, before an honorific, is a word rather
// than a name: お客 and ご家族 (the customer, the family; the prefixes お
// and ご are polite forms of words), 皆 (everyone), a company, a hospital.
func honorificWord(w string) bool {
	if strings.HasPrefix(w, "お") || strings.HasPrefix(w, "ご") || strings.HasPrefix(w, "御") {
		return true
	}
	for _, x := range [...]string{"会社", "皆", "株式", "法人", "病院", "医院", "クリニック", "担当", "各位", "会員", "患者", "고객", "회원", "환자"} {
		if strings.Contains(w, x) {
			return true
		}
	}
	return false
}

// cjkDates finds dates written with the Han or Hangul date units:
// 1972年5月11日 and 2025년 12월 3일 (a full date: a date candidate as any
// other, or a date when the name addresses a person or an appointment),
// and 9月8日 without a year when it does; and ages over 89 written with
// 歳, 岁 or 세 (96歳).
func (sc *scanner) cjkDates() {
	s := sc.name
	personal := sc.ctxBits&(1<<ckDate) != 0
	for _, w := range [...]string{"様", "さん", "予約", "预约", "預約", "님", "예약", "您", "患者"} {
		if strings.Contains(s, w) {
			personal = true
			break
		}
	}
	for _, u := range [...][3]string{{"年", "月", "日"}, {"년", "월", "일"}} {
		for off := 0; ; {
			k := strings.Index(s[off:], u[1])
			if k < 0 {
				break
			}
			m := off + k // the month unit
			off = m + len(u[1])
			a := m
			for a > 0 && (s[a-1] == ' ') && m-a < 1 {
				a--
			}
			ma := a
			for a > 0 && isDigit(s[a-1]) && ma-a < 2 {
				a--
			}
			e := off
			for e < len(s) && s[e] == ' ' && e-off < 1 {
				e++
			}
			ds := e
			for e < len(s) && isDigit(s[e]) && e-ds < 2 {
				e++
			}
			if a == ma || e == ds || !strings.HasPrefix(s[e:], u[2]) {
				continue
			}
			mo, d := atoi(s[a:ma]), atoi(s[ds:e])
			end := e + len(u[2])
			start, y := a, 0
			yu := a
			for yu > 0 && s[yu-1] == ' ' && a-yu < 1 {
				yu--
			}
			if yu >= len(u[0])+4 && s[yu-len(u[0]):yu] == u[0] && isDigit(s[yu-len(u[0])-1]) && isDigit(s[yu-len(u[0])-4]) {
				y = atoi(s[yu-len(u[0])-4 : yu-len(u[0])])
				start = yu - len(u[0]) - 4
			}
			if !validDate(max(y, 2000), mo, d) || y != 0 && !validDate(y, mo, d) {
				continue
			}
			if personal {
				sc.add(CategoryDate, int32(start), int32(end), 0.8)
				continue
			}
			if y != 0 {
				ctx := ckNone
				for k := range sc.toks {
					if sc.toks[k].s == int32(start) {
						ctx, _ = sc.chainCtx(k, k)
						break
					}
				}
				sc.date(int32(start), int32(end), ctx, false)
			}
		}
	}
	for _, u := range [...]string{"歳", "岁", "세"} {
		for off := 0; ; {
			k := strings.Index(s[off:], u)
			if k < 0 {
				break
			}
			k += off
			off = k + len(u)
			a := k
			for a > 0 && isDigit(s[a-1]) && k-a < 3 {
				a--
			}
			if a < k && (a == 0 || !isDigit(s[a-1])) {
				if v := atoi(s[a:k]); v >= 90 && v <= 125 && !strings.HasPrefix(s[off:], "以上") && !strings.HasPrefix(s[off:], "이상") {
					sc.add(CategoryAge, int32(a), int32(off), 0.9)
				}
			}
		}
	}
}
