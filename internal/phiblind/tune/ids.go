package tune

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Synthetic identifiers that pass their format's checks.

// luhnDigit returns the check digit to append to s (digits only).
func luhnDigit(s string) byte {
	sum := 0
	dbl := true
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if dbl {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		dbl = !dbl
	}
	return byte('0' + (10-sum%10)%10)
}

func (g *G) luhn(prefix string, total int) string {
	s := prefix + g.str(digits, total-len(prefix)-1)
	return s + string(luhnDigit(s))
}

// ssn follows the SSA rules: area 001-899 but not 666, group 01-99, serial 0001-9999.
func (g *G) ssnDigits() (string, string, string) {
	a := g.rng(1, 899)
	for a == 666 {
		a = g.rng(1, 899)
	}
	return fmt.Sprintf("%03d", a), fmt.Sprintf("%02d", g.rng(1, 99)), fmt.Sprintf("%04d", g.rng(1, 9999))
}

func (g *G) ssn() string {
	a, b, c := g.ssnDigits()
	switch g.n(5) {
	case 0, 1:
		return a + "-" + b + "-" + c
	case 2:
		return a + b + c
	case 3:
		return a + " " + b + " " + c
	default:
		return a + "." + b + "." + c
	}
}

func (g *G) ssnKey() string {
	a, b, c := g.ssnDigits()
	if g.coin() {
		return a + "-" + b + "-" + c
	}
	return a + b + c
}

// npi: 10 digits starting 1 or 2, Luhn over "80840" + the first nine.
func (g *G) npi() string {
	s := g.one("1", "2") + g.str(digits, 8)
	return s + string(luhnDigit("80840"+s))
}

// imei: 14 digits (TAC + serial) + Luhn.
func (g *G) imei() string {
	return g.luhn(g.one("35", "86", "01", "99"), 15)
}

func (g *G) mac(sep string) string {
	parts := make([]string, 6)
	for i := range parts {
		parts[i] = fmt.Sprintf("%02x", g.n(256))
	}
	s := strings.Join(parts, sep)
	if g.coin() {
		s = strings.ToUpper(s)
	}
	return s
}

