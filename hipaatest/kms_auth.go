package hipaatest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// SigV4 verification, written from the AWS Signature Version 4 specification
// ("Create a signed AWS API request"): the server rebuilds the canonical
// request from the headers the client says it signed and checks the HMAC.

const (
	sigV4Algorithm = "AWS4-HMAC-SHA256"
	amzDateFormat  = "20060102T150405Z"
	// maxClockSkew is how far X-Amz-Date may be from the server clock,
	// as in AWS.
	maxClockSkew = 5 * time.Minute
)

// sigV4Auth is the parsed Authorization header.
type sigV4Auth struct {
	accessKeyID   string
	date          string
	region        string
	service       string
	terminator    string
	signedHeaders []string
	signature     []byte
}

func parseAuthorization(h string) (sigV4Auth, *apiError) {
	var a sigV4Auth
	rest, ok := strings.CutPrefix(h, sigV4Algorithm+" ")
	if !ok {
		return a, errorf(CodeIncompleteSignature, "Authorization header must use %s", sigV4Algorithm)
	}
	var cred, signed, sig string
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return a, errorf(CodeIncompleteSignature, "Authorization header component %q is not key=value", k)
		}
		switch k {
		case "Credential":
			cred = v
		case "SignedHeaders":
			signed = v
		case "Signature":
			sig = v
		}
	}
	if cred == "" || signed == "" || sig == "" {
		return a, errorf(CodeIncompleteSignature, "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters")
	}
	parts := strings.Split(cred, "/")
	if len(parts) != 5 {
		return a, errorf(CodeIncompleteSignature, "Credential must have the form <AccessKeyId>/<date>/<region>/<service>/aws4_request")
	}
	a.accessKeyID, a.date, a.region, a.service, a.terminator = parts[0], parts[1], parts[2], parts[3], parts[4]
	a.signedHeaders = strings.Split(signed, ";")
	var err error
	if a.signature, err = hex.DecodeString(sig); err != nil || len(a.signature) != sha256.Size {
		return a, errorf(CodeIncompleteSignature, "Signature must be 64 hexadecimal characters")
	}
	return a, nil
}

