package html

import (
	"coopreport/pipeline/lang"

	"coopreport/pipeline/period"

	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"

	"coopreport/pipeline"
)

// Options change how the page is made, not what it says.
type Options struct {
	// Chart draws the chart NAME (a template's {{chart "NAME" "caption"}})
	// as one <svg> element, no XML declaration, for a column widthPt
	// points wide; it should have a viewBox, as the page scales it to the
	// width of the screen. A report with charts and no Chart is an error.
	Chart func(name, caption string, widthPt float64) (svg []byte, err error)
	// PageSize is the paper the page prints on: "A4" (or "") or "Letter",
	// as the PDF's.
	PageSize string
	// Landscape says, for each table in document order, whether it
	// prints on landscape pages, as the PDF decided
	// (pdf.Document.Landscape); nil: the writer judges by the text.
	Landscape []bool
}

// chartWidthPt is the width of the page's text column, 42rem of 16px, in
// points: the width the charts are drawn for (on a phone they are scaled
// down to fit).
const chartWidthPt = 42 * 16 * 0.75

//go:embed style.css
var style string

// Write writes md, the report in Markdown (see markdown.go for the
// dialect), as one self-contained HTML page: styles inline, charts as
// inline SVG, no scripts, nothing fetched. r gives the page's title and
// metadata and the "Made on" line. The page is well-formed XML (XHTML
// serialisation), and the same md, r and charts give the same bytes.
func Write(w io.Writer, md []byte, r *pipeline.Report, opt Options) error {
	if r == nil {
		return errors.New("no report to write")
	}
	draw := func(name, caption string) ([]byte, error) {
		if opt.Chart == nil {
			return nil, errors.New("the HTML page was given no way to draw charts")
		}
		return opt.Chart(name, caption, chartWidthPt)
	}
	s, err := parse(md, draw, opt.Landscape)
	if err != nil {
		return fmt.Errorf("reading the report text: %w", err)
	}
	var body bytes.Buffer
	if err := newRenderer(&page{s: s, l: r.Lang}).Render(&body, md, s.root); err != nil {
		return fmt.Errorf("writing the HTML report: %w", err)
	}
	m := makeMeta(r, s)

	var b bytes.Buffer
	code := r.Lang.Code() // "en", "fr", "mn", "ru"
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%s\" xml:lang=\"%s\">\n<head>\n", code, code)
	b.WriteString("<meta charset=\"utf-8\" />\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", esc(m.title))
	for _, kv := range [][2]string{{"author", m.author}, {"description", m.description}, {"keywords", m.keywords}, {"generator", m.generator}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "<meta name=\"%s\" content=\"%s\" />\n", kv[0], esc(kv[1]))
		}
	}
	b.WriteString("<style>\n")
	b.WriteString(style)
	b.WriteString(printMargins(m, s.hasCover(), opt.PageSize))
	b.WriteString("</style>\n</head>\n<body>\n<main>\n")
	b.Write(xmlText(body.Bytes()))
	b.WriteString("</main>\n")
	if m.made != "" {
		fmt.Fprintf(&b, "<footer class=\"colophon\">\n<p>%s</p>\n</footer>\n", esc(m.made))
	}
	b.WriteString("</body>\n</html>\n")
	_, err = w.Write(b.Bytes())
	return err
}

// meta is what the page says about itself, as the PDF's document
// properties, running header and footer do.
type meta struct {
	title, header, period         string
	author, description, keywords string
	generator, made               string
}

func makeMeta(r *pipeline.Report, s *source) meta {
	m := meta{title: strings.TrimSpace(r.Title), author: strings.TrimSpace(r.Party)}
	if m.title == "" && len(s.heads) > 0 {
		m.title = s.heads[0].text
	}
	m.header = m.title
	if r.ShortTitle != "" {
		m.header = strings.TrimSpace(r.ShortTitle)
	}
	l := r.Lang
	m.period = period.Words(r.Period, r.Lang)
	m.description = strings.TrimSuffix(words.In(l, "Periodic report, ")+m.period, ", ")
	if !r.Period.From.IsZero() {
		m.description += " (" + l.DateRange(lang.Day(r.Period.From), lang.Day(r.Period.To)) + ")"
	}
	var kw []string
	for _, k := range []string{words.In(l, "cultural cooperation"), words.In(l, "periodic report"), r.Party, r.Period.Label} {
		if k = strings.TrimSpace(k); k != "" {
			kw = append(kw, k)
		}
	}
	m.keywords = strings.Join(kw, ", ")
	m.generator = strings.TrimSpace("coopreport " + r.Version)
	if !r.Made.IsZero() {
		m.made = words.F(l, "Made on %s", pipeline.DateOf(r.Made).In(l))
	}
	return m
}

func (s *source) hasCover() bool {
	_, ok := s.root.FirstChild().(*cover)
	return ok
}

// printMargins is the running header and footer of the printed page, as
// the PDF has them: title and period at the top, "Made on" and the page
// number at the bottom; none on the cover.
func printMargins(m meta, cover bool, pageSize string) string {
	var b strings.Builder
	size := "A4"
	if strings.EqualFold(pageSize, "letter") {
		size = "letter"
	}
	fmt.Fprintf(&b, "@page { size: %s; }\n@page wide { size: %s landscape; }\n", size, size)
	b.WriteString("@page {\n")
	const look = " font-size: 8pt; color: #56606b;" // small and grey, as the PDF's
	fmt.Fprintf(&b, "  @top-left { content: %s;%s }\n", cssString(m.header), look)
	fmt.Fprintf(&b, "  @top-right { content: %s;%s }\n", cssString(m.period), look)
	if m.made != "" {
		fmt.Fprintf(&b, "  @bottom-left { content: %s;%s }\n", cssString(m.made), look)
	}
	fmt.Fprintf(&b, "  @bottom-right { content: counter(page);%s }\n}\n", look)
	if cover {
		b.WriteString("@page :first {\n  @top-left { content: none; }\n  @top-right { content: none; }\n  @bottom-left { content: none; }\n  @bottom-right { content: none; }\n}\n")
	}
	return b.String()
}

// cssString quotes s for CSS, every character but letters, digits and
// spaces escaped: neither the HTML nor the XML parser may see "<", "&" or
// a quote inside <style>.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == ' ' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f && r != utf8.RuneError:
			b.WriteRune(r)
		case r < ' ' || r == utf8.RuneError:
			b.WriteByte(' ')
		default:
			fmt.Fprintf(&b, "\\%x ", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func esc(s string) string { return string(util.EscapeHTML([]byte(xmlText([]byte(s))))) }

// xmlText replaces what XML 1.0 does not allow in a document (control
// characters but tab and line breaks, U+FFFE, U+FFFF, bytes that are not
// UTF-8) with U+FFFD, so that the page stays well-formed whatever the
// data holds. The page's own markup is ASCII and never touched.
func xmlText(b []byte) []byte {
	ok := true
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if !xmlChar(r, n) {
			ok = false
			break
		}
		i += n
	}
	if ok {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if !xmlChar(r, n) {
			r = utf8.RuneError
		}
		out = utf8.AppendRune(out, r)
		i += n
	}
	return out
}

func xmlChar(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n <= 1:
		return false
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return true
}
