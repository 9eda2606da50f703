package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/phisafe/phisafe/hipaa/phi"
)

// scanResult is one finding in -json output. It carries no part of the
// name but the masked form.
type scanResult struct {
	Line       int     `json:"line"`
	Category   string  `json:"category"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Confidence float64 `json:"confidence"`
	Masked     string  `json:"masked"`
}

func scan(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("phisafe scan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per finding")
	minConf := fs.Float64("min-confidence", phi.DefaultMinConfidence, "report findings at or above this confidence (0-1]")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: phisafe scan [-json] [-min-confidence C] [NAME ...]\n\nNames come from the arguments, or one a line on standard input.\nExit status: 0 no PHI, 1 PHI found, 2 usage or input error.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *minConf <= 0 || *minConf > 1 {
		fmt.Fprintln(stderr, "phisafe scan: -min-confidence must be in (0, 1]")
		return 2
	}

	det := phi.Default()
	enc := json.NewEncoder(stdout)
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	found := false
	lineNo := 0
	check := func(name string) {
		lineNo++
		var hits []phi.Finding
		for _, f := range det.Scan(name) {
			if f.Confidence >= *minConf {
				hits = append(hits, f)
			}
		}
		if len(hits) == 0 {
			return
		}
		found = true
		masked := Mask(name, hits)
		for _, f := range hits {
			if *asJSON {
				out.Flush()
				_ = enc.Encode(scanResult{Line: lineNo, Category: string(f.Category), Start: f.Start, End: f.End, Confidence: f.Confidence, Masked: masked})
				continue
			}
			fmt.Fprintf(out, "%d:%d-%d\t%s\t%.2f\t%s\n", lineNo, f.Start, f.End, f.Category, f.Confidence, masked)
		}
	}

	if fs.NArg() > 0 {
		for _, name := range fs.Args() {
			check(name)
		}
	} else {
		sc := bufio.NewScanner(stdin)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			check(strings.TrimRight(sc.Text(), "\r"))
		}
		if err := sc.Err(); err != nil {
			out.Flush()
			fmt.Fprintf(stderr, "phisafe scan: reading input: %v\n", err)
			return 2
		}
	}
	if found {
		return 1
	}
	return 0
}

// Mask returns name with every byte inside a finding replaced by '*',
// keeping separators so the shape of the key stays readable.
func Mask(name string, findings []phi.Finding) string {
	b := []byte(name)
	for _, f := range findings {
		if f.Start < 0 || f.End > len(b) || f.Start >= f.End {
			continue
		}
		for i := f.Start; i < f.End; i++ {
			switch b[i] {
			case '/', '_', '-', '.', ' ':
			default:
				b[i] = '*'
			}
		}
	}
	return string(b)
}
