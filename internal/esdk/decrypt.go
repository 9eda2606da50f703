package esdk

import (
	"bufio"
	"bytes"
	"crypto/ecdsa"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"io"
)

// DecryptParams are the callbacks and limits for reading one message.
type DecryptParams struct {
	// Materials is called once with the parsed, not yet authenticated
	// header. It returns the plaintext data key (Suite.DataKeyLen bytes)
	// and, for signed suites, the verification key; a nil verification key
	// means: decode it from the header's PublicKeyContextKey entry. The
	// returned data key slice is overwritten with zeros once the content key
	// is derived: return a copy if it is kept elsewhere.
	Materials func(h *Header) (dataKey []byte, verificationKey *ecdsa.PublicKey, err error)
	// AuthOnlyContext is the expected encryption context beyond what the
	// header stores: its pairs the header does not store are the encryption
	// context to only authenticate (EncryptParams.AuthOnlyContext) and are
	// included in the header authentication, so a missing or different
	// one fails it (ErrAuthentication). A pair the header stores must have
	// the same value (else ErrAuthentication, before Materials is called).
	AuthOnlyContext map[string]string
	// MaxEncryptedDataKeys refuses (ErrLimit) headers with more encrypted
	// data keys; 0 means no limit on the count (the header size still is).
	MaxEncryptedDataKeys int
	// AllowV1 is the commitment policy: false refuses (ErrUnsupportedSuite)
	// every suite without key commitment, true accepts them too.
	AllowV1 bool
	// RefuseSigned refuses (ErrUnsupportedSuite) suites with a signature.
	RefuseSigned bool
	// MaxFrameLength refuses (ErrLimit) a larger header frame length or
	// non-framed content length; 0 means DefaultMaxFrameLength.
	MaxFrameLength int
	// MaxHeaderSize refuses (ErrLimit) longer headers; 0 means
	// DefaultMaxHeaderSize.
	MaxHeaderSize int
	// Net400HeaderAuthRetry, when set, WEAKENS the header check: a header
	// authentication tag that fails is checked again as ESDK-.NET 4.0.0
	// computed it (see net400Retry), and if that matches this is called
	// before the header is accepted; its error fails the decryption. Nil
	// (the default) accepts only the specification's tag.
	Net400HeaderAuthRetry func(h *Header) error
}

// decState is what Decrypt and the streaming Decrypter share once the
// header is authenticated.
type decState struct {
	h        *Header
	ss       *session
	vk       *ecdsa.PublicKey
	hash     hash.Hash
	maxFrame int
	sum      [64]byte // signature digest scratch
	sess     session  // ss points here, unless replaced by net400Retry
	tag      [tagLen]byte
	zeroIV   [ivLen]byte
}

func (p *DecryptParams) limits() (maxFrame, maxHeader int) {
	maxFrame, maxHeader = p.MaxFrameLength, p.MaxHeaderSize
	if maxFrame <= 0 {
		maxFrame = DefaultMaxFrameLength
	}
	if maxHeader <= 0 {
		maxHeader = DefaultMaxHeaderSize
	}
	return
}

