package chartdata

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/aggregate"
)

func dec(s string) pipeline.Decimal {
	d, err := pipeline.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// report is a quarter's report made from records by the aggregator, as
// every run makes it, so that its numbers agree with each other.
func report() *pipeline.Report {
	ru := pipeline.Country{Code: "RU", Name: "Russia"}
	cn := pipeline.Country{Code: "CN", Name: "China"}
	d := func(m, day int) pipeline.Date { return pipeline.Date{Year: 2025, Month: time.Month(m), Day: day} }
	money := func(amount, cur string) *pipeline.Money { return &pipeline.Money{Amount: dec(amount), Currency: cur} }
	r := &pipeline.Report{
		Currency: "MNT",
		Period: pipeline.Period{Label: "2025-Q3", From: d(7, 1), To: d(9, 30), By: pipeline.ByMonth, Buckets: []pipeline.Bucket{
			{Label: "2025-07", From: d(7, 1), To: d(7, 31)}, {Label: "2025-08", From: d(8, 1), To: d(8, 31)}, {Label: "2025-09", From: d(9, 1), To: d(9, 30)}}},
		RateList: []pipeline.Rate{{Currency: "CNY", Base: "MNT", Span: pipeline.RateSpan{Label: "2025-07", From: d(7, 1), To: d(7, 31)}, Rate: dec("470")}},
		Agreements: []pipeline.Agreement{
			{ID: "A1", Country: cn, Signed: d(7, 5), ValidFrom: d(7, 5), ValidTo: d(7, 31)},
			{ID: "A2", Country: cn, Signed: pipeline.Date{Year: 2024, Month: 1, Day: 1}, ValidFrom: pipeline.Date{Year: 2024, Month: 1, Day: 1}, ValidTo: d(7, 20)},
			{ID: "A3", Country: ru, Signed: pipeline.Date{Year: 2020, Month: 1, Day: 1}, ValidFrom: pipeline.Date{Year: 2020, Month: 1, Day: 1}, ValidTo: d(7, 15)},
			{ID: "A4", Country: ru, Signed: d(9, 10), ValidFrom: d(9, 10)},
		},
		Ledger: pipeline.Activities{
			{ID: "1", Date: d(7, 10), Country: cn, Amount: money("100", "CNY")},
			{ID: "2", Date: d(7, 11), Country: ru, Amount: money("0.50", "MNT")},
			{ID: "3", Date: d(7, 12), Country: cn},
			{ID: "4", Date: d(8, 5), Amount: money("1.250", "KWD")}, // multilateral
			{ID: "5", Date: d(9, 1), Country: ru, Amount: money("10", "USD")},
			{ID: "6", Date: d(9, 2), Country: ru, Amount: money("3", "MNT")},
			{ID: "7", Date: d(9, 3), Country: cn},
		},
	}
	if err := aggregate.Report(r); err != nil {
		panic(err)
	}
	return r
}

func TestActivitiesByCountry(t *testing.T) {
	many := report()
	acts := many.Ledger.(pipeline.Activities)
	for i := range 30 {
		c := pipeline.Country{Code: fmt.Sprintf("L%02d", i), Name: fmt.Sprintf("Land %02d", i)}
		acts = append(acts, pipeline.Activity{Date: pipeline.Date{Year: 2025, Month: 8, Day: 1}, Country: c}, pipeline.Activity{Date: pipeline.Date{Year: 2025, Month: 8, Day: 2}, Country: c})
	}
	many.Ledger = acts
	if err := aggregate.Report(many); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		r    *pipeline.Report
		want string
	}{
		{"the most first, then by name; none left out", report(), "China 3, Russia 3, Multilateral 1; 7 in all"},
		{"the rest summed up in the last bar", many, "China 3, Russia 3, Land 00 2, Land 01 2, Land 02 2, Land 03 2, Land 04 2, Land 05 2, Land 06 2, Land 07 2, " +
			"Land 08 2, Land 09 2, Land 10 2, Land 11 2, Land 12 2, Land 13 2, Land 14 2, Land 15 2, Land 16 2, Land 17 2, Land 18 2, Land 19 2, " +
			"Land 20 2, Land 21 2, Land 22 2, Land 23 2, Land 24 2, Other partners (6) 11; 67 in all"},
		{"no activities", &pipeline.Report{}, "; 0 in all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ActivitiesByCountry(tt.r)
			var bars []string
			for _, b := range a.Bars {
				bars = append(bars, fmt.Sprintf("%s %d", b.Label, b.Activities))
			}
			if got := fmt.Sprintf("%s; %d in all", strings.Join(bars, ", "), a.Total); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if len(a.Bars) > MaxBars {
				t.Errorf("%d bars", len(a.Bars))
			}
		})
	}
}

func TestAgreementsTimeline(t *testing.T) {
	tl := AgreementsTimeline(report())
	if got := fmt.Sprintf("%s %v %v %v", tl.By, tl.Buckets, tl.InForce, tl.Signed); got != "month [2025-07 2025-08 2025-09] [3 0 1] [1 0 1]" {
		t.Errorf("got %s", got)
	}
}

func TestMoneyByBucket(t *testing.T) {
	noCurrency := report()
	noCurrency.Currency, noCurrency.Rates = "", nil
	if err := aggregate.Report(noCurrency); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		r    *pipeline.Report
		want string
	}{
		{"converted, with what is left out", report(), "MNT: 47000.50 0 3.00; Not included: amounts in KWD, USD that no exchange rate to MNT covers."},
		{"no reporting currency: each currency apart", noCurrency, "CNY: 100 0 0 | KWD: 0 1.250 0 | MNT: 0.50 0 3 | USD: 0 0 10; "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := MoneyByBucket(tt.r)
			if err != nil {
				t.Fatal(err)
			}
			var series []string
			for _, s := range m.Series {
				var sums []string
				for _, d := range s.Sums {
					sums = append(sums, d.String())
				}
				series = append(series, s.Currency+": "+strings.Join(sums, " "))
			}
			if got := strings.Join(series, " | ") + "; " + m.Note(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
