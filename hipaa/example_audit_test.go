package hipaa_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/phisafe/phisafe/hipaa"
)

// ExampleOpenAuditLog writes a tamper-evident audit log through a Policy,
// verifies it, and shows that an edited line is caught.
func ExampleOpenAuditLog() {
	dir, err := os.MkdirTemp("", "phisafe-audit")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "audit.log")

	// In production the key comes from a secrets store, not the source.
	key := []byte("example-key-32-bytes-long-000000")
	log, err := hipaa.OpenAuditLog(path, hipaa.WithHMACKey(key))
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
	seq, _ := log.Head() // keep a copy of this elsewhere, for WithCheckpoint
	if err := log.Close(); err != nil {
		fmt.Println(err)
		return
	}

	n, err := hipaa.VerifyAuditLog(path, hipaa.WithHMACKey(key))
	fmt.Println("verified lines:", n, "head:", seq, "error:", err)

	// Change one byte of the fourth line: "bytes":512 becomes 912.
	b, _ := os.ReadFile(path)
	lines := bytes.SplitAfter(b, []byte("\n"))
	lines[3] = bytes.Replace(lines[3], []byte(`"bytes":512`), []byte(`"bytes":912`), 1)
	_ = os.WriteFile(path, bytes.Join(lines, nil), 0o600)

	n, err = hipaa.VerifyAuditLog(path, hipaa.WithHMACKey(key))
	var te *hipaa.TamperError
	if errors.As(err, &te) {
		fmt.Println("good lines:", n, "first bad line:", te.Line, te.Reason)
	}
	// Output:
	// verified lines: 6 head: 6 error: <nil>
	// good lines: 3 first bad line: 4 hash mismatch
}
