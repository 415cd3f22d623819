package xlsx

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/aggregate"
)

func day(y int, m time.Month, d int) pipeline.Date { return pipeline.Date{Year: y, Month: m, Day: d} }

func dec(t testing.TB, s string) pipeline.Decimal {
	t.Helper()
	d, err := pipeline.ParseDecimal(s)
	if err != nil {
		t.Fatalf("ParseDecimal(%q): %v", s, err)
	}
	return d
}

var (
	russia = pipeline.Country{Code: "RU", Alpha3: "RUS", Name: "Russia", LongName: "Russian Federation"}
	japan  = pipeline.Country{Code: "JP", Alpha3: "JPN", Name: "Japan", LongName: "Japan"}
	kuwait = pipeline.Country{Code: "KW", Alpha3: "KWT", Name: "Kuwait", LongName: "State of Kuwait"}
	multi  = pipeline.Country{}
)

const hostileTitle = `=HYPERLINK("http://x","y")`

// year2025 is 2025 by quarters.
func year2025() pipeline.Period {
	p := pipeline.Period{Label: "2025", From: day(2025, 1, 1), To: day(2025, 12, 31), By: pipeline.ByQuarter}
	for n := 1; n <= 4; n++ {
		from := day(2025, time.Month(3*n-2), 1)
		to := pipeline.DateOf(from.Time().AddDate(0, 3, -1))
		p.Buckets = append(p.Buckets, pipeline.Bucket{Label: fmt.Sprintf("2025-Q%d", n), From: from, To: to})
	}
	return p
}

func money(t testing.TB, amount, cur string) *pipeline.Money {
	return &pipeline.Money{Amount: dec(t, amount), Currency: cur}
}

