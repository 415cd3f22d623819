package markdown

import (
	"coopreport/pipeline/lang"
	"coopreport/pipeline/period"

	"errors"
	"fmt"
	"iter"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/collate"

	"coopreport/pipeline"
)

// View is the data a report template sees: the report's facts in the
// words and shapes a report writer needs, not the pipeline's internal
// types. Every number comes from the pipeline; the view sorts, selects and
// counts records, and adds no money up (the aggregator does that once for
// every output). The README lists every field.
type View struct {
	// Lang is the language the report is written in: "en", "fr", "mn" or
	// "ru" ({{if eq .Lang.Code "fr"}}).
	Lang              lang.Lang
	Party             string // reporting party, e.g. "Mongolia"
	Title             string // report title; "" when none is configured
	Period            Period
	Made              Date   // the day the report was made
	Version           string // coopreport's version
	ReportingCurrency string // ISO 4217 code; "" when none is set

	Countries []Country // partner countries: an agreement in force or an activity in the period; by name
	Totals    Totals    // the whole period over all partners
	// Empty says the period has no records at all: no agreement in force
	// or signed, no activity (most often a wrong period or input folder).
	Empty bool

	ByCountry    []Row // the whole period by partner (multilateral last)
	ByBucket     []Row // by bucket and partner
	BucketTotals []Row // by bucket, over all partners (Country is "All partners")

	Agreements []Agreement  // in force on at least one day of the period, in register order
	Plans      []Agreement  // the Agreements that are cooperation plans
	MoUs       []Agreement  // the Agreements that are memoranda of understanding
	Treaties   []Agreement  // treaties and accessions signed within the period
	Activities ActivityList // the period's activities, by date
	Meetings   MeetingList  // the period's meetings, with what they decided (see Meeting)
	// Ended are the Agreements whose validity ended during the period
	// (valid to on or before its last day), by date; Expiring those in
	// force after it whose validity ends within the next 12 months, by
	// ExpiringBy, by date.
	Ended      []Agreement
	Expiring   []Agreement
	ExpiringBy Date

	Measures []Measure // the measures; one made from the records when the input has none
	// Goals are the goals of the Convention, in the framework's order, each
	// with its areas of monitoring and the measures placed under them: the
	// current form's (Form B) order of the measures.
	Goals []Goal

	RejectsCount int         // input rows rejected (rejects.csv may list a row more than once)
	Problems     ProblemList // the lines of rejects.csv: one per problem found
	Warnings     []string    // what the run warned about, for the people who fix the data
	// DataIssues is false when the configuration leaves the data issues
	// annex out (data_issues_annex = false): a copy meant for publication.
	DataIssues bool

	// Changes is what changed since the report of the period last
	// published; nil when the run did not compare (see changes.go).
	Changes *Changes
	// Compared are the period's buckets beside the bucket of the same
	// length before each, in bucket order; empty when there is nothing
	// to compare.
	Compared []Comparison

	r *pipeline.Report
}

// ProblemList is the problems found in the input: the first ListedProblems
// of them, in the order of rejects.csv, and how many there are.
type ProblemList struct {
	First []Problem
	Count int
	More  int
}

// ListedProblems is how many problems the report lists: the rest are in
// rejects.csv and the workbook's Data issues sheet.
const ListedProblems = 200

// Problem is one line of rejects.csv: a value of a row that could not be
// read, and why.
type Problem struct {
	File   string
	Sheet  string // "" for a CSV file
	Row    int    // the row number the spreadsheet shows
	Column string // the column as the file heads it; "" for the whole row
	Value  string
	Reason string // a sentence that says how to fix it
}

// Period is what the report covers.
type Period struct {
	Label   string // "2012..2015", "2025-Q3": as the output folder is named
	Name    string // in words: "2012–2015", "third quarter of 2025", "July 2024 – June 2025"
	From    Date
	To      Date
	By      string // "month", "quarter" or "year"
	Buckets []Bucket
}

// Dates is the period's days as a sentence says them, without repeating
// the month and year they share: "from 1 July to 30 September 2025", "du
// 1er juillet au 30 septembre 2025", "с 1 июля по 30 сентября 2025 г.",
// "2025 оны долдугаар сарын 1 – 2025 оны есдүгээр сарын 30" (see
// lang.Lang.DateRange).
func (p Period) Dates() string { return p.From.l.DateRange(lang.Day(p.From.d), lang.Day(p.To.d)) }

