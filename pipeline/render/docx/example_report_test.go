package docx_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/period"
	"coopreport/pipeline/render/chartdraw"
	"coopreport/pipeline/render/docx"
	"coopreport/pipeline/render/markdown"
	"coopreport/pipeline/run"
)

var (
	exampleOnce sync.Once
	example     *pipeline.Report
	exampleMD   []byte
	exampleErr  error
)

// exampleReport is the report of the example input for 2012..2015, and
// its Markdown as the PDF is drawn from, as run.Run makes them.
func exampleReport(t *testing.T) (*pipeline.Report, []byte) {
	t.Helper()
	exampleOnce.Do(func() {
		example, exampleErr = run.Read(context.Background(), run.Options{
			Input: "../../../input", Period: period.MustParse("2012..2015"), Currency: "MNT", Party: "Mongolia",
			Title:      "Quadrennial periodic report on the 2005 Convention on the Protection and Promotion of the Diversity of Cultural Expressions",
			ShortTitle: "Periodic report on the 2005 Convention",
			Now:        time.Date(2026, time.January, 2, 3, 4, 5, 0, time.UTC), Location: time.UTC, Version: "test",
		})
		if exampleErr != nil {
			return
		}
		var tm *markdown.Template
		if tm, exampleErr = markdown.Load(""); exampleErr != nil {
			return
		}
		var v *markdown.View
		if v, exampleErr = markdown.NewView(example); exampleErr != nil {
			return
		}
		exampleMD, exampleErr = tm.ExecuteView(v, markdown.PDF)
	})
	if exampleErr != nil {
		t.Fatal(exampleErr)
	}
	return example, exampleMD
}

// fakeChart stands in for the PNG renderer: a plain picture 2:1, drawn
// at 150 dpi, its colour from the chart's name.
func fakeChart(name, caption string, widthPt float64) ([]byte, float64, float64, error) {
	const dpi = 150
	w, h := int(widthPt*dpi/72), int(widthPt/2*dpi/72)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	c := color.RGBA{uint8(40 * len(name)), 120, 180, 255}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if y > h/4 && x%40 < 25 {
				img.Set(x, y, c)
			} else {
				img.Set(x, y, color.White)
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, 0, 0, err
	}
	return buf.Bytes(), widthPt, widthPt / 2, nil
}

// The example's report: python-docx sees its headings in Word's heading
// styles, each table with its header row and the three charts, and
// LibreOffice lays it out with the annexes' wide tables on landscape
// pages and the text in reading order. DOCX_DUMP=file.docx keeps it, to
// look at.
func TestExample(t *testing.T) {
	r, md := exampleReport(t)
	var buf bytes.Buffer
	chart := func(name, _ string, w float64) ([]byte, float64, float64, error) { // as the run draws them
		b, size, err := chartdraw.PNG(r, name, "", w, 200)
		return b, size.W, size.H, err
	}
	if err := docx.Write(&buf, md, r, docx.Options{Chart: chart}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report-2012..2015.docx")
	if out := os.Getenv("DOCX_DUMP"); out != "" {
		path = out
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runPython(t, path)
	for _, want := range []string{
		"P Title | Quadrennial periodic report",
		"P Heading 1 | Summary of the period\n",
		"P Heading 2 | Bilateral policy dialogues with cultural authorities of other countries\n",
		"P Heading 3 | Responsible agencies\n",
		"P List Paragraph | Ministry of Foreign Affairs\n",
		"P Caption | Cooperation by partner, 2012–2015\n",
		"R header | Partner | Agreements signed | Agreements in force | Activities | Participants\n",
		"R body | All partners | 6 | 30 | 16 | 208\n",
		"R header | ID | Date | Partner | Type | Activity | Participants | Amount | In MNT\n",
		"P Heading 1 | Annex 3: Data issues\n",
		"C Quadrennial periodic report on the 2005 Convention on the Protection and Promotion of the Diversity of Cultural Expressions | Mongolia | 2026-01-02T03:04:05",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("python-docx does not see %q", want)
		}
	}
	if n := strings.Count(out, "\nI 3 "); n != 3 {
		t.Errorf("python-docx sees %d pictures, want the 3 charts", n)
	}
	var tables, headers int
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "R header") {
			headers++
		}
	}
	tables = strings.Count(string(md), "\n| --- ")
	if headers != tables || tables < 8 {
		t.Errorf("%d header rows for %d tables", headers, tables)
	}

	text, info := toPDF(t, path)
	pages := strings.Split(text, "\f")
	flat := strings.Join(strings.Fields(text), " ")
	inOrder(t, flat, "Quadrennial periodic report", "Contents", "Summary of the period", "Annex 3: Data issues",
		"Summary of the period", "Partner countries 26", "Measures", "Responsible agencies", "Cooperation by partner",
		"All partners 6 30 16 208", "Money", "Charts", "Activities per partner country, 2012–2015",
		"Annex 1: Agreements in force", "AG-001 Russia Agreement", "Annex 2: Activities of the period",
		"AC-013 2–8 July 2012 Türkiye festival Days of Mongolian", "25 9,800.00 USD 13,304,284.00",
		"Annex 3: Data issues", "All files 75 75 0")
	if !regexp.MustCompile(`Pages:\s+1[0-9]\n`).MatchString(info) {
		t.Errorf("LibreOffice made other than 10 to 19 pages:\n%s", info)
	}
	for i, p := range pages {
		if strings.Contains(p, "AC-013") || strings.Contains(p, "AG-001") {
			// A landscape page's lines are longer than a portrait one's.
			longest := 0
			for _, l := range strings.Split(p, "\n") {
				longest = max(longest, len([]rune(strings.TrimRight(l, " "))))
			}
			if longest < 150 {
				t.Errorf("page %d, of a wide annex, looks portrait (its longest line has %d characters)", i+1, longest)
			}
		}
	}
}
