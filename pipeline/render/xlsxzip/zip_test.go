package xlsxzip

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
)

// Entries compressed in parallel blocks read back as written, whatever
// their size: empty, under a block, across many blocks with back
// references over the cuts; the sheet's dimension fixed, the content
// types sorted, the entries in name order, the same bytes every time.
func TestWriter(t *testing.T) {
	var sheet strings.Builder
	sheet.WriteString(`<worksheet><dimension ref="A1"/><sheetData>`)
	for i := 0; sheet.Len() < 3*blockSize+12345; i++ {
		fmt.Fprintf(&sheet, `<row r="%d"><c t="inlineStr"><is><t>Activity %d, %x</t></is></c></row>`, i+2, i%977, i*7919)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	want := map[string]string{
		"xl/worksheets/sheet1.xml": strings.Replace(sheet.String(), `ref="A1"`, `ref="A1:C9"`, 1),
		"[Content_Types].xml":      `<Types><Default Extension="xml" ContentType="x"/><Default Extension="png" ContentType="p"/></Types>`,
		"empty.xml":                "",
		"small.xml":                "<a>small</a>",
	}
	write := func() []byte {
		var buf bytes.Buffer
		z := New(context.Background(), &buf, map[string]string{"xl/worksheets/sheet1.xml": "A1:C9"}, t.TempDir())
		for _, name := range []string{"small.xml", "xl/worksheets/sheet1.xml", "empty.xml", "[Content_Types].xml"} {
			w, _ := z.Create(name)
			text := sheet.String()
			switch name {
			case "[Content_Types].xml":
				text = `<Types><Default Extension="xml" ContentType="x"/><Default Extension="png" ContentType="p"/></Types>`
			case "empty.xml":
				text = ""
			case "small.xml":
				text = "<a>small</a>"
			}
			for len(text) > 0 { // in uneven pieces, as excelize copies
				n := min(len(text), 70001)
				w.Write([]byte(text[:n]))
				text = text[n:]
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	b := write()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // checks the CRC and the size
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		w := want[f.Name]
		if f.Name == "[Content_Types].xml" {
			w = `<Types><Default Extension="png" ContentType="p"/><Default Extension="xml" ContentType="x"/></Types>`
		}
		if string(got) != w {
			t.Errorf("%s: %d bytes read back, want %d", f.Name, len(got), len(w))
		}
	}
	if strings.Join(names, " ") != "[Content_Types].xml empty.xml small.xml xl/worksheets/sheet1.xml" {
		t.Errorf("entries %q", names)
	}
	if sheet := zr.File[3]; sheet.CompressedSize64 > sheet.UncompressedSize64/5 {
		t.Errorf("sheet compressed to %d of %d bytes", sheet.CompressedSize64, sheet.UncompressedSize64)
	}
	if !bytes.Equal(write(), b) {
		t.Error("two writes differ")
	}
}
