package hipaatest_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/smithy-go"

	"github.com/phisafe/phisafe/hipaatest"
)

// newClient builds a kms client of srv by hand, as a user would without the
// helpers: the real SDK client over HTTPS, trusting only the test CA, with
// no retries so that failures surface at once.
func newClient(t testing.TB, srv *hipaatest.KMSServer, optFns ...func(*kms.Options)) *kms.Client {
	t.Helper()
	pool := srv.CertPool()
	httpClient := awshttp.NewBuildableClient().WithTransportOptions(func(tr *http.Transport) {
		tr.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	})
	opts := kms.Options{
		Region:           srv.Region(),
		Credentials:      aws.NewCredentialsCache(staticCreds(srv.AccessKeyID(), srv.SecretAccessKey())),
		HTTPClient:       httpClient,
		BaseEndpoint:     aws.String(srv.URL()),
		RetryMaxAttempts: 1,
	}
	for _, fn := range optFns {
		fn(&opts)
	}
	return kms.New(opts)
}

func staticCreds(id, secret string) aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: id, SecretAccessKey: secret}, nil
	})
}

func createKey(t testing.TB, c *kms.Client, desc string) *types.KeyMetadata {
	t.Helper()
	out, err := c.CreateKey(context.Background(), &kms.CreateKeyInput{Description: aws.String(desc)})
	if err != nil {
		t.Fatalf("CreateKey: %v", err)
	}
	return out.KeyMetadata
}

var ctx = context.Background()

func TestCreateAndDescribeKey(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	c := newClient(t, srv)
	before := time.Now().Add(-time.Second)
	md := createKey(t, c, "records key")

	wantPrefix := "arn:aws:kms:us-east-1:111122223333:key/"
	if aws.ToString(md.Arn) != wantPrefix+aws.ToString(md.KeyId) {
		t.Errorf("Arn = %q, want %s<KeyId %s>", aws.ToString(md.Arn), wantPrefix, aws.ToString(md.KeyId))
	}
	if len(aws.ToString(md.KeyId)) != 36 {
		t.Errorf("KeyId %q is not a UUID", aws.ToString(md.KeyId))
	}
	if !md.Enabled || md.KeyState != types.KeyStateEnabled || md.KeySpec != types.KeySpecSymmetricDefault ||
		md.KeyUsage != types.KeyUsageTypeEncryptDecrypt || md.Origin != types.OriginTypeAwsKms ||
		aws.ToBool(md.MultiRegion) || aws.ToString(md.Description) != "records key" ||
		aws.ToString(md.AWSAccountId) != "111122223333" || md.KeyManager != types.KeyManagerTypeCustomer {
		t.Errorf("unexpected metadata: %+v", md)
	}
	if md.CreationDate == nil || md.CreationDate.Before(before) || md.CreationDate.After(time.Now().Add(time.Second)) {
		t.Errorf("CreationDate = %v", md.CreationDate)
	}
	if len(md.EncryptionAlgorithms) != 1 || md.EncryptionAlgorithms[0] != types.EncryptionAlgorithmSpecSymmetricDefault {
		t.Errorf("EncryptionAlgorithms = %v", md.EncryptionAlgorithms)
	}

	if _, err := c.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String("alias/records"), TargetKeyId: md.KeyId}); err != nil {
		t.Fatalf("CreateAlias: %v", err)
	}
	for _, id := range []string{
		aws.ToString(md.KeyId),
		aws.ToString(md.Arn),
		"alias/records",
		"arn:aws:kms:us-east-1:111122223333:alias/records",
	} {
		out, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: aws.String(id)})
		if err != nil {
			t.Errorf("DescribeKey(%s): %v", id, err)
			continue
		}
		if aws.ToString(out.KeyMetadata.Arn) != aws.ToString(md.Arn) {
			t.Errorf("DescribeKey(%s) = %s, want %s", id, aws.ToString(out.KeyMetadata.Arn), aws.ToString(md.Arn))
		}
	}
}

