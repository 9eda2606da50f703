package auditlog_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/auditlog"
)

var errSink = errors.New("sink is down")

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errSink }

// shortWriter writes only half and reports no error (a broken writer).
type shortWriter struct{}

func (shortWriter) Write(b []byte) (int, error) { return len(b) / 2, nil }

// memAuditor keeps events in memory.
type memAuditor struct {
	mu     sync.Mutex
	events []hipaa.Event
}

func (m *memAuditor) Audit(_ context.Context, e hipaa.Event) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.events = append(m.events, e)
	return nil
}

func (m *memAuditor) Events() []hipaa.Event {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]hipaa.Event(nil), m.events...)
}

// auditorFunc adapts a function to hipaa.Auditor.
type auditorFunc func(context.Context, hipaa.Event) error

func (f auditorFunc) Audit(ctx context.Context, e hipaa.Event) error { return f(ctx, e) }

func TestSlog(t *testing.T) {
	var buf bytes.Buffer
	a, err := auditlog.NewSlog(slog.New(slog.NewJSONHandler(&buf, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	full := hipaa.Event{
		Time: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), Actor: "role/app", Action: "s3.PutObject",
		Resource: "arn:aws:s3:::b", Outcome: hipaa.OutcomeFailed, Reason: "aws:AccessDenied",
		RequestID: "r1", Bytes: 42, KeyID: "alias/k", Detail: "category=ssn",
	}
	minimal := hipaa.Event{Time: full.Time, Action: "kms.Decrypt", Outcome: hipaa.OutcomeSuccess}
	for _, e := range []hipaa.Event{full, minimal, {Time: full.Time, Action: "x", Outcome: hipaa.OutcomeRefused}, {Time: full.Time, Action: "x", Outcome: hipaa.OutcomeOverride}, {Time: full.Time, Action: "x", Outcome: hipaa.OutcomeAttempt}} {
		if err := a.Audit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d records, want 5:\n%s", len(lines), buf.String())
	}
	// The slog record has the same keys and values as the Event's JSON
	// encoding, plus only slog's own "level" and "msg".
	for i, e := range []hipaa.Event{full, minimal} {
		var got map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatal(err)
		}
		if got["msg"] != "audit" {
			t.Errorf("msg = %v", got["msg"])
		}
		delete(got, "msg")
		delete(got, "level")
		b, _ := json.Marshal(e)
		var want map[string]any
		_ = json.Unmarshal(b, &want)
		gb, _ := json.Marshal(got)
		wb, _ := json.Marshal(want)
		if !bytes.Equal(gb, wb) {
			t.Errorf("record %d:\n got %s\nwant %s", i, gb, wb)
		}
	}
	for i, want := range []string{"WARN", "INFO", "WARN", "WARN", "INFO"} {
		var got struct{ Level string }
		_ = json.Unmarshal([]byte(lines[i]), &got)
		if got.Level != want {
			t.Errorf("record %d level %s, want %s", i, got.Level, want)
		}
	}

	// Write errors from the standard handlers reach the caller.
	a, err = auditlog.NewSlog(slog.New(slog.NewTextHandler(failWriter{}, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Audit(ctx, minimal); !errors.Is(err, errSink) {
		t.Errorf("failing writer: %v", err)
	}

	// Nil and Info-discarding loggers are refused.
	if _, err := auditlog.NewSlog(nil); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("nil logger: %v", err)
	}
	warnOnly := slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelWarn}))
	if _, err := auditlog.NewSlog(warnOnly); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("warn-only logger: %v", err)
	}
	// A level raised after construction makes Audit fail, not drop.
	var lv slog.LevelVar
	a, err = auditlog.NewSlog(slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{Level: &lv})))
	if err != nil {
		t.Fatal(err)
	}
	lv.Set(slog.LevelError)
	if err := a.Audit(ctx, minimal); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("disabled level: %v", err)
	}
}

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	a, err := auditlog.NewJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	e := testEvent(3)
	if err := a.Audit(ctx, e); err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(e)
	if got := buf.String(); got != string(want)+"\n" {
		t.Fatalf("got %q, want %q", got, want)
	}
	for _, w := range []io.Writer{failWriter{}, shortWriter{}} {
		a, err := auditlog.NewJSON(w)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Audit(ctx, e); err == nil {
			t.Errorf("%T: no error", w)
		}
	}
	if _, err := auditlog.NewJSON(nil); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("nil writer: %v", err)
	}

	// Concurrent events come out as whole lines.
	buf.Reset()
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			if err := a.Audit(ctx, testEvent(i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	dec := json.NewDecoder(&buf)
	n := 0
	for dec.More() {
		var e hipaa.Event
		if err := dec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 50 {
		t.Fatalf("%d events", n)
	}
}

func TestMulti(t *testing.T) {
	ctx := context.Background()
	e := testEvent(1)
	a, b := &memAuditor{}, &memAuditor{}
	if err := auditlog.Multi(a, b).Audit(ctx, e); err != nil {
		t.Fatal(err)
	}
	if len(a.Events()) != 1 || len(b.Events()) != 1 || a.Events()[0] != e {
		t.Fatal("event not delivered to every sink")
	}

	// One failing sink fails the whole, and the others still get it.
	bad := auditorFunc(func(context.Context, hipaa.Event) error { return errSink })
	c := &memAuditor{}
	err := auditlog.Multi(bad, c).Audit(ctx, e)
	if !errors.Is(err, errSink) {
		t.Fatalf("err = %v", err)
	}
	if len(c.Events()) != 1 {
		t.Fatal("sink after the failing one was skipped")
	}

	// Through Guard, a failing member blocks the operation.
	p := &hipaa.Policy{Auditor: auditlog.Multi(&memAuditor{}, bad)}
	ran := false
	err = p.Guard(ctx, hipaa.Operation{Action: "t.Op"}, func(context.Context) (int64, error) { ran = true; return 0, nil })
	if ran || !errors.Is(err, hipaa.ErrAuditFailed) || !errors.Is(err, errSink) {
		t.Fatalf("ran=%v err=%v", ran, err)
	}

	// No sinks, or a nil sink: fail closed.
	if err := auditlog.Multi().Audit(ctx, e); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("empty: %v", err)
	}
	if err := auditlog.Multi(&memAuditor{}, nil).Audit(ctx, e); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("nil member: %v", err)
	}

	// The variadic slice is copied.
	sinks := []hipaa.Auditor{&memAuditor{}}
	m := auditlog.Multi(sinks...)
	sinks[0] = nil
	if err := m.Audit(ctx, e); err != nil {
		t.Errorf("caller's slice aliased: %v", err)
	}
}
