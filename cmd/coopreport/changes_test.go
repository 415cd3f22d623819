package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"coopreport/pipeline/run"
)

// changesActivities writes the activities of the tests of changes: rows
// of id, date and amount (MNT), all with Russia.
func changesActivities(t *testing.T, dir string, rows ...[3]string) {
	t.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"id", "date", "country", "agreement", "measure", "type", "title", "participants", "amount", "currency"})
	for _, r := range rows {
		w.Write([]string{r[0], r[1], "Russian Federation", "AG-001", "M1", "meeting", "Working meeting " + r[0], "10", r[2], "MNT"})
	}
	w.Flush()
	opsWriteFile(t, filepath.Join(dir, "activities.csv"), []byte(b.String()))
}

// changesInput is an input folder for the year 2025 by quarter: the
// example's other registers and three activities, two in the third
// quarter and one in the fourth.
func changesInput(t *testing.T, config string) string {
	t.Helper()
	in := opsInput(t, 0)
	opsWriteFile(t, filepath.Join(in, "coopreport.toml"), []byte("currency = \"MNT\"\ntimezone = \"Asia/Ulaanbaatar\"\nperiod = \"2025\"\nby = \"quarter\"\n"+config))
	changesActivities(t, in,
		[3]string{"AC-1", "2025-08-10", "1000.00"},
		[3]string{"AC-2", "2025-09-01", "2000.00"},
		[3]string{"AC-3", "2025-11-05", "3000.00"})
	return in
}

// changesManifest is the manifest's changes.
type changesManifest struct {
	Made    string `json:"made"`
	Changes struct {
		First          bool   `json:"first"`
		Note           string `json:"note"`
		Since          string `json:"since"`
		Restated       bool   `json:"restated"`
		RowsAdded      int    `json:"rows_added"`
		RowsRemoved    int    `json:"rows_removed"`
		RowsChanged    int    `json:"rows_changed"`
		FiguresChanged int    `json:"figures_changed"`
		Figures        []map[string]any
	} `json:"changes"`
}

// changesLines reads changes.csv as lines "what change …" of the columns
// that its kind of line sets.
func changesLines(t *testing.T, dir string) (figures, rows []string) {
	t.Helper()
	for _, r := range readCSV(t, filepath.Join(dir, run.ChangesName), "what", "change", "bucket", "country_code", "country", "currency", "figure", "old", "new", "closed", "file", "kind", "id") {
		switch r["what"] {
		case "figure":
			figures = append(figures, fmt.Sprintf("%s %s %s %s %s → %s closed=%s", r["bucket"], r["country_code"], r["currency"], r["figure"], r["old"], r["new"], r["closed"]))
		case "row":
			rows = append(rows, fmt.Sprintf("%s %s %s %s", r["change"], r["file"], r["kind"], r["id"]))
		default:
			t.Errorf("changes.csv: a line of what %q", r["what"])
		}
	}
	return figures, rows
}

