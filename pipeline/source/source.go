package source

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"coopreport/pipeline"
)

// DefaultMaxUnzipSize is the unpacked size limit of a workbook when
// Options.MaxUnzipSize is zero. A million-row sheet unpacks to about 600 MB.
const DefaultMaxUnzipSize = 1 << 30

// Options tune how files are opened. The zero value is ready to use.
type Options struct {
	// MaxUnzipSize limits the total unpacked size of an XLSX workbook;
	// a workbook over it is refused (zip bomb protection).
	MaxUnzipSize int64
	// TmpDir is where large worksheets are unpacked while they are read
	// ("" means the system's temporary folder).
	TmpDir string
	// Stored asks a workbook's rows for what the workbook stores of each
	// cell (Row.Stored) and its tables for their layout (Table.Layout),
	// and keeps the rows whose cells hold nothing but spaces: what a
	// copy of the workbook needs. CSV files ignore it.
	Stored bool
}

func (o Options) maxUnzipSize() int64 {
	if o.MaxUnzipSize <= 0 {
		return DefaultMaxUnzipSize
	}
	return o.MaxUnzipSize
}

// Reasons a whole file cannot be read. The *pipeline.FileError that Open and
// Next return wraps one of them, so callers and tests use errors.Is.
var (
	ErrNotXLSX    = errors.New("this is not an .xlsx workbook (it may be an old .xls, encrypted with a password, or damaged); open it in Excel and save it as .xlsx without a password")
	ErrTooLarge   = errors.New("the workbook is too large when unpacked")
	ErrTruncated  = errors.New("the sheet looks truncated")
	ErrDamaged    = errors.New("the workbook is damaged")
	ErrBadCSV     = errors.New("the CSV file cannot be read")
	ErrUnknownExt = errors.New("only .csv and .xlsx files can be read; save it as .xlsx or .csv")
	ErrChanged    = errors.New("the file changed while it was read (it was saved, or is being written); run again when it is saved")
	// ErrNoResult: a formula whose result the workbook does not store and
	// that cannot be computed here. A CellProblem's Err wraps it; so does
	// the FileError of a workbook with too many such formulas.
	ErrNoResult = errors.New("the formula's result is not stored in the file")
)

// File is one opened input file and its tables.
type File struct {
	Name     string // as given to Open, e.g. relative to the input folder
	Date1904 bool   // XLSX only: date serials count from 1904, not 1900

	tables []*Table
	close  func() error
	sum    func() string
}

// SHA256 is the SHA-256 of the file's bytes, in hex, as the manifest
// records it. A file is read once, and hashed as it is read: the hash is
// of the bytes the tables were read from, complete once every table has
// been read to its end.
func (f *File) SHA256() string { return f.sum() }

// Tables lists the tables of the file: one for a CSV file, one per
// worksheet of a workbook, in workbook order (chart sheets are left out).
func (f *File) Tables() []*Table { return f.tables }

// Close releases the file and any temporary files its reading made.
func (f *File) Close() error {
	if f.close == nil {
		return nil
	}
	c := f.close
	f.close = nil
	return c()
}

// Table is a CSV file or a worksheet: a sequence of rows.
type Table struct {
	File      string // the file's name
	Sheet     string // the worksheet's name; "" for CSV
	Delimiter rune   // CSV only: ',', ';' or '\t'
	Encoding  string // CSV only: "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE" or "Windows-1251"

	next   func() (Row, error)
	layout func() *Layout
}

// Layout is the table's column widths and merged ranges, read as the rows
// are with Options.Stored: the widths are there once Next has returned a
// row, the merged ranges once it has returned io.EOF. Nil for CSV, and
// before that.
func (t *Table) Layout() *Layout {
	if t.layout == nil {
		return nil
	}
	return t.layout()
}

// Row is one row of a table that holds at least one non-blank cell.
type Row struct {
	// Number is the row number the spreadsheet program shows, from 1. A
	// CSV record is one row however many lines its cells take in the file.
	Number int
	// Line is, for CSV, the line of the file the record starts on (the
	// number a text editor shows); for XLSX it equals Number.
	Line int
	// Cells are the cell texts from the first column. Trailing empty cells
	// may be missing. The slice may be reused by the next call to Next.
	//
	// For XLSX a cell's text is the value Excel shows, unformatted: a
	// number as stored ("1250000.5", a date as its serial "41292"), a
	// formula's result (computed when the file does not store it).
	Cells []string
	// Dates says, for XLSX rows that hold date or time cells, what those
	// cells show: Dates[i] describes Cells[i], with Value the date or time
	// written the ISO way ("2013-01-18", "2013-01-18 14:30", "14:30") and
	// Date set for a date alone; other cells have the zero Field (their
	// Name is always ""). Nil when the row has no such cell. The slice may
	// be reused by the next call to Next.
	Dates []pipeline.Field
	// Problems are the cells that cannot be read as Excel shows them (a
	// formula whose result the file does not store and that cannot be
	// computed here); their text in Cells is "". The row should be
	// rejected, naming each problem's column.
	Problems []CellProblem
	// Stored, for XLSX rows read with Options.Stored, is each cell as the
	// workbook stores it: Stored[i] describes Cells[i] (with the same
	// Value), its kind, number format and formula. The slice may be
	// reused by the next call to Next.
	Stored []Cell
}

// CellProblem is a cell of a row whose value cannot be read.
type CellProblem struct {
	Index int    // the cell's index in Row.Cells (0 = column A)
	Value string // the cell's text, if it has one worth showing
	Err   error  // a plain sentence naming the cell and how to fix it; wraps ErrNoResult or pipeline.ErrFormulaError
}

// Next returns the next row. Rows whose cells are all blank are skipped,
// but they still count for the numbers of the rows after them. At the end
// Next returns io.EOF; a file that cannot be read gives a
// *pipeline.FileError.
func (t *Table) Next() (Row, error) { return t.next() }

// Open opens the file at path, whose name (used in positions and errors) is
// name, and lists its tables. The kind of file follows the extension of name.
func Open(path, name string, opt Options) (*File, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return openCSV(path, name)
	case ".xlsx":
		return openXLSX(path, name, opt)
	}
	return nil, &pipeline.FileError{File: name, Err: ErrUnknownExt}
}

// OpenBytes is Open for a file whose bytes, data, are in memory, named
// name: it reads them as Open reads a file's. The fuzz tests read their
// inputs so, writing no file.
func OpenBytes(data []byte, name string, opt Options) (*File, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		f, _, err := readCSV(bytes.NewReader(data), name)
		return f, err
	case ".xlsx":
		return openXLSXBytes(data, name, opt)
	}
	return nil, &pipeline.FileError{File: name, Err: ErrUnknownExt}
}

// fileError is a *pipeline.FileError whose Err reads msg (a plain sentence
// with the detail the operator needs) and unwraps to reason, one of the
// sentinels above. An empty msg uses the sentinel's own words.
func fileError(name, sheet string, reason error, msg string, args ...any) error {
	err := reason
	if msg != "" {
		err = &reasonError{reason: reason, msg: fmt.Sprintf(msg, args...)}
	}
	return &pipeline.FileError{File: name, Sheet: sheet, Err: err}
}

type reasonError struct {
	reason error
	msg    string
}

func (e *reasonError) Error() string { return e.msg }
func (e *reasonError) Unwrap() error { return e.reason }

// blank reports whether a row holds nothing but spaces: such rows are
// separators to a reader, not records.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
