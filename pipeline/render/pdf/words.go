package pdf

import (
	"coopreport/pipeline/lang"
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
	"cultural cooperation": {FR: "coopération culturelle", MN: "соёлын хамтын ажиллагаа", RU: "культурное сотрудничество"},
	"periodic report":      {FR: "rapport périodique", MN: "үечилсэн тайлан", RU: "периодический доклад"},
	"Made on %s":           {FR: "Établi le %s", MN: "Бэлтгэсэн огноо: %s", RU: "Подготовлено %s"},
}
