package fonts

import (
	_ "embed"
	"fmt"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The fonts travel inside the binary: a report must not depend on what
// the machine running it has installed. DejaVu Sans covers Latin,
// Cyrillic (Mongolian Ө ө Ү ү included) and ₮; see LICENSE.
var (
	//go:embed DejaVuSans.ttf
	regular []byte
	//go:embed DejaVuSans-Bold.ttf
	boldTTF []byte
	//go:embed DejaVuSans-Oblique.ttf
	oblique []byte
	//go:embed DejaVuSans-BoldOblique.ttf
	boldOblique []byte
)

// Family is the typeface's name, as a stylesheet or a PDF names it.
const Family = "DejaVu Sans"

// Style is the look of a run of text: bold, italic, both or neither.
type Style uint8

const (
	Bold Style = 1 << iota
	Italic
)

// Styles lists the four styles, regular first.
var Styles = [...]Style{0, Bold, Italic, Bold | Italic}

// TTF returns the TrueType file of style st.
func TTF(st Style) []byte {
	return [...][]byte{regular, boldTTF, oblique, boldOblique}[st&3]
}

// MaxRune is the last character the writers draw: go-pdf/fpdf's width
// table stops at U+FFFF, and a character beyond it is replaced (see
// Coverage).
const MaxRune = 0xFFFF

// Replacement is drawn instead of a character the fonts lack: visible, so
// a reader sees that something is missing, where a blank or .notdef box
// would hide it.
const Replacement = '\uFFFD'

// widths are the advance widths of one style, in thousandths of an em,
// by character; -1 for a character the font does not map.
type widths struct {
	adv     []int16
	missing int // the width of .notdef, for the characters not mapped
}

var (
	widthsOnce [4]sync.Once
	widthsOf   [4]widths
	widthsErr  [4]error
)

// loadWidths reads the advance widths of style st from its hmtx table,
// rounded to thousandths of an em as go-pdf/fpdf rounds them
// (utf8fontfile.go, parseHMTXTable): the PDF places text by these
// numbers, so the SVG and PNG charts measure with the very same.
func loadWidths(st Style) (widths, error) {
	i := st & 3
	widthsOnce[i].Do(func() {
		f, err := sfnt.Parse(TTF(st))
		if err != nil {
			widthsErr[i] = fmt.Errorf("reading the embedded font: %w", err)
			return
		}
		var b sfnt.Buffer
		upem := f.UnitsPerEm()
		// With ppem equal to the units per em, GlyphAdvance returns the
		// advance in font units (as 26.6 fixed point).
		ppem := fixed.Int26_6(upem)
		scale := 1000.0 / float64(upem)
		adv := func(g sfnt.GlyphIndex) (int, error) {
			a, err := f.GlyphAdvance(&b, g, ppem, font.HintingNone)
			return int(math.Round(scale * float64(a))), err
		}
		w := widths{adv: make([]int16, MaxRune+1)}
		if w.missing, err = adv(0); err != nil {
			widthsErr[i] = err
			return
		}
		if w.missing == 0 {
			w.missing = 500 // as fpdf does
		}
		for r := range rune(MaxRune + 1) {
			w.adv[r] = -1
			g, err := f.GlyphIndex(&b, r)
			if err != nil || g == 0 {
				continue
			}
			a, err := adv(g)
			if err != nil {
				widthsErr[i] = err
				return
			}
			w.adv[r] = int16(a)
		}
		widthsOf[i] = w
	})
	return widthsOf[i], widthsErr[i]
}

// Units returns the width of s in style st in thousandths of an em: the
// sum of its characters' advance widths, without kerning, as the PDF
// measures and places text. A character the font does not map counts as
// wide as the font's .notdef glyph; one beyond MaxRune as Replacement.
// The fonts are embedded, so an error is a broken build; it returns 0
// then.
func Units(s string, st Style) int {
	w, err := loadWidths(st)
	if err != nil {
		return 0
	}
	n := 0
	for _, r := range s {
		if r < 0 || r > MaxRune {
			r = Replacement
		}
		if a := w.adv[r]; a >= 0 {
			n += int(a)
		} else {
			n += w.missing
		}
	}
	return n
}

// Check reports whether the embedded fonts can be read: callers check it
// once, where they can return an error, before relying on Units.
func Check() error {
	for _, st := range Styles {
		if _, err := loadWidths(st); err != nil {
			return err
		}
	}
	_, err := Coverage()
	return err
}
