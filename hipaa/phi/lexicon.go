package phi

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"io"
	"strings"
)

// lexiconGz is the embedded name and English-word lexicon; see
// lexicon/PROVENANCE.md for sources, selection and checksums.
//
//go:embed lexicon/lexicon.txt.gz
var lexiconGz []byte

// intlGz is the embedded list of international given names and surnames
// (tier 1, in no US list and no English word list), from the locale data
// of @faker-js/faker; see lexicon/PROVENANCE.md.
//
//go:embed lexicon/intl.txt.gz
var intlGz []byte

// Lexicon flags. Bits 0-5 come from the embedded data; the rest are set
// from the keyword tables below.
const (
	lxGivenMask  = 0x3  // given-name tier 1..3 (3 = top 1000)
	lxSurShift   = 2    // surname tier in bits 2-3
	lxEngCommon  = 0x10 // in wamerican-small: a common English word
	lxEng        = 0x20 // in wamerican: an English word
	lxStop       = 0x40 // technical / placeholder word, never a name
	lxSuffix     = 0x80 // street suffix
	lxFiller     = 0x100
	lxState      = 0x200 // US state / territory code
	lxOrdinal    = 0x400 // st nd rd th
	lxDirection  = 0x800 // n s e w ne nw se sw north ...
	lxCtxShift   = 12    // context kind in bits 12-16
	lxCtxMask    = 0x1f << lxCtxShift
	lxNameTiers  = lxGivenMask | lxGivenMask<<lxSurShift
	lxLabelHead  = 1 << 17 // first token of a label of several tokens (labelWords)
	lxFullName   = 1 << 18 // a whole personal name in one token (a CJK or Hangul name)
	lxOrgHead    = 1 << 19 // first token of an orgPhrase
	lxFamily     = 1 << 26 // family, household: the word before is a surname (bit 20 is lxDeny)
	lxOrgWord    = 1 << 27 // one of orgHeads: the name before it is an organisation's or a place's
	lxPlaceLabel = 1 << 28 // city, county, lat, geo ...: placeRule and coordinates run
	lxSaint      = 1 << 29 // san, santa, sao, saint ...: a name after it is a place's
	lxAtWord     = 1 << 30 // at: an email written jane-at-example.com
	lxMonthShift = 21      // month number 1..12 in bits 21-24
	maxLookupLen = 24
)

// ctxKind is the kind of a context word.
type ctxKind uint8

const (
	ckNone    ctxKind = iota
	ckName            // name, firstname, surname ... (strong)
	ckPatient         // patient, pt, client (weak name context)
	ckTitle           // mr, mrs, ms, dr ...
	ckDate            // dob, birth, admit, discharge, death ...
	ckAge             // age, aged
	ckAgeUnit         // yo, yrs
	ckYear            // year, years, yr (an age unit only before "old")
	ckPhone
	ckFax
	ckEmail
	ckSSN
	ckMRN
	ckPlan     // member, subscriber, hicn, mbi, medicaid ...
	ckPlanWeak // policy, plan, group
	ckAccount
	ckLicense
	ckNPI
	ckDEA
	ckVIN
	ckPlate
	ckDevice
	ckIMEI
	ckZIP
	ckAddress
	ckIP
	ckNatID     // national id and tax numbers of other countries: nhs, sin, nino, nir, steuerid ...
	ckClaim     // claim numbers
	ckEncounter // encounter, visit, case, accession, pid: a weak patient-level id
	ckEmployee  // employee, staff and student ids
	ckImmig     // immigration: alien (A-) number, uscis
	ckBiometric // biometric template ids: fingerprint, voiceprint, faceprint, iris (the last kind: 5 bits)
)

