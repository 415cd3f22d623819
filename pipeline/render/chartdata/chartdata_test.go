package chartdata

import (
	"fmt"
	"strings"
	"testing"

	"coopreport/pipeline"
)

func dec(s string) pipeline.Decimal {
	d, err := pipeline.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

func report() *pipeline.Report {
	ru := pipeline.Country{Code: "RU", Name: "Russia"}
	cn := pipeline.Country{Code: "CN", Name: "China"}
	kw := pipeline.Country{Code: "KW", Name: "Kuwait"}
	return &pipeline.Report{
		Currency: "MNT",
		Period: pipeline.Period{Label: "2025-Q3", By: pipeline.ByMonth, Buckets: []pipeline.Bucket{
			{Label: "2025-07"}, {Label: "2025-08"}, {Label: "2025-09"}}},
		Grand: pipeline.Counts{Activities: 7},
		Totals: []pipeline.SummaryRow{
			{Country: cn, Counts: pipeline.Counts{Activities: 3}},
			{Country: kw, Counts: pipeline.Counts{InForce: 1}},
			{Country: ru, Counts: pipeline.Counts{Activities: 3}},
			{Counts: pipeline.Counts{Activities: 1}},
		},
		Summary: []pipeline.SummaryRow{
			{Bucket: "2025-07", Country: cn, Counts: pipeline.Counts{Signed: 1, InForce: 2}},
			{Bucket: "2025-07", Country: ru, Counts: pipeline.Counts{InForce: 1}},
			{Bucket: "2025-09", Country: ru, Counts: pipeline.Counts{Signed: 1, InForce: 1}},
		},
		Finance: []pipeline.FinanceRow{
			{Bucket: "2025-07", Country: cn, Currency: "CNY", Amount: dec("100"), Reporting: dec("47000.00"), Converted: true},
			{Bucket: "2025-07", Country: ru, Currency: "MNT", Amount: dec("0.50"), Reporting: dec("0.50"), Converted: true},
			{Bucket: "2025-08", Country: kw, Currency: "KWD", Amount: dec("1.250")},
			{Bucket: "2025-09", Country: ru, Currency: "USD", Amount: dec("10")},
			{Bucket: "2025-09", Country: ru, Currency: "MNT", Amount: dec("3"), Reporting: dec("3.00"), Converted: true},
		},
	}
}

func TestActivitiesByCountry(t *testing.T) {
	many := report()
	for i := range 30 {
		many.Totals = append(many.Totals, pipeline.SummaryRow{Country: pipeline.Country{Code: fmt.Sprint(i), Name: fmt.Sprintf("Land %02d", i)}, Counts: pipeline.Counts{Activities: 2}})
	}
	tests := []struct {
		name string
		r    *pipeline.Report
		want string
	}{
		{"the most first, then by name; none left out", report(), "China 3, Russia 3, Multilateral 1; 7 in all"},
		{"the rest summed up in the last bar", many, "China 3, Russia 3, Land 00 2, Land 01 2, Land 02 2, Land 03 2, Land 04 2, Land 05 2, Land 06 2, Land 07 2, " +
			"Land 08 2, Land 09 2, Land 10 2, Land 11 2, Land 12 2, Land 13 2, Land 14 2, Land 15 2, Land 16 2, Land 17 2, Land 18 2, Land 19 2, " +
			"Land 20 2, Land 21 2, Land 22 2, Land 23 2, Land 24 2, Other partners (6) 11; 7 in all"},
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
	noCurrency.Currency = ""
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
