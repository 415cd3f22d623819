package html

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
)

func sampleReport() *pipeline.Report {
	from, _ := pipeline.MakeDate(2025, time.July, 1)
	to, _ := pipeline.MakeDate(2025, time.September, 30)
	return &pipeline.Report{
		Party:   "Mongolia",
		Title:   "Report on cultural cooperation & <diversity>",
		Version: "v1.2.3",
		Made:    time.Date(2025, time.October, 2, 9, 30, 0, 0, time.UTC),
		Period:  pipeline.Period{Label: "2025-Q3", Name: "third quarter of 2025", From: from, To: to},
	}
}

// sampleMD has every construct of the report's Markdown.
const sampleMD = `# Report on cultural cooperation

## Mongolia, third quarter of 2025

<!-- page-break -->

<!-- page-break -->

<!-- toc -->

# Summary

Fish & chips < 3 > 2, "quoted", Улаанбаатар хот; \<b\> is text, <b>this</b> tag is not.
A soft break, then a hard one\
and more: **bold**, *italic*, a [relative link](notes.md) and [a site](https://example.org/x).

- first point
- second point

1. one
2. two

![a photo](photo.png)

## Партнёры

*Activities by partner country*

| Country | Activities | Amount |
| :--- | ---: | ---: |
| China | 40 | 1,250,000.50 MNT |
| Россия | 57 | 0.00 MNT |

![Activities by country](chart:activities-by-country)

### Not in the contents

<div class="box">left out</div>

# Summary

> A quote.

<!-- page-break -->
`

