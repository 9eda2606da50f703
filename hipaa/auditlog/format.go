package auditlog

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/phisafe/phisafe/hipaa"
)

// The file format, described for readers in the package documentation.
const (
	// maxLine bounds one line of the log, for the writer and the
	// verifier alike.
	maxLine = 1 << 20
	// lineOverhead bounds what a line adds around its event's JSON.
	lineOverhead = 256
	// formatName is the "format" of a log's first record.
	formatName = "phisafe-audit-v2"
	// chainLabel and headLabel separate the two uses of the hash.
	chainLabel = "phisafe-audit-v2 line\x00"
	headLabel  = "phisafe-audit-v2 head\x00"
	headSuffix = ".head"
	minKey     = 16
	// hashSuffixLen is len(`,"hash":"` + 64 hex digits + `"}`).
	hashSuffixLen = 9 + 64 + 2
	// headSlot is the size of each of the head file's two slots.
	headSlot = 256
)

// logID names one log. It is chosen at random when the log is created
// and bound into the hash of every line.
type logID [16]byte

// config is what the options set.
type config struct {
	key         []byte
	checkpoints []checkpoint
}

// checkpoint is a parsed Checkpoint.
type checkpoint struct {
	id   logID
	seq  uint64
	hash [32]byte
}

func newConfig(opts []Option) (*config, error) {
	c := &config{}
	for i, o := range opts {
		if o == nil {
			return nil, misuse("option %d is nil", i)
		}
		if err := o(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func (c *config) newHash() hash.Hash {
	if c.key != nil {
		return hmac.New(sha256.New, c.key)
	}
	return sha256.New()
}

// lineHash is H(chainLabel || id || prev || content || tail) computed
// with h (from newHash, reset here): the hash of a line whose content is
// given in two parts, so that the verifier can hash a line's content
// without copying it.
func lineHash(h hash.Hash, id *logID, prev *[32]byte, content []byte, tail string) (sum [32]byte) {
	h.Reset()
	h.Write([]byte(chainLabel))
	h.Write(id[:])
	h.Write(prev[:])
	h.Write(content)
	h.Write([]byte(tail))
	h.Sum(sum[:0])
	return sum
}

func (c *config) headMAC(id *logID, seq uint64, last *[32]byte) (sum [32]byte) {
	h := hmac.New(sha256.New, c.key)
	h.Write([]byte(headLabel))
	h.Write(id[:])
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], seq)
	h.Write(b[:])
	h.Write(last[:])
	h.Sum(sum[:0])
	return sum
}

// genesis is the "log" object of a log's first record.
type genesis struct {
	Format  string    `json:"format"`
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
}

// record is one line of the log. Field order is the canonical key order.
type record struct {
	Seq   uint64       `json:"seq"`
	Prev  string       `json:"prev"`
	Log   *genesis     `json:"log,omitempty"`
	Event *hipaa.Event `json:"event,omitempty"`
	Hash  string       `json:"hash"`
}

// headRecord is one slot of the head file.
type headRecord struct {
	Log  string `json:"log"`
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
	MAC  string `json:"mac,omitempty"`
}

func decodeHex(dst []byte, s string) bool {
	if len(s) != 2*len(dst) || strings.ToLower(s) != s {
		return false
	}
	_, err := hex.Decode(dst, []byte(s))
	return err == nil
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

// sanitizeEvent makes every string valid UTF-8, so that the line encoding
// round-trips exactly (encoding/json would otherwise write invalid bytes
// as \ufffd and decode them as U+FFFD, which re-encodes differently).
func sanitizeEvent(e hipaa.Event) hipaa.Event {
	for _, s := range []*string{&e.Actor, &e.Action, &e.Resource, &e.Reason, &e.RequestID, &e.KeyID, &e.Detail} {
		*s = strings.ToValidUTF8(*s, "\uFFFD")
	}
	e.Outcome = hipaa.Outcome(strings.ToValidUTF8(string(e.Outcome), "\uFFFD"))
	// In UTC an instant has one RFC 3339 form (an offset with seconds,
	// which RFC 3339 cannot write, would not read back the same).
	e.Time = e.Time.UTC()
	return e
}

// encodeEvent returns the JSON of e as a line carries it. With its strings
// valid UTF-8 and its time in UTC (sanitizeEvent), json.Marshal's output
// decodes and re-encodes to the same bytes, so the writer never produces a
// line that later fails verification (FuzzEncodeEvent checks this). It
// runs before the log's lock is taken.
func encodeEvent(e hipaa.Event) ([]byte, error) {
	b, err := json.Marshal(sanitizeEvent(e))
	if err != nil {
		return nil, fmt.Errorf("auditlog: encoding event: %w", err)
	}
	if len(b)+lineOverhead > maxLine {
		return nil, fmt.Errorf("auditlog: event too large (%d bytes)", len(b))
	}
	return b, nil
}

// appendLine appends line seq, carrying the event JSON ev (from
// encodeEvent), to dst, and returns it with the line's hash. The bytes
// are exactly what json.Marshal writes for the record, which the
// verifier checks.
func appendLine(h hash.Hash, dst []byte, id *logID, seq uint64, prev *[32]byte, ev []byte) ([]byte, [32]byte) {
	start := len(dst)
	dst = append(dst, `{"seq":`...)
	dst = strconv.AppendUint(dst, seq, 10)
	dst = append(dst, `,"prev":"`...)
	dst = hex.AppendEncode(dst, prev[:])
	dst = append(dst, `","event":`...)
	dst = append(dst, ev...)
	sum := lineHash(h, id, prev, dst[start:], "}")
	dst = append(dst, `,"hash":"`...)
	dst = hex.AppendEncode(dst, sum[:])
	dst = append(dst, "\"}\n"...)
	return dst, sum
}

// genesisLine builds a new log's first line.
func (c *config) genesisLine(id *logID, created time.Time) ([]byte, [32]byte, error) {
	var zero [32]byte
	r := record{Prev: hex.EncodeToString(zero[:]),
		Log: &genesis{Format: formatName, ID: hex.EncodeToString(id[:]), Created: created.UTC()}}
	b, err := json.Marshal(r)
	if err != nil {
		return nil, zero, fmt.Errorf("auditlog: encoding first record: %w", err)
	}
	// b ends with `,"hash":""}`: hash what precedes it, then fill it in.
	const empty = `,"hash":""}`
	content := b[:len(b)-len(empty)]
	sum := lineHash(c.newHash(), id, &zero, content, "}")
	line := append(bytes.Clone(content), `,"hash":"`...)
	line = hex.AppendEncode(line, sum[:])
	line = append(line, `"}`...)
	st := chainState{h: c.newHash()}
	if reason := c.checkLine(line, &st); reason != "" {
		return nil, zero, fmt.Errorf("auditlog: first record does not encode canonically (%s)", reason)
	}
	return append(line, '\n'), sum, nil
}

// chainState is what verification learned about a log so far.
type chainState struct {
	h       hash.Hash // from config.newHash
	started bool      // line 1, the first record, verified
	id      logID     // the log's id, from line 1
	n       uint64    // events verified (lines after line 1)
	last    [32]byte  // hash of the last good line
	first   [32]byte  // hash of line 1
	size    int64     // bytes of good lines
}

// line is the 1-based number of the next line.
func (st *chainState) line() int {
	if !st.started {
		return 1
	}
	return int(st.n) + 2
}

// checkLine verifies one line (without its '\n') as the next line after
// st and advances st, or returns the reason it is bad.
func (c *config) checkLine(raw []byte, st *chainState) (reason string) {
	var r record
	if err := strictDecode(raw, &r); err != nil {
		return "malformed"
	}
	canon, err := json.Marshal(r)
	if err != nil || !bytes.Equal(canon, raw) || len(raw) < hashSuffixLen {
		return "malformed"
	}
	var got, prev [32]byte
	if !decodeHex(got[:], r.Hash) || !decodeHex(prev[:], r.Prev) {
		return "malformed"
	}
	id := st.id
	if !st.started {
		// Line 1 is the first record: it names the log and starts the
		// chain.
		if r.Log == nil || r.Event != nil || r.Seq != 0 || prev != [32]byte{} ||
			r.Log.Format != formatName || !decodeHex(id[:], r.Log.ID) {
			return "malformed"
		}
	} else if r.Log != nil || r.Event == nil {
		return "malformed"
	}
	sum := lineHash(st.h, &id, &prev, raw[:len(raw)-hashSuffixLen], "}")
	if !hmac.Equal(sum[:], got[:]) {
		return "hash mismatch"
	}
	want := uint64(0)
	if st.started {
		want = st.n + 1
	}
	if r.Seq != want {
		return "sequence gap"
	}
	if prev != st.last {
		return "chain broken"
	}
	if !st.started {
		st.started, st.id, st.first = true, id, sum
	} else {
		st.n++
	}
	st.last = sum
	return ""
}

// verifyChain reads a whole log from r and checks it against cps. On a
// bad line it returns a *TamperError naming it; I/O errors are returned
// as they are.
func (c *config) verifyChain(r io.Reader, cps []checkpoint) (*chainState, error) {
	st := &chainState{h: c.newHash()}
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	for {
		buf = buf[:0]
		var err error
		for {
			var frag []byte
			frag, err = br.ReadSlice('\n')
			buf = append(buf, frag...)
			if err == bufio.ErrBufferFull && len(buf) <= maxLine {
				continue
			}
			break
		}
		line := st.line()
		switch {
		case err == bufio.ErrBufferFull:
			return st, &TamperError{Line: line, Reason: "malformed"}
		case err == io.EOF && len(buf) == 0:
			return st, checkpointsReached(st, cps)
		case err == io.EOF:
			return st, &TamperError{Line: line, Reason: "truncated"}
		case err != nil:
			return st, fmt.Errorf("auditlog: reading log: %w", err)
		}
		if reason := c.checkLine(buf[:len(buf)-1], st); reason != "" {
			return st, &TamperError{Line: line, Reason: reason}
		}
		st.size += int64(len(buf))
		for _, cp := range cps {
			if line == 1 && cp.id != st.id {
				return st, &TamperError{Line: 1, Reason: "wrong log"}
			}
			if cp.seq == uint64(line-1) && cp.hash != st.last {
				return st, &TamperError{Line: line, Reason: "hash mismatch"}
			}
		}
	}
}

// checkpointsReached checks, at the end of a log, that it is as long as
// every checkpoint requires.
func checkpointsReached(st *chainState, cps []checkpoint) error {
	if !st.started {
		return &TamperError{Line: 1, Reason: "truncated"}
	}
	for _, cp := range cps {
		if cp.seq > st.n {
			return &TamperError{Line: st.line(), Reason: "truncated"}
		}
	}
	return nil
}

// parseSlot parses one slot of the head file.
func (c *config) parseSlot(b []byte) (*checkpoint, string) {
	if len(b) != headSlot || b[headSlot-1] != '\n' {
		return nil, "malformed"
	}
	var h headRecord
	if strictDecode(bytes.TrimRight(b[:headSlot-1], " "), &h) != nil {
		return nil, "malformed"
	}
	cp := &checkpoint{seq: h.Seq}
	if !decodeHex(cp.id[:], h.Log) || !decodeHex(cp.hash[:], h.Hash) {
		return nil, "malformed"
	}
	if c.key != nil {
		var mac [32]byte
		want := c.headMAC(&cp.id, cp.seq, &cp.hash)
		if !decodeHex(mac[:], h.MAC) || !hmac.Equal(mac[:], want[:]) {
			return nil, "MAC mismatch"
		}
	}
	return cp, ""
}

// parseHead parses a head file: two slots, of which the one with the
// higher sequence number is the head. One slot that does not parse is
// accepted (it may have been torn by a crash or read while being
// written); two are tampering, as are two that name different logs.
func (c *config) parseHead(b []byte) (*checkpoint, error) {
	if len(b) != 2*headSlot {
		return nil, tampered("head file: malformed")
	}
	a, ra := c.parseSlot(b[:headSlot])
	z, _ := c.parseSlot(b[headSlot:])
	switch {
	case a == nil && z == nil:
		return nil, tampered("head file: %s", ra)
	case a == nil:
		return z, nil
	case z == nil:
		return a, nil
	case a.id != z.id:
		return nil, tampered("head file: slots name different logs")
	case z.seq > a.seq:
		return z, nil
	}
	return a, nil
}

// encodeSlot encodes one slot of the head file.
func (c *config) encodeSlot(id *logID, seq uint64, last *[32]byte) []byte {
	h := headRecord{Log: hex.EncodeToString(id[:]), Seq: seq, Hash: hex.EncodeToString(last[:])}
	if c.key != nil {
		mac := c.headMAC(id, seq, last)
		h.MAC = hex.EncodeToString(mac[:])
	}
	b, _ := json.Marshal(h) // cannot fail, and fits: a number and four short strings
	b = append(b, bytes.Repeat([]byte(" "), headSlot-1-len(b))...)
	return append(b, '\n')
}
