package chartdraw

import (
	"strings"

	"coopreport/pipeline/render/fonts"
)

// Canvas is what a chart is drawn on. Coordinates are in millimetres from
// the top left corner, y growing downwards, as the PDF's page has them.
//
// Text is measured by the chart (Width), not by the canvas: the layout is
// made once, with the fonts' own widths, and every canvas draws it as
// made, so the PDF, the SVG and the PNG cannot disagree on where a label
// ends.
type Canvas interface {
	// Rect fills a rectangle.
	Rect(x, y, w, h float64, c Color)
	// Line strokes a line width millimetres wide, with butt ends.
	Line(x1, y1, x2, y2, width float64, c Color)
	// Dot fills a circle of radius r.
	Dot(x, y, r float64, c Color)
	// Text draws clean s on the baseline y: starting at x, ending at x
	// (End) or centred on x (Middle).
	Text(x, y float64, s string, f Font, c Color, a Anchor)
}

// Color is an RGB colour.
type Color struct{ R, G, B uint8 }

// Font is a style of the fonts at a size in points.
type Font struct {
	Style fonts.Style
	Size  float64
}

// Anchor is where on a text its x is.
type Anchor uint8

const (
	Start Anchor = iota
	Middle
	End
)

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// Width returns the width of clean s in font f, in millimetres: the
// same numbers the PDF lays its text out by (fonts.Units).
func Width(s string, f Font) float64 {
	return float64(fonts.Units(s, f.Style)) * f.Size * ptMM / 1000
}

// Left returns where text anchored at x with a starts.
func Left(x float64, s string, f Font, a Anchor) float64 {
	switch a {
	case End:
		return x - Width(s, f)
	case Middle:
		return x - Width(s, f)/2
	}
	return x
}

// lineHeight is the line height for a type size, in millimetres: in the
// proportion of the PDF's body text, 9.5 points on 4.6 millimetres.
func lineHeight(size float64) float64 { return size * 4.6 / 9.5 }

// textLine is one line of wrapped text and its width.
type textLine struct {
	text string
	w    float64
}

// wrap breaks clean s into lines of at most width millimetres, as the
// PDF breaks its paragraphs: greedily at spaces, a word wider than a line
// cut between characters, "\n" a forced break. It returns at least one
// line.
func wrap(s string, f Font, width float64) []textLine {
	// A hair of tolerance: a line as wide as its longest word must not
	// cut that word for a rounding error.
	width += 1e-6
	var (
		lines []textLine
		cur   textLine
		has   bool   // cur has text
		space = -1.0 // the width of the space before the next word; < 0 none
	)
	newLine := func(force bool) {
		if has || force {
			lines = append(lines, cur)
		}
		cur, has, space = textLine{}, false, -1
	}
	add := func(t string, w float64) {
		cur.text += t
		cur.w += w
		has = true
	}
	addWord := func(word string) {
		w := Width(word, f)
		sp := 0.0
		if has && space >= 0 {
			sp = space
		}
		if has && cur.w+sp+w > width {
			newLine(false)
			sp = 0
		}
		if !has && w > width {
			for _, r := range word {
				c := string(r)
				cw := Width(c, f)
				if has && cur.w+cw > width {
					newLine(false)
				}
				add(c, cw)
			}
			space = -1
			return
		}
		if sp > 0 {
			add(" ", sp)
		}
		space = -1
		add(word, w)
	}
	for t := s; t != ""; {
		i := strings.IndexAny(t, " \n")
		if i < 0 {
			addWord(t)
			break
		}
		if i > 0 {
			addWord(t[:i])
		}
		if t[i] == '\n' {
			newLine(true)
		} else if has && space < 0 {
			space = Width(" ", f)
		}
		t = t[i+1:]
	}
	if has || len(lines) == 0 {
		newLine(true)
	}
	return lines
}

// drawLines draws lines one under the other from y, lh apart, and returns
// the y below them.
func drawLines(c Canvas, lines []textLine, x, y, lh float64, f Font, col Color) float64 {
	for _, l := range lines {
		if l.text != "" {
			c.Text(x, y+lh/2+0.3*f.Size*ptMM, l.text, f, col, Start)
		}
		y += lh
	}
	return y
}
