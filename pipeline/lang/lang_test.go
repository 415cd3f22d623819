package lang

import (
	"strings"
	"testing"
	"time"
)

func TestDigits(t *testing.T) {
	for _, c := range []struct {
		l          Lang
		plain, out string
	}{
		{English, "1250000.50", "1,250,000.50"},
		{French, "1250000.50", "1\u00a0250\u00a0000,50"},
		{Russian, "1250000.50", "1\u00a0250\u00a0000,50"},
		{Mongolian, "1250000.50", "1,250,000.50"},
		{English, "-1234", "-1,234"},
		{French, "1234", "1\u00a0234"},
		{Russian, "999", "999"},
		{Russian, "0.5", "0,5"},
		{French, "-12345678", "-12\u00a0345\u00a0678"},
	} {
		if got := c.l.Digits(c.plain); got != c.out {
			t.Errorf("%s Digits(%q) = %q, want %q", c.l, c.plain, got, c.out)
		}
	}
}

func TestPlural(t *testing.T) {
	ru := []string{"соглашение", "соглашения", "соглашений"}
	for _, c := range []struct {
		l     Lang
		n     int64
		words []string
		want  string
	}{
		{Russian, 1, ru, "1 соглашение"},
		{Russian, 2, ru, "2 соглашения"},
		{Russian, 4, ru, "4 соглашения"},
		{Russian, 5, ru, "5 соглашений"},
		{Russian, 11, ru, "11 соглашений"},
		{Russian, 12, ru, "12 соглашений"},
		{Russian, 21, ru, "21 соглашение"},
		{Russian, 22, ru, "22 соглашения"},
		{Russian, 111, ru, "111 соглашений"},
		{Russian, 0, ru, "0 соглашений"},
		{Russian, 1001, ru, "1\u00a0001 соглашение"},
		{Russian, 2000004, ru, "2\u00a0000\u00a0004 соглашения"},
		{French, 0, []string{"accord", "accords"}, "0 accord"},
		{French, 1, []string{"accord", "accords"}, "1 accord"},
		{French, 2, []string{"accord", "accords"}, "2 accords"},
		{English, 0, []string{"agreement", "agreements"}, "0 agreements"},
		{English, 1, []string{"agreement", "agreements"}, "1 agreement"},
		{English, 1250, []string{"participant", "participants"}, "1,250 participants"},
		{Mongolian, 3, []string{"гэрээ", "гэрээ"}, "3 гэрээ"},
	} {
		got, err := c.l.Count(c.n, c.words...)
		if err != nil || got != c.want {
			t.Errorf("%s Count(%d) = %q, %v; want %q", c.l, c.n, got, err, c.want)
		}
	}
	if _, err := Russian.Count(3, "соглашение", "соглашения"); err == nil || !strings.Contains(err.Error(), "3 forms") {
		t.Errorf("two forms in Russian: %v", err)
	}
}

func TestDates(t *testing.T) {
	for _, c := range []struct {
		l                       Lang
		date, month, quarter, y string
	}{
		{English, "23 September 2015", "September 2015", "third quarter of 2015", "2015"},
		{French, "23\u00a0septembre 2015", "septembre 2015", "3e trimestre 2015", "2015"},
		{Russian, "23\u00a0сентября 2015\u00a0г.", "сентябрь 2015\u00a0г.", "третий квартал 2015\u00a0г.", "2015\u00a0г."},
		{Mongolian, "2015 оны есдүгээр сарын 23", "2015 оны есдүгээр сар", "2015 оны 3-р улирал", "2015 он"},
	} {
		if got := c.l.Date(2015, time.September, 23); got != c.date {
			t.Errorf("%s Date = %q, want %q", c.l, got, c.date)
		}
		if got := c.l.Month(2015, time.September); got != c.month {
			t.Errorf("%s Month = %q, want %q", c.l, got, c.month)
		}
		if got := c.l.Quarter(2015, 3); got != c.quarter {
			t.Errorf("%s Quarter = %q, want %q", c.l, got, c.quarter)
		}
		if got := c.l.Year(2015); got != c.y {
			t.Errorf("%s Year = %q, want %q", c.l, got, c.y)
		}
	}
	if got := French.Date(2024, time.March, 1); got != "1er\u00a0mars 2024" {
		t.Errorf("French first of the month: %q", got)
	}
	if got := Russian.Years(2012, 2015); got != "2012–2015\u00a0гг." {
		t.Errorf("Russian years: %q", got)
	}
	if got := English.Date(0, 0, 0); got != "" {
		t.Errorf("zero date: %q", got)
	}
}