// openHeader applies the policy to a parsed header, obtains the materials,
// checks the key commitment and the header authentication tag.
func openHeader(p *DecryptParams, h *Header) (*decState, error) {
	s := h.Suite
	if !s.Committing && !p.AllowV1 {
		return nil, newErr(ErrUnsupportedSuite, "header.suite_id", -1, fmt.Sprintf("suite %v has no key commitment and the policy requires it", s.ID))
	}
	if s.Signed() && p.RefuseSigned {
		return nil, newErr(ErrUnsupportedSuite, "header.suite_id", -1, fmt.Sprintf("suite %v is signed and the policy refuses signed suites", s.ID))
	}
	maxFrame, _ := p.limits()
	if int64(h.FrameLength) > int64(maxFrame) {
		return nil, newErr(ErrLimit, "header.frame_length", -1, fmt.Sprintf("frame length %d, limit %d", h.FrameLength, maxFrame))
	}
	if p.Materials == nil {
		return nil, fmt.Errorf("esdk: DecryptParams.Materials is nil")
	}
	var authOnly map[string]string
	var err error
	if !allStored(h, p.AuthOnlyContext) {
		authOnly, err = authOnlyFor(h, p.AuthOnlyContext)
	}
	if err != nil {
		return nil, err
	}
	dataKey, vk, err := p.Materials(h)
	if err != nil {
		return nil, err
	}
	defer clear(dataKey)
	if len(dataKey) != s.DataKeyLen {
		return nil, fmt.Errorf("esdk: data key is %d bytes, suite %v needs %d", len(dataKey), s.ID, s.DataKeyLen)
	}
	if s.Signed() && vk == nil {
		enc, ok := h.EncryptionContext[PublicKeyContextKey]
		if !ok {
			return nil, newErr(ErrMalformed, "header.aad", -1, "signed suite without "+PublicKeyContextKey)
		}
		if vk, err = DecodePublicKey(enc, s.Curve); err != nil {
			return nil, err
		}
	}
	if s.Signed() && vk.Curve != s.Curve {
		return nil, fmt.Errorf("esdk: verification key is not on the suite's curve")
	}
	// One allocation holds the state, its session and scratch.
	d := &decState{h: h, vk: vk, maxFrame: maxFrame}
	ss := &d.sess
	if _, err := ss.init(s, dataKey, h.MessageID, h.SuiteData, true); err != nil {
		return nil, err
	}
	iv := d.zeroIV[:]
	if h.Version == 1 {
		iv = h.IV
	}
	aad, err := headerAuthAAD(h.raw[:h.bodyLen], authOnly)
	if err != nil {
		return nil, err
	}
	ss.aead.Seal(d.tag[:0], iv, nil, aad)
	if subtle.ConstantTimeCompare(d.tag[:], h.AuthTag) != 1 {
		if ss, err = net400Retry(p, h, ss, dataKey, iv, authOnly); err != nil {
			return nil, err
		}
	}
	d.ss = ss
	if s.Signed() {
		d.hash = s.SigHash.New()
		d.hash.Write(h.raw)
	}
	return d, nil
}

// allStored reports whether the header stores every expected pair with the
// expected value: then there is nothing to only authenticate (and
// authOnlyFor, which would build an empty map, is not needed).
func allStored(h *Header, expected map[string]string) bool {
	for k, v := range expected {
		if got, ok := h.EncryptionContext[k]; !ok || got != v {
			return false
		}
	}
	return true
}

// verify checks the footer signature sig over everything hashed.
func (d *decState) verify(sig []byte, off int64) error {
	if !ecdsa.VerifyASN1(d.vk, d.hash.Sum(d.sum[:0]), sig) {
		return newErr(ErrAuthentication, "footer.signature", off, "signature verification failed")
	}
	return nil
}

// setIV loads the IV serialized with a frame. The specification has
// writers use the sequence number, but messages from some implementations
// carry other IVs, and the GCM tag authenticates whichever IV was used.
func (d *decState) setIV(got []byte) { copy(d.ss.iv[:], got) }

func authErr(field string, off int64) error {
	return newErr(ErrAuthentication, field, off, "GCM authentication failed")
}

// Decrypt decrypts a whole message. It returns nothing but an error unless
// every frame, the header and (for signed suites) the signature verify and
// no bytes follow the message.
func Decrypt(p DecryptParams, msg []byte) ([]byte, *Header, error) {
	return decrypt(&p, nil, msg, true)
}

