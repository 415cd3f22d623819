package xlsx

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
)

// TestLanguages: the workbook in French, Mongolian and Russian names its
// sheets, heads its registers and writes its About sheet in the language,
// and every formula and defined name refers to a sheet it has.
func TestLanguages(t *testing.T) {
	for _, c := range []struct {
		l          lang.Lang
		sheets     []string
		activities []string // the first headers of the Activities sheet
		about      [2]string
		country    string // the name of Japan on the Summary sheet
	}{
		{lang.French, []string{"Résumé", "Finances", "Accords", "Activités", "Problèmes de données", "À propos"},
			[]string{"Identifiant", "Date", "Fin", "Code pays", "Pays"}, [2]string{"Partie déclarante", ""}, "Japon"},
		{lang.Mongolian, []string{"Хураангуй", "Санхүү", "Гэрээ", "Үйл ажиллагаа", "Өгөгдлийн алдаа", "Тухай"},
			[]string{"Дугаар", "Огноо", "Дуусах огноо", "Улсын код", "Улс"}, [2]string{"Тайлагнагч тал", ""}, "Япон"},
		{lang.Russian, []string{"Сводка", "Финансы", "Соглашения", "Мероприятия", "Ошибки данных", "О документе"},
			[]string{"Идентификатор", "Дата", "Окончание", "Код страны", "Страна"}, [2]string{"Представляющая сторона", ""}, "Япония"},
	} {
		t.Run(c.l.Code(), func(t *testing.T) {
			r := testReport(t)
			r.Lang = c.l
			f := openBook(t, writeBook(t, r))
			if got := f.GetSheetList(); !slices.Equal(got, c.sheets) {
				t.Fatalf("sheets = %q, want %q", got, c.sheets)
			}
			rows, err := f.GetRows(c.sheets[3])
			if err != nil || len(rows) == 0 {
				t.Fatalf("reading %s: %v", c.sheets[3], err)
			}
			if got := rows[0][:len(c.activities)]; !slices.Equal(got, c.activities) {
				t.Errorf("the headers of %s = %q, want %q", c.sheets[3], got, c.activities)
			}
			about, _ := f.GetRows(c.sheets[5])
			found := false
			for _, row := range about {
				if len(row) > 0 && row[0] == c.about[0] {
					found = true
				}
				for _, cell := range row {
					for _, en := range []string{"Reporting party", "What this file is", "Input file", "Definition", "All countries"} {
						if cell == en {
							t.Errorf("the About sheet has %q in English", en)
						}
					}
				}
			}
			if !found {
				t.Errorf("the About sheet has no line %q", c.about[0])
			}
			summary, _ := f.GetRows(c.sheets[0])
			hasCountry := false
			for _, row := range summary {
				hasCountry = hasCountry || slices.Contains(row, c.country)
			}
			if !hasCountry {
				t.Errorf("the Summary sheet does not name %q", c.country)
			}
			// Every sheet a formula or defined name refers to exists.
			quoted := regexp.MustCompile(`'((?:[^']|'')+)'!`)
			check := func(where, formula string) {
				if strings.Contains(formula, "!") && !quoted.MatchString(formula) {
					t.Errorf("%s: %s refers to a sheet unquoted", where, formula)
				}
				for _, m := range quoted.FindAllStringSubmatch(formula, -1) {
					name := strings.ReplaceAll(m[1], "''", "'")
					if !slices.Contains(c.sheets, name) {
						t.Errorf("%s: %s refers to the sheet %q, which the workbook does not have", where, formula, name)
					}
				}
			}
			formulas := 0
			for _, s := range c.sheets {
				rows, _ := f.GetRows(s)
				for i, row := range rows {
					for j := range row {
						cell := ref(j+1, i+1)
						if fm, _ := f.GetCellFormula(s, cell); fm != "" {
							formulas++
							check(s+"!"+cell, fm)
						}
					}
				}
			}
			if formulas == 0 {
				t.Error("no formula found")
			}
			for _, d := range f.GetDefinedName() {
				check(d.Name, d.RefersTo)
			}
		})
	}
}

// TestConversionPath: the Conversion column writes the rates as the
// register gives them, not grouped, with the language's decimal mark, as
// the report writes rates; English as before.
func TestConversionPath(t *testing.T) {
	year := pipeline.RateSpan{Label: "2025", From: day(2025, 1, 1), To: day(2025, 12, 31)}
	rates := []pipeline.Rate{
		{Currency: "USD", Base: "MNT", Span: year, Rate: dec(t, "12970.31")},
		{Currency: "CNY", Base: "MNT", Span: year, Rate: dec(t, "278.10")},
	}
	on := day(2025, 5, 1)
	for _, c := range []struct {
		l       lang.Lang
		inverse string
		via     string
	}{
		{lang.English, "1 USD = 12970.31 MNT", "via MNT: 1 CNY = 278.10 MNT, 1 USD = 12970.31 MNT"},
		{lang.French, "1 USD = 12970,31 MNT", "via MNT : 1 CNY = 278,10 MNT ; 1 USD = 12970,31 MNT"},
		{lang.Mongolian, "1 USD = 12970.31 MNT", "MNT-аар дамжуулан: 1 CNY = 278.10 MNT, 1 USD = 12970.31 MNT"},
		{lang.Russian, "1 USD = 12970,31 MNT", "через MNT: 1 CNY = 278,10 MNT; 1 USD = 12970,31 MNT"},
	} {
		b := &book{r: &pipeline.Report{Lang: c.l, Currency: "USD", Rates: pipeline.NewRates("USD", rates)}}
		if got := b.path("MNT", on); got != c.inverse {
			t.Errorf("%s: MNT = %q, want %q", c.l.Code(), got, c.inverse)
		}
		if got := b.path("CNY", on); got != c.via {
			t.Errorf("%s: CNY = %q, want %q", c.l.Code(), got, c.via)
		}
		if got := b.path("USD", on); got != "" {
			t.Errorf("%s: USD = %q, want none", c.l.Code(), got)
		}
	}
}
