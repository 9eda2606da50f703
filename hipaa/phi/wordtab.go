package phi

import "encoding/binary"

// wordTab is an open-addressing (linear probing) hash table from a word of
// 2 to maxLookupLen bytes to its flags. The scanner looks up a token with
// the key words it builds from its lower-cased bytes while tokenizing, so a
// lookup neither copies nor hashes the token a second time.
//
// A slot holds the first 8 bytes of its key inline; the bytes 8-23 of a
// longer key live in tails. Slots are 16 bytes, four to a cache line.
type wordTab struct {
	slots []wordSlot
	tails [][2]uint64
	shift uint // 64 - log2(len(slots))
	n     int  // words held
	max   int  // words it may hold (0.6 of the slots)
}

type wordSlot struct {
	k0  uint64 // key bytes 0-7, little-endian, zero-padded
	val uint32
	ext uint32 // key length in bits 0-4 (0: empty); index+1 into tails in bits 5-31 when longer than 8
}

func keyHash(k0, k1, k2 uint64, n int) uint64 {
	// One multiply after the key words are folded: the table index is
	// the top bits (Fibonacci hashing), and a short dependency chain
	// lets the probe's load start early.
	return (k0 ^ k1*0xc2b2ae3d27d4eb4f ^ k2*0x165667b19e3779f9 ^ uint64(n)<<58) * 0x9e3779b97f4a7c15
}

// byteMask keeps the low n bytes (n <= 8) of a word.
func byteMask(n int) uint64 { return 1<<(8*uint(n)) - 1 }

// wordKey returns the key words and hash of the lower-case word p[:n]
// (2 <= n <= maxLookupLen); p must have at least 24 bytes, the bytes after
// n are ignored.
func wordKey(p []byte, n int) (k0, k1, k2, h uint64) {
	_ = p[23]
	k0 = binary.LittleEndian.Uint64(p[0:8])
	if n <= 8 {
		k0 &= byteMask(n)
	} else {
		k1 = binary.LittleEndian.Uint64(p[8:16])
		if n <= 16 {
			k1 &= byteMask(n - 8)
		} else {
			k2 = binary.LittleEndian.Uint64(p[16:24]) & byteMask(n-16)
		}
	}
	return k0, k1, k2, keyHash(k0, k1, k2, n)
}

// newWordTab returns a table holding words (those of 2 to maxLookupLen
// bytes; the others could never be looked up).
func newWordTab(words map[string]uint32) *wordTab {
	t := newWordTabFor(len(words))
	for w, v := range words {
		t.update(w, func(uint32) uint32 { return v })
	}
	return t
}

// newWordTabFor returns an empty table with room for up to n words at a
// load factor of at most 0.6 (a miss probes about three slots, in one or
// two cache lines).
func newWordTabFor(n int) *wordTab {
	size, bits := 16, uint(4)
	for size*3 < 5*n {
		size *= 2
		bits++
	}
	return &wordTab{slots: make([]wordSlot, size), shift: 64 - bits, max: size * 3 / 5}
}

// update sets the flags of w to f(old), old being 0 when w is not in the
// table yet. Words shorter than 2 or longer than maxLookupLen bytes are
// ignored. It panics when more words are added than the table was made
// for (a bug in the caller: the tables are built from fixed data).
func (t *wordTab) update(w string, f func(old uint32) uint32) {
	if len(w) < 2 || len(w) > maxLookupLen {
		return
	}
	var b [maxLookupLen]byte
	copy(b[:], w)
	k0, k1, k2, h := wordKey(b[:], len(w))
	sl := t.find(k0, k1, k2, len(w), h)
	if sl.ext != 0 {
		sl.val = f(sl.val)
		return
	}
	if t.n == t.max {
		panic("phi: word table over capacity")
	}
	t.n++
	sl.k0, sl.val, sl.ext = k0, f(0), uint32(len(w))
	if len(w) > 8 {
		t.tails = append(t.tails, [2]uint64{k1, k2})
		sl.ext |= uint32(len(t.tails)) << 5
	}
}

// get returns the flags of the key from wordKey, or 0 when it is not in
// the table (an empty slot's val is 0).
func (t *wordTab) get(k0, k1, k2 uint64, n int, h uint64) uint32 {
	return t.find(k0, k1, k2, n, h).val
}

// find returns the slot holding the key from wordKey, or the empty slot
// where it would go.
func (t *wordTab) find(k0, k1, k2 uint64, n int, h uint64) *wordSlot {
	slots := t.slots
	mask := uint64(len(slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		sl := &slots[i&mask]
		if sl.ext == 0 {
			return sl
		}
		if sl.k0 == k0 && int(sl.ext&31) == n {
			if n <= 8 {
				return sl
			}
			if tl := t.tails[sl.ext>>5-1]; tl[0] == k1 && tl[1] == k2 {
				return sl
			}
		}
	}
}
