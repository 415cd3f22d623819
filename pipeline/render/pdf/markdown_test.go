package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestDialect draws small reports, each about one rule of the Markdown
// dialect, and reads the PDF back.
func TestDialect(t *testing.T) {
	tests := []struct {
		name, md string
		pages    int
		want     []string // in reading order, white space collapsed
		not      []string
		page1    []string // on the first page, as laid out
	}{
		{name: "no page break, no cover", md: "# Title\n\nText.\n", pages: 1,
			want: []string{"Соёлын хамтын ажиллагааны тайлан", "third quarter of 2025", "Title", "Text.", "Page 1 of 1"}},
		{name: "cover without furniture", md: "# Title\n\n<!-- page-break -->\n\nText.\n", pages: 2,
			want: []string{"Title", "third quarter of 2025", "Text.", "Page 2 of 2"}, not: []string{"Page 1 of"}},
		{name: "no blank pages", md: "# A\n\n<!-- page-break -->\n\n<!-- page-break -->\n<!--   page-break   -->\n\n# B\n\n<!-- page-break -->\n", pages: 2,
			want: []string{"A", "B"}},
		{name: "caption right before the table", md: "*Table 1. Counts*\n| Country | Count |\n|---|--:|\n| Mongolia | 1 |\n",
			want: []string{"Table 1. Counts", "Country Count", "Mongolia 1"}, not: []string{"*"}},
		{name: "strong caption", md: "**Table 2. Counts**\n\n| Country | Count |\n|---|--:|\n| Mongolia | 1 |\n",
			want: []string{"Table 2. Counts", "Country Count"}},
		{name: "emphasis before a paragraph is no caption", md: "*Only a note.*\n\nText.\n", want: []string{"Only a note.", "Text."}},
		{name: "table without rows", md: "| Only | Header |\n|---|---|\n", want: []string{"Only Header"}},
		{name: "ragged table", md: "| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 |\n", want: []string{"a b c", "1", "1 2 3"}, not: []string{"4"}},
		{name: "escapes and entities", md: "\\*not italic\\* &amp; &#1198; &copy;\n\n| a \\| b |\n|---|\n| c \\| d |\n",
			want: []string{"*not italic* & Ү ©", "a|b", "c|d"}},
		{name: "raw HTML ignored", md: "<div>\nblock\n</div>\n\nText <b>bold</b> <!-- note --> end.\n\n<!-- a comment -->\n",
			want: []string{"Text bold end."}, not: []string{"block", "<", "note", "comment"}},
		{name: "hard line break", md: "one  \ntwo\\\nthree\nfour\n", page1: []string{"one\n", "two\n", "three four"}},
		{name: "code block", md: "```\nline 1\n  line 2\n```\n", want: []string{"line 1", "line 2"}},
		{name: "links", md: "[text](https://example.org) and <mailto:a@b.mn> and [local](#x) and [odd](https://x.mn/a_(b)😀)\n", want: []string{"text and mailto:a@b.mn and local and odd"}},
		{name: "deep nesting", md: strings.Repeat("> ", 60) + "quoted\n\n" + nested(40) + "\n", want: []string{"quoted", "item 39"}},
		{name: "image that is no chart", md: "![a picture](pic.png)\n", want: []string{"[a picture]"}},
		{name: "heading levels jump", md: "### three\n\n# one\n\n#### four\n\n###### six\n", want: []string{"three", "one", "four", "six"}},
		{name: "empty", md: "", pages: 1},
		{name: "toc without headings after it", md: "# A\n\n<!-- toc -->\n", want: []string{"A"}},
		{name: "long word wraps by character", md: strings.Repeat("x", 400) + "\n", want: []string{"xxxxxxxx"}},
		{name: "ordered list start", md: "7. seven\n8. eight\n", want: []string{"7. seven", "8. eight"}},
		{name: "loose list", md: "- one\n\n  more\n\n- two\n", want: []string{"• one", "more", "• two"}},
		{name: "empty item", md: "- \n- b\n", want: []string{"•", "• b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, _, _ := writeReport(t, tt.md, sampleReport(), Options{})
			pp := pages(t, path, true)
			if tt.pages > 0 && len(pp) != tt.pages {
				t.Errorf("%d pages; want %d", len(pp), tt.pages)
			}
			text := flat(strings.Join(pp, "\n"))
			// pdftotext drops the spaces around "|" in DejaVu Sans.
			text = strings.NewReplacer(" |", "|", "| ", "|").Replace(text)
			if w, ok := inOrder(text, tt.want...); !ok {
				t.Errorf("the PDF lacks %q in its place:\n%s", w, text)
			}
			body := text
			for _, furniture := range []string{"Соёлын хамтын ажиллагааны тайлан", "third quarter of 2025", "Made on 2 October 2025"} {
				body = strings.ReplaceAll(body, furniture, "")
			}
			body = regexp.MustCompile(`Page \d+ of \d+`).ReplaceAllString(body, "")
			for _, n := range tt.not {
				if strings.Contains(body, n) {
					t.Errorf("the PDF shows %q:\n%s", n, text)
				}
			}
			for _, w := range tt.page1 {
				if !strings.Contains(pp[0], w) {
					t.Errorf("page 1 lacks %q:\n%s", w, pp[0])
				}
			}
			run(t, "qpdf", "--check", path)
		})
	}
}

func TestKeywordsAndTitle(t *testing.T) {
	r := sampleReport()
	r.Title = ""
	path, _, _ := writeReport(t, "# Periodic report 2025\n", r, Options{Keywords: []string{"UNESCO", " 2005 Convention ", ""}})
	info := run(t, "pdfinfo", path)
	for _, want := range []string{"Keywords:        UNESCO, 2005 Convention\n", "Title:           Periodic report 2025\n"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

func TestWriteNilReport(t *testing.T) {
	if err := Write(&bytes.Buffer{}, []byte("# A"), nil, Options{}); err == nil {
		t.Error("Write(nil report) = nil error")
	}
}

// Every heading's outline entry points at the page it is on, however the
// levels jump.
func TestOutlineLevels(t *testing.T) {
	md := "### c\n\n# a\n\n#### d\n\n## b\n\n###### f\n"
	got := map[string]int{}
	path, _, _ := writeReport(t, md, sampleReport(), Options{})
	out := run(t, "qpdf", "--json", "--json-key=outlines", path)
	for _, m := range regexp.MustCompile(`"title": "(\w)"`).FindAllStringSubmatch(out, -1) {
		got[m[1]]++
	}
	if fmt.Sprint(got) != "map[a:1 b:1 c:1 d:1 f:1]" {
		t.Errorf("outline titles %v", got)
	}
}

// nested returns a list n levels deep.
func nested(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s- item %d\n", strings.Repeat("  ", i), i)
	}
	return b.String()
}
