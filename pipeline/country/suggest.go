package country

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/suggest"
)

// maxSuggestions is how many names an unknown-country message offers.
const maxSuggestions = 3

// unknown is the error for a cell that names nothing: a sentence with the
// closest names, or with the two ways to fix it when nothing is close.
func (r *Resolver) unknown(t, k string) error {
	s, best := r.suggest(k)
	if area, d := r.nearArea(k); area != "" && d < best {
		return fmt.Errorf("%w %q: it looks like %s, a region or a group of countries, not a country; write the partner country, or multilateral for a group of countries, or add an alias row to count the name under a country",
			pipeline.ErrUnknownCountry, t, area)
	}
	if len(s) == 0 {
		return fmt.Errorf("%w %q; write an ISO code (e.g. LT) or add the spelling to an aliases file", pipeline.ErrUnknownCountry, t)
	}
	return fmt.Errorf("%w %q; did you mean %s?", pipeline.ErrUnknownCountry, t, orList(s))
}

// orList joins names as a sentence does: "A", "A or B", "A, B or C".
func orList(s []string) string {
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// suggest returns up to maxSuggestions English names of countries, best
// first, and the score of the best (a large number when there is none):
//
//   - names whose spellings are closest to k by edit distance (a
//     transposition counts as one edit); how close is close enough grows
//     with the length of k, so that short cells draw no random names;
//   - then names that hold k as a whole word ("Korea" → North Korea,
//     South Korea), unless k only says what kind of state a name is
//     ("Democratic Republic");
//   - then names with a word near each of k's distinctive words
//     ("Republic of N.Macedonia" → North Macedonia), the fewest edits and
//     words left over first. Words that only say what kind of state a name
//     is ("Republic", "Democratic") are not enough.
func (r *Resolver) suggest(k string) ([]string, int) {
	q := []rune(k)
	limit := maxDist(len(q))
	if limit == 0 {
		return nil, math.MaxInt
	}
	padded := " " + k + " "
	qwords := distinctive(k)
	best := map[string]int{} // label → best score
	var rows suggest.Distance
	consider := func(cands []candidate) {
		for _, c := range cands {
			d := limit + 1
			if diff := len(c.key) - len(q); diff >= -limit && diff <= limit {
				d = rows.Between(q, c.key, limit)
			}
			if d > limit {
				switch score, ok := wordMatch(&rows, qwords, c.words); {
				case len(qwords) > 0 && strings.Contains(c.padded, padded):
					d = limit + 1 // a containing name ranks after every near spelling
				case ok:
					d = limit + 2 + score
				default:
					continue
				}
			}
			if old, ok := best[c.label]; !ok || d < old {
				best[c.label] = d
			}
		}
	}
	consider(r.b.hints().cands)
	consider(r.cands)

	labels := make([]string, 0, len(best))
	for l := range best {
		labels = append(labels, l)
	}
	slices.SortFunc(labels, func(a, b string) int {
		if best[a] != best[b] {
			return best[a] - best[b]
		}
		return strings.Compare(a, b)
	})
	if len(labels) == 0 {
		return nil, math.MaxInt
	}
	return labels[:min(len(labels), maxSuggestions)], best[labels[0]]
}

// wordMatch reports whether each of the query's words q is near a
// different one of a name's words w, and scores the match: the edits
// made, plus the words of w left over.
func wordMatch(rows *suggest.Distance, q, w [][]rune) (score int, ok bool) {
	if len(q) == 0 || len(q) > len(w) {
		return 0, false
	}
	var used uint64 // which of w are taken; names have far fewer than 64 words
	for _, qw := range q {
		found := false
		for j, ww := range w {
			if j >= 64 || used&(1<<j) != 0 {
				continue
			}
			limit := wordDist(min(len(qw), len(ww)))
			if diff := len(ww) - len(qw); diff < -limit || diff > limit {
				continue
			}
			if d := rows.Between(qw, ww, limit); d <= limit {
				used |= 1 << j
				score += d
				found = true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return score + len(w) - len(q), true
}

// wordDist is the largest edit distance between two words, the shorter of
// n letters, that still makes them one word: stricter than maxDist, as
// short words are alike ("Kongo" is not "Kong").
func wordDist(n int) int {
	switch {
	case n < 5:
		return 0
	case n < 8:
		return 1
	}
	return 2
}

// nearArea returns the world region whose name is nearest to k, within
// the distance a suggestion would be, and that distance.
func (r *Resolver) nearArea(k string) (string, int) {
	q := []rune(k)
	limit := maxDist(len(q))
	if limit == 0 {
		return "", math.MaxInt
	}
	var rows suggest.Distance
	name, best := "", limit+1
	for _, c := range r.b.hints().areas {
		if diff := len(c.key) - len(q); diff < -limit || diff > limit {
			continue
		}
		if d := rows.Between(q, c.key, limit); d < best {
			name, best = c.label, d
		}
	}
	return name, best
}

// maxDist is the largest edit distance still worth suggesting for a query
// of n letters.
func maxDist(n int) int {
	switch {
	case n < 4:
		return 0
	case n <= 5:
		return 1
	case n <= 8:
		return 2
	}
	return 3
}
