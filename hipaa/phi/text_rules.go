package phi

import "strings"

// ---- numbers: dates, ages, years, cards, phones, ZIP codes ----

func (ts *textScanner) month(i int) int {
	if i < 0 || i >= len(ts.toks) || ts.toks[i].kind != ttAlpha {
		return 0
	}
	t := &ts.toks[i]
	m := int(t.lx >> lxMonthShift & 0xf)
	if m == 0 {
		return 0
	}
	// Short or ambiguous forms ("may", "mar", "jan") need a capital.
	if !t.capital && (t.e-t.s <= 4 || m == 5) {
		return 0
	}
	return m
}

// ordinalDay returns the day of a word such as "3", "3rd", "21st".
func (ts *textScanner) ordinalDay(i int) int {
	if i < 0 || i >= len(ts.toks) {
		return 0
	}
	w := ts.word(i)
	k := 0
	for k < len(w) && isDigit(w[k]) {
		k++
	}
	if k == 0 || k > 2 {
		return 0
	}
	switch strings.ToLower(w[k:]) {
	case "", "st", "nd", "rd", "th":
	default:
		return 0
	}
	d := atoi(w[:k])
	if d < 1 || d > 31 {
		return 0
	}
	return d
}

func (ts *textScanner) isYear(i int) bool {
	if ts.digitLen(i) != 4 {
		return false
	}
	y := ts.val(i)
	return y >= 1800 && y <= 2099
}

func (ts *textScanner) numberRules() {
	n := len(ts.toks)
	for i := 0; i < n; i++ {
		if ts.toks[i].used {
			continue
		}
		if m := ts.month(i); m != 0 {
			ts.writtenDate(i)
			continue
		}
		if t := &ts.toks[i]; t.kind == ttAlpha && (t.capital || t.e-t.s == 2) && ts.relativeDate(i) {
			continue
		}
		if ts.toks[i].kind == ttDigit && !ts.usedAt(i) {
			ts.numericDate(i)
		}
	}
}

// numericDate matches 4/5/1992, 1992-04-05, 05.04.1992, with a time after.
func (ts *textScanner) numericDate(i int) {
	n := len(ts.toks)
	if i+1 < n && ts.gap(i+1) == "/" && ts.digitLen(i) <= 2 && ts.digitLen(i+1) >= 1 && ts.digitLen(i+1) <= 2 &&
		!(i+2 < n && (ts.gap(i+2) == "/" || ts.gap(i+2) == "-") && ts.toks[i+2].kind == ttDigit) &&
		ts.is(i-1, "on", "since", "from", "until", "till", "by", "before", "after", "dated", "date", "dob") &&
		(validDate(2000, ts.val(i), ts.val(i+1)) || validDate(2000, ts.val(i+1), ts.val(i))) {
		// a day and month without a year after a date word: "on 12/05"
		ts.add(CategoryDate, ts.toks[i].s, ts.toks[ts.timeAfter(i+1)].e, 0.6)
		return
	}
	if i+2 >= n || ts.toks[i+1].kind != ttDigit || ts.toks[i+2].kind != ttDigit {
		return
	}
	g1, g2 := ts.gap(i+1), ts.gap(i+2)
	if g1 != g2 || (g1 != "/" && g1 != "-" && g1 != ".") {
		return
	}
	a, b, c := ts.digitLen(i), ts.digitLen(i+1), ts.digitLen(i+2)
	ok := false
	switch {
	case a == 4 && b <= 2 && c <= 2:
		ok = validDate(ts.val(i), ts.val(i+1), ts.val(i+2))
	case a <= 2 && b <= 2 && c == 4:
		y := ts.val(i + 2)
		ok = validDate(y, ts.val(i), ts.val(i+1)) || validDate(y, ts.val(i+1), ts.val(i))
	case a <= 2 && b <= 2 && c == 2 && g1 == "/":
		ok = validDate(2000, ts.val(i), ts.val(i+1)) || validDate(2000, ts.val(i+1), ts.val(i))
	}
	if !ok || i+3 < n && ts.toks[i+3].kind == ttDigit && ts.gap(i+3) == g1 {
		return
	}
	e := i + 2
	// a time: 12:20[:39]
	if e+2 < n && ts.digitLen(e+1) == 2 || e+2 < n && ts.digitLen(e+1) == 1 {
		if g := ts.gap(e + 1); (g == " " || g == "T") && ts.gap(e+2) == ":" && ts.digitLen(e+2) == 2 {
			e += 2
			if e+1 < n && ts.gap(e+1) == ":" && ts.digitLen(e+1) == 2 {
				e++
			}
		}
	}
	ts.add(CategoryDate, ts.toks[i].s, ts.toks[e].e, 0.8)
}

