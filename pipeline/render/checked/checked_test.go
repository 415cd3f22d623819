package checked_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline/lang"
	"coopreport/pipeline/run"

	"github.com/xuri/excelize/v2"
)

var now = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

const agreementsCSV = "id,country,instrument,title,signed\nAG-1,Japan,agreement,Cultural cooperation,2014-01-02\n"

// A register with five kinds of mistakes, as a CSV file: an unknown
// country, a bad date, a bad amount, an id given twice with other values,
// a date read month-first on the word of another (04/07/2015 beside
// 01/18/2015); and an extra column. Row 11 holds text that looks like a
// formula, row 12 a number with leading zeros: both stay text.
const activitiesCSV = `id,date,country,type,title,participants,amount,currency,notes,Internal code
AC-1,2015-01-10,Narnia,meeting,Commission,4,100,MNT,,k1
AC-2,2015-13-45,Japan,festival,Naadam,5,100,MNT,,k2
AC-3,2015-02-11,Japan,study,Study,6,lots,MNT,,k3
AC-4,2015-03-12,Japan,exchange,Exchange one,7,100,MNT,,k4
AC-4,2015-03-13,Japan,exchange,Exchange two,8,100,MNT,,k5
AC-5,01/18/2015,Japan,meeting,Talks,9,100,MNT,,k6
AC-6,04/07/2015,Japan,meeting,More talks,10,100,MNT,,k7
AC-7,2015-05-01,Japan,training,Training,11,100,MNT,=1+1,k8
AC-8,2015-05-02,Japan,training,Training two,12,100,MNT,0012,k9
`

// cellAt is a cell of a table by its row and the header of its column.
type cellAt struct {
	row    int
	column string
}

// The marks each register's copy must show, by the original's rows and
// headers (both registers have their header on a row of their own: the
// CSV file on row 1, the workbook on row 3), and the corrections a keeper
// types into the copy.
type register struct {
	header  int
	rejects []cellAt
	warns   []cellAt
	fixes   map[cellAt]any
}

var csvRegister = register{
	header:  1,
	rejects: []cellAt{{2, "country"}, {3, "date"}, {4, "amount"}, {5, "id"}, {6, "id"}},
	warns:   []cellAt{{1, "Internal code"}, {1, "date"}, {8, "date"}},
	fixes:   map[cellAt]any{{2, "country"}: "Japan", {3, "date"}: "2015-01-13", {4, "amount"}: "1000", {6, "id"}: "AC-9", {8, "date"}: "2015-04-07"},
}

var xlsxRegister = register{
	header:  3,
	rejects: []cellAt{{4, "Country"}, {5, "Date"}, {6, "Amount"}, {7, "ID"}, {8, "ID"}},
	warns:   []cellAt{{3, "Internal code"}, {3, "Date"}, {10, "Date"}},
	fixes:   map[cellAt]any{{4, "Country"}: "Japan", {5, "Date"}: 42017.0, {6, "Amount"}: 1000.0, {8, "ID"}: "XA-9", {10, "Date"}: "2015-04-07"},
}

