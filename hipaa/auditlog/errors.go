package auditlog

import (
	"fmt"

	"github.com/phisafe/phisafe/hipaa"
)

// TamperError reports the first line of a log that fails verification.
// errors.Is(err, hipaa.ErrTampered) holds for it.
//
// The reasons are:
//
//	"malformed"      not a canonical log line, or line 1 is not a log's first record
//	"hash mismatch"  the line's hash does not cover its content, or differs
//	                 from the head file or a checkpoint
//	"sequence gap"   a line deleted, duplicated or moved
//	"chain broken"   the line does not follow the one before it
//	"truncated"      the file ends mid-line, or holds fewer records than its
//	                 head file or a checkpoint requires (an empty file is
//	                 truncated at line 1)
//	"wrong log"      the log is another log than the one its head file or a
//	                 checkpoint names
type TamperError struct {
	// Line is the 1-based number of the first bad line of the file. Line
	// 1 is the log's first record, which names the log; events start at
	// line 2.
	Line int
	// Reason is one of the reasons above.
	Reason string
}

// Error names the first bad line and the reason.
func (e *TamperError) Error() string {
	return fmt.Sprintf("auditlog: tampered: line %d: %s", e.Line, e.Reason)
}

// Unwrap returns hipaa.ErrTampered.
func (e *TamperError) Unwrap() error { return hipaa.ErrTampered }

// tampered is an error about the head file or the log as a whole (not
// one line of it) that wraps hipaa.ErrTampered.
func tampered(format string, args ...any) error {
	return fmt.Errorf("auditlog: %s: %w", fmt.Sprintf(format, args...), hipaa.ErrTampered)
}

// misuse is an error wrapping hipaa.ErrPolicy.
func misuse(format string, args ...any) error {
	return fmt.Errorf("auditlog: %s: %w", fmt.Sprintf(format, args...), hipaa.ErrPolicy)
}