// fakeChart is what pipeline/render/chartdraw will give: one <svg>.
func fakeChart(calls *[]string) func(name, caption string, w float64) ([]byte, error) {
	return func(name, caption string, w float64) ([]byte, error) {
		*calls = append(*calls, fmt.Sprintf("%s|%s|%g", name, caption, w))
		return []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="504pt" height="252pt" viewBox="0 0 504 252"><rect x="10" y="20" width="300" height="40" fill="#2f6690"/><text x="10" y="90">` + name + ` &amp; Улаанбаатар</text></svg>`), nil
	}
}

func render(t *testing.T, md string, r *pipeline.Report, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, []byte(md), r, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPage(t *testing.T) {
	var calls []string
	out := render(t, sampleMD, sampleReport(), Options{Chart: fakeChart(&calls)})
	root := parseXML(t, out)

	if !bytes.HasPrefix(out, []byte("<!DOCTYPE html>\n")) {
		t.Errorf("the page starts %q, want the HTML5 doctype", out[:min(len(out), 20)])
	}
	if root.name.Local != "html" || root.attr["lang"] != "en" {
		t.Errorf("root <%s lang=%q>, want <html lang=\"en\">", root.name.Local, root.attr["lang"])
	}

	t.Run("head", func(t *testing.T) {
		head := root.one(t, "head", "")
		if got := head.one(t, "title", "").text(); got != "Report on cultural cooperation & <diversity>" {
			t.Errorf("title %q", got)
		}
		meta := map[string]string{}
		charset := false
		for _, m := range head.all("meta", "") {
			if m.attr["charset"] == "utf-8" {
				charset = true
			}
			meta[m.attr["name"]] = m.attr["content"]
		}
		if !charset {
			t.Error("no <meta charset=\"utf-8\">")
		}
		want := map[string]string{
			"viewport":    "width=device-width, initial-scale=1",
			"author":      "Mongolia",
			"description": "Periodic report, third quarter of 2025 (from 1 July to 30 September 2025)",
			"generator":   "coopreport v1.2.3",
		}
		for k, v := range want {
			if meta[k] != v {
				t.Errorf("meta %s = %q, want %q", k, meta[k], v)
			}
		}
		css := head.one(t, "style", "").text()
		for _, rule := range []string{"thead { display: table-header-group; }", ".page-break { break-before: page; }", ".table-wrap { overflow-x: auto;", ".table-wrap { overflow: visible; background: none;", "max-width: 42rem"} {
			if !strings.Contains(css, rule) {
				t.Errorf("the style has no %q", rule)
			}
		}
	})

	body := root.one(t, "body", "")
	t.Run("cover", func(t *testing.T) {
		cover := body.one(t, "header", "cover")
		var got []string
		for _, h := range cover.all("", "") {
			got = append(got, h.name.Local+" "+h.text())
		}
		want := []string{"h1 Report on cultural cooperation", "h2 Mongolia, third quarter of 2025"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("cover holds %q, want %q", got, want)
		}
		if first := body.one(t, "main", "").elems()[0]; first != cover {
			t.Errorf("the page starts with <%s>, not the cover", first.name.Local)
		}
	})

	t.Run("headings and contents", func(t *testing.T) {
		ids := map[string]*elem{}
		var heads []string
		for _, e := range body.all("", "") {
			if id := e.attr["id"]; id != "" {
				if ids[id] != nil {
					t.Errorf("id %q twice", id)
				}
				ids[id] = e
			}
			if n := e.name.Local; len(n) == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '4' {
				heads = append(heads, n+"#"+e.attr["id"]+" "+e.text())
			}
		}
		want := []string{
			"h1#report-on-cultural-cooperation Report on cultural cooperation",
			"h2#mongolia-third-quarter-of-2025 Mongolia, third quarter of 2025",
			"h1#contents Contents",
			"h1#summary Summary",
			"h2#партнёры Партнёры",
			"h3#not-in-the-contents Not in the contents",
			"h1#summary-2 Summary",
		}
		if strings.Join(heads, "\n") != strings.Join(want, "\n") {
			t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(heads, "\n"), strings.Join(want, "\n"))
		}
		nav := body.one(t, "nav", "toc")
		var links []string
		for _, a := range nav.all("a", "") {
			href := a.attr["href"]
			target := ids[strings.TrimPrefix(href, "#")]
			if !strings.HasPrefix(href, "#") || target == nil {
				t.Errorf("contents link %q leads nowhere", href)
				continue
			}
			if target.text() != a.text() {
				t.Errorf("contents entry %q leads to %q", a.text(), target.text())
			}
			links = append(links, fmt.Sprintf("%d %s", a.depth-nav.depth, href))
		}
		// "#" entries in the top list, "##" in the list of their "#".
		wantLinks := []string{"3 #summary", "5 #партнёры", "3 #summary-2"}
		if strings.Join(links, "|") != strings.Join(wantLinks, "|") {
			t.Errorf("contents %q, want %q", links, wantLinks)
		}
	})

	t.Run("text", func(t *testing.T) {
		p := body.all("p", "")[0]
		want := `Fish & chips < 3 > 2, "quoted", Улаанбаатар хот; <b> is text, this tag is not. A soft break, then a hard one and more: bold, italic, a relative link and a site.`
		if p.text() != want {
			t.Errorf("paragraph %q\nwant      %q", p.text(), want)
		}
		if len(p.all("b", "")) != 0 || len(p.all("br", "")) != 1 || len(p.all("strong", "")) != 1 || len(p.all("em", "")) != 1 {
			t.Errorf("paragraph's elements wrong: %d b, %d br, %d strong, %d em", len(p.all("b", "")), len(p.all("br", "")), len(p.all("strong", "")), len(p.all("em", "")))
		}
		links := p.all("a", "")
		if len(links) != 1 || links[0].attr["href"] != "https://example.org/x" {
			t.Errorf("links %v: want only the external one", links)
		}
		if n := len(body.all("ul", "")[0].all("li", "")); n != 2 {
			t.Errorf("%d bullet items", n)
		}
		if n := len(body.all("ol", "")); n < 1 {
			t.Errorf("no numbered list")
		}
		if imgs := body.all("img", ""); len(imgs) != 0 {
			t.Errorf("%d <img>: a picture would be fetched", len(imgs))
		}
		if !strings.Contains(body.text(), "[a photo]") {
			t.Error("the picture's alt text does not stand in for it")
		}
		if strings.Contains(body.text(), "left out") {
			t.Error("raw HTML was written into the page")
		}
		if len(body.all("blockquote", "")) != 1 {
			t.Error("no block quote")
		}
	})

	t.Run("table", func(t *testing.T) {
		wrap := body.one(t, "div", "table-wrap")
		table := wrap.one(t, "table", "")
		if c := table.one(t, "caption", ""); c.text() != "Activities by partner country" || table.elems()[0] != c {
			t.Errorf("caption %q, first child <%s>", c.text(), table.elems()[0].name.Local)
		}
		for _, p := range body.all("p", "") {
			if p.text() == "Activities by partner country" {
				t.Error("the caption is also a paragraph")
			}
		}
		thead := table.one(t, "thead", "")
		if len(thead.all("th", "")) != 3 {
			t.Errorf("%d header cells", len(thead.all("th", "")))
		}
		rows := table.one(t, "tbody", "").all("tr", "")
		if len(rows) != 2 {
			t.Fatalf("%d rows", len(rows))
		}
		cells := rows[1].all("td", "")
		if cells[0].text() != "Россия" || !cells[0].hasClass("short") || strings.Contains(cells[0].attr["style"], "right") {
			t.Errorf("first cell %q class %q style %q", cells[0].text(), cells[0].attr["class"], cells[0].attr["style"])
		}
		for _, c := range append(cells[1:], thead.all("th", "")[1:]...) {
			if c.attr["style"] != "text-align:right" || !c.hasClass("num") {
				t.Errorf("cell %q: style %q class %q, want right-aligned", c.text(), c.attr["style"], c.attr["class"])
			}
		}
	})

	t.Run("chart", func(t *testing.T) {
		if want := []string{"activities-by-country|Activities by country|504"}; strings.Join(calls, ",") != strings.Join(want, ",") {
			t.Errorf("chart calls %q, want %q", calls, want)
		}
		fig := body.one(t, "figure", "chart")
		svg := fig.one(t, "svg", "")
		if svg.name.Space != svgNS || len(svg.all("rect", "")) != 1 {
			t.Errorf("svg in namespace %q with %d rects", svg.name.Space, len(svg.all("rect", "")))
		}
		if c := fig.one(t, "figcaption", ""); c.text() != "Activities by country" {
			t.Errorf("figcaption %q", c.text())
		}
		if fig.inside("p", "") {
			t.Error("the figure is inside a paragraph")
		}
	})

	t.Run("page breaks", func(t *testing.T) {
		// Two in a row make one; one at the end, none.
		breaks := body.all("div", "page-break")
		if len(breaks) != 1 {
			t.Fatalf("%d page breaks, want 1", len(breaks))
		}
		main := body.one(t, "main", "")
		kids := main.elems()
		if kids[1] != breaks[0] || kids[2].name.Local != "nav" {
			t.Errorf("after the cover: <%s class=%q>, then <%s>", kids[1].name.Local, kids[1].attr["class"], kids[2].name.Local)
		}
	})

	t.Run("footer", func(t *testing.T) {
		f := body.one(t, "footer", "colophon")
		if f.text() != "Made on 2 October 2025" {
			t.Errorf("footer %q", f.text())
		}
	})
}

// TestSelfContained: nothing in the page runs or is fetched.
func TestSelfContained(t *testing.T) {
	var calls []string
	md := sampleMD + "\n<script>alert(1)</script>\n\n<link rel=\"stylesheet\" href=\"http://x/y.css\">\n\n<img src=\"https://x/y.png\">\n\n![remote](https://example.org/p.png)\n"
	out := string(render(t, md, sampleReport(), Options{Chart: fakeChart(&calls)}))
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "src=", "url(", "@import", "@font-face"} {
		if strings.Contains(strings.ToLower(out), strings.ToLower(bad)) {
			t.Errorf("the page holds %q", bad)
		}
	}
	ok := map[string]bool{"http://www.w3.org/1999/xhtml": true, "http://www.w3.org/2000/svg": true}
	for _, u := range regexp.MustCompile(`https?://[^\s"'<>)]*`).FindAllString(out, -1) {
		// The sample's one link to follow, and the namespaces.
		if !ok[u] && u != "https://example.org/x" {
			t.Errorf("the page refers to %s", u)
		}
	}
}

