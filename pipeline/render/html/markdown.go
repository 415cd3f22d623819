package html

import (
	"coopreport/pipeline/render/mdtree"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The report's Markdown is the PDF's (pipeline/render/pdf/markdown.go):
// CommonMark with GFM tables, and these conventions, which the page keeps
// in the same places as the PDF:
//
//   - "<!-- page-break -->" on its own line: a forced page break when the
//     page is printed (several in a row, or one at the end, make one or
//     none, as in the PDF). Everything before the first one is the cover,
//     set as a title block.
//   - "<!-- toc -->" on its own line: the table of contents, linked to the
//     "#" and "##" headings after it (those of the cover aside), titled
//     "Contents" unless a heading comes right before it. Only the first
//     one is drawn, as in the PDF.
//   - A paragraph of only one *emphasised* or **strong** text right before
//     a table is the table's <caption>.
//   - An image alone in its paragraph whose destination is chart:NAME is a
//     <figure> with the chart as inline SVG and its alt text as caption.
//     Other images are not fetched: their alt text stands in for them, in
//     brackets, as in the PDF.
//   - Every other bit of HTML is left out (goldmark writes "raw HTML
//     omitted" in its place): what the templates print from the data is
//     escaped, and the PDF draws no HTML either.
var parser = mdtree.Markdown.Parser()

// heading is a heading as the table of contents lists it.
type heading struct {
	level int
	id    string
	text  string
	toc   bool
}

// source is the parsed and rearranged Markdown of a report.
type source struct {
	text  []byte
	root  ast.Node
	lines mdtree.Lines
	heads []heading
	ids   map[string]bool
	wide  []*east.Table // tables printed on landscape pages

	landscape []bool // the PDF's decision for each table, when given
	tables    int    // tables seen so far
}

// Node kinds the page adds to goldmark's tree.
var (
	kindCover     = ast.NewNodeKind("Cover")
	kindChart     = ast.NewNodeKind("Chart")
	kindCaption   = ast.NewNodeKind("TableCaption")
	kindPageBreak = ast.NewNodeKind("PageBreak")
	kindTOC       = ast.NewNodeKind("TOC")
	kindAltText   = ast.NewNodeKind("AltText")
	kindPlainLink = ast.NewNodeKind("PlainLink")
	kindLandscape = ast.NewNodeKind("Landscape")
)

// cover holds the blocks before the first page break.
type cover struct{ ast.BaseBlock }

func (n *cover) Kind() ast.NodeKind                { return kindCover }
func (n *cover) Dump(source []byte, level int)     { ast.DumpHelper(n, source, level, nil, nil) }
func (n *chart) Kind() ast.NodeKind                { return kindChart }
func (n *chart) Dump(source []byte, level int)     { ast.DumpHelper(n, source, level, nil, nil) }
func (n *caption) Kind() ast.NodeKind              { return kindCaption }
func (n *caption) Dump(source []byte, level int)   { ast.DumpHelper(n, source, level, nil, nil) }
func (n *pageBreak) Kind() ast.NodeKind            { return kindPageBreak }
func (n *pageBreak) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
func (n *toc) Kind() ast.NodeKind                  { return kindTOC }
func (n *toc) Dump(source []byte, level int)       { ast.DumpHelper(n, source, level, nil, nil) }
func (n *altText) Kind() ast.NodeKind              { return kindAltText }
func (n *altText) Dump(source []byte, level int)   { ast.DumpHelper(n, source, level, nil, nil) }
func (n *plainLink) Kind() ast.NodeKind            { return kindPlainLink }
func (n *plainLink) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
func (n *landscape) Kind() ast.NodeKind            { return kindLandscape }
func (n *landscape) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// chart is a chart, drawn already: svg is checked to be one <svg> element.
type chart struct {
	ast.BaseBlock
	name, caption string
	svg           []byte
}

// caption is a table's caption, the first child of its table; its
// children are the caption's inline content.
type caption struct{ ast.BaseBlock }

type pageBreak struct{ ast.BaseBlock }

// toc is where the table of contents goes; titled says the page gives it
// its "Contents" heading.
type toc struct {
	ast.BaseBlock
	titled bool
}

// altText stands for a picture other than a chart: "[alt]" in italics.
type altText struct {
	ast.BaseInline
	alt string
}

// plainLink is a link a reader cannot follow from the page (a relative
// one): its text, without the link, as in the PDF.
type plainLink struct{ ast.BaseInline }

// landscape holds a wide table and what goes with it onto landscape
// pages when the page is printed.
type landscape struct{ ast.BaseBlock }

// parse parses text and rearranges goldmark's tree for the page: cover,
// captions, charts (drawn with draw), directives, ids of headings.
func parse(text []byte, draw func(name, caption string) ([]byte, error), landscape []bool) (*source, error) {
	s := &source{text: text, lines: mdtree.NewLines(text), ids: map[string]bool{}, landscape: landscape}
	s.root = parser.Parse(gtext.NewReader(text))
	s.wrapCover()
	if err := s.rewrite(draw); err != nil {
		return nil, err
	}
	return s, nil
}

// wrapCover moves the blocks before the first page break into a cover.
func (s *source) wrapCover() {
	var first ast.Node
	for n := s.root.FirstChild(); n != nil; n = n.NextSibling() {
		if b, ok := n.(*ast.HTMLBlock); ok && s.directive(b) == "page-break" {
			first = n
			break
		}
	}
	if first == nil || first == s.root.FirstChild() {
		return // no cover, or nothing on it
	}
	c := &cover{}
	for n := s.root.FirstChild(); n != first; {
		next := n.NextSibling()
		c.AppendChild(c, n) // AppendChild takes n out of the root first
		n = next
	}
	s.root.InsertBefore(s.root, first, c)
}

// rewrite walks the tree once, in document order, and replaces what the
// page draws in its own way. The table of contents needs every heading,
// so its entries are filled in when the page is rendered.
func (s *source) rewrite(draw func(name, caption string) ([]byte, error)) error {
	afterTOC, tocDone, onCover := false, false, false
	var replace []func()
	err := ast.Walk(s.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*cover); ok {
			onCover = entering
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			switch s.directive(n) {
			case "page-break":
				if s.effectiveBreak(n) {
					replace = append(replace, func() { n.Parent().ReplaceChild(n.Parent(), n, &pageBreak{}) })
				} else {
					replace = append(replace, func() { n.Parent().RemoveChild(n.Parent(), n) })
				}
			case "toc":
				afterTOC = true
				if tocDone {
					replace = append(replace, func() { n.Parent().RemoveChild(n.Parent(), n) })
					break
				}
				tocDone = true
				_, headed := n.PreviousSibling().(*ast.Heading)
				t := &toc{titled: !headed}
				if t.titled {
					s.ids["contents"] = true
				}
				replace = append(replace, func() { n.Parent().ReplaceChild(n.Parent(), n, t) })
			}
		case *ast.Heading:
			h := heading{level: n.Level, text: s.plain(n), toc: afterTOC && n.Level <= 2 && !onCover}
			s.heads = append(s.heads, h)
			i := len(s.heads) - 1
			// Ids are given once every heading is known, so that the
			// "contents" of a table of contents further down is reserved.
			replace = append(replace, func() {
				s.heads[i].id = s.id(s.heads[i].text)
				n.SetAttributeString("id", []byte(s.heads[i].id))
			})
		case *ast.Paragraph:
			if mdtree.IsCaption(n) {
				t := n.NextSibling().(*east.Table)
				replace = append(replace, func() {
					c := &caption{}
					em := n.FirstChild()
					for k := em.FirstChild(); k != nil; {
						next := k.NextSibling()
						c.AppendChild(c, k)
						k = next
					}
					n.Parent().RemoveChild(n.Parent(), n)
					t.InsertBefore(t, t.FirstChild(), c)
				})
				return ast.WalkSkipChildren, nil
			}
			if img := mdtree.StandaloneChart(n); img != nil {
				name, _ := mdtree.ChartName(img)
				alt := s.plain(img)
				svg, err := draw(name, alt)
				if err != nil {
					return ast.WalkStop, fmt.Errorf("report text, line %d: chart %q: %w", s.lineOf(n), name, err)
				}
				if err := checkSVG(svg); err != nil {
					return ast.WalkStop, fmt.Errorf("report text, line %d: chart %q: %w", s.lineOf(n), name, err)
				}
				replace = append(replace, func() {
					n.Parent().ReplaceChild(n.Parent(), n, &chart{name: name, caption: alt, svg: svg})
				})
				return ast.WalkSkipChildren, nil
			}
			if s.onlyHTML(n) {
				replace = append(replace, func() { n.Parent().RemoveChild(n.Parent(), n) })
				return ast.WalkSkipChildren, nil
			}
		case *ast.Image:
			if name, ok := mdtree.ChartName(n); ok {
				return ast.WalkStop, fmt.Errorf("report text, line %d: the chart %q must stand alone in its paragraph", s.lineOf(n), name)
			}
			alt := s.plain(n)
			replace = append(replace, func() {
				if alt == "" {
					n.Parent().RemoveChild(n.Parent(), n)
					return
				}
				n.Parent().ReplaceChild(n.Parent(), n, &altText{alt: alt})
			})
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if mdtree.External(string(n.Destination)) == "" {
				replace = append(replace, func() {
					p := &plainLink{}
					for k := n.FirstChild(); k != nil; {
						next := k.NextSibling()
						p.AppendChild(p, k)
						k = next
					}
					n.Parent().ReplaceChild(n.Parent(), n, p)
				})
			}
		case *east.Table:
			s.columns(n)
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return err
	}
	for _, f := range replace {
		f()
	}
	for _, t := range s.wide {
		s.turn(t)
	}
	return nil
}

// turn puts a wide table into a landscape group with, as the PDF does,
// the heading and a paragraph or two that lead to it and what follows it
// up to the next heading or page break. A table inside a list or a quote
// is turned alone.
func (s *source) turn(t *east.Table) {
	parent := t.Parent()
	if _, ok := parent.(*landscape); ok {
		return // turned with a table before it
	}
	first, last := ast.Node(t), ast.Node(t)
	if _, ok := parent.(*ast.Document); ok {
		lead := t.PreviousSibling()
		for k := 0; k < 2; k++ {
			if _, ok := lead.(*ast.Paragraph); !ok {
				break
			}
			lead = lead.PreviousSibling()
		}
		if _, ok := lead.(*ast.Heading); ok {
			first = lead
		}
		// A page break right before goes with it: left on the portrait
		// page, it would end that page and leave the next one blank before
		// the landscape pages start.
		if _, ok := first.PreviousSibling().(*pageBreak); ok {
			first = first.PreviousSibling()
		}
	follow:
		for n := t.NextSibling(); n != nil; n = n.NextSibling() {
			switch n.(type) {
			case *ast.Heading, *pageBreak, *toc:
				break follow
			}
			last = n
		}
	}
	g := &landscape{}
	parent.InsertBefore(parent, first, g)
	for n := first; ; {
		next := n.NextSibling()
		g.AppendChild(g, n)
		if n == last {
			break
		}
		n = next
	}
}

// Column classes, from the longest text of a column's body cells, so that
// a table on a narrow screen scrolls rather than squeezing its text into
// a column a word wide (the PDF sizes columns by what they hold, too):
// right-aligned numbers ("num") and short texts such as dates, names of
// countries and ids ("short") stay on one line; long texts ("long") get
// room to wrap at words.
const (
	shortCell = 24 // characters
	longCell  = 40
)

// How many characters of a table's text a portrait page holds across,
// and a third of it: the PDF's rule for a table it turns (README,
// "Markdown in templates"), in characters of the printed table's size.
const (
	portraitChars = 110
	thirdOfPage   = portraitChars / 3
	cellPad       = 2 // a cell's padding, in characters
)

func (s *source) columns(t *east.Table) {
	var longest []int
	var cells [][]*east.TableCell // by row
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var r []*east.TableCell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cell, ok := c.(*east.TableCell)
			if !ok {
				continue
			}
			r = append(r, cell)
			if _, head := row.(*east.TableHeader); head {
				continue
			}
			i := len(r) - 1
			for len(longest) <= i {
				longest = append(longest, 0)
			}
			longest[i] = max(longest[i], utf8.RuneCountInString(s.plain(cell)))
		}
		cells = append(cells, r)
	}
	need := 0
	for i, n := range longest {
		if i < len(cells[0]) && cells[0][i].Alignment != east.AlignRight && n > longCell {
			n = thirdOfPage
		}
		need += n + cellPad
	}
	wide := need > portraitChars
	if s.tables < len(s.landscape) {
		wide = s.landscape[s.tables] // the PDF's decision
	}
	s.tables++
	if wide {
		s.wide = append(s.wide, t)
	}
	for _, r := range cells {
		for i, cell := range r {
			class := ""
			switch {
			case cell.Alignment == east.AlignRight:
				class = "num"
			case i >= len(longest):
			case longest[i] <= shortCell:
				class = "short"
			case longest[i] > longCell:
				class = "long"
			}
			if class != "" {
				cell.SetAttributeString("class", []byte(class))
			}
		}
	}
}