// writtenDate matches "March 3, 2020", "3 March 2020", "March 3rd",
// "the 3rd of March", "March the 3rd", "March 2020", ranges ("March 3-5,
// 2020", "3 to 5 March"), a weekday before ("Monday, March 3") and a time
// after ("March 3, 2020 at 10:30 am") around the month word i.
func (ts *textScanner) writtenDate(i int) {
	s, e := i, i
	conf := 0.0
	yearAfter := func(k int) bool {
		return ts.isYear(k) && (ts.tight(k) || ts.gap(k) == ", " || ts.gap(k) == ",")
	}
	if d := ts.ordinalDay(i + 1); d > 0 && ts.tight(i+1) {
		e, conf = i+1, 0.7
	} else if d := ts.ordinalDay(i + 2); d > 0 && ts.is(i+1, "the") && ts.tight(i+1) && ts.tight(i+2) {
		e, conf = i+2, 0.7 // March the 3rd
	} else if d := ts.ordinalDay(i - 1); d > 0 && ts.tight(i) {
		s, conf = i-1, 0.7
	} else if d := ts.ordinalDay(i - 2); d > 0 && ts.is(i-1, "of") && ts.tight(i) && ts.tight(i-1) {
		s, conf = i-2, 0.7 // the 3rd of March
	}
	if conf > 0 {
		// a range: March 3-5, March 3 to 5, 3-5 March
		if s == i && ts.rangeDay(e+1) {
			e++
		} else if s < i && s > 0 && ts.rangeDayBack(s) {
			s--
		}
		if yearAfter(e + 1) {
			e++
			conf = 0.85
		}
	} else if yearAfter(i + 1) {
		e, conf = i+1, 0.6
	}
	if conf == 0 {
		return
	}
	// Monday, March 3
	if s > 0 && textWeekdays[ts.lw(s-1)] && ts.toks[s-1].kind == ttAlpha && (ts.tight(s) || ts.gap(s) == ", ") {
		s--
	} else if s > 1 && ts.is(s-1, "the") && ts.tight(s) && textWeekdays[ts.lw(s-2)] && ts.toks[s-2].kind == ttAlpha && ts.gap(s-1) == ", " {
		s -= 2
	}
	e = ts.timeAfter(e)
	ts.add(CategoryDate, ts.toks[s].s, ts.toks[e].e, conf)
}

// rangeDay reports whether word k ends a day range: "-5", "to 5th".
func (ts *textScanner) rangeDay(k int) bool {
	if k >= len(ts.toks) {
		return false
	}
	if g := ts.gap(k); (g == "-" || g == " - " || g == "–") && ts.ordinalDay(k) > 0 {
		return true
	}
	return false
}

// rangeDayBack reports whether a day range ends at word s: "3-5 March".
func (ts *textScanner) rangeDayBack(s int) bool {
	if g := ts.gap(s); (g == "-" || g == " - " || g == "–") && ts.ordinalDay(s-1) > 0 {
		return true
	}
	return false
}

