package hipaatest

import (
	"fmt"
	"net/http"
)

// Error codes the server puts in the "__type" member of its JSON error
// bodies. Codes the kms client models (NotFoundException, DisabledException,
// ...) come back from the aws-sdk-go-v2 kms client as the matching
// *types.XxxException; the others (ValidationException, the authentication
// codes, ServiceUnavailableException) come back as a *smithy.GenericAPIError
// whose ErrorCode() is the code. These are also the codes FailNext accepts.
const (
	CodeAlreadyExists         = "AlreadyExistsException"
	CodeDependencyTimeout     = "DependencyTimeoutException"
	CodeDisabled              = "DisabledException"
	CodeIncorrectKey          = "IncorrectKeyException"
	CodeInvalidAliasName      = "InvalidAliasNameException"
	CodeInvalidArn            = "InvalidArnException"
	CodeInvalidCiphertext     = "InvalidCiphertextException"
	CodeInvalidKeyUsage       = "InvalidKeyUsageException"
	CodeInvalidMarker         = "InvalidMarkerException"
	CodeKeyUnavailable        = "KeyUnavailableException"
	CodeKMSInternal           = "KMSInternalException"
	CodeKMSInvalidState       = "KMSInvalidStateException"
	CodeLimitExceeded         = "LimitExceededException"
	CodeNotFound              = "NotFoundException"
	CodeUnsupportedOperation  = "UnsupportedOperationException"
	CodeValidation            = "ValidationException"
	CodeThrottling            = "ThrottlingException"
	CodeSerialization         = "SerializationException"
	CodeUnknownOperation      = "UnknownOperationException"
	CodeServiceUnavailable    = "ServiceUnavailableException"
	CodeMissingAuthToken      = "MissingAuthenticationTokenException"
	CodeIncompleteSignature   = "IncompleteSignatureException"
	CodeInvalidSignature      = "InvalidSignatureException"
	CodeUnrecognizedClient    = "UnrecognizedClientException"
	CodeAccessDenied          = "AccessDeniedException"
	codeRequestEntityTooLarge = "RequestEntityTooLargeException"
)

// apiError is an error answered to a client in AWS's JSON error shape.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.code + ": " + e.message }

// statusFor is the HTTP status KMS uses for an error code.
func statusFor(code string) int {
	switch code {
	case CodeKMSInternal, CodeKeyUnavailable:
		return http.StatusInternalServerError
	case CodeDependencyTimeout, CodeServiceUnavailable:
		return http.StatusServiceUnavailable
	case codeRequestEntityTooLarge:
		return http.StatusRequestEntityTooLarge
	default:
		return http.StatusBadRequest
	}
}

func errorf(code, format string, args ...any) *apiError {
	return &apiError{status: statusFor(code), code: code, message: fmt.Sprintf(format, args...)}
}

func errValidation(format string, args ...any) *apiError {
	return errorf(CodeValidation, format, args...)
}
