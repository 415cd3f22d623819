package source

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"

	"coopreport/pipeline"

	"github.com/xuri/excelize/v2"
)

// MaxSheetsSize bounds the worksheets of a workbook, unpacked, that
// ReadSheets reads whole into memory (about ten times their size).
var MaxSheetsSize uint64 = 32 << 20

// CellKind is what a stored cell holds.
type CellKind int

const (
	Empty  CellKind = iota
	Text            // text, as written
	Number          // a number (a date is a number shown as a date)
	Bool            // TRUE or FALSE
	Error           // an error value, such as #N/A
)

// Cell is one cell of a worksheet as the workbook stores it.
type Cell struct {
	Kind  CellKind
	Value string // as stored: a number in its digits ("41292" for 18 January 2013), "1" or "0" for a Bool
	// NumFmt and Format are the cell's number format: a built-in one by
	// its id (0 is General), or the code of a custom one.
	NumFmt int
	Format string
	// Formula is the cell's formula, without its "=", when it holds one:
	// Value is then the result the workbook stores.
	Formula string
}

// Sheet is one worksheet read whole (see ReadSheets).
type Sheet struct {
	Name   string
	Rows   [][]Cell  // Rows[i] is row i+1; trailing empty cells may be missing
	Widths []float64 // Widths[i] is the width of column i+1, as many as Rows' longest row
	Merged []string  // merged ranges, such as "A1:D1"
}

// ReadSheets reads every worksheet of the workbook at path (named name in
// errors) whole, with each cell's kind, number format and formula, and
// the columns' widths: what a copy of the workbook needs, which the rows
// of Open do not tell. It reads as Open does, within the same limits
// (Options.MaxUnzipSize, zip bomb checks), and refuses a workbook whose
// worksheets unpack to more than MaxSheetsSize with ErrTooLarge. It
// returns the SHA-256 of the bytes read, so that the caller can tell they
// are those a run read before.
func ReadSheets(path, name string, opt Options) (sheets []Sheet, sum string, err error) {
	data, err := readWorkbook(path, name, opt.maxUnzipSize())
	if err != nil {
		return nil, "", err
	}
	h := sha256.Sum256(data)
	sum = hex.EncodeToString(h[:])
	limit := opt.maxUnzipSize()
	zr, skip, parts, err := inspectZip(data, name, limit)
	if err != nil {
		return nil, "", err
	}
	files := zipEntries(zr)
	var size uint64
	for _, p := range parts {
		if e := files[p]; e != nil {
			size += e.UncompressedSize64
		}
	}
	if size > MaxSheetsSize {
		return nil, "", fileError(name, "", ErrTooLarge, "the worksheets are larger than %s unpacked, too large to copy whole", byteSize(MaxSheetsSize))
	}
	tmp, err := os.MkdirTemp(opt.TmpDir, "coopreport-xlsx-")
	if err != nil {
		return nil, "", &pipeline.FileError{File: name, Err: fmt.Errorf("no temporary folder to unpack the workbook in: %w", err)}
	}
	defer os.RemoveAll(tmp)
	defer func() {
		// excelize is hardened against malformed files but not proven:
		// a panic there is a damaged file to the user, never a crash.
		if r := recover(); r != nil {
			sheets, sum, err = nil, "", notXLSX(name, fmt.Errorf("%v", r))
		}
	}()
	xf, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    limit,
		UnzipXMLSizeLimit: min(int64(MaxSheetsSize), limit),
		RawCellValue:      true,
		TmpDir:            tmp,
	})
	if err != nil {
		return nil, "", notXLSX(name, err)
	}
	defer xf.Close()
	type numFmt struct {
		id   int
		code string
	}
	formats := map[int]numFmt{} // by cell style
	format := func(style int) (int, string) {
		f, ok := formats[style]
		if !ok {
			if st, err := xf.GetStyle(style); err == nil && st != nil {
				f.id = st.NumFmt
				if st.CustomNumFmt != nil {
					f.code = *st.CustomNumFmt
				}
			}
			formats[style] = f
		}
		return f.id, f.code
	}
	for _, sheet := range xf.GetSheetList() {
		if skip[sheet] {
			continue
		}
		s, err := readSheet(xf, sheet, format)
		if err != nil {
			return nil, "", fileError(name, sheet, ErrDamaged, "the sheet cannot be read, the workbook is damaged: %v; open it in Excel and save it again", err)
		}
		sheets = append(sheets, s)
	}
	return sheets, sum, nil
}

func readSheet(xf *excelize.File, name string, format func(style int) (int, string)) (Sheet, error) {
	s := Sheet{Name: name}
	raw, err := xf.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return s, err
	}
	cols := 0
	s.Rows = make([][]Cell, len(raw))
	for i, cells := range raw {
		row := make([]Cell, len(cells))
		for j, v := range cells {
			ref, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				return s, err
			}
			formula, err := xf.GetCellFormula(name, ref)
			if err != nil {
				return s, err
			}
			if v == "" && formula == "" {
				continue
			}
			computed := false
			if v == "" && formula != "" && volatile(formula) == "" {
				// No stored result (openpyxl writes none): computed as
				// the rows of Open compute it, when it can be.
				v, _ = calcValue(xf, name, ref)
				computed = true
			}
			c := Cell{Value: v, Formula: formula}
			t, err := xf.GetCellType(name, ref)
			if err != nil {
				return s, err
			}
			switch {
			case computed && v != "":
				c.Kind = Text
				if _, err := strconv.ParseFloat(v, 64); err == nil {
					c.Kind = Number
				}
			case t == excelize.CellTypeBool:
				c.Kind = Bool
			case t == excelize.CellTypeError:
				c.Kind = Error
			case t == excelize.CellTypeSharedString, t == excelize.CellTypeInlineString, t == excelize.CellTypeFormula, t == excelize.CellTypeDate:
				// A "d" cell (ISO 8601 date) is rare; its text is kept.
				c.Kind = Text
			default:
				c.Kind = Number
				if v == "" {
					c.Kind = Empty // a formula without a stored result
				}
			}
			style, err := xf.GetCellStyle(name, ref)
			if err != nil {
				return s, err
			}
			c.NumFmt, c.Format = format(style)
			row[j] = c
		}
		s.Rows[i] = row
		cols = max(cols, len(row))
	}
	s.Widths = make([]float64, cols)
	for j := range cols {
		col, _ := excelize.ColumnNumberToName(j + 1)
		if s.Widths[j], err = xf.GetColWidth(name, col); err != nil {
			return s, err
		}
	}
	merged, err := xf.GetMergeCells(name, true)
	if err != nil {
		return s, err
	}
	for _, m := range merged {
		s.Merged = append(s.Merged, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	return s, nil
}

func calcValue(xf *excelize.File, sheet, ref string) (v string, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = "", fmt.Errorf("%v", r)
		}
	}()
	return xf.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
}
