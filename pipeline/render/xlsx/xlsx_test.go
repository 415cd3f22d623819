package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"

	"github.com/xuri/excelize/v2"
)

func writeBook(t testing.TB, r *pipeline.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r, Options{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func openBook(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// zipEntries returns the workbook's parts by name, in archive order.
func zipEntries(t testing.TB, data []byte) (names []string, parts map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts = map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, zf.Name)
		parts[zf.Name] = string(b)
	}
	return names, parts
}

func serial(d pipeline.Date) string { return strconv.Itoa(d.ExcelSerial()) }

func TestSheetNames(t *testing.T) {
	f := openBook(t, writeBook(t, testReport(t)))
	want := []string{"Summary", "Finance", "Agreements", "Activities", "Data issues", "About"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
}

// sumifs is the formula of a Finance amount by bucket: column col of the
// Activities sheet's 6 activities, of row's country and currency, dated
// from..to.
func sumifs(col string, row int, from, to string) string {
	r := func(c string) string { return "'Activities'!$" + c + "$2:$" + c + "$7" }
	return fmt.Sprintf(`SUMIFS(%s,%s,$C%d,%s,$D%d,%s,">="&DATE(%s),%s,"<="&DATE(%s))`,
		r(col), r("E"), row, r("M"), row, r("B"), from, r("B"), to)
}

func round(f string, digits int) string { return fmt.Sprintf("ROUND(%s,%d)", f, digits) }

// TestCells checks values, cell types, number formats and formulas with
// their cached values, cell by cell.
func TestCells(t *testing.T) {
	f := openBook(t, writeBook(t, testReport(t)))
	const (
		text = "text"
		num  = "number"
		date = "date"
		none = "empty"
	)
	tests := []struct {
		sheet, cell, kind, value, formula, numFmt string
	}{
		{"Summary", "A2", text, "2025-Q1", "", ""},
		{"Summary", "B2", text, "JP", "", ""},
		{"Summary", "F2", num, "1", "", ""},
		{"Summary", "G3", num, "120", "", ""},
		{"Summary", "E3", num, "1", "", ""},
		{"Summary", "B9", none, "", "", ""}, // multilateral has no code, and comes last
		{"Summary", "C9", text, "Multilateral", "", ""},
		{"Summary", "D15", num, "0", "SUMIF($A$2:$A$12,A15,$D$2:$D$12)", ""},
		{"Summary", "E15", num, "1", "SUMIF($A$2:$A$12,A15,$E$2:$E$12)", ""}, // in force: summed over countries
		{"Summary", "F15", num, "2", "SUMIF($A$2:$A$12,A15,$F$2:$F$12)", ""},
		{"Summary", "G15", num, "150", "SUMIF($A$2:$A$12,A15,$G$2:$G$12)", ""},
		{"Summary", "D16", num, "1", "SUMIF($A$2:$A$12,A16,$D$2:$D$12)", ""},
		{"Summary", "D21", num, "1", "SUMIF($C$2:$C$12,C21,D2:D12)", ""},
		{"Summary", "E21", num, "1", "", ""}, // in force: counted, not summed
		{"Summary", "G21", num, "37", "SUMIF($C$2:$C$12,C21,G2:G12)", ""},
		{"Summary", "G23", num, "120", "SUMIF($C$2:$C$12,C23,G2:G12)", ""},
		{"Summary", "D25", num, "2", "SUM(D2:D12)", ""},
		{"Summary", "G25", num, "174", "SUM(G2:G12)", ""},
		{"Finance", "E2", num, "250000", round(sumifs("L", 2, "2025,1,1", "2025,3,31"), 0), `#,##0 "JPY"`},
		{"Finance", "E3", num, "1500000.5", round(sumifs("L", 3, "2025,1,1", "2025,3,31"), 2), `#,##0.00 "MNT"`},
		{"Finance", "E4", num, "1234.567", round(sumifs("L", 4, "2025,4,1", "2025,6,30"), 3), `#,##0.000 "KWD"`},
		{"Finance", "G2", num, "24", "", ""},
		{"Finance", "H2", num, "6000000", round(sumifs("O", 2, "2025,1,1", "2025,3,31"), 2), `#,##0.00 "MNT"`},
		{"Finance", "H4", num, "13580391.32", round(sumifs("O", 4, "2025,4,1", "2025,6,30"), 2), ""},
		{"Finance", "H5", none, "", "", ""}, // USD: no rate, never guessed
		{"Finance", "I5", text, "not converted: no rate covers some of these amounts", "", ""},
		{"Finance", "E9", num, "251000", "ROUND(SUMIF($D$2:$D$6,D9,$E$2:$E$6),0)", `#,##0 "JPY"`},
		{"Finance", "H9", num, "6023500", "ROUND(SUMIF($D$2:$D$6,D9,$H$2:$H$6),2)", ""},
		{"Finance", "E10", num, "1234.567", "ROUND(SUMIF($D$2:$D$6,D10,$E$2:$E$6),3)", `#,##0.000 "KWD"`},
		{"Finance", "H12", none, "", "", ""},
		{"Finance", "E15", num, "251000", "ROUND(SUMIFS($E$2:$E$6,$C$2:$C$6,C15,$D$2:$D$6,D15),0)", ""},
		{"Finance", "G15", none, "", "", ""}, // two JPY rates: no single rate
		{"Finance", "H15", num, "6023500", "ROUND(SUMIFS($H$2:$H$6,$C$2:$C$6,C15,$D$2:$D$6,D15),2)", ""},
		{"Finance", "H18", none, "", "", ""},
		{"Agreements", "A2", text, "007", "", ""},
		{"Agreements", "I2", text, "Соглашение о культурном сотрудничестве", "", ""},
		{"Agreements", "J2", date, serial(day(2024, 6, 1)), "", "yyyy-mm-dd"},
		{"Agreements", "L2", none, "", "", ""},
		{"Agreements", "N2", text, "in force", "", ""},
		{"Agreements", "O2", none, "", "", ""}, // open-ended
		{"Agreements", "N3", text, "expired during the period", "", ""},
		{"Agreements", "O3", num, "-92", "", ""},
		{"Agreements", "N4", text, "terminated", "", ""},
		{"Agreements", "N5", text, "not yet in force", "", ""},
		{"Agreements", "R1", text, "Файл ссылки", "", ""},
		{"Agreements", "R2", text, "=cmd|' /C calc'!A0", "", ""},
		{"Agreements", "S2", text, "agreements.xlsx", "", ""},
		{"Agreements", "U2", num, "3", "", ""},
		{"Activities", "B2", date, serial(day(2025, 2, 10)), "", "yyyy-mm-dd"},
		{"Activities", "C3", date, serial(day(2025, 3, 9)), "", "yyyy-mm-dd"},
		{"Activities", "J2", text, "Дни культуры Монголии", "", ""},
		{"Activities", "K2", num, "120", "", ""},
		{"Activities", "L3", num, "250000", "", `#,##0 "JPY"`},
		{"Activities", "N3", num, "24", "", ""},
		{"Activities", "O3", num, "6000000", "", `#,##0.00 "MNT"`},
		{"Activities", "L4", num, "1234.567", "", `#,##0.000 "KWD"`},
		{"Activities", "O4", num, "13580391.32", "", ""},
		{"Activities", "J5", text, hostileTitle, "", ""},
		{"Activities", "O5", none, "", "", ""},
		{"Activities", "P5", text, "not converted: no rate for USD on 2025-08-01", "", ""},
		{"Activities", "J6", text, "+1", "", ""},
		{"Activities", "S6", text, "-2", "", ""},
		{"Activities", "R6", text, "@SUM(A1)", "", ""},
		{"Activities", "Q6", text, "\tTabbed\r", "", ""},
		{"Activities", "T6", text, "007", "", ""},
		{"Activities", "A7", text, "0042", "", ""},
		{"Activities", "O7", num, "23500", "", ""},
		{"Data issues", "C2", num, "7", "", ""},
		{"Data issues", "E3", text, "0012", "", ""},
		{"Data issues", "E4", text, "=1+1", "", ""},
		{"Data issues", "F4", text, "not an amount", "", ""},
		{"About", "B4", text, hostileTitle, "", ""},
		{"About", "B6", date, serial(day(2025, 1, 1)), "", "yyyy-mm-dd"},
		{"About", "B11", text, "2026-01-15T08:30:00+08:00", "", ""}, // in the report's time zone
		{"About", "B12", text, "coopreport v0.1.0-test", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.sheet+"!"+tc.cell, func(t *testing.T) {
			v, err := f.GetCellValue(tc.sheet, tc.cell)
			if err != nil {
				t.Fatal(err)
			}
			if v != tc.value {
				t.Errorf("value = %q, want %q", v, tc.value)
			}
			typ, _ := f.GetCellType(tc.sheet, tc.cell)
			switch tc.kind {
			case text:
				if typ != excelize.CellTypeInlineString {
					t.Errorf("type = %v, want an inline string", typ)
				}
			case num, date:
				if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber && typ != excelize.CellTypeFormula {
					t.Errorf("type = %v, want a number", typ)
				}
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					t.Errorf("value %q is not a number", v)
				}
			}
			formula, _ := f.GetCellFormula(tc.sheet, tc.cell)
			if formula != tc.formula {
				t.Errorf("formula = %q, want %q", formula, tc.formula)
			}
			if tc.numFmt != "" {
				id, _ := f.GetCellStyle(tc.sheet, tc.cell)
				st, err := f.GetStyle(id)
				if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != tc.numFmt {
					t.Errorf("number format = %v, want %q", st.CustomNumFmt, tc.numFmt)
				}
			}
		})
	}
}

// TestCraft checks what makes the registers usable: frozen headers,
// filters, tables, print titles, column widths, the chart, properties.
func TestCraft(t *testing.T) {
	data := writeBook(t, testReport(t))
	f := openBook(t, data)
	for _, sh := range []string{"Summary", "Finance", "Agreements", "Activities", "Data issues"} {
		p, err := f.GetPanes(sh)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
			t.Errorf("%s: panes = %+v, %v; want the header row frozen", sh, p, err)
		}
	}
	tables := map[string]string{"Agreements": "A1:U5", "Activities": "A1:W7", "Data issues": "A1:F4"}
	for sh, rng := range tables {
		ts, err := f.GetTables(sh)
		if err != nil || len(ts) != 1 || ts[0].Range != rng {
			t.Errorf("%s: tables = %+v, %v; want one over %s", sh, ts, err, rng)
		}
	}
	_, parts := zipEntries(t, data)
	for path, filter := range map[string]string{
		"xl/worksheets/sheet1.xml": `<autoFilter ref="$A$1:$G$12">`,
		"xl/worksheets/sheet2.xml": `<autoFilter ref="$A$1:$I$6">`,
	} {
		if !strings.Contains(parts[path], filter) {
			t.Errorf("%s has no %s", path, filter)
		}
	}
	for i := 1; i <= 3; i++ {
		if !strings.Contains(parts["xl/tables/table"+strconv.Itoa(i)+".xml"], "<autoFilter") {
			t.Errorf("table %d has no filter buttons", i)
		}
	}
	titles := map[string]bool{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = true
			if !strings.HasSuffix(dn.RefersTo, "!$1:$1") {
				t.Errorf("print titles of %s = %q", dn.Scope, dn.RefersTo)
			}
		}
	}
	for _, sh := range []string{"Summary", "Finance", "Agreements", "Activities", "Data issues"} {
		if !titles[sh] {
			t.Errorf("%s: no print titles", sh)
		}
	}
	for i := 1; i <= 6; i++ {
		sheetXML := parts["xl/worksheets/sheet"+strconv.Itoa(i)+".xml"]
		if !strings.Contains(sheetXML, "&amp;P of &amp;N") {
			t.Errorf("sheet%d: no page numbers in the footer", i)
		}
		// <col> elements must ascend, and widths follow the content.
		var mins []int
		for _, m := range regexp.MustCompile(`<col min="(\d+)"`).FindAllStringSubmatch(sheetXML, -1) {
			n, _ := strconv.Atoi(m[1])
			mins = append(mins, n)
		}
		if len(mins) == 0 || !slices.IsSorted(mins) {
			t.Errorf("sheet%d: <col> mins %v, want ascending", i, mins)
		}
	}
	if w, _ := f.GetColWidth("Agreements", "I"); w < 30 || w > maxWidth {
		t.Errorf("Agreements title column width = %v, want it fitted to the Cyrillic title", w)
	}
	if w, _ := f.GetColWidth("Agreements", "A"); w > 10 {
		t.Errorf("Agreements id column width = %v, want narrow", w)
	}
	if !strings.Contains(parts["xl/comments1.xml"], "never over buckets") {
		t.Error("no comment explaining agreements in force")
	}
	props, err := f.GetDocProps()
	if err != nil || props.Created != "2026-01-15T00:30:00Z" || props.Modified != props.Created || props.Creator != "coopreport v0.1.0-test" {
		t.Errorf("doc props = %+v, %v", props, err)
	}
}

