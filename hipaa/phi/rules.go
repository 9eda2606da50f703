package phi

import (
	"math"
	"strings"
	"unicode/utf8"
)

// tokText reports whether token i is, case-insensitively, one of words.
func (sc *scanner) tokIs(i int, words ...string) bool {
	if i < 0 || i >= len(sc.toks) {
		return false
	}
	t := sc.toks[i]
	w := sc.name[t.s:t.e]
	for _, x := range words {
		if eqFold(w, x) {
			return true
		}
	}
	return false
}

func (sc *scanner) wordHasDigit(i int) bool {
	t := sc.toks[i]
	for k := t.ws; k < t.we; k++ {
		if isDigit(sc.name[k]) {
			return true
		}
	}
	return false
}

// ---- context + identifier: "mrn 12345678", "memberId=XJH44712" ----

func (sc *scanner) idRules() {
	n := len(sc.toks)
	for i := nextTok(sc.idCand, -1); i < n; i = nextTok(sc.idCand, i) {
		t := &sc.toks[i]
		if t.kind != tkAlpha || t.masked && !(t.hexw && sc.labelDigitsWord(i)) {
			continue
		}
		c := t.ctx()
		last := i // the label's last token
		if t.lx&lxLabelHead != 0 {
			if mc, ml := sc.multiLabel(i); mc != ckNone {
				c, last = mc, ml
			} else if sc.aNumber(i) {
				c = ckImmig
			}
		}
		patient := c == ckPatient
		if !patient && !isIDCtx(c) && !isNewIDCtx(c) {
			continue
		}
		// FHIR: Patient/123, Encounter/abc-123
		fhir := last == i && t.caps == capTitle && i+1 < n && sc.gap(i+1) == '/'
		j, fillers, idWord := last+1, 0, last > i
		for j < n && fillers < 2 && sc.toks[j].kind == tkAlpha && sc.toks[j].lx&lxFiller != 0 {
			if sc.tokIs(j, "id", "no", "num", "number", "nbr", "nr") {
				idWord = true
			}
			j++
			fillers++
		}
		if j >= n {
			continue
		}
		if c == ckBiometric && j+1 < n && sc.toks[j].kind == tkAlpha && sc.toks[j].ctx() == ckNone && sc.toks[j].e == sc.toks[j].we &&
			(sc.wordHasDigit(j+1) || sc.toks[j+1].masked || j+2 < n && sc.toks[j+1].kind == tkAlpha && sc.toks[j+1].e-sc.toks[j+1].s <= 4 && sc.gap(j+2) == '-') {
			j++ // the step or the kind of record: voiceprint/enroll-8C36E481ABE0, fingerprint-templates/VP-...
		}
		if c == ckBiometric && j+1 < n && sc.toks[j].kind == tkAlpha && !sc.toks[j].masked && sc.toks[j].e-sc.toks[j].s <= 4 && sc.toks[j].caps == capUpper &&
			sc.gap(j+1) == '-' && (sc.wordHasDigit(j+1) || sc.toks[j+1].masked) {
			j++ // a template's prefix: VP-01425B3951543325, FACE-B8F3665DB5638C18
		}
		if c == ckBiometric && sc.toks[j].masked && sc.toks[j].hexw && sc.toks[j].we-sc.toks[j].ws <= 40 &&
			!sc.tokIs(i-1, "cert", "certificate", "tls", "ssl", "ssh", "key", "host", "gpg", "pgp", "x509", "sha256", "sha1", "md5") {
			// a template id in hex: FINGERPRINT_TEMPLATE#4066b97834e2e04c783a602f
			ws, we := sc.toks[j].ws, sc.toks[j].we
			sc.add(CategoryLicense, ws, we, 0.8)
			for j < n && sc.toks[j].e <= we {
				j++
			}
			i = j - 1
			continue
		}
		if (c == ckPatient || c == ckPlan || c == ckMRN) && j+1 < n && sc.toks[j].kind == tkAlpha && sc.toks[j].e == sc.toks[j].we &&
			sc.tokIs(j, "photos", "photo", "images", "image", "records", "files", "docs", "documents", "charts", "notes", "scans", "uploads", "reports", "data", "cards") &&
			sc.wordHasDigit(j+1) && sc.gap(j+1) != 0 {
			j++ // the kind of record: patient-photos/6568546_face.jpg
		}
		if j >= n {
			continue
		}
		bare := patient && !idWord // "patient-00123456": needs a strong value
		if c == ckLicense && sc.toks[j].kind == tkAlpha && sc.toks[j].ctx() == ckPlate {
			continue // "license plate": the plate rule handles it
		}
		if ((c == ckLicense || c == ckPlate) && sc.toks[j].lx&lxState != 0 || (c == ckPlan || c == ckNatID) && (sc.gap(j) == '-' || sc.gap(j) == '_') ||
			(c == ckPlan || c == ckNatID || c == ckLicense) && sc.gap(j) == '#' && sc.toks[j].caps == capUpper && sc.toks[j].e-sc.toks[j].s <= 4) &&
			sc.toks[j].kind == tkAlpha && sc.toks[j].e-sc.toks[j].s >= 2 && sc.toks[j].e-sc.toks[j].s <= 4 && (sc.toks[j].e-sc.toks[j].s == 2 || sc.gap(j) == '#') &&
			j+1 < n && sc.gap(j+1) != 0 && (sc.wordHasDigit(j+1) || c == ckPlate && j+2 < n && sc.gap(j+2) == '-' && sc.wordHasDigit(j+2)) {
			// the issuing state or country: drivers-license/CA/S1500261,
			// DL#MA#S52165620, dl-ny: 039878600, medicare-au=5901991685-3
			j++
			if g := sc.gap(j); g == '~' && !sc.kvGap(j) {
				continue
			}
		}
		if sc.toks[j].masked && (fhir && (c == ckPatient || c == ckEncounter) || c == ckMRN || (c == ckPatient || c == ckDevice || c == ckBiometric) && sc.uuidLabelGap(j)) && sc.uuidAt(int(sc.toks[j].s)) {
			// FHIR Patient/<uuid>: the server's logical id of the person
			// (an Encounter's, of the person's care); an advertising id
			// (idfa: <uuid>) or a face template's id (face-id: <uuid>)
			s := sc.toks[j].s
			cat := CategoryMRN
			switch c {
			case ckDevice:
				cat = CategoryDevice
			case ckBiometric:
				cat = CategoryLicense
			}
			sc.add(cat, s, s+36, 0.85)
			for j < n && sc.toks[j].e <= s+36 {
				j++
			}
			i = j - 1
			continue
		}
		if sc.toks[j].kind == tkAlpha && sc.toks[j].ctx() != ckNone && !sc.ctxPrefix(j) || sc.toks[j].masked && !sc.labeledHex(j) || sc.toks[j].used {
			continue
		}
		if g := sc.gap(j); g == '~' && !sc.kvGap(j) {
			continue
		}
		if u := &sc.toks[j]; u.kind == tkAlpha && u.lx&lxEng != 0 && u.e-u.s >= 4 && u.e == u.we {
			continue // an English word, not an id prefix: member-since-2019, passport-renewal-2024
		}
		k := j
		groups := 1
		for k+1 < n && (!sc.toks[k+1].masked || sc.labeledHex(k+1)) {
			g := sc.gap(k + 1)
			if g == 0 || g == '-' && sc.wordHasDigit(k+1) || g == '_' && c == ckDevice && (sc.wordHasDigit(k+1) || sc.tokLen(k+1) == 2 && sc.allHex(int(sc.toks[k+1].s), int(sc.toks[k+1].e))) ||
				c == ckPlate && (g == '-' || g == ' ') && groups <= 2 && sc.tokLen(k+1) <= 4 && (sc.toks[k].kind != sc.toks[k+1].kind || groups == 1 && sc.tokLen(k) <= 3) ||
				g == ' ' && (c == ckNatID || c == ckPlan) && sc.toks[k].kind == tkDigit && sc.toks[k+1].kind == tkDigit ||
				g == ' ' && c == ckLicense && groups == 1 && sc.toks[k+1].kind == tkDigit && sc.tokLen(k+1) >= 6 {
				// NHS numbers are written 943 476 5919
				if g != 0 {
					groups++
				}
				k++
				continue
			}
			break
		}
		if c == ckDevice {
			// a GS1 UDI or a long serial in groups: the first groups hold it
			for k > j && sc.toks[k].e-sc.toks[j].s > 24 {
				k--
			}
		}
		s, e := sc.toks[j].s, sc.toks[k].e
		if e-s > 24 && (c != ckBiometric || e-s > 32) {
			continue
		}
		digits, letters := 0, 0
		for x := s; x < e; x++ {
			switch ch := sc.name[x]; {
			case isDigit(ch):
				digits++
			case ch != '-' && ch != ' ':
				letters++
			}
		}
		if isNewIDCtx(c) || bare {
			// a date, a year or a timestamp is not an id: visit-2024-03-05,
			// Patient/2024, case_20240601, visit/1717243200
			if letters == 0 && (groups > 1 && c != ckNatID && dateGroups(sc.name[s:e]) || digits == 4 || c != ckNatID && timestampLike(sc.name[s:e])) {
				continue
			}
		} else if letters == 0 && !idWord && c != ckNatID && c != ckPlate && (groups == 3 && dateGroups(sc.name[s:e]) && !phoneSSNShape(sc.name[s:e]) ||
			groups == 1 && digits == 8 && timestampLike(sc.name[s:e]) && atoi(sc.name[s:s+2]) >= 19 && atoi(sc.name[s:s+2]) <= 20) {
			continue // a full date after a label is a date (ehr/2022-06-19, medicare-jk/2020-09-01)
		}
		size := digits + letters
		id := sc.name[s:e]
		var cat Category
		conf := 0.0
		switch c {
		case ckPatient, ckMRN:
			cat = CategoryMRN
			switch {
			case !bare:
				if digits >= 4 && size >= 5 {
					conf = 0.9
				}
			case letters == 0 && digits >= 6, letters > 0 && letters <= 4 && digits >= 5:
				conf = 0.8
			case letters == 0 && digits == 5 && sc.gap(j) != '/' && !sc.tokIs(i, "patients"):
				conf = 0.6 // patient-88213, PATIENT#88213: a small practice's numbering
			case fhir && digits >= 1 && size >= 3:
				conf = 0.8
			}
		case ckEncounter:
			// a weak label (visit, case, pid): a long number, or a short
			// prefix and digits (ENC-998877, FHIR Encounter/abc-123)
			cat = CategoryMRN
			if letters == 0 && digits < 8 && groups == 1 && sc.tokIs(last, "pid") {
				break // a process id: pid=4194304
			}
			if letters == 0 && digits >= 6 && size <= 20 || letters > 0 && letters <= 4 && digits >= 3 && size >= 6 && (groups > 1 || digits >= 5) ||
				fhir && digits >= 1 && size >= 3 {
				conf = 0.75
			} else if digits >= 2 && size >= 6 && size <= 20 && !hasLower(id) && sc.tokIs(last, "specimen", "specimenid", "accession", "requisition") {
				conf = 0.75 // specimen-QLF9WDWC7E: a lab's own id, any shape
			}
		case ckClaim:
			cat = CategoryHealthPlan
			if digits >= 5 && size >= 6 && letters <= 4 {
				conf = 0.85
			}
		case ckNatID:
			// NHS 10 digits, SIN 9, NIR 13-15, Steuer-ID 11, NINO AB123456C
			cat = CategorySSN
			if letters == 0 && groups == 2 && len(id) == 10 && id[2] == '-' {
				break // an EIN (12-3456789): an employer's or a practice's tax id
			}
			if digits >= 6 && size >= 8 && size <= 16 && letters <= 3 {
				conf = 0.8
				if letters == 0 && natIDCheck(sc.name[s:e]) {
					conf = 0.95
				}
			}
		case ckEmployee:
			cat = CategoryAccount
			if digits >= 4 && size >= 5 && letters <= 4 {
				conf = 0.8
			}
		case ckBiometric:
			// Safe Harbor (P): the id of a person's fingerprint, voice or
			// face template. No category of its own: the closest is an
			// identity credential (like the A-number).
			cat = CategoryLicense
			if sc.tokIs(i-1, "cert", "certificate", "tls", "ssl", "ssh", "key", "host", "gpg", "pgp", "x509", "sha256", "sha1", "md5") ||
				sc.tokIs(j, "sha256", "sha1", "md5", "sha") {
				break // a certificate or key fingerprint: a hash, no person's
			}
			if digits >= 2 && size >= 8 && size <= 32 {
				conf = 0.8 // a ULID is 26
			}
		case ckImmig:
			// A-number: A and 7 to 9 digits
			cat = CategoryLicense
			if digits >= 7 && digits <= 9 && letters <= 1 {
				conf = 0.85
			}
		case ckPlan:
			cat = CategoryHealthPlan
			if digits >= 4 && size >= 5 {
				conf = 0.9
			}
		case ckPlanWeak:
			cat = CategoryHealthPlan
			if periodLike(id) {
				break // coverage-2025-wk35, plan-2024Q3: a reporting period
			}
			if size >= 6 && digits >= 3 && (letters >= 1 || digits >= 7) && size <= 16 {
				conf = 0.75
			}
		case ckAccount:
			cat = CategoryAccount
			if sc.tokIs(i-1, "aws", "gcp", "azure", "cloud", "service", "storage") || letters == 0 && digits == 12 && sc.awsBefore(i) {
				break // a cloud or service account: no person's (aws:sourceAccount=252385884900)
			}
			if digits >= 4 && size >= 5 {
				conf = 0.9
			}
		case ckLicense:
			cat = CategoryLicense
			if digits >= 4 && size >= 5 {
				conf = 0.85
			} else if digits >= 2 && size >= 7 && size <= 16 && letters >= 1 && sc.tokLen(j) <= 12 {
				conf = 0.75 // passports CZHH58FN6, WA licences WDLTP2EVQW84
			}
		case ckNPI:
			// An NPI identifies a provider, not the individual (Safe
			// Harbor lists identifiers of the patient, relatives, employers
			// and household): a weak hint only, below DefaultMinConfidence.
			cat = CategoryLicense
			if digits == 10 && letters == 0 {
				conf = 0.4
				if (id[0] == '1' || id[0] == '2') && luhnDigits(id, 0, 10, "80840") {
					conf = 0.45
				}
			} else if digits >= 4 && size >= 5 {
				conf = 0.35
			}
		case ckDEA:
			cat = CategoryLicense
			if validDEA(id, true) {
				conf = 0.95
			} else if digits >= 4 && size >= 5 {
				conf = 0.7
			}
		case ckVIN:
			cat = CategoryVehicle
			if size == 17 && validVIN(id) {
				conf = 0.95
			} else if size == 17 && vinCheckDigit(id) {
				conf = 0.9 // a serial with letters, but the check digit holds
			} else if digits >= 3 && size >= 8 {
				conf = 0.75
			}
		case ckPlate:
			cat = CategoryVehicle
			if size >= 2 && size <= 8 && digits >= 1 && letters >= 1 {
				conf = 0.85
			}
		case ckDevice:
			// serials are often mostly letters: SN 9LZ36KCRZVDD
			cat = CategoryDevice
			if size < 8 && sc.gap(j) != '/' && sc.tokIs(last, "cuff", "glucometer", "oximeter", "thermometer", "inhaler", "cpap", "bipap", "concentrator", "nebulizer") {
				break // a device type before its model: bp-cuff-bp7250
			}
			if digits >= 4 && size >= 6 || digits >= 2 && letters >= 2 && size >= 8 && size <= 20 {
				conf = 0.85
			} else if digits >= 1 && letters >= 2 && size >= 6 && size <= 20 && !hasLower(id) {
				conf = 0.7 // transmitter NBH0RH, pacemaker-3QJQDL
			}
		case ckIMEI:
			cat = CategoryDevice
			if digits == 15 && letters == 0 && luhn(id) {
				conf = 0.95
			} else if digits >= 6 {
				conf = 0.75
			}
		}
		if conf == 0 {
			continue
		}
		for x := j; x <= k; x++ {
			sc.toks[x].used = true
		}
		sc.add(cat, s, e, conf)
		i = k
	}
}

