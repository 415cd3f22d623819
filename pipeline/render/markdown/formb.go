package markdown

import (
	"slices"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/framework"
	"coopreport/pipeline/lang"
)

// The current periodic report form (Form B, the online form of the 2027
// reports) lists the measures by goal of the Convention and area of
// monitoring, and asks of each measure: where, when and who; its main
// features; the results achieved so far; the financial resources in US
// dollars; the partners engaged, with their type of entity; whether it was
// evaluated; its goals and cultural domains. See qpr-forms.md.

// Goal is a goal of the Convention with its areas of monitoring and the
// measures placed under each.
type Goal struct {
	Number   int
	Name     string
	Areas    []Area
	Measures int // how many measures its areas hold
}

// Area is an area of monitoring and the measures placed under it: those
// whose first area it is (see Measure.Areas). Also names the measures
// listed under another area that name this one too.
type Area struct {
	ID       string // "2.3"
	Name     string
	Goal     int
	Measures []Measure
	Also     []AlsoListed
}

// AlsoListed is a measure listed under another area: its title, and that
// area.
type AlsoListed struct {
	Title string
	Under AreaRef
}

// GoalRef and AreaRef name a goal or an area in a measure's fields.
type GoalRef struct {
	Number int
	Name   string

	l lang.Lang // the report's, for String
}

func (g GoalRef) String() string { return words.F(g.l, "Goal %d: %s", g.Number, g.Name) }

// AreaRef is an area of monitoring a measure names.
type AreaRef struct {
	ID   string
	Name string
	Goal int
}

func (a AreaRef) String() string { return a.Name }

// PartnerEngaged is a line of Form B's table of partners: a partner
// institution of the measure's agreements and its type of entity.
type PartnerEngaged struct {
	Name string
	Type string // "Public sector", …; "" when no one said
}

// USDMoney is a measure's money in US dollars: each amount converted at
// the rates of its date (through the base the rates are given in) and
// rounded to the cent, then added.
type USDMoney struct {
	Any        bool             // the measure's activities have amounts
	Total      pipeline.Decimal // the sum of the amounts converted (all of them when Complete)
	Complete   bool             // every amount had a rate to USD: Total is all of it
	Currencies []USDCurrency    // per currency, in currency order
	Missing    []string         // currencies with an amount no rate converts to USD
}

// USDCurrency is a measure's money in one currency and in US dollars:
// USD is the converted sum of the amounts a rate covers, Left the sum of
// those none covers (InUSD says there are none).
type USDCurrency struct {
	Currency string
	Amount   pipeline.Decimal
	USD      pipeline.Decimal
	Left     pipeline.Decimal
	InUSD    bool
}

// formB fills the Form B fields of the measures and the view's goals.
func (v *View) formB() {
	f := framework.MustDefault()
	for i := range v.Measures {
		m := &v.Measures[i]
		var pm *pipeline.Measure
		for j := range v.r.Measures {
			if v.r.Measures[j].ID == m.ID && !m.FromRecords {
				pm = &v.r.Measures[j]
			}
		}
		if pm != nil {
			for _, n := range pm.Goals {
				m.Goals = append(m.Goals, GoalRef{n, v.w(f.GoalByNumber(n).Name), v.Lang})
			}
			for _, id := range pm.Areas {
				a := f.AreaByID(id)
				m.Areas = append(m.Areas, AreaRef{a.ID, v.w(a.Name), a.Goal})
			}
			for _, d := range pm.Domains {
				m.Domains = append(m.Domains, v.w(d))
			}
			m.Evaluated, m.Conclusions, m.Achieved = pm.Evaluated, pm.Conclusions, pm.Achieved
		}
		if len(m.Areas) == 0 {
			m.Placed = v.place(f, m)
		}
		for _, g := range m.Areas {
			if !slices.ContainsFunc(m.Goals, func(r GoalRef) bool { return r.Number == g.Goal }) {
				m.Goals = append(m.Goals, GoalRef{g.Goal, v.w(f.GoalByNumber(g.Goal).Name), v.Lang})
			}
		}
		slices.SortFunc(m.Goals, func(a, b GoalRef) int { return a.Number - b.Number })
		partnerType := ""
		if pm != nil {
			partnerType = pm.PartnerType
		}
		m.PartnersEngaged = v.partnersEngaged(m, partnerType)
		key := m.ID
		if m.holdsAll {
			key = pipeline.AllMeasures
		}
		m.USD = v.usd(key)
	}
	for _, g := range f.Goals {
		gv := Goal{Number: g.Number, Name: v.w(g.Name)}
		counted := map[int]bool{} // a measure in two areas of the goal counts once
		for _, a := range g.Areas {
			av := Area{ID: a.ID, Name: v.w(a.Name), Goal: g.Number}
			for i, m := range v.Measures {
				switch {
				case m.Areas[0].ID == a.ID:
					av.Measures = append(av.Measures, m)
				case slices.ContainsFunc(m.Areas, func(r AreaRef) bool { return r.ID == a.ID }):
					av.Also = append(av.Also, AlsoListed{m.Title, m.Areas[0]})
				default:
					continue
				}
				if !counted[i] {
					counted[i] = true
					gv.Measures++
				}
			}
			gv.Areas = append(gv.Areas, av)
		}
		v.Goals = append(v.Goals, gv)
	}
}

