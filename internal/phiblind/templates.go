package phiblind

import (
	"fmt"
	"net/url"
	"strings"
)

// Template makes one kind of corpus line.
type Template struct {
	ID      string
	Shape   string
	PHI     bool
	Holdout bool // used only in the holdout file
	Gen     func(g *G) (name string, cats []string)
}

func c(cs ...string) []string { return cs }

func pos(id, shape string, f func(g *G) (string, []string)) Template {
	return Template{ID: id, Shape: shape, PHI: true, Gen: f}
}

func neg(id, shape string, f func(g *G) string) Template {
	return Template{ID: id, Shape: shape, Gen: func(g *G) (string, []string) { return f(g), nil }}
}

func hold(t Template) Template { t.Holdout = true; return t }

var ext = []string{".pdf", ".json", ".xml", ".dcm", ".hl7", ".csv", ".txt", ".png", ".jpg", ".docx", ".parquet"}

// Templates is the full template list, development and holdout-only.
var Templates = []Template{
	// ---------------------------------------------------------------- names
	pos("s3-name-export", "s3-key", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("%s/%s/%s%s", g.pick("exports", "ehr-export", "uploads", "scans", "referrals", "intake", "documents"), g.nameForm(p), g.pick("chart", "consent", "history", "labs", "notes", "insurance-card", "summary"), g.pick(ext...)), c(Name)
	}),
	pos("s3-name-file", "s3-key", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("%s/%d/%s_%s%s", g.pick("records", "incoming/fax", "portal/uploads", "scanned"), 2015+g.n(11), g.nameForm(p), g.pick("report", "xray", "mri", "ecg", "rx", "visit"), g.pick(ext...)), c(Name)
	}),
	pos("s3-name-dob", "s3-key", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("records/%s_dob_%s%s", g.nameForm(p), g.dateForm(g.birth(), false), g.pick(ext...)), c(Name, Date)
	}),
	pos("s3-dicom-pn", "s3-key", func(g *G) (string, []string) {
		p := g.person()
		pn := strings.ToUpper(joinWords(p.Surname, " ")) + "^" + strings.ToUpper(joinWords(p.Given, " "))
		if g.chance(0.3) {
			pn += "^" + g.letters(1)
		}
		return fmt.Sprintf("dicom/%s/%s/%s/IM%04d.dcm", pn, g.pick("CT", "MR", "CR", "US", "DX", "MG"), g.pick("CHEST", "HEAD", "ABDOMEN", "KNEE", "SPINE"), 1+g.n(400)), c(Name)
	}),
	pos("s3-intl-name", "s3-key", func(g *G) (string, []string) {
		l := g.intl[g.n(len(g.intl))]
		p := Person{Given: l.given[g.n(len(l.given))], Surname: l.surname[g.n(len(l.surname))], Intl: true}
		return fmt.Sprintf("%s/%s_%s/%s", g.pick("patients", "pacientes", "patienten", "clinic/uploads"), joinWords(p.Given, "_"), joinWords(p.Surname, "_"), g.pick("befund.pdf", "informe.pdf", "resultats.pdf", "scan.jpg", "notes.txt")), c(Name)
	}),
	pos("s3-pct-name", "s3-key", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("portal/uploads/%s/%s", url.PathEscape(p.Given+" "+p.Surname), g.pick("id-card.jpg", "insurance.pdf", "referral.pdf")), c(Name)
	}),
	pos("meta-patient-name", "s3-metadata", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("%s: %s", g.pick("x-amz-meta-patient-name", "x-amz-meta-patientname", "x-amz-meta-uploaded-for", "x-amz-meta-subject", "x-amz-meta-owner"), g.pick(g.spaced(p), g.nameForm(p))), c(Name)
	}),
	pos("meta-dicom-pn", "s3-metadata", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("x-amz-meta-%s: %s^%s", g.pick("dicom-0010-0010", "patientname", "pn"), strings.ToUpper(p.Surname), strings.ToUpper(p.Given)), c(Name)
	}),
	pos("bucket-name", "bucket", func(g *G) (string, []string) {
		p := g.person()
		return g.bucketName(p) + "-" + g.pick("records", "scans", "dicom", "uploads", "backup", "files", "2024"), c(Name)
	}),
	pos("ddb-user-name", "dynamodb-key", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("%s#%s", g.pick("PATIENT", "USER", "MEMBER", "CAREGIVER"), g.pick(g.nameForm(p), strings.ToUpper(lower(p.Surname)+"_"+lower(p.Given)))), c(Name)
	}),
	pos("ec-patient-name", "encryption-context", func(g *G) (string, []string) {
		p := g.person()
		return g.pick("patient:", "subject=", "owner/", "") + g.nameForm(p), c(Name)
	}),
	pos("subject-appt-name", "subject", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("%s for %s", g.pick("Appointment reminder", "New message", "Lab results available", "Prescription ready", "Visit summary", "Referral update"), g.spaced(p)), c(Name)
	}),
	pos("subject-name-date", "subject", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("%s, your appointment on %s is confirmed", p.Given+" "+p.Surname, g.proseDate(g.recent())), c(Name, Date)
	}),
	pos("subject-intl", "subject", func(g *G) (string, []string) {
		l := g.intl[g.n(len(g.intl))]
		p := Person{Given: l.given[g.n(len(l.given))], Surname: l.surname[g.n(len(l.surname))]}
		return fmt.Sprintf("%s: %s %s", g.pick("Termin", "Cita", "Rendez-vous", "Appuntamento", "Wizyta", "Re"), p.Given, p.Surname), c(Name)
	}),
	pos("attr-name-mapkey", "attribute-name", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("%s_%s", g.pick("notes", "consent", "allergies", "guardian"), lower(joinWords(p.Given, "_")+"_"+joinWords(p.Surname, "_"))), c(Name)
	}),
	pos("s3-surname-label", "s3-key", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("intake/%s=%s/%s=%s/form.pdf", g.pick("lastname", "last_name", "surname", "family"), lower(joinWords(p.Surname, "-")), g.pick("firstname", "first_name", "given"), lower(joinWords(p.Given, "-"))), c(Name)
	}),

	// ---------------------------------------------------------------- dates and ages
	pos("s3-mrn-admit", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("encounters/%s/%s-%s/summary.pdf", g.mrn(), g.pick("admit", "admission", "adm", "discharge", "dc", "disch"), g.dateForm(g.recent(), false)), c(MRN, Date)
	}),
	pos("meta-dob", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("%s: %s", g.pick("x-amz-meta-dob", "x-amz-meta-birthdate", "x-amz-meta-date-of-birth", "x-amz-meta-patient-dob"), g.dateForm(g.birth(), true)), c(Date)
	}),
	pos("meta-death", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("%s: %s", g.pick("x-amz-meta-dod", "x-amz-meta-date-of-death", "x-amz-meta-deceased"), g.dateForm(g.recent(), true)), c(Date)
	}),
	pos("s3-dob-label", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s/%s%s/%s", g.pick("intake", "lookup", "matching"), g.pick("dob=", "dob-", "dob_", "birthdate=", "DOB"), g.dateForm(g.birth(), false), g.pick("results.json", "candidates.csv", "match.json")), c(Date)
	}),
	pos("s3-age-over-89", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s/%s%d/%s", g.pick("cohort", "geriatrics/cases", "export"), g.pick("age-", "age=", "age_", "aged"), 90+g.n(19), g.pick("case-", "summary-", "notes-")+g.digits(4)+g.pick(ext...)), c(Age)
	}),
	pos("subject-age-over-89", "subject", func(g *G) (string, []string) {
		return fmt.Sprintf("%s, %d-year-old %s", g.pick("Consult request", "Fall risk alert", "Home visit"), 90+g.n(15), g.pick("female", "male", "patient")), c(Age)
	}),
	pos("ddb-visit-date", "dynamodb-key", func(g *G) (string, []string) {
		return fmt.Sprintf("PATIENT#%s#VISIT#%s", g.mrn(), g.dateForm(g.recent(), false)), c(MRN, Date)
	}),
	pos("subject-discharge-date", "subject", func(g *G) (string, []string) {
		return fmt.Sprintf("%s %s", g.pick("Your discharge instructions from", "Follow-up for your admission on", "Bill for your stay of", "Survey: your visit on"), g.proseDate(g.recent())), c(Date)
	}),

	// ---------------------------------------------------------------- phone, fax, email
	pos("s3-phone", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s/%s/%s", g.pick("voicemail", "sms/inbound", "callbacks", "ivr/recordings"), g.phone(), g.pick("msg-001.wav", "transcript.txt", g.ts()+".json")), c(Phone)
	}),
	pos("meta-phone", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("%s: %s", g.pick("x-amz-meta-phone", "x-amz-meta-callback", "x-amz-meta-mobile", "x-amz-meta-contact"), g.phone()), c(Phone)
	}),
	pos("s3-fax", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("fax/inbound/%s/%s.tif", g.pick("from-", "fax-", "fax_", "fax="), g.phone()), c(Fax)
	}),
	pos("subject-fax", "subject", func(g *G) (string, []string) {
		return fmt.Sprintf("Fax received from %s (%d pages)", g.phoneProse(), 1+g.n(20)), c(Fax)
	}),
	pos("s3-email", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s/%s/%s", g.pick("users", "portal/accounts", "mailbox", "exports/by-user"), g.email(g.person()), g.pick("profile.json", "messages.mbox", "consent.pdf")), c(Email)
	}),
	pos("s3-email-pct", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("portal/users/%s/avatar.png", strings.Replace(g.email(g.person()), "@", "%40", 1)), c(Email)
	}),
	pos("ddb-email", "dynamodb-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s#%s", g.pick("USER", "EMAIL", "LOGIN", "CONTACT"), g.email(g.person())), c(Email)
	}),
	pos("subject-email", "subject", func(g *G) (string, []string) {
		return fmt.Sprintf("%s %s", g.pick("New portal message from", "Fwd: records request from", "Access granted to"), g.email(g.person())), c(Email)
	}),
	pos("attr-email-mapkey", "attribute-name", func(g *G) (string, []string) {
		return g.email(g.person()), c(Email)
	}),
	pos("ddb-phone", "dynamodb-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s#%s", g.pick("PHONE", "SMS", "MOBILE"), g.phone()), c(Phone)
	}),

	// ---------------------------------------------------------------- SSN and national ids
	pos("s3-ssn", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s/%s%s/%s", g.pick("verification", "billing/identity", "hr/benefits"), g.pick("ssn-", "ssn=", "SSN_", "", "ss#"), g.ssn(), g.pick("w2.pdf", "card.jpg", "check.json")), c(SSN)
	}),
	pos("meta-ssn", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("%s: %s", g.pick("x-amz-meta-ssn", "x-amz-meta-social", "x-amz-meta-taxid", "x-amz-meta-tin"), g.ssn()), c(SSN)
	}),
	pos("ddb-ssn", "dynamodb-key", func(g *G) (string, []string) {
		a, b, cc := g.ssnParts()
		return fmt.Sprintf("SSN#%s-%s-%s", a, b, cc), c(SSN)
	}),

	// ---------------------------------------------------------------- MRN and patient record ids
	pos("s3-patient-id", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s%s/%s", g.pick("patient-", "patients/", "pid/", "mrn/", "MRN", "medical-record-number/", "chart/", "patient_id="), g.mrn(), g.pick("labs.json", "notes.txt", "ccd.xml", "imaging/")), c(MRN)
	}),
	pos("fhir-patient", "s3-key", func(g *G) (string, []string) {
		id := g.pick(g.uuid(), g.mrn(), "pat-"+g.digits(6))
		return fmt.Sprintf("fhir/%s/Patient/%s%s", g.pick("R4", "r4", "STU3"), id, g.pick("", "/_history/"+fmt.Sprint(1+g.n(9)), "/$everything")), c(MRN)
	}),
	pos("fhir-related-search", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("fhir/R4/%s?%s=Patient/%s", g.pick("Observation", "Condition", "MedicationRequest", "Encounter"), g.pick("subject", "patient"), g.mrn()), c(MRN)
	}),
	pos("hl7-pid", "s3-metadata", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("x-amz-meta-pid: PID|1||%s^^^%s^MR||%s^%s||%s|%s", g.mrn(), g.pick("HOSP", "MRN", "EPIC", "STJ"), strings.ToUpper(asciiFold(p.Surname)), strings.ToUpper(asciiFold(p.Given)), g.hl7Date(g.birth()), g.pick("M", "F", "U")), c(Name, MRN, Date)
	}),
	pos("hl7-pv1", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("x-amz-meta-pv1: PV1|1|%s|%s^%d^1||||||||||||||||V%s", g.pick("I", "O", "E"), g.pick("4W", "ICU", "ED", "3N"), 100+g.n(400), g.digits(8)), c(MRN)
	}),
	pos("ddb-patient-pk", "dynamodb-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s#%s", g.pick("PATIENT", "PAT", "MRN", "CHART"), g.mrn()), c(MRN)
	}),
	pos("ec-patient-id", "encryption-context", func(g *G) (string, []string) {
		return g.pick("patient/", "mrn:", "patient-", "pid=") + g.mrn(), c(MRN)
	}),
	pos("s3-encounter", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s/%s%s/%s", g.pick("encounter", "visits", "encounters"), g.pick("ENC-", "enc_", "V", "visit-"), g.digits(6+g.n(4)), g.pick("note.txt", "vitals.json", "orders.json")), c(MRN)
	}),
	pos("subject-mrn", "subject", func(g *G) (string, []string) {
		return fmt.Sprintf("%s MRN %s", g.pick("Critical lab value:", "Chart request:", "Consult note for"), g.mrn()), c(MRN)
	}),
	pos("device-topic-patient", "device-topic", func(g *G) (string, []string) {
		return fmt.Sprintf("rpm/patients/%s/%s", g.mrn(), g.pick("bp", "spo2", "glucose", "weight", "ecg")), c(MRN)
	}),

	// ---------------------------------------------------------------- health plan
	pos("s3-member-id", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("eligibility/%s%s/%s", g.pick("memberid=", "member-", "member_id/", "subscriber/", "beneficiary/"), g.memberID(), g.pick("271.x12", "card-front.jpg", "coverage.json")), c(HealthPlan)
	}),
	pos("meta-mbi", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("%s: %s", g.pick("x-amz-meta-mbi", "x-amz-meta-medicare-id", "x-amz-meta-beneficiary"), g.mbi()), c(HealthPlan)
	}),
	pos("ddb-member", "dynamodb-key", func(g *G) (string, []string) {
		return fmt.Sprintf("MEMBER#%s#PLAN#%s", g.memberID(), g.pick("PPO", "HMO", "MEDICAID", "MA")), c(HealthPlan)
	}),
	pos("claims-837", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("edi/837%s/claims/CLM-%s_member-%s.x12", g.pick("P", "I", "D"), g.digits(9), g.memberID()), c(Account, HealthPlan)
	}),

	// ---------------------------------------------------------------- account numbers
	pos("s3-claim", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s%s/%s", g.pick("claim/CLM-", "claims/", "claim-", "claim_no="), g.digits(9), g.pick("835.x12", "eob.pdf", "appeal.pdf")), c(Account)
	}),
	pos("s3-account", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("billing/%s%s/%s", g.pick("acct-", "account/", "acct_no=", "guarantor-"), g.digits(8+g.n(5)), g.pick("statement.pdf", "payments.csv")), c(Account)
	}),
	pos("meta-card", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("%s: %s", g.pick("x-amz-meta-card", "x-amz-meta-pan", "x-amz-meta-payment-card"), g.card()), c(Account)
	}),
	pos("era-835", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("edi/835/%d/patient-acct-%s/era.x12", 2018+g.n(8), g.digits(10)), c(Account)
	}),

	// ---------------------------------------------------------------- licences
	pos("s3-dl", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("identity/%s/%s", g.pick("dl-"+g.letters(1)+g.digits(7), "drivers-license/"+g.pick("CA", "NY", "TX", "FL")+"/"+g.letters(1)+g.digits(7), "dl="+g.digits(9)), g.pick("front.jpg", "back.jpg")), c(License)
	}),
	pos("s3-passport", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("travel-clinic/%s%s/scan.pdf", g.pick("passport-", "passport=", "passport_no/"), g.pick(g.letters(1)+g.digits(8), g.digits(9), g.letters(2)+g.digits(7))), c(License)
	}),

	// ---------------------------------------------------------------- vehicles
	pos("s3-vin", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s/%s/%s", g.pick("auto-injury-claims", "mva", "transport/vehicles"), g.pick("vin-", "VIN_", "")+g.vin(), g.pick("police-report.pdf", "photos.zip")), c(Vehicle)
	}),
	pos("meta-plate", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("%s: %s", g.pick("x-amz-meta-plate", "x-amz-meta-license-plate", "x-amz-meta-vehicle"), g.plate()), c(Vehicle)
	}),

	// ---------------------------------------------------------------- devices
	pos("s3-device-serial", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s/%s%s/%s", g.pick("implants", "devices", "pacemaker/interrogations", "cgm"), g.pick("sn-", "serial=", "SN/", "serial_"), g.deviceSerial(), g.pick("report.pdf", "log.bin", g.ts()+".json")), c(Device)
	}),
	pos("device-topic-serial", "device-topic", func(g *G) (string, []string) {
		return fmt.Sprintf("%s/%s/%s", g.pick("devices", "dt/cgm", "iot/infusion-pumps", "telemetry"), g.pick("SN"+g.digits(8), g.deviceSerial()), g.pick("telemetry", "alerts", "status")), c(Device)
	}),
	pos("s3-imei", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("mdm/%s%s/%s", g.pick("imei-", "imei=", "imei/"), g.imei(), g.pick("location.json", "checkin.json")), c(Device)
	}),
	pos("s3-mac", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("home-monitor/%s/%s", g.pick(g.mac(":"), g.mac("-"), strings.ToUpper(g.mac(":")), g.mac("")), g.pick("readings.csv", "pairing.json")), c(Device)
	}),
	pos("meta-udi", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("x-amz-meta-udi: %s", g.udi()), c(Device)
	}),

	// ---------------------------------------------------------------- URLs and IPs
	pos("meta-personal-url", "s3-metadata", func(g *G) (string, []string) {
		p := g.person()
		n := lower(asciiFold(joinWords(p.Given, "") + joinWords(p.Surname, "")))
		if n == "" {
			n = "user" + g.digits(6)
		}
		return fmt.Sprintf("x-amz-meta-%s: %s", g.pick("homepage", "profile", "source"), g.pick("https://"+n+".example.com/", "https://social.example/@"+n, "http://example.org/~"+n, "https://portal.northwind-health.org/patients/"+g.mrn()+"/chart")), c(URL)
	}),
	pos("meta-client-ip", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("%s: %s", g.pick("x-amz-meta-client-ip", "x-amz-meta-uploader-ip", "x-amz-meta-patient-ip"), g.pick(g.ipv4(), g.ipv6())), c(IP)
	}),
	pos("s3-session-ip", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("portal/sessions/%s/%s", g.ipv4(), g.pick("consent-signature.png", "login.json")), c(IP)
	}),

	// ---------------------------------------------------------------- geography
	pos("s3-zip", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("home-health/%s%s/%s", g.pick("zip=", "zip-", "zipcode/", "postal_"), g.pick(g.zip5(), g.zip5()+"-"+g.digits(4)), g.pick("visit-plan.pdf", "patients.csv")), c(ZIP)
	}),
	pos("meta-zip3-restricted", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("x-amz-meta-zip3: %s", g.pick(restrictedZIP3...)), c(ZIP)
	}),
	pos("meta-address", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("%s: %s", g.pick("x-amz-meta-address", "x-amz-meta-home", "x-amz-meta-street"), g.street()), c(Address)
	}),
	pos("s3-address", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("home-visits/%s/%s", lower(strings.ReplaceAll(g.street(), " ", "-")), g.pick("photos.zip", "visit.pdf")), c(Address)
	}),
	pos("subject-address", "subject", func(g *G) (string, []string) {
		return fmt.Sprintf("Home visit scheduled: %s, %s", g.street(), g.pick(cities...)), c(Address)
	}),
	pos("meta-city", "s3-metadata", func(g *G) (string, []string) {
		return fmt.Sprintf("%s: %s", g.pick("x-amz-meta-patient-city", "x-amz-meta-residence", "x-amz-meta-home-county"), g.pick(cities...)), c(Address)
	}),

	// ---------------------------------------------------------------- other ids
	pos("s3-employee-id", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("occupational-health/%s%s/%s", g.pick("employee-", "emp_id=", "employee/E", "badge-"), g.digits(6+g.n(3)), g.pick("drug-screen.pdf", "fit-test.pdf")), c(Other)
	}),
	pos("s3-student-id", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("student-health/%s%s/%s", g.pick("student/S", "student-id=", "stu_"), g.digits(8), g.pick("immunizations.pdf", "tb-test.pdf")), c(Other)
	}),
	pos("s3-biometric", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("biometrics/%s/%s", g.pick("voiceprint", "fingerprint", "faceprint", "iris"), g.pick("VP-", "FP-", "enroll-")+strings.ToUpper(g.hex(12))), c(Other)
	}),
}

