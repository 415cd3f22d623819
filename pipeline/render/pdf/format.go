package pdf

import (
	"strconv"
	"strings"

	"coopreport/pipeline"
)

// minorUnits returns how many digits after the point amounts in code are
// shown with: the ISO 4217 minor unit (MNT 2, JPY 0, KWD 3).
func minorUnits(code string) int { return pipeline.MinorUnits(code) }

// money formats d with the minor units of code and thousands grouped:
// "1,250,000.50". It works on the decimal digits, never through a float,
// so what is shown is what was summed; an amount with more digits than
// the minor unit keeps them rather than being rounded to a number that
// differs from the CSV files.
func money(d pipeline.Decimal, code string) string {
	scale := minorUnits(code)
	if d.Round(scale).Cmp(d) != 0 {
		return group(d.String())
	}
	return group(d.StringFixed(scale))
}

// integer formats n with thousands grouped: "12,345".
func integer[T int | int64](n T) string {
	return group(strconv.FormatInt(int64(n), 10))
}

// group puts a comma between each three digits of the whole part of a
// plain decimal number ("-1234567.5" → "-1,234,567.5").
func group(plain string) string {
	sign, rest := "", plain
	if strings.HasPrefix(rest, "-") {
		sign, rest = "-", rest[1:]
	}
	whole, frac, hasPoint := strings.Cut(rest, ".")
	if len(whole) <= 3 {
		return plain
	}
	var b strings.Builder
	b.WriteString(sign)
	first := len(whole) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(whole[:first])
	for i := first; i < len(whole); i += 3 {
		b.WriteByte(',')
		b.WriteString(whole[i : i+3])
	}
	if hasPoint {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
