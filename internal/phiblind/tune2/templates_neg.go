package tune2

import (
	"fmt"
	"strings"
)

var orgs = []string{"johns-hopkins", "mayo-clinic", "cedars-sinai", "mount-sinai", "kaiser-permanente", "walter-reed", "st-jude", "baylor-scott-white", "henry-ford-health", "beth-israel-lahey", "brigham-and-womens", "vanderbilt-umc", "emory-healthcare", "duke-health", "rush-university", "loyola-medicine", "dana-farber", "sloan-kettering", "fred-hutch", "scripps-health", "eli-lilly", "johnson-and-johnson", "abbott-labs", "baxter", "becton-dickinson", "wells-fargo", "charles-schwab", "ernst-young", "deloitte", "john-deere", "ford-motor", "boeing", "dell", "hewlett-packard", "mckesson", "cardinal-health", "walgreens", "cvs-health", "humana", "cigna", "aetna", "anthem", "centene", "molina", "kroger-health", "carnegie-mellon", "stanford", "vanderbilt", "brown-university", "harvard-pilgrim", "tufts-medicine", "howard-university", "morehouse-school-of-medicine", "mcgill", "karolinska", "charite", "pasteur-institute", "wellcome-trust", "gates-foundation", "rockefeller-university"}

var places = []string{"martin-luther-king-jr-blvd", "washington-heights", "lincoln-park", "jefferson-city", "jackson-hole", "madison-square", "houston-street", "st-louis", "san-jose", "santa-clara", "fort-worth", "st-petersburg", "cleveland-clinic-main-campus", "kennedy-center", "rockefeller-plaza", "hamilton-county", "franklin-square", "grant-park", "wayne-county", "lafayette-square", "columbus-circle", "baltimore-inner-harbor", "mission-bay", "cesar-chavez-ave", "victoria-station"}

var eponyms = []string{"parkinson-disease", "alzheimer-disease", "crohn-disease", "hodgkin-lymphoma", "graves-disease", "hashimoto-thyroiditis", "bell-palsy", "tourette-syndrome", "down-syndrome", "asperger", "cushing-syndrome", "addison-disease", "huntington-disease", "guillain-barre", "kawasaki-disease", "lou-gehrig-disease", "apgar-score", "glasgow-coma-scale", "kaplan-meier", "bonferroni", "foley-catheter", "swan-ganz", "heimlich-maneuver", "papanicolaou", "gram-stain", "wilcoxon", "nobel-prize", "pulitzer", "lasker-award", "sarbanes-oxley", "stark-law", "hill-burton-act", "ryan-white-care-act", "affordable-care-act", "leapfrog-grade", "baldrige-award"}

var wordSurnames = []string{"blue-green/green", "brown-bag-sessions", "white-list", "black-box", "young-gen-gc", "king-size", "price-list", "rice-cooker", "bell-curve", "hill-climbing", "long-running", "march-madness", "may-release", "rose-garden", "grace-period", "mark-as-read", "ward-census", "page-size", "fisher-exact", "baker-street-style", "cook-time", "hunter-gatherer", "wood-grain", "stone-age", "golden-path", "frost-warning", "snow-day-policy", "waters-edge", "banks-holiday", "church-hours", "rivers-and-lakes", "little-endian", "sharp-edges", "strong-consistency", "gay-lussac", "love-wins", "hope-fund", "faith-based-grants", "joy-division", "may-june-sprint"}

var placeholders = []string{"{{patient.firstName}}", "{{ patient.last_name }}", "<LASTNAME>", "${memberId}", "PATIENT^TEST^ZZ", "test-patient", "sample-patient", "xxx-xx-xxxx", "MM-DD-YYYY", "(555) 555-5555", "first.last@example.com", "REDACTED", "[NAME]", "anonymous", "unknown-patient", "NOT_PROVIDED", "nobody@example.invalid", "000-00-0000", "YYYYMMDD", "n/a"}

var roles = []string{"attending", "nurse", "charge-nurse", "pharmacist", "scheduler", "guarantor", "subscriber", "dependent", "caregiver", "front-desk", "coder", "biller", "case-manager", "social-worker", "radiologist", "patient", "member", "provider", "payer", "admin"}

var icd10 = []string{"E11.9", "I10", "J45.909", "F32.A", "M54.50", "Z00.00", "G20", "C81.90", "K50.90", "E05.00", "U07.1", "O80", "S72.001A", "R07.9", "N18.3", "Z79.4", "F84.0", "G30.9", "E24.9", "G10"}
var cpt = []string{"99213", "99214", "99203", "80053", "85025", "71046", "93000", "36415", "99283", "70450", "97110", "90471", "G0438", "J1885", "99457"}
var loinc = []string{"2345-7", "718-7", "4548-4", "2160-0", "8867-4", "59408-5", "8480-6", "8462-4", "29463-7", "8310-5", "2093-3", "94500-6", "26464-8", "777-3", "2951-2", "2823-3", "1742-6", "3016-3", "14749-6", "33914-3"}
var snomed = []string{"38341003", "44054006", "195967001", "22298006", "73211009", "49436004", "84114007", "13645005", "230690007", "414545008"}
var ndc = []string{"0002-8215-01", "0169-4132-12", "0088-2220-33", "50090-2878-0", "0173-0682-20", "63323-262-01", "0409-4888-01", "0006-0277-54"}
var lambdas = []string{"portal-signup", "hl7-ingest", "fhir-bulk-poller", "claims-837-builder", "eligibility-270", "dicom-deid", "appt-reminder-sender", "rx-refill-router", "consent-pdf-render", "iot-telemetry-fanout"}
var models = []string{"dexcom-g7", "libre3", "omnipod5", "t-slim-x2", "apple-watch-s9", "fitbit-charge6", "omron-bp7450", "withings-body-plus", "resmed-airsense11", "masimo-rad97", "philips-intellivue-mx450", "alaris-8015", "ge-carescape-b650"}

