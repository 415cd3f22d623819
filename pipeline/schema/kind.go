package schema

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"coopreport/pipeline"
)

// nameWords are the words a file or sheet name holds for each kind. They
// match anywhere in the name, except prefixes (below).
var nameWords = map[pipeline.Kind][]string{
	pipeline.KindAgreements: {"agreement", "гэрээ", "соглашени", "договор"},
	pipeline.KindActivities: {"activit", "үйл ажиллагаа", "мероприяти"},
	pipeline.KindMeasures:   {"measure", "арга хэмжээ"},
	pipeline.KindRates:      {"ханш", "курс валют", "курсы валют"},
	pipeline.KindAliases:    {"alias", "псевдоним"},
}

// namePrefixes match only at the start of a word: "rate" is inside
// "corporate", "generated" and "separate", but "rates", "exchange_rates"
// and "fx rates" mean exchange rates.
var namePrefixes = map[pipeline.Kind][]string{
	pipeline.KindRates: {"rate"},
}

// KindOfName recognises a table's kind from its file name (without the
// extension) or sheet name, case-insensitively. It returns "" when the
// name says nothing or names several kinds ("agreements and activities"):
// then the header row decides.
func KindOfName(name string) pipeline.Kind {
	// Words are compared with single spaces between them, so that
	// "үйл_ажиллагаа" and "Үйл  ажиллагаа" both hold "үйл ажиллагаа".
	words := strings.FieldsFunc(strings.ToLower(norm.NFC.String(name)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	flat := " " + strings.Join(words, " ")
	var found pipeline.Kind
	for _, k := range kinds {
		if !nameSays(flat, nameWords[k], namePrefixes[k]) {
			continue
		}
		if found != "" {
			return ""
		}
		found = k
	}
	return found
}

func nameSays(flat string, words, prefixes []string) bool {
	for _, w := range words {
		if strings.Contains(flat, w) {
			return true
		}
	}
	for _, p := range prefixes {
		if strings.Contains(flat, " "+p) {
			return true
		}
	}
	return false
}
