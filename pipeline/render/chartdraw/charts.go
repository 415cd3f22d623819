package chartdraw

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
	"coopreport/pipeline/period"
	"coopreport/pipeline/render/chartdata"
)

// Chart is a chart made from a report, ready to be laid out at a width
// and drawn in parts.
type Chart interface {
	// Parts lays the chart out w millimetres wide.
	Parts(w float64) []Part
}

// makers are the charts a template places with ![caption](chart:NAME).
var makers = map[string]func(c *data) (Chart, error){
	"activities-by-country": activitiesByCountry,
	"money-by-bucket":       moneyByBucket,
	"agreements-timeline":   agreementsTimeline,
}

// Known reports whether name is a chart's name.
func Known(name string) bool {
	_, ok := makers[name]
	return ok
}

// Names returns the charts' names, sorted, for error messages.
func Names() []string { return slices.Sorted(maps.Keys(makers)) }

// data is what the charts are made from: the report, and the glyph check
// for the texts they take from it.
type data struct {
	r     *pipeline.Report
	clean func(s string) string
}

// New makes the named chart of r. clean readies a text of the report for
// the fonts (pdf reports what it replaces; fonts.Set.Clean does for the
// other formats).
func New(r *pipeline.Report, name string, clean func(s string) string) (Chart, error) {
	mk, ok := makers[name]
	if !ok {
		return nil, fmt.Errorf("unknown chart %q: the charts are %s", name, strings.Join(Names(), ", "))
	}
	return mk(&data{r: r, clean: clean})
}

// periodLine is the subtitle of the charts: "Third quarter of 2025:
// 1 July 2025 to 30 September 2025".
func (c *data) periodLine() string {
	p := c.r.Period
	l := c.r.Lang
	name := p.Name
	if l != lang.English && l != "" {
		name = period.NameIn(l, p.Label)
	}
	var s string
	switch {
	case name != "":
		s = c.clean(capitalFirst(name))
	case p.Label != "":
		s = c.clean(words.F(l, "Period %s", p.Label))
	}
	if !p.From.IsZero() {
		span := words.F(l, "%s to %s", l.Date(p.From.Year, p.From.Month, p.From.Day), l.Date(p.To.Year, p.To.Month, p.To.Day))
		if l != lang.English && l != "" {
			span = l.DateRange(lang.Day(p.From), lang.Day(p.To)) // "du 1er juillet au 30 septembre 2025"
		}
		if s == "" {
			s = c.clean(span)
		} else {
			s = c.clean(words.F(l, "%s: %s", s, span))
		}
	}
	return s
}

func activitiesByCountry(c *data) (Chart, error) {
	a := chartdata.ActivitiesByCountry(c.r)
	h := &hbar{
		head: chartHead{
			title:    c.clean(c.in("Activities by partner country")),
			subtitle: joinNonEmpty(c.in("; "), c.periodLine(), c.clean(words.F(c.r.Lang, "%s in all", c.count(a.Total, "activity|activities")))),
		},
		axisTitle: c.clean(c.in("Number of activities")),
		empty:     c.clean(c.in("No activities in the period.")),
		l:         c.r.Lang,
	}
	for _, b := range a.Bars {
		h.labels = append(h.labels, c.clean(b.Label))
		h.values = append(h.values, float64(b.Activities))
		h.valueText = append(h.valueText, c.integer(b.Activities))
	}
	return h, nil
}

