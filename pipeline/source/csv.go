package source

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

func openCSV(path, name string) (*File, error) {
	fh, info, err := openRegular(path, name, ErrBadCSV)
	if err != nil {
		return nil, err
	}
	f, c, err := readCSV(readUpTo(fh, info.Size()), name)
	if err != nil {
		fh.Close()
		return nil, err
	}
	c.changed = func() bool {
		now, err := fh.Stat()
		return err != nil || now.Size() != info.Size() || !now.ModTime().Equal(info.ModTime())
	}
	f.close = fh.Close
	return f, nil
}

// readCSV reads the CSV file whose bytes r gives, as openCSV opened it;
// OpenBytes calls it for a file in memory.
func readCSV(r io.Reader, name string) (*File, *csvTable, error) {
	// The file is read once: hashed as it is parsed, so that the hash
	// the manifest gives is of the very bytes the report was made from.
	h := sha256.New()
	br := bufio.NewReaderSize(io.TeeReader(r, h), sniffSize)
	head, err := br.Peek(sniffSize)
	complete := err == io.EOF
	if err != nil && !complete {
		return nil, nil, fileError(name, "", ErrBadCSV, "the file cannot be read: %v", err)
	}
	s := sniff(head, complete)
	var text io.Reader = br
	var g *guessReader
	switch {
	case s.encoding == EncUTF8 && !complete:
		// The sample was UTF-8, but a Windows-1251 file may hold only
		// ASCII in its first 64 KiB: its Cyrillic would come out as U+FFFD
		// without a word. The reader switches when it meets the first
		// byte that is not UTF-8 (see guessReader).
		g = &guessReader{r: br, name: name, ascii: true}
		text = g
	case s.encoding == EncUTF8BOM:
		// A file that says it is UTF-8 and is not, past the sample, is
		// an error too, never a line of U+FFFD.
		text = &guessReader{r: br, name: name}
	}
	t, c := newCSVTable(name, text, s)
	if g != nil {
		g.encoding = &t.Encoding
	}
	return &File{Name: name, tables: []*Table{t},
		sum: func() string { return hex.EncodeToString(h.Sum(nil)) }}, c, nil
}

// guessReader passes UTF-8 through until it meets a byte that is not
// UTF-8. If everything before was ASCII, the file is Windows-1251 (whose
// ASCII is the same) and the rest is decoded so; if it had UTF-8 letters
// already, the file mixes encodings and cannot be read without a guess.
type guessReader struct {
	r        io.Reader
	name     string
	encoding *string   // the table's, set when the reader switches
	ascii    bool      // only ASCII so far
	cp       io.Reader // the Windows-1251 decoder, once switched
	buf      []byte
	carry    []byte // bytes of a character cut at the end of the last read
	line     int    // lines passed, for the message
	err      error
}

func (g *guessReader) Read(p []byte) (int, error) {
	if g.cp != nil {
		return g.cp.Read(p)
	}
	if g.err != nil {
		return 0, g.err
	}
	if cap(g.buf) < len(p) {
		g.buf = make([]byte, len(p))
	}
	buf := g.buf[:len(p)]
	n := copy(buf, g.carry)
	k, err := g.r.Read(buf[n:])
	n += k
	end := n
	if err == nil {
		// Leave a character cut at the end for the next read.
		for back := 1; back <= 3 && back <= n; back++ {
			if utf8.RuneStart(buf[n-back]) {
				if !utf8.FullRune(buf[n-back : n]) {
					end = n - back
				}
				break
			}
		}
	}
	chunk := buf[:end]
	if bad := invalidAt(chunk); bad >= 0 || err == io.EOF && end < n {
		if bad < 0 {
			bad = end
		}
		if !g.ascii || !isASCII(chunk[:bad]) {
			g.line += bytes.Count(chunk[:bad], []byte{'\n'})
			g.err = fileError(g.name, "", ErrBadCSV,
				"the file mixes encodings: it holds UTF-8 text, and on line %d a byte that is not UTF-8; save it again as CSV UTF-8", g.line+1)
			return 0, g.err
		}
		// Windows-1251 from the start: the ASCII passed on is the same.
		if g.encoding != nil {
			*g.encoding = EncCP1251
		}
		rest := io.MultiReader(bytes.NewReader(append([]byte(nil), buf[:n]...)), g.r)
		g.cp = transform.NewReader(rest, charmap.Windows1251.NewDecoder())
		return g.cp.Read(p)
	}
	g.ascii = g.ascii && isASCII(chunk)
	g.line += bytes.Count(chunk, []byte{'\n'})
	g.carry = append(g.carry[:0], buf[end:n]...)
	return copy(p, chunk), err
}

// invalidAt is the index of the first byte of b that is not valid UTF-8,
// or -1.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// newCSVTable reads CSV from r, which is positioned at the start of the
// file (before any byte order mark).
func newCSVTable(name string, r io.Reader, s sniffed) (*Table, *csvTable) {
	c := &csvTable{name: name, tail: &tailReader{r: decode(r, s)}}
	c.r = NewCSVReader(c.tail, s.delimiter)
	c.r.ReuseRecord = true
	return &Table{File: name, Delimiter: s.delimiter, Encoding: s.encoding, next: c.next}, c
}

// decode turns the bytes of a CSV file into UTF-8 text. The decoder
// follows a byte order mark whatever was sniffed, and drops it, so that it
// never sticks to the first header cell.
func decode(r io.Reader, s sniffed) io.Reader {
	switch s.encoding {
	case EncUTF8, EncUTF8BOM:
		// Checked already (by sniff for a file it saw whole, by a
		// guessReader otherwise): the bytes pass as they are, but for the
		// byte order mark.
		r = &bomSkipper{r: r}
	default:
		var fallback encoding.Encoding = unicode.UTF8
		if s.encoding == EncCP1251 {
			fallback = charmap.Windows1251
		}
		r = transform.NewReader(r, unicode.BOMOverride(fallback.NewDecoder()))
	}
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

	// changed reports whether the file was saved while it was read.
	changed func() bool
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
			if c.changed != nil && c.changed() {
				c.err = fileError(c.name, "", ErrChanged, "")
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

// bomSkipper drops a UTF-8 byte order mark at the start of its reader.
type bomSkipper struct {
	r    io.Reader
	head []byte // the first bytes, until they are known not to be a mark
	done bool
}

func (b *bomSkipper) Read(p []byte) (int, error) {
	if b.done {
		return b.r.Read(p)
	}
	const bom = "\ufeff"
	for len(b.head) < len(bom) {
		var one [len(bom)]byte
		n, err := b.r.Read(one[:len(bom)-len(b.head)])
		b.head = append(b.head, one[:n]...)
		if err != nil || !strings.HasPrefix(bom, string(b.head)) {
			break
		}
	}
	if string(b.head) == bom {
		b.head = nil
	}
	if len(b.head) == 0 {
		b.done = true
		return b.r.Read(p)
	}
	n := copy(p, b.head)
	if b.head = b.head[n:]; len(b.head) == 0 {
		b.done = true
	}
	return n, nil
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
