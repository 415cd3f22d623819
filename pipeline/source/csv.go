package source

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

func openCSV(path, name string) (*File, error) {
	fh, s, err := openSniffed(path, name)
	if err != nil {
		return nil, err
	}
	t := newCSVTable(name, fh, s)
	return &File{Name: name, tables: []*Table{t}, close: fh.Close}, nil
}

// openSniffed opens a CSV file and sniffs its encoding and delimiter from
// its first bytes, leaving it positioned at the start.
func openSniffed(path, name string) (*os.File, sniffed, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, sniffed{}, fileError(name, "", ErrBadCSV, "the file cannot be opened: %v", err)
	}
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(fh, head)
	complete := err == io.EOF || err == io.ErrUnexpectedEOF
	if err == nil || complete {
		_, err = fh.Seek(0, io.SeekStart)
	}
	if err != nil {
		fh.Close()
		return nil, sniffed{}, fileError(name, "", ErrBadCSV, "the file cannot be read: %v", err)
	}
	s := sniff(head[:n], complete)
	if s.encoding == EncUTF8 && !complete {
		// The sample was UTF-8, but a Windows-1251 file may hold only
		// ASCII in its first 64 KiB: its Cyrillic would come out as U+FFFD
		// without a word. Check the whole file.
		valid, err := validUTF8Stream(fh)
		if err == nil {
			_, err = fh.Seek(0, io.SeekStart)
		}
		if err != nil {
			fh.Close()
			return nil, sniffed{}, fileError(name, "", ErrBadCSV, "the file cannot be read: %v", err)
		}
		if !valid {
			s.encoding = EncCP1251
		}
	}
	return fh, s, nil
}

// validUTF8Stream reports whether everything r holds is valid UTF-8,
// reading it in chunks.
func validUTF8Stream(r io.Reader) (bool, error) {
	buf := make([]byte, 64<<10)
	carry := 0 // bytes of a character cut at the end of the last chunk
	for {
		n, err := r.Read(buf[carry:])
		n += carry
		end := n
		if err == nil {
			// Leave a cut character for the next chunk: at most 3 bytes
			// back lies the start of the last character.
			for back := 1; back <= 3 && back <= n; back++ {
				if b := buf[n-back]; b&0xC0 != 0x80 { // a leading byte
					if !utf8.FullRune(buf[n-back : n]) {
						end = n - back
					}
					break
				}
			}
		}
		if !utf8.Valid(buf[:end]) {
			return false, nil
		}
		carry = copy(buf, buf[end:n])
		if err == io.EOF {
			return carry == 0, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// newCSVTable reads CSV from r, which is positioned at the start of the
// file (before any byte order mark).
func newCSVTable(name string, r io.Reader, s sniffed) *Table {
	c := &csvTable{name: name, tail: &tailReader{r: decode(r, s)}}
	c.r = NewCSVReader(c.tail, s.delimiter)
	c.r.ReuseRecord = true
	return &Table{File: name, Delimiter: s.delimiter, Encoding: s.encoding, next: c.next}
}

// decode turns the bytes of a CSV file into UTF-8 text. The decoder
// follows a byte order mark whatever was sniffed, and drops it, so that it
// never sticks to the first header cell.
func decode(r io.Reader, s sniffed) io.Reader {
	var fallback encoding.Encoding = unicode.UTF8
	if s.encoding == EncCP1251 {
		fallback = charmap.Windows1251
	}
	r = transform.NewReader(r, unicode.BOMOverride(fallback.NewDecoder()))
	if s.crOnly {
		r = crToLF{r}
	}
	return r
}

// NewCSVReader returns an encoding/csv Reader over UTF-8 text set up as
// the tables' own: ragged rows allowed (title rows above the header are
// short) and a stray quote inside a cell read as text, as Excel does.
func NewCSVReader(text io.Reader, delimiter rune) *csv.Reader {
	r := csv.NewReader(text)
	r.Comma = delimiter
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	return r
}

// CSVText opens the CSV file at path (named name in errors) and returns its
// text decoded to UTF-8 as Open reads it, for readers that map records
// themselves, and the delimiter found. Close the Closer when done.
func CSVText(path, name string) (text io.Reader, c io.Closer, delimiter rune, err error) {
	fh, s, err := openSniffed(path, name)
	if err != nil {
		return nil, nil, 0, err
	}
	return decode(fh, s), fh, s.delimiter, nil
}

type csvTable struct {
	name string
	r    *csv.Reader
	tail *tailReader
	err  error // sticky: io.EOF or the error that ended the table

	// folded counts the line breaks inside the cells of the records read:
	// a spreadsheet program shows a record as one row, whatever lines its
	// cells take in the file.
	folded int

	// Where the last record's last cell began if it held a line break:
	// that cell may be a quote never closed (see next).
	openLine int
}

func (c *csvTable) next() (Row, error) {
	for c.err == nil {
		rec, err := c.r.Read()
		if err == io.EOF {
			c.err = io.EOF
			// With LazyQuotes, a quoted cell whose closing quote is
			// missing swallows the rest of the file without an error.
			// Such a cell is the last one, holds line breaks, and the
			// file then does not end in a quote.
			if c.openLine > 0 && c.tail.last != '"' {
				c.err = fileError(c.name, "", ErrBadCSV,
					"the quoted cell that starts on line %d is never closed, so the rest of the file was read into it; add the missing closing quote (\")", c.openLine)
			}
			break
		}
		if err != nil {
			if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
				c.err = fileError(c.name, "", ErrBadCSV, "line %d cannot be read: %v", pe.Line, pe.Err)
			} else {
				c.err = fileError(c.name, "", ErrBadCSV, "the file cannot be read: %v", err)
			}
			break
		}
		c.openLine = 0
		if last := len(rec) - 1; strings.ContainsAny(rec[last], "\r\n") {
			c.openLine, _ = c.r.FieldPos(last)
		}
		line, _ := c.r.FieldPos(0)
		number := line - c.folded
		c.folded += lineBreaks(rec)
		if blank(rec) {
			continue
		}
		return Row{Number: number, Line: line, Cells: rec}, nil
	}
	return Row{}, c.err
}

// lineBreaks counts the line breaks inside the cells of a CSV record: the
// lines the record takes in the file beyond its first.
func lineBreaks(cells []string) int {
	n := 0
	for _, c := range cells {
		n += strings.Count(c, "\n")
	}
	return n
}

// tailReader remembers the last byte it passed on that is not part of a
// line end.
type tailReader struct {
	r    io.Reader
	last byte
}

func (t *tailReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	for i := n - 1; i >= 0; i-- {
		if p[i] != '\n' && p[i] != '\r' {
			t.last = p[i]
			break
		}
	}
	return n, err
}

// crToLF turns every CR into LF, for files whose lines end in a lone CR.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}
