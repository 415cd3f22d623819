package xlsx

import (
	"strings"

	"coopreport/pipeline"
)

// moneyFormat is the number format of amounts in code: grouped, with the
// currency's own ISO 4217 decimals (pipeline.MinorUnits) and its code
// after the number, so that a column mixing currencies cannot be misread.
func moneyFormat(code string) string {
	f := "#,##0"
	if d := pipeline.MinorUnits(code); d > 0 {
		f += "." + strings.Repeat("0", d)
	}
	if code != "" {
		f += ` "` + strings.ReplaceAll(code, `"`, "") + `"`
	}
	return f
}
