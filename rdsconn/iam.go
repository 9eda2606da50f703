package rdsconn

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/rds/auth"
)

// iamSigner builds IAM database authentication tokens for one endpoint
// and user.
type iamSigner struct {
	endpoint     string // host:port the token is for
	region       string
	user         string
	creds        aws.CredentialsProvider
	minRemaining time.Duration
	now          func() time.Time
	afterToken   func(string) error
}

// newIAMSigner prepares token building for user at endpoint (host:port).
func newIAMSigner(o *Options, endpoint, user string) (*iamSigner, error) {
	a := o.IAMAuth
	if user == "" {
		return nil, fmt.Errorf("%w: IAMAuth needs the database user in the DSN", ErrConfig)
	}
	if a.Endpoint != "" {
		endpoint = a.Endpoint
	}
	if h, p, err := net.SplitHostPort(endpoint); err != nil || h == "" || p == "" {
		return nil, fmt.Errorf("%w: IAMAuth.Endpoint must be host:port", ErrConfig)
	}
	creds := a.Credentials
	if _, ok := creds.(*aws.CredentialsCache); !ok {
		creds = aws.NewCredentialsCache(creds)
	}
	minRemaining := a.MinRemaining
	if minRemaining == 0 {
		minRemaining = DefaultMinRemaining
	}
	return &iamSigner{endpoint: endpoint, region: a.Region, user: user, creds: creds,
		minRemaining: minRemaining, now: o.now, afterToken: o.afterToken}, nil
}

// token returns a fresh token, built from credentials that stay valid for
// at least minRemaining.
func (s *iamSigner) token(ctx context.Context) (string, error) {
	creds, err := s.freshCredentials(ctx)
	if err != nil {
		return "", err
	}
	static := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return creds, nil })
	tok, err := auth.BuildAuthToken(ctx, s.endpoint, s.region, s.user, static)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrIAMToken, err)
	}
	if s.afterToken != nil {
		if err := s.afterToken(tok); err != nil {
			return "", fmt.Errorf("%w: %w", ErrIAMToken, err)
		}
	}
	return tok, nil
}

// freshCredentials retrieves credentials; if they expire within
// minRemaining it invalidates the cache and tries once more.
func (s *iamSigner) freshCredentials(ctx context.Context) (aws.Credentials, error) {
	for try := 0; ; try++ {
		creds, err := s.creds.Retrieve(ctx)
		if err != nil {
			return aws.Credentials{}, fmt.Errorf("%w: retrieving AWS credentials: %w", ErrIAMToken, err)
		}
		if !creds.CanExpire || creds.Expires.Sub(s.now()) >= s.minRemaining {
			return creds, nil
		}
		cache, ok := s.creds.(*aws.CredentialsCache)
		if try > 0 || !ok {
			return aws.Credentials{}, fmt.Errorf("%w: they expire in %s, less than the %s a connection needs; refresh the credentials (an *aws.CredentialsCache with an ExpiryWindow, or a role session) or lower IAMAuth.MinRemaining",
				ErrCredentialsExpiring, creds.Expires.Sub(s.now()).Round(time.Second), s.minRemaining)
		}
		cache.Invalidate()
	}
}