// AppendDecrypt is Decrypt appending the plaintext to dst, in the
// crypto/cipher.AEAD.Open idiom: it writes into dst's spare capacity when
// that can hold the body of msg (an upper bound of the plaintext), and
// otherwise allocates. The spare capacity of dst must not overlap msg. On
// error it returns nil; dst's spare capacity may then have been
// overwritten with zeros.
func AppendDecrypt(p DecryptParams, dst, msg []byte) ([]byte, error) {
	out, _, err := decrypt(&p, dst, msg, false)
	return out, err
}

func decrypt(p *DecryptParams, dst, msg []byte, keepHeader bool) (res []byte, _ *Header, err error) {
	_, maxHeader := p.limits()
	h, hn, err := parseHeader(msg, p.MaxEncryptedDataKeys, maxHeader)
	if errors.Is(err, errNeedMore) {
		return nil, nil, newErr(ErrMalformed, "header", int64(len(msg)), "truncated")
	}
	if err != nil {
		return nil, nil, err
	}
	body := msg[hn:]
	var out []byte
	if keepHeader {
		// One allocation holds the plaintext (at most the body's size)
		// and, after it, a private copy of the header, so that the header
		// does not alias msg. The plaintext's capacity ends where the
		// header starts.
		mem := make([]byte, len(body)+hn)
		h.rebase(mem[len(body):])
		copy(mem[len(body):], msg[:hn])
		out = mem[:0:len(body)]
	} else {
		// The header is not returned: it may alias msg for the call.
		base := dst
		if cap(dst)-len(dst) < len(body) {
			base = make([]byte, len(dst), len(dst)+len(body))
			copy(base, dst)
		}
		spare := base[len(base) : len(base)+len(body)]
		out = spare[:0]
		defer func() {
			if err != nil {
				clear(spare) // released no unauthenticated plaintext
				return
			}
			res = base[:len(base)+len(res)]
		}()
	}
	d, err := openHeader(p, h)
	if err != nil {
		return nil, nil, err
	}
	off := int64(hn)
	trunc := func(field string) error {
		return newErr(ErrMalformed, field, int64(len(msg)), "truncated")
	}
	ss := d.ss
	if h.ContentType == NonFramed {
		if len(body) < 20 {
			return nil, nil, trunc("body.content_length")
		}
		d.setIV(body[:12])
		n := binary.BigEndian.Uint64(body[12:])
		if n > maxNonFramedLength || n > uint64(d.maxFrame) {
			return nil, nil, newErr(ErrLimit, "body.content_length", off+12, fmt.Sprintf("content length %d over the limit", n))
		}
		if uint64(len(body)-20) < n+tagLen {
			return nil, nil, trunc("body.content")
		}
		ct := body[20 : 20+int(n)+tagLen]
		if out, err = ss.aead.Open(out, ss.iv[:], ct, ss.bodyAAD(aadSingleBlock, 1, n)); err != nil {
			return nil, nil, authErr("body.content", off+20)
		}
		if d.hash != nil {
			d.hash.Write(body[:20+len(ct)])
		}
		body = body[20+len(ct):]
		off += int64(20 + len(ct))
	} else {
		frame := int(h.FrameLength)
		for seq := uint32(1); ; seq++ {
			if len(body) < 4 {
				return nil, nil, trunc("body.sequence_number")
			}
			got := binary.BigEndian.Uint32(body)
			if got != 0xffffffff {
				if got != seq {
					return nil, nil, newErr(ErrMalformed, "body.sequence_number", off, fmt.Sprintf("frame %d where %d was expected", got, seq))
				}
				if len(body)-16 < frame+tagLen {
					return nil, nil, trunc("body.frame")
				}
				d.setIV(body[4:16])
				ct := body[16 : 16+frame+tagLen]
				if out, err = ss.aead.Open(out, ss.iv[:], ct, ss.bodyAAD(aadFrame, seq, uint64(frame))); err != nil {
					return nil, nil, authErr("body.frame", off+16)
				}
				if d.hash != nil {
					d.hash.Write(body[:16+len(ct)])
				}
				body = body[16+len(ct):]
				off += int64(16 + len(ct))
				continue
			}
			if len(body) < 24 {
				return nil, nil, trunc("body.final_frame")
			}
			if got := binary.BigEndian.Uint32(body[4:]); got != seq {
				return nil, nil, newErr(ErrMalformed, "body.sequence_number", off+4, fmt.Sprintf("final frame %d where %d was expected", got, seq))
			}
			d.setIV(body[8:20])
			n := binary.BigEndian.Uint32(body[20:])
			if n > h.FrameLength {
				return nil, nil, newErr(ErrMalformed, "body.final_frame.content_length", off+20, "final frame longer than the frame length")
			}
			if uint64(len(body)-24) < uint64(n)+tagLen {
				return nil, nil, trunc("body.final_frame")
			}
			ct := body[24 : 24+int(n)+tagLen]
			if out, err = ss.aead.Open(out, ss.iv[:], ct, ss.bodyAAD(aadFinalFrame, seq, uint64(n))); err != nil {
				return nil, nil, authErr("body.final_frame", off+24)
			}
			if d.hash != nil {
				d.hash.Write(body[:24+len(ct)])
			}
			body = body[24+len(ct):]
			off += int64(24 + len(ct))
			break
		}
	}
	if d.hash != nil {
		// Every frame was hashed as it was opened (while in cache).
		if len(body) < 2 {
			return nil, nil, trunc("footer.signature_length")
		}
		n := int(binary.BigEndian.Uint16(body))
		if len(body)-2 < n {
			return nil, nil, trunc("footer.signature")
		}
		if err := d.verify(body[2:2+n], off+2); err != nil {
			return nil, nil, err
		}
		body = body[2+n:]
		off += int64(2 + n)
	}
	if len(body) != 0 {
		return nil, nil, newErr(ErrMalformed, "message", off, "trailing bytes after the message")
	}
	return out, h, nil
}

