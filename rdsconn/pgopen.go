package rdsconn

import (
	"context"
	"crypto/tls"
	"database/sql"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/phisafe/phisafe/hipaa"
)

// pgSessionQuery asks the server how it sees this session's transport.
const pgSessionQuery = "SELECT ssl, coalesce(version, ''), coalesce(cipher, '') FROM pg_stat_ssl WHERE pid = pg_backend_pid()"

// OpenPostgresPool opens a pgx connection pool whose every connection
// uses verified TLS, and makes the first connection before returning.
//
// The DSN must pass CheckPostgresDSN (sslmode=verify-full); pool_*
// parameters are honoured. Every physical connection then:
//
//   - is audited through policy before anything is sent (ActionConnect);
//     if the record cannot be written, no connection is made;
//   - gets, with Options.IAMAuth, a fresh IAM token as its password;
//   - sends the PostgreSQL SSLRequest and stops if the server declines;
//   - completes the TLS handshake with TLSConfig settings (TLS 1.2+,
//     approved suites, the certificate chained to the RDS bundle or the
//     given CA and valid for the host) before any PostgreSQL message, so
//     no user name, password or token is sent otherwise;
//   - asks the server (pg_stat_ssl) whether the session is encrypted
//     with TLS 1.2 or 1.3, and is closed if not.
//
// Refusals wrap hipaa.ErrInsecureTransport (*DSNError, *TLSError,
// *SessionError). A nil or invalid policy is refused. The first
// connection's failure is returned as a *ConnectError.
func OpenPostgresPool(ctx context.Context, policy *hipaa.Policy, dsn string, optFns ...func(*Options)) (*pgxpool.Pool, error) {
	if err := policy.Adopt(ctx, clientPostgresPool); err != nil {
		return nil, err
	}
	pc, err := postgresConfig(dsn)
	c, err := preparePostgres(ctx, policy, pc, err, optFns)
	if err != nil {
		return nil, err
	}
	pc.BeforeConnect = c.beforeConnect
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, &ConnectError{Engine: "postgres", Err: err}
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, &ConnectError{Engine: "postgres", Err: err}
	}
	return pool, nil
}

// OpenPostgresDB is OpenPostgresPool for database/sql: a *sql.DB on the
// pgx stdlib driver, with the same checks on every physical connection.
// The DSN is parsed and checked by the same function as for
// OpenPostgresPool and CheckPostgresDSN, so the three accept the same
// DSNs; pool_* parameters are checked but have no effect here (use the
// *sql.DB settings).
func OpenPostgresDB(ctx context.Context, policy *hipaa.Policy, dsn string, optFns ...func(*Options)) (*sql.DB, error) {
	if err := policy.Adopt(ctx, clientPostgresDB); err != nil {
		return nil, err
	}
	pc, err := postgresConfig(dsn)
	c, err := preparePostgres(ctx, policy, pc, err, optFns)
	if err != nil {
		return nil, err
	}
	db := stdlib.OpenDB(*pc.ConnConfig, stdlib.OptionBeforeConnect(c.beforeConnect))
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, &ConnectError{Engine: "postgres", Err: err}
	}
	return db, nil
}

// pgConnector holds what every physical connection of one pool needs.
type pgConnector struct {
	t   *target
	iam *iamSigner
}