func TestSameBytes(t *testing.T) {
	var calls []string
	a := render(t, sampleMD, sampleReport(), Options{Chart: fakeChart(&calls)})
	b := render(t, sampleMD, sampleReport(), Options{Chart: fakeChart(&calls)})
	if !bytes.Equal(a, b) {
		t.Error("the same inputs gave different pages")
	}
}

func TestNoCover(t *testing.T) {
	out := render(t, "# Title\n\n<!-- toc -->\n\n## One\n\n# Two\n", &pipeline.Report{}, Options{})
	root := parseXML(t, out)
	if len(root.all("header", "cover")) != 0 {
		t.Error("a cover without a page break")
	}
	if got := root.one(t, "title", "").text(); got != "Title" {
		t.Errorf("title %q, want the first heading", got)
	}
	if len(root.all("footer", "")) != 0 {
		t.Error("a \"Made on\" line without a date")
	}
	// A "##" before any "#" is a top entry; the heading before the
	// directive titles the contents.
	nav := root.one(t, "nav", "toc")
	if len(nav.all("h1", "")) != 0 {
		t.Error("contents titled twice")
	}
	var got []string
	for _, li := range nav.all("li", "") {
		got = append(got, li.attr["class"]+":"+li.text())
	}
	if want := ":Two"; len(got) != 2 || got[0] != "sub:One" || got[1] != want {
		t.Errorf("contents %q", got)
	}
}

