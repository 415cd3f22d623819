package country

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"testing"

	"coopreport/pipeline"
)

// TestNamingStyles: the names other databases write, each resolving to
// its ISO country.
func TestNamingStyles(t *testing.T) {
	tests := []struct{ name, in, code string }{
		// World Bank: comma-inverted, abbreviated.
		{"WB DPRK", "Korea, Dem. People's Rep.", "KP"},
		{"WB DPRK with of", "Korea, Dem. People's Rep. of", "KP"},
		{"WB Korea", "Korea, Rep.", "KR"},
		{"WB DR Congo", "Congo, Dem. Rep.", "CD"},
		{"WB Congo", "Congo, Rep.", "CG"},
		{"WB Micronesia", "Micronesia, Fed. Sts.", "FM"},
		{"WB Bahamas", "Bahamas, The", "BS"},
		{"WB Gambia", "Gambia, The", "GM"},
		{"WB Iran", "Iran, Islamic Rep.", "IR"},
		{"WB Egypt", "Egypt, Arab Rep.", "EG"},
		{"WB Venezuela", "Venezuela, RB", "VE"},
		{"WB Laos", "Lao PDR", "LA"},
		{"WB Yemen", "Yemen, Rep.", "YE"},
		{"WB Macedonia", "Macedonia, FYR", "MK"},
		{"WB Slovakia", "Slovak Republic", "SK"},
		{"WB Kyrgyzstan", "Kyrgyz Republic", "KG"},
		{"WB Hong Kong", "Hong Kong SAR, China", "HK"},
		{"WB Macao", "Macao SAR, China", "MO"},
		{"WB Taiwan", "Taiwan, China", "TW"},
		{"WB St. Kitts", "St. Kitts and Nevis", "KN"},
		{"WB St. Martin", "St. Martin (French part)", "MF"},
		{"WB US Virgin Islands", "Virgin Islands (U.S.)", "VI"},
		{"WB West Bank", "West Bank and Gaza", "PS"},
		{"WB Turkiye", "Turkiye", "TR"},
		{"WB old Turkey", "Turkey", "TR"},
		{"WB Czechia", "Czechia", "CZ"},
		{"WB old Czech Republic", "Czech Republic", "CZ"},
		{"WB old Vietnam", "Vietnam", "VN"},
		{"WB old Swaziland", "Swaziland", "SZ"},
		{"WB Somalia", "Somalia, Fed. Rep.", "SO"},

		// IMF.
		{"IMF Taiwan", "Taiwan Province of China", "TW"},
		{"IMF Hong Kong", "Hong Kong SAR", "HK"},
		{"IMF Lao", "Lao P.D.R.", "LA"},
		{"IMF Congo", "Congo, Rep. of", "CG"},
		{"IMF DR Congo", "Congo, Dem. Rep. of the", "CD"},
		{"IMF Micronesia", "Micronesia, Fed. States of", "FM"},
		{"IMF China", "China, People's Republic of", "CN"},
		{"IMF China P.R.", "China, P.R.", "CN"},
		{"IMF Armenia", "Armenia, Republic of", "AM"},
		{"IMF Afghanistan", "Afghanistan, Islamic Rep. of", "AF"},
		{"IMF Ethiopia", "Ethiopia, The Federal Dem. Rep. of", "ET"},
		{"IMF Eritrea", "Eritrea, The State of", "ER"},
		{"IMF Kosovo", "Kosovo, Rep. of", "XK"},
		{"IMF Netherlands", "Netherlands, The", "NL"},
		{"IMF Timor-Leste", "Timor-Leste, Dem. Rep. of", "TL"},
		{"IMF Russia", "Russian Fed.", "RU"},

		// UNCTAD and the UN.
		{"UNCTAD Hong Kong", "China, Hong Kong SAR", "HK"},
		{"UNCTAD Macao", "China, Macao SAR", "MO"},
		{"UNCTAD Taiwan", "China, Taiwan Province of", "TW"},
		{"UNCTAD Lao", "Lao People's Dem. Rep.", "LA"},
		{"UNCTAD Venezuela", "Venezuela (Bolivarian Rep. of)", "VE"},
		{"UN Hong Kong", "China, Hong Kong Special Administrative Region", "HK"},
		{"UN Netherlands", "Netherlands (Kingdom of the)", "NL"},
		{"UN Sint Maarten", "Sint Maarten (Dutch part)", "SX"},
		{"UN Wallis", "Wallis and Futuna Islands", "WF"},
		{"UN Micronesia", "Micronesia (Federated States of)", "FM"},
		{"UN Hong Kong SAR China", "Hong Kong, China SAR", "HK"},

		// ISO 3166-1 (from iso-codes): short names, inverted, and official.
		{"ISO Taiwan", "Taiwan, Province of China", "TW"},
		{"ISO US Virgin Islands", "Virgin Islands, U.S.", "VI"},
		{"ISO British Virgin Islands", "Virgin Islands, British", "VG"},
		{"ISO DR Congo", "Congo, The Democratic Republic of the", "CD"},
		{"ISO Palestine", "Palestine, State of", "PS"},
		{"ISO official Egypt", "Arab Republic of Egypt", "EG"},
		{"ISO official Slovakia", "Slovak Republic", "SK"},
		{"ISO official Bahamas", "Commonwealth of the Bahamas", "BS"},
		{"ISO Russian official", "Арабская Республика Египет", "EG"},
		{"Russian inverted", "Корея, Республика", "KR"},

		// Words in another order, or abbreviated.
		{"order", "Republic Korea", "KR"},
		{"N. for North", "N. Korea", "KP"},
		{"S. for South", "Korea, S.", "KR"},
		{"Is. for Islands", "Solomon Is.", "SB"},
		{"St for Saint", "St Vincent and the Grenadines", "VC"},
		{"Rep. of Congo", "Rep. of Congo", "CG"},
		{"Dem. Rep. Congo", "Dem. Rep. Congo", "CD"},
		{"inverted sub-national", "Mongolia, Inner", "CN"},

		// Territories with their own code, and their sovereign.
		{"Taiwan under China", "Taiwan, China", "TW"},
		{"China, Taiwan", "China, Taiwan", "TW"},
		{"Macao, China", "Macao, China", "MO"},
		{"Greenland, Denmark", "Greenland, Denmark", "GL"},
		{"Denmark, Greenland", "Denmark, Greenland", "GL"},
		{"Puerto Rico, United States", "Puerto Rico, United States", "PR"},
		{"Puerto Rico, USA", "Puerto Rico, USA", "PR"},
		{"Aruba, Netherlands", "Aruba, Netherlands", "AW"},
		{"Faroe Islands, Denmark", "Faroe Islands, Denmark", "FO"},
		{"Gibraltar, UK", "Gibraltar, UK", "GI"},
		{"China (Hong Kong)", "China (Hong Kong)", "HK"},
		{"Hong Kong (China)", "Hong Kong (China)", "HK"},

		// Countries that no longer exist, under the continuing state.
		{"СССР", "СССР", "RU"},
		{"USSR", "USSR", "RU"},
		{"Soviet Union", "Soviet Union", "RU"},
		{"ЗХУ", "ЗХУ", "RU"},
		{"ГДР", "ГДР", "DE"},
		{"ФРГ", "ФРГ", "DE"},
		{"East Germany", "East Germany", "DE"},
		{"German Democratic Republic", "German Democratic Republic", "DE"},
		{"БНАГУ", "БНАГУ", "DE"},
		{"Бирма", "Бирма", "MM"},
		{"Burma", "Burma", "MM"},
		{"Заир", "Заир", "CD"},
		{"Zaire", "Zaire", "CD"},
		{"ISO 3166-3 Zaire", "Zaire, Republic of", "CD"},
		{"Кампучия", "Кампучия", "KH"},
		{"Democratic Kampuchea", "Democratic Kampuchea", "KH"},
		{"Югославия", "Югославия", "RS"},
		{"SFRY", "Socialist Federal Republic of Yugoslavia", "RS"},
		{"Serbia and Montenegro", "Serbia and Montenegro", "RS"},
		{"Upper Volta", "Upper Volta", "BF"},
		{"Dahomey", "Dahomey", "BJ"},
		{"East Timor", "East Timor", "TL"},
		{"Ceylon", "Ceylon", "LK"},
		{"Цейлон", "Цейлон", "LK"},
		{"Byelorussian SSR", "Byelorussian SSR", "BY"},
		{"divided, with the successor", "Czechoslovakia (Slovakia)", "SK"},
		{"divided, comma", "Чехословакия, Чехия", "CZ"},

		// Older and colloquial names, Russian and Mongolian.
		{"Белоруссия", "Белоруссия", "BY"},
		{"Молдавия", "Молдавия", "MD"},
		{"Киргизия", "Киргизия", "KG"},
		{"Туркмения", "Туркмения", "TM"},
		{"Голландия", "Голландия", "NL"},
		{"Британия", "Британия", "GB"},
		{"Великобритания", "Великобритания", "GB"},
		{"Америка", "Америка", "US"},
		{"America", "America", "US"},
		{"Солонгос", "Солонгос", "KR"},
		{"Өмнөд Солонгос", "Өмнөд Солонгос", "KR"},
		{"Умард Солонгос", "Умард Солонгос", "KP"},
		{"Хойд Солонгос", "Хойд Солонгос", "KP"},
		{"Америк", "Америк", "US"},
		{"Герман", "Герман", "DE"},
		{"Их Британи", "Их Британи", "GB"},
		{"Голланд", "Голланд", "NL"},
		{"Киргиз", "Киргиз", "KG"},
		{"Микронезия", "Микронезия", "FM"},
		{"ЮАР", "ЮАР", "ZA"},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := r.Resolve(tt.in)
			if err != nil || c.Code != tt.code {
				t.Errorf("Resolve(%q) = %s, %v; want %s", tt.in, c.Code, err, tt.code)
			}
		})
	}
}

