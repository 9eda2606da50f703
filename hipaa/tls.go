package hipaa

import (
	"crypto/tls"
	"fmt"
	"slices"
)

// tls12Suites are the TLS 1.2 cipher suites phisafe offers and accepts:
// ECDHE key exchange with AES-GCM, the AEAD suites NIST SP 800-52r2
// (section 3.3.1) allows. Go's defaults also offer CBC-SHA1 suites in TLS
// 1.2 and ChaCha20-Poly1305; neither is on the NIST list.
var tls12Suites = []uint16{
	tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
	tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
	tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
	tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
}

// tls13Suites are the TLS 1.3 suites NIST SP 800-52r2 allows that Go
// implements. crypto/tls does not let a Config choose TLS 1.3 suites, so a
// handshake that lands on TLS_CHACHA20_POLY1305_SHA256 is refused after
// the fact by verifyConnection.
var tls13Suites = []uint16{
	tls.TLS_AES_128_GCM_SHA256,
	tls.TLS_AES_256_GCM_SHA384,
}

// curves are the key exchanges phisafe offers: the NIST curves P-256 and
// P-384 that SP 800-52r2 names, and the post-quantum hybrids whose ML-KEM
// part is FIPS 203 (Go 1.26 implements X25519MLKEM768, SecP256r1MLKEM768 and
// SecP384r1MLKEM1024; Go's own FIPS 140-3 mode allows all three).
//
// Plain X25519 is left out: SP 800-52r2 lists only NIST curves for ECDHE,
// and the FIPS 140-3 mode of Go drops it too, so keeping it would make the
// strict and the default configurations differ. X25519 survives only
// inside the X25519MLKEM768 hybrid, where the ML-KEM-768 share carries the
// approved key establishment (SP 800-227) and which AWS endpoints and most
// modern servers offer first.
var curves = []tls.CurveID{
	tls.X25519MLKEM768,
	tls.SecP256r1MLKEM768,
	tls.SecP384r1MLKEM1024,
	tls.CurveP256,
	tls.CurveP384,
}

// ClientTLSConfig returns a new TLS client configuration for connections
// that may carry PHI: TLS 1.2 or 1.3 only; in TLS 1.2 only the ECDHE +
// AES-GCM suites of NIST SP 800-52r2; in TLS 1.3 only the AES-GCM suites
// (a server that selects ChaCha20-Poly1305 is refused); key exchange on
// P-256, P-384 or the ML-KEM hybrids; renegotiation never; the server
// certificate verified against the system roots.
//
// The caller may set RootCAs and ServerName on the result. Setting
// InsecureSkipVerify, lowering MinVersion, adding cipher suites or
// replacing VerifyConnection undoes the protection; CheckTLSConfig
// reports such changes, and the phisafe wrappers run it on every
// configuration they are given.
func ClientTLSConfig() *tls.Config {
	return &tls.Config{
		MinVersion:       tls.VersionTLS12,
		MaxVersion:       tls.VersionTLS13,
		CipherSuites:     slices.Clone(tls12Suites),
		CurvePreferences: slices.Clone(curves),
		Renegotiation:    tls.RenegotiateNever,
		VerifyConnection: verifyConnection,
	}
}

