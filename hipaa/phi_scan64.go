package hipaa

import (
	"encoding/binary"
	"math/bits"
)

// The fast path for names of at most 64 bytes: the bytes are classified
// eight at a time (SWAR) into one bit per byte for each class, and the
// word and token boundaries come out of a few operations on these masks,
// so the tokenizer has no per-byte branch. It finds exactly the tokens of
// tokenize.

const (
	swarOnes  = 0x0101010101010101
	swarHighs = 0x8080808080808080
)

// swarGE sets the high bit of each byte of t (high bits clear) that is >= c.
func swarGE(t uint64, c byte) uint64 { return (t + (0x80-uint64(c))*swarOnes) & swarHighs }

// swarEq sets the high bit of each byte of x equal to c.
func swarEq(x uint64, c byte) uint64 {
	y := x ^ uint64(c)*swarOnes
	return ^(((y &^ swarHighs) + 0x7f7f7f7f7f7f7f7f) | y) & swarHighs
}

// movemask gathers the high bits of the bytes of m into the low 8 bits.
func movemask(m uint64) uint64 { return ((m >> 7) * 0x0102040810204080) >> 56 }

// byteMasks are one bit per byte of the name, for each byte class.
type byteMasks struct {
	digit, upper, lower, high, hex, raw uint64 // raw: bytes that can start a raw-pass match
	ndash                               int
}

// classify64 classifies the name (at most 64 bytes) and writes its
// lower-cased bytes, zero-padded, into sc.buf.
func (sc *scanner) classify64() (m byteMasks) {
	s := sc.name
	n := len(s)
	if cap(sc.buf) < 96 {
		sc.buf = make([]byte, 256)
	}
	buf := sc.buf[:96]
	var dash uint64
	for c := 0; c*8 < n; c++ {
		i := c * 8
		var x uint64
		if i+8 <= n {
			x = le64(s, i)
		} else {
			for k := n - 1; k >= i; k-- {
				x = x<<8 | uint64(s[k])
			}
		}
		hi := x & swarHighs
		t := x &^ swarHighs
		dig := (swarGE(t, '0') &^ swarGE(t, '9'+1)) &^ hi
		up := (swarGE(t, 'A') &^ swarGE(t, 'Z'+1)) &^ hi
		lo := (swarGE(t, 'a') &^ swarGE(t, 'z'+1)) &^ hi
		tl := t | 0x2020202020202020
		hx := dig | (swarGE(tl, 'a')&^swarGE(tl, 'f'+1))&^hi
		lx := x | up>>2
		binary.LittleEndian.PutUint64(buf[i:i+8], lx)
		d := swarEq(x, '-')
		dash |= movemask(d) << i
		raw := d | swarEq(x, '@') | swarEq(x, ':') | swarEq(x|0x2020202020202020, 'w')
		m.digit |= movemask(dig) << i
		m.upper |= movemask(up) << i
		m.lower |= movemask(lo) << i
		m.high |= movemask(hi) << i
		m.hex |= movemask(hx) << i
		m.raw |= movemask(raw) << i
	}
	// The bytes after the name in buf are stale: a key masks them off.
	m.ndash = bits.OnesCount64(dash)
	return m
}

// le64 loads s[i:i+8] little-endian.
func le64(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// rawPass64 is rawPass visiting only the bytes in m.raw.
func (sc *scanner) rawPass64(raw uint64) {
	s := sc.name
	i := -1
	for ; raw != 0; raw &= raw - 1 {
		p := bits.TrailingZeros64(raw)
		if p <= i {
			continue
		}
		i = sc.rawAt(s, p)
	}
}

// tokenize64 is tokenize for a name of at most 64 bytes classified into m.
func (sc *scanner) tokenize64(m *byteMasks) {
	alnum := m.digit | m.upper | m.lower | m.high
	lh := m.lower | m.high
	// split at a digit change, at aB, and at ABc (before B)
	split := alnum & (alnum << 1) & ((m.digit ^ (m.digit << 1)) | ((lh << 1) & m.upper) |
		((m.upper << 1) & m.upper & (m.lower >> 1)))
	wordStart := alnum &^ (alnum << 1)
	wordLast := alnum &^ (alnum >> 1)
	tokStart := wordStart | split
	tokLast := alnum & (tokStart>>1 | ^(alnum >> 1))
	for wordStart != 0 {
		ws := bits.TrailingZeros64(wordStart)
		we := bits.TrailingZeros64(wordLast) + 1
		wordStart &= wordStart - 1
		wordLast &= wordLast - 1
		first := len(sc.toks)
		for tokStart != 0 {
			s := bits.TrailingZeros64(tokStart)
			if s >= we {
				break
			}
			e := bits.TrailingZeros64(tokLast) + 1
			tokStart &= tokStart - 1
			tokLast &= tokLast - 1
			tm := spanMask(s, e)
			tc := uint8(cLower)
			switch {
			case m.digit>>s&1 != 0:
				tc = cDigit
			case m.upper>>s&1 != 0:
				tc = cUpper
			}
			sc.pushToken(s, e, bits.OnesCount64(m.upper&tm), tc)
		}
		toks := sc.toks[first:]
		for k := range toks {
			toks[k].ws, toks[k].we = int32(ws), int32(we)
		}
		wm := spanMask(ws, we)
		wl := we - ws
		digits := bits.OnesCount64(m.digit & wm)
		if digits > 0 && wordLenBits&(1<<wl) != 0 && (wl == 17 || m.upper&wm != 0) {
			sc.wordLens |= 1 << wl
		}
		if wl >= 6 && digits > 0 && digits < wl && m.hex&wm == wm {
			for k := range toks {
				if wl >= 12 {
					toks[k].masked = true
				} else if toks[k].kind == tkAlpha {
					toks[k].hexish = true
				}
			}
		}
	}
	if m.ndash >= 4 {
		sc.maskUUIDs()
	}
}

// spanMask has the bits s..e-1 set (0 <= s < e <= 64).
func spanMask(s, e int) uint64 { return (1<<uint(e) - 1) &^ (1<<uint(s) - 1) }
