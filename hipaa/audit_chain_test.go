package hipaa_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/phisafe/phisafe/hipaa"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

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
func writeLog(t *testing.T, n int, opts ...hipaa.AuditLogOption) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := hipaa.OpenAuditLog(path, opts...)
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

type logLine struct {
	Seq   uint64      `json:"seq"`
	Prev  string      `json:"prev"`
	Event hipaa.Event `json:"event"`
	Hash  string      `json:"hash"`
}

func parseLine(t *testing.T, b []byte) logLine {
	t.Helper()
	var l logLine
	if err := json.Unmarshal(b, &l); err != nil {
		t.Fatal(err)
	}
	return l
}

// forgeLine builds a line the way the documented format says, as an
// attacker who knows the format (and, for HMAC logs, maybe a wrong key)
// would.
func forgeLine(key []byte, seq uint64, prevHex string, e hipaa.Event) []byte {
	content, _ := json.Marshal(struct {
		Seq   uint64      `json:"seq"`
		Prev  string      `json:"prev"`
		Event hipaa.Event `json:"event"`
	}{seq, prevHex, e})
	prev, _ := hex.DecodeString(prevHex)
	h := sha256.New()
	if key != nil {
		h = hmac.New(sha256.New, key)
	}
	h.Write(prev)
	h.Write(content)
	line, _ := json.Marshal(logLine{seq, prevHex, e, hex.EncodeToString(h.Sum(nil))})
	return append(line, '\n')
}

func forgeHead(seq uint64, hash string) []byte {
	b, _ := json.Marshal(struct {
		Seq  uint64 `json:"seq"`
		Hash string `json:"hash"`
	}{seq, hash})
	return append(b, '\n')
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
// (reason "" accepts any), and that n is the number of lines before it.
func wantTamper(t *testing.T, n int, err error, line int, reason string) {
	t.Helper()
	if !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("err = %v, want ErrTampered", err)
	}
	var te *hipaa.TamperError
	if !errors.As(err, &te) {
		t.Fatalf("err = %T %v, want *TamperError", err, err)
	}
	if te.Line != line || (reason != "" && te.Reason != reason) {
		t.Fatalf("got line %d %q, want line %d %q", te.Line, te.Reason, line, reason)
	}
	if n != line-1 {
		t.Fatalf("good lines = %d, want %d", n, line-1)
	}
}

func TestAuditLogRoundTrip(t *testing.T) {
	path := writeLog(t, 5)
	n, err := hipaa.VerifyAuditLog(path)
	if err != nil || n != 5 {
		t.Fatalf("VerifyAuditLog = %d, %v", n, err)
	}
	lines := splitLines(readFile(t, path))
	if len(lines) != 5 {
		t.Fatalf("%d lines", len(lines))
	}
	prev := strings.Repeat("0", 64)
	for i, b := range lines {
		l := parseLine(t, b)
		if l.Seq != uint64(i+1) || l.Prev != prev {
			t.Fatalf("line %d: seq %d prev %s", i+1, l.Seq, l.Prev)
		}
		if want := testEvent(i); l.Event != want {
			t.Fatalf("line %d: event %+v, want %+v", i+1, l.Event, want)
		}
		// The line's hash is the documented SHA-256(prev || content).
		if got := forgeLine(nil, l.Seq, l.Prev, l.Event); !bytes.Equal(got, b) {
			t.Fatalf("line %d differs from documented format:\n%s\n%s", i+1, got, b)
		}
		prev = l.Hash
	}
	// The event carries only the Event's own fields: nothing added.
	var raw struct {
		Event map[string]any `json:"event"`
	}
	if err := json.Unmarshal(lines[0], &raw); err != nil {
		t.Fatal(err)
	}
	for k := range raw.Event {
		switch k {
		case "time", "actor", "action", "resource", "outcome", "reason", "request_id", "bytes", "key_id", "detail":
		default:
			t.Errorf("unexpected event field %q", k)
		}
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600", fi.Mode().Perm())
		}
	}
	if _, err := os.Stat(path + ".head.tmp"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
}

