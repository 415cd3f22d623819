package main

// End-to-end tests on bad inputs: each runs the real command in-process
// on an input folder built in t.TempDir() and checks exit codes, messages
// and output files against the promises of the input contract ("Bad rows
// and bad files") and the output contract ("Command line", "Runs").

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"coopreport/pipeline/run"
)

// e2eNow is "today" for every run, so that no test reads the clock.
const e2eNow = "2026-01-15"

type e2eResult struct {
	code           int
	stdout, stderr string
}

// e2eMain runs the command with an environment that holds nothing but env.
func e2eMain(t *testing.T, env map[string]string, args ...string) e2eResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(args, &stdout, &stderr, func(k string) string { return env[k] })
	return e2eResult{code, stdout.String(), stderr.String()}
}

// e2eRun runs "coopreport run" on in into out with --period all (unless
// extra gives another) and "today" fixed.
func e2eRun(t *testing.T, in, out string, extra ...string) e2eResult {
	t.Helper()
	args := []string{"run", "--input", in, "--out", out, "--now", e2eNow}
	if !slices.Contains(extra, "--period") {
		args = append(args, "--period", "all")
	}
	return e2eMain(t, nil, append(args, extra...)...)
}

// e2eValidate runs "coopreport validate" on in.
func e2eValidate(t *testing.T, in string) e2eResult {
	t.Helper()
	return e2eMain(t, nil, "validate", "--input", in, "--now", e2eNow)
}

// e2eWrite writes text files into dir.
func e2eWrite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// e2eCSV renders rows as CSV text the way encoding/csv quotes them (cells
// with commas, quotes or line breaks quoted).
func e2eCSV(rows ...[]string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return b.String()
}

// e2eSheet is one worksheet of a test workbook. Cells are string (a text
// cell, even "=SUM(A1)"), time.Time (a real date cell, styled
// dd.mm.yyyy), int or float64 (a number cell), or nil (no cell).
type e2eSheet struct {
	name string
	rows [][]any
}

