package source

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
)

// book is a workbook written by hand, part by part, so that tests can
// damage its XML in ways no spreadsheet program writes.
type book struct {
	sheets   []string // the XML of each sheet's <sheetData> content, or a whole part when it starts with "<?xml" or "<worksheet"
	sst      []string // <si> contents; nil: no sharedStrings.xml
	numFmts  string   // <numFmt> elements
	xfs      []int    // numFmtId of each cell style after style 0 (General)
	date1904 bool
	rawSST   string // the whole sharedStrings.xml, when set
	dim      string // the <dimension ref>, when set
}

const nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func (b book) parts() map[string]string {
	p := map[string]string{}
	var ct, sheets, rels strings.Builder
	for i, s := range b.sheets {
		n := i + 1
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&sheets, `<sheet name="Sheet%d" sheetId="%d" r:id="rId%d"/>`, n, n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
		if !strings.HasPrefix(s, "<?xml") && !strings.HasPrefix(s, "<worksheet") {
			dim := ""
			if b.dim != "" {
				dim = `<dimension ref="` + b.dim + `"/>`
			}
			s = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<worksheet " + nsMain + ">" + dim + "<sheetData>" + s + "</sheetData></worksheet>"
		}
		p[fmt.Sprintf("xl/worksheets/sheet%d.xml", n)] = s
	}
	fmt.Fprintf(&rels, `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
	if b.sst != nil || b.rawSST != "" {
		ct.WriteString(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
		rels.WriteString(`<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
		sst := b.rawSST
		if sst == "" {
			sst = fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?><sst %s count="%d" uniqueCount="%d">`, nsMain, len(b.sst), len(b.sst))
			for _, si := range b.sst {
				sst += "<si>" + si + "</si>"
			}
			sst += "</sst>"
		}
		p["xl/sharedStrings.xml"] = sst
	}
	xfs := `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`
	for _, id := range b.xfs {
		xfs += fmt.Sprintf(`<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, id)
	}
	numFmts := ""
	if b.numFmts != "" {
		numFmts = "<numFmts>" + b.numFmts + "</numFmts>"
	}
	p["xl/styles.xml"] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ` + nsMain + `>` + numFmts +
		`<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		fmt.Sprintf(`<cellXfs count="%d">%s</cellXfs>`, len(b.xfs)+1, xfs) + `</styleSheet>`
	pr := ""
	if b.date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	p["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8"?><workbook ` + nsMain + `>` + pr + `<sheets>` + sheets.String() + `</sheets></workbook>`
	p["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`
	p["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	p["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` + ct.String() + `</Types>`
	return p
}

// zipParts writes parts into a zip, in name order.
func zipParts(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var names []string
	for n := range parts {
		names = append(names, n)
	}
	slices.Sort(names)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, n := range names {
		w, err := zw.Create(n)
		must(t, err)
		_, err = io.WriteString(w, parts[n])
		must(t, err)
	}
	must(t, zw.Close())
	return out.Bytes()
}

func (b book) write(t *testing.T) string {
	return writeFile(t, "book.xlsx", zipParts(t, b.parts()))
}

// readBook opens the workbook and reads its first sheet to the end; rows
// are copied, with their dates and problems.
func readBook(t *testing.T, path string) ([]Row, error) {
	t.Helper()
	f, err := Open(path, "book.xlsx", Options{})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []Row
	for {
		r, err := f.Tables()[0].Next()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		r.Cells = append([]string(nil), r.Cells...)
		r.Dates = append([]pipeline.Field(nil), r.Dates...)
		rows = append(rows, r)
	}
}

// numbered returns n rows of two cells: the row number and "v<n>".
func numbered(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>v%d</t></is></c></row>`, i, i, i, i, i)
	}
	return b.String()
}

