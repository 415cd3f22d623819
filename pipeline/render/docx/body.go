package docx

import (
	"coopreport/pipeline/lang"
	"coopreport/pipeline/render/mdtree"
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// tocHeading is a heading the table of contents lists.
type tocHeading struct {
	level    int
	text     string
	bookmark string
}

// media is a picture of the package.
type media struct {
	name string // under word/
	rid  string
	data []byte
}

// num is a list of numbering.xml: bullets (abstract 0) share one; each
// numbered list (abstract 1) has its own, to start at its first number.
type num struct {
	abstract, level, start int
}

// item is the list item being written: its first paragraph carries the
// number or bullet, the others are indented to its text.
type item struct {
	numID, level int
	first        bool
}

// pprops are the paragraph properties the body sets, written in the
// schema's order by ppr.
type pprops struct {
	style      string
	keepNext   bool
	pageBreak  bool
	numID, lvl int // numID 0: no number
	before     int // space before in twips; -1: the style's
	indent     int // left indent in twips; 0: the style's
	jc         string
	// sectionEnd makes the paragraph the end of a section, an empty one
	// a point high, as small as Word lets it be.
	sectionEnd func()
}

// body writes document.xml by walking the Markdown's syntax tree, block
// by block, in the order the PDF draws it (pipeline/render/pdf,
// walker.go).
type body struct {
	s   *source
	pg  page
	opt Options
	x   xw
	l   lang.Lang // the language of the words the writer writes itself

	tableAt map[*east.Table]int // each table's place in document order, to find it in opt.Landscape

	toc          []tocHeading
	marks        map[ast.Node]int // index in toc of each heading it lists
	firstHeading string
	hasCover     bool

	media []media
	links []string // destinations of external links, by relationship
	nums  []num    // w:num 1, 2, …
	rid   int      // the next free relationship number
	pics  int

	cover, coverTitle bool
	tocDone           bool
	pendingBreak      bool
	quote             int
	item              *item
	level             int // list depth
	lastTable         bool
	// landscape: the section being written has landscape pages, for a
	// wide table; turnBack: that table is written, and the next heading
	// or page break returns to portrait pages.
	landscape, turnBack bool
	wide                bool // some section has landscape pages
}

func newBody(s *source, pg page, opt Options) *body {
	b := &body{s: s, pg: pg, opt: opt, rid: ridFirstFree, marks: map[ast.Node]int{}, tableAt: map[*east.Table]int{}}
	ast.Walk(s.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering {
			b.tableAt[t] = len(b.tableAt)
		}
		return ast.WalkContinue, nil
	})
	b.nums = []num{{abstract: 0}}
	b.scan()
	return b
}

// scan finds the headings the table of contents lists before the
// document is written, as the PDF's parseMarkdown does: the "#" and "##"
// headings after "<!-- toc -->", those of the cover excepted (everything
// before the first page break, when there is one).
func (b *body) scan() {
	afterTOC, cover := false, true
	type listed struct {
		n     *ast.Heading
		text  string
		cover bool
	}
	var found []listed
	_ = ast.Walk(b.s.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			switch b.s.directive(n) {
			case "page-break":
				cover, b.hasCover = false, true
			case "toc":
				afterTOC = true
			}
		case *ast.Heading:
			text := b.s.plain(n)
			if b.firstHeading == "" {
				b.firstHeading = text
			}
			if afterTOC && n.Level <= 2 {
				found = append(found, listed{n, text, cover})
			}
		}
		return ast.WalkContinue, nil
	})
	for _, h := range found {
		if h.cover && b.hasCover {
			continue
		}
		b.marks[h.n] = len(b.toc)
		b.toc = append(b.toc, tocHeading{level: h.n.Level, text: h.text, bookmark: fmt.Sprintf("_Toc%06d", len(b.toc)+1)})
	}
}

func (b *body) write() error {
	b.cover = b.hasCover
	b.x.WriteString(xmlHeader)
	b.x.start("w:document", "xmlns:w", nsW, "xmlns:r", nsR, "xmlns:wp", nsWP, "xmlns:a", nsA, "xmlns:pic", nsPic)
	b.x.start("w:body")
	if err := b.blocks(b.s.root); err != nil {
		return err
	}
	if b.lastTable || b.cover {
		// Word wants a paragraph after a table at the end of the body.
		b.para(pprops{style: "Normal", before: -1}, nil)
	}
	b.sectPr(true, b.landscape)
	b.x.end("w:body")
	b.x.end("w:document")
	return nil
}