// e2eXLSX builds a workbook in memory.
func e2eXLSX(t *testing.T, sheets ...e2eSheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateFmt := "dd.mm.yyyy"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				switch v := v.(type) {
				case nil:
					continue
				case string:
					err = f.SetCellStr(s.name, cell, v)
				case time.Time:
					if err = f.SetCellValue(s.name, cell, v); err == nil {
						err = f.SetCellStyle(s.name, cell, cell, dateStyle)
					}
				default:
					err = f.SetCellValue(s.name, cell, v)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		// Excel and LibreOffice write the used range; excelize leaves "A1".
		cols := 1
		for _, row := range s.rows {
			cols = max(cols, len(row))
		}
		last, _ := excelize.CoordinatesToCellName(cols, max(1, len(s.rows)))
		if err := f.SetSheetDimension(s.name, "A1:"+last); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func e2eWriteXLSX(t *testing.T, path string, sheets ...e2eSheet) {
	t.Helper()
	if err := os.WriteFile(path, e2eXLSX(t, sheets...), 0o644); err != nil {
		t.Fatal(err)
	}
}

func e2eDate(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// e2eCells turns strings into cells of a test sheet.
func e2eCells(ss ...string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// e2eReadCSV reads an output CSV file, header included.
func e2eReadCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// e2eReject is one row of rejects.csv.
type e2eReject struct {
	File, Sheet string
	Row         int
	Column      string
	Value       string
	Reason      string
}

func (r e2eReject) pos() string { return fmt.Sprintf("%s|%s|%d", r.File, r.Sheet, r.Row) }

func e2eRejects(t *testing.T, dir string) []e2eReject {
	t.Helper()
	rows := e2eReadCSV(t, filepath.Join(dir, "rejects.csv"))
	if len(rows) == 0 || strings.Join(rows[0], ",") != "file,sheet,row,column,value,reason" {
		t.Fatalf("rejects.csv header: %q", rows)
	}
	var out []e2eReject
	for _, r := range rows[1:] {
		n, err := strconv.Atoi(r[2])
		if err != nil {
			t.Fatalf("rejects.csv row %q: %v", r, err)
		}
		out = append(out, e2eReject{r[0], r[1], n, r[3], r[4], r[5]})
	}
	return out
}

// e2eManifest is the part of manifest.json the tests read.
type e2eManifest struct {
	Inputs       []e2eInput `json:"inputs"`
	RowsRead     int        `json:"rows_read"`
	RowsAccepted int        `json:"rows_accepted"`
	RowsRejected int        `json:"rows_rejected"`
	Warnings     []string   `json:"warnings"`
	Outputs      []struct {
		File string `json:"file"`
	} `json:"outputs"`
}

type e2eInput struct {
	File     string     `json:"file"`
	SHA256   string     `json:"sha256"`
	Read     int        `json:"rows_read"`
	Accepted int        `json:"rows_accepted"`
	Rejected int        `json:"rows_rejected"`
	Tables   []e2eTable `json:"tables"`
}

type e2eTable struct {
	Sheet    string `json:"sheet"`
	Kind     string `json:"kind"`
	Read     int    `json:"rows_read"`
	Accepted int    `json:"rows_accepted"`
	Rejected int    `json:"rows_rejected"`
}

// input returns the manifest's entry for file.
func (m e2eManifest) input(file string) (e2eInput, bool) {
	for _, f := range m.Inputs {
		if f.File == file {
			return f, true
		}
	}
	return e2eInput{}, false
}

func e2eReadManifest(t *testing.T, dir string) e2eManifest {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m e2eManifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// e2eSheetRecords reads a sheet of the output workbook as records keyed by
// its header row (row 1), with each record's row number.
type e2eRecord struct {
	row    int
	values map[string]string
}

func e2eSheetRecords(t *testing.T, path, sheet string) []e2eRecord {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s, sheet %q: %v", path, sheet, err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s, sheet %q is empty", path, sheet)
	}
	// A register is its table: rows below it (the Activities total) are
	// not records.
	if ts, err := f.GetTables(sheet); err == nil && len(ts) == 1 {
		_, last, err := excelize.CellNameToCoordinates(ts[0].Range[strings.IndexByte(ts[0].Range, ':')+1:])
		if err != nil {
			t.Fatalf("%s, sheet %q: table over %q: %v", path, sheet, ts[0].Range, err)
		}
		rows = rows[:min(len(rows), last)]
	}
	var out []e2eRecord
	for i, r := range rows[1:] {
		rec := e2eRecord{row: i + 2, values: map[string]string{}}
		for j, h := range rows[0] {
			if j < len(r) {
				rec.values[h] = r[j]
			}
		}
		out = append(out, rec)
	}
	return out
}

func e2eFindRecord(recs []e2eRecord, col, value string) (e2eRecord, bool) {
	for _, r := range recs {
		if r.values[col] == value {
			return r, true
		}
	}
	return e2eRecord{}, false
}

// e2eSnapshot reads every file under dir but the lock file.
func e2eSnapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	snap := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			snap[rel+"/"] = nil
			return nil
		}
		if d.Name() == run.LockName {
			return nil
		}
		data, err := os.ReadFile(p)
		snap[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// e2ePDFText is the text of a PDF as pdftotext reads it.
func e2ePDFText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v (pdftotext must be installed)", path, err)
	}
	return string(out)
}

// e2ePlain checks that a reject reason reads as words for users, not as a
// Go error.
func e2ePlain(t *testing.T, reason string) {
	t.Helper()
	if reason == "" || strings.ContainsAny(reason, "\n\r") {
		t.Errorf("reason %q: want one non-empty line", reason)
	}
	for _, bad := range []string{"strconv", "parsing time", "invalid syntax", "%!", "<nil>", "runtime error", "panic", "excelize", "gocsv", "unexpected EOF"} {
		if strings.Contains(reason, bad) {
			t.Errorf("reason %q holds %q: not plain words", reason, bad)
		}
	}
}

// e2eSameValue reports whether a reject's value is want. A real date cell
// may be shown as the date (2013-02-01) or as the sheet formats it
// (01.02.2013), not as the serial number Excel stores.
func e2eSameValue(got, want string) bool {
	if got == want {
		return true
	}
	d, err := time.Parse("2006-01-02", want)
	return err == nil && got == d.Format("02.01.2006")
}

// Base inputs: one agreement and one activity that are fine.
var (
	e2eGoodAgreements = e2eCSV(
		[]string{"id", "country", "instrument", "title", "signed"},
		[]string{"AG-1", "Russia", "agreement", "Cultural cooperation", "2013-01-18"},
	)
	e2eGoodActivities = e2eCSV(
		[]string{"id", "date", "country", "agreement", "type", "title", "participants", "amount", "currency"},
		[]string{"AC-1", "2013-02-01", "Russia", "AG-1", "meeting", "Commission meeting", "3", "100.00", "USD"},
	)
)

func e2eGoodInput(t *testing.T) string {
	t.Helper()
	in := t.TempDir()
	e2eWrite(t, in, map[string]string{"agreements.csv": e2eGoodAgreements, "activities.csv": e2eGoodActivities})
	return in
}

// The headers of the bad-value tests are written as a user might, so that
// the reject must name the column as the header writes it.
var (
	e2eAgreementHeader = []string{"Ref", "Partner Country", "Type", "Title", "Date Signed", "Valid From", "Valid To", "Status", "Sector", "Notes"}
	e2eActivityHeader  = []string{"Activity ID", "Held on", "End date", "Country", "Agreement ID", "Category", "Description", "Participants", "Cost", "CCY", "Remarks"}
)

func e2eGoodAgreementRow(id string) map[string]any {
	return map[string]any{"Ref": id, "Partner Country": "Japan", "Type": "MoU", "Title": "Exchange of artists", "Date Signed": "2013-01-18"}
}

func e2eGoodActivityRow(id string) map[string]any {
	return map[string]any{"Activity ID": id, "Held on": "2013-02-01", "Country": "Japan", "Agreement ID": "AG-1",
		"Category": "exchange", "Description": "Artists visit", "Participants": "4", "Cost": "250.00", "CCY": "USD"}
}

// TestBadValues: a row with a bad value in any kind of column is rejected,
// and the reject names the file, the sheet (XLSX) or none (CSV), the row
// number the spreadsheet shows, the column as the header writes it, the
// value, and a plain reason. validate prints the same rejects and exits 3.
//
// Each table holds two title rows (one in XLSX) above its header and, just
// above the bad row, a good row with a multi-line quoted cell: a
// spreadsheet program shows that record as one row, so the bad row is row
// 5 of the CSV file (it starts on line 6) and row 4 of the sheet.
func TestBadValues(t *testing.T) {
	tests := []struct {
		name   string
		kind   string // "agreements" or "activities": the table holding the bad row
		xlsx   bool
		set    map[string]any // cells of the bad row that differ from a good one
		column string         // as the header writes it
		value  string
		reason []string // the reason holds each of these
	}{
		{name: "date no such day", kind: "agreements", set: map[string]any{"Date Signed": "31.02.2013"},
			column: "Date Signed", value: "31.02.2013", reason: []string{"31", "February"}},
		{name: "date against the date order", kind: "agreements", set: map[string]any{"Date Signed": "13/25/2013"},
			column: "Date Signed", value: "13/25/2013", reason: []string{"day/month/year"}},
		{name: "date words", kind: "activities", set: map[string]any{"Held on": "sometime in May"},
			column: "Held on", value: "sometime in May"},
		{name: "country typo", kind: "agreements", set: map[string]any{"Partner Country": "Lithvuania"},
			column: "Partner Country", value: "Lithvuania", reason: []string{"did you mean Lithuania?"}},
		{name: "country typo in an activity", kind: "activities", set: map[string]any{"Country": "Germnay"},
			column: "Country", value: "Germnay", reason: []string{"Germany"}},
		{name: "instrument not in the list", kind: "agreements", set: map[string]any{"Type": "treatyy"},
			column: "Type", value: "treatyy", reason: []string{"agreement, plan, mou, treaty, protocol or other"}},
		{name: "status not in the list", kind: "agreements", set: map[string]any{"Status": "pending"},
			column: "Status", value: "pending", reason: []string{"terminated"}},
		{name: "sector not in the list", kind: "agreements", set: map[string]any{"Sector": "semi-public"},
			column: "Sector", value: "semi-public", reason: []string{"non-governmental"}},
		{name: "activity type not in the list", kind: "activities", set: map[string]any{"Category": "concert"},
			column: "Category", value: "concert", reason: []string{"festival"}},
		{name: "agreement ends before it starts", kind: "agreements", set: map[string]any{"Valid From": "2013-02-01", "Valid To": "2013-01-01"},
			column: "Valid To", value: "2013-01-01", reason: []string{"before"}},
		{name: "activity ends before it starts", kind: "activities", set: map[string]any{"Held on": "2013-02-05", "End date": "2013-02-01"},
			column: "End date", value: "2013-02-01", reason: []string{"before"}},
		{name: "required title empty", kind: "agreements", set: map[string]any{"Title": ""},
			column: "Title", value: "", reason: []string{"Title"}},
		{name: "amount not a number", kind: "activities", set: map[string]any{"Cost": "about 300"},
			column: "Cost", value: "about 300"},
		{name: "amount with a comma that is no thousands separator", kind: "activities", set: map[string]any{"Cost": "12,50"},
			column: "Cost", value: "12,50", reason: []string{"comma"}},
		{name: "yen sign is ambiguous", kind: "activities", set: map[string]any{"CCY": "¥"},
			column: "CCY", value: "¥", reason: []string{"JPY", "CNY"}},
		{name: "currency unknown", kind: "activities", set: map[string]any{"CCY": "XYZ"},
			column: "CCY", value: "XYZ", reason: []string{"ISO 4217"}},
		{name: "amount without a currency", kind: "activities", set: map[string]any{"CCY": ""},
			column: "CCY", value: "", reason: []string{"currency"}},
		{name: "participants a fraction", kind: "activities", set: map[string]any{"Participants": "12.5"},
			column: "Participants", value: "12.5", reason: []string{"whole number"}},
		{name: "participants negative", kind: "activities", set: map[string]any{"Participants": "-3"},
			column: "Participants", value: "-3", reason: []string{"0 or more"}},
		{name: "participants words", kind: "activities", set: map[string]any{"Participants": "ten"},
			column: "Participants", value: "ten"},

		{name: "xlsx date text", kind: "agreements", xlsx: true, set: map[string]any{"Date Signed": "31.02.2013"},
			column: "Date Signed", value: "31.02.2013", reason: []string{"February"}},
		{name: "xlsx country typo", kind: "agreements", xlsx: true, set: map[string]any{"Partner Country": "Lithvuania"},
			column: "Partner Country", value: "Lithvuania", reason: []string{"did you mean Lithuania?"}},
		{name: "xlsx instrument", kind: "agreements", xlsx: true, set: map[string]any{"Type": "treatyy"},
			column: "Type", value: "treatyy", reason: []string{"mou"}},
		{name: "xlsx participants a fraction stored as a number", kind: "activities", xlsx: true, set: map[string]any{"Participants": 12.5},
			column: "Participants", value: "12.5", reason: []string{"whole number"}},
		{name: "xlsx yen sign", kind: "activities", xlsx: true, set: map[string]any{"Cost": 1000, "CCY": "¥"},
			column: "CCY", value: "¥", reason: []string{"JPY", "CNY"}},
		{name: "xlsx amount text", kind: "activities", xlsx: true, set: map[string]any{"Cost": "12,50"},
			column: "Cost", value: "12,50"},
		// A date cell shows a date: the reject must too, not the serial
		// number Excel stores.
		{name: "xlsx activity ends before it starts, date cells", kind: "activities", xlsx: true,
			set:    map[string]any{"Held on": e2eDate("2013-02-05"), "End date": e2eDate("2013-02-01")},
			column: "End date", value: "2013-02-01", reason: []string{"before"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, out := t.TempDir(), t.TempDir()
			header, good, bad := e2eAgreementHeader, e2eGoodAgreementRow("AG-1"), e2eGoodAgreementRow("AG-2")
			noteCol := "Notes"
			other := map[string]string{"activities.csv": e2eGoodActivities}
			if tt.kind == "activities" {
				header, good, bad = e2eActivityHeader, e2eGoodActivityRow("AC-1"), e2eGoodActivityRow("AC-2")
				noteCol = "Remarks"
				other = map[string]string{"agreements.csv": e2eGoodAgreements}
			}
			good[noteCol] = "first line of a note\nsecond line"
			for k, v := range tt.set {
				bad[k] = v
			}
			line := func(rec map[string]any) []any {
				out := make([]any, len(header))
				for i, h := range header {
					out[i] = rec[h]
				}
				return out
			}
			e2eWrite(t, in, other)
			var file, sheet string
			var row int
			if tt.xlsx {
				file, sheet, row = "register.xlsx", strings.ToUpper(tt.kind[:1])+tt.kind[1:], 4
				e2eWriteXLSX(t, filepath.Join(in, file), e2eSheet{sheet, [][]any{
					{"Register of " + tt.kind + " (title row)"},
					e2eCells(header...),
					line(good),
					line(bad),
				}})
			} else {
				file, row = tt.kind+".csv", 5
				text := func(rec map[string]any) []string {
					out := make([]string, len(header))
					for i, h := range header {
						if v, ok := rec[h]; ok && v != nil {
							out[i] = fmt.Sprint(v)
						}
					}
					return out
				}
				e2eWrite(t, in, map[string]string{file: e2eCSV(
					[]string{"Register of " + tt.kind},
					[]string{"Ministry of Culture, 2016", "", ""},
					header,
					text(good),
					text(bad),
				)})
			}

			v := e2eValidate(t, in)
			if v.code != ExitRejected {
				t.Errorf("validate: exit %d, want %d; stderr: %s", v.code, ExitRejected, v.stderr)
			}
			r := e2eRun(t, in, out)
			if r.code != ExitOK {
				t.Fatalf("run: exit %d, want 0; stderr: %s", r.code, r.stderr)
			}
			rejects := e2eRejects(t, periodDir(t, out))
			if len(rejects) != 1 {
				t.Fatalf("rejects.csv: %d rejects, want 1: %+v", len(rejects), rejects)
			}
			got := rejects[0]
			if got.File != file || got.Sheet != sheet || got.Column != tt.column {
				t.Errorf("reject in file %q, sheet %q, column %q; want %q, %q, %q", got.File, got.Sheet, got.Column, file, sheet, tt.column)
			}
			if got.Row != row {
				t.Errorf("reject on row %d, want %d: the row the spreadsheet shows, where the title rows count and the multi-line cell above is one row", got.Row, row)
			}
			if !e2eSameValue(got.Value, tt.value) {
				t.Errorf("reject value %q, want %q", got.Value, tt.value)
			}
			for _, s := range tt.reason {
				if !strings.Contains(got.Reason, s) {
					t.Errorf("reason %q does not say %q", got.Reason, s)
				}
			}
			e2ePlain(t, got.Reason)

			// validate prints the same reject: every part of it on one line.
			var line0 string
			for _, l := range strings.Split(v.stdout, "\n") {
				if strings.Contains(l, got.Reason) {
					line0 = l
				}
			}
			if line0 == "" {
				t.Fatalf("validate stdout does not hold the reason %q:\n%s", got.Reason, v.stdout)
			}
			for _, part := range []string{got.File, fmt.Sprintf("row %d", got.Row), got.Column, got.Value} {
				if !strings.Contains(line0, part) {
					t.Errorf("validate line %q does not name %q", line0, part)
				}
			}
			if sheet != "" && !strings.Contains(line0, sheet) {
				t.Errorf("validate line %q does not name the sheet %q", line0, sheet)
			}
		})
	}
}

// TestEveryRowAccounted: for every file, rows read = rows accepted + rows
// rejected in manifest.json; every agreement and activity row is either in
// the workbook's registers or in rejects.csv (never both, never neither);
// the other rows are counted; the PDF and the run summary give the count.
func TestEveryRowAccounted(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"agreements.csv": e2eCSV(
			[]string{"id", "country", "instrument", "title", "signed", "measure"},
			[]string{"AG-1", "Russia", "agreement", "Cultural cooperation", "2012-01-18", "M1"}, // row 2
			[]string{"AG-2", "Lithvuania", "agreement", "Typo", "2012-02-01", ""},               // 3: rejected
			[]string{"AG-3", "Japan", "mou", "Exchange of artists", "2013-03-01", "M1"},         // 4
			[]string{"AG-4", "France", "thing", "Two errors", "31.02.2013", ""},                 // 5: rejected twice
			[]string{"AG-5", "Lithuania", "plan", "Plan 2013-2015", "2013-05-05", ""},           // 6
			[]string{"AG-6", "China", "protocol", "Protocol", "2014-06-06", "M9"},               // 7: rejected, unknown measure
		),
		"measures.csv": e2eCSV(
			[]string{"id", "title", "nature"},
			[]string{"M1", "Bilateral dialogues", "legislative, financial"},
			[]string{"M2", "Magic", "magic"}, // rejected
		),
		"rates.csv": e2eCSV(
			[]string{"currency", "base", "period", "rate"},
			[]string{"USD", "MNT", "2013", "1523.93"},
			[]string{"USD", "MNT", "2014", "-1"}, // rejected
			[]string{"EUR", "MNT", "2013", "2024.95"},
		),
		"aliases.csv": e2eCSV(
			[]string{"name", "country", "region"},
			[]string{"Orosiin Holbooni Uls", "RU", ""},
			[]string{"Atlantis", "Atlantis", ""}, // rejected
		),
	})
	e2eWriteXLSX(t, filepath.Join(in, "registry.xlsx"),
		e2eSheet{"Activities 2013", [][]any{
			e2eCells("Activities of 2013"),
			e2eCells("id", "date", "country", "agreement", "measure", "type", "title", "participants", "amount", "currency"),
			{"AC-1", e2eDate("2013-02-01"), "Orosiin Holbooni Uls", "AG-1", "M1", "meeting", "Commission", 40, 12500000, "MNT"}, // row 3
			{"AC-2", e2eDate("2013-03-01"), "Japan", "AG-3", "M1", "exchange", "Artists", 4, 250.5, "USD"},                      // 4
			{"AC-3", e2eDate("2013-04-01"), "Japan", "AG-2", "M1", "exchange", "Refers to a rejected agreement", 4, nil, nil},   // 5: rejected
			nil, // a blank row: not a record, but it counts for the numbers below it
			{"AC-4", e2eDate("2013-05-01"), "France", "", "M1", "festival", "Festival", 30, 1000, "EUR"}, // 7
		}},
		e2eSheet{"Activities 2014", [][]any{
			e2eCells("id", "date", "country", "agreement", "measure", "type", "title", "participants", "amount", "currency"),
			{"AC-5", e2eDate("2014-02-01"), "Lithuania", "AG-5", "M1", "training", "Training", 10, nil, nil},     // 2
			{"AC-1", e2eDate("2014-03-01"), "Russia", "AG-1", "M1", "study", "Duplicate id", 2, nil, nil},        // 3: rejected, and so is AC-1 of 2013
			{"AC-6", e2eDate("2014-04-01"), "Russia", "AG-1", "M1", "exhibition", "Exhibition", 0, 99.99, "USD"}, // 4
		}},
		e2eSheet{"Cover", [][]any{e2eCells("Ministry of Culture"), e2eCells("Registry of cooperation, 2013-2014")}},
	)
	r := e2eRun(t, in, out, "-v")
	if r.code != ExitOK {
		t.Fatalf("run: exit %d; stderr: %s", r.code, r.stderr)
	}
	dir := periodDir(t, out)
	m := e2eReadManifest(t, dir)
	rejects := e2eRejects(t, dir)

	type counts struct{ read, accepted, rejected int }
	want := map[string]counts{
		"agreements.csv": {6, 3, 3},
		"measures.csv":   {2, 1, 1},
		"rates.csv":      {3, 2, 1},
		"aliases.csv":    {2, 1, 1},
		"registry.xlsx":  {7, 4, 3}, // two rows give AC-1 with different values: neither counts
	}
	seen := map[string]bool{}
	var sum counts
	for _, f := range m.Inputs {
		seen[f.File] = true
		got := counts{f.Read, f.Accepted, f.Rejected}
		if got.read != got.accepted+got.rejected {
			t.Errorf("manifest %s: read %d != accepted %d + rejected %d", f.File, got.read, got.accepted, got.rejected)
		}
		if w, ok := want[f.File]; !ok || got != w {
			t.Errorf("manifest %s: %+v, want %+v", f.File, got, w)
		}
		var tsum counts
		for _, tb := range f.Tables {
			if tb.Read != tb.Accepted+tb.Rejected {
				t.Errorf("manifest %s sheet %q: read %d != accepted %d + rejected %d", f.File, tb.Sheet, tb.Read, tb.Accepted, tb.Rejected)
			}
			tsum.read += tb.Read
			tsum.accepted += tb.Accepted
			tsum.rejected += tb.Rejected
		}
		if tsum != got {
			t.Errorf("manifest %s: the tables sum to %+v, the file says %+v", f.File, tsum, got)
		}
		// A row may have several rejects (one per bad value); rows rejected
		// counts rows.
		rows := map[string]bool{}
		for _, rj := range rejects {
			if rj.File == f.File {
				rows[rj.pos()] = true
			}
		}
		if len(rows) != got.rejected {
			t.Errorf("%s: %d rows in rejects.csv, manifest says %d rejected", f.File, len(rows), got.rejected)
		}
		sum.read += f.Read
		sum.accepted += f.Accepted
		sum.rejected += f.Rejected
	}
	for f := range want {
		if !seen[f] {
			t.Errorf("manifest does not list %s", f)
		}
	}
	if (counts{m.RowsRead, m.RowsAccepted, m.RowsRejected}) != sum {
		t.Errorf("manifest totals %d/%d/%d, the files sum to %+v", m.RowsRead, m.RowsAccepted, m.RowsRejected, sum)
	}
	reg, _ := m.input("registry.xlsx")
	for _, tb := range reg.Tables {
		wantKind := map[string]string{"Activities 2013": "activities", "Activities 2014": "activities", "Cover": "skipped"}[tb.Sheet]
		if tb.Kind != wantKind {
			t.Errorf("registry.xlsx sheet %q: kind %q, want %q", tb.Sheet, tb.Kind, wantKind)
		}
	}

	// Every agreement and activity row of the input is in a register or
	// in rejects.csv, once.
	book := filepath.Join(dir, "report-"+filepath.Base(dir)+".xlsx")
	where := map[string]string{} // position → "register" or "rejects"
	for _, sheet := range []string{"Agreements", "Activities"} {
		for _, rec := range e2eSheetRecords(t, book, sheet) {
			p := rec.values["Source file"] + "|" + rec.values["Source sheet"] + "|" + rec.values["Source row"]
			if where[p] != "" {
				t.Errorf("%s appears twice in the registers", p)
			}
			where[p] = "register " + rec.values["ID"]
		}
	}
	for _, rj := range rejects {
		p := rj.pos()
		if strings.HasPrefix(where[p], "register") {
			t.Errorf("%s is both in a register (%s) and rejected (%s)", p, where[p], rj.Reason)
		}
		if where[p] == "" {
			where[p] = "rejects"
		}
	}
	wantWhere := map[string]string{
		"agreements.csv||2": "register AG-1", "agreements.csv||3": "rejects", "agreements.csv||4": "register AG-3",
		"agreements.csv||5": "rejects", "agreements.csv||6": "register AG-5", "agreements.csv||7": "rejects",
		"registry.xlsx|Activities 2013|3": "rejects", "registry.xlsx|Activities 2013|4": "register AC-2",
		"registry.xlsx|Activities 2013|5": "rejects", "registry.xlsx|Activities 2013|7": "register AC-4",
		"registry.xlsx|Activities 2014|2": "register AC-5", "registry.xlsx|Activities 2014|3": "rejects",
		"registry.xlsx|Activities 2014|4": "register AC-6",
		"measures.csv||3":                 "rejects", "rates.csv||3": "rejects", "aliases.csv||3": "rejects",
	}
	for p, w := range wantWhere {
		if where[p] != w {
			t.Errorf("%s: in %q, want %q", p, where[p], w)
		}
	}
	for p := range where {
		if _, ok := wantWhere[p]; !ok {
			t.Errorf("%s: in %q, but the input has no such row", p, where[p])
		}
	}

	// The row with two bad values has both in rejects.csv.
	var two []string
	for _, rj := range rejects {
		if rj.File == "agreements.csv" && rj.Row == 5 {
			two = append(two, rj.Column)
		}
	}
	slices.Sort(two)
	if !slices.Equal(two, []string{"instrument", "signed"}) {
		t.Errorf("agreements.csv row 5: rejects for columns %q, want instrument and signed", two)
	}

	// The Data issues sheet lists what rejects.csv lists.
	issues := e2eSheetRecords(t, book, "Data issues")
	if len(issues) != len(rejects) {
		t.Errorf("Data issues sheet: %d rows, rejects.csv: %d", len(issues), len(rejects))
	}
	for i := range min(len(issues), len(rejects)) {
		got := issues[i].values
		w := rejects[i]
		if got["File"] != w.File || got["Sheet"] != w.Sheet || got["Row"] != strconv.Itoa(w.Row) || got["Column"] != w.Column || got["Reason"] != w.Reason {
			t.Errorf("Data issues row %d = %v, rejects.csv has %+v", i+2, got, w)
		}
	}

	// Counted: the summary's activities and participants are those of the
	// accepted activities (AC-2 4, AC-4 30, AC-5 10, AC-6 0).
	acts, people := 0, 0
	for _, row := range e2eReadCSV(t, filepath.Join(dir, "summary.csv"))[1:] {
		if row[0] == filepath.Base(dir) {
			n, _ := strconv.Atoi(row[5])
			p, _ := strconv.Atoi(row[6])
			acts += n
			people += p
		}
	}
	if acts != 4 || people != 44 {
		t.Errorf("summary.csv whole period: %d activities, %d participants; want 4 and 44", acts, people)
	}

	// The PDF gives the count of rejected rows, and so does the run summary.
	rejectedRows := sum.rejected
	text := e2ePDFText(t, filepath.Join(dir, "report-"+filepath.Base(dir)+".pdf"))
	if !regexp.MustCompile(`\b` + strconv.Itoa(rejectedRows) + `\b[^.]*\brejected\b`).MatchString(text) {
		t.Errorf("the PDF does not say that %d rows were rejected", rejectedRows)
	}
	for f, w := range want {
		re := regexp.MustCompile(regexp.QuoteMeta(f) + `\D*\b` + strconv.Itoa(w.read) + `\b.*\b` + strconv.Itoa(w.rejected) + ` rejected`)
		if !re.MatchString(r.stderr) {
			t.Errorf("the run summary does not give %s: %d read, %d rejected:\n%s", f, w.read, w.rejected, r.stderr)
		}
	}
}

