package tune4

import (
	"fmt"
	"strings"
)

var orgs = []string{"johns-hopkins", "mayo-clinic", "cedars-sinai", "mount-sinai", "kaiser-permanente", "charite", "karolinska", "great-ormond-street", "sloan-kettering", "eli-lilly", "abbott", "roche", "bayer", "philips", "siemens-healthineers", "boston-scientific", "hospital-sirio-libanes", "albert-einstein", "st-thomas", "la-pitie-salpetriere", "anna-meyer"}
var eponyms = []string{"parkinson", "alzheimer", "hashimoto", "crohn", "graves", "addison", "cushing", "kawasaki", "tourette", "hodgkin", "down-syndrome", "apgar", "glasgow", "kaplan-meier", "bland-altman", "wilcoxon", "fisher-exact", "holter"}
var words = []string{"green", "brown-bag", "white-list", "hill-climbing", "long-running", "price-table", "grace-period", "mark-as-read", "young-gen", "king-size", "baker-queue", "mason-jar", "hunter-gatherer", "rose-gold", "summer-sale", "faith-based", "hope-fund", "joy-ride"}
var attrs = []string{"dateOfBirth", "patient_ssn", "memberId", "mrn", "phoneNumber", "email_address", "homeAddress", "zip5", "deviceSerial", "ipAddress", "passportNo", "licensePlate", "given_name", "family_name", "dob", "faceTemplateId", "nhsNumber", "cpf", "curp", "aadhaar_last4_masked", "admitDate", "iban", "vin"}

func (x *g) semver() string { return fmt.Sprintf("%d.%d.%d", x.in(0, 9), x.in(0, 30), x.in(0, 60)) }
func (x *g) sysDate() date  { return date{x.in(2021, 2026), x.in(1, 12), x.in(1, 28)} }
func (x *g) ts() string {
	t := x.sysDate()
	return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", t.y, t.m, t.d, x.n(24), x.n(60), x.n(60))
}
func (x *g) arn() string {
	return fmt.Sprintf("arn:aws:%s:%s:%s:%s", x.pick("kinesis", "sqs", "lambda", "states", "iot", "sns"), x.region(), x.acct(), x.pick("stream/cgm-ingest", "rpm-alerts", "function:normalize-vitals", "stateMachine:onboarding", "thinggroup/cgm-fleet", "reminders-topic"))
}

