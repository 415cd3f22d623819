package normalize

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"coopreport/pipeline"
)

const amountHint = "write a number such as 1250000.50, with an optional currency (1250000.50 MNT)"

// Amount reads money as users write it: 1250000.50, 1,250,000.50,
// 1 250 000,50 (space, no-break or narrow no-break space between
// thousands), $1,250.00, 1 250 000 ₮, MNT 1,000, 1000 USD, (1,250.00) or
// -1250 for a negative amount, and XLSX raw values such as 1250000.5 or
// 1.2345E+6. It returns the exact value, with the digits after the decimal
// mark that were written (1250.50 has scale 2), and the ISO 4217 code of a
// currency written beside the number, or "" when there is none.
//
// The decimal mark: with both . and , present, the last one is the
// decimal mark and the other separates thousands. With one kind only, the
// file's decimal mark decides (decimalComma; pass false for XLSX raw
// values): the other mark separates thousands and must be followed by
// groups of exactly three digits, so 1,250 is 1250 and 1,25 is an error
// when the decimal mark is a point, and 1,25 is 1.25 when it is a comma.
// With spaces between thousands, a single . or , is the decimal mark.
//
// Errors wrap pipeline.ErrMissing (empty), pipeline.ErrBadCurrency (a
// currency that is not known or is ambiguous, such as ¥) or
// pipeline.ErrBadAmount (anything else).
func Amount(s string, decimalComma bool) (pipeline.Decimal, string, error) {
	s = trimSpace(s)
	if s == "" {
		return pipeline.Decimal{}, "", errorf(pipeline.ErrMissing, "no amount given; %s", amountHint)
	}
	start, end := numberBounds(s)
	if start < 0 {
		return pipeline.Decimal{}, "", errorf(pipeline.ErrBadAmount, "not an amount; %s", amountHint)
	}
	neg, code, err := affixes(s[:start], s[end:])
	if err != nil {
		return pipeline.Decimal{}, "", err
	}
	d, err := number(s[start:end], decimalComma)
	if err != nil {
		return pipeline.Decimal{}, "", err
	}
	if neg {
		d = d.Neg()
	}
	return d, code, nil
}

// numberBounds finds the number inside s: from the first digit (or a
// decimal mark just before it, as in .50) to the last digit. start is -1
// when there is no digit.
func numberBounds(s string) (start, end int) {
	start, end = -1, -1
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			if start < 0 {
				start = i
			}
			end = i + 1
		}
	}
	if start > 0 && (s[start-1] == '.' || s[start-1] == ',') {
		// ".50" starts at the mark, but "руб.50" has a currency that ends
		// in a dot.
		r, _ := utf8.DecodeLastRuneInString(s[:start-1])
		if start == 1 || !isLetter(r) {
			start--
		}
	}
	return start, end
}

// affixes reads what surrounds the number: a sign or an opening bracket
// and a currency before it, a currency and a closing bracket after it.
func affixes(prefix, suffix string) (neg bool, code string, err error) {
	if prefix == "" && suffix == "" {
		return false, "", nil
	}
	var signed, open, closed bool
	bad := func() (bool, string, error) {
		return false, "", errorf(pipeline.ErrBadAmount,
			"not an amount; %s, and (1,250.00) or -1250 for a negative amount", amountHint)
	}
	for p, part := range [2]string{prefix, suffix} {
		before := p == 0
		for i := 0; i < len(part); {
			r, size := utf8.DecodeRuneInString(part[i:])
			switch {
			case isSpace(r):
			case before && (r == '-' || r == '−' || r == '+'):
				if signed {
					return bad()
				}
				signed, neg = true, r != '+'
			case before && r == '(':
				if open {
					return bad()
				}
				open = true
			case !before && r == ')':
				if !open || closed {
					return bad()
				}
				closed = true
			case isSign(r) || r == '(' || r == ')':
				return bad()
			default: // a currency, up to the next space, sign or bracket
				j := i + size
				for j < len(part) {
					r, size := utf8.DecodeRuneInString(part[j:])
					if isSpace(r) || isSign(r) || r == '(' || r == ')' {
						break
					}
					j += size
				}
				c, err := currencyCode(part[i:j])
				if err != nil {
					if !looksLikeCurrency(part[i:j]) {
						return bad()
					}
					return false, "", err
				}
				if code != "" && code != c {
					return false, "", errorf(pipeline.ErrBadCurrency,
						"two different currencies (%s and %s); write one", code, c)
				}
				code, i = c, j
				continue
			}
			i += size
		}
	}
	if open != closed || (open && signed) {
		return bad()
	}
	return neg || open, code, nil
}

