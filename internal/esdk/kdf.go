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

// deriveKeys derives the content encryption key and, for committing suites,
// the commitment key from the data key (framework/transitive-requirements.md).
// The caller zeroes both results.
func deriveKeys(s *Suite, dataKey, msgID []byte) (encKey, commitKey []byte, err error) {
	switch {
	case s.KDF == nil:
		return append(make([]byte, 0, len(dataKey)), dataKey...), nil, nil
	case s.Committing:
		// HKDF-SHA512 (RFC 5869) with salt = message id; both outputs are
		// 32 bytes, a single expand block each: T(1) = HMAC(PRK, info || 0x01).
		// One HMAC state serves both expansions.
		ext := hmac.New(sha512.New, msgID)
		ext.Write(dataKey)
		var prk [sha512.Size]byte
		ext.Sum(prk[:0])
		defer clear(prk[:])
		mac := hmac.New(sha512.New, prk[:])
		var info [2 + 9 + 1]byte
		binary.BigEndian.PutUint16(info[:], uint16(s.ID))
		copy(info[2:], "DERIVEKEY")
		info[11] = 1
		mac.Write(info[:])
		var t [sha512.Size]byte
		mac.Sum(t[:0])
		encKey = append(make([]byte, 0, s.EncKeyLen), t[:s.EncKeyLen]...)
		mac.Reset()
		mac.Write([]byte("COMMITKEY\x01"))
		mac.Sum(t[:0])
		commitKey = append(make([]byte, 0, s.SuiteDataLen), t[:s.SuiteDataLen]...)
		clear(t[:])
		return encKey, commitKey, nil
	default:
		info := make([]byte, 2, 2+len(msgID))
		binary.BigEndian.PutUint16(info, uint16(s.ID))
		info = append(info, msgID...)
		encKey, err = hkdf.Key(s.KDF, dataKey, nil, string(info), s.EncKeyLen)
		return encKey, nil, err
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

// session holds the per-message content cipher and reusable scratch space
// for IVs and body AAD, so that frames are processed without allocation.
type session struct {
	aead  cipher.AEAD
	msgID []byte
	aad   []byte // scratch: message id || content string || seq || length
	iv    [ivLen]byte
}

// newSession derives the content key from dataKey and checks (decrypt) or
// fills (encrypt) the commitment. For decryption wantCommit is the header's
// suite data; for encryption it is nil and the derived commitment key is
// returned.
func newSession(s *Suite, dataKey, msgID, wantCommit []byte, decrypt bool) (*session, []byte, error) {
	encKey, commitKey, err := deriveKeys(s, dataKey, msgID)
	if err != nil {
		return nil, nil, err
	}
	defer clear(encKey)
	if decrypt && s.Committing {
		ok := subtle.ConstantTimeCompare(commitKey, wantCommit) == 1
		clear(commitKey)
		commitKey = nil
		if !ok {
			return nil, nil, newErr(ErrAuthentication, "header.suite_data", -1, "key commitment does not match the data key")
		}
	}
	aead, err := newGCM(encKey)
	if err != nil {
		return nil, nil, err
	}
	ss := &session{aead: aead, msgID: msgID}
	ss.aad = make([]byte, 0, len(msgID)+len(aadFinalFrame)+12+1)
	return ss, commitKey, nil
}

// bodyAAD returns the message body AAD for one frame or block.
func (ss *session) bodyAAD(kind string, seq uint32, n uint64) []byte {
	b := append(ss.aad[:0], ss.msgID...)
	b = append(b, kind...)
	b = binary.BigEndian.AppendUint32(b, seq)
	return binary.BigEndian.AppendUint64(b, n)
}

// seqIV returns the IV for sequence number seq: seq big-endian, left-padded
// with zeros to 12 bytes.
func (ss *session) seqIV(seq uint32) []byte {
	binary.BigEndian.PutUint32(ss.iv[8:], seq)
	return ss.iv[:]
}