func TestListKeysAndAliases(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	c := newClient(t, srv)
	var arns []string
	for i := 0; i < 5; i++ {
		arns = append(arns, aws.ToString(createKey(t, c, "k").Arn))
	}
	var got []string
	var marker *string
	for pages := 0; ; pages++ {
		out, err := c.ListKeys(ctx, &kms.ListKeysInput{Limit: aws.Int32(2), Marker: marker})
		if err != nil {
			t.Fatalf("ListKeys: %v", err)
		}
		for _, k := range out.Keys {
			got = append(got, aws.ToString(k.KeyArn))
		}
		if !out.Truncated {
			if pages != 2 {
				t.Errorf("got %d pages, want 3", pages+1)
			}
			break
		}
		marker = out.NextMarker
	}
	if strings.Join(got, ",") != strings.Join(arns, ",") {
		t.Errorf("ListKeys = %v, want %v", got, arns)
	}
	if _, err := c.ListKeys(ctx, &kms.ListKeysInput{Marker: aws.String("bogus")}); !errors.As(err, new(*types.InvalidMarkerException)) {
		t.Errorf("ListKeys(bad marker) = %v, want InvalidMarkerException", err)
	}

	for _, a := range []string{"alias/b", "alias/a"} {
		if _, err := c.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String(a), TargetKeyId: aws.String(arns[0])}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String("alias/c"), TargetKeyId: aws.String(arns[1])}); err != nil {
		t.Fatal(err)
	}
	out, err := c.ListAliases(ctx, &kms.ListAliasesInput{KeyId: aws.String(arns[0])})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Aliases) != 2 || aws.ToString(out.Aliases[0].AliasName) != "alias/a" ||
		aws.ToString(out.Aliases[0].AliasArn) != "arn:aws:kms:us-east-1:111122223333:alias/a" ||
		!strings.HasSuffix(arns[0], aws.ToString(out.Aliases[0].TargetKeyId)) {
		t.Errorf("ListAliases = %+v", out.Aliases)
	}
	all, err := c.ListAliases(ctx, &kms.ListAliasesInput{})
	if err != nil || len(all.Aliases) != 3 {
		t.Fatalf("ListAliases(all) = %v, %v", all, err)
	}

	// UpdateAlias repoints, DeleteAlias removes.
	if _, err := c.UpdateAlias(ctx, &kms.UpdateAliasInput{AliasName: aws.String("alias/c"), TargetKeyId: aws.String(arns[2])}); err != nil {
		t.Fatal(err)
	}
	d, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: aws.String("alias/c")})
	if err != nil || aws.ToString(d.KeyMetadata.Arn) != arns[2] {
		t.Fatalf("after UpdateAlias: %v, %v", d, err)
	}
	if _, err := c.DeleteAlias(ctx, &kms.DeleteAliasInput{AliasName: aws.String("alias/c")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: aws.String("alias/c")}); !errors.As(err, new(*types.NotFoundException)) {
		t.Errorf("after DeleteAlias: %v, want NotFoundException", err)
	}
}

func TestEncryptDecryptRoundTrip(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	c := newClient(t, srv)
	md := createKey(t, c, "")
	if _, err := c.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String("alias/app"), TargetKeyId: md.KeyId}); err != nil {
		t.Fatal(err)
	}
	ec := map[string]string{"tenant": "acme", "purpose": "test"}
	tests := []struct {
		name      string
		keyID     string
		plaintext []byte
		ec        map[string]string
	}{
		{"by id, with context", aws.ToString(md.KeyId), []byte("hello"), ec},
		{"by arn, no context", aws.ToString(md.Arn), []byte{0}, nil},
		{"by alias, max size", "alias/app", bytes.Repeat([]byte{0xab}, 4096), ec},
		{"by alias arn", "arn:aws:kms:us-east-1:111122223333:alias/app", []byte("x"), map[string]string{"": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: aws.String(tt.keyID), Plaintext: tt.plaintext, EncryptionContext: tt.ec})
			if err != nil {
				t.Fatalf("Encrypt: %v", err)
			}
			if aws.ToString(enc.KeyId) != aws.ToString(md.Arn) || enc.EncryptionAlgorithm != types.EncryptionAlgorithmSpecSymmetricDefault {
				t.Errorf("Encrypt output = %+v", enc)
			}
			if bytes.Contains(enc.CiphertextBlob, tt.plaintext) && len(tt.plaintext) > 4 {
				t.Error("ciphertext contains the plaintext")
			}
			// KeyId is optional for symmetric keys; when given (in any form) it must match.
			for _, keyID := range []*string{nil, md.KeyId, aws.String("alias/app")} {
				dec, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: enc.CiphertextBlob, EncryptionContext: tt.ec, KeyId: keyID})
				if err != nil {
					t.Fatalf("Decrypt(KeyId=%v): %v", aws.ToString(keyID), err)
				}
				if !bytes.Equal(dec.Plaintext, tt.plaintext) || aws.ToString(dec.KeyId) != aws.ToString(md.Arn) ||
					dec.EncryptionAlgorithm != types.EncryptionAlgorithmSpecSymmetricDefault {
					t.Errorf("Decrypt = %+v", dec)
				}
			}
		})
	}
}

func TestGenerateDataKey(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	c := newClient(t, srv)
	md := createKey(t, c, "")
	ec := map[string]string{"bucket": "b1"}
	tests := []struct {
		name string
		in   kms.GenerateDataKeyInput
		size int
	}{
		{"AES_256", kms.GenerateDataKeyInput{KeySpec: types.DataKeySpecAes256}, 32},
		{"AES_128", kms.GenerateDataKeyInput{KeySpec: types.DataKeySpecAes128}, 16},
		{"1 byte", kms.GenerateDataKeyInput{NumberOfBytes: aws.Int32(1)}, 1},
		{"1024 bytes", kms.GenerateDataKeyInput{NumberOfBytes: aws.Int32(1024)}, 1024},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			in.KeyId, in.EncryptionContext = md.KeyId, ec
			out, err := c.GenerateDataKey(ctx, &in)
			if err != nil {
				t.Fatalf("GenerateDataKey: %v", err)
			}
			if len(out.Plaintext) != tt.size || aws.ToString(out.KeyId) != aws.ToString(md.Arn) {
				t.Fatalf("got %d-byte key for %s", len(out.Plaintext), aws.ToString(out.KeyId))
			}
			dec, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: out.CiphertextBlob, EncryptionContext: ec})
			if err != nil || !bytes.Equal(dec.Plaintext, out.Plaintext) {
				t.Fatalf("Decrypt = %v, %v", dec, err)
			}
		})
	}
	t.Run("without plaintext", func(t *testing.T) {
		out, err := c.GenerateDataKeyWithoutPlaintext(ctx, &kms.GenerateDataKeyWithoutPlaintextInput{
			KeyId: md.KeyId, KeySpec: types.DataKeySpecAes256, EncryptionContext: ec,
		})
		if err != nil {
			t.Fatal(err)
		}
		dec, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: out.CiphertextBlob, EncryptionContext: ec})
		if err != nil || len(dec.Plaintext) != 32 {
			t.Fatalf("Decrypt = %v, %v", dec, err)
		}
	})
	t.Run("random", func(t *testing.T) {
		out, err := c.GenerateRandom(ctx, &kms.GenerateRandomInput{NumberOfBytes: aws.Int32(20)})
		if err != nil || len(out.Plaintext) != 20 {
			t.Fatalf("GenerateRandom = %v, %v", out, err)
		}
	})
}

