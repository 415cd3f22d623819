package pdf

import (
	"coopreport/pipeline/period"

	"bytes"
	"errors"
	"fmt"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"io"
	"slices"
	"strings"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
	"coopreport/pipeline/render/fonts"
)

// Options change how the report is drawn, not what it says.
type Options struct {
	// PageSize is "A4" (the default when empty) or "Letter".
	PageSize string
	// Keywords are the document's keywords; empty gives a default list.
	Keywords []string
}

// maxPasses bounds the passes that settle the table of contents' page
// numbers. Two always do (see toc); more would mean a bug.
const maxPasses = 4

// Document is a report drawn and not yet written: what its fonts could not
// draw is known before any output is, so that every output of a run can
// list it, whatever order they are written in.
type Document struct {
	d *doc
	// Missing are the characters the fonts cannot draw, once per place, in
	// drawing order; each is Replacement in the PDF.
	Missing []MissingGlyph
	// HTML is the raw HTML of the report's text, which the PDF leaves
	// out (HTML comments aside), in document order.
	HTML []HTML
	// Landscape says, for each table of the report's text in document
	// order, whether the PDF draws it on landscape pages: the Word and
	// web writers turn the same ones.
	Landscape []bool
}

// Render draws md, the report in Markdown (see markdown.go for the
// dialect). r gives the document's metadata, the running header and
// footer, and the numbers of the charts. The same md and r give the same
// bytes.
func Render(md []byte, r *pipeline.Report, opt Options) (out *Document, err error) {
	// fpdf panics on some input instead of returning an error (characters
	// beyond its width table, a missing font). The glyph check keeps such
	// text out; should anything slip through, the run gets an error to
	// report rather than a crash.
	defer func() {
		if v := recover(); v != nil {
			out, err = nil, fmt.Errorf("drawing the PDF report failed; please report this as a bug: %v", v)
		}
	}()
	if r == nil {
		return nil, errors.New("no report to write")
	}
	size, err := pageSize(opt.PageSize)
	if err != nil {
		return nil, err
	}
	src, err := parseMarkdown(md)
	if err != nil {
		return nil, fmt.Errorf("reading the report text: %w", err)
	}
	if err := fonts.Check(); err != nil {
		return nil, fmt.Errorf("reading the embedded fonts: %w", err)
	}
	cov, _ := fonts.Coverage()
	var (
		wk    *walker
		d     *doc
		pages []int // page of each heading, from the previous pass
		total int
		lastH float64 // height of the last page, from the previous pass
	)
	for pass := 1; ; pass++ {
		d, err = newDoc(size, &glyphs{cov: cov})
		if err != nil {
			return nil, err
		}
		d.total = total
		d.l = r.Lang
		if d.l == "" {
			d.l = lang.English
		}
		// The language screen readers read the document in.
		d.pdf.SetLang(d.l.Code())
		if lastH > 0 {
			d.lastH = lastH
		}
		d.setMeta(makeMeta(d, r, src, opt.Keywords))
		wk = newWalker(d, src, r, pages)
		if err := wk.draw(); err != nil {
			return nil, err
		}
		if err := d.pdf.Error(); err != nil {
			return nil, fmt.Errorf("drawing the PDF report: %w", err)
		}
		n := d.pdf.PageCount()
		_, h := d.page()
		if n == total && slices.Equal(wk.got, pages) && h == d.lastH {
			break
		}
		if pass == maxPasses {
			return nil, errors.New("drawing the PDF report: the page numbers of the table of contents do not settle; please report this as a bug")
		}
		pages, total, lastH = wk.got, n, h
	}
	var landscape []bool
	ast.Walk(src.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering {
			drawn := wk.tables[t]
			landscape = append(landscape, drawn != nil && drawn.landscape)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return &Document{d: d, Missing: d.g.missing, HTML: src.html, Landscape: landscape}, nil
}

// Pages is the number of pages.
func (doc *Document) Pages() int { return doc.d.pdf.PageCount() }

// Write writes the PDF to w.
func (doc *Document) Write(w io.Writer) error {
	var buf bytes.Buffer
	if err := doc.d.pdf.Output(&buf); err != nil {
		return fmt.Errorf("writing the PDF report: %w", err)
	}
	_, err := w.Write(withOffsets(buf.Bytes(), doc.d.meta.Made))
	return err
}

// Write draws md (see Render) and writes the PDF to w.
func Write(w io.Writer, md []byte, r *pipeline.Report, opt Options) error {
	doc, err := Render(md, r, opt)
	if err != nil {
		return err
	}
	return doc.Write(w)
}

// makeMeta is what the document says about itself.
func makeMeta(d *doc, r *pipeline.Report, src *source, keywords []string) meta {
	clean := d.g.clean
	title := clean(r.Title, "report title")
	if title == "" && len(src.heads) > 0 {
		title = clean(src.heads[0].text, "report title")
	}
	header := title
	if r.ShortTitle != "" {
		header = clean(r.ShortTitle, "short title")
	}
	party := clean(r.Party, "reporting party")
	l := r.Lang
	period := clean(period.Words(r.Period, r.Lang), "period")
	subject := strings.TrimSuffix(words.In(l, "Periodic report, ")+period, ", ")
	if !r.Period.From.IsZero() {
		subject += clean(" ("+l.DateRange(lang.Day(r.Period.From), lang.Day(r.Period.To))+")", "subject")
	}
	if len(keywords) == 0 {
		keywords = []string{words.In(l, "cultural cooperation"), words.In(l, "periodic report"), r.Party, r.Period.Label}
	}
	var kw []string
	for _, k := range keywords {
		if k = strings.TrimSpace(k); k != "" {
			kw = append(kw, clean(k, "keywords"))
		}
	}
	made := r.Made
	footer := ""
	if made.IsZero() {
		made = time.Unix(0, 0).UTC() // fpdf would take the clock instead
	} else {
		footer = clean(words.F(l, "Made on %s", pipeline.DateOf(r.Made).In(l)), "footer")
	}
	// The tool and its version are in the document's properties
	// (Creator), not on every page of a government publication.
	headerRight := period
	version := clean(r.Version, "tool version")
	return meta{
		Title:       title,
		Author:      party,
		Subject:     subject,
		Keywords:    strings.Join(kw, ", "),
		Creator:     strings.TrimSpace("coopreport " + version),
		Made:        made,
		HeaderLeft:  header,
		HeaderRight: headerRight,
		FooterLeft:  footer,
	}
}