var ctxWords = map[ctxKind][]string{
	ckName:     {"name", "firstname", "lastname", "fullname", "fname", "lname", "surname", "givenname", "forename", "maidenname", "middlename", "patientname", "ptname", "nombre"},
	ckPatient:  {"patient", "pt", "pat", "client", "resident", "decedent", "patients", "inmate", "dear", "attn", "person", "persons", "individual", "guardian", "caregiver", "spouse", "nok", "kin", "relatedperson", "dependent", "guarantorname", "owner", "claimant", "applicant", "recipient"},
	ckTitle:    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof"},
	ckDate:     {"dob", "birth", "born", "adm", "disch", "stay", "appointment", "appt", "dos", "dateofservice", "injury", "consulta", "cita", "termin", "rendezvous", "appuntamento", "afspraak", "visita", "birthdate", "birthday", "bday", "dateofbirth", "admit", "admitted", "admission", "discharge", "discharged", "death", "deceased", "dod", "died", "doa", "geb", "geboren", "nacido", "nacida", "nee", "née", "nacimiento", "patientbirthdate", "studydate", "geburtsdatum", "naissance", "nascita", "geboortedatum", "fodelsedatum", "fodelsedag", "syntymaaika", "lmp", "surgery"},
	ckAge:      {"age", "aged", "patientage", "edad", "idade", "leeftijd"},
	ckAgeUnit:  {"yo", "yoa", "yrs", "yrsold", "yearsold", "yearold"},
	ckYear:     {"year", "years", "yr", "jahre", "jahren", "anos", "años", "ans", "anni", "jaar"},
	ckPhone:    {"phone", "tel", "telephone", "mobile", "cell", "ph", "phn", "callback", "contact", "cellphone", "homephone", "workphone", "phoneno", "phonenumber", "sms", "voicemail", "contacts", "whatsapp", "caller", "callerid", "ani", "otp", "msisdn", "telefono", "telefone", "telefon", "celular", "movil"},
	ckFax:      {"fax", "facsimile", "faxno"},
	ckEmail:    {"email", "mail", "emailaddress"},
	ckSSN:      {"ssn", "ssns", "social", "socsec", "ssno", "ssnum", "ss"},
	ckMRN:      {"mrn", "medrec", "chart", "emr", "ehr", "mrno", "medicalrecord", "patientid", "ptid", "otherpatientids", "medicalrecordnumber", "patid", "medrecno", "chartno", "hrn", "mrnum", "historia", "nhc", "prontuario", "patientennummer", "fallnummer", "empi", "mpi", "empiid"},
	ckPlan:     {"member", "memberid", "subscriber", "subscriberid", "hicn", "mbi", "medicaid", "medicare", "beneficiary", "insured", "insurance", "hpid", "enrollee", "healthcard", "ohip", "medicareno", "kvnr", "cns", "members", "mbr", "mbrid", "mbrno", "memberno", "subscriberno", "policyholder", "cardholder", "philhealth", "ramq", "phn", "abha", "sanitaria", "versichertennummer", "krankenkasse", "tessera"},
	ckPlanWeak: {"policy", "plan", "coverage"},
	ckAccount:  {"acct", "account", "acc", "accountno", "acctno", "billing", "card", "cc", "iban", "routing", "creditcard", "debit", "bank", "guarantor", "har", "harno", "cards", "wallet", "cuenta", "konto", "compte"},
	ckLicense:  {"license", "licence", "lic", "dl", "driver", "drivers", "permit", "cert", "certificate", "licenseno", "passport", "passportno", "dln", "certificates", "fuhrerschein", "fuehrerschein", "permis", "carnet", "patente", "rijbewijs", "korkort", "licencia"},
	ckNPI:      {"npi"},
	ckDEA:      {"dea"},
	ckVIN:      {"vin"},
	ckPlate:    {"plate", "licenseplate", "vehicle", "numberplate", "vehicles", "plates", "kennzeichen", "matricula", "immatriculation", "targa", "kenteken", "placa"},
	ckDevice:   {"serial", "sn", "udi", "device", "deviceid", "serialno", "serialnumber", "meid", "esn", "mac", "implant", "pacemaker", "macaddr", "macaddress", "hwaddr", "serialnum", "devices", "telemetry", "cgm", "pump", "pumps", "monitor", "sensor", "sensors", "wearable", "transmitter", "paired", "bluetooth", "ble", "implants", "idfa", "adid", "aaid", "advertisingid", "cuff", "glucometer", "oximeter", "thermometer", "inhaler", "cpap", "bipap", "concentrator", "nebulizer"},
	ckIMEI:     {"imei"},
	ckZIP:      {"zip", "zipcode", "postal", "postcode", "zip4"},
	ckAddress:  {"address", "addr", "street", "residence", "home", "hometown", "birthplace", "district", "neighborhood", "neighbourhood", "bairro", "quartier", "stadtteil", "geohash", "strasse"},
	ckIP:       {"ip", "ipaddr", "ipv4", "ipv6", "ipaddress"},
	ckNatID: {"nhs", "nhsno", "sin", "nino", "nir", "insee", "steuerid", "idnr", "taxid", "tin", "itin", "bsn", "pesel",
		"aadhaar", "nric", "personnummer", "codicefiscale", "curp", "dni", "nie", "cpr", "tfn", "pan", "cpf", "rrn", "sofi", "mynumber", "kojinbango", "teudat", "zehut", "tckn", "kimlik", "iqama", "cedula", "dpi", "rfc", "hkid", "nationalid", "cnp", "egn", "oib", "amka", "personalausweis"},
	ckClaim:     {"claim", "claimid", "claimno", "claims"},
	ckEncounter: {"encounter", "encounterid", "visit", "visitid", "case", "caseid", "episode", "fin", "csn", "accession", "pid", "encounters", "visits", "enc", "specimen", "specimenid", "specimens", "accessionnumber", "rx", "rxno", "rxnum", "rxnumber", "prescription", "requisition"},
	ckEmployee:  {"employee", "employeeid", "empid", "empno", "staffid", "emp", "student", "studentid", "badge", "payroll", "students", "stu", "stuid", "employees", "staff", "personalnummer", "mitarbeiternummer", "matricule", "legajo"},
	ckImmig:     {"alien", "anumber", "uscis", "anum", "immigration"},
	ckBiometric: {"fingerprint", "fingerprints", "voiceprint", "voiceprints", "faceprint", "faceprints", "iris", "retina", "palmprint", "biometric", "biometrics", "faceid", "rekognition", "palmvein", "palm", "vein", "iriscode", "iriscodes"},
}

