package phi

import (
	"encoding/binary"
	"math/bits"
)

// The fast path: the name is cut at separators into pieces of at most 64
// bytes (a token never spans a separator), the bytes of a piece are
// classified eight at a time (SWAR) into one bit per byte for each class,
// and the word and token boundaries come out of a few operations on these
// masks, so the tokenizer has no per-byte branch. It finds exactly the
// tokens of tokenize (TestTokenize64).

const (
	swarOnes  = 0x0101010101010101
	swarHighs = 0x8080808080808080
)

// swarGE sets the high bit of each byte of t (high bits clear) that is >= c.
func swarGE(t uint64, c byte) uint64 { return (t + (0x80-uint64(c))*swarOnes) & swarHighs }

// movemask gathers the high bits of the bytes of m into the low 8 bits.
func movemask(m uint64) uint64 { return ((m >> 7) * 0x0102040810204080) >> 56 }

// byteMasks are one bit per byte of a piece of the name, for each byte
// class.
type byteMasks struct {
	digit, upper, lower, high uint64
}

// maxPieces bounds the pieces of a name on the fast path (names of up to
// 8*64 bytes, cut at separators).
const maxPieces = 8

// cutPieces cuts the name at separators into pieces of at most 64 bytes:
// piece k is name[cut[k]:cut[k+1]-1] (cut[0] = 0, the last end is
// len(name)+1), so that the byte between two pieces is a separator. It
// returns the number of pieces, or 0 when the name has no such cut.
func (sc *scanner) cutPieces(cut *[maxPieces + 1]int) int {
	s := sc.name
	n := len(s)
	k := 0
	start := 0
	for n-start > 64 {
		if k == maxPieces-1 {
			return 0
		}
		p := start + 64
		for p > start && byteClass[s[p]]&cAlnum != 0 {
			p--
		}
		if byteClass[s[p]]&cAlnum != 0 {
			return 0 // a word of 65 bytes or more
		}
		cut[k] = start
		k++
		start = p + 1
	}
	cut[k] = start
	cut[k+1] = n + 1
	return k + 1
}

// classify64 classifies name[off:off+n] (n <= 64) and writes its lower-cased
// bytes into sc.buf[off:]; sc.buf has room for off+88 bytes.
func (sc *scanner) classify64(off, n int) (m byteMasks) {
	buf := sc.buf[off : off+88]
	copy(buf[:64], sc.name[off:off+n])
	clear(buf[n:64]) // so that the last word has no class past the piece
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
	// The bytes after the piece in buf are stale: a key masks them off.
	return m
}

// scanFast is rawPass and tokenize by pieces; it reports false, having
// done nothing, when the name cannot be cut into pieces.
func (sc *scanner) scanFast() bool {
	var cut [maxPieces + 1]int
	np := sc.cutPieces(&cut)
	if np == 0 {
		return false
	}
	n := len(sc.name)
	if cap(sc.buf) < n+96 {
		sc.buf = make([]byte, max(n+96, 256))
	}
	sc.buf = sc.buf[:cap(sc.buf)]
	if cap(sc.toks) < n {
		sc.toks = make([]token, 0, max(n, 64)) // at most one token a byte
	}
	var ms [maxPieces]byteMasks
	for k := 0; k < np; k++ {
		ms[k] = sc.classify64(cut[k], cut[k+1]-1-cut[k])
	}
	// The raw pass sees the bytes in order: each piece, then the
	// separator after it.
	i := -1
	for k := 0; k < np; k++ {
		m := &ms[k]
		off, end := cut[k], cut[k+1]-1
		alnum := m.digit | m.upper | m.lower | m.high
		if end > off {
			i = sc.rawPass64(^alnum&spanMask(0, end-off)|alnum&^(alnum<<1), off, i)
		}
		if end < n {
			i = sc.rawPass64(1, end, i)
		}
	}
	for k := 0; k < np; k++ {
		sc.tokenize64(&ms[k], cut[k])
	}
	if sc.ndash >= 4 {
		sc.maskUUIDs()
	}
	return true
}

// rawPass64 is rawPass visiting only the bytes off+k for the bits k of
// cand: the separators and the word starts (a "www." must start a word).
// It counts the dashes. i is the last byte done; it returns the new one.
func (sc *scanner) rawPass64(cand uint64, off, i int) int {
	s := sc.name
	// The interesting bytes first, without a branch a byte.
	var raw uint64
	var seps uint8
	for c := cand; c != 0; c &= c - 1 {
		k := bits.TrailingZeros64(c)
		b := s[off+k]
		raw |= uint64(rawByte[b]) << uint(k)
		seps |= sepByte[b]
	}
	sc.seps |= seps
	for ; raw != 0; raw &= raw - 1 {
		p := bits.TrailingZeros64(raw) + off
		if s[p] == '-' {
			sc.ndash++
			sc.dashes |= 1 << uint(p)
			if !(p >= 2 && p+15 <= len(s) && s[p+3] == '-') {
				continue // rawAt would do nothing (no dashMAC); i stays below the next byte
			}
		}
		if p > i {
			i = sc.rawAt(s, p)
		}
	}
	return i
}

// sepByte marks the separators that run looks for (scanner.seps).
var sepByte = [256]uint8{'^': sepCaret, '=': sepEq, ':': sepColon, ',': sepComma}

// rawByte is rawInteresting as 0 or 1.
var rawByte = func() (t [256]uint8) {
	for c, ok := range rawInteresting {
		if ok {
			t[c] = 1
		}
	}
	return
}()