func agreementsTimeline(c *data) (Chart, error) {
	t := chartdata.AgreementsTimeline(c.r)
	force := series{name: c.clean(c.in("Agreements in force during the " + t.By)), kind: asLine, color: palette[0]}
	sign := series{name: c.clean(c.in("Agreements signed in the " + t.By)), kind: asBars, color: palette[1]}
	for i := range t.Buckets {
		force.values = append(force.values, float64(t.InForce[i]))
		force.labels = append(force.labels, c.integer(t.InForce[i]))
		sign.values = append(sign.values, float64(t.Signed[i]))
		sign.labels = append(sign.labels, c.integer(t.Signed[i]))
	}
	return &columns{
		head: chartHead{
			title:    c.clean(c.in("Agreements in force and signed, by " + t.By)),
			subtitle: c.periodLine(),
			legend:   []series{force, sign},
		},
		categories: bucketLabels(c, t.Buckets),
		series:     []series{sign, force},
		yTitle:     c.clean(c.in("Agreements")),
		xTitle:     c.clean(c.in(capital(t.By))),
		integer:    true,
		empty:      c.clean(c.in("No agreements in force in the period.")),
		l:          c.r.Lang,
	}, nil
}

func moneyByBucket(c *data) (Chart, error) {
	m, err := chartdata.MoneyByBucket(c.r)
	if err != nil {
		return nil, err
	}
	title := c.clean(c.in("Money spent on activities, by " + m.By))
	xTitle := c.clean(c.in(capital(m.By)))
	empty := c.clean(c.in("No amounts in the period."))
	bars := func(s chartdata.MoneySeries, color Color) series {
		out := series{name: c.clean(words.F(c.r.Lang, "Amount in %s", s.Currency)), kind: asBars, color: color}
		for _, d := range s.Sums {
			out.values = append(out.values, d.Float64())
			out.labels = append(out.labels, c.money(d, s.Currency))
		}
		return out
	}
	if m.Reporting != "" {
		code := c.clean(m.Reporting)
		return &columns{
			head:       chartHead{title: title, subtitle: joinNonEmpty(c.in("; "), c.periodLine(), c.clean(words.F(c.r.Lang, "amounts converted to %s", m.Reporting)))},
			categories: bucketLabels(c, m.Buckets),
			series:     []series{bars(m.Series[0], palette[0])},
			yTitle:     code,
			xTitle:     xTitle,
			note:       c.clean(m.Note()),
			empty:      empty,
			l:          c.r.Lang,
		}, nil
	}
	// Without a reporting currency the currencies cannot share a scale:
	// one panel each.
	p := &panels{head: chartHead{title: title, subtitle: joinNonEmpty(c.in("; "), c.periodLine(), c.clean(c.in("no reporting currency set, so each currency is shown on its own scale, not converted")))}}
	for j, s := range m.Series {
		cc := c.clean(s.Currency)
		p.panels = append(p.panels, &columns{
			head:       chartHead{subtitle: c.clean(words.F(c.r.Lang, "Amounts in %s", s.Currency))},
			categories: bucketLabels(c, m.Buckets),
			series:     []series{bars(s, palette[j%len(palette)])},
			yTitle:     cc,
			xTitle:     xTitle,
			l:          c.r.Lang,
		})
	}
	if len(p.panels) == 0 {
		p.panels = append(p.panels, &columns{categories: bucketLabels(c, m.Buckets), xTitle: xTitle, empty: empty, l: c.r.Lang})
	}
	return p, nil
}

// panels is a chart of several column charts one under the other, under
// one title; the page may break between panels.
type panels struct {
	head   chartHead
	panels []*columns
}

func (p *panels) Parts(w float64) []Part {
	var out []Part
	for i, c := range p.panels {
		h := c.height(w) + 3
		if i == 0 {
			h += p.head.height(w)
		}
		out = append(out, Part{H: h, Draw: func(cv Canvas, x, y, w float64) {
			if i == 0 {
				y += p.head.draw(cv, x, y, w)
			}
			c.draw(cv, x, y, w)
		}})
	}
	return out
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// bucketLabels are the buckets' labels on an axis, quarters in the
// language's short form ("T1 2013"; see lang.Lang.Bucket).
func bucketLabels(c *data, ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = c.clean(c.r.Lang.Bucket(s))
	}
	return out
}

// in is the words' text in the chart's language.
func (c *data) in(en string) string { return words.In(c.r.Lang, en) }

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
