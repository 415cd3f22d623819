package schema

import (
	"fmt"
	"reflect"
	"strings"

	"coopreport/pipeline"
)

// Blank reports whether every cell is empty or spaces: such rows are
// skipped, not read as records.
func Blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Mapper maps the cells of one row (as excelize gives them) onto a record
// T by the header's columns and T's csv tags. Like CSVDecoder, it serves
// one reader at a time: it caches the names of cells beyond the header.
type Mapper[T any] struct {
	field   []int // per header column: index of T's field, or -1
	unknown []int // indexes of the header's unknown columns, in order
	skip    int   // 1 + the index of the Problems column (Column.Skip); 0 when none
	names   *namer
}

// NewMapper prepares a Mapper for rows under h. T must be a struct of
// string fields tagged with the canonical names of h.Kind (AgreementRecord
// for agreements…).
func NewMapper[T any](h *Header) (*Mapper[T], error) {
	tags, err := tagIndex[T](h)
	if err != nil {
		return nil, err
	}
	m := &Mapper[T]{field: make([]int, len(h.Columns)), names: h.namer()}
	for i, c := range h.Columns {
		m.field[i] = -1
		if c.Skip {
			m.skip = i + 1
			continue
		}
		if c.Field == "" {
			m.unknown = append(m.unknown, i)
			continue
		}
		m.field[i] = tags[c.Field]
	}
	return m, nil
}

// Map returns the record the cells hold and the cells of unknown columns
// as extra fields: every unknown header column in order (empty when the
// row is short, so that all rows of a table carry the same extras), then
// the non-blank cells beyond the header, named "column N". Skip blank rows
// (Blank) before calling it.
//
// dates, when given, says what a workbook row's date and time cells show
// (pass source.Row's Dates: m.Map(row.Cells, row.Dates...)): dates[i],
// when its Value is set, describes cells[i]. An extra field takes its
// Value and Date, so that a date in an unknown column stays a date
// ("2013-01-18", not the serial 41292). The record's own fields keep the
// cell text: package normalize reads serials.
func (m *Mapper[T]) Map(cells []string, dates ...pipeline.Field) (rec *T, extra []pipeline.Field) {
	rec = new(T)
	v := reflect.ValueOf(rec).Elem()
	for i, cell := range cells {
		if i >= len(m.field) {
			break
		}
		if f := m.field[i]; f >= 0 {
			v.Field(f).SetString(cell)
		}
	}
	field := func(i int) pipeline.Field {
		f := pipeline.Field{Name: m.names.at(i)}
		switch {
		case i < len(dates) && dates[i].Value != "":
			f.Value, f.Date = dates[i].Value, dates[i].Date
		case i < len(cells):
			f.Value = cells[i]
		}
		return f
	}
	for _, i := range m.unknown {
		extra = append(extra, field(i))
	}
	for i := len(m.field); i < len(cells); i++ {
		if strings.TrimSpace(cells[i]) != "" {
			extra = append(extra, field(i))
		}
	}
	return rec, extra
}

// tagIndex maps the csv tags of T's string fields to the fields' indexes,
// and checks that T has a field for every known column of h.
func tagIndex[T any](h *Header) (map[string]int, error) {
	t := reflect.TypeFor[T]()
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("schema: record type %v is not a struct", t)
	}
	tags := map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("csv"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		if f.Type.Kind() != reflect.String {
			return nil, fmt.Errorf("schema: field %s of %v is not a string: values are parsed by package normalize", f.Name, t)
		}
		tags[tag] = i
	}
	for _, c := range h.Columns {
		if _, ok := tags[c.Field]; c.Field != "" && !ok {
			return nil, fmt.Errorf("schema: record type %v has no field for the %s column %q", t, h.Kind, c.Field)
		}
	}
	return tags, nil
}

// stringFields returns the indexes of T's string fields, for blank checks.
func stringFields[T any]() []int {
	t := reflect.TypeFor[T]()
	var out []int
	for i := range t.NumField() {
		if t.Field(i).Type.Kind() == reflect.String {
			out = append(out, i)
		}
	}
	return out
}

// Blank reports whether the cells of a row hold nothing but in the
// Problems column of a checked copy: a row the keeper emptied but for its
// problems is no record.
func (m *Mapper[T]) Blank(cells []string) bool {
	for i, c := range cells {
		if i+1 != m.skip && strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
