package hipaa_test

import (
	"context"
	"crypto/fips140"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/smithy-go"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/phi"
)

// The tests below take the clauses of the event rule (doc.go, "The event
// rule") one at a time.

// phiName is a name any working detector must flag (an SSN with a label).
const phiName = "patient-ssn-219-09-9999"

// sink keeps events, and fails from call failAt on (1-based) when fail is
// set.
type sink struct {
	mu     sync.Mutex
	calls  int
	events []hipaa.Event
	fail   error
	failAt int
}

func (s *sink) Audit(_ context.Context, e hipaa.Event) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if s.fail != nil && s.calls >= s.failAt {
		return s.fail
	}
	s.events = append(s.events, e)
	return nil
}

func (s *sink) Events() []hipaa.Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]hipaa.Event(nil), s.events...)
}

var errDown = errors.New("sink is down")

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
		for _, s := range []string{phiName, "219-09-9999", "9999"} {
			if strings.Contains(string(b), s) {
				t.Errorf("event holds %q: %s", s, b)
			}
		}
	}
}

// needDetector fails the test unless the detector flags phiName: the
// assertions that follow mean nothing without.
func needDetector(t *testing.T) {
	t.Helper()
	for _, f := range phi.Default().Scan(phiName) {
		if f.Confidence >= phi.DefaultMinConfidence {
			return
		}
	}
	t.Fatal("the PHI detector does not flag the labelled SSN test name")
}

// Clause 1: checks and refusal before any I/O. A PHI finding in a name, in
// the event's own actor, resource or detail, or a caller's Refuse reason,
// refuses the operation: one refused event (field and category, never the
// value), no attempt, the work does not run.
func TestRuleRefusalBeforeIO(t *testing.T) {
	needDetector(t)
	weakDSN := fmt.Errorf("%w: sslmode=require does not verify the server", hipaa.ErrInsecureTransport)
	for _, tc := range []struct {
		name   string
		ctx    context.Context
		mutate func(*hipaa.Operation)
		field  string
		class  string
	}{
		{"name", context.Background(), func(o *hipaa.Operation) { o.Names = []hipaa.Name{{Field: "s3.key", Value: phiName}} }, "s3.key", "phi-in-name"},
		{"resource", context.Background(), func(o *hipaa.Operation) { o.Resource = "arn:aws:s3:::bucket/" + phiName }, "audit.resource", "phi-in-name"},
		{"detail", context.Background(), func(o *hipaa.Operation) { o.Detail = phiName }, "audit.detail", "phi-in-name"},
		{"actor", hipaa.WithActor(context.Background(), phiName), func(*hipaa.Operation) {}, "audit.actor", "phi-in-name"},
		{"caller's refusal", context.Background(), func(o *hipaa.Operation) { o.Refuse = weakDSN }, "", "insecure-transport"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &sink{}
			p := &hipaa.Policy{Auditor: s}
			o := op("s3.PutObject")
			tc.mutate(&o)
			ran := false
			err := p.Guard(tc.ctx, o, func(context.Context) (int64, error) { ran = true; return 0, nil })
			if err == nil || ran {
				t.Fatalf("Guard = %v, ran %v", err, ran)
			}
			ev := s.Events()
			if len(ev) != 1 || ev[0].Outcome != hipaa.OutcomeRefused || ev[0].Reason != tc.class {
				t.Fatalf("events %+v", ev)
			}
			if tc.field != "" {
				var pe *hipaa.PHIError
				if !errors.As(err, &pe) || pe.Field != tc.field || !errors.Is(err, hipaa.ErrPHIInName) {
					t.Fatalf("err %v", err)
				}
				if !strings.HasPrefix(ev[0].Detail, "field="+tc.field+" category=") {
					t.Fatalf("detail %q", ev[0].Detail)
				}
			} else if !errors.Is(err, weakDSN) {
				t.Fatalf("err %v", err)
			}
			if strings.Contains(err.Error(), "219-09") {
				t.Fatalf("error holds the value: %v", err)
			}
			noPHI(t, ev)
			// Begin refuses the same way and returns no Op.
			s2 := &sink{}
			ctx, o2, err := (&hipaa.Policy{Auditor: s2}).Begin(tc.ctx, o)
			if err == nil || o2 != nil || ctx == nil || len(s2.Events()) != 1 {
				t.Fatalf("Begin = %v, %v, %d events", o2, err, len(s2.Events()))
			}
		})
	}
	// A caller's refusal keeps its value-free detail, and still records no
	// field that fails the check.
	s0 := &sink{}
	o0 := op("rds.Connect")
	o0.Refuse, o0.Detail, o0.Resource = weakDSN, "option=sslmode", "postgres://"+phiName+":5432"
	if _, _, err := (&hipaa.Policy{Auditor: s0}).Begin(context.Background(), o0); !errors.Is(err, weakDSN) {
		t.Fatalf("Begin: %v", err)
	}
	if ev := s0.Events(); len(ev) != 1 || ev[0].Resource != "redacted" || ev[0].Detail != "option=sslmode" {
		t.Fatalf("refusal event %+v", ev)
	}
	noPHI(t, s0.Events())
	// A clean operation is not refused.
	s := &sink{}
	o := op("s3.PutObject")
	o.Names = []hipaa.Name{{Field: "s3.key", Value: "2024/06/01/batch-7.parquet"}}
	if err := (&hipaa.Policy{Auditor: s}).Guard(context.Background(), o, okFn(1)); err != nil {
		t.Fatalf("clean key refused: %v", err)
	}
}

