package normalize

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"coopreport/pipeline"
)

// DateOrder says how to read a slashed date with the year last, such as
// 01/02/2013: day-first (1 February, the default, as in Mongolia, Russia
// and most of Europe) or month-first (2 January, as in the United States).
// Dates with a month name, with the year first, or with dots
// (18.01.2013, always day-first) do not depend on it.
type DateOrder int

const (
	DayFirst DateOrder = iota
	MonthFirst
)

func (o DateOrder) String() string {
	if o == MonthFirst {
		return "month-first"
	}
	return "day-first"
}

// pattern is how the order reads in an error message.
func (o DateOrder) pattern() string {
	if o == MonthFirst {
		return "month/day/year"
	}
	return "day/month/year"
}

// ParseDateOrder reads a date order setting: "day-first" (or "dmy") or
// "month-first" (or "mdy"); empty means the default, day-first.
func ParseDateOrder(s string) (DateOrder, error) {
	switch key(s) {
	case "", "dayfirst", "dmy", "ddmmyyyy":
		return DayFirst, nil
	case "monthfirst", "mdy", "mmddyyyy":
		return MonthFirst, nil
	}
	return DayFirst, errorf(pipeline.ErrBadChoice,
		"%q is not a date order; write day-first (18/01/2013) or month-first (01/18/2013)", s)
}

const dateHint = "write it as 2013-01-18 (year-month-day)"

// Date reads a date as users write it (see the input contract):
//
//	2013-01-18   2013-1-8   2013.01.18   2013/01/18   20130118
//	18.01.2013   (dots with the year last: always day-first)
//	01/02/2013   01-02-2013   (the year last: read in the given order)
//	January 18, 2013   Jan 18 2013   18 January 2013   18-Jan-2013
//	Friday, January 18, 2013   18 января 2013 г.   2013 оны 1 сарын 18
//	2013-01-18 00:00:00   2013-01-18T00:00:00Z   1/18/2013 0:00
//
// A time of day after the date is allowed and dropped: exports write one
// even for plain dates, and the date as written is the date meant, so it
// is never moved by the time zone. A slashed date whose numbers do not fit
// the configured order is an error wrapping pipeline.ErrAmbiguousDate,
// never read the other way round. Two-digit years and dates that do not
// exist are errors wrapping pipeline.ErrBadDate; an empty cell wraps
// pipeline.ErrMissing. Years run from 1000 to 9999.
//
// Spreadsheet date cells arrive as serial numbers: read them with
// ExcelDate.
func Date(s string, order DateOrder) (pipeline.Date, error) {
	s = trimSpace(s)
	if s == "" {
		return pipeline.Date{}, errorf(pipeline.ErrMissing, "no date given; %s", dateHint)
	}
	if isDigit(s[0]) {
		if d, err, ok := numericDate(s, order); ok {
			return d, err
		}
	}
	return wordDate(s)
}

func badDate() error { return errorf(pipeline.ErrBadDate, "not a date; %s", dateHint) }

// DateOrders tells how the date order bears on s. ordered is true for a
// date written with its year last and its day and month apart by slashes
// or dashes (01/02/2013, 1-18-2013): the forms the date order decides.
// dayFirst and monthFirst say whether each order reads s as a date, and
// ambiguous that both do, as different days (5/4/2013, but not 5/5/2013).
// A value only one order can read (18/01/2013 is only day-first) proves
// how its column is written.
func DateOrders(s string) (ordered, dayFirst, monthFirst, ambiguous bool) {
	s = trimSpace(s)
	g1, i := digitRun(s, 0)
	if !short(g1) || i == len(s) || (s[i] != '/' && s[i] != '-') {
		return false, false, false, false
	}
	g2, j := digitRun(s, i+1)
	if !short(g2) || j == len(s) || s[j] != s[i] {
		return false, false, false, false
	}
	if g3, k := digitRun(s, j+1); len(g3) != 4 || !dateTail(s[k:], s[i]) {
		return false, false, false, false
	}
	a, b := atoi(g1), atoi(g2)
	dayFirst = a >= 1 && a <= 31 && b >= 1 && b <= 12
	monthFirst = b >= 1 && b <= 31 && a >= 1 && a <= 12
	if dayFirst {
		_, err := Date(s, DayFirst)
		dayFirst = err == nil
	}
	if monthFirst {
		_, err := Date(s, MonthFirst)
		monthFirst = err == nil
	}
	return true, dayFirst, monthFirst, dayFirst && monthFirst && a != b
}

