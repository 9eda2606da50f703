// Command gen writes internal/phiblind/tune3/testdata/tune3.tsv (seed 3303,
// 2,500 lines). Run it from the module root.
package main

import (
	"bytes"
	"log"
	"os"
	"path/filepath"

	pb "github.com/phisafe/phisafe/internal/phiblind"
	"github.com/phisafe/phisafe/internal/phiblind/tune3"
)

func main() {
	var b bytes.Buffer
	if err := pb.WriteTSV(&b, tune3.Generate(tune3.Seed, tune3.Lines)); err != nil {
		log.Fatal(err)
	}
	p := filepath.Join("internal", "phiblind", "tune3", "testdata", "tune3.tsv")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
