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

// movemask gathers the high bits of the bytes of m into the low 8 bits.
func movemask(m uint64) uint64 { return ((m >> 7) * 0x0102040810204080) >> 56 }

// byteMasks are one bit per byte of the name, for each byte class.
type byteMasks struct {
	digit, upper, lower, high uint64
}

// classify64 classifies the name (at most 64 bytes) and writes its
// lower-cased bytes into sc.buf.
func (sc *scanner) classify64() (m byteMasks) {
	s := sc.name
	n := len(s)
	if cap(sc.buf) < 96 {
		sc.buf = make([]byte, 256)
	}
	buf := sc.buf[:96]
	copy(buf[:64], s)
	clear(buf[n:64]) // so that the last word has no class past the name
	for i := 0; i < n; i += 8 {
		x := binary.LittleEndian.Uint64(buf[i : i+8])
		hi := x & swarHighs
		t := x &^ swarHighs
		dig := (swarGE(t, '0') &^ swarGE(t, '9'+1)) &^ hi
		tl := t | 0x2020202020202020
		alpha := (swarGE(tl, 'a') &^ swarGE(tl, 'z'+1)) &^ hi
		b5 := t << 2 & swarHighs // the 0x20 bit: lower case
		up := alpha &^ b5
		binary.LittleEndian.PutUint64(buf[i:i+8], x|up>>2)
		m.digit |= movemask(dig) << i
		m.upper |= movemask(up) << i
		m.lower |= movemask(alpha&b5) << i
		m.high |= movemask(hi) << i
	}
	// The bytes after the name in buf are stale: a key masks them off.
	return m
}

// rawPass64 is rawPass visiting only the separators and the word starts
// (a "www." must start a word), and counts the dashes.
func (sc *scanner) rawPass64(cand uint64) {
	s := sc.name
	i := -1
	for ; cand != 0; cand &= cand - 1 {
		p := bits.TrailingZeros64(cand)
		c := s[p]
		if !rawInteresting[c] {
			continue
		}
		if c == '-' {
			sc.ndash++
		}
		if p > i {
			i = sc.rawAt(s, p)
		}
	}
}

// tokenize64 is tokenize for a name of at most 64 bytes classified into m.
func (sc *scanner) tokenize64(m *byteMasks) {
	alnum := m.digit | m.upper | m.lower | m.high
	wordStart := alnum &^ (alnum << 1)
	sc.rawPass64(^alnum&spanMask(0, len(sc.name)) | wordStart)
	lh := m.lower | m.high
	// split at a digit change, at aB, and at ABc (before B)
	split := alnum & (alnum << 1) & ((m.digit ^ (m.digit << 1)) | ((lh << 1) & m.upper) |
		((m.upper << 1) & m.upper & (m.lower >> 1)))
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
			sc.pushToken(s, e, ws, we, bits.OnesCount64(m.upper&tm), tc)
		}
		wm := spanMask(ws, we)
		wl := we - ws
		digits := bits.OnesCount64(m.digit & wm)
		if digits > 0 && wordLenBits&(1<<wl) != 0 && (wl == 17 || m.upper&wm != 0) {
			sc.wordLens |= 1 << wl
		}
		if wl >= 6 && digits > 0 && digits < wl && sc.allHex(ws, we) {
			toks := sc.toks[first:]
			for k := range toks {
				if wl >= 12 {
					toks[k].masked = true
				} else if toks[k].kind == tkAlpha {
					toks[k].hexish = true
				}
			}
		}
	}
	if sc.ndash >= 4 {
		sc.maskUUIDs()
	}
}

func (sc *scanner) allHex(s, e int) bool {
	for _, c := range []byte(sc.name[s:e]) {
		if byteClass[c]&cHex == 0 {
			return false
		}
	}
	return true
}

// spanMask has the bits s..e-1 set (0 <= s < e <= 64).
func spanMask(s, e int) uint64 {
	return ^uint64(0) << (uint(s) & 63) & (^uint64(0) >> (uint(64-e) & 63))
}
