package phi

import "testing"

// bench64 are realistic names padded or cut to exactly 64 bytes: about a
// third with PHI, the rest clean keys.
var bench64 = func() []string {
	src := []string{
		"uploads/2024/06/01/batch-7/part-00001-of-00016.snappy.parquet",
		"records/john_smith_dob_1980-01-02_intake_consent_signed_v2.pdf",
		"logs/2024-06-01/app-server-7d9f8b6c4-x2x9k/stdout-0001.log.gz",
		"blobs/sha256/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca",
		"patientSsn219-09-9999/labs/2024/cbc_panel_results_final.json",
		"year=2024/month=06/day=01/hour=12/events-20240601T120000Z.json",
		"artifacts/3f2a9c1e-4b1d-4c2a-9f3e-1a2b3c4d5e6f/build-output.zip",
		"contacts/phone_(555) 234-5678/voicemail/message-0042-transcript",
		"catalog/SKU-4471-B/images/product-photo-front-1024x768-v3.webp",
		"claims/2024/mrn_00123456/eob/explanation-of-benefits-final.pdf",
		"analytics/daily/clean/part-0042.parquet/_SUCCESS/_committed_01",
		"inbox/jane.doe@example.com/msg-000123/attachments/report-q2.pdf",
		"arn:aws:s3:::payments-bucket/data/exports/file-000123-final.csv",
		"radiology/incoming/MarilynHarthun_mri_brain_w_contrast_0001.dcm",
		"releases/app-2.14.0-rc1/linux-amd64/checksums-sha256-signed.txt",
		"us-west-2/etl/snapshot-000981/manifest-2024-06-01-120000-v2.json",
	}
	out := make([]string, len(src))
	for i, s := range src {
		for len(s) < 64 {
			s += "/x"
		}
		out[i] = s[:64]
	}
	return out
}()

// benchMix64 returns bench64 followed by 496 names of exactly 64 bytes
// made from the labeled corpus: every few rows a corpus name (with or
// without PHI, in the corpus's proportion), extended with clean corpus
// names joined by '/' and cut at 64 bytes. 512 distinct names in all, so
// that the benchmark does not replay a few names that caches and branch
// predictors learn.
func benchMix64(b *testing.B) []string {
	rows := loadCorpus(b)
	var clean []string
	for _, r := range rows {
		if len(r.cats) == 0 {
			clean = append(clean, r.name)
		}
	}
	out := append([]string(nil), bench64...)
	for i, c := 0, 0; len(out) < 512; i += 7 {
		s := rows[i%len(rows)].name
		for len(s) < 64 {
			s += "/" + clean[c%len(clean)]
			c += 3
		}
		out = append(out, s[:64])
	}
	return out
}

// BenchmarkScan64 measures AppendScan on 64-byte names (a realistic mix of
// keys with and without PHI, cycling through 512 distinct names), reusing
// the findings slice as a hot path would. Run with
// `go test -run '^$' -bench BenchmarkScan64 -benchmem -cpu 1 ./hipaa/phi`.
func BenchmarkScan64(b *testing.B) {
	d := Default()
	var dst []Finding
	names := benchMix64(b)
	phi := 0
	for _, n := range names {
		if len(n) != 64 {
			b.Fatalf("bench name %q is %d bytes", n, len(n))
		}
		if len(found(d, n)) > 0 {
			phi++
		}
	}
	if phi < len(names)/4 || phi > len(names)*3/4 {
		b.Fatalf("%d of %d bench names have PHI: not a mix", phi, len(names))
	}
	b.SetBytes(64)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dst = d.AppendScan(dst[:0], names[i%len(names)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "names/s")
}

// BenchmarkScanClean measures a clean 64-byte key: no findings, no
// allocation.
func BenchmarkScanClean(b *testing.B) {
	d := Default()
	name := bench64[0]
	b.SetBytes(int64(len(name)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if d.AppendScan(nil, name) != nil {
			b.Fatal("unexpected finding")
		}
	}
}
