package aggregate

import (
	"fmt"
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"coopreport/pipeline"
)

// Aggregator holds the running counts and sums of one period. It is small:
// one entry per bucket, country and currency, whatever the number of rows.
type Aggregator struct {
	period *pipeline.Period
	rates  *pipeline.Rates
	usd    *pipeline.Rates // into US dollars, for the money of measures

	measures map[[2]string]*usdAcc // (measure, currency)

	counts   map[key]*pipeline.Counts // bucket -1 is the whole period
	money    map[moneyKey]*moneyAcc
	names    map[string]pipeline.Country // every country counted, by code
	partners map[string]bool             // codes with an agreement in force or an activity
	grand    pipeline.Counts             // the whole period over all partners
	buckets  []pipeline.Counts           // each bucket over all partners
	earliest pipeline.Date               // of the activities counted
}

type key struct {
	bucket  int
	country string // ISO alpha-2; "" for multilateral
}

type moneyKey struct {
	key
	currency string
}

type moneyAcc struct {
	amount    pipeline.Decimal
	reporting pipeline.Decimal
	rate      pipeline.Decimal
	rates     int  // how many different rates were used
	missing   bool // an amount had no rate
}

type usdAcc struct {
	amount, usd pipeline.Decimal
	left        pipeline.Decimal // amounts with no rate chain to USD
	missing     bool
}

// Bucket indexes beyond the period's buckets: the whole period, and the
// whole period over all countries (money only; counts go to grand).
const (
	whole        = -1
	allCountries = -2
)

// everyone is the country code of money summed over all partners of a
// bucket.
const everyone = "*"

// Report fills r's numbers (Summary, Totals, Finance, FinanceTotals,
// Grand, GrandMoney, BucketTotals, BucketMoney, Countries, and Compared
// within the period: see compare.go) from its
// agreements and its ledger, converting with r.Rates: the one place where
// records become counts and sums, for every run, test and sample. It
// reads the ledger once.
func Report(r *pipeline.Report) error {
	if r.Rates == nil {
		r.Rates = pipeline.NewRates(r.Currency, r.RateList)
	}
	a := New(&r.Period, r.Rates)
	a.usd = pipeline.NewRates(pipeline.FormCurrency, r.RateList)
	for i := range r.Agreements {
		a.AddAgreement(&r.Agreements[i])
	}
	if r.Ledger != nil {
		if err := r.Ledger.Each(a.AddActivity); err != nil {
			return err
		}
	}
	return a.Fill(r)
}

// New returns an Aggregator for period p converting with rates.
func New(p *pipeline.Period, rates *pipeline.Rates) *Aggregator {
	return &Aggregator{
		period:   p,
		rates:    rates,
		counts:   make(map[key]*pipeline.Counts),
		money:    make(map[moneyKey]*moneyAcc),
		names:    make(map[string]pipeline.Country),
		partners: make(map[string]bool),
		buckets:  make([]pipeline.Counts, len(p.Buckets)),
		measures: make(map[[2]string]*usdAcc),
	}
}

func (a *Aggregator) at(bucket int, c pipeline.Country) *pipeline.Counts {
	k := key{bucket, c.Code}
	n := a.counts[k]
	if n == nil {
		n = new(pipeline.Counts)
		a.counts[k] = n
	}
	a.names[c.Code] = c
	return n
}

// AddAgreement counts ag as signed in the bucket of its signing date, and
// as in force in every bucket it is in force on at least one day of.
func (a *Aggregator) AddAgreement(ag *pipeline.Agreement) {
	p := a.period
	if b := p.Bucket(ag.Signed); b >= 0 {
		a.at(b, ag.Country).Signed++
		a.at(whole, ag.Country).Signed++
		a.grand.Signed++
		a.buckets[b].Signed++
	}
	if !ag.InForce(p.From, p.To) {
		return
	}
	a.grand.InForce++
	a.at(whole, ag.Country).InForce++
	a.partners[ag.Country.Code] = true
	for i, b := range p.Buckets {
		if ag.InForce(b.From, b.To) {
			a.at(i, ag.Country).InForce++
			a.buckets[i].InForce++
		}
	}
}

