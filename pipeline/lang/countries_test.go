package lang

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestCountryNames pins the short and formal names of the countries that
// matter most to Mongolia's cooperation (neighbours, Asia, Europe, the CIS,
// the Americas), every country of the example input, and the countries
// whose names changed since x/text's CLDR. Columns: code, French short and
// formal, Mongolian short and formal, Russian short and formal.
func TestCountryNames(t *testing.T) {
	for _, c := range []struct{ code, fr, frFormal, mn, mnFormal, ru, ruFormal string }{
		{"RU", "Russie", "Fédération de Russie", "Орос", "Оросын Холбооны Улс", "Россия", "Российская Федерация"},
		{"CN", "Chine", "République populaire de Chine", "Хятад", "Бүгд Найрамдах Хятад Ард Улс", "Китай", "Китайская Народная Республика"},
		{"MN", "Mongolie", "Mongolie", "Монгол", "Монгол Улс", "Монголия", "Монголия"},
		{"JP", "Japon", "Japon", "Япон", "Япон Улс", "Япония", "Япония"},
		{"KR", "Corée du Sud", "République de Corée", "Өмнөд Солонгос", "Бүгд Найрамдах Солонгос Улс", "Республика Корея", "Республика Корея"},
		{"KP", "Corée du Nord", "République populaire démocratique de Corée", "Хойд Солонгос", "Бүгд Найрамдах Ардчилсан Солонгос Ард Улс", "КНДР", "Корейская Народно-Демократическая Республика"},
		{"US", "États-Unis", "États-Unis d’Amérique", "Америкийн Нэгдсэн Улс", "Америкийн Нэгдсэн Улс", "США", "Соединенные Штаты Америки"},
		{"DE", "Allemagne", "République fédérale d’Allemagne", "Герман", "Холбооны Бүгд Найрамдах Герман Улс", "Германия", "Федеративная Республика Германия"},
		{"FR", "France", "République française", "Франц", "Бүгд Найрамдах Франц Улс", "Франция", "Французская Республика"},
		{"GB", "Royaume-Uni", "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", "Их Британи", "Их Британи, Умард Ирландын Нэгдсэн Вант Улс", "Великобритания", "Соединенное Королевство Великобритании и Северной Ирландии"},
		{"IT", "Italie", "République italienne", "Итали", "Бүгд Найрамдах Итали Улс", "Италия", "Итальянская Республика"},
		{"ES", "Espagne", "Royaume d’Espagne", "Испани", "Испанийн Вант Улс", "Испания", "Королевство Испания"},
		{"TR", "Türkiye", "République de Türkiye", "Турк", "Бүгд Найрамдах Турк Улс", "Турция", "Турецкая Республика"},
		{"KZ", "Kazakhstan", "République du Kazakhstan", "Казахстан", "Бүгд Найрамдах Казахстан Улс", "Казахстан", "Республика Казахстан"},
		{"UZ", "Ouzbékistan", "République d’Ouzbékistan", "Узбекистан", "Бүгд Найрамдах Узбекистан Улс", "Узбекистан", "Республика Узбекистан"},
		{"KG", "Kirghizistan", "République kirghize", "Кыргызстан", "Кыргызстан", "Кыргызстан", "Кыргызская Республика"},
		{"TJ", "Tadjikistan", "République du Tadjikistan", "Тажикистан", "Бүгд Найрамдах Тажикистан Улс", "Таджикистан", "Республика Таджикистан"},
		{"AZ", "Azerbaïdjan", "République d’Azerbaïdjan", "Азербайжан", "Бүгд Найрамдах Азербайжан Улс", "Азербайджан", "Республика Азербайджан"},
		{"AM", "Arménie", "République d’Arménie", "Армени", "Бүгд Найрамдах Армени Улс", "Армения", "Республика Армения"},
		{"GE", "Géorgie", "Géorgie", "Гүрж", "Гүрж", "Грузия", "Грузия"},
		{"BY", "Bélarus", "République du Bélarus", "Беларусь", "Бүгд Найрамдах Беларусь Улс", "Беларусь", "Республика Беларусь"},
		{"UA", "Ukraine", "Ukraine", "Украин", "Украин", "Украина", "Украина"},
		{"IN", "Inde", "République de l’Inde", "Энэтхэг", "Бүгд Найрамдах Энэтхэг Улс", "Индия", "Республика Индия"},
		{"VN", "Vietnam", "République socialiste du Viet Nam", "Вьетнам", "Вьетнам Социалист Бүгд Найрамдах Улс", "Вьетнам", "Социалистическая Республика Вьетнам"},
		{"LA", "Laos", "République démocratique populaire lao", "Лаос", "Лаос", "Лаос", "Лаосская Народно-Демократическая Республика"},
		{"TH", "Thaïlande", "Royaume de Thaïlande", "Тайланд", "Тайландын Вант Улс", "Таиланд", "Королевство Таиланд"},
		{"KH", "Cambodge", "Royaume du Cambodge", "Камбож", "Камбожийн Вант Улс", "Камбоджа", "Королевство Камбоджа"},
		{"MM", "Myanmar", "République de Myanmar", "Мьянмар", "Мьянмар", "Мьянма", "Республика Мьянма"},
		{"ID", "Indonésie", "République d’Indonésie", "Индонез", "Бүгд Найрамдах Индонез Улс", "Индонезия", "Республика Индонезия"},
		{"PH", "Philippines", "République des Philippines", "Филиппин", "Бүгд Найрамдах Филиппин Улс", "Филиппины", "Республика Филиппины"},
		{"SG", "Singapour", "République de Singapour", "Сингапур", "Бүгд Найрамдах Сингапур Улс", "Сингапур", "Республика Сингапур"},
		{"AU", "Australie", "Australie", "Австрали", "Австрали", "Австралия", "Австралия"},
		{"CA", "Canada", "Canada", "Канад", "Канад", "Канада", "Канада"},
		{"BR", "Brésil", "République fédérale du Brésil", "Бразил", "Бразил", "Бразилия", "Федеративная Республика Бразилия"},
		{"CU", "Cuba", "République de Cuba", "Куба", "Бүгд Найрамдах Куба Улс", "Куба", "Республика Куба"},
		{"PL", "Pologne", "République de Pologne", "Польш", "Бүгд Найрамдах Польш Улс", "Польша", "Республика Польша"},
		{"CZ", "Tchéquie", "République tchèque", "Чех", "Бүгд Найрамдах Чех Улс", "Чехия", "Чешская Республика"},
		{"HU", "Hongrie", "Hongrie", "Унгар", "Унгар Улс", "Венгрия", "Венгрия"},
		{"AT", "Autriche", "République d’Autriche", "Австри", "Бүгд Найрамдах Австри Улс", "Австрия", "Австрийская Республика"},
		{"BG", "Bulgarie", "République de Bulgarie", "Болгар", "Бүгд Найрамдах Болгар Улс", "Болгария", "Республика Болгария"},
		{"RO", "Roumanie", "Roumanie", "Румын", "Румын Улс", "Румыния", "Румыния"},
		{"GR", "Grèce", "République grecque", "Грек", "Бүгд Найрамдах Грек Улс", "Греция", "Греческая Республика"},
		{"LV", "Lettonie", "République de Lettonie", "Латви", "Бүгд Найрамдах Латви Улс", "Латвия", "Латвийская Республика"},
		{"LT", "Lituanie", "République de Lituanie", "Литва", "Бүгд Найрамдах Литва Улс", "Литва", "Литовская Республика"},
		{"EE", "Estonie", "République d’Estonie", "Эстони", "Бүгд Найрамдах Эстони Улс", "Эстония", "Эстонская Республика"},
		{"SE", "Suède", "Royaume de Suède", "Швед", "Шведийн Вант Улс", "Швеция", "Королевство Швеция"},
		{"NO", "Norvège", "Royaume de Norvège", "Норвеги", "Норвегийн Вант Улс", "Норвегия", "Королевство Норвегия"},
		{"DK", "Danemark", "Royaume du Danemark", "Дани", "Данийн Вант Улс", "Дания", "Королевство Дания"},
		{"FI", "Finlande", "République de Finlande", "Финланд", "Бүгд Найрамдах Финланд Улс", "Финляндия", "Финляндская Республика"},
		{"NL", "Pays-Bas", "Royaume des Pays-Bas", "Нидерланд", "Нидерландын Вант Улс", "Нидерланды", "Королевство Нидерландов"},
		{"CH", "Suisse", "Confédération helvétique", "Швейцарь", "Швейцарийн Холбооны Улс", "Швейцария", "Швейцарская Конфедерация"},
		{"IL", "Israël", "État d’Israël", "Израил", "Израил Улс", "Израиль", "Государство Израиль"},
		{"KW", "Koweït", "État du Koweït", "Кувейт", "Кувейт Улс", "Кувейт", "Государство Кувейт"},
		{"AE", "Émirats arabes unis", "Émirats arabes unis", "Арабын Нэгдсэн Эмират Улс", "Арабын Нэгдсэн Эмират Улс", "ОАЭ", "Объединенные Арабские Эмираты"},
		{"EG", "Égypte", "République arabe d’Égypte", "Египет", "Бүгд Найрамдах Араб Египет Улс", "Египет", "Арабская Республика Египет"},
		{"NP", "Népal", "République fédérale démocratique du Népal", "Балба", "Балба", "Непал", "Федеративная Демократическая Республика Непал"},
		{"HK", "Hong Kong", "Région administrative spéciale de Hong Kong (Chine)", "Хонг Конг", "БНХАУ-ын Тусгай захиргааны бүс Хонг Конг", "Гонконг", "Специальный административный район Гонконг (Китай)"},
		{"MO", "Macao", "Région administrative spéciale de Macao (Chine)", "Макао", "БНХАУ-ын Тусгай захиргааны бүс Макао", "Макао", "Специальный административный район Макао (Китай)"},
		{"PS", "Palestine", "État de Palestine", "Палестин", "Палестин", "Палестина", "Государство Палестина"},
		{"MK", "Macédoine du Nord", "République de Macédoine du Nord", "Хойд Македон", "Хойд Македон", "Северная Македония", "Республика Северная Македония"},
		{"SZ", "Eswatini", "Royaume d’Eswatini", "Эсватини", "Эсватини", "Эсватини", "Королевство Эсватини"},
		{"TL", "Timor-Leste", "République démocratique du Timor-Leste", "Тимор-Лесте", "Тимор-Лесте", "Тимор-Лешти", "Демократическая Республика Тимор-Лешти"},
		{"CV", "Cabo Verde", "République de Cabo Verde", "Кабо-Верде", "Кабо-Верде", "Кабо-Верде", "Республика Кабо-Верде"},
		{"CI", "Côte d’Ivoire", "République de Côte d’Ivoire", "Кот-д’Ивуар", "Кот-д’Ивуар", "Кот-д’Ивуар", "Республика Кот-д’Ивуар"},
		{"CD", "République démocratique du Congo", "République démocratique du Congo", "Бүгд Найрамдах Ардчилсан Конго", "Бүгд Найрамдах Ардчилсан Конго", "Демократическая Республика Конго", "Демократическая Республика Конго"},
		{"ZA", "Afrique du Sud", "République d’Afrique du Sud", "Өмнөд Африк", "Өмнөд Африк", "Южная Африка", "Южно-Африканская Республика"},
	} {
		for _, w := range []struct {
			l             Lang
			short, formal string
		}{{French, c.fr, c.frFormal}, {Mongolian, c.mn, c.mnFormal}, {Russian, c.ru, c.ruFormal}} {
			if got := w.l.Country(c.code, "English"); got != w.short {
				t.Errorf("%s Country(%s) = %q, want %q", w.l, c.code, got, w.short)
			}
			if got := w.l.CountryFormal(c.code, "English formal"); got != w.formal {
				t.Errorf("%s CountryFormal(%s) = %q, want %q", w.l, c.code, got, w.formal)
			}
		}
	}
	// English is the caller's, but for the names the UN has changed.
	if got := English.CountryFormal("RU", "Russian Federation"); got != "Russian Federation" {
		t.Errorf("English formal: %q", got)
	}
	if got := English.Country("TR", "Turkey"); got != "Türkiye" {
		t.Errorf("English Türkiye: %q", got)
	}
	// A code outside ISO 3166-1: CLDR's name, or the caller's.
	if got := French.Country("XK", "Kosovo"); got != "Kosovo" {
		t.Errorf("French XK: %q", got)
	}
	if got := Russian.Country("??", "Somewhere"); got != "Somewhere" {
		t.Errorf("bad code: %q", got)
	}
}