// Clause 2: the attempt is recorded before any I/O; if it cannot be, the
// work does not run and the error wraps ErrAuditFailed and the sink's.
func TestRuleAttemptFailClosed(t *testing.T) {
	s := &sink{fail: errDown, failAt: 1}
	p := &hipaa.Policy{Auditor: s}
	ran := false
	err := p.Guard(context.Background(), op("kms.Decrypt"), func(context.Context) (int64, error) { ran = true; return 0, nil })
	if ran || !errors.Is(err, hipaa.ErrAuditFailed) || !errors.Is(err, errDown) {
		t.Fatalf("ran %v, err %v", ran, err)
	}
	if _, o, err := p.Begin(context.Background(), op("kms.Decrypt")); o != nil || !errors.Is(err, hipaa.ErrAuditFailed) {
		t.Fatalf("Begin: %v, %v", o, err)
	}
}

// Clause 3: exactly one outcome per attempt, success or failed with the
// error's class, never its text; a second End records nothing and is an
// error.
func TestRuleExactlyOneOutcome(t *testing.T) {
	api := &smithy.GenericAPIError{Code: "AccessDeniedException", Message: "user " + phiName + " denied"}
	for _, tc := range []struct {
		err   error
		class string
	}{
		{nil, ""},
		{fmt.Errorf("wrapped: %w", api), "aws:AccessDeniedException"},
		{fmt.Errorf("x: %w", hipaa.ErrTampered), "tampered"},
		{context.Canceled, "canceled"},
		{errors.New("plain error about " + phiName), "error"},
	} {
		s := &sink{}
		p := &hipaa.Policy{Auditor: s}
		ctx, o, err := p.Begin(context.Background(), op("kms.Decrypt"))
		if err != nil {
			t.Fatal(err)
		}
		if got := o.End(hipaa.Result{Bytes: 7, Err: tc.err}); got != tc.err {
			t.Fatalf("End returned %v, want %v", got, tc.err)
		}
		if err := o.End(hipaa.Result{}); !errors.Is(err, hipaa.ErrPolicy) {
			t.Fatalf("second End: %v", err)
		}
		ev := s.Events()
		want := hipaa.OutcomeSuccess
		if tc.err != nil {
			want = hipaa.OutcomeFailed
		}
		if len(ev) != 2 || ev[0].Outcome != hipaa.OutcomeAttempt || ev[1].Outcome != want || ev[1].Reason != tc.class || ev[1].Bytes != 7 {
			t.Fatalf("events %+v", ev)
		}
		noPHI(t, ev)
		_ = ctx
	}
}

