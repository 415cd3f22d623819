package country

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"coopreport/pipeline"
	"coopreport/pipeline/suggest"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		name, in string
		code     string // "" for multilateral
		region   string
		wantErr  error
		errHas   string // a part of the message
	}{
		// Codes, in any case.
		{"alpha-2", "RU", "RU", "", nil, ""},
		{"alpha-3", "RUS", "RU", "", nil, ""},
		{"lower-case code", "ru", "RU", "", nil, ""},
		{"code with dots", "U.S.", "US", "", nil, ""},
		{"Kosovo", "XK", "XK", "", nil, ""},

		// English, Mongolian and Russian CLDR names.
		{"English", "Russia", "RU", "", nil, ""},
		{"Mongolian", "Орос", "RU", "", nil, ""},
		{"Russian", "Россия", "RU", "", nil, ""},
		{"Mongolian Japan", "Япон", "JP", "", nil, ""},
		{"Mongolian China", "Хятад", "CN", "", nil, ""},
		{"Mongolian Nepal", "Балба", "NP", "", nil, ""},
		{"Russian DPRK", "КНДР", "KP", "", nil, ""},
		{"Russian Germany", "Германия", "DE", "", nil, ""},
		{"Russian with ё", "Соединённые Штаты Америки", "US", "", nil, ""},
		{"Russian without ё", "Соединенные Штаты Америки", "US", "", nil, ""},

		// The forms the input contract names.
		{"contract Russian Federation", "Russian Federation", "RU", "", nil, ""},
		{"contract ОХУ", "ОХУ", "RU", "", nil, ""},
		{"contract Republic of Korea", "Republic of Korea", "KR", "", nil, ""},
		{"contract South Korea", "South Korea", "KR", "", nil, ""},
		{"contract DPRK long", "Democratic People's Republic of Korea", "KP", "", nil, ""},
		{"contract DPRK", "DPRK", "KP", "", nil, ""},
		{"contract North Korea", "North Korea", "KP", "", nil, ""},
		{"contract Lao PDR long", "Lao People's Democratic Republic", "LA", "", nil, ""},
		{"contract Laos PDR", "Laos PDR", "LA", "", nil, ""},
		{"contract Türkiye", "Türkiye", "TR", "", nil, ""},
		{"contract Turkiye", "Turkiye", "TR", "", nil, ""},
		{"contract Turkey", "Turkey", "TR", "", nil, ""},
		{"contract Viet Nam", "Viet Nam", "VN", "", nil, ""},
		{"contract Vietnam", "Vietnam", "VN", "", nil, ""},
		{"contract Inner Mongolia autonomous", "Inner Mongolia (autonomous region of China)", "CN", "Inner Mongolia", nil, ""},

		// mongolia-measure.txt, Activity 1, as spelled there.
		{"measure Russian Federation", "the Russian Federation", "RU", "", nil, ""},
		{"measure PRC", "People’s Republic of China", "CN", "", nil, ""},
		{"measure Bulgaria", "Bulgaria", "BG", "", nil, ""},
		{"measure Greece", "Greece", "GR", "", nil, ""},
		{"measure South Korea", "South Korea", "KR", "", nil, ""},
		{"measure Turkey", "  Turkey", "TR", "", nil, ""},
		{"measure Inner Mongolia", "Inner Mongolia (autonomic region of China)", "CN", "Inner Mongolia", nil, ""},
		{"measure Spain", "Spain", "ES", "", nil, ""},
		{"measure Hungary", "Hungary", "HU", "", nil, ""},
		{"measure Poland", "Poland", "PL", "", nil, ""},
		{"measure Nepal", "Nepal", "NP", "", nil, ""},
		{"measure Vietnam", "Vietnam", "VN", "", nil, ""},
		{"measure Philippines", "the Philippines", "PH", "", nil, ""},
		{"measure Latvia", "Latvia", "LV", "", nil, ""},
		{"measure Uzbekistan", "Uzbekistan", "UZ", "", nil, ""},
		{"measure France", "France", "FR", "", nil, ""},
		{"measure DPRK", "Democratic People’s Republic of Korea", "KP", "", nil, ""},
		{"measure Kuwait", "Kuwait", "KW", "", nil, ""},
		{"measure Laos PDR", "Laos PDR", "LA", "", nil, ""},
		{"measure Romania", "Romania", "RO", "", nil, ""},
		{"measure USA", "United States of America", "US", "", nil, ""},
		{"measure Germany", "Germany", "DE", "", nil, ""},
		{"measure India", "India", "IN", "", nil, ""},
		{"measure Japan", "Japan", "JP", "", nil, ""},
		{"measure Austria", "Austria", "AT", "", nil, ""},
		{"measure typo Lithvuania", "Lithvuania", "", "", pipeline.ErrUnknownCountry, `unknown country "Lithvuania"; did you mean Lithuania?`},
		{"measure typo Israil", "Israil", "", "", pipeline.ErrUnknownCountry, "did you mean Israel"},

		// Abbreviations and short forms.
		{"USA", "USA", "US", "", nil, ""},
		{"U.S.A.", "U.S.A.", "US", "", nil, ""},
		{"US", "US", "US", "", nil, ""},
		{"UK", "UK", "GB", "", nil, ""},
		{"U.K.", "U.K.", "GB", "", nil, ""},
		{"UAE", "UAE", "AE", "", nil, ""},
		{"PRC", "PRC", "CN", "", nil, ""},
		{"ROK", "ROK", "KR", "", nil, ""},
		{"Lao PDR", "Lao PDR", "LA", "", nil, ""},
		{"Laos", "Laos", "LA", "", nil, ""},
		{"БНХАУ", "БНХАУ", "CN", "", nil, ""},
		{"АНУ", "АНУ", "US", "", nil, ""},
		{"БНСУ", "БНСУ", "KR", "", nil, ""},
		{"БНАСАУ", "БНАСАУ", "KP", "", nil, ""},
		{"ХБНГУ", "ХБНГУ", "DE", "", nil, ""},
		{"ИБУИНВУ", "ИБУИНВУ", "GB", "", nil, ""},
		{"Солонгос", "Солонгос", "KR", "", nil, ""},
		{"Mongolian formal with Улс", "Япон Улс", "JP", "", nil, ""},
		{"Mongolian republic prefix", "Бүгд Найрамдах Франц Улс", "FR", "", nil, ""},
		{"UN long Iran", "Iran (Islamic Republic of)", "IR", "", nil, ""},
		{"UN long Bolivia", "Bolivia (Plurinational State of)", "BO", "", nil, ""},
		{"UN long Venezuela", "Venezuela (Bolivarian Republic of)", "VE", "", nil, ""},
		{"UN long Tanzania", "United Republic of Tanzania", "TZ", "", nil, ""},
		{"UN long Moldova", "Republic of Moldova", "MD", "", nil, ""},
		{"UN long Syria", "Syrian Arab Republic", "SY", "", nil, ""},
		{"UN long UK", "United Kingdom of Great Britain and Northern Ireland", "GB", "", nil, ""},
		{"Czech Republic", "Czech Republic", "CZ", "", nil, ""},
		{"Czechia", "Czechia", "CZ", "", nil, ""},
		{"Kyrgyz Republic", "Kyrgyz Republic", "KG", "", nil, ""},
		{"Kyrgyzstan", "Kyrgyzstan", "KG", "", nil, ""},
		{"ISO inverted", "Korea, Republic of", "KR", "", nil, ""},
		{"ampersand and", "Bosnia and Herzegovina", "BA", "", nil, ""},
		{"Saint for St.", "Saint Lucia", "LC", "", nil, ""},
		{"St. as CLDR", "St. Lucia", "LC", "", nil, ""},
		{"accents", "Cote d'Ivoire", "CI", "", nil, ""},
		{"Hong Kong is a country", "Hong Kong", "HK", "", nil, ""},
		{"Macao is a country", "Macau", "MO", "", nil, ""},

		// Folding.
		{"case", "rUsSiAn FeDeRaTiOn", "RU", "", nil, ""},
		{"spaces", "  Russian   Federation ", "RU", "", nil, ""},
		{"the and punctuation", "The  Philippines.", "PH", "", nil, ""},
		{"typographic apostrophe", "Lao People’s Democratic Republic", "LA", "", nil, ""},
		{"no apostrophe", "Lao Peoples Democratic Republic", "LA", "", nil, ""},
		{"hyphen", "Guinea Bissau", "GW", "", nil, ""},
		{"Cyrillic case", "ОРОС", "RU", "", nil, ""},

		// Sub-national partners.
		{"Inner Mongolia", "Inner Mongolia", "CN", "Inner Mongolia", nil, ""},
		{"Өвөр Монгол", "Өвөр Монгол", "CN", "Inner Mongolia", nil, ""},
		{"Внутренняя Монголия", "Внутренняя Монголия", "CN", "Inner Mongolia", nil, ""},
		{"Buryatia", "Buryatia", "RU", "Buryatia", nil, ""},
		{"Тува", "Тыва", "RU", "Tuva", nil, ""},
		{"Kalmykia", "Калмыкия", "RU", "Kalmykia", nil, ""},
		{"Xinjiang", "Xinjiang", "CN", "Xinjiang", nil, ""},
		{"Tibet", "Tibet", "CN", "Tibet", nil, ""},
		{"generic region of", "Heilongjiang (province of China)", "CN", "Heilongjiang", nil, ""},
		{"generic region of a long form", "Irkutsk (region of the Russian Federation)", "RU", "Irkutsk", nil, ""},
		{"generic parenthesis", "Gansu (БНХАУ)", "CN", "Gansu", nil, ""},
		{"generic comma", "Tianjin, China", "CN", "Tianjin", nil, ""},
		{"known region, comma", "Inner Mongolia, China", "CN", "Inner Mongolia", nil, ""},
		{"region in the note", "China (Inner Mongolia)", "CN", "Inner Mongolia", nil, ""},
		{"country stays a country", "Hong Kong (special administrative region of China)", "HK", "", nil, ""},
		{"ISO inverted Hong Kong", "Hong Kong, China", "HK", "", nil, ""},
		{"region of the wrong country", "Tibet (region of Russia)", "", "", pipeline.ErrUnknownCountry, "Tibet is a region of China, not Russia"},
		{"two countries", "Russia, China", "", "", pipeline.ErrUnknownCountry, "names two countries, Russia and China"},
		{"list is not a region", "Moscow, Tver, Russia", "", "", pipeline.ErrUnknownCountry, ""},
		{"region of unknown", "Tianjin (region of Chima)", "", "", pipeline.ErrUnknownCountry, ""},

		// Multilateral.
		{"multilateral", "multilateral", "", "", nil, ""},
		{"Multilateral with a note", "Multilateral (UNESCO)", "", "", nil, ""},
		{"Mongolian multilateral", "Олон талт", "", "", nil, ""},
		{"Russian multilateral", "Многосторонний", "", "", nil, ""},

		// Errors.
		{"empty", "", "", "", pipeline.ErrMissing, ""},
		{"blank", "   ", "", "", pipeline.ErrMissing, ""},
		{"only punctuation", "--", "", "", pipeline.ErrUnknownCountry, "write an ISO code (e.g. LT) or add the spelling to an aliases file"},
		{"nothing close", "Atlantis Prime", "", "", pipeline.ErrUnknownCountry, "write an ISO code"},
		{"unknown code", "QQ", "", "", pipeline.ErrUnknownCountry, `unknown country "QQ"`},
		{"ambiguous Korea", "Korea", "", "", pipeline.ErrUnknownCountry, "did you mean North Korea or South Korea?"},
		{"Cyrillic typo", "Оросс", "", "", pipeline.ErrUnknownCountry, "did you mean Russia?"},
		{"not a group", "European Union", "", "", pipeline.ErrUnknownCountry, ""},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, region, err := r.Resolve(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Resolve(%q) error = %v, want %v", tt.in, err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.errHas) {
					t.Errorf("Resolve(%q) error = %q, want it to contain %q", tt.in, err, tt.errHas)
				}
				if c != (pipeline.Country{}) || region != "" {
					t.Errorf("Resolve(%q) = %+v, %q with an error", tt.in, c, region)
				}
				return
			}
			if err != nil {
				t.Fatalf("Resolve(%q) error: %v", tt.in, err)
			}
			if c.Code != tt.code || region != tt.region {
				t.Errorf("Resolve(%q) = %s, %q; want %s, %q", tt.in, c.Code, region, tt.code, tt.region)
			}
		})
	}
}

