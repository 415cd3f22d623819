package checked

import (
	"compress/flate"
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
	"coopreport/pipeline/render/xlsxzip"
	"coopreport/pipeline/schema"
	"coopreport/pipeline/source"

	"github.com/xuri/excelize/v2"
)

// Colours of the marks: Excel's own light red for cells rejected, a
// milder light yellow for cells to check.
const (
	red    = "FFC7CE"
	yellow = "FFF2CC"
)

// maxComments bounds the comments of one copy: past it, cells are still
// coloured and their rows' Problems cells still say why.
const maxComments = 5000

// problemsWidth is the width of the Problems column, in characters.
const problemsWidth = 60

type fill int

const (
	noFill fill = iota
	warnFill
	rejectFill
)

// book is one checked copy being made.
type book struct {
	c        *Copy
	r        *pipeline.Report
	in       *source.File // nil when tooLarge
	tmpDir   string
	names    []string // the sheets of the copy after the summary, one a table of in
	marks    map[string]marks
	tooLarge bool

	f        *excelize.File
	summary  string // the summary sheet's name
	styles   map[styleKey]int
	comments int
	dims     map[string]string // sheet XML path → used range
	err      error
}

type styleKey struct {
	numFmt int
	format string
	fill   fill
	wrap   bool
	bold   bool
	indent int
}

func newBook(c *Copy, r *pipeline.Report, tmpDir string) *book {
	return &book{c: c, r: r, tmpDir: tmpDir, marks: fileMarks(r, c.Input), styles: map[styleKey]int{}, dims: map[string]string{}}
}

