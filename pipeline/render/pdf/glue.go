package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// glueSpace stands, inside laid-out text, for a space that must not end a
// line: between the day, month and year of a date, between an amount and
// its currency code. It is measured and drawn as a space. Being a Unicode
// noncharacter, which no font has, it never comes from the report's text:
// clean replaces what the fonts lack.
const glueSpace = '\uFDD0'

// glue returns s with the spaces that must not end a line, as the cells of
// a table read them, replaced by glueSpace:
//
//   - inside a date: "18 January 2013", "3–7 June 2015", "June 2015",
//     "January 18, 2013", and as the other languages write them: "1er
//     juillet 2025", "23 сентября 2015 г.", "2015 оны есдүгээр сарын 23";
//   - between an amount and its currency code, either way round:
//     "1,250,000.50 MNT", "MNT 1,250,000.50";
//   - between the groups of digits of a number written with spaces:
//     "1 250 000.50";
//   - before a dash, which never starts a line: "14 October – 8 November 2013"
//     breaks, if it must, after the dash, each date whole.
//
// The Markdown need not mark these spaces (no-break spaces it does use stay
// what they are: layout breaks lines at plain spaces only). Month names are
// those of the four languages (package lang writes the dates).
func glue(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for start := 0; ; {
		i := strings.IndexByte(s[start:], ' ')
		if i < 0 {
			break
		}
		sp := start + i
		next := s[sp+1:]
		if j := strings.IndexByte(next, ' '); j >= 0 {
			next = next[:j]
		}
		if glued(s[start:sp], next) {
			if done == 0 {
				b.Grow(len(s) + 8)
			}
			b.WriteString(s[done:sp])
			b.WriteRune(glueSpace)
			done = sp + 1
		}
		start = sp + 1
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// glued reports whether the space between words a and b must not break.
func glued(a, b string) bool {
	// Words joined by no-break spaces ("23\u00a0сентября", "2015\u00a0г.",
	// as package lang writes dates) are read by the words next to the space.
	if i := strings.LastIndex(a, "\u00a0"); i >= 0 {
		a = a[i+len("\u00a0"):]
	}
	if i := strings.Index(b, "\u00a0"); i >= 0 {
		b = b[:i]
	}
	if a == "" || b == "" {
		return false
	}
	b0 := trimPunct(b)
	switch {
	case isDash(b):
		return true
	case isDay(a) && isMonth(b0): // 18 January, 3–7 June
		return true
	case isMonth(a) && (isYear(b0) || isDay(b0)): // January 2013, January 18
		return true
	case isMonth(firstOf(a)) && isYear(b0): // June–July 2015
		return true
	case strings.HasSuffix(a, ",") && isDay(strings.TrimSuffix(a, ",")) && isYear(b0): // January 18, 2013
		return true
	case isYear(a) && (b0 == "г" || b0 == "оны" || b0 == "он"): // 2015 г., 2015 оны
		return true
	case isYears(a) && (b0 == "гг" || b0 == "он"): // 2012–2015 гг.
		return true
	case a == "оны" && (mnMonths[b0] || b0 == "арван"): // оны есдүгээр, оны арван
		return true
	case a == "арван" && mnMonths[b0]: // арван нэгдүгээр
		return true
	case mnMonths[a] && (b0 == "сар" || b0 == "сарын"): // есдүгээр сар
		return true
	case a == "сарын" && isDay(b0): // сарын 23
		return true
	case endsInDigit(a) && isCurrency(b0): // 1,250.50 MNT
		return true
	case isCurrency(a) && startsNumber(b): // MNT 1,250.50
		return true
	case isDigitGroup(a, true) && isDigitGroup(b0, false): // 1 250 000.50
		return true
	case endsInDigit(a) && b0 == "%":
		return true
	}
	return false
}

// firstOf is what comes before a dash in s: "June" of "June–July".
func firstOf(s string) string {
	first, _, _ := strings.Cut(s, "–")
	return first
}

// trimPunct removes what may follow a word in a sentence.
func trimPunct(s string) string { return strings.TrimRight(s, ",.;:)") }

func isDash(s string) bool { return s == "–" || s == "—" || s == "-" }

// isDay is a day of the month, or a range of them: "7", "3–7".
func isDay(s string) bool {
	from, to, ok := strings.Cut(s, "–")
	if !ok {
		from, to, ok = strings.Cut(s, "-")
	}
	if ok && !isDay(to) {
		return false
	}
	if from == "1er" { // French: "1er juillet"
		return true
	}
	return len(from) >= 1 && len(from) <= 2 && allDigits(from)
}

// isYears is a span of years: "2012–2015".
func isYears(s string) bool {
	from, to, ok := strings.Cut(s, "–")
	return ok && isYear(from) && isYear(to)
}

// mnMonths are the ordinals that name the months in Mongolian, the word
// before "сар": "есдүгээр сар", "арван нэгдүгээр сар".
var mnMonths = map[string]bool{"нэгдүгээр": true, "хоёрдугаар": true, "гуравдугаар": true, "дөрөвдүгээр": true,
	"тавдугаар": true, "зургаадугаар": true, "долдугаар": true, "наймдугаар": true, "есдүгээр": true, "аравдугаар": true}

func isYear(s string) bool { return len(s) == 4 && allDigits(s) }

var months = map[string]bool{}

func init() {
	for _, m := range []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"} {
		months[m], months[m+"."] = true, true
	}
	// French; Russian, as a date takes them and alone.
	for _, m := range []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		"septembre", "octobre", "novembre", "décembre",
		"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
		"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"} {
		months[m] = true
	}
}

