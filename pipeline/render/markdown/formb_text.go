package markdown

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
)

// The texts of Form B a measure's records can answer, written as plain
// sentences (the online form takes plain text): each is the measures
// table's text when it gives one.

// MainFeatures is the measure's main features: Features as written, else
// what its agreements and activities show; "" when nothing does (the
// template then says so to the writer, outside the text to paste).
func (m Measure) MainFeatures() string {
	if m.Features != "" {
		return m.Features
	}
	l := m.lang()
	english := l == lang.English || l == ""
	the := the
	if !english {
		the = strings.TrimSpace // articles are English's
	}
	party := words.In(l, "The reporting party")
	if m.Report != nil && m.Report.Party != "" {
		party = m.Report.Party
	}
	var s []string
	if len(m.Partners) > 0 {
		var names, sectors []string
		for _, p := range m.Partners {
			names = append(names, the(p.Name))
		}
		for _, x := range m.Sectors {
			sectors = append(sectors, words.In(l, x))
		}
		n := len(m.Agreements)
		s = append(s, words.F(l, "%s cooperates under %s with %s institutions of %s.", party,
			countIn(l, n, "agreement in force|agreements in force"), l.List(sectors), l.List(names)))
	}
	for _, a := range m.Plans {
		s = append(s, words.F(l, "A cooperation plan (%s) with %s was signed on %s.", a.Years, the(a.Partner), a.Signed))
	}
	for _, a := range m.MoUs {
		s = append(s, words.F(l, "%s and %s signed a memorandum of understanding (%s) on %s.", capital(the(a.Counterpart)), the(a.Partner), a.Years, a.Signed))
	}
	for _, a := range m.Treaties {
		s = append(s, words.F(l, "%s acceded to the %s on %s.", party, a.Title, a.Signed))
	}
	if n := m.Activities.Count; n > 0 {
		took := capital(countIn(l, n, "activity took place|activities took place"))
		switch k := m.Meetings.Count; {
		case k == 1 && n == 1:
			s = append(s, words.In(l, "A meeting took place under the measure."))
		case k == 1:
			s = append(s, words.F(l, "%s under the measure, one of them a meeting.", took))
		case k > 1:
			s = append(s, words.F(l, "%s under the measure, %s of them %s.", took, l.Int(int64(k)), formIn(l, k, "meeting|meetings")))
		default:
			s = append(s, words.F(l, "%s under the measure.", took))
		}
	}
	return strings.Join(s, " ") // "" when no agreement or activity is linked to it
}

// ResultsAchieved is the results achieved so far: Achieved as written,
// else what the records of the period show.
func (m Measure) ResultsAchieved() string {
	if m.Achieved != "" {
		return m.Achieved
	}
	l := m.lang()
	var parts []string
	if n := m.Activities.Count; n > 0 {
		p := countIn(l, n, "activity took place|activities took place")
		if l == lang.Russian {
			// The verb comes first, in the neuter a number takes:
			// "проведено 3 мероприятия", not "3 мероприятия проведены".
			p = "проведено " + countIn(l, n, "activity|activities")
		}
		if m.Participants > 0 {
			p += words.F(l, ", with %s", countIn(l, int(m.Participants), "participant|participants"))
		}
		parts = append(parts, p)
	}
	if n := len(m.Countries); n > 0 {
		parts = append(parts, words.F(l, "cooperation was in force with %s", countIn(l, n, "partner country|partner countries")))
	}
	if len(parts) == 0 {
		return "" // nothing the records can answer
	}
	joined := strings.Join(parts, words.In(l, "; "))
	if m.Report == nil {
		return joined + "."
	}
	return words.F(l, "In %s, %s.", m.Report.Period.Name, joined)
}

// ResourcesUSD is the financial resources in US dollars: the measure's
// amounts converted to USD at the rates of their dates, followed by the
// measures table's resources text, if any (it names sources or sums in
// its own words, so it is added, not converted); that text alone when the
// activities have no amounts.
func (m Measure) ResourcesUSD() string {
	u := m.USD
	if !u.Any {
		return m.Resources // "" when no money was recorded
	}
	l := m.lang()
	var in, out []string
	for _, c := range u.Currencies {
		if !c.USD.IsZero() || c.InUSD {
			in = append(in, c.Currency)
		}
		if !c.InUSD {
			amount, _ := moneyFunc(l, c.Left, c.Currency)
			out = append(out, amount)
		}
	}
	var s string
	if len(in) > 0 {
		total, _ := moneyFunc(l, u.Total, pipeline.FormCurrency)
		s = words.F(l, "%s: the amounts of the measure's activities in %s, converted to US dollars at the exchange rates of their dates.", total, l.List(in))
	}
	if len(out) > 0 {
		s = strings.TrimSpace(s + " " + words.F(l, "Not included, as no exchange rate to US dollars covers their dates: %s.", l.List(out)))
	}
	if m.Resources != "" {
		s += "\n\n" + m.Resources
	}
	return s
}

// EvaluatedText answers "has the implementation been evaluated?": Yes,
// No, or Not stated.
func (m Measure) EvaluatedText() string {
	switch m.Evaluated {
	case "yes":
		return words.In(m.lang(), "Yes")
	case "no":
		return words.In(m.lang(), "No")
	}
	return words.In(m.lang(), "Not stated")
}

// lang is the language of the report the measure is in.
func (m Measure) lang() lang.Lang {
	if m.Report == nil {
		return lang.English
	}
	return m.Report.Lang
}

// count says how long a text is for a field the form limits: "(412 of
// 2,000 characters)", or how far over it is. Only the Markdown for the
// online form says it; in the PDF it is nothing.
func (x *execution) count(text string, limit int) string {
	if x == nil || x.target != Markdown {
		return ""
	}
	n := utf8.RuneCountInString(strings.TrimSpace(text))
	l := x.v.Lang
	ns, _ := number(l, int64(n))
	ls, _ := number(l, int64(limit))
	if n > limit {
		over, _ := number(l, int64(n-limit))
		return words.F(l, "(%s characters: %s over the form's limit of %s; shorten it before pasting)", ns, over, ls)
	}
	return words.F(l, "(%s of %s characters)", ns, ls)
}

// pasting reports whether the Markdown being written is the one for the
// online form (report-<period>.md), not the PDF's.
func (x *execution) pasting() bool { return x != nil && x.target == Markdown }

// paste writes a text the online form takes as it is: in report-<period>.md
// (the file for pasting), a fenced block that shows it verbatim, with no
// Markdown escapes to be pasted along; in the PDF, its paragraphs.
func (x *execution) paste(s any) Raw {
	text := strings.TrimSpace(fmt.Sprint(s))
	if x == nil || x.target != Markdown {
		return paragraphs(text)
	}
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	return Raw(fence + "text\n" + text + "\n" + fence)
}

// AreaNames is the measure's areas of monitoring as a list in a sentence:
// "Mobility of artists and cultural professionals and Treaties and
// agreements"; in French, Mongolian and Russian only the first name keeps
// its capital ("Mobilité des artistes … et traités et accords").
func (m Measure) AreaNames() string {
	names := make([]string, len(m.Areas))
	for i, a := range m.Areas {
		names[i] = a.Name
	}
	return m.lang().List(terms(m.lang(), names))
}

// DomainNames is the measure's cultural domains as a list in a sentence,
// as AreaNames writes them: "Musique et arts de la scène".
func (m Measure) DomainNames() string { return m.lang().List(terms(m.lang(), m.Domains)) }
