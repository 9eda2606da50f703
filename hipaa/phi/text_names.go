package phi

// ---- personal names in prose ----

// textNameLabels are words after which a name follows: "name is X",
// "named X", "called X", "Dear X".
var textNameLabels = wordSet(`name named called dear hi hello patient pt mr mrs ms miss dr prof mx sir madam
firstname lastname surname by`)

// textNotNames are capitalised words that name no person in prose: royal
// and noble titles, organisation words, languages and nationalities
// (several are surnames too: English, King, Force).
var textNotNames = wordSet(`princess prince royal king queen duke duchess earl baron baroness lord lady
emperor empress majesty highness border force agency department ministry bureau council committee
police army navy university college institute hospital clinic foundation association society
english french german spanish italian portuguese dutch danish swedish norwegian finnish polish russian
japanese chinese korean american british irish scottish welsh canadian mexican brazilian greek
turkish arabic hebrew hindi latin`)

func (ts *textScanner) isTitle(i int) bool {
	return ts.is(i, "mr", "mrs", "ms", "miss", "dr", "prof", "mx")
}

// nameTier returns the name-list strength of word i (0 when in no list)
// and whether it is also an English word.
func (ts *textScanner) nameTier(i int) (tier int, eng, common bool) {
	t := &ts.toks[i]
	if t.lx&textDeny != 0 {
		return 3, false, false
	}
	if t.lx&(lxStop|lxFiller|lxCtxMask|lxSuffix|lxDirection) != 0 || t.lx>>lxMonthShift&0xf != 0 {
		return 0, false, false
	}
	if t.lx&lxState != 0 && t.e-t.s == 2 {
		return 0, false, false
	}
	tier = max(int(t.lx&lxGivenMask), int(t.lx>>lxSurShift&3))
	return tier, t.lx&lxEng != 0, t.lx&lxEngCommon != 0
}

// nameCand reports whether word i may be part of a name: capitalised (or
// upper case), alphabetic, not a known non-name.
func (ts *textScanner) nameCand(i int) bool {
	if i < 0 || i >= len(ts.toks) {
		return false
	}
	t := &ts.toks[i]
	if t.kind != ttAlpha || t.used || !t.capital {
		return false
	}
	if t.lx&(lxStop|lxCtxMask) != 0 && t.lx&textDeny == 0 || t.lx>>lxMonthShift&0xf != 0 {
		return false
	}
	w := ts.lw(i)
	if textDays[w] || textCountries[w] || textStates[w] || textStreetWords[w] && t.e-t.s <= 4 || ts.streetBits(i)&tsNotName != 0 && t.lx&textDeny == 0 {
		return false
	}
	return true
}

// foreignName: a capitalised word in no list at all (no name list, no
// English word list), or with non-ASCII letters: a rare or foreign name.
func (ts *textScanner) foreignName(i int) bool {
	t := &ts.toks[i]
	if !t.ascii {
		return t.e-t.s >= 3
	}
	return t.lx == 0 && t.e-t.s >= 3 && !t.allCaps
}

// initial reports whether word i is a middle initial ("J", "J.").
func (ts *textScanner) initial(i int) bool {
	if i < 0 || i >= len(ts.toks) {
		return false
	}
	t := &ts.toks[i]
	return t.kind == ttAlpha && t.e-t.s == 1 && t.capital
}

// nameRun returns the last word of a run of name words from i: up to
// four capitalised words and initials on one line.
func (ts *textScanner) nameRun(i int) int {
	e := i
	for k := i + 1; k < len(ts.toks) && k <= i+3; k++ {
		g := ts.gap(k)
		if !(g == " " || g == ". " || g == "-") || ts.toks[k].newline {
			break
		}
		if g == ". " && !ts.initial(k-1) {
			break
		}
		if !ts.nameCand(k) && !ts.initial(k) {
			break
		}
		if ts.streetWord(k+1) && ts.tight(k+1) {
			break // "Zachary Cliffs"? the street rule's
		}
		e = k
	}
	for e > i && ts.initial(e) {
		e--
	}
	return e
}

