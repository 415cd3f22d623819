package source

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
	"github.com/xuri/excelize/v2"
)

// saveBook writes an excelize workbook to a fresh file and returns its path.
func saveBook(t *testing.T, x *excelize.File, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := x.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// tableRows reads a table to its end; rows are copied.
func tableRows(t *testing.T, tab *Table) ([]Row, error) {
	t.Helper()
	var rows []Row
	for {
		r, err := tab.Next()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		rows = append(rows, Row{Number: r.Number, Cells: append([]string(nil), r.Cells...)})
	}
}

func TestXLSX(t *testing.T) {
	x := excelize.NewFile()
	must(t, x.SetSheetName("Sheet1", "Agreements"))
	set := func(sheet, cell string, v any) { must(t, x.SetCellValue(sheet, cell, v)) }
	// Title rows, a blank row, the header on row 4, a gap between rows.
	set("Agreements", "A1", "Agreements register")
	set("Agreements", "A2", "Ministry of Culture")
	set("Agreements", "A4", "id")
	set("Agreements", "B4", "country")
	set("Agreements", "C4", "signed")
	set("Agreements", "D4", "amount")
	set("Agreements", "E4", "active")
	set("Agreements", "A5", "A-1")
	set("Agreements", "B5", "Орос")
	set("Agreements", "C5", time.Date(2013, 1, 18, 0, 0, 0, 0, time.UTC))
	set("Agreements", "D5", 1250000.5)
	set("Agreements", "E5", true)
	set("Agreements", "A8", "A-2")
	set("Agreements", "C8", "2013.01.18") // a date typed as text
	set("Agreements", "E8", false)
	// A styled but empty row is blank.
	style, err := x.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFF00"}}})
	must(t, err)
	must(t, x.SetCellStyle("Agreements", "A10", "C10", style))
	set("Agreements", "B11", "last")
	dateStyle, err := x.NewStyle(&excelize.Style{NumFmt: 14})
	must(t, err)
	must(t, x.SetCellStyle("Agreements", "C5", "C5", dateStyle))

	// A chart sheet between the worksheets is left out.
	_, err = x.NewSheet("Activities")
	must(t, err)
	set("Activities", "A1", "id")
	set("Activities", "A2", "B-1")
	must(t, x.AddChartSheet("Chart", &excelize.Chart{
		Type:   excelize.Col,
		Series: []excelize.ChartSeries{{Name: "Activities!$A$1", Values: "Agreements!$D$5:$D$5"}},
	}))

	// A streamed sheet: dimension "A1", a formula with its cached value.
	_, err = x.NewSheet("Totals")
	must(t, err)
	sw, err := x.NewStreamWriter("Totals")
	must(t, err)
	must(t, sw.SetRow("A1", []any{"a", "b", "sum"}))
	must(t, sw.SetRow("A3", []any{1, 2, excelize.Cell{Formula: "A3+B3", Value: 3}}))
	must(t, sw.SetRow("A4", []any{excelize.Cell{Value: "inline"}, nil, excelize.Cell{Formula: `"x"&"y"`, Value: "xy"}}))
	must(t, sw.Flush())

	p := saveBook(t, x, "book.xlsx")
	f, err := Open(p, "in/book.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.Date1904 || f.Name != "in/book.xlsx" {
		t.Errorf("Date1904 %v, Name %q", f.Date1904, f.Name)
	}
	var sheets []string
	for _, tab := range f.Tables() {
		sheets = append(sheets, tab.Sheet)
		if tab.File != "in/book.xlsx" || tab.Delimiter != 0 || tab.Encoding != "" {
			t.Errorf("table %+v", tab)
		}
	}
	if want := []string{"Agreements", "Activities", "Totals"}; !reflect.DeepEqual(sheets, want) {
		t.Fatalf("sheets %q, want %q", sheets, want)
	}
	want := map[string][]Row{
		"Agreements": {
			row(1, "Agreements register"),
			row(2, "Ministry of Culture"),
			row(4, "id", "country", "signed", "amount", "active"),
			row(5, "A-1", "Орос", "41292", "1250000.5", "1"),
			row(8, "A-2", "", "2013.01.18", "", "0"),
			row(11, "", "last"),
		},
		"Activities": {row(1, "id"), row(2, "B-1")},
		"Totals":     {row(1, "a", "b", "sum"), row(3, "1", "2", "3"), row(4, "inline", "", "xy")},
	}
	for _, tab := range f.Tables() {
		t.Run(tab.Sheet, func(t *testing.T) {
			rows, err := tableRows(t, tab)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(rows, want[tab.Sheet]) {
				t.Errorf("rows\n got %+v\nwant %+v", rows, want[tab.Sheet])
			}
			if _, err := tab.Next(); err != io.EOF {
				t.Errorf("after the end: %v", err)
			}
		})
	}
}

func TestXLSX1904(t *testing.T) {
	x := excelize.NewFile()
	yes := true
	must(t, x.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}))
	must(t, x.SetCellValue("Sheet1", "A1", 39830)) // 2013-01-18 in the 1904 system
	f, err := Open(saveBook(t, x, "mac.xlsx"), "mac.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !f.Date1904 {
		t.Error("Date1904 = false")
	}
	rows, err := tableRows(t, f.Tables()[0])
	if err != nil || !reflect.DeepEqual(rows, []Row{row(1, "39830")}) {
		t.Errorf("rows %+v, err %v", rows, err)
	}
	got, err := excelize.ExcelDateToTime(39830, f.Date1904)
	if err != nil || !got.Equal(time.Date(2013, 1, 18, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("serial 39830 in 1904 = %v %v", got, err)
	}
}