func TestEmptyCover(t *testing.T) {
	root := parseXML(t, render(t, "<!-- page-break -->\n\n# Title\n", &pipeline.Report{}, Options{}))
	if n := len(root.all("header", "")); n != 0 {
		t.Errorf("%d covers for a page break at the start", n)
	}
}

// TestXMLSafe: characters XML does not allow, in the text or the title,
// leave the page well-formed.
func TestXMLSafe(t *testing.T) {
	r := &pipeline.Report{Title: "bell\a title", Party: "x\x01y"}
	out := render(t, "# Head\x0bing\n\nText &#1; with \x02 control \xff bytes.\n", r, Options{})
	parseXML(t, out)
}

func TestErrors(t *testing.T) {
	var calls []string
	good := fakeChart(&calls)
	svgOf := func(s string) func(string, string, float64) ([]byte, error) {
		return func(string, string, float64) ([]byte, error) { return []byte(s), nil }
	}
	chartMD := "# T\n\n![caption](chart:money-by-bucket)\n"
	tests := []struct {
		name, md string
		r        *pipeline.Report
		chart    func(string, string, float64) ([]byte, error)
		want     string
	}{
		{"no report", "# T\n", nil, good, "no report"},
		{"chart in a sentence", "# T\n\nSee ![c](chart:money-by-bucket) here.\n", sampleReport(), good, `line 3: the chart "money-by-bucket" must stand alone`},
		{"no chart drawer", chartMD, sampleReport(), nil, "no way to draw charts"},
		{"chart fails", chartMD, sampleReport(), func(string, string, float64) ([]byte, error) { return nil, errors.New("unknown chart") }, `line 3: chart "money-by-bucket": unknown chart`},
		{"not xml", chartMD, sampleReport(), svgOf(`<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>`), "not well-formed"},
		{"declaration", chartMD, sampleReport(), svgOf(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`), "XML declaration"},
		{"no namespace", chartMD, sampleReport(), svgOf(`<svg><rect/></svg>`), "not an <svg>"},
		{"two roots", chartMD, sampleReport(), svgOf(`<svg xmlns="http://www.w3.org/2000/svg"/><svg xmlns="http://www.w3.org/2000/svg"/>`), "2 root elements"},
		{"script", chartMD, sampleReport(), svgOf(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "<script>"},
		{"handler", chartMD, sampleReport(), svgOf(`<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>`), "event handler"},
		{"remote image", chartMD, sampleReport(), svgOf(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="http://x/y.png"/></svg>`), "outside the page"},
		{"remote fill", chartMD, sampleReport(), svgOf(`<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(http://x/p.svg#g)"/></svg>`), "outside the page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := Write(&b, []byte(tt.md), tt.r, Options{Chart: tt.chart})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one with %q", err, tt.want)
			}
			if b.Len() != 0 {
				t.Error("something was written before the error")
			}
		})
	}
	// An SVG that refers to its own gradient is fine.
	var b bytes.Buffer
	ok := svgOf(`<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/></svg>`)
	if err := Write(&b, []byte(chartMD), sampleReport(), Options{Chart: ok}); err != nil {
		t.Error(err)
	}
}

// TestColumns: numbers and short texts stay on one line, long texts get
// room, by the longest body cell of each column.
func TestColumns(t *testing.T) {
	md := "| ID | Title | Date | Note | Amount |\n| --- | --- | --- | --- | ---: |\n" +
		"| AG-013 | Agreement on cultural cooperation between the Government of Mongolia and Lithuania | 14 October – 8 November 2013 | as the register gives it | 1,200.00 MNT |\n" +
		"| AG-014 | Short | 1 May 2014 | x | 3 MNT |\n"
	root := parseXML(t, render(t, md, sampleReport(), Options{}))
	var got []string
	for _, tr := range root.all("tr", "") {
		var row []string
		for _, c := range tr.elems() {
			row = append(row, c.attr["class"])
		}
		got = append(got, strings.Join(row, ","))
	}
	want := []string{"short,long,,short,num", "short,long,,short,num", "short,long,,short,num"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("classes %q, want %q", got, want)
	}
}

