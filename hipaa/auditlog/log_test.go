package auditlog_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/auditlog"
)

func TestRoundTrip(t *testing.T) {
	path := writeLog(t, 5)
	n, err := auditlog.Verify(path)
	if err != nil || n != 5 {
		t.Fatalf("Verify = %d, %v", n, err)
	}
	lines := splitLines(readFile(t, path))
	if len(lines) != 6 {
		t.Fatalf("%d lines", len(lines))
	}
	g := parseLine(t, lines[0])
	if g.Seq != 0 || g.Prev != strings.Repeat("0", 64) || g.Log == nil || g.Event != nil ||
		g.Log.Format != "phisafe-audit-v2" || len(g.Log.ID) != 32 || g.Log.Created.IsZero() {
		t.Fatalf("first record %s", lines[0])
	}
	id := g.Log.ID
	prev := g.Hash
	for i, b := range lines[1:] {
		l := parseLine(t, b)
		if l.Seq != uint64(i+1) || l.Prev != prev || l.Event == nil || l.Log != nil {
			t.Fatalf("line %d: %s", i+2, b)
		}
		if want := testEvent(i); *l.Event != want {
			t.Fatalf("line %d: event %+v, want %+v", i+2, *l.Event, want)
		}
		// The line's hash is the documented SHA-256(label || id || prev || content).
		if got := forgeLine(nil, id, l.Seq, l.Prev, *l.Event); !bytes.Equal(got, b) {
			t.Fatalf("line %d differs from documented format:\n%s\n%s", i+2, got, b)
		}
		prev = l.Hash
	}
	// The event carries only the Event's own fields: nothing added.
	var raw struct {
		Event map[string]any `json:"event"`
	}
	if err := json.Unmarshal(lines[1], &raw); err != nil {
		t.Fatal(err)
	}
	for k := range raw.Event {
		switch k {
		case "time", "actor", "action", "resource", "outcome", "reason", "request_id", "bytes", "key_id", "detail":
		default:
			t.Errorf("unexpected event field %q", k)
		}
	}
	// The head file is the documented two slots naming the last line.
	got, want := readFile(t, path+".head"), forgeHead(nil, id, 5, prev)[:256]
	if len(got) != 512 || (!bytes.Equal(got[:256], want) && !bytes.Equal(got[256:], want)) {
		t.Fatalf("head file:\n%q\nhas no slot\n%q", got, want)
	}
	if runtime.GOOS != "windows" {
		for _, p := range []string{path, path + ".head"} {
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != 0o600 {
				t.Errorf("%s: mode %v, want 0600", filepath.Base(p), fi.Mode().Perm())
			}
		}
	}
	// No temporary file is left behind.
	ents, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 2 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Fatalf("directory holds %v", names)
	}
}