// TestXLSXDamagedSheets: a sheet whose XML is damaged after some rows
// fails the run, naming the sheet and where; excelize alone would give the
// rows before the damage and stop without a word.
func TestXLSXDamagedSheets(t *testing.T) {
	ten := numbered(10)
	row5 := `<row r="5"><c r="A5"><v>5</v></c><c r="B5" t="inlineStr"><is><t>v5</t></is></c></row>`
	in5 := func(r string) string { return strings.Replace(ten, row5, r, 1) }
	whole := book{sheets: []string{ten}}.parts()["xl/worksheets/sheet1.xml"]
	tests := []struct {
		name  string
		b     book
		rows  int // rows read before the error
		want  error
		words string
	}{
		{"undefined entity in row 5", book{sheets: []string{in5(`<row r="5"><c r="A5"><v>5</v></c><c r="B5" t="inlineStr"><is><t>Tom &foo; Jerry</t></is></c></row>`)}},
			4, ErrDamaged, "row 5 cannot be read, the workbook is damaged: the undefined entity &foo;"},
		{"bare ampersand", book{sheets: []string{in5(`<row r="5"><c r="A5" t="inlineStr"><is><t>AT&T</t></is></c></row>`)}},
			4, ErrDamaged, "row 5 cannot be read"},
		{"control character", book{sheets: []string{in5("<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>a\x01b</t></is></c></row>")}},
			4, ErrDamaged, "row 5 cannot be read, the workbook is damaged: the control character U+0001"},
		{"invalid UTF-8", book{sheets: []string{in5("<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>a\xffb</t></is></c></row>")}},
			4, ErrDamaged, "not valid UTF-8"},
		{"mismatched end tag", book{sheets: []string{in5(`<row r="5"><c r="A5"><v>5</c></row>`)}},
			4, ErrDamaged, "row 5 cannot be read, the workbook is damaged: the element <v> is closed by </c>"},
		{"shared string out of range", book{sst: []string{"<t>a</t>", "<t>b</t>"}, sheets: []string{
			`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c></row><row r="4"><c r="A4" t="s"><v>0</v></c></row>`}},
			2, ErrDamaged, "row 3 cannot be read, the workbook is damaged: the cell A3 names shared string 2, but the workbook has only 2"},
		{"shared string that is not a number", book{sst: []string{"<t>a</t>"}, sheets: []string{`<row r="1"><c r="A1" t="s"><v>x</v></c></row>`}},
			0, ErrDamaged, `the cell A1 names the shared string "x", which is not a string number`},
		{"shared strings without the part", book{sheets: []string{`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`}},
			0, ErrDamaged, "the cell A1 names shared string 0, but the workbook has no shared strings"},
		{"rows out of order", book{sheets: []string{numbered(3) + `<row r="2"><c r="A2"><v>9</v></c></row>`}},
			2, ErrDamaged, "the sheet is damaged after row 3: row 2 comes after row 3: the rows are out of order"}, // excelize reads row 3 into row 3
		{"cells out of order", book{sheets: []string{`<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c></row>`}},
			0, ErrDamaged, "row 1 cannot be read, the workbook is damaged: the cell A1 comes after the cell C1"},
		{"style that is not a number", book{sheets: []string{`<row r="1"><c r="A1" s="x"><v>1</v></c></row>`}},
			0, ErrDamaged, `row 1 cannot be read, the workbook is damaged: a cell whose style "x" is not a number`},
		{"garbage after row 4", book{sheets: []string{numbered(4) + `<row r="5"><c r="A5"><v>5</v></c></row><ro w/>`}},
			5, ErrDamaged, "the sheet is damaged after row 5"},
		{"truncated in row 6", book{sheets: []string{whole[:strings.Index(whole, `<row r="6">`)+30]}},
			5, ErrTruncated, "the sheet breaks off in row 6"},
		{"truncated after the rows", book{sheets: []string{whole[:strings.Index(whole, `</sheetData>`)+5]}},
			10, ErrTruncated, "the sheet breaks off after row 10"},
		{"truncated before the rows", book{sheets: []string{whole[:strings.Index(whole, `<row r="1">`)]}},
			0, ErrTruncated, "the sheet breaks off before its first row"},
		{"part cut inside its first tag", book{sheets: []string{"<worksheet"}}, 0, ErrTruncated, "the sheet breaks off before its first row"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := readBook(t, tt.b.write(t))
			var fe *pipeline.FileError
			if !errors.Is(err, tt.want) || !errors.As(err, &fe) || fe.File != "book.xlsx" || fe.Sheet != "Sheet1" {
				t.Fatalf("err = %v, want a FileError on Sheet1 wrapping %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.words) {
				t.Errorf("err = %q, want it to say %q", err, tt.words)
			}
			if len(rows) != tt.rows {
				t.Errorf("%d rows before the error, want %d", len(rows), tt.rows)
			}
		})
	}
}

