package phicorpus

import (
	"fmt"
	"strings"
)

func c(cats ...string) []string { return cats }

// templates is the main mix. Weights are relative.
var templates = []template{
	// ---- personal names ----
	{"name/s3-doc", 60, func(g *gen) (string, []string) {
		return g.prefix() + "/" + g.fullName() + "_" + g.doc() + g.ext(), c("name")
	}},
	{"name/s3-folder", 40, func(g *gen) (string, []string) {
		return fmt.Sprintf("%s/%s/%s-%d%s", g.prefix(), g.fullName(), g.doc(), g.num(1, 99), g.ext()), c("name")
	}},
	{"name/dynamo-camel", 30, func(g *gen) (string, []string) {
		return g.pick("patient", "pt", "") + title(g.given()) + title(g.surname()) + g.pick("Notes", "Visit", "Record", "", "Labs"), c("name")
	}},
	{"name/subject", 40, func(g *gen) (string, []string) {
		f := g.pick("Lab results for %s %s", "Referral: %s %s", "Appointment reminder - %s %s", "%s %s discharge summary", "FW: intake forms %s %s", "Re: %s %s follow-up")
		return fmt.Sprintf(f, title(g.given()), title(g.surname())), c("name")
	}},
	{"name/meta-ctx", 40, func(g *gen) (string, []string) {
		n := g.pick(g.given(), g.surname(), title(g.given()), title(g.surname()))
		f := g.pick("x-amz-meta-patient-name:%s", "firstName=%s", "lastname_%s", "patient_name=%s", "fullName:%s", "surname-%s", "PatientName=%s")
		return fmt.Sprintf(f, n), c("name")
	}},
	{"name/title", 20, func(g *gen) (string, []string) {
		f := g.pick("Mr. %s discharge summary", "Mrs_%s_labs.pdf", "letters/Dr-%s-referral.docx", "Ms %s appointment")
		return fmt.Sprintf(f, title(g.surname())), c("name")
	}},
	{"name/initial", 15, func(g *gen) (string, []string) {
		return fmt.Sprintf("%s/%s_%s_%s_%s%s", g.prefix(), g.given(), g.letters(1), g.surname(), g.doc(), g.ext()), c("name")
	}},
	// ---- dates tied to a person ----
	{"date/ctx", 45, func(g *gen) (string, []string) {
		birth := g.r.IntN(2) == 0
		ctx := g.pick("admit", "admission", "discharge", "discharged", "death", "dod", "deceased")
		if birth {
			ctx = g.pick("dob", "DOB", "birth", "born", "birthdate", "date_of_birth", "DateOfBirth")
		}
		return fmt.Sprintf("%s/%s%s%s%s", g.prefix(), ctx, g.sep(), g.date(birth, "iucdmx"), g.ext()), c("date")
	}},
	{"date/name+date", 25, func(g *gen) (string, []string) {
		return fmt.Sprintf("%s/%s_%s%s", g.prefix(), g.fullName(), g.date(true, "iucd"), g.ext()), c("name", "date")
	}},
	{"date/name+dob", 20, func(g *gen) (string, []string) {
		return fmt.Sprintf("%s_%s_dob_%s.pdf", g.given(), g.surname(), g.date(true, "iucx")), c("name", "date")
	}},
	{"date/camel", 15, func(g *gen) (string, []string) {
		return g.pick("admissionDate", "dischargeDate", "birthDate", "dob", "dateOfDeath") + g.date(false, "ic"), c("date")
	}},
	{"date/subject", 15, func(g *gen) (string, []string) {
		f := g.pick("Discharge on %s - room %d", "Patient admitted %s bed %d", "Born %s ward %d")
		return fmt.Sprintf(f, g.date(false, "sM"), g.num(1, 40)), c("date")
	}},
	// ---- ages over 89 ----
	{"age", 35, func(g *gen) (string, []string) {
		a := g.num(90, 109)
		f := g.pick("cohort/age%d/records.csv", "age_%d", "notes_%dyo.txt", "case-%d-year-old-female.pdf", "aged %d resident", "pt-%dyo-fall", "Age:%d")
		return fmt.Sprintf(f, a), c("age")
	}},
	// ---- SSN ----
	{"ssn/ctx", 25, func(g *gen) (string, []string) {
		s := g.ssn()
		f := g.pick("%s/ssn_%s.pdf", "%s/patientSsn%s", "%s/SSN-%s", "%s/social-%s")
		return fmt.Sprintf(f, g.prefix(), s), c("ssn")
	}},
	{"ssn/bare", 15, func(g *gen) (string, []string) {
		return fmt.Sprintf("tax/%s_w2_%d.pdf", g.ssn(), g.num(2019, 2024)), c("ssn")
	}},
	{"ssn/compact", 15, func(g *gen) (string, []string) {
		s := strings.ReplaceAll(g.ssn(), "-", "")
		return fmt.Sprintf(g.pick("ssn%s", "SSN_%s.pdf", "memberSsn=%s"), s), c("ssn")
	}},
	// ---- phone / fax ----
	{"phone", 40, func(g *gen) (string, []string) {
		p := g.phone(g.pick("-", ".", "()", "+1", "_", " "))
		f := g.pick("contacts/phone_%s.vcf", "callback-%s", "mobile %s", "sms/%s/thread.json", "voicemail from %s")
		return fmt.Sprintf(f, p), c("phone")
	}},
	{"phone/compact", 10, func(g *gen) (string, []string) {
		return fmt.Sprintf(g.pick("phone%s", "cell_%s", "tel-%s"), g.phone("")), c("phone")
	}},
	{"fax", 25, func(g *gen) (string, []string) {
		p := g.phone(g.pick("-", ".", "()", ""))
		f := g.pick("outbound/fax_%s.tif", "Fax to %s", "faxes/%s/fax-%d.pdf")
		if strings.Count(f, "%") == 2 {
			return fmt.Sprintf(f, p, g.num(1, 999)), c("fax")
		}
		return fmt.Sprintf(f, p), c("fax")
	}},
	// ---- email ----
	{"email", 35, func(g *gen) (string, []string) {
		d := g.pick("example.com", "mail.example.org", "example.net", "clinic.example")
		local := g.pick(g.given()+"."+g.surname(), g.given()[:1]+g.surname()+fmt.Sprint(g.num(1, 99)), g.surname()+"_"+g.given())
		f := g.pick("inbox/%s@%s/msg-%d.eml", "Re: appointment %s@%s #%d", "exports/contacts-%[3]d/%[1]s@%[2]s.json")
		return fmt.Sprintf(f, local, d, g.num(1, 9999)), c("email")
	}},
	// ---- MRN ----
	{"mrn", 40, func(g *gen) (string, []string) {
		id := g.pick(g.digits(g.num(6, 10)), g.letters(1)+g.digits(7), "E"+g.digits(8))
		f := g.pick("mrn_%s/labs.pdf", "MRN-%s", "medrec/%s.json", "chart_%s_notes", "patientId=%s", "patient-id-%s.pdf", "emr/mrn%s")
		return fmt.Sprintf(f, id), c("mrn")
	}},
	// ---- health plan ----
	{"plan/ctx", 30, func(g *gen) (string, []string) {
		id := g.pick(g.letters(3)+g.digits(g.num(6, 9)), g.digits(g.num(8, 11)), "W"+g.digits(9))
		f := g.pick("memberId=%s", "subscriber_%s.pdf", "medicaid-%s", "eligibility/member-%s.json", "policy_%s", "beneficiary %s")
		return fmt.Sprintf(f, id), c("health-plan")
	}},
	{"plan/mbi", 20, func(g *gen) (string, []string) {
		m := g.mbi()
		if g.r.IntN(3) == 0 {
			m = m[:4] + "-" + m[4:7] + "-" + m[7:]
		}
		f := g.pick("claims/%s/eob.pdf", "mbi_%s", "medicare-%s.json")
		return fmt.Sprintf(f, m), c("health-plan")
	}},
	// ---- account ----
	{"account/ctx", 25, func(g *gen) (string, []string) {
		f := g.pick("acct_%s", "billing/account-%s.pdf", "statements/acctNo%s.csv", "bank-%s")
		return fmt.Sprintf(f, g.digits(g.num(7, 12))), c("account")
	}},
	{"account/card", 20, func(g *gen) (string, []string) {
		cd := g.card()
		if g.r.IntN(2) == 0 {
			s := g.pick("-", " ")
			cd = cd[:4] + s + cd[4:8] + s + cd[8:12] + s + cd[12:]
		}
		return fmt.Sprintf(g.pick("payments/%s.json", "cc_%s", "refund %s"), cd), c("account")
	}},
	// ---- licence ----
	{"license/ctx", 20, func(g *gen) (string, []string) {
		id := g.pick(g.letters(1)+g.digits(7), g.digits(9), g.letters(2)+g.digits(6))
		return fmt.Sprintf(g.pick("license_%s", "dl-%s.jpg", "licence/%s", "drivers_license_%s.png", "certificate-%s"), id), c("license")
	}},
	{"license/npi-dea", 20, func(g *gen) (string, []string) {
		if g.r.IntN(2) == 0 {
			// A provider's NPI identifies the clinician, not the
			// individual: Safe Harbor lists identifiers of the patient and
			// relatives, employers or household members. Clean.
			return fmt.Sprintf(g.pick("providers/npi_%s.json", "npi-%s"), g.npi()), nil
		}
		return fmt.Sprintf(g.pick("rx/dea_%s.pdf", "prescriber-%s/rx.pdf", "DEA-%s"), g.dea()), c("license")
	}},
	// ---- vehicle ----
	{"vehicle", 25, func(g *gen) (string, []string) {
		switch g.r.IntN(3) {
		case 0:
			return fmt.Sprintf(g.pick("claims/auto/%s.pdf", "vin_%s", "VIN-%s"), g.vin()), c("vehicle")
		case 1:
			return fmt.Sprintf(g.pick("plate_%s", "license_plate-%s.jpg", "vehicle %s"), g.pick(fmt.Sprint(g.num(1, 9))+g.letters(3)+g.digits(3), g.letters(3)+g.digits(4))), c("vehicle")
		}
		return "accident/" + g.vin() + "/photo-1.jpg", c("vehicle")
	}},
	// ---- device ----
	{"device", 30, func(g *gen) (string, []string) {
		switch g.r.IntN(4) {
		case 0:
			return fmt.Sprintf(g.pick("imei_%s", "phones/imei-%s.json"), g.imei()), c("device")
		case 1:
			return fmt.Sprintf("telemetry/%s:%s:%s:%s:%s:%s/events.log", g.hex(2), g.hex(2), g.hex(2), g.hex(2), g.hex(2), g.hex(2)), c("device")
		}
		id := g.pick(g.letters(2)+g.digits(8), g.digits(10), g.upperAlnum(4)+g.digits(6))
		return fmt.Sprintf(g.pick("serial_%s", "pacemaker/sn-%s.json", "udi_%s", "deviceId=%s", "device-serial-%s"), id), c("device")
	}},
	// ---- URL / IP ----
	{"url", 25, func(g *gen) (string, []string) {
		f := g.pick("https://portal.example.com/patients/%d", "ref=http://example.org/chart?id=%d", "links/www.example-clinic.com/p%d")
		return fmt.Sprintf(f, g.num(1000, 99999)), c("url")
	}},
	{"ip", 30, func(g *gen) (string, []string) {
		if g.r.IntN(3) == 0 {
			return fmt.Sprintf("client-ip %x:%x:%x::%x", g.num(0x2001, 0x2fff), g.num(1, 0xffff), g.num(1, 0xffff), g.num(1, 0xffff)), c("ip")
		}
		ip := fmt.Sprintf("%d.%d.%d.%d", g.num(11, 223), g.num(0, 255), g.num(0, 255), g.num(1, 254))
		return fmt.Sprintf(g.pick("access/%s/log.gz", "ip_%s", "sessions/from-%s.json", "login from %s"), ip), c("ip")
	}},
	// ---- ZIP / address ----
	{"zip", 25, func(g *gen) (string, []string) {
		z := fmt.Sprintf("%05d", g.num(1001, 99950))
		switch g.r.IntN(3) {
		case 0:
			return fmt.Sprintf(g.pick("zip_%s", "postal-%s", "zipcode=%s"), z), c("zip")
		case 1:
			return fmt.Sprintf("mailings/%s-%04d.csv", z, g.num(1, 9999)), c("zip")
		}
		return fmt.Sprintf("%s_%s_%s", g.city(), g.state(), z), c("zip")
	}},
	{"address", 35, func(g *gen) (string, []string) {
		n := fmt.Sprint(g.num(1, 9999))
		switch g.r.IntN(4) {
		case 0:
			return fmt.Sprintf("%s/%s-%s-%s.pdf", g.prefix(), n, strings.ToLower(g.street()), strings.ToLower(g.suffix())), c("address")
		case 1:
			return fmt.Sprintf("%s_%s_%s", n, g.street(), g.suffix()), c("address")
		case 2:
			return fmt.Sprintf("%s %s %s %s %s %05d", n, g.street(), g.suffix(), g.city(), g.state(), g.num(1001, 99950)), c("address", "zip")
		}
		return fmt.Sprintf("mail/PO Box %d", g.num(1, 9999)), c("address")
	}},
	// ---- combinations ----
	{"combo/name+mrn", 20, func(g *gen) (string, []string) {
		return fmt.Sprintf("%s/%s_mrn%s%s", g.prefix(), g.fullName(), g.digits(8), g.ext()), c("name", "mrn")
	}},
	{"combo/name+phone", 10, func(g *gen) (string, []string) {
		return fmt.Sprintf("Call %s %s at %s", title(g.given()), title(g.surname()), g.phone("-")), c("name", "phone")
	}},

	// ---- negatives ----
	{"neg/upload-date", 120, func(g *gen) (string, []string) {
		y, m, d := g.num(2019, 2025), g.num(1, 12), g.num(1, 28)
		f := g.pick("%04d/%02d/%02d/batch-%d.parquet", "logs/%04d-%02d-%02d/part-%04d", "raw/%04d/%02d/%02d/events-%d.json.gz", "exports/%04d%02d%02d/chunk_%d.csv", "backup-%04d-%02d-%02d-%d.tar.gz")
		return fmt.Sprintf(f, y, m, d, g.num(0, 9999)), nil
	}},
	{"neg/partition", 60, func(g *gen) (string, []string) {
		return fmt.Sprintf(g.pick("year=%d/month=%02d/day=%02d/part-%05d.snappy.parquet", "dt=%d-%02d-%02d/hour=%02d/data.json"), g.num(2019, 2025), g.num(1, 12), g.num(1, 28), g.num(0, 23)), nil
	}},
	{"neg/uuid-hash", 100, func(g *gen) (string, []string) {
		switch g.r.IntN(4) {
		case 0:
			return g.prefix() + "/" + g.uuid() + g.ext(), nil
		case 1:
			return "blobs/sha256/" + g.hex(64), nil
		case 2:
			return "cache/" + g.hex(32) + ".bin", nil
		}
		return fmt.Sprintf("artifacts/%s/%s.zip", g.hex(40), g.uuid()), nil
	}},
	{"neg/product-version", 80, func(g *gen) (string, []string) {
		f := g.pick("catalog/SKU-%d-%s.json", "releases/app-%d.%d.%d.tar.gz", "v%d.%d.%d/CHANGELOG.md", "PRD-%05d/spec.pdf", "orders/order-%d.json", "invoice_%06d.pdf", "build-%d/artifact.jar")
		switch strings.Count(f, "%") {
		case 3:
			return fmt.Sprintf(f, g.num(0, 12), g.num(0, 40), g.num(0, 99)), nil
		case 2:
			return fmt.Sprintf(f, g.num(1000, 9999), g.letters(1)), nil
		}
		return fmt.Sprintf(f, g.num(1, 999999)), nil
	}},
	{"neg/aws-infra", 80, func(g *gen) (string, []string) {
		f := g.pick("arn:aws:s3:::%s-bucket/data/file-%d.csv", "arn:aws:iam::%[2]d:role/%[1]s", "AWSLogs/%[2]d/CloudTrail/us-east-1/2024/06/01/", "%s-api-7d9f8b6c4-x%dk", "kube-system/%s-proxy-%d", "us-west-2/%s/snapshot-%d")
		return fmt.Sprintf(f, g.pick("payments", "analytics", "etl", "frontend", "ingest", "reports"), g.num(100000000000, 999999999999)), nil
	}},
	{"neg/logs-ts", 60, func(g *gen) (string, []string) {
		f := g.pick("app-%s.log", "nginx/access.log.%d.gz", "events_%dT120000Z.json", "metrics/%d.ndjson", "ttl-%d-days")
		switch f {
		case "app-%s.log":
			return fmt.Sprintf(f, g.isoUpload()), nil
		case "events_%dT120000Z.json":
			return fmt.Sprintf(f, 20240000+g.num(101, 1228)), nil
		case "metrics/%d.ndjson":
			return fmt.Sprintf(f, g.num(1600000000, 1750000000)), nil
		}
		return fmt.Sprintf(f, g.num(1, 90)), nil
	}},
	{"neg/english-words", 120, func(g *gen) (string, []string) {
		return g.pick("grace-period/config.json", "rose-garden-photos/img-"+fmt.Sprint(g.num(1, 999))+".jpg", "mark_as_read", "bill_payment_report.csv",
			"will_call/orders.csv", "long_term_storage/", "white_paper.pdf", "brown_bag_lunch.ics", "young_adults_cohort.csv", "price_list_"+fmt.Sprint(g.num(2019, 2025))+".csv",
			"cook_time_estimates", "hill_climb_results", "summer_sale/banner.png", "june_report.xlsx", "hope_index.json", "green_energy/data.csv", "king_size_beds",
			"baker_street_assets", "wood_species.csv", "the_long_walk.mp3", "frank_discussion_notes", "patient_count.csv", "patient-portal/assets/app.js",
			"name_index.json", "dob_format_spec.md", "phone-numbers-schema.json", "ssn-validation-rules.md", "mrn_lookup_service/config", "zip-codes/us.csv",
			"fax-server/config.yml", "age_groups/0-17.csv", "age_45.csv", "member-services/faq.html", "account-settings.json", "device-drivers/readme.txt",
			"serial-port-config", "license.txt", "LICENSE-APACHE", "plate-reader/model.onnx", "jenkins/build-42/log.txt", "travis-ci.yml", "julia-notebooks/intro.ipynb",
			"ruby-gems/cache", "django-static/css/site.css", "Weekly report for June", "Your invoice "+fmt.Sprint(g.num(1000, 99999))+" is ready",
			"Meeting notes - Q3 planning", "Reminder: backup job failed on "+g.isoUpload(), "Summer picnic sign-up", "Grant application draft v3",
			"black-friday-sale", "golden-gate/photos", "baker-tilly-audit", "chase-bank-export.csv", "sterling-silver-catalog", "amber-alert-test", "crystal-reports/template.rpt",
			"dawn-chorus.wav", "pearl-jam-tickets", "daisy-chain-config", "victor-mono-font.zip", "ray-tracing/scene.obj", "jack-plug-diagram.svg", "max-connections.conf"), nil
	}},
	{"neg/camel-attr", 100, func(g *gen) (string, []string) {
		return g.pick("createdAt", "updatedBy", "orderTotal", "customerId", "lastLoginTime", "firstSeenDate", "userName", "displayName", "fileName", "bucketName",
			"patientCount", "visitDate", "admissionType", "dischargeDisposition", "birthYear", "ageGroup", "zipPrefix", "phoneType", "emailVerified", "ssnLast4Masked",
			"mrnIssuer", "memberStatus", "accountType", "licenseState", "deviceModel", "serialFormat", "ipRange", "urlTemplate", "faxEnabled", "streetSuffixes",
			"retryCount", "partitionKey", "sortKey", "ttlEpoch", "schemaVersion", "isDeleted", "tenantId", "regionCode"), nil
	}},
	{"neg/ids", 80, func(g *gen) (string, []string) {
		f := g.pick("tickets/TCK-%d.json", "port-%d/config", "batch_%d", "run-%d/output.txt", "job/%d/status", "order %d shipped", "ticket #%d closed", "ver_%d")
		return fmt.Sprintf(f, g.num(1, 99999)), nil
	}},
	{"neg/tech-paths", 80, func(g *gen) (string, []string) {
		return fmt.Sprintf(g.pick("%s/data/%s/part-%04d.parquet", "%s/%s/checkpoint-%d", "models/%s-%s/weights-%d.bin", "dashboards/%s/%s-%d.json"),
			g.pick("analytics", "etl", "ml", "finance", "ops"), g.pick("daily", "hourly", "raw", "clean", "staging", "gold"), g.num(0, 999)), nil
	}},
}