func TestResume(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []auditlog.Option
	}{
		{"sha256", nil},
		{"hmac", []auditlog.Option{auditlog.WithHMACKey(testKey)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeLog(t, 3, tc.opts...)
			l, err := auditlog.Open(path, tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if cp := l.Checkpoint(); cp.Seq != 3 || len(cp.LogID) != 32 || len(cp.Hash) != 64 {
				t.Fatalf("resumed at %+v", cp)
			}
			for i := 3; i < 5; i++ {
				if err := l.Audit(context.Background(), testEvent(i)); err != nil {
					t.Fatal(err)
				}
			}
			cp := l.Checkpoint()
			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			if err := l.Close(); err != nil {
				t.Fatalf("second Close: %v", err)
			}
			if err := l.Audit(context.Background(), testEvent(9)); !errors.Is(err, os.ErrClosed) {
				t.Fatalf("Audit after Close = %v", err)
			}
			opts := append(tc.opts, auditlog.WithCheckpoint(cp))
			if n, err := auditlog.Verify(path, opts...); err != nil || n != 5 || cp.Seq != 5 {
				t.Fatalf("Verify = %d, %v (checkpoint %+v)", n, err, cp)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if n, err := auditlog.VerifyReader(f, opts...); err != nil || n != 5 {
				t.Fatalf("VerifyReader = %d, %v", n, err)
			}
		})
	}
}

// TestEveryByte flips each byte of a log in turn and checks that
// verification fails at exactly the line holding that byte.
func TestEveryByte(t *testing.T) {
	for _, key := range [][]byte{nil, testKey} {
		var opts []auditlog.Option
		if key != nil {
			opts = append(opts, auditlog.WithHMACKey(key))
		}
		orig := readFile(t, writeLog(t, 3, opts...))
		line := 1
		for i := range orig {
			for _, flip := range []byte{0x01, 0x20, 0x80} {
				b := bytes.Clone(orig)
				b[i] ^= flip
				n, err := auditlog.VerifyReader(bytes.NewReader(b), opts...)
				if err == nil {
					t.Fatalf("byte %d ^ %#x (line %d): not detected", i, flip, line)
				}
				wantTamper(t, n, err, line, "")
			}
			if orig[i] == '\n' {
				line++
			}
		}
	}
}

func TestTamper(t *testing.T) {
	const N = 5 // events: lines 2..6
	type mutation func(t *testing.T, lines [][]byte, head []byte) ([][]byte, []byte)
	edit := func(line int, old, new string) mutation {
		return func(t *testing.T, lines [][]byte, head []byte) ([][]byte, []byte) {
			l := lines[line-1]
			if !bytes.Contains(l, []byte(old)) {
				t.Fatalf("line %d has no %q", line, old)
			}
			lines[line-1] = bytes.Replace(l, []byte(old), []byte(new), 1)
			return lines, head
		}
	}
	del := func(line int) mutation {
		return func(t *testing.T, lines [][]byte, head []byte) ([][]byte, []byte) {
			return append(lines[:line-1], lines[line:]...), head
		}
	}
	insert := func(at int, mk func(id string, prev logLine) []byte) mutation {
		return func(t *testing.T, lines [][]byte, head []byte) ([][]byte, []byte) {
			prev := parseLine(t, lines[at-2])
			l := mk(logIDOf(t, lines), prev)
			return append(lines[:at-1], append([][]byte{l}, lines[at-1:]...)...), head
		}
	}
	forged := func(key []byte) func(id string, prev logLine) []byte {
		return func(id string, prev logLine) []byte {
			e := testEvent(42)
			e.Outcome = hipaa.OutcomeSuccess
			return forgeLine(key, id, prev.Seq+1, prev.Hash, e)
		}
	}
	hmacOpts := []auditlog.Option{auditlog.WithHMACKey(testKey)}

	for _, tc := range []struct {
		name   string
		opts   []auditlog.Option
		mutate mutation
		line   int
		reason string
	}{
		{"edit first record", nil, edit(1, `"format":"phisafe-audit-v2"`, `"format":"phisafe-audit-v3"`), 1, "malformed"},
		{"edit log id", nil, edit(1, `"id":"`, `"id":"0`), 1, "malformed"},
		{"edit first event", nil, edit(2, `"s3.PutObject"`, `"s3.GetObject"`), 2, "hash mismatch"},
		{"edit middle line", nil, edit(4, `"bytes":2`, `"bytes":9`), 4, "hash mismatch"},
		{"edit last line", nil, edit(6, `"attempt"`, `"success"`), 6, "hash mismatch"},
		{"edit hash field", nil, edit(3, `"hash":"`, `"hash":"f`), 3, "malformed"},
		{"edit seq", nil, edit(3, `"seq":2`, `"seq":7`), 3, "hash mismatch"},
		{"non-canonical whitespace", nil, edit(3, `"seq":2`, `"seq": 2`), 3, "malformed"},
		{"non-canonical key case", nil, edit(3, `"seq"`, `"Seq"`), 3, "malformed"},
		{"non-canonical escape", nil, edit(3, `"s3.`, `"\u0073\u0033.`), 3, "malformed"},
		{"unknown field", nil, edit(3, `{"seq"`, `{"x":1,"seq"`), 3, "malformed"},
		{"event in first record", nil, edit(1, `"log":`, `"event":{"time":"2025-01-02T03:04:05Z","action":"x","outcome":"attempt"},"log":`), 1, "malformed"},
		{"delete first record", nil, del(1), 1, "malformed"},
		{"delete first event", nil, del(2), 2, "sequence gap"},
		{"delete middle line", nil, del(4), 4, "sequence gap"},
		{"delete last line (head)", nil, del(6), 6, "truncated"},
		{"delete last two lines (head)", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			return l[:4], h
		}, 5, "truncated"},
		{"delete every event (head)", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			return l[:1], h
		}, 2, "truncated"},
		{"delete all lines", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			return nil, h
		}, 1, "truncated"},
		{"reorder lines", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			l[2], l[3] = l[3], l[2]
			return l, h
		}, 3, "sequence gap"},
		{"duplicate line", nil, insert(4, func(_ string, prev logLine) []byte {
			b, _ := json.Marshal(prev)
			return append(b, '\n')
		}), 4, "sequence gap"},
		{"duplicate first record", nil, insert(2, func(_ string, prev logLine) []byte {
			b, _ := json.Marshal(prev)
			return append(b, '\n')
		}), 2, "malformed"},
		{"cut mid-line", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			l[4] = l[4][:len(l[4])/2]
			return l[:5], h
		}, 5, "truncated"},
		{"cut final newline", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			l[5] = l[5][:len(l[5])-1]
			return l, h
		}, 6, "truncated"},
		{"blank line", nil, insert(4, func(string, logLine) []byte { return []byte("\n") }), 4, "malformed"},
		{"inserted line, bad hash", nil, insert(4, func(id string, prev logLine) []byte {
			b := forged(nil)(id, prev)
			i := bytes.Index(b, []byte(`"hash":"`)) + len(`"hash":"`)
			if b[i] == '0' {
				b[i] = '1'
			} else {
				b[i] = '0'
			}
			return b
		}), 4, "hash mismatch"},
		// Without a key, a forger can compute a valid line; it is caught
		// where it breaks the chain, at the next line.
		{"inserted forged line, sha256", nil, insert(4, forged(nil)), 5, "sequence gap"},
		// With a key, the forged line itself fails.
		{"inserted forged line, hmac", hmacOpts, insert(4, forged(nil)), 4, "hash mismatch"},
		{"inserted forged line, hmac wrong key", hmacOpts, insert(4, forged([]byte("the-wrong-key-0123456789abcdef!!"))), 4, "hash mismatch"},
		{"appended forged line, hmac", hmacOpts, insert(7, forged(nil)), 7, "hash mismatch"},
		{"edit line, hmac", hmacOpts, edit(5, `"attempt"`, `"refused"`), 5, "hash mismatch"},
		{"delete last line, hmac (head)", hmacOpts, del(6), 6, "truncated"},
		// Without a key, rewriting the last line with a recomputed hash is
		// caught by the head.
		{"rewrite last line, sha256 (head)", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			prev := parseLine(t, l[4])
			l[5] = forged(nil)(logIDOf(t, l), prev)
			return l, h
		}, 6, "hash mismatch"},
		// A line moved from another log (same key) does not chain.
		{"line from another log, hmac", hmacOpts, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			other := splitLines(readFile(t, writeLog(t, N, hmacOpts...)))
			l[3] = other[3]
			return l, h
		}, 4, "hash mismatch"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeLog(t, N, tc.opts...)
			lines := splitLines(readFile(t, path))
			head := readFile(t, path+".head")
			lines, head = tc.mutate(t, lines, head)
			writeFile(t, path, bytes.Join(lines, nil))
			writeFile(t, path+".head", head)
			n, err := auditlog.Verify(path, tc.opts...)
			wantTamper(t, n, err, tc.line, tc.reason)

			// Open refuses to append to it, and leaves it alone.
			before := readFile(t, path)
			l, err := auditlog.Open(path, tc.opts...)
			if err == nil {
				l.Close()
				t.Fatal("Open accepted a tampered log")
			}
			wantTamper(t, max(tc.line-2, 0), err, tc.line, tc.reason)
			if !bytes.Equal(before, readFile(t, path)) {
				t.Fatal("Open modified a tampered log")
			}
		})
	}
}

