package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestScan(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		stdin    string
		exit     int
		category string
		secret   string // must never be printed
	}{
		{name: "ssn in key", args: []string{"scan", "patients/ssn-219-09-9999.pdf"}, exit: 1, category: "ssn", secret: "219-09-9999"},
		{name: "email on stdin", args: []string{"scan"}, stdin: "uploads/2024/06/01/batch-7.parquet\nexports/jane.doe@example.com.csv\n", exit: 1, category: "email", secret: "jane.doe@example.com"},
		{name: "clean names", args: []string{"scan", "2024/06/01/batch-7.parquet", "3f2c9a1e-8b7d-4c6e-9f01-2a3b4c5d6e7f.json"}, exit: 0},
		{name: "json output", args: []string{"scan", "-json", "member_id_W123456789"}, exit: 1, category: `"category":"health-plan"`, secret: "W123456789"},
		{name: "bad flag", args: []string{"scan", "-min-confidence", "7"}, exit: 2},
		{name: "no command", args: nil, exit: 2},
		{name: "unknown command", args: []string{"frobnicate"}, exit: 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := run(tc.args, strings.NewReader(tc.stdin), &stdout, &stderr)
			if got != tc.exit {
				t.Fatalf("exit %d, want %d; stdout %q stderr %q", got, tc.exit, stdout.String(), stderr.String())
			}
			if tc.category != "" && !strings.Contains(stdout.String(), tc.category) {
				t.Fatalf("output lacks %q: %s", tc.category, stdout.String())
			}
			if tc.secret != "" && strings.Contains(stdout.String()+stderr.String(), tc.secret) {
				t.Fatalf("output leaks the value: %s", stdout.String())
			}
			if tc.exit == 0 && stdout.Len() != 0 {
				t.Fatalf("clean names printed %q", stdout.String())
			}
		})
	}
}
