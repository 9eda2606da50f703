package rdsconn

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"strings"

	"github.com/phisafe/phisafe/hipaa"
)

// Option changes how TLSConfig builds a configuration.
type Option func(*options) error

type options struct {
	roots *x509.CertPool
}

// WithRootCAs makes TLSConfig trust pool instead of the embedded Amazon
// RDS CA bundle, for a database whose certificate comes from another CA
// (a private CA, a test server). A nil pool is refused: it would mean the
// system roots, which should be asked for explicitly with
// x509.SystemCertPool.
func WithRootCAs(pool *x509.CertPool) Option {
	return func(o *options) error {
		if pool == nil {
			return &hipaa.TransportError{Reason: "tls-config", Detail: "WithRootCAs: nil CA pool; pass x509.SystemCertPool() to trust the system roots"}
		}
		o.roots = pool
		return nil
	}
}

// TLSConfig returns a client TLS configuration for the database server at
// host (a DNS name such as mydb.abc123.us-east-1.rds.amazonaws.com, no
// port): hipaa.ClientTLSConfig settings (TLS 1.2 minimum, approved AEAD
// suites and key exchanges), the server certificate verified against the
// embedded Amazon RDS CA bundle (or the pool given with WithRootCAs), and
// the certificate's name checked against host. An empty host, a host with
// a port, a URL or a path is refused with an error wrapping
// hipaa.ErrInsecureTransport.
func TLSConfig(host string, opts ...Option) (*tls.Config, error) {
	if err := checkHost(host); err != nil {
		return nil, err
	}
	var o options
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&o); err != nil {
			return nil, err
		}
	}
	if o.roots == nil {
		pool, err := RDSRootCAs()
		if err != nil {
			return nil, err
		}
		o.roots = pool
	}
	cfg := hipaa.ClientTLSConfig()
	cfg.RootCAs = o.roots
	cfg.ServerName = host
	if err := hipaa.CheckTLSConfig(cfg); err != nil {
		return nil, err
	}
	return cfg, nil
}

// checkHost refuses a server name that cannot be verified as given.
func checkHost(host string) error {
	switch {
	case host == "":
		return &hipaa.TransportError{Reason: "server-name", Detail: "empty host: the server's certificate name could not be checked; pass the endpoint's DNS name"}
	case strings.ContainsAny(host, "/@?# \t\r\n"):
		return &hipaa.TransportError{Reason: "server-name", Detail: "host is not a bare DNS name or address; pass the endpoint name only, without scheme, user, path or port"}
	}
	if _, _, err := net.SplitHostPort(host); err == nil {
		return &hipaa.TransportError{Reason: "server-name", Detail: "host includes a port; pass the endpoint name only"}
	}
	return nil
}
