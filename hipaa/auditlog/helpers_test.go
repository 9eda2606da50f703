package auditlog_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/auditlog"
)

// testKey is a synthetic HMAC key.
var testKey = []byte("0123456789abcdef0123456789abcdef")

// testEvent is a synthetic event (no PHI).
func testEvent(i int) hipaa.Event {
	return hipaa.Event{
		Time:      time.Date(2025, 1, 2, 3, 4, 5, i, time.UTC),
		Actor:     "arn:aws:iam::123456789012:role/app",
		Action:    "s3.PutObject",
		Resource:  "arn:aws:s3:::bucket",
		Outcome:   hipaa.OutcomeAttempt,
		RequestID: "req-" + string(rune('a'+i%26)),
		Bytes:     int64(i),
		KeyID:     "alias/phi",
	}
}

// writeLog writes n events to a new log in a temp dir and returns its path.
func writeLog(t *testing.T, n int, opts ...auditlog.Option) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := auditlog.Open(path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if err := l.Audit(context.Background(), testEvent(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// splitLines splits a log into lines, each keeping its '\n'.
func splitLines(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, b)
			break
		}
		out = append(out, b[:i+1])
		b = b[i+1:]
	}
	return out
}

type logInfo struct {
	Format  string    `json:"format"`
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
}

type logLine struct {
	Seq   uint64       `json:"seq"`
	Prev  string       `json:"prev"`
	Log   *logInfo     `json:"log,omitempty"`
	Event *hipaa.Event `json:"event,omitempty"`
	Hash  string       `json:"hash"`
}

func parseLine(t *testing.T, b []byte) logLine {
	t.Helper()
	var l logLine
	if err := json.Unmarshal(b, &l); err != nil {
		t.Fatal(err)
	}
	return l
}

// logIDOf returns the log id named by a log's first line.
func logIDOf(t *testing.T, lines [][]byte) string {
	t.Helper()
	g := parseLine(t, lines[0])
	if g.Log == nil {
		t.Fatal("line 1 is not a first record")
	}
	return g.Log.ID
}

// forgeLine builds an event line the way the documented format says, as
// an attacker who knows the format (and, for HMAC logs, maybe a wrong
// key) would.
func forgeLine(key []byte, id string, seq uint64, prevHex string, e hipaa.Event) []byte {
	content, _ := json.Marshal(struct {
		Seq   uint64      `json:"seq"`
		Prev  string      `json:"prev"`
		Event hipaa.Event `json:"event"`
	}{seq, prevHex, e})
	rawID, _ := hex.DecodeString(id)
	prev, _ := hex.DecodeString(prevHex)
	h := sha256.New()
	if key != nil {
		h = hmac.New(sha256.New, key)
	}
	h.Write([]byte("phisafe-audit-v2 line\x00"))
	h.Write(rawID)
	h.Write(prev)
	h.Write(content)
	line, _ := json.Marshal(logLine{Seq: seq, Prev: prevHex, Event: &e, Hash: hex.EncodeToString(h.Sum(nil))})
	return append(line, '\n')
}

// forgeHead builds a head file (both slots naming line seq), with a MAC
// under key if key is not nil.
func forgeHead(key []byte, id string, seq uint64, hash string) []byte {
	h := struct {
		Log  string `json:"log"`
		Seq  uint64 `json:"seq"`
		Hash string `json:"hash"`
		MAC  string `json:"mac,omitempty"`
	}{id, seq, hash, ""}
	if key != nil {
		m := hmac.New(sha256.New, key)
		m.Write([]byte("phisafe-audit-v2 head\x00"))
		rawID, _ := hex.DecodeString(id)
		m.Write(rawID)
		m.Write(binary.BigEndian.AppendUint64(nil, seq))
		rawHash, _ := hex.DecodeString(hash)
		m.Write(rawHash)
		h.MAC = hex.EncodeToString(m.Sum(nil))
	}
	b, _ := json.Marshal(h)
	slot := append(b, bytes.Repeat([]byte(" "), 255-len(b))...)
	slot = append(slot, '\n')
	return append(slot, slot...)
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// wantTamper checks that err is a *TamperError for line with reason
// (reason "" accepts any), and that n is the number of events before it.
func wantTamper(t *testing.T, n int, err error, line int, reason string) {
	t.Helper()
	if !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("err = %v, want ErrTampered", err)
	}
	var te *auditlog.TamperError
	if !errors.As(err, &te) {
		t.Fatalf("err = %T %v, want *TamperError", err, err)
	}
	if te.Line != line || (reason != "" && te.Reason != reason) {
		t.Fatalf("got line %d %q, want line %d %q", te.Line, te.Reason, line, reason)
	}
	if n != max(line-2, 0) {
		t.Fatalf("good events = %d, want %d", n, max(line-2, 0))
	}
}

// wantHeadTamper checks that err wraps ErrTampered and is not a
// *TamperError (an error about the head file or the log as a whole).
func wantHeadTamper(t *testing.T, err error) {
	t.Helper()
	var te *auditlog.TamperError
	if !errors.Is(err, hipaa.ErrTampered) || errors.As(err, &te) {
		t.Fatalf("err = %v, want a head error wrapping ErrTampered", err)
	}
}