// ServerTLSConfig returns a new TLS server configuration with the same
// protocol, suite and curve restrictions as ClientTLSConfig, serving
// certs. A client that can only negotiate TLS 1.0/1.1, CBC, RSA key
// exchange or ChaCha20-Poly1305 fails the handshake.
//
// crypto/tls cannot be told which TLS 1.3 suites to use, and a Go server
// follows a client that prefers ChaCha20-Poly1305. So the configuration
// looks at each ClientHello first: a client whose TLS 1.3 offer puts
// ChaCha20 ahead of AES-GCM is served TLS 1.2 with an ECDHE + AES-GCM
// suite if it offers one, and a client that offers no approved suite at
// all is refused before the ServerHello. (In FIPS 140-3 mode Go applies the
// same restriction itself.)
func ServerTLSConfig(certs ...tls.Certificate) *tls.Config {
	base := &tls.Config{
		MinVersion:       tls.VersionTLS12,
		MaxVersion:       tls.VersionTLS13,
		CipherSuites:     slices.Clone(tls12Suites),
		CurvePreferences: slices.Clone(curves),
		Certificates:     certs,
		VerifyConnection: verifyConnection,
	}
	cfg := base.Clone()
	cfg.GetConfigForClient = func(hello *tls.ClientHelloInfo) (*tls.Config, error) {
		offers13 := slices.Contains(hello.SupportedVersions, tls.VersionTLS13)
		offers12 := slices.Contains(hello.SupportedVersions, tls.VersionTLS12)
		ok12 := offers12 && slices.ContainsFunc(hello.CipherSuites, func(s uint16) bool { return slices.Contains(tls12Suites, s) })
		if !offers13 || tls13AESPreferred(hello.CipherSuites) {
			return nil, nil // the base settings decide
		}
		if ok12 {
			c := base.Clone()
			c.MaxVersion = tls.VersionTLS12
			return c, nil
		}
		return nil, &TransportError{Reason: "cipher-suite", Detail: "client offers no approved AEAD suite"}
	}
	return cfg
}

// tls13AESPreferred reports whether a ClientHello lists an AES-GCM suite
// before any ChaCha20-Poly1305 suite, the test Go's server uses to choose
// AES-GCM for TLS 1.3 (on hardware with AES-GCM support; on hardware
// without it Go prefers ChaCha20 and verifyConnection refuses the
// handshake: use FIPS mode there).
func tls13AESPreferred(suites []uint16) bool {
	for _, s := range suites {
		switch s {
		case tls.TLS_AES_128_GCM_SHA256, tls.TLS_AES_256_GCM_SHA384,
			tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
			tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
			tls.TLS_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_RSA_WITH_AES_256_GCM_SHA384:
			return true
		case tls.TLS_CHACHA20_POLY1305_SHA256,
			tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256:
			return false
		}
	}
	return false
}

// verifyConnection refuses a handshake whose negotiated parameters are
// outside the policy. For TLS 1.2 crypto/tls already limits the suites to
// the configured ones; this is what catches TLS 1.3 ChaCha20.
func verifyConnection(cs tls.ConnectionState) error {
	return checkNegotiated(cs)
}

// CheckConnectionState reports whether an established connection meets
// the policy: TLS 1.2 or newer and an allowed AEAD suite. Wrappers call it
// on connections that they did not configure themselves, such as the one
// a database driver reports.
func CheckConnectionState(cs tls.ConnectionState) error {
	if !cs.HandshakeComplete {
		return &TransportError{Reason: "tls-handshake", Detail: "handshake not complete"}
	}
	return checkNegotiated(cs)
}

// checkNegotiated checks the negotiated version and suite. It runs inside
// the handshake (VerifyConnection), before HandshakeComplete is set.
func checkNegotiated(cs tls.ConnectionState) error {
	if cs.Version < tls.VersionTLS12 {
		return &TransportError{Reason: "tls-version", Detail: tls.VersionName(cs.Version) + " is below TLS 1.2"}
	}
	if !slices.Contains(tls12Suites, cs.CipherSuite) && !slices.Contains(tls13Suites, cs.CipherSuite) {
		return &TransportError{Reason: "cipher-suite", Detail: tls.CipherSuiteName(cs.CipherSuite) + " is not an approved AEAD suite"}
	}
	return nil
}

