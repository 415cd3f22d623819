package schema

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"

	"coopreport/pipeline"
)

// MaxCells is the most cells a CSV row may have: the widest sheet a
// spreadsheet program makes (Excel: 16,384 columns). Cells beyond the
// header up to it are kept as extra fields; a row wider than that is an
// error, since gocsv cannot hand its cells over (see CSVDecoder).
const MaxCells = 16384

// CSVDecoder reads the records of one CSV table, one row at a time,
// through gocsv.
//
// gocsv indexes its header list by cell position and panics on a row
// longer than the header (notes/libraries.md §3), and the row is gone by
// then. So the header list it gets is padded to MaxCells (see normalize):
// a longer row's extra cells come back as unmatched fields, kept as
// "column N". Padding costs once per table, not per row: gocsv walks a row's cells,
// not the header list.
type CSVDecoder[T any] struct {
	r          *csv.Reader
	um         *gocsv.Unmarshaller
	h          *Header
	lineOffset int
	folded     int // line breaks inside the cells read so far (see Next)
	names      *namer
	fields     []int // T's string fields, for the blank check
	unknown    []int // the header's unknown columns
}

// NewCSV reads the header row from r (whose next record must be the row
// FindHeader chose as h) and returns a decoder for the rows below it. The
// caller sets r.FieldsPerRecord = -1, so that short and long rows are
// read. lineOffset is added to r's line numbers, for a reader that starts
// mid-file: the spreadsheet row of the header, less one.
func NewCSV[T any](r *csv.Reader, h *Header, lineOffset int) (*CSVDecoder[T], error) {
	if _, err := tagIndex[T](h); err != nil {
		return nil, err
	}
	um, err := gocsv.NewUnmarshaller(r, new(T))
	if err != nil {
		if err == io.EOF {
			return nil, errors.New("schema: the CSV ends before its header row")
		}
		return nil, err
	}
	if err := h.sameRow(um.Headers); err != nil {
		return nil, err
	}
	folded := lineBreaks(um.Headers...)
	if err := um.RenormalizeHeaders(h.normalize); err != nil {
		return nil, err
	}
	d := &CSVDecoder[T]{r: r, um: um, h: h, lineOffset: lineOffset, folded: folded, names: h.namer(), fields: stringFields[T]()}
	for i, c := range h.Columns {
		if c.Field == "" {
			d.unknown = append(d.unknown, i)
		}
	}
	return d, nil
}

// sameRow checks that the header row gocsv read is the one h was found
// in: a reader positioned on the wrong row would map every cell wrong.
func (h *Header) sameRow(cells []string) error {
	for i := range max(len(cells), len(h.Columns)) {
		var got, want string
		if i < len(cells) {
			got = cells[i]
		}
		if i < len(h.Columns) {
			want = h.Columns[i].Header
		}
		if key(got) != key(want) {
			return fmt.Errorf("schema: the CSV reader is not at the header row: cell %d reads %q, not %q", i+1, got, want)
		}
	}
	return nil
}

// normalize is the header normalizer gocsv gets: for each cell position,
// the canonical name of a known column, the unique name of an unknown
// one, and for positions beyond the header, up to MaxCells, a short
// internal name (padName) that extras turns into "column N". Names are
// unique, so that gocsv maps no two cells onto one field.
func (h *Header) normalize(headers []string) []string {
	out := make([]string, max(len(headers), len(h.Columns), MaxCells))
	for i := range out {
		if i < len(h.Columns) {
			out[i] = h.Columns[i].Name
		} else {
			out[i] = padName(i)
		}
	}
	return out
}

// padName names cell position i beyond the header for gocsv. It starts
// with a NUL, which no header name holds (extraName drops control
// characters), and is two runes long because gocsv compares every header
// name with every field, rune by rune: with "column N" names NewCSV took
// twice as long (about 40 ms for the padding, once per table).
func padName(i int) string { return "\x00" + string(rune(padBase+i)) }

// padBase puts padName's second rune in a private use plane.
const padBase = 0xF0000

// padIndex is the inverse of padName.
func padIndex(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, "\x00")
	if !ok {
		return 0, false
	}
	r, size := utf8.DecodeRuneInString(rest)
	if size != len(rest) || r < padBase || r >= padBase+MaxCells {
		return 0, false
	}
	return int(r - padBase), true
}

// Next returns the next record that is not blank, the row number the
// spreadsheet shows for it (a record is one row, however many lines its
// cells take in the file), and its extra fields as Mapper.Map gives them.
// At the end it returns io.EOF. A CSV syntax error is returned with the
// row it starts on; reading may go on after it.
func (d *CSVDecoder[T]) Next() (rec *T, row int, extra []pipeline.Field, err error) {
	for {
		v, unmatched, err := d.read()
		if err == io.EOF {
			return nil, 0, nil, io.EOF
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, pe.StartLine + d.lineOffset - d.folded, nil, err
			}
			line, _ := d.r.FieldPos(0)
			return nil, line + d.lineOffset - d.folded, nil, err
		}
		line, _ := d.r.FieldPos(0)
		row := line + d.lineOffset - d.folded
		rec, ok := v.(*T)
		if !ok {
			return nil, row, nil, fmt.Errorf("schema: gocsv returned %T, not *%v", v, reflect.TypeFor[T]())
		}
		d.folded += d.lineBreaks(rec, unmatched)
		if d.blank(rec, unmatched) {
			continue
		}
		return rec, row, d.extras(unmatched), nil
	}
}

// read is gocsv's ReadUnmatched, with a panic (a row wider than MaxCells)
// turned into an error for that row.
func (d *CSVDecoder[T]) read() (v any, unmatched map[string]string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the row has more than %d cells, more than any spreadsheet holds; check the file's delimiter", MaxCells)
		}
	}()
	return d.um.ReadUnmatched()
}

// lineBreaks counts the line breaks inside a record's cells.
func (d *CSVDecoder[T]) lineBreaks(rec *T, unmatched map[string]string) int {
	v := reflect.ValueOf(rec).Elem()
	n := 0
	for _, i := range d.fields {
		n += strings.Count(v.Field(i).String(), "\n")
	}
	for _, s := range unmatched {
		n += strings.Count(s, "\n")
	}
	return n
}

func lineBreaks(cells ...string) int {
	n := 0
	for _, c := range cells {
		n += strings.Count(c, "\n")
	}
	return n
}

func (d *CSVDecoder[T]) blank(rec *T, unmatched map[string]string) bool {
	v := reflect.ValueOf(rec).Elem()
	for _, i := range d.fields {
		if strings.TrimSpace(v.Field(i).String()) != "" {
			return false
		}
	}
	for _, s := range unmatched {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// extras orders gocsv's unmatched map (unordered) by cell position.
func (d *CSVDecoder[T]) extras(unmatched map[string]string) []pipeline.Field {
	var extra []pipeline.Field
	seen := 0
	for _, i := range d.unknown {
		name := d.names.at(i)
		value, ok := unmatched[name]
		if ok {
			seen++
		}
		extra = append(extra, pipeline.Field{Name: name, Value: value})
	}
	if seen == len(unmatched) {
		return extra
	}
	// Cells beyond the header: blank ones (trailing delimiters) carry
	// nothing; the others are kept in cell order.
	var beyond []int
	for name, value := range unmatched {
		if i, ok := padIndex(name); ok && strings.TrimSpace(value) != "" {
			beyond = append(beyond, i)
		}
	}
	slices.Sort(beyond)
	for _, i := range beyond {
		extra = append(extra, pipeline.Field{Name: d.names.at(i), Value: unmatched[padName(i)]})
	}
	return extra
}
