// Package vectors runs AWS Encryption SDK decryption test vectors: the
// "awses-decrypt" manifests of the AWS Crypto Tools test vector framework
// (github.com/awslabs/aws-crypto-tools-test-vector-framework, feature
// 0004), versions 2 to 5, against package envelope.
//
// A manifest lists messages written by another implementation, the keys
// (or keyrings) that decrypt them, and the plaintext each must decrypt to
// or that it must fail. Raw AES and raw RSA keys, multi-keyrings and the
// required encryption context CMM run offline; tests that need AWS KMS are
// skipped, since no KMS is reachable here. Reports carry test names,
// outcomes and value-free reasons, never plaintext or key material.
package vectors

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/phisafe/phisafe/envelope"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/internal/esdk"
)

// DefaultMaxMessageBytes bounds a ciphertext or plaintext file when
// Options.MaxMessageBytes is zero.
const DefaultMaxMessageBytes = 64 << 20

// Options configure Run. The zero value runs a manifest as interoperability
// vectors are meant to be run.
type Options struct {
	// CommitmentPolicy is the policy messages are decrypted under. Nil
	// means envelope.RequireEncryptAllowDecrypt, NOT envelope's strict
	// default: interoperability vectors include messages of the older
	// suites without key commitment, which envelope's default
	// (RequireEncryptRequireDecrypt) refuses by design.
	CommitmentPolicy *envelope.CommitmentPolicy

	// ExpectHeaderAuthFailure makes every test, whatever the manifest
	// says it should produce, pass only if decryption is refused for a
	// failed header authentication tag (and hipaa.ErrTampered). It is for
	// sets such as the ESDK-.NET 4.0.0 messages whose header
	// authentication is wrong by the specification, which their manifest
	// lists as positive tests.
	ExpectHeaderAuthFailure bool

	// AllowNet400HeaderAuthRetry decrypts with
	// envelope.Options.AllowNet400HeaderAuthRetry, which weakens the
	// header check to accept the ESDK-.NET 4.0.0 messages.
	AllowNet400HeaderAuthRetry bool

	// Policy is the hipaa.Policy decryption runs under. Nil means a
	// policy whose auditor discards events: test vectors hold no PHI.
	Policy *hipaa.Policy

	// MaxManifestBytes bounds the manifest and keys manifest. Zero means
	// MaxManifestBytes.
	MaxManifestBytes int64

	// MaxMessageBytes bounds each ciphertext and plaintext file. Zero
	// means DefaultMaxMessageBytes.
	MaxMessageBytes int64
}

// Outcome is what came of one test.
type Outcome int

const (
	// Passed means the test behaved as its manifest says.
	Passed Outcome = iota + 1
	// Failed means it did not.
	Failed
	// Skipped means it was not run: it needs AWS KMS.
	Skipped
)

