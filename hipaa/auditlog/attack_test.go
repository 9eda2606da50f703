package auditlog_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/auditlog"
)

// The attacks of issue 10, reproduced on the old hipaa.AuditLog; each
// must now be detected or refused.

// TestAttackCutAndDeleteHead: with an HMAC key, cutting the log back to
// its first line (or to nothing) and deleting the head file verified
// clean, and survived the next Open (three appends later it verified as
// 4 lines). Now a log whose head file is missing is tampering, whatever
// its length, and an empty file is not a log.
func TestAttackCutAndDeleteHead(t *testing.T) {
	opts := []auditlog.Option{auditlog.WithHMACKey(testKey)}
	for _, keep := range []int{0, 1, 2} { // lines kept: nothing, the first record, one event
		path := writeLog(t, 5, opts...)
		lines := splitLines(readFile(t, path))
		writeFile(t, path, bytes.Join(lines[:keep], nil))
		if err := os.Remove(path + ".head"); err != nil {
			t.Fatal(err)
		}
		_, err := auditlog.Verify(path, opts...)
		if !errors.Is(err, hipaa.ErrTampered) {
			t.Fatalf("kept %d lines: Verify = %v", keep, err)
		}
		before := readFile(t, path)
		if l, err := auditlog.Open(path, opts...); !errors.Is(err, hipaa.ErrTampered) {
			if err == nil {
				l.Close()
			}
			t.Fatalf("kept %d lines: Open = %v", keep, err)
		}
		if !bytes.Equal(before, readFile(t, path)) {
			t.Fatalf("kept %d lines: Open changed the log", keep)
		}
		if _, err := os.Stat(path + ".head"); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("kept %d lines: Open wrote a head for a tampered log", keep)
		}
	}
	// Deleting the log but not its head is tampering too: Open does not
	// start a new log over it.
	path := writeLog(t, 5, opts...)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if _, err := auditlog.Open(path, opts...); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("log deleted, head kept: Open = %v", err)
	}
	// Deleting both cannot be seen from the directory alone (documented);
	// a checkpoint kept elsewhere refuses it.
	path = filepath.Join(t.TempDir(), "audit.log")
	l, err := auditlog.Open(path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Audit(context.Background(), testEvent(0)); err != nil {
		t.Fatal(err)
	}
	cp := l.Checkpoint()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + ".head"} {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := auditlog.Open(path, append(opts, auditlog.WithCheckpoint(cp))...); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("log and head deleted, Open with checkpoint = %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("Open with a checkpoint created a new log")
	}
}

// TestAttackReplaceLog: a whole log could be replaced by another log kept
// under the same key, with its head. Now every line is bound to its
// log's random id; a checkpoint names the id, so the replacement is
// "wrong log"; a head file from another log is "wrong log" even without
// a checkpoint; and a Log refuses to write once its file is replaced.
func TestAttackReplaceLog(t *testing.T) {
	opts := []auditlog.Option{auditlog.WithHMACKey(testKey)}
	a := writeLog(t, 5, opts...)
	l, err := auditlog.Open(a, opts...)
	if err != nil {
		t.Fatal(err)
	}
	cpA := l.Checkpoint()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	b := writeLog(t, 7, opts...) // another log, same key, longer

	// The head alone replaced: the head names another log.
	origHead := readFile(t, a+".head")
	writeFile(t, a+".head", readFile(t, b+".head"))
	n, err := auditlog.Verify(a, opts...)
	wantTamper(t, n, err, 1, "wrong log")
	writeFile(t, a+".head", origHead)

	// Log and head replaced together: consistent by themselves
	// (documented), refused against the checkpoint.
	writeFile(t, a, readFile(t, b))
	writeFile(t, a+".head", readFile(t, b+".head"))
	if n, err := auditlog.Verify(a, opts...); err != nil || n != 7 {
		t.Fatalf("replaced log without checkpoint: %d, %v (expected to pass: documented limit)", n, err)
	}
	n, err = auditlog.Verify(a, append(opts, auditlog.WithCheckpoint(cpA))...)
	wantTamper(t, n, err, 1, "wrong log")
	if _, err := auditlog.Open(a, append(opts, auditlog.WithCheckpoint(cpA))...); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("Open with checkpoint = %v", err)
	}
	f, err := os.Open(a)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, err = auditlog.VerifyReader(f, append(opts, auditlog.WithCheckpoint(cpA))...)
	wantTamper(t, n, err, 1, "wrong log")

	// Replaced while open: the Log stops writing.
	c := writeLog(t, 1, opts...)
	l, err = auditlog.Open(c, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(b, c); err != nil {
		t.Fatal(err)
	}
	if err := l.Audit(context.Background(), testEvent(1)); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("Audit after the log was replaced = %v", err)
	}
	l.Close()
}

// TestAttackSymlinks: the old head's temporary file had a fixed name and
// was opened without O_NOFOLLOW or O_EXCL, so a symbolic link planted
// there (pointing at the log) was followed: Audit returned nil and the
// log was destroyed. Now no file is created under a fixed name, and
// symbolic links in place of the log or its head are refused.
func TestAttackSymlinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	ctx := context.Background()
	opts := []auditlog.Option{auditlog.WithHMACKey(testKey)}

	// The old temporary name, pointing at the log.
	path := writeLog(t, 2, opts...)
	if err := os.Symlink(filepath.Base(path), path+".head.tmp"); err != nil {
		t.Fatal(err)
	}
	l, err := auditlog.Open(path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if err := l.Audit(ctx, testEvent(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if n, err := auditlog.Verify(path, opts...); err != nil || n != 5 {
		t.Fatalf("Verify = %d, %v", n, err)
	}

	// The head file is a link to the log: refused, log untouched.
	path = writeLog(t, 2, opts...)
	before := readFile(t, path)
	if err := os.Remove(path + ".head"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Base(path), path+".head"); err != nil {
		t.Fatal(err)
	}
	if _, err := auditlog.Open(path, opts...); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("Open with a symlinked head = %v", err)
	}
	if _, err := auditlog.Verify(path, opts...); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("Verify with a symlinked head = %v", err)
	}
	if !bytes.Equal(before, readFile(t, path)) {
		t.Fatal("log changed")
	}

	// The log path is a link to another file: Open refuses, and neither
	// writes through it nor creates a log there.
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	writeFile(t, victim, []byte("synthetic file contents\n"))
	link := filepath.Join(dir, "audit.log")
	if err := os.Symlink("victim", link); err != nil {
		t.Fatal(err)
	}
	if _, err := auditlog.Open(link, opts...); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("Open of a symlinked log = %v", err)
	}
	if got := readFile(t, victim); string(got) != "synthetic file contents\n" {
		t.Fatal("the link's target changed")
	}

	// The head replaced by a link while the Log is open: the Log notices
	// before its next head write and stops; the log is not destroyed.
	path = writeLog(t, 2, opts...)
	l, err = auditlog.Open(path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path + ".head"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Base(path), path+".head"); err != nil {
		t.Fatal(err)
	}
	_ = l.Audit(ctx, testEvent(2)) // durable; the head update then fails
	if err := l.Close(); !errors.Is(err, hipaa.ErrTampered) {
		t.Fatalf("Close = %v", err)
	}
	if err := os.Remove(path + ".head"); err != nil {
		t.Fatal(err)
	}
	n, err := auditlog.VerifyReader(bytes.NewReader(readFile(t, path)), opts...)
	if err != nil || n != 3 {
		t.Fatalf("log after the attempt: %d, %v", n, err)
	}
}
