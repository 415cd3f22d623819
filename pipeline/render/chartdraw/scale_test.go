package chartdraw

import (
	"fmt"
	"strings"
	"testing"
)

func TestNiceScale(t *testing.T) {
	tests := []struct {
		lo, hi  float64
		integer bool
		ticks   string
		unit    string
	}{
		{0, 57, true, "0 20 40 60", ""},
		{0, 6, true, "0 2 4 6", ""},
		{0, 1, true, "0 1", ""},
		{0, 0, true, "0 1", ""},
		{0, 100015432.6, false, "0 25 50 75 100 125", "millions"},
		{0, 4935.5, false, "0 1,000 2,000 3,000 4,000 5,000", ""},
		{0, 0.3, false, "0 0.1 0.2 0.3", ""}, {0, 0.06, false, "0 0.02 0.04 0.06", ""}, {0, 12.5, false, "0 2.5 5.0 7.5 10.0 12.5", ""},
		{-40, 100, false, "-50 0 50 100", ""},
		{0, 2.5e9, false, "0 0.5 1.0 1.5 2.0 2.5", "billions"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.lo, tt.hi), func(t *testing.T) {
			s := niceScale(tt.lo, tt.hi, tt.integer)
			var got []string
			for _, v := range s.ticks() {
				got = append(got, s.label(v))
			}
			if strings.Join(got, " ") != tt.ticks || s.unitName != tt.unit {
				t.Errorf("ticks %q (%s); want %q (%s)", strings.Join(got, " "), s.unitName, tt.ticks, tt.unit)
			}
		})
	}
}
