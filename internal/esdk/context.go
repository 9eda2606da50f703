package esdk

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"slices"
	"unicode/utf8"
)

// PublicKeyContextKey is the encryption context key under which signed
// suites store the base64 compressed verification key.
const PublicKeyContextKey = "aws-crypto-public-key"

// maxContextSize is the largest serialized encryption context a header can
// hold: the header's AAD length field is a uint16.
const maxContextSize = 0xffff

// SerializeEncryptionContext serializes ec as the specification's
// framework/structures.md "Serialization": a uint16 pair count followed by
// the pairs sorted by the UTF-8 bytes of their keys, each key and value
// prefixed by its uint16 length. An empty or nil map gives an empty slice.
// It fails (ErrLimit) if the result would not fit the header's uint16 AAD
// length or a key or value is longer than 65535 bytes, and (ErrMalformed) if
// a key or value is not valid UTF-8.
func SerializeEncryptionContext(ec map[string]string) ([]byte, error) {
	if len(ec) == 0 {
		return []byte{}, nil
	}
	n, err := contextSize(ec)
	if err != nil {
		return nil, err
	}
	return appendContext(make([]byte, 0, n), ec), nil
}

// ValidateEncryptionContext reports the error SerializeEncryptionContext
// would return for ec, without serializing it.
func ValidateEncryptionContext(ec map[string]string) error {
	_, err := contextSize(ec)
	return err
}

// contextSize validates ec and returns its serialized size.
func contextSize(ec map[string]string) (int, error) {
	if len(ec) == 0 {
		return 0, nil
	}
	if len(ec) > 0xffff {
		return 0, newErr(ErrLimit, "encryption_context", -1, fmt.Sprintf("%d pairs, at most 65535", len(ec)))
	}
	n := 2
	for k, v := range ec {
		if len(k) > 0xffff || len(v) > 0xffff {
			return 0, newErr(ErrLimit, "encryption_context", -1, "key or value longer than 65535 bytes")
		}
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			return 0, newErr(ErrMalformed, "encryption_context", -1, "key or value is not valid UTF-8")
		}
		n += 4 + len(k) + len(v)
		if n > maxContextSize {
			return 0, newErr(ErrLimit, "encryption_context", -1, "serialized encryption context longer than 65535 bytes")
		}
	}
	return n, nil
}

// appendContext appends the serialization of a validated, non-empty ec.
func appendContext(b []byte, ec map[string]string) []byte {
	var kb [16]string // small contexts sort on the stack
	keys := kb[:0]
	for k := range ec {
		keys = append(keys, k)
	}
	slices.Sort(keys) // Go string order is byte order
	b = binary.BigEndian.AppendUint16(b, uint16(len(keys)))
	for _, k := range keys {
		v := ec[k]
		b = binary.BigEndian.AppendUint16(b, uint16(len(k)))
		b = append(b, k...)
		b = binary.BigEndian.AppendUint16(b, uint16(len(v)))
		b = append(b, v...)
	}
	return b
}

// ParseEncryptionContext parses a serialized encryption context (the
// inverse of SerializeEncryptionContext). An empty input gives an empty map.
// It is strict: a zero pair count, truncated or trailing bytes, duplicate
// keys and invalid UTF-8 are errors wrapping ErrMalformed. Pairs need not be
// sorted (other implementations' messages are accepted as written).
func ParseEncryptionContext(b []byte) (map[string]string, error) {
	return parseContext(b, 0)
}

func parseContext(b []byte, base int64) (map[string]string, error) {
	if len(b) == 0 {
		return map[string]string{}, nil
	}
	if len(b) < 2 {
		return nil, newErr(ErrMalformed, "encryption_context.count", base, "truncated")
	}
	count := int(binary.BigEndian.Uint16(b))
	if count == 0 {
		return nil, newErr(ErrMalformed, "encryption_context.count", base, "zero pairs in a non-empty context")
	}
	// Each pair takes at least 4 bytes: bound the map size by the input.
	if count > (len(b)-2)/4 {
		return nil, newErr(ErrMalformed, "encryption_context.count", base, "more pairs than the input can hold")
	}
	ec := make(map[string]string, count)
	// One string for the whole context; keys and values are substrings of
	// it, so parsing costs one allocation besides the map.
	all := string(b)
	p := 2
	str := func(field string) (string, error) {
		if len(b)-p < 2 {
			return "", newErr(ErrMalformed, field, base+int64(p), "truncated length")
		}
		n := int(binary.BigEndian.Uint16(b[p:]))
		p += 2
		if len(b)-p < n {
			return "", newErr(ErrMalformed, field, base+int64(p), "length exceeds the input")
		}
		s := b[p : p+n]
		if !utf8.Valid(s) {
			return "", newErr(ErrMalformed, field, base+int64(p), "not valid UTF-8")
		}
		p += n
		return all[p-n : p], nil
	}
	for i := 0; i < count; i++ {
		off := p
		k, err := str("encryption_context.key")
		if err != nil {
			return nil, err
		}
		v, err := str("encryption_context.value")
		if err != nil {
			return nil, err
		}
		if _, dup := ec[k]; dup {
			return nil, newErr(ErrMalformed, "encryption_context.key", base+int64(off), "duplicate key")
		}
		ec[k] = v
	}
	if p != len(b) {
		return nil, newErr(ErrMalformed, "encryption_context", base+int64(p), "trailing bytes")
	}
	return ec, nil
}