// effectiveBreak reports whether a page break starts a page: something
// other than page breaks follows it. The PDF makes no empty pages of page
// breaks in a row or at the end, and neither does the printed page.
func (s *source) effectiveBreak(n *ast.HTMLBlock) bool {
	for m := ast.Node(n); m != nil; m = m.Parent() {
		for next := m.NextSibling(); next != nil; next = next.NextSibling() {
			if b, ok := next.(*ast.HTMLBlock); ok {
				switch s.directive(b) {
				case "page-break":
					return false
				case "toc":
					return true
				}
				continue // left out of the page
			}
			if p, ok := next.(*ast.Paragraph); ok && s.onlyHTML(p) {
				continue
			}
			return true
		}
		if _, ok := m.Parent().(*ast.Document); ok {
			break
		}
	}
	return false
}

// onlyHTML reports whether a paragraph holds nothing but raw HTML (and
// space), which the page leaves out, as the PDF does.
func (s *source) onlyHTML(p ast.Node) bool {
	if p.ChildCount() == 0 {
		return false
	}
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.RawHTML:
		case *ast.Text:
			if c.Segment.Len() > 0 && len(strings.TrimSpace(string(c.Segment.Value(s.text)))) > 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

const maxID = 60 // bytes

// id returns a new id for a heading: its words, lower case, joined by
// hyphens, in any script (the fragment of a link may be Cyrillic), made
// unique with -2, -3….
func (s *source) id(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	base := b.String()
	// A whole title makes a long link: its first words say enough.
	for len(base) > maxID {
		i := strings.LastIndexByte(base[:maxID+1], '-')
		if i <= 0 {
			base = strings.ToValidUTF8(base[:maxID], "")
			break
		}
		base = base[:i]
	}
	if base == "" {
		base = "section"
	}
	id := base
	for i := 2; s.ids[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	s.ids[id] = true
	return id
}

// line returns the 1-based line number of byte offset off.
func (s *source) line(off int) int { return s.lines.Line(off) }

// lineOf returns the line a node starts on, for messages.
func (s *source) lineOf(n ast.Node) int { return s.lines.Of(n) }

// plain returns a node's inline content as plain text on one line, as
// the PDF's table of contents and outline have it.
func (s *source) plain(n ast.Node) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(s.text)
				if !c.IsRaw() {
					v = mdtree.Unescape(v)
				}
				b.Write(v)
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.Label(s.text))
			case *ast.Image:
				if alt := s.plain(c); alt != "" {
					b.WriteString("[" + alt + "]")
				}
			case *altText:
				b.WriteString("[" + c.alt + "]")
			case *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// newRenderer is goldmark's HTML renderer, XHTML-serialised so that the
// page is well-formed XML, raw HTML left out (goldmark's default), with
// the page's own nodes.
func newRenderer(p *page) renderer.Renderer {
	return renderer.NewRenderer(renderer.WithNodeRenderers(
		util.Prioritized(ghtml.NewRenderer(ghtml.WithXHTML()), 1000),
		util.Prioritized(extension.NewTableHTMLRenderer(
			extension.WithTableHTMLOptions(ghtml.WithXHTML()),
			extension.WithTableCellAlignMethod(extension.TableCellAlignStyle),
		), 500),
		util.Prioritized(p, 100),
	))
}

// directive returns "page-break" or "toc" for an HTML block that is one,
// and "" for any other.
func (s *source) directive(n *ast.HTMLBlock) string {
	return mdtree.Directive(mdtree.HTMLText(n, s.text))
}
