package period

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
)

func day(y int, m time.Month, d int) pipeline.Date { return pipeline.Date{Year: y, Month: m, Day: d} }

// today is the fixed "now" for tests that do not care about it.
var today = day(2026, time.January, 15)

func labels(bs []pipeline.Bucket) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Label)
	}
	return out
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in  string
		today     pipeline.Date
		wantLabel string
		from, to  pipeline.Date
		wantBy    pipeline.Granularity
		buckets   []string
	}{
		{"month", "2025-10", today, "2025-10", day(2025, 10, 1), day(2025, 10, 31), pipeline.ByMonth, []string{"2025-10"}},
		{"month one digit", "2025-2", today, "2025-02", day(2025, 2, 1), day(2025, 2, 28), pipeline.ByMonth, []string{"2025-02"}},
		{"leap february", "2024-02", today, "2024-02", day(2024, 2, 1), day(2024, 2, 29), pipeline.ByMonth, []string{"2024-02"}},
		{"quarter", "2025-Q3", today, "2025-Q3", day(2025, 7, 1), day(2025, 9, 30), pipeline.ByMonth, []string{"2025-07", "2025-08", "2025-09"}},
		{"quarter lower case", "2025-q3", today, "2025-Q3", day(2025, 7, 1), day(2025, 9, 30), pipeline.ByMonth, []string{"2025-07", "2025-08", "2025-09"}},
		{"quarter four", "2025-Q4", today, "2025-Q4", day(2025, 10, 1), day(2025, 12, 31), pipeline.ByMonth, []string{"2025-10", "2025-11", "2025-12"}},
		{"year", "2025", today, "2025", day(2025, 1, 1), day(2025, 12, 31), pipeline.ByQuarter, []string{"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"}},
		{"spaces trimmed", " 2025 ", today, "2025", day(2025, 1, 1), day(2025, 12, 31), pipeline.ByQuarter, []string{"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"}},
		{"years dots", "2012..2015", today, "2012..2015", day(2012, 1, 1), day(2015, 12, 31), pipeline.ByYear, []string{"2012", "2013", "2014", "2015"}},
		{"years dash", "2012-2015", today, "2012..2015", day(2012, 1, 1), day(2015, 12, 31), pipeline.ByYear, []string{"2012", "2013", "2014", "2015"}},
		{"one-year span", "2015..2015", today, "2015..2015", day(2015, 1, 1), day(2015, 12, 31), pipeline.ByQuarter, []string{"2015-Q1", "2015-Q2", "2015-Q3", "2015-Q4"}},
		{"fiscal year", "2024-07..2025-06", today, "2024-07..2025-06", day(2024, 7, 1), day(2025, 6, 30), pipeline.ByQuarter, []string{"2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"}},
		{"three months", "2024-11..2025-01", today, "2024-11..2025-01", day(2024, 11, 1), day(2025, 1, 31), pipeline.ByMonth, []string{"2024-11", "2024-12", "2025-01"}},
		{"four months", "2024-11..2025-02", today, "2024-11..2025-02", day(2024, 11, 1), day(2025, 2, 28), pipeline.ByQuarter, []string{"2024-Q4", "2025-Q1"}},
		{"thirteen months", "2024-01..2025-01", today, "2024-01..2025-01", day(2024, 1, 1), day(2025, 1, 31), pipeline.ByYear, []string{"2024", "2025"}},
		{"months span normalised", "2024-7..2025-6", today, "2024-07..2025-06", day(2024, 7, 1), day(2025, 6, 30), pipeline.ByQuarter, []string{"2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"}},
		{"single month span", "2025-03..2025-03", today, "2025-03..2025-03", day(2025, 3, 1), day(2025, 3, 31), pipeline.ByMonth, []string{"2025-03"}},
		{"first year", "0001", today, "0001", day(1, 1, 1), day(1, 12, 31), pipeline.ByQuarter, []string{"0001-Q1", "0001-Q2", "0001-Q3", "0001-Q4"}},
		{"last month", "9999-12", today, "9999-12", day(9999, 12, 1), day(9999, 12, 31), pipeline.ByMonth, []string{"9999-12"}},

		{"previous-month", "previous-month", today, "2025-12", day(2025, 12, 1), day(2025, 12, 31), pipeline.ByMonth, []string{"2025-12"}},
		{"previous-month upper case", "Previous-Month", today, "2025-12", day(2025, 12, 1), day(2025, 12, 31), pipeline.ByMonth, []string{"2025-12"}},
		{"previous-month new year's day", "previous-month", day(2026, 1, 1), "2025-12", day(2025, 12, 1), day(2025, 12, 31), pipeline.ByMonth, []string{"2025-12"}},
		{"previous-quarter new year's day", "previous-quarter", day(2026, 1, 1), "2025-Q4", day(2025, 10, 1), day(2025, 12, 31), pipeline.ByMonth, []string{"2025-10", "2025-11", "2025-12"}},
		{"previous-cycle in the year of the report", "previous-cycle", day(2027, 3, 15), "2023..2026", day(2023, 1, 1), day(2026, 12, 31), pipeline.ByYear, []string{"2023", "2024", "2025", "2026"}},
		{"previous-cycle new year's eve", "Previous-Cycle", day(2026, 12, 31), "2022..2025", day(2022, 1, 1), day(2025, 12, 31), pipeline.ByYear, []string{"2022", "2023", "2024", "2025"}},
		{"previous-year new year's day", "previous-year", day(2026, 1, 1), "2025", day(2025, 1, 1), day(2025, 12, 31), pipeline.ByQuarter, []string{"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"}},
		{"previous-month mid-year", "previous-month", day(2025, 7, 31), "2025-06", day(2025, 6, 1), day(2025, 6, 30), pipeline.ByMonth, []string{"2025-06"}},
		{"previous-quarter mid-year", "previous-quarter", day(2025, 7, 1), "2025-Q2", day(2025, 4, 1), day(2025, 6, 30), pipeline.ByMonth, []string{"2025-04", "2025-05", "2025-06"}},
		{"current-month", "current-month", day(2025, 12, 31), "2025-12", day(2025, 12, 1), day(2025, 12, 31), pipeline.ByMonth, []string{"2025-12"}},
		{"current-quarter last day", "current-quarter", day(2025, 3, 31), "2025-Q1", day(2025, 1, 1), day(2025, 3, 31), pipeline.ByMonth, []string{"2025-01", "2025-02", "2025-03"}},
		{"current-quarter first day", "current-quarter", day(2025, 4, 1), "2025-Q2", day(2025, 4, 1), day(2025, 6, 30), pipeline.ByMonth, []string{"2025-04", "2025-05", "2025-06"}},
		{"current-year", "current-year", day(2025, 3, 31), "2025", day(2025, 1, 1), day(2025, 12, 31), pipeline.ByQuarter, []string{"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(tt.in, tt.today)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if s.IsAll() {
				t.Errorf("IsAll() = true")
			}
			if s.Label() != tt.wantLabel {
				t.Errorf("Label() = %q, want %q", s.Label(), tt.wantLabel)
			}
			// from and to are ignored for anything but "all".
			p, err := s.Resolve("", day(1999, 1, 1), day(1999, 1, 2))
			if err != nil {
				t.Fatalf("Resolve: %v", err)
			}
			if p.Label != tt.wantLabel || p.From != tt.from || p.To != tt.to || p.By != tt.wantBy {
				t.Errorf("got %q %v..%v by %s, want %q %v..%v by %s", p.Label, p.From, p.To, p.By, tt.wantLabel, tt.from, tt.to, tt.wantBy)
			}
			if got := labels(p.Buckets); !reflect.DeepEqual(got, tt.buckets) {
				t.Errorf("buckets %q, want %q", got, tt.buckets)
			}
			checkCover(t, p)
		})
	}
}

