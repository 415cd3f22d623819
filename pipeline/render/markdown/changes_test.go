package markdown

import (
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
)

// The section on what changed since the last published report, in both
// default templates: absent when the run did not compare, a sentence on a
// first run, the rows and figures (the first 10 of each, then how many
// more), "Restated." when figures of ended buckets changed.
func TestChangesSection(t *testing.T) {
	since := time.Date(2026, time.March, 2, 8, 0, 0, 0, time.UTC)
	changed := &pipeline.Changes{Since: since,
		Rows:  []pipeline.RowChange{{File: "activities.csv", Kind: pipeline.KindActivities, ID: "AC-017", Change: "changed"}},
		Cells: []pipeline.FigureChange{{Bucket: "2025", Country: "Russia", Figure: "activities", Old: "4", New: "5"}}}
	restated := &pipeline.Changes{Since: since, Restated: true,
		Cells: []pipeline.FigureChange{
			{Bucket: "2024", Country: "China", Currency: "CNY", Figure: "amount", Old: "55000", New: "60000", Closed: true},
			{Bucket: "2025", Figure: "participants", Old: "1200", New: ""},
		}}
	tests := []struct {
		name      string
		changes   *pipeline.Changes
		want, not []string
	}{
		{"not compared", nil, nil, []string{"Revis", "first report of the period"}},
		{"first run", &pipeline.Changes{First: true},
			[]string{"# Revisions\n\nThis is the first report of the period: there was nothing to compare with.\n\n# "},
			[]string{"Revised since", "Restated"}},
		{"nothing changed", &pipeline.Changes{Since: since},
			[]string{"# Revised since the report of 2 March 2026\n\nNothing changed since the report of 2 March 2026: the same rows give the same figures.\n\n# "},
			[]string{"Restated", "first report"}},
		{"changed", changed, []string{
			"# Revised since the report of 2 March 2026\n\nSince the report of 2 March 2026, these rows and figures changed (changes.csv and the Changes sheet of the workbook list them all).\n\n" +
				"Rows of the registers added, removed or changed:\n\n- AC-017 (activities.csv) changed\n\n" +
				"Figures changed, old → new:\n\n- 2025, Russia, activities: 4 → 5\n\n# "},
			[]string{"Restated", "restated", "more, in changes.csv"}},
		{"restated", restated, []string{
			"**Restated.** Figures of 2024, which had ended when the report of 2 March 2026 was made, have changed: this report restates them, and its figures replace those published.",
			"- 2024, China, money in CNY: 55,000.00 → 60,000.00 (restated)\n- 2025, All partners, participants: 1,200 → none\n\n# "},
			[]string{"Rows of the registers"}},
	}
	for _, name := range []string{"", "form-b"} {
		tm, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				r := sampleReport()
				r.Changes = tt.changes
				for _, target := range []Target{PDF, Markdown} {
					out, err := tm.Execute(r, target)
					if err != nil {
						t.Fatal(err)
					}
					got := string(out)
					for _, w := range tt.want {
						if !strings.Contains(got, w) {
							t.Errorf("missing %q", w)
						}
					}
					for _, n := range tt.not {
						if strings.Contains(got, n) {
							t.Errorf("holds %q", n)
						}
					}
				}
			})
		}
	}

	// Long lists give the first 10 and say how many more.
	tm, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	out, err := tm.Execute(sampleReport(), Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(out), "- and 2 more, in changes.csv\n"); got != 2 {
		t.Errorf("%d lines say 2 more; want one for the rows, one for the figures", got)
	}
}

// The comparison section is left out when there is nothing to compare.
func TestComparedSection(t *testing.T) {
	for _, name := range []string{"", "form-b"} {
		tm, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		r := sampleReport()
		out, err := tm.Execute(r, Markdown)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "# Compared with the year before\n") ||
			!strings.Contains(string(out), "| 2025 | 2024 | 3 → 2 | 5,101,700.00 → 1,410,000.00 | Kuwait | Japan |") {
			t.Errorf("%s: no comparison of 2025 with 2024", name)
		}
		r.Compared = nil
		if out, err = tm.Execute(r, Markdown); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(out), "Compared with") {
			t.Errorf("%s: a comparison section with nothing to compare", name)
		}
	}
}
