package hipaa_test

import (
	"bufio"
	"context"
	"crypto/fips140"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/smithy-go"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/phi"
)

// phiName is a name any working detector must flag (an SSN with a label).
const phiName = "patient-ssn-219-09-9999"

// needDetector returns the detector's findings for phiName, and fails the
// test if there are none: the assertions that follow mean nothing without.
func needDetector(t *testing.T) []phi.Finding {
	t.Helper()
	f := phi.Default().Scan(phiName)
	for _, x := range f {
		if x.Confidence >= phi.DefaultMinConfidence {
			return f
		}
	}
	t.Fatal("the PHI detector does not flag the labelled SSN test name")
	return nil
}

func op(action string) hipaa.Operation {
	return hipaa.Operation{Action: action, Resource: "arn:aws:s3:::bucket", KeyID: "alias/phi"}
}

func okFn(n int64) func(context.Context) (int64, error) {
	return func(context.Context) (int64, error) { return n, nil }
}

// noPHI fails if any field of any event holds the PHI name or its digits.
func noPHI(t *testing.T, events []hipaa.Event) {
	t.Helper()
	for _, e := range events {
		// The time and the random request id are not derived from the
		// name and may hold any digits by chance.
		e.Time, e.RequestID = time.Time{}, ""
		b, _ := json.Marshal(e)
		for _, s := range []string{phiName, "219-09-9999", "219", "9999"} {
			if strings.Contains(string(b), s) {
				t.Errorf("event holds %q: %s", s, b)
			}
		}
	}
}

func TestValidate(t *testing.T) {
	var nilP *hipaa.Policy
	for _, tc := range []struct {
		name string
		p    *hipaa.Policy
		ok   bool
	}{
		{"nil policy", nilP, false},
		{"no auditor", &hipaa.Policy{}, false},
		{"negative confidence", &hipaa.Policy{Auditor: &memAuditor{}, MinConfidence: -0.1}, false},
		{"confidence above 1", &hipaa.Policy{Auditor: &memAuditor{}, MinConfidence: 1.1}, false},
		{"strict", &hipaa.Policy{Auditor: &memAuditor{}}, true},
		{"strict FIPS", &hipaa.Policy{Auditor: &memAuditor{}, StrictFIPS: true}, fips140.Enabled()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.p.Validate()
			if tc.ok != (err == nil) {
				t.Fatalf("Validate = %v", err)
			}
			if err != nil && !errors.Is(err, hipaa.ErrPolicy) {
				t.Fatalf("err = %v, want ErrPolicy", err)
			}
		})
	}
	// Guard, CheckName and Record refuse an invalid policy without
	// running anything.
	p := &hipaa.Policy{}
	ran := false
	if err := p.Guard(context.Background(), op("t.Op"), func(context.Context) (int64, error) { ran = true; return 0, nil }); !errors.Is(err, hipaa.ErrPolicy) || ran {
		t.Fatalf("Guard without auditor: ran=%v err=%v", ran, err)
	}
	if err := p.CheckName(context.Background(), "t.Op", "s3.key", "x"); !errors.Is(err, hipaa.ErrPolicy) {
		t.Fatalf("CheckName: %v", err)
	}
	if err := p.Record(context.Background(), hipaa.Event{Action: "x"}); !errors.Is(err, hipaa.ErrPolicy) {
		t.Fatalf("Record: %v", err)
	}
}

func TestGuardBeginFailureBlocks(t *testing.T) {
	m := &memAuditor{fail: errSink}
	p := &hipaa.Policy{Auditor: m}
	ran := false
	err := p.Guard(context.Background(), op("s3.PutObject"), func(context.Context) (int64, error) {
		ran = true
		return 0, nil
	})
	if ran {
		t.Fatal("operation ran although its attempt record failed")
	}
	if !errors.Is(err, hipaa.ErrAuditFailed) || !errors.Is(err, errSink) {
		t.Fatalf("err = %v", err)
	}
	var ae *hipaa.AuditError
	if !errors.As(err, &ae) || ae.Phase != "begin" || ae.Action != "s3.PutObject" {
		t.Fatalf("AuditError = %+v", ae)
	}
	if hipaa.ErrorClass(err) != "audit-failed" {
		t.Fatalf("class %q", hipaa.ErrorClass(err))
	}
}

