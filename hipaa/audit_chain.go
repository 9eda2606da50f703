package hipaa

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

const (
	// maxAuditLine bounds one line of the log, for the writer and the
	// verifier alike.
	maxAuditLine = 1 << 20
	headSuffix   = ".head"
	headTmp      = ".head.tmp"
	minHMACKey   = 16
	headMACLabel = "phisafe-audit-head-v1\x00"
)

// AuditLogOption configures OpenAuditLog, VerifyAuditLog and
// VerifyAuditChain. Each option's documentation says which of them use
// it; the others ignore it.
type AuditLogOption func(*auditLogConfig)

type auditLogConfig struct {
	key         []byte
	noSync      bool
	checkpoints []auditCheckpoint
	err         error
}

type auditCheckpoint struct {
	seq  uint64
	hash [32]byte
}

// WithHMACKey makes the chain an HMAC-SHA256 chain keyed with key instead
// of a plain SHA-256 chain, for OpenAuditLog, VerifyAuditLog and
// VerifyAuditChain alike; a log written with a key only verifies with the
// same key. The key must be at least 16 bytes (32 random bytes are
// recommended) and is copied. See AuditLog for what the key adds, and
// what it does not.
func WithHMACKey(key []byte) AuditLogOption {
	return func(c *auditLogConfig) {
		if len(key) < minHMACKey {
			c.err = fmt.Errorf("%w: audit log HMAC key must be at least %d bytes", ErrPolicy, minHMACKey)
			return
		}
		c.key = bytes.Clone(key)
	}
}

// WithWeakDurabilityNoFsync makes OpenAuditLog's log skip the fsync of
// the log file, the head file and the directory after each event. It
// weakens durability: an event that Audit reported as written can be lost
// in a power failure or kernel crash (a process crash loses nothing), and
// after such a crash the log may fail verification because the head and
// the log were flushed at different times. Call (*AuditLog).Sync to flush
// explicitly; Close always syncs. Verification ignores this option.
func WithWeakDurabilityNoFsync() AuditLogOption {
	return func(c *auditLogConfig) { c.noSync = true }
}

// WithCheckpoint requires the chain to contain line seq with exactly the
// given hash (as returned by (*AuditLog).Head, 64 hex digits). A log that
// is shorter fails as "truncated", one whose line seq has another hash as
// "hash mismatch". Used by VerifyAuditLog, VerifyAuditChain, and by
// OpenAuditLog when it verifies an existing log. It may be given more
// than once. A checkpoint with seq 0 is always satisfied.
func WithCheckpoint(seq uint64, hash string) AuditLogOption {
	return func(c *auditLogConfig) {
		h, ok := decodeHash(hash)
		if !ok {
			c.err = fmt.Errorf("%w: audit log checkpoint hash must be 64 lowercase hex digits", ErrPolicy)
			return
		}
		if seq > 0 {
			c.checkpoints = append(c.checkpoints, auditCheckpoint{seq, h})
		}
	}
}

func newAuditLogConfig(opts []AuditLogOption) (*auditLogConfig, error) {
	c := &auditLogConfig{}
	for _, o := range opts {
		if o == nil {
			continue
		}
		o(c)
		if c.err != nil {
			return nil, c.err
		}
	}
	return c, nil
}

func (c *auditLogConfig) newHash() hash.Hash {
	if c.key != nil {
		return hmac.New(sha256.New, c.key)
	}
	return sha256.New()
}

// lineHash is H(prev || content), see the format notes above.
func (c *auditLogConfig) lineHash(prev [32]byte, content []byte) (sum [32]byte) {
	h := c.newHash()
	h.Write(prev[:])
	h.Write(content)
	h.Sum(sum[:0])
	return sum
}

func (c *auditLogConfig) headMAC(seq uint64, last [32]byte) (sum [32]byte) {
	h := hmac.New(sha256.New, c.key)
	h.Write([]byte(headMACLabel))
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], seq)
	h.Write(b[:])
	h.Write(last[:])
	h.Sum(sum[:0])
	return sum
}

// chainContent is what a line's hash covers; chainLine is the line.
// Field order is the canonical key order.
type chainContent struct {
	Seq   uint64 `json:"seq"`
	Prev  string `json:"prev"`
	Event Event  `json:"event"`
}