// testReport is a small year by quarters in MNT, with amounts in MNT,
// JPY (two rates, a month's winning over the year's), KWD and USD (no
// rate), Cyrillic text, ids with leading zeros and hostile cell text. Its
// numbers are the aggregator's, checked against counts written out by
// hand.
func testReport(t testing.TB) *pipeline.Report {
	rates := []pipeline.Rate{
		{Currency: "JPY", Base: "MNT", Span: pipeline.RateSpan{Label: "2025", From: day(2025, 1, 1), To: day(2025, 12, 31)}, Rate: dec(t, "23.5")},
		{Currency: "JPY", Base: "MNT", Span: pipeline.RateSpan{Label: "2025-03", From: day(2025, 3, 1), To: day(2025, 3, 31)}, Rate: dec(t, "24")},
		{Currency: "KWD", Base: "MNT", Span: pipeline.RateSpan{Label: "2025-Q2", From: day(2025, 4, 1), To: day(2025, 6, 30)}, Rate: dec(t, "11000.125")},
	}
	r := &pipeline.Report{
		Party: "Mongolia", Title: hostileTitle, Currency: "MNT", Version: "v0.1.0-test",
		Made:   time.Date(2026, 1, 15, 8, 30, 0, 0, time.FixedZone("ULAT", 8*3600)),
		Period: year2025(),
		Rates:  pipeline.NewRates("MNT", rates), RateList: rates,
		AgreementColumns: []string{"Файл ссылки"},
		ActivityColumns:  []string{"Бюджет код"},
		Countries:        []pipeline.Country{japan, kuwait, russia},
	}
	r.Agreements = []pipeline.Agreement{
		{Pos: pipeline.Pos{File: "agreements.xlsx", Sheet: "Гэрээ", Row: 3}, ID: "007", Country: russia,
			Partner: "Министерство культуры РФ", Sector: pipeline.Governmental, Instrument: pipeline.InstrumentAgreement,
			Title: "Соглашение о культурном сотрудничестве", Signed: day(2024, 6, 1), ValidFrom: day(2024, 6, 1),
			Extra: []pipeline.Field{{Name: "Файл ссылки", Value: "=cmd|' /C calc'!A0"}}},
		{Pos: pipeline.Pos{File: "agreements.xlsx", Sheet: "Гэрээ", Row: 4}, ID: "AG-2", Country: japan, Region: "Osaka",
			Sector: pipeline.NonGovernmental, Instrument: pipeline.InstrumentMoU, Title: "Museum exchange",
			Signed: day(2025, 4, 10), ValidFrom: day(2025, 4, 10), ValidTo: day(2025, 9, 30)},
		{Pos: pipeline.Pos{File: "agreements.xlsx", Sheet: "Гэрээ", Row: 5}, ID: "AG-3", Country: kuwait,
			Instrument: pipeline.InstrumentPlan, Title: "Plan 2020–2024", Signed: day(2020, 1, 1), ValidFrom: day(2020, 1, 1),
			ValidTo: day(2024, 12, 31), Status: pipeline.StatusTerminated},
		{Pos: pipeline.Pos{File: "agreements.xlsx", Sheet: "Гэрээ", Row: 6}, ID: "AG-4", Country: multi,
			Instrument: pipeline.InstrumentTreaty, Title: "UNESCO convention", Signed: day(2025, 12, 1), ValidFrom: day(2026, 1, 1)},
	}
	r.Ledger = pipeline.Activities{
		{Pos: pipeline.Pos{File: "activities.csv", Row: 2}, ID: "A-001", Date: day(2025, 2, 10), Country: russia, Agreement: "007",
			Type: pipeline.TypeFestival, Title: "Дни культуры Монголии", Participants: 120, Amount: money(t, "1500000.50", "MNT")},
		{Pos: pipeline.Pos{File: "activities.csv", Row: 3}, ID: "A-002", Date: day(2025, 3, 5), End: day(2025, 3, 9), Country: japan,
			Type: pipeline.TypeExhibition, Title: "Exhibition", Participants: 30, Amount: money(t, "250000", "JPY")},
		{Pos: pipeline.Pos{File: "activities.csv", Row: 4}, ID: "A-003", Date: day(2025, 5, 20), Country: kuwait,
			Type: pipeline.TypeMeeting, Title: "Meeting", Participants: 12, Amount: money(t, "1234.567", "KWD")},
		{Pos: pipeline.Pos{File: "activities.csv", Row: 5}, ID: "A-004", Date: day(2025, 8, 1), Country: multi,
			Type: pipeline.TypeTraining, Title: hostileTitle, Participants: 5, Amount: money(t, "100", "USD")},
		{Pos: pipeline.Pos{File: "activities.csv", Row: 6}, ID: "A-005", Date: day(2025, 8, 15), Country: russia,
			Type: pipeline.TypeStudy, Title: "+1", Notes: "-2", Agency: "@SUM(A1)", Funding: "\tTabbed\r",
			Extra: []pipeline.Field{{Name: "Бюджет код", Value: "007"}}},
		{Pos: pipeline.Pos{File: "activities.csv", Row: 7}, ID: "0042", Date: day(2025, 11, 30), Country: japan,
			Type: pipeline.TypeOther, Title: "Lecture", Participants: 7, Amount: money(t, "1000", "JPY")},
	}
	c := func(signed, inForce, acts int, part int64) pipeline.Counts {
		return pipeline.Counts{Signed: signed, InForce: inForce, Activities: acts, Participants: part}
	}
	wantSummary := []pipeline.SummaryRow{
		{Bucket: "2025-Q1", Country: japan, Counts: c(0, 0, 1, 30)},
		{Bucket: "2025-Q1", Country: russia, Counts: c(0, 1, 1, 120)},
		{Bucket: "2025-Q2", Country: japan, Counts: c(1, 1, 0, 0)},
		{Bucket: "2025-Q2", Country: kuwait, Counts: c(0, 0, 1, 12)},
		{Bucket: "2025-Q2", Country: russia, Counts: c(0, 1, 0, 0)},
		{Bucket: "2025-Q3", Country: japan, Counts: c(0, 1, 0, 0)},
		{Bucket: "2025-Q3", Country: russia, Counts: c(0, 1, 1, 0)},
		{Bucket: "2025-Q3", Country: multi, Counts: c(0, 0, 1, 5)},
		{Bucket: "2025-Q4", Country: japan, Counts: c(0, 0, 1, 7)},
		{Bucket: "2025-Q4", Country: russia, Counts: c(0, 1, 0, 0)},
		{Bucket: "2025-Q4", Country: multi, Counts: c(1, 0, 0, 0)},
	}
	wantTotals := []pipeline.SummaryRow{
		{Bucket: "2025", Country: japan, Counts: c(1, 1, 2, 37)},
		{Bucket: "2025", Country: kuwait, Counts: c(0, 0, 1, 12)},
		{Bucket: "2025", Country: russia, Counts: c(0, 1, 2, 120)},
		{Bucket: "2025", Country: multi, Counts: c(1, 0, 1, 5)},
	}
	// The numbers come from the aggregator, as in every run; the counts
	// written out above say what they must be.
	if err := aggregate.Report(r); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(r.Summary) != fmt.Sprint(wantSummary) || fmt.Sprint(r.Totals) != fmt.Sprint(wantTotals) {
		t.Fatalf("the aggregator counts\n%v\n%v\nwant\n%v\n%v", r.Summary, r.Totals, wantSummary, wantTotals)
	}
	r.Inputs = []pipeline.InputFile{
		{Name: "agreements.xlsx", SHA256: strings.Repeat("ab", 32), Read: 5, Accepted: 4, Rejected: 1,
			Tables: []pipeline.InputTable{{Sheet: "Гэрээ", Kind: pipeline.KindAgreements, Read: 5, Accepted: 4, Rejected: 1}}},
		{Name: "activities.csv", SHA256: strings.Repeat("0c", 32), Read: 8, Accepted: 6, Rejected: 2,
			Tables: []pipeline.InputTable{{Kind: pipeline.KindActivities, Read: 8, Accepted: 6, Rejected: 2}}},
	}
	r.Rejects = []pipeline.RowError{
		{Pos: pipeline.Pos{File: "agreements.xlsx", Sheet: "Гэрээ", Row: 7}, Column: "signed", Value: "31.02.2025",
			Err: fmt.Errorf("%w: 31 February does not exist; write the date as 2025-02-28", pipeline.ErrBadDate)},
		{Pos: pipeline.Pos{File: "activities.csv", Row: 8}, Column: "id", Value: "0012",
			Err: fmt.Errorf("%w: 0012 is used twice; give each activity its own id", pipeline.ErrDuplicateID)},
		{Pos: pipeline.Pos{File: "activities.csv", Row: 9}, Column: "amount", Value: "=1+1", Err: pipeline.ErrBadAmount},
	}
	r.Warnings = []pipeline.Warning{{Message: "No rate for USD in 2025: 1 amount is not converted.", Numbers: true}}
	return r
}
