package envelope

import (
	"bytes"
	"container/list"
	"context"
	"crypto/rand"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/internal/esdk"
)

// Limits of the data key cache (framework/caching-cmm.md and
// framework/local-cryptographic-materials-cache.md).
const (
	// MaxCacheMessages is the most messages one cached data key may
	// encrypt, and CacheOptions.MaxMessages' default: 2^32, as the
	// specification sets it.
	MaxCacheMessages = 1 << 32
	// DefaultCacheCapacity is the number of cache entries kept when
	// CacheOptions.Capacity is 0.
	DefaultCacheCapacity = 1000
	// MaxCacheCapacity is the largest CacheOptions.Capacity accepted.
	MaxCacheCapacity = 1 << 20
)

// cacheAuditAction is the audit action of the events that say whether a
// data key came from the cache.
const cacheAuditAction = "envelope.DataKeyCache"

// cachePruneTail is the entry pruning tail size of the specification's
// local cache: the least recently used entries checked for expiry on
// every lookup.
const cachePruneTail = 4

// CacheOptions configure a Client's data key cache, the specification's
// caching cryptographic materials manager over a local, in-memory, least
// recently used cache (framework/caching-cmm.md). Set Options.Cache to
// use one; a nil Options.Cache (the default) gives every message its own
// data key.
//
// A cache trades isolation for fewer keyring calls: with an AWS KMS
// keyring, one GenerateDataKey call serves up to MaxMessages messages of
// the same encryption context, and one KMS Decrypt call serves every
// message sharing an encrypted data key, for up to MaxAge. What that
// costs:
//
//   - A data key protects more data: anyone who obtains it (from this
//     process's memory, for example) reads every message it encrypted.
//     The caps below bound how many messages, how many bytes and how long.
//   - Key revocation is delayed: a KMS key disabled, or a grant or key
//     policy revoked, stops this Client only once the cached entries
//     expire (MaxAge), for decryption too; CloudTrail records one call per
//     data key, not per message.
//   - For signed suites (the default, 0x0578) the specification caches the
//     signing key with the data key, so all messages of one entry carry
//     signatures by the same ECDSA key and the same public key in their
//     encryption context: they can be linked to one another, and a reader
//     who can only decrypt still cannot forge them. Choose the unsigned
//     AES_256_GCM_HKDF_SHA512_COMMIT_KEY if signatures are not needed.
//
// Every message still gets its own content key: the suites with a key
// derivation function derive it from the data key and the message's
// random message id. Suites without one (the NO_KDF suites) are never
// cached, as the specification requires; neither is EncryptWriter's
// encryption, whose plaintext length is not known in advance.
//
// Entries are keyed as the specification's Appendix A says: by the
// algorithm suite (when Options.Suite is set) and the serialized
// encryption context for encryption, and by the suite, the encrypted data
// keys and the encryption context for decryption, under a partition id
// unique to the Client. Two encryption contexts never share a data key.
// An entry's data key is zeroed when it is evicted (expired, used up, or
// least recently used beyond Capacity); the materials handed to a message
// are a copy, zeroed once the message is written. Plaintext data keys
// never leave this package.
//
// Every lookup is audited as an "envelope.DataKeyCache" event tied to the
// operation's request id, with Detail "scope=encrypt cache=hit" (or
// cache=miss, cache=bypass; scope=decrypt), never a key or context value.
type CacheOptions struct {
	// MaxAge is how long a data key stays in the cache after it was
	// generated or unwrapped (the specification's cache limit TTL).
	// Required: there is no default.
	MaxAge time.Duration
	// MaxMessages is the most messages one cached data key encrypts. Zero
	// means MaxCacheMessages (2^32), which is also the largest value
	// accepted.
	MaxMessages uint64
	// MaxBytes is the most plaintext bytes one cached data key encrypts.
	// Zero means 2^63-1. A message longer than MaxBytes gets a data key
	// that is not cached.
	MaxBytes uint64
	// Capacity is the most entries (encryption and decryption) the cache
	// holds; the least recently used are evicted beyond it. Zero means
	// DefaultCacheCapacity; at most MaxCacheCapacity.
	Capacity int
}

