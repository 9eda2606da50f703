package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/phisafe/phisafe/envelope"
	"github.com/phisafe/phisafe/internal/vectors"
)

// commitmentPolicies maps -policy names to policies.
var commitmentPolicies = map[string]envelope.CommitmentPolicy{
	envelope.RequireEncryptRequireDecrypt.String(): envelope.RequireEncryptRequireDecrypt,
	envelope.RequireEncryptAllowDecrypt.String():   envelope.RequireEncryptAllowDecrypt,
	envelope.ForbidEncryptAllowDecrypt.String():    envelope.ForbidEncryptAllowDecrypt,
}

// vectorsMain runs "phisafe vectors": it decrypts the messages of an
// awses-decrypt test vector manifest and prints one line per failing test
// (name and reason, never plaintext) and a count line. Exit 1 when a test
// fails, 2 on a usage error or an unusable manifest.
func vectorsMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("phisafe vectors", flag.ContinueOnError)
	fs.SetOutput(stderr)
	manifest := fs.String("manifest", "", "awses-decrypt manifest `file` (versions 2 to 5; its keys manifest is found from its \"keys\" URI)")
	policyName := fs.String("policy", envelope.RequireEncryptAllowDecrypt.String(),
		"commitment `policy`: RequireEncryptAllowDecrypt (default: interop vectors include suites without key commitment), RequireEncryptRequireDecrypt or ForbidEncryptAllowDecrypt")
	authFail := fs.Bool("expect-header-auth-failure", false, "every test must be refused for a failed header authentication tag (sets of invalid messages)")
	net400 := fs.Bool("allow-net400-retry", false, "WEAKENS decryption: accept headers authenticated the way ESDK-.NET 4.0.0 computed it (envelope.Options.AllowNet400HeaderAuthRetry)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: phisafe vectors --manifest FILE [-policy NAME] [-expect-header-auth-failure] [-allow-net400-retry]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *manifest == "" || fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	policy, ok := commitmentPolicies[*policyName]
	if !ok {
		fmt.Fprintf(stderr, "phisafe vectors: unknown -policy %q\n", *policyName)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := vectors.Run(ctx, *manifest, vectors.Options{CommitmentPolicy: &policy, ExpectHeaderAuthFailure: *authFail,
		AllowNet400HeaderAuthRetry: *net400})
	if err != nil {
		fmt.Fprintf(stderr, "phisafe vectors: %v\n", err)
		return 2
	}
	for _, r := range rep.Results {
		if r.Outcome == vectors.Failed {
			fmt.Fprintf(stdout, "FAIL %s: %s\n", r.Name, r.Reason)
		}
	}
	if rep.Skipped > 0 {
		fmt.Fprintf(stdout, "%d passed, %d failed, %d skipped\n", rep.Passed, rep.Failed, rep.Skipped)
	} else {
		fmt.Fprintf(stdout, "%d passed, %d failed\n", rep.Passed, rep.Failed)
	}
	if rep.Failed > 0 {
		return 1
	}
	return 0
}