// suffixLabels finds an id written before its label, the label closing
// the path segment: 00123456_mrn.pdf, A1234567-passport.jpg,
// 8812347-acct.csv. Only strong labels count, and the value must start
// the segment.
func (sc *scanner) suffixLabels() {
	n := len(sc.toks)
	for i := nextTok(sc.idCand, 0); i < n; i = nextTok(sc.idCand, i) {
		t := &sc.toks[i]
		if t.kind != tkAlpha || t.masked || t.used {
			continue
		}
		var cat Category
		conf := 0.0
		switch t.ctx() {
		case ckMRN:
			cat, conf = CategoryMRN, 0.85
		case ckPlan:
			cat, conf = CategoryHealthPlan, 0.85
		case ckAccount:
			cat, conf = CategoryAccount, 0.85
		case ckLicense:
			cat, conf = CategoryLicense, 0.8
		default:
			continue
		}
		if g := sc.gap(i); g != '-' && g != '_' {
			continue
		}
		if e := int(t.e); e < len(sc.name) && sc.name[e] != '.' && sc.name[e] != '/' {
			continue
		}
		// the value: tokens i-1 back, glued (gap 0), up to 3 tokens
		k := i - 1
		for k > 0 && k > i-3 && sc.gap(k) == 0 {
			k--
		}
		if st := sc.toks[k].s; st > 0 && sc.name[st-1] != '/' && sc.name[st-1] != '_' && sc.name[st-1] != '-' {
			continue
		}
		digits, letters, ok := 0, 0, true
		for x := k; x < i; x++ {
			u := &sc.toks[x]
			if u.masked || u.used {
				ok = false
			}
			if u.kind == tkDigit {
				digits += u.size()
			} else {
				letters += u.size()
			}
		}
		if !ok || digits < 6 || letters > 2 || digits+letters > 16 || letters == 0 && timestampLike(sc.name[sc.toks[k].s:sc.toks[i-1].e]) {
			continue
		}
		if letters == 0 && digits == 8 && validDate(atoi(sc.tokStr(i - 1)[:4]), atoi(sc.tokStr(i - 1)[4:6]), atoi(sc.tokStr(i - 1)[6:])) {
			continue // a yyyymmdd date
		}
		for x := k; x < i; x++ {
			sc.toks[x].used = true
		}
		sc.add(cat, sc.toks[k].s, sc.toks[i-1].e, conf)
	}
}

// kvGap reports whether the bytes between tokens j-1 and j are a
// key-value separator of JSON or a config line, up to 4 bytes of quotes,
// spaces and one ':' or '=': {"mrn": "00123456"}, patientId='12345'.
func (sc *scanner) kvGap(j int) bool {
	a, b := sc.toks[j-1].e, sc.toks[j].s
	if b-a > 4 {
		return false
	}
	seps := 0
	for k := a; k < b; k++ {
		switch sc.name[k] {
		case ':', '=':
			seps++
		case '#':
			// "prescription #3828858", "no. #": a number sign before the
			// value, after a space
			if k+1 != b || k == a {
				return false
			}
			seps++
		case '"', '\'', ' ':
		default:
			return false
		}
	}
	return seps == 1
}

// ctxPrefix reports whether alpha token j, a context word, is rather the
// letter prefix of an id glued to its digits: YR704839, MS1234567, DR88712.
func (sc *scanner) ctxPrefix(j int) bool {
	t := &sc.toks[j]
	switch t.ctx() {
	case ckYear, ckAgeUnit, ckTitle, ckIP, ckAccount:
	case ckEncounter:
		// enc-8812 after Encounter/: the short prefix of the id
		return t.e-t.s <= 3 && j+1 < len(sc.toks) && sc.toks[j+1].kind == tkDigit && (sc.gap(j+1) == 0 || sc.gap(j+1) == '-')
	default:
		return false
	}
	if j+1 >= len(sc.toks) || sc.toks[j+1].kind != tkDigit || t.e-t.s > 3 {
		return false
	}
	// MR-1630652: a title's letters before a dash and a long number are an
	// id's prefix too
	return sc.gap(j+1) == 0 || sc.gap(j+1) == '-' && t.caps == capUpper && sc.tokLen(j+1) >= 5
}

// isNewIDCtx reports whether c is one of the label kinds that only
// idRules uses (not the digit rules' context).
func isNewIDCtx(c ctxKind) bool {
	return c >= ckNatID && c <= ckBiometric
}

// labeledHex reports whether token j, masked as a hex word, is short
// enough (12 to 20 bytes) to be an id after a label: ABC123456789.
func (sc *scanner) labeledHex(j int) bool {
	t := &sc.toks[j]
	return t.hexw && t.we-t.ws <= 20
}

// ---- digit groups: phones, SSNs, dates, IPv4, cards, ZIP, ages ----

func (sc *scanner) linked(a, b int) bool {
	ta, tb := &sc.toks[a], &sc.toks[b]
	if ta.kind != tkDigit || tb.kind != tkDigit || ta.masked || tb.masked || ta.used || tb.used {
		return false
	}
	switch sc.gap(b) {
	case '-', '.', ' ', '_', '/', ')':
		return true
	}
	return false
}

func (sc *scanner) digitRules() {
	n := len(sc.toks)
	for i := nextTok(sc.digitCand, -1); i < n; i = nextTok(sc.digitCand, i) {
		t := &sc.toks[i]
		if t.kind == tkAlpha {
			if !t.masked && t.lx>>lxMonthShift&0xf != 0 {
				sc.monthDate(i)
			}
			continue
		}
		if t.e-t.s == 8 {
			sc.has8 = true
		} else if t.e-t.s == 4 && sc.name[t.s] == '0' && sc.name[t.s+1] == '0' {
			sc.has00 = true
		}
		// (linked needs two digit tokens: test the kind inline first)
		if t.masked || t.used || i > 0 && sc.toks[i-1].kind == tkDigit && sc.linked(i-1, i) {
			continue
		}
		var ch [8]int
		m := 0
		ch[m] = i
		m++
		for k := i + 1; k < n && m < len(ch) && sc.toks[k].kind == tkDigit && sc.linked(k-1, k); k++ {
			ch[m] = k
			m++
		}
		if m == 2 && sc.ctxBits&(1<<ckDate|1<<ckEncounter) != 0 {
			sc.monthSlashDay(ch[0], ch[1])
		}
		for p := 0; p < m; {
			if m-p >= 2 { // chainAt needs two groups
				if c := sc.chainAt(ch[p:m]); c > 0 {
					p += c
					continue
				}
			}
			if u := &sc.toks[ch[p]]; !u.used && (singleDigitLen(int(u.e-u.s)) || u.s > 0 && sc.name[u.s-1] == '+') {
				sc.singleDigit(ch[p])
			}
			p++
		}
		i = ch[m-1]
	}
}

func (sc *scanner) tokStr(i int) string { t := sc.toks[i]; return sc.name[t.s:t.e] }
func (sc *scanner) tokLen(i int) int    { return int(sc.toks[i].e - sc.toks[i].s) }

// chainCtx returns the context for a run of tokens [a, b].
func (sc *scanner) chainCtx(a, b int) (ctxKind, int) {
	k, d := sc.ctxBack(a, 4)
	if k == ckNone {
		k = sc.ctxFwd(b, 2)
		d = 1
	}
	return k, d
}

// chainAt matches the digit groups g (token indexes) at their start and
// returns how many groups it consumed.
func (sc *scanner) chainAt(g []int) int {
	L := func(k int) int { return sc.tokLen(g[k]) }
	sep := func(k int) byte { return sc.gap(g[k]) } // separator before group k
	m := len(g)
	// Every format below needs two groups or more, and two only for ZIP+4.
	if m < 2 || m == 2 && (L(0) != 5 || L(1) != 4 || sep(1) != '-') {
		return 0
	}
	first, name := g[0], sc.name
	ctx, dist := sc.chainCtx(first, g[min(m, 4)-1])
	idNear := isIDCtx(ctx) && dist <= 3
	mark := func(c int) {
		for k := 0; k < c; k++ {
			sc.toks[g[k]].used = true
		}
	}
	span := func(c int) (int32, int32) { return sc.toks[g[0]].s, sc.toks[g[c-1]].e }

	// IPv4: four dotted groups 0-255, not part of a longer dotted run and
	// not a version ("v1.2.3.4").
	if m >= 4 && (sep(1) == '.' && sep(2) == '.' && sep(3) == '.' && (m == 4 || sep(4) != '.') ||
		sep(1) == '_' && sep(2) == '_' && sep(3) == '_' && (m == 4 || sep(4) != '_') && sc.personBefore(first)) {
		ok := L(0) <= 3 && L(1) <= 3 && L(2) <= 3 && L(3) <= 3 && sc.digitVal(g[0]) >= 1
		for k := 0; k < 4 && ok; k++ {
			ok = sc.digitVal(g[k]) <= 255
		}
		if first > 0 && sc.gap(first) == 0 || first > 0 && sc.gap(first) == '.' {
			ok = false
		}
		if ok {
			s, e := span(4)
			conf := 0.85
			if ctx == ckIP {
				conf = 0.95
			}
			if o0, o3 := sc.digitVal(g[0]), sc.digitVal(g[3]); o0 == 127 || o0 == 0 || o3 == 0 || o3 == 255 ||
				m >= 5 && sep(4) == '_' && L(4) <= 2 && sc.digitVal(g[4]) <= 32 && o3 == 0 {
				// loopback, unspecified, a network (10.1.0.0, cidr 10.1.0.0_16)
				// or broadcast address: infrastructure, no person's device
				conf = 0.4
			} else if o1 := sc.digitVal(g[1]); (o0 == 10 || o0 == 172 && o1 >= 16 && o1 <= 31 || o0 == 192 && o1 == 168 || o0 == 169 && o1 == 254 ||
				o0 == 100 && o1 >= 64 && o1 <= 127) && !sc.personBefore(first) {
				// a private address (RFC 1918, link-local, CGNAT) with no
				// client, user or patient word before it: a node, a gateway,
				// a load balancer of our own network
				conf = 0.45
			}
			sc.add(CategoryIP, s, e, conf)
			mark(4)
			return 4
		}
	}
	// Card: 4-4-4-4 (or 4-6-5) with one separator, Luhn and an IIN.
	if m >= 4 && L(0) == 4 && L(1) == 4 && L(2) == 4 && L(3) == 4 && sep(2) == sep(1) && sep(3) == sep(1) ||
		m >= 3 && L(0) == 4 && L(1) == 6 && L(2) == 5 && sep(2) == sep(1) {
		c := 4
		if L(1) == 6 {
			c = 3
		}
		s, e := span(c)
		var db [19]byte
		nd := 0
		for x := s; x < e && nd < len(db); x++ {
			if isDigit(name[x]) {
				db[nd] = name[x]
				nd++
			}
		}
		if luhn(string(db[:nd])) && cardIIN(string(db[:nd]), nd) {
			conf := 0.85
			if ctx == ckAccount {
				conf = 0.95
			}
			sc.add(CategoryAccount, s, e, conf)
			mark(c)
			return c
		}
	}
	// An international number written in groups after its country code:
	// +49 160 66208733, +61 490 853 019, +91 90384 99171 (10 to 15
	// digits in all, as E.164 allows).
	if s0 := sc.toks[g[0]].s; s0 > 0 && name[s0-1] == '+' && L(0) <= 3 && name[sc.toks[g[0]].s] != '0' && (s0 == 1 || !isAlnum(name[s0-2])) {
		total, c := L(0), 1
		for c < m && (sep(c) == ' ' || sep(c) == '-' || sep(c) == '.') && (c < 3 || sep(c) == sep(2)) {
			total += L(c)
			c++
		}
		if c >= 2 && total >= 10 && total <= 15 {
			cat := CategoryPhone
			if ctx == ckFax {
				cat = CategoryFax
			}
			s, e := span(c)
			sc.add(cat, s-1, e, 0.9)
			mark(c)
			return c
		}
	}
	// SSN: 3-2-4 dashed (or spaced), valid, not claimed by a nearby label's id rule
	// (billing/identity/123-45-6789, x/123-45-6789/card.jpg): the format
	// is the SSN's own.
	if idNear && m >= 3 && L(0) == 3 && L(1) == 2 && L(2) == 4 && (sep(1) == '-' || sep(1) == ' ') && sep(2) == sep(1) && (m == 3 || sep(3) != sep(1)) {
		area, grp, ser := sc.digitVal(g[0]), sc.digitVal(g[1]), sc.digitVal(g[2])
		if area != 0 && area != 666 && area < 900 && grp != 0 && ser != 0 {
			s, e := span(3)
			sc.add(CategorySSN, s, e, 0.8)
			mark(3)
			return 3
		}
	}
	if idNear {
		return 0
	}
	// Phone: [1] 3-3-4, NANP rules.
	off := 0
	if m >= 4 && L(0) == 1 && name[sc.toks[g[0]].s] == '1' {
		off = 1
	}
	if m-off >= 3 && L(off) == 3 && L(off+1) == 3 && L(off+2) == 4 && (m-off == 3 || L(off+3) != 4 || sep(off+3) != sep(off+2)) {
		a, x := sc.tokStr(g[off]), sc.tokStr(g[off+1])
		s1, s2 := sep(off+1), sep(off+2)
		paren := s1 == ')' && sc.toks[g[off]].s > 0 && name[sc.toks[g[off]].s-1] == '('
		plus := off == 1 && sc.toks[g[0]].s > 0 && name[sc.toks[g[0]].s-1] == '+'
		if a[0] >= '2' && x[0] >= '2' && (s1 == s2 || paren && (s2 == '-' || s2 == ' ' || s2 == '.')) && s1 != '/' {
			conf := 0.8
			if paren || plus {
				conf = 0.9
			}
			cat := CategoryPhone
			switch ctx {
			case ckPhone:
				conf = 0.95
			case ckFax:
				conf, cat = 0.95, CategoryFax
			case ckDate, ckSSN, ckZIP:
				conf = 0.5
			}
			switch a {
			case "800", "888", "877", "866", "855", "844", "833":
				if ctx != ckPhone && ctx != ckFax {
					conf = min(conf, 0.45) // toll-free: an organisation's line
				}
			}
			s, e := span(off + 3)
			if paren {
				s--
			}
			if plus {
				s--
			}
			sc.add(cat, s, e, conf)
			mark(off + 3)
			return off + 3
		}
	}
	// SSN: 3-2-4.
	if m >= 3 && L(0) == 3 && L(1) == 2 && L(2) == 4 && sep(1) == sep(2) && sep(1) != '/' && sep(1) != ')' {
		area, grp, ser := sc.digitVal(g[0]), sc.digitVal(g[1]), sc.digitVal(g[2])
		valid := area != 0 && area != 666 && area < 900 && grp != 0 && ser != 0
		conf := 0.0
		switch {
		case ctx == ckSSN && valid:
			conf = 0.97
		case ctx == ckSSN:
			conf = 0.6
		case valid && sep(1) == '-':
			conf = 0.85
		case valid:
			conf = 0.7
		}
		if conf > 0 {
			s, e := span(3)
			sc.add(CategorySSN, s, e, conf)
			mark(3)
			return 3
		}
	}
	// Dates: yyyy-mm-dd, mm-dd-yyyy (one separator kind).
	if m >= 3 && sep(1) == sep(2) && sep(1) != ')' {
		y, mo, d := 0, 0, 0
		yy := false // a two-digit year
		switch {
		case L(0) == 4 && L(1) <= 2 && L(2) <= 2:
			y, mo, d = sc.digitVal(g[0]), sc.digitVal(g[1]), sc.digitVal(g[2])
		case L(0) <= 2 && L(1) <= 2 && L(2) == 4:
			mo, d, y = sc.digitVal(g[0]), sc.digitVal(g[1]), sc.digitVal(g[2])
			if mo > 12 && d <= 12 {
				mo, d = d, mo // dd-mm-yyyy
			}
		case L(0) <= 2 && L(1) <= 2 && L(2) == 2 && sep(1) == '/' && (ctx == ckDate || sc.tokIs(first-1, "on") && (sc.yourBefore(first) || sc.dateWordBefore(first))) && (m == 3 || sep(3) != '/'):
			// 3/23/38 after a date word, "on 5/28/25": two-digit years
			mo, d, y = sc.digitVal(g[0]), sc.digitVal(g[1]), 2000+sc.digitVal(g[2])
			yy = true
		}
		if validDate(y, mo, d) {
			s, e := span(3)
			if yy && ctx != ckDate {
				sc.add(CategoryDate, s, e, 0.7) // "on 5/28/25" in a message
			} else if slash := sep(1) == '/' && L(0) == 4; slash && dist > 1 {
				// a yyyy/mm/dd path under a folder named for dates of
				// service (appt-reminder-sender/2021/08/19): a log's day
				sc.date(s, e, ckNone, true)
			} else {
				sc.date(s, e, ctx, slash)
			}
			mark(3)
			return 3
		}
	}
	// Thai national id: 1-4-5-2-1 digits with its mod-11 check digit.
	if m >= 5 && L(0) == 1 && L(1) == 4 && L(2) == 5 && L(3) == 2 && L(4) == 1 && (sep(1) == '-' || sep(1) == ' ') && sep(2) == sep(1) && sep(3) == sep(1) && sep(4) == sep(1) {
		var d [13]int
		k := 0
		for x := 0; x < 5; x++ {
			for _, c := range sc.tokStr(g[x]) {
				d[k] = int(c - '0')
				k++
			}
		}
		sum := 0
		for x := 0; x < 12; x++ {
			sum += d[x] * (13 - x)
		}
		if (11-sum%11)%10 == d[12] {
			s, e := span(5)
			sc.add(CategorySSN, s, e, 0.9)
			mark(5)
			return 5
		}
	}
	// Brazilian CPF: ddd.ddd.ddd-dd with its two check digits.
	if m >= 4 && L(0) == 3 && L(1) == 3 && L(2) == 3 && L(3) == 2 && sep(1) == '.' && sep(2) == '.' && sep(3) == '-' {
		var d [11]int
		k := 0
		for x := 0; x < 4; x++ {
			for _, c := range sc.tokStr(g[x]) {
				d[k] = int(c - '0')
				k++
			}
		}
		if cpfCheck(d) {
			s, e := span(4)
			sc.add(CategorySSN, s, e, 0.9)
			mark(4)
			return 4
		}
	}
	// ZIP+4.
	if m >= 2 && L(0) == 5 && L(1) == 4 && sep(1) == '-' && (m == 2 || sep(2) != '-') {
		conf := 0.6
		if ctx == ckZIP || ctx == ckAddress {
			conf = 0.95
		} else if sc.stateBefore(first) {
			conf = 0.85
		}
		s, e := span(2)
		sc.add(CategoryZIP, s, e, conf)
		mark(2)
		return 2
	}
	return 0
}

