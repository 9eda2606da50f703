package hipaa_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
)

// TestGuardUsesDetector checks that a policy with no Detector set refuses
// a key the default detector flags (a personal name and a date of birth,
// synthetic), without the name in the error, and lets a clean key through.
func TestGuardUsesDetector(t *testing.T) {
	p := &hipaa.Policy{Auditor: &memAuditor{}}
	o := op("s3.PutObject")
	o.Names = hipaa.Names{{Field: "s3.key", Name: "records/john_smith_dob_1980-01-02.pdf"}}
	err := p.Guard(context.Background(), o, okFn(0))
	var pe *hipaa.PHIError
	if !errors.As(err, &pe) || !errors.Is(err, hipaa.ErrPHIInName) {
		t.Fatalf("Guard = %v", err)
	}
	if strings.Contains(err.Error(), "john") || strings.Contains(err.Error(), "1980") {
		t.Errorf("error leaks the name: %v", err)
	}
	o.Names = hipaa.Names{{Field: "s3.key", Name: "2024/06/01/batch-7.parquet"}}
	if err := p.Guard(context.Background(), o, okFn(0)); err != nil {
		t.Errorf("clean key refused: %v", err)
	}
}
