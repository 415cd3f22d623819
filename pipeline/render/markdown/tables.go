package markdown

import (
	"coopreport/pipeline/lang"

	"fmt"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/render/chartdata"
)

// Target is what the Markdown is for.
type Target int

const (
	// PDF: charts are images with a chart: destination, which the PDF
	// writer draws from the report.
	PDF Target = iota
	// Markdown: the report-<period>.md file, to read or paste into the
	// online reporting form: charts are tables of their data.
	Markdown
)

// execution is what the table and chart functions draw from; nil while a
// template is only being parsed.
type execution struct {
	v      *View
	target Target
}

// Tables lists the names the table function knows, in the README's order.
var Tables = []string{"totals", "by-country", "by-bucket", "compared", "money", "ended", "expiring", "agreements-in-force", "activities", "rejects-summary", "rejects"}

// Charts lists the names the chart function knows.
var Charts = chartdata.Names

func known(names []string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}

// gfm is a table being written: a caption, then a GFM table.
type gfm struct {
	caption string
	head    []string
	right   []bool // numbers align right
	rows    [][]string
	bold    []bool // total rows
}

func newTable(caption string, cols ...string) *gfm {
	t := &gfm{caption: caption}
	for _, c := range cols {
		right := strings.HasPrefix(c, ">")
		t.head = append(t.head, strings.TrimPrefix(c, ">"))
		t.right = append(t.right, right)
	}
	return t
}

func (t *gfm) add(cells ...string) { t.rows = append(t.rows, cells); t.bold = append(t.bold, false) }

func (t *gfm) total(cells ...string) { t.rows = append(t.rows, cells); t.bold = append(t.bold, true) }