// date records a full date, with context or as a candidate.
func (sc *scanner) date(s, e int32, ctx ctxKind, slash bool) {
	if ctx == ckDate {
		sc.add(CategoryDate, s, e, 0.9)
		return
	}
	if s > 0 && sc.name[s-1] == '=' {
		return // partition value
	}
	if sc.visitBefore(s) {
		// "your visit on 01/07/2017": the date of a person's visit
		sc.add(CategoryDate, s, e, 0.8)
		return
	}
	if sc.ndate < len(sc.dates) {
		sc.dates[sc.ndate] = dateCand{s, e, slash}
		sc.ndate++
	}
}

// visitBefore reports whether the date at offset s is a visit's: one of
// the 3 tokens before it is visit after a possessive or a patient word
// (your visit on 01/07/2017), or the date names the visit right after the
// word (visits/2022-01-20/, VISIT#2025-12-22). Every visit is a person's,
// so its date is a date of service (Safe Harbor (C)); visit alone is a
// weak id label, with no date context of its own, so a date further away
// is not tied to it.
func (sc *scanner) visitBefore(s int32) bool {
	if sc.ctxBits&(1<<ckEncounter) == 0 {
		return false
	}
	for k := len(sc.toks) - 1; k >= 0; k-- {
		if sc.toks[k].e > s {
			continue
		}
		for x := k; x >= 0 && x > k-3; x-- {
			if sc.toks[x].kind == tkAlpha && sc.tokIs(x, "visit", "visited") && x > 0 &&
				(sc.tokIs(x-1, "your", "my", "his", "her", "their") || sc.toks[x-1].ctx() == ckPatient) {
				return true
			}
		}
		// the date names the visit: visits/2022-01-20/, VISIT#2025-12-22,
		// visits.2020-01-17.notes (a folder or a map key per visit)
		if t := &sc.toks[k]; t.kind == tkAlpha && t.e+1 == s && sc.tokIs(k, "visit", "visits", "encounter", "encounters") {
			switch sc.name[t.e] {
			case '/', '#', '.', '_', '-', '=', ':':
				return true
			}
		}
		return false
	}
	return false
}

var months = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
var monthsLong = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// monthDate matches "02 Jan 1980", "Jan 2 1980" around month token i.
func (sc *scanner) monthDate(i int) {
	n := len(sc.toks)
	isD := func(k, lo, hi int) bool {
		return k >= 0 && k < n && sc.toks[k].kind == tkDigit && !sc.toks[k].used && !sc.toks[k].masked &&
			sc.tokLen(k) >= lo && sc.tokLen(k) <= hi && sc.gap(k) != '~' && sc.gap(k) != '/'
	}
	mo := int(sc.toks[i].lx >> lxMonthShift & 0xf)
	a, b := -1, -1
	switch {
	case isD(i-1, 1, 2) && isD(i+1, 4, 4) && sc.gap(i) != '~':
		if validDate(ceYear(sc.digitVal(i+1)), mo, sc.digitVal(i-1)) {
			a, b = i-1, i+1
		}
	case isD(i+1, 1, 2) && isD(i+2, 4, 4) && sc.gap(i+1) != '~':
		if validDate(sc.digitVal(i+2), mo, sc.digitVal(i+1)) {
			a, b = i, i+2
		}
	case sc.tokIs(i-1, "de", "del") && sc.tokIs(i+1, "de", "del") && isD(i-2, 1, 2) && isD(i+2, 4, 4):
		// 13 de outubro de 2012, 28 de octubre de 2022
		if validDate(sc.digitVal(i+2), mo, sc.digitVal(i-2)) {
			a, b = i-2, i+2
		}
	}
	if a < 0 {
		sc.monthDay(i, mo, isD)
		return
	}
	ctx, _ := sc.chainCtx(a, b)
	for k := a; k <= b; k++ {
		sc.toks[k].used = true
	}
	sc.date(sc.toks[a].s, sc.toks[b].e, ctx, false)
}

// ceYear turns a Thai Buddhist Era year (2400-2700: 2567 is 2024) into
// the Common Era's; other years are left as they are.
func ceYear(y int) int {
	if y >= 2400 && y <= 2700 {
		return y - 543
	}
	return y
}

// monthDay finds a month and a day without a year (Nov 3, 3 Nov) when
// the name ties it to a person: a date word before it (discharge, dob),
// or a message to the person (your stay of Nov 3). A month-day alone is a
// release or a schedule.
func (sc *scanner) monthDay(i, mo int, isD func(k, lo, hi int) bool) {
	n := len(sc.toks)
	a, b := -1, -1
	switch {
	case isD(i+1, 1, 2) && sc.gap(i+1) == ' ' && !(i+2 < n && sc.toks[i+2].kind == tkDigit && sc.gap(i+2) != ' '):
		a, b = i, i+1
	case isD(i-1, 1, 2) && sc.gap(i) == ' ' && !(i-2 >= 0 && sc.toks[i-2].kind == tkDigit):
		a, b = i-1, i
	default:
		return
	}
	d := sc.digitVal(a)
	if a == i {
		d = sc.digitVal(b)
	}
	if !validDate(2000, mo, d) || sc.toks[i].caps == capLower && sc.tokIs(i, "may", "mar", "jan", "jun", "dec", "sept", "sep") {
		return
	}
	ctx, _ := sc.chainCtx(a, b)
	conf := 0.0
	switch {
	case ctx == ckDate:
		conf = 0.8
	case sc.visitBefore(sc.toks[a].s) || sc.yourBefore(a) || sc.dateWordBefore(a) && strings.IndexByte(sc.name, ' ') >= 0:
		conf = 0.6
	}
	if conf == 0 {
		return
	}
	for k := a; k <= b; k++ {
		sc.toks[k].used = true
	}
	sc.add(CategoryDate, sc.toks[a].s, sc.toks[b].e, conf)
}

// monthSlashDay finds m/d without a year (3/9, 12/16) in a message about
// an appointment, a visit or a stay: "Appointment reminder: ... on 3/9 at
// 12:45", "your appointment is 9/7 at 4:15". The month and day must be
// valid, not followed by more digits (a fraction, a version), and the
// name must have spaces (a message, not a path).
func (sc *scanner) monthSlashDay(a, b int) {
	ta, tb := &sc.toks[a], &sc.toks[b]
	if ta.used || tb.used || ta.masked || sc.gap(b) != '/' || sc.tokLen(a) > 2 || sc.tokLen(b) > 2 || strings.IndexByte(sc.name, ' ') < 0 {
		return
	}
	if ta.s > 0 && !(sc.name[ta.s-1] == ' ' || sc.name[ta.s-1] == '(') || int(tb.e) < len(sc.name) && sc.name[tb.e] != ' ' && sc.name[tb.e] != ',' && sc.name[tb.e] != '.' && sc.name[tb.e] != ')' {
		return
	}
	if !validDate(2000, sc.digitVal(a), sc.digitVal(b)) {
		return
	}
	// read as a date: "on 3/9", "is 9/7", "3/9 at 12:45"
	if !sc.tokIs(a-1, "on", "is", "for", "by", "due", "until", "before", "after", "from", "el", "le", "am") && !sc.tokIs(b+1, "at", "um", "a") {
		return
	}
	appt := false
	for k := 0; k < a; k++ {
		if sc.toks[k].ctx() == ckDate || sc.tokIs(k, "visit", "visits") {
			appt = true
			break
		}
	}
	if !appt {
		return
	}
	ta.used, tb.used = true, true
	sc.add(CategoryDate, ta.s, tb.e, 0.7)
}

// dateWordBefore reports whether a date word (appointment, discharge,
// dob ...) comes before token i.
func (sc *scanner) dateWordBefore(i int) bool {
	if sc.ctxBits&(1<<ckDate) == 0 {
		return false
	}
	for k := 0; k < i; k++ {
		if sc.toks[k].kind == tkAlpha && sc.toks[k].ctx() == ckDate {
			return true
		}
	}
	return false
}

// yourBefore reports whether a token before i is "your" or "you": the
// name is a message to a person.
func (sc *scanner) yourBefore(i int) bool {
	for k := 0; k < i; k++ {
		if sc.toks[k].kind == tkAlpha && sc.tokIs(k, "your", "you", "youre") {
			return true
		}
	}
	return false
}

func (sc *scanner) stateBefore(i int) bool {
	if i == 0 {
		return false
	}
	p := &sc.toks[i-1]
	if p.kind != tkAlpha || p.lx&lxState == 0 || p.e-p.s != 2 {
		return false
	}
	switch sc.gap(i) {
	case 0, ' ', '_', '-', ',':
	default:
		return false
	}
	return p.caps == capUpper || p.lx&lxEng == 0
}

func nanp(s string) bool { return len(s) == 10 && s[0] >= '2' && s[3] >= '2' }

// singleDigitLen reports whether a group of L digits can be anything to
// singleDigit: only an age has fewer than 5 digits; no format has 7, 12 or
// 20 and more.
func singleDigitLen(L int) bool {
	return L >= 2 && L != 4 && L != 7 && L != 12 && L <= 19
}

// restrictedZIP3 reports whether z is one of the 17 three-digit ZIP
// prefixes with 20,000 people or fewer (Census 2000), which Safe Harbor
// requires be changed to 000: a prefix among them identifies.
func restrictedZIP3(z string) bool {
	switch z {
	case "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893":
		return true
	}
	return false
}

// e164 reports whether digit token i is a whole E.164 number: a "+"
// starting a word and 10 to 15 digits, the first not 0.
func (sc *scanner) e164(i int) bool {
	t := &sc.toks[i]
	L := t.size()
	return L >= 10 && L <= 15 && t.s >= 1 && sc.name[t.s-1] == '+' && (t.s == 1 || !isAlnum(sc.name[t.s-2]) && sc.name[t.s-2] != '+') &&
		sc.name[t.s] != '0' && (t.e == int32(len(sc.name)) || !isAlnum(sc.name[t.e]))
}

