package markdown

import (
	"strings"
	"testing"

	"coopreport/pipeline/lang"
)

// The tables of the sample report in each language: headers, words and
// numbers in the language's conventions.
func TestTablesInLanguages(t *testing.T) {
	tests := []struct {
		l    lang.Lang
		want []string
	}{
		{lang.French, []string{
			"| Indicateur | Nombre |", "| Pays partenaires | 4 |",
			"| Partenaire | Devise | Montant | Taux | En MNT |",
			"| Russie | RUB | 450\u00a0000,00 | 32,30 | 14\u00a0535\u00a0000,00 |",
			"| **Tous les partenaires** | **JPY** | **1\u00a0200\u00a0000** |  | **non converti** |",
			"| Multilatéral | 1 | 1 | 1 | 0 |",
			"*Années comparées à l’année précédente*",
		}},
		{lang.Russian, []string{
			"| Показатель | Число |", "| Страны-партнёры | 4 |",
			"| Партнёр | Валюта | Сумма | Курс | В MNT |",
			"| Россия | RUB | 450\u00a0000,00 | 32,30 | 14\u00a0535\u00a0000,00 |",
			"| **Все партнёры** | **JPY** | **1\u00a0200\u00a0000** |  | **не пересчитано** |",
			"| Многосторонние | 1 | 1 | 1 | 0 |",
			"*Годы в сравнении с предыдущим годом*",
		}},
		{lang.Mongolian, []string{
			"| Үзүүлэлт | Тоо |", "| Түнш орон | 4 |",
			"| Түнш | Валют | Дүн | Ханш | Дүн, MNT |",
			"| Орос | RUB | 450,000.00 | 32.30 | 14,535,000.00 |",
			"| **Бүх түнш** | **JPY** | **1,200,000** |  | **хөрвүүлээгүй** |",
			"| Олон талт | 1 | 1 | 1 | 0 |",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.l.Code(), func(t *testing.T) {
			r := sampleReport()
			r.Lang = tt.l
			tp, err := ParseIn("tables.md.tmpl", `{{table "totals"}}
{{table "by-country"}}
{{table "money"}}
{{table "compared"}}`, tt.l)
			if err != nil {
				t.Fatal(err)
			}
			out, err := tp.Execute(r, Markdown)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("no %q in\n%s", w, out)
				}
			}
			for _, en := range []string{"Partner", "All partners", "Multilateral", "not converted", "Agreements", "Activities"} {
				if strings.Contains(string(out), en) {
					t.Errorf("English %q left in\n%s", en, out)
				}
			}
		})
	}
}

// Sorting by name follows the language: Japan comes last in Russian.
func TestCountriesByLocalName(t *testing.T) {
	r := sampleReport()
	r.Lang = lang.Russian
	v, err := NewView(r)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range v.Countries {
		names = append(names, c.Name)
	}
	if got, want := strings.Join(names, ", "), "Китай, Кувейт, Россия, Япония"; got != want {
		t.Errorf("countries %s, want %s", got, want)
	}
	if last := v.ByCountry[len(v.ByCountry)-1]; last.Code != "" || last.Country != "Многосторонние" {
		t.Errorf("the last row is %+v, want the multilateral one", last)
	}
}

// The sentences written from the records take the Russian plural's
// three forms.
func TestFormBTextsInRussian(t *testing.T) {
	tests := []struct {
		activities, meetings, participants, countries int
		features, results                             string
	}{
		{1, 0, 1, 1, "1 мероприятие проведено в рамках меры.",
			"Период 2025 г.: проведено 1 мероприятие с участием 1 человека; действовало сотрудничество с 1 страной-партнёром."},
		{3, 2, 22, 2, "3 мероприятия проведены в рамках меры, в том числе 2 заседания.",
			"Период 2025 г.: проведено 3 мероприятия с участием 22 человек; действовало сотрудничество с 2 странами-партнёрами."},
		{25, 5, 21, 5, "25 мероприятий проведено в рамках меры, в том числе 5 заседаний.",
			"Период 2025 г.: проведено 25 мероприятий с участием 21 человека; действовало сотрудничество с 5 странами-партнёрами."},
		{1, 1, 0, 0, "В рамках меры проведено одно заседание.", "Период 2025 г.: проведено 1 мероприятие."},
	}
	for _, tt := range tests {
		m := Measure{
			Activities:   ActivityList{Count: tt.activities},
			Meetings:     MeetingList{Count: tt.meetings},
			Participants: int64(tt.participants),
			Countries:    make([]Country, tt.countries),
			Report:       &View{Lang: lang.Russian, Period: Period{Name: "2025 г."}},
		}
		if got := m.MainFeatures(); got != tt.features {
			t.Errorf("MainFeatures = %q, want %q", got, tt.features)
		}
		if got := m.ResultsAchieved(); got != tt.results {
			t.Errorf("ResultsAchieved = %q, want %q", got, tt.results)
		}
	}
}

// Every plural entry of the words table has as many forms as its language
// takes.
func TestWordsForms(t *testing.T) {
	for en, w := range words {
		if !strings.Contains(en, "|") {
			continue
		}
		for _, x := range []struct {
			l lang.Lang
			s string
		}{{lang.English, en}, {lang.French, w.FR}, {lang.Mongolian, w.MN}, {lang.Russian, w.RU}} {
			if n := strings.Count(x.s, "|") + 1; n != x.l.Forms() {
				t.Errorf("%q in %s has %d forms, want %d", en, x.l.Name(), n, x.l.Forms())
			}
		}
	}
}

// With country_abbreviations, Mongolian and Russian reports use the
// abbreviations for the short names; formal names stay formal.
func TestAbbreviations(t *testing.T) {
	r := sampleReport()
	r.Lang, r.Abbreviate = lang.Mongolian, true
	v, err := NewView(r)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range v.Countries {
		got[c.Code] = c.Name
	}
	if got["RU"] != "ОХУ" || got["CN"] != "БНХАУ" || got["JP"] != "Япон" {
		t.Errorf("short names %v, want ОХУ, БНХАУ and Япон", got)
	}
}