// AddActivity counts ac in the bucket of its date, with its participants
// and its money. It returns an error only when a sum would overflow.
func (a *Aggregator) AddActivity(ac *pipeline.Activity) error {
	b := a.period.Bucket(ac.Date)
	if b < 0 {
		return nil
	}
	a.partners[ac.Country.Code] = true
	if a.earliest.IsZero() || ac.Date.Before(a.earliest) {
		a.earliest = ac.Date
	}
	a.grand.Activities++
	people := ac.KnownParticipants()
	a.grand.Participants += people
	a.buckets[b].Activities++
	a.buckets[b].Participants += people
	for _, i := range [2]int{b, whole} {
		n := a.at(i, ac.Country)
		n.Activities++
		n.Participants += people
	}
	if ac.Amount == nil {
		return nil
	}
	converted, rate, ok, err := a.rates.Convert(*ac.Amount, ac.Date)
	if err != nil {
		return fmt.Errorf("%s: converting %s %s: %w", ac.Pos, ac.Amount.Amount, ac.Amount.Currency, err)
	}
	for _, k := range [4]key{{b, ac.Country.Code}, {whole, ac.Country.Code}, {allCountries, ""}, {b, everyone}} {
		if err := a.addMoney(moneyKey{k, ac.Amount.Currency}, ac.Amount.Amount, converted, rate, ok); err != nil {
			return fmt.Errorf("%s: adding %s %s: %w", ac.Pos, ac.Amount.Amount, ac.Amount.Currency, err)
		}
	}
	if a.usd == nil {
		return nil
	}
	usd, _, ok, err := a.usd.Convert(*ac.Amount, ac.Date)
	if err != nil {
		return fmt.Errorf("%s: converting %s %s to USD: %w", ac.Pos, ac.Amount.Amount, ac.Amount.Currency, err)
	}
	for _, m := range [2]string{ac.Measure, pipeline.AllMeasures} {
		k := [2]string{m, ac.Amount.Currency}
		acc := a.measures[k]
		if acc == nil {
			acc = new(usdAcc)
			a.measures[k] = acc
		}
		if acc.amount, err = acc.amount.Add(ac.Amount.Amount); err == nil {
			if ok {
				acc.usd, err = acc.usd.Add(usd)
			} else {
				acc.left, err = acc.left.Add(ac.Amount.Amount)
			}
		}
		if err != nil {
			return fmt.Errorf("%s: adding %s %s: %w", ac.Pos, ac.Amount.Amount, ac.Amount.Currency, err)
		}
		acc.missing = acc.missing || !ok
	}
	return nil
}

func (a *Aggregator) addMoney(k moneyKey, amount, converted, rate pipeline.Decimal, ok bool) error {
	m := a.money[k]
	if m == nil {
		m = new(moneyAcc)
		a.money[k] = m
	}
	var err error
	if m.amount, err = m.amount.Add(amount); err != nil {
		return err
	}
	if !ok {
		m.missing = true
		return nil
	}
	if m.reporting, err = m.reporting.Add(converted); err != nil {
		return err
	}
	switch {
	case m.rates == 0:
		m.rate, m.rates = rate, 1
	case m.rates == 1 && m.rate.Cmp(rate) != 0:
		m.rates = 2
	}
	return nil
}

// Fill writes the aggregates into r: Summary, Totals, Finance,
// FinanceTotals, Countries and Compared, each in a fixed order (bucket, then country
// by name with multilateral last, then currency), so that outputs are the
// same bytes for the same inputs.
func (a *Aggregator) Fill(r *pipeline.Report) error {
	r.Summary, r.Totals = nil, nil
	for k, n := range a.counts {
		row := pipeline.SummaryRow{Bucket: a.label(k.bucket), Country: a.country(k.country), Counts: *n}
		if k.bucket == whole {
			r.Totals = append(r.Totals, row)
		} else {
			r.Summary = append(r.Summary, row)
		}
	}
	r.Finance, r.FinanceTotals, r.GrandMoney, r.BucketMoney = nil, nil, nil, nil
	r.Grand = a.grand
	r.BucketTotals = nil
	for i, b := range a.period.Buckets {
		r.BucketTotals = append(r.BucketTotals, pipeline.SummaryRow{Bucket: b.Label, Counts: a.buckets[i]})
	}
	for k, m := range a.money {
		row := pipeline.FinanceRow{
			Bucket:    a.label(k.bucket),
			Country:   a.country(k.country),
			Currency:  k.currency,
			Amount:    m.amount,
			Rate:      m.rate,
			RateKnown: m.rates == 1 && !m.missing,
			Reporting: m.reporting,
			Converted: !m.missing && a.rates.Reporting() != "",
		}
		switch {
		case k.bucket == whole:
			r.FinanceTotals = append(r.FinanceTotals, row)
		case k.bucket == allCountries:
			row.Country = pipeline.Country{}
			r.GrandMoney = append(r.GrandMoney, row)
		case k.country == everyone:
			row.Country = pipeline.Country{}
			r.BucketMoney = append(r.BucketMoney, row)
		default:
			r.Finance = append(r.Finance, row)
		}
	}
	order, name := a.bucketOrder(), byName()
	sort.Slice(r.Summary, func(i, j int) bool {
		return less(order, name, r.Summary[i].Bucket, r.Summary[i].Country, "", r.Summary[j].Bucket, r.Summary[j].Country, "")
	})
	sort.Slice(r.Totals, func(i, j int) bool {
		return less(order, name, "", r.Totals[i].Country, "", "", r.Totals[j].Country, "")
	})
	for _, rows := range [][]pipeline.FinanceRow{r.Finance, r.FinanceTotals, r.GrandMoney, r.BucketMoney} {
		sort.Slice(rows, func(i, j int) bool {
			return less(order, name, rows[i].Bucket, rows[i].Country, rows[i].Currency, rows[j].Bucket, rows[j].Country, rows[j].Currency)
		})
	}
	r.MeasureMoney = nil
	for k, m := range a.measures {
		row := pipeline.MeasureMoney{Measure: k[0], Currency: k[1], Amount: m.amount, USD: m.usd, Left: m.left, InUSD: !m.missing}
		r.MeasureMoney = append(r.MeasureMoney, row)
	}
	sort.Slice(r.MeasureMoney, func(i, j int) bool {
		x, y := r.MeasureMoney[i], r.MeasureMoney[j]
		return x.Measure < y.Measure || x.Measure == y.Measure && x.Currency < y.Currency
	})
	r.Countries = r.Countries[:0]
	for code := range a.partners {
		if code != "" { // multilateral is not a country
			r.Countries = append(r.Countries, a.names[code])
		}
	}
	sort.Slice(r.Countries, func(i, j int) bool { return name(r.Countries[i], r.Countries[j]) })
	if err := a.fillReporting(r); err != nil {
		return err
	}
	compare(r, a.earliest, nil)
	return nil
}

