package phi

import (
	"slices"
	"sync"
	"testing"
)

// found returns the categories reported at the policy threshold.
func found(d *Detector, name string) []Category {
	var cs []Category
	for _, f := range d.Scan(name) {
		if f.Confidence >= DefaultMinConfidence && !slices.Contains(cs, f.Category) {
			cs = append(cs, f.Category)
		}
	}
	slices.Sort(cs)
	return cs
}

func TestDetectorCategories(t *testing.T) {
	d := Default()
	tests := []struct {
		name string
		want []Category // nil: nothing at the threshold
	}{
		// the brief's examples
		{"patientSsn219-09-9999", []Category{CategorySSN}},
		{"john_smith_dob_1980-01-02.pdf", []Category{CategoryDate, CategoryName}},
		{"2024/06/01/batch-7.parquet", nil},
		{"3f2a9c1e-4b1d-4c2a-9f3e-1a2b3c4d5e6f", nil},
		{"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", nil},
		// names
		{"records/Maria_Gonzalez_intake.pdf", []Category{CategoryName}},
		{"patientJohnSmithVisit", []Category{CategoryName}},
		{"Lab results for Alice Johnson", []Category{CategoryName}},
		{"firstName=Zyxwa", []Category{CategoryName}},
		{"Mr. Thompson discharge summary", []Category{CategoryName}},
		{"grace-period/config.json", nil},
		{"green_hill_farm", nil},
		{"mark_as_read", nil},
		{"bill_payment_report.csv", nil},
		{"Unknown_Baby/test/null", nil},
		// dates
		{"scans/admit_2024-03-05.pdf", []Category{CategoryDate}},
		{"DateOfBirth-19Feb1999.dcm", []Category{CategoryDate}},
		{"Discharge on 03/05/2024 - room 12", []Category{CategoryDate}},
		{"logs/2024-06-01/part-0001", nil},
		{"year=2024/month=06/day=01/part-0000.parquet", nil},
		{"events_20240601T120000Z.json", nil},
		{"app-2024-06-01.log", nil},
		// ages
		{"age91", []Category{CategoryAge}},
		{"age_95", []Category{CategoryAge}},
		{"92yo", []Category{CategoryAge}},
		{"93-year-old", []Category{CategoryAge}},
		{"age_45.csv", nil},
		// phone, fax
		{"contacts/phone_555-234-5678.vcf", []Category{CategoryPhone}},
		{"callback-(555) 234-5678", []Category{CategoryPhone}},
		{"contact_+1-555-234-5678", []Category{CategoryPhone}},
		{"mobile 555.234.5678", []Category{CategoryPhone}},
		{"outbound/fax_5552345678.tif", []Category{CategoryFax}},
		{"metrics/1717243200.ndjson", nil},
		// email, URL, IP
		{"inbox/jane.doe@example.com/msg-1.eml", []Category{CategoryEmail}},
		{"model@v2.1/weights", nil},
		{"ref=https://portal.example.com/patients/123", []Category{CategoryURL}},
		{"links/www.example-clinic.com/p1", nil}, // a clinic's site: a hint, as https://example-clinic.com/p1 is
		{"links/www.example-clinic.com/patients/881", []Category{CategoryURL}},
		{"homepage: www.example.org/~jdoe", []Category{CategoryURL}},
		{"access/10.20.30.40/log.gz", []Category{CategoryIP}},
		{"client-ip 2001:db8::8a2e:370:7334", []Category{CategoryIP}},
		{"releases/v1.2.3.4/app.tar.gz", nil},
		{"arn:aws:iam::123456789012:role/Admin", nil},
		// SSN
		{"tax/219-09-9999_w2.pdf", []Category{CategorySSN}},
		{"ssn219099999", []Category{CategorySSN}},
		{"tax/666-12-3456_w2.pdf", nil},
		// MRN, health plan, account, licence
		{"mrn_00123456/labs.pdf", []Category{CategoryMRN}},
		{"patientId=E86537461", []Category{CategoryMRN}},
		{"memberId=XJH44712", []Category{CategoryHealthPlan}},
		{"claims/1EG4TE5MK73/eob.pdf", []Category{CategoryHealthPlan}},
		{"medicare-1EG4-TE5-MK73.json", []Category{CategoryHealthPlan}},
		{"acct_0012345678", []Category{CategoryAccount}},
		{"payments/4111-1111-1111-1111.json", []Category{CategoryAccount}},
		{"license_A1234567", []Category{CategoryLicense}},
		{"npi-1234567893", nil}, // a provider number: a weak hint, below the threshold
		{"DEA-AB1234563", []Category{CategoryLicense}},
		{"orders/order-12345.json", nil},
		{"catalog/SKU-4471-B.json", nil},
		{"account-settings.json", nil},
		// vehicle, device
		{"vin_1HGCM82633A004352", []Category{CategoryVehicle}},
		{"license_plate-7ABC123.jpg", []Category{CategoryVehicle}},
		{"serial_SN12345678", []Category{CategoryDevice}},
		{"imei_490154203237518", []Category{CategoryDevice}},
		{"telemetry/00:1a:2b:3c:4d:5e/events.log", []Category{CategoryDevice}},
		// ZIP, address
		{"zip_62704", []Category{CategoryZIP}},
		{"mailings/62704-1234.csv", []Category{CategoryZIP}},
		{"Springfield_IL_62704", []Category{CategoryZIP}},
		{"records/123-main-st.pdf", []Category{CategoryAddress}},
		{"45_Elm_Street", []Category{CategoryAddress}},
		{"mail/PO Box 1234", []Category{CategoryAddress}},
		{"port-8080/config", nil},
		// infrastructure
		{"us-east-1/payments-api-7d9f8b6c4-x2x9k", nil},
		{"releases/app-2.14.0-rc1.tar.gz", nil},
	}
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

func TestDetectorOffsets(t *testing.T) {
	d := Default()
	name := "john_smith_dob_1980-01-02.pdf"
	fs := d.Scan(name)
	if len(fs) != 2 {
		t.Fatalf("findings = %+v", fs)
	}
	if got := name[fs[0].Start:fs[0].End]; fs[0].Category != CategoryName || got != "john_smith" {
		t.Errorf("first finding %+v covers %q", fs[0], got)
	}
	if got := name[fs[1].Start:fs[1].End]; fs[1].Category != CategoryDate || got != "1980-01-02" {
		t.Errorf("second finding %+v covers %q", fs[1], got)
	}
	if d.Scan("") != nil || d.Scan("2024/06/01/batch-7.parquet") != nil {
		t.Error("clean names must give nil")
	}
}

func TestDetectorAppendScanNoAlloc(t *testing.T) {
	d := Default()
	dst := make([]Finding, 0, 8)
	for _, name := range []string{"2024/06/01/batch-7.parquet", "patientSsn219-09-9999"} {
		allocs := testing.AllocsPerRun(200, func() { dst = d.AppendScan(dst[:0], name) })
		if allocs >= 1 { // the race detector makes sync.Pool drop items now and then
			t.Errorf("AppendScan(%q) allocates %.2f times per call", name, allocs)
		}
	}
	pre := []Finding{{Category: CategoryIP, Start: 0, End: 1, Confidence: 1}}
	out := d.AppendScan(pre, "ssn_219-09-9999")
	if len(out) != 2 || out[0] != pre[0] || out[1].Category != CategorySSN {
		t.Errorf("AppendScan must keep dst: %+v", out)
	}
}

func TestDetectorOptions(t *testing.T) {
	d := New(WithDenyWords("Zorblax"), WithAllowWords("Gonzalez", "maria"))
	if got := found(d, "reports/zorblax_q3.pdf"); !slices.Equal(got, []Category{CategoryName}) {
		t.Errorf("deny word: %v", got)
	}
	if got := found(d, "records/Maria_Gonzalez_intake.pdf"); got != nil {
		t.Errorf("allow words: %v", got)
	}
	if got := found(Default(), "reports/zorblax_q3.pdf"); got != nil {
		t.Errorf("options leaked into the default detector: %v", got)
	}
}

func TestDetectorLoosenings(t *testing.T) {
	tests := []struct {
		name string
		d    *Detector
		want []string
	}{
		{"default", Default(), nil},
		{"nil", nil, nil},
		{"no options", New(), nil},
		{"deny only", New(WithDenyWords("Zorblax")), nil},
		{"empty allow list", New(WithAllowWords()), nil},
		{"allow", New(WithAllowWords("Gonzalez")), []string{"WithAllowWords"}},
		{"allow and deny", New(WithDenyWords("Zorblax"), WithAllowWords("Gonzalez")), []string{"WithAllowWords"}},
	}
	for _, tt := range tests {
		if got := tt.d.Loosenings(); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Loosenings() = %q, want %q", tt.name, got, tt.want)
		}
	}
	// The result is the caller's: changing it does not change d.
	d := New(WithAllowWords("Gonzalez"))
	d.Loosenings()[0] = "x"
	if got := d.Loosenings(); !slices.Equal(got, []string{"WithAllowWords"}) {
		t.Errorf("Loosenings shares its slice: %q", got)
	}
}

func TestDetectorConcurrent(t *testing.T) {
	d := Default()
	names := []string{"patientSsn219-09-9999", "john_smith_dob_1980-01-02.pdf", "2024/06/01/batch-7.parquet", "inbox/jane.doe@example.com/x"}
	want := make([][]Finding, len(names))
	for i, n := range names {
		want[i] = d.Scan(n)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 200; k++ {
				i := k % len(names)
				if got := d.Scan(names[i]); !slices.Equal(got, want[i]) {
					t.Errorf("Scan(%q) = %+v, want %+v", names[i], got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
