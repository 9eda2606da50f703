package rdsconn

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync/atomic"

	"github.com/go-sql-driver/mysql"
	"github.com/phisafe/phisafe/hipaa"
)

// mysqlSessionQuery asks the server how it sees this session's transport.
const mysqlSessionQuery = "SHOW SESSION STATUS WHERE Variable_name IN ('Ssl_version', 'Ssl_cipher')"

// OpenMySQL opens a *sql.DB for MySQL, MariaDB and Aurora MySQL (driver
// github.com/go-sql-driver/mysql) whose every connection uses verified
// TLS, and makes the first connection before returning.
//
// The DSN must pass CheckMySQLDSN (tls=true or a registered
// configuration, over TCP), which runs the same checks as OpenMySQL. The
// connection's TLS configuration is
// always one from TLSConfig (the registered one only contributes its
// RootCAs); fallback to plaintext is off. allowCleartextPasswords in the
// DSN is refused: with Options.IAMAuth, OpenMySQL turns it on itself,
// because the token is sent with the cleartext plugin, and only ever
// over the verified TLS session.
//
// Every physical connection is audited before anything is sent
// (ActionConnect; no record, no connection), gets a fresh IAM token with
// Options.IAMAuth, and after connecting the server is asked (Ssl_version)
// whether the session is encrypted with TLS 1.2 or 1.3; if not it is
// closed. Refusals wrap hipaa.ErrInsecureTransport. The first
// connection's failure is returned as a *ConnectError.
func OpenMySQL(ctx context.Context, policy *hipaa.Policy, dsn string, optFns ...func(*Options)) (*sql.DB, error) {
	c, err := newMySQLConnector(ctx, policy, dsn, optFns)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(c)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, &ConnectError{Engine: "mysql", Err: err}
	}
	return db, nil
}

// mysqlConnector wraps the driver's connector: audit, TLS bookkeeping
// and the session check around every Connect.
type mysqlConnector struct {
	t     *target
	inner driver.Connector
}

type mysqlAttemptKey struct{}

// mysqlAttempt is one Connect's state, reached by the driver's hooks
// through the context.
type mysqlAttempt struct {
	a      *attempt
	wrote  atomic.Bool // the client sent its first packet (the TLS request)
	tlsErr atomic.Pointer[error]
}

func newMySQLConnector(ctx context.Context, policy *hipaa.Policy, dsn string, optFns []func(*Options)) (*mysqlConnector, error) {
	if err := policy.Adopt(ctx, clientMySQL); err != nil {
		return nil, err
	}
	t := &target{policy: policy, auth: "password"}
	cfg, host, err := mysqlConfig(dsn)
	if cfg != nil {
		t.resource = mysqlResource(cfg)
	}
	if err != nil {
		return nil, t.refuse(ctx, err)
	}
	_, port, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, t.refuse(ctx, malformed("mysql", "address is not host:port"))
	}
	o, err := resolve(optFns)
	if err != nil {
		return nil, t.refuse(ctx, err)
	}
	var fromDSN *x509.CertPool
	if cfg.TLS != nil {
		fromDSN = cfg.TLS.RootCAs
	}
	roots, usedBundle, err := o.rootsFor(fromDSN)
	if err != nil {
		return nil, t.refuse(ctx, err)
	}
	if usedBundle {
		t.note = bundleWarning(o.now())
	}
	name := host
	if o.ServerName != "" {
		name = o.ServerName
	}
	tc, err := TLSConfig(name, WithRootCAs(roots))
	if err != nil {
		return nil, t.refuse(ctx, err)
	}
	cfg.TLS = tc
	cfg.AllowFallbackToPlaintext = false
	cfg.AllowOldPasswords = false

	var signer *iamSigner
	if o.IAMAuth != nil {
		t.auth = "iam"
		if cfg.Passwd != "" {
			return nil, t.refuse(ctx, fmt.Errorf("%w: the DSN holds a password and IAMAuth is set; remove the password", ErrConfig))
		}
		if signer, err = newIAMSigner(&o, net.JoinHostPort(name, port), cfg.User); err != nil {
			return nil, t.refuse(ctx, err)
		}
		// The token travels with the cleartext plugin: acceptable only
		// because cfg.TLS verifies the server and fallback is off.
		cfg.AllowCleartextPasswords = true
	}

	dial := cfg.DialFunc
	cfg.DialFunc = func(ctx context.Context, network, addr string) (net.Conn, error) {
		var conn net.Conn
		var err error
		if dial != nil {
			conn, err = dial(ctx, network, addr)
		} else {
			conn, err = (&net.Dialer{}).DialContext(ctx, network, addr)
		}
		if err != nil {
			return nil, err
		}
		if ma, ok := ctx.Value(mysqlAttemptKey{}).(*mysqlAttempt); ok {
			return &writeWatchConn{Conn: conn, wrote: &ma.wrote}, nil
		}
		return conn, nil
	}
	if err := cfg.Apply(mysql.BeforeConnect(func(ctx context.Context, c *mysql.Config) error {
		ma, ok := ctx.Value(mysqlAttemptKey{}).(*mysqlAttempt)
		if !ok {
			return &TLSError{Reason: "not-tls", Problem: "connection made outside rdsconn's connector", Use: "OpenMySQL"}
		}
		// c is this connection's own clone: capture its handshake.
		verify := c.TLS.VerifyConnection
		c.TLS.VerifyConnection = func(cs tls.ConnectionState) error {
			if err := verify(cs); err != nil {
				ma.tlsErr.Store(&err)
				return err
			}
			ma.a.setTLS(cs)
			return nil
		}
		if signer != nil {
			tok, err := signer.token(ctx)
			if err != nil {
				return err
			}
			c.Passwd = tok
		}
		return nil
	})); err != nil {
		return nil, t.refuse(ctx, err)
	}
	inner, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, t.refuse(ctx, malformed("mysql", "the driver refuses the configuration"))
	}
	return &mysqlConnector{t: t, inner: inner}, nil
}

