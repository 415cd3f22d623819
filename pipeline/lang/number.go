package lang

import (
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// symbols are a language's decimal separator and digit group separator,
// and whether four-digit numbers are grouped, as CLDR gives them.
type symbols struct {
	decimal, group string
	groupFour      bool
}

var (
	symbolsOnce sync.Once
	symbolsOf   map[Lang]symbols
)

// symbolsIn reads the separators from x/text's CLDR data by formatting
// known numbers: the amounts themselves are never formatted as floats, so
// what is shown is the exact decimal that was summed.
func symbolsIn(l Lang) symbols {
	symbolsOnce.Do(func() {
		symbolsOf = map[Lang]symbols{}
		for _, x := range All {
			p := message.NewPrinter(x.Tag())
			s := p.Sprint(number.Decimal(1234567.5, number.Scale(1)))
			// "1,234,567.5": the separator after the 1 groups, the one
			// before the 5 is the decimal point.
			group := strings.TrimSuffix(strings.TrimPrefix(s, "1"), "234567.5")
			rs := []rune(s)
			sym := symbols{decimal: string(rs[len(rs)-2])}
			if i := strings.Index(s[1:], "234"); i >= 0 {
				group = s[1 : 1+i]
			}
			sym.group = group
			sym.groupFour = p.Sprint(number.Decimal(1234)) != "1234"
			symbolsOf[x] = sym
		}
	})
	return symbolsOf[l.or()]
}

// Digits writes a plain number ("-1234567.50", as the decimals of the
// pipeline print) in the language's way: "-1,234,567.50" in English and
// Mongolian, "-1 234 567,50" in French and Russian (a no-break space
// groups the digits).
func (l Lang) Digits(plain string) string {
	sym := symbolsIn(l)
	sign, rest := "", plain
	if strings.HasPrefix(rest, "-") {
		sign, rest = "-", rest[1:]
	}
	whole, frac, hasPoint := strings.Cut(rest, ".")
	var b strings.Builder
	b.WriteString(sign)
	if len(whole) > 4 || (len(whole) == 4 && sym.groupFour) {
		first := len(whole) % 3
		if first == 0 {
			first = 3
		}
		b.WriteString(whole[:first])
		for i := first; i < len(whole); i += 3 {
			b.WriteString(sym.group)
			b.WriteString(whole[i : i+3])
		}
	} else {
		b.WriteString(whole)
	}
	if hasPoint {
		b.WriteString(sym.decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Int writes a whole number: "12,345", "12 345".
func (l Lang) Int(n int64) string { return l.Digits(strconv.FormatInt(n, 10)) }

// Decimal is the language's decimal separator: "." or ",".
func (l Lang) Decimal() string { return symbolsIn(l).decimal }
