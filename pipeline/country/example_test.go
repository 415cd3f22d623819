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
		"multilateral",
		"Lithvuania",
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
	// Multilateral ()
	// unknown country "Lithvuania"; did you mean Lithuania?
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
	// bad alias: "Lithvuania" already means Lithuania; it cannot also mean Latvia
}
