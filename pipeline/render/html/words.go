package html

import (
	"coopreport/pipeline/lang"
)

// words are the texts the web page writer writes itself, besides the
// report's text: the table of contents' title, the "Made on" line and
// the page's metadata.
var words = lang.Table{
	"Contents": {FR: "Table des matières", MN: "Гарчиг", RU: "Содержание"},
	"Periodic report, ": {
		FR: "Rapport périodique, ", MN: "Үечилсэн тайлан, ", RU: "Периодический доклад, ",
	},
	"cultural cooperation": {FR: "coopération culturelle", MN: "соёлын хамтын ажиллагаа", RU: "культурное сотрудничество"},
	"periodic report":      {FR: "rapport périodique", MN: "үечилсэн тайлан", RU: "периодический доклад"},
	"Made on %s":           {FR: "Établi le %s", MN: "Бэлтгэсэн огноо: %s", RU: "Подготовлено %s"},
}
