package pdf

import "math"

// table draws rows under a caption and a header row that are repeated,
// with "(continued)", on every page the table reaches. A row is never
// split across pages, except a row taller than a whole page, which is cut
// into page-sized pieces rather than clipped.
type table struct {
	d       *doc
	b       box
	caption string // clean; "" for none
	running string // what a continued page says the table is: the caption or the section
	widths  []float64
	aligns  []string // "L", "C" or "R" per column
	header  [][]line
	headerH float64
	rows    [][]cellText
	room    float64 // height a row may have on a page with the caption and header repeated
	// landscape: the table is drawn on landscape pages, in b widened to
	// their width.
	landscape bool
	started   bool
	rowCount  int
}

const (
	cellPadX   = 1.3 // left and right of the text of a cell
	cellPadY   = 0.9 // above and below the lines of a cell
	captionGap = 1.5 // between a caption and its table
	minPieceL  = 3   // lines a piece of a tall row needs before we start a page for it
)

// Table looks.
var (
	lookTable  = look{size: sizeTable, line: lineTable, color: colorText}
	lookHeader = look{size: sizeTable, line: lineTable, color: colorHead}
)

// newTable prepares a table of the given header cells and rows; nothing
// is drawn until draw.
//
// The columns are sized by their content (see fitColumns). A table whose
// dates, amounts and prose do not fit comfortably across a portrait page
// is to be drawn on landscape pages, as wide as they allow: landscape says
// so, and the walker turns the pages.
func (d *doc) newTable(b box, caption, running string, aligns []string, header []cellText, rows [][]cellText) *table {
	header, rows = gluedCells(header), gluedRows(rows)
	t := &table{d: d, b: b, caption: caption, aligns: aligns, rows: rows}
	cols := d.measureColumns(header, rows)
	// Prose is given a third of a portrait page, whichever way the page
	// turns: the same table is sized the same way in every pass.
	floor := b.width / 3
	widths, level := fitColumns(cols, b.width, floor)
	if pw, ph := d.pageOf(false); level > leastComfort && ph > pw {
		t.landscape = true
		t.b.width += ph - pw
		widths, _ = fitColumns(cols, t.b.width, floor)
	}
	t.widths = widths
	lines := 1
	for i := range aligns {
		var c cellText
		if i < len(header) {
			c = header[i]
		}
		hl := d.layout(c.bolder(), t.widths[i]-2*cellPadX, sizeTable)
		t.header = append(t.header, hl)
		lines = max(lines, len(hl))
	}
	t.headerH = float64(lines)*lineTable + 2*cellPadY
	t.setRunning(running)
	return t
}

// setRunning sets what continued pages call the table.
func (t *table) setRunning(s string) {
	t.running = s
	t.room = t.d.bodyH(t.landscape) - t.captionHeight(t.running+" (continued)") - t.headerH
}

// draw draws the table at the current position.
func (t *table) draw() {
	for _, r := range t.rows {
		t.row(r)
	}
	t.end()
}

// leadHeight is what must fit on a page for the table to start there: the
// caption, the header and the first row, or the first lines of a row
// taller than a page.
func (t *table) leadHeight() float64 {
	h := 0.0
	if len(t.rows) > 0 {
		h = t.rowHeight(t.lines(t.rows[0]))
		if h > t.room {
			h = float64(minPieceL)*lineTable + 2*cellPadY
		}
	}
	return t.captionHeight(t.caption) + t.headerH + h
}

// lines lays out the cells of a row.
func (t *table) lines(cells []cellText) [][]line {
	lines := make([][]line, len(t.widths))
	for i := range t.widths {
		var c cellText
		if i < len(cells) {
			c = cells[i]
		}
		lines[i] = t.d.layout(c, t.widths[i]-2*cellPadX, sizeTable)
	}
	return lines
}

func (t *table) rowHeight(lines [][]line) float64 {
	n := 1
	for _, l := range lines {
		n = max(n, len(l))
	}
	return float64(n)*lineTable + 2*cellPadY
}

// cellText is the content of one cell.
type cellText []span

// bolder returns the cell's spans in bold, for the header row.
func (c cellText) bolder() []span {
	out := make([]span, len(c))
	for i, s := range c {
		s.st |= bold
		out[i] = s
	}
	return out
}