// CacheStats counts a Client's data key cache lookups.
type CacheStats struct {
	// Hits and Misses count lookups that found, or did not find, usable
	// materials; Bypasses count operations that could not use the cache
	// (an EncryptWriter, a NO_KDF suite, a message longer than MaxBytes).
	Hits, Misses, Bypasses uint64
	// Entries is the number of entries held now.
	Entries int
}

// CacheStats returns the counts of the Client's data key cache, or zero
// counts if it has none.
func (c *Client) CacheStats() CacheStats {
	mc := c.cache
	if mc == nil {
		return CacheStats{}
	}
	mc.mu.Lock()
	n := mc.lru.Len()
	mc.mu.Unlock()
	return CacheStats{Hits: mc.hits.Load(), Misses: mc.misses.Load(), Bypasses: mc.bypasses.Load(), Entries: n}
}

// ClearCache evicts every entry of the Client's data key cache and zeroes
// their data keys, for example when the process stops using the Client or
// a key must stop being used at once.
func (c *Client) ClearCache() {
	if mc := c.cache; mc != nil {
		mc.mu.Lock()
		defer mc.mu.Unlock()
		for mc.lru.Len() > 0 {
			mc.evict(mc.lru.Back())
		}
	}
}

// cacheID is a cache entry identifier: a SHA-384 hash.
type cacheID [sha512.Size384]byte

// materialsCache is the caching materials manager and its local cache.
type materialsCache struct {
	maxAge      time.Duration
	maxMessages uint64
	maxBytes    uint64
	capacity    int
	partition   []byte
	withSuite   bool             // the Client names its suite: Appendix A's "with algorithm suite" identifier
	now         func() time.Time // a test's clock

	hits, misses, bypasses atomic.Uint64

	mu      sync.Mutex
	lru     *list.List // of *cacheEntry, most recently used first
	entries map[cacheID]*list.Element
	// pending are the identifiers whose materials one caller is
	// fetching after a miss: the others wait for the channel to close
	// instead of calling the keyring too.
	pending map[cacheID]chan struct{}
}

type cacheEntry struct {
	id       cacheID
	expires  time.Time
	enc      *EncryptionMaterials
	dec      *DecryptionMaterials
	messages uint64
	bytes    uint64
}

// newMaterialsCache checks o and returns a cache, or nil for a nil o.
func newMaterialsCache(o *CacheOptions, withSuite bool) (*materialsCache, error) {
	if o == nil {
		return nil, nil
	}
	switch {
	case o.MaxAge <= 0:
		return nil, fmt.Errorf("%w: the data key cache needs a positive MaxAge", ErrConfig)
	case o.MaxMessages > MaxCacheMessages:
		return nil, fmt.Errorf("%w: cache MaxMessages above 2^32", ErrConfig)
	case o.MaxBytes > math.MaxInt64:
		return nil, fmt.Errorf("%w: cache MaxBytes above 2^63-1", ErrConfig)
	case o.Capacity < 0 || o.Capacity > MaxCacheCapacity:
		return nil, fmt.Errorf("%w: cache Capacity out of range", ErrConfig)
	}
	mc := &materialsCache{
		maxAge:      o.MaxAge,
		maxMessages: o.MaxMessages,
		maxBytes:    o.MaxBytes,
		capacity:    o.Capacity,
		withSuite:   withSuite,
		now:         time.Now,
		lru:         list.New(),
		entries:     make(map[cacheID]*list.Element),
		pending:     make(map[cacheID]chan struct{}),
	}
	if mc.maxMessages == 0 {
		mc.maxMessages = MaxCacheMessages
	}
	if mc.maxBytes == 0 {
		mc.maxBytes = math.MaxInt64
	}
	if mc.capacity == 0 {
		mc.capacity = DefaultCacheCapacity
	}
	// A partition id unique to this cache (framework/caching-cmm.md).
	p := make([]byte, 16)
	if _, err := rand.Read(p); err != nil {
		return nil, err
	}
	mc.partition = fmt.Appendf(nil, "phisafe-%x", p)
	return mc, nil
}

