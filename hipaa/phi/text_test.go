package phi

import (
	"testing"
)

func TestScanTextCategories(t *testing.T) {
	d := Default()
	cases := []struct {
		text string
		want Category
		span string
	}{
		{"Please call Mr. Kowalczyk tomorrow", CategoryName, "Kowalczyk"},
		{"My name is andrea", CategoryName, "andrea"},
		{"Follow up with Douglas Azevedo in a couple of months.", CategoryName, "Douglas Azevedo"},
		{"Send it to 615 Benedum Drive please", CategoryAddress, "615 Benedum Drive"},
		{"She was born on 4/5/1992. Her maiden name is Smith", CategoryDate, "4/5/1992"},
		{"He just turned 93 years old", CategoryAge, "93"},
		{"Call me at (602)272-9781", CategoryPhone, "(602)272-9781"},
		{"You said your email is JamiePratt@jourrapide.com. Is that correct?", CategoryEmail, "JamiePratt@jourrapide.com"},
		{"Here's my SSN: 460-89-9847", CategorySSN, "460-89-9847"},
		{"client_ip = 19.253.176.22", CategoryIP, "19.253.176.22"},
		{"Please block card no 4708815263146456", CategoryAccount, "4708815263146456"},
		{"We live in Los Angeles, CA 90010", CategoryZIP, "90010"},
		{"ZIP: 53650", CategoryZIP, "53650"},
	}
	for _, c := range cases {
		found := false
		for _, f := range d.ScanText(c.text) {
			if f.Category == c.want && f.Confidence >= DefaultMinConfidence && c.text[f.Start:f.End] == c.span {
				found = true
			}
		}
		if !found {
			t.Errorf("ScanText(case %q): no %s finding on %q: %+v", c.text, c.want, c.span, d.ScanText(c.text))
		}
	}
}

func TestScanTextClean(t *testing.T) {
	d := Default()
	for _, s := range []string{
		"",
		"What are my options?",
		"How can I request a new credit card pin ?",
		"Capitalized words like Wisdom and Discipline are often mistaken with names.",
		"The quarterly report for 2024 is attached.",
	} {
		for _, f := range d.ScanText(s) {
			if f.Confidence >= DefaultMinConfidence {
				t.Errorf("ScanText(%q): unexpected %+v", s, f)
			}
		}
	}
	var nilDet *Detector
	if got := nilDet.ScanText("Mr. Kowalczyk"); len(got) == 0 {
		t.Error("nil Detector: want Default's findings")
	}
}

// TestScanTextSafeHarborHints: what Safe Harbor keeps is a hint only.
func TestScanTextSafeHarborHints(t *testing.T) {
	d := Default()
	for _, s := range []string{"I just turned 35 years old", "It has been like that since 1977", "I'm travelling to Norway"} {
		fs := d.ScanText(s)
		if len(fs) == 0 {
			t.Errorf("ScanText(%q): want a hint", s)
		}
		for _, f := range fs {
			if f.Confidence >= DefaultMinConfidence {
				t.Errorf("ScanText(%q): %+v is above the threshold", s, f)
			}
		}
	}
}

func FuzzScanText(f *testing.F) {
	f.Add("Mr. John Smith, 615 Benedum Drive\nSCHEIBBS, NO 14908 born 4/5/1992")
	f.Add("Μεγάλη Άμμος 198 Apt. 822 ΠΑΦΟΣ PA")
	f.Fuzz(func(t *testing.T, s string) {
		prev := -1
		for _, x := range Default().ScanText(s) {
			if x.Start < 0 || x.End > len(s) || x.Start >= x.End || x.Confidence <= 0 || x.Confidence >= 1 {
				t.Fatalf("bad finding %+v", x)
			}
			if x.Start < prev {
				t.Fatalf("findings out of order")
			}
			prev = x.Start
		}
	})
}