// verifySigV4 checks that r (whose body has been read into body) carries a
// valid SigV4 signature for service "kms" in the server's region, made with
// the server's credentials. With anyKey set, any access key id is accepted
// and the signature itself is not checked (the secret is unknown).
func (s *KMSServer) verifySigV4(r *http.Request, body []byte, now time.Time) *apiError {
	h := r.Header.Get("Authorization")
	if h == "" {
		return errorf(CodeMissingAuthToken, "Missing Authentication Token")
	}
	a, aerr := parseAuthorization(h)
	if aerr != nil {
		return aerr
	}
	if a.terminator != "aws4_request" {
		return errorf(CodeIncompleteSignature, "Credential should be scoped with a valid terminator: 'aws4_request'")
	}
	if !s.cfg.anyCredentials && a.accessKeyID != s.cfg.accessKeyID {
		return errorf(CodeUnrecognizedClient, "The security token included in the request is invalid.")
	}
	if a.service != "kms" {
		return errorf(CodeInvalidSignature, "Credential should be scoped to correct service: 'kms'.")
	}
	if a.region != s.cfg.region {
		return errorf(CodeInvalidSignature, "Credential should be scoped to a valid region.")
	}
	amzDate := r.Header.Get("X-Amz-Date")
	if amzDate == "" {
		return errorf(CodeIncompleteSignature, "Authorization header requires existence of a 'X-Amz-Date' header.")
	}
	t, err := time.Parse(amzDateFormat, amzDate)
	if err != nil {
		return errorf(CodeIncompleteSignature, "X-Amz-Date must have the form YYYYMMDD'T'HHMMSS'Z'")
	}
	if a.date != amzDate[:8] {
		return errorf(CodeInvalidSignature, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.")
	}
	if d := now.Sub(t); d > maxClockSkew || d < -maxClockSkew {
		return errorf(CodeInvalidSignature, "Signature expired: %s is not within 5 minutes of the server time %s.", amzDate, now.UTC().Format(amzDateFormat))
	}
	hasHost := false
	for _, sh := range a.signedHeaders {
		if sh == "host" {
			hasHost = true
		}
		if sh == "" || sh != strings.ToLower(sh) {
			return errorf(CodeIncompleteSignature, "SignedHeaders must be lower-case header names separated by ';'")
		}
	}
	if !hasHost {
		return errorf(CodeInvalidSignature, "'Host' must be a signed header.")
	}
	if s.cfg.anyCredentials {
		return nil
	}

	canonical := canonicalRequest(r, a.signedHeaders, body)
	scope := a.date + "/" + a.region + "/" + a.service + "/" + a.terminator
	sum := sha256.Sum256([]byte(canonical))
	stringToSign := sigV4Algorithm + "\n" + amzDate + "\n" + scope + "\n" + hex.EncodeToString(sum[:])

	key := hmacSHA256([]byte("AWS4"+s.cfg.secretAccessKey), a.date)
	key = hmacSHA256(key, a.region)
	key = hmacSHA256(key, a.service)
	key = hmacSHA256(key, a.terminator)
	want := hmacSHA256(key, stringToSign)
	if !hmac.Equal(want, a.signature) {
		return errorf(CodeInvalidSignature, "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.")
	}
	return nil
}

func hmacSHA256(key []byte, data string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

// canonicalRequest builds the SigV4 canonical request of r over the headers
// the client listed as signed.
func canonicalRequest(r *http.Request, signedHeaders []string, body []byte) string {
	var b strings.Builder
	b.WriteString(r.Method)
	b.WriteByte('\n')
	path := r.URL.EscapedPath()
	if path == "" {
		path = "/"
	}
	b.WriteString(path)
	b.WriteByte('\n')
	b.WriteString(canonicalQuery(r.URL.Query()))
	b.WriteByte('\n')
	for _, h := range signedHeaders {
		b.WriteString(h)
		b.WriteByte(':')
		switch h {
		case "host":
			b.WriteString(collapseSpaces(r.Host))
		case "content-length":
			if v := r.Header.Get("Content-Length"); v != "" {
				b.WriteString(collapseSpaces(v))
			} else {
				b.WriteString(strconv.FormatInt(r.ContentLength, 10))
			}
		default:
			for i, v := range r.Header.Values(h) {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString(collapseSpaces(v))
			}
		}
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.WriteString(strings.Join(signedHeaders, ";"))
	b.WriteByte('\n')
	if ph := r.Header.Get("X-Amz-Content-Sha256"); ph == "UNSIGNED-PAYLOAD" {
		b.WriteString(ph)
	} else {
		sum := sha256.Sum256(body)
		b.WriteString(hex.EncodeToString(sum[:]))
	}
	return b.String()
}

// canonicalQuery sorts and RFC 3986-encodes the query parameters.
func canonicalQuery(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	type kv struct{ k, v string }
	var pairs []kv
	for k, vs := range q {
		for _, v := range vs {
			pairs = append(pairs, kv{uriEncode(k), uriEncode(v)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].k != pairs[j].k {
			return pairs[i].k < pairs[j].k
		}
		return pairs[i].v < pairs[j].v
	})
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = p.k + "=" + p.v
	}
	return strings.Join(parts, "&")
}

func uriEncode(s string) string {
	const hexdig = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexdig[c>>4])
		b.WriteByte(hexdig[c&15])
	}
	return b.String()
}

// collapseSpaces trims v and replaces runs of spaces with one space.
func collapseSpaces(v string) string {
	v = strings.TrimSpace(v)
	if !strings.Contains(v, "  ") {
		return v
	}
	var b strings.Builder
	prevSpace := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == ' ' {
			if prevSpace {
				continue
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		b.WriteByte(c)
	}
	return b.String()
}