// preparePostgres takes postgresConfig's result (refusing, and auditing
// the refusal of, a DSN it refused) and the options, and rewrites the
// connection configuration's TLS settings; it refuses anything that would
// not be verified TLS.
func preparePostgres(ctx context.Context, policy *hipaa.Policy, pc *pgxpool.Config, dsnErr error, optFns []func(*Options)) (*pgConnector, error) {
	t := &target{policy: policy, auth: "password"}
	if pc != nil {
		t.resource = pgResource(pc.ConnConfig)
	}
	if dsnErr != nil {
		return nil, t.refuse(ctx, dsnErr)
	}
	cc := pc.ConnConfig
	o, err := resolve(optFns)
	if err != nil {
		return nil, t.refuse(ctx, err)
	}
	if len(cc.Fallbacks) > 0 && o.ServerName != "" {
		return nil, t.refuse(ctx, fmt.Errorf("%w: Options.ServerName with several hosts; connect to one endpoint", ErrConfig))
	}
	roots, usedBundle, err := o.rootsFor(cc.TLSConfig.RootCAs)
	if err != nil {
		return nil, t.refuse(ctx, err)
	}
	if usedBundle {
		t.note = bundleWarning(o.now())
	}
	// Replace every TLS configuration pgx built with one from TLSConfig,
	// keeping only the client certificate and ALPN (direct negotiation).
	rebuild := func(host string, from *tls.Config) (*tls.Config, error) {
		if from == nil {
			return nil, &DSNError{Driver: "postgres", Option: "host", Problem: "leads pgx to a fallback without TLS", Use: "sslmode=verify-full"}
		}
		name := host
		if o.ServerName != "" {
			name = o.ServerName
		}
		tc, err := TLSConfig(name, WithRootCAs(roots))
		if err != nil {
			return nil, err
		}
		tc.Certificates = from.Certificates
		tc.NextProtos = from.NextProtos
		return tc, nil
	}
	if cc.TLSConfig, err = rebuild(cc.Host, cc.TLSConfig); err != nil {
		return nil, t.refuse(ctx, err)
	}
	endpoints := map[string]bool{net.JoinHostPort(cc.Host, strconv.Itoa(int(cc.Port))): true}
	for _, fb := range cc.Fallbacks {
		if fb.TLSConfig, err = rebuild(fb.Host, fb.TLSConfig); err != nil {
			return nil, t.refuse(ctx, err)
		}
		endpoints[net.JoinHostPort(fb.Host, strconv.Itoa(int(fb.Port)))] = true
	}
	c := &pgConnector{t: t}
	if o.IAMAuth != nil {
		t.auth = "iam"
		switch {
		case cc.Password != "":
			return nil, t.refuse(ctx, fmt.Errorf("%w: the DSN holds a password and IAMAuth is set; remove the password", ErrConfig))
		case len(endpoints) > 1 && o.IAMAuth.Endpoint == "":
			return nil, t.refuse(ctx, fmt.Errorf("%w: IAMAuth with several hosts; connect to one endpoint or set IAMAuth.Endpoint", ErrConfig))
		}
		host := cc.Host
		if o.ServerName != "" {
			host = o.ServerName
		}
		if c.iam, err = newIAMSigner(&o, net.JoinHostPort(host, strconv.Itoa(int(cc.Port))), cc.User); err != nil {
			return nil, t.refuse(ctx, err)
		}
	}
	return c, nil
}

// pgResource names the database for audit events: scheme, every host
// and port (IP literals written as resourceEndpoint does), and the
// database, never the user or password.
func pgResource(cc *pgx.ConnConfig) string {
	hosts := []string{resourceEndpoint(cc.Host, resourcePort(cc.Port))}
	for _, fb := range cc.Fallbacks {
		if h := resourceEndpoint(fb.Host, resourcePort(fb.Port)); !slices.Contains(hosts, h) {
			hosts = append(hosts, h)
		}
	}
	return "postgres://" + strings.Join(hosts, ",") + "/" + cc.Database
}

// beforeConnect runs for every new physical connection, on a copy of the
// configuration that belongs to that connection alone. It begins the
// connection's audit operation before any I/O (the host lookup included)
// and installs the hooks that end it exactly once:
//
//   - an error here (the IAM token) ends it at once;
//   - cc.AfterConnect, which pgconn runs once the session is
//     established, checks the session and records the success; if that
//     record cannot be written it returns the error, and pgconn closes
//     the connection;
//   - cc.Tracer's TraceConnectEnd, which pgx runs when its connect
//     returns (the error path of pgx.ConnectConfig, which both
//     pgxpool and the stdlib connector call right after BeforeConnect),
//     records the failure of anything that went wrong inside pgx: the
//     lookup, dial, SSLRequest, handshake, authentication, fallbacks, or
//     AfterConnect itself.
//
// attempt.succeed and attempt.fail share one flag, so whichever comes
// first is the outcome and the other records nothing.
func (c *pgConnector) beforeConnect(ctx context.Context, cc *pgx.ConnConfig) error {
	a, err := c.t.begin(ctx)
	if err != nil {
		return err
	}
	if c.iam != nil {
		tok, err := c.iam.token(a.ctx)
		if err != nil {
			a.fail(err)
			return err
		}
		cc.Password = tok
	}
	direct := cc.SSLNegotiation == "direct"
	dial := cc.DialFunc
	cc.DialFunc = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dial(ctx, network, addr)
		if err != nil || direct {
			return conn, err
		}
		return &sslAnswerConn{Conn: conn}, nil
	}
	cc.AfterNetConnect = func(ctx context.Context, _ *pgconn.Config, conn net.Conn) (net.Conn, error) {
		cs, err := verifyTLSConn(ctx, conn)
		if err != nil {
			// pgx closes the connection it gets back with the error.
			return conn, err
		}
		a.setTLS(cs)
		return conn, nil
	}
	cc.AfterConnect = func(ctx context.Context, pc *pgconn.PgConn) error {
		serverTLS, err := checkPgSession(ctx, pc, a)
		if err != nil {
			return err // pgx closes the connection; TraceConnectEnd records the failure
		}
		return a.succeed(serverTLS)
	}
	cc.Tracer = &connectTracer{a: a}
	return nil
}