func (b *book) check(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *book) style(k styleKey) int {
	if id, ok := b.styles[k]; ok || b.err != nil {
		return id
	}
	s := &excelize.Style{NumFmt: k.numFmt, Alignment: &excelize.Alignment{Vertical: "top", WrapText: k.wrap, Indent: k.indent}}
	if k.format != "" {
		code := k.format
		s.CustomNumFmt = &code
	}
	if k.fill != noFill {
		color := red
		if k.fill == warnFill {
			color = yellow
		}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	if k.bold {
		s.Font = &excelize.Font{Bold: true}
	}
	id, err := b.f.NewStyle(s)
	b.check(err)
	b.styles[k] = id
	return id
}

func (b *book) write(w io.Writer) error {
	// excelize's stream writer keeps a sheet's rows in a file of its own
	// past 16 MB: in tmpDir, with the run's other temporary files.
	b.f = excelize.NewFile(excelize.Options{TmpDir: b.tmpDir})
	defer b.f.Close()
	var tables []*source.Table
	if b.in != nil {
		tables = b.in.Tables()
	}
	for _, t := range tables {
		name := t.Sheet
		if !isXLSX(b.c.Input) {
			name = csvSheetName(b.c.Input)
		}
		b.names = append(b.names, name)
	}
	// The summary is the first sheet (the one a new workbook has, and the
	// one it opens on), written last: it counts what the sheets held.
	b.summary = b.summaryName()
	b.check(b.f.SetSheetName("Sheet1", b.summary))
	for _, n := range b.names {
		if b.err == nil {
			_, err := b.f.NewSheet(n)
			b.check(err)
		}
	}
	found := make([]*table, len(tables))
	for i, t := range tables {
		if b.err != nil {
			break
		}
		found[i] = b.writeSheet(t, b.names[i])
	}
	if b.err == nil && b.in != nil && b.in.SHA256() != b.c.in.SHA256 {
		return &pipeline.FileError{File: b.c.Input, Err: source.ErrChanged}
	}
	if b.err == nil {
		b.writeSummary(found)
	}
	made := b.r.Made.UTC().Format(time.RFC3339)
	b.check(b.f.SetDocProps(&excelize.DocProperties{
		Created: made, Modified: made,
		Creator: "coopreport " + b.r.Version, LastModifiedBy: "coopreport " + b.r.Version,
		Title:       clip(b.wf("Checked copy of %s", b.c.Input), 255),
		Description: b.wf("The rows of %s as they were read, with what is wrong marked. Correct the marked cells and put this workbook in place of the original.", clip(b.c.Input, 200)),
	}))
	if b.err != nil {
		return b.err
	}
	// Not SetActiveSheet: it would read every streamed sheet back whole.
	// A new workbook opens on its first sheet, the summary, already.
	b.f.ZipWriter = func(io.Writer) excelize.ZipWriter {
		z := xlsxzip.New(context.Background(), w, b.dims, b.tmpDir)
		// Fast rather than small: a copy is a working file, written at
		// the end of the run, and its sheet XML is mostly markup.
		z.Level = flate.BestSpeed
		return z
	}
	if _, err := b.f.WriteToBuffer(); err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	return nil
}

// summaryName is "Summary", or a name like it that no sheet of the input
// has: a name holding "summary", which coopreport skips quietly as a
// sheet that explains the workbook when the copy is put back.
func (b *book) summaryName() string {
	taken := func(n string) bool {
		return slices.ContainsFunc(b.names, func(s string) bool { return strings.EqualFold(s, n) })
	}
	name := b.w("Summary")
	for n := 1; taken(name); n++ {
		name = b.wf("Summary (checked %s)", strconv.Itoa(n))
	}
	return name
}

// table is what the run found of one sheet of the copy.
type table struct {
	stats     *pipeline.InputTable // nil: the run did not see the sheet
	marks     marks
	formulas  int    // cells that held formulas, written as their values
	firstForm string // the first of them, "D4: =B4*C4"
}

// tableOf finds the run's table for a sheet of the copy.
func (b *book) tableOf(sheet string) *table {
	if !isXLSX(b.c.Input) {
		sheet = ""
	}
	t := &table{marks: b.marks[sheet]}
	for i := range b.c.in.Tables {
		if b.c.in.Tables[i].Sheet == sheet {
			t.stats = &b.c.in.Tables[i]
		}
	}
	return t
}

// writeSummary writes the first sheet: how to use the copy, and per sheet
// the rows read, accepted and rejected and the commonest reasons.
func (b *book) writeSummary(tables []*table) {
	s := b.summary
	bold := b.style(styleKey{bold: true})
	wrap := b.style(styleKey{wrap: true})
	back := b.wf("put this workbook in the input folder in place of %s", b.c.Input)
	if !isXLSX(b.c.Input) {
		back = b.wf("remove %s from the input folder and put this workbook there instead (rename it if you like; keep the .xlsx extension)", b.c.Input)
	}
	made := b.r.Made.Format("2 January 2006 15:04 MST")
	if l := b.r.Lang; l != lang.English && l != "" {
		made = l.Date(b.r.Made.Date()) + " " + b.r.Made.Format("15:04 MST")
	}
	problemsHeader := schema.ProblemsHeaderIn(b.r.Lang)
	lines := []string{
		b.wf("Checked copy of %s", b.c.Input),
		b.wf("Made by coopreport %s on %s, from the file whose SHA-256 is %s.", b.r.Version, made, b.c.in.SHA256),
		b.wf("The sheets after this one hold the rows of %s as they were read, in the same rows and columns, but for a first column %q in the sheets that have problems, which says what is wrong with each row. Red cells were rejected: their rows are not counted in the report. Yellow cells were read, but check them. Each marked cell has a comment saying why and how to correct it.", b.c.Input, problemsHeader),
		b.wf("Correct the marked cells in this workbook, then %s, and run coopreport again. The %s column and this sheet are not read.", back, problemsHeader),
	}
	if b.tooLarge {
		lines = append(lines, b.w("The file is too large to be read, and to be copied here: see rejects.csv for its rejected rows."))
	}
	row := 1
	for i, l := range lines {
		b.check(b.f.SetCellStr(s, "A"+strconv.Itoa(row), l))
		if i == 0 {
			b.check(b.f.SetCellStyle(s, "A1", "A1", bold))
		} else {
			b.check(b.f.MergeCell(s, "A"+strconv.Itoa(row), "G"+strconv.Itoa(row)))
			b.check(b.f.SetCellStyle(s, "A"+strconv.Itoa(row), "A"+strconv.Itoa(row), wrap))
			b.check(b.f.SetRowHeight(s, row, height(l, 150)))
		}
		row++
	}
	row++
	widths := []float64{24, 12, 10, 10, 10, 50, 40}
	head := []string{"Sheet", "Read as", "Rows read", "Accepted", "Rejected", "Most common reasons", "Notes"}
	for j, h := range head {
		head[j] = b.w(h)
	}
	for j, h := range head {
		ref, _ := excelize.CoordinatesToCellName(j+1, row)
		b.check(b.f.SetCellStr(s, ref, h))
		b.check(b.f.SetCellStyle(s, ref, ref, bold))
	}
	for i, t := range tables {
		row++
		name := b.names[i]
		if !isXLSX(b.c.Input) {
			name = b.c.Input
		}
		kind, read, accepted, rejected := b.w("not read"), "", "", ""
		if t.stats != nil && t.stats.Kind != "" {
			kind = b.w(string(t.stats.Kind))
			read, accepted, rejected = strconv.Itoa(t.stats.Read), strconv.Itoa(t.stats.Accepted), strconv.Itoa(t.stats.Rejected)
		}
		var notes []string
		if t.formulas > 0 {
			notes = append(notes, b.wf("%s held formulas: the copy holds their results, not the formulas (the first: %s)", countOf(b.r.Lang, t.formulas, "cell|cells"), t.firstForm))
		}
		if n := warnings(t.marks); n > 0 {
			notes = append(notes, b.wf("%s to check (yellow)", countOf(b.r.Lang, n, "cell|cells")))
		}
		reasons := strings.Join(topReasons(b.r.Lang, t.marks, 3), "\n")
		vals := []any{name, kind, num(read), num(accepted), num(rejected), reasons, strings.Join(notes, "\n")}
		b.check(b.f.SetRowHeight(s, row, max(height(reasons, widths[5]), height(strings.Join(notes, "\n"), widths[6]))))
		for j, v := range vals {
			ref, _ := excelize.CoordinatesToCellName(j+1, row)
			switch v := v.(type) {
			case string:
				b.check(b.f.SetCellStr(s, ref, v))
			case int:
				b.check(b.f.SetCellInt(s, ref, int64(v)))
			}
			st := wrap
			if j >= 5 {
				st = b.style(styleKey{wrap: true, indent: 1})
			}
			b.check(b.f.SetCellStyle(s, ref, ref, st))
		}
	}
	for j, w := range widths {
		col, _ := excelize.ColumnNumberToName(j + 1)
		b.check(b.f.SetColWidth(s, col, col, w))
	}
	// Printed across one page's width, which the notes above span.
	yes, one, zero, landscape := true, 1, 0, "landscape"
	b.check(b.f.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: &yes}))
	b.check(b.f.SetPageLayout(s, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}))
}

