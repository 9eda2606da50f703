package sealed

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/phisafe/phisafe/internal/phiblind"
)

// ph is a placeholder: a value generator and the label categories its value
// carries ("" for a clean value).
type ph struct {
	cats string
	fn   func(x *g, arg string) string
}

func clean(fn func(x *g, arg string) string) ph { return ph{"", fn} }
func list(vs ...string) ph                      { return ph{"", func(x *g, _ string) string { return pick(x, vs) }} }

var placeholders map[string]ph

var (
	streets    = []string{"Maple Ave", "Oak St", "Pine Rd", "Cedar Ln", "Elm St", "Washington Blvd", "Lakeview Dr", "Hillcrest Rd", "Sunset Blvd", "Main St", "Church St", "Prospect Ave", "Birch Ct", "Willow Way", "Highland Ave", "Park Pl", "River Rd", "Meadow Ln", "Orchard St", "Ridge Rd", "Spring St", "Valley View Dr", "Summit Ave", "Broadway", "Mill Rd", "Cherry Hill Ln", "Fairview Ave", "N 3rd St", "W 42nd St", "County Road 12"}
	cities     = []string{"Worcester", "Springfield", "Lowell", "Dayton", "Fresno", "Tulsa", "Boise", "Pueblo", "Flagstaff", "Waco", "Macon", "Provo", "Duluth", "Bangor", "Yakima", "Billings", "Sioux Falls", "Kalamazoo", "Scranton", "Roanoke", "Gainesville", "Lafayette", "Eugene", "Amarillo", "Laredo", "Chattanooga", "Bethesda", "Cheyenne", "Rapid City", "Hialeah", "Lancaster", "Jackson", "Lincoln", "Madison", "Franklin"}
	counties   = []string{"Hampden County", "Cuyahoga County", "Maricopa County", "Travis County", "Kent County", "Polk County", "Orange County", "Dane County", "Washoe County", "Pima County", "Erie County", "Fairfax County", "Jefferson Parish", "King County", "Lake County"}
	states     = []string{"MA", "NY", "CA", "TX", "FL", "OH", "PA", "IL", "WA", "GA", "NC", "MI", "AZ", "CO", "MN", "OR", "TN", "VA", "NJ", "WI"}
	restricted = []string{"036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893"}

	orgs        = []string{"acme-health", "northwind-clinic", "riverbend-hmo", "bluepeak-payer", "lakeside-imaging", "summit-labs", "cobalt-rx", "harbor-dental", "meridian-bh", "evergreen-hospice", "pinecrest-homecare", "contoso-med", "fabrikam-health", "tri-county-ortho", "keystone-peds", "granite-cardiology", "clearwater-ch", "sagebrush-tele"}
	eponymOrgs  = []string{"johns-hopkins", "mayo-clinic", "cedars-sinai", "mount-sinai", "henry-ford-health", "kaiser-permanente", "dana-farber", "memorial-sloan-kettering", "md-anderson", "baylor-scott-white", "sutter-health", "geisinger", "ochsner", "vanderbilt", "emory-healthcare", "nemours", "shriners", "scripps", "sanford-health", "lurie-childrens", "fred-hutch", "roswell-park", "moffitt", "huntsman", "hackensack-meridian", "beaumont", "lahey", "gundersen", "marshfield", "montefiore", "eli-lilly", "johnson-and-johnson", "abbott", "baxter", "becton-dickinson", "bristol-myers-squibb", "boston-scientific", "stryker", "mckesson", "walgreens", "humana", "cigna", "wells-fargo", "charles-schwab", "john-deere", "ford-motor", "dell", "hewlett-packard", "goldman-sachs", "lockheed-martin"}
	eponymTerms = []string{"alzheimer", "parkinson", "hodgkin-lymphoma", "crohns", "graves-disease", "hashimoto", "addison", "cushing", "down-syndrome", "tourette", "huntington", "guillain-barre", "lou-gehrig", "kawasaki", "asperger", "meniere", "raynaud", "sjogren", "wilson-disease", "bell-palsy", "apgar", "glasgow-coma-scale", "braden-scale", "morse-fall-scale", "wells-score", "gleason-score", "bishop-score", "snellen", "pap-smear", "holter", "swan-ganz", "foley", "heimlich", "doppler", "coombs", "western-blot", "kaplan-meier", "bonferroni", "fisher-exact", "wilcoxon", "cox-regression", "pearson", "mann-whitney", "hartmann-procedure", "whipple-procedure", "nissen-fundoplication", "lasik", "tanner-stage", "ranson-criteria", "mallampati"}
	words       = []string{"green", "blue", "brown", "white", "black", "gray", "long", "short", "young", "king", "hill", "hall", "bell", "price", "rice", "mason", "hunter", "baker", "cook", "turner", "porter", "fisher", "miller", "rose", "grace", "hope", "mark", "bill", "frank", "chase", "dawn", "ruby", "amber", "crystal", "victor", "major", "sterling", "summer", "winter", "may", "june", "august", "wood", "stone", "fox", "ward", "booker", "carter", "banks", "page"}
	envs        = []string{"prod", "staging", "dev", "qa", "uat", "sandbox", "dr"}
	regions     = []string{"us-east-1", "us-east-2", "us-west-2", "us-gov-west-1", "eu-west-1", "eu-central-1", "ca-central-1", "ap-southeast-2"}
	resources   = []string{"Patient", "Observation", "Encounter", "Condition", "MedicationRequest", "DiagnosticReport", "Claim", "ExplanationOfBenefit", "Coverage", "Practitioner", "Organization", "Immunization", "AllergyIntolerance", "Procedure", "DocumentReference"}
	payers      = []string{"bcbs-ma", "aetna", "uhc", "medicare-a", "medicaid-oh", "tricare", "anthem", "highmark", "molina", "centene", "oscar", "hcsc"}
	facilities  = []string{"main-campus", "north-tower", "east-clinic", "outpatient-2", "ed-annex", "cath-lab", "women-and-infants", "rehab-center", "surgery-center-3", "urgent-care-westside"}
	modalities  = []string{"CT", "MR", "US", "CR", "DX", "MG", "NM", "PT", "XA", "OT"}
	icd10       = []string{"E11.9", "I10", "J45.909", "F32.A", "M54.50", "Z00.00", "C50.911", "N18.3", "K21.9", "G20", "G30.9", "E03.9", "Z79.4", "O09.523", "S72.001A", "R07.9", "U07.1", "F41.1", "I48.91", "Z23"}
	cpt         = []string{"99213", "99214", "93000", "80053", "85025", "71046", "70450", "36415", "90834", "97110", "G0439", "J1885", "99497", "0591T", "D1110", "D0274", "77067", "88305", "96372", "99283"}
	loinc       = []string{"2345-7", "4548-4", "718-7", "2160-0", "1742-6", "8480-6", "8462-4", "29463-7", "8867-4", "59408-5", "94500-6", "14749-6", "2093-3", "13457-7", "33914-3"}
	snomed      = []string{"44054006", "38341003", "195967001", "73211009", "22298006", "840539006", "386661006", "271737000", "49436004", "35489007"}
	rxnorm      = []string{"860975", "197361", "314076", "617314", "1049630", "308136", "259255", "312961", "198211", "745679"}
	hcpcs       = []string{"E0601", "A4253", "K0001", "L3908", "E1390", "A7030", "G0008", "Q4101"}
	lambdaFns   = []string{"hl7-router", "fhir-ingest", "claim-scrubber", "eligibility-check", "deid-pipeline", "dicom-indexer", "fax-ocr", "portal-notifier", "x12-parser", "cgm-normalizer"}
	queues      = []string{"adt-events", "orm-orders", "oru-results", "claims-837", "remits-835", "eligibility-270", "fax-inbound", "portal-mail", "cgm-readings", "dicom-studies"}
	models      = []string{"g7-sensor", "omnipod-5", "t-slim-x2", "apple-watch-s9", "fitbit-charge-6", "omron-bp7450", "masimo-mightysat", "azure-pacemaker-xt", "oticon-intent", "withings-bpm-core"}
)

