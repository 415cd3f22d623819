package period

import (
	"fmt"
	"strings"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
)

// unit is one calendar month, quarter or year: the pieces a period is
// written with and the buckets it is split into.
type unit struct {
	kind pipeline.Granularity
	year int
	n    int // month 1–12 or quarter 1–4; 0 for a year
}

// parseUnit reads "2025", "2025-10" (or "2025-1") or "2025-q3" (lower-cased
// already). When s is not one of these, ok is false and why says what is
// wrong, or is "" when s is not even close.
func parseUnit(s string) (u unit, ok bool, why string) {
	ys, rest, hasRest := strings.Cut(s, "-")
	if isDigits(ys) && len(ys) > 4 {
		return unit{}, false, "years run from 0001 to 9999, written with four digits"
	}
	y, isNum := atoi(ys, 4)
	if !isNum || len(ys) != 4 {
		return unit{}, false, ""
	}
	if y < 1 {
		return unit{}, false, "there is no year 0; years run from 0001 to 9999"
	}
	if !hasRest {
		return unit{pipeline.ByYear, y, 0}, true, ""
	}
	if q, isQ := strings.CutPrefix(rest, "q"); isQ {
		n, isNum := atoi(q, 1)
		if !isNum || n < 1 || n > 4 {
			return unit{}, false, fmt.Sprintf("there is no quarter %s; quarters are Q1 to Q4", strings.ToUpper(rest))
		}
		return unit{pipeline.ByQuarter, y, n}, true, ""
	}
	m, isNum := atoi(rest, 2)
	if !isNum {
		return unit{}, false, ""
	}
	if m < 1 || m > 12 {
		return unit{}, false, fmt.Sprintf("there is no month %s; months are 01 to 12", rest)
	}
	return unit{pipeline.ByMonth, y, m}, true, ""
}

// unitOf returns the unit of kind g that d falls in.
func unitOf(g pipeline.Granularity, d pipeline.Date) unit {
	switch g {
	case pipeline.ByMonth:
		return unit{g, d.Year, int(d.Month)}
	case pipeline.ByQuarter:
		return unit{g, d.Year, (int(d.Month)-1)/3 + 1}
	}
	return unit{pipeline.ByYear, d.Year, 0}
}

// label is the output contract's name: "2025-10", "2025-Q3", "2025".
func (u unit) label() string {
	switch u.kind {
	case pipeline.ByMonth:
		return fmt.Sprintf("%04d-%02d", u.year, u.n)
	case pipeline.ByQuarter:
		return fmt.Sprintf("%04d-Q%d", u.year, u.n)
	}
	return fmt.Sprintf("%04d", u.year)
}

var ordinals = [...]string{"", "first", "second", "third", "fourth"}

// name is the unit in words: "2025", "October 2025", "third quarter of
// 2025".
func (u unit) name() string {
	switch u.kind {
	case pipeline.ByMonth:
		return fmt.Sprintf("%s %d", time.Month(u.n), u.year)
	case pipeline.ByQuarter:
		return fmt.Sprintf("%s quarter of %d", ordinals[u.n], u.year)
	}
	return fmt.Sprint(u.year)
}

// nameIn is the unit in words in language l: "octobre 2025", "третий
// квартал 2024 г.", "2025 он".
func (u unit) nameIn(l lang.Lang) string {
	switch u.kind {
	case pipeline.ByMonth:
		return l.Month(u.year, time.Month(u.n))
	case pipeline.ByQuarter:
		return l.Quarter(u.year, u.n)
	}
	return l.Year(u.year)
}

// NameIn is the period or bucket a label names ("2025-10", "2025-Q3",
// "2012..2015", "2024-07..2025-06", as Spec.Label and the buckets write
// them) in words in language l: "juillet 2024 – juin 2025", "2012–2015
// гг.". It is "" for a text that is not such a label.
func NameIn(l lang.Lang, label string) string {
	a, b, isSpan := strings.Cut(strings.ToLower(label), "..")
	ua, ok, _ := parseUnit(a)
	if !ok {
		return ""
	}
	if !isSpan {
		return ua.nameIn(l)
	}
	ub, ok, _ := parseUnit(b)
	if !ok || ub.kind != ua.kind {
		return ""
	}
	if ua.kind == pipeline.ByYear {
		return l.Years(ua.year, ub.year)
	}
	return l.Span(ua.nameIn(l), ub.nameIn(l))
}

// Words is period p in words in language l: the name the run gave it in
// English, its label's name in l otherwise (NameIn); the label itself when
// it has no name.
func Words(p pipeline.Period, l lang.Lang) string {
	name := p.Name
	if l != lang.English && l != "" {
		name = NameIn(l, p.Label)
	}
	if name == "" {
		name = p.Label
	}
	return name
}

// spanName is a span of two units of one kind in words: "2012–2015",
// "July 2024 – June 2025" (an en dash, spaced between spaced words).
func spanName(a, b unit) string {
	if a == b {
		return a.name()
	}
	if a.kind == pipeline.ByYear {
		return a.name() + "–" + b.name()
	}
	return a.name() + " – " + b.name()
}

// months returns the unit's first and last month.
func (u unit) months() (first, last time.Month) {
	switch u.kind {
	case pipeline.ByMonth:
		return time.Month(u.n), time.Month(u.n)
	case pipeline.ByQuarter:
		return time.Month(3*u.n - 2), time.Month(3 * u.n)
	}
	return time.January, time.December
}

func (u unit) first() pipeline.Date {
	m, _ := u.months()
	return pipeline.Date{Year: u.year, Month: m, Day: 1}
}

func (u unit) last() pipeline.Date {
	_, m := u.months()
	// Day 0 of the next month is the last day of this one.
	return pipeline.DateOf(time.Date(u.year, m+1, 0, 0, 0, 0, 0, time.UTC))
}

// buckets splits from..to into calendar units of g, in order; the first
// and last are clipped to the period but keep their calendar label.
func buckets(g pipeline.Granularity, from, to pipeline.Date) []pipeline.Bucket {
	var bs []pipeline.Bucket
	for d := from; !d.After(to); {
		u := unitOf(g, d)
		b := pipeline.Bucket{Label: u.label(), From: d, To: u.last()}
		if b.To.After(to) {
			b.To = to
		}
		bs = append(bs, b)
		d = b.To.AddDays(1)
	}
	return bs
}
