package source

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"coopreport/pipeline"

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

func openXLSX(path, name string, opt Options) (*File, error) {
	// The workbook is read once, into memory (a zip is read from its
	// end), and hashed there: the hash is of the bytes excelize reads.
	data, err := readWorkbook(path, name, opt.maxUnzipSize())
	if err != nil {
		return nil, err
	}
	return openXLSXBytes(data, name, opt)
}

// openXLSXBytes opens the workbook whose bytes are data: read by openXLSX,
// or given to OpenBytes.
func openXLSXBytes(data []byte, name string, opt Options) (f *File, err error) {
	limit := opt.maxUnzipSize()
	sum := sha256.Sum256(data)
	zr, skip, parts, err := inspectZip(data, name, limit)
	if err != nil {
		return nil, err
	}
	b := &xlsxBook{name: name, zr: zr, files: zipEntries(zr), stored: opt.Stored}
	defer func() {
		// excelize is hardened against malformed files but not proven:
		// a panic there is a damaged file to the user, never a crash.
		if r := recover(); r != nil {
			b.close()
			f, err = nil, notXLSX(name, fmt.Errorf("%v", r))
		}
	}()
	// excelize unpacks large parts into a folder of this workbook's own,
	// where the sheet scans find them (see scanSource).
	b.tmp, err = os.MkdirTemp(opt.TmpDir, "coopreport-xlsx-")
	if err != nil {
		b.close()
		return nil, &pipeline.FileError{File: name, Err: fmt.Errorf("no temporary folder to unpack the workbook in: %w", err)}
	}
	b.xf, err = excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    limit,
		UnzipXMLSizeLimit: min(16<<20, limit),
		RawCellValue:      true,
		TmpDir:            b.tmp,
	})
	if err != nil {
		b.close() // excelize may have unpacked to temporary files already
		return nil, notXLSX(name, err)
	}
	b.unpacked = unpackedParts(b.tmp)
	f = &File{Name: name, sum: func() string { return hex.EncodeToString(sum[:]) }}
	props, err := b.xf.GetWorkbookProps()
	if err != nil {
		b.close()
		return nil, notXLSX(name, err)
	}
	f.Date1904 = props.Date1904 != nil && *props.Date1904
	b.date1904 = f.Date1904
	var sheetBytes uint64
	for _, p := range parts {
		if e := b.files[p]; e != nil {
			sheetBytes += e.UncompressedSize64
		}
	}
	b.calc = calc{xf: b.xf, file: name, allowed: sheetBytes <= calcSheetLimit}

	var sheets []*xlsxTable
	for _, sheet := range b.xf.GetSheetList() {
		if skip[sheet] {
			continue
		}
		x := &xlsxTable{book: b, sheet: sheet, part: parts[sheet]}
		sheets = append(sheets, x)
		f.tables = append(f.tables, &Table{File: name, Sheet: sheet, next: x.next, layout: x.layout})
	}
	f.close = func() error {
		for _, x := range sheets {
			x.closeRows()
		}
		return b.close()
	}
	return f, nil
}

func notXLSX(name string, cause error) error {
	return fileError(name, "", ErrNotXLSX,
		"this is not an .xlsx workbook (it may be an old .xls, encrypted with a password, or damaged): %v; open it in Excel and save it as .xlsx without a password", cause)
}

// readWorkbook reads the workbook at path, which must be no larger than limit:
// a workbook larger packed than unpacked is not one.
func readWorkbook(path, name string, limit int64) ([]byte, error) {
	fh, info, err := openRegular(path, name, ErrNotXLSX)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if info.Size() > limit {
		return nil, fileError(name, "", ErrTooLarge, "the workbook is larger than %s; refusing to read it", byteSize(uint64(limit)))
	}
	data, err := io.ReadAll(readUpTo(fh, info.Size()))
	if err != nil {
		return nil, fileError(name, "", ErrNotXLSX, "the file cannot be read: %v", err)
	}
	if int64(len(data)) > limit {
		return nil, fileError(name, "", ErrTooLarge, "the workbook is larger than %s; refusing to read it", byteSize(uint64(limit)))
	}
	return data, nil
}

