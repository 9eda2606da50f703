package tune

import (
	"fmt"
	"strings"
)

func negatives() []tmpl {
	N := func(id, shape string, w int, f func(g *G) string) tmpl {
		return tmpl{id: id, shape: shape, phi: false, w: w, f: func(g *G) (string, []string) { return f(g), nil }}
	}
	return []tmpl{
		// ------------------------------------------------------------ S3 keys
		N("neg-fhir-conformance", sKey, 1, func(g *G) string {
			return fmt.Sprintf("fhir/%s/%s", g.one("R4", "R5"), g.one("metadata", "CapabilityStatement/server", "StructureDefinition/us-core-patient", "ValueSet/administrative-gender", "CodeSystem/v3-ActCode", "SearchParameter/Patient-birthdate", "OperationDefinition/Patient-everything"))
		}),
		N("neg-fhir-code-search", sKey, 2, func(g *G) string {
			q := "code=http://loinc.org|" + g.loinc()
			if g.coin() {
				q = g.qEsc(q)
			}
			return fmt.Sprintf("cache/fhir/R4/%s?%s&_count=%d", g.one("Observation", "ValueSet/$expand", "Questionnaire"), q, 10*g.rng(1, 10))
		}),
		N("neg-fhir-binary-bundle", sKey, 2, func(g *G) string {
			return fmt.Sprintf("fhir/R4/%s/%s", g.one("Binary", "Bundle", "DocumentReference/$docref-job", "Bundle/export-job"), g.one(g.b64id(), g.uuid()))
		}),
		N("neg-bulk-export-manifest", sKey, 1, func(g *G) string {
			return fmt.Sprintf("bulk-export/%s/%s.%d.ndjson", g.uuid(), g.one("Patient", "Observation", "Condition", "Encounter", "Coverage"), g.rng(1, 40))
		}),
		N("neg-dicom-uid-only", sKey, 2, func(g *G) string {
			return fmt.Sprintf("dicomweb/studies/%s/series/%s/instances/%s", g.studyUID(), g.studyUID(), g.studyUID())
		}),
		N("neg-dicom-modality-worklist", sKey, 1, func(g *G) string {
			return fmt.Sprintf("pacs/config/%s/%s-ae-title.json", g.one("CT01", "MR3T", "US_ER", "XR_PORTABLE"), g.one("storescp", "mwl", "qr"))
		}),
		N("neg-hl7-spec", sKey, 1, func(g *G) string {
			return fmt.Sprintf("interfaces/hl7/specs/%s_v2.%d_segment-%s.md", g.one("ADT", "ORU", "ORM", "SIU", "DFT"), g.rng(3, 8), g.one("PID", "PV1", "NK1", "IN1", "GT1", "OBR", "ORC", "MSH"))
		}),
		N("neg-lake-partition", sKey, 4, func(g *G) string {
			d := g.sysDate()
			return fmt.Sprintf("lake/%s/%s/year=%04d/month=%02d/day=%02d/part-%05d-%s.c000.snappy.parquet", g.one("raw", "curated", "bronze", "silver"), g.one("claims", "encounters", "adt_events", "lab_results", "eligibility"), d.y, d.m, d.d, g.n(300), g.uuid())
		}),
		N("neg-cloudtrail", sKey, 2, func(g *G) string {
			d := g.sysDate()
			a := g.awsAcct()
			r := g.region()
			return fmt.Sprintf("AWSLogs/%s/CloudTrail/%s/%04d/%02d/%02d/%s_CloudTrail_%s_%04d%02d%02dT%02d%02dZ_%s.json.gz", a, r, d.y, d.m, d.d, a, r, d.y, d.m, d.d, g.n(24), g.n(60), g.str(alnumUp, 16))
		}),
		N("neg-alb-logs", sKey, 1, func(g *G) string {
			d := g.sysDate()
			return fmt.Sprintf("elb/AWSLogs/%s/elasticloadbalancing/%s/%04d/%02d/%02d/%s_elasticloadbalancing_%s_app.portal-alb.%s_%04d%02d%02dT%02d%02dZ_10.%d.%d.%d_%s.log.gz", g.awsAcct(), g.region(), d.y, d.m, d.d, g.awsAcct(), g.region(), g.str(hexLower, 16), d.y, d.m, d.d, g.n(24), 5*g.n(12), g.n(256), g.n(256), g.rng(1, 254), g.str(alnumLow, 8))
		}),
		N("neg-connect-recording-system", sKey, 1, func(g *G) string {
			d := g.sysDate()
			return fmt.Sprintf("connect/%s/CallRecordings/%04d/%02d/%02d/%s_%04d%02d%02dT%02d:%02d_UTC.wav", g.one("acme-care", "nurse-line", "billing-cc"), d.y, d.m, d.d, g.uuid(), d.y, d.m, d.d, g.n(24), g.n(60))
		}),
		N("neg-static-assets", sKey, 3, func(g *G) string {
			return fmt.Sprintf("static/%s/%s%s.%s", g.one("img", "icons", "assets/brand", "email"), g.one("logo", "hero", "icon-calendar", "icon-pill", "avatar-placeholder", "badge-hipaa", "spinner"), g.one("@2x", "@3x", "", "-dark@2x", "."+g.shortSHA()), g.one("png", "webp", "svg"))
		}),
		N("neg-node-package", sKey, 2, func(g *G) string {
			return fmt.Sprintf("artifacts/npm-cache/%s@%s/%s", g.one("@aws-sdk/client-s3", "@smithy/types", "react-dom", "date-fns", "@medplum/core", "fhir-kit-client", "hl7-standard", "@types/node"), g.semver(), g.one("package.tgz", "package.json", "index.js"))
		}),
		N("neg-build-artifact", sKey, 2, func(g *G) string {
			return fmt.Sprintf("builds/%s/%s/%s-%s-%s.zip", g.one("portal-web", "ingest-lambda", "fhir-gateway", "claims-etl"), g.one("main", "release", "hotfix"), g.one("v"+g.semver(), "build."+fmt.Sprint(g.rng(100, 98765))), g.shortSHA(), g.one("linux-amd64", "arm64", "py312"))
		}),
		N("neg-container-digest", sKey, 1, func(g *G) string {
			return fmt.Sprintf("ecr-mirror/%s@sha256:%s", g.one("fhir-server", "mirth-connect", "orthanc", "keycloak"), g.sha256())
		}),
		N("neg-content-addressed", sKey, 2, func(g *G) string {
			h := g.sha256()
			return fmt.Sprintf("cas/sha256/%s/%s/%s", h[:2], h[2:4], h)
		}),
		N("neg-reference-codes", sKey, 3, func(g *G) string {
			switch g.n(5) {
			case 0:
				return "reference/ndc/" + g.ndc() + ".json"
			case 1:
				return "reference/icd10cm/2025/" + g.icd10() + ".json"
			case 2:
				return "reference/cpt/" + g.cpt() + "/rvu.json"
			case 3:
				return "reference/loinc/2.77/" + g.loinc() + ".json"
			default:
				return "reference/snomed/" + g.snomed() + "/concept.json"
			}
		}),
		N("neg-provider-npi", sKey, 2, func(g *G) string {
			return fmt.Sprintf("directory/providers/npi-%s/%s", g.npi(), g.one("profile.json", "credentials.pdf", "taxonomy.json", "availability.json"))
		}),
		N("neg-org-named-after-people", sKey, 3, func(g *G) string {
			return fmt.Sprintf("partners/%s/%s", pick(g, orgs), g.one("contracts/msa-2024.pdf", "rates/fee-schedule.xlsx", "baa/signed.pdf", "logo@2x.png", "sftp/config.yaml"))
		}),
		N("neg-facility-location", sKey, 1, func(g *G) string {
			return fmt.Sprintf("facilities/%s/%s", g.one("mlk-jr-blvd-clinic", "martin-luther-king-jr-blvd-campus", "lincoln-tunnel-urgent-care", "washington-state-dept-of-health", "st-jude-memphis", "cedars-sinai-west-tower"), g.one("floorplan.pdf", "fire-drill-2024.pdf", "hours.json", "parking-map.png"))
		}),
		N("neg-surname-words", sKey, 3, func(g *G) string {
			return g.one(
				fmt.Sprintf("docs/help/page-%d.html", g.rng(2, 40)),
				"pricing/price-list-"+fmt.Sprint(g.rng(2019, 2025))+".csv",
				"textures/stone-texture-"+fmt.Sprint(g.rng(1, 9))+".png",
				"research/cohorts/young-adult-cohort/summary.csv",
				"marketing/rose-garden-banner.jpg",
				"facilities/hall-b-floorplan.pdf",
				"grants/grant-application-r01.docx",
				"finance/banks-exposure-q"+fmt.Sprint(g.rng(1, 4))+".xlsx",
				"kitchen/baker-schedule.xlsx",
				"ui/bell-icon.svg",
				"ops/long-running-jobs.csv",
				"ml/hill-climbing-results.json",
				"policies/grace-period.md",
				"careers/hunter-program.pdf",
				"brand/green-palette.json",
				"docs/mark-as-read.md")
		}),
		N("neg-placeholder-words", sKey, 2, func(g *G) string {
			return fmt.Sprintf("%s/%s/%s", g.one("test", "fixtures", "examples", "sandbox"), g.one("dummy", "example", "sample", "test-patient", "synthetic", "placeholder", "anonymous"), g.one("record.json", "bundle.json", "message.hl7", "claim.x12"))
		}),
		N("neg-schema-docs", sKey, 2, func(g *G) string {
			return fmt.Sprintf("%s/%s", g.one("templates", "schemas", "docs", "config"), g.one("discharge-summary-template.docx", "patient.schema.json", "mrn-format-spec.md", "ssn-masking-rules.yaml", "dob-validation.md", "member-id-card-layout.pdf", "phone-number-normalization.md", "address-verification.md"))
		}),
		N("neg-media-dimensions", sKey, 2, func(g *G) string {
			return fmt.Sprintf("thumbnails/%s/%s.%s", g.one("1920x1080", "1280x720", "640x480", "300x250", "128x128", "2048x1536"), g.sha1()[:16], g.one("webp", "jpg", "avif"))
		}),
		N("neg-aggregate-stats", sKey, 2, func(g *G) string {
			switch g.n(5) {
			case 0:
				return fmt.Sprintf("analytics/age-band=%s/summary.parquet", g.one("18-24", "25-34", "35-44", "45-64", "65-74", "75-84", "85-89", "90+"))
			case 1:
				return fmt.Sprintf("analytics/zip3=%s/counts.csv", g.zip3Open())
			case 2:
				return fmt.Sprintf("reports/birth-year-%d-cohort.csv", g.rng(1930, 2010))
			case 3:
				return fmt.Sprintf("analytics/state=%s/readmissions-%d.csv", pick(g, states), g.rng(2019, 2025))
			default:
				return fmt.Sprintf("cohorts/age-%d/enrollment-count.json", g.rng(18, 89))
			}
		}),
		N("neg-backup-snapshot", sKey, 2, func(g *G) string {
			d := g.sysDate()
			return fmt.Sprintf("backups/%s/%s/%s-%04d-%02d-%02dT%02d-%02d-%02dZ.%s", g.one("rds", "dynamodb", "opensearch"), g.one("portal-prod", "claims-db", "fhir-store"), g.one("snapshot", "export", "dump"), d.y, d.m, d.d, g.n(24), g.n(60), g.n(60), g.one("sql.gz", "json.gz", "tar.zst"))
		}),
		N("neg-upload-uuid", sKey, 3, func(g *G) string {
			return fmt.Sprintf("uploads/%s/%s.%s", g.one(g.uuid(), g.ulid(), g.ksuid()), g.one("original", "processed", "thumb", "ocr"), g.one("pdf", "jpg", "png", "txt"))
		}),
		N("neg-ml-model", sKey, 1, func(g *G) string {
			return fmt.Sprintf("models/%s/%s/epoch-%03d/model.%s", g.one("readmission-risk", "sepsis-early-warning", "no-show-predictor", "icd-coder"), g.one("v"+g.semver(), "run-"+g.shortSHA()), g.rng(1, 200), g.one("onnx", "pt", "safetensors"))
		}),
		N("neg-x12-batch", sKey, 2, func(g *G) string {
			d := g.sysDate()
			return fmt.Sprintf("edi/%s/outbound/ISA%09d_%04d%02d%02d_batch-%03d.x12", g.one("837P", "837I", "835", "270", "276", "999"), g.rng(1, 999999999), d.y, d.m, d.d, g.rng(1, 400))
		}),
		N("neg-pharmacy-ndc-catalog", sKey, 1, func(g *G) string {
			return fmt.Sprintf("pharmacy/formulary/%d/tier-%d/ndc=%s.json", g.rng(2020, 2026), g.rng(1, 5), g.ndc())
		}),
		N("neg-device-model-firmware", sKey, 1, func(g *G) string {
			return fmt.Sprintf("firmware/%s/%s/%s.bin", g.one("dexcom-g7", "omnipod-5", "tandem-tslim-x2", "medtronic-780g", "fitbit-charge6"), g.one("v"+g.semver(), "rc-"+fmt.Sprint(g.rng(1, 9))), g.shortSHA())
		}),
		N("neg-udi-di-only", sKey, 1, func(g *G) string {
			return fmt.Sprintf("gudid/devices/(01)%s/labeling.pdf", g.gtin14())
		}),
		N("neg-locale-bundles", sKey, 1, func(g *G) string {
			return fmt.Sprintf("i18n/%s/%s.json", g.one("en-US", "es-MX", "fr-CA", "de-DE", "pt-BR", "zh-Hans", "ja-JP", "ko-KR", "ar-SA", "he-IL"), g.one("portal", "reminders", "consent", "errors"))
		}),
		// ------------------------------------------------------------ S3 metadata
		N("neg-meta-system", sMeta, 3, func(g *G) string {
			switch g.n(8) {
			case 0:
				return "x-amz-meta-sha256: " + g.sha256()
			case 1:
				return "x-amz-meta-source-etag: \"" + g.str(hexLower, 32) + "-" + fmt.Sprint(g.rng(2, 40)) + "\""
			case 2:
				return "x-amz-meta-request-id: " + g.uuid()
			case 3:
				return "x-amz-meta-pipeline-version: " + g.semver()
			case 4:
				return "x-amz-meta-content-length: " + fmt.Sprint(g.rng(100, 99999999))
			case 5:
				return "x-amz-meta-git-commit: " + g.sha1()
			case 6:
				return "x-amz-meta-uploaded-by: arn:aws:iam::" + g.awsAcct() + ":role/" + g.one("ingest-lambda", "fax-processor", "etl-runner")
			default:
				return "x-amz-meta-build: " + fmt.Sprint(g.rng(1000, 99999))
			}
		}),
		N("neg-meta-timestamps", sMeta, 2, func(g *G) string {
			d := g.sysDate()
			return g.one("x-amz-meta-processed-at", "x-amz-meta-ingested", "x-amz-meta-retention-until", "x-amz-meta-last-scan") + ": " + fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", d.y, d.m, d.d, g.n(24), g.n(60), g.n(60))
		}),
		N("neg-meta-epoch", sMeta, 1, func(g *G) string {
			return fmt.Sprintf("x-amz-meta-%s: %d", g.one("created-epoch", "mtime", "expires-at"), g.rng(1500000000, 1760000000))
		}),
		N("neg-meta-classification", sMeta, 2, func(g *G) string {
			return g.one("x-amz-meta-doc-type", "x-amz-meta-category", "x-amz-meta-status", "x-amz-meta-role") + ": " + g.one("discharge-summary", "lab-result", "ADMITTED", "DISCHARGED", "patient", "member", "provider", "admin", "PENDING_REVIEW", "consent-form", "radiology-report")
		}),
		N("neg-meta-codes", sMeta, 2, func(g *G) string {
			switch g.n(5) {
			case 0:
				return "x-amz-meta-icd10: " + g.icd10()
			case 1:
				return "x-amz-meta-cpt: " + g.cpt()
			case 2:
				return "x-amz-meta-ndc: " + g.ndc()
			case 3:
				return "x-amz-meta-loinc: " + g.loinc()
			default:
				return "x-amz-meta-rendering-npi: " + g.npi()
			}
		}),
		N("neg-meta-org-locale", sMeta, 2, func(g *G) string {
			switch g.n(4) {
			case 0:
				return "x-amz-meta-facility: " + strings.ReplaceAll(pick(g, orgs), "-", " ")
			case 1:
				return "x-amz-meta-lang: " + g.one("en", "es", "fr-CA", "zh-Hant", "vi", "ar")
			case 2:
				return "x-amz-meta-country: " + g.one("US", "CA", "GB", "DE", "MX", "IN", "JP")
			default:
				return "x-amz-meta-department: " + pick(g, depts)
			}
		}),
		N("neg-meta-dimensions", sMeta, 1, func(g *G) string {
			return fmt.Sprintf("x-amz-meta-%s: %s", g.one("resolution", "dimensions", "pixel-spacing"), g.one("1920x1080", "512x512", "0.5x0.5", "3024x4032", "2x"))
		}),
		N("neg-meta-aggregate", sMeta, 1, func(g *G) string {
			switch g.n(3) {
			case 0:
				return fmt.Sprintf("x-amz-meta-age-band: %s", g.one("0-17", "18-44", "45-64", "65-89", "90+"))
			case 1:
				return fmt.Sprintf("x-amz-meta-zip3: %s", g.zip3Open())
			default:
				return fmt.Sprintf("x-amz-meta-birth-year: %d", g.rng(1925, 2020))
			}
		}),
		N("neg-meta-infra-ip", sMeta, 1, func(g *G) string {
			return "x-amz-meta-" + g.one("ingest-host", "nat-gateway", "vpc-endpoint-ip") + ": " + fmt.Sprintf("10.%d.%d.%d", g.n(256), g.n(256), g.rng(1, 254))
		}),
		N("neg-meta-count-money", sMeta, 1, func(g *G) string {
			return g.one(fmt.Sprintf("x-amz-meta-page-count: %d", g.rng(1, 400)), fmt.Sprintf("x-amz-meta-total-billed: %d.%02d", g.rng(10, 99999), g.n(100)), fmt.Sprintf("x-amz-meta-http-status: %d", pick(g, []int{200, 201, 204, 301, 400, 403, 404, 409, 500, 503})))
		}),
		// ------------------------------------------------------------ buckets
		N("neg-bucket-service", sBkt, 4, func(g *G) string {
			return fmt.Sprintf("%s-%s-%s-%s", g.one("acme", "northwind", "contoso", "healthco", "medibridge"), g.one("fhir-exports", "claims-landing", "dicom-archive", "portal-assets", "hl7-inbound", "lake-raw", "fax-inbound", "cloudtrail"), g.one("prod", "staging", "dev", "dr"), g.region())
		}),
		N("neg-bucket-account", sBkt, 2, func(g *G) string {
			return fmt.Sprintf("%s-%s-%s", g.one("aws-cloudtrail-logs", "config-bucket", "cdk-hnb659fds-assets", "sagemaker", "athena-results"), g.awsAcct(), g.region())
		}),
		N("neg-bucket-org", sBkt, 2, func(g *G) string {
			return fmt.Sprintf("%s-%s", pick(g, orgs), g.one("research-data", "partner-sftp", "imaging-share", "billing-exports"))
		}),
		N("neg-bucket-words", sBkt, 1, func(g *G) string {
			return fmt.Sprintf("%s-%s-%s", pick(g, surnameWords), g.one("assets", "archive", "labs", "pipeline"), g.str(alnumLow, 6))
		}),
		// ------------------------------------------------------------ DynamoDB keys
		N("neg-ddb-tenant-config", sDDB, 3, func(g *G) string {
			return fmt.Sprintf("TENANT#%s#CONFIG#%s", g.one("acme", "northwind", "t-"+g.str(digits, 4)), g.one("FEATURE_FLAGS", "BRANDING", "SSO", "RETENTION", "WEBHOOKS"))
		}),
		N("neg-ddb-job", sDDB, 3, func(g *G) string {
			d := g.sysDate()
			return fmt.Sprintf("JOB#%s#RUN#%04d-%02d-%02dT%02d:%02d:%02dZ", g.one(g.ulid(), g.uuid(), g.ksuid()), d.y, d.m, d.d, g.n(24), g.n(60), g.n(60))
		}),
		N("neg-ddb-status-enum", sDDB, 2, func(g *G) string {
			return fmt.Sprintf("STATUS#%s#%s", g.one("ADMITTED", "DISCHARGED", "PENDING", "DENIED", "PAID", "SCHEDULED", "NO_SHOW"), g.one(g.ulid(), fmt.Sprint(g.rng(1, 99))))
		}),
		N("neg-ddb-provider-npi", sDDB, 2, func(g *G) string {
			return fmt.Sprintf("PROVIDER#%s#TAXONOMY#%s", g.npi(), g.one("207R00000X", "208D00000X", "363L00000X", "207Q00000X", "2084P0800X"))
		}),
		N("neg-ddb-code", sDDB, 2, func(g *G) string {
			return g.one("NDC#"+g.ndc(), "ICD10#"+g.icd10(), "CPT#"+g.cpt(), "LOINC#"+g.loinc(), "SNOMED#"+g.snomed())
		}),
		N("neg-ddb-facility", sDDB, 2, func(g *G) string {
			return fmt.Sprintf("FACILITY#%s#DEPT#%s", strings.ToUpper(pick(g, orgs)), strings.ToUpper(pick(g, depts)))
		}),
		N("neg-ddb-lock-session", sDDB, 2, func(g *G) string {
			return g.one("LOCK#", "IDEMPOTENCY#", "REQ#", "SESSION#") + g.one(g.uuid(), g.b64id(), g.ksuid())
		}),
		N("neg-ddb-version", sDDB, 1, func(g *G) string {
			return fmt.Sprintf("SCHEMA#%s#v%s", g.one("patient", "claim", "member", "encounter"), g.semver())
		}),
		N("neg-ddb-partition-date", sDDB, 1, func(g *G) string {
			d := g.sysDate()
			return fmt.Sprintf("METRICS#%04d-%02d-%02d#%s", d.y, d.m, d.d, g.one("api-latency-p99", "ingest-count", "error-rate", "queue-depth"))
		}),
		// ------------------------------------------------------------ attribute names
		N("neg-attr-schema", sAttr, 4, func(g *G) string {
			return g.one("dateOfBirth", "patient_ssn", "memberId", "mrn", "firstName", "last_name", "phoneNumber", "faxNumber", "emailAddress", "street_address", "zipCode", "deviceSerial", "vin", "licenseNumber", "ipAddress", "admitDate", "dischargeDate", "age_at_visit", "guarantorAccount", "npi", "ndc", "icd10_codes", "GSI1PK", "GSI1SK", "ttl", "updatedAt", "version", "status")
		}),
		N("neg-attr-nested", sAttr, 2, func(g *G) string {
			return fmt.Sprintf("%s.%s[%d].%s", g.one("coverage", "encounters", "vitals", "allergies", "meds"), g.one("items", "entries", "codes"), g.n(10), g.one("code", "system", "display", "value", "unit"))
		}),
		N("neg-attr-words", sAttr, 1, func(g *G) string {
			return g.one("pageSize", "priceTier", "grantType", "wardCode", "bellSchedule", "stoneAge", "youngAdultFlag", "rosePetalAsset", "hallPass", "bakerPercent", "banksConnected", "markAsRead", "longPollMs")
		}),
		N("neg-attr-map-system", sAttr, 1, func(g *G) string {
			d := g.sysDate()
			return fmt.Sprintf("dailyCounts.%04d-%02d-%02d", d.y, d.m, d.d)
		}),
		// ------------------------------------------------------------ table names
		N("neg-table-service", sTbl, 3, func(g *G) string {
			return fmt.Sprintf("%s-%s%s", g.one("Patients", "patient-index", "Claims", "Encounters", "Appointments", "Members", "Devices", "AuditLog", "FaxQueue", "Sessions", "Observations"), g.one("prod", "staging", "dev"), g.one("", "-v2", "-"+g.region()))
		}),
		N("neg-table-single", sTbl, 1, func(g *G) string {
			return g.one("app-table", "SingleTable", "main", "core-data", "emr-single-table", "idempotency-store", "terraform-locks", "feature-flags")
		}),
		N("neg-table-cdk", sTbl, 1, func(g *G) string {
			return fmt.Sprintf("%sStack-%sTable%s-%s", g.one("Portal", "Claims", "Ingest", "Fhir"), g.one("Patient", "Member", "Event", "Job"), g.str(upper+digits, 8), g.str(upper+digits, 12))
		}),
		// ------------------------------------------------------------ encryption context
		N("neg-ec-system", sEnc, 3, func(g *G) string {
			switch g.n(6) {
			case 0:
				return "arn:aws:s3:::" + g.one("acme-fhir-exports-prod", "claims-landing-staging") + "/" + g.one("lake/raw/", "exports/") + g.uuid()
			case 1:
				return "arn:aws:dynamodb:" + g.region() + ":" + g.awsAcct() + ":table/" + g.one("Patients-prod", "Claims", "SingleTable")
			case 2:
				return "aws:" + g.one("s3", "dynamodb", "secretsmanager", "lambda") + ":" + g.one("arn", "FunctionName", "SecretARN")
			case 3:
				return g.one("tenant=acme", "env=prod", "purpose=backup", "service=fhir-gateway", "pipeline=claims-etl")
			case 4:
				return g.awsAcct()
			default:
				return "job-" + g.ulid()
			}
		}),
		N("neg-ec-resource-type", sEnc, 2, func(g *G) string {
			return g.one("Patient", "Observation", "Claim", "DocumentReference", "Binary", "Encounter") + "/" + g.one("_search", "$export", "_history", "bulk", "*")
		}),
		N("neg-ec-uuid", sEnc, 2, func(g *G) string {
			return g.one("request:", "batch=", "object=", "") + g.one(g.uuid(), g.b64id(), g.ksuid(), g.ulid())
		}),
		// ------------------------------------------------------------ subjects
		N("neg-subj-generic-portal", sSubj, 4, func(g *G) string {
			return g.one("Your appointment reminder", "You have a new secure message", "Your lab results are ready", "Please complete your pre-visit questionnaire", "Your statement is available", "Password reset requested", "Verify your email address", "Your prescription is ready for pickup", "Rate your recent visit", "Flu shots now available", "Scheduled maintenance tonight", "Welcome to the patient portal", "Recordatorio de su cita", "Rappel de rendez-vous", "Ihr Befund ist verfügbar", "ご予約の確認", "Напоминание о приёме")
		}),
		N("neg-subj-system", sSubj, 3, func(g *G) string {
			d := g.sysDate()
			return g.one(
				fmt.Sprintf("[ALARM] %s 5xx rate above threshold in %s", g.one("fhir-gateway", "portal-api", "hl7-listener"), g.region()),
				fmt.Sprintf("Nightly claims ETL completed %04d-%02d-%02d (%d files)", d.y, d.m, d.d, g.rng(3, 900)),
				fmt.Sprintf("Release v%s deployed to production", g.semver()),
				fmt.Sprintf("Invoice %s-%d for AWS account %s", "INV", g.rng(100000, 999999), g.awsAcct()),
				fmt.Sprintf("Certificate for portal.%s.org expires %s %d", g.one("acme-health", "northwind-care"), monEN[d.m-1], d.d),
				fmt.Sprintf("Maintenance window %s %d, %02d:00-%02d:00 UTC", monEN[d.m-1], d.d, g.rng(0, 4), g.rng(5, 8)),
				fmt.Sprintf("Build #%d failed on main (%s)", g.rng(100, 9999), g.shortSHA()))
		}),
		N("neg-subj-org-event", sSubj, 2, func(g *G) string {
			return g.one(
				"Johns Hopkins grand rounds: sepsis update",
				"Mayo Clinic partnership kickoff",
				"Cedars-Sinai imaging interface go-live",
				"Office closed for Martin Luther King Jr. Day",
				"St. Jude fundraiser this Friday",
				"Wells Fargo lockbox file received",
				"Lincoln Tunnel closures may delay couriers",
				"Washington State Medicaid rate update",
				"Mount Sinai referral network newsletter",
				"Ben & Jerry's ice cream social in Hall B",
				"Young adult cohort enrollment update",
				"Updated price list for DME suppliers",
				"Page 2 of the fee schedule was missing")
		}),
		N("neg-subj-aggregate", sSubj, 1, func(g *G) string {
			return g.one(
				fmt.Sprintf("%d patients aged 90+ in panel (quarterly report)", g.rng(3, 400)),
				fmt.Sprintf("No-show rate for ZIP3 %s rose to %d%%", g.zip3Open(), g.rng(3, 30)),
				fmt.Sprintf("Q%d %d readmissions by age band", g.rng(1, 4), g.rng(2019, 2025)),
				fmt.Sprintf("HTTP %d errors on /fhir/R4/Patient", pick(g, []int{401, 403, 404, 429, 500, 502})),
				fmt.Sprintf("NDC %s recall notice", g.ndc()),
				fmt.Sprintf("New ICD-10 code %s in effect", g.icd10()))
		}),
		// ------------------------------------------------------------ device topics
		N("neg-topic-model", sTop, 3, func(g *G) string {
			return fmt.Sprintf("dt/%s/%s/%s", g.one("cgm", "insulin-pump", "pulse-ox", "bp-cuff", "smart-scale", "infusion-pump"), g.one("g7", "omnipod5", "tslim-x2", "model-"+fmt.Sprint(g.rng(100, 999))), g.one("firmware/available", "telemetry/schema", "alerts/catalog", "config"))
		}),
		N("neg-topic-aws-reserved", sTop, 2, func(g *G) string {
			return g.one("$aws/events/presence/connected/+", "$aws/things/+/shadow/update/accepted", "$aws/rules/ingest_vitals", "$aws/events/jobExecution/+/succeeded", "$aws/sitewise/asset-models/+/assets/+/properties/+", "$aws/things/+/jobs/notify-next")
		}),
		N("neg-topic-fleet-uuid", sTop, 3, func(g *G) string {
			return fmt.Sprintf("fleet/%s/%s/%s", g.one("ward-monitors", "infusion", "bedside-hub", "lab-analyzers"), g.one(g.uuid(), "unit-"+fmt.Sprint(g.rng(1, 400)), g.ulid()), g.one("heartbeat", "metrics", "logs", "ota/status"))
		}),
		N("neg-topic-location-dept", sTop, 2, func(g *G) string {
			return fmt.Sprintf("site/%s/floor-%d/%s/%s", pick(g, orgs), g.rng(1, 12), pick(g, depts), g.one("temperature", "door-sensor", "nurse-call", "hand-hygiene"))
		}),
		N("neg-topic-infra", sTop, 1, func(g *G) string {
			return fmt.Sprintf("gateways/10.%d.%d.%d/port-%d/%s", g.n(256), g.n(256), g.rng(1, 254), pick(g, []int{1883, 8883, 443, 2575, 104, 11112}), g.one("up", "down", "latency"))
		}),
	}
}
