package period_test

import (
	"fmt"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/period"
)

func ExampleParse() {
	today := pipeline.Date{Year: 2026, Month: time.January, Day: 15}
	for _, s := range []string{"2025-q3", "2012-2015", "previous-month"} {
		spec, err := period.Parse(s, today)
		if err != nil {
			fmt.Println(err)
			continue
		}
		p, _ := spec.Resolve("", pipeline.Date{}, pipeline.Date{})
		fmt.Println(p.Label, p.From, p.To, p.By, len(p.Buckets))
	}
	// Output:
	// 2025-Q3 2025-07-01 2025-09-30 month 3
	// 2012..2015 2012-01-01 2015-12-31 year 4
	// 2025-12 2025-12-01 2025-12-31 month 1
}

func ExampleParse_error() {
	_, err := period.Parse("2025-13", pipeline.Date{})
	fmt.Println(err)
	// Output:
	// period "2025-13": there is no month 13; months are 01 to 12; use 2025-10 (a month), 2025-Q3 (a quarter), 2025 (a year), 2012..2015 (whole years), 2024-07..2025-06 (whole months), previous-month, previous-quarter, previous-year, previous-cycle (the four whole years before this one), current-month, current-quarter, current-year, or all
}

func ExampleSpec_Resolve() {
	spec, _ := period.Parse("2024-07..2025-06", pipeline.Date{})
	by, _ := period.ParseBy("yearly")
	p, _ := spec.Resolve(by, pipeline.Date{}, pipeline.Date{})
	for _, b := range p.Buckets {
		fmt.Println(b.Label, b.From, b.To)
	}
	// Output:
	// 2024 2024-07-01 2024-12-31
	// 2025 2025-01-01 2025-06-30
}

func ExampleSpec_Resolve_all() {
	spec, _ := period.Parse("all", pipeline.Date{})
	p, _ := spec.Resolve("", pipeline.Date{Year: 2013, Month: time.January, Day: 18}, pipeline.Date{Year: 2015, Month: time.September, Day: 23})
	for _, b := range p.Buckets {
		fmt.Println(b.Label, b.From, b.To)
	}
	_, err := spec.Resolve("", pipeline.Date{}, pipeline.Date{})
	fmt.Println(err)
	// Output:
	// 2013 2013-01-01 2013-12-31
	// 2014 2014-01-01 2014-12-31
	// 2015 2015-01-01 2015-09-30
	// there are no dated records to report on: add agreements or activities with dates, or choose a --period such as 2025
}

func ExampleToday() {
	ub, err := time.LoadLocation("Asia/Ulaanbaatar")
	if err != nil {
		fmt.Println(err)
		return
	}
	now := time.Date(2025, time.December, 31, 17, 30, 0, 0, time.UTC)
	fmt.Println(period.Today(now, ub), period.Today(now, time.UTC))
	// Output:
	// 2026-01-01 2025-12-31
}
