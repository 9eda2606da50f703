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
	lxMonthShift = 21 // month number 1..12 in bits 21-24
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
)

var ctxWords = map[ctxKind][]string{
	ckName:     {"name", "firstname", "lastname", "fullname", "fname", "lname", "surname", "givenname", "forename", "maidenname", "middlename", "patientname", "ptname", "nombre"},
	ckPatient:  {"patient", "pt", "pat", "client", "resident", "decedent", "inmate", "dear", "attn"},
	ckTitle:    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof"},
	ckDate:     {"dob", "birth", "born", "birthdate", "birthday", "bday", "dateofbirth", "admit", "admitted", "admission", "discharge", "discharged", "death", "deceased", "dod", "died", "doa"},
	ckAge:      {"age", "aged"},
	ckAgeUnit:  {"yo", "yoa", "yrs", "yrsold", "yearsold", "yearold"},
	ckYear:     {"year", "years", "yr"},
	ckPhone:    {"phone", "tel", "telephone", "mobile", "cell", "ph", "phn", "callback", "contact", "cellphone", "homephone", "workphone", "phoneno", "phonenumber", "sms"},
	ckFax:      {"fax", "facsimile", "faxno"},
	ckEmail:    {"email", "mail", "emailaddress"},
	ckSSN:      {"ssn", "social", "socsec", "ssno", "ssnum", "ss"},
	ckMRN:      {"mrn", "medrec", "chart", "emr", "ehr", "mrno", "medicalrecord", "patientid", "ptid", "medicalrecordnumber"},
	ckPlan:     {"member", "memberid", "subscriber", "subscriberid", "hicn", "mbi", "medicaid", "medicare", "beneficiary", "insured", "insurance", "payer", "payor", "hpid", "enrollee"},
	ckPlanWeak: {"policy", "plan"},
	ckAccount:  {"acct", "account", "acc", "accountno", "acctno", "billing", "card", "cc", "iban", "routing", "creditcard", "debit", "bank"},
	ckLicense:  {"license", "licence", "lic", "dl", "driver", "drivers", "permit", "cert", "certificate", "licenseno", "passport"},
	ckNPI:      {"npi"},
	ckDEA:      {"dea"},
	ckVIN:      {"vin"},
	ckPlate:    {"plate", "licenseplate", "vehicle", "numberplate"},
	ckDevice:   {"serial", "sn", "udi", "device", "deviceid", "serialno", "serialnumber", "meid", "esn", "mac", "implant", "pacemaker"},
	ckIMEI:     {"imei"},
	ckZIP:      {"zip", "zipcode", "postal", "postcode", "zip4"},
	ckAddress:  {"address", "addr", "street", "residence", "home"},
	ckIP:       {"ip", "ipaddr", "ipv4", "ipv6", "ipaddress"},
}

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
order orders sku product products customer customers vendor vendors store stores
dob age ssn mrn phone fax email id
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

// buildLexicon builds the word table from the embedded lexicon and the
// word lists above, without an intermediate map, which keeps the start-up
// peak of small programs low.
func buildLexicon() *wordTab {
	zr, err := gzip.NewReader(bytes.NewReader(lexiconGz))
	if err != nil {
		panic("phi: embedded lexicon: " + err.Error())
	}
	// The text is read into one exact-size string (the gzip trailer's
	// ISIZE) with no intermediate []byte.
	var sb strings.Builder
	if n := len(lexiconGz); n >= 4 {
		sb.Grow(int(binary.LittleEndian.Uint32(lexiconGz[n-4:])))
	}
	if _, err := io.Copy(&sb, zr); err != nil {
		panic("phi: embedded lexicon: " + err.Error())
	}
	text := sb.String()
	lists := []struct {
		words string
		flag  uint32
	}{
		{stopWords, lxStop}, {suffixWords, lxSuffix}, {directionWords, lxDirection},
		{stateWords, lxState}, {fillerWords, lxFiller}, {ordinalWords, lxOrdinal},
	}
	// An upper bound on the distinct words: every line, every list word,
	// the month names and the context words.
	n := strings.Count(text, "\n") + 1 + 2*len(months) + 1
	for _, l := range lists {
		n += len(fields(l.words))
	}
	for _, ws := range ctxWords {
		n += len(ws)
	}
	t := newWordTabFor(n)
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
	for _, l := range lists {
		for _, w := range fields(l.words) {
			t.update(w, func(old uint32) uint32 { return old | l.flag })
		}
	}
	for i := range months {
		f := uint32(i+1) << lxMonthShift
		t.update(months[i], func(old uint32) uint32 { return old | f })
		t.update(monthsLong[i], func(old uint32) uint32 { return old | f })
	}
	t.update("sept", func(old uint32) uint32 { return old | 9<<lxMonthShift })
	for k, ws := range ctxWords {
		for _, w := range ws {
			t.update(w, func(old uint32) uint32 { return old&^lxCtxMask | uint32(k)<<lxCtxShift | lxStop })
		}
	}
	return t
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
