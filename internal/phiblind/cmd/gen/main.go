// Command gen writes the blind PHI corpus files into internal/phiblind/testdata.
//
//	go run ./internal/phiblind/cmd/gen [-dir internal/phiblind/testdata]
//
// The output is deterministic: the seeds and sizes below are part of the
// corpus definition. Changing them (or the templates or name lists) changes
// the files; regenerate the holdout only deliberately, never to tune.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/phisafe/phisafe/internal/phiblind"
)

const (
	devSeed     = 20240611
	devLines    = 3200
	holdoutSeed = 9119731
	holdLines   = 1700
)

func main() {
	dir := flag.String("dir", "internal/phiblind/testdata", "output directory")
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatal(err)
	}
	write := func(name string, lines []phiblind.Line) {
		p := filepath.Join(*dir, name)
		f, err := os.Create(p)
		if err != nil {
			log.Fatal(err)
		}
		if err := phiblind.WriteTSV(f, lines); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
		n := 0
		for _, l := range lines {
			if l.PHI {
				n++
			}
		}
		fmt.Printf("%s: %d lines, %d with PHI (%.1f%%)\n", p, len(lines), n, 100*float64(n)/float64(len(lines)))
	}
	write("dev.tsv", phiblind.Generate(devSeed, phiblind.Dev, devLines))
	write("holdout.tsv", phiblind.Generate(holdoutSeed, phiblind.Holdout, holdLines))
}
