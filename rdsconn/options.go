package rdsconn

import (
	"crypto/x509"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Options configure OpenPostgresPool, OpenPostgresDB and OpenMySQL. The
// zero value is the strict configuration: the server certificate must
// chain to the embedded Amazon RDS CA bundle and name the DSN's host, and
// the DSN's password is used. No option turns verification off or allows
// less than TLS 1.2.
type Options struct {
	// RootCAs, when set, replaces the embedded Amazon RDS CA bundle as the
	// trust anchors (a private CA, a test server). When nil, a CA named by
	// the DSN is used (PostgreSQL sslrootcert, or the RootCAs of a
	// registered MySQL TLS configuration), else the embedded bundle.
	RootCAs *x509.CertPool

	// ServerName, when set, is the name the server certificate must hold,
	// instead of the DSN's host: for a connection through a tunnel or
	// proxy on another address. It is the host of the IAM token too,
	// unless IAMAuth.Endpoint says otherwise. Refused with several hosts.
	ServerName string

	// IAMAuth, when set, authenticates with an IAM database
	// authentication token instead of a password: a fresh token for
	// every new physical connection, built only from credentials that do
	// not expire within IAMAuth.MinRemaining, and sent only over the
	// verified TLS session. The DSN must name the user and no password.
	IAMAuth *IAMAuth

	// afterToken, for tests, runs after each token is built and before it
	// is used.
	afterToken func(token string) error
	// now, for tests, replaces time.Now in expiry checks.
	now func() time.Time
}

// DefaultMinRemaining is how long AWS credentials must stay valid for an
// IAM token to be built from them, when IAMAuth.MinRemaining is zero.
const DefaultMinRemaining = 5 * time.Minute

// BundleWarning is how long before the first root of the embedded RDS CA
// bundle expires that connections and posture checks start to report it.
const BundleWarning = 180 * 24 * time.Hour

// IAMAuth configures IAM database authentication
// (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html).
type IAMAuth struct {
	// Region is the AWS Region of the database, for example "us-east-1".
	// Required.
	Region string

	// Credentials sign the tokens. Required. A provider that is not an
	// *aws.CredentialsCache is wrapped in one, so that credentials are
	// not fetched again for every connection.
	Credentials aws.CredentialsProvider

	// Endpoint, when set, is the "host:port" the token is signed for,
	// instead of the server name and the DSN's port.
	Endpoint string

	// MinRemaining is how long the credentials must stay valid when a
	// token is built. Zero means DefaultMinRemaining. Credentials that
	// expire sooner are refreshed once (the cache is invalidated) and, if
	// they still expire too soon, refused with ErrCredentialsExpiring.
	MinRemaining time.Duration
}

// IAMAuthFromConfig returns IAM authentication settings that use cfg's
// Region and Credentials, as loaded by hipaa.LoadAWSConfig.
func IAMAuthFromConfig(cfg aws.Config) *IAMAuth {
	return &IAMAuth{Region: cfg.Region, Credentials: cfg.Credentials}
}

// resolve applies the option functions and checks what can be checked
// without a DSN.
func resolve(optFns []func(*Options)) (Options, error) {
	var o Options
	for _, fn := range optFns {
		if fn != nil {
			fn(&o)
		}
	}
	if o.now == nil {
		o.now = time.Now
	}
	if o.ServerName != "" {
		if err := checkHost(o.ServerName); err != nil {
			return o, err
		}
	}
	if a := o.IAMAuth; a != nil {
		switch {
		case a.Region == "":
			return o, fmt.Errorf("%w: IAMAuth.Region is empty; set the database's AWS Region", ErrConfig)
		case a.Credentials == nil:
			return o, fmt.Errorf("%w: IAMAuth.Credentials is nil; use IAMAuthFromConfig with hipaa.LoadAWSConfig", ErrConfig)
		case a.MinRemaining < 0:
			return o, fmt.Errorf("%w: IAMAuth.MinRemaining is negative", ErrConfig)
		}
	}
	return o, nil
}

// rootsFor picks the trust anchors: Options.RootCAs, else what the DSN
// named, else the embedded bundle (usedBundle reports the last).
func (o *Options) rootsFor(fromDSN *x509.CertPool) (pool *x509.CertPool, usedBundle bool, err error) {
	switch {
	case o.RootCAs != nil:
		return o.RootCAs, false, nil
	case fromDSN != nil:
		return fromDSN, false, nil
	}
	pool, err = RDSRootCAs()
	return pool, true, err
}

// bundleWarning returns a value-free note when the embedded bundle's
// first root expires within BundleWarning of now, else "".
func bundleWarning(now time.Time) string {
	exp, err := BundleExpiry()
	if err != nil {
		return "ca-bundle-unreadable"
	}
	if exp.Sub(now) <= BundleWarning {
		return "ca-bundle-expires=" + exp.Format(time.DateOnly)
	}
	return ""
}
