package xlsx

import (
	"slices"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
	"coopreport/pipeline/period"

	"golang.org/x/text/collate"
)

// byName returns rows (bucket rows in bucket order, or whole-period rows)
// with the rows of each bucket in the order of their countries' names in
// the workbook's language (CLDR's collation), the multilateral row last,
// as the report's partner table has them; rows of one country keep their
// order (currencies). English keeps the aggregator's order, and rows
// itself. The report's rows are never reordered in place: other outputs
// read them too.
func byName[T any](b *book, rows []T, bucket func(*T) string, country func(*T) pipeline.Country) []T {
	l := b.r.Lang
	if l == lang.English || l == "" || len(rows) < 2 {
		return rows
	}
	out := slices.Clone(rows)
	c := collate.New(l.Tag())
	names := map[pipeline.Country]string{}
	name := func(x pipeline.Country) string {
		n, ok := names[x]
		if !ok {
			n = b.country(x)
			names[x] = n
		}
		return n
	}
	cmp := func(x, y T) int {
		cx, cy := country(&x), country(&y)
		if cx.Multilateral() != cy.Multilateral() {
			if cx.Multilateral() {
				return 1
			}
			return -1
		}
		return c.CompareString(name(cx), name(cy))
	}
	// Sort each bucket's run of rows on its own: buckets keep their order.
	for from := 0; from < len(out); {
		to := from + 1
		for to < len(out) && bucket(&out[to]) == bucket(&out[from]) {
			to++
		}
		slices.SortStableFunc(out[from:to], cmp)
		from = to
	}
	return out
}

func summaryBucket(s *pipeline.SummaryRow) string            { return s.Bucket }
func summaryCountry(s *pipeline.SummaryRow) pipeline.Country { return s.Country }
func financeBucket(f *pipeline.FinanceRow) string            { return f.Bucket }
func financeCountry(f *pipeline.FinanceRow) pipeline.Country { return f.Country }

// wholePeriod is the Period cell of the whole-period rows: the period's
// label in English, as it always was ("2012..2015"), its name in words in
// the other languages ("2012–2015 гг."). No formula matches on it: the
// totals by bucket match the register's bucket labels, the whole-period
// rows match on country and currency.
func (b *book) wholePeriod() string {
	if b.r.Lang == lang.English || b.r.Lang == "" {
		return b.r.Period.Label
	}
	return period.Words(b.r.Period, b.r.Lang)
}
