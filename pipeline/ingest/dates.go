package ingest

import (
	"fmt"
	"sort"

	"coopreport/pipeline"
	"coopreport/pipeline/normalize"
)

// A date such as 4/7/2015 reads two ways: 4 July (day first) or 7 April
// (month first). A value only one order can read (18/01/2015, or
// 1/18/2015 in a file saved by Excel with US settings) proves the order of
// its column in that table, and the column's two-way values are read that
// way. A column without such a value takes the order its table's other
// date columns prove, if they agree; else the configured date_order. A
// column that proves both orders has its two-way values rejected. So one
// column is never read in two orders.
//
// Rows with a two-way value wait until the table has been read (the
// proof may come in its last row) and are then checked with the order
// settled.

// dateColumn is what one date column of a table says about its order.
type dateColumn struct {
	field      string
	header     string // as written, for messages
	dayFirst   proof  // values only day-first reads
	monthFirst proof  // values only month-first reads
	twoWay     proof  // values both orders read, as different days

	order  normalize.DateOrder // settled at the end of the table
	mixed  bool                // it proves both orders
	reason string              // why the two-way values read in order
}

// proof counts values of one kind and remembers the first, and the rows
// of the first maxMarks (for the checked copies, which mark them).
type proof struct {
	n     int
	pos   pipeline.Pos
	value string
	rows  []int
}

// maxMarks bounds the cells of one column a warning marks in the checked
// copies: a column of a million two-way dates is told by its header.
const maxMarks = 10000

func (p *proof) add(pos pipeline.Pos, value string) {
	if p.n == 0 {
		p.pos, p.value = pos, value
	}
	if len(p.rows) < maxMarks {
		p.rows = append(p.rows, pos.Row)
	}
	p.n++
}

// dateOrders is the date columns of one table.
type dateOrders struct {
	settled bool
	cols    map[string]*dateColumn
	// header is where the table's header row is, for the cells a
	// warning marks.
	header pipeline.Pos
}

// cells are the cells a warning about c's two-way values marks: its
// header and the values.
func (o *dateOrders) cells(c *dateColumn) []pipeline.Cell {
	out := []pipeline.Cell{{Pos: o.header, Column: c.header}}
	for _, row := range c.twoWay.rows {
		pos := o.header
		pos.Row = row
		out = append(out, pipeline.Cell{Pos: pos, Column: c.header})
	}
	return out
}

func (o *dateOrders) column(field, header string) *dateColumn {
	if o.cols == nil {
		o.cols = map[string]*dateColumn{}
	}
	c := o.cols[field]
	if c == nil {
		c = &dateColumn{field: field, header: header}
		o.cols[field] = c
	}
	return c
}

// settle decides each column's order once the table is read, and warns
// where the order of two-way values rests on the table or on nothing the
// data says.
func (o *dateOrders) settle(d *Dataset, where string, configured normalize.DateOrder, explicit bool) {
	o.settled = true
	setting := fmt.Sprintf("date_order is %s", configured)
	if !explicit {
		setting = fmt.Sprintf("the default date order is %s", configured)
	}
	// The table's proof: the orders its columns prove, when they agree.
	var tableOrder *normalize.DateOrder
	var tableWhy string
	agree := true
	fields := make([]string, 0, len(o.cols))
	for f := range o.cols {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		c := o.cols[f]
		c.mixed = c.dayFirst.n > 0 && c.monthFirst.n > 0
		var own normalize.DateOrder
		var p proof
		switch {
		case c.mixed:
			agree = false
			continue
		case c.dayFirst.n > 0:
			own, p = normalize.DayFirst, c.dayFirst
		case c.monthFirst.n > 0:
			own, p = normalize.MonthFirst, c.monthFirst
		default:
			continue
		}
		c.order = own
		c.reason = fmt.Sprintf("%s (row %d) can only be %s", p.value, p.pos.Row, own)
		if tableOrder != nil && *tableOrder != own {
			agree = false
		}
		if tableOrder == nil {
			tableOrder, tableWhy = &own, fmt.Sprintf("column %q: %s", c.header, c.reason)
		}
	}
	for _, f := range fields {
		c := o.cols[f]
		if c.mixed || c.dayFirst.n > 0 || c.monthFirst.n > 0 {
			if !c.mixed && c.twoWay.n > 0 && c.order != configured {
				d.Warnings = append(d.Warnings, pipeline.Warning{Cells: o.cells(c), Message: fmt.Sprintf(
					"%s, column %q: %s, so its %s that could be read either way (such as %s, row %d) were read %s too, although %s",
					where, c.header, c.reason, plural(c.twoWay.n, "date", "dates"), c.twoWay.value, c.twoWay.pos.Row, c.order, setting)})
			}
			continue
		}
		switch {
		case tableOrder != nil && agree:
			c.order = *tableOrder
			if c.twoWay.n > 0 && c.order != configured {
				d.Warnings = append(d.Warnings, pipeline.Warning{Cells: o.cells(c), Message: fmt.Sprintf(
					"%s, column %q: its %s that could be read either way (such as %s, row %d) were read %s, as the table's other dates are written (%s)",
					where, c.header, plural(c.twoWay.n, "date", "dates"), c.twoWay.value, c.twoWay.pos.Row, c.order, tableWhy)})
			}
		default:
			c.order = configured
			if c.twoWay.n > 0 && !explicit {
				d.warnCells(o.cells(c), "%s, column %q: %s such as %s (row %d) could be read day-first or month-first, and nothing in the table says which; they were read %s, the default; if they are %s, set date_order = %q in coopreport.toml",
					where, c.header, plural(c.twoWay.n, "date", "dates"), c.twoWay.value, c.twoWay.pos.Row, configured, other(configured), other(configured).String())
			}
		}
	}
}

func other(o normalize.DateOrder) normalize.DateOrder {
	if o == normalize.MonthFirst {
		return normalize.DayFirst
	}
	return normalize.MonthFirst
}

// mixedError is the reason a two-way date of a column that proves both
// orders is rejected.
func (c *dateColumn) mixedError(v string) error {
	msg := fmt.Sprintf("%s can be read day-first or month-first, and this column has dates only day-first reads (%s, row %d) and dates only month-first reads (%s, row %d), so nothing says which",
		v, c.dayFirst.value, c.dayFirst.pos.Row, c.monthFirst.value, c.monthFirst.pos.Row)
	d1, err1 := normalize.Date(v, normalize.DayFirst)
	d2, err2 := normalize.Date(v, normalize.MonthFirst)
	if err1 == nil && err2 == nil {
		msg += fmt.Sprintf("; write it as %s (%s) or %s (%s), year first", d1, d1.Long(), d2, d2.Long())
	}
	return fmt.Errorf("%w: %s", pipeline.ErrAmbiguousDate, msg)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