// Bucket is one month, quarter or year of the period.
type Bucket struct {
	Label    string // "2013", "2025-Q3", "2025-10"
	From, To Date
}

// Date is a calendar date. Printed, it is written out in the report's
// language: "23 September 2015", "23 сентября 2015 г."; the zero Date (no
// date) prints as nothing.
type Date struct {
	d pipeline.Date
	l lang.Lang
}

func (d Date) String() string { return d.l.Date(d.d.Year, d.d.Month, d.d.Day) }

// ISO is the date as 2015-09-23.
func (d Date) ISO() string { return d.d.String() }

// Year is the year, 0 for no date.
func (d Date) Year() int { return d.d.Year }

// IsZero reports whether there is no date.
func (d Date) IsZero() bool { return d.d.IsZero() }

// Country is a partner country.
type Country struct {
	Code     string // ISO 3166-1 alpha-2, "RU"
	Name     string // English short name, "Russia"
	LongName string // formal name, "Russian Federation"
	The      string // the formal name as a sentence needs it: "the Russian Federation", "Japan"

	// The whole period's numbers for the country (the by-country table).
	Signed       int
	InForce      int
	Activities   int
	Participants int64
}

// String is the short name.
func (c Country) String() string { return c.Name }

// Partner is a partner of agreements: a country, or a region of one.
type Partner struct {
	Country Country
	Region  string // "Inner Mongolia"; "" for the country as a whole
	Name    string // "Russian Federation"; "Inner Mongolia (region of China)"
}

// String is Name.
func (p Partner) String() string { return p.Name }

// Totals are the whole period's numbers over all partners, multilateral
// included.
type Totals struct {
	Countries    int // partner countries
	Signed       int // agreements signed in the period
	InForce      int // agreements in force on at least one day of the period
	Activities   int
	Participants int64
	Money        []Money // per currency, in currency order
}

// Money is a sum in one currency and, where every amount in it had an
// exchange rate, the sum converted into the reporting currency.
type Money struct {
	Currency  string
	Amount    pipeline.Decimal
	Converted bool             // Reporting holds the converted sum
	Reporting pipeline.Decimal // in the reporting currency
	Rate      pipeline.Decimal // the one rate used, when RateKnown
	RateKnown bool
}

// Row is one line of the by-country or by-bucket numbers.
type Row struct {
	Bucket       string // bucket label; the period's label for the whole period
	Country      string // short name, or "Multilateral"
	Code         string // ISO code; "" for multilateral
	Signed       int
	InForce      int
	Activities   int
	Participants int64
}

// Agreement is one agreement of the register.
type Agreement struct {
	ID              string
	Country         string // short name, or "Multilateral"
	CountryLongName string // formal name, or "Multilateral"
	Code            string // ISO code; "" for multilateral
	Region          string
	Partner         string // the partner institution; the partner's formal name when the register has none
	Counterpart     string // the domestic party; the reporting party when the register has none
	Sector          string // "governmental" or "non-governmental"
	Instrument      string // agreement, plan, mou, treaty, protocol or other
	InstrumentName  string // "Agreement", "Cooperation plan", "Memorandum of understanding", …
	Title           string
	Signed          Date
	ValidFrom       Date
	ValidTo         Date   // zero: open-ended
	Years           string // "2012–2014", "2013", "from 1994"
	Status          string // during the period: "in force", "expired during the period", …
	Measure         string // measure id
	Notes           string
}

// Activity is one activity of the period.
type Activity struct {
	ID                string
	Date              Date // first day
	End               Date // last day; zero for a one-day activity
	Dates             string
	Country           string // short name, or "Multilateral"
	CountryLongName   string
	Code              string
	Region            string
	Agreement         string // agreement id
	Measure           string // measure id
	Type              string // training, festival, exhibition, exchange, meeting, study, treaty or other
	Title             string
	Participants      int64 // 0 when the register gives none (ParticipantsKnown false)
	ParticipantsKnown bool
	HasAmount         bool
	Amount            pipeline.Decimal
	Currency          string
	Converted         bool             // Reporting holds the amount in the reporting currency
	Reporting         pipeline.Decimal // converted with the rate of the activity's date
	Funding           string
	Agency            string
	Notes             string
}

