package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
)

func dec(s string) pipeline.Decimal {
	d, err := pipeline.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

func date(y int, m time.Month, d int) pipeline.Date { return pipeline.Date{Year: y, Month: m, Day: d} }

var (
	russia   = pipeline.Country{Code: "RU", Alpha3: "RUS", Name: "Russia", LongName: "Russian Federation"}
	china    = pipeline.Country{Code: "CN", Alpha3: "CHN", Name: "China", LongName: "People's Republic of China"}
	japan    = pipeline.Country{Code: "JP", Alpha3: "JPN", Name: "Japan", LongName: "Japan"}
	kuwait   = pipeline.Country{Code: "KW", Alpha3: "KWT", Name: "Kuwait", LongName: "State of Kuwait"}
	multilat = pipeline.Country{}
)

// sampleReport is the numbers behind the fixture: a period of 2025-Q3 by
// month. Only what the PDF takes from the report is filled in: metadata,
// the running header and footer, and the charts' numbers.
func sampleReport() *pipeline.Report {
	return &pipeline.Report{
		Party:    "Mongolia",
		Title:    "Соёлын хамтын ажиллагааны тайлан",
		Currency: "MNT",
		Version:  "v1.2.3",
		Made:     time.Date(2025, time.October, 2, 9, 30, 0, 0, time.UTC),
		Period: pipeline.Period{
			Label: "2025-Q3", Name: "third quarter of 2025", From: date(2025, 7, 1), To: date(2025, 9, 30), By: pipeline.ByMonth,
			Buckets: []pipeline.Bucket{
				{Label: "2025-07", From: date(2025, 7, 1), To: date(2025, 7, 31)},
				{Label: "2025-08", From: date(2025, 8, 1), To: date(2025, 8, 31)},
				{Label: "2025-09", From: date(2025, 9, 1), To: date(2025, 9, 30)},
			},
		},
		Grand:     pipeline.Counts{Signed: 4, InForce: 8, Activities: 101, Participants: 124711},
		Countries: []pipeline.Country{china, japan, kuwait, russia},
		Totals: []pipeline.SummaryRow{
			{Bucket: "2025-Q3", Country: china, Counts: pipeline.Counts{Signed: 1, InForce: 2, Activities: 40, Participants: 1200}},
			{Bucket: "2025-Q3", Country: japan, Counts: pipeline.Counts{Signed: 0, InForce: 1, Activities: 3, Participants: 45}},
			{Bucket: "2025-Q3", Country: kuwait, Counts: pipeline.Counts{Signed: 0, InForce: 1, Activities: 0, Participants: 0}},
			{Bucket: "2025-Q3", Country: russia, Counts: pipeline.Counts{Signed: 2, InForce: 3, Activities: 57, Participants: 123456}},
			{Bucket: "2025-Q3", Country: multilat, Counts: pipeline.Counts{Signed: 1, InForce: 1, Activities: 1, Participants: 10}},
		},
		Summary: []pipeline.SummaryRow{
			{Bucket: "2025-07", Country: china, Counts: pipeline.Counts{Signed: 1, InForce: 2, Activities: 20, Participants: 600}},
			{Bucket: "2025-07", Country: russia, Counts: pipeline.Counts{Signed: 2, InForce: 3, Activities: 30, Participants: 100000}},
			{Bucket: "2025-07", Country: multilat, Counts: pipeline.Counts{Signed: 1, InForce: 1, Activities: 1, Participants: 10}},
			{Bucket: "2025-08", Country: russia, Counts: pipeline.Counts{InForce: 3, Activities: 27, Participants: 23456}},
			{Bucket: "2025-08", Country: japan, Counts: pipeline.Counts{InForce: 1, Activities: 3, Participants: 45}},
			{Bucket: "2025-09", Country: china, Counts: pipeline.Counts{InForce: 2, Activities: 20, Participants: 600}},
		},
		Finance: []pipeline.FinanceRow{
			{Bucket: "2025-07", Country: china, Currency: "MNT", Amount: dec("1250000.5"), Rate: dec("1"), RateKnown: true, Reporting: dec("1250000.50"), Converted: true},
			{Bucket: "2025-07", Country: russia, Currency: "MNT", Amount: dec("98765432.10"), Rate: dec("1"), RateKnown: true, Reporting: dec("98765432.10"), Converted: true},
			{Bucket: "2025-08", Country: japan, Currency: "JPY", Amount: dec("150000"), Rate: dec("23.456"), RateKnown: true, Reporting: dec("3518400.00"), Converted: true},
			{Bucket: "2025-09", Country: kuwait, Currency: "KWD", Amount: dec("1234.5")},
		},
		BucketMoney: []pipeline.FinanceRow{
			{Bucket: "2025-07", Currency: "MNT", Amount: dec("100015432.60"), Rate: dec("1"), RateKnown: true, Reporting: dec("100015432.60"), Converted: true},
			{Bucket: "2025-08", Currency: "JPY", Amount: dec("150000"), Rate: dec("23.456"), RateKnown: true, Reporting: dec("3518400.00"), Converted: true},
			{Bucket: "2025-09", Currency: "KWD", Amount: dec("1234.5")},
		},
		BucketReporting: []pipeline.Decimal{dec("100015432.60"), dec("3518400.00"), {}},
	}
}

// Fixture sizes: a table long enough to span several pages, a paragraph
// long enough to flow over more than one, a cell taller than a page.
const (
	fixtureRows      = 400
	fixtureLongWords = 1800
	fixtureTallWords = 1500
)

// fixture is a report in the Markdown dialect of markdown.go, with every
// construct the templates use.
func fixture() string {
	var b strings.Builder
	b.WriteString(`**Mongolia**

# Periodic report on international cultural cooperation

Period 2025-Q3: 1 July 2025 to 30 September 2025

*Made on 2 October 2025*

<!-- page-break -->

## Contents

<!-- toc -->

<!-- page-break -->

# Summary of the period

Mongolia reports on its cooperation with **26 countries**, *such as* the Russian Federation
and the People's Republic of China; ***one plan*** was signed with the DPRK on
` + "`2015-09-23`" + `. Visit <https://en.unesco.org/creativity> or [the ministry](https://mecs.gov.mn).

- Agreements in force: **8**
- Activities: 101
  - with Russia: 57
  - with China: 40
- Participants: 124,711

1. First numbered item
2. Second numbered item
   1. Nested numbered item
3. Third numbered item

> A quotation from the measure: cultural cooperation is a long-term commitment
> of the Government of Mongolia.

---

## Mongolian and Russian text

Өвөр Монголын театртай байгуулсан санамж бичиг; үндэсний Үндэсний бүжиг; ₮ 1,250,000,000 from the state budget.
Соглашение о культурном сотрудничестве между Монголией и Российской Федерацией.
An emoji 😀 is replaced, visibly.

<div class="ignored">raw HTML block, never drawn</div>

Inline HTML <span>is</span> ignored too.

## A measure with a very long text

`)
	for i := range fixtureLongWords {
		fmt.Fprintf(&b, "long%04d ", i)
		if i%15 == 14 {
			b.WriteString("\n")
		}
	}
	b.WriteString(`

# Tables

Short text before the table.

*Table 1. Activities of the period*

| Date | Country | Title | Participants | Amount (MNT) |
|:-----|:--------|:------|-------------:|-------------:|
`)
	countries := []string{"Russia", "China", "Japan", "Multilateral"}
	for i := range fixtureRows {
		title := fmt.Sprintf("Гастроли ансамбля «Үндэсний дуу бүжиг» № %d", i+1)
		if i == 7 {
			title = "Concert in Ulaanbaatar with a **long title** that has to wrap onto a second line of its cell to test row heights"
		}
		fmt.Fprintf(&b, "| 2025-%02d-%02d | %s | %s | %d | %s |\n", 7+i%3, 1+i%28, countries[i%4], title, 10+i, pipeline.Grouped(pipeline.NewDecimal(int64(1000000+i*1234567), 2), "MNT"))
	}
	b.WriteString("| **Total** | | | **")
	b.WriteString(pipeline.GroupDigits(strconv.Itoa(fixtureRows*10 + fixtureRows*(fixtureRows-1)/2)))
	b.WriteString("** | |\n")
	b.WriteString(`
## A cell taller than a page

**Table 2. One tall row**

| ID | Text |
|----|------|
| TALL-1 | `)
	for i := range fixtureTallWords {
		fmt.Fprintf(&b, "tall%04d ", i)
	}
	b.WriteString(`|
| AFTER-1 | The row after the tall one. |

# Charts

![Figure 1. Activities per partner country](chart:activities-by-country)

![Figure 2. Money spent per month](chart:money-by-bucket)

![Figure 3. Agreements in force and signed](chart:agreements-timeline)

# Annex

### A third-level heading

Text under it.

#### A fourth-level heading

The end.
`)
	return b.String()
}

// writeReport writes md and r to a temporary file and returns its path, its
// bytes and the missing glyphs reported.
func writeReport(t testing.TB, md string, r *pipeline.Report, opt Options) (string, []byte, []MissingGlyph) {
	t.Helper()
	doc, err := Render([]byte(md), r, opt)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	var buf bytes.Buffer
	if err := doc.Write(&buf); err != nil {
		t.Fatalf("Write: %v", err)
	}
	missing := doc.Missing
	path := filepath.Join(t.TempDir(), "report-2025-Q3.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes(), missing
}

// tool finds a program users check PDFs with. CI installs poppler-utils
// and qpdf, so a missing one fails the test rather than skipping it.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is needed to check the PDF (install poppler-utils and qpdf): %v", name, err)
	}
	return p
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// pages returns the text of each page, as pdftotext extracts it.
func pages(t *testing.T, path string, layout bool) []string {
	t.Helper()
	args := []string{"-enc", "UTF-8", path, "-"}
	if layout {
		args = append([]string{"-layout"}, args...)
	}
	p := strings.Split(run(t, "pdftotext", args...), "\f")
	if len(p) > 0 && strings.TrimSpace(p[len(p)-1]) == "" {
		p = p[:len(p)-1]
	}
	return p
}

// flat collapses white space, so that wrapped text reads on.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// written is the fixture drawn once for the tests that only read it.
var written struct {
	path    string
	pdf     []byte
	missing []MissingGlyph
}

func writeFixture(t *testing.T) (string, []byte, []MissingGlyph) {
	t.Helper()
	if written.path == "" {
		doc, err := Render([]byte(fixture()), sampleReport(), Options{})
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		var buf bytes.Buffer
		if err := doc.Write(&buf); err != nil {
			t.Fatalf("Write: %v", err)
		}
		written.missing = doc.Missing
		dir, err := os.MkdirTemp("", "pdftest")
		if err != nil {
			t.Fatal(err)
		}
		written.path, written.pdf = filepath.Join(dir, "report-2025-Q3.pdf"), buf.Bytes()
		if err := os.WriteFile(written.path, written.pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return written.path, written.pdf, written.missing
}

func TestMain(m *testing.M) {
	code := m.Run()
	if written.path != "" {
		os.RemoveAll(filepath.Dir(written.path))
	}
	os.Exit(code)
}

// inOrder reports the first of wants that text does not hold after the
// ones before it.
func inOrder(text string, wants ...string) (string, bool) {
	at := 0
	for _, w := range wants {
		i := strings.Index(text[at:], w)
		if i < 0 {
			return w, false
		}
		at += i + len(w)
	}
	return "", true
}

func TestReadingOrder(t *testing.T) {
	path, _, _ := writeFixture(t)
	text := flat(strings.Join(pages(t, path, false), "\n"))
	want := []string{
		"Mongolia", "Periodic report on international cultural cooperation", "Period 2025-Q3: 1 July 2025 to 30 September 2025",
		"Made on 2 October 2025",
		"Contents", "Summary of the period", "Tables", "Charts", "Annex",
		"Summary of the period",
		"Mongolia reports on its cooperation with 26 countries, such as the Russian Federation and the People's Republic of China; one plan was signed with the DPRK on 2015-09-23.",
		"Visit https://en.unesco.org/creativity or the ministry.",
		"• Agreements in force: 8", "• Activities: 101", "– with Russia: 57", "– with China: 40", "• Participants: 124,711",
		"1. First numbered item", "2. Second numbered item", "1. Nested numbered item", "3. Third numbered item",
		"A quotation from the measure: cultural cooperation is a long-term commitment of the Government of Mongolia.",
		"Mongolian and Russian text",
		"Өвөр Монголын театртай байгуулсан санамж бичиг; үндэсний Үндэсний бүжиг; ₮ 1,250,000,000 from the state budget.",
		"Соглашение о культурном сотрудничестве между Монголией и Российской Федерацией.",
		"An emoji \uFFFD is replaced, visibly.",
		"Inline HTML is ignored too.",
		"A measure with a very long text", "long0000 long0001", "long1799",
		"Tables", "Short text before the table.",
		"Table 1. Activities of the period", "Date Country Title Participants Amount (MNT)",
		"2025-07-01 Russia Гастроли ансамбля «Үндэсний дуу бүжиг» № 1 10 10,000.00",
		"Concert in Ulaanbaatar with a long title that has to wrap onto a second line of its cell to test row heights",
		"№ 400", "Total 83,800",
		"A cell taller than a page", "Table 2. One tall row", "TALL-1 tall0000", "tall1499", "AFTER-1 The row after the tall one.",
		"Charts", "Activities by partner country", "Figure 1. Activities per partner country",
		"Money spent on activities, by month", "Figure 2. Money spent per month",
		"Agreements in force and signed, by month", "Figure 3. Agreements in force and signed",
		"Annex", "A third-level heading", "Text under it.", "A fourth-level heading", "The end.",
	}
	if w, ok := inOrder(text, want...); !ok {
		t.Errorf("the PDF text lacks %q where it should be, after the texts before it", w)
	}
	for _, gone := range []string{"raw HTML block", "<span>", "<!--", "page-break", "chart:", "**", "`"} {
		if strings.Contains(text, gone) {
			t.Errorf("the PDF text holds %q", gone)
		}
	}
	for i := 1; i <= fixtureRows; i++ {
		if i == 8 {
			continue // its title is another
		}
		if n := strings.Count(text, fmt.Sprintf("№ %d ", i)); n != 1 {
			t.Fatalf("row %d of the long table appears %d times", i, n)
		}
	}
}

// tocEntry is one line of the table of contents as pdftotext reads it.
type tocEntry struct {
	title string
	page  int
}

func TestTableOfContents(t *testing.T) {
	path, _, _ := writeFixture(t)
	pp := pages(t, path, true)
	entry := regexp.MustCompile(`^\s*(\S.*?)\s{2,}(\d+)$`)
	var toc []tocEntry
	for _, l := range strings.Split(pp[1], "\n") {
		if m := entry.FindStringSubmatch(l); m != nil && !strings.Contains(l, "Page 2 of") {
			n, _ := strconv.Atoi(m[2])
			toc = append(toc, tocEntry{m[1], n})
		}
	}
	want := []string{"Summary of the period", "Mongolian and Russian text", "A measure with a very long text", "Tables", "A cell taller than a page", "Charts", "Annex"}
	if len(toc) != len(want) {
		t.Fatalf("the contents list %v; want %q", toc, want)
	}
	for i, e := range toc {
		t.Run(e.title, func(t *testing.T) {
			if e.title != want[i] {
				t.Fatalf("entry %d is %q; want %q", i+1, e.title, want[i])
			}
			// The page the heading is on: the first page after the
			// contents with a line that is just the heading.
			found := 0
			for p := 3; p <= len(pp) && found == 0; p++ {
				for _, l := range strings.Split(pp[p-1], "\n") {
					if strings.TrimSpace(l) == e.title {
						found = p
						break
					}
				}
			}
			if found != e.page {
				t.Errorf("the contents give page %d; the heading is on page %d", e.page, found)
			}
		})
	}
}

// outline is a bookmark as qpdf lists it.
type outline struct {
	Title string    `json:"title"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

func TestBookmarks(t *testing.T) {
	path, _, _ := writeFixture(t)
	var out struct{ Outlines []outline }
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &out); err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func([]outline, string)
	walk = func(oo []outline, indent string) {
		for _, o := range oo {
			got = append(got, fmt.Sprintf("%s%s p%d", indent, o.Title, o.Page))
			walk(o.Kids, indent+"  ")
		}
	}
	walk(out.Outlines, "")
	pp := pages(t, path, false)
	want := []string{
		"Periodic report on international cultural cooperation p1",
		"  Contents p2",
		"Summary of the period p3",
		"  Mongolian and Russian text p3",
		"  A measure with a very long text p3",
		"Tables p6",
		"  A cell taller than a page p" + fmt.Sprint(pageOf(pp, "A cell taller than a page")),
		"Charts p" + fmt.Sprint(pageOf(pp, "Charts")),
		"Annex p" + fmt.Sprint(pageOf(pp, "Annex")),
		"  A third-level heading p" + fmt.Sprint(pageOf(pp, "A third-level heading")),
		"    A fourth-level heading p" + fmt.Sprint(pageOf(pp, "A fourth-level heading")),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// pageOf returns the last page with a line that is just s.
func pageOf(pp []string, s string) int {
	found := 0
	for i, p := range pp {
		for _, l := range strings.Split(p, "\n") {
			if strings.TrimSpace(l) == s {
				found = i + 1
			}
		}
	}
	return found
}

func TestPagesAndFurniture(t *testing.T) {
	path, _, _ := writeFixture(t)
	pp := pages(t, path, true)
	if strings.Contains(pp[0], "Page 1") || strings.Contains(pp[0], "third quarter of 2025 ") {
		t.Errorf("the cover has a running header or footer:\n%s", pp[0])
	}
	for i, p := range pp[1:] {
		// The period in words; the tool's name is in the properties, not
		// on every page.
		if !strings.Contains(p, "Соёлын хамтын ажиллагааны тайлан") || !strings.Contains(p, "third quarter of 2025") ||
			!strings.Contains(p, fmt.Sprintf("Page %d of %d", i+2, len(pp))) || !strings.Contains(p, "Made on 2 October 2025") ||
			strings.Contains(p, "coopreport") {
			t.Errorf("page %d lacks the running header or footer:\n%s", i+2, p)
		}
	}
	t.Run("long table continues", func(t *testing.T) {
		cont := 0
		header := regexp.MustCompile(`Date\s+Country\s+Title\s+Participants\s+Amount`)
		for _, p := range pp {
			if strings.Contains(p, "Table 1. Activities of the period (continued)") {
				cont++
				if !header.MatchString(p) {
					t.Errorf("a continued page lacks the column header:\n%s", p)
				}
			}
		}
		if cont < 5 {
			t.Errorf("the long table continued on %d pages; want at least 5", cont)
		}
	})
	t.Run("row never split", func(t *testing.T) {
		// Row 8 wraps onto two lines: both are on the same page.
		for _, p := range pp {
			if strings.Contains(p, "Concert in Ulaanbaatar") != strings.Contains(p, "onto a second line of its cell") {
				t.Error("a two-line row is split across pages")
			}
		}
	})
	t.Run("tall cell split", func(t *testing.T) {
		first, last := 0, 0
		for i, p := range pp {
			if strings.Contains(p, "tall1499") {
				last = i + 1
			}
			if strings.Contains(p, "tall0000") && first == 0 {
				first = i + 1
			}
		}
		if last <= first {
			t.Errorf("the tall cell runs from page %d to %d; want it split over pages", first, last)
		}
		for p := first + 1; p <= last; p++ {
			if !strings.Contains(pp[p-1], "Table 2. One tall row (continued)") {
				t.Errorf("page %d, which the tall cell continues on, lacks its caption with (continued)", p)
			}
		}
	})
	t.Run("heading kept with its text", func(t *testing.T) {
		for i, p := range pp {
			lines := strings.Split(strings.TrimRight(p, "\n "), "\n")
			// The last line of the body is above the footer line.
			var body []string
			for _, l := range lines {
				if strings.TrimSpace(l) != "" && !strings.Contains(l, "Page ") {
					body = append(body, strings.TrimSpace(l))
				}
			}
			if len(body) == 0 {
				continue
			}
			for _, h := range []string{"Summary of the period", "Tables", "A cell taller than a page", "Charts", "Annex", "A third-level heading"} {
				if body[len(body)-1] == h {
					t.Errorf("page %d ends with the heading %q", i+1, h)
				}
			}
		}
	})
}

func TestMissingGlyphs(t *testing.T) {
	_, _, missing := writeFixture(t)
	line := 0
	for i, l := range strings.Split(fixture(), "\n") {
		if strings.Contains(l, "😀") {
			line = i + 1
		}
	}
	want := []MissingGlyph{{'😀', fmt.Sprintf("report text, line %d", line)}}
	if fmt.Sprint(missing) != fmt.Sprint(want) {
		t.Errorf("missing glyphs %v; want %v", missing, want)
	}
}

func TestFontsAndStructure(t *testing.T) {
	path, _, _ := writeFixture(t)
	t.Run("fonts embedded", func(t *testing.T) {
		out := run(t, "pdffonts", path)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 2+4 { // header lines + regular, bold, oblique, bold oblique
			t.Fatalf("pdffonts lists %d fonts; want 4:\n%s", len(lines)-2, out)
		}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			// name type... emb sub uni object ID: emb is the 5th field from the end.
			if len(f) < 7 || f[len(f)-5] != "yes" || !strings.Contains(strings.ToLower(l), "dejavu") {
				t.Errorf("font not embedded, or not ours: %s", l)
			}
		}
	})
	t.Run("qpdf check", func(t *testing.T) {
		out := run(t, "qpdf", "--check", path)
		if !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(out, "WARNING") {
			t.Errorf("qpdf --check:\n%s", out)
		}
	})
	t.Run("metadata", func(t *testing.T) {
		info := run(t, "pdfinfo", path)
		for _, want := range []string{
			"Title:           Соёлын хамтын ажиллагааны тайлан\n",
			"Author:          Mongolia\n",
			"Subject:         Periodic report, third quarter of 2025 (from 1 July to 30 September 2025)\n",
			"Keywords:        cultural cooperation, periodic report, Mongolia, 2025-Q3\n",
			"Creator:         coopreport v1.2.3\n",
			"CreationDate:    Thu Oct  2 09:30:00 2025 UTC\n",
			"ModDate:         Thu Oct  2 09:30:00 2025 UTC\n",
			"Page size:       595.28 x 841.89 pts (A4)\n",
		} {
			if !strings.Contains(info, want) {
				t.Errorf("pdfinfo lacks %q:\n%s", want, info)
			}
		}
	})
}

func TestDeterministic(t *testing.T) {
	_, a, _ := writeFixture(t)
	_, b, _ := writeReport(t, fixture(), sampleReport(), Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same report differ")
	}
	r := sampleReport()
	r.Made = r.Made.Add(24 * time.Hour)
	_, c, _ := writeReport(t, fixture(), r, Options{})
	if bytes.Equal(a, c) {
		t.Fatal("the made date does not reach the PDF")
	}
}

func TestPageSize(t *testing.T) {
	md := "# Title\n\nText.\n"
	tests := []struct {
		name, size string
		wantSize   string // as pdfinfo says it
		wantErr    bool
	}{
		{"default", "", "595.28 x 841.89 pts (A4)", false},
		{"letter", "Letter", "612 x 792 pts (letter)", false},
		{"lower case", "a4", "(A4)", false},
		{"unknown", "A5", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, []byte(md), sampleReport(), Options{PageSize: tt.size})
			if tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), "use A4 or Letter") {
					t.Fatalf("err = %v; want a hint about A4 or Letter", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "r.pdf")
			os.WriteFile(path, buf.Bytes(), 0o644)
			if info := run(t, "pdfinfo", path); !strings.Contains(info, tt.wantSize) {
				t.Errorf("pdfinfo: want %q in\n%s", tt.wantSize, info)
			}
		})
	}
	// The whole fixture on Letter: narrower pages, the same text.
	path, _, _ := writeReport(t, fixture(), sampleReport(), Options{PageSize: "Letter"})
	text := flat(strings.Join(pages(t, path, false), "\n"))
	if w, ok := inOrder(text, "Summary of the period", "long1799", "№ 400", "tall1499", "Figure 3."); !ok {
		t.Errorf("the Letter PDF lacks %q", w)
	}
}

// fixtureSmall is a short report in the dialect, for the tests of single
// features.
const fixtureSmall = `# Cover title

<!-- page-break -->

# Contents

<!-- toc -->

# Section one

Text with **bold**, *italic* and ` + "`code`" + `.

*A caption*

| Name | Count |
|:-----|------:|
| a    | 1     |

# Section two

![The activities](chart:activities-by-country)
`

func BenchmarkWrite(b *testing.B) {
	md, r := []byte(fixture()), sampleReport()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, md, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/op-output")
}

// The document's dates carry their offset from UTC, so that a reader in
// any zone shows the moment the report was made (fpdf writes them
// without one); the file stays whole.
func TestCreationDateOffset(t *testing.T) {
	r := sampleReport()
	r.Made = time.Date(2025, time.October, 2, 9, 30, 0, 0, time.FixedZone("ULAT", 8*3600))
	path, _, _ := writeReport(t, "# Title\n\nText.\n", r, Options{})
	cmd := exec.Command("pdfinfo", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	info := string(out)
	for _, want := range []string{
		"CreationDate:    Thu Oct  2 01:30:00 2025 UTC\n", // 09:30 in Ulaanbaatar
		"ModDate:         Thu Oct  2 01:30:00 2025 UTC\n",
		"Producer:        coopreport (codeberg.org/go-pdf/fpdf)\n",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if check := run(t, "qpdf", "--check", path); !strings.Contains(check, "No syntax or stream encoding errors") || strings.Contains(check, "WARNING") {
		t.Errorf("qpdf --check:\n%s", check)
	}
}

// A title too long for the running header is shortened at a word, not
// inside one, and not on a word that leads to the next; a short title,
// when the configuration gives one, is used instead.
func TestRunningHeaderTitle(t *testing.T) {
	const title = "Quadrennial periodic report on the 2005 Convention on the Protection and Promotion of the Diversity of Cultural Expressions"
	md := "# Title\n\n<!-- page-break -->\n\n# Section\n\nText.\n"
	for _, short := range []string{"", "Periodic report on the 2005 Convention"} {
		r := sampleReport()
		r.Title, r.ShortTitle = title, short
		path, _, _ := writeReport(t, md, r, Options{})
		head := strings.SplitN(strings.TrimSpace(pages(t, path, true)[1]), "\n", 2)[0]
		head = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(head), "third quarter of 2025"))
		if short != "" {
			if head != short {
				t.Errorf("header %q, want the short title %q", head, short)
			}
			continue
		}
		cut, ok := strings.CutSuffix(head, "…")
		words := strings.Fields(cut)
		last := words[len(words)-1]
		if !ok || !strings.HasPrefix(title, cut+" ") || smallWords[lang.English][strings.ToLower(last)] {
			t.Errorf("header %q: not cut after a whole word of the title", head)
		}
	}
}