// gtin14 with the GS1 mod-10 check digit.
func (g *G) gtin14() string {
	s := "0" + g.str(digits, 12)
	sum := 0
	for i := 0; i < 13; i++ {
		d := int(s[i] - '0')
		if i%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return s + strconv.Itoa((10-sum%10)%10)
}

// udi is a GS1 UDI with production identifiers (expiry, lot, serial).
func (g *G) udi() string {
	exp := fmt.Sprintf("%02d%02d%02d", g.rng(25, 29), g.rng(1, 12), g.rng(1, 28))
	return "(01)" + g.gtin14() + "(17)" + exp + "(10)" + g.str(alnumUp, 6) + "(21)" + g.str(alnumUp, g.rng(6, 10))
}

// vin with the North American check digit (position 9).
func (g *G) vin() string {
	const alpha = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
	weights := []int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	b := []byte(g.one("1HG", "1FT", "2T1", "3VW", "5YJ", "JHM", "WBA", "1G1", "KMH", "WVW") + g.str(alpha, 14))
	b[9] = "RSTVWXY123456789"[g.n(16)] // model year
	sum := 0
	for i, c := range b {
		sum += vinValue(c) * weights[i]
	}
	if r := sum % 11; r == 10 {
		b[8] = 'X'
	} else {
		b[8] = byte('0' + r)
	}
	return string(b)
}

func vinValue(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return int("12345678012345070923456789"[c-'A'] - '0')
}

// plate is a licence plate of one of several countries.
func (g *G) plate() string {
	switch g.n(7) {
	case 0: // California
		return fmt.Sprintf("%d%s%03d", g.rng(1, 9), g.str(upper, 3), g.n(1000))
	case 1: // New York / Texas
		return g.str(upper, 3) + "-" + g.str(digits, 4)
	case 2: // UK
		return g.str("ABCDEFGHJKLMNOPRSTUVWXY", 2) + fmt.Sprintf("%02d", g.rng(10, 74)) + " " + g.str("ABCDEFGHJKLMNOPRSTUVWXYZ", 3)
	case 3: // Germany
		return g.one("B", "M", "HH", "K", "F", "S", "DO") + "-" + g.str(upper, 2) + " " + strconv.Itoa(g.rng(1, 9999))
	case 4: // France SIV
		return g.str("ABCDEFGHJKLMNPQRSTVWXYZ", 2) + "-" + g.str(digits, 3) + "-" + g.str("ABCDEFGHJKLMNPQRSTVWXYZ", 2)
	case 5: // Netherlands
		return g.str(digits, 2) + "-" + g.str("BDFGHJKLNPRSTVXZ", 3) + "-" + g.str(digits, 1)
	default: // Ontario
		return g.str(upper, 4) + " " + g.str(digits, 3)
	}
}

// mbi is a Medicare Beneficiary Identifier (CMS format: C A AN N A AN N A A N N).
func (g *G) mbi() string {
	const a = "ACDEFGHJKMNPQRTUVWXY"
	const an = "0123456789ACDEFGHJKMNPQRTUVWXY"
	return fmt.Sprintf("%d%c%c%d%c%c%d%c%c%d%d", g.rng(1, 9), a[g.n(len(a))], an[g.n(len(an))], g.n(10), a[g.n(len(a))], an[g.n(len(an))], g.n(10), a[g.n(len(a))], a[g.n(len(a))], g.n(10), g.n(10))
}

// memberID is a commercial plan member id (alpha prefix plus digits).
func (g *G) memberID() string {
	switch g.n(5) {
	case 0:
		return g.str(upper, 3) + g.str(digits, 9)
	case 1:
		return "W" + g.str(digits, 9)
	case 2:
		return g.str(digits, 9) + g.one("00", "01", "02")
	case 3:
		return "U" + g.str(digits, 8) + g.str(digits, 2)
	default:
		return g.str(upper, 2) + g.str(digits, 7)
	}
}

func (g *G) mrn() string {
	switch g.n(6) {
	case 0:
		return g.digitsNZ(g.rng(7, 9))
	case 1:
		return "E" + g.str(digits, 7)
	case 2:
		return fmt.Sprintf("%08d", g.rng(100, 99999999))
	case 3:
		return "MR" + g.str(digits, 7)
	case 4:
		return g.str(digits, 3) + "-" + g.str(digits, 2) + "-" + g.str(digits, 2)
	default:
		return g.digitsNZ(10)
	}
}

func (g *G) card() string {
	switch g.n(3) {
	case 0:
		return g.luhn("4", 16)
	case 1:
		return g.luhn("5"+strconv.Itoa(g.rng(1, 5)), 16)
	default:
		return g.luhn("3"+g.one("4", "7"), 15)
	}
}

// iban: country + mod-97 check digits + BBAN.
func (g *G) iban() string {
	cc, bban := "DE", g.str(digits, 18)
	switch g.n(4) {
	case 1:
		cc, bban = "GB", g.str(upper, 4)+g.str(digits, 14)
	case 2:
		cc, bban = "NL", g.str(upper, 4)+g.str(digits, 10)
	case 3:
		cc, bban = "FR", g.str(digits, 23)
	}
	conv := func(s string) string {
		var b strings.Builder
		for _, c := range s {
			if c >= 'A' && c <= 'Z' {
				b.WriteString(strconv.Itoa(int(c-'A') + 10))
			} else {
				b.WriteRune(c)
			}
		}
		return b.String()
	}
	n, _ := new(big.Int).SetString(conv(bban+cc+"00"), 10)
	chk := 98 - int(new(big.Int).Mod(n, big.NewInt(97)).Int64())
	return fmt.Sprintf("%s%02d%s", cc, chk, bban)
}

// ---------------------------------------------------------------- national ids

// nhs number: 10 digits, mod 11 with weights 10..2 (check 10 is invalid).
func (g *G) nhs() string {
	for {
		s := g.str(digits, 9)
		sum := 0
		for i := 0; i < 9; i++ {
			sum += int(s[i]-'0') * (10 - i)
		}
		c := 11 - sum%11
		if c == 11 {
			c = 0
		}
		if c == 10 {
			continue
		}
		s += strconv.Itoa(c)
		if g.coin() {
			return s[:3] + " " + s[3:6] + " " + s[6:]
		}
		return s
	}
}

// ukNINO: two prefix letters, six digits, suffix A-D.
func (g *G) ukNINO() string {
	const first = "ABCEGHJKLMNOPRSTWXYZ"
	const second = "ABCEGHJKLMNPRSTWXYZ"
	for {
		p := string(first[g.n(len(first))]) + string(second[g.n(len(second))])
		if p == "GB" || p == "NK" || p == "TN" || p == "ZZ" || p == "BG" || p == "KN" || p == "NT" {
			continue
		}
		return p + g.str(digits, 6) + string("ABCD"[g.n(4)])
	}
}

// sin is a Canadian Social Insurance Number (Luhn).
func (g *G) sin() string {
	s := g.luhn(strconv.Itoa(g.rng(1, 7)), 9)
	return s[:3] + "-" + s[3:6] + "-" + s[6:]
}

// ohip: Ontario health number, 10 digits (Luhn over the 10) + version code.
func (g *G) ohip() string {
	s := g.luhn(strconv.Itoa(g.rng(1, 9)), 10)
	return s[:4] + "-" + s[4:7] + "-" + s[7:] + "-" + g.str("ABCDEFGHJKLMNPRSTVWXYZ", 2)
}

// auMedicare: 10 digits, check digit 9 over weights 1,3,7,9,1,3,7,9; issue number 10th; IRN 11th.
func (g *G) auMedicare() string {
	s := strconv.Itoa(g.rng(2, 6)) + g.str(digits, 7)
	w := []int{1, 3, 7, 9, 1, 3, 7, 9}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(s[i]-'0') * w[i]
	}
	s += strconv.Itoa(sum%10) + strconv.Itoa(g.rng(1, 9))
	return s[:4] + " " + s[4:9] + " " + s[9:] + "-" + strconv.Itoa(g.rng(1, 5))
}

