package markdown

import (
	"strings"
	"testing"
)

// Form B on the sample: M-1 names goals 2 and 3 and areas 2.3, 2.1 and
// 3.2; M-2 names none and is placed by the rule. Each measure has the
// form's fields, labelled as the form words them, in its order; the
// Markdown for pasting counts the limited fields.
func TestFormB(t *testing.T) {
	tm, err := Load("form-b")
	if err != nil {
		t.Fatal(err)
	}
	out, err := tm.Execute(sampleReport(), Markdown)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	inOrder := []string{
		"# Goal 2: Achieve a balanced flow of cultural goods and services and increase the mobility of artists and cultural professionals",
		"## Mobility of artists and cultural professionals",
		"*Bilateral policy dialogues* also belongs to this area: it is given in full under Treaties and agreements (goal 2).",
		"## Treaties and agreements",
		"### Bilateral policy dialogues",
		"**Name of the policy/measure:** Bilateral policy dialogues",
		"**Where / when / who:** Mongolia, 2023–2025, Ministry of Culture; Ministry of Foreign Affairs; Embassies",
		"#### Describe the main features of the policy/measure\n\n```text\nCommissions meet every two years.\n```\n\n(33 of 2,500 characters)",
		"#### What are the results achieved so far through the implementation of the policy/measure?\n\n```text\nForty exchanges since 2023.\n```\n\n(27 of 2,500 characters)",
		"#### Financial resources allocated to the policy/measure in USD\n\n",
		"converted to US dollars at the exchange rates of their dates.",
		"\n\n12,500,000 MNT a year\n",
		"#### Partner(s) engaged in the implementation of the measure",
		"| Government of the Russian Federation | Public sector |",
		"**Has the implementation of the policy/measure been evaluated?** Yes",
		"#### Main conclusions of the evaluation\n\n```text\nThe commissions keep exchanges going.\n```",
		"**Goal(s) of the 2005 Convention:** Goal 2: Achieve a balanced flow of cultural goods and services and increase the mobility of artists and cultural professionals and Goal 3: Integrate culture in sustainable development frameworks",
		"**Area(s) of monitoring:** Treaties and agreements, Mobility of artists and cultural professionals and International cooperation for sustainable development",
		"**Cultural domain(s):** Music and Performing arts",
		"### Institutional partnerships",
		"**Where / when / who:** Mongolia, 2023–2025\n",
		"| Tianjin Grand Theatre | *not given: a non-governmental partner (column partner_type of the measures table)* |",
		"**Has the implementation of the policy/measure been evaluated?** Not stated",
		"*The measures table gives this measure no area of monitoring: it is placed under Treaties and agreements (goal 2), because agreements are linked to it.*",
		"**Cultural domain(s):** Not given",
		"# Goal 3: Integrate culture in sustainable development frameworks",
		"## International cooperation for sustainable development",
		"*Bilateral policy dialogues* also belongs to this area",
		"# Cooperation by partner",
	}
	at := 0
	for _, want := range inOrder {
		i := strings.Index(got[at:], want)
		if i < 0 {
			if strings.Contains(got, want) {
				t.Errorf("out of order: %q", want)
			} else {
				t.Errorf("missing: %q", want)
			}
			continue
		}
		at += i + len(want)
	}
	for _, never := range []string{"# Goal 1", "# Goal 4", "## Media diversity"} {
		if strings.Contains(got, never) {
			t.Errorf("an empty goal or area is listed: %q", never)
		}
	}

	// The PDF's Markdown has no counts; its money in USD is written from
	// the records for the measure without a resources text.
	pdf, err := tm.Execute(sampleReport(), PDF)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(pdf), "characters)") {
		t.Error("the PDF counts characters")
	}
	// 3,000 CNY on 1 April 2025: × 470.00 MNT ÷ 3,400.00 MNT = 414.71 USD.
	if want := "414.71 USD: the amounts of the measure's activities in CNY, converted to US dollars at the exchange rates of their dates. " +
		"Not included, as no exchange rate to US dollars covers their dates: 1,200,000 JPY and 1,234.500 KWD."; !strings.Contains(string(pdf), want) {
		t.Errorf("M-2's resources are not written from its amounts in USD: want %q", want)
	}
}

// The money of a measure in USD comes from the aggregator's rows of its
// measure; one that holds every record takes the rows of all measures.
func TestMeasureUSD(t *testing.T) {
	r := sampleReport()
	r.Measures = nil // one measure made from every record
	v, err := NewView(r)
	if err != nil {
		t.Fatal(err)
	}
	u := v.Measures[0].USD
	if !u.Any || u.Complete || len(u.Missing) == 0 {
		t.Errorf("USD %+v: want some money, the currencies without a USD rate named", u)
	}
	var all []string
	for _, mm := range r.MeasureMoney {
		if mm.Measure == "*" {
			all = append(all, mm.Currency)
		}
	}
	if len(u.Currencies) != len(all) {
		t.Errorf("currencies %+v, want those of every activity %v", u.Currencies, all)
	}
}

// A goal counts each measure once, whether listed under one of its areas
// or named by another.
func TestGoalCountsMeasuresOnce(t *testing.T) {
	v, err := NewView(sampleReport())
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]int{}
	for _, g := range v.Goals {
		got[g.Number] = g.Measures
	}
	// M-1 names 2.3, 2.1 and 3.2; M-2 is placed under 2.3.
	if got[1] != 0 || got[2] != 2 || got[3] != 1 || got[4] != 0 {
		t.Errorf("measures per goal %v, want goal 2: 2, goal 3: 1", got)
	}
}
