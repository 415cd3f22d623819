package pdf

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"coopreport/pipeline"
)

// Options change how the report is drawn, not what it says.
type Options struct {
	// PageSize is "A4" (the default when empty) or "Letter".
	PageSize string
	// MissingGlyph, when set, is called for every character the fonts
	// cannot draw, once per place, in drawing order. The character is
	// replaced by Replacement in the PDF either way; the callback is how
	// the caller tells the user (a warning in the log or the manifest).
	MissingGlyph func(MissingGlyph)
}

// rejectsShown is how many rejected rows the PDF lists; rejects.csv has
// them all.
const rejectsShown = 50

// Write draws r as the periodic report and writes the PDF to w. It only
// formats: every number comes from r, so the PDF agrees with the workbook
// and the CSV files. The same r gives the same bytes.
func Write(w io.Writer, r *pipeline.Report, opt Options) (err error) {
	// fpdf panics on some input instead of returning an error (characters
	// beyond its width table, a missing font). The glyph check keeps such
	// text out; should anything slip through, the run gets an error to
	// report rather than a crash.
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("drawing the PDF report failed; please report this as a bug: %v", v)
		}
	}()
	if r == nil {
		return errors.New("no report to write")
	}
	d, err := newDoc(opt.PageSize, opt.MissingGlyph)
	if err != nil {
		return err
	}
	l := &layout{d: d, r: r}
	if err := l.draw(); err != nil {
		return err
	}
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("drawing the PDF report: %w", err)
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("writing the PDF report: %w", err)
	}
	return nil
}

// layout is version 1 of the report: a fixed sequence of sections.
type layout struct {
	d *doc
	r *pipeline.Report
}

func (l *layout) draw() error {
	l.meta()
	l.cover()
	l.d.newPage()
	if err := l.summary(); err != nil {
		return err
	}
	l.byCountry()
	l.byBucket()
	if err := l.money(); err != nil {
		return err
	}
	l.measures()
	l.agreements()
	l.activities()
	l.issues()
	return nil
}

func (l *layout) clean(s, where string) string { return l.d.g.clean(s, where) }

func (l *layout) periodWords() string {
	p := l.r.Period
	return fmt.Sprintf("%s to %s", p.From.Long(), p.To.Long())
}

func (l *layout) madeOn() string {
	if l.r.Made.IsZero() {
		return ""
	}
	return pipeline.DateOf(l.r.Made).Long()
}

func (l *layout) meta() {
	r := l.r
	title := l.clean(r.Title, "report title")
	party := l.clean(r.Party, "reporting party")
	footer := "Made on " + l.madeOn()
	if r.Version != "" {
		footer += " by coopreport " + l.clean(r.Version, "tool version")
	}
	l.d.setMeta(meta{
		Title:       title,
		Author:      party,
		Subject:     fmt.Sprintf("Periodic report on international cultural cooperation, %s (%s)", l.clean(r.Period.Label, "period"), l.periodWords()),
		Keywords:    strings.TrimSpace("cultural cooperation periodic report " + party + " " + l.clean(r.Period.Label, "period")),
		Creator:     strings.TrimSpace("coopreport " + l.clean(r.Version, "tool version")),
		Made:        r.Made,
		HeaderLeft:  title,
		HeaderRight: "Period " + l.clean(r.Period.Label, "period"),
		FooterLeft:  footer,
	})
}

func (l *layout) cover() {
	d, p, r := l.d, l.d.pdf, l.r
	d.furniture = false
	p.AddPage()
	d.bookmark("Cover", 0)
	w := d.contentW()
	p.SetY(d.pageH * 0.28)
	p.SetFont(family, "B", 24)
	for _, line := range d.split(d.meta.Title, w) {
		p.SetX(marginLeft)
		p.CellFormat(w, 11, line, "", 2, "L", false, 0, "")
	}
	p.SetY(p.GetY() + 4)
	p.SetFont(family, "", 15)
	for _, line := range d.split(d.meta.Author, w) {
		p.SetX(marginLeft)
		p.CellFormat(w, 8, line, "", 2, "L", false, 0, "")
	}
	p.SetDrawColor(60, 90, 140)
	p.SetLineWidth(0.8)
	p.Line(marginLeft, p.GetY()+4, marginLeft+60, p.GetY()+4)
	p.SetY(p.GetY() + 10)
	lines := []string{
		"Periodic report on international cultural cooperation",
		"Period " + l.clean(r.Period.Label, "period") + ": " + l.periodWords(),
	}
	if r.Currency != "" {
		lines = append(lines, "Reporting currency: "+l.clean(r.Currency, "reporting currency"))
	}
	p.SetFont(family, "", 11)
	for _, s := range lines {
		for _, line := range d.split(s, w) {
			p.SetX(marginLeft)
			p.CellFormat(w, 6, line, "", 2, "L", false, 0, "")
		}
	}
	p.SetY(d.pageH - 50)
	p.SetFont(family, "", 10)
	p.SetTextColor(80, 80, 80)
	p.SetX(marginLeft)
	p.CellFormat(w, 5.5, "Made on "+l.madeOn(), "", 2, "L", false, 0, "")
	if r.Version != "" {
		p.SetX(marginLeft)
		p.CellFormat(w, 5.5, "coopreport version "+l.clean(r.Version, "tool version"), "", 2, "L", false, 0, "")
	}
	d.resetStyle()
}