// numericDate reads the forms made of three numbers. ok is false when s
// is not one of them ("18 January 2013"), to let wordDate try.
func numericDate(s string, order DateOrder) (d pipeline.Date, err error, ok bool) {
	g1, i := digitRun(s, 0)
	if i == len(s) {
		d, err = digitsOnly(g1)
		return d, err, true
	}
	sep := s[i]
	if (sep != '-' && sep != '.' && sep != '/') || i+1 == len(s) || !isDigit(s[i+1]) {
		return d, nil, false
	}
	g2, j := digitRun(s, i+1)
	if j == len(s) || s[j] != sep || j+1 == len(s) || !isDigit(s[j+1]) {
		if j == len(s) || s[j] == ' ' {
			return d, errorf(pipeline.ErrBadDate, "not a full date (day, month and year); %s", dateHint), true
		}
		return d, badDate(), true
	}
	g3, k := digitRun(s, j+1)
	if !dateTail(s[k:], sep) {
		return d, badDate(), true
	}
	d, err = threeNumbers(g1, g2, g3, sep, order)
	return d, err, true
}

func threeNumbers(g1, g2, g3 string, sep byte, order DateOrder) (pipeline.Date, error) {
	switch {
	case len(g1) == 4 && short(g2) && short(g3):
		// The year first is year-month-day whatever the separator: no
		// one writes year-day-month.
		return makeDate(g1, atoi(g2), atoi(g3))
	case short(g1) && short(g2) && len(g3) == 4:
		if sep == '.' {
			return makeDate(g3, atoi(g2), atoi(g1))
		}
		return ordered(atoi(g1), atoi(g2), g3, order)
	case short(g1) && short(g2) && short(g3):
		return pipeline.Date{}, twoDigitYear()
	}
	return pipeline.Date{}, badDate()
}

func twoDigitYear() error {
	return errorf(pipeline.ErrBadDate, "the year has two digits; write all four, e.g. 2013-01-18")
}

// ordered reads a/b/year in the configured order. When the numbers cannot
// be read that way the error says what the other reading would be, but
// the value is never swapped silently: 05/04/2013 has two readings, and a
// file that mixes orders has to be fixed by someone who knows.
func ordered(a, b int, year string, order DateOrder) (pipeline.Date, error) {
	day, month := a, b
	if order == MonthFirst {
		day, month = b, a
	}
	if day == 0 || month == 0 || (month <= 12 && day <= 31) {
		return makeDate(year, month, day)
	}
	alt, err := makeDate(year, day, month)
	if err == nil {
		return pipeline.Date{}, errorf(pipeline.ErrAmbiguousDate,
			"not a date in %s order (the configured date order); if you meant %s, write it as %s",
			order.pattern(), alt.Long(), alt.String())
	}
	return pipeline.Date{}, errorf(pipeline.ErrAmbiguousDate,
		"not a date in %s order (the configured date order), nor the other way round; %s",
		order.pattern(), dateHint)
}

