package country_test

import (
	"fmt"

	"coopreport/pipeline/country"
)

func ExampleResolver_Resolve() {
	r := country.New()
	for _, cell := range []string{
		"Russian Federation",
		"ОХУ",
		"Democratic People’s Republic of Korea",
		"Inner Mongolia (autonomic region of China)",
		"Korea, Dem. People's Rep.",
		"Taiwan, China",
		"СССР",
		"multilateral",
		"Lithvuania",
		"Czechoslovakia",
		"Asia",
	} {
		c, region, err := r.Resolve(cell)
		switch {
		case err != nil:
			fmt.Println(err)
		case region != "":
			fmt.Printf("%s (%s), region %s\n", c.Name, c.Code, region)
		default:
			fmt.Printf("%s (%s)\n", c.Label(), c.Code)
		}
	}
	// Output:
	// Russia (RU)
	// Russia (RU)
	// North Korea (KP)
	// China (CN), region Inner Mongolia
	// North Korea (KP)
	// Taiwan (TW)
	// Russia (RU)
	// Multilateral ()
	// unknown country "Lithvuania"; did you mean Lithuania?
	// unknown country "Czechoslovakia": Czechoslovakia is two countries today, Czechia and Slovakia; write the one the row is about, or add an alias row (e.g. Czechoslovakia,CZ) to count the name under one of them
	// unknown country "Asia": Asia is a region or a group of countries, not a country; write the partner country, or multilateral for a group of countries, or add an alias row to count the name under a country
}

func ExampleResolver_AddAlias() {
	r := country.New()
	if err := r.AddAlias("Lithvuania", "LT", ""); err != nil {
		fmt.Println(err)
	}
	c, _, _ := r.Resolve("Lithvuania")
	fmt.Println(c.Name)
	fmt.Println(r.AddAlias("Lithvuania", "LV", ""))
	// Output:
	// Lithuania
	// bad alias: "Lithvuania" already means Lithuania; it cannot also mean Latvia: an earlier alias row says so; keep one of the two rows
}

// An alias row may count a territory with a code of its own under its
// sovereign; Overrides tells what changed.
func ExampleResolver_Overrides() {
	r := country.New()
	if err := r.AddAlias("Hong Kong", "CN", "Hong Kong"); err != nil {
		fmt.Println(err)
	}
	c, region, _ := r.Resolve("Hong Kong")
	fmt.Println(c.Name, region)
	c, _, _ = r.Resolve("Hong Kong SAR") // another spelling: not redefined
	fmt.Println(c.Name)
	for _, o := range r.Overrides() {
		fmt.Printf("%s: %s, now %s\n", o.Name, o.Builtin, o.Alias)
	}
	// Output:
	// China Hong Kong
	// Hong Kong
	// Hong Kong: Hong Kong, now Hong Kong (China)
}

func ExampleKey() {
	fmt.Println(country.Key("  The Lao People’s Democratic Republic "))
	fmt.Println(country.Key("Côte d'Ivoire") == country.Key("COTE D’IVOIRE"))
	// Output:
	// lao peoples democratic republic
	// true
}
