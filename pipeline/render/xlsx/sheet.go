package xlsx

import (
	"coopreport/pipeline/period"

	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"coopreport/pipeline"

	"github.com/xuri/excelize/v2"
)

// sheetSpec describes one streamed worksheet: an optional header row (row
// 1, frozen and repeated on printed pages), then rows. The first data rows
// after the header form the register a filter, a table or a pivot table
// works on; any rows after them are blocks of totals and notes.
type sheetSpec struct {
	name      string
	headers   []string // nil: no header row
	table     string   // name of the Excel table over header and data rows; "" for an autofilter
	data      int      // rows of the register
	landscape bool
	// split lets a register longer than a worksheet continue on further
	// sheets, "Name (2)" and on; every row must then be a data row, but
	// for the foot.
	split bool
	// foot returns the rows written after the register's data on its
	// last sheet (its total row), given where the data went; at most
	// footRows of them, and none when the register is empty.
	foot func(parts []part) ([][]any, error)
	// before runs once the rows are written and before the sheet is
	// flushed: the last moment to add a chart or a comment to it.
	before func(s *sheet) error
}

// footRows is the most rows a foot may have; a split register leaves
// room for them on every sheet.
const footRows = 1

// part is where a register's data rows go on one worksheet.
type part struct {
	sheet       string
	from, to    int // the rows' indexes, to exclusive
	first, last int // their rows on the sheet, 1-based; last < first when none
}

// col returns the part's range of column col, for a formula on another
// sheet: 'Activities'!$K$2:$K$17.
func (p part) col(col int) string {
	return quoteSheet(p.sheet) + "!" + absRef(col, p.first) + ":" + absRef(col, p.last)
}

// sheet is a worksheet being streamed.
type sheet struct {
	b      *book
	name   string
	sw     *excelize.StreamWriter
	widths []float64
	row    int // last row written
	ncols  int // widest row written
	// printTo is the last row a drawing below the rows covers: the
	// print area reaches down to it.
	printTo int
}

// widthSample is how many rows column widths are measured on: all of a
// register up to this size, an even sample beyond.
const widthSample = 50000

// maxWidth caps a column's width in characters; longer texts wrap or run
// on. It fits a SHA-256 in hex.
const maxWidth = 66

// write streams a sheet of n rows, row(i) giving row i (0-based, after the
// header). A nil value is an empty cell.
func (b *book) write(spec sheetSpec, n int, row func(i int) ([]any, error)) error {
	parts := plan(spec, n)
	var foot [][]any
	if spec.foot != nil && n > 0 {
		var err error
		if foot, err = spec.foot(parts); err != nil {
			return err
		}
		if len(foot) > footRows {
			return fmt.Errorf("the foot of the sheet %q has %d rows, more than the %d it has room for; this is a bug in coopreport, please report it", spec.name, len(foot), footRows)
		}
	}
	widths, err := b.measure(spec.headers, n, row, foot)
	if err != nil {
		return err
	}
	for k, p := range parts {
		table := spec.table
		if k > 0 && table != "" {
			table += strconv.Itoa(k + 1)
		}
		s, err := b.open(p.sheet, spec, widths)
		if err != nil {
			return err
		}
		if s.name != p.sheet {
			return fmt.Errorf("the sheet %q was planned as %q, which formulas may name; this is a bug in coopreport, please report it", s.name, p.sheet)
		}
		if k > 0 {
			l := b.r.Lang
			b.splits = append(b.splits, b.wf(
				"The sheet %q holds rows %s to %s of the %s rows of %q: a worksheet holds at most %s rows.",
				s.name, num(l, p.from+1), num(l, p.to), num(l, n), spec.name, num(l, maxRows)))
		}
		for i := p.from; i < p.to; i++ {
			vals, err := row(i)
			if err != nil {
				return err
			}
			if err := s.add(vals...); err != nil {
				return err
			}
		}
		if k == len(parts)-1 {
			for _, vals := range foot {
				if err := s.add(vals...); err != nil {
					return err
				}
			}
		}
		data := spec.data
		if spec.split {
			data = p.to - p.from
		}
		if err := s.close(spec, table, data); err != nil {
			return err
		}
	}
	return nil
}

// plan says where the n rows of a sheet go: all on one worksheet, or for
// a split register, as many as fit on each, the header repeated and room
// left for the foot. Formulas on sheets written earlier name the parts
// (Finance sums the Activities ledger), so the names are planned too:
// "Name", "Name (2)", …, which no sheet written before takes.
func plan(spec sheetSpec, n int) []part {
	first := 1
	if spec.headers != nil {
		first = 2
	}
	per := n
	if spec.split && spec.headers != nil {
		per = maxRows - 1
		if spec.foot != nil {
			per -= footRows
		}
	}
	var parts []part
	for k, start := 1, 0; k == 1 || start < n; k, start = k+1, start+per {
		end := min(n, start+per)
		name := spec.name
		if k > 1 {
			name = fmt.Sprintf("%s (%d)", spec.name, k)
		}
		parts = append(parts, part{sheet: name, from: start, to: end, first: first, last: first + end - start - 1})
		if !spec.split {
			break
		}
	}
	return parts
}