// SerializedEncryptionContext returns the header's encryption context as
// serialized in the message when that is the canonical serialization
// (SerializeEncryptionContext's: pairs sorted by key), so that it need not
// be serialized again; ok is false otherwise. The result aliases the
// header.
func (h *Header) SerializedEncryptionContext() (b []byte, ok bool) {
	raw := h.ecRaw
	if len(raw) == 0 {
		return []byte{}, len(h.EncryptionContext) == 0
	}
	// The header parsed raw strictly: the lengths are in range.
	p := 2
	var prev []byte
	for i := 0; i < int(binary.BigEndian.Uint16(raw)); i++ {
		n := int(binary.BigEndian.Uint16(raw[p:]))
		k := raw[p+2 : p+2+n]
		if i > 0 && bytes.Compare(k, prev) <= 0 {
			return nil, false
		}
		prev = k
		p += 2 + n
		p += 2 + int(binary.BigEndian.Uint16(raw[p:]))
	}
	return raw, true
}

// EncodePublicKey returns the base64 (standard, padded) encoding of pub's
// compressed point (SEC 1 section 2.3.3), the form stored under
// PublicKeyContextKey.
func EncodePublicKey(pub *ecdsa.PublicKey) (string, error) {
	if pub == nil {
		return "", fmt.Errorf("esdk: nil public key")
	}
	raw, err := pub.Bytes() // 0x04 || X || Y
	if err != nil {
		return "", fmt.Errorf("esdk: encoding public key: %w", err)
	}
	n := (len(raw) - 1) / 2
	if n > 66 {
		return "", fmt.Errorf("esdk: encoding public key: unsupported curve")
	}
	var cb [1 + 66]byte // P-521 at most
	c := cb[:1+n]
	c[0] = 2 | raw[len(raw)-1]&1
	copy(c[1:], raw[1:1+n])
	var eb [92]byte // base64 of 67 bytes
	return string(base64.StdEncoding.AppendEncode(eb[:0], c)), nil
}

// DecodePublicKey decodes a value stored under PublicKeyContextKey: the
// base64 of a compressed point on curve (P-256 or P-384). Errors wrap
// ErrMalformed.
func DecodePublicKey(s string, curve elliptic.Curve) (*ecdsa.PublicKey, error) {
	const field = "encryption_context." + PublicKeyContextKey
	if curve == nil {
		return nil, newErr(ErrMalformed, field, -1, "no curve")
	}
	// At most 1+66 bytes (P-521), 92 in base64. The base64 input is copied
	// to the stack; the compressed and uncompressed points share one
	// allocation (they escape through the elliptic.Curve interface).
	var sb [128]byte
	if len(s) > len(sb) {
		return nil, newErr(ErrMalformed, field, -1, "not a compressed point of the suite's curve")
	}
	scratch := make([]byte, 96+1+2*66)
	cb, ub := scratch[:96], scratch[96:]
	cn, err := base64.StdEncoding.Strict().Decode(cb, sb[:copy(sb[:], s)])
	if err != nil {
		return nil, newErr(ErrMalformed, field, -1, "not valid base64")
	}
	c := cb[:cn]
	params := curve.Params()
	n := (params.BitSize + 7) / 8
	if len(c) != 1+n || (c[0] != 2 && c[0] != 3) {
		return nil, newErr(ErrMalformed, field, -1, "not a compressed point of the suite's curve")
	}
	// The curve's own decompression (P-256 and P-384 use the constant-time
	// field arithmetic of crypto/internal/fips140/nistec, far faster than a
	// math/big square root); it checks that x is in range and that the
	// point is on the curve. The PublicKey is built from the uncompressed
	// encoding (its X and Y fields are deprecated).
	x, y := elliptic.UnmarshalCompressed(curve, c)
	if x == nil {
		return nil, newErr(ErrMalformed, field, -1, "point not on the curve")
	}
	u := ub[:1+2*n]
	u[0] = 4
	x.FillBytes(u[1 : 1+n])
	y.FillBytes(u[1+n:])
	pub, err := ecdsa.ParseUncompressedPublicKey(curve, u)
	if err != nil {
		return nil, newErr(ErrMalformed, field, -1, "invalid point")
	}
	return pub, nil
}