// labelWords are identifier labels of several tokens, written as the
// tokens separated by spaces; they match the concatenation of adjacent
// tokens (lower-cased, separators dropped), so that medical_record,
// MedicalRecord and medical-record all match "medical record". The
// one-token labels of ctxWords match the same way ("patient" "id").
var labelWords = map[ctxKind][]string{
	ckMRN:       {"medical record", "med rec", "health record", "hospital number", "patient number", "patient no", "patient num", "chart number", "patient identifier"},
	ckPlan:      {"member number", "health plan", "insurance id", "insurance number", "policy holder", "subscriber number", "beneficiary number", "health card", "medicare number", "member identifier"},
	ckClaim:     {"claim number", "claim num"},
	ckEncounter: {"encounter number", "visit number", "case number", "accession number", "episode id"},
	ckNatID: {"my number", "emirates id", "thai id", "social insurance", "national insurance", "national id", "national identity", "national health", "tax id", "tax number",
		"tax identification", "steuer id", "steuer nummer", "numero secu", "securite sociale", "nhs number", "personal identity"},
	ckEmployee: {"employee number", "staff number", "student number", "personnel number", "staff id", "student id", "employee id"},
	ckImmig:    {"alien registration", "alien number", "a number"},
	ckLicense:  {"driver license", "drivers license", "driving licence", "driving license", "passport number", "licence number"},
	ckDevice:   {"mac address", "serial number", "device id", "hw addr"},
}

// orgPhrases are organisations, places, diseases and methods named after
// people: a name finding on exactly these tokens is suppressed.
const orgPhrases = `johns hopkins|john hopkins|john deere|wells fargo|mayo clinic|st jude|saint jude|mount sinai|mt sinai|cedars sinai|
kaplan meier|bell palsy|bells palsy|hodgkin lymphoma|hodgkins lymphoma|parkinson disease|parkinsons disease|alzheimer disease|alzheimers disease|
crohn disease|crohns disease|graves disease|addison disease|addisons disease|cushing syndrome|cushings syndrome|down syndrome|asperger syndrome|
tourette syndrome|lou gehrig|dana farber|sloan kettering|memorial sloan|kaiser permanente|mass general|massachusetts general|cleveland clinic|
henry ford|baylor scott|scott white|johnson johnson|procter gamble|ernst young|morgan stanley|goldman sachs|charles schwab|walt disney|
ford motor|jack daniels|martin luther|luther king|george washington|st mary|st marys|saint mary|st joseph|saint joseph|st luke|st lukes|
st vincent|st francis|beth israel|lenox hill|mount auburn|eli lilly|bristol myers|barnes jewish|ronald mcdonald|shriners children|
rush university|emory healthcare|duke health|geisinger health|jackson memorial|scripps health|stanford health|vanderbilt university|
bayes theorem|fisher exact|pearson correlation|mann whitney|wilcoxon rank|kruskal wallis|cox regression|tukey hsd|bonferroni correction|
lyme disease|huntington disease|huntingtons disease|marfan syndrome|wilson disease|hashimoto thyroiditis|raynaud syndrome|reye syndrome|
tommy hilfiger|calvin klein|ralph lauren|louis vuitton|dolce gabbana|harley davidson|rolls royce|aston martin|mercedes benz|ben jerry|
marriott hotel|hilton hotel|dr pepper|tim hortons|wendy s|sherwin williams|charles river|william blair|raymond james|edward jones|
frank lloyd|baker tilly|walter reed|ronald reagan|beth israel lahey|israel lahey|martin luther king|washington state|lincoln center|grant thornton|allen bradley|black decker|warner bros|warner brothers|simon schuster|ernst young`

