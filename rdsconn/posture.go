package rdsconn

import (
	"context"
	"database/sql"
	"errors"
	"net"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/phisafe/phisafe/hipaa"
)

// Answer is a yes/no/unknown result of a posture check.
type Answer string

// Answers.
const (
	Yes     Answer = "yes"
	No      Answer = "no"
	Unknown Answer = "unknown" // the server did not say, or would not let this user see
)

// Posture is what a database server reports about its TLS settings, as
// seen over one of this package's connections.
type Posture struct {
	// Engine is "postgres" or "mysql".
	Engine string
	// Resource is the server as it names itself (address, port,
	// database), for reports; no user or password.
	Resource string
	// TLSEnabled says whether the server has TLS on (PostgreSQL ssl,
	// MySQL have_ssl).
	TLSEnabled Answer
	// ForcesTLS says whether the server refuses connections without TLS
	// (rds.force_ssl or the pg_hba.conf rules; require_secure_transport).
	ForcesTLS Answer
	// MinProtocol is the lowest TLS version the server accepts, as it
	// names it ("TLSv1.2"), or "" if unknown.
	MinProtocol string
	// SessionProtocol and SessionCipher describe this session, as the
	// server reports them.
	SessionProtocol string
	SessionCipher   string
	// BundleExpiry is when the first root of the embedded RDS CA bundle
	// expires.
	BundleExpiry time.Time
	// Findings are the problems found, worst first; none means the
	// server forces TLS 1.2+ and the bundle is not close to expiry.
	Findings []Finding
}

// Finding is one posture problem.
type Finding struct {
	// Code is a stable, value-free identifier: "tls-off",
	// "tls-not-forced", "tls-forcing-unknown", "min-protocol-below-tls12",
	// "min-protocol-unknown", "ca-bundle-expiring".
	Code string
	// Message says what was found and what to change.
	Message string
}

// queryRow runs a query returning one row into dest; errNoRow when the
// query returns none.
type queryRow func(ctx context.Context, q string, dest ...any) error

var errNoRow = errors.New("no row")

func sqlQueryRow(db *sql.DB) queryRow {
	return func(ctx context.Context, q string, dest ...any) error {
		err := db.QueryRowContext(ctx, q).Scan(dest...)
		if errors.Is(err, sql.ErrNoRows) {
			return errNoRow
		}
		return err
	}
}

func pgxQueryRow(pool *pgxpool.Pool) queryRow {
	return func(ctx context.Context, q string, dest ...any) error {
		err := pool.QueryRow(ctx, q).Scan(dest...)
		if errors.Is(err, pgx.ErrNoRows) || errors.Is(err, sql.ErrNoRows) {
			return errNoRow
		}
		return err
	}
}

// CheckPostgres reports the TLS posture of the PostgreSQL server behind
// db (for example from OpenPostgresDB): whether TLS is on and forced
// (rds.force_ssl on RDS; elsewhere the pg_hba.conf rules, which only a
// superuser may read, else Unknown), the minimum protocol
// (ssl_min_protocol_version), this session's protocol and suite, and the
// embedded CA bundle's expiry. The check is audited (ActionPosture, the
// findings' codes in the outcome's Detail); if the attempt cannot be
// recorded it does not run.
func CheckPostgres(ctx context.Context, policy *hipaa.Policy, db *sql.DB) (*Posture, error) {
	if db == nil {
		return nil, errors.New("rdsconn: CheckPostgres: nil *sql.DB")
	}
	return checkPosture(ctx, policy, "rdsconn.CheckPostgres", "postgres", "postgres://", sqlQueryRow(db), postgresPosture, time.Now())
}

// CheckPostgresPool is CheckPostgres for a pgx pool (for example from
// OpenPostgresPool).
func CheckPostgresPool(ctx context.Context, policy *hipaa.Policy, pool *pgxpool.Pool) (*Posture, error) {
	if pool == nil {
		return nil, errors.New("rdsconn: CheckPostgresPool: nil pool")
	}
	return checkPosture(ctx, policy, "rdsconn.CheckPostgresPool", "postgres", pgResource(pool.Config().ConnConfig), pgxQueryRow(pool), postgresPosture, time.Now())
}

// CheckMySQL reports the TLS posture of the MySQL or MariaDB server
// behind db (for example from OpenMySQL): have_ssl,
// require_secure_transport, the lowest version in tls_version, this
// session's Ssl_version and Ssl_cipher, and the embedded CA bundle's
// expiry. Audited like CheckPostgres.
func CheckMySQL(ctx context.Context, policy *hipaa.Policy, db *sql.DB) (*Posture, error) {
	if db == nil {
		return nil, errors.New("rdsconn: CheckMySQL: nil *sql.DB")
	}
	return checkPosture(ctx, policy, "rdsconn.CheckMySQL", "mysql", "mysql://", sqlQueryRow(db), mysqlPosture, time.Now())
}