// A zip entry whose bytes do not match its checksum is damaged, though
// excelize reads it (it ignores unpacking errors).
func TestXLSXChecksum(t *testing.T) {
	parts := book{sheets: []string{numbered(10)}}.parts()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for name, body := range parts {
		if name != "xl/worksheets/sheet1.xml" {
			w, err := zw.Create(name)
			must(t, err)
			io.WriteString(w, body)
			continue
		}
		body = strings.Replace(body, "<t>v7</t>", "<t>v8</t>", 1) // after the checksum
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: name, Method: zip.Store,
			CRC32:              crc32.ChecksumIEEE([]byte(parts[name])),
			CompressedSize64:   uint64(len(body)),
			UncompressedSize64: uint64(len(body)),
		})
		must(t, err)
		io.WriteString(w, body)
	}
	must(t, zw.Close())
	_, err := readBook(t, writeFile(t, "book.xlsx", out.Bytes()))
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "checksum") {
		t.Fatalf("err = %v, want the damaged checksum", err)
	}
}

// A valid sheet reads whole, whatever its declared dimension: the
// dimension is a hint.
func TestXLSXDimensionIsAHint(t *testing.T) {
	for _, dim := range []string{"A1:I1048576", "A1:B2", "A1", "junk"} {
		rows, err := readBook(t, book{dim: dim, sheets: []string{numbered(3)}}.write(t))
		if err != nil || len(rows) != 3 {
			t.Errorf("dimension %q: %d rows, err %v", dim, len(rows), err)
		}
	}
}

// What writers legitimately do reads as Excel shows it: namespace
// prefixes, rows and cells without references, CDATA, comments, rich
// text, empty strings, character references, a byte order mark.
func TestXLSXValidOddities(t *testing.T) {
	x := `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
		`<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t="s"><x:v>2</x:v></x:c></x:row>` +
		`</x:sheetData></x:worksheet>`
	tests := []struct {
		name string
		b    book
		want []Row
	}{
		{"prefixes and rich text", book{sst: []string{`<r><t>Ul</t></r><r><rPr><b/></rPr><t xml:space="preserve">aan </t></r><rPh><t>x</t></rPh>`, `<t/>`, `<t>&#x41;&amp;B</t>`}, sheets: []string{x}},
			[]Row{row(2, "Ulaan ", "", "A&B")}},
		{"rows and cells without references", book{sheets: []string{`<row><c><v>1</v></c><c><v>2</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row>`}},
			[]Row{row(1, "1", "2"), row(2, "x")}},
		{"comments, CDATA, instructions", book{sheets: []string{`<!-- a comment --><row r="1"><?pi x?><c r="A1" t="str"><v><![CDATA[a<b&c]]></v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c></row>`}},
			[]Row{row(1, "a<b&c", "1", "#N/A")}},
		{"empty values and self-closing cells", book{sheets: []string{`<row r="1"><c r="A1"/><c r="B1" t="str"><v></v></c><c r="C1" t="inlineStr"><is><t></t></is></c><c r="D1"><v>4</v></c><c r="E1" s="0"/></row><row r="3"/>`}},
			[]Row{row(1, "", "", "", "4")}},
		{"byte order mark and whitespace", book{sheets: []string{"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<worksheet " + nsMain + ">\n <sheetData>\n  <row r=\"1\">\n   <c r=\"A1\"><v>1</v></c>\n  </row>\n </sheetData>\n</worksheet>\n"}},
			[]Row{row(1, "1")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := readBook(t, tt.b.write(t))
			if err != nil {
				t.Fatal(err)
			}
			for i := range rows {
				rows[i].Line, rows[i].Dates = 0, nil
			}
			if !reflect.DeepEqual(rows, tt.want) {
				t.Errorf("rows\n got %+v\nwant %+v", rows, tt.want)
			}
		})
	}
}

