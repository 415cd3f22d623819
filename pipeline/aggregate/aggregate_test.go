package aggregate

import (
	"testing"
	"time"

	"coopreport/pipeline"
)

func d(y int, m time.Month, day int) pipeline.Date { return pipeline.Date{Year: y, Month: m, Day: day} }

func dec(t *testing.T, s string) pipeline.Decimal {
	t.Helper()
	x, err := pipeline.ParseDecimal(s)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// twoYears is 2014..2015 by year.
var twoYears = pipeline.Period{
	Label: "2014..2015", From: d(2014, 1, 1), To: d(2015, 12, 31), By: pipeline.ByYear,
	Buckets: []pipeline.Bucket{
		{Label: "2014", From: d(2014, 1, 1), To: d(2014, 12, 31)},
		{Label: "2015", From: d(2015, 1, 1), To: d(2015, 12, 31)},
	},
}

var (
	russia = pipeline.Country{Code: "RU", Alpha3: "RUS", Name: "Russia"}
	japan  = pipeline.Country{Code: "JP", Alpha3: "JPN", Name: "Japan"}
	korea  = pipeline.Country{Code: "KR", Alpha3: "KOR", Name: "South Korea"}
)

func TestAgreements(t *testing.T) {
	agg := New(&twoYears, pipeline.NewRates("", nil))
	for _, ag := range []pipeline.Agreement{
		{ID: "open", Country: russia, Signed: d(2010, 5, 1), ValidFrom: d(2010, 5, 1)},                            // in force in both years
		{ID: "ended", Country: russia, Signed: d(2014, 3, 1), ValidFrom: d(2014, 3, 1), ValidTo: d(2014, 12, 31)}, // signed and in force 2014 only
		{ID: "future", Country: korea, Signed: d(2015, 6, 1), ValidFrom: d(2016, 1, 1)},                           // signed in 2015, never in force in the period
		{ID: "treaty", Country: pipeline.Country{}, Signed: d(2015, 9, 23), ValidFrom: d(2015, 9, 23)},
	} {
		agg.AddAgreement(&ag)
	}
	var r pipeline.Report
	if err := agg.Fill(&r); err != nil {
		t.Fatal(err)
	}

	want := []pipeline.SummaryRow{
		{Bucket: "2014", Country: russia, Counts: pipeline.Counts{Signed: 1, InForce: 2}},
		{Bucket: "2015", Country: russia, Counts: pipeline.Counts{InForce: 1}},
		{Bucket: "2015", Country: korea, Counts: pipeline.Counts{Signed: 1}},
		{Bucket: "2015", Country: pipeline.Country{}, Counts: pipeline.Counts{Signed: 1, InForce: 1}},
	}
	if len(r.Summary) != len(want) {
		t.Fatalf("summary = %+v, want %+v", r.Summary, want)
	}
	for i := range want {
		if r.Summary[i] != want[i] {
			t.Errorf("summary[%d] = %+v, want %+v", i, r.Summary[i], want[i])
		}
	}
	wantTotals := []pipeline.SummaryRow{
		{Bucket: "2014..2015", Country: russia, Counts: pipeline.Counts{Signed: 1, InForce: 2}},
		{Bucket: "2014..2015", Country: korea, Counts: pipeline.Counts{Signed: 1}},
		{Bucket: "2014..2015", Country: pipeline.Country{}, Counts: pipeline.Counts{Signed: 1, InForce: 1}},
	}
	// Totals are ordered by name, multilateral last: Russia before South Korea.
	for i := range wantTotals {
		if i >= len(r.Totals) || r.Totals[i] != wantTotals[i] {
			t.Fatalf("totals = %+v, want %+v", r.Totals, wantTotals)
		}
	}
	// Korea's agreement was signed but never in force, and multilateral is
	// not a country: one partner country.
	if len(r.Countries) != 1 || r.Countries[0] != russia {
		t.Errorf("countries = %+v, want [Russia]", r.Countries)
	}
}

func TestMoney(t *testing.T) {
	rates := pipeline.NewRates("MNT", []pipeline.Rate{
		{Currency: "USD", Base: "MNT", Span: pipeline.RateSpan{Label: "2014", From: d(2014, 1, 1), To: d(2014, 12, 31)}, Rate: dec(t, "1818.5")},
		{Currency: "USD", Base: "MNT", Span: pipeline.RateSpan{Label: "2014-Q3", From: d(2014, 7, 1), To: d(2014, 9, 30)}, Rate: dec(t, "1850")},
	})
	agg := New(&twoYears, rates)
	add := func(id string, c pipeline.Country, date pipeline.Date, amount, cur string, people int64) {
		t.Helper()
		ac := pipeline.Activity{ID: id, Country: c, Date: date, Participants: people}
		if amount != "" {
			ac.Amount = &pipeline.Money{Amount: dec(t, amount), Currency: cur}
		}
		if err := agg.AddActivity(&ac); err != nil {
			t.Fatal(err)
		}
	}
	add("a", japan, d(2014, 2, 1), "0.10", "USD", 3)        // year rate: 181.85
	add("b", japan, d(2014, 8, 1), "0.20", "USD", 4)        // quarter rate wins: 370.00
	add("c", japan, d(2014, 8, 2), "1000000.005", "MNT", 0) // rate 1, rounded to 1000000.01
	add("d", japan, d(2015, 1, 1), "5", "USD", 1)           // no rate for 2015
	add("e", russia, d(2013, 1, 1), "7", "USD", 9)          // outside the period: not counted
	add("f", russia, d(2015, 3, 1), "", "", 2)              // no money

	var r pipeline.Report
	if err := agg.Fill(&r); err != nil {
		t.Fatal(err)
	}

	type row struct{ bucket, country, cur, amount, rate, reporting string }
	got := func(rows []pipeline.FinanceRow) (out []row) {
		for _, f := range rows {
			rate, rep := "", ""
			if f.RateKnown {
				rate = f.Rate.String()
			}
			if f.Converted {
				rep = f.Reporting.String()
			}
			out = append(out, row{f.Bucket, f.Country.Code, f.Currency, f.Amount.String(), rate, rep})
		}
		return out
	}
	wantFinance := []row{
		{"2014", "JP", "MNT", "1000000.005", "1", "1000000.01"},
		{"2014", "JP", "USD", "0.30", "", "551.85"}, // two different rates: no single rate
		{"2015", "JP", "USD", "5", "", ""},          // no rate: not converted, never guessed
	}
	if g := got(r.Finance); len(g) != len(wantFinance) {
		t.Fatalf("finance = %+v, want %+v", g, wantFinance)
	} else {
		for i := range g {
			if g[i] != wantFinance[i] {
				t.Errorf("finance[%d] = %+v, want %+v", i, g[i], wantFinance[i])
			}
		}
	}
	wantTotals := []row{
		{"2014..2015", "JP", "MNT", "1000000.005", "1", "1000000.01"},
		{"2014..2015", "JP", "USD", "5.30", "", ""},
	}
	if g := got(r.FinanceTotals); len(g) != 2 || g[0] != wantTotals[0] || g[1] != wantTotals[1] {
		t.Errorf("finance totals = %+v, want %+v", g, wantTotals)
	}
	var people int64
	var n int
	for _, s := range r.Totals {
		people += s.Participants
		n += s.Activities
	}
	if people != 10 || n != 5 {
		t.Errorf("whole period: %d activities with %d participants, want 5 with 10", n, people)
	}
	if r.Grand != (pipeline.Counts{Activities: 5, Participants: 10}) {
		t.Errorf("grand = %+v", r.Grand)
	}
	if g := got(r.GrandMoney); len(g) != 2 || g[1] != (row{"2014..2015", "", "USD", "5.30", "", ""}) {
		t.Errorf("grand money = %+v", g)
	}
}

// The money of each measure is also in US dollars, each amount converted
// at the rates of its date through the base the rates are given in (MNT)
// and rounded to the cent, then added: the current form's "financial
// resources in USD".
func TestMeasureMoneyInUSD(t *testing.T) {
	rate := func(cur, span string, from, to pipeline.Date, r string) pipeline.Rate {
		return pipeline.Rate{Currency: cur, Base: "MNT", Span: pipeline.RateSpan{Label: span, From: from, To: to}, Rate: dec(t, r)}
	}
	r := &pipeline.Report{
		Period: twoYears,
		RateList: []pipeline.Rate{
			rate("USD", "2014", d(2014, 1, 1), d(2014, 12, 31), "1817.94"),
			rate("USD", "2015", d(2015, 1, 1), d(2015, 12, 31), "1970.31"),
			rate("KRW", "2015", d(2015, 1, 1), d(2015, 12, 31), "1.725"),
		},
		Ledger: pipeline.Activities{
			{ID: "a", Date: d(2014, 5, 1), Country: russia, Measure: "M-1", Amount: &pipeline.Money{Amount: dec(t, "1000000"), Currency: "MNT"}},
			{ID: "b", Date: d(2015, 5, 1), Country: korea, Measure: "M-1", Amount: &pipeline.Money{Amount: dec(t, "25000000"), Currency: "KRW"}},
			{ID: "c", Date: d(2015, 6, 1), Country: japan, Measure: "M-1", Amount: &pipeline.Money{Amount: dec(t, "100.50"), Currency: "USD"}},
			{ID: "d", Date: d(2015, 7, 1), Country: japan, Measure: "M-2", Amount: &pipeline.Money{Amount: dec(t, "1000"), Currency: "JPY"}},
			{ID: "e", Date: d(2015, 8, 1), Country: russia, Measure: "M-2", Amount: &pipeline.Money{Amount: dec(t, "1000000"), Currency: "MNT"}},
		},
	}
	if err := Report(r); err != nil {
		t.Fatal(err)
	}
	got := map[[2]string]string{}
	for _, m := range r.MeasureMoney {
		s := m.Amount.String() + " = "
		if m.InUSD {
			s += m.USD.String() + " USD"
		} else {
			s += m.USD.String() + " USD and " + m.Left.String() + " with no rate"
		}
		got[[2]string{m.Measure, m.Currency}] = s
	}
	// 1,000,000 MNT / 1817.94 = 550.07 (550.0677…); 25,000,000 KRW × 1.725
	// / 1970.31 = 21887.42 (21887.418…); 1,000,000 MNT / 1970.31 = 507.53.
	want := map[[2]string]string{
		{"M-1", "KRW"}: "25000000 = 21887.42 USD",
		{"M-1", "MNT"}: "1000000 = 550.07 USD",
		{"M-1", "USD"}: "100.50 = 100.50 USD",
		{"M-2", "JPY"}: "1000 = 0 USD and 1000 with no rate",
		{"M-2", "MNT"}: "1000000 = 507.53 USD",
		{"*", "JPY"}:   "1000 = 0 USD and 1000 with no rate",
		{"*", "KRW"}:   "25000000 = 21887.42 USD",
		{"*", "MNT"}:   "2000000 = 1057.60 USD",
		{"*", "USD"}:   "100.50 = 100.50 USD",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s %s: %s, want %s", k[0], k[1], got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("rows %v", got)
	}
}
