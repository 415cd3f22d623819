package pdf

import (
	"math"
	"strconv"
	"strings"

	"coopreport/pipeline"
)

// A chart is drawn as vector graphics in parts that each stay on one page:
// most charts are one part; a chart of several panels may break between
// them.
type part struct {
	h    float64
	draw func(x, y, w float64)
}

// Chart type, in points, and geometry, in millimetres.
const (
	sizeChartTitle = 10.0
	sizeChartSub   = 8.0
	sizeChartText  = 7.5
	sizeChartValue = 7.0
	chartPlotH     = 62.0 // height of the plot of a column chart
	hbarSlot       = 6.4  // height of one bar of a bar chart, with its gap
)

var (
	colorGrid  = [3]int{222, 226, 232}
	colorAxis  = [3]int{90, 90, 90}
	colorMuted = [3]int{95, 95, 95}
	// palette is the series colours, told apart in grey print too.
	palette = [...][3]int{{46, 94, 170}, {230, 126, 34}, {60, 150, 90}, {150, 80, 160}}
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
	color  [3]int
}

// axisScale is how values map to an axis: ticks from lo to hi by step,
// tick labels divided by unit ("millions") and shown with decimals.
type axisScale struct {
	lo, hi, step float64
	unit         float64
	unitName     string
	decimals     int
}

// niceScale returns an axis from lo to hi (0 included) with about five
// ticks at round numbers. integer keeps the step at a whole number.
func niceScale(lo, hi float64, integer bool) axisScale {
	lo, hi = min(lo, 0), max(hi, 0)
	if hi-lo <= 0 {
		hi = 1
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	var step float64
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if step = m * mag; step >= raw {
			break
		}
	}
	if integer {
		step = max(math.Round(step), 1)
	}
	s := axisScale{lo: math.Floor(lo/step) * step, hi: math.Ceil(hi/step) * step, step: step, unit: 1}
	big := max(math.Abs(s.lo), math.Abs(s.hi))
	for _, u := range []struct {
		v    float64
		name string
	}{{1e9, "billions"}, {1e6, "millions"}, {1e4, "thousands"}} {
		if big >= u.v*10 || (u.v >= 1e6 && big >= u.v) {
			s.unit, s.unitName = u.v, u.name
			break
		}
	}
	// As many decimals as the step needs, the same on every tick.
	f := step / s.unit
	for s.decimals < 3 {
		scaled := f * math.Pow(10, float64(s.decimals))
		if math.Abs(scaled-math.Round(scaled)) < 1e-6*scaled {
			break
		}
		s.decimals++
	}
	return s
}

// ticks returns the tick values.
func (s axisScale) ticks() []float64 {
	var out []float64
	n := int(math.Round((s.hi - s.lo) / s.step))
	for i := 0; i <= n; i++ {
		out = append(out, s.lo+float64(i)*s.step)
	}
	return out
}

// label formats a tick value with the report's digit grouping.
func (s axisScale) label(v float64) string {
	t := strconv.FormatFloat(v/s.unit, 'f', s.decimals, 64)
	if t == "-0" || strings.Trim(t, "-0.") == "" {
		t = "0"
	}
	return pipeline.GroupDigits(t)
}

// withUnit adds the scale's unit to an axis title: "MNT (millions)".
func (s axisScale) withUnit(title string) string {
	if s.unitName == "" {
		return title
	}
	return title + " (" + s.unitName + ")"
}

// chartText draws clean text with its left end at x and its middle at y.
func (d *doc) chartText(s string, x, y, size float64, st style, color [3]int) {
	p := d.pdf
	p.SetFont(family, fpdfStyle(st), size)
	p.SetTextColor(color[0], color[1], color[2])
	p.Text(x, y+0.35*size*ptMM, s)
	p.SetTextColor(0, 0, 0)
}

// chartTextAligned draws s in a box [x, x+w] aligned "L", "C" or "R".
func (d *doc) chartTextAligned(s string, x, w, y, size float64, st style, color [3]int, align string) {
	tw := d.textW(s, st, size)
	switch align {
	case "R":
		x += w - tw
	case "C":
		x += (w - tw) / 2
	}
	d.chartText(s, x, y, size, st, color)
}