// TestXLSXFormulas: a formula whose result the file does not store is
// computed, or reported as a problem of its cell; never read as empty.
func TestXLSXFormulas(t *testing.T) {
	b := book{xfs: []int{14}, sheets: []string{
		`<row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c><c r="B1" t="inlineStr"><is><t>twice</t></is></c></row>` +
			`<row r="2"><c r="A2"><v>21</v></c><c r="B2"><f>A2*2</f><v></v></c><c r="C2"><f>"a"&amp;"b"</f></c></row>` +
			`<row r="3"><c r="A3"><v>5</v></c><c r="B3"><f t="shared" ref="B3:B4" si="0">A3*2</f></c></row>` +
			`<row r="4"><c r="A4"><v>7</v></c><c r="B4"><f t="shared" si="0"/></c></row>` +
			`<row r="5"><c r="A5"><v>1</v></c><c r="B5"><f>TODAY()</f><v></v></c><c r="C5"><f>_xlfn.NOSUCH(1)</f></c></row>` +
			`<row r="6"><c r="B6" s="1"><f>DATE(2013,1,18)</f></c></row>` +
			`<row r="7"><c r="B7"><f>RAND()</f></c></row>` +
			`<row r="8"><c r="A8"><v>3</v></c><c r="B8"><f>A8*2</f><v>6</v></c><c r="C8" t="str"><f>""</f><v></v></c></row>`,
	}}
	rows, err := readBook(t, b.write(t))
	if err != nil {
		t.Fatal(err)
	}
	byNum := map[int]Row{}
	for _, r := range rows {
		byNum[r.Number] = r
	}
	cells := func(n int) []string { return byNum[n].Cells }
	if got := cells(2); !reflect.DeepEqual(got, []string{"21", "42", "ab"}) {
		t.Errorf("row 2: %q, want the computed results", got)
	}
	if got3, got4 := cells(3), cells(4); !reflect.DeepEqual(got3, []string{"5", "10"}) || !reflect.DeepEqual(got4, []string{"7", "14"}) {
		t.Errorf("rows 3 and 4 (a shared formula): %q %q", got3, got4)
	}
	if got := cells(8); !reflect.DeepEqual(got, []string{"3", "6", ""}) || len(byNum[8].Problems) != 0 {
		t.Errorf("row 8 (results stored): %q, problems %v", got, byNum[8].Problems)
	}
	if r := byNum[6]; !reflect.DeepEqual(r.Cells, []string{"", "41292"}) || len(r.Dates) != 2 || r.Dates[1].Date != (pipeline.Date{Year: 2013, Month: time.January, Day: 18}) {
		t.Errorf("row 6 (a date formula): %q, dates %+v", r.Cells, r.Dates)
	}

	tests := []struct {
		row   int
		index []int
		words []string
	}{
		{5, []int{1, 2}, []string{
			"the cell B5 holds the formula =TODAY() but the file does not store its result, and its result depends on when it is computed (TODAY)",
			"the cell C5 holds the formula =_xlfn.NOSUCH(1) but the file does not store its result, and it cannot be computed here",
		}},
		{7, []int{1}, []string{"the cell B7 holds the formula =RAND()"}}, // a row with nothing else is not blank
	}
	for _, tt := range tests {
		r, ok := byNum[tt.row]
		if !ok {
			t.Errorf("row %d is missing", tt.row)
			continue
		}
		if len(r.Problems) != len(tt.index) {
			t.Errorf("row %d: problems %v", tt.row, r.Problems)
			continue
		}
		for i, p := range r.Problems {
			if p.Index != tt.index[i] || !errors.Is(p.Err, ErrNoResult) || !strings.Contains(p.Err.Error(), tt.words[i]) ||
				!strings.HasSuffix(p.Err.Error(), "open the workbook in Excel or LibreOffice and save it, so that the formula's result is stored") {
				t.Errorf("row %d: problem %d at %d: %v", tt.row, i, p.Index, p.Err)
			}
			if r.Cells[p.Index] != "" {
				t.Errorf("row %d: the problem cell reads %q", tt.row, r.Cells[p.Index])
			}
		}
	}
}

// Past maxUncomputed formulas without results the workbook fails, with
// the way out.
func TestXLSXTooManyFormulas(t *testing.T) {
	var sb strings.Builder
	for i := 1; i <= maxUncomputed+1; i++ {
		fmt.Fprintf(&sb, `<row r="%d"><c r="A%d"><f>NOW()</f></c></row>`, i, i)
	}
	rows, err := readBook(t, book{sheets: []string{sb.String()}}.write(t))
	var fe *pipeline.FileError
	if !errors.Is(err, ErrNoResult) || !errors.As(err, &fe) || !strings.Contains(err.Error(), "open it in Excel or LibreOffice and save it") {
		t.Fatalf("err = %v", err)
	}
	if len(rows) != maxUncomputed {
		t.Errorf("%d rows before the error", len(rows))
	}
}

