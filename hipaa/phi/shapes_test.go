package phi

import (
	"slices"
	"testing"
)

// shapeCase is a name and the categories expected at the policy threshold
// (nil: none).
type shapeCase struct {
	name string
	want []Category
}

func runShapeCases(t *testing.T, d *Detector, tests []shapeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(d, tt.name)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("Scan(%q) = %v, want %v (findings %+v)", tt.name, got, want, d.Scan(tt.name))
			}
		})
	}
}

var (
	mrn     = []Category{CategoryMRN}
	plan    = []Category{CategoryHealthPlan}
	ssnCat  = []Category{CategorySSN}
	acct    = []Category{CategoryAccount}
	lic     = []Category{CategoryLicense}
	dev     = []Category{CategoryDevice}
	nameCat = []Category{CategoryName}
	phone   = []Category{CategoryPhone}
	email   = []Category{CategoryEmail}
)

// TestLabeledIDs: a label naming an identifier, in any casing and
// separator, followed by an identifier-shaped value.
func TestLabeledIDs(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		// the examples
		{"patient-00123456", mrn},
		{"pid/00123456", mrn},
		{"medical-record-number/1234567", mrn},
		{"memberid=ABC123456789", plan},
		{"claim/CLM-123456789", plan},
		{"encounter/ENC-998877", mrn},
		{"Patient/12345", mrn},
		{"Encounter/abc-123", mrn},
		{"PID|1||12345^^^MRN", mrn},
		{"Medical_Record_No/1234567", mrn},
		{"medicalRecordNumber=1234567", mrn},
		{"MRN#1234567", mrn},
		// medical record number variants
		{"MedicalRecord:7654321", mrn},
		{"medical.record.no.7654321", mrn},
		{"MEDICAL_RECORD_NUMBER=7654321", mrn},
		{"med-rec/7654321", mrn},
		{"medRec7654321", mrn},
		{"health-record-id/HR-4455667", mrn},
		{"hospitalNumber=K8812345", mrn},
		{"patient_number-55512345", mrn},
		{"patientNo:55512345", mrn},
		{"patid=88812345", mrn},
		{"PatID_88812345/labs.pdf", mrn},
		{"PTID-4455667", mrn},
		{"chart-number/CH-22334455", mrn},
		{"uploads/patient_00987654/scan.dcm", mrn},
		{"PATIENT-A1234567", mrn},
		{"Patient/a4471b", mrn},
		{"fhir/Patient/98765/_history/2", mrn},
		// encounters, visits, cases
		{"visit-id/V-20240115", mrn},
		{"visitNumber=99887766", mrn},
		{"case/CASE-778899", mrn},
		{"caseNumber_445566778", mrn},
		{"accession-number/AN-5566778", mrn},
		{"encounterId=E998877", mrn},
		{"fhir/Encounter/enc-8812", mrn},
		// health plan: member, subscriber, claim, policy
		{"member-number/ABC123456789", plan},
		{"subscriber_id=SUB99887766", plan},
		{"SubscriberNumber/77665544", plan},
		{"beneficiary-number:1234567890", plan},
		{"claimNumber=CLM-2024-0001234", plan},
		{"claim_id/998877665", plan},
		{"CLAIM#C12345678", plan},
		{"insurance-id/XJH447123", plan},
		{"health-card/1234567890", plan},
		{"medicare-number/2123456701", plan},
		// national and tax ids of other countries
		{"nhs-number/9434765919", ssnCat},
		{"NHSNumber=943 476 5919", ssnCat},
		{"nhs_no-9434765919", ssnCat},
		{"sin/046454286", ssnCat},
		{"social-insurance-number=046454286", ssnCat},
		{"nino=QQ123456C", ssnCat},
		{"national-insurance/QQ123456C", ssnCat},
		{"NIR:1840512345678", ssnCat},
		{"insee=284127510200345", ssnCat},
		{"steuer-id/12345678901", ssnCat},
		{"SteuerID=12345678901", ssnCat},
		{"tax-id/123456789", ssnCat},
		{"national_id=8001015009087", ssnCat},
		{"bsn-123456782", ssnCat},
		{"pesel/44051401359", ssnCat},
		// employee and student ids
		{"employee-id/E1234567", acct},
		{"employeeNumber=00123456", acct},
		{"student_id=20240001234", acct},
		{"staff-number/ST-445566", acct},
		// passport, licence, immigration
		{"passport/X12345678", lic},
		{"certificate-YR704839", lic},
		{"license/MS1234567", lic},
		{"claimId123456789", plan},
		{"nhsNo9434765919", ssnCat},
		{"encounterID=ENC998877", mrn},
		{"VisitID:V00123456", mrn},
		{"caseId=CS-00042", mrn},
		{"studentID_2024001234", acct},
		{"PatientID^12345", mrn},
		{"s3://bucket/patient=00123456/file.json", mrn},
		{"dt=2024-06-01/patient_id=12345678/part-0.parquet", mrn},
		{"ptid12345678", mrn},
		{"accession/RAD-20240601-0042", mrn},
		{"passport-number=123456789", lic},
		{"drivers-license/D1234567", lic},
		{"DriverLicense=D1234567", lic},
		{"A-Number/A123456789", lic},
		{"a_number=A12345678", lic},
		{"alien-registration/A987654321", lic},
		{"uscis-123456789", lic},
		// devices
		{"serial-number/SN12345678", dev},
		{"SerialNumber=XK4455667788", dev},
		{"imei/490154203237518", dev},
		{"mac/001A2B3C4D5E", dev},
		{"macAddress=00:1a:2b:3c:4d:5e", dev},
		{"device-id/DEV-123456", dev},
		{"udi/(01)00884838003541(17)251231(21)SN12345", dev},
		{"implants/(01)00884838003541(21)A1234", dev},
		// encryption contexts and config lines
		{`{"mrn":"00123456"}`, mrn},
		{`{"patientId": "P-00123456", "purpose": "billing"}`, mrn},
		{`{"claimNumber":"CLM-123456789"}`, plan},
		{"patientId='00123456'", mrn},
		{"x-amz-meta-member-id: XJH447123", plan},
		{`{"nhsNumber": "9434765919"}`, ssnCat},
		{`{"mrn": "pending"}`, nil},
		{`{"version": "2024-06-01"}`, nil},
		// HL7 PID segment
		{"PID|1|445566|12345^^^MRN||DOE^JOHN", []Category{CategoryMRN, CategoryName}},
		{"PID|1||MR7788990^^^HOSP^MR||SMITH^MARY^A||19800102|F", []Category{CategoryDate, CategoryMRN, CategoryName}},
		// not an identifier: no value, a date, a year, a version, a word
		{"patient-portal/v2/index.html", nil},
		{"patient/2024/03/scan.png", nil},
		{"Patient/2024/report.pdf", nil},
		{"visit-2024-03-05/notes.txt", []Category{CategoryDate}}, // a visit is a person's: its date is a date of service
		{"case-study-123/slides.pdf", nil},
		{"claims/summary.csv", nil},
		{"employee-handbook-v3.pdf", nil},
		{"student-loans-2023.csv", nil},
		{"tax-id-guide.pdf", nil},
		{"encounter-types.json", nil},
		{"serial-port-config", nil},
		{"pid/1234", nil},
		{"case/12", nil},
		{"medical-record-template.docx", nil},
		{"passport-photo-guidelines.pdf", nil},
		{"Observation/12345", nil},
		{"logs/pid-42/stdout", nil},
		{"npi-registry/faq.html", nil},
		{"member-since-2019", nil},
		{"passport-renewal-2024.pdf", nil},
		{"pid=4194304", nil},
		{"pid-file/nginx.pid", nil},
		{"mac-m1-build-123456", nil},
		{"claim-check-123456", nil},
		{"a-number-of-things-123", nil},
		{"sin_table_65536.bin", nil},
		{"case_20240601.json", nil},
		{"visit/1717243200", nil},
		{"pid/1717243200123.log", nil},
		{"encounter-20240601120000.json", nil},
		// a new label is no context to the digit rules: these are as before
		{"visit_555-234-5678", phone},
		{"claim_219-09-9999", ssnCat},
		{"dob_visit_1980-01-02", []Category{CategoryDate}},
	})
}