type chainLine struct {
	Seq   uint64 `json:"seq"`
	Prev  string `json:"prev"`
	Event Event  `json:"event"`
	Hash  string `json:"hash"`
}

type chainHead struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
	MAC  string `json:"mac,omitempty"`
}

func decodeHash(s string) (h [32]byte, ok bool) {
	if len(s) != 2*len(h) || strings.ToLower(s) != s {
		return h, false
	}
	if _, err := hex.Decode(h[:], []byte(s)); err != nil {
		return h, false
	}
	return h, true
}

// strictDecode decodes exactly one JSON value with no unknown fields.
func strictDecode(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.InputOffset() != int64(len(b)) {
		return errors.New("trailing data")
	}
	return nil
}

// checkLine verifies one line (without its '\n') against the expected
// sequence number and previous hash. It returns the line's hash, or the
// reason it is bad.
func (c *auditLogConfig) checkLine(raw []byte, wantSeq uint64, prev [32]byte) (sum [32]byte, reason string) {
	var l chainLine
	if err := strictDecode(raw, &l); err != nil {
		return sum, "malformed"
	}
	canon, err := json.Marshal(l)
	if err != nil || !bytes.Equal(canon, raw) {
		return sum, "malformed"
	}
	got, ok1 := decodeHash(l.Hash)
	linePrev, ok2 := decodeHash(l.Prev)
	if !ok1 || !ok2 {
		return sum, "malformed"
	}
	content, err := json.Marshal(chainContent{Seq: l.Seq, Prev: l.Prev, Event: l.Event})
	if err != nil {
		return sum, "malformed"
	}
	sum = c.lineHash(linePrev, content)
	if !hmac.Equal(sum[:], got[:]) {
		return sum, "hash mismatch"
	}
	if l.Seq != wantSeq {
		return sum, "sequence gap"
	}
	if linePrev != prev {
		return sum, "chain broken"
	}
	return sum, ""
}

// sanitizeEvent makes every string valid UTF-8, so that the line encoding
// round-trips exactly (encoding/json would otherwise write invalid bytes
// as \ufffd and decode them as U+FFFD, which re-encodes differently).
func sanitizeEvent(e Event) Event {
	for _, s := range []*string{&e.Actor, &e.Action, &e.Resource, &e.Reason, &e.RequestID, &e.KeyID, &e.Detail} {
		*s = strings.ToValidUTF8(*s, "\uFFFD")
	}
	e.Outcome = Outcome(strings.ToValidUTF8(string(e.Outcome), "\uFFFD"))
	return e
}

// encodeLine builds line seq (with its trailing '\n') and its hash, and
// checks it the way the verifier will, so the writer can never produce a
// line that later fails verification.
func (c *auditLogConfig) encodeLine(seq uint64, prev [32]byte, e Event) ([]byte, [32]byte, error) {
	e = sanitizeEvent(e)
	prevHex := hex.EncodeToString(prev[:])
	content, err := json.Marshal(chainContent{Seq: seq, Prev: prevHex, Event: e})
	if err != nil {
		return nil, [32]byte{}, fmt.Errorf("hipaa: audit log: encoding event: %w", err)
	}
	sum := c.lineHash(prev, content)
	line, err := json.Marshal(chainLine{Seq: seq, Prev: prevHex, Event: e, Hash: hex.EncodeToString(sum[:])})
	if err != nil {
		return nil, [32]byte{}, fmt.Errorf("hipaa: audit log: encoding event: %w", err)
	}
	if len(line)+1 > maxAuditLine {
		return nil, [32]byte{}, fmt.Errorf("hipaa: audit log: event too large (%d bytes)", len(line))
	}
	if _, reason := c.checkLine(line, seq, prev); reason != "" {
		return nil, [32]byte{}, fmt.Errorf("hipaa: audit log: event does not encode canonically (%s)", reason)
	}
	return append(line, '\n'), sum, nil
}

// chainState is what verification learned about a log.
type chainState struct {
	n       uint64   // good lines
	last    [32]byte // hash of line n (zero when n == 0)
	size    int64    // bytes read
	headSeq uint64   // the seq the head file named (0 if none)
}