func isSign(r rune) bool { return r == '-' || r == '−' || r == '+' }

// isNumberSpace is a space between groups of thousands: a plain, no-break,
// narrow no-break (what French and Russian number formats use) or thin
// space.
func isNumberSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// number reads the digits and marks of an amount without sign or currency.
func number(s string, decimalComma bool) (pipeline.Decimal, error) {
	var dots, commas, spaces, exps int
	lastDot, lastComma := -1, -1
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isDigit(c):
		case c == '.':
			dots, lastDot = dots+1, i
		case c == ',':
			commas, lastComma = commas+1, i
		case c == 'e' || c == 'E':
			exps++
		case (c == '+' || c == '-') && i > 0 && (s[i-1] == 'e' || s[i-1] == 'E'):
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isNumberSpace(r) {
				return pipeline.Decimal{}, errorf(pipeline.ErrBadAmount, "not an amount; %s", amountHint)
			}
			spaces++
			i += size
			continue
		}
		i++
	}
	if exps > 0 {
		if commas > 0 || spaces > 0 {
			return pipeline.Decimal{}, errorf(pipeline.ErrBadAmount, "not an amount; %s", amountHint)
		}
		return scientific(s)
	}

	var dec, group byte // the decimal mark and the thousands separator, 0 for none
	switch {
	case dots > 0 && commas > 0:
		if spaces > 0 {
			return pipeline.Decimal{}, errorf(pipeline.ErrBadAmount,
				"the number mixes three separators; %s", amountHint)
		}
		dec, group = '.', ','
		if lastComma > lastDot {
			dec, group = ',', '.'
		}
		if (dec == '.' && dots > 1) || (dec == ',' && commas > 1) {
			return pipeline.Decimal{}, errorf(pipeline.ErrBadAmount,
				"the number has its decimal mark more than once; %s", amountHint)
		}
	case spaces > 0:
		group = ' '
		switch {
		case dots+commas > 1:
			return pipeline.Decimal{}, errorf(pipeline.ErrBadAmount,
				"with spaces between thousands, the number may have only one decimal mark; %s", amountHint)
		case dots == 1:
			dec = '.'
		case commas == 1:
			dec = ','
		}
	case dots > 0 || commas > 0:
		mark, count := byte('.'), dots
		if commas > 0 {
			mark, count = ',', commas
		}
		if (mark == ',') != decimalComma || count > 1 {
			// The other mark can only separate thousands, and so can a
			// mark written twice (2.646.882): a number has one decimal
			// mark at most.
			group = mark
		} else {
			dec = mark
		}
	}

	intPart, frac := s, ""
	if dec != 0 {
		i := strings.LastIndexByte(s, dec)
		intPart, frac = s[:i], s[i+1:]
		if frac == "" {
			return pipeline.Decimal{}, errorf(pipeline.ErrBadAmount,
				"no digits after the decimal mark; %s", amountHint)
		}
	}
	var acc accumulator
	if !acc.grouped(intPart, group) {
		return pipeline.Decimal{}, groupError(intPart, group, dots+commas == 1, decimalComma)
	}
	for i := 0; i < len(frac); i++ {
		if !isDigit(frac[i]) {
			return pipeline.Decimal{}, errorf(pipeline.ErrBadAmount, "not an amount; %s", amountHint)
		}
		acc.add(frac[i])
	}
	return acc.decimal(len(frac))
}

func groupError(intPart string, group byte, single, decimalComma bool) error {
	switch {
	case single && group != ' ' && strings.HasPrefix(intPart, "0"):
		return markError("a %s after a leading 0 cannot separate thousands; "+
			"write the decimal with the file's decimal mark (0.25 or, in a file set to decimal comma, 0,25)",
			map[byte]string{',': "comma", '.': "point"}[group])
	case group == ',' && single && !decimalComma:
		return markError("a comma separates thousands here, so three digits must follow it " +
			"(1,250 is 1250); write a decimal with a point (1.25), or set the file's decimal mark to comma")
	case group == '.' && single && decimalComma:
		return markError("the decimal mark of this file is a comma, so a point separates thousands " +
			"and three digits must follow it (1.250 is 1250); write a decimal with a comma (1,25)")
	}
	return errorf(pipeline.ErrBadAmount,
		"the digits are not grouped in threes (1,250,000.50 or 1 250 000,50); %s", amountHint)
}