// TestNatIDCheck: the check digits that raise a labeled national number
// to 0.95.
func TestNatIDCheck(t *testing.T) {
	for _, tc := range []struct {
		s  string
		ok bool
	}{
		{"9434765919", true},   // NHS
		{"943 476 5919", true}, // NHS, spaced
		{"9434765918", false},
		{"046454286", true}, // SIN
		{"046454287", false},
		{"86095742719", true}, // Steuer-ID
		{"86095742718", false},
		{"47150938526", true},
		{"184057510200341", true}, // NIR
		{"184057510200342", false},
		{"269029934173285", true},
		{"12345", false},
	} {
		if got := natIDCheck(tc.s); got != tc.ok {
			t.Errorf("natIDCheck(%q) = %v, want %v", tc.s, got, tc.ok)
		}
	}
	d := Default()
	for _, tc := range []struct {
		name string
		conf float64
	}{
		{"nhs-number/9434765919", 0.95},
		{"nhs-number/9434765918", 0.8},
		{"sin=046454286", 0.95},
		{"steuer-id/86095742719", 0.95},
		{"nir/184057510200341", 0.95},
	} {
		fs := d.Scan(tc.name)
		if len(fs) != 1 || fs[0].Category != CategorySSN || fs[0].Confidence != tc.conf {
			t.Errorf("Scan(%q) = %+v, want one ssn finding at %v", tc.name, fs, tc.conf)
		}
	}
}

// TestNameShapes: names that are not plain ASCII, DICOM and HL7 person
// names, percent-encoded values, E.164 phones.
func TestNameShapes(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"José_García", nameCat},
		{"Zoë_Müller", nameCat},
		{"李明", nameCat},
		{"DOE^JOHN", nameCat},
		{"SMITH^MARY^A", nameCat},
		{"john%20smith", nameCat},
		{"jane%40example.com", email},
		{"+12128675309", phone},
		// diacritics
		{"records/José-Martínez/intake.pdf", nameCat},
		{"scans/Françoise_Dubois.dcm", nameCat},
		{"Søren_Andersen_labs.pdf", nameCat},
		{"patient/Renée_Lefèvre", nameCat},
		{"inbox/Zoë.Brown/msg-1.eml", nameCat},
		{"letters/Mr-Müller-referral.docx", nameCat},
		{"José García discharge summary", nameCat},
		{"name=Ángela", nameCat},
		{"GARCÍA^JOSÉ", nameCat},
		{"MÜLLER^HANS", nameCat},
		{"JOSÉ_GARCÍA.pdf", nameCat},
		{"ZoëMüller", nameCat},
		{"studies/NÚÑEZ^MARÍA/CT.dcm", nameCat},
		{"ÉMILE_DURAND", nameCat},
		{"café-menü.pdf", nil},
		{"résumé-template.docx", nil},
		// international names (lexicon/intl.txt.gz, from faker locales)
		{"Dobromir_Piwowarczyk", nameCat},
		{"scans/pirjo-galosevic.dcm", nameCat},
		{"Moyosore Afoakwa intake", nameCat},
		{"records/Lauriane_Vyskocil.pdf", nameCat},
		{"Bishnu_Saragih", nameCat},
		{"Gökmen_Remes", nameCat},
		{"maria_piwowarczyk", nameCat},
		// CJK and Hangul
		{"patients/王伟/labs.pdf", nameCat},
		{"张丽_报告.pdf", nameCat},
		{"陳大文", nameCat},
		{"김민준", nameCat},
		{"报告.pdf", nil},
		{"数据/备份", nil},
		// DICOM person names
		{"studies/GARCIA^MARIA/CT.dcm", nameCat},
		{"JOHNSON^ROBERT^L^^", nameCat},
		{"PatientName=WILLIAMS^JAMES", nameCat},
		// percent-encoding
		{"uploads/Maria%20Gonzalez%20intake.pdf", nameCat},
		{"inbox/jane.doe%40example.com/msg.eml", email},
		{"search?q=robert%5Fjohnson", nameCat},
		{"files/report%202024.pdf", nil},
		{"path%2Fto%2Fconfig.json", nil},
		{"mrn%3D00123456", mrn},
		{"tel%3A%2B12128675309", phone},
		// E.164
		{"contacts/+447911123456.vcf", phone},
		{"sms/+4915123456789/inbox", phone},
		{"phone=+33612345678", phone},
		{"fax=+12128675309", []Category{CategoryFax}},
		{"+1-212-867-5309", phone},
		{"build+1234567890", nil},
		{"c++17/main.cpp", nil},
		{"version+0123456789", nil},
	})
}

// TestNativeScriptNames: names written in their own script (synthetic
// combinations of list names), the Vietnamese letters outside Latin-1, a
// percent-encoded Cyrillic name, and words of those scripts that are not
// names.
func TestNativeScriptNames(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"patienten/Hồng_Thảo_Dương/notes.txt", nameCat},
		{"uploads/Phượng_Nga_Nguyễn/resultats.pdf", nameCat},
		{"fax/2021/聡吉野_mri.hl7", nameCat},
		{"fax/2022/泽洋_毕_rx.hl7", nameCat},
		{"subject=艳.岳", nameCat},
		{"Re: 彩花 飯田", nameCat},
		{"Wizyta: 유나 명", nameCat},
		{"환자/박서연/기록", nameCat},
		{"records/رضوان_فقوسة_ecg.txt", nameCat},
		{"allergies_نهاد_البشيري", nameCat},
		{"Αγγελίδης_Αθανασία", nameCat},
		{"ΑΓΓΕΛΊΔΗΣ_ΑΘΑΝΑΣΊΑ", nameCat},
		{"MEMBER#%D0%B5%D0%B2%D0%B3%D0%B5%D0%BD%D0%B8%D1%8F%20%D0%B8%D0%B3%D0%BD%D0%B0%D1%82%D0%BE%D0%B2", nameCat},
		// words, not names
		{"報告/2024/検査結果.pdf", nil},
		{"отчет_2024_итоги.pdf", nil},
		{"تقرير_المختبر.pdf", nil},
		{"사용자 설정", nil},
		{"结果_汇总.csv", nil},
		{"документы/договор_аренды.docx", nil},
		{"東京都/新宿区/店舗一覧.xlsx", nil},
		{"ملخص التقرير الشهري", nil},
	})
}

