package normalize

import (
	"time"

	"coopreport/pipeline"
)

// Day numbers (from 1970-01-01) of the days before Excel's serial 1.
var (
	epoch1900 = daysFromCivil(1899, time.December, 31) // serial 1 is 1900-01-01
	epoch1904 = daysFromCivil(1904, time.January, 1)   // serial 0 is 1904-01-01
)

// ExcelDate reads an XLSX raw cell value that is a date serial number
// ("41292", "41292.5" for noon, which keeps only the date) in the
// workbook's date system: the 1900 system, or the 1904 system of old Mac
// workbooks (date1904, from the workbook properties). It reports false
// when raw is not a number of at least 1 (a time of day alone is not a
// date) or names no day up to 31 December 9999.
//
// The date comes from the calendar, never through a time zone. Excel
// counts a 29 February 1900 that never was: serials before it (1 to 59)
// are one day later than the plain count, serial 60 is that fictitious
// day and is rejected, and later serials are the plain count plus one.
// For the 1900 system ExcelDate is the inverse of
// pipeline.Date.ExcelSerial.
func ExcelDate(raw string, date1904 bool) (pipeline.Date, bool) {
	intPart, _, ok := sciDigits(trimSpace(raw))
	if !ok {
		return pipeline.Date{}, false
	}
	for len(intPart) > 1 && intPart[0] == '0' {
		intPart = intPart[1:]
	}
	if len(intPart) > 7 { // past 9999-12-31 (serial 2958465)
		return pipeline.Date{}, false
	}
	n := atoi(intPart)
	var day int
	switch {
	case n < 1:
		// A time of day with no date (0.5 is noon); in the 1904 system
		// it would be 1904-01-01, which no register needs.
		return pipeline.Date{}, false
	case date1904:
		day = epoch1904 + n
	case n == 60:
		return pipeline.Date{}, false
	case n < 60:
		day = epoch1900 + n
	default:
		day = epoch1900 + n - 1
	}
	d := civilFromDays(day)
	if d.Year > 9999 {
		return pipeline.Date{}, false
	}
	return d, true
}
