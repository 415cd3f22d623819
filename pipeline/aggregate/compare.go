package aggregate

import (
	"fmt"

	"coopreport/pipeline"
)

// Each bucket of the period beside the bucket of the same length before it
// (this quarter and the last; issue 14): partners gained and lost,
// activities and money up or down. The comparison is made from the
// numbers the aggregator already gave the report (the Summary rows, the
// bucket totals, the money of each bucket), so it adds no pass over the
// ledger; only the bucket before the period, which lies outside the
// period's ledger, takes one (CompareFirst).
//
// A bucket is compared when
//   - it and the bucket before it are whole months, quarters or years
//     (a period of months counted by years may start or end with a part
//     of one: nothing of the same length comes before it);
//   - it has ended by the day the report is made (a quarter half gone
//     would show activities falling);
//   - the data reach back: some activity of the input is dated on or
//     before the last day of the bucket before it. An activities register
//     kept since 2013 gives 2013 no comparison with 2012, whose zero
//     activities would only mean that nobody recorded them.
//
// Partners are the countries with an agreement in force or an activity
// in the bucket (multilateral is not a country). Money is the bucket's
// money in the reporting currency as the money-by-bucket chart gives it:
// the converted sums of the currencies whose every amount in the bucket
// had an exchange rate; amounts no rate covers are left out.

// side is one bucket of a comparison.
type side struct {
	label      string
	to         pipeline.Date
	whole      bool
	partners   []pipeline.Country // by name
	activities int
	money      pipeline.Decimal
}

// sides are the period's buckets as r's numbers give them.
func sides(r *pipeline.Report) []side {
	p := &r.Period
	out := make([]side, len(p.Buckets))
	at := map[string]int{}
	for i, b := range p.Buckets {
		out[i] = side{label: b.Label, to: b.To, whole: p.Whole(i)}
		at[b.Label] = i
		if i < len(r.BucketTotals) {
			out[i].activities = r.BucketTotals[i].Activities
		}
		if i < len(r.BucketReporting) {
			out[i].money = r.BucketReporting[i]
		}
	}
	for _, s := range r.Summary { // by bucket, then country by name
		if i, ok := at[s.Bucket]; ok && !s.Country.Multilateral() && (s.InForce > 0 || s.Activities > 0) {
			out[i].partners = append(out[i].partners, s.Country)
		}
	}
	return out
}

// compare fills r.Compared. earliest is the date of the earliest activity
// of the input known (zero: none); before is the bucket before the
// period, nil when it is not known.
func compare(r *pipeline.Report, earliest pipeline.Date, before *side) {
	r.Compared = nil
	if earliest.IsZero() {
		return
	}
	var today pipeline.Date
	if !r.Made.IsZero() {
		today = pipeline.DateOf(r.Made)
	}
	all := sides(r)
	for i, s := range all {
		prev := before
		if i > 0 {
			prev = &all[i-1]
		}
		if prev == nil || !prev.whole || !s.whole || earliest.After(prev.to) || !today.IsZero() && !s.to.Before(today) {
			continue
		}
		r.Compared = append(r.Compared, pipeline.BucketComparison{
			Bucket: s.label, Previous: prev.label,
			Gained: minus(s.partners, prev.partners), Lost: minus(prev.partners, s.partners),
			Activities: s.activities, PrevActs: prev.activities,
			Reporting: s.money, PrevReports: prev.money,
			HasMoney: r.Rates != nil && r.Rates.Reporting() != "",
		})
	}
}

// minus is the countries of a that b lacks, in a's order.
func minus(a, b []pipeline.Country) []pipeline.Country {
	in := map[string]bool{}
	for _, c := range b {
		in[c.Code] = true
	}
	var out []pipeline.Country
	for _, c := range a {
		if !in[c.Code] {
			out = append(out, c)
		}
	}
	return out
}

// CompareFirst sets the period's first bucket beside prev, the bucket of
// the same length before it (see period.Before), which the period's ledger
// does not hold: earlier holds the activities dated before the period (as
// many years back as the input goes), and one pass over it counts those
// of prev. The agreements are r's, in memory. When earlier holds no
// activity the data do not reach back, and r.Compared stays as Report
// made it. Call it after Report.
func CompareFirst(r *pipeline.Report, prev pipeline.Bucket, earlier pipeline.Ledger) error {
	if len(r.Period.Buckets) == 0 || earlier == nil || earlier.Len() == 0 {
		return nil
	}
	p := pipeline.Period{Label: prev.Label, From: prev.From, To: prev.To, By: r.Period.By, Buckets: []pipeline.Bucket{prev}}
	a := New(&p, r.Rates)
	for i := range r.Agreements {
		a.AddAgreement(&r.Agreements[i])
	}
	var earliest pipeline.Date
	err := earlier.Each(func(ac *pipeline.Activity) error {
		if earliest.IsZero() || ac.Date.Before(earliest) {
			earliest = ac.Date
		}
		return a.AddActivity(ac)
	})
	if err != nil {
		return err
	}
	if earliest.IsZero() || !earliest.Before(r.Period.From) {
		return fmt.Errorf("the activities before %s given to compare its first bucket start on %s, within the period", r.Period.Label, earliest)
	}
	var pr pipeline.Report
	pr.Period = p
	if err := a.Fill(&pr); err != nil {
		return err
	}
	before := sides(&pr)[0]
	compare(r, earliest, &before)
	return nil
}
