package docx

import (
	"strings"

	"coopreport/pipeline/lang"
)

// words are the texts the Word writer writes itself, besides the
// report's text: the running footer, the table of contents' title and
// placeholder, the pictures' names and the document's properties.
var words = lang.Table{
	// The footer's fields take the places of the verbs: PAGE, NUMPAGES.
	"Page %s of %s":        {FR: "Page %s sur %s", MN: "Хуудас %s / %s", RU: "Страница %s из %s"},
	"Contents":             {FR: "Table des matières", MN: "Гарчиг", RU: "Содержание"},
	"No headings to list.": {FR: "Aucun titre à répertorier.", MN: "Жагсаах гарчиг алга.", RU: "Нет заголовков для оглавления."},
	"Chart %s":             {FR: "Graphique %s", MN: "График %s", RU: "Диаграмма %s"},
	"Periodic report, ": {
		FR: "Rapport périodique, ", MN: "Үечилсэн тайлан, ", RU: "Периодический доклад, ",
	},
	"cultural cooperation": {FR: "coopération culturelle", MN: "соёлын хамтын ажиллагаа", RU: "культурное сотрудничество"},
	"periodic report":      {FR: "rapport périodique", MN: "үечилсэн тайлан", RU: "периодический доклад"},
	"Made on %s":           {FR: "Établi le %s", MN: "Бэлтгэсэн огноо: %s", RU: "Подготовлено %s"},
}

// langTag is the language Word and LibreOffice check the spelling of and
// read aloud the text in: British English for English, the spelling of
// UNESCO's texts.
func langTag(l lang.Lang) string {
	switch l {
	case lang.French:
		return "fr-FR"
	case lang.Mongolian:
		return "mn-MN"
	case lang.Russian:
		return "ru-RU"
	}
	return "en-GB"
}

// pageWords splits the footer's "Page %s of %s" in l at its two numbers.
func pageWords(l lang.Lang) (before, between, after string) {
	parts := strings.SplitN(words.In(l, "Page %s of %s"), "%s", 3)
	return parts[0], parts[1], parts[2]
}
