// Package langtest checks the words tables of package lang in the tests of
// the packages that hold them.
package langtest

import (
	"strings"
	"testing"

	"coopreport/pipeline/lang"
)

// Complete fails t for each text of table that lacks a language, whose
// translation has other formatting verbs than the English, or, for the
// forms of a word ("agreement|agreements", see lang.Table.Form), another
// number of forms than the language takes.
func Complete(t testing.TB, table lang.Table) {
	t.Helper()
	for en, w := range table {
		for _, x := range []struct {
			l lang.Lang
			s string
		}{{lang.French, w.FR}, {lang.Mongolian, w.MN}, {lang.Russian, w.RU}} {
			if x.s == "" {
				t.Errorf("%q has no %s", en, x.l.Name())
			} else if verbs(x.s) != verbs(en) {
				t.Errorf("%q in %s, %q, has other formatting verbs", en, x.l.Name(), x.s)
			} else if strings.Contains(en, "|") && strings.Count(x.s, "|")+1 != x.l.Forms() {
				t.Errorf("%q in %s, %q, gives %d forms of the word; %s takes %d", en, x.l.Name(), x.s,
					strings.Count(x.s, "|")+1, x.l.Name(), x.l.Forms())
			}
		}
	}
}

// verbs counts the formatting verbs of a text.
func verbs(s string) int { return strings.Count(s, "%") - 2*strings.Count(s, "%%") }
