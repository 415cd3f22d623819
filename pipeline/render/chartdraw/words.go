package chartdraw

import (
	"unicode"
	"unicode/utf8"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
)

// words are the texts drawn inside the charts: titles, subtitles, axis
// titles, legends, the units of the axes and what an empty chart says.
// Texts that name the buckets ("by month") are whole phrases for each of
// month, quarter, year and bucket, since the languages decline the noun.
var words = lang.Table{
	"Activities by partner country": {FR: "Activités par pays partenaire", MN: "Үйл ажиллагаа, түнш улсаар", RU: "Мероприятия по странам-партнёрам"},
	"Number of activities":          {FR: "Nombre d’activités", MN: "Үйл ажиллагааны тоо", RU: "Число мероприятий"},
	"No activities in the period.":  {FR: "Aucune activité au cours de la période.", MN: "Тайлант хугацаанд үйл ажиллагаа байхгүй.", RU: "За отчётный период мероприятий нет."},
	// The forms of the noun a count takes, split at "|" (lang.Count):
	// one, other; in Russian one, few, many.
	"activity|activities": {FR: "activité|activités", MN: "үйл ажиллагаа|үйл ажиллагаа", RU: "мероприятие|мероприятия|мероприятий"},
	"%s in all":           {FR: "%s au total", MN: "нийт %s", RU: "всего %s"},
	"Agreements":          {FR: "Accords", MN: "Гэрээ", RU: "Соглашения"},
	"No agreements in force in the period.": {
		FR: "Aucun accord en vigueur au cours de la période.",
		MN: "Тайлант хугацаанд хүчин төгөлдөр гэрээ байхгүй.",
		RU: "В отчётный период действующих соглашений нет.",
	},
	"No amounts in the period.": {FR: "Aucun montant au cours de la période.", MN: "Тайлант хугацаанд дүн байхгүй.", RU: "За отчётный период сумм нет."},
	"Amount in %s":              {FR: "Montant en %s", MN: "Дүн, %s", RU: "Сумма, %s"},
	"Amounts in %s":             {FR: "Montants en %s", MN: "Дүн, %s", RU: "Суммы, %s"},
	"amounts converted to %s":   {FR: "montants convertis en %s", MN: "дүнг %s валютад хөрвүүлсэн", RU: "суммы пересчитаны в %s"},
	"no reporting currency set, so each currency is shown on its own scale, not converted": {
		FR: "aucune monnaie de rapport n’est définie\u00a0: chaque monnaie figure sur sa propre échelle, sans conversion",
		MN: "тайлангийн валют тогтоогоогүй тул валют бүрийг хөрвүүлэлгүй, тус тусын хуваарьт харуулав",
		RU: "валюта отчёта не задана, поэтому каждая валюта показана в своём масштабе, без пересчёта",
	},
	// French sets a no-break space before a colon and a semicolon.
	"%s: %s":    {FR: "%s\u00a0: %s", MN: "%s: %s", RU: "%s: %s"},
	"; ":        {FR: "\u00a0; ", MN: "; ", RU: "; "},
	"Period %s": {FR: "Période %s", MN: "Хугацаа: %s", RU: "Период %s"},
	"%s to %s":  {FR: "du %s au %s", MN: "%s – %s", RU: "с %s по %s"},
	"billions":  {FR: "milliards", MN: "тэрбум", RU: "млрд"},
	"millions":  {FR: "millions", MN: "сая", RU: "млн"},
	"thousands": {FR: "milliers", MN: "мянга", RU: "тыс."},

	"Agreements in force and signed, by month":   {FR: "Accords en vigueur et accords signés, par mois", MN: "Хүчин төгөлдөр болон байгуулсан гэрээ, сараар", RU: "Действующие и подписанные соглашения по месяцам"},
	"Agreements in force and signed, by quarter": {FR: "Accords en vigueur et accords signés, par trimestre", MN: "Хүчин төгөлдөр болон байгуулсан гэрээ, улирлаар", RU: "Действующие и подписанные соглашения по кварталам"},
	"Agreements in force and signed, by year":    {FR: "Accords en vigueur et accords signés, par année", MN: "Хүчин төгөлдөр болон байгуулсан гэрээ, жилээр", RU: "Действующие и подписанные соглашения по годам"},
	"Agreements in force and signed, by bucket":  {FR: "Accords en vigueur et accords signés, par période", MN: "Хүчин төгөлдөр болон байгуулсан гэрээ, үеэр", RU: "Действующие и подписанные соглашения по периодам"},
	"Agreements in force during the month":       {FR: "Accords en vigueur au cours du mois", MN: "Тухайн сард хүчин төгөлдөр байсан гэрээ", RU: "Соглашения, действовавшие в течение месяца"},
	"Agreements in force during the quarter":     {FR: "Accords en vigueur au cours du trimestre", MN: "Тухайн улиралд хүчин төгөлдөр байсан гэрээ", RU: "Соглашения, действовавшие в течение квартала"},
	"Agreements in force during the year":        {FR: "Accords en vigueur au cours de l’année", MN: "Тухайн жилд хүчин төгөлдөр байсан гэрээ", RU: "Соглашения, действовавшие в течение года"},
	"Agreements in force during the bucket":      {FR: "Accords en vigueur au cours de la période", MN: "Тухайн үед хүчин төгөлдөр байсан гэрээ", RU: "Соглашения, действовавшие в течение периода"},
	"Agreements signed in the month":             {FR: "Accords signés au cours du mois", MN: "Тухайн сард байгуулсан гэрээ", RU: "Соглашения, подписанные в течение месяца"},
	"Agreements signed in the quarter":           {FR: "Accords signés au cours du trimestre", MN: "Тухайн улиралд байгуулсан гэрээ", RU: "Соглашения, подписанные в течение квартала"},
	"Agreements signed in the year":              {FR: "Accords signés au cours de l’année", MN: "Тухайн жилд байгуулсан гэрээ", RU: "Соглашения, подписанные в течение года"},
	"Agreements signed in the bucket":            {FR: "Accords signés au cours de la période", MN: "Тухайн үед байгуулсан гэрээ", RU: "Соглашения, подписанные в течение периода"},
	"Money spent on activities, by month":        {FR: "Dépenses consacrées aux activités, par mois", MN: "Үйл ажиллагаанд зарцуулсан хөрөнгө, сараар", RU: "Расходы на мероприятия по месяцам"},
	"Money spent on activities, by quarter":      {FR: "Dépenses consacrées aux activités, par trimestre", MN: "Үйл ажиллагаанд зарцуулсан хөрөнгө, улирлаар", RU: "Расходы на мероприятия по кварталам"},
	"Money spent on activities, by year":         {FR: "Dépenses consacrées aux activités, par année", MN: "Үйл ажиллагаанд зарцуулсан хөрөнгө, жилээр", RU: "Расходы на мероприятия по годам"},
	"Money spent on activities, by bucket":       {FR: "Dépenses consacrées aux activités, par période", MN: "Үйл ажиллагаанд зарцуулсан хөрөнгө, үеэр", RU: "Расходы на мероприятия по периодам"},
	"Month":                                      {FR: "Mois", MN: "Сар", RU: "Месяц"},
	"Quarter":                                    {FR: "Trimestre", MN: "Улирал", RU: "Квартал"},
	"Year":                                       {FR: "Année", MN: "Жил", RU: "Год"},
	"Bucket":                                     {FR: "Période", MN: "Үе", RU: "Период"},
}

// count writes n with its noun in the chart's language: "26 activities",
// "26 мероприятий". forms is the English key of words, "one|other".
func (c *data) count(n int, forms string) string { return words.Count(c.r.Lang, int64(n), forms) }

// integer writes n as the chart's language groups digits: "12,345",
// "12 345" (a no-break space).
func (c *data) integer(n int) string { return c.r.Lang.Int(int64(n)) }

// money writes d with the minor units of code, grouped as the language
// groups digits: "1,250,000.50", "1 250 000,50".
func (c *data) money(d pipeline.Decimal, code string) string {
	return c.r.Lang.Digits(pipeline.Plain(d, code))
}

// capitalFirst upper-cases the first letter of s, whatever its script.
func capitalFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
