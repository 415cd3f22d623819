package chartdraw

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"

	"coopreport/pipeline"
	"coopreport/pipeline/render/fonts"
)

// SVG draws the named chart of r ("activities-by-country",
// "money-by-bucket", "agreements-timeline") with its caption under it,
// as the PDF draws a chart paragraph ![caption](chart:NAME), and as the
// SVG's <title>. It returns one <svg> element (no XML declaration, no
// scripts, no external references), w points wide, its height following
// the layout, and its size. The text names the fonts' family with a
// generic fallback; each text is anchored where the layout aligns it, so
// right-aligned and centred labels stay in place in another font.
func SVG(r *pipeline.Report, name, caption string, w float64) ([]byte, Size, error) {
	f, err := newFigure(r, name, caption, w)
	if err != nil {
		return nil, Size{}, err
	}
	sz := f.size()
	c := &svgCanvas{}
	b := &c.b
	// Coordinates are the layout's millimetres (viewBox); the size is
	// given in points.
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%spt" height="%spt" viewBox="0 0 %s %s" role="img" font-family="%s, Arial, sans-serif">`,
		num(sz.W), num(sz.H), num(f.w), num(f.h), fonts.Family)
	if f.title != "" {
		b.WriteString("<title>")
		escape(b, f.title)
		b.WriteString("</title>")
	}
	fmt.Fprintf(b, "\n"+`<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", num(f.w), num(f.h))
	f.draw(c)
	b.WriteString("</svg>\n")
	return b.Bytes(), sz, nil
}

// svgCanvas writes SVG elements.
type svgCanvas struct{ b bytes.Buffer }

func (c *svgCanvas) Rect(x, y, w, h float64, col Color) {
	fmt.Fprintf(&c.b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", num(x), num(y), num(w), num(h), hex(col))
}

func (c *svgCanvas) Line(x1, y1, x2, y2, width float64, col Color) {
	fmt.Fprintf(&c.b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"/>`+"\n",
		num(x1), num(y1), num(x2), num(y2), hex(col), num(width))
}

func (c *svgCanvas) Dot(x, y, r float64, col Color) {
	fmt.Fprintf(&c.b, `<circle cx="%s" cy="%s" r="%s" fill="%s"/>`+"\n", num(x), num(y), num(r), hex(col))
}

func (c *svgCanvas) Text(x, y float64, s string, f Font, col Color, a Anchor) {
	b := &c.b
	fmt.Fprintf(b, `<text x="%s" y="%s" font-size="%s" fill="%s"`, num(x), num(y), num(f.Size*ptMM), hex(col))
	if f.Style&fonts.Bold != 0 {
		b.WriteString(` font-weight="bold"`)
	}
	if f.Style&fonts.Italic != 0 {
		b.WriteString(` font-style="italic"`)
	}
	switch a {
	case Middle:
		b.WriteString(` text-anchor="middle"`)
	case End:
		b.WriteString(` text-anchor="end"`)
	}
	b.WriteString(">")
	escape(b, s)
	b.WriteString("</text>\n")
}

// escape writes s as XML character data: & < > and quotes escaped, and
// line breaks as character references, so that the text is the same in
// XML and in HTML.
func escape(b *bytes.Buffer, s string) {
	xml.EscapeText(b, []byte(s)) // writing to a bytes.Buffer does not fail
}

// num writes a length to a thousandth of a millimetre, without trailing
// zeros: short, and the same on every machine.
func num(v float64) string {
	v = math.Round(v*1000) / 1000
	if v == 0 {
		v = 0 // not -0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func hex(c Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
