package lang

import (
	"fmt"
	"strings"

	"golang.org/x/text/feature/plural"
)

// forms are the plural categories a language's whole numbers fall in, in
// the order a text gives its forms (CLDR's cardinal rules).
var forms = map[Lang][]plural.Form{
	English:   {plural.One, plural.Other},
	French:    {plural.One, plural.Other},
	Mongolian: {plural.One, plural.Other},
	Russian:   {plural.One, plural.Few, plural.Many},
}

// formNames say which numbers each form is for, for messages.
var formNames = map[Lang]string{
	English:   "one for 1, one for other numbers",
	French:    "one for 0 and 1, one for other numbers",
	Mongolian: "one for 1, one for other numbers",
	Russian:   "one for 1, 21, 31…; one for 2–4, 22–24…; one for 0, 5–20, 25–30…",
}

// Forms is how many forms of a word the language's plural needs.
func (l Lang) Forms() int { return len(forms[l.or()]) }

// Form picks the form of a word for n from the forms given in the order
// of the language's CLDR categories: one and other in English, French and
// Mongolian; one, few and many in Russian ("соглашение", "соглашения",
// "соглашений").
func (l Lang) Form(n int64, words ...string) (string, error) {
	fs := forms[l.or()]
	if len(words) != len(fs) {
		given := "none"
		if len(words) > 0 {
			given = fmt.Sprintf("%d: %s", len(words), strings.Join(quote(words), ", "))
		}
		return "", fmt.Errorf("a report in %s takes %d forms of the word (%s), and is given %s",
			englishName(l), len(fs), formNames[l.or()], given)
	}
	if n < 0 {
		n = -n
	}
	// MatchPlural takes an int; the last digits decide beyond it.
	i := int(n % 1000000)
	if n >= 1000000 {
		i += 1000000
	}
	c := plural.Cardinal.MatchPlural(l.Tag(), i, 0, 0, 0, 0)
	for k, f := range fs {
		if f == c {
			return words[k], nil
		}
	}
	return words[len(words)-1], nil
}

// Count writes n and the form of the word for it: "1 agreement",
// "26 agreements", "5 соглашений", "1 250 participants".
func (l Lang) Count(n int64, words ...string) (string, error) {
	w, err := l.Form(n, words...)
	if err != nil {
		return "", err
	}
	return l.Int(n) + " " + w, nil
}

func quote(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = fmt.Sprintf("%q", w)
	}
	return out
}

// englishName is l's name in English, for messages.
func englishName(l Lang) string {
	return map[Lang]string{English: "English", French: "French", Mongolian: "Mongolian", Russian: "Russian"}[l.or()]
}