func (sc *scanner) singleDigit(i int) {
	t := &sc.toks[i]
	L := t.size()
	if !singleDigitLen(L) && !sc.e164(i) {
		return
	}
	str := sc.tokStr(i)
	ctx, _ := sc.chainCtx(i, i)
	// Ages over 89.
	if L <= 3 {
		v := sc.digitVal(i)
		if v >= 90 && v <= 125 && !(int(t.e) < len(sc.name) && sc.name[t.e] == '+') &&
			!(v == 90 && (sc.tokIs(i+1, "or") && sc.tokIs(i+2, "older", "over", "more") || sc.tokIs(i+1, "and") && sc.tokIs(i+2, "over", "older", "above") || sc.tokIs(i+1, "plus"))) {
			// (90+ is the aggregate band Safe Harbor itself prescribes)
			ab, ad := sc.ctxBack(i, 2)
			next := ckNone
			if i+1 < len(sc.toks) && sc.toks[i+1].kind == tkAlpha && sc.gap(i+1) != '/' {
				next = sc.toks[i+1].ctx()
			}
			old := next == ckYear && sc.tokIs(i+2, "old", "o", "alt", "de") ||
				sc.tokIs(i+1, "y") && sc.tokIs(i+2, "o") && sc.gap(i+2) == '/'
			// "103rd birthday": the birthday of a person that old
			birthday := i+2 < len(sc.toks) && sc.gap(i+1) == 0 && sc.toks[i+1].kind == tkAlpha && sc.toks[i+1].lx&lxOrdinal != 0 &&
				sc.tokIs(i+2, "birthday", "bday")
			// "age-years: 109", "age_in_years=97": the unit between label and value
			// "age-at-visit: 93", "age_at_admission=97"
			if ab == ckNone && i >= 3 && sc.toks[i-3].ctx() == ckAge && sc.tokIs(i-2, "at") {
				ab, ad = ckAge, 3
			}
			// DICOM age strings: 095Y, 102y, PatientAge_092Y
			dicomAge := L == 3 && i+1 < len(sc.toks) && sc.gap(i+1) == 0 && sc.tokIs(i+1, "y") &&
				(ab == ckAge || v >= 100 || sc.name[sc.toks[i+1].s] == 'Y' && str[0] == '0')
			if ab == ckYear && i-ad-1 >= 0 && sc.toks[i-ad-1].ctx() == ckAge {
				ab, ad = ckAge, ad+1
			} else if ab == ckYear && i-ad-2 >= 0 && sc.tokIs(i-ad-1, "in") && sc.toks[i-ad-2].ctx() == ckAge {
				ab, ad = ckAge, ad+2
			}
			if v >= 100 && next == ckYear {
				old = true // 101 Jahre, 103 years: no other quantity is counted so
			}
			if ab == ckAge && ad <= 3 || next == ckAgeUnit || old || birthday || dicomAge {
				e := t.e
				if next == ckAgeUnit || birthday || dicomAge {
					e = sc.toks[i+1].e
				} else if old && i+2 < len(sc.toks) && sc.tokIs(i+2, "old", "o", "alt", "de") {
					e = sc.toks[i+2].e
				} else if old {
					e = sc.toks[i+1].e
				}
				sc.add(CategoryAge, t.s, e, 0.9)
				t.used = true
				return
			}
		}
	}
	if sc.e164(i) {
		c, conf := CategoryPhone, 0.8
		if str[0] == '1' && L == 11 && nanp(str[1:]) {
			conf = 0.9
		}
		switch ctx {
		case ckPhone:
			conf = 0.95
		case ckFax:
			c, conf = CategoryFax, 0.95
		}
		if str[0] != '1' || L == 11 && nanp(str[1:]) {
			sc.add(c, t.s-1, t.e, conf)
			t.used = true
			return
		}
	}
	if (L == 9 || L == 10) && ctx == ckDate && !(int(t.e) < len(sc.name) && isAlnum(sc.name[t.e])) {
		// a birth or admission date in Unix seconds: dob-epoch: 577075737
		sc.add(CategoryDate, t.s, t.e, 0.8)
		t.used = true
		return
	}
	if L == 9 && ctx != ckSSN && sc.taxFormBefore(t.s) && validSSN(str) {
		// hr/tax/w4/724576130.pdf: a W-2, W-4, W-9 or I-9 filed under the
		// person's SSN
		sc.add(CategorySSN, t.s, t.e, 0.8)
		t.used = true
		return
	}
	switch {
	case L == 9 && ctx == ckSSN:
		area := atoi(str[:3])
		conf := 0.9
		if area == 0 || area == 666 || area >= 900 {
			conf = 0.6
		}
		sc.add(CategorySSN, t.s, t.e, conf)
	case L >= 9 && L <= 15 && (ctx == ckPhone || ctx == ckFax):
		c := CategoryPhone
		if ctx == ckFax {
			c = CategoryFax
		}
		switch {
		case (L == 10 || L == 11 && str[0] == '1') && nanp(str[L-10:]):
			sc.add(c, t.s, t.e, 0.9)
		case !(L == 11 && str[0] == '1') && (str[0] == '0' || L >= 11):
			// a national number with its trunk 0 (01094980205) or an
			// international one without its '+', after a phone label
			sc.add(c, t.s, t.e, 0.8)
		}
	case (L == 8 || L == 6) && ctx == ckDate:
		y, m, d := 0, 0, 0
		if L == 8 {
			y, m, d = atoi(str[:4]), atoi(str[4:6]), atoi(str[6:])
			if !validDate(y, m, d) {
				m, d, y = atoi(str[:2]), atoi(str[2:4]), atoi(str[4:])
			}
		} else {
			m, d, y = atoi(str[:2]), atoi(str[2:4]), 1900+atoi(str[4:])
		}
		if validDate(y, m, d) {
			sc.add(CategoryDate, t.s, t.e, 0.85)
		}
	case L == 8 && validDate(atoi(str[:4]), atoi(str[4:6]), atoi(str[6:])):
		sc.date(t.s, t.e, ctx, false)
	case L >= 13 && L <= 19 && luhn(str) && cardIIN(str, L):
		conf := 0.85
		if ctx == ckAccount {
			conf = 0.95
		}
		sc.add(CategoryAccount, t.s, t.e, conf)
	case L == 15 && luhn(str) && (str[:2] == "35" || str[:2] == "86" || str[:2] == "01" || str[:2] == "99"):
		sc.add(CategoryDevice, t.s, t.e, 0.6)
	case L == 3 && ctx == ckZIP && restrictedZIP3(str):
		// Safe Harbor keeps a ZIP's first three digits only where the
		// area has more than 20,000 people: these 17 prefixes do not.
		sc.add(CategoryZIP, t.s, t.e, 0.85)
	case L == 5 && (ctx == ckZIP || ctx == ckAddress):
		sc.add(CategoryZIP, t.s, t.e, 0.9)
	case L == 9 && ctx == ckZIP:
		sc.add(CategoryZIP, t.s, t.e, 0.85)
	case L == 5 && sc.stateBefore(i) && (i+1 == len(sc.toks) || sc.gap(i+1) != 0):
		conf := 0.7
		if sc.toks[i-1].caps == capUpper {
			conf = 0.8
		}
		sc.add(CategoryZIP, t.s, t.e, conf)
	default:
		return
	}
	t.used = true
}

// ---- whole-word formats: MBI, DEA, VIN ----

func (sc *scanner) wordRules() {
	var last int32 = -1
	for i := range sc.toks {
		t := &sc.toks[i]
		if t.ws == last || t.masked && !t.hexw {
			continue // (a hex word may still be an IBAN: DE29119151505409129631)
		}
		last = t.ws
		w := sc.name[t.ws:t.we]
		switch len(w) {
		case 11:
			if validMBI(w) {
				sc.add(CategoryHealthPlan, t.ws, t.we, 0.85)
			}
		case 9:
			if validDEA(w, false) {
				sc.add(CategoryLicense, t.ws, t.we, 0.75)
			}
		case 17:
			if validVIN(w) {
				sc.add(CategoryVehicle, t.ws, t.we, 0.85)
			} else if validVINLoose(w) {
				// ISO 3779 does not require a numeric serial: an
				// upper-case VIN whose check digit holds
				sc.add(CategoryVehicle, t.ws, t.we, 0.65)
			}
		case 10:
			// Indian PAN: 5 letters (the 4th P for a person), 4 digits, a letter
			if isUpper(w[0]) && isUpper(w[1]) && isUpper(w[2]) && w[3] == 'P' && isUpper(w[4]) && isDigit(w[5]) && isDigit(w[6]) &&
				isDigit(w[7]) && isDigit(w[8]) && isUpper(w[9]) {
				sc.add(CategorySSN, t.ws, t.we, 0.8)
				continue
			}
		case 16:
			if c := codiceFiscale(w); c > 0 {
				sc.add(CategorySSN, t.ws, t.we, c)
				continue
			}
		case 18:
			if c := curp(w); c > 0 {
				sc.add(CategorySSN, t.ws, t.we, c)
				continue
			}
		case 4:
			// MBI written 4-3-4.
			e := int(t.ws) + 13
			if e <= len(sc.name) && sc.name[t.we] == '-' && sc.name[t.ws+8] == '-' &&
				(e == len(sc.name) || !isAlnum(sc.name[e])) {
				var b [11]byte
				copy(b[:4], sc.name[t.ws:t.ws+4])
				copy(b[4:7], sc.name[t.ws+5:t.ws+8])
				copy(b[7:], sc.name[t.ws+9:e])
				if validMBI(string(b[:])) {
					sc.add(CategoryHealthPlan, t.ws, int32(e), 0.85)
				}
			}
		}
		if len(w) >= 15 && len(w) <= 34 && validIBAN(w) {
			sc.add(CategoryAccount, t.ws, t.we, 0.9)
		}
	}
}

// validIBAN reports whether w is an IBAN (ISO 13616) written without
// spaces: a country code, two check digits and up to 30 letters and
// digits, whose mod-97 check (ISO 7064) is 1.
func validIBAN(w string) bool {
	if !isUpper(w[0]) || !isUpper(w[1]) || !isDigit(w[2]) || !isDigit(w[3]) {
		return false
	}
	r := 0
	for k := 0; k < len(w); k++ {
		c := w[(k+4)%len(w)]
		switch {
		case isDigit(c):
			r = (r*10 + int(c-'0')) % 97
		case isUpper(c):
			r = (r*100 + int(c-'A') + 10) % 97
		default:
			return false
		}
	}
	return r == 1
}

// codiceFiscale returns the confidence that w is an Italian fiscal code:
// 6 letters, 2 digits (year), a month letter, 2 digits (day, +40 for
// women), a letter and 3 digits (place), and a check letter; 0.9 when the
// check letter holds, else 0.6 (the digits may be letters, omocodia).
func codiceFiscale(w string) float64 {
	const months = "ABCDEHLMPRST"
	for k := 0; k < 16; k++ {
		c := w[k]
		letter := k < 6 || k == 8 || k == 11 || k == 15
		if letter && !isUpper(c) || !letter && !isDigit(c) && !strings.ContainsRune("LMNPQRSTUV", rune(c)) {
			return 0
		}
	}
	if !strings.ContainsRune(months, rune(w[8])) {
		return 0
	}
	odd := [36]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}
	sum := 0
	for k := 0; k < 15; k++ {
		c := w[k]
		v := int(c - '0')
		if isUpper(c) {
			v = int(c-'A') + 10
		}
		if k%2 == 0 {
			sum += odd[v]
		} else if v >= 10 {
			sum += v - 10
		} else {
			sum += v
		}
	}
	if int(w[15]-'A') == sum%26 {
		return 0.9
	}
	return 0.6
}

// curp returns the confidence that w is a Mexican CURP: 4 letters, a
// birth date yymmdd, H, M or X, a state code, 3 consonants, a letter or
// digit and a check digit; 0.9 when the check digit holds, else 0.65.
func curp(w string) float64 {
	for k := 0; k < 18; k++ {
		c := w[k]
		switch {
		case k < 4 || k >= 10 && k < 16:
			if !isUpper(c) {
				return 0
			}
		case k < 10 || k == 17:
			if !isDigit(c) {
				return 0
			}
		default:
			if !isUpper(c) && !isDigit(c) {
				return 0
			}
		}
	}
	if w[10] != 'H' && w[10] != 'M' && w[10] != 'X' {
		return 0
	}
	mo, d := atoi(w[6:8]), atoi(w[8:10])
	if !validDate(2000, mo, d) {
		return 0
	}
	const dict = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ" // Ñ written as & here: never in an ASCII word
	sum := 0
	for k := 0; k < 17; k++ {
		sum += strings.IndexByte(dict, w[k]) * (18 - k)
	}
	if (10-sum%10)%10 == int(w[17]-'0') {
		return 0.9
	}
	return 0.65
}

func mbiLetter(c byte) bool {
	return isUpper(c) && c != 'S' && c != 'L' && c != 'O' && c != 'I' && c != 'B' && c != 'Z'
}

func validMBI(w string) bool {
	if len(w) != 11 {
		return false
	}
	c := w
	return c[0] >= '1' && c[0] <= '9' && mbiLetter(c[1]) && (mbiLetter(c[2]) || isDigit(c[2])) &&
		isDigit(c[3]) && mbiLetter(c[4]) && (mbiLetter(c[5]) || isDigit(c[5])) && isDigit(c[6]) &&
		mbiLetter(c[7]) && mbiLetter(c[8]) && isDigit(c[9]) && isDigit(c[10])
}

func validDEA(w string, anyCase bool) bool {
	if len(w) != 9 {
		return false
	}
	a, b := w[0], w[1]
	if anyCase {
		a, b = a&^0x20, b&^0x20
	}
	if !isUpper(a) || !(isUpper(b) || b == '9') {
		return false
	}
	switch a {
	case 'I', 'N', 'O', 'Q', 'V', 'W', 'Y', 'Z':
		return false
	}
	var d [7]int
	for k := 0; k < 7; k++ {
		if !isDigit(w[2+k]) {
			return false
		}
		d[k] = int(w[2+k] - '0')
	}
	sum := d[0] + d[2] + d[4] + 2*(d[1]+d[3]+d[5])
	return sum%10 == d[6]
}

func vinValue(c byte) int {
	if isDigit(c) {
		return int(c - '0')
	}
	c &^= 0x20
	const tr = "12345678.12345.7.923456789" // A..Z; '.' = not allowed
	if c < 'A' || c > 'Z' || tr[c-'A'] == '.' {
		return -1
	}
	return int(tr[c-'A'] - '0')
}

// validVINLoose reports whether w is 17 upper-case letters and digits,
// with no I, O or Q, three letters and three digits or more, and a VIN
// check digit (position 9) that holds, whatever its serial.
func validVINLoose(w string) bool {
	if len(w) != 17 {
		return false
	}
	weights := [17]int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	sum, letters, digits := 0, 0, 0
	for k := 0; k < 17; k++ {
		c := w[k]
		if !isDigit(c) && !isUpper(c) {
			return false
		}
		v := vinValue(c)
		if v < 0 {
			return false
		}
		if isDigit(c) {
			digits++
		} else {
			letters++
		}
		sum += v * weights[k]
	}
	if letters < 3 || digits < 3 {
		return false
	}
	if chk := sum % 11; chk == 10 {
		return w[8] == 'X'
	} else {
		return int(w[8]-'0') == chk
	}
}

// vinCheckDigit reports whether w is 17 VIN characters (no I, O or Q)
// whose check digit (position 9) holds.
func vinCheckDigit(w string) bool {
	if len(w) != 17 {
		return false
	}
	weights := [17]int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	sum := 0
	for k := 0; k < 17; k++ {
		v := vinValue(w[k])
		if v < 0 {
			return false
		}
		sum += v * weights[k]
	}
	if chk := sum % 11; chk == 10 {
		return w[8] == 'X' || w[8] == 'x'
	} else {
		return int(w[8]-'0') == chk
	}
}

func validVIN(w string) bool {
	if len(w) != 17 {
		return false
	}
	weights := [17]int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	sum, letters, digits := 0, 0, 0
	for k := 0; k < 17; k++ {
		v := vinValue(w[k])
		if v < 0 {
			return false
		}
		if isDigit(w[k]) {
			digits++
		} else {
			letters++
		}
		sum += v * weights[k]
	}
	for k := 13; k < 17; k++ {
		if !isDigit(w[k]) {
			return false
		}
	}
	if letters < 2 || digits < 5 {
		return false
	}
	chk := sum % 11
	if chk == 10 {
		return w[8] == 'X' || w[8] == 'x'
	}
	return int(w[8]-'0') == chk
}

// ---- user handles: jsmith, mledesma ----

// handleAt reports whether token i is an initial glued to a surname, the
// usual login and mailbox handle of a person (jsmith, rcurtis-files), and
// records it: a lower-case word of 5 to 13 letters that is in no word
// list, standing alone between separators, whose letters after the first
// are a common surname and not an English word. nameValueRule's loop
// calls it.
func (sc *scanner) handleAt(i int) bool {
	t := &sc.toks[i]
	L := int(t.e - t.s)
	if t.kind != tkAlpha || t.caps != capLower || L < 5 || L > 13 || t.lx != 0 || t.masked || t.used || t.hexish || t.s != t.ws || t.e != t.we {
		return false
	}
	if t.s > 0 && !handleSep(sc.name[t.s-1]) || int(t.e) < len(sc.name) && !handleSep(sc.name[t.e]) {
		return false
	}
	if sc.initialSurname(i) {
		sc.add(CategoryName, t.s, t.e, 0.6)
		t.used = true
		return true
	}
	return false
}

// initialSurname reports whether the letters of token i after the first
// are a surname and not an English word (jsmith, jbarrows).
func (sc *scanner) initialSurname(i int) bool {
	t := &sc.toks[i]
	if t.e-t.s < 5 || t.e-t.s > 13 || t.caps != capLower {
		return false
	}
	var b [maxLookupLen + 8]byte
	n := copy(b[:], sc.name[t.s+1:t.e])
	k0, k1, k2, h := wordKey(b[:], n)
	lx := sc.d.lex.get(k0, k1, k2, n, h)
	// a common surname, or a rarer one after an initial that makes no
	// syllable with it (jkleiss, vjakab): a word is more often read as
	// letter and rare surname when they do (j-itter, a-laris)
	tier := lx >> lxSurShift & 3
	return (tier >= 2 || tier == 1 && consonant(sc.name[t.s]) && consonant(sc.name[t.s+1])) && lx&(lxEng|lxStop|lxCtxMask|lxState|lxSuffix) == 0
}