// TestShapeFalseAlarms: file names with an @ that are not emails, and
// organisations, places, diseases and methods named after people.
func TestShapeFalseAlarms(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"logo@2x.png", nil},
		{"icon@3x.png", nil},
		{"report@v2.json", nil},
		{"pkg@1.2.3.tgz", nil},
		{"assets/hero@2X.webp", nil},
		{"node_modules/@types/node@18.11.9.tgz", nil},
		{"lodash@4.17.21.js", nil},
		{"model@v10.onnx", nil},
		{"img/avatar@1.5x.png", nil},
		{"deps/react@18.2.0/index.js", nil},
		{"config@staging.yaml", nil},
		{"backup@20240601.tar.gz", nil},
		// real emails still found
		{"inbox/jane.doe@example.com/msg-1.eml", email},
		{"to:bob@mail.example.co.uk", email},
		{"alice@clinic.health", email},
		{"j.smith@hospital.org.json", email},
		{"user@example.io", email},
		// named after people
		{"johns-hopkins", nil},
		{"john-deere", nil},
		{"wells-fargo", nil},
		{"mayo-clinic", nil},
		{"st-jude", nil},
		{"mount-sinai", nil},
		{"cedars-sinai", nil},
		{"kaplan-meier", nil},
		{"bell-palsy", nil},
		{"referrals/johns_hopkins/2024.csv", nil},
		{"JohnsHopkins-partnership.pdf", nil},
		{"exports/WellsFargo/statements.csv", nil},
		{"analysis/kaplan_meier_curves.png", nil},
		{"research/parkinsons-disease-cohort.csv", nil},
		{"vendors/john_deere_invoice.pdf", nil},
		{"Mount Sinai referrals", nil},
		{"baker-tilly-audit", nil},
		// a person next to one still is
		{"johns-hopkins/patients/Maria_Gonzalez.pdf", nameCat},
	})
}

// TestShapeOffsets: findings on decoded or folded names map back to
// byte offsets of the input, and hold no text.
func TestShapeOffsets(t *testing.T) {
	d := Default()
	for _, tc := range []struct {
		name, want string
	}{
		{"x/john%20smith/y", "john%20smith"},
		{"to=jane%40example.com&x=1", "jane%40example.com"},
		{"mrn%3D00123456", "00123456"},
		{"José_García.pdf", "José_García"},
		{"+12128675309", "+12128675309"},
		{"PID|1||12345^^^MRN", "12345"},
		{"claim/CLM-123456789", "CLM-123456789"},
	} {
		fs := d.Scan(tc.name)
		ok := false
		for _, f := range fs {
			if f.Start < 0 || f.End > len(tc.name) || f.Start >= f.End {
				t.Fatalf("Scan(%q): bad offsets %+v", tc.name, f)
			}
			if tc.name[f.Start:f.End] == tc.want {
				ok = true
			}
		}
		if !ok {
			t.Errorf("Scan(%q) = %+v, want a finding on %q", tc.name, fs, tc.want)
		}
	}
}

// TestShapeNoAlloc: the new paths, percent-decoding included, do not
// allocate on a reused slice.
func TestShapeNoAlloc(t *testing.T) {
	d := Default()
	dst := make([]Finding, 0, 8)
	for _, name := range []string{"claim/CLM-123456789", "José_García", "GARCÍA^JOSÉ", `{"mrn": "00123456"}`, "李明", "DOE^JOHN", "logo@2x.png", "johns-hopkins", "+12128675309", "john%20smith", "x/jane%40example.com"} {
		n := testing.AllocsPerRun(100, func() { dst = d.AppendScan(dst[:0], name) })
		if n != 0 && !raceEnabled { // see raceEnabled
			t.Errorf("AppendScan(%q): %v allocs", name, n)
		}
	}
}

// FuzzShapes is FuzzScan seeded with the shapes of this file: labels,
// percent escapes, HL7 segments, UDIs, non-ASCII and CJK names.
func FuzzShapes(f *testing.F) {
	for _, s := range []string{
		"medical-record-number/1234567", "memberid=ABC123456789", "claim/CLM-123456789", "Encounter/abc-123",
		"PID|1||12345^^^MRN||DOE^JOHN||19800102|F||||||||||||123-45-6789", "José_García", "GARCÍA^JOSÉ", "李明", "김민준",
		"john%20smith", "jane%40example.com", "%", "%4", "%zz%41", "+12128675309", "logo@2x.png", "johns-hopkins",
		"udi/(01)00884838003541(17)251231(21)SN12345", `{"mrn": "00123456"}`, "A-Number/A123456789", "nhs 943 476 5919",
		"\xc3", "\xe6\x9d", "É\x80É", "PID|", "(01)",
	} {
		f.Add(s)
	}
	d := Default()
	f.Fuzz(func(t *testing.T, name string) {
		a := d.Scan(name)
		for _, x := range a {
			if x.Start < 0 || x.End > len(name) || x.Start >= x.End || !(x.Confidence > 0 && x.Confidence <= 1) {
				t.Fatalf("bad finding %+v for %q", x, name)
			}
		}
		if b := d.Scan(name); !slices.Equal(a, b) {
			t.Fatalf("not deterministic for %q: %+v vs %+v", name, a, b)
		}
	})
}

// TestProviderAndInfraIDs: identifiers that are not the individual's.
func TestProviderAndInfraIDs(t *testing.T) {
	d := Default()
	runShapeCases(t, d, []shapeCase{
		// provider NPIs identify the clinician, not the patient
		{"npi-1234567893", nil},
		{"prescribers/npi_1234567893/profile.json", nil},
		{"NPI:1234567893", nil},
		{"npi=2345678904", nil},
		// GS1 UDI: the device identifier alone names a model
		{"catalog/(01)00812345678906.json", nil},
		{"gtin=(01)10812345678903", nil},
		{"implant/(01)00812345678906(10)LOT42A", dev},
		{"implant/(01)00812345678906(11)240105(21)X99", dev},
		{"pump/(01)00812345678906(17)270630", dev},
		// loopback, unspecified, network and broadcast addresses
		{"hosts/127.0.0.1-dnsmasq.conf", nil},
		{"bind/0.0.0.0-8443.yaml", nil},
		{"subnets/cidr=172.20.0.0_16.json", nil},
		{"routes/192.168.4.0_24/table.json", nil},
		{"broadcast/10.2.3.255.cfg", nil},
		// an address of a device stays PHI
		{"sessions/203.0.113.77/consent.json", []Category{CategoryIP}},
		{"client-ip=198.51.100.23", []Category{CategoryIP}},
	})
	for _, name := range []string{"npi-1234567893", "hosts/127.0.0.1-dnsmasq.conf"} {
		if len(d.Scan(name)) == 0 {
			t.Errorf("Scan(%q): want a weak finding below the threshold", name)
		}
	}
}

// TestURLShapes: a URL is PHI when it points at an individual (Safe
// Harbor (N)); a system URL is a weak hint only, and a name or labelled id
// in its path is still found.
func TestURLShapes(t *testing.T) {
	url := []Category{CategoryURL}
	runShapeCases(t, Default(), []shapeCase{
		{"link: https://static.example.net/build/main.9f8e7d6c.css", nil},
		{"origin=https://api.example.io/v2/health", nil},
		{"ref: http://specs.example.org/fhir/R5/index.html", nil},
		{"site: https://people.example.edu/~mgonzalez/", url},
		{"https://social.example/@jdoe42", url},
		{"ref=https://ehr.example.com/patients/4471/summary", url},
		{"https://app.example.com/users/8842/settings", url},
		{"homepage=https://example.net/", url},
		{"personal-website: https://example.org/blog", url},
		{"https://files.example.com/mrn-00765432/scan.pdf", mrn},
	})
}

