package xlsx

import (
	"fmt"
	"sort"

	"coopreport/pipeline"

	"github.com/xuri/excelize/v2"
)

// finance writes the Finance sheet: money by bucket, country and
// currency, each amount in its currency's format; the reporting-currency
// amount and the rate where rates apply; then totals per currency and per
// country and currency, as SUMIF/SUMIFS formulas that only ever add
// amounts of one currency, carrying their exact values.
func (b *book) finance() error {
	r := b.r
	hs := []string{"Period", "Country code", "Country", "Currency", "Amount", "Reporting currency", "Rate", "Amount in reporting currency", "Note"}
	d := len(r.Finance)
	first, last := 2, d+1
	var rows [][]any

	type sums struct {
		amount, reporting pipeline.Decimal
		rows, converted   int
	}
	add := func(to *sums, f *pipeline.FinanceRow) error {
		var err error
		if to.amount, err = to.amount.Add(f.Amount); err != nil {
			return fmt.Errorf("the total of %s amounts is too large to hold exactly", f.Currency)
		}
		to.rows++
		if f.Converted {
			to.converted++
			if to.reporting, err = to.reporting.Add(f.Reporting); err != nil {
				return fmt.Errorf("the total in %s is too large to hold exactly", r.Currency)
			}
		}
		return nil
	}
	byCurrency := map[string]*sums{}
	byKey := map[[2]string]*sums{} // country label, currency
	var all sums

	for i := range r.Finance {
		f := &r.Finance[i]
		amount, err := b.money(f.Amount, f.Currency)
		if err != nil {
			return err
		}
		row := []any{b.str(f.Bucket), b.code(f.Country.Code), b.str(f.Country.Label()), b.code(f.Currency), amount}
		conv, err := b.conversion(f)
		if err != nil {
			return err
		}
		rows = append(rows, append(row, conv...))
		for _, to := range []*sums{get(byCurrency, f.Currency), getKey(byKey, f.Country.Label(), f.Currency), &all} {
			if err := add(to, f); err != nil {
				return err
			}
		}
	}

	col := func(c int) string { return absRef(c, first) + ":" + absRef(c, last) }

	// Totals per currency over the whole period.
	rows = append(rows, nil, b.section("Whole period "+r.Period.Label+", totals per currency"))
	codes := make([]string, 0, len(byCurrency))
	for c := range byCurrency {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	fromTotals := map[string]*sums{}
	for i := range r.FinanceTotals {
		if err := add(get(fromTotals, r.FinanceTotals[i].Currency), &r.FinanceTotals[i]); err != nil {
			return err
		}
	}
	// The rate of a currency's total, where one rate served the whole
	// period over all countries (the aggregator knows; a sum cannot).
	grandRate := map[string]any{}
	for _, g := range r.GrandMoney {
		if g.RateKnown {
			grandRate[g.Currency] = b.rate(g.Rate)
		}
	}
	for _, code := range codes {
		s := byCurrency[code]
		if t := fromTotals[code]; t == nil || t.amount.Cmp(s.amount) != 0 {
			return fmt.Errorf("the report's whole-period total in %s disagrees with its bucket rows (%s); this is a bug in coopreport, please report it", code, s.amount)
		}
		rn := first + len(rows)
		total, err := b.moneyFormula(fmt.Sprintf("SUMIF(%s,%s,%s)", col(4), ref(4, rn), col(5)), s.amount, code)
		if err != nil {
			return err
		}
		row := []any{b.str(r.Period.Label), nil, "All countries", b.code(code), total, b.code(r.Currency), grandRate[code]}
		switch {
		case r.Currency == "":
			row = append(row, nil, b.note("no reporting currency set"))
		case s.converted == s.rows:
			rep, err := b.moneyFormula(fmt.Sprintf("SUMIF(%s,%s,%s)", col(4), ref(4, rn), col(8)), s.reporting, r.Currency)
			if err != nil {
				return err
			}
			row = append(row, rep)
		default:
			row = append(row, nil, b.note(fmt.Sprintf("not converted: %d of %d rows have no rate", s.rows-s.converted, s.rows)))
		}
		rows = append(rows, row)
	}
	for code := range fromTotals {
		if byCurrency[code] == nil {
			return fmt.Errorf("the report's whole-period totals hold %s, but its bucket rows do not; this is a bug in coopreport, please report it", code)
		}
	}

	// Whole period by country and currency.
	rows = append(rows, nil, b.section("Whole period "+r.Period.Label+", by country and currency"))
	for i := range r.FinanceTotals {
		t := &r.FinanceTotals[i]
		s := byKey[[2]string{t.Country.Label(), t.Currency}]
		if s == nil || s.amount.Cmp(t.Amount) != 0 || (t.Converted && (s.converted != s.rows || s.reporting.Cmp(t.Reporting) != 0)) {
			return fmt.Errorf("the report's whole-period total for %s in %s disagrees with its bucket rows; this is a bug in coopreport, please report it", t.Country.Label(), t.Currency)
		}
		rn := first + len(rows)
		sumifs := func(c int) string {
			return fmt.Sprintf("SUMIFS(%s,%s,%s,%s,%s)", col(c), col(3), ref(3, rn), col(4), ref(4, rn))
		}
		total, err := b.moneyFormula(sumifs(5), t.Amount, t.Currency)
		if err != nil {
			return err
		}
		row := []any{b.str(t.Bucket), b.code(t.Country.Code), b.str(t.Country.Label()), b.code(t.Currency), total}
		conv, err := b.conversion(t)
		if err != nil {
			return err
		}
		if t.Converted && r.Currency != "" {
			if conv[2], err = b.moneyFormula(sumifs(8), t.Reporting, r.Currency); err != nil {
				return err
			}
		}
		rows = append(rows, append(row, conv...))
	}

	// Grand total in the reporting currency, only when nothing is missing.
	if r.Currency != "" && d > 0 {
		row := []any{b.str(r.Period.Label), nil, "All countries", nil, nil, b.code(r.Currency), nil}
		if all.converted == all.rows {
			rep, err := b.moneyFormula(fmt.Sprintf("SUM(%s:%s)", ref(8, first), ref(8, last)), all.reporting, r.Currency)
			if err != nil {
				return err
			}
			row = append(row, rep, b.note("total of all amounts converted"))
		} else {
			row = append(row, nil, b.note(fmt.Sprintf("no total in %s: %d of %d rows could not be converted", r.Currency, all.rows-all.converted, all.rows)))
		}
		rows = append(rows, nil, row)
	}
	rows = append(rows, nil)
	rows = append(rows, b.notes("Amounts are exact sums of the amounts given, per currency; totals add up one currency at a time (SUMIF on the Currency column).")...)
	rows = append(rows, b.notes("A converted amount is each activity's amount times the rate covering its date, rounded to the reporting currency's minor unit, then summed. Amounts without a rate are not converted and are marked; nothing is estimated.")...)

	return b.write(sheetSpec{name: sheetFinance, headers: hs, data: d, landscape: true},
		len(rows), func(i int) ([]any, error) { return rows[i], nil })
}

// conversion returns the cells Reporting currency, Rate, Amount in
// reporting currency and Note of a finance row.
func (b *book) conversion(f *pipeline.FinanceRow) ([]any, error) {
	cur := b.r.Currency
	if cur == "" {
		return []any{nil, nil, nil, "no reporting currency set"}, nil
	}
	var rate, amount, note any
	if f.RateKnown {
		rate = b.rate(f.Rate)
	}
	switch {
	case !f.Converted:
		note = "not converted: no rate covers some of these amounts"
	case !f.RateKnown:
		note = "several rates applied; see Activities"
	}
	if f.Converted {
		var err error
		if amount, err = b.money(f.Reporting, cur); err != nil {
			return nil, err
		}
	}
	return []any{b.code(cur), rate, amount, note}, nil
}

// moneyFormula is a live formula over amounts of one currency, carrying
// its exact value.
func (b *book) moneyFormula(f string, v pipeline.Decimal, code string) (any, error) {
	id, err := b.moneyStyle(v, code)
	if err != nil {
		return nil, err
	}
	return excelize.Cell{StyleID: id, Formula: f, Value: v.Float64()}, nil
}

func get[K comparable, V any](m map[K]*V, k K) *V {
	if m[k] == nil {
		m[k] = new(V)
	}
	return m[k]
}

func getKey[V any](m map[[2]string]*V, a, c string) *V { return get(m, [2]string{a, c}) }
