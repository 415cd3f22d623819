package lang

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Lang is a language a report can be written in: its ISO 639-1 code.
// The zero Lang is English.
type Lang string

// The languages of the reports.
const (
	English   Lang = "en"
	French    Lang = "fr"
	Mongolian Lang = "mn"
	Russian   Lang = "ru"
)

// All lists the languages, English first.
var All = []Lang{English, French, Mongolian, Russian}

// names are each language's name in itself, then other names people write.
var names = map[Lang][]string{
	English:   {"English", "en", "eng", "anglais", "англи", "английский"},
	French:    {"français", "fr", "fra", "fre", "French", "francais", "франц", "французский"},
	Mongolian: {"монгол", "mn", "mon", "Mongolian", "mongol", "mongolian", "mongol hel", "монгол хэл", "монгольский"},
	Russian:   {"русский", "ru", "rus", "Russian", "russe", "орос", "орос хэл"},
}

// Parse reads a language: its code ("fr"), its name in English or in
// itself ("French", "français"), or a tag with a region ("fr-FR",
// "ru_RU"). "" is English.
func Parse(s string) (Lang, error) {
	w := strings.ToLower(strings.TrimSpace(s))
	if w == "" {
		return English, nil
	}
	if i := strings.IndexAny(w, "-_"); i == 2 {
		w = w[:2]
	}
	for _, l := range All {
		for _, n := range names[l] {
			if strings.ToLower(n) == w {
				return l, nil
			}
		}
	}
	return "", fmt.Errorf("%q is not a language coopreport writes reports in: use en (English), fr (French), mn (Mongolian) or ru (Russian)", s)
}

// Code is the ISO 639-1 code: "en", "fr", "mn", "ru".
func (l Lang) Code() string { return string(l.or()) }

// String is the code.
func (l Lang) String() string { return l.Code() }

// Name is the language's name in itself: "English", "français",
// "монгол", "русский".
func (l Lang) Name() string { return names[l.or()][0] }

// Tag is the language's BCP 47 tag.
func (l Lang) Tag() language.Tag {
	switch l.or() {
	case French:
		return language.French
	case Mongolian:
		return language.Mongolian
	case Russian:
		return language.Russian
	}
	return language.English
}

// or maps the zero Lang to English.
func (l Lang) or() Lang {
	if l == "" {
		return English
	}
	return l
}
