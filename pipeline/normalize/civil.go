package normalize

import (
	"time"

	"coopreport/pipeline"
)

// Calendar arithmetic on plain integers (proleptic Gregorian calendar,
// H. Hinnant's algorithms), so that no date ever passes through a time zone.

// daysFromCivil returns the number of days from 1970-01-01 to y-m-d.
func daysFromCivil(y int, m time.Month, d int) int {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (int(m) + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) pipeline.Date {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
		y++
	}
	return pipeline.Date{Year: y, Month: time.Month(m), Day: d}
}

// weekday of a date: 1970-01-01 was a Thursday.
func weekday(d pipeline.Date) time.Weekday {
	return time.Weekday((daysFromCivil(d.Year, d.Month, d.Day)%7 + 7 + 4) % 7)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
