package tune3

import (
	"fmt"
	"math/rand"
	"strings"

	pb "github.com/phisafe/phisafe/internal/phiblind"
)

const (
	s3  = "s3-key"
	md  = "s3-metadata"
	bk  = "bucket"
	dk  = "dynamodb-key"
	an  = "attribute-name"
	tn  = "table-name"
	ec  = "encryption-context"
	sub = "subject"
	dt  = "device-topic"
)

type gen func(r *rand.Rand) (string, []string)

type tmpl struct {
	id, shape string
	phi       bool
	g         gen
}

func c(cs ...string) []string { return cs }

var sf = fmt.Sprintf

func usPerson(r *rand.Rand) person {
	p := person{given: pick(r, usNames.given), surname: pick(r, usNames.surname), latin: true}
	p.middle = string(upper[r.Intn(len(upper))])
	return p
}

// lowerName is a person's name as it fits a bucket or table name.
func lowerName(r *rand.Rand) string {
	p := newPerson(r)
	g, s := asciiFold(p.given), asciiFold(p.surname)
	if g == "" || s == "" || !p.latin {
		p = usPerson(r)
		g, s = asciiFold(p.given), asciiFold(p.surname)
	}
	if r.Intn(3) == 0 {
		return s + "-" + g
	}
	return g + "-" + s
}

func hl7ctl(r *rand.Rand) string {
	switch r.Intn(3) {
	case 0:
		return sysDate(r) + digits(r, 6)
	case 1:
		return "MSG" + digits(r, 10)
	}
	return fmt.Sprint(1 + r.Intn(99999999))
}