// writeRegisterXLSX writes the workbook register: two title rows, the
// header on row 3, dates as dates, amounts as numbers in a number format,
// column widths of its own, text that looks like a number or a formula,
// and a formula.
func writeRegisterXLSX(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	const s = "Activities"
	must(f.SetSheetName("Sheet1", s))
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4})
	must(err)
	must(f.SetCellStr(s, "A1", "Activities of the Ministry, 2015"))
	must(f.MergeCell(s, "A1", "D1"))
	must(f.SetCellStr(s, "A2", "Kept by the registry"))
	must(f.SetSheetRow(s, "A3", &[]any{"ID", "Date", "Country", "Type", "Title", "Participants", "Amount", "Currency", "Notes", "Internal code"}))
	must(f.SetColWidth(s, "B", "B", 14))
	must(f.SetColWidth(s, "E", "E", 30))
	rows := [][]any{
		{"XA-1", 42014.0, "Narnia", "meeting", "Commission", 4, 100.0, "MNT", nil, "k1"},
		{"XA-2", "2015-13-45", "Japan", "festival", "Naadam", 5, 100.0, "MNT", nil, "k2"},
		{"XA-3", 42046.0, "Japan", "study", "Study", 6, "lots", "MNT", nil, "k3"},
		{"XA-4", 42075.0, "Japan", "exchange", "Exchange one", 7, 100.0, "MNT", nil, "k4"},
		{"XA-4", 42076.0, "Japan", "exchange", "Exchange two", 8, 100.0, "MNT", nil, "k5"},
		{"XA-5", "01/18/2015", "Japan", "meeting", "Talks", 9, 1250.5, "MNT", nil, "k6"},
		{"XA-6", "04/07/2015", "Japan", "meeting", "More talks", 10, 100.0, "MNT", nil, "k7"},
		{"XA-7", 42125.0, "Japan", "training", "Training", nil, 100.0, "MNT", "=1+1", "k8"},
		{"XA-8", 42126.0, "Japan", "training", "Training two", 12, 100.0, "MNT", "0012", "k9"},
	}
	for i, r := range rows {
		n := i + 4
		for j, v := range r {
			ref, _ := excelize.CoordinatesToCellName(j+1, n)
			switch v := v.(type) {
			case string:
				must(f.SetCellStr(s, ref, v))
			case nil:
			default:
				must(f.SetCellValue(s, ref, v))
			}
			switch {
			case j == 1:
				must(f.SetCellStyle(s, ref, ref, date))
			case j == 6:
				must(f.SetCellStyle(s, ref, ref, money))
			}
		}
	}
	must(f.SetCellFormula(s, "F11", "2*5+1"))
	must(f.SaveAs(path))
}

func newInput(t *testing.T) string {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"agreements.csv": agreementsCSV, "activities.csv": activitiesCSV} {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeRegisterXLSX(t, filepath.Join(in, "register.xlsx"))
	return in
}

