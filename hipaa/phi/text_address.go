package phi

import "strings"

// ---- street addresses and places ----

// textStreetWords are street suffixes and street-type words beyond the
// lexicon's suffix list (lxSuffix).
var textStreetWords = wordSet(`street streets st ave avenue rd road blvd boulevard ln lane dr drive ct court way
pl place ter terrace cir circle pkwy parkway hwy highway sq square trl trail plz plaza hill hills
heights crossing row alley loop pike expressway freeway mill mills park point ridge valley grove
gardens estates creek falls center centre summit cliffs cliff forks fork isle island pass port
crescent close mews walk path station junction meadows village shores harbor landing manor`)

// textStreetPrefixes start a street name in many countries.
var textStreetPrefixes = wordSet(`rue via viale calle avenida rua avenue c carrer strada piazza plaza
boulevard chemin route ulica ul`)

// textStreetEndings end a street name in many languages ("Ringvej",
// "Ziegelgasse", "Koskikatu").
var textStreetEndings = []string{"gasse", "strasse", "straße", "str", "weg", "vej", "veien", "vegen",
	"gata", "gatan", "katu", "tie", "kuja", "braut", "laan", "straat", "gracht", "utca", "ulica", "torget",
	"stræde", "stien", "gränd", "platz", "allee", "ring", "dijk", "kade", "plein", "väg", "vägen", "gade",
	"stræet", "bygget", "vegur", "gatve", "iela", "aukio", "polku", "rinne", "põik", "tee", "puiestee"}

// textEndingsByLast groups textStreetEndings by their last byte.
var textEndingsByLast = func() (m [256][]string) {
	for _, e := range textStreetEndings {
		m[e[len(e)-1]] = append(m[e[len(e)-1]], e)
	}
	return m
}()

// textFuncWords are English function words, which a capital does not make
// part of an address.
var textFuncWords = wordSet(`the of you your and or to for an in on at with by is are was were we they it
this that these those my our their his her not but from into`)

var textUnitWords = wordSet(`apt apartment suite ste unit flat room fl floor box bldg building`)

// textAddrCues are words after which an address follows.
var textAddrCues = wordSet(`address addresses located sent send meet lives live living return arrived
corner drops deliver delivered ship shipped moved mail mailed stop reside resides`)

// textAddrFill are words allowed between a cue and the address.
var textAddrFill = wordSet(`at to on is in of the me my new you off are here they it them with its same`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range fields(s) {
		m[w] = true
	}
	return m
}

// lw returns word i with its ASCII letters lower-cased.
func (ts *textScanner) lw(i int) string { return ts.low[ts.toks[i].s:ts.toks[i].e] }

// streetBits returns the street-word memo of word i, computing it once.
func (ts *textScanner) streetBits(i int) uint8 {
	if i < 0 || i >= len(ts.toks) || ts.toks[i].kind != ttAlpha {
		return 0
	}
	t := &ts.toks[i]
	if t.street&tsKnown != 0 {
		return t.street
	}
	b := uint8(tsKnown)
	w := ts.lw(i)
	if textStreetWords[w] {
		b |= tsWord
	}
	if textUnitWords[w] {
		b |= tsUnit
	}
	if t.capital && textFuncWords[w] {
		b |= tsFunc
	}
	if t.capital && textNotNames[w] {
		b |= tsNotName
	}
	if textStreetPrefixes[w] && (len(w) > 1 || t.capital) {
		b |= tsNamed
	} else {
		for _, e := range textEndingsByLast[w[len(w)-1]] {
			if len(w) > len(e)+2 && strings.HasSuffix(w, e) || w == e {
				b |= tsNamed
				break
			}
		}
	}
	t.street = b
	return b
}

func (ts *textScanner) streetWord(i int) bool  { return ts.streetBits(i)&tsWord != 0 }
func (ts *textScanner) unitWord(i int) bool    { return ts.streetBits(i)&tsUnit != 0 }
func (ts *textScanner) streetNamed(i int) bool { return ts.streetBits(i)&tsNamed != 0 }

// addrGapOK reports whether the text between words i-1 and i may lie
// inside an address: spaces, commas, periods, a line break (with "> "
// quoting), a slash.
func (ts *textScanner) addrGapOK(i int) bool {
	g := ts.gap(i)
	if len(g) > 12 {
		return false
	}
	nls := 0
	for k := 0; k < len(g); k++ {
		switch g[k] {
		case ' ', ',', '.', '>', '\t', '/', '#', '-', '\r', '(', ')':
		case '\n':
			nls++
		default:
			return false
		}
	}
	return nls <= 1
}

