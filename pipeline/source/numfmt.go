package source

import (
	"math"
	"strconv"
	"strings"
	"time"

	"coopreport/pipeline"
)

// numKind is what a cell's number format shows of its number: the number,
// or a date, a time of day or both, or an elapsed time.
type numKind uint8

const (
	numPlain numKind = iota
	numDate
	numDateTime
	numTime
	numDuration
	numISO // no number format: a cell of type "d" holds an ISO 8601 date text
)

// builtinKind is the kind of a built-in number format (ECMA-376 part 1,
// 18.8.30): 14–22 and 45–47 everywhere, the others in the East Asian and
// Thai locales that number their date formats there.
func builtinKind(id int) numKind {
	switch {
	case id >= 14 && id <= 17, id >= 27 && id <= 31, id == 36, id >= 50 && id <= 54,
		id == 57, id == 58, id >= 71 && id <= 74, id == 81:
		return numDate
	case id == 22, id == 77:
		return numDateTime
	case id >= 18 && id <= 21, id == 45, id == 47, id >= 32 && id <= 35, id == 55, id == 56,
		id == 75, id == 76, id == 78, id == 80:
		return numTime
	case id == 46, id == 79:
		return numDuration
	}
	return numPlain
}

// formatKind reads a custom number format code: it shows a date when its
// first section (the one for positive numbers) has a y, d or month m token
// outside quotes, brackets and escapes, and a time when it has h, s, a
// minute m, AM/PM, or an elapsed [h], [m] or [s]. An m is a minute right
// after an h or right before an s, as Excel reads it.
func formatKind(code string) numKind {
	var date, clock, elapsed bool
	var last byte // the last date or time letter seen
	lower := strings.ToLower(code)
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		switch c {
		case '"':
			if j := strings.IndexByte(lower[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(lower)
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(lower[i:], ']')
			if j < 0 {
				i = len(lower)
				break
			}
			if in := lower[i+1 : i+j]; in != "" && strings.Trim(in, in[:1]) == "" && strings.Contains("hms", in[:1]) {
				elapsed, clock = true, true
				last = in[0]
			}
			i += j
		case ';':
			i = len(lower)
		case 'y', 'd':
			date, last = true, c
		case 'h', 's':
			clock, last = true, c
		case 'm':
			if last == 'h' || nextLetter(lower[i:]) == 's' {
				clock = true
			} else {
				date = true
			}
			last = 'm'
			for i+1 < len(lower) && lower[i+1] == 'm' {
				i++
			}
		case 'a':
			if strings.HasPrefix(lower[i:], "am/pm") {
				clock, i = true, i+4
			} else if strings.HasPrefix(lower[i:], "a/p") {
				clock, i = true, i+2
			}
		}
	}
	switch {
	case date && clock:
		return numDateTime
	case date:
		return numDate
	case elapsed:
		return numDuration
	case clock:
		return numTime
	}
	return numPlain
}

// nextLetter is the first date or time letter after the run of m at the
// start of s, skipping separators and anything quoted.
func nextLetter(s string) byte {
	i := 0
	for i < len(s) && s[i] == 'm' {
		i++
	}
	for ; i < len(s); i++ {
		switch c := s[i]; c {
		case 'y', 'd', 'h', 's', 'm', ';':
			return c
		case '"':
			if j := strings.IndexByte(s[i+1:], '"'); j >= 0 {
				i += j + 1
			}
		case '[':
			if j := strings.IndexByte(s[i:], ']'); j >= 0 {
				if in := s[i+1 : i+j]; in != "" {
					return in[0]
				}
				i += j
			}
		}
	}
	return 0
}

// Day numbers of Excel's date systems, as pipeline.Date values: serial 1
// of the 1900 system is 1900-01-01, but the system counts a 29 February
// 1900 that never was, so from serial 61 on the plain count starts a day
// earlier; serial 0 of the 1904 system is 1904-01-01.
var (
	epoch1900      = pipeline.Date{Year: 1899, Month: time.December, Day: 31}
	epoch1900Leap  = pipeline.Date{Year: 1899, Month: time.December, Day: 30}
	epoch1904      = pipeline.Date{Year: 1904, Month: time.January, Day: 1}
	lastSerial1900 = 2958465 // 9999-12-31
)

// shown returns what a date or time cell holding raw (the number as
// stored) shows, written the ISO way: "2013-01-18" for a date, "2013-01-18
// 14:30" for a date and time, "14:30" for a time of day or "36:00" for an
// elapsed time (seconds are given when there are any). The Field's Date is
// set for a date alone. It reports false when raw is not a number the
// format can show as a date (Excel shows ##### then): the raw text stands.
func shown(raw string, kind numKind, date1904 bool) (pipeline.Field, bool) {
	if kind == numISO {
		return isoDate(raw)
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > float64(lastSerial1900)+1 {
		return pipeline.Field{}, false
	}
	day := math.Floor(v)
	secs := int(math.Round((v - day) * 86400))
	if secs == 86400 {
		day, secs = day+1, 0
	}
	switch kind {
	case numTime:
		return pipeline.Field{Value: clock(secs)}, true
	case numDuration:
		total := int(math.Round(v * 86400))
		return pipeline.Field{Value: clock(total)}, true
	}
	d, ok := serialDate(int(day), date1904)
	if !ok {
		return pipeline.Field{}, false
	}
	if kind == numDateTime {
		return pipeline.Field{Value: iso(d) + " " + clock(secs)}, true
	}
	return pipeline.Field{Value: iso(d), Date: d}, true
}

// iso is d.String() without fmt: every date cell of a sheet goes through
// it.
func iso(d pipeline.Date) string {
	b := make([]byte, 0, 10)
	b = pad(b, d.Year, 4)
	b = append(b, '-')
	b = pad(b, int(d.Month), 2)
	b = append(b, '-')
	b = pad(b, d.Day, 2)
	return string(b)
}

func pad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// serialDate is the calendar date of a whole serial day number.
func serialDate(n int, date1904 bool) (pipeline.Date, bool) {
	var d pipeline.Date
	switch {
	case date1904:
		d = epoch1904.AddDays(n)
	case n < 1 || n == 60: // "1900-01-00", and the 29 February 1900 that never was
		return pipeline.Date{}, false
	case n < 60:
		d = epoch1900.AddDays(n)
	default:
		d = epoch1900Leap.AddDays(n)
	}
	if d.Year > 9999 {
		return pipeline.Date{}, false
	}
	return d, true
}

// clock writes seconds as h:mm, or h:mm:ss when there are seconds; the
// hours run on past 24 for an elapsed time.
func clock(secs int) string {
	h, m, s := secs/3600, secs/60%60, secs%60
	b := pad(make([]byte, 0, 8), h, 2)
	b = pad(append(b, ':'), m, 2)
	if s != 0 {
		b = pad(append(b, ':'), s, 2)
	}
	return string(b)
}

// isoDate reads a cell of type "d": an ISO 8601 date, maybe with a time of
// day. A date with no time (or midnight) is a date; anything else stays
// the text it is.
func isoDate(raw string) (pipeline.Field, bool) {
	s := strings.TrimSpace(raw)
	if len(s) < 10 {
		return pipeline.Field{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return pipeline.Field{}, false
	}
	switch strings.TrimSuffix(strings.TrimSuffix(s[10:], "Z"), ".000") {
	case "", "T00:00:00", "T00:00":
		d := pipeline.DateOf(t)
		return pipeline.Field{Value: d.String(), Date: d}, true
	}
	return pipeline.Field{}, false
}
