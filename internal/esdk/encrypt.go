package esdk

import (
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"hash"
	"io"
)

// EncryptParams are the materials and options for writing one message.
type EncryptParams struct {
	Suite             *Suite             // the algorithm suite (from LookupSuite)
	DataKey           []byte             // plaintext data key, Suite.DataKeyLen bytes; not modified
	EncryptedDataKeys []EncryptedDataKey // at least one
	// EncryptionContext is stored in the header as is; for signed suites it
	// must already hold PublicKeyContextKey (see EncodePublicKey).
	EncryptionContext map[string]string
	FrameLength       int               // frame length in bytes; 0 means DefaultFrameLength
	NonFramed         bool              // write a legacy non-framed body (the specification forbids new ones)
	SigningKey        *ecdsa.PrivateKey // required if and only if the suite signs
	MessageID         []byte            // nil means random; otherwise 16 (v1) or 32 (v2) bytes, for tests

	// AuthOnlyContext is the encryption context to only authenticate: pairs
	// not stored in the message but included in its header authentication
	// (the specification's required encryption context). A decrypter must
	// supply them (DecryptParams.AuthOnlyContext). No key may also be in
	// EncryptionContext.
	AuthOnlyContext map[string]string
}

// encState is what Encrypt and NewEncrypter share: the serialized header,
// the content cipher and the signature hash.
type encState struct {
	suite  *Suite
	header []byte
	ss     *session
	frame  int
	signer *ecdsa.PrivateKey
	hash   hash.Hash

	// Storage allocated with the state rather than separately: the
	// session, the message id, the commitment and the header tag.
	sess   session
	hdr    Header
	msgID  [32]byte
	commit [32]byte
	tag    [tagLen]byte
	sum    [64]byte // signature digest scratch
}

func newEncState(p *EncryptParams) (*encState, error) {
	s := p.Suite
	if s == nil {
		return nil, fmt.Errorf("esdk: EncryptParams.Suite is nil")
	}
	if _, err := LookupSuite(s.ID); err != nil {
		return nil, err
	}
	if len(p.DataKey) != s.DataKeyLen {
		return nil, fmt.Errorf("esdk: data key is %d bytes, suite %v needs %d", len(p.DataKey), s.ID, s.DataKeyLen)
	}
	if s.Signed() != (p.SigningKey != nil) {
		return nil, fmt.Errorf("esdk: suite %v: signing key must be given if and only if the suite signs", s.ID)
	}
	if p.SigningKey != nil && p.SigningKey.Curve != s.Curve {
		return nil, fmt.Errorf("esdk: signing key is not on the suite's curve")
	}
	frame := p.FrameLength
	switch {
	case p.NonFramed:
		frame = 0
	case frame == 0:
		frame = DefaultFrameLength
	case frame < 0 || int64(frame) > 0xffffffff:
		return nil, newErr(ErrLimit, "frame_length", -1, "frame length out of range")
	}
	e := &encState{suite: s, frame: frame, signer: p.SigningKey}
	h := &e.hdr
	*h = Header{
		Version:           s.MessageVersion,
		Suite:             s,
		EncryptionContext: p.EncryptionContext,
		EncryptedDataKeys: p.EncryptedDataKeys,
		ContentType:       Framed,
		FrameLength:       uint32(frame),
	}
	if p.NonFramed {
		h.ContentType = NonFramed
	}
	idLen := 16
	if h.Version == 2 {
		idLen = 32
	}
	h.MessageID = e.msgID[:idLen:idLen]
	if p.MessageID != nil {
		if len(p.MessageID) != idLen {
			return nil, fmt.Errorf("esdk: message id is %d bytes, version %d needs %d", len(p.MessageID), h.Version, idLen)
		}
		copy(h.MessageID, p.MessageID)
	} else {
		if _, err := rand.Read(h.MessageID); err != nil {
			return nil, err
		}
	}
	ss := &e.sess
	e.ss = ss
	commit, err := ss.init(s, p.DataKey, h.MessageID, nil, false)
	if err != nil {
		return nil, err
	}
	if commit != nil {
		h.SuiteData = e.commit[:copy(e.commit[:], commit):len(commit)]
		clear(commit)
	}
	b, err := h.appendBody(nil)
	if err != nil {
		return nil, err
	}
	var zero [ivLen]byte
	if h.Version == 1 {
		b = append(b, zero[:]...)
	}
	// Header authentication: GCM over an empty plaintext with IV 0; the AAD
	// is the header body and the encryption context to only authenticate.
	if err := checkAuthOnlyEncrypt(p.EncryptionContext, p.AuthOnlyContext); err != nil {
		return nil, err
	}
	aad, err := headerAuthAAD(b[:len(b)-len(zero)*(2-h.Version)], p.AuthOnlyContext)
	if err != nil {
		return nil, err
	}
	clear(ss.iv[:])
	ss.aead.Seal(e.tag[:0], ss.iv[:], nil, aad)
	b = append(b, e.tag[:]...)
	e.header = b
	if s.Signed() {
		e.hash = s.SigHash.New()
	}
	return e, nil
}

