package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"

	"coopreport/pipeline"
	"coopreport/pipeline/normalize"
	"coopreport/pipeline/schema"
	"coopreport/pipeline/source"
)

// Options say how to read values that spreadsheets leave ambiguous.
type Options struct {
	DateOrder normalize.DateOrder
	// DateOrderSet says DateOrder was configured: dates read by it where
	// nothing in a table proves the order are then not warned about.
	DateOrderSet bool
	// DecimalMark is "." or ","; "" reads semicolon-delimited CSV files
	// with a decimal comma, as spreadsheet programs write them, and every
	// other file with a decimal point.
	DecimalMark string
	// RatesBase is the currency rates are given in where a rates table
	// does not say (rates_base); "" means it must say.
	RatesBase string
	// Headers recognises header rows with the ministry's own header names
	// (coopreport.toml [columns]); nil knows the built-in names only.
	Headers *schema.Matcher
	Source  source.Options
	// SpoolDir is where the accepted activities are kept on disk while
	// the run lasts ("" means the system's temporary folder).
	SpoolDir string
	// Progress, when set, is told now and then how many rows have been
	// read so far, for a progress display.
	Progress func(rows int)

	// Seams for FuzzRead, which writes no file per input: open opens a
	// file of the folder (nil means source.Open), spoolIn gives where the
	// accepted activities are kept (nil means a temporary file in
	// SpoolDir).
	open    func(path, name string, opt source.Options) (*source.File, error)
	spoolIn func() spoolFile
}

// Dataset is what an input folder holds, checked. The activities are on
// disk (see Ledger); Close removes them.
type Dataset struct {
	Agreements []pipeline.Agreement
	Measures   []pipeline.Measure
	Rates      []pipeline.Rate

	// Extra columns by kind, first seen first.
	AgreementColumns, ActivityColumns, MeasureColumns []string

	Inputs   []pipeline.InputFile
	Rejects  []pipeline.RowError
	Warnings []pipeline.Warning

	// First and Last are the earliest and latest dates of the accepted
	// agreements (signed, valid from) and activities (date, end): the
	// span of --period all.
	First, Last pipeline.Date

	kinds map[pipeline.Kind]bool // the kinds the folder has a table of
	spool *spool
}

func (d *Dataset) hasKind(k pipeline.Kind) bool { return d.kinds[k] }

// Ledger returns the accepted activities whose date within accepts (all
// when within is nil), in date order, rows of one day in reading order.
func (d *Dataset) Ledger(within func(pipeline.Date) bool) (*Ledger, error) {
	return d.spool.ledger(within)
}

// Close removes the activities kept on disk; the ledgers made from the
// Dataset cannot be read after it.
func (d *Dataset) Close() error {
	if d == nil || d.spool == nil {
		return nil
	}
	return d.spool.close()
}

// order is the order kinds are read in: each may refer to the ones before.
var order = []pipeline.Kind{pipeline.KindAliases, pipeline.KindRates, pipeline.KindMeasures, pipeline.KindAgreements, pipeline.KindActivities}

// table is one CSV file or sheet, classified.
type table struct {
	file   *pipeline.InputFile
	stats  *pipeline.InputTable
	src    *source.Table
	sheet  string
	header *schema.Header
	peek   []source.Row // the first rows, header included, copied
	csv    bool
	delim  rune
	d1904  bool

	c        *checker
	dates    dateOrders // what its date columns prove about their order
	rateBase string     // rates: the currency the rate column's header names
	// activities without a currency column: the currency the amount
	// column's header names ("Amount (MNT)")
	amountCurrency string

	// Values of closed lists read by their words, once each (column and
	// value → what they were read as), in the order first seen.
	byWords      map[string]string
	byWordsOrder []string
	// Optional dates written "n/a": read as no date, named in a warning.
	notAvailable tally
	keyTab       *keyTable // what the table's rows share in the id registry
}

// tally counts the values of a table seen in each column, for a warning.
type tally struct {
	cols  []string
	count map[string]int
	first map[string]string
}

func (t *tally) add(col, v string) {
	if t.count == nil {
		t.count, t.first = map[string]int{}, map[string]string{}
	}
	if t.count[col] == 0 {
		t.cols = append(t.cols, col)
		t.first[col] = v
	}
	t.count[col]++
}

