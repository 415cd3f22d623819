package pdf

import (
	"coopreport/pipeline/render/mdtree"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"coopreport/pipeline"
)

// walker draws the Markdown's syntax tree into the document, block by
// block, in one pass. The table of contents needs the pages of headings
// that come after it, so Write runs passes until the pages stop moving;
// pages holds what the previous pass found.
type walker struct {
	d     *doc
	s     *source
	r     *pipeline.Report
	pages []int // page of each heading in the previous pass; nil in the first
	got   []int // page of each heading in this pass
	links []int // fpdf link of each heading, the table of contents' targets
	next  int   // index of the next heading in s.heads

	cover      bool // drawing the cover
	coverTitle bool // the cover's title has been drawn
	tocDone    bool
	pageBreak  bool   // a page break waits for the next block
	level      int    // outline level of the last bookmark; -1 before the first
	section    string // text of the last heading, for tables without a caption
	b          box
	lk         look // the look of paragraphs here
	tight      bool // inside a tight list: items without paragraph gaps
	listDepth  int
	tables     map[*east.Table]*table // laid out ahead, by keepAfter
	// turned is how much wider than a portrait page's the box is while a
	// wide table and what leads to it are drawn on landscape pages; 0
	// otherwise.
	turned float64
	// turnBack: the page may be a landscape one, which the next heading
	// does not start on.
	turnBack bool
	// marker draws a list item's number or bullet beside the first line
	// of the item; nil once drawn.
	marker func(y, h float64)
}

func newWalker(d *doc, s *source, r *pipeline.Report, pages []int) *walker {
	w := &walker{d: d, s: s, r: r, pages: pages, level: -1, lk: lookBody}
	w.got = make([]int, len(s.heads))
	w.b = box{left: marginLeft, width: d.contentW()}
	return w
}

// draw draws the whole document.
func (w *walker) draw() error {
	d := w.d
	for range w.s.heads {
		w.links = append(w.links, d.pdf.AddLink())
	}
	d.coverEnd = 0
	if w.s.hasCover {
		w.cover, w.lk = true, lookCover
		d.coverEnd = math.MaxInt
	}
	d.pdf.AddPage()
	if w.cover {
		d.pdf.SetY(d.pageH * 0.2)
	}
	return w.blocks(w.s.root)
}

func (w *walker) blocks(parent ast.Node) error {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if err := w.block(n); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) block(n ast.Node) error {
	if h, ok := n.(*ast.Heading); ok {
		w.turnAt(h)
	}
	if _, ok := n.(*ast.HTMLBlock); !ok {
		w.breakPage()
	}
	switch n := n.(type) {
	case *ast.Heading:
		w.heading(n)
	case *ast.Paragraph, *ast.TextBlock:
		return w.paragraph(n)
	case *ast.List:
		return w.list(n)
	case *ast.Blockquote:
		return w.quote(n)
	case *ast.ThematicBreak:
		w.d.rule(w.b)
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		w.code(n)
	case *ast.HTMLBlock:
		w.directive(n)
	case *east.Table:
		w.table(n)
	default:
		return w.blocks(n)
	}
	return nil
}

// breakPage starts the page a "<!-- page-break -->" asked for, once
// there is something to put on it: page breaks in a row, or at the end,
// make no empty pages.
func (w *walker) breakPage() {
	if w.pageBreak {
		w.pageBreak = false
		if !w.d.atTop() || w.d.pdf.PageNo() <= w.d.coverEnd {
			w.d.addPage()
		}
	}
}

// gap puts space before a block, except before the first block of a list
// item, which starts beside its marker.
func (w *walker) gap(h float64) {
	if w.marker == nil {
		w.d.space(h)
	}
}

// paraGap is the space between paragraphs here.
func (w *walker) paraGap() float64 {
	if w.tight {
		return gapItem
	}
	return gapPara
}

