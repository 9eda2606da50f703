package tune4

import (
	"fmt"
	"strconv"
	"strings"
)

type tpl struct {
	id, shape string
	cats      []string // empty: a clean template
	f         func(x *g) string
}

func cs(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

const (
	sK  = "s3-key"
	sM  = "s3-metadata"
	sB  = "bucket"
	sD  = "dynamodb-key"
	sA  = "attribute-name"
	sT  = "table-name"
	sE  = "encryption-context"
	sS  = "subject"
	sTp = "device-topic"
)

func lc(s string) string { return strings.ToLower(s) }
func itoa(i int) string  { return strconv.Itoa(i) }

var apps = []string{"cyclebloom", "mindharbor", "glucopal", "pulsewise", "nutrimate", "sleepwell", "teleclinic", "carebridge", "heartline", "breathe-easy", "fitloop", "momwell", "symptomcheck", "hearclear", "renalink"}
var devModels = []string{"dexcom-g7", "libre3", "omnipod5", "tslim-x2", "omron-evolv", "withings-body-plus", "masimo-mightysat", "oticon-intent", "medtronic-azure", "nonin-3230", "qardio-arm", "biobeat-bwm"}
var sensors = []string{"glucose", "spo2", "heart_rate", "bp_systolic", "bp_diastolic", "weight", "temperature", "steps", "hrv", "resp_rate", "insulin_bolus", "battery"}

func (x *g) app() string   { return x.pick(apps...) }
func (x *g) model() string { return x.pick(devModels...) }

var templates = []tpl{
	// ====================== PHI: names ======================
	{"k-upload-name", sK, cs("name"), func(x *g) string {
		return fmt.Sprintf("%s/uploads/%s/%s", x.app(), x.name(true), x.pick("insurance-card-front.jpg", "id-selfie.png", "lab-results.pdf", "referral.pdf", "consent-signed.pdf"))
	}},
	{"k-telehealth-recording", sK, cs("name,date"), func(x *g) string {
		return fmt.Sprintf("telehealth/recordings/%s/%s_%s.mp4", x.keyDate(x.visit()), x.name(true), x.pick("video-visit", "consult", "followup", "intake"))
	}},
	{"k-dicom-name", sK, cs("name"), func(x *g) string {
		return fmt.Sprintf("imaging/inbound/%s/%s.dcm", render(x.person(), "dicom"), x.hex(8))
	}},
	{"k-intl-native-name", sK, cs("name"), func(x *g) string {
		p := x.person()
		for p.loc == "us" {
			p = x.person()
		}
		return fmt.Sprintf("%s/%s/patients/%s/%s", x.app(), x.pick("kr", "jp", "cn", "br", "mx", "de", "fr", "in", "il", "sa", "th", "tr", "pl", "nl"), render(p, "full"), x.pick("profile.json", "intake-form.pdf", "summary.pdf"))
	}},
	{"k-faces-name", sK, cs("name"), func(x *g) string {
		return fmt.Sprintf("kyc/faces/%s_%s.jpg", x.name(true), x.pick("selfie", "face-front", "liveness", "passport-photo"))
	}},
	{"m-patient-name", sM, cs("name"), func(x *g) string {
		return fmt.Sprintf("x-amz-meta-%s: %s", x.pick("patient-name", "patientname", "member-name", "uploaded-for", "subject-name", "owner"), x.name(false))
	}},
	{"m-family-given", sM, cs("name"), func(x *g) string {
		p := x.person()
		if x.p(0.5) {
			return "x-amz-meta-family-name: " + p.family
		}
		return "x-amz-meta-given-name: " + p.given
	}},
	{"b-name-bucket", sB, cs("name"), func(x *g) string {
		return fmt.Sprintf("%s-%s-%s", x.pick("telehealth-exports", "rpm-archive", "caregiver-share", "family-vault"), x.asciiName(), x.pick("prod", "backup", "2024", "eu"))
	}},
	{"d-user-name", sD, cs("name"), func(x *g) string {
		return fmt.Sprintf("USER#%s#PROFILE", lc(render(x.latin(), "initial")))
	}},
	{"d-caregiver", sD, cs("name"), func(x *g) string {
		return fmt.Sprintf("CAREGIVER#%s#PATIENT#%s", render(x.person(), "upper"), x.ulid())
	}},
	{"a-name-map", sA, cs("name"), func(x *g) string {
		return fmt.Sprintf("careTeam.%s", render(x.person(), "camel"))
	}},
	{"t-per-user-table", sT, cs("name"), func(x *g) string {
		return fmt.Sprintf("%s-readings-%s", x.pick("cgm", "bp", "sleep", "cycle"), render(x.latin(), "asciisnake"))
	}},
	{"e-patient-name", sE, cs("name"), func(x *g) string { return x.name(false) }},
	{"s-appt-reminder-name", sS, cs("name"), func(x *g) string {
		p := x.person()
		n := render(p, "full")
		switch x.n(8) {
		case 0:
			return "Reminder: " + n + ", your appointment is tomorrow"
		case 1:
			return "Recordatorio de cita para " + n
		case 2:
			return "Olá " + p.given + ", sua consulta foi confirmada"
		case 3:
			return "Rappel : rendez-vous de " + n
		case 4:
			return n + "様 ご予約のお知らせ"
		case 5:
			return n + "님, 진료 예약 안내"
		case 6:
			return "Hallo " + n + ", Ihr Termin ist bestätigt"
		}
		return "Przypomnienie o wizycie: " + n
	}},
	{"s-newsletter-name", sS, cs("name"), func(x *g) string {
		p := x.person()
		return x.pick("Hi ", "Dear ", "Merhaba ", "Ciao ", "Hoi ", "Habari ", "Xin chào ", "Kumusta ", "Halo ") + render(p, "full") + x.pick(", your weekly glucose report is ready", " - your cycle insights for this month", ", new mindfulness sessions await", ", your lab results are available")
	}},
	{"s-support-ticket-name", sS, cs("name"), func(x *g) string {
		return fmt.Sprintf("[Ticket #%d] Sensor failed early - %s", x.in(100000, 999999), render(x.person(), x.pick("full", "lastfirst")))
	}},
	{"tp-thing-owner-name", sTp, cs("name"), func(x *g) string {
		return fmt.Sprintf("rpm/%s/home/%s/%s", x.region(), render(x.latin(), "asciisnake"), x.pick(sensors...))
	}},
	{"s-rtl-native-name", sS, cs("name"), func(x *g) string {
		for {
			p := x.person()
			switch p.loc {
			case "ar", "fa":
				return "تذكير بموعدك: " + p.given + " " + p.family
			case "he":
				return "תזכורת לתור עבור " + p.given + " " + p.family
			case "bn_BD":
				return p.given + " " + p.family + ", আপনার অ্যাপয়েন্টমেন্ট নিশ্চিত হয়েছে"
			case "th":
				return "แจ้งเตือนนัดหมาย คุณ" + p.given + " " + p.family
			case "en_IN", "ne", "ta_IN":
				return "नमस्ते " + p.given + " " + p.family + ", आपकी अपॉइंटमेंट कल है"
			}
		}
	}},
	// ====================== address / geography ======================
	{"m-home-address", sM, cs("address"), func(x *g) string {
		return "x-amz-meta-home-address: " + x.usStreet()
	}},
	{"m-intl-address", sM, cs("address,zip"), func(x *g) string {
		return "x-amz-meta-" + x.pick("delivery-address", "shipping-address", "patient-address", "kit-ship-to") + ": " + x.intlAddr()
	}},
	{"m-patient-city", sM, cs("address"), func(x *g) string {
		return "x-amz-meta-" + x.pick("patient-city", "home-city", "residence-city") + ": " + x.pick(usCities...)
	}},
	{"k-hah-kit-address", sK, cs("address"), func(x *g) string {
		return fmt.Sprintf("hospital-at-home/kits/deliveries/%s.json", strings.ReplaceAll(lc(x.usStreet()), " ", "-"))
	}},
	{"d-address-sk", sD, cs("address,zip"), func(x *g) string {
		return fmt.Sprintf("ADDR#HOME#%s#%s", strings.ToUpper(strings.ReplaceAll(x.usStreet(), " ", "_")), x.usZip())
	}},
	{"tp-home-geo", sTp, cs("address"), func(x *g) string {
		la, lo := x.home()
		return fmt.Sprintf("patients/%s/home-location/%s,%s", x.pick("geofence", "fall-alert", "wander-alert"), la, lo)
	}},
	{"e-geohash-home", sE, cs("address"), func(x *g) string { return "home-geohash=" + x.geohash(x.in(8, 10)) }},
	{"s-delivery-address", sS, cs("address,zip"), func(x *g) string {
		return "Your monitoring kit ships to " + x.intlAddr()
	}},
	{"a-district", sA, cs("address"), func(x *g) string {
		return "residence_" + x.pick("Kadıköy", "Whitefield", "Pinheiros", "Moema", "Koramangala", "Setagaya", "Gangnam-gu", "Neukölln", "Jordaan", "Mokotów", "Chamberí")
	}},
	// ====================== zip ======================
	{"m-zip", sM, cs("zip"), func(x *g) string {
		z := x.usZip()
		if x.p(0.4) {
			z += "-" + x.digits(4)
		}
		return "x-amz-meta-" + x.pick("patient-zip", "zip", "postal-code", "home-zip") + ": " + z
	}},
	{"m-restricted-zip3", sM, cs("zip"), func(x *g) string {
		return "x-amz-meta-zip3: " + x.pick(restrictedZip3...)
	}},
	{"k-intl-postcode", sK, cs("zip"), func(x *g) string {
		return fmt.Sprintf("rpm/enrolment/postcode=%s/%s.json", strings.ReplaceAll(x.intlPostcode(), " ", "%20"), x.uuid())
	}},
	{"d-zip-gsi", sD, cs("zip"), func(x *g) string {
		return fmt.Sprintf("ZIP#%s#DOB#%04d", x.usZip()+"-"+x.digits(4), x.in(1930, 2010))
	}},
	{"e-postcode", sE, cs("zip"), func(x *g) string { return "home-postcode:" + x.intlPostcode() }},
	// ====================== dates ======================
	{"k-dob-file", sK, cs("name,date"), func(x *g) string {
		return fmt.Sprintf("intake/%s_dob_%s.pdf", x.name(true), x.keyDate(x.dob()))
	}},
	{"m-dob", sM, cs("date"), func(x *g) string {
		return "x-amz-meta-" + x.pick("dob", "birthdate", "date-of-birth", "geburtsdatum", "fecha-nacimiento", "data-nascimento") + ": " + textDate(x.dob(), x.pick(langs...))
	}},
	{"m-admit-date", sM, cs("date"), func(x *g) string {
		return "x-amz-meta-" + x.pick("admit-date", "discharge-date", "date-of-death", "procedure-date", "lmp-date", "due-date") + ": " + textDate(x.visit(), x.pick("iso", "us", "dot", "slash"))
	}},
	{"d-dob-sk", sD, cs("date"), func(x *g) string {
		return fmt.Sprintf("PATIENT#%s#DOB#%s", x.ksuid(), x.keyDate(x.dob()))
	}},
	{"s-birthday", sS, cs("name,date"), func(x *g) string {
		p := x.person()
		l := x.pick(langs...)
		return "Birthday check-in for " + render(p, "full") + " (" + textDate(x.dob(), l) + ")"
	}},
	{"s-appt-date-intl", sS, cs("date"), func(x *g) string {
		t := x.visit()
		switch x.n(12) {
		case 0:
			return "Su cita del " + textDate(t, "es") + " ha sido confirmada"
		case 1:
			return "Sua consulta em " + textDate(t, "pt") + " foi remarcada"
		case 2:
			return "Votre rendez-vous du " + textDate(t, "fr")
		case 3:
			return "Ihr Termin am " + textDate(t, "de")
		case 4:
			return textDate(t, "ja") + "のご予約について"
		case 5:
			return textDate(t, "ko") + " 진료 예약 확인"
		case 6:
			return "Lịch hẹn khám " + textDate(t, "vi")
		case 7:
			return "นัดหมายของคุณวันที่ " + textDate(t, "th")
		case 8:
			return "Janji temu Anda pada " + textDate(t, "id")
		case 9:
			return "Randevunuz: " + textDate(t, "tr")
		case 10:
			return "Miadi yako ya " + textDate(t, "sw")
		}
		return "您的预约时间：" + textDate(t, "zh")
	}},
	{"tp-lmp-cycle", sTp, cs("date"), func(x *g) string {
		return fmt.Sprintf("cyclebloom/users/%s/lmp/%s", x.nanoid(), x.keyDate(x.visit()))
	}},
	{"a-dob-map", sA, cs("date"), func(x *g) string {
		return "dob_" + fmt.Sprintf("%04d%02d%02d", x.dob().y, x.in(1, 12), x.in(1, 28))
	}},
	{"e-death-date", sE, cs("date"), func(x *g) string {
		return x.pick("deceased-date=", "dod=", "discharge=") + x.keyDate(x.visit())
	}},
	{"b-dob-bucket", sB, cs("name,date"), func(x *g) string {
		t := x.dob()
		return fmt.Sprintf("export-%s-%04d%02d%02d", render(x.latin(), "ascii"), t.y, t.m, t.d)
	}},
	{"t-session-date-name", sT, cs("name,date"), func(x *g) string {
		t := x.visit()
		return fmt.Sprintf("therapy_notes_%s_%04d_%02d_%02d", render(x.latin(), "asciisnake"), t.y, t.m, t.d)
	}},
	// ====================== age ======================
	{"k-age", sK, cs("age"), func(x *g) string {
		return fmt.Sprintf("geriatrics/fall-risk/%s-%d/%s.json", x.pick("age", "aged", "edad"), x.age(), x.uuid())
	}},
	{"m-age", sM, cs("age"), func(x *g) string {
		return "x-amz-meta-" + x.pick("age", "patient-age", "age-years", "alter") + ": " + itoa(x.age())
	}},
	{"s-age-intl", sS, cs("age"), func(x *g) string {
		a := x.age()
		return x.pick(
			fmt.Sprintf("Centenarian care plan review: %d-year-old resident", a),
			fmt.Sprintf("Paciente de %d años - revisión de medicación", a),
			fmt.Sprintf("%d岁老人居家监测报告", a),
			fmt.Sprintf("%d歳の利用者様 見守りレポート", a),
			fmt.Sprintf("%d세 어르신 건강 리포트", a),
			fmt.Sprintf("Bewohnerin, %d Jahre, Sturzmeldung", a))
	}},
	{"d-age-key", sD, cs("age"), func(x *g) string {
		return fmt.Sprintf("COHORT#falls#AGE#%d#%s", x.age(), x.ulid())
	}},
	{"e-age", sE, cs("age"), func(x *g) string { return fmt.Sprintf("age=%dy", x.age()) }},
	// ====================== phone ======================
	{"k-sms-phone", sK, cs("phone"), func(x *g) string {
		return fmt.Sprintf("sms-reminders/outbound/%s/%d.json", x.keyPhone(), x.visit().y)
	}},
	{"m-phone", sM, cs("phone"), func(x *g) string {
		return "x-amz-meta-" + x.pick("phone", "mobile", "caregiver-phone", "emergency-contact", "telefone", "handy") + ": " + x.anyPhone()
	}},
	{"d-phone-pk", sD, cs("phone"), func(x *g) string {
		return "PHONE#" + strings.NewReplacer(" ", "", "-", "", "(", "", ")", "", ".", "").Replace(x.anyPhone())
	}},
	{"s-callback-phone", sS, cs("phone"), func(x *g) string {
		return x.pick("Please call us back at ", "Llámenos al ", "Ligue para ", "Rappelez au ", "Callback requested: ") + x.anyPhone()
	}},
	{"tp-sim-msisdn", sTp, cs("phone"), func(x *g) string {
		return fmt.Sprintf("hub/msisdn/%s/uplink", strings.NewReplacer(" ", "", "-", "").Replace(x.intlPhone()))
	}},
	{"e-phone", sE, cs("phone"), func(x *g) string { return "contact=" + x.anyPhone() }},
	{"a-phone-map", sA, cs("phone"), func(x *g) string {
		return "otp_" + strings.NewReplacer(" ", "", "-", "", "(", "", ")", "", ".", "", "+", "").Replace(x.anyPhone())
	}},
	// ====================== fax ======================
	{"k-fax-inbound", sK, cs("fax"), func(x *g) string {
		return fmt.Sprintf("fax/inbound/from-%s/%s.tiff", x.keyPhone(), x.ulid())
	}},
	{"m-fax", sM, cs("fax"), func(x *g) string {
		return "x-amz-meta-" + x.pick("fax", "patient-fax", "reply-fax", "fax-number") + ": " + x.anyPhone()
	}},
	{"s-fax", sS, cs("fax"), func(x *g) string {
		return x.pick("Fax received from ", "Referral fax from ", "Fax de ", "Telefax von ") + x.anyPhone() + x.pick("", " (2 pages)", " - records request")
	}},
	{"d-fax", sD, cs("fax"), func(x *g) string { return "FAX#" + x.keyPhone() + "#" + x.ulid() }},
	{"e-fax", sE, cs("fax"), func(x *g) string { return "fax-to=" + x.anyPhone() }},
	// ====================== email ======================
	{"k-email-export", sK, cs("email"), func(x *g) string {
		e := x.email()
		if x.p(0.3) {
			e = strings.Replace(e, "@", "%40", 1)
		}
		return fmt.Sprintf("crm-exports/contacts/%s/%s.json", e, x.pick("consents", "preferences", "gdpr-request"))
	}},
	{"m-email", sM, cs("email"), func(x *g) string {
		return "x-amz-meta-" + x.pick("email", "owner-email", "patient-email", "reply-to") + ": " + x.email()
	}},
	{"d-cognito-username-email", sD, cs("email"), func(x *g) string { return "USER#" + x.email() }},
	{"e-idn-email", sE, cs("email"), func(x *g) string { return x.idnEmail() }},
	{"s-email-change", sS, cs("email"), func(x *g) string {
		return x.pick("Email changed to ", "Confirm your new address: ", "Verificação de e-mail: ", "E-Mail-Adresse bestätigen: ") + x.pick(x.email(), x.idnEmail())
	}},
	{"a-email-key", sA, cs("email"), func(x *g) string { return "invites." + x.email() }},
	// ====================== ssn / national ids ======================
	{"m-ssn", sM, cs("ssn"), func(x *g) string {
		return "x-amz-meta-" + x.pick("ssn", "guarantor-ssn", "subscriber-ssn") + ": " + x.ssn()
	}},
	{"k-ssn-file", sK, cs("ssn"), func(x *g) string {
		return fmt.Sprintf("billing/eligibility/%s/%s.x12", strings.ReplaceAll(x.ssn(), "-", x.pick("", "-")), x.pick("270", "271", "834"))
	}},
	{"m-national-id", sM, cs("ssn"), func(x *g) string {
		k, v := x.nationalID()
		return "x-amz-meta-" + k + ": " + v
	}},
	{"k-national-id", sK, cs("ssn"), func(x *g) string {
		k, v := x.nationalID()
		return fmt.Sprintf("kyc/%s/%s/%s", k, strings.ReplaceAll(v, " ", ""), x.pick("front.jpg", "back.jpg", "verification.json"))
	}},
	{"d-national-id", sD, cs("ssn"), func(x *g) string {
		k, v := x.nationalID()
		return strings.ToUpper(k) + "#" + strings.ReplaceAll(v, " ", "")
	}},
	{"e-national-id", sE, cs("ssn"), func(x *g) string { _, v := x.nationalID(); return v }},
	{"s-national-id", sS, cs("ssn"), func(x *g) string {
		k, v := x.nationalID()
		return x.pick("Identity verified for ", "Verificación de identidad: ", "Documento recebido: ", "Kimlik doğrulandı: ") + strings.ToUpper(k) + " " + v
	}},
	{"a-cpf-map", sA, cs("ssn"), func(x *g) string { return "beneficiarios_" + strings.NewReplacer(".", "", "-", "").Replace(x.cpf()) }},
	// ====================== mrn ======================
	{"k-mrn", sK, cs("mrn"), func(x *g) string {
		return fmt.Sprintf("ehr/exports/%s/%s%s/ccd.xml", x.pick("epic", "cerner", "athena"), x.pick("mrn-", "MRN", "mrn/", "patient-", "chart_"), x.digits(x.in(7, 9)))
	}},
	{"k-fhir-patient", sK, cs("mrn"), func(x *g) string {
		return fmt.Sprintf("fhir/R4/Patient/%s/_history/%d", x.pick(x.uuid(), "pat-"+x.digits(8), x.from(alnum, 12)), x.in(1, 40))
	}},
	{"d-patient-pk", sD, cs("mrn"), func(x *g) string {
		return fmt.Sprintf("PATIENT#%s", x.pick("P"+x.digits(8), "MRN-"+x.digits(7), "NHSH-"+x.digits(6)))
	}},
	{"d-encounter", sD, cs("mrn"), func(x *g) string { return fmt.Sprintf("ENC#E%s#VITALS", x.digits(10)) }},
	{"m-mrn", sM, cs("mrn"), func(x *g) string {
		return "x-amz-meta-" + x.pick("mrn", "patient-id", "hospital-number", "numero-historia", "prontuario") + ": " + x.pick(x.digits(8), "H"+x.digits(7), x.from(upper, 3)+x.digits(7))
	}},
	{"tp-rpm-patient", sTp, cs("mrn"), func(x *g) string {
		return fmt.Sprintf("rpm/v1/patients/%s/%s", "MRN"+x.digits(8), x.pick(sensors...))
	}},
	{"s-mrn-results", sS, cs("mrn"), func(x *g) string {
		return fmt.Sprintf("Lab results available - MRN %s", x.digits(8))
	}},
	{"e-mrn", sE, cs("mrn"), func(x *g) string { return "patient:" + x.digits(9) }},
	{"t-mrn-table", sT, cs("mrn"), func(x *g) string { return "ecg_strips_patient_" + x.digits(7) }},
	{"a-hl7-pid3", sA, cs("mrn"), func(x *g) string {
		return fmt.Sprintf("PID-3:%s^^^%s^MR", x.digits(8), x.pick("STMARY", "NHS_TRUST", "CHUV", "HOSPSP"))
	}},
	{"b-mrn-bucket", sB, cs("mrn"), func(x *g) string { return fmt.Sprintf("ehr-attachments-mrn-%s", x.digits(8)) }},
	// ====================== health plan ======================
	{"m-member-id", sM, cs("health-plan"), func(x *g) string {
		return "x-amz-meta-" + x.pick("member-id", "subscriber-id", "policy-number", "insurance-id") + ": " + x.memberID()
	}},
	{"k-mbi", sK, cs("health-plan"), func(x *g) string { return fmt.Sprintf("claims/medicare/mbi=%s/eob.pdf", x.mbi()) }},
	{"m-intl-health-number", sM, cs("health-plan"), func(x *g) string {
		k, v := x.healthNumber()
		return "x-amz-meta-" + k + ": " + v
	}},
	{"k-intl-health-number", sK, cs("health-plan"), func(x *g) string {
		k, v := x.healthNumber()
		return fmt.Sprintf("referrals/%s/%s/letter.pdf", k, strings.ReplaceAll(v, " ", "-"))
	}},
	{"d-health-number", sD, cs("health-plan"), func(x *g) string {
		k, v := x.healthNumber()
		return "HEALTHCARD#" + strings.ToUpper(k) + "#" + strings.ReplaceAll(v, " ", "")
	}},
	{"s-health-number", sS, cs("health-plan"), func(x *g) string {
		k, v := x.healthNumber()
		return fmt.Sprintf("Your %s number %s has been linked", strings.ToUpper(k), v)
	}},
	{"e-member", sE, cs("health-plan"), func(x *g) string { return "member=" + x.memberID() }},
	{"a-member", sA, cs("health-plan"), func(x *g) string { return "eligibility_" + x.mbi() }},
	// ====================== account ======================
	{"m-iban", sM, cs("account"), func(x *g) string {
		return "x-amz-meta-" + x.pick("refund-iban", "iban", "payer-iban") + ": " + x.iban()
	}},
	{"k-card", sK, cs("account"), func(x *g) string {
		return fmt.Sprintf("payments/disputes/card-%s/%s.pdf", x.card(), x.pick("chargeback", "receipt", "statement"))
	}},
	{"d-patient-account", sD, cs("account"), func(x *g) string { return "ACCT#" + x.pick("PA", "GA", "HAR") + x.digits(9) + "#STATEMENT" }},
	{"s-payment-reminder", sS, cs("account"), func(x *g) string {
		return x.pick("Payment reminder for account ", "Lembrete de pagamento - conta ", "Recordatorio de pago - cuenta ", "Zahlungserinnerung Konto ") + x.pick(x.digits(10), x.iban())
	}},
	{"e-claim", sE, cs("account"), func(x *g) string { return "claim=CLM-" + x.digits(10) }},
	{"m-wallet", sM, cs("account"), func(x *g) string { return "x-amz-meta-payer-wallet: 0x" + x.hex(40) }},
	{"a-stripe-customer", sA, cs("account"), func(x *g) string {
		return "billing.cus_" + x.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 14)
	}},
	// ====================== license ======================
	{"m-dl", sM, cs("license"), func(x *g) string {
		return "x-amz-meta-" + x.pick("drivers-license", "dl-number", "licence-number", "fuhrerschein") + ": " + x.dl()
	}},
	{"m-passport", sM, cs("license"), func(x *g) string { return "x-amz-meta-passport-number: " + x.passport() }},
	{"k-passport-scan", sK, cs("license"), func(x *g) string {
		return fmt.Sprintf("medical-tourism/visa/passport-%s/%s.jpg", x.passport(), x.pick("bio-page", "scan", "mrz"))
	}},
	{"d-dl", sD, cs("license"), func(x *g) string { return "IDDOC#DL#" + strings.ReplaceAll(x.dl(), " ", "") }},
	{"s-passport", sS, cs("license"), func(x *g) string { return "Travel clearance: passport " + x.passport() + " verified" }},
	{"e-dl", sE, cs("license"), func(x *g) string { return "license:" + strings.ReplaceAll(x.dl(), " ", "") }},
	// ====================== vehicle ======================
	{"m-plate", sM, cs("vehicle"), func(x *g) string {
		return "x-amz-meta-" + x.pick("vehicle-plate", "license-plate", "kennzeichen", "placa") + ": " + x.plate()
	}},
	{"k-vin", sK, cs("vehicle"), func(x *g) string { return fmt.Sprintf("nemt/rides/vehicle/%s/%s.json", x.vin(), x.ulid()) }},
	{"d-plate", sD, cs("vehicle"), func(x *g) string { return "PARKING#PLATE#" + strings.ReplaceAll(x.plate(), " ", "") }},
	{"s-ride", sS, cs("vehicle"), func(x *g) string { return "Your ride to dialysis is on the way: plate " + x.plate() }},
	{"tp-vehicle", sTp, cs("vehicle"), func(x *g) string { return fmt.Sprintf("telematics/%s/driver-health/drowsiness", x.vin()) }},
	{"e-vin", sE, cs("vehicle"), func(x *g) string { return "vin=" + x.vin() }},
	// ====================== device ======================
	{"tp-cgm-serial", sTp, cs("device"), func(x *g) string {
		return fmt.Sprintf("$aws/things/%s-%s/shadow/update", x.pick("cgm", "pump", "bpcuff", "oximeter", "scale"), x.serial())
	}},
	{"tp-imei", sTp, cs("device"), func(x *g) string { return fmt.Sprintf("iomt/imei/%s/telemetry", x.imei()) }},
	{"tp-ble-mac", sTp, cs("device"), func(x *g) string {
		return fmt.Sprintf("gateway/ble/%s/%s", x.mac(":"), x.pick(sensors...))
	}},
	{"m-udi", sM, cs("device"), func(x *g) string { return "x-amz-meta-implant-udi: " + x.udi() }},
	{"k-pacemaker", sK, cs("device"), func(x *g) string {
		return fmt.Sprintf("cardiac-remote/transmissions/sn-%s/%s.xml", x.serial(), x.ulid())
	}},
	{"d-device-serial", sD, cs("device"), func(x *g) string { return "DEVICE#SN#" + x.serial() }},
	{"e-device", sE, cs("device"), func(x *g) string { return "device-serial=" + x.serial() }},
	{"a-hearing-aid", sA, cs("device"), func(x *g) string { return "pairedAids." + x.mac("") }},
	{"s-device", sS, cs("device"), func(x *g) string {
		return x.pick("Replacement ordered for sensor ", "Pump serial ", "Firmware updated on device ") + x.serial()
	}},
	{"m-ad-id", sM, cs("device"), func(x *g) string { return "x-amz-meta-idfa: " + strings.ToUpper(x.uuid()) }},
	// ====================== url ======================
	{"m-social-url", sM, cs("url"), func(x *g) string {
		p := x.latin()
		return "x-amz-meta-" + x.pick("profile-url", "social", "instagram", "website") + ": https://" + x.pick("www.instagram.com/", "www.facebook.com/", "www.linkedin.com/in/", "x.com/", "www.tiktok.com/@") + render(p, x.pick("dot", "asciisnake", "initial"))
	}},
	{"k-chart-url", sK, cs("url,mrn"), func(x *g) string {
		return "links/" + strings.NewReplacer("://", "%3A%2F%2F", "/", "%2F").Replace(fmt.Sprintf("https://portal.%s.org/patients/%s/chart", x.pick("stlukes", "northbay", "carenet"), x.digits(8)))
	}},
	{"s-profile-url", sS, cs("url"), func(x *g) string {
		return "New follower request: https://" + x.pick("www.instagram.com/", "x.com/", "www.facebook.com/") + fold(lc(x.latin().given)) + "_" + x.digits(4)
	}},
	{"e-url", sE, cs("url"), func(x *g) string {
		return "homepage=https://" + render(x.latin(), "ascii") + "." + x.pick("blog", "me", "com", "net")
	}},
	{"d-url", sD, cs("url"), func(x *g) string {
		return "LINK#https://www.linkedin.com/in/" + render(x.latin(), "ascii") + "-" + x.hex(8)
	}},
	// ====================== ip ======================
	{"m-client-ip", sM, cs("ip"), func(x *g) string {
		return "x-amz-meta-" + x.pick("client-ip", "source-ip", "x-forwarded-for", "uploader-ip") + ": " + x.clientIP()
	}},
	{"k-session-ip", sK, cs("ip"), func(x *g) string {
		return fmt.Sprintf("portal/sessions/ip=%s/%s.json", strings.ReplaceAll(x.clientIP(), ":", "-"), x.uuid())
	}},
	{"d-ip-ratelimit", sD, cs("ip"), func(x *g) string { return "LOGIN_ATTEMPT#IP#" + x.clientIP() }},
	{"e-ip", sE, cs("ip"), func(x *g) string { return "consent-ip=" + x.clientIP() }},
	{"s-ip-login", sS, cs("ip"), func(x *g) string { return "New sign-in to your account from " + x.clientIP() }},
	// ====================== other-id: biometric and other unique ids ======================
	{"k-voiceprint", sK, cs("other-id"), func(x *g) string {
		return fmt.Sprintf("biometrics/voiceprint/enroll-%s/template.bin", x.digits(10))
	}},
	{"m-face-template", sM, cs("other-id"), func(x *g) string {
		return "x-amz-meta-" + x.pick("face-template-id", "faceprint-id", "rekognition-face-id", "iris-template") + ": " + x.uuid()
	}},
	{"d-fingerprint", sD, cs("other-id"), func(x *g) string { return "BIOMETRIC#FP#" + x.from(alnum, 16) }},
	{"m-employee-id", sM, cs("other-id"), func(x *g) string {
		return "x-amz-meta-" + x.pick("employee-id", "staff-number", "personalnummer") + ": E" + x.digits(6)
	}},
	{"k-student-id", sK, cs("other-id"), func(x *g) string {
		return fmt.Sprintf("school-health/immunizations/student-%s/record.pdf", x.digits(9))
	}},
	{"e-a-number", sE, cs("other-id"), func(x *g) string { return "alien-number=A" + x.digits(9) }},
	{"d-cognito-sub-user", sD, cs("other-id"), func(x *g) string { return "COGNITO#USER#" + x.uuid() + "#JOURNAL" }},
	{"tp-voice", sTp, cs("other-id"), func(x *g) string { return fmt.Sprintf("assistant/voiceprint/%s/verify", "vp-"+x.digits(12)) }},
	{"s-biometric", sS, cs("other-id"), func(x *g) string { return "Face ID enrolment completed: template " + x.from(alnum, 12) }},
	// ====================== multi-identifier ======================
	{"k-lake-patient-partition", sK, cs("mrn,date"), func(x *g) string {
		t := x.dob()
		return fmt.Sprintf("lake/raw/cgm/patient_id=%s/dob=%04d-%02d-%02d/part-00000.parquet", x.digits(8), t.y, t.m, t.d)
	}},
	{"k-crm-export", sK, cs("name,email,phone"), func(x *g) string {
		p := x.latin()
		return fmt.Sprintf("crm/%s_%s_%s.vcf", render(p, "asciisnake"), fold(render(p, "dot"))+"@"+x.pick(mailDomains...), x.keyPhone())
	}},
	{"s-intl-welcome", sS, cs("name,health-plan"), func(x *g) string {
		k, v := x.healthNumber()
		return fmt.Sprintf("Welcome %s - %s %s", render(x.person(), "full"), strings.ToUpper(k), v)
	}},
	{"d-gsi-name-dob", sD, cs("name,date"), func(x *g) string {
		return fmt.Sprintf("NAME#%s#DOB#%s", render(x.person(), "upper"), x.keyDate(x.dob()))
	}},
	{"k-hl7-pid", sK, cs("name,mrn,date"), func(x *g) string {
		p := x.latin()
		t := x.dob()
		return fmt.Sprintf("hl7/adt/PID|1||%s^^^HOSP^MR||%s||%04d%02d%02d|%s", x.digits(8), render(p, "dicom"), t.y, t.m, t.d, x.pick("F", "M"))
	}},
	{"tp-hah-fax-age", sTp, cs("age,address"), func(x *g) string {
		return fmt.Sprintf("hah/%s/resident-%d/%s", strings.ReplaceAll(lc(x.usStreet()), " ", "-"), x.age(), x.pick(sensors...))
	}},
	{"s-survey-invite", sS, cs("name,date"), func(x *g) string {
		t := x.visit()
		return fmt.Sprintf("%s, how was your visit on %s?", render(x.person(), "full"), textDate(t, x.pick("en", "enGB", "us")))
	}},
	{"e-fax-phone-name", sE, cs("name,fax"), func(x *g) string {
		return render(x.person(), "full") + " fax " + x.usPhone()
	}},
	{"b-phone-bucket", sB, cs("phone"), func(x *g) string {
		a, b, c := x.nanp()
		return fmt.Sprintf("voicemail-%s-%s-%s-archive", a, b, c)
	}},
	{"b-ip-bucket", sB, cs("ip"), func(x *g) string {
		return "session-replay-" + strings.ReplaceAll(x.pubIPv4(), ".", "-") + "-" + x.pick("tmp", "dump", "debug")
	}},
	{"t-zip-table", sT, cs("zip"), func(x *g) string { return "outreach_zip_" + x.usZip() + "_" + x.digits(4) }},
	{"a-plate", sA, cs("vehicle"), func(x *g) string { return "permits." + strings.ReplaceAll(x.plate(), " ", "") }},
	{"t-device-table", sT, cs("device"), func(x *g) string { return "pump-log-" + x.serial() }},
	{"tp-patient-email", sTp, cs("email"), func(x *g) string { return "notify/" + x.email() + "/alerts" }},
	{"a-age", sA, cs("age"), func(x *g) string { return fmt.Sprintf("resident_age_%d", x.age()) }},
	{"t-license", sT, cs("license"), func(x *g) string { return "idv-passport-" + x.passport() }},
	{"a-ip", sA, cs("ip"), func(x *g) string { return "trustedDevices." + strings.ReplaceAll(x.pubIPv4(), ".", "_") }},
	{"b-url", sB, cs("url"), func(x *g) string { return "www." + render(x.latin(), "ascii") + ".com" }},
	{"t-health-plan", sT, cs("health-plan"), func(x *g) string { return "claims-member-" + x.memberID() }},
	{"b-ssn-bucket", sB, cs("ssn"), func(x *g) string { return "tax-forms-" + x.ssn() }},
	{"tp-fax-gw", sTp, cs("fax"), func(x *g) string { return "faxgw/inbound/" + x.keyPhone() + "/page" }},
	{"t-other-id", sT, cs("other-id"), func(x *g) string { return "faceprints_enrol_" + x.digits(10) }},
	{"a-account", sA, cs("account"), func(x *g) string { return "refunds." + x.iban() }},
	{"tp-date-name-ja", sTp, cs("name,date"), func(x *g) string {
		p := x.person()
		return fmt.Sprintf("mimamori/%s/%s/checkin", render(p, "full"), x.keyDate(x.visit()))
	}},
}