// grand is the whole period's counts over all countries: the sum of the
// Totals rows, which are one per country.
func (l *layout) grand() pipeline.Counts {
	var g pipeline.Counts
	for _, t := range l.r.Totals {
		g.Signed += t.Signed
		g.InForce += t.InForce
		g.Activities += t.Activities
		g.Participants += t.Participants
	}
	return g
}

// currencyTotal is one currency's money over the whole period.
type currencyTotal struct {
	code      string
	amount    pipeline.Decimal
	reporting pipeline.Decimal
	converted bool // every row of the currency was converted
}

// currencyTotals adds the FinanceTotals rows up by currency, exactly, in
// the order the currencies first appear.
func (l *layout) currencyTotals() ([]currencyTotal, error) {
	var out []currencyTotal
	idx := map[string]int{}
	for _, f := range l.r.FinanceTotals {
		i, ok := idx[f.Currency]
		if !ok {
			i = len(out)
			idx[f.Currency] = i
			out = append(out, currencyTotal{code: f.Currency, converted: true})
		}
		c := &out[i]
		var err error
		if c.amount, err = c.amount.Add(f.Amount); err != nil {
			return nil, fmt.Errorf("adding up the %s amounts for the PDF report: %w", f.Currency, err)
		}
		if c.converted = c.converted && f.Converted; c.converted {
			if c.reporting, err = c.reporting.Add(f.Reporting); err != nil {
				return nil, fmt.Errorf("adding up the %s amounts for the PDF report: %w", l.r.Currency, err)
			}
		}
	}
	return out, nil
}

func (l *layout) summary() error {
	d, r := l.d, l.r
	d.heading(0, "Summary of the period", "", 4*lineBody)
	d.paragraphs(fmt.Sprintf("%s reports on its international cultural cooperation from %s (period %s).",
		r.Party, l.periodWords(), r.Period.Label), "summary", "")
	d.gap(2)
	g := l.grand()
	rows := [][2]string{
		{"Partner countries", integer(len(r.Countries))},
		{"Agreements signed", integer(g.Signed)},
		{"Agreements in force", integer(g.InForce)},
		{"Activities", integer(g.Activities)},
		{"Participants", integer(g.Participants)},
	}
	totals, err := l.currencyTotals()
	if err != nil {
		return err
	}
	for _, c := range totals {
		code := l.clean(c.code, "money, currency")
		rows = append(rows, [2]string{"Money spent in " + code, moneyWithCode(c.amount, code)})
		if r.Currency != "" && c.code != r.Currency {
			v := "not converted"
			if c.converted {
				v = moneyWithCode(c.reporting, l.clean(r.Currency, "reporting currency"))
			}
			rows = append(rows, [2]string{"   converted to " + l.clean(r.Currency, "reporting currency"), v})
		}
	}
	d.pairs(rows)
	d.gap(4)
	if len(r.Countries) > 0 {
		names := make([]string, len(r.Countries))
		for i, c := range r.Countries {
			names[i] = c.Label()
		}
		d.field("Partner countries", strings.Join(names, ", ")+".", "partner countries")
	}
	return nil
}

func countsColumns(first ...column) []column {
	return append(first,
		column{"Agreements signed", 1.1, "R"},
		column{"Agreements in force", 1.1, "R"},
		column{"Activities", 1, "R"},
		column{"Participants", 1.1, "R"},
	)
}

func countsCells(c pipeline.Counts) []string {
	return []string{integer(c.Signed), integer(c.InForce), integer(c.Activities), integer(c.Participants)}
}

func (l *layout) byCountry() {
	d, r := l.d, l.r
	d.heading(0, "Cooperation by country", "", 30)
	t := d.newTable("Whole period "+r.Period.Label+", by partner country", "tables", countsColumns(column{"Country", 2.6, "L"}))
	for i, row := range r.Totals {
		t.row(append([]string{row.Country.Label()}, countsCells(row.Counts)...), fmt.Sprintf("by country, row %d", i+1), false)
	}
	if len(r.Totals) > 0 {
		t.row(append([]string{"All countries"}, countsCells(l.grand())...), "by country, total", true)
	}
	t.end()
}

