package xlsx

import (
	"fmt"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"

	"github.com/xuri/excelize/v2"
)

// maxColumns is the most columns a worksheet holds in Excel.
const maxColumns = 16384

// extras places a record's unknown input columns under their headers;
// records may hold them in any order, or lack some. A date stays a date.
func (b *book) extras(names []string) func(fs []pipeline.Field, dst []any) {
	at := make(map[string]int, len(names))
	for i, n := range names {
		if _, dup := at[n]; !dup {
			at[n] = i
		}
	}
	return func(fs []pipeline.Field, dst []any) {
		for i := range dst {
			dst[i] = nil
		}
		for _, f := range fs {
			i, ok := at[f.Name]
			switch {
			case !ok || i >= len(dst):
			case !f.Date.IsZero():
				dst[i] = b.date(f.Date)
			case f.Value != "":
				dst[i] = text(f.Value)
			}
		}
	}
}

// fitColumns returns the extra columns of a register that fit in a
// worksheet beside its fixed columns and the source columns; a note says
// what is left out.
func (b *book) fitColumns(sheet string, fixed int, cols []string, files func(dropped map[string]bool) []string) []string {
	keep, note := columnCut(b.r.Lang, sheet, fixed, cols, files)
	if note != "" && !b.warned(note) {
		b.cuts = append(b.cuts, note)
	}
	return cols[:keep]
}

// columnCut is how many of cols fit beside fixed columns and the source
// columns (a worksheet holds at most 16,384), and a sentence naming the
// columns left out and the input files they come from; "" when all fit.
func columnCut(l lang.Lang, sheet string, fixed int, cols []string, files func(dropped map[string]bool) []string) (int, string) {
	keep := max(0, min(len(cols), maxColumns-fixed-len(posHeaders)))
	if keep == len(cols) {
		return keep, ""
	}
	dropped := make(map[string]bool, len(cols)-keep)
	for _, c := range cols[keep:] {
		dropped[c] = true
	}
	var list []string
	for _, c := range cols[keep:min(len(cols), keep+3)] {
		list = append(list, fmt.Sprintf("%q", c))
	}
	names := strings.Join(list, ", ")
	if more := len(cols) - keep - len(list); more > 0 {
		names += words.F(l, " and %s more", num(l, more))
	}
	from := ""
	if fs := files(dropped); len(fs) > 0 {
		from = words.F(l, " of %s", strings.Join(fs, ", "))
	}
	return keep, words.F(l,
		"The workbook's %s sheet leaves out %s of the %s extra columns%s, because a worksheet holds at most %s columns: %s. "+
			"They were read like the other extra columns; to see them in the workbook, remove columns the register does not need from the input.",
		sheetIn(l, sheet), num(l, len(cols)-keep), num(l, len(cols)), from, num(l, maxColumns), names)
}

// warned reports whether the report already warns msg.
func (b *book) warned(msg string) bool {
	for _, w := range b.r.Warnings {
		if w.String() == msg {
			return true
		}
	}
	return false
}

// extraFiles lists, in order of first appearance, the files of the
// records that hold any of the dropped columns; each calls its function
// with every record's position and extra fields.
func extraFiles(each func(func(pipeline.Pos, []pipeline.Field))) func(map[string]bool) []string {
	return func(dropped map[string]bool) []string {
		var files []string
		seen := map[string]bool{}
		each(func(pos pipeline.Pos, fs []pipeline.Field) {
			if seen[pos.File] {
				return
			}
			for _, f := range fs {
				if dropped[f.Name] {
					seen[pos.File] = true
					files = append(files, pos.File)
					break
				}
			}
		})
		return files
	}
}

// ColumnWarnings says which extra input columns the workbook's registers
// leave out because a worksheet holds at most 16,384 columns, and the
// input files that hold them; nil when every column fits. The workbook
// notes them on its About sheet; a run adds them to the report's warnings
// before writing so that its other outputs say so too (the About sheet
// then lists them once, among the warnings).
func ColumnWarnings(r *pipeline.Report) []pipeline.Warning {
	var out []pipeline.Warning
	if _, note := columnCut(r.Lang, sheetAgreements, len(agreementHeaders), r.AgreementColumns, agreementFiles(r)); note != "" {
		out = append(out, pipeline.Warning{Message: note})
	}
	if _, note := columnCut(r.Lang, sheetActivities, len(activityHeaders), r.ActivityColumns, activityFiles(r)); note != "" {
		out = append(out, pipeline.Warning{Message: note})
	}
	return out
}

