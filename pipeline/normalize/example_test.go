package normalize_test

import (
	"errors"
	"fmt"

	"coopreport/pipeline"
	"coopreport/pipeline/normalize"
)

func ExampleDate() {
	for _, s := range []string{"2013-01-18", "18.01.2013", "January 18, 2013", "18/01/2013", "2013-01-18 00:00:00"} {
		d, _ := normalize.Date(s, normalize.DayFirst)
		fmt.Println(d)
	}
	// A slashed date that does not fit the configured order is never swapped.
	_, err := normalize.Date("12/25/2013", normalize.DayFirst)
	fmt.Println(errors.Is(err, pipeline.ErrAmbiguousDate), err)
	_, err = normalize.Date("18.01.13", normalize.DayFirst)
	fmt.Println(err)
	// Output:
	// 2013-01-18
	// 2013-01-18
	// 2013-01-18
	// 2013-01-18
	// 2013-01-18
	// true not a date in day/month/year order (the configured date order); if you meant 25 December 2013, write it as 2013-12-25
	// the year has two digits; write all four, e.g. 2013-01-18
}

func ExampleAmount() {
	for _, s := range []string{"1,250,000.50", "1 250 000,50 ₮", "$1,250.00", "(1,250.00)", "1.2345E+6"} {
		x, code, _ := normalize.Amount(s, false)
		fmt.Printf("%v %q\n", x, code)
	}
	x, _, _ := normalize.Amount("1,25", true) // a file whose decimal mark is a comma
	fmt.Println(x)
	_, _, err := normalize.Amount("1,25", false)
	fmt.Println(err)
	// Output:
	// 1250000.50 ""
	// 1250000.50 "MNT"
	// 1250.00 "USD"
	// -1250.00 ""
	// 1234500 ""
	// 1.25
	// a comma separates thousands here, so three digits must follow it (1,250 is 1250); write a decimal with a point (1.25), or set the file's decimal mark to comma
}

func ExampleCurrency() {
	for _, s := range []string{"mnt", "₮", "$", "руб."} {
		code, _ := normalize.Currency(s)
		fmt.Println(code)
	}
	_, err := normalize.Currency("¥")
	fmt.Println(err)
	// Output:
	// MNT
	// MNT
	// USD
	// RUB
	// ¥ stands for more than one currency; write JPY (yen) or CNY (yuan)
}

func ExampleExcelDate() {
	d, ok := normalize.ExcelDate("41292", false)
	fmt.Println(d, ok)
	_, ok = normalize.ExcelDate("60", false) // Excel's 29 February 1900, which never was
	fmt.Println(ok)
	// Output:
	// 2013-01-18 true
	// false
}
