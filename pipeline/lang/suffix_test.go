package lang

import (
	"strings"
	"testing"
)

// TestSuffixMore covers what TestMongolianSuffix does not: abbreviations
// with small letters, final vowels that stay, и before a front suffix.
func TestSuffixMore(t *testing.T) {
	for _, c := range []struct{ word, suffix, want string }{
		{"БНКазУ", "тай", "БНКазУ-тай"},
		{"БНКазУ", "аас", "БНКазУ-аас"},
		{"БНКазУ", "ын", "БНКазУ-ын"},
		{"Перу", "ын", "Перугийн"},
		{"Перу", "аас", "Перугаас"},
		{"Марокко", "аас", "Мароккогоос"},
		{"Бельги", "аас", "Бельгиэс"},
		{"Норвеги", "аас", "Норвегиэс"},
		{"Канада", "ын", "Канадын"},
		{"Канада", "аас", "Канадаас"},
	} {
		if got := Suffix(c.word, c.suffix); got != c.want {
			t.Errorf("Suffix(%q, %q) = %q, want %q", c.word, c.suffix, got, c.want)
		}
	}
	// Every abbreviation the reports may write takes its suffix after a
	// hyphen, whole.
	for code, a := range abbreviations[Mongolian] {
		for _, suffix := range []string{"тай", "аас", "ын"} {
			got := Suffix(a, suffix)
			if !strings.HasPrefix(got, a+"-") {
				t.Errorf("%s: Suffix(%q, %q) = %q, want %s-…", code, a, suffix, got, a)
			}
		}
	}
}
