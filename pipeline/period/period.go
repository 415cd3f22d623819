package period

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"coopreport/pipeline"
)

// Errors callers can test with errors.Is; the errors returned carry the
// words a user needs on top of these.
var (
	ErrBadPeriod = errors.New("not a reporting period")
	ErrBadBy     = errors.New("not a bucket size")
	ErrNoDates   = errors.New("there are no dated records to report on")
)

// forms is appended to every parse error so the user sees what would work.
const forms = "use 2025-10 (a month), 2025-Q3 (a quarter), 2025 (a year), " +
	"2012..2015 (whole years), 2024-07..2025-06 (whole months), " +
	"previous-month, previous-quarter, previous-year, previous-cycle (the four whole years before this one), " +
	"current-month, current-quarter, current-year, or all"

// PeriodError is a --period value that cannot be read.
type PeriodError struct {
	Value string
	Why   string // what is wrong, in a few words; may be empty
}

func (e *PeriodError) Error() string {
	if e.Why == "" {
		return fmt.Sprintf("period %q is not one of the accepted forms: %s", e.Value, forms)
	}
	return fmt.Sprintf("period %q: %s; %s", e.Value, e.Why, forms)
}

func (e *PeriodError) Unwrap() error { return ErrBadPeriod }

// Spec is a parsed --period value before the data is known ("all" needs
// the data's date range). Relative forms are already resolved against the
// day given to Parse, so a Spec is a fixed span of whole months or "all".
type Spec struct {
	written  string // as the user wrote it, trimmed
	label    string
	name     string // in words: "2012–2015", "October 2025"
	all      bool
	from, to pipeline.Date
}

// All is the period "all": every day the data has.
var All = Spec{written: "all", label: "all", all: true}

// IsZero reports whether s was never parsed: run options take it for All.
func (s Spec) IsZero() bool { return s == Spec{} }

// String is the period as the user wrote it ("previous-month",
// "2012-2015"), for the manifest.
func (s Spec) String() string { return s.written }

// IsAll reports whether the period is "all": its days come from the data.
func (s Spec) IsAll() bool { return s.all }

// Label is the period as it names the output folder: as written,
// normalised ("2012-2015" → "2012..2015"), relative forms resolved.
func (s Spec) Label() string { return s.label }

// Parse reads a --period value. today is the calendar date in the
// configured time zone (see Today); only the relative forms use it.
func Parse(s string, today pipeline.Date) (Spec, error) {
	in := strings.ToLower(strings.TrimSpace(s))

	spec, err := parse(s, in, today)
	if err != nil {
		return Spec{}, err
	}
	spec.written = strings.TrimSpace(s)
	return spec, nil
}

// MustParse is Parse for a period written in a program (not relative):
// it panics if s does not parse.
func MustParse(s string) Spec {
	spec, err := Parse(s, pipeline.Date{})
	if err != nil {
		panic(err)
	}
	return spec
}

func parse(s, in string, today pipeline.Date) (Spec, error) {
	bad := func(why string) (Spec, error) { return Spec{}, &PeriodError{Value: s, Why: why} }
	switch in {
	case "all":
		return All, nil
	case "previous-month", "current-month", "previous-quarter", "current-quarter", "previous-year", "current-year":
		if today.IsZero() {
			return bad("today's date is unknown, so relative periods cannot be used")
		}
		return relative(in, today, s)
	case "previous-cycle":
		// The periodic report's span: the four whole years before this
		// one (a report due on 30 June 2027 covers 2023..2026).
		if today.IsZero() {
			return bad("today's date is unknown, so relative periods cannot be used")
		}
		return span(s, fmt.Sprintf("%04d", today.Year-4), fmt.Sprintf("%04d", today.Year-1))
	}

	if a, b, ok := strings.Cut(in, ".."); ok {
		return span(s, a, b)
	}
	// "2012-2015" is a span of years; "2025-10" is a month: the digits after
	// the dash tell them apart.
	if a, b, ok := strings.Cut(in, "-"); ok && len(b) == 4 && isDigits(b) {
		return span(s, a, b)
	}
	u, ok, why := parseUnit(in)
	if !ok {
		return bad(why)
	}
	return Spec{label: u.label(), name: u.name(), from: u.first(), to: u.last()}, nil
}

// span reads "A..B" where A and B are both years or both months.
func span(s, a, b string) (Spec, error) {
	ua, ok, why := parseUnit(a)
	if ok {
		var ub unit
		ub, ok, why = parseUnit(b)
		switch {
		case !ok:
		case ua.kind != ub.kind || ua.kind == pipeline.ByQuarter:
			why = "a span joins two years (2012..2015) or two months (2024-07..2025-06)"
		case ub.last().Before(ua.first()):
			why = "the span ends before it starts"
		default:
			return Spec{label: ua.label() + ".." + ub.label(), name: spanName(ua, ub), from: ua.first(), to: ub.last()}, nil
		}
	}
	return Spec{}, &PeriodError{Value: s, Why: why}
}

