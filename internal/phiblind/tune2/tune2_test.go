package tune2

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	pb "github.com/phisafe/phisafe/internal/phiblind"
)

// TestCorpusFile regenerates the corpus and compares it byte for byte with
// testdata/tune2.tsv, then checks its balance and prints its make-up.
func TestCorpusFile(t *testing.T) {
	var b bytes.Buffer
	if err := pb.WriteTSV(&b, Generate(Seed, Lines)); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/tune2.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Fatal("testdata/tune2.tsv differs from Generate(Seed, Lines); run go run ./internal/phiblind/tune2/cmd/gen from the module root")
	}
	lines, err := pb.ReadTSV(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != Lines {
		t.Fatalf("%d lines, want %d", len(lines), Lines)
	}
	seen := map[string]bool{}
	cats := map[string]int{}
	shapePos, shapeNeg := map[string]int{}, map[string]int{}
	tmplPos, tmplNeg := map[string]bool{}, map[string]bool{}
	neg := 0
	for _, l := range lines {
		if seen[l.Name] {
			t.Errorf("duplicate name %q", l.Name)
		}
		seen[l.Name] = true
		if l.PHI {
			shapePos[l.Shape]++
			tmplPos[l.Template] = true
		} else {
			neg++
			shapeNeg[l.Shape]++
			tmplNeg[l.Template] = true
		}
		for _, c := range l.Categories {
			cats[c]++
		}
	}
	frac := float64(neg) / float64(len(lines))
	t.Logf("lines %d: PHI %d, clean %d (%.1f%%); templates %d (PHI %d, clean %d)", len(lines), len(lines)-neg, neg, 100*frac, len(tmplPos)+len(tmplNeg), len(tmplPos), len(tmplNeg))
	if frac < 0.45 || frac > 0.55 {
		t.Errorf("clean fraction %.3f outside [0.45, 0.55]", frac)
	}
	for _, c := range pb.Categories {
		t.Logf("category %-12s %4d", c, cats[c])
		if cats[c] < 30 {
			t.Errorf("category %s: %d positive lines, want >= 30", c, cats[c])
		}
	}
	for _, s := range pb.Shapes {
		t.Logf("shape %-19s PHI %4d  clean %4d", s, shapePos[s], shapeNeg[s])
		if shapePos[s] == 0 || shapeNeg[s] == 0 {
			t.Errorf("shape %s lacks PHI or clean lines", s)
		}
	}
	if n := len(phiTemplates) + len(negTemplates); n < 150 {
		t.Errorf("%d templates, want >= 150", n)
	}
	ids := map[string]bool{}
	for _, x := range append(slices.Clone(phiTemplates), negTemplates...) {
		if ids[x.id] {
			t.Errorf("template id %s used twice", x.id)
		}
		ids[x.id] = true
	}
	var unused []string
	for id := range ids {
		if !tmplPos[id] && !tmplNeg[id] {
			unused = append(unused, id)
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("templates never drawn: %v", unused)
	}
}

func TestDeterministic(t *testing.T) {
	a, b := Generate(5, 400), Generate(5, 400)
	for i := range a {
		if fmt.Sprint(a[i]) != fmt.Sprint(b[i]) {
			t.Fatalf("line %d differs", i)
		}
	}
}

// The identifiers must pass the check their formats define, or a detector
// that verifies check digits would rightly call them noise.
func TestCheckDigits(t *testing.T) {
	g := &G{r: rand.New(rand.NewSource(1))}
	luhnOK := func(s string) bool { return luhnDigit(s[:len(s)-1]) == int(s[len(s)-1]-'0') }
	for i := 0; i < 300; i++ {
		dob := g.dob()
		p := g.latinPerson()
		if c := g.card(); !luhnOK(c) {
			t.Errorf("card %s", c)
		}
		if s := g.sin(); !luhnOK(s) {
			t.Errorf("SIN %s", s)
		}
		if s := g.imei(); len(s) != 15 || !luhnOK(s) {
			t.Errorf("IMEI %s", s)
		}
		if s := g.npi(); !luhnOK("80840" + s) {
			t.Errorf("NPI %s", s)
		}
		if s := g.iban(); mod97(s[4:]+s[:4]) != 1 {
			t.Errorf("IBAN %s", s)
		}
		if s := g.vin(); !vinOK(s) {
			t.Errorf("VIN %s", s)
		}
		if s := g.nhs(); !nhsOK(s) {
			t.Errorf("NHS %s", s)
		}
		if s := g.bsn(); !bsnOK(s) {
			t.Errorf("BSN %s", s)
		}
		if s := g.cpf(); !cpfOK(s) {
			t.Errorf("CPF %s", s)
		}
		if s := strings.ReplaceAll(g.personnummer(dob), "-", ""); !luhnOK(s) || s[:6] != dob.Format("060102") {
			t.Errorf("personnummer %s", s)
		}
		if s := g.pesel(dob); !peselOK(s) {
			t.Errorf("PESEL %s", s)
		}
		if s := g.aadhaar(); !verhoeffOK(s) {
			t.Errorf("Aadhaar %s", s)
		}
		if s := g.myNumber(); myNumberCheck(s[:11]) != int(s[11]-'0') {
			t.Errorf("My Number %s", s)
		}
		if s := g.nir(dob); !nirOK(s) {
			t.Errorf("NIR %s", s)
		}
		if s := g.medicareAU(); !medicareAUOK(s) {
			t.Errorf("Medicare AU %s", s)
		}
		if s := g.codiceFiscale(p, dob); len(s) != 16 {
			t.Errorf("codice fiscale %s", s)
		}
		if s := g.curp(p, dob); len(s) != 18 {
			t.Errorf("CURP %s", s)
		}
		if s := g.gtin(); gtinCheck(s[:13]) != s {
			t.Errorf("GTIN %s", s)
		}
		if a, _, _ := g.ssn(); a == "000" || a == "666" || a[0] == '9' {
			t.Errorf("SSN area %s", a)
		}
	}
	// Published examples.
	if got := cfCheck("RSSMRA85T10A562"); got != "S" {
		t.Errorf("codice fiscale check of RSSMRA85T10A562 = %s, want S", got)
	}
	if cfPart("Rossi", false) != "RSS" || cfPart("Mario", true) != "MRA" {
		t.Error("codice fiscale name parts")
	}
	if myNumberCheck("12345678901") != 8 {
		t.Error("My Number check of 12345678901")
	}
	if !verhoeffOK(verhoeff("236")) || verhoeff("236") != "2363" {
		t.Errorf("Verhoeff 236 -> %s, want 2363", verhoeff("236"))
	}
}

func cfCheck(s string) string {
	sum := 0
	for i := 0; i < 15; i++ {
		ch := s[i]
		if i%2 == 0 {
			sum += cfOdd[ch]
		} else if ch >= '0' && ch <= '9' {
			sum += int(ch - '0')
		} else {
			sum += int(ch - 'A')
		}
	}
	return string(rune('A' + sum%26))
}

func myNumberCheck(s string) int {
	sum := 0
	for n := 1; n <= 11; n++ {
		q := n + 1
		if n >= 7 {
			q = n - 5
		}
		sum += int(s[11-n]-'0') * q
	}
	if r := sum % 11; r > 1 {
		return 11 - r
	}
	return 0
}

func vinOK(s string) bool {
	w := []int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		if strings.ContainsRune("IOQ", rune(s[i])) {
			return false
		}
		sum += vinValue(s[i]) * w[i]
	}
	c := byte('0' + sum%11)
	if sum%11 == 10 {
		c = 'X'
	}
	return s[8] == c
}

