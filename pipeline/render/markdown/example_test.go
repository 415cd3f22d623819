package markdown_test

import (
	"fmt"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/aggregate"
	"coopreport/pipeline/lang"
	"coopreport/pipeline/period"
	"coopreport/pipeline/render/markdown"
)

// exampleReport is a small report: Mongolia in 2014..2015, with partners
// Russia, China and Japan, a treaty, four activities and rates into MNT
// for RUB and CNY (none for JPY).
func exampleReport() *pipeline.Report {
	ru := pipeline.Country{Code: "RU", Alpha3: "RUS", Name: "Russia", LongName: "Russian Federation"}
	cn := pipeline.Country{Code: "CN", Alpha3: "CHN", Name: "China", LongName: "People’s Republic of China"}
	jp := pipeline.Country{Code: "JP", Alpha3: "JPN", Name: "Japan", LongName: "Japan"}
	d := func(y int, m time.Month, day int) pipeline.Date { return pipeline.Date{Year: y, Month: m, Day: day} }
	money := func(coef int64, scale int, cur string) *pipeline.Money {
		return &pipeline.Money{Amount: pipeline.NewDecimal(coef, scale), Currency: cur}
	}
	spec, err := period.Parse("2014..2015", pipeline.Date{})
	if err != nil {
		panic(err)
	}
	p, err := spec.Resolve(pipeline.ByYear, pipeline.Date{}, pipeline.Date{})
	if err != nil {
		panic(err)
	}
	r := &pipeline.Report{
		Party: "Mongolia", Title: "Periodic report", Currency: "MNT", Version: "1.0",
		Made: time.Date(2016, time.March, 1, 9, 0, 0, 0, time.UTC), Period: p,
		Agreements: []pipeline.Agreement{
			{ID: "AG-1", Country: ru, Partner: "Government of the Russian Federation", Counterpart: "Government of Mongolia", Sector: pipeline.Governmental,
				Instrument: pipeline.InstrumentAgreement, Title: "Agreement on cultural cooperation", Signed: d(1994, 1, 20), ValidFrom: d(1994, 1, 20)},
			{ID: "AG-2", Country: cn, Partner: "Government of the People’s Republic of China", Counterpart: "Government of Mongolia", Sector: pipeline.Governmental,
				Instrument: pipeline.InstrumentAgreement, Title: "Agreement on cultural cooperation", Signed: d(1994, 4, 29), ValidFrom: d(1994, 4, 29)},
			{ID: "AG-3", Country: cn, Partner: "Tianjin Grand Theatre", Counterpart: "State Academic Opera and Ballet Theatre", Sector: pipeline.NonGovernmental,
				Instrument: pipeline.InstrumentMoU, Title: "Memorandum of Understanding for 2013-2015", Signed: d(2013, 4, 12), ValidFrom: d(2013, 1, 1), ValidTo: d(2015, 12, 31)},
			{ID: "AG-4", Country: jp, Partner: "Government of Japan", Counterpart: "Government of Mongolia", Sector: pipeline.Governmental,
				Instrument: pipeline.InstrumentAgreement, Title: "Agreement on cultural cooperation", Signed: d(2006, 12, 1), ValidFrom: d(2006, 12, 1)},
			{ID: "AG-5", Counterpart: "Government of Mongolia", Sector: pipeline.Governmental, Instrument: pipeline.InstrumentTreaty,
				Title: "Marrakesh Treaty", Signed: d(2015, 9, 23), ValidFrom: d(2015, 9, 23)},
		},
		Ledger: pipeline.Activities{
			{ID: "AC-1", Date: d(2014, 6, 10), End: d(2014, 6, 20), Country: cn, Agreement: "AG-3", Type: pipeline.TypeExchange,
				Title: "Exchange of performances", Participants: 35, Amount: money(6000000, 2, "CNY")},
			{ID: "AC-2", Date: d(2014, 11, 20), End: d(2014, 11, 21), Country: ru, Agreement: "AG-1", Type: pipeline.TypeMeeting,
				Title: "16th meeting of the Intergovernmental Commission", Participants: 40, Amount: money(1250000000, 2, "MNT")},
			{ID: "AC-3", Date: d(2015, 3, 2), Country: jp, Agreement: "AG-4", Type: pipeline.TypeTraining,
				Title: "Training of museum conservators", Participants: 5, Amount: money(1200000, 0, "JPY")},
			{ID: "AC-4", Date: d(2015, 6, 3), End: d(2015, 6, 7), Country: ru, Agreement: "AG-1", Type: pipeline.TypeFestival,
				Title: "Festival in Moscow", Participants: 12, Amount: money(45000000, 2, "RUB")},
		},
		Inputs: []pipeline.InputFile{
			{Name: "agreements.csv", Read: 5, Accepted: 5},
			{Name: "activities.csv", Read: 5, Accepted: 4, Rejected: 1},
		},
		Rejects: []pipeline.RowError{{Pos: pipeline.Pos{File: "activities.csv", Row: 6}, Column: "date", Value: "31.02.2015", Err: pipeline.ErrBadDate}},
	}
	r.RateList = []pipeline.Rate{
		{Currency: "RUB", Base: "MNT", Span: pipeline.RateSpan{Label: "2015", From: d(2015, 1, 1), To: d(2015, 12, 31)}, Rate: pipeline.NewDecimal(3230, 2)},
		{Currency: "CNY", Base: "MNT", Span: pipeline.RateSpan{Label: "2014", From: d(2014, 1, 1), To: d(2014, 12, 31)}, Rate: pipeline.NewDecimal(29540, 2)},
	}
	if err := aggregate.Report(r); err != nil {
		panic(err)
	}
	return r
}