// A sequence of monthly runs, the input edited between them: the second
// run names exactly the rows edited and the figures changed, old → new,
// says "restated" for the closed quarter (and exits 3 with --strict), and
// keeps the first run's outputs in the history; a run after no edit has
// nothing to report.
func TestChangesBetweenRuns(t *testing.T) {
	in, out := changesInput(t, ""), t.TempDir()
	dir := filepath.Join(out, "2025")
	args := func(now string, extra ...string) []string {
		return append([]string{"run", "--input", in, "--out", out, "--now", now}, extra...)
	}

	first := opsMain(t, nil, args("2025-12-01")...)
	first.want(t, ExitOK)
	if first.stderr != "" {
		t.Errorf("the first run is not silent: %s", first.stderr)
	}
	var m changesManifest
	readJSON(t, filepath.Join(dir, run.ManifestName), &m)
	if !m.Changes.First || !strings.Contains(m.Changes.Note, "nothing to compare with") {
		t.Errorf("the first run's manifest says %+v, want first and nothing to compare with", m.Changes)
	}
	if f, r := changesLines(t, dir); len(f)+len(r) != 0 {
		t.Errorf("the first run lists changes: %q %q", f, r)
	}
	firstMade := m.Made
	firstSummary, err := os.ReadFile(filepath.Join(dir, "summary.csv"))
	if err != nil {
		t.Fatal(err)
	}

	// A correction of the closed third quarter (an amount changed, a row
	// removed) and a new activity in the fourth, still open.
	changesActivities(t, in,
		[3]string{"AC-1", "2025-08-10", "1500.00"},
		[3]string{"AC-3", "2025-11-05", "3000.00"},
		[3]string{"AC-4", "2025-11-20", "4000.00"})
	second := opsMain(t, nil, args("2026-01-01", "--strict")...)
	second.want(t, ExitRejected)
	for _, want := range []string{
		"restated: the published figures of 2025-Q3, closed on 30 September 2025, changed since the report of 1 December 2025 (--strict: exit status 3):",
		"2025-Q3, Russia: activities 2 → 1",
		"2025-Q3, Russia, MNT: amount 3000.00 → 1500.00",
		"(rows: 1 added, 1 removed, 1 changed)",
		filepath.Join(out, ".history", "2025"),
	} {
		if !strings.Contains(second.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, second.stderr)
		}
	}
	if strings.Contains(second.stderr, "2025-Q4") {
		t.Errorf("stderr names the open quarter among the restated:\n%s", second.stderr)
	}
	figures, rows := changesLines(t, dir)
	if want := []string{"changed activities.csv activities AC-1", "removed activities.csv activities AC-2", "added activities.csv activities AC-4"}; !slices.Equal(rows, want) {
		t.Errorf("rows changed:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	wantFigures := []string{
		"2025-Q3 RU  activities 2 → 1 closed=true",
		"2025-Q3 RU  participants 20 → 10 closed=true",
		"2025-Q3 RU MNT amount 3000.00 → 1500.00 closed=true",
		"2025-Q3 RU MNT amount_reporting 3000.00 → 1500.00 closed=true",
		"2025-Q4 RU  activities 1 → 2 closed=false",
		"2025-Q4 RU  participants 10 → 20 closed=false",
		"2025-Q4 RU MNT amount 3000.00 → 7000.00 closed=false",
		"2025-Q4 RU MNT amount_reporting 3000.00 → 7000.00 closed=false",
		"2025 RU MNT amount 6000.00 → 8500.00 closed=false",
		"2025 RU MNT amount_reporting 6000.00 → 8500.00 closed=false",
	}
	if !slices.Equal(figures, wantFigures) {
		t.Errorf("figures changed:\n%s\nwant:\n%s", strings.Join(figures, "\n"), strings.Join(wantFigures, "\n"))
	}
	readJSON(t, filepath.Join(dir, run.ManifestName), &m)
	c := m.Changes
	if c.First || !c.Restated || c.Since != firstMade || c.RowsAdded != 1 || c.RowsRemoved != 1 || c.RowsChanged != 1 || c.FiguresChanged != len(wantFigures) || len(c.Figures) != len(wantFigures) {
		t.Errorf("the manifest's changes: %+v", c)
	}
	secondMade := m.Made

	// The history holds the first run's outputs, whole and readable.
	kept := filepath.Join(out, ".history", "2025", "20251130T160000Z")
	opsWhole(t, kept)
	if b, err := os.ReadFile(filepath.Join(kept, "summary.csv")); err != nil || string(b) != string(firstSummary) {
		t.Errorf("the history's summary.csv is not the first run's (%v)", err)
	}
	var old changesManifest
	readJSON(t, filepath.Join(kept, run.ManifestName), &old)
	if old.Made != firstMade {
		t.Errorf("the history holds the outputs made %s, want the first run's, %s", old.Made, firstMade)
	}

	// Nothing edited: nothing changed, no restatement, silent.
	third := opsMain(t, nil, args("2026-02-01", "--strict")...)
	third.want(t, ExitOK)
	if third.stderr != "" {
		t.Errorf("a run after no edit is not silent: %s", third.stderr)
	}
	if f, r := changesLines(t, dir); len(f)+len(r) != 0 {
		t.Errorf("a run after no edit lists changes: %q %q", f, r)
	}
	readJSON(t, filepath.Join(dir, run.ManifestName), &m)
	if c := m.Changes; c.First || c.Restated || c.Since != secondMade || c.RowsAdded+c.RowsRemoved+c.RowsChanged+c.FiguresChanged != 0 || !strings.Contains(c.Note, "nothing changed") {
		t.Errorf("a run after no edit: changes %+v", c)
	}
	// The outputs it replaced said what it says: no place in the history.
	if entries, _ := os.ReadDir(filepath.Join(out, ".history", "2025")); len(entries) != 1 {
		t.Errorf("the history holds %d runs, want the first only (the second's outputs were unchanged)", len(entries))
	}
}

