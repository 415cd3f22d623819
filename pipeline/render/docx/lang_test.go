package docx_test

import (
	"strings"
	"testing"

	"coopreport/pipeline/lang"
	"coopreport/pipeline/render/docx"
)

// TestLanguages writes the sample in French, Mongolian and Russian: the
// footer, the table of contents' title and the document's properties are
// in the language, and the document says its language to spell checkers
// and screen readers.
func TestLanguages(t *testing.T) {
	tests := []struct {
		l    lang.Lang
		tag  string
		want map[string][]string // part → texts it holds
	}{
		{lang.French, "fr-FR", map[string][]string{
			"word/footer1.xml":  {"Établi le 2\u00a0janvier 2026", ">Page </w:t>", "> sur </w:t>"},
			"word/document.xml": {">Table des matières<"},
			"docProps/core.xml": {"<dc:subject>Rapport périodique, 2012–2015 (du 1er\u00a0janvier 2012 au 31\u00a0décembre 2015)</dc:subject>",
				"coopération culturelle, rapport périodique"},
			"word/header1.xml": {"2012–2015"},
		}},
		{lang.Mongolian, "mn-MN", map[string][]string{
			"word/footer1.xml":  {"Бэлтгэсэн огноо: 2026 оны нэгдүгээр сарын 2", ">Хуудас </w:t>", "> / </w:t>"},
			"word/document.xml": {">Гарчиг<"},
			"docProps/core.xml": {"Үечилсэн тайлан, 2012–2015 он"},
		}},
		{lang.Russian, "ru-RU", map[string][]string{
			"word/footer1.xml":  {"Подготовлено 2\u00a0января 2026\u00a0г.", ">Страница </w:t>", "> из </w:t>"},
			"word/document.xml": {">Содержание<", `name="Диаграмма `},
			"docProps/core.xml": {"<dc:subject>Периодический доклад, 2012–2015\u00a0гг. (с 1\u00a0января 2012\u00a0г. по 31\u00a0декабря 2015\u00a0г.)</dc:subject>"},
			"word/header1.xml":  {"2012–2015\u00a0гг."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.l.Name(), func(t *testing.T) {
			r := sampleReport()
			r.Lang = tt.l
			_, files := parts(t, write(t, sample, r, docx.Options{Chart: fakeChart}))
			for part, texts := range tt.want {
				for _, s := range texts {
					if !strings.Contains(files[part], s) {
						t.Errorf("%s lacks %q:\n%s", part, s, files[part])
					}
				}
			}
			for part, s := range map[string]string{
				"word/styles.xml":   `<w:lang w:val="` + tt.tag + `"/>`,
				"docProps/core.xml": "<dc:language>" + tt.tag + "</dc:language>",
				"word/settings.xml": `<w:themeFontLang w:val="` + tt.tag + `"/>`,
			} {
				if !strings.Contains(files[part], s) {
					t.Errorf("%s lacks %s", part, s)
				}
			}
			for _, en := range []string{"Made on", ">Contents<", "> of </w:t>", "Periodic report", `name="Chart `} {
				for part, data := range files {
					if strings.Contains(data, en) {
						t.Errorf("%s has the English %q", part, en)
					}
				}
			}
		})
	}
}

// TestLanguagesLibreOffice lays a Russian document out with LibreOffice:
// the footer's fields sit in the Russian words.
func TestLanguagesLibreOffice(t *testing.T) {
	r := sampleReport()
	r.Lang = lang.Russian
	text, _ := toPDF(t, saveSample(t, sample, r))
	flat := strings.Join(strings.Fields(text), " ")
	for _, s := range []string{"Содержание", "Подготовлено 2 января 2026 г.", "Страница 4 из 4"} {
		if !strings.Contains(flat, s) {
			t.Errorf("LibreOffice's PDF lacks %q:\n%s", s, flat)
		}
	}
}
