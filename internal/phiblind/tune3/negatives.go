package tune3

import (
	"math/rand"
	"strings"

	pb "github.com/phisafe/phisafe/internal/phiblind"
)

func title(slug string) string {
	w := strings.Split(slug, "-")
	for i, x := range w {
		if x != "" && x != "and" {
			w[i] = strings.ToUpper(x[:1]) + x[1:]
		}
	}
	return strings.Join(w, " ")
}

func n0(s string) (string, []string) { return s, nil }

func lowerOrg(r *rand.Rand) string { return pick(r, orgsNamedAfterPeople) }

var morePos = []tmpl{
	{"p-chart-url", s3, true, func(r *rand.Rand) (string, []string) {
		m := mrn(r)
		return sf("him/link-audit/https%%3A%%2F%%2Fmychart.%s.org%%2Fpatient%%2F%s/clicks.json", pick(r, []string{"northwell", "atrium", "valleyhealth", "stlukes"}), m), c(pb.MRN, pb.URL)
	}},
	{"e-personal-url", ec, true, func(r *rand.Rand) (string, []string) {
		p := usPerson(r)
		return sf("https://%s.%s.me/", strings.ToLower(p.given), strings.ToLower(p.surname)), c(pb.URL)
	}},
	{"s-url", sub, true, func(r *rand.Rand) (string, []string) {
		p := usPerson(r)
		return sf("SIU referral: review https://www.instagram.com/%s_%s%d", strings.ToLower(p.given), strings.ToLower(p.surname), r.Intn(100)), c(pb.URL)
	}},
	{"a-ip", an, true, func(r *rand.Rand) (string, []string) {
		return sf("lastLoginIp_%s", strings.ReplaceAll(publicIP(r), ".", "_")), c(pb.IP)
	}},
	{"e-ip", ec, true, func(r *rand.Rand) (string, []string) {
		return "session-ip:" + publicIP(r), c(pb.IP)
	}},
	{"p-ROI-age", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("him/centenarian-review/%s/%s.pdf", age90(r), encounter(r)), c(pb.Age, pb.MRN)
	}},
	{"d-age", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("COHORT#HOSPICE#%s#MEMBER#%s", strings.ToUpper(age90(r)), memberID(r)), c(pb.Age, pb.HealthPlan)
	}},
	{"p-member-dl-cert", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("payer-ops/identity-proofing/%s/license-%s.jpg", memberID(r), dl(r)), c(pb.HealthPlan, pb.License)
	}},
	{"m-passport", md, true, func(r *rand.Rand) (string, []string) {
		return sf("x-amz-meta-passport-no: %s", passport(r)), c(pb.License)
	}},
	{"t-email", tn, true, func(r *rand.Rand) (string, []string) {
		return sf("portal-invites-%s", strings.Replace(email(r), "@", "-at-", 1)), c(pb.Email)
	}},
}

var morePos2 = []tmpl{
	{"p-1095b-ssn", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("member-tax-forms/1095-B/%d/%s.pdf", 2021+r.Intn(4), strings.ReplaceAll(ssn(r), " ", "-")), c(pb.SSN)
	}},
	{"d-intl-id", dk, true, func(r *rand.Rand) (string, []string) {
		l, v := foreignNationalID(r)
		return sf("NATIONAL_ID#%s#%s", strings.ToUpper(l), v), c(pb.SSN)
	}},
	{"p-dme-delivery-address", s3, true, func(r *rand.Rand) (string, []string) {
		return sf("dme/deliveries/%s-%s-%s/%s.pdf", streetKey(r), strings.ToLower(strings.ReplaceAll(pick(r, cities), " ", "-")), strings.ToLower(pick(r, states)), patAcct(r)), c(pb.Address, pb.Account)
	}},
	{"dt-home-geo", dt, true, func(r *rand.Rand) (string, []string) {
		return sf("hospice/visits/geo/%s/checkin", coords(r)), c(pb.Address)
	}},
	{"d-address", dk, true, func(r *rand.Rand) (string, []string) {
		return sf("MAILTO#%s#%s", strings.ToUpper(street(r)), strings.ToUpper(pick(r, cities))), c(pb.Address)
	}},
}