// bigSheet returns the bytes of a workbook whose one sheet has n rows.
func bigSheet(t *testing.T, n int) []byte {
	x := excelize.NewFile()
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		must(t, x.SetSheetRow("Sheet1", cell, &[]any{i, "Улаанбаатар", 1250000.5}))
	}
	// Excel writes the used range; excelize's cell setters leave "A1".
	must(t, x.SetSheetDimension("Sheet1", fmt.Sprintf("A1:C%d", n)))
	b, err := x.WriteToBuffer()
	must(t, err)
	x.Close()
	return b.Bytes()
}

// rezip copies a zip, passing each entry's content through edit.
func rezip(t *testing.T, data []byte, edit func(name string, b []byte) []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		rc, err := e.Open()
		must(t, err)
		b, err := io.ReadAll(rc)
		must(t, err)
		w, err := zw.Create(e.Name)
		must(t, err)
		_, err = w.Write(edit(e.Name, b))
		must(t, err)
	}
	must(t, zw.Close())
	return out.Bytes()
}

func TestXLSXTruncatedSheet(t *testing.T) {
	// The sheet XML is cut in half inside a valid zip: excelize's iterator
	// stops without an error; the scan of the XML finds where it breaks off.
	data := rezip(t, bigSheet(t, 400), func(name string, b []byte) []byte {
		if name == "xl/worksheets/sheet1.xml" {
			if !bytes.Contains(b, []byte(`<dimension ref="A1:C400"`)) {
				t.Fatalf("fixture has no dimension: %.300s", b)
			}
			return b[:len(b)/2]
		}
		return b
	})
	f, err := Open(writeFile(t, "cut.xlsx", data), "cut.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := tableRows(t, f.Tables()[0])
	var fe *pipeline.FileError
	if !errors.Is(err, ErrTruncated) || !errors.As(err, &fe) || fe.Sheet != "Sheet1" {
		t.Fatalf("err = %v, want ErrTruncated on Sheet1", err)
	}
	if !regexp.MustCompile(`breaks off (in|after) row \d+`).MatchString(err.Error()) || len(rows) == 0 || len(rows) >= 400 {
		t.Errorf("err = %q after %d rows", err, len(rows))
	}
	if _, err2 := f.Tables()[0].Next(); err2 != err {
		t.Errorf("error is not sticky: %v", err2)
	}
}

func TestXLSXWholeSheet(t *testing.T) {
	// The same workbook uncut reads every row with its number.
	f, err := Open(writeFile(t, "ok.xlsx", bigSheet(t, 400)), "ok.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := tableRows(t, f.Tables()[0])
	if err != nil || len(rows) != 400 || rows[399].Number != 400 || rows[399].Cells[1] != "Улаанбаатар" {
		t.Fatalf("%d rows, err %v", len(rows), err)
	}
}

// bomb returns a zip with one entry that declares size bytes unpacked.
func bomb(t *testing.T, size uint64) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	// Deflate of nothing: a real bomb would hold runs of zeros; the
	// declared size is what the check reads, and archive/zip never
	// unpacks past it.
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name:               "xl/worksheets/sheet1.xml",
		Method:             zip.Deflate,
		CompressedSize64:   2,
		UncompressedSize64: size,
	})
	must(t, err)
	_, err = w.Write([]byte{0x03, 0x00})
	must(t, err)
	must(t, zw.Close())
	return out.Bytes()
}

