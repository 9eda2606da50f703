package phi

import (
	"strings"
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

// TestScanTextDates: written dates, ordinal days, ranges, weekdays and
// times (synthetic examples).
func TestScanTextDates(t *testing.T) {
	testScanTextSpans(t, CategoryDate, []struct{ text, span string }{
		{"We met on the 3rd of March", "3rd of March"},
		{"Seen Monday, March 3 in clinic", "Monday, March 3"},
		{"Admitted March 3-5, 2020 for observation", "March 3-5, 2020"},
		{"from March 3 to March 5, 2020", "March 5, 2020"},
		{"Follow-up visit next Tuesday", "next Tuesday"},
		{"Surgery is on Friday the 13th", "Friday the 13th"},
		{"Her appointment is on the 21st.", "21st"},
		{"Discharged on 12th December", "12th December"},
		{"Born March the 3rd", "March the 3rd"},
		{"Seen on Mar 3 at 10:30 am", "Mar 3 at 10:30 am"},
		{"Seen on January 5, 2021 at 9am", "January 5, 2021 at 9am"},
		{"Visited 3-5 March 2020", "3-5 March 2020"},
		{"The scan is booked on 12/05 at 14:30", "12/05 at 14:30"},
	})
	d := Default()
	for _, s := range []string{"We live on the 5th floor", "Tell me on Monday", "It happened in the 21st century", "Take 1/2 tablet daily", "Rated 9/10 by users"} {
		for _, f := range d.ScanText(s) {
			if f.Category == CategoryDate && f.Confidence >= DefaultMinConfidence {
				t.Errorf("ScanText(%q): unexpected %+v", s, f)
			}
		}
	}
}

// TestScanTextZIP: US ZIP codes after state codes and names, after a city,
// after a label, ZIP+4 (synthetic examples).
func TestScanTextZIP(t *testing.T) {
	testScanTextSpans(t, CategoryZIP, []struct{ text, span string }{
		{"Springfield, IL 62704-1234", "62704-1234"},
		{"Springfield, Illinois 62704", "62704"},
		{"The office in Albany, New York 12207 is closed", "12207"},
		{"Austin TX 78701", "78701"},
		{"my zip code is 78701", "78701"},
		{"Zip code of 30301-0001", "30301-0001"},
		{"ZIP: 75534-030", "75534-030"},
		{"Mailing to Boston, 02110.", "02110"},
		{"postal code: 10115", "10115"},
	})
	testScanTextSpans(t, CategoryAddress, []struct{ text, span string }{
		{"Springfield, IL 62704-1234", "Springfield"},
		{"Springfield, Illinois 62704", "Springfield"},
		{"Mailing to Boston, 02110.", "Boston"},
	})
	d := Default()
	for _, s := range []string{"Order 12345 shipped", "There were 12345 visitors"} {
		for _, f := range d.ScanText(s) {
			if f.Category == CategoryZIP && f.Confidence >= DefaultMinConfidence {
				t.Errorf("ScanText(%q): unexpected %+v", s, f)
			}
		}
	}
}

// TestScanTextAges: ages over 89 are findings, younger ones hints.
func TestScanTextAges(t *testing.T) {
	testScanTextSpans(t, CategoryAge, []struct{ text, span string }{
		{"He just turned 93 years old", "93"},
		{"a 91-year-old woman", "91"},
		{"aged 104", "104"},
		{"she is 95", "95"},
	})
	if !presidioAgeScored("92 years") || presidioAgeScored("45") || !presidioAgeScored("ninety-one") || presidioAgeScored("sixty") {
		t.Error("presidioAgeScored: wrong")
	}
}

// TestScanTextNames: lower-case texts, and capitalised titles,
// organisation words and languages that name no one (synthetic examples).
func TestScanTextNames(t *testing.T) {
	testScanTextSpans(t, CategoryName, []struct{ text, span string }{
		{"follow up with maria kowalski next week", "maria kowalski"},
		{"please call john a kowalski", "john a kowalski"},
		{"they had 4: silvana, brian, pamela and caleb.", "caleb"},
		{"they had 4: silvana, brian, pamela and caleb.", "silvana"},
		{"Dr. Emily Nguyen will see you", "Emily Nguyen"},
	})
	testScanTextNone(t, CategoryName, []string{
		"The Princess Royal opened the ward",
		"The Border Force checked the papers",
		"She is studying English and history",
		"follow up with the team in a couple of months",
		"we will mark the bill and grace period",
		"bring apples, pears, bread and milk",
	})
}

// TestScanTextAddressNoise: title-case headlines, upper-case shouting,
// acronyms and "501(c)3" are no addresses (synthetic examples).
func TestScanTextAddressNoise(t *testing.T) {
	testScanTextNone(t, CategoryAddress, []string{
		"Read: 7 Songs Of The 80s You Forgot",
		"I DON'T KNOW WHAT TO PRESS NEXT",
		"Can I withdraw cash from ATM with this card",
		"The charity is a 501(c)3 organisation",
	})
	testScanTextSpans(t, CategoryAddress, []struct{ text, span string }{
		{"Send it to 615 Benedum Drive please", "615 Benedum Drive"},
	})
}

// TestScanTextCities: listed cities without a place word; a single
// listed word that is an English word or a personal name is left alone
// (synthetic examples).
func TestScanTextCities(t *testing.T) {
	testScanTextSpans(t, CategoryAddress, []struct{ text, span string }{
		{"Our Tokyo office is closed", "Tokyo"},
		{"The Rotterdam team called", "Rotterdam"},
		{"Patient relocated, now Addis Ababa based", "Addis Ababa"},
		{"Meet me at Rio de Janeiro airport", "Rio de Janeiro"},
	})
	testScanTextNone(t, CategoryAddress, []string{"Reading is fun", "Florence called back", "Dr. Tokyo is here"})
	if textCities()["guadalajara"]&cityName == 0 || textCities()["france"] != 0 || textCities()["rio"]&cityFirst == 0 {
		t.Error("textCities: wrong")
	}
}

// TestScanTextPhoneNotAddress: a phone number of spaced groups is no
// street number, also on the line after an address (synthetic examples).
func TestScanTextPhoneNotAddress(t *testing.T) {
	for _, c := range []struct{ text, span string }{
		{"Please call me at 0494 92 82 32 I'd like an update", "0494 92 82 32"},
		{"Anna Berg\n12 Oak Street\nDenver, CO 80202\n(303) 555-0147-Office", "(303) 555-0147"},
		{"my registered 024 971 50 30. Could you check", "024 971 50 30"},
	} {
		fs := Default().ScanText(c.text)
		ok := false
		for _, f := range fs {
			sp := c.text[f.Start:f.End]
			if f.Category == CategoryPhone && sp == c.span {
				ok = true
			}
			if f.Category == CategoryAddress && f.Confidence >= DefaultMinConfidence && f.End > strings.Index(c.text, c.span) && f.Start < strings.Index(c.text, c.span)+len(c.span) {
				t.Errorf("ScanText(%q): address %q over the phone number", c.text, sp)
			}
		}
		if !ok {
			t.Errorf("ScanText(%q): no phone %q: %+v", c.text, c.span, fs)
		}
	}
	testScanTextSpans(t, CategoryAddress, []struct{ text, span string }{
		{"Send it to 3536 1659 Hoog St please", "3536 1659 Hoog St"},
	})
}

// TestScanTextIntersections: "the corner of A and B" is one address
// (synthetic examples).
func TestScanTextIntersections(t *testing.T) {
	testScanTextSpans(t, CategoryAddress, []struct{ text, span string }{
		{"Meet me at the corner of 5th Avenue and Pine Street tomorrow", "the corner of 5th Avenue and Pine Street"},
		{"He lives at the corner of 12 Elm Rd and Maple Lane.", "the corner of 12 Elm Rd and Maple Lane"},
		{"The crash was at the intersection of Main St & Oak Ave", "the intersection of Main St & Oak Ave"},
		{"Address: the corner of Csabai kapu 39 and Rennie Union", "the corner of Csabai kapu 39 and Rennie Union"},
	})
	testScanTextNone(t, CategoryAddress, []string{"He sat in the corner of the room and read"})
	testScanTextNone(t, CategoryName, []string{"Address: the corner of Csabai kapu 39 and Rennie Union"})
}

// TestScanTextPlaceOverWeakName: after a place word a weak name is a
// place; a given name or a name with an initial stays a name; a country of
// two words is no name (synthetic examples).
func TestScanTextPlaceOverWeakName(t *testing.T) {
	testScanTextSpans(t, CategoryAddress, []struct{ text, span string }{
		{"Her family lives in Khandallah now", "Khandallah"},
		{"the economy of his home city Voorburg: great", "Voorburg"},
		// an address block, a line each: the line before the country
		{"Przemek Kucharski\n\nALFRICK\nUnited Kingdom", "ALFRICK"},
		{"Agatha Ottarsdottir\n\nKRZEPICE\nPoland", "KRZEPICE"},
	})
	testScanTextNone(t, CategoryAddress, []string{"Thanks\n\nBest Regards\nCanada"})
	testScanTextSpans(t, CategoryName, []struct{ text, span string }{
		{"Enrico shouted at Gary: stop", "Gary"},
		{"a letter from Faina D. Yefremova arrived", "Faina D. Yefremova"},
	})
	testScanTextNone(t, CategoryName, []string{"We moved here from New Zealand", "South Africa was fun"})
}

func testScanTextNone(t *testing.T, c Category, texts []string) {
	t.Helper()
	d := Default()
	for _, s := range texts {
		for _, f := range d.ScanText(s) {
			if f.Category == c && f.Confidence >= DefaultMinConfidence {
				t.Errorf("ScanText(%q): unexpected %+v (%q)", s, f, s[f.Start:f.End])
			}
		}
	}
}

func testScanTextSpans(t *testing.T, want Category, cases []struct{ text, span string }) {
	t.Helper()
	d := Default()
	for _, c := range cases {
		found := false
		for _, f := range d.ScanText(c.text) {
			if f.Category == want && f.Confidence >= DefaultMinConfidence && c.text[f.Start:f.End] == c.span {
				found = true
			}
		}
		if !found {
			t.Errorf("ScanText(%q): no %s finding on %q: %+v", c.text, want, c.span, d.ScanText(c.text))
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