// errorCode returns the AWS error code of err.
func errorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

func TestErrors(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	c := newClient(t, srv)
	key := createKey(t, c, "")
	other := createKey(t, c, "")
	disabled := createKey(t, c, "")
	doomed := createKey(t, c, "")
	ec := map[string]string{"tenant": "acme"}
	enc, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: key.KeyId, Plaintext: []byte("secret"), EncryptionContext: ec})
	if err != nil {
		t.Fatal(err)
	}
	encDisabled, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: disabled.KeyId, Plaintext: []byte("secret")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.DisableKey(ctx, &kms.DisableKeyInput{KeyId: disabled.KeyId}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ScheduleKeyDeletion(ctx, &kms.ScheduleKeyDeletionInput{KeyId: doomed.KeyId, PendingWindowInDays: aws.Int32(7)}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String("alias/taken"), TargetKeyId: key.KeyId}); err != nil {
		t.Fatal(err)
	}
	tampered := bytes.Clone(enc.CiphertextBlob)
	tampered[len(tampered)-1] ^= 1
	unknownID := "00000000-0000-4000-8000-000000000000"

	decrypt := func(blob []byte, ec map[string]string, keyID *string) func() error {
		return func() error {
			_, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: blob, EncryptionContext: ec, KeyId: keyID})
			return err
		}
	}
	encrypt := func(keyID *string, pt []byte) func() error {
		return func() error {
			_, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: keyID, Plaintext: pt})
			return err
		}
	}
	tests := []struct {
		name string
		call func() error
		code string // the AWS error code
		as   any    // if not nil, a pointer to the typed error errors.As must find
	}{
		{"wrong encryption context", decrypt(enc.CiphertextBlob, map[string]string{"tenant": "other"}, nil), "InvalidCiphertextException", new(*types.InvalidCiphertextException)},
		{"missing encryption context", decrypt(enc.CiphertextBlob, nil, nil), "InvalidCiphertextException", new(*types.InvalidCiphertextException)},
		{"extra encryption context", decrypt(enc.CiphertextBlob, map[string]string{"tenant": "acme", "x": "y"}, nil), "InvalidCiphertextException", new(*types.InvalidCiphertextException)},
		{"tampered blob", decrypt(tampered, ec, nil), "InvalidCiphertextException", new(*types.InvalidCiphertextException)},
		{"garbage blob", decrypt([]byte("not a kms ciphertext at all, just text"), ec, nil), "InvalidCiphertextException", new(*types.InvalidCiphertextException)},
		{"truncated blob", decrypt(enc.CiphertextBlob[:20], ec, nil), "InvalidCiphertextException", new(*types.InvalidCiphertextException)},
		{"decrypt with other key", decrypt(enc.CiphertextBlob, ec, other.KeyId), "IncorrectKeyException", new(*types.IncorrectKeyException)},
		{"decrypt with unknown key", decrypt(enc.CiphertextBlob, ec, aws.String(unknownID)), "NotFoundException", new(*types.NotFoundException)},
		{"decrypt under disabled key", decrypt(encDisabled.CiphertextBlob, nil, nil), "DisabledException", new(*types.DisabledException)},
		{"encrypt under disabled key", encrypt(disabled.KeyId, []byte("x")), "DisabledException", new(*types.DisabledException)},
		{"encrypt under key pending deletion", encrypt(doomed.KeyId, []byte("x")), "KMSInvalidStateException", new(*types.KMSInvalidStateException)},
		{"unknown key id", encrypt(aws.String(unknownID), []byte("x")), "NotFoundException", new(*types.NotFoundException)},
		{"malformed key id", encrypt(aws.String("nope"), []byte("x")), "NotFoundException", new(*types.NotFoundException)},
		{"unknown alias", encrypt(aws.String("alias/nope"), []byte("x")), "NotFoundException", new(*types.NotFoundException)},
		{"key of another account", encrypt(aws.String("arn:aws:kms:us-east-1:444455556666:key/"+aws.ToString(key.KeyId)), []byte("x")), "NotFoundException", new(*types.NotFoundException)},
		{"malformed arn", encrypt(aws.String("arn:aws:s3:::bucket"), []byte("x")), "InvalidArnException", new(*types.InvalidArnException)},
		{"plaintext too large", encrypt(key.KeyId, make([]byte, 4097)), "ValidationException", nil},
		{"empty plaintext", encrypt(key.KeyId, []byte{}), "ValidationException", nil},
		{"asymmetric algorithm", func() error {
			_, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: key.KeyId, Plaintext: []byte("x"), EncryptionAlgorithm: types.EncryptionAlgorithmSpecRsaesOaepSha256})
			return err
		}, "InvalidKeyUsageException", new(*types.InvalidKeyUsageException)},
		{"alias exists", func() error {
			_, err := c.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String("alias/taken"), TargetKeyId: other.KeyId})
			return err
		}, "AlreadyExistsException", new(*types.AlreadyExistsException)},
		{"reserved alias", func() error {
			_, err := c.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String("alias/aws/s3"), TargetKeyId: other.KeyId})
			return err
		}, "InvalidAliasNameException", new(*types.InvalidAliasNameException)},
		{"alias to alias", func() error {
			_, err := c.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String("alias/x"), TargetKeyId: aws.String("alias/taken")})
			return err
		}, "ValidationException", nil},
		{"asymmetric key", func() error {
			_, err := c.CreateKey(ctx, &kms.CreateKeyInput{KeySpec: types.KeySpecRsa2048, KeyUsage: types.KeyUsageTypeSignVerify})
			return err
		}, "UnsupportedOperationException", new(*types.UnsupportedOperationException)},
		{"data key without size", func() error {
			_, err := c.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{KeyId: key.KeyId})
			return err
		}, "ValidationException", nil},
		{"data key with both sizes", func() error {
			_, err := c.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{KeyId: key.KeyId, KeySpec: types.DataKeySpecAes256, NumberOfBytes: aws.Int32(32)})
			return err
		}, "ValidationException", nil},
		{"data key too large", func() error {
			_, err := c.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{KeyId: key.KeyId, NumberOfBytes: aws.Int32(1025)})
			return err
		}, "ValidationException", nil},
		{"data key under disabled key", func() error {
			_, err := c.GenerateDataKeyWithoutPlaintext(ctx, &kms.GenerateDataKeyWithoutPlaintextInput{KeyId: disabled.KeyId, KeySpec: types.DataKeySpecAes256})
			return err
		}, "DisabledException", new(*types.DisabledException)},
		{"enable key pending deletion", func() error {
			_, err := c.EnableKey(ctx, &kms.EnableKeyInput{KeyId: doomed.KeyId})
			return err
		}, "KMSInvalidStateException", new(*types.KMSInvalidStateException)},
		{"rotate disabled key", func() error {
			_, err := c.RotateKeyOnDemand(ctx, &kms.RotateKeyOnDemandInput{KeyId: disabled.KeyId})
			return err
		}, "DisabledException", new(*types.DisabledException)},
		{"unimplemented operation", func() error {
			_, err := c.Sign(ctx, &kms.SignInput{KeyId: key.KeyId, Message: []byte("m"), SigningAlgorithm: types.SigningAlgorithmSpecEcdsaSha256})
			return err
		}, "UnsupportedOperationException", new(*types.UnsupportedOperationException)},
		{"dry run", func() error {
			_, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: key.KeyId, Plaintext: []byte("x"), DryRun: aws.Bool(true)})
			return err
		}, "DryRunOperationException", new(*types.DryRunOperationException)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil {
				t.Fatalf("succeeded, want %s", tt.code)
			}
			if got := errorCode(err); got != tt.code {
				t.Fatalf("error code %q (%v), want %s", got, err, tt.code)
			}
			if tt.as != nil && !errors.As(err, tt.as) {
				t.Fatalf("%v is not a %T", err, tt.as)
			}
		})
	}
}