// TestDuplicateIDs: rows that share an id are judged together, whatever
// their order, within a file and across files and sheets: with different
// values none counts, an exact repeat counts once, and a row rejected on
// its own leaves the id to the other.
func TestDuplicateIDs(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"agreements.csv": e2eCSV(
			[]string{"id", "country", "instrument", "title", "signed"},
			[]string{"AG-1", "Russia", "agreement", "First", "2013-01-18"},   // row 2
			[]string{"AG-2", "Japan", "mou", "Second", "2013-02-01"},         // 3
			[]string{"AG-1", "China", "agreement", "Again", "2013-03-01"},    // 4: AG-1 with other values
			[]string{"AG-3", "Narnia", "agreement", "Bad", "2013-03-01"},     // 5: rejected (country)
			[]string{"AG-3", "France", "agreement", "Again 3", "2013-04-01"}, // 6: keeps AG-3
			[]string{"AG-4", "Japan", "plan", "Pasted twice", "2014-01-01"},  // 7
			[]string{"AG-4", "Japan", "plan", "Pasted twice", "2014-01-01"},  // 8: a repeat of row 7
		),
		"activities.csv": e2eCSV(
			[]string{"id", "date", "country", "type", "title"},
			[]string{"AC-1", "2013-02-01", "Russia", "meeting", "One"},   // 2
			[]string{"AC-1", "2013-02-02", "Russia", "meeting", "Twice"}, // 3
		),
	})
	e2eWriteXLSX(t, filepath.Join(in, "registry.xlsx"),
		e2eSheet{"Agreements", [][]any{
			e2eCells("id", "country", "instrument", "title", "signed"),
			e2eCells("AG-2", "Japan", "mou", "In another file", "2013-05-01"), // row 2: AG-2 again
		}},
		e2eSheet{"Activities", [][]any{
			e2eCells("Title row"),
			e2eCells("id", "date", "country", "type", "title"),
			e2eCells("AC-1", "2013-06-01", "Russia", "meeting", "Third"), // row 3: AC-1 a third time
		}},
	)
	r := e2eRun(t, in, out)
	if r.code != ExitOK {
		t.Fatalf("run: exit %d; stderr: %s", r.code, r.stderr)
	}
	rejects := e2eRejects(t, periodDir(t, out))
	tests := []struct {
		file, sheet string
		row         int
		id, names   string // the id, and a row the reason names
	}{
		{"agreements.csv", "", 2, "AG-1", "agreements.csv, row 4"},
		{"agreements.csv", "", 4, "AG-1", "agreements.csv, row 2"},
		{"agreements.csv", "", 3, "AG-2", `registry.xlsx, sheet "Agreements", row 2`},
		{"registry.xlsx", "Agreements", 2, "AG-2", "agreements.csv, row 3"},
		{"agreements.csv", "", 5, "AG-3", "agreements.csv, row 6"},
		{"agreements.csv", "", 8, "AG-4", "agreements.csv, row 7"},
		{"activities.csv", "", 2, "AC-1", "activities.csv, row 3"},
		{"activities.csv", "", 3, "AC-1", `registry.xlsx, sheet "Activities", row 3`},
		{"registry.xlsx", "Activities", 3, "AC-1", "activities.csv, row 2"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %s row %d", tt.file, tt.sheet, tt.row), func(t *testing.T) {
			i := slices.IndexFunc(rejects, func(r e2eReject) bool {
				return r.File == tt.file && r.Sheet == tt.sheet && r.Row == tt.row && r.Column == "id"
			})
			if i < 0 {
				t.Fatalf("no id problem; rejects: %+v", rejects)
			}
			rj := rejects[i]
			if rj.Value != tt.id || !strings.Contains(rj.Reason, tt.names) {
				t.Errorf("reject %+v: want value %q and a reason naming %q", rj, tt.id, tt.names)
			}
			e2ePlain(t, rj.Reason)
		})
	}
	if len(rejects) != 10 { // nine id problems and Narnia
		t.Errorf("%d rejects, want 10: %+v", len(rejects), rejects)
	}
	recs := e2eSheetRecords(t, periodFile(t, out, ".xlsx"), "Agreements")
	var got []string
	for _, rec := range recs {
		got = append(got, rec.values["ID"]+" "+rec.values["Source row"])
	}
	if want := []string{"AG-3 6", "AG-4 7"}; !slices.Equal(got, want) {
		t.Errorf("register %q, want %q", got, want)
	}
}