// Decrypter reads a message from a stream and returns its plaintext. It
// buffers one frame at a time (a non-framed body whole) and releases only
// authenticated plaintext. For signed suites the final frame is released
// only once the signature verifies; a failed signature is an error wrapping
// ErrAuthentication from Read. Bytes after the message are an error.
type Decrypter struct {
	d   *decState
	r   *bufio.Reader
	off int64 // offset in the message of the next unread byte

	buf     []byte // frame buffer
	out     []byte // released, unread plaintext
	seq     uint32
	done    bool // the whole message was read and checked
	err     error
	scratch [24]byte
}

// NewDecrypter reads and authenticates the header of the message in r and
// returns a reader of its plaintext.
func NewDecrypter(r io.Reader, p DecryptParams) (*Decrypter, error) {
	_, maxHeader := p.limits()
	h, rest, err := readHeader(r, p.MaxEncryptedDataKeys, maxHeader)
	if err != nil {
		return nil, err
	}
	d, err := openHeader(&p, h)
	if err != nil {
		return nil, err
	}
	var src io.Reader = r
	if len(rest) > 0 {
		src = io.MultiReader(bytes.NewReader(rest), r)
	}
	return &Decrypter{d: d, r: bufio.NewReaderSize(src, 16<<10), off: int64(len(h.raw)), seq: 1}, nil
}

// readHeader reads exactly enough of r to parse a header, reading ahead at
// most what the reader returns; it returns the header and the bytes read
// past it.
func readHeader(r io.Reader, maxEDKs, maxSize int) (*Header, []byte, error) {
	buf := make([]byte, 0, 1024)
	need := 1
	for {
		if need > cap(buf) {
			// Grow geometrically so that a long header costs few parses.
			c := min(max(need, 2*cap(buf)), maxSize)
			buf = append(make([]byte, 0, c), buf...)
		}
		n, rerr := io.ReadAtLeast(r, buf[len(buf):cap(buf)], need-len(buf))
		buf = buf[:len(buf)+n]
		if rerr != nil && !errors.Is(rerr, io.EOF) && !errors.Is(rerr, io.ErrUnexpectedEOF) {
			return nil, nil, rerr
		}
		h, hn, err := parseHeader(buf, maxEDKs, maxSize)
		if err == nil {
			h.rebase(buf[:hn])
			return h, buf[hn:], nil
		}
		var nm needMore
		if !errors.As(err, &nm) {
			return nil, nil, err
		}
		if rerr != nil {
			return nil, nil, newErr(ErrMalformed, "header", int64(len(buf)), "truncated")
		}
		need = nm.total
	}
}

