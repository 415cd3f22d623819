package mdtree

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func TestDialect(t *testing.T) {
	src := []byte("<!-- page-break -->\n\n<!-- toc -->\n\n<!-- note -->\n\n![Activities](chart:activities-by-country)\n\nSee ![x](chart:money-by-bucket) here.\n\n*Caption*\n\n| A |\n| - |\n| 1 |\n\n*Not a caption*\n\ntext\n")
	doc := Markdown.Parser().Parse(text.NewReader(src))
	var directives, charts, captions []string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.HTMLBlock); ok {
			directives = append(directives, Directive(HTMLText(h, src)))
		}
		if img := StandaloneChart(n); img != nil {
			name, _ := ChartName(img)
			charts = append(charts, name)
		}
		if IsCaption(n) {
			captions = append(captions, string(n.Text(src)))
		}
	}
	if len(directives) != 3 || directives[0] != "page-break" || directives[1] != "toc" || directives[2] != "" {
		t.Errorf("directives %q", directives)
	}
	if len(charts) != 1 || charts[0] != "activities-by-country" {
		t.Errorf("standalone charts %q (a chart inside a sentence is not one)", charts)
	}
	if len(captions) != 1 || captions[0] != "*Caption*" {
		t.Errorf("captions %q", captions)
	}
	for dest, want := range map[string]string{"https://unesco.org": "https://unesco.org", "mailto:a@b": "mailto:a@b", "report.pdf": "", "javascript:x": ""} {
		if got := External(dest); got != want {
			t.Errorf("External(%q) = %q, want %q", dest, got, want)
		}
	}
}

func TestLines(t *testing.T) {
	src := []byte("# Title\n\nSome *text*\nover two lines.\n\n| A |\n| - |\n| 1 |\n")
	doc := Markdown.Parser().Parse(text.NewReader(src))
	lines := NewLines(src)
	var got []int
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		got = append(got, lines.Of(n))
	}
	if len(got) != 3 || got[0] != 1 || got[1] != 3 || got[2] != 6 {
		t.Errorf("blocks start on lines %v, want [1 3 6]", got)
	}
	if l := lines.Line(len(src) - 1); l != 8 {
		t.Errorf("the last byte is on line %d, want 8", l)
	}
}

// An escaped character reference stays as written; a reference resolves;
// an escaped punctuation character loses its backslash.
func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		`R\&amp;D`:     "R&amp;D",
		`R&amp;D`:      "R&D",
		`&#65;\*x\*`:   "A*x*",
		`a \b c & d`:   `a \b c & d`,
		`\\&copy;`:     `\©`,
		`Ө ү &unknown`: "Ө ү &unknown",
	} {
		if got := string(Unescape([]byte(in))); got != want {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
	}
}
