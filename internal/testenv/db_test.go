package testenv

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestStackDatabases proves, with the real client programs (psql, mariadb,
// openssl s_client), that every database server of the local stack is the
// variant db.go says it is.
func TestStackDatabases(t *testing.T) {
	tests := []struct {
		name    string
		engine  string // "pg" or "mysql"
		variant string
		check   func(t *testing.T, d *dbCheck)
	}{
		{"postgres/main", "pg", DBMain, checkPGMain},
		{"postgres/notls", "pg", DBNoTLS, checkPGNoTLS},
		{"postgres/tls11", "pg", DBTLS11, checkPGTLS11},
		{"postgres/expired", "pg", DBExpired, checkBadCert},
		{"postgres/wronghost", "pg", DBWrongHost, checkBadCert},
		{"postgres/unknownca", "pg", DBUnknownCA, checkBadCert},
		{"mariadb/main", "mysql", DBMain, checkMyMain},
		{"mariadb/notls", "mysql", DBNoTLS, checkMyNoTLS},
		{"mariadb/tls11", "mysql", DBTLS11, checkMyTLS11},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := &dbCheck{variant: tc.variant, engine: tc.engine}
			if tc.engine == "pg" {
				d.s = Postgres(t, tc.variant)
				d.client = Command(t, "psql")
				d.starttls = "postgres"
			} else {
				d.s = MySQL(t, tc.variant)
				d.client = Command(t, "mariadb")
				d.starttls = "mysql"
			}
			d.openssl = Command(t, "openssl")
			tc.check(t, d)
		})
	}
}

type dbCheck struct {
	s        DBServer
	engine   string
	variant  string
	client   string // psql or mariadb
	openssl  string
	starttls string // s_client -starttls protocol
}

// run runs a program with a small environment and a deadline; it returns
// the combined output.
func run(t *testing.T, extraEnv []string, prog string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "LC_ALL=C"}, extraEnv...)
	cmd.Stdin = nil
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("%s %s: %v", filepath.Base(prog), strings.Join(args, " "), ctx.Err())
	}
	return strings.TrimSpace(string(out)), err
}

