package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/normalize"
	"coopreport/pipeline/schema"
	"coopreport/pipeline/source"
)

// Options say how to read values that spreadsheets leave ambiguous.
type Options struct {
	DateOrder normalize.DateOrder
	// DecimalMark is "." or ","; "" reads semicolon-delimited CSV files
	// with a decimal comma, as spreadsheet programs write them, and every
	// other file with a decimal point.
	DecimalMark string
	Source      source.Options
	// Keep says which accepted activities to hold in the Dataset (those
	// of the period); nil holds all. Every row is read and counted anyway.
	Keep func(*pipeline.Activity) bool
	// Progress, when set, is told now and then how many rows have been
	// read so far, for a progress display.
	Progress func(rows int)
}

// Dataset is what an input folder holds, checked.
type Dataset struct {
	Agreements []pipeline.Agreement
	Activities []pipeline.Activity // those Keep kept, in input order
	Measures   []pipeline.Measure
	Rates      []pipeline.Rate

	// Extra columns by kind, first seen first.
	AgreementColumns, ActivityColumns, MeasureColumns []string

	Inputs   []pipeline.InputFile
	Rejects  []pipeline.RowError
	Warnings []string

	// First and Last are the earliest and latest dates of the accepted
	// agreements (signed, valid from) and activities (date, end): the
	// span of --period all.
	First, Last pipeline.Date
}

// order is the order kinds are read in: each may refer to the ones before.
var order = []pipeline.Kind{pipeline.KindAliases, pipeline.KindRates, pipeline.KindMeasures, pipeline.KindAgreements, pipeline.KindActivities}

// table is one CSV file or sheet, classified.
type table struct {
	file   *pipeline.InputFile
	stats  *pipeline.InputTable
	path   string
	sheet  string
	header *schema.Header
	peek   []source.Row // the first rows, header included, copied
	rows   int          // CSV only: how many non-blank rows the whole file has
	csv    bool
	delim  rune
	d1904  bool
}

// Read reads the input folder dir. It fails (with a *pipeline.FileError)
// when a file cannot be read at all or a required kind is missing; bad rows
// are rejects, not failures.
func Read(ctx context.Context, dir string, opt Options) (*Dataset, error) {
	names, skipped, err := source.Files(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the input folder %s: %w", dir, err)
	}
	d := &Dataset{}
	for _, s := range skipped {
		if !quiet(s) {
			d.warn("%s: skipped: only .csv and .xlsx files are read (save it as .xlsx or .csv to include it)", s)
		}
	}
	d.Inputs = make([]pipeline.InputFile, len(names))
	var tables []*table
	for i, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		in := &d.Inputs[i]
		in.Name = name
		ts, err := classify(filepath.Join(dir, name), in, opt.Source)
		if err != nil {
			return nil, err
		}
		tables = append(tables, ts...)
	}
	for _, t := range tables {
		if t.header == nil {
			d.warn("%s: skipped: it is not an agreements, activities, measures, rates or aliases table (no known header in its first %d rows)", where(t), schema.MaxHeaderRows)
		} else if unknown := t.header.Unknown(); len(unknown) > 0 {
			d.warn("%s: columns kept as extra columns (coopreport does not know them): %s", where(t), quoteList(unknown))
		}
	}
	have := map[pipeline.Kind]bool{}
	for _, t := range tables {
		if t.header != nil {
			have[t.header.Kind] = true
		}
	}
	for _, k := range []pipeline.Kind{pipeline.KindAgreements, pipeline.KindActivities} {
		if !have[k] {
			return nil, &pipeline.FileError{File: dir, Err: fmt.Errorf("no %s table found: add a file or sheet named %q with the columns %s", k, k, quoteList(required(k)))}
		}
	}

	c := newChecker(d, opt, have[pipeline.KindMeasures])
	for _, k := range order {
		for _, t := range tables {
			if t.header == nil || t.header.Kind != k {
				continue
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if err := c.readTable(t); err != nil {
				return nil, err
			}
		}
	}
	for i := range d.Inputs {
		in := &d.Inputs[i]
		for _, t := range in.Tables {
			in.Read += t.Read
			in.Accepted += t.Accepted
			in.Rejected += t.Rejected
		}
	}
	sort.SliceStable(d.Rejects, func(i, j int) bool { return rejectLess(&d.Rejects[i], &d.Rejects[j]) })
	return d, nil
}

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

// classify opens one file, hashes it, and recognises each of its tables
// from its name and first rows.
func classify(path string, in *pipeline.InputFile, opt source.Options) ([]*table, error) {
	sum, err := source.SHA256(path)
	if err != nil {
		return nil, &pipeline.FileError{File: in.Name, Err: fmt.Errorf("cannot be read: %w", err)}
	}
	in.SHA256 = sum
	f, err := source.Open(path, in.Name, opt)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	srcTables := f.Tables()
	in.Tables = make([]pipeline.InputTable, len(srcTables))
	var out []*table
	for i, st := range srcTables {
		t := &table{file: in, stats: &in.Tables[i], path: path, sheet: st.Sheet, csv: st.Sheet == "" && strings.EqualFold(filepath.Ext(in.Name), ".csv"), delim: st.Delimiter, d1904: f.Date1904}
		t.stats.Sheet = st.Sheet
		rows := make([][]string, 0, schema.MaxHeaderRows)
		for len(t.peek) < schema.MaxHeaderRows {
			row, err := st.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, err
			}
			row.Cells = append([]string(nil), row.Cells...)
			t.peek = append(t.peek, row)
			rows = append(rows, row.Cells)
		}
		t.rows = len(t.peek)
		if t.csv {
			// Read a CSV file to its end once before its records are
			// mapped: a broken file (a quote never closed, say) fails
			// here, before anything is counted, and the count is a check
			// on the mapping pass.
			for {
				if _, err := st.Next(); err == io.EOF {
					break
				} else if err != nil {
					return nil, err
				}
				t.rows++
			}
		}
		// The sheet's name decides; a CSV file's name, or the name of a
		// workbook with one sheet, decides when the sheet's says nothing.
		kind := schema.KindOfName(st.Sheet)
		if kind == "" && (st.Sheet == "" || len(srcTables) == 1) {
			kind = schema.KindOfName(strings.TrimSuffix(filepath.Base(in.Name), filepath.Ext(in.Name)))
		}
		h, err := schema.FindHeader(kind, rows)
		switch {
		case errors.Is(err, schema.ErrUnknownKind) || errors.Is(err, schema.ErrEmpty):
			// skipped with a warning
		case err != nil:
			return nil, &pipeline.FileError{File: in.Name, Sheet: st.Sheet, Err: fmt.Errorf("%v; %s", err, headerHint(err))}
		default:
			t.header = h
			t.stats.Kind = h.Kind
		}
		out = append(out, t)
	}
	return out, nil
}

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

func (d *Dataset) warn(format string, args ...any) {
	d.Warnings = append(d.Warnings, fmt.Sprintf(format, args...))
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