func TestDateSpan(t *testing.T) {
	d := func(y int, m time.Month, day int) Day { return Day{y, m, day} }
	nov20, nov21, dec3 := d(2014, time.November, 20), d(2014, time.November, 21), d(2014, time.December, 3)
	jan2 := d(2015, time.January, 2)
	for _, c := range []struct {
		l                              Lang
		one, month, year, years, first string
	}{
		{English, "20 November 2014", "20–21 November 2014", "20 November – 3 December 2014",
			"20 November 2014 – 2 January 2015", "1–3 March 2015"},
		{French, "20\u00a0novembre 2014", "20–21\u00a0novembre 2014", "20\u00a0novembre – 3\u00a0décembre 2014",
			"20\u00a0novembre 2014 – 2\u00a0janvier 2015", "1er–3\u00a0mars 2015"},
		{Russian, "20\u00a0ноября 2014\u00a0г.", "20–21\u00a0ноября 2014\u00a0г.", "20\u00a0ноября – 3\u00a0декабря 2014\u00a0г.",
			"20\u00a0ноября 2014\u00a0г. – 2\u00a0января 2015\u00a0г.", "1–3\u00a0марта 2015\u00a0г."},
		{Mongolian, "2014 оны арван нэгдүгээр сарын 20", "2014 оны арван нэгдүгээр сарын 20–21",
			"2014 оны арван нэгдүгээр сарын 20 – 2014 оны арван хоёрдугаар сарын 3",
			"2014 оны арван нэгдүгээр сарын 20 – 2015 оны нэгдүгээр сарын 2", "2015 оны гуравдугаар сарын 1–3"},
	} {
		for _, tt := range []struct {
			from, to Day
			want     string
		}{
			{nov20, Day{}, c.one}, {nov20, nov20, c.one}, {nov20, nov21, c.month}, {nov20, dec3, c.year},
			{nov20, jan2, c.years}, {d(2015, time.March, 1), d(2015, time.March, 3), c.first},
		} {
			if got := c.l.DateSpan(tt.from, tt.to); got != tt.want {
				t.Errorf("%s DateSpan(%v, %v) = %q, want %q", c.l, tt.from, tt.to, got, tt.want)
			}
		}
	}
	for _, c := range []struct {
		l                       Lang
		one, month, year, years string
	}{
		{English, "20 November 2014", "from 20 to 21 November 2014", "from 20 November to 3 December 2014",
			"from 20 November 2014 to 2 January 2015"},
		{French, "le 20\u00a0novembre 2014", "du 20 au 21\u00a0novembre 2014", "du 20\u00a0novembre au 3\u00a0décembre 2014",
			"du 20\u00a0novembre 2014 au 2\u00a0janvier 2015"},
		{Russian, "20\u00a0ноября 2014\u00a0г.", "с 20 по 21\u00a0ноября 2014\u00a0г.", "с 20\u00a0ноября по 3\u00a0декабря 2014\u00a0г.",
			"с 20\u00a0ноября 2014\u00a0г. по 2\u00a0января 2015\u00a0г."},
		{Mongolian, "2014 оны арван нэгдүгээр сарын 20", "2014 оны арван нэгдүгээр сарын 20–21",
			"2014 оны арван нэгдүгээр сарын 20 – 2014 оны арван хоёрдугаар сарын 3",
			"2014 оны арван нэгдүгээр сарын 20 – 2015 оны нэгдүгээр сарын 2"},
	} {
		for _, tt := range []struct {
			from, to Day
			want     string
		}{
			{nov20, Day{}, c.one}, {nov20, nov21, c.month}, {nov20, dec3, c.year}, {nov20, jan2, c.years},
		} {
			if got := c.l.DateRange(tt.from, tt.to); got != tt.want {
				t.Errorf("%s DateRange(%v, %v) = %q, want %q", c.l, tt.from, tt.to, got, tt.want)
			}
		}
	}
	if got := French.DateRange(d(2015, time.March, 1), d(2015, time.March, 3)); got != "du 1er au 3\u00a0mars 2015" {
		t.Errorf("French range from the first: %q", got)
	}
}

func TestBucket(t *testing.T) {
	for _, c := range []struct {
		l           Lang
		label, want string
	}{
		{English, "2013-Q1", "2013-Q1"},
		{French, "2013-Q1", "T1 2013"},
		{Russian, "2013-Q4", "IV\u00a0кв. 2013\u00a0г."},
		{Mongolian, "2013-Q3", "2013 III улирал"},
		{French, "2013", "2013"},
		{Russian, "2014-01", "2014-01"},
		{French, "2013-Q5", "2013-Q5"},
		{French, "2013-Q12", "2013-Q12"},
	} {
		if got := c.l.Bucket(c.label); got != c.want {
			t.Errorf("%s Bucket(%q) = %q, want %q", c.l, c.label, got, c.want)
		}
	}
}

