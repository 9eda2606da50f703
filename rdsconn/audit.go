package rdsconn

import (
	"context"
	"crypto/tls"
	"errors"
	"strings"
	"sync"

	"github.com/phisafe/phisafe/hipaa"
)

// Audit actions of this package.
const (
	// ActionConnect is recorded for every physical connection: an
	// OutcomeAttempt before anything is sent (if it cannot be recorded,
	// nothing is), then OutcomeSuccess with the TLS version and suite, or
	// OutcomeFailed with the error class. A DSN or option refused before
	// connecting gives one OutcomeRefused event.
	ActionConnect = "rds.Connect"
	// ActionPosture is recorded by CheckPostgres, CheckPostgresPool and
	// CheckMySQL: an attempt, then the outcome, whose Detail lists the
	// findings' codes.
	ActionPosture = "rds.CheckPosture"
)

// target describes the database an opener connects to, for audit events.
type target struct {
	policy   *hipaa.Policy
	resource string // postgres://host:port/db, no user or password
	user     string
	auth     string // "password" or "iam"
	note     string // e.g. a CA bundle expiry warning
}

// refuse records an OutcomeRefused event for err (a refused DSN or
// option) and returns err, joined with the audit failure if any.
func (t *target) refuse(ctx context.Context, err error) error {
	e := hipaa.Event{Action: ActionConnect, Resource: t.resource, Outcome: hipaa.OutcomeRefused, Reason: hipaa.ErrorClass(err)}
	var de *DSNError
	var ee *EnvError
	switch {
	case errors.As(err, &de):
		e.Detail = "option=" + de.Option
	case errors.As(err, &ee):
		e.Detail = "env=" + ee.Variable
	}
	if aerr := t.policy.Record(ctx, e); aerr != nil {
		return errors.Join(err, aerr)
	}
	return err
}

// attempt is one physical connection's audit trail: begin has recorded
// OutcomeAttempt; exactly one of succeed or fail records the outcome.
type attempt struct {
	t    *target
	rid  string
	once sync.Once
	// tls is the client's view of the session, set once verified.
	mu  sync.Mutex
	cs  tls.ConnectionState
	got bool
}

// begin records the attempt. If that fails, the connection must not be
// made: the returned error wraps hipaa.ErrAuditFailed.
func (t *target) begin(ctx context.Context) (*attempt, error) {
	a := &attempt{t: t, rid: hipaa.RequestID(ctx)}
	e := hipaa.Event{Action: ActionConnect, Resource: t.resource, Outcome: hipaa.OutcomeAttempt, RequestID: a.rid,
		Detail: "user=" + t.user + " auth=" + t.auth}
	if err := t.policy.Record(ctx, e); err != nil {
		return nil, err
	}
	return a, nil
}

// setTLS remembers the verified client-side TLS state.
func (a *attempt) setTLS(cs tls.ConnectionState) {
	a.mu.Lock()
	a.cs, a.got = cs, true
	a.mu.Unlock()
}

func (a *attempt) tlsState() (tls.ConnectionState, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.cs, a.got
}

// succeed records the success with the TLS version and suite; its error
// (the record could not be written) must close the connection.
func (a *attempt) succeed(ctx context.Context, serverTLS string) error {
	var err error
	a.once.Do(func() {
		cs, _ := a.tlsState()
		d := []string{"user=" + a.t.user, "auth=" + a.t.auth,
			"tls=" + tls.VersionName(cs.Version), "cipher=" + tls.CipherSuiteName(cs.CipherSuite),
			"server_tls=" + serverTLS}
		if a.t.note != "" {
			d = append(d, a.t.note)
		}
		err = a.t.policy.Record(ctx, hipaa.Event{Action: ActionConnect, Resource: a.t.resource, Outcome: hipaa.OutcomeSuccess,
			RequestID: a.rid, Detail: strings.Join(d, " ")})
	})
	return err
}

// fail records the failure class of cause (no text). A lost record
// cannot make things worse than the failure itself, so its error is
// dropped; the attempt record already exists.
func (a *attempt) fail(ctx context.Context, cause error) {
	a.once.Do(func() {
		d := "user=" + a.t.user + " auth=" + a.t.auth
		var te *TLSError
		if errors.As(cause, &te) {
			d += " tls_refused=" + te.Reason
		}
		_ = a.t.policy.Record(ctx, hipaa.Event{Action: ActionConnect, Resource: a.t.resource, Outcome: hipaa.OutcomeFailed,
			Reason: hipaa.ErrorClass(cause), RequestID: a.rid, Detail: d})
	})
}
