package docx

import (
	"coopreport/pipeline/period"

	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
)

// Options change how the report is laid out, not what it says.
type Options struct {
	// PageSize is "A4" (the default when empty) or "Letter", as for the
	// PDF.
	PageSize string
	// Chart draws the chart NAME with its caption at most widthPt points
	// wide, as a PNG at print resolution, and gives its size in points.
	// Nil leaves the charts out, their captions standing in for them.
	Chart func(name, caption string, widthPt float64) (png []byte, wPt, hPt float64, err error)
	// Landscape says, for each table in document order, whether it goes
	// on landscape pages, as the PDF decided (pdf.Document.Landscape);
	// nil: the writer judges by the table's text.
	Landscape []bool
}

// page is the geometry of a page, in twentieths of a point (twips), the
// unit of WordprocessingML's page setup.
type page struct {
	w, h                                   int
	top, right, bottom, left, header, foot int
}

// The margins are the PDF's (pipeline/render/pdf, document.go): 18 mm
// left and right, 22 mm above the body and 20 mm below it, the running
// header 10 mm from the top edge.
func pageOf(name string) (page, error) {
	p := page{top: mm(22), right: mm(18), bottom: mm(20), left: mm(18), header: mm(10), foot: mm(8)}
	switch strings.ToLower(name) {
	case "", "a4":
		p.w, p.h = mm(210), mm(297)
	case "letter":
		p.w, p.h = 12240, 15840 // 8.5 × 11 inches
	default:
		return page{}, fmt.Errorf("page size %q is not supported: use A4 or Letter", name)
	}
	return p, nil
}

// mm converts millimetres to twips.
func mm(v float64) int { return int(v*1440/25.4 + 0.5) }

// bodyW is the width between the margins, in twips.
func (p page) bodyW() int { return p.w - p.left - p.right }

// meta is what the document says about itself, as the PDF's metadata
// (pipeline/render/pdf, report.go, makeMeta) says it.
type meta struct {
	title, author, subject, keywords, app string
	made                                  time.Time
	header, headerRight, footer           string
	l                                     lang.Lang
}

func makeMeta(r *pipeline.Report, firstHeading string) meta {
	title := r.Title
	if title == "" {
		title = firstHeading
	}
	header := title
	if r.ShortTitle != "" {
		header = r.ShortTitle
	}
	l := r.Lang
	name := period.Words(r.Period, r.Lang)
	subject := strings.TrimSuffix(words.In(l, "Periodic report, ")+name, ", ")
	if !r.Period.From.IsZero() {
		subject += " (" + l.DateRange(lang.Day(r.Period.From), lang.Day(r.Period.To)) + ")"
	}
	var kw []string
	for _, k := range []string{words.In(l, "cultural cooperation"), words.In(l, "periodic report"), r.Party, r.Period.Label} {
		if k = strings.TrimSpace(k); k != "" {
			kw = append(kw, k)
		}
	}
	m := meta{
		title: title, author: r.Party, subject: subject, keywords: strings.Join(kw, ", "),
		app: strings.TrimSpace("coopreport " + r.Version), made: r.Made,
		header: header, headerRight: name, l: l,
	}
	if !r.Made.IsZero() {
		m.footer = words.F(l, "Made on %s", pipeline.DateOf(r.Made).In(l))
	}
	return m
}

// part is a file of the package.
type part struct {
	name string
	data []byte
}

// zipTime is the time of every entry of the package: the report's, so
// that the same inputs and --now give the same bytes. Zip's MS-DOS dates
// start in 1980.
func zipTime(made time.Time) time.Time {
	epoch := time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)
	if made.Before(epoch) {
		return epoch
	}
	return made.UTC().Truncate(2 * time.Second)
}

// Write writes md, the report's Markdown as the PDF is drawn from, as a
// Word document. r gives the document's properties, the running header
// and footer; opt.Chart the pictures of the charts. The same md, r and
// charts give the same bytes.
func Write(w io.Writer, md []byte, r *pipeline.Report, opt Options) error {
	if r == nil {
		return errors.New("no report to write")
	}
	pg, err := pageOf(opt.PageSize)
	if err != nil {
		return err
	}
	src := parse(md)
	b := newBody(src, pg, opt)
	b.l = r.Lang
	if err := b.write(); err != nil {
		return err
	}
	m := makeMeta(r, b.firstHeading)
	parts := []part{
		{"[Content_Types].xml", contentTypes(len(b.media) > 0, b.wide)},
		{"_rels/.rels", packageRels()},
		{"docProps/core.xml", coreProps(m)},
		{"docProps/app.xml", appProps(m)},
		{"word/document.xml", b.document()},
		{"word/styles.xml", styles(pg, m.l)},
		{"word/numbering.xml", b.numbering()},
		{"word/settings.xml", settings(m.l)},
		{"word/header1.xml", header(m, pg.bodyW())},
		{"word/footer1.xml", footer(m, pg.bodyW())},
	}
	if b.wide {
		w := pg.h - pg.left - pg.right
		parts = append(parts, part{"word/header2.xml", header(m, w)}, part{"word/footer2.xml", footer(m, w)})
	}
	parts = append(parts, part{"word/_rels/document.xml.rels", b.rels()})
	for _, md := range b.media {
		parts = append(parts, part{"word/" + md.name, md.data})
	}
	// The parts go in this fixed order, each with the report's time.
	zw := zip.NewWriter(w)
	at := zipTime(r.Made)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: at})
		if err != nil {
			return fmt.Errorf("writing the Word report: %w", err)
		}
		if _, err := f.Write(p.data); err != nil {
			return fmt.Errorf("writing the Word report: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing the Word report: %w", err)
	}
	return nil
}
