package pdf_test

import (
	"io"
	"testing"

	"coopreport/pipeline/gen"
	"coopreport/pipeline/render/markdown"
	"coopreport/pipeline/render/pdf"
)

// BenchmarkReport draws and writes the default report of 100,000
// activities (its length follows what a reader needs, not the rows):
//
//	go test ./pipeline/render/pdf -run '^$' -bench Report -benchmem
func BenchmarkReport(b *testing.B) {
	r, err := gen.Report(100_000, 1)
	if err != nil {
		b.Fatal(err)
	}
	tmpl, err := markdown.Load("")
	if err != nil {
		b.Fatal(err)
	}
	v, err := markdown.NewView(r)
	if err != nil {
		b.Fatal(err)
	}
	md, err := tmpl.ExecuteView(v, markdown.PDF)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var pages int
	for b.Loop() {
		doc, err := pdf.Render(md, r, pdf.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := doc.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
		pages = doc.Pages()
	}
	b.ReportMetric(float64(pages), "pages")
}
