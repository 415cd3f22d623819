package country

import (
	"testing"
)

// TestData checks the embedded files and the CLDR names agree: no spelling
// means two countries, every code is real, and the table holds the ISO
// 3166-1 countries only.
func TestData(t *testing.T) {
	b, err := build()
	if err != nil {
		t.Fatal(err)
	}
	// 249 ISO 3166-1 countries, and Kosovo (XK).
	if got := len(b.countries); got != 250 {
		t.Errorf("got %d countries, want 250", got)
	}
	for _, code := range []string{"EU", "UN", "ZZ", "EZ", "UK", "AC", "QO", "BU", "DD"} {
		if _, ok := b.byCode[code]; ok {
			t.Errorf("%s is in the table but is not an ISO 3166-1 country", code)
		}
	}
	for _, c := range b.countries {
		if len(c.Code) != 2 || len(c.Alpha3) != 3 || c.Name == "" || c.LongName == "" {
			t.Errorf("incomplete country %+v", c)
		}
	}
}
