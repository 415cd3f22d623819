package xlsx

import (
	"coopreport/pipeline/period"

	"fmt"
	"sort"

	"coopreport/pipeline"

	"github.com/xuri/excelize/v2"
)

const inForceNote = "Agreements in force are added up over countries (an agreement has one partner) " +
	"but never over buckets: an agreement counts in every bucket in which it was in force on at " +
	"least one day, so a sum over buckets would count it several times. The whole-period figures " +
	"are counted over the whole period."

// summary writes the Summary sheet: one row per bucket and country, then
// totals by bucket and by country as SUM/SUMIF formulas carrying their
// values, then a chart of activities per country.
func (b *book) summary() error {
	r := b.r
	hs := b.ws([]string{"Period", "Country code", "Country", "Agreements signed", "Agreements in force", "Activities", "Participants"})
	summary := byName(b, r.Summary, summaryBucket, summaryCountry)
	totals := byName(b, r.Totals, summaryBucket, summaryCountry)
	d := len(summary)
	first, last := 2, d+1 // rows of the register
	var rows [][]any
	counts := func(c pipeline.Counts, inForce bool) []any {
		var f any
		if inForce {
			f = b.count(int64(c.InForce))
		}
		return []any{b.count(int64(c.Signed)), f, b.count(int64(c.Activities)), b.count(c.Participants)}
	}
	labels := map[string]string{} // country label → code, to be sure SUMIF over labels is sound
	for _, s := range summary {
		name := b.country(s.Country)
		if code, ok := labels[name]; ok && code != s.Country.Code {
			return fmt.Errorf("two countries are both called %q in the report (%s and %s); the workbook cannot total them apart", name, code, s.Country.Code)
		}
		labels[name] = s.Country.Code
		row := append([]any{b.str(s.Bucket), b.short(s.Country.Code), b.str(name)}, counts(s.Counts, true)...)
		rows = append(rows, row)
	}

	// Totals by bucket: SUMIF over the period column, so that the totals
	// stay right when a user sorts or filters the rows above.
	rows = append(rows, nil, b.section(b.byKind("Totals by bucket, all countries")))
	at := 0
	for i, bk := range r.Period.Buckets {
		from := at
		for at < d && summary[at].Bucket == bk.Label {
			at++
		}
		var sum pipeline.Counts // the report's: the workbook adds nothing up
		if i < len(r.BucketTotals) && r.BucketTotals[i].Bucket == bk.Label {
			sum = r.BucketTotals[i].Counts
		} else if at > from {
			return fmt.Errorf("the report has no totals for the bucket %q; this is a bug in coopreport, please report it", bk.Label)
		}
		row := []any{b.str(bk.Label), nil, b.w("All countries")}
		if at == from {
			row = append(row, b.count(0), b.count(0), b.count(0), b.count(0))
		} else {
			rn := first + len(rows)
			sumif := func(col int) string {
				return fmt.Sprintf("SUMIF(%s:%s,%s,%s:%s)", absRef(1, first), absRef(1, last), ref(1, rn), absRef(col, first), absRef(col, last))
			}
			row = append(row,
				b.formula(sumif(4), int64(sum.Signed)),
				b.formula(sumif(5), int64(sum.InForce)),
				b.formula(sumif(6), int64(sum.Activities)),
				b.formula(sumif(7), sum.Participants))
		}
		rows = append(rows, row)
	}
	if at != d {
		return fmt.Errorf("the report's summary row %d (bucket %q) is not in bucket order; the workbook cannot total it", at+1, summary[at].Bucket)
	}

	// Totals by country over the whole period: SUMIF over the country
	// column; in force comes from the report, being no sum.
	rows = append(rows, nil, b.section(b.wf("Whole period, %s, by country", period.Words(r.Period, r.Lang))))
	wholeFrom := first + len(rows)
	for _, t := range totals {
		label := b.country(t.Country)
		rn := first + len(rows)
		sumif := func(col int) string {
			return fmt.Sprintf("SUMIF(%s:%s,%s,%s:%s)", absRef(3, first), absRef(3, last), ref(3, rn), ref(col, first), ref(col, last))
		}
		row := []any{b.str(b.wholePeriod()), b.short(t.Country.Code), b.str(label)}
		if d == 0 {
			row = append(row, b.count(0), b.count(int64(t.InForce)), b.count(0), b.count(0))
		} else {
			row = append(row,
				b.formula(sumif(4), int64(t.Signed)), b.count(int64(t.InForce)),
				b.formula(sumif(6), int64(t.Activities)), b.formula(sumif(7), t.Participants))
		}
		rows = append(rows, row)
	}
	wholeTo := first + len(rows) - 1
	all := r.Grand
	grand := []any{b.str(b.wholePeriod()), nil, b.w("All countries")}
	// In force over all countries: the sum of the whole-period rows just
	// above (over countries, never over buckets).
	inForce := b.count(int64(all.InForce))
	if wholeTo >= wholeFrom {
		inForce = b.formula(fmt.Sprintf("SUM(%s:%s)", ref(5, wholeFrom), ref(5, wholeTo)), int64(all.InForce))
	}
	if d == 0 {
		grand = append(grand, b.count(0), inForce, b.count(0), b.count(0))
	} else {
		grand = append(grand,
			b.formula(fmt.Sprintf("SUM(%s:%s)", ref(4, first), ref(4, last)), int64(all.Signed)), inForce,
			b.formula(fmt.Sprintf("SUM(%s:%s)", ref(6, first), ref(6, last)), int64(all.Activities)),
			b.formula(fmt.Sprintf("SUM(%s:%s)", ref(7, first), ref(7, last)), all.Participants))
	}
	rows = append(rows, grand, nil)
	rows = append(rows, b.notes(b.w("Note: ")+b.w(inForceNote))...)
	rows = append(rows, b.notes(b.w("Totals are formulas (SUM, SUMIF) over the rows above; they also carry their value for programs that do not recalculate."))...)

	// The chart's data: the countries with activities, the most first,
	// each a reference to its whole-period row; countries with none would
	// be empty bars.
	var charted []int // indexes into totals
	for i, t := range totals {
		if t.Activities > 0 {
			charted = append(charted, i)
		}
	}
	sort.SliceStable(charted, func(i, j int) bool { return totals[charted[i]].Activities > totals[charted[j]].Activities })
	chartTitle := b.wf("Activities per country, %s", cutRunes(period.Words(r.Period, r.Lang), 60))
	var chartFrom, chartTo int
	if len(charted) > 0 {
		rows = append(rows, nil, b.section(b.wf("Chart: %s, the most first (countries with none left out)", chartTitle)))
		chartFrom = first + len(rows)
		for _, i := range charted {
			t := totals[i]
			rows = append(rows, []any{nil, b.short(t.Country.Code), b.str(b.country(t.Country)), nil, nil,
				b.formula(ref(6, wholeFrom+i), int64(t.Activities))})
		}
		chartTo = first + len(rows) - 1
	}

	return b.write(sheetSpec{
		name: b.w(sheetSummary), headers: hs, data: d,
		before: func(s *sheet) error {
			if err := b.f.AddComment(s.name, excelize.Comment{
				Author: "coopreport", Cell: "E1", Text: b.w(inForceNote), Width: 300, Height: 120,
			}); err != nil {
				return err
			}
			if len(charted) == 0 {
				return nil
			}
			// Below the notes, as wide as the columns of the register, so
			// that it prints with the sheet, fitted to the page's width.
			q := quoteSheet(s.name)
			width := 0.0
			for _, w := range s.widths[:min(len(s.widths), len(hs))] {
				width += w
			}
			height := min(1400, max(300, 22*(chartTo-chartFrom+1)+120))
			at := s.row + 2
			s.printTo = at + (height+rowPixels-1)/rowPixels + 1 // and a row to spare
			// One colour, dark enough to tell from the page in grey; black
			// labels; the first row (the most activities) at the top.
			single, dark := false, excelize.Font{Family: fontName, Size: 9, Color: "000000"}
			return b.f.AddChart(s.name, ref(1, at), &excelize.Chart{
				Type:       excelize.Bar,
				VaryColors: &single,
				Series: []excelize.ChartSeries{{
					Name:       q + "!$F$1",
					Categories: fmt.Sprintf("%s!%s:%s", q, absRef(3, chartFrom), absRef(3, chartTo)),
					Values:     fmt.Sprintf("%s!%s:%s", q, absRef(6, chartFrom), absRef(6, chartTo)),
					Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{chartColor}},
					DataLabel:  excelize.ChartDataLabel{Font: dark},
				}},
				Title: excelize.ChartTitle{
					Paragraph: []excelize.RichTextRun{{Text: chartTitle, Font: &excelize.Font{Family: fontName, Size: 12, Bold: true, Color: "000000"}}},
				},
				XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: dark},
				YAxis:     excelize.ChartAxis{Font: dark, MajorGridLines: true},
				PlotArea:  excelize.ChartPlotArea{ShowVal: true},
				Legend:    excelize.ChartLegend{Position: "none"},
				Dimension: excelize.ChartDimension{Width: uint(width * charPixels), Height: uint(height)},
			})
		},
	}, len(rows), func(i int) ([]any, error) { return rows[i], nil })
}

// chartColor is the bars' one colour: a dark blue, which prints as a
// dark grey.
const chartColor = "1F4E79"

// A row's default height and a character's width in pixels, at 96 dpi
// in the workbook's font: where a drawing ends.
const (
	rowPixels  = 20
	charPixels = 7
)

// formula is a live formula that also carries its value.
func (b *book) formula(f string, v any) any {
	return excelize.Cell{StyleID: b.st.count, Formula: f, Value: v}
}