// TestCountryConventions checks every name of countries.tsv against the
// conventions gen.go applies: no Russian ё, CLDR's abbreviations written
// out, the typographic apostrophe, a capital first letter, and no name
// CLDR writes in a form a report would not ("R.A.S.", "(САР)", Swaziland).
func TestCountryConventions(t *testing.T) {
	for _, l := range []Lang{French, Mongolian, Russian} {
		if n := len(countryNames[l]); n != 249 {
			t.Errorf("%s: %d countries, want the 249 of ISO 3166-1", l, n)
		}
		for code, n := range countryNames[l] {
			if n.short == "" {
				t.Errorf("%s %s: no short name", l, code)
			}
			for _, s := range []string{n.short, n.formal} {
				if s == "" {
					continue
				}
				if r := []rune(s)[0]; !unicode.IsUpper(r) && !unicode.IsDigit(r) {
					t.Errorf("%s %s: %q starts with a small letter", l, code, s)
				}
				for _, bad := range []string{"'", "\u0301", "ё", "Ё", "о-в", "R.A.S.", "(САР)", "Swaziland", "Свази", "Macédoine,", "  "} {
					if strings.Contains(s, bad) {
						t.Errorf("%s %s: %q has %q", l, code, s, bad)
					}
				}
			}
		}
	}
}