// show executes a template on the example report for the PDF and prints
// the Markdown, or the error.
func show(text string) { showFor(markdown.PDF, text) }

// showFor is show for a target.
func showFor(target markdown.Target, text string) {
	t, err := markdown.Parse("example.md.tmpl", text)
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := t.Execute(exampleReport(), target)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
}

// showIn is show for a report in language l, with l's built-in partials.
func showIn(l lang.Lang, text string) {
	t, err := markdown.ParseIn("example.md.tmpl", text, l)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := exampleReport()
	r.Lang = l
	out, err := t.Execute(r, markdown.PDF)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
}

func Example_list() {
	show(`{{list "Russia" "China" "Japan"}}; {{list "Russia" "China"}}; {{list "Russia"}}`)
	show(`{{list .Countries}}`)
	show(`{{list "Ministry of Education, Culture and Science" "Ministry of Foreign Affairs" "Embassies"}}`)
	showIn(lang.French, `{{list "Russie" "Chine" "Japon"}}`)
	showIn(lang.Russian, `{{list .Countries}}`)
	showIn(lang.Mongolian, `{{list .Countries}}`)
	// Output:
	// Russia, China and Japan; Russia and China; Russia
	// China, Japan and Russia
	// Ministry of Education, Culture and Science; Ministry of Foreign Affairs; and Embassies
	// Russie, Chine et Japon
	// Китай, Россия и Япония
	// Орос, Хятад болон Япон
}

func Example_suchAs() {
	show(`with {{plural (len .Countries) "country" "countries"}}, such as {{suchAs 2 .Countries}}`)
	// Output:
	// with 3 countries, such as the Russian Federation and the People’s Republic of China
}

func Example_the() {
	show(`{{the "Russian Federation"}}, {{the "Japan"}}, {{the "Philippines"}}, {{the "Bolivia (Plurinational State of)"}}`)
	show(`{{capital (the "Government of Mongolia")}} and {{the "Tianjin Grand Theatre"}}`)
	show(`{{list (the .Countries)}}`)
	// Output:
	// the Russian Federation, Japan, the Philippines, Bolivia (Plurinational State of)
	// The Government of Mongolia and the Tianjin Grand Theatre
	// the People’s Republic of China, Japan and the Russian Federation
}

