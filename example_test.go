package phisafe_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/kms"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
)

// The happy path, offline: one Policy, a hardened AWS config, and every
// operation through Policy.Guard. The KMS server is hipaatest's local one
// on loopback; against AWS, drop the LoopbackTestCA, credentials and
// BaseEndpoint lines.
func Example() {
	ctx := context.Background()
	srv, err := hipaatest.NewKMSServer()
	if err != nil {
		log.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	audit := hipaatest.NewRecorder() // in production: auditlog.Open(path)
	policy := &hipaa.Policy{Auditor: audit}

	cfg, err := hipaa.LoadAWSConfig(ctx, func(o *hipaa.AWSOptions) {
		o.Policy = policy
		o.Region = srv.Region()
		o.LoopbackTestCA = srv.CAPEM()
		o.LoadOptions = append(o.LoadOptions, config.WithCredentialsProvider(srv.Credentials()))
	})
	if err != nil {
		log.Fatal(err)
	}
	client := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(srv.URL()) })

	// A clean name: checked, audited, sent.
	err = policy.Guard(ctx, hipaa.Operation{Action: "kms.CreateKey",
		Names: []hipaa.Name{{Field: "kms.description", Value: "claims-archive-2024"}}},
		func(ctx context.Context) (int64, error) {
			_, err := client.CreateKey(ctx, &kms.CreateKeyInput{Description: aws.String("claims-archive-2024")})
			return 0, err
		})
	fmt.Println("clean name:", err)

	// A name with an SSN in it: refused before anything is sent.
	err = policy.Guard(ctx, hipaa.Operation{Action: "kms.CreateKey",
		Names: []hipaa.Name{{Field: "kms.description", Value: "patient-ssn-219-09-9999"}}},
		func(ctx context.Context) (int64, error) {
			_, err := client.CreateKey(ctx, &kms.CreateKeyInput{})
			return 0, err
		})
	fmt.Println("PHI name refused:", errors.Is(err, hipaa.ErrPHIInName))
	fmt.Println("CreateKey calls that reached KMS:", srv.Calls("CreateKey"))
	fmt.Println("audit outcomes:", audit.Outcomes())
	// Output:
	// clean name: <nil>
	// PHI name refused: true
	// CreateKey calls that reached KMS: 1
	// audit outcomes: [attempt success refused]
}
