package lang

import "strings"

// and is the word that joins the last two items of a list.
var and = map[Lang]string{English: "and", French: "et", Mongolian: "болон", Russian: "и"}

// And is the language's "and".
func (l Lang) And() string { return and[l.or()] }

// List joins items: "A, B and C", "A, B et C", "A, B и C", "A, B болон
// C". Items that hold a comma themselves are joined with semicolons, so
// that each stays readable as one. English keeps the comma before "and"
// only then ("A; B, C; and D"); French sets a no-break space before the
// semicolon.
func (l Lang) List(xs []string) string {
	sep, last := ", ", " "+l.And()+" "
	for _, s := range xs {
		if strings.Contains(s, ",") {
			sep = "; "
			switch l.or() {
			case English:
				last = "; and "
			case French:
				sep = "\u00a0; " // French sets a no-break space before ;
			}
			break
		}
	}
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	case 2:
		return xs[0] + " " + l.And() + " " + xs[1]
	}
	return strings.Join(xs[:len(xs)-1], sep) + last + xs[len(xs)-1]
}
