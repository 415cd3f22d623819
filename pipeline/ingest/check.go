package ingest

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/country"
	"coopreport/pipeline/normalize"
	"coopreport/pipeline/schema"
)

// checker turns records into domain values and applies the rules that
// span rows. It keeps only what later rows refer to: the ids seen.
type checker struct {
	d           *Dataset
	opt         Options
	countries   *country.Resolver
	hasMeasures bool

	// ids by kind: where each id was first accepted or rejected, and
	// whether it was accepted.
	ids map[pipeline.Kind]map[string]idSeen
	// rate spans seen, by currency and label.
	rateSeen map[string]pipeline.Pos
	// extra column names by kind, first seen first.
	extras map[pipeline.Kind]*nameSet
	// rows read so far, for Options.Progress.
	rows int
}

type idSeen struct {
	pos      pipeline.Pos
	accepted bool
}

type nameSet struct {
	names []string
	seen  map[string]bool
}

func (s *nameSet) add(fields []pipeline.Field) {
	for _, f := range fields {
		if !s.seen[f.Name] {
			s.seen[f.Name] = true
			s.names = append(s.names, f.Name)
		}
	}
}

func newChecker(d *Dataset, opt Options, hasMeasures bool) *checker {
	c := &checker{
		d: d, opt: opt, countries: country.New(), hasMeasures: hasMeasures,
		ids:      map[pipeline.Kind]map[string]idSeen{},
		rateSeen: map[string]pipeline.Pos{},
		extras:   map[pipeline.Kind]*nameSet{},
	}
	for _, k := range order {
		c.ids[k] = map[string]idSeen{}
		c.extras[k] = &nameSet{seen: map[string]bool{}}
	}
	if !hasMeasures {
		d.warn("no measures table: measure references in agreements and activities are kept as written but not checked, and the report makes one measure from the records")
	}
	return c
}

func (c *checker) readTable(t *table) error {
	switch t.header.Kind {
	case pipeline.KindAliases:
		return each(t, c.opt.Source, forTable(c, t, c.alias))
	case pipeline.KindRates:
		return each(t, c.opt.Source, forTable(c, t, c.rate))
	case pipeline.KindMeasures:
		err := each(t, c.opt.Source, forTable(c, t, c.measure))
		c.d.MeasureColumns = c.extras[pipeline.KindMeasures].names
		return err
	case pipeline.KindAgreements:
		err := each(t, c.opt.Source, forTable(c, t, c.agreement))
		c.d.AgreementColumns = c.extras[pipeline.KindAgreements].names
		return err
	case pipeline.KindActivities:
		// A CSV file's row count is known (classify read it through):
		// one allocation holds its activities, not a doubling series.
		c.d.Activities = slices.Grow(c.d.Activities, t.rows)
		err := each(t, c.opt.Source, forTable(c, t, c.activity))
		c.d.ActivityColumns = c.extras[pipeline.KindActivities].names
		return err
	}
	return fmt.Errorf("ingest: no reader for kind %q", t.header.Kind)
}

// forTable adapts a per-kind check to a table: each record gets a row
// whose errors name the columns as the table's header writes them, and a
// row with any error goes to the rejects whole.
func forTable[T any](c *checker, t *table, check func(*row, *T) bool) recordFunc[T] {
	headers := map[string]string{}
	for _, col := range t.header.Columns {
		if col.Field != "" {
			headers[col.Field] = strings.TrimSpace(col.Header)
		}
	}
	comma := c.opt.DecimalMark == "," || (c.opt.DecimalMark == "" && t.csv && t.delim == ';')
	kind := t.header.Kind
	return func(rec *T, pos pipeline.Pos, extra []pipeline.Field) bool {
		if c.rows++; c.rows%progressEvery == 0 && c.opt.Progress != nil {
			c.opt.Progress(c.rows)
		}
		r := &row{c: c, pos: pos, headers: headers, decimalComma: comma, xlsx: !t.csv, d1904: t.d1904, extra: extra}
		ok := check(r, rec)
		if len(r.errs) > 0 {
			c.d.Rejects = append(c.d.Rejects, r.errs...)
			return false
		}
		if ok {
			c.extras[kind].add(extra)
		}
		return ok
	}
}