func TestKeyLifecycle(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	c := newClient(t, srv)
	md := createKey(t, c, "")
	enc, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: md.KeyId, Plaintext: []byte("x")})
	if err != nil {
		t.Fatal(err)
	}
	state := func() (types.KeyState, bool) {
		t.Helper()
		d, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: md.KeyId})
		if err != nil {
			t.Fatal(err)
		}
		return d.KeyMetadata.KeyState, d.KeyMetadata.Enabled
	}
	if _, err := c.DisableKey(ctx, &kms.DisableKeyInput{KeyId: md.Arn}); err != nil {
		t.Fatal(err)
	}
	if s, on := state(); s != types.KeyStateDisabled || on {
		t.Errorf("after DisableKey: %s %v", s, on)
	}
	if _, err := c.EnableKey(ctx, &kms.EnableKeyInput{KeyId: md.KeyId}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: enc.CiphertextBlob}); err != nil {
		t.Fatalf("Decrypt after EnableKey: %v", err)
	}
	del, err := c.ScheduleKeyDeletion(ctx, &kms.ScheduleKeyDeletionInput{KeyId: md.KeyId})
	if err != nil {
		t.Fatal(err)
	}
	if del.KeyState != types.KeyStatePendingDeletion || aws.ToInt32(del.PendingWindowInDays) != 30 ||
		del.DeletionDate == nil || time.Until(*del.DeletionDate) < 29*24*time.Hour {
		t.Errorf("ScheduleKeyDeletion = %+v", del)
	}
	d, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: md.KeyId})
	if err != nil || d.KeyMetadata.DeletionDate == nil || d.KeyMetadata.KeyState != types.KeyStatePendingDeletion {
		t.Fatalf("DescribeKey pending deletion = %+v, %v", d, err)
	}
	if _, err := c.CancelKeyDeletion(ctx, &kms.CancelKeyDeletionInput{KeyId: md.KeyId}); err != nil {
		t.Fatal(err)
	}
	if s, _ := state(); s != types.KeyStateDisabled {
		t.Errorf("after CancelKeyDeletion: %s, want Disabled", s)
	}
}

