package phi

import (
	"strings"
	"sync"
	"unsafe"
)

// Detector finds HIPAA Safe Harbor identifiers in names: S3 keys,
// metadata keys and values, table and attribute names, mail subjects,
// encryption contexts. It splits a name into tokens (on / _ - . space and
// at camelCase and letter/digit boundaries) and applies format checks
// (check digits, Luhn, NANP and SSN rules) and context rules (a label
// such as dob, mrn, fax or member next to a value) to them. Personal names
// come from an embedded dictionary of US Census 2010 surnames and SSA
// given names, plus international names from @faker-js/faker locales,
// weighed against an English word list so that a name that is also a
// common word needs context.
//
// A label naming an identifier matches in any casing and separator, on
// its tokens concatenated (Medical_Record_No, medicalRecordNumber, MRN#,
// nhs-number, A-Number), including FHIR references (Patient/123) and
// JSON or config key-value pairs; the value must be identifier-shaped.
// HL7 PID segments, GS1 UDIs and DICOM FAMILY^GIVEN names are read as
// such. Letters with diacritics are folded for lookup (García, MÜLLER);
// a CJK or Hangul word of a common surname and one or two more
// characters is a name; %XX escapes are decoded before scanning and the
// findings mapped back to offsets of the input. An email needs a
// plausible domain (not logo@2x.png), and a few organisations, places
// and diseases named after people (johns-hopkins, kaplan-meier) are not
// names.
//
// A Detector is immutable and safe for concurrent use.
type Detector struct {
	lex   *wordTab
	extra *wordTab        // allow and deny words: extraAllow, extraDeny
	deny  map[string]bool // extra words always reported as names
	allow map[string]bool // words never reported, nor used as context
}

// Flags of the words in Detector.extra.
const (
	extraAllow = 1
	extraDeny  = 2
)

// Option configures New.
type Option func(*Detector)

// WithDenyWords makes the detector report each of words (matched whole
// token, case-insensitively) as a personal name with confidence 0.9, for
// example the surnames of a known patient roster. Words are not copied
// into findings.
func WithDenyWords(words ...string) Option {
	return func(d *Detector) {
		if d.deny == nil {
			d.deny = map[string]bool{}
		}
		for _, w := range words {
			d.deny[strings.ToLower(w)] = true
		}
	}
}

// WithAllowWords makes the detector ignore each of words (matched whole
// token, case-insensitively): they are never a name and never context.
// Use it for product or team names that the name dictionary flags.
func WithAllowWords(words ...string) Option {
	return func(d *Detector) {
		if d.allow == nil {
			d.allow = map[string]bool{}
		}
		for _, w := range words {
			d.allow[strings.ToLower(w)] = true
		}
	}
}

var (
	lexOnce   sync.Once
	sharedLex *wordTab
	defOnce   sync.Once
	defDet    *Detector
)

// labelTab and orgTab are built with the shared lexicon.
var labelTab, orgTab *wordTab

func sharedLexicon() *wordTab {
	lexOnce.Do(func() {
		sharedLex = buildLexicon()
		labelTab = buildLabelTab()
		orgTab = buildOrgTab()
	})
	return sharedLex
}

// Default returns the shared detector with the built-in rules and
// dictionary. It is built once, on first use.
func Default() *Detector {
	defOnce.Do(func() { defDet = &Detector{lex: sharedLexicon()} })
	return defDet
}

// New returns a detector with the built-in rules and dictionary
// plus the given options. The dictionary is shared with Default.
func New(opts ...Option) *Detector {
	d := &Detector{lex: sharedLexicon()}
	for _, o := range opts {
		o(d)
	}
	if len(d.allow)+len(d.deny) > 0 {
		m := make(map[string]uint32, len(d.allow)+len(d.deny))
		for w := range d.allow {
			m[w] |= extraAllow
		}
		for w := range d.deny {
			m[w] |= extraDeny
		}
		d.extra = newWordTab(m)
	}
	return d
}

// Loosenings returns the names of the options in force on d that make it
// report less than Default would ("WithAllowWords" when d has allow
// words), for the policy to audit. It returns nil for Default, for a nil
// Detector, and for a detector only made stricter (WithDenyWords). The
// words themselves are not returned: they may be patient names.
func (d *Detector) Loosenings() []string {
	if d == nil || len(d.allow) == 0 {
		return nil
	}
	return []string{"WithAllowWords"}
}

// Scan returns the suspected identifiers in name, in order of their start
// offset, or nil when it finds none. Findings below the policy threshold
// (DefaultMinConfidence) are weak hints.
func (d *Detector) Scan(name string) []Finding {
	return d.AppendScan(nil, name)
}

// AppendScan appends the findings for name to dst and returns the
// extended slice. It does not allocate when nothing is found (or when dst
// has room), so it suits a hot path that reuses dst.
func (d *Detector) AppendScan(dst []Finding, name string) []Finding {
	if d == nil || d.lex == nil {
		d = Default()
	}
	if len(name) == 0 {
		return dst
	}
	if strings.IndexByte(name, '%') >= 0 && hasPctEscape(name) {
		return d.appendScanDecoded(dst, name)
	}
	sc := scanners.Get().(*scanner)
	*sc = scanner{d: d, name: name, dst: dst, base: len(dst), toks: sc.toks[:0], buf: sc.buf, fold: sc.fold}
	sc.run()
	dst = sc.dst
	sc.dst, sc.name = nil, ""
	if cap(sc.toks) <= 1024 && cap(sc.buf) <= 4096 {
		scanners.Put(sc)
	}
	return dst
}

// scanners recycles scan state so that a scan does not allocate.
var scanners = sync.Pool{New: func() any { return &scanner{toks: make([]token, 0, 64)} }}

// pctBufs recycles the buffers of percent-decoding.
type pctBuf struct {
	dec  []byte
	offs []int32
}

var pctBufs = sync.Pool{New: func() any { return &pctBuf{} }}

// appendScanDecoded scans name with its %XX escapes decoded
// (john%20smith, jane%40example.com) and maps the findings back to byte
// offsets of name: a finding covers every escape it starts or ends in.
func (d *Detector) appendScanDecoded(dst []Finding, name string) []Finding {
	pb := pctBufs.Get().(*pctBuf)
	pb.dec, pb.offs = pctDecode(name, pb.dec, pb.offs)
	base := len(dst)
	// The decoded name lives only during the scan (findings hold offsets,
	// not text), so it may alias the pooled buffer: no allocation.
	dst = d.AppendScan(dst, unsafe.String(unsafe.SliceData(pb.dec), len(pb.dec)))
	for i := base; i < len(dst); i++ {
		dst[i].Start = int(pb.offs[dst[i].Start])
		dst[i].End = int(pb.offs[dst[i].End])
	}
	if cap(pb.dec) <= 4096 {
		pctBufs.Put(pb)
	}
	return dst
}
