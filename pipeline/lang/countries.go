package lang

import (
	_ "embed"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

//go:generate go run gen.go

// countriesTSV holds the French, Mongolian and Russian short and formal
// names of every ISO 3166-1 country: CLDR's short names, iso-codes'
// translations of the formal names, and the fixes of countries_fixes.tsv
// (see gen.go).
//
//go:embed countries.tsv
var countriesTSV string

// countryName is a country's short and formal name in a language; an
// empty formal name is the short name.
type countryName struct{ short, formal string }

// countryNames are the names of countriesTSV, by language and code.
var countryNames = func() map[Lang]map[string]countryName {
	order := []Lang{French, Mongolian, Russian}
	m := map[Lang]map[string]countryName{}
	for _, l := range order {
		m[l] = map[string]countryName{}
	}
	for line := range strings.SplitSeq(countriesTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 1+2*len(order) {
			panic("lang: countries.tsv: a bad row: " + line)
		}
		for i, l := range order {
			m[l][f[0]] = countryName{f[1+2*i], f[2+2*i]}
		}
	}
	return m
}()

// englishShort are the short names the English reports use where CLDR's
// English or the caller's name is the former one: the names each country
// has asked to be called by, as the UN writes them. The other languages'
// names are in countries.tsv.
var englishShort = map[string]string{"TR": "Türkiye", "MK": "North Macedonia", "SZ": "Eswatini",
	"CZ": "Czechia", "HK": "Hong Kong", "MO": "Macao", "PS": "Palestine"}

// abbreviations are the Mongolian and Russian abbreviations of country
// names that official texts use in place of the name, for the reports
// whose configuration asks for them (country_abbreviations = true). Only
// the established ones: an abbreviation shared by two countries (Russian
// РК: Kazakhstan and Korea) is left out.
var abbreviations = map[Lang]map[string]string{
	Mongolian: {
		"RU": "ОХУ",     // Оросын Холбооны Улс
		"CN": "БНХАУ",   // Бүгд Найрамдах Хятад Ард Улс
		"US": "АНУ",     // Америкийн Нэгдсэн Улс
		"KR": "БНСУ",    // Бүгд Найрамдах Солонгос Улс
		"KP": "БНАСАУ",  // Бүгд Найрамдах Ардчилсан Солонгос Ард Улс
		"DE": "ХБНГУ",   // Холбооны Бүгд Найрамдах Герман Улс
		"GB": "ИБУИНВУ", // Их Британи, Умард Ирландын Нэгдсэн Вант Улс
		"AE": "АНЭУ",    // Арабын Нэгдсэн Эмират Улс
		"CZ": "БНЧУ",    // Бүгд Найрамдах Чех Улс
		"VN": "ВСБНУ",   // Вьетнам Социалист Бүгд Найрамдах Улс
		"TR": "БНТУ",    // Бүгд Найрамдах Турк Улс
		"KZ": "БНКазУ",  // Бүгд Найрамдах Казахстан Улс
		"FR": "БНФУ",    // Бүгд Найрамдах Франц Улс
		"IN": "БНЭУ",    // Бүгд Найрамдах Энэтхэг Улс
	},
	Russian: {
		"RU": "РФ",   // Российская Федерация
		"CN": "КНР",  // Китайская Народная Республика
		"US": "США",  // Соединенные Штаты Америки
		"KP": "КНДР", // Корейская Народно-Демократическая Республика
		"DE": "ФРГ",  // Федеративная Республика Германия
		"AE": "ОАЭ",  // Объединенные Арабские Эмираты
		"ZA": "ЮАР",  // Южно-Африканская Республика
		"VN": "СРВ",  // Социалистическая Республика Вьетнам
		"LA": "ЛНДР", // Лаосская Народно-Демократическая Республика
		"CD": "ДРК",  // Демократическая Республика Конго
		"CF": "ЦАР",  // Центрально-Африканская Республика
	},
}

// Country is a country's short name in l, by its ISO 3166-1 alpha-2
// code: in French, Mongolian and Russian the name of countries.tsv
// (CLDR's, with the current names countries have taken), in English
// english or the short form above. english is also returned when the code
// is not one of ISO 3166-1's.
func (l Lang) Country(code, english string) string {
	if l.or() == English {
		if n, ok := englishShort[code]; ok {
			return n
		}
		return english
	}
	if n, ok := countryNames[l][code]; ok {
		return n.short
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

// multilateral names what stands for no single partner country.
var multilateral = map[Lang]string{English: "Multilateral", French: "Multilatéral", Mongolian: "Олон талт", Russian: "Многосторонние"}

// Multilateral is the word the reports use in place of a country for
// multilateral treaties and activities: "Multilateral", "Многосторонние".
func (l Lang) Multilateral() string { return multilateral[l.or()] }

// Abbreviation is the abbreviation official Mongolian or Russian texts
// use for the country ("ОХУ", "БНХАУ", "КНР"), if it has one in l.
func (l Lang) Abbreviation(code string) (string, bool) {
	a, ok := abbreviations[l.or()][code]
	return a, ok
}

// CountryFormal is a country's formal name in l ("Fédération de Russie",
// "Российская Федерация", "Оросын Холбооны Улс"), by its ISO 3166-1
// alpha-2 code; englishFormal in English. Where l has no formal name of
// its own (Japan, and most countries in Mongolian), it is the short name.
func (l Lang) CountryFormal(code, englishFormal string) string {
	if l.or() == English {
		return englishFormal
	}
	if n, ok := countryNames[l][code]; ok && n.formal != "" {
		return n.formal
	}
	return l.Country(code, englishFormal)
}