func (b *body) document() []byte { return b.x.Bytes() }

// sectPr writes a section's page setup; running says whether it has the
// running header and footer (the cover has none). Every section starts
// on a new page.
func (b *body) sectPr(running, landscape bool) {
	x := &b.x
	x.start("w:sectPr")
	switch {
	case running && landscape:
		b.wide = true
		x.empty("w:headerReference", "w:type", "default", "r:id", ridHeaderWide)
		x.empty("w:footerReference", "w:type", "default", "r:id", ridFooterWide)
	case running:
		x.empty("w:headerReference", "w:type", "default", "r:id", ridHeader)
		x.empty("w:footerReference", "w:type", "default", "r:id", ridFooter)
	}
	if landscape {
		x.empty("w:pgSz", "w:w", strconv.Itoa(b.pg.h), "w:h", strconv.Itoa(b.pg.w), "w:orient", "landscape")
	} else {
		x.empty("w:pgSz", "w:w", strconv.Itoa(b.pg.w), "w:h", strconv.Itoa(b.pg.h))
	}
	x.empty("w:pgMar", "w:top", strconv.Itoa(b.pg.top), "w:right", strconv.Itoa(b.pg.right), "w:bottom", strconv.Itoa(b.pg.bottom),
		"w:left", strconv.Itoa(b.pg.left), "w:header", strconv.Itoa(b.pg.header), "w:footer", strconv.Itoa(b.pg.foot), "w:gutter", "0")
	x.end("w:sectPr")
}

// endSection ends the section being written; the next starts a page,
// landscape or not.
func (b *body) endSection(running, landscape bool) {
	was := b.landscape
	b.para(pprops{style: "Normal", before: -1, sectionEnd: func() { b.sectPr(running, was) }}, nil)
	b.pendingBreak = false // the new section starts a page
	b.landscape = landscape
}

// turn starts landscape pages, or portrait ones again.
func (b *body) turn(landscape bool) {
	b.endSection(true, landscape)
	b.turnBack = false
}

// bodyW is the width between the margins of the pages being written.
func (b *body) bodyW() int {
	if b.landscape {
		return b.pg.h - b.pg.left - b.pg.right
	}
	return b.pg.bodyW()
}

// turnAt turns the pages at heading h, as the PDF does: back to portrait
// after a wide table, and to landscape when h leads to one.
func (b *body) turnAt(h *ast.Heading) {
	wide := b.leadsToWide(h)
	switch {
	case b.landscape && b.turnBack:
		b.turn(wide)
	case !b.landscape && wide:
		b.turn(true)
	}
}

// turns reports whether table t goes on landscape pages: as the PDF
// decided (Options.Landscape), else by the table's text.
func (b *body) turns(t *east.Table) bool {
	if i, ok := b.tableAt[t]; ok && i < len(b.opt.Landscape) {
		return b.opt.Landscape[i]
	}
	return b.grid(t).sizes.wide(b.pg.bodyW())
}

// leadsToWide reports whether heading h leads to a table too wide for a
// portrait page, with nothing in between but headings, the table's
// caption and a paragraph or two, which go on its first page with it.
func (b *body) leadsToWide(h *ast.Heading) bool {
	t := mdtree.TableLedTo(h, b.s.text)
	return t != nil && b.turns(t)
}

func (b *body) blocks(parent ast.Node) error {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if err := b.block(n); err != nil {
			return err
		}
	}
	return nil
}

func (b *body) block(n ast.Node) error {
	if _, ok := n.(*ast.HTMLBlock); !ok {
		b.lastTable = false
	}
	switch n := n.(type) {
	case *ast.Heading:
		if !b.cover && b.item == nil && b.quote == 0 {
			b.turnAt(n)
		}
		b.heading(n)
	case *ast.Paragraph, *ast.TextBlock:
		return b.paragraph(n)
	case *ast.List:
		return b.list(n)
	case *ast.Blockquote:
		b.quote++
		defer func() { b.quote-- }()
		return b.blocks(n)
	case *ast.ThematicBreak:
		b.x.start("w:p")
		b.x.start("w:pPr")
		b.x.start("w:pBdr")
		border(&b.x, "bottom", 6, colorRule, 1)
		b.x.end("w:pBdr")
		b.x.end("w:pPr")
		b.x.end("w:p")
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		b.code(n)
	case *ast.HTMLBlock:
		b.directive(n)
	case *east.Table:
		b.table(n)
		b.lastTable = true
	default:
		return b.blocks(n)
	}
	return nil
}

