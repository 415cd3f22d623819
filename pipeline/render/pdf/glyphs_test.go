package pdf

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"coopreport/pipeline"
	"coopreport/pipeline/render/fonts"

	"github.com/yuin/goldmark/ast"
)

func TestClean(t *testing.T) {
	cov, _ := fonts.Coverage()
	tests := []struct {
		name, in, want string
		missing        []rune
	}{
		{"plain", "Улаанбаатар ₮ Өвөр", "Улаанбаатар ₮ Өвөр", nil},
		{"emoji", "a😀b😀", "a\uFFFDb\uFFFD", []rune{'😀'}}, // once per place
		{"two kinds", "中😀", "\uFFFD\uFFFD", []rune{'中', '😀'}},
		{"line breaks", "a\r\nb\rc\nd", "a\nb\nc\nd", nil},
		{"tab", "a\tb", "a b", nil},
		{"control", "a\x07b", "a\uFFFDb", []rune{7}},
		{"invalid utf-8", "a\xffb", "a\uFFFDb", []rune{utf8.RuneError}},
		{"empty", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var reported []MissingGlyph
			g := &glyphs{cov: cov, report: func(m MissingGlyph) { reported = append(reported, m) }}
			if got := g.clean(tt.in, "here"); got != tt.want {
				t.Errorf("clean(%q) = %q; want %q", tt.in, got, tt.want)
			}
			if len(g.missing) != len(tt.missing) || len(reported) != len(tt.missing) {
				t.Fatalf("missing = %v, reported %v; want runes %q", g.missing, reported, tt.missing)
			}
			for i, r := range tt.missing {
				if g.missing[i] != (MissingGlyph{r, "here"}) {
					t.Errorf("missing[%d] = %v; want %U here", i, g.missing[i], r)
				}
			}
		})
	}
}

// Whatever text a ledger holds, Write draws it without an error or a
// panic, and every character it cannot draw is reported.
func FuzzWriteText(f *testing.F) {
	for _, s := range []string{"Өвөр ₮", "😀", "a\r\n\tb", "\xff\xfe", "\u202e\u200b", strings.Repeat("ү", 500), "\x00"} {
		f.Add(s)
	}
	md := []byte("# Title\n\n<!-- page-break -->\n\n![caption](chart:activities-by-country)\n")
	f.Fuzz(func(t *testing.T, s string) {
		r := sampleReport()
		r.Title = s
		r.Party = s
		r.Totals[0].Country.Name = s
		doc, err := Render(md, r, Options{})
		if err != nil {
			t.Fatalf("Render(%q): %v", s, err)
		}
		missing := len(doc.Missing)
		cov, _ := fonts.Coverage()
		lacks := false
		for _, c := range s {
			lacks = lacks || (c != '\n' && c != '\r' && c != '\t' && !cov.Has(c))
		}
		if lacks && missing == 0 {
			t.Errorf("%q holds characters the font lacks, and none was reported", s)
		}
	})
}

// markdownSeeds are the seeds of FuzzWriteMarkdown and FuzzParseMarkdown.
var markdownSeeds = []string{
	fixtureSmall,
	"<!-- toc -->\n# a\n<!-- page-break -->\n<!-- page-break -->\n## b\n",
	"| a |\n|---|\n| 😀 |\n",
	"*x*\n\n| a | b |\n|--:|:-:|\n| 1 |\n| 1 | 2 | 3 |\n",
	"- \n-\n  1. \n> > > q\n---\n```\ncode 😀\n```\n",
	"<div>\n<!-- toc -->\n</div>\n<!--page-break-->\n",
	"##### five\n###### six\n# one\n### three\n",
	"![x](chart:nope)", "a ![x](chart:money-by-bucket) b",
}

// Whatever Markdown a template writer produces, Write makes a PDF or says
// what is wrong with a chart; it never panics or loops.
//
// Each input is a whole document drawn, about 30 ms (fpdf parses the four
// fonts for each document it makes, three a report), so this target runs
// some 28 inputs a second a worker, and a worker shrinking a new input
// spends a minute on it (-fuzzminimizetime): fuzz it with
// -fuzzminimizetime 10x. FuzzParseMarkdown fuzzes the reading of the
// Markdown at full speed.
func FuzzWriteMarkdown(f *testing.F) {
	for _, s := range markdownSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		var buf bytes.Buffer
		err := Write(&buf, []byte(md), sampleReport(), Options{})
		if err != nil && !strings.Contains(err.Error(), "chart") {
			t.Fatalf("Write(%q): %v", md, err)
		}
		if err == nil && !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Fatalf("Write(%q) wrote no PDF", md)
		}
	})
}

