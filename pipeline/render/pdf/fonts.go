package pdf

import (
	_ "embed"
	"sync"
)

// The fonts travel inside the binary: a report must not depend on what
// the machine running it has installed. DejaVu Sans covers Latin,
// Cyrillic (Mongolian Ө ө Ү ү included) and ₮; see fonts/LICENSE.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
	//go:embed fonts/DejaVuSans-Oblique.ttf
	fontOblique []byte
	//go:embed fonts/DejaVuSans-BoldOblique.ttf
	fontBoldOblique []byte
)

// family is the name the fonts are registered under in each document.
const family = "DejaVu"

// fontStyles pairs fpdf's style letters with the embedded files.
var fontStyles = []struct {
	style string
	ttf   []byte
}{
	{"", fontRegular},
	{"B", fontBold},
	{"I", fontOblique},
	{"BI", fontBoldOblique},
}

var (
	coverageOnce sync.Once
	coverageSet  *coverage
	coverageErr  error
)

// fontCoverage returns the characters all four styles can draw. Using the
// intersection means a checked string is safe whatever style it is drawn
// in, so callers need not know the style when they sanitise.
func fontCoverage() (*coverage, error) {
	coverageOnce.Do(func() {
		var all *coverage
		for _, f := range fontStyles {
			c, err := parseCmap(f.ttf)
			if err != nil {
				coverageErr = err
				return
			}
			if all == nil {
				all = c
			} else {
				all.intersect(c)
			}
		}
		// Control characters are layout, not text: "\n" is handled by the
		// callers, the rest are replaced, whatever the font maps them to.
		for r := rune(0); r < 0x20; r++ {
			all.remove(r)
		}
		for r := rune(0x7F); r <= 0x9F; r++ {
			all.remove(r)
		}
		coverageSet = all
	})
	return coverageSet, coverageErr
}
