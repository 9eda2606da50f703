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
	// MaxBuffer bounds the plaintext a Decrypter holds in memory before
	// releasing it, checked as each frame is reached (Decrypt and
	// AppendDecrypt hold the whole message anyway and have no such bound):
	// a regular frame of a longer frame length, a final frame or non-framed
	// body of a longer stated length, and, for a signed suite without
	// ReleaseUnverified, a message whose plaintext grows longer, are refused
	// (ErrLimit) before any of their plaintext is released. 0 means
	// DefaultMaxBuffer.
	MaxBuffer int
	// ReleaseUnverified WEAKENS a Decrypter of a signed suite: it releases
	// each frame once its GCM tag checks, before the signature at the end
	// of the message is verified, so that a holder of the data key can
	// have forged what was released by the time Read reports the failed
	// signature. False (the default) holds a signed message's plaintext
	// until its signature verifies. Unsigned suites have nothing left to
	// verify once a frame's tag checks: every frame is released as it is
	// authenticated either way.
	ReleaseUnverified bool
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
	h      *Header
	ss     *session
	vk     *ecdsa.PublicKey
	hash   hash.Hash
	sum    [64]byte // signature digest scratch
	sess   session  // ss points here, unless replaced by net400Retry
	tag    [tagLen]byte
	zeroIV [ivLen]byte
}

