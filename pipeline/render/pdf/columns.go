package pdf

import "strings"

// column is what sizing a column needs to know of its cells, in
// millimetres, the padding of a cell included.
type column struct {
	nat  float64 // the widest cell on one line
	word float64 // the widest unit, text a line never breaks inside, of words
	// glued is the widest unit of dates and amounts (see glue), which,
	// unlike a very long word, is never cut.
	glued float64
	// keep is the widest cell of data (dates, amounts, numbers; see
	// isData) on one line: a date range, "from 1994-01-20", is kept whole
	// when there is room.
	keep  float64
	prose bool // some cell below the header is prose, which wraps at words
}

// Levels of what fitColumns gives each column at least, from the most
// comfortable to the least.
const (
	// leastComfort: data whole on one line; prose as wide as its text,
	// up to the floor (a third of a portrait page).
	leastComfort = iota
	// leastData: data whole on one line; prose as wide as its longest word.
	leastData
	// leastWords: every column as wide as its widest unit: dates and
	// amounts never break, a date range breaks after its dash.
	leastWords
	// squeezed: not even that fits; every column shrinks alike and the
	// widest units are cut between characters.
	squeezed
)

// gluedCells returns cells with the spaces that must not break glued.
func gluedCells(cells []cellText) []cellText {
	out := make([]cellText, len(cells))
	for i, c := range cells {
		out[i] = c.glued()
	}
	return out
}

func gluedRows(rows [][]cellText) [][]cellText {
	out := make([][]cellText, len(rows))
	for i, r := range rows {
		out[i] = gluedCells(r)
	}
	return out
}

// measureColumns measures the header cells, in bold, and the rows, whose
// text is glued already.
func (d *doc) measureColumns(header []cellText, rows [][]cellText) []column {
	cols := make([]column, len(header))
	measure := func(c cellText, col int, st style, body bool) {
		m := d.measureCell(c, st)
		k := &cols[col]
		k.nat = max(k.nat, m.line+2*cellPadX)
		k.word = max(k.word, m.word+2*cellPadX)
		if m.glued > 0 {
			k.glued = max(k.glued, m.glued+2*cellPadX)
		}
		switch {
		case !body || m.line == 0:
		case m.data:
			k.keep = max(k.keep, m.line+2*cellPadX)
		default:
			k.prose = true
		}
	}
	for i, c := range header {
		measure(c, i, bold, false)
	}
	for _, r := range rows {
		for i := range min(len(cols), len(r)) {
			measure(r[i], i, 0, true)
		}
	}
	return cols
}

// maxDataUnits is the most units a cell of data has.
const maxDataUnits = 4

// cellSize is the measure of one cell.
type cellSize struct {
	line  float64 // its widest line, unbroken but at "\n"
	word  float64 // its widest unit
	glued float64 // its widest unit with a glued space; 0 for none
	data  bool    // a few units, every one of them data (see isData)
}

// measureCell measures a cell's text with style st added. Units are what
// layout breaks lines between: text between spaces (not glued ones) and
// line breaks.
func (d *doc) measureCell(c cellText, st style) cellSize {
	var m cellSize
	var cur, w float64
	unit := "" // the unit so far; it is in one span but in rare cells
	units := 0
	m.data = true
	endUnit := func() {
		if unit != "" {
			units++
			if !isData(unit) {
				m.data = false
			}
			if strings.ContainsRune(unit, glueSpace) {
				m.glued = max(m.glued, w)
			}
		}
		unit = ""
		m.word = max(m.word, w)
		w = 0
	}
	for _, s := range c {
		start := 0
		for i := 0; i <= len(s.text); i++ {
			if i < len(s.text) && s.text[i] != ' ' && s.text[i] != '\n' {
				continue
			}
			part := d.textW(s.text[start:i], s.st|st, sizeTable)
			unit += s.text[start:i]
			w += part
			cur += part
			if i < len(s.text) {
				endUnit()
				if s.text[i] == '\n' {
					m.line = max(m.line, cur)
					cur = 0
				} else {
					cur += d.textW(" ", s.st|st, sizeTable)
				}
			}
			start = i + 1
		}
	}
	endUnit()
	m.line = max(m.line, cur)
	// A date range is a few units ("14 October –", "8 November 2013");
	// more are a list or a text with numbers, which wraps.
	m.data = m.data && units <= maxDataUnits
	return m
}

// fitColumns shares width among columns the way browsers lay out tables,
// with dates and amounts kept whole. A table whose text fits on one line
// a cell fills the width, or 60% of it when its text is narrower than
// that, each column as wide as its text in proportion. Otherwise each
// column gets at least what the most comfortable level that fits gives it
// (see leastComfort); a column whose text fits a fair share then gets the
// width of its text, and the others share the rest in proportion to the
// width of their text. floor is the least width of a column of prose at
// leastComfort. It returns the widths and the level reached.
func fitColumns(cols []column, width, floor float64) ([]float64, int) {
	n := len(cols)
	out := make([]float64, n)
	sumNat := 0.0
	for _, c := range cols {
		sumNat += c.nat
	}
	if sumNat <= width {
		target := width
		if sumNat < 0.6*width {
			target = 0.6 * width
		}
		for i, c := range cols {
			out[i] = c.nat * target / sumNat
		}
		return out, leastComfort
	}
	for level := leastComfort; level < squeezed; level++ {
		least := make([]float64, n)
		sum := 0.0
		for i, c := range cols {
			// A very long word (a web address) is cut rather than
			// given most of the table.
			least[i] = max(min(c.word, width/3), c.glued)
			if level < leastWords {
				least[i] = max(least[i], min(c.keep, width/3))
			}
			if level == leastComfort && c.prose {
				least[i] = max(least[i], min(c.nat, floor))
			}
			sum += least[i]
		}
		if sum <= width {
			return share(cols, least, width), level
		}
		if level == leastWords {
			// Units wider than the table altogether: shrink every
			// column alike; the units are then cut between characters.
			for i := range out {
				out[i] = least[i] * width / sum
			}
		}
	}
	return out, squeezed
}

// share gives each column its least width, then shares the rest of width:
// a column whose text fits a fair share gets the width of its text, while
// the others can still have their least; the others share what remains in
// proportion to the width of their text, each at least its least.
func share(cols []column, least []float64, width float64) []float64 {
	n := len(cols)
	out := make([]float64, n)
	fixed := make([]bool, n)
	avail, flex, need := width, n, 0.0 // need: the least of the columns not fixed
	for _, l := range least {
		need += l
	}
	fix := func(i int, w float64) {
		out[i], fixed[i] = w, true
		avail -= w
		need -= least[i]
		flex--
	}
	for changed := true; changed && flex > 0; {
		changed = false
		share := avail / float64(flex)
		for i, c := range cols {
			if !fixed[i] && c.nat <= share && avail-c.nat >= need-least[i] {
				fix(i, max(c.nat, least[i]))
				changed = true
			}
		}
	}
	for flex > 0 {
		flexNat := 0.0
		for i, c := range cols {
			if !fixed[i] {
				flexNat += c.nat
			}
		}
		narrow := -1
		for i, c := range cols {
			if !fixed[i] && avail*c.nat/flexNat < least[i] {
				narrow = i
				break
			}
		}
		if narrow < 0 {
			for i, c := range cols {
				if !fixed[i] {
					out[i] = avail * c.nat / flexNat
				}
			}
			break
		}
		fix(narrow, least[narrow])
	}
	return out
}