func (ts *textScanner) nameRules() {
	n := len(ts.toks)
	for i := 0; i < n; i++ {
		t := &ts.toks[i]
		if t.kind != ttAlpha || t.used {
			continue
		}
		// title or label, then the name
		if ts.isTitle(i) || textNameLabels[ts.lw(i)] {
			j := i + 1
			if ts.is(i, "name") || ts.is(i, "surname", "lastname", "firstname") {
				for j < n && j <= i+2 && ts.is(j, "is", "was") {
					j++
				}
				if j < n && ts.toks[j].newline && !ts.nameCand(j) {
					continue
				}
			} else if ts.is(i, "called") && ts.is(j, "me") {
				j++
			}
			if j >= n || ts.toks[j].used || ts.toks[j].kind != ttAlpha {
				continue
			}
			u := &ts.toks[j]
			ok := ts.nameCand(j)
			if !ok && !u.capital && ts.is(i, "name", "named", "called", "surname", "lastname", "firstname") {
				// "my name is andrea": lower case, a name and no English word
				tier, eng, _ := ts.nameTier(j)
				ok = tier >= 1 && !eng || ts.foreignName(j)
			}
			if !ok {
				continue
			}
			conf := 0.85
			if ts.is(i, "hi", "hello", "dear", "patient", "pt", "by") {
				tier, _, common := ts.nameTier(j)
				if tier == 0 && !ts.foreignName(j) || common {
					continue
				}
				conf = 0.75
			}
			e := j
			if u.capital {
				e = ts.nameRun(j)
			}
			ts.add(CategoryName, u.s, ts.toks[e].e, conf)
			i = e
			continue
		}
		if !ts.nameCand(i) {
			continue
		}
		// runs of capitalised words with name evidence
		e := ts.nameRun(i)
		strong, weak, foreign, words := 0, 0, 0, 0
		for k := i; k <= e; k++ {
			if ts.initial(k) {
				continue
			}
			words++
			tier, eng, common := ts.nameTier(k)
			switch {
			case tier >= 1 && !eng:
				strong++
			case tier >= 2 && !common:
				weak++
			case tier >= 1:
				weak++
			case ts.foreignName(k):
				foreign++
			}
		}
		conf := 0.0
		prevDigit := i > 0 && ts.toks[i-1].kind == ttDigit && ts.tight(i)
		switch {
		case words >= 2 && strong >= 1 && strong+weak+foreign == words:
			conf = 0.85
		case words >= 2 && weak >= 1 && weak+foreign == words && !t.sentStart:
			conf = 0.6
		case words >= 2 && foreign == words && !ts.toks[i].allCaps:
			conf = 0.55
		case words == 1 && strong == 1 && !t.allCaps:
			conf = 0.6
			if t.sentStart {
				conf = 0.5
			}
		case words == 1 && (foreign == 1 || weak == 1) && i+1 < n && ts.gap(i+1) == "'" && ts.is(i+1, "s"):
			conf = 0.6 // "Bodnár's"
		case words == 1 && foreign == 1 && !ts.is(i-1, "in", "from", "to", "at", "of", "near", "visit"):
			conf = 0.5 // a word in no list: a rare name, or a place
		}
		if prevDigit || conf == 0 {
			i = e
			continue
		}
		// a country or state of several words ("New Zealand"), or a weak
		// name after a place word ("in Tobel", "home city Assen"): the
		// place rules'
		if textStates[ts.low[t.s:ts.toks[e].e]] || textCountries[ts.low[t.s:ts.toks[e].e]] ||
			i > 0 && ts.tight(i) && textStates[ts.low[ts.toks[i-1].s:ts.toks[e].e]] ||
			conf < 0.85 && i > 0 && ts.tight(i) && ts.is(i-1, "in", "from", "at", "near", "city", "town", "visiting", "visit") &&
				t.lx&lxGivenMask < 2 && !ts.hasInitial(i, e) {
			i = e
			continue
		}
		ts.add(CategoryName, t.s, ts.toks[e].e, conf)
		i = e
	}
}

// spreadNames marks the other occurrences of a word found in a name, and
// the capitalised words listed with a name ("Monjeau, Graves and Reed").
func (ts *textScanner) spreadNames() {
	n := len(ts.toks)
	seen := map[string]bool{}
	for _, f := range ts.out {
		if f.Category == CategoryName && f.Confidence >= 0.5 {
			for k := range ts.toks {
				if t := &ts.toks[k]; int(t.s) >= f.Start && int(t.e) <= f.End && t.e-t.s >= 3 {
					seen[ts.word(k)] = true
				}
			}
		}
	}
	if len(seen) == 0 {
		return
	}
	for i := 0; i < n; i++ {
		t := &ts.toks[i]
		if t.used || !ts.nameCand(i) {
			continue
		}
		if seen[ts.word(i)] {
			ts.add(CategoryName, t.s, t.e, 0.7)
			continue
		}
		if t.lx&lxEngCommon != 0 {
			continue
		}
		// in a list with a name: "A, B and C"
		for _, k := range [2]int{i - 1, i + 1} {
			if k < 0 || k >= n || ts.toks[k].kind != ttAlpha {
				continue
			}
			g := ts.gap(max(i, k))
			if (g == ", " || g == " and " || g == " & ") && seen[ts.word(k)] {
				ts.add(CategoryName, t.s, t.e, 0.6)
				seen[ts.word(i)] = true
				break
			}
		}
	}
}

