package hipaatest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Key states, as KMS names them.
const (
	stateEnabled         = "Enabled"
	stateDisabled        = "Disabled"
	statePendingDeletion = "PendingDeletion"
)

const (
	symmetricDefault = "SYMMETRIC_DEFAULT"
	encryptDecrypt   = "ENCRYPT_DECRYPT"
	maxPlaintext     = 4096
	maxDescription   = 8192
)

type kmsKey struct {
	id              string
	arn             string
	description     string
	created         time.Time
	state           string
	deletionDate    time.Time
	pendingDays     int32
	versions        []keyVersion // index is the backing version in blobs
	rotationEnabled bool
	rotationPeriod  int32
}

type keyVersion struct {
	material   []byte // 32 bytes, AES-256
	materialID string
	created    time.Time
	onDemand   bool
}

type kmsAlias struct {
	name    string // alias/...
	target  string // key id
	created time.Time
	updated time.Time
}

func (k *kmsKey) current() (uint32, keyVersion) {
	return uint32(len(k.versions) - 1), k.versions[len(k.versions)-1]
}

func newKeyVersion(now time.Time, onDemand bool) keyVersion {
	m := make([]byte, 32)
	_, _ = rand.Read(m)
	id := make([]byte, 32)
	_, _ = rand.Read(id)
	return keyVersion{material: m, materialID: hex.EncodeToString(id), created: now, onDemand: onDemand}
}

// epochSeconds marshals a time as fractional epoch seconds, the awsJson
// timestamp format.
type epochSeconds time.Time

func (t epochSeconds) MarshalJSON() ([]byte, error) {
	return []byte(strconv.FormatFloat(float64(time.Time(t).UnixMilli())/1000, 'f', -1, 64)), nil
}

func epochPtr(t time.Time) *epochSeconds {
	if t.IsZero() {
		return nil
	}
	e := epochSeconds(t)
	return &e
}

// operation handles one KMS operation. It receives the raw JSON body.
type operation func(s *KMSServer, body []byte) (any, *apiError)

// operations maps X-Amz-Target operation names to their handlers.
var operations map[string]operation

func init() {
	operations = map[string]operation{
		"CreateKey":                       handle((*KMSServer).opCreateKey),
		"DescribeKey":                     handle((*KMSServer).opDescribeKey),
		"ListKeys":                        handle((*KMSServer).opListKeys),
		"CreateAlias":                     handle((*KMSServer).opCreateAlias),
		"UpdateAlias":                     handle((*KMSServer).opUpdateAlias),
		"DeleteAlias":                     handle((*KMSServer).opDeleteAlias),
		"ListAliases":                     handle((*KMSServer).opListAliases),
		"Encrypt":                         handle((*KMSServer).opEncrypt),
		"Decrypt":                         handle((*KMSServer).opDecrypt),
		"ReEncrypt":                       handle((*KMSServer).opReEncrypt),
		"GenerateDataKey":                 handle((*KMSServer).opGenerateDataKey),
		"GenerateDataKeyWithoutPlaintext": handle((*KMSServer).opGenerateDataKeyWithoutPlaintext),
		"GenerateRandom":                  handle((*KMSServer).opGenerateRandom),
		"EnableKey":                       handle((*KMSServer).opEnableKey),
		"DisableKey":                      handle((*KMSServer).opDisableKey),
		"EnableKeyRotation":               handle((*KMSServer).opEnableKeyRotation),
		"DisableKeyRotation":              handle((*KMSServer).opDisableKeyRotation),
		"GetKeyRotationStatus":            handle((*KMSServer).opGetKeyRotationStatus),
		"RotateKeyOnDemand":               handle((*KMSServer).opRotateKeyOnDemand),
		"ListKeyRotations":                handle((*KMSServer).opListKeyRotations),
		"ScheduleKeyDeletion":             handle((*KMSServer).opScheduleKeyDeletion),
		"CancelKeyDeletion":               handle((*KMSServer).opCancelKeyDeletion),
	}
}

// handle adapts a typed handler: it decodes the body into a new Req, and
// reports a body that is not a JSON object of the right shape as a
// SerializationException.
func handle[Req any](f func(*KMSServer, *Req) (any, *apiError)) operation {
	return func(s *KMSServer, body []byte) (any, *apiError) {
		req := new(Req)
		if len(bytes.TrimSpace(body)) > 0 {
			if err := json.Unmarshal(body, req); err != nil {
				return nil, errorf(CodeSerialization, "could not parse request body: %v", err)
			}
		}
		return f(s, req)
	}
}

type empty struct{}

// ---- key lookup and state checks (callers hold s.mu) ----