// timeAfter extends a date ending at word e by a time: "10:30", "at
// 10:30 am", "10am".
func (ts *textScanner) timeAfter(e int) int {
	n := len(ts.toks)
	k := e + 1
	if k < n && ts.is(k, "at") && ts.tight(k) {
		k++
	}
	if k >= n || !(ts.tight(k) || ts.gap(k) == ", " || ts.gap(k) == " ") {
		return e
	}
	L := ts.digitLen(k)
	switch {
	case (L == 1 || L == 2) && k+1 < n && ts.gap(k+1) == ":" && ts.digitLen(k+1) == 2:
		k++
		if k+1 < n && ts.gap(k+1) == ":" && ts.digitLen(k+1) == 2 {
			k++
		}
		if k+1 < n && ts.tight(k+1) && ts.is(k+1, "am", "pm") {
			k++
		}
		return k
	case (L == 1 || L == 2) && k+1 < n && ts.tight(k+1) && ts.is(k+1, "am", "pm"):
		return k + 1
	case ts.toks[k].kind == ttMixed && ts.is(k, "1am", "2am", "3am", "4am", "5am", "6am", "7am", "8am", "9am", "10am", "11am", "12am",
		"1pm", "2pm", "3pm", "4pm", "5pm", "6pm", "7pm", "8pm", "9pm", "10pm", "11pm", "12pm"):
		return k
	}
	return e
}

var textWeekdays = wordSet(`monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun`)

// relativeDate matches a weekday with a relative or date word ("next
// Monday", "last Friday", "on Tuesday the 5th") and an ordinal day after
// "on the" ("on the 21st"). Word i is the weekday or "on".
func (ts *textScanner) relativeDate(i int) bool {
	n := len(ts.toks)
	t := &ts.toks[i]
	w := ts.lw(i)
	if textWeekdays[w] && len(w) > 3 && t.capital {
		s, e := i, i
		conf := 0.0
		if i > 0 && ts.tight(i) && ts.is(i-1, "next", "last", "this", "coming", "past", "previous") {
			s, conf = i-1, 0.55
		}
		// Tuesday the 5th, Tuesday 5th
		if ts.is(i+1, "the") && ts.tight(i+1) && ts.ordinalDay(i+2) > 0 && ts.tight(i+2) {
			e, conf = i+2, 0.7
		} else if i+1 < n && ts.tight(i+1) && ts.ordinalDay(i+1) > 0 && ts.toks[i+1].kind == ttMixed {
			e, conf = i+1, 0.7
		}
		if conf == 0 {
			return false
		}
		e = ts.timeAfter(e)
		ts.add(CategoryDate, ts.toks[s].s, ts.toks[e].e, conf)
		return true
	}
	// on the 21st (not "on the 5th floor")
	if w == "on" && ts.is(i+1, "the") && ts.tight(i+1) && i+2 < n && ts.tight(i+2) && ts.toks[i+2].kind == ttMixed && ts.ordinalDay(i+2) > 0 {
		if i+3 < n && ts.tight(i+3) && ts.toks[i+3].kind == ttAlpha && !ts.is(i+3, "at", "and", "or", "of", "in") {
			return false
		}
		if ts.is(i+3, "of") {
			return false // the 3rd of March: writtenDate's
		}
		e := ts.timeAfter(i + 2)
		ts.add(CategoryDate, ts.toks[i+2].s, ts.toks[e].e, 0.6)
		return true
	}
	return false
}