// addrTok reports whether word i can be part of an address block.
func (ts *textScanner) addrTok(i int) bool {
	t := &ts.toks[i]
	if t.used && !ts.coveredBy(t.s, t.e, CategoryAddress, CategoryZIP) {
		return false
	}
	if t.kind != ttAlpha {
		return true
	}
	if t.capital && ts.streetBits(i)&tsFunc != 0 {
		return false // title case: "5 Musicians Of The 70s"
	}
	if t.capital || t.allCaps || ts.streetWord(i) || ts.unitWord(i) {
		return t.lx&lxCtxMask == 0 || ts.unitWord(i)
	}
	// lower-case: a word in no English list ("útja", "kapu", "des", "nan")
	return t.lx&(lxEng|lxEngCommon) == 0 || ts.streetNamed(i)
}

func (ts *textScanner) addressRules() {
	n := len(ts.toks)
	for i := 0; i < n; i++ {
		t := &ts.toks[i]
		if (t.used || ts.usedAt(i)) && !ts.coveredBy(t.s, t.e, CategoryAddress, CategoryZIP) {
			continue
		}
		if t.kind == ttAlpha && t.e-t.s >= 6 && ts.is(i, "corner", "intersection", "junction") && ts.is(i+1, "of") {
			if e := ts.intersection(i); e > i {
				i = e
				continue
			}
		}
		cue := false
		start := -1
		switch {
		case t.kind == ttAlpha && textAddrCues[ts.lw(i)]:
			j := i + 1
			for j < n && j <= i+4 && ts.toks[j].kind == ttAlpha && textAddrFill[ts.lw(j)] {
				j++
			}
			if j < n && (!ts.toks[j].used || ts.coveredBy(ts.toks[j].s, ts.toks[j].e, CategoryAddress, CategoryZIP)) && (ts.toks[j].kind != ttAlpha || ts.toks[j].capital) {
				start, cue = j, true
				if ts.lw(i) == "corner" {
					start = i
				} else if ts.toks[j].kind == ttAlpha {
					// a name line before the street line
					k := j
					for k+1 < n && !ts.toks[k+1].newline && ts.toks[k+1].kind == ttAlpha && !ts.streetWord(k+1) {
						k++
					}
					if k+1 < n && ts.toks[k+1].newline && ts.toks[k+1].kind == ttDigit {
						start = k + 1
					}
				}
			}
		case t.kind == ttDigit && t.e-t.s <= 6:
			if e := ts.phoneRunEnd(i); e >= 0 {
				i = e // a phone number: the phone rule's
				continue
			}
			start = i
		case t.kind == ttAlpha && (ts.streetNamed(i) && t.capital || ts.unitWord(i) && t.capital):
			start = i
		}
		if start < 0 {
			continue
		}
		end, ok, strong := ts.addressBlock(start, cue)
		if !ok {
			continue
		}
		if !cue && ts.toks[start].kind == ttAlpha {
			// "Villacher Strasse 89": the words before the street word
			for k := 0; k < 2 && start > 0 && ts.tight(start) && !ts.toks[start-1].used && ts.toks[start-1].capital &&
				ts.toks[start-1].kind == ttAlpha && ts.toks[start-1].lx&(lxStop|lxCtxMask|lxEngCommon) == 0 && !ts.toks[start-1].sentStart; k++ {
				start--
			}
		}
		conf := 0.7
		if strong || cue {
			conf = 0.85
		}
		ts.add(CategoryAddress, ts.toks[start].s, ts.toks[end].e, conf)
		i = end
	}
}

