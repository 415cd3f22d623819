package xlsx

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"coopreport/pipeline"

	"github.com/xuri/excelize/v2"
)

// A date in an extra column reaches the register as a date cell, as
// excelize and openpyxl read it; text stays text, even when it looks like
// a number.
func TestExtraDates(t *testing.T) {
	r := testReport(t)
	r.AgreementColumns = []string{"Файл ссылки", "Received", "Time", "Code"}
	r.Agreements[0].Extra = []pipeline.Field{
		{Name: "Received", Value: "2013-01-18", Date: day(2013, 1, 18)},
		{Name: "Time", Value: "2013-01-18 14:30"}, // a date and time: shown as written
		{Name: "Code", Value: "41292"},            // text that looks like a serial
	}
	data := writeBook(t, r)
	f := openBook(t, data)
	tests := []struct {
		cell, value, numFmt string
		typ                 excelize.CellType
	}{
		{"S2", serial(day(2013, 1, 18)), "yyyy-mm-dd", excelize.CellTypeUnset},
		{"T2", "2013-01-18 14:30", "", excelize.CellTypeInlineString},
		{"U2", "41292", "", excelize.CellTypeInlineString},
	}
	for _, tc := range tests {
		if h, _ := f.GetCellValue(sheetAgreements, strings.Replace(tc.cell, "2", "1", 1)); h == "" {
			t.Errorf("%s: no header", tc.cell)
		}
		v, _ := f.GetCellValue(sheetAgreements, tc.cell)
		typ, _ := f.GetCellType(sheetAgreements, tc.cell)
		if v != tc.value || typ != tc.typ {
			t.Errorf("%s = %q (type %v), want %q (type %v)", tc.cell, v, typ, tc.value, tc.typ)
		}
		if tc.numFmt != "" {
			id, _ := f.GetCellStyle(sheetAgreements, tc.cell)
			st, err := f.GetStyle(id)
			if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != tc.numFmt {
				t.Errorf("%s: number format %v, want %q", tc.cell, st.CustomNumFmt, tc.numFmt)
			}
		}
	}

	// openpyxl, what scripts read the workbook with, sees a date.
	python := "/usr/bin/python3"
	if exec.Command(python, "-c", "import openpyxl").Run() != nil {
		t.Skip("python3 with openpyxl not installed")
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Agreements"]
for ref in ("S2", "T2", "U2"):
    c = ws[ref]
    print(ref, c.is_date, repr(c.value))
`, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	want := "S2 True datetime.datetime(2013, 1, 18, 0, 0)\nT2 False '2013-01-18 14:30'\nU2 False '41292'"
	if got := strings.TrimSpace(string(out)); got != want {
		t.Errorf("openpyxl sees\n%s\nwant\n%s", got, want)
	}
}

// More extra columns than a worksheet holds: the register keeps what fits,
// and says which columns it leaves out and from which input files.
func TestColumnCut(t *testing.T) {
	r := testReport(t)
	const n = 16400
	cols := make([]string, n)
	wide := make([]pipeline.Field, n)
	for i := range cols {
		cols[i] = fmt.Sprintf("column %d", i+18)
		wide[i] = pipeline.Field{Name: cols[i], Value: fmt.Sprint(i)}
	}
	r.AgreementColumns = cols
	r.Agreements[1].Pos.File = "wide.csv"
	r.Agreements[1].Extra = wide
	r.Agreements[0].Extra = wide[:10] // agreements.xlsx holds only columns that fit

	warnings := ColumnWarnings(r)
	if len(warnings) != 1 {
		t.Fatalf("warnings %q, want one", warnings)
	}
	keep := maxColumns - len(agreementHeaders) - len(posHeaders)
	for _, words := range []string{
		"Agreements sheet leaves out 36 of the 16400 extra columns of wide.csv",
		fmt.Sprintf("%q, %q, %q and 33 more", cols[keep], cols[keep+1], cols[keep+2]),
		"at most 16384 columns",
	} {
		if !strings.Contains(warnings[0].Message, words) {
			t.Errorf("warning %q does not say %q", warnings[0].Message, words)
		}
	}
	if strings.Contains(warnings[0].Message, "agreements.xlsx") || warnings[0].Numbers {
		t.Errorf("warning %+v names a file whose columns fit, or says the numbers suffer", warnings[0])
	}

	f := openBook(t, writeBook(t, r))
	last, _ := excelize.CoordinatesToCellName(maxColumns, 1)
	if v, _ := f.GetCellValue(sheetAgreements, last); v != "Source row" {
		t.Errorf("%s = %q, want the last source column", last, v)
	}
	cell, _ := excelize.CoordinatesToCellName(len(agreementHeaders)+keep, 3)
	if v, _ := f.GetCellValue(sheetAgreements, cell); v != fmt.Sprint(keep-1) {
		t.Errorf("%s = %q, want the last extra column that fits", cell, v)
	}
	if notes := aboutCount(t, f, warnings[0].Message); notes != 1 {
		t.Errorf("the About sheet says it %d times", notes)
	}

	// A run that warns already: the About sheet lists it once.
	r.Warnings = append(r.Warnings, warnings...)
	if notes := aboutCount(t, openBook(t, writeBook(t, r)), warnings[0].Message); notes != 1 {
		t.Errorf("with the warning in the report, the About sheet says it %d times", notes)
	}

	r.AgreementColumns = cols[:keep]
	if w := ColumnWarnings(r); len(w) != 0 {
		t.Errorf("warnings %q when every column fits", w)
	}
}

func aboutCount(t *testing.T, f *excelize.File, msg string) int {
	t.Helper()
	rows, err := f.GetRows(sheetAbout)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, row := range rows {
		for _, c := range row {
			if c == msg {
				n++
			}
		}
	}
	return n
}

func TestWidthRuns(t *testing.T) {
	wide := make([]float64, 300)
	for i := range wide {
		wide[i] = float64(10 + i%2)
	}
	tests := []struct {
		name   string
		widths []float64
		want   []widthRun
	}{
		{"none", nil, nil},
		{"equal neighbours merge, highest first", []float64{8, 8, 12, 8},
			[]widthRun{{4, 4, 8}, {3, 3, 12}, {1, 2, 8}}},
		{"only the first columns get widths", wide, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := widthRuns(tt.widths)
			if tt.widths != nil && len(tt.widths) > widthCols {
				if len(got) != widthCols || got[0].to != widthCols || got[len(got)-1].from != 1 {
					t.Errorf("%d runs from column %d down to %d, want %d runs from %d", len(got), got[0].to, got[len(got)-1].from, widthCols, widthCols)
				}
				return
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("runs %v, want %v", got, tt.want)
			}
		})
	}
}
