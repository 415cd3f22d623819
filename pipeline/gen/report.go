package gen

import (
	"fmt"
	"slices"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/aggregate"
	"coopreport/pipeline/period"
)

// Now is the fixed "today" of generated reports.
var Now = time.Date(2026, time.January, 15, 9, 0, 0, 0, time.UTC)

// Report builds the report of n activities as a run over the period
// would, without files: the records are made as domain values and
// aggregated, so that writers can be measured on their own. Every
// activity is a valid one; the activities are in date order.
func Report(n int, seed uint64) (*pipeline.Report, error) {
	w, err := newWorld(seed, 1000, 1) // aliases are a matter of input only
	if err != nil {
		return nil, err
	}
	spec, err := period.Parse(Period, pipeline.DateOf(Now))
	if err != nil {
		return nil, err
	}
	by, err := period.ParseBy("")
	if err != nil {
		return nil, err
	}
	p, err := spec.Resolve(by, pipeline.Date{}, pipeline.Date{})
	if err != nil {
		return nil, err
	}
	r := &pipeline.Report{
		Party:           "Mongolia",
		Title:           "Periodic report on international cultural cooperation (generated)",
		Currency:        Currency,
		Version:         "gen",
		Made:            Now,
		Period:          p,
		RateList:        w.rates,
		Rates:           pipeline.NewRates(Currency, w.rates),
		ActivityColumns: []string{"Бюджет код"},
	}
	for _, m := range w.measures {
		r.Measures = append(r.Measures, pipeline.Measure{ID: m.id, Title: m.title, Agencies: m.agencies, Objectives: m.objectives, Results: m.results})
	}
	for i, a := range w.agreements {
		if a.bad != "" {
			continue
		}
		validFrom := a.validFrom
		if validFrom.IsZero() {
			validFrom = a.signed
		}
		r.Agreements = append(r.Agreements, pipeline.Agreement{
			Pos: pipeline.Pos{File: "registers.xlsx", Sheet: "Agreements", Row: i + 2}, ID: a.id,
			Country: w.country(a.partner), Region: a.region, Partner: a.partnerName, Counterpart: a.counterpart,
			Sector: a.sector, Instrument: a.instrument, Title: a.title, Signed: a.signed,
			ValidFrom: validFrom, ValidTo: a.validTo, Status: a.status, Measure: a.measure, Notes: a.notes,
		})
	}
	g := w.activities(seed, n)
	acts := make(pipeline.Activities, n)
	for i := range acts {
		a := g.next()
		ac := &acts[i]
		*ac = pipeline.Activity{
			Pos: pipeline.Pos{File: "activities.xlsx", Sheet: "Activities", Row: i + 3}, ID: a.id,
			Date: a.date, End: a.end, Country: w.country(a.partner), Agreement: a.agreement, Measure: a.measure,
			Type: a.typ, Title: a.title, Funding: a.funding, Agency: a.agency, Notes: a.notes,
			Extra: []pipeline.Field{{Name: "Бюджет код", Value: a.budget}},
		}
		if a.participants > 0 {
			ac.Participants = a.participants
		}
		if a.currency != "" {
			ac.Amount = &pipeline.Money{Amount: a.amount, Currency: a.currency}
		}
	}
	// The ledger drifts forward with a jitter of days; a report lists it
	// in date order, as ingest leaves it after a sort.
	sortByDate(acts)
	r.Ledger = acts
	r.Inputs = []pipeline.InputFile{
		{Name: "activities.xlsx", Tables: []pipeline.InputTable{{Sheet: "Activities", Kind: pipeline.KindActivities, Read: n, Accepted: n}}, Read: n, Accepted: n},
		{Name: "registers.xlsx", Tables: []pipeline.InputTable{{Sheet: "Agreements", Kind: pipeline.KindAgreements, Read: len(r.Agreements), Accepted: len(r.Agreements)}}, Read: len(r.Agreements), Accepted: len(r.Agreements)},
	}
	if err := aggregate.Report(r); err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	return r, nil
}

// sortByDate sorts stably by date, as run.Read orders the ledger.
func sortByDate(as []pipeline.Activity) {
	slices.SortStableFunc(as, func(a, b pipeline.Activity) int { return a.Date.Compare(b.Date) })
}
