package source

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

// oleMagic starts OLE compound files: old .xls workbooks, and .xlsx
// workbooks encrypted with a password.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// A zip entry that unpacks to more than bombSize at more than bombRatio
// times its packed size is refused even under the total limit: real sheets
// pack about 10:1, a bomb thousands to one.
const (
	bombSize  = 100 << 20
	bombRatio = 100
)

func openXLSX(path, name string, opt Options) (f *File, err error) {
	limit := opt.maxUnzipSize()
	skip, parts, err := inspectZip(path, name, limit)
	if err != nil {
		return nil, err
	}

	var xf *excelize.File
	defer func() {
		// excelize is hardened against malformed files but not proven:
		// a panic there is a damaged file to the user, never a crash.
		if r := recover(); r != nil {
			if xf != nil {
				xf.Close()
			}
			f, err = nil, notXLSX(name, fmt.Errorf("%v", r))
		}
	}()
	xf, err = excelize.OpenFile(path, excelize.Options{
		UnzipSizeLimit:    limit,
		UnzipXMLSizeLimit: min(16<<20, limit),
		RawCellValue:      true,
		TmpDir:            opt.TmpDir,
	})
	if err != nil {
		if xf != nil {
			xf.Close() // it may have unpacked to temporary files already
		}
		return nil, notXLSX(name, err)
	}
	f = &File{Name: name}
	props, err := xf.GetWorkbookProps()
	if err != nil {
		xf.Close()
		return nil, notXLSX(name, err)
	}
	f.Date1904 = props.Date1904 != nil && *props.Date1904

	var sheets []*xlsxTable
	for _, sheet := range xf.GetSheetList() {
		if skip[sheet] {
			continue
		}
		x := &xlsxTable{xf: xf, file: name, sheet: sheet, path: path, part: parts[sheet]}
		sheets = append(sheets, x)
		f.tables = append(f.tables, &Table{File: name, Sheet: sheet, next: x.next})
	}
	f.close = func() error {
		for _, x := range sheets {
			x.closeRows()
		}
		return xf.Close()
	}
	return f, nil
}

func notXLSX(name string, cause error) error {
	return fileError(name, "", ErrNotXLSX,
		"this is not an .xlsx workbook (it may be an old .xls, encrypted with a password, or damaged): %v; open it in Excel and save it as .xlsx without a password", cause)
}

// inspectZip checks the zip directory before excelize unpacks anything: the
// sizes it declares bound what archive/zip will ever unpack. It returns the
// names of the sheets that are not worksheets (chart sheets and the like).
func inspectZip(path, name string, limit int64) (skip map[string]bool, parts map[string]string, err error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, fileError(name, "", ErrNotXLSX, "the file cannot be opened: %v", err)
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return nil, nil, fileError(name, "", ErrNotXLSX, "the file cannot be opened: %v", err)
	}
	magic := make([]byte, len(oleMagic))
	if _, err := io.ReadFull(fh, magic); err == nil && bytes.Equal(magic, oleMagic) {
		return nil, nil, fileError(name, "", ErrNotXLSX,
			"this is not an .xlsx workbook: it is an old .xls workbook or is encrypted with a password; open it in Excel and save it as .xlsx without a password")
	}
	zr, err := zip.NewReader(fh, fi.Size())
	if err != nil {
		return nil, nil, notXLSX(name, err)
	}
	var total uint64
	for _, e := range zr.File {
		size := e.UncompressedSize64
		if size > uint64(limit) || total > uint64(limit)-size {
			return nil, nil, fileError(name, "", ErrTooLarge,
				"the workbook is larger than %s when unpacked; refusing to read it (zip bomb protection). If the file is genuine, raise the unpack size limit", byteSize(uint64(limit)))
		}
		total += size
		if size > bombSize && size/bombRatio > e.CompressedSize64 {
			return nil, nil, fileError(name, "", ErrTooLarge,
				"the workbook part %s is larger than %s when unpacked but only %s packed; refusing to read it (zip bomb protection)",
				e.Name, byteSize(size), byteSize(e.CompressedSize64))
		}
	}
	skip, parts, err = nonWorksheets(zr)
	if err != nil {
		return nil, nil, notXLSX(name, err)
	}
	return skip, parts, nil
}

