package aggregate_test

import (
	"testing"

	"coopreport/pipeline/aggregate"
	"coopreport/pipeline/gen"
)

// BenchmarkReport aggregates a generated ledger of 100,000 activities in
// a dozen currencies (the ledger in memory: what is measured is the
// aggregation, one pass):
//
//	go test ./pipeline/aggregate -run '^$' -bench Report -benchmem
func BenchmarkReport(b *testing.B) {
	const rows = 100_000
	r, err := gen.Report(rows, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		r.Rates = nil
		if err := aggregate.Report(r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(rows*b.N), "ns/row")
}