// addressBlock extends an address from word start and reports its last
// word, whether it looks like an address, and whether strongly.
func (ts *textScanner) addressBlock(start int, cue bool) (end int, ok, strong bool) {
	n := len(ts.toks)
	digits, caps, lines, street, unit, named := 0, 0, 0, false, false, false
	end = -1
	firstDigit := ts.toks[start].kind == ttDigit
	for k := start; k < n && k < start+30; k++ {
		t := &ts.toks[k]
		if k > start {
			if !ts.addrGapOK(k) {
				break
			}
			if t.newline {
				lines++
				if lines > 4 || ts.phoneRunEnd(k) >= 0 {
					break
				}
				// a label line ends the block
				if k+1 < n && strings.HasPrefix(ts.gap(k+1), ":") {
					break
				}
			}
			// a sentence end
			if g := ts.gap(k); strings.Contains(g, ". ") && !t.capital && t.kind == ttAlpha {
				break
			}
		}
		if !ts.addrTok(k) {
			break
		}
		switch {
		case t.kind != ttAlpha:
			digits++
		case ts.streetWord(k):
			street = k > start
		case ts.unitWord(k):
			unit = true
		default:
			if ts.streetNamed(k) {
				named = true
			}
			caps++
		}
		end = k
	}
	if end < 0 {
		return -1, false, false
	}
	// trim trailing connectors and lower-case words
	for end > start && ts.toks[end].kind == ttAlpha && !ts.toks[end].capital && !ts.streetWord(end) {
		end--
	}
	if firstDigit && !street && !unit && !named && !cue {
		// count again without the trimmed words and single lower-case
		// letters ("501(c)3 organisation")
		caps = 0
		for k := start; k <= end; k++ {
			if t := &ts.toks[k]; t.kind == ttAlpha && (t.capital || t.e-t.s >= 2) {
				caps++
			}
		}
	}
	// a first digit with nothing but words after is "20 Things"
	switch {
	case digits == 0:
		return end, false, false
	case street || unit || named:
		return end, caps > 0 || unit, true
	case cue:
		return end, caps > 0 || digits >= 1 && end > start, false
	case firstDigit && caps >= 1 && digits >= 2:
		// "3421 Fagradalsbraut 71": number, name, number
		return end, true, false
	}
	return end, false, false
}

// placeRules reports cities after place words ("in", "from", "lives in")
// and before a state code ("Los Angeles, CA"); a state or country name
// is a hint only.
func (ts *textScanner) placeRules() {
	n := len(ts.toks)
	for i := 0; i < n; i++ {
		t := &ts.toks[i]
		if t.kind != ttAlpha || t.used {
			continue
		}
		if ts.is(i, "in", "from", "to", "at", "visit", "visiting", "near", "of", "city") && i+1 < n && ts.tight(i+1) {
			j := i + 1
			if !ts.placeStart(j) {
				continue
			}
			// in upper-case text a capital is no evidence; a short
			// upper-case word is an acronym (ATM)
			if ts.toks[j].allCaps && (t.allCaps || ts.toks[j].e-ts.toks[j].s <= 3 && !ts.stateCode(j)) {
				continue
			}
			e := j
			for e+1 < n && e < j+3 && ts.tight(e+1) && ts.placeWord(e+1) {
				e++
			}
			if ts.is(i, "of") && !ts.ctxBefore(i, 2, "university", "city", "town", "economy", "county") {
				continue
			}
			w := ts.low[ts.toks[j].s:ts.toks[e].e]
			conf := 0.6
			if textCountries[w] || textStates[w] {
				conf = 0.4
			}
			ts.add(CategoryAddress, ts.toks[j].s, ts.toks[e].e, conf)
			i = e
			continue
		}
		// City, ST
		if t.capital && !t.used && ts.placeWord(i) {
			e := i
			for e+1 < n && ts.tight(e+1) && ts.placeWord(e+1) && e < i+2 {
				e++
			}
			if e+1 < n && ts.gap(e+1) == ", " && ts.stateCode(e+1) {
				ts.add(CategoryAddress, t.s, ts.toks[e+1].e, 0.8)
				i = e + 1
				continue
			}
		}
		// a known country or state name elsewhere: a hint
		if t.capital && ts.placeWord(i) {
			e := i
			for e+1 < n && ts.tight(e+1) && ts.toks[e+1].capital && e < i+2 {
				e++
			}
			for ; e >= i; e-- {
				w := ts.low[t.s:ts.toks[e].e]
				if textCountries[w] || textStates[w] {
					ts.add(CategoryAddress, t.s, ts.toks[e].e, 0.4)
					ts.cityLineBefore(i)
					i = e
					break
				}
			}
		}
	}
}

// cityLineBefore finds the city of an address block written a line each:
// the line before a country or state line (token i starts it) holding one
// to three capitalized place words ("ALFRICK\nUnited Kingdom", "Chiclana de
// la Frontera\nSpain").
func (ts *textScanner) cityLineBefore(i int) bool {
	if i == 0 || !strings.Contains(ts.gap(i), "\n") {
		return false
	}
	e := i - 1
	j := e
	for j > 0 && !strings.Contains(ts.gap(j), "\n") && e-j < 4 {
		j--
	}
	if j > 0 && !strings.Contains(ts.gap(j), "\n") || e-j > 4 || !ts.placeWord(j) {
		return false
	}
	for k := j; k <= e; k++ {
		if !ts.placeWord(k) && !ts.is(k, "de", "del", "la", "le", "di", "da", "am", "an", "der", "o", "upon", "on") {
			return false
		}
	}
	ts.add(CategoryAddress, ts.toks[j].s, ts.toks[e].e, 0.7)
	return true
}