// place puts a measure the measures table gives no area under one, by the
// rule the README states, and says so in a sentence: with goal 2 or no
// goal, a measure with agreements goes under 2.3 (treaties and
// agreements), one with activities only under 2.1 (mobility of artists
// and cultural professionals); with other goals, under the first area of
// its first goal.
func (v *View) place(f *framework.Framework, m *Measure) string {
	id, why := "2.3", "agreements are linked to it"
	switch {
	case len(m.Goals) > 0 && !slices.ContainsFunc(m.Goals, func(g GoalRef) bool { return g.Number == 2 }):
		id, why = f.GoalByNumber(m.Goals[0].Number).Areas[0].ID, "it is the first area of its goal"
	case len(m.Agreements) == 0 && m.Activities.Count > 0:
		id, why = "2.1", "activities, and no agreement, are linked to it"
	case len(m.Agreements) == 0:
		why = "it is coopreport's place for international cooperation"
	}
	a := f.AreaByID(id)
	if a.ID == "" { // framework.toml no longer has it: its first area
		a, why = f.Goals[0].Areas[0], "the area the rule names is not in templates/framework.toml"
	}
	m.Areas = []AreaRef{{a.ID, v.w(a.Name), a.Goal}}
	return v.f("The measures table gives this measure no area of monitoring: it is placed under %s (goal %d), because %s.", v.w(a.Name), a.Goal, v.w(why))
}

// partnersEngaged lists the partner institutions of a measure's
// agreements, first seen first: governmental ones are of the public
// sector; non-governmental ones are of the type the measures table gives
// (partner_type), else unknown.
func (v *View) partnersEngaged(m *Measure, nonGov string) []PartnerEngaged {
	var out []PartnerEngaged
	seen := map[string]bool{}
	for _, a := range m.Agreements {
		if a.Code == "" || seen[a.Partner] {
			continue // multilateral treaties have no partner institution
		}
		seen[a.Partner] = true
		p := PartnerEngaged{Name: a.Partner}
		if a.Sector == string(pipeline.Governmental) {
			p.Type = v.w("Public sector")
		} else {
			p.Type = v.w(nonGov)
		}
		out = append(out, p)
	}
	return out
}

// usd is the money in US dollars of the activities whose measure is key.
func (v *View) usd(key string) USDMoney {
	var u USDMoney
	u.Complete = true
	for _, mm := range v.r.MeasureMoney {
		if mm.Measure != key {
			continue
		}
		u.Any = true
		u.Currencies = append(u.Currencies, USDCurrency{mm.Currency, mm.Amount, mm.USD, mm.Left, mm.InUSD})
		if !mm.InUSD {
			u.Complete = false
			u.Missing = append(u.Missing, mm.Currency)
		}
		if t, err := u.Total.Add(mm.USD); err == nil {
			u.Total = t
		}
	}
	return u
}

// Where is "Mongolia, 2023–2026, Ministry of Culture": where, when and
// who, as Form B asks.
func (m Measure) Where() string {
	parts := []string{}
	if m.Report != nil && m.Report.Party != "" {
		parts = append(parts, m.Report.Party)
	}
	if m.Report != nil {
		parts = append(parts, m.Report.Period.Name)
	}
	if len(m.Agencies) > 0 {
		parts = append(parts, strings.Join(m.Agencies, "; "))
	}
	return strings.Join(parts, ", ")
}
