package rdsconn

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"
	"time"
)

const (
	bundleSHA256 = "e5bb2084ccf45087bda1c9bffdea0eb15ee67f0b91646106e466714f9de3c7e3"
	bundleSize   = 165408
	bundleCount  = 108
)

func TestBundlePinned(t *testing.T) {
	sum := sha256.Sum256(bundlePEM)
	if got := hex.EncodeToString(sum[:]); got != bundleSHA256 {
		t.Fatalf("embedded bundle SHA-256 = %s, want %s (update rdsca/PROVENANCE.md when refreshing)", got, bundleSHA256)
	}
	if len(bundlePEM) != bundleSize {
		t.Fatalf("embedded bundle is %d bytes, want %d", len(bundlePEM), bundleSize)
	}
	onDisk, err := os.ReadFile("rdsca/global-bundle.pem")
	if err != nil {
		t.Fatal(err)
	}
	if string(onDisk) != string(bundlePEM) {
		t.Fatal("rdsca/global-bundle.pem differs from the embedded bytes")
	}
}

func TestBundleCertificates(t *testing.T) {
	infos, err := BundleInfo()
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != bundleCount {
		t.Fatalf("bundle holds %d certificates, want %d", len(infos), bundleCount)
	}
	seen := map[string]bool{}
	for i, c := range infos {
		if c.Subject == "" {
			t.Errorf("certificate %d has an empty subject", i+1)
		}
		if seen[c.Subject] {
			t.Errorf("certificate %d: duplicate subject %s", i+1, c.Subject)
		}
		seen[c.Subject] = true
		if !c.IsCA {
			t.Errorf("certificate %d (%s) is not a CA", i+1, c.Subject)
		}
		if !c.SelfSigned {
			t.Errorf("certificate %d (%s) is not self-signed", i+1, c.Subject)
		}
		if c.NotAfter.IsZero() || !c.NotAfter.After(c.NotBefore) {
			t.Errorf("certificate %d (%s) has no usable validity period: %v to %v", i+1, c.Subject, c.NotBefore, c.NotAfter)
		}
	}
	pool, err := RDSRootCAs()
	if err != nil {
		t.Fatal(err)
	}
	if pool.Equal(nil) {
		t.Fatal("RDSRootCAs returned an empty pool")
	}
	again, err := RDSRootCAs()
	if err != nil {
		t.Fatal(err)
	}
	if pool == again || !pool.Equal(again) {
		t.Fatal("RDSRootCAs should return equal, distinct pools")
	}
}

// TestBundleNotNearExpiry fails one year before the first root in the
// embedded bundle expires, so the bundle is refreshed in time.
func TestBundleNotNearExpiry(t *testing.T) {
	earliest, err := BundleExpiry()
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2061, 5, 18, 0, 0, 0, 0, time.UTC); earliest.Year() != want.Year() || earliest.YearDay() != want.YearDay() {
		t.Errorf("earliest expiry %v, PROVENANCE.md says 2061-05-18: update it", earliest)
	}
	if err := checkExpiry(earliest, time.Now()); err != nil {
		t.Fatal(err)
	}
	// The check itself: it fires inside the last year and not before.
	if checkExpiry(earliest, earliest.AddDate(-1, 0, 1)) == nil {
		t.Error("checkExpiry accepts a root that expires within a year")
	}
	if checkExpiry(earliest, earliest.AddDate(-1, 0, -1)) != nil {
		t.Error("checkExpiry refuses a root that expires in more than a year")
	}
}