func (s *KMSServer) keyARN(id string) string {
	return "arn:aws:kms:" + s.cfg.region + ":" + s.cfg.account + ":key/" + id
}

func (s *KMSServer) aliasARN(name string) string {
	return "arn:aws:kms:" + s.cfg.region + ":" + s.cfg.account + ":" + name
}

// resolveKey finds the key that keyID names: a key id, a key ARN, an alias
// name (alias/...) or an alias ARN. With allowAlias false, aliases are
// refused as KMS does for operations such as CreateAlias's TargetKeyId.
func (s *KMSServer) resolveKey(keyID string, allowAlias bool) (*kmsKey, *apiError) {
	if keyID == "" {
		return nil, errValidation("1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null")
	}
	if len(keyID) > 2048 {
		return nil, errValidation("keyId must be at most 2048 characters")
	}
	resource := keyID
	if strings.HasPrefix(keyID, "arn:") {
		parts := strings.SplitN(keyID, ":", 6)
		if len(parts) != 6 || parts[1] != "aws" || parts[2] != "kms" || (!strings.HasPrefix(parts[5], "key/") && !strings.HasPrefix(parts[5], "alias/")) {
			return nil, errorf(CodeInvalidArn, "Invalid arn %s", keyID)
		}
		if parts[3] != s.cfg.region || parts[4] != s.cfg.account {
			return nil, errorf(CodeNotFound, "Key '%s' does not exist", keyID)
		}
		resource = parts[5]
	}
	if strings.HasPrefix(resource, "alias/") {
		if !allowAlias {
			return nil, errValidation("an alias is not allowed here: %s", keyID)
		}
		a, ok := s.aliases[resource]
		if !ok {
			return nil, errorf(CodeNotFound, "Alias %s is not found.", s.aliasARN(resource))
		}
		return s.keys[a.target], nil
	}
	id := strings.TrimPrefix(resource, "key/")
	k, ok := s.keys[id]
	if !ok {
		if !strings.HasPrefix(keyID, "arn:") && !looksLikeUUID(id) {
			return nil, errorf(CodeNotFound, "Invalid keyId '%s'", keyID)
		}
		return nil, errorf(CodeNotFound, "Key '%s' does not exist", s.keyARN(id))
	}
	return k, nil
}

func looksLikeUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}

// checkUsable reports why k cannot be used for cryptographic operations.
func (s *KMSServer) checkUsable(k *kmsKey) *apiError {
	switch k.state {
	case stateEnabled:
		return nil
	case stateDisabled:
		return errorf(CodeDisabled, "%s is disabled.", k.arn)
	default:
		return errorf(CodeKMSInvalidState, "%s is pending deletion.", k.arn)
	}
}

func (s *KMSServer) checkNotPendingDeletion(k *kmsKey) *apiError {
	if k.state == statePendingDeletion {
		return errorf(CodeKMSInvalidState, "%s is pending deletion.", k.arn)
	}
	return nil
}

func checkAlgorithm(alg string) *apiError {
	if alg != "" && alg != symmetricDefault {
		return errorf(CodeInvalidKeyUsage, "You cannot use the encryption algorithm %s with a SYMMETRIC_DEFAULT key", alg)
	}
	return nil
}

func checkDryRun(dryRun *bool) *apiError {
	if dryRun != nil && *dryRun {
		return &apiError{status: 412, code: "DryRunOperationException", message: "The request would have succeeded, but the DryRun option is set."}
	}
	return nil
}

// ---- key metadata ----

type keyMetadata struct {
	AWSAccountID                string        `json:"AWSAccountId"`
	KeyID                       string        `json:"KeyId"`
	Arn                         string        `json:"Arn"`
	CreationDate                epochSeconds  `json:"CreationDate"`
	Enabled                     bool          `json:"Enabled"`
	Description                 string        `json:"Description"`
	KeyUsage                    string        `json:"KeyUsage"`
	KeyState                    string        `json:"KeyState"`
	DeletionDate                *epochSeconds `json:"DeletionDate,omitempty"`
	Origin                      string        `json:"Origin"`
	KeyManager                  string        `json:"KeyManager"`
	CustomerMasterKeySpec       string        `json:"CustomerMasterKeySpec"`
	KeySpec                     string        `json:"KeySpec"`
	EncryptionAlgorithms        []string      `json:"EncryptionAlgorithms"`
	MultiRegion                 bool          `json:"MultiRegion"`
	PendingDeletionWindowInDays int32         `json:"PendingDeletionWindowInDays,omitempty"`
	CurrentKeyMaterialID        string        `json:"CurrentKeyMaterialId"`
}