// row adds one row of cells.
func (t *table) row(cells []cellText) {
	d, p := t.d, t.d.pdf
	lines := t.lines(cells)
	h := t.rowHeight(lines)
	n := int(math.Round((h - 2*cellPadY) / lineTable))
	switch {
	case !t.started:
		// The caption and header stay with the first row (or its first
		// piece, when the row is taller than a page).
		t.start()
	case h <= t.room && p.GetY()+h > d.bottom():
		t.continued()
	}
	if h <= t.room {
		t.drawRow(lines, 0, n)
	} else {
		fresh := false
		for k := 0; k < n; {
			fit := int(math.Floor((d.bottom() - p.GetY() - 2*cellPadY) / lineTable))
			if fit < min(minPieceL, n-k) && !fresh {
				t.continued()
				fresh = true
				continue
			}
			m := min(max(fit, 1), n-k) // at least one line a page: always progress
			fresh = false
			t.drawRow(lines, k, k+m)
			k += m
		}
	}
	t.rowCount++
}

// start draws the caption and the header where the first row fits below
// them.
func (t *table) start() {
	t.d.ensure(t.leadHeight())
	t.drawCaption(t.caption)
	t.drawHeader()
	t.started = true
}

// end finishes the table: a table without rows still shows its header.
func (t *table) end() {
	if !t.started {
		t.start()
	}
	t.d.resetStyle()
}

// continued starts a page and repeats the caption and header.
func (t *table) continued() {
	t.d.addPage()
	text := words.In(t.d.l, "(continued)")
	if t.running != "" {
		text = t.running + " " + text
	}
	t.drawCaption(text)
	t.drawHeader()
}

var lookCaption = look{size: sizeCaption, line: lineHeight(sizeCaption), color: colorHead}

func (t *table) captionLines(text string) []line {
	if text == "" {
		return nil
	}
	return t.d.layout(plainSpans(text, bold), t.b.width, lookCaption.size)
}

// captionHeight is the height of a caption and the space below it.
func (t *table) captionHeight(text string) float64 {
	n := len(t.captionLines(text))
	if n == 0 {
		return 0
	}
	return float64(n)*lookCaption.line + captionGap
}

func (t *table) drawCaption(text string) {
	d, p := t.d, t.d.pdf
	for _, l := range t.captionLines(text) {
		d.drawLine(l, t.b.left, p.GetY(), t.b.width, lookCaption.line, lookCaption.size, "L", lookCaption.color)
		p.SetY(p.GetY() + lookCaption.line)
	}
	if text != "" {
		p.SetY(p.GetY() + captionGap)
	}
}

func (t *table) drawHeader() {
	d, p := t.d, t.d.pdf
	p.SetDrawColor(150, 160, 175)
	p.SetLineWidth(0.2)
	y, x := p.GetY(), t.b.left
	for i, w := range t.widths {
		p.SetFillColor(225, 231, 240)
		p.Rect(x, y, w, t.headerH, "FD")
		for j, l := range t.header[i] {
			d.drawLine(l, x+cellPadX, y+cellPadY+float64(j)*lineTable, w-2*cellPadX, lineTable, sizeTable, t.aligns[i], lookHeader.color)
		}
		x += w
	}
	p.SetXY(t.b.left, y+t.headerH)
}

// drawRow draws lines [from, to) of every cell as one row at the current
// position.
func (t *table) drawRow(lines [][]line, from, to int) {
	d, p := t.d, t.d.pdf
	h := float64(to-from)*lineTable + 2*cellPadY
	y, x := p.GetY(), t.b.left
	p.SetLineWidth(0.15)
	for i, w := range t.widths {
		p.SetDrawColor(190, 190, 190)
		if t.rowCount%2 == 1 {
			p.SetFillColor(244, 246, 250)
			p.Rect(x, y, w, h, "FD")
		} else {
			p.Rect(x, y, w, h, "D")
		}
		for j := from; j < to && j < len(lines[i]); j++ {
			d.drawLine(lines[i][j], x+cellPadX, y+cellPadY+float64(j-from)*lineTable, w-2*cellPadX, lineTable, sizeTable, t.aligns[i], lookTable.color)
		}
		x += w
	}
	p.SetXY(t.b.left, y+h)
}
