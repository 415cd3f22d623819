package source

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// sheetScan reads a worksheet's XML beside excelize's row iterator and
// tells, row by row, what the iterator does not: which cells hold a
// formula without a stored result, which numbers are formatted as dates,
// and how many cells the row must give. It checks as it goes that every
// shared string a cell names exists and that the XML is whole, so that a
// sheet damaged after some rows fails where excelize would stop silently.
//
// It follows excelize's reading (rows.go) where the XML allows more than
// one: a <row> or <c> without an r attribute comes after the one before;
// a cell's text is its last <v>, or for an inline string the <t> texts of
// its <is>; a cell counts when that text is not empty or it has an <f>.
type sheetScan struct {
	x     *xmlTokens
	sst   *sstScan            // nil: the workbook has no shared strings
	style func(s int) numKind // what the cell style s shows of a number

	inData, dataDone bool
	dataAt           int // depth of <sheetData>
	inRow            bool
	rowAt            int // depth of the <row>
	lastRow          int // number of the last row read whole
	row              rowInfo

	// the cell being read
	inCell  bool
	cellAt  int // depth of the <c>
	prevCol int
	cell    cellState
	sub     byte // 'v', 'f' or 'i' (<is>) while inside one of them
	subAt   int  // depth of that element
	tAt     int  // depth of a <t> whose text counts, inside <is>; 0 if none
	runAt   int  // depth of an <r> inside <is>; 0 if none
	fText   []byte
	vText   []byte
	shared  map[string]string // the text of shared formulas by si
	kinds   []int8            // a cache of style: numKind+1 by cell style
	damaged error

	// stored: every cell with a value or a formula is a cellInfo, with
	// its type, style and formula, and the layout is read (Options.Stored).
	stored bool
	layout Layout
}

// Layout is what a worksheet says of its columns and merged cells, read
// with Options.Stored (see Table.Layout).
type Layout struct {
	defaultWidth float64   // <sheetFormatPr>'s defaultColWidth or baseColWidth; 0: none
	cols         []colSpan // the <col> elements with a width, in order
	// Merged lists the merged ranges, such as "A1:D1".
	Merged []string
}

type colSpan struct {
	min, max int
	width    float64
}

// Width is the width of column col (1 for column A), in characters, as
// excelize's GetColWidth gives it: the last <col> over it that sets one,
// else the sheet's default, else Excel's.
func (l *Layout) Width(col int) float64 {
	w := 0.0
	for _, c := range l.cols {
		if c.min <= col && col <= c.max {
			w = c.width
		}
	}
	switch {
	case w != 0:
		return w
	case l.defaultWidth > 0:
		return l.defaultWidth
	}
	return 9.140625 // excelize's defaultColWidth
}

// kind is what the cell style st shows of a number.
func (s *sheetScan) kind(st int) numKind {
	if st >= 0 && st < len(s.kinds) && s.kinds[st] != 0 {
		return numKind(s.kinds[st] - 1)
	}
	k := s.style(st)
	if st >= 0 && st < maxStyle {
		for len(s.kinds) <= st {
			s.kinds = append(s.kinds, 0)
		}
		s.kinds[st] = int8(k) + 1
	}
	return k
}

// rowInfo is what the scan found in one <row>.
type rowInfo struct {
	num   int        // the row number
	want  int        // how many cells excelize gives for it: up to the last holding a value or a formula
	cells []cellInfo // the cells that need more than their text, in column order
}

// cellInfo is one cell of a row that needs more than its text.
type cellInfo struct {
	col      int     // index in the row's cells (0 = column A)
	kind     numKind // what its number format shows of a number
	noResult bool    // a formula whose result the file does not store
	formula  string  // that formula as written; for a copy of a shared formula, the original's

	// with Options.Stored, for every cell with a value or a formula
	// (formula then set for every formula):
	typ   byte // as cellState.typ
	style int  // the s attribute
}

type cellState struct {
	col              int  // 1-based
	style            int  // the s attribute
	typ              byte // the t attribute: 's', 'i' (inlineStr), 'r' (str), 'b', 'e', 'd', 'n', '?' (other), 0 (none)
	hasF, fShared    bool
	fSI              []byte
	vSeen, vNonEmpty bool
	isSeen, isText   bool
}

func newSheetScan(r io.Reader, sst *sstScan, style func(int) numKind) *sheetScan {
	return &sheetScan{x: newXMLTokens(r), sst: sst, style: style}
}

// scanError is damage the scan found, with where it is.
type scanError struct {
	row       int  // the row it is in, or the last whole row before it (0: none)
	inRow     bool // it is inside row `row`
	truncated bool // the XML breaks off
	err       error
}

