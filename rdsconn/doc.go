// Package rdsconn opens database connections to Amazon RDS and Aurora
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
// # What this package does
//
//   - OpenPostgresPool (pgx pool), OpenPostgresDB (database/sql on the
//     pgx stdlib driver) and OpenMySQL (database/sql on
//     go-sql-driver/mysql, for MySQL, MariaDB and Aurora MySQL) open
//     connections that use verified TLS or fail. The DSN must pass
//     CheckPostgresDSN / CheckMySQLDSN; the TLS configuration is always
//     one from TLSConfig; pgx fallbacks get one too, and MySQL's
//     plaintext fallback is off. No option weakens this.
//   - Every physical connection (the first, and each one a pool opens
//     later) is one operation under the policy's event rule
//     (hipaa.Policy.Begin): audited before anything is sent, the host
//     lookup included (ActionConnect, "attempt"; if the record cannot be
//     written nothing is sent), then exactly one outcome with the same
//     request id: "success" with the TLS version and suite, or "failed"
//     with the error class, wherever in the driver it failed. Refused
//     DSNs, options and environment variables give one "refused" event
//     and no attempt. No event holds a user, password, token, DSN or
//     query text. The events' Resource names the server as
//     postgres://host:port/database or mysql://host:port/database, with
//     an IP literal written as an identifier ("ip-10-0-0-1"), since the
//     policy checks Resource for PHI and its detector counts IP
//     addresses; a host or database name that holds PHI refuses the
//     connection with hipaa.ErrPHIInName.
//   - PostgreSQL: the client sends the SSLRequest and stops if the server
//     declines; it completes and checks the TLS handshake (hipaa
//     settings, chain, host name) before the startup message, so no user
//     name, password or token travels otherwise. After authentication it
//     asks pg_stat_ssl whether the session is encrypted with TLS 1.2 or
//     1.3 and closes it if not. MySQL: the driver's handshake is recorded
//     per connection, and SHOW SESSION STATUS (Ssl_version) is asked the
//     same question.
//   - Options.IAMAuth: IAM database authentication with a fresh token
//     (feature/rds/auth) for every new physical connection, built only
//     from credentials that stay valid for IAMAuth.MinRemaining (refreshed
//     once, else ErrCredentialsExpiring). The token is only ever sent over
//     the verified session; for MySQL the cleartext plugin it needs is
//     turned on by OpenMySQL and refused in DSNs.
//   - CheckPostgres, CheckPostgresPool and CheckMySQL report a server's
//     posture: TLS on, TLS forced (rds.force_ssl, the pg_hba.conf rules,
//     require_secure_transport), the minimum protocol, this session's
//     protocol and suite, and findings with what to change. They and
//     every connect warn when the embedded CA bundle's first root is
//     within BundleWarning (180 days) of expiry.
//   - The embedded Amazon RDS global CA bundle (rdsca/global-bundle.pem,
//     see rdsca/PROVENANCE.md): RDSRootCAs, BundleInfo, BundleExpiry. Its
//     tests pin the SHA-256 and start failing a year before the first
//     root expires.
//   - TLSConfig, CheckPostgresDSN and CheckMySQLDSN, for callers that
//     build their own connections.
//
// # The happy path
//
//	policy := &hipaa.Policy{Auditor: auditLog}
//	dsn := "postgres://app@mydb.abc.us-east-1.rds.amazonaws.com:5432/clinic?sslmode=verify-full"
//	pool, err := rdsconn.OpenPostgresPool(ctx, policy, dsn, func(o *rdsconn.Options) {
//		o.IAMAuth = rdsconn.IAMAuthFromConfig(awsCfg) // or a password in the DSN
//	})
//
//	db, err := rdsconn.OpenMySQL(ctx, policy, "app:...@tcp(mydb.abc.us-east-1.rds.amazonaws.com:3306)/clinic?tls=true")
//
// The trust anchors are the embedded RDS bundle unless Options.RootCAs
// (or the DSN's sslrootcert, or a registered MySQL configuration's
// RootCAs) names another CA. Options.ServerName checks the certificate
// against another name, for a tunnel.
//
// # Environment
//
// The DSN and Options alone decide TLS and trust; nothing in the
// process environment or the home directory can change them.
//
// PostgreSQL: pgx reads PG* environment variables, ~/.postgresql and
// service files before the connection string (see pgconn.ParseConfig).
// CheckPostgresDSN, OpenPostgresPool and OpenPostgresDB parse every DSN
// through one function that writes the TLS parameters into the string it
// gives pgx, ahead of the DSN's own (which win): sslmode=verify-full,
// sslrootcert, sslcert, sslkey and sslpassword empty, sslcertmode=allow,
// sslsni=1, sslnegotiation=postgres. So these are ignored, never
// honoured:
//
//   - PGSSLMODE, PGSSLROOTCERT, PGSSLCERT, PGSSLKEY, PGSSLPASSWORD,
//     PGSSLCERTMODE, PGSSLSNI, PGSSLNEGOTIATION;
//   - ~/.postgresql/root.crt, postgresql.crt and postgresql.key (libpq's
//     default CA and client certificate files);
//   - PGSERVICEFILE: pgx reads it only for a service, and services are
//     refused (below).
//
// The trust anchors are therefore Options.RootCAs, else the DSN's
// sslrootcert, else the embedded RDS bundle; the client certificate is
// the DSN's sslcert and sslkey or none.
//
// Refused, because a connection string cannot switch it off: PGSERVICE
// (whenever it is set, pgx reads that service's settings from a service
// file), with an *EnvError that names the variable, never its value. The
// DSN keys service and servicefile are refused with a *DSNError.
//
// Honoured where the DSN does not set them, with libpq's meaning,
// because none can turn TLS off or change what is trusted: PGHOST and
// PGPORT (a host from the environment is verified under its own name
// against the same anchors, and a Unix socket path is refused), PGUSER,
// PGPASSWORD, PGPASSFILE (and ~/.pgpass), PGDATABASE, PGAPPNAME,
// PGCONNECT_TIMEOUT, PGTARGETSESSIONATTRS, PGTZ, PGOPTIONS,
// PGMINPROTOCOLVERSION, PGMAXPROTOCOLVERSION, PGCHANNELBINDING and
// PGREQUIREAUTH. sslrootcert=system in a DSN means the system roots,
// which SSL_CERT_FILE and SSL_CERT_DIR select, as for any Go program.
//
// MySQL: go-sql-driver/mysql reads no environment variables and no
// option files; CheckMySQLDSN and OpenMySQL check a DSN with one function.
//
// # Errors
//
// Everything refused for its transport wraps hipaa.ErrInsecureTransport:
// *DSNError (a weakening DSN option), *TLSError (the server does not
// offer TLS, its certificate does not verify, or the handshake cannot
// reach TLS 1.2 with an approved suite; errors.As reaches the crypto/x509
// error), *SessionError (the server reports no TLS or less than TLS 1.2),
// *EnvError (an environment variable rdsconn cannot neutralize).
// An audit outage wraps hipaa.ErrAuditFailed. The openers return the
// first connection's failure as a *ConnectError, whose text is value-free;
// it unwraps to the driver's error.
//
// # Not covered
//
// Oracle (RDS for Oracle) is a documented gap. Native Network Encryption
// does not authenticate the server at all, so it cannot be "verified or
// nothing". TLS (TCPS) is possible with the pure-Go driver
// github.com/sijms/go-ora, but its verification is configured through
// wallet files and options that can turn it off, and without an Oracle
// server in the test stack this package cannot prove that it refuses a
// wrong host name, an expired certificate or an unknown CA, as it does for
// PostgreSQL and MySQL. Until it can, Oracle connections are outside what
// this package guarantees.
//
// A server's pg_hba.conf is only readable by a superuser, and
// ssl_min_protocol_version needs pg_read_all_settings: for other users
// those posture answers are Unknown, with a finding saying so.
package rdsconn