var pos = []tmpl{
	// ---------- integration engines, HL7 ----------
	{"p-bridges-adt-mrn", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("epic-bridges/outbound/%s/ADT_%s_%s_%s.hl7", pick(r, facilities), pick(r, []string{"A04", "A08", "A03", "A31"}), mrn(r), digits(r, 6)), c(pb.MRN)
	}},
	{"p-mirth-oru-name", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("mirth/channels/LAB_ORU_IN/processed/%s/%s.hl7", sysDateDash(r), newPerson(r).render(r)), c(pb.Name)
	}},
	{"p-rhapsody-mdm-enc", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("rhapsody/MDM_T02/archive/%s_%s.txt", encounter(r), hl7ctl(r)), c(pb.MRN)
	}},
	{"p-cerner-pid-name-dob", s3, true, func(r *rand.Rand) (string, []string) {
		p := newPerson(r)
		return sf("cerner/millennium/adt_out/PID_%s_%s_%s.hl7", strings.ToUpper(sep(p.surname, "")), strings.ToUpper(sep(p.given, "")), dob(r).key(r)), c(pb.Name, pb.Date)
	}},
	{"p-meditech-admit", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("meditech/expanse/admissions/%s/acct%s.csv", svc(r).key(r), patAcct(r)), c(pb.Date, pb.Account)
	}},
	{"p-siu-appt", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("scheduling/siu-s12/%s/appt_%s_%s.hl7", pick(r, facilities), mrn(r), svc(r).key(r)), c(pb.Date, pb.MRN)
	}},
	{"p-orm-accession", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("orders/orm-o01/%s/%s.hl7", strings.ToLower(pick(r, facilities)), accession(r)), c(pb.MRN)
	}},
	{"p-hl7-pid3", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("hl7/dead-letter/PID-3=%s^^^%s^MR/%s.hl7", digits(r, 8), pick(r, facilities), hl7ctl(r)), c(pb.MRN)
	}},
	{"p-hl7-nk1-phone", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("hl7/nk1-contacts/%s/emergency-contact-%s.json", mrn(r), phoneKey(r)), c(pb.Phone, pb.MRN)
	}},
	// ---------- revenue cycle ----------
	{"p-837-claim", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("rcm/837p/outbound/%s/%s/claim_%s.x12", payerID(r), sysDate(r), claimNo(r)), c(pb.Account)
	}},
	{"p-835-patient-acct", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("rcm/835/era/patient-acct-%s/remit.835", patAcct(r)), c(pb.Account)
	}},
	{"p-277ca-rejected-name", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("rcm/277ca/rejections/%s/%s_%s.txt", sysDate(r), newPerson(r).render(r), claimNo(r)), c(pb.Name, pb.Account)
	}},
	{"p-denials-dos", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("denials/worklist/CO-%d/acct_%s_dos_%s.pdf", pick(r, []int{16, 18, 22, 29, 45, 50, 97, 197}), patAcct(r), svc(r).key(r)), c(pb.Date, pb.Account)
	}},
	{"p-statement-guarantor", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("statements/guarantor/%s/stmt_%d%02d.pdf", newPerson(r).render(r), 2023+r.Intn(3), 1+r.Intn(12)), c(pb.Name)
	}},
	{"p-collections-placement", s3, true, func(r *rand.Rand) (string, []string) {
		p := usPerson(r)
		return sf("collections/placements/%s_%s_%s_dob%s.csv", patAcct(r), strings.ToUpper(p.surname), strings.ToUpper(p.given), dob(r).key(r)), c(pb.Name, pb.Date, pb.Account)
	}},
	{"p-returned-mail-address", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("statements/returned-mail/%s-%s/%s.pdf", streetKey(r), strings.ToLower(strings.ReplaceAll(pick(r, cities), " ", "-")), patAcct(r)), c(pb.Address, pb.Account)
	}},
	{"p-cardonfile", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("payments/card-on-file/tokens-failed/%s.json", card(r)), c(pb.Account)
	}},
	{"p-refund-iban", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("refunds/intl-patients/sepa/%s/refund.xml", iban(r)), c(pb.Account)
	}},
	{"p-payment-plan-phone", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("patient-financial-services/payment-plans/%s/callback-%s.txt", patAcct(r), phoneKey(r)), c(pb.Phone, pb.Account)
	}},
	// ---------- payer operations ----------
	{"p-834-member", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("enrollment/834/inbound/%s/member_%s.edi", pick(r, []string{"group-00417", "ACME-MFG", "state-ee", "grp7781"}), memberID(r)), c(pb.HealthPlan)
	}},
	{"p-271-subscriber-dob", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("eligibility/271/responses/%s_%s.x12", memberID(r), dob(r).key(r)), c(pb.HealthPlan, pb.Date)
	}},
	{"p-idcard-print", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("idcards/print-queue/%s/%s-%s.pdf", sysDate(r), memberID(r), newPerson(r).render(r)), c(pb.Name, pb.HealthPlan)
	}},
	{"p-priorauth-member", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("utilization-mgmt/prior-auth/PA%s/member-%s/clinicals.pdf", digits(r, 9), memberID(r)), c(pb.HealthPlan)
	}},
	{"p-appeal-case-name", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("appeals-grievances/%s/case-AG%d-%06d/letter_%s.docx", pick(r, []string{"level1", "level2", "ire", "expedited"}), 2022+r.Intn(4), r.Intn(999999), newPerson(r).render(r)), c(pb.Name, pb.Other)
	}},
	{"p-medicare-mbi", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("medicare-advantage/mmr/discrepancies/mbi=%s/report.csv", mbi(r)), c(pb.HealthPlan)
	}},
	{"p-medicaid-id", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("medicaid/redetermination/%s/%s.pdf", pick(r, states), medicaid(r)), c(pb.HealthPlan)
	}},
	{"p-casemgmt-age", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("care-management/complex/%s/assessments/%s.pdf", age90(r), memberID(r)), c(pb.Age, pb.HealthPlan)
	}},
	{"p-member-portal-email", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("member-portal/registrations/%s/verify.json", email(r)), c(pb.Email)
	}},
	// ---------- PBM / pharmacy ----------
	{"p-ncpdp-cardholder", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("pbm/ncpdp-d0/claims/%s/cardholder_%s.json", sysDate(r), memberID(r)), c(pb.HealthPlan)
	}},
	{"p-refill-reminder-phone", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("pharmacy/refill-reminders/ivr-queue/%s.wav", phoneKey(r)), c(pb.Phone)
	}},
	{"p-specialty-rx-name-dob", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("specialty-pharmacy/intake/%s_%s/enrollment-form.pdf", newPerson(r).render(r), dob(r).key(r)), c(pb.Name, pb.Date)
	}},
	{"p-rx-fax", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("pharmacy/prior-auth/fax-to-member/%s/%s.tif", phoneKey(r), sysTS(r)), c(pb.Fax)
	}},
	// ---------- labs ----------
	{"p-lab-req-name", s3, true, func(r *rand.Rand) (string, []string) {
		p := newPerson(r)
		return sf("lab/requisitions/%s_%s%s.pdf", accession(r), sep(p.surname, ""), sep(p.given, "")), c(pb.Name, pb.MRN)
	}},
	{"p-path-report-dob", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("pathology/reports/final/%s/%s.pdf", dob(r).key(r), accession(r)), c(pb.Date, pb.MRN)
	}},
	{"p-specimen-collected", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("lab/specimens/collected=%s/%s/label.zpl", svc(r).key(r), mrn(r)), c(pb.Date, pb.MRN)
	}},
	// ---------- radiology ----------
	{"p-pacs-dicom-name", s3, true, func(r *rand.Rand) (string, []string) {
		p := newPerson(r)
		return sf("pacs/export/%s^%s/%s/CT/%s.dcm", strings.ToUpper(sep(p.surname, " ")), strings.ToUpper(sep(p.given, " ")), svc(r).key(r), dicomUID(r)), c(pb.Name, pb.Date)
	}},
	{"p-pacs-accession-uid", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("pacs/studies/%s/%s/series-1.zip", accession(r), dicomUID(r)), c(pb.MRN)
	}},
	{"p-worklist-scheduled", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("radiology/mwl/%s/%s_%s.wl", pick(r, []string{"MR", "CT", "US", "MG", "XA"}), mrn(r), svc(r).key(r)), c(pb.MRN, pb.Date)
	}},
	{"p-face-photo-mrn", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("ehr/patient-photos/%s_face.jpg", mrn(r)), c(pb.MRN)
	}},
	{"p-headshot-name", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("registration/photo-id/%s_headshot.png", newPerson(r).render(r)), c(pb.Name)
	}},
	// ---------- population health, quality, public health ----------
	{"p-pophealth-zip-member", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("pophealth/exports/zip=%s/member=%s.parquet", zip(r), memberID(r)), c(pb.ZIP, pb.HealthPlan)
	}},
	{"p-hedis-chart-chase", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("hedis/MY%d/chart-chase/%s/%s_dob_%s.pdf", 2022+r.Intn(4), pick(r, measures), memberID(r), dob(r).key(r)), c(pb.HealthPlan, pb.Date)
	}},
	{"p-ecqm-patient", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("ecqm/qrda-i/%s/patient_%s.xml", pick(r, measures), mrn(r)), c(pb.MRN)
	}},
	{"p-vxu-registry", s3, true, func(r *rand.Rand) (string, []string) {
		p := usPerson(r)
		return sf("immunization-registry/vxu/%s/%s-%s-%s.hl7", pick(r, states), strings.ToLower(p.surname), strings.ToLower(p.given), dob(r).key(r)), c(pb.Name, pb.Date)
	}},
	{"p-ecr-county", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("public-health/ecr/eicr/%s/%s/patient-%s.xml", strings.ToLower(strings.ReplaceAll(pick(r, counties), " ", "-")), pick(r, []string{"pertussis", "measles", "salmonella", "hep-a"}), mrn(r)), c(pb.Address, pb.MRN)
	}},
	{"p-syndromic-zip3", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("syndromic/essence/visits/zip3=%s/%s/%s.hl7", pick(r, restrictedList), sysDate(r), encounter(r)), c(pb.ZIP, pb.MRN)
	}},
	{"p-home-health-geo", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("home-health/evv/visits/%s/%s.json", coords(r), memberID(r)), c(pb.Address, pb.HealthPlan)
	}},
	// ---------- HIE, ROI, HIM ----------
	{"p-xds-patientid", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("hie/xds/repository/%s^^^&1.3.6.1.4.1.21367.%d&ISO/ccda-%s.xml", digits(r, 8), 2000+r.Intn(20), uuid(r)), c(pb.MRN)
	}},
	{"p-ccda-name", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("hie/outbound/ccda/%s/%s_CCD.xml", pick(r, facilities), newPerson(r).render(r)), c(pb.Name)
	}},
	{"p-roi-subpoena", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("roi/requests/ROI-%s/subpoena_%s.pdf", digits(r, 7), newPerson(r).render(r)), c(pb.Name)
	}},
	{"p-roi-faxback", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("roi/delivery/fax-to-%s/%s.pdf", phoneKey(r), mrn(r)), c(pb.Fax, pb.MRN)
	}},
	{"p-him-scanned-chart", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("him/scanned-charts/%s/%s/discharge-summary.pdf", mrn(r), svc(r).key(r)), c(pb.MRN, pb.Date)
	}},
	{"p-chart-amend-email", s3, true, func(r *rand.Rand) (string, []string) {
		e := email(r)
		if r.Intn(2) == 0 {
			e = strings.Replace(e, "@", "%40", 1)
		}
		return sf("him/amendment-requests/%s/request.eml", e), c(pb.Email)
	}},
	// ---------- dental, vision, workers comp, disability ----------
	{"p-dental-xray", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("dental/claims/ada-%s/bitewing_%s_tooth%d.jpg", claimNo(r), newPerson(r).render(r), 1+r.Intn(32)), c(pb.Name, pb.Account)
	}},
	{"p-vision-member", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("vision/claims/%s/member%s/rx.pdf", sysDate(r), memberID(r)), c(pb.HealthPlan)
	}},
	{"p-wc-claim-employee", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("workers-comp/claims/%s/employer-report/EMP%s.pdf", claimNo(r), digits(r, 6)), c(pb.Account, pb.Other)
	}},
	{"p-wc-vehicle", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("workers-comp/auto-liability/vin-%s/police-report.pdf", vin(r)), c(pb.Vehicle)
	}},
	{"p-wc-plate", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("claims/mva/%s/plate-%s-%s/photos.zip", claimNo(r), pick(r, states), plate(r)), c(pb.Vehicle, pb.Account)
	}},
	{"p-disability-ssn", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("disability/ltd/claimant-%s/aps.pdf", strings.ReplaceAll(ssn(r), " ", "")), c(pb.SSN)
	}},
	{"p-disability-date-of-injury", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("disability/std/%s/doi-%s/restrictions.pdf", newPerson(r).render(r), svc(r).key(r)), c(pb.Name, pb.Date)
	}},
	// ---------- identity documents, devices, other ids ----------
	{"p-intake-dl", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("registration/id-scans/%s/dl-%s.jpg", pick(r, states), dl(r)), c(pb.License)
	}},
	{"p-intl-passport", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("international-patients/visa-letters/passport_%s.pdf", passport(r)), c(pb.License)
	}},
	{"p-birth-cert", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("vital-records/birth-certificates/%s-%d-%06d.pdf", pick(r, states), 2019+r.Intn(7), r.Intn(999999)), c(pb.License)
	}},
	{"p-dme-serial", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("dme/cpap/compliance/serial-%s/usage-%s.csv", serial(r), pick(r, []string{"30d", "90d", "weekly"})), c(pb.Device)
	}},
	{"p-implant-udi", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("or/implant-log/%s/%s.json", mrn(r), udiPI(r)), c(pb.Device, pb.MRN)
	}},
	{"p-portal-client-ip", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("member-portal/audit/logins/client-ip=%s/%s.json", publicIP(r), uuid(r)), c(pb.IP)
	}},
	{"p-personal-url", s3, true, func(r *rand.Rand) (string, []string) {
		p := usPerson(r)
		return sf("siu/fraud-investigations/social/https%%3A%%2F%%2Fwww.facebook.com%%2F%s.%s/capture.png", strings.ToLower(p.given), strings.ToLower(p.surname)), c(pb.URL)
	}},
	{"p-biometric-palm", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("patient-id/palmvein-templates/%s.bin", "PV"+digits(r, 10)), c(pb.Other)
	}},
	{"p-employee-health", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("occupational-health/employee-%s/tb-test.pdf", pick(r, []string{"E", "EMP", "00"})+digits(r, 6)), c(pb.Other)
	}},
	{"p-student-health", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("school-based-health/student-%s/immunizations.pdf", nzdigits(r, 8)), c(pb.Other)
	}},
	{"p-intl-national-id", s3, true, func(r *rand.Rand) (string, []string) {
		l, v := foreignNationalID(r)
		return sf("international-patients/registration/%s-%s.json", l, v), c(pb.SSN)
	}},
	{"p-intl-nhs", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("cross-border/uk/nhs-%s/discharge.xml", nhs(r)), c(pb.HealthPlan)
	}},
	{"p-intl-postcode", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("international-patients/home-address/%s/%s.json", strings.ReplaceAll(foreignPostcode(r), " ", "_"), mrn(r)), c(pb.ZIP, pb.MRN)
	}},

	// ---------- metadata ----------
	{"m-patient-name", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"patient-name", "patientname", "pt-name", "guarantor-name", "subscriber-name"}), newPerson(r).spaced(r)), c(pb.Name)
	}},
	{"m-dob", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"dob", "birth-date", "pt-dob", "member-dob"}), dob(r).text(r)), c(pb.Date)
	}},
	{"m-admit-date", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"admit-date", "discharge-date", "dos", "date-of-death", "date-of-injury"}), svc(r).text(r)), c(pb.Date)
	}},
	{"m-member-id", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"member-id", "subscriber-id", "memberid", "cardholder-id", "hicn"}), memberID(r)), c(pb.HealthPlan)
	}},
	{"m-mbi", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-mbi: %s", mbi(r)), c(pb.HealthPlan)
	}},
	{"m-mrn", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"mrn", "patient-id", "epi", "empi-id"}), mrn(r)), c(pb.MRN)
	}},
	{"m-guarantor-phone", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"guarantor-phone", "home-phone", "cell", "callback-number"}), phone(r)), c(pb.Phone)
	}},
	{"m-foreign-phone", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-patient-mobile: %s", foreignPhone(r)), c(pb.Phone)
	}},
	{"m-fax", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"return-fax", "requester-fax", "patient-fax", "member-home-fax"}), phone(r)), c(pb.Fax)
	}},
	{"m-zip", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"patient-zip", "member-zip", "home-zip", "zip"}), zip(r)), c(pb.ZIP)
	}},
	{"m-city", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"patient-city", "member-city", "residence-city"}), pick(r, cities)), c(pb.Address)
	}},
	{"m-street", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-address-line1: %s", street(r)), c(pb.Address)
	}},
	{"m-email", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"notify-email", "member-email", "requester-email"}), email(r)), c(pb.Email)
	}},
	{"m-ssn", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"ssn", "claimant-ssn", "subscriber-ssn"}), ssn(r)), c(pb.SSN)
	}},
	{"m-age", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-age: %d", 90+r.Intn(17)), c(pb.Age)
	}},
	{"m-claim", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"claim-number", "payer-claim-control-number", "clp01", "wc-claim"}), claimNo(r)), c(pb.Account)
	}},
	{"m-dl", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-drivers-license: %s %s", pick(r, states), dl(r)), c(pb.License)
	}},
	{"m-device-serial", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-%s: %s", pick(r, []string{"pump-serial", "device-sn", "pacemaker-serial", "cgm-transmitter-id"}), serial(r)), c(pb.Device)
	}},
	{"m-client-ip", md, true, func(r *rand.Rand) (string, []string) {
		ip := publicIP(r)
		if r.Intn(4) == 0 {
			ip = ipv6(r)
		}
		return sf("x-amz-meta-%s: %s", pick(r, []string{"client-ip", "uploader-ip", "x-forwarded-for"}), ip), c(pb.IP)
	}},
	{"m-employee", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-employee-id: %s", pick(r, []string{"E", "EMP-", "W"})+digits(r, 7)), c(pb.Other)
	}},
	{"m-plate", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-insured-vehicle-plate: %s", plate(r)), c(pb.Vehicle)
	}},
	{"m-profile-url", md, true, func(r *rand.Rand) (string, []string) {
		p := usPerson(r)
		return sf("x-amz-meta-source-url: https://www.linkedin.com/in/%s-%s-%s", strings.ToLower(p.given), strings.ToLower(p.surname), hexs(r, 6)), c(pb.URL)
	}},

	// ---------- buckets ----------
	{"b-roi-name", bk, true, func(r *rand.Rand) (string, []string) {
		return sf("roi-subpoena-%s-%d", lowerName(r), 2022+r.Intn(4)), c(pb.Name)
	}},
	{"b-patient-export", bk, true, func(r *rand.Rand) (string, []string) {
		return sf("patient-%s-imaging-export", strings.ToLower(mrn(r))), c(pb.MRN)
	}},
	{"b-wc-claim", bk, true, func(r *rand.Rand) (string, []string) {
		return sf("wc-claim-%s-docs", strings.ToLower(claimNo(r))), c(pb.Account)
	}},
	{"b-member-appeal", bk, true, func(r *rand.Rand) (string, []string) {
		return sf("appeal-member-%s", strings.ToLower(memberID(r))), c(pb.HealthPlan)
	}},
	{"b-vip-name", bk, true, func(r *rand.Rand) (string, []string) {
		return sf("vip-%s-chart-restricted", lowerName(r)), c(pb.Name)
	}},
	{"b-litigation-hold", bk, true, func(r *rand.Rand) (string, []string) {
		return sf("legal-hold-%s-dob-%s", lowerName(r), strings.ReplaceAll(dob(r).key(r), ".", "-")), c(pb.Name, pb.Date)
	}},
	{"b-device-serial", bk, true, func(r *rand.Rand) (string, []string) {
		return sf("rpm-device-%s-logs", strings.ToLower(serial(r))), c(pb.Device)
	}},

	// ---------- dynamodb keys ----------
	{"d-patient", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("PATIENT#%s", mrn(r)), c(pb.MRN)
	}},
	{"d-member-claim", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("MEMBER#%s#CLAIM#%s", memberID(r), claimNo(r)), c(pb.HealthPlan, pb.Account)
	}},
	{"d-guarantor", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("GUARANTOR#%s#STMT#%s", patAcct(r), sysDate(r)[:6]), c(pb.Account)
	}},
	{"d-accession", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("ACCESSION#%s", accession(r)), c(pb.MRN)
	}},
	{"d-subscriber-dob", dk, true, func(r *rand.Rand) (string, []string) {
		t := dob(r)
		return sf("SUBSCRIBER#%s#DOB#%04d-%02d-%02d", memberID(r), t.y, t.m, t.d), c(pb.HealthPlan, pb.Date)
	}},
	{"d-email", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("USER#%s", email(r)), c(pb.Email)
	}},
	{"d-phone", dk, true, func(r *rand.Rand) (string, []string) {
		a, e, l := nanp(r)
		return sf("SMS_OPTIN#+1%s%s%s", a, e, l), c(pb.Phone)
	}},
	{"d-fax", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("ROI#%s#FAX#%s", digits(r, 7), phoneKey(r)), c(pb.Fax)
	}},
	{"d-case", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("CASE#CM-%d-%06d#MEMBER#%s", 2022+r.Intn(4), r.Intn(999999), memberID(r)), c(pb.HealthPlan, pb.Other)
	}},
	{"d-device-imei", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("DEVICE#%s", imei(r)), c(pb.Device)
	}},
	{"d-name-dob", dk, true, func(r *rand.Rand) (string, []string) {
		p := newPerson(r)
		return sf("%s#%s#%s", strings.ToUpper(sep(p.surname, "")), strings.ToUpper(sep(p.given, "")), dob(r).key(r)), c(pb.Name, pb.Date)
	}},
	{"d-ssn-lookup", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("SSN#%s", ssn(r)), c(pb.SSN)
	}},
	{"d-encounter", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("ENCOUNTER#%s#%s", encounter(r), pick(r, []string{"ADMIT", "DISCH", "TRANSFER", "CHARGES"})), c(pb.MRN)
	}},
	{"d-vin", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("CLAIMANT_VEHICLE#%s", vin(r)), c(pb.Vehicle)
	}},
	{"d-biometric", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("FINGERPRINT_TEMPLATE#%s", hexs(r, 24)), c(pb.Other)
	}},
	{"d-license-cert", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("PASSPORT#%s", passport(r)), c(pb.License)
	}},
	{"d-ip-session", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("PORTAL_SESSION#%s#%s", publicIP(r), sysTS(r)), c(pb.IP)
	}},
	{"d-zip4", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("ADDR#%s#%s", zip5(r)+"-"+digits(r, 4), memberID(r)), c(pb.ZIP, pb.HealthPlan)
	}},

	// ---------- attribute names / map keys ----------
	{"a-member-map", an, true, func(r *rand.Rand) (string, []string) {
		return sf("members.%s.eligibility", memberID(r)), c(pb.HealthPlan)
	}},
	{"a-claim-map", an, true, func(r *rand.Rand) (string, []string) {
		return sf("claims_%s_status", claimNo(r)), c(pb.Account)
	}},
	{"a-alerts-mrn", an, true, func(r *rand.Rand) (string, []string) {
		return sf("alerts_%s", mrn(r)), c(pb.MRN)
	}},
	{"a-contact-phone", an, true, func(r *rand.Rand) (string, []string) {
		return sf("contact_%s", phoneKey(r)), c(pb.Phone)
	}},
	{"a-name-notes", an, true, func(r *rand.Rand) (string, []string) {
		return sf("%s_notes", newPerson(r).render(r)), c(pb.Name)
	}},
	{"a-age-flag", an, true, func(r *rand.Rand) (string, []string) {
		return sf("flag_%s_fall_risk", age90(r)), c(pb.Age)
	}},
	{"a-mac", an, true, func(r *rand.Rand) (string, []string) {
		return sf("paired_%s", mac(r, "_")), c(pb.Device)
	}},
	{"a-fax-map", an, true, func(r *rand.Rand) (string, []string) {
		return sf("member_fax_%s", phoneKey(r)), c(pb.Fax)
	}},
	{"a-dl", an, true, func(r *rand.Rand) (string, []string) {
		return sf("dl_%s_%s", strings.ToLower(pick(r, states)), dl(r)), c(pb.License)
	}},
	{"a-url", an, true, func(r *rand.Rand) (string, []string) {
		p := usPerson(r)
		return sf("links.https://%s%s.com/blog", strings.ToLower(p.given), strings.ToLower(p.surname)), c(pb.URL)
	}},
	{"a-student", an, true, func(r *rand.Rand) (string, []string) {
		return sf("student_%s_sports_physical", nzdigits(r, 8)), c(pb.Other)
	}},

	// ---------- table names ----------
	{"t-roi-name", tn, true, func(r *rand.Rand) (string, []string) {
		return sf("roi-requests-%s", lowerName(r)), c(pb.Name)
	}},
	{"t-case-notes", tn, true, func(r *rand.Rand) (string, []string) {
		return sf("cm-case-%s-notes", memberID(r)), c(pb.HealthPlan)
	}},
	{"t-patient-timeline", tn, true, func(r *rand.Rand) (string, []string) {
		return sf("patient_%s_timeline", mrn(r)), c(pb.MRN)
	}},
	{"t-wc-claim", tn, true, func(r *rand.Rand) (string, []string) {
		return sf("wc_%s_bills", strings.ReplaceAll(claimNo(r), "-", "_")), c(pb.Account)
	}},
	{"t-vehicle", tn, true, func(r *rand.Rand) (string, []string) {
		return sf("nemt-trips-%s", vin(r)), c(pb.Vehicle)
	}},

	// ---------- encryption context ----------
	{"e-mrn", ec, true, func(r *rand.Rand) (string, []string) { return mrn(r), c(pb.MRN) }},
	{"e-member", ec, true, func(r *rand.Rand) (string, []string) { return "member:" + memberID(r), c(pb.HealthPlan) }},
	{"e-fhir-patient", ec, true, func(r *rand.Rand) (string, []string) { return "Patient/" + uuid(r), c(pb.MRN) }},
	{"e-claim", ec, true, func(r *rand.Rand) (string, []string) { return claimNo(r), c(pb.Account) }},
	{"e-email", ec, true, func(r *rand.Rand) (string, []string) { return email(r), c(pb.Email) }},
	{"e-ssn", ec, true, func(r *rand.Rand) (string, []string) { return ssn(r), c(pb.SSN) }},
	{"e-name", ec, true, func(r *rand.Rand) (string, []string) { return newPerson(r).spaced(r), c(pb.Name) }},
	{"e-sin", ec, true, func(r *rand.Rand) (string, []string) { return "sin:" + sin(r), c(pb.SSN) }},
	{"e-card", ec, true, func(r *rand.Rand) (string, []string) { return "pan:" + card(r), c(pb.Account) }},

	// ---------- subjects ----------
	{"s-appt-reminder", sub, true, func(r *rand.Rand) (string, []string) {
		p := newPerson(r)
		t := svc(r)
		return sf("Appointment reminder for %s on %s %d at %d:%02d PM", p.given+" "+p.surname, months[t.m-1], t.d, 1+r.Intn(11), 15*r.Intn(4)), c(pb.Name, pb.Date)
	}},
	{"s-claim-processed", sub, true, func(r *rand.Rand) (string, []string) {
		return sf("Your claim %s has been processed", claimNo(r)), c(pb.Account)
	}},
	{"s-pa-approved", sub, true, func(r *rand.Rand) (string, []string) {
		return sf("Prior authorization approved - member ID %s", memberID(r)), c(pb.HealthPlan)
	}},
	{"s-lab-results", sub, true, func(r *rand.Rand) (string, []string) {
		p := newPerson(r)
		return sf("STAT result: %s DOB %s", p.spaced(r), dob(r).text(r)), c(pb.Name, pb.Date)
	}},
	{"s-roi-request", sub, true, func(r *rand.Rand) (string, []string) {
		return sf("ROI request from %s", email(r)), c(pb.Email)
	}},
	{"s-refill-call", sub, true, func(r *rand.Rand) (string, []string) {
		return sf("Refill due - please call back at %s", phone(r)), c(pb.Phone)
	}},
	{"s-statement-acct", sub, true, func(r *rand.Rand) (string, []string) {
		return sf("Statement available for account %s", patAcct(r)), c(pb.Account)
	}},
	{"s-fax-cover", sub, true, func(r *rand.Rand) (string, []string) {
		return sf("Fax to patient at %s: records for MRN %s", phone(r), mrn(r)), c(pb.Fax, pb.MRN)
	}},
	{"s-birthday-age", sub, true, func(r *rand.Rand) (string, []string) {
		a := 90 + r.Intn(15)
		suf := "th"
		switch a % 10 {
		case 1:
			suf = "st"
		case 2:
			suf = "nd"
		case 3:
			suf = "rd"
		}
		return sf("Happy %d%s birthday, %s!", a, suf, newPerson(r).given), c(pb.Name, pb.Age)
	}},
	{"s-wc-adjuster", sub, true, func(r *rand.Rand) (string, []string) {
		return sf("WC claim %s - claimant %s - DOI %s", claimNo(r), newPerson(r).spaced(r), svc(r).text(r)), c(pb.Name, pb.Date, pb.Account)
	}},
	{"s-new-address", sub, true, func(r *rand.Rand) (string, []string) {
		return sf("Address change: %s, %s %s %s", street(r), pick(r, cities), pick(r, states), zip(r)), c(pb.Address, pb.ZIP)
	}},
	{"s-login-new-ip", sub, true, func(r *rand.Rand) (string, []string) {
		return sf("New sign-in to your member account from %s", publicIP(r)), c(pb.IP)
	}},
	{"s-device-recall", sub, true, func(r *rand.Rand) (string, []string) {
		return sf("Recall notice for your pump, serial %s", serial(r)), c(pb.Device)
	}},
	{"s-deceased", sub, true, func(r *rand.Rand) (string, []string) {
		return sf("Deceased member notification - %s (DOD %s)", memberID(r), svc(r).text(r)), c(pb.HealthPlan, pb.Date)
	}},
	{"s-intl-name", sub, true, func(r *rand.Rand) (string, []string) {
		nl := intlNames[pick(r, intlLocs)]
		return sf("Interpreter needed: %s %s", pick(r, nl.given), pick(r, nl.surname)), c(pb.Name)
	}},

	// ---------- device topics ----------
	{"dt-bp-serial", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("rpm/bp-cuff/%s/readings", serial(r)), c(pb.Device)
	}},
	{"dt-patient-glucose", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("rpm/patients/%s/glucose", mrn(r)), c(pb.MRN)
	}},
	{"dt-cgm-imei", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("cgm/gateways/%s/egv", imei(r)), c(pb.Device)
	}},
	{"dt-ble-mac", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("ble/pulse-ox/%s/spo2", mac(r, ":")), c(pb.Device)
	}},
	{"dt-ambulance-vin", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("nemt/vehicles/%s/gps", vin(r)), c(pb.Vehicle)
	}},
	{"dt-wheelchair-van-plate", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("paratransit/%s/%s/pickup", pick(r, states), plate(r)), c(pb.Vehicle)
	}},
	{"dt-home-member", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("hospital-at-home/members/%s/vitals", memberID(r)), c(pb.HealthPlan)
	}},
	{"dt-name-topic", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("telemetry/unit-4w/bed-12/%s/ecg", newPerson(r).render(r)), c(pb.Name)
	}},
	{"dt-age-topic", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("fall-detect/residents/%s/%s/alerts", age90(r), mrn(r)), c(pb.Age, pb.MRN)
	}},
	{"dt-client-ip", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("telehealth/sessions/%s/qos", publicIP(r)), c(pb.IP)
	}},
	{"dt-url", dt, true, func(r *rand.Rand) (string, []string) {
		p := usPerson(r)
		return sf("caregiver-feed/https://www.caringbridge.org/visit/%s%s", strings.ToLower(p.given), strings.ToLower(p.surname)), c(pb.URL)
	}},
	{"dt-biometric-voice", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("ivr/voice-biometrics/voiceprint-%s/verify", digits(r, 12)), c(pb.Other)
	}},
	{"dt-fax-device", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("roi/fax-back/requester/%s/status", phoneKey(r)), c(pb.Fax)
	}},
	{"dt-zip", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("home-monitoring/%s/%s/events", zip(r), serial(r)), c(pb.ZIP, pb.Device)
	}},
	{"dt-email", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("notify/caregivers/%s/push", email(r)), c(pb.Email)
	}},
}