func (e *scanError) Error() string { return e.err.Error() }

// next returns the next row of the sheet, valid until the next call. After
// the last one it reads the XML to its end and returns io.EOF if the XML is
// whole, or a *scanError.
func (s *sheetScan) next() (*rowInfo, error) {
	if s.damaged != nil {
		return nil, s.damaged
	}
	for {
		err := s.x.next()
		if err == io.EOF {
			return nil, io.EOF
		}
		var done bool
		if err == nil {
			done, err = s.token()
		}
		if err != nil {
			se := &scanError{row: s.lastRow, err: err, truncated: errors.Is(err, errXMLEnd)}
			if s.inRow {
				se.row, se.inRow = s.row.num, true
			}
			s.damaged = se
			return nil, se
		}
		if done {
			return &s.row, nil
		}
	}
}

// token handles one token; done says a row is complete.
func (s *sheetScan) token() (done bool, err error) {
	x := s.x
	switch x.kind {
	case tokStart:
		switch {
		case s.inCell:
			s.cellChild()
		case s.inRow:
			switch string(x.name) {
			case "c":
				return false, s.cellOpen()
			case "row":
				return false, errors.New("a row inside a row")
			}
		case s.inData:
			switch string(x.name) {
			case "row":
				return false, s.rowOpen()
			case "c":
				return false, errors.New("a cell outside any row")
			}
		case !s.dataDone && string(x.name) == "sheetData":
			s.inData, s.dataAt = true, x.depth()
		case s.stored:
			s.layoutElement()
		}
	case tokEnd:
		d := x.depth() // the closed element was one deeper
		switch {
		case s.inCell:
			switch d + 1 {
			case s.tAt:
				s.tAt = 0
			case s.runAt:
				s.runAt = 0
			case s.subAt:
				s.sub, s.subAt = 0, 0
			case s.cellAt:
				return false, s.cellClose()
			}
		case s.inRow:
			if d+1 == s.rowAt {
				s.inRow = false
				s.lastRow = s.row.num
				return true, nil
			}
		case s.inData:
			if d+1 == s.dataAt {
				s.inData, s.dataDone = false, true
			}
		}
	case tokText:
		if !s.inCell {
			return false, nil
		}
		switch s.sub {
		case 'v':
			if len(x.text) > 0 {
				s.cell.vNonEmpty = true
				if s.cell.typ == 's' && len(s.vText) < 64 {
					s.vText = append(s.vText, x.text...)
				}
			}
		case 'f':
			if len(s.fText) < 8192 {
				s.fText = append(s.fText, x.text...)
			}
		case 'i':
			if s.tAt != 0 && len(x.text) > 0 {
				s.cell.isText = true
			}
		}
	}
	return false, nil
}

func (s *sheetScan) rowOpen() error {
	n := s.lastRow + 1
	if r, ok := s.x.attr("r"); ok {
		v, ok := atoi(bytes.TrimSpace(r))
		if !ok || v < 1 {
			return fmt.Errorf("a row numbered %q", r)
		}
		n = v
	}
	if n <= s.lastRow {
		return fmt.Errorf("row %d comes after row %d: the rows are out of order", n, s.lastRow)
	}
	if n > excelize.TotalRows {
		return fmt.Errorf("a row numbered %d, beyond the last row of a worksheet (%d)", n, excelize.TotalRows)
	}
	s.inRow, s.rowAt = true, s.x.depth()
	s.row.num, s.row.want, s.row.cells = n, 0, s.row.cells[:0]
	s.prevCol = 0
	return nil
}

func (s *sheetScan) cellOpen() error {
	x := s.x
	c := cellState{col: s.prevCol + 1}
	for _, a := range x.attrs {
		switch string(a.name) {
		case "r":
			col, ok := refColumn(a.value)
			if !ok {
				return fmt.Errorf("a cell named %q", a.value)
			}
			c.col = col
		case "s":
			v, ok := atoi(bytes.TrimPrefix(a.value, []byte("+")))
			if !ok {
				return fmt.Errorf("a cell whose style %q is not a number", a.value)
			}
			c.style = v
		case "t":
			switch string(a.value) {
			case "s":
				c.typ = 's'
			case "inlineStr":
				c.typ = 'i'
			case "str":
				c.typ = 'r'
			case "b", "e", "d", "n":
				c.typ = a.value[0]
			default:
				c.typ = '?'
			}
		}
	}
	if c.col <= s.prevCol {
		return fmt.Errorf("the cell %s comes after the cell %s: the cells are out of order", cellName(c.col, s.row.num), cellName(s.prevCol, s.row.num))
	}
	if c.col > excelize.MaxColumns {
		return fmt.Errorf("a cell beyond the last column of a worksheet (%d)", excelize.MaxColumns)
	}
	s.prevCol = c.col
	s.cell = c
	s.inCell, s.cellAt = true, x.depth()
	s.sub, s.subAt, s.tAt, s.runAt = 0, 0, 0, 0
	s.fText, s.vText = s.fText[:0], s.vText[:0]
	return nil
}

