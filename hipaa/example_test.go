package hipaa_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
)

// Guard runs one operation under the event rule: the key is checked, the
// attempt recorded, the work done, the outcome recorded.
func ExamplePolicy_Guard() {
	rec := hipaatest.NewRecorder() // a real service uses hipaa/auditlog
	policy := &hipaa.Policy{Auditor: rec}
	ctx := context.Background()

	put := func(key string) error {
		return policy.Guard(ctx, hipaa.Operation{
			Action:   "s3.PutObject",
			Resource: "arn:aws:s3:::example-bucket",
			Names:    []hipaa.Name{{Field: "s3.key", Value: key}},
		}, func(ctx context.Context) (int64, error) {
			return 1024, nil // the AWS call
		})
	}
	fmt.Println(put("exports/2024/06/batch-7.parquet"))
	err := put("intake/patient-ssn-219-09-9999.pdf")
	fmt.Println(errors.Is(err, hipaa.ErrPHIInName))
	for _, e := range rec.Events() {
		fmt.Println(e.Action, e.Outcome, e.Reason, e.Bytes)
	}
	// Output:
	// <nil>
	// true
	// s3.PutObject attempt  0
	// s3.PutObject success  1024
	// s3.PutObject refused phi-in-name 0
}

// Begin and End bracket an operation that Guard's function cannot hold: a
// stream, or a connection a driver completes in a callback.
func ExamplePolicy_Begin() {
	rec := hipaatest.NewRecorder()
	policy := &hipaa.Policy{Auditor: rec}

	ctx, op, err := policy.Begin(context.Background(), hipaa.Operation{Action: "rds.Connect", Resource: "db-1:5432"})
	if err != nil {
		log.Fatal(err) // refused, or the attempt could not be recorded: do nothing
	}
	_ = ctx // the work runs with ctx, which carries the request id
	// ... later, perhaps on another goroutine:
	err = op.End(hipaa.Result{Detail: "tls=TLSv1.3"})
	fmt.Println(err)
	ev := rec.Events()
	fmt.Println(ev[0].Outcome, ev[1].Outcome, ev[1].Detail, ev[0].RequestID == ev[1].RequestID)
	// Output:
	// <nil>
	// attempt success tls=TLSv1.3 true
}

// LoadAWSConfig builds the hardened AWS configuration; here against the
// local KMS server of hipaatest, whose test CA is trusted for loopback only.
func ExampleLoadAWSConfig() {
	srv, err := hipaatest.NewKMSServer()
	if err != nil {
		log.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	ctx := context.Background()
	cfg, err := hipaa.LoadAWSConfig(ctx, func(o *hipaa.AWSOptions) {
		o.Region = srv.Region()
		o.LoopbackTestCA = srv.CAPEM()
		o.LoadOptions = append(o.LoadOptions, config.WithCredentialsProvider(
			credentials.NewStaticCredentialsProvider(srv.AccessKeyID(), srv.SecretAccessKey(), "")))
	})
	if err != nil {
		log.Fatal(err)
	}
	client := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String(srv.URL()) })
	_, err = client.ListKeys(ctx, &kms.ListKeysInput{})
	fmt.Println("over verified TLS:", err)

	plain := kms.NewFromConfig(cfg, func(o *kms.Options) { o.BaseEndpoint = aws.String("http://127.0.0.1:1") })
	_, err = plain.ListKeys(ctx, &kms.ListKeysInput{})
	fmt.Println("plain HTTP refused:", errors.Is(err, hipaa.ErrInsecureTransport))
	// Output:
	// over verified TLS: <nil>
	// plain HTTP refused: true
}
