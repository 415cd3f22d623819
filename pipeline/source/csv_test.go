package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"coopreport/pipeline"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func encode1251(t testing.TB, s string) []byte {
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func encodeUTF16(t testing.TB, e unicode.Endianness, s string) []byte {
	b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writeFile writes data to a fresh file called name and returns its path.
func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// readAll opens path and returns the rows of its only table (copied: Next
// reuses the cells) and the error that ended them.
func readAll(t testing.TB, path, name string) (*Table, []Row, error) {
	t.Helper()
	f, err := Open(path, name, Options{})
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	if n := len(f.Tables()); n != 1 {
		t.Fatalf("%d tables, want 1", n)
	}
	tab := f.Tables()[0]
	var rows []Row
	for {
		r, err := tab.Next()
		if err == io.EOF {
			return tab, rows, nil
		}
		if err != nil {
			return tab, rows, err
		}
		rows = append(rows, Row{Number: r.Number, Cells: append([]string(nil), r.Cells...)})
	}
}

func row(n int, cells ...string) Row { return Row{Number: n, Cells: cells} }

func TestCSV(t *testing.T) {
	tests := []struct {
		name      string
		data      []byte
		encoding  string
		delimiter rune
		want      []Row
	}{
		{
			name:      "UTF-8 with BOM, comma",
			data:      []byte("\xEF\xBB\xBFid,country,amount\n1,Russia,\"1,250,000.50\"\n"),
			encoding:  "UTF-8 BOM",
			delimiter: ',',
			want:      []Row{row(1, "id", "country", "amount"), row(2, "1", "Russia", "1,250,000.50")},
		},
		{
			name:      "BOM before a quoted header cell",
			data:      []byte("\xEF\xBB\xBF\"id\",\"name\"\r\n\"A-1\",\"x\"\r\n"),
			encoding:  "UTF-8 BOM",
			delimiter: ',',
			want:      []Row{row(1, "id", "name"), row(2, "A-1", "x")},
		},
		{
			name: "Windows-1251 semicolon with a title row",
			data: encode1251(t, "Отчёт о сотрудничестве;;;\r\n;;;\r\nid;страна;дата;сумма\r\n"+
				"1;Россия;18.01.2013;1 250 000,50\r\n2;Монголия, Улан-Батор;;\r\n"),
			encoding:  "Windows-1251",
			delimiter: ';',
			want: []Row{
				row(1, "Отчёт о сотрудничестве", "", "", ""),
				row(3, "id", "страна", "дата", "сумма"),
				row(4, "1", "Россия", "18.01.2013", "1 250 000,50"),
				row(5, "2", "Монголия, Улан-Батор", "", ""),
			},
		},
		{
			name:      "UTF-16LE with BOM, tab (Excel Unicode text)",
			data:      encodeUTF16(t, unicode.LittleEndian, "id\tcountry\tnotes\r\n1\tМонгол Улс\t\"a, b\"\r\n"),
			encoding:  "UTF-16LE",
			delimiter: '\t',
			want:      []Row{row(1, "id", "country", "notes"), row(2, "1", "Монгол Улс", "a, b")},
		},
		{
			name:      "UTF-16BE with BOM",
			data:      encodeUTF16(t, unicode.BigEndian, "id\tcountry\n7\tОХУ\n"),
			encoding:  "UTF-16BE",
			delimiter: '\t',
			want:      []Row{row(1, "id", "country"), row(2, "7", "ОХУ")},
		},
		{
			name:      "a multi-line quoted cell is one row, as spreadsheets show it",
			data:      []byte("id,notes,x\n1,\"line one\nline two\r\nline three\",a\n2,b,c\n\n3,\"\",d\n"),
			encoding:  "UTF-8",
			delimiter: ',',
			want: []Row{
				row(1, "id", "notes", "x"),
				row(2, "1", "line one\nline two\nline three", "a"),
				row(3, "2", "b", "c"),
				row(5, "3", "", "d"), // the blank line is row 4

			},
		},
		{
			name:      "title rows without delimiters above the header",
			data:      []byte("Report on cultural cooperation\nMinistry of Culture\n\nid;country;date\n1;RU;2013-01-18\n2;CN;2013-02-01\n"),
			encoding:  "UTF-8",
			delimiter: ';',
			want: []Row{
				row(1, "Report on cultural cooperation"),
				row(2, "Ministry of Culture"),
				row(4, "id", "country", "date"),
				row(5, "1", "RU", "2013-01-18"),
				row(6, "2", "CN", "2013-02-01"),
			},
		},
		{
			name:      "blank and space-only rows are skipped, numbers kept",
			data:      []byte("a,b\n,\n  , \n1,2\n"),
			encoding:  "UTF-8",
			delimiter: ',',
			want:      []Row{row(1, "a", "b"), row(4, "1", "2")},
		},
		{
			name:      "lines ending in a lone CR (old Mac export)",
			data:      []byte("a;b\r1;2\r\r3;4"),
			encoding:  "UTF-8",
			delimiter: ';',
			want:      []Row{row(1, "a", "b"), row(2, "1", "2"), row(4, "3", "4")},
		},
		{
			name:      "stray quote inside a cell is text",
			data:      []byte("size,name\n5\" disk,a\"b\n"),
			encoding:  "UTF-8",
			delimiter: ',',
			want:      []Row{row(1, "size", "name"), row(2, "5\" disk", "a\"b")},
		},
		{
			name:      "last multi-line cell properly closed",
			data:      []byte("id,notes\n1,\"a\nb\"\n\n"),
			encoding:  "UTF-8",
			delimiter: ',',
			want:      []Row{row(1, "id", "notes"), row(2, "1", "a\nb")},
		},
		{
			name:      "empty file",
			data:      nil,
			encoding:  "UTF-8",
			delimiter: ',',
			want:      nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, rows, err := readAll(t, writeFile(t, "in.csv", tt.data), "in.csv")
			if err != nil {
				t.Fatal(err)
			}
			if tab.Encoding != tt.encoding || tab.Delimiter != tt.delimiter {
				t.Errorf("encoding %q delimiter %q, want %q %q", tab.Encoding, tab.Delimiter, tt.encoding, tt.delimiter)
			}
			if tab.File != "in.csv" || tab.Sheet != "" {
				t.Errorf("table %q %q", tab.File, tab.Sheet)
			}
			if !reflect.DeepEqual(rows, tt.want) {
				t.Errorf("rows\n got %+v\nwant %+v", rows, tt.want)
			}
		})
	}
}

func TestCSVUnclosedQuote(t *testing.T) {
	data := []byte("id,notes\n1,ok\n2,\"never closed\n3,lost\n4,lost too\n")
	_, rows, err := readAll(t, writeFile(t, "a.csv", data), "a.csv")
	var fe *pipeline.FileError
	if !errors.As(err, &fe) || !errors.Is(err, ErrBadCSV) {
		t.Fatalf("err = %v, want a FileError wrapping ErrBadCSV", err)
	}
	if fe.File != "a.csv" || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("err = %q, want it to name a.csv and line 3", err)
	}
	if len(rows) != 3 || rows[2].Number != 3 {
		t.Errorf("rows = %+v", rows)
	}
}

