package hipaa

import (
	"context"
	"crypto/fips140"
	"fmt"
	"slices"
	"time"

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
	// counts. Zero means phi.DefaultMinConfidence.
	MinConfidence float64

	// AllowPHIInNames lists categories whose findings do not refuse the
	// operation. Each such pass is recorded as an OutcomeOverride event
	// naming the category. Empty (the default) refuses every category.
	AllowPHIInNames []phi.Category

	// StrictFIPS requires the Go FIPS 140-3 module to be enabled
	// (GODEBUG=fips140=on or GOFIPS140 at build time), restricts TLS to
	// what that mode allows, and makes LoadAWSConfig use FIPS endpoints.
	// Validate fails when StrictFIPS is set and the module is not enabled.
	StrictFIPS bool
}

// Validate reports whether p is usable: an Auditor is set, the threshold
// is in range, and StrictFIPS holds if asked for. Every constructor calls
// it.
func (p *Policy) Validate() error {
	if p == nil {
		return fmt.Errorf("%w: nil policy", ErrPolicy)
	}
	if p.Auditor == nil {
		return fmt.Errorf("%w: policy has no Auditor (audit is mandatory)", ErrPolicy)
	}
	if p.MinConfidence < 0 || p.MinConfidence > 1 {
		return fmt.Errorf("%w: MinConfidence must be in [0, 1]", ErrPolicy)
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

// CheckName scans name, used as field, with the policy's detector. It
// returns nil when no finding reaches the threshold, or when every such
// finding is in a category the policy allows (each allowed finding is then
// recorded as an OutcomeOverride event for action; if that record cannot
// be written the check fails with ErrAuditFailed). Otherwise it returns a
// *PHIError. The name is never copied into the error or the audit event.
func (p *Policy) CheckName(ctx context.Context, action, field, name string) error {
	if err := p.Validate(); err != nil {
		return err
	}
	var refused, allowed []phi.Finding
	for _, f := range p.detector().Scan(name) {
		if f.Confidence < p.threshold() {
			continue
		}
		if slices.Contains(p.AllowPHIInNames, f.Category) {
			allowed = append(allowed, f)
		} else {
			refused = append(refused, f)
		}
	}
	if len(refused) > 0 {
		return &PHIError{Field: field, Findings: refused}
	}
	for _, f := range allowed {
		e := Event{Action: action, Outcome: OutcomeOverride, Reason: "phi-in-name",
			Detail: fmt.Sprintf("AllowPHIInNames field=%s category=%s", field, f.Category)}
		if err := p.record(ctx, e); err != nil {
			return &AuditError{Phase: "override", Action: action, Err: err}
		}
	}
	return nil
}

// Names is a list of (field, name) pairs for Guard to check.
type Names []NameField

// NameField is a name that an operation would send or store in clear, and
// the field it is used as.
type NameField struct {
	Field string
	Name  string
}

// Operation describes one guarded operation for its audit events.
type Operation struct {
	Action   string // "s3.PutObject", ...
	Resource string // identifier only; never a PHI-bearing name
	KeyID    string // KMS key, when one is used
	Names    Names  // names checked for PHI before anything runs
}

// Guard is the choke point every phisafe operation passes through:
//
//  1. every name in op.Names is checked for PHI; a finding refuses the
//     operation before any I/O, and the refusal is audited;
//  2. an OutcomeAttempt event is recorded; if it cannot be, fn never runs
//     and Guard returns an error wrapping ErrAuditFailed (fail closed);
//  3. fn runs and returns the number of payload bytes it handled (0 when
//     not meaningful) and its error;
//  4. the outcome (success or failed, with the error's class, never its
//     text) is recorded. If that record fails, fn's result is returned
//     joined with an *AuditError. If fn panics, a failed event with
//     Reason "panic" is recorded before the panic continues.
func (p *Policy) Guard(ctx context.Context, op Operation, fn func(ctx context.Context) (bytes int64, err error)) error {
	if err := p.Validate(); err != nil {
		return err
	}
	rid := RequestID(ctx)
	ctx = WithRequestID(ctx, rid)
	base := Event{Action: op.Action, Resource: op.Resource, KeyID: op.KeyID, RequestID: rid}

	for _, n := range op.Names {
		if err := p.CheckName(ctx, op.Action, n.Field, n.Name); err != nil {
			e := base
			e.Outcome, e.Reason = OutcomeRefused, ErrorClass(err)
			if pe, ok := err.(*PHIError); ok && len(pe.Findings) > 0 {
				e.Detail = fmt.Sprintf("field=%s category=%s", pe.Field, pe.Findings[0].Category)
			}
			if aerr := p.record(ctx, e); aerr != nil {
				return joinAudit(err, &AuditError{Phase: "refusal", Action: op.Action, Err: aerr})
			}
			return err
		}
	}

	begin := base
	begin.Outcome = OutcomeAttempt
	if err := p.record(ctx, begin); err != nil {
		return &AuditError{Phase: "begin", Action: op.Action, Err: err}
	}

	// If fn panics (or calls runtime.Goexit), the attempt still gets an
	// outcome record; the panic then continues unchanged.
	completed := false
	defer func() {
		if !completed {
			e := base
			e.Outcome, e.Reason = OutcomeFailed, "panic"
			_ = p.record(ctx, e)
		}
	}()
	n, err := fn(ctx)
	completed = true

	end := base
	end.Bytes = n
	if err != nil {
		end.Outcome, end.Reason = OutcomeFailed, ErrorClass(err)
	} else {
		end.Outcome = OutcomeSuccess
	}
	if aerr := p.record(ctx, end); aerr != nil {
		return joinAudit(err, &AuditError{Phase: "end", Action: op.Action, Err: aerr})
	}
	return err
}

// Record writes a single event through the policy's auditor, filling in
// the time, actor and request id when empty. Wrappers use it for events
// that are not a Guard'ed operation (a refused connection, a posture
// finding).
func (p *Policy) Record(ctx context.Context, e Event) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if err := p.record(ctx, e); err != nil {
		return &AuditError{Phase: string(e.Outcome), Action: e.Action, Err: err}
	}
	return nil
}

func (p *Policy) record(ctx context.Context, e Event) error {
	if e.Time.IsZero() {
		e.Time = time.Now().UTC()
	}
	if e.Actor == "" {
		e.Actor = ActorFrom(ctx)
	}
	if e.RequestID == "" {
		e.RequestID = RequestID(ctx)
	}
	return p.Auditor.Audit(ctx, e)
}

func joinAudit(err error, aerr *AuditError) error {
	if err == nil {
		return aerr
	}
	return &joined{err, aerr}
}

// joined keeps the operation's error first in the message and lets
// errors.Is reach both.
type joined struct {
	err  error
	aerr *AuditError
}

func (j *joined) Error() string   { return j.err.Error() + "; " + j.aerr.Error() }
func (j *joined) Unwrap() []error { return []error{j.err, j.aerr} }
