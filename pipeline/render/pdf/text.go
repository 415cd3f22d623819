package pdf

// box is where blocks are drawn: from left over width millimetres, with
// the bars of the block quotes it sits in beside each line.
type box struct {
	left, width float64
	bars        []float64 // x of each enclosing quote's bar
}

// minBoxW is the narrowest a box gets, however deep lists and quotes nest.
const minBoxW = 40.0

// indent returns b narrowed by dx on the left, or less when that would
// leave it narrower than minBoxW.
func (b box) indent(dx float64) box {
	dx = max(min(dx, b.width-minBoxW), 0)
	return box{left: b.left + dx, width: b.width - dx, bars: b.bars}
}

// look is the type of one kind of text block.
type look struct {
	size, line    float64 // points; millimetres
	before, after float64 // space around a heading, in millimetres
	color         [3]int
}

var (
	lookBody  = look{size: sizeBody, line: lineBody, color: colorText}
	lookCover = look{size: 11.5, line: 6.0, color: colorText}
	// headingLooks are the looks of "#" to "####".
	headingLooks = [...]look{
		{16, 7.4, 7, 3.2, colorHead},
		{12.5, 6.0, 5.5, 2, colorHead},
		{10.5, 5.1, 4, 1.2, colorText},
		{9.5, 4.7, 3, 0.8, colorText},
	}
	lookCoverTitle = look{26, 11.5, 0, 4, colorHead}
)

// Gaps between blocks, in millimetres.
const (
	gapPara  = 2.4 // between paragraphs and other blocks
	gapItem  = 1.0 // between the items of a tight list
	gapTable = 3.5 // around tables and charts
)

// flow draws lines of text one under the other in b, starting a new page
// where the next line does not fit. A paragraph's first two lines and its
// last two stay together (no orphans, no widows). deco is called before
// each line is drawn with the line's top and height, for list markers and
// quote bars.
func (d *doc) flow(lines []line, b box, lk look, align string, deco func(y, h float64)) {
	p := d.pdf
	n := len(lines)
	for i, l := range lines {
		need := lk.line
		switch {
		case i == 0:
			need = float64(min(n, 2)) * lk.line
		case n >= 4 && i == n-2:
			need = 2 * lk.line
		}
		d.ensure(need)
		y := p.GetY()
		if deco != nil {
			deco(y, lk.line)
		}
		d.drawLine(l, b.left, y, b.width, lk.line, lk.size, align, lk.color)
		p.SetY(y + lk.line)
	}
}

// quoteBars draws the bars of the block quotes b sits in beside a line.
func (d *doc) quoteBars(b box, y, h float64) {
	if len(b.bars) == 0 {
		return
	}
	p := d.pdf
	p.SetDrawColor(170, 185, 210)
	p.SetLineWidth(0.8)
	for _, x := range b.bars {
		p.Line(x, y, x, y+h)
	}
	p.SetDrawColor(0, 0, 0)
}

// rule draws a thematic break: a thin line across b.
func (d *doc) rule(b box) {
	p := d.pdf
	d.space(gapPara + 1)
	d.ensure(1)
	y := p.GetY()
	p.SetDrawColor(150, 150, 150)
	p.SetLineWidth(0.3)
	p.Line(b.left, y, b.left+b.width, y)
	p.SetDrawColor(0, 0, 0)
	p.SetY(y + 1)
	d.space(gapPara)
}