// Negatives (hard and plain).
var negTemplates = []Template{
	neg("neg-asset-density", "s3-key", func(g *G) string {
		return fmt.Sprintf("static/%s/%s@%dx.%s", g.pick("img", "icons", "assets"), g.pick("logo", "icon", "avatar-default", "hero", "chevron", "spinner", "badge"), 2+g.n(2), g.pick("png", "webp", "jpg"))
	}),
	neg("neg-at-version", "s3-key", func(g *G) string {
		return g.pick(
			fmt.Sprintf("reports/report@v%d.json", 1+g.n(9)),
			fmt.Sprintf("npm-cache/%s@%s.tgz", g.pick("lodash", "react", "express", "pkg", "left-pad", "aws-sdk"), g.semver()),
			fmt.Sprintf("node_modules/@%s/%s@%s/package.json", g.pick("aws-sdk", "types", "babel", "smithy"), g.pick("client-s3", "node", "core", "types"), g.semver()),
			fmt.Sprintf("images/%s@sha256:%s", g.pick("api", "worker", "etl"), g.hex(64)),
		)
	}),
	neg("neg-semver-build", "s3-key", func(g *G) string {
		return fmt.Sprintf("releases/%s/v%s/%s-%s-linux-amd64.tar.gz", g.pick("ingest", "portal", "fhir-gateway"), g.semver(), g.pick("build", "bundle"), g.digits(4+g.n(4)))
	}),
	neg("neg-git-hash", "s3-key", func(g *G) string {
		return fmt.Sprintf("artifacts/%s/%s/%s", g.pick("main", "release", "feature-login"), g.hex(40), g.pick("coverage.html", "app.zip", "sbom.json"))
	}),
	neg("neg-request-uuid", "s3-key", func(g *G) string {
		return fmt.Sprintf("%s/%s/%s.json", g.pick("logs/requests", "tmp/uploads", "jobs", "idempotency"), g.pick(g.uuid(), g.ulid()), g.pick("request", "response", "state"))
	}),
	neg("neg-arn", "encryption-context", func(g *G) string {
		return g.pick(
			fmt.Sprintf("arn:aws:s3:::%s-%s-%s/%s", g.pick("acme", "northwind", "contoso"), g.pick("prod", "stage"), g.pick("logs", "artifacts"), g.pick("2024/", "config.json")),
			fmt.Sprintf("arn:aws:dynamodb:%s:%s:table/%s", g.region(), g.awsAccount(), g.pick("Orders", "Sessions", "Config", "AuditEvents")),
			fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", g.region(), g.awsAccount(), g.pick("thumbnailer", "hl7-router", "etl-loader")),
		)
	}),
	neg("neg-system-timestamp", "s3-key", func(g *G) string {
		d := g.recent()
		return g.pick(
			fmt.Sprintf("backups/rds/%s/snapshot.sql.gz", g.ts()),
			fmt.Sprintf("logs/alb/%04d/%02d/%02d/%s_elasticloadbalancing_%s.log.gz", d.y, d.m, d.d, g.awsAccount(), g.region()),
			fmt.Sprintf("cloudtrail/AWSLogs/%s/CloudTrail/%s/%04d/%02d/%02d/", g.awsAccount(), g.region(), d.y, d.m, d.d),
		)
	}),
	neg("neg-lake-partition", "s3-key", func(g *G) string {
		d := g.recent()
		return fmt.Sprintf("lake/%s/year=%04d/month=%02d/day=%02d/part-%05d-%s.snappy.parquet", g.pick("claims_agg", "events", "metrics", "hl7_ingest_stats"), d.y, d.m, d.d, g.n(200), g.uuid())
	}),
	neg("neg-org-named-after-person", "s3-key", func(g *G) string {
		return fmt.Sprintf("%s/%s/%s", g.pick("partners", "vendors", "contracts", "research/collaborators"), g.pick(orgsDev...), g.pick("agreement.pdf", "baa-signed.pdf", "invoices/", "logo@2x.png"))
	}),
	neg("neg-org-bucket", "bucket", func(g *G) string {
		return g.pick(orgsDev...) + "-" + g.pick("research", "shared", "exchange", "billing") + "-" + g.region()
	}),
	neg("neg-word-surnames", "s3-key", func(g *G) string {
		return g.pick(wordPhrases...)
	}),
	neg("neg-schema-attr", "attribute-name", func(g *G) string {
		return g.pick("dateOfBirth", "patient_ssn", "memberId", "mrn", "zip_code", "createdAt", "phoneNumber", "email", "firstName", "lastName", "dischargeDate", "admitDate", "ssnLast4", "deviceSerial", "ipAddress", "faxNumber", "licenseNumber", "vin", "GSI1PK", "GSI1SK", "ttl", "updated_at", "homeAddress", "emergencyContactName", "insurancePlanId", "accountNumber")
	}),
	neg("neg-schema-meta", "s3-metadata", func(g *G) string {
		return g.pick(
			"x-amz-meta-content-sha256: "+g.hex(64),
			"x-amz-meta-uploaded-by: "+g.pick("etl-service", "hl7-router", "portal-backend", "batch-job"),
			fmt.Sprintf("x-amz-meta-schema-version: %s", g.semver()),
			"x-amz-meta-classification: "+g.pick("phi", "restricted", "internal", "public"),
			"x-amz-meta-source-system: "+g.pick("epic-clarity", "cerner-millennium", "athena", "meditech"),
			"x-amz-meta-record-count: "+fmt.Sprint(g.n(100000)),
			"x-amz-meta-retention: "+g.pick("6y", "7y", "10y"),
		)
	}),
	neg("neg-template-docs", "s3-key", func(g *G) string {
		return fmt.Sprintf("%s/%s%s", g.pick("templates", "docs", "forms/blank", "schemas"), g.pick("discharge-summary-template", "admission-form-v3", "dob-field-validation", "mrn-format-spec", "ssn-masking-rules", "patient-name-normalization", "hipaa-safe-harbor-checklist", "fax-cover-sheet", "release-of-information-form", "phone-number-regex-tests", "email-opt-in-policy"), g.pick(".pdf", ".md", ".yaml", ".json", ".docx"))
	}),
	neg("neg-clinical-codes", "s3-key", func(g *G) string {
		return g.pick(
			fmt.Sprintf("terminology/icd10/%s%02d.%d/description.json", g.pick("E", "I", "J", "M", "Z"), g.n(99), g.n(10)),
			fmt.Sprintf("terminology/cpt/%d/fee-schedule-%d.csv", 99201+g.n(300), 2018+g.n(8)),
			fmt.Sprintf("terminology/loinc/%d-%d.json", 1000+g.n(90000), g.n(10)),
			fmt.Sprintf("formulary/ndc/%s-%s-%s/label.pdf", g.digits(4), g.digits(4), g.digits(2)),
			fmt.Sprintf("formulary/rxnorm/%d.json", 10000+g.n(2000000)),
		)
	}),
	neg("neg-aggregate-demo", "s3-metadata", func(g *G) string {
		return g.pick(
			fmt.Sprintf("x-amz-meta-age-band: %d-%d", 10*(1+g.n(7)), 10*(1+g.n(7))+9),
			"x-amz-meta-age-band: 90+",
			fmt.Sprintf("x-amz-meta-age: %d", 18+g.n(72)),
			fmt.Sprintf("x-amz-meta-birth-year: %d", 1930+g.n(90)),
			fmt.Sprintf("x-amz-meta-zip3: %s", g.pick("021", "100", "606", "770", "941", "981", "303", "852")),
			"x-amz-meta-state: "+g.pick("MA", "NY", "CA", "TX", "WA", "FL"),
		)
	}),
	neg("neg-ddb-single-table", "dynamodb-key", func(g *G) string {
		return g.pick(
			"TENANT#"+g.pick("acme", "northwind", "contoso")+"#CONFIG#v"+fmt.Sprint(1+g.n(9)),
			"JOB#"+g.ulid(),
			"SCHEMA#"+g.pick("Patient", "Encounter", "Claim")+"#"+g.semver(),
			"BATCH#"+g.ts(),
			"FEATURE#"+g.pick("dark-mode", "new-scheduler", "sms-reminders"),
			"LOCK#"+g.pick("hl7-ingest", "nightly-export")+"#"+g.uuid(),
			"METRIC#"+g.pick("p99_latency", "queue_depth")+"#"+fmt.Sprint(2015+g.n(11)),
		)
	}),
	neg("neg-table-name", "table-name", func(g *G) string {
		return g.pick("Patients", "patient-records-prod", "Encounters", "ClaimsLedger", "MemberEligibility", "DeviceTelemetry", "appointments-v2", "audit-events", "FhirResources", "hl7-messages-"+g.region())
	}),
	neg("neg-ec-service", "encryption-context", func(g *G) string {
		return g.pick("tenant="+g.pick("acme-health", "northwind-clinic"), "purpose=backup", "service:fhir-gateway", "env/prod", "table:Encounters", g.region(), "data-class=phi", "stage=prod")
	}),
	neg("neg-subject-generic", "subject", func(g *G) string {
		return g.pick("Your password was changed", "You have a new secure message", "Your lab results are ready to view", "Weekly digest: "+fmt.Sprint(2+g.n(30))+" new messages", "Scheduled maintenance on "+g.ts(), "Verify your email address", "Your statement is available", "Reminder: complete your health questionnaire", "Flu shots now available at all clinics", "Invoice INV-"+fmt.Sprint(2018+g.n(8))+"-"+g.digits(4)+" from Northwind Supplies", "Build "+g.digits(5)+" passed", "[Alert] CPU over 90% on db-"+fmt.Sprint(1+g.n(9)))
	}),
	neg("neg-device-model", "device-topic", func(g *G) string {
		return fmt.Sprintf("%s/%s/%s", g.pick("fleet", "firmware", "models"), g.pick("cgm-g7", "pump-t2", "bp-cuff-bp7250", "ecg-patch-v3", "spo2-ring"), g.pick("ota/v"+g.semver(), "announce", "config"))
	}),
	neg("neg-udi-di-only", "s3-metadata", func(g *G) string {
		return "x-amz-meta-gtin: (01)" + g.gtin()
	}),
	neg("neg-infra-ip", "s3-key", func(g *G) string {
		return g.pick(
			fmt.Sprintf("vpc/flow-config/cidr=10.%d.0.0_16/settings.json", g.n(256)),
			fmt.Sprintf("k8s/nodes/ip-10-%d-%d-%d.ec2.internal/kubelet.log", g.n(256), g.n(256), g.n(256)),
			"config/listeners/0.0.0.0-443.yaml",
			"config/dns/127.0.0.1-resolver.conf",
		)
	}),
	neg("neg-system-url", "s3-metadata", func(g *G) string {
		return "x-amz-meta-source: " + g.pick("https://cdn.example.com/static/app."+g.hex(8)+".js", "https://hl7.org/fhir/R4/patient.html", "s3://acme-artifacts/"+g.hex(12), "https://docs.example.org/api/v"+fmt.Sprint(1+g.n(3)))
	}),
	neg("neg-cert-fingerprint", "s3-metadata", func(g *G) string {
		p := make([]string, 16)
		for i := range p {
			p[i] = strings.ToUpper(g.hex(2))
		}
		return "x-amz-meta-cert-fingerprint: SHA256:" + strings.Join(p, ":")
	}),
	neg("neg-provider-npi", "s3-key", func(g *G) string {
		return fmt.Sprintf("directory/providers/npi-%s/credentialing.pdf", npi(g))
	}),
	neg("neg-dicom-layout", "s3-key", func(g *G) string {
		return fmt.Sprintf("dicom/modality=%s/bodypart=%s/series-%04d/IM-%04d-%04d.dcm", g.pick("CT", "MR", "CR", "US"), g.pick("CHEST", "HEAD", "KNEE"), 1+g.n(20), 1+g.n(50), 1+g.n(900))
	}),
	neg("neg-hl7-routing", "s3-key", func(g *G) string {
		return fmt.Sprintf("hl7/%s/%s/%s/MSG%08d.hl7", g.pick("inbound", "outbound", "dead-letter"), g.pick("ADT_A01", "ADT_A03", "ORU_R01", "ORM_O01", "SIU_S12"), g.ts()[:10], g.n(100000000))
	}),
	neg("neg-edi-batch", "s3-key", func(g *G) string {
		return fmt.Sprintf("edi/%s/inbound/%s/batch-%06d.x12", g.pick("837P", "837I", "835", "270", "271"), strings.ReplaceAll(g.ts()[:10], "-", "/"), g.n(1000000))
	}),
	neg("neg-fhir-endpoints", "s3-key", func(g *G) string {
		return g.pick("fhir/R4/metadata", "fhir/R4/Observation?_count=50", "fhir/R4/ValueSet/"+g.pick("administrative-gender", "marital-status", "languages"), "fhir/R4/StructureDefinition/us-core-patient", "fhir/R4/CodeSystem/$lookup", "fhir/bulk/$export?_type=Patient,Observation")
	}),
	neg("neg-dimensions-ports", "s3-key", func(g *G) string {
		return g.pick(
			fmt.Sprintf("thumbnails/%dx%d/%s.webp", 64*(1+g.n(30)), 64*(1+g.n(20)), g.hex(16)),
			fmt.Sprintf("benchmarks/%d-rps/p99-%dms.json", 1000*(1+g.n(50)), 1+g.n(900)),
			fmt.Sprintf("exports/%d.csv.gz", 1600000000+g.n(200000000)),
		)
	}),
	neg("neg-account-aws", "bucket", func(g *G) string {
		return fmt.Sprintf("%s-%s-%s", g.pick("cdk-hnb659fds-assets", "aws-cloudtrail-logs", "config-bucket", "elasticbeanstalk"), g.awsAccount(), g.region())
	}),
	neg("neg-plain-bucket", "bucket", func(g *G) string {
		return fmt.Sprintf("%s-%s-%s", g.pick("acme", "northwind", "contoso", "fabrikam", "tailspin"), g.pick("prod", "dev", "staging", "dr"), g.pick("dicom-archive", "hl7-landing", "fhir-bulk", "claims-edi", "phi-vault", "logs"))
	}),
}