// mysqlResource names the database for audit events, without the user
// or password (an IP literal written as resourceEndpoint does).
func mysqlResource(cfg *mysql.Config) string {
	addr := cfg.Addr
	if h, p, err := net.SplitHostPort(addr); err == nil {
		addr = resourceEndpoint(h, p)
	}
	return "mysql://" + addr + "/" + cfg.DBName
}

// Connect makes one physical connection: audit attempt (Policy.Begin,
// before the dial), connect (the driver's TLS with this package's
// configuration), client- and server-side checks, and the one outcome:
// every return after Begin passes through exactly one of a.fail and
// a.succeed.
func (c *mysqlConnector) Connect(ctx context.Context) (driver.Conn, error) {
	a, err := c.t.begin(ctx)
	if err != nil {
		return nil, err
	}
	ma := &mysqlAttempt{a: a}
	conn, err := c.inner.Connect(context.WithValue(a.ctx, mysqlAttemptKey{}, ma))
	if err != nil {
		err = mysqlConnectError(ma, err)
		a.fail(err)
		return nil, err
	}
	serverTLS, err := c.checkSession(a.ctx, conn, ma)
	if err == nil {
		err = a.succeed(serverTLS)
	} else {
		a.fail(err)
	}
	if err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// Driver returns the MySQL driver.
func (c *mysqlConnector) Driver() driver.Driver { return c.inner.Driver() }

// mysqlConnectError types a failed Connect: no TLS offered, or a failure
// after the TLS request and before the handshake was verified.
func mysqlConnectError(ma *mysqlAttempt, err error) error {
	if errors.Is(err, mysql.ErrNoTLS) {
		te := errNotOffered("mysql")
		te.Err = err
		return te
	}
	if p := ma.tlsErr.Load(); p != nil {
		return classifyTLS(*p)
	}
	var me *mysql.MySQLError
	if _, verified := ma.a.tlsState(); !verified && ma.wrote.Load() && !errors.As(err, &me) &&
		!errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return classifyTLS(err)
	}
	return err
}

// checkSession checks the client's record of the handshake and asks the
// server for the session's protocol.
func (c *mysqlConnector) checkSession(ctx context.Context, conn driver.Conn, ma *mysqlAttempt) (string, error) {
	cs, ok := ma.a.tlsState()
	if !ok {
		return "", &TLSError{Reason: "not-tls", Problem: "the driver did not complete a verified TLS handshake", Use: "tls=true"}
	}
	// cs was captured in VerifyConnection, before crypto/tls sets
	// HandshakeComplete; the driver returned a connection, so the
	// handshake completed.
	cs.HandshakeComplete = true
	if err := hipaa.CheckConnectionState(cs); err != nil {
		return "", classifyTLS(err)
	}
	q, ok := conn.(driver.QueryerContext)
	if !ok {
		return "", fmt.Errorf("rdsconn: mysql connection cannot run the session check")
	}
	rows, err := q.QueryContext(ctx, mysqlSessionQuery, nil)
	if err != nil {
		return "", fmt.Errorf("rdsconn: mysql session check query failed: %w", err)
	}
	defer rows.Close()
	status := map[string]string{}
	dest := make([]driver.Value, len(rows.Columns()))
	for {
		if err := rows.Next(dest); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return "", fmt.Errorf("rdsconn: mysql session check query failed: %w", err)
		}
		if len(dest) >= 2 {
			status[strings.ToLower(asString(dest[0]))] = asString(dest[1])
		}
	}
	return checkMySQLStatus(status["ssl_version"])
}

// checkMySQLStatus judges the session's Ssl_version ("" without TLS).
func checkMySQLStatus(version string) (string, error) {
	if version == "" {
		return "", &SessionError{Engine: "mysql", Problem: "Ssl_version is empty (no TLS)"}
	}
	if !tlsVersionOK(version) {
		return version, &SessionError{Engine: "mysql", Problem: "Ssl_version is " + safeVersion(version)}
	}
	return version, nil
}

func asString(v driver.Value) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// writeWatchConn notes the first write on the raw connection: in the
// MySQL protocol the client's first packet is the TLS request, so a
// failure after it and before a verified handshake is a TLS failure.
type writeWatchConn struct {
	net.Conn
	wrote *atomic.Bool
}

func (c *writeWatchConn) Write(b []byte) (int, error) {
	c.wrote.Store(true)
	return c.Conn.Write(b)
}