// Header returns the message header (authenticated).
func (dr *Decrypter) Header() *Header { return dr.d.h }

func (dr *Decrypter) readFull(b []byte, field string) error {
	if _, err := io.ReadFull(dr.r, b); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return newErr(ErrMalformed, field, dr.off, "truncated")
		}
		return err
	}
	if dr.d.hash != nil {
		dr.d.hash.Write(b)
	}
	dr.off += int64(len(b))
	return nil
}

// Read implements io.Reader.
func (dr *Decrypter) Read(p []byte) (int, error) {
	for len(dr.out) == 0 {
		if dr.err != nil {
			return 0, dr.err
		}
		if dr.done {
			return 0, io.EOF
		}
		if err := dr.next(); err != nil {
			clear(dr.buf)
			dr.out = nil
			dr.err = err
			return 0, err
		}
	}
	n := copy(p, dr.out)
	dr.out = dr.out[n:]
	return n, nil
}

// WriteTo implements io.WriterTo (io.Copy uses it): it writes the
// plaintext to w a frame at a time as frames are authenticated, without the
// copy through a caller's buffer that Read makes. It releases exactly what
// Read would, and returns nil at the end of a valid message.
func (dr *Decrypter) WriteTo(w io.Writer) (int64, error) {
	var total int64
	for {
		if len(dr.out) > 0 {
			n, err := w.Write(dr.out)
			total += int64(n)
			dr.out = dr.out[n:]
			if err == nil && len(dr.out) > 0 {
				err = io.ErrShortWrite
			}
			if err != nil {
				return total, err
			}
		}
		if dr.err != nil {
			return total, dr.err
		}
		if dr.done {
			return total, nil
		}
		if err := dr.next(); err != nil {
			clear(dr.buf)
			dr.out = nil
			dr.err = err
			return total, err
		}
	}
}

// grow returns dr.buf resized to n bytes.
func (dr *Decrypter) grow(n int) []byte {
	if cap(dr.buf) < n {
		dr.buf = make([]byte, n)
	}
	return dr.buf[:n]
}