// Formulas are not computed in workbooks too large to load: each is a
// problem of its cell.
func TestXLSXFormulasInLargeWorkbook(t *testing.T) {
	defer func(n uint64) { calcSheetLimit = n }(calcSheetLimit)
	calcSheetLimit = 100
	rows, err := readBook(t, book{sheets: []string{`<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*2</f></c></row>`}}.write(t))
	if err != nil || len(rows) != 1 || len(rows[0].Problems) != 1 || !strings.Contains(rows[0].Problems[0].Err.Error(), "the workbook is too large") {
		t.Fatalf("rows %+v, err %v", rows, err)
	}
}

// TestXLSXDates: number cells formatted as dates or times say what they
// show, in both date systems; other numbers and text do not.
func TestXLSXDates(t *testing.T) {
	d := func(y int, m time.Month, day int) pipeline.Date { return pipeline.Date{Year: y, Month: m, Day: day} }
	b := book{
		numFmts: `<numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy\ hh:mm"/>` +
			`<numFmt numFmtId="166" formatCode="#,##0.00\ &quot;₮&quot;"/><numFmt numFmtId="167" formatCode="[h]:mm:ss"/><numFmt numFmtId="168" formatCode="[$-F800]dddd, mmmm dd, yyyy"/>`,
		// styles 1…: built-in 14, custom date, date-time, money, elapsed, long date, built-in time 20, text @
		xfs: []int{14, 164, 165, 166, 167, 168, 20, 49},
		sheets: []string{`<row r="1">` +
			`<c r="A1" s="1"><v>41292</v></c>` + // 14: m/d/yyyy
			`<c r="B1" s="2"><v>41292.75</v></c>` + // a date format shows no time
			`<c r="C1" s="3"><v>41292.604166666664</v></c>` + // 14:30
			`<c r="D1" s="4"><v>41292</v></c>` + // money: a number
			`<c r="E1" s="5"><v>1.5</v></c>` + // 36 hours
			`<c r="F1" s="6"><v>41292</v></c>` +
			`<c r="G1" s="7"><v>0.5</v></c>` + // noon
			`<c r="H1" s="8" t="inlineStr"><is><t>41292</t></is></c>` + // text stays text
			`<c r="I1" t="d"><v>2013-01-18T00:00:00Z</v></c>` +
			`<c r="J1" s="1"><v>60</v></c>` + // 29 February 1900, which never was
			`<c r="K1"><v>41292</v></c>` + // no style: a number
			`</row>`},
	}
	rows, err := readBook(t, b.write(t))
	if err != nil || len(rows) != 1 {
		t.Fatalf("rows %+v, err %v", rows, err)
	}
	want := []pipeline.Field{
		{Value: "2013-01-18", Date: d(2013, 1, 18)},
		{Value: "2013-01-18", Date: d(2013, 1, 18)},
		{Value: "2013-01-18 14:30"},
		{},
		{Value: "36:00"},
		{Value: "2013-01-18", Date: d(2013, 1, 18)},
		{Value: "12:00"},
		{},
		{Value: "2013-01-18", Date: d(2013, 1, 18)},
		{},
		{},
	}
	if got := rows[0].Dates; !reflect.DeepEqual(got, want) {
		t.Errorf("dates\n got %+v\nwant %+v", got, want)
	}
	if rows[0].Cells[0] != "41292" || rows[0].Cells[7] != "41292" {
		t.Errorf("cells %q: the cells keep their text", rows[0].Cells)
	}

	b.date1904 = true
	rows, err = readBook(t, b.write(t))
	if err != nil || len(rows) != 1 || rows[0].Dates[0].Date != d(2017, 1, 19) {
		t.Fatalf("1904 system: %+v, err %v", rows, err)
	}

	// A row without date cells has no Dates.
	rows, err = readBook(t, book{sheets: []string{numbered(2)}}.write(t))
	if err != nil || rows[0].Dates != nil || rows[1].Dates != nil {
		t.Errorf("rows %+v, err %v", rows, err)
	}
}