// legacyTLSConf is an OpenSSL configuration that lets a client offer
// TLS 1.1 (OpenSSL 3 needs security level 0 for it).
func legacyTLSConf(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "openssl-tls11.cnf")
	conf := "openssl_conf = init\n[init]\nssl_conf = ssl\n[ssl]\nsystem_default = sys\n" +
		"[sys]\nCipherString = DEFAULT:@SECLEVEL=0\nMinProtocol = TLSv1.1\n"
	if err := os.WriteFile(p, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// --- PostgreSQL -----------------------------------------------------------------

// psql runs query as user (admin or not) with the libpq connection
// parameters extra (e.g. "sslmode=verify-full").
func (d *dbCheck) psql(t *testing.T, admin bool, extra, query string, env ...string) (string, error) {
	t.Helper()
	user, pass := d.s.User, d.s.Password
	if admin {
		user, pass = d.s.AdminUser, d.s.AdminPassword
	}
	conninfo := fmt.Sprintf("host=%s port=%s user=%s dbname=%s connect_timeout=5 %s",
		d.s.Host, d.s.Port, user, d.s.Database, extra)
	if strings.Contains(extra, "sslmode=verify-") {
		// Only then: with a root certificate, libpq's sslmode=require verifies too.
		conninfo += " sslrootcert=" + d.s.CAFile
	}
	return run(t, append([]string{"PGPASSWORD=" + pass}, env...),
		d.client, "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", conninfo, "-c", query)
}

func (d *dbCheck) mustPsql(t *testing.T, admin bool, extra, query, want string, env ...string) {
	t.Helper()
	out, err := d.psql(t, admin, extra, query, env...)
	if err != nil {
		t.Fatalf("psql (admin=%v, %s) %q: %v: %s", admin, extra, query, err, out)
	}
	if out != want {
		t.Fatalf("psql (admin=%v, %s) %q = %q, want %q", admin, extra, query, out, want)
	}
}

func (d *dbCheck) psqlFails(t *testing.T, extra, wantErr string, env ...string) {
	t.Helper()
	out, err := d.psql(t, false, extra, "SELECT 1", env...)
	if err == nil || !strings.Contains(out, wantErr) {
		t.Fatalf("psql (%s): err=%v, output %q; want a failure with %q", extra, err, out, wantErr)
	}
}

const (
	pgTLSVersion = "SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
	pgIsSuper    = "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
	pgWhere      = "SELECT current_user || '@' || current_database()"
)

func checkPGMain(t *testing.T, d *dbCheck) {
	verified := "sslmode=verify-full"
	v, err := d.psql(t, false, verified, pgTLSVersion)
	if err != nil || (v != "TLSv1.2" && v != "TLSv1.3") {
		t.Fatalf("TLS version over verify-full: %q, %v; want TLSv1.2 or TLSv1.3", v, err)
	}
	d.mustPsql(t, false, verified, pgWhere, d.s.User+"@"+d.s.Database)
	d.mustPsql(t, false, verified, "SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()", d.s.User)
	d.mustPsql(t, true, verified, pgIsSuper, "t")
	d.mustPsql(t, true, verified, "SHOW ssl_min_protocol_version", "TLSv1.2")
	// TLS 1.2 pinned and TLS 1.3 pinned both work.
	d.mustPsql(t, false, verified+" ssl_max_protocol_version=TLSv1.2", pgTLSVersion, "TLSv1.2")
	d.mustPsql(t, false, verified+" ssl_min_protocol_version=TLSv1.3", pgTLSVersion, "TLSv1.3")
	d.psqlFails(t, "sslmode=disable", "no encryption")
	d.refusesTLS(t, "tls1_1")
	d.refusesTLS(t, "tls1")
	c := d.serverCert(t)
	d.verifies(t, c)
}

func checkPGNoTLS(t *testing.T, d *dbCheck) {
	plain := "sslmode=disable"
	d.mustPsql(t, false, plain, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", "f")
	d.mustPsql(t, false, plain, pgWhere, d.s.User+"@"+d.s.Database)
	d.mustPsql(t, true, plain, pgIsSuper, "t")
	d.mustPsql(t, true, plain, "SHOW ssl", "off")
	// Cleartext password authentication for TCP clients.
	d.mustPsql(t, true, plain, "SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host'", "password")
	d.psqlFails(t, "sslmode=require", "server does not support SSL")
	if p, out := d.tlsHandshake(t, "tls1_2"); p != "" {
		t.Fatalf("s_client negotiated %s with a server without TLS:\n%s", p, out)
	}
}

func checkPGTLS11(t *testing.T, d *dbCheck) {
	d.onlyTLS11(t)
	// A default libpq (TLS 1.2 and up) cannot connect.
	d.psqlFails(t, "sslmode=require", "protocol version")
	// A libpq allowed TLS 1.1 gets TLS 1.1, and both accounts work.
	conf := "OPENSSL_CONF=" + legacyTLSConf(t)
	old := "sslmode=verify-full ssl_min_protocol_version=TLSv1.1"
	d.mustPsql(t, false, old, pgTLSVersion, "TLSv1.1", conf)
	d.mustPsql(t, false, old, pgWhere, d.s.User+"@"+d.s.Database, conf)
	d.mustPsql(t, true, old, pgIsSuper, "t", conf)
	d.psqlFails(t, "sslmode=disable", "no encryption")
	d.verifies(t, d.serverCert(t))
}

// checkBadCert checks the EXPIRED, WRONGHOST and UNKNOWNCA servers: the
// served certificate has exactly its variant's defect, libpq's verify-full
// refuses it, and without verification the server is a working TLS server.
func checkBadCert(t *testing.T, d *dbCheck) {
	roots := stackRoots(t, d.s.CAFile)
	c := d.serverCert(t)
	now := time.Now()
	_, verr := c.Verify(x509.VerifyOptions{Roots: roots, CurrentTime: now})
	var hostErrs []error
	for _, h := range []string{"localhost", "127.0.0.1"} {
		hostErrs = append(hostErrs, c.VerifyHostname(h))
	}
	stackCA := stackCACert(t, d.s.CAFile)
	switch d.variant {
	case DBExpired:
		if !c.NotAfter.Before(now) {
			t.Fatalf("certificate notAfter %v is not in the past", c.NotAfter)
		}
		var inv x509.CertificateInvalidError
		if !errors.As(verr, &inv) || inv.Reason != x509.Expired {
			t.Fatalf("verify against the stack CA: %v; want an expired certificate error", verr)
		}
		if err := c.CheckSignatureFrom(stackCA); err != nil {
			t.Fatalf("expired certificate is not signed by the stack CA: %v", err)
		}
		for _, err := range hostErrs {
			if err != nil {
				t.Fatalf("expired certificate: %v; want it for localhost and 127.0.0.1", err)
			}
		}
	case DBWrongHost:
		if verr != nil {
			t.Fatalf("wrong-host certificate does not verify against the stack CA: %v", verr)
		}
		if len(c.DNSNames) != 1 || c.DNSNames[0] != "db.invalid" || len(c.IPAddresses) != 0 {
			t.Fatalf("certificate names %v %v; want DNS:db.invalid only", c.DNSNames, c.IPAddresses)
		}
		for _, err := range hostErrs {
			var he x509.HostnameError
			if !errors.As(err, &he) {
				t.Fatalf("host name check: %v; want a host name mismatch", err)
			}
		}
	case DBUnknownCA:
		var ua x509.UnknownAuthorityError
		if !errors.As(verr, &ua) {
			t.Fatalf("verify against the stack CA: %v; want an unknown authority error", verr)
		}
		if c.CheckSignatureFrom(stackCA) == nil {
			t.Fatal("unknown-CA certificate is signed by the stack CA")
		}
		if now.Before(c.NotBefore) || now.After(c.NotAfter) {
			t.Fatalf("unknown-CA certificate is not valid now (%v to %v)", c.NotBefore, c.NotAfter)
		}
		for _, err := range hostErrs {
			if err != nil {
				t.Fatalf("unknown-CA certificate: %v; want it for localhost and 127.0.0.1", err)
			}
		}
	default:
		t.Fatalf("no certificate defect for variant %q", d.variant)
	}
	wantLibpq := map[string]string{
		DBExpired:   "certificate verify failed",
		DBWrongHost: `does not match host name "127.0.0.1"`,
		DBUnknownCA: "certificate verify failed",
	}[d.variant]
	d.psqlFails(t, "sslmode=verify-full", wantLibpq)
	if d.variant == DBWrongHost {
		// verify-ca checks the chain, not the name: the chain is good.
		if _, err := d.psql(t, false, "sslmode=verify-ca", "SELECT 1"); err != nil {
			t.Fatalf("verify-ca to the wrong-host server: %v", err)
		}
	} else {
		d.psqlFails(t, "sslmode=verify-ca", "certificate verify failed")
	}
	// Unverified TLS works: only the certificate is wrong.
	v, err := d.psql(t, false, "sslmode=require", pgTLSVersion)
	if err != nil || (v != "TLSv1.2" && v != "TLSv1.3") {
		t.Fatalf("TLS version over sslmode=require: %q, %v", v, err)
	}
	d.mustPsql(t, true, "sslmode=require", pgIsSuper, "t")
	d.psqlFails(t, "sslmode=disable", "no encryption")
}

// --- MariaDB --------------------------------------------------------------------

func (d *dbCheck) mariadb(t *testing.T, admin bool, args []string, query string, env ...string) (string, error) {
	t.Helper()
	user, pass := d.s.User, d.s.Password
	if admin {
		user, pass = d.s.AdminUser, d.s.AdminPassword
	}
	a := append([]string{"--no-defaults", "--protocol=tcp", "-h", d.s.Host, "-P", d.s.Port, "-u", user,
		"--connect-timeout=5", "-N", "-B"}, args...)
	a = append(a, "-e", query, d.s.Database)
	return run(t, append([]string{"MYSQL_PWD=" + pass}, env...), d.client, a...)
}

func (d *dbCheck) mustMariadb(t *testing.T, admin bool, args []string, query, want string, env ...string) {
	t.Helper()
	out, err := d.mariadb(t, admin, args, query, env...)
	if err != nil {
		t.Fatalf("mariadb (admin=%v, %v) %q: %v: %s", admin, args, query, err, out)
	}
	if out != want {
		t.Fatalf("mariadb (admin=%v, %v) %q = %q, want %q", admin, args, query, out, want)
	}
}

func (d *dbCheck) mariadbFails(t *testing.T, args []string, wantErr string) {
	t.Helper()
	out, err := d.mariadb(t, false, args, "SELECT 1")
	if err == nil || !strings.Contains(out, wantErr) {
		t.Fatalf("mariadb (%v): err=%v, output %q; want a failure with %q", args, err, out, wantErr)
	}
}

const (
	myTLSVersion = "SHOW STATUS LIKE 'Ssl_version'"
	myWhere      = "SELECT CONCAT(CURRENT_USER(), ' ', DATABASE())"
)

func (d *dbCheck) myVerified() []string {
	return []string{"--ssl-ca=" + d.s.CAFile, "--ssl-verify-server-cert"}
}

func (d *dbCheck) myWho(admin bool) string {
	if admin {
		return d.s.AdminUser + "@127.0.0.1 " + d.s.Database
	}
	return d.s.User + "@127.0.0.1 " + d.s.Database
}

// checkMyAdmin checks the admin account may create and change users.
func (d *dbCheck) checkMyAdmin(t *testing.T, args []string, env ...string) {
	t.Helper()
	out, err := d.mariadb(t, true, args, "SHOW GRANTS", env...)
	if err != nil || !strings.Contains(out, "GRANT ALL PRIVILEGES ON *.*") || !strings.Contains(out, "WITH GRANT OPTION") {
		t.Fatalf("admin grants: %v: %s", err, out)
	}
	d.mustMariadb(t, true, args, myWhere, d.myWho(true), env...)
}

func checkMyMain(t *testing.T, d *dbCheck) {
	v := d.myVerified()
	out, err := d.mariadb(t, false, v, myTLSVersion)
	if err != nil || (out != "Ssl_version\tTLSv1.2" && out != "Ssl_version\tTLSv1.3") {
		t.Fatalf("TLS version over a verified connection: %q, %v", out, err)
	}
	d.mustMariadb(t, false, append(v, "--tls-version=TLSv1.2"), myTLSVersion, "Ssl_version\tTLSv1.2")
	d.mustMariadb(t, false, v, myWhere, d.myWho(false))
	d.mustMariadb(t, false, v, "SHOW VARIABLES LIKE 'require_secure_transport'", "require_secure_transport\tON")
	d.checkMyAdmin(t, v)
	d.mariadbFails(t, []string{"--skip-ssl"}, "Access denied")
	d.refusesTLS(t, "tls1_1")
	d.refusesTLS(t, "tls1")
	d.verifies(t, d.serverCert(t))
}

func checkMyNoTLS(t *testing.T, d *dbCheck) {
	plain := []string{"--skip-ssl"}
	d.mustMariadb(t, false, plain, "SHOW VARIABLES LIKE 'have_ssl'", "have_ssl\tDISABLED")
	d.mustMariadb(t, false, plain, myTLSVersion, "Ssl_version") // empty value
	d.mustMariadb(t, false, plain, myWhere, d.myWho(false))
	d.checkMyAdmin(t, plain)
	d.mariadbFails(t, d.myVerified(), "server does not support it")
	if p, out := d.tlsHandshake(t, "tls1_2"); p != "" {
		t.Fatalf("s_client negotiated %s with a server without TLS:\n%s", p, out)
	}
}

func checkMyTLS11(t *testing.T, d *dbCheck) {
	d.onlyTLS11(t)
	// A default client (OpenSSL 3, security level 2) cannot connect.
	d.mariadbFails(t, d.myVerified(), "TLS/SSL error")
	conf := "OPENSSL_CONF=" + legacyTLSConf(t)
	old := append(d.myVerified(), "--tls-version=TLSv1.1")
	d.mustMariadb(t, false, old, myTLSVersion, "Ssl_version\tTLSv1.1", conf)
	d.mustMariadb(t, false, old, myWhere, d.myWho(false), conf)
	d.checkMyAdmin(t, old, conf)
	d.mariadbFails(t, []string{"--skip-ssl"}, "Access denied")
	d.verifies(t, d.serverCert(t))
}

// --- TLS, with openssl s_client -starttls ------------------------------------------

var (
	// "New, <the cipher's protocol>, Cipher is <cipher>" or "New, (NONE), Cipher is (NONE)"
	handshake = regexp.MustCompile(`(?m)^New, (\S+), Cipher is (\S+)`)
	// the negotiated protocol, in the SSL-Session block
	protocol = regexp.MustCompile(`(?m)^\s+Protocol\s*: (\S+)`)
)

// tlsHandshake offers only the protocol flag ("tls1_1", "tls1_2", ...) at
// security level 0 and returns the negotiated protocol, "" if none.
func (d *dbCheck) tlsHandshake(t *testing.T, flag string) (string, string) {
	t.Helper()
	out, _ := run(t, nil, d.openssl, "s_client", "-starttls", d.starttls, "-connect", d.s.Addr,
		"-"+flag, "-cipher", "DEFAULT:@SECLEVEL=0", "-CAfile", d.s.CAFile)
	h, p := handshake.FindStringSubmatch(out), protocol.FindStringSubmatch(out)
	if h == nil || h[2] == "(NONE)" || p == nil {
		return "", out
	}
	return p[1], out
}

func (d *dbCheck) refusesTLS(t *testing.T, flag string) {
	t.Helper()
	if p, out := d.tlsHandshake(t, flag); p != "" {
		t.Fatalf("server accepted %s when offered only -%s:\n%s", p, flag, out)
	}
}

// onlyTLS11 checks that the server negotiates TLS 1.1 and refuses 1.0, 1.2 and 1.3.
func (d *dbCheck) onlyTLS11(t *testing.T) {
	t.Helper()
	if p, out := d.tlsHandshake(t, "tls1_1"); p != "TLSv1.1" {
		t.Fatalf("offered TLS 1.1 only, negotiated %q:\n%s", p, out)
	}
	for _, f := range []string{"tls1", "tls1_2", "tls1_3"} {
		d.refusesTLS(t, f)
	}
}

// serverCert returns the leaf certificate the server presents.
func (d *dbCheck) serverCert(t *testing.T) *x509.Certificate {
	t.Helper()
	args := []string{"s_client", "-starttls", d.starttls, "-connect", d.s.Addr, "-showcerts"}
	if d.variant == DBTLS11 {
		args = append(args, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0")
	}
	out, _ := run(t, nil, d.openssl, args...)
	b, _ := pem.Decode([]byte(out[max(strings.Index(out, "-----BEGIN CERTIFICATE-----"), 0):]))
	if b == nil {
		t.Fatalf("no certificate from %s:\n%s", d.s.Addr, out)
	}
	c, err := x509.ParseCertificate(b.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// verifies checks that c is valid now, from the stack CA, for localhost and 127.0.0.1.
func (d *dbCheck) verifies(t *testing.T, c *x509.Certificate) {
	t.Helper()
	for _, h := range []string{"localhost", "127.0.0.1"} {
		if _, err := c.Verify(x509.VerifyOptions{Roots: stackRoots(t, d.s.CAFile), DNSName: h}); err != nil {
			t.Fatalf("served certificate for %s: %v", h, err)
		}
	}
}

func stackCACert(t *testing.T, file string) *x509.Certificate {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := pem.Decode(b)
	if p == nil {
		t.Fatalf("%s: no PEM certificate", file)
	}
	c, err := x509.ParseCertificate(p.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func stackRoots(t *testing.T, file string) *x509.CertPool {
	t.Helper()
	pool := x509.NewCertPool()
	pool.AddCert(stackCACert(t, file))
	return pool
}
