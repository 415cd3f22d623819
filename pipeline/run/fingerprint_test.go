package run

import (
	"testing"

	"coopreport/pipeline/period"
)

// The fingerprint is of the inputs' hashes, whatever the order they come
// in, and changes with any of them.
func TestFingerprint(t *testing.T) {
	opt := Options{Version: "1", Period: period.MustParse("2025")}
	a, err := fingerprint(opt, "2025", map[string]string{"a.csv": "1", "b.xlsx": "2"})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := fingerprint(opt, "2025", map[string]string{"b.xlsx": "2", "a.csv": "1"})
	c, _ := fingerprint(opt, "2025", map[string]string{"a.csv": "1", "b.xlsx": "3"})
	d, _ := fingerprint(opt, "2025", map[string]string{"a.csv": "1"})
	if a != b || a == c || a == d || c == d {
		t.Errorf("fingerprints %s %s %s %s", a, b, c, d)
	}
}
