package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/phisafe/phisafe/hipaatest"
)

// TestQuickstart runs the example against an in-process local KMS server,
// the way `make demo` runs it against the stack's.
func TestQuickstart(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	ca := filepath.Join(t.TempDir(), "ca.crt")
	if err := os.WriteFile(ca, srv.CAPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PHISAFE_KMS_ENDPOINT", srv.URL())
	t.Setenv("PHISAFE_STACK_CA", ca)
	t.Setenv("AWS_REGION", srv.Region())
	t.Setenv("AWS_ACCESS_KEY_ID", srv.AccessKeyID())
	t.Setenv("AWS_SECRET_ACCESS_KEY", srv.SecretAccessKey())
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	if err := run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if srv.Calls("CreateKey") != 1 || srv.Calls("GenerateDataKey") != 1 {
		t.Fatalf("KMS saw CreateKey=%d GenerateDataKey=%d", srv.Calls("CreateKey"), srv.Calls("GenerateDataKey"))
	}
}