// cellChild handles an element inside a cell.
func (s *sheetScan) cellChild() {
	x := s.x
	d := x.depth()
	switch s.sub {
	case 0:
		switch string(x.name) {
		case "v":
			s.sub, s.subAt = 'v', d
			s.cell.vSeen, s.cell.vNonEmpty = true, false // the last <v> wins
			s.vText = s.vText[:0]
		case "f":
			s.sub, s.subAt = 'f', d
			s.cell.hasF = true
			s.fText = s.fText[:0]
			if t, _ := x.attr("t"); string(t) == "shared" {
				s.cell.fShared = true
				si, _ := x.attr("si")
				s.cell.fSI = append(s.cell.fSI[:0], si...)
			}
		case "is":
			s.sub, s.subAt = 'i', d
			s.cell.isSeen = true
		}
	case 'i':
		switch {
		case string(x.name) == "t" && (d == s.subAt+1 || s.runAt != 0 && d == s.runAt+1):
			s.tAt = d
		case string(x.name) == "r" && d == s.subAt+1:
			s.runAt = d
		}
	}
}

func (s *sheetScan) cellClose() error {
	c := &s.cell
	s.inCell = false
	present := c.vNonEmpty
	switch c.typ {
	case 's':
		if c.vNonEmpty {
			empty, err := s.sharedString(c)
			if err != nil {
				return err
			}
			present = !empty
		}
	case 'i':
		if c.isSeen {
			present = c.isText
		}
	}
	if c.hasF || present {
		s.row.want = c.col
	}
	if c.hasF && c.fShared && len(s.fText) > 0 {
		// the original of a shared formula: its copies name it by si
		if s.shared == nil {
			s.shared = map[string]string{}
		}
		s.shared[string(c.fSI)] = html.UnescapeString(string(s.fText))
	}
	result := c.vNonEmpty || c.vSeen && c.typ == 'r' || c.typ == 'i' && c.isSeen
	info, need := cellInfo{col: c.col - 1, typ: c.typ, style: c.style}, false
	switch {
	case c.hasF && !result && (len(s.fText) > 0 || c.fShared):
		info.kind, info.noResult, info.formula, need = s.kind(c.style), true, s.formula(c), true
	case (c.typ == 0 || c.typ == 'n') && c.vNonEmpty:
		if k := s.kind(c.style); k != numPlain {
			info.kind, need = k, true
		}
	case c.typ == 'd' && c.vNonEmpty:
		info.kind, need = numISO, true
	}
	if s.stored && (c.hasF || present) {
		if c.hasF && info.formula == "" {
			info.formula = s.formula(c)
		}
		need = true
	}
	if need {
		s.row.cells = append(s.row.cells, info)
	}
	return nil
}

// formula is the text of the formula of cell c, just closed: its own, or
// for a copy of a shared formula the original's.
func (s *sheetScan) formula(c *cellState) string {
	f := html.UnescapeString(string(s.fText))
	if f == "" && c.fShared {
		f = s.shared[string(c.fSI)]
	}
	return f
}

// layoutElement reads an element outside the rows that the layout holds:
// before them the default width and the <col> widths, after them the
// merged ranges. A value that cannot be read is passed over: the copy is
// then laid out by default, as excelize would.
func (s *sheetScan) layoutElement() {
	x := s.x
	num := func(attr string) (float64, bool) {
		v, ok := x.attr(attr)
		if !ok {
			return 0, false
		}
		f, err := strconv.ParseFloat(string(bytes.TrimSpace(v)), 64)
		return f, err == nil && f >= 0 && f <= 1e4
	}
	switch {
	case !s.inData && !s.dataDone && string(x.name) == "sheetFormatPr":
		if w, ok := num("defaultColWidth"); ok && w > 0 {
			s.layout.defaultWidth = w
		} else if w, ok := num("baseColWidth"); ok && w > 0 {
			s.layout.defaultWidth = float64(int(w))
		}
	case !s.inData && !s.dataDone && string(x.name) == "col":
		lo, ok1 := num("min")
		hi, ok2 := num("max")
		w, ok3 := num("width")
		if ok1 && ok2 && ok3 && lo >= 1 && hi >= lo && len(s.layout.cols) < 1<<14 {
			s.layout.cols = append(s.layout.cols, colSpan{int(lo), int(hi), w})
		}
	case s.dataDone && string(x.name) == "mergeCell":
		ref, _ := x.attr("ref")
		from, to, ok := strings.Cut(strings.ToUpper(html.UnescapeString(string(ref))), ":")
		if !ok {
			to = from
		}
		_, _, err1 := excelize.CellNameToCoordinates(from)
		_, _, err2 := excelize.CellNameToCoordinates(to)
		if err1 == nil && err2 == nil && len(s.layout.Merged) < 1<<16 {
			s.layout.Merged = append(s.layout.Merged, from+":"+to)
		}
	}
}

