package xlsx

import (
	"coopreport/pipeline"
)

// changeHeaders are the columns of the Changes sheet: a row of a register
// fills What, File and ID; a figure What and the columns after ID. Ten
// columns, so that the sheet prints fitted to the page's width.
var changeHeaders = []string{"What", "File", "ID", "Bucket", "Country", "Currency", "Figure", "Old", "New", "Bucket closed"}

// hasChanges reports whether the workbook has a Changes sheet: the run
// compared with a published report of the period (not its first).
func hasChanges(r *pipeline.Report) bool { return r.Changes != nil && !r.Changes.First }

// changes writes what changed since the report of the period last
// published: the rows of the registers added, removed or changed, then
// the figures that changed, old → new (issue 14). A figure is a number:
// a count, or a sum in its currency's format.
func (b *book) changes() error {
	r := b.r
	if !hasChanges(r) {
		return nil
	}
	c := r.Changes
	n := len(c.Rows) + len(c.Cells)
	return b.write(sheetSpec{name: b.w(sheetChanges), headers: b.ws(changeHeaders), table: "Changes", data: n, landscape: true, split: true},
		n, func(i int) ([]any, error) {
			if i < len(c.Rows) {
				rc := c.Rows[i]
				return []any{b.str(b.w("row " + rc.Change)), b.str(rc.File), b.code(rc.ID)}, nil
			}
			fc := c.Cells[i-len(c.Rows)]
			country := fc.Country
			if country == "" {
				country = b.w("All partners")
			}
			code := fc.Currency // the digits of a sum are its currency's
			if fc.Figure == "amount_reporting" {
				code = r.Currency
			}
			old, err := b.figure(fc.Old, code)
			if err != nil {
				return nil, err
			}
			now, err := b.figure(fc.New, code)
			if err != nil {
				return nil, err
			}
			closed := b.w("no")
			if fc.Closed {
				closed = b.w("yes")
			}
			return []any{b.str(b.w("figure changed")), nil, nil, b.code(fc.Bucket), b.str(country), b.short(fc.Currency),
				b.code(fc.Figure), old, now, b.str(closed)}, nil
		})
}

// figure is a figure of summary.csv or finance.csv as written there: a
// count, or an amount in code; blank when the row did not exist, text
// when it is neither.
func (b *book) figure(s, code string) (any, error) {
	if s == "" {
		return nil, nil
	}
	d, err := pipeline.ParseDecimal(s)
	if err != nil {
		return b.str(s), nil
	}
	if code != "" {
		return b.money(d, code)
	}
	if d.Scale() == 0 {
		return b.count(d.Coef()), nil
	}
	return b.str(s), nil
}

// changesNote is the About sheet's line on the changes: "" when the run
// did not compare.
func changesNote(r *pipeline.Report) string {
	c, l := r.Changes, r.Lang
	switch {
	case c == nil:
		return ""
	case c.First:
		return words.In(l, "This is the first report of the period: there was nothing to compare with.")
	}
	since := pipeline.DateOf(c.Since).In(l)
	s := words.F(l, "Since the report of %s: %s rows of the registers and %s figures changed (the Changes sheet lists them).",
		since, num(l, len(c.Rows)), num(l, len(c.Cells)))
	if len(c.Rows)+len(c.Cells) == 0 {
		s = words.F(l, "Nothing changed since the report of %s.", since)
	}
	if c.Restated {
		s += words.In(l, " Figures of buckets that had ended when that report was made changed: this report restates them.")
	}
	return s
}
