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
	return m
})

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
		return v & (lxGivenMask | lxGivenMask<<lxSurShift)
	}
	if !allCJK(f) {
		return 0
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
