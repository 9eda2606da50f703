package tune

import (
	"fmt"
	"net/url"
	"strings"
)

// tmpl is one template: a shape, a polarity, a weight within its (shape,
// polarity) group, and a function that returns the name and its categories.
type tmpl struct {
	id    string
	shape string
	phi   bool
	w     int
	f     func(g *G) (string, []string)
}

func cs(c ...string) []string { return c }

// Helpers shared by positive and negative templates.

func (g *G) uuid() string {
	h := g.str(hexLower, 32)
	v := "89ab"[g.n(4)]
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + string(v) + h[17:20] + "-" + h[20:]
}

func (g *G) ulid() string  { return "01" + g.str("0123456789ABCDEFGHJKMNPQRSTVWXYZ"[:], 24) }
func (g *G) ksuid() string { return "2" + g.str(b62, 26) }
func (g *G) sha1() string  { return g.str(hexLower, 40) }
func (g *G) sha256() string {
	return g.str(hexLower, 64)
}
func (g *G) shortSHA() string { return g.str(hexLower, 7) }
func (g *G) b64id() string    { return g.str(b64url, g.rng(16, 27)) }
func (g *G) awsAcct() string  { return g.digitsNZ(12) }
func (g *G) region() string {
	return g.one("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ca-central-1", "ap-northeast-1")
}
func (g *G) semver() string {
	return fmt.Sprintf("%d.%d.%d", g.n(12), g.n(40), g.n(30))
}
func (g *G) sysDate() date { return date{g.rng(2019, 2025), g.rng(1, 12), g.rng(1, 28)} }

// patientID is the id of a patient record: an MRN, a numeric id, a prefixed id or a UUID.
func (g *G) patientID() string {
	switch g.n(5) {
	case 0:
		return g.uuid()
	case 1:
		return "pat-" + g.str(digits, 7)
	default:
		return g.mrn()
	}
}

// fhirID is a FHIR logical id of a Patient.
func (g *G) fhirID() string {
	switch g.n(4) {
	case 0:
		return g.uuid()
	case 1:
		return g.str(alnumLow, 8) + "-" + g.str(digits, 4)
	default:
		return g.digitsNZ(g.rng(5, 9))
	}
}

func (g *G) assigningAuth() string {
	return g.one("MGH", "BIDMC", "UCSF", "NYP", "EPIC", "CERNER", "HOSP1", "MMC", "SJH", "OHSU")
}

// cx is an HL7 CX identifier with assigning authority and type.
func (g *G) cx(id string) string {
	return id + "^^^" + g.assigningAuth() + g.one("^MR", "^MR", "&2.16.840.1.113883.3."+g.str(digits, 4)+"&ISO^MR", "^MRN")
}

func (g *G) claimNo() string {
	switch g.n(4) {
	case 0:
		return "CLM-" + g.str(digits, 9)
	case 1:
		return g.str(digits, 2) + g.str(digits, 2) + g.str(digits, 3) + g.str(digits, 6)
	case 2:
		return "ICN" + g.str(digits, 13)
	default:
		return g.str(upper, 2) + g.str(digits, 10)
	}
}

func (g *G) acctNo() string {
	switch g.n(3) {
	case 0:
		return g.digitsNZ(g.rng(8, 11))
	case 1:
		return "HAR" + g.str(digits, 9)
	default:
		return "GA-" + g.str(digits, 8)
	}
}

func (g *G) rxNo() string {
	if g.coin() {
		return g.digitsNZ(7)
	}
	return g.str(digits, 7) + "-" + g.str(digits, 5)
}

func (g *G) accession() string {
	switch g.n(3) {
	case 0:
		return "ACC" + g.str(digits, 9)
	case 1:
		return g.str(upper, 2) + fmt.Sprintf("%02d", g.rng(19, 25)) + "-" + g.str(digits, 6)
	default:
		return g.digitsNZ(10)
	}
}

func (g *G) employeeID() string {
	return g.one("EMP", "E", "emp-", "W", "staff-") + g.str(digits, g.rng(5, 7))
}

func (g *G) studentID() string { return g.one("S", "STU", "") + g.digitsNZ(g.rng(7, 9)) }

func (g *G) deviceSerial() string {
	switch g.n(6) {
	case 0: // CGM transmitter
		return g.str("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", 6)
	case 1: // insulin pump
		return "NG" + g.str(digits, 7) + "H"
	case 2: // pacemaker / ICD
		return g.str(upper, 3) + g.str(digits, 6) + g.str(upper, 1)
	case 3:
		return "SN" + g.str(digits, 10)
	case 4:
		return g.str(alnumUp, 4) + "-" + g.str(alnumUp, 4) + "-" + g.str(alnumUp, 4)
	default:
		return g.str(digits, 2) + g.str(upper, 2) + g.str(digits, 6)
	}
}

func (g *G) studyUID() string {
	return "1.2.840.113619.2." + fmt.Sprintf("%d.%d.%d.%d", g.rng(1, 400), g.rng(1000, 9999), g.rng(100000, 999999999), g.rng(1, 99))
}

