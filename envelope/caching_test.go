package envelope

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
	"github.com/phisafe/phisafe/internal/esdk"
)

// cachingKMSClient returns a Client with a KMS keyring on the local KMS
// server over HTTPS and the data key cache o.
func cachingKMSClient(t *testing.T, o CacheOptions, suite esdk.SuiteID) (*Client, *hipaatest.Recorder, *hipaatest.KMSServer) {
	t.Helper()
	srv, kc, keyARN := startKMS(t)
	k, err := NewKMSKeyring(kc, keyARN)
	if err != nil {
		t.Fatal(err)
	}
	c, rec := newClient(t, k, func(opt *Options) { opt.Suite = suite; opt.Cache = &o })
	return c, rec, srv
}

// fakeClock makes c's cache read a clock the test advances.
func fakeClock(c *Client) func(time.Duration) {
	var off atomic.Int64
	start := time.Now()
	c.cache.now = func() time.Time { return start.Add(time.Duration(off.Load())) }
	return func(d time.Duration) { off.Add(int64(d)) }
}

// edkOf returns the ciphertext of a message's first encrypted data key.
func edkOf(t *testing.T, msg []byte) string {
	t.Helper()
	h, _, err := esdk.ParseHeader(msg)
	if err != nil {
		t.Fatal(err)
	}
	return string(h.EncryptedDataKeys[0].Ciphertext)
}

