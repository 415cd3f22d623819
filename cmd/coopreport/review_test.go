package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Tests of what a review of the input side found: each failed before the
// fix it names.

// A year typed alone in a workbook's date column is a mistake, not a date
// in 1905 (Excel serial 2014); a real date cell is read as a date.
func TestWorkbookYearInDateColumn(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWriteXLSX(t, filepath.Join(in, "registry.xlsx"), e2eSheet{"Agreements", [][]any{
		e2eCells("id", "country", "instrument", "title", "signed", "valid_to"),
		{"AG-1", "Russia", "agreement", "Culture", "2014", nil},                                 // text 2014
		{"AG-2", "China", "agreement", "Opera", e2eDate("2013-04-12"), 2015},                    // number 2015
		{"AG-3", "Japan", "agreement", "Theatre", e2eDate("2013-04-12"), e2eDate("2016-01-01")}, // fine
	}}, e2eSheet{"Activities", [][]any{
		e2eCells("id", "date", "country", "type", "title"),
		{"AC-1", e2eDate("2014-05-01"), "Japan", "training", "Training"},
	}})
	if res := e2eRun(t, in, out); res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	got := map[string]e2eReject{}
	for _, r := range e2eRejects(t, periodDir(t, out)) {
		got[r.Column+" "+r.Value] = r
	}
	for _, want := range []struct{ key, reason string }{{"signed 2014", "year"}, {"valid_to 2015", "year"}} {
		r, ok := got[want.key]
		if !ok || !strings.Contains(r.Reason, want.reason) {
			t.Errorf("no reject %q mentioning %q; rejects %+v", want.key, want.reason, got)
		}
	}
	summary := e2eReadCSV(t, filepath.Join(periodDir(t, out), "summary.csv"))
	for _, row := range summary[1:] {
		if strings.HasPrefix(row[0], "19") {
			t.Errorf("a 1900s bucket: %q", row)
		}
	}
}

// A workbook's number cells keep their decimal point when the
// configuration says the decimal mark is a comma (which is for text).
func TestWorkbookNumbersWithDecimalComma(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(in, "coopreport.toml"), []byte("decimal_mark = \",\"\ncurrency = \"MNT\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e2eWriteXLSX(t, filepath.Join(in, "registry.xlsx"), e2eSheet{"Agreements", [][]any{
		e2eCells("id", "country", "instrument", "title", "signed"),
		{"AG-1", "Japan", "agreement", "Culture", e2eDate("2013-01-18")},
	}}, e2eSheet{"Activities", [][]any{
		e2eCells("id", "date", "country", "type", "title", "amount", "currency"),
		{"AC-1", e2eDate("2014-05-01"), "Japan", "training", "A", 2.125, "USD"},
		{"AC-2", e2eDate("2014-06-01"), "Japan", "training", "B", 1500.5, "USD"},
		{"AC-3", e2eDate("2014-07-01"), "Japan", "training", "C", "1 000,25", "USD"}, // text: the comma is the decimal mark
	}}, e2eSheet{"Rates", [][]any{
		e2eCells("currency", "base", "period", "rate"),
		{"USD", "MNT", "2014", 1523.125},
	}})
	if res := e2eRun(t, in, out); res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if r := e2eRejects(t, periodDir(t, out)); len(r) != 0 {
		t.Fatalf("rejects: %+v", r)
	}
	finance := e2eReadCSV(t, filepath.Join(periodDir(t, out), "finance.csv"))
	// 2.125 + 1500.5 + 1000.25 = 2502.875 USD; converted one by one and
	// rounded: 3236.64 + 2285449.06 + 1523505.78 = 3812191.48 MNT.
	want := "2014,JP,Japan,USD,2502.875,MNT,1523.125,3812191.48"
	if got := strings.Join(finance[1], ","); got != want {
		t.Errorf("finance.csv row %q, want %q", got, want)
	}
}

