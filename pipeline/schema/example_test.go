package schema_test

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"coopreport/pipeline/schema"
)

func ExampleKindOfName() {
	for _, name := range []string{"Agreements 2024", "exchange_rates", "cooperation_plan", "Үйл ажиллагаа"} {
		fmt.Printf("%q → %q\n", name, schema.KindOfName(name))
	}
	// Output:
	// "Agreements 2024" → "agreements"
	// "exchange_rates" → "rates"
	// "cooperation_plan" → ""
	// "Үйл ажиллагаа" → "activities"
}

func ExampleFindHeader() {
	rows := [][]string{
		{"Гэрээний бүртгэл"},
		{"№", "Улс", "Төрөл", "Нэр", "Гарын үсэг зурсан огноо", "Хавсралт"},
	}
	h, err := schema.FindHeader("", rows)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(h.Kind, "header at row", h.Index+1)
	for _, c := range h.Columns {
		fmt.Printf("%s → %q\n", c.Header, c.Field)
	}
	fmt.Println("unknown:", h.Unknown())
	// Output:
	// agreements header at row 2
	// № → "id"
	// Улс → "country"
	// Төрөл → "instrument"
	// Нэр → "title"
	// Гарын үсэг зурсан огноо → "signed"
	// Хавсралт → ""
	// unknown: [Хавсралт]
}

func ExampleNewCSV() {
	src := "Exchange rates\ncurrency,period,rate,source\nUSD,2024,3400.5,Bank of Mongolia\n,,,\nEUR,2024-Q3,3700,\n"
	r := csv.NewReader(strings.NewReader(src))
	r.FieldsPerRecord = -1
	h, _ := schema.FindHeader("rates", [][]string{{"Exchange rates"}, {"currency", "period", "rate", "source"}})
	r.Read() // the title row above the header
	d, err := schema.NewCSV[schema.RateRecord](r, h, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	for {
		rec, row, extra, err := d.Next()
		if err == io.EOF {
			break
		}
		fmt.Printf("row %d: %s %s %s; %s=%q\n", row, rec.Currency, rec.Period, rec.Rate, extra[0].Name, extra[0].Value)
	}
	// Output:
	// row 3: USD 2024 3400.5; source="Bank of Mongolia"
	// row 5: EUR 2024-Q3 3700; source=""
}
