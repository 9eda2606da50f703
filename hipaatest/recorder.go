package hipaatest

import (
	"context"
	"sync"

	"github.com/phisafe/phisafe/hipaa"
)

// Recorder is a hipaa.Auditor that keeps events in memory, for tests to
// assert on what an operation audited. It can also be told to fail, to
// test that an operation is refused when its audit record cannot be
// written. The zero value is ready to use; a Recorder is safe for
// concurrent use.
type Recorder struct {
	mu     sync.Mutex
	events []hipaa.Event
	err    error
	okLeft int // calls that still succeed before err applies
}

var _ hipaa.Auditor = (*Recorder)(nil)

// NewRecorder returns an empty Recorder.
func NewRecorder() *Recorder { return &Recorder{} }

// Audit records e, or, when the Recorder has been told to fail, records
// nothing and returns the error given to FailWith or FailAfter.
func (r *Recorder) Audit(_ context.Context, e hipaa.Event) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err != nil {
		if r.okLeft == 0 {
			return r.err
		}
		r.okLeft--
	}
	r.events = append(r.events, e)
	return nil
}

// FailWith makes every later Audit call fail with err and record nothing.
// FailWith(nil) makes Audit succeed again.
func (r *Recorder) FailWith(err error) { r.FailAfter(0, err) }

// FailAfter lets the next n Audit calls succeed and makes every call
// after them fail with err, for example FailAfter(1, err) to let an
// operation's attempt record through and fail its outcome record.
// FailAfter(n, nil) makes Audit succeed again.
func (r *Recorder) FailAfter(n int, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.err, r.okLeft = err, max(n, 0)
}

// Reset forgets the recorded events and any failure set with FailWith or
// FailAfter.
func (r *Recorder) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events, r.err, r.okLeft = nil, nil, 0
}

// Events returns a copy of the recorded events, oldest first.
func (r *Recorder) Events() []hipaa.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]hipaa.Event(nil), r.events...)
}

// Len returns the number of recorded events.
func (r *Recorder) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.events)
}

// Filter returns the recorded events for which keep returns true, oldest
// first.
func (r *Recorder) Filter(keep func(hipaa.Event) bool) []hipaa.Event {
	var out []hipaa.Event
	for _, e := range r.Events() {
		if keep(e) {
			out = append(out, e)
		}
	}
	return out
}

// Actions returns the Action of each recorded event, oldest first.
func (r *Recorder) Actions() []string {
	ev := r.Events()
	out := make([]string, len(ev))
	for i, e := range ev {
		out[i] = e.Action
	}
	return out
}

// Outcomes returns the Outcome of each recorded event, oldest first.
func (r *Recorder) Outcomes() []hipaa.Outcome {
	ev := r.Events()
	out := make([]hipaa.Outcome, len(ev))
	for i, e := range ev {
		out[i] = e.Outcome
	}
	return out
}
