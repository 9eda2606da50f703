package hipaa

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"sync/atomic"
	"time"

	"github.com/aws/smithy-go"
)

// Auditor receives audit events. Implementations must be safe for
// concurrent use and must return an error whenever the event was not
// durably recorded: phisafe treats that error as "do not proceed".
type Auditor interface {
	Audit(ctx context.Context, e Event) error
}

// Outcome is what happened to an operation.
type Outcome string

// Outcomes. Every operation records OutcomeAttempt before it starts and
// exactly one of the others after it ends.
const (
	OutcomeAttempt  Outcome = "attempt"  // recorded before the operation; if it fails, nothing runs
	OutcomeSuccess  Outcome = "success"  // the operation completed
	OutcomeRefused  Outcome = "refused"  // the policy refused it before any I/O
	OutcomeFailed   Outcome = "failed"   // it was attempted and failed
	OutcomeOverride Outcome = "override" // a named loosening (Allow...) let it through
)

// Event is one audit record. No field may hold PHI: resources are
// identifiers (ARNs, bucket names, opaque keys, hashes), never object keys
// or values that failed the PHI check, and errors are recorded by class,
// never by message.
type Event struct {
	Time      time.Time `json:"time"`
	Actor     string    `json:"actor,omitempty"`      // principal or service identity, from WithActor
	Action    string    `json:"action"`               // "s3.PutObject", "envelope.Decrypt", "rds.Connect", ...
	Resource  string    `json:"resource,omitempty"`   // ARN or opaque id; never a PHI-bearing name
	Outcome   Outcome   `json:"outcome"`              // attempt, success, refused, failed, override
	Reason    string    `json:"reason,omitempty"`     // error class: "phi-in-name", "insecure-transport", "aws:NotFoundException", ...
	RequestID string    `json:"request_id,omitempty"` // ties the attempt and the outcome together
	Bytes     int64     `json:"bytes,omitempty"`      // payload size, when known
	KeyID     string    `json:"key_id,omitempty"`     // KMS key id or ARN used
	Detail    string    `json:"detail,omitempty"`     // value-free detail: a category, an option name, a suite id
}

type ctxKey int

const (
	actorKey ctxKey = iota
	requestIDKey
)

// WithActor returns a context whose audit events name actor (a principal
// ARN, a service name, a user id: never a patient's identifier).
func WithActor(ctx context.Context, actor string) context.Context {
	return context.WithValue(ctx, actorKey, actor)
}

// actorFrom returns the actor set with WithActor, or "".
func actorFrom(ctx context.Context) string {
	s, _ := ctx.Value(actorKey).(string)
	return s
}

// withRequestID returns a context whose audit events carry id.
func withRequestID(ctx context.Context, id string) context.Context {
	return &requestIDCtx{Context: ctx, id: id}
}

// requestIDCtx carries a request id, and within an operation the Op
// (for Policy.Allow). Its Value returns the *requestIDCtx itself for
// requestIDKey, so that setting and reading an id costs one allocation
// rather than context.WithValue's boxing of the string.
type requestIDCtx struct {
	context.Context
	id string
	op *Op
}

func (c *requestIDCtx) Value(key any) any {
	if key == requestIDKey {
		return c
	}
	return c.Context.Value(key)
}

// requestIDs are this process's generated request ids: a random 64-bit
// prefix chosen once, then a counter, as 32 hex digits. They need to be
// unique, not secret.
var requestIDs = struct {
	prefix [8]byte
	n      atomic.Uint64
}{prefix: func() (b [8]byte) { _, _ = rand.Read(b[:]); return }()}

// requestID returns the request id of the operation ctx belongs to (set
// by Begin), or else a new one, unique in this process and across
// processes with high probability.
func requestID(ctx context.Context) string {
	if c, ok := ctx.Value(requestIDKey).(*requestIDCtx); ok && c.id != "" {
		return c.id
	}
	var raw [16]byte
	copy(raw[:8], requestIDs.prefix[:])
	binary.BigEndian.PutUint64(raw[8:], requestIDs.n.Add(1))
	var h [32]byte
	hex.Encode(h[:], raw[:])
	return string(h[:])
}

// errorClass maps an error to a value-free class for the Reason field:
// the phisafe sentinels, context errors, and AWS error codes
// ("aws:AccessDeniedException"). Anything else is "error". The error's
// text is never used, since it could carry a name.
func errorClass(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrAuditFailed):
		return "audit-failed"
	case errors.Is(err, ErrPHIInName):
		return "phi-in-name"
	case errors.Is(err, ErrInsecureTransport):
		return "insecure-transport"
	case errors.Is(err, ErrTampered):
		return "tampered"
	case errors.Is(err, ErrPolicy):
		return "policy"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	}
	var ae smithy.APIError
	if errors.As(err, &ae) && ae.ErrorCode() != "" {
		return "aws:" + ae.ErrorCode()
	}
	return "error"
}
