package chartdraw

// The PNG is drawn with golang.org/x/image: opentype rasterizes the
// glyphs from the embedded fonts and vector fills the shapes, both
// antialiased. Font rasterizing and antialiased shapes are what a
// well-kept library does better than code of ours would.

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"sync"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"coopreport/pipeline"
	"coopreport/pipeline/render/fonts"
)

// maxPixels is the most pixels a side of a PNG may have: a chart at print
// resolution is a few thousand; more is a mistake in w or dpi.
const maxPixels = 20000

// PNG draws the same chart as SVG as a PNG image w points wide at dpi
// dots per inch (its pixel size is the size in points times dpi/72,
// rounded), antialiased on a white background, and returns it and its
// size in points. The PNG holds no time or other varying data: the same
// report gives the same bytes.
func PNG(r *pipeline.Report, name, caption string, w float64, dpi int) ([]byte, Size, error) {
	if dpi <= 0 {
		return nil, Size{}, fmt.Errorf("chart %s: the resolution must be a positive number of dots per inch, not %d", name, dpi)
	}
	f, err := newFigure(r, name, caption, w)
	if err != nil {
		return nil, Size{}, err
	}
	sz := f.size()
	pw, ph := math.Round(sz.W*float64(dpi)/72), math.Round(sz.H*float64(dpi)/72)
	if pw < 1 || ph < 1 || pw > maxPixels || ph > maxPixels {
		return nil, Size{}, fmt.Errorf("chart %s: %v × %v points at %d dpi is %v × %v pixels; a side must have 1 to %d", name, sz.W, sz.H, dpi, pw, ph, maxPixels)
	}
	img := image.NewRGBA(image.Rect(0, 0, int(pw), int(ph)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	c := &pngCanvas{img: img, k: float64(dpi) / 25.4, dpi: float64(dpi), faces: map[Font]font.Face{}}
	f.draw(c)
	if c.err != nil {
		return nil, Size{}, fmt.Errorf("chart %s: %w", name, c.err)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, Size{}, err
	}
	return b.Bytes(), sz, nil
}

// pngCanvas draws on an image, k pixels to the millimetre.
type pngCanvas struct {
	img   *image.RGBA
	k     float64
	dpi   float64
	z     vector.Rasterizer
	faces map[Font]font.Face // looked up, never ranged over
	err   error              // the first error; drawing goes on
}

// fill fills the path that path draws, in pixels, with col. The
// rasterizer covers the path's bounding box only.
func (c *pngCanvas) fill(pts [][2]float64, col Color, path func(z *vector.Rasterizer, dx, dy float32)) {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		x0, y0 = min(x0, p[0]), min(y0, p[1])
		x1, y1 = max(x1, p[0]), max(y1, p[1])
	}
	r := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1))).Intersect(c.img.Bounds())
	if r.Empty() {
		return
	}
	c.z.Reset(r.Dx(), r.Dy())
	c.z.DrawOp = draw.Over
	path(&c.z, float32(r.Min.X), float32(r.Min.Y))
	c.z.Draw(c.img, r, image.NewUniform(rgba(col)), image.Point{})
}

// polygon fills the polygon of pts, in pixels.
func (c *pngCanvas) polygon(pts [][2]float64, col Color) {
	c.fill(pts, col, func(z *vector.Rasterizer, dx, dy float32) {
		for i, p := range pts {
			x, y := float32(p[0])-dx, float32(p[1])-dy
			if i == 0 {
				z.MoveTo(x, y)
			} else {
				z.LineTo(x, y)
			}
		}
		z.ClosePath()
	})
}

func (c *pngCanvas) Rect(x, y, w, h float64, col Color) {
	x0, y0, x1, y1 := x*c.k, y*c.k, (x+w)*c.k, (y+h)*c.k
	c.polygon([][2]float64{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, col)
}

func (c *pngCanvas) Line(x1, y1, x2, y2, width float64, col Color) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	// The line is a rectangle width wide along it (butt ends).
	nx, ny := -dy/l*width/2, dx/l*width/2
	k := c.k
	c.polygon([][2]float64{
		{(x1 + nx) * k, (y1 + ny) * k}, {(x2 + nx) * k, (y2 + ny) * k},
		{(x2 - nx) * k, (y2 - ny) * k}, {(x1 - nx) * k, (y1 - ny) * k},
	}, col)
}

func (c *pngCanvas) Dot(x, y, r float64, col Color) {
	cx, cy, rr := x*c.k, y*c.k, r*c.k
	// Four cubic Béziers, each a quarter of the circle.
	const kappa = 0.5522847498
	c.fill([][2]float64{{cx - rr, cy - rr}, {cx + rr, cy + rr}}, col, func(z *vector.Rasterizer, dx, dy float32) {
		px, py, pr := float32(cx)-dx, float32(cy)-dy, float32(rr)
		kr := pr * kappa
		z.MoveTo(px+pr, py)
		z.CubeTo(px+pr, py+kr, px+kr, py+pr, px, py+pr)
		z.CubeTo(px-kr, py+pr, px-pr, py+kr, px-pr, py)
		z.CubeTo(px-pr, py-kr, px-kr, py-pr, px, py-pr)
		z.CubeTo(px+kr, py-pr, px+pr, py-kr, px+pr, py)
		z.ClosePath()
	})
}

// Text draws s glyph by glyph, each at the place the layout's widths
// give it (no kerning, as in the PDF).
func (c *pngCanvas) Text(x, y float64, s string, f Font, col Color, a Anchor) {
	face, err := c.face(f)
	if err != nil {
		if c.err == nil {
			c.err = err
		}
		return
	}
	src := image.NewUniform(rgba(col))
	left := Left(x, s, f, a)
	base := fixed.Int26_6(math.Round(y * c.k * 64))
	units := 0
	for _, r := range s {
		px := (left + float64(units)*f.Size*ptMM/1000) * c.k
		dot := fixed.Point26_6{X: fixed.Int26_6(math.Round(px * 64)), Y: base}
		if dr, mask, mp, _, ok := face.Glyph(dot, r); ok {
			draw.DrawMask(c.img, dr, src, image.Point{}, mask, mp, draw.Over)
		}
		units += fonts.Units(string(r), f.Style)
	}
}

// face returns the font face of f at the canvas's resolution.
func (c *pngCanvas) face(f Font) (font.Face, error) {
	if face, ok := c.faces[f]; ok {
		return face, nil
	}
	ot, err := parsed(f.Style)
	if err != nil {
		return nil, err
	}
	face, err := opentype.NewFace(ot, &opentype.FaceOptions{Size: f.Size, DPI: c.dpi, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	c.faces[f] = face
	return face, nil
}

var (
	parseOnce [4]sync.Once
	parsedOT  [4]*opentype.Font
	parseErr  [4]error
)

// parsed returns the font of style st, parsed once: a parsed font is
// safe for concurrent use (each face has its own buffers).
func parsed(st fonts.Style) (*opentype.Font, error) {
	i := st & 3
	parseOnce[i].Do(func() { parsedOT[i], parseErr[i] = opentype.Parse(fonts.TTF(st)) })
	return parsedOT[i], parseErr[i]
}

func rgba(c Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 0xff} }
