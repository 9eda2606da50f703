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
// A Detector reports personal names (from embedded US Census 2010 surname
// and SSA given-name lists and international names from @faker-js/faker
// locales, weighed against an English word list; letters with diacritics
// folded; CJK, DICOM and HL7 person names), dates
// tied to a person, ages over 89, phone and fax numbers, email addresses,
// SSNs, medical record, health plan, account and licence numbers, vehicle
// and device identifiers, URLs, IP addresses, ZIP codes and street
// addresses. Names are tokenized first (path separators, punctuation,
// camelCase, letter/digit boundaries), so "patientSsn219-09-9999" is
// caught. A Finding carries a Category, byte offsets and a confidence,
// never the matched text.
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
