package auditlog

// SetFailHook makes l's batch write ("write"), batch fsync ("sync") or
// head update ("head") fail with the error f returns, when not nil.
func SetFailHook(l *Log, f func(op string) error) {
	l.fail.Store(&f)
}

// EncodeEvent is encodeEvent, for FuzzEncodeEvent.
var EncodeEvent = encodeEvent