// fillReporting sums each bucket's money in the reporting currency over
// the currencies whose amounts all had a rate in that bucket, and the whole
// period's over every currency when every amount had one.
func (a *Aggregator) fillReporting(r *pipeline.Report) error {
	r.BucketReporting, r.GrandReporting, r.GrandConverted = nil, pipeline.Decimal{}, false
	if a.rates.Reporting() == "" {
		return nil
	}
	r.GrandConverted = true
	for _, g := range r.GrandMoney {
		if !g.Converted {
			r.GrandConverted = false
			break
		}
		var err error
		if r.GrandReporting, err = r.GrandReporting.Add(g.Reporting); err != nil {
			return fmt.Errorf("the money of the period in %s is too large to hold exactly: %w", a.rates.Reporting(), err)
		}
	}
	if !r.GrandConverted {
		r.GrandReporting = pipeline.Decimal{}
	}
	r.BucketReporting = make([]pipeline.Decimal, len(a.period.Buckets))
	for i, b := range a.period.Buckets {
		for _, m := range r.BucketMoney {
			if m.Bucket != b.Label || !m.Converted {
				continue
			}
			var err error
			if r.BucketReporting[i], err = r.BucketReporting[i].Add(m.Reporting); err != nil {
				return fmt.Errorf("the money of %s in %s is too large to hold exactly: %w", b.Label, a.rates.Reporting(), err)
			}
		}
	}
	return nil
}

func (a *Aggregator) label(bucket int) string {
	if bucket < 0 {
		return a.period.Label
	}
	return a.period.Buckets[bucket].Label
}

func (a *Aggregator) country(code string) pipeline.Country {
	return a.names[code] // the zero Country for multilateral
}

func (a *Aggregator) bucketOrder() map[string]int {
	order := make(map[string]int, len(a.period.Buckets))
	for i, b := range a.period.Buckets {
		order[b.Label] = i
	}
	return order
}

func less(order map[string]int, name func(a, b pipeline.Country) bool, b1 string, c1 pipeline.Country, cur1 string, b2 string, c2 pipeline.Country, cur2 string) bool {
	if b1 != b2 {
		return order[b1] < order[b2]
	}
	if c1 != c2 {
		return name(c1, c2)
	}
	return cur1 < cur2
}

// countryLess orders countries by English name as a dictionary would
// (Türkiye between Tunisia and Turkmenistan), multilateral last.
func countryLess(english *collate.Collator, a, b pipeline.Country) bool {
	if a.Multilateral() != b.Multilateral() {
		return b.Multilateral()
	}
	if c := english.CompareString(a.Name, b.Name); c != 0 {
		return c < 0
	}
	return a.Code < b.Code
}

// byName returns countryLess with a collator of its own: a Collator is
// not safe for concurrent use.
func byName() func(a, b pipeline.Country) bool {
	english := collate.New(language.English)
	return func(a, b pipeline.Country) bool { return countryLess(english, a, b) }
}
