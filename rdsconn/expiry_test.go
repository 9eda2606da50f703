package rdsconn

import (
	"fmt"
	"time"
)

// checkExpiry returns an error when earliest is within one year of now.
func checkExpiry(earliest, now time.Time) error {
	if now.AddDate(1, 0, 0).Before(earliest) {
		return nil
	}
	return fmt.Errorf("the first root of the embedded RDS CA bundle expires on %s, within a year of %s: "+
		"refresh rdsconn/rdsca/global-bundle.pem from https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem "+
		"and update rdsca/PROVENANCE.md and the pinned SHA-256", earliest.Format(time.DateOnly), now.Format(time.DateOnly))
}
