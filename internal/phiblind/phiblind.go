// Package phiblind builds and reads a blind evaluation corpus for the PHI
// detector in hipaa/phi: synthetic "names" (S3 keys, metadata, bucket names,
// DynamoDB keys and attribute names, KMS encryption context values, mail
// subjects, device topics) labelled with the HIPAA Safe Harbor identifiers
// (45 CFR 164.514(b)(2)) they contain.
//
// The corpus was written from the Safe Harbor text and from how real systems
// name things, without reading the detector's implementation. See README.md
// for the labelling rules and the development/holdout split.
package phiblind

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Label categories. The first group are the category names of the detector
// (the values of the phi.Category constants); Other is for Safe Harbor kinds
// the detector has no category for: biometric identifiers and "any other
// unique identifying number, characteristic or code" (employee, student and
// immigration numbers, for example).
const (
	Name       = "name"
	Address    = "address" // also cities, counties and other sub-state geography
	ZIP        = "zip"     // also postal codes of other countries
	Date       = "date"
	Age        = "age"
	Phone      = "phone"
	Fax        = "fax"
	Email      = "email"
	SSN        = "ssn" // also national identity / tax numbers of other countries
	MRN        = "mrn" // also encounter/visit numbers and patient record ids
	HealthPlan = "health-plan"
	Account    = "account" // also claim numbers, IBANs, card numbers
	License    = "license" // also passports and driver's licences
	Vehicle    = "vehicle"
	Device     = "device"
	URL        = "url"
	IP         = "ip"
	Other      = "other-id"
)

// Categories lists every label category in a fixed order.
var Categories = []string{Name, Address, ZIP, Date, Age, Phone, Fax, Email, SSN, MRN, HealthPlan, Account, License, Vehicle, Device, URL, IP, Other}

// Shapes lists the kinds of names in the corpus.
var Shapes = []string{
	"s3-key",             // an S3 object key
	"s3-metadata",        // an S3 user metadata pair written "key: value"
	"bucket",             // an S3 bucket name
	"dynamodb-key",       // a DynamoDB partition or sort key value
	"attribute-name",     // a DynamoDB attribute name (or map key)
	"table-name",         // a DynamoDB table name
	"encryption-context", // a KMS encryption context value
	"subject",            // a mail subject (SES, patient portal)
	"device-topic",       // an IoT / telemetry topic name
}

// Line is one corpus line.
type Line struct {
	Shape      string
	Name       string
	PHI        bool
	Categories []string // sorted in Categories order; empty when !PHI
	Template   string
}

// Header is the first line of a corpus file.
const Header = "shape\tname\tphi\tcategories\ttemplate"

// WriteTSV writes lines with the header.
func WriteTSV(w io.Writer, lines []Line) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, Header)
	for _, l := range lines {
		if err := l.check(); err != nil {
			return err
		}
		p := "0"
		if l.PHI {
			p = "1"
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\n", l.Shape, l.Name, p, strings.Join(l.Categories, ","), l.Template)
	}
	return bw.Flush()
}

func (l Line) check() error {
	if !slices.Contains(Shapes, l.Shape) {
		return fmt.Errorf("unknown shape %q", l.Shape)
	}
	if l.Name == "" || strings.ContainsAny(l.Name, "\t\r\n") {
		return fmt.Errorf("template %s: bad name %q", l.Template, l.Name)
	}
	if l.Template == "" {
		return fmt.Errorf("empty template for %q", l.Name)
	}
	if l.PHI != (len(l.Categories) > 0) {
		return fmt.Errorf("template %s: phi=%v with categories %v", l.Template, l.PHI, l.Categories)
	}
	for _, c := range l.Categories {
		if !slices.Contains(Categories, c) {
			return fmt.Errorf("template %s: unknown category %q", l.Template, c)
		}
	}
	return nil
}

// ReadTSV reads a corpus file and checks every line.
func ReadTSV(r io.Reader) ([]Line, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var out []Line
	n := 0
	for sc.Scan() {
		n++
		t := sc.Text()
		if n == 1 {
			if t != Header {
				return nil, fmt.Errorf("line 1: header %q, want %q", t, Header)
			}
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("line %d: %d fields, want 5", n, len(f))
		}
		l := Line{Shape: f[0], Name: f[1], Template: f[4]}
		switch f[2] {
		case "0":
		case "1":
			l.PHI = true
		default:
			return nil, fmt.Errorf("line %d: phi %q", n, f[2])
		}
		if f[3] != "" {
			l.Categories = strings.Split(f[3], ",")
		}
		if err := l.check(); err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, fmt.Errorf("empty file")
	}
	return out, nil
}

func sortCats(cs []string) []string {
	var out []string
	for _, c := range Categories {
		if slices.Contains(cs, c) {
			out = append(out, c)
		}
	}
	return out
}
