package hipaa_test

import (
	"bufio"
	"context"
	"crypto/fips140"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/internal/testenv"
)

// startOpenSSLServer runs a real `openssl s_server` on loopback with the
// given protocol/cipher arguments and returns its address.
func startOpenSSLServer(t *testing.T, pki *testenv.PKI, args ...string) string {
	t.Helper()
	openssl := testenv.Command(t, "openssl")
	addr := fmt.Sprintf("127.0.0.1:%d", testenv.FreePort(t))
	all := append([]string{"s_server", "-accept", addr, "-cert", pki.CertFile, "-key", pki.KeyFile, "-www", "-quiet"}, args...)
	cmd := exec.Command(openssl, all...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	testenv.WaitListening(t, addr, 5*time.Second)
	return addr
}

// opensslClientConnects proves the server really serves the
// configuration under test: a permissive openssl s_client completes a
// handshake with the same restrictions.
func opensslClientConnects(t *testing.T, addr string, pki *testenv.PKI, args ...string) {
	t.Helper()
	openssl := testenv.Command(t, "openssl")
	all := append([]string{"s_client", "-connect", addr, "-CAfile", pki.CAFile, "-brief"}, args...)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, openssl, all...)
	cmd.Stdin = strings.NewReader("")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "CONNECTION ESTABLISHED") {
		t.Fatalf("control: openssl s_client %v could not connect, so the server is not serving what the case claims: %v\n%s", args, err, out)
	}
}

