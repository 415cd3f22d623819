package pdf

import (
	"testing"

	"coopreport/pipeline/render/fonts"
)

// TestWidthsAreFpdfs checks that the widths text is laid out by
// (fonts.Units, which the SVG and PNG charts use too) are those fpdf
// places text by, for every character the fonts can draw, in each style.
func TestWidthsAreFpdfs(t *testing.T) {
	p, err := newFpdf("A4")
	if err != nil {
		t.Fatal(err)
	}
	cov, err := fonts.Coverage()
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range fonts.Styles {
		p.SetFont(family, fpdfStyle(st), sizeBody)
		n, bad := 0, 0
		for r := range rune(fonts.MaxRune + 1) {
			if !cov.Has(r) {
				continue
			}
			n++
			if got, want := fonts.Units(string(r), st), p.GetStringSymbolWidth(string(r)); got != want && bad < 5 {
				bad++
				t.Errorf("style %q: width of %U is %d; fpdf's %d", fpdfStyle(st), r, got, want)
			}
		}
		if n < 3000 {
			t.Errorf("style %q: only %d characters checked", fpdfStyle(st), n)
		}
	}
	// Characters the fonts lack are measured as fpdf measures them too.
	for _, s := range []string{"\u4e2d", "\u1820", "\x01"} {
		if got, want := fonts.Units(s, 0), p.GetStringSymbolWidth(s); got != want {
			t.Errorf("width of %q is %d; fpdf's %d", s, got, want)
		}
	}
}