// TestDimension checks <dimension> on streamed sheets: readers that trust
// it (pandas, openpyxl read-only) would otherwise see one cell.
func TestDimension(t *testing.T) {
	f := openBook(t, writeBook(t, testReport(t)))
	want := map[string]string{"Summary": "A1:G38", "Finance": "A1:I28", "Agreements": "A1:U5",
		"Activities": "A1:W8", "Data issues": "A1:F4"}
	for sh, w := range want {
		if got, err := f.GetSheetDimension(sh); err != nil || got != w {
			t.Errorf("%s: dimension = %q, %v; want %q", sh, got, err, w)
		}
	}
	if got, _ := f.GetSheetDimension("About"); got == "A1" {
		t.Error("About: dimension left at A1")
	}
}

func TestDeterministic(t *testing.T) {
	first := writeBook(t, testReport(t))
	for i := 0; i < 8; i++ {
		if again := writeBook(t, testReport(t)); !bytes.Equal(first, again) {
			t.Fatalf("run %d wrote different bytes", i+2)
		}
	}
	names, _ := zipEntries(t, first)
	if !slices.IsSorted(names) {
		t.Errorf("zip entries not sorted: %q", names)
	}
}

// TestSplit lets the ledger outgrow a (shrunken) worksheet: it continues
// on further sheets, each a table with its header, room kept for the
// total row on the last, which adds up every part; About says so.
func TestSplit(t *testing.T) {
	defer func(n int) { maxRows = n }(maxRows)
	maxRows = 4 // a header and three rows, or two and the total row
	r := testReport(t)
	acts := r.Ledger.(pipeline.Activities)
	r.Ledger = append(acts, acts[0])
	data := writeBook(t, r)
	f := openBook(t, data)
	want := []string{"Summary", "Finance", "Agreements", "Agreements (2)", "Activities", "Activities (2)", "Activities (3)",
		"Activities (4)", "Data issues", "About"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	for sh, dim := range map[string]string{"Activities": "A1:W3", "Activities (2)": "A1:W3", "Activities (3)": "A1:W3",
		"Activities (4)": "A1:W3", "Agreements (2)": "A1:U2"} {
		if got, _ := f.GetSheetDimension(sh); got != dim {
			t.Errorf("%s: dimension %q, want %q", sh, got, dim)
		}
		if h, _ := f.GetCellValue(sh, "A1"); h != "ID" {
			t.Errorf("%s: header A1 = %q", sh, h)
		}
	}
	if v, _ := f.GetCellValue("Activities (2)", "A2"); v != "A-003" {
		t.Errorf("Activities (2)!A2 = %q, want the 3rd activity", v)
	}
	if v, _ := f.GetCellValue("Activities (4)", "A2"); v != "A-001" {
		t.Errorf("Activities (4)!A2 = %q, want the 7th activity", v)
	}
	if ts, _ := f.GetTables("Activities (4)"); len(ts) != 1 || ts[0].Name != "Activities4" || ts[0].Range != "A1:W2" {
		t.Errorf("Activities (4) tables = %+v, want Activities4 over A1:W2", ts)
	}
	wantTotal := "SUBTOTAL(109,'Activities'!$K$2:$K$3,'Activities (2)'!$K$2:$K$3,'Activities (3)'!$K$2:$K$3,'Activities (4)'!$K$2:$K$2)"
	if got, _ := f.GetCellFormula("Activities (4)", "K3"); got != wantTotal {
		t.Errorf("Activities (4)!K3 = %q, want %q", got, wantTotal)
	}
	for _, sh := range []string{"Activities", "Activities (2)", "Activities (3)"} {
		if got, _ := f.GetCellFormula(sh, "K3"); got != "" {
			t.Errorf("%s!K3 = %q, want no total before the last part", sh, got)
		}
	}
	rows, _ := f.GetRows("About")
	found := false
	for _, row := range rows {
		if len(row) > 1 && strings.Contains(row[1], `"Activities (4)" holds rows 7 to 7 of the 7 rows of "Activities"`) {
			found = true
		}
	}
	if !found {
		t.Error("About does not say the ledger continues on another sheet")
	}
	if !bytes.Equal(data, writeBook(t, r)) {
		t.Error("split workbook not deterministic")
	}
}

func TestLongText(t *testing.T) {
	r := testReport(t)
	r.Title = strings.Repeat("я", 40000)
	r.Ledger.(pipeline.Activities)[0].Notes = strings.Repeat("😀", 20000) // two UTF-16 units each
	f := openBook(t, writeBook(t, r))
	for _, c := range []struct{ sheet, cell string }{{"About", "B4"}, {"Activities", "S2"}} {
		v, _ := f.GetCellValue(c.sheet, c.cell)
		if n := len(utf16.Encode([]rune(v))); n > maxCellChars {
			t.Errorf("%s!%s: %d characters, more than a cell holds", c.sheet, c.cell, n)
		}
		if !strings.HasSuffix(v, " [cut: 40000 characters in the input]") && !strings.HasSuffix(v, " [cut: 20000 characters in the input]") {
			t.Errorf("%s!%s ends %q, want the cut note", c.sheet, c.cell, v[max(0, len(v)-60):])
		}
	}
}

func TestInconsistentReport(t *testing.T) {
	tests := []struct {
		name   string
		change func(r *pipeline.Report)
		want   string
	}{
		{"bucket order", func(r *pipeline.Report) { r.Summary[0], r.Summary[3] = r.Summary[3], r.Summary[0] }, "bucket order"},
		{"bucket totals", func(r *pipeline.Report) { r.BucketTotals = nil }, "no totals for the bucket"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := testReport(t)
			tc.change(r)
			err := Write(io.Discard, r, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Write = %v, want an error about %s", err, tc.want)
			}
		})
	}
}