// TestCheckpoint: without a key, someone who can write both files can
// cut the tail and rewrite the head consistently. A checkpoint kept
// elsewhere still catches it.
func TestCheckpoint(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := auditlog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	cp0 := l.Checkpoint()
	if cp0.Seq != 0 {
		t.Fatalf("new log checkpoint %+v", cp0)
	}
	for i := range 5 {
		if err := l.Audit(context.Background(), testEvent(i)); err != nil {
			t.Fatal(err)
		}
	}
	cp5 := l.Checkpoint()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	lines := splitLines(readFile(t, path))
	l3 := parseLine(t, lines[3])
	writeFile(t, path, bytes.Join(lines[:4], nil))
	writeFile(t, path+".head", forgeHead(nil, cp5.LogID, l3.Seq, l3.Hash))

	if n, err := auditlog.Verify(path); err != nil || n != 3 {
		t.Fatalf("consistent truncation without checkpoint: %d, %v (expected to pass: documented limit)", n, err)
	}
	n, err := auditlog.Verify(path, auditlog.WithCheckpoint(cp5))
	wantTamper(t, n, err, 5, "truncated")
	n, err = auditlog.VerifyReader(bytes.NewReader(bytes.Join(lines[:4], nil)), auditlog.WithCheckpoint(cp5))
	wantTamper(t, n, err, 5, "truncated")
	// A checkpoint whose hash differs from the line's.
	bad := cp5
	bad.Seq = 2
	n, err = auditlog.Verify(path, auditlog.WithCheckpoint(bad))
	wantTamper(t, n, err, 3, "hash mismatch")
	bad.Seq = 0
	n, err = auditlog.Verify(path, auditlog.WithCheckpoint(bad))
	wantTamper(t, n, err, 1, "hash mismatch")
	// Open honours checkpoints too.
	if _, err := auditlog.Open(path, auditlog.WithCheckpoint(cp5)); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("Open with checkpoint = %v", err)
	}
	l3cp := auditlog.Checkpoint{LogID: cp5.LogID, Seq: 3, Hash: l3.Hash}
	if n, err := auditlog.Verify(path, auditlog.WithCheckpoint(l3cp), auditlog.WithCheckpoint(cp0)); err != nil || n != 3 {
		t.Fatalf("good checkpoints: %d, %v", n, err)
	}
	// A Checkpoint round-trips through JSON.
	b, err := json.Marshal(cp5)
	if err != nil {
		t.Fatal(err)
	}
	var back auditlog.Checkpoint
	if err := json.Unmarshal(b, &back); err != nil || back != cp5 {
		t.Fatalf("JSON round trip: %s -> %+v, %v", b, back, err)
	}
}