// relative resolves previous-… and current-… against today.
func relative(in string, today pipeline.Date, s string) (Spec, error) {
	back := 0
	if strings.HasPrefix(in, "previous-") {
		back = 1
	}
	var u unit
	switch strings.TrimPrefix(strings.TrimPrefix(in, "previous-"), "current-") {
	case "month":
		i := today.Year*12 + int(today.Month) - 1 - back
		u = unit{pipeline.ByMonth, i / 12, i%12 + 1}
	case "quarter":
		i := today.Year*4 + (int(today.Month)-1)/3 - back
		u = unit{pipeline.ByQuarter, i / 4, i%4 + 1}
	default:
		u = unit{pipeline.ByYear, today.Year - back, 0}
	}
	if u.year < 1 || u.year > 9999 {
		return Spec{}, &PeriodError{Value: s, Why: "it falls outside the years 1 to 9999"}
	}
	return Spec{label: u.label(), name: u.name(), from: u.first(), to: u.last()}, nil
}

// Resolve makes the Period: for "all", from and to are the earliest and
// latest dates in the data (ignored otherwise). by is "" (the default for
// the period's length), ByMonth, ByQuarter or ByYear.
func (s Spec) Resolve(by pipeline.Granularity, from, to pipeline.Date) (pipeline.Period, error) {
	if s.all {
		if from.IsZero() || to.IsZero() {
			return pipeline.Period{}, fmt.Errorf("%w: add agreements or activities with dates, or choose a --period such as 2025", ErrNoDates)
		}
		if to.Before(from) {
			return pipeline.Period{}, fmt.Errorf("the data's dates run from %s back to %s: the earliest date must come first", from, to)
		}
		// The span of the data in whole months, named as a period the
		// user could have written: its label names the output folder.
		s = spanOf(from, to)
		from, to = s.from, s.to
	} else {
		if s.from.IsZero() {
			return pipeline.Period{}, errors.New("the period was not read with period.Parse")
		}
		from, to = s.from, s.to
	}
	switch by {
	case "":
		by = defaultBy(from, to)
	case pipeline.ByMonth, pipeline.ByQuarter, pipeline.ByYear:
	default:
		return pipeline.Period{}, &ByError{Value: string(by)}
	}
	return pipeline.Period{Label: s.label, Name: s.name, From: from, To: to, By: by, Buckets: buckets(by, from, to)}, nil
}

// spanOf is the period of whole months from's to to's: whole years when
// it starts in January and ends in December ("2012..2015"), else months
// ("2012-03..2015-10").
func spanOf(from, to pipeline.Date) Spec {
	g := pipeline.ByMonth
	if from.Month == time.January && to.Month == time.December {
		g = pipeline.ByYear
	}
	a, b := unitOf(g, from), unitOf(g, to)
	label := a.label()
	if a != b {
		label += ".." + b.label()
	}
	return Spec{label: label, name: spanName(a, b), from: a.first(), to: b.last()}
}

// defaultBy picks buckets by the number of calendar months the period
// touches: months for up to a quarter, quarters for up to a year, years
// beyond. So a month or quarter gets months, a year gets quarters, and a
// longer span gets years, as the output contract says.
func defaultBy(from, to pipeline.Date) pipeline.Granularity {
	n := (to.Year*12 + int(to.Month)) - (from.Year*12 + int(from.Month)) + 1
	switch {
	case n <= 3:
		return pipeline.ByMonth
	case n <= 12:
		return pipeline.ByQuarter
	}
	return pipeline.ByYear
}

// Today returns the calendar date of now in loc (the configured time
// zone); a nil loc means UTC. The report's "today" is the ministry's day,
// not the server's.
func Today(now time.Time, loc *time.Location) pipeline.Date {
	if loc == nil {
		loc = time.UTC
	}
	return pipeline.DateOf(now.In(loc))
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// atoi reads a short run of ASCII digits; strconv alone would also take
// signs, which no period has.
func atoi(s string, maxLen int) (int, bool) {
	if !isDigits(s) || len(s) > maxLen {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// Before returns the bucket of p.By before p's first bucket (the month,
// quarter or year before the period), to compare the first bucket with;
// ok is false when the first bucket is cut short (a period of months
// counted by years), so that no bucket of the same length comes before
// it, or when it would fall before the year 1.
func Before(p pipeline.Period) (b pipeline.Bucket, ok bool) {
	if len(p.Buckets) == 0 || !p.Whole(0) || p.From.Year < 1 {
		return pipeline.Bucket{}, false
	}
	u := unitOf(p.By, p.From.AddDays(-1))
	if u.year < 1 {
		return pipeline.Bucket{}, false
	}
	return pipeline.Bucket{Label: u.label(), From: u.first(), To: u.last()}, true
}