// sharedString checks the shared string a cell names and reports whether
// it is empty (excelize then gives no cell).
func (s *sheetScan) sharedString(c *cellState) (empty bool, err error) {
	v := s.vText
	if bytes.IndexByte(v, '&') >= 0 {
		v = []byte(html.UnescapeString(string(v)))
	}
	i, ok := atoi(bytes.TrimSpace(v))
	if !ok || i < 0 {
		return false, fmt.Errorf("the cell %s names the shared string %q, which is not a string number", cellName(c.col, s.row.num), clip(v, 20))
	}
	if s.sst == nil {
		return false, fmt.Errorf("the cell %s names shared string %d, but the workbook has no shared strings", cellName(c.col, s.row.num), i)
	}
	exists, empty, count, err := s.sst.at(i)
	switch {
	case err != nil:
		return false, fmt.Errorf("the cell %s names shared string %d, but the list of shared strings is damaged after string %d: %v", cellName(c.col, s.row.num), i, count, err)
	case !exists:
		return false, fmt.Errorf("the cell %s names shared string %d, but the workbook has only %d", cellName(c.col, s.row.num), i, count)
	}
	return empty, nil
}

// atoi reads a decimal integer of at most 18 digits, with an optional
// minus sign.
func atoi(b []byte) (int, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// refColumn reads the column of a cell reference such as "B12", "$B$12"
// or "b12" (excelize takes all three).
func refColumn(ref []byte) (int, bool) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	col, letters := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
		if letters++; letters > 3 {
			return 0, false
		}
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	row, ok := atoi(ref[i:])
	return col, ok && letters > 0 && row >= 1 && row <= excelize.TotalRows
}

// cellName is the A1 name of column col (1-based) in row.
func cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(max(col, 1), max(row, 1))
	if err != nil {
		return fmt.Sprintf("R%dC%d", row, col)
	}
	return name
}

// sstScan counts the shared strings of a workbook lazily, as far as the
// cells read so far need, and notes which are empty.
type sstScan struct {
	mu    sync.Mutex // the scans of several sheets may ask at once
	x     *xmlTokens
	count int
	empty []uint64 // bit i: string i has no text
	done  bool
	err   error

	inSI   bool
	text   bool // the current string has text
	tAt    int
	runAt  int
	closer io.Closer
}

func newSSTScan(r io.ReadCloser) *sstScan {
	return &sstScan{x: newXMLTokens(r), closer: r}
}

// at reports whether string i exists and is empty, reading as far as
// needed, and how many strings have been counted.
func (s *sstScan) at(i int) (exists, empty bool, count int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for !s.done && s.count <= i {
		s.step()
	}
	if i < s.count {
		return true, s.empty[i/64]&(1<<(i%64)) != 0, s.count, nil
	}
	return false, false, s.count, s.err
}

func (s *sstScan) step() {
	x := s.x
	err := x.next()
	if err == io.EOF {
		s.done = true
		return
	}
	if err != nil {
		s.done, s.err = true, err
		return
	}
	switch x.kind {
	case tokStart:
		d := x.depth()
		switch {
		case !s.inSI && d == 2 && string(x.name) == "si":
			s.inSI, s.text, s.tAt, s.runAt = true, false, 0, 0
		case s.inSI && string(x.name) == "t" && (d == 3 || s.runAt != 0 && d == s.runAt+1):
			s.tAt = d
		case s.inSI && string(x.name) == "r" && d == 3:
			s.runAt = d
		}
	case tokEnd:
		switch x.depth() + 1 {
		case s.tAt:
			s.tAt = 0
		case s.runAt:
			s.runAt = 0
		case 2:
			if s.inSI {
				s.inSI = false
				if s.count%64 == 0 {
					s.empty = append(s.empty, 0)
				}
				if !s.text {
					s.empty[s.count/64] |= 1 << (s.count % 64)
				}
				s.count++
			}
		}
	case tokText:
		if s.inSI && s.tAt != 0 && len(x.text) > 0 {
			s.text = true
		}
	}
}

