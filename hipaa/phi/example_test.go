package phi_test

import (
	"fmt"

	"github.com/phisafe/phisafe/hipaa/phi"
)

// All names below are synthetic.

func ExampleDetector_Scan() {
	name := "records/john_smith_dob_1980-01-02.pdf"
	for _, f := range phi.Default().Scan(name) {
		fmt.Printf("%s at bytes %d-%d, confidence %.2f\n", f.Category, f.Start, f.End, f.Confidence)
	}
	fmt.Println(phi.Default().Scan("uploads/2024/06/01/batch-7.parquet") == nil)
	// Output:
	// name at bytes 8-18, confidence 0.59
	// date at bytes 23-33, confidence 0.90
	// true
}

// A finding counts when its confidence reaches the threshold; lower ones
// are hints.
func ExampleDefaultMinConfidence() {
	for _, f := range phi.Default().Scan("patient-ssn-219-09-9999") {
		if f.Confidence >= phi.DefaultMinConfidence {
			fmt.Println(f.Category)
		}
	}
	// Output: ssn
}

// A product whose name the name dictionary flags ("Marlow Hastings" here)
// can be allowed, and the surnames of a known roster denied.
func ExampleNew() {
	d := phi.New(phi.WithAllowWords("Marlow", "Hastings"), phi.WithDenyWords("Zorblax"))
	const key = "product/Marlow_Hastings_release.zip"
	fmt.Println(phi.Default().Scan(key)[0].Category)
	fmt.Println(d.Scan(key) == nil)
	fmt.Println(d.Scan("reports/zorblax_q3.pdf")[0].Category)
	// Output:
	// name
	// true
	// name
}

// Loosenings names what a detector no longer reports, so that a policy
// can record it; denying more words is not a loosening.
func ExampleDetector_Loosenings() {
	fmt.Println(phi.Default().Loosenings())
	fmt.Println(phi.New(phi.WithDenyWords("Zorblax")).Loosenings())
	fmt.Println(phi.New(phi.WithAllowWords("Gonzalez")).Loosenings())
	// Output:
	// []
	// []
	// [WithAllowWords]
}