func (s *KMSServer) metadata(k *kmsKey) keyMetadata {
	_, cur := k.current()
	m := keyMetadata{
		AWSAccountID:          s.cfg.account,
		KeyID:                 k.id,
		Arn:                   k.arn,
		CreationDate:          epochSeconds(k.created),
		Enabled:               k.state == stateEnabled,
		Description:           k.description,
		KeyUsage:              encryptDecrypt,
		KeyState:              k.state,
		Origin:                "AWS_KMS",
		KeyManager:            "CUSTOMER",
		CustomerMasterKeySpec: symmetricDefault,
		KeySpec:               symmetricDefault,
		EncryptionAlgorithms:  []string{symmetricDefault},
		CurrentKeyMaterialID:  cur.materialID,
	}
	if k.state == statePendingDeletion {
		m.DeletionDate = epochPtr(k.deletionDate)
		m.PendingDeletionWindowInDays = k.pendingDays
	}
	return m
}

// ---- key management ----

type createKeyReq struct {
	Description           string
	KeyUsage              string
	KeySpec               string
	CustomerMasterKeySpec string
	Origin                string
	CustomKeyStoreId      string
	XksKeyId              string
	MultiRegion           *bool
	Policy                string
	Tags                  json.RawMessage
}

type keyMetadataResp struct {
	KeyMetadata keyMetadata
}

func (s *KMSServer) opCreateKey(req *createKeyReq) (any, *apiError) {
	if len(req.Description) > maxDescription {
		return nil, errValidation("Description must be at most %d characters", maxDescription)
	}
	if req.KeyUsage != "" && req.KeyUsage != encryptDecrypt {
		return nil, errorf(CodeUnsupportedOperation, "hipaatest: only ENCRYPT_DECRYPT keys are supported, not %s", req.KeyUsage)
	}
	for _, spec := range []string{req.KeySpec, req.CustomerMasterKeySpec} {
		if spec != "" && spec != symmetricDefault {
			return nil, errorf(CodeUnsupportedOperation, "hipaatest: only SYMMETRIC_DEFAULT keys are supported, not %s", spec)
		}
	}
	if req.Origin != "" && req.Origin != "AWS_KMS" {
		return nil, errorf(CodeUnsupportedOperation, "hipaatest: only AWS_KMS origin is supported, not %s", req.Origin)
	}
	if req.CustomKeyStoreId != "" || req.XksKeyId != "" {
		return nil, errorf(CodeUnsupportedOperation, "hipaatest: custom key stores are not supported")
	}
	if req.MultiRegion != nil && *req.MultiRegion {
		return nil, errorf(CodeUnsupportedOperation, "hipaatest: multi-Region keys are not supported")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k := s.createKeyLocked(req.Description)
	if err := s.saveStateLocked(); err != nil {
		return nil, err
	}
	return keyMetadataResp{s.metadata(k)}, nil
}

func (s *KMSServer) createKeyLocked(description string) *kmsKey {
	now := s.cfg.now()
	id := newUUID()
	k := &kmsKey{
		id:          id,
		arn:         s.keyARN(id),
		description: description,
		created:     now,
		state:       stateEnabled,
		versions:    []keyVersion{newKeyVersion(now, false)},
	}
	s.keys[id] = k
	s.order = append(s.order, id)
	return k
}

type keyIDReq struct {
	KeyId       string
	GrantTokens []string
}

func (s *KMSServer) opDescribeKey(req *keyIDReq) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.resolveKey(req.KeyId, true)
	if err != nil {
		return nil, err
	}
	return keyMetadataResp{s.metadata(k)}, nil
}

type listReq struct {
	KeyId  string
	Limit  *int32
	Marker string
}

// page returns the bounds of the page of n items that limit and marker
// select, and the marker of the next page ("" for the last).
func page(n int, limit *int32, marker string) (start, end int, next string, err *apiError) {
	l := 100
	if limit != nil {
		if *limit < 1 || *limit > 1000 {
			return 0, 0, "", errValidation("Limit must be between 1 and 1000")
		}
		l = int(*limit)
	}
	if marker != "" {
		v, perr := strconv.Atoi(marker)
		if perr != nil || v < 0 || v > n {
			return 0, 0, "", errorf(CodeInvalidMarker, "Invalid marker %q", marker)
		}
		start = v
	}
	end = min(start+l, n)
	if end < n {
		next = strconv.Itoa(end)
	}
	return start, end, next, nil
}

type keyListEntry struct {
	KeyId  string
	KeyArn string
}

type listKeysResp struct {
	Keys       []keyListEntry
	NextMarker string `json:",omitempty"`
	Truncated  bool
}

