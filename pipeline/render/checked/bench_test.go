package checked_test

import (
	"context"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/gen"
	"coopreport/pipeline/period"
	"coopreport/pipeline/render/checked"
	"coopreport/pipeline/run"
	"coopreport/pipeline/source"
)

// benchCopy generates an input folder with a ledger of n activities in
// format f (3 % of rows spoilt), reads it as a run does, and times the
// checked copy of the ledger, written to nowhere. Besides ns/row it
// reports the peak of the heap while writing (sampled), which must not
// grow with n.
func benchCopy(b *testing.B, f gen.Format, n int) {
	dir := b.TempDir()
	st, err := gen.Folder(dir, gen.Options{Format: f, Activities: n, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	r, err := run.Read(context.Background(), run.Options{Input: dir, Period: period.MustParse(gen.Period), Currency: gen.Currency, Now: gen.Now})
	if err != nil {
		b.Fatal(err)
	}
	copies, err := checked.Copies(r, dir)
	if err != nil {
		b.Fatal(err)
	}
	var ledger *checked.Copy
	for i := range copies {
		if copies[i].Input == "Activities.csv" || copies[i].Input == "activities.xlsx" {
			ledger = &copies[i]
		}
	}
	if ledger == nil {
		b.Fatalf("no copy of the ledger among %v (files %v)", copies, st.Files)
	}
	runtime.GC()
	peak := sampleHeap()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := ledger.Write(io.Discard, r, source.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/row")
	b.ReportMetric(float64(peak()-baseHeap(r))/(1<<20), "MiB-peak")
}

// sampleHeap samples the heap in use every few milliseconds until the
// function it returns is called, which gives the highest seen.
func sampleHeap() func() uint64 {
	var (
		mu   sync.Mutex
		high uint64
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-t.C:
				runtime.ReadMemStats(&m)
				mu.Lock()
				high = max(high, m.HeapInuse)
				mu.Unlock()
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return high
	}
}

// baseHeap is the heap in use before the copies, the report r held.
func baseHeap(r *pipeline.Report) uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	runtime.KeepAlive(r)
	return m.HeapInuse
}

// BenchmarkCopyCSV copies a ledger of 100,000 CSV rows.
func BenchmarkCopyCSV(b *testing.B) { benchCopy(b, gen.CSV, 100000) }

// BenchmarkCopyXLSX copies a ledger of 20,000 rows in a workbook.
func BenchmarkCopyXLSX(b *testing.B) { benchCopy(b, gen.XLSX, 20000) }
