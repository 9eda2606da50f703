package hipaa

import (
	"crypto/fips140"
	"fmt"
	"slices"

	"github.com/phisafe/phisafe/hipaa/phi"
)

// Policy is the one value that configures what every phisafe wrapper
// enforces: the audit sink, the PHI detector and what its findings do, and
// any named loosening. Every service constructor takes a Policy, so one
// value configures S3, DynamoDB, SES, RDS and KMS alike.
//
// The zero value, with an Auditor set, is the strict policy: names with
// PHI are refused, TLS is verified 1.2+ with AEAD suites only, and every
// operation is audited before it runs. A Policy without an Auditor is
// refused by every constructor.
//
// A Policy must not be modified after it is passed to a constructor.
type Policy struct {
	// Auditor records every operation. Required.
	Auditor Auditor

	// Detector finds PHI in names. Nil means phi.Default().
	Detector *phi.Detector

	// MinConfidence is the confidence at or above which a finding
	// counts. Zero means phi.DefaultMinConfidence, which is also the
	// highest value allowed: a lower threshold is stricter, a higher one
	// would let findings through with no record.
	MinConfidence float64

	// AllowPHIInNames lists categories whose findings do not refuse the
	// operation. It is recorded as a weakening when a client adopts the
	// policy, and each such pass as an OutcomeOverride event naming the
	// field and category. Empty (the default) refuses every category.
	AllowPHIInNames []phi.Category

	// StrictFIPS requires the Go FIPS 140-3 module to be enabled
	// (GODEBUG=fips140=on or GOFIPS140 at build time), restricts TLS to
	// what that mode allows, and makes LoadAWSConfig use FIPS endpoints.
	// Constructors fail when StrictFIPS is set and the module is not
	// enabled.
	StrictFIPS bool
}

// validate reports whether p is usable: an Auditor is set, the threshold
// is in range, and StrictFIPS holds if asked for. Adopt, Begin and Guard
// call it.
func (p *Policy) validate() error {
	if p == nil {
		return fmt.Errorf("%w: nil policy", ErrPolicy)
	}
	if p.Auditor == nil {
		return fmt.Errorf("%w: policy has no Auditor (audit is mandatory)", ErrPolicy)
	}
	// A threshold above the default would let findings through with no
	// record; lower ones are stricter.
	if p.MinConfidence < 0 || p.MinConfidence > phi.DefaultMinConfidence {
		return fmt.Errorf("%w: MinConfidence must be in [0, %v] (0 means %v); a higher threshold would let findings through unaudited", ErrPolicy, phi.DefaultMinConfidence, phi.DefaultMinConfidence)
	}
	if p.StrictFIPS && !fips140.Enabled() {
		return fmt.Errorf("%w: StrictFIPS is set but the Go FIPS 140-3 module is not enabled (run with GODEBUG=fips140=on)", ErrPolicy)
	}
	return nil
}

func (p *Policy) detector() *phi.Detector {
	if p.Detector != nil {
		return p.Detector
	}
	return phi.Default()
}

func (p *Policy) threshold() float64 {
	if p.MinConfidence == 0 {
		return phi.DefaultMinConfidence
	}
	return p.MinConfidence
}

// scan runs the policy's detector over name and splits the findings at or
// above the threshold into those that refuse and the categories the
// policy allows.
func (p *Policy) scan(name string) (refused []phi.Finding, allowed []phi.Category) {
	for _, f := range p.detector().Scan(name) {
		if f.Confidence < p.threshold() {
			continue
		}
		if slices.Contains(p.AllowPHIInNames, f.Category) {
			allowed = append(allowed, f.Category)
		} else {
			refused = append(refused, f)
		}
	}
	return refused, allowed
}

// loosenings names the policy's own weakenings, for Adopt.
func (p *Policy) loosenings() []string {
	var out []string
	for _, c := range p.AllowPHIInNames {
		out = append(out, "AllowPHIInNames category="+string(c))
	}
	if p.Detector != nil {
		for _, l := range p.Detector.Loosenings() {
			out = append(out, "Detector "+l)
		}
	}
	return out
}
