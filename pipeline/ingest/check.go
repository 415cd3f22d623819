package ingest

import (
	"cmp"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/country"
	"coopreport/pipeline/normalize"
	"coopreport/pipeline/schema"
	"coopreport/pipeline/source"
)

// checker turns records into domain values and applies the rules that
// span rows. It keeps only what later rows refer to: the keys seen.
type checker struct {
	ctx         context.Context // a long table stops between batches of rows when it is done
	d           *Dataset
	opt         Options
	countries   *country.Resolver
	hasMeasures bool

	// keys by kind: the rows of each id (of each currency and period for
	// rates), judged when the kind has been read (see ids.go).
	keys map[pipeline.Kind]*keyed
	// aliases waiting to be taught, judged together (see endAliases).
	aliases []aliasRow
	// extra column names by kind, first seen first.
	extras map[pipeline.Kind]*nameSet
	// rows read so far, for Options.Progress.
	rows int
	// Rows accepted on their own and rejected when their kind was
	// judged; the kind's records are filtered by it.
	dropped map[pipeline.Pos]bool
	// next numbers the rows in reading order: the ledger keeps rows of one
	// day in that order, whenever they were accepted (rows that waited for
	// their dates are accepted at the end of their table).
	next int
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

func newChecker(d *Dataset, opt Options) *checker {
	c := &checker{
		ctx: context.Background(), d: d, opt: opt, countries: country.New(),
		keys: map[pipeline.Kind]*keyed{
			pipeline.KindMeasures:   newKeyed(pipeline.KindMeasures, "the id"),
			pipeline.KindAgreements: newKeyed(pipeline.KindAgreements, "the id"),
			pipeline.KindRates:      newKeyed(pipeline.KindRates, "the rate of"),
		},
		extras:  map[pipeline.Kind]*nameSet{},
		dropped: map[pipeline.Pos]bool{},
	}
	c.keys[pipeline.KindActivities] = newHashedKeys(pipeline.KindActivities, "the id", func(rows []keyRow) ([]string, error) {
		out := make([]string, len(rows))
		err := c.activitiesOf(rows, func(i int, a *pipeline.Activity) { out[i] = a.ID })
		return out, err
	})
	for _, k := range order {
		c.extras[k] = &nameSet{seen: map[string]bool{}}
	}
	return c
}

// activitiesOf reads back the activities of rows, which passed their own
// checks, from the spool, and calls fn with each and its index in rows.
func (c *checker) activitiesOf(rows []keyRow, fn func(i int, a *pipeline.Activity)) error {
	if len(rows) == 0 {
		return nil
	}
	if err := c.d.spool.finishWrites(); err != nil {
		return err
	}
	want := make(map[uint32]int, len(rows))
	for i, r := range rows {
		want[uint32(r.seq)] = i
	}
	var found []spoolEntry
	for _, e := range c.d.spool.entries {
		if _, ok := want[e.seq]; ok {
			found = append(found, e)
		}
	}
	if len(found) != len(rows) {
		return fmt.Errorf("%d of %d rows sharing ids are not in the temporary file of the activities", len(rows)-len(found), len(rows))
	}
	// In file order: rows near each other are read together.
	slices.SortFunc(found, func(a, b spoolEntry) int { return cmp.Compare(a.off, b.off) })
	return c.d.spool.scan(found, func(e spoolEntry, a *pipeline.Activity) error {
		fn(want[e.seq], a)
		return nil
	})
}

func (c *checker) readTable(t *table) error {
	switch t.header.Kind {
	case pipeline.KindAliases:
		return each(t, forTable(c, t, c.alias))
	case pipeline.KindRates:
		return each(t, forTable(c, t, c.rate))
	case pipeline.KindMeasures:
		return each(t, forTable(c, t, c.measure))
	case pipeline.KindAgreements:
		return each(t, forTable(c, t, c.agreement))
	case pipeline.KindActivities:
		return each(t, forTable(c, t, c.activity))
	}
	return fmt.Errorf("ingest: no reader for kind %q", t.header.Kind)
}

// startKind is called before the tables of kind are read.
func (c *checker) startKind(kind pipeline.Kind, tables []*table) {
	if kind != pipeline.KindAgreements {
		return
	}
	// The measures have been read: references to them are checked when
	// there is a measures table with rows. A table with a header and no
	// rows is an empty table, not a list of no measures.
	read := 0
	for _, t := range tables {
		if t.header != nil && t.header.Kind == pipeline.KindMeasures {
			read += t.stats.Read
		}
	}
	c.hasMeasures = read > 0
	switch {
	case !c.hasMeasures && c.d.hasKind(pipeline.KindMeasures):
		c.d.warn("the measures table has no rows: measure references in agreements and activities are kept as written but not checked, and the report makes one measure from the records")
	case !c.hasMeasures:
		c.d.warn("no measures table: measure references in agreements and activities are kept as written but not checked, and the report makes one measure from the records")
	}
}

// endKind judges the rows of kind that share a key, once all its tables
// are read, and drops those it rejects.
func (c *checker) endKind(kind pipeline.Kind) error {
	if kind == pipeline.KindAliases {
		c.endAliases()
		return nil
	}
	k := c.keys[kind]
	if k == nil {
		return nil
	}
	describe := func(key string) string { return fmt.Sprintf("%q", key) }
	if kind == pipeline.KindRates {
		describe = func(key string) string { return strings.ReplaceAll(key, "|", " ") }
	}
	dropped, errs, err := k.resolve(describe, c.hashOf(kind))
	if err != nil {
		return err
	}
	for _, r := range dropped {
		c.dropped[r.pos()] = true
		r.tab.stats.Accepted--
		r.tab.stats.Rejected++
	}
	c.d.Rejects = append(c.d.Rejects, errs...)
	if len(dropped) == 0 {
		return nil
	}
	keep := func(p pipeline.Pos) bool { return !c.dropped[p] }
	switch kind {
	case pipeline.KindRates:
		c.d.Rates = slices.DeleteFunc(c.d.Rates, func(r pipeline.Rate) bool { return !keep(r.Pos) })
	case pipeline.KindMeasures:
		c.d.Measures = slices.DeleteFunc(c.d.Measures, func(m pipeline.Measure) bool { return !keep(m.Pos) })
	case pipeline.KindAgreements:
		c.d.Agreements = slices.DeleteFunc(c.d.Agreements, func(a pipeline.Agreement) bool { return !keep(a.Pos) })
	case pipeline.KindActivities:
		for _, r := range dropped {
			c.d.spool.dropped[uint32(r.seq)] = true
		}
	}
	return nil
}

// hashOf returns how the rows of kind that share a key are compared: a
// hash of their values, taken only for those rows, from the records kept
// (the spool, for activities), so that no row pays for it otherwise.
func (c *checker) hashOf(kind pipeline.Kind) func([]keyRow) ([]uint64, error) {
	return func(rows []keyRow) ([]uint64, error) {
		out := make([]uint64, len(rows))
		switch kind {
		case pipeline.KindActivities:
			err := c.activitiesOf(rows, func(i int, a *pipeline.Activity) { out[i] = hashActivity(a) })
			return out, err
		case pipeline.KindAgreements:
			hashWanted(rows, out, c.d.Agreements, func(a *pipeline.Agreement) pipeline.Pos { return a.Pos }, hashAgreement)
		case pipeline.KindMeasures:
			hashWanted(rows, out, c.d.Measures, func(m *pipeline.Measure) pipeline.Pos { return m.Pos }, hashMeasure)
		case pipeline.KindRates:
			hashWanted(rows, out, c.d.Rates, func(r *pipeline.Rate) pipeline.Pos { return r.Pos },
				func(r *pipeline.Rate) uint64 { return newHasher().strs(r.Rate.String()).sum() })
		}
		return out, nil
	}
}

// hashWanted sets out[i] to the hash of the record of recs at rows[i]'s
// position, in one pass over recs.
func hashWanted[T any](rows []keyRow, out []uint64, recs []T, pos func(*T) pipeline.Pos, hash func(*T) uint64) {
	want := make(map[pipeline.Pos]int, len(rows))
	for i, r := range rows {
		want[r.pos()] = i
	}
	for j := range recs {
		if i, ok := want[pos(&recs[j])]; ok {
			out[i] = hash(&recs[j])
		}
	}
}

func hashActivity(a *pipeline.Activity) uint64 { return activityValues(newHasher(), a).sum() }

func hashAgreement(a *pipeline.Agreement) uint64 { return agreementValues(newHasher(), a).sum() }

func hashMeasure(m *pipeline.Measure) uint64 { return measureValues(newHasher(), m).sum() }

func activityValues(h hasher, a *pipeline.Activity) hasher {
	h.strs(a.Date.String(), a.End.String(), a.Country.Code, a.Region, a.Agreement, a.Measure, string(a.Type),
		a.Title, fmt.Sprint(a.Participants), a.Funding, a.Agency, a.Notes)
	if a.Amount != nil {
		h.strs(a.Amount.Amount.String(), a.Amount.Currency)
	}
	return h.fields(a.Extra)
}

func agreementValues(h hasher, a *pipeline.Agreement) hasher {
	return h.strs(a.Country.Code, a.Region, a.Partner, a.Counterpart, string(a.Sector), string(a.Instrument), a.Title,
		a.Signed.String(), a.ValidFrom.String(), a.ValidTo.String(), string(a.Status), a.Measure, a.Notes).fields(a.Extra)
}

func measureValues(h hasher, m *pipeline.Measure) hasher {
	return h.strs(m.Title, m.Agencies, m.Area, m.Objectives, m.Scope, m.Features, m.Results, m.Resources,
		fmt.Sprint(m.Nature), fmt.Sprint(m.Goals), fmt.Sprint(m.Areas), strings.Join(m.Domains, "\x1f"), m.Achieved, m.PartnerType,
		m.Evaluated, m.Conclusions).fields(m.Extra)
}

// Row sums: the SHA-256 of a record's values as the checks read them (the
// values the duplicate check compares, the same fields in the same
// order), in hex. Two runs give a row the same sum when it says the same
// thing, wherever it stands in its file; the run keeps them to tell which
// rows the next run finds changed.

// ActivitySum is the row sum of an activity.
func ActivitySum(a *pipeline.Activity) string { return activityValues(newSHA(), a).hex() }

// AgreementSum is the row sum of an agreement.
func AgreementSum(a *pipeline.Agreement) string { return agreementValues(newSHA(), a).hex() }

// MeasureSum is the row sum of a measure.
func MeasureSum(m *pipeline.Measure) string { return measureValues(newSHA(), m).hex() }

// RateSum is the row sum of a rate: its value (its currencies and period
// are its id, RateID).
func RateSum(r *pipeline.Rate) string { return newSHA().strs(r.Rate.String()).hex() }

// RateID is what identifies a rate, as the duplicate check keys it:
// "USD MNT 2025-Q3".
func RateID(r *pipeline.Rate) string { return r.Currency + " " + r.Base + " " + r.Span.Label }

func newSHA() hasher { return hasher{sha256.New()} }

// outcome is what checking a row decided.
type outcome int

const (
	accepted outcome = iota
	rejected
	// waiting: a date of the row reads two ways, and its column's order
	// is known only when the table has been read.
	waiting
)

// forTable adapts a per-kind check to a table: each record gets a row
// whose errors name the columns as the table's header writes them, and a
// row with any error goes to the rejects whole, with all its problems.
func forTable[T any](c *checker, t *table, check func(*row, *T) bool) recordFunc[T] {
	headers := map[string]string{}
	for _, col := range t.header.Columns {
		if col.Field != "" {
			headers[col.Field] = oneLine(col.Header)
		}
	}
	comma, markWhy := c.decimalMark(t)
	kind := t.header.Kind
	return func(rec *T, pos pipeline.Pos, extra []pipeline.Field, seq int, cells []source.CellProblem) outcome {
		if !t.dates.settled {
			if c.rows++; c.rows%progressEvery == 0 && c.opt.Progress != nil {
				c.opt.Progress(c.rows)
			}
		}
		r := &row{c: c, t: t, pos: pos, seq: seq, headers: headers, decimalComma: comma, markWhy: markWhy,
			xlsx: !t.csv, d1904: t.d1904, extra: extra}
		for _, p := range cells {
			r.errs = append(r.errs, pipeline.RowError{Pos: pos, Column: columnAt(t.header, p.Index), Value: p.Value, Err: p.Err})
		}
		ok := check(r, rec)
		if len(cells) > 0 {
			// A cell that cannot be read has said why; what checking
			// its column then found (an empty or unreadable value) is
			// the same problem, told worse.
			r.errs = slices.DeleteFunc(r.errs, func(e pipeline.RowError) bool {
				return !cellProblem(e.Err) && slices.ContainsFunc(cells, func(p source.CellProblem) bool { return columnAt(t.header, p.Index) == e.Column })
			})
		}
		switch {
		case r.waits:
			return waiting
		case len(r.errs) > 0:
			c.d.Rejects = append(c.d.Rejects, r.errs...)
			return rejected
		case !ok:
			return rejected
		}
		c.extras[kind].add(extra)
		return accepted
	}
}

// cellProblem reports whether err is a cell the source or the schema
// could not read (see source.CellProblem).
func cellProblem(err error) bool {
	return errors.Is(err, source.ErrNoResult) || errors.Is(err, pipeline.ErrFormulaError)
}

// columnAt is the header of a table's column i as written, or "column N"
// beyond the header.
func columnAt(h *schema.Header, i int) string {
	if i < len(h.Columns) {
		if name := strings.Join(strings.Fields(h.Columns[i].Header), " "); name != "" {
			return name
		}
	}
	return fmt.Sprintf("column %d", i+1)
}

// decimalMark is the decimal mark of a table, and how it was chosen, for
// messages about amounts that contradict it.
func (c *checker) decimalMark(t *table) (comma bool, why string) {
	switch {
	case c.opt.DecimalMark == ",":
		return true, `decimal_mark is "," in coopreport.toml`
	case c.opt.DecimalMark == ".":
		return false, `decimal_mark is "." in coopreport.toml`
	case t.csv && t.delim == ';':
		return true, `the decimal mark of semicolon-separated files is "," unless decimal_mark in coopreport.toml says "."`
	}
	return false, `the decimal mark is "." unless decimal_mark in coopreport.toml says ","`
}

// progressEvery is how many rows go by between calls of Options.Progress.
const progressEvery = 1 << 14

// row collects the problems of one record.
type row struct {
	c            *checker
	t            *table
	pos          pipeline.Pos
	seq          int // the row's place in reading order
	headers      map[string]string
	decimalComma bool
	markWhy      string
	xlsx, d1904  bool
	extra        []pipeline.Field
	errs         []pipeline.RowError
	waits        bool // a date waits for its column's order (see dates.go)
}

func (r *row) fail(field, value string, err error) {
	col := r.header(field)
	if col == "" {
		col = field
	}
	r.errs = append(r.errs, pipeline.RowError{Pos: r.pos, Column: col, Value: value, Err: err})
}

// ok reports whether the row is fit to be recorded: no problem so far,
// and no date waiting for its column's order.
func (r *row) ok() bool { return len(r.errs) == 0 && !r.waits }

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
func (r *row) header(field string) string { return r.headers[field] }

func (r *row) colName(field string) string {
	if h := r.header(field); h != "" {
		return fmt.Sprintf("%q", h)
	}
	return fmt.Sprintf("the %s column", field)
}

// date parses a date cell: an Excel serial number (a real date cell of a
// workbook, or a five-digit serial typed in CSV) or a date written out,
// in the order its column proves (see dates.go).
func (r *row) date(field, v string, required bool) pipeline.Date {
	v = normalize.Text(v)
	switch {
	case v == "" && required:
		r.fail(field, v, fmt.Errorf("%w: fill in %s with a date such as 2013-01-18", pipeline.ErrMissing, r.colName(field)))
		return pipeline.Date{}
	case v == "":
		return pipeline.Date{}
	case normalize.NotAvailable(v) && required:
		r.fail(field, v, fmt.Errorf("%w: %q gives no date: fill in %s with a date such as 2013-01-18", pipeline.ErrMissing, v, r.colName(field)))
		return pipeline.Date{}
	case normalize.NotAvailable(v):
		r.t.notAvailable.add(r.header(field), v)
		return pipeline.Date{}
	}
	if (r.xlsx && plausibleSerial(v)) || isSerial(v) {
		if d, ok := normalize.ExcelDate(v, r.d1904); ok {
			return d
		}
	}
	order := r.c.opt.DateOrder
	if ordered, dayFirst, monthFirst, twoWay := normalize.DateOrders(v); ordered {
		orders := &r.t.dates
		col := orders.column(field, r.header(field))
		switch {
		case twoWay && !orders.settled:
			col.twoWay.add(r.pos, v)
			r.waits = true
			return pipeline.Date{}
		case twoWay && col.mixed:
			r.fail(field, v, col.mixedError(v))
			return pipeline.Date{}
		case twoWay:
			order = col.order
		case dayFirst && !monthFirst:
			if !orders.settled {
				col.dayFirst.add(r.pos, v)
			}
			order = normalize.DayFirst
		case monthFirst && !dayFirst:
			if !orders.settled {
				col.monthFirst.add(r.pos, v)
			}
			order = normalize.MonthFirst
		}
	}
	d, err := normalize.Date(v, order)
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
	x, code, err := normalize.Amount(v, r.decimalComma)
	if err != nil && normalize.MarkConflict(err) {
		err = fmt.Errorf("%w (%s)", err, r.markWhy)
	}
	return x, code, err
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

// readByWords notes a value of a closed list read by its words, to be
// named once per table and value in a warning (see warnByWords).
func (r *row) readByWords(field, value, as string) {
	t := r.t
	if t.byWords == nil {
		t.byWords = map[string]string{}
	}
	k := r.header(field) + "\x00" + value
	if _, seen := t.byWords[k]; !seen {
		t.byWords[k] = as
		t.byWordsOrder = append(t.byWordsOrder, k)
	}
}

// warnByWords names, once, the values of a table read by their words.
func (t *table) warnByWords(d *Dataset) {
	if len(t.byWordsOrder) == 0 {
		return
	}
	var parts []string
	for _, k := range t.byWordsOrder {
		col, value, _ := strings.Cut(k, "\x00")
		parts = append(parts, fmt.Sprintf("%s %q as %s", col, value, t.byWords[k]))
	}
	d.warn("%s: values read by their words: %s; if one is wrong, write agreement, plan, mou, treaty, protocol or other (instruments) or training, festival, exhibition, exchange, meeting, study, treaty or other (activity types)",
		where(t), strings.Join(parts, ", "))
}

// reference checks an id that must name an accepted record of kind.
func (r *row) reference(field, v string, kind pipeline.Kind) string {
	v = normalize.Text(v)
	if v == "" {
		return ""
	}
	switch found, accepted, at, why := r.c.keys[kind].lookup(v); {
	case !found:
		r.fail(field, v, fmt.Errorf("%w: there is no %s with id %q; check the id, or add the %s", pipeline.ErrUnknownReference, singular(kind), v, singular(kind)))
	case !accepted:
		r.fail(field, v, fmt.Errorf("%w: %s %q %s (%s); fix that first", pipeline.ErrUnknownReference, singular(kind), v, why, at))
	}
	return v
}

func singular(k pipeline.Kind) string { return strings.TrimSuffix(string(k), "s") }

// key records the row under its key (an id) among the rows of kind, to be
// judged with the others that share it (see ids.go). Call it last, when
// the row's other checks are done.
func (r *row) key(kind pipeline.Kind, key string) {
	if key == "" || r.waits {
		return
	}
	if r.t.keyTab == nil {
		field := "id"
		if kind == pipeline.KindRates {
			field = "period"
		}
		col := r.header(field)
		if col == "" {
			col = field
		}
		r.t.keyTab = &keyTable{file: r.pos.File, sheet: r.pos.Sheet, column: col, stats: r.t.stats}
	}
	r.c.keys[kind].add(key, keyRow{tab: r.t.keyTab, row: int32(r.pos.Row), seq: int32(r.seq), valid: r.ok()})
}

// aliasRow is an alias that passed its own checks, waiting to be taught.
type aliasRow struct {
	pos                  pipeline.Pos
	stats                *pipeline.InputTable
	name, target, region string
}

func (c *checker) alias(r *row, rec *schema.AliasRecord) bool {
	a := aliasRow{pos: r.pos, stats: r.t.stats,
		name: r.required("name", rec.Name), target: r.required("country", rec.Country), region: r.text(rec.Region)}
	if !r.ok() {
		return false
	}
	c.aliases = append(c.aliases, a)
	return true
}

// endAliases teaches the aliases read, whatever their order: rows that
// give one name two different meanings are all rejected, and an alias
// may point at a name another alias teaches.
func (c *checker) endAliases() {
	groups := map[string][]int{}
	means := make([]string, len(c.aliases)) // what each row's country is: "TH" and "Thailand" are one
	for i, a := range c.aliases {
		k := nameKey(a.name)
		groups[k] = append(groups[k], i)
		means[i] = "name:" + nameKey(a.target)
		if code, region, err := c.countries.Resolve(a.target); err == nil {
			means[i] = "code:" + code.Code + "|" + region
		}
		if a.region != "" {
			means[i] += "|" + a.region
		}
	}
	reject := func(a aliasRow, field, value string, err error) {
		c.dropped[a.pos] = true
		a.stats.Accepted--
		a.stats.Rejected++
		c.d.Rejects = append(c.d.Rejects, pipeline.RowError{Pos: a.pos, Column: field, Value: value, Err: err})
	}
	var todo []aliasRow
	for _, idx := range groups {
		same := true
		for _, i := range idx[1:] {
			same = same && means[i] == means[idx[0]]
		}
		if same {
			for _, i := range idx {
				todo = append(todo, c.aliases[i])
			}
			continue
		}
		for _, i := range idx {
			a := c.aliases[i]
			var rows []string
			for _, j := range idx {
				if j != i {
					rows = append(rows, fmt.Sprintf("%s (%s)", c.aliases[j].pos, c.aliases[j].target))
				}
			}
			reject(a, "name", a.name, fmt.Errorf("%w: %q is also given another meaning by %s; nothing says which is right, so none is used: keep one row for the name",
				pipeline.ErrBadAlias, a.name, strings.Join(rows, "; ")))
		}
	}
	slices.SortFunc(todo, func(a, b aliasRow) int { return posCompare(a.pos, b.pos) })
	// An alias may point at a name another one teaches: teach in rounds
	// until a round teaches nothing more.
	for len(todo) > 0 {
		var left []aliasRow
		var lastErr []error
		for _, a := range todo {
			if err := c.countries.AddAlias(a.name, a.target, a.region); err != nil {
				left = append(left, a)
				lastErr = append(lastErr, err)
			}
		}
		if len(left) == len(todo) {
			for i, a := range left {
				field, value := "country", a.target
				var conflict *country.ConflictError
				if errors.As(lastErr[i], &conflict) {
					field, value = "name", a.name
				}
				reject(a, field, value, lastErr[i])
			}
			break
		}
		todo = left
	}
	c.aliases = nil
	for _, o := range c.countries.Overrides() {
		c.d.warn("the alias %q counts as %s; without it, it would be %s", o.Name, o.Alias, o.Builtin)
	}
}

// nameKey compares alias names as countries are matched: case, accents,
// punctuation and spaces do not matter.
func nameKey(s string) string { return country.Key(s) }

func (c *checker) rate(r *row, rec *schema.RateRecord) bool {
	cur := r.required("currency", rec.Currency)
	if cur != "" {
		code, err := normalize.Currency(cur)
		if err != nil {
			r.fail("currency", cur, err)
		}
		cur = code
	}
	base := r.base(rec.Base)
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
	if cur != "" && cur == base {
		r.fail("currency", cur, fmt.Errorf("%w: a rate of %s in %s is always 1; delete the row", pipeline.ErrBadRate, cur, base))
	}
	r.key(pipeline.KindRates, cur+"|"+base+"|"+span.Label)
	if !r.ok() {
		return false
	}
	c.d.Rates = append(c.d.Rates, pipeline.Rate{Pos: r.pos, Currency: cur, Base: base, Span: span, Rate: rate})
	return true
}

// base is the currency a rate is given in: the row's base column, else
// the currency the rate column's header names ("Rate (MNT)"), else
// rates_base in the configuration. A rate that says none is rejected:
// converting with it would be a guess.
func (r *row) base(v string) string {
	v = r.text(v)
	switch {
	case v != "":
		code, err := normalize.Currency(v)
		if err != nil {
			r.fail("base", v, err)
		}
		return code
	case r.t.rateBase != "":
		return r.t.rateBase
	case r.c.opt.RatesBase != "":
		return r.c.opt.RatesBase
	}
	r.fail("base", "", fmt.Errorf("%w: the rate does not say which currency it is in (1 USD = 1970.31 of which currency?); "+
		"add a base column (MNT), name the currency in the rate column's header (\"Rate (MNT)\"), or set rates_base = \"MNT\" in coopreport.toml", pipeline.ErrBadRate))
	return ""
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
	r.formB(&m, rec)
	r.key(pipeline.KindMeasures, m.ID)
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
		var byWords bool
		if a.Instrument, byWords, err = normalize.Instrument(v); err != nil {
			r.fail("instrument", v, err)
		} else if byWords {
			r.readByWords("instrument", v, string(a.Instrument))
		}
	}
	if v := r.text(rec.Status); v != "" {
		if a.Status, err = normalize.Status(v); err != nil {
			r.fail("status", v, err)
		}
	}
	// An agreement enters into force on signature unless the register
	// says otherwise: a date of entry into force, or a status saying it
	// is signed but not yet in force (then it is in force from no day).
	if a.ValidFrom.IsZero() && a.Status != pipeline.StatusSigned {
		a.ValidFrom = a.Signed
	}
	if !a.ValidTo.IsZero() && !a.ValidFrom.IsZero() && a.ValidTo.Before(a.ValidFrom) {
		r.fail("valid_to", r.shown(rec.ValidTo, a.ValidTo), fmt.Errorf("%w: the agreement ends (%s) before it takes effect (%s); check both dates", pipeline.ErrEndBeforeStart, a.ValidTo, a.ValidFrom))
	}
	if a.Status == pipeline.StatusSigned && !a.ValidTo.IsZero() && (a.ValidFrom.IsZero() || a.ValidTo.Before(a.ValidFrom)) {
		r.fail("status", r.text(rec.Status), fmt.Errorf("%w: the register says the agreement is signed and not yet in force, and gives it an end (%s): if it ended before it entered into force, write terminated; if it is in force, give the date of entry into force", pipeline.ErrBadChoice, a.ValidTo))
	}
	if (a.Status == pipeline.StatusTerminated || a.Status == pipeline.StatusSuspended) && a.ValidTo.IsZero() && (r.text(rec.ValidTo) == "" || normalize.NotAvailable(rec.ValidTo)) {
		r.fail("valid_to", "", fmt.Errorf("%w: a %s agreement must give the date it stopped in %s", pipeline.ErrNoEndDate, a.Status, r.colName("valid_to")))
	}
	a.Measure = c.measureRef(r, rec.Measure)
	r.key(pipeline.KindAgreements, a.ID)
	if !r.ok() {
		return false
	}
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
		r.fail("end", r.shown(rec.End, a.End), fmt.Errorf("%w: the activity ends (%s) before it starts (%s); check both dates", pipeline.ErrEndBeforeStart, a.End, a.Date))
	}
	var err error
	if v := r.required("type", rec.Type); v != "" {
		var byWords bool
		if a.Type, byWords, err = normalize.ActivityType(v); err != nil {
			r.fail("type", v, err)
		} else if byWords {
			r.readByWords("type", v, string(a.Type))
		}
	}
	switch v := r.text(rec.Participants); {
	case v == "" || normalize.NoAmount(v):
		a.Participants = pipeline.NoParticipants // unknown, not zero
	case normalize.NotAvailable(v):
		a.Participants = pipeline.NoParticipants
		r.t.notAvailable.add(r.header("participants"), v)
	default:
		if a.Participants, err = normalize.WholeNumber(v); err != nil {
			r.fail("participants", v, err)
		}
	}
	a.Amount = r.money(rec.Amount, rec.Currency)
	a.Agreement = r.reference("agreement", rec.Agreement, pipeline.KindAgreements)
	a.Measure = c.measureRef(r, rec.Measure)
	r.key(pipeline.KindActivities, a.ID)
	if !r.ok() {
		return false
	}
	c.d.spool.add(&a, r.seq)
	return true
}

