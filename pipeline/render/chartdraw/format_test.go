package chartdraw

import (
	"testing"

	"coopreport/pipeline"
)

func dec(s string) pipeline.Decimal {
	d, err := pipeline.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// english is a chart of an English report, for its number formats.
var english = &data{r: &pipeline.Report{}}

func TestMoney(t *testing.T) {
	tests := []struct {
		amount, code, want string
	}{
		{"1250000.5", "MNT", "1,250,000.50"}, // ISO 4217: 2 digits (мөнгө), though CLDR shows 0
		{"98765432.10", "MNT", "98,765,432.10"},
		{"150000", "JPY", "150,000"},
		{"1234.5", "KWD", "1,234.500"},
		{"-1234567.891", "KWD", "-1,234,567.891"},
		{"0", "USD", "0.00"},
		{"999", "USD", "999.00"},
		{"1000", "USD", "1,000.00"},
		{"-100", "EUR", "-100.00"},
		{"12.345", "USD", "12.345"}, // more digits than the minor unit: kept, not rounded
		{"12.340", "USD", "12.34"},  // trailing zeros beyond it are not digits lost
		{"5", "XXZ", "5.00"},        // unknown code: 2 digits
		{"1000000", "IDR", "1,000,000.00"},
	}
	for _, tt := range tests {
		t.Run(tt.amount+" "+tt.code, func(t *testing.T) {
			if got := english.money(dec(tt.amount), tt.code); got != tt.want {
				t.Errorf("money(%s, %s) = %q; want %q", tt.amount, tt.code, got, tt.want)
			}
		})
	}
}

func TestInteger(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {123456, "123,456"}, {-1234567, "-1,234,567"}, {100000, "100,000"}}
	for _, tt := range tests {
		if got := english.integer(int(tt.in)); got != tt.want {
			t.Errorf("integer(%d) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
