package lang

import (
	"fmt"
	"strings"
)

// Words are a text in the languages besides English.
type Words struct{ FR, MN, RU string }

// Table holds the words one package writes for people, keyed by the
// English; langtest.Complete checks in the package's tests that each has
// every language. A text with verbs (%s, %d) is a format: each language's text
// takes the same verbs, in the order the English has them unless it
// numbers them (%[2]s).
type Table map[string]Words

// In returns the text in l. A text the table lacks is returned as it is,
// in English: the tests of each language find it there.
func (t Table) In(l Lang, en string) string {
	w, ok := t[en]
	if !ok {
		return en
	}
	var s string
	switch l {
	case French:
		s = w.FR
	case Mongolian:
		s = w.MN
	case Russian:
		s = w.RU
	default:
		return en
	}
	if s == "" {
		return en
	}
	return s
}

// F is In then fmt.Sprintf.
func (t Table) F(l Lang, en string, args ...any) string {
	return fmt.Sprintf(t.In(l, en), args...)
}

// Form is the form of a word for n in l, from a text of the table that
// lists its forms separated by "|": the key holds the English
// ("agreement|agreements"), the entry the language's, in the order
// Lang.Form takes them ("соглашение|соглашения|соглашений"). An entry with
// the wrong number of forms (langtest.Complete finds it) gives its last.
func (t Table) Form(l Lang, n int64, forms string) string {
	fs := strings.Split(t.In(l, forms), "|")
	s, err := l.Form(n, fs...)
	if err != nil {
		return fs[len(fs)-1]
	}
	return s
}

// Count is n and the form of the word for it (see Form): "3 agreements",
// "3 соглашения", "1 250 participants".
func (t Table) Count(l Lang, n int64, forms string) string {
	return l.Int(n) + " " + t.Form(l, n, forms)
}