func TestRotationKeepsOldCiphertexts(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	c := newClient(t, srv)
	md := createKey(t, c, "")

	st, err := c.GetKeyRotationStatus(ctx, &kms.GetKeyRotationStatusInput{KeyId: md.KeyId})
	if err != nil || st.KeyRotationEnabled {
		t.Fatalf("initial rotation status = %+v, %v", st, err)
	}
	if _, err := c.EnableKeyRotation(ctx, &kms.EnableKeyRotationInput{KeyId: md.KeyId, RotationPeriodInDays: aws.Int32(90)}); err != nil {
		t.Fatal(err)
	}
	st, err = c.GetKeyRotationStatus(ctx, &kms.GetKeyRotationStatusInput{KeyId: md.KeyId})
	if err != nil || !st.KeyRotationEnabled || aws.ToInt32(st.RotationPeriodInDays) != 90 || st.NextRotationDate == nil ||
		aws.ToString(st.KeyId) != aws.ToString(md.Arn) {
		t.Fatalf("rotation status = %+v, %v", st, err)
	}

	var blobs [][]byte
	var materials []string
	for i := 0; i < 3; i++ {
		gdk, err := c.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{KeyId: md.KeyId, KeySpec: types.DataKeySpecAes256})
		if err != nil {
			t.Fatal(err)
		}
		blobs = append(blobs, gdk.CiphertextBlob)
		materials = append(materials, aws.ToString(gdk.KeyMaterialId))
		if i == 0 {
			if _, err := c.RotateKeyOnDemand(ctx, &kms.RotateKeyOnDemandInput{KeyId: md.KeyId}); err != nil {
				t.Fatal(err)
			}
		} else if i == 1 {
			if err := srv.RotateKey(aws.ToString(md.KeyId)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if materials[0] == materials[1] || materials[1] == materials[2] || materials[0] == materials[2] {
		t.Errorf("new data keys do not use the newest key material: %v", materials)
	}
	if n, err := srv.KeyVersions(aws.ToString(md.KeyId)); err != nil || n != 3 {
		t.Errorf("KeyVersions = %d, %v", n, err)
	}
	for i, b := range blobs {
		dec, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: b})
		if err != nil {
			t.Fatalf("Decrypt of blob from version %d: %v", i, err)
		}
		if aws.ToString(dec.KeyMaterialId) != materials[i] {
			t.Errorf("blob %d decrypted with material %s, want %s", i, aws.ToString(dec.KeyMaterialId), materials[i])
		}
	}
	rot, err := c.ListKeyRotations(ctx, &kms.ListKeyRotationsInput{KeyId: md.KeyId})
	if err != nil || len(rot.Rotations) != 2 || rot.Rotations[0].RotationType != types.RotationTypeOnDemand ||
		rot.Rotations[1].RotationType != types.RotationTypeAutomatic {
		t.Fatalf("ListKeyRotations = %+v, %v", rot, err)
	}
	if _, err := c.DisableKeyRotation(ctx, &kms.DisableKeyRotationInput{KeyId: md.KeyId}); err != nil {
		t.Fatal(err)
	}
	st, err = c.GetKeyRotationStatus(ctx, &kms.GetKeyRotationStatusInput{KeyId: md.KeyId})
	if err != nil || st.KeyRotationEnabled {
		t.Fatalf("rotation status after disable = %+v, %v", st, err)
	}
}

func TestReEncrypt(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	c := newClient(t, srv)
	src, dst := createKey(t, c, "src"), createKey(t, c, "dst")
	srcEC, dstEC := map[string]string{"v": "1"}, map[string]string{"v": "2"}
	enc, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: src.KeyId, Plaintext: []byte("payload"), EncryptionContext: srcEC})
	if err != nil {
		t.Fatal(err)
	}
	re, err := c.ReEncrypt(ctx, &kms.ReEncryptInput{
		CiphertextBlob: enc.CiphertextBlob, SourceEncryptionContext: srcEC,
		DestinationKeyId: dst.Arn, DestinationEncryptionContext: dstEC,
	})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(re.SourceKeyId) != aws.ToString(src.Arn) || aws.ToString(re.KeyId) != aws.ToString(dst.Arn) {
		t.Errorf("ReEncrypt = %+v", re)
	}
	dec, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: re.CiphertextBlob, EncryptionContext: dstEC, KeyId: dst.KeyId})
	if err != nil || string(dec.Plaintext) != "payload" {
		t.Fatalf("Decrypt of re-encrypted blob = %v, %v", dec, err)
	}
	if _, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: re.CiphertextBlob, EncryptionContext: srcEC}); !errors.As(err, new(*types.InvalidCiphertextException)) {
		t.Errorf("Decrypt under the source context = %v, want InvalidCiphertextException", err)
	}
	_, err = c.ReEncrypt(ctx, &kms.ReEncryptInput{CiphertextBlob: enc.CiphertextBlob, DestinationKeyId: dst.KeyId})
	if !errors.As(err, new(*types.InvalidCiphertextException)) {
		t.Errorf("ReEncrypt without the source context = %v, want InvalidCiphertextException", err)
	}
	_, err = c.ReEncrypt(ctx, &kms.ReEncryptInput{CiphertextBlob: enc.CiphertextBlob, SourceEncryptionContext: srcEC, SourceKeyId: dst.KeyId, DestinationKeyId: dst.KeyId})
	if !errors.As(err, new(*types.IncorrectKeyException)) {
		t.Errorf("ReEncrypt with the wrong source key = %v, want IncorrectKeyException", err)
	}
}

