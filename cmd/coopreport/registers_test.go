package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Registers as people really keep them: each folder below looks like a
// real one, and its numbers are checked against figures worked out by
// hand from its rows.

// A CSV saved by Excel with US settings: dates month-first (1/18/2015
// proves it, 4/7/2015 is 7 April), CRLF line ends, amounts with thousands
// separators and a lone dash for no amount, a header titled in words.
func TestUSExcelCSV(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"agreements.csv": "ID,Country of partner,Instrument,Title,Date of signature,Valid until\r\n" +
			"AG-1,Japan,agreement,Culture,3/5/2012,3/4/2014\r\n" + // ended before 2015
			"AG-2,United States,mou,Museums,11/20/2014,\r\n",
		"activities.csv": "ID,Start date,Partner country,Type,Title,No. of participants,Cost,Currency\r\n" +
			"AC-1,4/7/2015,Japan,training,Course,12,\"1,250.50\",USD\r\n" +
			"AC-2,1/18/2015,United States,exhibition,Show,30,-,\r\n" +
			"AC-3,12/1/2015,Japan,meeting,Talks,5,\"2,000.00\",USD\r\n",
	})
	r := e2eRun(t, in, out, "--period", "2015", "--by", "quarter")
	if r.code != ExitOK {
		t.Fatalf("run: exit %d: %s", r.code, r.stderr)
	}
	dir := filepath.Join(out, "2015")
	if rj := e2eRejects(t, dir); len(rj) != 0 {
		t.Fatalf("rejects: %+v", rj)
	}
	// Q1: AC-2 (18 January, 30 people); Q2: AC-1 (7 April, 12); Q4: AC-3
	// (1 December, 5). Read day-first, AC-1 would be in Q3 and AC-3 in
	// Q1, and 1/18/2015 rejected.
	got := map[string][2]int{}
	for _, row := range e2eReadCSV(t, filepath.Join(dir, "summary.csv"))[1:] {
		acts, _ := strconv.Atoi(row[5])
		people, _ := strconv.Atoi(row[6])
		g := got[row[0]]
		got[row[0]] = [2]int{g[0] + acts, g[1] + people}
	}
	want := map[string][2]int{"2015-Q1": {1, 30}, "2015-Q2": {1, 12}, "2015-Q4": {1, 5}, "2015": {3, 47}}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: activities, participants %v, want %v", k, got[k], w)
		}
	}
	// AG-1 ended on 4 March 2014 ("Valid until" is valid_to): not in
	// force in 2015; AG-2 is.
	inForce := 0
	for _, row := range e2eReadCSV(t, filepath.Join(dir, "summary.csv"))[1:] {
		if row[0] == "2015" {
			n, _ := strconv.Atoi(row[4])
			inForce += n
		}
	}
	if inForce != 1 {
		t.Errorf("agreements in force in 2015: %d, want 1", inForce)
	}
	var usd string
	for _, row := range e2eReadCSV(t, filepath.Join(dir, "finance.csv"))[1:] {
		if row[0] == "2015" && row[3] == "USD" {
			usd = row[4]
		}
	}
	if usd != "3250.50" {
		t.Errorf("USD spent in 2015: %q, want 3250.50", usd)
	}
	m := e2eReadManifest(t, dir)
	if !strings.Contains(strings.Join(m.Warnings, "\n"), "1/18/2015 (row 3) can only be month-first") {
		t.Errorf("the order the column proves is not said: %q", m.Warnings)
	}
}

// A country list in World Bank style reaches the right partners.
func TestWorldBankStyleCountries(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"agreements.csv": e2eGoodAgreements,
		"activities.csv": e2eCSV([]string{"id", "date", "country", "type", "title"},
			[]string{"AC-1", "2015-02-01", "Korea, Rep.", "meeting", "A"},
			[]string{"AC-2", "2015-02-02", "Korea, Dem. People's Rep.", "meeting", "B"},
			[]string{"AC-3", "2015-02-03", "Hong Kong SAR, China", "meeting", "C"},
			[]string{"AC-4", "2015-02-04", "Slovak Republic", "meeting", "D"},
			[]string{"AC-5", "2015-02-05", "Micronesia, Fed. Sts.", "meeting", "E"},
			[]string{"AC-6", "2015-02-06", "Africa", "meeting", "F"},
		),
	})
	if r := e2eRun(t, in, out, "--period", "2015"); r.code != ExitOK {
		t.Fatalf("run: exit %d: %s", r.code, r.stderr)
	}
	codes := map[string]bool{}
	for _, row := range e2eReadCSV(t, filepath.Join(out, "2015", "summary.csv"))[1:] {
		if row[5] != "0" {
			codes[row[1]] = true
		}
	}
	for _, c := range []string{"KR", "KP", "HK", "SK", "FM"} {
		if !codes[c] {
			t.Errorf("no activity with %s: %v", c, codes)
		}
	}
	rj := e2eRejects(t, filepath.Join(out, "2015"))
	if len(rj) != 1 || rj[0].Value != "Africa" || !strings.Contains(rj[0].Reason, "multilateral") || strings.Contains(rj[0].Reason, "United States") {
		t.Errorf("rejects %+v, want Africa as a region, with multilateral offered", rj)
	}
}

