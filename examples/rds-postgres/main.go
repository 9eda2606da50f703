// rds-postgres: rdsconn against the local stack's PostgreSQL 15, the way
// an application connects to RDS for PostgreSQL.
//
//  1. a pgx pool with sslmode=verify-full: the server certificate is
//     verified (here against the stack's CA instead of the Amazon RDS
//     bundle) and the server itself confirms the session is TLS 1.2+;
//  2. a DSN with sslmode=require (encrypted, but any certificate would do)
//     is refused before anything is sent;
//  3. the server's TLS posture: is TLS forced, what is the minimum
//     protocol, what should change;
//  4. every step is in a hash-chained audit log, which is then verified.
//
// Run it with `make demo` (which starts the stack and sets PHISAFE_PG_ADDR,
// PHISAFE_PG_USER, PHISAFE_PG_PASSWORD, PHISAFE_PG_DB and PHISAFE_STACK_CA).
package main

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net/url"
	"os"
	"path/filepath"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/auditlog"
	"github.com/phisafe/phisafe/rdsconn"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, out io.Writer) error {
	addr, caFile := os.Getenv("PHISAFE_PG_ADDR"), os.Getenv("PHISAFE_STACK_CA")
	if addr == "" || caFile == "" {
		return errors.New("rds-postgres: PHISAFE_PG_ADDR and PHISAFE_STACK_CA are not set; run `make demo`")
	}
	caPEM, err := os.ReadFile(caFile)
	if err != nil {
		return err
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(caPEM) {
		return errors.New("rds-postgres: PHISAFE_STACK_CA holds no certificate")
	}
	// Against RDS, leave RootCAs out: the embedded Amazon RDS bundle is
	// the default.
	useStackCA := func(o *rdsconn.Options) { o.RootCAs = roots }

	dir, err := os.MkdirTemp("", "phisafe-rds-postgres-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	logPath := filepath.Join(dir, "audit.log")
	auditLog, err := auditlog.Open(logPath)
	if err != nil {
		return err
	}
	policy := &hipaa.Policy{Auditor: auditLog}
	ctx = hipaa.WithActor(ctx, "rds-postgres-example")

	dsn := func(sslmode string) string {
		u := url.URL{Scheme: "postgres", Host: addr, Path: "/" + os.Getenv("PHISAFE_PG_DB"),
			User:     url.UserPassword(os.Getenv("PHISAFE_PG_USER"), os.Getenv("PHISAFE_PG_PASSWORD")),
			RawQuery: "sslmode=" + sslmode}
		return u.String()
	}

	// 1. Verified TLS, confirmed by the server.
	pool, err := rdsconn.OpenPostgresPool(ctx, policy, dsn("verify-full"), useStackCA)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer pool.Close()
	var ssl bool
	var version, cipher string
	if err := pool.QueryRow(ctx, "SELECT ssl, version, cipher FROM pg_stat_ssl WHERE pid = pg_backend_pid()").Scan(&ssl, &version, &cipher); err != nil {
		return err
	}
	fmt.Fprintf(out, "1. connected with sslmode=verify-full; pg_stat_ssl: ssl=%v version=%s cipher=%s\n", ssl, version, cipher)

	// 2. sslmode=require is refused before any connection.
	_, err = rdsconn.OpenPostgresPool(ctx, policy, dsn("require"), useStackCA)
	if !errors.Is(err, hipaa.ErrInsecureTransport) {
		return fmt.Errorf("sslmode=require was not refused: %v", err)
	}
	fmt.Fprintln(out, "2. refused:", err)

	// 3. The server's posture.
	p, err := rdsconn.CheckPostgresPool(ctx, policy, pool)
	if err != nil {
		return fmt.Errorf("posture: %w", err)
	}
	minimum := p.MinProtocol
	if minimum == "" {
		minimum = "unknown"
	}
	fmt.Fprintf(out, "3. posture: TLS on=%s, forced=%s, minimum=%s, this session=%s %s, RDS CA bundle valid until %s\n",
		p.TLSEnabled, p.ForcesTLS, minimum, p.SessionProtocol, p.SessionCipher, p.BundleExpiry.Format("2006-01-02"))
	for _, f := range p.Findings {
		fmt.Fprintf(out, "   finding %s: %s\n", f.Code, f.Message)
	}

	// 4. The audit trail.
	pool.Close()
	if err := auditLog.Close(); err != nil {
		return err
	}
	n, err := auditlog.Verify(logPath)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	fmt.Fprintf(out, "4. audit log written and verified: %d hash-chained records (connect attempt/success, refusal, posture)\n", n)
	return nil
}