// checkCover asserts the buckets cover the period exactly, in order, with
// no gaps or overlaps.
func checkCover(t *testing.T, p pipeline.Period) {
	t.Helper()
	if len(p.Buckets) == 0 {
		t.Fatal("no buckets")
	}
	next := p.From
	for i, b := range p.Buckets {
		if b.From != next || b.To.Before(b.From) {
			t.Fatalf("bucket %d %s is %v..%v, want it to start on %v", i, b.Label, b.From, b.To, next)
		}
		next = b.To.AddDays(1)
	}
	if last := p.Buckets[len(p.Buckets)-1].To; last != p.To {
		t.Fatalf("last bucket ends %v, period ends %v", last, p.To)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		today    pipeline.Date
		why      string // part of the message besides the accepted forms
	}{
		{"empty", "", today, ""},
		{"word", "last-month", today, ""},
		{"month 13", "2025-13", today, "no month 13"},
		{"month 0", "2025-00", today, "no month 00"},
		{"quarter 5", "2025-Q5", today, "no quarter Q5"},
		{"quarter 0", "2025-q0", today, "no quarter Q0"},
		{"year 0", "0000", today, "no year 0"},
		{"year 10000", "10000", today, "0001 to 9999"},
		{"two-digit year", "25", today, ""},
		{"three-digit month", "2025-100", today, ""},
		{"signed month", "2025-+1", today, ""},
		{"full date", "2025-10-01", today, ""},
		{"years backwards", "2015..2012", today, "ends before it starts"},
		{"years backwards dash", "2015-2012", today, "ends before it starts"},
		{"months backwards", "2025-06..2024-07", today, "ends before it starts"},
		{"mixed span", "2024..2025-06", today, "two years"},
		{"quarter span", "2024-Q1..2024-Q3", today, "two years"},
		{"open span", "2024..", today, ""},
		{"three dots", "2024...2025", today, ""},
		{"span month 13", "2024-13..2025-01", today, "no month 13"},
		{"span year 0", "0000..2015", today, "no year 0"},
		{"relative without today", "previous-month", pipeline.Date{}, "today"},
		{"previous-year of year 1", "previous-year", day(1, 6, 1), "1 to 9999"},
		{"previous-month of January year 1", "previous-month", day(1, 1, 1), "1 to 9999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(tt.in, tt.today)
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error", tt.in, s)
			}
			if !errors.Is(err, ErrBadPeriod) {
				t.Errorf("error %v does not wrap ErrBadPeriod", err)
			}
			msg := err.Error()
			for _, want := range []string{tt.why, "2025-10", "2025-Q3", "2012..2015", "2024-07..2025-06", "previous-month", "current-year", "all"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q does not mention %q", msg, want)
				}
			}
		})
	}
}