// nameDate finds a person and a date together at the start of a segment:
// names or a handle, then a compact date (MANRIQUEZ_19360407,
// wiscombe_eulices_19811128, jbarrows20190115-records): a date glued to a
// person's name is the person's (a birth date, usually). One word must be
// a known name or a handle; two unknown words will do.
func (sc *scanner) nameDate() {
	for i := 1; i < len(sc.toks); i++ {
		t := &sc.toks[i]
		if t.kind != tkDigit || t.masked || t.e-t.s != 8 || t.e != t.we && sc.name[t.e] != '_' && sc.name[t.e] != '-' {
			continue
		}
		if sc.initialsDate(i) {
			continue
		}
		y, m, d := atoi(sc.name[t.s:t.s+4]), atoi(sc.name[t.s+4:t.s+6]), atoi(sc.name[t.s+6:t.e])
		if y < 1900 || y > 2039 || !validDate(y, m, d) {
			continue
		}
		a, known, words := i, false, 0
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			g := sc.gap(k + 1)
			if g != 0 && g != '_' && g != '-' && g != '.' {
				break
			}
			u := &sc.toks[k]
			if u.kind != tkAlpha || u.masked || u.used || u.lx&(lxStop|lxCtxMask|lxEngCommon) != 0 {
				break
			}
			nl, _ := sc.nameLike(k)
			switch {
			case nl >= 0.5 || g == 0 && sc.initialSurname(k):
				known = true
			case sc.unknownWord(k) && u.e-u.s >= 4 && u.lx&lxEng == 0:
			default:
				k = -1 // stop
				continue
			}
			a = k
			words++
		}
		if a == i || !known && words < 2 || a > 0 && !segSep(sc.gap(a)) && !(words >= 2 && sc.docPrefix(a-1)) {
			continue
		}
		sc.addName(a, i-1, 0.6)
		t.used = true
		sc.add(CategoryDate, t.s, t.e, 0.6)
	}
}

// idSurname finds a surname that closes a file name after an id
// (G15453579_ghose.pdf, ZGP17396694-larrimore.x12, CQP-5913_clagett.json):
// statements, claims and trips are filed under the account and the
// person's name. The word must be a surname or an unknown word, not
// English, and end its segment.
func (sc *scanner) idSurname() {
	n := len(sc.toks)
	// candidates: the tokens after the first digit token (the id's)
	low := sc.digitCand & -sc.digitCand
	cand := ^(low<<1 - 1) &^ sc.digitCand
	if low == 0 {
		return
	}
	if n > 64 {
		cand = ^uint64(0)
	} else if !sc.hasHigh {
		cand &= sc.linkTok // (fixHigh may join tokens)
	}
	for i := nextTok(cand, 0); i < n; i = nextTok(cand, i) {
		t := &sc.toks[i]
		if t.kind != tkAlpha || t.masked || t.used || t.e-t.s < 4 || t.s != t.ws {
			continue
		}
		if g := sc.gap(i); g != '_' && g != '-' {
			continue
		}
		if e := int(t.we); e < len(sc.name) && sc.name[e] != '.' && sc.name[e] != '/' {
			continue
		}
		// the id before, the rest of the segment: 4 digits or more, no
		// lower-case letter (G15453579, CQP-5913, ZGP17396694)
		p := &sc.toks[i-1]
		if p.masked && !p.hexw {
			continue
		}
		st := int(t.s) - 1
		for st > 0 && sc.name[st-1] != '/' && sc.name[st-1] != '#' && sc.name[st-1] != '=' {
			st--
		}
		digits, lowers := 0, 0
		for k := st; k < int(t.s)-1; k++ {
			switch c := sc.name[k]; {
			case isDigit(c):
				digits++
			case c >= 'a' && c <= 'z' || c >= 0x80 || c == '.':
				lowers++ // (or a dot: an address or a version, 127.0.0.1-dnsmasq)
			}
		}
		if digits < 2 || int(t.s)-1-st < 6 || lowers > 0 {
			continue
		}
		e := i // AALBERSD: the surname and an initial in one capital word
		for e+1 < n && sc.toks[e+1].s == sc.toks[e].e && sc.toks[e+1].kind == tkAlpha {
			e++
		}
		if sc.toks[e].e != t.we || t.lx&(lxEng|lxStop|lxCtxMask) != 0 {
			continue // letters only (not a random suffix: SCWEVL2FT4Q747LT)
		}
		known := t.lx>>lxSurShift&3 != 0
		if known || t.caps != capUpper && sc.unknownWord(i) || t.caps == capUpper && t.e-t.s >= 5 && sc.surnamePrefix(i) {
			sc.addName(i, e, 0.6)
		}
	}
}

// surnamePrefix reports whether capital token i is a surname followed by
// a glued initial (AALBERSD: AALBERS and D).
func (sc *scanner) surnamePrefix(i int) bool {
	t := &sc.toks[i]
	var b [maxLookupLen + 8]byte
	n := int(t.e-t.s) - 1
	if n < 4 || n > maxLookupLen {
		return false
	}
	for k := 0; k < n; k++ {
		b[k] = lower(sc.name[int(t.s)+k])
	}
	k0, k1, k2, h := wordKey(b[:], n)
	lx := sc.d.lex.get(k0, k1, k2, n, h)
	return lx>>lxSurShift&3 != 0 && lx&lxEngCommon == 0
}

// idPrefixes are the letters that systems put before a person's record
// numbers, and what the number is: CLM8291317191, MR-1630652, ENC_88123.
var idPrefixes = map[string]Category{
	"mr": CategoryMRN, "mrn": CategoryMRN, "pt": CategoryMRN, "pat": CategoryMRN, "pid": CategoryMRN,
	"enc": CategoryMRN, "csn": CategoryMRN, "vn": CategoryMRN, "accn": CategoryMRN, "spec": CategoryMRN,
	"rx": CategoryMRN, "clm": CategoryAccount, "mbr": CategoryHealthPlan, "mem": CategoryHealthPlan,
	"sub": CategoryHealthPlan, "acct": CategoryAccount, "har": CategoryAccount,
}

// prefixedID finds a record number written after its system's letters,
// glued or after a dash or underscore, with no label before it: five
// digits or more, the letters in capitals or lower case (not mixed), the
// number ending its word group.
func (sc *scanner) prefixedID() {
	n := len(sc.toks)
	// visit the digit tokens (candidates) and look at the token before
	for d := nextTok(sc.digitCand, 0); d < n; d = nextTok(sc.digitCand, d) {
		i := d - 1
		t, u := &sc.toks[i], &sc.toks[d]
		if u.e-u.s < 5 || u.e-u.s > 14 || t.kind != tkAlpha || u.kind != tkDigit || t.masked && !t.hexw || t.used || u.used || u.masked && !u.hexw || t.e-t.s > 4 || t.caps == capMixed || t.caps == capTitle {
			continue
		}
		if g := sc.gap(i + 1); g != 0 && g != '-' && g != '_' || u.e-u.s < 5 || u.e-u.s > 14 {
			continue
		}
		if t.s > 0 && isAlnum(sc.name[t.s-1]) {
			continue // the letters must start their word: not ...XMR-123
		}
		if e := int(u.e); e < len(sc.name) && (isAlnum(sc.name[e]) || sc.name[e] == '-' && e+1 < len(sc.name) && isDigit(sc.name[e+1])) {
			continue // the number must end its group: not MR-2024-01-05
		}
		var b [4]byte
		for k := t.s; k < t.e; k++ {
			b[k-t.s] = lower(sc.name[k])
		}
		c, ok := idPrefixes[string(b[:t.e-t.s])]
		if !ok || timestampLike(sc.tokStr(i+1)) {
			continue
		}
		sc.add(c, t.s, u.e, 0.75)
		t.used, u.used = true, true
	}
}

// memberIDShape finds the usual shape of a payer's member id, one to
// three capitals and nine or ten digits as a word of its own (W967264940,
// XEH220299222), when the name is about coverage or claims (a plan,
// claim or member word, eligibility, enrollment, an X12 transaction).
func (sc *scanner) memberIDShape() {
	n := len(sc.toks)
	for d := nextTok(sc.digitCand, 0); d < n; d = nextTok(sc.digitCand, d) {
		i := d - 1
		t, u := &sc.toks[i], &sc.toks[d]
		if u.e-u.s < 9 || u.e-u.s > 10 || t.kind != tkAlpha || u.kind != tkDigit || t.used || u.used || t.caps != capUpper && !(t.e-t.s == 1 && t.caps == capTitle) ||
			t.e-t.s > 3 || t.s != t.ws || u.e != u.we || u.s != t.e {
			continue
		}
		if sc.tokIs(i, "isa", "gs", "st", "se", "ge", "iea", "bht", "trn", "msg", "msh", "ctl", "zz", "ord", "inv", "txn", "req",
			"job", "run", "bld", "po", "so", "ack", "ta", "edi", "bat", "ref", "sku", "pn") {
			continue // an envelope's or a system's control number (ISA248138491)
		}
		if !sc.coverageName() {
			return
		}
		sc.add(CategoryHealthPlan, t.s, u.e, 0.6)
		t.used, u.used = true, true
	}
}

// aNumberShape finds an alien registration number (A and eight or nine
// digits, a word of its own) in a name about immigration
// (immigration-health/i-693/A884728701.pdf).
func (sc *scanner) aNumberShape() {
	for i := 0; i+1 < len(sc.toks); i++ {
		t, u := &sc.toks[i], &sc.toks[i+1]
		if t.kind != tkAlpha || u.kind != tkDigit || t.used || u.used || t.e-t.s != 1 || sc.name[t.s] != 'A' || u.s != t.e ||
			t.s != t.ws || u.e != u.we || u.e-u.s < 8 || u.e-u.s > 9 {
			continue
		}
		sc.add(CategoryLicense, t.s, u.e, 0.8)
		t.used, u.used = true, true
	}
}

// coverageName reports whether the name is about coverage or claims.
func (sc *scanner) coverageName() bool {
	if sc.ctxBits&(1<<ckPlan|1<<ckPlanWeak|1<<ckClaim) != 0 {
		return true
	}
	for k := range sc.toks {
		if sc.toks[k].kind == tkAlpha && sc.tokIs(k, "eligibility", "enrollment", "enrolment", "edi", "x12", "rpm", "idcards", "idcard",
			"benefits", "copay", "deductible", "redetermination", "remit", "remittance", "era", "eob") {
			return true
		}
		if sc.toks[k].kind == tkDigit && sc.tokLen(k) == 3 && (sc.tokIs(k, "834") || sc.tokIs(k, "835") || sc.tokIs(k, "837") || sc.tokIs(k, "270") || sc.tokIs(k, "271")) {
			return true
		}
	}
	return false
}

// docPrefix reports whether token k, right before names and a date, is a
// document type or a technical word (CCD_HASENJAGER_SAIRAH_19610822,
// tmp_export_rankine_brigston_20240122) rather than part of the name.
func (sc *scanner) docPrefix(k int) bool {
	t := &sc.toks[k]
	if t.kind != tkAlpha || t.masked {
		return false
	}
	if t.lx&lxStop != 0 || sc.tokIs(k, "ccd", "ccda", "cda", "hl7", "adt", "orm", "oru", "export", "extract", "consent", "referral", "chart", "record", "records", "intake") {
		return true
	}
	return t.caps == capUpper && t.e-t.s <= 4 && t.lx&lxNameTiers == 0
}

// birthDate8 reports whether the 8 digits of d are a plausible birth
// date: yyyymmdd, mmddyyyy or ddmmyyyy with a year from 1900 to 2015 (a
// recent date is a build's or a batch's).
func birthDate8(d string) bool {
	if y := atoi(d[:4]); y >= 1900 && y <= 2015 && validDate(y, atoi(d[4:6]), atoi(d[6:])) {
		return true
	}
	y := atoi(d[4:])
	return y >= 1900 && y <= 2015 && (validDate(y, atoi(d[:2]), atoi(d[2:4])) || validDate(y, atoi(d[2:4]), atoi(d[:2])))
}

// dateInitials finds a birth date followed by initials closing a segment
// (patients/19350325-kl/glucose): the other order of initialsDate.
func (sc *scanner) dateInitials() {
	n := len(sc.toks)
	for i := 0; i+1 < n; i++ {
		t, u := &sc.toks[i], &sc.toks[i+1]
		if t.kind != tkDigit || t.masked || t.e-t.s != 8 || u.kind != tkAlpha || u.masked || u.used || u.e-u.s < 2 || u.e-u.s > 3 {
			continue
		}
		if g := sc.gap(i + 1); g != '-' && g != '_' || t.s != t.ws || u.e != u.we || !segSep(sc.gapAt(t.s)) || !sc.segEnd(i+1) {
			continue
		}
		if u.lx&(lxStop|lxCtxMask|lxState|lxEngCommon) != 0 || !birthDate8(sc.name[t.s:t.e]) {
			continue
		}
		sc.add(CategoryDate, t.s, t.e, 0.6)
		sc.add(CategoryName, u.s, u.e, 0.55)
		t.used, u.used = true, true
	}
}

// gapAt returns the byte before offset s (0 at the start: a segment
// start).
func (sc *scanner) gapAt(s int32) byte {
	if s == 0 {
		return '/'
	}
	return sc.name[s-1]
}

// familyName finds a surname before "family" or "household"
// (sadick-family, barber-family-health-docs): the family of a person.
func (sc *scanner) familyName() {
	for i := 0; i+1 < len(sc.toks); i++ {
		t := &sc.toks[i]
		if t.kind != tkAlpha || t.masked || t.used || t.e-t.s < 3 || !sc.tokIs(i+1, "family", "household", "familie", "familia", "famille") {
			continue
		}
		if g := sc.gap(i + 1); g != '-' && g != '_' && g != ' ' {
			continue
		}
		tier := t.lx >> lxSurShift & 3
		if t.lx&(lxStop|lxCtxMask) != 0 || tier == 0 && !sc.unknownWord(i) || tier < 2 && t.lx&lxEng != 0 {
			continue
		}
		sc.addName(i, i, 0.6)
	}
}

// initialsDate finds initials glued to a birth date, the way studies and
// small practices key a person (ew19470712, cs19340110, jd19800102): two
// or three letters, then yyyymmdd, the letters starting their word and
// being no technical prefix.
func (sc *scanner) initialsDate(i int) bool {
	t := &sc.toks[i]
	if i == 0 || t.s != sc.toks[i-1].e {
		return false
	}
	u := &sc.toks[i-1]
	if u.kind != tkAlpha || u.masked || u.s != u.ws || u.e-u.s < 2 || u.e-u.s > 3 || u.caps == capMixed {
		return false
	}
	if u.lx&(lxStop|lxCtxMask|lxState) != 0 || u.lx&lxEngCommon != 0 && u.e-u.s == 3 || sc.tokIs(i-1, "rc", "ga", "qa", "db", "fw", "sw", "hw", "ts", "dt", "bk", "bak", "log", "rev", "ver", "vr", "sp", "ch", "cw", "wk", "yr", "mo", "day", "run", "job", "tmp", "img", "doc", "rpt", "snap", "bld", "rel", "pr", "mr", "cr", "inc", "inv", "ord", "acc", "enc", "pt", "pat", "id") {
		return false
	}
	if !birthDate8(sc.name[t.s:t.e]) {
		return false
	}
	sc.add(CategoryName, u.s, u.e, 0.55)
	sc.add(CategoryDate, t.s, t.e, 0.6)
	u.used, t.used = true, true
	return true
}