func TestAuditLogResume(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []hipaa.AuditLogOption
	}{
		{"sha256", nil},
		{"hmac", []hipaa.AuditLogOption{hipaa.WithHMACKey(testKey)}},
		{"nofsync", []hipaa.AuditLogOption{hipaa.WithWeakDurabilityNoFsync()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeLog(t, 3, tc.opts...)
			l, err := hipaa.OpenAuditLog(path, tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if seq, _ := l.Head(); seq != 3 {
				t.Fatalf("resumed at %d", seq)
			}
			for i := 3; i < 5; i++ {
				if err := l.Audit(context.Background(), testEvent(i)); err != nil {
					t.Fatal(err)
				}
			}
			if err := l.Sync(); err != nil {
				t.Fatal(err)
			}
			seq, head := l.Head()
			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			if err := l.Close(); err != nil {
				t.Fatalf("second Close: %v", err)
			}
			if err := l.Audit(context.Background(), testEvent(9)); !errors.Is(err, os.ErrClosed) {
				t.Fatalf("Audit after Close = %v", err)
			}
			opts := append(tc.opts, hipaa.WithCheckpoint(seq, head))
			if n, err := hipaa.VerifyAuditLog(path, opts...); err != nil || n != 5 || seq != 5 {
				t.Fatalf("VerifyAuditLog = %d, %v (head %d)", n, err, seq)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if n, err := hipaa.VerifyAuditChain(f, opts...); err != nil || n != 5 {
				t.Fatalf("VerifyAuditChain = %d, %v", n, err)
			}
		})
	}
}

// TestAuditLogEveryByte flips each byte of a log in turn and checks that
// verification fails at exactly the line holding that byte.
func TestAuditLogEveryByte(t *testing.T) {
	for _, key := range [][]byte{nil, testKey} {
		var opts []hipaa.AuditLogOption
		if key != nil {
			opts = append(opts, hipaa.WithHMACKey(key))
		}
		orig := readFile(t, writeLog(t, 3, opts...))
		line := 1
		for i := range orig {
			for _, flip := range []byte{0x01, 0x20, 0x80} {
				b := bytes.Clone(orig)
				b[i] ^= flip
				n, err := hipaa.VerifyAuditChain(bytes.NewReader(b), opts...)
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

func TestAuditLogTamper(t *testing.T) {
	const N = 5
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
	insert := func(at int, mk func(prev logLine) []byte) mutation {
		return func(t *testing.T, lines [][]byte, head []byte) ([][]byte, []byte) {
			prev := parseLine(t, lines[at-2])
			l := mk(prev)
			return append(lines[:at-1], append([][]byte{l}, lines[at-1:]...)...), head
		}
	}
	forged := func(key []byte) func(prev logLine) []byte {
		return func(prev logLine) []byte {
			e := testEvent(42)
			e.Outcome = hipaa.OutcomeSuccess
			return forgeLine(key, prev.Seq+1, prev.Hash, e)
		}
	}
	hmacOpts := []hipaa.AuditLogOption{hipaa.WithHMACKey(testKey)}

	for _, tc := range []struct {
		name   string
		opts   []hipaa.AuditLogOption
		mutate mutation
		line   int
		reason string
	}{
		{"edit first line", nil, edit(1, `"s3.PutObject"`, `"s3.GetObject"`), 1, "hash mismatch"},
		{"edit middle line", nil, edit(3, `"bytes":2`, `"bytes":9`), 3, "hash mismatch"},
		{"edit last line", nil, edit(5, `"attempt"`, `"success"`), 5, "hash mismatch"},
		{"edit hash field", nil, edit(2, `"hash":"`, `"hash":"f`), 2, "malformed"},
		{"edit seq", nil, edit(2, `"seq":2`, `"seq":7`), 2, "hash mismatch"},
		{"non-canonical whitespace", nil, edit(2, `"seq":2`, `"seq": 2`), 2, "malformed"},
		{"non-canonical key case", nil, edit(2, `"seq"`, `"Seq"`), 2, "malformed"},
		{"non-canonical escape", nil, edit(2, `"s3.`, `"\u0073\u0033.`), 2, "malformed"},
		{"unknown field", nil, edit(2, `{"seq"`, `{"x":1,"seq"`), 2, "malformed"},
		{"delete first line", nil, del(1), 1, "sequence gap"},
		{"delete middle line", nil, del(3), 3, "sequence gap"},
		{"delete last line (head)", nil, del(5), 5, "truncated"},
		{"delete last two lines (head)", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			return l[:3], h
		}, 4, "truncated"},
		{"delete all lines (head)", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			return nil, h
		}, 1, "truncated"},
		{"reorder lines", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			l[1], l[2] = l[2], l[1]
			return l, h
		}, 2, "sequence gap"},
		{"duplicate line", nil, insert(3, func(prev logLine) []byte {
			b, _ := json.Marshal(prev)
			return append(b, '\n')
		}), 3, "sequence gap"},
		{"cut mid-line", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			l[3] = l[3][:len(l[3])/2]
			return l[:4], h
		}, 4, "truncated"},
		{"cut final newline", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			l[4] = l[4][:len(l[4])-1]
			return l, h
		}, 5, "truncated"},
		{"blank line", nil, insert(3, func(logLine) []byte { return []byte("\n") }), 3, "malformed"},
		{"inserted line, bad hash", nil, insert(3, func(prev logLine) []byte {
			b := forged(nil)(prev)
			i := bytes.Index(b, []byte(`"hash":"`)) + len(`"hash":"`)
			b[i] ^= 1
			return b
		}), 3, "hash mismatch"},
		// Without a key, a forger can compute a valid line; it is caught
		// where it breaks the chain, at the next line.
		{"inserted forged line, sha256", nil, insert(3, forged(nil)), 4, "sequence gap"},
		// With a key, the forged line itself fails.
		{"inserted forged line, hmac", hmacOpts, insert(3, forged(nil)), 3, "hash mismatch"},
		{"inserted forged line, hmac wrong key", hmacOpts, insert(3, forged([]byte("the-wrong-key-0123456789abcdef!!"))), 3, "hash mismatch"},
		{"appended forged line, hmac", hmacOpts, insert(6, forged(nil)), 6, "hash mismatch"},
		{"edit line, hmac", hmacOpts, edit(4, `"attempt"`, `"refused"`), 4, "hash mismatch"},
		{"delete last line, hmac (head)", hmacOpts, del(5), 5, "truncated"},
		// Without a key, rewriting the last line with a recomputed hash is
		// caught by the head.
		{"rewrite last line, sha256 (head)", nil, func(t *testing.T, l [][]byte, h []byte) ([][]byte, []byte) {
			prev := parseLine(t, l[3])
			l[4] = forged(nil)(prev)
			return l, h
		}, 5, "hash mismatch"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeLog(t, N, tc.opts...)
			lines := splitLines(readFile(t, path))
			head := readFile(t, path+".head")
			lines, head = tc.mutate(t, lines, head)
			writeFile(t, path, bytes.Join(lines, nil))
			if head == nil {
				if err := os.Remove(path + ".head"); err != nil {
					t.Fatal(err)
				}
			} else {
				writeFile(t, path+".head", head)
			}
			n, err := hipaa.VerifyAuditLog(path, tc.opts...)
			wantTamper(t, n, err, tc.line, tc.reason)

			// OpenAuditLog refuses to append to it, and leaves it alone.
			before := readFile(t, path)
			l, err := hipaa.OpenAuditLog(path, tc.opts...)
			if err == nil {
				l.Close()
				t.Fatal("OpenAuditLog accepted a tampered log")
			}
			wantTamper(t, tc.line-1, err, tc.line, tc.reason)
			if !bytes.Equal(before, readFile(t, path)) {
				t.Fatal("OpenAuditLog modified a tampered log")
			}
		})
	}
}

