package schema

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
)

// MaxHeaderRows is how far down a table FindHeader looks for its header:
// rows above the header (titles, notes) are ignored.
const MaxHeaderRows = 10

var (
	// ErrUnknownKind: neither the table's name nor any of its first rows
	// says what it holds. The caller skips such a table with a warning.
	ErrUnknownKind = errors.New("cannot tell what the table holds")
	// ErrNoHeader: the table is of a known kind but no row among its
	// first ones holds that kind's required columns.
	ErrNoHeader = errors.New("no header row found")
	// ErrEmpty: the table has no cell that is not blank.
	ErrEmpty = errors.New("the table is empty")
)

// Column is one cell of a header row.
type Column struct {
	Index  int    // position in the row, from 0
	Header string // the cell as written
	Field  string // canonical name (a csv tag of the record), "" when unknown
	Name   string // Field, or the name an unknown column's values carry as extra fields
	How    How    // how Field was recognised; Unmatched when unknown

	// Also is, for an unknown column, the column its header names too
	// when another header of the row took it first ("Participants
	// (total)" beside "Participants (women)"), and AlsoBy that header.
	Also, AlsoBy string

	// Suggest is, for an unknown column, the free column its header
	// resembles ("Vaild to" → "valid_to"), or "".
	Suggest string

	// Skip marks the Problems column of a checked copy (see
	// ProblemsHeader): not data, so neither read nor kept as extra.
	Skip bool
}

// ProblemsHeader heads the first column that coopreport's checked copies
// of the input files add (see package render/checked): what is wrong with
// each row, in words. A table whose first column is headed so (and not
// mapped in coopreport.toml) is read without it, so that a corrected copy
// put back in place of its original reads as the original would.
const ProblemsHeader = "Problems"

// problemsHeaders head the Problems column in the copies made in each
// language; a copy made in any of them is read back without it. They name
// the tool, so that no register heads a column of its own data so: a
// register's own "Замечания" (remarks) or "Асуудал" column is data.
var problemsHeaders = map[lang.Lang]string{
	lang.English:   ProblemsHeader,
	lang.French:    "Problèmes (coopreport)",
	lang.Mongolian: "coopreport-ын тэмдэглэл",
	lang.Russian:   "Замечания coopreport",
}

// ProblemsHeaderIn is the header of the Problems column of a checked
// copy made in l.
func ProblemsHeaderIn(l lang.Lang) string {
	if h, ok := problemsHeaders[l]; ok {
		return h
	}
	return ProblemsHeader
}

// IsProblems reports whether a header cell heads the Problems column, in
// any of the languages the copies are made in.
func IsProblems(header string) bool {
	header = strings.TrimSpace(header)
	for _, h := range problemsHeaders {
		if strings.EqualFold(header, h) {
			return true
		}
	}
	return false
}

// Header is a table's header row, recognised.
type Header struct {
	Kind    pipeline.Kind
	Index   int // index of the header row among the rows given to FindHeader
	Columns []Column
}

// Unknown returns the names of the header's unknown, non-blank columns in
// order: the header as written (trimmed), made unique when repeated
// ("Notes (2)"). Their values travel as extra fields under these names.
func (h *Header) Unknown() []string {
	var out []string
	for _, c := range h.Columns {
		if c.Field == "" && !c.Skip && strings.TrimSpace(c.Header) != "" {
			out = append(out, c.Name)
		}
	}
	return out
}

// HeaderError says why FindHeader found no header row. It wraps
// ErrUnknownKind (nothing in the table resembles any kind) or ErrNoHeader
// (the table looks like Kind but lacks columns), and also ErrEmpty when
// the table has no data at all.
type HeaderError struct {
	Kind    pipeline.Kind // the kind looked for, or the one the table resembles; "" when none
	Row     int           // the best candidate row, from 1 among the rows given; 0 when none
	Missing []string      // required columns the best candidate lacks
	Rows    int           // how many rows were searched
	Empty   bool

	err error // ErrUnknownKind or ErrNoHeader
}

func (e *HeaderError) Unwrap() []error {
	if e.Empty {
		return []error{e.err, ErrEmpty}
	}
	return []error{e.err}
}

