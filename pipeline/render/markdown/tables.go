package markdown

import (
	"coopreport/pipeline/lang"

	"fmt"
	"slices"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/render/chartdata"

	"golang.org/x/text/collate"
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

// num writes a whole number in l: "1,234" in English, "1 234" in French.
func num[T int | int64](l lang.Lang, n T) string { return l.Int(int64(n)) }

func amount(l lang.Lang, d pipeline.Decimal, code string) string {
	s, _ := moneyFunc(l, d, code)
	return s
}

// figure is an amount without its code, for columns whose header names
// the currency.
func figure(l lang.Lang, d pipeline.Decimal, code string) string {
	return l.Digits(pipeline.Plain(d, code))
}

// table writes the named table with its caption.
func (x *execution) table(name string) (Raw, error) {
	if x == nil || x.v == nil {
		return "", fmt.Errorf("table %q used outside of a report", name)
	}
	v := x.v
	l := v.Lang
	switch name {
	case "totals":
		if v.Empty {
			return "", nil // the summary says there is nothing
		}
		return v.totalsTable().markdown(), nil
	case "by-country":
		t := newTable(v.f("Cooperation by partner, %s", v.Period.Name), v.w("Partner"), ">"+v.w("Agreements signed"), ">"+v.w("Agreements in force"), ">"+v.w("Activities"), ">"+v.w("Participants"))
		none := 0
		for _, r := range v.ByCountry {
			if r.none() {
				none++
				continue
			}
			t.add(r.Country, num(l, r.Signed), num(l, r.InForce), num(l, r.Activities), num(l, r.Participants))
		}
		if len(t.rows) == 0 {
			return Raw(v.w("No partner had an agreement in force or an activity in the period.")), nil
		}
		g := v.Totals
		t.total(v.w("All partners"), num(l, g.Signed), num(l, g.InForce), num(l, g.Activities), num(l, g.Participants))
		var note Raw
		if none > 0 {
			note = Raw("\n\n" + capital(v.f("%s %s no agreement in force and no activity in the period.",
				num(l, none), formIn(l, none, "more partner of the registers had|more partners of the registers had"))))
		}
		return t.markdown() + note, nil
	case "by-bucket":
		by := orWord(v.Period.By, "bucket")
		if len(v.ByBucket) > TableRows {
			// One line a bucket: the rows by partner would fill pages.
			t := newTable(v.w("Cooperation by "+by), v.w(capital(by)), ">"+v.w("Agreements signed"), ">"+v.w("Agreements in force"), ">"+v.w("Activities"), ">"+v.w("Participants"))
			var quiet []string
			for _, r := range v.BucketTotals {
				if r.quiet() && len(v.BucketTotals) > 1 {
					quiet = append(quiet, l.Bucket(r.Bucket))
					continue
				}
				t.add(l.Bucket(r.Bucket), num(l, r.Signed), num(l, r.InForce), num(l, r.Activities), num(l, r.Participants))
			}
			if len(t.rows) == 0 {
				return Raw(v.w("No agreement was signed and no activity took place in any " + by + " of the period.")), nil
			}
			note := "\n\n" + v.f("The %s rows by "+by+" and partner are in summary.csv and in the %s sheet of the workbook.", num(l, len(v.ByBucket)), v.w("Summary"))
			switch {
			case len(quiet) > 0 && len(quiet) <= 10:
				note += " " + v.f("In %s no agreement was signed and no activity took place.", l.List(quiet))
			case len(quiet) > 10:
				note += " " + v.f("In the %s other "+by+"s of the period no agreement was signed and no activity took place.", num(l, len(quiet)))
			}
			return t.markdown() + Raw(note), nil
		}
		t := newTable(v.w("Cooperation by "+by+" and partner"), v.w(capital(by)), v.w("Partner"), ">"+v.w("Agreements signed"), ">"+v.w("Agreements in force"), ">"+v.w("Activities"), ">"+v.w("Participants"))
		quiet := 0
		for _, r := range v.ByBucket {
			if r.quiet() {
				quiet++
				continue
			}
			t.add(l.Bucket(r.Bucket), r.Country, num(l, r.Signed), num(l, r.InForce), num(l, r.Activities), num(l, r.Participants))
		}
		if len(t.rows) == 0 {
			return Raw(v.w("No agreement was signed and no activity took place in any " + by + " of the period.")), nil
		}
		var note Raw
		if quiet > 0 {
			note = Raw("\n\n" + capital(v.f("%s %s by "+by+" and partner had agreements in force and nothing else: no agreement signed, no activity. Every row is in summary.csv and in the %s sheet of the workbook.",
				num(l, quiet), formIn(l, quiet, "more row|more rows"), v.w("Summary"))))
		}
		return t.markdown() + note, nil
	case "compared":
		return v.comparedTable(), nil
	case "money":
		if len(v.r.GrandMoney) == 0 {
			return Raw(v.w("No money was recorded for the activities of the period.")), nil
		}
		return v.moneyTable().markdown() + v.moneyNote(), nil
	case "agreements-in-force":
		t := newTable(v.f("Agreements in force, %s", v.Period.Name), v.w("ID"), v.w("Partner"), v.w("Instrument"), v.w("Title"), v.w("Signed"), v.w("In force"))
		for _, a := range v.Agreements[:min(len(v.Agreements), ListedRows)] {
			t.add(a.ID, partnerCell(a), a.InstrumentName, a.Title, a.Signed.ISO(), span(l, a.ValidFrom, a.ValidTo))
		}
		return t.markdown() + v.more(len(v.Agreements), "agreement|agreements", "Agreements"), nil
	case "activities":
		cols := []string{v.w("ID"), v.w("Date"), v.w("Partner"), v.w("Type"), v.w("Activity"), ">" + v.w("Participants"), ">" + v.w("Amount")}
		if v.ReportingCurrency != "" {
			cols = append(cols, ">"+v.f("In %s", v.ReportingCurrency))
		}
		t := newTable(v.f("Activities, %s", v.Period.Name), cols...)
		for _, a := range v.Activities.First[:min(len(v.Activities.First), ListedRows)] {
			partner := a.Country
			if a.Region != "" {
				partner += " (" + a.Region + ")"
			}
			cells := []string{a.ID, a.Dates, partner, v.activityType(a.Type), a.Title, participants(l, a), ""}
			if a.HasAmount {
				cells[6] = amount(l, a.Amount, a.Currency)
			}
			if v.ReportingCurrency != "" {
				cells = append(cells, v.converted(a.HasAmount, a.Converted, figure(l, a.Reporting, v.ReportingCurrency)))
			}
			t.add(cells...)
		}
		return t.markdown() + v.more(v.Activities.Count, "activity|activities", "Activities"), nil
	case "ended":
		t := newTable(v.f("Agreements that ended in %s", v.Period.Name), v.w("ID"), v.w("Partner"), v.w("Title"), v.w("Ended"), v.w("How"))
		for _, a := range v.Ended[:min(len(v.Ended), ListedRows)] {
			how := a.Status // terminated or suspended, as the register says
			if how != string(pipeline.StatusTerminated) && how != string(pipeline.StatusSuspended) {
				how = "expired"
			}
			t.add(a.ID, partnerCell(a), a.Title, a.ValidTo.String(), v.w(how))
		}
		return t.markdown() + v.firstOf(len(v.Ended), "agreement ended during the period|agreements ended during the period", ""), nil
	case "expiring":
		t := newTable(v.f("Agreements expiring by %s", v.ExpiringBy.String()), v.w("ID"), v.w("Partner"), v.w("Title"), v.w("Valid to"), ">"+v.w("Days left"))
		for _, a := range v.Expiring[:min(len(v.Expiring), ListedRows)] {
			t.add(a.ID, partnerCell(a), a.Title, a.ValidTo.String(), num(l, a.ValidTo.d.Days()-v.Period.To.d.Days()))
		}
		return t.markdown() + v.firstOf(len(v.Expiring), "agreement expires by %s|agreements expire by %s", v.ExpiringBy.String()), nil
	case "rejects-summary":
		return v.rejectsTable().markdown(), nil
	case "rejects":
		t := newTable(v.w("Problems found in the input"), v.w("File"), ">"+v.w("Row"), v.w("Column"), v.w("Value"), v.w("Problem"))
		for _, p := range v.Problems.First {
			file := p.File
			if p.Sheet != "" {
				file += v.f(", sheet %s", p.Sheet)
			}
			t.add(file, num(l, p.Row), p.Column, p.Value, p.Reason)
		}
		var rest Raw
		if v.Problems.More > 0 {
			rest = Raw("\n\n" + v.f("The input has %s problems; the first %s are listed here, and all of them in rejects.csv and in the %s sheet of the workbook.",
				num(l, v.Problems.Count), num(l, len(v.Problems.First)), v.w("Data issues")))
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
// forms are the forms of what they are (see formIn); by, when given, is
// the date they expire by.
func (v *View) firstOf(n int, forms, by string) Raw {
	if n <= ListedRows {
		return ""
	}
	l := v.Lang
	if by != "" {
		return Raw("\n\n" + v.f("%s %s by %s; the first %s are listed here, and all of them in the %s sheet of the workbook.",
			num(l, n), formIn(l, n, forms), by, num(l, ListedRows), v.w("Agreements")))
	}
	return Raw("\n\n" + v.f("%s %s; the first %s are listed here, and all of them in the %s sheet of the workbook.",
		num(l, n), formIn(l, n, forms), num(l, ListedRows), v.w("Agreements")))
}

// more says where the rows a table leaves out are.
func (v *View) more(n int, forms, sheet string) Raw {
	if n <= ListedRows {
		return ""
	}
	l := v.Lang
	return Raw("\n\n" + v.f("The period has %s %s; the first %s are listed here, and all of them in the %s sheet of the workbook.",
		num(l, n), formIn(l, n, forms), num(l, ListedRows), v.w(sheet)))
}

func orWord(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// span is an agreement's term in a table: in English with ISO dates
// ("2012-01-01 to 2014-12-31", "from 1994-01-20"); in another language
// written out ("du 1er janvier 2012 au 31 décembre 2014", "depuis le 20
// janvier 1994").
func span(l lang.Lang, from, to Date) string {
	if l == lang.English || l == "" {
		if to.IsZero() {
			return words.F(l, "from %s", from.ISO())
		}
		return words.F(l, "%s to %s", from.ISO(), to.ISO())
	}
	if to.IsZero() {
		return words.F(l, "from %s", from.d.In(l))
	}
	return l.DateRange(lang.Day(from.d), lang.Day(to.d))
}

func participants(l lang.Lang, a Activity) string {
	if !a.ParticipantsKnown {
		return ""
	}
	return num(l, a.Participants)
}

func (v *View) converted(has, ok bool, s string) string {
	switch {
	case !has:
		return ""
	case !ok:
		return v.w("not converted")
	}
	return s
}

// activityType is an activity's type in words of the report's language;
// in English, the register's word (training, festival, …) as it is.
func (v *View) activityType(t string) string { return v.w(t) }

func (v *View) totalsTable() *gfm {
	g := v.Totals
	l := v.Lang
	t := newTable(capital(v.f("%s in numbers", v.Period.Name)), v.w("Figure"), ">"+v.w("Number"))
	t.add(v.w("Partner countries"), num(l, g.Countries))
	t.add(v.w("Agreements in force"), num(l, g.InForce))
	t.add(v.w("Agreements signed in the period"), num(l, g.Signed))
	t.add(v.w("Activities"), num(l, g.Activities))
	t.add(v.w("Participants"), num(l, g.Participants))
	return t
}

func (v *View) moneyTable() *gfm {
	l := v.Lang
	cols := []string{v.w("Partner"), v.w("Currency"), ">" + v.w("Amount")}
	if v.ReportingCurrency != "" {
		cols = append(cols, ">"+v.w("Rate"), ">"+v.f("In %s", v.ReportingCurrency))
	}
	t := newTable(v.f("Money spent on activities, %s", v.Period.Name), cols...)
	cells := func(partner string, f pipeline.FinanceRow) []string {
		c := []string{partner, f.Currency, figure(l, f.Amount, f.Currency)}
		if v.ReportingCurrency != "" {
			rate := ""
			switch {
			case f.RateKnown:
				rate = f.Rate.String()
				if l != lang.English && l != "" {
					rate = strings.Replace(rate, ".", l.Decimal(), 1) // not grouped, as in English
				}
			case f.Converted:
				rate = v.w("several")
			}
			c = append(c, rate, v.converted(true, f.Converted, figure(l, f.Reporting, v.ReportingCurrency)))
		}
		return c
	}
	if len(v.r.FinanceTotals) <= TableRows {
		for _, f := range v.financeByName() {
			t.add(cells(v.label(f.Country), f)...)
		}
	}
	for _, f := range v.r.GrandMoney {
		t.total(cells(v.w("All partners"), f)...)
	}
	return t
}

// financeByName is the money by partner and currency in the order of the
// partners' names in the report's language, multilateral last, as the
// table of partners has them (see sortByName); English keeps the
// aggregator's order.
func (v *View) financeByName() []pipeline.FinanceRow {
	rows := v.r.FinanceTotals
	if v.Lang == lang.English || v.Lang == "" {
		return rows
	}
	rows = slices.Clone(rows)
	c := collate.New(v.Lang.Tag())
	slices.SortStableFunc(rows, func(a, b pipeline.FinanceRow) int {
		if a.Country.Multilateral() != b.Country.Multilateral() {
			if a.Country.Multilateral() {
				return 1
			}
			return -1
		}
		return c.CompareString(v.label(a.Country), v.label(b.Country))
	})
	return rows
}

// moneyNote says where the rows by partner are when the money table
// leaves them out.
func (v *View) moneyNote() Raw {
	if len(v.r.FinanceTotals) <= TableRows {
		return ""
	}
	return Raw("\n\n" + v.f("The %s rows by partner and currency are in finance.csv and in the %s sheet of the workbook.",
		num(v.Lang, len(v.r.FinanceTotals)), v.w("Finance")))
}

func (v *View) rejectsTable() *gfm {
	l := v.Lang
	t := newTable(v.w("Rows read, accepted and rejected"), v.w("File"), v.w("Sheet"), ">"+v.w("Rows read"), ">"+v.w("Accepted"), ">"+v.w("Rejected"))
	var read, acc, rej int
	for _, in := range v.r.Inputs {
		sheets := 0
		for _, tb := range in.Tables {
			if tb.Sheet != "" {
				sheets++
			}
		}
		if sheets == 0 {
			t.add(in.Name, "", num(l, in.Read), num(l, in.Accepted), num(l, in.Rejected))
		} else {
			for _, tb := range in.Tables {
				if tb.Read == 0 {
					continue // a sheet that explains the workbook, or an empty table
				}
				t.add(in.Name, tb.Sheet, num(l, tb.Read), num(l, tb.Accepted), num(l, tb.Rejected))
			}
		}
		read, acc, rej = read+in.Read, acc+in.Accepted, rej+in.Rejected
	}
	t.total(v.w("All files"), "", num(l, read), num(l, acc), num(l, rej))
	return t
}

// nothingToChart says why the named chart would be empty, in a sentence
// that stands in its place; "" when it has something to show.
func (v *View) nothingToChart(name string) string {
	g := v.r.Grand
	switch {
	case name == "activities-by-country" && g.Activities == 0:
		return v.w("No activity took place in the period, so there is no chart of activities.")
	case name == "money-by-bucket" && len(v.r.GrandMoney) == 0:
		return v.w("No money was recorded in the period, so there is no chart of money.")
	case name == "agreements-timeline" && g.InForce == 0 && g.Signed == 0:
		return v.w("No agreement was in force or signed in the period, so there is no chart of agreements.")
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
	v := x.v
	l := v.Lang
	if none := v.nothingToChart(name); none != "" {
		return alone(Raw(none)), nil
	}
	if x.target == PDF {
		return alone(Raw("![" + Escape(caption) + "](chart:" + name + ")")), nil
	}
	r := v.r
	switch name {
	case "activities-by-country":
		a := chartdata.ActivitiesByCountry(r)
		t := newTable(caption, v.w("Partner"), ">"+v.w("Activities"))
		for _, b := range a.Bars {
			t.add(b.Label, num(l, b.Activities)) // chartdata names the bars in the language
		}
		t.total(v.w("All partners"), num(l, a.Total))
		return alone(t.markdown()), nil
	case "money-by-bucket":
		m, err := chartdata.MoneyByBucket(r)
		if err != nil {
			return "", err
		}
		cols := []string{v.w(capital(m.By))}
		for _, s := range m.Series {
			cols = append(cols, ">"+v.f("In %s", s.Currency))
		}
		t := newTable(caption, cols...)
		for i, b := range m.Buckets {
			cells := []string{l.Bucket(b)}
			for _, s := range m.Series {
				cells = append(cells, figure(l, s.Sums[i], s.Currency))
			}
			t.add(cells...)
		}
		out := t.markdown()
		switch {
		case m.Reporting == "":
			out += Raw("\n\n" + v.w("No reporting currency is set, so each currency is shown on its own, not converted."))
		case m.Note() != "":
			out += Raw("\n\n" + Escape(m.Note()))
		}
		return alone(out), nil
	case "agreements-timeline":
		tl := chartdata.AgreementsTimeline(r)
		t := newTable(caption, v.w(capital(tl.By)), ">"+v.w("Agreements in force"), ">"+v.w("Agreements signed"))
		for i, b := range tl.Buckets {
			t.add(l.Bucket(b), num(l, tl.InForce[i]), num(l, tl.Signed[i]))
		}
		return alone(t.markdown()), nil
	}
	return "", fmt.Errorf("there is no chart %q", name)
}

// beforeFR heads the column of the bucket before in French, agreeing with
// the bucket's word.
var beforeFR = map[string]string{"year": "Année précédente", "quarter": "Trimestre précédent", "month": "Mois précédent"}

// comparedTable sets each bucket beside the one before it: activities and
// money then → now, partners gained and lost.
func (v *View) comparedTable() Raw {
	l := v.Lang
	by := orWord(v.Period.By, "bucket")
	if len(v.Compared) == 0 {
		return Raw(v.w("No " + by + " of the period is compared with the " + by + " before it: the records do not reach back far enough, or the " + by + "s have not ended."))
	}
	before := v.w("Before")
	if f, ok := beforeFR[by]; ok && l == lang.French {
		before = f // agrees with the bucket's word: "Année" | "Année précédente"
	}
	cols := []string{v.w(capital(by)), before, ">" + v.w("Activities")}
	if v.ReportingCurrency != "" {
		cols = append(cols, ">"+v.f("Money (%s)", v.ReportingCurrency))
	}
	cols = append(cols, v.w("Partners gained"), v.w("Partners lost"))
	t := newTable(v.w(capital(by)+"s compared with the "+by+" before"), cols...)
	names := func(cs []Country) string {
		if len(cs) == 0 {
			return v.w("none")
		}
		return l.List(items([]any{cs}))
	}
	for _, c := range v.Compared {
		cells := []string{l.Bucket(c.Bucket), l.Bucket(c.Previous), num(l, c.PreviousActivities) + " → " + num(l, c.Activities)}
		if v.ReportingCurrency != "" {
			cells = append(cells, figure(l, c.PreviousMoney, v.ReportingCurrency)+" → "+figure(l, c.Money, v.ReportingCurrency))
		}
		t.add(append(cells, names(c.Gained), names(c.Lost))...)
	}
	return t.markdown()
}