// A workbook written by openpyxl, as scripts write them: formulas without
// results, dates with a custom format.
func TestXLSXOpenpyxl(t *testing.T) {
	python := "/usr/bin/python3"
	if exec.Command(python, "-c", "import openpyxl").Run() != nil {
		t.Skip("python3 with openpyxl not installed")
	}
	path := filepath.Join(t.TempDir(), "script.xlsx")
	out, err := exec.Command(python, "-c", `
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Activities"
ws.append(["id", "date", "participants", "twice", "received"])
ws.append(["A-1", datetime.date(2013, 1, 18), 21, "=C2*2", datetime.date(2014, 2, 3)])
ws.append(["A-2", datetime.date(2013, 1, 19), 5, "=C3*2+SUM(C2:C3)", "=E2+1"])
ws["E3"].number_format = "yyyy-mm-dd"
wb.save(sys.argv[1])
`, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	f, err := Open(path, "script.xlsx", Options{})
	must(t, err)
	defer f.Close()
	rows, err := tableRows(t, f.Tables()[0])
	must(t, err)
	want := []Row{
		row(1, "id", "date", "participants", "twice", "received"),
		row(2, "A-1", "41292", "21", "42", "41673"),
		row(3, "A-2", "41293", "5", "36", "41674"),
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows\n got %+v\nwant %+v", rows, want)
	}
	f2, err := Open(path, "script.xlsx", Options{})
	must(t, err)
	defer f2.Close()
	f2.Tables()[0].Next()
	r, err := f2.Tables()[0].Next()
	must(t, err)
	if len(r.Dates) < 5 || r.Dates[1].Value != "2013-01-18" || r.Dates[4].Value != "2014-02-03" || r.Dates[2].Value != "" {
		t.Errorf("dates %+v", r.Dates)
	}
}

func TestFormatKind(t *testing.T) {
	tests := []struct {
		code string
		want numKind
	}{
		{"General", numPlain},
		{"0.00", numPlain},
		{`#,##0.00\ "₮"`, numPlain},
		{"0.00E+00", numPlain},
		{`"day "0`, numPlain}, // letters in quotes are text
		{`\d0`, numPlain},     // and escaped ones
		{"[Red]0.00;[Blue]-0.00", numPlain},
		{"yyyy-mm-dd", numDate},
		{"dd/mm/yyyy", numDate},
		{"mmm-yy", numDate},
		{"mmmm", numDate},
		{"[$-F800]dddd, mmmm dd, yyyy", numDate},
		{"[$-409]d-mmm;@", numDate},
		{"dd/mm/yyyy hh:mm", numDateTime},
		{"m/d/yy h:mm AM/PM", numDateTime},
		{"yyyy-mm-ddThh:mm:ss", numDateTime},
		{"h:mm", numTime},
		{"mm:ss", numTime}, // minutes before seconds
		{"h:mm AM/PM", numTime},
		{"hh:mm:ss.000", numTime},
		{"[h]:mm:ss", numDuration},
		{"[mm]:ss", numDuration},
		{"0.00;yyyy", numPlain}, // only the first section counts
	}
	for _, tt := range tests {
		if got := formatKind(tt.code); got != tt.want {
			t.Errorf("formatKind(%q) = %d, want %d", tt.code, got, tt.want)
		}
	}
	for id, want := range map[int]numKind{0: numPlain, 2: numPlain, 14: numDate, 17: numDate, 20: numTime, 22: numDateTime, 45: numTime, 46: numDuration, 49: numPlain, 164: numPlain} {
		if got := builtinKind(id); got != want {
			t.Errorf("builtinKind(%d) = %d, want %d", id, got, want)
		}
	}
}

func TestShown(t *testing.T) {
	d := func(y int, m time.Month, day int) pipeline.Date { return pipeline.Date{Year: y, Month: m, Day: day} }
	tests := []struct {
		raw   string
		kind  numKind
		d1904 bool
		want  string
		date  pipeline.Date
		ok    bool
	}{
		{"41292", numDate, false, "2013-01-18", d(2013, 1, 18), true},
		{"1", numDate, false, "1900-01-01", d(1900, 1, 1), true},
		{"59", numDate, false, "1900-02-28", d(1900, 2, 28), true},
		{"60", numDate, false, "", pipeline.Date{}, false},
		{"61", numDate, false, "1900-03-01", d(1900, 3, 1), true},
		{"0", numDate, false, "", pipeline.Date{}, false},
		{"0", numDate, true, "1904-01-01", d(1904, 1, 1), true},
		{"2958465", numDate, false, "9999-12-31", d(9999, 12, 31), true},
		{"2958466", numDate, false, "", pipeline.Date{}, false},
		{"-1", numDate, false, "", pipeline.Date{}, false},
		{"abc", numDate, false, "", pipeline.Date{}, false},
		{"4.1292E4", numDate, false, "2013-01-18", d(2013, 1, 18), true},
		{"41292.99999999", numDateTime, false, "2013-01-19 00:00", pipeline.Date{}, true}, // rounds to the second
		{"41292.5", numDateTime, false, "2013-01-18 12:00", pipeline.Date{}, true},
		{"41292.500011574", numDateTime, false, "2013-01-18 12:00:01", pipeline.Date{}, true},
		{"0.75", numTime, false, "18:00", pipeline.Date{}, true},
		{"1.75", numTime, false, "18:00", pipeline.Date{}, true}, // a time format shows the time of day
		{"1.5", numDuration, false, "36:00", pipeline.Date{}, true},
		{"2013-01-18", numISO, false, "2013-01-18", d(2013, 1, 18), true},
		{"2013-01-18T00:00:00Z", numISO, false, "2013-01-18", d(2013, 1, 18), true},
		{"2013-01-18T14:30:00", numISO, false, "", pipeline.Date{}, false},
	}
	for _, tt := range tests {
		f, ok := shown(tt.raw, tt.kind, tt.d1904)
		if ok != tt.ok || f.Value != tt.want || f.Date != tt.date || f.Name != "" {
			t.Errorf("shown(%q, %d, %v) = %+v %v, want %q %v %v", tt.raw, tt.kind, tt.d1904, f, ok, tt.want, tt.date, tt.ok)
		}
		// A date goes back to its serial (1900 system).
		if ok && !f.Date.IsZero() && !tt.d1904 && tt.kind != numISO && strings.Contains(tt.raw, ".") == false && !strings.Contains(tt.raw, "E") {
			if got := fmt.Sprint(f.Date.ExcelSerial()); got != tt.raw {
				t.Errorf("%q: the date goes back to %s", tt.raw, got)
			}
		}
	}
}

func TestISO(t *testing.T) {
	for _, d := range []pipeline.Date{{Year: 1, Month: 1, Day: 1}, {Year: 1900, Month: 2, Day: 28}, {Year: 2013, Month: 1, Day: 18}, {Year: 9999, Month: 12, Day: 31}} {
		if got := iso(d); got != d.String() {
			t.Errorf("iso(%v) = %q", d, got)
		}
	}
	for secs, want := range map[int]string{0: "00:00", 59: "00:00:59", 3600*14 + 30*60: "14:30", 36 * 3600: "36:00", 100*3600 + 1: "100:00:01"} {
		if got := clock(secs); got != want {
			t.Errorf("clock(%d) = %q, want %q", secs, got, want)
		}
	}
}

func TestVolatile(t *testing.T) {
	for f, want := range map[string]string{
		"TODAY()":                   "TODAY",
		"A1+now()":                  "NOW",
		"_xlfn.RANDARRAY(3)":        "RANDARRAY",
		"RANDBETWEEN(1,6)":          "RANDBETWEEN",
		"SUM(A1:A3)":                "",
		"MYTODAY()":                 "",
		"NOWHERE(1)":                "",
		`IF(A1>0,"TODAY","")`:       "",
		"DATE(2013,1,18)+TODAY()*0": "TODAY",
	} {
		if got := volatile(f); got != want {
			t.Errorf("volatile(%q) = %q, want %q", f, got, want)
		}
	}
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		in    string
		cdata bool
		err   string
	}{
		{"plain", false, ""},
		{"Улаанбаатар ₮ 😀", false, ""},
		{"&lt;&gt;&amp;&apos;&quot;", false, ""},
		{"&#65;&#x41;&#x10FFFF;", false, ""},
		{"a & b", false, "a bare '&'"},
		{"&nbsp;", false, "the undefined entity &nbsp;"},
		{"&#0;", false, "not a character XML allows"},
		{"&#xD800;", false, "not a character XML allows"},
		{"&#x110000;", false, "not a character XML allows"},
		{"&#;", false, "the undefined entity &#;"},
		{"a & b", true, ""},
		{"tab\tand\r\nnewline", false, ""},
		{"\x00", false, "the control character U+0000"},
		{"\x1f", false, "the control character U+001F"},
		{"\xEF\xBF\xBE", false, "U+FFFE"},
		{"\xEF\xBF\xBF", true, "U+FFFF"},
		{"\xEF\xBF\xBD", false, ""}, // U+FFFD is allowed
		{"\xC3\x28", false, "not valid UTF-8"},
		{"\xED\xA0\x80", false, "not valid UTF-8"}, // a surrogate
	}
	x := newXMLTokens(nil)
	for _, tt := range tests {
		err := x.checkText([]byte(tt.in), tt.cdata)
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("checkText(%q, %v) = %v, want %q", tt.in, tt.cdata, err, tt.err)
		}
	}
}

