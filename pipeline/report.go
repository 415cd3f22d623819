package pipeline

import (
	"coopreport/pipeline/lang"

	"io"
	"time"
)

// Counts are the numbers the report gives for one bucket (or the whole
// period) and one partner country. Their definitions are the output
// contract's, and they are written once, in package aggregate.
type Counts struct {
	Signed       int   // agreements whose signing date falls in the bucket
	InForce      int   // agreements in force on at least one day of the bucket
	Activities   int   // activities whose date falls in the bucket
	Participants int64 // sum of their participants
}

// IsZero reports whether there is nothing to count.
func (c Counts) IsZero() bool { return c == Counts{} }

// SummaryRow is one line of summary.csv: Bucket is a bucket label, or the
// period label for the whole period.
type SummaryRow struct {
	Bucket  string
	Country Country
	Counts
}

// FinanceRow is one line of finance.csv: the money spent on activities of
// one bucket and country in one currency.
type FinanceRow struct {
	Bucket   string
	Country  Country
	Currency string
	Amount   Decimal
	// Rate is the single rate used for every amount of the row; RateKnown
	// is false when no rate applied, or when several different ones did.
	Rate      Decimal
	RateKnown bool
	// Reporting is the sum of the amounts converted to the reporting
	// currency, each rounded to that currency's minor unit. Converted is
	// false when any amount of the row had no rate: then no sum is given.
	Reporting Decimal
	Converted bool
}

// InputFile is one file read: its SHA-256 and its row counts. Rows read =
// rows accepted + rows rejected, always.
type InputFile struct {
	Name     string // path inside the input folder, with forward slashes
	SHA256   string
	Tables   []InputTable
	Read     int
	Accepted int
	Rejected int
}

// InputTable is one CSV file or workbook sheet and what it held.
type InputTable struct {
	Sheet string // empty for CSV
	Kind  Kind   // "" when the table was skipped
	// HeaderRow is the row number of the table's header, as the
	// spreadsheet shows it (0 when the table was skipped): the checked
	// copies find the columns of rejects and warnings there.
	HeaderRow int
	Read      int
	Accepted  int
	Rejected  int
}

// Report is everything a run found, ready for the writers: they format it
// and compute nothing of their own, so that the PDF, the workbook and the
// CSV files cannot disagree.
type Report struct {
	Party string // reporting party, e.g. "Mongolia"
	Title string // report title
	// Lang is the language the report is written in (the zero Lang is
	// English); Abbreviate asks for the Mongolian and Russian
	// abbreviations of country names (ОХУ, КНР) where they have one.
	Lang       lang.Lang
	Abbreviate bool
	// ShortTitle is the title in the PDF's running header; "" shortens
	// Title at a word.
	ShortTitle string
	// NoDataIssues leaves the data issues annex out of the report's text
	// (data_issues_annex = false): a copy meant for publication.
	NoDataIssues bool
	Currency     string    // reporting currency; "" when none is set
	Version      string    // tool version
	Made         time.Time // when the report was made, in the configured time zone
	Period       Period

	Summary       []SummaryRow // bucket rows in bucket order, then country order
	Totals        []SummaryRow // whole-period rows, one per country with anything to count
	Finance       []FinanceRow // bucket rows, in bucket, country and currency order
	FinanceTotals []FinanceRow // whole-period rows (Bucket = period label)

	// Grand is the whole period over all partners (multilateral included);
	// GrandMoney the whole period's money per currency over all partners
	// (Country is the zero Country), in currency order.
	Grand      Counts
	GrandMoney []FinanceRow
	// BucketTotals and BucketMoney are each bucket over all partners, in
	// bucket order (and currency order): agreements in force add up over
	// partners within a bucket (an agreement has one), so writers need not
	// add anything up themselves.
	BucketTotals []SummaryRow
	BucketMoney  []FinanceRow
	// BucketReporting is each bucket's money over all partners in the
	// reporting currency: the converted sums of the bucket's currencies
	// whose every amount had a rate (BucketMoney says which did not); nil
	// without a reporting currency.
	BucketReporting []Decimal
	// GrandReporting is the whole period's money over all partners and
	// currencies in the reporting currency, given only when every amount
	// had a rate (GrandConverted).
	GrandReporting Decimal
	GrandConverted bool

	// MeasureMoney is the period's money per measure and currency, each
	// amount also converted to US dollars at the rates of its date (the
	// current periodic report form asks for the financial resources of a
	// measure in USD), in measure and currency order. Measure is the
	// activities' measure reference ("" for none), and AllMeasures sums
	// every activity, whatever its measure.
	MeasureMoney []MeasureMoney

	// Changes is what changed since the report of the period last
	// published; nil until the run has compared (package run fills it
	// before the writers run).
	Changes *Changes
	// Compared are the period's buckets beside the bucket of the same
	// length before each (this quarter and the last): nil when the data do
	// not reach back.
	Compared []BucketComparison

	Countries []Country // distinct partner countries with an agreement in force or an activity, by name

	Agreements []Agreement // the whole register, in input order
	Ledger     Ledger      // the activities of the period, in date order
	Measures   []Measure
	Rates      *Rates // conversion into Currency; never nil in a finished report
	RateList   []Rate // the exchange rates read, in input order

	AgreementColumns []string // names of the extra columns in the register, first seen first
	ActivityColumns  []string
	MeasureColumns   []string

	Inputs   []InputFile
	Rejects  []RowError
	Warnings []Warning
}

// AllMeasures is the Measure of the MeasureMoney rows over every activity.
const AllMeasures = "*"

// FormCurrency is the currency the current periodic report form states
// money in.
const FormCurrency = "USD"

