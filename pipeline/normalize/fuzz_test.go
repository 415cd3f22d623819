package normalize

import (
	"strconv"
	"testing"
)

func FuzzDate(f *testing.F) {
	for _, s := range append(benchDates, "12/25/2013", "13/25/2013", "2013-02-30", "18-Jan-13",
		"Friday, January 18, 2013", "2013 оны арван хоёрдугаар сарын 25", "2013-01-18T09:30:00+08:00",
		"1/18/2013 12:00:00 AM", "20130118", "41292", "") {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, monthFirst bool) {
		order := DayFirst
		if monthFirst {
			order = MonthFirst
		}
		d, err := Date(s, order)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("Date(%q) = %v with error %v", s, d, err)
			}
			return
		}
		if d.Year < 1000 || d.Year > 9999 {
			t.Fatalf("Date(%q) = %v: year out of range", s, d)
		}
		for _, form := range []string{d.String(), d.Long()} {
			for _, o := range []DateOrder{DayFirst, MonthFirst} {
				if back, err := Date(form, o); err != nil || back != d {
					t.Fatalf("Date(%q) = %v, but Date(%q, %v) = %v, %v", s, d, form, o, back, err)
				}
			}
		}
	})
}

func FuzzAmount(f *testing.F) {
	for _, s := range append(benchAmounts, "1,25", "1 250 000,50", "¥1000", "-1250 USD", "1.5E-3",
		".5", "(5", "9223372036854775807", "0,250", "1.250.000,50", "руб.50") {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, decimalComma bool) {
		x, _, err := Amount(s, decimalComma)
		if err != nil {
			if !x.IsZero() {
				t.Fatalf("Amount(%q) = %v with error %v", s, x, err)
			}
			return
		}
		back, code, err := Amount(x.String(), false)
		if err != nil || back != x || code != "" {
			t.Fatalf("Amount(%q) = %v, but Amount(%q) = %v, %q, %v", s, x, x.String(), back, code, err)
		}
	})
}

func FuzzExcelDate(f *testing.F) {
	for _, s := range []string{"41292", "41292.5", "60", "61", "59", "1", "0", "2958465", "2958466", "4.1292E+4", "-1", "1e300"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, raw string, date1904 bool) {
		d, ok := ExcelDate(raw, date1904)
		if !ok {
			return
		}
		if d.Year < 1900 || d.Year > 9999 {
			t.Fatalf("ExcelDate(%q) = %v: out of range", raw, d)
		}
		if date1904 {
			return
		}
		serial := d.ExcelSerial()
		if back, ok := ExcelDate(strconv.Itoa(serial), false); !ok || back != d {
			t.Fatalf("ExcelDate(%q) = %v, serial %d, back %v, %v", raw, d, serial, back, ok)
		}
		// The serial read is the one that was written, less any time of day.
		intPart, _, _ := sciDigits(trimSpace(raw))
		if n, _ := strconv.Atoi(intPart); n != serial {
			t.Fatalf("ExcelDate(%q) = %v, whose serial is %d", raw, d, serial)
		}
	})
}
