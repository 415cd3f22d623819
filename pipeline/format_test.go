package pipeline

import "testing"

func TestGrouped(t *testing.T) {
	for _, tt := range []struct {
		in, code, want string
	}{
		{"1250000.5", "MNT", "1,250,000.50"},
		{"-1234567", "USD", "-1,234,567.00"},
		{"1200000", "JPY", "1,200,000"},
		{"12.3456", "KWD", "12.3456"}, // digits given beyond the minor unit are kept
		{"12.340", "USD", "12.34"},    // but not zeros
		{"999", "KWD", "999.000"},
		{"100000", "", "100,000.00"},
	} {
		d, err := ParseDecimal(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := Grouped(d, tt.code); got != tt.want {
			t.Errorf("Grouped(%s, %s) = %s, want %s", tt.in, tt.code, got, tt.want)
		}
	}
}