func TestParseBy(t *testing.T) {
	tests := []struct {
		in   string
		want pipeline.Granularity
		err  bool
	}{
		{"", "", false},
		{"month", pipeline.ByMonth, false},
		{"Months", pipeline.ByMonth, false},
		{"monthly", pipeline.ByMonth, false},
		{"quarter", pipeline.ByQuarter, false},
		{"quarters", pipeline.ByQuarter, false},
		{"QUARTERLY", pipeline.ByQuarter, false},
		{"year", pipeline.ByYear, false},
		{"years", pipeline.ByYear, false},
		{"yearly", pipeline.ByYear, false},
		{" annual ", pipeline.ByYear, false},
		{"week", "", true},
		{"m", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseBy(tt.in)
			if tt.err {
				if !errors.Is(err, ErrBadBy) || !strings.Contains(err.Error(), "month, quarter or year") {
					t.Fatalf("ParseBy(%q) error = %v, want ErrBadBy naming the choices", tt.in, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseBy(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestResolveBy(t *testing.T) {
	b := func(label string, from, to pipeline.Date) pipeline.Bucket {
		return pipeline.Bucket{Label: label, From: from, To: to}
	}
	tests := []struct {
		name, period string
		by           pipeline.Granularity
		from, to     pipeline.Date // the data's range, for "all"
		want         []pipeline.Bucket
	}{
		{"year by month", "2025", pipeline.ByMonth, pipeline.Date{}, pipeline.Date{}, []pipeline.Bucket{
			b("2025-01", day(2025, 1, 1), day(2025, 1, 31)), b("2025-02", day(2025, 2, 1), day(2025, 2, 28)),
			b("2025-03", day(2025, 3, 1), day(2025, 3, 31)), b("2025-04", day(2025, 4, 1), day(2025, 4, 30)),
			b("2025-05", day(2025, 5, 1), day(2025, 5, 31)), b("2025-06", day(2025, 6, 1), day(2025, 6, 30)),
			b("2025-07", day(2025, 7, 1), day(2025, 7, 31)), b("2025-08", day(2025, 8, 1), day(2025, 8, 31)),
			b("2025-09", day(2025, 9, 1), day(2025, 9, 30)), b("2025-10", day(2025, 10, 1), day(2025, 10, 31)),
			b("2025-11", day(2025, 11, 1), day(2025, 11, 30)), b("2025-12", day(2025, 12, 1), day(2025, 12, 31)),
		}},
		{"month by year is clipped", "2025-10", pipeline.ByYear, pipeline.Date{}, pipeline.Date{}, []pipeline.Bucket{
			b("2025", day(2025, 10, 1), day(2025, 10, 31)),
		}},
		{"quarter by quarter", "2025-Q2", pipeline.ByQuarter, pipeline.Date{}, pipeline.Date{}, []pipeline.Bucket{
			b("2025-Q2", day(2025, 4, 1), day(2025, 6, 30)),
		}},
		{"fiscal year by year is clipped", "2024-07..2025-06", pipeline.ByYear, pipeline.Date{}, pipeline.Date{}, []pipeline.Bucket{
			b("2024", day(2024, 7, 1), day(2024, 12, 31)), b("2025", day(2025, 1, 1), day(2025, 6, 30)),
		}},
		{"fiscal year by quarter", "2024-07..2025-06", pipeline.ByQuarter, pipeline.Date{}, pipeline.Date{}, []pipeline.Bucket{
			b("2024-Q3", day(2024, 7, 1), day(2024, 9, 30)), b("2024-Q4", day(2024, 10, 1), day(2024, 12, 31)),
			b("2025-Q1", day(2025, 1, 1), day(2025, 3, 31)), b("2025-Q2", day(2025, 4, 1), day(2025, 6, 30)),
		}},
		{"years by year", "2012-2014", pipeline.ByYear, pipeline.Date{}, pipeline.Date{}, []pipeline.Bucket{
			b("2012", day(2012, 1, 1), day(2012, 12, 31)), b("2013", day(2013, 1, 1), day(2013, 12, 31)),
			b("2014", day(2014, 1, 1), day(2014, 12, 31)),
		}},
		{"all default years, the data's whole months", "all", "", day(2013, 1, 18), day(2015, 9, 23), []pipeline.Bucket{
			b("2013", day(2013, 1, 1), day(2013, 12, 31)), b("2014", day(2014, 1, 1), day(2014, 12, 31)),
			b("2015", day(2015, 1, 1), day(2015, 9, 30)),
		}},
		{"all default months for a short range", "all", "", day(2025, 11, 20), day(2026, 1, 5), []pipeline.Bucket{
			b("2025-11", day(2025, 11, 1), day(2025, 11, 30)), b("2025-12", day(2025, 12, 1), day(2025, 12, 31)),
			b("2026-01", day(2026, 1, 1), day(2026, 1, 31)),
		}},
		{"all default quarters within a year", "all", "", day(2025, 2, 14), day(2025, 8, 1), []pipeline.Bucket{
			b("2025-Q1", day(2025, 2, 1), day(2025, 3, 31)), b("2025-Q2", day(2025, 4, 1), day(2025, 6, 30)),
			b("2025-Q3", day(2025, 7, 1), day(2025, 8, 31)),
		}},
		{"all one day", "all", pipeline.ByQuarter, day(2025, 5, 5), day(2025, 5, 5), []pipeline.Bucket{
			b("2025-Q2", day(2025, 5, 1), day(2025, 5, 31)),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(tt.period, today)
			if err != nil {
				t.Fatal(err)
			}
			p, err := s.Resolve(tt.by, tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(p.Buckets, tt.want) {
				t.Errorf("buckets\n got %v\nwant %v", p.Buckets, tt.want)
			}
			if tt.by != "" && p.By != tt.by {
				t.Errorf("By = %q, want %q", p.By, tt.by)
			}
			checkCover(t, p)
		})
	}
}

func TestResolveAll(t *testing.T) {
	s, err := Parse("ALL", today)
	if err != nil || !s.IsAll() {
		t.Fatalf("Parse(ALL) = %+v, %v", s, err)
	}
	p, err := s.Resolve("", day(2013, 1, 18), day(2015, 9, 23))
	if err != nil {
		t.Fatal(err)
	}
	// The data's span in whole months names the period and its folder.
	if p.Label != "2013-01..2015-09" || p.Name != "January 2013 – September 2015" || p.From != day(2013, 1, 1) || p.To != day(2015, 9, 30) || p.By != pipeline.ByYear {
		t.Errorf("got %q (%s) %v..%v by %s", p.Label, p.Name, p.From, p.To, p.By)
	}
	if p, _ := s.Resolve("", day(2012, 1, 5), day(2015, 12, 2)); p.Label != "2012..2015" || p.Name != "2012–2015" {
		t.Errorf("whole years: %q (%s)", p.Label, p.Name)
	}

	for _, r := range [][2]pipeline.Date{{}, {day(2025, 1, 1), {}}, {{}, day(2025, 1, 1)}} {
		_, err := s.Resolve("", r[0], r[1])
		if !errors.Is(err, ErrNoDates) || !strings.Contains(err.Error(), "no dated records") {
			t.Errorf("Resolve(%v, %v) error = %v, want ErrNoDates", r[0], r[1], err)
		}
	}
	if _, err := s.Resolve("", day(2025, 2, 1), day(2025, 1, 1)); err == nil {
		t.Error("Resolve with to before from: no error")
	}
}

func TestResolveErrors(t *testing.T) {
	s, _ := Parse("2025", today)
	if _, err := s.Resolve("week", pipeline.Date{}, pipeline.Date{}); !errors.Is(err, ErrBadBy) {
		t.Errorf("Resolve(by week) error = %v, want ErrBadBy", err)
	}
	if _, err := (Spec{}).Resolve("", day(2025, 1, 1), day(2025, 2, 1)); err == nil {
		t.Error("zero Spec resolved without error")
	}
}

func TestToday(t *testing.T) {
	ub, err := time.LoadLocation("Asia/Ulaanbaatar")
	if err != nil {
		t.Skipf("no time zone database: %v", err)
	}
	tests := []struct {
		name      string
		now       string
		loc       *time.Location
		want      pipeline.Date
		prevMonth string
	}{
		{"Ulaanbaatar is already in the new year", "2025-12-31T17:30:00Z", ub, day(2026, 1, 1), "2025-12"},
		{"UTC is still in the old year", "2025-12-31T17:30:00Z", time.UTC, day(2025, 12, 31), "2025-11"},
		{"nil location is UTC", "2025-12-31T17:30:00Z", nil, day(2025, 12, 31), "2025-11"},
		{"Ulaanbaatar just before midnight", "2025-12-31T15:59:59Z", ub, day(2025, 12, 31), "2025-11"},
		{"Ulaanbaatar at midnight", "2025-12-31T16:00:00Z", ub, day(2026, 1, 1), "2025-12"},
		{"offset in the input does not matter", "2026-01-01T01:30:00+08:00", time.UTC, day(2025, 12, 31), "2025-11"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now, err := time.Parse(time.RFC3339, tt.now)
			if err != nil {
				t.Fatal(err)
			}
			got := Today(now, tt.loc)
			if got != tt.want {
				t.Fatalf("Today = %v, want %v", got, tt.want)
			}
			s, err := Parse("previous-month", got)
			if err != nil {
				t.Fatal(err)
			}
			if s.Label() != tt.prevMonth {
				t.Errorf("previous-month = %q, want %q", s.Label(), tt.prevMonth)
			}
		})
	}
}

func TestPeriodBucket(t *testing.T) {
	s, _ := Parse("2024-07..2025-06", today)
	p, err := s.Resolve(pipeline.ByYear, pipeline.Date{}, pipeline.Date{})
	if err != nil {
		t.Fatal(err)
	}
	q, err := s.Resolve("", pipeline.Date{}, pipeline.Date{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		d             pipeline.Date
		byYear, byQtr int
	}{
		{day(2024, 6, 30), -1, -1},
		{day(2024, 7, 1), 0, 0},
		{day(2024, 9, 30), 0, 0},
		{day(2024, 10, 1), 0, 1},
		{day(2024, 12, 31), 0, 1},
		{day(2025, 1, 1), 1, 2},
		{day(2025, 4, 1), 1, 3},
		{day(2025, 6, 30), 1, 3},
		{day(2025, 7, 1), -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.d.String(), func(t *testing.T) {
			if got := p.Bucket(tt.d); got != tt.byYear {
				t.Errorf("by year: Bucket(%v) = %d, want %d", tt.d, got, tt.byYear)
			}
			if got := q.Bucket(tt.d); got != tt.byQtr {
				t.Errorf("by quarter: Bucket(%v) = %d, want %d", tt.d, got, tt.byQtr)
			}
		})
	}
}

// A period in words, as a report writes it: never the notation of the
// command line.
func TestNames(t *testing.T) {
	for in, want := range map[string]string{
		"2025": "2025", "2012..2015": "2012–2015", "2012-2015": "2012–2015", "2025-10": "October 2025",
		"2024-Q3": "third quarter of 2024", "2024-07..2025-06": "July 2024 – June 2025", "2025-03..2025-03": "March 2025",
		"previous-quarter": "fourth quarter of 2025",
	} {
		s, err := Parse(in, day(2026, 1, 15))
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.Resolve("", pipeline.Date{}, pipeline.Date{})
		if err != nil || p.Name != want {
			t.Errorf("%s: %q, %v; want %q", in, p.Name, err, want)
		}
	}
}

func TestBefore(t *testing.T) {
	tests := []struct {
		period string
		by     pipeline.Granularity
		want   string // label from to; "" for none
	}{
		{"2025-Q3", pipeline.ByQuarter, "2025-Q2 2025-04-01 2025-06-30"},
		{"2025-Q1", pipeline.ByMonth, "2024-12 2024-12-01 2024-12-31"},
		{"2012..2015", pipeline.ByYear, "2011 2011-01-01 2011-12-31"},
		{"2025-03", pipeline.ByMonth, "2025-02 2025-02-01 2025-02-28"},
		{"2024-07..2025-06", pipeline.ByYear, ""}, // the first bucket is half a year
		{"2024-02..2024-12", pipeline.ByQuarter, ""},
		{"0001", pipeline.ByYear, ""},
	}
	for _, tt := range tests {
		t.Run(tt.period, func(t *testing.T) {
			p, err := MustParse(tt.period).Resolve(tt.by, pipeline.Date{}, pipeline.Date{})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if b, ok := Before(p); ok {
				got = fmt.Sprint(b.Label, " ", b.From, " ", b.To)
			}
			if got != tt.want {
				t.Errorf("Before = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNameIn(t *testing.T) {
	for _, c := range []struct {
		l           lang.Lang
		label, want string
	}{
		{lang.English, "2025-Q3", "third quarter of 2025"},
		{lang.English, "2012..2015", "2012–2015"},
		{lang.English, "2024-07..2025-06", "July 2024 – June 2025"},
		{lang.Russian, "2024-Q3", "третий квартал 2024\u00a0г."},
		{lang.Russian, "2012..2015", "2012–2015\u00a0гг."},
		{lang.French, "2024-07..2025-06", "juillet 2024 – juin 2025"},
		{lang.French, "2025", "2025"},
		{lang.Mongolian, "2025-10", "2025 оны аравдугаар сар"},
		{lang.Mongolian, "2025-Q1..2025-Q2", "2025 оны 1-р улирал – 2025 оны 2-р улирал"},
		{lang.English, "report", ""},
	} {
		if got := NameIn(c.l, c.label); got != c.want {
			t.Errorf("NameIn(%s, %q) = %q, want %q", c.l, c.label, got, c.want)
		}
	}
	// The English names are those Spec gives.
	for _, s := range []string{"2025-Q3", "2012..2015", "2024-07..2025-06", "2025-10", "2025"} {
		if got, want := NameIn(lang.English, s), MustParse(s).name; got != want {
			t.Errorf("NameIn(en, %q) = %q, Spec's name %q", s, got, want)
		}
	}
}