// TestEnglandIsARegion: England and its Mongolian and Russian names count
// under the United Kingdom as a region.
func TestEnglandIsARegion(t *testing.T) {
	r := New()
	for _, in := range []string{"England", "Англия", "Англи"} {
		c, region, err := r.Resolve(in)
		if err != nil || c.Code != "GB" || region != "England" {
			t.Errorf("Resolve(%q) = %s, %q, %v; want GB, England", in, c.Code, region, err)
		}
	}
}

// TestWorldBank resolves every economy of the World Bank's list as the
// World Bank writes it.
func TestWorldBank(t *testing.T) {
	f, err := os.Open("testdata/worldbank.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := New()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		n++
		c, _, err := r.Resolve(name)
		if codes := strings.Fields(want); len(codes) > 1 {
			// Several ISO countries: rejected, naming each.
			if !errors.Is(err, pipeline.ErrUnknownCountry) {
				t.Errorf("Resolve(%q) = %s, %v; want an error naming %s", name, c.Code, err, want)
				continue
			}
			for _, code := range codes {
				if s, _ := ByCode(code); !strings.Contains(err.Error(), s.Name) {
					t.Errorf("Resolve(%q) error %q does not name %s", name, err, s.Name)
				}
			}
			continue
		}
		if err != nil || c.Code != want {
			t.Errorf("Resolve(%q) = %s, %v; want %s", name, c.Code, err, want)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 218 {
		t.Errorf("%d economies in the list, want 218", n)
	}
}

// TestNotCountries: world regions, groups and divided countries are
// rejected with a message that says what they are and how to fix the
// cell, and never suggest a country ("Africa" is not near "America").
func TestNotCountries(t *testing.T) {
	tests := []struct {
		in     string
		errHas []string
	}{
		{"Africa", []string{"Africa is a region", "multilateral", "alias row"}},
		{"Asia", []string{"Asia is a region"}},
		{"Europe", []string{"Europe is a region"}},
		{"Latin America", []string{"Latin America is a region"}},
		{"Middle East", []string{"Middle East is a region"}},
		{"Central Asia", []string{"Central Asia is a region"}},
		{"Asia-Pacific", []string{"Asia-Pacific is a region"}},
		{"Asia Pacific", []string{"Asia-Pacific is a region"}},
		{"the Americas", []string{"Americas is a region"}},
		{"Western Asia", []string{"Western Asia is a region"}},
		{"Sub-Saharan Africa", []string{"Sub-Saharan Africa is a region"}},
		{"European Union", []string{"European Union is a region or a group of countries"}},
		{"EU", []string{"European Union"}},
		{"CIS", []string{"Commonwealth of Independent States"}},
		{"Африк", []string{"Africa is a region"}},
		{"Ази", []string{"Asia is a region"}},
		{"Европ", []string{"Europe is a region"}},
		{"Латин Америк", []string{"Latin America is a region"}},
		{"Төв Ази", []string{"Central Asia is a region"}},
		{"Ойрхи Дорнод", []string{"Middle East is a region"}},
		{"Африка", []string{"Africa is a region"}},
		{"Азия", []string{"Asia is a region"}},
		{"Европа", []string{"Europe is a region"}},
		{"Латинская Америка", []string{"Latin America is a region"}},
		{"Ближний Восток", []string{"Middle East is a region"}},
		{"Центральная Азия", []string{"Central Asia is a region"}},
		{"Азиатско-Тихоокеанский регион", []string{"Asia-Pacific is a region"}},
		{"Afrika", []string{"looks like Africa", "multilateral"}},
		{"Evropa", []string{"looks like Europe"}},
		{"Czechoslovakia", []string{"Czechoslovakia is two countries today, Czechia and Slovakia", "alias row (e.g. Czechoslovakia,CZ)"}},
		{"Чехословакия", []string{"Czechia and Slovakia"}},
		{"ЧССР", []string{"Czechia and Slovakia"}},
		{"Czechoslovakia, Czechoslovak Socialist Republic", []string{`(e.g. "Czechoslovakia, Czechoslovak Socialist Republic",CZ)`}},
		{"Netherlands Antilles", []string{"three countries today, Curaçao, Sint Maarten and Caribbean Netherlands"}},
		{"Channel Islands", []string{"Jersey and Guernsey"}},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, region, err := r.Resolve(tt.in)
			if !errors.Is(err, pipeline.ErrUnknownCountry) {
				t.Fatalf("Resolve(%q) = %s, %q, %v; want an unknown country", tt.in, c.Code, region, err)
			}
			for _, s := range tt.errHas {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("Resolve(%q) error %q does not say %q", tt.in, err, s)
				}
			}
			if strings.Contains(err.Error(), "did you mean") {
				t.Errorf("Resolve(%q) error %q suggests a country", tt.in, err)
			}
		})
	}
}

