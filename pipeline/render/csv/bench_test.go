package csv_test

import (
	"fmt"
	"io"
	"testing"

	"coopreport/pipeline"
	"coopreport/pipeline/gen"
	csvout "coopreport/pipeline/render/csv"
)

// BenchmarkWrite writes summary.csv and finance.csv of a report of
// 100,000 activities (their rows are buckets × partners × currencies) and
// a rejects.csv of 100,000 problems, the worst a ledger of that size can
// have:
//
//	go test ./pipeline/render/csv -run '^$' -bench Write -benchmem
func BenchmarkWrite(b *testing.B) {
	const rows = 100_000
	r, err := gen.Report(rows, 1)
	if err != nil {
		b.Fatal(err)
	}
	rejects := make([]pipeline.RowError, rows)
	for i := range rejects {
		rejects[i] = pipeline.RowError{Pos: pipeline.Pos{File: "activities.csv", Row: i + 2}, Column: "amount", Value: fmt.Sprint(i),
			Err: fmt.Errorf("%w: write a number such as 1250000.50", pipeline.ErrBadAmount)}
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := csvout.Summary(io.Discard, r); err != nil {
			b.Fatal(err)
		}
		if err := csvout.Finance(io.Discard, r); err != nil {
			b.Fatal(err)
		}
		if err := csvout.Rejects(io.Discard, rejects); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(rows*b.N), "ns/row")
}
