package tune2

import (
	"fmt"
	"strings"

	pb "github.com/phisafe/phisafe/internal/phiblind"
)

// Category shorthands.
const (
	cN   = pb.Name
	cAd  = pb.Address
	cZ   = pb.ZIP
	cD   = pb.Date
	cAg  = pb.Age
	cP   = pb.Phone
	cF   = pb.Fax
	cE   = pb.Email
	cS   = pb.SSN
	cM   = pb.MRN
	cH   = pb.HealthPlan
	cA   = pb.Account
	cL   = pb.License
	cV   = pb.Vehicle
	cDv  = pb.Device
	cU   = pb.URL
	cIP  = pb.IP
	cO   = pb.Other
	s3   = "s3-key"
	meta = "s3-metadata"
	bkt  = "bucket"
	ddb  = "dynamodb-key"
	attr = "attribute-name"
	tbl  = "table-name"
	ec   = "encryption-context"
	subj = "subject"
	topc = "device-topic"
)

type tmpl struct {
	id    string
	shape string
	w     int // relative weight within its polarity
	f     func(g *G) (string, []string)
}

func c(cs ...string) []string { return cs }

func sp(f string, a ...any) string { return fmt.Sprintf(f, a...) }

func (g *G) sysDate() string { return g.svcDate().Format("20060102") }

func lo(s string) string { return strings.ToLower(s) }

func up(s string) string { return strings.ToUpper(s) }

func (g *G) kname(p person) string { return g.keyName(p) }

// compactUpper renders a Latin person as LAST_FIRST in upper ASCII (what
// interface engines and mainframe exports do to names).
func compactUpper(p person) string {
	return up(squash(asciiFold(p.surname), "")) + "_" + up(squash(asciiFold(p.given), ""))
}

