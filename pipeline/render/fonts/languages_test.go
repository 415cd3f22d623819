package fonts

import "testing"

// TestLanguages checks that the fonts draw every character the report's
// four languages need: French letters with their accents and ligatures,
// its quotation marks and the no-break spaces that group digits and go
// before "; : ! ?", Russian and Mongolian Cyrillic (Ө ө Ү ү), the number
// sign and the dashes.
func TestLanguages(t *testing.T) {
	cov, err := Coverage()
	if err != nil {
		t.Fatal(err)
	}
	need := map[string]string{
		"French":    "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ«»’",
		"Russian":   "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя",
		"Mongolian": "ӨөҮү",
		"spaces":    "\u00a0\u202f",
		"signs":     "№–—…₮€",
	}
	for name, s := range need {
		for _, r := range s {
			if !cov.Has(r) {
				t.Errorf("%s: the fonts cannot draw %U %q", name, r, r)
			}
		}
	}
}
