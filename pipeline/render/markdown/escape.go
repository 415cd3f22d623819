package markdown

import (
	"fmt"
	"strings"
)

// Raw is text that is already Markdown: template output passes it
// through as it is, where any other value is escaped. The functions that
// build Markdown (table, chart, paragraphs, raw) return it, as
// html/template's functions return template.HTML.
type Raw string

// escapeFunc is the name of the function appended to every action that
// prints, so that data can never turn into markup.
const escapeFunc = "_md_escape"

// escapeValue formats a printed value: Markdown as it is, anything else
// through fmt and then escaped.
func escapeValue(v any) Raw {
	switch v := v.(type) {
	case Raw:
		return v
	case nil:
		return ""
	case string:
		return Raw(Escape(v))
	}
	return Raw(Escape(fmt.Sprint(v)))
}

// Escape makes data safe to place anywhere in a line of Markdown: in a
// paragraph, a heading, a list item or a table cell. Line breaks and tabs
// become spaces (a value never ends a block); the characters that start
// emphasis, code, links, images, HTML, tables and escapes are preceded by
// a backslash; and so are the marks that would make the value a heading, a
// list item, a quote or a rule were it to start a line. Characters that
// mean nothing where they are ("2012-2014", "(DPRK)", a full stop) are
// left alone, so the Markdown stays readable when pasted into a form.
func Escape(s string) string {
	s = flatten(s)
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	if n := lineStartMark(s); n >= 0 {
		b.WriteString(s[:n])
		b.WriteByte('\\')
		s = s[n:]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '_', '`', '[', ']', '<', '>', '|', '~':
			b.WriteByte('\\')
		case '&':
			if entityAt(s[i:]) {
				b.WriteByte('\\')
			}
		case '#':
			if i == len(s)-1 { // would close an ATX heading
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// flatten turns line breaks and tabs into single spaces and trims the
// ends: a value stays inside the block the template put it in.
func flatten(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		switch r {
		case '\r', '\n', '\t':
			return ' '
		}
		return r
	}, s)), " ")
}

// lineStartMark returns where to put a backslash so that s, placed at the
// start of a line, does not open a block: before "#", "-", "+", "=" or
// ">" that would, and before the "." or ")" of "1." and "1)". -1: nothing
// to do.
func lineStartMark(s string) int {
	switch s[0] {
	case '#':
		rest := strings.TrimLeft(s, "#")
		if len(s)-len(rest) <= 6 && (rest == "" || rest[0] == ' ') {
			return 0
		}
	case '-', '+', '=':
		if len(s) == 1 || s[1] == ' ' || strings.Trim(s, string(s[0])+" ") == "" {
			return 0
		}
	case '>':
		return -1 // escaped everywhere anyway
	}
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < 10 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ') {
		return i
	}
	return -1
}

// entityAt reports whether s starts with an HTML entity or character
// reference ("&amp;", "&#169;", "&#xA9;"), which Markdown would decode.
func entityAt(s string) bool {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 33 {
		return false
	}
	body := s[1:end]
	if body[0] == '#' {
		body = body[1:]
		if len(body) > 0 && (body[0] == 'x' || body[0] == 'X') {
			body = body[1:]
		}
	}
	if body == "" {
		return false
	}
	for _, c := range body {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// cell escapes a table cell: what Escape does, and an empty cell stays
// empty.
func cell(s string) string { return Escape(s) }
