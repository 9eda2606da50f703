package auditlog_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/phisafe/phisafe/hipaa"
	"github.com/phisafe/phisafe/hipaa/auditlog"
)

// FuzzEncodeEvent: whatever an event holds (invalid UTF-8, control and
// HTML characters, any instant in any zone), its encoding decodes and
// re-encodes to the same bytes, which verification requires of every line.
func FuzzEncodeEvent(f *testing.F) {
	f.Add("svc", "s3.PutObject", "arn:aws:s3:::b", "attempt", "", "rid", "alias/k", "d", int64(7), int64(1733600000), int64(123456789), 0)
	f.Add("\xff\xfe<&>", "a\u2028b", "\x00\x1f", "success", "aws:X", "", "", "\"quoted\"", int64(-1), int64(-62135596800), int64(0), 3600+15)
	f.Add("é", "ü", "李", "failed", "r", "i", "k", "\\", int64(1<<40), int64(253402300799), int64(999999999), -12*3600-30)
	f.Fuzz(func(t *testing.T, actor, action, resource, outcome, reason, rid, key, detail string, n, sec, nsec int64, offset int) {
		loc := time.FixedZone("z", offset%(26*3600))
		e := hipaa.Event{Time: time.Unix(sec, nsec%1e9).In(loc), Actor: actor, Action: action, Resource: resource,
			Outcome: hipaa.Outcome(outcome), Reason: reason, RequestID: rid, Bytes: n, KeyID: key, Detail: detail}
		b, err := auditlog.EncodeEvent(e)
		if err != nil {
			return // refused (a year outside 0-9999, say): nothing written
		}
		var back hipaa.Event
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("encoding does not decode: %v", err)
		}
		again, err := json.Marshal(back)
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("not canonical:\n%s\n%s", b, again)
		}
	})
}
