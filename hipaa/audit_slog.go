package hipaa

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"sync"
)

// SlogAuditor is an Auditor that writes each event as one log/slog record
// with the message "audit". The record's time is the event's Time, and
// its attributes carry the other fields under the names of Event's JSON
// tags ("actor", "action", "resource", "outcome", "reason",
// "request_id", "bytes", "key_id", "detail"); like the JSON encoding,
// empty optional fields are left out, while "action" and "outcome" are
// always present. Nothing else is added. Attempts and successes are
// logged at slog.LevelInfo; refusals, failures and overrides (a named
// loosening of the policy) at slog.LevelWarn.
//
// Fail-closed caveat: SlogAuditor calls the handler's Handle method
// directly and returns its error, so with slog.NewJSONHandler or
// slog.NewTextHandler a failed write to the underlying io.Writer does
// fail the operation. Many other handlers buffer, ship asynchronously or
// drop records and return nil anyway; with those, a nil error does not
// mean the record was stored. Where the audit trail must be durable, use
// AuditLog, or JSONAuditor on a writer that reports its errors. A
// handler that is not enabled for a level makes Audit fail rather than
// drop the record.
type SlogAuditor struct {
	h slog.Handler
}

var _ Auditor = (*SlogAuditor)(nil)

// NewSlogAuditor returns an Auditor that logs events to l. It refuses a
// nil logger, and a logger that would discard Info records, with an error
// wrapping ErrPolicy.
func NewSlogAuditor(l *slog.Logger) (*SlogAuditor, error) {
	if l == nil || l.Handler() == nil {
		return nil, fmt.Errorf("%w: nil slog.Logger for audit", ErrPolicy)
	}
	h := l.Handler()
	if !h.Enabled(context.Background(), slog.LevelInfo) {
		return nil, fmt.Errorf("%w: slog.Logger for audit discards Info records", ErrPolicy)
	}
	return &SlogAuditor{h: h}, nil
}

// auditLevel is the slog level for an outcome.
func auditLevel(o Outcome) slog.Level {
	switch o {
	case OutcomeRefused, OutcomeFailed, OutcomeOverride:
		return slog.LevelWarn
	}
	return slog.LevelInfo
}

// Audit writes e as one slog record and returns the handler's error.
func (a *SlogAuditor) Audit(ctx context.Context, e Event) error {
	if a == nil || a.h == nil {
		return fmt.Errorf("%w: nil SlogAuditor", ErrPolicy)
	}
	level := auditLevel(e.Outcome)
	if !a.h.Enabled(ctx, level) {
		return fmt.Errorf("%w: slog handler for audit is not enabled for level %s", ErrPolicy, level)
	}
	r := slog.NewRecord(e.Time, level, "audit", 0)
	r.AddAttrs(eventAttrs(e)...)
	if err := a.h.Handle(ctx, r); err != nil {
		return fmt.Errorf("hipaa: slog audit handler: %w", err)
	}
	return nil
}

func eventAttrs(e Event) []slog.Attr {
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

// JSONAuditor is an Auditor that writes each event to an io.Writer as one
// line of JSON (the Event's own encoding followed by '\n'), with a single
// Write call per event, and returns the writer's error, so a failed write
// fails the operation. It does not sync: give it a writer whose Write
// returning nil is durable enough, or use AuditLog. It is safe for
// concurrent use; writes are serialized.
type JSONAuditor struct {
	mu sync.Mutex
	w  io.Writer
}

var _ Auditor = (*JSONAuditor)(nil)

// NewJSONAuditor returns an Auditor that writes JSON lines to w. A nil
// writer is refused with an error wrapping ErrPolicy.
func NewJSONAuditor(w io.Writer) (*JSONAuditor, error) {
	if w == nil {
		return nil, fmt.Errorf("%w: nil io.Writer for audit", ErrPolicy)
	}
	return &JSONAuditor{w: w}, nil
}

// Audit writes e as one JSON line.
func (a *JSONAuditor) Audit(_ context.Context, e Event) error {
	if a == nil || a.w == nil {
		return fmt.Errorf("%w: nil JSONAuditor", ErrPolicy)
	}
	b, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("hipaa: json audit: encoding event: %w", err)
	}
	b = append(b, '\n')
	a.mu.Lock()
	defer a.mu.Unlock()
	n, err := a.w.Write(b)
	if err == nil && n != len(b) {
		err = io.ErrShortWrite
	}
	if err != nil {
		return fmt.Errorf("hipaa: json audit: write: %w", err)
	}
	return nil
}