func TestOutage(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	arn, err := srv.CreateKey("", "alias/outage")
	if err != nil {
		t.Fatal(err)
	}
	// Fast retries, so that the test also shows the SDK retried.
	c := newClient(t, srv, func(o *kms.Options) {
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) {
			so.MaxAttempts = 3
			so.MaxBackoff = time.Millisecond
		})
		o.RetryMaxAttempts = 3
	})
	srv.SetOutage(true)
	_, err = c.Encrypt(ctx, &kms.EncryptInput{KeyId: aws.String(arn), Plaintext: []byte("x")})
	if err == nil {
		t.Fatal("Encrypt during outage succeeded")
	}
	var re *awshttp.ResponseError
	if code := errorCode(err); code != "ServiceUnavailableException" || !errors.As(err, &re) || re.HTTPStatusCode() != 503 {
		t.Errorf("outage error = %v (code %q)", err, code)
	}
	if n := srv.Calls("Encrypt"); n != 3 {
		t.Errorf("Calls(Encrypt) = %d, want 3 (the SDK retries 503)", n)
	}
	srv.SetOutage(false)
	if _, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: aws.String("alias/outage"), Plaintext: []byte("x")}); err != nil {
		t.Fatalf("Encrypt after outage: %v", err)
	}
}

func TestFailNextAndCalls(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	c := newClient(t, srv)
	md := createKey(t, c, "")
	if n := srv.Calls("CreateKey"); n != 1 {
		t.Errorf("Calls(CreateKey) = %d, want 1", n)
	}
	srv.FailNext("Encrypt", hipaatest.CodeKMSInternal)
	srv.FailNext("Encrypt", hipaatest.CodeThrottling)
	in := &kms.EncryptInput{KeyId: md.KeyId, Plaintext: []byte("x")}
	if _, err := c.Encrypt(ctx, in); !errors.As(err, new(*types.KMSInternalException)) {
		t.Errorf("first Encrypt = %v, want KMSInternalException", err)
	}
	if _, err := c.Encrypt(ctx, in); errorCode(err) != "ThrottlingException" {
		t.Errorf("second Encrypt = %v, want ThrottlingException", err)
	}
	if _, err := c.Encrypt(ctx, in); err != nil {
		t.Errorf("third Encrypt: %v", err)
	}
	if n := srv.Calls("Encrypt"); n != 3 {
		t.Errorf("Calls(Encrypt) = %d, want 3", n)
	}
	if n := srv.Calls("Decrypt"); n != 0 {
		t.Errorf("Calls(Decrypt) = %d, want 0", n)
	}
	srv.ResetCalls()
	if n := srv.Calls("Encrypt"); n != 0 {
		t.Errorf("Calls(Encrypt) after ResetCalls = %d", n)
	}
}

func TestConcurrentUse(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	c := srv.Client()
	arn, err := srv.CreateKey("", "alias/shared")
	if err != nil {
		t.Fatal(err)
	}
	const workers, rounds = 8, 15
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				ec := map[string]string{"worker": string(rune('a' + w))}
				gdk, err := c.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{KeyId: aws.String("alias/shared"), KeySpec: types.DataKeySpecAes256, EncryptionContext: ec})
				if err != nil {
					errs <- err
					return
				}
				if w == 0 && i%5 == 0 {
					if _, err := c.RotateKeyOnDemand(ctx, &kms.RotateKeyOnDemandInput{KeyId: aws.String(arn)}); err != nil {
						errs <- err
						return
					}
				}
				dec, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: gdk.CiphertextBlob, EncryptionContext: ec})
				if err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(dec.Plaintext, gdk.Plaintext) {
					errs <- errors.New("plaintext mismatch")
					return
				}
				_ = srv.Calls("Decrypt")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := srv.Calls("Decrypt"); n != workers*rounds {
		t.Errorf("Calls(Decrypt) = %d, want %d", n, workers*rounds)
	}
}

// rawPost sends a KMS request with the given headers, over TLS trusting the
// test CA, and returns the status and decoded error type.
func rawPost(t *testing.T, srv *hipaatest.KMSServer, req *http.Request) (int, string) {
	t.Helper()
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: srv.CertPool(), MinVersion: tls.VersionTLS12}}}
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		if err := json.Unmarshal(b, &body); err != nil {
			t.Fatalf("error body %q: %v", b, err)
		}
		if resp.Header.Get("Content-Type") != "application/x-amz-json-1.1" {
			t.Errorf("Content-Type = %q", resp.Header.Get("Content-Type"))
		}
	}
	return resp.StatusCode, body.Type
}

