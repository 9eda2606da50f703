package rdsconn_test

import (
	"context"
	"fmt"
	"log"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/auditlog"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/rdsconn"
)

// A pgx pool to RDS for PostgreSQL: verify-full against the embedded
// Amazon RDS CA bundle, every connection audited and checked.
func ExampleOpenPostgresPool() {
	ctx := context.Background()
	auditLog, err := auditlog.Open("audit.log")
	if err != nil {
		log.Fatal(err)
	}
	policy := &hipaa.Policy{Auditor: auditLog}

	dsn := "postgres://app:example-password@mydb.abc123xyz.us-east-1.rds.amazonaws.com:5432/clinic?sslmode=verify-full"
	pool, err := rdsconn.OpenPostgresPool(ctx, policy, dsn)
	if err != nil {
		log.Fatal(err) // a weak DSN or an unverifiable server wraps hipaa.ErrInsecureTransport
	}
	defer pool.Close()

	var version string
	if err := pool.QueryRow(ctx, "SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()").Scan(&version); err != nil {
		log.Fatal(err)
	}
	fmt.Println(version) // TLSv1.2 or TLSv1.3
}

// IAM database authentication: a fresh token for every new physical
// connection, sent only over verified TLS. The DSN names the user and no
// password.
func ExampleOpenPostgresPool_iam() {
	ctx := context.Background()
	policy := &hipaa.Policy{Auditor: hipaatest.NewRecorder()} // in production, an audit log
	cfg, err := hipaa.LoadAWSConfig(ctx, func(o *hipaa.AWSOptions) { o.Policy = policy })
	if err != nil {
		log.Fatal(err)
	}
	dsn := "postgres://app_iam@mydb.abc123xyz.us-east-1.rds.amazonaws.com:5432/clinic?sslmode=verify-full"
	pool, err := rdsconn.OpenPostgresPool(ctx, policy, dsn, func(o *rdsconn.Options) {
		o.IAMAuth = rdsconn.IAMAuthFromConfig(cfg)
	})
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()
}

// MySQL, MariaDB or Aurora MySQL through database/sql.
func ExampleOpenMySQL() {
	ctx := context.Background()
	policy := &hipaa.Policy{Auditor: hipaatest.NewRecorder()} // in production, an audit log
	db, err := rdsconn.OpenMySQL(ctx, policy, "app:example-password@tcp(mydb.abc123xyz.us-east-1.rds.amazonaws.com:3306)/clinic?tls=true")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
}

// Does the server itself refuse connections without TLS, and accept
// nothing below TLS 1.2?
func ExampleCheckPostgresPool() {
	ctx := context.Background()
	policy := &hipaa.Policy{Auditor: hipaatest.NewRecorder()} // in production, an audit log
	pool, err := rdsconn.OpenPostgresPool(ctx, policy, "postgres://app:example-password@mydb.abc123xyz.us-east-1.rds.amazonaws.com:5432/clinic?sslmode=verify-full")
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()
	p, err := rdsconn.CheckPostgresPool(ctx, policy, pool)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("forces TLS:", p.ForcesTLS, "minimum:", p.MinProtocol)
	for _, f := range p.Findings {
		fmt.Println(f.Code, f.Message)
	}
}