// ActivityList is a list of activities that may be long: a ledger may
// hold a million. First holds the first ones, in date order, up to a
// limit (Listed, or ListedRows for the whole period's list); Count says
// how many there are, More how many First leaves out. All gives every one
// of them from the ledger, for a template that must list them all (the
// report then grows with the ledger).
type ActivityList struct {
	First []Activity
	Count int
	More  int

	all func(yield func(Activity) bool)
}

// All ranges over every activity of the list, from the ledger:
// {{range .Activities.All}}…{{end}}.
func (l ActivityList) All() iter.Seq[Activity] {
	if l.all == nil {
		return func(yield func(Activity) bool) {
			for _, a := range l.First {
				if !yield(a) {
					return
				}
			}
		}
	}
	return l.all
}

// MeetingList is the meetings of a period or measure: the first ones, up
// to Listed, and how many there are.
type MeetingList struct {
	First []Meeting
	Count int
	More  int
}

// Listed is how many items a list of the report's text holds before
// "and N more": activities under a measure, meetings, cooperation plans
// and memoranda, treaties, funding sources. A report has a section per
// measure, so the lists stay short: the workbook lists everything.
const Listed = 10

// ListedDecided is how many of the activities a meeting decided are
// listed under it.
const ListedDecided = 5

// Meeting is an activity of type meeting and what it decided. A meeting
// held on the day its agreement was signed is the signing, reported with
// the agreement, and is not a Meeting.
//
// What a meeting decided is taken from the records by a simple rule: the
// activities of the period under the same agreement that start after the
// meeting's last day, within two years of it, and before the next meeting
// under that agreement. A meeting without an agreement decided nothing
// the records can show.
type Meeting struct {
	Activity
	Decided ActivityList // the first ListedDecided, and how many
}

// Measure is a policy measure as the periodic report form lays it out
// (mongolia-measure.txt): its texts as the measures table gives them, and
// what the records of the measure show.
//
// A measure's records are the agreements and activities whose measure
// column names it. When no record names any measure and there is a single
// measure, it has every record; a measure made from the records (no
// measures table) has every record too.
type Measure struct {
	ID          string
	Title       string
	Agencies    []string // the agencies, split at semicolons and line breaks
	Area        string
	Objectives  string
	Scope       string
	Nature      []string // legislative, regulatory, financial, institutional (in the report's language)
	Features    string   // as written; "" when the report writes them from the records
	Results     string
	Resources   string
	Extra       []Field // columns the measures table has beyond these
	FromRecords bool    // made from the records: the input has no measures

	// The current form's (Form B) fields. Areas is never empty: a measure
	// the measures table places nowhere is placed by a rule, and Placed
	// says where and why.
	Goals           []GoalRef
	Areas           []AreaRef // the first is where the report lists it
	Domains         []string
	Evaluated       string // "yes", "no" or ""
	Conclusions     string
	Achieved        string // results achieved so far, as written
	Placed          string
	PartnersEngaged []PartnerEngaged
	USD             USDMoney
	holdsAll        bool // its records are every record of the period

	Agreements   []Agreement  // its agreements in force during the period
	Partners     []Partner    // their partners (multilateral aside), first seen first
	Countries    []Country    // their countries, by name
	Sectors      []string     // their sectors: "governmental", "non-governmental"
	Plans        []Agreement  // cooperation plans in force, the first Listed
	MoUs         []Agreement  // memoranda in force, the first Listed
	Treaties     []Agreement  // signed within the period, the first Listed
	PlansMore    int          // the plans Plans leaves out
	MoUsMore     int          // the memoranda MoUs leaves out
	TreatiesMore int          // the treaties Treaties leaves out
	Activities   ActivityList // the first Listed, and how many
	Participants int64        // of its activities
	Meetings     MeetingList
	Funding      []string // the funding sources of its activities, first seen first (the first Listed)
	// Money is the period's money per currency when the measure holds
	// every activity of the period; nil otherwise, because money is summed
	// by bucket, country and currency, not by measure.
	Money []Money

	Report *View // the whole report, for partials that are given a Measure
}

// Field is an extra column: its header and value.
type Field struct{ Name, Value string }

