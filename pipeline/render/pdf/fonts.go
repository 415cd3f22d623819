package pdf

import (
	"strings"

	"coopreport/pipeline/render/fonts"
)

// family is the name the fonts are registered under in each document.
const family = "DejaVu"

// style is the look of a run of text: bold, italic, both or neither.
type style = fonts.Style

const (
	bold   = fonts.Bold
	italic = fonts.Italic
)

// fpdfStyle returns fpdf's style letters for s.
func fpdfStyle(s style) string { return [...]string{"", "B", "I", "BI"}[s&3] }

// textWidth returns the width of clean text s in style st at size points,
// in millimetres: the fonts' own advance widths, which are the numbers
// fpdf places text by (fonts.Units), so the charts drawn for the other
// formats measure as the PDF does.
func textWidth(s string, st style, size float64) float64 {
	if strings.ContainsRune(s, glueSpace) {
		s = strings.ReplaceAll(s, string(glueSpace), " ")
	}
	return float64(fonts.Units(s, st)) * size * ptMM / 1000
}
