package auditlog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sync"

	"github.com/phisafe/phisafe/hipaa"
)

// NewJSON returns a hipaa.Auditor that writes each event to w as one
// line of JSON (the Event's own encoding followed by '\n'), with a single
// Write call per event, and returns the writer's error, so that a failed
// write fails the operation. It does not sync and adds no chain: give it
// a writer whose Write returning nil is durable enough, or use a Log.
// The Auditor is safe for concurrent use; writes are serialized. A nil w
// is refused with an error wrapping hipaa.ErrPolicy.
func NewJSON(w io.Writer) (hipaa.Auditor, error) {
	if w == nil {
		return nil, misuse("nil io.Writer for audit")
	}
	return &jsonAuditor{w: w}, nil
}

type jsonAuditor struct {
	mu sync.Mutex
	w  io.Writer
}

func (a *jsonAuditor) Audit(_ context.Context, e hipaa.Event) error {
	b, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("auditlog: json: encoding event: %w", err)
	}
	b = append(b, '\n')
	a.mu.Lock()
	defer a.mu.Unlock()
	n, err := a.w.Write(b)
	if err == nil && n != len(b) {
		err = io.ErrShortWrite
	}
	if err != nil {
		return fmt.Errorf("auditlog: json: write: %w", err)
	}
	return nil
}

// NewSlog returns a hipaa.Auditor that writes each event as one log/slog
// record with the message "audit". The record's time is the event's
// Time, and its attributes carry the other fields under the names of
// Event's JSON tags ("actor", "action", "resource", "outcome", "reason",
// "request_id", "bytes", "key_id", "detail"); like the JSON encoding,
// empty optional fields are left out, while "action" and "outcome" are
// always present. Nothing else is added. Attempts and successes are
// logged at slog.LevelInfo; refusals, failures and overrides (a named
// loosening of the policy) at slog.LevelWarn.
//
// NewSlog refuses a nil logger, and a logger that would discard Info
// records, with an error wrapping hipaa.ErrPolicy. A handler that stops
// being enabled for a level later makes Audit fail rather than drop the
// record.
//
// Fail-closed caveat: Audit calls the handler's Handle method directly
// and returns its error, so with slog.NewJSONHandler or
// slog.NewTextHandler a failed write to the underlying io.Writer does
// fail the operation. Many other handlers buffer, ship asynchronously or
// drop records and return nil anyway; with those, a nil error does not
// mean the record was stored. Where the audit trail must be durable, use
// a Log (alone, or with this Auditor in Multi).
func NewSlog(l *slog.Logger) (hipaa.Auditor, error) {
	if l == nil || l.Handler() == nil {
		return nil, misuse("nil slog.Logger for audit")
	}
	h := l.Handler()
	if !h.Enabled(context.Background(), slog.LevelInfo) {
		return nil, misuse("slog.Logger for audit discards Info records")
	}
	return &slogAuditor{h: h}, nil
}

type slogAuditor struct {
	h slog.Handler
}

// slogLevel is the slog level for an outcome.
func slogLevel(o hipaa.Outcome) slog.Level {
	switch o {
	case hipaa.OutcomeRefused, hipaa.OutcomeFailed, hipaa.OutcomeOverride:
		return slog.LevelWarn
	}
	return slog.LevelInfo
}

func (a *slogAuditor) Audit(ctx context.Context, e hipaa.Event) error {
	level := slogLevel(e.Outcome)
	if !a.h.Enabled(ctx, level) {
		return misuse("slog handler for audit is not enabled for level %s", level)
	}
	r := slog.NewRecord(e.Time, level, "audit", 0)
	r.AddAttrs(eventAttrs(e)...)
	if err := a.h.Handle(ctx, r); err != nil {
		return fmt.Errorf("auditlog: slog handler: %w", err)
	}
	return nil
}

func eventAttrs(e hipaa.Event) []slog.Attr {
	attrs := make([]slog.Attr, 0, 9)
	str := func(k, v string) {
		if v != "" {
			attrs = append(attrs, slog.String(k, v))
		}
	}
	str("actor", e.Actor)
	attrs = append(attrs, slog.String("action", e.Action))
	str("resource", e.Resource)
	attrs = append(attrs, slog.String("outcome", string(e.Outcome)))
	str("reason", e.Reason)
	str("request_id", e.RequestID)
	if e.Bytes != 0 {
		attrs = append(attrs, slog.Int64("bytes", e.Bytes))
	}
	str("key_id", e.KeyID)
	str("detail", e.Detail)
	return attrs
}

// Multi returns a hipaa.Auditor that writes each event to every one of
// as, in order, and fails if any of them fails (fail closed): the error
// joins every sink's error, each marked with the sink's index. A failure
// does not stop the event from being offered to the remaining sinks, so
// one broken sink does not also cost the others their record. The
// arguments are copied.
//
// With no sinks, or with a nil sink, every Audit fails with an error
// wrapping hipaa.ErrPolicy rather than silently record nothing.
func Multi(as ...hipaa.Auditor) hipaa.Auditor {
	return multiAuditor(slices.Clone(as))
}

type multiAuditor []hipaa.Auditor

func (m multiAuditor) Audit(ctx context.Context, e hipaa.Event) error {
	if len(m) == 0 {
		return misuse("Multi has no auditors")
	}
	var errs []error
	for i, a := range m {
		if a == nil {
			errs = append(errs, misuse("Multi auditor %d is nil", i))
			continue
		}
		if err := a.Audit(ctx, e); err != nil {
			errs = append(errs, fmt.Errorf("auditlog: sink %d: %w", i, err))
		}
	}
	return errors.Join(errs...)
}
