package schema

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"coopreport/pipeline"
	"coopreport/pipeline/suggest"
)

// Headers are matched by their words when they do not match a column
// name or alias as a whole: "Valid until", "Date of entry into force" and
// "Expiry date of the agreement" hold the aliases "until", "entry into
// force" and "expiry date". A header's words may hold several names; the
// longest one decides, and single generic words ("date", "name", "no")
// count for less than a word that names one thing. When the names left
// point at two columns ("Notes on funding"), the header is ambiguous: an
// error, never a guess.

// phrase is one name or alias of a column, as words.
type phrase struct {
	words  []string
	col    int     // index into columns[kind]
	weight float64 // its number of words; less for a generic word
}

// phrases lists, per kind, every name and alias as words, longest first.
var phrases = buildPhrases()

func buildPhrases() map[pipeline.Kind][]phrase {
	out := make(map[pipeline.Kind][]phrase, len(columns))
	for kind, specs := range columns {
		var ps []phrase
		for i, s := range specs {
			for _, name := range append([]string{s.Name}, s.Aliases...) {
				w := words(name)
				if len(w) == 0 {
					continue
				}
				weight := float64(len(w))
				if len(w) == 1 && generic[w[0]] {
					weight = 0.5
				}
				ps = append(ps, phrase{words: w, col: i, weight: weight})
			}
		}
		slices.SortStableFunc(ps, func(a, b phrase) int { return len(b.words) - len(a.words) })
		out[kind] = ps
	}
	return out
}

// generic are words that name a column alone but say little inside a
// longer header: "Agreement No." is the agreement, "Partner name" the
// partner, "Date of entry into force" the entry into force.
var generic = map[string]bool{
	"no": true, "number": true, "#": true, "№": true, "ref": true, "reference": true,
	"name": true, "title": true, "subject": true, "description": true,
	"type": true, "kind": true, "category": true,
	"date": true, "start": true, "end": true, "source": true, "budget": true,
	"people": true, "persons": true, "field": true, "domain": true,
	"year": true, "month": true, "quarter": true, "period": true,
	"нэр": true, "гарчиг": true, "огноо": true, "төрөл": true, "дугаар": true, "он": true, "үе": true,
	"хугацаа": true, "дата": true, "тип": true, "вид": true, "номер": true, "название": true,
	"наименование": true, "год": true, "период": true, "описание": true,
}

// countWords name an id alone, but "number of" something counts it.
var countWords = map[string]bool{"no": true, "number": true, "#": true, "№": true}

// words splits a header into lower-case words: letters and digits, with
// "#" and "№" words of their own; "ё" is written "е".
func words(s string) []string {
	s = norm.NFC.String(s)
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == '#' || r == '№':
			flush()
			out = append(out, string(r))
		case r == 'ё' || r == 'Ё':
			b.WriteRune('е')
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

// wordMatch is what a header's words name: the columns it may be, and
// whether they are one column's (several only for names the contract
// shares, such as agreements' "partner") or a real ambiguity.
type wordMatch struct {
	cols      []int
	ambiguous bool
	weight    float64 // of the names that decided
}

// byWords finds the names of kind among the words of cell.
func byWords(kind pipeline.Kind, cell string) wordMatch {
	w := words(cell)
	if len(w) == 0 {
		return wordMatch{}
	}
	type found struct {
		from, to int
		p        *phrase
	}
	var hits []found
	ps := phrases[kind]
	for i := range ps {
		p := &ps[i]
		for from := 0; from+len(p.words) <= len(w); from++ {
			if !slices.Equal(w[from:from+len(p.words)], p.words) {
				continue
			}
			to := from + len(p.words)
			// "Number of persons" counts persons: it is not a number
			// (an id) of anything.
			if len(p.words) == 1 && countWords[p.words[0]] && to < len(w) && w[to] == "of" {
				continue
			}
			// A name inside a longer one found already ("date" in
			// "start date") says nothing more.
			inside := slices.ContainsFunc(hits, func(h found) bool { return h.from <= from && to <= h.to })
			if !inside {
				hits = append(hits, found{from, to, p})
			}
		}
	}
	best := 0.0
	for _, h := range hits {
		best = max(best, h.p.weight)
	}
	// Each name of the best weight gives the columns it may mean; a
	// name shared by two columns (the contract's "partner") gives both.
	var sets [][]int
	for _, h := range hits {
		if h.p.weight == best {
			sets = append(sets, lookupCols(kind, h.p))
		}
	}
	if len(sets) == 0 {
		return wordMatch{}
	}
	common := slices.Clone(sets[0])
	union := slices.Clone(sets[0])
	for _, s := range sets[1:] {
		common = slices.DeleteFunc(common, func(c int) bool { return !slices.Contains(s, c) })
		for _, c := range s {
			if !slices.Contains(union, c) {
				union = append(union, c)
			}
		}
	}
	if len(common) > 0 {
		return wordMatch{cols: common, weight: best}
	}
	slices.Sort(union)
	return wordMatch{cols: union, ambiguous: true, weight: best}
}

// lookupCols is every column the whole name p is a name of, required
// columns first, as exact matching gives them.
func lookupCols(kind pipeline.Kind, p *phrase) []int {
	if c := lookup[kind][key(strings.Join(p.words, ""))]; c != nil {
		return c
	}
	return []int{p.col} // "№ п/п": its key keeps the slash its words drop
}

// suggestion is the column an unknown header resembles ("Vaild to" →
// valid_to), or "" when none is close: a near spelling of a whole name
// or alias, or of one of its words.
func suggestion(kind pipeline.Kind, cell string) string {
	k := key(cell)
	n := len([]rune(k))
	limit := maxDist(n)
	if limit == 0 {
		return ""
	}
	bestCol, bestDist := -1, limit+1
	q := []rune(k)
	var dist suggest.Distance
	for alias, cols := range lookup[kind] {
		a := []rune(alias)
		if d := len(a) - len(q); d < -limit || d > limit {
			continue
		}
		if d := dist.Between(q, a, limit); d < bestDist || d == bestDist && cols[0] < bestCol {
			bestCol, bestDist = cols[0], d
		}
	}
	if bestCol < 0 {
		return ""
	}
	return columns[kind][bestCol].Name
}

// maxDist is the largest edit distance still worth suggesting for a
// header of n letters: short headers draw nothing.
func maxDist(n int) int {
	switch {
	case n < 4:
		return 0
	case n <= 6:
		return 1
	case n <= 12:
		return 2
	}
	return 3
}
