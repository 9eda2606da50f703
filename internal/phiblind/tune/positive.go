package tune

import (
	"fmt"
	"strings"

	pb "github.com/phisafe/phisafe/internal/phiblind"
)

const (
	cName = pb.Name
	cAddr = pb.Address
	cZIP  = pb.ZIP
	cDate = pb.Date
	cAge  = pb.Age
	cTel  = pb.Phone
	cFax  = pb.Fax
	cMail = pb.Email
	cSSN  = pb.SSN
	cMRN  = pb.MRN
	cPlan = pb.HealthPlan
	cAcct = pb.Account
	cLic  = pb.License
	cVeh  = pb.Vehicle
	cDev  = pb.Device
	cURL  = pb.URL
	cIP   = pb.IP
	cOth  = pb.Other
)

const (
	sKey  = "s3-key"
	sMeta = "s3-metadata"
	sBkt  = "bucket"
	sDDB  = "dynamodb-key"
	sAttr = "attribute-name"
	sTbl  = "table-name"
	sEnc  = "encryption-context"
	sSubj = "subject"
	sTop  = "device-topic"
)

func positives() []tmpl {
	P := func(id, shape string, w int, f func(g *G) (string, []string)) tmpl {
		return tmpl{id: id, shape: shape, phi: true, w: w, f: f}
	}
	return []tmpl{
		// ------------------------------------------------------------ S3 keys: FHIR
		P("fhir-patient-history", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("fhir/%s/Patient/%s/_history/%d.json", g.one("R4", "R5", "r4"), g.fhirID(), g.rng(1, 40)), cs(cMRN)
		}),
		P("fhir-everything", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("exports/fhir/Patient/%s/$everything/page-%03d.ndjson", g.fhirID(), g.rng(1, 30)), cs(cMRN)
		}),
		P("fhir-search-subject", sKey, 1, func(g *G) (string, []string) {
			res := g.one("Observation", "Condition", "MedicationRequest", "DiagnosticReport", "Encounter")
			q := "subject=Patient/" + g.fhirID()
			if g.coin() {
				q = g.qEsc(q)
			}
			return fmt.Sprintf("cache/fhir/R4/%s?%s&_count=%d", res, q, 10*g.rng(1, 10)), cs(cMRN)
		}),
		P("fhir-identifier-ssn", sKey, 1, func(g *G) (string, []string) {
			q := "http://hl7.org/fhir/sid/us-ssn|" + g.ssnKey()
			if g.coin() {
				q = g.qEsc(q)
			}
			return "fhir/R4/Patient?identifier=" + q, cs(cSSN)
		}),
		P("fhir-identifier-oid-mrn", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("queries/fhir/Patient?identifier=urn:oid:2.16.840.1.113883.3.%d.1|%s", g.rng(100, 9999), g.mrn()), cs(cMRN)
		}),
		P("fhir-search-name-birthdate", sKey, 1, func(g *G) (string, []string) {
			p := g.latinPerson()
			d := g.dob()
			return fmt.Sprintf("fhir/R4/Patient?family=%s&given=%s&birthdate=%s", g.qEsc(p.family), g.qEsc(p.given), g.iso(d)), cs(cName, cDate)
		}),
		P("fhir-bundle-named", sKey, 1, func(g *G) (string, []string) {
			p := g.anyPerson()
			return fmt.Sprintf("fhir/bundles/%s/Patient-%s.json", g.uuid(), g.keyName(p)), cs(cName)
		}),
		P("fhir-relatedperson", sKey, 1, func(g *G) (string, []string) {
			p := g.anyPerson()
			return fmt.Sprintf("fhir/R4/RelatedPerson/%s-%s/%s.json", g.one("mother", "spouse", "guardian", "son", "daughter"), g.keyName(p), g.one("contact", "consent", "proxy")), cs(cName)
		}),
		// ------------------------------------------------------------ HL7 v2
		P("hl7-inbound-cx", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("hl7/inbound/%s/MSG%s_%s.hl7", g.one("ADT_A01", "ADT_A03", "ADT_A08", "ORU_R01", "ORM_O01", "SIU_S12"), g.str(digits, 10), g.cx(g.mrn())), cs(cMRN)
		}),
		P("hl7-pid-dump", sKey, 1, func(g *G) (string, []string) {
			p := g.latinPerson()
			d := g.dob()
			return fmt.Sprintf("hl7/errors/PID|1||%s||%s||%s|%s", g.cx(g.mrn()), p.hl7(), g.compact(d), g.one("F", "M", "U")), cs(cName, cDate, cMRN)
		}),
		P("hl7-pv1-visit", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("hl7/pv1/visit-number=%s/%s.hl7", "V"+g.str(digits, 9), g.one("adt", "dft", "bar")), cs(cMRN)
		}),
		P("hl7-nk1-phone", sKey, 1, func(g *G) (string, []string) {
			p := g.usPerson()
			return fmt.Sprintf("hl7/nk1/NK1|1|%s|%s|^PRN^PH^^1^%s", p.hl7(), g.one("SPO^Spouse", "MTH^Mother", "CHD^Child", "FTH^Father"), g.nanp()), cs(cName, cTel)
		}),
		P("hl7-in1-member", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("hl7/in1/IN1|1|%s|%s||||||||||||||||||||||||||||||||||%s", g.one("BCBS001", "AETNA", "UHC01", "CIGNA"), g.str(digits, 5), g.memberID()), cs(cPlan)
		}),
		P("hl7-gt1-guarantor", sKey, 1, func(g *G) (string, []string) {
			p := g.usPerson()
			return fmt.Sprintf("hl7/gt1/GT1|1|%s|%s|||%s", g.acctNo(), p.hl7(), g.street()+"^^"+pick(g, cities)+"^"+pick(g, states)+"^"+g.zip5()), cs(cName, cAddr, cZIP, cAcct)
		}),
		P("hl7-orc-obr-order", sKey, 1, func(g *G) (string, []string) {
			d := g.recent()
			return fmt.Sprintf("hl7/orders/OBR|1|%s|%s|%s^CBC|||%s%02d%02d", g.str(digits, 8), g.accession(), g.loinc(), g.compact(d), g.rng(6, 20), 5*g.n(12)), cs(cMRN, cDate)
		}),
		// ------------------------------------------------------------ DICOM
		P("dicom-patientid-layout", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("dicom/%s/%s/%s/IM%04d.dcm", g.mrn(), g.studyUID(), g.studyUID(), g.rng(1, 400)), cs(cMRN)
		}),
		P("dicom-pn-studydate", sKey, 2, func(g *G) (string, []string) {
			p := g.latinPerson()
			d := g.recent()
			return fmt.Sprintf("pacs/export/%s/%s/%s/IM%04d", p.dicom(), g.compact(d), g.one("CT_CHEST", "MR_BRAIN", "US_ABD", "XR_KNEE", "MG_SCREEN", "NM_BONE"), g.rng(1, 99)), cs(cName, cDate)
		}),
		P("dicom-accession", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("radiology/accession/%s/series-%d/IM%05d.dcm", g.accession(), g.rng(1, 9), g.rng(1, 900)), cs(cMRN)
		}),
		P("dicom-dicomdir-cd", sKey, 1, func(g *G) (string, []string) {
			p := g.usPerson()
			return fmt.Sprintf("outside-images/cd-import/%s_%s/DICOMDIR", strings.ToUpper(ascii(p.family)), g.compact(g.dob())), cs(cName, cDate)
		}),
		// ------------------------------------------------------------ EHR exports
		P("epic-clarity-partition", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("ehr/epic/clarity/%s/pat_id=Z%s/contact_date=%s/part-%05d.parquet", g.one("PAT_ENC", "ORDER_PROC", "HSP_ACCOUNT", "PAT_ENC_DX"), g.str(digits, 7), g.iso(g.recent()), g.n(200)), cs(cMRN, cDate)
		}),
		P("cerner-ccda-file", sKey, 2, func(g *G) (string, []string) {
			p := g.usPerson()
			return fmt.Sprintf("ccda/cerner/%s_%s_%s_CCD_%s.xml", g.mrn(), strings.ToUpper(ascii(p.family)), strings.ToUpper(ascii(p.given)), g.compact(g.recent())), cs(cName, cDate, cMRN)
		}),
		P("athena-chart-note", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("athena/exports/practice-%d/patient-%s/chart/%s-%s.pdf", g.rng(1000, 29999), g.str(digits, 6), g.keyDate(g.recent()), g.one("progress-note", "after-visit-summary", "referral", "lab-result")), cs(cDate, cMRN)
		}),
		P("patient-visit-date", sKey, 3, func(g *G) (string, []string) {
			return fmt.Sprintf("patients/%s/visits/%s/%s", g.patientID(), g.keyDate(g.recent()), g.one("notes.txt", "vitals.json", "summary.pdf", "orders.json", "scan-01.png")), cs(cDate, cMRN)
		}),
		P("admission-discharge", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("inpatient/%s/admit-%s_discharge-%s/discharge-summary.pdf", g.patientID(), g.compact(g.recent()), g.compact(g.recent())), cs(cDate, cMRN)
		}),
		P("records-name-dob", sKey, 3, func(g *G) (string, []string) {
			p := g.anyPerson()
			sep := g.one("_dob_", "-dob-", "_DOB", "-born-", "_geb_", "_fnac_")
			return fmt.Sprintf("records/%s%s%s.%s", g.keyName(p), sep, g.keyDate(g.dob()), g.one("pdf", "docx", "tif", "json")), cs(cName, cDate)
		}),
		P("intake-name-folder", sKey, 3, func(g *G) (string, []string) {
			p := g.intlPerson()
			return fmt.Sprintf("intake/%s/%s/%s", p.loc, g.keyName(p), g.one("consent.pdf", "intake-form.pdf", "id-card.jpg", "questionnaire.json")), cs(cName)
		}),
		P("special-surname", sKey, 2, func(g *G) (string, []string) {
			p := g.specialSurnamePerson()
			s := p.given + " " + p.family
			switch g.n(4) {
			case 0:
				s = strings.ReplaceAll(s, " ", "_")
			case 1:
				s = g.pathEsc(s)
			case 2:
				s = strings.ReplaceAll(p.family, " ", "-") + "_" + p.given
			}
			return fmt.Sprintf("correspondence/%s/%s.pdf", s, g.one("letter", "referral", "records-request")), cs(cName)
		}),
		P("placeholder-john-doe", sKey, 1, func(g *G) (string, []string) {
			n := g.one("john-doe", "jane_doe", "JohnDoe", "DOE^JANE", "john.doe", "baby-boy-doe", "Doe,John")
			return fmt.Sprintf("%s/%s/%s", g.one("test-data", "fixtures", "ed/trauma-unknown", "samples"), n, g.one("record.json", "chart.pdf", "adt.hl7")), cs(cName)
		}),
		P("decedent-dod", sKey, 1, func(g *G) (string, []string) {
			p := g.anyPerson()
			return fmt.Sprintf("decedents/%s/dod-%s/death-certificate.pdf", g.keyName(p), g.keyDate(g.recent())), cs(cName, cDate)
		}),
		P("newborn-dob", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("nicu/newborns/%s/birth%s_%s.json", g.patientID(), g.compact(g.recent()), g.one("apgar", "footprints", "screening")), cs(cDate, cMRN)
		}),
		P("age-over-89-note", sKey, 2, func(g *G) (string, []string) {
			p := g.anyPerson()
			age := g.rng(90, 108)
			return fmt.Sprintf("geriatrics/consults/%s-%s.docx", g.keyName(p), g.one(fmt.Sprintf("aged-%d", age), fmt.Sprintf("%dyo", age), fmt.Sprintf("age%d", age), fmt.Sprintf("%d-year-old", age))), cs(cName, cAge)
		}),
		P("age-over-89-mrn", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("notes/%s/age-%d-fall-risk.pdf", g.patientID(), g.rng(90, 104)), cs(cAge, cMRN)
		}),
		// ------------------------------------------------------------ claims, eligibility, billing
		P("x12-837-member-claim", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("edi/837%s/inbound/%s/%s_%s.x12", g.one("P", "I", "D"), g.one("bcbs", "aetna", "uhc", "medicaid-ny", "humana"), g.memberID(), g.claimNo()), cs(cPlan, cAcct)
		}),
		P("x12-271-subscriber-dob", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("edi/271/responses/subscriber-%s-dob-%s.edi", g.memberID(), g.keyDate(g.dob())), cs(cDate, cPlan)
		}),
		P("x12-835-clp", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("edi/835/era/%s/CLP01=%s.txt", g.one("2024Q1", "2024Q2", "batch-17", "payer-60054"), g.acctNo()), cs(cAcct)
		}),
		P("x12-270-mbi", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("edi/270/outbound/medicare/MBI_%s.270", g.mbi()), cs(cPlan)
		}),
		P("insurance-card-scan", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("insurance-cards/%s_%s.%s", g.memberID(), g.one("front", "back"), g.one("jpg", "heic", "png")), cs(cPlan)
		}),
		P("billing-statement-acct", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("billing/statements/acct-%s/statement.pdf", g.acctNo()), cs(cAcct)
		}),
		P("payment-card", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("payments/declined/card-%s.json", g.card()), cs(cAcct)
		}),
		P("refund-iban", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("refunds/sepa/%s/pain.001.xml", g.iban()), cs(cAcct)
		}),
		// ------------------------------------------------------------ pharmacy and lab
		P("pharmacy-rx-label", sKey, 1, func(g *G) (string, []string) {
			p := g.usPerson()
			return fmt.Sprintf("pharmacy/rx/%s/label-%s.pdf", g.rxNo(), g.keyName(p)), cs(cName, cMRN)
		}),
		P("pharmacy-rx-refill", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("pharmacy/refills/rx-number=%s/ndc=%s.json", g.rxNo(), g.ndc()), cs(cMRN)
		}),
		P("lab-accession-specimen", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("lab/results/%s/specimen-%s.%s", g.accession(), g.str(alnumUp, 10), g.one("hl7", "pdf", "json")), cs(cMRN)
		}),
		// ------------------------------------------------------------ devices
		P("cgm-export", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("devices/%s/transmitter-%s/egv.json", g.one("dexcom-g7", "libre3", "guardian4"), g.deviceSerial()), cs(cDev)
		}),
		P("pacemaker-transmission", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("cardiology/remote-monitoring/%s-sn-%s/%s-transmission.xml", g.one("pacemaker", "icd", "crt-d", "loop-recorder"), g.deviceSerial(), g.keyDate(g.recent())), cs(cDate, cDev)
		}),
		P("implant-udi", sKey, 1, func(g *G) (string, []string) {
			u := g.udi()
			if g.coin() {
				u = g.qEsc(u)
			}
			return "implants/udi/" + u + "/record.json", cs(cDev)
		}),
		P("wearable-imei", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("wearables/imei-%s/steps/part-0.csv", g.imei()), cs(cDev)
		}),
		// ------------------------------------------------------------ identity documents
		P("drivers-license-scan", sKey, 2, func(g *G) (string, []string) {
			st, n := g.driverLicense()
			return fmt.Sprintf("kyc/drivers-license/%s-%s.png", st, n), cs(cLic)
		}),
		P("passport-scan", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("travel-clinic/passport-%s.pdf", g.passport()), cs(cLic)
		}),
		P("national-id-scan", sKey, 3, func(g *G) (string, []string) {
			k, id := g.nationalID()
			return fmt.Sprintf("kyc/%s/%s.pdf", k, keySafe(id)), cs(cSSN)
		}),
		P("health-number-intl", sKey, 2, func(g *G) (string, []string) {
			k, id := g.healthNumber()
			return fmt.Sprintf("referrals/%s=%s/letter.pdf", k, keySafe(id)), cs(cPlan)
		}),
		P("ssn-tax-form", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("hr/tax/%s/%s.pdf", g.one("w2", "1099", "w4", "i9"), g.ssnKey()), cs(cSSN)
		}),
		// ------------------------------------------------------------ contact, address
		P("fax-inbox", sKey, 3, func(g *G) (string, []string) {
			return fmt.Sprintf("fax/inbound/from-%s/%s.tiff", g.phone(true), g.ulid()), cs(cFax)
		}),
		P("call-recording-caller", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("connect/recordings/caller-%s/%s.wav", g.phone(true), g.uuid()), cs(cTel)
		}),
		P("ses-inbound-email", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("ses/inbound/%s/%s.eml", g.email(g.anyPerson()), g.str(alnumLow, 20)), cs(cMail)
		}),
		P("email-percent-encoded", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("portal/uploads/%s/%s", strings.ReplaceAll(g.email(g.latinPerson()), "@", "%40"), g.one("avatar.png", "insurance.pdf", "consent.pdf")), cs(cMail)
		}),
		P("telehealth-participant", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("telehealth/sessions/%s/participant=%s.json", g.uuid(), g.qEsc(g.email(g.anyPerson()))), cs(cMail)
		}),
		P("home-health-address", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("home-health/visits/%s-%s-%s/checklist.pdf", lowerDash(g.street()), lowerDash(pick(g, cities)), g.one(g.zip5(), g.zip4())), cs(cAddr, cZIP)
		}),
		P("intl-address", sKey, 1, func(g *G) (string, []string) {
			switch g.n(3) {
			case 0:
				return fmt.Sprintf("home-visits/ca/%s-%s/intake.pdf", g.pathEsc(fmt.Sprintf("%d %s Street", g.rng(2, 999), pick(g, streetNames))), strings.ReplaceAll(g.caPostal(), " ", "")), cs(cAddr, cZIP)
			case 1:
				return fmt.Sprintf("hausbesuche/%s/%s.pdf", g.pathEsc(fmt.Sprintf("%sstraße %d", g.one("Linden", "Berliner ", "Haupt", "Schiller", "Goethe"), g.rng(1, 140))), g.str(digits, 5)), cs(cAddr, cZIP)
			default:
				return fmt.Sprintf("district-nursing/%s/%d-%s-road.pdf", strings.ReplaceAll(g.ukPostcode(), " ", "-"), g.rng(1, 200), strings.ToLower(pick(g, streetNames))), cs(cAddr, cZIP)
			}
		}),
		P("restricted-zip3", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("patients/%s/geo/zip3=%s.json", g.patientID(), pick(g, restricted3)), cs(cZIP, cMRN)
		}),
		P("personal-url", sKey, 1, func(g *G) (string, []string) {
			return "crawl/profiles/" + g.qEsc(g.personalURL(g.latinPerson())) + ".html", cs(cURL)
		}),
		P("portal-session-ip", sKey, 1, func(g *G) (string, []string) {
			ip := g.ip4()
			if g.p(0.35) {
				ip = strings.ReplaceAll(g.ip6(), ":", "-")
			}
			return fmt.Sprintf("portal/sessions/client-ip=%s/%s.json", ip, g.uuid()), cs(cIP)
		}),
		// ------------------------------------------------------------ other identifiers
		P("vehicle-vin", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("claims/auto-injury/vin-%s/photos/%d.jpg", g.vin(), g.rng(1, 12)), cs(cVeh)
		}),
		P("vehicle-plate", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("parking/permits/plate=%s/permit.pdf", g.pathEsc(g.plate())), cs(cVeh)
		}),
		P("occ-health-employee", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("hr/occupational-health/employee-%s/fitness-for-duty.pdf", g.employeeID()), cs(cOth)
		}),
		P("school-immunization", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("school-health/immunizations/student-id-%s.pdf", g.studentID()), cs(cOth)
		}),
		P("biometric-template", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("biometrics/%s/%s.%s", g.one("fingerprint-templates", "voiceprints", "faceprints", "iris-codes"), g.ulid(), g.one("iso19794", "bin", "tmpl")), cs(cOth)
		}),
		P("immigration-anumber", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("immigration-health/i-693/%s.pdf", g.aNumber()), cs(cOth)
		}),
		P("full-face-photo", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("photos/full-face/mrn-%s.jpg", g.mrn()), cs(cMRN)
		}),
		P("patient-label-number", sKey, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("%s%s/%s", g.one("patient-", "pid/", "mrn/", "chart/", "MRN_", "medicalRecordNumber="), g.mrn(), g.one("summary.pdf", "allergies.json", "problem-list.json")), cs(cMRN)
		}),
		P("encounter-number", sKey, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("encounters/ENC-%s/%s.json", g.str(digits, 9), g.one("vitals", "orders", "notes")), cs(cMRN)
		}),
		// ------------------------------------------------------------ S3 metadata
		P("meta-patient-name", sMeta, 3, func(g *G) (string, []string) {
			p := g.anyPerson()
			v := g.textName(p)
			if g.p(0.3) {
				v = p.dicom()
			}
			return g.one("x-amz-meta-patient-name", "x-amz-meta-patientname", "x-amz-meta-subject-name", "x-amz-meta-guarantor") + ": " + v, cs(cName)
		}),
		P("meta-dob", sMeta, 2, func(g *G) (string, []string) {
			return g.one("x-amz-meta-dob", "x-amz-meta-birth-date", "x-amz-meta-birthdate", "x-amz-meta-fecha-nacimiento") + ": " + g.textDate(g.dob()), cs(cDate)
		}),
		P("meta-dob-epoch", sMeta, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("x-amz-meta-dob-epoch: %d", g.rng(-1200000000, 1600000000)), cs(cDate)
		}),
		P("meta-mrn", sMeta, 2, func(g *G) (string, []string) {
			return g.one("x-amz-meta-mrn", "x-amz-meta-patient-id", "x-amz-meta-medical-record-number", "x-amz-meta-pid") + ": " + g.mrn(), cs(cMRN)
		}),
		P("meta-member", sMeta, 2, func(g *G) (string, []string) {
			v := g.memberID()
			if g.coin() {
				v = g.mbi()
			}
			return g.one("x-amz-meta-member-id", "x-amz-meta-subscriber-id", "x-amz-meta-mbi", "x-amz-meta-policy-number") + ": " + v, cs(cPlan)
		}),
		P("meta-email", sMeta, 2, func(g *G) (string, []string) {
			return g.one("x-amz-meta-uploader-email", "x-amz-meta-notify", "x-amz-meta-patient-email") + ": " + g.email(g.anyPerson()), cs(cMail)
		}),
		P("meta-phone", sMeta, 2, func(g *G) (string, []string) {
			v := g.phone(false)
			if g.p(0.25) {
				v = g.intlPhone()
			}
			return g.one("x-amz-meta-phone", "x-amz-meta-callback-number", "x-amz-meta-mobile", "x-amz-meta-contact-phone") + ": " + v, cs(cTel)
		}),
		P("meta-fax", sMeta, 2, func(g *G) (string, []string) {
			return g.one("x-amz-meta-fax", "x-amz-meta-fax-number", "x-amz-meta-return-fax", "x-amz-meta-sender-fax") + ": " + g.phone(false), cs(cFax)
		}),
		P("meta-client-ip", sMeta, 2, func(g *G) (string, []string) {
			v := g.ip4()
			if g.p(0.35) {
				v = g.ip6()
			}
			return g.one("x-amz-meta-client-ip", "x-amz-meta-uploader-ip", "x-amz-meta-source-ip") + ": " + v, cs(cIP)
		}),
		P("meta-city", sMeta, 1, func(g *G) (string, []string) {
			return "x-amz-meta-patient-city: " + pick(g, cities), cs(cAddr)
		}),
		P("meta-address", sMeta, 2, func(g *G) (string, []string) {
			if g.coin() {
				return fmt.Sprintf("x-amz-meta-home-address: %s, %s, %s %s", g.street(), pick(g, cities), pick(g, states), g.zip5()), cs(cAddr, cZIP)
			}
			return "x-amz-meta-street: " + g.street(), cs(cAddr)
		}),
		P("meta-zip", sMeta, 1, func(g *G) (string, []string) {
			v := g.one(g.zip5(), g.zip4(), g.caPostal(), g.ukPostcode())
			return g.one("x-amz-meta-patient-zip", "x-amz-meta-postal-code", "x-amz-meta-zip") + ": " + v, cs(cZIP)
		}),
		P("meta-age", sMeta, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("%s: %d", g.one("x-amz-meta-age", "x-amz-meta-patient-age", "x-amz-meta-age-years"), g.rng(90, 109)), cs(cAge)
		}),
		P("meta-ssn", sMeta, 1, func(g *G) (string, []string) {
			return g.one("x-amz-meta-ssn", "x-amz-meta-social-security-number", "x-amz-meta-tin") + ": " + g.ssn(), cs(cSSN)
		}),
		P("meta-national-id", sMeta, 1, func(g *G) (string, []string) {
			k, id := g.nationalID()
			return "x-amz-meta-" + k + ": " + id, cs(cSSN)
		}),
		P("meta-vehicle", sMeta, 2, func(g *G) (string, []string) {
			if g.coin() {
				return "x-amz-meta-vin: " + g.vin(), cs(cVeh)
			}
			return "x-amz-meta-license-plate: " + g.plate(), cs(cVeh)
		}),
		P("meta-device-serial", sMeta, 1, func(g *G) (string, []string) {
			switch g.n(3) {
			case 0:
				return "x-amz-meta-device-serial: " + g.deviceSerial(), cs(cDev)
			case 1:
				return "x-amz-meta-imei: " + g.imei(), cs(cDev)
			default:
				return "x-amz-meta-bt-mac: " + g.mac(":"), cs(cDev)
			}
		}),
		P("meta-profile-url", sMeta, 1, func(g *G) (string, []string) {
			return "x-amz-meta-profile-url: " + g.personalURL(g.anyPerson()), cs(cURL)
		}),
		P("meta-license", sMeta, 2, func(g *G) (string, []string) {
			if g.coin() {
				st, n := g.driverLicense()
				return "x-amz-meta-dl-" + strings.ToLower(st) + ": " + n, cs(cLic)
			}
			return "x-amz-meta-passport-no: " + g.passport(), cs(cLic)
		}),
		P("meta-employee", sMeta, 1, func(g *G) (string, []string) {
			return "x-amz-meta-employee-id: " + g.employeeID(), cs(cOth)
		}),
		P("meta-fhir-subject", sMeta, 1, func(g *G) (string, []string) {
			return "x-amz-meta-fhir-subject: Patient/" + g.fhirID(), cs(cMRN)
		}),
		P("meta-claim", sMeta, 1, func(g *G) (string, []string) {
			return g.one("x-amz-meta-claim-number", "x-amz-meta-claim-id", "x-amz-meta-patient-account") + ": " + g.one(g.claimNo(), g.acctNo()), cs(cAcct)
		}),
		// ------------------------------------------------------------ buckets
		P("bucket-person", sBkt, 3, func(g *G) (string, []string) {
			p := g.usPerson()
			return bucketSafe(fmt.Sprintf("%s-%s-%s", p.slug("-"), g.one("medical-records", "scans", "uploads", "health", "backup"), g.one("2024", "prod", "personal", "docs"))), cs(cName)
		}),
		P("bucket-mrn", sBkt, 1, func(g *G) (string, []string) {
			return bucketSafe(fmt.Sprintf("mrn-%s-imaging", g.mrn())), cs(cMRN)
		}),
		P("bucket-name-dob", sBkt, 1, func(g *G) (string, []string) {
			p := g.usPerson()
			return bucketSafe(fmt.Sprintf("%s%s-%s", p.initialSurname(), g.compact(g.dob()), g.one("uploads", "files", "records"))), cs(cName, cDate)
		}),
		P("bucket-phone", sBkt, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("%s-%s", g.one("fax-inbox", "sms-media", "voicemail"), g.nanp()), cs(cTel)
		}),
		P("bucket-member", sBkt, 1, func(g *G) (string, []string) {
			return bucketSafe(fmt.Sprintf("member-%s-docs", g.memberID())), cs(cPlan)
		}),
		P("bucket-vin", sBkt, 1, func(g *G) (string, []string) {
			return bucketSafe("telematics-vin-" + g.vin()), cs(cVeh)
		}),
		P("bucket-email", sBkt, 1, func(g *G) (string, []string) {
			p := g.usPerson()
			return bucketSafe(fmt.Sprintf("%s-at-%s", p.slug("-"), g.one("gmail-com", "yahoo-com", "outlook-com"))), cs(cName, cMail)
		}),
		// ------------------------------------------------------------ DynamoDB keys
		P("ddb-pat", sDDB, 3, func(g *G) (string, []string) {
			return g.one("PAT#", "PATIENT#", "patient#", "P#") + g.patientID(), cs(cMRN)
		}),
		P("ddb-pat-visit", sDDB, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("PAT#%s#VISIT#%s", g.patientID(), g.iso(g.recent())), cs(cDate, cMRN)
		}),
		P("ddb-member-claim", sDDB, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("MEMBER#%s|CLAIM#%s", g.memberID(), g.claimNo()), cs(cPlan, cAcct)
		}),
		P("ddb-email", sDDB, 2, func(g *G) (string, []string) {
			return g.one("EMAIL#", "USER#", "login:", "u#") + g.email(g.anyPerson()), cs(cMail)
		}),
		P("ddb-phone", sDDB, 2, func(g *G) (string, []string) {
			return g.one("PHONE#", "SMS#", "tel:", "MOBILE#") + g.one("+1"+g.nanp(), g.phone(true)), cs(cTel)
		}),
		P("ddb-fax", sDDB, 1, func(g *G) (string, []string) {
			return "FAX#" + g.phone(true) + "#PAGE#" + fmt.Sprint(g.rng(1, 20)), cs(cFax)
		}),
		P("ddb-ssn", sDDB, 1, func(g *G) (string, []string) {
			return g.one("SSN#", "TIN#", "ssn:") + g.ssnKey(), cs(cSSN)
		}),
		P("ddb-name-gsi", sDDB, 3, func(g *G) (string, []string) {
			p := g.anyPerson()
			fam, giv := strings.ToUpper(p.family), strings.ToUpper(p.given)
			if cjk(p.loc) || !isLatin(p.family) {
				fam, giv = p.family, p.given
			}
			return fmt.Sprintf("NAME#%s#%s", strings.ReplaceAll(fam, " ", "_"), strings.ReplaceAll(giv, " ", "_")), cs(cName)
		}),
		P("ddb-dob-name-gsi", sDDB, 2, func(g *G) (string, []string) {
			p := g.latinPerson()
			return fmt.Sprintf("DOB#%s#LN#%s", g.iso(g.dob()), strings.ToLower(ascii(p.family))), cs(cName, cDate)
		}),
		P("ddb-appt", sDDB, 2, func(g *G) (string, []string) {
			d := g.recent()
			return fmt.Sprintf("APPT#%sT%02d:%02d#PAT#%s", g.iso(d), g.rng(7, 18), 15*g.n(4), g.patientID()), cs(cDate, cMRN)
		}),
		P("ddb-device", sDDB, 1, func(g *G) (string, []string) {
			switch g.n(3) {
			case 0:
				return "DEVICE#" + g.deviceSerial(), cs(cDev)
			case 1:
				return "IMEI#" + g.imei(), cs(cDev)
			default:
				return "MAC#" + g.mac(":"), cs(cDev)
			}
		}),
		P("ddb-vehicle", sDDB, 2, func(g *G) (string, []string) {
			if g.coin() {
				return "VIN#" + g.vin(), cs(cVeh)
			}
			return "PLATE#" + strings.ReplaceAll(g.plate(), " ", ""), cs(cVeh)
		}),
		P("ddb-rx", sDDB, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("RX#%s#FILL#%d", g.rxNo(), g.rng(1, 12)), cs(cMRN)
		}),
		P("ddb-health-number", sDDB, 2, func(g *G) (string, []string) {
			k, id := g.healthNumber()
			return strings.ToUpper(k) + "#" + keySafe(id), cs(cPlan)
		}),
		P("ddb-national-id", sDDB, 1, func(g *G) (string, []string) {
			k, id := g.nationalID()
			return strings.ToUpper(k) + "#" + keySafe(id), cs(cSSN)
		}),
		P("ddb-zip-patient", sDDB, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("ZIP#%s#PAT#%s", g.zip5(), g.patientID()), cs(cZIP, cMRN)
		}),
		P("ddb-license", sDDB, 1, func(g *G) (string, []string) {
			st, n := g.driverLicense()
			return fmt.Sprintf("DL#%s#%s", st, n), cs(cLic)
		}),
		P("ddb-session-ip", sDDB, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("SESSION#%s#IP#%s", g.ksuid(), g.one(g.ip4(), g.ip6())), cs(cIP)
		}),
		P("ddb-account", sDDB, 1, func(g *G) (string, []string) {
			return "ACCT#" + g.acctNo() + "#STMT#" + fmt.Sprint(g.rng(1, 60)), cs(cAcct)
		}),
		P("ddb-employee", sDDB, 2, func(g *G) (string, []string) {
			return g.one("EMP#", "STUDENT#", "ANUM#") + g.one(g.employeeID(), g.studentID(), g.aNumber()), cs(cOth)
		}),
		P("ddb-encounter-age", sDDB, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("ENC#%s#AGE#%d", g.str(digits, 9), g.rng(90, 106)), cs(cAge, cMRN)
		}),
		// ------------------------------------------------------------ attribute names (values used as map keys)
		P("attr-visit-date-map", sAttr, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("visits.%s.%s", g.iso(g.recent()), g.one("bp", "notes", "weight", "a1c")), cs(cDate)
		}),
		P("attr-mrn-prefixed", sAttr, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("%s_%s", g.one("mrn", "patient", "pid"), g.mrn()) + g.one("_notes", "_flags", ""), cs(cMRN)
		}),
		P("attr-contact-phone", sAttr, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("contacts.%s.verified", g.one("+1"+g.nanp(), g.nanp())), cs(cTel)
		}),
		P("attr-email-key", sAttr, 1, func(g *G) (string, []string) {
			return "subscribers[" + g.email(g.anyPerson()) + "]", cs(cMail)
		}),
		P("attr-name-column", sAttr, 2, func(g *G) (string, []string) {
			p := g.anyPerson()
			if cjk(p.loc) || !isLatin(p.given) {
				return p.display() + "_allergies", cs(cName)
			}
			return g.one(p.camel()+"Allergies", p.sep("_")+"_meds", "caregiver_"+p.sep("_")), cs(cName)
		}),
		P("attr-member-map", sAttr, 1, func(g *G) (string, []string) {
			return "coverage." + g.memberID() + ".copay", cs(cPlan)
		}),
		P("attr-device-map", sAttr, 1, func(g *G) (string, []string) {
			return "paired_" + g.mac("") + "_last_seen", cs(cDev)
		}),
		P("attr-ssn-column", sAttr, 1, func(g *G) (string, []string) {
			return "dup_check_" + g.ssnKey(), cs(cSSN)
		}),
		// ------------------------------------------------------------ table names
		P("table-per-patient", sTbl, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("patient_%s_%s", g.one(g.mrn(), g.str(digits, 8)), g.one("observations", "audit", "timeline", "messages")), cs(cMRN)
		}),
		P("table-tmp-name", sTbl, 2, func(g *G) (string, []string) {
			p := g.usPerson()
			return fmt.Sprintf("tmp-%s-%s", p.slug("-"), g.one("export", "labs", "chart-copy", "records-request")), cs(cName)
		}),
		P("table-member", sTbl, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("member-%s-claims", g.memberID()), cs(cPlan)
		}),
		P("table-name-dob", sTbl, 1, func(g *G) (string, []string) {
			p := g.usPerson()
			return fmt.Sprintf("%s_%s_%s", strings.ToLower(ascii(p.family)), strings.ToLower(ascii(p.given)), g.compact(g.dob())), cs(cName, cDate)
		}),
		P("table-email", sTbl, 1, func(g *G) (string, []string) {
			p := g.usPerson()
			return fmt.Sprintf("inbox-%s.gmail.com", p.slug(".")), cs(cName, cMail)
		}),
		// ------------------------------------------------------------ KMS encryption context values
		P("ec-patient-ref", sEnc, 3, func(g *G) (string, []string) {
			return g.one("Patient/", "patient:", "mrn=", "urn:mrn:", "patientId=") + g.one(g.fhirID(), g.mrn()), cs(cMRN)
		}),
		P("ec-member", sEnc, 2, func(g *G) (string, []string) {
			return g.one("member:", "subscriber=", "mbi:") + g.one(g.memberID(), g.mbi()), cs(cPlan)
		}),
		P("ec-name", sEnc, 2, func(g *G) (string, []string) {
			p := g.anyPerson()
			return g.one("owner=", "subject:", "") + g.one(p.display(), p.dicom(), p.sep("_")), cs(cName)
		}),
		P("ec-email", sEnc, 1, func(g *G) (string, []string) {
			return "user=" + g.email(g.anyPerson()), cs(cMail)
		}),
		P("ec-claim", sEnc, 1, func(g *G) (string, []string) {
			return "claim/" + g.claimNo(), cs(cAcct)
		}),
		P("ec-tenant-patient-dob", sEnc, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("tenant=%s;patient=%s;dob=%s", g.one("acme", "northwind", "clinic-17"), g.patientID(), g.iso(g.dob())), cs(cDate, cMRN)
		}),
		P("ec-device", sEnc, 1, func(g *G) (string, []string) {
			if g.coin() {
				return g.one("device:", "imei=") + g.imei(), cs(cDev)
			}
			return g.one("device:", "serial:", "pump-sn=") + g.deviceSerial(), cs(cDev)
		}),
		P("ec-ssn", sEnc, 1, func(g *G) (string, []string) {
			return "ssn:" + g.ssn(), cs(cSSN)
		}),
		P("ec-encounter", sEnc, 1, func(g *G) (string, []string) {
			return "Encounter/ENC-" + g.str(digits, 9), cs(cMRN)
		}),
		P("ec-phone-fax", sEnc, 1, func(g *G) (string, []string) {
			if g.coin() {
				return "fax:" + g.phone(true), cs(cFax)
			}
			return "caller:" + g.phone(true), cs(cTel)
		}),
		P("ec-ip", sEnc, 1, func(g *G) (string, []string) {
			return "client-ip=" + g.ip4(), cs(cIP)
		}),
		// ------------------------------------------------------------ mail subjects
		P("subj-appt-reminder", sSubj, 3, func(g *G) (string, []string) {
			p := g.anyPerson()
			return fmt.Sprintf("Appointment reminder: %s on %s at %s", g.textName(p), g.apptDate(g.recent()), g.clock()), cs(cName, cDate)
		}),
		P("subj-appt-no-name", sSubj, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("Your visit on %s at %s - we will call you at %s to confirm", g.apptDate(g.recent()), g.clock(), g.phone(false)), cs(cDate, cTel)
		}),
		P("subj-results-ready", sSubj, 2, func(g *G) (string, []string) {
			p := g.anyPerson()
			return fmt.Sprintf("%s, your %s results are ready", g.one(p.given, g.textName(p)), g.one("lab", "imaging", "COVID-19", "biopsy")), cs(cName)
		}),
		P("subj-intl-appt", sSubj, 3, func(g *G) (string, []string) {
			p := g.intlPerson()
			d := g.recent()
			n := g.textName(p)
			k := map[string]int{"fr": 0, "de": 1, "es_MX": 2, "ja": 3, "zh_CN": 3, "ko": 3, "ru": 4, "uk": 4, "pt_BR": 5}[p.loc]
			if _, ok := map[string]bool{"fr": true, "de": true, "es_MX": true, "ja": true, "zh_CN": true, "ko": true, "ru": true, "uk": true, "pt_BR": true}[p.loc]; !ok {
				k = 6
			}
			switch k {
			case 0:
				return fmt.Sprintf("Rappel : rendez-vous de %s le %d %s à %02dh%02d", n, d.d, monFR[d.m-1], g.rng(8, 18), 15*g.n(4)), cs(cName, cDate)
			case 1:
				return fmt.Sprintf("Terminerinnerung für %s am %02d.%02d.%04d um %02d:%02d Uhr", n, d.d, d.m, d.y, g.rng(8, 18), 15*g.n(4)), cs(cName, cDate)
			case 2:
				return fmt.Sprintf("Recordatorio de cita: %s, %d de %s", n, d.d, monES[d.m-1]), cs(cName, cDate)
			case 3:
				return fmt.Sprintf("%s様 ご予約確認 %d月%d日 %s", p.family+p.given, d.m, d.d, g.clock()), cs(cName, cDate)
			case 4:
				return fmt.Sprintf("Напоминание о приёме: %s, %d %s", n, d.d, monRU[d.m-1]), cs(cName, cDate)
			case 5:
				return fmt.Sprintf("Lembrete de consulta: %s, %d de %s às %s", n, d.d, monPT[d.m-1], g.clock()), cs(cName, cDate)
			default:
				return fmt.Sprintf("Reminder: %s, your appointment is %s at %s", n, g.apptDate(d), g.clock()), cs(cName, cDate)
			}
		}),
		P("subj-re-dob", sSubj, 2, func(g *G) (string, []string) {
			p := g.anyPerson()
			return fmt.Sprintf("Re: %s DOB %s - records request", g.textName(p), g.textDate(g.dob())), cs(cName, cDate)
		}),
		P("subj-fax-from", sSubj, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("Fax received from %s (%d pages)", g.phone(false), g.rng(1, 30)), cs(cFax)
		}),
		P("subj-missed-call", sSubj, 1, func(g *G) (string, []string) {
			v := g.phone(false)
			if g.coin() {
				v = g.intlPhone()
			}
			return "Missed call from " + v, cs(cTel)
		}),
		P("subj-prior-auth", sSubj, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("Prior authorization update for member %s", g.one(g.memberID(), g.mbi())), cs(cPlan)
		}),
		P("subj-rx-ready", sSubj, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("Your prescription #%s is ready for pickup", g.rxNo()), cs(cMRN)
		}),
		P("subj-centenarian", sSubj, 1, func(g *G) (string, []string) {
			p := g.anyPerson()
			return fmt.Sprintf("Visit summary for %s (%d y/o)", g.textName(p), g.rng(90, 107)), cs(cName, cAge)
		}),
		P("subj-delivery-address", sSubj, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("Supplies shipped to %s, %s, %s %s", g.street(), pick(g, cities), pick(g, states), g.one(g.zip5(), g.zip4())), cs(cAddr, cZIP)
		}),
		P("subj-discharged", sSubj, 1, func(g *G) (string, []string) {
			p := g.anyPerson()
			return fmt.Sprintf("Caregiver update: %s was discharged on %s", g.textName(p), g.textDate(g.recent())), cs(cName, cDate)
		}),
		P("subj-statement", sSubj, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("Statement available for account %s", g.acctNo()), cs(cAcct)
		}),
		P("subj-new-message-email", sSubj, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("New portal message from %s", g.email(g.anyPerson())), cs(cMail)
		}),
		P("subj-mrn", sSubj, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("[SECURE] Consult note MRN %s", g.mrn()), cs(cMRN)
		}),
		P("subj-welcome-given", sSubj, 1, func(g *G) (string, []string) {
			p := g.anyPerson()
			return fmt.Sprintf("Welcome to the patient portal, %s!", g.one(p.given, p.display())), cs(cName)
		}),
		// ------------------------------------------------------------ device topics
		P("topic-cgm", sTop, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("cgm/%s/egv", g.deviceSerial()), cs(cDev)
		}),
		P("topic-pump", sTop, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("dt/insulin-pump/%s/%s", g.deviceSerial(), g.one("bolus", "basal", "alarms", "reservoir")), cs(cDev)
		}),
		P("topic-patient-vitals", sTop, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("patients/%s/vitals/%s", g.patientID(), g.one("hr", "spo2", "bp", "temp", "rr")), cs(cMRN)
		}),
		P("topic-home-name", sTop, 2, func(g *G) (string, []string) {
			p := g.latinPerson()
			return fmt.Sprintf("home/%s/%s", p.slug("-"), g.one("bp-cuff", "scale", "pulse-ox", "fall-sensor")), cs(cName)
		}),
		P("topic-imei", sTop, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("devices/%s/location", g.imei()), cs(cDev)
		}),
		P("topic-ble-mac", sTop, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("ble/%s/spo2", g.mac(g.one(":", "-", ""))), cs(cDev)
		}),
		P("topic-shadow-pacemaker", sTop, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("$aws/things/pacemaker-%s/shadow/update", g.deviceSerial()), cs(cDev)
		}),
		P("topic-vehicle", sTop, 1, func(g *G) (string, []string) {
			if g.coin() {
				return fmt.Sprintf("fleet/vehicles/%s/telemetry", g.vin()), cs(cVeh)
			}
			return fmt.Sprintf("ambulance/%s/gps", strings.ReplaceAll(g.plate(), " ", "-")), cs(cVeh)
		}),
		P("topic-watch-email", sTop, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("watch/%s/steps", g.email(g.latinPerson())), cs(cMail)
		}),
		P("topic-udi", sTop, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("implants/%s/status", strings.NewReplacer("(", "", ")", "-").Replace(g.udi())), cs(cDev)
		}),
		P("topic-client-ip", sTop, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("clients/%s/heartbeat", g.ip4()), cs(cIP)
		}),
		P("topic-member-glucose", sTop, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("rpm/member/%s/glucose", g.memberID()), cs(cPlan)
		}),
		P("topic-phone-sms", sTop, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("sms/inbound/+1%s", g.nanp()), cs(cTel)
		}),
		P("topic-fax-status", sTop, 2, func(g *G) (string, []string) {
			return fmt.Sprintf("fax/outbound/%s/status", g.nanp()), cs(cFax)
		}),
		// ------------------------------------------------------------ more URL, licence, IP, other-id, age
		P("ddb-profile-url", sDDB, 1, func(g *G) (string, []string) {
			return "PROFILE#" + g.personalURL(g.anyPerson()), cs(cURL)
		}),
		P("ec-profile-url", sEnc, 1, func(g *G) (string, []string) {
			return "homepage=" + g.personalURL(g.anyPerson()), cs(cURL)
		}),
		P("subj-shared-url", sSubj, 1, func(g *G) (string, []string) {
			return "Caregiver blog for my dad: " + g.personalURL(g.latinPerson()), cs(cURL)
		}),
		P("portal-chart-url", sKey, 1, func(g *G) (string, []string) {
			u := fmt.Sprintf("https://portal.%s.org/chart/%s", g.one("acme-health", "northwind-care", "riverside-med"), g.mrn())
			return "links/shared/" + g.qEsc(u) + ".json", cs(cMRN, cURL)
		}),
		P("attr-url-map", sAttr, 1, func(g *G) (string, []string) {
			return "links[" + g.personalURL(g.latinPerson()) + "]", cs(cURL)
		}),
		P("subj-license", sSubj, 1, func(g *G) (string, []string) {
			st, n := g.driverLicense()
			return fmt.Sprintf("DMV medical report for %s driver license %s", st, n), cs(cLic)
		}),
		P("ec-license", sEnc, 1, func(g *G) (string, []string) {
			if g.coin() {
				return "passport:" + g.passport(), cs(cLic)
			}
			st, n := g.driverLicense()
			return "dl=" + st + "-" + n, cs(cLic)
		}),
		P("subj-login-ip", sSubj, 1, func(g *G) (string, []string) {
			return "New sign-in to your portal account from " + g.one(g.ip4(), g.ip6()), cs(cIP)
		}),
		P("subj-employee", sSubj, 1, func(g *G) (string, []string) {
			return "Return-to-work clearance for employee " + g.employeeID(), cs(cOth)
		}),
		P("ec-biometric", sEnc, 1, func(g *G) (string, []string) {
			return g.one("faceprint:", "voiceprint:", "fingerprint-template=") + g.ulid(), cs(cOth)
		}),
		P("subj-birthday-age", sSubj, 1, func(g *G) (string, []string) {
			p := g.anyPerson()
			a := g.rng(90, 105)
			return fmt.Sprintf("Happy %d%s birthday, %s!", a, ordinal(a), p.given), cs(cName, cAge)
		}),
		P("attr-age-map", sAttr, 1, func(g *G) (string, []string) {
			return fmt.Sprintf("residents.%s.age_%d", g.mrn(), g.rng(90, 104)), cs(cAge, cMRN)
		}),
	}
}

func ordinal(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}
