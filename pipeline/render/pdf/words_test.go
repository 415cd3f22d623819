package pdf

import (
	"fmt"
	"strings"
	"testing"

	"coopreport/pipeline/lang"
	"coopreport/pipeline/lang/langtest"
)

func TestWordsComplete(t *testing.T) { langtest.Complete(t, words) }

// languageText is a short report in each language but English: a table
// of contents, a table long enough to be continued and a chart.
var languageText = map[lang.Lang]struct{ md, want string }{
	lang.French: {"# Résumé de la période\n\nLa coopération « culturelle » s’élève à 1\u00a0250\u00a0000,50\u202fMNT ; œuvres.\n",
		"La coopération « culturelle » s’élève à 1 250 000,50 MNT ; œuvres."},
	lang.Mongolian: {"# Тайлант хугацааны тойм\n\nӨнгөрсөн улиралд Үндэсний дуу бүжгийн чуулга ОХУ-д аялан тоглолт хийв.\n",
		"Өнгөрсөн улиралд Үндэсний дуу бүжгийн чуулга ОХУ-д аялан тоглолт хийв."},
	lang.Russian: {"# Обзор отчётного периода\n\nМонголия сотрудничала с Российской Федерацией — № 1 в списке партнёров.\n",
		"Монголия сотрудничала с Российской Федерацией — № 1 в списке партнёров."},
}

// TestLanguages draws a short report in French, Mongolian and Russian:
// the fonts draw all of it (no missing glyph), pdftotext reads the text
// back, and the words the writer draws itself (the footer, the table of
// contents, a continued table, the chart's titles) are in the language.
// The first page, before the page break, is a cover: no footer.
func TestLanguages(t *testing.T) {
	tests := []struct {
		l    lang.Lang
		want []string
	}{
		{lang.French, []string{"Table des matières", "Page 2 sur 5", "Établi le 2 octobre 2025",
			"3e trimestre 2025", "(suite)", "Activités par pays partenaire", "101 activités au total", "Nombre d’activités"}},
		{lang.Mongolian, []string{"Гарчиг", "Хуудас 2 / 5", "Бэлтгэсэн огноо: 2025 оны аравдугаар сарын 2",
			"2025 оны 3-р улирал", "(үргэлжлэл)", "Үйл ажиллагаа, түнш улсаар", "нийт 101 үйл ажиллагаа", "Олон талт"}},
		{lang.Russian, []string{"Содержание", "Страница 2 из 5", "Подготовлено 2 октября 2025 г.",
			"третий квартал 2025 г.", "(продолжение)", "Мероприятия по странам-партнёрам", "всего 101 мероприятие",
			"Число мероприятий", "Россия", "Китай"}},
	}
	for _, tt := range tests {
		t.Run(tt.l.Name(), func(t *testing.T) {
			text := languageText[tt.l]
			var b strings.Builder
			b.WriteString("<!-- toc -->\n\n<!-- page-break -->\n\n" + text.md)
			b.WriteString("\n# Tables\n\n*Table 1. Activities*\n\n| № | Title |\n|--:|:------|\n")
			for i := range 120 {
				fmt.Fprintf(&b, "| %d | %s |\n", i+1, strings.TrimSuffix(text.want, "."))
			}
			b.WriteString("\n# Chart\n\n![Activities](chart:activities-by-country)\n")
			r := sampleReport()
			r.Lang = tt.l
			path, pdf, missing := writeReport(t, b.String(), r, Options{})
			if len(missing) > 0 {
				t.Errorf("missing glyphs: %v", missing)
			}
			got := flat(strings.Join(pages(t, path, false), "\n"))
			for _, w := range append(tt.want, text.want) {
				if !strings.Contains(got, w) {
					t.Errorf("the text lacks %q", w)
				}
			}
			for _, w := range []string{"Contents", "Page 2 of", "(continued)", "Made on", "Activities by partner country", "Multilateral"} {
				if strings.Contains(got, w) {
					t.Errorf("the text has the English %q", w)
				}
			}
			if want := fmt.Sprintf("/Lang (%s)", tt.l.Code()); !strings.Contains(string(pdf), want) {
				t.Errorf("the catalog lacks %s", want)
			}
		})
	}
}

func TestWordsUsed(t *testing.T) { langtest.Used(t, ".", words) }