var neg = []tmpl{
	// ---------- X12 control numbers, batches, trading partners ----------
	{"n-837-isa-gs-st", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("rcm/837i/outbound/%s/ISA%s_GS%d_ST%04d.x12", tpID(r), ctrl9(r), 1+r.Intn(99999), 1+r.Intn(9999)))
	}},
	{"n-999-ack", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("rcm/999/inbound/%s/%s_%s.999", payerID(r), sysDate(r), ctrl9(r)))
	}},
	{"n-277ca-batch", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("rcm/277ca/%s/%s_batch%04d.277", tpID(r), sysDate(r), r.Intn(10000)))
	}},
	{"n-835-era-check", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("rcm/835/%s/%s/eft-trace-%s.835", payerID(r), sysDateDash(r), nzdigits(r, 10)))
	}},
	{"n-270-outbound-batch", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("eligibility/270/outbound/%s_%02d%02d_batch%d.x12", sysDate(r), r.Intn(24), r.Intn(60), r.Intn(999)))
	}},
	{"n-834-full-file", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("enrollment/834/inbound/%s/%s_FULL_%s.edi", pick(r, []string{"group-00417", "ACME-MFG", "state-ee", "grp7781"}), sysDate(r), ctrl9(r)))
	}},
	{"n-companion-guide", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("payers/%s/companion-guide-5010-v%d.%d.pdf", payerID(r), 1+r.Intn(9), r.Intn(10)))
	}},
	{"n-ncpdp-batch", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("pbm/ncpdp-batch/bin%06d/pcn-%s/%s.dat", r.Intn(999999), pick(r, []string{"ADV", "MEDDPRIME", "CN", "RXCLAIM"}), sysDate(r)))
	}},
	// ---------- HL7 routing ----------
	{"n-mirth-msh10", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("mirth/channels/%s/errored/MSH10_%s.hl7", pick(r, []string{"ADT_IN", "LAB_ORU_IN", "RAD_ORM_OUT", "PHARM_RDE"}), hl7ctl(r)))
	}},
	{"n-bridges-msgtype", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("epic-bridges/outbound/%s/%s/%s.hl7", pick(r, facilities), msgTypeKey(r), sysTS(r)))
	}},
	{"n-rhapsody-config", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("rhapsody/config/communication-points/%s_%s.rlc", strings.ToLower(pick(r, facilities)), msgTypeKey(r)))
	}},
	{"n-hl7-spec", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("integration/specs/%s-interface-spec-v2.%d.docx", msgTypeKey(r), 3+r.Intn(6)))
	}},
	{"n-batch-header", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("hl7/batches/BHS_%s_%s_%s.hl7", pick(r, facilities), sysDate(r), digits(r, 5)))
	}},
	// ---------- provider, org identifiers ----------
	{"n-provider-npi", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("credentialing/providers/npi-%s/caqh-attestation.pdf", npi(r)))
	}},
	{"n-vendor-ein", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("accounts-payable/vendors/ein-%s/w9.pdf", ein(r)))
	}},
	{"n-facility-code", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("cdm/facilities/%s/chargemaster-%d.xlsx", pick(r, facilities), 2022+r.Intn(4)))
	}},
	{"n-org-contract", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("managed-care/contracts/%s/amendment-%d.pdf", lowerOrg(r), 1+r.Intn(12)))
	}},
	{"n-payer-phone", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("ivr/prompts/payer-provider-line-1-800-%03d-%04d.wav", 200+r.Intn(700), r.Intn(10000)))
	}},
	{"n-clearinghouse-sftp", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("sftp/%s/outbox/%s/", strings.ToLower(tpID(r)), sysDateDash(r)))
	}},
	// ---------- clinical codes ----------
	{"n-ndc", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("formulary/%d/ndc/%s.json", 2023+r.Intn(3), ndc(r)))
	}},
	{"n-loinc", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("lab/compendium/loinc-%s/reference-ranges.csv", loinc(r)))
	}},
	{"n-cpt", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("cdm/cpt/%s/fee-schedule-%d.csv", cpt(r), 2023+r.Intn(3)))
	}},
	{"n-icd", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("denials/analytics/icd10=%s/counts.parquet", icd(r)))
	}},
	{"n-eponym-disease", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("care-management/programs/%s/education-packet.pdf", pick(r, eponyms)))
	}},
	// ---------- DICOM ----------
	{"n-dicom-uids", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("pacs/cache/%s/%s/%s.dcm", dicomUID(r), dicomUID(r), dicomUID(r)))
	}},
	{"n-modality-worklist-config", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("radiology/mwl/config/%s-AE_%s.json", pick(r, []string{"MR", "CT", "US", "MG", "XA"}), strings.ToUpper(pick(r, []string{"ge_mr750", "siemens_vida", "hologic_3dim", "philips_epiq"}))))
	}},
	{"n-dicom-conformance", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("pacs/docs/dicom-conformance-statement-%s.pdf", pick(r, []string{"visage-7", "sectra-ids7", "ge-centricity", "fuji-synapse"})))
	}},
	// ---------- system dates, report periods, aggregates ----------
	{"n-mirth-log", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("logs/mirth/%s/mirth-%s.log.gz", pick(r, []string{"prod", "tst"}), sysTS(r)))
	}},
	{"n-hedis-rates", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("hedis/MY%d/%s/rates-final.csv", 2021+r.Intn(5), pick(r, measures)))
	}},
	{"n-ecqm-aggregate", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("ecqm/qrda-iii/%s/%dQ%d/aggregate.xml", pick(r, measures), 2022+r.Intn(4), 1+r.Intn(4)))
	}},
	{"n-pophealth-agg", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("pophealth/aggregates/zip3=%s/age-band=%s/member-count.csv", unrestrictedZip3(r), pick(r, []string{"0-17", "18-44", "45-64", "65-74", "75-84", "85-89", "90+"})))
	}},
	{"n-dl-partition", s3, false, func(r *rand.Rand) (string, []string) {
		t := svc(r)
		return n0(sf("datalake/claims/year=%d/month=%02d/day=%02d/part-%05d.snappy.parquet", t.y, t.m, t.d, r.Intn(200)))
	}},
	{"n-immunization-stats", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("immunization-registry/reports/%s/coverage-%d-wk%02d.csv", pick(r, states), 2022+r.Intn(4), 1+r.Intn(52)))
	}},
	{"n-syndromic-county", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("syndromic/essence/aggregates/%s/ili-weekly-%d.csv", pick(r, states), 2022+r.Intn(4)))
	}},
	{"n-age-band", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("actuarial/risk-adjustment/age-%d/hcc-weights.csv", 18+r.Intn(72)))
	}},
	{"n-birth-year", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("pophealth/cohorts/birth-year=%d/summary.json", 1930+r.Intn(90)))
	}},
	// ---------- templates, forms, schema ----------
	{"n-form-templates", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("him/forms/%s-template-v%d.docx", pick(r, []string{"roi-authorization", "subpoena-response", "amendment-request", "discharge-summary", "guarantor-agreement", "abn", "nopp"}), 1+r.Intn(9)))
	}},
	{"n-schema-docs", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("docs/data-dictionary/%s.md", pick(r, []string{"mrn-format", "member-id-format", "ssn-masking-rules", "dob-normalization", "guarantor-schema", "accession-number-spec", "mbi-validation"})))
	}},
	{"n-idcard-template", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("idcards/templates/%s/front-%s.pdf", pick(r, []string{"ppo", "hmo", "medicare-advantage", "dental", "vision"}), pick(r, []string{"en", "es", "zh", "vi"})))
	}},
	{"n-roi-report", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("roi/reports/turnaround-%d-%02d.xlsx", 2022+r.Intn(4), 1+r.Intn(12)))
	}},
	{"n-sysurl", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("integration/links/https%%3A%%2F%%2Fwww.hl7.org%%2Ffhir%%2Fus%%2Fcore%%2FSTU%d/spec.html", 3+r.Intn(4)))
	}},
	{"n-infra-ip", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("network/vpn/payer-tunnels/10.%d.%d.0_24/%s.conf", r.Intn(256), r.Intn(256), strings.ToLower(tpID(r))))
	}},
	{"n-uuid-job", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("jobs/roster-load/%s/result.json", uuid(r)))
	}},
	{"n-assets", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("member-portal/static/img/%s@%dx.png", pick(r, []string{"logo", "idcard-back", "hero", "pharmacy-icon"}), 2+r.Intn(2)))
	}},
	{"n-device-firmware", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("biomed/firmware/%s/v%d.%d.%d/image.bin", pick(r, []string{"alaris-8015", "sigma-spectrum", "philips-mx450", "zoll-x-series"}), 1+r.Intn(9), r.Intn(20), r.Intn(50)))
	}},
	{"n-udi-di", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("supply-chain/gudid/(01)%s/product.json", gtin(r)))
	}},
	{"n-tls-fingerprint", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("pki/partner-certs/%s/sha256-%s.pem", strings.ToLower(tpID(r)), hexs(r, 40)))
	}},
	{"n-eponym-places", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("facilities/%s/floorplans/level-%d.pdf", pick(r, []string{"martin-luther-king-jr-pavilion", "jackson-tower", "lincoln-wing", "ford-pavilion", "washington-building", "kennedy-center-for-rehab"}), 1+r.Intn(9)))
	}},
	{"n-dental-codes", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("dental/fee-schedules/%s/cdt-%s.csv", pick(r, states), pick(r, []string{"D0120", "D0274", "D1110", "D2391", "D2740"})))
	}},
	{"n-wc-fee-schedule", s3, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("workers-comp/fee-schedules/%s/%d/%s.csv", pick(r, states), 2022+r.Intn(4), cpt(r)))
	}},
	// ---------- metadata ----------
	{"nm-isa13", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-%s: %s", pick(r, []string{"isa13", "gs06", "st02", "interchange-control-number"}), ctrl9(r)))
	}},
	{"nm-msh10", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-msh10: %s", hl7ctl(r)))
	}},
	{"nm-msgtype", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-message-type: %s", msgType(r)))
	}},
	{"nm-payer-id", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-payer-id: %s", payerID(r)))
	}},
	{"nm-billing-npi", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-%s: %s", pick(r, []string{"billing-npi", "rendering-npi", "attending-npi"}), npi(r)))
	}},
	{"nm-tax-id", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-billing-tin: %s", ein(r)))
	}},
	{"nm-report-period", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-report-period: %dQ%d", 2022+r.Intn(4), 1+r.Intn(4)))
	}},
	{"nm-loinc", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-loinc: %s", loinc(r)))
	}},
	{"nm-processed-at", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-processed-at: %s", sysTS(r)))
	}},
	{"nm-study-uid", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-study-instance-uid: %s", dicomUID(r)))
	}},
	{"nm-facility", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-facility: %s", pick(r, facilities)))
	}},
	{"nm-org-name", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-trading-partner: %s", strings.ReplaceAll(lowerOrg(r), "-", " ")))
	}},
	{"nm-age-le89", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-age: %d", 18+r.Intn(72)))
	}},
	{"nm-zip3", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-zip3: %s", unrestrictedZip3(r)))
	}},
	{"nm-state", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-member-state: %s", pick(r, states)))
	}},
	{"nm-record-count", md, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("x-amz-meta-%s: %d", pick(r, []string{"claim-count", "member-count", "segment-count", "total-charges-cents"}), r.Intn(9999999)))
	}},
	// ---------- buckets ----------
	{"nb-edi", bk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("%s-edi-%s-%s-%s", pick(r, []string{"acme-health", "northstar-hp", "bluelake", "tri-county-med"}), pick(r, []string{"837", "835", "834", "270-271", "277ca"}), pick(r, []string{"prod", "uat", "dev"}), pick(r, []string{"us-east-1", "us-west-2", "us-east-2"})))
	}},
	{"nb-org", bk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("%s-%s-archive", lowerOrg(r), pick(r, []string{"pacs", "mirth", "him", "roi", "rcm"})))
	}},
	{"nb-hedis", bk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("hedis-my%d-supplemental-%s", 2021+r.Intn(5), pick(r, []string{"lab", "ehr", "chart-review"})))
	}},
	{"nb-account-id", bk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("cloudtrail-%s-%s", nzdigits(r, 12), pick(r, []string{"us-east-1", "us-west-2"})))
	}},
	{"nb-public-health", bk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("%s-doh-eicr-ingest-%s", strings.ToLower(pick(r, states)), pick(r, []string{"prod", "stage"})))
	}},
	// ---------- dynamodb keys ----------
	{"nd-payer-tp", dk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("PAYER#%s#TP#%s", payerID(r), tpID(r)))
	}},
	{"nd-batch", dk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("BATCH#%s#%s", sysDate(r), digits(r, 6)))
	}},
	{"nd-isa", dk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("ISA#%s#GS#%d", ctrl9(r), 1+r.Intn(9999)))
	}},
	{"nd-npi-taxonomy", dk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("NPI#%s#TAXONOMY#%s", npi(r), pick(r, []string{"207Q00000X", "208D00000X", "207RC0000X", "363L00000X"})))
	}},
	{"nd-measure", dk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("MEASURE#%s#MY%d", pick(r, measures), 2021+r.Intn(5)))
	}},
	{"nd-channel", dk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("CHANNEL#%s#MSGTYPE#%s", pick(r, []string{"ADT_IN", "LAB_ORU_IN", "RAD_ORM_OUT"}), msgType(r)))
	}},
	{"nd-ndc", dk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("DRUG#%s#TIER#%d", ndc(r), 1+r.Intn(5)))
	}},
	{"nd-study-uid", dk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("STUDY#%s", dicomUID(r)))
	}},
	{"nd-facility-config", dk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("TENANT#%s#CONFIG#%s", pick(r, facilities), pick(r, []string{"ROUTING", "RETENTION", "FEATURE_FLAGS", "FAX_GATEWAY"})))
	}},
	{"nd-job", dk, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("JOB#%s#%s", uuid(r), sysTS(r)))
	}},
	// ---------- attribute names ----------
	{"na-schema", an, false, func(r *rand.Rand) (string, []string) {
		return n0(pick(r, []string{"patientDob", "subscriber_id", "guarantorSsn", "memberId", "mrn", "dateOfService", "admitDate", "patient_last_name", "homePhone", "faxNumber", "emailAddress", "zip4", "medicaidId", "mbi", "accessionNumber", "studyInstanceUid", "vin", "deviceSerial", "clientIp", "driverLicenseNo", "cardholderId", "employeeId", "dateOfDeath", "ageAtEncounter"}) + pick(r, []string{"", "", "_enc", "Hash", "_masked", "_last4", "Verified"}))
	}},
	{"na-x12", an, false, func(r *rand.Rand) (string, []string) {
		return n0(pick(r, []string{"isa13", "gs06", "st02", "clp01", "clp07", "bpr16", "trn02", "nm109Qualifier", "claimFrequencyCode", "placeOfService", "hl7MessageType", "msh10ControlId", "ncpdpBin", "payerId", "billingNpi", "taxonomyCode"}) + pick(r, []string{"", "", "_raw", "Normalized"}))
	}},
	{"na-metric", an, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("%s_%s", pick(r, []string{"denial_rate", "clean_claim_rate", "days_in_ar", "first_pass_yield", "gap_closure"}), pick(r, []string{"30d", "mtd", "ytd", "my2024", "q3"})))
	}},
	{"na-code-map", an, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("codes.%s", pick(r, []string{loinc(r), cpt(r), icd(r)})))
	}},
	{"na-eponym", an, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("%sScore", pick(r, []string{"braden", "morse", "apgar", "glasgow", "wells", "charlson", "elixhauser", "lace"})))
	}},
	// ---------- table names ----------
	{"nt-rcm", tn, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("%s-%s-%s", pick(r, []string{"rcm", "payer-ops", "pbm", "him", "roi", "pacs"}), pick(r, []string{"claims", "remits", "eligibility-cache", "prior-auth", "worklist", "requests", "dedupe", "accessions"}), pick(r, []string{"prod", "dev", "uat", "v2"})))
	}},
	{"nt-hl7-dedupe", tn, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("hl7_%s_dedupe_%s", strings.ToLower(msgTypeKey(r)), pick(r, []string{"prod", "test"})))
	}},
	{"nt-org", tn, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("%s-network-directory", lowerOrg(r)))
	}},
	{"nt-measure", tn, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("hedis_%s_my%d", strings.ToLower(strings.ReplaceAll(pick(r, measures), "-", "_")), 2021+r.Intn(5)))
	}},
	// ---------- encryption context ----------
	{"ne-arn", ec, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("arn:aws:s3:::%s-edi-prod/%s", pick(r, []string{"acme-health", "northstar-hp"}), pick(r, []string{"837", "835", "834"})))
	}},
	{"ne-tenant", ec, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("tenant:%s", strings.ToLower(pick(r, facilities))))
	}},
	{"ne-payer", ec, false, func(r *rand.Rand) (string, []string) { return n0("payer:" + payerID(r)) }},
	{"ne-batch", ec, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("batch-%s-%s", sysDate(r), digits(r, 4)))
	}},
	{"ne-purpose", ec, false, func(r *rand.Rand) (string, []string) {
		return n0(pick(r, []string{"edi-837-prod", "pacs-archive", "roi-delivery", "hie-xds-repository", "rx-claims", "hedis-supplemental", "ecr-reporting", "him-scanning"}))
	}},
	{"ne-npi", ec, false, func(r *rand.Rand) (string, []string) { return n0("provider-npi:" + npi(r)) }},
	{"ne-study", ec, false, func(r *rand.Rand) (string, []string) { return n0(dicomUID(r)) }},
	// ---------- subjects ----------
	{"ns-generic", sub, false, func(r *rand.Rand) (string, []string) {
		return n0(pick(r, []string{"Your monthly statement is ready", "You have a new message in your member portal", "Reminder: complete your annual health assessment", "Your ID card is on the way", "Important information about your pharmacy benefits", "Your prior authorization request was received", "New test results are available in MyChart", "Action required: verify your email address", "Open enrollment starts November 1"}))
	}},
	{"ns-edi-ops", sub, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("[%s] 835 batch %s loaded: %d remits, %d exceptions", pick(r, []string{"PROD", "UAT"}), ctrl9(r), r.Intn(5000), r.Intn(40)))
	}},
	{"ns-mirth-alert", sub, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("Mirth alert: channel %s errored (MSH-10 %s)", pick(r, []string{"ADT_IN", "LAB_ORU_IN", "RAD_ORM_OUT"}), hl7ctl(r)))
	}},
	{"ns-hedis", sub, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("Weekly HEDIS chart chase summary - MY%d - %s", 2022+r.Intn(4), pick(r, measures)))
	}},
	{"ns-999-reject", sub, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("999 rejected: ISA13 %s from %s", ctrl9(r), tpID(r)))
	}},
	{"ns-org", sub, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("Contract renewal with %s - draft %d", title(lowerOrg(r)), 1+r.Intn(5)))
	}},
	{"ns-maintenance", sub, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("Scheduled maintenance: Epic downtime %s 01:00-05:00 ET", sysDateDash(r)))
	}},
	{"ns-npi", sub, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("Credentialing complete for NPI %s", npi(r)))
	}},
	// ---------- device topics ----------
	{"ndt-model", dt, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("devices/models/%s/firmware/%d.%d.%d", pick(r, []string{"omron-bp7450", "dexcom-g7", "resmed-airsense11", "masimo-rad97"}), 1+r.Intn(9), r.Intn(10), r.Intn(30)))
	}},
	{"ndt-pyxis", dt, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("pharmacy/pyxis/%s/station-%s/status", pick(r, facilities), strings.ToLower(letters(r, 2))+digits(r, 2)))
	}},
	{"ndt-analyzer", dt, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("lab/analyzers/%s/qc/loinc-%s", pick(r, []string{"cobas-8000", "architect-ci16200", "atellica", "sysmex-xn"}), loinc(r)))
	}},
	{"ndt-ward", dt, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("telemetry/%s/unit-%d%s/central-station/heartbeat", strings.ToLower(pick(r, facilities)), 2+r.Intn(8), pick(r, []string{"n", "s", "e", "w"})))
	}},
	{"ndt-fleet", dt, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("nemt/fleet/depot-%02d/dispatch", 1+r.Intn(40)))
	}},
	{"ndt-hl7-feed", dt, false, func(r *rand.Rand) (string, []string) {
		return n0(sf("interfaces/%s/%s/throughput", strings.ToLower(pick(r, facilities)), strings.ToLower(msgTypeKey(r))))
	}},
}
