// Package rdsconn prepares database connections to Amazon RDS and Aurora
// that use verified TLS or nothing.
//
// It embeds the Amazon RDS CA bundle (RDSRootCAs, BundleInfo,
// BundleExpiry; see rdsca/PROVENANCE.md).
package rdsconn