func (s *sstScan) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closer == nil {
		return nil
	}
	c := s.closer
	s.closer = nil
	return c.Close()
}

// scanAhead runs a sheetScan in a goroutine of its own, a few hundred rows
// ahead of the reader, and hands its rows over in batches. The reader
// stays a pull reader (next, like sheetScan's); the goroutine only moves
// the cost of unpacking and scanning the XML a second time off the path
// of excelize's iterator, onto another core: on one core the scan costs
// about a tenth of excelize's own read, in parallel next to nothing.
type scanAhead struct {
	batches chan *scanBatch
	free    chan *scanBatch
	done    chan struct{}
	exited  chan struct{}
	cur     *scanBatch
	i       int
	err     error
	layout  *Layout // the latest a batch brought
}

// scanBatch is a run of rows; err ends the sheet after them (io.EOF or
// the scan's error).
type scanBatch struct {
	rows   []rowInfo
	cells  []cellInfo
	ends   []int
	err    error
	layout *Layout // with Options.Stored: the widths once the rows begin, and the merged ranges with the last batch
}

const scanBatchRows = 256

func startScan(s *sheetScan, rc io.Closer) *scanAhead {
	a := &scanAhead{
		batches: make(chan *scanBatch, 4),
		free:    make(chan *scanBatch, 6),
		done:    make(chan struct{}),
		exited:  make(chan struct{}),
	}
	go a.run(s, rc)
	return a
}

func (a *scanAhead) run(s *sheetScan, rc io.Closer) {
	defer close(a.exited)
	defer rc.Close()
	var b *scanBatch
	defer func() {
		if r := recover(); r != nil {
			if b == nil {
				b = &scanBatch{}
			}
			b.err = fmt.Errorf("the scan of the sheet failed: %v", r)
			select {
			case a.batches <- b:
			case <-a.done:
			}
		}
	}()
	for {
		select {
		case b = <-a.free:
		default:
			b = &scanBatch{}
		}
		b.rows, b.cells, b.ends, b.err = b.rows[:0], b.cells[:0], b.ends[:0], nil
		for len(b.rows) < scanBatchRows && b.err == nil {
			info, err := s.next()
			if err != nil {
				b.err = err
				break
			}
			b.cells = append(b.cells, info.cells...)
			b.ends = append(b.ends, len(b.cells))
			b.rows = append(b.rows, rowInfo{num: info.num, want: info.want})
			if len(b.rows)%32 == 0 {
				select {
				case <-a.done:
					return
				default:
				}
			}
		}
		b.layout = nil
		switch {
		case s.stored && b.err != nil:
			b.layout = &Layout{defaultWidth: s.layout.defaultWidth, cols: s.layout.cols, Merged: slices.Clone(s.layout.Merged)}
		case s.stored && len(b.rows) > 0:
			// The widths are complete: they come before the rows.
			b.layout = &Layout{defaultWidth: s.layout.defaultWidth, cols: s.layout.cols}
		}
		start := 0
		for i := range b.rows {
			b.rows[i].cells = b.cells[start:b.ends[i]:b.ends[i]]
			start = b.ends[i]
		}
		select {
		case a.batches <- b:
		case <-a.done:
			return
		}
		if b.err != nil {
			return
		}
	}
}

// next returns the next row, valid until the next call, then io.EOF or
// the scan's error.
func (a *scanAhead) next() (*rowInfo, error) {
	for {
		if a.err != nil {
			return nil, a.err
		}
		if a.cur != nil && a.i < len(a.cur.rows) {
			a.i++
			return &a.cur.rows[a.i-1], nil
		}
		if a.cur != nil {
			if a.cur.err != nil {
				a.err = a.cur.err
				continue
			}
			select {
			case a.free <- a.cur:
			default:
			}
		}
		a.cur, a.i = <-a.batches, 0
		if a.cur == nil {
			a.err = errors.New("the scan of the sheet stopped")
		} else if a.cur.layout != nil {
			a.layout = a.cur.layout
		}
	}
}

// stop ends the goroutine and waits until it has closed the part.
func (a *scanAhead) stop() {
	select {
	case <-a.done:
	default:
		close(a.done)
	}
	<-a.exited
}