func TestHead(t *testing.T) {
	for _, behind := range []int{1, 3} {
		t.Run(fmt.Sprintf("head %d line(s) behind is accepted and repaired", behind), func(t *testing.T) {
			path := writeLog(t, 5)
			lines := splitLines(readFile(t, path))
			id := logIDOf(t, lines)
			p := parseLine(t, lines[5-behind])
			writeFile(t, path+".head", forgeHead(nil, id, p.Seq, p.Hash))
			if n, err := auditlog.Verify(path); err != nil || n != 5 {
				t.Fatalf("lagging head: %d, %v", n, err)
			}
			l, err := auditlog.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			l.Close()
			last := parseLine(t, lines[5])
			got := readFile(t, path+".head")
			if want := forgeHead(nil, id, 5, last.Hash); !bytes.Equal(got[:256], want[:256]) && !bytes.Equal(got[256:], want[256:]) {
				t.Fatalf("head not repaired: %s", got)
			}
		})
	}
	t.Run("head missing", func(t *testing.T) {
		for _, n := range []int{0, 1, 5} {
			path := writeLog(t, n)
			if err := os.Remove(path + ".head"); err != nil {
				t.Fatal(err)
			}
			got, err := auditlog.Verify(path)
			wantHeadTamper(t, err)
			if got != n {
				t.Fatalf("good events %d, want %d", got, n)
			}
			if _, err := auditlog.Open(path); !errors.Is(err, hipaa.ErrTampered) {
				t.Fatalf("Open: %v", err)
			}
		}
	})
	t.Run("lagging head with wrong hash", func(t *testing.T) {
		path := writeLog(t, 5)
		lines := splitLines(readFile(t, path))
		writeFile(t, path+".head", forgeHead(nil, logIDOf(t, lines), 4, parseLine(t, lines[2]).Hash))
		n, err := auditlog.Verify(path)
		wantTamper(t, n, err, 5, "hash mismatch")
	})
	t.Run("one torn slot is accepted", func(t *testing.T) {
		opts := []auditlog.Option{auditlog.WithHMACKey(testKey)}
		path := writeLog(t, 5, opts...)
		events := 5
		for _, slot := range []int{0, 256} {
			head := readFile(t, path+".head")
			torn := bytes.Clone(head)
			copy(torn[slot+10:slot+40], bytes.Repeat([]byte{0}, 30))
			writeFile(t, path+".head", torn)
			if n, err := auditlog.Verify(path, opts...); err != nil || n != events {
				t.Fatalf("slot %d torn: %d, %v", slot, n, err)
			}
			// Open writes the torn slot next, so the good one survives.
			l, err := auditlog.Open(path, opts...)
			if err != nil {
				t.Fatal(err)
			}
			if err := l.Audit(context.Background(), testEvent(9)); err != nil {
				t.Fatal(err)
			}
			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			events++
			if n, err := auditlog.Verify(path, opts...); err != nil || n != events {
				t.Fatalf("after append: %d, %v", n, err)
			}
		}
	})
	tear := func(b []byte) []byte { return append(b[:256:256], b[256:]...) }
	for _, tc := range []struct {
		name string
		head func(t *testing.T, good []byte) []byte
	}{
		{"malformed", func(*testing.T, []byte) []byte { return bytes.Repeat([]byte("{\"seq\":5}\n"), 2) }},
		{"empty", func(*testing.T, []byte) []byte { return []byte{} }},
		{"one slot", func(_ *testing.T, good []byte) []byte { return good[:256] }},
		{"three slots", func(_ *testing.T, good []byte) []byte { return append(tear(good), good[:256]...) }},
		{"no newline", func(_ *testing.T, good []byte) []byte {
			b := bytes.Clone(good)
			b[255], b[511] = ' ', ' '
			return b
		}},
		{"hmac head without mac", func(t *testing.T, good []byte) []byte {
			var h map[string]any
			if err := json.Unmarshal(bytes.TrimSpace(good[:256]), &h); err != nil {
				t.Fatal(err)
			}
			return forgeHead(nil, h["log"].(string), uint64(h["seq"].(float64)), h["hash"].(string))
		}},
		{"slots name different logs", func(t *testing.T, good []byte) []byte {
			other := readFile(t, writeLog(t, 5, auditlog.WithHMACKey(testKey))+".head")
			return append(tear(good)[:256], other[256:]...)
		}},
	} {
		t.Run("bad head "+tc.name, func(t *testing.T) {
			opts := []auditlog.Option{auditlog.WithHMACKey(testKey)}
			path := writeLog(t, 5, opts...)
			writeFile(t, path+".head", tc.head(t, readFile(t, path+".head")))
			_, err := auditlog.Verify(path, opts...)
			wantHeadTamper(t, err)
			if _, err := auditlog.Open(path, opts...); !errors.Is(err, hipaa.ErrTampered) {
				t.Fatalf("Open: %v", err)
			}
		})
	}
	t.Run("hmac head rolled back to an earlier line", func(t *testing.T) {
		opts := []auditlog.Option{auditlog.WithHMACKey(testKey)}
		path := writeLog(t, 5, opts...)
		lines := splitLines(readFile(t, path))
		// Cut the last two lines and point the head at line 4, as an
		// attacker without the key would.
		writeFile(t, path, bytes.Join(lines[:4], nil))
		p := parseLine(t, lines[3])
		writeFile(t, path+".head", forgeHead(nil, logIDOf(t, lines), p.Seq, p.Hash))
		_, err := auditlog.Verify(path, opts...)
		wantHeadTamper(t, err)
	})
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	if _, err := auditlog.Open(filepath.Join(dir, "a.log"), auditlog.WithHMACKey([]byte("short"))); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("short key: %v", err)
	}
	for _, cp := range []auditlog.Checkpoint{
		{},
		{LogID: strings.Repeat("a", 32), Hash: "xyz"},
		{LogID: strings.Repeat("a", 32), Hash: strings.Repeat("A", 64)},
		{LogID: strings.Repeat("a", 31), Hash: strings.Repeat("a", 64)},
	} {
		if _, err := auditlog.VerifyReader(strings.NewReader(""), auditlog.WithCheckpoint(cp)); !errors.Is(err, hipaa.ErrPolicy) {
			t.Errorf("bad checkpoint %+v: %v", cp, err)
		}
	}
	if _, err := auditlog.Open(""); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("empty path: %v", err)
	}
	if _, err := auditlog.Verify(""); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("Verify empty path: %v", err)
	}
	if _, err := auditlog.Verify(filepath.Join(dir, "missing.log")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing log: %v", err)
	}
	// An empty stream is not a log: it lacks the first record.
	n, err := auditlog.VerifyReader(strings.NewReader(""))
	wantTamper(t, n, err, 1, "truncated")
	// Nil reader, nil options: typed errors, no panic.
	if _, err := auditlog.VerifyReader(nil); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("nil reader: %v", err)
	}
	if _, err := auditlog.Verify(filepath.Join(dir, "a.log"), nil); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("nil option: %v", err)
	}
	if _, err := auditlog.Open(filepath.Join(dir, "a.log"), auditlog.WithHMACKey(testKey), nil); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("nil option: %v", err)
	}
	if _, err := auditlog.VerifyReader(strings.NewReader(""), nil); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("nil option: %v", err)
	}
	// The zero Log and a nil *Log.
	var zero auditlog.Log
	if err := zero.Audit(ctx, testEvent(0)); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("zero Log Audit: %v", err)
	}
	if err := zero.Close(); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("zero Log Close: %v", err)
	}
	if cp := zero.Checkpoint(); cp != (auditlog.Checkpoint{}) || zero.Path() != "" {
		t.Errorf("zero Log Checkpoint %+v", cp)
	}
	var nilLog *auditlog.Log
	if err := nilLog.Audit(ctx, testEvent(0)); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("nil log: %v", err)
	}
	if err := nilLog.Close(); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("nil log Close: %v", err)
	}
	_ = nilLog.Checkpoint()
	// A wrong key fails at line 1.
	path := writeLog(t, 2, auditlog.WithHMACKey(testKey))
	n, err = auditlog.Verify(path)
	wantTamper(t, n, err, 1, "hash mismatch")
	n, err = auditlog.Verify(path, auditlog.WithHMACKey([]byte("another-key-0123456789abcdef")))
	if !errors.Is(err, hipaa.ErrTampered) || n != 0 {
		t.Errorf("other key: %d, %v", n, err)
	}
	// An over-long line.
	long := append(bytes.Repeat([]byte("x"), 2<<20), '\n')
	n, err = auditlog.VerifyReader(bytes.NewReader(long))
	wantTamper(t, n, err, 1, "malformed")
	// Error messages name the package.
	if err := zero.Audit(ctx, testEvent(0)); !strings.HasPrefix(err.Error(), "auditlog: ") {
		t.Errorf("message %q", err)
	}
}