// NewView makes the view of r for templates, reading its ledger once.
// Make it once and execute the templates of every target on it.
func NewView(r *pipeline.Report) (*View, error) {
	v := &View{
		Party:             r.Party,
		Title:             r.Title,
		Version:           r.Version,
		ReportingCurrency: r.Currency,
		Lang:              r.Lang,
		r:                 r,
	}
	if !r.Made.IsZero() {
		v.Made = v.date(pipeline.DateOf(r.Made)) // in the configured time zone
	}
	p := r.Period
	name := period.NameIn(r.Lang, p.Label)
	if name == "" {
		name = p.Label
	}
	v.Period = Period{Label: p.Label, Name: name, From: v.date(p.From), To: v.date(p.To), By: string(p.By)}
	for _, b := range p.Buckets {
		v.Period.Buckets = append(v.Period.Buckets, Bucket{b.Label, v.date(b.From), v.date(b.To)})
	}

	totals := map[string]pipeline.Counts{}
	for _, t := range r.Totals {
		totals[t.Country.Code] = t.Counts
		v.ByCountry = append(v.ByCountry, v.row(t))
	}
	for _, s := range r.Summary {
		v.ByBucket = append(v.ByBucket, v.row(s))
	}
	for _, s := range r.BucketTotals {
		row := v.row(s)
		row.Country = v.w("All partners")
		v.BucketTotals = append(v.BucketTotals, row)
	}
	for _, c := range r.Countries {
		v.Countries = append(v.Countries, v.country(c, totals[c.Code]))
	}
	v.sortByName()
	g := r.Grand
	v.Totals = Totals{Countries: len(r.Countries), Signed: g.Signed, InForce: g.InForce, Activities: g.Activities, Participants: g.Participants}
	for _, m := range r.GrandMoney {
		v.Totals.Money = append(v.Totals.Money, money(m))
	}

	var inForce []*pipeline.Agreement
	for i := range r.Agreements {
		a := &r.Agreements[i]
		if a.InForce(p.From, p.To) || isTreatyOfPeriod(a, &p) {
			inForce = append(inForce, a)
		}
	}
	v.Agreements, v.Plans, v.MoUs, v.Treaties = v.agreements(inForce)
	v.ExpiringBy = v.date(pipeline.DateOf(p.To.Time().AddDate(1, 0, 0)))
	v.Ended, v.Expiring = ending(v.Agreements, p.From, p.To, v.ExpiringBy.d)

	for _, in := range r.Inputs {
		v.RejectsCount += in.Rejected
	}
	v.Problems.Count = len(r.Rejects)
	for i := range r.Rejects[:min(len(r.Rejects), ListedProblems)] {
		e := &r.Rejects[i]
		v.Problems.First = append(v.Problems.First, Problem{File: e.File, Sheet: e.Sheet, Row: e.Row,
			Column: e.Column, Value: e.Value, Reason: e.Reason()})
	}
	v.Problems.More = v.Problems.Count - len(v.Problems.First)
	for _, w := range r.Warnings {
		if !w.Note {
			v.Warnings = append(v.Warnings, w.Message)
		}
	}
	v.DataIssues = !r.NoDataIssues
	v.Changes = changes(r)
	v.compared(r, totals)
	v.Empty = r.Empty()

	var err error
	if v.Measures, err = v.measures(inForce, totals); err != nil {
		return nil, err
	}
	v.formB()
	return v, nil
}

// date is d in the report's language.
func (v *View) date(d pipeline.Date) Date { return Date{d, v.Lang} }

// ending selects the agreements whose validity ended within [from, to],
// the last day of the period included, and those whose validity ends
// within (to, by], each by date.
func ending(list []Agreement, from, to, by pipeline.Date) (ended, expiring []Agreement) {
	for _, a := range list {
		end := a.ValidTo.d
		switch {
		case end.IsZero() || end.Before(from) || end.After(by):
		case !end.After(to):
			ended = append(ended, a)
		default:
			expiring = append(expiring, a)
		}
	}
	byEnd := func(a, b Agreement) int { return a.ValidTo.d.Compare(b.ValidTo.d) }
	slices.SortStableFunc(ended, byEnd)
	slices.SortStableFunc(expiring, byEnd)
	return ended, expiring
}

