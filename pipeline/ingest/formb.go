package ingest

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"coopreport/pipeline"
	"coopreport/pipeline/framework"
	"coopreport/pipeline/normalize"
	"coopreport/pipeline/schema"
)

// formB reads the fields of the current periodic report form (Form B) a
// measures row may give: its goals, areas of monitoring and cultural
// domains, checked against the monitoring framework
// (templates/framework.toml); the type of entity of its partners; whether
// it was evaluated, with the conclusions; the results achieved.
//
// An area of monitoring belongs to a goal, so naming the area names its
// goal: areas 2.3 and 4.1 add goals 2 and 4 to the goals the row gives (or
// give them, when the row gives none). Conclusions of an evaluation say
// that there was one: with evaluated blank they make it yes; beside
// evaluated no they contradict it, and evaluated is left unsaid.
//
// A value these columns cannot read leaves the cell out, with a warning
// that names it (and marks it in the checked copy), never the row: the
// row is a measure, and rejecting it would take its agreements and
// activities out of every number for a slip in a field of the form.
func (r *row) formB(m *pipeline.Measure, rec *schema.MeasureRecord) {
	f := framework.MustDefault()
	m.Goals = values(r, "goals", rec.Goals, f.Goal)
	for _, a := range values(r, "areas", rec.Areas, f.Area) {
		if !slices.Contains(m.Areas, a.ID) {
			m.Areas = append(m.Areas, a.ID)
		}
		m.Goals = append(m.Goals, a.Goal)
	}
	slices.Sort(m.Goals)
	m.Goals = slices.Compact(m.Goals)
	at := frameworkOrder()
	slices.SortFunc(m.Areas, func(a, b string) int { return at[a] - at[b] })

	domain := func(s string) (string, error) {
		d, err := f.Domain(s)
		if err != nil {
			// The area column holds a field in the register's own words;
			// a "Domain" header is read as this column.
			err = fmt.Errorf("%w. A field in your own words goes in a column named area", err)
		}
		return d, err
	}
	for _, d := range values(r, "domains", rec.Domains, domain) {
		if !slices.Contains(m.Domains, d) {
			m.Domains = append(m.Domains, d)
		}
	}
	slices.SortFunc(m.Domains, func(a, b string) int { return at[a] - at[b] })

	if v := r.text(rec.PartnerType); v != "" {
		e, err := f.Entity(v)
		if err != nil {
			r.leaveOut("partner_type", v, err)
		}
		m.PartnerType = e
	}

	m.Achieved = r.text(rec.Achieved)
	m.Conclusions = r.text(rec.Conclusions)
	ev := r.text(rec.Evaluated)
	var err error
	if m.Evaluated, err = normalize.YesNo(ev); err != nil {
		r.leaveOut("evaluated", ev, err)
	}
	// "n/a" or a dash in the conclusions says there are none.
	concluded := m.Conclusions != "" && !normalize.NotAvailable(m.Conclusions) && !normalize.NoAmount(m.Conclusions)
	switch {
	case concluded && m.Evaluated == "no":
		r.leaveOut("evaluated", ev, fmt.Errorf("%w: %s says no, but %s gives conclusions of an evaluation: write yes, or move the text to the column it belongs in",
			pipeline.ErrBadChoice, r.colName("evaluated"), r.colName("conclusions")))
		m.Evaluated = ""
	case concluded && m.Evaluated == "" && err == nil:
		m.Evaluated = "yes"
	}
}

// frameworkOrder is the place of each area (by number) and each domain in the
// framework's lists: areas and domains are kept in the form's order.
var frameworkOrder = sync.OnceValue(func() map[string]int {
	f := framework.MustDefault()
	at := map[string]int{}
	for _, g := range f.Goals {
		for _, a := range g.Areas {
			at[a.ID] = len(at)
		}
	}
	for i, d := range f.Domains {
		at[d.Name] = i
	}
	return at
})

// values reads a cell that lists values of a closed list, separated by
// commas, semicolons or line breaks, in the order written. The first value
// the list does not hold fails the row, with the lookup's reason.
func values[T any](r *row, field, cell string, look func(string) (T, error)) []T {
	cell = r.text(cell)
	var out []T
	for part := range strings.FieldsFuncSeq(cell, func(c rune) bool { return c == ',' || c == ';' || c == '\n' || c == '\r' }) {
		if strings.TrimSpace(part) == "" {
			continue
		}
		v, err := look(part)
		if err != nil {
			r.leaveOut(field, cell, err)
			return nil
		}
		out = append(out, v)
	}
	return out
}

// leaveOut warns that a cell of the report form's fields cannot be read
// and is left out of the report; the row is kept.
func (r *row) leaveOut(field, value string, err error) {
	col := r.header(field)
	if col == "" {
		col = field
	}
	e := pipeline.RowError{Pos: r.pos, Column: col, Value: value, Err: err}
	r.c.d.Warnings = append(r.c.d.Warnings, pipeline.Warning{
		Cells:   []pipeline.Cell{{Pos: r.pos, Column: col}},
		Message: fmt.Sprintf("%v; the cell is left out of the report (the measure and its records are kept): correct it and run again", &e),
	})
}