func (g *G) ndc() string {
	switch g.n(3) {
	case 0:
		return g.str(digits, 4) + "-" + g.str(digits, 4) + "-" + g.str(digits, 2)
	case 1:
		return g.str(digits, 5) + "-" + g.str(digits, 3) + "-" + g.str(digits, 2)
	default:
		return g.str(digits, 5) + "-" + g.str(digits, 4) + "-" + g.str(digits, 1)
	}
}

func (g *G) icd10() string {
	return g.one("E11.9", "I10", "J45.909", "Z79.4", "M54.5", "F32.A", "N18.3", "K21.9", "E78.5", "R73.03", "Z00.00", "C50.911", "O24.410", "G47.33", "I48.91", "J44.1")
}
func (g *G) cpt() string {
	return g.one("99213", "99214", "99203", "80053", "85025", "93000", "71046", "36415", "90471", "97110", "G0439", "99285")
}
func (g *G) loinc() string {
	return g.one("4548-4", "2345-7", "718-7", "2093-3", "8867-4", "8480-6", "29463-7", "39156-5", "1742-6", "2160-0", "14749-6", "59408-5")
}
func (g *G) snomed() string {
	return g.one("44054006", "38341003", "195967001", "73211009", "22298006", "230690007", "35489007", "84114007", "271737000")
}

var orgs = []string{"johns-hopkins", "mayo-clinic", "cedars-sinai", "mount-sinai", "st-jude", "wells-fargo", "john-deere", "ford-motor", "dell-technologies", "ben-and-jerrys", "lincoln-tunnel", "washington-state", "kaiser-permanente", "baylor-scott-white", "henry-ford-health", "brigham-and-womens", "sloan-kettering", "vanderbilt-umc", "st-lukes", "mass-general", "cleveland-clinic", "walter-reed", "montefiore", "shriners-childrens"}

var depts = []string{"cardiology", "radiology", "oncology", "pediatrics", "nephrology", "billing", "pharmacy", "lab", "ed", "icu", "nicu", "ortho", "behavioral-health", "dermatology", "endocrinology", "pathology", "revenue-cycle", "him"}

var surnameWords = []string{"page", "price", "stone", "rose", "young", "hall", "baker", "grant", "banks", "bell", "hill", "green", "brown", "white", "long", "king", "wood", "mills", "frank", "mark", "hope", "grace", "chase", "hunter", "mason", "cook", "reed", "ward", "gray", "fox"}

func (g *G) pathEsc(s string) string { return url.PathEscape(s) }
func (g *G) qEsc(s string) string    { return url.QueryEscape(s) }

func lowerDash(s string) string { return strings.ToLower(strings.ReplaceAll(s, " ", "-")) }

// bucketSafe lower-cases and keeps [a-z0-9-].
func bucketSafe(s string) string {
	s = strings.ToLower(ascii(s))
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-':
			b.WriteByte(c)
		case c == ' ' || c == '_' || c == '.':
			b.WriteByte('-')
		}
	}
	out := b.String()
	if len(out) > 63 {
		out = out[:63]
	}
	return strings.Trim(out, "-")
}

// nationalID returns a national identity / tax number of another country and its label.
func (g *G) nationalID() (kind, id string) {
	switch g.n(16) {
	case 0:
		return "uk-nino", g.ukNINO()
	case 1:
		return "ca-sin", g.sin()
	case 2:
		return "au-tfn", g.tfn()
	case 3:
		return "in-aadhaar", g.aadhaar()
	case 4:
		return "in-pan", g.pan()
	case 5:
		return "de-steuer-id", g.steuerID()
	case 6:
		return "fr-nir", g.nir()
	case 7:
		return "nl-bsn", g.bsn()
	case 8:
		return "br-cpf", g.cpf()
	case 9:
		return "mx-curp", g.curp(g.latinPerson())
	case 10:
		return "cn-resident-id", g.cnRID()
	case 11:
		return "jp-my-number", g.myNumber()
	case 12:
		return "kr-rrn", g.krRRN()
	case 13:
		if g.coin() {
			return "es-dni", g.dni()
		}
		return "es-nie", g.nie()
	case 14:
		return "it-codice-fiscale", g.codiceFiscale(g.latinPerson())
	default:
		return "se-personnummer", g.personnummer()
	}
}

// healthNumber returns a national or provincial health insurance number and its label.
func (g *G) healthNumber() (kind, id string) {
	switch g.n(6) {
	case 0:
		return "nhs-number", g.nhs()
	case 1:
		return "ohip", g.ohip()
	case 2:
		return "medicare-au", g.auMedicare()
	case 3:
		return "kvnr", g.kvnr()
	case 4:
		return "cns", g.cns()
	default:
		return "mbi", g.mbi()
	}
}

func keySafe(s string) string { return strings.ReplaceAll(s, " ", "") }