// A fresh init folder whose Measures sheet is emptied to its header: the
// measures are gone, not every reference to them "unknown".
func TestEmptiedMeasuresSheet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ministry")
	if r := e2eMain(t, nil, "init", "--now", "2026-01-15", dir); r.code != ExitOK {
		t.Fatalf("init: %d %s", r.code, r.stderr)
	}
	book := filepath.Join(dir, "registry.xlsx")
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Measures")
	if err != nil || len(rows) < 2 {
		t.Fatalf("Measures sheet: %v %v", rows, err)
	}
	for i := 2; i <= len(rows); i++ {
		if err := f.RemoveRow("Measures", 2); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r := e2eMain(t, nil, "validate", "--input", dir, "--now", "2026-01-15")
	if r.code != ExitOK || strings.Contains(r.stdout, "unknown reference") {
		t.Errorf("validate: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "measures table has no rows") {
		t.Errorf("validate does not say the measures table is empty:\n%s", r.stderr)
	}
	if _, err := os.Stat(book); err != nil {
		t.Fatal(err)
	}
}

// A workbook written by a script (openpyxl stores formulas without their
// results): a formula coopreport can compute counts, one it cannot
// rejects its row naming the cell, and a date in a column coopreport
// does not know stays a date in the workbook's register.
func TestScriptWrittenWorkbook(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{"agreements.csv": e2eGoodAgreements})
	python := ""
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		t.Fatal("python3 with openpyxl is needed (apt-get install python3-openpyxl)")
	}
	script := `
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Activities"
ws.append(["id", "date", "country", "type", "title", "participants", "amount", "currency", "Reported on"])
ws.append(["AC-1", datetime.date(2015, 3, 2), "Russia", "meeting", "Talks", 10, "=G3*2", "MNT", datetime.date(2015, 4, 1)])
ws.append(["AC-2", datetime.date(2015, 3, 3), "Russia", "meeting", "More talks", 5, 1000, "MNT", datetime.date(2015, 4, 2)])
ws.append(["AC-3", datetime.date(2015, 3, 4), "Russia", "meeting", "Unknown function", "=NOSUCHFN(1)", None, None, None])
wb.save(sys.argv[1])
`
	if b, err := exec.Command(python, "-c", script, filepath.Join(in, "registry.xlsx")).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, b)
	}
	if r := e2eRun(t, in, out, "--period", "2015"); r.code != ExitOK {
		t.Fatalf("run: exit %d: %s", r.code, r.stderr)
	}
	dir := filepath.Join(out, "2015")
	rj := e2eRejects(t, dir)
	if len(rj) != 1 || rj[0].Row != 4 || rj[0].Column != "participants" || !strings.Contains(rj[0].Reason, "F4") || !strings.Contains(rj[0].Reason, "save") {
		t.Errorf("rejects %+v, want row 4's participants, naming F4 and how to fix it", rj)
	}
	var mnt string
	for _, row := range e2eReadCSV(t, filepath.Join(dir, "finance.csv"))[1:] {
		if row[0] == "2015" && row[3] == "MNT" {
			mnt = row[4]
		}
	}
	if mnt != "3000.00" { // =G3*2 is 2000, and 1000
		t.Errorf("MNT spent: %q, want 3000.00", mnt)
	}
	book := filepath.Join(dir, "report-2015.xlsx")
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Activities", excelize.Options{RawCellValue: true})
	col := -1
	for i, h := range rows[0] {
		if h == "Reported on" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no Reported on column: %q", rows[0])
	}
	cell, _ := excelize.CoordinatesToCellName(col+1, 2)
	typ, _ := f.GetCellType("Activities", cell)
	v, _ := f.GetCellValue("Activities", cell, excelize.Options{RawCellValue: true})
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber || v != "42095" { // 2015-04-01
		t.Errorf("Reported on: %s (type %v), want the date 2015-04-01 as a number 42095", v, typ)
	}
}