func TestList(t *testing.T) {
	xs := []string{"Japan", "China", "Russia"}
	for l, want := range map[Lang]string{English: "Japan, China and Russia", French: "Japan, China et Russia",
		Russian: "Japan, China и Russia", Mongolian: "Japan, China болон Russia"} {
		if got := l.List(xs); got != want {
			t.Errorf("%s List = %q, want %q", l, got, want)
		}
	}
	if got := English.List([]string{"A", "B, C", "D"}); got != "A; B, C; and D" {
		t.Errorf("commas: %q", got)
	}
	if got := French.List([]string{"A", "B, C", "D"}); got != "A\u00a0; B, C et D" {
		t.Errorf("commas in French: %q", got)
	}
}

// TestMongolianSuffix is the vowel-harmony rule on country names as
// Mongolian official texts write them.
func TestMongolianSuffix(t *testing.T) {
	for _, c := range []struct{ word, with, from, of string }{
		{"Япон", "Японтой", "Японоос", "Японы"},
		{"Хятад", "Хятадтай", "Хятадаас", "Хятадын"},
		{"Орос", "Оростой", "Оросоос", "Оросын"},
		{"Энэтхэг", "Энэтхэгтэй", "Энэтхэгээс", "Энэтхэгийн"},
		{"Герман", "Германтай", "Германаас", "Германы"},
		{"Франц", "Францтай", "Францаас", "Францын"},
		{"Итали", "Италитай", "Италиас", "Италийн"},
		{"Швед", "Шведтэй", "Шведээс", "Шведийн"},
		{"Турк", "Турктэй", "Туркээс", "Туркийн"},
		{"Өмнөд Солонгос", "Өмнөд Солонгостой", "Өмнөд Солонгосоос", "Өмнөд Солонгосын"},
		{"Швейцарь", "Швейцарьтай", "Швейцариас", "Швейцарийн"},
		{"Куба", "Кубатай", "Кубаас", "Кубын"},
		{"Монгол", "Монголтой", "Монголоос", "Монголын"},
		{"ОХУ", "ОХУ-тай", "ОХУ-аас", "ОХУ-ын"},
		{"БНХАУ", "БНХАУ-тай", "БНХАУ-аас", "БНХАУ-ын"},
		{"АНУ", "АНУ-тай", "АНУ-аас", "АНУ-ын"},
		{"ХБНГУ", "ХБНГУ-тай", "ХБНГУ-аас", "ХБНГУ-ын"},
		{"ЮНЕСКО", "ЮНЕСКО-той", "ЮНЕСКО-оос", "ЮНЕСКО-гийн"},
	} {
		for _, s := range []struct{ suffix, want string }{{"тай", c.with}, {"-ээс", c.from}, {"ийн", c.of}} {
			if got := Suffix(c.word, s.suffix); got != s.want {
				t.Errorf("Suffix(%q, %q) = %q, want %q", c.word, s.suffix, got, s.want)
			}
		}
	}
	if got := Suffix(Mongolian.List([]string{"Япон", "Өмнөд Солонгос", "Хятад"}), "тай"); got != "Япон, Өмнөд Солонгос болон Хятадтай" {
		t.Errorf("list: %q", got)
	}
}

func TestCountry(t *testing.T) {
	for _, c := range []struct {
		l          Lang
		code, want string
	}{
		{English, "TR", "Türkiye"}, {French, "TR", "Türkiye"}, {Russian, "TR", "Турция"}, {Mongolian, "TR", "Турк"},
		{English, "MK", "North Macedonia"}, {French, "MK", "Macédoine du Nord"}, {Russian, "MK", "Северная Македония"}, {Mongolian, "MK", "Хойд Македон"},
		{French, "DE", "Allemagne"}, {Russian, "DE", "Германия"}, {Mongolian, "DE", "Герман"},
		{Mongolian, "RU", "Орос"}, {Mongolian, "CN", "Хятад"}, {Russian, "CN", "Китай"}, {French, "KR", "Corée du Sud"},
		{English, "JP", "Japan"},
	} {
		if got := c.l.Country(c.code, "Japan"); got != c.want {
			t.Errorf("%s Country(%s) = %q, want %q", c.l, c.code, got, c.want)
		}
	}
	if a, ok := Mongolian.Abbreviation("RU"); !ok || a != "ОХУ" {
		t.Errorf("ОХУ: %q", a)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"": English, "fr": French, "FR-fr": French, "français": French, "Russian": Russian,
		"ru_RU": Russian, "монгол": Mongolian, "mn": Mongolian} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := Parse("de"); err == nil {
		t.Error("German read")
	}
}