func TestXLSXBadFiles(t *testing.T) {
	good := bigSheet(t, 3)
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	var noBook bytes.Buffer
	zw := zip.NewWriter(&noBook)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte("<w:document/>"))
	zw.Close()

	tests := []struct {
		name  string
		data  []byte
		limit int64
		want  error
		words string
	}{
		{"empty file", nil, 0, ErrNotXLSX, "not an .xlsx workbook"},
		{"not a zip", []byte("id,country\n1,RU\n"), 0, ErrNotXLSX, "not an .xlsx workbook (it may be an old .xls"},
		{"truncated zip", good[:len(good)/2], 0, ErrNotXLSX, "not an .xlsx workbook"},
		{"old xls or encrypted", ole, 0, ErrNotXLSX, "encrypted with a password"},
		{"zip without a workbook", noBook.Bytes(), 0, ErrNotXLSX, "holds no workbook"},
		{"over the unpack limit", bomb(t, 2<<20), 1 << 20, ErrTooLarge, "larger than 1.0 MiB when unpacked; refusing to read it (zip bomb protection)"},
		{"over the default limit", bomb(t, 1<<30+1), 0, ErrTooLarge, "larger than 1 GiB when unpacked"},
		{"compression ratio", bomb(t, 200<<20), 0, ErrTooLarge, "200.0 MiB when unpacked but only 2 bytes packed"},
		{"declared sizes overflow", append([]byte(nil), bomb(t, 1<<63)...), 1 << 62, ErrTooLarge, "zip bomb protection"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Open(writeFile(t, "bad.xlsx", tt.data), "bad.xlsx", Options{MaxUnzipSize: tt.limit})
			if err == nil {
				f.Close()
				t.Fatal("no error")
			}
			var fe *pipeline.FileError
			if !errors.As(err, &fe) || fe.File != "bad.xlsx" || !errors.Is(err, tt.want) {
				t.Fatalf("err = %#v, want a FileError for bad.xlsx wrapping %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.words) || !strings.HasPrefix(err.Error(), "bad.xlsx: ") {
				t.Errorf("err = %q, want it to say %q", err, tt.words)
			}
		})
	}
}

func TestXLSXGoodUnderLimit(t *testing.T) {
	// The limit counts unpacked bytes: a real workbook passes a limit just
	// above its size and fails one just below.
	data := bigSheet(t, 50)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	var total int64
	for _, e := range zr.File {
		total += int64(e.UncompressedSize64)
	}
	p := writeFile(t, "b.xlsx", data)
	f, err := Open(p, "b.xlsx", Options{MaxUnzipSize: total})
	if err != nil {
		t.Fatalf("at the limit: %v", err)
	}
	f.Close()
	if _, err := Open(p, "b.xlsx", Options{MaxUnzipSize: total - 1}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("below the limit: %v", err)
	}
}

func TestXLSXLargeSheetViaTempFile(t *testing.T) {
	// A sheet over 16 MiB unpacked is read from a temporary file in
	// TmpDir, which Close removes.
	if testing.Short() {
		t.Skip("writes a 17 MiB sheet")
	}
	x := excelize.NewFile()
	sw, err := x.NewStreamWriter("Sheet1")
	must(t, err)
	long := strings.Repeat("Монгол Улсын Соёлын яам ", 4)
	const n = 70_000
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		must(t, sw.SetRow(cell, []any{i, long}))
	}
	must(t, sw.Flush())
	tmp := t.TempDir()
	f, err := Open(saveBook(t, x, "big.xlsx"), "big.xlsx", Options{TmpDir: tmp})
	must(t, err)
	if left, _ := os.ReadDir(tmp); len(left) == 0 {
		t.Error("the sheet was not unpacked to TmpDir")
	}
	rows, err := tableRows(t, f.Tables()[0])
	must(t, err)
	if len(rows) != n || rows[n-1].Number != n || rows[n-1].Cells[0] != fmt.Sprint(n) || rows[n-1].Cells[1] != long {
		t.Errorf("%d rows, last %+v", len(rows), rows[len(rows)-1].Number)
	}
	must(t, f.Close())
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// The fixed parts of the workbooks FuzzXLSX reads. The workbook's
// relationships name two worksheets (one part, by a relative and by an
// absolute target) and a chart sheet, for the workbook part to list.
const (
	fuzzContentTypes = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
	fuzzRootRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	fuzzBookRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>` +
		`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
	fuzzMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
)

