package country

import (
	"testing"
	"unicode/utf8"

	"coopreport/pipeline"
)

// FuzzResolve: no input panics, an error never comes with a country, and
// a country Resolve returns resolves again, with no region, from its code,
// alpha-3 code, name and long name.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"Russian Federation", "People’s Republic of China", "Inner Mongolia (autonomic region of China)",
		"Lithvuania", "ОХУ", "Өвөр Монгол", "Бүгд Найрамдах Франц Улс", "the Philippines", "RU", "rus",
		"multilateral", "", "(", ")", "(x)", ",", "a, b", "Tianjin, China", "X (region of )", "Hong Kong (China)",
		"\xff\xfe", "Türkiye", "ＲＵ", "Korea", "Pe\x81p,00000000000000 of ChinA",
		"Korea, Dem. People's Rep.", "Congo, Dem. Rep.", "Taiwan, China", "China (Taiwan)", "Bahamas, The",
		"Virgin Islands (U.S.)", "Czechoslovakia", "СССР", "Asia-Pacific", "Republic of N.Macedonia", "the and of",
		"Mongolia, Inner", "is", "Saint", ", The", "Rep. (Dem.)",
	} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, s string) {
		c, region, err := r.Resolve(s)
		if err != nil {
			if c != (pipeline.Country{}) || region != "" {
				t.Fatalf("Resolve(%q) = %+v, %q with error %v", s, c, region, err)
			}
			return
		}
		if c.Multilateral() {
			if region != "" {
				t.Fatalf("Resolve(%q): multilateral with region %q", s, region)
			}
			return
		}
		if region != "" && !utf8.ValidString(region) {
			t.Fatalf("Resolve(%q): region %q is not UTF-8", s, region)
		}
		for _, again := range []string{c.Code, c.Alpha3, c.Name, c.LongName} {
			c2, region2, err := r.Resolve(again)
			if err != nil || c2 != c || region2 != "" {
				t.Fatalf("Resolve(%q) = %s, but Resolve(%q) = %+v, %q, %v", s, c.Code, again, c2, region2, err)
			}
		}
	})
}