func TestGuardSuccess(t *testing.T) {
	m := &memAuditor{}
	p := &hipaa.Policy{Auditor: m}
	ctx := hipaa.WithActor(context.Background(), "role/app")
	var seenRID string
	err := p.Guard(ctx, op("s3.PutObject"), func(ctx context.Context) (int64, error) {
		// The events so far: the attempt, already recorded.
		if ev := m.Events(); len(ev) != 1 || ev[0].Outcome != hipaa.OutcomeAttempt {
			t.Errorf("before fn: %+v", ev)
		}
		seenRID = ev0(m).RequestID
		return 1234, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ev := m.Events()
	if len(ev) != 2 {
		t.Fatalf("%d events", len(ev))
	}
	a, s := ev[0], ev[1]
	if a.Outcome != hipaa.OutcomeAttempt || s.Outcome != hipaa.OutcomeSuccess {
		t.Fatalf("outcomes %s, %s", a.Outcome, s.Outcome)
	}
	if a.RequestID == "" || a.RequestID != s.RequestID || seenRID != a.RequestID {
		t.Fatalf("request ids %q %q %q", a.RequestID, s.RequestID, seenRID)
	}
	for _, e := range ev {
		if e.Action != "s3.PutObject" || e.Resource != "arn:aws:s3:::bucket" || e.KeyID != "alias/phi" ||
			e.Actor != "role/app" || e.Time.IsZero() || e.Reason != "" {
			t.Errorf("event %+v", e)
		}
	}
	if a.Bytes != 0 || s.Bytes != 1234 {
		t.Errorf("bytes %d, %d", a.Bytes, s.Bytes)
	}

	// A caller-supplied request id is used, and two Guards without one
	// get different ids.
	m2 := &memAuditor{}
	p2 := &hipaa.Policy{Auditor: m2}
	_ = p2.Guard(hipaa.WithRequestID(context.Background(), "rid-1"), op("x"), okFn(0))
	_ = p2.Guard(context.Background(), op("x"), okFn(0))
	_ = p2.Guard(context.Background(), op("x"), okFn(0))
	ev = m2.Events()
	if ev[0].RequestID != "rid-1" || ev[1].RequestID != "rid-1" || ev[2].RequestID == ev[4].RequestID {
		t.Fatalf("request ids: %q %q %q %q", ev[0].RequestID, ev[1].RequestID, ev[2].RequestID, ev[4].RequestID)
	}
}

func ev0(m *memAuditor) hipaa.Event { return m.Events()[0] }

type apiErr struct{ code string }

func (e apiErr) Error() string                 { return "api error " + e.code + ": key patient-jones.pdf" }
func (e apiErr) ErrorCode() string             { return e.code }
func (e apiErr) ErrorMessage() string          { return "" }
func (e apiErr) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

func TestGuardFnFails(t *testing.T) {
	secret := "s3://bucket/patient-jones-dob-1950-01-01.pdf"
	for _, tc := range []struct {
		err   error
		class string
	}{
		{errors.New("open " + secret + ": boom"), "error"},
		{fmt.Errorf("put %s: %w", secret, context.Canceled), "canceled"},
		{fmt.Errorf("wrapped: %w", context.DeadlineExceeded), "timeout"},
		{fmt.Errorf("%w: plain http", hipaa.ErrInsecureTransport), "insecure-transport"},
		{&smithy.OperationError{ServiceID: "S3", OperationName: "PutObject", Err: apiErr{"AccessDenied"}}, "aws:AccessDenied"},
	} {
		t.Run(tc.class, func(t *testing.T) {
			m := &memAuditor{}
			p := &hipaa.Policy{Auditor: m}
			err := p.Guard(context.Background(), op("s3.PutObject"), func(context.Context) (int64, error) { return 7, tc.err })
			if !errors.Is(err, tc.err) || errors.Is(err, hipaa.ErrAuditFailed) {
				t.Fatalf("err = %v", err)
			}
			ev := m.Events()
			if len(ev) != 2 || ev[1].Outcome != hipaa.OutcomeFailed || ev[1].Reason != tc.class || ev[1].RequestID != ev[0].RequestID {
				t.Fatalf("events %+v", ev)
			}
			if ev[1].Reason != hipaa.ErrorClass(tc.err) || ev[1].Bytes != 7 {
				t.Fatalf("event %+v", ev[1])
			}
			for _, e := range ev {
				b, _ := json.Marshal(e)
				if strings.Contains(string(b), "jones") || strings.Contains(string(b), "dob-") {
					t.Fatalf("error text leaked into the event: %s", b)
				}
			}
		})
	}
}

func TestGuardEndFailure(t *testing.T) {
	fnErr := errors.New("operation failed")
	for _, tc := range []struct {
		name  string
		fnErr error
	}{{"fn failed", fnErr}, {"fn succeeded", nil}} {
		t.Run(tc.name, func(t *testing.T) {
			m := &memAuditor{fail: errSink, failAt: 2} // the attempt succeeds, the outcome fails
			p := &hipaa.Policy{Auditor: m}
			ran := false
			err := p.Guard(context.Background(), op("ddb.PutItem"), func(context.Context) (int64, error) {
				ran = true
				return 0, tc.fnErr
			})
			if !ran {
				t.Fatal("fn did not run")
			}
			if !errors.Is(err, hipaa.ErrAuditFailed) || !errors.Is(err, errSink) {
				t.Fatalf("err = %v", err)
			}
			if tc.fnErr != nil {
				if !errors.Is(err, tc.fnErr) || !strings.HasPrefix(err.Error(), tc.fnErr.Error()) {
					t.Fatalf("fn's error not kept first: %v", err)
				}
			}
			var ae *hipaa.AuditError
			if !errors.As(err, &ae) || ae.Phase != "end" || ae.Action != "ddb.PutItem" {
				t.Fatalf("AuditError = %+v", ae)
			}
		})
	}
}

func TestGuardPanicRecordsOutcome(t *testing.T) {
	m := &memAuditor{}
	p := &hipaa.Policy{Auditor: m}
	func() {
		defer func() {
			if r := recover(); r != "boom" {
				t.Fatalf("recovered %v", r)
			}
		}()
		_ = p.Guard(context.Background(), op("x"), func(context.Context) (int64, error) { panic("boom") })
	}()
	ev := m.Events()
	if len(ev) != 2 || ev[1].Outcome != hipaa.OutcomeFailed || ev[1].Reason != "panic" || ev[1].RequestID != ev[0].RequestID {
		t.Fatalf("events %+v", ev)
	}
}

func TestGuardRefusesPHI(t *testing.T) {
	needDetector(t)
	m := &memAuditor{}
	p := &hipaa.Policy{Auditor: m}
	o := op("s3.PutObject")
	o.Names = hipaa.Names{{Field: "s3.key", Name: phiName}}
	ran := false
	err := p.Guard(context.Background(), o, func(context.Context) (int64, error) { ran = true; return 0, nil })
	if ran {
		t.Fatal("operation ran with PHI in its key")
	}
	if !errors.Is(err, hipaa.ErrPHIInName) {
		t.Fatalf("err = %v", err)
	}
	var pe *hipaa.PHIError
	if !errors.As(err, &pe) || pe.Field != "s3.key" || len(pe.Findings) == 0 {
		t.Fatalf("PHIError = %+v", pe)
	}
	if strings.Contains(err.Error(), "219-09") {
		t.Fatalf("error holds the name: %v", err)
	}
	ev := m.Events()
	if len(ev) != 1 || ev[0].Outcome != hipaa.OutcomeRefused || ev[0].Reason != "phi-in-name" ||
		!strings.Contains(ev[0].Detail, "field=s3.key") || !strings.Contains(ev[0].Detail, "category=") {
		t.Fatalf("events %+v", ev)
	}
	noPHI(t, ev)

	// If even the refusal cannot be recorded, both errors are reported.
	p = &hipaa.Policy{Auditor: &memAuditor{fail: errSink}}
	err = p.Guard(context.Background(), o, okFn(0))
	var ae *hipaa.AuditError
	if !errors.Is(err, hipaa.ErrPHIInName) || !errors.As(err, &ae) || ae.Phase != "refusal" {
		t.Fatalf("err = %v", err)
	}
}

func TestGuardAllowedPHIIsOverridden(t *testing.T) {
	findings := needDetector(t)
	var cats []phi.Category
	for _, f := range findings {
		cats = append(cats, f.Category)
	}
	m := &memAuditor{}
	p := &hipaa.Policy{Auditor: m, AllowPHIInNames: cats}
	o := op("s3.PutObject")
	o.Names = hipaa.Names{{Field: "s3.key", Name: phiName}}
	if err := p.Guard(context.Background(), o, okFn(1)); err != nil {
		t.Fatal(err)
	}
	ev := m.Events()
	if len(ev) < 3 || ev[0].Outcome != hipaa.OutcomeOverride || ev[len(ev)-2].Outcome != hipaa.OutcomeAttempt || ev[len(ev)-1].Outcome != hipaa.OutcomeSuccess {
		t.Fatalf("events %+v", ev)
	}
	for _, e := range ev {
		if e.RequestID != ev[0].RequestID {
			t.Fatalf("request ids differ: %+v", ev)
		}
	}
	if !strings.Contains(ev[0].Detail, "AllowPHIInNames") || !strings.Contains(ev[0].Detail, "field=s3.key") {
		t.Fatalf("override detail %q", ev[0].Detail)
	}
	noPHI(t, ev)

	// An override that cannot be recorded refuses.
	p.Auditor = &memAuditor{fail: errSink}
	ran := false
	err := p.Guard(context.Background(), o, func(context.Context) (int64, error) { ran = true; return 0, nil })
	if ran || !errors.Is(err, hipaa.ErrAuditFailed) {
		t.Fatalf("ran=%v err=%v", ran, err)
	}
}

func TestRecord(t *testing.T) {
	m := &memAuditor{}
	p := &hipaa.Policy{Auditor: m}
	ctx := hipaa.WithActor(context.Background(), "svc")
	if err := p.Record(ctx, hipaa.Event{Action: "tls.Handshake", Outcome: hipaa.OutcomeRefused, Reason: "insecure-transport"}); err != nil {
		t.Fatal(err)
	}
	e := m.Events()[0]
	if e.Time.IsZero() || e.Actor != "svc" || e.RequestID == "" || e.Outcome != hipaa.OutcomeRefused {
		t.Fatalf("event %+v", e)
	}
	p.Auditor = &memAuditor{fail: errSink}
	err := p.Record(ctx, hipaa.Event{Action: "tls.Handshake", Outcome: hipaa.OutcomeRefused})
	var ae *hipaa.AuditError
	if !errors.Is(err, hipaa.ErrAuditFailed) || !errors.As(err, &ae) || ae.Phase != "refused" {
		t.Fatalf("err = %v", err)
	}
}

// TestGuardConcurrentAuditLog runs many operations at once through Guard
// into one hash-chained log; the log must verify and hold every record.
func TestGuardConcurrentAuditLog(t *testing.T) {
	const N = 64
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := hipaa.OpenAuditLog(path, hipaa.WithHMACKey(testKey))
	if err != nil {
		t.Fatal(err)
	}
	p := &hipaa.Policy{Auditor: l}
	var wg sync.WaitGroup
	for i := range N {
		wg.Go(func() {
			ctx := hipaa.WithRequestID(context.Background(), fmt.Sprintf("req-%03d", i))
			if err := p.Guard(ctx, op("s3.GetObject"), okFn(int64(i))); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	n, err := hipaa.VerifyAuditLog(path, hipaa.WithHMACKey(testKey))
	if err != nil || n != 2*N {
		t.Fatalf("VerifyAuditLog = %d, %v", n, err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seqs := map[uint64]bool{}
	perRequest := map[string][]hipaa.Outcome{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var line logLine
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		if seqs[line.Seq] {
			t.Fatalf("duplicate seq %d", line.Seq)
		}
		seqs[line.Seq] = true
		perRequest[line.Event.RequestID] = append(perRequest[line.Event.RequestID], line.Event.Outcome)
	}
	if len(seqs) != 2*N || len(perRequest) != N {
		t.Fatalf("%d lines, %d requests", len(seqs), len(perRequest))
	}
	for rid, o := range perRequest {
		if len(o) != 2 || o[0] != hipaa.OutcomeAttempt || o[1] != hipaa.OutcomeSuccess {
			t.Fatalf("%s: %v", rid, o)
		}
	}
}

// TestGuardRequestIDs: generated ids are 32 hex digits and distinct per
// operation; an id set with WithRequestID is kept, and nested contexts
// still see the actor.
func TestGuardRequestIDs(t *testing.T) {
	m := &memAuditor{}
	p := &hipaa.Policy{Auditor: m}
	seen := map[string]bool{}
	for range 1000 {
		if err := p.Guard(context.Background(), op("s3.GetObject"), func(context.Context) (int64, error) { return 0, nil }); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range m.Events() {
		if len(e.RequestID) != 32 || strings.Trim(e.RequestID, "0123456789abcdef") != "" {
			t.Fatalf("request id %q", e.RequestID)
		}
		seen[e.RequestID] = true
	}
	if len(seen) != 1000 {
		t.Fatalf("%d distinct ids for 1000 operations", len(seen))
	}
	m2 := &memAuditor{}
	p2 := &hipaa.Policy{Auditor: m2}
	ctx := hipaa.WithRequestID(hipaa.WithActor(context.Background(), "role/app"), "req-fixed")
	if err := p2.Guard(ctx, op("s3.GetObject"), func(ctx context.Context) (int64, error) {
		if hipaa.ActorFrom(ctx) != "role/app" {
			t.Errorf("actor lost inside Guard")
		}
		return 0, nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, e := range m2.Events() {
		if e.RequestID != "req-fixed" || e.Actor != "role/app" {
			t.Fatalf("event %+v", e)
		}
	}
}