func TestClientTLSConfigAgainstOpenSSL(t *testing.T) {
	pki := testenv.NewPKI(t, true)
	legacy := "DEFAULT:@SECLEVEL=0"
	cases := []struct {
		name       string
		server     []string
		control    []string
		reach      bool
		wantPolicy bool // refused by phisafe's own check (ErrInsecureTransport), not only by crypto/tls
	}{
		{name: "TLS1.0 only", server: []string{"-tls1", "-cipher", legacy}, control: []string{"-tls1", "-cipher", legacy}},
		{name: "TLS1.1 only", server: []string{"-tls1_1", "-cipher", legacy}, control: []string{"-tls1_1", "-cipher", legacy}},
		{name: "TLS1.2 CBC suites only", server: []string{"-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA:ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384"}, control: []string{"-tls1_2"}},
		{name: "TLS1.2 RSA key exchange only", server: []string{"-tls1_2", "-cipher", "AES128-GCM-SHA256:AES256-GCM-SHA384"}, control: []string{"-tls1_2"}},
		{name: "TLS1.2 ChaCha20 only", server: []string{"-tls1_2", "-cipher", "ECDHE-RSA-CHACHA20-POLY1305"}, control: []string{"-tls1_2"}},
		{name: "TLS1.3 ChaCha20 only", server: []string{"-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256"}, control: []string{"-tls1_3"}, wantPolicy: true},
		{name: "TLS1.3 X25519 group only", server: []string{"-tls1_3", "-groups", "X25519"}, control: []string{"-tls1_3"}},
		{name: "TLS1.2 ECDHE AES128-GCM", server: []string{"-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"}, control: []string{"-tls1_2"}, reach: true},
		{name: "TLS1.2 ECDHE AES256-GCM", server: []string{"-tls1_2", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384"}, control: []string{"-tls1_2"}, reach: true},
		{name: "TLS1.3 AES-GCM", server: []string{"-tls1_3", "-ciphersuites", "TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256"}, control: []string{"-tls1_3"}, reach: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			addr := startOpenSSLServer(t, pki, tc.server...)
			opensslClientConnects(t, addr, pki, tc.control...)

			cfg := hipaa.ClientTLSConfig()
			cfg.RootCAs = pki.Pool
			cfg.ServerName = "localhost"
			d := &net.Dialer{Timeout: 5 * time.Second}
			conn, err := tls.DialWithDialer(d, "tcp", addr, cfg)
			if !tc.reach {
				if err == nil {
					cs := conn.ConnectionState()
					conn.Close()
					t.Fatalf("connected with %s %s; want refusal", tls.VersionName(cs.Version), tls.CipherSuiteName(cs.CipherSuite))
				}
				// In FIPS 140-3 mode Go never offers ChaCha20, so the handshake
				// fails before phisafe's own check runs.
				if tc.wantPolicy && !fips140.Enabled() && !errors.Is(err, hipaa.ErrInsecureTransport) {
					t.Fatalf("error %v does not wrap ErrInsecureTransport", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("want a connection, got %v", err)
			}
			defer conn.Close()
			if err := hipaa.CheckConnectionState(conn.ConnectionState()); err != nil {
				t.Fatalf("negotiated state fails the policy: %v", err)
			}
		})
	}
}

// TestServerTLSConfigSSLScan runs the real sslscan against a Go server
// configured with ServerTLSConfig and parses what it reports.
func TestServerTLSConfigSSLScan(t *testing.T) {
	sslscan := testenv.Command(t, "sslscan")
	pki := testenv.NewPKI(t, true)
	addr := startHandshakeServer(t, pki.Cert)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, sslscan, "--no-colour", "--no-heartbleed", addr).CombinedOutput()
	if err != nil {
		t.Fatalf("sslscan: %v\n%s", err, out)
	}
	protocols, ciphers := parseSSLScan(t, string(out))
	t.Logf("sslscan protocols %v ciphers %v", protocols, ciphers)

	for _, p := range []string{"SSLv2", "SSLv3", "TLSv1.0", "TLSv1.1"} {
		if protocols[p] {
			t.Errorf("%s enabled", p)
		}
	}
	if !protocols["TLSv1.2"] || !protocols["TLSv1.3"] {
		t.Errorf("TLSv1.2 and TLSv1.3 must be enabled: %v", protocols)
	}
	if len(ciphers) == 0 {
		t.Fatalf("sslscan listed no accepted cipher:\n%s", out)
	}
	allowed12 := []string{"ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384"}
	allowed13 := []string{"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"}
	for _, c := range ciphers {
		switch c.proto {
		case "TLSv1.2":
			if !slices.Contains(allowed12, c.name) {
				t.Errorf("TLSv1.2 accepts %s, not an ECDHE AEAD suite of SP 800-52r2", c.name)
			}
		case "TLSv1.3":
			if !slices.Contains(allowed13, c.name) {
				t.Errorf("TLSv1.3 accepts %s, not an AES-GCM suite", c.name)
			}
		default:
			t.Errorf("cipher %s accepted over %s", c.name, c.proto)
		}
	}
}

type scannedCipher struct{ proto, name string }

var cipherLine = regexp.MustCompile(`^(Preferred|Accepted)\s+(\S+)\s+\d+\s+bits\s+(\S+)`)
var protoLine = regexp.MustCompile(`^(SSLv2|SSLv3|TLSv1\.[0-3])\s+(enabled|disabled)`)

func parseSSLScan(t *testing.T, out string) (map[string]bool, []scannedCipher) {
	t.Helper()
	protocols := map[string]bool{}
	var ciphers []scannedCipher
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if m := protoLine.FindStringSubmatch(line); m != nil {
			protocols[m[1]] = m[2] == "enabled"
		}
		if m := cipherLine.FindStringSubmatch(line); m != nil {
			ciphers = append(ciphers, scannedCipher{proto: m[2], name: m[3]})
		}
	}
	if len(protocols) < 4 {
		t.Fatalf("could not parse sslscan's protocol section:\n%s", out)
	}
	return protocols, ciphers
}

func TestCheckTLSConfig(t *testing.T) {
	weaken := map[string]func(*tls.Config){
		"skip verify":     func(c *tls.Config) { c.InsecureSkipVerify = true },
		"TLS 1.0 minimum": func(c *tls.Config) { c.MinVersion = tls.VersionTLS10 },
		"default suites":  func(c *tls.Config) { c.CipherSuites = nil },
		"CBC suite":       func(c *tls.Config) { c.CipherSuites = append(c.CipherSuites, tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA) },
		"X25519":          func(c *tls.Config) { c.CurvePreferences = append(c.CurvePreferences, tls.X25519) },
		"renegotiation":   func(c *tls.Config) { c.Renegotiation = tls.RenegotiateOnceAsClient },
		"no verify hook":  func(c *tls.Config) { c.VerifyConnection = nil },
		"no-op verify hook": func(c *tls.Config) {
			c.VerifyConnection = func(tls.ConnectionState) error { return nil }
		},
		"panicking verify hook": func(c *tls.Config) {
			c.VerifyConnection = func(cs tls.ConnectionState) error { _ = cs.PeerCertificates[0]; return nil }
		},
		"key log": func(c *tls.Config) { c.KeyLogWriter = io.Discard },
		"rand":    func(c *tls.Config) { c.Rand = strings.NewReader(strings.Repeat("0", 4096)) },
	}
	if err := hipaa.CheckTLSConfig(hipaa.ClientTLSConfig()); err != nil {
		t.Fatalf("ClientTLSConfig fails its own check: %v", err)
	}
	for name, fn := range weaken {
		t.Run(name, func(t *testing.T) {
			c := hipaa.ClientTLSConfig()
			fn(c)
			if err := hipaa.CheckTLSConfig(c); !errors.Is(err, hipaa.ErrInsecureTransport) {
				t.Fatalf("CheckTLSConfig = %v, want ErrInsecureTransport", err)
			}
		})
	}
	if err := hipaa.CheckTLSConfig(nil); !errors.Is(err, hipaa.ErrInsecureTransport) {
		t.Fatalf("nil config: %v", err)
	}
	// A VerifyConnection that calls hipaa's first passes.
	c := hipaa.ClientTLSConfig()
	base := c.VerifyConnection
	var ownChecks int
	c.VerifyConnection = func(cs tls.ConnectionState) error {
		if err := base(cs); err != nil {
			return err
		}
		ownChecks++
		return nil
	}
	if err := hipaa.CheckTLSConfig(c); err != nil {
		t.Fatalf("wrapped VerifyConnection: %v", err)
	}
	if ownChecks != 0 {
		t.Fatal("the probe got past hipaa's check")
	}
}

// TestCheckTLSConfigChaChaProbe: against a real openssl server that
// speaks only TLS 1.3 ChaCha20-Poly1305, a config whose VerifyConnection
// does nothing connects (the gap is real) and CheckTLSConfig refuses it; a
// VerifyConnection that wraps hipaa's passes the check and refuses the
// server.
//
// In FIPS 140-3 mode Go never offers ChaCha20-Poly1305, so no dial reaches
// that server; CheckTLSConfig's answers are the same.
func TestCheckTLSConfigChaChaProbe(t *testing.T) {
	fipsMode := fips140.Enabled()
	pki := testenv.NewPKI(t, true)
	addr := startOpenSSLServer(t, pki, "-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256")
	dial := func(c *tls.Config) error {
		c.RootCAs, c.ServerName = pki.Pool, "localhost"
		conn, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, c)
		if err == nil {
			conn.Close()
		}
		return err
	}

	noop := hipaa.ClientTLSConfig()
	noop.VerifyConnection = func(tls.ConnectionState) error { return nil }
	if err := dial(noop.Clone()); (err != nil) != fipsMode {
		t.Fatalf("control: a no-op VerifyConnection should reach the ChaCha20 server (outside FIPS mode): %v", err)
	}
	if err := hipaa.CheckTLSConfig(noop); !errors.Is(err, hipaa.ErrInsecureTransport) {
		t.Fatalf("CheckTLSConfig(no-op VerifyConnection) = %v, want ErrInsecureTransport", err)
	}

	wrapped := hipaa.ClientTLSConfig()
	base := wrapped.VerifyConnection
	wrapped.VerifyConnection = func(cs tls.ConnectionState) error { return base(cs) }
	if err := hipaa.CheckTLSConfig(wrapped); err != nil {
		t.Fatalf("CheckTLSConfig(wrapping VerifyConnection) = %v", err)
	}
	if err := dial(wrapped.Clone()); err == nil || (!fipsMode && !errors.Is(err, hipaa.ErrInsecureTransport)) {
		t.Fatalf("wrapping VerifyConnection against the ChaCha20 server: %v, want ErrInsecureTransport", err)
	}
}