// maxSigLen bounds a DER ECDSA signature on P-256 or P-384.
const maxSigLen = 2 + 2*(2+1+48) + 2

// sign returns the footer for the digest of everything hashed so far.
func (e *encState) footer(dst []byte) ([]byte, error) {
	sig, err := ecdsa.SignASN1(rand.Reader, e.signer, e.hash.Sum(e.sum[:0]))
	if err != nil {
		return nil, err
	}
	dst = binary.BigEndian.AppendUint16(dst, uint16(len(sig)))
	return append(dst, sig...), nil
}

// sealFrame encrypts pt as regular frame seq into dst, which must have
// room for the frame (16+len(pt)+tagLen bytes). pt must not overlap dst
// unless it is exactly dst[16:16+len(pt)] (in place). It returns the
// serialized frame.
func (e *encState) sealFrame(dst []byte, seq uint32, pt []byte) []byte {
	ss := e.ss
	binary.BigEndian.PutUint32(dst, seq)
	iv := ss.seqIV(seq)
	copy(dst[4:16], iv)
	ss.aead.Seal(dst[16:16], iv, pt, ss.bodyAAD(aadFrame, seq, uint64(len(pt))))
	return dst[:16+len(pt)+tagLen]
}

// sealFinal encrypts pt as the final frame seq into dst, which must have
// room for 24+len(pt)+tagLen bytes; pt is either disjoint from dst or
// exactly dst[24:24+len(pt)].
func (e *encState) sealFinal(dst []byte, seq uint32, pt []byte) []byte {
	ss := e.ss
	binary.BigEndian.PutUint32(dst, 0xffffffff)
	binary.BigEndian.PutUint32(dst[4:], seq)
	iv := ss.seqIV(seq)
	copy(dst[8:20], iv)
	binary.BigEndian.PutUint32(dst[20:], uint32(len(pt)))
	ss.aead.Seal(dst[24:24], iv, pt, ss.bodyAAD(aadFinalFrame, seq, uint64(len(pt))))
	return dst[:24+len(pt)+tagLen]
}

// sealSingle encrypts pt as a non-framed body into dst, which must have
// room for 20+len(pt)+tagLen bytes; pt is either disjoint from dst or
// exactly dst[20:20+len(pt)].
func (e *encState) sealSingle(dst []byte, pt []byte) []byte {
	ss := e.ss
	iv := ss.seqIV(1)
	copy(dst, iv)
	binary.BigEndian.PutUint64(dst[12:], uint64(len(pt)))
	ss.aead.Seal(dst[20:20], iv, pt, ss.bodyAAD(aadSingleBlock, 1, uint64(len(pt))))
	return dst[:20+len(pt)+tagLen]
}