func TestAbbreviations(t *testing.T) {
	for _, c := range []struct {
		l          Lang
		code, want string
	}{
		{Mongolian, "RU", "ОХУ"}, {Mongolian, "CN", "БНХАУ"}, {Mongolian, "US", "АНУ"}, {Mongolian, "KR", "БНСУ"},
		{Mongolian, "KP", "БНАСАУ"}, {Mongolian, "DE", "ХБНГУ"}, {Mongolian, "GB", "ИБУИНВУ"}, {Mongolian, "AE", "АНЭУ"},
		{Mongolian, "CZ", "БНЧУ"}, {Mongolian, "VN", "ВСБНУ"}, {Mongolian, "TR", "БНТУ"}, {Mongolian, "KZ", "БНКазУ"},
		{Mongolian, "FR", "БНФУ"}, {Mongolian, "IN", "БНЭУ"},
		{Russian, "RU", "РФ"}, {Russian, "CN", "КНР"}, {Russian, "US", "США"}, {Russian, "KP", "КНДР"},
		{Russian, "DE", "ФРГ"}, {Russian, "AE", "ОАЭ"}, {Russian, "ZA", "ЮАР"}, {Russian, "VN", "СРВ"},
		{Russian, "LA", "ЛНДР"}, {Russian, "CD", "ДРК"}, {Russian, "CF", "ЦАР"},
	} {
		if got, ok := c.l.Abbreviation(c.code); !ok || got != c.want {
			t.Errorf("%s Abbreviation(%s) = %q, %v, want %q", c.l, c.code, got, ok, c.want)
		}
	}
	// None where the short name is the usual one, or where an abbreviation
	// would be shared (Russian РК: Kazakhstan and Korea), nor in English
	// and French.
	for _, c := range []struct {
		l    Lang
		code string
	}{{Russian, "KR"}, {Russian, "KZ"}, {Russian, "GB"}, {Mongolian, "JP"}, {Mongolian, "LA"}, {English, "US"}, {French, "RU"}} {
		if a, ok := c.l.Abbreviation(c.code); ok {
			t.Errorf("%s Abbreviation(%s) = %q, want none", c.l, c.code, a)
		}
	}
	// Each an abbreviation in capitals (but for the "аз" of БНКазУ), each
	// of one country, each of a country the table names.
	for l, m := range abbreviations {
		seen := map[string]string{}
		for code, a := range m {
			if strings.ToUpper(a) != a && a != "БНКазУ" {
				t.Errorf("%s %s: %q is not in capitals", l, code, a)
			}
			if other, ok := seen[a]; ok {
				t.Errorf("%s: %q is both %s and %s", l, a, code, other)
			}
			seen[a] = code
			if _, ok := countryNames[l][code]; !ok {
				t.Errorf("%s: %s is not a country", l, code)
			}
		}
	}
}