// markError is an amount that contradicts the decimal mark the file is
// read with: MarkConflict tells it, so that the caller can name the
// setting that chose the mark.
func markError(format string, args ...any) error {
	return &valueError{pipeline.ErrBadAmount, fmt.Sprintf(format, args...), true}
}

// MarkConflict reports whether err is an amount that could be read with
// the other decimal mark.
func MarkConflict(err error) bool {
	var v *valueError
	return errors.As(err, &v) && v.mark
}

// NoAmount reports whether an amount cell says there is none: empty, or
// a lone dash, as accountants write for nothing (-, –, —, −).
func NoAmount(s string) bool {
	switch trimSpace(s) {
	case "", "-", "–", "—", "−":
		return true
	}
	return false
}

// NotAvailable reports whether a cell says its value is not known, as
// exports write it (n/a, N/A, NA, n.a., н/д, б/д): an optional date column
// reads it as no date, and says so in a warning.
func NotAvailable(s string) bool {
	switch strings.ToLower(trimSpace(s)) {
	case "n/a", "na", "n.a.", "н/д", "б/д":
		return true
	}
	return false
}

// SpreadsheetError reports whether a cell holds a spreadsheet's error
// value (#N/A, #REF!, #VALUE!, #DIV/0!, #NAME?, #NUM!, #NULL!): the
// formula behind it failed, and the cell has no value to read.
func SpreadsheetError(s string) bool {
	s = trimSpace(s)
	if len(s) < 4 || s[0] != '#' { // every cell is asked: most are answered here
		return false
	}
	switch strings.ToUpper(s) {
	case "#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA":
		return true
	}
	return false
}

// accumulator builds a decimal coefficient digit by digit, noting
// overflow instead of wrapping around.
type accumulator struct {
	coef uint64
	over bool
}

func (a *accumulator) add(c byte) {
	d := uint64(c - '0')
	if a.coef > (math.MaxInt64-d)/10 {
		a.over = true
		return
	}
	a.coef = a.coef*10 + d
}

// grouped adds the digits of an integer part whose thousands are
// separated by group (a space stands for any number space), and reports
// whether the groups are well formed: 1 to 3 digits, then exactly 3 each,
// with no leading zero (0,250 is a decimal written the other way).
func (a *accumulator) grouped(s string, group byte) bool {
	first, n, seen := true, 0, false
	for i := 0; i < len(s); {
		c := s[i]
		if isDigit(c) {
			a.add(c)
			n++
			i++
			continue
		}
		size := 1
		if group == ' ' {
			r, sz := utf8.DecodeRuneInString(s[i:])
			if !isNumberSpace(r) {
				return false
			}
			size = sz
		} else if c != group {
			return false
		}
		if (first && (n < 1 || n > 3 || s[0] == '0')) || (!first && n != 3) {
			return false
		}
		first, n, seen = false, 0, true
		i += size
	}
	return !seen || n == 3
}

func (a *accumulator) decimal(scale int) (pipeline.Decimal, error) {
	if scale > pipeline.MaxScale {
		return pipeline.Decimal{}, errorf(pipeline.ErrBadAmount,
			"more than %d digits after the decimal mark; round the amount", pipeline.MaxScale)
	}
	if a.over {
		return pipeline.Decimal{}, errorf(pipeline.ErrBadAmount,
			"the number is too large to hold exactly; check the amount")
	}
	return pipeline.NewDecimal(int64(a.coef), scale), nil
}

// scientific reads an XLSX raw value in scientific notation exactly:
// 1.2345E+6 is 1234500, 1.5E-3 is 0.0015.
func scientific(s string) (pipeline.Decimal, error) {
	intPart, frac, ok := sciDigits(s)
	if !ok {
		return pipeline.Decimal{}, errorf(pipeline.ErrBadAmount, "not an amount; %s", amountHint)
	}
	// Zeros the exponent appended after the point say nothing.
	for len(frac) > pipeline.MaxScale && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	var acc accumulator
	for i := 0; i < len(intPart); i++ {
		acc.add(intPart[i])
	}
	for i := 0; i < len(frac); i++ {
		acc.add(frac[i])
	}
	return acc.decimal(len(frac))
}

