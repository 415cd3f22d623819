package html_test

import (
	"bytes"
	stdhtml "html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"coopreport/pipeline/render/html"
	"coopreport/pipeline/render/pdf"
)

// TestBrowserSample opens the unit tests' sample page (every construct)
// in Chromium: first screens at phone and desktop size, no console
// errors, the DOM Chromium built holds the headings, and printed, the
// cover is a page of its own and the headings are in the PDF's text.
func TestBrowserSample(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	dir := outDir(t)
	var calls []string
	var b bytes.Buffer
	if err := html.Write(&b, []byte(html.SampleMD), html.SampleReport(), html.Options{Chart: html.FakeChart(&calls)}); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "sample.html")
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	screenshot(t, page, "412,915", filepath.Join(dir, "sample-phone.png"))
	screenshot(t, page, "1280,900", filepath.Join(dir, "sample-desktop.png"))

	dom, console := browse(t, page, "--dump-dom")
	if len(console) > 0 {
		t.Errorf("console:\n%s", strings.Join(console, "\n"))
	}
	for _, h := range []string{`<h1 id="summary">Summary</h1>`, `<h2 id="партнёры">Партнёры</h2>`, `<caption>Activities by partner country</caption>`, `<figcaption>Activities by country</figcaption>`} {
		if !strings.Contains(dom, h) {
			t.Errorf("Chromium's DOM lacks %s", h)
		}
	}
	if strings.Contains(dom, "parsererror") {
		t.Error("Chromium could not parse the page")
	}
	// Read by the browser's XML parser too: served as XHTML, the page
	// shows, not an error.
	xhtml := filepath.Join(dir, "sample.xhtml")
	if err := os.WriteFile(xhtml, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, console = browse(t, xhtml, "--dump-dom")
	if strings.Contains(dom, "parsererror") || !strings.Contains(dom, `<h2 id="партнёры">Партнёры</h2>`) || len(console) > 0 {
		t.Errorf("as XHTML, Chromium shows:\n%.600s\n%s", dom, strings.Join(console, "\n"))
	}

	printed := filepath.Join(dir, "sample-print.pdf")
	browse(t, page, "--no-pdf-header-footer", "--print-to-pdf="+printed)
	if n := pdfPages(t, printed); n < 2 {
		t.Errorf("printed on %d pages; the cover should have one of its own", n)
	}
	cover := pdftext(t, printed, "-f", "1", "-l", "1")
	if !strings.Contains(cover, "Report on cultural cooperation") || strings.Contains(cover, "Contents") {
		t.Errorf("page 1 of the print is not the cover alone: %q", cover)
	}
	text := pdftext(t, printed)
	for _, h := range []string{"Contents", "Summary", "Партнёры", "Not in the contents", "Activities by partner country", "Made on 2 October 2025"} {
		if !strings.Contains(text, h) {
			t.Errorf("the printed page lacks %q", h)
		}
	}
}

// TestBrowserExample opens the example folders' reports (Form A from
// input/, Form B from the Form B example): no console errors, on a phone
// nothing wider than the screen but the tables in their scrolling boxes,
// every "#" heading of the Markdown printed, and the headings in the order
// the PDF has them.
func TestBrowserExample(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	for _, tc := range []struct{ name, dir string }{
		{"form-a", "../../../input"},
		{"form-b", "../../../cmd/coopreport/testdata/form-b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, md, r := examplePage(t, tc.dir, "example-"+tc.name+".html")
			dir := filepath.Dir(page)
			screenshot(t, page, "412,915", filepath.Join(dir, "example-"+tc.name+"-phone.png"))
			screenshot(t, page, "1280,900", filepath.Join(dir, "example-"+tc.name+"-desktop.png"))

			over, w, scrolling, wraps := probe(t, page, 412)
			if over != 0 || w != 412 {
				t.Errorf("at 412 px the page is %d px wider than the screen (%d px)", over, w)
			}
			t.Logf("at 412 px, %d of %d tables scroll in their box", scrolling, wraps)
			if over, _, _, _ := probe(t, page, 1280); over != 0 {
				t.Errorf("at 1280 px the page is %d px wider than the screen", over)
			}

			printed := filepath.Join(dir, "example-"+tc.name+"-print.pdf")
			if _, console := browse(t, page, "--no-pdf-header-footer", "--print-to-pdf="+printed); len(console) > 0 {
				t.Errorf("console:\n%s", strings.Join(console, "\n"))
			}
			// The annexes, too wide for a portrait page, are printed on
			// landscape ones, as the PDF draws them.
			if l, n := pdfLandscape(t, printed); l == 0 || l == n {
				t.Errorf("%d of %d printed pages landscape, want the annexes'", l, n)
			}
			text := pdftext(t, printed)
			for _, m := range regexp.MustCompile(`(?m)^# +(.+?) *$`).FindAllSubmatch(md, -1) {
				h := strings.Join(strings.Fields(strings.NewReplacer("*", "", "`", "", `\`, "").Replace(string(m[1]))), " ")
				if !strings.Contains(text, h) {
					t.Errorf("the printed page lacks the heading %q", h)
				}
			}

			// The same headings in the same order as the PDF report.
			var b bytes.Buffer
			if err := pdf.Write(&b, md, r, pdf.Options{}); err != nil {
				t.Fatal(err)
			}
			pdfPath := filepath.Join(dir, "example-"+tc.name+"-report.pdf")
			if err := os.WriteFile(pdfPath, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			pdfText := pdftext(t, pdfPath)
			body, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			at := 0
			heads := headings(body)
			if len(heads) < 5 {
				t.Fatalf("only %d headings in the page", len(heads))
			}
			for _, h := range heads {
				i := strings.Index(pdfText[at:], h)
				if i < 0 {
					t.Errorf("heading %q is not in the PDF after offset %d (out of order or missing)", h, at)
					continue
				}
				at += i + len(h)
			}
		})
	}
}

var headingRE = regexp.MustCompile(`(?s)<h([1-4])[^>]*>(.*?)</h[1-4]>`)

// headings are the texts of a page's headings, but the contents' own.
func headings(page []byte) []string {
	var out []string
	for _, m := range headingRE.FindAllSubmatch(page, -1) {
		inner := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(m[2]), "")
		out = append(out, strings.Join(strings.Fields(stdhtml.UnescapeString(inner)), " "))
	}
	return out
}