// open creates the worksheet and everything that must precede its rows.
func (b *book) open(name string, spec sheetSpec, widths []float64) (*sheet, error) {
	name = sheetName(name, b.sheets)
	if len(b.sheets) == 0 {
		// The new file's only sheet becomes the first one, keeping its
		// place and path (sheet1.xml).
		if err := b.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := b.f.NewSheet(name); err != nil {
		return nil, fmt.Errorf("adding the sheet %q: %w", name, err)
	}
	b.sheets = append(b.sheets, name)
	fail := func(err error) (*sheet, error) {
		return nil, fmt.Errorf("setting up the sheet %q: %w", name, err)
	}
	// Page setup lives in parts of the sheet XML that the stream writer
	// emits early (sheetPr) or late (pageSetup, headerFooter); both are
	// taken from the worksheet object, so set them before streaming.
	//
	// A narrow sheet is printed fitted to the page's width. A wide
	// register shrunk to one page's width is unreadable: it is printed at
	// full size across as many pages as it needs, the pages of the same
	// rows one after the other, each with the header row and the first
	// column (the id) repeated.
	narrow := len(widths) <= fitColumns
	orient, a4, across := "portrait", 9, "overThenDown"
	if spec.landscape {
		orient = "landscape"
	}
	layout := &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient}
	titles := "$1:$1"
	if narrow {
		yes, zero, one := true, 0, 1
		if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
			return fail(err)
		}
		layout.FitToWidth, layout.FitToHeight = &one, &zero
	} else {
		layout.PageOrder = &across
		titles = "$A:$A," + quoteSheet(name) + "!$1:$1"
	}
	if err := b.f.SetPageLayout(name, layout); err != nil {
		return fail(err)
	}
	if err := b.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: "&L&A",
		OddFooter: "&L" + strings.ReplaceAll(cutRunes(period.Words(b.r.Period, b.r.Lang), 60), "&", "&&") + "&R" + b.w("Page &P of &N"),
	}); err != nil {
		return fail(err)
	}
	if spec.headers != nil {
		if err := b.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", RefersTo: quoteSheet(name) + "!" + titles, Scope: name,
		}); err != nil {
			return fail(err)
		}
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return fail(err)
	}
	// Highest column first: the stream writer emits <col> elements in
	// call order and Excel wants them ascending.
	for _, r := range widthRuns(widths) {
		if err := sw.SetColWidth(r.from, r.to, r.width); err != nil {
			return fail(err)
		}
	}
	if spec.headers != nil {
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
		}); err != nil {
			return fail(err)
		}
	}
	s := &sheet{b: b, name: name, sw: sw, widths: widths}
	if spec.headers != nil {
		hs := headers(b.r.Lang, spec.headers)
		vals := make([]any, len(hs))
		for i, h := range hs {
			vals[i] = excelize.Cell{StyleID: b.st.header, Value: h}
		}
		if err := s.add(vals...); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// fitColumns is the most columns a sheet may have to be printed fitted
// to the page's width: beyond it, the text would be too small to read.
const fitColumns = 10

// widthCols is how many columns get widths of their own; the columns
// after them keep the default width. Each width excelize sets costs it
// time in proportion to the square of the columns set before (flatCols),
// so a register with thousands of extra columns would take minutes to set
// up otherwise.
const widthCols = 128

type widthRun struct {
	from, to int // 1-based columns
	width    float64
}

// widthRuns groups columns of equal width, from the highest column down.
func widthRuns(widths []float64) []widthRun {
	var runs []widthRun
	for c := min(len(widths), widthCols); c >= 1; c-- {
		if n := len(runs); n > 0 && runs[n-1].width == widths[c-1] {
			runs[n-1].from = c
			continue
		}
		runs = append(runs, widthRun{from: c, to: c, width: widths[c-1]})
	}
	return runs
}

// add writes the next row.
func (s *sheet) add(vals ...any) error {
	s.row++
	last := len(vals)
	for last > 0 && vals[last-1] == nil {
		last--
	}
	s.ncols = max(s.ncols, last)
	if last == 0 {
		return nil // an empty row needs no element
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	// Streamed rows get no automatic height: give rows with wrapped text
	// enough lines to show it.
	var opts []excelize.RowOpts
	if lines := s.lines(vals[:last]); lines > 1 {
		opts = append(opts, excelize.RowOpts{Height: math.Min(409, 15*float64(lines))})
	}
	if err := s.sw.SetRow(cell, vals[:last], opts...); err != nil {
		return fmt.Errorf("writing row %d of the sheet %q: %w", s.row, s.name, err)
	}
	return nil
}

// lines is how many lines the wrapped cells of a row need at the
// column widths set.
func (s *sheet) lines(vals []any) int {
	n := 1
	for i, v := range vals {
		c, ok := v.(excelize.Cell)
		if !ok || (c.StyleID != s.b.st.wrap && c.StyleID != s.b.st.header && c.StyleID != s.b.st.title) || i >= len(s.widths) {
			continue
		}
		str, _ := c.Value.(string)
		per := max(1, int(s.widths[i])-1)
		k := 0
		for line := range strings.SplitSeq(str, "\n") {
			k += max(1, (utf8.RuneCountInString(line)+per-1)/per)
		}
		n = max(n, k)
	}
	return n
}

// ref returns the A1 reference of column col (1-based) in row.
func ref(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// absRef returns the absolute reference ($A$1) of column col in row.
func absRef(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row, true)
	return c
}

// close adds the filter or table over the register, the sheet's last
// touches, and flushes it; it records the real used range for the zip
// writer to put into <dimension>.
func (s *sheet) close(spec sheetSpec, table string, data int) error {
	b := s.b
	fail := func(err error) error { return fmt.Errorf("finishing the sheet %q: %w", s.name, err) }
	if spec.headers != nil {
		cols := len(spec.headers)
		switch {
		case table != "" && data > 0:
			// A table carries its own filter buttons and is what a pivot
			// table is best pointed at.
			if err := s.sw.AddTable(&excelize.Table{
				Range: "A1:" + ref(cols, data+1), Name: table, StyleName: "TableStyleLight9",
			}); err != nil {
				return fail(err)
			}
		case data > 0: // no filter buttons over an empty register
			if err := b.f.AutoFilter(s.name, "A1:"+ref(cols, data+1), nil); err != nil {
				return fail(err)
			}
		}
	}
	if s.row > 0 && s.ncols > 0 {
		// Ids and codes are text on purpose; spare users the green
		// "number stored as text" triangles.
		if err := b.f.AddIgnoredErrors(s.name, "A1:"+ref(s.ncols, s.row), excelize.IgnoredErrorsNumberStoredAsText); err != nil {
			return fail(err)
		}
	}
	if spec.before != nil {
		if err := spec.before(s); err != nil {
			return fail(err)
		}
	}
	if s.row > 0 && s.ncols > 0 {
		// What is printed: every row and column written, and a drawing
		// placed below them.
		if err := b.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Area", RefersTo: quoteSheet(s.name) + "!$A$1:" + absRef(s.ncols, max(s.row, s.printTo)), Scope: s.name,
		}); err != nil {
			return fail(err)
		}
	}
	if err := s.sw.Flush(); err != nil {
		return fail(err)
	}
	if s.row > 0 && s.ncols > 0 {
		b.dims[fmt.Sprintf("xl/worksheets/sheet%d.xml", s.sw.SheetID)] = "A1:" + ref(s.ncols, s.row)
	}
	return nil
}

