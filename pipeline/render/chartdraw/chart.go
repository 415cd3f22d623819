package chartdraw

import (
	"math"
	"strings"

	"coopreport/pipeline/lang"
	"coopreport/pipeline/render/fonts"
)

// Part is a piece of a chart that stays on one page: most charts are one
// part; a chart of several panels may break between them. Draw draws it
// with its top left corner at x, y, w millimetres wide; it is H high.
type Part struct {
	H    float64
	Draw func(c Canvas, x, y, w float64)
}

// Chart type, in points, and geometry, in millimetres.
var (
	fontTitle  = Font{fonts.Bold, 10}
	fontSub    = Font{0, 8}
	fontText   = Font{0, 7.5}
	fontBold   = Font{fonts.Bold, 7.5}
	fontNote   = Font{fonts.Italic, 7.5}
	fontValue  = Font{0, 7}
	fontValueB = Font{fonts.Bold, 7}
)

const (
	chartPlotH = 62.0 // height of the plot of a column chart
	hbarSlot   = 6.4  // height of one bar of a bar chart, with its gap
)

var (
	colorText  = Color{0, 0, 0}
	colorHead  = Color{25, 50, 95}
	colorGrid  = Color{222, 226, 232}
	colorAxis  = Color{90, 90, 90}
	colorMuted = Color{95, 95, 95}
	// palette is the series colours, told apart in grey print too.
	palette = [...]Color{{46, 94, 170}, {230, 126, 34}, {60, 150, 90}, {150, 80, 160}}
)

// seriesKind is how a series of a column chart is drawn.
type seriesKind int

const (
	asBars seriesKind = iota
	asLine
)

// series is one row of values of a chart, one value per category.
type series struct {
	name   string // for the legend; clean
	kind   seriesKind
	values []float64
	labels []string // the value labels, as the report writes the numbers
	color  Color
}

// text draws clean s with its anchor at x and its middle at y.
func text(c Canvas, s string, x, y float64, f Font, col Color, a Anchor) {
	c.Text(x, y+0.35*f.Size*ptMM, s, f, col, a)
}

