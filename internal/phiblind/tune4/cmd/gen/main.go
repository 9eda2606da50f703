// Command gen writes internal/phiblind/tune4/testdata/tune4.tsv.
// Run from the module root: go run ./internal/phiblind/tune4/cmd/gen
package main

import (
	"bytes"
	"log"
	"os"

	"github.com/phisafe/phisafe/internal/phiblind"
	"github.com/phisafe/phisafe/internal/phiblind/tune4"
)

func main() {
	var b bytes.Buffer
	if err := phiblind.WriteTSV(&b, tune4.Generate(tune4.Seed, tune4.Lines)); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("internal/phiblind/tune4/testdata/tune4.tsv", b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
