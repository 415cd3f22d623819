package xlsx

import (
	"coopreport/pipeline/period"

	"fmt"
	"strings"

	"coopreport/pipeline"

	"github.com/xuri/excelize/v2"
)

// finance writes the Finance sheet: money by bucket, country and
// currency, each amount in its currency's format, as a SUMIFS over the
// Activities sheet; the reporting-currency amount (likewise) and the rate
// where rates apply; then totals per currency and per country and
// currency, as SUMIF/SUMIFS formulas over those rows that only ever add
// amounts of one currency. Every formula carries the report's exact value.
func (b *book) finance() error {
	r := b.r
	hs := b.ws([]string{"Period", "Country code", "Country", "Currency", "Amount", "Reporting currency", "Rate", "Amount in reporting currency", "Note"})
	fin := byName(b, r.Finance, financeBucket, financeCountry)
	finTotals := byName(b, r.FinanceTotals, financeBucket, financeCountry)
	d := len(fin)
	first, last := 2, d+1
	var rows [][]any

	// Each amount by bucket, country and currency is a SUMIFS over the
	// Activities ledger, so that a finance officer can follow it to the
	// activities behind it and correct one there; it carries the
	// report's exact sum.
	buckets := make(map[string]pipeline.Bucket, len(r.Period.Buckets))
	for _, bk := range r.Period.Buckets {
		buckets[bk.Label] = bk
	}
	ledger := b.ledgerParts()
	for i := range fin {
		f := &fin[i]
		bk, ok := buckets[f.Bucket]
		if !ok {
			return fmt.Errorf("the report's finance row %d names the bucket %q, which the period does not have; this is a bug in coopreport, please report it", i+1, f.Bucket)
		}
		rn := first + len(rows)
		amount, err := b.moneyFormula(ledgerSum(ledger, actAmount, rn, bk), f.Amount, f.Currency)
		if err != nil {
			return err
		}
		row := []any{b.str(f.Bucket), b.short(f.Country.Code), b.str(b.country(f.Country)), b.short(f.Currency), amount}
		conv, err := b.conversion(f)
		if err != nil {
			return err
		}
		if f.Converted && r.Currency != "" {
			if conv[2], err = b.moneyFormula(ledgerSum(ledger, actReporting, rn, bk), f.Reporting, r.Currency); err != nil {
				return err
			}
		}
		rows = append(rows, append(row, conv...))
	}

	col := func(c int) string { return absRef(c, first) + ":" + absRef(c, last) }

	// Totals per currency over the whole period: formulas over the rows
	// above, carrying the report's sums (the workbook adds nothing up).
	rows = append(rows, nil, b.section(b.wf("Whole period, %s, totals per currency", period.Words(r.Period, r.Lang))))
	for i := range r.GrandMoney {
		g := &r.GrandMoney[i]
		rn := first + len(rows)
		total, err := b.moneyFormula(fmt.Sprintf("SUMIF(%s,%s,%s)", col(4), ref(4, rn), col(5)), g.Amount, g.Currency)
		if err != nil {
			return err
		}
		var rate any
		if g.RateKnown { // one rate served the whole period over all countries
			rate = b.rate(g.Rate)
		}
		row := []any{b.str(b.wholePeriod()), nil, b.w("All countries"), b.short(g.Currency), total, b.short(r.Currency), rate}
		switch {
		case r.Currency == "":
			row = append(row, nil, b.note(b.w("no reporting currency set")))
		case g.Converted:
			rep, err := b.moneyFormula(fmt.Sprintf("SUMIF(%s,%s,%s)", col(4), ref(4, rn), col(8)), g.Reporting, r.Currency)
			if err != nil {
				return err
			}
			row = append(row, rep)
		default:
			row = append(row, nil, b.note(b.w("not converted: no rate covers some of these amounts")))
		}
		rows = append(rows, row)
	}

	// Whole period by country and currency.
	rows = append(rows, nil, b.section(b.wf("Whole period, %s, by country and currency", period.Words(r.Period, r.Lang))))
	for i := range finTotals {
		t := &finTotals[i]
		rn := first + len(rows)
		sumifs := func(c int) string {
			return fmt.Sprintf("SUMIFS(%s,%s,%s,%s,%s)", col(c), col(3), ref(3, rn), col(4), ref(4, rn))
		}
		total, err := b.moneyFormula(sumifs(5), t.Amount, t.Currency)
		if err != nil {
			return err
		}
		row := []any{b.str(b.wholePeriod()), b.short(t.Country.Code), b.str(b.country(t.Country)), b.short(t.Currency), total}
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
		row := []any{b.str(b.wholePeriod()), nil, b.w("All countries"), nil, nil, b.short(r.Currency), nil}
		if r.GrandConverted {
			rep, err := b.moneyFormula(fmt.Sprintf("SUM(%s:%s)", ref(8, first), ref(8, last)), r.GrandReporting, r.Currency)
			if err != nil {
				return err
			}
			row = append(row, rep, b.note(b.w("total of all amounts converted")))
		} else {
			var left []string
			for _, g := range r.GrandMoney {
				if !g.Converted {
					left = append(left, g.Currency)
				}
			}
			row = append(row, nil, b.note(b.wf("no total in %s: no rate covers some of the amounts in %s", r.Currency, strings.Join(left, ", "))))
		}
		rows = append(rows, nil, row)
	}
	rows = append(rows, nil)
	rows = append(rows, b.notes(b.w("Amounts are exact sums of the amounts given, per currency. Each amount by bucket is a SUMIFS over the Activities sheet (the activities of its country and currency dated in the bucket): correct an amount there and the figures here follow. Totals add up the rows above one currency at a time (SUMIF on the Currency column)."))...)
	rows = append(rows, b.notes(b.w("A converted amount is each activity's amount times the rate covering its date, rounded to the reporting currency's minor unit, then summed. Amounts without a rate are not converted and are marked; nothing is estimated."))...)

	return b.write(sheetSpec{name: b.w(sheetFinance), headers: hs, data: d, landscape: true},
		len(rows), func(i int) ([]any, error) { return rows[i], nil })
}

