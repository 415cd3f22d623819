package docx

import (
	"coopreport/pipeline/render/mdtree"
	"fmt"
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// emu is English Metric Units per point, DrawingML's unit.
const emu = 12700

// chart writes a chart as a picture, as wide as the page at most, with
// its caption below it (in the Caption style), as in the PDF.
func (b *body) chart(para ast.Node, img *ast.Image) error {
	name, _ := mdtree.ChartName(img)
	caption := b.s.plain(img)
	if b.opt.Chart != nil {
		maxW := float64(b.pg.bodyW()) / 20
		png, w, h, err := b.opt.Chart(name, caption, maxW)
		if err != nil {
			return fmt.Errorf("report text, line %d: chart %q: %w", b.s.lineOf(para), name, err)
		}
		if w > maxW {
			w, h = maxW, h*maxW/w
		}
		b.picture(png, w, h, caption)
	}
	if caption != "" {
		b.para(pprops{style: "Caption", before: -1}, func() { b.run(caption, look{}) })
	}
	return nil
}

// picture writes a paragraph holding a PNG, w × h points, kept with the
// caption after it.
func (b *body) picture(png []byte, w, h float64, descr string) {
	b.pics++
	id := strconv.Itoa(b.pics)
	m := media{name: "media/chart" + id + ".png", rid: "rId" + strconv.Itoa(b.rid), data: png}
	b.rid++
	b.media = append(b.media, m)
	cx, cy := strconv.Itoa(int(w*emu+0.5)), strconv.Itoa(int(h*emu+0.5))
	x := &b.x
	b.para(pprops{style: "Normal", keepNext: true, before: 120}, func() {
		x.start("w:r")
		x.start("w:drawing")
		x.start("wp:inline", "distT", "0", "distB", "0", "distL", "0", "distR", "0")
		x.empty("wp:extent", "cx", cx, "cy", cy)
		x.empty("wp:effectExtent", "l", "0", "t", "0", "r", "0", "b", "0")
		x.empty("wp:docPr", "id", id, "name", words.F(b.l, "Chart %s", id), "descr", descr)
		x.start("wp:cNvGraphicFramePr")
		x.empty("a:graphicFrameLocks", "noChangeAspect", "1")
		x.end("wp:cNvGraphicFramePr")
		x.start("a:graphic")
		x.start("a:graphicData", "uri", nsPic)
		x.start("pic:pic")
		x.start("pic:nvPicPr")
		x.empty("pic:cNvPr", "id", id, "name", "chart"+id+".png", "descr", descr)
		x.empty("pic:cNvPicPr")
		x.end("pic:nvPicPr")
		x.start("pic:blipFill")
		x.empty("a:blip", "r:embed", m.rid)
		x.start("a:stretch")
		x.empty("a:fillRect")
		x.end("a:stretch")
		x.end("pic:blipFill")
		x.start("pic:spPr")
		x.start("a:xfrm")
		x.empty("a:off", "x", "0", "y", "0")
		x.empty("a:ext", "cx", cx, "cy", cy)
		x.end("a:xfrm")
		x.start("a:prstGeom", "prst", "rect")
		x.empty("a:avLst")
		x.end("a:prstGeom")
		x.end("pic:spPr")
		x.end("pic:pic")
		x.end("a:graphicData")
		x.end("a:graphic")
		x.end("wp:inline")
		x.end("w:drawing")
		x.end("w:r")
	})
}

// lineOf returns the line a block starts on, for messages.
func (s *source) lineOf(n ast.Node) int { return mdtree.NewLines(s.text).Of(n) }