// String returns the outcome's name.
func (o Outcome) String() string {
	switch o {
	case Passed:
		return "passed"
	case Failed:
		return "failed"
	case Skipped:
		return "skipped"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// Result is the outcome of one test.
type Result struct {
	// Name is the test's name in the manifest.
	Name string
	// Outcome is whether it passed, failed or was skipped.
	Outcome Outcome
	// Reason says why a test failed or was skipped, or why an
	// expected-error test's message was refused; "" for other passes. It
	// holds no plaintext, key or encryption context value.
	Reason string
	// Suite is the message's algorithm suite id in hex ("0578"), read
	// from its header, or the manifest's algorithmSuiteId when the file
	// could not be read; "" if neither is known.
	Suite string
	// Err is the decryption error, if decryption failed.
	Err error
}

// Report is the outcome of a manifest.
type Report struct {
	// Version is the manifest's awses-decrypt version.
	Version int
	// Results holds one entry per test, sorted by name.
	Results []Result
	// Passed, Failed and Skipped count the results by outcome.
	Passed, Failed, Skipped int
}

// discard is the auditor of the default policy: the runner decrypts test
// vectors (no data of anyone's), and the CLI passes its own policy.
var discard discardAuditor

type discardAuditor struct{}

func (discardAuditor) Audit(context.Context, hipaa.Event) error { return nil }

// Run runs the awses-decrypt manifest at manifestPath. Its "keys" URI and
// every ciphertext and plaintext URI are file:// paths relative to the
// manifest's directory, which they may not leave. An unusable manifest is
// an error wrapping ErrManifest (a *ManifestError); a test that does not
// behave as the manifest says is a Failed result, not an error. Run stops
// early, with the error of ctx, when ctx is done.
func Run(ctx context.Context, manifestPath string, opts Options) (*Report, error) {
	policy := envelope.RequireEncryptAllowDecrypt
	if opts.CommitmentPolicy != nil {
		policy = *opts.CommitmentPolicy
	}
	hp := opts.Policy
	if hp == nil {
		hp = &hipaa.Policy{Auditor: discard}
	}
	limit := opts.MaxManifestBytes
	if limit <= 0 {
		limit = MaxManifestBytes
	}
	msgLimit := opts.MaxMessageBytes
	if msgLimit <= 0 {
		msgLimit = DefaultMaxMessageBytes
	}
	root, err := os.OpenRoot(filepath.Dir(manifestPath))
	if err != nil {
		return nil, &ManifestError{Path: manifestPath, Reason: "cannot open the manifest's directory", Err: err}
	}
	defer root.Close()
	version, keys, tests, err := load(root, filepath.Base(manifestPath), manifestPath, limit)
	if err != nil {
		return nil, err
	}
	rep := &Report{Version: version, Results: make([]Result, 0, len(tests))}
	for i := range tests {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r := runOne(ctx, root, keys, &tests[i], policy, hp, opts.ExpectHeaderAuthFailure, opts.AllowNet400HeaderAuthRetry, msgLimit)
		switch r.Outcome {
		case Passed:
			rep.Passed++
		case Failed:
			rep.Failed++
		case Skipped:
			rep.Skipped++
		}
		rep.Results = append(rep.Results, r)
	}
	return rep, nil
}

func runOne(ctx context.Context, root *os.Root, keys map[string]key, tc *testCase, policy envelope.CommitmentPolicy,
	hp *hipaa.Policy, mustFailAuth, net400 bool, limit int64) Result {
	r := Result{Name: tc.name, Suite: tc.suite}
	fail := func(reason string, err error) Result {
		r.Outcome, r.Reason, r.Err = Failed, reason, err
		return r
	}
	if tc.kms {
		r.Outcome, r.Reason = Skipped, "needs AWS KMS"
		return r
	}
	msg, err := readBounded(root, tc.ciphertext, limit)
	if err != nil {
		return fail("cannot read ciphertext", nil)
	}
	if s := suiteOf(msg); s != "" {
		r.Suite = s
	}
	kr, err := tc.desc.keyring(keys)
	if err != nil {
		return fail("cannot build keyring: "+err.Error(), nil)
	}
	var pt []byte
	if kr == nil {
		err = errors.New("no described key can decrypt")
	} else {
		c, cerr := envelope.New(hp, kr, func(o *envelope.Options) {
			o.CommitmentPolicy = policy
			o.RequiredEncryptionContextKeys = tc.required
			o.AllowNet400HeaderAuthRetry = net400
		})
		if cerr != nil {
			return fail("cannot build client: "+cerr.Error(), nil)
		}
		pt, err = c.Decrypt(ctx, msg, tc.expected)
	}
	r.Err = err
	switch {
	case mustFailAuth:
		if err == nil {
			return fail("decrypted; want a header authentication failure", nil)
		}
		if !headerAuthFailure(err) {
			return fail("refused, but not for header authentication: "+err.Error(), err)
		}
		r.Outcome, r.Reason = Passed, err.Error()
	case tc.plaintext == "":
		if err == nil {
			return fail("decrypted; the manifest expects an error", nil)
		}
		r.Outcome, r.Reason = Passed, err.Error()
	case err != nil:
		return fail(err.Error(), err)
	default:
		want, rerr := readBounded(root, tc.plaintext, limit)
		if rerr != nil {
			return fail("cannot read expected plaintext", nil)
		}
		if !bytes.Equal(pt, want) {
			return fail("plaintext differs", nil)
		}
		r.Outcome = Passed
	}
	return r
}

// headerAuthFailure reports whether err is a failed header authentication
// tag.
func headerAuthFailure(err error) bool {
	var e *esdk.Error
	return errors.As(err, &e) && e.Kind == esdk.ErrAuthentication && e.Field == "header.auth_tag" &&
		errors.Is(err, hipaa.ErrTampered)
}

// suiteOf returns the algorithm suite id of a message's header in hex, or
// "" if the message is too short or of an unknown version.
func suiteOf(msg []byte) string {
	switch {
	case len(msg) >= 3 && msg[0] == 0x02:
		return hex.EncodeToString(msg[1:3])
	case len(msg) >= 4 && msg[0] == 0x01:
		return hex.EncodeToString(msg[2:4])
	}
	return ""
}