// ledgerSum is a formula adding up column col of the activities on the
// Activities sheet (and its continuations) whose country and currency are
// those of row rn of the Finance sheet and whose date falls in bucket bk:
//
//	SUMIFS('Activities'!$L$2:$L$17,'Activities'!$E$2:$E$17,$C5,
//	       'Activities'!$M$2:$M$17,$D5,'Activities'!$B$2:$B$17,">="&DATE(2014,1,1),
//	       'Activities'!$B$2:$B$17,"<="&DATE(2014,12,31))
//
// Countries match by name (the Country column), since multilateral has
// no code and a criterion of an empty cell matches nothing.
func ledgerSum(parts []part, col, rn int, bk pipeline.Bucket) string {
	var terms []string
	for _, p := range parts {
		if p.last < p.first {
			continue
		}
		terms = append(terms, fmt.Sprintf(`SUMIFS(%s,%s,$C%d,%s,$D%d,%s,">="&%s,%s,"<="&%s)`,
			p.col(col), p.col(actCountry), rn, p.col(actCurrency), rn,
			p.col(actDate), excelDate(bk.From), p.col(actDate), excelDate(bk.To)))
	}
	if len(terms) == 0 {
		return "0"
	}
	return strings.Join(terms, "+")
}

// excelDate is d as a DATE formula, which reads as the date it is.
func excelDate(d pipeline.Date) string {
	return fmt.Sprintf("DATE(%d,%d,%d)", d.Year, int(d.Month), d.Day)
}

// conversion returns the cells Reporting currency, Rate, Amount in
// reporting currency and Note of a finance row.
func (b *book) conversion(f *pipeline.FinanceRow) ([]any, error) {
	cur := b.r.Currency
	if cur == "" {
		return []any{nil, nil, nil, excelize.Cell{StyleID: b.st.remark, Value: b.w("no reporting currency set")}}, nil
	}
	var rate, amount, note any
	if f.RateKnown {
		rate = b.rate(f.Rate)
	}
	switch {
	case !f.Converted:
		note = b.w("not converted: no rate covers some of these amounts")
	case !f.RateKnown:
		note = b.w("several rates applied; see Activities")
	}
	if f.Converted {
		var err error
		if amount, err = b.money(f.Reporting, cur); err != nil {
			return nil, err
		}
	}
	if note != nil {
		note = excelize.Cell{StyleID: b.st.remark, Value: note}
	}
	return []any{b.short(cur), rate, amount, note}, nil
}

// moneyFormula is a live formula over amounts of one currency, carrying
// its exact value. The sum is rounded to the digits the amount is shown
// with (the currency's minor unit, or every digit the amounts have): a
// spreadsheet adds in binary floating point, and over thousands of
// amounts of both signs LibreOffice's SUMIFS gives 867273.339999989 for
// an exact 867273.34. Rounding at digits the exact sum has changes
// nothing but that error.
func (b *book) moneyFormula(f string, v pipeline.Decimal, code string) (any, error) {
	id, err := b.moneyStyle(v, code)
	if err != nil {
		return nil, err
	}
	f = fmt.Sprintf("ROUND(%s,%d)", f, decimals(v, code))
	return excelize.Cell{StyleID: id, Formula: f, Value: v.Float64()}, nil
}
