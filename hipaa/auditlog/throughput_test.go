package auditlog_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/auditlog"
	"github.com/phisafe/phisafe/hipaa/auditlog/internal/legacy"
)

// auditCloser is what the throughput table drives.
type auditCloser interface {
	hipaa.Auditor
	Close() error
}

// TestAuditThroughputTable prints audited operations per second (an
// attempt and an outcome event each, as the policy writes them) with 1, 8
// and 64 concurrent callers, for the old hipaa.AuditLog write path (a
// frozen copy in internal/legacy) and for Log, measured alternately in
// the same run on the file system of the temporary directory. It runs
// only with PHISAFE_AUDIT_BENCH set (make bench); PHISAFE_AUDIT_BENCH_SECONDS
// sets the time per measurement (default 2).
func TestAuditThroughputTable(t *testing.T) {
	if os.Getenv("PHISAFE_AUDIT_BENCH") == "" {
		t.Skip("set PHISAFE_AUDIT_BENCH=1 (make bench) to print the table")
	}
	dur := 2 * time.Second
	if s := os.Getenv("PHISAFE_AUDIT_BENCH_SECONDS"); s != "" {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f <= 0 {
			t.Fatalf("PHISAFE_AUDIT_BENCH_SECONDS=%q", s)
		}
		dur = time.Duration(f * float64(time.Second))
	}
	openLegacy := func(path string) (auditCloser, error) { return legacy.Create(path, testKey) }
	openGroup := func(path string) (auditCloser, error) { return auditlog.Open(path, auditlog.WithHMACKey(testKey)) }

	fmt.Printf("audited operations per second (2 events each, HMAC chain, fsync per commit), %v per cell\n", dur)
	fmt.Printf("%8s | %14s | %18s | %7s\n", "callers", "legacy ops/s", "group-commit ops/s", "speedup")
	fmt.Printf("%8s-|-%14s-|-%18s-|-%7s\n", "--------", "--------------", "------------------", "-------")
	for _, callers := range []int{1, 8, 64} {
		old := measure(t, openLegacy, callers, dur)
		group := measure(t, openGroup, callers, dur)
		fmt.Printf("%8d | %14.0f | %18.0f | %6.1fx\n", callers, old, group, group/old)
	}
}

// measure runs callers goroutines, each auditing an attempt and a success
// per operation, for dur, and returns operations per second.
func measure(t *testing.T, open func(string) (auditCloser, error), callers int, dur time.Duration) float64 {
	t.Helper()
	a, err := open(filepath.Join(t.TempDir(), "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	var ops atomic.Int64
	var wg sync.WaitGroup
	ctx := context.Background()
	start := time.Now()
	deadline := start.Add(dur)
	for c := range callers {
		wg.Go(func() {
			for i := 0; time.Now().Before(deadline); i++ {
				e := hipaa.Event{Time: time.Now(), Actor: "arn:aws:iam::123456789012:role/bench",
					Action: "s3.GetObject", Resource: "arn:aws:s3:::bench-bucket",
					Outcome: hipaa.OutcomeAttempt, RequestID: fmt.Sprintf("req-%d-%d", c, i)}
				if err := a.Audit(ctx, e); err != nil {
					t.Error(err)
					return
				}
				e.Outcome, e.Bytes = hipaa.OutcomeSuccess, 512
				if err := a.Audit(ctx, e); err != nil {
					t.Error(err)
					return
				}
				ops.Add(1)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	return float64(ops.Load()) / elapsed.Seconds()
}