// inspectZip checks the zip directory before excelize unpacks anything: the
// sizes it declares bound what archive/zip will ever unpack. It returns the
// names of the sheets that are not worksheets (chart sheets and the like),
// and the zip that the scans read to check each sheet's XML as excelize
// reads it.
func inspectZip(data []byte, name string, limit int64) (zr *zip.Reader, skip map[string]bool, parts map[string]string, err error) {
	if bytes.HasPrefix(data, oleMagic) {
		return nil, nil, nil, fileError(name, "", ErrNotXLSX,
			"this is not an .xlsx workbook: it is an old .xls workbook or is encrypted with a password; open it in Excel and save it as .xlsx without a password")
	}
	zr, err = zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, nil, notXLSX(name, err)
	}
	var total uint64
	for _, e := range zr.File {
		size := e.UncompressedSize64
		if size > uint64(limit) || total > uint64(limit)-size {
			return nil, nil, nil, fileError(name, "", ErrTooLarge,
				"the workbook is larger than %s when unpacked; refusing to read it (zip bomb protection). If the file is genuine, raise the unpack size limit", byteSize(uint64(limit)))
		}
		total += size
		if size > bombSize && size/bombRatio > e.CompressedSize64 {
			return nil, nil, nil, fileError(name, "", ErrTooLarge,
				"the workbook part %s is larger than %s when unpacked but only %s packed; refusing to read it (zip bomb protection)",
				e.Name, byteSize(size), byteSize(e.CompressedSize64))
		}
	}
	skip, parts, err = nonWorksheets(zr)
	if err != nil {
		return nil, nil, nil, notXLSX(name, err)
	}
	return zr, skip, parts, nil
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

// xlsxBook is what the tables of one workbook share: excelize's view of
// it, the zip the sheet scans read, the shared strings, the number formats
// of the cell styles, and the formulas computed.
type xlsxBook struct {
	name     string
	xf       *excelize.File
	tmp      string             // excelize's folder for unpacked parts
	unpacked map[int64][]string // the files excelize unpacked there, by size
	zr       *zip.Reader
	files    map[string]*zip.File
	date1904 bool
	sst      *sstScan // opened on first use
	sstOpen  bool
	calc     calc

	mu    sync.Mutex // guards kinds, formats and the style lookups: the scans run in goroutines of their own
	kinds []int8     // numKind+1 by cell style; 0: not looked up yet

	stored  bool              // Options.Stored
	formats map[int]storedFmt // number formats by cell style, with stored
}

type storedFmt struct {
	id   int
	code string
}

// numFmt is the number format of the cell style s: a built-in one by its
// id, or a custom one's code, looked up once.
func (b *xlsxBook) numFmt(s int) (int, string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	f, ok := b.formats[s]
	if !ok {
		if st, err := b.xf.GetStyle(s); err == nil && st != nil {
			f.id = st.NumFmt
			if st.CustomNumFmt != nil {
				f.code = *st.CustomNumFmt
			}
		}
		if b.formats == nil {
			b.formats = map[int]storedFmt{}
		}
		if len(b.formats) < maxStyle {
			b.formats[s] = f
		}
	}
	return f.id, f.code
}

func (b *xlsxBook) close() error {
	var err error
	if b.sst != nil {
		b.sst.close()
	}
	if b.xf != nil {
		err = b.xf.Close()
	}
	if b.tmp != "" {
		if rmErr := os.RemoveAll(b.tmp); err == nil {
			err = rmErr
		}
	}
	return err
}

// unpackedParts lists the files in dir by size: just after excelize has
// opened a workbook, they are the parts it unpacked there (the sheets and
// shared strings over its in-memory limit).
func unpackedParts(dir string) map[int64][]string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	m := map[int64][]string{}
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && fi.Mode().IsRegular() {
			m[fi.Size()] = append(m[fi.Size()], filepath.Join(dir, e.Name()))
		}
	}
	return m
}