var moreTemplates = []Template{
	pos("bucket-patient-id", "bucket", func(g *G) (string, []string) {
		return fmt.Sprintf("%s-%s-%s", g.pick("patient", "mrn", "pt", "chart"), g.mrn(), g.pick("uploads", "imaging", "export", "archive")), c(MRN)
	}),
	pos("bucket-name-dob", "bucket", func(g *G) (string, []string) {
		d := g.birth()
		return fmt.Sprintf("%s-%04d-%02d-%02d-%s", g.bucketName(g.person()), d.y, d.m, d.d, g.pick("backup", "records", "scans")), c(Name, Date)
	}),
	pos("ec-member", "encryption-context", func(g *G) (string, []string) {
		return g.pick("member:", "subscriber/", "mbi=") + g.pick(g.memberID(), g.mbi()), c(HealthPlan)
	}),
	pos("ec-email", "encryption-context", func(g *G) (string, []string) {
		return g.pick("user:", "owner=", "") + g.email(g.person()), c(Email)
	}),
	neg("neg-subject-people-orgs", "subject", func(g *G) string {
		return g.pick("Johns Hopkins grand rounds this Friday", "Parkinson's support group meets Tuesday", "Wells Fargo ACH settlement report", "John Deere mower service reminder", "Mayo Clinic Proceedings: new issue", "Dana-Farber research newsletter", "Kaplan-Meier workshop slides", "Lincoln Center staff tickets", "Washington state licensing update", "Ford Foundation grant deadline", "Bristol Myers Squibb rep visit cancelled", "Martin Luther King Jr. Day: clinic hours")
	}),
	neg("neg-subject-system-dates", "subject", func(g *G) string {
		return g.pick(
			fmt.Sprintf("Daily export completed %s (%d rows)", g.ts()[:10], g.n(100000)),
			fmt.Sprintf("TLS certificate expires on %s", g.ts()[:10]),
			fmt.Sprintf("Sprint %d review on %s", 1+g.n(80), g.proseDate(g.recent())),
			fmt.Sprintf("Release %s notes", g.semver()),
			fmt.Sprintf("Backup job %s succeeded", g.ulid()),
		)
	}),
	neg("neg-ddb-system", "dynamodb-key", func(g *G) string {
		return g.pick("SESSION#"+g.uuid(), "METRICS#"+g.ts(), "ETAG#"+g.hex(32), "WEBHOOK#"+g.ulid(), "RATE#"+g.pick("sms", "email", "fax")+"#"+fmt.Sprint(g.n(1000)), "VERSION#"+g.semver(), "CURSOR#"+g.hex(24))
	}),
	neg("neg-attr-words", "attribute-name", func(g *G) string {
		return g.pick("brownfieldSite", "greenField", "whiteLabel", "blackoutWindow", "longRunning", "hillChart", "wardCode", "bellCurve", "priceList", "roseChart", "youngGeneration", "kingdomId", "graceWindowSec", "markDeleted", "billableUnits", "hunterQueue", "foxtrotFlag", "stoneColdStart", "x-amzn-RequestId", "etag", "sha256", "kms_key_arn", "s3_key", "ttl_epoch")
	}),
	neg("neg-ec-object", "encryption-context", func(g *G) string {
		return g.pick(
			"s3://"+g.pick("acme", "northwind")+"-hl7-landing/inbound/"+g.ts()[:10]+"/",
			"request-id="+g.uuid(),
			"job/"+g.ulid(),
			"key-rotation-"+g.ts()[:10],
			"build-"+g.digits(6),
		)
	}),
}