// measure fits column widths to the content, since excelize's auto-fit
// does nothing on streamed sheets: the widest value in characters, within
// bounds, headers counting only up to a wrapped line's worth.
func (b *book) measure(hs []string, n int, row func(i int) ([]any, error), foot [][]any) ([]float64, error) {
	var w []float64
	see := func(i int, chars float64) {
		for len(w) <= i {
			w = append(w, 0)
		}
		w[i] = max(w[i], chars)
	}
	for i, h := range hs {
		see(i, float64(min(utf8.RuneCountInString(h), 16)))
	}
	step := 1
	if n > widthSample {
		step = n / widthSample
	}
	for i := 0; i < n; i += step {
		vals, err := row(i)
		if err != nil {
			return nil, err
		}
		for c, v := range vals {
			see(c, b.width(v))
		}
	}
	for _, vals := range foot {
		for c, v := range vals {
			see(c, b.width(v))
		}
	}
	for i := range w {
		w[i] = math.Min(math.Max(w[i]+2, 6), maxWidth)
	}
	return w, nil
}

// width is roughly how many characters v takes when shown.
func (b *book) width(v any) float64 {
	style := 0
	if c, ok := v.(excelize.Cell); ok {
		if c.StyleID == b.st.note || c.StyleID == b.st.section {
			return 0 // notes and titles may run over empty cells to their right
		}
		style, v = c.StyleID, c.Value
	}
	switch v := v.(type) {
	case nil:
		return 0
	case string:
		longest := 0
		for line := range strings.SplitSeq(v, "\n") {
			longest = max(longest, utf8.RuneCountInString(line))
		}
		return float64(longest)
	case int:
		if style == b.st.date {
			return 10
		}
		return digits(int64(v))
	case int64:
		return digits(v)
	case float64:
		// grouped integer part, up to three decimals, and a currency code
		return digits(int64(v)) + 4 + 6
	}
	return 10
}

// digits is the width of n with thousands separators.
func digits(n int64) float64 {
	s := strconv.FormatInt(n, 10)
	return float64(len(s) + (len(s)-1)/3)
}

// posCells are the source columns every register ends with, so a reader
// can find the row in the input.
func (b *book) posCells(p pipeline.Pos) []any {
	var row any
	if p.Row > 0 {
		row = int64(p.Row)
	}
	return []any{b.str(p.File), b.str(p.Sheet), row}
}

var posHeaders = []string{"Source file", "Source sheet", "Source row"}