// isTreatyOfPeriod reports whether a is a treaty signed (acceded to)
// within the period: reported even if its validity is given otherwise.
func isTreatyOfPeriod(a *pipeline.Agreement, p *pipeline.Period) bool {
	return a.Instrument == pipeline.InstrumentTreaty && p.Contains(a.Signed)
}

func (v *View) row(s pipeline.SummaryRow) Row {
	return Row{Bucket: s.Bucket, Country: v.label(s.Country), Code: s.Country.Code,
		Signed: s.Signed, InForce: s.InForce, Activities: s.Activities, Participants: s.Participants}
}

// country is c in the report's language, with its numbers.
func (v *View) country(c pipeline.Country, n pipeline.Counts) Country {
	long := v.formal(c)
	the := the(long)
	if v.Lang != lang.English && v.Lang != "" {
		the = long // articles are English's
	}
	return Country{Code: c.Code, Name: v.short(c), LongName: long, The: the,
		Signed: n.Signed, InForce: n.InForce, Activities: n.Activities, Participants: n.Participants}
}

func longName(c pipeline.Country) string {
	if c.Multilateral() {
		return "Multilateral"
	}
	if c.LongName != "" {
		return c.LongName
	}
	return c.Name
}

// short is c's short name in the report's language, or its
// abbreviation (see pipeline.Report.CountryName).
func (v *View) short(c pipeline.Country) string {
	if v.r == nil {
		return (&pipeline.Report{Lang: v.Lang}).CountryName(c)
	}
	return v.r.CountryName(c)
}

// label is short, or "Multilateral" in the report's language.
func (v *View) label(c pipeline.Country) string { return v.short(c) }

// formal is c's formal name in the report's language, or "Multilateral".
func (v *View) formal(c pipeline.Country) string {
	if c.Multilateral() {
		return v.Lang.Multilateral()
	}
	if v.Lang == lang.English || v.Lang == "" {
		return longName(c)
	}
	return v.Lang.CountryFormal(c.Code, longName(c))
}

// sortByName puts the lists the aggregator orders by English name in the
// order of the names in the report's language (CLDR's collation), the
// multilateral row last as before. English keeps the aggregator's order.
func (v *View) sortByName() {
	if v.Lang == lang.English || v.Lang == "" {
		return
	}
	c := collate.New(v.Lang.Tag())
	slices.SortStableFunc(v.Countries, func(a, b Country) int { return c.CompareString(a.Name, b.Name) })
	byName := func(a, b Row) int {
		if (a.Code == "") != (b.Code == "") { // multilateral last
			if a.Code == "" {
				return 1
			}
			return -1
		}
		return c.CompareString(a.Country, b.Country)
	}
	slices.SortStableFunc(v.ByCountry, byName)
	slices.SortStableFunc(v.ByBucket, func(a, b Row) int {
		if a.Bucket != b.Bucket {
			return 0 // buckets stay in their order
		}
		return byName(a, b)
	})
}

// sortCountries orders a list of countries by their names in the
// report's language; English keeps the aggregator's order.
func (v *View) sortCountries(cs []Country) {
	if v.Lang == lang.English || v.Lang == "" {
		return
	}
	c := collate.New(v.Lang.Tag())
	slices.SortStableFunc(cs, func(a, b Country) int { return c.CompareString(a.Name, b.Name) })
}

func money(f pipeline.FinanceRow) Money {
	return Money{Currency: f.Currency, Amount: f.Amount, Converted: f.Converted, Reporting: f.Reporting, Rate: f.Rate, RateKnown: f.RateKnown}
}

var instrumentNames = map[pipeline.Instrument]string{
	pipeline.InstrumentAgreement: "Agreement",
	pipeline.InstrumentPlan:      "Cooperation plan",
	pipeline.InstrumentMoU:       "Memorandum of understanding",
	pipeline.InstrumentTreaty:    "Treaty",
	pipeline.InstrumentProtocol:  "Protocol",
	pipeline.InstrumentOther:     "Other",
}

