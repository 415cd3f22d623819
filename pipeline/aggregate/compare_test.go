package aggregate

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/period"
)

// year2025 is 2025 by quarter, made on 15 November 2025: the fourth
// quarter has not ended.
func year2025(t *testing.T) *pipeline.Report {
	t.Helper()
	spec, err := period.Parse("2025", pipeline.Date{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := spec.Resolve(pipeline.ByQuarter, pipeline.Date{}, pipeline.Date{})
	if err != nil {
		t.Fatal(err)
	}
	act := func(id string, date pipeline.Date, c pipeline.Country, amount, cur string) pipeline.Activity {
		a := pipeline.Activity{ID: id, Date: date, Country: c, Participants: 1}
		if amount != "" {
			a.Amount = &pipeline.Money{Amount: dec(t, amount), Currency: cur}
		}
		return a
	}
	return &pipeline.Report{
		Currency: "MNT", Period: p, Made: time.Date(2025, 11, 15, 9, 0, 0, 0, time.UTC),
		RateList: []pipeline.Rate{{Currency: "USD", Base: "MNT", Span: pipeline.RateSpan{Label: "2025", From: d(2025, 1, 1), To: d(2025, 12, 31)}, Rate: dec(t, "3500")}},
		Agreements: []pipeline.Agreement{
			{ID: "ru", Country: russia, Signed: d(2010, 1, 1), ValidFrom: d(2010, 1, 1)},                                                                  // all along
			{ID: "jp", Country: japan, Signed: d(2020, 1, 1), ValidFrom: d(2020, 1, 1), ValidTo: d(2025, 5, 31)},                                          // lost in Q3
			{ID: "kr", Country: korea, Signed: d(2025, 8, 1), ValidFrom: d(2025, 8, 1)},                                                                   // gained in Q3
			{ID: "un", Country: pipeline.Country{}, Signed: d(2025, 8, 1), ValidFrom: d(2025, 8, 1)},                                                      // multilateral: not a partner
			{ID: "old", Country: pipeline.Country{Code: "FR", Name: "France"}, Signed: d(2000, 1, 1), ValidFrom: d(2000, 1, 1), ValidTo: d(2024, 12, 31)}, // ended before the period
		},
		Ledger: pipeline.Activities{
			act("a1", d(2025, 4, 10), russia, "1000000", "MNT"),
			act("a2", d(2025, 5, 10), japan, "100", "USD"), // 350,000 MNT
			act("a3", d(2025, 6, 10), russia, "", ""),
			act("a4", d(2025, 8, 10), korea, "2000000", "MNT"),
			act("a5", d(2025, 9, 10), pipeline.Country{}, "500", "EUR"), // no rate: left out of the money
			act("a6", d(2025, 10, 10), russia, "1", "MNT"),
		},
	}
}

// compared writes r.Compared one line a comparison.
func compared(r *pipeline.Report) string {
	names := func(cs []pipeline.Country) string {
		var s []string
		for _, c := range cs {
			s = append(s, c.Name)
		}
		return "[" + strings.Join(s, " ") + "]"
	}
	var b strings.Builder
	for _, c := range r.Compared {
		fmt.Fprintf(&b, "%s/%s gained %s lost %s activities %d → %d money %s → %s %v\n", c.Bucket, c.Previous,
			names(c.Gained), names(c.Lost), c.PrevActs, c.Activities, c.PrevReports, c.Reporting, c.HasMoney)
	}
	return b.String()
}

func TestCompareWithinPeriod(t *testing.T) {
	r := year2025(t)
	if err := Report(r); err != nil {
		t.Fatal(err)
	}
	// Q2 has no comparison: the activities start in Q2, so Q1's zero would
	// only mean nobody recorded them. Q4 has not ended on 15 November.
	// Q3: Korea gained (agreement and activity), Japan lost (its agreement
	// ended in May), the multilateral agreement is no partner; activities
	// 3 → 2 (down), money 1,350,000 → 2,000,000 MNT (up; the EUR amount has
	// no rate and is left out).
	want := "2025-Q3/2025-Q2 gained [South Korea] lost [Japan] activities 3 → 2 money 1350000.00 → 2000000.00 true\n"
	if got := compared(r); got != want {
		t.Errorf("compared =\n%swant\n%s", got, want)
	}

	// Made after the year's end, Q4 is compared too: activities and money
	// down, Korea kept by its agreement.
	r = year2025(t)
	r.Made = time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	if err := Report(r); err != nil {
		t.Fatal(err)
	}
	want += "2025-Q4/2025-Q3 gained [] lost [] activities 2 → 1 money 2000000.00 → 1.00 true\n"
	if got := compared(r); got != want {
		t.Errorf("made in 2026, compared =\n%swant\n%s", got, want)
	}

	// Without a reporting currency there is no money to compare.
	r = year2025(t)
	r.Currency = ""
	if err := Report(r); err != nil {
		t.Fatal(err)
	}
	if len(r.Compared) != 1 || r.Compared[0].HasMoney || !r.Compared[0].Reporting.IsZero() {
		t.Errorf("without a currency, compared = %s", compared(r))
	}
}

func TestCompareFirst(t *testing.T) {
	prev, ok := period.Before(year2025(t).Period)
	if !ok || prev.Label != "2024-Q4" {
		t.Fatalf("period.Before = %+v, %v; want 2024-Q4", prev, ok)
	}
	tests := []struct {
		name    string
		earlier pipeline.Activities
		want    string // the lines before Q3's
	}{
		{"no data before the period", nil, ""},
		{"data before, none in the bucket before", pipeline.Activities{{ID: "z", Date: d(2023, 3, 1), Country: korea}},
			// Q1 beside 2024-Q4: France's agreement ended on 31 December
			// 2024 (lost), Russia and Japan held by their agreements, no
			// activity in either; Q2 is compared now that the data reach
			// back before it.
			"2025-Q1/2024-Q4 gained [] lost [France] activities 0 → 0 money 0 → 0 true\n" +
				"2025-Q2/2025-Q1 gained [] lost [] activities 0 → 3 money 0 → 1350000.00 true\n"},
		{"data in the bucket before", pipeline.Activities{
			{ID: "y", Date: d(2023, 3, 1), Country: korea},
			{ID: "x", Date: d(2024, 11, 5), Country: korea, Amount: &pipeline.Money{Amount: dec(t, "20"), Currency: "USD"}},
			{ID: "w", Date: d(2024, 12, 5), Country: pipeline.Country{Code: "FR", Name: "France"}},
		},
			// France (agreement and activity in December) and Korea (an
			// activity in November) lost; activities down.
			// 20 USD has no rate in 2024: no money.
			"2025-Q1/2024-Q4 gained [] lost [France South Korea] activities 2 → 0 money 0 → 0 true\n" +
				"2025-Q2/2025-Q1 gained [] lost [] activities 0 → 3 money 0 → 1350000.00 true\n"},
	}
	q3 := "2025-Q3/2025-Q2 gained [South Korea] lost [Japan] activities 3 → 2 money 1350000.00 → 2000000.00 true\n"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := year2025(t)
			if err := Report(r); err != nil {
				t.Fatal(err)
			}
			if err := CompareFirst(r, prev, tt.earlier); err != nil {
				t.Fatal(err)
			}
			if got := compared(r); got != tt.want+q3 {
				t.Errorf("compared =\n%swant\n%s", got, tt.want+q3)
			}
		})
	}

	// Activities within the period are not "earlier": a caller's mistake.
	r := year2025(t)
	if err := Report(r); err != nil {
		t.Fatal(err)
	}
	if err := CompareFirst(r, prev, pipeline.Activities{{ID: "q", Date: d(2025, 2, 1), Country: korea}}); err == nil {
		t.Error("CompareFirst took activities of the period as earlier ones")
	}
}

// A period of months counted by years starts and ends with parts of
// years: nothing of the same length comes before them.
func TestCompareCutBuckets(t *testing.T) {
	spec, err := period.Parse("2024-07..2025-06", pipeline.Date{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := spec.Resolve(pipeline.ByYear, pipeline.Date{}, pipeline.Date{})
	if err != nil {
		t.Fatal(err)
	}
	r := &pipeline.Report{Period: p, Ledger: pipeline.Activities{
		{ID: "a", Date: d(2024, 8, 1), Country: russia}, {ID: "b", Date: d(2025, 2, 1), Country: japan}}}
	if err := Report(r); err != nil {
		t.Fatal(err)
	}
	if len(r.Compared) != 0 {
		t.Errorf("compared = %s; want nothing", compared(r))
	}
	if b, ok := period.Before(p); ok {
		t.Errorf("period.Before = %+v; want none", b)
	}
}
