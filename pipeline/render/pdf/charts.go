package pdf

import (
	"coopreport/pipeline"
	"coopreport/pipeline/render/chartdraw"
)

// makeChart returns the named chart, its texts checked against the fonts
// (what they lack is reported as in "chart NAME"). The name was checked
// when the Markdown was read.
func makeChart(name string, r *pipeline.Report, g *glyphs) (chartdraw.Chart, error) {
	where := "chart " + name
	return chartdraw.New(r, name, func(s string) string { return g.clean(s, where) })
}

// chartCanvas draws a chart on the current page of d. It sets a colour
// or a line width only when it changes, as the charts' own code did when
// it called fpdf itself.
type chartCanvas struct {
	d             *doc
	fill, draw    chartdraw.Color
	width         float64
	filled, drawn bool // fill and draw hold the colours set
}

func (c *chartCanvas) setFill(col chartdraw.Color) {
	if !c.filled || c.fill != col {
		c.d.pdf.SetFillColor(int(col.R), int(col.G), int(col.B))
		c.fill, c.filled = col, true
	}
}

func (c *chartCanvas) Rect(x, y, w, h float64, col chartdraw.Color) {
	c.setFill(col)
	c.d.pdf.Rect(x, y, w, h, "F")
}

func (c *chartCanvas) Dot(x, y, r float64, col chartdraw.Color) {
	c.setFill(col)
	c.d.pdf.Circle(x, y, r, "F")
}

func (c *chartCanvas) Line(x1, y1, x2, y2, width float64, col chartdraw.Color) {
	p := c.d.pdf
	if !c.drawn || c.draw != col {
		p.SetDrawColor(int(col.R), int(col.G), int(col.B))
		c.draw, c.drawn = col, true
	}
	if c.width != width {
		p.SetLineWidth(width)
		c.width = width
	}
	p.Line(x1, y1, x2, y2)
}

func (c *chartCanvas) Text(x, y float64, s string, f chartdraw.Font, col chartdraw.Color, a chartdraw.Anchor) {
	p := c.d.pdf
	p.SetFont(family, fpdfStyle(f.Style), f.Size)
	p.SetTextColor(int(col.R), int(col.G), int(col.B))
	p.Text(chartdraw.Left(x, s, f, a), y, s)
	p.SetTextColor(0, 0, 0)
}
