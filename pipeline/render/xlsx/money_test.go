package xlsx

import (
	"testing"

	"coopreport/pipeline"
)

// TestMoneyDigits: an amount is shown with its currency's minor units, or
// with every digit it has beyond them: the workbook never rounds what the
// CSV files and the PDF show in full.
func TestMoneyDigits(t *testing.T) {
	for _, tt := range []struct {
		amount, code, format string
	}{
		{"1000.005", "USD", `#,##0.000 "USD"`},
		{"1000.50", "USD", `#,##0.00 "USD"`},
		{"12.340", "USD", `#,##0.00 "USD"`},
		{"1200000", "JPY", `#,##0 "JPY"`},
		{"1200000.5", "JPY", `#,##0.0 "JPY"`},
		{"1.234", "KWD", `#,##0.000 "KWD"`},
		{"5", "MNT", `#,##0.00 "MNT"`},
	} {
		d, err := pipeline.ParseDecimal(tt.amount)
		if err != nil {
			t.Fatal(err)
		}
		if got := moneyFormat(tt.code, decimals(d, tt.code)); got != tt.format {
			t.Errorf("%s %s: format %s, want %s", tt.amount, tt.code, got, tt.format)
		}
	}
}
