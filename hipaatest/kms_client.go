package hipaatest

import (
	"context"
	"crypto/tls"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/kms"
)

// Credentials returns a provider of the static credentials the server
// accepts (AccessKeyID and SecretAccessKey, no session token).
func (s *KMSServer) Credentials() aws.CredentialsProvider {
	creds := aws.Credentials{
		AccessKeyID:     s.cfg.accessKeyID,
		SecretAccessKey: s.cfg.secretAccessKey,
		Source:          "hipaatest",
	}
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return creds, nil
	})
}

// HTTPClient returns a new SDK HTTP client whose TLS configuration (1.2
// minimum) trusts only the server's CA: no system roots, no
// InsecureSkipVerify.
func (s *KMSServer) HTTPClient() *awshttp.BuildableClient {
	pool := s.CertPool()
	return awshttp.NewBuildableClient().WithTransportOptions(func(tr *http.Transport) {
		tr.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	})
}

// AWSConfig returns an aws.Config for the server: its Region, Credentials,
// HTTPClient and URL as BaseEndpoint. kms.NewFromConfig(s.AWSConfig()) is a
// client of this server. It reads nothing from the environment.
func (s *KMSServer) AWSConfig() aws.Config {
	return aws.Config{
		Region:       s.cfg.region,
		Credentials:  s.Credentials(),
		HTTPClient:   s.HTTPClient(),
		BaseEndpoint: aws.String(s.URL()),
	}
}

// Client returns an aws-sdk-go-v2 kms client of the server, built from
// AWSConfig and then optFns (for example to set RetryMaxAttempts).
func (s *KMSServer) Client(optFns ...func(*kms.Options)) *kms.Client {
	return kms.NewFromConfig(s.AWSConfig(), optFns...)
}