// TestUnknownReferences: an activity naming an unknown agreement or
// measure is rejected; one naming an agreement that was itself rejected
// says so.
func TestUnknownReferences(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"measures.csv": e2eCSV([]string{"id", "title"}, []string{"M1", "Bilateral dialogues"}),
		"agreements.csv": e2eCSV(
			[]string{"id", "country", "instrument", "title", "signed", "measure"},
			[]string{"AG-1", "Russia", "agreement", "Good", "2013-01-18", "M1"},       // 2
			[]string{"AG-2", "Narnia", "agreement", "Rejected", "2013-01-18", "M1"},   // 3: rejected
			[]string{"AG-3", "Japan", "agreement", "Bad measure", "2013-01-18", "M7"}, // 4: rejected
		),
		"activities.csv": e2eCSV(
			[]string{"id", "date", "country", "agreement", "measure", "type", "title"},
			[]string{"AC-1", "2013-02-01", "Russia", "AG-1", "M1", "meeting", "Good"},           // 2
			[]string{"AC-2", "2013-02-01", "Russia", "AG-404", "M1", "meeting", "No agreement"}, // 3
			[]string{"AC-3", "2013-02-01", "Russia", "AG-1", "M9", "meeting", "No measure"},     // 4
			[]string{"AC-4", "2013-02-01", "Russia", "AG-2", "M1", "meeting", "Rejected agr."},  // 5
			[]string{"AC-5", "2013-02-01", "Russia", "", "", "meeting", "No references"},        // 6
		),
	})
	r := e2eRun(t, in, out)
	if r.code != ExitOK {
		t.Fatalf("run: exit %d; stderr: %s", r.code, r.stderr)
	}
	rejects := e2eRejects(t, periodDir(t, out))
	tests := []struct {
		name        string
		file        string
		row         int
		column      string
		value       string
		reasonParts []string
	}{
		{"activity, unknown agreement", "activities.csv", 3, "agreement", "AG-404", []string{"AG-404"}},
		{"activity, unknown measure", "activities.csv", 4, "measure", "M9", []string{"M9"}},
		{"activity, rejected agreement", "activities.csv", 5, "agreement", "AG-2", []string{"rejected", "agreements.csv, row 3"}},
		{"agreement, unknown measure", "agreements.csv", 4, "measure", "M7", []string{"M7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := slices.IndexFunc(rejects, func(r e2eReject) bool { return r.File == tt.file && r.Row == tt.row })
			if i < 0 {
				t.Fatalf("not rejected; rejects: %+v", rejects)
			}
			rj := rejects[i]
			if rj.Column != tt.column || rj.Value != tt.value {
				t.Errorf("reject %+v: want column %q, value %q", rj, tt.column, tt.value)
			}
			for _, p := range tt.reasonParts {
				if !strings.Contains(rj.Reason, p) {
					t.Errorf("reason %q does not say %q", rj.Reason, p)
				}
			}
			e2ePlain(t, rj.Reason)
		})
	}
	if len(rejects) != 5 {
		t.Errorf("%d rejects, want 5 (four above and Narnia): %+v", len(rejects), rejects)
	}
}

