package fonts

import (
	"testing"
)

func TestCoverage(t *testing.T) {
	cov, err := Coverage()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		r    rune
		want bool
	}{
		{'A', true}, {'é', true}, {'Ж', true}, {'я', true}, {'ё', true},
		{'Ө', true}, {'ө', true}, {'Ү', true}, {'ү', true}, // Mongolian Cyrillic
		{'₮', true}, {'€', true}, {'«', true}, {'№', true}, {'–', true}, {'…', true},
		{Replacement, true},
		{'😀', false},                                                     // beyond U+FFFF: fpdf cannot draw it at all
		{'\u4e2d', false},                                                // CJK: not in DejaVu Sans
		{'\u1820', false},                                                // traditional Mongolian script: not in DejaVu Sans
		{'\t', false}, {'\r', false}, {'\x00', false}, {'\u0085', false}, // control characters
	}
	for _, tt := range tests {
		t.Run(string(tt.r), func(t *testing.T) {
			if got := cov.Has(tt.r); got != tt.want {
				t.Errorf("Has(%U) = %v; want %v", tt.r, got, tt.want)
			}
		})
	}
}

func TestParseCmapBad(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not a font at all"), regular[:200]} {
		if _, err := parseCmap(in); err == nil {
			t.Errorf("parseCmap(%d bytes) = nil error", len(in))
		}
	}
}

func TestUnits(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
	// DejaVu Sans has 2048 units per em: "A" is 1401 units wide, 684.08
	// thousandths; bold "A" 774. A character the font lacks is as
	// wide as .notdef (1229 units, 600.10).
	tests := []struct {
		s    string
		st   Style
		want int
	}{
		{"", 0, 0},
		{"A", 0, 684},
		{"A", Bold, 774},
		{"AA", 0, 1368},
		{"\u4e2d", 0, 600},
		{"😀", 0, Units("\uFFFD", 0)}, // beyond MaxRune: measured as Replacement
	}
	for _, tt := range tests {
		if got := Units(tt.s, tt.st); got != tt.want {
			t.Errorf("Units(%q, %d) = %d; want %d", tt.s, tt.st, got, tt.want)
		}
	}
}
