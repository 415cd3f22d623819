package docx

import (
	"coopreport/pipeline/render/mdtree"
	"strings"

	"github.com/yuin/goldmark/ast"
	gtext "github.com/yuin/goldmark/text"
)

// The report's Markdown is read as the PDF reads it (pipeline/render/pdf,
// markdown.go, which documents the dialect): CommonMark with GFM tables,
// "<!-- page-break -->" and "<!-- toc -->" on lines of their own, a
// paragraph of only *emphasised* text right before a table as its
// caption, and ![caption](chart:NAME) alone in a paragraph as a chart.
// The helpers below are copies of the PDF's, kept alike so that both
// documents hold the same content in the same order.
var markdown = mdtree.Markdown

// source is the parsed Markdown of a report.
type source struct {
	text []byte
	root ast.Node
}

func parse(text []byte) *source {
	return &source{text: text, root: markdown.Parser().Parse(gtext.NewReader(text))}
}

// look is the look of a run of text.
type look struct {
	bold, italic, code bool
	link               string // an external link's destination
}

// inline calls emit for each run of a node's inline content, in order.
// Raw HTML is left out, as in the PDF.
func (s *source) inline(n ast.Node, lk look, emit func(text string, lk look)) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(s.text)
			if !c.IsRaw() {
				v = mdtree.Unescape(v)
			}
			emit(string(v), lk)
			switch {
			case c.HardLineBreak():
				emit("\n", lk)
			case c.SoftLineBreak():
				emit(" ", lk)
			}
		case *ast.String:
			emit(string(c.Value), lk)
		case *ast.CodeSpan:
			var b strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					b.Write(t.Segment.Value(s.text))
				case *ast.String:
					b.Write(t.Value)
				}
			}
			code := lk
			code.code = true
			emit(strings.ReplaceAll(b.String(), "\n", " "), code)
		case *ast.Emphasis:
			inner := lk
			if c.Level >= 2 {
				inner.bold = true
			} else {
				inner.italic = true
			}
			s.inline(c, inner, emit)
		case *ast.Link:
			inner := lk
			inner.link = mdtree.External(string(c.Destination))
			s.inline(c, inner, emit)
		case *ast.AutoLink:
			inner := lk
			inner.link = mdtree.External(string(c.URL(s.text)))
			emit(string(c.Label(s.text)), inner)
		case *ast.Image:
			// Pictures other than charts are not drawn: their alt text
			// stands in for them.
			if alt := s.plain(c); alt != "" {
				inner := lk
				inner.italic = true
				emit("["+alt+"]", inner)
			}
		case *ast.RawHTML:
		default:
			s.inline(c, lk, emit)
		}
	}
}

// plain returns a node's inline content as plain text on one line.
func (s *source) plain(n ast.Node) string {
	var b strings.Builder
	s.inline(n, look{}, func(text string, _ look) { b.WriteString(text) })
	return strings.Join(strings.Fields(b.String()), " ")
}

// directive returns "page-break" or "toc" for an HTML block that is one,
// and "" for any other.
func (s *source) directive(n *ast.HTMLBlock) string {
	return mdtree.Directive(mdtree.HTMLText(n, s.text))
}