func agreementFiles(r *pipeline.Report) func(map[string]bool) []string {
	return extraFiles(func(fn func(pipeline.Pos, []pipeline.Field)) {
		for i := range r.Agreements {
			fn(r.Agreements[i].Pos, r.Agreements[i].Extra)
		}
	})
}

func activityFiles(r *pipeline.Report) func(map[string]bool) []string {
	return extraFiles(func(fn func(pipeline.Pos, []pipeline.Field)) {
		if r.Ledger != nil {
			r.Ledger.Each(func(a *pipeline.Activity) error { fn(a.Pos, a.Extra); return nil })
		}
	})
}

var agreementHeaders = []string{"ID", "Country code", "Country", "Region", "Partner", "Counterpart", "Sector", "Instrument",
	"Title", "Signed", "Valid from", "Valid to", "Status (register)", "Status during the period",
	"Days until expiry", "Measure", "Notes"}

var activityHeaders = []string{"ID", "Date", "End", "Country code", "Country", "Region", "Agreement", "Measure", "Type",
	"Title", "Participants", "Amount", "Currency", "Rate", "Amount in reporting currency", "Conversion",
	"Funding", "Agency", "Notes"}

// Columns of the Activities sheet that formulas add up or match on,
// 1-based.
var (
	actDate         = column(activityHeaders, "Date")
	actCountry      = column(activityHeaders, "Country")
	actParticipants = column(activityHeaders, "Participants")
	actAmount       = column(activityHeaders, "Amount")
	actCurrency     = column(activityHeaders, "Currency")
	actReporting    = column(activityHeaders, "Amount in reporting currency")
	actConversion   = column(activityHeaders, "Conversion")
)

// column is the 1-based column of the header name.
func column(hs []string, name string) int {
	for i, h := range hs {
		if h == name {
			return i + 1
		}
	}
	panic("xlsx: no column " + name) // a misspelt constant above, caught by any test
}

// agreements writes the register: every input column, the resolved
// country, the status during the period and the days until expiry.
func (b *book) agreements() error {
	r := b.r
	hs := b.ws(agreementHeaders)
	fixed := len(hs)
	cols := b.fitColumns(sheetAgreements, fixed, r.AgreementColumns, agreementFiles(r))
	hs = append(append(hs, cols...), b.ws(posHeaders)...)
	put := b.extras(cols)
	row := make([]any, len(hs))
	return b.write(sheetSpec{name: b.w(sheetAgreements), headers: hs, table: "Agreements", data: len(r.Agreements), landscape: true, split: true},
		len(r.Agreements), func(i int) ([]any, error) {
			a := &r.Agreements[i]
			var days any
			if !a.ValidTo.IsZero() {
				days = int64(a.ValidTo.Days() - r.Period.To.Days())
			}
			copy(row, []any{
				b.code(a.ID), b.short(a.Country.Code), b.str(b.country(a.Country)), b.str(a.Region),
				b.str(a.Partner), b.str(a.Counterpart), b.str(b.w(string(a.Sector))), b.str(b.w(string(a.Instrument))),
				b.str(a.Title), b.date(a.Signed), b.date(a.ValidFrom), b.date(a.ValidTo),
				b.str(b.w(string(a.Status))), b.w(a.StatusDuring(r.Period.From, r.Period.To)), days,
				b.code(a.Measure), b.str(a.Notes),
			})
			put(a.Extra, row[fixed:fixed+len(cols)])
			copy(row[fixed+len(cols):], b.posCells(a.Pos))
			return row, nil
		})
}

// ledgerSpec is the Activities sheet but for its headers: a table of
// the ledger's activities, split over worksheets when they do not fit in
// one, and a total row.
func (b *book) ledgerSpec() sheetSpec {
	n := 0
	if b.r.Ledger != nil {
		n = b.r.Ledger.Len()
	}
	return sheetSpec{name: b.w(sheetActivities), headers: b.ws(activityHeaders), table: "Activities", data: n, landscape: true, split: true, foot: b.ledgerTotal}
}

// ledgerParts is where the activities go: the ranges Finance's formulas
// add up.
func (b *book) ledgerParts() []part {
	spec := b.ledgerSpec()
	return plan(spec, spec.data)
}

