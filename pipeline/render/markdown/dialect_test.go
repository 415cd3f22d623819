package markdown_test

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"coopreport/pipeline"
	"coopreport/pipeline/render/markdown"
)

// The default report, parsed as the PDF writer parses it, has the shape
// of the dialect: captioned tables whose rows all have the header's
// cells, charts alone in their paragraphs, and no HTML but the page-break
// and toc comments; data with Markdown's characters does not change that.
func TestDialect(t *testing.T) {
	r := *inputReport(t)
	r.Agreements = append([]pipeline.Agreement(nil), r.Agreements...)
	r.Agreements[1].Title = "A | B *c* <!-- page-break --> ![x](chart:money-by-bucket)"
	src := []byte(execute(t, "", &r, markdown.PDF))
	doc := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(src))

	var tables, charts []string
	var html []string
	var h1 int
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 {
				h1++
			}
		case *ast.HTMLBlock:
			html = append(html, strings.TrimSpace(string(n.Lines().Value(src))))
		case *east.Table:
			cols := n.FirstChild().ChildCount()
			for row := n.FirstChild(); row != nil; row = row.NextSibling() {
				if row.ChildCount() != cols {
					t.Errorf("a row of %d cells in a table of %d columns", row.ChildCount(), cols)
				}
			}
			caption := ""
			if p, ok := n.PreviousSibling().(*ast.Paragraph); ok && p.ChildCount() == 1 {
				if e, ok := p.FirstChild().(*ast.Emphasis); ok {
					caption = string(e.FirstChild().(*ast.Text).Value(src))
				}
			}
			if caption == "" {
				t.Errorf("table %d has no caption", len(tables)+1)
			}
			tables = append(tables, caption)
		case *ast.Paragraph:
			if img, ok := n.FirstChild().(*ast.Image); ok {
				if n.ChildCount() != 1 {
					t.Error("a chart shares its paragraph")
				}
				charts = append(charts, string(img.Destination))
			}
		}
	}
	if got := strings.Join(html, " "); got != "<!-- page-break --> <!-- toc --> <!-- page-break --> <!-- page-break -->" {
		t.Errorf("HTML blocks: %s", got)
	}
	if got := strings.Join(charts, " "); got != "chart:activities-by-country chart:money-by-bucket chart:agreements-timeline" {
		t.Errorf("charts: %s", got)
	}
	if len(tables) != 9 || tables[0] != "2012–2015 in numbers" || tables[2] != "Agreements that ended in 2012–2015" || tables[4] != "Years compared with the year before" || tables[8] != "Rows read, accepted and rejected" {
		t.Errorf("tables: %q", tables)
	}
	if h1 != 13 {
		t.Errorf("%d level-1 headings", h1)
	}
}
