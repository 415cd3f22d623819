package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"coopreport/pipeline/lang"
)

// maxCellChars is the most characters (UTF-16 code units) a cell holds in
// Excel; excelize would clip a longer text silently.
const maxCellChars = 32767

// text returns s as it goes into a cell: whole when it fits, otherwise cut
// with a note saying so, so that nobody mistakes the cut text for the input.
func text(s string) string {
	if utf16Len(s) <= maxCellChars {
		return s
	}
	note := fmt.Sprintf("… [cut: %d characters in the input]", utf8.RuneCountInString(s))
	budget := maxCellChars - utf16Len(note)
	var b strings.Builder
	used := 0
	for _, r := range s {
		n := utf16.RuneLen(r)
		if n < 0 {
			n = 1 // invalid UTF-8 becomes U+FFFD
		}
		if used+n > budget {
			break
		}
		used += n
		b.WriteRune(r)
	}
	b.WriteString(note)
	return b.String()
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// sheetName makes name a legal, unique sheet name: at most 31 characters,
// none of []:*?/\, not starting or ending with an apostrophe, and not
// already in taken (compared case-insensitively, as Excel does).
func sheetName(name string, taken []string) string {
	clean := strings.Map(func(r rune) rune {
		switch r {
		case '[', ']', ':', '*', '?', '/', '\\':
			return '_'
		}
		if r < 0x20 {
			return ' '
		}
		return r
	}, name)
	clean = strings.Trim(clean, "'")
	if strings.TrimSpace(clean) == "" {
		clean = "Sheet"
	}
	used := func(s string) bool {
		for _, t := range taken {
			if strings.EqualFold(t, s) {
				return true
			}
		}
		return false
	}
	cand := cutRunes(clean, 31)
	for i := 2; used(cand); i++ {
		suffix := " (" + strconv.Itoa(i) + ")"
		cand = cutRunes(clean, 31-len(suffix)) + suffix
	}
	return cand
}

// cutRunes returns the first n runes of s. Sheet names count UTF-16 units,
// so a rune beyond the BMP counts twice.
func cutRunes(s string, n int) string {
	used := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if used+w > n {
			return s[:i]
		}
		used += w
	}
	return s
}

// headers returns names made fit for an Excel table's header row: not
// empty, one line, at most 255 characters, and unique ignoring case.
func headers(l lang.Lang, names []string) []string {
	out := make([]string, len(names))
	seen := map[string]bool{}
	for i, n := range names {
		n = strings.Join(strings.Fields(n), " ")
		if n == "" {
			n = words.F(l, "Column %d", i+1)
		}
		n = cutRunes(n, 240)
		cand := n
		for k := 2; seen[strings.ToLower(cand)]; k++ {
			cand = n + " (" + strconv.Itoa(k) + ")"
		}
		seen[strings.ToLower(cand)] = true
		out[i] = cand
	}
	return out
}

// quoteSheet quotes a sheet name for use in a formula or defined name.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
