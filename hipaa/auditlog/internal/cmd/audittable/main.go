// Command audittable prints audited operations per second (an attempt and
// an outcome event each, as the policy writes them) with 1, 8 and 64
// concurrent callers, for the old hipaa.AuditLog write path (a frozen copy
// in internal/legacy) and for auditlog.Log, measured alternately in one
// run, in a temporary directory. make bench runs it.
//
//	go run ./hipaa/auditlog/internal/cmd/audittable [-seconds 2] [-dir DIR]
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/auditlog"
	"github.com/phisafe/phisafe/hipaa/auditlog/internal/legacy"
)

// key is a synthetic HMAC key.
var key = []byte("0123456789abcdef0123456789abcdef")

// auditCloser is what the table drives.
type auditCloser interface {
	hipaa.Auditor
	Close() error
}

func main() {
	seconds := flag.Float64("seconds", 2, "time per measurement")
	dir := flag.String("dir", "", "directory for the logs (default: a new temporary directory)")
	flag.Parse()
	if *seconds <= 0 {
		log.Fatal("audittable: -seconds must be positive")
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "audittable-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(d)
		*dir = d
	}
	dur := time.Duration(*seconds * float64(time.Second))
	openLegacy := func(path string) (auditCloser, error) { return legacy.Create(path, key) }
	openGroup := func(path string) (auditCloser, error) { return auditlog.Open(path, auditlog.WithHMACKey(key)) }

	fmt.Printf("audited operations per second (2 events each, HMAC chain, fsync per commit), %v per cell\n", dur)
	fmt.Printf("%8s | %14s | %18s | %7s\n", "callers", "legacy ops/s", "group-commit ops/s", "speedup")
	fmt.Printf("%8s-|-%14s-|-%18s-|-%7s\n", "--------", "--------------", "------------------", "-------")
	n := 0
	for _, callers := range []int{1, 8, 64} {
		n++
		old, err := measure(openLegacy, filepath.Join(*dir, fmt.Sprintf("legacy-%d.log", n)), callers, dur)
		if err != nil {
			log.Fatal(err)
		}
		group, err := measure(openGroup, filepath.Join(*dir, fmt.Sprintf("group-%d.log", n)), callers, dur)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%8d | %14.0f | %18.0f | %6.1fx\n", callers, old, group, group/old)
	}
}

// measure runs callers goroutines, each auditing an attempt and a success
// per operation, for dur, and returns operations per second.
func measure(open func(string) (auditCloser, error), path string, callers int, dur time.Duration) (float64, error) {
	a, err := open(path)
	if err != nil {
		return 0, err
	}
	var ops atomic.Int64
	var wg sync.WaitGroup
	var once sync.Once
	var firstErr error
	ctx := context.Background()
	start := time.Now()
	deadline := start.Add(dur)
	for c := range callers {
		wg.Go(func() {
			for i := 0; time.Now().Before(deadline); i++ {
				e := hipaa.Event{Time: time.Now(), Actor: "arn:aws:iam::123456789012:role/bench",
					Action: "s3.GetObject", Resource: "arn:aws:s3:::bench-bucket",
					Outcome: hipaa.OutcomeAttempt, RequestID: fmt.Sprintf("req-%d-%d", c, i)}
				err := a.Audit(ctx, e)
				if err == nil {
					e.Outcome, e.Bytes = hipaa.OutcomeSuccess, 512
					err = a.Audit(ctx, e)
				}
				if err != nil {
					once.Do(func() { firstErr = err })
					return
				}
				ops.Add(1)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err := a.Close(); err != nil && firstErr == nil {
		firstErr = err
	}
	return float64(ops.Load()) / elapsed.Seconds(), firstErr
}
