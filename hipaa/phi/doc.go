// Package phi finds HIPAA Safe Harbor identifiers (45 CFR
// 164.514(b)(2)(i)) in names: the strings that AWS stores, indexes and
// logs in clear whatever encryption protects the data they name.
//
// The threat it closes: protected health information leaking through a
// name rather than a body. S3 object keys and user metadata, DynamoDB
// table and attribute names, KMS encryption contexts and SES mail
// subjects are not encrypted with the data; they show up in CloudTrail,
// access logs, inventories, console listings and error messages. A key
// such as "records/john_smith_dob_1980-01-02.pdf" discloses PHI even when
// the object itself is encrypted. The hipaa policy runs every such name
// through a Detector before the call and refuses it on a finding.
//
// A Detector reports personal names (the whole US Census 2010 surname
// list and SSA given names weighed against an English word list,
// international names from @faker-js/faker locales in Latin letters and
// in their own scripts: Han, kana, Hangul, Arabic, Hebrew, Cyrillic,
// Greek, Devanagari, Thai; letters with diacritics folded), dates tied to
// a person (in several languages, and in Han and Hangul date units), ages over 89,
// phone and fax numbers, email addresses, SSNs and other countries'
// national ids (by their check digits where they have one), medical
// record, health plan, account and licence numbers, vehicle and device
// identifiers, personal URLs, client IP addresses, ZIP and postal codes,
// street addresses, cities and coordinates. Identifiers are found by their
// own shape, by a label in any casing and separator next to an
// identifier-shaped value (memberid=…, claim/CLM-…, voiceprint/enroll-…),
// and inside the formats health data travels in: HL7 v2 segments and CX
// values, X12 segments, DICOM tags, FHIR paths. Names are tokenized first
// (path separators, punctuation, camelCase, letter/digit boundaries), so
// "patientSsn219-09-9999" is caught; percent-encoding and DICOM "^" are
// decoded; random ids, hashes and UUIDs are masked. A Finding carries a
// Category, byte offsets and a confidence, never the matched text.
//
// ScanText reads free text (mail subjects and bodies) with the same
// findings: names in context, street addresses, cities and ZIP codes,
// dates tied to a person and the identifier kinds above, with character
// spans. No model is downloaded; the data is embedded with its provenance
// (lexicon/PROVENANCE.md).
//
// The happy path needs no configuration:
//
//	for _, f := range phi.Default().Scan(key) {
//		if f.Confidence >= phi.DefaultMinConfidence {
//			// key holds PHI of category f.Category at key[f.Start:f.End]
//		}
//	}
//
// In a phisafe service package the hipaa Policy does this for every name
// (Policy.Detector nil means Default). New builds a detector with extra
// words: WithDenyWords makes it stricter (for example the surnames of a
// known patient roster); WithAllowWords loosens it (product or team names
// the dictionary flags), and Detector.Loosenings names such loosening so
// that the policy can audit it.
//
// A Detector is immutable and safe for concurrent use; Scan does not
// allocate when it finds nothing. The package imports no AWS code.
package phi
