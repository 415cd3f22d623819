package pdf

import (
	"coopreport/pipeline/render/mdtree"
	"fmt"
	"strings"
	"unicode/utf8"

	"coopreport/pipeline/render/chartdraw"

	"github.com/yuin/goldmark/ast"
	gtext "github.com/yuin/goldmark/text"
)

// The report's Markdown is CommonMark with GFM tables, plus these
// conventions (the templates in templates/ write them):
//
//   - "<!-- page-break -->" on its own line starts a new page; everything
//     before the first one is the cover, drawn without running header and
//     footer, its first "#" heading large. Without a page break there is
//     no cover.
//   - "<!-- toc -->" on its own line is where the table of contents goes:
//     the "#" and "##" headings that follow it, with their page numbers.
//   - A paragraph of only one *emphasised* or **strong** text right before
//     a table is the table's caption.
//   - An image alone in its paragraph whose destination is chart:NAME is a
//     chart drawn from the report's numbers; its alt text is the caption.
//   - Every other bit of HTML is left out; HTML other than comments is
//     listed (source.html), for a warning: the writer meant something.
var markdown = mdtree.Markdown

// heading is what the table of contents and the outline need to know of a
// heading before the pages are drawn.
type heading struct {
	level int
	text  string // plain text, not yet checked against the fonts
	line  int
	toc   bool // listed in the table of contents
}

// source is the parsed Markdown of a report.
type source struct {
	text     []byte
	root     ast.Node
	lines    mdtree.Lines
	heads    []heading // every heading, in document order
	hasCover bool
	html     []HTML // HTML the PDF leaves out, comments aside, in document order
}

// HTML is raw HTML of the report's text that the PDF does not draw: a
// template written with <br> or <div> loses them without a trace
// otherwise.
type HTML struct {
	Text string // the HTML, its first line, shortened
	Line int    // its line in the report's text
}

// parseMarkdown parses text and checks what can be checked before drawing:
// the charts it names.
func parseMarkdown(text []byte) (*source, error) {
	s := &source{text: text, lines: mdtree.NewLines(text)}
	s.root = markdown.Parser().Parse(gtext.NewReader(text))
	afterTOC, cover := false, true
	var coverHeads []int
	err := ast.Walk(s.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			switch s.directive(n) {
			case "page-break":
				cover, s.hasCover = false, true
			case "toc":
				afterTOC = true
			default:
				if n.HTMLBlockType != ast.HTMLBlockType2 { // a comment hides on purpose
					s.html = append(s.html, HTML{shortHTML(s.htmlText(n)), s.lineOf(n)})
				}
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				var b strings.Builder
				for i := 0; i < n.Segments.Len(); i++ {
					seg := n.Segments.At(i)
					b.Write(seg.Value(s.text))
				}
				if !strings.HasPrefix(b.String(), "<!--") {
					s.html = append(s.html, HTML{shortHTML(b.String()), s.line(n.Segments.At(0).Start)})
				}
			}
		case *ast.Heading:
			if cover {
				coverHeads = append(coverHeads, len(s.heads))
			}
			s.heads = append(s.heads, heading{level: n.Level, text: s.plain(n), line: s.lineOf(n), toc: afterTOC && n.Level <= 2})
		case *ast.Image:
			name, ok := mdtree.ChartName(n)
			if !ok {
				break
			}
			if !chartdraw.Known(name) {
				return ast.WalkStop, fmt.Errorf("report text, line %d: unknown chart %q; the charts are %s", s.lineOf(n), name, strings.Join(chartdraw.Names(), ", "))
			}
			if mdtree.StandaloneChart(n.Parent()) == nil {
				return ast.WalkStop, fmt.Errorf("report text, line %d: the chart %q must stand alone in its paragraph", s.lineOf(n), name)
			}
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return nil, err
	}
	// A heading on the cover is not listed even after a "<!-- toc -->"
	// placed on the cover.
	if s.hasCover {
		for _, i := range coverHeads {
			s.heads[i].toc = false
		}
	}
	return s, nil
}

// htmlText is the text of an HTML block, trimmed.
func (s *source) htmlText(n *ast.HTMLBlock) string { return mdtree.HTMLText(n, s.text) }

// shortHTML is the first line of some HTML, at most 60 bytes of it.
func shortHTML(h string) string {
	h = strings.TrimSpace(h)
	if i := strings.IndexByte(h, '\n'); i >= 0 {
		h = strings.TrimSpace(h[:i]) + " …"
	}
	if len(h) > 60 {
		cut := 57
		for cut > 0 && !utf8.RuneStart(h[cut]) {
			cut--
		}
		h = h[:cut] + "…"
	}
	return h
}

// line returns the 1-based line number of byte offset off.
func (s *source) line(off int) int { return s.lines.Line(off) }

// lineOf returns the line a node starts on, for messages.
func (s *source) lineOf(n ast.Node) int { return s.lines.Of(n) }

// where names a node's place for the list of missing characters.
func (s *source) where(n ast.Node) string { return whereLine(s.lineOf(n)) }

func whereLine(line int) string { return fmt.Sprintf("report text, line %d", line) }

// inline calls emit for each run of a node's inline content, in order,
// with its look and its byte offset in the source (-1 when unknown). Raw
// HTML is left out.
func (s *source) inline(n ast.Node, st style, emit func(text string, st style, code bool, link string, at int)) {
	var walk func(n ast.Node, st style, link string)
	walk = func(n ast.Node, st style, link string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(s.text)
				if !c.IsRaw() {
					v = mdtree.Unescape(v)
				}
				at := c.Segment.Start
				emit(string(v), st, false, link, at)
				switch {
				case c.HardLineBreak():
					emit("\n", st, false, link, at)
				case c.SoftLineBreak():
					emit(" ", st, false, link, at)
				}
			case *ast.String:
				emit(string(c.Value), st, false, link, -1)
			case *ast.CodeSpan:
				var b strings.Builder
				at := -1
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					switch t := t.(type) {
					case *ast.Text:
						if at < 0 {
							at = t.Segment.Start
						}
						b.Write(t.Segment.Value(s.text))
					case *ast.String:
						b.Write(t.Value)
					}
				}
				emit(strings.ReplaceAll(b.String(), "\n", " "), st, true, link, at)
			case *ast.Emphasis:
				if c.Level >= 2 {
					walk(c, st|bold, link)
				} else {
					walk(c, st|italic, link)
				}
			case *ast.Link:
				walk(c, st, mdtree.External(string(c.Destination)))
			case *ast.AutoLink:
				emit(string(c.Label(s.text)), st, false, mdtree.External(string(c.URL(s.text))), c.Pos())
			case *ast.Image:
				// Pictures other than charts are not drawn: their alt text
				// stands in for them.
				if alt := s.plain(c); alt != "" {
					emit("["+alt+"]", st|italic, false, link, c.Pos())
				}
			case *ast.RawHTML:
			default:
				walk(c, st, link)
			}
		}
	}
	walk(n, st, "")
}

// plain returns a node's inline content as plain text on one line.
func (s *source) plain(n ast.Node) string {
	var b strings.Builder
	s.inline(n, 0, func(text string, _ style, _ bool, _ string, _ int) { b.WriteString(text) })
	return strings.Join(strings.Fields(b.String()), " ")
}

// directive returns "page-break" or "toc" for an HTML block that is one,
// and "" for any other.
func (s *source) directive(n *ast.HTMLBlock) string {
	return mdtree.Directive(mdtree.HTMLText(n, s.text))
}