// TestMoreLabels: plural and abbreviated labels, FHIR UUID ids, restricted
// ZIP3 prefixes and VINs whose serial has letters.
func TestMoreLabels(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		// plural collection names are labels too
		{"telemetry/patients/40817263/hr", mrn},
		{"clinic/encounters/ENC-55120934/plan.json", mrn},
		{"visits/enc_9182734/labs.json", mrn},
		{"enc-0048213377", mrn},
		{"stu_48120937/physical.pdf", acct},
		{"students/77120493/forms.pdf", acct},
		// FHIR logical ids that are UUIDs
		{"fhir/R4/Patient/3f2b8c1d-7e44-4a1b-9c0d-5e6f7a8b9c0d", mrn},
		{"Encounter/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/_history/2", mrn},
		{"jobs/3f2b8c1d-7e44-4a1b-9c0d-5e6f7a8b9c0d/status", nil},
		// ZIP3: only the 17 restricted prefixes
		{"zip3=692", []Category{CategoryZIP}},
		{"home-zip3: 059", []Category{CategoryZIP}},
		{"zip3=606", nil},
		{"zip3: 945", nil},
		// admission / discharge abbreviations
		{"adm-20190314/summary.pdf", []Category{CategoryDate}},
		{"disch_2021-08-02.pdf", []Category{CategoryDate}},
		// a VIN whose serial has letters, check digit valid
		{"claims/2HGFA16P5KHMXRTWZ/photo.jpg", []Category{CategoryVehicle}},
		{"mva/2HGFA16P7KHMXRTWZ/report.pdf", nil}, // check digit wrong
	})
}

// TestHL7Segments: PV1 visit numbers and NK1 next-of-kin names and phones.
func TestHL7Segments(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"PV1|1|I|W2^112^B||||||||||||||||VN4471902", mrn},
		{"hl7/PV1|1|O|CLINIC^3^1||||||||||||||||88123047^^^FIN", mrn},
		{"PV1|1|E|ER^1^1", nil},
		{"NK1|1|OKAFOR^CHIDI^E|SPO^Spouse", nameCat},
		{"NK1|1|LINDQVIST^ASTRID|MTH||(617)555-0142", []Category{CategoryName, CategoryPhone}},
		{"NK1|1", nil},
		{"PID|1||77120334^^^MRN||DUARTE^LUIS", []Category{CategoryMRN, CategoryName}},
	})
}

// TestPlaceLabels: a city or county is PHI when its label ties it to a
// person.
func TestPlaceLabels(t *testing.T) {
	addr := []Category{CategoryAddress}
	runShapeCases(t, Default(), []shapeCase{
		{"patient_city=Tulsa", addr},
		{"home-county: Marin", addr},
		{"residence: Fort Collins", addr},
		{"hometown=SALEM", addr},
		{"datacenter-city: Ashburn", nil},
		{"x-amz-meta-office-city: Austin", nil},
		// a city on a record with no other word: most likely the
		// person's (reported just above the policy threshold)
		{"city: Denver", addr},
		{"patient-city: tbd", nil},
		// coordinates of a home (three decimals or more)
		{"home/lat=42.3601/lon=-71.0589/visit.json", addr},
		{"x-amz-meta-home-geo: 42.3601,-71.0589", addr},
		{"metrics/lat=12.5ms", nil},
		{"geo/region=us-east-1", nil},
	})
}

// TestLabelVariants2: labels with an issuing state between label and id,
// plural and abbreviated labels, mostly-letter serials, and a dashed SSN
// near an unrelated account word.
func TestLabelVariants2(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"ids/driver-license/WA/K4419302/scan.png", lic},
		{"dl/NY/ABC", nil},
		{"fleet/devices/QX7RTA2PLMZ9/status", dev},
		{"serial=KRPZ7HQW3T", dev},
		{"devices/config", nil},
		{"hr/emp-id/4471290/forms.pdf", acct},
		{"claims/448120993/eob.pdf", plan},
		{"guarantor_5512093348.csv", acct},
		{"voicemail-6175550199.wav", phone},
		{"uploads/ident/231-52-7740/card.png", ssnCat},
		{"statements/card/231-52-7740/a.pdf", acct}, // the label claims its value
		{"uploads/ident/231-00-7740/card.png", nil}, // group 00: no SSN
	})
}

// TestHandlesAndBands: an initial glued to a surname is a person's
// handle; the 90+ age band and a Spark part file's UUID are clean.
func TestHandlesAndBands(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"home/rkowalski/notes.txt", nameCat},
		{"home/tgarrison/notes.txt", nil}, // garrison is an English word
		{"mailbox-pmontoya", nameCat},
		{"kthornton-exports", nameCat},
		{"Phi Nguyen", nameCat},
		{"hashes/abcdefgh", nil},
		{"src/pbuilder/config", nil},
		{"cohort/age-group=90+/summary.csv", nil},
		{"age: 92", []Category{CategoryAge}},
		{"out/part-00007-5c1e2f3a-9b8d-4c7e-a6f5-0d1e2c3b4a59-c000.snappy.parquet", nil},
	})
}

// TestVisitDatesPlatesDevices: a date after visit, stay or appointment is
// a person's; a plate written 123-ABC; ids under device-kind segments.
func TestVisitDatesPlatesDevices(t *testing.T) {
	date := []Category{CategoryDate}
	veh := []Category{CategoryVehicle}
	runShapeCases(t, Default(), []shapeCase{
		{"Reminder: your appointment on 2023-11-14", date},
		{"Your visit on 3/14/2022 - survey", date},
		{"Receipt for your stay of Feb 2, 2021", date},
		{"Release notes for 2023-11-14", nil},
		{"plate=884-KTR", veh},
		{"vehicle: 7TRK-22", veh},
		{"license-plate: unknown", nil},
		{"rpm/cgm/QK7741203/readings", dev},
		{"telemetry/pump/AB12CD34EF/status", dev},
		{"firmware/pump-x4/ota/v2.1.0", nil},
		{"dashboards/monitor/overview", nil},
	})
}

// TestValueBeforeLabel: an id written before a strong label that closes
// its path segment.
func TestValueBeforeLabel(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"uploads/00918273_mrn.pdf", mrn},
		{"scans/ref-4471029-MRN/img.dcm", mrn},
		{"X7712093-passport.png", lic},
		{"5510293847_acct.csv", acct},
		{"W44120938-member.json", plan},
		{"20231130-mrn.csv", nil},       // a date
		{"1699999999_account.log", nil}, // a Unix timestamp
		{"docs/v3-mrn-format.md", nil},  // a version
		{"00918273_mrn_format.md", nil}, // the label does not close the segment
		{"exports/2024_q3-account.csv", nil},
	})
}

// TestNameValues: names found by their place (a person-name label's
// value, a DICOM person name, a non-Latin word after a person word), in
// any script.
func TestNameValues(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"forms/surname=oyelaran/given=tolu/intake.pdf", nameCat},
		{"x-amz-meta-patient-name: Ngozi-Adeyemi", nameCat},
		{"x-amz-meta-dicom-0010-0010: ПЕТРОВА^АННА", nameCat},
		{"studies/ŁUKASZEWICZ^BARTOSZ/MR/IM0001.dcm", nameCat},
		{"dicom/小林^葵/CT/IM0007.dcm", nameCat},
		{"PATIENT#민준_오", nameCat},
		{"guardian_فاطمة_الزهراني", nameCat},
		{"patients/王芳/labs.pdf", nameCat},
		{"intake/lastname=okonkwo.pdf", nameCat},
		{"bucket-name: acme-logs", nil},
		{"table-name=appointments", nil},
		{"x-amz-meta-patient-name: unknown", nil},
		{"reports/CT^HEAD^123/series", nil},
		{"docs/患者/readme.md", nil},
	})
}

// TestBiometricIDs: the id of a person's biometric template (Safe Harbor
// (P)), not a certificate or key fingerprint.
func TestBiometricIDs(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"enrollment/fingerprint/TPL-7A31C09E44B2", lic},
		{"voiceprints/VX90213377.bin", lic},
		{"iris/IR-00A7F3E2D1", lic},
		{"x-amz-meta-cert-fingerprint: SHA256:3B:91:0C:AA:17:5E:D2:44", nil},
		{"ssh/host-key-fingerprint/7f3a9c2e11b4d5e6", nil},
		{"biometrics/policy.pdf", nil},
	})
}