// tokens reads a document through xmlTokens in reads of one byte at a
// time, so that every token straddles the window's refills.
func tokens(doc []byte, oneByte bool) error {
	var r io.Reader = bytes.NewReader(doc)
	if oneByte {
		r = iotestOneByte{r}
	}
	x := newXMLTokens(r)
	x.buf = make([]byte, 16)
	for {
		if err := x.next(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

type iotestOneByte struct{ r io.Reader }

func (o iotestOneByte) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}

// FuzzXMLTokens: whatever encoding/xml (and so excelize) reads without an
// error, xmlTokens reads too, however the input is cut into reads; a
// valid file is never refused as damaged.
func FuzzXMLTokens(f *testing.F) {
	for _, s := range []string{
		`<a/>`,
		`<?xml version="1.0"?><x:a xmlns:x="u"><x:b r="1" s='2'>t&amp;&#65;</x:b><!-- c --><![CDATA[<&]]></x:a>`,
		"<a>\xEF\xBB\xBF Улаан &lt;</a>",
		`<!DOCTYPE a [<!ENTITY e "x">]><a b="&quot;"/>`,
		`<a><b></b ><c
		d = "1"/></a>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		d := xml.NewDecoder(bytes.NewReader(doc))
		var err error
		elements := 0
		for {
			var tok xml.Token
			tok, err = d.Token()
			if err != nil {
				break
			}
			if _, ok := tok.(xml.StartElement); ok {
				elements++
			}
		}
		if err != io.EOF || elements == 0 {
			return // encoding/xml refuses it, or it holds no element
		}
		if bytes.HasPrefix(doc, []byte("\xEF\xBB\xBF")) {
			return // encoding/xml refuses a byte order mark; excelize's files have none
		}
		for _, oneByte := range []bool{false, true} {
			if err := tokens(doc, oneByte); err != nil {
				t.Fatalf("encoding/xml reads %q, xmlTokens (one byte at a time: %v) says %v", doc, oneByte, err)
			}
		}
	})
}

// checkedReader passes a copy of a zip entry through when its size and
// checksum are the entry's, and fails at its end otherwise.
func TestCheckedReader(t *testing.T) {
	data := []byte(strings.Repeat("<row/>", 1000))
	tests := []struct {
		name string
		crc  uint32
		size int64
		ok   bool
	}{
		{"the entry's", crc32.ChecksumIEEE(data), int64(len(data)), true},
		{"another checksum", crc32.ChecksumIEEE(data) + 1, int64(len(data)), false},
		{"another size", crc32.ChecksumIEEE(data), int64(len(data)) + 1, false},
	}
	for _, tt := range tests {
		r := &checkedReader{r: iotestOneByte{bytes.NewReader(data)}, c: io.NopCloser(nil), want: tt.crc, size: tt.size}
		got, err := io.ReadAll(r)
		if tt.ok != (err == nil) || !bytes.Equal(got, data) || !tt.ok && !errors.Is(err, zip.ErrChecksum) {
			t.Errorf("%s: %d bytes, err %v", tt.name, len(got), err)
		}
	}
}