// ppr writes a paragraph's properties in the schema's order; a page
// break that waits goes before the paragraph.
func (b *body) ppr(p pprops) {
	x := &b.x
	x.start("w:pPr")
	x.val("w:pStyle", p.style)
	if p.keepNext {
		x.empty("w:keepNext")
	}
	if b.pendingBreak {
		b.pendingBreak = false
		x.empty("w:pageBreakBefore")
	}
	if p.numID > 0 {
		x.start("w:numPr")
		x.val("w:ilvl", strconv.Itoa(p.lvl))
		x.val("w:numId", strconv.Itoa(p.numID))
		x.end("w:numPr")
	}
	switch {
	case p.sectionEnd != nil:
		x.empty("w:spacing", "w:before", "0", "w:after", "0", "w:line", "20", "w:lineRule", "exact")
	case p.before >= 0:
		x.empty("w:spacing", "w:before", strconv.Itoa(p.before))
	}
	if p.indent > 0 {
		x.empty("w:ind", "w:left", strconv.Itoa(p.indent))
	}
	if p.jc != "" {
		x.val("w:jc", p.jc)
	}
	if p.sectionEnd != nil {
		x.start("w:rPr")
		x.val("w:sz", "2")
		x.end("w:rPr")
		p.sectionEnd()
	}
	x.end("w:pPr")
}

// para writes a paragraph whose content content writes.
func (b *body) para(p pprops, content func()) {
	b.x.start("w:p")
	b.ppr(p)
	if content != nil {
		content()
	}
	b.x.end("w:p")
}

// textProps are the properties of body text here: in a list item, a
// quote or on the cover.
func (b *body) textProps() pprops {
	p := pprops{style: "Normal", before: -1}
	switch {
	case b.item != nil:
		p.style = "ListParagraph"
		if b.item.first {
			b.item.first = false
			p.numID, p.lvl = b.item.numID, b.item.level
		} else {
			p.indent = listIndent * (b.item.level + 1)
		}
	case b.quote > 0:
		p.style = "Quote"
	case b.cover:
		p.style = "CoverText"
	}
	return p
}

// runs writes a node's inline content, a run for each stretch of text
// of one look (goldmark splits text at "&", "<" and the like).
func (b *body) runs(n ast.Node, base look) {
	var text strings.Builder
	var last look
	b.s.inline(n, base, func(t string, lk look) {
		if t == "" {
			return
		}
		if lk != last && text.Len() > 0 {
			b.run(text.String(), last)
			text.Reset()
		}
		text.WriteString(t)
		last = lk
	})
	if text.Len() > 0 {
		b.run(text.String(), last)
	}
}

// run writes text in look lk; line breaks in it become w:br.
func (b *body) run(text string, lk look) {
	x := &b.x
	if lk.link != "" {
		x.start("w:hyperlink", "r:id", b.linkRel(lk.link), "w:history", "1")
		defer x.end("w:hyperlink")
	}
	x.start("w:r")
	if lk.bold || lk.italic || lk.code || lk.link != "" {
		x.start("w:rPr")
		if lk.link != "" {
			x.val("w:rStyle", "Hyperlink")
		}
		if lk.code {
			x.empty("w:rFonts", "w:ascii", fontCode, "w:hAnsi", fontCode, "w:cs", fontCode)
		}
		if lk.bold {
			x.empty("w:b")
			x.empty("w:bCs")
		}
		if lk.italic {
			x.empty("w:i")
			x.empty("w:iCs")
		}
		if lk.code {
			x.val("w:color", colorCode)
		}
		x.end("w:rPr")
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			x.empty("w:br")
		}
		if line != "" {
			x.t(line)
		}
	}
	x.end("w:r")
}

