package period

import (
	"fmt"
	"strings"

	"coopreport/pipeline"
)

// ByError is a --by value that is not a bucket size.
type ByError struct{ Value string }

func (e *ByError) Error() string {
	return fmt.Sprintf("--by %q is not a bucket size; use month, quarter or year", e.Value)
}

func (e *ByError) Unwrap() error { return ErrBadBy }

// ParseBy reads --by: "month" (also "months", "monthly"), "quarter"
// ("quarters", "quarterly"), "year" ("years", "yearly", "annual"), in any
// case. "" stays "": Resolve then picks the default for the period.
func ParseBy(s string) (pipeline.Granularity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "month", "months", "monthly":
		return pipeline.ByMonth, nil
	case "quarter", "quarters", "quarterly":
		return pipeline.ByQuarter, nil
	case "year", "years", "yearly", "annual", "annually":
		return pipeline.ByYear, nil
	}
	return "", &ByError{Value: s}
}