// holdoutTemplates appear only in the held-out mix: formats and phrasings
// the main mix does not have.
var holdoutTemplates = []template{
	{"ho/name-comma", 30, func(g *gen) (string, []string) {
		return fmt.Sprintf("Results: %s, %s", title(g.surname()), title(g.given())), c("name")
	}},
	{"ho/name-upper-path", 25, func(g *gen) (string, []string) {
		return fmt.Sprintf("PATIENTS/%s %s/%s.PDF", strings.ToUpper(g.given()), strings.ToUpper(g.surname()), strings.ToUpper(g.doc())), c("name")
	}},
	{"ho/phone-spaces", 15, func(g *gen) (string, []string) {
		return fmt.Sprintf("ph %s", g.phone(" ")), c("phone")
	}},
	{"ho/dob-month", 15, func(g *gen) (string, []string) {
		return fmt.Sprintf("%s-dob-%s", g.surname(), g.date(true, "m")), c("name", "date")
	}},
	{"ho/neg-misc", 200, func(g *gen) (string, []string) {
		return g.pick("reports/2024-Q2/summary.pdf", "data/"+g.isoUpload()+"/ingest.log", "img_"+fmt.Sprint(g.num(1000, 9999))+".jpg", "thumbnails/256x256/"+g.hex(16)+".webp",
			"feature-flags/dark-mode.json", "i18n/en-US/messages.json", "terraform/state/"+g.uuid()+".tfstate", "sftp/outbound/ACK_"+fmt.Sprint(g.num(10000, 99999))+".edi"), nil
	}},
}
