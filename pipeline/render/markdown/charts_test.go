package markdown_test

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"coopreport/pipeline"
	"coopreport/pipeline/aggregate"
	"coopreport/pipeline/render/markdown"
	"coopreport/pipeline/render/pdf"
)

// pdftotext runs pdftotext (poppler-utils; CI installs it, so a missing
// one fails the test) on the PDF of md and r, with args before the file.
func pdftotext(t *testing.T, md string, r *pipeline.Report, args ...string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Write(&buf, []byte(md), r, pdf.Options{}); err != nil {
		t.Fatalf("pdf.Write: %v\n%s", err, md)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	prog, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext is needed to read the PDF (install poppler-utils): %v", err)
	}
	out, err := exec.Command(prog, append(append([]string{"-enc", "UTF-8"}, args...), path, "-")...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

func run1(t *testing.T, text string, r *pipeline.Report, target markdown.Target) string {
	t.Helper()
	tm, err := markdown.Parse("chart.md.tmpl", text)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tm.Execute(r, target)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// mdRows returns the body rows of the first table of md, cells trimmed,
// bold marks removed, and the paragraphs after the table.
func mdRows(md string) (rows [][]string, after string) {
	lines := strings.Split(md, "\n")
	i := 0
	for i < len(lines) && !strings.HasPrefix(lines[i], "|") {
		i++
	}
	i += 2 // the header and the alignment row
	for ; i < len(lines) && strings.HasPrefix(lines[i], "|"); i++ {
		var row []string
		for _, c := range strings.Split(strings.Trim(lines[i], "|"), "|") {
			row = append(row, strings.Trim(strings.TrimSpace(c), "*"))
		}
		rows = append(rows, row)
	}
	return rows, strings.TrimSpace(strings.Join(lines[min(i, len(lines)):], "\n"))
}

// word is a word pdftotext -bbox finds, in points from the page's top left.
type word struct {
	x0, y0, x1, y1 float64
	text           string
}

var wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

func words(bbox string) []word {
	var out []word
	for _, m := range wordRE.FindAllStringSubmatch(bbox, -1) {
		var f [4]float64
		for i := range f {
			f[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		out = append(out, word{f[0], f[1], f[2], f[3], strings.ReplaceAll(m[5], "&amp;", "&")})
	}
	return out
}

var numberRE = regexp.MustCompile(`^-?[0-9][0-9,]*(\.[0-9]+)?$`)

// columnValues reads a column chart from the words of its page: for each
// category label (the lowest word with that text), the numbers drawn
// above it, within its column and below the top of the value axis
// (value labels outside the plot are not counted), sorted.
func columnValues(t *testing.T, ws []word, categories []string) [][]string {
	t.Helper()
	var labels []word
	for _, c := range categories {
		var best *word
		for i := range ws {
			if ws[i].text == c && (best == nil || ws[i].y0 > best.y0) {
				best = &ws[i]
			}
		}
		if best == nil {
			t.Fatalf("the chart has no category label %q", c)
		}
		labels = append(labels, *best)
	}
	mid := func(w word) float64 { return (w.x0 + w.x1) / 2 }
	slot := math.Inf(1)
	for i := 1; i < len(labels); i++ {
		slot = min(slot, mid(labels[i])-mid(labels[i-1]))
	}
	// The tick labels: numbers left of the first column, on the plot's
	// height. The highest one marks the top of the value axis.
	top := math.Inf(1)
	for _, w := range ws {
		if numberRE.MatchString(w.text) && w.x1 < mid(labels[0])-slot/2 && w.y1 < labels[0].y0 && w.y1 > labels[0].y0-250 {
			top = min(top, (w.y0+w.y1)/2)
		}
	}
	if math.IsInf(top, 1) {
		t.Fatal("no tick labels found")
	}
	var out [][]string
	for _, l := range labels {
		var vs []string
		for _, w := range ws {
			if numberRE.MatchString(w.text) && math.Abs(mid(w)-mid(l)) < slot/2 && w.y1 < l.y0 && w.y0 >= top {
				vs = append(vs, w.text)
			}
		}
		slices.Sort(vs)
		out = append(out, vs)
	}
	return out
}

// The charts of report-<period>.md are tables of the numbers the PDF
// charts draw: one builder (package chartdata) makes both.
func TestChartsAgreeWithPDF(t *testing.T) {
	in := inputReport(t)
	uncovered := *in // a currency no rate covers: left out of the sums, and said so
	uncovered.RateList = slices.DeleteFunc(slices.Clone(in.RateList), func(r pipeline.Rate) bool { return r.Currency == "KRW" })
	uncovered.Rates = nil
	if err := aggregate.Report(&uncovered); err != nil {
		t.Fatal(err)
	}
	many := *in // more partners than bars: the rest summed up
	many.Totals = slices.Clone(in.Totals)
	for i := range 30 {
		many.Totals = append(many.Totals, pipeline.SummaryRow{Bucket: in.Period.Label,
			Country: pipeline.Country{Code: fmt.Sprintf("Z%d", i), Name: fmt.Sprintf("Land %02d", i)},
			Counts:  pipeline.Counts{Activities: 1 + i%3}})
		many.Grand.Activities += 1 + i%3
	}
	tests := []struct {
		name, chart string
		r           *pipeline.Report
		md          []string // rows the table must have, "cell cell …"
		note        string
	}{
		{"activities", "activities-by-country", in, []string{"Russia 5", "China 2", "Türkiye 1", "All partners 16"}, ""},
		{"activities of many partners", "activities-by-country", &many, []string{"Russia 5", "Land 29 3", "Japan 1", "Other partners (14) 14", "All partners 76"}, ""},
		{"money", "money-by-bucket", in, []string{"2012 17,804,284.00", "2015 63,078,950.16"}, ""},
		{"money not all converted", "money-by-bucket", &uncovered, []string{"2014 60,370,250.00"},
			"Not included: amounts in KRW that no exchange rate to MNT covers."},
		{"timeline", "agreements-timeline", in, []string{"2012 26 1", "2013 28 3", "2014 29 1", "2015 29 1"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			call := `{{chart "` + tt.chart + `" "The chart"}}`
			md := run1(t, call, tt.r, markdown.Markdown)
			rows, after := mdRows(md)
			var joined []string
			for _, r := range rows {
				joined = append(joined, strings.Join(r, " "))
			}
			for _, w := range tt.md {
				if !slices.Contains(joined, w) {
					t.Errorf("the .md table lacks the row %q:\n%s", w, md)
				}
			}
			if after != tt.note {
				t.Errorf("the .md says after the table %q, want %q", after, tt.note)
			}
			page := "# Chart\n\n" + run1(t, call, tt.r, markdown.PDF)
			switch tt.chart {
			case "activities-by-country":
				// Bar by bar, in the table's order, each label with its value.
				text := strings.Join(strings.Fields(pdftotext(t, page, tt.r)), " ")
				at := 0
				for _, r := range rows {
					if r[0] == "All partners" { // in the subtitle
						if want := "; " + r[1] + " activities in all"; !strings.Contains(text, want) {
							t.Errorf("the PDF chart lacks %q:\n%s", want, text)
						}
						continue
					}
					want := r[0] + " " + r[1] + " "
					i := strings.Index(text[at:], want)
					if i < 0 {
						t.Fatalf("the PDF chart lacks %q after what came before:\n%s", want, text)
					}
					at += i + len(want)
				}
			default:
				// Column by column: the numbers drawn above each bucket.
				ws := words(pdftotext(t, page, tt.r, "-bbox"))
				var cats []string
				for _, r := range rows {
					cats = append(cats, r[0])
				}
				got := columnValues(t, ws, cats)
				for i, r := range rows {
					want := slices.Clone(r[1:])
					slices.Sort(want)
					if !slices.Equal(got[i], want) {
						t.Errorf("bucket %s: the PDF draws %q, the .md lists %q", r[0], got[i], want)
					}
				}
				if tt.note != "" && !strings.Contains(strings.Join(strings.Fields(pdftotext(t, page, tt.r)), " "), tt.note) {
					t.Errorf("the PDF chart lacks the note %q", tt.note)
				}
			}
		})
	}
}

// A chart written inside a sentence still stands alone: the chart
// function makes it a paragraph of its own, and the PDF draws it between
// the two halves of the sentence.
func TestChartInASentence(t *testing.T) {
	r := inputReport(t)
	text := "# Charts\n\nSome words {{chart \"activities-by-country\" \"Caption\"}} and more words.\n\n- In a list: {{chart \"agreements-timeline\" \"Timeline\"}}\n"
	md := run1(t, text, r, markdown.PDF)
	want := "# Charts\n\nSome words\n\n![Caption](chart:activities-by-country)\n\n and more words.\n\n- In a list:\n\n![Timeline](chart:agreements-timeline)\n"
	if md != want {
		t.Errorf("got\n%q\nwant\n%q", md, want)
	}
	got := strings.Join(strings.Fields(pdftotext(t, md, r)), " ")
	for _, w := range []string{"Some words", "Activities by partner country", "Russia 5", "Caption", "and more words.", "In a list:", "Agreements in force and signed, by year", "Timeline"} {
		i := strings.Index(got, w)
		if i < 0 {
			t.Fatalf("the PDF lacks %q in its place:\n%s", w, got)
		}
		got = got[i+len(w):]
	}
	md = run1(t, text, r, markdown.Markdown)
	if !strings.Contains(md, "Some words\n\n*Caption*\n\n| Partner | Activities |") || !strings.Contains(md, "| **All partners** | **16** |\n\n and more words.") {
		t.Errorf("the Markdown target does not set the chart apart:\n%s", md)
	}
}

// Two spaces at the end of a line are Markdown's hard line break; a
// backslash is the other way to write one. Both survive the tidying of
// blank lines, and the PDF breaks the line there.
func TestHardLineBreaks(t *testing.T) {
	r := inputReport(t)
	text := "# Address\n\nMinistry of Culture  \nGovernment Building 3\\\nUlaanbaatar   \n\nEnd of the paragraph  \n\n{{.Party}}  \n{{.Period.Label}}\n"
	md := run1(t, text, r, markdown.PDF)
	want := "# Address\n\nMinistry of Culture  \nGovernment Building 3\\\nUlaanbaatar\n\nEnd of the paragraph\n\nMongolia  \n2012..2015\n"
	if md != want {
		t.Errorf("got\n%q\nwant\n%q", md, want)
	}
	layout := pdftotext(t, md, r, "-layout")
	for _, line := range []string{"Ministry of Culture", "Government Building 3", "Ulaanbaatar", "Mongolia", "2012..2015"} {
		if !regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(line) + `\s*$`).MatchString(layout) {
			t.Errorf("%q is not a line of its own in the PDF:\n%s", line, layout)
		}
	}
}
