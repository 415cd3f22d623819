package country

import (
	"fmt"
	"slices"
	"strings"

	"coopreport/pipeline"
)

// maxSuggestions is how many names an unknown-country message offers.
const maxSuggestions = 3

// unknown is the error for a cell that names nothing: a sentence with the
// closest names, or with the two ways to fix it when nothing is close.
func (r *Resolver) unknown(t, k string) error {
	s := r.suggest(k)
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

// suggest returns up to maxSuggestions English names whose spellings are
// closest to k by edit distance (a transposition counts as one edit), then
// names that hold k as a whole word ("Korea" → North Korea, South Korea).
// How close is close enough grows with the length of k, so that short
// cells do not draw random names.
func (r *Resolver) suggest(k string) []string {
	q := []rune(k)
	limit := maxDist(len(q))
	if limit == 0 {
		return nil
	}
	padded := " " + k + " "
	best := map[string]int{} // label → smallest distance
	var rows distRows
	consider := func(cands []candidate) {
		for _, c := range cands {
			d := limit + 1
			if diff := len(c.key) - len(q); diff >= -limit && diff <= limit {
				d = rows.distance(q, c.key, limit)
			}
			if d > limit {
				if !strings.Contains(c.padded, padded) {
					continue
				}
				d = limit + 1 // a containing name ranks after every near spelling
			}
			if old, ok := best[c.label]; !ok || d < old {
				best[c.label] = d
			}
		}
	}
	consider(r.b.cands)
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
	return labels[:min(len(labels), maxSuggestions)]
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

// distRows are the three rows of the distance table that distance
// needs (two back, for transpositions), kept between calls so that
// scanning all candidates does not allocate for each.
type distRows struct{ prev2, prev, cur []int }

func distance(a, b []rune, limit int) int {
	var rows distRows
	return rows.distance(a, b, limit)
}

// distance is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and adjacent transpositions), or
// limit+1 as soon as it must exceed limit.
func (rows *distRows) distance(a, b []rune, limit int) int {
	n := len(b) + 1
	if cap(rows.cur) < n {
		rows.prev2, rows.prev, rows.cur = make([]int, n), make([]int, n), make([]int, n)
	}
	prev2, prev, cur := rows.prev2[:n], rows.prev[:n], rows.cur[:n]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}
