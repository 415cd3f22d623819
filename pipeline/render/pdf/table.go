package pdf

import "math"

// column is one column of a table: its title, its share of the page
// width (relative to the other columns) and its alignment ("L" or "R";
// numbers are right-aligned so their digits line up).
type column struct {
	title  string
	weight float64
	align  string
}

// table draws rows under a caption and a header that are repeated, with
// "(continued)", on every page the table reaches. A row is never split
// across pages, except a row taller than a whole page, which is cut into
// page-sized pieces rather than clipped.
type table struct {
	d        *doc
	caption  string // clean
	cols     []column
	widths   []float64
	header   [][]string // wrapped header titles
	headerH  float64
	started  bool
	rowCount int
}

const (
	cellPadY  = 0.9 // above and below the lines of a cell
	captionH  = 6.0
	minPieceL = 3 // lines a piece of a tall row needs before we start a page for it
)

// newTable prepares a table; nothing is drawn until the first row (or
// until end, for a table with no rows).
func (d *doc) newTable(caption, where string, cols []column) *table {
	t := &table{d: d, caption: d.g.clean(caption, where), cols: cols}
	var sum float64
	for _, c := range cols {
		sum += c.weight
	}
	d.pdf.SetFont(family, "B", sizeTable)
	lines := 1
	for _, c := range cols {
		w := d.contentW() * c.weight / sum
		t.widths = append(t.widths, w)
		hl := d.split(d.g.clean(c.title, where), w)
		t.header = append(t.header, hl)
		lines = max(lines, len(hl))
	}
	t.headerH = float64(lines)*lineTable + 2*cellPadY
	d.resetStyle()
	return t
}

// row adds one row of cells (one per column); where names the row for the
// missing-glyph list. bold draws a totals row.
func (t *table) row(cells []string, where string, bold bool) {
	d, p := t.d, t.d.pdf
	style := ""
	if bold {
		style = "B"
	}
	p.SetFont(family, style, sizeTable)
	lines := make([][]string, len(t.cols))
	n := 1
	for i := range t.cols {
		var s string
		if i < len(cells) {
			s = d.g.clean(cells[i], where)
		}
		lines[i] = d.split(s, t.widths[i])
		n = max(n, len(lines[i]))
	}
	h := float64(n)*lineTable + 2*cellPadY
	body := d.bottom() - marginTop - captionH - t.headerH // room on a fresh page
	switch {
	case !t.started:
		// The caption and header stay with the first row (or its first
		// piece, when the row is taller than a page).
		need := h
		if h > body {
			need = float64(minPieceL)*lineTable + 2*cellPadY
		}
		d.ensure(captionH + t.headerH + need)
		t.drawCaption(false)
		t.drawHeader()
		t.started = true
	case h <= body && p.GetY()+h > d.bottom():
		t.continued()
	}
	if h <= body {
		t.drawRow(lines, 0, n, bold)
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
			t.drawRow(lines, k, k+m, bold)
			k += m
		}
	}
	t.rowCount++
	d.resetStyle()
}

// end finishes the table: a table without rows still shows its caption
// and header, followed by "None.", so a reader sees that it is empty.
func (t *table) end() {
	d, p := t.d, t.d.pdf
	if !t.started {
		d.ensure(captionH + t.headerH + lineBody)
		t.drawCaption(false)
		t.drawHeader()
		p.SetFont(family, "I", sizeTable)
		p.SetX(marginLeft)
		p.CellFormat(d.contentW(), lineTable+2*cellPadY, "None.", "", 1, "L", false, 0, "")
		t.started = true
	}
	d.resetStyle()
	d.gap(3)
}

// continued starts a page and repeats the caption and header.
func (t *table) continued() {
	t.d.pdf.AddPage()
	t.drawCaption(true)
	t.drawHeader()
}

func (t *table) drawCaption(cont bool) {
	d, p := t.d, t.d.pdf
	text := t.caption
	if cont {
		text += " (continued)"
	}
	p.SetFont(family, "B", sizeCaption)
	p.SetX(marginLeft)
	p.CellFormat(d.contentW(), captionH, d.fit(text, d.contentW()), "", 1, "L", false, 0, "")
}

func (t *table) drawHeader() {
	d, p := t.d, t.d.pdf
	p.SetFont(family, "B", sizeTable)
	p.SetFillColor(225, 230, 238)
	p.SetDrawColor(150, 150, 150)
	p.SetLineWidth(0.2)
	y, x := p.GetY(), marginLeft
	for i, c := range t.cols {
		p.Rect(x, y, t.widths[i], t.headerH, "FD")
		for j, l := range t.header[i] {
			p.SetXY(x, y+cellPadY+float64(j)*lineTable)
			p.CellFormat(t.widths[i], lineTable, l, "", 0, c.align, false, 0, "")
		}
		x += t.widths[i]
	}
	p.SetXY(marginLeft, y+t.headerH)
	d.resetStyle()
}

// drawRow draws lines [from, to) of every cell as one row at the current
// position.
func (t *table) drawRow(lines [][]string, from, to int, bold bool) {
	p := t.d.pdf
	style := ""
	if bold {
		style = "B"
	}
	p.SetFont(family, style, sizeTable)
	p.SetDrawColor(170, 170, 170)
	p.SetLineWidth(0.15)
	h := float64(to-from)*lineTable + 2*cellPadY
	y, x := p.GetY(), marginLeft
	fill := bold || t.rowCount%2 == 1
	if bold {
		p.SetFillColor(235, 235, 235)
	} else {
		p.SetFillColor(246, 247, 250)
	}
	for i, c := range t.cols {
		if fill {
			p.Rect(x, y, t.widths[i], h, "FD")
		} else {
			p.Rect(x, y, t.widths[i], h, "D")
		}
		for j := from; j < to && j < len(lines[i]); j++ {
			p.SetXY(x, y+cellPadY+float64(j-from)*lineTable)
			p.CellFormat(t.widths[i], lineTable, lines[i][j], "", 0, c.align, false, 0, "")
		}
		x += t.widths[i]
	}
	p.SetXY(marginLeft, y+h)
}
