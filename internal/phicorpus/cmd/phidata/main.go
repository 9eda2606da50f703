// Command phidata builds hipaa/phi/lexicon/lexicon.txt.gz, the name and
// English-word lexicon embedded in the PHI detector (package phi).
//
// Inputs (read at generation time only, never at run time):
//
//   - US Census 2010 surnames and SSA given names (public domain), as
//     shipped in shared/phi/names (see its README.md);
//   - Debian wamerican and wamerican-small (SCOWL word lists), installed
//     at /usr/share/dict/american-english{,-small}.
//
// Output: gzip (-9, no name, no mtime) of sorted lines "word<TAB>flags",
// flags a decimal bit set: bits 0-1 given-name tier (1..3, 3 = top 1000),
// bits 2-3 surname tier (1..3, 3 = top 1000), bit 4 word in
// wamerican-small (common English), bit 5 word in wamerican.
//
// Usage (from the hipaa/phi directory, see hipaa/phi/lexicon/PROVENANCE.md):
//
//	go run ../../internal/phicorpus/cmd/phidata -names ../../../shared/phi/names -out lexicon/lexicon.txt.gz
package main

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Selection thresholds (documented in PROVENANCE.md).
const (
	minGivenCount   = 200 // SSA births 1880-2023, both sexes summed
	minSurnameCount = 100 // Census 2010 bearers (the whole published list)
	// rareSurnameCount: a surname with fewer bearers is kept only when it
	// is not an English word (schema, vault): the long tail of the list
	// holds many words that are rarely names.
	rareSurnameCount = 500
)

// placeholders are entries of the name lists that are not names.
var placeholders = map[string]bool{
	"unknown": true, "baby": true, "infant": true, "notnamed": true, "unnamed": true,
	"male": true, "female": true, "boy": true, "girl": true, "na": true, "the": true,
	"null": true, "test": true, "and": true, "none": true, "noname": true, "nfn": true,
	"lnu": true, "fnu": true, "void": true, "twin": true, "son": true, "daughter": true,
}

func main() {
	names := flag.String("names", "../../../shared/phi/names", "directory with the Census and SSA lists")
	dict := flag.String("dict", "/usr/share/dict/american-english", "wamerican word list")
	small := flag.String("small", "/usr/share/dict/american-english-small", "wamerican-small word list")
	out := flag.String("out", "lexicon/lexicon.txt.gz", "output file")
	flag.Parse()

	flags := map[string]int{}

	// Given names: sum counts over sexes, rank by total.
	given := map[string]int{}
	readCSV(filepath.Join(*names, "given-names-ssa.csv.gz"), func(f []string) {
		n, _ := strconv.Atoi(f[2])
		given[strings.ToLower(f[0])] += n
	})
	type nc struct {
		n string
		c int
	}
	var gl []nc
	for n, c := range given {
		gl = append(gl, nc{n, c})
	}
	sort.Slice(gl, func(i, j int) bool {
		if gl[i].c != gl[j].c {
			return gl[i].c > gl[j].c
		}
		return gl[i].n < gl[j].n
	})
	for i, e := range gl {
		if e.c < minGivenCount || placeholders[e.n] || len(e.n) < 2 {
			continue
		}
		t := 1
		if i < 1000 {
			t = 3
		} else if i < 5000 {
			t = 2
		}
		flags[e.n] |= t
	}
	english := map[string]bool{}
	readWords(*dict, func(w string) { english[w] = true })
	readWords(*small, func(w string) { english[w] = true })
	// Surnames: already in count order.
	rank := 0
	readCSV(filepath.Join(*names, "surnames-census2010.csv.gz"), func(f []string) {
		rank++
		n := strings.ToLower(f[0])
		c, _ := strconv.Atoi(f[1])
		if c < minSurnameCount || placeholders[n] || len(n) < 2 || (c < rareSurnameCount && english[n]) {
			return
		}
		t := 1
		if rank <= 1000 {
			t = 3
		} else if rank <= 10000 {
			t = 2
		}
		flags[n] |= t << 2
	})
	readWords(*dict, func(w string) { flags[w] |= 1 << 5 })
	readWords(*small, func(w string) { flags[w] |= 1 << 4 })

	keys := make([]string, 0, len(flags))
	for k := range flags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for _, k := range keys {
		fmt.Fprintf(bw, "%s\t%d\n", k, flags[k])
	}
	if err := bw.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	for _, p := range []string{filepath.Join(*names, "given-names-ssa.csv.gz"), filepath.Join(*names, "surnames-census2010.csv.gz"), *dict, *small, *out} {
		fmt.Printf("%s  %s\n", sum(p), p)
	}
	fmt.Printf("%d entries\n", len(keys))
}

func sum(p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		log.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func readCSV(p string, fn func([]string)) {
	f, err := os.Open(p)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		log.Fatal(err)
	}
	s := bufio.NewScanner(zr)
	s.Scan() // header
	for s.Scan() {
		fn(strings.Split(s.Text(), ","))
	}
	if err := s.Err(); err != nil && err != io.EOF {
		log.Fatal(err)
	}
}

func readWords(p string, fn func(string)) {
	b, err := os.ReadFile(p)
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range strings.Split(string(b), "\n") {
		if len(w) < 2 {
			continue
		}
		ok := true
		for i := 0; i < len(w); i++ {
			if w[i] < 'a' || w[i] > 'z' {
				ok = false
				break
			}
		}
		if ok {
			fn(w)
		}
	}
}
