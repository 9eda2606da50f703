package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/phisafe/phisafe/internal/testenv"
)

// TestRDSPostgres runs the example against the stack's PostgreSQL, as
// `make demo` does.
func TestRDSPostgres(t *testing.T) {
	s := testenv.Postgres(t, testenv.DBMain)
	t.Setenv("PHISAFE_PG_ADDR", s.Addr)
	var out bytes.Buffer
	if err := run(context.Background(), &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"ssl=true version=TLSv1.", "2. refused: rdsconn: postgres DSN: sslmode=require", "3. posture: TLS on=yes", "4. audit log written and verified"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, s.Password) {
		t.Error("output holds the password")
	}
}
