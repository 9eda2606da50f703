package hipaa

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// MultiAuditor returns an Auditor that writes each event to every one of
// as, in order, and fails if any of them fails (fail closed): the error
// joins every sink's error, each marked with the sink's index. A failure
// does not stop the event from being offered to the remaining sinks, so
// one broken sink does not also cost the others their record.
//
// A MultiAuditor with no sinks, or with a nil sink, fails every Audit
// with an error wrapping ErrPolicy rather than silently record nothing.
func MultiAuditor(as ...Auditor) Auditor {
	return multiAuditor(slices.Clone(as))
}

type multiAuditor []Auditor

func (m multiAuditor) Audit(ctx context.Context, e Event) error {
	if len(m) == 0 {
		return fmt.Errorf("%w: MultiAuditor has no auditors", ErrPolicy)
	}
	var errs []error
	for i, a := range m {
		if a == nil {
			errs = append(errs, fmt.Errorf("%w: MultiAuditor auditor %d is nil", ErrPolicy, i))
			continue
		}
		if err := a.Audit(ctx, e); err != nil {
			errs = append(errs, fmt.Errorf("hipaa: audit sink %d: %w", i, err))
		}
	}
	return errors.Join(errs...)
}
