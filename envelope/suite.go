package envelope

import (
	"fmt"

	"github.com/phisafe/phisafe/internal/esdk"
)

func lookupSuite(id esdk.SuiteID) (*esdk.Suite, error) {
	s, err := esdk.LookupSuite(id)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	return s, nil
}
