package markdown

import (
	"strings"
	"testing"
)

// The sections a ministry acts on, from the sample of 2023..2025: AG-3
// expires in April 2026, AG-2 expired on the period's last day, AG-5 was
// terminated in 2024; the data issues annex lists each problem, and a
// copy meant for publication leaves it out.
func TestSectionsToActOn(t *testing.T) {
	tm, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	full, err := tm.Execute(sampleReport(), Markdown)
	if err != nil {
		t.Fatal(err)
	}
	got := string(full)
	for _, want := range []string{
		"The agreements in force after the period whose validity ends by 31 December 2026",
		"| AG-3 | China | Memorandum of understanding | 11 April 2026 | 101 |",
		"| AG-2 | China (Inner Mongolia) | Cooperation plan for 2023-2025 | 31 December 2025 | expired |",
		"| AG-5 | Japan | Protocol on museum exchanges | 4 May 2024 | terminated |",
		"# Annex 3: Data issues",
		"*Problems found in the input*\n\n| File | Row | Column | Value | Problem |",
		"What else the run found:\n\n- register.xlsx, sheet \"Notes\": not a table of records; skipped",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Contains(got, "AG-7 |") && strings.Contains(got, "Expired programme | 31 December 2010") {
		t.Error("an agreement that ended before the period is listed as ended during it")
	}
	r := sampleReport()
	for i, e := range r.Rejects {
		row := "| " + e.File
		if e.Sheet != "" {
			row += ", sheet " + e.Sheet
		}
		if !strings.Contains(got, row) || !strings.Contains(got, Escape(e.Reason())) {
			t.Errorf("reject %d (%v) is not listed", i, &e)
		}
	}

	r.NoDataIssues = true
	public, err := tm.Execute(r, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	for _, never := range []string{"Data issues", "Problems found", "not a table of records"} {
		if strings.Contains(string(public), never) {
			t.Errorf("the copy for publication holds %q", never)
		}
	}
}

// The report lists the first ListedProblems problems and says where the
// rest are.
func TestProblemsListed(t *testing.T) {
	r := sampleReport()
	first := r.Rejects[0]
	for len(r.Rejects) < ListedProblems+7 {
		e := first
		e.Row = len(r.Rejects) + 2
		r.Rejects = append(r.Rejects, e)
	}
	v, err := NewView(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Problems.First) != ListedProblems || v.Problems.Count != ListedProblems+7 || v.Problems.More != 7 {
		t.Fatalf("problems: %d listed, %d in all, %d more", len(v.Problems.First), v.Problems.Count, v.Problems.More)
	}
	x := &execution{v: v, target: Markdown}
	got, err := x.table("rejects")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(got), "\n| "); n != ListedProblems+2 {
		t.Errorf("%d table lines, want %d, the header and its rule", n, ListedProblems)
	}
	if !strings.HasSuffix(string(got), "The input has 207 problems; the first 200 are listed here, and all of them in rejects.csv and in the Data issues sheet of the workbook.") {
		t.Errorf("no sentence about the rest: …%s", got[len(got)-200:])
	}
}

// Buckets and rows where nothing happened are left out, and one sentence
// says which.
func TestQuietBucketsLeftOut(t *testing.T) {
	v := &View{Period: Period{By: "year"}, ByBucket: make([]Row, TableRows+1), BucketTotals: []Row{
		{Bucket: "2019", InForce: 5},
		{Bucket: "2020", InForce: 5, Signed: 1},
		{Bucket: "2021", InForce: 6},
		{Bucket: "2022", InForce: 6, Activities: 2, Participants: 9},
	}}
	x := &execution{v: v, target: Markdown}
	got, err := x.table("by-bucket")
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	for _, want := range []string{"| 2020 | 1 | 5 | 0 | 0 |", "| 2022 | 0 | 6 | 2 | 9 |", "In 2019 and 2021 no agreement was signed and no activity took place."} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in\n%s", want, s)
		}
	}
	if strings.Contains(s, "| 2019 |") || strings.Contains(s, "| 2021 |") {
		t.Errorf("a year where nothing happened has a row:\n%s", s)
	}

	v = &View{Period: Period{By: "year"}, ByBucket: []Row{
		{Bucket: "2019", Country: "Japan", InForce: 1},
		{Bucket: "2019", Country: "China", InForce: 1, Activities: 1},
	}}
	x = &execution{v: v, target: Markdown}
	if got, _ := x.table("by-bucket"); !strings.Contains(string(got), "| 2019 | China |") || strings.Contains(string(got), "Japan") ||
		!strings.Contains(string(got), "1 more row by year and partner had agreements in force and nothing else") {
		t.Errorf("rows by partner:\n%s", got)
	}
}
