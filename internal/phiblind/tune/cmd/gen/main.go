// Command gen writes internal/phiblind/tune/testdata/tune.tsv (seed 424242,
// 4,000 lines). Run it from the module root: go run ./internal/phiblind/tune/cmd/gen
package main

import (
	"bytes"
	"flag"
	"log"
	"os"

	"github.com/phisafe/phisafe/internal/phiblind"
	"github.com/phisafe/phisafe/internal/phiblind/tune"
)

func main() {
	out := flag.String("o", "internal/phiblind/tune/testdata/tune.tsv", "output file")
	flag.Parse()
	var buf bytes.Buffer
	if err := phiblind.WriteTSV(&buf, tune.Generate(tune.Seed, tune.Lines)); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