// CheckTLSConfig reports the first way in which c is weaker than
// ClientTLSConfig: verification turned off, a minimum below TLS 1.2, a
// suite or curve outside the policy, renegotiation allowed, session keys
// written out (KeyLogWriter) or a replaced randomness source (Rand), or a
// VerifyConnection that does not enforce the policy. A nil config is
// refused.
//
// crypto/tls cannot exclude TLS 1.3 ChaCha20-Poly1305, so the policy
// depends on VerifyConnection. CheckTLSConfig calls it once with a
// synthetic connection state that must be refused (TLS 1.3 with
// TLS_CHACHA20_POLY1305_SHA256, no certificates); a VerifyConnection that
// accepts it, or panics on it, fails the check. To add checks of your
// own, keep ClientTLSConfig's and call it first:
//
//	cfg := hipaa.ClientTLSConfig()
//	base := cfg.VerifyConnection
//	cfg.VerifyConnection = func(cs tls.ConnectionState) error {
//		if err := base(cs); err != nil {
//			return err
//		}
//		return myCheck(cs)
//	}
func CheckTLSConfig(c *tls.Config) error {
	switch {
	case c == nil:
		return &TransportError{Reason: "tls-config", Detail: "no TLS configuration"}
	case c.InsecureSkipVerify:
		return &TransportError{Reason: "tls-config", Detail: "InsecureSkipVerify is set; use a CA pool instead"}
	case c.MinVersion < tls.VersionTLS12:
		return &TransportError{Reason: "tls-config", Detail: fmt.Sprintf("MinVersion %s is below TLS 1.2", versionName(c.MinVersion))}
	case c.Renegotiation != tls.RenegotiateNever:
		return &TransportError{Reason: "tls-config", Detail: "renegotiation is allowed"}
	case len(c.CipherSuites) == 0:
		return &TransportError{Reason: "tls-config", Detail: "CipherSuites is empty (Go's defaults include CBC-SHA1 suites)"}
	case len(c.CurvePreferences) == 0:
		return &TransportError{Reason: "tls-config", Detail: "CurvePreferences is empty (Go's defaults include X25519)"}
	case c.KeyLogWriter != nil:
		return &TransportError{Reason: "tls-config", Detail: "KeyLogWriter is set (it writes out the session keys)"}
	case c.Rand != nil:
		return &TransportError{Reason: "tls-config", Detail: "Rand is set; keep crypto/rand"}
	}
	for _, s := range c.CipherSuites {
		if !slices.Contains(tls12Suites, s) {
			return &TransportError{Reason: "tls-config", Detail: tls.CipherSuiteName(s) + " is not an approved suite"}
		}
	}
	for _, k := range c.CurvePreferences {
		if !slices.Contains(curves, k) {
			return &TransportError{Reason: "tls-config", Detail: k.String() + " is not an approved key exchange"}
		}
	}
	if c.VerifyConnection == nil {
		return &TransportError{Reason: "tls-config", Detail: "VerifyConnection is not set (TLS 1.3 ChaCha20 would be accepted)"}
	}
	if !refusesChaCha13(c.VerifyConnection) {
		return &TransportError{Reason: "tls-config", Detail: "VerifyConnection does not refuse TLS 1.3 ChaCha20-Poly1305; call ClientTLSConfig's VerifyConnection from yours"}
	}
	return nil
}

// refusesChaCha13 reports whether verify refuses a TLS 1.3 connection
// that negotiated ChaCha20-Poly1305, the one thing the rest of a
// tls.Config cannot exclude. A verify that panics on the synthetic state
// does not count as refusing.
func refusesChaCha13(verify func(tls.ConnectionState) error) (refused bool) {
	defer func() {
		if recover() != nil {
			refused = false
		}
	}()
	return verify(tls.ConnectionState{
		Version:     tls.VersionTLS13,
		CipherSuite: tls.TLS_CHACHA20_POLY1305_SHA256,
		ServerName:  "probe.phisafe.invalid",
	}) != nil
}

func versionName(v uint16) string {
	if v == 0 {
		return "0 (Go's default)"
	}
	return tls.VersionName(v)
}
