package rdsconn

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"testing"

	"github.com/phisafe/phisafe/hipaa"
)

const testHost = "mydb.abc123xyz.us-east-1.rds.amazonaws.com"

func TestTLSConfig(t *testing.T) {
	cfg, err := TLSConfig(testHost)
	if err != nil {
		t.Fatal(err)
	}
	if err := hipaa.CheckTLSConfig(cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.ServerName != testHost {
		t.Errorf("ServerName = %q, want %q", cfg.ServerName, testHost)
	}
	if cfg.InsecureSkipVerify {
		t.Error("InsecureSkipVerify is set")
	}
	if cfg.MinVersion < tls.VersionTLS12 {
		t.Errorf("MinVersion = %x", cfg.MinVersion)
	}
	rds, err := RDSRootCAs()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.RootCAs == nil || !cfg.RootCAs.Equal(rds) {
		t.Error("RootCAs is not the RDS bundle")
	}

	// Two configurations share no mutable state.
	cfg2, err := TLSConfig(testHost)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.RootCAs == cfg2.RootCAs {
		t.Error("configurations share one CertPool")
	}
}

func TestTLSConfigWithRootCAs(t *testing.T) {
	pool := x509.NewCertPool()
	cfg, err := TLSConfig(testHost, WithRootCAs(pool))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.RootCAs != pool {
		t.Error("WithRootCAs pool not used")
	}
	if _, err := TLSConfig(testHost, WithRootCAs(nil)); !errors.Is(err, hipaa.ErrInsecureTransport) {
		t.Errorf("WithRootCAs(nil): err = %v, want ErrInsecureTransport", err)
	}
}

func TestTLSConfigRefusesHost(t *testing.T) {
	for _, host := range []string{
		"",
		testHost + ":5432",
		"postgres://" + testHost,
		"user@" + testHost,
		testHost + "/db",
		"a b",
	} {
		_, err := TLSConfig(host)
		if !errors.Is(err, hipaa.ErrInsecureTransport) {
			t.Errorf("TLSConfig(%q): err = %v, want ErrInsecureTransport", host, err)
		}
	}
}
