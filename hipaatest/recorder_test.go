package hipaatest_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
)

var errDown = errors.New("audit sink down")

func guard(p *hipaa.Policy, action string, fnErr error) (ran bool, err error) {
	err = p.Guard(context.Background(), hipaa.Operation{Action: action, Resource: "arn:aws:s3:::b"},
		func(context.Context) (int64, error) { ran = true; return 0, fnErr })
	return ran, err
}

func TestRecorderRecords(t *testing.T) {
	var r hipaatest.Recorder // the zero value works
	p := &hipaa.Policy{Auditor: &r}
	if _, err := guard(p, "s3.PutObject", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := guard(p, "s3.GetObject", errors.New("x")); err == nil {
		t.Fatal("fn error lost")
	}
	if r.Len() != 4 {
		t.Fatalf("Len = %d", r.Len())
	}
	if got, want := r.Actions(), []string{"s3.PutObject", "s3.PutObject", "s3.GetObject", "s3.GetObject"}; !slices.Equal(got, want) {
		t.Fatalf("Actions = %v", got)
	}
	want := []hipaa.Outcome{hipaa.OutcomeAttempt, hipaa.OutcomeSuccess, hipaa.OutcomeAttempt, hipaa.OutcomeFailed}
	if got := r.Outcomes(); !slices.Equal(got, want) {
		t.Fatalf("Outcomes = %v", got)
	}
	failed := r.Filter(func(e hipaa.Event) bool { return e.Outcome == hipaa.OutcomeFailed })
	if len(failed) != 1 || failed[0].Action != "s3.GetObject" || failed[0].Reason != "error" {
		t.Fatalf("Filter = %+v", failed)
	}
	// Events returns a copy.
	ev := r.Events()
	ev[0].Action = "changed"
	if r.Events()[0].Action != "s3.PutObject" {
		t.Fatal("Events aliases the recorder's slice")
	}
	r.Reset()
	if r.Len() != 0 || len(r.Events()) != 0 {
		t.Fatal("Reset kept events")
	}
}

func TestRecorderFailWith(t *testing.T) {
	r := hipaatest.NewRecorder()
	p := &hipaa.Policy{Auditor: r}
	r.FailWith(errDown)
	ran, err := guard(p, "s3.PutObject", nil)
	if ran || !errors.Is(err, hipaa.ErrAuditFailed) || !errors.Is(err, errDown) {
		t.Fatalf("ran=%v err=%v", ran, err)
	}
	if r.Len() != 0 {
		t.Fatal("a failed Audit recorded the event")
	}
	r.FailWith(nil)
	if _, err := guard(p, "s3.PutObject", nil); err != nil {
		t.Fatal(err)
	}
	r.FailWith(errDown)
	r.Reset() // also clears the failure
	if _, err := guard(p, "s3.PutObject", nil); err != nil {
		t.Fatal(err)
	}
}

func TestRecorderFailAfter(t *testing.T) {
	r := hipaatest.NewRecorder()
	p := &hipaa.Policy{Auditor: r}
	r.FailAfter(1, errDown) // the attempt is recorded, the outcome is not
	ran, err := guard(p, "s3.PutObject", nil)
	if !ran || !errors.Is(err, hipaa.ErrAuditFailed) || !errors.Is(err, errDown) {
		t.Fatalf("ran=%v err=%v", ran, err)
	}
	if got := r.Outcomes(); !slices.Equal(got, []hipaa.Outcome{hipaa.OutcomeAttempt}) {
		t.Fatalf("Outcomes = %v", got)
	}
	// It keeps failing.
	if err := r.Audit(context.Background(), hipaa.Event{}); !errors.Is(err, errDown) {
		t.Fatalf("err = %v", err)
	}
	r.FailAfter(-3, errDown) // negative counts as 0
	if err := r.Audit(context.Background(), hipaa.Event{}); !errors.Is(err, errDown) {
		t.Fatalf("err = %v", err)
	}
}

func TestRecorderConcurrent(t *testing.T) {
	r := hipaatest.NewRecorder()
	p := &hipaa.Policy{Auditor: r}
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			if _, err := guard(p, "kms.Decrypt", nil); err != nil {
				t.Error(err)
			}
			_ = r.Events()
			_ = r.Actions()
		})
	}
	wg.Wait()
	if r.Len() != 100 {
		t.Fatalf("Len = %d", r.Len())
	}
}
