package xlsx

import (
	"testing"

	"coopreport/pipeline/lang"
)

// TestDefinitionsTranslated: every definition on the About sheet, and the
// name of every number it defines, is in each language's table.
func TestDefinitionsTranslated(t *testing.T) {
	b := &book{r: testReport(t)}
	for _, l := range []lang.Lang{lang.French, lang.Mongolian, lang.Russian} {
		b.r.Lang = l
		for _, d := range definitions {
			if _, ok := words[d[1]]; !ok {
				t.Errorf("the definition of %q is not translated", d[0])
			}
			sheet, what, _ := cutTerm(d[0])
			for _, w := range []string{sheet, what} {
				if _, ok := words[w]; !ok {
					t.Errorf("%q of %q is not translated", w, d[0])
				}
			}
		}
	}
}

func cutTerm(s string) (string, string, bool) {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == ':' && s[i+1] == ' ' {
			return s[:i], s[i+2:], true
		}
	}
	return s, "", false
}
