package phi

import (
	"unicode"
	"unicode/utf8"
)

// ScanText returns the suspected identifiers in free text (a mail subject
// or body), in order of their start offset, or nil when it finds none.
// Findings have the categories, byte offsets into text and confidences of
// Scan's; those below DefaultMinConfidence are weak hints.
//
// Besides the formats Scan checks (emails, phone numbers, SSNs, IP
// addresses, card and other labelled numbers), ScanText reads the text as
// prose: personal names after a title (Mr, Dr), a label ("name is",
// "patient") or as capitalised given name and surname pairs from the
// embedded name lexicon (and name pairs in a text without capitals);
// street addresses (number, street name, suffix or a street number after
// the name, unit, then city, state and ZIP lines; intersections such as
// "the corner of A and B"); cities after a place word ("in", "from",
// "lives in"), before a state code or ZIP, or in the embedded list of
// larger cities (text_cities.txt); US ZIP codes (ZIP+4, after a state code
// or name, a city or a label); dates in numeric and written forms
// (ordinal days, day ranges, a weekday before, a time after, "next
// Monday"); ages.
//
// What Safe Harbor lets stay is reported below DefaultMinConfidence: a bare
// year, an age under 90, a state or country name.
//
// Unlike Scan, ScanText allocates; it is meant for texts of up to a few
// hundred kilobytes.
func (d *Detector) ScanText(text string) []Finding {
	if d == nil || d.lex == nil {
		d = Default()
	}
	if len(text) == 0 {
		return nil
	}
	ts := &textScanner{d: d, s: text}
	ts.formats()
	ts.emails()
	ts.tokenize()
	if len(ts.toks) > 0 {
		ts.numberRules()
		ts.addressRules()
		ts.cityRules()
		ts.nameRules()
		if !hasUpperASCII(text) {
			ts.lowerCaseNames()
		}
		ts.spreadNames()
		ts.laterNumberRules()
		ts.placeRules()
	}
	return ts.finish()
}

// Token kinds of the text scanner.
const (
	ttAlpha = 1
	ttDigit = 2
	ttMixed = 3
)

// ttok is a word of the text: a maximal run of letters and digits.
type ttok struct {
	s, e      int32
	lx        uint32
	kind      uint8
	capital   bool // starts with an upper-case letter
	allCaps   bool // two or more letters, all upper case
	ascii     bool
	sentStart bool  // first word of the text, of a line or of a sentence
	newline   bool  // a line break between the previous word and this one
	used      bool  // part of a finding
	street    uint8 // word-list memo: tsKnown | tsWord | tsUnit | tsNamed | tsFunc | tsNotName
}

// Bits of ttok.street.
const (
	tsKnown = 1 << iota
	tsWord
	tsUnit
	tsNamed
	tsFunc    // textFuncWords
	tsNotName // textNotNames
)

type textScanner struct {
	d    *Detector
	s    string
	low  string // s with ASCII letters lower-cased
	toks []ttok
	out  []Finding
}

// textDeny marks a deny word (WithDenyWords) in a text token's flags.
const textDeny = 1 << 31

// textWordFlags returns the lexicon flags of the word w, looked up as the
// name rules look up a token (wordKey into the detector's word table,
// allow and deny words first). Words with non-ASCII letters are in no
// list.
func (d *Detector) textWordFlags(w string) uint32 {
	n := len(w)
	if n < 2 || n > maxLookupLen {
		return 0
	}
	var b [maxLookupLen]byte
	for i := 0; i < n; i++ {
		c := w[i]
		if c >= 0x80 {
			return 0
		}
		b[i] = lower(c)
	}
	k0, k1, k2, h := wordKey(b[:], n)
	if d.extra != nil {
		if f := d.extra.get(k0, k1, k2, n, h); f != 0 {
			if f&extraAllow != 0 {
				return lxStop
			}
			return d.lex.get(k0, k1, k2, n, h) | textDeny
		}
	}
	return d.lex.get(k0, k1, k2, n, h)
}

// formats runs Scan's format rules over the text a line at a time (lines
// are cut at 512 bytes) and keeps what needs no reading of the prose.
func (ts *textScanner) formats() {
	s := ts.s
	var buf []Finding
	for start := 0; start < len(s); {
		end := start
		for end < len(s) && s[end] != '\n' && end-start < 512 {
			end++
		}
		if end-start == 512 {
			// cut at the last space
			for k := end - 1; k > start+256; k-- {
				if s[k] == ' ' {
					end = k
					break
				}
			}
		}
		buf = ts.d.AppendScan(buf[:0], s[start:end])
		for _, f := range buf {
			switch f.Category {
			case CategoryName, CategoryAge:
				continue // read as prose below
			case CategoryDate, CategoryZIP, CategoryAddress:
				if f.Confidence < 0.8 {
					continue
				}
			}
			f.Start += start
			f.End += start
			ts.out = append(ts.out, f)
		}
		start = end + 1
	}
}

func (ts *textScanner) covered(s, e int32) bool {
	for _, f := range ts.out {
		if int(s) < f.End && int(e) > f.Start && f.Confidence >= 0.5 {
			return true
		}
	}
	return false
}

func (ts *textScanner) add(c Category, s, e int32, conf float64) {
	if s >= e || conf < 0.35 {
		return
	}
	if conf > 0.99 {
		conf = 0.99
	}
	for k := range ts.toks {
		t := &ts.toks[k]
		if t.s >= s && t.e <= e && conf >= 0.5 {
			t.used = true
		}
	}
	ts.out = append(ts.out, Finding{Category: c, Start: int(s), End: int(e), Confidence: conf})
}