// tfn: Australian Tax File Number, 9 digits, weighted sum mod 11 = 0.
func (g *G) tfn() string {
	w := []int{1, 4, 3, 7, 5, 8, 6, 9, 10}
	for {
		s := g.str(digits, 9)
		sum := 0
		for i := range 9 {
			sum += int(s[i]-'0') * w[i]
		}
		if sum%11 == 0 {
			return s[:3] + " " + s[3:6] + " " + s[6:]
		}
	}
}

// verhoeff tables for Aadhaar.
var (
	vD   = [10][10]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1}, {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}}
	vP   = [8][10]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 7, 6, 8, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1}, {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}}
	vInv = [10]int{0, 4, 3, 2, 1, 5, 6, 7, 8, 9}
)

func verhoeff(s string) int {
	c := 0
	for i := 0; i < len(s); i++ {
		c = vD[c][vP[(i+1)%8][int(s[len(s)-1-i]-'0')]]
	}
	return vInv[c]
}

func (g *G) aadhaar() string {
	s := strconv.Itoa(g.rng(2, 9)) + g.str(digits, 10)
	s += strconv.Itoa(verhoeff(s))
	if g.coin() {
		return s[:4] + " " + s[4:8] + " " + s[8:]
	}
	return s
}

func (g *G) pan() string {
	return g.str(upper, 3) + "P" + g.str(upper, 1) + g.str(digits, 4) + g.str(upper, 1)
}

// steuerID: German tax id, 11 digits, ISO 7064 MOD 11,10 check digit.
func (g *G) steuerID() string {
	for {
		s := strconv.Itoa(g.rng(1, 9)) + g.str(digits, 9)
		// one digit exactly twice, others at most once: approximate by requiring < 10 distinct
		seen := map[byte]int{}
		for i := 0; i < 10; i++ {
			seen[s[i]]++
		}
		if len(seen) != 9 {
			continue
		}
		p := 10
		for i := 0; i < 10; i++ {
			sum := (int(s[i]-'0') + p) % 10
			if sum == 0 {
				sum = 10
			}
			p = (2 * sum) % 11
		}
		c := 11 - p
		if c == 10 {
			c = 0
		}
		return s + strconv.Itoa(c)
	}
}

// kvnr: German health insurance number, a letter + 8 digits + check digit (Luhn-like over letter value).
func (g *G) kvnr() string {
	l := g.n(26)
	s := fmt.Sprintf("%02d", l+1) + g.str(digits, 8)
	sum := 0
	for i := 0; i < len(s); i++ {
		d := int(s[i] - '0')
		if i%2 == 1 {
			d *= 2
		}
		sum += d/10 + d%10
	}
	return string(upper[l]) + s[2:] + strconv.Itoa(sum%10)
}