var phiTemplates = []tmpl{
	// ---------- EHR exports and interface engines (s3-key) ----------
	{"epic-clarity-pat-export", s3, 2, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("exports/epic/clarity/%s/PAT_%s_%s_%s.csv", g.sysDate(), g.mrn(), compactUpper(p), g.dob().Format("20060102")), c(cN, cD, cM)
	}},
	{"epic-mychart-upload", s3, 1, func(g *G) (string, []string) {
		return sp("mychart/uploads/%s/%s/%s", g.pick("insurance-card", "photo-id", "questionnaire"), g.mrn(), g.pick("front.jpg", "back.jpg", "scan001.pdf", "IMG_"+g.digits(4)+".HEIC")), c(cM)
	}},
	{"cerner-fin-doc", s3, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("ingest/cerner/powerchart/FIN%s/%s_%s.pdf", g.nz(10), g.pick("ed-note", "op-report", "dc-summary", "consent"), lo(asciiFold(squash(p.surname, "")))+lo(firstRune(p.given))), c(cN, cA)
	}},
	{"cerner-person-encntr", s3, 1, func(g *G) (string, []string) {
		return sp("cerner/millennium/extract/person_id=%s/encntr_id=%s/clinical_event.parquet", g.nz(8), g.nz(8)), c(cM)
	}},
	{"meditech-acct-discharge", s3, 1, func(g *G) (string, []string) {
		return sp("meditech/expanse/%s/V%s/discharge_%s.rtf", g.pick("ADM", "ABS", "BAR"), g.digits(11), g.keyDate(g.svcDate())), c(cD, cA)
	}},
	{"meditech-unit-number", s3, 1, func(g *G) (string, []string) {
		return sp("meditech/magic/unit/M%s/%s.txt", g.digits(9), g.pick("allergies", "problems", "meds", "immunizations")), c(cM)
	}},
	{"athena-ccda-patient", s3, 1, func(g *G) (string, []string) {
		return sp("athenahealth/ccda/practice_%s/patient_%s_%s.xml", g.digits(5), g.nz(7), g.kname(g.person())), c(cN, cM)
	}},
	{"mirth-outbound-adt", s3, 2, func(g *G) (string, []string) {
		t := g.svcDate()
		return sp("mirth/channels/%s/out/%s_%s.hl7", g.pick("ADT_A08", "ADT_A01", "ADT_A03", "SIU_S12", "ORU_R01"), t.Format("20060102150405"), g.mrn()), c(cD, cM)
	}},
	{"rhapsody-error-name", s3, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("rhapsody/errorqueue/%s/%s/%s_%s.hl7", g.pick("LAB_IN", "RAD_OUT", "PHARM_IN"), g.uuid()[:8], g.hl7Name(p), g.dob().Format("20060102")), c(cN, cD)
	}},
	{"fhir-bulk-patient-ndjson", s3, 1, func(g *G) (string, []string) {
		return sp("fhir-bulk/export/%s/Patient/%s.ndjson", g.uuid(), g.pick(g.uuid(), g.nz(7), "e"+g.from(alnumLo, 20))), c(cM)
	}},
	{"fhir-bulk-group-named", s3, 1, func(g *G) (string, []string) {
		p := g.person()
		return sp("bulk-export/group=%s/Patient_%s_%s.ndjson", g.pick("diabetes-cohort", "chf-registry", "aco-2024"), g.mrn(), g.kname(p)), c(cN, cM)
	}},
	{"fhir-search-cache-identifier", s3, 1, func(g *G) (string, []string) {
		return sp("cache/fhir/Patient%%3Fidentifier%%3Dhttp%%253A%%252F%%252Fhospital.example.org%%252Fmrn%%257C%s", g.mrn()), c(cM)
	}},
	{"fhir-search-cache-name-dob", s3, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("fhir-cache/R4/Patient?family=%s&given=%s&birthdate=%s.json", asciiFold(squash(p.surname, "%20")), asciiFold(squash(p.given, "%20")), g.dob().Format("2006-01-02")), c(cN, cD)
	}},
	{"ccda-ccd-name-dob", s3, 2, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("ccda/outbound/%s/CCD_%s_%s_%s.xml", g.pick("hie", "payer", "referral"), compactUpper(p), g.dob().Format("20060102"), g.uuid()), c(cN, cD)
	}},
	{"ccda-doc-person-folder", s3, 1, func(g *G) (string, []string) {
		return sp("documents/%s/%s/%s.xml", g.kname(g.person()), g.pick("ccd", "referral-note", "discharge-summary", "progress-note"), g.uuid()), c(cN)
	}},
	// ---------- DICOM and PACS ----------
	{"dicom-date-acc-name", s3, 2, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("pacs/%s/%s/%s/1.2.840.113619.2.%s.%s/IM%04d.dcm", g.svcDate().Format("20060102"), "A"+g.digits(8), g.hl7Name(p), g.digits(3), g.digits(10), g.between(1, 400)), c(cN, cD, cM)
	}},
	{"dicom-patientid-partition", s3, 1, func(g *G) (string, []string) {
		return sp("dicom/PatientID=%s/StudyInstanceUID=1.3.6.1.4.1.%s.%s/series_%d/", g.mrn(), g.digits(5), g.digits(12), g.between(1, 12)), c(cM)
	}},
	{"pacs-router-accession", s3, 1, func(g *G) (string, []string) {
		return sp("pacs-router/outbound/%s/ACC%s.zip", g.pick("RAD_AI_01", "NIGHTHAWK", "ORTHANC_DR", "VNA_MAIN"), g.digits(9)), c(cM)
	}},
	{"dicom-anon-failed-age", s3, 1, func(g *G) (string, []string) {
		return sp("deid/failed/%s_PatientAge_%03dY.dcm", g.uuid(), g.oldAge()), c(cAg)
	}},
	// ---------- X12 files ----------
	{"x12-837-rejected", s3, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("edi/837%s/rejected/%s_%s%s.x12", g.pick("P", "I", "D"), g.claimNo(), up(asciiFold(squash(p.surname, ""))), up(firstRune(asciiFold(p.given)))), c(cN, cA)
	}},
	{"x12-835-clp", s3, 1, func(g *G) (string, []string) {
		return sp("remit/835/%s/CLP_%s.txt", g.pick("bcbsma", "aetna", "uhc", "cigna", "medicare-jk"), g.claimNo()), c(cA)
	}},
	{"x12-271-member-dob", s3, 1, func(g *G) (string, []string) {
		return sp("eligibility/271/responses/%s_%s.edi", g.memberID(), g.dob().Format("20060102")), c(cD, cH)
	}},
	{"x12-834-subscriber", s3, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("enrollment/834/adds/%s-%s.x12", g.memberID(), lo(asciiFold(squash(p.surname, "")))), c(cN, cH)
	}},
	// ---------- pharmacy, labs ----------
	{"rx-label", s3, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("pharmacy/rx-labels/RX%s_%s.pdf", g.digits(7), lo(asciiFold(squash(p.surname, "")))+lo(firstRune(p.given))), c(cN, cM)
	}},
	{"lab-accession-loinc", s3, 1, func(g *G) (string, []string) {
		return sp("lab/results/%s-%s-%s/%s.pdf", g.digits(2), g.pick("CH", "HE", "MB", "SP"), g.digits(6), g.pick("2345-7", "4548-4", "718-7", "94500-6")), c(cM)
	}},
	{"biobank-specimen-dob", s3, 1, func(g *G) (string, []string) {
		return sp("biobank/specimens/SPC%s_%s.csv", g.digits(8), g.keyDate(g.dob())), c(cD, cM)
	}},
	// ---------- wearables / IoMT ----------
	{"wearable-email-sleep", s3, 1, func(g *G) (string, []string) {
		return sp("wearables/%s/%s/sleep/%s.json", g.pick("fitbit", "garmin", "oura", "withings"), g.email(g.person()), g.svcDate().Format("2006-01-02")), c(cD, cE)
	}},
	{"cgm-serial-egv", s3, 1, func(g *G) (string, []string) {
		return sp("iomt/cgm/%s/%s/egv/latest.json", g.pick("dexcom-g7", "libre3", "guardian4"), g.serial()), c(cDv)
	}},
	{"imei-hub-upload", s3, 1, func(g *G) (string, []string) {
		return sp("rpm/hubs/imei-%s/uploads/%s.bin", g.imei(), g.ulid()), c(cDv)
	}},
	{"udi-implant-registry", s3, 1, func(g *G) (string, []string) {
		return sp("implant-registry/udi/%s/explant-report.pdf", strings.NewReplacer("(", "", ")", "_").Replace(g.udi())), c(cDv)
	}},
	// ---------- telehealth, call centre ----------
	{"telehealth-session-mrn", s3, 1, func(g *G) (string, []string) {
		return sp("telehealth/recordings/%s_%s.mp4", g.uuid(), "pt"+g.mrn()), c(cM)
	}},
	{"connect-recording-ani", s3, 2, func(g *G) (string, []string) {
		t := g.svcDate()
		return sp("connect/recordings/%s/%s_%s_%s.wav", t.Format("2006/01/02"), g.uuid(), g.phoneKey(), t.Format("20060102T150405")), c(cD, cP)
	}},
	{"callcenter-voicemail-name", s3, 1, func(g *G) (string, []string) {
		return sp("nurse-line/voicemail/%s/%s.mp3", g.kname(g.person()), g.ulid()), c(cN)
	}},
	// ---------- HR / occupational health ----------
	{"occhealth-emp-name", s3, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("hr/occupational-health/EMP%s/%s_%s.pdf", g.digits(6), compactUpper(p), g.pick("fit-test", "tb-screen", "hep-b-titer", "drug-screen")), c(cN, cO)
	}},
	{"i9-passport", s3, 1, func(g *G) (string, []string) {
		return sp("hr/i9/employee-%s/passport_%s.pdf", g.digits(6), g.passport()), c(cL, cO)
	}},
	{"badge-face-photo", s3, 1, func(g *G) (string, []string) {
		return sp("security/badge-photos/%s_%s.jpg", g.pick("E", "EMP", "emp-")+g.digits(6), g.kname(g.latinPerson())), c(cN, cO)
	}},
	// ---------- research ----------
	{"research-subject-dob", s3, 1, func(g *G) (string, []string) {
		return sp("research/IRB-%d-%04d/subjects/SUBJ-%04d_%s.csv", g.between(2019, 2025), g.n(9999), g.n(9999), g.keyDate(g.dob())), c(cD)
	}},
	{"research-subject-name", s3, 1, func(g *G) (string, []string) {
		return sp("studies/%s/consent/%s-%03d_%s.pdf", g.pick("STEP-HF", "ACCORD2", "KIDS-ASTHMA"), g.pick("S", "SUBJ", "P"), g.n(999), g.kname(g.person())), c(cN)
	}},
	// ---------- billing, collections ----------
	{"billing-statement", s3, 2, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("billing/statements/cycle-%02d/%s_%s.pdf", g.between(1, 28), g.acct(), lo(asciiFold(squash(p.surname, "-")))), c(cN, cA)
	}},
	{"collections-placement", s3, 1, func(g *G) (string, []string) {
		return sp("collections/placements/%s/%s_%s_%s.json", g.pick("ccs", "transworld", "harris-co"), g.acct(), compactUpper(g.latinPerson()), g.phoneKey()), c(cN, cP, cA)
	}},
	{"card-chargeback", s3, 1, func(g *G) (string, []string) {
		return sp("payments/chargebacks/%s/%s.pdf", g.card(), g.pick("evidence", "dispute-letter", "receipt")), c(cA)
	}},
	{"sepa-refund-iban", s3, 1, func(g *G) (string, []string) {
		return sp("sepa/refunds/%s/%s_%s.xml", g.pick("pain001", "camt054"), g.iban(), lo(asciiFold(squash(g.latinPerson().surname, "")))), c(cN, cA)
	}},
	// ---------- identity documents, biometrics ----------
	{"idv-selfie-dl", s3, 1, func(g *G) (string, []string) {
		return sp("idverify/selfies/%s_DL%s.jpg", g.kname(g.latinPerson()), g.dl()), c(cN, cL)
	}},
	{"dmv-dl-scan", s3, 1, func(g *G) (string, []string) {
		return sp("intake/id-scans/%s/dl-%s-%s.png", g.pick("CA", "NY", "TX", "FL", "IL", "WA"), g.dl(), g.pick("front", "back")), c(cL)
	}},
	{"biometric-template", s3, 1, func(g *G) (string, []string) {
		return sp("biometrics/%s/%s.%s", g.pick("fingerprint-templates", "iris-codes", "faceprints", "voiceprints"), g.pick("FP-", "IRIS-", "FACE-", "VP-")+strings.ToUpper(g.hex(16)), g.pick("iso19794", "bin", "tpl")), c(cO)
	}},
	{"patient-face-photo", s3, 1, func(g *G) (string, []string) {
		return sp("portal/avatars/%s/face_%s.jpg", g.mrn(), g.pick("frontal", "full", "id-match")), c(cM)
	}},
	// ---------- vehicles ----------
	{"auto-claim-vin", s3, 1, func(g *G) (string, []string) {
		return sp("claims/auto-pip/%s/VIN_%s/photos/%02d.jpg", g.claimNo(), g.vin(), g.between(1, 30)), c(cA, cV)
	}},
	{"nemt-plate-trip", s3, 1, func(g *G) (string, []string) {
		return sp("nemt/trips/%s/%s_%s.json", g.svcDate().Format("2006-01-02"), strings.ReplaceAll(g.plate(), " ", ""), lo(asciiFold(squash(g.latinPerson().surname, "")))), c(cN, cD, cV)
	}},
	{"parking-vin-patient", s3, 1, func(g *G) (string, []string) {
		return sp("valet/patient-vehicles/%s/%s.json", g.mrn(), g.vin()), c(cM, cV)
	}},
	// ---------- network / url / address / zip / age / fax / ssn / intl ----------
	{"portal-login-fail-ip", s3, 1, func(g *G) (string, []string) {
		return sp("audit/portal/login-failures/%s_%s.json", g.pick(g.ipv4Public(), strings.ReplaceAll(g.ipv6Public(), ":", "-")), g.email(g.person())), c(cE, cIP)
	}},
	{"profile-url-crawl", s3, 2, func(g *G) (string, []string) {
		p := g.latinPerson()
		u := sp("https%%3A%%2F%%2Fwww.%s%%2F%s", g.pick("facebook.com", "linkedin.com%2Fin", "instagram.com"), lo(asciiFold(squash(p.given, "")))+"."+lo(asciiFold(squash(p.surname, ""))))
		return sp("osint/patient-verification/%s.html", u), c(cU)
	}},
	{"home-health-address", s3, 1, func(g *G) (string, []string) {
		city, st, _ := g.cityStateZip()
		return sp("home-health/visits/%s_%s_%s/%s.pdf", strings.ReplaceAll(g.street(), " ", "-"), city, st, g.svcDate().Format("2006-01-02")), c(cAd, cD)
	}},
	{"mail-return-zip", s3, 1, func(g *G) (string, []string) {
		_, _, z := g.cityStateZip()
		return sp("mailroom/returns/%s-%s/%s.pdf", z, g.digits(4), g.kname(g.latinPerson())), c(cN, cZ)
	}},
	{"geriatrics-age", s3, 1, func(g *G) (string, []string) {
		return sp("geriatrics/assessments/%s/%s.pdf", g.ageKey(g.oldAge()), lo(asciiFold(squash(g.latinPerson().surname, "")))), c(cN, cAg)
	}},
	{"hospice-census-age", s3, 1, func(g *G) (string, []string) {
		return sp("hospice/census/%s_%s.json", g.mrn(), g.ageKey(g.oldAge())), c(cAg, cM)
	}},
	{"patient-fax-contact", s3, 1, func(g *G) (string, []string) {
		a, e, s := g.nanp()
		return sp("patients/%s/contact/%s.vcf", g.mrn(), g.pick("fax-"+a+e+s, "homefax_"+a+"-"+e+"-"+s, "fax_+1"+a+e+s)), c(cF, cM)
	}},
	{"efax-inbound-patient", s3, 1, func(g *G) (string, []string) {
		a, e, s := g.nanp()
		return sp("efax/inbound/from-patient/%s%s%s_%s.tif", a, e, s, g.ulid()), c(cF)
	}},
	{"tax-1095-ssn", s3, 2, func(g *G) (string, []string) {
		a, b, cc := g.ssn()
		return sp("tax/%s/%d/%s.pdf", g.pick("1095-b", "1099-misc", "w2"), g.between(2019, 2024), g.pick(a+"-"+b+"-"+cc, "ssn="+a+b+cc, "SSN_"+a+b+cc)), c(cS)
	}},
	{"kyc-national-id", s3, 2, func(g *G) (string, []string) {
		t := g.dob()
		p := g.latinPerson()
		var cc, id string
		switch g.n(11) {
		case 0:
			cc, id = "ca", g.sin()
		case 1:
			cc, id = "in", g.aadhaar()
		case 2:
			cc, id = "br", g.cpf()
		case 3:
			cc, id = "fr", strings.ReplaceAll(g.nir(t), " ", "")
		case 4:
			cc, id = "nl", g.bsn()
		case 5:
			cc, id = "se", g.personnummer(t)
		case 6:
			cc, id = "es", g.dni()
		case 7:
			cc, id = "pl", g.pesel(t)
		case 8:
			cc, id = "it", g.codiceFiscale(p, t)
		case 9:
			cc, id = "mx", g.curp(p, t)
		default:
			cc, id = "kr", g.rrn(t)
		}
		return sp("intl-patients/%s/national-id/%s.pdf", cc, id), c(cS)
	}},
	{"nhs-referral", s3, 1, func(g *G) (string, []string) {
		n := g.nhs()
		return sp("uk/referrals/%s/%s.pdf", g.pick(n, n[:3]+" "+n[3:6]+" "+n[6:], "nhs-"+n), g.pick("2ww", "routine", "urgent")), c(cH)
	}},
	{"medicare-mbi-eob", s3, 1, func(g *G) (string, []string) {
		m := g.mbi()
		return sp("medicare/eob/%s/%d-q%d.pdf", g.pick(m, m[:4]+"-"+m[4:7]+"-"+m[7:]), g.between(2020, 2024), g.between(1, 4)), c(cH)
	}},
	{"au-medicare-claim", s3, 1, func(g *G) (string, []string) {
		return sp("au/medicare/bulk-bill/%s/%s.json", g.medicareAU(), g.uuid()), c(cH)
	}},
	{"jp-mynumber-form", s3, 1, func(g *G) (string, []string) {
		return sp("jp/kenpo/mynumber_%s/%s.pdf", g.myNumber(), g.pick("shikaku", "kogaku", "hihokensha")), c(cS)
	}},
	// ---------- logs, pipelines, lakes (path-like: s3-key) ----------
	{"cwl-stream-patient", s3, 1, func(g *G) (string, []string) {
		return sp("/ecs/%s/patient-%s/%s", g.pick("intake-api", "hl7-listener", "claims-worker"), g.mrn(), g.hex(32)), c(cM)
	}},
	{"firehose-mrn-partition", s3, 1, func(g *G) (string, []string) {
		t := g.svcDate()
		return sp("firehose/adt-events/mrn=%s/%s/adt-stream-1-%s-%s", g.mrn(), t.Format("2006/01/02/15"), t.Format("2006-01-02-15-04-05"), g.uuid()), c(cD, cM)
	}},
	{"lake-partition-lastname", s3, 1, func(g *G) (string, []string) {
		return sp("warehouse/claims/patient_last_name=%s/part-00000-%s.snappy.parquet", lo(asciiFold(squash(g.latinPerson().surname, "_"))), g.uuid()), c(cN)
	}},
	{"athena-export-named", s3, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("athena/adhoc/%s/export_%s%s_%s.csv", g.uuid(), initials(p), g.dob().Format("20060102"), g.pick("labs", "meds", "claims")), c(cN, cD)
	}},
	{"step-fn-output", s3, 1, func(g *G) (string, []string) {
		return sp("sfn-output/%s/%s.json", g.pick("PriorAuth", "Referral", "Discharge"), g.pick("pa-", "ref-", "dc-")+g.mrn()+"-"+g.svcDate().Format("20060102")), c(cD, cM)
	}},
	{"s3-person-folder-dob", s3, 2, func(g *G) (string, []string) {
		p := g.person()
		return sp("records/%s/%s_dob_%s.%s", g.pick("scans", "intake", "legacy", "outside-records"), g.kname(p), g.keyDate(g.dob()), g.pick("pdf", "tif", "docx", "jpg")), c(cN, cD)
	}},
	{"s3-initials-dob", s3, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("uploads/%s%s/%s", initials(p), g.dob().Format(g.pick("20060102", "010206", "01022006")), g.pick("consent.pdf", "ins-card.jpg", "history.docx")), c(cN, cD)
	}},
	{"s3-intl-name-native", s3, 2, func(g *G) (string, []string) {
		p := g.intlPerson()
		return sp("clinics/%s/patients/%s/%s", g.pick("tokyo", "seoul", "dubai", "kyiv", "athens", "bangkok", "tel-aviv", "kathmandu", "tbilisi", "yerevan", "shanghai"), g.kname(p), g.pick("history.pdf", "x-ray.dcm", "labs.csv")), c(cN)
	}},
	{"s3-dob-in-path-text", s3, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("scanned/%s %s/DOB %s/%s.pdf", asciiFold(p.given), asciiFold(p.surname), g.dob().Format("01-02-2006"), g.pick("Scan", "Document", "IMG")+g.digits(4)), c(cN, cD)
	}},
	{"s3-phone-voicemail", s3, 1, func(g *G) (string, []string) {
		return sp("sms/inbound/%s/%s.json", g.pick(g.phoneKey(), strings.ReplaceAll(g.intlPhoneKey(), "+", "%2B")), g.ulid()), c(cP)
	}},

	// ---------- S3 user metadata ----------
	{"meta-patient-name", meta, 2, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("patient-name", "patientname", "pt_name", "subject-name", "insured-name"), g.textName(g.person())), c(cN)
	}},
	{"meta-dob", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("dob", "birth-date", "date-of-birth", "patient-birthdate"), g.textDate(g.dob())), c(cD)
	}},
	{"meta-hl7-pid", meta, 2, func(g *G) (string, []string) {
		p := g.latinPerson()
		a, e, s := g.nanp()
		city, st, z := g.cityStateZip()
		return sp("x-amz-meta-pid: PID|1||%s^^^%s^MR||%s||%s|%s|||%s^^%s^%s^%s%s||(%s)%s-%s", g.mrn(), g.pick("MGH", "EPIC", "HOSP"), g.hl7Name(p), g.dob().Format("20060102"), g.pick("F", "M", "U"), g.street(), city, st, z, g.pick("", "-"+g.digits(4)), a, e, s), c(cN, cAd, cZ, cD, cP, cM)
	}},
	{"meta-hl7-pid3", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-pid-3: %s^^^%s^%s", g.mrn(), g.pick("ACME", "UCSF", "2.16.840.1.113883.3.72"), g.pick("MR", "PI", "MRN")), c(cM)
	}},
	{"meta-hl7-pv1", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-pv1: PV1|1|%s|%s^%d^%s||||||||||||||||V%s|||||||||||||||||||||||||%s", g.pick("I", "E", "O"), g.pick("4W", "ICU", "ED", "L&D"), g.between(100, 999), g.pick("A", "B"), g.digits(9), g.svcDate().Format("200601021504")), c(cD, cM)
	}},
	{"meta-hl7-nk1", meta, 1, func(g *G) (string, []string) {
		city, st, z := g.cityStateZip()
		a, e, s := g.nanp()
		return sp("x-amz-meta-nk1: NK1|1|%s|%s|%s^^%s^%s^%s|(%s)%s-%s", g.hl7Name(g.latinPerson()), g.pick("SPO^Spouse", "MTH^Mother", "CHD^Child", "GRD^Guardian"), g.street(), city, st, z, a, e, s), c(cN, cAd, cZ, cP)
	}},
	{"meta-hl7-in1", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-in1: IN1|1|%s|%s|%s||||GRP%s|||||||%s|%s|||||||||||||||||||%s", g.pick("PPO500", "HMO-A", "MCR-B"), g.digits(5), g.pick("BLUE CROSS MA", "AETNA", "UNITEDHEALTHCARE", "MEDICARE"), g.digits(6), g.hl7Name(g.latinPerson()), g.pick("01", "SEL", "18"), g.memberID()), c(cN, cH)
	}},
	{"meta-hl7-gt1", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-gt1: GT1|1|%s|%s||%s", g.acct(), g.hl7Name(g.latinPerson()), g.street()), c(cN, cAd, cA)
	}},
	{"meta-hl7-orc-obr", meta, 1, func(g *G) (string, []string) {
		t := g.svcDate()
		if g.chance(0.5) {
			return sp("x-amz-meta-orc: ORC|RE|%s^EPIC|%s^LAB||CM||||%s", g.digits(9), g.from(upper, 2)+g.digits(8), t.Format("20060102150405")), c(cD, cM)
		}
		return sp("x-amz-meta-obr: OBR|1|%s|%s|%s^%s^LN|||%s", g.digits(9), g.digits(2)+"-"+g.digits(6), g.pick("24323-8", "57021-8", "58410-2"), g.pick("CMP", "CBC W Auto Differential", "CBC panel"), t.Format("200601021504")), c(cD, cM)
	}},
	{"meta-hl7-obx-dated", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-obx: OBX|1|NM|%s||%d|%s|||||F|||%s", g.pick("2345-7^Glucose^LN", "718-7^Hemoglobin^LN", "4548-4^HbA1c^LN"), g.between(5, 250), g.pick("mg/dL", "g/dL", "%"), g.svcDate().Format("20060102150405")), c(cD)
	}},
	{"meta-dicom-name", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("dicom-patientname", "0010-0010", "PatientName"), g.hl7Name(g.latinPerson())), c(cN)
	}},
	{"meta-dicom-birthdate", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("0010-0030", "patientbirthdate", "dicom-birthdate"), g.dob().Format("20060102")), c(cD)
	}},
	{"meta-dicom-accession", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("accessionnumber", "0008-0050", "accession"), g.pick("A", "ACC", "RAD", "")+g.digits(g.between(7, 10))), c(cM)
	}},
	{"meta-dicom-age", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %03dY", g.pick("0010-1010", "patientage", "dicom-age"), g.oldAge()), c(cAg)
	}},
	{"meta-dicom-studydate-pid", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-study: %s/%s", g.mrn(), g.svcDate().Format("20060102")), c(cD, cM)
	}},
	{"meta-x12-nm1-il", meta, 2, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("x-amz-meta-x12-seg: NM1*IL*1*%s*%s****MI*%s~", up(asciiFold(p.surname)), up(asciiFold(p.given)), g.memberID()), c(cN, cH)
	}},
	{"meta-x12-dmg", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-x12-seg: DMG*D8*%s*%s~", g.dob().Format("20060102"), g.pick("F", "M", "U")), c(cD)
	}},
	{"meta-x12-ref-sy", meta, 1, func(g *G) (string, []string) {
		a, b, cc := g.ssn()
		return sp("x-amz-meta-x12-seg: REF*SY*%s%s%s~", a, b, cc), c(cS)
	}},
	{"meta-x12-clm", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-x12-seg: CLM*%s*%d.%02d***11:B:1*Y*A*Y*Y~", g.pick("PCN", "")+g.digits(10), g.between(50, 9000), g.n(100)), c(cA)
	}},
	{"meta-x12-n3n4", meta, 1, func(g *G) (string, []string) {
		city, st, z := g.cityStateZip()
		return sp("x-amz-meta-x12-seg: N3*%s~N4*%s*%s*%s%s~", up(g.street()), up(city), st, z, g.digits(4)), c(cAd, cZ)
	}},
	{"meta-national-id", meta, 1, func(g *G) (string, []string) {
		t := g.dob()
		switch g.n(6) {
		case 0:
			return "x-amz-meta-cpf: " + g.cpf(), c(cS)
		case 1:
			return "x-amz-meta-nir: " + g.nir(t), c(cS)
		case 2:
			return "x-amz-meta-pesel: " + g.pesel(t), c(cS)
		case 3:
			return "x-amz-meta-dni: " + g.dni(), c(cS)
		case 4:
			a := g.aadhaar()
			return "x-amz-meta-aadhaar: " + a[:4] + " " + a[4:8] + " " + a[8:], c(cS)
		}
		a, b, cc := g.ssn()
		return "x-amz-meta-ssn: " + g.pick(a+"-"+b+"-"+cc, a+" "+b+" "+cc, a+b+cc), c(cS)
	}},
	{"meta-email", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("notify-email", "patient-email", "reply-to", "owner"), g.email(g.person())), c(cE)
	}},
	{"meta-phone", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("callback", "mobile", "patient-phone", "caller-ani"), g.pick(g.phoneText(), g.intlPhone())), c(cP)
	}},
	{"meta-fax", meta, 2, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("patient-fax", "home-fax", "guarantor-fax", "fax"), g.phoneText()), c(cF)
	}},
	{"meta-client-ip", meta, 2, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("portal-client-ip", "uploader-ip", "x-forwarded-for", "patient-ip"), g.pick(g.ipv4Public(), g.ipv6Public())), c(cIP)
	}},
	{"meta-profile-url", meta, 2, func(g *G) (string, []string) {
		p := g.latinPerson()
		gv, sn := lo(asciiFold(squash(p.given, ""))), lo(asciiFold(squash(p.surname, "")))
		return sp("x-amz-meta-%s: %s", g.pick("source-url", "profile", "homepage"), g.pick("https://www.linkedin.com/in/"+gv+"-"+sn+"-"+g.hex(8), "https://"+gv+sn+".com/", "https://www.facebook.com/"+gv+"."+sn+"."+g.digits(3), "https://github.com/"+firstRune(gv)+sn)), c(cU)
	}},
	{"meta-fhir-url", meta, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("x-amz-meta-source-url: https://fhir.%s.org/r4/Patient?family=%s&birthdate=%s", g.pick("stmarys-example", "valley-health", "northwind-hie"), asciiFold(squash(p.surname, "%20")), g.dob().Format("2006-01-02")), c(cN, cD, cU)
	}},
	{"meta-chart-url", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-chart-link: https://ehr.%s.org/chart/patient/%s/summary", g.pick("valley-health", "example-med", "lakeside"), g.mrn()), c(cM, cU)
	}},
	{"meta-age", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("patient-age", "age", "age-at-visit"), g.pick(fmt.Sprint(g.oldAge()), g.ageText(g.oldAge()))), c(cAg)
	}},
	{"meta-zip", meta, 1, func(g *G) (string, []string) {
		_, _, z := g.cityStateZip()
		if g.chance(0.4) {
			return "x-amz-meta-zip3: " + restrictedZIP3[g.n(len(restrictedZIP3))], c(cZ)
		}
		return sp("x-amz-meta-%s: %s", g.pick("home-zip", "patient-zip", "postal-code"), z+g.pick("", "-"+g.digits(4))), c(cZ)
	}},
	{"meta-address", meta, 1, func(g *G) (string, []string) {
		city, st, z := g.cityStateZip()
		return sp("x-amz-meta-home-address: %s, %s %s %s", g.street(), city, st, z), c(cAd, cZ)
	}},
	{"meta-patient-city", meta, 1, func(g *G) (string, []string) {
		city, _, _ := g.cityStateZip()
		return sp("x-amz-meta-%s: %s", g.pick("patient-city", "residence-city", "home-county"), city), c(cAd)
	}},
	{"meta-vin", meta, 1, func(g *G) (string, []string) {
		if g.chance(0.3) {
			return "x-amz-meta-insured-plate: " + g.plate(), c(cV)
		}
		return sp("x-amz-meta-%s: %s", g.pick("vin", "insured-vehicle-vin", "mva-vin"), g.vin()), c(cV)
	}},
	{"meta-device-serial", meta, 1, func(g *G) (string, []string) {
		switch g.n(4) {
		case 0:
			return "x-amz-meta-pacemaker-serial: " + g.serial(), c(cDv)
		case 1:
			return "x-amz-meta-implant-udi: " + g.udi(), c(cDv)
		case 2:
			return "x-amz-meta-phone-imei: " + g.imei(), c(cDv)
		}
		return "x-amz-meta-wearable-mac: " + g.mac(g.pick(":", "-", "")), c(cDv)
	}},
	{"meta-other-ids", meta, 1, func(g *G) (string, []string) {
		switch g.n(4) {
		case 0:
			return "x-amz-meta-voiceprint-id: VP-" + g.hex(20), c(cO)
		case 1:
			return "x-amz-meta-student-id: " + g.pick("S", "") + g.digits(8), c(cO)
		case 2:
			return "x-amz-meta-alien-number: A" + g.digits(9), c(cO)
		}
		return "x-amz-meta-employee-id: " + g.pick("E", "EMP-", "") + g.digits(6), c(cO)
	}},
	{"meta-license", meta, 2, func(g *G) (string, []string) {
		if g.chance(0.5) {
			return "x-amz-meta-passport-no: " + g.passport(), c(cL)
		}
		return sp("x-amz-meta-%s: %s", g.pick("drivers-license", "dl-number", "dl"), g.dl()), c(cL)
	}},
	{"meta-sqs-attr-mrn", meta, 1, func(g *G) (string, []string) {
		return sp("MessageAttributes.%s: %s", g.pick("patientMrn", "PatientId", "mrn"), g.mrn()), c(cM)
	}},
	{"meta-sns-attr-email", meta, 1, func(g *G) (string, []string) {
		return sp("MessageAttributes.%s: %s", g.pick("recipient", "toAddress", "patientEmail"), g.email(g.person())), c(cE)
	}},
	{"meta-member-id", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("member-id", "subscriber-id", "policy-number", "ncpdp-cardholder-id"), g.memberID()), c(cH)
	}},
	{"meta-account", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("guarantor-account", "har", "patient-account", "claim-number"), g.pick(g.acct(), g.claimNo())), c(cA)
	}},

	// ---------- buckets ----------
	{"bucket-person", bkt, 2, func(g *G) (string, []string) {
		p := g.latinPerson()
		gv, sn := lo(asciiFold(squash(p.given, "-"))), lo(asciiFold(squash(p.surname, "-")))
		return bucketSafe(g.pick(sn+"-"+gv+"-medical-records", gv+sn+"-"+g.digits(4), "dr-visit-"+gv+"-"+sn, sn+"-family-health-docs")), c(cN)
	}},
	{"bucket-patient-mrn", bkt, 1, func(g *G) (string, []string) {
		return sp("patient-%s-%s", lo(g.mrn()), g.pick("imaging", "uploads", "export")), c(cM)
	}},
	{"bucket-initials-dob", bkt, 1, func(g *G) (string, []string) {
		return bucketSafe(sp("%s%s-%s", initials(g.latinPerson()), g.dob().Format("20060102"), g.pick("uploads", "scans", "backup"))), c(cN, cD)
	}},
	{"bucket-member", bkt, 1, func(g *G) (string, []string) {
		return sp("claims-member-%s", lo(g.memberID())), c(cH)
	}},

	// ---------- DynamoDB keys ----------
	{"ddb-patient-pk", ddb, 2, func(g *G) (string, []string) {
		return sp("%s#%s", g.pick("PATIENT", "PAT", "patient", "P"), g.pick(g.mrn(), g.uuid())), c(cM)
	}},
	{"ddb-tenant-patient-enc", ddb, 1, func(g *G) (string, []string) {
		return sp("TENANT#%s#PATIENT#%s#ENC#%s", g.pick("acme", "t-042", "northwind"), g.mrn(), g.nz(9)), c(cM)
	}},
	{"ddb-gsi-name", ddb, 1, func(g *G) (string, []string) {
		p := g.person()
		return sp("NAME#%s#%s", up(squash(p.surname, "_")), up(squash(p.given, "_"))), c(cN)
	}},
	{"ddb-gsi-dob-name", ddb, 1, func(g *G) (string, []string) {
		return sp("DOB#%s#LAST#%s", g.dob().Format("2006-01-02"), lo(asciiFold(squash(g.latinPerson().surname, "")))), c(cN, cD)
	}},
	{"ddb-email", ddb, 1, func(g *G) (string, []string) {
		return "EMAIL#" + g.email(g.person()), c(cE)
	}},
	{"ddb-phone", ddb, 1, func(g *G) (string, []string) {
		a, e, s := g.nanp()
		return "PHONE#" + g.pick("+1"+a+e+s, a+e+s, strings.ReplaceAll(g.intlPhone(), " ", "")), c(cP)
	}},
	{"ddb-member", ddb, 1, func(g *G) (string, []string) {
		return sp("MEMBER#%s#PLAN#%s", g.memberID(), g.pick("PPO", "HMO", "MAPD", "MEDICAID")), c(cH)
	}},
	{"ddb-mbi", ddb, 1, func(g *G) (string, []string) {
		return "MBI#" + g.mbi(), c(cH)
	}},
	{"ddb-claim", ddb, 1, func(g *G) (string, []string) {
		return sp("CLAIM#%s#LINE#%d", g.claimNo(), g.between(1, 9)), c(cA)
	}},
	{"ddb-ssn-lookup", ddb, 1, func(g *G) (string, []string) {
		a, b, cc := g.ssn()
		return "SSN#" + g.pick(a+b+cc, a+"-"+b+"-"+cc), c(cS)
	}},
	{"ddb-user-device", ddb, 1, func(g *G) (string, []string) {
		return sp("USER#%s#DEVICE#%s", g.email(g.person()), g.mac(":")), c(cE, cDv)
	}},
	{"ddb-imei", ddb, 1, func(g *G) (string, []string) {
		return "DEVICE#" + g.pick("IMEI#"+g.imei(), "BLE#"+g.mac(":"), "SN#"+g.serial()), c(cDv)
	}},
	{"ddb-appt", ddb, 2, func(g *G) (string, []string) {
		t := g.svcDate()
		return sp("APPT#%s#PATIENT#%s", t.Format("2006-01-02T15:04"), g.mrn()), c(cD, cM)
	}},
	{"ddb-rx", ddb, 1, func(g *G) (string, []string) {
		return sp("RX#%s#FILL#%d", g.digits(7), g.between(0, 11)), c(cM)
	}},
	{"ddb-study-subject-dob", ddb, 1, func(g *G) (string, []string) {
		return sp("STUDY#IRB-%d-%04d#SUBJ#%04d#DOB#%s", g.between(2019, 2025), g.n(9999), g.n(9999), g.dob().Format("20060102")), c(cD)
	}},
	{"ddb-vehicle", ddb, 1, func(g *G) (string, []string) {
		if g.chance(0.5) {
			return "VIN#" + g.vin(), c(cV)
		}
		return sp("PLATE#%s#%s", g.pick("CA", "NY", "TX", "UK", "DE"), strings.ReplaceAll(g.plate(), " ", "")), c(cV)
	}},
	{"ddb-telehealth-session-user", ddb, 1, func(g *G) (string, []string) {
		return sp("SESSION#%s#PATIENT#%s", g.uuid(), g.mrn()), c(cM)
	}},
	{"ddb-ip-ratelimit", ddb, 1, func(g *G) (string, []string) {
		return sp("RATELIMIT#PORTAL#IP#%s", g.pick(g.ipv4Public(), g.ipv6Public())), c(cIP)
	}},
	{"ddb-emp-occhealth", ddb, 1, func(g *G) (string, []string) {
		return sp("EMP#%s#OCCHEALTH#%s", g.digits(6), g.pick("TB", "FLU", "N95", "HEPB")), c(cO)
	}},
	{"ddb-license", ddb, 2, func(g *G) (string, []string) {
		if g.chance(0.5) {
			return "PASSPORT#" + g.passport(), c(cL)
		}
		return sp("DL#%s#%s", g.pick("CA", "NY", "TX", "FL"), g.dl()), c(cL)
	}},
	{"ddb-kinesis-pk", ddb, 1, func(g *G) (string, []string) {
		return sp("%s-%s", g.pick("mrn", "pt", "patient"), g.mrn()), c(cM)
	}},
	{"ddb-sfn-exec", ddb, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("intake-%s-%s-%s", lo(asciiFold(squash(p.surname, ""))), lo(asciiFold(squash(p.given, ""))), g.hex(8)), c(cN)
	}},
	{"ddb-npi-patient", ddb, 1, func(g *G) (string, []string) {
		return sp("NPI#%s#PATIENT#%s", g.npi(), g.mrn()), c(cM)
	}},
	{"ddb-account", ddb, 1, func(g *G) (string, []string) {
		if g.chance(0.3) {
			return "IBAN#" + g.iban(), c(cA)
		}
		return "ACCT#" + g.acct(), c(cA)
	}},
	{"ddb-address-zip", ddb, 1, func(g *G) (string, []string) {
		_, _, z := g.cityStateZip()
		return sp("ZIP#%s#ADDR#%s", z, up(strings.ReplaceAll(g.street(), " ", "_"))), c(cAd, cZ)
	}},
	{"ddb-x12-sortkey", ddb, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("837#NM1*QC*1*%s*%s#DMG*D8*%s", up(asciiFold(p.surname)), up(asciiFold(p.given)), g.dob().Format("20060102")), c(cN, cD)
	}},
	{"ddb-age-bucket-person", ddb, 1, func(g *G) (string, []string) {
		return sp("AGE#%d#PATIENT#%s", g.oldAge(), g.mrn()), c(cAg, cM)
	}},
	{"ddb-fax", ddb, 1, func(g *G) (string, []string) {
		a, e, s := g.nanp()
		return sp("PATIENT#%s#FAX#%s", g.mrn(), g.pick("+1"+a+e+s, a+e+s)), c(cF, cM)
	}},

	// ---------- attribute names used as map keys ----------
	{"attr-phone-mapkey", attr, 1, func(g *G) (string, []string) {
		return sp("contacts.%s", g.phoneKey()), c(cP)
	}},
	{"attr-email-mapkey", attr, 1, func(g *G) (string, []string) {
		return sp("subscriptions.%s", g.email(g.person())), c(cE)
	}},
	{"attr-guardian-name", attr, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("guardian_%s_%s", asciiFold(squash(p.given, "")), asciiFold(squash(p.surname, ""))), c(cN)
	}},
	{"attr-mrn-mapkey", attr, 1, func(g *G) (string, []string) {
		return sp("vitals_%s", g.mrn()), c(cM)
	}},
	{"attr-device-mapkey", attr, 1, func(g *G) (string, []string) {
		return sp("pairedDevices.%s", g.pick(strings.ReplaceAll(g.mac(":"), ":", "_"), g.serial())), c(cDv)
	}},

	// ---------- table names ----------
	{"table-per-patient", tbl, 1, func(g *G) (string, []string) {
		return sp("patient_%s_%s", g.mrn(), g.pick("vitals", "notes", "timeline")), c(cM)
	}},
	{"table-tmp-export-name", tbl, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("tmp_export_%s_%s_%s", lo(asciiFold(squash(p.surname, ""))), lo(asciiFold(squash(p.given, ""))), g.svcDate().Format("20060102")), c(cN, cD)
	}},
	{"table-member-claims", tbl, 1, func(g *G) (string, []string) {
		return sp("%s-claims", g.memberID()), c(cH)
	}},
	{"table-study-initials-dob", tbl, 1, func(g *G) (string, []string) {
		return sp("study42_subject_%s%s", initials(g.latinPerson()), g.dob().Format("20060102")), c(cN, cD)
	}},

	// ---------- KMS encryption context values ----------
	{"ec-patient-ref", ec, 2, func(g *G) (string, []string) {
		return g.pick("Patient/", "patient/", "tenant-7/patient/", "urn:patient:") + g.pick(g.mrn(), g.uuid()), c(cM)
	}},
	{"ec-email", ec, 1, func(g *G) (string, []string) { return g.email(g.person()), c(cE) }},
	{"ec-claim", ec, 1, func(g *G) (string, []string) { return "claim:" + g.claimNo(), c(cA) }},
	{"ec-member", ec, 1, func(g *G) (string, []string) { return "member:" + g.memberID(), c(cH) }},
	{"ec-s3-arn-named", ec, 2, func(g *G) (string, []string) {
		return sp("arn:aws:s3:::%s/records/%s_%s.pdf", g.pick("acme-phi-prod", "records-vault-use1"), g.kname(g.person()), g.keyDate(g.dob())), c(cN, cD)
	}},
	{"ec-device", ec, 1, func(g *G) (string, []string) { return "device:" + g.pick(g.imei(), g.serial()), c(cDv) }},
	{"ec-subject-name", ec, 1, func(g *G) (string, []string) { return g.textName(g.person()), c(cN) }},

	// ---------- mail subjects ----------
	{"subj-en-appt", subj, 2, func(g *G) (string, []string) {
		p := g.person()
		return sp("Reminder: %s, your appointment on %s at %s", firstOr(p), g.textDate(g.svcDate()), g.clock()), c(cN, cD)
	}},
	{"subj-en-appt-noyear", subj, 1, func(g *G) (string, []string) {
		return sp("%s – appt confirmed for %s %s", g.textName(g.latinPerson()), shortDate(g.svcDate(), g.pick("en", "num")), g.clock()), c(cN, cD)
	}},
	{"subj-es", subj, 1, func(g *G) (string, []string) {
		t := g.svcDate()
		return sp("Recordatorio: cita de %s el %s a las %s", g.textName(g.person()), g.pick(langDate(t, "es"), shortDate(t, "es")), g.clock()), c(cN, cD)
	}},
	{"subj-fr", subj, 1, func(g *G) (string, []string) {
		return sp("Rappel : rendez-vous de %s le %s", g.textName(g.person()), langDate(g.svcDate(), "fr")), c(cN, cD)
	}},
	{"subj-de", subj, 1, func(g *G) (string, []string) {
		t := g.svcDate()
		return sp("Terminerinnerung für %s am %s", g.textName(g.person()), g.pick(langDate(t, "de"), t.Format("02.01.2006"))), c(cN, cD)
	}},
	{"subj-pt", subj, 1, func(g *G) (string, []string) {
		return sp("Lembrete: consulta de %s em %s", g.textName(g.person()), langDate(g.svcDate(), "pt")), c(cN, cD)
	}},
	{"subj-zh", subj, 1, func(g *G) (string, []string) {
		return sp("%s，您的预约时间为%s %s", g.textName(g.intlPerson()), langDate(g.svcDate(), "zh"), g.clock()), c(cN, cD)
	}},
	{"subj-ja", subj, 1, func(g *G) (string, []string) {
		return sp("%s様 ご予約のお知らせ（%s）", g.textName(g.intlPerson()), shortDate(g.svcDate(), "ja")), c(cN, cD)
	}},
	{"subj-ko", subj, 1, func(g *G) (string, []string) {
		return sp("%s님, %s 진료 예약 안내", g.textName(g.intlPerson()), langDate(g.svcDate(), "ko")), c(cN, cD)
	}},
	{"subj-ar", subj, 1, func(g *G) (string, []string) {
		return sp("تذكير بموعد %s في %s", g.textName(g.intlPerson()), langDate(g.svcDate(), "ar")), c(cN, cD)
	}},
	{"subj-ru", subj, 1, func(g *G) (string, []string) {
		return sp("Напоминание: %s, приём %s", g.textName(g.intlPerson()), langDate(g.svcDate(), "ru")), c(cN, cD)
	}},
	{"subj-vi", subj, 1, func(g *G) (string, []string) {
		return sp("Nhắc lịch hẹn: %s %s", g.textName(g.intlPerson()), langDate(g.svcDate(), "vi")), c(cN, cD)
	}},
	{"subj-tl", subj, 1, func(g *G) (string, []string) {
		return sp("Paalala: appointment ni %s sa %s", g.textName(g.latinPerson()), langDate(g.svcDate(), "tl")), c(cN, cD)
	}},
	{"subj-hi", subj, 1, func(g *G) (string, []string) {
		return sp("%s, आपकी अपॉइंटमेंट %s को है", g.textName(g.intlPerson()), langDate(g.svcDate(), "hi")), c(cN, cD)
	}},
	{"subj-billing", subj, 1, func(g *G) (string, []string) {
		return sp("Statement for account #%s – %s", g.acct(), g.textName(g.latinPerson())), c(cN, cA)
	}},
	{"subj-collections", subj, 1, func(g *G) (string, []string) {
		return sp("FINAL NOTICE: balance due on account %s", g.acct()), c(cA)
	}},
	{"subj-lab-name-mrn", subj, 1, func(g *G) (string, []string) {
		return sp("New lab result for %s (MRN %s)", g.textName(g.person()), g.mrn()), c(cN, cM)
	}},
	{"subj-rx-ready", subj, 1, func(g *G) (string, []string) {
		return sp("Your prescription Rx #%s is ready for pickup", g.digits(7)), c(cM)
	}},
	{"subj-birthday-age", subj, 1, func(g *G) (string, []string) {
		a := g.oldAge()
		return sp("Happy %d%s birthday, %s!", a, ordinal(a), firstOr(g.person())), c(cN, cAg)
	}},
	{"subj-callback", subj, 1, func(g *G) (string, []string) {
		return sp("Call back %s at %s", g.textName(g.person()), g.pick(g.phoneText(), g.intlPhone())), c(cN, cP)
	}},
	{"subj-fax", subj, 1, func(g *G) (string, []string) {
		return sp("Fax records to %s, home fax %s", g.textName(g.latinPerson()), g.phoneText()), c(cN, cF)
	}},
	{"subj-fax-confirm", subj, 1, func(g *G) (string, []string) {
		return sp("Fax confirmation: sent to patient fax %s (%d pages)", g.phoneText(), g.between(1, 30)), c(cF)
	}},
	{"subj-password-reset", subj, 1, func(g *G) (string, []string) {
		return sp("Password reset requested for %s", g.email(g.person())), c(cE)
	}},
	{"subj-new-signin-ip", subj, 1, func(g *G) (string, []string) {
		return sp("New sign-in to your patient portal from %s", g.pick(g.ipv4Public(), g.ipv6Public())), c(cIP)
	}},
	{"subj-271-member-dob", subj, 1, func(g *G) (string, []string) {
		return sp("271 response: member %s DOB %s", g.memberID(), g.textDate(g.dob())), c(cD, cH)
	}},
	{"subj-claim-denied", subj, 1, func(g *G) (string, []string) {
		return sp("Claim %s denied (CARC 197) – %s", g.claimNo(), g.textName(g.latinPerson())), c(cN, cA)
	}},
	{"subj-mbi", subj, 1, func(g *G) (string, []string) {
		return sp("Medicare card update: new MBI %s", g.mbi()), c(cH)
	}},
	{"subj-telehealth-link", subj, 1, func(g *G) (string, []string) {
		p := g.latinPerson()
		return sp("Your video visit link: https://telehealth.example-health.org/visit/%s-%s-%s", lo(asciiFold(squash(p.given, ""))), lo(asciiFold(squash(p.surname, ""))), g.digits(4)), c(cN, cU)
	}},
	{"subj-age-name", subj, 1, func(g *G) (string, []string) {
		return sp("Fall risk: %s, %s", g.textName(g.person()), g.ageText(g.oldAge())), c(cN, cAg)
	}},
	{"subj-age-intl", subj, 1, func(g *G) (string, []string) {
		a := g.oldAge()
		return g.pick(sp("Paciente de %d años – resultados", a), sp("Patient de %d ans : compte rendu", a), sp("Patientin, %d Jahre alt – Befund", a), sp("%d歳の患者様の検査結果", a)), c(cAg)
	}},
	{"subj-home-visit", subj, 1, func(g *G) (string, []string) {
		city, st, z := g.cityStateZip()
		return sp("Home health visit at %s, %s, %s %s", g.street(), city, st, z), c(cAd, cZ)
	}},
	{"subj-device-recall", subj, 1, func(g *G) (string, []string) {
		return sp("Recall notice for your %s, serial %s", g.pick("pacemaker", "insulin pump", "CPAP", "hearing aid"), g.serial()), c(cDv)
	}},
	{"subj-nemt", subj, 1, func(g *G) (string, []string) {
		return sp("Ride for %s: vehicle %s arriving", g.textName(g.latinPerson()), g.plate()), c(cN, cV)
	}},
	{"subj-intl-id", subj, 1, func(g *G) (string, []string) {
		if g.chance(0.5) {
			return sp("Cadastro atualizado – CPF %s", g.cpf()), c(cS)
		}
		return sp("Your NHS number %s has been verified", g.nhs()), c(cH)
	}},
	{"subj-license-verify", subj, 1, func(g *G) (string, []string) {
		return sp("ID check: driver's license %s expires soon", g.dl()), c(cL)
	}},
	{"subj-employee", subj, 1, func(g *G) (string, []string) {
		return sp("Occupational health clearance – employee #%s, %s", g.digits(6), g.textName(g.latinPerson())), c(cN, cO)
	}},

	// ---------- device topics ----------
	{"topic-patient-vitals", topc, 2, func(g *G) (string, []string) {
		return sp("patients/%s/vitals/%s", g.mrn(), g.pick("hr", "spo2", "nibp", "resp", "temp")), c(cM)
	}},
	{"topic-cgm-serial", topc, 1, func(g *G) (string, []string) {
		return sp("cgm/%s/%s", g.serial(), g.pick("egv", "alerts", "calibration")), c(cDv)
	}},
	{"topic-shadow-imei", topc, 1, func(g *G) (string, []string) {
		return sp("$aws/things/%s/shadow/update", g.pick("imei-"+g.imei(), "rpm-hub-"+g.imei())), c(cDv)
	}},
	{"topic-home-family-mac", topc, 1, func(g *G) (string, []string) {
		return sp("home/%s-family/bp-cuff/%s", lo(asciiFold(squash(g.latinPerson().surname, ""))), g.mac("")), c(cN, cDv)
	}},
	{"topic-rpm-member", topc, 1, func(g *G) (string, []string) {
		return sp("rpm/%s/%s", g.memberID(), g.pick("weight", "glucose", "bp")), c(cH)
	}},
	{"topic-ble-adv", topc, 1, func(g *G) (string, []string) {
		return sp("ble/gw-%02d/adv/%s", g.between(1, 40), g.mac(":")), c(cDv)
	}},
	{"topic-icu-bed-mrn", topc, 1, func(g *G) (string, []string) {
		return sp("hospital/icu/bed%d/%s/spo2", g.between(1, 24), g.mrn()), c(cM)
	}},
	{"topic-nemt-plate", topc, 1, func(g *G) (string, []string) {
		return sp("nemt/vehicles/%s/trip/%s", strings.ReplaceAll(g.plate(), " ", ""), g.mrn()), c(cM, cV)
	}},
	{"topic-wearable-email", topc, 1, func(g *G) (string, []string) {
		return sp("wearable/%s/steps", g.email(g.person())), c(cE)
	}},
	{"topic-dob-initials", topc, 1, func(g *G) (string, []string) {
		return sp("patients/%s-%s/glucose", g.dob().Format("20060102"), initials(g.latinPerson())), c(cN, cD)
	}},
	{"topic-car-vin", topc, 1, func(g *G) (string, []string) {
		return sp("telematics/patient-car/%s/crash-alert", g.vin()), c(cV)
	}},
	{"topic-client-ip", topc, 1, func(g *G) (string, []string) {
		return sp("telehealth/clients/%s/jitter", strings.ReplaceAll(g.ipv4Public(), ".", "_")), c(cIP)
	}},
}

func firstOr(p person) string {
	if p.script == "cjk" || p.script == "hangul" {
		return p.surname + p.given
	}
	return p.given
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

// bucketSafe keeps what an S3 bucket name may hold: lower-case letters,
// digits and hyphens, at most 63 characters.
func bucketSafe(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '-' {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if len(out) > 63 {
		out = out[:63]
	}
	return strings.Trim(out, "-")
}
