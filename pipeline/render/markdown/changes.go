package markdown

import (
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
)

// Changes is what changed since the report of the period last published,
// as the run found it (issue 14): the rows of the registers and the
// figures. A template shows it in a section of its own, which it may leave
// out; the view's Changes is nil when the run did not compare.
type Changes struct {
	Since Date // the day the published report was made; zero when First
	// First says no report of the period was published before: there was
	// nothing to compare with, and nothing else is set.
	First bool
	// Restated says figures changed in buckets that had ended when the
	// published report was made (a closed quarter): Closed names them, in
	// the order of the figures.
	Restated bool
	Closed   []string
	Rows     RowChanges
	Figures  FigureChanges
	// NotCompared says which figures were not compared, and why (a
	// published file missing, another reporting currency); empty when
	// all were.
	NotCompared []string
}

// RowChanges are the rows of the registers added, removed or changed, by
// file and id: the first Listed, how many there are, and how many First
// leaves out (all of them are in changes.csv).
type RowChanges struct {
	First []RowChange
	Count int
	More  int
}

// RowChange is a row of a register added, removed or changed. It prints
// in words: "AC-017 (activities.csv) changed".
type RowChange struct {
	File   string // the input file
	Kind   string // agreements, activities, measures, rates, …
	ID     string
	Change string // "added", "removed" or "changed"

	l lang.Lang // the report's, for String
}

func (c RowChange) String() string { return c.ID + " (" + c.File + ") " + words.In(c.l, c.Change) }

// FigureChanges are the counts and sums that changed, old → new, by
// bucket, country, currency and figure: the first Listed, how many there
// are, and how many First leaves out.
type FigureChanges struct {
	First []FigureChange
	Count int
	More  int
}

// FigureChange is a count or a sum that changed. It prints in words:
// "2025-Q3, Russia, activities: 4 → 5", "2025-Q3, China, money in CNY:
// 60,000.00 → 63,000.00", "2025-Q3, China, money in CNY converted to MNT:
// …", with "none" for a row that did not exist.
type FigureChange struct {
	Bucket   string // bucket label, or the period's label
	Country  string // short name or "Multilateral"; "All partners" for all of them
	Currency string // of a sum; "" for a count
	Figure   string // in words: "agreements signed", "agreements in force", "activities", "participants", "money", "money converted to MNT"
	Old, New string // as the report prints them; "none" when the row did not exist
	Closed   bool   // the bucket had ended when the published report was made: a restatement

	l lang.Lang // the report's, for String
}

func (c FigureChange) String() string {
	what := c.Figure
	if c.Currency != "" {
		money := words.In(c.l, "money")
		what = strings.Replace(what, money, words.F(c.l, "money in %s", c.Currency), 1)
	}
	return c.l.Bucket(c.Bucket) + ", " + c.Country + ", " + what + ": " + c.Old + " → " + c.New
}

// figureWords are the figures of summary.csv and finance.csv in words.
var figureWords = map[string]string{
	"agreements_signed":   "agreements signed",
	"agreements_in_force": "agreements in force",
	"activities":          "activities",
	"participants":        "participants",
	"amount":              "money",
	"amount_reporting":    "money converted to ", // + the reporting currency
}

