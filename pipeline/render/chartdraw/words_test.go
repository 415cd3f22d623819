package chartdraw

import (
	"strings"
	"testing"

	"coopreport/pipeline/lang"
	"coopreport/pipeline/lang/langtest"
)

func TestWordsComplete(t *testing.T) { langtest.Complete(t, words) }

// TestCountForms checks that the entries of words split into forms have
// as many as each language's plural rules take.
func TestCountForms(t *testing.T) {
	for en := range words {
		if !strings.Contains(en, "|") {
			continue
		}
		for _, l := range lang.All {
			if got, want := len(strings.Split(words.In(l, en), "|")), l.Forms(); got != want {
				t.Errorf("%q in %s has %d forms, want %d", en, l.Name(), got, want)
			}
		}
	}
}
