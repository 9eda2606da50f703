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
		if ts.toks[i].kind == ttDigit && !ts.usedAt(i) {
			ts.numericDate(i)
		}
	}
}

// numericDate matches 4/5/1992, 1992-04-05, 05.04.1992, with a time after.
func (ts *textScanner) numericDate(i int) {
	n := len(ts.toks)
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
// "March 2020" around the month word i.
func (ts *textScanner) writtenDate(i int) {
	s, e := i, i
	conf := 0.0
	if d := ts.ordinalDay(i + 1); d > 0 && ts.tight(i+1) {
		e = i + 1
		conf = 0.7
		if ts.isYear(i+2) && (ts.tight(i+2) || ts.gap(i+2) == ", ") {
			e = i + 2
			conf = 0.85
		}
	} else if d := ts.ordinalDay(i - 1); d > 0 && (ts.tight(i) || ts.gap(i) == " of ") {
		s = i - 1
		conf = 0.7
		if ts.isYear(i+1) && (ts.tight(i+1) || ts.gap(i+1) == ", ") {
			e = i + 1
			conf = 0.85
		}
	} else if ts.isYear(i+1) && (ts.tight(i+1) || ts.gap(i+1) == ", ") {
		e = i + 1
		conf = 0.6
	}
	if conf == 0 {
		return
	}
	ts.add(CategoryDate, ts.toks[s].s, ts.toks[e].e, conf)
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
		case L == 5 && i > 0 && ts.stateCode(i-1) && (ts.tight(i) || ts.gap(i) == ", "):
			ts.add(CategoryZIP, t.s, t.e, 0.85)
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
	for j < n && j <= i+3 && ts.is(j, "code", "is", "my") {
		j++
	}
	if j >= n || ts.toks[j].kind == ttAlpha || ts.usedAt(j) || ts.toks[j].newline && j > i+1 {
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