func (v *View) agreement(a *pipeline.Agreement) Agreement {
	p := v.r.Period
	partner := a.Partner
	if partner == "" {
		partner = v.partnerName(a.Country, a.Region)
	}
	counterpart := a.Counterpart
	if counterpart == "" {
		counterpart = v.Party
	}
	return Agreement{
		ID: a.ID, Country: v.label(a.Country), CountryLongName: v.formal(a.Country), Code: a.Country.Code,
		Region: a.Region, Partner: partner, Counterpart: counterpart, Sector: string(a.Sector),
		Instrument: string(a.Instrument), InstrumentName: v.w(instrumentNames[a.Instrument]), Title: a.Title,
		Signed: v.date(a.Signed), ValidFrom: v.date(a.ValidFrom), ValidTo: v.date(a.ValidTo),
		Years: years(v.Lang, a.ValidFrom, a.ValidTo), Status: a.StatusDuring(p.From, p.To),
		Measure: a.Measure, Notes: a.Notes,
	}
}

// years is the span of an agreement in years: "2012–2014", "2013" for
// one year, "from 1994" when open-ended.
func years(l lang.Lang, from, to pipeline.Date) string {
	switch {
	case from.IsZero():
		return ""
	case to.IsZero():
		return l.Since(from.Year)
	case from.Year == to.Year:
		return fmt.Sprint(from.Year)
	}
	return fmt.Sprintf("%d–%d", from.Year, to.Year)
}

// partnerName names a partner for sentences: the formal name of the
// country, or "Inner Mongolia (region of China)".
func (v *View) partnerName(c pipeline.Country, region string) string {
	if region != "" {
		return v.f("%s (region of %s)", region, v.label(c))
	}
	return v.formal(c)
}

func (v *View) agreements(list []*pipeline.Agreement) (all, plans, mous, treaties []Agreement) {
	for _, a := range list {
		av := v.agreement(a)
		if a.Instrument == pipeline.InstrumentTreaty {
			if isTreatyOfPeriod(a, &v.r.Period) {
				treaties = append(treaties, av)
			}
			if !a.InForce(v.r.Period.From, v.r.Period.To) {
				continue
			}
		}
		all = append(all, av)
		switch a.Instrument {
		case pipeline.InstrumentPlan:
			plans = append(plans, av)
		case pipeline.InstrumentMoU:
			mous = append(mous, av)
		}
	}
	return all, plans, mous, treaties
}

// firstListed cuts a list of a measure's agreements to Listed, and says
// how many it left out.
func firstListed(list []Agreement) ([]Agreement, int) {
	if len(list) <= Listed {
		return list, 0
	}
	return list[:Listed], len(list) - Listed
}

func (v *View) activity(a *pipeline.Activity) Activity {
	av := Activity{
		ID: a.ID, Date: v.date(a.Date), End: v.date(a.End), Dates: dates(v.Lang, a.Date, a.End),
		Country: v.label(a.Country), CountryLongName: v.formal(a.Country), Code: a.Country.Code, Region: a.Region,
		Agreement: a.Agreement, Measure: a.Measure, Type: string(a.Type), Title: a.Title,
		Participants: a.KnownParticipants(), ParticipantsKnown: a.Participants >= 0, Funding: a.Funding, Agency: a.Agency, Notes: a.Notes,
	}
	if a.Amount != nil {
		av.HasAmount, av.Amount, av.Currency = true, a.Amount.Amount, a.Amount.Currency
		if c, _, ok := v.r.Convert(a); ok {
			av.Converted, av.Reporting = true, c
		}
	}
	return av
}

// dates writes a span of days out as briefly as English allows:
// "23 September 2015", "3–7 June 2015", "2 November – 18 December 2015",
// "28 December 2014 – 3 January 2015".
func dates(l lang.Lang, from, to pipeline.Date) string {
	return l.DateSpan(lang.Day(from), lang.Day(to))
}

// listAcc gathers a list of activities as the ledger goes by: the first
// limit of them, and how many.
type listAcc struct {
	first []Activity
	count int
	limit int
}

func (l *listAcc) add(a Activity) {
	if len(l.first) < l.limit {
		l.first = append(l.first, a)
	}
	l.count++
}

func (l *listAcc) list() ActivityList {
	return ActivityList{First: l.first, Count: l.count, More: l.count - len(l.first)}
}

// followUpSpan is how long after a meeting an activity under the same
// agreement counts as one the meeting decided.
const followUpSpan = 2 // years