func byteSize(n uint64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// xlsxTable reads one worksheet through excelize's streaming iterator.
type xlsxTable struct {
	xf          *excelize.File
	file, sheet string
	path, part  string // the workbook on disk, and the sheet's zip entry ("" if unknown)

	rows    *excelize.Rows // opened on the first Next
	lastRow int            // from the sheet's dimension; 0 if unknown
	n       int            // number of the row the iterator is on
	err     error          // sticky: io.EOF or the error that ended the sheet
}

var rawValues = excelize.Options{RawCellValue: true}

func (x *xlsxTable) next() (row Row, err error) {
	if x.err != nil {
		return Row{}, x.err
	}
	defer func() {
		if r := recover(); r != nil {
			x.closeRows()
			x.err = x.damaged(fmt.Errorf("%v", r))
			row, err = Row{}, x.err
		}
	}()
	if x.rows == nil {
		if err := x.open(); err != nil {
			x.err = err
			return Row{}, err
		}
	}
	// The iterator stops at every row number, also those that have no
	// <row> element, so counting its steps gives the numbers Excel shows.
	for x.rows.Next() {
		x.n++
		cells, err := x.rows.Columns(rawValues)
		if err != nil {
			x.closeRows()
			x.err = x.damaged(err)
			return Row{}, x.err
		}
		if blank(cells) {
			continue
		}
		return Row{Number: x.n, Line: x.n, Cells: cells}, nil
	}
	err = x.rows.Error()
	x.closeRows()
	switch {
	case err != nil:
		x.err = x.damaged(err)
	case x.lastRow == 0 && x.part != "" && !x.complete():
		x.err = fileError(x.file, x.sheet, ErrTruncated,
			"the sheet looks truncated: it breaks off after row %d; the file may be damaged or cut short, open it in Excel and save it again", x.n)
	case x.lastRow > x.n:
		// Rows.Next stops silently at broken XML; the dimension Excel
		// wrote tells how far the sheet should go.
		x.err = fileError(x.file, x.sheet, ErrTruncated,
			"the sheet looks truncated: its dimension says rows up to %d but only %d could be read; the file may be damaged or cut short, open it in Excel and save it again", x.lastRow, x.n)
	default:
		x.err = io.EOF
	}
	return Row{}, x.err
}

// complete checks the end of the sheet's XML (see sheetComplete); a part
// that cannot be read says so too.
func (x *xlsxTable) complete() bool {
	ok, err := sheetComplete(x.path, x.part)
	return ok && err == nil
}

func (x *xlsxTable) open() error {
	dim, err := x.xf.GetSheetDimension(x.sheet)
	if err != nil {
		return x.damaged(err)
	}
	x.lastRow = dimensionLastRow(dim)
	x.rows, err = x.xf.Rows(x.sheet)
	if err != nil {
		x.closeRows()
		return x.damaged(err)
	}
	return nil
}

func (x *xlsxTable) closeRows() {
	if x.rows != nil {
		x.rows.Close()
		x.rows = nil
	}
}

func (x *xlsxTable) damaged(cause error) error {
	where := "the sheet"
	if x.n > 0 {
		where = fmt.Sprintf("row %d", x.n)
	}
	return fileError(x.file, x.sheet, ErrDamaged,
		"%s cannot be read, the workbook is damaged: %v; open it in Excel and save it again", where, cause)
}

// dimensionLastRow is the last row of a dimension such as "A1:J1000". A
// single cell ("A1", what streaming writers leave) or a ref that does not
// parse tells nothing: 0.
func dimensionLastRow(ref string) int {
	_, end, ok := strings.Cut(ref, ":")
	if !ok {
		return 0
	}
	_, row, err := excelize.CellNameToCoordinates(end)
	if err != nil {
		return 0
	}
	return row
}