// verifyChain reads a whole log from r and checks it against cps. On a
// bad line it returns a *TamperError naming it; I/O errors are returned
// as they are.
func (c *auditLogConfig) verifyChain(r io.Reader, cps []auditCheckpoint) (*chainState, error) {
	st := &chainState{}
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	for {
		buf = buf[:0]
		var err error
		for {
			var frag []byte
			frag, err = br.ReadSlice('\n')
			buf = append(buf, frag...)
			if err == bufio.ErrBufferFull && len(buf) <= maxAuditLine {
				continue
			}
			break
		}
		st.size += int64(len(buf))
		line := int(st.n) + 1
		switch {
		case err == bufio.ErrBufferFull:
			return st, &TamperError{Line: line, Reason: "malformed"}
		case err == io.EOF && len(buf) == 0:
			return st, checkpointsReached(st, cps)
		case err == io.EOF:
			return st, &TamperError{Line: line, Reason: "truncated"}
		case err != nil:
			return st, fmt.Errorf("hipaa: reading audit log: %w", err)
		}
		sum, reason := c.checkLine(buf[:len(buf)-1], st.n+1, st.last)
		if reason != "" {
			return st, &TamperError{Line: line, Reason: reason}
		}
		for _, cp := range cps {
			if cp.seq == st.n+1 && cp.hash != sum {
				return st, &TamperError{Line: line, Reason: "hash mismatch"}
			}
		}
		st.n++
		st.last = sum
	}
}

func checkpointsReached(st *chainState, cps []auditCheckpoint) error {
	for _, cp := range cps {
		if cp.seq > st.n {
			return &TamperError{Line: int(st.n) + 1, Reason: "truncated"}
		}
	}
	return nil
}

// readHead reads <path>.head. A missing head is a head at seq 0.
func (c *auditLogConfig) readHead(path string) (seq uint64, last [32]byte, err error) {
	b, err := os.ReadFile(path + headSuffix)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, last, nil
	}
	if err != nil {
		return 0, last, fmt.Errorf("hipaa: reading audit log head: %w", err)
	}
	bad := func(why string) error {
		return fmt.Errorf("%w: audit log head file: %s", ErrTampered, why)
	}
	var h chainHead
	if len(b) == 0 || b[len(b)-1] != '\n' || strictDecode(b[:len(b)-1], &h) != nil {
		return 0, last, bad("malformed")
	}
	last, ok := decodeHash(h.Hash)
	if !ok || h.Seq == 0 {
		return 0, last, bad("malformed")
	}
	if c.key != nil {
		mac, ok := decodeHash(h.MAC)
		want := c.headMAC(h.Seq, last)
		if !ok || !hmac.Equal(mac[:], want[:]) {
			return 0, last, bad("MAC mismatch")
		}
	}
	return h.Seq, last, nil
}

func (c *auditLogConfig) encodeHead(seq uint64, last [32]byte) []byte {
	h := chainHead{Seq: seq, Hash: hex.EncodeToString(last[:])}
	if c.key != nil {
		mac := c.headMAC(seq, last)
		h.MAC = hex.EncodeToString(mac[:])
	}
	b, _ := json.Marshal(h) // cannot fail: a number and strings
	return append(b, '\n')
}

// verifyFile verifies the log read from r against the head file of path.
func (c *auditLogConfig) verifyFile(r io.Reader, path string) (*chainState, error) {
	// The head is read before the log: the writer appends a line before
	// it replaces the head, so a log being written is never shorter than
	// a head read earlier.
	hseq, hlast, err := c.readHead(path)
	if err != nil {
		return &chainState{}, err
	}
	cps := c.checkpoints
	if hseq > 0 {
		cps = append(slices.Clip(cps), auditCheckpoint{hseq, hlast})
	}
	st, err := c.verifyChain(r, cps)
	st.headSeq = hseq
	if err != nil {
		return st, err
	}
	if hseq == 0 && st.n > 1 {
		return st, fmt.Errorf("%w: audit log head file %s is missing", ErrTampered, filepath.Base(path)+headSuffix)
	}
	return st, nil
}