// encryptID is Appendix A's identifier of encryption materials.
func (mc *materialsCache) encryptID(suite esdk.SuiteID, ec map[string]string) (cacheID, error) {
	sec, err := serializeEC(ec)
	if err != nil {
		return cacheID{}, err
	}
	b := mc.idPrefix(0x01)
	if mc.withSuite {
		b = append(b, 0x01, 0x00)
		b = binary.BigEndian.AppendUint16(b, uint16(suite))
	} else {
		b = append(b, 0x00)
	}
	b = append(b, 0x00)
	b = append(b, sec...)
	return sha512.Sum384(b), nil
}

// decryptID is Appendix A's identifier of decryption materials.
func (mc *materialsCache) decryptID(suite esdk.SuiteID, edks []esdk.EncryptedDataKey, ec map[string]string) (cacheID, error) {
	sec, err := serializeEC(ec)
	if err != nil {
		return cacheID{}, err
	}
	ser := make([][]byte, len(edks))
	for i, e := range edks {
		var s []byte
		s = binary.BigEndian.AppendUint16(s, uint16(len(e.ProviderID)))
		s = append(s, e.ProviderID...)
		s = binary.BigEndian.AppendUint16(s, uint16(len(e.ProviderInfo)))
		s = append(s, e.ProviderInfo...)
		s = binary.BigEndian.AppendUint16(s, uint16(len(e.Ciphertext)))
		s = append(s, e.Ciphertext...)
		ser[i] = s
	}
	slices.SortFunc(ser, bytes.Compare)
	b := mc.idPrefix(0x02)
	b = binary.BigEndian.AppendUint16(b, uint16(suite))
	b = append(b, 0x00)
	for _, s := range ser {
		b = append(b, s...)
	}
	b = append(b, 0x00)
	b = append(b, sec...)
	return sha512.Sum384(b), nil
}

// idPrefix returns resource id (caching CMM), scope, partition id, each
// followed by a null byte.
func (mc *materialsCache) idPrefix(scope byte) []byte {
	b := make([]byte, 0, 256)
	b = append(b, 0x01, 0x00, scope, 0x00)
	b = append(b, mc.partition...)
	return append(b, 0x00)
}

// prune evicts the expired entries among the least recently used ones.
// mc.mu is held.
func (mc *materialsCache) prune(now time.Time) {
	el := mc.lru.Back()
	for i := 0; i < cachePruneTail && el != nil; i++ {
		prev := el.Prev()
		if !now.Before(el.Value.(*cacheEntry).expires) {
			mc.evict(el)
		}
		el = prev
	}
}

// evict removes an entry and zeroes its data key. mc.mu is held.
func (mc *materialsCache) evict(el *list.Element) {
	e := mc.lru.Remove(el).(*cacheEntry)
	delete(mc.entries, e.id)
	e.enc.Zero()
	e.dec.Zero()
	e.enc, e.dec = nil, nil
}

// lookup returns the live entry for id, or nil. mc.mu is held.
func (mc *materialsCache) lookup(id cacheID) *cacheEntry {
	now := mc.now()
	mc.prune(now)
	el, ok := mc.entries[id]
	if !ok {
		return nil
	}
	e := el.Value.(*cacheEntry)
	if !now.Before(e.expires) {
		mc.evict(el)
		return nil
	}
	mc.lru.MoveToFront(el)
	return e
}

// put stores e, replacing an entry with the same id, and evicts the least
// recently used entries beyond the capacity. mc.mu is held.
func (mc *materialsCache) put(e *cacheEntry) {
	if old, ok := mc.entries[e.id]; ok {
		mc.evict(old)
	}
	e.expires = mc.now().Add(mc.maxAge)
	mc.entries[e.id] = mc.lru.PushFront(e)
	for mc.lru.Len() > mc.capacity {
		mc.evict(mc.lru.Back())
	}
}