// The history keeps the last `history` runs, and 0 keeps none.
func TestChangesHistoryBounded(t *testing.T) {
	for _, keep := range []int{2, 0} {
		t.Run(fmt.Sprint(keep), func(t *testing.T) {
			in, out := changesInput(t, fmt.Sprintf("history = %d\n", keep)), t.TempDir()
			var made []string
			for i := range keep + 2 {
				now := fmt.Sprintf("2026-%02d-01", i+1)
				// An edit each month: unchanged outputs are not kept.
				changesActivities(t, in,
					[3]string{"AC-1", "2025-08-10", "1000.00"},
					[3]string{"AC-2", "2025-09-01", "2000.00"},
					[3]string{"AC-3", "2025-11-05", fmt.Sprintf("%d.00", 3000+i)})
				opsMain(t, nil, "run", "--input", in, "--out", out, "--now", now).want(t, ExitOK)
				var m changesManifest
				readJSON(t, filepath.Join(out, "2025", run.ManifestName), &m)
				made = append(made, m.Made)
			}
			entries, err := os.ReadDir(filepath.Join(out, ".history", "2025"))
			if err != nil && keep > 0 {
				t.Fatal(err)
			}
			var got []string
			for _, e := range entries {
				var m changesManifest
				readJSON(t, filepath.Join(out, ".history", "2025", e.Name(), run.ManifestName), &m)
				got = append(got, m.Made)
			}
			// The runs before the last, the newest of them.
			want := made[len(made)-1-keep : len(made)-1]
			if !slices.Equal(got, want) {
				t.Errorf("history = %d: the history holds the outputs made %q, want %q", keep, got, want)
			}
			if len(opsLeftovers(t, out)) != 0 {
				t.Errorf("left behind: %q", opsLeftovers(t, out))
			}
		})
	}
}

// Another --by makes other buckets, not changed figures: only the whole
// period's lines are compared, and the report and manifest say so.
func TestChangesOtherBuckets(t *testing.T) {
	in, out := changesInput(t, ""), t.TempDir()
	opsMain(t, nil, "run", "--input", in, "--out", out, "--now", "2026-01-05").want(t, ExitOK)
	opsMain(t, nil, "run", "--input", in, "--out", out, "--now", "2026-01-06", "--by", "month", "--strict").want(t, ExitOK)
	dir := filepath.Join(out, "2025")
	if f, r := changesLines(t, dir); len(f)+len(r) != 0 {
		t.Errorf("other buckets listed as changes: %q %q", f, r)
	}
	md, err := os.ReadFile(filepath.Join(dir, "report-2025.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "the buckets are by month, and were by quarter in the published report, so only the whole period's figures were compared") {
		t.Errorf("the report does not say the buckets changed:\n%s", md)
	}
}