func (e *HeaderError) Error() string {
	where := fmt.Sprintf("in the first %d rows", e.Rows)
	switch {
	case e.Rows == 1:
		where = "in its only row"
	case e.Rows < MaxHeaderRows:
		where = fmt.Sprintf("in its %d rows", e.Rows)
	}
	if e.Empty {
		if e.err == ErrUnknownKind {
			return fmt.Sprintf("%v: %v", ErrUnknownKind, ErrEmpty)
		}
		return fmt.Sprintf("no %s header row found: %v", e.Kind, ErrEmpty)
	}
	if e.err == ErrUnknownKind {
		rows := fmt.Sprintf("none of its first %d rows holds", e.Rows)
		if e.Rows == 1 {
			rows = "its only row does not hold"
		}
		return fmt.Sprintf("%v: %s the columns of agreements, activities, measures, rates or aliases; "+
			"name the file or sheet after what it holds (e.g. \"agreements\") or give it a header row", ErrUnknownKind, rows)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "no %s header row found %s", e.Kind, where)
	if e.Row == 0 {
		fmt.Fprintf(&b, ": no row holds any of the required columns %s", quoteList(requiredNames(e.Kind)))
	} else {
		col := "column"
		if len(e.Missing) > 1 {
			col = "columns"
		}
		fmt.Fprintf(&b, ": the best candidate (row %d) lacks the required %s %s", e.Row, col, quoteList(e.Missing))
	}
	b.WriteString("; add the missing columns, or rename the header cells to names the README lists")
	return b.String()
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

func requiredNames(kind pipeline.Kind) []string {
	var out []string
	for _, s := range columns[kind] {
		if s.Required {
			out = append(out, s.Name)
		}
	}
	return out
}

// fit is how well a row fits a kind.
type fit struct {
	kind      pipeline.Kind
	fields    []string // per cell: canonical name or ""
	how       []How    // per cell
	matched   int      // known columns
	required  int      // required columns present
	missing   []string // required columns absent
	ambiguous []ambiguity
	also      []also
}

// also is a header cell that names a column another cell took.
type also struct {
	cell, by int
	field    string
}

// ambiguity is a header cell whose words name several free columns.
type ambiguity struct {
	cell int
	cols []string
}

func (f *fit) ok() bool { return len(f.missing) == 0 }

// resembles: the row is a header of this kind with columns missing, rather
// than no header at all. Half the required columns, and at least two, so
// that a summary sheet with a lone "Country" column is skipped, not fatal.
func (f *fit) resembles() bool {
	return f.required >= 2 && 2*f.required >= f.required+len(f.missing)
}

// better reports whether f is a better near-miss than g: fewer missing
// columns, then more matched. Ties keep g, the earlier row or kind.
func (f *fit) better(g *fit) bool {
	if g == nil {
		return true
	}
	if len(f.missing) != len(g.missing) {
		return len(f.missing) < len(g.missing)
	}
	return f.matched > g.matched
}

// assign maps the cells of row onto the columns of kind. Cells take
// their columns in order of certainty: cells that name one column before
// cells that may name several (agreements' "partner": partner or
// country), which take the first of them still free, required ones
// first; within each, cells mapped by the configuration or named whole
// before cells named by their words ("Country of partner" is the country
// column, so a "Partner" beside it is the partner). A cell whose words name several
// columns is ambiguous when two or more of them are free, and unknown
// otherwise. A cell naming a column already taken is unknown: its values are kept as
// extra fields, never dropped.
func (m *Matcher) assign(kind pipeline.Kind, row []string) *fit {
	specs := columns[kind]
	f := &fit{kind: kind, fields: make([]string, len(row)), how: make([]How, len(row))}
	matches := make([]cellMatch, len(row))
	for i, cell := range row {
		matches[i] = m.match(kind, cell)
	}
	taken := make([]bool, len(specs))
	free := func(cols []int) []int {
		return slices.DeleteFunc(slices.Clone(cols), func(j int) bool { return taken[j] })
	}
	// Within a tier, cells named by longer names go first ("Expenditure
	// (actual)" before "Budget (planned)"), then in row order.
	order := make([]int, len(row))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(matches[b].weight, matches[a].weight) })
	takenBy := make([]int, len(specs))
	for _, tier := range [...]struct{ words, single bool }{{false, true}, {true, true}, {false, false}, {true, false}} {
		for _, i := range order {
			c := matches[i]
			if (c.how == ByWords) != tier.words || c.ambiguous || len(c.cols) == 0 || (len(c.cols) == 1) != tier.single {
				continue
			}
			if left := free(c.cols); len(left) > 0 {
				taken[left[0]] = true
				takenBy[left[0]] = i
				f.fields[i], f.how[i] = specs[left[0]].Name, c.how
			} else if len(c.cols) == 1 && (c.how != ByWords || c.weight >= 1) {
				// A second header for a column already taken: kept as an
				// extra column, and named, since its values may be the
				// ones meant (but for a generic word: "File number"
				// beside "ID" is no second id).
				f.also = append(f.also, also{cell: i, field: specs[c.cols[0]].Name, by: takenBy[c.cols[0]]})
			}
		}
	}
	for i, c := range matches {
		if !c.ambiguous {
			continue
		}
		// With one of its columns taken, the cell is more likely a note
		// on that column ("Notes on funding" beside "Notes") than the
		// other: it is kept as an extra column, never guessed.
		if left := free(c.cols); len(left) > 1 {
			a := ambiguity{cell: i}
			for _, j := range left {
				a.cols = append(a.cols, specs[j].Name)
			}
			f.ambiguous = append(f.ambiguous, a)
		}
	}
	for j, s := range specs {
		switch {
		case taken[j]:
			f.matched++
			if s.Required {
				f.required++
			}
		case s.Required:
			f.missing = append(f.missing, s.Name)
		}
	}
	return f
}