// claim, after a miss, makes the caller the one that fetches id's
// materials (leader) or returns the channel that closes once another
// caller has. mc.mu is held.
func (mc *materialsCache) claim(id cacheID) (wait <-chan struct{}, leader bool) {
	if ch, ok := mc.pending[id]; ok {
		return ch, false
	}
	mc.pending[id] = make(chan struct{})
	return nil, true
}

// release ends the leader's fetch of id's materials, whether it succeeded
// or not, and wakes the waiting callers.
func (mc *materialsCache) release(id cacheID) {
	mc.mu.Lock()
	defer mc.mu.Unlock()
	if ch, ok := mc.pending[id]; ok {
		close(ch)
		delete(mc.pending, id)
	}
}

// await waits for another caller's fetch, or for ctx.
func await(ctx context.Context, ch <-chan struct{}) error {
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// getEncrypt returns a copy of the cached encryption materials for id and
// counts one message of n bytes against them. If there are none, or the
// message would exceed a limit (the entry is then evicted), it returns
// nil and either leader (the caller must fetch materials, then release
// id) or a channel to wait on before trying again.
func (mc *materialsCache) getEncrypt(id cacheID, n uint64) (m *EncryptionMaterials, wait <-chan struct{}, leader bool) {
	mc.mu.Lock()
	defer mc.mu.Unlock()
	e := mc.lookup(id)
	if e == nil || e.enc == nil {
		wait, leader = mc.claim(id)
		return nil, wait, leader
	}
	if e.messages >= mc.maxMessages || n > mc.maxBytes-e.bytes {
		mc.evict(mc.entries[id])
		wait, leader = mc.claim(id)
		return nil, wait, leader
	}
	e.messages++
	e.bytes += n
	return e.enc.clone(), nil, false
}

// putEncrypt caches a copy of m, already used for one message of n bytes.
func (mc *materialsCache) putEncrypt(id cacheID, m *EncryptionMaterials, n uint64) {
	if mc.maxMessages <= 1 {
		return // the key is used up already
	}
	mc.mu.Lock()
	defer mc.mu.Unlock()
	mc.put(&cacheEntry{id: id, enc: m.clone(), messages: 1, bytes: n})
}

// getDecrypt returns a copy of the cached decryption materials for id,
// or nil and, as getEncrypt, leader or a channel to wait on.
func (mc *materialsCache) getDecrypt(id cacheID) (m *DecryptionMaterials, wait <-chan struct{}, leader bool) {
	mc.mu.Lock()
	defer mc.mu.Unlock()
	e := mc.lookup(id)
	if e == nil || e.dec == nil {
		wait, leader = mc.claim(id)
		return nil, wait, leader
	}
	return e.dec.withDataKey(slices.Clone(e.dec.dataKey)), nil, false
}

// putDecrypt caches a copy of m.
func (mc *materialsCache) putDecrypt(id cacheID, m *DecryptionMaterials) {
	mc.mu.Lock()
	defer mc.mu.Unlock()
	mc.put(&cacheEntry{id: id, dec: m.withDataKey(slices.Clone(m.dataKey))})
}

// auditCache records a cache lookup as an operation of its own (attempt
// and outcome, detail in both), within the message's operation: ctx
// carries its request id. A failure to record it fails the operation (the
// audit trail fails closed).
func (c *Client) auditCache(ctx context.Context, suite esdk.SuiteID, detail string) error {
	_, op, err := c.policy.Begin(ctx, hipaa.Operation{Action: cacheAuditAction, Resource: suiteResource(suite), KeyID: c.keyID, Detail: detail})
	if err != nil {
		return err
	}
	return op.End(hipaa.Result{Detail: detail})
}

// encryptionMaterials returns materials for one message of size plaintext
// bytes (-1: unknown), from the cache when the Client has one and it
// holds usable materials for ec, else from the materials manager.
func (c *Client) encryptionMaterials(ctx context.Context, ec map[string]string, size int64, id esdk.SuiteID) (*EncryptionMaterials, error) {
	mc := c.cache
	if mc == nil {
		return c.cmm.encryptionMaterials(ctx, ec, id)
	}
	suite, err := lookupSuite(id)
	if err != nil {
		return nil, err
	}
	if size < 0 || suite.KDF == nil || uint64(size) > mc.maxBytes {
		mc.bypasses.Add(1)
		if err := c.auditCache(ctx, id, "scope=encrypt cache=bypass"); err != nil {
			return nil, err
		}
		return c.cmm.encryptionMaterials(ctx, ec, id)
	}
	// The checks of the materials manager, which a hit skips.
	if err := checkCallerContext(ec); err != nil {
		return nil, err
	}
	key, err := mc.encryptID(id, ec)
	if err != nil {
		return nil, err
	}
	return cachedLookup(ctx, c, key, id, "encrypt",
		func() (*EncryptionMaterials, <-chan struct{}, bool) { return mc.getEncrypt(key, uint64(size)) },
		func() (*EncryptionMaterials, error) { return c.cmm.encryptionMaterials(ctx, ec, id) },
		func(m *EncryptionMaterials) { mc.putEncrypt(key, m, uint64(size)) })
}

// cachedLookup is the cache protocol both directions share: a hit is
// audited and returned; on a miss the first caller (the leader) audits the
// miss, fetches from the materials manager and stores the result, while
// concurrent callers for the same entry wait for it and look again.
func cachedLookup[M interface {
	comparable
	Zero()
}](ctx context.Context, c *Client, key cacheID, suite esdk.SuiteID, scope string,
	get func() (M, <-chan struct{}, bool), fetch func() (M, error), put func(M)) (M, error) {
	mc := c.cache
	var zero M
	for {
		m, wait, leader := get()
		if m != zero {
			mc.hits.Add(1)
			if err := c.auditCache(ctx, suite, "scope="+scope+" cache=hit"); err != nil {
				m.Zero()
				return zero, err
			}
			return m, nil
		}
		if leader {
			break
		}
		if err := await(ctx, wait); err != nil {
			return zero, err
		}
	}
	defer mc.release(key)
	mc.misses.Add(1)
	if err := c.auditCache(ctx, suite, "scope="+scope+" cache=miss"); err != nil {
		return zero, err
	}
	m, err := fetch()
	if err != nil {
		return zero, err
	}
	put(m)
	return m, nil
}

// decryptionMaterials returns the materials for a message's header, from
// the cache when the Client has one and it holds materials for the same
// suite, encrypted data keys and context, else from the materials manager.
func (c *Client) decryptionMaterials(ctx context.Context, suite *esdk.Suite, stored, ec map[string]string, ecBytes []byte, edks []esdk.EncryptedDataKey) (*DecryptionMaterials, error) {
	mc := c.cache
	if mc == nil || !c.cmm.policy.allowsDecrypt(suite) || len(edks) > c.cmm.maxEDKs {
		// No cache, or a refusal the materials manager reports.
		return c.cmm.decryptionMaterials(ctx, suite, stored, ec, ecBytes, edks)
	}
	if suite.KDF == nil {
		mc.bypasses.Add(1)
		if err := c.auditCache(ctx, suite.ID, "scope=decrypt cache=bypass"); err != nil {
			return nil, err
		}
		return c.cmm.decryptionMaterials(ctx, suite, stored, ec, ecBytes, edks)
	}
	key, err := mc.decryptID(suite.ID, edks, ec)
	if err != nil {
		return nil, err
	}
	// ec holds the stored context, and so the signed suites' public key:
	// a hit has the verification key the materials manager would read.
	return cachedLookup(ctx, c, key, suite.ID, "decrypt",
		func() (*DecryptionMaterials, <-chan struct{}, bool) { return mc.getDecrypt(key) },
		func() (*DecryptionMaterials, error) {
			return c.cmm.decryptionMaterials(ctx, suite, stored, ec, ecBytes, edks)
		},
		func(m *DecryptionMaterials) { mc.putDecrypt(key, m) })
}