// TestLongTail: the long tail of each class: a handle on a rare surname,
// a VIN whose serial has letters, a biometric id after the step's name, a
// month and day without a year in a message to the person, an SSN written
// with spaces beside an id label; and their look-alikes.
func TestLongTail(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"jkleiss-files", nameCat},
		{"fharting-2018-10-05-scans", []Category{CategoryName, CategoryDate}},
		{"claims/VIN_JTDAUHGZ6JHVZHRNA/photos.zip", []Category{CategoryVehicle}},
		{"biometrics/voiceprint/enroll-8C36E481ABE0", []Category{CategoryLicense}},
		{"Bill for your stay of Nov 3", []Category{CategoryDate}},
		{"Your discharge instructions from May 6", []Category{CategoryDate}},
		{"billing/identity/193 11 6863/check.json", []Category{CategorySSN}},
		// look-alikes
		{"Release notes Nov 3", nil},
		{"Team offsite Dec 10", nil},
		{"claims/VIN_JTDAUHGZ7JHVZHRNA/photos.zip", nil}, // check digit fails
		{"certs/fingerprint/sha256-8C36E481ABE0", nil},
		{"kblank-files", nil}, // k + an English word
	})
}

// TestClaimsAndImaging: ASC X12 segments of claims and eligibility files,
// DICOM attributes written "(gggg,eeee)=value", and labels for the
// identifiers of a person's care (person_id, MBR-, RX-, specimen); the
// segments and tags of providers and payers are not the individual's.
func TestClaimsAndImaging(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"NM1*IL*1*DOE*JOHN****MI*W123456789~", []Category{CategoryName, CategoryHealthPlan}},
		{"DMG*D8*19800102*F~", []Category{CategoryDate}},
		{"N4*SPRINGFIELD*IL*62704~", []Category{CategoryAddress, CategoryZIP}},
		{"REF*SY*219099999~", []Category{CategorySSN}},
		{"CLM*PCN8832761*150***11:B:1~", []Category{CategoryAccount}},
		{"DTP*472*D8*20240301~", []Category{CategoryDate}},
		{"(0010,0030)=19750412", []Category{CategoryDate}},
		{"tags/(0010,1010)=092Y", []Category{CategoryAge}},
		{"(0008,0050)=A24118273", []Category{CategoryMRN}},
		{"exports/cerner/person_id=18827731/allergies.json", []Category{CategoryMRN}},
		{"members/MBR-00921833/eob/2024-03.pdf", []Category{CategoryHealthPlan}},
		{"rx/RX-7712983/refill-history.json", []Category{CategoryMRN}},
		{"PATIENT#88213|VISIT#2024-03-01", []Category{CategoryMRN, CategoryDate}},
		// not the individual's
		{"NM1*85*2*GOOD HEALTH CLINIC*****XX*1234567893~", nil},
		{"NM1*PR*2*ACME HEALTH PLAN*****PI*12345~", nil},
		{"GS*HC*SENDER*RECEIVER*20240301*1200*1*X*005010X222A1~", nil},
		{"(0010,1010)=045Y", nil},
		{"(0008,0060)=MR", nil},
		{"patients/page-10000", nil},
	})
}

// TestLabelSynonyms: more ways systems label an identifier, and values
// whose shape the first rules were too strict for (grouped ids, ULIDs,
// passports with few digits, serials with one digit, plates in three
// groups, an issuing state between label and value).
func TestLabelSynonyms(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"PAT#069-70-03", []Category{CategoryMRN}},
		{"pid_308-97-94", []Category{CategoryMRN}},
		{"Your prescription #3828858-44180 is ready for pickup", []Category{CategoryMRN}},
		{"contacts.3276551486.verified", []Category{CategoryPhone}},
		{"hr/occupational-health/employee-staff-436037/fitness-for-duty.pdf", []Category{CategoryAccount}},
		{"devices/dexcom-g7/transmitter-NLJ558052D/egv.json", []Category{CategoryDevice}},
		{"$aws/things/pacemaker-3QJQDL/shadow/update", []Category{CategoryDevice}},
		{"paired_BBF0B2F77FE3_last_seen", []Category{CategoryDevice}},
		{"referrals/kvnr=A035091055/letter.pdf", []Category{CategoryHealthPlan}},
		{"ANUM#A120685028", []Category{CategoryLicense}},
		{"records/gabryle_soistman_geb_1981-05-15.tif", []Category{CategoryName, CategoryDate}},
		{"voiceprint:01VV7RQ0S6AA4H4QDE18JAQBGQ", []Category{CategoryLicense}},
		{"passport:CZHH58FN6", []Category{CategoryLicense}},
		{"x-amz-meta-license-plate: S-QU 1351", []Category{CategoryVehicle}},
		{"DL#MA#S52165620", []Category{CategoryLicense}},
		{"x-amz-meta-dl-ny: 039878600", []Category{CategoryLicense}},
		// not ids
		{"pid=4194304", nil},
		{"cgm/readings/egv", nil},
		{"staff/handbook-2024.pdf", nil},
		{"visit-2024-03", nil},
		{"passport:renewal", nil},
	})
}

// TestPeopleInMessages: patient ids that are UUIDs, dates that name a
// visit, international numbers in groups, callers, ages in other words,
// birth dates in Unix time, and the person a message greets.
func TestPeopleInMessages(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"PAT#b810f6f7-e51f-4695-80f5-76948cdb7372", []Category{CategoryMRN}},
		{"patientId=1b3d35b7-831c-46e6-860a-fd7bd01177c0", []Category{CategoryMRN}},
		{"urn:mrn:0284ab87-5e50-4958-bf3a-ea7c46f8b11c", []Category{CategoryMRN}},
		{"patients/7f42c110-64c1-4ec6-a611-bb0f42e71cfb/vitals/hr", []Category{CategoryMRN}},
		{"visits.2020-01-17.notes", []Category{CategoryDate}},
		{"x-amz-meta-mobile: +91 90384 99171", []Category{CategoryPhone}},
		{"Missed call from +61 490 853 019", []Category{CategoryPhone}},
		{"connect/recordings/caller-5287754901/x.wav", []Category{CategoryPhone}},
		{"x-amz-meta-age-years: 109", []Category{CategoryAge}},
		{"x-amz-meta-dob-epoch: 577075737", []Category{CategoryDate}},
		{"Happy 103rd birthday, FolaFoluwa!", []Category{CategoryName, CategoryAge}},
		{"Kornelia, your biopsy results are ready", nameCat},
		{"Hi Tomasz, your appointment", nameCat},
		// not people
		{"uploads/1b3d35b7-831c-46e6-860a-fd7bd01177c0.bin", nil},
		{"Reminder, your appointment is tomorrow", nil},
		{"Thanks, Team!", nil},
		{"Hello World", nil},
		{"Happy 3rd birthday", nil},
		{"events/97th-percentile", nil},
		{"c++ 11 2024", nil},
	})
}

