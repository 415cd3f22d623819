package chartdraw

import (
	"bytes"
	"encoding/xml"
	"html"
	"image"
	"image/png"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/render/chartdata"
)

func date(y int, m time.Month, d int) pipeline.Date { return pipeline.Date{Year: y, Month: m, Day: d} }

var (
	russia = pipeline.Country{Code: "RU", Alpha3: "RUS", Name: "Russia", LongName: "Russian Federation"}
	china  = pipeline.Country{Code: "CN", Alpha3: "CHN", Name: "China", LongName: "People's Republic of China"}
	// A partner whose name needs escaping in XML.
	odd = pipeline.Country{Code: "XO", Alpha3: "XOD", Name: "Trinidad & <Tobago>", LongName: "Trinidad & <Tobago>"}
)

// sampleReport is a quarter by month: 57 activities with Russia, 40 with
// China, 3 with the odd partner; agreements signed and in force per
// month; money in MNT converted to the reporting currency, MNT.
func sampleReport() *pipeline.Report {
	return &pipeline.Report{
		Party: "Mongolia", Currency: "MNT",
		Made: time.Date(2025, time.October, 2, 9, 30, 0, 0, time.UTC),
		Period: pipeline.Period{
			Label: "2025-Q3", Name: "third quarter of 2025", From: date(2025, 7, 1), To: date(2025, 9, 30), By: pipeline.ByMonth,
			Buckets: []pipeline.Bucket{
				{Label: "2025-07", From: date(2025, 7, 1), To: date(2025, 7, 31)},
				{Label: "2025-08", From: date(2025, 8, 1), To: date(2025, 8, 31)},
				{Label: "2025-09", From: date(2025, 9, 1), To: date(2025, 9, 30)},
			},
		},
		Grand:     pipeline.Counts{Signed: 3, InForce: 6, Activities: 100},
		Countries: []pipeline.Country{china, russia, odd},
		Totals: []pipeline.SummaryRow{
			{Bucket: "2025-Q3", Country: china, Counts: pipeline.Counts{Signed: 1, InForce: 2, Activities: 40}},
			{Bucket: "2025-Q3", Country: odd, Counts: pipeline.Counts{InForce: 1, Activities: 3}},
			{Bucket: "2025-Q3", Country: russia, Counts: pipeline.Counts{Signed: 2, InForce: 3, Activities: 57}},
		},
		Summary: []pipeline.SummaryRow{
			{Bucket: "2025-07", Country: china, Counts: pipeline.Counts{Signed: 1, InForce: 2, Activities: 20}},
			{Bucket: "2025-07", Country: russia, Counts: pipeline.Counts{Signed: 2, InForce: 3, Activities: 30}},
			{Bucket: "2025-08", Country: russia, Counts: pipeline.Counts{InForce: 3, Activities: 27}},
			{Bucket: "2025-09", Country: china, Counts: pipeline.Counts{InForce: 2, Activities: 20}},
		},
		BucketMoney: []pipeline.FinanceRow{
			{Bucket: "2025-07", Currency: "MNT", Amount: dec("100015432.60"), Rate: dec("1"), RateKnown: true, Reporting: dec("100015432.60"), Converted: true},
			{Bucket: "2025-08", Currency: "MNT", Amount: dec("3518400"), Rate: dec("1"), RateKnown: true, Reporting: dec("3518400.00"), Converted: true},
		},
		BucketReporting: []pipeline.Decimal{dec("100015432.60"), dec("3518400.00"), {}},
	}
}

// w is the PDF's text width on A4, 174 mm, in points.
const w = 174 / ptMM

// svgTexts parses an SVG as XML and returns its root's name, its <title>
// and its texts in document order.
func svgTexts(t *testing.T, svg []byte) (root, title string, texts []string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	var stack []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Space + " " + tok.Name.Local
			}
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			switch {
			case len(stack) == 0:
				if strings.TrimSpace(string(tok)) != "" {
					t.Errorf("text outside the <svg>: %q", tok)
				}
			case stack[len(stack)-1] == "title":
				title += string(tok)
			case stack[len(stack)-1] == "text":
				texts = append(texts, string(tok))
			}
		}
	}
	return root, title, texts
}