// postcodeAfterLabel finds a UK or Canadian postcode after a ZIP or
// postcode label: "postal-code: M17 5DJ", "patient-zip: NE14 6EA",
// "postcode=K1A 0B1" (the US forms are the digit rules').
func (sc *scanner) postcodeAfterLabel() {
	for i := 0; i+1 < len(sc.toks); i++ {
		if sc.toks[i].kind != tkAlpha || sc.toks[i].ctx() != ckZIP {
			continue
		}
		j := i + 1
		if sc.tokIs(j, "code") {
			j++
		}
		if j >= len(sc.toks) || !sc.kvGap(j) && !segSep(sc.gap(j)) {
			continue
		}
		v := int(sc.toks[j].s)
		e := v
		for e < len(sc.name) && e-v < 9 && (isAlnum(sc.name[e]) || sc.name[e] == ' ' || sc.name[e] == '-') {
			e++
		}
		for e > v && sc.name[e-1] == ' ' {
			e--
		}
		if p := sc.name[v:e]; ukPostcode(p) || caPostcode(p) || otherPostcode(p) {
			sc.add(CategoryZIP, int32(v), int32(e), 0.85)
		}
	}
}

// ukPostcode reports whether p is a UK postcode: an outward code (A9, A99,
// AA9, AA99, A9A, AA9A), an optional space, and an inward code (9AA).
func ukPostcode(p string) bool {
	p = strings.ToUpper(p)
	if len(p) < 5 || len(p) > 8 {
		return false
	}
	in := p[len(p)-3:]
	out := strings.TrimSuffix(p[:len(p)-3], " ")
	if !isDigit(in[0]) || !isUpper(in[1]) || !isUpper(in[2]) || len(out) < 2 || len(out) > 4 || !isUpper(out[0]) {
		return false
	}
	k := 1
	if isUpper(out[k]) {
		k++
	}
	if k >= len(out) || !isDigit(out[k]) {
		return false
	}
	for k++; k < len(out); k++ {
		if !isDigit(out[k]) && !isUpper(out[k]) {
			return false
		}
	}
	return true
}

// otherPostcode reports whether p has the shape of another country's
// postal code: 3 to 6 digits, optionally split by one space or dash
// (858 96, 1000-001), or 4 digits and 2 letters (1098 NH), or an Irish
// Eircode (D06 K80R).
func otherPostcode(p string) bool {
	d, sep, letters, other := 0, 0, 0, 0
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case isDigit(c):
			d++
		case c == ' ' || c == '-':
			sep++
		case isUpper(c):
			letters++
		default:
			other++
		}
	}
	switch {
	case other > 0 || sep > 1:
		return false
	case letters == 0:
		return d >= 4 && d <= 8 && (sep == 0 || d >= 5)
	case letters == 2 && d == 4:
		return isDigit(p[0]) && isUpper(p[len(p)-1]) // 1098 NH
	case len(p) >= 7 && len(p) <= 8 && isUpper(p[0]) && isDigit(p[1]) && isDigit(p[2]):
		return true // D06 K80R
	}
	return false
}

// caPostcode reports whether p is a Canadian postal code: A9A 9A9.
func caPostcode(p string) bool {
	p = strings.ToUpper(strings.ReplaceAll(p, " ", ""))
	return len(p) == 6 && isUpper(p[0]) && isDigit(p[1]) && isUpper(p[2]) && isDigit(p[3]) && isUpper(p[4]) && isDigit(p[5])
}

// maskRandomIDs masks the tokens of opaque random ids written in base62 or
// base64url (KSUIDs, session and lock tokens, FHIR ids): stretches of
// tokens not masked yet (a UUID before them is no part of them), joined by
// nothing, '_' or '-', of 14 bytes or more whose case changes all the time,
// which the tokenizer cuts into name-like pieces (2RQS7pVdtfQvR1ziS9jSUAjHEaS,
// ChSUVonknoryCTt1m). A camel-case name (JoseGarciaLopez, McDonald) has
// long lower-case runs; a random id has many short ones.
func (sc *scanner) maskRandomIDs() {
	n := len(sc.toks)
	for i := 0; i < n; {
		if sc.toks[i].masked {
			i++
			continue
		}
		// a stretch of unmasked tokens joined by nothing, '_' or '-'
		j := i
		for j+1 < n && !sc.toks[j+1].masked {
			g := sc.gap(j + 1)
			if g != 0 && g != '_' && g != '-' {
				break
			}
			j++
		}
		if s, e := sc.toks[i].s, sc.toks[j].e; e-s >= 14 && randomRun(sc.name[s:e]) {
			for k := i; k <= j; k++ {
				sc.toks[k].masked = true
			}
		}
		i = j + 1
	}
}

// randomRun reports whether the case and digit runs of s look random:
// at least 3 lower-case runs of one or two letters, and a run every 2.9
// bytes or more often.
func randomRun(s string) bool {
	class := func(c byte) byte {
		switch {
		case isDigit(c):
			return 1
		case isUpper(c):
			return 2
		case c >= 'a' && c <= 'z':
			return 3
		}
		return 0
	}
	runs, short := 0, 0
	for i := 0; i < len(s); {
		c := class(s[i])
		j := i + 1
		for j < len(s) && class(s[j]) == c {
			j++
		}
		if isAlnum(s[i]) {
			runs++
			if isLower(s[i]) && j-i <= 2 {
				short++
			}
		}
		i = j
	}
	return short >= 3 && runs*20 >= len(s)*7
}

// orgHeads are words that make the name before them an organisation's or
// a place's (Walter Reed hospital, Martin Luther King Jr. Day, Lincoln
// Center, Washington State): a name finding ending at one of them, or
// followed by one, is dropped.
var orgHeads = map[string]bool{
	"day": true, "blvd": true, "boulevard": true, "avenue": true, "ave": true, "campus": true,
	"center": true, "centre": true, "institute": true, "university": true, "college": true,
	"foundation": true, "memorial": true, "state": true, "county": true, "park": true, "bridge": true,
	"tunnel": true, "library": true, "museum": true, "airport": true, "station": true, "childrens": true,
	"inc": true, "llc": true, "corp": true, "ltd": true, "gmbh": true, "company": true, "bank": true, "hotel": true,
	"square": true, "plaza": true, "act": true, "syndrome": true, "disease": true, "theorem": true, "criteria": true,
	"portal": true, "wing": true, "pavilion": true, "tower": true, "building": true,
}

// dropOrgNames removes name findings that an orgHead word ends or
// follows (after an optional jr, sr or ii).
func (sc *scanner) dropOrgNames() {
	out := sc.base
	for i := sc.base; i < len(sc.dst); i++ {
		f := sc.dst[i]
		if f.Category == CategoryName && sc.orgAfter(int32(f.Start), int32(f.End)) {
			continue
		}
		sc.dst[out] = f
		out++
	}
	sc.dst = sc.dst[:out]
}

// awsBefore reports whether a token before i is aws, arn or amazonaws.
func (sc *scanner) awsBefore(i int) bool {
	for k := 0; k < i; k++ {
		if sc.tokIs(k, "aws", "arn", "amazonaws") {
			return true
		}
	}
	return false
}

// orgAfter reports whether the name at s:e is an organisation's or a
// place's: its last word or the next one is an orgHead, or it starts with
// a saint's prefix (São Paulo, San Jose, Santa Clara, St Louis).
func (sc *scanner) orgAfter(s, e int32) bool {
	for k := range sc.toks {
		t := &sc.toks[k]
		if t.s == s && t.kind == tkAlpha && t.lx&lxSaint != 0 {
			return true
		}
		if t.e == e && t.kind == tkAlpha && t.s > s && sc.orgHead(k) {
			return true
		}
		if t.s < e {
			continue
		}
		if g := sc.gap(k); g != ' ' && g != '-' && g != '_' && g != '.' {
			return false
		}
		if sc.tokIs(k, "jr", "sr", "ii", "iii") {
			continue
		}
		return t.kind == tkAlpha && sc.orgHead(k)
	}
	return false
}

// orgHead reports whether token k is one of orgHeads (lxOrgWord).
func (sc *scanner) orgHead(k int) bool { return sc.toks[k].lx&lxOrgWord != 0 }

// taxFormBefore reports whether the path segment before offset s names a
// US tax or employment form that carries an SSN: w2, w-2, w4, w9, i9,
// i-9, 1099.
func (sc *scanner) taxFormBefore(s int32) bool {
	e := int(s) - 1
	if e <= 0 || sc.name[e] != '/' && sc.name[e] != '_' && sc.name[e] != '-' {
		return false
	}
	b := e
	for b > 0 && sc.name[b-1] != '/' {
		b--
	}
	switch strings.ToLower(strings.ReplaceAll(sc.name[b:e], "-", "")) {
	case "w2", "w4", "w9", "i9", "1099", "w2s", "i9s":
		return true
	}
	return false
}

// validSSN reports whether the 9 digits of s follow the SSA's rules: area
// not 000, 666 or 9xx, group not 00, serial not 0000.
func validSSN(s string) bool {
	area, grp, ser := atoi(s[:3]), atoi(s[3:5]), atoi(s[5:])
	return area != 0 && area != 666 && area < 900 && grp != 0 && ser != 0
}

// ipv6Dashed finds an IPv6 address written with '-' for ':' (as S3 keys
// and host names write it) after an IP label: client-ip=2a02-cf69-137e-98f4--1916.
func (sc *scanner) ipv6Dashed() {
	for i := 0; i+1 < len(sc.toks); i++ {
		if sc.toks[i].kind != tkAlpha || sc.toks[i].ctx() != ckIP {
			continue
		}
		v := int(sc.toks[i].e)
		if v >= len(sc.name) || sc.name[v] != '=' && sc.name[v] != ':' && sc.name[v] != '/' && sc.name[v] != '_' && sc.name[v] != '-' {
			continue
		}
		v++
		e, groups, hexLetters, empty := v, 0, 0, 0
		for e <= len(sc.name) {
			g := e
			for g < len(sc.name) && isHex(sc.name[g]) && g-e < 5 {
				if !isDigit(sc.name[g]) {
					hexLetters++
				}
				g++
			}
			if g-e > 4 {
				groups = 0
				break
			}
			if g == e {
				empty++
			} else {
				groups++
			}
			if g < len(sc.name) && sc.name[g] == '-' && empty <= 2 {
				e = g + 1
				continue
			}
			e = g
			break
		}
		if groups >= 3 && groups+min(empty, 1) <= 8 && (hexLetters > 0 || empty > 0) && (e == len(sc.name) || !isAlnum(sc.name[e])) {
			sc.add(CategoryIP, int32(v), int32(e), 0.85)
			sc.mask(v, e)
		}
	}
}

func segSep(c byte) bool {
	switch c {
	case '/', '#', '=', ':', ' ', '|':
		return true
	}
	return false
}

func handleSep(c byte) bool {
	switch c {
	case '/', '-', '_', '#', ':', ' ', '.', '=':
		return true
	}
	return false
}

// ---- name values: "last_name=garcia", "SMITH^JOHN", "PATIENT#도영_탁" ----

// nameValueRule finds names by their place rather than by the name
// lists, which miss rare and non-Latin names:
//   - the value of a person-name label (lastname=, given=, patient-name:,
//     DICOM (0010,0010) PatientName);
//   - a DICOM person name, 2 to 5 letter components joined by '^';
//   - a non-Latin word group after a person word (PATIENT#, caregiver_,
//     patients/).
func (sc *scanner) nameValueRule(caret, other bool) {
	n := len(sc.toks)
	for i := nextTok(sc.handleCand, -1); i < n; i = nextTok(sc.handleCand, i) {
		t := &sc.toks[i]
		if t.masked || t.used {
			continue
		}
		if t.lx == 0 && t.caps == capLower && sc.handleAt(i) {
			continue
		}
		if !caret && !other {
			continue
		}
		// DICOM PN: FAMILY^GIVEN[^MIDDLE...]
		if caret && t.kind == tkAlpha && (i == 0 || sc.gap(i) != '^') && sc.segStart(i) {
			g1 := i // the component's last token (ŁUKASZ is two tokens)
			for g1+1 < n && sc.gap(g1+1) == 0 {
				g1++
			}
			if g1+1 < n && sc.gap(g1+1) == '^' {
				if e, ok := sc.nameRun(i, '^', 8); ok && e > g1 && sc.segEnd(e) {
					sc.addName(i, e, 0.8)
					i = e
					continue
				}
			}
		}
		if i+1 >= n {
			continue
		}
		label := false
		switch g := sc.gap(i + 1); {
		case g != ':' && g != '=' && g != ' ' && g != '"' && g != '\'':
			// no key-value separator: no label
		case t.kind == tkAlpha && t.ctx() == ckName:
			// plain "name" needs a person before it: patient-name, pt_name
			label = !sc.tokIs(i, "name") || i > 0 && (sc.toks[i-1].ctx() == ckPatient ||
				sc.tokIs(i-1, "last", "first", "given", "family", "middle", "maiden", "full", "sur", "legal", "preferred"))
		case t.kind == tkAlpha && sc.tokIs(i, "family", "given", "familyname", "given_name", "firstnames"):
			label = true
		case t.kind == tkDigit && i > 0 && sc.tokIs(i, "0010") && sc.tokIs(i-1, "0010"):
			label = true // DICOM (0010,0010) PatientName
		}
		if label && sc.kvGap(i+1) && sc.toks[i+1].kind == tkAlpha {
			if e, ok := sc.nameRun(i+1, 0, 4); ok && sc.segEnd(e) {
				sc.addName(i+1, e, 0.85)
				i = e
			}
			continue
		}
		// a non-Latin name after a person word
		if sc.hasHigh && t.kind == tkAlpha && sc.nonLatin(i+1) && (t.ctx() == ckPatient || sc.tokIs(i, "patients", "caregiver", "guardian", "owner", "patienten", "pacientes", "pacients", "kin", "spouse", "parent", "mother", "father")) {
			switch sc.gap(i + 1) {
			case '/', '#', '_', ':', '=', ' ', '-':
			default:
				continue
			}
			if e, ok := sc.nameRun(i+1, 0, 4); ok && sc.segEnd(e) {
				sc.addName(i+1, e, 0.75)
				i = e
			}
		}
	}
}

// nameRun returns the last token of a run of 1 to max letter tokens from
// token i, joined by sep (or, when sep is 0, by '^', ' ', '-', ',', '.',
// '_'), none a stop word, context word or hex-ish, and whether there is one.
func (sc *scanner) nameRun(i int, sep byte, max int) (int, bool) {
	n := len(sc.toks)
	e := -1
	for k := i; k < n && k < i+max; k++ {
		u := &sc.toks[k]
		if k > i {
			g := sc.gap(k)
			if g != 0 && (sep != 0 && g != sep || sep == 0 && g != '^' && g != ' ' && g != '-' && g != ',' && g != '.' && g != '_') {
				break
			}
		}
		if u.kind != tkAlpha || u.masked || u.used || u.hexish || u.lx&(lxStop|lxCtxMask|lxFiller) != 0 {
			if k > i && sep == 0 {
				break // lastname=garcia.pdf: the run ends before the extension
			}
			return -1, false
		}
		e = k
	}
	if e < 0 {
		return -1, false
	}
	// a single-letter run is an initial, not a name
	if e == i && sc.toks[i].e-sc.toks[i].s < 2 {
		return -1, false
	}
	return e, true
}

// segStart and segEnd report whether token i starts, or token e ends, a
// segment of the name: at the name's ends or at '/', ':', '=', '#', ' ', '|'
// ('.' too at the end, before an extension).
func (sc *scanner) segStart(i int) bool {
	s := sc.toks[i].s
	if s == 0 {
		return true
	}
	switch sc.name[s-1] {
	case '/', ':', '=', '#', ' ', '|', '_':
		return true
	}
	return false
}

func (sc *scanner) segEnd(e int) bool {
	x := int(sc.toks[e].e)
	if x == len(sc.name) {
		return true
	}
	switch sc.name[x] {
	case '/', ':', '=', '#', ' ', '|', '.', '_', '&', '?':
		return true
	}
	return false
}

