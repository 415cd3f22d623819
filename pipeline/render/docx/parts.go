package docx

import (
	"strconv"
	"strings"
	"time"

	"coopreport/pipeline/lang"
)

// Namespaces of the parts.
const (
	nsW      = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP     = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA      = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic    = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsRels   = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsCT     = "http://schemas.openxmlformats.org/package/2006/content-types"
	relOffic = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// The report's font. The PDF embeds DejaVu Sans, which Word users rarely
// have, and Word has no list of fallbacks: a font it lacks is replaced
// by one of its choosing, while the style still names the missing one.
// Arial is on every Windows and macOS machine, covers the Cyrillic the
// reports hold (Mongolian Ө ө Ү ү included), and LibreOffice maps it to
// its metric-compatible Liberation Sans, so a page breaks alike in both.
const (
	font     = "Arial"
	fontCode = "Courier New"
)

// Colours, as the PDF's (inline.go, table.go).
const (
	colorHead    = "19325F"
	colorRule    = "AAB6C8"
	colorGrid    = "B4BECD"
	colorHeadRow = "E1E7F0"
	colorStripe  = "F4F6FA"
	colorMuted   = "5A5A5A"
	colorCode    = "781E1E"
)

// Relationship ids of the fixed parts; pictures and links follow.
const (
	ridStyles    = "rId1"
	ridNumbering = "rId2"
	ridSettings  = "rId3"
	ridHeader    = "rId4"
	ridFooter    = "rId5"
	// The running header and footer of landscape pages, whose right tab
	// stops further right.
	ridHeaderWide = "rId6"
	ridFooterWide = "rId7"
	ridFirstFree  = 8
)

func contentTypes(png, wide bool) []byte {
	var x xw
	x.WriteString(xmlHeader)
	x.start("Types", "xmlns", nsCT)
	x.empty("Default", "Extension", "rels", "ContentType", "application/vnd.openxmlformats-package.relationships+xml")
	x.empty("Default", "Extension", "xml", "ContentType", "application/xml")
	if png {
		x.empty("Default", "Extension", "png", "ContentType", "image/png")
	}
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	for _, o := range [][2]string{
		{"/word/document.xml", wml + "document.main+xml"},
		{"/word/styles.xml", wml + "styles+xml"},
		{"/word/numbering.xml", wml + "numbering+xml"},
		{"/word/settings.xml", wml + "settings+xml"},
		{"/word/header1.xml", wml + "header+xml"},
		{"/word/footer1.xml", wml + "footer+xml"},
		{"/word/header2.xml", wml + "header+xml"},
		{"/word/footer2.xml", wml + "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		if !wide && strings.HasSuffix(o[0], "2.xml") {
			continue
		}
		x.empty("Override", "PartName", o[0], "ContentType", o[1])
	}
	x.end("Types")
	return x.Bytes()
}

func packageRels() []byte {
	var x xw
	x.WriteString(xmlHeader)
	x.start("Relationships", "xmlns", nsRels)
	x.empty("Relationship", "Id", "rId1", "Type", relOffic+"officeDocument", "Target", "word/document.xml")
	x.empty("Relationship", "Id", "rId2", "Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "Target", "docProps/core.xml")
	x.empty("Relationship", "Id", "rId3", "Type", relOffic+"extended-properties", "Target", "docProps/app.xml")
	x.end("Relationships")
	return x.Bytes()
}

// w3cdtf is a time as the document properties write it, in UTC.
func w3cdtf(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

func coreProps(m meta) []byte {
	var x xw
	x.WriteString(xmlHeader)
	x.start("cp:coreProperties",
		"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/",
		"xmlns:dcterms", "http://purl.org/dc/terms/",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
	x.elem("dc:title", m.title)
	x.elem("dc:subject", m.subject)
	x.elem("dc:creator", m.author)
	x.elem("cp:keywords", m.keywords)
	if t := langTag(m.l); t != "" {
		x.elem("dc:language", t)
	}
	x.elem("cp:lastModifiedBy", m.author)
	x.elem("dcterms:created", w3cdtf(m.made), "xsi:type", "dcterms:W3CDTF")
	x.elem("dcterms:modified", w3cdtf(m.made), "xsi:type", "dcterms:W3CDTF")
	x.end("cp:coreProperties")
	return x.Bytes()
}

func appProps(m meta) []byte {
	var x xw
	x.WriteString(xmlHeader)
	x.start("Properties",
		"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
		"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")
	x.elem("Application", m.app)
	x.elem("Company", m.author)
	x.end("Properties")
	return x.Bytes()
}

// settings asks Word to update the fields when it opens the document (it
// asks the reader first): the table of contents then gets its page
// numbers, which only a layout of the pages knows. LibreOffice shows the
// entries as written, and computes their page numbers itself (see toc).
func settings(l lang.Lang) []byte {
	var x xw
	x.WriteString(xmlHeader)
	x.start("w:settings", "xmlns:w", nsW)
	// The order is the schema's.
	x.val("w:defaultTabStop", "720")
	x.val("w:characterSpacingControl", "doNotCompress")
	x.val("w:updateFields", "true")
	x.start("w:compat")
	x.empty("w:compatSetting", "w:name", "compatibilityMode", "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15")
	x.end("w:compat")
	// The language of the theme's fonts, after compat as the schema
	// orders them.
	if t := langTag(l); t != "" {
		x.empty("w:themeFontLang", "w:val", t)
	}
	x.end("w:settings")
	return x.Bytes()
}

// style is a paragraph, character or table style of styles.xml.
type style struct {
	kind, id, name, basedOn, next string
	ppr, rpr, tblpr               func(x *xw)
	primary                       bool // shown in Word's style gallery
}

func halfPt(pt float64) string { return strconv.Itoa(int(pt*2 + 0.5)) }

func spacing(x *xw, before, after int) {
	x.empty("w:spacing", "w:before", strconv.Itoa(before), "w:after", strconv.Itoa(after))
}

func size(x *xw, pt float64) {
	x.val("w:sz", halfPt(pt))
	x.val("w:szCs", halfPt(pt))
}

func border(x *xw, side string, eighths int, color string, space int) {
	x.empty("w:"+side, "w:val", "single", "w:sz", strconv.Itoa(eighths), "w:space", strconv.Itoa(space), "w:color", color)
}

// heading is the style of a "#" to "####" heading: Word's built-in
// "heading N", so that the navigation pane, a table of contents and a
// change of the style apply to it. Sizes follow the PDF's.
func heading(level int, pt float64, color string, before, after int) style {
	n := strconv.Itoa(level)
	return style{kind: "paragraph", id: "Heading" + n, name: "heading " + n, basedOn: "Normal", next: "Normal", primary: true,
		ppr: func(x *xw) {
			x.empty("w:keepNext")
			x.empty("w:keepLines")
			if level == 1 {
				x.start("w:pBdr")
				border(x, "bottom", 4, colorRule, 1)
				x.end("w:pBdr")
			}
			spacing(x, before, after)
			x.val("w:outlineLvl", strconv.Itoa(level-1))
		},
		rpr: func(x *xw) {
			x.empty("w:b")
			x.empty("w:bCs")
			x.val("w:color", color)
			size(x, pt)
		}}
}

// styleList are the document's styles, for pages of pg's size.
func styleList(pg page) []style {
	// The page numbers of the table of contents go at the right margin
	// of a portrait page, after dot leaders.
	tocTab := func(x *xw) {
		x.start("w:tabs")
		x.empty("w:tab", "w:val", "right", "w:leader", "dot", "w:pos", strconv.Itoa(pg.bodyW()))
		x.end("w:tabs")
	}
	return []style{
		{kind: "paragraph", id: "Normal", name: "Normal", primary: true},
		{kind: "character", id: "DefaultParagraphFont", name: "Default Paragraph Font"},
		{kind: "table", id: "TableNormal", name: "Normal Table", tblpr: func(x *xw) {
			x.empty("w:tblInd", "w:w", "0", "w:type", "dxa")
			x.start("w:tblCellMar")
			x.empty("w:top", "w:w", "0", "w:type", "dxa")
			x.empty("w:left", "w:w", "108", "w:type", "dxa")
			x.empty("w:bottom", "w:w", "0", "w:type", "dxa")
			x.empty("w:right", "w:w", "108", "w:type", "dxa")
			x.end("w:tblCellMar")
		}},
		{kind: "paragraph", id: "Title", name: "Title", basedOn: "Normal", next: "Normal", primary: true,
			ppr: func(x *xw) { spacing(x, 0, 240) },
			rpr: func(x *xw) {
				x.empty("w:b")
				x.val("w:color", colorHead)
				size(x, 26)
			}},
		heading(1, 16, colorHead, 360, 160),
		heading(2, 12.5, colorHead, 280, 110),
		heading(3, 10.5, "000000", 220, 80),
		heading(4, 10, "000000", 160, 60),
		{kind: "paragraph", id: "TOCHeading", name: "TOC Heading", basedOn: "Heading1", next: "Normal",
			ppr: func(x *xw) { x.val("w:outlineLvl", "9") }},
		{kind: "paragraph", id: "TOC1", name: "toc 1", basedOn: "Normal", next: "Normal",
			ppr: func(x *xw) { tocTab(x); spacing(x, 120, 40) },
			rpr: func(x *xw) { x.empty("w:b"); x.val("w:color", colorHead) }},
		{kind: "paragraph", id: "TOC2", name: "toc 2", basedOn: "Normal", next: "Normal",
			ppr: func(x *xw) { tocTab(x); spacing(x, 0, 40); x.empty("w:ind", "w:left", "400") }},
		{kind: "paragraph", id: "Caption", name: "caption", basedOn: "Normal", next: "Normal", primary: true,
			ppr: func(x *xw) { spacing(x, 120, 80) },
			rpr: func(x *xw) { x.empty("w:i"); x.empty("w:iCs"); size(x, 9.5) }},
		{kind: "paragraph", id: "ListParagraph", name: "List Paragraph", basedOn: "Normal", primary: true,
			// Items close together, the list as far from what follows as a
			// paragraph.
			ppr: func(x *xw) { spacing(x, 0, 120); x.empty("w:contextualSpacing") }},
		{kind: "paragraph", id: "Quote", name: "Quote", basedOn: "Normal", next: "Normal", primary: true,
			ppr: func(x *xw) {
				x.start("w:pBdr")
				border(x, "left", 12, "B0B0B0", 8)
				x.end("w:pBdr")
				x.empty("w:ind", "w:left", "340")
			},
			rpr: func(x *xw) { x.val("w:color", "464646") }},
		{kind: "paragraph", id: "Code", name: "Code", basedOn: "Normal",
			ppr: func(x *xw) { spacing(x, 0, 120) },
			rpr: func(x *xw) {
				x.empty("w:rFonts", "w:ascii", fontCode, "w:hAnsi", fontCode, "w:cs", fontCode)
				x.val("w:color", colorCode)
				size(x, 9)
			}},
		{kind: "paragraph", id: "CoverText", name: "Cover Text", basedOn: "Normal", primary: true,
			rpr: func(x *xw) { size(x, 11.5) }},
		{kind: "paragraph", id: "TableText", name: "Table Text", basedOn: "Normal",
			ppr: func(x *xw) {
				x.empty("w:spacing", "w:before", "0", "w:after", "0", "w:line", "240", "w:lineRule", "auto")
			},
			rpr: func(x *xw) { size(x, 8.5) }},
		{kind: "paragraph", id: "Header", name: "header", basedOn: "Normal",
			ppr: func(x *xw) { spacing(x, 0, 0) },
			rpr: func(x *xw) { x.val("w:color", colorMuted); size(x, 8) }},
		{kind: "paragraph", id: "Footer", name: "footer", basedOn: "Normal",
			ppr: func(x *xw) { spacing(x, 0, 0) },
			rpr: func(x *xw) { x.val("w:color", colorMuted); size(x, 8) }},
		{kind: "character", id: "Hyperlink", name: "Hyperlink", basedOn: "DefaultParagraphFont",
			rpr: func(x *xw) { x.val("w:color", "0563C1"); x.val("w:u", "single") }},
		{kind: "table", id: "ReportTable", name: "Report Table", basedOn: "TableNormal", primary: true,
			tblpr: func(x *xw) {
				x.start("w:tblBorders")
				for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
					border(x, side, 4, colorGrid, 0)
				}
				x.end("w:tblBorders")
				x.start("w:tblCellMar")
				x.empty("w:top", "w:w", "28", "w:type", "dxa")
				x.empty("w:left", "w:w", strconv.Itoa(cellPad), "w:type", "dxa")
				x.empty("w:bottom", "w:w", "28", "w:type", "dxa")
				x.empty("w:right", "w:w", strconv.Itoa(cellPad), "w:type", "dxa")
				x.end("w:tblCellMar")
			}},
	}
}

// cellPad is the padding left and right of a table cell, in twips.
const cellPad = 85

func styles(pg page, l lang.Lang) []byte {
	var x xw
	x.WriteString(xmlHeader)
	x.start("w:styles", "xmlns:w", nsW)
	x.start("w:docDefaults")
	x.start("w:rPrDefault")
	x.start("w:rPr")
	x.empty("w:rFonts", "w:ascii", font, "w:hAnsi", font, "w:eastAsia", font, "w:cs", font)
	size(&x, 10)
	if t := langTag(l); t != "" {
		x.empty("w:lang", "w:val", t)
	}
	x.end("w:rPr")
	x.end("w:rPrDefault")
	x.start("w:pPrDefault")
	x.start("w:pPr")
	x.empty("w:spacing", "w:before", "0", "w:after", "120", "w:line", "264", "w:lineRule", "auto")
	x.end("w:pPr")
	x.end("w:pPrDefault")
	x.end("w:docDefaults")
	for _, s := range styleList(pg) {
		kv := []string{"w:type", s.kind, "w:styleId", s.id}
		if s.id == "Normal" || s.id == "DefaultParagraphFont" || s.id == "TableNormal" {
			kv = append(kv, "w:default", "1")
		}
		x.start("w:style", kv...)
		x.val("w:name", s.name)
		if s.basedOn != "" {
			x.val("w:basedOn", s.basedOn)
		}
		if s.next != "" {
			x.val("w:next", s.next)
		}
		if s.primary {
			x.empty("w:qFormat")
		}
		if s.ppr != nil {
			x.start("w:pPr")
			s.ppr(&x)
			x.end("w:pPr")
		}
		if s.rpr != nil {
			x.start("w:rPr")
			s.rpr(&x)
			x.end("w:rPr")
		}
		if s.tblpr != nil {
			x.start("w:tblPr")
			s.tblpr(&x)
			x.end("w:tblPr")
		}
		x.end("w:style")
	}
	x.end("w:styles")
	return x.Bytes()
}

// header is the running header: the short title left, the period right,
// over a rule, as in the PDF.
func header(m meta, width int) []byte {
	var x xw
	x.WriteString(xmlHeader)
	x.start("w:hdr", "xmlns:w", nsW, "xmlns:r", nsR)
	x.start("w:p")
	x.start("w:pPr")
	x.val("w:pStyle", "Header")
	x.start("w:pBdr")
	border(&x, "bottom", 4, "A0A0A0", 2)
	x.end("w:pBdr")
	x.start("w:tabs")
	x.empty("w:tab", "w:val", "right", "w:pos", strconv.Itoa(width))
	x.end("w:tabs")
	x.end("w:pPr")
	textRun(&x, m.header)
	x.start("w:r")
	x.empty("w:tab")
	x.end("w:r")
	textRun(&x, m.headerRight)
	x.end("w:p")
	x.end("w:hdr")
	return x.Bytes()
}

// footer is the running footer: when the report was made, left, and
// "Page X of Y", right, as in the PDF.
func footer(m meta, width int) []byte {
	var x xw
	x.WriteString(xmlHeader)
	x.start("w:ftr", "xmlns:w", nsW, "xmlns:r", nsR)
	x.start("w:p")
	x.start("w:pPr")
	x.val("w:pStyle", "Footer")
	x.start("w:tabs")
	x.empty("w:tab", "w:val", "right", "w:pos", strconv.Itoa(width))
	x.end("w:tabs")
	x.end("w:pPr")
	textRun(&x, m.footer)
	x.start("w:r")
	x.empty("w:tab")
	x.end("w:r")
	before, between, after := pageWords(m.l)
	textRun(&x, before)
	simpleField(&x, "PAGE", "1")
	textRun(&x, between)
	simpleField(&x, "NUMPAGES", "1")
	textRun(&x, after)
	x.end("w:p")
	x.end("w:ftr")
	return x.Bytes()
}

func textRun(x *xw, text string) {
	if text == "" {
		return
	}
	x.start("w:r")
	x.t(text)
	x.end("w:r")
}

// simpleField is a field Word and LibreOffice compute as they lay out
// the pages; shown is what a reader that does not shows.
func simpleField(x *xw, instr, shown string) {
	x.start("w:fldSimple", "w:instr", " "+instr+" ")
	textRun(x, shown)
	x.end("w:fldSimple")
}