// FindHeader finds a table's header: the first row, within the first
// MaxHeaderRows, that holds the required columns of kind. With kind ""
// (the table's name says nothing) every kind is tried; when several fit a
// row, the one matching more of the row's cells wins, then the first in
// the order of Kinds.
//
// A row that fits a kind with few required columns (measures: id, title)
// is not taken when it matches more cells of another kind it resembles
// (holds half of that kind's required columns): an agreements register
// without "signed" is reported as such, not read as measures.
//
// The error is a *HeaderError; with kind "" and nothing that resembles
// any kind, it wraps ErrUnknownKind.
func FindHeader(kind pipeline.Kind, rows [][]string) (*Header, error) {
	return (*Matcher)(nil).FindHeader(kind, rows)
}

// FindHeader is the package's FindHeader, with the headers m maps. A
// header row with a cell whose words name two free columns is an
// *AmbiguousError.
func (m *Matcher) FindHeader(kind pipeline.Kind, rows [][]string) (*Header, error) {
	try := kinds
	if kind != "" {
		if columns[kind] == nil {
			return nil, fmt.Errorf("schema: unknown kind %q", kind)
		}
		try = []pipeline.Kind{kind}
	}
	n := min(len(rows), MaxHeaderRows)
	var best *fit
	bestRow := -1
	empty := true
	for i := range n {
		if Blank(rows[i]) {
			continue
		}
		empty = false
		var chosen, blocker *fit
		for _, k := range try {
			f := m.assign(k, rows[i])
			if f.ok() {
				if chosen == nil || f.matched > chosen.matched {
					chosen = f
				}
				continue
			}
			if f.resembles() && (blocker == nil || f.matched > blocker.matched) {
				blocker = f
			}
			if (kind != "" && f.required > 0 || f.resembles()) && f.better(best) {
				best, bestRow = f, i
			}
		}
		if chosen != nil && (blocker == nil || blocker.matched <= chosen.matched) {
			if len(chosen.ambiguous) > 0 {
				a := chosen.ambiguous[0]
				return nil, &AmbiguousError{Kind: chosen.kind, Row: i + 1, Header: rows[i][a.cell], Columns: a.cols}
			}
			h := newHeader(chosen, i, rows[i])
			if c := &h.Columns[0]; c.Field == "" && IsProblems(c.Header) && !m.match(chosen.kind, c.Header).extra {
				// Not data: the Problems column of a checked copy,
				// unless coopreport.toml keeps it.
				c.Skip, c.Name = true, ""
			}
			return h, nil
		}
	}
	e := &HeaderError{Kind: kind, Rows: n, Empty: empty, err: ErrNoHeader}
	if best != nil {
		e.Kind, e.Row, e.Missing = best.kind, bestRow+1, best.missing
	} else if kind == "" {
		e.err = ErrUnknownKind
	}
	return nil, e
}