// recordsAcc is what the ledger shows for the whole period or one
// measure.
type recordsAcc struct {
	acts         listAcc
	meetings     []*meetingAcc // the first Listed
	meetingCount int
	participants int64
	funding      []string
	fundingSeen  map[string]bool
}

func newRecordsAcc(limit int) *recordsAcc {
	return &recordsAcc{acts: listAcc{limit: limit}, fundingSeen: map[string]bool{}}
}

type meetingAcc struct {
	a       Activity
	decided listAcc
	measure string // of the measure's list it is in; "" in the period's
}

func (m *meetingAcc) meeting() Meeting { return Meeting{Activity: m.a, Decided: m.decided.list()} }

func (acc *recordsAcc) meetingList() MeetingList {
	l := MeetingList{Count: acc.meetingCount, More: acc.meetingCount - len(acc.meetings)}
	for _, m := range acc.meetings {
		l.First = append(l.First, m.meeting())
	}
	return l
}

// openMeeting is the last meeting of an agreement: the activities after
// its last day, within followUpSpan of it and before the next meeting,
// are what it decided.
type openMeeting struct {
	last, limit pipeline.Date
	accs        []*meetingAcc // its entries in the lists that show it
}

// scan reads the ledger once, in date order, and gathers what the view
// shows of the activities: for the period, and for each measure by id.
func (v *View) scan() (all *recordsAcc, byMeasure map[string]*recordsAcc, err error) {
	signed := map[string]pipeline.Date{}
	for i := range v.r.Agreements {
		signed[v.r.Agreements[i].ID] = v.r.Agreements[i].Signed
	}
	all, byMeasure = newRecordsAcc(ListedRows), map[string]*recordsAcc{}
	open := map[string]*openMeeting{}
	if v.r.Ledger == nil {
		return all, byMeasure, nil
	}
	err = v.r.Ledger.Each(func(a *pipeline.Activity) error {
		av := v.activity(a)
		accs := []*recordsAcc{all}
		if a.Measure != "" {
			m := byMeasure[a.Measure]
			if m == nil {
				m = newRecordsAcc(Listed)
				byMeasure[a.Measure] = m
			}
			accs = append(accs, m)
		}
		for _, acc := range accs {
			acc.acts.add(av)
			acc.participants += a.KnownParticipants()
			if a.Funding != "" && !acc.fundingSeen[a.Funding] {
				acc.fundingSeen[a.Funding] = true
				if len(acc.funding) < Listed {
					acc.funding = append(acc.funding, a.Funding)
				}
			}
		}
		om := open[a.Agreement]
		isMeeting := a.Type == pipeline.TypeMeeting && !(a.Agreement != "" && signed[a.Agreement] == a.Date)
		if !isMeeting {
			if om != nil && a.Date.After(om.last) && !a.Date.After(om.limit) {
				for _, m := range om.accs {
					if m.measure == "" || m.measure == a.Measure {
						m.decided.add(av)
					}
				}
			}
			return nil
		}
		// A meeting: listed, and, under an agreement, the one whose
		// decisions follow until the agreement's next meeting.
		var made []*meetingAcc
		for i, acc := range accs {
			acc.meetingCount++
			if len(acc.meetings) < Listed {
				m := &meetingAcc{a: av, decided: listAcc{limit: ListedDecided}}
				if i > 0 {
					m.measure = a.Measure
				}
				acc.meetings = append(acc.meetings, m)
				made = append(made, m)
			}
		}
		if a.Agreement != "" {
			last := a.Date
			if !a.End.IsZero() {
				last = a.End
			}
			open[a.Agreement] = &openMeeting{last: last, limit: pipeline.DateOf(last.Time().AddDate(followUpSpan, 0, 0)), accs: made}
		}
		return nil
	})
	return all, byMeasure, err
}

// generatedMeasure is the title of the measure made from the records when
// the input has no measures.
const generatedMeasure = "International cultural cooperation"

