package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"coopreport/pipeline/lang"
	"coopreport/pipeline/render/fonts"
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

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// meta is what the document says about itself, and what its running header
// and footer show.
type meta struct {
	Title, Author, Subject, Keywords, Creator string
	Made                                      time.Time
	HeaderLeft, HeaderRight, FooterLeft       string // already cleaned
}

// doc is an fpdf document with the report's fonts, page furniture and the
// glyph check. The drawing primitives (text.go, table.go, chart.go) hang
// off it; the Markdown walker (markdown.go) decides what to draw.
type doc struct {
	pdf *fpdf.Fpdf
	g   *glyphs

	// pageW and pageH are the size of a portrait page; see page for the
	// current one.
	pageW, pageH float64
	// landscape makes the pages started from now on landscape ones, for
	// a table too wide for a portrait page.
	landscape bool
	meta      meta
	// coverEnd is the last page of the cover, which has no running header
	// or footer: 0 without a cover, and past any page while it is drawn.
	coverEnd int
	// total is the page count the previous pass ended with, 0 in the
	// first pass: the footer says "Page X of Y" with it.
	total int
	// lastH is the height of the last page in the previous pass, a
	// portrait page's in the first (see bookmark).
	lastH float64
	// l is the language of the words the writer draws itself.
	l lang.Lang
}

// pageSizes are the sizes Options.PageSize accepts, by lower-case name.
var pageSizes = map[string]string{"a4": "A4", "letter": "Letter"}

// pageSize returns fpdf's name for an Options.PageSize.
func pageSize(name string) (string, error) {
	if name == "" {
		return "A4", nil
	}
	s, ok := pageSizes[strings.ToLower(name)]
	if !ok {
		return "", fmt.Errorf("page size %q is not supported: use A4 or Letter", name)
	}
	return s, nil
}

// newFpdf returns an fpdf document of the given size with the embedded
// fonts loaded.
func newFpdf(size string) (*fpdf.Fpdf, error) {
	p := fpdf.New("P", "mm", size, "")
	for _, st := range fonts.Styles {
		p.AddUTF8FontFromBytes(family, fpdfStyle(st), fonts.TTF(st))
	}
	// A font that failed to load leaves a sticky error, and the next
	// SplitText would panic for want of a font: stop here instead.
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("loading the embedded fonts: %w", err)
	}
	return p, nil
}

func newDoc(size string, g *glyphs) (*doc, error) {
	p, err := newFpdf(size)
	if err != nil {
		return nil, err
	}
	d := &doc{pdf: p, g: g}
	d.pageW, d.pageH = p.GetPageSize()
	d.lastH = d.pageH
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
	// fpdf writes the dates without their offset from UTC, which readers
	// then take for their own local time; the producer is padded with as
	// many spaces as the offsets take, which Document.Write trades for
	// them, so that no byte offset of the file moves (see withOffsets).
	p.SetProducer(producer+strings.Repeat(" ", len(pdfOffset(m.Made))), true)
	p.SetCreationDate(m.Made)
	p.SetModificationDate(m.Made)
	p.SetCatalogSort(true)
}

const producer = "coopreport (codeberg.org/go-pdf/fpdf)"