// TestServerRefusesChaChaOnlyClient shows the server side of the TLS 1.3
// ChaCha20 gap: a Go client that can only do ChaCha20 is refused, and a
// default Go client gets an approved suite.
func TestServerTLSConfigChaChaClients(t *testing.T) {
	pki := testenv.NewPKI(t, false)
	addr := startHandshakeServer(t, pki.Cert)
	// A TLS 1.2-only client offering only ChaCha20: refused.
	_, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: pki.Pool, ServerName: "localhost",
		MaxVersion: tls.VersionTLS12, CipherSuites: []uint16{tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256}})
	if err == nil {
		t.Fatal("ChaCha20-only TLS 1.2 client connected")
	}
	// A default Go client reaches it with an approved suite.
	c, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: pki.Pool, ServerName: "localhost"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := hipaa.CheckConnectionState(c.ConnectionState()); err != nil {
		t.Fatal(err)
	}
}

// startHandshakeServer serves TLS handshakes with ServerTLSConfig(cert) on
// a loopback port until the test ends, and returns its address.
func startHandshakeServer(t *testing.T, cert tls.Certificate) string {
	t.Helper()
	l, err := tls.Listen("tcp", "127.0.0.1:0", hipaa.ServerTLSConfig(cert))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_ = c.SetDeadline(time.Now().Add(5 * time.Second))
				_ = c.(*tls.Conn).Handshake()
			}()
		}
	}()
	return l.Addr().String()
}
