package auditlog

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/phisafe/phisafe/hipaa"
)

// Log is a hipaa.Auditor that appends each event to a hash-chained,
// append-only file of JSON lines and keeps its head file <path>.head
// current. Open it with Open; check a log with Verify or VerifyReader.
// The package documentation describes the format and what verification
// proves.
//
// Audit returns nil only once the event's line is written and synced to
// stable storage. Concurrent calls share one write and one fsync (group
// commit): while one batch is being written, the events that arrive are
// queued and go out together in the next. The head file is brought
// forward once per batch, after the batch is durable, without holding up
// the callers; it may therefore name a line a batch or two behind the
// log's end, which verification accepts.
//
// A Log is safe for concurrent use. Only one Log, in one process, may
// write a given file: before each batch the Log checks that the file has
// the size it left it at and is still the file at its path, and refuses
// to write (hipaa.ErrTampered) otherwise. After any failure to write,
// sync or bring the head forward, every event of the batch fails, and so
// does every later Audit: close the Log and open it again, which verifies
// the file. The zero Log is not usable: its methods return an error
// wrapping hipaa.ErrPolicy.
type Log struct {
	path string
	dir  string
	cfg  *config
	id   logID
	f    *os.File
	head *os.File  // the head file, overwritten in place
	h    hash.Hash // the chain's hash, used under mu

	// entering counts Audit calls that have not yet queued their event
	// (they are encoding it, or waiting for mu).
	entering atomic.Int64

	mu   sync.Mutex
	cond sync.Cond // on mu; broadcast when a batch ends or the Log breaks

	// Events accepted: written to buf, or in the batch being written.
	seq  uint64
	last [32]byte
	buf  []byte
	// spare is the buffer of the last batch, reused for the next.
	spare    []byte
	flushing bool

	// Durable: written and synced.
	dseq  uint64
	dlast [32]byte
	size  int64
	// lastSync is how long the last batch's write and fsync took.
	lastSync time.Duration

	broken error
	closed bool

	// The head writer goroutine, kicked after each batch.
	headKick    chan struct{}
	headDone    chan struct{}
	headStopped bool // headKick is closed
	// Owned by the head writer, then by Close:
	headSeq  uint64 // the head's sequence number
	headNext int64  // offset of the slot to write next (the older one)

	// fail, when set by tests, can fail the write ("write"), the fsync
	// ("sync") of a batch, or the head update ("head").
	fail atomic.Pointer[func(op string) error]
}

var _ hipaa.Auditor = (*Log)(nil)

// Open opens the log at path for appending, creating it if it does not
// exist. An existing log is verified first, as Verify does, and the chain
// resumes from its last line; a log that fails verification is not
// appended to and the error wraps hipaa.ErrTampered. If the log is ahead
// of its head file (after a crash), the head is brought forward.
//
// A new log is created with mode 0600 and a random log id: its first
// line and its head file are written and synced under temporary names and
// linked into place, head first, so that a log never exists without its
// head. (The file system must support hard links.) Open does not follow
// symbolic links: a log or head file that is one is refused as tampering.
// Open refuses to create a log when a head file exists without it, or
// when it is given a checkpoint (which names an existing log).
//
// Options: WithHMACKey and WithCheckpoint.
func Open(path string, opts ...Option) (*Log, error) {
	c, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	if path == "" {
		return nil, misuse("empty log path")
	}
	f, err := openNoFollow(path, os.O_RDWR|os.O_APPEND)
	if errors.Is(err, fs.ErrNotExist) {
		if len(c.checkpoints) > 0 {
			return nil, tampered("log %s does not exist, but a checkpoint names it", filepath.Base(path))
		}
		if err := c.create(path); err != nil {
			return nil, err
		}
		f, err = openNoFollow(path, os.O_RDWR|os.O_APPEND)
	}
	if err != nil {
		return nil, err
	}
	l := &Log{path: path, dir: filepath.Dir(path), cfg: c, f: f, h: c.newHash()}
	l.cond.L = &l.mu
	if err := l.resume(); err != nil {
		f.Close()
		return nil, err
	}
	l.headKick = make(chan struct{}, 1)
	l.headDone = make(chan struct{})
	go l.headLoop()
	return l, nil
}