var negTemplates = []tpl{
	{"n-lake-partition", sK, nil, func(x *g) string {
		t := x.sysDate()
		return fmt.Sprintf("lake/raw/%s/year=%04d/month=%02d/day=%02d/hour=%02d/part-%05d-%s.snappy.parquet", x.pick(sensors...), t.y, t.m, t.d, x.n(24), x.n(400), x.uuid())
	}},
	{"n-firehose-object", sK, nil, func(x *g) string {
		t := x.sysDate()
		return fmt.Sprintf("firehose/%04d/%02d/%02d/%02d/wearables-sync-%d-%04d-%02d-%02d-%02d-%02d-%02d-%s", t.y, t.m, t.d, x.n(24), x.in(1, 9), t.y, t.m, t.d, x.n(24), x.n(60), x.n(60), x.uuid())
	}},
	{"n-athena-results", sK, nil, func(x *g) string {
		return fmt.Sprintf("athena-query-results/%s/%s.csv.metadata", x.pick("adherence", "weekly-active", "cohort-sizes"), x.uuid())
	}},
	{"n-lambda-logstream", sK, nil, func(x *g) string {
		t := x.sysDate()
		return fmt.Sprintf("exported-logs/aws/lambda/%s/%04d/%02d/%02d/[$LATEST]%s", x.pick("normalize-vitals", "sync-healthkit", "send-reminders", "triage-bot"), t.y, t.m, t.d, x.hex(32))
	}},
	{"n-app-assets", sK, nil, func(x *g) string {
		return fmt.Sprintf("static/%s/%s/%s@%dx.png", x.app(), x.semver(), x.pick("logo", "icon-heart", "onboarding-1", "badge-streak"), x.in(2, 3))
	}},
	{"n-npm-artifact", sK, nil, func(x *g) string {
		return fmt.Sprintf("artifacts/npm/@%s/%s@%s.tgz", x.pick("carebridge", "glucopal", "aws-sdk"), x.pick("ui-kit", "client-dynamodb", "fhir-types"), x.semver())
	}},
	{"n-firmware", sK, nil, func(x *g) string {
		return fmt.Sprintf("firmware/%s/%s/%s-fw-%s.bin", x.model(), x.pick("stable", "beta", "canary"), x.model(), x.semver())
	}},
	{"n-templates-docs", sK, nil, func(x *g) string {
		return "docs/" + x.pick("mrn-format-spec.md", "discharge-summary-template.docx", "ssn-masking-rules.yaml", "dob-validation.md", "nhs-number-checksum.md", "cpf-validation.md", "passport-mrz-parser.md", "consent-form-template-es.pdf", "patient-intake-template.json")
	}},
	{"n-eponym-content", sK, nil, func(x *g) string {
		return fmt.Sprintf("content/%s/articles/%s-%s.md", x.pick("en", "es", "pt-br", "fr", "de", "ja", "ko"), x.pick(eponyms...), x.pick("overview", "faq", "diet-tips", "screening"))
	}},
	{"n-org-reports", sK, nil, func(x *g) string {
		return fmt.Sprintf("partners/%s/reports/%04d-Q%d/utilisation.xlsx", x.pick(orgs...), x.sysDate().y, x.in(1, 4))
	}},
	{"n-aggregate-zip3", sK, nil, func(x *g) string {
		return fmt.Sprintf("analytics/deid/zip3=%03d/age_band=%s/summary.csv", x.pickZip3(), x.pick("18-29", "30-44", "45-64", "65-89", "90+"))
	}},
	{"n-model-images", sK, nil, func(x *g) string {
		return fmt.Sprintf("ml/models/%s/%s/model.tar.gz", x.pick("sepsis-risk", "fall-detect", "arrhythmia-cnn", "food-photo-classifier"), x.ulid())
	}},
	{"n-cdk-asset", sK, nil, func(x *g) string { return "cdk-assets/" + x.hex(64) + ".zip" }},
	{"n-stepfn-exec", sK, nil, func(x *g) string {
		return fmt.Sprintf("stepfunctions/%s/executions/%s/output.json", x.pick("onboarding", "kit-fulfilment", "claims-batch"), x.uuid())
	}},
	{"m-content-type", sM, nil, func(x *g) string {
		return "x-amz-meta-" + x.pick("content-sha256: "+x.hex(64), "app-version: "+x.semver(), "source: "+x.app(), "build-id: "+x.pick("b", "build-")+x.digits(5), "uploaded-at: "+x.ts())
	}},
	{"m-device-model", sM, nil, func(x *g) string {
		return "x-amz-meta-" + x.pick("device-model: ", "firmware: ", "sensor-type: ", "unit: ") + x.pick(x.model(), x.semver(), x.pick(sensors...), x.pick("mg/dL", "mmol/L", "mmHg", "bpm", "kg", "%"))
	}},
	{"m-locale", sM, nil, func(x *g) string {
		return "x-amz-meta-" + x.pick("locale: ", "lang: ", "country: ") + x.pick("pt-BR", "es-MX", "fr-CA", "de-DE", "ja-JP", "ko-KR", "ar-SA", "he-IL", "hi-IN", "tr-TR", "vi-VN", "th-TH", "id-ID", "tl-PH", "sw-KE", "BR", "IN")
	}},
	{"m-age-band", sM, nil, func(x *g) string {
		return "x-amz-meta-" + x.pick("age-band: 90+", "age: "+itoa(x.in(18, 89)), "birth-year: "+itoa(x.in(1930, 2006)), "zip3: "+fmt.Sprintf("%03d", x.pickZip3()), "state: "+x.pick("CA", "TX", "NY", "Ontario", "Bavaria", "São Paulo"))
	}},
	{"m-trace", sM, nil, func(x *g) string {
		return "x-amz-meta-" + x.pick("request-id: "+x.uuid(), "trace-id: 1-"+x.hex(8)+"-"+x.hex(24), "job-id: "+x.ulid(), "etag: "+x.hex(32), "ksuid: "+x.ksuid())
	}},
	{"m-campaign", sM, nil, func(x *g) string {
		return "x-amz-meta-" + x.pick("campaign: ", "template: ") + x.pick("spring-checkup-2025", "flu-shot-reminder-v3", "nps-survey-q2", "refill-reminder", "welcome-series-step-2", "black-friday-premium")
	}},
	{"m-org-name", sM, nil, func(x *g) string {
		return "x-amz-meta-" + x.pick("partner: ", "facility: ", "sponsor: ") + x.pick("Johns Hopkins Medicine", "Mayo Clinic", "Cedars-Sinai", "Hospital Albert Einstein", "Charité Berlin", "Karolinska Institutet", "Eli Lilly", "St. Jude", "Martin Luther King Jr. Community Hospital", "Fundación Jiménez Díaz")
	}},
	{"m-amount", sM, nil, func(x *g) string {
		return fmt.Sprintf("x-amz-meta-%s: %s %d.%02d", x.pick("plan-price", "copay-default", "fee"), x.pick("USD", "EUR", "BRL", "INR", "GBP", "JPY", "TRY"), x.in(1, 999), x.n(100))
	}},
	{"b-service-bucket", sB, nil, func(x *g) string {
		return fmt.Sprintf("%s-%s-%s-%s", x.app(), x.pick("datalake", "ingest", "exports", "assets", "logs", "athena-results"), x.pick("prod", "staging", "dev"), x.region())
	}},
	{"b-account-bucket", sB, nil, func(x *g) string {
		return fmt.Sprintf("%s-%s-%s", x.pick("cdk-hnb659fds-assets", "aws-cloudtrail-logs", "config-bucket", "elasticbeanstalk"), x.acct(), x.region())
	}},
	{"b-org-bucket", sB, nil, func(x *g) string {
		return fmt.Sprintf("%s-%s-%s", x.pick(orgs...), x.pick("rpm-pilot", "imaging-share", "research-deid"), x.pick("2024", "2025", "prod", "eu"))
	}},
	{"b-word-bucket", sB, nil, func(x *g) string { return x.pick(words...) + "-deploy-" + x.pick("blue", "green", "canary") }},
	{"d-single-table-config", sD, nil, func(x *g) string {
		return fmt.Sprintf("TENANT#%s#CONFIG#%s", x.pick(orgs...), x.pick("feature-flags", "reminder-schedule", "locale-defaults", "sensor-thresholds"))
	}},
	{"d-device-model", sD, nil, func(x *g) string {
		return fmt.Sprintf("MODEL#%s#FW#%s", strings.ToUpper(x.model()), x.semver())
	}},
	{"d-ulid-session", sD, nil, func(x *g) string {
		return x.pick("SESSION#", "JOB#", "LOCK#", "IDEMPOTENCY#") + x.pick(x.ulid(), x.uuid(), x.ksuid(), x.nanoid())
	}},
	{"d-metric-day", sD, nil, func(x *g) string {
		t := x.sysDate()
		return fmt.Sprintf("METRIC#%s#DAY#%04d-%02d-%02d", x.pick("dau", "sync_failures", "alerts_sent", "p95_latency_ms"), t.y, t.m, t.d)
	}},
	{"d-service-sub", sD, nil, func(x *g) string {
		return "CLIENT#svc-" + x.pick("ingest", "billing", "notifier") + "#" + x.from("abcdefghijklmnopqrstuvwxyz0123456789", 26)
	}},
	{"d-code", sD, nil, func(x *g) string {
		return x.pick("ICD10#"+x.pick("E11.65", "I10", "O24.419", "F41.1", "Z79.4"), "LOINC#"+x.pick("2339-0", "8480-6", "59408-5", "29463-7"), "CPT#"+x.pick("99453", "99454", "99457", "99091"), "RXNORM#"+x.digits(6))
	}},
	{"d-npi-provider", sD, nil, func(x *g) string { return "PROVIDER#NPI#" + x.luhnNPI() }},
	{"d-ts-sk", sD, nil, func(x *g) string { return "READING#" + x.ts() }},
	{"a-schema", sA, nil, func(x *g) string { return x.pick(attrs...) }},
	{"a-metrics", sA, nil, func(x *g) string {
		return x.pick("avg_glucose_mgdl", "time_in_range_pct", "spo2_min", "steps_7d", "cycle_length_days", "phq9_score", "gad7_score", "last_sync_at", "ttl", "gsi1pk", "gsi1sk", "version", "createdAt", "updatedAt")
	}},
	{"a-flags", sA, nil, func(x *g) string {
		return "features." + x.pick("enableCgmAlerts", "darkMode", "newOnboardingV2", "telehealthChat", "pregnancyMode", "arabicRtl", "ssoOkta")
	}},
	{"a-locale-map", sA, nil, func(x *g) string {
		return "i18n." + x.pick("pt_BR", "es_MX", "fr_CA", "de_DE", "ja_JP", "ko_KR", "zh_CN", "ar_SA", "he_IL", "hi_IN", "bn_BD", "tr_TR", "vi_VN", "th_TH", "id_ID", "tl_PH", "sw_KE", "pl_PL", "nl_NL", "it_IT")
	}},
	{"a-word-attr", sA, nil, func(x *g) string {
		return x.pick("gracePeriodDays", "markAsRead", "wardCode", "brownoutMode", "whiteLabel", "greenThreshold", "youngAdultSegment", "kingdomCode", "hallMonitor")
	}},
	{"t-service-table", sT, nil, func(x *g) string {
		return fmt.Sprintf("%s-%s-%s", x.app(), x.pick("single-table", "readings", "reminders", "sessions", "idempotency", "audit"), x.pick("prod", "staging", "dev", "eu-west-1"))
	}},
	{"t-cdk-table", sT, nil, func(x *g) string {
		return fmt.Sprintf("%sStack-%sTable%s-%s", x.pick("Rpm", "Telehealth", "Cycle", "Mind"), x.pick("Readings", "Users", "Devices", "Alerts"), x.from("ABCDEF0123456789", 8), x.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 12))
	}},
	{"t-glue-table", sT, nil, func(x *g) string {
		return x.pick("raw_", "curated_", "deid_") + x.pick(sensors...) + x.pick("_daily", "_hourly", "_by_zip3", "_by_age_band", "_v2")
	}},
	{"t-eponym-table", sT, nil, func(x *g) string {
		return strings.ReplaceAll(x.pick(eponyms...), "-", "_") + "_screening_" + x.pick("questions", "scores", "cohorts")
	}},
	{"e-kms-context", sE, nil, func(x *g) string {
		return x.pick("aws:s3:arn=arn:aws:s3:::"+x.app()+"-datalake-prod/*", x.arn(), "service="+x.app(), "tenant="+x.pick(orgs...), "purpose=backup", "aws:dynamodb:tableName="+x.app()+"-readings-prod", "stage=prod")
	}},
	{"e-ids", sE, nil, func(x *g) string {
		return x.pick("request=", "execution=", "batch=", "kid=") + x.pick(x.uuid(), x.ulid(), x.ksuid(), x.hex(40))
	}},
	{"e-account", sE, nil, func(x *g) string { return "aws:sourceAccount=" + x.acct() }},
	{"e-partition-date", sE, nil, func(x *g) string {
		t := x.sysDate()
		return fmt.Sprintf("partition=%04d-%02d-%02d", t.y, t.m, t.d)
	}},
	{"s-generic", sS, nil, func(x *g) string {
		return x.pick("Your weekly summary is ready", "Tu resumen semanal está listo", "Seu relatório mensal chegou", "Votre rapport hebdomadaire", "Ihr Wochenbericht ist da", "Il tuo riepilogo settimanale", "Je weekoverzicht staat klaar", "Twoje cotygodniowe podsumowanie", "Haftalık özetiniz hazır", "ملخصك الأسبوعي جاهز", "הסיכום השבועי שלך מוכן", "आपकी साप्ताहिक रिपोर्ट तैयार है", "আপনার সাপ্তাহিক রিপোর্ট প্রস্তুত", "您的每周报告已准备好", "週間レポートが届きました", "주간 리포트가 준비되었습니다", "Báo cáo hàng tuần của bạn đã sẵn sàng", "รายงานประจำสัปดาห์ของคุณพร้อมแล้ว", "Laporan mingguan Anda sudah siap", "Handa na ang iyong lingguhang ulat", "Ripoti yako ya wiki iko tayari")
	}},
	{"s-marketing", sS, nil, func(x *g) string {
		return x.pick("20% off Premium this weekend", "New: sleep stages now in the app", "Flu season tips from our nurses", "Black Friday: CGM starter kit USD 49.99", "Webinar: living well with type 2 diabetes", "Parkinson's Awareness Month: new resources", "Meet the new Mayo Clinic diet plan", "Descubre el nuevo modo embarazo", "Nova versão 5.2 disponível", "Ramadan-Tipps für Menschen mit Diabetes")
	}},
	{"s-system", sS, nil, func(x *g) string {
		t := x.sysDate()
		return x.pick(fmt.Sprintf("Scheduled maintenance on %04d-%02d-%02d 02:00 UTC", t.y, t.m, t.d), "[ALARM] cgm-ingest IteratorAge > 60000 in "+x.region(), "Build "+x.semver()+" deployed to production", "Certificate for api."+x.app()+".com expires soon", "Your verification code is "+x.digits(6), "Password reset requested", "Weekly Athena cost report", fmt.Sprintf("Invoice %d-%02d for AWS account %s", t.y, t.m, x.acct()))
	}},
	{"s-survey-generic", sS, nil, func(x *g) string {
		return x.pick("How did we do? 2-minute survey", "¿Cómo fue tu experiencia?", "Como foi sua consulta?", "Donnez-nous votre avis", "Wie zufrieden sind Sie?", "Jak oceniasz wizytę?", "ご意見をお聞かせください", "만족도 조사에 참여해 주세요")
	}},
	{"s-appt-generic", sS, nil, func(x *g) string {
		return x.pick("Appointment reminder", "Your appointment is tomorrow", "Recordatorio de cita", "Lembrete de consulta", "Rappel de rendez-vous", "Terminerinnerung", "Promemoria appuntamento", "Afspraakherinnering", "Randevu hatırlatması", "تذكير بالموعد", "תזכורת לתור", "अपॉइंटमेंट रिमाइंडर", "预约提醒", "ご予約のリマインダー", "예약 알림", "Nhắc lịch hẹn", "แจ้งเตือนนัดหมาย", "Pengingat janji temu", "Paalala sa appointment", "Kikumbusho cha miadi")
	}},
	{"s-payment-generic", sS, nil, func(x *g) string {
		return x.pick("Payment received - thank you", "Your invoice is available", "Pago recibido", "Pagamento confirmado", "Paiement reçu", "Zahlung eingegangen", "Plan renews on the 1st: EUR 9.99/month", "Receipt for order #"+x.digits(6))
	}},
	{"tp-model-telemetry", sTp, nil, func(x *g) string {
		return fmt.Sprintf("fleet/%s/%s/%s/telemetry", x.pick("us", "eu", "br", "in", "jp"), x.model(), x.pick(sensors...))
	}},
	{"tp-shadow-group", sTp, nil, func(x *g) string {
		return fmt.Sprintf("$aws/things/%s/shadow/name/%s/update/accepted", x.pick("gateway-fleet-canary", "hub-template", "lab-bench-01", "cgm-simulator"), x.pick("config", "firmware", "calibration"))
	}},
	{"tp-jobs", sTp, nil, func(x *g) string {
		return fmt.Sprintf("$aws/things/%s/jobs/%s/update", x.pick("sim-"+x.digits(3), "qa-rig-"+x.digits(2)), "ota-"+x.semver())
	}},
	{"tp-rule-topic", sTp, nil, func(x *g) string {
		return fmt.Sprintf("%s/%s/v%d/%s", x.app(), x.pick("events", "alerts", "metrics"), x.in(1, 4), x.pick("battery_low", "sync_complete", "calibration_due", "signal_loss", "heartbeat"))
	}},
	{"tp-infra-ip", sTp, nil, func(x *g) string {
		return fmt.Sprintf("infra/broker/%s/status", x.pick("10."+itoa(x.n(256))+"."+itoa(x.n(256))+"."+itoa(x.in(1, 254)), "ip-10-"+itoa(x.n(256))+"-"+itoa(x.n(256))+"-"+itoa(x.in(1, 254))+".ec2.internal", "127.0.0.1", "0.0.0.0-8883"))
	}},
	{"tp-sqs-attr", sTp, nil, func(x *g) string {
		return "sqs/" + x.pick("rpm-alerts.fifo", "reminders-dlq", "fhir-bundles") + "/MessageGroupId/" + x.pick("tenant-"+x.pick(orgs...), "shard-"+itoa(x.n(64)))
	}},
	{"n-system-url", sK, nil, func(x *g) string {
		return "links/" + x.pick("https%3A%2F%2Fhl7.org%2Ffhir%2FR4%2Fpatient.html", "https%3A%2F%2Fdocs.aws.amazon.com%2Fiot%2F", "https%3A%2F%2Fcdn."+x.app()+".com%2Fapp.js", "s3%3A%2F%2F"+x.app()+"-assets%2Findex.html", "https%3A%2F%2Fwww.who.int%2Ficd")
	}},
	{"n-country-city-hospital", sK, nil, func(x *g) string {
		return fmt.Sprintf("directory/facilities/%s/%s.json", x.pick("br/sao-paulo", "in/bengaluru", "de/berlin", "jp/tokyo", "mx/cdmx", "tr/istanbul", "ke/nairobi"), x.pick("hospital-list", "pharmacies", "labs", "clinics"))
	}},
	{"n-gtin-udi-di", sM, nil, func(x *g) string { return fmt.Sprintf("x-amz-meta-udi-di: (01)%014d", x.n(1000000000)*100+x.n(100)) }},
	{"n-date-only-year", sA, nil, func(x *g) string { return fmt.Sprintf("cohort_%d_births", x.in(1940, 2010)) }},
	{"n-phone-like-build", sK, nil, func(x *g) string {
		return fmt.Sprintf("builds/%d/%s-android-%s.apk", x.in(10000, 99999), x.app(), x.semver())
	}},
	{"n-support-macro", sS, nil, func(x *g) string {
		return fmt.Sprintf("[Ticket #%d] %s", x.in(100000, 999999), x.pick("Sensor failed early", "Cannot pair Bluetooth", "Refund request", "App crashes on Android 14", "Change subscription plan"))
	}},
	{"n-cognito-pool", sE, nil, func(x *g) string {
		return fmt.Sprintf("userpool=%s_%s", x.region(), x.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 9))
	}},
	{"n-sns-attr", sM, nil, func(x *g) string {
		return "x-amz-meta-" + x.pick("sns-topic: "+x.arn(), "message-type: "+x.pick("reading.created", "alert.raised", "kit.shipped"), "schema: fhir-r4-"+x.semver())
	}},
	{"n-geo-region", sM, nil, func(x *g) string {
		return "x-amz-meta-" + x.pick("data-residency: ", "region: ", "market: ") + x.pick("EU", "eu-central-1", "LATAM", "APAC", "GCC", "India", "Brazil", "California")
	}},
	{"n-word-key", sK, nil, func(x *g) string {
		return fmt.Sprintf("deploy/%s/%s.json", x.pick(words...), x.pick("manifest", "rollout", "config"))
	}},
	{"n-ddb-stream", sD, nil, func(x *g) string {
		t := x.sysDate()
		return fmt.Sprintf("STREAM#%04d-%02d-%02dT%02d:%02d:%02d.%03d", t.y, t.m, t.d, x.n(24), x.n(60), x.n(60), x.n(1000))
	}},
	{"n-table-ts", sT, nil, func(x *g) string {
		t := x.sysDate()
		return fmt.Sprintf("readings_%04d_%02d", t.y, t.m)
	}},
	{"n-bucket-date", sB, nil, func(x *g) string {
		t := x.sysDate()
		return fmt.Sprintf("%s-backup-%04d%02d%02d", x.app(), t.y, t.m, t.d)
	}},
	{"n-sensor-topic-id", sTp, nil, func(x *g) string {
		return fmt.Sprintf("lab/bench/%s/%s/calibration", x.model(), x.pick("ref-unit-a", "ref-unit-b", "golden-sample"))
	}},
	{"n-mac-oui", sA, nil, func(x *g) string { return "oui_allowlist." + x.pick("00:1A:7D", "F0:9F:C2", "DC:A6:32") }},
	{"n-appname-people", sB, nil, func(x *g) string {
		return x.pick("ada-health", "florence-nightingale-app", "victor-bot", "alexa-skill", "siri-shortcuts", "clara-triage", "watson-health", "oscar-insurance", "marie-curie-hospice") + "-" + x.pick("assets", "ingest", "prod")
	}},
}

func (x *g) pickZip3() int {
	for {
		z := x.in(10, 999)
		ok := true
		for _, r := range restrictedZip3 {
			if fmt.Sprintf("%03d", z) == r {
				ok = false
			}
		}
		if ok {
			return z
		}
	}
}

// luhnNPI returns a provider NPI (Luhn with the 80840 prefix).
func (x *g) luhnNPI() string {
	base := fmt.Sprintf("%d%s", x.in(1, 2), x.digits(8))
	c := luhnCheck("80840" + base)
	return base + itoa(c)
}
