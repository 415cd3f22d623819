package ingest_test

import (
	"bufio"
	"context"
	"encoding/csv"
	"io"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"

	"coopreport/pipeline/gen"
	"coopreport/pipeline/period"
	"coopreport/pipeline/run"
)

// benchRows is the size of the ledger the benchmarks read, with 1,000
// agreements, 1,020 rates and 1,000 aliases beside it.
const benchRows = 100000

// folder generates the input folder once per benchmark, outside the
// timer (b.Loop starts it).
func folder(b *testing.B, f gen.Format) *gen.Stats {
	b.Helper()
	st, err := gen.Folder(b.TempDir(), gen.Options{Format: f, Activities: benchRows, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// benchRead reads and aggregates a generated folder per iteration, as
// `coopreport validate` does (run.Read), and reports ns per ledger row.
func benchRead(b *testing.B, f gen.Format) {
	st := folder(b, f)
	opt := run.Options{Input: st.Dir, Period: period.MustParse(gen.Period), Currency: gen.Currency, Now: gen.Now}
	b.ReportAllocs()
	for b.Loop() {
		r, err := run.Read(context.Background(), opt)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Rejects) == 0 || r.Ledger.Len() < benchRows*9/10 {
			b.Fatalf("%d activities, %d rejects: the folder was not read as generated", r.Ledger.Len(), len(r.Rejects))
		}
		r.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(benchRows*b.N), "ns/row")
}

func BenchmarkIngestCSV(b *testing.B)  { benchRead(b, gen.CSV) }
func BenchmarkIngestXLSX(b *testing.B) { benchRead(b, gen.XLSX) }

// BenchmarkBaselineCSV reads the same ledger with encoding/csv and does
// nothing with it: the floor that BenchmarkIngestCSV is measured against
// in the same run, since the machines are noisy.
func BenchmarkBaselineCSV(b *testing.B) {
	st := folder(b, gen.CSV)
	fi, err := os.Stat(st.Ledger)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		f, err := os.Open(st.Ledger)
		if err != nil {
			b.Fatal(err)
		}
		br := bufio.NewReaderSize(f, 64<<10)
		if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
			br.Discard(3)
		}
		r := csv.NewReader(br)
		r.ReuseRecord = true
		r.FieldsPerRecord = -1
		n := 0
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		if n != benchRows+2 { // a title row and the header
			b.Fatalf("%d records, want %d", n, benchRows+2)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(benchRows*b.N), "ns/row")
}

// BenchmarkBaselineXLSX reads the same ledger's workbook with excelize's
// row iterator and does nothing with it: the floor of BenchmarkIngestXLSX.
func BenchmarkBaselineXLSX(b *testing.B) {
	st := folder(b, gen.XLSX)
	b.ReportAllocs()
	for b.Loop() {
		f, err := excelize.OpenFile(st.Ledger, excelize.Options{RawCellValue: true})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Activities")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				b.Fatal(err)
			}
			n++
		}
		rows.Close()
		f.Close()
		if n != benchRows+2 {
			b.Fatalf("%d rows, want %d", n, benchRows+2)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(benchRows*b.N), "ns/row")
}
