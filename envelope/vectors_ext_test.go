package envelope_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/phisafe/phisafe/envelope"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/vectors"
)

// The interoperability vectors of testdata/ (see testdata/PROVENANCE.md):
// messages written by other AWS Encryption SDKs, decrypted here with the
// keyrings the manifests describe, by internal/vectors.

func TestInteropVectors(t *testing.T) {
	for _, v := range []struct {
		name, manifest string
		mustFail       bool
		want           int
	}{
		{"dafny-4.1.0", "testdata/dafny-4.1.0/decrypt-manifest.json", false, 187},
		{"net-4.0.1", "testdata/net-4.0.x/v4-Net-4.0.1/manifest.json", false, 99},
		{"net-4.0.0-invalid", "testdata/net-4.0.x/invalid-Net-4.0.0/manifest.json", true, 28},
	} {
		t.Run(v.name, func(t *testing.T) {
			policy := envelope.RequireEncryptAllowDecrypt
			rep, err := vectors.Run(context.Background(), v.manifest, vectors.Options{
				CommitmentPolicy:        &policy,
				ExpectHeaderAuthFailure: v.mustFail,
				Policy:                  &hipaa.Policy{Auditor: hipaatest.NewRecorder()},
			})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d passed, %d failed", v.name, rep.Passed, rep.Failed)
			fmt.Printf("%s: %d passed, %d failed\n", v.name, rep.Passed, rep.Failed)
			for _, r := range rep.Results {
				if r.Outcome != vectors.Passed {
					t.Errorf("%s (suite %s): %s: %s", r.Name, r.Suite, r.Outcome, r.Reason)
				} else if r.Reason != "" && os.Getenv("VEC_DEBUG") != "" {
					t.Logf("%s refused: %s", r.Name, r.Reason)
				}
			}
			if rep.Passed+rep.Failed != v.want || rep.Skipped != 0 {
				t.Errorf("%d tests run, %d skipped, want %d run", rep.Passed+rep.Failed, rep.Skipped, v.want)
			}
		})
	}
}

// Under the default policy (RequireEncryptRequireDecrypt) every message of
// a suite without key commitment is refused, and the committing ones decrypt.
func TestInteropVectorsDefaultPolicy(t *testing.T) {
	var policy envelope.CommitmentPolicy // the zero value: envelope's default
	if policy != envelope.RequireEncryptRequireDecrypt {
		t.Fatal("zero CommitmentPolicy is not RequireEncryptRequireDecrypt")
	}
	rep, err := vectors.Run(context.Background(), "testdata/dafny-4.1.0/decrypt-manifest.json", vectors.Options{
		CommitmentPolicy: &policy,
		Policy:           &hipaa.Policy{Auditor: hipaatest.NewRecorder()},
	})
	if err != nil {
		t.Fatal(err)
	}
	var v1, v2 int
	for _, r := range rep.Results {
		committing := r.Suite == "0478" || r.Suite == "0578"
		if committing {
			v2++
			if r.Outcome != vectors.Passed {
				t.Errorf("%s: %s", r.Name, r.Reason)
			}
		} else {
			v1++
			if !errors.Is(r.Err, envelope.ErrCommitmentPolicy) {
				t.Errorf("%s (suite %s): not refused: %v", r.Name, r.Suite, r.Err)
			}
		}
	}
	if v1+v2 != 187 || v1 == 0 || v2 == 0 {
		t.Errorf("%d v1 and %d v2 messages, want 187 of both kinds", v1, v2)
	}
	t.Logf("default policy: %d v1 messages refused, %d v2 messages checked", v1, v2)
}
