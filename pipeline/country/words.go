package country

import (
	"slices"
	"strings"
)

// The word rules let a name match whatever order its words come in and
// however the words are abbreviated, so that the styles of the World Bank
// ("Korea, Rep.", "Congo, Dem. Rep.", "Micronesia, Fed. Sts.", "Bahamas,
// The", "Venezuela, RB"), the IMF ("Lao P.D.R.", "Taiwan Province of
// China"), UNCTAD ("Korea, Dem. People's Rep. of", "China, Hong Kong SAR")
// and ISO ("Virgin Islands, U.S.") resolve without each spelling being
// listed: a cell matches a stored spelling with the same bag of words.

// stopWords carry no meaning in a name: "Gambia, The" is "The Gambia".
var stopWords = map[string]bool{"of": true, "the": true, "and": true, "и": true}

// wordForms are abbreviations and variants, each read as one full word.
// "Federal", "Federated", "Federation" and "Federative" are one word here:
// "Fed." may stand for any of them, and no two countries' names differ
// only there.
var wordForms = map[string]string{
	"rep": "republic", "repub": "republic",
	"dem": "democratic",
	"fed": "federal", "federated": "federal", "federation": "federal", "federative": "federal",
	"sts": "states",
	"st":  "saint", "ste": "saint",
	"is": "island", "isl": "island", "isls": "island", "islands": "island",
	"people": "peoples",
	"utd":    "united",
	"soc":    "socialist",
	"prov":   "province",
	"n":      "north", "s": "south", "e": "east", "w": "west",
	"респ": "республика",
}

// wordExpansions are abbreviations of several words.
var wordExpansions = map[string][]string{
	"pdr": {"peoples", "democratic", "republic"},   // Lao PDR
	"dpr": {"democratic", "peoples", "republic"},   // DPR Korea
	"sar": {"special", "administrative", "region"}, // Hong Kong SAR
	"rb":  {"bolivarian", "republic"},              // Venezuela, RB (República Bolivariana)
	"fyr": {"former", "yugoslav", "republic"},      // Macedonia, FYR
	"pr":  {"peoples", "republic"},                 // China, P.R.
	"us":  {"united", "states"},                    // Virgin Islands (U.S.)
	"uk":  {"united", "kingdom"},
}

// words are the significant words of a key, abbreviations read in full,
// in the order written.
func words(k string) []string {
	var out []string
	for w := range strings.FieldsSeq(k) {
		switch {
		case stopWords[w]:
		case wordExpansions[w] != nil:
			out = append(out, wordExpansions[w]...)
		case wordForms[w] != "":
			out = append(out, wordForms[w])
		default:
			out = append(out, w)
		}
	}
	return out
}

// bag is the order-independent form of a key: its significant words,
// sorted, each once. "Korea, Rep." and "Republic of Korea" have one bag.
func bag(k string) string {
	if !strings.Contains(k, " ") && !stopWords[k] && wordForms[k] == "" && wordExpansions[k] == nil {
		return k // most names are one plain word
	}
	w := words(k)
	slices.Sort(w)
	return strings.Join(slices.Compact(w), " ")
}

// genericWords say what kind of state or place a name is, not which one:
// alone they are no reason to suggest a name ("Republic of Atlantis" is
// not near "Republic of Korea").
var genericWords = keySet(
	"republic", "democratic", "peoples", "federal", "states", "state",
	"kingdom", "united", "islamic", "arab", "socialist", "union",
	"commonwealth", "island", "saint", "north", "south", "east", "west",
	"central", "new", "great", "grand", "duchy", "principality", "sultanate",
	"territory", "territories", "province", "special", "administrative",
	"region", "former", "plurinational", "bolivarian", "part", "french",
	"dutch", "british", "autonomous", "land",
	"республика", "федерация", "королевство", "демократическая", "народная",
	"Улс", "Бүгд", "Найрамдах", "Ард", "Ардчилсан", "Холбооны",
)

// keySet is a set of words as key folds them.
func keySet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[key(w)] = true
	}
	return m
}

// distinctive are the words of a key that name a place rather than a
// kind of state, of four letters or more.
func distinctive(k string) [][]rune {
	var out [][]rune
	for _, w := range words(k) {
		if r := []rune(w); len(r) >= 4 && !genericWords[w] {
			out = append(out, r)
		}
	}
	return out
}
