package envelope_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/phisafe/phisafe/envelope"
	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaatest"
)

// Encrypting a record offline with a raw AES keyring. In production the
// keyring is usually envelope.NewKMSKeyring, and the wrapping key below
// would come from a secret store, never from source code.
func Example() {
	wrappingKey := make([]byte, 32) // 32 random bytes in real use
	keyring, err := envelope.NewRawAESKeyring("phisafe-example", "records-key-1", wrappingKey)
	if err != nil {
		log.Fatal(err)
	}
	audit := hipaatest.NewRecorder() // e.g. auditlog.Open in real use
	client, err := envelope.New(&hipaa.Policy{Auditor: audit}, keyring)
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	ec := map[string]string{"tenant": "t-42", "purpose": "lab-results"}

	msg, err := client.Encrypt(ctx, []byte("potassium 4.1 mmol/L"), ec)
	if err != nil {
		log.Fatal(err)
	}
	record, err := client.Decrypt(ctx, msg, ec)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s\n", record)

	_, err = client.Decrypt(ctx, msg, map[string]string{"tenant": "t-43"})
	fmt.Println("other tenant refused:", errors.Is(err, envelope.ErrEncryptionContext))

	msg[len(msg)-1] ^= 1
	_, err = client.Decrypt(ctx, msg, ec)
	fmt.Println("altered message refused:", errors.Is(err, hipaa.ErrTampered))

	fmt.Println("audit events:", audit.Len()) // attempt and outcome of each call
	// Output:
	// potassium 4.1 mmol/L
	// other tenant refused: true
	// altered message refused: true
	// audit events: 8
}