// Clause 4: one request id for every event of an operation: the attempt,
// overrides, operations nested in its context, the outcome; distinct ids
// for distinct operations.
func TestRuleOneRequestID(t *testing.T) {
	s := &sink{}
	p := &hipaa.Policy{Auditor: s}
	ctx, o, err := p.Begin(context.Background(), op("envelope.Decrypt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Allow(ctx, "AllowSomething"); err != nil {
		t.Fatal(err)
	}
	if err := p.Guard(ctx, op("envelope.DataKeyCache"), okFn(0)); err != nil {
		t.Fatal(err)
	}
	if err := o.End(hipaa.Result{}); err != nil {
		t.Fatal(err)
	}
	if err := p.Guard(context.Background(), op("other"), okFn(0)); err != nil {
		t.Fatal(err)
	}
	ev := s.Events()
	if len(ev) != 7 {
		t.Fatalf("%d events", len(ev))
	}
	id := ev[0].RequestID
	if len(id) != 32 || strings.Trim(id, "0123456789abcdef") != "" {
		t.Fatalf("request id %q", id)
	}
	for _, e := range ev[:5] {
		if e.RequestID != id {
			t.Fatalf("event %+v has another request id than %s", e, id)
		}
	}
	if ev[5].RequestID == id || ev[5].RequestID != ev[6].RequestID {
		t.Fatalf("second operation's ids: %q %q", ev[5].RequestID, ev[6].RequestID)
	}
}

// Clause 5: a panic in the work is recorded as a failed outcome before the
// panic continues.
func TestRulePanicRecorded(t *testing.T) {
	s := &sink{}
	p := &hipaa.Policy{Auditor: s}
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("panic swallowed")
			}
		}()
		_ = p.Guard(context.Background(), op("x"), func(context.Context) (int64, error) { panic("boom") })
	}()
	ev := s.Events()
	if len(ev) != 2 || ev[1].Outcome != hipaa.OutcomeFailed || ev[1].Reason != "panic" || ev[1].RequestID != ev[0].RequestID {
		t.Fatalf("events %+v", ev)
	}
}

// Clause 6: a lost outcome record is joined to the operation's result.
func TestRuleAuditFailureJoined(t *testing.T) {
	opErr := errors.New("operation failed")
	for _, fnErr := range []error{nil, opErr} {
		s := &sink{fail: errDown, failAt: 2}
		p := &hipaa.Policy{Auditor: s}
		err := p.Guard(context.Background(), op("x"), func(context.Context) (int64, error) { return 0, fnErr })
		if !errors.Is(err, hipaa.ErrAuditFailed) || !errors.Is(err, errDown) || (fnErr != nil && !errors.Is(err, opErr)) {
			t.Fatalf("fn err %v: %v", fnErr, err)
		}
	}
}

// Clause 7: every field of every event passes the detector: a detail in
// End that holds PHI is recorded as "redacted".
func TestRuleOutcomeDetailChecked(t *testing.T) {
	needDetector(t)
	s := &sink{}
	p := &hipaa.Policy{Auditor: s}
	_, o, err := p.Begin(context.Background(), op("rds.Connect"))
	if err != nil {
		t.Fatal(err)
	}
	if err := o.End(hipaa.Result{Detail: "user " + phiName}); err != nil {
		t.Fatal(err)
	}
	ev := s.Events()
	if ev[1].Detail != "redacted" {
		t.Fatalf("detail %q", ev[1].Detail)
	}
	noPHI(t, ev)
	_, o, _ = p.Begin(context.Background(), op("rds.Connect"))
	_ = o.End(hipaa.Result{Detail: "tls=TLSv1.3 cipher=TLS_AES_128_GCM_SHA256"})
	if ev := s.Events(); ev[3].Detail != "tls=TLSv1.3 cipher=TLS_AES_128_GCM_SHA256" {
		t.Fatalf("clean detail %q", ev[3].Detail)
	}
}

// Clause 8: named loosenings are recorded: AllowPHIInNames lets a finding
// of its category through with an override event (and refuses others);
// Allow within an operation; Adopt at construction, for the policy's own
// loosenings and the client's; each fails closed.
func TestRuleOverrides(t *testing.T) {
	needDetector(t)
	cats := map[phi.Category]bool{}
	for _, f := range phi.Default().Scan(phiName) {
		if f.Confidence >= phi.DefaultMinConfidence {
			cats[f.Category] = true
		}
	}
	var allowed []phi.Category
	for c := range cats {
		allowed = append(allowed, c)
	}
	s := &sink{}
	p := &hipaa.Policy{Auditor: s, AllowPHIInNames: allowed}
	o := op("s3.PutObject")
	o.Names = []hipaa.Name{{Field: "s3.key", Value: phiName}}
	if err := p.Guard(context.Background(), o, okFn(0)); err != nil {
		t.Fatalf("allowed categories refused: %v", err)
	}
	ev := s.Events()
	if len(ev) != len(allowed)+2 || ev[0].Outcome != hipaa.OutcomeOverride || !strings.HasPrefix(ev[0].Detail, "AllowPHIInNames field=s3.key category=") {
		t.Fatalf("events %+v", ev)
	}
	noPHI(t, ev)

	// Allow outside an operation is refused; within one it records.
	if err := p.Allow(context.Background(), "AllowX"); !errors.Is(err, hipaa.ErrPolicy) {
		t.Fatalf("Allow outside an operation: %v", err)
	}
	// Adopt records the policy's loosenings and the client's weakenings.
	s2 := &sink{}
	p2 := &hipaa.Policy{Auditor: s2, AllowPHIInNames: []phi.Category{phi.CategoryName},
		Detector: phi.New(phi.WithAllowWords("synthetic"))}
	if err := p2.Adopt(context.Background(), "test.New", "AllowWeakThing"); err != nil {
		t.Fatal(err)
	}
	var details []string
	for _, e := range s2.Events() {
		if e.Outcome != hipaa.OutcomeOverride || e.Action != "test.New" {
			t.Fatalf("event %+v", e)
		}
		details = append(details, e.Detail)
	}
	if want := "[AllowPHIInNames category=name Detector WithAllowWords AllowWeakThing]"; fmt.Sprint(details) != want {
		t.Fatalf("Adopt recorded %v, want %s", details, want)
	}
	s2.fail, s2.failAt = errDown, 1
	if err := p2.Adopt(context.Background(), "test.New"); !errors.Is(err, hipaa.ErrAuditFailed) {
		t.Fatalf("Adopt with a failing sink: %v", err)
	}
	// The strict policy records nothing.
	s3 := &sink{}
	if err := (&hipaa.Policy{Auditor: s3}).Adopt(context.Background(), "test.New"); err != nil || len(s3.Events()) != 0 {
		t.Fatalf("strict Adopt: %v, %d events", err, len(s3.Events()))
	}
}