func TestEmptyReport(t *testing.T) {
	r := &pipeline.Report{Version: "v0", Made: time.Unix(0, 0), Period: year2025(), Rates: pipeline.NewRates("", nil)}
	f := openBook(t, writeBook(t, r))
	if n := len(f.GetSheetList()); n != 6 {
		t.Errorf("%d sheets, want 6", n)
	}
}

func TestText(t *testing.T) {
	long := strings.Repeat("a", maxCellChars+5)
	tests := []struct{ in, wantSuffix string }{
		{"short", "short"},
		{strings.Repeat("a", maxCellChars), "aaaa"},
		{long, "a… [cut: 32772 characters in the input]"},
	}
	for _, tc := range tests {
		got := text(tc.in)
		if !strings.HasSuffix(got, tc.wantSuffix) || utf16Len(got) > maxCellChars {
			t.Errorf("text(%d chars) ends %q (%d units)", len(tc.in), got[max(0, len(got)-50):], utf16Len(got))
		}
	}
}

func TestSheetName(t *testing.T) {
	tests := []struct {
		in    string
		taken []string
		want  string
	}{
		{"Activities", nil, "Activities"},
		{"Activities", []string{"activities"}, "Activities (2)"},
		{"Activities", []string{"Activities", "Activities (2)"}, "Activities (3)"},
		{"a[b]c:d*e?f/g\\h", nil, "a_b_c_d_e_f_g_h"},
		{"'quoted'", nil, "quoted"},
		{"", nil, "Sheet"},
		{strings.Repeat("Ж", 40), nil, strings.Repeat("Ж", 31)},
		{strings.Repeat("Ж", 40), []string{strings.Repeat("Ж", 31)}, strings.Repeat("Ж", 27) + " (2)"},
	}
	for _, tc := range tests {
		if got := sheetName(tc.in, tc.taken); got != tc.want {
			t.Errorf("sheetName(%q, %q) = %q, want %q", tc.in, tc.taken, got, tc.want)
		}
	}
}