// TestInternationalFormats: national ids and account numbers whose format
// has its own check (IBAN mod 97, codice fiscale check letter, CURP),
// dates in Spanish, Portuguese and French and in Han units, and a name
// before a Japanese or Korean honorific.
func TestInternationalFormats(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"refunds/sepa/NL42LMDM4001860909/pain.001.xml", []Category{CategoryAccount}},
		{"GB82WEST12345698765432", []Category{CategoryAccount}},
		{"kyc/it-codice-fiscale/VWLLVN96A68B352L.pdf", []Category{CategorySSN}},
		{"MX-CURP#MAML560518MVZBFR01", []Category{CategorySSN}},
		{"x-amz-meta-birth-date: 13 de outubro de 2012", []Category{CategoryDate}},
		{"dob: 3 février 1980", []Category{CategoryDate}},
		{"x-amz-meta-dob: 1972年5月11日", []Category{CategoryDate}},
		{"柴弘文様 ご予約確認 9月8日 09:15", []Category{CategoryName, CategoryDate}},
		{"김민준님", nameCat},
		// look-alikes
		{"GB82WEST12345698765433", nil}, // mod 97 fails
		{"01HJSBT9B2Y6HW8803TBTHMQRA", nil},
		{"mars-rover/2024", nil},
		{"お客様", nil},
		{"株式会社様", nil},
		{"고객님", nil},
		{"リリース 9月8日", nil},
	})
}

// TestRecordsOfCare: HL7 IN1, OBR and ORC fields and CX values with their
// type code, names before a compact date, postcodes of other countries
// after a label, dates in Cyrillic, m/d and month-day in a message about
// an appointment, relatives' names.
func TestRecordsOfCare(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"IN1|1|AETNA|31249|||||||||||||NGUYEN^LAN||19750412", []Category{CategoryName, CategoryDate}},
		{"hl7/orders/OBR|1|54998295|VW19-543766|8867-4^CBC|||202006231835", []Category{CategoryMRN, CategoryDate}},
		{"hl7/inbound/SIU_S12/MSG2138005984_MR0169009^^^BIDMC^MRN.hl7", []Category{CategoryMRN}},
		{"123-45-6789^^^SSA^SS", []Category{CategorySSN}},
		{"outside-images/cd-import/MANRIQUEZ_19360407/DICOMDIR", []Category{CategoryName, CategoryDate}},
		{"wiscombe_eulices_19811128", []Category{CategoryName, CategoryDate}},
		{"x-amz-meta-postal-code: M17 5DJ", []Category{CategoryZIP}},
		{"postcode=K1A 0B1", []Category{CategoryZIP}},
		{"x-amz-meta-birthdate: 8 июля 1976", []Category{CategoryDate}},
		{"Appointment reminder: Roberte Cristiano on 3/9 at 12:45 am", []Category{CategoryName, CategoryDate}},
		{"Missed call from +81 90-8858-2945", []Category{CategoryPhone}},
		{"fhir/R4/RelatedPerson/guardian-Shadera+Prunty/contact.json", nameCat},
		{"نیلوفر, your COVID-19 results are ready", nameCat},
		// look-alikes
		{"snapshot_20240115", nil},
		{"exports/acme_corp_20240115.csv", nil},
		{"zip/archive.zip", nil},
		{"Appointment slots 1/2 full", nil},
		{"отчет 8 июля 1976", nil}, // a date with nothing tied to it, as in English
	})
}

// TestOpaqueAndOrgs: random base62 ids that the tokenizer cuts into
// name-like pieces, the x-amz-meta- prefix, organisations and places
// named after people (an org word ends or follows the name), and cloud
// accounts; and the names that must survive those rules.
func TestOpaqueAndOrgs(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"LOCK#2lWUM447777R7P3CzN7mIhCjDei", nil},
		{"fhir/R4/DocumentReference/$docref-job/ChSUVonknoryCTt1m", nil},
		{"uploads/2RQS7pVdtfQvR1ziS9jSUAjHEaS/processed.png", nil},
		{"SESSION#25VJRd9_SeQp67TT4Hn", nil},
		{"x-amz-meta-sha256: 278095552d7cb81ac735396978b89020eb09a0b9c30ee970092c43c158b26739", nil},
		{"x-amz-meta-lang: en", nil},
		{"Washington State Medicaid rate update", nil},
		{"Office closed for Martin Luther King Jr. Day", nil},
		{"facilities/martin-luther-king-jr-blvd-campus/floorplan.pdf", nil},
		{"walter-reed-imaging-share", nil},
		{"Invoice INV-786740 for AWS account 346322896683", nil},
		// people still
		{"scans/JoseGarciaLopez.pdf", nameCat},
		{"records/McDonaldMcKenzie_intake.pdf", nameCat},
		{"patients/JohnSmith/notes.txt", nameCat},
		{"john-smith-hospital-bill.pdf", nameCat},
		{"billing/account 346322896683", []Category{CategoryAccount}},
	})
}

// TestSitesAndLabIDs: a person's own site (a given name and a surname
// written as one host label), lab specimen and accession ids of any shape,
// a country code between label and value, PAN and TFN numbers.
func TestSitesAndLabIDs(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"PROFILE#https://elisabatista.com", []Category{CategoryURL}},
		{"https://johnsmith.dev", []Category{CategoryURL}},
		{"crawl/profiles/https%3A%2F%2Fbobbieaalbers.com.html", []Category{CategoryURL}},
		{"lab/results/NC25-561592/specimen-QLF9WDWC7E.pdf", []Category{CategoryMRN}},
		{"radiology/accession/ACC888415416/series-4/IM00694.dcm", []Category{CategoryMRN}},
		{"coverage.U2565129248.copay", []Category{CategoryHealthPlan}},
		{"referrals/medicare-au=5901991685-3/letter.pdf", []Category{CategoryHealthPlan}},
		{"kyc/in-pan/GTSPD8791O.pdf", []Category{CategorySSN}},
		{"x-amz-meta-au-tfn: 521 910 772", []Category{CategorySSN}},
		// not a person's
		{"https://stackoverflow.com/q/1", nil},
		{"https://googleapis.com/x", nil},
		{"NM1*PR*2*ACME HEALTH PLAN*****PI*12345~", nil},
		{"pan/ABCDE1234F", nil}, // the 4th letter is not P: a company's
		{"implants/01-0947543857535117-29042710-SX1IA721-SF1NTZ/status", []Category{CategoryDevice}},
		{"hr/tax/w4/724576130.pdf", []Category{CategorySSN}},
		{"hr/tax/i-9/270387744.pdf", []Category{CategorySSN}},
		{"client-ip=2a02-cf69-137e-98f4--1916/x.json", []Category{CategoryIP}},
		{"hr/tax/w4/000387744.pdf", nil}, // area 000: no SSN
		{"ip-10-0-0-1", nil},
		{"ip/2024-01-15", nil},
	})
}

// TestFormsOfAgeDateAndIDs: ages and dates written other ways (Jahre alt,
// age-at-visit, DICOM 092Y, 3/23/38 after a birth label), CPF numbers,
// IBANs made only of hex characters, ACC before digits, plates after a
// state; private IPs with no person's word before them are hints only.
func TestFormsOfAgeDateAndIDs(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"Patientin, 99 Jahre alt – Befund", []Category{CategoryAge}},
		{"x-amz-meta-age-at-visit: 93", []Category{CategoryAge}},
		{"f/039c1c51-1ce4-4e18-857b-c0a9efc78dee_PatientAge_092Y.dcm", []Category{CategoryAge}},
		{"x-amz-meta-date-of-birth: 3/23/38", []Category{CategoryDate}},
		{"Reminder: Liene, your appointment on 5/28/25 at 13:30", []Category{CategoryName, CategoryDate}},
		{"intl-patients/br/national-id/581.296.821-76.pdf", []Category{CategorySSN}},
		{"sepa/refunds/pain001/DE29119151505409129631_x.xml", []Category{CategoryAccount}},
		{"pacs-router/outbound/ORTHANC_DR/ACC956366796.zip", []Category{CategoryAccount}},
		{"nemt/vehicles/HBU9760/trip", []Category{CategoryVehicle}},
		{"client-ip: 10.1.2.3", []Category{CategoryIP}},
		// not a person's
		{"gateways/10.227.95.213/port-104/latency", nil},
		{"version 1.2.3 on 5/28/25", nil},
		{"sizes/095y", nil},
		{"intl/581.296.821-77.pdf", nil}, // CPF check digits fail
		{"blobs/acc3f29b1e4d5c6a7b8c9d0e", nil},
	})
}