// Holdout-only templates: shapes and formats the development file never
// contains.
var holdoutTemplates = []Template{
	hold(pos("h-intl-national-id", "s3-key", func(g *G) (string, []string) {
		k := g.n(6)
		switch k {
		case 0:
			return fmt.Sprintf("nl/zorg/bsn-%s/dossier.pdf", bsn(g)), c(SSN)
		case 1:
			return fmt.Sprintf("se/journal/personnummer=%s/anteckning.txt", personnummer(g)), c(SSN)
		case 2:
			return fmt.Sprintf("br/prontuario/cpf_%s.%s.%s-%s/exame.pdf", g.digits(3), g.digits(3), g.digits(3), g.digits(2)), c(SSN)
		case 3:
			return fmt.Sprintf("fr/dossiers/nir-%s%s%s%s%s%s/cr.pdf", g.pick("1", "2"), g.digits(2), fmt.Sprintf("%02d", 1+g.n(12)), g.digits(2), g.digits(3), g.digits(5)), c(SSN)
		case 4:
			return fmt.Sprintf("uk/ni-number/%s%s%s/payslip.pdf", g.pick("AB", "JK", "PR", "TZ"), g.digits(6), g.pick("A", "B", "C", "D")), c(SSN)
		}
		return fmt.Sprintf("in/aadhaar/%s %s %s/ekyc.xml", g.digits(4), g.digits(4), g.digits(4)), c(SSN)
	})),
	hold(pos("h-intl-health-number", "s3-metadata", func(g *G) (string, []string) {
		switch g.n(4) {
		case 0:
			return "x-amz-meta-nhs-number: " + nhsNumber(g), c(HealthPlan)
		case 1:
			return fmt.Sprintf("x-amz-meta-ohip: %s-%s-%s-%s", g.digits(4), g.digits(3), g.digits(3), g.letters(2)), c(HealthPlan)
		case 2:
			return fmt.Sprintf("x-amz-meta-medicare-au: %d%s %s %s", 2+g.n(4), g.digits(3), g.digits(5), g.digits(1)), c(HealthPlan)
		}
		return "x-amz-meta-kvnr: " + g.letters(1) + g.digits(9), c(HealthPlan)
	})),
	hold(pos("h-immigration", "dynamodb-key", func(g *G) (string, []string) {
		return fmt.Sprintf("%s#A%s", g.pick("ANUMBER", "USCIS", "ALIEN"), g.digits(9)), c(Other)
	})),
	hold(pos("h-iban", "encryption-context", func(g *G) (string, []string) {
		return "refund-iban:" + iban(g), c(Account)
	})),
	hold(pos("h-subject-phone-name", "subject", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("Missed call from %s at %s", g.spaced(p), g.pick(g.phoneProse(), g.intlPhone())), c(Name, Phone)
	})),
	hold(pos("h-table-per-patient", "table-name", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("study-%s-%s-diary", lower(asciiFold(joinWords(p.Given, ""))), lower(asciiFold(joinWords(p.Surname, "")))), c(Name)
	})),
	hold(pos("h-ddb-gsi-dob-name", "dynamodb-key", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("NAMEDOB#%s#%s", strings.ToUpper(p.Surname), g.hl7Date(g.birth())), c(Name, Date)
	})),
	hold(pos("h-hl7-nk1", "s3-metadata", func(g *G) (string, []string) {
		p := g.person()
		return fmt.Sprintf("x-amz-meta-nk1: NK1|1|%s^%s|%s|%s^^%s^%s^%s", strings.ToUpper(p.Surname), strings.ToUpper(p.Given), g.pick("SPO", "MTH", "FTH", "CHD"), g.street(), g.pick(cities...), g.pick("MA", "OH", "OR"), g.zip5()), c(Name, Address, ZIP)
	})),
	hold(pos("h-cgm-bt-topic", "device-topic", func(g *G) (string, []string) {
		return fmt.Sprintf("ble/%s/%s/glucose", g.pick("gateways", "phones"), strings.ToUpper(g.mac(":"))), c(Device)
	})),
	hold(pos("h-death-age", "s3-key", func(g *G) (string, []string) {
		return fmt.Sprintf("mortality-review/%s/deceased-%s_age%d.pdf", g.mrn(), g.dateForm(g.recent(), false), 90+g.n(15)), c(Date, Age, MRN)
	})),
	hold(pos("h-intl-address", "subject", func(g *G) (string, []string) {
		return g.pick(
			fmt.Sprintf("Hausbesuch: %s %d, %s Berlin", g.pick("Hauptstraße", "Lindenweg", "Gartenstraße"), 1+g.n(120), g.digits(5)),
			fmt.Sprintf("Visite à domicile : %d rue %s, 750%02d Paris", 1+g.n(120), g.pick("de la Paix", "Victor Hugo", "des Lilas"), 1+g.n(20)),
		), c(Address, ZIP)
	})),
	hold(pos("h-vehicle-topic", "device-topic", func(g *G) (string, []string) {
		return "ambulance/fleet/vin/" + g.vin() + "/gps", c(Vehicle)
	})),
	hold(neg("h-neg-orgs", "s3-key", func(g *G) string {
		return fmt.Sprintf("%s/%s/%s", g.pick("partners", "grants", "referral-network"), g.pick(orgsHoldout...), g.pick("contract.pdf", "roster-template.xlsx", "logo@3x.png"))
	})),
	hold(neg("h-neg-words", "attribute-name", func(g *G) string {
		return g.pick(wordAttrsHoldout...)
	})),
	hold(neg("h-neg-otel", "device-topic", func(g *G) string {
		return fmt.Sprintf("otel/traces/%s/%s", g.hex(32), g.hex(16))
	})),
	hold(neg("h-neg-k8s", "s3-key", func(g *G) string {
		return fmt.Sprintf("k8s/%s/pods/%s-%s-%s/logs/%s.log", g.pick("prod", "stage"), g.pick("fhir-api", "hl7-router", "scheduler"), g.hex(10), strings.ToLower(g.alnum(5)), g.ts())
	})),
	hold(neg("h-neg-subject", "subject", func(g *G) string {
		return g.pick("Office closed on "+g.pick("July 4", "Thanksgiving Day", "December 25"), "Q"+fmt.Sprint(1+g.n(4))+" "+fmt.Sprint(2018+g.n(8))+" quality report", "Release v"+g.semver()+" deployed to production", "Ford fleet service due", "Welcome to the Mayo Clinic Care Network", "Johns Hopkins grand rounds this Friday", "Your order has shipped")
	})),
}