// TestStoppedAgreementNeedsEnd: a terminated or suspended agreement
// without valid_to is rejected; with valid_to it is accepted.
func TestStoppedAgreementNeedsEnd(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"agreements.csv": e2eCSV(
			[]string{"id", "country", "instrument", "title", "signed", "valid_to", "status"},
			[]string{"AG-1", "Russia", "agreement", "Terminated, no end", "2010-01-18", "", "terminated"}, // 2
			[]string{"AG-2", "Japan", "agreement", "Suspended, no end", "2010-01-18", "", "Suspended"},    // 3
			[]string{"AG-3", "China", "agreement", "Terminated, end", "2010-01-18", "2014-06-30", "terminated"},
			[]string{"AG-4", "France", "agreement", "Suspended, end", "2010-01-18", "2013-12-31", "suspended"},
			[]string{"AG-5", "Germany", "agreement", "Mongolian terminated", "2010-01-18", "", "цуцалсан"},  // 6
			[]string{"AG-6", "Spain", "agreement", "Russian suspended", "2010-01-18", "", "приостановлено"}, // 7
			[]string{"AG-7", "Italy", "agreement", "In force, open", "2010-01-18", "", "in force"},
		),
		"activities.csv": e2eCSV([]string{"id", "date", "country", "type", "title"}, []string{"AC-1", "2013-02-01", "Russia", "meeting", "One"}),
	})
	r := e2eRun(t, in, out)
	if r.code != ExitOK {
		t.Fatalf("run: exit %d; stderr: %s", r.code, r.stderr)
	}
	rejects := e2eRejects(t, periodDir(t, out))
	var rows []int
	for _, rj := range rejects {
		rows = append(rows, rj.Row)
		if rj.File != "agreements.csv" || rj.Column != "valid_to" || rj.Value != "" || !strings.Contains(rj.Reason, "valid_to") {
			t.Errorf("reject %+v: want column valid_to, empty value, a reason asking for valid_to", rj)
		}
		e2ePlain(t, rj.Reason)
	}
	if !slices.Equal(rows, []int{2, 3, 6, 7}) {
		t.Errorf("rejected rows %v, want [2 3 6 7]", rows)
	}
	recs := e2eSheetRecords(t, periodFile(t, out, ".xlsx"), "Agreements")
	var ids []string
	for _, rec := range recs {
		ids = append(ids, rec.values["ID"])
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"AG-3", "AG-4", "AG-7"}) {
		t.Errorf("register holds %v, want AG-3, AG-4, AG-7", ids)
	}
}

