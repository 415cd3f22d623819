package run

import (
	"context"
	"testing"
	"time"

	"coopreport/pipeline/gen"
	"coopreport/pipeline/period"
)

// BenchmarkRun is a whole run (read, check, aggregate, write every output)
// on a generated folder of 100,000 activities:
//
//	go test ./pipeline/run -run '^$' -bench Run -benchtime 3x -cpuprofile cpu.prof
func BenchmarkRun(b *testing.B) {
	const rows = 100_000
	dir := b.TempDir()
	if _, err := gen.Folder(dir, gen.Options{Activities: rows, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	opt := Options{
		Input: dir, Out: out, Period: period.MustParse("2020..2025"), Currency: "MNT", Version: "bench", Pinned: true,
		Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Location: time.UTC,
	}
	for b.Loop() {
		if _, err := Run(context.Background(), opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(rows*b.N), "ns/row")
}
