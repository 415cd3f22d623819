package aggregate_test

import (
	"testing"

	"coopreport/pipeline"
	"coopreport/pipeline/gen"
)

// The writers add nothing up (they format what the report holds), so the
// report's totals must agree with its rows: over buckets, countries and
// currencies, on a generated year of 20,000 activities in a dozen
// currencies, with rates that leave some amounts unconverted.
func TestTotalsAgreeWithRows(t *testing.T) {
	r, err := gen.Report(20000, 7)
	if err != nil {
		t.Fatal(err)
	}
	add := func(to *pipeline.Decimal, d pipeline.Decimal) {
		var err error
		if *to, err = to.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	type key struct{ bucket, country, currency string }
	// Counts: Summary rows → BucketTotals and Totals → Grand.
	byBucket := map[string]pipeline.Counts{}
	byCountry := map[string]pipeline.Counts{}
	for _, s := range r.Summary {
		b := byBucket[s.Bucket]
		b.Signed, b.InForce, b.Activities, b.Participants = b.Signed+s.Signed, b.InForce+s.InForce, b.Activities+s.Activities, b.Participants+s.Participants
		byBucket[s.Bucket] = b
		c := byCountry[s.Country.Code]
		c.Signed, c.Activities, c.Participants = c.Signed+s.Signed, c.Activities+s.Activities, c.Participants+s.Participants
		byCountry[s.Country.Code] = c
	}
	if len(r.BucketTotals) != len(r.Period.Buckets) {
		t.Fatalf("%d bucket totals for %d buckets", len(r.BucketTotals), len(r.Period.Buckets))
	}
	for _, b := range r.BucketTotals {
		if b.Counts != byBucket[b.Bucket] {
			t.Errorf("bucket %s: totals %+v, rows add up to %+v", b.Bucket, b.Counts, byBucket[b.Bucket])
		}
	}
	var grand pipeline.Counts
	for _, tot := range r.Totals {
		got := byCountry[tot.Country.Code]
		if got.Signed != tot.Signed || got.Activities != tot.Activities || got.Participants != tot.Participants {
			t.Errorf("%s: whole period %+v, bucket rows add up to %+v", tot.Country.Label(), tot.Counts, got)
		}
		grand.Signed, grand.InForce, grand.Activities, grand.Participants = grand.Signed+tot.Signed, grand.InForce+tot.InForce, grand.Activities+tot.Activities, grand.Participants+tot.Participants
	}
	if grand != r.Grand || r.Grand.Activities != r.Ledger.Len() {
		t.Errorf("grand %+v, countries add up to %+v, ledger %d", r.Grand, grand, r.Ledger.Len())
	}
	// Money: Finance rows → BucketMoney, FinanceTotals → GrandMoney.
	amounts := map[key]pipeline.Decimal{}
	converted := map[key]bool{}
	for _, f := range r.Finance {
		for _, k := range []key{{f.Bucket, "*", f.Currency}, {"", f.Country.Code, f.Currency}} {
			a := amounts[k]
			add(&a, f.Amount)
			amounts[k] = a
		}
	}
	for _, f := range r.FinanceTotals {
		if a := amounts[key{"", f.Country.Code, f.Currency}]; a.Cmp(f.Amount) != 0 {
			t.Errorf("%s %s: whole period %s, bucket rows %s", f.Country.Label(), f.Currency, f.Amount, a)
		}
		a := amounts[key{"", "", f.Currency + "!"}]
		add(&a, f.Amount)
		amounts[key{"", "", f.Currency + "!"}] = a
	}
	for _, g := range r.GrandMoney {
		if a := amounts[key{"", "", g.Currency + "!"}]; a.Cmp(g.Amount) != 0 {
			t.Errorf("%s: grand %s, partners %s", g.Currency, g.Amount, a)
		}
	}
	var partial int
	for i, b := range r.Period.Buckets {
		var sum pipeline.Decimal
		for _, m := range r.BucketMoney {
			if m.Bucket != b.Label {
				continue
			}
			if a := amounts[key{b.Label, "*", m.Currency}]; a.Cmp(m.Amount) != 0 {
				t.Errorf("%s %s: bucket %s, rows %s", b.Label, m.Currency, m.Amount, a)
			}
			if m.Converted {
				add(&sum, m.Reporting)
				converted[key{b.Label, "", m.Currency}] = true
			} else {
				partial++
			}
		}
		if sum.Cmp(r.BucketReporting[i]) != 0 {
			t.Errorf("%s: %s in %s, converted currencies add up to %s", b.Label, r.BucketReporting[i], r.Currency, sum)
		}
	}
	if partial == 0 || len(converted) == 0 {
		t.Errorf("the data should convert some amounts and leave others (%d converted, %d not)", len(converted), partial)
	}
}
