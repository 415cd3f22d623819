package pdf

import (
	"fmt"
	"strings"
	"unicode/utf8"

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

// clean returns s ready for fpdf: line breaks normalised to "\n", tabs as
// spaces, and every character the fonts lack (emoji, characters beyond
// U+FFFF, control characters, invalid UTF-8) replaced by Replacement and
// recorded with where. It allocates only when s needs a change.
func (g *glyphs) clean(s, where string) string {
	ok := true
	for _, r := range s {
		if r == '\n' || (r != utf8.RuneError && g.cov.Has(r)) {
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
		case g.cov.Has(r):
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