// Read reads the input folder dir, each file once. It fails (with a
// *pipeline.FileError) when a file cannot be read at all or a required
// kind is missing; bad rows are rejects, not failures. Close the Dataset
// when done with it.
func Read(ctx context.Context, dir string, opt Options) (_ *Dataset, err error) {
	names, skipped, special, err := source.Files(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the input folder %s: %w", dir, err)
	}
	d := &Dataset{kinds: map[pipeline.Kind]bool{}}
	defer func() {
		if err != nil {
			d.Close()
		}
	}()
	for i := range skipped {
		skipped[i] = source.Display(skipped[i])
	}
	notRead := classifyUnread(skipped)
	for _, name := range special {
		name = source.Display(name)
		// Never opened: a named pipe would block the run, a device be
		// read forever.
		notRead = append(notRead, unread{name, "not a regular file, so it was not opened; put the data in a regular file", true})
	}
	d.warnUnread(notRead)
	d.Inputs = make([]pipeline.InputFile, len(names))
	var tables []*table
	files := make([]*source.File, 0, len(names))
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	for i, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		in := &d.Inputs[i]
		in.Name = source.Display(name)
		f, ts, err := classify(filepath.Join(dir, name), in, opt)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		tables = append(tables, ts...)
	}
	var headers []*schema.Header
	for _, t := range tables {
		d.warnHeader(t)
		if t.header != nil {
			d.kinds[t.header.Kind] = true
			headers = append(headers, t.header)
		}
	}
	for _, u := range opt.Headers.Unused(headers) {
		d.warnNumbers("coopreport.toml maps the header %s, but no table of that kind has it, so the mapping changed nothing; check its spelling against the table's header", u)
	}
	for _, k := range []pipeline.Kind{pipeline.KindAgreements, pipeline.KindActivities} {
		if !d.kinds[k] {
			return nil, &pipeline.FileError{File: dir, Err: fmt.Errorf("no %s table found: add a file or sheet named %q with the columns %s%s", k, k, quoteList(required(k)), mightHold(notRead))}
		}
	}
	if opt.spoolIn != nil {
		d.spool = newSpoolIn(opt.spoolIn(), "")
	} else if d.spool, err = newSpool(opt.SpoolDir); err != nil {
		return nil, err
	}

	c := newChecker(d, opt)
	c.ctx = ctx
	for _, k := range order {
		c.startKind(k, tables)
		for _, t := range tables {
			if t.header == nil || t.header.Kind != k {
				continue
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			t.c = c
			if err := c.readTable(t); err != nil {
				return nil, err
			}
		}
		if err := c.endKind(k); err != nil {
			return nil, err
		}
	}
	// The span of --period all: the dates of the records accepted, once
	// rows sharing an id have been judged.
	for i := range d.Agreements {
		d.span(d.Agreements[i].Signed, d.Agreements[i].ValidFrom)
	}
	for _, e := range d.spool.entries {
		if !d.spool.dropped[e.seq] {
			d.span(unpackDate(uint64(e.date)))
		}
	}
	// A table not read as records is still read to its end, so that the
	// file's hash is of all its bytes.
	for _, t := range tables {
		if t.header == nil {
			if err := drain(t.src); err != nil {
				return nil, err
			}
		}
	}
	d.AgreementColumns = c.extras[pipeline.KindAgreements].names
	d.ActivityColumns = c.extras[pipeline.KindActivities].names
	d.MeasureColumns = c.extras[pipeline.KindMeasures].names
	for i := range d.Inputs {
		in := &d.Inputs[i]
		in.SHA256 = files[i].SHA256()
		for _, t := range in.Tables {
			in.Read += t.Read
			in.Accepted += t.Accepted
			in.Rejected += t.Rejected
		}
	}
	sort.SliceStable(d.Rejects, func(i, j int) bool { return rejectLess(&d.Rejects[i], &d.Rejects[j]) })
	return d, nil
}