// TestAuditLogCheckpoint: without a key, someone who can write both files
// can cut the tail and rewrite the head consistently. A checkpoint kept
// elsewhere still catches it.
func TestAuditLogCheckpoint(t *testing.T) {
	path := writeLog(t, 5)
	lines := splitLines(readFile(t, path))
	l5 := parseLine(t, lines[4])
	l3 := parseLine(t, lines[2])
	writeFile(t, path, bytes.Join(lines[:3], nil))
	writeFile(t, path+".head", forgeHead(l3.Seq, l3.Hash))

	if n, err := hipaa.VerifyAuditLog(path); err != nil || n != 3 {
		t.Fatalf("consistent truncation without checkpoint: %d, %v (expected to pass: documented limit)", n, err)
	}
	n, err := hipaa.VerifyAuditLog(path, hipaa.WithCheckpoint(l5.Seq, l5.Hash))
	wantTamper(t, n, err, 4, "truncated")
	n, err = hipaa.VerifyAuditChain(bytes.NewReader(bytes.Join(lines[:3], nil)), hipaa.WithCheckpoint(l5.Seq, l5.Hash))
	wantTamper(t, n, err, 4, "truncated")
	// A checkpoint whose hash differs from the line's.
	n, err = hipaa.VerifyAuditLog(path, hipaa.WithCheckpoint(2, l5.Hash))
	wantTamper(t, n, err, 2, "hash mismatch")
	// OpenAuditLog honours checkpoints too.
	if _, err := hipaa.OpenAuditLog(path, hipaa.WithCheckpoint(l5.Seq, l5.Hash)); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("OpenAuditLog with checkpoint = %v", err)
	}
	if n, err := hipaa.VerifyAuditLog(path, hipaa.WithCheckpoint(l3.Seq, l3.Hash), hipaa.WithCheckpoint(0, l5.Hash)); err != nil || n != 3 {
		t.Fatalf("good checkpoint: %d, %v", n, err)
	}
}