// TestLandscape: a table too wide for a portrait page is printed on
// landscape pages with the page break, heading and paragraph before it
// and what follows it up to the next heading, as the PDF draws it.
func TestLandscape(t *testing.T) {
	long := strings.Repeat("Agreement on cultural cooperation ", 2)
	row := "| AG-1 | Mongolia | " + long + " | " + long + " | " + long + " | 1994-01-20 | from 1994-01-20 |\n"
	md := "# Cover\n\n<!-- page-break -->\n\n# Narrow\n\n| a | b |\n| --- | ---: |\n| x | 1 |\n\n<!-- page-break -->\n\n# Annex\n\nThe register.\n\n" +
		"*Agreements*\n\n| ID | Partner | Title | Note | Other | Signed | In force |\n| --- | --- | --- | --- | --- | --- | --- |\n" + row + row +
		"\nAfter the table.\n\n# Next\n\nText.\n"
	root := parseXML(t, render(t, md, sampleReport(), Options{}))
	g := root.one(t, "div", "landscape")
	var got []string
	for _, e := range g.elems() {
		got = append(got, e.name.Local+"."+e.attr["class"])
	}
	want := []string{"div.page-break", "h1.", "p.", "div.table-wrap", "p."}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("landscape group holds %q, want %q", got, want)
	}
	if g.one(t, "caption", "").text() != "Agreements" {
		t.Error("the wide table lost its caption")
	}
	if n := len(root.all("div", "page-break")); n != 2 {
		t.Errorf("%d page breaks, want 2", n)
	}
}

func TestIDs(t *testing.T) {
	md := "# Agreements that ended during the period\n\n# Agreements that ended during the period\n\n# Соёлын хамтын ажиллагаа\n\n# ***\n\n#  !?\n\n" +
		"# Quadrennial periodic report on the 2005 Convention on the Protection and Promotion of the Diversity of Cultural Expressions\n"
	root := parseXML(t, render(t, md, &pipeline.Report{}, Options{}))
	var got []string
	for _, h := range root.all("h1", "") {
		got = append(got, h.attr["id"])
	}
	want := []string{"agreements-that-ended-during-the-period", "agreements-that-ended-during-the-period-2", "соёлын-хамтын-ажиллагаа", "section", "section-2",
		"quadrennial-periodic-report-on-the-2005-convention-on-the"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("ids\n%q\nwant\n%q", got, want)
	}
}

func TestCSSString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Periodic report", `"Periodic report"`},
		{`a "b" <c> & \d`, `"a \22 b\22  \3c c\3e  \26  \5c d"`},
		{"2012–2015 Улаанбаатар", `"2012–2015 Улаанбаатар"`},
		{"line\nbreak", `"line break"`},
	}
	for _, tt := range tests {
		if got := cssString(tt.in); got != tt.want {
			t.Errorf("cssString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// Options.Landscape, the PDF's decision for each table, overrides the
// page's own judgement: a narrow table the PDF turned prints turned, a
// wide one it kept upright prints upright.
func TestLandscapeAsThePDF(t *testing.T) {
	long := strings.Repeat("Agreement on cultural cooperation ", 2)
	row := "| AG-1 | Mongolia | " + long + " | " + long + " | " + long + " | 1994-01-20 | from 1994-01-20 |\n"
	md := "# Narrow\n\n| a | b |\n| --- | ---: |\n| x | 1 |\n\n# Wide\n\n| ID | Partner | Title | Note | Other | Signed | In force |\n| --- | --- | --- | --- | --- | --- | --- |\n" + row
	root := parseXML(t, render(t, md, sampleReport(), Options{Landscape: []bool{true, false}}))
	groups := root.all("div", "landscape")
	if len(groups) != 1 || !strings.Contains(groups[0].text(), "Narrow") || strings.Contains(groups[0].text(), "AG-1") {
		t.Errorf("landscape groups %d; want the narrow table's only", len(groups))
	}
}

// A chart's picture is named by its caption for screen readers.
func TestChartHasItsName(t *testing.T) {
	var calls []string
	page := string(render(t, "# Charts\n\n![Activities & partners](chart:activities-by-country)\n", sampleReport(), Options{Chart: fakeChart(&calls)}))
	if !strings.Contains(page, `<svg aria-label="Activities &amp; partners" `) {
		t.Errorf("the chart has no accessible name:\n%s", page)
	}
	parseXML(t, []byte(page))
}