func TestSVG(t *testing.T) {
	tests := []struct {
		name, chart string
		want        []string // texts, in document order
	}{
		{"activities", "activities-by-country", []string{
			"Activities by partner country", "Third quarter of 2025: 1 July 2025 to 30 September 2025; 100 activities in all",
			"0", "20", "40", "60",
			"Russia", "57", "China", "40", "Trinidad & <Tobago>", "3",
			"Number of activities", "The caption & <more>",
		}},
		{"money", "money-by-bucket", []string{
			"Money spent on activities, by month", "MNT (millions)", "100,015,432.60", "3,518,400.00",
			"2025-07", "2025-08", "2025-09", "Month", "The caption & <more>",
		}},
		{"timeline", "agreements-timeline", []string{
			"Agreements in force and signed, by month", "Agreements in force during the month", "Agreements signed in the month",
			"Agreements", "3", "5", "3", "2", "2025-07", "2025-08", "2025-09", "Month",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg, size, err := SVG(sampleReport(), tt.chart, "The caption & <more>", w)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(svg, []byte("<svg ")) {
				t.Errorf("the SVG starts %q; want an <svg> element, no declaration", svg[:min(len(svg), 20)])
			}
			for _, bad := range []string{"<script", "href", "<?xml", "url("} {
				if bytes.Contains(svg, []byte(bad)) {
					t.Errorf("the SVG holds %q", bad)
				}
			}
			root, title, texts := svgTexts(t, svg)
			if root != "http://www.w3.org/2000/svg svg" {
				t.Errorf("root element %q", root)
			}
			if title != "The caption & <more>" {
				t.Errorf("title %q", title)
			}
			if !inOrder(texts, tt.want) {
				t.Errorf("texts %q\nwant in this order %q", texts, tt.want)
			}
			if math.Abs(size.W-w) > 1e-9 || size.H < 100 || size.H > 400 {
				t.Errorf("size %+v; want %v wide and a chart's height", size, w)
			}
			again, size2, err := SVG(sampleReport(), tt.chart, "The caption & <more>", w)
			if err != nil || !bytes.Equal(svg, again) || size2 != size {
				t.Error("a second SVG of the same chart differs")
			}
		})
	}
}

// inOrder reports whether want are elements of got in this order.
func inOrder(got, want []string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}

func TestSVGWidth(t *testing.T) {
	// A narrower chart is laid out again, not scaled: the title wraps.
	_, wide, _ := SVG(sampleReport(), "activities-by-country", "", w)
	svg, narrow, err := SVG(sampleReport(), "activities-by-country", "", 150)
	if err != nil {
		t.Fatal(err)
	}
	if narrow.W != 150 || narrow.H <= wide.H {
		t.Errorf("150 points wide: %+v; %v wide: %+v", narrow, w, wide)
	}
	if !bytes.Contains(svg, []byte(`width="150pt"`)) {
		t.Errorf("the SVG does not say its width:\n%s", svg[:200])
	}
}

func TestPNG(t *testing.T) {
	r := sampleReport()
	const dpi = 200
	b, size, err := PNG(r, "activities-by-country", "The caption", w, dpi)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	wantW, wantH := int(math.Round(w*dpi/72)), int(math.Round(size.H*dpi/72))
	if got := img.Bounds().Size(); got.X != wantW || got.Y != wantH || wantW != 1370 {
		t.Fatalf("%v pixels; want %d × %d", got, wantW, wantH)
	}
	_, svgSize, _ := SVG(r, "activities-by-country", "The caption", w)
	if size != svgSize {
		t.Errorf("PNG size %+v, SVG size %+v", size, svgSize)
	}
	// The corners are white, and the longest bar (Russia, the first) is
	// drawn in the first colour of the palette across most of the plot.
	for _, p := range []image.Point{{0, 0}, {wantW - 1, 0}, {0, wantH - 1}, {wantW - 1, wantH - 1}} {
		if !near(img.At(p.X, p.Y), Color{255, 255, 255}) {
			t.Errorf("pixel %v is %v; want white", p, img.At(p.X, p.Y))
		}
	}
	bar := barRow(img, palette[0])
	if bar < 0 {
		t.Fatal("no row of the image is mostly the bars' colour")
	}
	dark := 0
	for x := range wantW {
		if lum(img.At(x, bar)) < 128 {
			dark++
		}
	}
	if dark < wantW/2 {
		t.Errorf("row %d has %d dark pixels of %d; want the longest bar across more than half", bar, dark, wantW)
	}
	again, _, err := PNG(r, "activities-by-country", "The caption", w, dpi)
	if err != nil || !bytes.Equal(b, again) {
		t.Error("a second PNG of the same chart differs")
	}
	// At half the resolution, half the pixels.
	b, _, err = PNG(r, "activities-by-country", "The caption", w, dpi/2)
	if err != nil {
		t.Fatal(err)
	}
	if img, err = png.Decode(bytes.NewReader(b)); err != nil || img.Bounds().Dx() != 685 {
		t.Errorf("at %d dpi: %v, %v", dpi/2, img.Bounds(), err)
	}
}

// barRow returns the first row of img whose pixels are mostly col, or -1.
func barRow(img image.Image, col Color) int {
	b := img.Bounds()
	for y := range b.Dy() {
		n := 0
		for x := range b.Dx() {
			if near(img.At(x, y), col) {
				n++
			}
		}
		if n > b.Dx()/2 {
			return y
		}
	}
	return -1
}

