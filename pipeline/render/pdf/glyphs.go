package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MissingGlyph is a character the report's fonts cannot draw. It was
// replaced by Replacement in the PDF; Where says which text held it, e.g.
// "activities, row 12 (activities.csv, row 14)".
type MissingGlyph struct {
	Rune  rune
	Where string
}

func (m MissingGlyph) String() string {
	return fmt.Sprintf("%U %q in %s", m.Rune, m.Rune, m.Where)
}

// Replacement is drawn instead of a character the fonts lack: visible, so
// a reader sees that something is missing, where a blank or .notdef box
// would hide it.
const Replacement = '\uFFFD'

// maxRune is the last character go-pdf/fpdf v0.12.0 can draw: its width
// table stops at U+FFFF, and a character beyond it sets a sticky error.
const maxRune = 0xFFFF

// coverage is the set of characters a font maps to a glyph.
type coverage struct{ bits []uint64 }

func newCoverage() *coverage { return &coverage{bits: make([]uint64, (maxRune+1)/64)} }

func (c *coverage) add(r rune) {
	if r >= 0 && r <= maxRune {
		c.bits[r/64] |= 1 << (r % 64)
	}
}

func (c *coverage) remove(r rune) {
	if r >= 0 && r <= maxRune {
		c.bits[r/64] &^= 1 << (r % 64)
	}
}

func (c *coverage) has(r rune) bool {
	return r >= 0 && r <= maxRune && c.bits[r/64]&(1<<(r%64)) != 0
}

func (c *coverage) intersect(o *coverage) {
	for i := range c.bits {
		c.bits[i] &= o.bits[i]
	}
}

var errBadFont = errors.New("the font file has no usable Unicode character map")

// parseCmap reads which characters of the Basic Multilingual Plane a
// TrueType font maps to a glyph other than .notdef, from its cmap table
// (subtable format 4 or 12). It is the minimum the sanitiser needs.
func parseCmap(ttf []byte) (*coverage, error) {
	be := binary.BigEndian
	if len(ttf) < 12 {
		return nil, errBadFont
	}
	numTables := int(be.Uint16(ttf[4:]))
	var cmap []byte
	for i := range numTables {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, errBadFont
		}
		if string(ttf[rec:rec+4]) == "cmap" {
			off, n := int(be.Uint32(ttf[rec+8:])), int(be.Uint32(ttf[rec+12:]))
			if off < 0 || n < 0 || off+n > len(ttf) {
				return nil, errBadFont
			}
			cmap = ttf[off : off+n]
		}
	}
	if len(cmap) < 4 {
		return nil, errBadFont
	}
	// Prefer the full-repertoire subtable (3,10 or 0,4/0,6), then the BMP
	// one (3,1 or 0,3).
	best, bestRank := -1, 0
	for i := range int(be.Uint16(cmap[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil, errBadFont
		}
		platform, enc := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:])
		rank := 0
		switch {
		case platform == 3 && enc == 10, platform == 0 && (enc == 4 || enc == 6):
			rank = 2
		case platform == 3 && enc == 1, platform == 0 && enc <= 3:
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = int(be.Uint32(cmap[rec+4:])), rank
		}
	}
	if best < 0 || best+2 > len(cmap) {
		return nil, errBadFont
	}
	sub := cmap[best:]
	c := newCoverage()
	switch be.Uint16(sub) {
	case 4:
		return c, parseFormat4(sub, c)
	case 12:
		return c, parseFormat12(sub, c)
	}
	return nil, errBadFont
}

func parseFormat4(sub []byte, c *coverage) error {
	be := binary.BigEndian
	if len(sub) < 14 {
		return errBadFont
	}
	segs := int(be.Uint16(sub[6:])) / 2
	ends, starts := 14, 16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	if ranges+2*segs > len(sub) {
		return errBadFont
	}
	for i := range segs {
		end := rune(be.Uint16(sub[ends+2*i:]))
		start := rune(be.Uint16(sub[starts+2*i:]))
		delta := be.Uint16(sub[deltas+2*i:])
		ro := int(be.Uint16(sub[ranges+2*i:]))
		for r := start; r <= end && r != 0xFFFF; r++ {
			var g uint16
			if ro == 0 {
				g = uint16(r) + delta
			} else {
				// idRangeOffset counts from its own position in the table.
				at := ranges + 2*i + ro + 2*int(r-start)
				if at+2 > len(sub) {
					return errBadFont
				}
				if g = be.Uint16(sub[at:]); g != 0 {
					g += delta
				}
			}
			if g != 0 {
				c.add(r)
			}
		}
	}
	return nil
}

func parseFormat12(sub []byte, c *coverage) error {
	be := binary.BigEndian
	if len(sub) < 16 {
		return errBadFont
	}
	n := int(be.Uint32(sub[12:]))
	if n < 0 || n > (len(sub)-16)/12 {
		return errBadFont
	}
	for i := range n {
		g := sub[16+12*i:]
		start, end, glyph := be.Uint32(g), be.Uint32(g[4:]), be.Uint32(g[8:])
		for r := start; r <= end && r <= maxRune; r++ {
			if glyph+(r-start) != 0 {
				c.add(rune(r))
			}
		}
	}
	return nil
}

// glyphs checks text against the fonts before it is drawn, replaces what
// they cannot draw and remembers what it replaced.
type glyphs struct {
	cov     *coverage
	missing []MissingGlyph
	seen    map[MissingGlyph]bool
	report  func(MissingGlyph)
}

// clean returns s ready for fpdf: line breaks normalised to "\n", tabs as
// spaces, and every character the fonts lack (emoji, characters beyond
// U+FFFF, control characters, invalid UTF-8) replaced by Replacement and
// recorded with where. It allocates only when s needs a change.
func (g *glyphs) clean(s, where string) string {
	ok := true
	for _, r := range s {
		if r == '\n' || (r != utf8.RuneError && g.cov.has(r)) {
			continue
		}
		ok = false
		break
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue // the \n follows
			}
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r == utf8.RuneError && size == 1:
			g.note(utf8.RuneError, where)
			b.WriteRune(Replacement)
		case g.cov.has(r):
			b.WriteRune(r)
		default:
			g.note(r, where)
			b.WriteRune(Replacement)
		}
	}
	return b.String()
}

// note records one missing character once per place: a heading's text is
// drawn both in the table of contents and where it stands.
func (g *glyphs) note(r rune, where string) {
	m := MissingGlyph{Rune: r, Where: where}
	if g.seen[m] {
		return
	}
	if g.seen == nil {
		g.seen = map[MissingGlyph]bool{}
	}
	g.seen[m] = true
	g.missing = append(g.missing, m)
	if g.report != nil {
		g.report(m)
	}
}
