package checked

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
	"coopreport/pipeline/source"
)

// issue is one thing wrong with a row or one of its cells.
type issue struct {
	column string // as the file heads it (RowError.Column), or "column N"
	value  string // the value rejected
	text   string // the reason, or the warning's message
	warn   bool   // a warning, not a reject
	kind   string // what went wrong, for the summary's counts (rejects only)
}

// marks are the issues of one table, by row number.
type marks map[int][]issue

// fileMarks gathers the issues of the input file in from r, by sheet (""
// for a CSV file).
func fileMarks(r *pipeline.Report, in string) map[string]marks {
	out := map[string]marks{}
	add := func(sheet string, row int, is issue) {
		m := out[sheet]
		if m == nil {
			m = marks{}
			out[sheet] = m
		}
		m[row] = append(m[row], is)
	}
	for i := range r.Rejects {
		e := &r.Rejects[i]
		if e.File == in {
			add(e.Sheet, e.Row, issue{column: e.Column, value: e.Value, text: e.Reason(), kind: kindOf(e)})
		}
	}
	for _, w := range r.Warnings {
		for _, c := range w.Cells {
			if c.File == in {
				add(c.Sheet, c.Row, issue{column: c.Column, text: w.Message, warn: true})
			}
		}
	}
	return out
}

// sentinels name the kinds of rejects the summary counts.
var sentinels = []error{
	pipeline.ErrMissing, pipeline.ErrBadDate, pipeline.ErrAmbiguousDate, pipeline.ErrBadAmount, pipeline.ErrBadCurrency,
	pipeline.ErrBadNumber, pipeline.ErrBadChoice, pipeline.ErrUnknownCountry, pipeline.ErrDuplicateID, pipeline.ErrUnknownReference,
	pipeline.ErrNoEndDate, pipeline.ErrEndBeforeStart, pipeline.ErrBadAlias, pipeline.ErrBadRate, pipeline.ErrFormulaError,
	source.ErrNoResult,
}

// kindOf is what went wrong in e, in a few words: its column and the
// sentinel it wraps ("Country: unknown country").
func kindOf(e *pipeline.RowError) string {
	what := ""
	for _, s := range sentinels {
		if errors.Is(e.Err, s) {
			what = s.Error()
			break
		}
	}
	if what == "" {
		what = clip(e.Reason(), 80)
	}
	if e.Column == "" {
		return what
	}
	return e.Column + ": " + what
}

// topReasons are the n most common kinds of rejects among the rows of m,
// counted once a row, the most first (ties in the order of the words).
func topReasons(l lang.Lang, m marks, n int) []string {
	count := map[string]int{}
	for _, issues := range m {
		seen := map[string]bool{}
		for _, is := range issues {
			if !is.warn && !seen[is.kind] {
				seen[is.kind] = true
				count[is.kind]++
			}
		}
	}
	kinds := make([]string, 0, len(count))
	for k := range count {
		kinds = append(kinds, k)
	}
	slices.SortFunc(kinds, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
	var out []string
	for _, k := range kinds[:min(n, len(kinds))] {
		out = append(out, words.F(l, "%s (%s)", k, countOf(l, count[k], "row|rows")))
	}
	return out
}

// problems is the text of a row's Problems cell: each reject, then each
// warning, one a line.
func problems(l lang.Lang, issues []issue) string {
	var lines []string
	for _, warn := range []bool{false, true} {
		for _, is := range issues {
			if is.warn != warn {
				continue
			}
			line := is.text
			if is.column != "" {
				line = is.column + ": " + line
			}
			if warn {
				line = words.In(l, "To check — ") + line
			}
			if !slices.Contains(lines, line) {
				lines = append(lines, line)
			}
		}
	}
	return clip(strings.Join(lines, "\n"), maxCellText)
}

// note is the text of a marked cell's comment: its rejects (the value
// and why), then its warnings.
func note(l lang.Lang, issues []issue) string {
	var lines []string
	for _, warn := range []bool{false, true} {
		for _, is := range issues {
			if is.warn != warn {
				continue
			}
			line := is.text
			switch {
			case warn:
				line = words.In(l, "To check: ") + line
			case is.value != "":
				line = fmt.Sprintf("%q: %s", is.value, line)
			}
			if !slices.Contains(lines, line) {
				lines = append(lines, line)
			}
		}
	}
	return clip(strings.Join(lines, "\n\n"), maxNote)
}

// Limits on text: a cell holds at most 32,767 characters; a comment is
// kept short enough to read.
const (
	maxCellText = 32000
	maxNote     = 2000
)

// clip cuts s to at most n runes, ending it with "…" when cut.
func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