// FuzzParseMarkdown is the part of FuzzWriteMarkdown that draws nothing,
// run at full speed: whatever Markdown a template writer produces, it is
// read, or the error names a chart; every heading is one line, at a level
// from 1 to 6, on a line of the text, and listed in the table of contents
// only if of level 1 or 2; every piece of text to draw comes from a place
// in the text, and cleaned for the fonts holds only characters they draw.
func FuzzParseMarkdown(f *testing.F) {
	for _, s := range markdownSeeds {
		f.Add(s)
	}
	cov, err := fonts.Coverage()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, md string) {
		src, err := parseMarkdown([]byte(md))
		if err != nil {
			if !strings.Contains(err.Error(), "chart") {
				t.Fatalf("parseMarkdown(%q): %v", md, err)
			}
			return
		}
		lines := len(src.lines)
		for _, h := range src.heads {
			if h.level < 1 || h.level > 6 || h.line < 1 || h.line > lines {
				t.Fatalf("%q: heading %+v: level or line out of range (%d lines)", md, h, lines)
			}
			if h.text != strings.Join(strings.Fields(h.text), " ") {
				t.Fatalf("%q: heading text %q is not one line", md, h.text)
			}
			if h.toc && h.level > 2 {
				t.Fatalf("%q: heading %+v listed in the contents", md, h)
			}
		}
		g := &glyphs{cov: cov}
		ast.Walk(src.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering || n.Type() != ast.TypeBlock || n.FirstChild() == nil || n.FirstChild().Type() != ast.TypeInline {
				return ast.WalkContinue, nil
			}
			src.inline(n, 0, func(text string, _ style, _ bool, _ string, at int) {
				if at < -1 || at > len(md) {
					t.Fatalf("%q: text %q at byte %d", md, text, at)
				}
				for _, r := range g.clean(text, src.where(n)) {
					if r != '\n' && !cov.Has(r) {
						t.Fatalf("%q: %q cleaned keeps %U, which the fonts lack", md, text, r)
					}
				}
			})
			return ast.WalkContinue, nil
		})
	})
}

func TestCheckRecords(t *testing.T) {
	in2014 := pipeline.Period{From: pipeline.Date{Year: 2014, Month: 1, Day: 1}, To: pipeline.Date{Year: 2014, Month: 12, Day: 31}}
	r := &pipeline.Report{
		Party:  "Монгол Улс", // Cyrillic with Ө/Ү is drawn: nothing to report
		Period: in2014,
		Agreements: []pipeline.Agreement{
			{Pos: pipeline.Pos{File: "agreements.csv", Row: 2}, Title: "In force 🎉", ValidFrom: pipeline.Date{Year: 2010, Month: 1, Day: 1}},
			{Pos: pipeline.Pos{File: "agreements.csv", Row: 3}, Title: "Ended 🎈", ValidFrom: pipeline.Date{Year: 1990, Month: 1, Day: 1}, ValidTo: pipeline.Date{Year: 1995, Month: 1, Day: 1}},
		},
		Ledger: pipeline.Activities{
			{Pos: pipeline.Pos{File: "activities.csv", Row: 8}, Title: "Festival 😀 of Өвөр Монгол", Notes: "ok"},
			{Pos: pipeline.Pos{File: "book.xlsx", Sheet: "Ledger", Row: 3}, Agency: "ᠮᠣᠩᠭᠣᠯ"}, // traditional Mongolian script
		},
		Measures: []pipeline.Measure{
			{Pos: pipeline.Pos{File: "measures.csv", Row: 2}, Title: "M", Extra: []pipeline.Field{{Name: "Budget line", Value: "💰 line"}}},
		},
	}
	var got []string
	if err := CheckRecords(r, func(m MissingGlyph) { got = append(got, m.String()) }); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`U+1F389 '🎉' in agreements.csv, row 2, column title`,
		`U+1F600 '😀' in activities.csv, row 8, column title`,
		`U+182E 'ᠮ' in book.xlsx, sheet "Ledger", row 3, column agency`,
		`U+1F4B0 '💰' in measures.csv, row 2, column Budget line`,
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing report %q; got %q", w, got)
		}
	}
	for _, g := range got {
		if strings.Contains(g, "Ө") || strings.Contains(g, "configuration") || strings.Contains(g, "🎈") {
			t.Errorf("reported a character the fonts have, or one of a record the report does not show: %s", g)
		}
	}
}