// scanSource returns the bytes of a sheet's part for its scan. excelize
// has unpacked them already, into memory or into a file: the scan reads
// that copy (unpacking a large sheet again would cost a tenth of the whole
// read) when it is the zip entry's to the byte, which its size and
// checksum prove (excelize ignores unpacking errors; the checksum does
// not). Otherwise it unpacks the entry itself.
func (b *xlsxBook) scanSource(part string, e *zip.File) (io.ReadCloser, error) {
	if v, ok := b.xf.Pkg.Load(part); ok {
		if data, ok := v.([]byte); ok && uint64(len(data)) == e.UncompressedSize64 && crc32.ChecksumIEEE(data) == e.CRC32 {
			return io.NopCloser(bytes.NewReader(data)), nil
		}
	} else if size := int64(e.UncompressedSize64); size >= 0 && len(b.unpacked[size]) == 1 {
		// The only file of the size: this part, or, if excelize could not
		// unpack it whole, another part, which the checksum tells.
		if f, err := os.Open(b.unpacked[size][0]); err == nil {
			return &checkedReader{r: bufio.NewReaderSize(f, 256<<10), c: f, want: e.CRC32, size: size}, nil
		}
	}
	return e.Open()
}

// checkedReader reads a copy of a zip entry and checks at its end that it
// is the entry's: its size and CRC-32.
type checkedReader struct {
	r    io.Reader
	c    io.Closer
	crc  uint32
	n    int64
	want uint32
	size int64
}

func (r *checkedReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.crc = crc32.Update(r.crc, crc32.IEEETable, p[:n])
	r.n += int64(n)
	if err == io.EOF && (r.crc != r.want || r.n != r.size) {
		err = zip.ErrChecksum
	}
	return n, err
}

func (r *checkedReader) Close() error { return r.c.Close() }

// sharedStrings returns the scan of the shared strings; nil when the
// workbook has none.
func (b *xlsxBook) sharedStrings() (*sstScan, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.sstOpen {
		b.sstOpen = true
		if e := sharedStringsEntry(b.zr); e != nil {
			rc, err := b.scanSource("xl/sharedStrings.xml", e) // excelize's name for it
			if err != nil {
				return nil, err
			}
			b.sst = newSSTScan(rc)
		}
	}
	return b.sst, nil
}