// pdfOffset is t's offset from UTC as a PDF date writes it: Z, or +08'00'.
func pdfOffset(t time.Time) string {
	_, off := t.Zone()
	if off == 0 {
		return "Z"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d'%02d'", sign, off/3600, off/60%60)
}

// withOffsets adds the offset of made to the document's CreationDate and
// ModDate, taking the bytes from the producer's padding (two bytes a
// space, the producer being written in UTF-16), so that the file keeps
// its length and its cross-reference table stays true. The PDF is
// returned as it was if the fields are not found as fpdf writes them.
func withOffsets(pdf []byte, made time.Time) []byte {
	off := pdfOffset(made)
	var utf16 []byte
	for _, r := range producer + strings.Repeat(" ", len(off)) {
		utf16 = append(utf16, 0, byte(r)) // ASCII
	}
	utf16 = bytes.ReplaceAll(bytes.ReplaceAll(utf16, []byte("("), []byte(`\(`)), []byte(")"), []byte(`\)`))
	padded := append([]byte("/Producer (\xfe\xff"), append(utf16, ')')...)
	stamp := []byte("(D:" + made.Format("20060102150405") + ")")
	if bytes.Count(pdf, padded) != 1 || bytes.Count(pdf, stamp) != 2 {
		return pdf
	}
	trimmed := append([]byte(nil), padded[:len(padded)-1-2*len(off)]...)
	out := bytes.Replace(pdf, padded, append(trimmed, ')'), 1)
	dated := []byte("(D:" + made.Format("20060102150405") + off + ")")
	return bytes.ReplaceAll(out, stamp, dated)
}

// page is the size of the current page: portrait, or landscape for a wide
// table.
func (d *doc) page() (w, h float64) { return d.pdf.GetPageSize() }

// pageOf is the size of a page turned or not.
func (d *doc) pageOf(landscape bool) (w, h float64) {
	if landscape {
		return d.pageH, d.pageW
	}
	return d.pageW, d.pageH
}

// onLandscape reports whether the current page is a landscape one.
func (d *doc) onLandscape() bool {
	w, h := d.page()
	return w > h
}

// contentW is the width between the margins of the current page.
func (d *doc) contentW() float64 {
	w, _ := d.page()
	return w - marginLeft - marginRight
}

// bottom is the lowest y the body may reach on the current page.
func (d *doc) bottom() float64 {
	_, h := d.page()
	return h - marginBottom
}

// bodyH is the height of the body of a page turned or not.
func (d *doc) bodyH(landscape bool) float64 {
	_, h := d.pageOf(landscape)
	return h - marginBottom - marginTop
}

// addPage starts a page, landscape while d.landscape is set.
func (d *doc) addPage() {
	if d.landscape {
		d.pdf.AddPageFormat("L", fpdf.SizeType{Wd: d.pageW, Ht: d.pageH})
		return
	}
	d.pdf.AddPage()
}

// ensure starts a new page unless h millimetres fit below the current
// position, and reports whether it did.
func (d *doc) ensure(h float64) bool {
	if d.pdf.GetY()+h <= d.bottom() {
		return false
	}
	d.addPage()
	return true
}

// atTop reports whether nothing has been drawn below the top margin of
// the current page yet.
func (d *doc) atTop() bool { return d.pdf.GetY() <= marginTop+0.01 }

// space moves down h millimetres, unless at the top of a page, where
// space would only push the text down.
func (d *doc) space(h float64) {
	if !d.atTop() {
		d.pdf.SetY(min(d.pdf.GetY()+h, d.bottom()))
	}
}

func (d *doc) header() {
	if d.pdf.PageNo() <= d.coverEnd {
		return
	}
	p := d.pdf
	p.SetFont(family, "", sizeSmall)
	p.SetTextColor(90, 90, 90)
	// Cells pad their text by the cell margin: start them that much to
	// the left, so that the text lines up with the body's.
	cm := p.GetCellMargin()
	w := d.contentW() + 2*cm
	right := d.fit(d.meta.HeaderRight, w/3)
	rw := p.GetStringWidth(right) + 2*cm
	p.SetXY(marginLeft-cm, headerY)
	p.CellFormat(w-rw, lineSmall, d.fit(d.meta.HeaderLeft, w-rw), "", 0, "L", false, 0, "")
	p.CellFormat(rw, lineSmall, right, "", 0, "R", false, 0, "")
	p.SetDrawColor(160, 160, 160)
	p.SetLineWidth(0.2)
	p.Line(marginLeft, headerY+lineSmall+1, marginLeft+d.contentW(), headerY+lineSmall+1)
	d.resetStyle()
	p.SetXY(marginLeft, marginTop)
}

func (d *doc) footer() {
	if d.pdf.PageNo() <= d.coverEnd {
		return
	}
	p := d.pdf
	p.SetFont(family, "", sizeSmall)
	p.SetTextColor(90, 90, 90)
	cm := p.GetCellMargin()
	w := d.contentW() + 2*cm
	_, h := d.page()
	p.SetXY(marginLeft-cm, h-footerY)
	p.CellFormat(w*2/3, lineSmall, d.fit(d.meta.FooterLeft, w*2/3), "", 0, "L", false, 0, "")
	// The last pass knows the page count; "{nb}" is fpdf's alias for it,
	// only ever drawn in a first pass, which is not written out.
	total := "{nb}"
	if d.total > 0 {
		total = fmt.Sprint(d.total)
	}
	p.CellFormat(w/3, lineSmall, words.F(d.l, "Page %d of %s", p.PageNo(), total), "", 0, "R", false, 0, "")
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
	// At the end of a word, never inside one ("…Diversit…"), unless the
	// first word alone is too long.
	kept := string(r)
	if rest := string([]rune(s)[len(r):]); rest != "" && !unicode.IsSpace([]rune(rest)[0]) {
		if i := strings.LastIndexFunc(kept, unicode.IsSpace); i > 0 {
			kept = kept[:i]
		}
	}
	trim := func(s string) string {
		return strings.TrimRightFunc(s, func(c rune) bool { return unicode.IsSpace(c) || strings.ContainsRune(",;:–—-(", c) })
	}
	kept = trim(kept)
	// Nor on a word that leads to the next ("…Diversity of…").
	for {
		i := strings.LastIndexFunc(kept, unicode.IsSpace)
		if i <= 0 || !smallWords[d.l][strings.ToLower(kept[i+1:])] {
			break
		}
		kept = trim(kept[:i])
	}
	return kept + "…"
}

// smallWords do not end a shortened line: they lead to what was cut.
// Mongolian has postpositions, which follow their word: none.
var smallWords = map[lang.Lang]map[string]bool{
	lang.English: {"a": true, "an": true, "the": true, "of": true, "on": true, "in": true, "for": true,
		"to": true, "and": true, "or": true, "with": true, "by": true, "at": true, "from": true},
	lang.French: {"un": true, "une": true, "le": true, "la": true, "les": true, "de": true, "du": true, "des": true,
		"à": true, "au": true, "aux": true, "en": true, "et": true, "ou": true, "pour": true, "par": true,
		"sur": true, "avec": true, "dans": true},
	lang.Russian: {"и": true, "или": true, "в": true, "во": true, "на": true, "с": true, "со": true, "о": true,
		"об": true, "по": true, "к": true, "ко": true, "для": true, "из": true, "от": true, "за": true, "до": true},
}

// bookmark adds an outline entry at the current position; text is clean.
func (d *doc) bookmark(text string, level int) {
	// fpdf measures where every bookmark points from the top of the last
	// page, whatever the height of the page it is on: on a landscape page,
	// or with a landscape page last, it would point elsewhere. Offset y so
	// that the position it writes is right.
	_, h := d.page()
	d.pdf.Bookmark(text, level, d.pdf.GetY()+d.lastH-h)
}

// textW measures clean text (textWidth).
func (d *doc) textW(s string, st style, size float64) float64 { return textWidth(s, st, size) }

// lineHeight is the line height for a type size, in millimetres.
func lineHeight(size float64) float64 { return size * lineBody / sizeBody }
