package pipeline

import "testing"

func TestMinorUnits(t *testing.T) {
	for code, want := range map[string]int{"MNT": 2, "USD": 2, "JPY": 0, "KWD": 3, "KRW": 0, "EUR": 2, "XYZ": 2} {
		if got := MinorUnits(code); got != want {
			t.Errorf("MinorUnits(%s) = %d, want %d", code, got, want)
		}
	}
}
