package markdown

import (
	"fmt"
	"sync"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/aggregate"
	"coopreport/pipeline/period"
)

// A trial is a report Load runs every template on, for both targets.
// text/template finds an unknown field only when it evaluates it, so a
// mistake inside {{range .Treaties}} would otherwise stop the first run
// whose period has a treaty, maybe months after the template was written.
// The sample report has something in every list of the view, so that every
// branch that depends on the data runs at least once; the empty report
// has no records at all, so that the branches for "nothing" run too.
type trial struct {
	r    *pipeline.Report
	what string // for the error: what the template was run on
}

var (
	trialsOnce sync.Once
	trialList  []trial
)

// trials returns the reports Load runs templates on. They are made once
// and never changed: executing a template only reads its report.
func trials() []trial {
	trialsOnce.Do(func() {
		full := sampleReport()
		fromRecords := sampleReport()
		fromRecords.Measures = nil // one measure, made from every record: it has .Money and .FromRecords
		fromRecords.NoDataIssues = true
		fromRecords.Changes = &pipeline.Changes{First: true} // the period's first report
		trialList = []trial{
			{full, "a sample report"},
			{fromRecords, "a sample report without measures"},
			{emptyReport(), "a report with no records"},
		}
	})
	return trialList
}

// sampleReport is a made-up report of 2023..2025 by year with every kind of
// record: agreements of each instrument (one with a region, one
// multilateral, one expired, one terminated), activities of each type
// (a meeting that decided later activities, a multi-day one, one without
// amount), money in five currencies (MNT, RUB, CNY and USD converted, JPY
// and KWD not), two measures (one with every text and an extra column,
// one with none), rejected rows and warnings, changes since a published
// report (a restatement) and each year compared with the year before. Its
// numbers are made by package aggregate, as a run makes them.
func sampleReport() *pipeline.Report {
	ru := pipeline.Country{Code: "RU", Alpha3: "RUS", Name: "Russia", LongName: "Russian Federation"}
	cn := pipeline.Country{Code: "CN", Alpha3: "CHN", Name: "China", LongName: "People’s Republic of China"}
	jp := pipeline.Country{Code: "JP", Alpha3: "JPN", Name: "Japan", LongName: "Japan"}
	kw := pipeline.Country{Code: "KW", Alpha3: "KWT", Name: "Kuwait", LongName: "State of Kuwait"}
	var multilateral pipeline.Country
	d := func(y int, m time.Month, day int) pipeline.Date { return pipeline.Date{Year: y, Month: m, Day: day} }
	money := func(amount, cur string) *pipeline.Money {
		a, err := pipeline.ParseDecimal(amount)
		if err != nil {
			panic(err)
		}
		return &pipeline.Money{Amount: a, Currency: cur}
	}
	spec, err := period.Parse("2023..2025", pipeline.Date{})
	if err != nil {
		panic(err)
	}
	p, err := spec.Resolve(pipeline.ByYear, pipeline.Date{}, pipeline.Date{})
	if err != nil {
		panic(err)
	}
	agreementsFile := pipeline.Pos{File: "agreements.csv"}
	at := func(row int) pipeline.Pos { pos := agreementsFile; pos.Row = row; return pos }
	acts := pipeline.Pos{File: "register.xlsx", Sheet: "Activities"}
	actAt := func(row int) pipeline.Pos { pos := acts; pos.Row = row; return pos }

	r := &pipeline.Report{
		Party: "Mongolia", Title: "Periodic report", Currency: "MNT", Version: "sample",
		Made: time.Date(2026, time.March, 1, 9, 0, 0, 0, time.UTC), Period: p,
		Agreements: []pipeline.Agreement{
			{Pos: at(2), ID: "AG-1", Country: ru, Partner: "Government of the Russian Federation", Counterpart: "Government of Mongolia",
				Sector: pipeline.Governmental, Instrument: pipeline.InstrumentAgreement, Title: "Agreement on cultural cooperation",
				Signed: d(1994, 1, 20), ValidFrom: d(1994, 1, 20), Measure: "M-1", Notes: "Renewed every five years",
				Extra: []pipeline.Field{{Name: "Archive number", Value: "A-17"}}},
			{Pos: at(3), ID: "AG-2", Country: cn, Region: "Inner Mongolia", Sector: pipeline.Governmental, Instrument: pipeline.InstrumentPlan,
				Title: "Cooperation plan for 2023-2025", Signed: d(2023, 3, 1), ValidFrom: d(2023, 3, 1), ValidTo: d(2025, 12, 31), Measure: "M-1"},
			{Pos: at(4), ID: "AG-3", Country: cn, Partner: "Tianjin Grand Theatre", Counterpart: "State Academic Opera and Ballet Theatre",
				Sector: pipeline.NonGovernmental, Instrument: pipeline.InstrumentMoU, Title: "Memorandum of understanding",
				Signed: d(2024, 4, 12), ValidFrom: d(2024, 4, 12), ValidTo: d(2026, 4, 11), Measure: "M-2"},
			{Pos: at(5), ID: "AG-4", Country: multilateral, Counterpart: "Government of Mongolia", Sector: pipeline.Governmental,
				Instrument: pipeline.InstrumentTreaty, Title: "Marrakesh Treaty", Signed: d(2024, 9, 23), ValidFrom: d(2024, 12, 23), Measure: "M-1"},
			{Pos: at(6), ID: "AG-5", Country: jp, Partner: "Agency for Cultural Affairs", Sector: pipeline.Governmental,
				Instrument: pipeline.InstrumentProtocol, Title: "Protocol on museum exchanges", Signed: d(2023, 5, 5), ValidFrom: d(2023, 5, 5),
				ValidTo: d(2024, 5, 4), Status: pipeline.StatusTerminated, Measure: "M-2"},
			{Pos: at(7), ID: "AG-6", Country: kw, Sector: pipeline.NonGovernmental, Instrument: pipeline.InstrumentOther,
				Title: "Letter of intent", Signed: d(2025, 1, 10), ValidFrom: d(2025, 1, 10), Measure: "M-2"},
			{Pos: at(8), ID: "AG-7", Country: ru, Sector: pipeline.Governmental, Instrument: pipeline.InstrumentAgreement,
				Title: "Expired programme", Signed: d(2000, 1, 1), ValidFrom: d(2000, 1, 1), ValidTo: d(2010, 12, 31)},
		},
		Ledger: pipeline.Activities{
			{Pos: actAt(2), ID: "AC-1", Date: d(2023, 2, 10), End: d(2023, 2, 12), Country: ru, Agreement: "AG-1", Measure: "M-1",
				Type: pipeline.TypeMeeting, Title: "Meeting of the Intergovernmental Commission", Participants: 40,
				Amount: money("12500000", "MNT"), Funding: "State budget", Agency: "Ministry of Culture"},
			{Pos: actAt(3), ID: "AC-2", Date: d(2023, 6, 3), End: d(2023, 6, 7), Country: ru, Agreement: "AG-1", Measure: "M-1",
				Type: pipeline.TypeFestival, Title: "Festival in Moscow", Participants: 12, Amount: money("450000.00", "RUB"), Funding: "Partner"},
			{Pos: actAt(4), ID: "AC-3", Date: d(2023, 9, 1), Country: cn, Region: "Inner Mongolia", Agreement: "AG-2", Measure: "M-1",
				Type: pipeline.TypeExchange, Title: "Exchange of performers", Participants: 35, Amount: money("60000", "CNY")},
			{Pos: actAt(5), ID: "AC-4", Date: d(2024, 3, 2), Country: jp, Agreement: "AG-5", Measure: "M-2",
				Type: pipeline.TypeTraining, Title: "Training of museum conservators", Participants: 5, Amount: money("1200000", "JPY")},
			{Pos: actAt(6), ID: "AC-5", Date: d(2024, 5, 15), End: d(2024, 6, 20), Country: ru, Agreement: "AG-1", Measure: "M-1",
				Type: pipeline.TypeExhibition, Title: "Exhibition of Mongolian painting", Participants: 3, Amount: money("1500.50", "USD")},
			{Pos: actAt(7), ID: "AC-6", Date: d(2024, 9, 23), Country: multilateral, Agreement: "AG-4", Measure: "M-1",
				Type: pipeline.TypeTreaty, Title: "Accession to the Marrakesh Treaty", Participants: pipeline.NoParticipants},
			{Pos: actAt(8), ID: "AC-7", Date: d(2025, 1, 15), Country: kw, Agreement: "AG-6", Measure: "M-2",
				Type: pipeline.TypeStudy, Title: "Study visit", Participants: 2, Amount: money("1234.500", "KWD")},
			{Pos: actAt(9), ID: "AC-8", Date: d(2025, 4, 1), End: d(2025, 4, 3), Country: cn, Agreement: "AG-3", Measure: "M-2",
				Type: pipeline.TypeOther, Title: "Opera gala", Participants: 120, Amount: money("3000", "CNY"),
				Funding: "Sponsors", Agency: "State Academic Opera and Ballet Theatre", Notes: "Broadcast live",
				Extra: []pipeline.Field{{Name: "Venue", Value: "Tianjin"}}},
		},
		Measures: []pipeline.Measure{
			{Pos: pipeline.Pos{File: "measures.csv", Row: 2}, ID: "M-1", Title: "Bilateral policy dialogues",
				Agencies: "Ministry of Culture; Ministry of Foreign Affairs\nEmbassies", Area: "Cultural policy",
				Objectives: "To keep the dialogue going.\nTo sign plans.", Scope: "National and international",
				Nature:   []pipeline.Nature{pipeline.Legislative, pipeline.Regulatory, pipeline.Financial, pipeline.Institutional},
				Features: "Commissions meet every two years.", Results: "More exchanges.", Resources: "12,500,000 MNT a year",
				Extra: []pipeline.Field{{Name: "Budget line", Value: "05-12"}},
				Goals: []int{2, 3}, Areas: []string{"2.3", "2.1", "3.2"}, Domains: []string{"Music", "Performing arts"},
				Evaluated: "yes", Conclusions: "The commissions keep exchanges going.", Achieved: "Forty exchanges since 2023.",
				PartnerType: "Civil society"},
			{Pos: pipeline.Pos{File: "measures.csv", Row: 3}, ID: "M-2", Title: "Institutional partnerships"},
		},
		MeasureColumns:   []string{"Budget line"},
		AgreementColumns: []string{"Archive number"},
		ActivityColumns:  []string{"Venue"},
		RateList: []pipeline.Rate{
			{Currency: "RUB", Base: "MNT", Span: pipeline.RateSpan{Label: "2023", From: d(2023, 1, 1), To: d(2023, 12, 31)}, Rate: pipeline.NewDecimal(3230, 2)},
			{Currency: "CNY", Base: "MNT", Span: pipeline.RateSpan{Label: "2023", From: d(2023, 1, 1), To: d(2023, 12, 31)}, Rate: pipeline.NewDecimal(47500, 2)},
			{Currency: "CNY", Base: "MNT", Span: pipeline.RateSpan{Label: "2025-Q2", From: d(2025, 4, 1), To: d(2025, 6, 30)}, Rate: pipeline.NewDecimal(47000, 2)},
			{Currency: "USD", Base: "MNT", Span: pipeline.RateSpan{Label: "2025", From: d(2025, 1, 1), To: d(2025, 12, 31)}, Rate: pipeline.NewDecimal(340000, 2)},
			{Currency: "USD", Base: "MNT", Span: pipeline.RateSpan{Label: "2024", From: d(2024, 1, 1), To: d(2024, 12, 31)}, Rate: pipeline.NewDecimal(3400, 0)},
		},
		Inputs: []pipeline.InputFile{
			{Name: "agreements.csv", Tables: []pipeline.InputTable{{Kind: pipeline.KindAgreements, Read: 8, Accepted: 7, Rejected: 1}}, Read: 8, Accepted: 7, Rejected: 1},
			{Name: "register.xlsx", Tables: []pipeline.InputTable{
				{Sheet: "Activities", Kind: pipeline.KindActivities, Read: 9, Accepted: 8, Rejected: 1},
				{Sheet: "Notes"},
			}, Read: 9, Accepted: 8, Rejected: 1},
			{Name: "measures.csv", Tables: []pipeline.InputTable{{Kind: pipeline.KindMeasures, Read: 2, Accepted: 2}}, Read: 2, Accepted: 2},
		},
		Rejects: []pipeline.RowError{
			{Pos: at(9), Column: "country", Value: "Atlantis", Err: pipeline.ErrUnknownCountry},
			{Pos: actAt(10), Column: "date", Value: "31.02.2024", Err: pipeline.ErrBadDate},
			{Pos: actAt(10), Column: "amount", Value: "12,5,0", Err: pipeline.ErrBadAmount},
		},
		Warnings: []pipeline.Warning{{Message: "register.xlsx, sheet \"Notes\": not a table of records; skipped"}},
	}
	if err := aggregate.Report(r); err != nil {
		panic(fmt.Sprintf("the sample report: %v", err))
	}
	r.Changes = sampleChanges()
	return r
}