var orgsDev = []string{"johns-hopkins", "john-deere", "wells-fargo", "mayo-clinic", "cedars-sinai", "mount-sinai", "st-jude", "johnson-and-johnson", "eli-lilly", "abbott", "baxter", "becton-dickinson", "bristol-myers-squibb", "morgan-stanley", "goldman-sachs", "ford", "dell", "walgreens", "kaiser-permanente", "mass-general-brigham", "boston-childrens", "george-washington-university", "dana-farber", "sloan-kettering", "hopkins-medicine", "mercedes-benz", "procter-gamble", "charles-schwab"}

var orgsHoldout = []string{"vanderbilt-umc", "emory-healthcare", "duke-health", "stanford-medicine", "cooper-university-health", "henry-ford-health", "ben-taub", "martin-luther-king-jr-community-hospital", "st-elizabeths", "baylor-scott-white", "geisinger", "intermountain", "lahey", "tufts-medicine", "bayer", "siemens-healthineers", "philips", "roche", "disney", "wendys", "harley-davidson"}

var wordPhrases = []string{
	"deploy/blue-green/green/config.yaml", "reports/brown-bag-sessions/agenda.pdf", "security/white-list/ips.txt", "ml/hill-climbing/results.csv", "jobs/long-running/queue.json", "pricing/price-table-2024.csv", "ui/mark-as-read/spec.md", "themes/rose-gold/theme.css", "billing/grace-period/policy.md", "tasks/will-retry/queue.json", "finance/bill-pay/flow.svg", "docs/young-adult-program/overview.pdf", "wiki/king-size-beds/inventory.csv", "ops/baker-street-office/floorplan.pdf", "clinic/hall-b/signage.pdf", "kitchen/cook-schedule.xlsx", "lab/wood-lamp/manual.pdf", "ui/gray-scale/palette.json", "ops/frank-discussion/minutes-template.docx", "media/amber-alerts/feed.xml", "ui/ruby-on-rails/upgrade.md", "storage/cold-storage/policy.md", "training/dawn-patrol/schedule.pdf", "marketing/hunter-green/brand.pdf", "maps/west-wing/level2.svg", "maps/north-campus/parking.pdf", "supplies/holly-wreaths/order.csv", "pharmacy/will-call/bins.csv", "it/mason-jars/pantry.csv", "ops/stone-age/legacy.md", "nursing/rose-unit/roster-template.xlsx", "ortho/long-bone/protocol.pdf", "hematology/white-cell/reference-ranges.json", "cardio/heart-rate/alerts.yaml", "derm/black-box-warnings/list.csv", "it/patch-tuesday/runbook.md", "ops/spring-cleaning/checklist.md", "comms/bell-schedule.pdf", "radiology/fisher-exact-test/notebook.ipynb", "stats/wilcoxon-rank-sum/notes.md", "stats/kaplan-meier/curves.png", "stats/cox-regression/model.pkl", "neuro/parkinson-disease/guidelines.pdf", "neuro/alzheimer-staging/scale.pdf", "endo/graves-disease/protocol.pdf", "gi/crohn-disease/pathway.pdf", "heme/hodgkin-lymphoma/regimens.pdf", "ortho/achilles-tendon/rehab.pdf", "peds/down-syndrome/clinic-info.pdf", "cardio/holter-monitor/instructions.pdf", "neuro/bell-palsy/handout.pdf", "lab/gram-stain/procedure.pdf", "surgery/foley-catheter/checklist.pdf", "anesthesia/apgar-score/form.pdf",
}

