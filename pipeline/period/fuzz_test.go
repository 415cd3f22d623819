package period

import (
	"testing"

	"coopreport/pipeline"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2025-10", "2025-Q3", "2025-q3", "2025", "2012..2015", "2012-2015",
		"2024-07..2025-06", "2024-7..2025-6", "previous-month", "current-quarter", "all", "",
		"2025-13", "0000", "10000", "2015..2012", "2024..2025-06", "2025-+1", "9999-12", "0001"} {
		f.Add(s)
	}
	today := pipeline.Date{Year: 2026, Month: 1, Day: 15}
	f.Fuzz(func(t *testing.T, s string) {
		spec, err := Parse(s, today)
		if err != nil {
			return
		}
		// Relative forms resolve to concrete labels, so every label parses
		// back, without today, to the same period.
		again, err := Parse(spec.Label(), pipeline.Date{})
		if err != nil {
			t.Fatalf("Parse(%q) gave label %q, which does not parse: %v", s, spec.Label(), err)
		}
		again.written = spec.written // as written differs; the period must not
		if again != spec {
			t.Fatalf("Parse(%q) = %+v but Parse(its label) = %+v", s, spec, again)
		}
		if spec.IsAll() {
			return
		}
		p, err := spec.Resolve("", pipeline.Date{}, pipeline.Date{})
		if err != nil {
			t.Fatalf("Resolve(%q): %v", s, err)
		}
		if p.From.After(p.To) || len(p.Buckets) == 0 || p.Buckets[0].From != p.From || p.Buckets[len(p.Buckets)-1].To != p.To {
			t.Fatalf("Resolve(%q) = %+v", s, p)
		}
	})
}