// laterNumberRules runs after the address rules: ages, bare years, card
// numbers without separators, phone numbers, ZIP codes.
func (ts *textScanner) laterNumberRules() {
	n := len(ts.toks)
	for i := 0; i < n; i++ {
		t := &ts.toks[i]
		if t.kind == ttAlpha {
			if ts.is(i, "zip", "zipcode", "postal", "postcode") {
				ts.zipAfterLabel(i)
			} else if ts.stateCode(i) && ts.digitLen(i+1) == 5 && ts.tight(i+1) {
				ts.cityBeforeState(i)
			}
			continue
		}
		if t.used || ts.usedAt(i) {
			continue
		}
		if t.kind == ttDigit && ts.age(i) {
			continue
		}
		if ts.phone(i) {
			continue
		}
		if t.kind != ttDigit {
			continue
		}
		L := ts.digitLen(i)
		switch {
		case L >= 12 && L <= 19 && ts.cardCtx(i) || L >= 12 && L <= 19 && luhn(ts.word(i)):
			conf := 0.8
			if ts.cardCtx(i) {
				conf = 0.95
			}
			ts.add(CategoryAccount, t.s, t.e, conf)
		case L == 9 && ts.ctxBefore(i, 4, "ssn", "social"):
			ts.add(CategorySSN, t.s, t.e, 0.9)
		case L == 5 && ts.usZIP(i):
		case ts.isYear(i):
			// A bare year: Safe Harbor keeps it; a hint only.
			if ts.ctxBefore(i, 2, "in", "since", "of", "during", "year", "until", "from", "by", "circa", "around", "before", "after", "early", "late", "mid", "the") {
				ts.add(CategoryDate, t.s, t.e, 0.4)
			}
		}
	}
}

func (ts *textScanner) stateCode(i int) bool {
	t := &ts.toks[i]
	return t.kind == ttAlpha && t.e-t.s == 2 && t.allCaps && t.lx&lxState != 0
}

// ctxBefore reports whether one of words is among the max words before i
// (on the same line).
func (ts *textScanner) ctxBefore(i, max int, words ...string) bool {
	for k := i - 1; k >= 0 && k >= i-max; k-- {
		if ts.is(k, words...) {
			return true
		}
		if ts.toks[k+1].newline {
			return false
		}
	}
	return false
}

func (ts *textScanner) cardCtx(i int) bool {
	return ts.ctxBefore(i, 5, "card", "cc", "credit", "visa", "mastercard", "amex", "debit", "acct", "account")
}

// age matches "64 years old", "aged 64", "age of 64", "turned 64".
func (ts *textScanner) age(i int) bool {
	L := ts.digitLen(i)
	if L < 1 || L > 3 {
		return false
	}
	v := ts.val(i)
	if v > 125 {
		return false
	}
	ok := false
	switch {
	case ts.is(i+1, "years", "year", "yrs", "yr") && ts.is(i+2, "old", "of"):
		ok = true
	case ts.is(i+1, "yo", "y") && (ts.gap(i+2) == "/" && ts.is(i+2, "o") || ts.is(i+1, "yo")):
		ok = true
	case ts.is(i-1, "aged", "age", "turned", "turn", "turning", "turns") && ts.tight(i):
		ok = true
	case ts.is(i-1, "of") && ts.is(i-2, "age") && ts.tight(i):
		ok = true
	case ts.is(i-1, "was", "is", "am") && ts.is(i-2, "he", "she", "i", "patient") && (i+1 >= len(ts.toks) || ts.gap(i+1) != " " && ts.gap(i+1) != "-"):
		ok = true
	}
	if !ok {
		return false
	}
	conf := 0.45 // Safe Harbor keeps ages under 90
	if v >= 90 {
		conf = 0.9
	}
	t := &ts.toks[i]
	ts.add(CategoryAge, t.s, t.e, conf)
	return true
}