func nhsOK(s string) bool {
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(s[i]-'0') * (10 - i)
	}
	c := (11 - sum%11) % 11
	return c != 10 && int(s[9]-'0') == c
}

func bsnOK(s string) bool {
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(s[i]-'0') * (9 - i)
	}
	sum -= int(s[8] - '0')
	return len(s) == 9 && sum%11 == 0
}

func cpfOK(s string) bool {
	d := strings.NewReplacer(".", "", "-", "").Replace(s)
	for k := 9; k <= 10; k++ {
		sum := 0
		for i := 0; i < k; i++ {
			sum += int(d[i]-'0') * (k + 1 - i)
		}
		r := sum * 10 % 11 % 10
		if int(d[k]-'0') != r {
			return false
		}
	}
	return true
}

func peselOK(s string) bool {
	w := []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3, 1}
	sum := 0
	for i := 0; i < 11; i++ {
		sum += int(s[i]-'0') * w[i]
	}
	return sum%10 == 0
}

func verhoeffOK(s string) bool {
	c := 0
	for i := 0; i < len(s); i++ {
		c = vD[c][vP[i%8][int(s[len(s)-1-i]-'0')]]
	}
	return c == 0
}

func nirOK(s string) bool {
	d := strings.ReplaceAll(s, " ", "")
	n, _ := strconv.ParseInt(d[:13], 10, 64)
	k, _ := strconv.Atoi(d[13:])
	return 97-n%97 == int64(k)
}

func medicareAUOK(s string) bool {
	w := []int{1, 3, 7, 9, 1, 3, 7, 9}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(s[i]-'0') * w[i]
	}
	return s[0] >= '2' && s[0] <= '6' && int(s[8]-'0') == sum%10
}