// TestSystemLookAlikes: HL7 and X12 fields, log paths, bands, sites and
// technical words that earlier rules read as PHI; and the profile URLs,
// handles and labelled dates that must still be found.
func TestSystemLookAlikes(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"backups/aurora-ehr/2022-06-19/x.dump", nil},
		{"remit/835/medicare-jk/2020-09-01/f62d412a.835", nil},
		{"/aws/lambda/appt-reminder-sender/2021/08/19/x", nil},
		{"x-amz-meta-age-band: 90 or older", nil},
		{"cache/specs/www.cms.gov/medicare/coding", nil},
		{"lastName_soundex", nil},
		{"telehealth/rooms/x/jitter", nil},
		{"MODEL#alaris-8015#FW#5.22.51", nil},
		{"Welcome to Madison Square Garden", nil},
		{"rhapsody/config/prod/route-RAD_ORM_OUT.rlc", nil},
		// still found
		{"links[https://www.facebook.com/adhiraj.pilla.331]", []Category{CategoryURL}},
		{"statements/card/231-52-7740/a.pdf", []Category{CategoryAccount}},
		{"dob/2022-06-19", []Category{CategoryDate}},
		{"vjakab-1960-07-01-backup", []Category{CategoryName, CategoryDate}},
		{"KIM^LEE", nameCat},
	})
}

// TestSegmentsAndInitials: DICOM tags written as S3 metadata keys, X12
// segments inside a DynamoDB key, HL7 MSH and OBX fields, initials glued
// to a birth date, names after a document prefix.
func TestSegmentsAndInitials(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"x-amz-meta-0010-0030: 19831003", []Category{CategoryDate}},
		{"x-amz-meta-0008-0050: RAD541511658", []Category{CategoryMRN}},
		{"837#NM1*QC*1*MACEDO*ARTHUR#DMG*D8*19831128", []Category{CategoryName, CategoryDate}},
		{"x-amz-meta-obx: OBX|1|NM|4548-4^HbA1c^LN||11|g/dL|||||F|||20240817063835", []Category{CategoryDate}},
		{"uploads/ew19470712/ins-card.jpg", []Category{CategoryName, CategoryDate}},
		{"ccda/outbound/referral/CCD_HASENJAGER_SAIRAH_19610822_30009e6a.xml", []Category{CategoryName, CategoryDate}},
		// no person's
		{"x-amz-meta-msh: MSH|^~\\&|CERNER|LAB|MIRTH|BILLING|20240307180838||ADT^A08|MSG05000114|P|2.5.1", nil},
		{"x-amz-meta-obx: OBX|1|NM|2093-3^Glucose^LN||209|mg/dL|12.0-15.5|N|||F", nil},
		{"x-amz-meta-x12-seg: NM1*85*2*FRED HUTCH*****XX*1458463456~", nil},
		{"exports/epic/clarity/20250708/CLARITY_TDL_TRAN_20240211_41.dat.gz", nil},
		{"exports/epic/clarity/20241024/CLARITY_HSP_ACCOUNT_20181208_54.dat.gz", nil},
		{"rc20240101", nil},
		{"parts/0010-0030/x", nil},
	})
}

// TestFiledUnderName: a surname closing a file name after an id, and a
// rarer given name before an unknown capitalized word; random suffixes,
// addresses and English words after an id are not names.
func TestFiledUnderName(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"billing/statements/cycle-28/G15453579_ghose.pdf", nameCat},
		{"enrollment/834/adds/ZGP17396694-larrimore.x12", nameCat},
		{"edi/837P/rejected/28318777646117_AALBERSD.x12", nameCat},
		{"Kadir Bakırcıoğlu", nameCat},
		{"AWSLogs/355823907039/CloudTrail/ap-northeast-1/2020/07/05/355823907039_CloudTrail_ap-northeast-1_20200705T1249Z_SCWEVL2FT4Q747LT.json.gz", nil},
		{"hosts/127.0.0.1-dnsmasq.conf", nil},
		{"builds/12345_release.zip", nil},
		{"reports/2024Q1_summary.pdf", nil},
		{"partners/montefiore/sftp/config.yaml", nil},
	})
}

// TestMoreScriptsAndKeys: Korean and Chinese appointment dates, ages in
// Han units, Arabic months, DICOM keyword labels, last_name= values,
// underscored IPv4 after a client word, plates after a state, UDIs in
// underscores, ages over 100 with a lower-case y.
func TestMoreScriptsAndKeys(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"OMOJOLA Abiona님, 2025년 12월 3일 진료 예약 안내", []Category{CategoryDate}},
		{"גדליה מרב，您的预约时间为2022年3月13日 13:15", []Category{CategoryDate}},
		{"96歳の患者様の検査結果", []Category{CategoryAge}},
		{"تذكير بموعد Jönsson, Anneli في 14 أكتوبر 2023", []Category{CategoryName, CategoryDate}},
		{"x-amz-meta-patientbirthdate: 20171119", []Category{CategoryDate}},
		{"warehouse/claims/patient_last_name=nascimento/part-00000.parquet", nameCat},
		{"telehealth/clients/54_175_89_225/jitter", []Category{CategoryIP}},
		{"PLATE#NY#PUP-8334", []Category{CategoryVehicle}},
		{"implant-registry/udi/01_0076140204116817_27070210_K3VGBK21_211R82/x.pdf", []Category{CategoryDevice}},
		{"hospice/census/BWH-3212653_102y.json", []Category{CategoryAge}},
		// not PHI
		{"リリース 9月8日", nil},
		{"metrics/54_175_89_225", nil},
		{"90歳以上", nil}, // "90 and over": the band Safe Harbor itself prescribes
	})
}

// TestInitialsAndFamilies: initials with a birth date in either order and
// format, and a family named by its surname.
func TestInitialsAndFamilies(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"patients/19350325-kl/glucose", []Category{CategoryName, CategoryDate}},
		{"uploads/gd10221959/consent.pdf", []Category{CategoryName, CategoryDate}},
		{"home/sadick-family/bp-cuff", nameCat},
		{"barber-family-health-docs", nameCat},
		{"the-modern-family/x", nil},
		{"family-medicine/2024", nil},
		{"builds/20240101-rc", nil},
	})
}

// TestFHIRIdentifierSearch: the value of a FHIR identifier token search is
// the person's identifier in its system (an SSN in the SSA's).
func TestFHIRIdentifierSearch(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"queries/fhir/Patient?identifier=urn:oid:2.16.840.1.113883.3.9303.1|5480539", []Category{CategoryMRN}},
		{"fhir/Patient?identifier=http://hl7.org/fhir/sid/us-ssn|219099999", []Category{CategorySSN}},
		{"FHIR/PATIENT?IDENTIFIER=HTTP://HL7.ORG/FHIR/SID/US-SSN|219099999", []Category{CategorySSN}},
		{"Observation?code=http://loinc.org|2345-7", nil},
	})
}