// nonLatin reports whether token i is a word of a non-Latin script (its
// first rune at U+0370 or above: Greek, Cyrillic, Arabic, CJK, Hangul...).
func (sc *scanner) nonLatin(i int) bool {
	t := &sc.toks[i]
	if t.kind != tkAlpha || sc.name[t.s] < 0x80 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(sc.name[t.s:t.e])
	return r >= 0x370
}

func (sc *scanner) addName(i, e int, conf float64) {
	for k := i; k <= e; k++ {
		sc.toks[k].used = true
	}
	sc.add(CategoryName, sc.toks[i].s, sc.toks[e].e, conf)
}

// ---- places tied to a person: "patient-city: Provo", "home_county=Kent" ----

// placeRule flags the value of a city, county or town label when the
// label ties it to a person (patient-city, home-county, residence,
// hometown): Safe Harbor (B) lists a person's city and county. A place
// label with no person (datacenter-city) is left alone.
func (sc *scanner) placeRule() {
	n := len(sc.toks)
	for i := 0; i+1 < n; i++ {
		if sc.toks[i].kind != tkAlpha || sc.toks[i].e-sc.toks[i].s < 4 || !sc.kvGap(i+1) || !sc.tokIs(i, "city", "county", "town", "hometown", "residence", "municipality", "village", "birthplace") {
			continue
		}
		person := sc.tokIs(i, "residence", "hometown", "birthplace")
		for k := i - 1; k >= 0 && k >= i-3 && !person; k-- {
			switch c := sc.toks[k].ctx(); {
			case c == ckPatient || c == ckAddress || c == ckName || c == ckPlan:
				person = true
			case sc.tokIs(k, "mailing", "guarantor", "birth", "residential", "resident"):
				person = true
			}
		}
		infra := false // datacenter-city: Ashburn, office_city=Austin
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if sc.tokIs(k, "datacenter", "dc", "region", "az", "office", "store", "branch", "facility", "clinic", "site", "warehouse",
				"hq", "pop", "edge", "vendor", "provider", "practice", "hospital", "company", "billing", "remit", "payer", "lab", "pharmacy") {
				infra = true
			}
		}
		if infra || !sc.kvGap(i+1) {
			continue
		}
		conf := 0.8
		if !person {
			conf = 0.55 // city: Springfield on a record: most likely the person's
		}
		j, e := i+1, i
		for ; j < n && j <= i+3; j++ {
			t := &sc.toks[j]
			if t.kind != tkAlpha || t.masked || t.used || t.caps != capTitle && t.caps != capUpper || t.ctx() != ckNone {
				break
			}
			if j > i+1 && sc.gap(j) != ' ' && sc.gap(j) != '-' {
				break
			}
			e = j
		}
		if e == i || e+1 < n && sc.gap(e+1) != '/' && sc.gap(e+1) != ',' && sc.gap(e+1) != ';' {
			continue
		}
		sc.add(CategoryAddress, sc.toks[i+1].s, sc.toks[e].e, conf)
		for x := i + 1; x <= e; x++ {
			sc.toks[x].used = true
		}
		i = e
	}
}

// coordinates finds a latitude and longitude with three decimals or more
// (about 100 m: a home) after a place label (lat=42.3601/lon=-71.0589,
// home-geo: 42.3601,-71.0589): a geographic subdivision smaller than a
// state.
func (sc *scanner) coordinates() {
	s := sc.name
	for i := 0; i < len(sc.toks); i++ {
		if sc.toks[i].kind != tkAlpha || !sc.tokIs(i, "lat", "latitude", "lon", "lng", "long", "longitude", "geo", "gps", "coords", "coordinates", "latlng", "latlon", "geolocation", "geohash") {
			continue
		}
		v := int(sc.toks[i].e)
		if v >= len(s) || s[v] != '=' && s[v] != ':' && s[v] != '/' && s[v] != '_' && s[v] != '-' {
			continue
		}
		v++
		for v < len(s) && s[v] == ' ' {
			v++
		}
		e, ok := decimalAt(s, v)
		if !ok {
			if sc.tokIs(i, "geohash") {
				e = v
				for e < len(s) && e-v < 12 && isGeohash(s[e]) {
					e++
				}
				if e-v >= 6 && (e == len(s) || !isAlnum(s[e])) {
					sc.add(CategoryAddress, int32(v), int32(e), 0.8) // a home's cell: 6 characters is 1.2 km
					sc.mask(v, e)
				}
			}
			continue
		}
		end := e
		if e+1 < len(s) && s[e] == ',' {
			if e2, ok2 := decimalAt(s, e+1); ok2 {
				end = e2
			}
		}
		sc.add(CategoryAddress, int32(v), int32(end), 0.7)
		sc.mask(v, end)
	}
}

// coordPair finds a latitude and longitude written as a pair without a
// label (visits/41.42881,-108.30336/): four decimals or more each and
// five in one (about a metre: a home, not a rate), in range.
func (sc *scanner) coordPair() {
	s := sc.name
	for k := 0; k+1 < len(s); k++ {
		if s[k] != ',' || k == 0 || !isDigit(s[k-1]) {
			continue
		}
		b := k
		for b > 0 && (isDigit(s[b-1]) || s[b-1] == '.' || s[b-1] == '-' || s[b-1] == '+') {
			b--
		}
		e1, ok1 := decimalAt(s, b)
		e2, ok2 := decimalAt(s, k+1)
		if !ok1 || !ok2 || e1 != k || strings.IndexByte(s[b:k], '.') < 0 {
			continue
		}
		lat, lon := s[b:k], s[k+1:e2]
		if fracDigits(lat) < 4 || fracDigits(lon) < 4 || max(fracDigits(lat), fracDigits(lon)) < 5 || intPart(lat) > 90 || intPart(lon) > 180 {
			continue
		}
		sc.add(CategoryAddress, int32(b), int32(e2), 0.7)
		sc.mask(b, e2)
		k = e2
	}
}

// fracDigits returns the number of digits after the '.' of a decimal.
func fracDigits(d string) int {
	if i := strings.IndexByte(d, '.'); i >= 0 {
		return len(d) - i - 1
	}
	return 0
}

// intPart returns the absolute integer part of a decimal.
func intPart(d string) int {
	d = strings.TrimLeft(d, "+-")
	if i := strings.IndexByte(d, '.'); i >= 0 {
		d = d[:i]
	}
	return atoi(d)
}

// isGeohash reports whether c is in the geohash alphabet (base32 without
// a, i, l, o).
func isGeohash(c byte) bool {
	return isDigit(c) || c >= 'b' && c <= 'z' && c != 'i' && c != 'l' && c != 'o'
}

// decimalAt reads a signed decimal with at least three decimals at s[i]
// and returns its end.
func decimalAt(s string, i int) (int, bool) {
	k := i
	if k < len(s) && (s[k] == '-' || s[k] == '+') {
		k++
	}
	d := k
	for k < len(s) && isDigit(s[k]) && k-d < 3 {
		k++
	}
	if k == d || k >= len(s) || s[k] != '.' {
		return 0, false
	}
	k++
	f := k
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if k-f < 3 || k < len(s) && isAlnum(s[k]) {
		return 0, false
	}
	return k, true
}

// ---- street addresses ----

func (sc *scanner) addressRules() {
	n := len(sc.toks)
	for i := 0; i < n; i++ {
		t := &sc.toks[i]
		if t.masked {
			continue
		}
		if t.kind == tkAlpha {
			// PO Box 1234
			if c := sc.name[t.s]; (c == 'p' || c == 'P') && sc.tokIs(i, "po", "pobox") {
				k := i + 1
				if sc.tokIs(i, "po") && sc.tokIs(k, "box") {
					k++
				}
				if k < n && k > i && sc.toks[k].kind == tkDigit && !sc.toks[k].used && sc.gap(k) != '/' && sc.gap(k) != '~' &&
					(sc.tokIs(i, "pobox") || sc.tokIs(i+1, "box")) {
					sc.add(CategoryAddress, t.s, sc.toks[k].e, 0.8)
					sc.toks[k].used = true
				}
			}
			continue
		}
		if t.used || t.s != t.ws || t.size() > 5 || t.size() > 1 && sc.name[t.s] == '0' {
			continue
		}
		// number, 1-4 street-name tokens, suffix
		named := false
		end := -1
		for k := i + 1; k < n && k <= i+5; k++ {
			u := &sc.toks[k]
			g := sc.gap(k)
			if u.masked || g == '/' || g == '~' || g == ')' {
				break
			}
			if u.kind == tkDigit {
				// ordinal street: 5th, 21st
				if k+1 < n && sc.gap(k+1) == 0 && sc.toks[k+1].lx&lxOrdinal != 0 && u.size() <= 3 {
					named = true
					k++
					continue
				}
				break
			}
			if u.lx&lxSuffix != 0 && named && k > i+1 {
				end = k
				break
			}
			if u.lx&lxDirection == 0 && u.size() >= 2 {
				named = true
			}
		}
		if end < 0 {
			continue
		}
		conf := 0.85
		if k, d := sc.ctxBack(i, 3); k == ckAddress && d > 0 {
			conf = 0.95
		}
		sc.add(CategoryAddress, t.s, sc.toks[end].e, conf)
		for k := i; k <= end; k++ {
			sc.toks[k].used = true
		}
		// a ZIP code shortly after the street
		for k := end + 1; k < n && k <= end+6; k++ {
			u := &sc.toks[k]
			if u.kind == tkDigit && !u.used && !u.masked {
				if u.size() == 5 {
					sc.add(CategoryZIP, u.s, u.e, 0.8)
					u.used = true
				}
				break
			}
		}
		i = end
	}
}

// ---- personal names ----

// nameLike returns how much token i looks like a personal name on its own
// (0..1) and its raw dictionary strength (0 when not in the lists).
func (sc *scanner) nameLike(i int) (nl, raw float64) {
	if sc.toks[i].lx&(lxNameTiers|lxDeny) == 0 {
		return 0, 0 // in no name list: the common case, inlined
	}
	return sc.nameLikeSlow(i)
}

func (sc *scanner) nameLikeSlow(i int) (nl, raw float64) {
	t := &sc.toks[i]
	if t.kind != tkAlpha || t.masked || t.used || t.hexish || t.e-t.s < 2 {
		return 0, 0
	}
	if t.lx&lxState != 0 && t.e-t.s == 2 {
		return 0, 0
	}
	if t.lx&lxDeny != 0 {
		return 1, 1
	}
	if t.lx&(lxStop|lxFiller|lxCtxMask) != 0 {
		return 0, 0
	}
	tier := max(int(t.lx&lxGivenMask), int(t.lx>>lxSurShift&3))
	switch tier {
	case 3:
		raw = 1
	case 2:
		raw = 0.85
	case 1:
		raw = 0.7
	default:
		return 0, 0
	}
	nl = raw
	switch {
	case t.lx&lxEngCommon != 0 && tier == 3:
		nl *= 0.4
	case t.lx&lxEngCommon != 0:
		nl *= 0.3
	case t.lx&lxEng != 0:
		nl *= 0.75
	}
	if t.caps == capMixed {
		nl *= 0.5
	} else if t.caps == capUpper && t.e-t.s <= 3 && raw < 1 {
		nl *= 0.6 // RAD, ORM, AI: acronyms, unless a top name (KIM, LEE)
	}
	return nl, raw
}

func nameLink(g byte) bool {
	switch g {
	case 0, '_', '-', '.', ' ', ',', '+', '^':
		return true
	}
	return false
}

// orgPhrase returns the last token of the orgPhrase of two or three
// tokens starting at token i, or -1.
func (sc *scanner) orgPhrase(i int) int {
	n := len(sc.toks)
	last := -1 // the longest: martin luther king, not martin luther
	for j := i + 1; j < n && j <= i+2; j++ {
		if sc.toks[j].kind != tkAlpha || !nameLink(sc.gap(j)) {
			break
		}
		if sc.tabTokens(orgTab, i, j) != 0 {
			last = j
		}
	}
	return last
}

// techName reports whether the "name" context word at token k names a
// thing rather than a person: tableName, file_name, bucket-name, hostName.
func (sc *scanner) techName(k int) bool {
	if !sc.tokIs(k, "name", "names") || k == 0 {
		return false
	}
	p := &sc.toks[k-1]
	if p.kind != tkAlpha || p.e != sc.toks[k].s && sc.gap(k) != '_' && sc.gap(k) != '-' && sc.gap(k) != ' ' {
		return false
	}
	return sc.tokIs(k-1, "table", "file", "bucket", "host", "app", "service", "stream", "function", "queue", "topic", "key", "db",
		"schema", "column", "field", "object", "resource", "stack", "cluster", "domain", "index", "role", "policy", "job", "task",
		"project", "repo", "branch", "tag", "image", "container", "device", "model", "product", "brand", "company", "org", "team",
		"group", "attribute", "param", "parameter", "secret", "metric", "log", "event", "rule", "state", "step", "workflow",
		"template", "package", "module", "class", "method", "variable", "env", "server", "node", "pod", "namespace", "region",
		"zone", "facility", "clinic", "hospital", "practice", "site", "location", "department", "dept", "unit", "ward", "drug",
		"medication", "test", "panel", "procedure", "plan", "payer", "vendor", "partner", "sponsor", "study", "trial")
}

// dicomName reports whether tokens i..j are the components of a DICOM
// person name: joined by carets only, the first starting its word.
func (sc *scanner) dicomName(i, j int) bool {
	if sc.toks[i].s != sc.toks[i].ws {
		return false
	}
	for k := i + 1; k <= j; k++ {
		if g := sc.gap(k); g != '^' && !(sc.toks[k].e-sc.toks[k].s == 1 && g == '^') {
			return false
		}
	}
	return true
}

// unknownWord reports whether token i is an alphabetic word in none of
// the lists, that could be a rare name after a strong name context.
func (sc *scanner) unknownWord(i int) bool {
	t := &sc.toks[i]
	if t.kind != tkAlpha || t.masked || t.used || t.hexish || t.e-t.s < 3 || t.lx != 0 || t.caps == capMixed {
		return false
	}
	vowels := 0
	for k := t.s; k < t.e; k++ {
		switch lower(sc.name[k]) {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			vowels++
		}
		if sc.name[k] >= 0x80 {
			vowels++
		}
	}
	return vowels > 0 && vowels < int(t.e-t.s)
}

// greetingName finds the person a message greets: "Kornelia, your
// results are ready", "Happy 97th birthday, Evette!", "Hi Tomasz,". The
// word must be capitalized and not a common English word (Reminder, your
// ...); a name of the lists is more certain than an unknown word.
func (sc *scanner) greetingName() {
	n := len(sc.toks)
	try := func(i int) {
		e := i // FolaFoluwa: one word in two tokens
		for e+1 < n && sc.gap(e+1) == 0 && sc.toks[e+1].kind == tkAlpha && sc.toks[e+1].caps == capTitle {
			e++
		}
		best := 1.0
		for k := i; k <= e; k++ {
			t := &sc.toks[k]
			if t.kind == tkAlpha && !t.masked && !t.used && sc.nonLatin(k) && t.lx&(lxNameTiers|lxFullName) != 0 {
				best = min(best, 0.7) // نیلوفر, your results: a script without case
				continue
			}
			if t.kind != tkAlpha || t.masked || t.used || t.e-t.s < 2 || t.caps != capTitle && !(t.caps == capUpper && !hasLower(sc.name)) {
				return
			}
			if t.lx&(lxEngCommon|lxStop|lxCtxMask) != 0 {
				return
			}
			nl, _ := sc.nameLike(k)
			switch {
			case nl >= 0.5:
				best = min(best, 0.8)
			case t.lx&lxEng == 0 && (sc.unknownWord(k) || t.lx&lxNameTiers != 0):
				best = min(best, 0.65)
			default:
				return
			}
		}
		if sc.toks[e].e-sc.toks[i].s >= 3 {
			sc.addName(i, e, best)
		}
	}
	for i := 0; i < n; i++ {
		t := &sc.toks[i]
		switch {
		case i == 0 && n > 2 && sc.gap(1) == ',' && sc.tokIs(1, "your", "you", "we"):
			try(0) // "Kornelia, your ..."
		case i == 1 && n > 3 && sc.gap(1) == ':' && sc.gap(2) == ',' && sc.tokIs(2, "your", "you", "we") &&
			sc.tokIs(0, "reminder", "re", "fwd", "fw", "update", "notice", "alert", "recordatorio", "rappel", "erinnerung", "lembrete", "promemoria"):
			try(1) // "Reminder: Liene, your appointment ..."
		case i > 0 && t.kind == tkAlpha && sc.gap(i) == ',' && sc.tokIs(i-1, "birthday", "anniversary", "congratulations", "welcome", "thanks", "hi", "hello"):
			try(i) // "Happy birthday, Evette!"
		case i == 1 && sc.tokIs(0, "hi", "hello", "hey") && sc.gap(1) == ' ':
			try(i) // "Hi Tomasz, ..."
		}
	}
}