// openNoFollow opens an existing regular file without following a
// symbolic link.
func openNoFollow(name string, flag int) (*os.File, error) {
	if fi, err := os.Lstat(name); err == nil && !fi.Mode().IsRegular() {
		return nil, tampered("%s is not a regular file", filepath.Base(name))
	}
	f, err := os.OpenFile(name, flag|oNoFollow, 0)
	if err != nil {
		if fi, lerr := os.Lstat(name); lerr == nil && !fi.Mode().IsRegular() {
			return nil, tampered("%s is not a regular file", filepath.Base(name))
		}
		return nil, fmt.Errorf("auditlog: opening %s: %w", filepath.Base(name), err)
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, tampered("%s is not a regular file", filepath.Base(name))
	}
	return f, nil
}

// create makes a new log at path: its first line and its head, each
// written and synced under a temporary name and linked into place, the
// head first, so that neither replaces an existing file.
func (c *config) create(path string) error {
	dir := filepath.Dir(path)
	if _, err := os.Lstat(path + headSuffix); err == nil {
		return tampered("head file %s exists but its log does not", filepath.Base(path)+headSuffix)
	}
	var id logID
	_, _ = rand.Read(id[:])
	line, sum, err := c.genesisLine(&id, time.Now())
	if err != nil {
		return err
	}
	tmpLog, err := writeTemp(dir, filepath.Base(path)+".new", line)
	if err != nil {
		return fmt.Errorf("auditlog: creating log: %w", err)
	}
	defer os.Remove(tmpLog)
	slot := c.encodeSlot(&id, 0, &sum)
	tmpHead, err := writeTemp(dir, filepath.Base(path)+".head", append(slot, slot...))
	if err != nil {
		return fmt.Errorf("auditlog: creating head file: %w", err)
	}
	defer os.Remove(tmpHead)
	if err := os.Link(tmpHead, path+headSuffix); err != nil {
		return fmt.Errorf("auditlog: creating head file: %w", err)
	}
	if err := os.Link(tmpLog, path); err != nil {
		return fmt.Errorf("auditlog: creating log: %w", err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("auditlog: creating log: syncing directory: %w", err)
	}
	return nil
}

// writeTemp writes b to a new file in dir (created with O_EXCL, mode
// 0600, a random name starting with "."+prefix), syncs and closes it,
// and returns its name.
func writeTemp(dir, prefix string, b []byte) (string, error) {
	f, err := os.CreateTemp(dir, "."+prefix+"-*.tmp")
	if err != nil {
		return "", err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// resume verifies the open log and sets the Log's state from it.
func (l *Log) resume() error {
	st, head, err := l.cfg.verifyFile(l.f, l.path)
	if err != nil {
		return err
	}
	fi, err := l.f.Stat()
	if err != nil {
		return fmt.Errorf("auditlog: %w", err)
	}
	if fi.Size() != st.size {
		return tampered("log changed while it was being verified")
	}
	l.id = st.id
	l.seq, l.last = st.n, st.last
	l.dseq, l.dlast, l.size = st.n, st.last, st.size
	// The head file was verified by name; the Log writes the file it
	// opens, and checks before each write that it is still the one at
	// that name.
	if l.head, err = openNoFollow(l.path+headSuffix, os.O_RDWR); err != nil {
		return err
	}
	again, err := l.cfg.readHeadFrom(l.head)
	if err != nil {
		l.head.Close()
		return err
	}
	if *again != *head {
		l.head.Close()
		return tampered("head file changed while the log was being verified")
	}
	l.headSeq = head.seq
	if err := l.pickSlot(); err != nil {
		l.head.Close()
		return err
	}
	if st.n > head.seq {
		err := l.writeHead(st.n, &st.last)
		if err == nil {
			err = l.head.Sync()
		}
		if err != nil {
			l.head.Close()
			return fmt.Errorf("auditlog: bringing the head file forward: %w", err)
		}
	}
	return nil
}

// Path returns the log's path.
func (l *Log) Path() string {
	if l == nil {
		return ""
	}
	return l.path
}

// Checkpoint returns the log's id and the sequence number and hash of
// its last durable line: every event for which Audit has returned nil is
// at or before it. Store it where the log's writers cannot change it and
// pass it to WithCheckpoint when verifying or opening the log. The zero
// Log's Checkpoint is the zero Checkpoint.
func (l *Log) Checkpoint() Checkpoint {
	if l == nil {
		return Checkpoint{}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return Checkpoint{}
	}
	cp := checkpoint{id: l.id, seq: l.dseq, hash: l.dlast}
	return cp.export()
}

// Audit appends e to the log and returns nil once its line is durable.
// The event is written as it is, with strings made valid UTF-8; an event
// that cannot be encoded, or is larger than a line may be (1 MiB), is
// refused and the log stays usable. Audit does not consult its context:
// the outcome record of a cancelled operation is still written.
func (l *Log) Audit(_ context.Context, e hipaa.Event) error {
	if l == nil {
		return misuse("nil *Log")
	}
	l.entering.Add(1)
	ev, err := encodeEvent(e)
	l.mu.Lock()
	l.entering.Add(-1)
	defer l.mu.Unlock()
	if err != nil {
		return err
	}
	if l.f == nil {
		return misuse("Log not opened with Open")
	}
	if l.closed {
		return fmt.Errorf("auditlog: %w", os.ErrClosed)
	}
	if l.broken != nil {
		return l.brokenErr()
	}
	l.seq++
	l.buf, l.last = appendLine(l.h, l.buf, &l.id, l.seq, &l.last, ev)
	return l.waitDurable(l.seq)
}

func (l *Log) brokenErr() error {
	return fmt.Errorf("auditlog: log unusable after a failure (close and reopen it): %w", l.broken)
}

// waitDurable returns once line seq is durable, writing batches itself
// while no other caller is. l.mu is held.
func (l *Log) waitDurable(seq uint64) error {
	for l.dseq < seq {
		if l.flushing {
			// The batch being written may hold line seq: its outcome
			// decides, even if the Log broke meanwhile.
			l.cond.Wait()
			continue
		}
		if l.broken != nil {
			return l.brokenErr()
		}
		l.flush()
	}
	return nil
}

// maxGather bounds how long a batch waits for callers that are about to
// queue an event.
const maxGather = 500 * time.Microsecond

// flush writes and syncs every accepted line not yet written, as one
// batch. It is called with l.mu held and no flush running, and releases
// l.mu while it waits and during the I/O.
func (l *Log) flush() {
	l.flushing = true
	l.gather()
	if l.broken != nil {
		// The head writer failed while we gathered: write nothing more.
		l.flushing = false
		l.cond.Broadcast()
		return
	}
	batch, seq, last, size := l.buf, l.seq, l.last, l.size
	l.buf, l.spare = l.spare[:0], nil
	l.mu.Unlock()
	start := time.Now()
	err := l.writeBatch(batch, size)
	took := time.Since(start)
	l.mu.Lock()
	l.flushing = false
	l.lastSync = took
	if err != nil {
		// Every line of this batch, and every line accepted after it,
		// fails: nothing may chain onto lines that are not durable.
		l.broken = err
	} else {
		l.size += int64(len(batch))
		l.dseq, l.dlast = seq, last
		if !l.headStopped {
			select {
			case l.headKick <- struct{}{}:
			default:
			}
		}
	}
	if cap(batch) <= 1<<20 {
		l.spare = batch[:0]
	}
	l.cond.Broadcast()
}

// gather lets Audit calls that have started but not yet queued their
// event (they are encoding it) join the batch about to be written, the
// way PostgreSQL's commit_delay does, so that one fsync covers them too:
// it waits while there are such calls, for at most half the duration of
// the last write and fsync, and at most maxGather. A lone caller never
// waits. l.mu is held, and released while waiting.
func (l *Log) gather() {
	if l.entering.Load() == 0 {
		return
	}
	deadline := time.Now().Add(min(l.lastSync/2, maxGather))
	for l.entering.Load() > 0 && time.Now().Before(deadline) {
		l.mu.Unlock()
		time.Sleep(20 * time.Microsecond)
		l.mu.Lock()
	}
}

// writeBatch appends batch to the file, which must be size bytes long
// and still be the file at l.path, and syncs it. On failure it tries to
// cut the file back to size, so that a reopened log verifies.
func (l *Log) writeBatch(batch []byte, size int64) error {
	fi, err := l.f.Stat()
	if err != nil {
		return fmt.Errorf("auditlog: %w", err)
	}
	if fi.Size() != size {
		return tampered("log written by someone else (size %d, expected %d)", fi.Size(), size)
	}
	if pi, err := os.Lstat(l.path); err != nil || !os.SameFile(pi, fi) {
		return tampered("log file was moved, removed or replaced")
	}
	err = l.failHook("write")
	if err == nil {
		_, err = l.f.Write(batch)
	}
	if err != nil {
		err = fmt.Errorf("auditlog: write: %w", err)
		if terr := l.f.Truncate(size); terr != nil {
			err = errors.Join(err, fmt.Errorf("auditlog: rolling back a failed write: %w", terr))
		}
		return err
	}
	err = l.failHook("sync")
	if err == nil {
		err = l.f.Sync()
	}
	if err != nil {
		// What reached the disk is unknown: cut the batch off and sync
		// again, so that no caller's failed event is later found in the
		// log as if it had been recorded.
		err = fmt.Errorf("auditlog: fsync: %w", err)
		if terr := l.f.Truncate(size); terr != nil {
			err = errors.Join(err, fmt.Errorf("auditlog: rolling back a failed fsync: %w", terr))
		} else {
			_ = l.f.Sync()
		}
		return err
	}
	return nil
}

func (l *Log) failHook(op string) error {
	if f := l.fail.Load(); f != nil {
		return (*f)(op)
	}
	return nil
}

// headLoop brings the head file forward after each batch, to the last
// durable line at the time it runs.
func (l *Log) headLoop() {
	defer close(l.headDone)
	for range l.headKick {
		l.mu.Lock()
		seq, last, broken := l.dseq, l.dlast, l.broken
		l.mu.Unlock()
		if broken != nil || seq == l.headSeq {
			continue
		}
		if err := l.writeHead(seq, &last); err != nil {
			l.mu.Lock()
			if l.broken == nil {
				l.broken = err
			}
			l.cond.Broadcast()
			l.mu.Unlock()
		}
	}
}

// pickSlot sets headNext to the slot that does not hold the head (or
// does not parse), so that a torn write never loses the head.
func (l *Log) pickSlot() error {
	var b [2 * headSlot]byte
	if _, err := l.head.ReadAt(b[:], 0); err != nil {
		return fmt.Errorf("auditlog: reading head file: %w", err)
	}
	a, _ := l.cfg.parseSlot(b[:headSlot])
	if a != nil && a.seq == l.headSeq {
		l.headNext = headSlot
	} else {
		l.headNext = 0
	}
	return nil
}

// writeHead makes the head file name line seq: it overwrites the older of
// the file's two slots in place, after checking that the file is still
// the one at <path>.head. It does not sync: the head names only lines
// already durable, so after a crash it can only be behind the log, which
// verification accepts; Close syncs it.
func (l *Log) writeHead(seq uint64, last *[32]byte) error {
	fail := func(err error) error { return fmt.Errorf("auditlog: writing head file: %w", err) }
	if err := l.failHook("head"); err != nil {
		return fail(err)
	}
	fi, err := l.head.Stat()
	if err != nil {
		return fail(err)
	}
	if pi, err := os.Lstat(l.path + headSuffix); err != nil || !os.SameFile(pi, fi) {
		return tampered("head file was moved, removed or replaced")
	}
	if fi.Size() != 2*headSlot {
		return tampered("head file written by someone else")
	}
	if _, err := l.head.WriteAt(l.cfg.encodeSlot(&l.id, seq, last), l.headNext); err != nil {
		return fail(err)
	}
	l.headSeq, l.headNext = seq, headSlot-l.headNext
	return nil
}

// Close writes every event already accepted, waits for it to be durable,
// brings the head file forward, syncs it and closes the files.
// Later Audit calls fail with an error wrapping os.ErrClosed. Close
// returns the failure that made the Log unusable, if any. Closing twice
// returns nil.
func (l *Log) Close() error {
	if l == nil {
		return misuse("nil *Log")
	}
	l.mu.Lock()
	if l.f == nil {
		l.mu.Unlock()
		return misuse("Log not opened with Open")
	}
	if l.closed {
		l.mu.Unlock()
		return nil
	}
	l.closed = true
	_ = l.waitDurable(l.seq)
	for l.flushing {
		l.cond.Wait()
	}
	l.headStopped = true
	close(l.headKick)
	broken := l.broken
	seq, last := l.dseq, l.dlast
	l.mu.Unlock()
	<-l.headDone

	var err error
	if broken != nil {
		err = fmt.Errorf("auditlog: log unusable after a failure (close and reopen it): %w", broken)
	} else {
		if seq != l.headSeq {
			err = l.writeHead(seq, &last)
		}
		if err == nil {
			if serr := l.head.Sync(); serr != nil {
				err = fmt.Errorf("auditlog: fsync head file: %w", serr)
			}
		}
	}
	for _, f := range []*os.File{l.head, l.f} {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("auditlog: close: %w", cerr)
		}
	}
	return err
}

// syncDir makes a file's creation or rename in dir durable.
func syncDir(dir string) error {
	if !dirSyncNeeded {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
