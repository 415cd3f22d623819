package chartdraw

import (
	"errors"
	"fmt"
	"math"

	"coopreport/pipeline"
	"coopreport/pipeline/render/fonts"
)

// Size is a chart's size in points (1/72 inch).
type Size struct{ W, H float64 }

// fontCaption is the caption's type: the PDF's, italic under the chart.
var fontCaption = Font{fonts.Italic, 9.5}

// captionGap is the space between a chart and its caption, as in the PDF.
const captionGap = 1.5

// figure is a chart with its caption under it, laid out w millimetres
// wide: what the PDF draws for a chart paragraph ![caption](chart:NAME),
// without the page breaks.
type figure struct {
	parts   []Part
	caption []textLine
	title   string // the caption, clean, for the SVG's <title>
	w, h    float64
}

// newFigure lays out the named chart of r and its caption w points wide.
// Its texts are cleaned for the fonts as the PDF cleans them, without
// the report of what was replaced (the PDF gives that).
func newFigure(r *pipeline.Report, name, caption string, w float64) (*figure, error) {
	if r == nil {
		return nil, errors.New("no report to draw a chart of")
	}
	if !(w > 0) || math.IsInf(w, 0) {
		return nil, fmt.Errorf("chart %s: the width must be a positive number of points, not %v", name, w)
	}
	if err := fonts.Check(); err != nil {
		return nil, err
	}
	cov, _ := fonts.Coverage()
	clean := func(s string) string { return cov.Clean(s, nil) }
	c, err := New(r, name, clean)
	if err != nil {
		return nil, err
	}
	f := &figure{w: w * ptMM, title: clean(caption)}
	f.parts = c.Parts(f.w)
	for _, p := range f.parts {
		f.h += p.H
	}
	if f.title != "" {
		f.caption = wrap(f.title, fontCaption, f.w)
		f.h += captionGap + float64(len(f.caption))*lineHeight(fontCaption.Size)
	}
	return f, nil
}

// size is the figure's size in points.
func (f *figure) size() Size { return Size{W: f.w / ptMM, H: f.h / ptMM} }

// draw draws the parts one under the other from the top left corner,
// then the caption.
func (f *figure) draw(c Canvas) {
	y := 0.0
	for _, p := range f.parts {
		p.Draw(c, 0, y, f.w)
		y += p.H
	}
	if len(f.caption) > 0 {
		drawLines(c, f.caption, 0, y+captionGap, lineHeight(fontCaption.Size), fontCaption, colorText)
	}
}
