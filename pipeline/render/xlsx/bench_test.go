package xlsx

import (
	"fmt"
	"io"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/aggregate"
)

// bigReport is a year with n activities in four currencies and a few
// extra columns, aggregated.
func bigReport(b testing.TB, n int) *pipeline.Report {
	r := testReport(b)
	r.ActivityColumns = []string{"Бюджет код", "Source note"}
	countries := []pipeline.Country{russia, japan, kuwait, multi}
	curs := []string{"MNT", "JPY", "KWD", "USD"}
	acts := make(pipeline.Activities, n)
	r.Ledger = acts
	for i := range acts {
		d := pipeline.DateOf(time.Date(2025, 1, 1+i*365/n, 0, 0, 0, 0, time.UTC))
		acts[i] = pipeline.Activity{
			Pos: pipeline.Pos{File: "activities.csv", Row: i + 2}, ID: fmt.Sprintf("A-%07d", i), Date: d,
			Country: countries[i%4], Type: pipeline.TypeMeeting, Title: fmt.Sprintf("Встреча делегаций № %d", i),
			Participants: int64(i % 50), Amount: &pipeline.Money{Amount: pipeline.NewDecimal(int64(i)*1234+5, 2), Currency: curs[i%4]},
			Agency: "Ministry of Culture", Notes: "Cyrillic: Улаанбаатар",
			Extra: []pipeline.Field{{Name: "Бюджет код", Value: fmt.Sprintf("%05d", i%1000)}},
		}
	}
	if err := aggregate.Report(r); err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkWrite writes a ledger of 100,000 activities; ns/row is per
// activity.
func BenchmarkWrite(b *testing.B) {
	const n = 100000
	r := bigReport(b, n)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/row")
}