func (s *KMSServer) opListKeys(req *listReq) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start, end, next, err := page(len(s.order), req.Limit, req.Marker)
	if err != nil {
		return nil, err
	}
	resp := listKeysResp{Keys: []keyListEntry{}, NextMarker: next, Truncated: next != ""}
	for _, id := range s.order[start:end] {
		resp.Keys = append(resp.Keys, keyListEntry{KeyId: id, KeyArn: s.keyARN(id)})
	}
	return resp, nil
}

func (s *KMSServer) opEnableKey(req *keyIDReq) (any, *apiError) {
	return s.setState(req.KeyId, true)
}

func (s *KMSServer) opDisableKey(req *keyIDReq) (any, *apiError) {
	return s.setState(req.KeyId, false)
}

func (s *KMSServer) setState(keyID string, enabled bool) (any, *apiError) {
	return s.updateKey(keyID, true, s.checkNotPendingDeletion, func(k *kmsKey) (any, *apiError) {
		if enabled {
			k.state = stateEnabled
		} else {
			k.state = stateDisabled
		}
		return empty{}, nil
	})
}

// updateKey is the shape of every operation that changes a key: under the
// lock, resolve keyID, run check (if any), run change, and save the state
// if change succeeded.
func (s *KMSServer) updateKey(keyID string, allowAlias bool, check func(*kmsKey) *apiError, change func(*kmsKey) (any, *apiError)) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.resolveKey(keyID, allowAlias)
	if err != nil {
		return nil, err
	}
	if check != nil {
		if err := check(k); err != nil {
			return nil, err
		}
	}
	resp, err := change(k)
	if err != nil {
		return nil, err
	}
	if err := s.saveStateLocked(); err != nil {
		return nil, err
	}
	return resp, nil
}

// optionalDays returns *p, or def when p is nil, refusing a value outside
// [lo, hi] with a ValidationException naming field.
func optionalDays(p *int32, def, lo, hi int32, field string) (int32, *apiError) {
	if p == nil {
		return def, nil
	}
	if *p < lo || *p > hi {
		return 0, errorf(CodeValidation, "%s must be between %d and %d", field, lo, hi)
	}
	return *p, nil
}

type scheduleDeletionReq struct {
	KeyId               string
	PendingWindowInDays *int32
}

type scheduleDeletionResp struct {
	KeyId               string
	DeletionDate        epochSeconds
	KeyState            string
	PendingWindowInDays int32
}

func (s *KMSServer) opScheduleKeyDeletion(req *scheduleDeletionReq) (any, *apiError) {
	days, verr := optionalDays(req.PendingWindowInDays, 30, 7, 30, "PendingWindowInDays")
	if verr != nil {
		return nil, verr
	}
	return s.updateKey(req.KeyId, true, s.checkNotPendingDeletion, func(k *kmsKey) (any, *apiError) {
		k.state = statePendingDeletion
		k.pendingDays = days
		k.deletionDate = s.cfg.now().Add(time.Duration(days) * 24 * time.Hour)
		return scheduleDeletionResp{KeyId: k.arn, DeletionDate: epochSeconds(k.deletionDate), KeyState: k.state, PendingWindowInDays: days}, nil
	})
}

type keyIDResp struct {
	KeyId string
}

func (s *KMSServer) opCancelKeyDeletion(req *keyIDReq) (any, *apiError) {
	pending := func(k *kmsKey) *apiError {
		if k.state != statePendingDeletion {
			return errorf(CodeKMSInvalidState, "%s is not pending deletion.", k.arn)
		}
		return nil
	}
	return s.updateKey(req.KeyId, true, pending, func(k *kmsKey) (any, *apiError) {
		// As in KMS, a key whose deletion is cancelled comes back disabled.
		k.state = stateDisabled
		k.deletionDate, k.pendingDays = time.Time{}, 0
		return keyIDResp{KeyId: k.arn}, nil
	})
}

// ---- aliases ----

type aliasReq struct {
	AliasName   string
	TargetKeyId string
}

func validAliasName(name string) *apiError {
	rest, ok := strings.CutPrefix(name, "alias/")
	if !ok || rest == "" || len(name) > 256 {
		return errorf(CodeInvalidAliasName, "Alias must start with the prefix \"alias/\" and be 7 to 256 characters long")
	}
	if strings.HasPrefix(rest, "aws/") {
		return errorf(CodeInvalidAliasName, "Alias prefix \"alias/aws/\" is reserved for AWS managed keys")
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '/' || c == '_' || c == '-') {
			return errorf(CodeInvalidAliasName, "Alias %s contains an invalid character", name)
		}
	}
	return nil
}