func (v *View) measures(inForce []*pipeline.Agreement, totals map[string]pipeline.Counts) ([]Measure, error) {
	r := v.r
	all, byMeasure, err := v.scan()
	if err != nil {
		return nil, err
	}
	v.Activities = all.acts.list()
	v.Activities.all = func(yield func(Activity) bool) {
		stop := errors.New("stop")
		r.Ledger.Each(func(a *pipeline.Activity) error {
			if !yield(v.activity(a)) {
				return stop
			}
			return nil
		})
	}
	v.Meetings = all.meetingList()
	named := len(byMeasure) > 0
	for _, a := range inForce {
		named = named || a.Measure != ""
	}
	if len(r.Measures) == 0 {
		m := Measure{Title: v.w(generatedMeasure), FromRecords: true, holdsAll: true}
		v.fill(&m, inForce, all)
		return []Measure{m}, nil
	}
	var out []Measure
	for i := range r.Measures {
		pm := &r.Measures[i]
		m := Measure{
			ID: pm.ID, Title: pm.Title, Agencies: splitList(pm.Agencies), Area: pm.Area,
			Objectives: pm.Objectives, Scope: pm.Scope, Features: pm.Features, Results: pm.Results, Resources: pm.Resources,
		}
		for _, n := range pm.Nature {
			m.Nature = append(m.Nature, words.In(v.Lang, string(n)))
		}
		for _, e := range pm.Extra {
			m.Extra = append(m.Extra, Field{e.Name, e.Value})
		}
		ags, acc := inForce, all
		if named || len(r.Measures) > 1 {
			ags = nil
			for _, a := range inForce {
				if a.Measure == pm.ID {
					ags = append(ags, a)
				}
			}
			if acc = byMeasure[pm.ID]; acc == nil {
				acc = newRecordsAcc(Listed)
			}
		}
		v.fill(&m, ags, acc)
		m.holdsAll = acc == all
		out = append(out, m)
	}
	_ = totals
	return out, nil
}

// splitList splits the agencies as written at semicolons and line breaks
// (never at commas: "Ministry of Education, Culture and Science" is one).
func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// fill adds to m what its records show.
func (v *View) fill(m *Measure, ags []*pipeline.Agreement, acc *recordsAcc) {
	m.Report = v
	totals := map[string]pipeline.Counts{}
	for _, t := range v.r.Totals {
		totals[t.Country.Code] = t.Counts
	}
	m.Agreements, m.Plans, m.MoUs, m.Treaties = v.agreements(ags)
	m.Plans, m.PlansMore = firstListed(m.Plans)
	m.MoUs, m.MoUsMore = firstListed(m.MoUs)
	m.Treaties, m.TreatiesMore = firstListed(m.Treaties)
	seenPartner := map[[2]string]bool{}
	seenCountry := map[string]pipeline.Country{}
	sectors := map[string]bool{}
	for _, a := range ags {
		if !a.InForce(v.r.Period.From, v.r.Period.To) {
			continue
		}
		sectors[string(a.Sector)] = true
		if a.Country.Multilateral() {
			continue
		}
		seenCountry[a.Country.Code] = a.Country
		k := [2]string{a.Country.Code, a.Region}
		if !seenPartner[k] {
			seenPartner[k] = true
			m.Partners = append(m.Partners, Partner{Country: v.country(a.Country, totals[a.Country.Code]), Region: a.Region, Name: v.partnerName(a.Country, a.Region)})
		}
	}
	for _, s := range []pipeline.Sector{pipeline.Governmental, pipeline.NonGovernmental} {
		if sectors[string(s)] {
			m.Sectors = append(m.Sectors, string(s))
		}
	}
	for _, c := range v.r.Countries { // by name, as the aggregator orders them
		if _, ok := seenCountry[c.Code]; ok {
			m.Countries = append(m.Countries, v.country(c, totals[c.Code]))
			delete(seenCountry, c.Code)
		}
	}
	rest := make([]pipeline.Country, 0, len(seenCountry))
	for _, c := range seenCountry {
		rest = append(rest, c)
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].Name < rest[j].Name })
	for _, c := range rest {
		m.Countries = append(m.Countries, v.country(c, totals[c.Code]))
	}
	v.sortCountries(m.Countries)

	m.Activities = ActivityList{First: acc.acts.first[:min(len(acc.acts.first), Listed)], Count: acc.acts.count}
	m.Activities.More = m.Activities.Count - len(m.Activities.First)
	m.Meetings = acc.meetingList()
	m.Participants = acc.participants
	m.Funding = acc.funding
	if acc.acts.count == v.Activities.Count {
		m.Money = v.Totals.Money
	}

}