func TestCacheKMSCallCounts(t *testing.T) {
	const n, perKey = 10000, 1000
	c, rec, srv := cachingKMSClient(t, CacheOptions{MaxAge: time.Hour, MaxMessages: perKey, MaxBytes: 1 << 30}, AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
	ec := map[string]string{"tenant": "tenant-cachetest", "purpose": "lab-results"}
	msgs := make([][]byte, n)
	uses := map[string]int{}
	for i := range msgs {
		msg, err := c.Encrypt(ctxBG, fmt.Appendf(nil, "record %d", i), ec)
		if err != nil {
			t.Fatal(err)
		}
		msgs[i] = msg
		uses[edkOf(t, msg)]++
	}
	gdk := srv.Calls("GenerateDataKey")
	st := c.CacheStats()
	t.Logf("encrypt: %d messages, MaxMessages=%d: %d GenerateDataKey calls (without a cache: %d); cache hits=%d misses=%d",
		n, perKey, gdk, n, st.Hits, st.Misses)
	if gdk != n/perKey || st.Misses != n/perKey || st.Hits != n-n/perKey {
		t.Fatalf("GenerateDataKey calls = %d, stats %+v; want %d", gdk, st, n/perKey)
	}
	if len(uses) != n/perKey {
		t.Fatalf("%d distinct data keys, want %d", len(uses), n/perKey)
	}
	for _, u := range uses {
		if u != perKey {
			t.Fatalf("a data key encrypted %d messages, want %d", u, perKey)
		}
	}

	// Decrypt every 20th message: one KMS Decrypt per data key.
	sample := 0
	for i := 0; i < n; i += 20 {
		pt, err := c.Decrypt(ctxBG, msgs[i], ec)
		if err != nil || string(pt) != fmt.Sprintf("record %d", i) {
			t.Fatalf("message %d: %v", i, err)
		}
		sample++
	}
	dec := srv.Calls("Decrypt")
	t.Logf("decrypt: %d sampled messages: %d KMS Decrypt calls (without a cache: %d)", sample, dec, sample)
	if dec != n/perKey {
		t.Fatalf("Decrypt calls = %d, want %d", dec, n/perKey)
	}
	// The messages are ordinary: a Client without a cache reads them.
	plain, _ := newClient(t, c.cmm.keyring)
	for _, i := range []int{0, 999, 1000, n - 1} {
		if pt, err := plain.Decrypt(ctxBG, msgs[i], ec); err != nil || string(pt) != fmt.Sprintf("record %d", i) {
			t.Fatalf("uncached decrypt of %d: %v", i, err)
		}
	}

	// Audit: one cache event per lookup, value-free, tied to its operation.
	hits := rec.Filter(func(e hipaa.Event) bool {
		return e.Action == cacheAuditAction && e.Outcome == hipaa.OutcomeSuccess && e.Detail == "scope=encrypt cache=hit"
	})
	if len(hits) != n-n/perKey {
		t.Fatalf("%d cache hit events", len(hits))
	}
	for _, e := range rec.Events() {
		if strings.Contains(fmt.Sprint(e), "tenant-cachetest") || strings.Contains(fmt.Sprint(e), "lab-results") {
			t.Fatalf("event holds a context value: %+v", e)
		}
	}
	first := rec.Events()[:4] // attempt, cache attempt and outcome, outcome of the first Encrypt
	if first[1].Action != cacheAuditAction || first[2].Action != cacheAuditAction || first[2].Detail != "scope=encrypt cache=miss" ||
		first[1].RequestID == "" || first[1].RequestID != first[0].RequestID || first[3].RequestID != first[0].RequestID {
		t.Fatalf("first events: %+v", first)
	}
}

func TestCacheMaxAge(t *testing.T) {
	c, _, srv := cachingKMSClient(t, CacheOptions{MaxAge: time.Minute}, 0)
	advance := fakeClock(c)
	ec := map[string]string{"tenant": "t-1"}
	m1, _ := c.Encrypt(ctxBG, []byte("a"), ec)
	advance(59 * time.Second)
	m2, err := c.Encrypt(ctxBG, []byte("b"), ec)
	if err != nil || srv.Calls("GenerateDataKey") != 1 || edkOf(t, m1) != edkOf(t, m2) {
		t.Fatalf("within MaxAge: %v, %d calls", err, srv.Calls("GenerateDataKey"))
	}
	// Signed suite: the cached signing key signs both, and both verify.
	for _, m := range [][]byte{m1, m2} {
		if _, err := c.Decrypt(ctxBG, m, ec); err != nil {
			t.Fatal(err)
		}
	}
	if srv.Calls("Decrypt") != 1 {
		t.Fatalf("Decrypt calls = %d", srv.Calls("Decrypt"))
	}
	advance(time.Second)
	m3, _ := c.Encrypt(ctxBG, []byte("c"), ec)
	if srv.Calls("GenerateDataKey") != 2 || edkOf(t, m3) == edkOf(t, m1) {
		t.Fatalf("after MaxAge: %d GenerateDataKey calls", srv.Calls("GenerateDataKey"))
	}
	advance(time.Minute)
	if _, err := c.Decrypt(ctxBG, m1, ec); err != nil || srv.Calls("Decrypt") != 2 {
		t.Fatalf("decrypt after MaxAge: %v, %d calls", err, srv.Calls("Decrypt"))
	}
	t.Logf("MaxAge: GenerateDataKey=%d Decrypt=%d", srv.Calls("GenerateDataKey"), srv.Calls("Decrypt"))

	// With the real clock.
	c2, _, srv2 := cachingKMSClient(t, CacheOptions{MaxAge: 30 * time.Millisecond}, AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
	c2.Encrypt(ctxBG, []byte("a"), ec)
	c2.Encrypt(ctxBG, []byte("a"), ec)
	time.Sleep(40 * time.Millisecond)
	c2.Encrypt(ctxBG, []byte("a"), ec)
	if srv2.Calls("GenerateDataKey") != 2 {
		t.Fatalf("real clock: %d GenerateDataKey calls", srv2.Calls("GenerateDataKey"))
	}
}

func TestCacheMaxBytes(t *testing.T) {
	c, _, srv := cachingKMSClient(t, CacheOptions{MaxAge: time.Hour, MaxBytes: 100}, AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
	ec := map[string]string{"tenant": "t-1"}
	uses := map[string]int{}
	for range 6 {
		m, err := c.Encrypt(ctxBG, make([]byte, 40), ec)
		if err != nil {
			t.Fatal(err)
		}
		uses[edkOf(t, m)] += 40
	}
	if srv.Calls("GenerateDataKey") != 3 || len(uses) != 3 {
		t.Fatalf("6 x 40 bytes, MaxBytes 100: %d calls", srv.Calls("GenerateDataKey"))
	}
	for _, b := range uses {
		if b > 100 {
			t.Fatalf("a data key encrypted %d bytes", b)
		}
	}
	// A message longer than MaxBytes gets an uncached key.
	before := c.CacheStats()
	big := make([]byte, 101)
	m1, _ := c.Encrypt(ctxBG, big, ec)
	m2, _ := c.Encrypt(ctxBG, big, ec)
	if srv.Calls("GenerateDataKey") != 5 || edkOf(t, m1) == edkOf(t, m2) || c.CacheStats().Bypasses != before.Bypasses+2 {
		t.Fatalf("oversized: %d calls, %+v", srv.Calls("GenerateDataKey"), c.CacheStats())
	}
	t.Logf("MaxBytes=100: 6x40 bytes + 2x101 bytes: %d GenerateDataKey calls", srv.Calls("GenerateDataKey"))

	// Streams, whose length is unknown, are not cached either.
	for range 2 {
		var buf bytes.Buffer
		w, err := c.EncryptWriter(ctxBG, &buf, ec)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("x"))
		w.Close()
	}
	if srv.Calls("GenerateDataKey") != 7 {
		t.Fatalf("streams: %d calls", srv.Calls("GenerateDataKey"))
	}
}

func TestCacheContextsDoNotShareKeys(t *testing.T) {
	c, _, srv := cachingKMSClient(t, CacheOptions{MaxAge: time.Hour}, 0)
	ecs := []map[string]string{
		{"tenant": "t-1"},
		{"tenant": "t-2"},
		{"tenant": "t-1", "purpose": "billing"},
		{},
	}
	seen := map[string]int{}
	for round := range 3 {
		for i, ec := range ecs {
			m, err := c.Encrypt(ctxBG, []byte("r"), ec)
			if err != nil {
				t.Fatal(err)
			}
			k := edkOf(t, m)
			if j, ok := seen[k]; ok && j != i {
				t.Fatalf("contexts %d and %d share a data key", i, j)
			}
			seen[k] = i
			if _, err := c.Decrypt(ctxBG, m, ec); err != nil {
				t.Fatalf("round %d context %d: %v", round, i, err)
			}
			if len(ec) > 0 {
				other := map[string]string{"tenant": "t-9"}
				if _, err := c.Decrypt(ctxBG, m, other); !errors.Is(err, ErrEncryptionContext) {
					t.Fatalf("decrypted with another context: %v", err)
				}
			}
		}
	}
	if len(seen) != len(ecs) || srv.Calls("GenerateDataKey") != len(ecs) || srv.Calls("Decrypt") != len(ecs) {
		t.Fatalf("%d keys, %d GenerateDataKey, %d Decrypt calls", len(seen), srv.Calls("GenerateDataKey"), srv.Calls("Decrypt"))
	}
}

func TestCacheConcurrent(t *testing.T) {
	const workers, each, perKey = 8, 40, 20
	c, _, srv := cachingKMSClient(t, CacheOptions{MaxAge: time.Hour, MaxMessages: perKey, Capacity: 8}, AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
	ecs := []map[string]string{{"tenant": "t-1"}, {"tenant": "t-2"}}
	var mu sync.Mutex
	var msgs [][]byte
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				ec := ecs[(w+i)%2]
				m, err := c.Encrypt(ctxBG, []byte("r"), ec)
				if err != nil {
					t.Error(err)
					return
				}
				if _, err := c.Decrypt(ctxBG, m, ec); err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				msgs = append(msgs, m)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	uses := map[string]int{}
	for _, m := range msgs {
		uses[edkOf(t, m)]++
	}
	for _, u := range uses {
		if u > perKey {
			t.Fatalf("a data key encrypted %d messages, MaxMessages %d", u, perKey)
		}
	}
	gdk := srv.Calls("GenerateDataKey")
	t.Logf("concurrent: %d messages, MaxMessages=%d: %d GenerateDataKey, %d Decrypt calls, %+v",
		len(msgs), perKey, gdk, srv.Calls("Decrypt"), c.CacheStats())
	if len(msgs) != workers*each || gdk < workers*each/perKey || gdk > 2*workers*each/perKey {
		t.Fatalf("%d messages, %d GenerateDataKey calls", len(msgs), gdk)
	}
}

func TestCacheCapacity(t *testing.T) {
	c, _, srv := cachingKMSClient(t, CacheOptions{MaxAge: time.Hour, Capacity: 3}, AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
	ec := func(i int) map[string]string { return map[string]string{"tenant": fmt.Sprintf("t-%d", i)} }
	c.Encrypt(ctxBG, []byte("r"), ec(0))
	// Keep the cached data key of context 0 to check it is zeroed.
	c.cache.mu.Lock()
	first := c.cache.lru.Front().Value.(*cacheEntry).enc.dataKey
	c.cache.mu.Unlock()
	if len(first) != 32 || bytes.Equal(first, make([]byte, 32)) {
		t.Fatal("no cached data key")
	}
	for i := 1; i < 5; i++ {
		c.Encrypt(ctxBG, []byte("r"), ec(i))
		if n := c.CacheStats().Entries; n > 3 {
			t.Fatalf("%d entries, capacity 3", n)
		}
	}
	if !bytes.Equal(first, make([]byte, 32)) {
		t.Fatal("evicted data key not zeroed")
	}
	c.Encrypt(ctxBG, []byte("r"), ec(4)) // recent: a hit
	if srv.Calls("GenerateDataKey") != 5 {
		t.Fatalf("%d calls", srv.Calls("GenerateDataKey"))
	}
	c.Encrypt(ctxBG, []byte("r"), ec(0)) // evicted: a miss
	if srv.Calls("GenerateDataKey") != 6 {
		t.Fatalf("%d calls", srv.Calls("GenerateDataKey"))
	}
	c.ClearCache()
	if c.CacheStats().Entries != 0 {
		t.Fatal("ClearCache left entries")
	}
}

func TestCacheOptionsRefused(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	for _, o := range []CacheOptions{
		{},
		{MaxAge: -time.Second},
		{MaxAge: time.Hour, MaxMessages: MaxCacheMessages + 1},
		{MaxAge: time.Hour, MaxBytes: 1 << 63},
		{MaxAge: time.Hour, Capacity: -1},
		{MaxAge: time.Hour, Capacity: MaxCacheCapacity + 1},
	} {
		if _, err := New(&hipaa.Policy{Auditor: hipaatest.NewRecorder()}, k, func(opt *Options) { opt.Cache = &o }); !errors.Is(err, ErrConfig) {
			t.Fatalf("%+v: %v", o, err)
		}
	}
	c, _ := newClient(t, k, func(opt *Options) { opt.Cache = &CacheOptions{MaxAge: time.Hour} })
	if c.cache.maxMessages != 1<<32 || c.cache.capacity != DefaultCacheCapacity {
		t.Fatalf("defaults: %+v", c.cache)
	}
}

func TestCacheNoKDFSuiteBypassed(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	c, _ := newClient(t, k, func(opt *Options) {
		opt.Suite = AES_256_GCM_IV12_TAG16_NO_KDF
		opt.CommitmentPolicy = ForbidEncryptAllowDecrypt
		opt.Cache = &CacheOptions{MaxAge: time.Hour}
	})
	ec := map[string]string{"tenant": "t-1"}
	m1, _ := c.Encrypt(ctxBG, []byte("a"), ec)
	m2, _ := c.Encrypt(ctxBG, []byte("b"), ec)
	if edkOf(t, m1) == edkOf(t, m2) {
		t.Fatal("NO_KDF suite reused a data key")
	}
	if _, err := c.Decrypt(ctxBG, m1, ec); err != nil {
		t.Fatal(err)
	}
	if st := c.CacheStats(); st.Hits+st.Misses != 0 || st.Bypasses != 3 || st.Entries != 0 {
		t.Fatalf("%+v", st)
	}
}

func TestCacheAuditFailureFailsClosed(t *testing.T) {
	k, _ := NewRawAESKeyring("ns", "n", randKey(t, 32))
	c, rec := newClient(t, k, func(opt *Options) { opt.Cache = &CacheOptions{MaxAge: time.Hour} })
	boom := errors.New("audit down")
	rec.FailAfter(1, boom) // the attempt is recorded, the cache event is not
	if _, err := c.Encrypt(ctxBG, []byte("a"), map[string]string{}); !errors.Is(err, hipaa.ErrAuditFailed) && !errors.Is(err, boom) {
		t.Fatalf("Encrypt with a failing audit: %v", err)
	}
}

func TestCacheMissFailureReleases(t *testing.T) {
	c, _, srv := cachingKMSClient(t, CacheOptions{MaxAge: time.Hour}, AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
	ec := map[string]string{"tenant": "t-1"}
	srv.FailNext("GenerateDataKey", hipaatest.CodeDisabled)
	if _, err := c.Encrypt(ctxBG, []byte("a"), ec); !errors.Is(err, ErrKMS) {
		t.Fatalf("KMS failure: %v", err)
	}
	if c.CacheStats().Entries != 0 {
		t.Fatal("a failed fetch was cached")
	}
	// The failed fetch released its claim: the next callers fetch again.
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if _, err := c.Encrypt(ctxBG, []byte("a"), ec); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := srv.Calls("GenerateDataKey"); n != 2 {
		t.Fatalf("GenerateDataKey calls = %d, want 2", n)
	}
}