func (l *layout) byBucket() {
	d, r := l.d, l.r
	by := "bucket"
	if r.Period.By != "" {
		by = string(r.Period.By)
	}
	d.heading(0, "Cooperation by "+by+" and country", "", 30)
	t := d.newTable("By "+by+" and partner country", "tables", countsColumns(column{capital(by), 1.1, "L"}, column{"Country", 2.2, "L"}))
	for i, row := range r.Summary {
		t.row(append([]string{row.Bucket, row.Country.Label()}, countsCells(row.Counts)...), fmt.Sprintf("by %s, row %d", by, i+1), false)
	}
	t.end()
}

func (l *layout) money() error {
	d, r := l.d, l.r
	d.heading(0, "Money", "", 55) // the explanation and the start of the table
	if r.Currency != "" {
		d.paragraphs(fmt.Sprintf("Amounts are the sums of the activities' amounts in each currency, exact to the last digit given. "+
			"They are converted to %s where an exchange rate covers the activity's date; \"not converted\" marks rows where a rate was missing.", r.Currency), "money", "")
	} else {
		d.paragraphs("Amounts are the sums of the activities' amounts in each currency, exact to the last digit given. No reporting currency is set, so nothing is converted.", "money", "")
	}
	d.gap(2)
	cols := []column{{"Country", 2.4, "L"}, {"Currency", 0.9, "L"}, {"Amount", 1.8, "R"}}
	if r.Currency != "" {
		cols = append(cols, column{"Rate", 1.1, "R"}, column{"In " + r.Currency, 1.8, "R"})
	}
	t := d.newTable("Whole period "+r.Period.Label+", by country and currency", "money", cols)
	for i, f := range r.FinanceTotals {
		t.row(l.financeCells(f, f.Country.Label()), fmt.Sprintf("money, row %d", i+1), false)
	}
	totals, err := l.currencyTotals()
	if err != nil {
		return err
	}
	for _, c := range totals {
		cells := []string{"All countries", c.code, money(c.amount, c.code)}
		if r.Currency != "" {
			cells = append(cells, "", notConverted(c.converted, c.reporting, r.Currency))
		}
		t.row(cells, "money, total", true)
	}
	t.end()

	cols = append([]column{{"Bucket", 1.1, "L"}}, cols...)
	t = d.newTable("By bucket, country and currency", "money", cols)
	for i, f := range r.Finance {
		t.row(append([]string{f.Bucket}, l.financeCells(f, f.Country.Label())...), fmt.Sprintf("money by bucket, row %d", i+1), false)
	}
	t.end()
	return nil
}

func (l *layout) financeCells(f pipeline.FinanceRow, country string) []string {
	cells := []string{country, f.Currency, money(f.Amount, f.Currency)}
	if l.r.Currency != "" {
		rate := ""
		switch {
		case f.RateKnown:
			rate = f.Rate.String()
		case f.Converted:
			rate = "several"
		}
		cells = append(cells, rate, notConverted(f.Converted, f.Reporting, l.r.Currency))
	}
	return cells
}

func notConverted(ok bool, d pipeline.Decimal, code string) string {
	if !ok {
		return "not converted"
	}
	return money(d, code)
}

// measureFields are the parts of a measure as the report form names them
// (mongolia-measure.txt).
func measureFields(m *pipeline.Measure) [][2]string {
	nature := make([]string, len(m.Nature))
	for i, n := range m.Nature {
		nature[i] = string(n)
	}
	f := [][2]string{
		{"Agencies responsible", m.Agencies},
		{"Area", m.Area},
		{"Key objectives of the measure", m.Objectives},
		{"Scope of the measure", m.Scope},
		{"Nature of the measure", strings.Join(nature, ", ")},
		{"Main feature of the measure", m.Features},
		{"Results expected through the implementation of the measure", m.Results},
		{"Financial resources allocated to implement the measure", m.Resources},
	}
	for _, e := range m.Extra {
		f = append(f, [2]string{e.Name, e.Value})
	}
	return f
}

func (l *layout) measures() {
	d, r := l.d, l.r
	if len(r.Measures) == 0 {
		d.heading(0, "Measures", "", 2*lineBody)
		d.paragraphs("No measures were given for this period.", "measures", "I")
		d.gap(4)
		return
	}
	d.newPageIfBelow(0.5)
	d.heading(0, "Measures", "", 30)
	for i := range r.Measures {
		m := &r.Measures[i]
		where := fmt.Sprintf("measure %d (%s)", i+1, m.Pos)
		title := m.Title
		if strings.TrimSpace(title) == "" {
			title = m.ID
		}
		d.heading(1, title, where, 3*lineBody)
		for _, f := range measureFields(m) {
			d.field(f[0], f[1], where)
		}
		d.gap(4)
	}
}

