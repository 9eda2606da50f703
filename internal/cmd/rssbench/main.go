// Command rssbench measures the peak resident memory of a streaming
// encrypt and decrypt through the phisafe command (`make bench`): it
// feeds -size bytes of generated plaintext to `phisafe encrypt` on a pipe,
// writes the message to a temporary file, decrypts it with `phisafe
// decrypt` to a pipe, checks that the plaintext comes back, and reports
// each child's peak RSS from the kernel (getrusage ru_maxrss). It exits 1
// if either peak reaches -limit.
//
//	go run ./internal/cmd/rssbench -size 1G -limit 32M
package main

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	sizeFlag := flag.String("size", "1G", "plaintext size (K, M, G suffixes)")
	limitFlag := flag.String("limit", "32M", "peak RSS limit for each process")
	bin := flag.String("phisafe", "", "phisafe binary (default: build ./cmd/phisafe)")
	suite := flag.String("suite", "", "suite for phisafe encrypt -suite (default: phisafe's default)")
	flag.Parse()
	size, err := parseSize(*sizeFlag)
	if err != nil {
		log.Fatal(err)
	}
	limit, err := parseSize(*limitFlag)
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "rssbench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if *bin == "" {
		*bin = filepath.Join(dir, "phisafe")
		build := exec.Command("go", "build", "-o", *bin, "./cmd/phisafe")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			log.Fatalf("building phisafe: %v", err)
		}
	}
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	keyFile := filepath.Join(dir, "bench.key")
	if err := os.WriteFile(keyFile, key, 0o600); err != nil {
		log.Fatal(err)
	}
	msgFile := filepath.Join(dir, "message")
	common := []string{"-key-file", keyFile, "-context", "purpose=rssbench", "-audit-log", filepath.Join(dir, "audit.log")}

	// Encrypt: generated plaintext on stdin, the message to a file.
	encArgs := append([]string{"encrypt"}, common...)
	if *suite != "" {
		encArgs = append(encArgs, "-suite", *suite)
	}
	encArgs = append(encArgs, "-in", "-", "-out", msgFile)
	enc := exec.Command(*bin, encArgs...)
	var encErr bytes.Buffer
	enc.Stderr = &encErr
	stdin, err := enc.StdinPipe()
	if err != nil {
		log.Fatal(err)
	}
	in := sha256.New()
	start := time.Now()
	if err := enc.Start(); err != nil {
		log.Fatal(err)
	}
	_, copyErr := io.Copy(io.MultiWriter(stdin, in), io.LimitReader(newStream(), size))
	stdin.Close()
	if err := enc.Wait(); err != nil || copyErr != nil {
		log.Fatalf("phisafe encrypt: %v %v\n%s", err, copyErr, encErr.String())
	}
	encTime := time.Since(start)
	encRSS := maxRSS(enc.ProcessState)
	st, err := os.Stat(msgFile)
	if err != nil {
		log.Fatal(err)
	}

	// Decrypt: the message file to stdout, hashed as it arrives.
	dec := exec.Command(*bin, append(append([]string{"decrypt"}, common...), "-in", msgFile, "-out", "-")...)
	var decErr bytes.Buffer
	dec.Stderr = &decErr
	out := sha256.New()
	dec.Stdout = out
	start = time.Now()
	if err := dec.Run(); err != nil {
		log.Fatalf("phisafe decrypt: %v\n%s", err, decErr.String())
	}
	decTime := time.Since(start)
	decRSS := maxRSS(dec.ProcessState)
	if !bytes.Equal(in.Sum(nil), out.Sum(nil)) {
		log.Fatal("decrypted plaintext differs from the input")
	}

	fmt.Printf("phisafe streaming, %s plaintext (%d bytes), message %d bytes, raw AES keyring\n", *sizeFlag, size, st.Size())
	report := func(op string, rss int64, d time.Duration) bool {
		ok := rss < limit
		verdict := "under"
		if !ok {
			verdict = "NOT under"
		}
		fmt.Printf("  %-7s peak RSS %6.1f MiB (%d KiB), %s the %s limit; %.0f MB/s\n",
			op, float64(rss)/(1<<20), rss>>10, verdict, *limitFlag, float64(size)/d.Seconds()/1e6)
		return ok
	}
	okEnc := report("encrypt", encRSS, encTime)
	okDec := report("decrypt", decRSS, decTime)
	if !okEnc || !okDec {
		os.Exit(1)
	}
}

// maxRSS returns a finished child's peak resident set in bytes.
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		log.Fatal("no rusage on this platform")
	}
	return ru.Maxrss << 10 // KiB on Linux
}

// newStream returns an endless, fast, incompressible byte stream
// (AES-CTR over zeros with a random key).
func newStream() io.Reader {
	k := make([]byte, 32)
	_, _ = rand.Read(k)
	blk, err := aes.NewCipher(k)
	if err != nil {
		log.Fatal(err)
	}
	return cipher.StreamReader{S: cipher.NewCTR(blk, make([]byte, 16)), R: zeros{}}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func parseSize(s string) (int64, error) {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, strings.TrimSuffix(s, "G")
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v <= 0 {
		return 0, errors.New("bad size " + s)
	}
	return v * mult, nil
}
