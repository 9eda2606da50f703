package hipaa

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"
)

// Operation describes one operation: what Begin checks before it runs,
// and what its audit events say.
type Operation struct {
	// Action is what is done, a constant of the calling package:
	// "s3.PutObject", "envelope.Decrypt", "rds.Connect".
	Action string
	// Resource is what it is done to: an ARN or an opaque identifier.
	// It is checked for PHI like Names.
	Resource string
	// KeyID is the KMS key used, when one is.
	KeyID string
	// Detail is a value-free detail for the attempt event (a suite id, an
	// option name). It is checked for PHI like Names.
	Detail string
	// Names are the names the operation would send or store in clear (an
	// S3 key, an encryption context), checked for PHI before anything
	// runs.
	Names []Name
	// Refuse, when not nil, is a reason the caller found to refuse the
	// operation before any I/O (a DSN that would not verify TLS, say):
	// Begin records the refusal and returns it.
	Refuse error
}

// Name is a name an operation would send or store in clear, and the field
// it is used as ("s3.key", "encryption-context", "subject").
type Name struct {
	Field string
	Value string
}

// Result is how an operation ended, for Op.End.
type Result struct {
	// Bytes is the payload size handled, when meaningful.
	Bytes int64
	// Detail is a value-free detail for the outcome event (a negotiated
	// TLS version, a count of findings). It is checked for PHI; a detail
	// that fails the check is recorded as "redacted".
	Detail string
	// Err is the operation's error; nil means success.
	Err error
}

// Op is an operation begun with Policy.Begin: its attempt is recorded, and
// End records its one outcome. An Op may be ended from another goroutine
// than the one that began it (a stream, a driver callback).
type Op struct {
	p    *Policy
	ctx  requestIDCtx // the operation's context, allocated with it
	base Event
	done atomic.Bool
}

// Begin starts an operation under the policy's event rule (see the
// package documentation, "The event rule"):
//
//  1. every name in o.Names, and the events' own Actor (from WithActor),
//     Resource and Detail, is checked with the policy's detector; a
//     finding, or o.Refuse, refuses the operation: the refusal is
//     recorded and returned, and nothing else happens;
//  2. the attempt is recorded; if it cannot be, Begin returns an error
//     wrapping ErrAuditFailed and the operation must not run (fail
//     closed).
//
// On success it returns a context carrying the operation's request id
// (pass it to the work, so that events recorded within, such as a
// keyring's own operations or an override, share it) and the Op, whose
// End must be called exactly once.
func (p *Policy) Begin(ctx context.Context, o Operation) (context.Context, *Op, error) {
	if err := p.validate(); err != nil {
		return ctx, nil, err
	}
	if ctx == nil {
		return ctx, nil, fmt.Errorf("%w: nil context", ErrPolicy)
	}
	op := &Op{p: p, base: Event{Action: o.Action, Resource: o.Resource, KeyID: o.KeyID, Actor: actorFrom(ctx), RequestID: requestID(ctx)}}
	op.ctx = requestIDCtx{Context: ctx, id: op.base.RequestID, op: op}
	ctx = &op.ctx
	found := op.check(o)
	refuse := o.Refuse
	if refuse == nil {
		refuse = found
	}
	if refuse != nil {
		// The refusal event holds no field that failed the check (the
		// actor, resource or detail is then "redacted"); a refusal for PHI
		// says which field and category instead of the caller's detail.
		e := op.base
		e.Outcome, e.Reason, e.Detail = OutcomeRefused, errorClass(refuse), o.Detail
		e.Actor, e.Resource, e.Detail = p.clean(e.Actor), p.clean(e.Resource), p.clean(e.Detail)
		var pe *PHIError
		if errors.As(refuse, &pe) && len(pe.Findings) > 0 {
			e.Detail = fmt.Sprintf("field=%s category=%s", pe.Field, pe.Findings[0].Category)
		}
		op.done.Store(true)
		if aerr := p.record(ctx, e); aerr != nil {
			return ctx, nil, joinAudit(refuse, "refusal", o.Action, aerr)
		}
		return ctx, nil, refuse
	}
	e := op.base
	e.Outcome, e.Detail = OutcomeAttempt, o.Detail
	if err := p.record(ctx, e); err != nil {
		return ctx, nil, &auditError{phase: "attempt", action: o.Action, err: err}
	}
	return ctx, op, nil
}

// Field names PHIError uses for PHI found in the events' own fields.
const (
	fieldActor    = "audit.actor"
	fieldResource = "audit.resource"
	fieldDetail   = "audit.detail"
	redacted      = "redacted"
)

