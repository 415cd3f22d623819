package xlsx

// Checks with the programs finance staff and their scripts open the
// workbook in: LibreOffice, made to recalculate every formula, and
// openpyxl (what pandas uses). They skip when the programs are missing.

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/aggregate"

	"github.com/xuri/excelize/v2"
)

// recalcProfile is a LibreOffice user profile that recalculates every
// formula on load instead of trusting the cached values.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// recalculate converts each workbook to one CSV per sheet with raw values,
// LibreOffice having recalculated every formula.
func recalculate(t *testing.T, outDir string, books ...string) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice not installed: apt-get install libreoffice-calc (.ci/run does)")
	}
	profile := t.TempDir()
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", outDir}, books...)
	if out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("LibreOffice wrote no %s: %v", filepath.Base(path), err)
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// formulaMismatches compares every formula's cached value in book with
// the value LibreOffice recalculated (in csvDir/<base>-<sheet>.csv), and
// returns how many formulas it compared and the differences.
func formulaMismatches(t *testing.T, book, csvDir string) (int, []string) {
	f, err := excelize.OpenFile(book, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	base := strings.TrimSuffix(filepath.Base(book), ".xlsx")
	var bad []string
	n := 0
	for _, sh := range f.GetSheetList() {
		recalc := readCSV(t, filepath.Join(csvDir, base+"-"+sh+".csv"))
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, cached := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if fm, _ := f.GetCellFormula(sh, cell); fm == "" {
					continue
				}
				n++
				got := ""
				if r < len(recalc) && c < len(recalc[r]) {
					got = recalc[r][c]
				}
				want, err1 := strconv.ParseFloat(cached, 64)
				have, err2 := strconv.ParseFloat(got, 64)
				if err1 != nil || err2 != nil || math.Abs(want-have) > 1e-9*math.Max(1, math.Abs(want)) {
					bad = append(bad, fmt.Sprintf("%s!%s: cached %q, LibreOffice computes %q", sh, cell, cached, got))
				}
			}
		}
	}
	return n, bad
}

// doctor rewrites one part of a workbook, to prove the checks can fail.
func doctor(t *testing.T, data []byte, part, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name == part {
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s has no %q", part, old)
			}
			b = bytes.Replace(b, []byte(old), []byte(new), 1)
		}
		w, _ := zw.Create(zf.Name)
		w.Write(b)
	}
	zw.Close()
	return out.Bytes()
}

