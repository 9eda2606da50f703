package interop

import "testing"

func TestOfficialProbe(t *testing.T) {
	o, err := newOfficial("ns", "name", make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []uint16{0x0478, 0x0578} {
		msg, err := o.encrypt(s, 4096, []byte("hello"), map[string]string{"a": "b"})
		if err != nil {
			t.Fatal(err)
		}
		pt, err := o.decrypt(msg, map[string]string{"a": "b"})
		if err != nil || string(pt) != "hello" {
			t.Fatal(err)
		}
		t.Logf("suite %04x: %d bytes", s, len(msg))
	}
}
