package source

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

func TestSniff(t *testing.T) {
	cyr := []byte("Россия")
	tests := []struct {
		name      string
		head      []byte
		encoding  string
		delimiter rune
	}{
		{"empty", nil, "UTF-8", ','},
		{"comma", []byte("a,b,c\n1,2,3\n"), "UTF-8", ','},
		{"semicolon with commas in text", []byte("id;title;amount\n1;Culture, arts;1,5\n2;Days, weeks, months;2\n"), "UTF-8", ';'},
		{"comma with semicolons in text", []byte("id,title\n1,\"a;b;c;d\"\n2,x;y\n3,z\n"), "UTF-8", ','},
		{"tab", []byte("a\tb\tc\n1\t2\t3\n"), "UTF-8", '\t'},
		{"title rows with trailing delimiters", []byte("Report;;;\nMinistry;;;\n;;;\nid;country;date;amount\n1;RU;x;1,5\n"), "UTF-8", ';'},
		{"title row with a comma", []byte("Report, 2024\n\nid;country;date\n1;RU;x\n2;CN;y\n"), "UTF-8", ';'},
		{"nine title rows then header", []byte(strings.Repeat("Title line\n", 9) + "a;b;c\n"), "UTF-8", ';'},
		{"quoted line break holds delimiters", []byte("a;b\n\"x,y,z\nu,v,w\";2\n3;4\n"), "UTF-8", ';'},
		{"no delimiter at all", []byte("hello\nworld\n"), "UTF-8", ','},
		{"UTF-8 BOM", []byte("\xEF\xBB\xBFa;b\n"), "UTF-8 BOM", ';'},
		{"UTF-16LE tab", mustUTF16(unicode.LittleEndian, "a\tb\n1\t2\n"), "UTF-16LE", '\t'},
		{"UTF-16LE comma", mustUTF16(unicode.LittleEndian, "a,b\n1,2\n"), "UTF-16LE", ','},
		{"UTF-16BE no delimiter", mustUTF16(unicode.BigEndian, "ab\n"), "UTF-16BE", '\t'},
		{"UTF-16LE odd length", append(mustUTF16(unicode.LittleEndian, "a\tb\n"), 'x'), "UTF-16LE", '\t'},
		{"Windows-1251", append([]byte("id;name\n1;"), 0xD0, 0xEE, 0xF1, 0xF1, 0xE8, 0xFF), "Windows-1251", ';'},
		{"UTF-8 cut inside a character", append([]byte("a;b\n1;"), cyr[:3]...), "UTF-8", ';'},
		{"invalid byte before the end", append(append([]byte("a;b\n1;"), cyr[:3]...), 'x'), "Windows-1251", ';'},
		{"lone CR line ends", []byte("a;b\r1;2\r3;4\r"), "UTF-8", ';'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc, d := Sniff(tt.head)
			if enc != tt.encoding || d != tt.delimiter {
				t.Errorf("Sniff = %q %q, want %q %q", enc, d, tt.encoding, tt.delimiter)
			}
		})
	}
}

func TestSniffCompleteFile(t *testing.T) {
	// A character cut at the end of a whole file is an encoding error,
	// not the edge of the sample.
	cut := append([]byte("a;b\n1;"), []byte("Ж")[:1]...)
	if s := sniff(cut, true); s.encoding != EncCP1251 {
		t.Errorf("complete: %q, want Windows-1251", s.encoding)
	}
	if s := sniff(cut, false); s.encoding != EncUTF8 {
		t.Errorf("sample: %q, want UTF-8", s.encoding)
	}
}

func TestFieldCounts(t *testing.T) {
	tests := []struct {
		in       string
		complete bool
		want     []int
	}{
		{"a,b\n\n1,2,3", true, []int{2, 3}},
		{"a,b\n1,2,3", false, []int{2}}, // the sample may cut the last line
		{"a,b", false, []int{2}},        // unless it is the only one
		{"\"a,b\",c\n", true, []int{2}},
		{"\"a\"\"b,c\",d\n", true, []int{2}},
		{"x\"a,b\",c\n", true, []int{3}}, // a quote inside a field opens nothing
		{"\"a\nb,c\",d\r\ne,f\r\n", true, []int{2, 2}},
		{strings.Repeat("a,b\n", 20), true, []int{2, 2, 2, 2, 2, 2, 2, 2, 2, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := fieldCounts([]byte(tt.in), ',', tt.complete)
			if !equalInts(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func mustUTF16(e unicode.Endianness, s string) []byte {
	b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func FuzzSniff(f *testing.F) {
	f.Add([]byte("a;b\n1;2\n"))
	f.Add([]byte("\xEF\xBB\xBF\"x\",y\n"))
	f.Add(mustUTF16(unicode.LittleEndian, "a\tb\n"))
	f.Add([]byte{0xFE, 0xFF, 0x00})
	f.Add([]byte("\"a\n\"\"b;c\r"))
	f.Fuzz(func(t *testing.T, head []byte) {
		enc, d := Sniff(head)
		switch enc {
		case EncUTF8, EncUTF8BOM, EncUTF16LE, EncUTF16BE, EncCP1251:
		default:
			t.Fatalf("encoding %q", enc)
		}
		if d != ',' && d != ';' && d != '\t' {
			t.Fatalf("delimiter %q", d)
		}
		in := bytes.Clone(head)
		if enc2, d2 := Sniff(head); enc2 != enc || d2 != d {
			t.Fatalf("not deterministic: %q %q then %q %q", enc, d, enc2, d2)
		}
		if !bytes.Equal(in, head) {
			t.Fatal("Sniff changed its input")
		}
	})
}