// nameBeforeBirth finds the person whose birth date a name carries: one
// to three words, each a name or an unknown word (not English, not a
// technical word), right before a birth label in the same segment:
// gabryle_soistman_geb_1981-05-15, MANRIQUEZ_AGUSTIN_DOB_19360407.
func (sc *scanner) nameBeforeBirth() {
	for i := 1; i < len(sc.toks); i++ {
		t := &sc.toks[i]
		if t.kind != tkAlpha || t.ctx() != ckDate || !sc.tokIs(i, "dob", "geb", "geboren", "born", "birth", "birthdate", "dateofbirth", "nacido", "nacida", "nee") {
			continue
		}
		if i+1 >= len(sc.toks) || sc.toks[i+1].kind != tkDigit || sc.gap(i+1) == '/' {
			continue
		}
		a := i
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			g := sc.gap(k + 1)
			if g != '_' && g != '-' && g != ' ' && g != '.' && g != 0 {
				break
			}
			u := &sc.toks[k]
			nl, _ := sc.nameLike(k)
			if u.kind != tkAlpha || u.masked || !(nl >= 0.5 || sc.unknownWord(k) && u.e-u.s >= 4) {
				break
			}
			a = k
		}
		if a == i {
			continue
		}
		if a > 0 && sc.gap(a) != '/' && sc.gap(a) != '#' && sc.gap(a) != '=' && sc.gap(a) != ':' {
			continue // the words must start their segment
		}
		if sc.toks[a].used {
			continue
		}
		sc.addName(a, i-1, 0.65)
	}
}

func (sc *scanner) nameRules() {
	n := len(sc.toks)
	for i := nextTok(sc.nameCand, -1); i < n; i = nextTok(sc.nameCand, i) {
		t := &sc.toks[i]
		if t.kind != tkAlpha || t.masked || t.used {
			continue
		}
		if t.lx&lxOrgHead != 0 {
			if e := sc.orgPhrase(i); e > i {
				// johns-hopkins, wells-fargo: not a person
				for k := i; k <= e; k++ {
					sc.toks[k].used = true
				}
				i = e
				continue
			}
		}
		nl, raw := sc.nameLike(i)
		ctx, dist := ckNone, 0
		if sc.ctxBits&nameCtxBits != 0 {
			// only these kinds matter below
			ctx, dist = sc.ctxBack(i, 3)
			if ctx == ckName && sc.techName(i-dist) {
				ctx = ckNone // tableName=nutrimate-readings: a thing's name
			}
		}
		if dist > 0 && ctx != ckNone {
			// every token between the context and i must be a filler
			for k := i - dist + 1; k < i; k++ {
				if sc.toks[k].lx&lxFiller == 0 {
					ctx = ckNone
				}
			}
			if g := sc.gap(i - dist + 1); g == '/' || g == '~' && dist == 1 {
				ctx = ckNone
			}
		}
		if t.lx&lxDeny != 0 {
			sc.add(CategoryName, t.s, t.e, 0.9)
		}
		if t.lx&lxFullName != 0 {
			// 李明: a CJK or Hangul name in one token
			c := 0.6
			if ctx == ckName || ctx == ckPatient || ctx == ckTitle {
				c = 0.85
			}
			sc.add(CategoryName, t.s, t.e, c)
			continue
		}
		// single token with context
		switch ctx {
		case ckName:
			if t.lx&lxNameTiers != 0 && t.lx&(lxFiller|lxCtxMask) == 0 && !t.hexish {
				sc.add(CategoryName, t.s, t.e, 0.9)
			} else if sc.unknownWord(i) && t.lx&lxEng == 0 {
				sc.add(CategoryName, t.s, t.e, 0.7)
			}
		case ckTitle:
			if raw > 0 && dist == 1 {
				c := 0.45
				if t.caps == capTitle || nl >= 0.5 {
					c = 0.8
				}
				sc.add(CategoryName, t.s, t.e, c)
			}
		case ckPatient:
			if raw > 0 && nl >= 0.5 {
				sc.add(CategoryName, t.s, t.e, 0.75)
			} else if raw > 0 {
				sc.add(CategoryName, t.s, t.e, 0.4)
			}
		}
		if nl == 0 && i+1 < n && t.size() >= 4 && t.lx == 0 && nameLink(sc.gap(i+1)) && sc.unknownWord(i) {
			need := 0.8
			if ctx == ckName || ctx == ckPatient || ctx == ckTitle {
				need = 0.6 // guardian-Shadera+Prunty: a rarer surname will do
			} else if t.caps == capTitle && sc.toks[i+1].caps == capTitle && sc.gap(i+1) == ' ' {
				need = 0.7 // Roberte Cristiano: two capitalized words in a message
			}
			if nl2, _ := sc.nameLike(i + 1); nl2 >= need {
				u := &sc.toks[i+1]
				conf := 0.55
				if t.caps == u.caps && t.caps != capLower || sc.gap(i+1) == 0 {
					conf = 0.65
				}
				if ctx == ckName || ctx == ckPatient || ctx == ckTitle {
					conf += 0.2
				}
				sc.add(CategoryName, t.s, u.e, conf)
			}
		}
		if nl == 0 || i+1 >= n {
			continue
		}
		// pairs: given surname, surname given, with an optional initial
		j := i + 1
		g := sc.gap(j)
		if !nameLink(g) {
			continue
		}
		initial := false
		if sc.toks[j].kind == tkAlpha && sc.toks[j].size() == 1 && j+1 < n && nameLink(sc.gap(j+1)) {
			initial = true
			j++
		} else if j+1 < n && sc.toks[j].kind == tkAlpha && nameLink(sc.gap(j+1)) && sc.tokIs(j, "de", "van", "von", "der", "den", "da", "di", "del", "dos", "das", "ten", "ter", "le", "la", "bin", "al", "el", "mac") {
			j++ // jesper_de_jong, ana-da-silva: a particle before the surname
		}
		nl2, raw2 := sc.nameLike(j)
		if nl2 == 0 {
			// a well-known, unambiguous given name or surname next to a
			// word in no list: a rare surname or given name
			need := 0.8
			if (g == ' ' || g == ',') && t.caps == capTitle && sc.toks[j].caps == capTitle {
				need = 0.7 // Kadir Bakırcıoğlu: a rarer given name before a capitalized unknown word
			}
			if !initial && nl >= need && sc.unknownWord(j) && sc.toks[j].size() >= 4 {
				conf := 0.55
				if t.caps == sc.toks[j].caps && t.caps != capLower || g == 0 {
					conf = 0.65
				}
				if ctx == ckName || ctx == ckPatient || ctx == ckTitle {
					conf += 0.2
				}
				sc.add(CategoryName, t.s, sc.toks[j].e, conf)
			}
			continue
		}
		conf := 0.15 + 0.8*math.Sqrt(nl*nl2)
		u := &sc.toks[j]
		if (t.caps == capTitle || t.caps == capUpper && t.size() > 2) && (u.caps == capTitle || u.caps == capUpper && u.size() > 2) &&
			min(raw, raw2) > 0 && (nl >= 0.5 || nl2 >= 0.5) {
			conf += 0.1
		}
		if initial {
			conf += 0.05
		}
		if ctx == ckName || ctx == ckPatient || ctx == ckTitle {
			conf += 0.2
		}
		if g == '^' && sc.dicomName(i, j) {
			conf += 0.2 // DICOM person name: FAMILY^GIVEN
		}
		sc.add(CategoryName, t.s, u.e, clamp(conf))
	}
}

// timestampLike reports whether the digits s (with no letters) are a
// yyyymmdd date, or Unix time in seconds or milliseconds (2001-2033).
// uuidLabelGap reports whether the separator before the UUID at token j
// ties it to the patient label before it: PAT#<uuid>, patientId=<uuid>,
// patients/<uuid>/ (a folder per person), urn:mrn:<uuid>.
func (sc *scanner) uuidLabelGap(j int) bool {
	switch sc.gap(j) {
	case '#', '=', ':', '/', '_', '-':
		return true
	}
	return false
}

// labelDigitsWord reports whether token i starts a word that is the
// label glued to six digits or more and nothing else (ACC956366796, a
// word of hex letters that the hex-word mask took).
func (sc *scanner) labelDigitsWord(i int) bool {
	t := &sc.toks[i]
	if t.s != t.ws || t.we-t.e < 6 {
		return false
	}
	for k := t.e; k < t.we; k++ {
		if !isDigit(sc.name[k]) {
			return false
		}
	}
	return true
}

func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// personBefore reports whether a word before token i says that what
// follows is a person's or their device's: client, user, patient, remote,
// src, source, login, session, visitor, caller, member, device.
func (sc *scanner) personBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if sc.toks[k].kind == tkAlpha && (sc.toks[k].ctx() == ckPatient || sc.tokIs(k, "client", "user", "remote", "src", "source", "login",
			"session", "visitor", "caller", "member", "device", "customer", "origin", "forwarded", "xff", "peer", "access", "clients", "users")) {
			return true
		}
	}
	return false
}

func consonant(c byte) bool {
	switch c | 0x20 {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return false
	}
	return c|0x20 >= 'a' && c|0x20 <= 'z'
}

// phoneSSNShape reports whether s is digits grouped 3-3-4 or 3-2-4.
func phoneSSNShape(s string) bool {
	_, L, n := digitGroups(s)
	return n == 3 && L[0] == 3 && (L[1] == 3 || L[1] == 2) && L[2] == 4
}

// digitGroups splits s into its runs of digits (at any other byte) and
// returns their values (of the first 9 digits), their lengths and their
// number, or n = -1 when there are more than four.
func digitGroups(s string) (g, L [4]int, n int) {
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		if n == len(g) {
			return g, L, -1
		}
		v, k := 0, i
		for ; k < len(s) && isDigit(s[k]); k++ {
			if k-i < 9 {
				v = v*10 + int(s[k]-'0')
			}
		}
		g[n], L[n] = v, k-i
		n++
		i = k
	}
	return g, L, n
}

// periodLike reports whether id is a reporting period: a year, then a
// week, quarter, month or half (2025-wk35, 2024Q3, 2024-M07, 2023H1).
func periodLike(id string) bool {
	if len(id) < 6 || !isDigit(id[0]) || atoi(id[:4]) < 1900 || atoi(id[:4]) > 2100 {
		return false
	}
	r := strings.TrimLeft(id[4:], "-_")
	for _, p := range [...]string{"wk", "w", "q", "m", "h", "p"} {
		if len(r) > len(p) && strings.EqualFold(r[:len(p)], p) {
			rest := r[len(p):]
			return len(rest) <= 2 && digitsIn(rest) == len(rest)
		}
	}
	return false
}

// cpfCheck reports whether the 11 digits of a CPF pass its two mod-11
// check digits (and are not all the same digit).
func cpfCheck(d [11]int) bool {
	same := true
	for _, x := range d {
		same = same && x == d[0]
	}
	if same {
		return false
	}
	for n := 9; n <= 10; n++ {
		sum := 0
		for k := 0; k < n; k++ {
			sum += d[k] * (n + 1 - k)
		}
		c := sum * 10 % 11 % 10
		if c != d[n] {
			return false
		}
	}
	return true
}

// dateGroups reports whether the digit groups of s (two or three, split
// at any other byte) read as a date or a time (yyyy-mm-dd, mm-dd-yyyy,
// dd.mm.yyyy, yyyy-mm, mm-yyyy, hh-mm), or have the shape of a phone or an
// SSN, which the digit rules read. PAT#069-70-03 and RX#3904957-82570 are
// ids.
func dateGroups(s string) bool {
	g, L, n := digitGroups(s)
	if n < 0 {
		return false
	}
	switch {
	case n == 3 && L[0] == 3 && L[2] == 4 && (L[1] == 3 || L[1] == 2):
		return true // a phone or an SSN: digitRules' (visit_555-234-5678)
	case n == 3 && L[0] == 4 && L[1] <= 2 && L[2] <= 2:
		return validDate(g[0], g[1], g[2])
	case n == 3 && L[0] <= 2 && L[1] <= 2 && (L[2] == 4 || L[2] == 2):
		y := g[2]
		if L[2] == 2 {
			y += 2000
		}
		return validDate(y, g[0], g[1]) || validDate(y, g[1], g[0])
	case n == 2 && L[0] == 4 && L[1] <= 2:
		return g[0] >= 1900 && g[0] <= 2100 && g[1] >= 1 && g[1] <= 12
	case n == 2 && L[0] <= 2 && L[1] == 4:
		return g[1] >= 1900 && g[1] <= 2100 && g[0] >= 1 && g[0] <= 12
	case n == 2 && L[0] <= 2 && L[1] == 2:
		return g[0] <= 24 && g[1] <= 59
	}
	return false
}

func timestampLike(s string) bool {
	var d [20]byte
	n := 0
	for i := 0; i < len(s) && n < len(d); i++ {
		if isDigit(s[i]) {
			d[n] = s[i]
			n++
		}
	}
	switch {
	case n == 8:
		return validDate(atoi(string(d[:4])), atoi(string(d[4:6])), atoi(string(d[6:8])))
	case n == 10 || n == 13:
		return d[0] == '1'
	case n == 14:
		return validDate(atoi(string(d[:4])), atoi(string(d[4:6])), atoi(string(d[6:8]))) // yyyymmddhhmmss
	}
	return false
}

// natIDCheck reports whether the digits of s pass the check of a national
// number of their length: NHS number (10, mod 11), Canadian SIN (9, Luhn),
// German Steuer-ID (11, ISO 7064 mod 11,10), French NIR (15, key 97).
func natIDCheck(s string) bool {
	var d [16]int
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			if n == len(d) {
				return false
			}
			d[n] = int(s[i] - '0')
			n++
		}
	}
	switch n {
	case 9:
		sum, dbl := 0, false
		for i := 8; i >= 0; i-- {
			sum, dbl = luhnAdd(sum, dbl, d[i])
		}
		return sum%10 == 0
	case 10:
		sum := 0
		for i := 0; i < 9; i++ {
			sum += d[i] * (10 - i)
		}
		c := 11 - sum%11
		if c == 11 {
			c = 0
		}
		return c != 10 && c == d[9]
	case 11:
		if d[0] == 0 {
			return false
		}
		p := 10
		for i := 0; i < 10; i++ {
			sm := (d[i] + p) % 10
			if sm == 0 {
				sm = 10
			}
			p = (2 * sm) % 11
		}
		c := 11 - p
		if c == 10 {
			c = 0
		}
		return c == d[10]
	case 15:
		v := 0
		for i := 0; i < 13; i++ {
			v = (v*10 + d[i]) % 97
		}
		return 97-v == d[13]*10+d[14]
	}
	return false
}