// stopWords are never names, even when a name list has them: technical
// words common in keys, placeholders, and popular software names.
const stopWords = `unknown baby infant notnamed unnamed male female boy girl na the null test and none
data backup report invoice batch part final image scan lab result results export upload archive raw
processed tmp temp log logs file files doc docs pdf csv json xml txt parquet avro orc zip gz tar bak
old new copy draft summary daily weekly monthly yearly annual prod dev staging stage qa uat sandbox
main master release build deploy config settings default user users admin root system service
services app api web www http https ftp bucket object key keys value values table index item items
record records event events message messages queue topic stream job jobs task tasks run runs
output input source target dest src dst bin lib opt var etc home usr cache snapshot snapshots
version latest stable beta alpha gamma delta sigma omega model models train valid validation
sample samples demo example examples template templates static public private shared common core
east west north south central region zone us eu ap sa ca me af cn il
jenkins travis hudson kafka spark flink hadoop hive presto trino athena glue lambda sage maven gradle
django flask rails ruby python rust julia scala perl swift kotlin dart elixir erlang haskell java
oracle apache nginx redis mongo postgres mysql docker kube helm terraform ansible chef puppet
tableau looker okta stripe twilio salesforce hubspot zendesk jira confluence slack teams zoom
amazon google microsoft azure aws gcp ibm dell hp cisco intel linux ubuntu debian centos fedora
epic cerner meditech allscripts athenahealth hl fhir dicom hl7 icd cpt loinc snomed
patient patients provider providers physician clinic hospital claim claims encounter visit visits
order orders sku product products customer customers vendor vendors store stores ephi pii meta amz auth soundex metaphone nysiis philips siemens
dob age ssn mrn phone fax email id ephi pii hipaa
monday tuesday wednesday thursday friday saturday sunday`

// Street suffixes, directions, states, fillers, ordinals.
const (
	suffixWords = `st street ave av avenue rd road blvd boulevard ln lane dr drive ct court way pl place
ter terrace cir circle pkwy parkway hwy highway sq square trl trail plz plaza`
	directionWords = `n s e w ne nw se sw north south east west`
	stateWords     = `al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh
nj nm ny nc nd oh ok or pa pr ri sc sd tn tx ut vt va wa wv wi wy`
	fillerWords  = `id no num number nbr nr of date dt is on at for code ident identifier first last full given middle maiden legal preferred`
	ordinalWords = `st nd rd th`
)

// placeLabels are the labels of a place below state level and of
// coordinates (placeRule, coordinates).
const placeLabels = `city county town hometown residence municipality village birthplace lat latitude lon lng long longitude
geo gps coords coordinates latlng latlon geolocation geohash`

// monthsIntl are the month names of Spanish, Portuguese, French, German
// and Italian, folded to ASCII as the scanner folds a token (février →
// fevrier), with their common abbreviations.
var monthsIntl = [12]string{
	"enero janeiro janvier januar gennaio ene janv jaenner",
	"febrero fevereiro fevrier februar febbraio fev fevr",
	"marzo marco mars marz maerz",
	"abril avril aprile abr avr",
	"mayo maio mai maggio mag",
	"junio junho juin juni giugno",
	"julio julho juillet juli luglio juil lug",
	"agosto aout ago",
	"septiembre setiembre setembro septembre settembre set sett",
	"octubre outubro octobre oktober ottobre okt ott out",
	"noviembre novembro novembre",
	"diciembre dezembro decembre dezember dicembre dic dez",
}

