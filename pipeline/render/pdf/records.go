package pdf

import (
	"coopreport/pipeline"
	"coopreport/pipeline/render/fonts"
)

// CheckRecords reports, before anything is drawn, every character of the
// report's data that the fonts cannot draw, with the record and column it
// came from (the template's own text is checked as it is drawn, by line).
// It checks the records a report can show: the agreements in force in the
// period, the period's activities, the measures. Each character is
// reported once per record and column.
func CheckRecords(r *pipeline.Report, report func(MissingGlyph)) error {
	cov, err := fonts.Coverage()
	if err != nil {
		return err
	}
	g := &glyphs{cov: cov, report: report}
	check := func(where string, fields ...[2]string) {
		for _, f := range fields {
			if f[1] != "" {
				g.clean(f[1], where+", column "+f[0])
			}
		}
	}
	check("the configuration", [2]string{"party", r.Party}, [2]string{"title", r.Title})
	for i := range r.Agreements {
		a := &r.Agreements[i]
		if !a.InForce(r.Period.From, r.Period.To) {
			continue // in the workbook's register, which has every character
		}
		check(a.Pos.String(), [2]string{"id", a.ID}, [2]string{"region", a.Region}, [2]string{"partner", a.Partner},
			[2]string{"counterpart", a.Counterpart}, [2]string{"title", a.Title}, [2]string{"measure", a.Measure}, [2]string{"notes", a.Notes})
	}
	if r.Ledger != nil {
		err := r.Ledger.Each(func(a *pipeline.Activity) error {
			check(a.Pos.String(), [2]string{"id", a.ID}, [2]string{"region", a.Region}, [2]string{"agreement", a.Agreement},
				[2]string{"title", a.Title}, [2]string{"funding", a.Funding}, [2]string{"agency", a.Agency}, [2]string{"notes", a.Notes})
			return nil
		})
		if err != nil {
			return err
		}
	}
	for i := range r.Measures {
		m := &r.Measures[i]
		check(m.Pos.String(), [2]string{"id", m.ID}, [2]string{"title", m.Title}, [2]string{"agencies", m.Agencies}, [2]string{"area", m.Area},
			[2]string{"objectives", m.Objectives}, [2]string{"scope", m.Scope}, [2]string{"features", m.Features},
			[2]string{"results", m.Results}, [2]string{"resources", m.Resources})
		for _, f := range m.Extra {
			check(m.Pos.String(), [2]string{f.Name, f.Value})
		}
	}
	return nil
}