// deco draws what stands beside a line: quote bars and a pending list marker.
func (w *walker) deco(y, h float64) {
	w.d.quoteBars(w.b, y, h)
	if w.marker != nil {
		m := w.marker
		w.marker = nil
		m(y, h)
	}
}

// spans returns a node's inline content checked against the fonts.
func (w *walker) spans(n ast.Node, st style) []span {
	line := w.s.lineOf(n)
	var out []span
	w.s.inline(n, st, func(text string, st style, code bool, link string, at int) {
		if text == "" {
			return
		}
		if at >= 0 {
			line = w.s.line(at)
		}
		s := span{text: w.d.g.clean(text, whereLine(line)), st: st, code: code, link: link}
		if k := len(out); k > 0 && out[k-1].sameLook(s) {
			out[k-1].text += s.text
			return
		}
		out = append(out, s)
	})
	return out
}

func blank(spans []span) bool {
	for _, s := range spans {
		if strings.TrimSpace(s.text) != "" {
			return false
		}
	}
	return true
}

func (w *walker) paragraph(n ast.Node) error {
	if mdtree.IsCaption(n) {
		return nil // the table draws it
	}
	if img := mdtree.StandaloneChart(n); img != nil {
		return w.chart(img)
	}
	spans := w.spans(n, 0)
	if blank(spans) && w.marker == nil {
		return nil // only raw HTML
	}
	w.gap(w.paraGap())
	w.d.flow(w.d.layout(spans, w.b.width, w.lk.size), w.b, w.lk, "L", w.deco)
	return nil
}

func (w *walker) heading(n *ast.Heading) {
	d, p := w.d, w.d.pdf
	i := w.next
	w.next++
	h := w.s.heads[i]
	text := d.g.clean(h.text, w.s.where(n))
	lk := headingLooks[min(n.Level, len(headingLooks))-1]
	title := w.cover && !w.coverTitle && n.Level == 1
	if title {
		lk, w.coverTitle = lookCoverTitle, true
	}
	lines := d.layout(w.spans(n, bold), w.b.width, lk.size)
	height := float64(len(lines))*lk.line + lk.after
	if !d.atTop() && !d.ensure(lk.before+height+w.keepAfter(n)) {
		w.gap(lk.before)
	}
	level := min(n.Level-1, w.level+1)
	w.level = level
	d.bookmark(text, level)
	p.SetLink(w.links[i], p.GetY(), -1)
	w.got[i] = p.PageNo()
	d.flow(lines, w.b, lk, "L", w.deco)
	y := p.GetY()
	switch {
	case title:
		p.SetDrawColor(colorHead[0], colorHead[1], colorHead[2])
		p.SetLineWidth(1.2)
		p.Line(w.b.left, y+2, w.b.left+50, y+2)
		y += 4
	case n.Level == 1:
		p.SetDrawColor(170, 182, 200)
		p.SetLineWidth(0.35)
		p.Line(w.b.left, y+0.8, w.b.left+w.b.width, y+0.8)
		y += 0.8
	}
	p.SetDrawColor(0, 0, 0)
	p.SetY(y + lk.after)
	w.section = text
}

// keepAfter is how much of what follows heading n must fit on the page
// with it, so that a heading never ends a page.
func (w *walker) keepAfter(n ast.Node) float64 {
	return min(w.keep(n.NextSibling(), 0), 0.6*w.d.bodyH(w.d.onLandscape()))
}

func (w *walker) keep(n ast.Node, depth int) float64 {
	for n != nil {
		hb, ok := n.(*ast.HTMLBlock)
		if !ok {
			break
		}
		if w.s.directive(hb) == "page-break" {
			return 0
		}
		n = n.NextSibling()
	}
	switch n := n.(type) {
	case nil:
		return 0
	case *ast.Heading:
		lk := headingLooks[min(n.Level, len(headingLooks))-1]
		h := lk.before + lk.line + lk.after
		if depth < 3 {
			h += w.keep(n.NextSibling(), depth+1)
		}
		return h
	case *east.Table:
		return gapTable + w.prepare(n).leadHeight()
	case *ast.Paragraph, *ast.TextBlock:
		if mdtree.IsCaption(n) {
			return gapTable + w.prepare(n.NextSibling().(*east.Table)).leadHeight()
		}
		if img := mdtree.StandaloneChart(n); img != nil {
			name, _ := mdtree.ChartName(img)
			if fig, err := makeChart(name, w.r, &glyphs{cov: w.d.g.cov}); err == nil {
				if parts := fig.Parts(w.b.width); len(parts) > 0 {
					return gapTable + parts[0].H
				}
			}
		}
	}
	return 2 * lineBody
}