func TestLibreOfficeRecalculation(t *testing.T) {
	if testing.Short() {
		t.Skip("starts LibreOffice")
	}
	dir := t.TempDir()
	data := writeBook(t, testReport(t))
	good, bad := filepath.Join(dir, "book.xlsx"), filepath.Join(dir, "doctored.xlsx")
	if err := os.WriteFile(good, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// A wrong cached total, as a buggy writer would leave it.
	doctored := doctor(t, data, "xl/worksheets/sheet2.xml", "<f>ROUND(SUMIF($D$2:$D$6,D9,$H$2:$H$6),2)</f><v>6023500</v>", "<f>ROUND(SUMIF($D$2:$D$6,D9,$H$2:$H$6),2)</f><v>6023500.01</v>")
	if err := os.WriteFile(bad, doctored, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "csv")
	recalculate(t, out, good, bad)

	n, mismatches := formulaMismatches(t, good, out)
	if n < 20 {
		t.Errorf("compared only %d formulas", n)
	}
	for _, m := range mismatches {
		t.Error(m)
	}
	if _, m := formulaMismatches(t, bad, out); len(m) != 1 {
		t.Errorf("the doctored workbook gave %d mismatches, want 1: the check cannot catch a wrong cached value", len(m))
	}

	// Input text stays text after recalculation: no formula ran.
	acts := readCSV(t, filepath.Join(out, "book-Activities.csv"))
	issues := readCSV(t, filepath.Join(out, "book-Data issues.csv"))
	for _, c := range []struct{ got, want string }{
		{acts[4][9], hostileTitle}, {acts[5][9], "+1"}, {acts[5][18], "-2"}, {acts[5][17], "@SUM(A1)"},
		{acts[6][0], "0042"}, {issues[3][4], "=1+1"}, {issues[2][4], "0012"},
	} {
		if c.got != c.want {
			t.Errorf("LibreOffice shows %q, want %q", c.got, c.want)
		}
	}
}

// openpyxlCheck runs in Python; it prints one line per problem.
const openpyxlCheck = `
import sys, datetime, openpyxl
p, errs = sys.argv[1], []
def check(what, got, want):
    if got != want or type(got) != type(want):
        errs.append("%s: %r, want %r" % (what, got, want))
ro = openpyxl.load_workbook(p, read_only=True)
for name, n in [("Summary", 38), ("Finance", 28), ("Agreements", 5), ("Activities", 8), ("Data issues", 4)]:
    check(name + " rows seen read-only", sum(1 for _ in ro[name].iter_rows()), n)
    check(name + " max_row", ro[name].max_row, n)
ro.close()
wb = openpyxl.load_workbook(p, data_only=True)
check("Summary!G25", wb["Summary"]["G25"].value, 174)
check("Summary!D21", wb["Summary"]["D21"].value, 1)
check("Finance!H9", wb["Finance"]["H9"].value, 6023500)
check("Finance!E10", wb["Finance"]["E10"].value, 1234.567)
check("Activities!B2", wb["Activities"]["B2"].value, datetime.datetime(2025, 2, 10))
check("Activities!A7", wb["Activities"]["A7"].value, "0042")
check("Activities!J5", wb["Activities"]["J5"].value, '=HYPERLINK("http://x","y")')
check("Agreements!J2", wb["Agreements"]["J2"].value, datetime.datetime(2024, 6, 1))
check("Agreements!O3", wb["Agreements"]["O3"].value, -92)
check("Activities!K8", wb["Activities"]["K8"].value, 174)
check("Activities!O8", wb["Activities"]["O8"].value, None)
check("Activities!P8", wb["Activities"]["P8"].value, "no total in MNT: some amounts have no rate")
fw = openpyxl.load_workbook(p)
check("Summary!G25 type", fw["Summary"]["G25"].data_type, "f")
check("Summary!G25", fw["Summary"]["G25"].value, "=SUM(G2:G12)")
check("Activities!K8", fw["Activities"]["K8"].value, "=SUBTOTAL(109,K2:K7)")
check("Data issues!E4 type", fw["Data issues"]["E4"].data_type, "s")
check("Activities!J5 type", fw["Activities"]["J5"].data_type, "s")
for name in ["Summary", "Finance", "Agreements", "Activities", "Data issues"]:
    ws = fw[name]
    check(name + " freeze", ws.freeze_panes, "A2")
    check(name + " print titles", ws.print_title_rows, "$1:$1")
check("Summary filter", fw["Summary"].auto_filter.ref, "$A$1:$G$12")
check("Activities tables", sorted(fw["Activities"].tables.keys()), ["Activities"])
check("Activities table ref", fw["Activities"].tables["Activities"].ref, "A1:W7")
print("\n".join(errs))
`

func TestOpenpyxl(t *testing.T) {
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
	if err := os.WriteFile(path, writeBook(t, testReport(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", openpyxlCheck, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	if s := strings.TrimSpace(string(out)); s != "" {
		t.Errorf("openpyxl sees:\n%s", s)
	}
}

// reverseSummary reverses the Summary register's rows (row 2 down to the
// first empty row), as sorting with the filter would, and saves the book.
const reverseSummary = `
import sys, openpyxl
src, dst = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
ws = wb["Summary"]
last = 2
while ws.cell(last + 1, 1).value is not None:
    last += 1
rows = [[ws.cell(r, c).value for c in range(1, 8)] for r in range(2, last + 1)]
for i, row in enumerate(reversed(rows)):
    for c, v in enumerate(row):
        ws.cell(2 + i, c + 1).value = v
wb.save(dst)
`

// TestSortedTotals sorts the Summary register as a user would and
// recalculates with LibreOffice: the totals below it must not change.
func TestSortedTotals(t *testing.T) {
	python := "/usr/bin/python3"
	if exec.Command(python, "-c", "import openpyxl").Run() != nil {
		t.Fatal("/usr/bin/python3 with openpyxl not installed: apt-get install python3-openpyxl (.ci/run does)")
	}
	dir := t.TempDir()
	book, sorted := filepath.Join(dir, "book.xlsx"), filepath.Join(dir, "sorted.xlsx")
	if err := os.WriteFile(book, writeBook(t, testReport(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(python, "-c", reverseSummary, book, sorted).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "csv")
	recalculate(t, out, sorted)
	got := readCSV(t, filepath.Join(out, "sorted-Summary.csv"))

	f, err := excelize.OpenFile(book, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Summary", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r, row := range rows {
		for c := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			formula, _ := f.GetCellFormula("Summary", cell)
			if formula == "" {
				continue
			}
			n++
			if r >= len(got) || c >= len(got[r]) || !sameNumber(got[r][c], row[c]) {
				t.Errorf("Summary!%s (%s) = %v after sorting the register, want %s", cell, formula, cellAt(got, r, c), row[c])
			}
		}
	}
	if n < 10 {
		t.Errorf("compared only %d totals", n)
	}
}

func cellAt(rows [][]string, r, c int) string {
	if r < len(rows) && c < len(rows[r]) {
		return rows[r][c]
	}
	return "(none)"
}

// sameNumber compares a recalculated value with a cached one.
func sameNumber(got, want string) bool {
	w, err1 := strconv.ParseFloat(want, 64)
	g, err2 := strconv.ParseFloat(got, 64)
	return err1 == nil && err2 == nil && math.Abs(w-g) <= 1e-9*math.Max(1, math.Abs(w))
}

// TestLibreOfficeSplit recalculates a workbook whose ledger continues on
// further sheets: formulas that name every part agree with their cached
// values.
func TestLibreOfficeSplit(t *testing.T) {
	defer func(n int) { maxRows = n }(maxRows)
	maxRows = 4
	r := testReport(t)
	r.Ledger = append(r.Ledger.(pipeline.Activities), r.Ledger.(pipeline.Activities)[0])
	if err := aggregate.Report(r); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "split.xlsx")
	if err := os.WriteFile(book, writeBook(t, r), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "csv")
	recalculate(t, out, book)
	n, mismatches := formulaMismatches(t, book, out)
	for _, m := range mismatches {
		t.Error(m)
	}
	if n < 20 {
		t.Errorf("compared only %d formulas", n)
	}
	total := readCSV(t, filepath.Join(out, "split-Activities (4).csv"))
	if got := cellAt(total, 2, actParticipants-1); !sameNumber(got, "294") { // 174 + the first activity's 120 again
		t.Errorf("Activities (4) total participants = %s, want 294", got)
	}
}

// hideRows hides rows of a sheet, as a filter does, with openpyxl.
const hideRows = `
import sys, openpyxl
src, dst, sheet = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)
for r in sys.argv[4:]:
    wb[sheet].row_dimensions[int(r)].hidden = True
wb.save(dst)
`

// TestFilteredTotal hides activities as a filter would: the total row
// adds up the rows shown.
func TestFilteredTotal(t *testing.T) {
	python := "/usr/bin/python3"
	if exec.Command(python, "-c", "import openpyxl").Run() != nil {
		t.Fatal("/usr/bin/python3 with openpyxl not installed: apt-get install python3-openpyxl (.ci/run does)")
	}
	r := testReport(t)
	r.Rates = pipeline.NewRates("MNT", append(r.RateList, pipeline.Rate{Currency: "USD", Base: "MNT",
		Span: pipeline.RateSpan{Label: "2025", From: day(2025, 1, 1), To: day(2025, 12, 31)}, Rate: dec(t, "3400")}))
	if err := aggregate.Report(r); err != nil {
		t.Fatal(err)
	}
	if !r.GrandConverted {
		t.Fatal("the report converts only some amounts; the test wants every one converted")
	}
	dir := t.TempDir()
	book, filtered := filepath.Join(dir, "book.xlsx"), filepath.Join(dir, "filtered.xlsx")
	if err := os.WriteFile(book, writeBook(t, r), 0o644); err != nil {
		t.Fatal(err)
	}
	// Rows 2 and 4: A-001 (120 participants, 1,500,000.50 MNT) and A-003
	// (12 participants, 1,234.567 KWD = 13,580,391.32 MNT).
	if out, err := exec.Command(python, "-c", hideRows, book, filtered, "Activities", "2", "4").CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "csv")
	recalculate(t, out, book, filtered)
	all := readCSV(t, filepath.Join(out, "book-Activities.csv"))
	shown := readCSV(t, filepath.Join(out, "filtered-Activities.csv"))
	for _, c := range []struct {
		rows      [][]string
		col       int
		want, why string
	}{
		{all, actParticipants, "174", "participants of every activity"},
		{shown, actParticipants, "42", "participants of the activities shown (174 - 120 - 12)"},
		{all, actReporting, "21443891.82", "every amount converted"},
		{shown, actReporting, "6363500", "amounts shown, converted (21,443,891.82 - 1,500,000.50 - 13,580,391.32)"},
	} {
		if got := cellAt(c.rows, 7, c.col-1); !sameNumber(got, c.want) {
			t.Errorf("Activities!%s = %s, want %s: %s", ref(c.col, 8), got, c.want, c.why)
		}
	}
}

// setCell sets one cell of a sheet to a number, with openpyxl, as a
// finance officer correcting an amount would.
const setCell = `
import sys, openpyxl
src, dst, sheet, cell, value = sys.argv[1:6]
wb = openpyxl.load_workbook(src)
wb[sheet][cell].value = float(value)
wb.save(dst)
`

// TestCorrectedAmount corrects an amount on the Activities sheet: the
// Finance figures that hold it follow when LibreOffice recalculates, the
// others stay.
func TestCorrectedAmount(t *testing.T) {
	python := "/usr/bin/python3"
	if exec.Command(python, "-c", "import openpyxl").Run() != nil {
		t.Fatal("/usr/bin/python3 with openpyxl not installed: apt-get install python3-openpyxl (.ci/run does)")
	}
	dir := t.TempDir()
	book, fixed := filepath.Join(dir, "book.xlsx"), filepath.Join(dir, "fixed.xlsx")
	if err := os.WriteFile(book, writeBook(t, testReport(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	// A-002, the exhibition in Japan in March: 250,000 JPY becomes 260,000.
	if out, err := exec.Command(python, "-c", setCell, book, fixed, "Activities", "L3", "260000").CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "csv")
	recalculate(t, out, fixed)
	fin := readCSV(t, filepath.Join(out, "fixed-Finance.csv"))
	for _, c := range []struct{ cell, want, what string }{
		{"E2", "260000", "Japan's JPY in 2025-Q1"},
		{"E9", "261000", "all JPY (and 1,000 in 2025-Q4)"},
		{"E15", "261000", "Japan's JPY over the year"},
		{"E3", "1500000.5", "Russia's MNT in 2025-Q1, untouched"},
	} {
		col, row, _ := excelize.CellNameToCoordinates(c.cell)
		if got := cellAt(fin, row-1, col-1); !sameNumber(got, c.want) {
			t.Errorf("Finance!%s (%s) = %s after the correction, want %s", c.cell, c.what, got, c.want)
		}
	}
}
