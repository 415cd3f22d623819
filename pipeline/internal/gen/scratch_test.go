package gen

import (
	"fmt"
	"testing"

	"coopreport/pipeline/country"
	"coopreport/pipeline/normalize"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

func TestScratch(t *testing.T) {
	mn := display.Regions(language.Mongolian)
	ru := display.Regions(language.Russian)
	en := display.Regions(language.English)
	r := country.New()
	for _, c := range []string{"RU", "CN", "KR", "KP", "JP", "DE", "FR", "US", "GB", "IT", "KZ", "TR", "IN", "HU", "CZ", "PL", "BG", "VN", "LA", "TH", "AT", "CH", "BE", "NL", "SE", "FI", "EG", "CU", "IL", "LT", "UA", "BY", "GR", "ES", "AU", "CA", "BR", "MX", "KG", "UZ"} {
		reg := language.MustParseRegion(c)
		fmt.Println(c, reg.ISO3(), en.Name(reg), "|", mn.Name(reg), "|", ru.Name(reg))
		for _, n := range []string{en.Name(reg), mn.Name(reg), ru.Name(reg), reg.ISO3()} {
			if _, _, err := r.Resolve(n); err != nil {
				t.Error(n, err)
			}
		}
	}
	for _, a := range []string{"1250000.50", "1,250,000.50", "1 250 000,50", "1 250 000.50", "$15,000.00", "₽450,000", "12500000 MNT", "MNT 1,000", "(1,250.00)", "-500", "€ 2 500", "1 250 000 ₮", "12,50,000", "1.250.000,5.0"} {
		d, code, err := normalize.Amount(a, false)
		fmt.Printf("%q -> %v %q %v\n", a, d, code, err)
	}
	for _, s := range []string{"2023-01-18", "2023.01.18", "18.01.2023", "2023/01/18", "January 18, 2023", "18 January 2023", "18/01/2023", "31.02.2023", "13/25/2023", "2023-13-01"} {
		d, err := normalize.Date(s, 0)
		fmt.Printf("%q -> %v %v\n", s, d, err)
	}
	for _, s := range []string{"Germny", "Frence", "Jappan", "Kazakstan", "Lithvuania", "Isreal", "Itally", "Polnad", "Swedan", "Russsia", "Chinaa", "Hungray", "Bulgary", "Vietnan", "Mongolla", "Koreya", "Австрея", "Япон улсс"} {
		c, _, err := r.Resolve(s)
		fmt.Printf("%q -> %v %v\n", s, c.Code, err)
	}
}
