package pdf

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// Looks of the entries of the table of contents, by heading level.
var tocLooks = [...]struct {
	look
	st     style
	indent float64
}{
	{look{size: 10, line: 5.2, before: 2.6, color: colorHead}, bold, 0},
	{look{size: sizeBody, line: 4.8, before: 0.6, color: colorText}, 0, 7},
}

// tocNumberW is the width of the column of page numbers.
const tocNumberW = 12.0

// toc draws the table of contents at n: the "#" and "##" headings after
// the "<!-- toc -->", each with the page it is on and a link to it. Its
// layout does not depend on the page numbers (they have a column of their
// own), so it takes the same pages in every pass and the numbers the
// previous pass found stay true. Unless the text gives it a heading, it
// is titled "Contents".
func (w *walker) toc(n ast.Node) {
	d, p := w.d, w.d.pdf
	if _, ok := n.PreviousSibling().(*ast.Heading); !ok {
		lk := headingLooks[0]
		title := words.In(d.l, "Contents")
		d.bookmark(title, 0)
		w.level = 0
		d.flow(d.layout(plainSpans(title, bold), w.b.width, lk.size), w.b, lk, "L", w.deco)
		p.SetY(p.GetY() + lk.after)
	}
	for i, h := range w.s.heads {
		if !h.toc {
			continue
		}
		tl := tocLooks[min(h.level, len(tocLooks))-1]
		text := d.g.clean(h.text, whereLine(h.line))
		x := w.b.left + tl.indent
		textW := w.b.width - tl.indent - tocNumberW - 4
		lines := d.layout(plainSpans(text, tl.st), textW, tl.size)
		height := float64(len(lines)) * tl.line
		d.space(tl.before)
		d.ensure(height)
		y0 := p.GetY()
		for _, l := range lines {
			d.drawLine(l, x, p.GetY(), textW, tl.line, tl.size, "L", tl.color)
			p.SetY(p.GetY() + tl.line)
		}
		// Dot leaders from the end of the text to the page number.
		last := lines[len(lines)-1]
		base := p.GetY() - tl.line/2 + 0.3*tl.size*ptMM
		numX := w.b.left + w.b.width - tocNumberW
		if from, to := x+last.w+1.5, numX+tocNumberW-d.textW("0000", bold, tocLooks[0].size); to > from {
			p.SetDrawColor(150, 150, 150)
			p.SetLineWidth(0.3)
			p.SetLineCapStyle("round")
			p.SetDashPattern([]float64{0, 1.3}, 0)
			p.Line(from, base, to, base)
			p.SetDashPattern(nil, 0)
			p.SetLineCapStyle("butt")
			p.SetDrawColor(0, 0, 0)
		}
		if w.pages != nil && w.pages[i] > 0 {
			num := strconv.Itoa(w.pages[i])
			l := d.layout(plainSpans(num, tl.st), tocNumberW, tl.size)[0]
			d.drawLine(l, numX, p.GetY()-tl.line, tocNumberW, tl.line, tl.size, "R", tl.color)
		}
		p.Link(w.b.left, y0, w.b.width, height, w.links[i])
	}
	d.space(gapPara)
}