// TestMongolianFormalSuffix: the case suffixes attach to the last word of
// a formal name, "Улс".
func TestMongolianFormalSuffix(t *testing.T) {
	for code, want := range map[string]string{"RU": "Оросын Холбооны Улстай", "CN": "Бүгд Найрамдах Хятад Ард Улстай",
		"JP": "Япон Улстай", "HU": "Унгар Улстай", "SE": "Шведийн Вант Улстай"} {
		if got := Suffix(Mongolian.CountryFormal(code, ""), "тай"); got != want {
			t.Errorf("%s: %q, want %q", code, got, want)
		}
	}
	if got := Suffix(Mongolian.CountryFormal("RU", ""), "ын"); got != "Оросын Холбооны Улсын" {
		t.Errorf("of: %q", got)
	}
}

// TestCountriesGenerated runs gen.go and compares its output with
// countries.tsv, when iso-codes is installed: the table is the generator's.
func TestCountriesGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go run")
	}
	if _, err := os.Stat("/usr/share/iso-codes/json/iso_3166-1.json"); err != nil {
		t.Skip("iso-codes is not installed")
	}
	out := filepath.Join(t.TempDir(), "countries.tsv")
	cmd := exec.Command("go", "run", "gen.go", "-o", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen.go: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, []byte(countriesTSV)) {
		t.Error("countries.tsv is not what gen.go writes from the installed iso-codes and countries_fixes.tsv: run go generate ./pipeline/lang/ (or a different iso-codes version is installed)")
	}
}