// TestResolveCached checks that a second call, served from the memo, gives
// the same answer, errors included.
func TestResolveCached(t *testing.T) {
	r := New()
	for _, in := range []string{"Russia", "Lithvuania", ""} {
		c1, r1, e1 := r.Resolve(in)
		c2, r2, e2 := r.Resolve(in)
		if c1 != c2 || r1 != r2 || fmt.Sprint(e1) != fmt.Sprint(e2) {
			t.Errorf("Resolve(%q): first %v %q %v, then %v %q %v", in, c1, r1, e1, c2, r2, e2)
		}
	}
	if len(r.cache) != 3 {
		t.Errorf("cache holds %d entries, want 3", len(r.cache))
	}
}

func TestCacheBounded(t *testing.T) {
	r := New()
	for i := range cacheSize + 10 {
		if _, _, err := r.Resolve(fmt.Sprintf("Town %d, Russia", i)); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(r.cache); n > cacheSize {
		t.Errorf("cache holds %d entries, more than %d", n, cacheSize)
	}
	if _, _, err := r.Resolve(strings.Repeat("x", maxCachedLen+1)); err == nil {
		t.Error("a long junk cell resolved")
	}
}

func TestCountryFields(t *testing.T) {
	tests := []struct {
		in   string
		want pipeline.Country
	}{
		{"RU", pipeline.Country{Code: "RU", Alpha3: "RUS", Name: "Russia", LongName: "Russian Federation"}},
		{"CN", pipeline.Country{Code: "CN", Alpha3: "CHN", Name: "China", LongName: "People’s Republic of China"}},
		{"KR", pipeline.Country{Code: "KR", Alpha3: "KOR", Name: "South Korea", LongName: "Republic of Korea"}},
		{"KP", pipeline.Country{Code: "KP", Alpha3: "PRK", Name: "North Korea", LongName: "Democratic People’s Republic of Korea"}},
		{"LA", pipeline.Country{Code: "LA", Alpha3: "LAO", Name: "Laos", LongName: "Lao People’s Democratic Republic"}},
		{"VN", pipeline.Country{Code: "VN", Alpha3: "VNM", Name: "Vietnam", LongName: "Viet Nam"}},
		// CLDR in golang.org/x/text still says "Turkey"; ISO 3166-1 and the
		// UN say Türkiye, and so do reports ("Turkey" still resolves).
		{"TR", pipeline.Country{Code: "TR", Alpha3: "TUR", Name: "Türkiye", LongName: "Türkiye"}},
		{"SZ", pipeline.Country{Code: "SZ", Alpha3: "SWZ", Name: "Eswatini", LongName: "Kingdom of Eswatini"}},
		{"BA", pipeline.Country{Code: "BA", Alpha3: "BIH", Name: "Bosnia and Herzegovina", LongName: "Bosnia and Herzegovina"}},
		{"US", pipeline.Country{Code: "US", Alpha3: "USA", Name: "United States", LongName: "United States of America"}},
		{"lt", pipeline.Country{Code: "LT", Alpha3: "LTU", Name: "Lithuania", LongName: "Lithuania"}},
		{"mng", pipeline.Country{Code: "MN", Alpha3: "MNG", Name: "Mongolia", LongName: "Mongolia"}},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ByCode(tt.in)
			if !ok || got != tt.want {
				t.Errorf("ByCode(%q) = %+v, %v; want %+v", tt.in, got, ok, tt.want)
			}
			got, _, err := r.Resolve(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("Resolve(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestByCode(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{"RU", "RU", true},
		{"rus", "RU", true},
		{"Gb", "GB", true},
		{"UK", "", false}, // a common mistake, but not an ISO code; Resolve knows it
		{"EU", "", false},
		{"ZZ", "", false},
		{"Russia", "", false},
		{"", "", false},
		{"R", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, ok := ByCode(tt.in)
			if ok != tt.wantOK || c.Code != tt.want {
				t.Errorf("ByCode(%q) = %s, %v; want %s, %v", tt.in, c.Code, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestIsMultilateral(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"multilateral", true},
		{"MULTILATERAL", true},
		{" Multilateral ", true},
		{"Multi-lateral", true},
		{"multilateral treaty", true},
		{"олон талт", true},
		{"Олон талын", true},
		{"многосторонний", true},
		{"Многосторонняя", true},
		{"многостороннее соглашение", true},
		{"bilateral", false},
		{"multi", false},
		{"Mongolia", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := IsMultilateral(tt.in); got != tt.want {
				t.Errorf("IsMultilateral(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestAddAlias(t *testing.T) {
	type alias struct{ name, country, region string }
	tests := []struct {
		name    string
		add     alias
		wantErr error
		errHas  string
		in      string // then resolve this
		code    string
		region  string
	}{
		{"typo to code", alias{"Lithvuania", "LT", ""}, nil, "", "Lithvuania", "LT", ""},
		{"typo to alpha-3", alias{"Israil", "isr", ""}, nil, "", "israil", "IL", ""},
		{"typo to a name", alias{"Israil", "Israel", ""}, nil, "", "ISRAIL", "IL", ""},
		{"to a Mongolian name", alias{"Оросын Холбооны", "Орос", ""}, nil, "", "Оросын холбооны", "RU", ""},
		{"with a region", alias{"Ulan-Ude", "RU", "Buryatia"}, nil, "", "Ulan Ude", "RU", "Buryatia"},
		{"region inherited", alias{"ӨМӨЗОУ", "Inner Mongolia", ""}, nil, "", "ӨМӨЗОУ", "CN", "Inner Mongolia"},
		{"to multilateral", alias{"Олон улсын", "multilateral", ""}, nil, "", "олон улсын", "", ""},
		{"same meaning again", alias{"Russian Federation", "RU", ""}, nil, "", "Russian Federation", "RU", ""},
		{"overrides a name", alias{"Russia", "CN", ""}, nil, "", "Russia", "CN", ""},
		{"overrides with a region", alias{"Hong Kong", "CN", "Hong Kong"}, nil, "", "hong kong", "CN", "Hong Kong"},
		{"overrides a region", alias{"Tibet", "Tibet", "Xizang"}, nil, "", "Tibet", "CN", "Xizang"},
		{"overrides a region of a country", alias{"Russia", "RU", "Moscow"}, nil, "", "Russia", "RU", "Moscow"},
		{"overrides a divided country", alias{"Czechoslovakia", "CZ", ""}, nil, "", "Czechoslovakia", "CZ", ""},
		{"overrides a world region", alias{"Middle East", "multilateral", ""}, nil, "", "Middle East", "", ""},
		{"conflict with a code", alias{"LT", "LV", ""}, pipeline.ErrBadAlias, "already means Lithuania; it cannot also mean Latvia: it is an ISO code", "LT", "LT", ""},
		{"conflict with an alpha-3 code", alias{"usa", "CA", ""}, pipeline.ErrBadAlias, "already means United States", "USA", "US", ""},
		{"conflict with multilateral", alias{"multilateral", "FR", ""}, pipeline.ErrBadAlias, "already means multilateral", "multilateral", "", ""},
		{"to a world region", alias{"Foo", "Asia", ""}, pipeline.ErrBadAlias, "region or a group of countries", "", "", ""},
		{"to a divided country", alias{"Foo", "Czechoslovakia", ""}, pipeline.ErrBadAlias, "Czechia and Slovakia", "", "", ""},
		{"unknown target", alias{"Lithvuania", "Lithuenia", ""}, pipeline.ErrBadAlias, "did you mean Lithuania?", "", "", ""},
		{"unknown code", alias{"Foo", "QQ", ""}, pipeline.ErrBadAlias, `points at "QQ"`, "", "", ""},
		{"empty name", alias{" ", "LT", ""}, pipeline.ErrBadAlias, "has no letters", "", "", ""},
		{"empty country", alias{"Lithvuania", "", ""}, pipeline.ErrBadAlias, "gives no country", "", "", ""},
		{"multilateral with region", alias{"Олон улсын", "multilateral", "X"}, pipeline.ErrBadAlias, "cannot have a region", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New()
			if tt.in != "" {
				r.Resolve(tt.in) // fill the memo: AddAlias must clear it
			}
			err := r.AddAlias(tt.add.name, tt.add.country, tt.add.region)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("AddAlias(%q) error = %v, want %v", tt.add, err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.errHas) {
					t.Errorf("AddAlias(%q) error = %q, want it to contain %q", tt.add, err, tt.errHas)
				}
			} else if err != nil {
				t.Fatalf("AddAlias(%q) error: %v", tt.add, err)
			}
			if tt.in == "" {
				return
			}
			c, region, err := r.Resolve(tt.in)
			if err != nil || c.Code != tt.code || region != tt.region {
				t.Errorf("after AddAlias, Resolve(%q) = %s, %q, %v; want %s, %q", tt.in, c.Code, region, err, tt.code, tt.region)
			}
		})
	}
}

// TestAddAliasTwice is the aliases file giving one name twice.
func TestAddAliasTwice(t *testing.T) {
	r := New()
	if err := r.AddAlias("Lithvuania", "LT", ""); err != nil {
		t.Fatal(err)
	}
	if err := r.AddAlias("lithvuania", "Lithuania", ""); err != nil {
		t.Errorf("same alias again: %v", err)
	}
	err := r.AddAlias("Lithvuania", "LV", "")
	if !errors.Is(err, pipeline.ErrBadAlias) || !strings.Contains(err.Error(), "already means Lithuania") ||
		!strings.Contains(err.Error(), "keep one of the two rows") {
		t.Errorf("conflicting alias: error = %v", err)
	}
	var conflict *ConflictError
	if !errors.As(err, &conflict) || conflict.Name != "Lithvuania" || conflict.Means != "Lithuania" || conflict.Wanted != "Latvia" {
		t.Errorf("conflicting alias: error = %#v, want a *ConflictError", err)
	}
	// Two alias rows conflict even when the first overrode a built-in
	// name.
	if err := r.AddAlias("Hong Kong", "CN", "Hong Kong"); err != nil {
		t.Fatal(err)
	}
	if err := r.AddAlias("Hong Kong", "HK", ""); !errors.As(err, &conflict) {
		t.Errorf("alias back to the built-in meaning: error = %v, want a *ConflictError", err)
	}
	// An alias is a suggestion too.
	_, _, err = r.Resolve("Lithvuanja")
	if err == nil || !strings.Contains(err.Error(), "did you mean Lithuania") {
		t.Errorf("near an alias: error = %v", err)
	}
	// Aliases belong to one resolver.
	if _, _, err := New().Resolve("Lithvuania"); !errors.Is(err, pipeline.ErrUnknownCountry) {
		t.Errorf("a fresh resolver knows another's alias: %v", err)
	}
}

func TestSuggestionsLimited(t *testing.T) {
	r := New()
	_, _, err := r.Resolve("Gunea")
	if err == nil {
		t.Fatal("Gunea resolved")
	}
	msg := err.Error()
	_, list, ok := strings.Cut(msg, "did you mean ")
	if !ok {
		t.Fatalf("no suggestion in %q", msg)
	}
	if n := strings.Count(list, ",") + strings.Count(list, " or ") + 1; n > maxSuggestions {
		t.Errorf("%d suggestions in %q", n, msg)
	}
	if !strings.Contains(list, "Guinea") {
		t.Errorf("Guinea is not suggested: %q", msg)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"lithvuania", "lithuania", 3, 1},
		{"israil", "israel", 3, 1},
		{"isreal", "israel", 3, 1}, // a transposition is one edit
		{"abc", "abc", 3, 0},
		{"", "abc", 3, 3},
		{"kitten", "sitting", 3, 3},
		{"russia", "china", 2, 3}, // cut off at limit+1
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := suggest.Between([]rune(tt.a), []rune(tt.b), tt.limit); got != tt.want {
				t.Errorf("distance = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  The  Philippines ", "philippines"},
		{"People’s Republic", "peoples republic"},
		{"Türkiye", "turkiye"},
		{"Côte d’Ivoire", "cote divoire"},
		{"Bosnia & Herzegovina", "bosnia and herzegovina"},
		{"Guinea-Bissau", "guinea bissau"},
		{"U.S.A.", "usa"},
		{"Iran (Islamic Republic of)", "iran islamic republic of"},
		{"Өвөр Монгол", "өвөр монгол"},
		{"Соединённые", "соединенные"},
		{"Theland", "theland"},
		{"ＲＵ", "ru"}, // full-width letters
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := key(tt.in); got != tt.want {
				t.Errorf("key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestConcurrent runs Resolve from several goroutines; go test -race
// checks the memo's locking.
func TestConcurrent(t *testing.T) {
	r := New()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 500 {
				in := []string{"Russia", "ОХУ", "Lithvuania", fmt.Sprintf("X%d-%d", g, i)}[i%4]
				r.Resolve(in)
			}
		})
	}
	wg.Wait()
	if c, _, err := r.Resolve("ОХУ"); err != nil || c.Code != "RU" {
		t.Errorf("Resolve(ОХУ) = %v, %v", c.Code, err)
	}
}

var benchCells = []string{
	"Russian Federation", "People’s Republic of China", "Bulgaria", "Greece",
	"South Korea", "Turkey", "Inner Mongolia (autonomic region of China)",
	"Spain", "ОХУ", "БНХАУ", "Россия", "the Philippines", "Laos PDR", "US", "RUS",
}

// BenchmarkResolve is the hot path: a register repeats a few dozen
// spellings over millions of rows.
func BenchmarkResolve(b *testing.B) {
	r := New()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, _, err := r.Resolve(benchCells[i%len(benchCells)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkResolveUncached is the first sight of each spelling.
func BenchmarkResolveUncached(b *testing.B) {
	r := New()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		clear(r.cache)
		r.Resolve(benchCells[i%len(benchCells)])
		i++
	}
}

// BenchmarkResolveUnknown is a typo: the suggestion search runs.
func BenchmarkResolveUnknown(b *testing.B) {
	r := New()
	b.ReportAllocs()
	for b.Loop() {
		clear(r.cache)
		r.Resolve("Lithvuania")
	}
}