var wordAttrsHoldout = []string{"grayscaleEnabled", "whiteListVersion", "greenDeployId", "youngestChildAge", "priceTier", "markedAsRead", "graceDays", "longPollSeconds", "hillClimbSteps", "brownoutMode", "kingTide", "rosterTemplateId", "glasgowComaScale", "bradenScore", "apgarMinute5", "fitzpatrickType", "cushingScreening", "addisonFlag", "huntingtonPanel"}

// npi returns a 10-digit number with the NPI Luhn check (prefix 80840).
func npi(g *G) string {
	base := g.pick("1", "2") + g.digits(8)
	return base + string(luhnDigit("80840"+base))
}

func bsn(g *G) string {
	for {
		d := g.digits(9)
		sum := 0
		for i := 0; i < 8; i++ {
			sum += int(d[i]-'0') * (9 - i)
		}
		sum -= int(d[8] - '0')
		if sum%11 == 0 && d[0] != '0' {
			return d
		}
	}
}

func personnummer(g *G) string {
	b := g.birth()
	s := fmt.Sprintf("%02d%02d%02d%s", b.y%100, b.m, b.d, g.digits(3))
	return s[:6] + "-" + s[6:] + string(luhnDigit(s))
}

func nhsNumber(g *G) string {
	for {
		d := g.digits(9)
		sum := 0
		for i := 0; i < 9; i++ {
			sum += int(d[i]-'0') * (10 - i)
		}
		chk := 11 - sum%11
		if chk == 11 {
			chk = 0
		}
		if chk == 10 {
			continue
		}
		s := d + fmt.Sprint(chk)
		return s[:3] + " " + s[3:6] + " " + s[6:]
	}
}

func iban(g *G) string {
	bban := g.digits(18) // DE: 8-digit bank code + 10-digit account
	// Check digits: move "DE00" to the end, letters to numbers (D=13, E=14).
	num := bban + "131400"
	rem := 0
	for _, ch := range num {
		rem = (rem*10 + int(ch-'0')) % 97
	}
	return fmt.Sprintf("DE%02d%s", 98-rem, bban)
}
