package main

import (
	"context"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"

	"github.com/phisafe/phisafe/envelope"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/auditlog"
)

// contextFlag collects -context key=value pairs.
type contextFlag map[string]string

func (c contextFlag) String() string { return fmt.Sprintf("%d pair(s)", len(c)) }

func (c contextFlag) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return errors.New("want key=value")
	}
	if _, dup := c[k]; dup {
		return fmt.Errorf("key given twice")
	}
	c[k] = v
	return nil
}

// cryptFlags are the flags encrypt and decrypt share.
type cryptFlags struct {
	fs                    *flag.FlagSet
	keyFile, keyNamespace string
	keyName, kmsKey       string
	kmsEndpoint, caFile   string
	in, out, auditLog     string
	suite                 uint
	ec                    contextFlag
	unsignedOnly          bool
	maxBuffer             int
	allowUnverified       bool
}

func newCryptFlags(name string, stderr io.Writer) *cryptFlags {
	c := &cryptFlags{fs: flag.NewFlagSet("phisafe "+name, flag.ContinueOnError), ec: contextFlag{}}
	fs := c.fs
	fs.SetOutput(stderr)
	fs.StringVar(&c.keyFile, "key-file", "", "raw AES wrapping key `file` (32 bytes, raw or base64)")
	fs.StringVar(&c.keyNamespace, "key-namespace", "phisafe", "raw key provider namespace")
	fs.StringVar(&c.keyName, "key-name", "", "raw key name (default: the key file's base name)")
	fs.StringVar(&c.kmsKey, "kms-key", "", "AWS KMS key `ARN` (instead of -key-file)")
	fs.StringVar(&c.kmsEndpoint, "kms-endpoint", "", "KMS endpoint `URL` (https only; for a local test server)")
	fs.StringVar(&c.caFile, "loopback-test-ca", "", "PEM CA `file` trusted for a loopback -kms-endpoint only")
	fs.StringVar(&c.in, "in", "-", "input `file` (- for standard input)")
	fs.StringVar(&c.out, "out", "-", "output `file` (- for standard output)")
	fs.StringVar(&c.auditLog, "audit-log", "", "hash-chained audit log `file` (default: JSON lines on standard error)")
	fs.Var(c.ec, "context", "encryption context pair `key=value` (repeat; required on decrypt: the pairs the message must hold)")
	return c
}

// client builds the envelope client the flags describe.
func (c *cryptFlags) client(ctx context.Context, stderr io.Writer, optFns ...func(*envelope.Options)) (*envelope.Client, func() error, error) {
	var auditor hipaa.Auditor
	closeAudit := func() error { return nil }
	if c.auditLog != "" {
		l, err := auditlog.Open(c.auditLog)
		if err != nil {
			return nil, nil, err
		}
		auditor, closeAudit = l, l.Close
	} else {
		j, err := auditlog.NewJSON(stderr)
		if err != nil {
			return nil, nil, err
		}
		auditor = j
	}
	policy := &hipaa.Policy{Auditor: auditor}

	var kr envelope.Keyring
	switch {
	case c.keyFile != "" && c.kmsKey != "":
		return nil, nil, errors.New("give -key-file or -kms-key, not both")
	case c.keyFile != "":
		key, err := readKeyFile(c.keyFile)
		if err != nil {
			return nil, nil, err
		}
		name := c.keyName
		if name == "" {
			name = filepath.Base(c.keyFile)
		}
		kr, err = envelope.NewRawAESKeyring(c.keyNamespace, name, key)
		clear(key)
		if err != nil {
			return nil, nil, err
		}
	case c.kmsKey != "":
		var caPEM []byte
		if c.caFile != "" {
			var err error
			if caPEM, err = os.ReadFile(c.caFile); err != nil {
				return nil, nil, err
			}
		}
		cfg, err := hipaa.LoadAWSConfig(ctx, func(o *hipaa.AWSOptions) {
			o.Policy = policy
			o.LoopbackTestCA = caPEM
		})
		if err != nil {
			return nil, nil, err
		}
		kc := kms.NewFromConfig(cfg, func(o *kms.Options) {
			if c.kmsEndpoint != "" {
				o.BaseEndpoint = aws.String(c.kmsEndpoint)
			}
		})
		if kr, err = envelope.NewKMSKeyring(kc, c.kmsKey); err != nil {
			return nil, nil, err
		}
	default:
		return nil, nil, errors.New("a key is required: -key-file or -kms-key")
	}
	cl, err := envelope.New(policy, kr, optFns...)
	if err != nil {
		return nil, nil, err
	}
	return cl, closeAudit, nil
}

func readKeyFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) == 32 {
		return b, nil
	}
	dec, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(b)))
	clear(b)
	if err != nil || len(dec) != 32 {
		return nil, errors.New("key file must hold 32 bytes, raw or base64")
	}
	return dec, nil
}

func cryptMain(op string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := newCryptFlags(op, stderr)
	if op == "encrypt" {
		c.fs.UintVar(&c.suite, "suite", 0, "algorithm suite id, e.g. 0x0578 to sign (default 0x0478: committing, unsigned, so that every frame verifies as it arrives)")
	} else {
		c.fs.BoolVar(&c.unsignedOnly, "unsigned-only", false, "refuse signed messages")
		c.fs.IntVar(&c.maxBuffer, "max-buffer", 0, "most plaintext `bytes` held before release: one frame, or a signed message whole until its signature verifies (default 64 MiB)")
		c.fs.BoolVar(&c.allowUnverified, "allow-unverified-streaming", false, "WEAKENS: release the frames of a signed message before its signature is verified (audited)")
	}
	if err := c.fs.Parse(args); err != nil {
		return 2
	}
	if c.fs.NArg() > 0 {
		fmt.Fprintf(stderr, "phisafe %s: unexpected arguments\n", op)
		return 2
	}
	if err := runCrypt(op, c, stdin, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "phisafe %s: %v\n", op, err)
		return 1
	}
	return 0
}

func runCrypt(op string, c *cryptFlags, stdin io.Reader, stdout, stderr io.Writer) error {
	ctx := context.Background()
	cl, closeAudit, err := c.client(ctx, stderr, func(o *envelope.Options) {
		if c.suite != 0 {
			o.Suite = envelope.SuiteID(c.suite)
		}
		o.StreamUnsignedOnly = c.unsignedOnly
		o.MaxStreamBuffer = c.maxBuffer
		o.AllowUnverifiedStreaming = c.allowUnverified
	})
	if err != nil {
		return err
	}
	defer closeAudit()

	in, size, err := openInput(c.in, stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := newAtomicOutput(c.out, stdout)
	if err != nil {
		return err
	}
	defer out.abort() // removes a half-written output file on any failure

	var src io.Reader = in
	if isTerminal(stderr) && size > 64<<20 {
		src = &progressReader{r: in, total: size, w: stderr, start: time.Now()}
	}
	switch op {
	case "encrypt":
		w, err := cl.EncryptWriter(ctx, out, c.ec)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, src); err != nil {
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
	default:
		r, err := cl.DecryptReader(ctx, src, c.ec)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, r); err != nil {
			return err
		}
	}
	return out.commit()
}

func openInput(path string, stdin io.Reader) (io.ReadCloser, int64, error) {
	if path == "-" {
		return io.NopCloser(stdin), -1, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, st.Size(), nil
}

// atomicOutput writes to a temporary file (mode 0600) beside the target
// and renames it into place only on commit, so a failed decryption leaves
// no partial plaintext file behind. Standard output cannot be taken back,
// so decrypt releases to it only verified plaintext (see DecryptReader); a
// truncated unsigned message has still released its whole frames: read
// the exit status before trusting the output.
type atomicOutput struct {
	io.Writer
	f      *os.File
	target string
	done   bool
}

func newAtomicOutput(path string, stdout io.Writer) (*atomicOutput, error) {
	if path == "-" {
		return &atomicOutput{Writer: stdout}, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".phisafe-*")
	if err != nil {
		return nil, err
	}
	return &atomicOutput{Writer: f, f: f, target: path}, nil
}

func (o *atomicOutput) commit() error {
	if o.f == nil {
		o.done = true
		return nil
	}
	if err := o.f.Sync(); err != nil {
		return err
	}
	if err := o.f.Close(); err != nil {
		return err
	}
	if err := os.Rename(o.f.Name(), o.target); err != nil {
		return err
	}
	o.done = true
	return nil
}

func (o *atomicOutput) abort() {
	if o.f == nil || o.done {
		return
	}
	o.f.Close()
	os.Remove(o.f.Name())
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressReader reports progress on a terminal for large inputs.
type progressReader struct {
	r     io.Reader
	total int64
	n     int64
	w     io.Writer
	start time.Time
	last  time.Time
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n += int64(n)
	if now := time.Now(); now.Sub(p.last) > 500*time.Millisecond || err == io.EOF {
		p.last = now
		secs := now.Sub(p.start).Seconds()
		fmt.Fprintf(p.w, "\r%5.1f%%  %d/%d MiB  %.0f MiB/s", 100*float64(p.n)/float64(p.total), p.n>>20, p.total>>20, float64(p.n)/(1<<20)/max(secs, 1e-3))
		if err == io.EOF {
			fmt.Fprintln(p.w)
		}
	}
	return n, err
}