// lowerCaseNames reads a text written without capitals ("follow up with
// patricia desrosiers"): two or three adjacent words, each in a name list
// (a common English word only when a top given name) or foreign, at least
// one a name that is no English word, with lower-case initials between.
func (ts *textScanner) lowerCaseNames() {
	n := len(ts.toks)
	cand := func(k int) (strong, ok bool) {
		t := &ts.toks[k]
		if t.kind != ttAlpha || t.used || t.e-t.s < 2 {
			return false, false
		}
		if t.lx&(lxStop|lxFiller|lxCtxMask|lxSuffix|lxDirection) != 0 || t.lx>>lxMonthShift&0xf != 0 {
			return false, false
		}
		if t.lx&lxEngCommon != 0 && t.lx&lxGivenMask != 3 {
			return false, false // a common word, unless a top given name (maria)
		}
		w := ts.lw(k)
		if textDays[w] || textCountries[w] || textStates[w] || textNotNames[w] || textStreetWords[w] || textUnitWords[w] {
			return false, false
		}
		tier, eng, _ := ts.nameTier(k)
		return tier >= 1 && !eng, tier >= 1 || !t.ascii && t.e-t.s >= 3
	}
	for i := 0; i < n; i++ {
		s1, ok1 := cand(i)
		if !ok1 {
			continue
		}
		// a list: "silvana, adam, christopher and kristina"
		if k, strongs := ts.lowerNameList(i, cand); k-i >= 3 && strongs >= 2 {
			for j := i; j <= k; j++ {
				if !ts.is(j, "and") {
					ts.add(CategoryName, ts.toks[j].s, ts.toks[j].e, 0.6)
				}
			}
			i = k
			continue
		}
		e, strong := i, s1
		for k := i + 1; k < n && k <= i+3; k++ {
			g := ts.gap(k)
			if !(g == " " || g == ". ") || ts.toks[k].newline {
				break
			}
			t := &ts.toks[k]
			if t.kind == ttAlpha && t.e-t.s == 1 && k+1 < n && !ts.toks[k+1].newline {
				continue // an initial
			}
			if g != " " {
				break
			}
			s2, ok2 := cand(k)
			if !ok2 {
				break
			}
			strong = strong || s2
			e = k
		}
		if e > i && strong {
			ts.add(CategoryName, ts.toks[i].s, ts.toks[e].e, 0.6)
			i = e
		}
	}
}

// hasInitial reports whether an initial lies among words i..e.
func (ts *textScanner) hasInitial(i, e int) bool {
	for k := i; k <= e; k++ {
		if ts.initial(k) {
			return true
		}
	}
	return false
}

// lowerNameList returns the last word of a list of single name words from
// i joined by ", " and " and " ("adam, chad and caleb"; the list ends
// after the "and"), and how many of them are names that are no English
// word.
func (ts *textScanner) lowerNameList(i int, cand func(int) (bool, bool)) (last, strongs int) {
	n := len(ts.toks)
	last = i
	if s, _ := cand(i); s {
		strongs++
	}
	for k := i; k+1 < n; {
		next := k + 1
		switch {
		case ts.gap(next) == ", " && ts.is(next, "and") && next+1 < n && ts.gap(next+1) == " ":
			next++
		case ts.gap(next) == ", ":
		case ts.gap(next) == " " && ts.is(next, "and") && next+1 < n && ts.gap(next+1) == " ":
			next++
		default:
			return last, strongs
		}
		s, ok := cand(next)
		if !ok {
			return last, strongs
		}
		if s {
			strongs++
		}
		if next == k+2 {
			// the "and" word lies between: the list ends here
			return next, strongs
		}
		last, k = next, next
	}
	return last, strongs
}
