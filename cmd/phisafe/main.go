// Command phisafe is the command-line face of the phisafe library.
//
//	phisafe scan [-json] [-min-confidence 0.5] [NAME ...]
//	phisafe encrypt (-key-file F | -kms-key ARN) [-context k=v ...] [-in F] [-out F]
//	phisafe decrypt (-key-file F | -kms-key ARN) -context k=v ... [-in F] [-out F]
//
// encrypt and decrypt stream in the AWS Encryption SDK message format with
// memory bounded by the frame size. encrypt writes the committing unsigned
// suite 0x0478 by default (-suite 0x0578 adds a signature), so that decrypt
// can verify each frame as it arrives. decrypt releases nothing unverified,
// to a file or to standard output: an unsigned message frame by frame as
// each frame's tag checks, a signed one only once its signature at the end
// verifies (it holds up to -max-buffer bytes meanwhile, and refuses larger
// signed messages unless -allow-unverified-streaming, which is audited);
// a file appears only once the whole message has verified. Both write an
// audit record per operation (JSON lines on standard error, or -audit-log
// FILE).
//
// scan checks names (S3 keys, metadata, table and attribute names, mail
// subjects) for HIPAA Safe Harbor identifiers. Names come from the
// arguments, or from standard input one a line. For each finding it prints
// the line number, the category, the byte range and the confidence, and
// the name with the finding masked, never the value itself. It exits 1
// when any name holds PHI, 0 when none does, and 2 on a usage error, so it
// can gate a pipeline:
//
//	aws s3api list-objects-v2 --bucket b --query 'Contents[].Key' --output text | tr '\t' '\n' | phisafe scan
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func usage(w io.Writer) {
	fmt.Fprintln(w, `usage: phisafe <command> [flags]

commands:
  scan     check names for PHI (exit 1 when any is found)
  encrypt  encrypt a file or stream (AWS Encryption SDK format; raw key file or KMS key)
  decrypt  decrypt a file or stream; -context pairs the message must hold
  vectors  run an AWS Encryption SDK decrypt test vector manifest (exit 1 on any failure)

Run "phisafe <command> -h" for a command's flags.`)
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "scan":
		return scan(args[1:], stdin, stdout, stderr)
	case "encrypt", "decrypt":
		return cryptMain(args[0], args[1:], stdin, stdout, stderr)
	case "vectors":
		return vectorsMain(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return 0
	default:
		fmt.Fprintf(stderr, "phisafe: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
}