// numKind is what the cell style s shows of a number, looked up once.
func (b *xlsxBook) numKind(s int) numKind {
	if s < 0 || s >= maxStyle {
		return numPlain
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if s < len(b.kinds) && b.kinds[s] != 0 {
		return numKind(b.kinds[s] - 1)
	}
	k := numPlain
	if st, err := b.xf.GetStyle(s); err == nil && st != nil {
		if st.CustomNumFmt != nil {
			k = formatKind(*st.CustomNumFmt)
		} else {
			k = builtinKind(st.NumFmt)
		}
	}
	for len(b.kinds) <= s {
		b.kinds = append(b.kinds, 0)
	}
	b.kinds[s] = int8(k) + 1
	return k
}

// maxStyle bounds the cell styles looked up (Excel allows 64,000); a cell
// with a style beyond it shows its number plainly, as excelize reads it.
const maxStyle = 1 << 17

// xlsxTable reads one worksheet through excelize's streaming iterator,
// with a scan of the sheet's XML in lockstep (see sheetScan): excelize
// gives the cell texts, the scan what excelize does not tell and whether
// it read every row.
type xlsxTable struct {
	book  *xlsxBook
	sheet string
	part  string // the sheet's zip entry ("" if unknown)

	rows    *excelize.Rows // opened on the first Next
	scan    *scanAhead
	pending *rowInfo // the scan's next row, ahead of the iterator
	scanEOF bool
	n       int   // number of the row the iterator is on
	err     error // sticky: io.EOF or the error that ended the sheet
	dates   []pipeline.Field
	stored  []Cell
}

func (x *xlsxTable) layout() *Layout {
	if x.scan == nil {
		return nil
	}
	return x.scan.layout
}

var rawValues = excelize.Options{RawCellValue: true}

func (x *xlsxTable) next() (row Row, err error) {
	if x.err != nil {
		return Row{}, x.err
	}
	defer func() {
		if r := recover(); r != nil {
			x.closeRows()
			x.err = x.damaged(x.n, fmt.Errorf("%v", r))
			row, err = Row{}, x.err
		}
	}()
	if x.rows == nil {
		if err := x.open(); err != nil {
			x.closeRows()
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
			return Row{}, x.fail(x.damaged(x.n, err))
		}
		info, err := x.scanRow(x.n)
		if err != nil {
			return Row{}, x.fail(err)
		}
		want := 0
		if info != nil {
			want = info.want
		}
		if len(cells) != want {
			return Row{}, x.fail(x.mismatch(len(cells), want))
		}
		row = Row{Number: x.n, Line: x.n, Cells: cells}
		if info != nil && len(info.cells) > 0 {
			if err := x.finish(&row, info); err != nil {
				return Row{}, x.fail(err)
			}
		}
		if x.book.stored {
			x.store(&row, info)
			if !slices.ContainsFunc(row.Cells, func(c string) bool { return c != "" }) && len(row.Problems) == 0 {
				continue
			}
		} else if blank(row.Cells) && len(row.Problems) == 0 {
			continue
		}
		return row, nil
	}
	if err := x.rows.Error(); err != nil {
		return Row{}, x.fail(x.damaged(x.n, err))
	}
	// The iterator ended: the XML must hold no further row and end whole.
	return Row{}, x.fail(x.scanEnd())
}

// fail ends the sheet with err.
func (x *xlsxTable) fail(err error) error {
	x.closeRows()
	x.err = err
	return err
}

func (x *xlsxTable) open() error {
	b := x.book
	var err error
	x.rows, err = b.xf.Rows(x.sheet)
	if err != nil {
		return x.damaged(0, err)
	}
	e := b.files[x.part]
	if e == nil {
		return x.damaged(0, errors.New("its part cannot be found in the workbook to be checked"))
	}
	sst, err := b.sharedStrings()
	if err != nil {
		return x.damaged(0, fmt.Errorf("the shared strings cannot be unpacked: %v", err))
	}
	rc, err := b.scanSource(x.part, e)
	if err != nil {
		return x.damaged(0, fmt.Errorf("its part cannot be unpacked: %v", err))
	}
	s := newSheetScan(rc, sst, b.numKind)
	s.stored = b.stored
	x.scan = startScan(s, rc)
	return nil
}

// scanRow returns what the scan found in row n, or nil when the XML holds
// no <row> numbered n (a row Excel shows empty).
func (x *xlsxTable) scanRow(n int) (*rowInfo, error) {
	if x.pending == nil && !x.scanEOF {
		info, err := x.scan.next()
		switch {
		case err == io.EOF:
			x.scanEOF = true
		case err != nil:
			return nil, x.scanFailed(err)
		default:
			x.pending = info
		}
	}
	switch {
	case x.pending == nil || x.pending.num > n:
		return nil, nil
	case x.pending.num < n:
		// excelize passed over a row the XML holds
		return nil, x.damaged(x.pending.num, errors.New("it could not be read"))
	}
	info := x.pending
	x.pending = nil
	return info, nil
}

// mismatch is the error of a row excelize reads as got cells where the
// XML holds want: excelize stopped inside the row (at XML the scan let
// pass) or read past its end into damage the scan has not reached yet.
// The scan's view of what follows says which, when it can.
func (x *xlsxTable) mismatch(got, want int) error {
	if x.pending == nil && !x.scanEOF {
		if _, err := x.scan.next(); err != nil && err != io.EOF {
			return x.scanFailed(err)
		}
	}
	if got < want {
		return x.damaged(x.n, fmt.Errorf("only %d of its %d cells can be read", got, want))
	}
	return x.damaged(x.n, fmt.Errorf("it reads as %d cells where it holds %d", got, want))
}

// scanEnd checks, once excelize's iterator has ended, that the XML holds
// no row it did not give and that the part ends whole.
func (x *xlsxTable) scanEnd() error {
	if x.pending == nil && !x.scanEOF {
		info, err := x.scan.next()
		switch {
		case err == io.EOF:
			x.scanEOF = true
		case err != nil:
			return x.scanFailed(err)
		default:
			x.pending = info
		}
	}
	if x.pending != nil {
		return fileError(x.book.name, x.sheet, ErrDamaged,
			"the sheet is damaged after row %d: row %d and any after it cannot be read; open it in Excel and save it again",
			x.n, x.pending.num)
	}
	return io.EOF
}

// scanFailed turns the scan's error into the sheet's.
func (x *xlsxTable) scanFailed(err error) error {
	var se *scanError
	if !errors.As(err, &se) {
		return x.damaged(x.n, err)
	}
	truncated := se.truncated || errors.Is(se.err, io.ErrUnexpectedEOF)
	switch {
	case truncated && se.inRow:
		return fileError(x.book.name, x.sheet, ErrTruncated,
			"the sheet breaks off in row %d: the file is damaged or cut short; open it in Excel and save it again, or use a whole copy", se.row)
	case truncated && se.row > 0:
		return fileError(x.book.name, x.sheet, ErrTruncated,
			"the sheet breaks off after row %d: the file is damaged or cut short; open it in Excel and save it again, or use a whole copy", se.row)
	case truncated:
		return fileError(x.book.name, x.sheet, ErrTruncated,
			"the sheet breaks off before its first row: the file is damaged or cut short; open it in Excel and save it again, or use a whole copy")
	case se.inRow:
		return x.damaged(se.row, se.err)
	case se.row > 0:
		return fileError(x.book.name, x.sheet, ErrDamaged,
			"the sheet is damaged after row %d: %v; open it in Excel and save it again", se.row, se.err)
	}
	return x.damaged(0, se.err)
}

// finish completes a row with what the scan found: the results of
// formulas the file does not store, and what date and time cells show.
func (x *xlsxTable) finish(row *Row, info *rowInfo) error {
	b := x.book
	var dates []pipeline.Field
	for _, ci := range info.cells {
		if ci.col >= len(row.Cells) {
			continue // cannot be: want covers every cell with a formula or value
		}
		if ci.noResult {
			v, err := b.calc.compute(x.sheet, row.Number, ci)
			var fe *pipeline.FileError
			if errors.As(err, &fe) {
				return err
			}
			if err != nil {
				row.Problems = append(row.Problems, CellProblem{Index: ci.col, Err: err})
				continue
			}
			row.Cells[ci.col] = v
		}
		if ci.kind == numPlain || row.Cells[ci.col] == "" {
			continue
		}
		f, ok := shown(row.Cells[ci.col], ci.kind, b.date1904)
		if !ok {
			continue
		}
		if dates == nil {
			if cap(x.dates) < len(row.Cells) {
				x.dates = make([]pipeline.Field, len(row.Cells))
			}
			dates = x.dates[:len(row.Cells)]
			clear(dates)
		}
		dates[ci.col] = f
	}
	row.Dates = dates
	return nil
}

// store sets row.Stored from the cells of info, which the scan records
// whole with Options.Stored.
func (x *xlsxTable) store(row *Row, info *rowInfo) {
	if cap(x.stored) < len(row.Cells) {
		x.stored = make([]Cell, len(row.Cells))
	}
	stored := x.stored[:len(row.Cells)]
	clear(stored)
	if info != nil {
		for _, ci := range info.cells {
			if ci.col >= len(row.Cells) {
				continue
			}
			v := row.Cells[ci.col]
			c := Cell{Value: v, Formula: ci.formula}
			switch {
			case ci.noResult && v == "":
				// no result, and none computed: Empty
			case ci.noResult:
				c.Kind = Text
				if _, err := strconv.ParseFloat(v, 64); err == nil {
					c.Kind = Number
				}
			case ci.typ == 'b':
				c.Kind = Bool
			case ci.typ == 'e':
				c.Kind = Error
			case ci.typ == 's' || ci.typ == 'i' || ci.typ == 'r' || ci.typ == 'd':
				// A "d" cell (ISO 8601 date) is rare; its text is kept.
				c.Kind = Text
			case v != "":
				c.Kind = Number
			}
			c.NumFmt, c.Format = x.book.numFmt(ci.style)
			stored[ci.col] = c
		}
	}
	for i, v := range row.Cells {
		if v != "" && stored[i].Kind == Empty {
			stored[i] = Cell{Kind: Text, Value: v} // cannot be: the scan records every cell excelize gives
		}
	}
	row.Stored = stored
}

func (x *xlsxTable) closeRows() {
	if x.rows != nil {
		x.rows.Close()
		x.rows = nil
	}
	if x.scan != nil {
		x.scan.stop()
	}
}

// damaged is the error of a sheet excelize or the scan cannot read at row
// (0: the sheet as a whole).
func (x *xlsxTable) damaged(row int, cause error) error {
	where := "the sheet"
	if row > 0 {
		where = fmt.Sprintf("row %d", row)
	}
	return fileError(x.book.name, x.sheet, ErrDamaged,
		"%s cannot be read, the workbook is damaged: %v; open it in Excel and save it again", where, cause)
}