// TestPrefixedAndRecordKinds: record numbers after their system's letters
// (CLM…, MR-…), the kind of record between a person label and the value,
// more labels (claimant, members, certificates, dos), MACs in underscores.
func TestPrefixedAndRecordKinds(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"CLM8291317191", []Category{CategoryAccount}},
		{"epic-bridges/outbound/UMMC/ADT_A03_MR-0516560_741190.hl7", []Category{CategoryMRN}},
		{"rpm/patients/MR-7431557/glucose", []Category{CategoryMRN}},
		{"ehr/patient-photos/6568546_face.jpg", []Category{CategoryMRN}},
		{"hospital-at-home/members/U5203155501/vitals", []Category{CategoryHealthPlan}},
		{"disability/ltd/claimant-625532334/aps.pdf", []Category{CategoryMRN}},
		{"vital-records/birth-certificates/WA-2021-500691.pdf", []Category{CategoryLicense}},
		{"x-amz-meta-dos: 20201119", []Category{CategoryDate}},
		{"paired_1a_dc_ce_1e_7a_25", []Category{CategoryDevice}},
		// not ids
		{"mr-2024-01-05", nil},
		{"builds/rx-20240101", nil},
		{"SUB-2024", nil},
		{"pt-1", nil},
	})
}

// TestLabelsInOtherLanguages: identifier labels of other languages and
// systems (Führerschein, Kennzeichen, número de historia, Teudat Zehut,
// IDFA, geohash, wallet), and label words that are also names stay names.
func TestLabelsInOtherLanguages(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"x-amz-meta-fuhrerschein: 277764920402", []Category{CategoryLicense}},
		{"x-amz-meta-kennzeichen: TQR4R04", []Category{CategoryVehicle}},
		{"x-amz-meta-numero-historia: H9622408", []Category{CategoryMRN}},
		{"x-amz-meta-teudat-zehut: 429823099", []Category{CategorySSN}},
		{"x-amz-meta-edad: 101", []Category{CategoryAge}},
		{"hub/msisdn/01094980205/uplink", []Category{CategoryPhone}},
		{"home/ashanti-vitale/bp-cuff", nameCat},
	})
}

// TestOrganisationsNotPeople: payer ids, an employer's EIN, toll-free
// lines, reporting periods, vendors and hospital wings are no person's.
func TestOrganisationsNotPeople(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"x-amz-meta-payer-id: 87726", nil},
		{"x-amz-meta-billing-tin: 50-5770048", nil},
		{"ivr/prompts/payer-provider-line-1-800-680-4895.wav", nil},
		{"immunization-registry/reports/MN/coverage-2025-wk35.csv", nil},
		{"radiology/mwl/config/CT-AE_SIEMENS_VIDA.json", nil},
		{"facilities/lincoln-wing/floorplans/level-9.pdf", nil},
		{"ronald-reagan-ucla-rcm-archive", nil},
		{"aws:dynamodb:tableName=nutrimate-readings-prod", nil},
		{"aws:sourceAccount=252385884900", nil},
		{"x-amz-meta-partner: Martin Luther King Jr. Community Hospital", nil},
		{"directory/facilities/br/sao-paulo/clinics.json", nil},
		{"San Jose clinic", nil},
		{"Tanaka-san", nameCat},
		{"patientName=nutrimate", nameCat},
		{"Fax received from 800-426-2228 (20 pages)", []Category{CategoryFax}},
		{"x-amz-meta-member-tin: 123-45-6789", []Category{CategorySSN}},
	})
}

// TestTuneFourForms: advertising and face template ids that are UUIDs,
// health card numbers after a province code, spaced licence numbers,
// national phone numbers, postcodes of other countries, geohashes, Thai
// ids and names, particles inside names, ages counted in Jahre.
func TestTuneFourForms(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"x-amz-meta-idfa: E775FDC4-D2C1-43BE-8FCA-3CE52D489698", []Category{CategoryDevice}},
		{"HEALTHCARD#CHI#1411843339", []Category{CategoryHealthPlan}},
		{"x-amz-meta-drivers-license: MH31 20217651523", []Category{CategoryLicense}},
		{"PHONE#0450006382", []Category{CategoryPhone}},
		{"MY-NUMBER#417418071115", []Category{CategorySSN}},
		{"home-postcode:858 96", []Category{CategoryZIP}},
		{"x-amz-meta-postcode: 1098 NH", []Category{CategoryZIP}},
		{"home-geohash=qrj743j5", []Category{CategoryAddress}},
		{"kyc/5-2834-58456-88-0.jpg", []Category{CategorySSN}},
		{"cgm-readings-jesper_de_jong", nameCat},
		{"แจ้งเตือนนัดหมาย คุณนิตติยา งามนอก", nameCat},
		{"Bewohnerin, 101 Jahre, Sturzmeldung", []Category{CategoryAge}},
		// not PHI
		{"kyc/5-2834-58456-88-1.jpg", nil}, // check digit fails
		{"postcode=v2", nil},
		{"la-la-land", nil},
		{"geohash=abc", nil},
	})
}

// TestWrittenAround: an email with "-at-", an EMPI label, a person's
// two-label host, and coordinates without a label.
func TestWrittenAround(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"portal-invites-mackenzilewis1972-at-proton.me", []Category{CategoryEmail}},
		{"x-amz-meta-empi-id: 003399255", []Category{CategoryMRN}},
		{"https://linda.henry.me/", []Category{CategoryURL}},
		{"home-health/evv/visits/41.42881,-108.30336/87852672800.json", []Category{CategoryAddress}},
		{"look-at-this.pdf", nil},
		{"meet-at-noon", nil},
		{"prices/1.2345,2.3456", nil},
		{"https://mail.google.com/x", nil},
	})
}

// TestMemberIDShape: a payer's member id shape in a name about coverage;
// envelope control numbers and ids in other names are not.
func TestMemberIDShape(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"enrollment/834/adds/XEH092742733-roe.x12", []Category{CategoryHealthPlan}},
		{"XEH220299222-claims", []Category{CategoryHealthPlan}},
		{"rpm/VPH138093656/glucose", []Category{CategoryHealthPlan}},
		{"edi/999/outbound/ISA248138491_20221126_batch-111.x12", nil},
		{"orders/ORD1234567890.json", nil},
		{"builds/W967264940/log.txt", nil},
	})
}

// TestTemplatesAndDevices: biometric template ids after the kind of
// template and a prefix, in hex; device serials after a device type;
// MACs with underscores; visit pages; and models and key fingerprints.
func TestTemplatesAndDevices(t *testing.T) {
	runShapeCases(t, Default(), []shapeCase{
		{"biometrics/fingerprint-templates/VP-01425B3951543325.bin", []Category{CategoryLicense}},
		{"FINGERPRINT_TEMPLATE#4066b97834e2e04c783a602f", []Category{CategoryLicense}},
		{"patient-id/palmvein-templates/PV8907304946.bin", []Category{CategoryLicense}},
		{"rpm/bp-cuff/ZTP331659V/readings", []Category{CategoryDevice}},
		{"pairedDevices.ef_e1_f9_97_1f_ee", []Category{CategoryDevice}},
		{"caregiver-feed/https://www.caringbridge.org/visit/rachelfreije", []Category{CategoryURL}},
		{"models/bp-cuff-bp7250/config", nil},
		{"ssh/host-key-fingerprint/7f3a9c2e11b4d5e6", nil},
		{"ab_cd_ef_12_34_56_78", nil},
		{"immigration-health/i-693/A884728701.pdf", []Category{CategoryLicense}},
		{"docs/A884728701.pdf", nil},
		// a label and its fillers at the very end (once read past the
		// last token)
		{"voiceprint-id", nil},
		{"x/fingerprint_no", nil},
		{"patient-photos", nil},
		{"x-amz-meta-license-plate: FEB-5759*x-amz-meta-cert-fingerprint: ", []Category{CategoryVehicle}},
		{"edi/835/outbound/ISA113299324_20190606_batch-238.x12*biometrics/", nil},
	})
}