// VerifyAuditLog verifies the hash-chained log at path, written by an
// AuditLog, together with its head file <path>.head. It returns the
// number of lines that verified. If a line is bad it returns a
// *TamperError naming the first bad line (1-based) and the number of good
// lines before it; errors.Is(err, ErrTampered) holds. The reasons are
// "malformed" (not a canonical log line), "hash mismatch" (the line's
// hash does not cover its content, or differs from the head or a
// checkpoint), "sequence gap" (a line deleted, duplicated or moved),
// "chain broken" (the line does not follow the one before it),
// "truncated" (the file ends mid-line, or has fewer lines than its head
// or a checkpoint requires). A damaged head file, or a missing one for a
// log of more than one line, is reported as an error wrapping ErrTampered
// that is not a *TamperError. A log that does not exist is an error
// wrapping fs.ErrNotExist.
//
// VerifyAuditLog may run while an AuditLog (in this or another process)
// appends to the file; the line being written at that moment may then be
// reported as "truncated". Verify a copy, or retry, to tell the two
// apart.
//
// Options: WithHMACKey (required if the log was written with one) and
// WithCheckpoint.
func VerifyAuditLog(path string, opts ...AuditLogOption) (int, error) {
	c, err := newAuditLogConfig(opts)
	if err != nil {
		return 0, err
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("hipaa: opening audit log: %w", err)
	}
	defer f.Close()
	st, err := c.verifyFile(f, path)
	return goodLines(st, err), err
}

// goodLines is the number of lines before the first bad one.
func goodLines(st *chainState, err error) int {
	var te *TamperError
	if errors.As(err, &te) {
		return te.Line - 1
	}
	return int(st.n)
}

// VerifyAuditChain verifies a hash-chained log read from r, such as a
// copy of an AuditLog's file, without any head file. It returns the
// number of lines that verified, or a *TamperError as VerifyAuditLog
// does. Without a head, removing whole lines from the end of the log is
// only detected up to a checkpoint: pass the last known head with
// WithCheckpoint.
//
// Options: WithHMACKey and WithCheckpoint.
func VerifyAuditChain(r io.Reader, opts ...AuditLogOption) (int, error) {
	c, err := newAuditLogConfig(opts)
	if err != nil {
		return 0, err
	}
	st, err := c.verifyChain(r, c.checkpoints)
	return goodLines(st, err), err
}