func (s *KMSServer) opCreateAlias(req *aliasReq) (any, *apiError) {
	if err := validAliasName(req.AliasName); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.createAliasLocked(req.AliasName, req.TargetKeyId); err != nil {
		return nil, err
	}
	if err := s.saveStateLocked(); err != nil {
		return nil, err
	}
	return empty{}, nil
}

func (s *KMSServer) createAliasLocked(name, target string) *apiError {
	if _, ok := s.aliases[name]; ok {
		return errorf(CodeAlreadyExists, "An alias with the name %s already exists", s.aliasARN(name))
	}
	k, err := s.resolveKey(target, false)
	if err != nil {
		return err
	}
	if err := s.checkNotPendingDeletion(k); err != nil {
		return err
	}
	now := s.cfg.now()
	s.aliases[name] = &kmsAlias{name: name, target: k.id, created: now, updated: now}
	return nil
}

func (s *KMSServer) opUpdateAlias(req *aliasReq) (any, *apiError) {
	if err := validAliasName(req.AliasName); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.aliases[req.AliasName]
	if !ok {
		return nil, errorf(CodeNotFound, "Alias %s is not found.", s.aliasARN(req.AliasName))
	}
	k, err := s.resolveKey(req.TargetKeyId, false)
	if err != nil {
		return nil, err
	}
	if err := s.checkNotPendingDeletion(k); err != nil {
		return nil, err
	}
	a.target, a.updated = k.id, s.cfg.now()
	if err := s.saveStateLocked(); err != nil {
		return nil, err
	}
	return empty{}, nil
}

func (s *KMSServer) opDeleteAlias(req *aliasReq) (any, *apiError) {
	if err := validAliasName(req.AliasName); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.aliases[req.AliasName]; !ok {
		return nil, errorf(CodeNotFound, "Alias %s is not found.", s.aliasARN(req.AliasName))
	}
	delete(s.aliases, req.AliasName)
	if err := s.saveStateLocked(); err != nil {
		return nil, err
	}
	return empty{}, nil
}

type aliasListEntry struct {
	AliasName       string
	AliasArn        string
	TargetKeyId     string
	CreationDate    epochSeconds
	LastUpdatedDate epochSeconds
}

type listAliasesResp struct {
	Aliases    []aliasListEntry
	NextMarker string `json:",omitempty"`
	Truncated  bool
}

