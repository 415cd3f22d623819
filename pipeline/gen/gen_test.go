package gen

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"coopreport/pipeline"
	"coopreport/pipeline/period"
	"coopreport/pipeline/run"
)

const testRows = 3000

func read(t *testing.T, dir string) *pipeline.Report {
	t.Helper()
	r, err := run.Read(context.Background(), run.Options{Input: dir, Period: period.MustParse(Period), Currency: Currency, Now: Now})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestFolder checks that a correct reading of a generated folder finds
// what the generator meant: every row read, exactly the spoilt rows
// rejected, each for the column spoilt.
func TestFolder(t *testing.T) {
	reports := map[Format]*pipeline.Report{}
	for _, f := range []Format{CSV, XLSX} {
		t.Run(string(f), func(t *testing.T) {
			dir := t.TempDir()
			st, err := Folder(dir, Options{Format: f, Activities: testRows, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			if st.Aliases != 1000 || st.Agreements != 1000 || st.Rates != 1020 {
				t.Errorf("aliases, agreements, rates = %d, %d, %d; want 1000, 1000, 1020", st.Aliases, st.Agreements, st.Rates)
			}
			r := read(t, dir)
			reports[f] = r
			rowsRead := 0
			for _, in := range r.Inputs {
				rowsRead += in.Read
			}
			if want := testRows + st.Agreements + st.Aliases + st.Rates + st.Measures; rowsRead != want {
				t.Errorf("rows read = %d, want %d", rowsRead, want)
			}
			got := map[string]string{}
			for _, e := range r.Rejects {
				got[fmt.Sprintf("%s/%s/%d", e.File, e.Sheet, e.Row)] = e.Column + ": " + e.Error()
			}
			want := map[string]Reject{}
			for _, e := range st.Rejects {
				want[fmt.Sprintf("%s/%s/%d", e.File, e.Sheet, e.Row)] = e
			}
			// Mistakes are listed compactly: one wrong rule spoils many rows.
			var wrong []string
			for k, e := range want {
				g, ok := got[k]
				switch {
				case !ok:
					wrong = append(wrong, fmt.Sprintf("%s (%s mistake in %q) was not rejected", k, e.Kind, e.Column))
				case !strings.HasPrefix(g, e.Column+": "):
					wrong = append(wrong, fmt.Sprintf("%s (%s mistake) rejected for another column: %s", k, e.Kind, g))
				}
			}
			for k, g := range got {
				if _, ok := want[k]; !ok {
					wrong = append(wrong, fmt.Sprintf("%s rejected but meant to be good: %s", k, g))
				}
			}
			if len(wrong) > 0 {
				sort.Strings(wrong)
				t.Errorf("%d rejects differ from the spoilt rows, e.g.:\n%s", len(wrong), strings.Join(wrong[:min(6, len(wrong))], "\n"))
			}
			if len(r.Rejects) != len(st.Rejects) {
				t.Errorf("%d rejects, want %d (one per spoilt row)", len(r.Rejects), len(st.Rejects))
			}
			badLedger := 0
			for _, e := range st.Rejects {
				if e.Kind != "" && filepath.Base(st.Ledger) == e.File {
					badLedger++
				}
			}
			if badLedger < testRows/100 || badLedger > testRows/15 {
				t.Errorf("%d spoilt ledger rows of %d; want a few per cent", badLedger, testRows)
			}
			if got, want := r.Ledger.Len(), testRows-badLedger; got != want {
				t.Errorf("%d activities in the report, want %d", got, want)
			}
			if len(r.Countries) < 30 {
				t.Errorf("%d partner countries, want the long tail too", len(r.Countries))
			}
		})
	}
	// The same seed writes the same values in both formats: a workbook's
	// real date and number cells must read as the CSV's text does.
	c, x := reports[CSV], reports[XLSX]
	if c == nil || x == nil {
		return
	}
	if fmt.Sprint(c.Totals) != fmt.Sprint(x.Totals) {
		t.Errorf("CSV and XLSX totals differ:\n%v\n%v", c.Totals, x.Totals)
	}
	if len(c.FinanceTotals) != len(x.FinanceTotals) {
		t.Fatalf("finance totals: %d rows from CSV, %d from XLSX", len(c.FinanceTotals), len(x.FinanceTotals))
	}
	for i := range c.FinanceTotals {
		a, b := c.FinanceTotals[i], x.FinanceTotals[i]
		if a.Country != b.Country || a.Currency != b.Currency || a.Amount.Cmp(b.Amount) != 0 || a.Reporting.Cmp(b.Reporting) != 0 {
			t.Errorf("finance total %d: CSV %v %s %s %s, XLSX %v %s %s %s", i, a.Country.Code, a.Currency, a.Amount, a.Reporting, b.Country.Code, b.Currency, b.Amount, b.Reporting)
		}
	}
}

func TestFolderDeterministic(t *testing.T) {
	var first [][]byte
	for range 2 {
		dir := t.TempDir()
		st, err := Folder(dir, Options{Activities: 500, Agreements: 50, Aliases: 20, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		var files [][]byte
		for _, p := range st.Files {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, b)
		}
		if first == nil {
			first = files
			continue
		}
		for i := range files {
			if !bytes.Equal(files[i], first[i]) {
				t.Errorf("%s differs between two runs of one seed", filepath.Base(st.Files[i]))
			}
		}
	}
}

func TestReport(t *testing.T) {
	r, err := Report(5000, 1)
	if err != nil {
		t.Fatal(err)
	}
	acts := r.Ledger.(pipeline.Activities)
	if len(acts) != 5000 || len(r.Agreements) < 950 {
		t.Fatalf("%d activities, %d agreements", len(acts), len(r.Agreements))
	}
	for i := 1; i < len(acts); i++ {
		if acts[i].Date.Before(acts[i-1].Date) {
			t.Fatalf("activity %d is out of date order", i)
		}
	}
	var n int
	for _, s := range r.Totals {
		n += s.Activities
	}
	if n != 5000 {
		t.Errorf("totals count %d activities, want 5000", n)
	}
	if len(r.FinanceTotals) == 0 || !r.FinanceTotals[0].Converted && r.FinanceTotals[0].Currency != "CHF" {
		t.Errorf("finance totals not converted: %+v", r.FinanceTotals)
	}
}