// nir: French social security number, 13 digits + key 97 - n mod 97.
func (g *G) nir() string {
	s := fmt.Sprintf("%d%02d%02d%02d%03d%03d", g.rng(1, 2), g.rng(30, 99), g.rng(1, 12), g.rng(1, 95), g.rng(1, 990), g.rng(1, 999))
	n, _ := strconv.ParseInt(s, 10, 64)
	k := 97 - n%97
	if g.coin() {
		return fmt.Sprintf("%s %s %s %s %s %s %02d", s[:1], s[1:3], s[3:5], s[5:7], s[7:10], s[10:], k)
	}
	return fmt.Sprintf("%s%02d", s, k)
}

// bsn: Dutch citizen service number, 9 digits, 11-proof.
func (g *G) bsn() string {
	for {
		s := strconv.Itoa(g.rng(1, 6)) + g.str(digits, 8)
		sum := 0
		for i := 0; i < 8; i++ {
			sum += int(s[i]-'0') * (9 - i)
		}
		sum -= int(s[8] - '0')
		if sum%11 == 0 {
			return s
		}
	}
}

// cpf: Brazilian taxpayer id with both check digits.
func (g *G) cpf() string {
	s := g.str(digits, 9)
	for k := 0; k < 2; k++ {
		sum := 0
		for i := 0; i < len(s); i++ {
			sum += int(s[i]-'0') * (len(s) + 1 - i)
		}
		r := sum % 11
		d := 0
		if r >= 2 {
			d = 11 - r
		}
		s += strconv.Itoa(d)
	}
	if g.coin() {
		return s[:3] + "." + s[3:6] + "." + s[6:9] + "-" + s[9:]
	}
	return s
}

// cns: Brazilian national health card, 15 digits starting 7/8/9, weighted sum mod 11 = 0.
func (g *G) cns() string {
	for {
		s := g.one("7", "8", "9") + g.str(digits, 14)
		sum := 0
		for i := 0; i < 15; i++ {
			sum += int(s[i]-'0') * (15 - i)
		}
		if sum%11 == 0 {
			return s
		}
	}
}

// curp: Mexican population registry key (18 chars; check digit computed).
func (g *G) curp(p person) string {
	fam := strings.ToUpper(ascii(p.family))
	giv := strings.ToUpper(ascii(p.given))
	fam = strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r
		}
		return -1
	}, fam)
	if len(fam) < 2 {
		fam += "XX"
	}
	if giv == "" {
		giv = "X"
	}
	vowel := byte('X')
	for i := 1; i < len(fam); i++ {
		if strings.IndexByte("AEIOU", fam[i]) >= 0 {
			vowel = fam[i]
			break
		}
	}
	d := g.dob()
	s := fmt.Sprintf("%c%c%c%c%02d%02d%02d%c%s%s%c", fam[0], vowel, upper[g.n(26)], giv[0], d.y%100, d.m, d.d, "HM"[g.n(2)], g.one("DF", "JC", "NL", "PL", "VZ", "MC", "GT"), g.str("BCDFGHJKLMNPQRSTVWXZ", 3), "0A"[g.n(2)])
	const dict = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(dict, s[i]) * (18 - i)
	}
	return s + strconv.Itoa((10-sum%10)%10)
}

// cnRID: Chinese resident identity number, ISO 7064 MOD 11-2.
func (g *G) cnRID() string {
	d := g.dob()
	s := g.one("110101", "310104", "440305", "510107", "330106", "420102") + fmt.Sprintf("%04d%02d%02d", d.y, d.m, d.d) + g.str(digits, 3)
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(s[i]-'0') * w[i]
	}
	return s + string("10X98765432"[sum%11])
}

// myNumber: Japanese individual number, 12 digits with check digit.
func (g *G) myNumber() string {
	s := g.str(digits, 11)
	sum := 0
	for n := 1; n <= 11; n++ {
		pn := int(s[11-n] - '0')
		qn := n + 1
		if n > 6 {
			qn = n - 5
		}
		sum += pn * qn
	}
	r := sum % 11
	c := 0
	if r > 1 {
		c = 11 - r
	}
	s += strconv.Itoa(c)
	if g.coin() {
		return s[:4] + " " + s[4:8] + " " + s[8:]
	}
	return s
}

