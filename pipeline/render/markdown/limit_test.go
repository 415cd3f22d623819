package markdown_test

import (
	"fmt"
	"strings"
	"testing"

	"coopreport/pipeline/render/markdown"
)

// TestListedRows: a register longer than ListedRows is cut, and the
// report says how many rows there are and where they all are.
func TestListedRows(t *testing.T) {
	r := exampleReport()
	base := r.Activities[0]
	r.Activities = nil
	for i := range markdown.ListedRows + 234 {
		a := base
		a.ID = fmt.Sprintf("X-%05d", i)
		r.Activities = append(r.Activities, a)
	}
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
	if !strings.Contains(out, "X-00999") || strings.Contains(out, "X-01000") {
		t.Error("the first rows are not the ones listed")
	}
	if want := "The period has 1,234 activities; the first 1,000 are listed here, and all of them in the Activities sheet of the workbook."; !strings.Contains(out, want) {
		t.Errorf("the note on the rows left out is missing:\n%s", out[len(out)-300:])
	}
}
