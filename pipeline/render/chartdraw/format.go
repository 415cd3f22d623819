package chartdraw

import (
	"strconv"

	"coopreport/pipeline"
)

// money formats d with the minor units of code and thousands grouped:
// "1,250,000.50" (pipeline.Grouped).
func money(d pipeline.Decimal, code string) string { return pipeline.Grouped(d, code) }

// integer formats n with thousands grouped: "12,345".
func integer[T int | int64](n T) string {
	return pipeline.GroupDigits(strconv.FormatInt(int64(n), 10))
}