// changes makes the view of r's changes; nil when the run did not
// compare.
func changes(r *pipeline.Report) *Changes {
	c := r.Changes
	if c == nil {
		return nil
	}
	if c.First {
		return &Changes{First: true}
	}
	v := &Changes{Restated: c.Restated, NotCompared: c.NotCompared}
	if !c.Since.IsZero() {
		v.Since = Date{pipeline.DateOf(c.Since), r.Lang}
	}
	v.Rows.Count = max(len(c.Rows), c.RowsAdded+c.RowsRemoved+c.RowsChanged) // Rows holds the first ones
	for _, rc := range c.Rows[:min(len(c.Rows), Listed)] {
		v.Rows.First = append(v.Rows.First, RowChange{File: rc.File, Kind: string(rc.Kind), ID: rc.ID, Change: rc.Change, l: r.Lang})
	}
	v.Rows.More = v.Rows.Count - len(v.Rows.First)
	// The whole period's figures change with its buckets': the closed
	// buckets are named, the whole period in words; a sum converted into
	// its own currency repeats the sum, and is left out.
	whole := r.Period.Name
	if whole == "" {
		whole = r.Period.Label
	}
	var cells []pipeline.FigureChange
	for _, fc := range c.Cells {
		if fc.Figure == "amount_reporting" && fc.Currency == r.Currency {
			continue
		}
		if fc.Bucket == r.Period.Label {
			fc.Bucket = whole
		}
		cells = append(cells, fc)
	}
	closed := map[string]bool{}
	for _, fc := range cells {
		if fc.Closed && !closed[fc.Bucket] && fc.Bucket != whole {
			closed[fc.Bucket] = true
			v.Closed = append(v.Closed, r.Lang.Bucket(fc.Bucket))
		}
	}
	v.Figures.Count = len(cells)
	for _, fc := range cells[:min(len(cells), Listed)] {
		v.Figures.First = append(v.Figures.First, figureChange(r, fc))
	}
	v.Figures.More = v.Figures.Count - len(v.Figures.First)
	return v
}

func figureChange(r *pipeline.Report, fc pipeline.FigureChange) FigureChange {
	l, reporting := r.Lang, r.Currency
	what, ok := figureWords[fc.Figure]
	if !ok {
		what = strings.ReplaceAll(fc.Figure, "_", " ")
	}
	what = words.In(l, what)
	// The digits of a sum are those of its currency: a converted sum's
	// are the reporting currency's.
	code := fc.Currency
	if fc.Figure == "amount_reporting" {
		what = words.F(l, "money converted to %s", reporting)
		code = reporting
	}
	country := fc.Country
	if country == "" {
		country = words.In(l, "All partners")
	} else if l != lang.English && l != "" {
		country = localCountry(r, country)
	}
	return FigureChange{Bucket: fc.Bucket, Country: country, Currency: fc.Currency, Figure: what,
		Old: printed(l, fc.Old, code), New: printed(l, fc.New, code), Closed: fc.Closed, l: l}
}

// localCountry is a country the changes name by its English short name,
// in the report's language.
func localCountry(r *pipeline.Report, name string) string {
	if name == "Multilateral" {
		return r.Lang.Multilateral()
	}
	for _, c := range r.Countries {
		if c.Name == name {
			return r.CountryName(c)
		}
	}
	return name
}

// printed is a figure as the report prints it: grouped digits, the
// currency's minor units for a sum; "none" for a row that did not exist.
func printed(l lang.Lang, s, code string) string {
	if s == "" {
		return words.In(l, "none")
	}
	d, err := pipeline.ParseDecimal(s)
	if err != nil {
		return s
	}
	if l != lang.English && l != "" {
		if code == "" {
			return l.Digits(d.String())
		}
		return l.Digits(pipeline.Plain(d, code))
	}
	if code == "" {
		return pipeline.GroupDigits(d.String())
	}
	return pipeline.Grouped(d, code)
}

// Comparison is a bucket beside the bucket of the same length before it
// (see aggregate's compare.go for when a bucket is compared).
type Comparison struct {
	Bucket, Previous               string // labels: "2025-Q3", "2025-Q2"
	Activities, PreviousActivities int
	// Money and PreviousMoney are the buckets' money in the reporting
	// currency, converted amounts only (the currencies whose every amount
	// had a rate); zero without a reporting currency.
	Money, PreviousMoney pipeline.Decimal
	Gained, Lost         []Country // partner countries, by name
}

func (v *View) compared(r *pipeline.Report, totals map[string]pipeline.Counts) {
	countries := func(cs []pipeline.Country) []Country {
		var out []Country
		for _, c := range cs {
			out = append(out, v.country(c, totals[c.Code]))
		}
		v.sortCountries(out)
		return out
	}
	for _, c := range r.Compared {
		v.Compared = append(v.Compared, Comparison{Bucket: c.Bucket, Previous: c.Previous,
			Activities: c.Activities, PreviousActivities: c.PrevActs, Money: c.Reporting, PreviousMoney: c.PrevReports,
			Gained: countries(c.Gained), Lost: countries(c.Lost)})
	}
}