// framedBodySize returns the number of frames and the body size for n
// bytes of plaintext: full regular frames, then a final frame holding the
// rest (a full frame when n is a non-zero multiple of the frame length).
func framedBodySize(n, frame int) (frames int, size int64) {
	regular := 0
	if n > 0 {
		regular = (n - 1) / frame
	}
	last := n - regular*frame
	return regular + 1, int64(regular)*int64(16+frame+tagLen) + int64(24+last+tagLen)
}

// Encrypt encrypts plaintext as one message and returns it. The output is
// allocated once, at its exact size (plus room for the signature).
func Encrypt(p EncryptParams, plaintext []byte) ([]byte, error) {
	return AppendEncrypt(nil, p, plaintext)
}

// AppendEncrypt is Encrypt appending the message to dst, in the
// crypto/cipher.AEAD.Seal idiom: it writes into dst's spare capacity when
// that can hold the message, and otherwise allocates once. plaintext must
// not overlap dst's spare capacity. On error it returns nil.
func AppendEncrypt(dst []byte, p EncryptParams, plaintext []byte) ([]byte, error) {
	e, err := newEncState(&p)
	if err != nil {
		return nil, err
	}
	n := len(plaintext)
	var bodySize int64
	frames := 1
	if e.frame == 0 {
		if int64(n) > maxNonFramedLength {
			return nil, newErr(ErrLimit, "body.content_length", -1, "plaintext longer than 2^36-32 bytes")
		}
		bodySize = int64(20 + n + tagLen)
	} else {
		frames, bodySize = framedBodySize(n, e.frame)
		if int64(frames) > 0xffffffff {
			return nil, newErr(ErrLimit, "body.sequence_number", -1, "more than 2^32-1 frames")
		}
	}
	total := int64(len(e.header)) + bodySize
	if e.hash != nil {
		total += maxSigLen
	}
	if total > int64(maxInt-len(dst)) {
		return nil, newErr(ErrLimit, "message", -1, "message too large")
	}
	// At most one exact-size allocation; every frame is sealed straight
	// from the caller's plaintext into it (no staging copy) and, for signed
	// suites, hashed while it is still in cache.
	base := dst
	if int64(cap(dst)-len(dst)) < total {
		base = make([]byte, len(dst), len(dst)+int(total))
		copy(base, dst)
	}
	out := base[len(base) : len(base)+int(total)]
	off := copy(out, e.header)
	if e.hash != nil {
		e.hash.Write(e.header)
	}
	var fr []byte
	if e.frame == 0 {
		fr = e.sealSingle(out[off:], plaintext)
		off += len(fr)
	} else {
		for seq := 1; seq < frames; seq++ {
			fr = e.sealFrame(out[off:], uint32(seq), plaintext[:e.frame])
			plaintext = plaintext[e.frame:]
			off += len(fr)
			if e.hash != nil {
				e.hash.Write(fr)
			}
		}
		fr = e.sealFinal(out[off:], uint32(frames), plaintext)
		off += len(fr)
	}
	out = out[:off]
	if e.hash != nil {
		e.hash.Write(fr)
		if out, err = e.footer(out); err != nil {
			return nil, err
		}
	}
	return base[:len(base)+len(out)], nil
}

const maxInt = int(^uint(0) >> 1)

// Encrypter is the io.WriteCloser returned by NewEncrypter.
type encrypter struct {
	w    io.Writer
	e    *encState
	buf  []byte // frame scratch: plaintext at buf[24:24+fill]
	fill int
	seq  uint32
	err  error
	done bool
}

// NewEncrypter writes the message header to w at once and returns a writer
// that encrypts what is written to it. Framed bodies are written a frame at
// a time as data fills them; Close writes the final frame and, for signed
// suites, the footer. Close does not close w. A non-framed body is buffered
// whole until Close.
func NewEncrypter(w io.Writer, p EncryptParams) (io.WriteCloser, error) {
	e, err := newEncState(&p)
	if err != nil {
		return nil, err
	}
	enc := &encrypter{w: w, e: e, seq: 1}
	if e.frame > 0 {
		enc.buf = make([]byte, 24+min(e.frame, initialFrameBuffer)+tagLen)
	}
	if err := enc.emit(e.header); err != nil {
		return nil, err
	}
	return enc, nil
}