func (l *layout) agreements() {
	d, r := l.d, l.r
	d.newPageIfBelow(0.5)
	d.heading(0, "Annex A. Agreements in force during the period", "", 30)
	t := d.newTable("Agreements in force between "+r.Period.From.Long()+" and "+r.Period.To.Long(), "agreements", []column{
		{"ID", 1.1, "L"}, {"Country", 1.6, "L"}, {"Instrument", 1.45, "L"}, {"Title", 3.95, "L"}, {"Signed", 1.3, "L"}, {"Valid to", 1.3, "L"},
	})
	n := 0
	for i := range r.Agreements {
		a := &r.Agreements[i]
		if !a.InForce(r.Period.From, r.Period.To) {
			continue
		}
		n++
		validTo := a.ValidTo.String()
		if validTo == "" {
			validTo = "open-ended"
		}
		t.row([]string{a.ID, countryLabel(a.Country, a.Region), string(a.Instrument), a.Title, a.Signed.String(), validTo},
			fmt.Sprintf("agreements, row %d (%s)", n, a.Pos), false)
	}
	t.end()
}

func (l *layout) activities() {
	d, r := l.d, l.r
	d.newPageIfBelow(0.5)
	d.heading(0, "Annex B. Activities of the period", "", 30)
	t := d.newTable("Activities from "+r.Period.From.Long()+" to "+r.Period.To.Long(), "activities", []column{
		{"Date", 1.45, "L"}, {"Country", 1.6, "L"}, {"Type", 1.15, "L"}, {"Title", 3.7, "L"}, {"Participants", 1.45, "R"}, {"Amount", 2.0, "R"},
	})
	for i := range r.Activities {
		a := &r.Activities[i]
		date := a.Date.String()
		if !a.End.IsZero() && a.End != a.Date {
			date += "\n– " + a.End.String()
		}
		amount := ""
		if a.Amount != nil {
			amount = moneyWithCode(a.Amount.Amount, a.Amount.Currency)
		}
		t.row([]string{date, countryLabel(a.Country, a.Region), string(a.Type), a.Title, integer(a.Participants), amount},
			fmt.Sprintf("activities, row %d (%s)", i+1, a.Pos), false)
	}
	t.end()
}

func (l *layout) issues() {
	d, r := l.d, l.r
	d.newPageIfBelow(0.5)
	d.heading(0, "Annex C. Data issues", "", 30)
	switch len(r.Rejects) {
	case 0:
		d.paragraphs("No rows were rejected: every row of the input was used.", "data issues", "")
	case 1:
		d.paragraphs("1 row of the input was rejected and is not counted in this report. rejects.csv says why.", "data issues", "")
	default:
		d.paragraphs(fmt.Sprintf("%s rows of the input were rejected and are not counted in this report. rejects.csv lists them all with the reasons.",
			integer(len(r.Rejects))), "data issues", "")
	}
	for i, w := range r.Warnings {
		d.paragraphs("Warning: "+w, fmt.Sprintf("warning %d", i+1), "I")
	}
	d.gap(3)
	if len(r.Rejects) == 0 {
		return
	}
	caption := "Rejected rows"
	if len(r.Rejects) > rejectsShown {
		caption = fmt.Sprintf("The first %d rejected rows", rejectsShown)
	}
	t := d.newTable(caption, "data issues", []column{{"File", 2.4, "L"}, {"Row", 0.7, "R"}, {"Column", 1.4, "L"}, {"Reason", 5.5, "L"}})
	for i := range r.Rejects[:min(len(r.Rejects), rejectsShown)] {
		e := &r.Rejects[i]
		file := e.File
		if e.Sheet != "" {
			file += " [" + e.Sheet + "]"
		}
		reason := ""
		if e.Err != nil {
			reason = e.Reason()
		}
		t.row([]string{file, strconv.Itoa(e.Row), e.Column, reason}, fmt.Sprintf("data issues, row %d (%s)", i+1, e.Pos), false)
	}
	t.end()
	if more := len(r.Rejects) - rejectsShown; more > 0 {
		d.paragraphs(fmt.Sprintf("… and %s more in rejects.csv.", integer(more)), "data issues", "")
	}
}

// countryLabel is the country's name, with the sub-national partner when
// there is one: "China (Inner Mongolia)".
func countryLabel(c pipeline.Country, region string) string {
	if region == "" {
		return c.Label()
	}
	return c.Label() + " (" + region + ")"
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
