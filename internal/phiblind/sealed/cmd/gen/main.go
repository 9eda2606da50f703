// Command gen writes internal/phiblind/sealed/testdata/sealed.tsv (run from
// the module root). The output is byte-for-byte deterministic.
package main

import (
	"bytes"
	"flag"
	"log"
	"os"

	"github.com/phisafe/phisafe/internal/phiblind"
	"github.com/phisafe/phisafe/internal/phiblind/sealed"
)

func main() {
	out := flag.String("o", "internal/phiblind/sealed/testdata/sealed.tsv", "output file")
	flag.Parse()
	var b bytes.Buffer
	if err := phiblind.WriteTSV(&b, sealed.Generate(sealed.Seed, sealed.Size)); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