// checkPgSession checks the client's and the server's view of the new
// session. pgx closes the connection when it returns an error.
func checkPgSession(ctx context.Context, pc *pgconn.PgConn, a *attempt) (string, error) {
	if _, ok := a.tlsState(); !ok {
		return "", &TLSError{Reason: "not-tls", Problem: "the connection was not verified before authentication", Use: "sslmode=verify-full"}
	}
	if tc, ok := pc.Conn().(*tls.Conn); !ok {
		return "", &TLSError{Reason: "not-tls", Problem: "the connection is not under TLS", Use: "sslmode=verify-full"}
	} else if err := hipaa.CheckConnectionState(tc.ConnectionState()); err != nil {
		return "", classifyTLS(err)
	}
	res, err := pc.Exec(ctx, pgSessionQuery).ReadAll()
	if err != nil {
		return "", fmt.Errorf("rdsconn: postgres session check query failed: %w", err)
	}
	if len(res) != 1 || len(res[0].Rows) != 1 || len(res[0].Rows[0]) != 3 {
		return "", &SessionError{Engine: "postgres", Problem: "pg_stat_ssl has no row for this session"}
	}
	row := res[0].Rows[0]
	return checkPgStatSSL(string(row[0]), string(row[1]))
}

// checkPgStatSSL judges pg_stat_ssl's ssl and version columns (text
// format: ssl is "t" or "f").
func checkPgStatSSL(ssl, version string) (string, error) {
	if ssl != "t" && ssl != "true" {
		return "", &SessionError{Engine: "postgres", Problem: "pg_stat_ssl reports no TLS"}
	}
	if !tlsVersionOK(version) {
		return version, &SessionError{Engine: "postgres", Problem: "pg_stat_ssl reports " + safeVersion(version)}
	}
	return version, nil
}

// safeVersion keeps a server-reported protocol name short and printable.
func safeVersion(v string) string {
	if len(v) > 16 {
		v = v[:16]
	}
	for _, r := range v {
		if r < ' ' || r > '~' {
			return "an unreadable protocol name"
		}
	}
	if v == "" {
		return "no protocol"
	}
	return v
}

// sslAnswerConn turns a server's "no" to the SSLRequest (any first byte
// but 'S') into a *TLSError, so the refusal is typed.
type sslAnswerConn struct {
	net.Conn
	mu      sync.Mutex
	checked bool
}

func (c *sslAnswerConn) Read(b []byte) (int, error) {
	c.mu.Lock()
	first := !c.checked
	c.checked = true
	c.mu.Unlock()
	n, err := c.Conn.Read(b)
	if first && n > 0 && b[0] != 'S' {
		return 0, errNotOffered("postgres")
	}
	return n, err
}

// connectTracer ends the attempt on pgx's connect error path: every
// failure inside pgx.ConnectConfig (the lookup, dial, TLS, authentication,
// AfterConnect) reaches TraceConnectEnd with the error.
type connectTracer struct{ a *attempt }

func (t *connectTracer) TraceConnectStart(ctx context.Context, _ pgx.TraceConnectStartData) context.Context {
	return ctx
}

func (t *connectTracer) TraceConnectEnd(ctx context.Context, d pgx.TraceConnectEndData) {
	switch {
	case d.Err != nil:
		t.a.fail(d.Err)
	case !t.a.ended.Load():
		// pgx made the connection without running AfterConnect, so it
		// was neither checked nor recorded: record the failure and close
		// it, so that it cannot be used.
		t.a.fail(errNotVerified)
		if d.Conn != nil {
			_ = d.Conn.Close(ctx)
		}
	}
}

func (t *connectTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	return ctx
}

func (t *connectTracer) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}
