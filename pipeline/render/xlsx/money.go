package xlsx

import (
	"strings"

	"coopreport/pipeline"
)

// moneyFormat is the number format of amounts in code with digits
// decimals: grouped, and the currency's code after the number, so that a
// column mixing currencies cannot be misread.
func moneyFormat(code string, digits int) string {
	f := "#,##0"
	if digits > 0 {
		f += "." + strings.Repeat("0", digits)
	}
	if code != "" {
		f += ` "` + strings.ReplaceAll(code, `"`, "") + `"`
	}
	return f
}

// decimals is how many decimals an amount is shown with: the currency's own
// ISO 4217 minor units, or every digit the amount has beyond them, as
// the CSV files and the PDF show it (pipeline.Plain): never rounded.
func decimals(d pipeline.Decimal, code string) int {
	n := pipeline.MinorUnits(code)
	if d.Round(n).Cmp(d) != 0 {
		return d.Scale()
	}
	return n
}
