package envelope

import (
	"errors"
	"slices"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/phi"
	"github.com/phisafe/phisafe/hipaatest"
)

// TestWeakeningsAuditedAtNew: every option or keyring that gives something
// up is recorded as an override event when the Client is built, and New
// fails when that record cannot be written; the strict defaults record
// none.
func TestWeakeningsAuditedAtNew(t *testing.T) {
	aes, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	priv := testRSAKey(t)
	sha1, _ := NewRawRSAKeyring("ns", "rsa", &priv.PublicKey, priv, OAEPSHA1)
	v15, _ := NewRawRSAKeyring("ns", "rsa", nil, priv, PKCS1v15DecryptOnly)
	multi, _ := NewMultiKeyring(aes, sha1)
	for _, tc := range []struct {
		name string
		k    Keyring
		opt  func(*Options)
		want []string
	}{
		{"defaults", aes, func(*Options) {}, nil},
		{"stricter options", aes, func(o *Options) { o.StreamUnsignedOnly = true; o.MaxStreamBuffer = 1 << 20 }, nil},
		{"RequireEncryptAllowDecrypt", aes, func(o *Options) { o.CommitmentPolicy = RequireEncryptAllowDecrypt }, []string{"CommitmentPolicy=RequireEncryptAllowDecrypt"}},
		{"ForbidEncryptAllowDecrypt", aes, func(o *Options) { o.CommitmentPolicy = ForbidEncryptAllowDecrypt }, []string{"CommitmentPolicy=ForbidEncryptAllowDecrypt"}},
		{"AllowNet400HeaderAuthRetry", aes, func(o *Options) { o.AllowNet400HeaderAuthRetry = true }, []string{"AllowNet400HeaderAuthRetry"}},
		{"AllowUnverifiedStreaming", aes, func(o *Options) { o.AllowUnverifiedStreaming = true }, []string{"AllowUnverifiedStreaming"}},
		{"OAEPSHA1", sha1, func(*Options) {}, []string{"RSAPadding=OAEPSHA1"}},
		{"PKCS1v15DecryptOnly", v15, func(*Options) {}, []string{"RSAPadding=PKCS1v15DecryptOnly"}},
		{"OAEPSHA1 in a multi-keyring", multi, func(*Options) {}, []string{"RSAPadding=OAEPSHA1"}},
		{"policy AllowPHIInNames", aes, func(*Options) {}, []string{"AllowPHIInNames category=name"}},
	} {
		rec := hipaatest.NewRecorder()
		policy := func() *hipaa.Policy {
			if tc.name == "policy AllowPHIInNames" {
				return &hipaa.Policy{Auditor: rec, AllowPHIInNames: []phi.Category{phi.CategoryName}}
			}
			return &hipaa.Policy{Auditor: rec}
		}
		if _, err := New(policy(), tc.k, tc.opt); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got []string
		for _, e := range rec.Events() {
			if e.Outcome != hipaa.OutcomeOverride || e.Action != "envelope.New" {
				t.Fatalf("%s: unexpected event %+v", tc.name, e)
			}
			got = append(got, e.Detail)
		}
		if !slices.Equal(got, tc.want) {
			t.Fatalf("%s: overrides %q, want %q", tc.name, got, tc.want)
		}
		if len(tc.want) > 0 {
			rec.FailWith(errors.New("sink down"))
			if _, err := New(policy(), tc.k, tc.opt); !errors.Is(err, hipaa.ErrAuditFailed) {
				t.Fatalf("%s with a failing sink: %v", tc.name, err)
			}
		}
	}
}