func (ts *textScanner) placeStart(j int) bool {
	t := &ts.toks[j]
	if !t.capital || !ts.placeWord(j) {
		return false
	}
	// a well-known given name after "to" is a person ("to John")
	if t.lx&lxGivenMask == 3 && t.lx&lxEng == 0 && ts.is(j-1, "to", "at") {
		return false
	}
	return true
}

// placeWord reports whether word i can be (part of) a place name.
func (ts *textScanner) placeWord(i int) bool {
	t := &ts.toks[i]
	if t.kind != ttAlpha || t.used || !t.capital && !t.allCaps {
		return false
	}
	if t.lx&(lxStop|lxCtxMask) != 0 || t.lx>>lxMonthShift&0xf != 0 {
		return false
	}
	w := ts.lw(i)
	if textCountries[w] || textStates[w] {
		return true
	}
	if t.lx&lxEngCommon != 0 && !t.allCaps {
		switch w {
		case "new", "san", "los", "las", "saint", "port", "fort", "mount", "lake", "north", "south", "east", "west", "upper", "lower", "great", "little", "united":
			return true
		}
		return false
	}
	return !textDays[w]
}

var textDays = wordSet(`monday tuesday wednesday thursday friday saturday sunday today tomorrow i`)

// coveredBy reports whether s[s:e] overlaps a finding of one of cats.
func (ts *textScanner) coveredBy(s, e int32, cats ...Category) bool {
	for _, f := range ts.out {
		if int(s) < f.End && int(e) > f.Start {
			for _, c := range cats {
				if f.Category == c {
					return true
				}
			}
		}
	}
	return false
}

// phoneRunEnd returns the last word of a phone number starting at word i,
// or -1: three or more groups of digits (or two of ten digits or more)
// joined by phone punctuation ("0494 92 82 32", "416 60 039", "(37)
// 788-063").
func (ts *textScanner) phoneRunEnd(i int) int {
	n := len(ts.toks)
	groups, digits, last := 0, 0, i
	for k := i; k < n && ts.toks[k].kind == ttDigit; k++ {
		if k > i {
			switch ts.gap(k) {
			case " ", "-", ".", ") ", ")", " (", "(", "-(", ")-", " - ":
			default:
				k = n
				continue
			}
			if ts.toks[k].newline {
				break
			}
		}
		groups++
		digits += int(ts.toks[k].e - ts.toks[k].s)
		last = k
	}
	if digits >= 7 && digits <= 15 && (groups >= 3 || groups == 2 && digits >= 10) {
		return last
	}
	return -1
}

// intersection reports "the corner of 159 Venizelou str and Rennie Union"
// (also "intersection of", "junction of", "&") from word i, the corner
// word, and returns the last word, or -1.
func (ts *textScanner) intersection(i int) int {
	n := len(ts.toks)
	street := func(from int) int {
		e := -1
		for k := from; k < n && k < from+6; k++ {
			t := &ts.toks[k]
			if k > from && (!ts.addrGapOK(k) || t.newline || strings.Contains(ts.gap(k), ". ") && !t.capital) {
				break
			}
			if ts.is(k, "and") || t.used && !ts.coveredBy(t.s, t.e, CategoryAddress, CategoryZIP, CategoryName) {
				break
			}
			if t.kind == ttAlpha && !t.capital && !ts.streetWord(k) && !ts.streetNamed(k) && t.lx&(lxEng|lxEngCommon) != 0 {
				break
			}
			e = k
		}
		for e >= from && ts.toks[e].kind == ttAlpha && !ts.toks[e].capital && !ts.streetWord(e) && !ts.streetNamed(e) && ts.toks[e].lx != 0 {
			e--
		}
		if e < from {
			return -1
		}
		return e
	}
	e1 := street(i + 2)
	if e1 < 0 || e1+2 >= n || !(ts.is(e1+1, "and") || ts.gap(e1+1) == " & ") {
		return -1
	}
	j := e1 + 1
	if !ts.is(j, "and") {
		j = e1
	}
	if !ts.toks[j+1].capital && ts.toks[j+1].kind == ttAlpha {
		return -1
	}
	e2 := street(j + 1)
	if e2 < 0 {
		return -1
	}
	s := i
	if ts.is(i-1, "the") && ts.tight(i) {
		s = i - 1
	}
	// names the street words took are the street's
	out := ts.out[:0]
	for _, f := range ts.out {
		if f.Category == CategoryName && f.Start >= int(ts.toks[s].s) && f.End <= int(ts.toks[e2].e) {
			continue
		}
		out = append(out, f)
	}
	ts.out = out
	ts.add(CategoryAddress, ts.toks[s].s, ts.toks[e2].e, 0.85)
	return e2
}
