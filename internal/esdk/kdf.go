package esdk

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/binary"
)

// Body AAD content strings (data-format/message-body-aad.md).
const (
	aadFrame       = "AWSKMSEncryptionClient Frame"
	aadFinalFrame  = "AWSKMSEncryptionClient Final Frame"
	aadSingleBlock = "AWSKMSEncryptionClient Single Block"
)

// commitLabels are the HKDF info strings of the committing suites:
// suite id || "DERIVEKEY" and "COMMITKEY", each with the single expand
// block's counter byte 0x01 appended (data-format/message-header.md,
// framework/transitive-requirements.md). Built once, so that no call
// converts them.
var (
	commitKeyInfo = []byte("COMMITKEY\x01")
	deriveKeyInfo = func() map[SuiteID][]byte {
		m := make(map[SuiteID][]byte)
		for i := range suites {
			if s := &suites[i]; s.Committing {
				b := binary.BigEndian.AppendUint16(nil, uint16(s.ID))
				m[s.ID] = append(append(b, "DERIVEKEY"...), 1)
			}
		}
		return m
	}()
)

// deriveKeys derives the content encryption key and, for committing suites,
// the commitment key from the data key (framework/transitive-requirements.md).
// The caller zeroes both results.
func deriveKeys(s *Suite, dataKey, msgID []byte) (encKey, commitKey []byte, err error) {
	var sc [2 * sha512.Size]byte
	defer clear(sc[:])
	enc, commit, err := deriveInto(&sc, s, dataKey, msgID)
	if err != nil {
		return nil, nil, err
	}
	encKey = append(make([]byte, 0, len(enc)), enc...)
	if commit != nil {
		commitKey = append(make([]byte, 0, len(commit)), commit...)
	}
	return encKey, commitKey, nil
}

// deriveInto is deriveKeys with the results in sc (or, for the identity
// KDF, dataKey itself); the caller zeroes sc. HKDF-SHA512 is run with
// crypto/hmac (inside the FIPS 140 module boundary) and a single HMAC state
// serves both expansions: each output is one expand block,
// T(1) = HMAC(PRK, info || 0x01).
func deriveInto(sc *[2 * sha512.Size]byte, s *Suite, dataKey, msgID []byte) (encKey, commitKey []byte, err error) {
	switch {
	case s.KDF == nil:
		return dataKey, nil, nil
	case s.Committing:
		ext := hmac.New(sha512.New, msgID)
		ext.Write(dataKey)
		prk := ext.Sum(sc[:0])
		mac := hmac.New(sha512.New, prk)
		clear(prk)
		mac.Write(deriveKeyInfo[s.ID])
		encKey = mac.Sum(sc[:0])[:s.EncKeyLen]
		mac.Reset()
		mac.Write(commitKeyInfo)
		commitKey = mac.Sum(sc[sha512.Size:sha512.Size])[:s.SuiteDataLen]
		return encKey, commitKey, nil
	default:
		info := make([]byte, 2, 2+len(msgID))
		binary.BigEndian.PutUint16(info, uint16(s.ID))
		info = append(info, msgID...)
		k, err := hkdf.Key(s.KDF, dataKey, nil, string(info), s.EncKeyLen)
		if err != nil {
			return nil, nil, err
		}
		encKey = append(sc[:0], k...)
		clear(k)
		return encKey, nil, nil
	}
}

// newGCM returns AES-GCM with 12-byte nonces and 16-byte tags.
func newGCM(key []byte) (cipher.AEAD, error) {
	blk, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(blk)
}

// maxAADLen is the longest body AAD: a v2 message id, the longest content
// string, the sequence number and the content length.
const maxAADLen = 32 + len(aadSingleBlock) + 4 + 8

// session holds the per-message content cipher and fixed scratch space for
// the IV and the body AAD, so that frames are processed without allocation.
// One session (and one cipher.AEAD) serves every frame of a message.
type session struct {
	aead  cipher.AEAD
	idLen int             // the message id is aad[:idLen]
	aad   [maxAADLen]byte // message id || content string || seq || length
	iv    [ivLen]byte
	keys  [2 * sha512.Size]byte // key derivation scratch, zero outside init but for a returned commitment key
}

// init derives the content key from dataKey into ss and checks (decrypt)
// or returns (encrypt) the commitment. For decryption wantCommit is the
// header's suite data; for encryption it is nil and the derived commitment
// key is returned, in ss's key scratch: the caller copies it, then zeroes
// it.
func (ss *session) init(s *Suite, dataKey, msgID, wantCommit []byte, decrypt bool) (commit []byte, err error) {
	if len(msgID) > 32 {
		return nil, newErr(ErrMalformed, "header.message_id", -1, "message id longer than 32 bytes")
	}
	ss.idLen = copy(ss.aad[:], msgID)
	encKey, commitKey, err := deriveInto(&ss.keys, s, dataKey, msgID)
	if err != nil {
		clear(ss.keys[:])
		return nil, err
	}
	if decrypt && s.Committing {
		if subtle.ConstantTimeCompare(commitKey, wantCommit) != 1 {
			clear(ss.keys[:])
			return nil, newErr(ErrAuthentication, "header.suite_data", -1, "key commitment does not match the data key")
		}
		commitKey = nil
	}
	aead, err := newGCM(encKey)
	// The content key is in the first half of the scratch (or is dataKey
	// itself, which belongs to the caller); the commitment key, if any, in
	// the second.
	clear(ss.keys[:sha512.Size])
	if err != nil || commitKey == nil {
		clear(ss.keys[:])
	}
	if err != nil {
		return nil, err
	}
	ss.aead = aead
	return commitKey, nil
}

// bodyAAD returns the message body AAD for one frame or block, built in the
// session's scratch array.
func (ss *session) bodyAAD(kind string, seq uint32, n uint64) []byte {
	p := ss.idLen + copy(ss.aad[ss.idLen:], kind)
	binary.BigEndian.PutUint32(ss.aad[p:], seq)
	binary.BigEndian.PutUint64(ss.aad[p+4:], n)
	return ss.aad[:p+12]
}

// seqIV returns the IV for sequence number seq: seq big-endian, left-padded
// with zeros to 12 bytes.
func (ss *session) seqIV(seq uint32) []byte {
	clear(ss.iv[:8])
	binary.BigEndian.PutUint32(ss.iv[8:], seq)
	return ss.iv[:]
}