func TestAuditLogHead(t *testing.T) {
	for _, behind := range []int{1, 3} {
		t.Run(fmt.Sprintf("head %d line(s) behind is accepted and repaired", behind), func(t *testing.T) {
			path := writeLog(t, 5)
			lines := splitLines(readFile(t, path))
			p := parseLine(t, lines[4-behind])
			writeFile(t, path+".head", forgeHead(p.Seq, p.Hash))
			if n, err := hipaa.VerifyAuditLog(path); err != nil || n != 5 {
				t.Fatalf("lagging head: %d, %v", n, err)
			}
			l, err := hipaa.OpenAuditLog(path)
			if err != nil {
				t.Fatal(err)
			}
			l.Close()
			last := parseLine(t, lines[4])
			if got := readFile(t, path+".head"); !bytes.Equal(got, forgeHead(5, last.Hash)) {
				t.Fatalf("head not repaired: %s", got)
			}
		})
	}
	t.Run("head missing for a log of several lines", func(t *testing.T) {
		path := writeLog(t, 5)
		if err := os.Remove(path + ".head"); err != nil {
			t.Fatal(err)
		}
		n, err := hipaa.VerifyAuditLog(path)
		var te *hipaa.TamperError
		if !errors.Is(err, hipaa.ErrTampered) || errors.As(err, &te) || n != 5 {
			t.Fatalf("n=%d err=%v, want a head error wrapping ErrTampered", n, err)
		}
		if _, err := hipaa.OpenAuditLog(path); !errors.Is(err, hipaa.ErrTampered) {
			t.Fatalf("OpenAuditLog: %v", err)
		}
	})
	t.Run("first line written, head never written", func(t *testing.T) {
		path := writeLog(t, 1)
		if err := os.Remove(path + ".head"); err != nil {
			t.Fatal(err)
		}
		if n, err := hipaa.VerifyAuditLog(path); err != nil || n != 1 {
			t.Fatalf("%d, %v", n, err)
		}
	})
	t.Run("lagging head with wrong hash", func(t *testing.T) {
		path := writeLog(t, 5)
		lines := splitLines(readFile(t, path))
		writeFile(t, path+".head", forgeHead(4, parseLine(t, lines[2]).Hash))
		n, err := hipaa.VerifyAuditLog(path)
		wantTamper(t, n, err, 4, "hash mismatch")
	})
	for _, tc := range []struct {
		name string
		head []byte
	}{
		{"malformed", []byte("{\"seq\":5}\n")},
		{"no newline", []byte(`{"seq":5,"hash":"` + strings.Repeat("0", 64) + `"}`)},
		{"seq 0", forgeHead(0, strings.Repeat("0", 64))},
		{"hmac head without mac", nil},
		{"empty", []byte{}},
	} {
		t.Run("bad head "+tc.name, func(t *testing.T) {
			opts := []hipaa.AuditLogOption{hipaa.WithHMACKey(testKey)}
			path := writeLog(t, 5, opts...)
			head := tc.head
			if head == nil {
				var h map[string]any
				if err := json.Unmarshal(readFile(t, path+".head"), &h); err != nil {
					t.Fatal(err)
				}
				delete(h, "mac")
				head, _ = json.Marshal(h)
				head = append(head, '\n')
			}
			writeFile(t, path+".head", head)
			_, err := hipaa.VerifyAuditLog(path, opts...)
			var te *hipaa.TamperError
			if !errors.Is(err, hipaa.ErrTampered) || errors.As(err, &te) {
				t.Fatalf("err = %v, want a head error wrapping ErrTampered", err)
			}
		})
	}
	t.Run("hmac head rolled back to an earlier line", func(t *testing.T) {
		opts := []hipaa.AuditLogOption{hipaa.WithHMACKey(testKey)}
		path := writeLog(t, 5, opts...)
		lines := splitLines(readFile(t, path))
		// Cut the last two lines and point the head at line 3, as an
		// attacker without the key would.
		writeFile(t, path, bytes.Join(lines[:3], nil))
		p := parseLine(t, lines[2])
		writeFile(t, path+".head", forgeHead(p.Seq, p.Hash))
		if _, err := hipaa.VerifyAuditLog(path, opts...); !errors.Is(err, hipaa.ErrTampered) {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestAuditLogErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := hipaa.OpenAuditLog(filepath.Join(dir, "a.log"), hipaa.WithHMACKey([]byte("short"))); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("short key: %v", err)
	}
	if _, err := hipaa.VerifyAuditLog(filepath.Join(dir, "a.log"), hipaa.WithCheckpoint(1, "xyz")); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("bad checkpoint: %v", err)
	}
	if _, err := hipaa.VerifyAuditChain(strings.NewReader(""), hipaa.WithCheckpoint(1, strings.Repeat("A", 64))); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("upper-case checkpoint: %v", err)
	}
	if _, err := hipaa.OpenAuditLog(""); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("empty path: %v", err)
	}
	if _, err := hipaa.VerifyAuditLog(filepath.Join(dir, "missing.log")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing log: %v", err)
	}
	if n, err := hipaa.VerifyAuditChain(strings.NewReader("")); n != 0 || err != nil {
		t.Errorf("empty chain: %d, %v", n, err)
	}
	var nilLog *hipaa.AuditLog
	if err := nilLog.Audit(context.Background(), testEvent(0)); !errors.Is(err, hipaa.ErrPolicy) {
		t.Errorf("nil log: %v", err)
	}
	// A wrong key fails at line 1.
	path := writeLog(t, 2, hipaa.WithHMACKey(testKey))
	n, err := hipaa.VerifyAuditLog(path)
	wantTamper(t, n, err, 1, "hash mismatch")
	// An over-long line.
	long := append(bytes.Repeat([]byte("x"), 2<<20), '\n')
	n, err = hipaa.VerifyAuditChain(bytes.NewReader(long))
	wantTamper(t, n, err, 1, "malformed")
}