// checkPosture audits and runs one posture check: client is the entry
// point (for Policy.Adopt); resource names the server as far as it is
// known before any query (the events' Resource cannot change after the
// attempt, so the server's own answer goes into Posture.Resource only).
func checkPosture(ctx context.Context, policy *hipaa.Policy, client, engine, resource string, q queryRow,
	inspect func(context.Context, queryRow, *Posture) error, now time.Time) (*Posture, error) {
	if err := policy.Adopt(ctx, client); err != nil {
		return nil, err
	}
	ctx, op, err := policy.Begin(ctx, hipaa.Operation{Action: ActionPosture, Resource: resource})
	if err != nil {
		return nil, err
	}
	p := &Posture{Engine: engine, TLSEnabled: Unknown, ForcesTLS: Unknown}
	err = inspect(ctx, q, p)
	if err != nil {
		return nil, op.End(hipaa.Result{Err: err})
	}
	judge(p, now)
	codes := make([]string, len(p.Findings))
	for i, f := range p.Findings {
		codes[i] = f.Code
	}
	detail := "tls=" + string(p.TLSEnabled) + " forces_tls=" + string(p.ForcesTLS) + " min_protocol=" + orNone(safeName(p.MinProtocol)) +
		" session=" + orNone(safeName(p.SessionProtocol)) + " findings=" + orNone(strings.Join(codes, ","))
	if err := op.End(hipaa.Result{Detail: detail}); err != nil {
		return nil, err
	}
	return p, nil
}

// safeName keeps a server-reported protocol name in an event only if it
// is one this package knows ("TLSv1.2"), so that the Detail stays
// value-free whatever the server answers.
func safeName(v string) string {
	if v != "" && tlsRank[v] == 0 {
		return "other"
	}
	return v
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// postgresPosture reads the PostgreSQL settings. Settings this user may
// not read (ssl_min_protocol_version needs pg_read_all_settings) stay
// unknown.
func postgresPosture(ctx context.Context, q queryRow, p *Posture) error {
	var db, addr, port sql.NullString
	if err := q(ctx, "SELECT current_database(), host(inet_server_addr()), inet_server_port()::text", &db, &addr, &port); err != nil {
		return err
	}
	p.Resource = "postgres://" + net.JoinHostPort(orLocal(addr.String), port.String) + "/" + db.String
	setting := func(name string) (string, error) {
		var v sql.NullString
		err := q(ctx, "SELECT current_setting('"+name+"', true)", &v)
		if isPermissionDenied(err) {
			return "", nil
		}
		return v.String, err
	}
	ssl, err := setting("ssl")
	if err != nil {
		return err
	}
	if ssl != "" {
		p.TLSEnabled = onOff(ssl)
	}
	if p.MinProtocol, err = setting("ssl_min_protocol_version"); err != nil {
		return err
	}
	forceSSL, err := setting("rds.force_ssl")
	if err != nil {
		return err
	}
	var sessSSL bool
	var sessVer, sessCipher sql.NullString
	if err := q(ctx, pgSessionQuery, &sessSSL, &sessVer, &sessCipher); err != nil && !errors.Is(err, errNoRow) {
		return err
	}
	if sessSSL {
		p.SessionProtocol, p.SessionCipher = sessVer.String, sessCipher.String
	}
	switch {
	case p.TLSEnabled == No:
		p.ForcesTLS = No
	case forceSSL != "":
		p.ForcesTLS = onOff(forceSSL)
	default:
		// Not RDS: the pg_hba.conf rules decide. Only a superuser may read
		// pg_hba_file_rules; for anyone else the answer stays Unknown.
		var open, total int64
		err := q(ctx, `SELECT count(*) FILTER (WHERE type IN ('host', 'hostnossl') AND auth_method <> 'reject'), count(*)
			FROM pg_hba_file_rules WHERE error IS NULL`, &open, &total)
		if err == nil && total > 0 {
			p.ForcesTLS = Yes
			if open > 0 {
				p.ForcesTLS = No
			}
		}
	}
	return nil
}

// mysqlPosture reads the MySQL / MariaDB settings.
func mysqlPosture(ctx context.Context, q queryRow, p *Posture) error {
	var host, port, db sql.NullString
	if err := q(ctx, "SELECT @@hostname, CAST(@@port AS CHAR), DATABASE()", &host, &port, &db); err != nil {
		return err
	}
	p.Resource = "mysql://" + net.JoinHostPort(orLocal(host.String), port.String) + "/" + db.String
	variable := func(scope, name string) (string, bool, error) {
		var n, v sql.NullString
		err := q(ctx, "SHOW "+scope+" LIKE '"+name+"'", &n, &v)
		if errors.Is(err, errNoRow) {
			return "", false, nil
		}
		return v.String, err == nil, err
	}
	haveSSL, ok, err := variable("GLOBAL VARIABLES", "have_ssl")
	if err != nil {
		return err
	}
	if ok {
		p.TLSEnabled = No
		if strings.EqualFold(haveSSL, "YES") {
			p.TLSEnabled = Yes
		}
	}
	rst, ok, err := variable("GLOBAL VARIABLES", "require_secure_transport")
	if err != nil {
		return err
	}
	if ok {
		p.ForcesTLS = onOff(rst)
	}
	if p.TLSEnabled == No {
		p.ForcesTLS = No
	}
	versions, _, err := variable("GLOBAL VARIABLES", "tls_version")
	if err != nil {
		return err
	}
	p.MinProtocol = lowestTLS(versions)
	if p.SessionProtocol, _, err = variable("SESSION STATUS", "Ssl_version"); err != nil {
		return err
	}
	if p.SessionCipher, _, err = variable("SESSION STATUS", "Ssl_cipher"); err != nil {
		return err
	}
	if p.TLSEnabled == Unknown && p.SessionProtocol != "" {
		// have_ssl is gone from newer MySQL releases; this session
		// shows TLS is on.
		p.TLSEnabled = Yes
	}
	return nil
}

// isPermissionDenied reports a PostgreSQL insufficient_privilege error.
func isPermissionDenied(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "42501"
}

func orLocal(h string) string {
	if h == "" {
		return "local"
	}
	return h
}

// onOff reads a boolean setting.
func onOff(v string) Answer {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "on", "1", "true", "yes":
		return Yes
	case "off", "0", "false", "no":
		return No
	}
	return Unknown
}

