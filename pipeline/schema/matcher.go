package schema

import (
	"fmt"
	"slices"
	"strings"

	"coopreport/pipeline"
)

// Extra, as the column a ministry maps a header to, keeps that header's
// column as an extra column: for a header coopreport would otherwise read
// as a column it is not.
const Extra = "extra"

// Matcher recognises header rows: by the names and aliases of the columns
// (whole, or among a header's words), and by the headers a ministry maps
// itself in coopreport.toml ([columns.agreements] "Date d'effet" =
// "valid_from"), which come first. The nil *Matcher knows the built-in
// names only.
type Matcher struct {
	mapped  map[pipeline.Kind]map[string]int    // key(header) → column index, or -1 for Extra
	written map[pipeline.Kind]map[string]string // key(header) → the header as the configuration writes it
}

// NewMatcher checks a ministry's own header names: per kind of table, the
// header as written → the column's name (or Extra). The error is a plain
// sentence naming the kind, the header and the columns there are.
func NewMatcher(mapped map[string]map[string]string) (*Matcher, error) {
	m := &Matcher{mapped: map[pipeline.Kind]map[string]int{}, written: map[pipeline.Kind]map[string]string{}}
	for _, kindName := range sortedKeys(mapped) {
		kind := pipeline.Kind(strings.ToLower(strings.TrimSpace(kindName)))
		specs := columns[kind]
		if specs == nil {
			return nil, fmt.Errorf("[columns.%s]: %q is not a kind of table; the kinds are %s", kindName, kindName, kindList())
		}
		if m.mapped[kind] == nil {
			m.mapped[kind] = map[string]int{}
			m.written[kind] = map[string]string{}
		}
		for _, header := range sortedKeys(mapped[kindName]) {
			target := strings.TrimSpace(mapped[kindName][header])
			k := key(header)
			if k == "" {
				return nil, fmt.Errorf("[columns.%s]: the header %q has no letters", kindName, header)
			}
			col := -1
			if !strings.EqualFold(target, Extra) {
				col = slices.IndexFunc(specs, func(s ColumnSpec) bool { return s.Name == strings.ToLower(target) })
				if col < 0 {
					msg := fmt.Sprintf("[columns.%s]: %q = %q: %q is not a column of %s; the columns are %s, or %q to keep the column as an extra column",
						kindName, header, target, target, kind, columnList(kind), Extra)
					if s := suggestion(kind, target); s != "" {
						msg += fmt.Sprintf(" (did you mean %q?)", s)
					}
					return nil, fmt.Errorf("%s", msg)
				}
			}
			if old, dup := m.mapped[kind][k]; dup && old != col {
				return nil, fmt.Errorf("[columns.%s]: %q is mapped twice, to two columns (headers are compared ignoring case, spaces, \"_\", \"-\" and \".\")", kindName, header)
			}
			m.mapped[kind][k] = col
			m.written[kind][k] = header
		}
	}
	return m, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func kindList() string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func columnList(kind pipeline.Kind) string {
	var names []string
	for _, s := range columns[kind] {
		names = append(names, s.Name)
	}
	return strings.Join(names, ", ")
}

// Unused lists the headers the configuration maps that no header row of
// their kind among hs holds, as "[columns.agreements] \"Date d'effet\"":
// a mapping that matches nothing changes nothing, and may be a typo.
func (m *Matcher) Unused(hs []*Header) []string {
	if m == nil {
		return nil
	}
	seen := map[pipeline.Kind]map[string]bool{}
	for _, h := range hs {
		if seen[h.Kind] == nil {
			seen[h.Kind] = map[string]bool{}
		}
		for _, c := range h.Columns {
			seen[h.Kind][key(c.Header)] = true
		}
	}
	var out []string
	for _, kind := range kinds {
		for _, k := range sortedKeys(m.written[kind]) {
			if !seen[kind][k] {
				out = append(out, fmt.Sprintf("[columns.%s] %q", kind, m.written[kind][k]))
			}
		}
	}
	return out
}

// How says how a header cell was recognised.
type How int

const (
	Unmatched How = iota
	ByName        // a column's name or alias, whole (or each part of a bilingual header)
	ByMapping     // the configuration maps it
	ByWords       // a name or alias among its words
)

// cellMatch is what one header cell may name.
type cellMatch struct {
	cols      []int // candidate columns, required first
	how       How
	ambiguous bool    // by words, and the words name different columns
	extra     bool    // mapped to Extra
	weight    float64 // by words: the weight of the names that decided
}

func (m *Matcher) match(kind pipeline.Kind, cell string) cellMatch {
	if m != nil {
		if col, ok := m.mapped[kind][key(cell)]; ok {
			if col < 0 {
				return cellMatch{how: ByMapping, extra: true}
			}
			return cellMatch{cols: []int{col}, how: ByMapping}
		}
	}
	if c := candidates(kind, cell); c != nil {
		return cellMatch{cols: c, how: ByName}
	}
	if w := byWords(kind, cell); w.cols != nil {
		return cellMatch{cols: w.cols, how: ByWords, ambiguous: w.ambiguous, weight: w.weight}
	}
	return cellMatch{}
}
