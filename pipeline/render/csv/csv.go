package csv

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/gocarina/gocsv"

	"coopreport/pipeline"
)

type summaryRow struct {
	Period       string `csv:"period"`
	CountryCode  string `csv:"country_code"`
	Country      string `csv:"country"`
	Signed       int    `csv:"agreements_signed"`
	InForce      int    `csv:"agreements_in_force"`
	Activities   int    `csv:"activities"`
	Participants int64  `csv:"participants"`
}

type financeRow struct {
	Period            string `csv:"period"`
	CountryCode       string `csv:"country_code"`
	Country           string `csv:"country"`
	Currency          string `csv:"currency"`
	Amount            string `csv:"amount"`
	ReportingCurrency string `csv:"reporting_currency"`
	Rate              string `csv:"rate"`
	AmountReporting   string `csv:"amount_reporting"`
}

type rejectRow struct {
	File   string `csv:"file"`
	Sheet  string `csv:"sheet"`
	Row    int    `csv:"row"`
	Column string `csv:"column"`
	Value  string `csv:"value"`
	Reason string `csv:"reason"`
}

func marshal(w io.Writer, rows any) error {
	cw := csv.NewWriter(w)
	if err := gocsv.MarshalCSV(rows, gocsv.NewSafeCSVWriter(cw)); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// Summary writes summary.csv: one row a bucket and country with anything
// to count, then, when the period has more than one bucket, one row a
// country for the whole period, labelled with the period's label.
func Summary(w io.Writer, r *pipeline.Report) error {
	rows := make([]summaryRow, 0, len(r.Summary)+len(r.Totals))
	add := func(s pipeline.SummaryRow) {
		rows = append(rows, summaryRow{s.Bucket, s.Country.Code, s.Country.Label(), s.Signed, s.InForce, s.Activities, s.Participants})
	}
	for _, s := range r.Summary {
		add(s)
	}
	if len(r.Period.Buckets) > 1 {
		for _, s := range r.Totals {
			add(s)
		}
	}
	return marshal(w, rows)
}

// Finance writes finance.csv, bucket rows first, then whole-period rows
// as Summary does.
func Finance(w io.Writer, r *pipeline.Report) error {
	rows := make([]financeRow, 0, len(r.Finance)+len(r.FinanceTotals))
	add := func(f pipeline.FinanceRow) {
		row := financeRow{
			Period:      f.Bucket,
			CountryCode: f.Country.Code,
			Country:     f.Country.Label(),
			Currency:    f.Currency,
			Amount:      pipeline.Plain(f.Amount, f.Currency),
		}
		if r.Currency != "" {
			row.ReportingCurrency = r.Currency
			if f.RateKnown {
				row.Rate = f.Rate.String()
			}
			if f.Converted {
				row.AmountReporting = pipeline.Plain(f.Reporting, r.Currency)
			}
		}
		rows = append(rows, row)
	}
	for _, f := range r.Finance {
		add(f)
	}
	if len(r.Period.Buckets) > 1 {
		for _, f := range r.FinanceTotals {
			add(f)
		}
	}
	return marshal(w, rows)
}

// Rejects writes rejects.csv. A value that a spreadsheet program would
// run as a formula (it begins with = + - @, a tab or a carriage return and
// is not a plain number) gets a leading apostrophe, the usual escape.
func Rejects(w io.Writer, rejects []pipeline.RowError) error {
	rows := make([]rejectRow, len(rejects))
	for i, e := range rejects {
		rows[i] = rejectRow{e.File, e.Sheet, e.Row, e.Column, Defuse(e.Value), e.Reason()}
	}
	return marshal(w, rows)
}

// Defuse escapes text that spreadsheet programs would read as a formula.
func Defuse(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := pipeline.ParseDecimal(s); err == nil {
		return s // a plain number such as -5 is data, not a formula
	}
	return "'" + s
}