func (w *walker) list(n *ast.List) error {
	d := w.d
	w.gap(w.paraGap())
	outerTight, outerBox := w.tight, w.b
	defer func() { w.tight, w.b = outerTight, outerBox }()
	w.tight = n.IsTight
	var markers []string
	i := 0
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		if n.IsOrdered() {
			markers = append(markers, fmt.Sprintf("%d.", n.Start+i))
		} else {
			markers = append(markers, bullets[w.listDepth%len(bullets)])
		}
		i++
	}
	markerW := 0.0
	for _, m := range markers {
		markerW = max(markerW, d.textW(m, 0, w.lk.size))
	}
	indent := max(markerW+2.2, 5.5)
	w.listDepth++
	defer func() { w.listDepth-- }()
	i = 0
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		if i > 0 {
			d.space(w.paraGap())
		}
		w.b = outerBox.indent(indent)
		// The marker hangs left of the item's text, wherever that is.
		m, lk, left := d.layout(plainSpans(markers[i], 0), indent, w.lk.size)[0], w.lk, w.b.left-indent
		w.marker = func(y, _ float64) {
			d.drawLine(m, left, y, indent-2.2, lk.line, lk.size, "R", lk.color)
		}
		if err := w.blocks(item); err != nil {
			return err
		}
		if w.marker != nil { // an empty item: its marker alone
			d.ensure(w.lk.line)
			y := d.pdf.GetY()
			w.deco(y, w.lk.line)
			d.pdf.SetY(y + w.lk.line)
		}
		i++
	}
	return nil
}

// bullets are the list markers by depth.
var bullets = []string{"•", "–", "◦"}

func (w *walker) quote(n *ast.Blockquote) error {
	w.gap(w.paraGap())
	outerBox, outerLook := w.b, w.lk
	defer func() { w.b, w.lk = outerBox, outerLook }()
	w.b = outerBox.indent(5)
	w.b.bars = append(slices.Clone(outerBox.bars), outerBox.left+1.2)
	w.lk.color = [3]int{70, 70, 70}
	return w.blocks(n)
}

func (w *walker) code(n ast.Node) {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(w.s.text))
	}
	text := w.d.g.clean(strings.TrimRight(b.String(), "\n"), w.s.where(n))
	lk := look{size: sizeTable, line: lineTable + 0.3, color: colorCode}
	w.gap(w.paraGap())
	w.d.flow(w.d.layout([]span{{text: text, code: true}}, w.b.width, lk.size), w.b, lk, "L", w.deco)
}

func (w *walker) directive(n *ast.HTMLBlock) {
	d := w.d
	switch w.s.directive(n) {
	case "page-break":
		if w.cover {
			w.cover, w.lk = false, lookBody
			d.coverEnd = d.pdf.PageNo()
		}
		w.pageBreak = true
	case "toc":
		if !w.tocDone {
			w.breakPage()
			w.tocDone = true
			w.toc(n)
		}
	}
}

func (w *walker) table(n *east.Table) {
	t := w.prepare(n)
	if t.landscape && w.turned == 0 {
		w.turn()
	}
	w.gap(gapTable)
	if t.caption == "" {
		t.setRunning(w.section) // the section it is drawn in
	}
	t.draw()
	if t.landscape {
		// What follows the table, up to the next heading, is drawn
		// below it, as on a portrait page; the pages it goes on to
		// are portrait ones.
		w.d.landscape = false
		w.b.width -= w.turned
		w.turned, w.turnBack = 0, true
	}
	w.d.space(gapTable)
}