func TestHeaders(t *testing.T) {
	got := headers(lang.English, []string{"ID", "id", "", "a\nb", "ID"})
	want := []string{"ID", "id (2)", "Column 3", "a b", "ID (3)"}
	if !slices.Equal(got, want) {
		t.Errorf("headers = %q, want %q", got, want)
	}
}

// TestFontsNamed: every font of every style names its family and size,
// else LibreOffice draws it in its own default, a serif.
func TestFontsNamed(t *testing.T) {
	_, parts := zipEntries(t, writeBook(t, testReport(t)))
	var styles struct {
		Fonts []struct {
			Name *struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
			Size *struct {
				Val string `xml:"val,attr"`
			} `xml:"sz"`
			Bold *struct{} `xml:"b"`
		} `xml:"fonts>font"`
		Xfs []struct {
			FontID int `xml:"fontId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := xml.Unmarshal([]byte(parts["xl/styles.xml"]), &styles); err != nil {
		t.Fatalf("xl/styles.xml: %v", err)
	}
	if len(styles.Fonts) < 2 {
		t.Fatalf("xl/styles.xml has %d fonts, want the default and the bold ones at least", len(styles.Fonts))
	}
	for i, f := range styles.Fonts {
		if f.Name == nil || f.Name.Val != fontName {
			t.Errorf("font %d (bold %t) has the name %+v, want %s", i, f.Bold != nil, f.Name, fontName)
		}
		if f.Size == nil || f.Size.Val == "" {
			t.Errorf("font %d (bold %t) has no size", i, f.Bold != nil)
		}
	}
	for i, x := range styles.Xfs {
		if x.FontID < 0 || x.FontID >= len(styles.Fonts) {
			t.Errorf("cell style %d names font %d of %d", i, x.FontID, len(styles.Fonts))
		}
	}
}

// TestNumbersStoredAsText: every text cell that reads as a number (ids
// such as 007, period labels such as 2025) lies in an <ignoredError
// numberStoredAsText>, so Excel shows no green triangle in its corner.
func TestNumbersStoredAsText(t *testing.T) {
	_, parts := zipEntries(t, writeBook(t, testReport(t)))
	cell := regexp.MustCompile(`<c r="([A-Z]+)([0-9]+)"[^>]*t="inlineStr"[^>]*><is><t[^>]*>([^<]*)</t></is></c>`)
	ignored := regexp.MustCompile(`<ignoredError sqref="([^"]*)" numberStoredAsText="(?:1|true)"`)
	seen := 0
	for i := 1; i <= 6; i++ {
		name := "xl/worksheets/sheet" + strconv.Itoa(i) + ".xml"
		var areas [][4]int
		for _, m := range ignored.FindAllStringSubmatch(parts[name], -1) {
			for _, a := range strings.Fields(m[1]) {
				from, to, _ := strings.Cut(a, ":")
				if to == "" {
					to = from
				}
				c1, r1, err1 := excelize.CellNameToCoordinates(from)
				c2, r2, err2 := excelize.CellNameToCoordinates(to)
				if err1 != nil || err2 != nil {
					t.Fatalf("%s: sqref %q", name, m[1])
				}
				areas = append(areas, [4]int{c1, r1, c2, r2})
			}
		}
		for _, m := range cell.FindAllStringSubmatch(parts[name], -1) {
			if _, err := strconv.ParseFloat(strings.TrimSpace(m[3]), 64); err != nil {
				continue
			}
			seen++
			c, _ := excelize.ColumnNameToNumber(m[1])
			r, _ := strconv.Atoi(m[2])
			in := false
			for _, a := range areas {
				in = in || (a[0] <= c && c <= a[2] && a[1] <= r && r <= a[3])
			}
			if !in {
				t.Errorf("%s: %s%s holds the number %q as text, and no ignoredError spares it the green triangle", name, m[1], m[2], m[3])
			}
		}
	}
	if seen < 5 {
		t.Errorf("found %d numbers stored as text, want the ids 007 and 0042, the period label 2025 and more", seen)
	}
}