// buildLexicon builds the word table from the embedded lexicon and the
// word lists above, without an intermediate map, which keeps the start-up
// peak of small programs low.
func buildLexicon() *wordTab {
	text, intl := gunzipText(lexiconGz), gunzipText(intlGz)
	lists := []struct {
		words string
		flag  uint32
	}{
		{stopWords, lxStop}, {suffixWords, lxSuffix}, {directionWords, lxDirection},
		{stateWords, lxState}, {fillerWords, lxFiller}, {ordinalWords, lxOrdinal},
	}
	// An upper bound on the distinct words: every line, every list word,
	// the month names and the context words.
	n := strings.Count(text, "\n") + strings.Count(intl, "\n") + 2 + 2*len(months) + 1 + 12*10
	for _, l := range lists {
		n += len(fields(l.words))
	}
	for _, ws := range ctxWords {
		n += len(ws)
	}
	heads, orgs := labelHeads(), orgList()
	n += len(heads) + len(orgs) + 5 + len(orgHeads) + len(fields(placeLabels)) + 8
	t := newWordTabFor(n)
	addLines(t, text)
	addLines(t, intl)
	for _, l := range lists {
		for _, w := range fields(l.words) {
			t.update(w, func(old uint32) uint32 { return old | l.flag })
		}
	}
	for i := range months {
		f := uint32(i+1) << lxMonthShift
		t.update(months[i], func(old uint32) uint32 { return old | f })
		t.update(monthsLong[i], func(old uint32) uint32 { return old | f })
		for _, w := range fields(monthsIntl[i]) {
			t.update(w, func(old uint32) uint32 { return old | f })
		}
	}
	t.update("sept", func(old uint32) uint32 { return old | 9<<lxMonthShift })
	for k, ws := range ctxWords {
		for _, w := range ws {
			t.update(w, func(old uint32) uint32 { return old&^lxCtxMask | uint32(k)<<lxCtxShift | lxStop })
		}
	}
	for _, h := range heads {
		t.update(h, func(old uint32) uint32 { return old | lxLabelHead })
	}
	for _, o := range orgs {
		t.update(o[0], func(old uint32) uint32 { return old | lxOrgHead })
	}
	for _, w := range fields("family household familie familia famille") {
		t.update(w, func(old uint32) uint32 { return old | lxFamily })
	}
	for w := range orgHeads {
		t.update(w, func(old uint32) uint32 { return old | lxOrgWord })
	}
	t.update("at", func(old uint32) uint32 { return old | lxAtWord })
	for _, w := range fields("sao san santa santo saint sainte ste") {
		t.update(w, func(old uint32) uint32 { return old | lxSaint })
	}
	for _, w := range fields(placeLabels) {
		t.update(w, func(old uint32) uint32 { return old | lxPlaceLabel })
	}
	return t
}

// labelHeads returns the first tokens of the labels of several tokens.
func labelHeads() []string {
	var out []string
	for _, ls := range labelWords {
		for _, l := range ls {
			f := fields(l)
			out = append(out, f[0])
		}
	}
	// the fillers after a lone "a": A-Number
	return append(out, "number", "no", "num", "nbr")
}

// orgList returns the orgPhrases, each split into its tokens.
func orgList() [][]string {
	var out [][]string
	for _, p := range strings.Split(orgPhrases, "|") {
		if f := fields(p); len(f) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// buildLabelTab returns the table from a label (its tokens concatenated)
// to its context kind: the one-token labels of the identifier kinds and
// the labels of several tokens.
func buildLabelTab() *wordTab {
	m := map[string]uint32{}
	for k, ws := range ctxWords {
		if isIDCtx(k) || k == ckPatient || isNewIDCtx(k) {
			for _, w := range ws {
				m[w] = uint32(k)
			}
		}
	}
	for k, ls := range labelWords {
		for _, l := range ls {
			m[strings.Join(fields(l), "")] = uint32(k)
		}
	}
	return newWordTab(m)
}

// buildOrgTab returns the table of orgPhrases (tokens concatenated).
func buildOrgTab() *wordTab {
	m := map[string]uint32{}
	for _, o := range orgList() {
		m[strings.Join(o, "")] = 1
	}
	return newWordTab(m)
}

// gunzipText returns the text of an embedded gzip file, read into one
// exact-size string (the gzip trailer's ISIZE) with no intermediate
// []byte.
func gunzipText(gz []byte) string {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("phi: embedded lexicon: " + err.Error())
	}
	var sb strings.Builder
	if n := len(gz); n >= 4 {
		sb.Grow(int(binary.LittleEndian.Uint32(gz[n-4:])))
	}
	if _, err := io.Copy(&sb, zr); err != nil {
		panic("phi: embedded lexicon: " + err.Error())
	}
	return sb.String()
}

// addLines ors the flags of the lines word<TAB>flags of text into t.
func addLines(t *wordTab, text string) {
	for len(text) > 0 {
		nl := indexByteStr(text, '\n')
		if nl < 0 {
			nl = len(text)
		}
		line := text[:nl]
		if nl < len(text) {
			text = text[nl+1:]
		} else {
			text = ""
		}
		tab := indexByteStr(line, '\t')
		if tab <= 0 {
			continue
		}
		v := uint32(0)
		for i := tab + 1; i < len(line); i++ {
			v = v*10 + uint32(line[i]-'0')
		}
		t.update(line[:tab], func(old uint32) uint32 { return old | v })
	}
}

func indexByteStr(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func fields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\n' || s[i] == '\t' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}
