// Package legacy is a frozen copy of the write path of hipaa.AuditLog as
// it was before package auditlog (one write, fsync, head file write,
// fsync, rename and directory fsync per event, under one mutex), kept only
// so that the throughput table can measure it beside auditlog.Log in the
// same run. Nothing else may use it, and it must not change.
package legacy

import (
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
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/phisafe/phisafe/hipaa"
)

const (
	maxAuditLine = 1 << 20
	headSuffix   = ".head"
	headTmp      = ".head.tmp"
	headMACLabel = "phisafe-audit-head-v1\x00"
)

type auditLogConfig struct {
	key []byte
}

func (c *auditLogConfig) newHash() hash.Hash {
	if c.key != nil {
		return hmac.New(sha256.New, c.key)
	}
	return sha256.New()
}

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

type chainContent struct {
	Seq   uint64      `json:"seq"`
	Prev  string      `json:"prev"`
	Event hipaa.Event `json:"event"`
}

type chainLine struct {
	Seq   uint64      `json:"seq"`
	Prev  string      `json:"prev"`
	Event hipaa.Event `json:"event"`
	Hash  string      `json:"hash"`
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

func sanitizeEvent(e hipaa.Event) hipaa.Event {
	for _, s := range []*string{&e.Actor, &e.Action, &e.Resource, &e.Reason, &e.RequestID, &e.KeyID, &e.Detail} {
		*s = strings.ToValidUTF8(*s, "\uFFFD")
	}
	e.Outcome = hipaa.Outcome(strings.ToValidUTF8(string(e.Outcome), "\uFFFD"))
	return e
}

func (c *auditLogConfig) encodeLine(seq uint64, prev [32]byte, e hipaa.Event) ([]byte, [32]byte, error) {
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

func (c *auditLogConfig) encodeHead(seq uint64, last [32]byte) []byte {
	h := chainHead{Seq: seq, Hash: hex.EncodeToString(last[:])}
	if c.key != nil {
		mac := c.headMAC(seq, last)
		h.MAC = hex.EncodeToString(mac[:])
	}
	b, _ := json.Marshal(h)
	return append(b, '\n')
}

// AuditLog is the old hipaa.AuditLog's write path.
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

// Create creates a new log at path (which must not exist), keyed with
// key if it is not nil. The old code's verification of an existing log
// is left out: the benchmark only ever starts a new one.
func Create(path string, key []byte) (*AuditLog, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	l := &AuditLog{path: path, dir: filepath.Dir(path), f: f, cfg: &auditLogConfig{key: bytes.Clone(key)}}
	if err := syncDir(l.dir); err != nil {
		f.Close()
		return nil, err
	}
	return l, nil
}

// Audit appends e, as the old hipaa.AuditLog.Audit did.
func (l *AuditLog) Audit(_ context.Context, e hipaa.Event) error {
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
		l.broken = fmt.Errorf("%w: audit log written by someone else (size %d, expected %d)", hipaa.ErrTampered, fi.Size(), l.size)
		return l.broken
	}
	if _, err := l.f.Write(line); err != nil {
		err = fmt.Errorf("hipaa: audit log: write: %w", err)
		if terr := l.f.Truncate(l.size); terr != nil {
			l.broken = errors.Join(err, terr)
		}
		return err
	}
	l.size += int64(len(line))
	if err := l.f.Sync(); err != nil {
		l.broken = fmt.Errorf("hipaa: audit log: fsync: %w", err)
		return l.broken
	}
	l.seq, l.last = l.seq+1, sum
	if err := l.writeHead(); err != nil {
		l.broken = err
		return err
	}
	return nil
}

func (l *AuditLog) writeHead() error {
	tmp := l.path + headTmp
	fail := func(err error) error { return fmt.Errorf("hipaa: audit log: writing head: %w", err) }
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fail(err)
	}
	_, err = f.Write(l.cfg.encodeHead(l.seq, l.last))
	if err == nil {
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
	if err := syncDir(l.dir); err != nil {
		return fail(err)
	}
	return nil
}

// Close closes the file.
func (l *AuditLog) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	l.closed = true
	return l.f.Close()
}

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
