package normalize

import (
	"strconv"
	"testing"
	"time"

	"coopreport/pipeline"
)

func TestExcelDate(t *testing.T) {
	tests := []struct {
		raw      string
		date1904 bool
		want     pipeline.Date
		ok       bool
	}{
		{"41292", false, date(2013, time.January, 18), true},
		{"41292.5", false, date(2013, time.January, 18), true},
		{"41292.999988426", false, date(2013, time.January, 18), true},
		{" 41292 ", false, date(2013, time.January, 18), true},
		{"4.1292E+4", false, date(2013, time.January, 18), true},
		{"42270", false, date(2015, time.September, 23), true},
		{"1", false, date(1900, time.January, 1), true},
		{"59", false, date(1900, time.February, 28), true},
		{"60", false, pipeline.Date{}, false}, // Excel's 29 February 1900
		{"60.5", false, pipeline.Date{}, false},
		{"61", false, date(1900, time.March, 1), true},
		{"2958465", false, date(9999, time.December, 31), true},
		{"2958466", false, pipeline.Date{}, false},
		{"0", false, pipeline.Date{}, false},
		{"0.5", false, pipeline.Date{}, false}, // a time of day alone
		{"-1", false, pipeline.Date{}, false},
		{"", false, pipeline.Date{}, false},
		{"2013-01-18", false, pipeline.Date{}, false},
		{"TRUE", false, pipeline.Date{}, false},
		{"1e300", false, pipeline.Date{}, false},
		{"99999999999999999999", false, pipeline.Date{}, false},
		// The 1904 system counts from 1 January 1904, with no leap-year bug.
		{"39830", true, date(2013, time.January, 18), true},
		{"1", true, date(1904, time.January, 2), true},
		{"0", true, pipeline.Date{}, false},
		{"2957003", true, date(9999, time.December, 31), true},
		{"2957004", true, pipeline.Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, ok := ExcelDate(tt.raw, tt.date1904)
			if ok != tt.ok || got != tt.want {
				t.Fatalf("ExcelDate(%q, %v) = %v, %v; want %v, %v", tt.raw, tt.date1904, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestExcelDateInvertsExcelSerial(t *testing.T) {
	for _, d := range []pipeline.Date{
		date(1900, 1, 1), date(1900, 2, 28), date(1900, 3, 1), date(1904, 1, 1),
		date(1969, 12, 31), date(1970, 1, 1), date(2000, 2, 29), date(2013, 1, 18), date(9999, 12, 31),
	} {
		serial := d.ExcelSerial()
		got, ok := ExcelDate(strconv.Itoa(serial), false)
		if !ok || got != d {
			t.Errorf("ExcelDate(%d) = %v, %v; want %v", serial, got, ok, d)
		}
	}
}
