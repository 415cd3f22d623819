package lang

import "fmt"

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
