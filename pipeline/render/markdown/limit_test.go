package markdown_test

import (
	"fmt"
	"strings"
	"testing"

	"coopreport/pipeline"
	"coopreport/pipeline/render/markdown"
)

// TestListedRows: a register longer than ListedRows is cut, and the
// report says how many rows there are and where they all are.
func TestListedRows(t *testing.T) {
	r := exampleReport()
	base := r.Ledger.(pipeline.Activities)[0]
	var acts pipeline.Activities
	for i := range markdown.ListedRows + 234 {
		a := base
		a.ID = fmt.Sprintf("X-%05d", i)
		acts = append(acts, a)
	}
	r.Ledger = acts
	tm, err := markdown.Parse("annex.tmpl", `{{table "activities"}}`)
	if err != nil {
		t.Fatal(err)
	}
	md, err := tm.Execute(r, markdown.PDF)
	if err != nil {
		t.Fatal(err)
	}
	out := string(md)
	if n := strings.Count(out, "| X-"); n != markdown.ListedRows {
		t.Errorf("%d rows listed, want %d", n, markdown.ListedRows)
	}
	if !strings.Contains(out, fmt.Sprintf("X-%05d", markdown.ListedRows-1)) || strings.Contains(out, fmt.Sprintf("X-%05d", markdown.ListedRows)) {
		t.Error("the first rows are not the ones listed")
	}
	if want := "The period has 284 activities; the first 50 are listed here, and all of them in the Activities sheet of the workbook."; !strings.Contains(out, want) {
		t.Errorf("the note on the rows left out is missing:\n%s", out[len(out)-300:])
	}
}

// A template may still list every activity: .All reads them all from the
// ledger, past the rows a long list holds.
func TestAllActivities(t *testing.T) {
	r := exampleReport()
	base := r.Ledger.(pipeline.Activities)[0]
	var acts pipeline.Activities
	for i := range markdown.ListedRows + 50 {
		a := base
		a.ID = fmt.Sprintf("X-%05d", i)
		acts = append(acts, a)
	}
	r.Ledger = acts
	tm, err := markdown.Parse("all.tmpl", `{{.Activities.Count}} {{.Activities.More}} {{len .Activities.First}}:{{range .Activities.All}} {{.ID}}{{end}}`)
	if err != nil {
		t.Fatal(err)
	}
	md, err := tm.Execute(r, markdown.PDF)
	if err != nil {
		t.Fatal(err)
	}
	out := string(md)
	want := fmt.Sprintf("%d 50 %d:", markdown.ListedRows+50, markdown.ListedRows)
	if !strings.HasPrefix(out, want) || strings.Count(out, " X-") != markdown.ListedRows+50 || !strings.Contains(out, fmt.Sprintf("X-%05d", markdown.ListedRows+49)) {
		t.Errorf("got %.80q…, want %q and every activity", out, want)
	}
}
