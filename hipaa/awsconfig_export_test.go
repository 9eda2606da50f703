package hipaa

import (
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// HTTPTransportOf returns a copy of the transport of an HTTP client
// LoadAWSConfig built, or nil for any other client. For tests only.
func HTTPTransportOf(c aws.HTTPClient) *http.Transport {
	hc, ok := c.(*hardenedClient)
	if !ok || hc == nil {
		return nil
	}
	return hc.transport.Clone()
}
