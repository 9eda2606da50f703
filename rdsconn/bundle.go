package rdsconn

import (
	"crypto/x509"
	_ "embed"
	"encoding/pem"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// bundlePEM is the Amazon RDS global CA bundle; rdsca/PROVENANCE.md says
// where it comes from and how to refresh it.
//
//go:embed rdsca/global-bundle.pem
var bundlePEM []byte

// CertInfo describes one certificate of the embedded RDS CA bundle.
type CertInfo struct {
	// Subject is the certificate's subject distinguished name.
	Subject string
	// NotBefore is the start of the certificate's validity period.
	NotBefore time.Time
	// NotAfter is when the certificate expires.
	NotAfter time.Time
	// IsCA reports whether the certificate has the CA basic constraint.
	IsCA bool
	// SelfSigned reports whether the certificate's issuer equals its
	// subject and its signature verifies with its own public key.
	SelfSigned bool
}

var (
	bundleOnce  sync.Once
	bundlePool  *x509.CertPool
	bundleCerts []*x509.Certificate
	bundleErr   error
)

// loadBundle parses the embedded bundle once.
func loadBundle() ([]*x509.Certificate, *x509.CertPool, error) {
	bundleOnce.Do(func() {
		bundleCerts, bundleErr = parseBundle(bundlePEM)
		if bundleErr != nil {
			return
		}
		bundlePool = x509.NewCertPool()
		for _, c := range bundleCerts {
			bundlePool.AddCert(c)
		}
	})
	return bundleCerts, bundlePool, bundleErr
}

// parseBundle parses every PEM certificate in b and refuses anything else.
func parseBundle(b []byte) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	for n := 1; ; n++ {
		var block *pem.Block
		block, b = pem.Decode(b)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			return nil, fmt.Errorf("rdsconn: RDS CA bundle: block %d is %q, not a certificate", n, block.Type)
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("rdsconn: RDS CA bundle: certificate %d: %w", n, err)
		}
		certs = append(certs, c)
	}
	if len(certs) == 0 {
		return nil, errors.New("rdsconn: RDS CA bundle holds no certificates")
	}
	return certs, nil
}

// RDSRootCAs returns a pool holding the Amazon RDS root certificates
// embedded in this package (the global bundle, see rdsca/PROVENANCE.md).
// The bundle is parsed once; each call returns a fresh copy of the pool,
// so a caller may add to it without affecting other callers.
func RDSRootCAs() (*x509.CertPool, error) {
	_, pool, err := loadBundle()
	if err != nil {
		return nil, err
	}
	return pool.Clone(), nil
}

// BundleInfo returns the subject, validity and kind of every certificate
// in the embedded RDS CA bundle, in bundle order.
func BundleInfo() ([]CertInfo, error) {
	certs, _, err := loadBundle()
	if err != nil {
		return nil, err
	}
	infos := make([]CertInfo, 0, len(certs))
	for _, c := range certs {
		infos = append(infos, CertInfo{
			Subject:    c.Subject.String(),
			NotBefore:  c.NotBefore,
			NotAfter:   c.NotAfter,
			IsCA:       c.BasicConstraintsValid && c.IsCA,
			SelfSigned: selfSigned(c),
		})
	}
	return infos, nil
}

// BundleExpiry returns the earliest NotAfter of the certificates in the
// embedded RDS CA bundle: the date by which the bundle must be refreshed.
func BundleExpiry() (earliest time.Time, err error) {
	certs, _, err := loadBundle()
	if err != nil {
		return time.Time{}, err
	}
	first := slices.MinFunc(certs, func(a, b *x509.Certificate) int { return a.NotAfter.Compare(b.NotAfter) })
	return first.NotAfter, nil
}

func selfSigned(c *x509.Certificate) bool {
	return slices.Equal(c.RawIssuer, c.RawSubject) && c.CheckSignatureFrom(c) == nil
}