// TestEmptyRegisterNoFilter: filter buttons over a register with rows,
// none over an empty one (nothing to filter, and LibreOffice would show
// a filter over the blank row below the header).
func TestEmptyRegisterNoFilter(t *testing.T) {
	r := testReport(t)
	r.Rejects = nil
	f := openBook(t, writeBook(t, r))
	if ts, _ := f.GetTables("Data issues"); len(ts) != 0 {
		t.Errorf("the empty Data issues sheet has tables %+v", ts)
	}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == "Data issues" {
			t.Errorf("the empty Data issues sheet has a filter over %s", dn.RefersTo)
		}
	}
	for _, sh := range []string{"Agreements", "Activities"} {
		if ts, _ := f.GetTables(sh); len(ts) != 1 {
			t.Errorf("%s: tables %+v, want one, with its filter buttons", sh, ts)
		}
	}
}

// TestPageSetup: how each sheet prints. Narrow sheets fit the page's
// width; the wide registers print at full size, landscape, across pages
// that repeat the header row and the id column; every sheet has a print
// area over what it holds, the Summary's chart included.
func TestPageSetup(t *testing.T) {
	data := writeBook(t, testReport(t))
	f := openBook(t, data)
	_, parts := zipEntries(t, data)
	names := map[string]map[string]string{} // sheet → defined name → refers to
	for _, dn := range f.GetDefinedName() {
		if names[dn.Scope] == nil {
			names[dn.Scope] = map[string]string{}
		}
		names[dn.Scope][dn.Name] = dn.RefersTo
	}
	tests := []struct {
		sheet, orientation string
		fit                bool
		titles, area       string
	}{
		{"Summary", "portrait", true, "'Summary'!$1:$1", "'Summary'!$A$1:$G$"},
		{"Finance", "landscape", true, "'Finance'!$1:$1", "'Finance'!$A$1:$I$28"},
		{"Agreements", "landscape", false, "'Agreements'!$A:$A,'Agreements'!$1:$1", "'Agreements'!$A$1:$U$5"},
		{"Activities", "landscape", false, "'Activities'!$A:$A,'Activities'!$1:$1", "'Activities'!$A$1:$W$8"},
		{"Data issues", "landscape", true, "'Data issues'!$1:$1", "'Data issues'!$A$1:$F$4"},
		{"About", "landscape", true, "", "'About'!$A$1:$E$"},
	}
	for i, tc := range tests {
		t.Run(tc.sheet, func(t *testing.T) {
			sheetXML := parts["xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml"]
			setup := regexp.MustCompile(`<pageSetup [^>]*>`).FindString(sheetXML)
			if !strings.Contains(setup, `orientation="`+tc.orientation+`"`) || !strings.Contains(setup, `paperSize="9"`) {
				t.Errorf("page setup %s, want %s on A4", setup, tc.orientation)
			}
			fits := strings.Contains(sheetXML, `fitToPage="true"`) && strings.Contains(setup, `fitToWidth="1"`)
			if fits != tc.fit {
				t.Errorf("fitted to the page's width: %t, want %t (%s)", fits, tc.fit, setup)
			}
			if !tc.fit && !strings.Contains(setup, `pageOrder="overThenDown"`) {
				t.Errorf("page setup %s: the pages of the same rows do not follow each other", setup)
			}
			if got := names[tc.sheet]["_xlnm.Print_Titles"]; got != tc.titles {
				t.Errorf("print titles %q, want %q", got, tc.titles)
			}
			if got := names[tc.sheet]["_xlnm.Print_Area"]; !strings.HasPrefix(got, tc.area) || (strings.HasSuffix(tc.area, "$") && got == tc.area) {
				t.Errorf("print area %q, want %s…", got, tc.area)
			}
		})
	}
	// The chart lies inside the Summary's print area.
	area := names["Summary"]["_xlnm.Print_Area"]
	_, last, _ := excelize.CellNameToCoordinates(area[strings.LastIndexByte(area, ':')+1:])
	to := regexp.MustCompile(`<xdr:to><xdr:col>(\d+)</xdr:col><xdr:colOff>\d+</xdr:colOff><xdr:row>(\d+)</xdr:row>`).FindStringSubmatch(parts["xl/drawings/drawing1.xml"])
	if to == nil {
		t.Fatalf("the Summary's drawing has no anchor: %s", parts["xl/drawings/drawing1.xml"])
	}
	col, _ := strconv.Atoi(to[1])
	row, _ := strconv.Atoi(to[2])
	if col > 6 || row+1 > last {
		t.Errorf("the chart ends at column %d, row %d (0-based), outside the print area %s", col, row, area)
	}
}

