package source

import (
	"io"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The rows of Open with Options.Stored give every cell as the workbook
// stores it, the widths and the merged ranges: what ReadSheets read of
// the whole workbook at once (the copies' reader before they streamed),
// row by row.
func TestStoredRows(t *testing.T) {
	x := excelize.NewFile()
	defer x.Close()
	const s = "Register"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(x.SetSheetName("Sheet1", s))
	date, err := x.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	custom := "#,##0.00 [$MNT]"
	money, err := x.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	must(err)
	text, err := x.NewStyle(&excelize.Style{NumFmt: 49})
	must(err)
	must(x.SetCellStr(s, "A1", "Title over four columns"))
	must(x.MergeCell(s, "A1", "D1"))
	must(x.SetCellStr(s, "A2", "   ")) // a row of spaces, kept
	must(x.SetSheetRow(s, "A3", &[]any{"ID", "Date", "Amount", "Done", "Formula", "Shared"}))
	must(x.SetColWidth(s, "B", "B", 14))
	must(x.SetColWidth(s, "E", "F", 30))
	for i := range 4 {
		r := 4 + i
		must(x.SetCellStr(s, cellName(1, r), "0012"))
		must(x.SetCellStyle(s, cellName(1, r), cellName(1, r), text))
		must(x.SetCellValue(s, cellName(2, r), 42014.0+float64(i)))
		must(x.SetCellStyle(s, cellName(2, r), cellName(2, r), date))
		must(x.SetCellValue(s, cellName(3, r), 1250.5*float64(i)))
		must(x.SetCellStyle(s, cellName(3, r), cellName(3, r), money))
		must(x.SetCellBool(s, cellName(4, r), i%2 == 0))
		must(x.SetCellFormula(s, cellName(5, r), "C"+itoa(r)+"*2"))
		must(x.SetCellValue(s, cellName(5, r), 2501.0*float64(i)))
	}
	must(x.SetCellFormula(s, "F4", "C4+1", excelize.FormulaOpts{Type: &[]string{excelize.STCellFormulaTypeShared}[0], Ref: &[]string{"F4:F7"}[0]}))
	must(x.SetCellStr(s, "C9", "lots"))
	must(x.MergeCell(s, "E9", "F10"))
	path := saveBook(t, x, "register.xlsx")

	want, _, err := ReadSheets(path, "register.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := Open(path, "register.xlsx", Options{Stored: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb := f.Tables()[0]
	got := Sheet{Name: tb.Sheet}
	for {
		row, err := tb.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for len(got.Rows) < row.Number {
			got.Rows = append(got.Rows, nil)
		}
		got.Rows[row.Number-1] = append([]Cell(nil), row.Stored...)
	}
	l := tb.Layout()
	for j := range want[0].Widths {
		got.Widths = append(got.Widths, l.Width(j+1))
	}
	got.Merged = l.Merged
	// ReadSheets reads the formula of a copy of a shared formula as the
	// copy's; the rows give the original's, which is all the copy's note
	// shows.
	for i := 4; i < 7; i++ {
		want[0].Rows[i][5].Formula = "C4+1"
	}
	for i, r := range want[0].Rows {
		if len(r) == 0 {
			want[0].Rows[i] = nil // no row
		}
	}
	if !reflect.DeepEqual(got, want[0]) {
		t.Errorf("stored rows:\n%+v\nReadSheets:\n%+v", got, want[0])
	}
}

func itoa(n int) string { return cellName(1, n)[1:] }