// TestSuggestWords: a name that shares its distinctive words with a
// country is offered it; nonsense is offered nothing.
func TestSuggestWords(t *testing.T) {
	tests := []struct {
		in   string
		want string // the "did you mean" list, or "" for none
	}{
		{"Republic of N.Macedonia", "North Macedonia"},
		{"Bosna and Herzegovina", "Bosnia and Herzegovina"},
		{"Herzegovena", "Bosnia and Herzegovina"},
		{"Lithvuania", "Lithuania"},
		{"Kongo", "Congo or Democratic Republic of the Congo"},
		{"Korea", "North Korea or South Korea"},
		{"Nederland", "Netherlands"},
		{"Republic of Atlantis", ""},
		{"Narnia Land", ""},
		{"Atlantis Prime", ""},
		{"Atlantida", ""},
		{"Democratic Republic", ""},
		{"Islands", ""},
		{"Rep", ""},
		{"Saint", ""},
		{"abc", ""},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, _, err := r.Resolve(tt.in)
			if !errors.Is(err, pipeline.ErrUnknownCountry) {
				t.Fatalf("Resolve(%q) error = %v, want an unknown country", tt.in, err)
			}
			_, got, _ := strings.Cut(err.Error(), "did you mean ")
			got = strings.TrimSuffix(got, "?")
			if got != tt.want {
				t.Errorf("Resolve(%q) suggests %q, want %q (error %q)", tt.in, got, tt.want, err)
			}
			if tt.want == "" && !strings.Contains(err.Error(), "write") {
				t.Errorf("Resolve(%q) error %q does not say how to fix the cell", tt.in, err)
			}
		})
	}
}

