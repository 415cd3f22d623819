package chartdata

import (
	"cmp"
	"slices"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
)

// Names lists the charts a template may place, in the README's order.
var Names = []string{"activities-by-country", "money-by-bucket", "agreements-timeline"}

// MaxBars is the most bars the activities chart has: more partners than
// this are summed up in one "Other partners (N)" bar, the last.
const MaxBars = 28

// Bar is one bar of the activities chart.
type Bar struct {
	Label      string // the partner's short name, "Multilateral", or "Other partners (N)", in the report's language
	Activities int
	Partners   int // the partners the bar sums: 1, or N for "Other partners (N)"
}

// Activities is the activities-by-country chart: the partners with
// activities in the period, the most first (then by name), and the
// period's number of activities.
type Activities struct {
	Bars  []Bar
	Total int
}

// ActivitiesByCountry makes the activities-by-country chart of r.
func ActivitiesByCountry(r *pipeline.Report) Activities {
	a := Activities{Total: r.Grand.Activities}
	for _, t := range r.Totals {
		if t.Activities > 0 {
			a.Bars = append(a.Bars, Bar{Label: label(r, t.Country), Activities: t.Activities, Partners: 1})
		}
	}
	slices.SortStableFunc(a.Bars, func(x, y Bar) int {
		return cmp.Or(cmp.Compare(y.Activities, x.Activities), cmp.Compare(x.Label, y.Label))
	})
	if len(a.Bars) > MaxBars {
		rest := a.Bars[MaxBars-1:]
		other := Bar{Label: words.F(r.Lang, "Other partners (%d)", len(rest)), Partners: len(rest)}
		for _, b := range rest {
			other.Activities += b.Activities
		}
		a.Bars = append(a.Bars[:MaxBars-1], other)
	}
	return a
}

// By is what a bucket of r is called: "month", "quarter", "year", or
// "bucket" when the period does not say.
func By(r *pipeline.Report) string {
	if r.Period.By == "" {
		return "bucket"
	}
	return string(r.Period.By)
}

// buckets returns the bucket labels in order: the period's, or those the
// rows name, first seen first, when the period has none.
func buckets(r *pipeline.Report, rowLabels []string) []string {
	var out []string
	for _, b := range r.Period.Buckets {
		out = append(out, b.Label)
	}
	if len(out) == 0 {
		for _, l := range rowLabels {
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	return out
}

// Timeline is the agreements-timeline chart: per bucket, the agreements
// in force on at least one of its days and those signed in it.
type Timeline struct {
	By      string
	Buckets []string
	InForce []int
	Signed  []int
}

// AgreementsTimeline makes the agreements-timeline chart of r.
func AgreementsTimeline(r *pipeline.Report) Timeline {
	var labels []string
	for _, s := range r.Summary {
		labels = append(labels, s.Bucket)
	}
	t := Timeline{By: By(r), Buckets: buckets(r, labels)}
	t.InForce = make([]int, len(t.Buckets))
	t.Signed = make([]int, len(t.Buckets))
	// Each agreement has one partner (or none: multilateral), so the sum
	// over the countries of a bucket counts each agreement once.
	for _, s := range r.Summary {
		if i := slices.Index(t.Buckets, s.Bucket); i >= 0 {
			t.InForce[i] += s.InForce
			t.Signed[i] += s.Signed
		}
	}
	return t
}

// Money is the money-by-bucket chart. With a reporting currency it has
// one series, the converted sums per bucket; amounts no rate covers are
// left out, and Left names their currencies. Without one, the currencies
// cannot be added up: one series per currency, not converted.
type Money struct {
	By        string
	Buckets   []string
	Reporting string // the reporting currency; "" when none is set
	Series    []MoneySeries
	Left      []string  // currencies of amounts left out, sorted
	Lang      lang.Lang // the language of Note
}

// MoneySeries is the sums of one currency per bucket.
type MoneySeries struct {
	Currency string
	Sums     []pipeline.Decimal
}

// Note says what the chart leaves out: "Not included: amounts in KWD
// that no exchange rate to MNT covers."; "" when it leaves nothing out.
func (m Money) Note() string {
	if len(m.Left) == 0 {
		return ""
	}
	return words.F(m.Lang, "Not included: amounts in %s that no exchange rate to %s covers.", strings.Join(m.Left, ", "), m.Reporting)
}

// MoneyByBucket makes the money-by-bucket chart of r. It fails only when
// a sum would overflow.
func MoneyByBucket(r *pipeline.Report) (Money, error) {
	var labels []string
	for _, f := range r.BucketMoney {
		labels = append(labels, f.Bucket)
	}
	m := Money{By: By(r), Buckets: buckets(r, labels), Reporting: r.Currency, Lang: r.Lang}
	at := map[string]int{} // bucket label → index in r.Period.Buckets
	for i, b := range r.Period.Buckets {
		at[b.Label] = i
	}
	if m.Reporting != "" {
		s := MoneySeries{Currency: m.Reporting, Sums: make([]pipeline.Decimal, len(m.Buckets))}
		for i, label := range m.Buckets {
			if j, ok := at[label]; ok && j < len(r.BucketReporting) {
				s.Sums[i] = r.BucketReporting[j]
			}
		}
		for _, f := range r.BucketMoney {
			if !f.Converted && !slices.Contains(m.Left, f.Currency) {
				m.Left = append(m.Left, f.Currency)
			}
		}
		slices.Sort(m.Left)
		m.Series = []MoneySeries{s}
		return m, nil
	}
	var codes []string
	for _, f := range r.BucketMoney {
		if !slices.Contains(codes, f.Currency) {
			codes = append(codes, f.Currency)
		}
	}
	slices.Sort(codes)
	for _, code := range codes {
		s := MoneySeries{Currency: code, Sums: make([]pipeline.Decimal, len(m.Buckets))}
		for _, f := range r.BucketMoney {
			if i := slices.Index(m.Buckets, f.Bucket); i >= 0 && f.Currency == code {
				s.Sums[i] = f.Amount
			}
		}
		m.Series = append(m.Series, s)
	}
	return m, nil
}