// AuditLog is an Auditor that appends each event to a hash-chained,
// append-only file of JSON lines and keeps the head file <path>.head
// current. Open it with OpenAuditLog; check a log with VerifyAuditLog or
// VerifyAuditChain.
//
// Each Audit call encodes the event, writes its line with a single write
// to a file opened O_APPEND, fsyncs the file, then replaces the head file
// (write, fsync, rename, fsync of the directory), and only then returns
// nil. With WithWeakDurabilityNoFsync the fsyncs are skipped. Audit does
// not consult its context: the outcome record of a cancelled operation is
// still written.
//
// An AuditLog is safe for concurrent use. Only one AuditLog, in one
// process, may write a given file; Audit refuses to write if the file
// changed size behind its back. After an I/O error that may have left the
// file or its head inconsistent (a failed fsync, a short write that could
// not be rolled back, a failed head update), every later Audit fails:
// close the log and reopen it, which verifies it again.
//
// File format. The log is a text file of JSON lines, each ending in '\n':
//
//	{"seq":1,"prev":"<64 hex>","event":{...},"hash":"<64 hex>"}
//
// seq counts lines from 1 with no gaps. prev is the hash of the previous
// line (64 zeros on line 1). event is the Event exactly as its JSON tags
// encode it (with any invalid UTF-8 replaced by U+FFFD); the log adds
// nothing else. hash is
//
//	SHA-256(prev || content)                   without a key
//	HMAC-SHA256(key, prev || content)          with WithHMACKey
//
// where prev is the 32 raw bytes of the previous hash and content is the
// canonical encoding of the line without its hash field:
// {"seq":...,"prev":"...","event":{...}} as encoding/json writes it. A line
// must be byte-for-byte the canonical encoding of its own fields (no extra
// whitespace, keys, escapes or case variants), so every edit of any byte is
// either a format error or a hash mismatch.
//
// What the chain proves. Without a key, the chain detects accidental
// damage and edits by anyone who does not rewrite the rest of the chain:
// SHA-256 is public, so someone who can write the file can recompute every
// hash after an edit and produce a log that verifies. With an HMAC key
// that the writer of the file cannot read (keep it in a secrets manager or
// KMS-decrypted at start-up, not next to the log), forging, editing,
// reordering or inserting lines requires the key. Neither mode can stop
// someone who can write the file from deleting it or its tail; the head
// file and checkpoints below make that detectable, not impossible.
//
// The head file. Removing whole lines from the end of the log leaves a
// valid, shorter chain. To detect that, every append also replaces
// <path>.head, a one-line JSON record {"seq":N,"hash":"..."} naming the
// last line, by writing <path>.head.tmp and renaming it over the old head
// (atomic on POSIX file systems). With a key, the head also carries
// "mac", an HMAC of seq and hash, so that someone who cuts lines off the
// end cannot write a matching head without the key (unless they kept a
// copy of an earlier head).
// Verification treats the head as a checkpoint: the log must contain the
// line it names, with that hash. Lines after it are accepted (and
// verified as a chain): the writer appends a line before it replaces the
// head, so a crash can leave the log ahead of its head, and a verifier
// that reads the head and then the log while the log is being written
// sees the same. OpenAuditLog then brings the head forward. A missing head
// is accepted only for a log of at most one line (a crash before the
// first head was written).
//
// The head lives next to the log, so whoever can truncate the log can
// usually replace the head too. For protection against that, copy
// (*AuditLog).Head to a separate store from time to time (another account,
// an object-locked S3 bucket, a ticket) and pass it back with
// WithCheckpoint when verifying: the chain must then contain that exact
// line, so nothing up to it can have been removed or rewritten, even by
// someone who recomputed the hashes (without a key) or replaced the head.
type AuditLog struct {
	mu     sync.Mutex
	path   string
	dir    string
	f      *os.File
	cfg    *auditLogConfig
	seq    uint64
	last   [32]byte
	size   int64
	broken error
	closed bool
}

var _ Auditor = (*AuditLog)(nil)

// OpenAuditLog opens the hash-chained audit log at path for appending,
// creating it (mode 0600) if it does not exist. An existing log is
// verified first, as VerifyAuditLog does, and the chain resumes from its
// last line; a log that fails verification is not appended to and the
// error wraps ErrTampered. If the log is ahead of its head file (after a
// crash between appending a line and replacing the head), the head is
// brought forward.
//
// Options: WithHMACKey, WithWeakDurabilityNoFsync and WithCheckpoint.
func OpenAuditLog(path string, opts ...AuditLogOption) (*AuditLog, error) {
	c, err := newAuditLogConfig(opts)
	if err != nil {
		return nil, err
	}
	if path == "" {
		return nil, fmt.Errorf("%w: empty audit log path", ErrPolicy)
	}
	_, statErr := os.Stat(path)
	created := errors.Is(statErr, fs.ErrNotExist)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("hipaa: opening audit log: %w", err)
	}
	l := &AuditLog{path: path, dir: filepath.Dir(path), f: f, cfg: c}
	if err := l.resume(created); err != nil {
		f.Close()
		return nil, err
	}
	return l, nil
}

func (l *AuditLog) resume(created bool) error {
	st, err := l.cfg.verifyFile(l.f, l.path)
	if err != nil {
		return err
	}
	fi, err := l.f.Stat()
	if err != nil {
		return fmt.Errorf("hipaa: audit log: %w", err)
	}
	if fi.Size() != st.size {
		return fmt.Errorf("%w: audit log changed while it was being verified", ErrTampered)
	}
	l.seq, l.last, l.size = st.n, st.last, st.size
	if st.n > st.headSeq {
		if err := l.writeHead(); err != nil {
			return err
		}
	}
	if created && !l.cfg.noSync {
		if err := syncDir(l.dir); err != nil {
			return fmt.Errorf("hipaa: audit log: syncing directory: %w", err)
		}
	}
	return nil
}