func (b *body) linkRel(dest string) string {
	for i, l := range b.links {
		if l == dest {
			return "rIdL" + strconv.Itoa(i+1)
		}
	}
	b.links = append(b.links, dest)
	return "rIdL" + strconv.Itoa(len(b.links))
}

func (b *body) heading(n *ast.Heading) {
	p := pprops{style: "Heading" + strconv.Itoa(min(n.Level, 4)), before: -1}
	if b.cover && !b.coverTitle && n.Level == 1 {
		// The cover's title, set large as in the PDF; "Title" keeps it
		// out of the table of contents, as the PDF does.
		b.coverTitle = true
		p.style = "Title"
		p.before = max(0, b.pg.h/5-b.pg.top)
	}
	if b.item != nil && b.item.first {
		b.item.first = false
		p.numID, p.lvl = b.item.numID, b.item.level
	}
	i, listed := b.marks[n]
	b.para(p, func() {
		if listed {
			b.x.empty("w:bookmarkStart", "w:id", strconv.Itoa(i+1), "w:name", b.toc[i].bookmark)
		}
		b.runs(n, look{})
		if listed {
			b.x.empty("w:bookmarkEnd", "w:id", strconv.Itoa(i+1))
		}
	})
}

func (b *body) paragraph(n ast.Node) error {
	if mdtree.IsCaption(n) {
		return nil // the table writes it
	}
	if img := mdtree.StandaloneChart(n); img != nil {
		return b.chart(n, img)
	}
	if strings.TrimSpace(b.s.plain(n)) == "" && b.item == nil {
		return nil // only raw HTML, which the PDF leaves out too
	}
	b.para(b.textProps(), func() { b.runs(n, look{}) })
	return nil
}

func (b *body) code(n ast.Node) {
	var lines []string
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		lines = append(lines, strings.TrimRight(string(seg.Value(b.s.text)), "\n"))
	}
	b.para(pprops{style: "Code", before: -1}, func() { b.run(strings.Join(lines, "\n"), look{}) })
}

// listIndent is the indent of each level of a list, in twips.
const listIndent = 360

func (b *body) list(n *ast.List) error {
	numID := 1 // the bullets
	if n.IsOrdered() {
		b.nums = append(b.nums, num{abstract: 1, level: b.level, start: n.Start})
		numID = len(b.nums)
	}
	outer := b.item
	defer func() { b.item = outer }()
	b.level++
	defer func() { b.level-- }()
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		b.item = &item{numID: numID, level: b.level - 1, first: true}
		if err := b.blocks(it); err != nil {
			return err
		}
		if b.item.first { // an empty item: its marker alone
			b.para(b.textProps(), nil)
		}
	}
	return nil
}

func (b *body) directive(n *ast.HTMLBlock) {
	switch b.s.directive(n) {
	case "page-break":
		if b.cover {
			// The cover is a section of its own, without the running
			// header and footer, as in the PDF; the next starts a page.
			b.cover = false
			b.endSection(false, false)
			return
		}
		if b.landscape && b.turnBack {
			b.turn(false)
			return
		}
		b.pendingBreak = true
	case "toc":
		if !b.tocDone {
			b.tocDone = true
			b.contents(n)
		}
	}
}

// contents writes the table of contents: a TOC field of Word's, its
// result filled in with the entries it will find (the "#" and "##"
// headings after it, as in the PDF), each a link to its heading. Only a
// layout of the pages knows their page numbers: Word adds them when it
// updates the field, which settings.xml asks it to do on opening (after
// asking the reader). LibreOffice shows the field's result as written,
// and ignores fields inside it (a PAGEREF there stays blank), so the
// entries are written without numbers or dot leaders, a list of links.
func (b *body) contents(n ast.Node) {
	x := &b.x
	if _, ok := n.PreviousSibling().(*ast.Heading); !ok {
		b.para(pprops{style: "TOCHeading", before: -1}, func() { b.run(words.In(b.l, "Contents"), look{}) })
	}
	begin := func() {
		x.start("w:r")
		x.empty("w:fldChar", "w:fldCharType", "begin")
		x.end("w:r")
		x.start("w:r")
		x.elem("w:instrText", ` TOC \o "1-2" \h \z \u `, "xml:space", "preserve")
		x.end("w:r")
		x.start("w:r")
		x.empty("w:fldChar", "w:fldCharType", "separate")
		x.end("w:r")
	}
	end := func() {
		x.start("w:r")
		x.empty("w:fldChar", "w:fldCharType", "end")
		x.end("w:r")
	}
	if len(b.toc) == 0 {
		b.para(pprops{style: "TOC1", before: -1}, func() {
			begin()
			b.run(words.In(b.l, "No headings to list."), look{})
			end()
		})
		return
	}
	for i, h := range b.toc {
		b.para(pprops{style: "TOC" + strconv.Itoa(h.level), before: -1}, func() {
			if i == 0 {
				begin()
			}
			x.start("w:hyperlink", "w:anchor", h.bookmark, "w:history", "1")
			b.run(h.text, look{})
			x.end("w:hyperlink")
			if i == len(b.toc)-1 {
				end()
			}
		})
	}
}