func newRawRequest(t *testing.T, srv *hipaatest.KMSServer, target, body string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL()+"/", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "TrentService."+target)
	return req
}

func sign(t *testing.T, req *http.Request, body, id, secret, region string, at time.Time) {
	t.Helper()
	sum := sha256.Sum256([]byte(body))
	err := v4.NewSigner().SignHTTP(ctx, aws.Credentials{AccessKeyID: id, SecretAccessKey: secret}, req, hex.EncodeToString(sum[:]), "kms", region, at)
	if err != nil {
		t.Fatal(err)
	}
}

func TestAuthentication(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	const body = `{"Limit":10}`
	tests := []struct {
		name     string
		prepare  func(req *http.Request)
		wantCode string
	}{
		{"signed", func(req *http.Request) {
			sign(t, req, body, srv.AccessKeyID(), srv.SecretAccessKey(), srv.Region(), time.Now())
		}, ""},
		{"unsigned", func(*http.Request) {}, "MissingAuthenticationTokenException"},
		{"not SigV4", func(req *http.Request) { req.Header.Set("Authorization", "Basic dXNlcjpwYXNz") }, "IncompleteSignatureException"},
		{"wrong secret", func(req *http.Request) {
			sign(t, req, body, srv.AccessKeyID(), "wrong", srv.Region(), time.Now())
		}, "InvalidSignatureException"},
		{"unknown access key", func(req *http.Request) {
			sign(t, req, body, "AKIDSOMEONEELSE00000", srv.SecretAccessKey(), srv.Region(), time.Now())
		}, "UnrecognizedClientException"},
		{"wrong region", func(req *http.Request) {
			sign(t, req, body, srv.AccessKeyID(), srv.SecretAccessKey(), "eu-west-1", time.Now())
		}, "InvalidSignatureException"},
		{"stale signature", func(req *http.Request) {
			sign(t, req, body, srv.AccessKeyID(), srv.SecretAccessKey(), srv.Region(), time.Now().Add(-time.Hour))
		}, "InvalidSignatureException"},
		{"signed header changed", func(req *http.Request) {
			sign(t, req, body, srv.AccessKeyID(), srv.SecretAccessKey(), srv.Region(), time.Now())
			req.Header.Set("X-Amz-Target", "TrentService.CreateKey")
		}, "InvalidSignatureException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := newRawRequest(t, srv, "ListKeys", body)
			tt.prepare(req)
			status, code := rawPost(t, srv, req)
			if code != tt.wantCode {
				t.Fatalf("status %d, code %q; want code %q", status, code, tt.wantCode)
			}
			if tt.wantCode != "" && status != http.StatusBadRequest {
				t.Errorf("status %d, want 400", status)
			}
		})
	}

	t.Run("body changed after signing", func(t *testing.T) {
		req := newRawRequest(t, srv, "ListKeys", `{"Limit":11}`)
		sign(t, req, body, srv.AccessKeyID(), srv.SecretAccessKey(), srv.Region(), time.Now())
		if _, code := rawPost(t, srv, req); code != "InvalidSignatureException" {
			t.Fatalf("code %q, want InvalidSignatureException", code)
		}
	})

	t.Run("SDK client with wrong secret", func(t *testing.T) {
		c := newClient(t, srv, func(o *kms.Options) { o.Credentials = staticCreds(srv.AccessKeyID(), "wrong") })
		_, err := c.ListKeys(ctx, &kms.ListKeysInput{})
		if code := errorCode(err); code != "InvalidSignatureException" {
			t.Fatalf("ListKeys with wrong secret: %v, want InvalidSignatureException", err)
		}
	})

	t.Run("any credentials", func(t *testing.T) {
		open := hipaatest.StartKMS(t, hipaatest.WithAnyCredentials())
		c := newClient(t, open, func(o *kms.Options) { o.Credentials = staticCreds("AKIDWHATEVER", "whatever") })
		if _, err := c.ListKeys(ctx, &kms.ListKeysInput{}); err != nil {
			t.Fatalf("ListKeys with any credentials: %v", err)
		}
		req := newRawRequest(t, open, "ListKeys", body)
		if _, code := rawPost(t, open, req); code != "MissingAuthenticationTokenException" {
			t.Fatalf("unsigned request to WithAnyCredentials server: code %q", code)
		}
	})

	t.Run("unknown target", func(t *testing.T) {
		req := newRawRequest(t, srv, "ListKeys", body)
		req.Header.Set("X-Amz-Target", "DynamoDB_20120810.ListTables")
		sign(t, req, body, srv.AccessKeyID(), srv.SecretAccessKey(), srv.Region(), time.Now())
		if _, code := rawPost(t, srv, req); code != "UnknownOperationException" {
			t.Fatalf("code %q, want UnknownOperationException", code)
		}
	})

	t.Run("malformed body", func(t *testing.T) {
		req := newRawRequest(t, srv, "ListKeys", `{"Limit":`)
		sign(t, req, `{"Limit":`, srv.AccessKeyID(), srv.SecretAccessKey(), srv.Region(), time.Now())
		if _, code := rawPost(t, srv, req); code != "SerializationException" {
			t.Fatalf("code %q, want SerializationException", code)
		}
	})
}