// fitText shortens clean s with an ellipsis to at most w millimetres.
func fitText(s string, f Font, w float64) string {
	if Width(s, f) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && Width(string(r)+"…", f) > w {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

// chartHead is the title, subtitle and legend of a chart.
type chartHead struct {
	title, subtitle string // clean
	legend          []series
}

func (c chartHead) lines(w float64) (title, sub []textLine) {
	if c.title != "" {
		title = wrap(c.title, fontTitle, w)
	}
	if c.subtitle != "" {
		sub = wrap(c.subtitle, fontSub, w)
	}
	return title, sub
}

func (c chartHead) height(w float64) float64 {
	title, sub := c.lines(w)
	h := float64(len(title))*lineHeight(fontTitle.Size) + float64(len(sub))*lineHeight(fontSub.Size) + 2
	if len(c.legend) > 1 {
		h += 8
	}
	return h
}

// draw draws the head and returns its height.
func (c chartHead) draw(cv Canvas, x, y, w float64) float64 {
	title, sub := c.lines(w)
	y0 := y
	y = drawLines(cv, title, x, y, lineHeight(fontTitle.Size), fontTitle, colorHead)
	y = drawLines(cv, sub, x, y, lineHeight(fontSub.Size), fontSub, colorMuted)
	y += 2
	if len(c.legend) > 1 {
		legend(cv, c.legend, x, y+2)
		y += 8
	}
	return y - y0
}

// legend draws a swatch and the name of each series in a row.
func legend(c Canvas, ss []series, x, y float64) {
	for _, s := range ss {
		if s.kind == asLine {
			c.Line(x, y, x+6, y, 0.6, s.color)
			c.Dot(x+3, y, 0.9, s.color)
		} else {
			c.Rect(x+1, y-1.6, 4, 3.2, s.color)
		}
		text(c, s.name, x+7.5, y, fontText, colorText, Start)
		x += 7.5 + Width(s.name, fontText) + 6
	}
}

// drawNote draws a footnote of a chart in italic.
func drawNote(c Canvas, note string, x, y, w float64) {
	if note == "" {
		return
	}
	lh := lineHeight(fontNote.Size)
	drawLines(c, wrap(note, fontNote, w), x, y+1, lh, fontNote, colorMuted)
}

func noteHeight(note string, w float64) float64 {
	if note == "" {
		return 0
	}
	return 1 + float64(len(wrap(note, fontNote, w)))*lineHeight(fontNote.Size)
}

// hbar is a horizontal bar chart: one bar a category, longest first.
type hbar struct {
	head      chartHead
	labels    []string  // clean
	values    []float64 // ≥ 0
	valueText []string
	axisTitle string
	note      string    // clean; below the chart
	empty     string    // said instead of the bars when there are none
	l         lang.Lang // the language of the axis's numbers and unit
}

func (c *hbar) Parts(w float64) []Part {
	plotH := float64(max(len(c.values), 1)) * hbarSlot
	h := c.head.height(w) + plotH + 12 + noteHeight(c.note, w)
	return []Part{{H: h, Draw: c.draw}}
}

func (c *hbar) draw(cv Canvas, x, y, w float64) {
	y += c.head.draw(cv, x, y, w)
	labelW := 0.0
	for _, l := range c.labels {
		labelW = max(labelW, Width(l, fontText))
	}
	labelW = min(labelW, w*0.34)
	valueW := 0.0
	for _, v := range c.valueText {
		valueW = max(valueW, Width(v, fontValueB))
	}
	hi := 0.0
	for _, v := range c.values {
		hi = max(hi, v)
	}
	sc := niceScale(0, hi, true).in(c.l)
	// The right edge leaves room for the longest bar's value and for half
	// of the last tick's label, centred on it: a picture has no margin
	// beyond its width to spill into.
	lastTick := 0.0
	if ticks := sc.ticks(); len(ticks) > 0 {
		lastTick = Width(sc.label(ticks[len(ticks)-1]), fontText)/2 + 0.5
	}
	x0, x1 := x+labelW+2.5, x+w-max(valueW+2, lastTick)
	plotH := float64(max(len(c.values), 1)) * hbarSlot
	top, bottom := y, y+plotH
	xAt := func(v float64) float64 { return x0 + (v-sc.lo)/(sc.hi-sc.lo)*(x1-x0) }

	for _, t := range sc.ticks() {
		tx := xAt(t)
		cv.Line(tx, top, tx, bottom, 0.2, colorGrid)
		cv.Line(tx, bottom, tx, bottom+1.2, 0.2, colorAxis)
		text(cv, sc.label(t), tx, bottom+3.2, fontText, colorMuted, Middle)
	}
	if len(c.values) == 0 {
		text(cv, c.empty, x0+(x1-x0)/2, top+plotH/2, fontNote, colorMuted, Middle)
	}
	col := palette[0]
	for i, v := range c.values {
		cy := top + (float64(i)+0.5)*hbarSlot
		text(cv, fitText(c.labels[i], fontText, labelW), x+labelW, cy, fontText, colorText, End)
		bw := xAt(v) - x0
		if bw > 0 {
			cv.Rect(x0, cy-hbarSlot*0.32, bw, hbarSlot*0.64, col)
		}
		text(cv, c.valueText[i], x0+bw+1, cy, fontValueB, colorText, Start)
	}
	cv.Line(x0, top, x0, bottom, 0.3, colorAxis)
	cv.Line(x0, bottom, x1, bottom, 0.3, colorAxis)
	text(cv, sc.withUnit(c.axisTitle), x0+(x1-x0)/2, bottom+7.5, fontBold, colorText, Middle)
	drawNote(cv, c.note, x, bottom+10, w)
}

// columns is a column chart: categories along the x axis (the buckets of
// the period), bars for asBars series side by side and lines on top.
type columns struct {
	head       chartHead
	categories []string // clean
	series     []series
	yTitle     string
	xTitle     string
	integer    bool      // the values are counts
	note       string    // clean; below the chart
	empty      string    // said over the plot when every value is 0
	l          lang.Lang // the language of the axis's numbers and unit
}

func (c *columns) height(w float64) float64 {
	return c.head.height(w) + 5 + chartPlotH + 12 + noteHeight(c.note, w)
}

func (c *columns) Parts(w float64) []Part {
	return []Part{{H: c.height(w), Draw: c.draw}}
}

// headroom is how far the value axis reaches beyond the largest value
// (and the smallest, when below zero), at least: the labels above the
// bars and points stay inside the plot.
const headroom = 0.1

// valueLabel is a value label of a column chart, centred at x, y.
type valueLabel struct {
	text  string
	x, y  float64
	w     float64
	font  Font
	color Color
}

// valueLabelH is the height a value label takes, with a little air.
var valueLabelH = fontValue.Size * ptMM * 1.3

func (a valueLabel) overlaps(b valueLabel) bool {
	return math.Abs(a.y-b.y) < valueLabelH && math.Abs(a.x-b.x) < (a.w+b.w)/2+0.5
}

// columnLayout is where the parts of a column chart go on a scale.
type columnLayout struct {
	sc          axisScale
	yAt         func(v float64) float64
	slot, barW  float64
	groupW      float64
	bars, lines []series
	labels      []valueLabel
}

func (c *columns) layout(sc axisScale, x0, x1, top, bottom float64) columnLayout {
	l := columnLayout{sc: sc}
	l.yAt = func(v float64) float64 { return bottom - (v-sc.lo)/(sc.hi-sc.lo)*(bottom-top) }
	n := max(len(c.categories), 1)
	l.slot = (x1 - x0) / float64(n)
	for _, s := range c.series {
		if s.kind == asBars {
			l.bars = append(l.bars, s)
		} else {
			l.lines = append(l.lines, s)
		}
	}
	l.groupW = l.slot * 0.72
	l.barW = l.groupW / float64(max(len(l.bars), 1))
	// Value labels only where each fits its bar or slot: the axis still
	// reads the rest.
	showValues := func(ss []series, room float64) bool {
		for _, s := range ss {
			for _, t := range s.labels {
				if Width(t, fontValue) > room {
					return false
				}
			}
		}
		return true
	}
	var barLabels []valueLabel // of this category
	if showValues(l.bars, l.barW+1.5) {
		for j, s := range l.bars {
			for i, v := range s.values {
				if v == 0 {
					continue
				}
				bx := x0 + float64(i)*l.slot + (l.slot-l.groupW)/2 + float64(j)*l.barW
				ly := l.yAt(v) - 2
				if v < 0 {
					ly = l.yAt(v) + 2
				}
				barLabels = append(barLabels, valueLabel{s.labels[i], bx + l.barW/2, ly, Width(s.labels[i], fontValue), fontValue, colorText})
			}
		}
	}
	l.labels = append(l.labels, barLabels...)
	for _, s := range l.lines {
		if !showValues([]series{s}, l.slot-1) {
			continue
		}
		for i, v := range s.values {
			cx, cy := x0+(float64(i)+0.5)*l.slot, l.yAt(v)
			lb := valueLabel{s.labels[i], cx, cy - 2.6, Width(s.labels[i], fontValueB), fontValueB, s.color}
			// Where a bar's label is in the way (the point is at about
			// the bar's height), the point's label goes above it.
			for _, b := range l.labels {
				if lb.overlaps(b) {
					lb.y = min(lb.y, b.y-valueLabelH)
				}
			}
			l.labels = append(l.labels, lb)
		}
	}
	// A value wider than its slot, over the first or last column, is
	// moved in rather than cut at the picture's edge.
	for i := range l.labels {
		lb := &l.labels[i]
		lb.x = min(max(lb.x, x0+lb.w/2), x1-lb.w/2)
	}
	return l
}

func (c *columns) draw(cv Canvas, x, y, w float64) {
	y += c.head.draw(cv, x, y, w)
	lo, hi := 0.0, 0.0
	anything := false
	for _, s := range c.series {
		for _, v := range s.values {
			lo, hi = min(lo, v), max(hi, v)
			anything = anything || v != 0
		}
	}
	sc := niceScale(lo*(1+headroom), hi*(1+headroom), c.integer).in(c.l)
	top := y + 5
	bottom := top + chartPlotH
	x1 := x + w
	tickW := func(sc axisScale) float64 {
		tw := 0.0
		for _, t := range sc.ticks() {
			tw = max(tw, Width(sc.label(t), fontText))
		}
		return tw
	}
	// A step more on the axis while a label would stand beyond the plot.
	var l columnLayout
	for range 4 {
		l = c.layout(sc, x+tickW(sc)+2.5, x1, top, bottom)
		out := false
		for _, lb := range l.labels {
			out = out || lb.y-valueLabelH/2 < top || (sc.lo < 0 && lb.y+valueLabelH/2 > bottom)
		}
		if !out {
			break
		}
		if hi > 0 {
			sc = niceScale(sc.lo, sc.hi+sc.step, c.integer).in(c.l)
		} else {
			sc = niceScale(sc.lo-sc.step, sc.hi, c.integer).in(c.l)
		}
	}
	sc, yAt := l.sc, l.yAt
	ticks := sc.ticks()
	x0 := x + tickW(sc) + 2.5
	// The y axis title stands above the axis, where it reads level.
	text(cv, sc.withUnit(c.yTitle), x, y+1.5, fontBold, colorText, Start)

	for _, t := range ticks {
		ty := yAt(t)
		cv.Line(x0, ty, x1, ty, 0.2, colorGrid)
		cv.Line(x0-1.2, ty, x0, ty, 0.2, colorAxis)
		text(cv, sc.label(t), x+tickW(sc), ty, fontText, colorMuted, End)
	}
	slot := l.slot
	zero := yAt(0)
	for j, s := range l.bars {
		for i, v := range s.values {
			bx := x0 + float64(i)*slot + (slot-l.groupW)/2 + float64(j)*l.barW
			by := yAt(v)
			if v != 0 {
				cv.Rect(bx+0.15, min(by, zero), l.barW-0.3, math.Abs(zero-by), s.color)
			}
		}
	}
	for _, s := range l.lines {
		for i, v := range s.values {
			cx, cy := x0+(float64(i)+0.5)*slot, yAt(v)
			if i > 0 {
				cv.Line(x0+(float64(i)-0.5)*slot, yAt(s.values[i-1]), cx, cy, 0.6, s.color)
			}
		}
		for i, v := range s.values {
			cv.Dot(x0+(float64(i)+0.5)*slot, yAt(v), 0.9, s.color)
		}
	}
	for _, lb := range l.labels {
		text(cv, lb.text, lb.x, lb.y, lb.font, lb.color, Middle)
	}
	if !anything && c.empty != "" {
		text(cv, c.empty, x0+(x1-x0)/2, top+chartPlotH/2, fontNote, colorMuted, Middle)
	}
	// Category labels: every k-th one when they would run into each other.
	labelW := 0.0
	for _, l := range c.categories {
		labelW = max(labelW, Width(l, fontText))
	}
	every := max(int(math.Ceil((labelW+1.5)/slot)), 1)
	for i, l := range c.categories {
		cx := x0 + (float64(i)+0.5)*slot
		if i%every != 0 {
			continue
		}
		cv.Line(cx, bottom, cx, bottom+1.2, 0.2, colorAxis)
		// Kept inside the picture: a label wider than its slot, at either
		// end, is moved in rather than cut.
		half := Width(l, fontText) / 2
		lx := min(max(cx, x+half), x1-half)
		text(cv, l, lx, bottom+3.4, fontText, colorMuted, Middle)
	}
	cv.Line(x0, top, x0, bottom, 0.3, colorAxis)
	cv.Line(x0, zero, x1, zero, 0.3, colorAxis)
	text(cv, c.xTitle, x0+(x1-x0)/2, bottom+8, fontBold, colorText, Middle)
	drawNote(cv, c.note, x, bottom+11, w)
}