// phone matches groups of digits with phone punctuation: 7 to 15 digits
// in two or more groups, or 10-11 digits in one.
func (ts *textScanner) phone(i int) bool {
	n := len(ts.toks)
	digits, groups := 0, 0
	k := i
	s := ts.toks[i].s
	ext := false
	for k < n {
		t := &ts.toks[k]
		if k > i {
			g := ts.gap(k)
			switch g {
			case " ", "-", ".", ") ", ")", " (", "(", "-(", ")-", " - ":
			default:
				g = ""
			}
			if g == "" || t.used {
				break
			}
		}
		if t.kind == ttDigit {
			digits += int(t.e - t.s)
		} else if t.kind == ttMixed && k > i {
			// 7502x459: an extension
			w := ts.word(k)
			x := strings.IndexAny(w, "xX")
			if x <= 0 || strings.Trim(w[:x], "0123456789") != "" || strings.Trim(w[x+1:], "0123456789") != "" {
				break
			}
			digits += x
			ext = true
		} else {
			break
		}
		groups++
		k++
		if ext || digits > 15 {
			break
		}
	}
	k--
	if k < i || digits < 7 || digits > 15 {
		return false
	}
	if groups == 1 && (digits < 10 || digits > 11) {
		return false
	}
	if s > 0 && (ts.s[s-1] == '+' || ts.s[s-1] == '(') {
		s--
	}
	ctx := ts.ctxBefore(i, 4, "phone", "tel", "telephone", "call", "mobile", "cell", "fax", "desk", "office", "number", "reach", "text", "at") ||
		k+1 < n && ts.is(k+1, "office", "fax", "mobile", "cell", "home", "work")
	conf := 0.7
	if ctx {
		conf = 0.9
	}
	if groups == 1 && !ctx {
		conf = 0.55
	}
	cat := CategoryPhone
	if ts.ctxBefore(i, 2, "fax") || k+1 < n && ts.is(k+1, "fax") {
		cat = CategoryFax
	}
	ts.add(cat, s, ts.toks[k].e, conf)
	return true
}

// zipAfterLabel reports the code after "ZIP:", "zip code is", "postal code".
func (ts *textScanner) zipAfterLabel(i int) {
	n := len(ts.toks)
	j := i + 1
	for j < n && j <= i+3 && ts.is(j, "code", "is", "my", "of", "was", "number", "no") {
		j++
	}
	if j >= n || ts.toks[j].kind == ttAlpha || ts.usedAt(j) && !ts.coveredBy(ts.toks[j].s, ts.toks[j].e, CategoryZIP) || ts.toks[j].newline && j > i+1 {
		return
	}
	e := j
	// "B0J 2H0", "7412 SL", "340 12", "90010-170"
	if e+1 < n && !ts.toks[e+1].newline && ts.toks[e+1].e-ts.toks[e+1].s <= 4 && (ts.tight(e+1) || ts.gap(e+1) == "-") &&
		(ts.toks[e+1].kind != ttAlpha || ts.toks[e+1].allCaps) {
		e++
	}
	ts.add(CategoryZIP, ts.toks[j].s, ts.toks[e].e, 0.9)
}

// emails finds addresses that Scan's name rule leaves, such as one ending
// a sentence ("... is a@b.com.").
func (ts *textScanner) emails() {
	s := ts.s
	for at := 0; at < len(s); at++ {
		if s[at] != '@' {
			continue
		}
		b := at
		for b > 0 && (isAlnum(s[b-1]) && s[b-1] < 0x80 || strings.IndexByte("._%+-", s[b-1]) >= 0) {
			b--
		}
		e, lastDot := at+1, -1
		for e < len(s) && (isAlnum(s[e]) && s[e] < 0x80 || s[e] == '-' || s[e] == '.' && e+1 < len(s) && isAlnum(s[e+1]) && s[e-1] != '.') {
			if s[e] == '.' {
				lastDot = e
			}
			e++
		}
		if b == at || lastDot < 0 || e-lastDot < 3 {
			continue
		}
		tld := true
		for k := lastDot + 1; k < e; k++ {
			tld = tld && (isUpper(s[k]) || s[k] >= 'a' && s[k] <= 'z')
		}
		if tld && !ts.covered(int32(b), int32(e)) {
			ts.out = append(ts.out, Finding{Category: CategoryEmail, Start: b, End: e, Confidence: 0.95})
		}
	}
}