// krRRN: Korean resident registration number with the (pre-2020) check digit.
func (g *G) krRRN() string {
	d := g.dob()
	sex := 1
	if d.y >= 2000 {
		sex = 3
	}
	sex += g.n(2)
	s := fmt.Sprintf("%02d%02d%02d%d%s", d.y%100, d.m, d.d, sex, g.str(digits, 5))
	w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i := 0; i < 12; i++ {
		sum += int(s[i]-'0') * w[i]
	}
	s += strconv.Itoa((11 - sum%11) % 10)
	return s[:6] + "-" + s[6:]
}

// dni: Spanish DNI, 8 digits + mod-23 letter.
func (g *G) dni() string {
	n := g.rng(1000000, 99999999)
	return fmt.Sprintf("%08d%c", n, "TRWAGMYFPDXBNJZSQVHLCKE"[n%23])
}

// nie: Spanish foreigner id, X/Y/Z + 7 digits + letter.
func (g *G) nie() string {
	p := g.n(3)
	n := g.rng(0, 9999999)
	v := p*10000000 + n
	return fmt.Sprintf("%c%07d%c", "XYZ"[p], n, "TRWAGMYFPDXBNJZSQVHLCKE"[v%23])
}

// codiceFiscale: Italian tax code with its control character.
func (g *G) codiceFiscale(p person) string {
	cons := func(s string) string {
		s = strings.ToUpper(ascii(strings.ReplaceAll(s, " ", "")))
		var c, v []byte
		for i := 0; i < len(s); i++ {
			if s[i] < 'A' || s[i] > 'Z' {
				continue
			}
			if strings.IndexByte("AEIOU", s[i]) >= 0 {
				v = append(v, s[i])
			} else {
				c = append(c, s[i])
			}
		}
		out := string(append(c, v...)) + "XXX"
		return out[:3]
	}
	d := g.dob()
	day := d.d
	if g.coin() {
		day += 40
	}
	s := cons(p.family) + cons(p.given) + fmt.Sprintf("%02d%c%02d", d.y%100, "ABCDEHLMPRST"[d.m-1], day) + string(upper[g.n(26)]) + g.str(digits, 3)
	odd := []int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}
	sum := 0
	for i := 0; i < 15; i++ {
		c := s[i]
		var v int
		if c >= '0' && c <= '9' {
			v = int(c - '0')
		} else {
			v = int(c - 'A')
		}
		if i%2 == 0 {
			sum += odd[v]
		} else {
			sum += v
		}
	}
	return s + string(upper[sum%26])
}

// personnummer: Swedish id, YYMMDD-NNNC (Luhn over the ten digits).
func (g *G) personnummer() string {
	d := g.dob()
	s := fmt.Sprintf("%02d%02d%02d%s", d.y%100, d.m, d.d, g.str(digits, 3))
	s += string(luhnDigit(s))
	return s[:6] + g.one("-", "-", "") + s[6:]
}

// usPassport: 9 digits or a letter and 8 digits.
func (g *G) passport() string {
	switch g.n(4) {
	case 0:
		return g.digitsNZ(9)
	case 1:
		return string(upper[g.n(26)]) + g.str(digits, 8)
	case 2:
		return g.str(upper, 2) + g.str(digits, 7) // several EU forms
	default:
		return g.str("CFGHJKLMNPRTVWXYZ", 1) + g.str("CFGHJKLMNPRTVWXYZ0123456789", 8) // German
	}
}

// driverLicense in a few state formats.
func (g *G) driverLicense() (state, num string) {
	switch g.n(6) {
	case 0:
		return "CA", string(upper[g.n(26)]) + g.str(digits, 7)
	case 1:
		return "NY", g.str(digits, 9)
	case 2:
		return "FL", fmt.Sprintf("%c%s-%s-%s-%s-%s", upper[g.n(26)], g.str(digits, 3), g.str(digits, 3), g.str(digits, 2), g.str(digits, 3), g.str(digits, 1))
	case 3:
		return "TX", g.str(digits, 8)
	case 4:
		return "MA", "S" + g.str(digits, 8)
	default:
		return "WA", "WDL" + g.str(alnumUp, 9)
	}
}

// aNumber: US immigration alien registration number.
func (g *G) aNumber() string {
	if g.coin() {
		return "A" + g.str(digits, 9)
	}
	return "A" + g.str(digits, 3) + "-" + g.str(digits, 3) + "-" + g.str(digits, 3)
}
