package main

import (
	"strings"
	"testing"
)

func TestCheckLoopback(t *testing.T) {
	cases := map[string]bool{
		"127.0.0.1:4599": true,
		"127.3.2.1:4599": true,
		"[::1]:4599":     true,
		"localhost:4599": true,
		"0.0.0.0:4599":   false,
		":4599":          false,
		"[::]:4599":      false,
		"10.0.0.5:4599":  false,
		"example.com:80": false,
		"127.0.0.1":      false, // no port
	}
	for addr, ok := range cases {
		if err := checkLoopback(addr); (err == nil) != ok {
			t.Errorf("checkLoopback(%q) = %v, want ok=%v", addr, err, ok)
		}
	}
}

func TestRunRefusesBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-addr", "0.0.0.0:4599"},
		{"-cert", "only-cert.pem"},
		{"stray-argument"},
	} {
		if err := run(args); err == nil {
			t.Errorf("run(%s) started a server", strings.Join(args, " "))
		}
	}
}
