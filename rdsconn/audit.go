package rdsconn

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/phisafe/phisafe/hipaa"
)

// Audit actions of this package.
const (
	// ActionConnect is recorded for every physical connection, through
	// hipaa.Policy.Begin and Op.End: an OutcomeAttempt before anything
	// is sent, DNS lookups included (if it cannot be recorded, nothing
	// is), then exactly one outcome with the attempt's request id:
	// OutcomeSuccess with the TLS version and suite, or OutcomeFailed
	// with the error class. A DSN or option refused before connecting
	// gives one OutcomeRefused event and no attempt.
	ActionConnect = "rds.Connect"
	// ActionPosture is recorded by CheckPostgres, CheckPostgresPool and
	// CheckMySQL: an attempt, then the outcome, whose Detail lists the
	// findings' codes.
	ActionPosture = "rds.CheckPosture"
)

// Clients named in hipaa.Policy.Adopt.
const (
	clientPostgresPool = "rdsconn.OpenPostgresPool"
	clientPostgresDB   = "rdsconn.OpenPostgresDB"
	clientMySQL        = "rdsconn.OpenMySQL"
)

// target describes the database an opener connects to, for audit events.
type target struct {
	policy   *hipaa.Policy
	resource string // see resourceEndpoint: no user, password or IP literal
	auth     string // "password" or "iam"
	note     string // e.g. a CA bundle expiry warning
}

// resourceEndpoint writes host:port for an audit event's Resource. The
// policy checks Resource for PHI, and its detector counts an IP address
// as an identifier (HIPAA Safe Harbor lists IP addresses): an IP literal
// is written as an identifier in the style of EC2's private DNS names,
// "ip-10-0-0-1" (IPv6: "ip6-" and the address with '-' for ':'), so that
// a server's address names the server without being refused as a
// patient's. DNS names are written as they are, and a DNS name that
// holds PHI refuses the connection (hipaa.ErrPHIInName).
func resourceEndpoint(host, port string) string {
	if ip := net.ParseIP(host); ip != nil {
		if v4 := ip.To4(); v4 != nil {
			host = "ip-" + strings.ReplaceAll(v4.String(), ".", "-")
		} else {
			host = "ip6-" + strings.ReplaceAll(ip.String(), ":", "-")
		}
	}
	return host + ":" + port
}

func resourcePort(p uint16) string { return strconv.Itoa(int(p)) }

// refuse records the refusal of err (a refused DSN, option or
// environment variable, before any I/O) as one OutcomeRefused event and
// returns err, joined with an error wrapping hipaa.ErrAuditFailed if the
// record could not be written.
func (t *target) refuse(ctx context.Context, err error) error {
	_, _, rerr := t.policy.Begin(ctx, hipaa.Operation{Action: ActionConnect, Resource: t.resource, Detail: refusalDetail(err), Refuse: err})
	return rerr
}

// refusalDetail names the refused option or variable (never its value).
func refusalDetail(err error) string {
	var de *DSNError
	var ee *EnvError
	switch {
	case errors.As(err, &de):
		return "option=" + de.Option
	case errors.As(err, &ee):
		return "env=" + ee.Variable
	}
	return ""
}

// attempt is one physical connection's audit trail: begin has recorded
// the attempt (Policy.Begin); exactly one of succeed and fail ends it
// (Op.End), whichever driver callback gets there first.
type attempt struct {
	t     *target
	op    *hipaa.Op
	ctx   context.Context // from Begin: carries the attempt's request id
	ended atomic.Bool
	// tls is the client's view of the session, set once verified.
	mu  sync.Mutex
	cs  tls.ConnectionState
	got bool
}

// begin records the attempt. If that fails (or the policy refuses the
// event), the connection must not be made: the error says why (an audit
// failure wraps hipaa.ErrAuditFailed).
func (t *target) begin(ctx context.Context) (*attempt, error) {
	ctx, op, err := t.policy.Begin(ctx, hipaa.Operation{Action: ActionConnect, Resource: t.resource, Detail: "auth=" + t.auth})
	if err != nil {
		return nil, err
	}
	return &attempt{t: t, op: op, ctx: ctx}, nil
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

// errNotVerified ends an attempt that the driver completed without the
// checks that verify it having run (a hook that was not called).
var errNotVerified = &TLSError{Reason: "not-tls", Problem: "the connection was made without rdsconn's checks", Use: "sslmode=verify-full"}

// errEnded is succeed's answer when the attempt already has an outcome
// (a failure): the connection must not be used.
var errEnded = errors.New("rdsconn: the connection attempt already ended")

// succeed records the success with the TLS version and suite. Its error
// (the record could not be written, or the attempt had already failed)
// must close the connection.
func (a *attempt) succeed(serverTLS string) error {
	if a.ended.Swap(true) {
		return errEnded
	}
	cs, _ := a.tlsState()
	d := []string{"auth=" + a.t.auth,
		"tls=" + tls.VersionName(cs.Version), "cipher=" + tls.CipherSuiteName(cs.CipherSuite),
		"server_tls=" + serverTLS}
	if a.t.note != "" {
		d = append(d, a.t.note)
	}
	return a.op.End(hipaa.Result{Detail: strings.Join(d, " ")})
}

// fail records the failure class of cause (no text), unless the attempt
// already has its outcome. A lost record cannot make things worse than
// the failure itself, so its error is dropped; the attempt record
// already exists.
func (a *attempt) fail(cause error) {
	if a.ended.Swap(true) {
		return
	}
	if cause == nil {
		cause = errNotVerified
	}
	d := "auth=" + a.t.auth
	var te *TLSError
	if errors.As(cause, &te) {
		d += " tls_refused=" + te.Reason
	}
	_ = a.op.End(hipaa.Result{Err: cause, Detail: d})
}