// makeDate checks that the date exists; year is four digits.
func makeDate(year string, month, day int) (pipeline.Date, error) {
	if len(year) != 4 || year[0] == '0' {
		return pipeline.Date{}, errorf(pipeline.ErrBadDate,
			"the year must have four digits, from 1000 to 9999; %s", dateHint)
	}
	y := atoi(year)
	if month < 1 || month > 12 {
		return pipeline.Date{}, errorf(pipeline.ErrBadDate, "there is no month %d; %s", month, dateHint)
	}
	d, ok := pipeline.MakeDate(y, time.Month(month), day)
	if !ok {
		return pipeline.Date{}, errorf(pipeline.ErrBadDate, "there is no day %d in %s %d",
			day, time.Month(month), y)
	}
	return d, nil
}

// digitsOnly reads a cell of digits alone: 20130118 (ISO 8601 basic), or
// explains why a year or a serial number is not a date.
func digitsOnly(g string) (pipeline.Date, error) {
	switch {
	case len(g) == 8:
		return makeDate(g[:4], atoi(g[4:6]), atoi(g[6:]))
	case len(g) == 4:
		return pipeline.Date{}, errorf(pipeline.ErrBadDate,
			"a year alone is not a date; write the full date, e.g. 2013-01-18")
	case len(g) <= 7:
		return pipeline.Date{}, errorf(pipeline.ErrBadDate,
			"a plain number is not a date (if it is a spreadsheet date serial, format the cell as a date); %s", dateHint)
	}
	return pipeline.Date{}, badDate()
}

// dateTail accepts what may follow a numeric date: nothing, a time of
// day, a trailing dot after a dotted date, or the Russian "г." (year).
func dateTail(rest string, sep byte) bool {
	if rest == "" {
		return true
	}
	if sep == '.' && rest[0] == '.' {
		rest = rest[1:]
	}
	if t := strings.TrimLeft(rest, " "); t == "" || t == "г." || t == "г" || t == "года" {
		return true
	}
	switch rest[0] {
	case 'T', 't':
		rest = rest[1:]
	case ' ':
		rest = strings.TrimLeft(rest, " ")
	default:
		return false
	}
	return clock(rest)
}

// clock accepts a time of day as exports write it: 00:00, 0:00:00,
// 12:00:00 AM, 00:00:00.000, with an optional zone (Z, +08:00).
func clock(s string) bool {
	h, i := digitRun(s, 0)
	if len(h) < 1 || len(h) > 2 || i == len(s) || s[i] != ':' {
		return false
	}
	m, j := digitRun(s, i+1)
	if len(m) != 2 || atoi(m) > 59 {
		return false
	}
	sec := 0
	if j < len(s) && s[j] == ':' {
		var ss string
		ss, j = digitRun(s, j+1)
		if len(ss) != 2 || atoi(ss) > 60 {
			return false
		}
		sec = atoi(ss)
		if j < len(s) && (s[j] == '.' || s[j] == ',') {
			var frac string
			frac, j = digitRun(s, j+1)
			if frac == "" {
				return false
			}
		}
	}
	hour := atoi(h)
	if hour > 24 || (hour == 24 && (atoi(m) != 0 || sec != 0)) {
		return false
	}
	rest := strings.TrimLeft(s[j:], " ")
	for _, ampm := range [...]string{"am", "pm", "a.m.", "p.m."} {
		if len(rest) >= len(ampm) && strings.EqualFold(rest[:len(ampm)], ampm) {
			if hour < 1 || hour > 12 {
				return false
			}
			rest = strings.TrimLeft(rest[len(ampm):], " ")
			break
		}
	}
	switch {
	case rest == "", rest == "Z", rest == "z", rest == "UTC":
		return true
	case rest[0] == '+' || rest[0] == '-':
		zh, k := digitRun(rest, 1)
		if len(zh) == 4 && k == len(rest) {
			return atoi(zh[:2]) <= 14 && atoi(zh[2:]) <= 59
		}
		if len(zh) != 2 || atoi(zh) > 14 {
			return false
		}
		if k == len(rest) {
			return true
		}
		zm, k := digitRun(rest, k+1)
		return rest[len(zh)+1] == ':' && len(zm) == 2 && atoi(zm) <= 59 && k == len(rest)
	}
	return false
}