func isMonth(s string) bool { return months[s] }

// isCurrency is an ISO 4217 code: three capital letters.
func isCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := range 3 {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func endsInDigit(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsDigit(r)
}

// startsNumber reports whether s starts with a digit or a sign before one.
func startsNumber(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "−")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// isDigitGroup reports whether s is a group of a number written with spaces
// between groups of three digits: the first group has one to three digits
// (and may have a sign); the others exactly three (and may end the number
// with its decimals).
func isDigitGroup(s string, first bool) bool {
	if first {
		s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "−")
		return len(s) >= 1 && len(s) <= 3 && allDigits(s)
	}
	whole, frac, ok := strings.Cut(s, ".")
	if !ok {
		whole, frac, ok = strings.Cut(s, ",")
	}
	return len(whole) == 3 && allDigits(whole) && (!ok || allDigits(frac))
}

// connectors are the words a cell of dates or numbers may have between
// them: "from 1994-01-20", "2012-01-01 to 2014-12-31".
var connectors = map[string]bool{"from": true, "to": true, "until": true, "since": true, "and": true,
	"–": true, "—": true, "-": true}

// isData reports whether a unit of a cell (the text between two spaces a
// line may break at) is a date, a number, an amount or a word that joins
// them, rather than a word of prose.
func isData(unit string) bool {
	for _, r := range unit {
		if unicode.IsDigit(r) {
			return true
		}
	}
	u := trimPunct(unit)
	return connectors[strings.ToLower(u)] || isCurrency(u)
}

// glued returns the cell with the spaces that must not end a line glued
// (see glue), looking across the spans, whose styles it keeps.
func (c cellText) glued() cellText {
	if len(c) == 1 {
		if g := glue(c[0].text); g != c[0].text {
			return cellText{{text: g, st: c[0].st, code: c[0].code, link: c[0].link}}
		}
		return c
	}
	var all strings.Builder
	for _, s := range c {
		all.WriteString(s.text)
	}
	text := all.String()
	g := glue(text)
	if g == text {
		return c
	}
	// glue maps rune to rune: walk g along the spans.
	out := make(cellText, len(c))
	for i, s := range c {
		n := 0
		for range s.text {
			_, size := utf8.DecodeRuneInString(g[n:])
			n += size
		}
		s.text, g = g[:n], g[n:]
		out[i] = s
	}
	return out
}