// sciDigits splits an unsigned number, plain (1250000.5, .5) or in
// scientific notation (1.2345E+6, 5e-3), into the digits before and after
// the point with the exponent applied. ok is false for anything else.
func sciDigits(s string) (intPart, frac string, ok bool) {
	mant, exp, hasExp := strings.Cut(s, "e")
	if !hasExp {
		mant, exp, hasExp = strings.Cut(s, "E")
	}
	intPart, frac, _ = strings.Cut(mant, ".")
	if intPart+frac == "" || !allDigits(intPart) || !allDigits(frac) {
		return "", "", false
	}
	if !hasExp {
		return intPart, frac, true
	}
	neg := false
	if exp != "" && (exp[0] == '+' || exp[0] == '-') {
		neg, exp = exp[0] == '-', exp[1:]
	}
	if exp == "" || len(exp) > 3 || !allDigits(exp) {
		return "", "", false
	}
	e := atoi(exp)
	if neg {
		e = -e
	}
	all := intPart + frac
	point := len(intPart) + e
	switch {
	case point <= 0:
		return "0", strings.Repeat("0", -point) + all, true
	case point >= len(all):
		return all + strings.Repeat("0", point-len(all)), "", true
	}
	return all[:point], all[point:], true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// WholeNumber reads a count such as participants: 12, 1,200, 1 200, or
// an XLSX raw value such as 12.0 or 1.2E+3. Negative and fractional
// numbers are errors wrapping pipeline.ErrBadNumber; an empty cell wraps
// pipeline.ErrMissing, and the caller decides whether that means 0.
func WholeNumber(s string) (int64, error) {
	s = trimSpace(s)
	if s == "" {
		return 0, errorf(pipeline.ErrMissing, "no number given; write a whole number such as 12")
	}
	body := s
	if c := body[0]; c == '+' || c == '-' || strings.HasPrefix(body, "−") {
		if c == '+' {
			body = body[1:]
		} else {
			return 0, errorf(pipeline.ErrBadNumber, "a count cannot be negative; write 0 or more")
		}
	}
	if body == "" || !isDigit(body[0]) {
		return 0, errorf(pipeline.ErrBadNumber, "not a whole number; write digits only, such as 12 or 1200")
	}
	d, err := number(body, false)
	if err != nil {
		return 0, errorf(pipeline.ErrBadNumber, "not a whole number; write digits only, such as 12 or 1200")
	}
	p := int64(1)
	for range d.Scale() {
		p *= 10
	}
	if d.Coef()%p != 0 {
		return 0, errorf(pipeline.ErrBadNumber, "not a whole number; write digits only, such as 12 or 1200")
	}
	n := d.Coef() / p
	if n > MaxWholeNumber {
		return 0, errorf(pipeline.ErrBadNumber, "more than a billion; check the number")
	}
	return n, nil
}

// MaxWholeNumber bounds counts (participants): a larger one is a typing
// mistake, and a billion rows of it still add up exactly in an int64.
const MaxWholeNumber = 1_000_000_000

// ExcelNumber rounds an XLSX raw numeric value to the 15 significant
// digits that Excel shows and keeps, working on the decimal digits: a
// cell showing 1,100.00 may hold 1100.0000000000002 after a formula, and
// Amount would take every one of those digits at their word. Values that
// are not plain or scientific numbers are returned unchanged.
func ExcelNumber(raw string) string {
	s := trimSpace(raw)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac, ok := sciDigits(s)
	if !ok {
		return raw
	}
	const keep = 15
	all := []byte(intPart + frac)
	point := len(intPart)
	lead := 0
	for lead < len(all) && all[lead] == '0' {
		lead++
	}
	if len(all)-lead > keep {
		cut := lead + keep
		up := all[cut] >= '5'
		for i := cut; i < len(all); i++ {
			all[i] = '0'
		}
		for i := cut - 1; up && i >= 0; i-- {
			if all[i] == '9' {
				all[i] = '0'
				continue
			}
			all[i]++
			up = false
		}
		if up {
			all = append([]byte{'1'}, all...)
			point++
		}
	}
	ip := strings.TrimLeft(string(all[:point]), "0")
	fp := strings.TrimRight(string(all[point:]), "0")
	if ip == "" {
		ip = "0"
	}
	out := ip
	if fp != "" {
		out += "." + fp
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out
}