// sampleChanges are changes since a report published on 2 November 2025,
// when 2023 and 2024 had ended (their figures are restated) and 2025 had
// not: more rows and figures than the report lists, added, removed and
// changed, counts and sums, of a partner and of all partners.
func sampleChanges() *pipeline.Changes {
	c := &pipeline.Changes{Since: time.Date(2025, time.November, 2, 10, 0, 0, 0, time.UTC), Restated: true,
		NotCompared: []string{"the reporting currency is MNT, and was USD in the published report, so the amounts in the reporting currency were not compared"}}
	c.Rows = append(c.Rows,
		pipeline.RowChange{File: "agreements.csv", Kind: pipeline.KindAgreements, ID: "AG-6", Change: "added"},
		pipeline.RowChange{File: "register.xlsx", Kind: pipeline.KindActivities, ID: "AC-3", Change: "changed"},
		pipeline.RowChange{File: "register.xlsx", Kind: pipeline.KindActivities, ID: "AC-9", Change: "removed"})
	for i := 10; i < 19; i++ {
		c.Rows = append(c.Rows, pipeline.RowChange{File: "register.xlsx", Kind: pipeline.KindActivities, ID: fmt.Sprintf("AC-%d", i), Change: "removed"})
	}
	c.Cells = []pipeline.FigureChange{
		{Bucket: "2023", Country: "China", Figure: "participants", Old: "30", New: "35", Closed: true},
		{Bucket: "2023", Country: "China", Currency: "CNY", Figure: "amount", Old: "55000.00", New: "60000.00", Closed: true},
		{Bucket: "2023", Country: "China", Currency: "CNY", Figure: "amount_reporting", Old: "26125000.00", New: "28500000.00", Closed: true},
		{Bucket: "2023", Figure: "participants", Old: "1082", New: "1087", Closed: true},
		{Bucket: "2024", Country: "Russia", Figure: "activities", Old: "2", New: "1", Closed: true},
		{Bucket: "2025", Country: "Kuwait", Figure: "agreements_signed", New: "1"},
		{Bucket: "2025", Country: "Kuwait", Figure: "agreements_in_force", New: "1"},
		{Bucket: "2025", Country: "Kuwait", Figure: "activities", New: "1"},
		{Bucket: "2025", Country: "Kuwait", Figure: "participants", New: "2"},
		{Bucket: "2025", Country: "Kuwait", Currency: "KWD", Figure: "amount", New: "1234.500"},
		{Bucket: "2025", Figure: "activities", Old: "1", New: "2"},
		{Bucket: "2023..2025", Figure: "activities", Old: "7", New: "8"},
	}
	return c
}

// emptyReport is a report of the sample's period with no records, no
// rejects, no reporting currency and no party, title or version.
func emptyReport() *pipeline.Report {
	r := sampleReport()
	e := &pipeline.Report{Period: r.Period, Ledger: pipeline.Activities{}}
	if err := aggregate.Report(e); err != nil {
		panic(fmt.Sprintf("the empty report: %v", err))
	}
	return e
}
