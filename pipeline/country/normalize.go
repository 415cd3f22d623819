package country

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// key folds a spelling into the form names are matched in: lower case,
// accents dropped (NFKD, then no combining marks, so "Türkiye" is
// "turkiye" and "Côte" is "cote"), apostrophes and dots dropped (so
// "People’s" is "peoples" and "U.S.A." is "usa"), "&" read as "and", any
// other punctuation or space run turned into one space, and a leading "the"
// dropped. Both the stored names and the cells go through it, so the
// folding only has to be consistent, not linguistically right: Russian "й"
// loses its breve on both sides.
func key(s string) string {
	if !isASCII(s) {
		s = norm.NFKD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '.':
			// Dropped, not a break: "People’s" and "Peoples" are one word.
			continue
		case r == '&':
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("and")
			space = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	k := b.String()
	if rest, ok := strings.CutPrefix(k, "the "); ok {
		return rest
	}
	return k
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// variants are other keys a stored name is also filed under, for
// abbreviations CLDR uses in its names: "St. Lucia" is also "Saint Lucia",
// Russian "о-в Мэн" is also "остров Мэн".
func variants(k string) []string {
	if !strings.Contains(k, " ") {
		return nil // "ST" is São Tomé, not "Saint"
	}
	var out []string
	for _, x := range [...]struct{ abbr, full string }{
		{"st", "saint"},
		{"о в", "остров"},
		{"о ва", "острова"},
	} {
		padded := " " + k + " "
		if strings.Contains(padded, " "+x.abbr+" ") {
			v := strings.ReplaceAll(padded, " "+x.abbr+" ", " "+x.full+" ")
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}

// Key is the form Resolve matches names in (see key): two cells with one
// Key are one name to the resolver. Callers use it to compare names, e.g.
// an alias row's name with a cell.
func Key(s string) string { return key(s) }