func TestOverrides(t *testing.T) {
	r := New()
	for _, a := range [][3]string{
		{"Hong Kong", "CN", "Hong Kong"},
		{"Hong Kong", "CN", "Hong Kong"}, // the same row again: one override
		{"Macau", "China", "Macao"},
		{"Lithvuania", "LT", ""}, // new spelling: not an override
		{"Czechoslovakia", "CZ", ""},
	} {
		if err := r.AddAlias(a[0], a[1], a[2]); err != nil {
			t.Fatalf("AddAlias(%q): %v", a, err)
		}
	}
	want := []Override{
		{Name: "Hong Kong", Builtin: "Hong Kong", Alias: "Hong Kong (China)"},
		{Name: "Macau", Builtin: "Macao", Alias: "Macao (China)"},
	}
	got := r.Overrides()
	if len(got) != len(want) {
		t.Fatalf("Overrides() = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Overrides()[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	// The other spellings keep their meaning; Overrides is a copy.
	got[0].Name = "changed"
	if r.Overrides()[0].Name != "Hong Kong" {
		t.Error("Overrides returned the resolver's own slice")
	}
	for in, code := range map[string]string{"HK": "HK", "Hong Kong SAR": "HK", "Hong Kong": "CN", "Czechoslovakia": "CZ"} {
		if c, _, err := r.Resolve(in); err != nil || c.Code != code {
			t.Errorf("Resolve(%q) = %s, %v; want %s", in, c.Code, err, code)
		}
	}
	if o := New().Overrides(); len(o) != 0 {
		t.Errorf("a new resolver has overrides %+v", o)
	}
}

func TestBag(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Korea, Rep.", "korea republic"},
		{"Republic of Korea", "korea republic"},
		{"Congo, Dem. Rep.", "congo democratic republic"},
		{"Micronesia, Fed. Sts.", "federal micronesia states"},
		{"Federated States of Micronesia", "federal micronesia states"},
		{"Lao PDR", "democratic lao peoples republic"},
		{"Hong Kong SAR, China", "administrative china hong kong region special"},
		{"Virgin Islands (U.S.)", "island states united virgin"},
		{"Bahamas, The", "bahamas"},
		{"Venezuela, RB", "bolivarian republic venezuela"},
		{"the and of", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := bag(key(tt.in)); got != tt.want {
				t.Errorf("bag(key(%q)) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestKeyExported: Key is the folding the resolver matches names in.
func TestKeyExported(t *testing.T) {
	for _, s := range []string{"  The  Philippines ", "Côte d’Ivoire", "Өвөр Монгол", "U.S.A."} {
		if Key(s) != key(s) {
			t.Errorf("Key(%q) = %q, key = %q", s, Key(s), key(s))
		}
	}
	if Key("Hong Kong") != Key("hong-kong") {
		t.Error(`Key("Hong Kong") != Key("hong-kong")`)
	}
}

// BenchmarkBuild is the cost of loading the names, paid once per process.
func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := build(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHints is the one-off cost of the first unknown cell: the
// suggestion candidates are made then, not when the names are loaded.
func BenchmarkHints(b *testing.B) {
	base := loadBase()
	b.ReportAllocs()
	for b.Loop() {
		base.makeHints()
	}
}