// markdown writes the caption as an emphasised paragraph, a blank line,
// and the table: the caption is the block right before the table.
func (t *gfm) markdown() Raw {
	var b strings.Builder
	if t.caption != "" {
		b.WriteString("*" + Escape(t.caption) + "*\n\n")
	}
	line := func(cells []string, bold bool) {
		b.WriteByte('|')
		for i := range t.head {
			c := ""
			if i < len(cells) {
				c = cell(cells[i])
			}
			if bold && c != "" {
				c = "**" + c + "**"
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteByte('\n')
	}
	line(t.head, false)
	b.WriteByte('|')
	for _, r := range t.right {
		if r {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteByte('\n')
	for i, r := range t.rows {
		line(r, t.bold[i])
	}
	return Raw(strings.TrimSuffix(b.String(), "\n"))
}

func num[T int | int64](n T) string { s, _ := number(lang.English, int64(n)); return s }

func amount(d pipeline.Decimal, code string) string {
	s, _ := moneyFunc(lang.English, d, code)
	return s
}

// figure is an amount without its code, for columns whose header names
// the currency.
func figure(d pipeline.Decimal, code string) string { return pipeline.Grouped(d, code) }

// table writes the named table with its caption.
func (x *execution) table(name string) (Raw, error) {
	if x == nil || x.v == nil {
		return "", fmt.Errorf("table %q used outside of a report", name)
	}
	v := x.v
	switch name {
	case "totals":
		if v.Empty {
			return "", nil // the summary says there is nothing
		}
		return v.totalsTable().markdown(), nil
	case "by-country":
		t := newTable("Cooperation by partner, "+v.Period.Name, "Partner", ">Agreements signed", ">Agreements in force", ">Activities", ">Participants")
		none := 0
		for _, r := range v.ByCountry {
			if r.none() {
				none++
				continue
			}
			t.add(r.Country, num(r.Signed), num(r.InForce), num(r.Activities), num(r.Participants))
		}
		if len(t.rows) == 0 {
			return "No partner had an agreement in force or an activity in the period.", nil
		}
		g := v.Totals
		t.total("All partners", num(g.Signed), num(g.InForce), num(g.Activities), num(g.Participants))
		var note Raw
		if none > 0 {
			n, _ := plural(lang.English, none, []string{"more partner", "more partners"})
			note = Raw("\n\n" + capital(n) + " of the registers had no agreement in force and no activity in the period.")
		}
		return t.markdown() + note, nil
	case "by-bucket":
		by := orWord(v.Period.By, "bucket")
		if len(v.ByBucket) > TableRows {
			// One line a bucket: the rows by partner would fill pages.
			t := newTable("Cooperation by "+by, capital(by), ">Agreements signed", ">Agreements in force", ">Activities", ">Participants")
			var quiet []string
			for _, r := range v.BucketTotals {
				if r.quiet() && len(v.BucketTotals) > 1 {
					quiet = append(quiet, r.Bucket)
					continue
				}
				t.add(r.Bucket, num(r.Signed), num(r.InForce), num(r.Activities), num(r.Participants))
			}
			if len(t.rows) == 0 {
				return Raw(fmt.Sprintf("No agreement was signed and no activity took place in any %s of the period.", by)), nil
			}
			n, _ := number(lang.English, int64(len(v.ByBucket)))
			note := fmt.Sprintf("\n\nThe %s rows by %s and partner are in summary.csv and in the Summary sheet of the workbook.", n, by)
			switch {
			case len(quiet) > 0 && len(quiet) <= 10:
				note += fmt.Sprintf(" In %s no agreement was signed and no activity took place.", list(quiet))
			case len(quiet) > 10:
				q, _ := number(lang.English, int64(len(quiet)))
				note += fmt.Sprintf(" In the %s other %ss of the period no agreement was signed and no activity took place.", q, by)
			}
			return t.markdown() + Raw(note), nil
		}
		t := newTable("Cooperation by "+by+" and partner", capital(by), "Partner", ">Agreements signed", ">Agreements in force", ">Activities", ">Participants")
		quiet := 0
		for _, r := range v.ByBucket {
			if r.quiet() {
				quiet++
				continue
			}
			t.add(r.Bucket, r.Country, num(r.Signed), num(r.InForce), num(r.Activities), num(r.Participants))
		}
		if len(t.rows) == 0 {
			return Raw(fmt.Sprintf("No agreement was signed and no activity took place in any %s of the period.", by)), nil
		}
		var note Raw
		if quiet > 0 {
			q, _ := plural(lang.English, quiet, []string{"more row", "more rows"})
			note = Raw(fmt.Sprintf("\n\n%s by %s and partner had agreements in force and nothing else: no agreement signed, no activity. Every row is in summary.csv and in the Summary sheet of the workbook.", capital(q), by))
		}
		return t.markdown() + note, nil
	case "compared":
		return v.comparedTable(), nil
	case "money":
		if len(v.r.GrandMoney) == 0 {
			return "No money was recorded for the activities of the period.", nil
		}
		return v.moneyTable().markdown() + v.moneyNote(), nil
	case "agreements-in-force":
		t := newTable("Agreements in force, "+v.Period.Name, "ID", "Partner", "Instrument", "Title", "Signed", "In force")
		for _, a := range v.Agreements[:min(len(v.Agreements), ListedRows)] {
			t.add(a.ID, partnerCell(a), a.InstrumentName, a.Title, a.Signed.ISO(), span(a.ValidFrom, a.ValidTo))
		}
		return t.markdown() + more(len(v.Agreements), "agreements", "Agreements"), nil
	case "activities":
		cols := []string{"ID", "Date", "Partner", "Type", "Activity", ">Participants", ">Amount"}
		if v.ReportingCurrency != "" {
			cols = append(cols, ">In "+v.ReportingCurrency)
		}
		t := newTable("Activities, "+v.Period.Name, cols...)
		for _, a := range v.Activities.First[:min(len(v.Activities.First), ListedRows)] {
			partner := a.Country
			if a.Region != "" {
				partner += " (" + a.Region + ")"
			}
			cells := []string{a.ID, a.Dates, partner, a.Type, a.Title, participants(a), ""}
			if a.HasAmount {
				cells[6] = amount(a.Amount, a.Currency)
			}
			if v.ReportingCurrency != "" {
				cells = append(cells, converted(a.HasAmount, a.Converted, figure(a.Reporting, v.ReportingCurrency)))
			}
			t.add(cells...)
		}
		return t.markdown() + more(v.Activities.Count, "activities", "Activities"), nil
	case "ended":
		t := newTable("Agreements that ended in "+v.Period.Name, "ID", "Partner", "Title", "Ended", "How")
		for _, a := range v.Ended[:min(len(v.Ended), ListedRows)] {
			how := a.Status // terminated or suspended, as the register says
			if how != string(pipeline.StatusTerminated) && how != string(pipeline.StatusSuspended) {
				how = "expired"
			}
			t.add(a.ID, partnerCell(a), a.Title, a.ValidTo.String(), how)
		}
		return t.markdown() + firstOf(len(v.Ended), "agreements ended during the period"), nil
	case "expiring":
		t := newTable("Agreements expiring by "+v.ExpiringBy.String(), "ID", "Partner", "Title", "Valid to", ">Days left")
		for _, a := range v.Expiring[:min(len(v.Expiring), ListedRows)] {
			t.add(a.ID, partnerCell(a), a.Title, a.ValidTo.String(), num(a.ValidTo.d.Days()-v.Period.To.d.Days()))
		}
		return t.markdown() + firstOf(len(v.Expiring), "agreements expire by "+v.ExpiringBy.String()), nil
	case "rejects-summary":
		return v.rejectsTable().markdown(), nil
	case "rejects":
		t := newTable("Problems found in the input", "File", ">Row", "Column", "Value", "Problem")
		for _, p := range v.Problems.First {
			file := p.File
			if p.Sheet != "" {
				file += ", sheet " + p.Sheet
			}
			t.add(file, num(p.Row), p.Column, p.Value, p.Reason)
		}
		var rest Raw
		if v.Problems.More > 0 {
			n, _ := number(lang.English, int64(v.Problems.Count))
			first, _ := number(lang.English, int64(len(v.Problems.First)))
			rest = Raw(fmt.Sprintf("\n\nThe input has %s problems; the first %s are listed here, and all of them in rejects.csv and in the Data issues sheet of the workbook.", n, first))
		}
		return t.markdown() + rest, nil
	}
	return "", fmt.Errorf("there is no table %q; the tables are %s", name, strings.Join(Tables, ", "))
}

// partnerCell is an agreement's partner for a table: the country's short
// name, and the region in brackets.
func partnerCell(a Agreement) string {
	if a.Region != "" {
		return a.Country + " (" + a.Region + ")"
	}
	return a.Country
}

// none reports whether a row has nothing to say: no agreement signed or
// in force, no activity.
func (r Row) none() bool { return r.Signed == 0 && r.InForce == 0 && r.quiet() }

// quiet reports whether nothing happened in a row: no agreement signed, no
// activity; agreements may have been in force.
func (r Row) quiet() bool { return r.Signed == 0 && r.Activities == 0 && r.Participants == 0 }

// ListedRows is the most rows the register tables list: a report is read,
// and a ledger of a hundred thousand activities would make thousands of
// pages. The workbook lists every row.
const ListedRows = 50

// TableRows is the most rows a table of numbers by partner takes (by
// bucket and partner, money by partner and currency) before it gives
// the totals alone and says where the rows are.
const TableRows = 50

// firstOf says how many rows a list of agreements has when it holds the
// first ListedRows: "325 agreements ended during the period; the first 50
// are listed here, and all of them in the Agreements sheet of the workbook."
func firstOf(n int, what string) Raw {
	if n <= ListedRows {
		return ""
	}
	s, _ := number(lang.English, int64(n))
	first, _ := number(lang.English, ListedRows)
	return Raw(fmt.Sprintf("\n\n%s %s; the first %s are listed here, and all of them in the Agreements sheet of the workbook.", s, what, first))
}

// more says where the rows a table leaves out are.
func more(n int, what, sheet string) Raw {
	if n <= ListedRows {
		return ""
	}
	s, _ := number(lang.English, int64(n))
	first, _ := number(lang.English, ListedRows)
	return Raw(fmt.Sprintf("\n\nThe period has %s %s; the first %s are listed here, and all of them in the %s sheet of the workbook.", s, what, first, sheet))
}

func orWord(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func span(from, to Date) string {
	if to.IsZero() {
		return "from " + from.ISO()
	}
	return from.ISO() + " to " + to.ISO()
}

func participants(a Activity) string {
	if !a.ParticipantsKnown {
		return ""
	}
	return num(a.Participants)
}

func converted(has, ok bool, s string) string {
	switch {
	case !has:
		return ""
	case !ok:
		return "not converted"
	}
	return s
}

func (v *View) totalsTable() *gfm {
	g := v.Totals
	t := newTable(capital(v.Period.Name)+" in numbers", "Figure", ">Number")
	t.add("Partner countries", num(g.Countries))
	t.add("Agreements in force", num(g.InForce))
	t.add("Agreements signed in the period", num(g.Signed))
	t.add("Activities", num(g.Activities))
	t.add("Participants", num(g.Participants))
	return t
}

func (v *View) moneyTable() *gfm {
	cols := []string{"Partner", "Currency", ">Amount"}
	if v.ReportingCurrency != "" {
		cols = append(cols, ">Rate", ">In "+v.ReportingCurrency)
	}
	t := newTable("Money spent on activities, "+v.Period.Name, cols...)
	cells := func(partner string, f pipeline.FinanceRow) []string {
		c := []string{partner, f.Currency, figure(f.Amount, f.Currency)}
		if v.ReportingCurrency != "" {
			rate := ""
			switch {
			case f.RateKnown:
				rate = f.Rate.String()
			case f.Converted:
				rate = "several"
			}
			c = append(c, rate, converted(true, f.Converted, figure(f.Reporting, v.ReportingCurrency)))
		}
		return c
	}
	if len(v.r.FinanceTotals) <= TableRows {
		for _, f := range v.r.FinanceTotals {
			t.add(cells(f.Country.Label(), f)...)
		}
	}
	for _, f := range v.r.GrandMoney {
		t.total(cells("All partners", f)...)
	}
	return t
}

// moneyNote says where the rows by partner are when the money table
// leaves them out.
func (v *View) moneyNote() Raw {
	if len(v.r.FinanceTotals) <= TableRows {
		return ""
	}
	n, _ := number(lang.English, int64(len(v.r.FinanceTotals)))
	return Raw(fmt.Sprintf("\n\nThe %s rows by partner and currency are in finance.csv and in the Finance sheet of the workbook.", n))
}

func (v *View) rejectsTable() *gfm {
	t := newTable("Rows read, accepted and rejected", "File", "Sheet", ">Rows read", ">Accepted", ">Rejected")
	var read, acc, rej int
	for _, in := range v.r.Inputs {
		sheets := 0
		for _, tb := range in.Tables {
			if tb.Sheet != "" {
				sheets++
			}
		}
		if sheets == 0 {
			t.add(in.Name, "", num(in.Read), num(in.Accepted), num(in.Rejected))
		} else {
			for _, tb := range in.Tables {
				if tb.Read == 0 {
					continue // a sheet that explains the workbook, or an empty table
				}
				t.add(in.Name, tb.Sheet, num(tb.Read), num(tb.Accepted), num(tb.Rejected))
			}
		}
		read, acc, rej = read+in.Read, acc+in.Accepted, rej+in.Rejected
	}
	t.total("All files", "", num(read), num(acc), num(rej))
	return t
}

// nothingToChart says why the named chart would be empty, in a sentence
// that stands in its place; "" when it has something to show.
func (v *View) nothingToChart(name string) string {
	g := v.r.Grand
	switch {
	case name == "activities-by-country" && g.Activities == 0:
		return "No activity took place in the period, so there is no chart of activities."
	case name == "money-by-bucket" && len(v.r.GrandMoney) == 0:
		return "No money was recorded in the period, so there is no chart of money."
	case name == "agreements-timeline" && g.InForce == 0 && g.Signed == 0:
		return "No agreement was in force or signed in the period, so there is no chart of agreements."
	}
	return ""
}

// chart writes the named chart as a paragraph of its own, whatever is
// around it in the template: an image for the PDF writer to draw, or, for
// the Markdown file, its caption and a table of the numbers the PDF chart
// shows (package chartdata makes them for both).
func (x *execution) chart(name, caption string) (Raw, error) {
	if x == nil || x.v == nil {
		return "", fmt.Errorf("chart %q used outside of a report", name)
	}
	if !known(Charts, name) {
		return "", fmt.Errorf("there is no chart %q; the charts are %s", name, strings.Join(Charts, ", "))
	}
	alone := func(s Raw) Raw { return "\n\n" + s + "\n\n" }
	if none := x.v.nothingToChart(name); none != "" {
		return alone(Raw(none)), nil
	}
	if x.target == PDF {
		return alone(Raw("![" + Escape(caption) + "](chart:" + name + ")")), nil
	}
	r := x.v.r
	switch name {
	case "activities-by-country":
		a := chartdata.ActivitiesByCountry(r)
		t := newTable(caption, "Partner", ">Activities")
		for _, b := range a.Bars {
			t.add(b.Label, num(b.Activities))
		}
		t.total("All partners", num(a.Total))
		return alone(t.markdown()), nil
	case "money-by-bucket":
		m, err := chartdata.MoneyByBucket(r)
		if err != nil {
			return "", err
		}
		cols := []string{capital(m.By)}
		for _, s := range m.Series {
			cols = append(cols, ">In "+s.Currency)
		}
		t := newTable(caption, cols...)
		for i, b := range m.Buckets {
			cells := []string{b}
			for _, s := range m.Series {
				cells = append(cells, figure(s.Sums[i], s.Currency))
			}
			t.add(cells...)
		}
		out := t.markdown()
		switch {
		case m.Reporting == "":
			out += "\n\nNo reporting currency is set, so each currency is shown on its own, not converted."
		case m.Note() != "":
			out += Raw("\n\n" + Escape(m.Note()))
		}
		return alone(out), nil
	case "agreements-timeline":
		tl := chartdata.AgreementsTimeline(r)
		t := newTable(caption, capital(tl.By), ">Agreements in force", ">Agreements signed")
		for i, b := range tl.Buckets {
			t.add(b, num(tl.InForce[i]), num(tl.Signed[i]))
		}
		return alone(t.markdown()), nil
	}
	return "", fmt.Errorf("there is no chart %q", name)
}

// comparedTable sets each bucket beside the one before it: activities and
// money then → now, partners gained and lost.
func (v *View) comparedTable() Raw {
	by := orWord(v.Period.By, "bucket")
	if len(v.Compared) == 0 {
		return Raw(fmt.Sprintf("No %s of the period is compared with the %s before it: the records do not reach back far enough, or the %ss have not ended.", by, by, by))
	}
	cols := []string{capital(by), "Before", ">Activities"}
	if v.ReportingCurrency != "" {
		cols = append(cols, ">Money ("+v.ReportingCurrency+")")
	}
	cols = append(cols, "Partners gained", "Partners lost")
	t := newTable(capital(by)+"s compared with the "+by+" before", cols...)
	names := func(cs []Country) string {
		if len(cs) == 0 {
			return "none"
		}
		return list(cs)
	}
	for _, c := range v.Compared {
		cells := []string{c.Bucket, c.Previous, num(c.PreviousActivities) + " → " + num(c.Activities)}
		if v.ReportingCurrency != "" {
			cells = append(cells, figure(c.PreviousMoney, v.ReportingCurrency)+" → "+figure(c.Money, v.ReportingCurrency))
		}
		t.add(append(cells, names(c.Gained), names(c.Lost))...)
	}
	return t.markdown()
}