// TestAliasErrors: an alias to an unknown country, and a name given twice
// with different countries, are rejects naming the row; a name given two
// meanings has neither, whatever the order of the rows.
func TestAliasErrors(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"aliases.csv": e2eCSV(
			[]string{"name", "country", "region"},
			[]string{"Lithvuania", "LT", ""},      // 2
			[]string{"Narnia Land", "ZZ", ""},     // 3: unknown country code
			[]string{"Lithvuania", "Latvia", ""},  // 4: given twice, another country
			[]string{"Atlantis", "Atlantida", ""}, // 5: unknown country name
		),
		"agreements.csv": e2eCSV(
			[]string{"id", "country", "instrument", "title", "signed"},
			[]string{"AG-1", "Lithvuania", "agreement", "Via the alias", "2013-01-18"},
			[]string{"AG-2", "Narnia Land", "agreement", "Alias rejected", "2013-01-18"}, // row 3: unknown country
			[]string{"AG-3", "Lithuania", "agreement", "By its name", "2013-01-18"},
		),
		"activities.csv": e2eCSV([]string{"id", "date", "country", "type", "title"}, []string{"AC-1", "2013-02-01", "Lithvuania", "meeting", "One"}),
	})
	r := e2eRun(t, in, out)
	if r.code != ExitOK {
		t.Fatalf("run: exit %d; stderr: %s", r.code, r.stderr)
	}
	rejects := e2eRejects(t, periodDir(t, out))
	tests := []struct {
		row    int
		value  string
		reason []string
	}{
		{2, "Lithvuania", []string{"aliases.csv, row 4 (Latvia)"}},
		{3, "ZZ", []string{"Narnia Land"}},
		{4, "Lithvuania", []string{"aliases.csv, row 2 (LT)"}},
		{5, "Atlantida", []string{"Atlantis"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("row %d", tt.row), func(t *testing.T) {
			i := slices.IndexFunc(rejects, func(r e2eReject) bool { return r.File == "aliases.csv" && r.Row == tt.row })
			if i < 0 {
				t.Fatalf("not rejected; rejects: %+v", rejects)
			}
			rj := rejects[i]
			if rj.Value != tt.value {
				t.Errorf("reject %+v: want the value %q", rj, tt.value)
			}
			for _, p := range tt.reason {
				if !strings.Contains(rj.Reason, p) {
					t.Errorf("reason %q does not say %q", rj.Reason, p)
				}
			}
			e2ePlain(t, rj.Reason)
		})
	}
	if i := slices.IndexFunc(rejects, func(r e2eReject) bool { return r.File == "agreements.csv" && r.Row == 3 }); i < 0 {
		t.Errorf("agreements.csv row 3 uses the rejected alias %q and was accepted", "Narnia Land")
	}
	m := e2eReadManifest(t, periodDir(t, out))
	for _, f := range m.Inputs {
		if f.File == "aliases.csv" && (f.Read != 4 || f.Accepted != 0 || f.Rejected != 4) {
			t.Errorf("aliases.csv: %d read, %d accepted, %d rejected; want 4, 0, 4", f.Read, f.Accepted, f.Rejected)
		}
	}
	recs := e2eSheetRecords(t, periodFile(t, out, ".xlsx"), "Agreements")
	if _, ok := e2eFindRecord(recs, "ID", "AG-1"); ok {
		t.Errorf("AG-1 is in the register: a name with two meanings was used")
	}
	if rec, ok := e2eFindRecord(recs, "ID", "AG-3"); !ok || rec.values["Country code"] != "LT" {
		t.Errorf("AG-3 = %v, want Lithuania", rec.values)
	}
}

// TestUnreadableFiles: a file that cannot be read at all fails the run
// (exit 1) with one paragraph naming the file and the problem, and the
// outputs of an earlier run in the same folder stay byte for byte.
func TestUnreadableFiles(t *testing.T) {
	good := e2eXLSX(t, e2eSheet{"Activities", [][]any{
		e2eCells("id", "date", "country", "type", "title", "notes"),
		e2eCells("AC-7", "2013-05-01", "Japan", "exchange", "Visit", strings.Repeat("A long note to make the sheet big enough to cut. ", 40)),
		e2eCells("AC-8", "2013-06-01", "Japan", "exchange", "Visit", strings.Repeat("Another long note. ", 40)),
		e2eCells("AC-9", "2013-07-01", "Japan", "exchange", "Visit", "Short"),
	}})
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, random[:1024]...)

	tests := []struct {
		name    string
		file    string // the file the bad run adds or replaces
		data    []byte
		problem []string // stderr says one of these
	}{
		{"random bytes named .xlsx", "more activities.xlsx", random, []string{"not an .xlsx workbook"}},
		{"old .xls or encrypted", "activities 2014.xlsx", ole, []string{".xls", "encrypted"}},
		{"truncated .xlsx", "activities-cut.xlsx", good[:len(good)/2], []string{"not an .xlsx workbook", "damaged", "truncated"}},
		{"sheet cut inside a whole zip", "activities-sheet-cut.xlsx", e2eCutSheet(t, good, true), []string{"damaged", "truncated"}},
		// Streaming writers (excelize among them) leave the dimension "A1":
		// the cut must be found without it.
		{"sheet cut, no dimension", "activities-sheet-cut.xlsx", e2eCutSheet(t, good, false), []string{"damaged", "truncated"}},
		{"quote never closed", "activities.csv", []byte(e2eGoodActivities + "AC-2,2013-03-01,Japan,AG-1,meeting,\"Never closed,3,10,USD\nAC-3,2013-04-01,Japan,AG-1,meeting,Fine,1,1,USD\n"),
			[]string{"never closed"}},
		{"required column missing", "agreements.csv", []byte("id,country,instrument,title,valid_from\nAG-1,Russia,agreement,No signing date,2013-01-18\n"),
			[]string{"signed"}},
		{"empty workbook file", "activities-empty.xlsx", nil, []string{"not an .xlsx workbook"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, out := e2eGoodInput(t), t.TempDir()
			if r := e2eRun(t, in, out, "--period", "2013"); r.code != ExitOK {
				t.Fatalf("good run: exit %d; stderr: %s", r.code, r.stderr)
			}
			before := e2eSnapshot(t, out)
			if len(before) < 6 {
				t.Fatalf("the good run wrote only %d files", len(before))
			}
			if err := os.WriteFile(filepath.Join(in, tt.file), tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			r := e2eRun(t, in, out, "--period", "2013")
			if r.code != ExitFailed {
				t.Errorf("bad run: exit %d, want %d; stderr: %s", r.code, ExitFailed, r.stderr)
			}
			msg := strings.TrimSpace(r.stderr)
			t.Logf("stderr:\n%s", msg)
			if v := e2eValidate(t, in); v.code != ExitFailed || !strings.Contains(v.stderr, tt.file) {
				t.Errorf("validate: exit %d, want %d, and stderr naming %q: %s", v.code, ExitFailed, tt.file, v.stderr)
			}
			if !strings.Contains(msg, tt.file) {
				t.Errorf("stderr does not name %q:\n%s", tt.file, msg)
			}
			if !slices.ContainsFunc(tt.problem, func(p string) bool { return strings.Contains(msg, p) }) {
				t.Errorf("stderr does not say the problem (one of %q):\n%s", tt.problem, msg)
			}
			if msg == "" || strings.Contains(msg, "\n\n") {
				t.Errorf("stderr is not one paragraph:\n%s", msg)
			}
			after := e2eSnapshot(t, out)
			for name, data := range before {
				if a, ok := after[name]; !ok || !bytes.Equal(a, data) {
					t.Errorf("%s changed or vanished after the failed run", name)
				}
			}
			for name := range after {
				if _, ok := before[name]; !ok {
					t.Errorf("%s appeared after the failed run", name)
				}
			}
		})
	}

	t.Run("no activities table", func(t *testing.T) {
		in := t.TempDir()
		e2eWrite(t, in, map[string]string{"agreements.csv": e2eGoodAgreements})
		r := e2eRun(t, in, t.TempDir())
		if r.code != ExitFailed || !strings.Contains(r.stderr, "activities") {
			t.Errorf("exit %d, stderr %q: want 1 and a message about the missing activities", r.code, r.stderr)
		}
	})
}

