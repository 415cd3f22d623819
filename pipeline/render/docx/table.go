package docx

import (
	"coopreport/pipeline/render/mdtree"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// grid is a table's cells as the writer sizes and writes them.
type grid struct {
	rows   [][]ast.Node
	header int // rows of the header
	cols   int
	aligns []string // w:jc of each column; "" for the left
	sizes  columns
}

func (b *body) grid(n *east.Table) *grid {
	g := &grid{}
	var texts [][]string
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []ast.Node
		var text []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, c)
			text = append(text, b.s.plain(c))
		}
		if _, ok := r.(*east.TableHeader); ok {
			g.header++
		}
		g.rows = append(g.rows, cells)
		texts = append(texts, text)
	}
	g.cols = len(n.Alignments)
	for _, r := range g.rows {
		g.cols = max(g.cols, len(r))
	}
	g.aligns = make([]string, g.cols)
	for i := range g.aligns {
		if i < len(n.Alignments) {
			switch n.Alignments[i] {
			case east.AlignRight:
				g.aligns[i] = "right"
			case east.AlignCenter:
				g.aligns[i] = "center"
			}
		}
	}
	g.sizes = measure(texts, g.header, g.cols)
	return g
}

// table writes a GFM table as a Word table: its caption before it in the
// Caption style, the header row repeated on every page it runs over,
// rows that do not break across pages, and the columns aligned as the
// Markdown says (numbers to the right). A table too wide for a portrait
// page goes on landscape ones, as in the PDF.
func (b *body) table(n *east.Table) {
	g := b.grid(n)
	if b.turns(n) {
		if !b.landscape {
			b.turn(true)
		}
		b.turnBack = true
	}
	if prev := n.PreviousSibling(); prev != nil && mdtree.IsCaption(prev) {
		b.para(pprops{style: "Caption", keepNext: true, before: -1}, func() { b.runs(prev, look{}) })
	} else if b.pendingBreak {
		b.para(pprops{style: "TableText", before: -1}, nil)
	}
	widths := g.sizes.widths(b.bodyW())

	x := &b.x
	x.start("w:tbl")
	x.start("w:tblPr")
	x.val("w:tblStyle", "ReportTable")
	total := 0
	for _, w := range widths {
		total += w
	}
	x.empty("w:tblW", "w:w", strconv.Itoa(total), "w:type", "dxa")
	// Fixed: Word and LibreOffice both keep the widths given, where
	// LibreOffice lays out an autofit table otherwise than Word.
	x.empty("w:tblLayout", "w:type", "fixed")
	x.empty("w:tblLook", "w:firstRow", "1", "w:lastRow", "0", "w:firstColumn", "0", "w:lastColumn", "0", "w:noHBand", "0", "w:noVBand", "1")
	x.end("w:tblPr")
	x.start("w:tblGrid")
	for _, w := range widths {
		x.empty("w:gridCol", "w:w", strconv.Itoa(w))
	}
	x.end("w:tblGrid")
	for i, r := range g.rows {
		head := i < g.header
		x.start("w:tr")
		x.start("w:trPr")
		x.empty("w:cantSplit")
		if head {
			x.empty("w:tblHeader")
		}
		x.end("w:trPr")
		for c := 0; c < g.cols; c++ {
			x.start("w:tc")
			x.start("w:tcPr")
			x.empty("w:tcW", "w:w", strconv.Itoa(widths[c]), "w:type", "dxa")
			fill := ""
			switch {
			case head:
				fill = colorHeadRow
			case (i-g.header)%2 == 1:
				fill = colorStripe
			}
			if fill != "" {
				x.empty("w:shd", "w:val", "clear", "w:color", "auto", "w:fill", fill)
			}
			x.end("w:tcPr")
			x.start("w:p")
			b.ppr(pprops{style: "TableText", before: -1, jc: g.aligns[c], keepNext: head})
			if c < len(r) {
				b.runs(r[c], look{bold: head})
			}
			x.end("w:p")
			x.end("w:tc")
		}
		x.end("w:tr")
	}
	x.end("w:tbl")
	// Space after the table, as the PDF leaves; Word also needs a
	// paragraph between two tables, or it joins them.
	b.para(pprops{style: "TableText", before: -1}, nil)
}

// charW is the advance of an average character of table text, in twips,
// bold being wider: 8.5 pt Arial takes less, but where Arial is missing
// (LibreOffice without Liberation Sans) a wider font stands in, and
// columns sized for Arial would break their dates and numbers.
const (
	charW     = 105
	charWBold = 112
	cellExtra = 2*cellPad + 100 // padding, and some air
)

func textW(s string, bold bool) int {
	w := charW
	if bold {
		w = charWBold
	}
	return utf8.RuneCountInString(s)*w + cellExtra
}

// isData reports whether a cell holds a number, an amount or a date (a
// digit in four words at most), which is best kept on one line.
func isData(s string) bool {
	return strings.ContainsFunc(s, unicode.IsDigit) && len(strings.Fields(s)) <= 4
}

// columns are what sizing a table's columns needs to know, in twips.
type columns struct {
	nat   []int // the widest cell on one line
	least []int // the longest word, and data on one line
	data  []int // the widest cell of data on one line
}

func measure(rows [][]string, header, cols int) columns {
	cs := columns{nat: make([]int, cols), least: make([]int, cols), data: make([]int, cols)}
	for i, r := range rows {
		head := i < header
		for c, s := range r {
			cs.nat[c] = max(cs.nat[c], textW(s, head))
			for _, w := range strings.Fields(s) {
				cs.least[c] = max(cs.least[c], textW(w, head))
			}
			if !head && isData(s) {
				cs.data[c] = max(cs.data[c], textW(s, false))
			}
		}
	}
	for c := range cs.nat {
		cs.least[c] = max(cs.least[c], cellExtra)
		cs.nat[c] = max(cs.nat[c], cs.least[c])
	}
	return cs
}

// wide reports whether the table does not fit a portrait page of body
// width w comfortably, which is the PDF's rule for turning the page:
// its data on one line, each column of text as wide as its text or a
// third of the page.
func (cs columns) wide(w int) bool {
	need := 0
	for c := range cs.nat {
		need += max(cs.least[c], cs.data[c], min(cs.nat[c], w/3))
	}
	return need > w
}

// widths shares width w between the columns as a browser lays out an
// automatic table: each as wide as its text on one line when that fits;
// else each at least as wide as its longest word and its data (up to a
// third of the width), the rest shared in proportion to what each lacks
// of one line.
func (cs columns) widths(w int) []int {
	cols := len(cs.nat)
	if cols == 0 {
		return nil
	}
	least := make([]int, cols)
	for c := range least {
		least[c] = max(cs.least[c], min(cs.data[c], w/3))
	}
	sum := func(v []int) int {
		t := 0
		for _, x := range v {
			t += x
		}
		return t
	}
	nat := make([]int, cols)
	for c := range nat {
		nat[c] = max(cs.nat[c], least[c])
	}
	out := make([]int, cols)
	switch natW, leastW := sum(nat), sum(least); {
	case natW <= w:
		for c := range out {
			out[c] = nat[c] * w / natW
		}
	case leastW <= w:
		extra, lack := w-leastW, natW-leastW
		for c := range out {
			out[c] = least[c] + extra*(nat[c]-least[c])/lack
		}
	default:
		for c := range out {
			out[c] = least[c] * w / leastW
		}
	}
	out[cols-1] += w - sum(out) // what rounding left
	return out
}