func TestTLSRequiresTestCA(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	if !strings.HasPrefix(srv.URL(), "https://127.0.0.1:") {
		t.Fatalf("URL = %q", srv.URL())
	}
	// A client trusting only the system roots must refuse the server.
	c := newClient(t, srv, func(o *kms.Options) {
		o.HTTPClient = awshttp.NewBuildableClient().WithTransportOptions(func(tr *http.Transport) {
			tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		})
	})
	if _, err := c.ListKeys(ctx, &kms.ListKeysInput{}); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("ListKeys without the test CA: %v, want a certificate error", err)
	}
	// The certificate is valid for localhost too.
	host := strings.Replace(srv.URL(), "127.0.0.1", "localhost", 1)
	c = newClient(t, srv, func(o *kms.Options) { o.BaseEndpoint = aws.String(host) })
	if _, err := c.ListKeys(ctx, &kms.ListKeysInput{}); err != nil {
		t.Fatalf("ListKeys via localhost: %v", err)
	}
	// CertPool returns a fresh pool each time.
	if p1, p2 := srv.CertPool(), srv.CertPool(); p1 == p2 {
		t.Error("CertPool returned the same pool twice")
	}
}

func TestGivenCertificate(t *testing.T) {
	ca, err := hipaatest.NewTestCA("given CA")
	if err != nil {
		t.Fatal(err)
	}
	cert, err := ca.IssueServerCert("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	srv := hipaatest.StartKMS(t, hipaatest.WithCertificate(cert, ca.CertPEM()),
		hipaatest.WithRegion("eu-central-1"), hipaatest.WithAccount("444455556666"),
		hipaatest.WithCredentials("AKIDCUSTOM0000000000", "custom-secret"))
	if srv.TestCA() != nil || !bytes.Equal(srv.CAPEM(), ca.CertPEM()) {
		t.Error("CAPEM is not the given CA")
	}
	md := createKey(t, srv.Client(), "")
	if !strings.HasPrefix(aws.ToString(md.Arn), "arn:aws:kms:eu-central-1:444455556666:key/") {
		t.Errorf("Arn = %s", aws.ToString(md.Arn))
	}
}

func TestStateFileSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kms-state.json")
	srv1, err := hipaatest.NewKMSServer(hipaatest.WithStateFile(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := srv1.Start(); err != nil {
		t.Fatal(err)
	}
	arn, err := srv1.CreateKey("persistent", "alias/keep")
	if err != nil {
		t.Fatal(err)
	}
	c1 := srv1.Client()
	if _, err := c1.RotateKeyOnDemand(ctx, &kms.RotateKeyOnDemandInput{KeyId: aws.String(arn)}); err != nil {
		t.Fatal(err)
	}
	enc, err := c1.Encrypt(ctx, &kms.EncryptInput{KeyId: aws.String("alias/keep"), Plaintext: []byte("kept")})
	if err != nil {
		t.Fatal(err)
	}
	srv1.Close()

	srv2 := hipaatest.StartKMS(t, hipaatest.WithStateFile(path))
	dec, err := srv2.Client().Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: enc.CiphertextBlob, KeyId: aws.String("alias/keep")})
	if err != nil || string(dec.Plaintext) != "kept" || aws.ToString(dec.KeyId) != arn {
		t.Fatalf("Decrypt after restart = %v, %v", dec, err)
	}
	if n, _ := srv2.KeyVersions(arn); n != 2 {
		t.Errorf("KeyVersions after restart = %d, want 2", n)
	}
}

func TestHelpersClient(t *testing.T) {
	srv := hipaatest.StartKMS(t)
	arn, err := srv.CreateKey("direct", "alias/one", "alias/two")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.CreateKey("dup", "alias/one"); err == nil {
		t.Error("CreateKey with a taken alias succeeded")
	}
	if srv.Calls("CreateKey") != 0 {
		t.Error("direct CreateKey counted as a call")
	}
	c := srv.Client()
	for _, a := range []string{"alias/one", "alias/two"} {
		d, err := c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: aws.String(a)})
		if err != nil || aws.ToString(d.KeyMetadata.Arn) != arn || aws.ToString(d.KeyMetadata.Description) != "direct" {
			t.Fatalf("DescribeKey(%s) = %v, %v", a, d, err)
		}
	}
	cfg := srv.AWSConfig()
	if cfg.Region != "us-east-1" || aws.ToString(cfg.BaseEndpoint) != srv.URL() {
		t.Errorf("AWSConfig = %+v", cfg)
	}
	creds, err := srv.Credentials().Retrieve(ctx)
	if err != nil || creds.AccessKeyID != hipaatest.TestAccessKeyID || creds.SecretAccessKey != hipaatest.TestSecretAccessKey {
		t.Errorf("Credentials = %+v, %v", creds, err)
	}
}

func TestNewKMSServerValidation(t *testing.T) {
	for _, opt := range []hipaatest.KMSOption{
		hipaatest.WithRegion(""),
		hipaatest.WithAccount("123"),
		hipaatest.WithCredentials("", ""),
	} {
		if _, err := hipaatest.NewKMSServer(opt); err == nil {
			t.Error("NewKMSServer accepted an invalid option")
		}
	}
}