// e2eCutSheet returns the workbook with its first worksheet's XML cut in
// the middle, inside an otherwise whole zip: what a copy interrupted
// while a program rewrote the workbook can leave. Without keepDim the
// sheet's dimension says only "A1".
func e2eCutSheet(t *testing.T, book []byte, keepDim bool) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			if !keepDim {
				data = regexp.MustCompile(`<dimension ref="[^"]*"`).ReplaceAll(data, []byte(`<dimension ref="A1"`))
			}
			data = data[:len(data)*6/10]
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestUnknownTablesAndColumns: a file or sheet of no known kind is named
// in a warning and skipped; unknown columns are kept as columns of the
// registers and named in a warning.
func TestUnknownTablesAndColumns(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"agreements.csv": e2eCSV(
			[]string{"id", "country", "instrument", "title", "signed", "Contact person", "File number"},
			[]string{"AG-1", "Russia", "agreement", "Cultural cooperation", "2013-01-18", "B. Bold", "17/3"},
			[]string{"AG-2", "Japan", "mou", "Exchange", "2013-02-18", "", "18/1"},
		),
		"activities.csv": e2eCSV(
			[]string{"id", "date", "country", "type", "title", "Venue"},
			[]string{"AC-1", "2013-02-01", "Russia", "meeting", "One", "State Opera, Ulaanbaatar"},
		),
		"staff.csv":  e2eCSV([]string{"Name", "Phone"}, []string{"B. Bold", "+976 1234"}),
		"readme.txt": "Notes for the person who keeps this folder.\n",
	})
	e2eWriteXLSX(t, filepath.Join(in, "extra.xlsx"),
		e2eSheet{"Chart data", [][]any{e2eCells("Year", "Visitors"), {2013, 1500}}},
		e2eSheet{"Activities", [][]any{e2eCells("id", "date", "country", "type", "title"), e2eCells("AC-2", "2013-03-01", "Japan", "exchange", "Two")}},
	)
	r := e2eRun(t, in, out)
	if r.code != ExitOK {
		t.Fatalf("run: exit %d; stderr: %s", r.code, r.stderr)
	}
	dir := periodDir(t, out)
	m := e2eReadManifest(t, dir)
	warned := func(parts ...string) bool {
		return slices.ContainsFunc(m.Warnings, func(w string) bool {
			for _, p := range parts {
				if !strings.Contains(w, p) {
					return false
				}
			}
			return true
		})
	}
	for _, tt := range []struct {
		name  string
		parts []string
	}{
		{"file of no known kind", []string{"staff.csv", "not read"}},
		{"file of no readable type", []string{"readme.txt", "not read"}},
		{"sheet of no known kind", []string{"extra.xlsx", "Chart data", "not read"}},
		{"unknown agreement columns", []string{"agreements.csv", "Contact person", "File number"}},
		{"unknown activity column", []string{"activities.csv", "Venue"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !warned(tt.parts...) {
				t.Errorf("no warning names %q; warnings:\n%s", tt.parts, strings.Join(m.Warnings, "\n"))
			}
		})
	}
	for _, f := range m.Inputs {
		if f.File == "staff.csv" && (f.Read != 0 || len(f.Tables) != 1 || f.Tables[0].Kind != "skipped") {
			t.Errorf("staff.csv in the manifest: %+v, want skipped with no rows read", f)
		}
	}
	book := filepath.Join(dir, "report-"+filepath.Base(dir)+".xlsx")
	agr := e2eSheetRecords(t, book, "Agreements")
	for _, w := range []struct{ id, col, value string }{
		{"AG-1", "Contact person", "B. Bold"}, {"AG-1", "File number", "17/3"},
		{"AG-2", "Contact person", ""}, {"AG-2", "File number", "18/1"},
	} {
		rec, ok := e2eFindRecord(agr, "ID", w.id)
		if !ok {
			t.Fatalf("agreement %s is not in the register", w.id)
		}
		if got, has := rec.values[w.col]; !has && w.value != "" || got != w.value {
			t.Errorf("Agreements sheet, %s, column %q = %q, want %q (columns: %v)", w.id, w.col, got, w.value, slices.Sorted(maps.Keys(rec.values)))
		}
	}
	act := e2eSheetRecords(t, book, "Activities")
	if rec, ok := e2eFindRecord(act, "ID", "AC-1"); !ok || rec.values["Venue"] != "State Opera, Ulaanbaatar" {
		t.Errorf("Activities sheet, AC-1 = %v, want the Venue kept", rec.values)
	}
	if _, ok := e2eFindRecord(act, "ID", "AC-2"); !ok {
		t.Errorf("the Activities sheet of extra.xlsx was not read next to the skipped one")
	}
}

// TestCellsAreData: text that begins with = + - @ reaches the workbook as
// a string cell, never a formula; in rejects.csv a formula-like value gets
// an apostrophe.
func TestCellsAreData(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	titles := map[string]string{
		"AG-1": `=HYPERLINK("http://x","y")`,
		"AG-2": "+1",
		"AG-3": "@SUM(A1)",
		"AG-4": "-2+3",
		"AG-5": "=1+1",
	}
	rows := [][]string{{"id", "country", "instrument", "title", "signed", "notes"}}
	for _, id := range slices.Sorted(maps.Keys(titles)) {
		rows = append(rows, []string{id, "Russia", "agreement", titles[id], "2013-01-18", "=cmd|' /C calc'!A0"})
	}
	e2eWrite(t, in, map[string]string{
		"agreements.csv": e2eCSV(rows...),
		"activities.csv": e2eCSV(
			[]string{"id", "date", "country", "type", "title"},
			[]string{"AC-1", "2013-02-01", `=HYPERLINK("http://x","y")`, "meeting", "Bad country"}, // row 2
			[]string{"AC-2", "2013-02-01", "Russia", "@SUM(A1)", "Bad type"},                       // row 3
			[]string{"AC-3", "2013-02-01", "Russia", "meeting", "+SUM(1)"},                         // accepted
		),
	})
	r := e2eRun(t, in, out)
	if r.code != ExitOK {
		t.Fatalf("run: exit %d; stderr: %s", r.code, r.stderr)
	}
	dir := periodDir(t, out)
	book := filepath.Join(dir, "report-"+filepath.Base(dir)+".xlsx")
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stringCell := func(sheet, cell, want string) {
		t.Helper()
		typ, err := f.GetCellType(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("%s!%s: cell type %v, want a string", sheet, cell, typ)
		}
		if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
			t.Errorf("%s!%s holds the formula %q", sheet, cell, formula)
		}
		if v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true}); v != want {
			t.Errorf("%s!%s = %q, want %q", sheet, cell, v, want)
		}
	}
	find := func(sheet, header, value string) (string, string) {
		t.Helper()
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil || len(rows) == 0 {
			t.Fatalf("sheet %s: %v", sheet, err)
		}
		col := slices.Index(rows[0], header)
		if col < 0 {
			t.Fatalf("sheet %s has no column %q: %q", sheet, header, rows[0])
		}
		for i, r := range rows[1:] {
			if len(r) > 0 && r[0] == value {
				c, _ := excelize.CoordinatesToCellName(col+1, i+2)
				if col < len(r) {
					return c, r[col]
				}
				return c, ""
			}
		}
		t.Fatalf("sheet %s has no row %q", sheet, value)
		return "", ""
	}
	for id, title := range titles {
		cell, _ := find("Agreements", "Title", id)
		stringCell("Agreements", cell, title)
		cell, _ = find("Agreements", "Notes", id)
		stringCell("Agreements", cell, "=cmd|' /C calc'!A0")
	}
	titleCell, _ := find("Activities", "Title", "AC-3")
	stringCell("Activities", titleCell, "+SUM(1)")

	// The Data issues sheet keeps the value as a string too.
	issueRows, _ := f.GetRows("Data issues", excelize.Options{RawCellValue: true})
	for i, r := range issueRows[1:] {
		if len(r) > 4 && strings.HasPrefix(r[4], "=") || len(r) > 4 && strings.HasPrefix(r[4], "@") {
			c, _ := excelize.CoordinatesToCellName(5, i+2)
			stringCell("Data issues", c, r[4])
		}
	}

	rejects := e2eRejects(t, dir)
	want := map[int]string{2: `'=HYPERLINK("http://x","y")`, 3: "'@SUM(A1)"}
	for row, value := range want {
		i := slices.IndexFunc(rejects, func(r e2eReject) bool { return r.File == "activities.csv" && r.Row == row })
		if i < 0 {
			t.Errorf("activities.csv row %d not rejected: %+v", row, rejects)
			continue
		}
		if rejects[i].Value != value {
			t.Errorf("rejects.csv row %d value %q, want %q", row, rejects[i].Value, value)
		}
	}
}

