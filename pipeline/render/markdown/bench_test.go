package markdown_test

import (
	"testing"

	"coopreport/pipeline/gen"
	"coopreport/pipeline/render/markdown"
)

// BenchmarkView builds the view of a report of 100,000 activities (one
// pass over the ledger) and executes the default template for the PDF
// and for the Markdown file, as a run does:
//
//	go test ./pipeline/render/markdown -run '^$' -bench View -benchmem
func BenchmarkView(b *testing.B) {
	const rows = 100_000
	r, err := gen.Report(rows, 1)
	if err != nil {
		b.Fatal(err)
	}
	tmpl, err := markdown.Load("")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var size int
	for b.Loop() {
		v, err := markdown.NewView(r)
		if err != nil {
			b.Fatal(err)
		}
		for _, target := range []markdown.Target{markdown.PDF, markdown.Markdown} {
			md, err := tmpl.ExecuteView(v, target)
			if err != nil {
				b.Fatal(err)
			}
			size = len(md)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(rows*b.N), "ns/row")
	b.ReportMetric(float64(size)/1024, "KB-md")
}