// wordDate reads dates with a month name, in English, Russian or
// Mongolian. Words are separated by spaces or , . - /; filler words
// ("of", "г.", "оны", "сарын", "өдөр") and an English weekday are
// allowed. The year is the number with four digits, the day the other.
func wordDate(s string) (pipeline.Date, error) {
	var (
		nums    [3]string
		n       int
		month   int
		wday    = time.Weekday(-1)
		tens    bool // Mongolian "арван": the next ordinal month is 11 or 12
		glued   bool // the previous token was a number with no separator after it
		letters bool
	)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isDigit(c):
			g, j := digitRun(s, i)
			if n == len(nums) {
				return pipeline.Date{}, badDate()
			}
			nums[n], n = g, n+1
			i, glued = j, true
			continue
		case c == ' ' || c == ',' || c == '.' || c == '-' || c == '/':
			i, glued = i+1, false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			i, glued = i+size, false
			continue
		}
		if !unicode.IsLetter(r) {
			return pipeline.Date{}, badDate()
		}
		start, j := i, i+size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += size
		}
		word := strings.ToLower(s[i:j])
		afterNumber := glued
		i, glued, letters = j, false, true
		if afterNumber && ordinalSuffix[word] { // 18th
			continue
		}
		if m, ok := monthNames[word]; ok {
			if month != 0 {
				return pipeline.Date{}, badDate()
			}
			month = int(m)
			continue
		}
		if m, ok := mongolianMonths[word]; ok {
			if month != 0 || (tens && m > 2) {
				return pipeline.Date{}, badDate()
			}
			if tens {
				m += 10
			}
			month, tens = m, false
			continue
		}
		if wd, ok := weekdays[word]; ok && wday < 0 {
			wday = wd
			continue
		}
		switch {
		case word == "арван":
			tens = true
			continue
		case word == "сар" || word == "сарын":
			// Mongolian "2013 оны 1 сарын 18": the number before
			// "сар" (month) is the month.
			if month == 0 && n > 0 && short(nums[n-1]) {
				month, n = atoi(nums[n-1]), n-1
				if month < 1 || month > 12 {
					return pipeline.Date{}, errorf(pipeline.ErrBadDate, "there is no month %d; %s", month, dateHint)
				}
			}
			continue
		case dateFillers[word]:
			continue
		}
		if !strings.ContainsAny(s, "0123456789") {
			return pipeline.Date{}, badDate()
		}
		return pipeline.Date{}, errorf(pipeline.ErrBadDate,
			"%q is not a month name this program knows; %s", s[start:i], dateHint)
	}
	if month == 0 || !letters {
		return pipeline.Date{}, badDate()
	}
	if n != 2 {
		return pipeline.Date{}, errorf(pipeline.ErrBadDate, "not a full date (day, month and year); %s", dateHint)
	}
	year, day := nums[0], nums[1]
	if len(day) == 4 {
		year, day = day, year
	}
	switch {
	case short(year) && short(day):
		return pipeline.Date{}, twoDigitYear()
	case !short(day):
		return pipeline.Date{}, badDate()
	}
	d, err := makeDate(year, month, atoi(day))
	if err != nil {
		return d, err
	}
	if wday >= 0 && weekday(d) != wday {
		return pipeline.Date{}, errorf(pipeline.ErrBadDate,
			"%s was a %s, not a %s; check the date", d.Long(), weekday(d), wday)
	}
	return d, nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// short is a day or a month: one or two digits.
func short(g string) bool { return len(g) == 1 || len(g) == 2 }

// digitRun returns the ASCII digits of s from i and the index after them.
func digitRun(s string, i int) (string, int) {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	return s[i:j], j
}

// atoi reads a short run of ASCII digits (callers bound its length).
func atoi(g string) int {
	n := 0
	for i := 0; i < len(g) && i < 9; i++ {
		n = n*10 + int(g[i]-'0')
	}
	return n
}