// TestStrict: with rejects, --strict exits 3 and still writes the
// outputs; without it, 0. The configuration's strict = true does the same.
func TestStrict(t *testing.T) {
	bad := e2eCSV(
		[]string{"id", "country", "instrument", "title", "signed"},
		[]string{"AG-1", "Russia", "agreement", "Good", "2013-01-18"},
		[]string{"AG-2", "Narnia", "agreement", "Bad", "2013-01-18"},
	)
	tests := []struct {
		name   string
		args   []string
		config string
		agr    string
		want   int
	}{
		{"rejects, --strict", []string{"--strict"}, "", bad, ExitRejected},
		{"rejects, no --strict", nil, "", bad, ExitOK},
		{"rejects, strict in the configuration", nil, "strict = true\n", bad, ExitRejected},
		{"rejects, configuration overridden", []string{"--strict=false"}, "strict = true\n", bad, ExitOK},
		{"no rejects, --strict", []string{"--strict"}, "", e2eGoodAgreements, ExitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, out := t.TempDir(), t.TempDir()
			e2eWrite(t, in, map[string]string{"agreements.csv": tt.agr, "activities.csv": e2eGoodActivities})
			if tt.config != "" {
				e2eWrite(t, in, map[string]string{"coopreport.toml": tt.config})
			}
			r := e2eRun(t, in, out, tt.args...)
			if r.code != tt.want {
				t.Fatalf("exit %d, want %d; stderr: %s", r.code, tt.want, r.stderr)
			}
			dir := periodDir(t, out)
			label := filepath.Base(dir)
			for _, name := range []string{"summary.csv", "finance.csv", "rejects.csv", "manifest.json", "report-" + label + ".pdf", "report-" + label + ".xlsx"} {
				if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Size() == 0 {
					t.Errorf("%s was not written: %v", name, err)
				}
			}
			wantRejects := 0
			if tt.agr == bad {
				wantRejects = 1
			}
			if got := len(e2eRejects(t, dir)); got != wantRejects {
				t.Errorf("rejects.csv: %d rejects, want %d", got, wantRejects)
			}
		})
	}
}

// TestBadCommandLine: a bad command line exits 2 with one line on stderr
// naming what is wrong, and touches nothing.
func TestBadCommandLine(t *testing.T) {
	in := e2eGoodInput(t)
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"unknown flag", []string{"run", "--bogus"}, "bogus"},
		{"bad --period month", []string{"run", "--period", "2025-13"}, "2025-13"},
		{"bad --period quarter", []string{"run", "--period", "2025-Q5"}, "2025-Q5"},
		{"bad --period word", []string{"run", "--period", "last-decade"}, "last-decade"},
		{"bad --period in validate", []string{"validate", "--period", "2025-13"}, "2025-13"},
		{"bad --by", []string{"run", "--by", "week"}, "week"},
		{"bad --now", []string{"run", "--now", "yesterday"}, "yesterday"},
		{"bad --currency", []string{"run", "--currency", "XYZ"}, "XYZ"},
		{"bad --template", []string{"run", "--template", "fancy"}, "fancy"},
		{"bad --wait", []string{"run", "--wait", "soon"}, "soon"},
		{"unknown command", []string{"frobnicate"}, "frobnicate"},
		{"extra argument", []string{"run", "--period", "2013", "extra"}, "extra"},
		{"flag without its value", []string{"run", "--period"}, "period"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := tt.args
			if args[0] == "run" || args[0] == "validate" {
				// --input and --out first, so that a flag missing its value
				// stays last.
				args = append([]string{args[0], "--input", in, "--out", out}, args[1:]...)
			}
			r := e2eMain(t, nil, args...)
			if r.code != ExitUsage {
				t.Errorf("exit %d, want %d; stderr: %s", r.code, ExitUsage, r.stderr)
			}
			msg := strings.TrimRight(r.stderr, "\n")
			if msg == "" || strings.Contains(msg, "\n") {
				t.Errorf("stderr is not one line:\n%s", r.stderr)
			}
			if !strings.Contains(msg, tt.says) {
				t.Errorf("stderr does not name %q: %s", tt.says, msg)
			}
			if r.stdout != "" {
				t.Errorf("stdout: %q", r.stdout)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("a bad command line created the output folder %s", out)
			}
		})
	}
}

// TestBadConfiguration: an unknown key of coopreport.toml stops the run
// before it starts. cli.go treats the file as part of the run, not of the
// command line: exit 1, with a message naming the key and the file.
func TestBadConfiguration(t *testing.T) {
	for _, tt := range []struct {
		name     string
		explicit bool // given with --config rather than found in the input folder
	}{
		{"in the input folder", false},
		{"with --config", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in, out := e2eGoodInput(t), filepath.Join(t.TempDir(), "out")
			path := filepath.Join(in, "coopreport.toml")
			args := []string{"run", "--input", in, "--out", out, "--now", e2eNow}
			if tt.explicit {
				path = filepath.Join(t.TempDir(), "settings.toml")
				args = append(args, "--config", path)
			}
			e2eWrite(t, filepath.Dir(path), map[string]string{filepath.Base(path): "party = \"Mongolia\"\ncurency = \"MNT\"\n"})
			r := e2eMain(t, nil, args...)
			if r.code != ExitFailed {
				t.Errorf("exit %d, want %d; stderr: %s", r.code, ExitFailed, r.stderr)
			}
			if !strings.Contains(r.stderr, `"curency"`) || !strings.Contains(r.stderr, path) {
				t.Errorf("stderr does not name the key \"curency\" and the file %s: %s", path, r.stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("the run created the output folder %s", out)
			}
		})
	}
}

// periodDir is the one period folder a run wrote in out: with --period
// all, it is named by the data's span.
func periodDir(t *testing.T, out string) string {
	t.Helper()
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) != 1 {
		t.Fatalf("%s holds the period folders %q, want one", out, dirs)
	}
	return filepath.Join(out, dirs[0])
}

// periodFile is the report file with extension ext in periodDir.
func periodFile(t *testing.T, out, ext string) string {
	t.Helper()
	dir := periodDir(t, out)
	return filepath.Join(dir, "report-"+filepath.Base(dir)+ext)
}

// A period with no records at all (here, before every agreement of the
// example) is not a plausible report of nothing: the cover and the run's
// message say so, and --strict fails it.
func TestEmptyPeriodSaysSo(t *testing.T) {
	out := t.TempDir()
	res := e2eRun(t, "../../input", out, "--period", "1980")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if !strings.Contains(res.stderr, "the period 1980 has no records") {
		t.Errorf("the run's message says nothing of the empty period:\n%s", res.stderr)
	}
	cover := e2ePDFText(t, periodFile(t, out, ".pdf"))
	cover = cover[:strings.Index(cover, "\f")]
	if !strings.Contains(strings.Join(strings.Fields(cover), " "), "No records for this period. No agreement was in force or signed and no activity took place from 1 January 1980 to 31 December 1980") {
		t.Errorf("the cover says nothing of the empty period:\n%s", cover)
	}
	if res := e2eRun(t, "../../input", t.TempDir(), "--period", "1980", "--strict"); res.code != 3 {
		t.Errorf("--strict: exit %d, want 3", res.code)
	}
}

// --formats (and formats in the configuration) says which outputs a run
// writes besides its manifest; a word that names no format is a usage
// error naming them.
func TestFormats(t *testing.T) {
	out := t.TempDir()
	res := e2eRun(t, "../../input", out, "--period", "2012..2015", "--formats", "PDF, csv")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	entries, err := os.ReadDir(filepath.Join(out, "2012..2015"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	// rows.csv and changes.csv, what later runs compare with and what
	// changed, are written whatever the formats, as the manifest is.
	if want := []string{"changes.csv", "finance.csv", "manifest.json", "rejects.csv", "report-2012..2015.pdf", "rows.csv", "summary.csv"}; !slices.Equal(names, want) {
		t.Errorf("wrote %q, want %q", names, want)
	}
	m := e2eReadManifest(t, filepath.Join(out, "2012..2015"))
	if len(m.Outputs) != 6 {
		t.Errorf("manifest lists %d outputs, want 6", len(m.Outputs))
	}
	if empty := e2eRun(t, "../../input", t.TempDir(), "--formats", " , "); empty.code != ExitUsage || !strings.Contains(empty.stderr, "no format given") {
		t.Errorf("--formats ' , ': exit %d, stderr %q", empty.code, empty.stderr)
	}
	bad := e2eRun(t, "../../input", t.TempDir(), "--formats", "pdf,odt")
	if bad.code != ExitUsage || !strings.Contains(bad.stderr, `"odt" is not an output format: write some of pdf, docx, html, md, xlsx, csv, checked`) {
		t.Errorf("exit %d, stderr %q", bad.code, bad.stderr)
	}
}
