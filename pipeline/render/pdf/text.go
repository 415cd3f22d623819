package pdf

import "strings"

// headingStyle is the type of one heading level.
var headingStyle = []struct {
	size, line, before, after float64
}{
	{16, 7.5, 2, 3},   // level 0: sections
	{12, 6.0, 4, 1.5}, // level 1: measures, tables
	{10.5, 5.0, 3, 1}, // level 2: fields
}

// heading draws text in bold at level (0, 1 or 2) and adds a bookmark at
// that level. keep is the height that must follow on the same page (the
// first lines of what the heading introduces), so a heading never sits
// alone at the foot of a page.
func (d *doc) heading(level int, text, where string, keep float64) {
	level = min(max(level, 0), len(headingStyle)-1)
	st := headingStyle[level]
	p := d.pdf
	text = d.g.clean(text, where)
	p.SetFont(family, "B", st.size)
	lines := d.split(text, d.contentW())
	h := st.before + float64(len(lines))*st.line + st.after
	if !d.ensure(h + keep) {
		p.SetY(p.GetY() + st.before)
	}
	d.bookmark(strings.Join(lines, " "), level)
	for _, l := range lines {
		p.SetX(marginLeft)
		p.CellFormat(d.contentW(), st.line, l, "", 2, "L", false, 0, "")
	}
	p.SetY(p.GetY() + st.after)
	d.resetStyle()
}

// paragraphs draws text in the body font ("" for regular, "B" bold, "I"
// oblique), flowing across pages line by line. Line breaks in text are
// kept; runs of blank lines become one gap, as they do in the measure
// texts pasted from word processors.
func (d *doc) paragraphs(text, where, style string) {
	p := d.pdf
	text = d.g.clean(text, where)
	p.SetFont(family, style, sizeBody)
	blank := false
	first := true
	for _, para := range strings.Split(text, "\n") {
		para = strings.TrimRight(para, " ")
		if strings.TrimSpace(para) == "" {
			blank = !first
			continue
		}
		if blank {
			p.SetY(p.GetY() + lineBody/2)
			blank = false
		}
		first = false
		for _, l := range d.split(para, d.contentW()) {
			d.ensure(lineBody)
			p.SetX(marginLeft)
			p.CellFormat(d.contentW(), lineBody, l, "", 2, "L", false, 0, "")
		}
	}
	d.resetStyle()
}

// field draws a bold label with its text below, the label kept with the
// first two lines of the text. Empty text draws nothing.
func (d *doc) field(label, text, where string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	p := d.pdf
	label = d.g.clean(label, where)
	p.SetFont(family, "B", sizeBody)
	d.ensure(3*lineBody + 1.5)
	p.SetY(p.GetY() + 1.5)
	p.SetX(marginLeft)
	for _, l := range d.split(label, d.contentW()) {
		p.CellFormat(d.contentW(), lineBody, l, "", 2, "L", false, 0, "")
	}
	d.paragraphs(text, where, "")
}

// pairs draws label–value lines with the values right-aligned in a
// column: the summary of numbers. Labels and values must be clean.
func (d *doc) pairs(rows [][2]string) {
	p := d.pdf
	labelW, valueW := d.contentW()*0.6, d.contentW()*0.25
	p.SetDrawColor(170, 170, 170)
	p.SetLineWidth(0.15)
	for _, r := range rows {
		d.ensure(lineBody + 1)
		p.SetX(marginLeft)
		p.SetFont(family, "", sizeBody)
		p.CellFormat(labelW, lineBody+1, d.fit(r[0], labelW), "B", 0, "L", false, 0, "")
		p.SetFont(family, "B", sizeBody)
		p.CellFormat(valueW, lineBody+1, d.fit(r[1], valueW), "B", 1, "R", false, 0, "")
		p.SetDrawColor(170, 170, 170)
	}
	d.resetStyle()
}

// gap moves down h millimetres, or to the next page's top.
func (d *doc) gap(h float64) {
	if !d.ensure(h) {
		d.pdf.SetY(d.pdf.GetY() + h)
	}
}

// split wraps clean text at width w in the current font. It always
// returns at least one line, so that an empty cell still has a height.
func (d *doc) split(text string, w float64) []string {
	lines := d.pdf.SplitText(text, w)
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

// newPageIfBelow starts a new page when less than frac of the page's
// height is left: major sections then start on a page of their own rather
// than in a sliver at the bottom.
func (d *doc) newPageIfBelow(frac float64) {
	if d.bottom()-d.pdf.GetY() < frac*(d.bottom()-marginTop) {
		d.pdf.AddPage()
	}
}