func Example_plural() {
	show(`{{plural 1 "country" "countries"}}, {{plural 26 "country" "countries"}}, {{plural 1250 "participant" "participants"}}`)
	show(`{{plural .Totals.Activities "activity was" "activities were"}} held.`)
	showIn(lang.French, `{{plural 0 "activité" "activités"}}, {{plural 1 "activité" "activités"}}, {{plural 1250 "participant" "participants"}}`)
	showIn(lang.French, `{{plural .Totals.Activities "activité a eu lieu" "activités ont eu lieu"}}.`)
	showIn(lang.Russian, `{{plural 1 "страна" "страны" "стран"}}, {{plural 3 "страна" "страны" "стран"}}, {{plural 26 "страна" "страны" "стран"}}, {{plural 1250 "участник" "участника" "участников"}}`)
	showIn(lang.Russian, `{{plural .Totals.Participants "участник" "участника" "участников"}}`)
	showIn(lang.Mongolian, `{{plural .Totals.Activities "үйл ажиллагаа" "үйл ажиллагаа"}} зохион байгуулсан`)
	// Output:
	// 1 country, 26 countries, 1,250 participants
	// 4 activities were held.
	// 0 activité, 1 activité, 1 250 participants
	// 4 activités ont eu lieu.
	// 1 страна, 3 страны, 26 стран, 1 250 участников
	// 92 участника
	// 4 үйл ажиллагаа зохион байгуулсан
}

func Example_number() {
	show(`{{number 1234567}} people; {{number .Totals.Participants}} participants`)
	showIn(lang.French, `{{number 1234567}} personnes`)
	showIn(lang.Russian, `{{number 1234567}} человек`)
	showIn(lang.Mongolian, `{{number 1234567}} хүн`)
	// Output:
	// 1,234,567 people; 92 participants
	// 1 234 567 personnes
	// 1 234 567 человек
	// 1,234,567 хүн
}

func Example_money() {
	show(`{{money "12500000" "MNT"}}; {{money "1200000" "JPY"}}; {{money "1500.505" "USD"}}; {{money "-1250" "KWD"}}`)
	show(`{{range .Totals.Money}}{{money .Amount .Currency}}{{if .Converted}} = {{money .Reporting $.ReportingCurrency}}{{end}}; {{end}}`)
	showIn(lang.French, `{{money "1250000.50" "MNT"}} et {{money "1200000" "JPY"}}`)
	showIn(lang.Russian, `{{money "1250000.50" "MNT"}} и {{money "1200000" "JPY"}}`)
	showIn(lang.Mongolian, `{{money "1250000.50" "MNT"}} болон {{money "1200000" "JPY"}}`)
	// Output:
	// 12,500,000.00 MNT; 1,200,000 JPY; 1,500.505 USD; -1,250.000 KWD
	// 60,000.00 CNY = 17,724,000.00 MNT; 1,200,000 JPY; 12,500,000.00 MNT = 12,500,000.00 MNT; 450,000.00 RUB = 14,535,000.00 MNT;
	// 1 250 000,50 MNT et 1 200 000 JPY
	// 1 250 000,50 MNT и 1 200 000 JPY
	// 1,250,000.50 MNT болон 1,200,000 JPY
}

func Example_date() {
	show(`{{date "2015-09-23"}}; {{.Period.From}} to {{.Period.To}}; made on {{.Made}}; {{.Made.ISO}}`)
	showIn(lang.French, `le {{date "2015-09-23"}}, du {{.Period.From}} au {{.Period.To}}, établi le {{.Made}}`)
	showIn(lang.Mongolian, `{{date "2015-09-23"}}; тайлангийн огноо: {{.Made}}`)
	// Output:
	// 23 September 2015; 1 January 2014 to 31 December 2015; made on 1 March 2016; 2016-03-01
	// le 23 septembre 2015, du 1er janvier 2014 au 31 décembre 2015, établi le 1er mars 2016
	// 2015 оны есдүгээр сарын 23; тайлангийн огноо: 2016 оны гуравдугаар сарын 1
}

func Example_ordinal() {
	show(`the {{ordinal 1}}, {{ordinal 2}}, {{ordinal 3}}, {{ordinal 10}}, {{ordinal 11}}, {{ordinal 22}} and {{ordinal 113}}`)
	// Output:
	// the 1st, 2nd, 3rd, 10th, 11th, 22nd and 113th
}

