// Quickstart: the phisafe policy core end to end against the local stack.
//
//  1. a hardened aws.Config (TLS 1.2+, AEAD suites, HTTPS only) talks to the
//     stack's KMS server over HTTPS, trusting the stack's CA for loopback only;
//  2. a plain-HTTP endpoint is refused before anything is sent;
//  3. an operation whose object key holds PHI is refused before any I/O;
//  4. every step is recorded in a hash-chained audit log, which is then
//     verified.
//
// Run it with `make demo` (which starts the stack and sets the environment:
// PHISAFE_KMS_ENDPOINT, PHISAFE_STACK_CA and the test credentials).
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/auditlog"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) error {
	endpoint := os.Getenv("PHISAFE_KMS_ENDPOINT")
	caFile := os.Getenv("PHISAFE_STACK_CA")
	if endpoint == "" || caFile == "" {
		return errors.New("quickstart: PHISAFE_KMS_ENDPOINT and PHISAFE_STACK_CA are not set; run `make demo`")
	}
	caPEM, err := os.ReadFile(caFile)
	if err != nil {
		return err
	}

	// The audit trail: a tamper-evident file, and JSON lines on stderr.
	dir, err := os.MkdirTemp("", "phisafe-quickstart-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	logPath := filepath.Join(dir, "audit.log")
	auditLog, err := auditlog.Open(logPath)
	if err != nil {
		return err
	}
	slogAuditor, err := auditlog.NewSlog(slog.New(slog.NewJSONHandler(os.Stderr, nil)))
	if err != nil {
		return err
	}
	policy := &hipaa.Policy{Auditor: auditlog.Multi(auditLog, slogAuditor)}
	ctx = hipaa.WithActor(ctx, "quickstart")

	// 1. Hardened AWS config; the stack's CA is trusted for loopback only.
	cfg, err := hipaa.LoadAWSConfig(ctx, func(o *hipaa.AWSOptions) {
		o.Policy = policy
		o.LoopbackTestCA = caPEM
	})
	if err != nil {
		return err
	}
	client := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(endpoint) })

	var keyID string
	err = policy.Guard(ctx, hipaa.Operation{Action: "kms.CreateKey"}, func(ctx context.Context) (int64, error) {
		out, err := client.CreateKey(ctx, &kms.CreateKeyInput{Description: aws.String("phisafe quickstart")})
		if err != nil {
			return 0, err
		}
		keyID = aws.ToString(out.KeyMetadata.Arn)
		return 0, nil
	})
	if err != nil {
		return fmt.Errorf("create key: %w", err)
	}
	fmt.Println("1. KMS over HTTPS with the hardened TLS config: created a key")

	// A data key under an encryption context with no PHI in it.
	err = policy.Guard(ctx, hipaa.Operation{Action: "kms.GenerateDataKey", KeyID: keyID,
		Names: []hipaa.Name{{Field: "encryption-context", Value: "tenant-42"}}},
		func(ctx context.Context) (int64, error) {
			out, err := client.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{KeyId: &keyID,
				KeySpec: "AES_256", EncryptionContext: map[string]string{"tenant": "tenant-42"}})
			if err != nil {
				return 0, err
			}
			clear(out.Plaintext) // a real caller encrypts with it, then forgets it
			return int64(len(out.CiphertextBlob)), nil
		})
	if err != nil {
		return fmt.Errorf("generate data key: %w", err)
	}
	fmt.Println("   generated a data key bound to an encryption context")

	// 2. Plain HTTP is refused before sending.
	insecure := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String("http://127.0.0.1:1") })
	_, err = insecure.ListKeys(ctx, &kms.ListKeysInput{})
	if !errors.Is(err, hipaa.ErrInsecureTransport) {
		return fmt.Errorf("plain HTTP was not refused: %v", err)
	}
	fmt.Println("2. refused a plain-HTTP endpoint:", errors.Is(err, hipaa.ErrInsecureTransport))

	// 3. A name with PHI is refused before any I/O; the error says which
	// category and where, never the value.
	ran := false
	err = policy.Guard(ctx, hipaa.Operation{Action: "s3.PutObject", Resource: "arn:aws:s3:::example-bucket",
		Names: []hipaa.Name{{Field: "s3.key", Value: "intake/john_smith_dob_1980-01-02.pdf"}}},
		func(ctx context.Context) (int64, error) { ran = true; return 0, nil })
	var phiErr *hipaa.PHIError
	if !errors.As(err, &phiErr) || ran {
		return fmt.Errorf("PHI name was not refused: %v", err)
	}
	fmt.Println("3. refused a PHI object key:", err)

	// 4. The audit log verifies, and says how many records it holds.
	if err := auditLog.Close(); err != nil {
		return err
	}
	n, err := auditlog.Verify(logPath)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	fmt.Printf("4. audit log written and verified: %d hash-chained records\n", n)
	return nil
}
