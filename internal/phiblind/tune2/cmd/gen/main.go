// Command gen writes internal/phiblind/tune2/testdata/tune2.tsv. Run it from
// the module root: go run ./internal/phiblind/tune2/cmd/gen
package main

import (
	"bytes"
	"log"
	"os"

	"github.com/phisafe/phisafe/internal/phiblind"
	"github.com/phisafe/phisafe/internal/phiblind/tune2"
)

func main() {
	var b bytes.Buffer
	if err := phiblind.WriteTSV(&b, tune2.Generate(tune2.Seed, tune2.Lines)); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("internal/phiblind/tune2/testdata/tune2.tsv", b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