func (ts *textScanner) finish() []Finding {
	f := ts.out
	if len(f) == 0 {
		return nil
	}
	// Order by start, then merge overlapping findings of one category and
	// the same side of the threshold.
	for i := 1; i < len(f); i++ {
		for j := i; j > 0 && (f[j].Start < f[j-1].Start || f[j].Start == f[j-1].Start && f[j].End > f[j-1].End); j-- {
			f[j], f[j-1] = f[j-1], f[j]
		}
	}
	out := f[:0]
	for _, x := range f {
		merged := false
		for k := len(out) - 1; k >= 0 && k >= len(out)-4; k-- {
			y := &out[k]
			if y.Category == x.Category && x.Start < y.End && (x.Confidence >= 0.5) == (y.Confidence >= 0.5) {
				if x.End > y.End {
					y.End = x.End
				}
				if x.Confidence > y.Confidence {
					y.Confidence = x.Confidence
				}
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, x)
		}
	}
	return out
}

// ---- tokenizer ----

func (ts *textScanner) tokenize() {
	s := ts.s
	lb := []byte(s)
	for k, c := range lb {
		lb[k] = lower(c)
	}
	ts.low = string(lb)
	ts.toks = make([]ttok, 0, len(s)/5+4)
	sent, nl := true, false
	i := 0
	for i < len(s) {
		c := s[i]
		if c < 0x80 && !isAlnum(c) {
			switch c {
			case '\n':
				sent, nl = true, true
			case '.', '!', '?', ':', ';', '>', '"':
				if c != '.' || i+1 >= len(s) || s[i+1] == ' ' || s[i+1] == '\n' {
					if !(c == '.' && ts.abbrevBefore(i)) {
						sent = true
					}
				}
			}
			i++
			continue
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				i += n
				continue
			}
		}
		t := ttok{s: int32(i), sentStart: sent, newline: nl, ascii: true}
		sent, nl = false, false
		letters, ups, digits := 0, 0, 0
		first := true
		for i < len(s) {
			c := s[i]
			if c < 0x80 {
				if !isAlnum(c) {
					break
				}
				switch {
				case isDigit(c):
					digits++
				case isUpper(c):
					letters++
					ups++
					if first {
						t.capital = true
					}
				default:
					letters++
				}
				i++
			} else {
				r, n := utf8.DecodeRuneInString(s[i:])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
					break
				}
				t.ascii = false
				if unicode.IsDigit(r) {
					digits++
				} else {
					letters++
					if unicode.IsUpper(r) {
						ups++
						if first {
							t.capital = true
						}
					}
				}
				i += n
			}
			first = false
		}
		t.e = int32(i)
		switch {
		case digits == 0:
			t.kind = ttAlpha
		case letters == 0:
			t.kind = ttDigit
		default:
			t.kind = ttMixed
		}
		t.allCaps = letters >= 2 && ups == letters
		if t.kind == ttAlpha && t.ascii {
			t.lx = ts.d.textWordFlags(s[t.s:t.e])
		}
		ts.toks = append(ts.toks, t)
	}
	for k := range ts.toks {
		if ts.covered(ts.toks[k].s, ts.toks[k].e) {
			ts.toks[k].used = true
		}
	}
}

// abbrevBefore reports whether the '.' at s[i] ends a title or an initial
// ("Mr.", "J."), which does not end a sentence.
func (ts *textScanner) abbrevBefore(i int) bool {
	b := i
	for b > 0 && isAlnum(ts.s[b-1]) {
		b--
	}
	w := ts.s[b:i]
	if len(w) == 1 && isUpper(w[0]) {
		return true
	}
	switch lowerASCII(w) {
	case "mr", "mrs", "ms", "dr", "prof", "st", "apt", "ave", "no", "jr", "sr", "rd", "blvd", "ste", "mt", "ft":
		return true
	}
	return false
}

func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if isUpper(w[i]) {
			b := []byte(w)
			for k := range b {
				b[k] = lower(b[k])
			}
			return string(b)
		}
	}
	return w
}

// ---- helpers ----

func (ts *textScanner) word(i int) string { return ts.s[ts.toks[i].s:ts.toks[i].e] }

// is reports whether word i is, case-insensitively, one of words.
func (ts *textScanner) is(i int, words ...string) bool {
	if i < 0 || i >= len(ts.toks) {
		return false
	}
	w := ts.word(i)
	for _, x := range words {
		if eqFold(w, x) {
			return true
		}
	}
	return false
}

// gap returns the text between word i-1 and word i.
func (ts *textScanner) gap(i int) string {
	if i <= 0 || i >= len(ts.toks) {
		return ""
	}
	return ts.s[ts.toks[i-1].e:ts.toks[i].s]
}

// tight reports whether words i-1 and i are separated only by spaces (no
// punctuation, no line break).
func (ts *textScanner) tight(i int) bool {
	g := ts.gap(i)
	if len(g) == 0 || len(g) > 3 {
		return false
	}
	for k := 0; k < len(g); k++ {
		if g[k] != ' ' {
			return false
		}
	}
	return true
}

func (ts *textScanner) digitLen(i int) int {
	if i < 0 || i >= len(ts.toks) || ts.toks[i].kind != ttDigit {
		return -1
	}
	return int(ts.toks[i].e - ts.toks[i].s)
}

func (ts *textScanner) val(i int) int {
	w := ts.word(i)
	if len(w) > 9 {
		return -1
	}
	for k := 0; k < len(w); k++ {
		if !isDigit(w[k]) {
			return -1
		}
	}
	return atoi(w)
}

func (ts *textScanner) usedAt(i int) bool {
	t := &ts.toks[i]
	return t.used || ts.covered(t.s, t.e)
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if isUpper(s[i]) {
			return true
		}
	}
	return false
}
