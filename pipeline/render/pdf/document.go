package pdf

import (
	"fmt"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// Page geometry in millimetres.
const (
	marginLeft   = 18.0
	marginRight  = 18.0
	marginTop    = 22.0 // below the running header
	marginBottom = 20.0 // above the running footer
	headerY      = 10.0
	footerY      = 12.0 // from the bottom edge
)

// Type sizes in points and line heights in millimetres.
const (
	sizeBody    = 9.5
	lineBody    = 4.6
	sizeSmall   = 8.0
	lineSmall   = 3.9
	sizeTable   = 8.0
	lineTable   = 3.7
	sizeCaption = 9.5
)

// meta is what the document says about itself, and what its running header
// and footer show.
type meta struct {
	Title, Author, Subject, Keywords, Creator string
	Made                                      time.Time
	HeaderLeft, HeaderRight, FooterLeft       string // already cleaned
}

// doc is an fpdf document with the report's fonts, page furniture and the
// glyph check. The drawing primitives (text.go, table.go) hang off it, so
// that a later template renderer can reuse them.
type doc struct {
	pdf *fpdf.Fpdf
	g   *glyphs

	pageW, pageH float64
	meta         meta
	// furniture is false while the cover is drawn: it has no running
	// header or footer.
	furniture bool
}

// pageSizes are the sizes Options.PageSize accepts, by lower-case name.
var pageSizes = map[string]string{"a4": "A4", "letter": "Letter"}

func newDoc(pageSize string, report func(MissingGlyph)) (*doc, error) {
	size := "A4"
	if pageSize != "" {
		s, ok := pageSizes[strings.ToLower(pageSize)]
		if !ok {
			return nil, fmt.Errorf("page size %q is not supported: use A4 or Letter", pageSize)
		}
		size = s
	}
	cov, err := fontCoverage()
	if err != nil {
		return nil, fmt.Errorf("reading the embedded fonts: %w", err)
	}
	p := fpdf.New("P", "mm", size, "")
	for _, f := range fontStyles {
		p.AddUTF8FontFromBytes(family, f.style, f.ttf)
	}
	// A font that failed to load leaves a sticky error, and the next
	// SplitText would panic for want of a font: stop here instead.
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("loading the embedded fonts: %w", err)
	}
	d := &doc{pdf: p, g: &glyphs{cov: cov, report: report}}
	d.pageW, d.pageH = p.GetPageSize()
	p.SetMargins(marginLeft, marginTop, marginRight)
	// Page breaks are ours (ensure): fpdf's automatic ones would split
	// table rows and skip the keep-with-next rules.
	p.SetAutoPageBreak(false, marginBottom)
	p.SetCellMargin(1.2)
	p.AliasNbPages("{nb}")
	p.SetHeaderFunc(d.header)
	p.SetFooterFunc(d.footer)
	p.SetFont(family, "", sizeBody)
	return d, nil
}

// setMeta fixes the document information. The dates come from the report,
// never the clock, and the catalog is sorted: the same report gives the
// same bytes.
func (d *doc) setMeta(m meta) {
	d.meta = m
	p := d.pdf
	p.SetTitle(m.Title, true)
	p.SetAuthor(m.Author, true)
	p.SetSubject(m.Subject, true)
	p.SetKeywords(m.Keywords, true)
	p.SetCreator(m.Creator, true)
	p.SetProducer("coopreport (codeberg.org/go-pdf/fpdf)", true)
	p.SetCreationDate(m.Made)
	p.SetModificationDate(m.Made)
	p.SetCatalogSort(true)
}

// contentW is the width between the margins.
func (d *doc) contentW() float64 { return d.pageW - marginLeft - marginRight }

// bottom is the lowest y the body may reach.
func (d *doc) bottom() float64 { return d.pageH - marginBottom }

// ensure starts a new page unless h millimetres fit below the current
// position, and reports whether it did.
func (d *doc) ensure(h float64) bool {
	if d.pdf.GetY()+h <= d.bottom() {
		return false
	}
	d.pdf.AddPage()
	return true
}

// newPage starts a page with the running header and footer.
func (d *doc) newPage() {
	d.furniture = true
	d.pdf.AddPage()
}

func (d *doc) header() {
	if !d.furniture {
		return
	}
	p := d.pdf
	p.SetFont(family, "", sizeSmall)
	p.SetTextColor(90, 90, 90)
	w := d.contentW()
	right := d.fit(d.meta.HeaderRight, w/3)
	rw := p.GetStringWidth(right) + 2*p.GetCellMargin()
	p.SetXY(marginLeft, headerY)
	p.CellFormat(w-rw, lineSmall, d.fit(d.meta.HeaderLeft, w-rw), "", 0, "L", false, 0, "")
	p.CellFormat(rw, lineSmall, right, "", 0, "R", false, 0, "")
	p.SetDrawColor(160, 160, 160)
	p.SetLineWidth(0.2)
	p.Line(marginLeft, headerY+lineSmall+1, d.pageW-marginRight, headerY+lineSmall+1)
	d.resetStyle()
	p.SetXY(marginLeft, marginTop)
}

func (d *doc) footer() {
	if !d.furniture {
		return
	}
	p := d.pdf
	p.SetFont(family, "", sizeSmall)
	p.SetTextColor(90, 90, 90)
	w := d.contentW()
	p.SetXY(marginLeft, d.pageH-footerY)
	p.CellFormat(w*2/3, lineSmall, d.fit(d.meta.FooterLeft, w*2/3), "", 0, "L", false, 0, "")
	// "{nb}" is replaced after layout, so the right edge is approximate
	// by the width difference between "{nb}" and the page count.
	p.CellFormat(w/3, lineSmall, fmt.Sprintf("Page %d of {nb}", p.PageNo()), "", 0, "R", false, 0, "")
	d.resetStyle()
}

// resetStyle returns to body text in black.
func (d *doc) resetStyle() {
	d.pdf.SetTextColor(0, 0, 0)
	d.pdf.SetDrawColor(0, 0, 0)
	d.pdf.SetFont(family, "", sizeBody)
}

// fit shortens s with an ellipsis until it fits in w at the current font.
// s must be clean already.
func (d *doc) fit(s string, w float64) string {
	p := d.pdf
	avail := w - 2*p.GetCellMargin()
	if p.GetStringWidth(s) <= avail {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && p.GetStringWidth(string(r)+"…") > avail {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

// bookmark adds an outline entry at the current position; text is clean.
func (d *doc) bookmark(text string, level int) {
	d.pdf.Bookmark(text, level, -1)
}