func runOn(t *testing.T, in, out string) *run.Result {
	t.Helper()
	res, err := run.Run(context.Background(), run.Options{Input: in, Out: out, Now: now, Pinned: true, Location: time.UTC, Version: "test", Formats: []string{"xlsx", "csv", "checked"}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// sheetJSON is a workbook as openpyxl reads it.
type sheetJSON struct {
	Cells  map[string]cellJSON `json:"cells"`
	Widths map[string]float64  `json:"widths"`
	Merged []string            `json:"merged"`
}

type cellJSON struct {
	V       any    `json:"v"`
	T       string `json:"t"`
	Fmt     string `json:"fmt"`
	Fill    string `json:"fill"`
	Comment string `json:"comment"`
}

const openpyxlScript = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "book": {}}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            fill = c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else ""
            if c.value is None and not fill and c.comment is None:
                continue
            v = c.value
            if hasattr(v, "isoformat"):
                v = v.isoformat()
            cells[c.coordinate] = {"v": v, "t": type(c.value).__name__, "fmt": c.number_format,
                "fill": str(fill)[-6:] if fill else "", "comment": c.comment.text if c.comment else ""}
    widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
    out["book"][ws.title] = {"cells": cells, "widths": widths, "merged": sorted(str(m) for m in ws.merged_cells.ranges)}
print(json.dumps(out))
`

type bookJSON struct {
	Sheets []string             `json:"sheets"`
	Book   map[string]sheetJSON `json:"book"`
}

func openpyxl(t *testing.T, path string) bookJSON {
	t.Helper()
	out, err := exec.Command("/usr/bin/python3", "-c", openpyxlScript, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl cannot read %s: %v\n%s", path, err, out)
	}
	var b bookJSON
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return b
}

func ref(col, row int) string {
	r, _ := excelize.CoordinatesToCellName(col, row)
	return r
}

func col(ref string) string { return strings.TrimRight(ref, "0123456789") }

// checkCopy checks the copy's data sheet against the original's cells
// (by reference) and the marks the register calls for.
func checkCopy(t *testing.T, name string, copy sheetJSON, orig map[string]cellJSON, reg register) {
	t.Helper()
	if got := copy.Cells[ref(1, reg.header)].V; got != "Problems" {
		t.Fatalf("%s: %s holds %v, want the Problems header", name, ref(1, reg.header), got)
	}
	// The original's header cells name the columns.
	column := map[string]int{}
	for r, c := range orig {
		if _, row, _ := excelize.CellNameToCoordinates(r); row == reg.header {
			x, _, _ := excelize.CellNameToCoordinates(r)
			column[fmt.Sprint(c.V)] = x
		}
	}
	at := func(c cellAt) string { return ref(column[c.column]+1, c.row) }
	want := map[string]string{} // copy cell → fill
	for _, c := range reg.warns {
		want[at(c)] = "FFF2CC"
	}
	for _, c := range reg.rejects {
		want[at(c)] = "FFC7CE"
	}
	for r, c := range copy.Cells {
		if col(r) == "A" {
			continue
		}
		if c.Fill != want[r] {
			t.Errorf("%s: %s filled %q, want %q", name, r, c.Fill, want[r])
		}
		if (c.Comment != "") != (want[r] != "") {
			t.Errorf("%s: %s has the comment %q, want one: %v", name, r, c.Comment, want[r] != "")
		}
	}
	for r := range want {
		if _, ok := copy.Cells[r]; !ok {
			t.Errorf("%s: %s is not marked", name, r)
		}
	}
	// Every value as it was, one column to the right.
	for r, o := range orig {
		x, y, _ := excelize.CellNameToCoordinates(r)
		c := copy.Cells[ref(x+1, y)]
		if c.V != o.V || c.T != o.T || c.Fmt != o.Fmt {
			t.Errorf("%s: %s is %v (%s, %q), the original's %s %v (%s, %q)", name, ref(x+1, y), c.V, c.T, c.Fmt, r, o.V, o.T, o.Fmt)
		}
	}
	for r, c := range copy.Cells {
		x, y, _ := excelize.CellNameToCoordinates(r)
		if _, ok := orig[ref(x-1, y)]; x > 1 && !ok && c.V != nil {
			t.Errorf("%s: %s holds %v, which the original has not", name, r, c.V)
		}
	}
	// Each row with a reject says so in words.
	for _, c := range reg.rejects {
		if p, _ := copy.Cells[ref(1, c.row)].V.(string); !strings.Contains(p, c.column+":") {
			t.Errorf("%s: the Problems cell of row %d says %q, nothing of %s", name, c.row, p, c.column)
		}
	}
}

// csvCells are a CSV file's cells as openpyxl would show them as text.
func csvCells(t *testing.T, text string) map[string]cellJSON {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]cellJSON{}
	for i, rec := range recs {
		for j, v := range rec {
			if v != "" {
				out[ref(j+1, i+1)] = cellJSON{V: v, T: "str", Fmt: "@"}
			}
		}
	}
	return out
}

func TestCheckedCopies(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice not installed: apt-get install libreoffice-calc (.ci/run does)")
	}
	in := newInput(t)
	out := filepath.Join(t.TempDir(), "out")
	res := runOn(t, in, out)
	var names []string
	for _, o := range res.Outputs {
		names = append(names, o.Name)
	}
	for _, want := range []string{"checked/activities.csv.xlsx", "checked/register.xlsx"} {
		if !slices.Contains(names, want) {
			t.Fatalf("outputs %q, without %s", names, want)
		}
	}
	if slices.ContainsFunc(names, func(n string) bool { return strings.Contains(n, "agreements") }) {
		t.Errorf("outputs %q: agreements.csv has no problems, and no copy", names)
	}

	// The CSV file's copy: its cells as text, as written.
	csvCopy := filepath.Join(res.Dir, "checked", "activities.csv.xlsx")
	b := openpyxl(t, csvCopy)
	if !slices.Equal(b.Sheets, []string{"Summary", "activities"}) {
		t.Fatalf("sheets %q", b.Sheets)
	}
	checkCopy(t, "activities.csv.xlsx", b.Book["activities"], csvCells(t, activitiesCSV), csvRegister)
	summary := b.Book["Summary"].Cells
	if summary["A7"].V != "activities.csv" || summary["C7"].V != 9.0 || summary["D7"].V != 4.0 || summary["E7"].V != 5.0 ||
		!strings.HasPrefix(fmt.Sprint(summary["F7"].V), "id: duplicate id (2 rows)\n") || strings.Count(fmt.Sprint(summary["F7"].V), "\n") != 2 {
		t.Errorf("summary row: %v %v %v %v %q", summary["A7"].V, summary["C7"].V, summary["D7"].V, summary["E7"].V, summary["F7"].V)
	}

	// The workbook's copy: numbers, dates and text as they were, in their
	// formats, the title rows and the header on row 3, widths and merged
	// cells one column on; the formula's result instead of the formula.
	orig := openpyxl(t, filepath.Join(in, "register.xlsx"))
	ocells := orig.Book["Activities"].Cells
	if f := ocells["F11"]; f.V != "=2*5+1" {
		t.Fatalf("the original's F11 is %v", f.V)
	}
	ocells["F11"] = cellJSON{V: 11.0, T: "int", Fmt: "General"}
	xlsxCopy := filepath.Join(res.Dir, "checked", "register.xlsx")
	b = openpyxl(t, xlsxCopy)
	if !slices.Equal(b.Sheets, []string{"Summary", "Activities"}) {
		t.Fatalf("sheets %q", b.Sheets)
	}
	copied := b.Book["Activities"]
	checkCopy(t, "register.xlsx", copied, ocells, xlsxRegister)
	if copied.Cells["C4"].T != "datetime" || copied.Cells["C4"].V != "2015-01-10T00:00:00" {
		t.Errorf("the date C4 is %+v", copied.Cells["C4"])
	}
	if w := copied.Widths; w["C"] != orig.Book["Activities"].Widths["B"] || w["F"] != orig.Book["Activities"].Widths["E"] || w["A"] < 40 {
		t.Errorf("widths %v, the original's %v", w, orig.Book["Activities"].Widths)
	}
	if m := copied.Merged; !slices.Equal(m, []string{"B1:E1"}) {
		t.Errorf("merged %q", m)
	}
	if !strings.Contains(fmt.Sprint(b.Book["Summary"].Cells["G7"].V), "held formulas") {
		t.Errorf("the summary does not say the formula's result was copied: %q", b.Book["Summary"].Cells["G7"].V)
	}

	// LibreOffice opens both.
	pdfs := t.TempDir()
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+t.TempDir(), "--headless", "--convert-to", "pdf", "--outdir", pdfs, csvCopy, xlsxCopy)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	for _, n := range []string{"activities.csv.pdf", "register.pdf"} {
		if fi, err := os.Stat(filepath.Join(pdfs, n)); err != nil || fi.Size() < 1000 {
			t.Errorf("LibreOffice made no %s: %v", n, err)
		}
	}

	// The same inputs, the same bytes; and --if-changed sees them intact.
	again := runOn(t, in, filepath.Join(t.TempDir(), "out"))
	for _, n := range []string{"checked/activities.csv.xlsx", "checked/register.xlsx"} {
		a, _ := os.ReadFile(filepath.Join(res.Dir, n))
		b, _ := os.ReadFile(filepath.Join(again.Dir, n))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", n)
		}
	}
	skip, err := run.Run(context.Background(), run.Options{Input: in, Out: out, Now: now, Pinned: true, Location: time.UTC, Version: "test", Formats: []string{"xlsx", "csv", "checked"}, IfChanged: true})
	if err != nil || !skip.Skipped {
		t.Errorf("--if-changed after the same run: skipped %v, %v", skip != nil && skip.Skipped, err)
	}

	// The keeper corrects the marked cells in the copies and puts them
	// back in place of the originals: nothing is rejected, and nothing is
	// said of the Problems column or of dates.
	fixed := filepath.Join(t.TempDir(), "in")
	if err := os.Mkdir(fixed, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fixed, "agreements.csv"), []byte(agreementsCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	correct(t, csvCopy, "activities", csvCells(t, activitiesCSV), csvRegister, filepath.Join(fixed, "activities.csv.xlsx"))
	correct(t, xlsxCopy, "Activities", ocells, xlsxRegister, filepath.Join(fixed, "register.xlsx"))
	r, err := run.Read(context.Background(), run.Options{Input: fixed, Now: now, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, e := range r.Rejects {
		t.Errorf("after correction: %v", &e)
	}
	for _, w := range r.Warnings {
		switch {
		case w.Note && strings.Contains(w.Message, `sheet "Summary": not read: it explains the workbook`):
		case strings.Contains(w.Message, `columns kept as extra columns (coopreport does not know them): "Internal code"`):
			// the keeper kept the column
		case strings.HasPrefix(w.Message, "no measures table"):
		default:
			t.Errorf("after correction, a warning: %s", w.Message)
		}
	}
	if got := r.RowsRead(); got != 19 || r.RowsRejected() != 0 {
		t.Errorf("after correction: %d rows read, %d rejected; want 19, 0", got, r.RowsRejected())
	}
	var extras []string
	extras = append(extras, r.ActivityColumns...)
	if !slices.Equal(extras, []string{"Internal code"}) {
		t.Errorf("extra columns %q, want Internal code only", extras)
	}
}

// correct types the register's fixes into the copy and saves it as to.
func correct(t *testing.T, copy, sheet string, orig map[string]cellJSON, reg register, to string) {
	t.Helper()
	f, err := excelize.OpenFile(copy)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	column := map[string]int{}
	for r, c := range orig {
		if x, y, _ := excelize.CellNameToCoordinates(r); y == reg.header {
			column[fmt.Sprint(c.V)] = x
		}
	}
	for c, v := range reg.fixes {
		r := ref(column[c.column]+1, c.row)
		if err := f.SetCellValue(sheet, r, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(to); err != nil {
		t.Fatal(err)
	}
}

// TestCheckedCopyRussian: a copy made in Russian has its summary sheet and
// its Problems column in Russian, and put back in place of the original
// it is read as the original would be: the "Замечания coopreport" column
// is not data, and the Сводка sheet is a note.
func TestCheckedCopyRussian(t *testing.T) {
	in := newInput(t)
	res, err := run.Run(context.Background(), run.Options{Input: in, Out: filepath.Join(t.TempDir(), "out"), Now: now, Pinned: true,
		Location: time.UTC, Version: "test", Formats: []string{"xlsx", "csv", "checked"}, Lang: lang.Russian})
	if err != nil {
		t.Fatal(err)
	}
	xlsxCopy := filepath.Join(res.Dir, "checked", "register.xlsx")
	f, err := excelize.OpenFile(xlsxCopy)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Сводка", "Activities"}) {
		t.Fatalf("sheets %q", got)
	}
	if v, _ := f.GetCellValue("Activities", ref(1, xlsxRegister.header)); v != "Замечания coopreport" {
		t.Errorf("the Problems header is %q, want Замечания coopreport", v)
	}
	title, _ := f.GetCellValue("Сводка", "A1")
	if title != "Проверенная копия register.xlsx" {
		t.Errorf("the summary's title is %q", title)
	}
	f.Close()

	orig := openpyxl(t, filepath.Join(in, "register.xlsx"))
	ocells := orig.Book["Activities"].Cells
	ocells["F11"] = cellJSON{V: 11.0, T: "int", Fmt: "General"}
	fixed := filepath.Join(t.TempDir(), "in")
	if err := os.Mkdir(fixed, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fixed, "agreements.csv"), []byte(agreementsCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	correct(t, xlsxCopy, "Activities", ocells, xlsxRegister, filepath.Join(fixed, "register.xlsx"))
	r, err := run.Read(context.Background(), run.Options{Input: fixed, Now: now, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, e := range r.Rejects {
		t.Errorf("after correction: %v", &e)
	}
	for _, w := range r.Warnings {
		switch {
		case w.Note && strings.Contains(w.Message, `sheet "Сводка": not read: it explains the workbook`):
		case strings.Contains(w.Message, `columns kept as extra columns (coopreport does not know them): "Internal code"`):
		case strings.HasPrefix(w.Message, "no measures table"):
		default:
			t.Errorf("after correction, a warning: %s", w.Message)
		}
	}
	if slices.Contains(r.ActivityColumns, "Замечания coopreport") {
		t.Errorf("the Замечания coopreport column was read as data: extra columns %q", r.ActivityColumns)
	}
}
