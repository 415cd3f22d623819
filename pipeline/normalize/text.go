package normalize

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Text cleans a text cell: surrounding spaces go (including no-break and
// zero-width spaces, which spreadsheets carry over from the web), control
// characters other than line breaks become spaces (a stray tab once broke a
// PDF font fallback), line breaks become \n, and the result is NFC, so that
// the same word typed on two keyboards compares equal.
//
// A lone \r is a line break, not a control character: old Mac exports end
// lines that way, and a space would join two lines the user kept apart.
func Text(s string) string {
	if plainASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r) // invalid bytes become U+FFFD here
		}
	}
	return norm.NFC.String(trimSpace(b.String()))
}

// plainASCII reports whether s is printable ASCII with nothing to trim,
// which is already clean and NFC: the common case costs no allocation.
func plainASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// isSpace is a space a user cannot see: Unicode white space (which
// includes no-break and narrow no-break spaces), the zero-width space and
// a byte order mark left in the middle of a file by concatenation.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func trimSpace(s string) string {
	// Fast path for cells that have nothing to trim.
	if s != "" && s[0] > ' ' && s[0] < 0x80 && s[len(s)-1] > ' ' && s[len(s)-1] < 0x80 {
		return s
	}
	return strings.TrimFunc(s, isSpace)
}