// tokenize64 is tokenize for the piece of the name at off classified into
// m, after the raw pass. The token push and the word-table probe are
// written out here (see pushToken and wordTab.get): a call in this loop
// would spill the loop state.
func (sc *scanner) tokenize64(m *byteMasks, off int) {
	alnum := m.digit | m.upper | m.lower | m.high
	wordStart := alnum &^ (alnum << 1)
	lh := m.lower | m.high
	// split at a digit change, at aB, and at ABc (before B)
	split := alnum & (alnum << 1) & ((m.digit ^ (m.digit << 1)) | ((lh << 1) & m.upper) |
		((m.upper << 1) & m.upper & (m.lower >> 1)))
	wordLast := alnum &^ (alnum >> 1)
	tokStart := wordStart | split
	tokLast := alnum & (tokStart>>1 | ^(alnum >> 1))
	if split&^(m.digit|m.digit<<1) != 0 {
		sc.hump = true // a split between two letters
	}

	toks := sc.toks[:cap(sc.toks)] // room for a token a byte (scanFast)
	nt := len(sc.toks)
	buf := sc.buf[off : off+88]
	// Few values live across the loop, so that they stay in registers:
	// the summaries go to sc directly.
	lex := sc.d.lex
	slots, shift := lex.slots, lex.shift
	sc.ndigit += bits.OnesCount64(tokStart & m.digit)
	for wordStart != 0 {
		ws := bits.TrailingZeros64(wordStart)
		we := bits.TrailingZeros64(wordLast) + 1
		wordStart &= wordStart - 1
		wordLast &= wordLast - 1
		first := nt
		for tokStart != 0 {
			s := bits.TrailingZeros64(tokStart)
			if s >= we {
				break
			}
			e := bits.TrailingZeros64(tokLast) + 1
			tokStart &= tokStart - 1
			tokLast &= tokLast - 1
			t := &toks[nt]
			bit := uint64(1) << uint(nt&63) // (candidates: only for 64 tokens or fewer)
			nt++
			*t = token{}
			t.s, t.e, t.ws, t.we = int32(off+s), int32(off+e), int32(off+ws), int32(off+we)
			if m.digit>>s&1 != 0 {
				t.kind = tkDigit
				sc.digTok |= bit
			} else {
				t.kind = tkAlpha
				L := e - s
				// The capitalisation from the mask alone: bits.OnesCount64
				// may call a function (GOAMD64=v1), which spills the loop state.
				sp := spanMask(s, e)
				switch up := m.upper & sp; {
				case up == 0:
					t.caps = capLower
					sc.lowTok |= bit
				case up == sp:
					t.caps = capUpper
					if L == 1 {
						t.caps = capTitle
					}
				case up == 1<<uint(s):
					t.caps = capTitle
				default:
					t.caps = capMixed
				}
				if L >= 2 && L <= maxLookupLen {
					// wordKey
					p := buf[s : s+24]
					k0 := binary.LittleEndian.Uint64(p[0:8])
					var k1, k2 uint64
					if L <= 8 {
						k0 &= byteMask(L)
					} else {
						k1 = binary.LittleEndian.Uint64(p[8:16])
						if L <= 16 {
							k1 &= byteMask(L - 8)
						} else {
							k2 = binary.LittleEndian.Uint64(p[16:24]) & byteMask(L-16)
						}
					}
					h := keyHash(k0, k1, k2, L)
					var lx uint32
					if sc.d.extra == nil {
						// lex.get
						mask := uint64(len(slots) - 1)
						for i := h >> shift; ; i = (i + 1) & mask {
							sl := &slots[i&mask]
							if sl.ext == 0 {
								break
							}
							if sl.k0 == k0 && int(sl.ext&31) == L {
								if L <= 8 {
									lx = sl.val
									break
								}
								if tl := lex.tails[sl.ext>>5-1]; tl[0] == k1 && tl[1] == k2 {
									lx = sl.val
									break
								}
							}
						}
					} else {
						lx = sc.lookupExtra(k0, k1, k2, L, h)
					}
					t.lx = lx
					sc.lxTok |= nonZero(uint64(lx)) * bit
					sc.lxOr |= lx
					sc.ctxBits |= 1 << ((lx & lxCtxMask) >> lxCtxShift)
					if p[0] == 'p' && (L == 2 || L == 5) {
						sc.poTok = true
					}
				}
			}
			if sc.nmask > 0 && sc.masked(int32(off+s), int32(off+e)) {
				t.masked = true
			}
		}
		if first > 0 {
			// the gap before the word (gapBefore, its common case written out)
			var g byte
			if pe, ps := toks[first-1].e, int32(off+ws); ps-pe == 1 {
				g = sc.name[ps-1]
			} else {
				g = gapBefore(sc.name, pe, ps)
			}
			toks[first].gap = g
			if g == '_' || g == '-' {
				sc.linkTok |= 1 << uint(first&63)
			}
		}
		wm := spanMask(ws, we)
		wl := we - ws
		digits := m.digit & wm // (no bits.OnesCount64: see above)
		if digits != 0 && wordLenBits&(1<<wl) != 0 && (wl == 17 || m.upper&wm != 0) {
			sc.wordLens |= 1 << wl
		}
		if wl >= 6 && digits != 0 && digits != wm && sc.allHex(off+ws, off+we) {
			wt := toks[first:nt]
			for k := range wt {
				if wl >= 12 {
					wt[k].hexw = !wt[k].masked
					wt[k].masked = true
				} else if wt[k].kind == tkAlpha {
					wt[k].hexish = true
				}
			}
		}
	}
	sc.toks = toks[:nt]
	sc.ctxBits &^= 1 // bit 0: no context
	if m.high != 0 {
		sc.hasHigh = true
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
