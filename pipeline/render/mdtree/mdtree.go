// Package mdtree is the report's Markdown as the writers that draw it
// read it (the PDF, the Word document, the web page): CommonMark with GFM
// tables, where a paragraph that is only ![caption](chart:NAME) is a
// chart, an emphasised paragraph right before a table is its caption, and
// the HTML comments <!-- page-break --> and <!-- toc --> are directives.
// Each writer walks the same tree, so they agree on what is what.
package mdtree

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/util"
)

// Markdown parses the report's Markdown: CommonMark and GFM tables.
var Markdown = goldmark.New(goldmark.WithExtensions(extension.Table))

var directiveRE = regexp.MustCompile(`^<!--\s*(page-break|toc)\s*-->$`)

// Directive returns "page-break" or "toc" for the text of an HTML block
// that is one, and "" for any other.
func Directive(html string) string {
	m := directiveRE.FindStringSubmatch(strings.TrimSpace(html))
	if m == nil {
		return ""
	}
	return m[1]
}

// HTMLText is the text of an HTML block of source, closing line included.
func HTMLText(n *ast.HTMLBlock, source []byte) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(source))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(source))
	}
	return strings.TrimSpace(b.String())
}

// External returns a link's destination when a reader can open it from
// the document (http, https, mailto), and "" for any other.
func External(dest string) string {
	for _, scheme := range []string{"http://", "https://", "mailto:"} {
		if strings.HasPrefix(strings.ToLower(dest), scheme) {
			return dest
		}
	}
	return ""
}

// ChartName returns NAME of an image whose destination is chart:NAME.
func ChartName(img *ast.Image) (string, bool) {
	return strings.CutPrefix(string(img.Destination), "chart:")
}

// StandaloneChart returns the chart image that is all of paragraph n.
func StandaloneChart(n ast.Node) *ast.Image {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
	default:
		return nil
	}
	if n.ChildCount() != 1 {
		return nil
	}
	img, ok := n.FirstChild().(*ast.Image)
	if !ok {
		return nil
	}
	if _, ok := ChartName(img); !ok {
		return nil
	}
	return img
}

// IsCaption reports whether n is a table's caption: a paragraph of one
// emphasised or strong text right before a table.
func IsCaption(n ast.Node) bool {
	p, ok := n.(*ast.Paragraph)
	if !ok || p.ChildCount() != 1 {
		return false
	}
	if _, ok := p.FirstChild().(*ast.Emphasis); !ok {
		return false
	}
	_, ok = p.NextSibling().(*east.Table)
	return ok
}

// Lines numbers the lines of a Markdown text, for messages that name
// where in the report's text something is.
type Lines []int // the offset each line starts at

// NewLines indexes the lines of text.
func NewLines(text []byte) Lines {
	l := Lines{0}
	for i, c := range text {
		if c == '\n' {
			l = append(l, i+1)
		}
	}
	return l
}

// Line returns the 1-based line of byte offset off.
func (l Lines) Line(off int) int {
	return sort.Search(len(l), func(i int) bool { return l[i] > off })
}

// Of returns the line node n starts on: its first text's, its first
// line's, or its position's, looking up its parents when it has none.
func (l Lines) Of(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if t, ok := n.(*ast.Text); ok {
			return l.Line(t.Segment.Start)
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return l.Line(n.Lines().At(0).Start)
		}
		if p := n.Pos(); p >= 0 {
			return l.Line(p)
		}
		for c := n.FirstChild(); c != nil; c = c.FirstChild() {
			if t, ok := c.(*ast.Text); ok {
				return l.Line(t.Segment.Start)
			}
		}
	}
	return 1
}

// entityRE is a character reference: &amp;, &#38;, &#x26;.
var entityRE = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// Unescape is the text of a Markdown text node as a reader sees it:
// backslash escapes and character references resolved in one pass, as
// CommonMark reads them, so that an escaped "\&amp;" stays "&amp;" (two
// passes would make it "&").
func Unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	out := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			out = append(out, v[i+1])
			i++
		case c == '&':
			if m := entityRE.Find(v[i:]); m != nil {
				r := util.ResolveEntityNames(util.ResolveNumericReferences(m))
				out = append(out, r...)
				i += len(m) - 1
				continue
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

// TableLedTo returns the table heading h leads to with nothing in between
// but headings, the table's caption and a paragraph or two: what goes on
// the table's first page with it when the table turns the pages. It is
// nil when something else comes first (a directive, a chart, a list, more
// text). source is the text h was parsed from.
func TableLedTo(h *ast.Heading, source []byte) *east.Table {
	paragraphs := 0
	for n := h.NextSibling(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if Directive(HTMLText(n, source)) != "" {
				return nil
			}
		case *ast.Heading:
		case *ast.Paragraph:
			if IsCaption(n) {
				continue
			}
			if paragraphs++; paragraphs > 2 || StandaloneChart(n) != nil {
				return nil
			}
		case *east.Table:
			return n
		default:
			return nil
		}
	}
	return nil
}
