package pdf

import (
	"fmt"

	"coopreport/pipeline/render/fonts"
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
const Replacement = fonts.Replacement

// glyphs checks text against the fonts before it is drawn, replaces what
// they cannot draw and remembers what it replaced.
type glyphs struct {
	cov     *fonts.Set
	missing []MissingGlyph
	seen    map[MissingGlyph]bool
	report  func(MissingGlyph)
}

// clean returns s ready for fpdf (fonts.Set.Clean), and records every
// character it replaced with where.
func (g *glyphs) clean(s, where string) string {
	return g.cov.Clean(s, func(r rune) { g.note(r, where) })
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