// TestChart: the Summary's chart plots the countries with activities, the
// most first, from a block of references to their whole-period rows; one
// dark colour, no rainbow; black labels.
func TestChart(t *testing.T) {
	data := writeBook(t, testReport(t))
	f := openBook(t, data)
	_, parts := zipEntries(t, data)
	chart := parts["xl/charts/chart1.xml"]
	for _, want := range []string{
		"<f>&#39;Summary&#39;!$C$35:$C$38</f>", "<f>&#39;Summary&#39;!$F$35:$F$38</f>",
		`<varyColors val="0"`, `<a:srgbClr val="1F4E79"`, `<orientation val="maxMin"`, `<showVal val="1"`,
	} {
		if !strings.Contains(chart, want) {
			t.Errorf("the chart has no %s", want)
		}
	}
	if strings.Contains(chart, `<varyColors val="1"`) {
		t.Error("the chart varies its colours by point")
	}
	// Every text the chart sets (title, axes, data labels) is black.
	texts := regexp.MustCompile(`<a:defRPr [^>]*sz="[^>]*>.*?</a:defRPr>|<a:rPr[^>]*>.*?</a:rPr>`).FindAllString(chart, -1)
	if len(texts) < 4 {
		t.Errorf("the chart sets %d texts, want the title, both axes and the data labels", len(texts))
	}
	for _, m := range texts {
		if !strings.Contains(m, `<a:srgbClr val="000000"`) {
			t.Errorf("chart text not black: %s", m)
		}
	}
	want := [][2]string{{"Japan", "F21"}, {"Russia", "F23"}, {"Kuwait", "F22"}, {"Multilateral", "F24"}}
	for i, w := range want {
		row := strconv.Itoa(35 + i)
		if got, _ := f.GetCellValue("Summary", "C"+row); got != w[0] {
			t.Errorf("Summary!C%s = %q, want %s (the most activities first, none left out but zeros)", row, got, w[0])
		}
		if got, _ := f.GetCellFormula("Summary", "F"+row); got != w[1] {
			t.Errorf("Summary!F%s = %q, want =%s", row, got, w[1])
		}
	}
}
