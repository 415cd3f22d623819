package pipeline

import "strings"

// Grouped formats an amount in currency code for people: Plain with a
// comma between each three digits of the whole part ("1,250,000.50"),
// from the decimal digits, never through a float, so that what is shown
// is what was summed.
func Grouped(d Decimal, code string) string { return GroupDigits(Plain(d, code)) }

// GroupDigits puts a comma between each three digits of the whole part of
// a plain number ("-1234567.5" → "-1,234,567.5").
func GroupDigits(plain string) string {
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
