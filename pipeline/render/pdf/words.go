package pdf

import (
	"coopreport/pipeline"
	"coopreport/pipeline/lang"
	"coopreport/pipeline/period"
)

// words are the texts the PDF writer draws or stores itself, besides the
// report's text: the running footer, the table of contents' title, the
// mark of a continued table and the document's properties.
var words = lang.Table{
	"Page %d of %s": {FR: "Page %d sur %s", MN: "Хуудас %d / %s", RU: "Страница %d из %s"},
	"Contents":      {FR: "Table des matières", MN: "Гарчиг", RU: "Содержание"},
	"(continued)":   {FR: "(suite)", MN: "(үргэлжлэл)", RU: "(продолжение)"},
	"Periodic report, ": {
		FR: "Rapport périodique, ", MN: "Үечилсэн тайлан, ", RU: "Периодический доклад, ",
	},
	" (%s to %s)":          {FR: " (du %s au %s)", MN: " (%s – %s)", RU: " (с %s по %s)"},
	"cultural cooperation": {FR: "coopération culturelle", MN: "соёлын хамтын ажиллагаа", RU: "культурное сотрудничество"},
	"periodic report":      {FR: "rapport périodique", MN: "үечилсэн тайлан", RU: "периодический доклад"},
	"Made on %s":           {FR: "Établi le %s", MN: "Бэлтгэсэн огноо: %s", RU: "Подготовлено %s"},
}

// longDate writes d out in l: "23 September 2015", "23 сентября 2015 г.".
func longDate(l lang.Lang, d pipeline.Date) string { return l.Date(d.Year, d.Month, d.Day) }

// periodName is the period in words in l: the name the run gave it in
// English, the label's name in l otherwise; the label itself when it has
// no name.
func periodName(r *pipeline.Report) string {
	name := r.Period.Name
	if r.Lang != lang.English && r.Lang != "" {
		name = period.NameIn(r.Lang, r.Period.Label)
	}
	if name == "" {
		name = r.Period.Label
	}
	return name
}