func (s *KMSServer) opListAliases(req *listReq) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	filter := ""
	if req.KeyId != "" {
		k, err := s.resolveKey(req.KeyId, false)
		if err != nil {
			return nil, err
		}
		filter = k.id
	}
	var names []string
	for name, a := range s.aliases {
		if filter == "" || a.target == filter {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	start, end, next, err := page(len(names), req.Limit, req.Marker)
	if err != nil {
		return nil, err
	}
	resp := listAliasesResp{Aliases: []aliasListEntry{}, NextMarker: next, Truncated: next != ""}
	for _, name := range names[start:end] {
		a := s.aliases[name]
		resp.Aliases = append(resp.Aliases, aliasListEntry{
			AliasName:       a.name,
			AliasArn:        s.aliasARN(a.name),
			TargetKeyId:     a.target,
			CreationDate:    epochSeconds(a.created),
			LastUpdatedDate: epochSeconds(a.updated),
		})
	}
	return resp, nil
}

// ---- cryptographic operations ----

type encryptReq struct {
	KeyId               string
	Plaintext           []byte
	EncryptionContext   map[string]string
	EncryptionAlgorithm string
	GrantTokens         []string
	DryRun              *bool
}

type encryptResp struct {
	CiphertextBlob      []byte
	KeyId               string
	EncryptionAlgorithm string
}

// encryptLocked seals plaintext under the current version of k, which the
// caller has checked is usable.
func encryptLocked(k *kmsKey, plaintext []byte, ec map[string]string) ([]byte, *apiError) {
	ver, kv := k.current()
	blob, err := sealBlob(kv.material, k.id, ver, plaintext, ec)
	if err != nil {
		return nil, errorf(CodeKMSInternal, "hipaatest: seal: %v", err)
	}
	return blob, nil
}

func (s *KMSServer) opEncrypt(req *encryptReq) (any, *apiError) {
	if len(req.Plaintext) == 0 || len(req.Plaintext) > maxPlaintext {
		return nil, errValidation("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length between 1 and %d", maxPlaintext)
	}
	if err := checkAlgorithm(req.EncryptionAlgorithm); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.resolveKey(req.KeyId, true)
	if err != nil {
		return nil, err
	}
	if err := s.checkUsable(k); err != nil {
		return nil, err
	}
	if err := checkDryRun(req.DryRun); err != nil {
		return nil, err
	}
	blob, err := encryptLocked(k, req.Plaintext, req.EncryptionContext)
	if err != nil {
		return nil, err
	}
	return encryptResp{CiphertextBlob: blob, KeyId: k.arn, EncryptionAlgorithm: symmetricDefault}, nil
}

type decryptReq struct {
	CiphertextBlob      []byte
	EncryptionContext   map[string]string
	KeyId               string
	EncryptionAlgorithm string
	Recipient           json.RawMessage
	GrantTokens         []string
	DryRun              *bool
}

type decryptResp struct {
	KeyId               string
	Plaintext           []byte
	EncryptionAlgorithm string
	KeyMaterialId       string
}

// decryptLocked opens blob under ec. If keyID is not empty, it must name the
// key the blob was encrypted under.
func (s *KMSServer) decryptLocked(blob []byte, ec map[string]string, keyID string) (*kmsKey, keyVersion, []byte, *apiError) {
	invalid := func() (*kmsKey, keyVersion, []byte, *apiError) {
		return nil, keyVersion{}, nil, errorf(CodeInvalidCiphertext, "The ciphertext is invalid, was altered, or is decrypted under a different encryption context than it was encrypted under.")
	}
	if len(blob) == 0 || len(blob) > 6144 {
		return nil, keyVersion{}, nil, errValidation("1 validation error detected: Value at 'ciphertextBlob' failed to satisfy constraint: Member must have length between 1 and 6144")
	}
	p, perr := parseBlob(blob)
	if perr != nil {
		return invalid()
	}
	var want *kmsKey
	if keyID != "" {
		var err *apiError
		if want, err = s.resolveKey(keyID, true); err != nil {
			return nil, keyVersion{}, nil, err
		}
	}
	k, ok := s.keys[p.keyID]
	if !ok {
		if want != nil {
			return nil, keyVersion{}, nil, errorf(CodeIncorrectKey, "The key ID in the request does not identify a CMK that can perform this operation.")
		}
		return invalid()
	}
	if want != nil && want != k {
		return nil, keyVersion{}, nil, errorf(CodeIncorrectKey, "The key ID in the request does not identify a CMK that can perform this operation.")
	}
	if err := s.checkUsable(k); err != nil {
		return nil, keyVersion{}, nil, err
	}
	if uint64(p.version) >= uint64(len(k.versions)) {
		return invalid()
	}
	kv := k.versions[p.version]
	pt, oerr := openBlob(kv.material, p, ec)
	if oerr != nil {
		return invalid()
	}
	return k, kv, pt, nil
}

func (s *KMSServer) opDecrypt(req *decryptReq) (any, *apiError) {
	if err := checkAlgorithm(req.EncryptionAlgorithm); err != nil {
		return nil, err
	}
	if len(req.Recipient) > 0 && string(req.Recipient) != "null" {
		return nil, errorf(CodeUnsupportedOperation, "hipaatest: Recipient (Nitro Enclaves attestation) is not supported")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, kv, pt, err := s.decryptLocked(req.CiphertextBlob, req.EncryptionContext, req.KeyId)
	if err != nil {
		return nil, err
	}
	if err := checkDryRun(req.DryRun); err != nil {
		return nil, err
	}
	return decryptResp{KeyId: k.arn, Plaintext: pt, EncryptionAlgorithm: symmetricDefault, KeyMaterialId: kv.materialID}, nil
}

type reEncryptReq struct {
	CiphertextBlob                 []byte
	SourceEncryptionContext        map[string]string
	SourceKeyId                    string
	DestinationKeyId               string
	DestinationEncryptionContext   map[string]string
	SourceEncryptionAlgorithm      string
	DestinationEncryptionAlgorithm string
	GrantTokens                    []string
	DryRun                         *bool
}

type reEncryptResp struct {
	CiphertextBlob                 []byte
	SourceKeyId                    string
	KeyId                          string
	SourceEncryptionAlgorithm      string
	DestinationEncryptionAlgorithm string
	SourceKeyMaterialId            string
	DestinationKeyMaterialId       string
}

func (s *KMSServer) opReEncrypt(req *reEncryptReq) (any, *apiError) {
	if err := checkAlgorithm(req.SourceEncryptionAlgorithm); err != nil {
		return nil, err
	}
	if err := checkAlgorithm(req.DestinationEncryptionAlgorithm); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	dst, err := s.resolveKey(req.DestinationKeyId, true)
	if err != nil {
		return nil, err
	}
	src, srcVer, pt, err := s.decryptLocked(req.CiphertextBlob, req.SourceEncryptionContext, req.SourceKeyId)
	if err != nil {
		return nil, err
	}
	if err := s.checkUsable(dst); err != nil {
		return nil, err
	}
	if err := checkDryRun(req.DryRun); err != nil {
		return nil, err
	}
	blob, err := encryptLocked(dst, pt, req.DestinationEncryptionContext)
	if err != nil {
		return nil, err
	}
	_, dstVer := dst.current()
	return reEncryptResp{
		CiphertextBlob:                 blob,
		SourceKeyId:                    src.arn,
		KeyId:                          dst.arn,
		SourceEncryptionAlgorithm:      symmetricDefault,
		DestinationEncryptionAlgorithm: symmetricDefault,
		SourceKeyMaterialId:            srcVer.materialID,
		DestinationKeyMaterialId:       dstVer.materialID,
	}, nil
}

type generateDataKeyReq struct {
	KeyId             string
	EncryptionContext map[string]string
	NumberOfBytes     *int32
	KeySpec           string
	GrantTokens       []string
	Recipient         json.RawMessage
	DryRun            *bool
}

type generateDataKeyResp struct {
	CiphertextBlob []byte
	Plaintext      []byte `json:",omitempty"`
	KeyId          string
	KeyMaterialId  string
}

func (s *KMSServer) generateDataKey(req *generateDataKeyReq, withPlaintext bool) (any, *apiError) {
	n := 0
	switch {
	case req.NumberOfBytes != nil && req.KeySpec != "":
		return nil, errValidation("Please specify either number of bytes or key spec, not both.")
	case req.NumberOfBytes != nil:
		if *req.NumberOfBytes < 1 || *req.NumberOfBytes > 1024 {
			return nil, errValidation("1 validation error detected: Value '%d' at 'numberOfBytes' failed to satisfy constraint: Member must have value between 1 and 1024", *req.NumberOfBytes)
		}
		n = int(*req.NumberOfBytes)
	case req.KeySpec == "AES_256":
		n = 32
	case req.KeySpec == "AES_128":
		n = 16
	case req.KeySpec == "":
		return nil, errValidation("Please specify either number of bytes or key spec.")
	default:
		return nil, errValidation("1 validation error detected: Value '%s' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]", req.KeySpec)
	}
	if len(req.Recipient) > 0 && string(req.Recipient) != "null" {
		return nil, errorf(CodeUnsupportedOperation, "hipaatest: Recipient (Nitro Enclaves attestation) is not supported")
	}
	dk := make([]byte, n)
	_, _ = rand.Read(dk)
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.resolveKey(req.KeyId, true)
	if err != nil {
		return nil, err
	}
	if err := s.checkUsable(k); err != nil {
		return nil, err
	}
	if err := checkDryRun(req.DryRun); err != nil {
		return nil, err
	}
	blob, err := encryptLocked(k, dk, req.EncryptionContext)
	if err != nil {
		return nil, err
	}
	_, kv := k.current()
	resp := generateDataKeyResp{CiphertextBlob: blob, KeyId: k.arn, KeyMaterialId: kv.materialID}
	if withPlaintext {
		resp.Plaintext = dk
	}
	return resp, nil
}

func (s *KMSServer) opGenerateDataKey(req *generateDataKeyReq) (any, *apiError) {
	return s.generateDataKey(req, true)
}

func (s *KMSServer) opGenerateDataKeyWithoutPlaintext(req *generateDataKeyReq) (any, *apiError) {
	return s.generateDataKey(req, false)
}

type generateRandomReq struct {
	NumberOfBytes *int32
}

type generateRandomResp struct {
	Plaintext []byte
}

func (s *KMSServer) opGenerateRandom(req *generateRandomReq) (any, *apiError) {
	if req.NumberOfBytes == nil || *req.NumberOfBytes < 1 || *req.NumberOfBytes > 1024 {
		return nil, errValidation("NumberOfBytes must be between 1 and 1024")
	}
	b := make([]byte, *req.NumberOfBytes)
	_, _ = rand.Read(b)
	return generateRandomResp{Plaintext: b}, nil
}

// ---- rotation ----

type rotationReq struct {
	KeyId                string
	RotationPeriodInDays *int32
}

func (s *KMSServer) opEnableKeyRotation(req *rotationReq) (any, *apiError) {
	period, verr := optionalDays(req.RotationPeriodInDays, 365, 90, 2560, "RotationPeriodInDays")
	if verr != nil {
		return nil, verr
	}
	return s.updateKey(req.KeyId, false, s.checkUsable, func(k *kmsKey) (any, *apiError) {
		k.rotationEnabled, k.rotationPeriod = true, period
		return empty{}, nil
	})
}

func (s *KMSServer) opDisableKeyRotation(req *keyIDReq) (any, *apiError) {
	return s.updateKey(req.KeyId, false, s.checkUsable, func(k *kmsKey) (any, *apiError) {
		k.rotationEnabled, k.rotationPeriod = false, 0
		return empty{}, nil
	})
}

type rotationStatusResp struct {
	KeyRotationEnabled   bool
	KeyId                string
	RotationPeriodInDays int32         `json:",omitempty"`
	NextRotationDate     *epochSeconds `json:",omitempty"`
}

func (s *KMSServer) opGetKeyRotationStatus(req *keyIDReq) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.resolveKey(req.KeyId, false)
	if err != nil {
		return nil, err
	}
	if err := s.checkNotPendingDeletion(k); err != nil {
		return nil, err
	}
	resp := rotationStatusResp{KeyRotationEnabled: k.rotationEnabled, KeyId: k.arn}
	if k.rotationEnabled {
		resp.RotationPeriodInDays = k.rotationPeriod
		last := k.created
		for _, v := range k.versions {
			if !v.onDemand {
				last = v.created
			}
		}
		resp.NextRotationDate = epochPtr(last.Add(time.Duration(k.rotationPeriod) * 24 * time.Hour))
	}
	return resp, nil
}

func (s *KMSServer) opRotateKeyOnDemand(req *keyIDReq) (any, *apiError) {
	return s.updateKey(req.KeyId, false, s.checkUsable, func(k *kmsKey) (any, *apiError) {
		k.versions = append(k.versions, newKeyVersion(s.cfg.now(), true))
		return keyIDResp{KeyId: k.arn}, nil
	})
}

type rotationsListEntry struct {
	KeyId         string
	KeyMaterialId string
	RotationDate  epochSeconds
	RotationType  string
}

type listKeyRotationsResp struct {
	Rotations  []rotationsListEntry
	NextMarker string `json:",omitempty"`
	Truncated  bool
}

func (s *KMSServer) opListKeyRotations(req *listReq) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.resolveKey(req.KeyId, false)
	if err != nil {
		return nil, err
	}
	rotations := k.versions[1:] // the first version is the key's creation
	start, end, next, err := page(len(rotations), req.Limit, req.Marker)
	if err != nil {
		return nil, err
	}
	resp := listKeyRotationsResp{Rotations: []rotationsListEntry{}, NextMarker: next, Truncated: next != ""}
	for _, v := range rotations[start:end] {
		typ := "AUTOMATIC"
		if v.onDemand {
			typ = "ON_DEMAND"
		}
		resp.Rotations = append(resp.Rotations, rotationsListEntry{KeyId: k.arn, KeyMaterialId: v.materialID, RotationDate: epochSeconds(v.created), RotationType: typ})
	}
	return resp, nil
}