func TestCSVRowReused(t *testing.T) {
	// Next may reuse the slice: a caller that keeps cells must copy them.
	// This documents it, and that the values are still right per call.
	f, err := Open(writeFile(t, "r.csv", []byte("a,b\nc,d\n")), "r.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab := f.Tables()[0]
	r1, _ := tab.Next()
	if got := strings.Join(r1.Cells, "|"); got != "a|b" {
		t.Fatalf("row 1 = %q", got)
	}
	r2, _ := tab.Next()
	if got := strings.Join(r2.Cells, "|"); got != "c|d" {
		t.Fatalf("row 2 = %q", got)
	}
	if _, err := tab.Next(); err != io.EOF {
		t.Fatalf("err = %v, want io.EOF", err)
	}
	if _, err := tab.Next(); err != io.EOF {
		t.Fatalf("second EOF: err = %v", err)
	}
}

func TestCSVWindows1251AfterLongASCII(t *testing.T) {
	// The sniff sample ends inside the ASCII part; the whole file is
	// checked, so the Cyrillic after it is read as Windows-1251, not
	// turned into U+FFFD.
	var b bytes.Buffer
	b.WriteString("id;name\n")
	for b.Len() < sniffSize+100 {
		b.WriteString("1;latin\n")
	}
	b.Write(encode1251(t, "2;Россия\n"))
	tab, rows, err := readAll(t, writeFile(t, "late.csv", b.Bytes()), "late.csv")
	if err != nil {
		t.Fatal(err)
	}
	last := rows[len(rows)-1]
	if tab.Encoding != "Windows-1251" || last.Cells[1] != "Россия" {
		t.Errorf("encoding %q, last row %q", tab.Encoding, last.Cells)
	}
}

// A file with a UTF-8 byte order mark whose bytes past the sniffed
// sample are not UTF-8 fails, naming the line, instead of reading them as
// U+FFFD; the mark itself never reaches the first header cell.
func TestCSVUTF8MarkThenOtherBytes(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("\ufeffid;name\n")
	for b.Len() < sniffSize+100 {
		b.WriteString("1;Өвөр\n")
	}
	good := b.Len()
	b.Write(encode1251(t, "2;Россия\n"))
	if _, _, err := readAll(t, writeFile(t, "mixed.csv", b.Bytes()), "mixed.csv"); !errors.Is(err, ErrBadCSV) || !strings.Contains(err.Error(), "line") {
		t.Errorf("err = %v, want a bad CSV naming the line", err)
	}
	tab, rows, err := readAll(t, writeFile(t, "good.csv", b.Bytes()[:good]), "good.csv")
	if err != nil || tab.Encoding != EncUTF8BOM || rows[0].Cells[0] != "id" || rows[len(rows)-1].Cells[1] != "Өвөр" {
		t.Errorf("%v: encoding %q, first row %q", err, tab.Encoding, rows[0].Cells)
	}
}

// The reader that decides the encoding as the file goes by: UTF-8 passes,
// a file that is ASCII until a byte that is not UTF-8 is Windows-1251 from
// the start, and one that mixes UTF-8 letters with other bytes fails.
func TestGuessReader(t *testing.T) {
	long := strings.Repeat("ab", 40000) // longer than a read
	for _, tt := range []struct {
		name, text, want string
		fails            bool
	}{
		{name: "ascii", text: long, want: long},
		{name: "cyrillic across read edges", text: long[:65535] + strings.Repeat("Өвөр Монгол ₮ 😀", 9000), want: long[:65535] + strings.Repeat("Өвөр Монгол ₮ 😀", 9000)},
		{name: "windows-1251 late", text: long + "\xd0\xee\xf1", want: long + "Рос"},
		{name: "cut at the end", text: long + "\xd0", want: long + "Р"},
		{name: "utf-8, then another encoding", text: "Өвөр" + long + "\xd0\xee", fails: true},
		{name: "empty", text: "", want: ""},
	} {
		got, err := io.ReadAll(&guessReader{r: strings.NewReader(tt.text), name: "a.csv", ascii: true})
		if tt.fails {
			if !errors.Is(err, ErrBadCSV) {
				t.Errorf("%s: err = %v, want a bad CSV", tt.name, err)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: %d bytes, %v; want %d bytes", tt.name, len(got), err, len(tt.want))
		}
	}
}

func TestOpenUnknownExtension(t *testing.T) {
	_, err := Open(writeFile(t, "a.ods", []byte("x")), "a.ods", Options{})
	if !errors.Is(err, ErrUnknownExt) {
		t.Fatalf("err = %v", err)
	}
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("id,notes\n1,\"a\nb\"\n2,c\n"))
	f.Add([]byte("\xEF\xBB\xBFa;b\r\n;\r\n1;2"))
	f.Add([]byte("\xFF\xFEa\x00\t\x00b\x00\n\x00"))
	f.Add([]byte("a\rb\r\"c\rd\""))
	f.Add(encode1251(f, "Отчёт;;\nid;страна\n1;\"Рос\"сия\"\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, fmt.Sprintf("f%d.csv", os.Getpid()))
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		file, err := Open(p, "f.csv", Options{})
		if err != nil {
			t.Fatal(err) // a readable CSV file always opens
		}
		defer file.Close()
		tab := file.Tables()[0]
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
			if blank(r.Cells) {
				t.Fatalf("blank row %d returned", r.Number)
			}
			prev = r.Number
		}
	})
}

// BenchmarkCSV reads 100,000 rows of ten columns (Cyrillic text, amounts,
// dates) from a semicolon-delimited UTF-8 file with a BOM.
func BenchmarkCSV(b *testing.B) {
	const rows = 100_000
	var buf bytes.Buffer
	buf.WriteString("\xEF\xBB\xBFid;date;country;type;title;participants;amount;currency;agency;notes\n")
	for i := range rows {
		fmt.Fprintf(&buf, "A-%d;2013-01-%02d;Россия;festival;\"Дни культуры Монголии, %d\";%d;%d,50;MNT;Министерство культуры;\n",
			i, i%28+1, i, i%300, i*1000)
	}
	p := writeFile(b, "bench.csv", buf.Bytes())
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		f, err := Open(p, "bench.csv", Options{})
		if err != nil {
			b.Fatal(err)
		}
		tab := f.Tables()[0]
		n := 0
		for {
			_, err := tab.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		if n != rows+1 {
			b.Fatalf("%d rows", n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows), "ns/row")
}