// next reads, authenticates and decrypts the next frame (or the body) into
// dr.out, and at the end of the body checks the footer and end of stream.
func (dr *Decrypter) next() error {
	d, ss, h := dr.d, dr.d.ss, dr.d.h
	sc := dr.scratch[:]
	var pt []byte
	final := false
	if h.ContentType == NonFramed {
		if err := dr.readFull(sc[:20], "body.content_length"); err != nil {
			return err
		}
		d.setIV(sc[:12])
		n := binary.BigEndian.Uint64(sc[12:])
		if n > maxNonFramedLength || n > uint64(d.maxFrame) {
			return newErr(ErrLimit, "body.content_length", dr.off-8, fmt.Sprintf("content length %d over the limit", n))
		}
		// The length is not authenticated yet: grow the buffer as data
		// actually arrives rather than trusting it.
		buf, err := dr.readGrow(int(n)+tagLen, "body.content")
		if err != nil {
			return err
		}
		if pt, err = ss.aead.Open(buf[:0], ss.iv[:], buf, ss.bodyAAD(aadSingleBlock, 1, n)); err != nil {
			return authErr("body.content", dr.off-int64(len(buf)))
		}
		final = true
	} else {
		if err := dr.readFull(sc[:4], "body.sequence_number"); err != nil {
			return err
		}
		got := binary.BigEndian.Uint32(sc)
		seq := dr.seq
		if got != 0xffffffff {
			if got != seq {
				return newErr(ErrMalformed, "body.sequence_number", dr.off-4, fmt.Sprintf("frame %d where %d was expected", got, seq))
			}
			if err := dr.readFull(sc[:12], "body.iv"); err != nil {
				return err
			}
			d.setIV(sc[:12])
			buf := dr.grow(int(h.FrameLength) + tagLen)
			if err := dr.readFull(buf, "body.frame"); err != nil {
				return err
			}
			var err error
			if pt, err = ss.aead.Open(buf[:0], ss.iv[:], buf, ss.bodyAAD(aadFrame, seq, uint64(h.FrameLength))); err != nil {
				return authErr("body.frame", dr.off-int64(len(buf)))
			}
			if dr.seq == 0xfffffffe {
				return newErr(ErrMalformed, "body.sequence_number", dr.off, "too many frames")
			}
			dr.seq++
			dr.out = pt
			return nil
		}
		if err := dr.readFull(sc[:20], "body.final_frame"); err != nil {
			return err
		}
		if got := binary.BigEndian.Uint32(sc); got != seq {
			return newErr(ErrMalformed, "body.sequence_number", dr.off-20, fmt.Sprintf("final frame %d where %d was expected", got, seq))
		}
		d.setIV(sc[4:16])
		n := binary.BigEndian.Uint32(sc[16:])
		if n > h.FrameLength {
			return newErr(ErrMalformed, "body.final_frame.content_length", dr.off-4, "final frame longer than the frame length")
		}
		buf := dr.grow(int(n) + tagLen)
		if err := dr.readFull(buf, "body.final_frame"); err != nil {
			return err
		}
		var err error
		if pt, err = ss.aead.Open(buf[:0], ss.iv[:], buf, ss.bodyAAD(aadFinalFrame, seq, uint64(n))); err != nil {
			return authErr("body.final_frame", dr.off-int64(len(buf)))
		}
		final = true
	}
	if final {
		if d.hash != nil {
			var sig [2]byte
			if _, err := io.ReadFull(dr.r, sig[:]); err != nil {
				return newErr(ErrMalformed, "footer.signature_length", dr.off, "truncated")
			}
			n := int(binary.BigEndian.Uint16(sig[:]))
			if n > maxSigLen {
				return newErr(ErrMalformed, "footer.signature_length", dr.off, "signature too long")
			}
			var sb [maxSigLen]byte
			if _, err := io.ReadFull(dr.r, sb[:n]); err != nil {
				return newErr(ErrMalformed, "footer.signature", dr.off+2, "truncated")
			}
			if err := d.verify(sb[:n], dr.off+2); err != nil {
				return err
			}
			dr.off += int64(2 + n)
		}
		var one [1]byte
		if n, err := io.ReadFull(dr.r, one[:]); n > 0 {
			return newErr(ErrMalformed, "message", dr.off, "trailing bytes after the message")
		} else if err != nil && err != io.EOF {
			return err
		}
		dr.done = true
		dr.out = pt
	}
	return nil
}

// readGrow reads n bytes into dr.buf, growing it as data arrives.
func (dr *Decrypter) readGrow(n int, field string) ([]byte, error) {
	const chunk = 1 << 20
	buf := dr.buf[:0]
	for len(buf) < n {
		want := min(n-len(buf), chunk)
		if cap(buf)-len(buf) < want {
			buf = append(buf, make([]byte, want)...)[:len(buf)]
		}
		if err := dr.readFull(buf[len(buf):len(buf)+want], field); err != nil {
			return nil, err
		}
		buf = buf[:len(buf)+want]
	}
	dr.buf = buf
	return buf, nil
}