// ---- direct (non-HTTP) helpers for tests ----

// CreateKey creates a symmetric encryption key directly, without a request,
// points each of aliases (each "alias/...") at it, and returns its ARN. It
// does not count as a call.
func (s *KMSServer) CreateKey(description string, aliases ...string) (keyARN string, err error) {
	for _, a := range aliases {
		if aerr := validAliasName(a); aerr != nil {
			return "", aerr
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range aliases {
		if _, ok := s.aliases[a]; ok {
			return "", errorf(CodeAlreadyExists, "An alias with the name %s already exists", s.aliasARN(a))
		}
	}
	k := s.createKeyLocked(description)
	for _, a := range aliases {
		if aerr := s.createAliasLocked(a, k.id); aerr != nil {
			return "", aerr
		}
	}
	if aerr := s.saveStateLocked(); aerr != nil {
		return "", aerr
	}
	return k.arn, nil
}

// RotateKey gives the key keyID names (an id, ARN, alias name or alias ARN)
// new backing key material, as an automatic rotation would: new ciphertexts
// use it, older ones still decrypt. It does not count as a call.
func (s *KMSServer) RotateKey(keyID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.resolveKey(keyID, true)
	if err != nil {
		return err
	}
	k.versions = append(k.versions, newKeyVersion(s.cfg.now(), false))
	if err := s.saveStateLocked(); err != nil {
		return err
	}
	return nil
}

// KeyVersions returns how many backing key versions the key keyID names
// has: 1 for a key never rotated.
func (s *KMSServer) KeyVersions(keyID string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.resolveKey(keyID, true)
	if err != nil {
		return 0, err
	}
	return len(k.versions), nil
}
