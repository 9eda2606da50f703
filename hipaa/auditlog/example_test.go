package auditlog_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/auditlog"
)

// A tamper-evident audit log behind a Policy: write, verify, and catch an
// edited line.
func ExampleOpen() {
	dir, err := os.MkdirTemp("", "phisafe-audit")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "audit.log")

	// In production the key comes from a secrets store, not the source.
	key := []byte("example-key-32-bytes-long-000000")
	log, err := auditlog.Open(path, auditlog.WithHMACKey(key))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := &hipaa.Policy{Auditor: log}
	ctx := hipaa.WithActor(context.Background(), "arn:aws:iam::123456789012:role/app")

	for range 3 {
		err := p.Guard(ctx, hipaa.Operation{Action: "s3.GetObject", Resource: "arn:aws:s3:::records"},
			func(context.Context) (int64, error) { return 512, nil })
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	cp := log.Checkpoint() // ship this to write-once storage
	if err := log.Close(); err != nil {
		fmt.Println(err)
		return
	}

	n, err := auditlog.Verify(path, auditlog.WithHMACKey(key), auditlog.WithCheckpoint(cp))
	fmt.Println("verified events:", n, "checkpoint:", cp.Seq, "error:", err)

	// Change one byte of the fourth event (line 5): "bytes":512 becomes 912.
	b, _ := os.ReadFile(path)
	lines := bytes.SplitAfter(b, []byte("\n"))
	lines[4] = bytes.Replace(lines[4], []byte(`"bytes":512`), []byte(`"bytes":912`), 1)
	_ = os.WriteFile(path, bytes.Join(lines, nil), 0o600)

	n, err = auditlog.Verify(path, auditlog.WithHMACKey(key))
	var te *auditlog.TamperError
	if errors.As(err, &te) {
		fmt.Println("good events:", n, "first bad line:", te.Line, te.Reason)
	}
	// Output:
	// verified events: 6 checkpoint: 6 error: <nil>
	// good events: 3 first bad line: 5 hash mismatch
}

// A checkpoint kept elsewhere catches what the directory alone cannot: a
// log replaced, with its head file, by another log under the same key.
func ExampleLog_Checkpoint() {
	dir, err := os.MkdirTemp("", "phisafe-audit")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	key := []byte("example-key-32-bytes-long-000000")
	write := func(name string, events int) (string, auditlog.Checkpoint) {
		path := filepath.Join(dir, name)
		log, err := auditlog.Open(path, auditlog.WithHMACKey(key))
		if err != nil {
			panic(err)
		}
		for range events {
			_ = log.Audit(context.Background(), hipaa.Event{Time: time.Unix(0, 0).UTC(), Action: "kms.Decrypt", Outcome: hipaa.OutcomeSuccess})
		}
		cp := log.Checkpoint()
		_ = log.Close()
		return path, cp
	}
	a, cpA := write("a.log", 2)
	b, _ := write("b.log", 5)

	// Someone copies log b and its head over log a.
	for _, suffix := range []string{"", ".head"} {
		data, _ := os.ReadFile(b + suffix)
		_ = os.WriteFile(a+suffix, data, 0o600)
	}
	n, err := auditlog.Verify(a, auditlog.WithHMACKey(key))
	fmt.Println("without the checkpoint:", n, err)
	_, err = auditlog.Verify(a, auditlog.WithHMACKey(key), auditlog.WithCheckpoint(cpA))
	fmt.Println("with it:", err)
	// Output:
	// without the checkpoint: 5 <nil>
	// with it: auditlog: tampered: line 1: wrong log
}

// JSON lines on a writer, for a pipeline that ships them on.
func ExampleNewJSON() {
	a, err := auditlog.NewJSON(os.Stdout)
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = a.Audit(context.Background(), hipaa.Event{
		Time: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), Action: "kms.Decrypt",
		Outcome: hipaa.OutcomeSuccess, KeyID: "alias/app",
	})
	// Output:
	// {"time":"2025-01-02T03:04:05Z","action":"kms.Decrypt","outcome":"success","key_id":"alias/app"}
}

// Every event to a durable log and to the application's slog stream;
// if either fails, the operation does not run.
func ExampleMulti() {
	dir, err := os.MkdirTemp("", "phisafe-audit")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	log, err := auditlog.Open(filepath.Join(dir, "audit.log"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer log.Close()
	h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "request_id" {
				return slog.Attr{} // keep the example's output fixed
			}
			return a
		},
	})
	s, err := auditlog.NewSlog(slog.New(h))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := &hipaa.Policy{Auditor: auditlog.Multi(log, s)}
	err = p.Guard(context.Background(), hipaa.Operation{Action: "kms.Decrypt", Resource: "alias/app"},
		func(context.Context) (int64, error) { return 0, nil })
	fmt.Println("error:", err, "events in the log:", log.Checkpoint().Seq)
	// Output:
	// level=INFO msg=audit action=kms.Decrypt resource=alias/app outcome=attempt
	// level=INFO msg=audit action=kms.Decrypt resource=alias/app outcome=success
	// error: <nil> events in the log: 2
}
