package main

import (
	"fmt"

	"github.com/phisafe/phisafe/hipaa/phi"
)

// Mask hides what the detector found and keeps the separators, so the
// shape of a key stays readable in a report.
func ExampleMask() {
	name := "patients/ssn-219-09-9999.pdf"
	fmt.Println(Mask(name, phi.Default().Scan(name)))
	// Output: patients/ssn-***-**-****.pdf
}
