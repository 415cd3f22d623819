package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"coopreport/pipeline"
)

// figure is a chart ready to be drawn in parts.
type figure interface {
	parts(d *doc, w float64) []part
}

// chartMakers are the charts a template places with ![caption](chart:NAME).
var chartMakers = map[string]func(c *chartData) (figure, error){
	"activities-by-country": activitiesByCountry,
	"money-by-bucket":       moneyByBucket,
	"agreements-timeline":   agreementsTimeline,
}

// chartNames lists the chart names, sorted, for error messages.
func chartNames() string {
	var names []string
	for n := range chartMakers {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// chartData is what the charts are made from: the report, and the glyph
// check for the texts they take from it.
type chartData struct {
	r     *pipeline.Report
	clean func(s string) string
}

// makeChart returns the named chart; the name was checked when the
// Markdown was read.
func makeChart(name string, r *pipeline.Report, g *glyphs) (figure, error) {
	mk, ok := chartMakers[name]
	if !ok {
		return nil, fmt.Errorf("unknown chart %q: the charts are %s", name, chartNames())
	}
	where := "chart " + name
	return mk(&chartData{r: r, clean: func(s string) string { return g.clean(s, where) }})
}

// periodLine is the subtitle of the charts: "Period 2025-Q3: 1 July 2025 to 30 September 2025".
func (c *chartData) periodLine() string {
	p := c.r.Period
	var s string
	if p.Label != "" {
		s = "Period " + c.clean(p.Label)
	}
	if !p.From.IsZero() {
		s = strings.TrimPrefix(s+": ", ": ") + p.From.Long() + " to " + p.To.Long()
	}
	return s
}

// bucketName is what a bucket is called: "month", "quarter", "year".
func (c *chartData) bucketName() string {
	if c.r.Period.By == "" {
		return "bucket"
	}
	return string(c.r.Period.By)
}

// buckets returns the bucket labels in order: the period's, or those the
// rows name when the period has none.
func (c *chartData) buckets(rowLabels ...string) []string {
	var out []string
	for _, b := range c.r.Period.Buckets {
		out = append(out, b.Label)
	}
	if len(out) == 0 {
		for _, l := range rowLabels {
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	return out
}

func activitiesByCountry(c *chartData) (figure, error) {
	type bar struct {
		label string
		n     int
	}
	var bars []bar
	for _, t := range c.r.Totals {
		if t.Activities > 0 {
			bars = append(bars, bar{c.clean(t.Country.Label()), t.Activities})
		}
	}
	slices.SortStableFunc(bars, func(a, b bar) int {
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.label, b.label))
	})
	if len(bars) > maxHBars {
		rest := bars[maxHBars-1:]
		other := bar{label: fmt.Sprintf("Other partners (%d)", len(rest))}
		for _, b := range rest {
			other.n += b.n
		}
		bars = append(bars[:maxHBars-1], other)
	}
	h := &hbar{
		head: chartHead{
			title:    "Activities by partner country",
			subtitle: joinNonEmpty("; ", c.periodLine(), plural(c.r.Grand.Activities, "activity", "activities")+" in all"),
		},
		axisTitle: "Number of activities",
		empty:     "No activities in the period.",
	}
	for _, b := range bars {
		h.labels = append(h.labels, b.label)
		h.values = append(h.values, float64(b.n))
		h.valueText = append(h.valueText, integer(b.n))
	}
	return h, nil
}

func agreementsTimeline(c *chartData) (figure, error) {
	var labels []string
	for _, s := range c.r.Summary {
		labels = append(labels, s.Bucket)
	}
	buckets := c.buckets(labels...)
	inForce := make([]int, len(buckets))
	signed := make([]int, len(buckets))
	// Each agreement has one partner (or none: multilateral), so the sum
	// over the countries of a bucket counts each agreement once.
	for _, s := range c.r.Summary {
		if i := slices.Index(buckets, s.Bucket); i >= 0 {
			inForce[i] += s.InForce
			signed[i] += s.Signed
		}
	}
	by := c.bucketName()
	force := series{name: "Agreements in force during the " + by, kind: asLine, color: palette[0]}
	sign := series{name: "Agreements signed in the " + by, kind: asBars, color: palette[1]}
	for i := range buckets {
		force.values = append(force.values, float64(inForce[i]))
		force.labels = append(force.labels, integer(inForce[i]))
		sign.values = append(sign.values, float64(signed[i]))
		sign.labels = append(sign.labels, integer(signed[i]))
	}
	return &columns{
		head: chartHead{
			title:    "Agreements in force and signed, by " + by,
			subtitle: c.periodLine(),
			legend:   []series{force, sign},
		},
		categories: cleanAll(c, buckets),
		series:     []series{sign, force},
		yTitle:     "Agreements",
		xTitle:     capital(by),
		integer:    true,
		empty:      "No agreements in force in the period.",
	}, nil
}

func moneyByBucket(c *chartData) (figure, error) {
	var labels []string
	for _, f := range c.r.Finance {
		labels = append(labels, f.Bucket)
	}
	buckets := c.buckets(labels...)
	by := c.bucketName()
	title := "Money spent on activities, by " + by
	cur := c.r.Currency
	if cur != "" {
		sums := make([]pipeline.Decimal, len(buckets))
		var left []string // currencies of rows without a rate
		for _, f := range c.r.Finance {
			i := slices.Index(buckets, f.Bucket)
			if i < 0 {
				continue
			}
			if !f.Converted {
				if !slices.Contains(left, f.Currency) {
					left = append(left, f.Currency)
				}
				continue
			}
			var err error
			if sums[i], err = sums[i].Add(f.Reporting); err != nil {
				return nil, fmt.Errorf("adding up the money of %s for the chart: %w", f.Bucket, err)
			}
		}
		code := c.clean(cur)
		s := series{name: "Amount in " + code, kind: asBars, color: palette[0]}
		for _, d := range sums {
			s.values = append(s.values, d.Float64())
			s.labels = append(s.labels, money(d, cur))
		}
		note := ""
		if len(left) > 0 {
			slices.Sort(left)
			note = fmt.Sprintf("Not included: amounts in %s that no exchange rate to %s covers.", c.clean(strings.Join(left, ", ")), code)
		}
		return &columns{
			head:       chartHead{title: title, subtitle: joinNonEmpty("; ", c.periodLine(), "amounts converted to "+code)},
			categories: cleanAll(c, buckets),
			series:     []series{s},
			yTitle:     code,
			xTitle:     capital(by),
			note:       note,
			empty:      "No amounts in the period.",
		}, nil
	}
	// Without a reporting currency the currencies cannot share a scale:
	// one panel each.
	var codes []string
	for _, f := range c.r.Finance {
		if !slices.Contains(codes, f.Currency) {
			codes = append(codes, f.Currency)
		}
	}
	slices.Sort(codes)
	p := &panels{head: chartHead{title: title, subtitle: joinNonEmpty("; ", c.periodLine(), "no reporting currency set, so each currency is shown on its own scale, not converted")}}
	for j, code := range codes {
		sums := make([]pipeline.Decimal, len(buckets))
		for _, f := range c.r.Finance {
			if i := slices.Index(buckets, f.Bucket); i >= 0 && f.Currency == code {
				var err error
				if sums[i], err = sums[i].Add(f.Amount); err != nil {
					return nil, fmt.Errorf("adding up the %s amounts of %s for the chart: %w", f.Currency, f.Bucket, err)
				}
			}
		}
		cc := c.clean(code)
		s := series{name: "Amount in " + cc, kind: asBars, color: palette[j%len(palette)]}
		for _, d := range sums {
			s.values = append(s.values, d.Float64())
			s.labels = append(s.labels, money(d, code))
		}
		p.panels = append(p.panels, &columns{
			head:       chartHead{subtitle: "Amounts in " + cc},
			categories: cleanAll(c, buckets),
			series:     []series{s},
			yTitle:     cc,
			xTitle:     capital(by),
		})
	}
	if len(p.panels) == 0 {
		p.panels = append(p.panels, &columns{categories: cleanAll(c, buckets), xTitle: capital(by), empty: "No amounts in the period."})
	}
	return p, nil
}

// panels is a chart of several column charts one under the other, under
// one title; the page may break between panels.
type panels struct {
	head   chartHead
	panels []*columns
}

func (p *panels) parts(d *doc, w float64) []part {
	var out []part
	for i, c := range p.panels {
		h := c.height(d, w) + 3
		if i == 0 {
			h += p.head.height(d, w)
		}
		out = append(out, part{h: h, draw: func(x, y, w float64) {
			if i == 0 {
				y += p.head.draw(d, x, y, w)
			}
			c.draw(d, x, y, w)
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

func cleanAll(c *chartData, ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = c.clean(s)
	}
	return out
}

// plural writes a count with its noun: "1 activity", "26 activities".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return integer(n) + " " + many
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
