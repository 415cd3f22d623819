package chartdraw

import (
	"strings"
	"testing"

	"coopreport/pipeline/lang"
	"coopreport/pipeline/lang/langtest"
)

func TestWordsComplete(t *testing.T) { langtest.Complete(t, words) }

// TestCountForms checks that the entries of words split into forms have
// as many as each language's plural rules take.
func TestCountForms(t *testing.T) {
	for en := range words {
		if !strings.Contains(en, "|") {
			continue
		}
		for _, l := range lang.All {
			if got, want := len(strings.Split(words.In(l, en), "|")), l.Forms(); got != want {
				t.Errorf("%q in %s has %d forms, want %d", en, l.Name(), got, want)
			}
		}
	}
}

// TestLanguages draws the charts in French, Mongolian and Russian: every
// word drawn is in the language, and numbers group their digits as the
// language does (a no-break space in French and Russian).
func TestLanguages(t *testing.T) {
	const nb = "\u00a0"
	tests := []struct {
		l     lang.Lang
		chart string
		want  []string // texts, in document order
	}{
		{lang.French, "activities-by-country", []string{
			"Activités par pays partenaire",
			"3e trimestre 2025" + nb + ": du 1er" + nb + "juillet au 30" + nb + "septembre 2025" + nb + "; 100 activités au total",
			"Russie", "57", "Chine", "40", "Nombre d’activités"}},
		{lang.Russian, "activities-by-country", []string{
			"Мероприятия по странам-партнёрам",
			"Третий квартал 2025" + nb + "г.: с 1" + nb + "июля по 30" + nb + "сентября 2025" + nb + "г.; всего 100 мероприятий",
			"Россия", "57", "Китай", "40", "Число мероприятий"}},
		{lang.Russian, "money-by-bucket", []string{
			"Расходы на мероприятия по месяцам", "Третий квартал 2025" + nb + "г.: с 1" + nb + "июля по 30" + nb + "сентября 2025" + nb + "г.; суммы пересчитаны в MNT", "MNT (млн)",
			"100" + nb + "015" + nb + "432,60", "3" + nb + "518" + nb + "400,00", "Месяц"}},
		{lang.Mongolian, "agreements-timeline", []string{
			"Хүчин төгөлдөр болон байгуулсан гэрээ, сараар", "2025 оны 3-р улирал: 2025 оны долдугаар сарын 1 – 2025 оны есдүгээр сарын 30",
			"Тухайн сард хүчин төгөлдөр байсан гэрээ", "Тухайн сард байгуулсан гэрээ", "Гэрээ", "Сар"}},
		{lang.French, "money-by-bucket", []string{
			"Dépenses consacrées aux activités, par mois", "MNT (millions)", "100" + nb + "015" + nb + "432,60", "Mois"}},
	}
	for _, tt := range tests {
		t.Run(tt.l.Code()+" "+tt.chart, func(t *testing.T) {
			r := sampleReport()
			r.Lang = tt.l
			svg, _, err := SVG(r, tt.chart, "", w)
			if err != nil {
				t.Fatal(err)
			}
			_, _, texts := svgTexts(t, svg)
			if !inOrder(texts, tt.want) {
				t.Errorf("texts %q\nwant in order %q", texts, tt.want)
			}
		})
	}
}

func TestWordsUsed(t *testing.T) { langtest.Used(t, ".", words) }