// progressEvery is how many rows go by between calls of Options.Progress.
const progressEvery = 1 << 14

// row collects the problems of one record.
type row struct {
	c            *checker
	pos          pipeline.Pos
	headers      map[string]string
	decimalComma bool
	xlsx, d1904  bool
	extra        []pipeline.Field
	errs         []pipeline.RowError
}

func (r *row) fail(field, value string, err error) {
	col := r.header(field)
	if col == "" {
		col = field
	}
	r.errs = append(r.errs, pipeline.RowError{Pos: r.pos, Column: col, Value: value, Err: err})
}

func (r *row) ok() bool { return len(r.errs) == 0 }

func (r *row) text(v string) string { return normalize.Text(v) }

// required returns the text of a required column, or fails.
func (r *row) required(field, v string) string {
	v = normalize.Text(v)
	if v == "" {
		r.fail(field, v, fmt.Errorf("%w: fill in %s", pipeline.ErrMissing, r.colName(field)))
	}
	return v
}

// header is a column's header as written, on one line (a header cell
// may hold line breaks), or "".
func (r *row) header(field string) string {
	return strings.Join(strings.Fields(r.headers[field]), " ")
}

func (r *row) colName(field string) string {
	if h := r.header(field); h != "" {
		return fmt.Sprintf("%q", h)
	}
	return fmt.Sprintf("the %s column", field)
}

// date parses a date cell: an Excel serial number (a real date cell of a
// workbook, or a five-digit serial typed in CSV) or a date written out.
func (r *row) date(field, v string, required bool) pipeline.Date {
	v = normalize.Text(v)
	if v == "" {
		if required {
			r.fail(field, v, fmt.Errorf("%w: fill in %s with a date such as 2013-01-18", pipeline.ErrMissing, r.colName(field)))
		}
		return pipeline.Date{}
	}
	if (r.xlsx && plausibleSerial(v)) || isSerial(v) {
		if d, ok := normalize.ExcelDate(v, r.d1904); ok {
			return d
		}
	}
	d, err := normalize.Date(v, r.c.opt.DateOrder)
	if err != nil {
		r.fail(field, v, err)
	}
	return d
}

// amount reads a money cell. A workbook's number cell arrives as Excel
// stores it, with a decimal point whatever the configured mark, and is
// rounded to the 15 significant digits Excel keeps (a formula showing
// 1,100.00 may store 1100.0000000000002). In a CSV file, scientific
// notation is what Excel writes for a number it has already rounded for
// display (1.23457E+11): it is refused, never taken as exact.
func (r *row) amount(v string) (pipeline.Decimal, string, error) {
	if r.xlsx && rawNumber(v) {
		return normalize.Amount(normalize.ExcelNumber(v), false)
	}
	if !r.xlsx && scientific(v) {
		return pipeline.Decimal{}, "", fmt.Errorf("%w: written in scientific notation, which a spreadsheet program uses for a number it has rounded; format the column as a number with its decimals and save the file again", pipeline.ErrBadAmount)
	}
	return normalize.Amount(v, r.decimalComma)
}

