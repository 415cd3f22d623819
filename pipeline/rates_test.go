package pipeline

import "testing"

func TestMinorUnits(t *testing.T) {
	// MNT, KPW: ISO 4217 says 2 where CLDR shows 0; IQD 3 where CLDR shows 0.
	for code, want := range map[string]int{"MNT": 2, "USD": 2, "EUR": 2, "RUB": 2, "CNY": 2, "JPY": 0, "KRW": 0,
		"KPW": 2, "KWD": 3, "IQD": 3, "CLF": 4, "XYZ": 2, "": 2} {
		if got := MinorUnits(code); got != want {
			t.Errorf("MinorUnits(%s) = %d, want %d", code, got, want)
		}
	}
}
