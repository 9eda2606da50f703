package rdsconn

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"strconv"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/phisafe/phisafe/hipaa"
)

const useTLS12 = "a server that allows TLS 1.2 or 1.3 with an AEAD suite (PostgreSQL: ssl_min_protocol_version=TLSv1.2; MySQL/MariaDB: tls_version=TLSv1.2,TLSv1.3)"

// errNotOffered is the refusal when the server answers the TLS request
// with anything but yes.
func errNotOffered(engine string) *TLSError {
	use := "a server with TLS on (RDS: rds.force_ssl=1)"
	if engine == "mysql" {
		use = "a server with TLS on (RDS: require_secure_transport=ON)"
	}
	return &TLSError{Reason: "not-offered", Problem: "the server does not offer TLS, so nothing was sent", Use: use}
}

// classifyTLS turns a failed handshake into a *TLSError.
func classifyTLS(err error) *TLSError {
	var (
		te  *TLSError
		he  x509.HostnameError
		ua  x509.UnknownAuthorityError
		ci  x509.CertificateInvalidError
		hte *hipaa.TransportError
	)
	switch {
	case errors.As(err, &te):
		return te
	case errors.As(err, &he):
		return &TLSError{Reason: "host-name", Problem: "the server's certificate is not valid for the host name connected to", Use: "the endpoint's DNS name as host, or Options.ServerName for a tunnel", Err: err}
	case errors.As(err, &ua):
		return &TLSError{Reason: "unknown-authority", Problem: "the server's certificate does not chain to a trusted CA", Use: "the embedded Amazon RDS CA bundle (the default) or Options.RootCAs with the CA that issued it", Err: err}
	case errors.As(err, &ci) && ci.Reason == x509.Expired:
		return &TLSError{Reason: "expired", Problem: "the server's certificate is expired or not yet valid", Use: "a current server certificate (rotate the DB instance's CA/certificate)", Err: err}
	case errors.As(err, &ci):
		return &TLSError{Reason: "certificate", Problem: "the server's certificate is not acceptable for TLS server authentication", Use: "a server certificate from the RDS CA or Options.RootCAs", Err: err}
	case errors.As(err, &hte):
		return &TLSError{Reason: "negotiated", Problem: "the handshake settled on " + hte.Detail, Use: useTLS12, Err: err}
	}
	return &TLSError{Reason: "handshake", Problem: "the TLS handshake failed (the server may offer only TLS 1.0/1.1 or no approved suite)", Use: useTLS12, Err: err}
}

// verifyTLSConn completes the handshake on conn, which must be a
// *tls.Conn built from a configuration of this package, and checks the
// negotiated parameters.
func verifyTLSConn(ctx context.Context, conn net.Conn) (tls.ConnectionState, error) {
	tc, ok := conn.(*tls.Conn)
	if !ok {
		return tls.ConnectionState{}, &TLSError{Reason: "not-tls", Problem: "the driver did not put the connection under TLS", Use: "sslmode=verify-full"}
	}
	if err := tc.HandshakeContext(ctx); err != nil {
		if ctx.Err() != nil {
			return tls.ConnectionState{}, err
		}
		return tls.ConnectionState{}, classifyTLS(err)
	}
	cs := tc.ConnectionState()
	if err := hipaa.CheckConnectionState(cs); err != nil {
		return cs, classifyTLS(err)
	}
	return cs, nil
}

// tlsVersionOK reports whether a server's protocol name (pg_stat_ssl
// version, MySQL Ssl_version) is TLS 1.2 or newer.
func tlsVersionOK(v string) bool { return tlsRank[v] >= tlsRank["TLSv1.2"] }

// describe gives a value-free description of a connection error.
func describe(err error) string {
	var (
		te  *TLSError
		se  *SessionError
		de  *DSNError
		pe  *pgconn.PgError
		me  *mysql.MySQLError
		ope *net.OpError
	)
	switch {
	case errors.As(err, &te):
		return te.Error()
	case errors.As(err, &se):
		return se.Error()
	case errors.As(err, &de):
		return de.Error()
	case errors.Is(err, hipaa.ErrAuditFailed):
		return "an audit record could not be written, so the connection was not made, or was closed unused (hipaa.ErrAuditFailed)"
	case errors.Is(err, hipaa.ErrPHIInName):
		return "the policy found PHI in the server's or the database's name, so nothing was sent (hipaa.ErrPHIInName)"
	case errors.Is(err, ErrCredentialsExpiring), errors.Is(err, ErrIAMToken), errors.Is(err, ErrConfig):
		// These messages are built by this package and value-free, but
		// ErrIAMToken may wrap an SDK error: keep only the sentinel.
		for _, s := range []error{ErrCredentialsExpiring, ErrIAMToken, ErrConfig} {
			if errors.Is(err, s) {
				return s.Error()
			}
		}
	case errors.As(err, &pe):
		return "the server refused it with SQLSTATE " + pe.Code + " (" + pe.Severity + ")"
	case errors.As(err, &me):
		return "the server refused it with error " + strconv.Itoa(int(me.Number))
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.As(err, &ope):
		return "network error (" + ope.Op + ")"
	}
	return "error class " + errClass(err)
}

// errClass is a value-free class of err for describe: the phisafe
// sentinel it wraps, or "error". Never the error's text.
func errClass(err error) string {
	for _, c := range []struct {
		sentinel error
		class    string
	}{
		{hipaa.ErrAuditFailed, "audit-failed"},
		{hipaa.ErrPHIInName, "phi-in-name"},
		{hipaa.ErrInsecureTransport, "insecure-transport"},
		{hipaa.ErrTampered, "tampered"},
		{hipaa.ErrPolicy, "policy"},
	} {
		if errors.Is(err, c.sentinel) {
			return c.class
		}
	}
	return "error"
}