func TestEventEncoding(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := auditlog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	odd := hipaa.Event{
		Time:   time.Date(2025, 6, 1, 12, 0, 0, 0, time.FixedZone("X", 5*3600+1800)),
		Action: "a<b>&c\u2028\"\\\x00\xff\xfe", Outcome: hipaa.OutcomeFailed, Detail: "\U0001F600",
	}
	if err := l.Audit(ctx, odd); err != nil {
		t.Fatal(err)
	}
	// Too large to be a line: refused, and the log stays valid.
	big := testEvent(1)
	big.Detail = strings.Repeat("d", 2<<20)
	if err := l.Audit(ctx, big); err == nil {
		t.Fatal("oversized event accepted")
	}
	// Not encodable (a year JSON cannot hold): refused, log usable.
	bad := testEvent(1)
	bad.Time = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := l.Audit(ctx, bad); err == nil {
		t.Fatal("unencodable event accepted")
	}
	if err := l.Audit(ctx, testEvent(2)); err != nil {
		t.Fatal(err)
	}
	if n, err := auditlog.Verify(path); err != nil || n != 2 {
		t.Fatalf("Verify = %d, %v", n, err)
	}
}

func TestForeignWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := auditlog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	if err := l.Audit(ctx, testEvent(0)); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("x"))
	f.Close()
	if err := l.Audit(ctx, testEvent(1)); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("Audit after foreign write = %v", err)
	}
	// The log stays unusable.
	if err := l.Audit(ctx, testEvent(2)); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("second Audit = %v", err)
	}
	if err := l.Close(); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("Close = %v", err)
	}
}

