package hipaatest_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"

	"github.com/phisafe/phisafe/hipaatest"
)

// The happy path: a local KMS on loopback, the real SDK client, envelope
// encryption with an encryption context. In a test, use
// hipaatest.StartKMS(t) instead of NewKMSServer, Start and Close.
func Example() {
	srv, err := hipaatest.NewKMSServer()
	if err != nil {
		log.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	if _, err := srv.CreateKey("example key", "alias/example"); err != nil {
		log.Fatal(err)
	}
	client := srv.Client() // HTTPS, trusting only the server's test CA
	ctx := context.Background()
	ec := map[string]string{"tenant": "t-1"}

	dk, err := client.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{
		KeyId:             aws.String("alias/example"),
		KeySpec:           types.DataKeySpecAes256,
		EncryptionContext: ec,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("data key bytes:", len(dk.Plaintext))

	out, err := client.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: dk.CiphertextBlob, EncryptionContext: ec})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("unwrapped the same key:", string(out.Plaintext) == string(dk.Plaintext))

	_, err = client.Decrypt(ctx, &kms.DecryptInput{
		CiphertextBlob:    dk.CiphertextBlob,
		EncryptionContext: map[string]string{"tenant": "t-2"},
	})
	var invalid *types.InvalidCiphertextException
	fmt.Println("wrong context refused:", errors.As(err, &invalid))
	fmt.Println("Decrypt calls:", srv.Calls("Decrypt"))

	// Output:
	// data key bytes: 32
	// unwrapped the same key: true
	// wrong context refused: true
	// Decrypt calls: 2
}

// Simulating a KMS outage to test failure handling. The SDK retries HTTP
// 503, so the client here is limited to one attempt.
func ExampleKMSServer_SetOutage() {
	srv, err := hipaatest.NewKMSServer()
	if err != nil {
		log.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	keyARN, err := srv.CreateKey("")
	if err != nil {
		log.Fatal(err)
	}
	client := srv.Client(func(o *kms.Options) { o.RetryMaxAttempts = 1 })

	srv.SetOutage(true)
	_, err = client.Encrypt(context.Background(), &kms.EncryptInput{KeyId: aws.String(keyARN), Plaintext: []byte("x")})
	fmt.Println("during outage:", errorCode(err))

	srv.SetOutage(false)
	_, err = client.Encrypt(context.Background(), &kms.EncryptInput{KeyId: aws.String(keyARN), Plaintext: []byte("x")})
	fmt.Println("after outage:", err)

	// Output:
	// during outage: ServiceUnavailableException
	// after outage: <nil>
}