// turnAt turns the pages at heading h: to portrait ones after a wide
// table, and to landscape ones when h leads to a wide table.
func (w *walker) turnAt(h *ast.Heading) {
	if w.turnBack {
		w.turnBack = false
		if w.d.onLandscape() {
			w.pageBreak = true
		}
	}
	if w.turned == 0 && w.leadsToWide(h) {
		w.turn()
	}
}

// turn starts a landscape page for a wide table, and widens the box to
// it.
func (w *walker) turn() {
	d := w.d
	w.pageBreak = false // the landscape page is the new page
	d.landscape = true
	if !d.onLandscape() || !d.atTop() {
		d.addPage()
	}
	pw, ph := d.pageOf(false)
	w.turned = ph - pw
	w.b.width += w.turned
}

// leadsToWide reports whether heading h leads to a table drawn on
// landscape pages, with nothing in between but headings, the table's
// caption and a paragraph or two, which go on its first page with it.
func (w *walker) leadsToWide(h *ast.Heading) bool {
	t := mdtree.TableLedTo(h, w.s.text)
	return t != nil && w.prepare(t).landscape
}

// prepare lays out table n once, for keepAfter and for drawing.
func (w *walker) prepare(n *east.Table) *table {
	if t, ok := w.tables[n]; ok {
		return t
	}
	d := w.d
	caption := ""
	if prev := n.PreviousSibling(); prev != nil && mdtree.IsCaption(prev) {
		caption = d.g.clean(w.s.plain(prev), w.s.where(prev))
	}
	cols := len(n.Alignments)
	var header []cellText
	var rows [][]cellText
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []cellText
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, w.spans(c, 0))
		}
		cols = max(cols, len(cells))
		if _, ok := r.(*east.TableHeader); ok {
			header = cells
		} else {
			rows = append(rows, cells)
		}
	}
	for len(header) < cols {
		header = append(header, nil)
	}
	aligns := make([]string, cols)
	for i := range aligns {
		aligns[i] = "L"
		if i < len(n.Alignments) {
			switch n.Alignments[i] {
			case east.AlignRight:
				aligns[i] = "R"
			case east.AlignCenter:
				aligns[i] = "C"
			}
		}
	}
	// The box of a portrait page: the table decides whether it turns.
	b := w.b
	b.width -= w.turned
	t := d.newTable(b, caption, caption, aligns, header, rows)
	if w.tables == nil {
		w.tables = map[*east.Table]*table{}
	}
	w.tables[n] = t
	return t
}

func (w *walker) chart(img *ast.Image) error {
	d, p := w.d, w.d.pdf
	name, _ := mdtree.ChartName(img)
	fig, err := makeChart(name, w.r, d.g)
	if err != nil {
		return fmt.Errorf("%s: %w", w.s.where(img.Parent()), err)
	}
	var caption []line
	if alt := w.s.plain(img); alt != "" {
		caption = d.layout(plainSpans(d.g.clean(alt, w.s.where(img.Parent())), italic), w.b.width, sizeCaption)
	}
	capLook := look{size: sizeCaption, line: lineHeight(sizeCaption), color: colorText}
	capH := float64(len(caption))*capLook.line + 1.5
	parts := fig.Parts(w.b.width)
	w.gap(gapTable)
	for i, pt := range parts {
		need := pt.H
		if i == len(parts)-1 {
			need += capH
		}
		d.ensure(need)
		y := p.GetY()
		pt.Draw(&chartCanvas{d: d}, w.b.left, y, w.b.width)
		p.SetY(y + pt.H)
		d.resetStyle()
	}
	if len(caption) > 0 {
		p.SetY(p.GetY() + 1.5)
		d.flow(caption, w.b, capLook, "L", nil)
	}
	d.space(gapTable)
	return nil
}