// tlsRank orders protocol names; unknown names rank 0.
var tlsRank = map[string]int{"SSLv3": 1, "TLSv1": 2, "TLSv1.0": 2, "TLSv1.1": 3, "TLSv1.2": 4, "TLSv1.3": 5}

// lowestTLS returns the lowest protocol of a MySQL tls_version list
// ("TLSv1.1,TLSv1.2"), or "".
func lowestTLS(list string) string {
	low := ""
	for _, v := range strings.Split(list, ",") {
		v = strings.TrimSpace(v)
		if tlsRank[v] == 0 {
			continue
		}
		if low == "" || tlsRank[v] < tlsRank[low] {
			low = v
		}
	}
	return low
}

// judge turns the settings into findings, worst first.
func judge(p *Posture, now time.Time) {
	force, minHow := "set rds.force_ssl=1 in the DB parameter group", "set ssl_min_protocol_version=TLSv1.2"
	if p.Engine == "mysql" {
		force, minHow = "set require_secure_transport=ON", "set tls_version=TLSv1.2,TLSv1.3"
	}
	add := func(code, msg string) { p.Findings = append(p.Findings, Finding{Code: code, Message: msg}) }
	switch {
	case p.TLSEnabled == No:
		add("tls-off", "the server has TLS off, so it cannot encrypt any session; turn it on and "+force)
	case p.ForcesTLS == No:
		add("tls-not-forced", "the server accepts connections without TLS, so a misconfigured client can send PHI in clear; "+force)
	case p.ForcesTLS == Unknown:
		add("tls-forcing-unknown", "whether the server refuses connections without TLS could not be determined with this user; check that it does ("+force+")")
	}
	switch {
	case p.MinProtocol == "":
		add("min-protocol-unknown", "the server's minimum TLS version could not be read with this user (PostgreSQL: it needs pg_read_all_settings); check it, and "+minHow)
	case !tlsVersionOK(p.MinProtocol):
		add("min-protocol-below-tls12", "the server accepts "+safeVersion(p.MinProtocol)+"; "+minHow)
	}
	exp, err := BundleExpiry()
	if err == nil {
		p.BundleExpiry = exp
		if exp.Sub(now) <= BundleWarning {
			add("ca-bundle-expiring", "the first root of the embedded Amazon RDS CA bundle expires on "+exp.Format(time.DateOnly)+
				"; update phisafe (or rdsconn/rdsca/global-bundle.pem) before then")
		}
	}
}