func (p *DecryptParams) limits() (maxBuffer, maxHeader int) {
	maxBuffer, maxHeader = p.MaxBuffer, p.MaxHeaderSize
	if maxBuffer <= 0 {
		maxBuffer = DefaultMaxBuffer
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
	d := &decState{h: h, vk: vk}
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
		if n > maxNonFramedLength {
			return nil, nil, newErr(ErrMalformed, "body.content_length", off+12, fmt.Sprintf("content length %d over the format's limit", n))
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
// releases only verified plaintext: for unsigned suites each frame once its
// GCM tag checks (a non-framed body whole), for signed suites the whole
// plaintext once the signature at the end verifies (unless
// DecryptParams.ReleaseUnverified). What it holds meanwhile is bounded by
// DecryptParams.MaxBuffer, and grows with the bytes actually read, never
// with a length the message claims. A failed check is an error wrapping
// ErrAuthentication from Read; bytes after the message are an error.
type Decrypter struct {
	d   *decState
	r   *bufio.Reader
	off int64 // offset in the message of the next unread byte

	buf     []byte // ciphertext of the frame being read (then its plaintext)
	held    []byte // a signed message's plaintext, until the signature verifies
	hold    bool   // hold plaintext until the signature verifies
	maxBuf  int    // DecryptParams.MaxBuffer
	out     []byte // released, unread plaintext
	seq     uint32
	done    bool // the whole message was read and checked
	err     error
	scratch [24]byte
}

// NewDecrypter reads and authenticates the header of the message in r and
// returns a reader of its plaintext.
func NewDecrypter(r io.Reader, p DecryptParams) (*Decrypter, error) {
	maxBuf, maxHeader := p.limits()
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
	return &Decrypter{d: d, r: bufio.NewReaderSize(src, 16<<10), off: int64(len(h.raw)), seq: 1,
		hold: h.Suite.Signed() && !p.ReleaseUnverified, maxBuf: maxBuf}, nil
}

// readHeader reads exactly enough of r to parse a header, reading ahead at
// most what the reader returns; it returns the header and the bytes read
// past it. The parse resumes where it stopped after each read, and the
// buffer grows geometrically, so that the time and memory spent are linear
// in the header's size whatever the sizes of the reads.
func readHeader(r io.Reader, maxEDKs, maxSize int) (*Header, []byte, error) {
	hp := &headerParser{maxEDKs: maxEDKs, maxSize: maxSize}
	buf := make([]byte, 0, 1024)
	need := 1
	for {
		if need > cap(buf) {
			nb := append(make([]byte, 0, min(max(need, 2*cap(buf)), maxSize)), buf...)
			hp.move(nb)
			buf = nb
		}
		n, rerr := io.ReadAtLeast(r, buf[len(buf):cap(buf)], need-len(buf))
		buf = buf[:len(buf)+n]
		if rerr != nil && !errors.Is(rerr, io.EOF) && !errors.Is(rerr, io.ErrUnexpectedEOF) {
			return nil, nil, rerr
		}
		more, err := hp.parse(buf)
		if err != nil {
			return nil, nil, err
		}
		if more == 0 {
			h := &hp.h
			h.rebase(buf[:hp.p])
			return h, buf[hp.p:], nil
		}
		if rerr != nil {
			return nil, nil, newErr(ErrMalformed, "header", int64(len(buf)), "truncated")
		}
		need = more
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
			dr.fail(err)
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
			dr.fail(err)
			return total, err
		}
	}
}

// fail records err and wipes what was not released.
func (dr *Decrypter) fail(err error) {
	clear(dr.buf)
	clear(dr.held)
	dr.held, dr.out, dr.err = nil, nil, err
}

// admit checks, before a frame of n plaintext bytes is read, that it fits
// the buffer bound, and for a held signed message that the plaintext held
// with it does.
func (dr *Decrypter) admit(n uint64, field string) error {
	if n > uint64(dr.maxBuf) {
		return newErr(ErrLimit, field, dr.off, fmt.Sprintf("a frame of %d bytes is over the %d-byte buffer of streaming decryption; decrypt the message whole, or raise the bound", n, dr.maxBuf))
	}
	if dr.hold && uint64(len(dr.held))+n > uint64(dr.maxBuf) {
		return newErr(ErrLimit, field, dr.off, fmt.Sprintf("the plaintext of a signed message is held until its signature verifies, and this one is over the %d-byte buffer of streaming decryption; decrypt the message whole, raise the bound, or write streams with an unsigned suite", dr.maxBuf))
	}
	return nil
}

// next reads, authenticates and decrypts the next frame (or the body) into
// dr.out (dr.held while a signed message is held), and at the end of the
// body checks the footer and end of stream.
func (dr *Decrypter) next() error {
	d, ss, h := dr.d, dr.d.ss, dr.d.h
	sc := dr.scratch[:]
	var (
		buf   []byte // the frame's ciphertext and tag
		aad   []byte
		field string
	)
	final := false
	if h.ContentType == NonFramed {
		if err := dr.readFull(sc[:20], "body.content_length"); err != nil {
			return err
		}
		d.setIV(sc[:12])
		n := binary.BigEndian.Uint64(sc[12:])
		if n > maxNonFramedLength {
			return newErr(ErrMalformed, "body.content_length", dr.off-8, fmt.Sprintf("content length %d over the format's limit", n))
		}
		if err := dr.admit(n, "body.content_length"); err != nil {
			return err
		}
		field, aad, final = "body.content", ss.bodyAAD(aadSingleBlock, 1, n), true
		var err error
		if buf, err = dr.readGrow(int(n)+tagLen, field); err != nil {
			return err
		}
	} else {
		if err := dr.readFull(sc[:4], "body.sequence_number"); err != nil {
			return err
		}
		got := binary.BigEndian.Uint32(sc)
		seq := dr.seq
		var n uint32
		if got != 0xffffffff {
			if got != seq {
				return newErr(ErrMalformed, "body.sequence_number", dr.off-4, fmt.Sprintf("frame %d where %d was expected", got, seq))
			}
			if dr.seq == 0xffffffff {
				return newErr(ErrMalformed, "body.sequence_number", dr.off-4, "too many frames")
			}
			if err := dr.admit(uint64(h.FrameLength), "body.frame"); err != nil {
				return err
			}
			if err := dr.readFull(sc[:12], "body.iv"); err != nil {
				return err
			}
			d.setIV(sc[:12])
			n, field, aad = h.FrameLength, "body.frame", ss.bodyAAD(aadFrame, seq, uint64(h.FrameLength))
		} else {
			if err := dr.readFull(sc[:20], "body.final_frame"); err != nil {
				return err
			}
			if got := binary.BigEndian.Uint32(sc); got != seq {
				return newErr(ErrMalformed, "body.sequence_number", dr.off-20, fmt.Sprintf("final frame %d where %d was expected", got, seq))
			}
			d.setIV(sc[4:16])
			n = binary.BigEndian.Uint32(sc[16:])
			if n > h.FrameLength {
				return newErr(ErrMalformed, "body.final_frame.content_length", dr.off-4, "final frame longer than the frame length")
			}
			if err := dr.admit(uint64(n), "body.final_frame.content_length"); err != nil {
				return err
			}
			field, aad, final = "body.final_frame", ss.bodyAAD(aadFinalFrame, seq, uint64(n)), true
		}
		var err error
		if buf, err = dr.readGrow(int(n)+tagLen, field); err != nil {
			return err
		}
		dr.seq++
	}
	var pt []byte
	var err error
	if dr.hold && (!final || len(dr.held) > 0) {
		// Opened onto what is held; a final frame with nothing held
		// before it is opened in place, as released frames are.
		dr.held = growCap(dr.held, len(buf)-tagLen, dr.maxBuf)
		if dr.held, err = ss.aead.Open(dr.held, ss.iv[:], buf, aad); err != nil {
			return authErr(field, dr.off-int64(len(buf)))
		}
		if !final {
			return nil
		}
		pt = dr.held
	} else {
		if pt, err = ss.aead.Open(buf[:0], ss.iv[:], buf, aad); err != nil {
			return authErr(field, dr.off-int64(len(buf)))
		}
		if !final {
			dr.out = pt
			return nil
		}
	}
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
	return nil
}

// growCap returns b with room for n more bytes, doubling its capacity (up
// to limit) so that a held message is copied O(1) times per byte.
func growCap(b []byte, n, limit int) []byte {
	if cap(b)-len(b) >= n {
		return b
	}
	nb := make([]byte, len(b), max(len(b)+n, min(2*cap(b), limit)))
	copy(nb, b)
	clear(b)
	return nb
}

// readGrow reads n bytes into dr.buf, growing it as data arrives (doubling,
// up to n), so that memory follows the bytes read, not a stated length.
func (dr *Decrypter) readGrow(n int, field string) ([]byte, error) {
	const chunk = 1 << 20
	buf := dr.buf[:0]
	for len(buf) < n {
		want := min(n-len(buf), chunk)
		if cap(buf)-len(buf) < want {
			nb := make([]byte, len(buf), len(buf)+max(want, min(len(buf), n-len(buf))))
			copy(nb, buf)
			buf = nb
		}
		if err := dr.readFull(buf[len(buf):len(buf)+want], field); err != nil {
			dr.buf = buf
			return nil, err
		}
		buf = buf[:len(buf)+want]
	}
	dr.buf = buf
	return buf, nil
}
