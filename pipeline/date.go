package pipeline

import (
	"coopreport/pipeline/lang"

	"fmt"
	"time"
)

// Date is a calendar date with no time of day and no time zone. Agreements
// are signed on a date, not at an instant: converting through time.Time in
// some zone is how spreadsheets end up a day early, so Date never does.
// The zero Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// MakeDate returns the date and whether it exists on the calendar.
func MakeDate(year int, month time.Month, day int) (Date, bool) {
	d := Date{year, month, day}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if year < 1 || year > 9999 || t.Year() != year || t.Month() != month || t.Day() != day {
		return Date{}, false
	}
	return d, true
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of d: a neutral instant for arithmetic only.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Days returns the number of days since 0001-01-01, for comparisons and
// differences without time zones.
func (d Date) Days() int { return int(d.Time().Unix()/86400) + 719162 }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(d.Day, e.Day)
	}
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String formats d as ISO 8601 (2013-01-18), or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Long formats d written out in English: "23 September 2015".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// In formats d written out in language l: "23 September 2015", "23
// сентября 2015 г." (see lang.Lang.Date); "" for the zero Date.
func (d Date) In(l lang.Lang) string { return l.Date(d.Year, d.Month, d.Day) }

// ExcelSerial returns d as an Excel serial day number in the 1900 date
// system, computed from the calendar and never through a time zone. Excel
// counts the fictitious 29 February 1900, so days from 1 March 1900 on are
// one more than the plain count.
func (d Date) ExcelSerial() int {
	n := d.Days() - Date{1899, time.December, 31}.Days()
	if d.Compare(Date{1900, time.March, 1}) >= 0 {
		n++
	}
	return n
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