// rels is word/_rels/document.xml.rels.
func (b *body) rels() []byte {
	var x xw
	x.WriteString(xmlHeader)
	x.start("Relationships", "xmlns", nsRels)
	x.empty("Relationship", "Id", ridStyles, "Type", relOffic+"styles", "Target", "styles.xml")
	x.empty("Relationship", "Id", ridNumbering, "Type", relOffic+"numbering", "Target", "numbering.xml")
	x.empty("Relationship", "Id", ridSettings, "Type", relOffic+"settings", "Target", "settings.xml")
	x.empty("Relationship", "Id", ridHeader, "Type", relOffic+"header", "Target", "header1.xml")
	x.empty("Relationship", "Id", ridFooter, "Type", relOffic+"footer", "Target", "footer1.xml")
	if b.wide {
		x.empty("Relationship", "Id", ridHeaderWide, "Type", relOffic+"header", "Target", "header2.xml")
		x.empty("Relationship", "Id", ridFooterWide, "Type", relOffic+"footer", "Target", "footer2.xml")
	}
	for _, m := range b.media {
		x.empty("Relationship", "Id", m.rid, "Type", relOffic+"image", "Target", m.name)
	}
	for i, l := range b.links {
		x.empty("Relationship", "Id", "rIdL"+strconv.Itoa(i+1), "Type", relOffic+"hyperlink", "Target", l, "TargetMode", "External")
	}
	x.end("Relationships")
	return x.Bytes()
}

// bullets are the list markers by depth, as in the PDF.
var bullets = []string{"•", "–", "◦"}

// numbering is word/numbering.xml: one list definition of bullets and
// one of numbers, nine levels each, and the lists that use them.
func (b *body) numbering() []byte {
	var x xw
	x.WriteString(xmlHeader)
	x.start("w:numbering", "xmlns:w", nsW)
	for abs := 0; abs < 2; abs++ {
		x.start("w:abstractNum", "w:abstractNumId", strconv.Itoa(abs))
		x.val("w:multiLevelType", "hybridMultilevel")
		for lvl := 0; lvl < 9; lvl++ {
			x.start("w:lvl", "w:ilvl", strconv.Itoa(lvl))
			x.val("w:start", "1")
			if abs == 0 {
				x.val("w:numFmt", "bullet")
				x.val("w:lvlText", bullets[lvl%len(bullets)])
			} else {
				x.val("w:numFmt", "decimal")
				x.val("w:lvlText", "%"+strconv.Itoa(lvl+1)+".")
			}
			x.val("w:lvlJc", "left")
			x.start("w:pPr")
			x.empty("w:ind", "w:left", strconv.Itoa(listIndent*(lvl+1)), "w:hanging", strconv.Itoa(listIndent))
			x.end("w:pPr")
			x.end("w:lvl")
		}
		x.end("w:abstractNum")
	}
	for i, n := range b.nums {
		x.start("w:num", "w:numId", strconv.Itoa(i+1))
		x.val("w:abstractNumId", strconv.Itoa(n.abstract))
		if n.abstract == 1 {
			x.start("w:lvlOverride", "w:ilvl", strconv.Itoa(n.level))
			x.val("w:startOverride", strconv.Itoa(n.start))
			x.end("w:lvlOverride")
		}
		x.end("w:num")
	}
	x.end("w:numbering")
	return x.Bytes()
}
