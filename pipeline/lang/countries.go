package lang

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// shortForms are the short names the reports use where CLDR's data in
// x/text (an older CLDR) still has the former one, or a name a native
// writer would not use in a report: the names each country has asked to
// be called by (Türkiye, North Macedonia, Eswatini, Czechia), as the UN
// and the ministries of foreign affairs write them.
var shortForms = map[Lang]map[string]string{
	English: {"TR": "Türkiye", "MK": "North Macedonia", "SZ": "Eswatini", "CZ": "Czechia",
		"HK": "Hong Kong", "MO": "Macao", "PS": "Palestine"},
	French: {"TR": "Türkiye", "MK": "Macédoine du Nord", "SZ": "Eswatini", "CZ": "Tchéquie",
		"HK": "Hong Kong", "MO": "Macao", "PS": "Palestine"},
	Mongolian: {"TR": "Турк", "MK": "Хойд Македон", "SZ": "Эсватини", "CZ": "Чех",
		"HK": "Хонг Конг", "MO": "Макао", "US": "Америкийн Нэгдсэн Улс", "KR": "Бүгд Найрамдах Солонгос Улс",
		"KP": "Бүгд Найрамдах Ардчилсан Солонгос Ард Улс"},
	Russian: {"TR": "Турция", "MK": "Северная Македония", "SZ": "Эсватини", "CZ": "Чехия",
		"HK": "Гонконг", "MO": "Макао", "US": "Соединённые Штаты Америки", "GB": "Великобритания"},
}

// abbreviations are the Mongolian and Russian abbreviations of country
// names that official texts use in place of the name, for the reports
// whose configuration asks for them (country_abbreviations = true).
var abbreviations = map[Lang]map[string]string{
	Mongolian: {"RU": "ОХУ", "CN": "БНХАУ", "US": "АНУ", "KR": "БНСУ", "KP": "БНАСАУ", "DE": "ХБНГУ",
		"GB": "ИБУИНВУ", "AE": "АНЭУ", "CZ": "БЧУ", "LA": "БНЛАУ", "VN": "ВСБНУ", "TR": "БНТУ", "KZ": "БНКазУ"},
	Russian: {"RU": "РФ", "CN": "КНР", "US": "США", "KR": "Республика Корея", "KP": "КНДР", "DE": "ФРГ",
		"AE": "ОАЭ", "GB": "Великобритания"},
}

// Country is a country's short name in l, by its ISO 3166-1 alpha-2
// code: CLDR's name, or the short form above. english is returned in
// English, and when the code is not one CLDR names.
func (l Lang) Country(code, english string) string {
	if n, ok := shortForms[l.or()][code]; ok {
		return n
	}
	if l.or() == English {
		return english
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return english
	}
	if n := display.Regions(l.Tag()).Name(r); n != "" {
		return n
	}
	return english
}

// Abbreviation is the abbreviation official Mongolian or Russian texts
// use for the country ("ОХУ", "БНХАУ", "КНР"), if it has one in l.
func (l Lang) Abbreviation(code string) (string, bool) {
	a, ok := abbreviations[l.or()][code]
	return a, ok
}

// CountryFormal is a country's formal name in l ("Fédération de Russie",
// "Российская Федерация", "Оросын Холбооны Улс"), by its ISO 3166-1
// alpha-2 code; englishFormal in English. Where l has no formal name of
// its own, it is the short name.
func (l Lang) CountryFormal(code, englishFormal string) string {
	if l.or() == English {
		return englishFormal
	}
	return l.Country(code, englishFormal)
}