func Example_add() {
	show(`{{$n := 0}}{{range .Treaties}}{{$n = add $n 1}}Activity {{$n}}: {{.Title}} ({{.Signed}}){{end}}`)
	// Output:
	// Activity 1: Marrakesh Treaty (23 September 2015)
}

func Example_upper() {
	show(`{{upper .Party}}`)
	// Output:
	// MONGOLIA
}

func Example_lower() {
	show(`{{lower "Cooperation Plan"}}`)
	// Output:
	// cooperation plan
}

func Example_capital() {
	show(`{{capital "the Government of Mongolia"}}`)
	// Output:
	// The Government of Mongolia
}

func Example_paragraphs() {
	show(`{{paragraphs "First paragraph.\nSecond *paragraph*."}}`)
	// Output:
	// First paragraph.
	//
	// Second \*paragraph\*.
}

func Example_raw() {
	show(`{{raw "Text written in **Markdown**"}}`)
	// Output:
	// Text written in **Markdown**
}

// Printed data is escaped, so that it cannot break the document or a
// table.
func Example_escape() {
	show(`{{"A *bold* claim | with a pipe"}}`)
	// Output:
	// A \*bold\* claim \| with a pipe
}

func Example_table() {
	show(`{{table "by-country"}}`)
	// Output:
	// *Cooperation by partner, 2014–2015*
	//
	// | Partner | Agreements signed | Agreements in force | Activities | Participants |
	// | --- | ---: | ---: | ---: | ---: |
	// | China | 0 | 2 | 1 | 35 |
	// | Japan | 0 | 1 | 1 | 5 |
	// | Russia | 0 | 1 | 2 | 52 |
	// | Multilateral | 1 | 1 | 0 | 0 |
	// | **All partners** | **1** | **5** | **4** | **92** |
}

func Example_chart() {
	show(`{{chart "activities-by-country" "Activities per partner country"}}`)
	showFor(markdown.Markdown, `{{chart "activities-by-country" "Activities per partner country"}}`)
	// Output:
	// ![Activities per partner country](chart:activities-by-country)
	// *Activities per partner country*
	//
	// | Partner | Activities |
	// | --- | ---: |
	// | Russia | 2 |
	// | China | 1 |
	// | Japan | 1 |
	// | **All partners** | **4** |
}

func Example_count() {
	show(`[{{count "Exchanges with Russia and China." 2500}}]`)
	showFor(markdown.Markdown, `{{count "Exchanges with Russia and China." 2500}}
{{count "Exchanges with Russia and China." 20}}`)
	// Output:
	// []
	// (32 of 2,500 characters)
	// (32 characters: 12 over the form's limit of 20; shorten it before pasting)
}

func Example_pasting() {
	show(`PDF: {{pasting}}`)
	showFor(markdown.Markdown, `Markdown: {{pasting}}`)
	// Output:
	// PDF: false
	// Markdown: true
}

func Example_paste() {
	show(`{{paste "Up 50% in *two* years."}}`)
	showFor(markdown.Markdown, `{{paste "Up 50% in *two* years."}}`)
	// Output:
	// Up 50% in \*two\* years.
	// ```text
	// Up 50% in *two* years.
	// ```
}

func Example_form() {
	show(`{{number .Totals.Activities}} {{form .Totals.Activities "activity" "activities"}}`)
	showIn(lang.Russian, `{{form 1 "соглашение" "соглашения" "соглашений"}}, {{form 3 "соглашение" "соглашения" "соглашений"}}, {{form 25 "соглашение" "соглашения" "соглашений"}}`)
	showIn(lang.Russian, `{{plural .Totals.Activities "мероприятие" "мероприятия" "мероприятий"}}`)
	// Output:
	// 4 activities
	// соглашение, соглашения, соглашений
	// 4 мероприятия
}

func Example_suffix() {
	show(`{{suffix "тай" "Япон"}}, {{suffix "тай" "ОХУ"}}, {{suffix "аас" "Куба"}}, {{suffix "ын" "Герман"}}`)
	showIn(lang.Mongolian, `{{suffix "тай" (list .Countries)}} хамтран ажилласан`)
	// Output:
	// Японтой, ОХУ-тай, Кубаас, Германы
	// Орос, Хятад болон Японтой хамтран ажилласан
}
