package xlsx

import (
	"coopreport/pipeline"
)

// extras places a record's unknown input columns under their headers;
// records may hold them in any order, or lack some.
func extras(names []string) func(fs []pipeline.Field, dst []any) {
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
			if i, ok := at[f.Name]; ok && f.Value != "" {
				dst[i] = text(f.Value)
			}
		}
	}
}

// agreements writes the register: every input column, the resolved
// country, the status during the period and the days until expiry.
func (b *book) agreements() error {
	r := b.r
	hs := []string{"ID", "Country code", "Country", "Region", "Partner", "Counterpart", "Sector", "Instrument",
		"Title", "Signed", "Valid from", "Valid to", "Status (register)", "Status during the period",
		"Days until expiry", "Measure", "Notes"}
	fixed := len(hs)
	hs = append(append(hs, r.AgreementColumns...), posHeaders...)
	put := extras(r.AgreementColumns)
	row := make([]any, len(hs))
	return b.write(sheetSpec{name: sheetAgreements, headers: hs, table: "Agreements", data: len(r.Agreements), landscape: true, split: true},
		len(r.Agreements), func(i int) ([]any, error) {
			a := &r.Agreements[i]
			var days any
			if !a.ValidTo.IsZero() {
				days = int64(a.ValidTo.Days() - r.Period.To.Days())
			}
			copy(row, []any{
				b.code(a.ID), b.code(a.Country.Code), b.str(a.Country.Label()), b.str(a.Region),
				b.str(a.Partner), b.str(a.Counterpart), b.str(string(a.Sector)), b.str(string(a.Instrument)),
				b.str(a.Title), b.date(a.Signed), b.date(a.ValidFrom), b.date(a.ValidTo),
				b.str(string(a.Status)), a.StatusDuring(r.Period.From, r.Period.To), days,
				b.code(a.Measure), b.str(a.Notes),
			})
			put(a.Extra, row[fixed:fixed+len(r.AgreementColumns)])
			copy(row[fixed+len(r.AgreementColumns):], b.posCells(a.Pos))
			return row, nil
		})
}

// activities writes the ledger of the period with each amount converted
// where a rate covers its date.
func (b *book) activities() error {
	r := b.r
	cur := r.Currency
	hs := []string{"ID", "Date", "End", "Country code", "Country", "Region", "Agreement", "Measure", "Type",
		"Title", "Participants", "Amount", "Currency", "Rate", "Amount in reporting currency", "Conversion",
		"Funding", "Agency", "Notes"}
	fixed := len(hs)
	hs = append(append(hs, r.ActivityColumns...), posHeaders...)
	put := extras(r.ActivityColumns)
	row := make([]any, len(hs))
	return b.write(sheetSpec{name: sheetActivities, headers: hs, table: "Activities", data: len(r.Activities), landscape: true, split: true},
		len(r.Activities), func(i int) ([]any, error) {
			a := &r.Activities[i]
			var amount, code, rate, conv, note any
			if a.Amount != nil {
				var err error
				if amount, err = b.money(a.Amount.Amount, a.Amount.Currency); err != nil {
					return nil, err
				}
				code = b.code(a.Amount.Currency)
				switch c, q, ok := r.Convert(a); {
				case cur == "":
					note = "no reporting currency set"
				case ok:
					rate = b.rate(q)
					if conv, err = b.money(c, cur); err != nil {
						return nil, err
					}
				default:
					note = "not converted: no rate for " + a.Amount.Currency + " on " + a.Date.String()
				}
			}
			copy(row, []any{
				b.code(a.ID), b.date(a.Date), b.date(a.End), b.code(a.Country.Code), b.str(a.Country.Label()),
				b.str(a.Region), b.code(a.Agreement), b.code(a.Measure), b.str(string(a.Type)), b.str(a.Title),
				b.count(a.Participants), amount, code, rate, conv, note,
				b.str(a.Funding), b.str(a.Agency), b.str(a.Notes),
			})
			put(a.Extra, row[fixed:fixed+len(r.ActivityColumns)])
			copy(row[fixed+len(r.ActivityColumns):], b.posCells(a.Pos))
			return row, nil
		})
}

// issues writes every rejected row: where, which column, the value as
// written, and why.
func (b *book) issues() error {
	r := b.r
	hs := []string{"File", "Sheet", "Row", "Column", "Value", "Reason"}
	return b.write(sheetSpec{name: sheetIssues, headers: hs, table: "DataIssues", data: len(r.Rejects), landscape: true, split: true},
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