func (enc *encrypter) emit(b []byte) error {
	if enc.e.hash != nil {
		enc.e.hash.Write(b)
	}
	_, err := enc.w.Write(b)
	if err != nil {
		enc.err = err
	}
	return err
}

// Write encrypts p. A frame is sealed and written only once it is full and
// more data follows, so that a full last frame becomes the final frame.
func (enc *encrypter) Write(p []byte) (int, error) {
	if enc.err != nil {
		return 0, enc.err
	}
	if enc.done {
		return 0, fmt.Errorf("esdk: write after Close")
	}
	if enc.e.frame == 0 {
		if int64(len(enc.buf))+int64(len(p)) > maxNonFramedLength {
			enc.err = newErr(ErrLimit, "body.content_length", -1, "plaintext longer than 2^36-32 bytes")
			return 0, enc.err
		}
		if enc.buf == nil {
			enc.buf = make([]byte, 20, 20+len(p)+tagLen)
		}
		enc.buf = append(enc.buf, p...)
		return len(p), nil
	}
	written := 0
	frame := enc.e.frame
	for len(p) > 0 {
		full := enc.fill == frame
		direct := enc.fill == 0 && len(p) > frame
		if full || direct {
			// A whole frame with more data after it: seal it, from the
			// buffer or (nothing buffered) straight from p.
			if enc.seq == 0xffffffff {
				enc.err = newErr(ErrLimit, "body.sequence_number", -1, "more than 2^32-1 frames")
				return written, enc.err
			}
			enc.room(frame)
			pt := enc.buf[24 : 24+frame]
			if direct {
				pt = p[:frame]
			}
			fr := enc.e.sealFrame(enc.buf[8:], enc.seq, pt)
			enc.seq++
			enc.fill = 0
			if direct {
				written += frame
				p = p[frame:]
			}
			if err := enc.emit(fr); err != nil {
				return written, err
			}
			continue
		}
		enc.room(min(frame, enc.fill+len(p)))
		n := copy(enc.buf[24+enc.fill:min(24+frame, len(enc.buf)-tagLen)], p)
		enc.fill += n
		written += n
		p = p[n:]
	}
	return written, nil
}

// initialFrameBuffer bounds the frame buffer an encrypter allocates up
// front; a longer frame's buffer grows as data is written (see room).
const initialFrameBuffer = 64 << 10

// room makes enc.buf hold a frame of n plaintext bytes (n at most the frame
// length) and its framing, growing it geometrically: memory follows the
// data written, not the frame length, which may be up to 2^32-1.
func (enc *encrypter) room(n int) {
	need := 24 + n + tagLen
	if len(enc.buf) >= need {
		return
	}
	nb := make([]byte, min(max(need, 2*len(enc.buf)), 24+enc.e.frame+tagLen))
	copy(nb, enc.buf[:24+enc.fill])
	clear(enc.buf)
	enc.buf = nb
}

// Close writes the final frame (or the non-framed body) and the footer.
func (enc *encrypter) Close() error {
	if enc.err != nil {
		return enc.err
	}
	if enc.done {
		return nil
	}
	enc.done = true
	var body []byte
	if enc.e.frame == 0 {
		if enc.buf == nil {
			enc.buf = make([]byte, 20, 20+tagLen)
		}
		n := len(enc.buf) - 20
		enc.buf = append(enc.buf, make([]byte, tagLen)...)
		body = enc.e.sealSingle(enc.buf, enc.buf[20:20+n])
	} else {
		body = enc.e.sealFinal(enc.buf, enc.seq, enc.buf[24:24+enc.fill])
	}
	if err := enc.emit(body); err != nil {
		return err
	}
	clear(enc.buf)
	if enc.e.hash != nil {
		f, err := enc.e.footer(nil)
		if err != nil {
			enc.err = err
			return err
		}
		_, err = enc.w.Write(f)
		enc.err = err
		return err
	}
	return nil
}