// TestVerifyWhileWriting verifies a log while goroutines append to it:
// each verification passes, or reports only the batch being written as
// truncated.
func TestVerifyWhileWriting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := auditlog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	done := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 75 {
				if err := l.Audit(context.Background(), testEvent(w*100+i)); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(done) }()
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		n, err := auditlog.Verify(path)
		var te *auditlog.TamperError
		if err != nil && !(errors.As(err, &te) && te.Reason == "truncated" && te.Line == n+2) {
			t.Fatalf("n=%d err=%v", n, err)
		}
	}
	if n, err := auditlog.Verify(path); err != nil || n != 300 {
		t.Fatalf("final: %d, %v", n, err)
	}
}

// TestGroupCommit: many concurrent callers, every event written exactly
// once, in a chain that verifies, each Audit returning only once its own
// line is in the head the Log reports.
func TestGroupCommit(t *testing.T) {
	const callers, each = 64, 20
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := auditlog.Open(path, auditlog.WithHMACKey(testKey))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for c := range callers {
		wg.Go(func() {
			for i := range each {
				e := testEvent(i)
				e.RequestID = fmt.Sprintf("req-%03d-%03d", c, i)
				if err := l.Audit(context.Background(), e); err != nil {
					t.Error(err)
					return
				}
				// Durable before returning: the checkpoint covers it.
				if cp := l.Checkpoint(); cp.Seq < uint64(i+1) {
					t.Errorf("Audit returned before its line was durable (checkpoint %d)", cp.Seq)
				}
			}
		})
	}
	wg.Wait()
	cp := l.Checkpoint()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	n, err := auditlog.Verify(path, auditlog.WithHMACKey(testKey), auditlog.WithCheckpoint(cp))
	if err != nil || n != callers*each || cp.Seq != callers*each {
		t.Fatalf("Verify = %d, %v (checkpoint %d)", n, err, cp.Seq)
	}
	seen := map[string]bool{}
	for _, b := range splitLines(readFile(t, path))[1:] {
		id := parseLine(t, b).Event.RequestID
		if seen[id] {
			t.Fatalf("%s written twice", id)
		}
		seen[id] = true
	}
}

