package auditlog

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// Option configures Open, Verify and VerifyReader. A nil Option is
// refused with an error wrapping hipaa.ErrPolicy.
type Option func(*config) error

// WithHMACKey makes the chain an HMAC-SHA256 chain keyed with key instead
// of a plain SHA-256 chain, and the head file carry an HMAC, for Open,
// Verify and VerifyReader alike; a log written with a key only verifies
// with the same key. The key must be at least 16 bytes (32 random bytes
// are recommended) and is copied. Keep it where the log's writers cannot
// read it: the package documentation says what the key adds.
func WithHMACKey(key []byte) Option {
	key = bytes.Clone(key)
	return func(c *config) error {
		if len(key) < minKey {
			return misuse("HMAC key must be at least %d bytes", minKey)
		}
		c.key = key
		return nil
	}
}

// Checkpoint names one line of one log: the log's id, the sequence
// number of the line (0 for the log's first record, which carries no
// event; n for the nth event) and the line's hash. (*Log).Checkpoint
// returns the current one. It holds no event data and no key, so it may
// be stored anywhere: ship it to storage the log's writers cannot change
// (an S3 bucket with Object Lock, another account, a ticket) and pass it
// back with WithCheckpoint when verifying. Its JSON encoding is
// {"log":"<32 hex>","seq":N,"hash":"<64 hex>"}.
type Checkpoint struct {
	// LogID is the log's id, 32 lowercase hex digits.
	LogID string `json:"log"`
	// Seq is the line's sequence number: the number of events up to
	// and including it.
	Seq uint64 `json:"seq"`
	// Hash is the line's hash, 64 lowercase hex digits.
	Hash string `json:"hash"`
}

// WithCheckpoint requires the log to be the log c names and to contain
// c's line with exactly c's hash. A log with another id fails as "wrong
// log", one that is shorter as "truncated", one whose line has another
// hash as "hash mismatch". Used by Verify, VerifyReader and Open (which
// verifies an existing log, and refuses to create a new one when given a
// checkpoint). It may be given more than once. A Checkpoint that is not
// well formed (the zero Checkpoint included) is refused with an error
// wrapping hipaa.ErrPolicy.
func WithCheckpoint(c Checkpoint) Option {
	return func(cfg *config) error {
		var cp checkpoint
		if !decodeHex(cp.id[:], c.LogID) || !decodeHex(cp.hash[:], c.Hash) {
			return misuse("checkpoint must hold a 32-hex-digit log id and a 64-hex-digit hash, lower case")
		}
		cp.seq = c.Seq
		cfg.checkpoints = append(cfg.checkpoints, cp)
		return nil
	}
}

func (cp *checkpoint) export() Checkpoint {
	return Checkpoint{LogID: hex.EncodeToString(cp.id[:]), Seq: cp.seq, Hash: hex.EncodeToString(cp.hash[:])}
}

// Verify verifies the log at path, written by a Log, together with its
// head file <path>.head, and returns the number of events that verified
// (the log's first record, which names the log, is not counted).
//
// If a line is bad it returns a *TamperError naming the first bad line
// and the number of events before it; errors.Is(err, hipaa.ErrTampered)
// holds. A head file that is missing, damaged, a symbolic link, or
// (with a key) does not carry the key's MAC is reported as an error
// wrapping hipaa.ErrTampered that is not a *TamperError. A log that does
// not exist is an error wrapping fs.ErrNotExist.
//
// Verify may run while a Log (in this or another process) appends to the
// file; the batch being written at that moment may then be reported as
// "truncated". Verify a copy, or retry, to tell the two apart.
//
// Options: WithHMACKey (required if the log was written with one) and
// WithCheckpoint.
func Verify(path string, opts ...Option) (int, error) {
	c, err := newConfig(opts)
	if err != nil {
		return 0, err
	}
	if path == "" {
		return 0, misuse("empty log path")
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("auditlog: opening log: %w", err)
	}
	defer f.Close()
	st, _, err := c.verifyFile(f, path)
	return goodEvents(st, err), err
}

// VerifyReader verifies a log read from r, such as a copy of a Log's
// file, without its head file, and returns the number of events that
// verified, or a *TamperError as Verify does. Without the head file,
// removing whole lines from the end of the log is only detected up to a
// checkpoint: pass the last checkpoint you kept with WithCheckpoint. A
// nil r is refused with an error wrapping hipaa.ErrPolicy.
//
// Options: WithHMACKey and WithCheckpoint.
func VerifyReader(r io.Reader, opts ...Option) (int, error) {
	c, err := newConfig(opts)
	if err != nil {
		return 0, err
	}
	if r == nil {
		return 0, misuse("nil io.Reader")
	}
	st, err := c.verifyChain(r, c.checkpoints)
	return goodEvents(st, err), err
}

// goodEvents is the number of events before the first bad line.
func goodEvents(st *chainState, err error) int {
	var te *TamperError
	if errors.As(err, &te) {
		return max(te.Line-2, 0)
	}
	return int(st.n)
}

// readHead reads <path>.head. A head that does not exist is (nil, nil);
// the caller decides what that means.
func (c *config) readHead(path string) (*checkpoint, error) {
	f, err := openNoFollow(path+headSuffix, os.O_RDONLY)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return c.readHeadFrom(f)
}

// readHeadFrom reads and parses an open head file.
func (c *config) readHeadFrom(f *os.File) (*checkpoint, error) {
	b, err := io.ReadAll(io.NewSectionReader(f, 0, 2*headSlot+1))
	if err != nil {
		return nil, fmt.Errorf("auditlog: reading head file: %w", err)
	}
	return c.parseHead(b)
}

// verifyFile verifies the log read from r against the head file of path
// and the checkpoints. It returns the head it read, which is never nil
// when the error is nil.
func (c *config) verifyFile(r io.Reader, path string) (*chainState, *checkpoint, error) {
	// The head is read before the log: a Log makes a batch durable in
	// the log before it names it in the head, so a log being written is
	// never shorter than a head read earlier.
	head, err := c.readHead(path)
	if err != nil {
		return &chainState{}, nil, err
	}
	cps := c.checkpoints
	if head != nil {
		cps = append(slices.Clip(cps), *head)
	}
	st, err := c.verifyChain(r, cps)
	if err != nil {
		return st, nil, err
	}
	if head == nil {
		// A new log's head is written before the log appears under its
		// name, so a log without a head has lost it.
		return st, nil, tampered("head file %s is missing", filepath.Base(path)+headSuffix)
	}
	return st, head, nil
}