func newHeader(f *fit, index int, row []string) *Header {
	h := &Header{Kind: f.kind, Index: index, Columns: make([]Column, len(row))}
	taken := reserved(f.kind)
	used := map[string]bool{}
	for i, cell := range row {
		h.Columns[i] = Column{Index: i, Header: cell, Field: f.fields[i], Name: f.fields[i], How: f.how[i]}
		used[f.fields[i]] = true
	}
	for i := range h.Columns {
		c := &h.Columns[i]
		if c.Field == "" {
			c.Name = uniqueIn(taken, extraName(c.Header, i))
			if s := suggestion(f.kind, c.Header); s != "" && !used[s] {
				c.Suggest = s
			}
		}
	}
	for _, a := range f.also {
		h.Columns[a.cell].Also, h.Columns[a.cell].AlsoBy = a.field, row[a.by]
	}
	return h
}

// AmbiguousError is a header cell whose words name two columns or more
// ("Notes on funding": notes or funding). coopreport never picks one.
type AmbiguousError struct {
	Kind    pipeline.Kind
	Row     int // the header row, from 1 among the rows given
	Header  string
	Columns []string
}

func (e *AmbiguousError) Error() string {
	q := make([]string, len(e.Columns))
	for i, c := range e.Columns {
		q[i] = strconv.Quote(c)
	}
	cols := strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
	return fmt.Sprintf("the header %q (row %d) could be the column %s; rename it, or say which in coopreport.toml "+
		"(under [columns.%s], %q = %s, or = %q to keep it as an extra column)",
		strings.Join(strings.Fields(e.Header), " "), e.Row, cols, e.Kind, strings.Join(strings.Fields(e.Header), " "), q[0], Extra)
}

// reserved returns the canonical names of kind: an unknown column never
// takes one, even when absent, so that an unknown header written "notes"
// cannot land in the notes field.
func reserved(kind pipeline.Kind) map[string]bool {
	taken := map[string]bool{}
	for _, s := range columns[kind] {
		taken[s.Name] = true
	}
	return taken
}

// extraName is the name an unknown column's values carry: the header
// trimmed, without zero-width characters (gocsv ignores them when matching
// tags) and control characters, or "column N" (N from 1) when the header
// cell is blank.
func extraName(header string, i int) string {
	name := strings.TrimSpace(strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\ufeff':
			return -1
		}
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, header))
	if name == "" {
		return "column " + strconv.Itoa(i+1)
	}
	return name
}

// unique returns name, or name with " (2)", " (3)"… when taken, and
// takes it.
func uniqueIn(taken map[string]bool, name string) string {
	u := name
	for n := 2; taken[u]; n++ {
		u = name + " (" + strconv.Itoa(n) + ")"
	}
	taken[u] = true
	return u
}

// namer names the cells of data rows for one reader: within the header,
// the column's Name; beyond it, "column N", unique among the header's
// names. It copies the header's names so that readers never share state.
type namer struct {
	h      *Header
	taken  map[string]bool
	beyond map[int]string
}

func (h *Header) namer() *namer {
	taken := reserved(h.Kind)
	for _, c := range h.Columns {
		taken[c.Name] = true
	}
	return &namer{h: h, taken: taken, beyond: map[int]string{}}
}

func (n *namer) at(i int) string {
	if i < len(n.h.Columns) {
		return n.h.Columns[i].Name
	}
	if s, ok := n.beyond[i]; ok {
		return s
	}
	s := uniqueIn(n.taken, extraName("", i))
	n.beyond[i] = s
	return s
}
