package normalize

import (
	"errors"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
)

func date(y int, m time.Month, d int) pipeline.Date { return pipeline.Date{Year: y, Month: m, Day: d} }

func TestDate(t *testing.T) {
	jan18 := date(2013, time.January, 18)
	tests := []struct {
		name    string
		in      string
		order   DateOrder
		want    pipeline.Date
		wantErr error
		msg     string // a part of the error message
	}{
		{name: "iso", in: "2013-01-18", want: jan18},
		{name: "iso single digits", in: "2013-1-8", want: date(2013, 1, 8)},
		{name: "iso dots", in: "2013.01.18", want: jan18},
		{name: "iso slashes", in: "2013/01/18", want: jan18},
		{name: "iso slashes month-first setting", in: "2013/01/18", order: MonthFirst, want: jan18},
		{name: "basic iso", in: "20130118", want: jan18},
		{name: "dots year last", in: "18.01.2013", want: jan18},
		{name: "dots year last ignore month-first", in: "01.02.2013", order: MonthFirst, want: date(2013, 2, 1)},
		{name: "dots trailing dot", in: "18.01.2013.", want: jan18},
		{name: "dots russian year word", in: "18.01.2013 г.", want: jan18},
		{name: "slash day-first", in: "01/02/2013", want: date(2013, 2, 1)},
		{name: "slash month-first", in: "01/02/2013", order: MonthFirst, want: date(2013, 1, 2)},
		{name: "slash day-first 18/01", in: "18/01/2013", want: jan18},
		{name: "slash month-first 1/18", in: "1/18/2013", order: MonthFirst, want: jan18},
		{name: "dash year last day-first", in: "18-01-2013", want: jan18},
		{name: "surrounding spaces", in: " \u00a02013-01-18\t", want: jan18},

		{name: "time part", in: "2013-01-18 00:00:00", want: jan18},
		{name: "time part T", in: "2013-01-18T00:00:00", want: jan18},
		{name: "time part Z", in: "2013-01-18T23:59:59Z", want: jan18},
		{name: "time part offset", in: "2013-01-18T09:30:00+08:00", want: jan18},
		{name: "time part offset no colon", in: "2013-01-18T09:30:00+0800", want: jan18},
		{name: "time part millis", in: "2013-01-18 00:00:00.000", want: jan18},
		{name: "time part short", in: "18.01.2013 0:00", want: jan18},
		{name: "time part am/pm", in: "1/18/2013 12:00:00 AM", order: MonthFirst, want: jan18},
		{name: "time part bad hour", in: "2013-01-18 25:00", wantErr: pipeline.ErrBadDate},
		{name: "time part bad minutes", in: "2013-01-18 10:7", wantErr: pipeline.ErrBadDate},
		{name: "time part garbage", in: "2013-01-18 noon", wantErr: pipeline.ErrBadDate},
		{name: "time part pm hour 13", in: "2013-01-18 13:00 PM", wantErr: pipeline.ErrBadDate},
		{name: "trailing garbage", in: "2013-01-18x", wantErr: pipeline.ErrBadDate},

		{name: "long month first", in: "January 18, 2013", want: jan18},
		{name: "long month first no comma", in: "January 18 2013", want: jan18},
		{name: "long day first", in: "18 January 2013", want: jan18},
		{name: "abbrev month first", in: "Jan 18, 2013", want: jan18},
		{name: "abbrev with dot", in: "Jan. 18, 2013", want: jan18},
		{name: "abbrev day first", in: "18 Jan 2013", want: jan18},
		{name: "excel d-mmm-yyyy", in: "18-Jan-2013", want: jan18},
		{name: "sept", in: "Sept 23, 2015", want: date(2015, 9, 23)},
		{name: "upper case", in: "18 JANUARY 2013", want: jan18},
		{name: "no-break spaces between words", in: "18\u00a0January\u00a02013", want: jan18},
		{name: "ordinal", in: "January 18th, 2013", want: jan18},
		{name: "ordinal of", in: "the 18th of January 2013", want: jan18},
		{name: "weekday", in: "Friday, January 18, 2013", want: jan18},
		{name: "weekday wrong", in: "Monday, January 18, 2013", wantErr: pipeline.ErrBadDate, msg: "was a Friday, not a Monday"},
		{name: "long format of Date.Long", in: "23 September 2015", want: date(2015, 9, 23)},
		{name: "month names ignore order setting", in: "January 2, 2013", want: date(2013, 1, 2)},
		{name: "russian genitive", in: "18 января 2013 г.", want: jan18},
		{name: "russian year word", in: "18-го января 2013 года", want: jan18},
		{name: "russian capital", in: "23 Сентября 2015", want: date(2015, 9, 23)},
		{name: "mongolian numeric month", in: "2013 оны 1 сарын 18", want: jan18},
		{name: "mongolian suffixes", in: "2013 оны 1-р сарын 18-ны өдөр", want: jan18},
		{name: "mongolian ordinal month", in: "2013 оны нэгдүгээр сарын 18", want: jan18},
		{name: "mongolian twelfth month", in: "2013 оны арван хоёрдугаар сарын 25", want: date(2013, 12, 25)},
		{name: "mongolian bad month", in: "2013 оны 13 сарын 18", wantErr: pipeline.ErrBadDate, msg: "no month 13"},

		{name: "empty", in: "", wantErr: pipeline.ErrMissing},
		{name: "spaces only", in: " \u00a0 ", wantErr: pipeline.ErrMissing},
		{name: "impossible feb 30", in: "2013-02-30", wantErr: pipeline.ErrBadDate, msg: "no day 30 in February 2013"},
		{name: "leap day ok", in: "2012-02-29", want: date(2012, 2, 29)},
		{name: "leap day not in 2013", in: "29.02.2013", wantErr: pipeline.ErrBadDate},
		{name: "leap day 1900 no", in: "1900-02-29", wantErr: pipeline.ErrBadDate},
		{name: "leap day 2000 yes", in: "2000-02-29", want: date(2000, 2, 29)},
		{name: "month 13 iso", in: "2013-13-01", wantErr: pipeline.ErrBadDate, msg: "no month 13"},
		{name: "day 0", in: "2013-01-00", wantErr: pipeline.ErrBadDate},
		{name: "month 0 dots", in: "18.00.2013", wantErr: pipeline.ErrBadDate},
		{name: "impossible in configured order", in: "31/02/2013", wantErr: pipeline.ErrBadDate},
		{name: "two-digit year dots", in: "18.01.13", wantErr: pipeline.ErrBadDate, msg: "four"},
		{name: "two-digit year slashes", in: "1/18/13", order: MonthFirst, wantErr: pipeline.ErrBadDate, msg: "four"},
		{name: "two-digit year words", in: "18-Jan-13", wantErr: pipeline.ErrBadDate, msg: "four"},
		{name: "two-digit year month first", in: "January 18, 13", wantErr: pipeline.ErrBadDate, msg: "four"},
		{name: "three-digit year", in: "213-01-18", wantErr: pipeline.ErrBadDate},
		{name: "year with leading zero", in: "0213-01-18", wantErr: pipeline.ErrBadDate, msg: "four digits"},
		{name: "five-digit year", in: "20130-01-18", wantErr: pipeline.ErrBadDate},
		{name: "year alone", in: "2013", wantErr: pipeline.ErrBadDate, msg: "year alone"},
		{name: "serial in text", in: "41292", wantErr: pipeline.ErrBadDate, msg: "serial"},
		{name: "year and month only", in: "2013-01", wantErr: pipeline.ErrBadDate, msg: "full date"},
		{name: "month name and year only", in: "January 2013", wantErr: pipeline.ErrBadDate, msg: "full date"},
		{name: "mixed separators", in: "2013-01/18", wantErr: pipeline.ErrBadDate},
		{name: "unknown month", in: "18 Janvier 2013", wantErr: pipeline.ErrBadDate, msg: `"Janvier" is not a month name`},
		{name: "two months", in: "January February 2013", wantErr: pipeline.ErrBadDate},
		{name: "words only", in: "yesterday", wantErr: pipeline.ErrBadDate},
		{name: "numbers with spaces", in: "18 01 2013", wantErr: pipeline.ErrBadDate},
		{name: "day 32 with month name", in: "32 January 2013", wantErr: pipeline.ErrBadDate},
		{name: "symbols", in: "2013-01-18!", wantErr: pipeline.ErrBadDate},

		// The configured order is never swapped silently.
		{name: "contradicts day-first", in: "12/25/2013", wantErr: pipeline.ErrAmbiguousDate,
			msg: "not a date in day/month/year order (the configured date order); if you meant 25 December 2013, write it as 2013-12-25"},
		{name: "contradicts month-first", in: "25/12/2013", order: MonthFirst, wantErr: pipeline.ErrAmbiguousDate,
			msg: "month/day/year order"},
		{name: "impossible both ways day-first", in: "13/25/2013", wantErr: pipeline.ErrAmbiguousDate, msg: "nor the other way"},
		{name: "impossible both ways month-first", in: "13/25/2013", order: MonthFirst, wantErr: pipeline.ErrAmbiguousDate},
		{name: "dash contradicts day-first", in: "01-18-2013", wantErr: pipeline.ErrAmbiguousDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Date(tt.in, tt.order)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Date(%q) error = %v, want %v", tt.in, err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.msg) {
					t.Errorf("Date(%q) error %q does not say %q", tt.in, err, tt.msg)
				}
				if !got.IsZero() {
					t.Errorf("Date(%q) = %v with an error, want the zero date", tt.in, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Date(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestDateErrorsDoNotRepeatTheValue(t *testing.T) {
	// The caller's RowError prints the value; the reason must not repeat it.
	for _, in := range []string{"2013-02-30", "12/25/2013", "18.01.13", "41292", "nonsense"} {
		_, err := Date(in, DayFirst)
		if err == nil || strings.Contains(err.Error(), in) {
			t.Errorf("Date(%q) error = %v", in, err)
		}
	}
}

func TestParseDateOrder(t *testing.T) {
	tests := []struct {
		in      string
		want    DateOrder
		wantErr bool
	}{
		{"", DayFirst, false},
		{"day-first", DayFirst, false},
		{"DMY", DayFirst, false},
		{"dd/mm/yyyy", DayFirst, false},
		{"month-first", MonthFirst, false},
		{"Month First", MonthFirst, false},
		{"mdy", MonthFirst, false},
		{"ymd", DayFirst, true},
		{"american", DayFirst, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDateOrder(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Fatalf("ParseDateOrder(%q) = %v, %v", tt.in, got, err)
			}
			if err != nil && !errors.Is(err, pipeline.ErrBadChoice) {
				t.Errorf("error %v does not wrap ErrBadChoice", err)
			}
			if err == nil && got.String() != map[DateOrder]string{DayFirst: "day-first", MonthFirst: "month-first"}[got] {
				t.Errorf("String() = %q", got.String())
			}
		})
	}
}

func TestWeekdayAndCivil(t *testing.T) {
	// Check the integer calendar against the standard library over a
	// wide span, one day at a time around the edges that matter.
	for _, start := range []pipeline.Date{date(1000, 1, 1), date(1899, 12, 1), date(1969, 12, 1), date(2099, 12, 1), date(9999, 11, 1)} {
		d := start
		for i := 0; i < 120 && d.Year <= 9999; i++ {
			n := daysFromCivil(d.Year, d.Month, d.Day)
			if want := int(d.Time().Unix() / 86400); n != want {
				t.Fatalf("daysFromCivil(%v) = %d, want %d", d, n, want)
			}
			if back := civilFromDays(n); back != d {
				t.Fatalf("civilFromDays(%d) = %v, want %v", n, back, d)
			}
			if weekday(d) != d.Time().Weekday() {
				t.Fatalf("weekday(%v) = %v, want %v", d, weekday(d), d.Time().Weekday())
			}
			d = d.AddDays(1)
		}
	}
}

var benchDates = []string{"2013-01-18", "18.01.2013", "01/02/2013", "January 18, 2013", "2013-01-18 00:00:00", "18 января 2013 г."}

func BenchmarkDate(b *testing.B) {
	for _, in := range benchDates {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Date(in, DayFirst); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestDateOrders(t *testing.T) {
	tests := []struct {
		in                                       string
		ordered, dayFirst, monthFirst, ambiguous bool
	}{
		{"1/18/2015", true, false, true, false},
		{"18/01/2015", true, true, false, false},
		{"4/7/2015", true, true, true, true},
		{"5/5/2015", true, true, true, false},
		{"04-07-2015", true, true, true, true},
		{"1/18/2015 0:00", true, false, true, false},
		{"31/2/2015", true, false, false, false},
		{"13/13/2015", true, false, false, false},
		{"2015-01-18", false, false, false, false},
		{"18.01.2015", false, false, false, false},
		{"4/7/15", false, false, false, false},
		{"18 January 2015", false, false, false, false},
		{"", false, false, false, false},
	}
	for _, tt := range tests {
		o, d, m, a := DateOrders(tt.in)
		if o != tt.ordered || d != tt.dayFirst || m != tt.monthFirst || a != tt.ambiguous {
			t.Errorf("DateOrders(%q) = %v %v %v %v, want %v %v %v %v", tt.in, o, d, m, a, tt.ordered, tt.dayFirst, tt.monthFirst, tt.ambiguous)
		}
	}
}