// fuzzWorkbook zips, in memory and uncompressed, a workbook whose part
// xl/workbook.xml lists the sheets and says whether dates count from 1904,
// whose worksheet has the rows, whose shared strings part holds sst, and
// whose third cell style shows numbers in the format numFmt.
func fuzzWorkbook(sheets, rows, sst []byte, numFmt string, date1904 bool) []byte {
	wrap := func(open string, inner []byte, end string) []byte {
		return append(append([]byte(open), inner...), end...)
	}
	pr := ""
	if date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	var code bytes.Buffer
	xml.EscapeText(&code, []byte(numFmt))
	parts := []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", []byte(fuzzContentTypes)},
		{"_rels/.rels", []byte(fuzzRootRels)},
		{"xl/_rels/workbook.xml.rels", []byte(fuzzBookRels)},
		{"xl/workbook.xml", wrap(`<workbook `+fuzzMain+` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+pr+`<sheets>`, sheets, `</sheets></workbook>`)},
		{"xl/worksheets/sheet1.xml", wrap(`<worksheet `+fuzzMain+`><sheetData>`, rows, `</sheetData></worksheet>`)},
		{"xl/sharedStrings.xml", wrap(`<sst `+fuzzMain+`>`, sst, `</sst>`)},
		{"xl/styles.xml", []byte(`<styleSheet ` + fuzzMain + `><numFmts count="1"><numFmt numFmtId="164" formatCode="` + code.String() + `"/></numFmts>` +
			`<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`)},
		{"xl/chartsheets/sheet1.xml", []byte(`<chartsheet ` + fuzzMain + `/>`)},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		if err != nil {
			panic(err) // writing to memory
		}
		w.Write(p.data)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// fuzzXLSXSeed is a seed of FuzzXLSX.
type fuzzXLSXSeed struct {
	sheets, rows, sst, numFmt string
	date1904                  bool
}

// fuzzXLSXSeeds are small: the fuzzer shrinks each new input it finds by
// trying it without every run of its bytes in turn, which takes a time
// that grows with the square of their length.
var fuzzXLSXSeeds = []fuzzXLSXSeed{
	{ // shared string, dates by a built-in and a custom format
		`<sheet name="A" sheetId="1" r:id="rId1"/>`,
		`<row r="2"><c t="s"><v>0</v></c><c s="1"><v>41292</v></c><c r="D2" s="2"><v>41292.5</v></c></row>`,
		`<si><t>id</t></si>`, `yyyy-mm-dd`, false,
	},
	{ // 1904 dates, a date and time, a boolean, an error, rich text
		`<sheet name="A" sheetId="1" r:id="rId1"/>`,
		`<row><c s="2"><v>39830.5</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="s"><v>0</v></c></row>`,
		`<si><r><t>a</t></r><r><t>b</t></r></si>`, `dd.mm.yyyy hh:mm`, true,
	},
	{ // a chart sheet between two worksheets (one part, by a relative and
		// an absolute target); an inline string, formulas with and without
		// their result
		`<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="C" sheetId="2" r:id="rId3"/><sheet name="B" sheetId="3" r:id="rId2"/>`,
		`<row><c t="inlineStr"><is><t>x</t></is></c><c><f>1+2</f><v>3</v></c><c><f>B1*2</f></c></row>`,
		``, `0.00`, false,
	},
}

// FuzzXLSX feeds damaged workbooks through Open and Next: they must end in
// a *pipeline.FileError, never a panic; row numbers must increase, the
// hash is of the workbook's bytes, and Close leaves no temporary file.
//
// The fuzzer mutates what this package and excelize parse (the sheets a
// workbook lists, a worksheet's rows, the shared strings, a number
// format), which the test zips in memory, and may then damage one byte of
// the zip (damageXor at damageAt). Fuzzing whole workbooks as bytes
// stalled: they are kilobytes, whose checksums most mutations break, and
// the fuzzer spends up to a minute on each new one trying to shrink it
// (-fuzzminimizetime); writing each to a file cost as much again.
func FuzzXLSX(f *testing.F) {
	for _, s := range fuzzXLSXSeeds {
		f.Add([]byte(s.sheets), []byte(s.rows), []byte(s.sst), s.numFmt, s.date1904, uint16(0), byte(0))
	}
	s := fuzzXLSXSeeds[0] // byte 2400, in the worksheet, changed: its checksum fails
	f.Add([]byte(s.sheets), []byte(s.rows), []byte(s.sst), s.numFmt, s.date1904, uint16(2400), byte(1))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, sheets, rows, sst []byte, numFmt string, date1904 bool, damageAt uint16, damageXor byte) {
		data := fuzzWorkbook(sheets, rows, sst, numFmt, date1904)
		data[int(damageAt)%len(data)] ^= damageXor
		readXLSX(t, data, dir)
		if left, _ := os.ReadDir(dir); len(left) > 0 {
			t.Fatalf("%d temporary files left in %s, the first %s", len(left), dir, left[0].Name())
		}
	})
}

// readXLSX opens data and reads every table to its end, checking what
// FuzzXLSX asks of any workbook.
func readXLSX(t *testing.T, data []byte, tmp string) {
	t.Helper()
	file, err := OpenBytes(data, "f.xlsx", Options{MaxUnzipSize: 1 << 20, TmpDir: tmp})
	if err != nil {
		var fe *pipeline.FileError
		if !errors.As(err, &fe) {
			t.Fatalf("error %v is not a FileError", err)
		}
		return
	}
	defer file.Close()
	for _, tab := range file.Tables() {
		prev := 0
		for {
			r, err := tab.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var fe *pipeline.FileError
				if !errors.As(err, &fe) {
					t.Fatalf("error %v is not a FileError", err)
				}
				break
			}
			if r.Number <= prev {
				t.Fatalf("row number %d after %d", r.Number, prev)
			}
			prev = r.Number
		}
	}
	if sum := sha256.Sum256(data); file.SHA256() != hex.EncodeToString(sum[:]) {
		t.Fatalf("SHA256 %s, not the hash of the workbook's bytes", file.SHA256())
	}
}

// The seeds of FuzzXLSX are workbooks that read as meant: the fuzzer
// starts from the inside of the reader, not from its first error.
func TestFuzzXLSXSeeds(t *testing.T) {
	want := [][]string{
		{`A: 2 ["id" "41292" "" "41292.5"] 1=2013-01-18 3=2013-01-18`},
		{`A: 1 ["39830.5" "1" "#N/A" "ab"] 0=2013-01-18 12:00`},
		{`A: 1 ["x" "3" "6"]`, `B: 1 ["x" "3" "6"]`},
	}
	for i, s := range fuzzXLSXSeeds {
		f, err := OpenBytes(fuzzWorkbook([]byte(s.sheets), []byte(s.rows), []byte(s.sst), s.numFmt, s.date1904), "f.xlsx", Options{TmpDir: t.TempDir()})
		if err != nil {
			t.Fatalf("seed %d: %v", i, err)
		}
		var got []string
		for _, tab := range f.Tables() {
			for {
				r, err := tab.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("seed %d, sheet %s: %v", i, tab.Sheet, err)
				}
				line := fmt.Sprintf("%s: %d %q", tab.Sheet, r.Number, r.Cells)
				for j, d := range r.Dates {
					if d.Value != "" {
						line += fmt.Sprintf(" %d=%s", j, d.Value)
					}
				}
				for _, p := range r.Problems {
					line += fmt.Sprintf(" %d: %v", p.Index, p.Err)
				}
				got = append(got, line)
			}
		}
		f.Close()
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("seed %d reads\n%s\nwant\n%s", i, strings.Join(got, "\n"), strings.Join(want[i], "\n"))
		}
	}
}

func TestXLSXRowsWithoutReferences(t *testing.T) {
	// The r attributes of rows and cells are optional; some writers leave
	// them out. Rows then count from 1 in order.
	re := regexp.MustCompile(` r="[A-Z]*[0-9]+"`)
	data := rezip(t, bigSheet(t, 3), func(name string, b []byte) []byte {
		if name == "xl/worksheets/sheet1.xml" {
			out := re.ReplaceAll(b, nil)
			if bytes.Equal(out, b) || bytes.Contains(out, []byte("<c r=")) {
				t.Fatalf("references not removed: %.400s", out)
			}
			return out
		}
		return b
	})
	f, err := Open(writeFile(t, "nor.xlsx", data), "nor.xlsx", Options{})
	must(t, err)
	defer f.Close()
	rows, err := tableRows(t, f.Tables()[0])
	must(t, err)
	want := []Row{
		row(1, "1", "Улаанбаатар", "1250000.5"),
		row(2, "2", "Улаанбаатар", "1250000.5"),
		row(3, "3", "Улаанбаатар", "1250000.5"),
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows %+v", rows)
	}
}