// drain reads a table to its end.
func drain(t *source.Table) error {
	for {
		if _, err := t.Next(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// notRecords are names of sheets that explain a workbook rather than hold
// records: skipping them changes no number.
var notRecords = []string{"instruction", "readme", "read", "help", "note", "about", "content", "list", "summary",
	"заавар", "тайлбар", "инструкция", "примечани", "справк",
	// the summary sheet of a checked copy made in French, Mongolian or Russian
	"résumé", "хураангуй", "сводк"}

// warnHeader says what happens to a table's columns: a table not read,
// columns kept as extra (loudly when one resembles a known column), and
// headers read by their words.
func (d *Dataset) warnHeader(t *table) {
	if t.header == nil {
		name := strings.ToLower(t.sheet)
		if name == "" {
			name = strings.ToLower(t.file.Name)
		}
		for _, word := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
			for _, w := range notRecords {
				if strings.HasPrefix(word, w) {
					// It explains the workbook (the starter's Instructions
					// sheet): a note, which the report's text leaves out.
					d.Warnings = append(d.Warnings, pipeline.Warning{Note: true, Message: fmt.Sprintf(
						"%s: not read: it explains the workbook (no known header in its first %d rows)", where(t), schema.MaxHeaderRows)})
					return
				}
			}
		}
		d.warnNumbers("%s: not read: it is not an agreements, activities, measures, rates or aliases table (no known header in its first %d rows); if it holds records, give it a header row with the columns the README lists, or name it after what it holds", where(t), schema.MaxHeaderRows)
		return
	}
	var extra, byWords []string
	var extraCells []pipeline.Cell
	// headerCell is the header cell of column c, which the checked
	// copies mark.
	headerCell := func(c schema.Column) []pipeline.Cell {
		return []pipeline.Cell{{Pos: pipeline.Pos{File: t.file.Name, Sheet: t.sheet, Row: t.stats.HeaderRow}, Column: oneLine(c.Header)}}
	}
	for _, c := range t.header.Columns {
		switch {
		case c.Skip:
			// the Problems column of a checked copy: not data
		case c.How == schema.ByWords:
			byWords = append(byWords, fmt.Sprintf("%q as %s", oneLine(c.Header), c.Field))
		case c.Also != "":
			d.warnCells(headerCell(c), "%s: the columns %q and %q both name %s; %q is read as %s and %q is kept as an extra column; if that is wrong, rename a header or map them in coopreport.toml ([columns.%s] %q = %q)",
				where(t), oneLine(c.AlsoBy), oneLine(c.Header), c.Also, oneLine(c.AlsoBy), c.Also, oneLine(c.Header), t.header.Kind, oneLine(c.Header), c.Also)
		case c.Field != "" || c.How == schema.ByMapping || strings.TrimSpace(c.Header) == "":
		case c.Suggest != "":
			d.warnCells(headerCell(c), "%s: the column %q is not read as %s, which it resembles: its values are kept as an extra column; if it is %s, rename the header or map it in coopreport.toml ([columns.%s] %q = %q)",
				where(t), oneLine(c.Header), c.Suggest, c.Suggest, t.header.Kind, oneLine(c.Header), c.Suggest)
		default:
			extra = append(extra, c.Name)
			extraCells = append(extraCells, headerCell(c)...)
		}
	}
	if len(byWords) > 0 {
		d.warn("%s: headers read by their words: %s; if one is wrong, map it in coopreport.toml ([columns.%s])", where(t), strings.Join(byWords, ", "), t.header.Kind)
	}
	if t.rateBase != "" {
		d.warn("%s: the rates are read as in %s, as the rate column's header says", where(t), t.rateBase)
	}
	if t.amountCurrency != "" {
		d.warn("%s: amounts that name no currency are read as in %s, as the amount column's header says", where(t), t.amountCurrency)
	}
	if len(extra) > 0 {
		d.Warnings = append(d.Warnings, pipeline.Warning{Cells: extraCells, Message: fmt.Sprintf(
			"%s: columns kept as extra columns (coopreport does not know them): %s", where(t), quoteList(extra))})
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// quiet reports whether a file of the input folder that is not read is
// expected there, so that it is skipped without a warning: the
// configuration and notes for people.
func quiet(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".toml", ".md", ".pdf", ".docx", ".doc":
		return true
	}
	return false
}

// classify opens one file and recognises each of its tables from its name
// and first rows, which it keeps: reading goes on from there. The file
// stays open until the caller closes it.
func classify(path string, in *pipeline.InputFile, opt Options) (f *source.File, out []*table, err error) {
	open := source.Open
	if opt.open != nil {
		open = opt.open
	}
	opened, err := open(path, in.Name, opt.Source)
	if err != nil {
		return nil, nil, err
	}
	defer func() {
		if err != nil {
			opened.Close()
		}
	}()
	f = opened
	srcTables := f.Tables()
	in.Tables = make([]pipeline.InputTable, len(srcTables))
	for i, st := range srcTables {
		t := &table{file: in, stats: &in.Tables[i], src: st, sheet: st.Sheet, csv: st.Sheet == "" && strings.EqualFold(filepath.Ext(in.Name), ".csv"), delim: st.Delimiter, d1904: f.Date1904}
		t.stats.Sheet = st.Sheet
		rows := make([][]string, 0, schema.MaxHeaderRows)
		for len(t.peek) < schema.MaxHeaderRows {
			row, err := st.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, nil, err
			}
			row.Cells = append([]string(nil), row.Cells...)
			row.Dates = slices.Clone(row.Dates)
			row.Problems = slices.Clone(row.Problems)
			t.peek = append(t.peek, row)
			rows = append(rows, row.Cells)
		}
		// The sheet's name decides; a CSV file's name, or the name of a
		// workbook with one sheet, decides when the sheet's says nothing.
		kind := schema.KindOfName(st.Sheet)
		if kind == "" && (st.Sheet == "" || len(srcTables) == 1) {
			kind = schema.KindOfName(strings.TrimSuffix(filepath.Base(in.Name), filepath.Ext(in.Name)))
		}
		h, err := opt.Headers.FindHeader(kind, rows)
		var ambiguous *schema.AmbiguousError
		switch {
		case errors.Is(err, schema.ErrUnknownKind) || errors.Is(err, schema.ErrEmpty):
			// skipped with a warning
		case errors.As(err, &ambiguous):
			return nil, nil, &pipeline.FileError{File: in.Name, Sheet: st.Sheet, Err: err}
		case err != nil:
			return nil, nil, &pipeline.FileError{File: in.Name, Sheet: st.Sheet, Err: fmt.Errorf("%v; %s", err, headerHint(err))}
		default:
			// A title or header cell that is a formula with no result
			// would read as empty: the header found would rest on it.
			for _, row := range t.peek[:h.Index+1] {
				if len(row.Problems) > 0 {
					return nil, nil, &pipeline.FileError{File: in.Name, Sheet: st.Sheet, Err: row.Problems[0].Err}
				}
			}
			t.header = h
			t.stats.Kind = h.Kind
			t.stats.HeaderRow = t.peek[h.Index].Number
			switch h.Kind {
			case pipeline.KindRates:
				t.rateBase = headerCurrency(h)
			case pipeline.KindActivities:
				t.amountCurrency = currencyInHeader(h, "amount", "currency")
			}
		}
		out = append(out, t)
	}
	return f, out, nil
}

// headerCurrency is the currency a rates table's rate column names in its
// header ("Rate (MNT)", "Rate in MNT", "Курс, ₮", "Rate (MNT per unit)"),
// when it names exactly one, the table has no base column, and nothing
// says the rate is the other way round: "Rate per USD", "USD/MNT" and
// "1 USD =" name no base, and the rates must then give one.
func headerCurrency(h *schema.Header) string { return currencyInHeader(h, "rate", "base") }

// currencyInHeader is the one currency the header of column field names,
// when the table has no column other; "" otherwise (see headerCurrency).
func currencyInHeader(h *schema.Header, field, other string) string {
	var rate string
	for _, c := range h.Columns {
		switch c.Field {
		case other:
			return ""
		case field:
			rate = c.Header
		}
	}
	if strings.ContainsAny(rate, "/=") {
		return ""
	}
	words := strings.FieldsFunc(strings.ToLower(rate), func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	found := ""
	for i, w := range words {
		if w == "per" || w == "за" {
			if i+1 == len(words) || !unitWords[words[i+1]] {
				return "" // "per USD": the rate of what, in USD?
			}
			continue
		}
		if len(w) == 3 && isCode(rate, w) || len(w) != 3 {
			code, err := normalize.Currency(w)
			if err != nil {
				continue
			}
			if found != "" && found != code {
				return ""
			}
			found = code
		}
	}
	return found
}

// unitWords may follow "per" when the header means one unit of the
// currency converted: "Rate (MNT per unit)".
var unitWords = map[string]bool{"unit": true, "1": true, "one": true, "единицу": true, "нэгж": true}

// isCode reports whether the three letters w stand in text in capitals,
// as currency codes are written: "all" and "one" are words, not codes.
func isCode(text, w string) bool { return strings.Contains(text, strings.ToUpper(w)) }
func headerHint(err error) string {
	var he *schema.HeaderError
	if errors.As(err, &he) && he.Kind != "" {
		return fmt.Sprintf("the %s columns are %s (see the README for the other names each column may have)", he.Kind, quoteList(required(he.Kind)))
	}
	return "put the header row within the first rows of the table"
}

func required(k pipeline.Kind) []string {
	var out []string
	for _, c := range schema.Columns(k) {
		if c.Required {
			out = append(out, c.Name)
		}
	}
	return out
}

func where(t *table) string {
	if t.sheet != "" {
		return fmt.Sprintf("%s, sheet %q", t.file.Name, t.sheet)
	}
	return t.file.Name
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

func rejectLess(a, b *pipeline.RowError) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Sheet != b.Sheet {
		return a.Sheet < b.Sheet
	}
	return a.Row < b.Row
}