// Path returns the log's path.
func (l *AuditLog) Path() string { return l.path }

// Head returns the sequence number and hash (64 hex digits) of the last
// line written, (0, "") for an empty log. Store it somewhere the log's
// writers cannot change, and pass it to WithCheckpoint when verifying.
func (l *AuditLog) Head() (seq uint64, hash string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seq == 0 {
		return 0, ""
	}
	return l.seq, hex.EncodeToString(l.last[:])
}

// Audit appends e to the log. It returns nil only once the line and the
// head are written (and synced, unless WithWeakDurabilityNoFsync was
// given). The event is written as it is, with strings made valid UTF-8.
func (l *AuditLog) Audit(_ context.Context, e Event) error {
	if l == nil {
		return fmt.Errorf("%w: nil *AuditLog", ErrPolicy)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return fmt.Errorf("hipaa: audit log: %w", os.ErrClosed)
	}
	if l.broken != nil {
		return fmt.Errorf("hipaa: audit log unusable after an earlier failure (reopen it): %w", l.broken)
	}
	line, sum, err := l.cfg.encodeLine(l.seq+1, l.last, e)
	if err != nil {
		return err
	}
	fi, err := l.f.Stat()
	if err != nil {
		return fmt.Errorf("hipaa: audit log: %w", err)
	}
	if fi.Size() != l.size {
		l.broken = fmt.Errorf("%w: audit log written by someone else (size %d, expected %d)", ErrTampered, fi.Size(), l.size)
		return l.broken
	}
	if _, err := l.f.Write(line); err != nil {
		err = fmt.Errorf("hipaa: audit log: write: %w", err)
		// Roll back a partial line so the file stays a valid chain.
		if terr := l.f.Truncate(l.size); terr != nil {
			l.broken = errors.Join(err, terr)
		}
		return err
	}
	l.size += int64(len(line))
	if !l.cfg.noSync {
		if err := l.f.Sync(); err != nil {
			l.broken = fmt.Errorf("hipaa: audit log: fsync: %w", err)
			return l.broken
		}
	}
	l.seq, l.last = l.seq+1, sum
	if err := l.writeHead(); err != nil {
		l.broken = err
		return err
	}
	return nil
}

// writeHead replaces <path>.head with the current head.
func (l *AuditLog) writeHead() error {
	tmp := l.path + headTmp
	fail := func(err error) error { return fmt.Errorf("hipaa: audit log: writing head: %w", err) }
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fail(err)
	}
	_, err = f.Write(l.cfg.encodeHead(l.seq, l.last))
	if err == nil && !l.cfg.noSync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, l.path+headSuffix); err != nil {
		return fail(err)
	}
	if !l.cfg.noSync {
		if err := syncDir(l.dir); err != nil {
			return fail(err)
		}
	}
	return nil
}

// Sync flushes the log, its head and their directory to stable storage.
// It is only needed with WithWeakDurabilityNoFsync.
func (l *AuditLog) Sync() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return fmt.Errorf("hipaa: audit log: %w", os.ErrClosed)
	}
	return l.syncAll()
}

func (l *AuditLog) syncAll() error {
	if err := l.f.Sync(); err != nil {
		return fmt.Errorf("hipaa: audit log: fsync: %w", err)
	}
	if l.seq > 0 {
		hf, err := os.Open(l.path + headSuffix)
		if err != nil {
			return fmt.Errorf("hipaa: audit log: fsync head: %w", err)
		}
		err = hf.Sync()
		hf.Close()
		if err != nil {
			return fmt.Errorf("hipaa: audit log: fsync head: %w", err)
		}
	}
	if err := syncDir(l.dir); err != nil {
		return fmt.Errorf("hipaa: audit log: syncing directory: %w", err)
	}
	return nil
}

// Close syncs and closes the log. Later Audit calls fail. Closing twice
// returns nil.
func (l *AuditLog) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	l.closed = true
	var err error
	if l.broken == nil {
		err = l.syncAll()
	}
	if cerr := l.f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("hipaa: audit log: close: %w", cerr)
	}
	return err
}

// syncDir makes a file's creation or rename in dir durable. Windows
// cannot fsync a directory and does not need to.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
