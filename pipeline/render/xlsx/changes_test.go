package xlsx

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
)

func withChanges(t *testing.T) *pipeline.Report {
	r := testReport(t)
	r.Changes = &pipeline.Changes{Since: time.Date(2026, time.March, 2, 9, 0, 0, 0, time.UTC), Restated: true,
		Rows: []pipeline.RowChange{
			{File: "activities.csv", Kind: pipeline.KindActivities, ID: "AC-017", Change: "changed"},
			{File: "agreements.csv", Kind: pipeline.KindAgreements, ID: "007", Change: "added"},
		},
		Cells: []pipeline.FigureChange{
			{Bucket: "2025-Q1", Country: "Japan", Figure: "activities", Old: "4", New: "5", Closed: true},
			{Bucket: "2025-Q1", Country: "Japan", Currency: "JPY", Figure: "amount", Old: "1200000", New: "1250000", Closed: true},
			{Bucket: "2025-Q1", Country: "Japan", Currency: "JPY", Figure: "amount_reporting", Old: "28200000.00", New: "29375000.00", Closed: true},
			{Bucket: "2025-Q4", Figure: "participants", New: "12"},
		}}
	return r
}

// The Changes sheet lists the rows, then the figures, old → new, as
// numbers (counts, and sums in their currency's format: excelize gives
// the values unformatted), and its
// definition is on the About sheet; openpyxl reads the same values.
func TestChangesSheet(t *testing.T) {
	data := writeBook(t, withChanges(t))
	f := openBook(t, data)
	want := []string{"Summary", "Finance", "Agreements", "Activities", "Data issues", "Changes", "About"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	rows, err := f.GetRows("Changes")
	if err != nil {
		t.Fatal(err)
	}
	wantRows := []string{
		"What|File|ID|Bucket|Country|Currency|Figure|Old|New|Bucket closed",
		"row changed|activities.csv|AC-017",
		"row added|agreements.csv|007",
		"figure changed|||2025-Q1|Japan||activities|4|5|yes",
		"figure changed|||2025-Q1|Japan|JPY|amount|1200000|1250000|yes",
		"figure changed|||2025-Q1|Japan|JPY|amount_reporting|28200000|29375000|yes",
		"figure changed|||2025-Q4|All partners||participants||12|no",
	}
	var got []string
	for _, row := range rows {
		got = append(got, strings.Join(row, "|"))
	}
	if !slices.Equal(got, wantRows) {
		t.Errorf("Changes sheet:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantRows, "\n"))
	}
	if _, parts := zipEntries(t, data); !strings.Contains(parts["xl/worksheets/sheet6.xml"], `fitToPage="true"`) {
		t.Error("the Changes sheet does not print fitted to the page's width")
	}
	if ts, _ := f.GetTables("Changes"); len(ts) != 1 {
		t.Errorf("the Changes sheet has tables %+v, want one, with its filter buttons", ts)
	}
	about, err := f.GetRows("About")
	if err != nil {
		t.Fatal(err)
	}
	var note, definition bool
	for _, row := range about {
		if len(row) > 1 && row[0] == "Changes" {
			note = strings.HasPrefix(row[1], "Since the report of 2 March 2026: 2 rows of the registers and 4 figures changed") && strings.Contains(row[1], "restates them")
		}
		if len(row) > 1 && row[0] == "Changes: Old, New, Bucket closed" {
			definition = strings.HasPrefix(row[1], "What changed since the report of the period last published")
		}
	}
	if !note || !definition {
		t.Errorf("About: the note on the changes %t, their definition %t", note, definition)
	}

	var python string
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		t.Fatal("python3 with openpyxl not installed: apt-get install python3-openpyxl (.ci/run does)")
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Changes"]
for row in ws.iter_rows(min_row=2, values_only=True):
    print("|".join("" if v is None else repr(v) for v in row))
print(ws.cell(5, 8).number_format, ws.cell(6, 9).number_format, ws.cell(4, 9).number_format, sep="|")
`, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	wantPy := "'row changed'|'activities.csv'|'AC-017'|||||||\n" +
		"'row added'|'agreements.csv'|'007'|||||||\n" +
		"'figure changed'|||'2025-Q1'|'Japan'||'activities'|4|5|'yes'\n" +
		"'figure changed'|||'2025-Q1'|'Japan'|'JPY'|'amount'|1200000|1250000|'yes'\n" +
		"'figure changed'|||'2025-Q1'|'Japan'|'JPY'|'amount_reporting'|28200000|29375000|'yes'\n" +
		"'figure changed'|||'2025-Q4'|'All partners'||'participants'||12|'no'\n" +
		"#,##0 \"JPY\"|#,##0.00 \"MNT\"|#,##0\n"
	if string(out) != wantPy {
		t.Errorf("openpyxl reads:\n%s\nwant\n%s", out, wantPy)
	}
}

// No Changes sheet when the run did not compare, or on the period's first
// report, which the About sheet says.
func TestNoChangesSheet(t *testing.T) {
	for _, tt := range []struct {
		name    string
		changes *pipeline.Changes
		note    string
	}{
		{"not compared", nil, ""},
		{"first report", &pipeline.Changes{First: true}, "This is the first report of the period: there was nothing to compare with."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := testReport(t)
			r.Changes = tt.changes
			f := openBook(t, writeBook(t, r))
			if slices.Contains(f.GetSheetList(), "Changes") {
				t.Error("a Changes sheet")
			}
			about, err := f.GetRows("About")
			if err != nil {
				t.Fatal(err)
			}
			note := ""
			for _, row := range about {
				if len(row) > 1 && row[0] == "Changes" {
					note = row[1]
				}
			}
			if note != tt.note {
				t.Errorf("About says %q about the changes, want %q", note, tt.note)
			}
		})
	}
}
