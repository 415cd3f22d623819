package pipeline

import "sort"

// Granularity of the buckets inside a reporting period.
type Granularity string

const (
	ByMonth   Granularity = "month"
	ByQuarter Granularity = "quarter"
	ByYear    Granularity = "year"
)

// Bucket is one column of the report: a month, a quarter or a year,
// labelled as the output contract writes it ("2025-10", "2025-Q3", "2025").
type Bucket struct {
	Label    string
	From, To Date // inclusive
}

// Period is what a run reports on: whole days From..To (inclusive),
// split into Buckets that cover it exactly, in order.
type Period struct {
	Label   string // as the user wrote it, relative forms resolved: "2025-10", "2012..2015"; it names the output folder
	Name    string // in words: "October 2025", "2012–2015", "third quarter of 2024", "July 2024 – June 2025"
	From    Date
	To      Date
	By      Granularity
	Buckets []Bucket
}

// Contains reports whether d falls within the period.
func (p *Period) Contains(d Date) bool { return !d.Before(p.From) && !d.After(p.To) }

// Bucket returns the index of the bucket d falls in, or -1.
func (p *Period) Bucket(d Date) int {
	if !p.Contains(d) {
		return -1
	}
	i := sort.Search(len(p.Buckets), func(i int) bool { return !p.Buckets[i].To.Before(d) })
	return i
}

// Whole reports whether bucket i is a whole month, quarter or year of
// p.By: the first and last buckets of a period of months counted by
// quarters or years may be cut short, and then no bucket of the same
// length comes before or after them.
func (p *Period) Whole(i int) bool {
	b := p.Buckets[i]
	if b.From.Day != 1 || b.To.AddDays(1).Day != 1 {
		return false
	}
	// A bucket never spans two units: its first and last months say it all.
	switch p.By {
	case ByQuarter:
		return b.From.Month%3 == 1 && b.To.Month%3 == 0
	case ByYear:
		return b.From.Month == 1 && b.To.Month == 12
	}
	return true
}
