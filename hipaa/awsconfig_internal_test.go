package hipaa

import (
	"errors"
	"net/url"
	"testing"
)

func TestCheckEndpointURL(t *testing.T) {
	cases := []struct {
		u        string
		loopback bool
		ok       bool
	}{
		{"https://kms.us-east-1.amazonaws.com", false, true},
		{"http://kms.us-east-1.amazonaws.com", false, false},
		{"http://kms.us-east-1.amazonaws.com", true, false},
		{"http://127.0.0.1:4566", false, false},
		{"http://127.0.0.1:4566", true, true},
		{"http://[::1]:4566", true, true},
		{"http://localhost:4566", true, true},
		{"http://10.0.0.5:4566", true, false},
		{"ftp://127.0.0.1", true, false},
	}
	for _, c := range cases {
		u, _ := url.Parse(c.u)
		err := checkEndpointURL(u, c.loopback)
		if (err == nil) != c.ok {
			t.Errorf("checkEndpointURL(%s, %v) = %v", c.u, c.loopback, err)
		}
		if err != nil && !errors.Is(err, ErrInsecureTransport) {
			t.Errorf("%s: %v does not wrap ErrInsecureTransport", c.u, err)
		}
	}
	if err := checkEndpointURL(nil, true); !errors.Is(err, ErrInsecureTransport) {
		t.Errorf("nil URL: %v", err)
	}
}

// TestRedirectHostPort: the redirect rule compares host (case-folded) and
// port, with the scheme's default port filled in.
func TestRedirectHostPort(t *testing.T) {
	same := [][2]string{
		{"https://KMS.example:443/a", "https://kms.example/b"},
		{"https://[::1]:8443/", "https://[::1]:8443/x"},
	}
	for _, p := range same {
		a, _ := url.Parse(p[0])
		b, _ := url.Parse(p[1])
		if hostPort(a) != hostPort(b) {
			t.Errorf("%s and %s: %s != %s", p[0], p[1], hostPort(a), hostPort(b))
		}
	}
	a, _ := url.Parse("https://kms.example:8443/")
	b, _ := url.Parse("https://kms.example/")
	if hostPort(a) == hostPort(b) {
		t.Errorf("ports 8443 and 443 compare equal")
	}
}