// ledgerTotal is the Activities sheet's total row: participants and the
// amounts in the reporting currency, as SUBTOTAL(109, …) formulas, which
// add up the rows a filter shows (all of them, unfiltered), carrying the
// report's totals of the period. Amounts in their own currencies are not
// added up across currencies; the converted total is given only where
// every amount was converted, as on the Finance sheet.
func (b *book) ledgerTotal(parts []part) ([][]any, error) {
	r := b.r
	subtotal := func(col int) string {
		refs := make([]string, len(parts))
		for i, p := range parts {
			refs[i] = p.col(col)
			if len(parts) == 1 {
				refs[i] = ref(col, p.first) + ":" + ref(col, p.last) // on its own sheet
			}
		}
		return "SUBTOTAL(109," + strings.Join(refs, ",") + ")"
	}
	row := make([]any, actConversion)
	// Short enough for the ID column: printed, that column is repeated
	// on every page, and a label running over the next cell would be cut.
	row[0] = excelize.Cell{StyleID: b.st.section, Value: b.w("Total")}
	row[actParticipants-1] = b.formula(subtotal(actParticipants), r.Grand.Participants)
	switch {
	case r.Currency == "":
	case r.GrandConverted:
		total, err := b.moneyFormula(subtotal(actReporting), r.GrandReporting, r.Currency)
		if err != nil {
			return nil, err
		}
		row[actReporting-1] = total
	default:
		row[actConversion-1] = b.note(b.wf("no total in %s: some amounts have no rate", r.Currency))
	}
	return [][]any{row}, nil
}

// activities writes the ledger of the period with each amount converted
// where a rate covers its date.
func (b *book) activities() error {
	r := b.r
	cur := r.Currency
	hs := b.ws(activityHeaders)
	fixed := len(hs)
	cols := b.fitColumns(sheetActivities, fixed, r.ActivityColumns, activityFiles(r))
	hs = append(append(hs, cols...), b.ws(posHeaders)...)
	put := b.extras(cols)
	row := make([]any, len(hs))
	n := 0
	if r.Ledger != nil {
		n = r.Ledger.Len()
	}
	c := newCursor(r.Ledger)
	defer c.close()
	spec := b.ledgerSpec()
	spec.headers = hs
	return b.write(spec,
		n, func(i int) ([]any, error) {
			a, err := c.at(i)
			if err != nil {
				return nil, err
			}
			var amount, code, rate, conv, note any
			if a.Amount != nil {
				var err error
				if amount, err = b.money(a.Amount.Amount, a.Amount.Currency); err != nil {
					return nil, err
				}
				code = b.short(a.Amount.Currency)
				switch c, q, ok := r.Convert(a); {
				case cur == "":
					note = b.w("no reporting currency set")
				case ok:
					rate = b.rate(q)
					if conv, err = b.money(c, cur); err != nil {
						return nil, err
					}
					if path := b.path(a.Amount.Currency, a.Date); path != "" {
						note = path
					}
				default:
					note = b.wf("not converted: no rate for %s on %s", a.Amount.Currency, b.day(a.Date))
				}
			}
			var participants any // blank: the register gives none, which is not zero
			if a.Participants >= 0 {
				participants = b.count(a.Participants)
			}
			copy(row, []any{
				b.code(a.ID), b.date(a.Date), b.date(a.End), b.short(a.Country.Code), b.str(b.country(a.Country)),
				b.str(a.Region), b.code(a.Agreement), b.code(a.Measure), b.str(b.w(string(a.Type))), b.title(a.Title),
				participants, amount, code, rate, conv, note,
				b.str(a.Funding), b.str(a.Agency), b.str(a.Notes),
			})
			put(a.Extra, row[fixed:fixed+len(cols)])
			copy(row[fixed+len(cols):], b.posCells(a.Pos))
			return row, nil
		})
}

// issues writes every rejected row: where, which column, the value as
// written, and why.
func (b *book) issues() error {
	r := b.r
	hs := b.ws([]string{"File", "Sheet", "Row", "Column", "Value", "Reason"})
	return b.write(sheetSpec{name: b.w(sheetIssues), headers: hs, table: "DataIssues", data: len(r.Rejects), landscape: true, split: true},
		len(r.Rejects), func(i int) ([]any, error) {
			e := &r.Rejects[i]
			var row any
			if e.Row > 0 {
				row = int64(e.Row)
			}
			var reason string
			if e.Err != nil {
				reason = e.Reason()
			}
			// The value is the input as written: always text, even "007".
			return []any{b.str(e.File), b.str(e.Sheet), row, b.str(e.Column), b.code(e.Value), b.str(reason)}, nil
		})
}