// Scientific notation in a CSV amount is a number Excel rounded for
// display: refused, never read as exact.
func TestScientificAmountRefused(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"agreements.csv": e2eGoodAgreements,
		"activities.csv": e2eCSV(
			[]string{"id", "date", "country", "type", "title", "amount", "currency", "participants"},
			[]string{"AC-1", "2013-02-01", "Russia", "meeting", "M", "1.23457E+11", "MNT", "3"},
			[]string{"AC-2", "2013-02-02", "Russia", "meeting", "N", "100", "MNT", "2000000000"},
		),
	})
	if res := e2eRun(t, in, out); res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	rejects := e2eRejects(t, periodDir(t, out))
	if len(rejects) != 2 || !strings.Contains(rejects[0].Reason, "scientific notation") || !strings.Contains(rejects[1].Reason, "billion") {
		t.Errorf("rejects %+v, want the scientific amount and the count above a billion", rejects)
	}
}

// A rate with many digits converts exactly, rounded once at the end.
func TestConversionWithManyDigits(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"agreements.csv": e2eGoodAgreements,
		"activities.csv": e2eCSV(
			[]string{"id", "date", "country", "type", "title", "amount", "currency"},
			[]string{"AC-1", "2014-02-01", "Russia", "meeting", "M", "12500000.51", "MNT"},
		),
		"rates.csv": "currency,base,period,rate\nMNT,USD,2014,0.00054321\n",
	})
	if res := e2eRun(t, in, out, "--currency", "USD"); res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	finance := e2eReadCSV(t, filepath.Join(periodDir(t, out), "finance.csv"))
	if got, want := strings.Join(finance[1], ","), "2014,RU,Russia,MNT,12500000.51,USD,0.00054321,6790.13"; got != want {
		t.Errorf("finance.csv row %q, want %q", got, want)
	}
}

// --if-changed runs, and repairs the report, when the published manifest
// is damaged.
func TestIfChangedDamagedManifest(t *testing.T) {
	in, out := e2eGoodInput(t), t.TempDir()
	if res := e2eRun(t, in, out, "--if-changed"); res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	manifest := filepath.Join(periodDir(t, out), "manifest.json")
	if err := os.WriteFile(manifest, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := e2eRun(t, in, out, "--if-changed"); res.code != ExitOK {
		t.Fatalf("exit %d after damaging the manifest: %s", res.code, res.stderr)
	}
	if m := e2eReadManifest(t, periodDir(t, out)); m.RowsRead == 0 {
		t.Error("the manifest was not written again")
	}
}

// --period all spans the start dates (in whole months): an activity
// ending in a later year adds no bucket.
func TestPeriodAllSpansStartDates(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"agreements.csv": e2eGoodAgreements,
		"activities.csv": e2eCSV(
			[]string{"id", "date", "end", "country", "type", "title"},
			[]string{"AC-1", "2015-12-30", "2017-01-02", "Russia", "exchange", "Residency"},
		),
	})
	if res := e2eRun(t, in, out); res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	b, err := os.ReadFile(filepath.Join(periodDir(t, out), "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"to": "2015-12-31"`) || strings.Contains(string(b), `"label": "2017"`) {
		t.Errorf("the period runs past the last start date:\n%s", b)
	}
}

// run --help prints the help, as coopreport help does, and exits 0.
func TestRunHelp(t *testing.T) {
	for _, args := range [][]string{{"run", "--help"}, {"validate", "-h"}, {"help"}, {"init", "--help"}, {"templates", "-h"}} {
		res := e2eMain(t, nil, args...)
		if res.code != ExitOK || !strings.Contains(res.stdout, "Exit status:") || res.stderr != "" {
			t.Errorf("coopreport %s: exit %d, stdout %.40q…, stderr %q", strings.Join(args, " "), res.code, res.stdout, res.stderr)
		}
	}
}

// A record naming the reporting party as its partner is counted, and
// named in a warning.
func TestReportingPartyAsPartner(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"coopreport.toml": "party = \"Mongolia\"\n",
		"agreements.csv":  e2eGoodAgreements,
		"activities.csv": e2eCSV(
			[]string{"id", "date", "country", "type", "title"},
			[]string{"AC-1", "2013-02-01", "Монгол", "festival", "Naadam"},
		),
	})
	if res := e2eRun(t, in, out); res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	want := "Mongolia, the reporting party, is named as the partner country of 1 record (activities.csv, row 2): counted as a partner; check them"
	if m := e2eReadManifest(t, periodDir(t, out)); !slices.Contains(m.Warnings, want) {
		t.Errorf("warnings %q lack %q", m.Warnings, want)
	}
}
