package hipaa

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
}

type wordSlot struct {
	k0  uint64 // key bytes 0-7, little-endian, zero-padded
	val uint32
	ext uint32 // key length in bits 0-4 (0: empty); index+1 into tails in bits 5-31 when longer than 8
}

func keyHash(k0, k1, k2 uint64, n int) uint64 {
	h := (k0 + uint64(n)<<58) * 0x9e3779b97f4a7c15
	h ^= k1 * 0xc2b2ae3d27d4eb4f
	h ^= k2 * 0x165667b19e3779f9
	h ^= h >> 29
	return h * 0xbf58476d1ce4e5b9
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

func newWordTab(words map[string]uint32) *wordTab {
	n := 0
	for w := range words {
		if len(w) >= 2 && len(w) <= maxLookupLen {
			n++
		}
	}
	size, bits := 16, uint(4)
	for size < 2*n {
		size *= 2
		bits++
	}
	t := &wordTab{slots: make([]wordSlot, size), shift: 64 - bits}
	var b [maxLookupLen]byte
	for w, v := range words {
		if len(w) < 2 || len(w) > maxLookupLen {
			continue
		}
		copy(b[:], w)
		k0, k1, k2, h := wordKey(b[:], len(w))
		mask := uint64(len(t.slots) - 1)
		i := h >> t.shift
		for t.slots[i].ext != 0 {
			i = (i + 1) & mask
		}
		sl := &t.slots[i]
		sl.k0, sl.val, sl.ext = k0, v, uint32(len(w))
		if len(w) > 8 {
			t.tails = append(t.tails, [2]uint64{k1, k2})
			sl.ext |= uint32(len(t.tails)) << 5
		}
	}
	return t
}

// get returns the flags of the key from wordKey, or 0 when it is not in
// the table.
func (t *wordTab) get(k0, k1, k2 uint64, n int, h uint64) uint32 {
	slots := t.slots
	mask := uint64(len(slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		sl := &slots[i&mask]
		if sl.ext == 0 {
			return 0
		}
		if sl.k0 == k0 && int(sl.ext&31) == n {
			if n <= 8 {
				return sl.val
			}
			if tl := t.tails[sl.ext>>5-1]; tl[0] == k1 && tl[1] == k2 {
				return sl.val
			}
		}
	}
}