func near(c interface{ RGBA() (r, g, b, a uint32) }, want Color) bool {
	r, g, b, _ := c.RGBA()
	d := func(v uint32, w uint8) bool { return math.Abs(float64(v>>8)-float64(w)) <= 8 }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

func lum(c interface{ RGBA() (r, g, b, a uint32) }) float64 {
	r, g, b, _ := c.RGBA()
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 257
}

func TestErrors(t *testing.T) {
	r := sampleReport()
	tests := []struct {
		name string
		err  func() error
		want string
	}{
		{"unknown chart", func() error { _, _, err := SVG(r, "pie", "", w); return err }, `unknown chart "pie": the charts are activities-by-country, agreements-timeline, money-by-bucket`},
		{"no report", func() error { _, _, err := PNG(nil, "money-by-bucket", "", w, 200); return err }, "no report"},
		{"zero width", func() error { _, _, err := SVG(r, "money-by-bucket", "", 0); return err }, "positive number of points"},
		{"NaN width", func() error { _, _, err := SVG(r, "money-by-bucket", "", math.NaN()); return err }, "positive number of points"},
		{"zero dpi", func() error { _, _, err := PNG(r, "money-by-bucket", "", w, 0); return err }, "dots per inch"},
		{"too many pixels", func() error { _, _, err := PNG(r, "money-by-bucket", "", w, 100000); return err }, "pixels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.err(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v; want %q", err, tt.want)
			}
		})
	}
}

func TestNamesAreChartdatas(t *testing.T) {
	if got, want := Names(), slices.Sorted(slices.Values(chartdataNames())); !slices.Equal(got, want) {
		t.Errorf("Names() = %q; chartdata.Names %q", got, want)
	}
}

func chartdataNames() []string { return chartdata.Names }

// No text is drawn past the picture's edges: labels at either end of an
// axis, and values over the first or last column, stay inside its
// viewBox (a picture has no margin to spill into), also for a register of
// thirty-seven years.
func TestTextInsidePicture(t *testing.T) {
	years := sampleReport()
	years.Period = pipeline.Period{Label: "1990..2026", Name: "1990–2026", From: date(1990, 1, 1), To: date(2026, 12, 31), By: pipeline.ByYear}
	years.BucketMoney, years.BucketReporting, years.Summary = nil, nil, nil
	for y := 1990; y <= 2026; y++ {
		label := strconv.Itoa(y)
		years.Period.Buckets = append(years.Period.Buckets, pipeline.Bucket{Label: label, From: date(y, 1, 1), To: date(y, 12, 31)})
		amount := dec(strconv.Itoa(1000000 * (y - 1989)))
		years.BucketMoney = append(years.BucketMoney, pipeline.FinanceRow{Bucket: label, Currency: "MNT", Amount: amount, Rate: dec("1"), RateKnown: true, Reporting: amount, Converted: true})
		years.BucketReporting = append(years.BucketReporting, amount)
		years.Summary = append(years.Summary, pipeline.SummaryRow{Bucket: label, Country: russia, Counts: pipeline.Counts{InForce: y - 1985, Signed: 1, Activities: 5}})
	}
	textRE := regexp.MustCompile(`<text x="([0-9.-]+)" y="[0-9.-]+" font-size="([0-9.]+)"[^>]*?(?: font-weight="bold")?[^>]*?(?: text-anchor="(\w+)")?>([^<]*)</text>`)
	for _, r := range []*pipeline.Report{sampleReport(), years} {
		for _, name := range Names() {
			for _, width := range []float64{w, 504} {
				svg, _, err := SVG(r, name, "", width)
				if err != nil {
					t.Fatal(err)
				}
				m := regexp.MustCompile(`viewBox="0 0 ([0-9.]+) `).FindSubmatch(svg)
				if m == nil {
					t.Fatal("no viewBox")
				}
				vbW, _ := strconv.ParseFloat(string(m[1]), 64)
				for _, tm := range textRE.FindAllSubmatch(svg, -1) {
					x, _ := strconv.ParseFloat(string(tm[1]), 64)
					size, _ := strconv.ParseFloat(string(tm[2]), 64)
					s := html.UnescapeString(string(tm[4]))
					lw := Width(s, Font{Size: size / ptMM})
					left := Left(x, s, Font{Size: size / ptMM}, map[string]Anchor{"": Start, "middle": Middle, "end": End}[string(tm[3])])
					if left < -0.05 || left+lw > vbW+0.05 {
						t.Errorf("%s, %s at %.0f pt: %q spans %.1f to %.1f, outside 0 to %.1f", r.Period.Label, name, width, s, left, left+lw, vbW)
					}
				}
			}
		}
	}
}