// fitText shortens clean s with an ellipsis to at most w millimetres.
func (d *doc) fitText(s string, st style, size, w float64) string {
	if d.textW(s, st, size) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && d.textW(string(r)+"…", st, size) > w {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

// chartHead is the title, subtitle and legend of a chart.
type chartHead struct {
	title, subtitle string // clean
	legend          []series
}

func (c chartHead) lines(d *doc, w float64) (title, sub []line) {
	if c.title != "" {
		title = d.layout(plainSpans(c.title, bold), w, sizeChartTitle)
	}
	if c.subtitle != "" {
		sub = d.layout(plainSpans(c.subtitle, 0), w, sizeChartSub)
	}
	return title, sub
}

func (c chartHead) height(d *doc, w float64) float64 {
	title, sub := c.lines(d, w)
	h := float64(len(title))*lineHeight(sizeChartTitle) + float64(len(sub))*lineHeight(sizeChartSub) + 2
	if len(c.legend) > 1 {
		h += 8
	}
	return h
}

// draw draws the head and returns its height.
func (c chartHead) draw(d *doc, x, y, w float64) float64 {
	title, sub := c.lines(d, w)
	y0 := y
	for _, l := range title {
		d.drawLine(l, x, y, w, lineHeight(sizeChartTitle), sizeChartTitle, "L", colorHead)
		y += lineHeight(sizeChartTitle)
	}
	for _, l := range sub {
		d.drawLine(l, x, y, w, lineHeight(sizeChartSub), sizeChartSub, "L", colorMuted)
		y += lineHeight(sizeChartSub)
	}
	y += 2
	if len(c.legend) > 1 {
		d.legend(c.legend, x, y+2)
		y += 8
	}
	return y - y0
}

// legend draws a swatch and the name of each series in a row.
func (d *doc) legend(ss []series, x, y float64) {
	p := d.pdf
	for _, s := range ss {
		p.SetFillColor(s.color[0], s.color[1], s.color[2])
		p.SetDrawColor(s.color[0], s.color[1], s.color[2])
		if s.kind == asLine {
			p.SetLineWidth(0.6)
			p.Line(x, y, x+6, y)
			p.Circle(x+3, y, 0.9, "F")
		} else {
			p.Rect(x+1, y-1.6, 4, 3.2, "F")
		}
		d.chartText(s.name, x+7.5, y, sizeChartText, 0, colorText)
		x += 7.5 + d.textW(s.name, 0, sizeChartText) + 6
	}
}

// note draws a footnote of a chart in italic and returns its height.
func (d *doc) chartNote(note string, x, y, w float64) float64 {
	if note == "" {
		return 0
	}
	lh := lineHeight(sizeChartText)
	lines := d.layout(plainSpans(note, italic), w, sizeChartText)
	for i, l := range lines {
		d.drawLine(l, x, y+1+float64(i)*lh, w, lh, sizeChartText, "L", colorMuted)
	}
	return 1 + float64(len(lines))*lh
}

func noteHeight(d *doc, note string, w float64) float64 {
	if note == "" {
		return 0
	}
	return 1 + float64(len(d.layout(plainSpans(note, italic), w, sizeChartText)))*lineHeight(sizeChartText)
}

// hbar is a horizontal bar chart: one bar a category, longest first.
type hbar struct {
	head      chartHead
	labels    []string  // clean
	values    []float64 // ≥ 0
	valueText []string
	axisTitle string
	note      string // clean; below the chart
	empty     string // said instead of the bars when there are none
}

func (c *hbar) parts(d *doc, w float64) []part {
	plotH := float64(max(len(c.values), 1)) * hbarSlot
	h := c.head.height(d, w) + plotH + 12 + noteHeight(d, c.note, w)
	return []part{{h: h, draw: func(x, y, w float64) { c.draw(d, x, y, w) }}}
}

func (c *hbar) draw(d *doc, x, y, w float64) {
	p := d.pdf
	y += c.head.draw(d, x, y, w)
	labelW := 0.0
	for _, l := range c.labels {
		labelW = max(labelW, d.textW(l, 0, sizeChartText))
	}
	labelW = min(labelW, w*0.34)
	valueW := 0.0
	for _, v := range c.valueText {
		valueW = max(valueW, d.textW(v, bold, sizeChartValue))
	}
	hi := 0.0
	for _, v := range c.values {
		hi = max(hi, v)
	}
	sc := niceScale(0, hi, true)
	x0, x1 := x+labelW+2.5, x+w-valueW-2
	plotH := float64(max(len(c.values), 1)) * hbarSlot
	top, bottom := y, y+plotH
	xAt := func(v float64) float64 { return x0 + (v-sc.lo)/(sc.hi-sc.lo)*(x1-x0) }

	p.SetLineWidth(0.2)
	for _, t := range sc.ticks() {
		tx := xAt(t)
		p.SetDrawColor(colorGrid[0], colorGrid[1], colorGrid[2])
		p.Line(tx, top, tx, bottom)
		p.SetDrawColor(colorAxis[0], colorAxis[1], colorAxis[2])
		p.Line(tx, bottom, tx, bottom+1.2)
		d.chartTextAligned(sc.label(t), tx-15, 30, bottom+3.2, sizeChartText, 0, colorMuted, "C")
	}
	if len(c.values) == 0 {
		d.chartTextAligned(c.empty, x0, x1-x0, top+plotH/2, sizeChartText, italic, colorMuted, "C")
	}
	col := palette[0]
	for i, v := range c.values {
		cy := top + (float64(i)+0.5)*hbarSlot
		d.chartTextAligned(d.fitText(c.labels[i], 0, sizeChartText, labelW), x, labelW, cy, sizeChartText, 0, colorText, "R")
		p.SetFillColor(col[0], col[1], col[2])
		bw := xAt(v) - x0
		if bw > 0 {
			p.Rect(x0, cy-hbarSlot*0.32, bw, hbarSlot*0.64, "F")
		}
		d.chartText(c.valueText[i], x0+bw+1, cy, sizeChartValue, bold, colorText)
	}
	p.SetDrawColor(colorAxis[0], colorAxis[1], colorAxis[2])
	p.SetLineWidth(0.3)
	p.Line(x0, top, x0, bottom)
	p.Line(x0, bottom, x1, bottom)
	d.chartTextAligned(sc.withUnit(c.axisTitle), x0, x1-x0, bottom+7.5, sizeChartText, bold, colorText, "C")
	d.chartNote(c.note, x, bottom+10, w)
	p.SetDrawColor(0, 0, 0)
}

// columns is a column chart: categories along the x axis (the buckets of
// the period), bars for asBars series side by side and lines on top.
type columns struct {
	head       chartHead
	categories []string // clean
	series     []series
	yTitle     string
	xTitle     string
	integer    bool   // the values are counts
	note       string // clean; below the chart
	empty      string // said over the plot when every value is 0
}

func (c *columns) height(d *doc, w float64) float64 {
	return c.head.height(d, w) + 5 + chartPlotH + 12 + noteHeight(d, c.note, w)
}

func (c *columns) parts(d *doc, w float64) []part {
	return []part{{h: c.height(d, w), draw: func(x, y, w float64) { c.draw(d, x, y, w) }}}
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
	st    style
	color [3]int
}

// valueLabelH is the height a value label takes, with a little air.
const valueLabelH = sizeChartValue * ptMM * 1.3

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

func (c *columns) layout(d *doc, sc axisScale, x0, x1, top, bottom float64) columnLayout {
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
				if d.textW(t, 0, sizeChartValue) > room {
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
				barLabels = append(barLabels, valueLabel{s.labels[i], bx + l.barW/2, ly, d.textW(s.labels[i], 0, sizeChartValue), 0, colorText})
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
			lb := valueLabel{s.labels[i], cx, cy - 2.6, d.textW(s.labels[i], bold, sizeChartValue), bold, s.color}
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
	return l
}

func (c *columns) draw(d *doc, x, y, w float64) {
	p := d.pdf
	y += c.head.draw(d, x, y, w)
	lo, hi := 0.0, 0.0
	anything := false
	for _, s := range c.series {
		for _, v := range s.values {
			lo, hi = min(lo, v), max(hi, v)
			anything = anything || v != 0
		}
	}
	sc := niceScale(lo*(1+headroom), hi*(1+headroom), c.integer)
	top := y + 5
	bottom := top + chartPlotH
	x1 := x + w
	tickW := func(sc axisScale) float64 {
		tw := 0.0
		for _, t := range sc.ticks() {
			tw = max(tw, d.textW(sc.label(t), 0, sizeChartText))
		}
		return tw
	}
	// A step more on the axis while a label would stand beyond the plot.
	var l columnLayout
	for range 4 {
		l = c.layout(d, sc, x+tickW(sc)+2.5, x1, top, bottom)
		out := false
		for _, lb := range l.labels {
			out = out || lb.y-valueLabelH/2 < top || (sc.lo < 0 && lb.y+valueLabelH/2 > bottom)
		}
		if !out {
			break
		}
		if hi > 0 {
			sc = niceScale(sc.lo, sc.hi+sc.step, c.integer)
		} else {
			sc = niceScale(sc.lo-sc.step, sc.hi, c.integer)
		}
	}
	sc, yAt := l.sc, l.yAt
	ticks := sc.ticks()
	x0 := x + tickW(sc) + 2.5
	// The y axis title stands above the axis, where it reads level.
	d.chartText(sc.withUnit(c.yTitle), x, y+1.5, sizeChartText, bold, colorText)

	p.SetLineWidth(0.2)
	for _, t := range ticks {
		ty := yAt(t)
		p.SetDrawColor(colorGrid[0], colorGrid[1], colorGrid[2])
		p.Line(x0, ty, x1, ty)
		p.SetDrawColor(colorAxis[0], colorAxis[1], colorAxis[2])
		p.Line(x0-1.2, ty, x0, ty)
		d.chartTextAligned(sc.label(t), x, tickW(sc), ty, sizeChartText, 0, colorMuted, "R")
	}
	slot := l.slot
	zero := yAt(0)
	for j, s := range l.bars {
		p.SetFillColor(s.color[0], s.color[1], s.color[2])
		for i, v := range s.values {
			bx := x0 + float64(i)*slot + (slot-l.groupW)/2 + float64(j)*l.barW
			by := yAt(v)
			if v != 0 {
				p.Rect(bx+0.15, min(by, zero), l.barW-0.3, math.Abs(zero-by), "F")
			}
		}
	}
	for _, s := range l.lines {
		p.SetDrawColor(s.color[0], s.color[1], s.color[2])
		p.SetFillColor(s.color[0], s.color[1], s.color[2])
		p.SetLineWidth(0.6)
		for i, v := range s.values {
			cx, cy := x0+(float64(i)+0.5)*slot, yAt(v)
			if i > 0 {
				p.Line(x0+(float64(i)-0.5)*slot, yAt(s.values[i-1]), cx, cy)
			}
		}
		for i, v := range s.values {
			p.Circle(x0+(float64(i)+0.5)*slot, yAt(v), 0.9, "F")
		}
	}
	for _, lb := range l.labels {
		d.chartText(lb.text, lb.x-lb.w/2, lb.y, sizeChartValue, lb.st, lb.color)
	}
	if !anything && c.empty != "" {
		d.chartTextAligned(c.empty, x0, x1-x0, top+chartPlotH/2, sizeChartText, italic, colorMuted, "C")
	}
	// Category labels: every k-th one when they would run into each other.
	labelW := 0.0
	for _, l := range c.categories {
		labelW = max(labelW, d.textW(l, 0, sizeChartText))
	}
	every := max(int(math.Ceil((labelW+1.5)/slot)), 1)
	p.SetDrawColor(colorAxis[0], colorAxis[1], colorAxis[2])
	p.SetLineWidth(0.2)
	for i, l := range c.categories {
		cx := x0 + (float64(i)+0.5)*slot
		if i%every != 0 {
			continue
		}
		p.Line(cx, bottom, cx, bottom+1.2)
		d.chartTextAligned(l, cx-labelW, 2*labelW, bottom+3.4, sizeChartText, 0, colorMuted, "C")
	}
	p.SetDrawColor(colorAxis[0], colorAxis[1], colorAxis[2])
	p.SetLineWidth(0.3)
	p.Line(x0, top, x0, bottom)
	p.Line(x0, zero, x1, zero)
	d.chartTextAligned(c.xTitle, x0, x1-x0, bottom+8, sizeChartText, bold, colorText, "C")
	d.chartNote(c.note, x, bottom+11, w)
	p.SetDrawColor(0, 0, 0)
}