// rawNumber reports whether v is a number as a workbook stores it:
// -?digits[.digits][E[+-]digits].
func rawNumber(v string) bool {
	i := 0
	if strings.HasPrefix(v, "-") {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(v) && v[i] >= '0' && v[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if digits() == 0 {
		return false
	}
	if i < len(v) && v[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(v) && (v[i] == 'E' || v[i] == 'e') {
		i++
		if i < len(v) && (v[i] == '+' || v[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(v)
}

// scientific reports whether v is a number in scientific notation.
func scientific(v string) bool {
	v = strings.TrimSpace(v)
	return strings.ContainsAny(v, "eE") && rawNumber(strings.NewReplacer(",", "", " ", "").Replace(v))
}

// shown is how a date cell is quoted in a reject: as written, except a
// workbook's date cell, whose stored serial number nobody typed.
func (r *row) shown(v string, d pipeline.Date) string {
	v = normalize.Text(v)
	if r.xlsx && !d.IsZero() {
		if _, ok := normalize.ExcelDate(v, r.d1904); ok {
			return d.String()
		}
	}
	return v
}

// plausibleSerial reports whether a workbook cell holds a date serial: a
// number of at least 10000 (18 May 1927). A smaller number is not taken
// as a date: "2014" in a date column is a year typed alone, not 6 July
// 1905, and is rejected as such; an older date is written as text.
func plausibleSerial(v string) bool {
	if !rawNumber(v) || strings.HasPrefix(v, "-") {
		return false
	}
	whole, _, _ := strings.Cut(v, ".")
	return len(whole) >= 5 && !strings.ContainsAny(whole, "eE")
}

func isSerial(v string) bool {
	if len(v) != 5 {
		return false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// country resolves a country cell; region is the sub-national partner the
// cell names, if any.
func (r *row) country(field, v string) (pipeline.Country, string) {
	v = normalize.Text(v)
	if v == "" {
		r.fail(field, v, fmt.Errorf("%w: fill in %s with a country name or ISO code, or multilateral", pipeline.ErrMissing, r.colName(field)))
		return pipeline.Country{}, ""
	}
	c, region, err := r.c.countries.Resolve(v)
	if err != nil {
		r.fail(field, v, err)
	}
	return c, region
}

// reference checks an id that must name an accepted record of kind.
func (r *row) reference(field, v string, kind pipeline.Kind) string {
	v = normalize.Text(v)
	if v == "" {
		return ""
	}
	seen, ok := r.c.ids[kind][v]
	switch {
	case !ok:
		r.fail(field, v, fmt.Errorf("%w: there is no %s with id %q; check the id, or add the %s", pipeline.ErrUnknownReference, singular(kind), v, singular(kind)))
	case !seen.accepted:
		r.fail(field, v, fmt.Errorf("%w: %s %q was rejected itself (%s); fix that row first", pipeline.ErrUnknownReference, singular(kind), v, seen.pos))
	}
	return v
}

func singular(k pipeline.Kind) string { return strings.TrimSuffix(string(k), "s") }

// id checks that an id is unique among records of kind, and records it.
// Call it last, when the row's other checks are done.
func (r *row) id(kind pipeline.Kind, v string) {
	if v == "" {
		return
	}
	if first, dup := r.c.ids[kind][v]; dup {
		r.fail("id", v, fmt.Errorf("%w: %q is already used by %s; give this row an id of its own", pipeline.ErrDuplicateID, v, first.pos))
		return
	}
	r.c.ids[kind][v] = idSeen{pos: r.pos, accepted: r.ok()}
}

func (c *checker) alias(r *row, rec *schema.AliasRecord) bool {
	name := r.required("name", rec.Name)
	target := r.required("country", rec.Country)
	region := r.text(rec.Region)
	if !r.ok() {
		return false
	}
	if err := c.countries.AddAlias(name, target, region); err != nil {
		field, value := "country", target
		var conflict *country.ConflictError
		if errors.As(err, &conflict) {
			field, value = "name", name
		}
		r.fail(field, value, err)
		return false
	}
	return true
}

func (c *checker) rate(r *row, rec *schema.RateRecord) bool {
	cur := r.required("currency", rec.Currency)
	if cur != "" {
		code, err := normalize.Currency(cur)
		if err != nil {
			r.fail("currency", cur, err)
		}
		cur = code
	}
	label := r.required("period", rec.Period)
	var span pipeline.RateSpan
	if label != "" {
		var err error
		if span, err = rateSpan(label); err != nil {
			r.fail("period", label, err)
		}
	}
	value := r.required("rate", rec.Rate)
	var rate pipeline.Decimal
	if value != "" {
		x, _, err := r.amount(value)
		switch {
		case err != nil:
			r.fail("rate", value, fmt.Errorf("%w: %v", pipeline.ErrBadRate, err))
		case x.Sign() <= 0:
			r.fail("rate", value, fmt.Errorf("%w: a rate must be more than 0", pipeline.ErrBadRate))
		}
		rate = x
	}
	if !r.ok() {
		return false
	}
	key := cur + " " + span.Label
	if first, dup := c.rateSeen[key]; dup {
		r.fail("period", label, fmt.Errorf("%w: %s already has a rate for %s (%s); keep one", pipeline.ErrBadRate, cur, span.Label, first))
		return false
	}
	c.rateSeen[key] = r.pos
	c.d.Rates = append(c.d.Rates, pipeline.Rate{Pos: r.pos, Currency: cur, Span: span, Rate: rate})
	return true
}

func (c *checker) measure(r *row, rec *schema.MeasureRecord) bool {
	m := pipeline.Measure{
		Pos:        r.pos,
		ID:         r.required("id", rec.ID),
		Title:      r.required("title", rec.Title),
		Agencies:   r.text(rec.Agencies),
		Area:       r.text(rec.Area),
		Objectives: r.text(rec.Objectives),
		Scope:      r.text(rec.Scope),
		Features:   r.text(rec.Features),
		Results:    r.text(rec.Results),
		Resources:  r.text(rec.Resources),
		Extra:      r.extra,
	}
	if v := r.text(rec.Nature); v != "" {
		n, err := normalize.Natures(v)
		if err != nil {
			r.fail("nature", v, err)
		}
		m.Nature = n
	}
	r.id(pipeline.KindMeasures, m.ID)
	if !r.ok() {
		return false
	}
	c.d.Measures = append(c.d.Measures, m)
	return true
}

func (c *checker) agreement(r *row, rec *schema.AgreementRecord) bool {
	a := pipeline.Agreement{
		Pos:         r.pos,
		ID:          r.required("id", rec.ID),
		Partner:     r.text(rec.Partner),
		Counterpart: r.text(rec.Counterpart),
		Title:       r.required("title", rec.Title),
		Signed:      r.date("signed", rec.Signed, true),
		ValidFrom:   r.date("valid_from", rec.ValidFrom, false),
		ValidTo:     r.date("valid_to", rec.ValidTo, false),
		Notes:       r.text(rec.Notes),
		Extra:       r.extra,
	}
	a.Country, a.Region = r.country("country", rec.Country)
	if v := r.text(rec.Region); v != "" {
		a.Region = v
	}
	var err error
	if a.Sector, err = normalize.Sector(r.text(rec.Sector)); err != nil {
		r.fail("sector", r.text(rec.Sector), err)
	}
	if v := r.required("instrument", rec.Instrument); v != "" {
		if a.Instrument, err = normalize.Instrument(v); err != nil {
			r.fail("instrument", v, err)
		}
	}
	if v := r.text(rec.Status); v != "" {
		if a.Status, err = normalize.Status(v); err != nil {
			r.fail("status", v, err)
		}
	}
	if a.ValidFrom.IsZero() {
		a.ValidFrom = a.Signed
	}
	if !a.ValidTo.IsZero() && !a.ValidFrom.IsZero() && a.ValidTo.Before(a.ValidFrom) {
		r.fail("valid_to", r.shown(rec.ValidTo, a.ValidTo), fmt.Errorf("%w: the agreement ends (%s) before it takes effect (%s)", pipeline.ErrEndBeforeStart, a.ValidTo, a.ValidFrom))
	}
	if (a.Status == pipeline.StatusTerminated || a.Status == pipeline.StatusSuspended) && a.ValidTo.IsZero() && r.text(rec.ValidTo) == "" {
		r.fail("valid_to", "", fmt.Errorf("%w: a %s agreement must give the date it stopped in %s", pipeline.ErrNoEndDate, a.Status, r.colName("valid_to")))
	}
	a.Measure = c.measureRef(r, rec.Measure)
	r.id(pipeline.KindAgreements, a.ID)
	if !r.ok() {
		return false
	}
	c.d.span(a.Signed, a.ValidFrom)
	c.d.Agreements = append(c.d.Agreements, a)
	return true
}

func (c *checker) measureRef(r *row, v string) string {
	if !c.hasMeasures {
		return r.text(v)
	}
	return r.reference("measure", v, pipeline.KindMeasures)
}

func (c *checker) activity(r *row, rec *schema.ActivityRecord) bool {
	a := pipeline.Activity{
		Pos:     r.pos,
		ID:      r.required("id", rec.ID),
		Date:    r.date("date", rec.Date, true),
		End:     r.date("end", rec.End, false),
		Title:   r.required("title", rec.Title),
		Funding: r.text(rec.Funding),
		Agency:  r.text(rec.Agency),
		Notes:   r.text(rec.Notes),
		Extra:   r.extra,
	}
	a.Country, a.Region = r.country("country", rec.Country)
	if v := r.text(rec.Region); v != "" {
		a.Region = v
	}
	if !a.End.IsZero() && !a.Date.IsZero() && a.End.Before(a.Date) {
		r.fail("end", r.shown(rec.End, a.End), fmt.Errorf("%w: the activity ends (%s) before it starts (%s)", pipeline.ErrEndBeforeStart, a.End, a.Date))
	}
	var err error
	if v := r.required("type", rec.Type); v != "" {
		if a.Type, err = normalize.ActivityType(v); err != nil {
			r.fail("type", v, err)
		}
	}
	if v := r.text(rec.Participants); v != "" {
		if a.Participants, err = normalize.WholeNumber(v); err != nil {
			r.fail("participants", v, err)
		}
	}
	a.Amount = r.money(rec.Amount, rec.Currency)
	a.Agreement = r.reference("agreement", rec.Agreement, pipeline.KindAgreements)
	a.Measure = c.measureRef(r, rec.Measure)
	r.id(pipeline.KindActivities, a.ID)
	if !r.ok() {
		return false
	}
	c.d.span(a.Date)
	if c.opt.Keep == nil || c.opt.Keep(&a) {
		c.d.Activities = append(c.d.Activities, a)
	}
	return true
}

// money reads an amount and its currency: the currency column, or a
// symbol or code written with the amount; both must agree.
func (r *row) money(amount, cur string) *pipeline.Money {
	amount, cur = r.text(amount), r.text(cur)
	code := ""
	if cur != "" {
		var err error
		if code, err = normalize.Currency(cur); err != nil {
			r.fail("currency", cur, err)
			return nil
		}
	}
	if amount == "" {
		return nil
	}
	x, written, err := r.amount(amount)
	if err != nil {
		r.fail("amount", amount, err)
		return nil
	}
	switch {
	case written != "" && code != "" && written != code:
		r.fail("currency", cur, fmt.Errorf("%w: the amount is written in %s but the currency column says %s; make them agree", pipeline.ErrBadCurrency, written, code))
		return nil
	case code == "" && written == "":
		r.fail("currency", cur, fmt.Errorf("%w: an amount needs a currency: fill in %s with an ISO code such as MNT or USD", pipeline.ErrMissing, r.colName("currency")))
		return nil
	case code == "":
		code = written
	}
	return &pipeline.Money{Amount: x, Currency: code}
}

// span widens the data's date range by the given dates.
func (d *Dataset) span(dates ...pipeline.Date) {
	for _, x := range dates {
		if x.IsZero() {
			continue
		}
		if d.First.IsZero() || x.Before(d.First) {
			d.First = x
		}
		if d.Last.IsZero() || x.After(d.Last) {
			d.Last = x
		}
	}
}