// height is the height of a row whose wrapped text s fills a column
// width characters wide: a line of 15 points for each line it takes.
func height(s string, width float64) float64 {
	lines := 0
	for _, l := range strings.Split(s, "\n") {
		lines += 1 + int(float64(len([]rune(l)))/(width*1.1))
	}
	return float64(min(409, 15*max(1, lines))) // Excel's tallest row: 409 points
}

// num is a count as a number cell, or "" for none.
func num(s string) any {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return s
}

func warnings(m marks) int {
	n := 0
	for _, issues := range m {
		for _, is := range issues {
			if is.warn {
				n++
			}
		}
	}
	return n
}

// sourceRow is one row of the input read ahead: its number and cells.
type sourceRow struct {
	num   int
	cells []source.Cell
}

// aheadRows are the rows read before the first is written: a CSV file's
// widths are fitted to them, and a workbook's columns that they reach are
// given the workbook's widths (a column first used below them keeps the
// default width). The header row is read ahead too, wherever it is.
const aheadRows = 200

// writeSheet writes one table of the input as it was read, row by row: the
// same rows, the columns one to the right of a Problems column when the
// sheet has problems (or in place of the Problems column it had, when it
// is a checked copy itself). It returns what the run found of the table,
// with the formulas the copy holds the results of.
func (b *book) writeSheet(src *source.Table, name string) *table {
	t := b.tableOf(name)
	csv := !isXLSX(b.c.Input)
	header := 0
	if t.stats != nil {
		header = t.stats.HeaderRow
	}
	// next reads the next row, its cells as the copy writes them; nil at
	// the end (or at an error, which b holds).
	var cells []source.Cell
	next := func() *sourceRow {
		if b.err != nil {
			return nil
		}
		row, err := src.Next()
		if err != io.EOF {
			b.check(err)
		}
		if err != nil {
			return nil
		}
		cells = cells[:0]
		if csv {
			for _, v := range row.Cells {
				c := source.Cell{}
				if v != "" {
					c = source.Cell{Kind: source.Text, Value: v}
				}
				cells = append(cells, c)
			}
		} else {
			cells = append(cells, row.Stored...)
		}
		return &sourceRow{num: row.Number, cells: cells}
	}
	var ahead []sourceRow
	for len(ahead) < aheadRows || (len(ahead) > 0 && ahead[len(ahead)-1].num < header) {
		r := next()
		if r == nil {
			break
		}
		r.cells = slices.Clone(r.cells)
		ahead = append(ahead, *r)
	}
	if b.err != nil {
		return t
	}
	var headerRow []source.Cell
	for _, r := range ahead {
		if r.num == header {
			headerRow = r.cells
		}
	}
	shift, reuse := 0, false
	if len(t.marks) > 0 {
		shift = 1
		if len(headerRow) > 0 && headerRow[0].Kind == source.Text && schema.IsProblems(headerRow[0].Value) {
			shift, reuse = 0, true
		}
	}
	problemsCol := shift > 0 || reuse
	// Each issue's column in the sheet (0-based, before the shift), or -1.
	colOf := func(column string) int {
		for j, c := range headerRow {
			if c.Kind != source.Empty && oneLine(c.Value) == column && !(reuse && j == 0) {
				return j
			}
		}
		if n, ok := strings.CutPrefix(column, "column "); ok {
			if i, err := strconv.Atoi(n); err == nil && i >= 1 {
				return i - 1
			}
		}
		return -1
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		b.check(err)
		return t
	}
	// Widths: the input's, with the Problems column's first. The stream
	// writer wants them before any row.
	var widths []float64
	if csv {
		widths = csvWidths(ahead)
	} else if l := src.Layout(); l != nil {
		for _, r := range ahead {
			for j := len(widths); j < len(r.cells); j++ {
				widths = append(widths, l.Width(j+1))
			}
		}
	}
	// Highest column first, as render/xlsx does: the stream writer emits
	// the <col> elements in the order of the calls.
	for j := len(widths) - 1; j >= 0; j-- {
		if !(reuse && j == 0) {
			b.check(sw.SetColWidth(j+1+shift, j+1+shift, widths[j]))
		}
	}
	if problemsCol {
		b.check(sw.SetColWidth(1, 1, problemsWidth))
	}
	type comment struct {
		ref  string
		text string
	}
	var comments []comment
	// The rows with marks, in order: a mark may be on a row the input
	// holds nothing in.
	marked := slices.Sorted(maps.Keys(t.marks))
	ncols, last := 0, 0
	var (
		vals  []any
		boxes []excelize.Cell // the cells vals points to, reused row to row
	)
	fills := map[int]fill{}
	byCol := map[int][]issue{}
	write := func(num int, cells []source.Cell) {
		last = num
		for j, c := range cells {
			if c.Formula != "" {
				if t.formulas++; t.formulas == 1 {
					ref, _ := excelize.CoordinatesToCellName(j+1, num)
					t.firstForm = ref + ": =" + clip(c.Formula, 100)
				}
			}
		}
		issues := t.marks[num]
		// The fill of each cell, from the issues on it.
		clear(fills)
		clear(byCol)
		rowFill := noFill
		for _, is := range issues {
			f := rejectFill
			if is.warn {
				f = warnFill
			}
			rowFill = max(rowFill, f)
			if j := colOf(is.column); j >= 0 {
				fills[j] = max(fills[j], f)
				byCol[j] = append(byCol[j], is)
			}
		}
		width := len(cells) + shift
		for j := range byCol {
			width = max(width, j+1+shift)
		}
		if problemsCol {
			width = max(width, 1)
		}
		if width == 0 {
			return
		}
		vals = append(vals[:0], make([]any, width)...)
		boxes = append(boxes[:0], make([]excelize.Cell, width)...)
		for j, c := range cells {
			if reuse && j == 0 {
				continue
			}
			if v, ok := b.cell(c, fills[j], csv); ok {
				boxes[j+shift] = v
				vals[j+shift] = &boxes[j+shift]
			}
		}
		for j, f := range fills {
			if j >= len(cells) || cells[j].Kind == source.Empty {
				boxes[j+shift] = excelize.Cell{StyleID: b.style(styleKey{fill: f, numFmt: textFmt(b.c.Input)})}
				vals[j+shift] = &boxes[j+shift]
			}
		}
		if problemsCol {
			switch {
			case num == header:
				vals[0] = excelize.Cell{StyleID: b.style(styleKey{bold: true, wrap: true}), Value: schema.ProblemsHeaderIn(b.r.Lang)}
			case len(issues) > 0:
				vals[0] = excelize.Cell{StyleID: b.style(styleKey{fill: rowFill, wrap: true}), Value: problems(b.r.Lang, issues)}
			default:
				vals[0] = nil
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, num)
		var opts []excelize.RowOpts
		if problemsCol && len(issues) > 0 && num != header {
			// Tall enough for the problems: spreadsheet programs do not
			// fit the height of rows written so.
			opts = append(opts, excelize.RowOpts{Height: height(problems(b.r.Lang, issues), problemsWidth)})
		}
		b.check(sw.SetRow(cell, vals, opts...))
		ncols = max(ncols, width)
		if len(byCol) == 0 {
			return
		}
		cols := slices.Sorted(maps.Keys(byCol))
		for _, j := range cols {
			if b.comments+len(comments) >= maxComments {
				break
			}
			ref, _ := excelize.CoordinatesToCellName(j+1+shift, num)
			comments = append(comments, comment{ref, note(b.r.Lang, byCol[j])})
		}
	}
	// The rows read ahead, then the rest as they come, each after the
	// marked rows before it that the input holds nothing in.
	for i := 0; b.err == nil; i++ {
		var r *sourceRow
		if i < len(ahead) {
			r = &ahead[i]
		} else {
			r = next()
		}
		for len(marked) > 0 && (r == nil || marked[0] < r.num) {
			write(marked[0], nil)
			marked = marked[1:]
		}
		if r == nil {
			break
		}
		if len(marked) > 0 && marked[0] == r.num {
			marked = marked[1:]
		}
		write(r.num, r.cells)
	}
	if b.err != nil {
		return t
	}
	if l := src.Layout(); l != nil {
		for _, m := range l.Merged {
			from, to, _ := strings.Cut(m, ":")
			b.check(sw.MergeCell(shiftRef(from, shift), shiftRef(to, shift)))
		}
	}
	for _, c := range comments {
		b.comments++
		lines := strings.Count(c.text, "\n") + len([]rune(c.text))/45 + 2
		b.check(b.f.AddComment(name, excelize.Comment{
			Author: "coopreport", Cell: c.ref, Text: c.text, Width: 320, Height: uint(min(400, 16*lines)),
		}))
	}
	if csv && ncols > 0 && last > 0 {
		// A CSV file's cells are text on purpose: spare the keeper the
		// green "number stored as text" triangles.
		end, _ := excelize.CoordinatesToCellName(ncols, last)
		b.check(b.f.AddIgnoredErrors(name, "A1:"+end, excelize.IgnoredErrorsNumberStoredAsText))
	}
	b.check(sw.Flush())
	if ncols > 0 && last > 0 {
		end, _ := excelize.CoordinatesToCellName(ncols, last)
		b.dims[fmt.Sprintf("xl/worksheets/sheet%d.xml", sw.SheetID)] = "A1:" + end
	}
	return t
}

// cell is the value to write for c, as it was stored: text as text (a
// CSV cell "=1+1" or "0012" included), a number as a number in its number
// format (a date stays a date), a formula as the result it stored; false
// for nothing to write.
func (b *book) cell(c source.Cell, f fill, csv bool) (excelize.Cell, bool) {
	k := styleKey{numFmt: c.NumFmt, format: c.Format, fill: f}
	if csv {
		k = styleKey{numFmt: textFmt(".csv"), fill: f}
	}
	var v any
	switch c.Kind {
	case source.Empty:
		if f == noFill && c.NumFmt == 0 && c.Format == "" {
			return excelize.Cell{}, false
		}
	case source.Number:
		if x, err := strconv.ParseFloat(c.Value, 64); err == nil {
			v = x
		} else {
			v = c.Value
		}
	case source.Bool:
		v = c.Value == "1" || strings.EqualFold(c.Value, "true")
	default:
		v = c.Value
	}
	// Every cell at the top of its row, as the Problems cell beside it.
	return excelize.Cell{StyleID: b.style(k), Value: v}, true
}

// textFmt is the number format of the cells of a copy of name: "@" (text)
// for a CSV file, so that what the keeper types stays as typed; General
// for a workbook.
func textFmt(name string) int {
	if isXLSX(name) {
		return 0
	}
	return 49
}

func shiftRef(ref string, shift int) string {
	col, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return ref
	}
	out, _ := excelize.CoordinatesToCellName(col+shift, row)
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
