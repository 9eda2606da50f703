// Package rdsconn prepares database connections to Amazon RDS and Aurora
// (PostgreSQL, MySQL, MariaDB) that use verified TLS or nothing.
//
// # The threat
//
// Connections to RDS are encrypted far less often than their
// configuration suggests. The usual failures:
//
//   - sslmode=require or sslmode=prefer in a PostgreSQL DSN: require
//     encrypts but accepts any certificate, so anyone on the path can
//     impersonate the database; prefer (the libpq and pgx default when
//     sslmode is missing) also falls back to no TLS at all. verify-ca
//     checks the CA but not the host name.
//   - Snippets that load the RDS CA bundle and then set
//     InsecureSkipVerify: true, which throws the bundle away.
//   - MySQL tls=preferred (or skip-verify, or allowFallbackToPlaintext):
//     the server is not verified and the driver may continue in
//     cleartext; with IAM database authentication the token is sent with
//     the cleartext-password plugin, so it travels in clear.
//   - Pools that keep IAM tokens past their 15-minute life, and servers
//     that still accept TLS 1.0/1.1.
//
// # What this package does now
//
//   - Embeds the Amazon RDS global CA bundle (rdsca/global-bundle.pem, see
//     rdsca/PROVENANCE.md): RDSRootCAs, BundleInfo, BundleExpiry. Its
//     tests pin the SHA-256 and start failing a year before the first
//     root expires.
//   - TLSConfig builds a client tls.Config from hipaa.ClientTLSConfig
//     (TLS 1.2 minimum, approved AEAD suites) that verifies the server
//     against the RDS bundle (or WithRootCAs) and checks its host name.
//   - CheckPostgresDSN and CheckMySQLDSN refuse DSNs that weaken
//     verification, with errors that wrap hipaa.ErrInsecureTransport,
//     name the option, say what to use instead, and never contain the
//     password or the DSN. A PostgreSQL DSN must say sslmode=verify-full
//     itself: a missing sslmode is refused, not filled in.
//
// # The happy path
//
//	// PostgreSQL (pgx): verify-full, and the RDS roots from this package.
//	dsn := "postgres://app@mydb.abc.us-east-1.rds.amazonaws.com:5432/clinic?sslmode=verify-full"
//	if err := rdsconn.CheckPostgresDSN(dsn); err != nil { ... }
//	cfg, _ := pgx.ParseConfig(dsn)
//	cfg.TLSConfig, err = rdsconn.TLSConfig(cfg.Host)
//
//	// MySQL / MariaDB: register the configuration, name it in the DSN.
//	tc, err := rdsconn.TLSConfig("mydb.abc.us-east-1.rds.amazonaws.com")
//	mysql.RegisterTLSConfig("rds", tc)
//	dsn := "app:...@tcp(mydb.abc.us-east-1.rds.amazonaws.com:3306)/clinic?tls=rds"
//	if err := rdsconn.CheckMySQLDSN(dsn); err != nil { ... }
//
// # Not in this package yet
//
// Connecting is not implemented here yet: there is no pgx pool or
// *sql.DB opener, no IAM database authentication (a fresh token per
// physical connection), no check after connecting that the server
// reports an encrypted session at TLS 1.2 or above (pg_stat_ssl,
// Ssl_version), no server posture checks (rds.force_ssl,
// require_secure_transport), and no audit events. Until then a caller
// must use the TLSConfig result and the DSN checks itself. Oracle is not
// covered.
package rdsconn