// Clause 9: an unusable policy or a nil input is a typed error, never a
// panic, and nothing runs.
func TestRuleUnusablePolicyAndNils(t *testing.T) {
	for name, p := range map[string]*hipaa.Policy{
		"nil policy":            nil,
		"no auditor":            {},
		"negative threshold":    {Auditor: &sink{}, MinConfidence: -0.1},
		"threshold above 0.5":   {Auditor: &sink{}, MinConfidence: 1},
		"StrictFIPS without it": {Auditor: &sink{}, StrictFIPS: !fips140.Enabled()},
	} {
		if name == "StrictFIPS without it" && fips140.Enabled() {
			continue
		}
		ran := false
		if err := p.Guard(context.Background(), op("x"), func(context.Context) (int64, error) { ran = true; return 0, nil }); !errors.Is(err, hipaa.ErrPolicy) || ran {
			t.Errorf("%s: Guard = %v", name, err)
		}
		if _, o, err := p.Begin(context.Background(), op("x")); !errors.Is(err, hipaa.ErrPolicy) || o != nil {
			t.Errorf("%s: Begin = %v", name, err)
		}
		if err := p.Adopt(context.Background(), "x"); !errors.Is(err, hipaa.ErrPolicy) {
			t.Errorf("%s: Adopt = %v", name, err)
		}
	}
	s := &sink{}
	p := &hipaa.Policy{Auditor: s}
	if err := p.Guard(context.Background(), op("x"), nil); !errors.Is(err, hipaa.ErrPolicy) || len(s.Events()) != 0 {
		t.Fatalf("nil fn: %v, %d events", err, len(s.Events()))
	}
	//lint:ignore SA1012 a nil context is the input under test
	if _, _, err := p.Begin(nil, op("x")); !errors.Is(err, hipaa.ErrPolicy) { //nolint:staticcheck
		t.Fatalf("nil context: %v", err)
	}
	var o *hipaa.Op
	if err := o.End(hipaa.Result{}); !errors.Is(err, hipaa.ErrPolicy) {
		t.Fatalf("End on nil Op: %v", err)
	}
}

// An Op may be ended from another goroutine than the one that began it,
// and concurrent operations keep their events apart.
func TestRuleConcurrentOperations(t *testing.T) {
	s := &sink{}
	p := &hipaa.Policy{Auditor: s}
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		_, o, err := p.Begin(context.Background(), op(fmt.Sprintf("op-%02d", i)))
		if err != nil {
			t.Fatal(err)
		}
		go func() {
			defer wg.Done()
			_ = o.End(hipaa.Result{Bytes: int64(i)})
		}()
	}
	wg.Wait()
	per := map[string][]hipaa.Outcome{}
	for _, e := range s.Events() {
		per[e.RequestID] = append(per[e.RequestID], e.Outcome)
	}
	if len(per) != 64 {
		t.Fatalf("%d request ids", len(per))
	}
	for id, outs := range per {
		if len(outs) != 2 || outs[0] != hipaa.OutcomeAttempt || outs[1] != hipaa.OutcomeSuccess {
			t.Fatalf("%s: %v", id, outs)
		}
	}
}
