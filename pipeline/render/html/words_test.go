package html

import (
	"strings"
	"testing"

	"coopreport/pipeline/lang"
	"coopreport/pipeline/lang/langtest"
)

func TestWordsComplete(t *testing.T) { langtest.Complete(t, words) }

// TestLanguages writes the sample page in each language: <html lang>, the
// table of contents' name, the "Made on" line and the metadata follow it.
func TestLanguages(t *testing.T) {
	tests := []struct {
		l    lang.Lang
		want []string
	}{
		{lang.English, []string{`<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">`, "Contents", "Made on 2 October 2025",
			`content="Periodic report, third quarter of 2025 (from 1 July to 30 September 2025)"`}},
		{lang.French, []string{`lang="fr" xml:lang="fr"`, "Table des matières", "Établi le 2\u00a0octobre 2025",
			"content=\"Rapport périodique, 3e trimestre 2025 (du 1er\u00a0juillet au 30\u00a0septembre 2025)\"",
			`content="coopération culturelle, rapport périodique, Mongolia, 2025-Q3"`}},
		{lang.Mongolian, []string{`lang="mn" xml:lang="mn"`, "Гарчиг", "Бэлтгэсэн огноо: 2025 оны аравдугаар сарын 2"}},
		{lang.Russian, []string{`lang="ru" xml:lang="ru"`, "Содержание", "Подготовлено 2\u00a0октября 2025\u00a0г.",
			"content=\"Периодический доклад, третий квартал 2025\u00a0г. (с 1\u00a0июля по 30\u00a0сентября 2025\u00a0г.)\""}},
	}
	for _, tt := range tests {
		t.Run(tt.l.Name(), func(t *testing.T) {
			r := sampleReport()
			r.Lang = tt.l
			var calls []string
			page := string(render(t, sampleMD, r, Options{Chart: fakeChart(&calls)}))
			for _, s := range tt.want {
				if !strings.Contains(page, s) {
					t.Errorf("the page lacks %q", s)
				}
			}
			if tt.l == lang.English {
				return
			}
			for _, en := range []string{`lang="en"`, "Made on", ">Contents<", `"Contents"`, "Periodic report"} {
				if strings.Contains(page, en) {
					t.Errorf("the page has the English %q", en)
				}
			}
		})
	}
}

func TestWordsUsed(t *testing.T) { langtest.Used(t, ".", words) }
