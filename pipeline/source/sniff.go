package source

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// Encodings Sniff reports.
const (
	EncUTF8    = "UTF-8"
	EncUTF8BOM = "UTF-8 BOM"
	EncUTF16LE = "UTF-16LE"
	EncUTF16BE = "UTF-16BE"
	EncCP1251  = "Windows-1251"
)

// sniffSize is how much of a CSV file Sniff looks at.
const sniffSize = 64 << 10

// sniffLines is how many non-empty records the delimiter vote counts. The
// header may sit below up to nine title rows, so ten reach it.
const sniffLines = 10

// Sniff guesses the encoding and the delimiter of a CSV file from its first
// bytes (head, up to 64 KiB; it may end in the middle of a character).
//
// A byte order mark decides the encoding. Without one, text that is valid
// UTF-8 is UTF-8, and anything else is taken for Windows-1251, the Cyrillic
// code page Excel uses on Russian and Mongolian Windows.
//
// The delimiter is the one of comma, semicolon and tab that splits the most
// of the first ten non-empty lines into the same number (more than one) of
// fields, counting outside quotes. Title rows above the header ("Report",
// "Report;;;;") are outvoted by the header and the data. When nothing
// splits, it is a comma (a tab for UTF-16: Excel's "Unicode text").
func Sniff(head []byte) (encoding string, delimiter rune) {
	s := sniff(head, false)
	return s.encoding, s.delimiter
}

type sniffed struct {
	encoding  string
	delimiter rune
	// crOnly: lines end in a lone CR (old Mac "CSV (Macintosh)" exports),
	// which encoding/csv would read as one long line.
	crOnly bool
}

// sniff is Sniff; complete says head is the whole file, so a character cut
// at its end is a real encoding error rather than the edge of the sample.
func sniff(head []byte, complete bool) sniffed {
	var enc string
	text := head
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		enc, text = EncUTF8BOM, head[3:]
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		enc, text = EncUTF16LE, utf16Text(head[2:], unicode.LittleEndian)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		enc, text = EncUTF16BE, utf16Text(head[2:], unicode.BigEndian)
	case validUTF8(head, complete):
		enc = EncUTF8
	default:
		// Windows-1251 keeps ASCII where it is, so the delimiter vote
		// below can run on the raw bytes.
		enc = EncCP1251
	}
	def := ','
	if enc == EncUTF16LE || enc == EncUTF16BE {
		def = '\t'
	}
	crOnly := bytes.IndexByte(text, '\r') >= 0 && bytes.IndexByte(text, '\n') < 0
	if crOnly {
		text = bytes.ReplaceAll(text, []byte{'\r'}, []byte{'\n'})
	}
	return sniffed{enc, sniffDelimiter(text, def, complete), crOnly}
}

// validUTF8 is utf8.Valid, except that when b is only the start of the file
// a sequence cut at its end does not count against it.
func validUTF8(b []byte, complete bool) bool {
	if utf8.Valid(b) {
		return true
	}
	if complete {
		return false
	}
	// Look back at most three bytes for the start of the last sequence.
	for i := len(b) - 1; i >= 0 && i >= len(b)-3; i-- {
		if utf8.RuneStart(b[i]) {
			return !utf8.FullRune(b[i:]) && utf8.Valid(b[:i])
		}
	}
	return false
}

func utf16Text(b []byte, e unicode.Endianness) []byte {
	b = b[:len(b)&^1] // a sample may cut a code unit in half
	out, err := unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil {
		return nil
	}
	return out
}

// sniffDelimiter votes for a delimiter; on a tie the more fields win, then
// the order def, comma, semicolon, tab.
func sniffDelimiter(text []byte, def rune, complete bool) rune {
	cands := []rune{def}
	for _, d := range []rune{',', ';', '\t'} {
		if d != def {
			cands = append(cands, d)
		}
	}
	best, bestVotes, bestFields := def, 0, 0
	for _, d := range cands {
		votes, fields := vote(fieldCounts(text, byte(d), complete))
		if votes > bestVotes || votes == bestVotes && fields > bestFields {
			best, bestVotes, bestFields = d, votes, fields
		}
	}
	return best
}

// vote returns the most common field count above one and how many lines
// have it (the larger count on a tie).
func vote(counts []int) (votes, fields int) {
	for i, c := range counts {
		if c < 2 {
			continue
		}
		n := 0
		for _, o := range counts[i:] {
			if o == c {
				n++
			}
		}
		if n > votes || n == votes && c > fields {
			votes, fields = n, c
		}
	}
	return votes, fields
}

// fieldCounts counts the fields of the first sniffLines non-empty records
// of text the way encoding/csv with LazyQuotes splits them: a quote opens a
// quoted field only at the start of a field, and a quoted field may hold
// delimiters and line breaks.
func fieldCounts(text []byte, delim byte, complete bool) []int {
	var counts []int
	fields, empty := 1, true // the record being read
	fieldStart, quoted := true, false
	for i := 0; i < len(text) && len(counts) < sniffLines; i++ {
		c := text[i]
		switch {
		case quoted:
			if c == '"' {
				if i+1 < len(text) && text[i+1] == '"' {
					i++ // an escaped quote
				} else if i+1 == len(text) || text[i+1] == delim || text[i+1] == '\n' || text[i+1] == '\r' {
					quoted = false
				}
				// Otherwise LazyQuotes keeps the quote as text.
			}
			empty = false
		case c == '\n':
			if !empty {
				counts = append(counts, fields)
			}
			fields, empty, fieldStart = 1, true, true
		case c == '\r':
			// Part of a line end; encoding/csv drops it there too.
		case c == delim:
			fields++
			empty, fieldStart = false, true
		case c == '"' && fieldStart:
			quoted, empty, fieldStart = true, false, false
		default:
			empty, fieldStart = false, false
		}
	}
	// The last record counts only if the file ends there, not the sample.
	if !empty && len(counts) < sniffLines && (complete || len(counts) == 0) {
		counts = append(counts, fields)
	}
	return counts
}