// check runs the detector over o's names and the event's own fields, and
// records an override event for each finding in a category the policy
// allows.
func (op *Op) check(o Operation) error {
	fields := [...]Name{{fieldActor, op.base.Actor}, {fieldResource, o.Resource}, {fieldDetail, o.Detail}}
	for _, list := range [2][]Name{fields[:], o.Names} {
		for _, n := range list {
			if n.Value == "" {
				continue
			}
			refused, allowed := op.p.scan(n.Value)
			if len(refused) > 0 {
				return &PHIError{Field: n.Field, Findings: refused}
			}
			for _, c := range allowed {
				if err := op.override(fmt.Sprintf("AllowPHIInNames field=%s category=%s", n.Field, c), "phi-in-name"); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// clean returns s, or "redacted" if the detector refuses it.
func (p *Policy) clean(s string) string {
	if s == "" {
		return s
	}
	if refused, _ := p.scan(s); len(refused) > 0 {
		return redacted
	}
	return s
}

// End records the operation's one outcome: success, or failed with the
// error's class (never its text), with r.Bytes and r.Detail. It returns
// r.Err, joined with an error wrapping ErrAuditFailed if the record could
// not be written. A second End records nothing and returns r.Err joined
// with an error wrapping ErrPolicy.
func (op *Op) End(r Result) error {
	if op == nil {
		return errors.Join(r.Err, fmt.Errorf("%w: End on a nil Op", ErrPolicy))
	}
	if op.done.Swap(true) {
		return errors.Join(r.Err, fmt.Errorf("%w: %s ended twice", ErrPolicy, op.base.Action))
	}
	e := op.base
	e.Bytes, e.Detail = r.Bytes, op.p.clean(r.Detail)
	e.Outcome = OutcomeSuccess
	if r.Err != nil {
		e.Outcome, e.Reason = OutcomeFailed, errorClass(r.Err)
	}
	if aerr := op.p.record(&op.ctx, e); aerr != nil {
		return joinAudit(r.Err, "outcome", e.Action, aerr)
	}
	return r.Err
}

// Allow records that a named loosening let the operation ctx belongs to
// (ctx from Begin or Guard) do what it otherwise would not (an
// OutcomeOverride event whose Detail is option, a constant such as
// "AllowUnverifiedStreaming"), with the operation's request id. If it
// returns an error (wrapping ErrAuditFailed, or ErrPolicy outside an
// operation), the caller must not do what the option allows.
func (p *Policy) Allow(ctx context.Context, option string) error {
	c, ok := ctx.Value(requestIDKey).(*requestIDCtx)
	if !ok || c.op == nil || c.op.p != p {
		return fmt.Errorf("%w: Allow(%s) outside an operation of this policy", ErrPolicy, option)
	}
	return c.op.override(option, "")
}

func (op *Op) override(detail, reason string) error {
	e := op.base
	e.Outcome, e.Reason, e.Detail = OutcomeOverride, reason, detail
	if err := op.p.record(&op.ctx, e); err != nil {
		return &auditError{phase: "override", action: e.Action, err: err}
	}
	return nil
}

// Guard runs fn as one operation: Begin, then fn with Begin's context,
// then End with fn's byte count and error. If fn panics, a failed outcome
// with Reason "panic" is recorded before the panic continues. A nil fn is
// refused before anything is recorded.
func (p *Policy) Guard(ctx context.Context, o Operation, fn func(ctx context.Context) (bytes int64, err error)) error {
	if fn == nil {
		return fmt.Errorf("%w: Guard with a nil function", ErrPolicy)
	}
	ctx, op, err := p.Begin(ctx, o)
	if err != nil {
		return err
	}
	completed := false
	defer func() {
		if !completed && !op.done.Swap(true) {
			e := op.base
			e.Outcome, e.Reason = OutcomeFailed, "panic"
			_ = p.record(&op.ctx, e)
		}
	}()
	n, err := fn(ctx)
	completed = true
	return op.End(Result{Bytes: n, Err: err})
}

// Adopt is called by every constructor that takes the policy (a client, a
// connection pool, an AWS config): it validates the policy, then records
// one OutcomeOverride event (Action client, Detail the weakening's name)
// for each named weakening in force: the policy's own (AllowPHIInNames,
// a detector made looser) and weakenings, the client's options that give
// something up (for example "AllowUnverifiedStreaming"). It returns an
// error wrapping ErrPolicy for an unusable policy, or ErrAuditFailed when
// a record cannot be written; the constructor then fails.
func (p *Policy) Adopt(ctx context.Context, client string, weakenings ...string) error {
	if err := p.validate(); err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx = withRequestID(ctx, requestID(ctx))
	all := append(p.loosenings(), weakenings...)
	for _, w := range all {
		e := Event{Action: client, Outcome: OutcomeOverride, Detail: w, Actor: actorFrom(ctx)}
		if err := p.record(ctx, e); err != nil {
			return &auditError{phase: "override", action: client, err: err}
		}
	}
	return nil
}

// record fills in the time and request id and writes e.
func (p *Policy) record(ctx context.Context, e Event) error {
	if e.Time.IsZero() {
		e.Time = time.Now().UTC()
	}
	if e.RequestID == "" {
		e.RequestID = requestID(ctx)
	}
	return p.Auditor.Audit(ctx, e)
}

// auditError reports that an audit sink failed: in which phase (the
// attempt: the operation did not run; the outcome; a refusal; an
// override). errors.Is(err, ErrAuditFailed) holds, and errors.Is/As also
// reach the sink's own error.
type auditError struct {
	phase, action string
	err           error
}

func (e *auditError) Error() string {
	return fmt.Sprintf("hipaa: audit record could not be written (%s %s): %v", e.phase, e.action, e.err)
}

func (e *auditError) Unwrap() []error { return []error{ErrAuditFailed, e.err} }

func joinAudit(err error, phase, action string, aerr error) error {
	ae := &auditError{phase: phase, action: action, err: aerr}
	if err == nil {
		return ae
	}
	return &joined{err, ae}
}

// joined keeps the operation's error first in the message and lets
// errors.Is reach both.
type joined struct {
	err  error
	aerr *auditError
}

func (j *joined) Error() string   { return j.err.Error() + "; " + j.aerr.Error() }
func (j *joined) Unwrap() []error { return []error{j.err, j.aerr} }