// money reads an amount and its currency: the currency column, or a
// symbol or code written with the amount; both must agree. A lone dash is
// no amount, as accountants write it. Every problem is reported.
func (r *row) money(amount, cur string) *pipeline.Money {
	amount, cur = r.text(amount), r.text(cur)
	code, curOK := "", true
	if cur != "" {
		var err error
		if code, err = normalize.Currency(cur); err != nil {
			r.fail("currency", cur, err)
			curOK = false
		}
	}
	if normalize.NoAmount(amount) {
		return nil
	}
	if normalize.NotAvailable(amount) {
		r.fail("amount", amount, fmt.Errorf("%w: %q says the amount is not known; leave the cell empty (or write a dash) if there was no amount, or write the amount", pipeline.ErrBadAmount, amount))
		return nil
	}
	x, written, err := r.amount(amount)
	if err != nil {
		r.fail("amount", amount, err)
		return nil
	}
	switch {
	case !curOK:
		return nil
	case written != "" && code != "" && written != code:
		r.fail("currency", cur, fmt.Errorf("%w: the amount is written in %s but the currency column says %s; make them agree", pipeline.ErrBadCurrency, written, code))
		return nil
	case code == "" && written == "" && r.t.amountCurrency != "":
		code = r.t.amountCurrency
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