func TestAuditLogEventEncoding(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := hipaa.OpenAuditLog(path)
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
	if err := l.Audit(ctx, testEvent(2)); err != nil {
		t.Fatal(err)
	}
	if n, err := hipaa.VerifyAuditLog(path); err != nil || n != 2 {
		t.Fatalf("VerifyAuditLog = %d, %v", n, err)
	}
}

func TestAuditLogForeignWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := hipaa.OpenAuditLog(path)
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
}

// TestVerifyWhileWriting verifies a log while another goroutine appends to
// it: each verification passes, or reports only the line being written
// as truncated.
func TestVerifyWhileWriting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	l, err := hipaa.OpenAuditLog(path, hipaa.WithWeakDurabilityNoFsync())
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	// The first line and head exist before verification starts (until
	// then a missing head is indistinguishable from a deleted one).
	if err := l.Audit(context.Background(), testEvent(0)); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 1; i < 300; i++ {
			if err := l.Audit(context.Background(), testEvent(i)); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		n, err := hipaa.VerifyAuditLog(path)
		var te *hipaa.TamperError
		if err != nil && !(errors.As(err, &te) && te.Reason == "truncated" && te.Line == n+1) {
			t.Fatalf("n=%d err=%v", n, err)
		}
	}
	if n, err := hipaa.VerifyAuditLog(path); err != nil || n != 300 {
		t.Fatalf("final: %d, %v", n, err)
	}
}
