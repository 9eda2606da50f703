// Package auditlog holds the sinks for phisafe's audit events: Log, a
// hash-chained, group-committed, tamper-evident file, and NewJSON,
// NewSlog and Multi for JSON lines, log/slog and fan-out.
//
// The threat: an audit trail of who touched PHI is only worth something
// if it can be trusted later. Events must not be lost once an operation
// was allowed to run (so an event is durable before Audit returns, and a
// failed write stops the operation), and someone with access to the
// machine (an intruder, or an insider covering their tracks) must not be
// able to edit, delete, reorder, insert, truncate or swap records without
// it being detected.
//
// The happy path:
//
//	key := ... // 32 random bytes from a secrets manager, not from the log's host
//	log, err := auditlog.Open("/var/log/phisafe/audit.log", auditlog.WithHMACKey(key))
//	...
//	defer log.Close()
//	policy := &hipaa.Policy{Auditor: log}
//	...
//	cp := log.Checkpoint() // from time to time: ship it to write-once storage
//	...
//	n, err := auditlog.Verify("/var/log/phisafe/audit.log",
//		auditlog.WithHMACKey(key), auditlog.WithCheckpoint(cp))
//
// Log is fast under concurrency: concurrent Audit calls share one write
// and one fsync (group commit), and each returns once its own event is
// durable.
//
// # What verification proves
//
// Verify and VerifyReader check that every line is the canonical
// encoding of its fields, that each line's hash covers its content, its
// sequence number, the previous line's hash and the log's id, and (Verify
// only) that the log reaches the line its head file names. What that
// proves depends on what the attacker cannot get:
//
//   - Without a key, the chain is SHA-256, which anyone can compute. It
//     detects accidental damage (a torn write, a flipped bit, a copy cut
//     short) and edits by someone who does not rewrite the rest of the log
//     and its head file. Someone who can write both files can rewrite them
//     into any log that verifies.
//   - With a key (WithHMACKey) that the log's writers cannot read, no one
//     without the key can forge, edit, reorder, insert, or move a line
//     between logs, or write a head file: every such change is detected.
//     What remains possible without the key: deleting the log and its head
//     file together, replacing both with an earlier copy of themselves
//     (rolling the log back), or replacing both with another whole log
//     written under the same key. The head file also does not cover the
//     last batch or two of events (it is brought forward after each batch,
//     asynchronously), nor events after a crash before they reached it.
//   - With an external checkpoint (WithCheckpoint, from (*Log).Checkpoint,
//     kept where the log's writers cannot change it), the log must be the
//     log the checkpoint names (every line is bound to the log's random
//     id) and must contain the checkpoint's line, unchanged: nothing up to
//     that line can have been removed, rewritten, rolled back or swapped,
//     with or without a key (without a key, someone who can write the file
//     can still rewrite what follows the checkpoint). Open refuses to start
//     a new log where a checkpoint names one.
//
// No check can make a deleted log reappear: tamper evidence is the goal,
// and write-once copies of the log itself are the complement.
//
// # File format
//
// The log is a text file of JSON lines, each ending in '\n'. Line 1, the
// log's first record, names the log:
//
//	{"seq":0,"prev":"<64 zeros>","log":{"format":"phisafe-audit-v2","id":"<32 hex>","created":"<RFC 3339>"},"hash":"<64 hex>"}
//
// and every later line carries one event:
//
//	{"seq":N,"prev":"<64 hex>","event":{...},"hash":"<64 hex>"}
//
// seq counts events from 1 with no gaps. prev is the hash of the previous
// line. id is random, chosen when the log is created. event is the
// hipaa.Event exactly as its JSON tags encode it (with any invalid UTF-8
// replaced by U+FFFD); the log adds nothing else. hash is
//
//	SHA-256(label || id || prev || content)              without a key
//	HMAC-SHA256(key, label || id || prev || content)     with WithHMACKey
//
// where label is the 22 bytes "phisafe-audit-v2 line\x00", id and prev
// are raw bytes (16 and 32), and content is the line without its hash
// field, {"seq":...,"prev":"...","event":{...}}, as encoding/json writes
// it. A line must be byte for byte the canonical encoding of its own
// fields (no extra whitespace, keys, escapes or case variants), so that
// every edit of any byte is either a format error or a hash mismatch.
//
// The head file <path>.head names the last line the log is known to
// have. It is two slots of 256 bytes, each a JSON object
// {"log":"<32 hex>","seq":N,"hash":"<64 hex>","mac":"<64 hex>"} padded
// with spaces and ending in '\n'; "mac", present with a key only, is
// HMAC-SHA256(key, "phisafe-audit-v2 head\x00" || id || seq as 8
// big-endian bytes || hash). The slot with the higher seq is the head; a
// Log overwrites the other one, so that a write torn by a crash never
// loses the head, and verification accepts one slot that does not parse.
// The log must contain the head's line with that hash; lines after it
// are accepted (the head is brought forward after the lines are durable,
// so it can only be behind). A log without a head file is tampering: a
// new log's head is written before the log is linked into place.
//
// # Errors
//
// A line that fails verification is a *TamperError naming the first bad
// line and the reason; a bad or missing head file, or a log changed
// behind a Log's back, is an error wrapping hipaa.ErrTampered; misuse (a
// short key, a malformed checkpoint, a nil option or reader, the zero
// Log) wraps hipaa.ErrPolicy. Messages start with "auditlog:" and never
// contain event data.
//
// # Audit
//
// The sinks here are hipaa.Auditor implementations; package hipaa
// decides what is recorded and when (an attempt before each operation,
// its outcome after). Every sink returns an error when the event was not
// recorded, and the policy then does not run the operation.
package auditlog
