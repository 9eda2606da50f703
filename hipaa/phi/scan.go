package phi

import (
	"math"
	"math/bits"
	"strings"
)

// Token kinds and capitalisation classes.
const (
	tkAlpha = 1
	tkDigit = 2

	capLower = 0
	capTitle = 1
	capUpper = 2
	capMixed = 3
)

// token is a run of letters or of digits inside a word (a maximal run of
// ASCII letters, digits and non-ASCII bytes). Offsets are byte offsets.
type token struct {
	s, e   int32
	ws, we int32 // the word holding the token
	lx     uint32
	kind   uint8
	caps   uint8
	masked bool // inside an email, URL, IP, MAC, UUID or hash
	hexw   bool // masked only as a hex word of 12+ bytes: a labeled id may still be one
	hexish bool // letters of a short hex-looking word: never a name
	used   bool // consumed by a format rule
	gap    byte // the separator before the token: see scanner.gap
}

// span is a byte range.
type span struct{ s, e int32 }

// dateCand is a full date found without a date context word.
type dateCand struct {
	s, e  int32
	slash bool // yyyy/mm/dd with slashes: an upload path, not a person's date
}

type scanner struct {
	d     *Detector
	name  string
	dst   []Finding
	base  int
	toks  []token
	buf   []byte // the name lower-cased (token bytes only), then 24 spare bytes
	masks [8]span
	nmask int
	dates [6]dateCand
	ndate int
	ndash int // dashes in the name: a UUID needs four
	// bit p: a dash at byte p (p < 64), for maskUUIDs
	dashes uint64

	// Summaries of the tokens, so that a rule pass runs only when a token
	// it needs is present (a superset: masked tokens count too).
	ndigit   int    // digit tokens
	lxOr     uint32 // flags of all alpha tokens, or-ed
	ctxBits  uint32 // 1<<ctxKind of the context words
	wordLens uint64 // 1<<len of the words that can be an MBI, a DEA number, a VIN, an IBAN ...
	poTok    bool   // a 2- or 5-letter token starting with p: "po", "pobox"
	hasHigh  bool   // a word has a non-ASCII byte: fixHigh runs
	has8     bool   // a digit token of 8 digits (a compact date): nameDate runs
	has00    bool   // a digit token 00nn (a DICOM group: 0010, 0008, 0038): dicomTagWord runs
	seps     uint8  // the name has a '^' (sepCaret), '=' (sepEq), ':' (sepColon), ',' (sepComma): set by the raw pass
	hump     bool   // two letter tokens glued, a camel-case hump or an ABc split (set by the tokenizer): maskRandomIDs runs

	// The tokens a rule pass can act on (bit k: token k; all bits set
	// when there are more than 64 tokens), so that the pass visits only
	// these (nextTok).
	digitCand  uint64 // digitRules: digit tokens and month names
	idCand     uint64 // idRules, suffixLabels: context words and label heads
	nameCand   uint64 // nameRules: name-list words, the word before one, org heads
	handleCand uint64 // nameValueRule without carets or labels: lower-case words in no list

	// Set by the tokenizer, for candidates: digit tokens, lower-case letter
	// tokens, letter tokens with flags (bit k&63: token k).
	digTok, lowTok, lxTok uint64
	linkTok               uint64 // tokens after a lone '_' or '-' (gap): idSurname's candidates
	ctxTok                uint64 // context words for ctxBack and ctxFwd (candidates; all bits set over 64 tokens)
	nameCtxTok            uint64 // name, patient and title context words (candidates)

	fold *[2][256]byte // scratch space of nativeLookup, made on first use
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' || c >= 0x80 }
func isAlnum(c byte) bool { return isDigit(c) || isUpper(c) || isLower(c) }
func isHex(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
func lower(c byte) byte {
	if isUpper(c) {
		return c + 32
	}
	return c
}

// Separators in scanner.seps.
const (
	sepCaret = 1 << iota
	sepEq
	sepColon
	sepComma
)

// Context kinds that start an identifier (idRules) or a name (nameRules).
const (
	idCtxBits = 1<<ckPatient | 1<<ckMRN | 1<<ckPlan | 1<<ckPlanWeak | 1<<ckAccount | 1<<ckLicense | 1<<ckNPI |
		1<<ckDEA | 1<<ckVIN | 1<<ckPlate | 1<<ckDevice | 1<<ckIMEI |
		1<<ckNatID | 1<<ckClaim | 1<<ckEncounter | 1<<ckEmployee | 1<<ckImmig | 1<<ckBiometric
	nameCtxBits = 1<<ckName | 1<<ckPatient | 1<<ckTitle
	// Words that wordRules checks: an MBI (11, or 4 in 4-3-4) and a DEA
	// number (9) have a digit and an upper-case letter, a VIN (17) digits;
	// an IBAN (15 to 34), an Italian codice fiscale (16) and a Mexican
	// CURP (18) both.
	wordLenBits uint64 = 1<<4 | 1<<9 | 1<<10 | 1<<11 | 1<<17 | (1<<35-1)&^(1<<15-1)
)

func (sc *scanner) run() {
	if !sc.scanFast() {
		sc.rawPass()
		sc.tokenize()
	}
	if sc.hasHigh {
		sc.fixHigh()
	}
	if len(sc.toks) == 0 {
		sc.finish()
		return
	}
	if !sc.hasHigh {
		// the tokens are as the tokenizer left them
		if sc.hump {
			sc.maskRandomIDs()
		}
	} else {
		for k := 1; k < len(sc.toks); k++ {
			// two letter tokens glued: a camel-case hump (or an ABc split)
			if t := &sc.toks[k]; t.s == sc.toks[k-1].e && t.kind == tkAlpha && sc.toks[k-1].kind == tkAlpha {
				sc.maskRandomIDs()
				break
			}
		}
	}
	sc.candidates()
	// Each pass is skipped when no token can start one of its matches.
	if (sc.ctxBits&idCtxBits != 0 || sc.lxOr&lxLabelHead != 0) && sc.ndigit > 0 {
		sc.idRules()
		sc.suffixLabels()
	}
	if sc.ndigit > 0 {
		sc.digitRules() // monthDate needs digit tokens too
	}
	if sc.wordLens != 0 {
		sc.wordRules()
	}
	if sc.ndigit > 0 && (sc.lxOr&lxSuffix != 0 || sc.poTok) {
		sc.addressRules()
	}
	if sc.ctxBits&(1<<ckAddress|1<<ckPatient|1<<ckName|1<<ckPlan) != 0 || sc.lxOr&lxPlaceLabel != 0 {
		sc.placeRule()
		if sc.ndigit > 0 && sc.lxOr&lxPlaceLabel != 0 {
			sc.coordinates()
		}
	}
	if sc.has00 {
		sc.dicomTagWord()
	}
	caret := sc.seps&sepCaret != 0
	if caret {
		sc.hl7CX()
	}
	other := sc.hasHigh || sc.ctxBits&(1<<ckName|1<<ckPatient) != 0 || sc.seps&(sepEq|sepColon) != 0
	if caret || other {
		sc.handleCand = ^uint64(0)
	}
	sc.nameValueRule(caret, other)
	if sc.lxOr&(lxNameTiers|lxDeny|lxFullName) != 0 || sc.ctxBits&nameCtxBits != 0 {
		if sc.ctxBits&nameCtxBits != 0 {
			// a name context word (ctxBack(i, 3)) makes any of the three
			// words after it a candidate
			c := sc.nameCtxTok
			sc.nameCand |= c<<1 | c<<2 | c<<3
		}
		sc.nameRules()
	}
	if sc.ctxBits&(1<<ckDate) != 0 && sc.ndigit > 0 {
		sc.nameBeforeBirth()
	}
	if sc.hasHigh && sc.ndigit > 0 {
		sc.cjkDates()
	}
	if sc.ndigit > 0 {
		if sc.has8 {
			sc.nameDate()
			sc.dateInitials()
		}
		sc.idSurname()
		sc.prefixedID()
		sc.memberIDShape()
		if sc.ctxBits&(1<<ckImmig) != 0 {
			sc.aNumberShape()
		}
		if sc.ctxBits&(1<<ckZIP) != 0 {
			sc.postcodeAfterLabel()
		}
		if sc.ctxBits&(1<<ckIP) != 0 {
			sc.ipv6Dashed()
		}
	}
	// a ',' after the first byte (the raw pass notes any ',')
	if c := sc.name[0] | 0x20; c == 'h' || sc.seps&sepComma != 0 && strings.IndexByte(sc.name[1:], ',') >= 0 {
		sc.greetingName()
	}
	if sc.lxOr&lxFamily != 0 {
		sc.familyName()
	}
	if sc.lxOr&lxAtWord != 0 {
		sc.obfuscatedEmail()
	}
	if sc.seps&sepComma != 0 && sc.ndigit > 1 {
		sc.coordPair()
	}
	if sc.ndigit > 0 && bits.OnesCount64(sc.linkTok) >= 5 && sc.hasUnderscore() {
		sc.underscoreMAC()
	}
	if len(sc.dst) > sc.base && sc.lxOr&(lxOrgWord|lxSaint) != 0 {
		sc.dropOrgNames()
	}
	sc.finish()
}

// candidates sets the candidate tokens of the rule passes (a superset:
// a pass checks each token it visits as before), without a branch a
// token.
func (sc *scanner) candidates() {
	if len(sc.toks) > 64 {
		sc.digitCand, sc.idCand, sc.nameCand, sc.handleCand = ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)
		sc.ctxTok, sc.nameCtxTok = ^uint64(0), ^uint64(0)
		return
	}
	var dig, id, name, handle, ctx, nctx uint64
	if !sc.hasHigh {
		// The tokens are as the tokenizer left them: only those with
		// flags need a look.
		dig, handle = sc.digTok, sc.lowTok&^sc.lxTok
		for c := sc.lxTok; c != 0; c &= c - 1 {
			k := bits.TrailingZeros64(c)
			lx := uint64(sc.toks[k].lx)
			dig |= nonZero(lx&(0xf<<lxMonthShift)) << k
			id |= nonZero(lx&(lxCtxMask|lxLabelHead)) << k
			name |= nonZero(lx&(lxOrgHead|lxNameTiers|lxDeny|lxFullName))<<k | nonZero(lx&(lxNameTiers|lxDeny))<<k>>1
			ctx |= uint64(ctxNearKind[lx>>lxCtxShift&31]) << k
			nctx |= uint64(nameCtxBits>>(lx>>lxCtxShift&31)&1) << k
		}
		sc.digitCand, sc.idCand, sc.nameCand, sc.handleCand, sc.ctxTok, sc.nameCtxTok = dig, id, name, handle, ctx, nctx
		return
	}
	for k := range sc.toks {
		t := &sc.toks[k]
		lx := uint64(t.lx) // 0 for a digit token
		isDig := uint64(t.kind >> 1)
		dig |= (isDig | nonZero(lx&(0xf<<lxMonthShift))) << k
		id |= nonZero(lx&(lxCtxMask|lxLabelHead)) << k
		name |= nonZero(lx&(lxOrgHead|lxNameTiers|lxDeny|lxFullName))<<k | nonZero(lx&(lxNameTiers|lxDeny))<<k>>1
		handle |= (1 - nonZero(lx|uint64(t.caps)|isDig)) << k
		ctx |= uint64(ctxNearKind[lx>>lxCtxShift&31]) << k
		nctx |= uint64(nameCtxBits>>(lx>>lxCtxShift&31)&1) << k
	}
	sc.digitCand, sc.idCand, sc.nameCand, sc.handleCand, sc.ctxTok, sc.nameCtxTok = dig, id, name, handle, ctx, nctx
}

// ctxNearKind is 1 for the context kinds that ctxBack and ctxFwd return.
var ctxNearKind = func() (t [32]uint8) {
	for c := ckName; c <= ckBiometric; c++ {
		if !isNewIDCtx(c) {
			t[c] = 1
		}
	}
	return
}()

// ctxIn reports whether tokens lo..hi (lo <= hi) may hold a context word
// for ctxBack or ctxFwd (sc.ctxTok, set by candidates).
func (sc *scanner) ctxIn(lo, hi int) bool {
	if hi >= 64 {
		return true
	}
	return sc.ctxTok&spanMask(max(lo, 0), hi+1) != 0
}

// nonZero is 1 when x (< 1<<63) is not 0, else 0.
func nonZero(x uint64) uint64 { return -x >> 63 }

// nextTok returns the first token after i in the candidate set c, or 64
// or more when there is none.
func nextTok(c uint64, i int) int {
	i++
	if i >= 64 {
		return i
	}
	return i + bits.TrailingZeros64(c>>uint(i))
}

// add records a finding, merging it with an overlapping one of the same
// category.
func (sc *scanner) add(c Category, s, e int32, conf float64) {
	if conf < 0.35 || s >= e {
		return
	}
	if conf > 0.99 {
		conf = 0.99
	}
	for i := sc.base; i < len(sc.dst); i++ {
		f := &sc.dst[i]
		if f.Category == c && int(s) < f.End && int(e) > f.Start && (conf >= 0.5) == (f.Confidence >= 0.5) {
			if int(s) < f.Start {
				f.Start = int(s)
			}
			if int(e) > f.End {
				f.End = int(e)
			}
			if conf > f.Confidence {
				f.Confidence = conf
			}
			return
		}
	}
	sc.dst = append(sc.dst, Finding{Category: c, Start: int(s), End: int(e), Confidence: conf})
}

func (sc *scanner) finish() {
	if sc.ndate > 0 {
		evidence := false
		for i := sc.base; i < len(sc.dst); i++ {
			f := sc.dst[i]
			if f.Confidence >= 0.5 && f.Category != CategoryDate && f.Category != CategoryURL && f.Category != CategoryIP {
				evidence = true
				break
			}
		}
		if evidence {
			for _, dc := range sc.dates[:sc.ndate] {
				if !dc.slash {
					sc.add(CategoryDate, dc.s, dc.e, 0.6)
				}
			}
		}
	}
	// Order by start offset (few findings: insertion sort).
	f := sc.dst[sc.base:]
	for i := 1; i < len(f); i++ {
		for j := i; j > 0 && f[j].Start < f[j-1].Start; j-- {
			f[j], f[j-1] = f[j-1], f[j]
		}
	}
}

// ---- raw pass: emails, URLs, IPv6 and MAC addresses ----

func (sc *scanner) mask(s, e int) {
	if sc.nmask < len(sc.masks) {
		sc.masks[sc.nmask] = span{int32(s), int32(e)}
		sc.nmask++
	}
}

func (sc *scanner) masked(s, e int32) bool {
	for _, m := range sc.masks[:sc.nmask] {
		if s < m.e && e > m.s {
			return true
		}
	}
	return false
}

func isURLChar(c byte) bool {
	return c > ' ' && c < 0x7f && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`'
}

func hasPrefixFold(s string, i int, p string) bool {
	if len(s)-i < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if lower(s[i+k]) != p[k] {
			return false
		}
	}
	return true
}

// rawInteresting marks the bytes that can start a raw-pass match.
var rawInteresting = [256]bool{'@': true, ':': true, 'w': true, 'W': true, '-': true, '|': true, '(': true, '*': true}

func (sc *scanner) rawPass() {
	s := sc.name
	for _, c := range [...]byte{'^', '=', ':', ','} {
		if strings.IndexByte(s, c) >= 0 {
			sc.seps |= sepByte[c]
		}
	}
	for i := 0; i < len(s); i++ {
		if rawInteresting[s[i]] {
			i = sc.rawAt(s, i)
		}
	}
}

// rawAt checks for a raw-pass match at s[i], an interesting byte, and
// returns the index of the last byte to skip.
func (sc *scanner) rawAt(s string, i int) int {
	switch c := s[i]; {
	case c == '@':
		sc.email(i)
	case c == ':':
		if i+2 < len(s) && s[i+1] == '/' && s[i+2] == '/' {
			sc.url(i)
		} else {
			i = max(i, sc.colonHex(i))
		}
	case c == '-':
		if i >= 2 && i+15 <= len(s) && s[i+3] == '-' {
			i = sc.dashMAC(i)
		}
	case c == '|':
		if i >= 3 && (i == 3 || !isAlnum(s[i-4])) {
			if hasPrefixFold(s, i-3, "msh") {
				i = max(i, sc.hl7Header(i))
			}
			for _, g := range hl7Segments {
				if hasPrefixFold(s, i-3, g.id) {
					sc.hl7Seg(i, g.code)
					break
				}
			}
		}
		i = max(i, sc.fhirIdentifier(i))
	case c == '*':
		i = max(i, sc.x12Seg(i))
	case c == '(':
		if hasPrefixFold(s, i, "(01)") {
			i = max(i, sc.gs1UDI(i))
		} else if i+12 < len(s) && s[i+5] == ',' && s[i+10] == ')' {
			i = max(i, sc.dicomTag(i))
		}
	case hasPrefixFold(s, i, "www.") && (i == 0 || !isAlnum(s[i-1])):
		e := i
		for e < len(s) && isURLChar(s[e]) {
			e++
		}
		if e-i > 6 {
			// as for a URL with a scheme: a person's page, or a hint
			p := i + 4
			for p < e && s[p] != '/' {
				p++
			}
			conf := 0.45
			if personalURLPath(s[p:e]) || sc.personalURLLabel(i) || sc.personalHost(i+4, p) || socialProfile(s[i:p], s[p:e]) {
				conf = 0.85
			}
			sc.add(CategoryURL, int32(i), int32(e), conf)
			sc.mask(i, e)
			i = e
		}
	}
	return i
}

// hasUnderscore reports whether a token follows a lone '_' (a MAC written
// with underscores has five).
func (sc *scanner) hasUnderscore() bool {
	n := 0
	for k := 1; k < len(sc.toks) && n < 5; k++ {
		if sc.gap(k) == '_' {
			n++
		}
	}
	return n >= 5
}

// hl7Segments are the HL7 v2 segments hl7Seg reads, by id, with the code
// it takes.
var hl7Segments = [...]struct {
	id   string
	code byte
}{{"pid", 'P'}, {"pv1", 'V'}, {"nk1", 'N'}, {"in1", 'I'}, {"obr", 'O'}, {"orc", 'C'}, {"obx", 'X'}}

func (sc *scanner) email(at int) {
	s := sc.name
	b := at
	for b > 0 {
		c := s[b-1]
		if isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' {
			b--
		} else {
			break
		}
	}
	// A path segment before the mailbox is not part of it.
	if b == at {
		return
	}
	e := at + 1
	lastDot, labels := -1, 0
	for e < len(s) && (isAlnum(s[e]) || s[e] == '.' || s[e] == '-') {
		if s[e] == '.' {
			if e == at+1 || s[e-1] == '.' {
				break
			}
			lastDot = e
			labels++
		}
		e++
	}
	for e > at+1 && (s[e-1] == '.' || s[e-1] == '-') {
		e--
	}
	if lastDot < 0 || labels == 0 || lastDot >= e-2 {
		return
	}
	for k := lastDot + 1; k < e; k++ {
		if !isUpper(s[k]) && !(s[k] >= 'a' && s[k] <= 'z') {
			// TLD must be letters; a trailing file extension is fine.
			return
		}
	}
	if !plausibleDomain(s[at+1 : e]) {
		return // logo@2x.png, report@v2.json, pkg@1.2.3.tgz
	}
	sc.add(CategoryEmail, int32(b), int32(e), 0.95)
	sc.mask(b, e)
}

func (sc *scanner) url(colon int) {
	s := sc.name
	b := colon
	for b > 0 && (isUpper(s[b-1]) || s[b-1] >= 'a' && s[b-1] <= 'z') {
		b--
	}
	scheme := s[b:colon]
	if !(eqFold(scheme, "http") || eqFold(scheme, "https") || eqFold(scheme, "ftp") || eqFold(scheme, "ftps")) {
		return
	}
	e := colon + 3
	for e < len(s) && isURLChar(s[e]) {
		e++
	}
	if e-colon < 5 {
		return
	}
	// Safe Harbor (N) means URLs of the individual: a home page (~user),
	// a profile (/@handle, /users/..., /profile/...) or a patient's chart
	// URL. Other URLs (CDN assets, docs, APIs) are a weak hint, and only
	// their scheme and host are masked, so that a name or a labelled id in
	// the path is still found by the other rules.
	p := colon + 3
	for p < e && s[p] != '/' {
		p++
	}
	if personalURLPath(s[p:e]) || sc.personalURLLabel(b) || sc.personalHost(colon+3, p) || socialProfile(s[colon+3:p], s[p:e]) {
		sc.add(CategoryURL, int32(b), int32(e), 0.9)
		sc.mask(b, e)
		return
	}
	sc.add(CategoryURL, int32(b), int32(e), 0.45)
	// The scheme and the registrable domain are masked; a subdomain
	// (a person's site, jdoe.example.com) and the path are left to the
	// other rules.
	h, dots := p, 0
	for h > colon+3 && dots < 2 {
		h--
		if s[h] == '.' {
			dots++
		}
	}
	sc.mask(b, colon+3)
	if dots == 2 {
		sc.mask(h, p)
	} else {
		sc.mask(colon+3, p)
	}
}

// personalHost reports whether the host s[h:p] is a person's own site:
// its first label (the only one before the registrable domain's TLD, or a
// subdomain) is a given name and a surname written together
// (elisabatista.com, jdoe.example.com is the subdomain rule's).
func (sc *scanner) personalHost(h, p int) bool {
	s := sc.name
	e := h
	for e < p && (s[e] >= 'a' && s[e] <= 'z' || isUpper(s[e])) {
		e++
	}
	if e >= p || s[e] != '.' || e-h < 3 || e-h > 24 {
		return false
	}
	var b [24]byte
	n := e - h
	for k := 0; k < n; k++ {
		b[k] = lower(s[h+k])
	}
	look := func(w []byte) uint32 {
		var kb [maxLookupLen + 8]byte
		m := copy(kb[:], w)
		k0, k1, k2, hh := wordKey(kb[:], m)
		return sc.d.lex.get(k0, k1, k2, m, hh)
	}
	if lx := look(b[:n]); lx != 0 {
		// a word or a name alone (example, jennifer); but a given name
		// and a surname as two labels of a three-label host is a
		// person's site: linda.henry.me
		if lx&lxGivenMask >= 2 && lx&(lxEngCommon|lxStop) == 0 {
			f := e + 1
			for f < p && (s[f] >= 'a' && s[f] <= 'z' || isUpper(s[f])) {
				f++
			}
			if f < p && s[f] == '.' && f-e-1 >= 3 && f-e-1 <= maxLookupLen && strings.Count(s[e+1:p], ".") == 1 {
				var c [maxLookupLen]byte
				for k := e + 1; k < f; k++ {
					c[k-e-1] = lower(s[k])
				}
				if sur := look(c[:f-e-1]); sur>>lxSurShift&3 != 0 && sur&lxEngCommon == 0 {
					return true
				}
			}
		}
		return false
	}
	if n < 7 {
		return false // too short to split into a given name and a surname
	}
	for k := 3; k <= n-3; k++ {
		g, f := look(b[:k]), look(b[k:n])
		gt, ft := g&lxGivenMask, f>>lxSurShift&3
		if gt != 0 && ft != 0 && g&lxStop == 0 && f&lxStop == 0 && (g&lxEngCommon == 0 || gt >= 2) && (f&lxEngCommon == 0 || ft >= 2) {
			return true
		}
	}
	return false
}

// socialProfile reports whether host and path are a profile on a social
// network or a code host: facebook.com/jane.doe.123, instagram.com/jdoe,
// x.com/jdoe (a first path segment that is no site page).
func socialProfile(host, path string) bool {
	host = strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(host), "www."), "m."))
	switch host {
	case "facebook.com", "instagram.com", "twitter.com", "x.com", "tiktok.com", "linkedin.com", "github.com",
		"threads.net", "pinterest.com", "reddit.com", "medium.com", "snapchat.com", "vk.com", "weibo.com",
		"youtube.com", "bsky.app", "mastodon.social", "gitlab.com", "flickr.com", "tumblr.com":
	default:
		return false
	}
	seg := strings.TrimPrefix(path, "/")
	if k := strings.IndexAny(seg, "/?#"); k >= 0 {
		seg = seg[:k]
	}
	switch strings.ToLower(seg) {
	case "", "help", "login", "about", "policies", "privacy", "terms", "watch", "share", "sharer", "sharer.php", "groups",
		"pages", "events", "explore", "search", "settings", "home", "hashtag", "legal", "business", "ads", "developers", "r", "topics":
		return false
	}
	return len(seg) >= 2
}

// personalURLSegs are path segments that introduce a person's page.
var personalURLSegs = [...]string{"patient", "patients", "user", "users", "member", "members", "people", "person", "visit",
	"profile", "profiles", "u", "in", "chart", "charts", "mychart", "home", "homes", "staff", "author", "authors"}

// personalURLPath reports whether a URL path points at a person's page:
// "/~jdoe", "/@jdoe", "/patients/123", "/profile/jdoe".
func personalURLPath(path string) bool {
	for k := 0; k+1 < len(path); k++ {
		if path[k] == '/' && (path[k+1] == '~' || path[k+1] == '@') {
			return true
		}
	}
	for k := 0; k < len(path); {
		if path[k] != '/' {
			k++
			continue
		}
		k++
		e := k
		for e < len(path) && path[e] != '/' && path[e] != '?' && path[e] != '#' {
			e++
		}
		if e < len(path) && path[e] == '/' && e+1 < len(path) {
			seg := path[k:e]
			for _, w := range personalURLSegs {
				if eqFold(seg, w) {
					return true
				}
			}
		}
		k = e
	}
	return false
}

// personalURLLabel reports whether the URL at s[b:] follows a label that
// names a person's URL: "homepage: http://...", "website=...",
// "profile-url ...".
func (sc *scanner) personalURLLabel(b int) bool {
	s := sc.name
	k := b
	for k > 0 && (s[k-1] == ' ' || s[k-1] == ':' || s[k-1] == '=' || s[k-1] == '"' || s[k-1] == '\'') {
		k--
	}
	e := k
	for k > 0 && (isAlnum(s[k-1]) || s[k-1] == '-' || s[k-1] == '_') {
		k--
	}
	if e == k || e-k > 40 {
		return false
	}
	label := s[k:e]
	for _, w := range [...]string{"homepage", "website", "personal", "profile", "blog", "portfolio"} {
		for x := 0; x+len(w) <= len(label); x++ {
			if eqFold(label[x:x+len(w)], w) {
				return true
			}
		}
	}
	return false
}

func eqFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != b[i] {
			return false
		}
	}
	return true
}

// colonHex checks the run of hex digits and colons around s[i] (a colon)
// for an IPv6 address or a MAC address, and returns the index to resume
// at.
func (sc *scanner) colonHex(i int) int {
	s := sc.name
	b := i
	for b > 0 && (isHex(s[b-1]) || s[b-1] == ':') {
		b--
	}
	e := i
	for e < len(s) && (isHex(s[e]) || s[e] == ':') {
		e++
	}
	// Trim a lone leading or trailing colon.
	if s[b] == ':' && !(b+1 < e && s[b+1] == ':') {
		b++
	}
	if e-1 > b && s[e-1] == ':' && s[e-2] != ':' {
		e--
	}
	// The run must stand alone: not glued to other letters.
	if b > 0 && isAlnum(s[b-1]) || e < len(s) && isAlnum(s[e]) {
		return e - 1
	}
	groups, dbl, glen, colons := 0, 0, 0, 0
	mac := true
	for k := b; k <= e; k++ {
		if k == e || s[k] == ':' {
			if glen > 0 {
				groups++
				if glen != 2 {
					mac = false
				}
			}
			if glen > 4 {
				return e - 1
			}
			if k < e {
				colons++
				if k+1 < e && s[k+1] == ':' {
					dbl++
					if k+2 < e && s[k+2] == ':' {
						return e - 1
					}
				}
			}
			glen = 0
			continue
		}
		glen++
	}
	switch {
	case dbl == 0 && groups == 6 && colons == 5 && mac:
		sc.add(CategoryDevice, int32(b), int32(e), 0.8)
		sc.mask(b, e)
	case dbl == 0 && groups == 8 && colons == 7 || dbl == 1 && groups >= 2 && groups <= 7:
		sc.add(CategoryIP, int32(b), int32(e), 0.9)
		sc.mask(b, e)
	case dbl == 1 && groups == 1 && e-b >= 3 && (s[b] == ':' || s[e-1] == ':'):
		// ::1, fe80:: style
		if sc.name[b:e] != "::" {
			sc.add(CategoryIP, int32(b), int32(e), 0.6)
			sc.mask(b, e)
		}
	}
	return e - 1
}

// dashMAC checks for 00-1A-2B-3C-4D-5E ending at or after s[i] (a dash)
// when s[i-2:i] starts the address.
func (sc *scanner) dashMAC(i int) int {
	s := sc.name
	b := i - 2
	if b > 0 && (isAlnum(s[b-1]) || s[b-1] == '-') {
		return i
	}
	if b+17 > len(s) {
		return i
	}
	for k := 0; k < 17; k++ {
		c := s[b+k]
		if k%3 == 2 {
			if c != '-' {
				return i
			}
		} else if !isHex(c) {
			return i
		}
	}
	if b+17 < len(s) && (isAlnum(s[b+17]) || s[b+17] == '-') {
		return i
	}
	sc.add(CategoryDevice, int32(b), int32(b+17), 0.8)
	sc.mask(b, b+17)
	return b + 16
}

// ---- tokenizer ----

// Byte classes for the tokenizer.
const (
	cDigit = 1
	cUpper = 2
	cLower = 4 // a-z
	cHigh  = 8 // non-ASCII: a lower-case letter to the tokenizer
	cHex   = 16
	cAlnum = cDigit | cUpper | cLower | cHigh
)

var byteClass, lowerTab = func() (cl, lo [256]uint8) {
	for i := 0; i < 256; i++ {
		c := byte(i)
		switch {
		case isDigit(c):
			cl[i] = cDigit
		case isUpper(c):
			cl[i] = cUpper
		case c >= 'a' && c <= 'z':
			cl[i] = cLower
		case c >= 0x80:
			cl[i] = cHigh
		}
		if isHex(c) {
			cl[i] |= cHex
		}
		lo[i] = lower(c)
	}
	return
}()

// tokenize splits the name into words and the words into tokens (at
// letter/digit changes and camelCase humps), lower-casing the token bytes
// into sc.buf, classifying and looking up each token in one pass.
func (sc *scanner) tokenize() {
	s := sc.name
	n := len(s)
	if cap(sc.buf) < n+24 {
		sc.buf = make([]byte, max(n+24, 256))
	}
	buf := sc.buf[:n+24]
	i := 0
	for i < n {
		c := byteClass[s[i]]
		if c&cAlnum == 0 {
			if s[i] == '-' {
				sc.ndash++
				sc.dashes |= 1 << uint(i)
			}
			i++
			continue
		}
		ws, ts, first := i, i, len(sc.toks)
		tc := c // class of the token's first byte
		up, digits, hex, wups := 0, 0, 0, 0
		for {
			if c&cHigh != 0 {
				sc.hasHigh = true
			}
			buf[i] = lowerTab[s[i]]
			up += int(c>>1) & 1
			digits += int(c & cDigit)
			hex += int(c>>4) & 1
			i++
			var nc uint8
			if i < n {
				nc = byteClass[s[i]]
			}
			if nc&cAlnum == 0 {
				sc.pushToken(ts, i, ws, 0, up, tc)
				wups += up
				break
			}
			// split at a digit change, at aB, and at ABc (before B)
			if (c^nc)&cDigit != 0 || c&(cLower|cHigh) != 0 && nc&cUpper != 0 ||
				c&nc&cUpper != 0 && i+1 < n && byteClass[s[i+1]]&cLower != 0 {
				sc.pushToken(ts, i, ws, 0, up, tc)
				if (c|nc)&cDigit == 0 {
					sc.hump = true // a split between two letters
				}
				ts, wups, up, tc = i, wups+up, 0, nc
			}
			c = nc
		}
		we := i
		toks := sc.toks[first:]
		for k := range toks {
			toks[k].we = int32(we)
		}
		wl := we - ws
		if digits > 0 && wl < 64 && wordLenBits&(1<<wl) != 0 && (wl == 17 || wups > 0) {
			sc.wordLens |= 1 << wl
		}
		// A hash or an opaque hex id: only hex digits, both letters and
		// digits, 12+ long: masked; shorter (6+) hex words with digits:
		// their letter tokens are not names.
		if wl >= 6 && hex == wl && digits > 0 && digits < wl {
			for k := range toks {
				if wl >= 12 {
					toks[k].hexw = !toks[k].masked
					toks[k].masked = true
				} else if toks[k].kind == tkAlpha {
					toks[k].hexish = true
				}
			}
		}
	}
	if sc.ndash >= 4 {
		sc.maskUUIDs()
	}
}

// pushToken appends the token s[s:e] of the word s[ws:we]; up is its count of upper-case
// letters and tc the class of its first byte. Its bytes are in sc.buf.
func (sc *scanner) pushToken(s, e, ws, we, up int, tc uint8) {
	// Fill the slot in place: a token built in a local and copied costs a
	// store-forwarding stall.
	n := len(sc.toks)
	if n == cap(sc.toks) {
		sc.toks = append(sc.toks, token{})
	}
	sc.toks = sc.toks[:n+1]
	t := &sc.toks[n]
	bit := uint64(1) << uint(n&63) // (candidates: only for 64 tokens or fewer)
	*t = token{}
	t.s, t.e, t.ws, t.we = int32(s), int32(e), int32(ws), int32(we)
	if n > 0 {
		t.gap = gapBefore(sc.name, sc.toks[n-1].e, int32(s))
		if t.gap == '_' || t.gap == '-' {
			sc.linkTok |= bit
		}
	}
	if tc&cDigit != 0 {
		t.kind = tkDigit
		sc.digTok |= bit
		sc.ndigit++
	} else {
		t.kind = tkAlpha
		L := e - s
		switch {
		case up == 0:
			t.caps = capLower
			sc.lowTok |= bit
		case up == L:
			t.caps = capUpper
			if L == 1 {
				t.caps = capTitle
			}
		case up == 1 && tc&cUpper != 0:
			t.caps = capTitle
		default:
			t.caps = capMixed
		}
		if L >= 2 && L <= maxLookupLen {
			var lx uint32
			k0, k1, k2, h := wordKey(sc.buf[s:], L)
			if sc.d.extra == nil {
				// d.lex.get, inlined
				tab := sc.d.lex
				slots := tab.slots
				mask := uint64(len(slots) - 1)
				for i := h >> tab.shift; ; i = (i + 1) & mask {
					sl := &slots[i&mask]
					if sl.ext == 0 {
						break
					}
					if sl.k0 == k0 && int(sl.ext&31) == L {
						if L <= 8 {
							lx = sl.val
							break
						}
						if tl := tab.tails[sl.ext>>5-1]; tl[0] == k1 && tl[1] == k2 {
							lx = sl.val
							break
						}
					}
				}
			} else {
				lx = sc.lookupExtra(k0, k1, k2, L, h)
			}
			t.lx = lx
			sc.lxTok |= nonZero(uint64(lx)) * bit
			sc.lxOr |= lx
			if c := ctxKind((lx & lxCtxMask) >> lxCtxShift); c != ckNone {
				sc.ctxBits |= 1 << c
			}
			if sc.buf[s] == 'p' && (L == 2 || L == 5) {
				sc.poTok = true
			}
		}
	}
	if sc.nmask > 0 && sc.masked(int32(s), int32(e)) {
		t.masked = true
	}
}

const lxDeny = 1 << 20

// lookupExtra returns the flags of a word for a detector with allow or
// deny words.
func (sc *scanner) lookupExtra(k0, k1, k2 uint64, n int, h uint64) uint32 {
	d := sc.d
	if f := d.extra.get(k0, k1, k2, n, h); f != 0 {
		if f&extraAllow != 0 {
			return lxStop
		}
		return d.lex.get(k0, k1, k2, n, h) | lxDeny
	}
	return d.lex.get(k0, k1, k2, n, h)
}

// maskUUIDs masks 8-4-4-4-12 hex groups.
// uuidAt reports whether a UUID (8-4-4-4-12 hex) starts at s[i].
func (sc *scanner) uuidAt(i int) bool {
	s := sc.name
	if i+36 > len(s) || i+36 < len(s) && isAlnum(s[i+36]) {
		return false
	}
	for k := 0; k < 36; k++ {
		c := s[i+k]
		if k == 8 || k == 13 || k == 18 || k == 23 {
			if c != '-' {
				return false
			}
		} else if !isHex(c) {
			return false
		}
	}
	return true
}

func (sc *scanner) maskUUIDs() {
	s := sc.name
	// In a name of 64 bytes or fewer, the starts with the four dashes
	// in place come from the dash mask.
	short := len(s) <= 64
	d := sc.dashes
	starts := d >> 8 & (d >> 13) & (d >> 18) & (d >> 23)
	for i := 0; i+36 <= len(s); i++ {
		if short {
			c := starts >> uint(i)
			if c == 0 {
				break
			}
			if i += bits.TrailingZeros64(c); i+36 > len(s) {
				break
			}
		}
		if s[i+8] != '-' || s[i+13] != '-' || s[i+18] != '-' || s[i+23] != '-' {
			continue
		}
		if i > 0 && isHex(s[i-1]) {
			continue // inside a longer hex run
		}
		ok := true
		for k := 0; k < 36 && ok; k++ {
			c := s[i+k]
			if k == 8 || k == 13 || k == 18 || k == 23 {
				ok = c == '-'
			} else {
				ok = isHex(c)
			}
		}
		if !ok {
			continue
		}
		for t := range sc.toks {
			if sc.toks[t].s >= int32(i) && sc.toks[t].e <= int32(i+36) {
				sc.toks[t].masked = true
			}
		}
		i += 35
	}
}

// ---- helpers ----

func (t *token) ctx() ctxKind { return ctxKind((t.lx & lxCtxMask) >> lxCtxShift) }
func (t *token) size() int    { return int(t.e - t.s) }

// gap returns the separator between tokens i-1 and i: 0 inside a word,
// the separator byte when exactly one, '~' for several, '^' at the start.
// The tokenizer sets it (gapBefore).
func (sc *scanner) gap(i int) byte {
	if i <= 0 {
		return '^'
	}
	return sc.toks[i].gap
}

// gapBefore returns the gap between a token ending at e and the next one
// starting at s.
func gapBefore(name string, e, s int32) byte {
	switch s - e {
	case 0:
		return 0
	case 1:
		return name[s-1]
	case 2:
		a, b := name[s-2], name[s-1]
		if b == ' ' && (a == ',' || a == ')' || a == ':' || a == '.') {
			return a
		}
	}
	return '~'
}

func (sc *scanner) digitVal(i int) int {
	t := sc.toks[i]
	v := 0
	for k := t.s; k < t.e && k < t.s+9; k++ {
		v = v*10 + int(sc.name[k]-'0')
	}
	return v
}

// ctxBack returns the nearest context word among the max tokens before
// token i, and its distance in tokens.
func (sc *scanner) ctxBack(i, max int) (ctxKind, int) {
	if sc.ctxBits == 0 || i <= 0 || !sc.ctxIn(i-max, i-1) {
		return ckNone, 0 // no context word among them: the loop finds none
	}
	for k := i - 1; k >= 0 && k >= i-max; k-- {
		t := &sc.toks[k]
		if t.masked {
			return ckNone, 0
		}
		if c := t.ctx(); c != ckNone && !isNewIDCtx(c) && !sc.fileExt(k) { // the new labels are idRules' only
			if t.used {
				return ckNone, 0
			}
			return c, i - k
		}
	}
	return ckNone, 0
}

// ctxFwd returns the nearest context word among the max tokens after
// token j.
func (sc *scanner) ctxFwd(j, max int) ctxKind {
	if sc.ctxBits == 0 || max <= 0 || !sc.ctxIn(j+1, j+max) {
		return ckNone // no context word among them: the loop finds none
	}
	for k := j + 1; k < len(sc.toks) && k <= j+max; k++ {
		t := &sc.toks[k]
		if t.kind == tkDigit {
			return ckNone
		}
		if c := t.ctx(); c != ckNone && !isNewIDCtx(c) && !sc.fileExt(k) { // the new labels are idRules' only
			return c
		}
	}
	return ckNone
}

// fileExt reports whether token k is a file extension (report.zip,
// notes.eml): after a dot and ending its segment, it labels nothing.
func (sc *scanner) fileExt(k int) bool {
	t := &sc.toks[k]
	if t.s == 0 || sc.name[t.s-1] != '.' {
		return false
	}
	return int(t.e) == len(sc.name) || sc.name[t.e] == '/' || sc.name[t.e] == '.' || sc.name[t.e] == '?' || sc.name[t.e] == '"'
}

func isIDCtx(c ctxKind) bool {
	switch c {
	case ckMRN, ckPlan, ckPlanWeak, ckAccount, ckLicense, ckNPI, ckDEA, ckVIN, ckPlate, ckDevice, ckIMEI:
		return true
	}
	return false
}

func luhn(s string) bool {
	sum, dbl := 0, false
	for i := len(s) - 1; i >= 0; i-- {
		sum, dbl = luhnAdd(sum, dbl, int(s[i]-'0'))
	}
	return sum%10 == 0
}

// luhnAdd folds one digit, read right to left, into a Luhn sum: every
// second digit is doubled (and 9 subtracted when that makes two digits).
func luhnAdd(sum int, dbl bool, d int) (int, bool) {
	if dbl {
		d *= 2
		if d > 9 {
			d -= 9
		}
	}
	return sum + d, !dbl
}

// luhnDigits runs Luhn over the digits of s[a:b], skipping separators,
// preceded by prefix.
func luhnDigits(s string, a, b int32, prefix string) bool {
	sum, dbl := 0, false
	for i := int(b) - 1; i >= int(a); i-- {
		if isDigit(s[i]) {
			sum, dbl = luhnAdd(sum, dbl, int(s[i]-'0'))
		}
	}
	for i := len(prefix) - 1; i >= 0; i-- {
		sum, dbl = luhnAdd(sum, dbl, int(prefix[i]-'0'))
	}
	return sum%10 == 0
}

// cardIIN reports whether the digits start like a payment card number.
func cardIIN(d string, n int) bool {
	if len(d) < 2 {
		return false
	}
	p2 := int(d[0]-'0')*10 + int(d[1]-'0')
	switch {
	case d[0] == '4':
		return n == 13 || n == 16 || n == 19
	case p2 >= 51 && p2 <= 55:
		return n == 16
	case p2 == 34 || p2 == 37:
		return n == 15
	case p2 == 65 || len(d) >= 4 && d[:4] == "6011":
		return n == 16 || n == 19
	case p2 == 22 || p2 == 27 || p2 == 36 || p2 == 30 || p2 == 38:
		return n >= 14 && n <= 16
	}
	return false
}

func validDate(y, m, d int) bool {
	if y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 {
		return false
	}
	dim := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	return d <= dim[m]
}

func atoi(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}

func clamp(x float64) float64 { return math.Min(0.99, math.Max(0, x)) }
