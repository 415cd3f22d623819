package ingest

import (
	"fmt"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/period"
)

// rateSpan reads the period of an exchange rate: a year, a quarter or a
// month, and nothing wider or relative.
func rateSpan(s string) (pipeline.RateSpan, error) {
	spec, err := period.Parse(s, pipeline.Date{})
	if err == nil && (spec.IsAll() || strings.Contains(spec.Label(), "..")) {
		err = fmt.Errorf("a rate is for one year, quarter or month")
	}
	if err != nil {
		return pipeline.RateSpan{}, fmt.Errorf("%w: %q is not a rate period; write a year (2024), a quarter (2024-Q3) or a month (2024-07)", pipeline.ErrBadRate, s)
	}
	p, err := spec.Resolve("", pipeline.Date{}, pipeline.Date{})
	if err != nil {
		return pipeline.RateSpan{}, fmt.Errorf("%w: %v", pipeline.ErrBadRate, err)
	}
	return pipeline.RateSpan{Label: p.Label, From: p.From, To: p.To}, nil
}