func init() {
	placeholders = map[string]ph{
		// ---- names (A) ----
		"full":   {phiblind.Name, func(x *g, a string) string { return x.fullName(a) }},
		"first":  {phiblind.Name, func(x *g, _ string) string { return x.person().given }},
		"last":   {phiblind.Name, func(x *g, _ string) string { return x.person().family }},
		"firstl": {phiblind.Name, func(x *g, _ string) string { return strings.ToLower(x.person().given) }},
		"lastl":  {phiblind.Name, func(x *g, _ string) string { return strings.ToLower(x.person().family) }},
		"FIRST":  {phiblind.Name, func(x *g, _ string) string { return strings.ToUpper(x.person().given) }},
		"LAST":   {phiblind.Name, func(x *g, _ string) string { return strings.ToUpper(x.person().family) }},
		// ---- geography (B) ----
		"street": {phiblind.Address, func(x *g, a string) string {
			s := strconv.Itoa(x.between(2, 9899)) + " " + pick(x, streets)
			switch a {
			case "snake":
				return strings.ToLower(strings.ReplaceAll(s, " ", "_"))
			case "kebab":
				return strings.ToLower(strings.ReplaceAll(s, " ", "-"))
			case "apt":
				return s + " Apt " + strconv.Itoa(x.between(1, 40)) + string(rune('A'+x.intn(6)))
			}
			return s
		}},
		"city": {phiblind.Address, func(x *g, a string) string {
			c := pick(x, cities)
			if a == "l" {
				return strings.ToLower(strings.ReplaceAll(c, " ", "-"))
			}
			return c
		}},
		"county": {phiblind.Address, func(x *g, a string) string {
			c := pick(x, counties)
			if a == "l" {
				return strings.ToLower(strings.ReplaceAll(c, " ", "-"))
			}
			return c
		}},
		"geo": {phiblind.Address, func(x *g, a string) string {
			lat := fmt.Sprintf("%.5f", 25+x.r.Float64()*23)
			lon := fmt.Sprintf("%.5f", -(70 + x.r.Float64()*52))
			if a == "path" {
				return lat + "_" + lon
			}
			return lat + "," + lon
		}},
		"intladdr": {phiblind.Address + "," + phiblind.ZIP, func(x *g, _ string) string {
			switch x.intn(6) {
			case 0:
				return pick(x, []string{"Hauptstraße", "Bahnhofstraße", "Lindenweg", "Gartenstraße"}) + " " + strconv.Itoa(x.between(1, 120)) + ", " + x.nzdigits(5) + " " + pick(x, []string{"Leipzig", "Kassel", "Bielefeld", "Freiburg"})
			case 1:
				return strconv.Itoa(x.between(1, 80)) + " rue " + pick(x, []string{"des Lilas", "de la Paix", "du Moulin", "Victor Hugo"}) + ", " + x.nzdigits(5) + " " + pick(x, []string{"Lyon", "Nantes", "Rennes", "Lille"})
			case 2:
				return pick(x, []string{"Kerkstraat", "Dorpsweg", "Molenlaan"}) + " " + strconv.Itoa(x.between(1, 200)) + ", " + strconv.Itoa(x.between(1000, 9999)) + " " + x.letters(2, "ABCDEFGHJKLMNPRSTVWXZ") + " " + pick(x, []string{"Utrecht", "Zwolle", "Delft"})
			case 3:
				return strconv.Itoa(x.between(1, 300)) + " " + pick(x, []string{"Queen St", "Elgin Ave", "Dundas St W"}) + ", " + pick(x, []string{"Ottawa ON", "Hamilton ON", "Halifax NS"}) + " " + x.caPostcode()
			case 4:
				return "Rua " + pick(x, []string{"das Flores", "Augusta", "XV de Novembro"}) + ", " + strconv.Itoa(x.between(10, 999)) + " - " + x.digits(5) + "-" + x.digits(3) + " " + pick(x, []string{"Curitiba", "Campinas"})
			default:
				return strconv.Itoa(x.between(1, 200)) + " " + pick(x, []string{"High Street", "Station Road", "Church Lane"}) + ", " + pick(x, []string{"Leeds", "Bristol", "Norwich"}) + " " + x.ukPostcode()
			}
		}},
		"zip5": {phiblind.ZIP, func(x *g, _ string) string { return x.zip5() }},
		"zip9": {phiblind.ZIP, func(x *g, a string) string {
			if a == "plain" {
				return x.zip5() + x.digits(4)
			}
			return x.zip5() + "-" + x.digits(4)
		}},
		"zip3r": {phiblind.ZIP, func(x *g, _ string) string { return pick(x, restricted) }},
		"postcode": {phiblind.ZIP, func(x *g, a string) string {
			switch pick(x, []string{"uk", "ca", "nl", "jp", "br", "in", "de", "au"}) {
			case "uk":
				if a == "path" {
					return strings.ReplaceAll(x.ukPostcode(), " ", "")
				}
				return x.ukPostcode()
			case "ca":
				if a == "path" {
					return strings.ReplaceAll(x.caPostcode(), " ", "")
				}
				return x.caPostcode()
			case "nl":
				return strconv.Itoa(x.between(1000, 9999)) + x.letters(2, "ABCDEFGHJKLMNPRSTVWXZ")
			case "jp":
				return x.digits(3) + "-" + x.digits(4)
			case "br":
				return x.nzdigits(5) + "-" + x.digits(3)
			case "in":
				return strconv.Itoa(x.between(1, 8)) + x.digits(5)
			case "de":
				return "D-" + x.nzdigits(5)
			default:
				return strconv.Itoa(x.between(2000, 7999))
			}
		}},
		// ---- dates (C) ----
		"dob": {phiblind.Date, func(x *g, a string) string { return x.fmtDate(x.date(1925, 2023), a) }},
		"evt": {phiblind.Date, func(x *g, a string) string { return x.fmtDate(x.date(2016, 2025), a) }},
		"dod": {phiblind.Date, func(x *g, a string) string { return x.fmtDate(x.date(2010, 2025), a) }},
		// ---- age (C) ----
		"age90": {phiblind.Age, func(x *g, a string) string {
			n := x.between(90, 108)
			s := strconv.Itoa(n)
			switch a {
			case "num":
				return s
			case "pad":
				return fmt.Sprintf("%03d", n)
			case "path":
				return pick(x, []string{"age-" + s, "age" + s, s + "yo", s + "y", "aged" + s, s + "-year-old", "age_" + s, "AGE" + s})
			case "text":
				return pick(x, []string{s + "-year-old", s + " y/o", "age " + s, "aged " + s, s + " yrs", s + "yo"})
			case "fr":
				return s + " ans"
			case "de":
				return s + " Jahre"
			case "es":
				return s + " años"
			case "nth":
				suf := "th"
				switch {
				case n%100 >= 11 && n%100 <= 13:
				case n%10 == 1:
					suf = "st"
				case n%10 == 2:
					suf = "nd"
				case n%10 == 3:
					suf = "rd"
				}
				return s + suf
			}
			panic("age90 " + a)
		}},
		// ---- phone / fax (D, E) ----
		"phone": {phiblind.Phone, func(x *g, a string) string { return x.phone(a) }},
		"fax":   {phiblind.Fax, func(x *g, a string) string { return x.phone(a) }},
		// ---- email (F) ----
		"email": {phiblind.Email, func(x *g, a string) string {
			p := x.person()
			gv, ok1 := asciiFold(p.given)
			fm, ok2 := asciiFold(p.family)
			local := ""
			if ok1 && ok2 {
				gv, fm = strings.ToLower(gv), strings.ToLower(fm)
				local = pick(x, []string{gv + "." + fm, gv[:1] + fm, gv + fm + x.digits(2), fm + "." + gv, gv + "_" + fm, gv + "." + fm + "+portal", gv + x.digits(4)})
			} else {
				local = pick(x, []string{"user", "mom", "dad", "nana", "pt", "me"}) + x.digits(5)
			}
			d := pick(x, []string{"gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com", "proton.me", "comcast.net", "att.net", "web.de", "gmx.de", "orange.fr", "hotmail.co.uk", "naver.com", "yahoo.co.jp", "qq.com", "uol.com.br"})
			if a == "pct" {
				return local + "%40" + d
			}
			return local + "@" + d
		}},
		// ---- SSN and national ids (G) ----
		"ssn": {phiblind.SSN, func(x *g, a string) string { return x.ssn(a) }},
		"natid": {phiblind.SSN, func(x *g, a string) string {
			k := a
			if k == "" {
				k = pick(x, []string{"bsn", "pnr", "cpf", "nir", "nino", "aadhaar", "sin", "dni", "hetu", "pesel", "cn"})
			}
			switch k {
			case "bsn":
				return x.bsn()
			case "pnr":
				return x.personnummerOK()
			case "cpf":
				return x.cpf(x.chance(0.5))
			case "nir":
				return x.nir()
			case "nino":
				return x.nino()
			case "aadhaar":
				return x.aadhaar()
			case "sin":
				return x.sin()
			case "dni":
				return x.dni()
			case "hetu":
				return x.hetu()
			case "pesel":
				return x.pesel()
			case "cn":
				return x.chinaID()
			}
			panic("natid " + k)
		}},
		// ---- medical record numbers, patient and encounter ids (H) ----
		"mrn": {phiblind.MRN, func(x *g, a string) string {
			switch a {
			case "num":
				return x.nzdigits(x.between(7, 10))
			case "pfx":
				return pick(x, []string{"MRN", "MR", "E", "P", "PT", "Z", "M"}) + x.digits(x.between(7, 9))
			case "lbl":
				return pick(x, []string{"mrn-", "MRN_", "patient-", "pt", "pid-", "chart-", "medrec_"}) + x.digits(x.between(7, 9))
			}
			panic("mrn " + a)
		}},
		"fhirid": {phiblind.MRN, func(x *g, _ string) string {
			switch x.intn(3) {
			case 0:
				return x.uuid()
			case 1:
				return x.nzdigits(x.between(6, 9))
			default:
				return x.letters(1, "abcdefghijklmnopqrstuvwxyz") + x.letters(x.between(10, 16), alnumL)
			}
		}},
		"enc": {phiblind.MRN, func(x *g, _ string) string {
			return pick(x, []string{"ENC-" + strconv.Itoa(x.between(2018, 2025)) + "-" + x.digits(6), "V" + x.digits(9), "CSN" + x.nzdigits(10), "VN" + x.digits(8), "FIN" + x.digits(9)})
		}},
		"accn": {phiblind.MRN, func(x *g, _ string) string {
			return pick(x, []string{"S" + strconv.Itoa(x.between(18, 25)) + "-" + x.digits(5), "ACC" + x.digits(9), "RAD" + x.digits(8), "CP" + strconv.Itoa(x.between(18, 25)) + "-" + x.digits(6)})
		}},
		// ---- health plan (I) ----
		"member": {phiblind.HealthPlan, func(x *g, a string) string {
			v := pick(x, []string{x.letters(3, upper) + x.digits(9), "W" + x.digits(9), x.digits(9) + "01", "M" + x.digits(8), "U" + x.digits(8) + "0" + strconv.Itoa(x.between(1, 4)), "MBR" + x.digits(10)})
			if a == "l" {
				return strings.ToLower(v)
			}
			return v
		}},
		"mbi": {phiblind.HealthPlan, func(x *g, _ string) string { return x.mbi() }},
		"medicaid": {phiblind.HealthPlan, func(x *g, _ string) string {
			return pick(x, []string{x.letters(2, upper) + x.digits(5) + x.letters(1, upper), x.nzdigits(12), x.nzdigits(8)})
		}},
		"nhs": {phiblind.HealthPlan, func(x *g, a string) string {
			n := x.nhs()
			if a == "sp" {
				return n[:3] + " " + n[3:6] + " " + n[6:]
			}
			return n
		}},
		"ohip": {phiblind.HealthPlan, func(x *g, _ string) string {
			return x.luhn(strconv.Itoa(x.between(1, 9)), 10) + x.letters(2, "ABCDEFGHJKLMNPRSTVWXYZ")
		}},
		"aumedicare": {phiblind.HealthPlan, func(x *g, _ string) string { return x.auMedicare() }},
		"kvnr":       {phiblind.HealthPlan, func(x *g, _ string) string { return x.kvnr() }},
		// ---- accounts (J) ----
		"acct": {phiblind.Account, func(x *g, _ string) string {
			return pick(x, []string{"ACCT" + x.digits(9), "GA" + x.digits(8), "HAR" + x.nzdigits(9), x.nzdigits(10), "PA-" + x.digits(8)})
		}},
		"claim": {phiblind.Account, func(x *g, _ string) string {
			return pick(x, []string{"CLM" + x.digits(10), "CLM-" + strconv.Itoa(x.between(2019, 2025)) + "-" + x.digits(7), x.nzdigits(13), "ICN" + x.digits(11), "PCN" + x.digits(9)})
		}},
		"card": {phiblind.Account, func(x *g, a string) string {
			c := pick(x, []string{x.luhn("4", 16), x.luhn("5"+strconv.Itoa(x.between(1, 5)), 16), x.luhn("3"+pick(x, []string{"4", "7"}), 15), x.luhn("6011", 16)})
			if a == "sp" && len(c) == 16 {
				return c[:4] + " " + c[4:8] + " " + c[8:12] + " " + c[12:]
			}
			return c
		}},
		"iban":     {phiblind.Account, func(x *g, _ string) string { return x.iban() }},
		"bankacct": {phiblind.Account, func(x *g, _ string) string { return x.nzdigits(x.between(8, 12)) }},
		// ---- licences, certificates, passports (K) ----
		"dl": {phiblind.License, func(x *g, _ string) string {
			return pick(x, []string{x.letters(1, upper) + x.digits(7), x.nzdigits(9), x.letters(1, upper) + x.digits(12), x.nzdigits(8), x.letters(1, upper) + x.digits(11), "S" + x.digits(8), x.letters(1, upper) + x.digits(3) + "-" + x.digits(3) + "-" + x.digits(2) + "-" + x.digits(3) + "-0"})
		}},
		"passport": {phiblind.License, func(x *g, _ string) string {
			return pick(x, []string{x.nzdigits(9), x.letters(1, upper) + x.digits(8), "C" + x.letters(8, "CFGHJKLMNPRTVWXYZ0123456789"), x.letters(2, upper) + x.digits(7)})
		}},
		"birthcert": {phiblind.License, func(x *g, _ string) string {
			return strconv.Itoa(x.between(100, 199)) + "-" + strconv.Itoa(x.between(1990, 2024)) + "-" + x.digits(6)
		}},
		"deathcert": {phiblind.License, func(x *g, _ string) string { return "DC-" + strconv.Itoa(x.between(2015, 2025)) + "-" + x.digits(6) }},
		// ---- vehicles (L) ----
		"vin": {phiblind.Vehicle, func(x *g, a string) string {
			if a == "l" {
				return strings.ToLower(x.vin())
			}
			return x.vin()
		}},
		"plate": {phiblind.Vehicle, func(x *g, a string) string {
			p := pick(x, []string{strconv.Itoa(x.between(1, 9)) + x.letters(3, upper) + x.digits(3), x.letters(3, upper) + "-" + x.digits(4), x.letters(2, upper) + x.digits(2) + " " + x.letters(3, upper), x.letters(3, upper) + x.digits(4), x.digits(3) + "-" + x.letters(3, upper)})
			if a == "path" {
				return strings.ReplaceAll(p, " ", "")
			}
			return p
		}},
		// ---- devices (M) ----
		"serial": {phiblind.Device, func(x *g, a string) string {
			s := pick(x, []string{"SN" + x.letters(10, alnumU), x.letters(2, upper) + x.digits(8), "PJN" + x.digits(6) + x.letters(1, upper), x.letters(3, upper) + x.digits(6) + "H", "C02" + x.letters(9, alnumU), x.digits(4) + "-" + x.digits(5) + "-" + x.digits(3), "8" + x.letters(5, alnumU)})
			if a == "l" {
				return strings.ToLower(s)
			}
			return s
		}},
		"imei": {phiblind.Device, func(x *g, _ string) string { return x.imei() }},
		"mac": {phiblind.Device, func(x *g, a string) string {
			switch a {
			case "dash":
				return strings.ToLower(x.mac("-"))
			case "plain":
				return strings.ToLower(x.mac(""))
			}
			return x.mac(":")
		}},
		"udi": {phiblind.Device, func(x *g, a string) string {
			d := x.date(2025, 2030)
			if a == "path" {
				return "01" + x.gtin() + "17" + fmt.Sprintf("%02d%02d%02d", d[0]%100, d[1], d[2]) + "10" + x.letters(6, alnumU) + "21" + x.letters(9, alnumU)
			}
			return "(01)" + x.gtin() + "(17)" + fmt.Sprintf("%02d%02d%02d", d[0]%100, d[1], d[2]) + "(10)" + x.letters(6, alnumU) + "(21)" + x.letters(9, alnumU)
		}},
		// ---- URLs of a person (N) ----
		"purl": {phiblind.URL, func(x *g, a string) string {
			h := x.fullName("anyascii")
			if _, ok := asciiFold(strings.NewReplacer("-", "", ".", "", "_", "").Replace(h)); !ok {
				h = pick(x, []string{"user", "member", "pt", "fan"}) + x.digits(6)
			} else {
				h, _ = asciiFold(h)
				h = strings.ToLower(h)
			}
			hd := strings.ReplaceAll(strings.ReplaceAll(h, "_", ""), ".", "")
			u := pick(x, []string{
				"https://www.linkedin.com/in/" + strings.ReplaceAll(h, "_", "-") + "-" + x.hex(6),
				"https://www.facebook.com/" + strings.ReplaceAll(h, "-", ".") + "." + x.digits(3),
				"https://instagram.com/" + strings.ReplaceAll(h, "-", "_"),
				"https://" + hd + ".net",
				"https://www." + hd + ".com/about",
				"https://github.com/" + hd,
				"https://x.com/" + strings.ReplaceAll(h, "-", "_"),
				"https://portal.mychart-" + x.hex(4) + ".org/patients/" + x.nzdigits(8) + "/chart",
				"https://gofundme.com/f/help-" + strings.ReplaceAll(strings.ReplaceAll(h, "_", "-"), ".", "-") + "-recover",
			})
			switch a {
			case "enc":
				return url.QueryEscape(u)
			case "noscheme":
				return strings.TrimPrefix(u, "https://")
			}
			return u
		}},
		// ---- client IPs (O) ----
		"cip": {phiblind.IP, func(x *g, a string) string {
			ip := x.publicIPv4()
			if x.chance(0.2) {
				ip = fmt.Sprintf("2601:%x:%x:%x::%x", x.between(0x100, 0xfff), x.intn(0xffff), x.intn(0xffff), x.between(1, 0xffff))
			}
			if a == "dash" {
				return strings.NewReplacer(".", "-", ":", "-").Replace(ip)
			}
			return ip
		}},
		// ---- biometric and other unique ids (P, R) ----
		"bio": {phiblind.Other, func(x *g, _ string) string {
			return pick(x, []string{"FP-", "VP-", "IRIS-", "FACE-", "PALM-"}) + x.letters(12, alnumU)
		}},
		"emp": {phiblind.Other, func(x *g, _ string) string {
			return pick(x, []string{"EMP" + x.digits(6), "E" + x.digits(7), "W" + x.digits(6), "emp-" + x.digits(5), "HR" + x.digits(7)})
		}},
		"student": {phiblind.Other, func(x *g, _ string) string {
			return pick(x, []string{"S" + x.digits(8), "STU" + x.digits(7), "U" + x.digits(8), x.nzdigits(9)})
		}},
		"anum": {phiblind.Other, func(x *g, a string) string {
			n := x.nzdigits(x.between(8, 9))
			if a == "dash" && len(n) == 9 {
				return "A" + n[:3] + "-" + n[3:6] + "-" + n[6:]
			}
			return "A" + n
		}},
		"edipi":  {phiblind.Other, func(x *g, _ string) string { return x.nzdigits(10) }},
		"inmate": {phiblind.Other, func(x *g, _ string) string { return x.digits(5) + "-" + x.digits(3) }},

		// ---- clean values ----
		"uuid": clean(func(x *g, _ string) string { return x.uuid() }),
		"UUID": clean(func(x *g, _ string) string { return strings.ToUpper(x.uuid()) }),
		"ulid": clean(func(x *g, _ string) string { return x.ulid() }),
		"ksuid": clean(func(x *g, _ string) string {
			return "2" + x.letters(26, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
		}),
		"hex": clean(func(x *g, a string) string {
			n, _ := strconv.Atoi(a)
			return x.hex(n)
		}),
		"HEX": clean(func(x *g, a string) string {
			n, _ := strconv.Atoi(a)
			return strings.ToUpper(x.hex(n))
		}),
		"n": clean(func(x *g, a string) string {
			n, _ := strconv.Atoi(a)
			return x.digits(n)
		}),
		"int": clean(func(x *g, a string) string {
			lo, hi, _ := strings.Cut(a, "-")
			l, _ := strconv.Atoi(lo)
			h, _ := strconv.Atoi(hi)
			return strconv.Itoa(x.between(l, h))
		}),
		"acctid": clean(func(x *g, _ string) string {
			if x.acct == "" {
				x.acct = x.nzdigits(12)
			}
			return x.acct
		}),
		"region": clean(func(x *g, _ string) string {
			if x.region == "" {
				x.region = pick(x, regions)
			}
			return x.region
		}),
		"yr":       clean(func(x *g, _ string) string { return strconv.Itoa(x.between(2015, 2026)) }),
		"edisease": list(eponymTerms[:20]...),
		"az":       clean(func(x *g, _ string) string { return pick(x, regions) + pick(x, []string{"a", "b", "c"}) }),
		"env":      list(envs...),
		"org":      list(orgs...),
		"eorg":     list(eponymOrgs...),
		"eterm":    list(eponymTerms...),
		"word":     list(words...),
		"payer":    list(payers...),
		"fac":      list(facilities...),
		"modality": list(modalities...),
		"res":      list(resources...),
		"fn":       list(lambdaFns...),
		"queue":    list(queues...),
		"model":    list(models...),
		"state":    list(states...),
		"icd":      list(icd10...),
		"cpt":      list(cpt...),
		"loinc":    list(loinc...),
		"snomed":   list(snomed...),
		"rxnorm":   list(rxnorm...),
		"hcpcs":    list(hcpcs...),
		"ndc": clean(func(x *g, _ string) string {
			return pick(x, []string{x.digits(5) + "-" + x.digits(4) + "-" + x.digits(2), x.digits(4) + "-" + x.digits(4) + "-" + x.digits(2), x.digits(5) + "-" + x.digits(3) + "-" + x.digits(2)})
		}),
		"npi":   clean(func(x *g, _ string) string { return x.npi() }),
		"gtin":  clean(func(x *g, _ string) string { return x.gtin() }),
		"zip3":  clean(func(x *g, _ string) string { return x.zip3clean() }),
		"year":  clean(func(x *g, _ string) string { return strconv.Itoa(x.between(1925, 2023)) }),
		"young": clean(func(x *g, _ string) string { return strconv.Itoa(x.between(0, 89)) }),
		"ts": clean(func(x *g, a string) string {
			if !x.hasTS {
				x.ts, x.hasTS = x.date(2019, 2025), true
			}
			return x.fmtDate(x.ts, a)
		}),
		"epoch": clean(func(x *g, a string) string {
			e := x.between(1546300800, 1767225599)
			if a == "ms" {
				return strconv.Itoa(e) + x.digits(3)
			}
			return strconv.Itoa(e)
		}),
		"ver": clean(func(x *g, _ string) string {
			return fmt.Sprintf("%d.%d.%d", x.between(0, 12), x.between(0, 40), x.between(0, 99))
		}),
		"sha":    clean(func(x *g, _ string) string { return x.hex(40) }),
		"sha256": clean(func(x *g, _ string) string { return x.hex(64) }),
		"reqid": clean(func(x *g, _ string) string {
			if x.chance(0.5) {
				return x.uuid()
			}
			return strings.ToUpper(x.hex(16))
		}),
		"arn": clean(func(x *g, a string) string {
			acct, reg := x.nzdigits(12), pick(x, regions)
			switch a {
			case "kms":
				return "arn:aws:kms:" + reg + ":" + acct + ":key/" + x.uuid()
			case "role":
				return "arn:aws:iam::" + acct + ":role/" + pick(x, lambdaFns) + "-role"
			case "states":
				return "arn:aws:states:" + reg + ":" + acct + ":execution:" + pick(x, []string{"ClaimPipeline", "AdmitWorkflow", "DeidJob", "PriorAuth"}) + ":" + x.uuid()
			case "ddb":
				return "arn:aws:dynamodb:" + reg + ":" + acct + ":table/" + pick(x, []string{"Patients", "Claims", "Appointments", "Devices"})
			case "lambda":
				return "arn:aws:lambda:" + reg + ":" + acct + ":function:" + pick(x, lambdaFns)
			case "sqs":
				return "arn:aws:sqs:" + reg + ":" + acct + ":" + pick(x, queues)
			}
			return "arn:aws:s3:::" + pick(x, orgs) + "-" + pick(x, envs) + "-data"
		}),
		"infraip": clean(func(x *g, a string) string {
			ip := pick(x, []string{fmt.Sprintf("10.%d.%d.%d", x.intn(256), x.intn(256), x.between(1, 254)), fmt.Sprintf("172.%d.%d.%d", x.between(16, 31), x.intn(256), x.between(1, 254)), fmt.Sprintf("192.168.%d.%d", x.intn(256), x.between(1, 254))})
			if a == "dash" {
				return strings.ReplaceAll(ip, ".", "-")
			}
			return ip
		}),
		"lbip":     clean(func(x *g, _ string) string { return x.publicIPv4() }),
		"instance": clean(func(x *g, _ string) string { return "i-0" + x.hex(16) }),
	}
}

func (x *g) zip5() string {
	for {
		z := x.digits(5)
		if z[:3] != "000" && z != "00000" {
			return z
		}
	}
}

func (x *g) zip3clean() string {
	for {
		z := fmt.Sprintf("%03d", x.between(10, 994))
		ok := true
		for _, r := range restricted {
			if r == z {
				ok = false
			}
		}
		if ok {
			return z
		}
	}
}

func (x *g) ukPostcode() string {
	return pick(x, []string{"LS", "BS", "NR", "M", "B", "EH", "CF", "SW", "N", "OX"}) + strconv.Itoa(x.between(1, 20)) + " " + strconv.Itoa(x.intn(10)) + x.letters(2, "ABDEFGHJLNPQRSTUWXYZ")
}

func (x *g) caPostcode() string {
	const l = "ABCEGHJKLMNPRSTVXY"
	return x.letters(1, l) + x.digits(1) + x.letters(1, l) + " " + x.digits(1) + x.letters(1, l) + x.digits(1)
}
