package run

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"coopreport/pipeline/gen"
	"coopreport/pipeline/period"
	"coopreport/pipeline/render/markdown"
	"coopreport/pipeline/render/pdf"
)

// maxPages is what the PDF report may take at any size of the ledger:
// lists give their first entries and say how many more the workbook has.
// The data issues annex, listing the first 200 problems, takes about ten.
const maxPages = 50

// The PDF of a large ministry's register (20,000 activities) and of a
// million keeps within maxPages, with every section the template has:
// the report's length follows what a reader needs, not the rows read.
func TestReportLengthBounded(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext is needed (install poppler-utils): %v", err)
	}
	var headings []string
	for _, rows := range []int{20_000, 1_000_000} {
		dir := t.TempDir()
		if _, err := gen.Folder(dir, gen.Options{Activities: rows, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		opt := Options{Input: dir, Period: period.All, Currency: "MNT", Version: "test", Now: gen.Now, SpoolDir: t.TempDir()}
		r, err := Read(context.Background(), opt)
		if err != nil {
			t.Fatal(err)
		}
		n := r.Ledger.Len()
		if n < rows*9/10 {
			t.Fatalf("%d rows: %d activities read", rows, n)
		}
		tmpl, err := markdown.Load("")
		if err != nil {
			t.Fatal(err)
		}
		view, err := markdown.NewView(r)
		if err != nil {
			t.Fatal(err)
		}
		md, err := tmpl.ExecuteView(view, markdown.PDF)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := pdf.Render(md, r, pdf.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r.Close()
		if doc.Pages() > maxPages {
			t.Errorf("%d rows: %d pages, want at most %d", rows, doc.Pages(), maxPages)
		}
		path := filepath.Join(t.TempDir(), "report.pdf")
		var buf bytes.Buffer
		if err := doc.Write(&buf); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		got := sectionHeadings(md)
		if headings == nil {
			headings = got
		} else if strings.Join(got, "\n") != strings.Join(headings, "\n") {
			t.Errorf("%d rows: the sections differ from those at 20,000:\n%q\nwant\n%q", rows, got, headings)
		}
		for _, h := range got {
			if !strings.Contains(text, h) {
				t.Errorf("%d rows: the PDF lacks the section %q", rows, h)
			}
		}
		if want := "The period has " + grouped(n) + " activities; the first 50 are listed here"; !strings.Contains(text, want) {
			t.Errorf("%d rows: the annex does not say %q", rows, want)
		}
		t.Logf("%d rows: %d pages", rows, doc.Pages())
	}
	if len(headings) < 8 {
		t.Errorf("only %d section headings: %q", len(headings), headings)
	}
}

var headingLine = regexp.MustCompile(`(?m)^#{1,4} +(.+?) *$`)

// sectionHeadings are the headings of a report's Markdown, as text.
func sectionHeadings(md []byte) []string {
	var out []string
	for _, m := range headingLine.FindAllSubmatch(md, -1) {
		h := strings.Join(strings.Fields(strings.NewReplacer("*", "", "`", "", `\`, "").Replace(string(m[1]))), " ")
		out = append(out, h)
	}
	return out
}

// grouped writes n with thousands separators, as the report does.
func grouped(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