// MeasureMoney is the money of one measure in one currency, and in US
// dollars: USD is the sum of the amounts each converted at the rate of
// its date and rounded to the cent; Left is the part of Amount whose
// amounts no rate chain converts to USD, and InUSD says there is none.
type MeasureMoney struct {
	Measure  string
	Currency string
	Amount   Decimal
	USD      Decimal
	Left     Decimal
	InUSD    bool
}

// Warning is something a run found that a person should know, beside the
// rejected rows.
type Warning struct {
	Message string
	// Numbers says the report's numbers may be incomplete or wrong for
	// it: a file, table or column that was not read, or values read on an
	// assumption nothing in the data confirms. A run with such a warning
	// is not silent, even off a terminal, and --strict fails it.
	Numbers bool
	// Note marks a warning that changes nothing in the report (a README
	// beside the tables was not read): the manifest, the workbook's About
	// sheet and -v list it, the report's text does not.
	Note bool
	// Cells are the cells of the input files the warning is about (a
	// column kept as extra: its header cell; a date read in an order the
	// data does not prove: the column's header and its two-way values),
	// which the checked copies mark. Most warnings have none.
	Cells []Cell
}

// Cell is one cell of an input table: its row as the spreadsheet shows it
// and its column as the table's header writes it, on one line (or
// "column N" beyond the header), as a RowError names them.
type Cell struct {
	Pos
	Column string
}

func (w Warning) String() string { return w.Message }

// Empty reports whether the period has no records at all: no agreement
// in force or signed, no activity. Its report is a report of nothing, which
// most often means a wrong period or input folder.
func (r *Report) Empty() bool {
	g := r.Grand
	return g.InForce == 0 && g.Signed == 0 && g.Activities == 0
}

// Incomplete reports whether the numbers may be incomplete or wrong: rows
// were rejected, or a warning says so.
func (r *Report) Incomplete() bool {
	if r.RowsRejected() > 0 {
		return true
	}
	for _, w := range r.Warnings {
		if w.Numbers {
			return true
		}
	}
	return false
}

// Close releases what the report holds outside memory: a ledger kept on
// disk is removed.
func (r *Report) Close() error {
	if c, ok := r.Ledger.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// RowsRead, RowsAccepted and RowsRejected add up the row counts of every
// input file: rows read = rows accepted + rows rejected. A rejected row
// may have several entries in Rejects, one per problem.
func (r *Report) RowsRead() (n int) {
	for _, in := range r.Inputs {
		n += in.Read
	}
	return n
}

func (r *Report) RowsAccepted() (n int) {
	for _, in := range r.Inputs {
		n += in.Accepted
	}
	return n
}

func (r *Report) RowsRejected() (n int) {
	for _, in := range r.Inputs {
		n += in.Rejected
	}
	return n
}

// Changes is what changed since the report of the same period that was
// last published: the rows of the registers, then the figures.
type Changes struct {
	// Since is when the published report was made; First says there was
	// none to compare with (then nothing else is set).
	Since time.Time
	First bool
	// Rows are the register rows added, removed or changed, by file, kind
	// and id: the first MaxRowChanges of them (changes.csv lists all);
	// RowsAdded, RowsRemoved and RowsChanged count them all.
	Rows                                []RowChange
	RowsAdded, RowsRemoved, RowsChanged int
	Cells                               []FigureChange // by bucket, country, currency and figure
	// Restated says a figure changed in a bucket that had ended when the
	// published report was made (a closed quarter): a restatement.
	Restated bool
	// NotCompared says which figures were not compared, and why ("" when
	// all were): a published file missing or altered, another reporting
	// currency. A restatement among them would go unseen.
	NotCompared []string
}

// MaxRowChanges is how many row changes a Changes holds: a register
// replaced by another may change every row, and changes.csv lists them.
const MaxRowChanges = 1000

// RowChange is a row of a register added, removed or changed. Kind and
// ID are empty when the file as a whole is meant (the published outputs
// did not list their rows).
type RowChange struct {
	File   string
	Kind   Kind   // agreements, activities, …
	ID     string // the row's id (a rate's: "USD MNT 2025-Q3")
	Change string // "added", "removed" or "changed"
}

// FigureChange is a count or a sum that changed, old → new, as the
// outputs print them.
type FigureChange struct {
	Bucket   string // bucket label, or the period's label for the whole period
	Country  string // country label; "" for all partners
	Code     string // the country's code, as summary.csv gives it
	Currency string // for money; "" for counts
	Figure   string // "agreements_signed", "agreements_in_force", "activities", "participants", "amount", "amount_reporting"
	Old, New string // "" when the row did not exist
	Closed   bool   // the bucket had ended when the published report was made
}

// BucketComparison is a bucket beside the bucket of the same length
// before it: partners gained and lost, activities and money up or down.
type BucketComparison struct {
	Bucket, Previous       string // labels: "2025-Q3", "2025-Q2"
	Gained, Lost           []Country
	Activities, PrevActs   int
	Reporting, PrevReports Decimal // money in the reporting currency (converted amounts only)
	HasMoney               bool    // a reporting currency is set
}

// CountryName is c's name as the report's tables and lists write it: its
// short name in the report's language (lang.Lang.Country), or the
// abbreviation Mongolian and Russian official texts use (ОХУ, КНР) when
// the configuration asks for them (Abbreviate); the language's word for
// "Multilateral" for no single country. English keeps the name the
// resolver gave.
func (r *Report) CountryName(c Country) string {
	l := r.Lang
	switch {
	case c.Multilateral():
		return l.Multilateral()
	case l == "" || l == lang.English:
		return c.Name
	case r.Abbreviate:
		if a, ok := l.Abbreviation(c.Code); ok {
			return a
		}
	}
	return l.Country(c.Code, c.Name)
}