func (g *G) semver() string {
	return fmt.Sprintf("%d.%d.%d", g.between(0, 12), g.n(30), g.n(60))
}

func (g *G) arn() string {
	acct := g.nz(12)
	switch g.n(5) {
	case 0:
		return sp("arn:aws:s3:::%s-%s/%s", g.pick("phi-landing", "hl7-archive", "dicom-ingest"), acct, g.uuid())
	case 1:
		return sp("arn:aws:dynamodb:us-east-1:%s:table/%s", acct, g.pick("Patients", "Encounters", "Claims835", "Appointments"))
	case 2:
		return sp("arn:aws:lambda:us-west-2:%s:function:%s", acct, lambdas[g.n(len(lambdas))])
	case 3:
		return sp("arn:aws:kms:eu-west-1:%s:key/%s", acct, g.uuid())
	}
	return sp("arn:aws:states:us-east-2:%s:execution:%s:%s", acct, g.pick("PriorAuth", "NightlyETL"), g.uuid())
}

func (g *G) sysTS() string {
	t := g.svcDate()
	return g.pick(t.Format("2006-01-02T15:04:05Z"), t.Format("20060102T150405Z"), fmt.Sprint(t.Unix()), t.Format("2006-01-02T15:04:05.000Z"))
}

var negTemplates = []tmpl{
	// ---------- S3 keys: EHR / interface engines with no person ----------
	{"n-fhir-bulk-type", s3, 2, func(g *G) (string, []string) {
		return sp("fhir-bulk/export/%s/%s.%d.ndjson", g.pick(g.uuid(), g.ulid()), g.pick("Patient", "Observation", "Encounter", "Condition", "MedicationRequest", "Coverage", "ExplanationOfBenefit"), g.between(1, 40)), nil
	}},
	{"n-hl7-batch-control", s3, 2, func(g *G) (string, []string) {
		t := g.svcDate()
		return sp("hl7/batch/%s/MSG%s_%s.hl7", g.pick("inbound", "archive", "ack"), g.digits(8), t.Format("20060102150405")), nil
	}},
	{"n-mirth-archive", s3, 1, func(g *G) (string, []string) {
		t := g.svcDate()
		return sp("mirth/channels/%s/archive/%s/%s.hl7", g.pick("ADT_A08", "ORU_R01", "SIU_S12", "MDM_T02"), t.Format("2006/01/02"), g.uuid()), nil
	}},
	{"n-epic-clarity-extract", s3, 1, func(g *G) (string, []string) {
		return sp("exports/epic/clarity/%s/CLARITY_%s_%s_%d.dat.gz", g.sysDate(), g.pick("TDL_TRAN", "PAT_ENC", "ORDER_PROC", "HSP_ACCOUNT"), g.sysDate(), g.between(1, 64)), nil
	}},
	{"n-cerner-code-sets", s3, 1, func(g *G) (string, []string) {
		return sp("cerner/millennium/codesets/cs_%d_%s.csv", g.pick3(72, 93, 200, 319, 4002), g.sysDate()), nil
	}},
	{"n-meditech-dictionary", s3, 1, func(g *G) (string, []string) {
		return sp("meditech/expanse/dictionaries/%s/v%s.json", g.pick("MIS", "LAB", "PHA", "OE"), g.semver()), nil
	}},
	{"n-athena-practice-config", s3, 1, func(g *G) (string, []string) {
		return sp("athenahealth/practice_%s/config/%s.json", g.digits(5), g.pick("departments", "providers", "appointment-types", "fee-schedule")), nil
	}},
	{"n-rhapsody-route-config", s3, 1, func(g *G) (string, []string) {
		return sp("rhapsody/config/%s/route-%s.rlc", g.pick("prod", "test"), g.pick("ADT_FANOUT", "LAB_ORU_IN", "RAD_ORM_OUT")), nil
	}},
	{"n-ccda-templates", s3, 1, func(g *G) (string, []string) {
		return sp("ccda/schemas/%s/%s", g.pick("2.1", "R2.1-2019", "R3"), g.pick("CDA.xsd", "ccd-sample-template.xml", "c-cda-validator-rules.sch")), nil
	}},
	{"n-dicom-uids", s3, 2, func(g *G) (string, []string) {
		return sp("dicom/studies/1.2.840.113619.2.%s.%s/series/1.3.12.2.1107.5.%s/%s.dcm", g.digits(3), g.digits(10), g.digits(8), "1.2.276.0.7230010.3.1.4."+g.digits(10)), nil
	}},
	{"n-pacs-router-queue", s3, 1, func(g *G) (string, []string) {
		return sp("pacs-router/%s/queue/%s.dcm", g.pick("RAD_AI_01", "NIGHTHAWK", "VNA_MAIN"), g.uuid()), nil
	}},
	{"n-x12-file-isa", s3, 2, func(g *G) (string, []string) {
		return sp("edi/%s/outbound/%s/ISA%s_%s.x12", g.pick("837p", "837i", "270", "276", "834"), g.sysDate(), g.digits(9), g.pick("ZZ", "30")+g.digits(9)), nil
	}},
	{"n-x12-835-payer-day", s3, 1, func(g *G) (string, []string) {
		return sp("remit/835/%s/%s/%s.835", g.pick("bcbsma", "aetna", "uhc", "medicare-jk"), g.svcDate().Format("2006-01-02"), g.uuid()), nil
	}},
	{"n-loinc-ref", s3, 1, func(g *G) (string, []string) {
		return sp("lab/loinc/%s/reference-ranges.json", loinc[g.n(len(loinc))]), nil
	}},
	{"n-ndc-formulary", s3, 1, func(g *G) (string, []string) {
		return sp("formulary/%d/ndc/%s.json", g.between(2021, 2025), ndc[g.n(len(ndc))]), nil
	}},
	{"n-icd-eponym", s3, 1, func(g *G) (string, []string) {
		return sp("clinical-content/icd10/%s/%s.md", icd10[g.n(len(icd10))], eponyms[g.n(len(eponyms))]), nil
	}},
	{"n-snomed-valueset", s3, 1, func(g *G) (string, []string) {
		return sp("terminology/snomed/%s/valueset-%s.json", snomed[g.n(len(snomed))], g.pick("inclusion", "exclusion")), nil
	}},
	{"n-provider-npi", s3, 1, func(g *G) (string, []string) {
		return sp("directory/providers/npi-%s/profile.json", g.npi()), nil
	}},
	{"n-lake-partition-date", s3, 2, func(g *G) (string, []string) {
		t := g.svcDate()
		return sp("logs/%s/year=%d/month=%02d/day=%02d/hour=%02d/%s.gz", g.pick("alb", "waf", "portal-api", "hl7-listener"), t.Year(), int(t.Month()), t.Day(), t.Hour(), g.uuid()), nil
	}},
	{"n-athena-results", s3, 1, func(g *G) (string, []string) {
		return sp("athena-results/%s/%s.%s", g.pick("adhoc", "Unsaved/2024/05/17", "quality-measures"), g.uuid(), g.pick("csv", "csv.metadata", "txt")), nil
	}},
	{"n-cloudtrail", s3, 1, func(g *G) (string, []string) {
		t := g.svcDate()
		a := g.nz(12)
		return sp("AWSLogs/%s/CloudTrail/us-east-1/%s/%s_CloudTrail_us-east-1_%s_%s.json.gz", a, t.Format("2006/01/02"), a, t.Format("20060102T1504Z"), g.from(b62, 16)), nil
	}},
	{"n-assets-at", s3, 1, func(g *G) (string, []string) {
		return g.pick("assets/img/logo@2x.png", "assets/icons/pill@3x.webp", "static/js/main."+g.hex(8)+".js", "node_modules/@aws-sdk/client-s3@"+g.semver()+"/package.json", "vendor/@fhir/r4-types@"+g.semver()+".tgz", "images/hero@"+g.pick("2x", "3x")+"."+g.pick("png", "jpg")), nil
	}},
	{"n-doc-templates", s3, 1, func(g *G) (string, []string) {
		return sp("docs/%s-v%s.%s", g.pick("discharge-summary-template", "mrn-format-spec", "ssn-masking-rules", "dob-validation-policy", "hl7-pid-mapping", "x12-837-companion-guide", "patient-name-matching-algorithm"), g.semver(), g.pick("docx", "md", "pdf", "yaml")), nil
	}},
	{"n-org-contracts", s3, 2, func(g *G) (string, []string) {
		return sp("partners/%s/contracts/%d-%s.pdf", orgs[g.n(len(orgs))], g.between(2015, 2025), g.pick("msa", "baa", "sow", "dua", "amendment-2")), nil
	}},
	{"n-places", s3, 1, func(g *G) (string, []string) {
		return sp("facilities/%s/%s", places[g.n(len(places))], g.pick("floorplan.pdf", "fire-evac-map.png", "parking.json", "wifi-survey.csv")), nil
	}},
	{"n-eponym-training", s3, 1, func(g *G) (string, []string) {
		return sp("training/%s/module-%d.mp4", eponyms[g.n(len(eponyms))], g.between(1, 9)), nil
	}},
	{"n-word-surnames", s3, 1, func(g *G) (string, []string) {
		return sp("%s/%s/%s", g.pick("deploy", "ops", "wiki", "finance", "hr"), wordSurnames[g.n(len(wordSurnames))], g.pick("manifest.json", "README.md", "notes.txt", "2024.xlsx")), nil
	}},
	{"n-placeholders", s3, 1, func(g *G) (string, []string) {
		return sp("templates/mail-merge/%s/%s.txt", g.pick("letters", "labels", "sms"), strings.NewReplacer("/", "-", " ", "_").Replace(placeholders[g.n(len(placeholders))])), nil
	}},
	{"n-roles", s3, 1, func(g *G) (string, []string) {
		return sp("inbox/%s/queue-%d.json", roles[g.n(len(roles))], g.between(1, 20)), nil
	}},
	{"n-aggregates", s3, 2, func(g *G) (string, []string) {
		switch g.n(4) {
		case 0:
			return sp("reports/census/age-band=%s/count.csv", g.pick("90+", "85-89", "65-74", "0-17", "18-44")), nil
		case 1:
			return sp("reports/geo/zip3=%s/prevalence.parquet", openZIP3[g.n(len(openZIP3))]), nil
		case 2:
			return sp("cohorts/birth_year=%d/summary.json", g.between(1930, 2015)), nil
		}
		return sp("reports/state=%s/age=%d/utilization.csv", g.pick("MA", "CA", "TX", "NY", "OH"), g.between(18, 89)), nil
	}},
	{"n-telehealth-session", s3, 1, func(g *G) (string, []string) {
		return sp("telehealth/recordings/%s.%s", g.uuid(), g.pick("mp4", "webm", "m4a")), nil
	}},
	{"n-connect-recording", s3, 1, func(g *G) (string, []string) {
		t := g.svcDate()
		return sp("connect/%s/CallRecordings/%s/%s_%s_UTC.wav", g.pick("acme-health", "nurse-line"), t.Format("2006/01/02"), g.uuid(), t.Format("20060102T15:04")), nil
	}},
	{"n-firmware", s3, 1, func(g *G) (string, []string) {
		return sp("firmware/%s/v%s/%s.bin", models[g.n(len(models))], g.semver(), g.sha256()), nil
	}},
	{"n-udi-di-only", s3, 1, func(g *G) (string, []string) {
		return sp("devices/gudid/%s.json", g.pick(g.gtin(), "(01)"+g.gtin())), nil
	}},
	{"n-cwl-groups", s3, 2, func(g *G) (string, []string) {
		t := g.svcDate()
		switch g.n(3) {
		case 0:
			return sp("/aws/lambda/%s/%s/[$LATEST]%s", lambdas[g.n(len(lambdas))], t.Format("2006/01/02"), g.hex(32)), nil
		case 1:
			return sp("/aws/ecs/containerinsights/%s/performance", g.pick("ehr-prod", "integration-eks", "portal")), nil
		}
		return sp("/aws/vendedlogs/states/%s-Logs/%s", g.pick("PriorAuth", "NightlyETL", "Discharge"), g.hex(12)), nil
	}},
	{"n-firehose", s3, 1, func(g *G) (string, []string) {
		t := g.svcDate()
		return sp("firehose/adt-events/%s/adt-stream-1-%s-%s", t.Format("2006/01/02/15"), t.Format("2006-01-02-15-04-05"), g.uuid()), nil
	}},
	{"n-glue-parquet", s3, 1, func(g *G) (string, []string) {
		return sp("warehouse/%s/service_year=%d/part-%05d-%s.c000.snappy.parquet", g.pick("claims_fact", "encounter_fact", "rx_fill_fact", "dim_provider"), g.between(2018, 2025), g.n(200), g.uuid()), nil
	}},
	{"n-cas-hash", s3, 1, func(g *G) (string, []string) {
		return g.pick("cas/sha256/"+g.sha256(), "cache/"+g.hex(32)+"-"+fmt.Sprint(g.between(2, 40)), "blobs/"+g.hex(40)+".gz"), nil
	}},
	{"n-thumbs", s3, 1, func(g *G) (string, []string) {
		return sp("thumbs/%s/%s.webp", g.pick("1024x768", "320x240", "1920x1080", "64x64", "300w"), g.ksuid()), nil
	}},
	{"n-terraform", s3, 1, func(g *G) (string, []string) {
		return sp("terraform/state/%s/%s/%s/terraform.tfstate", g.pick("prod", "stage", "dev"), g.pick("us-east-1", "us-west-2", "eu-central-1"), g.pick("vpc", "eks", "rds-aurora", "hl7-listener")), nil
	}},
	{"n-infra-ip", s3, 1, func(g *G) (string, []string) {
		return g.pick(sp("ssm/inventory/ip-10-%d-%d-%d.ec2.internal/%s.json", g.n(256), g.n(256), g.n(256), g.pick("apps", "patches")), sp("vpc-flow/%s/10.%d.0.0_16/%s.log.gz", g.nz(12), g.n(256), g.sysDate()), sp("configs/listeners/0.0.0.0-%d.yaml", g.pick3(443, 8443, 2575, 6661)), "health/127.0.0.1-8080.txt"), nil
	}},
	{"n-money-sizes", s3, 1, func(g *G) (string, []string) {
		return sp("finance/invoices/INV-%s-USD-%d.%02d.pdf", g.digits(6), g.between(10, 90000), g.n(100)), nil
	}},
	{"n-sku", s3, 1, func(g *G) (string, []string) {
		return sp("catalog/sku/%s-%s-%s.json", g.pick("GLV", "MSK", "SYR", "CATH"), g.from(upper, 2), g.digits(4)), nil
	}},
	{"n-research-coded", s3, 2, func(g *G) (string, []string) {
		return sp("research/IRB-%d-%04d/subjects/SUBJ-%04d/visit-%d/%s", g.between(2019, 2025), g.n(9999), g.n(9999), g.between(1, 12), g.pick("crf.pdf", "ecg.xml", "labs.csv", "ae-log.json")), nil
	}},
	{"n-hr-policy", s3, 1, func(g *G) (string, []string) {
		return sp("hr/%s/%s-%d.pdf", g.pick("policies", "benefits", "occupational-health"), g.pick("fmla-leave-policy", "open-enrollment", "respirator-fit-test-procedure", "tb-screening-protocol", "employee-handbook"), g.between(2019, 2025)), nil
	}},
	{"n-ncpdp-pharmacy", s3, 1, func(g *G) (string, []string) {
		return sp("pharmacy/ncpdp/%s/daily-claims-%s.csv", g.digits(7), g.svcDate().Format("2006-01-02")), nil
	}},
	{"n-lab-qc", s3, 1, func(g *G) (string, []string) {
		return sp("lab/instruments/%s/qc/lot-%s/%s.csv", g.pick("cobas-8000", "alinity-ci", "sysmex-xn", "vitros-5600"), g.from(alnumUp, 6), g.svcDate().Format("2006-01-02")), nil
	}},
	{"n-cpt-fee", s3, 1, func(g *G) (string, []string) {
		return sp("billing/cpt/%s/fee-schedule-%d.csv", cpt[g.n(len(cpt))], g.between(2020, 2025)), nil
	}},
	{"n-sfn-exec-s3", s3, 1, func(g *G) (string, []string) {
		return sp("sfn-output/%s/%s.json", g.pick("NightlyETL", "Discharge", "PriorAuth"), g.pick("exec-"+g.uuid(), "nightly-etl-"+g.svcDate().Format("2006-01-02")+"T0200Z")), nil
	}},
	{"n-backup-dates", s3, 1, func(g *G) (string, []string) {
		return sp("backups/%s/%s/%s.dump", g.pick("aurora-ehr", "dynamodb-patients", "mirth-db"), g.svcDate().Format("2006-01-02"), g.sysTS()), nil
	}},
	{"n-fhir-spec-urls", s3, 1, func(g *G) (string, []string) {
		return sp("cache/specs/%s", g.pick("https%3A%2F%2Fhl7.org%2Ffhir%2FR4%2Fpatient.html", "https%3A%2F%2Fbuild.fhir.org%2Fig%2FHL7%2FUS-Core", "https%3A%2F%2Fwww.cms.gov%2Fmedicare%2Fcoding", "https%3A%2F%2Floinc.org%2F"+loinc[g.n(len(loinc))])), nil
	}},
	{"n-fhir-search-noid", s3, 1, func(g *G) (string, []string) {
		return sp("fhir-cache/R4/%s", g.pick("Patient?_count=50&_sort=-_lastUpdated", sp("Patient?birthdate=ge%d&_summary=count", g.between(1930, 1990)), "Observation?code=http://loinc.org|"+loinc[g.n(len(loinc))]+"&_count=100", "metadata", "StructureDefinition/us-core-patient", "Patient/$export?_type=Patient,Coverage")), nil
	}},

	// ---------- S3 metadata ----------
	{"n-meta-system", meta, 3, func(g *G) (string, []string) {
		switch g.n(12) {
		case 0:
			return "x-amz-meta-content-sha256: " + g.sha256(), nil
		case 1:
			return "x-amz-meta-uploaded-by: " + g.pick("lambda-intake-processor", "mirth-connect", "svc-hl7-listener", "role/ehr-exporter"), nil
		case 2:
			return "x-amz-meta-source-system: " + g.pick("EPIC", "CERNER", "MEDITECH", "ATHENA", "RHAPSODY"), nil
		case 3:
			return "x-amz-meta-retention: " + g.pick("7y", "10y", "P6Y", "legal-hold"), nil
		case 4:
			return "x-amz-meta-msh-10: MSG" + g.digits(8), nil
		case 5:
			return "x-amz-meta-loinc: " + loinc[g.n(len(loinc))], nil
		case 6:
			return "x-amz-meta-icd10: " + icd10[g.n(len(icd10))], nil
		case 7:
			return "x-amz-meta-schema-version: " + g.semver(), nil
		case 8:
			return "x-amz-meta-etag: \"" + g.hex(32) + "-" + fmt.Sprint(g.between(2, 99)) + "\"", nil
		case 9:
			return "x-amz-meta-request-id: " + strings.ToUpper(g.hex(16)), nil
		case 10:
			return "x-amz-meta-dimensions: " + g.pick("1024x768", "512x512", "3000x2000"), nil
		}
		return "x-amz-meta-content-language: " + g.pick("en-US", "es-MX", "fr-CA", "zh-Hans", "ar-SA"), nil
	}},
	{"n-meta-aggregates", meta, 1, func(g *G) (string, []string) {
		switch g.n(5) {
		case 0:
			return "x-amz-meta-age-band: " + g.pick("90+", "85-89", "65-74", "90 or older"), nil
		case 1:
			return sp("x-amz-meta-birth-year: %d", g.between(1925, 2015)), nil
		case 2:
			return "x-amz-meta-zip3: " + openZIP3[g.n(len(openZIP3))], nil
		case 3:
			return "x-amz-meta-state: " + g.pick("MA", "CA", "Texas", "NY", "Ohio"), nil
		}
		return sp("x-amz-meta-patient-age: %d", g.between(18, 89)), nil
	}},
	{"n-meta-hl7-msh", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-msh: MSH|^~\\&|%s|%s|%s|%s|%s||%s|MSG%s|P|2.5.1", g.pick("EPIC", "CERNER", "LIS"), g.pick("MGH", "MAIN", "LAB"), g.pick("MIRTH", "RHAPSODY"), g.pick("HIE", "LAB", "BILLING"), g.svcDate().Format("20060102150405"), g.pick("ADT^A08", "ORU^R01", "SIU^S12", "ORM^O01"), g.digits(8)), nil
	}},
	{"n-meta-hl7-obx-nodate", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-obx: OBX|1|NM|%s^%s^LN||%d|%s|%s|%s|||F", loinc[g.n(len(loinc))], g.pick("Glucose", "Hemoglobin", "Creatinine", "Heart rate"), g.between(1, 250), g.pick("mg/dL", "g/dL", "/min"), g.pick("70-99", "12.0-15.5", "0.6-1.2"), g.pick("N", "H", "L")), nil
	}},
	{"n-meta-dicom-tech", meta, 1, func(g *G) (string, []string) {
		switch g.n(4) {
		case 0:
			return "x-amz-meta-modality: " + g.pick("CT", "MR", "US", "CR", "NM"), nil
		case 1:
			return sp("x-amz-meta-studyinstanceuid: 1.2.840.113619.2.55.3.%s.%s", g.digits(10), g.digits(3)), nil
		case 2:
			return "x-amz-meta-0008-0060: " + g.pick("MR", "CT", "DX"), nil
		}
		return "x-amz-meta-transfer-syntax: 1.2.840.10008.1.2." + g.pick("1", "4.50", "4.90"), nil
	}},
	{"n-meta-x12-segments", meta, 2, func(g *G) (string, []string) {
		switch g.n(6) {
		case 0:
			return sp("x-amz-meta-x12-seg: INS*Y*18*%s*%s*A***FT~", g.pick("021", "030", "001"), g.pick("28", "XN", "AI")), nil
		case 1:
			return sp("x-amz-meta-x12-seg: NM1*85*2*%s*****XX*%s~", up(strings.ReplaceAll(orgs[g.n(20)], "-", " ")), g.npi()), nil
		case 2:
			return sp("x-amz-meta-x12-seg: HL*%d**%d*%d~", g.between(1, 9), g.pick3(20, 22, 23), g.n(2)), nil
		case 3:
			return sp("x-amz-meta-x12-seg: SV1*HC:%s*%d*UN*1***1~", cpt[g.n(len(cpt))], g.between(40, 900)), nil
		case 4:
			return sp("x-amz-meta-x12-seg: ISA*00*          *00*          *ZZ*%s*ZZ*%s*%s*%s*^*00501*%s*0*P*:~", g.from(alnumUp, 15), g.from(alnumUp, 15), g.svcDate().Format("060102"), g.svcDate().Format("1504"), g.digits(9)), nil
		}
		return sp("x-amz-meta-x12-seg: HI*ABK:%s~", strings.ReplaceAll(icd10[g.n(len(icd10))], ".", "")), nil
	}},
	{"n-meta-sqs-attrs", meta, 1, func(g *G) (string, []string) {
		switch g.n(4) {
		case 0:
			return sp("MessageAttributes.traceparent: 00-%s-%s-01", g.hex(32), g.hex(16)), nil
		case 1:
			return "MessageAttributes.eventType: " + g.pick("ADT_A08", "Patient.updated", "Claim.submitted", "ORU_R01"), nil
		case 2:
			return sp("MessageAttributes.X-Amzn-Trace-Id: Root=1-%s-%s", g.hex(8), g.hex(24)), nil
		}
		return "MessageGroupId: " + g.pick("tenant-"+fmt.Sprint(g.between(1, 99)), "shard-"+fmt.Sprint(g.n(32))), nil
	}},
	{"n-meta-column-labels", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("fields", "columns", "redacted"), g.pick("patient_dob,ssn_hash,mrn", "firstName,lastName,dateOfBirth", "memberId;groupNumber", "pid-5,pid-7,pid-19")), nil
	}},
	{"n-meta-orgs", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("facility", "payer", "sponsor", "lab"), strings.ReplaceAll(orgs[g.n(len(orgs))], "-", " ")), nil
	}},
	{"n-meta-npi", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-%s: %s", g.pick("rendering-npi", "billing-npi", "referring-npi"), g.npi()), nil
	}},
	{"n-meta-study-code", meta, 1, func(g *G) (string, []string) {
		return sp("x-amz-meta-study-subject: SUBJ-%04d", g.n(9999)), nil
	}},
	{"n-meta-system-url", meta, 1, func(g *G) (string, []string) {
		return "x-amz-meta-source-url: " + g.pick("https://hl7.org/fhir/R4/patient.html", "https://cdn.example-health.org/assets/app."+g.hex(8)+".js", "s3://phi-landing-prod/"+g.uuid(), "https://status.aws.amazon.com/", "https://fhir.example.org/r4/metadata"), nil
	}},

	// ---------- buckets ----------
	{"n-bucket-infra", bkt, 3, func(g *G) (string, []string) {
		switch g.n(6) {
		case 0:
			return sp("acme-phi-landing-%s-%s", g.pick("us-east-1", "us-west-2"), g.nz(12)), nil
		case 1:
			return sp("%s-research-%s", orgs[g.n(len(orgs))], g.pick("prod", "dev", "sandbox")), nil
		case 2:
			return sp("%s-%s-%s", g.pick("epic-clarity-exports", "cerner-hl7-archive", "dicom-ingest", "x12-edi-inbound"), g.pick("prod", "stg"), g.hex(6)), nil
		case 3:
			return sp("cf-templates-%s-%s", g.from(alnumLo, 12), g.pick("us-east-1", "eu-west-1")), nil
		case 4:
			return sp("aws-cloudtrail-logs-%s-%s", g.nz(12), g.hex(8)), nil
		}
		return sp("%s-logs-%s", g.pick(places[:10]...), g.pick("alb", "waf", "access")), nil
	}},

	// ---------- DynamoDB keys ----------
	{"n-ddb-keys", ddb, 7, func(g *G) (string, []string) {
		switch g.n(14) {
		case 0:
			return sp("TENANT#%d#CONFIG#%s", g.between(1, 999), g.pick("reminders", "branding", "sso", "hl7-routes")), nil
		case 1:
			return sp("ORG#%s#FACILITY#%d", orgs[g.n(len(orgs))], g.between(1, 40)), nil
		case 2:
			return "JOB#" + g.ulid(), nil
		case 3:
			return "LOCK#" + g.uuid(), nil
		case 4:
			return "MSG#MSG" + g.digits(8), nil
		case 5:
			return sp("STUDY#IRB-%d-%04d#SUBJ#%04d", g.between(2019, 2025), g.n(9999), g.n(9999)), nil
		case 6:
			return "NPI#" + g.npi(), nil
		case 7:
			return "CODE#ICD10#" + icd10[g.n(len(icd10))], nil
		case 8:
			return "SESSION#" + g.uuid(), nil
		case 9:
			return sp("SHARD#%d#%s", g.n(64), g.svcDate().Format("2006-01-02")), nil
		case 10:
			return "IDEMPOTENCY#" + g.sha256(), nil
		case 11:
			return sp("RATE#%s#%s", g.pick("PPO", "HMO"), g.svcDate().Format("2006-01")), nil
		case 12:
			return sp("EVENT#%s#%s", g.sysTS(), g.ksuid()), nil
		}
		return sp("CODE#LOINC#%s", loinc[g.n(len(loinc))]), nil
	}},
	{"n-ddb-gsi-schema", ddb, 1, func(g *G) (string, []string) {
		return g.pick("GSI1PK", "GSI1SK", "PATIENT#", "NAME#", "DOB#", "EMAIL#", "TYPE#Patient", "TYPE#Encounter", "STATUS#ACTIVE", "SK#METADATA", "#PROFILE", "VERSION#v0"), nil
	}},
	{"n-ddb-kinesis-pk", ddb, 1, func(g *G) (string, []string) {
		return g.pick("shard-"+fmt.Sprint(g.n(256)), g.uuid(), "tenant-"+fmt.Sprint(g.between(1, 500))+"-"+g.pick("adt", "oru", "siu"), g.hex(32)), nil
	}},
	{"n-ddb-sfn-exec", ddb, 1, func(g *G) (string, []string) {
		return g.pick("exec-"+g.uuid(), "nightly-etl-"+g.svcDate().Format("2006-01-02")+"T0200Z", "redrive-"+g.ulid(), "backfill-"+fmt.Sprint(g.between(2019, 2024))+"-q"+fmt.Sprint(g.between(1, 4))), nil
	}},
	{"n-ddb-device-model", ddb, 1, func(g *G) (string, []string) {
		return sp("MODEL#%s#FW#%s", models[g.n(len(models))], g.semver()), nil
	}},
	{"n-ddb-orgs-words", ddb, 1, func(g *G) (string, []string) {
		return sp("TAG#%s", g.pick(append(append([]string{}, eponyms[:15]...), wordSurnames[:15]...)...)), nil
	}},

	// ---------- attribute names ----------
	{"n-attr-columns", attr, 4, func(g *G) (string, []string) {
		return g.pick("patient_dob", "ssn_hash", "dob_year", "mrn_index", "GSI1PK", "GSI2SK", "memberId", "emergencyContactPhone", "guarantor_account_no", "vin", "deviceSerial", "imei", "mac_address", "client_ip", "homeAddress", "zip5", "zip3", "email_verified", "faxNumber", "dateOfDeath", "ageAtEncounter", "ageBand", "drivers_license_state", "passport_country", "npi", "pid_3_cx", "nk1_relationship", "accession_no", "study_instance_uid", "loinc_code", "icd10_primary", "lastName_soundex", "firstNameNormalized", "dob_shifted_days", "ssn_last4_hash", "mbi_token", "claim_status", "plate_region", "profile_url", "biometric_template_ref"), nil
	}},
	{"n-attr-nested", attr, 1, func(g *G) (string, []string) {
		return sp("%s.%s", g.pick("demographics", "contact", "coverage", "device", "audit"), g.pick("name.family", "name.given[0]", "telecom[1].value", "birthDate", "identifier[0].system", "address.postalCode", "ttl", "updatedAt", "version")), nil
	}},

	// ---------- table names ----------
	{"n-tables", tbl, 4, func(g *G) (string, []string) {
		return g.pick("patients", "Encounters-prod", "phi-vault-us-east-1", "claims_835_fact", "hl7_msh_index", "tbl_patient_demographics", "dim_zip3", "PatientAppointments-v2", "fhir_resources_r4", "x12_270_271_log", "dicom_series_index", "rx_fills_2024", "loinc_ref", "npi_registry", "member_eligibility_snapshot", "devices_inventory", "telehealth_sessions", "call_recordings_meta", "occ_health_clearances", "study_subjects_coded", "mirth_channel_stats", "kaplan_meier_survival", "parkinson_registry_agg", "mayo_clinic_referrals_agg", "stg_pid_segments", "audit_cloudtrail_"+g.svcDate().Format("200601")), nil
	}},

	// ---------- encryption context ----------
	{"n-ec-values", ec, 4, func(g *G) (string, []string) {
		switch g.n(7) {
		case 0:
			return g.arn(), nil
		case 1:
			return sp("tenant-%d", g.between(1, 999)), nil
		case 2:
			return g.pick("backup", "hl7-archive", "dicom-deid", "export", "phi-at-rest"), nil
		case 3:
			return sp("arn:aws:s3:::%s/%s/%s.pdf", g.pick("acme-phi-prod", "records-vault-use1"), g.pick("records", "consents", "scans"), g.uuid()), nil
		case 4:
			return g.nz(12), nil
		case 5:
			return "job/" + g.ulid(), nil
		}
		return sp("%s/%s", g.pick("Patient", "Encounter", "Claim"), g.pick("_history", "$export", "_search")), nil
	}},

	// ---------- subjects ----------
	{"n-subj-portal-intl", subj, 5, func(g *G) (string, []string) {
		return g.pick("You have a new message in your patient portal", "Your appointment reminder", "Your lab results are available", "Nuevo mensaje en su portal del paciente", "Sus resultados de laboratorio están disponibles", "Votre résultat est disponible", "Nouveau message de votre clinique", "Ihre Rechnung ist verfügbar", "Neue Nachricht im Patientenportal", "Nova mensagem no portal do paciente", "您有一条新消息", "您的检验报告已出", "新しいメッセージがあります", "ご予約の確認", "새 메시지가 도착했습니다", "진료 예약이 확정되었습니다", "لديك رسالة جديدة", "نتائج التحاليل متاحة", "У вас новое сообщение", "Результаты анализов готовы", "Bạn có tin nhắn mới", "Kết quả xét nghiệm đã có", "May bagong mensahe ka", "Handa na ang resulta ng iyong lab", "आपके लिए नया संदेश", "आपकी रिपोर्ट तैयार है"), nil
	}},
	{"n-subj-system", subj, 5, func(g *G) (string, []string) {
		switch g.n(8) {
		case 0:
			return sp("[ALERT] 5xx rate above %d%% on portal-api (HTTP %d)", g.between(1, 9), g.pick3(500, 502, 503, 504)), nil
		case 1:
			return sp("Build #%d of ehr-integration passed (v%s)", g.between(100, 9999), g.semver()), nil
		case 2:
			return sp("Scheduled maintenance on %s 02:00-04:00 UTC", g.svcDate().Format("Monday, January 2")), nil
		case 3:
			return sp("Invoice INV-%s from AWS for %s", g.digits(8), g.svcDate().Format("January 2006")), nil
		case 4:
			return sp("Martin Luther King Jr. Day – clinic closed %s", g.pick("Jan 20", "January 15", "Jan 16")), nil
		case 5:
			return sp("Mirth channel %s stopped: %d messages queued", g.pick("ADT_A08", "ORU_R01"), g.between(1, 5000)), nil
		case 6:
			return sp("CloudWatch alarm: %s in us-east-1 (%s)", g.pick("ApproximateAgeOfOldestMessage", "ThrottledRequests", "5XXError"), g.sysTS()), nil
		}
		return sp("Weekly census report: %d admissions, %d discharges, age 90+: %d", g.between(50, 900), g.between(50, 900), g.between(0, 40)), nil
	}},
	{"n-subj-orgs", subj, 2, func(g *G) (string, []string) {
		o := strings.ReplaceAll(orgs[g.n(len(orgs))], "-", " ")
		return g.pick(sp("Welcome to %s Patient Portal", title(o)), sp("Referral network update: %s", o), sp("%s quarterly newsletter", title(eponyms[g.n(len(eponyms))])), sp("Grand rounds: %s", strings.ReplaceAll(eponyms[g.n(len(eponyms))], "-", " ")), sp("Directions to %s", strings.ReplaceAll(places[g.n(len(places))], "-", " "))), nil
	}},
	{"n-subj-codes", subj, 1, func(g *G) (string, []string) {
		return g.pick(sp("Prior auth required for CPT %s", cpt[g.n(len(cpt))]), sp("Formulary change: NDC %s", ndc[g.n(len(ndc))]), sp("ICD-10 %s coding update", icd10[g.n(len(icd10))]), sp("LOINC %s mapping added", loinc[g.n(len(loinc))]), sp("Your order %s has shipped", g.pick("#", "")+g.digits(9))), nil
	}},
	{"n-subj-placeholder", subj, 1, func(g *G) (string, []string) {
		return sp("Appointment reminder for %s on %s", g.pick("{{patient.firstName}}", "${name}", "[PATIENT NAME]", "%FIRST%"), g.pick("{{appt.date}}", "${date}", "[DATE]", "%DATE%")), nil
	}},
	{"n-subj-study-code", subj, 1, func(g *G) (string, []string) {
		return sp("Visit %d window opens for SUBJ-%04d (IRB-%d-%04d)", g.between(1, 12), g.n(9999), g.between(2019, 2025), g.n(9999)), nil
	}},

	// ---------- device topics ----------
	{"n-topics", topc, 5, func(g *G) (string, []string) {
		switch g.n(9) {
		case 0:
			return sp("$aws/things/%s/shadow/update", g.pick("pump-ward4-", "bed-icu-", "gw-lobby-", "fridge-pharm-")+fmt.Sprintf("%02d", g.between(1, 60))), nil
		case 1:
			return sp("hospital/icu/bed%d/%s", g.between(1, 24), g.pick("spo2", "hr", "nibp")), nil
		case 2:
			return sp("fleet/%s/firmware/v%s", models[g.n(len(models))], g.semver()), nil
		case 3:
			return sp("sensors/%s/floor%d/%s", g.pick("bldg-a", "west-tower", "cancer-center"), g.between(1, 12), g.pick("temp", "humidity", "co2", "pressure")), nil
		case 4:
			return sp("ble/gw-%02d/status", g.between(1, 40)), nil
		case 5:
			return sp("cgm/model/%s/alerts/config", models[g.n(5)]), nil
		case 6:
			return sp("dt/telemetry/%s/%s", g.pick("us-east-1", "eu-west-1"), g.pick("heartbeat", "metrics", "logs")), nil
		case 7:
			return sp("$aws/events/presence/%s/%s", g.pick("connected", "disconnected"), g.pick("gw-lobby-01", "kiosk-er-03")), nil
		}
		return sp("telehealth/rooms/%s/%s", g.uuid(), g.pick("presence", "jitter", "bitrate")), nil
	}},
}