// usZIP reports a five-digit ZIP code (with its +4 after a hyphen) at
// word i after a state code or name ("IL 62704", "Illinois 62704-1234")
// or at the end of a clause after a city name ("Boston, 02110."), and
// the city before a state code that a weak name finding claimed.
func (ts *textScanner) usZIP(i int) bool {
	n := len(ts.toks)
	if i == 0 || !(ts.tight(i) || ts.gap(i) == ", " || ts.gap(i) == ",") {
		return false
	}
	e := i
	if i+1 < n && ts.gap(i+1) == "-" && ts.digitLen(i+1) == 4 {
		e = i + 1
	}
	p := i - 1
	t := &ts.toks[i]
	switch {
	case ts.stateCode(p):
		ts.add(CategoryZIP, t.s, ts.toks[e].e, 0.85)
		ts.cityBeforeState(p)
		return true
	case ts.toks[p].kind == ttAlpha && ts.toks[p].capital && (textStates[ts.lw(p)] || p > 0 && ts.tight(p) && textStates[ts.low[ts.toks[p-1].s:ts.toks[p].e]]):
		ts.add(CategoryZIP, t.s, ts.toks[e].e, 0.85)
		if !textStates[ts.lw(p)] {
			p--
		}
		ts.cityBeforeState(p)
		return true
	case ts.cityWord(p) && ts.clauseEnd(e):
		ts.add(CategoryZIP, t.s, ts.toks[e].e, 0.7)
		ts.claimCity(ts.toks[p].s, ts.toks[p].e, 0.6)
		return true
	}
	return false
}

// cityWord reports whether word i may end a city name: capitalised, in no
// stop or context list, not a weekday or month; a weak name finding on it
// does not matter.
func (ts *textScanner) cityWord(i int) bool {
	t := &ts.toks[i]
	if t.kind != ttAlpha || !t.capital || t.lx&(lxStop|lxCtxMask|lxEngCommon) != 0 || t.lx>>lxMonthShift&0xf != 0 || textDays[ts.lw(i)] {
		return false
	}
	return !t.used || ts.weakNameOnly(i)
}

// weakNameOnly reports whether word i is covered by name findings below
// 0.7 and nothing else.
func (ts *textScanner) weakNameOnly(i int) bool {
	t := &ts.toks[i]
	found := false
	for _, f := range ts.out {
		if int(t.s) < f.End && int(t.e) > f.Start {
			if f.Category != CategoryName || f.Confidence >= 0.7 {
				return false
			}
			found = true
		}
	}
	return found
}

// clauseEnd reports whether nothing but punctuation or a line break
// follows word e before the next clause.
func (ts *textScanner) clauseEnd(e int) bool {
	if e+1 >= len(ts.toks) {
		return true
	}
	if ts.toks[e+1].newline {
		return true
	}
	g := ts.gap(e + 1)
	return len(g) > 0 && strings.IndexByte(".,;)", g[0]) >= 0
}

// cityBeforeState reports the city in "Springfield, IL 62704" even when a
// weak name finding took it, and drops that finding.
func (ts *textScanner) cityBeforeState(st int) {
	if st < 1 || !(ts.gap(st) == ", " || ts.tight(st)) || !ts.cityWord(st-1) || ts.toks[st-1].sentStart && ts.tight(st) {
		return
	}
	c := st - 1
	for c > 0 && c > st-3 && ts.tight(c) && ts.cityWord(c-1) && !ts.toks[c-1].sentStart {
		c--
	}
	ts.claimCity(ts.toks[c].s, ts.toks[st-1].e, 0.8)
}

// claimCity reports s[s:e] as a city, dropping the weak name findings
// inside it.
func (ts *textScanner) claimCity(s, e int32, conf float64) {
	out := ts.out[:0]
	for _, f := range ts.out {
		if f.Category == CategoryName && f.Confidence < 0.7 && f.Start >= int(s) && f.End <= int(e) {
			continue
		}
		out = append(out, f)
	}
	ts.out = out
	ts.add(CategoryAddress, s, e, conf)
}