// TestGuardConcurrent runs many operations at once through Guard into
// one log; the log must verify and hold an attempt and a success for
// each.
func TestGuardConcurrent(t *testing.T) {
	const N = 64
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := auditlog.Open(path, auditlog.WithHMACKey(testKey))
	if err != nil {
		t.Fatal(err)
	}
	p := &hipaa.Policy{Auditor: l}
	var wg sync.WaitGroup
	for i := range N {
		wg.Go(func() {
			err := p.Guard(context.Background(), hipaa.Operation{Action: "s3.GetObject", Resource: "arn:aws:s3:::bucket"},
				func(context.Context) (int64, error) { return int64(i), nil })
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	n, err := auditlog.Verify(path, auditlog.WithHMACKey(testKey))
	if err != nil || n != 2*N {
		t.Fatalf("Verify = %d, %v", n, err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	perRequest := map[string][]hipaa.Outcome{}
	sc := bufio.NewScanner(f)
	sc.Scan() // the first record
	for sc.Scan() {
		var line logLine
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		perRequest[line.Event.RequestID] = append(perRequest[line.Event.RequestID], line.Event.Outcome)
	}
	if len(perRequest) != N {
		t.Fatalf("%d requests", len(perRequest))
	}
	for rid, o := range perRequest {
		if len(o) != 2 || o[0] != hipaa.OutcomeAttempt || o[1] != hipaa.OutcomeSuccess {
			t.Fatalf("%s: %v", rid, o)
		}
	}
}

// TestBatchFailure: a failed write or fsync fails every caller whose
// event was in the batch (or queued behind it), and every later call;
// the file is left as it was before the batch, so that reopening it
// verifies and holds exactly the events that were acknowledged.
func TestBatchFailure(t *testing.T) {
	for _, op := range []string{"write", "sync", "head"} {
		t.Run(op, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "audit.log")
			l, err := auditlog.Open(path, auditlog.WithHMACKey(testKey))
			if err != nil {
				t.Fatal(err)
			}
			for i := range 3 {
				if err := l.Audit(context.Background(), testEvent(i)); err != nil {
					t.Fatal(err)
				}
			}
			errIO := errors.New("injected I/O error")
			var mu sync.Mutex
			calls := 0
			auditlog.SetFailHook(l, func(o string) error {
				mu.Lock()
				defer mu.Unlock()
				if o != op {
					return nil
				}
				calls++
				if calls == 2 { // the second batch from now fails
					return errIO
				}
				return nil
			})
			var wg sync.WaitGroup
			var okMu sync.Mutex
			ok, failed := 0, 0
			for c := range 32 {
				wg.Go(func() {
					for i := range 10 {
						err := l.Audit(context.Background(), testEvent(100*c+i))
						okMu.Lock()
						if err == nil {
							ok++
						} else {
							failed++
							if op != "head" && !errors.Is(err, errIO) {
								t.Errorf("error does not wrap the I/O error: %v", err)
							}
						}
						okMu.Unlock()
					}
				})
			}
			wg.Wait()
			if failed == 0 {
				t.Fatal("no Audit failed")
			}
			if err := l.Audit(context.Background(), testEvent(999)); !errors.Is(err, errIO) {
				t.Fatalf("Audit after the failure = %v, want the I/O error (fail closed)", err)
			}
			if err := l.Close(); !errors.Is(err, errIO) {
				t.Fatalf("Close = %v", err)
			}
			n, err := auditlog.Verify(path, auditlog.WithHMACKey(testKey))
			if err != nil || n != 3+ok {
				t.Fatalf("Verify after failure = %d, %v; want %d acknowledged events", n, err, 3+ok)
			}
			l, err = auditlog.Open(path, auditlog.WithHMACKey(testKey))
			if err != nil {
				t.Fatal(err)
			}
			if err := l.Audit(context.Background(), testEvent(7)); err != nil {
				t.Fatal(err)
			}
			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			if n, err := auditlog.Verify(path, auditlog.WithHMACKey(testKey)); err != nil || n != 4+ok {
				t.Fatalf("Verify after reopen = %d, %v", n, err)
			}
		})
	}
}
