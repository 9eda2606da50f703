package envelope

import (
	"context"

	"github.com/phisafe/phisafe/internal/esdk"
)

// net400Option names Options.AllowNet400HeaderAuthRetry in audit events.
const net400Option = "AllowNet400HeaderAuthRetry"

// net400Hook returns the esdk.DecryptParams.Net400HeaderAuthRetry callback
// for one decryption under ctx: nil unless the client was built with
// Options.AllowNet400HeaderAuthRetry.
//
// ESDK-.NET 4.0.0 wrote headers whose authentication tag departs from the
// message specification (fixed in 4.0.1): it appended the two-byte pair
// count of an empty encryption context to only authenticate to the tag's
// AAD, and for suites without key commitment that use HKDF it left the
// message id out of the HKDF info. A strict reader refuses those messages;
// with the option, esdk checks a failing tag again the way 4.0.0 computed
// it, and if that matches calls the hook, which records a
// hipaa.OutcomeOverride event naming the option. The decryption fails if
// the event cannot be recorded. Key commitment, the body's GCM tags and
// signatures are checked as strictly as without the option.
func (c *Client) net400Hook(ctx context.Context) func(*esdk.Header) error {
	if !c.net400 {
		return nil
	}
	return func(*esdk.Header) error { return c.policy.Allow(ctx, net400Option) }
}
