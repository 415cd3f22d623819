package pdf

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
)

// chartText draws one chart alone and returns the text pdftotext finds.
func chartText(t *testing.T, name string, r *pipeline.Report) string {
	t.Helper()
	path, _, _ := writeReport(t, "# Chart\n\n![The caption](chart:"+name+")\n", r, Options{})
	if out := run(t, "pdfimages", "-list", path); strings.Count(strings.TrimSpace(out), "\n") != 1 {
		t.Errorf("the chart holds images; it must be vector graphics:\n%s", out)
	}
	return flat(strings.Join(pages(t, path, false), "\n"))
}

func TestCharts(t *testing.T) {
	noCurrency := sampleReport()
	noCurrency.Currency = ""
	many := sampleReport()
	many.Totals = nil
	for i := range 40 {
		many.Totals = append(many.Totals, pipeline.SummaryRow{
			Country: pipeline.Country{Code: fmt.Sprintf("C%d", i), Name: fmt.Sprintf("Land %02d", i)},
			Counts:  pipeline.Counts{Activities: 100 - i},
		})
	}
	empty := &pipeline.Report{Title: "Empty", Party: "Mongolia", Made: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		Period: pipeline.Period{Label: "2024", From: date(2024, 1, 1), To: date(2024, 12, 31), By: pipeline.ByYear,
			Buckets: []pipeline.Bucket{{Label: "2024", From: date(2024, 1, 1), To: date(2024, 12, 31)}}}}
	tests := []struct {
		name, chart string
		r           *pipeline.Report
		want        []string // in reading order
		not         []string
	}{
		{"activities by country", "activities-by-country", sampleReport(), []string{
			"Activities by partner country", "Third quarter of 2025: 1 July 2025 to 30 September 2025; 101 activities in all",
			"Russia 57", "China 40", "Japan 3", "Multilateral 1", // longest bar first, multilateral named
			"0 20 40 60", "Number of activities", "The caption",
		}, []string{"Kuwait"}}, // no activities: no bar
		{"many partners summed up", "activities-by-country", many, []string{
			"Land 00 100", "Land 26 74", fmt.Sprintf("Other partners (13) %d", sumRange(73, 61)),
		}, []string{"Land 27", "Land 39"}},
		{"money converted", "money-by-bucket", sampleReport(), []string{
			"Money spent on activities, by month", "amounts converted to MNT", "MNT (millions)",
			"125 100 100,015,432.60 75 50 25 3,518,400.00 0", "2025-07 2025-08 2025-09", "Month",
			"Not included: amounts in KWD that no exchange rate to MNT covers.",
		}, nil},
		{"money without reporting currency", "money-by-bucket", noCurrency, []string{
			"no reporting currency set, so each currency is shown on its own scale, not converted",
			"Amounts in JPY", "150,000", "Amounts in KWD", "1,234.500", "Amounts in MNT", "MNT (millions)", "100,015,432.60",
		}, []string{"3,518,400.00"}},
		{"agreements timeline", "agreements-timeline", sampleReport(), []string{
			"Agreements in force and signed, by month",
			"Agreements in force during the month", "Agreements signed in the month", "Agreements", // the legend and the axis
			"2 0 2025-07 2025-08 2025-09", "Month",
		}, nil},
		{"empty period", "activities-by-country", empty, []string{"0 activities in all", "No activities in the period."}, nil},
		{"empty money", "money-by-bucket", empty, []string{"no reporting currency set", "No amounts in the period.", "2024", "Year"}, nil},
		{"empty timeline", "agreements-timeline", empty, []string{"No agreements in force in the period.", "2024", "Year"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := chartText(t, tt.chart, tt.r)
			if w, ok := inOrder(text, tt.want...); !ok {
				t.Errorf("the chart lacks %q in its place:\n%s", w, text)
			}
			for _, n := range tt.not {
				if strings.Contains(text, n) {
					t.Errorf("the chart shows %q", n)
				}
			}
		})
	}
	t.Run("timeline values", func(t *testing.T) {
		// In force per month 6, 4, 2 (the sum over the countries); signed 4 in July.
		text := chartText(t, "agreements-timeline", sampleReport())
		for _, want := range []string{"6", "4", "2"} {
			if !strings.Contains(" "+text+" ", " "+want+" ") {
				t.Errorf("the timeline lacks the value %s:\n%s", want, text)
			}
		}
	})
}

func sumRange(hi, lo int) int {
	s := 0
	for i := lo; i <= hi; i++ {
		s += i
	}
	return s
}

func TestChartErrors(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"unknown name", "# A\n\ntext\n\n![x](chart:pie-of-everything)\n", `report text, line 5: unknown chart "pie-of-everything"; the charts are activities-by-country, agreements-timeline, money-by-bucket`},
		{"not alone", "# A\n\nSee ![x](chart:money-by-bucket) here.\n", `report text, line 3: the chart "money-by-bucket" must stand alone in its paragraph`},
		{"in a table", "| a |\n|---|\n| ![x](chart:money-by-bucket) |\n", `the chart "money-by-bucket" must stand alone`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, []byte(tt.md), sampleReport(), Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v; want %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Error("bytes were written before the error")
			}
		})
	}
}

// word is a word pdftotext -bbox finds, in points from the page's top left.
type word struct {
	x0, y0, x1, y1 float64
	text           string
}

var wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// chartWords draws one chart alone and returns the words on its page.
func chartWords(t *testing.T, name string, r *pipeline.Report) []word {
	t.Helper()
	path, _, _ := writeReport(t, "# Chart\n\n![The caption](chart:"+name+")\n", r, Options{})
	var out []word
	for _, m := range wordRE.FindAllStringSubmatch(run(t, "pdftotext", "-bbox", path, "-"), -1) {
		var f [4]float64
		for i := range f {
			f[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		out = append(out, word{f[0], f[1], f[2], f[3], m[5]})
	}
	return out
}

// The value axis of a column chart reaches at least 10 % beyond the
// largest value, and the value labels stay inside the plot and apart,
// also where a bar and a point of the line have the same value.
func TestColumnLabelsInsideAndApart(t *testing.T) {
	r := sampleReport()
	r.Summary = []pipeline.SummaryRow{ // in force and signed both 3 in July, both 1 in September
		{Bucket: "2025-07", Country: china, Counts: pipeline.Counts{Signed: 1, InForce: 1}},
		{Bucket: "2025-07", Country: russia, Counts: pipeline.Counts{Signed: 2, InForce: 2}},
		{Bucket: "2025-08", Country: russia, Counts: pipeline.Counts{InForce: 3}},
		{Bucket: "2025-09", Country: japan, Counts: pipeline.Counts{Signed: 1, InForce: 1}},
	}
	ws := chartWords(t, "agreements-timeline", r)
	var months []word
	for _, w := range ws {
		if strings.HasPrefix(w.text, "2025-0") && w.y0 > 200 { // the category labels, not the header
			months = append(months, w)
		}
	}
	if len(months) != 3 {
		t.Fatalf("%d month labels: %v", len(months), months)
	}
	mid := func(w word) float64 { return (w.x0 + w.x1) / 2 }
	slot := mid(months[1]) - mid(months[0])
	isNumber := regexp.MustCompile(`^[0-9]+$`).MatchString
	top, topValue := math.Inf(1), 0.0 // the top tick: its middle is the top of the plot
	for _, w := range ws {
		if isNumber(w.text) && w.x1 < mid(months[0])-slot/2 && w.y1 < months[0].y0 && w.y0 > months[0].y0-250 {
			if c := (w.y0 + w.y1) / 2; c < top {
				top = c
				topValue, _ = strconv.ParseFloat(w.text, 64)
			}
		}
	}
	if topValue < 3*1.1 {
		t.Errorf("the value axis ends at %v; want at least 10 %% above the largest value, 3", topValue)
	}
	want := [][]string{{"3", "3"}, {"3"}, {"1", "1"}} // bars without agreements signed have no label
	for i, m := range months {
		var got []word
		for _, w := range ws {
			if isNumber(w.text) && math.Abs(mid(w)-mid(m)) < slot/2 && w.y1 < m.y0 && w.y0 > top-30 {
				got = append(got, w)
			}
		}
		var texts []string
		for _, w := range got {
			texts = append(texts, w.text)
			if w.y0 < top {
				t.Errorf("%s: the label %s stands above the plot (its top %.1f, the plot's %.1f)", m.text, w.text, w.y0, top)
			}
		}
		if strings.Join(texts, " ") != strings.Join(want[i], " ") {
			t.Errorf("%s: labels %q, want %q", m.text, texts, want[i])
		}
		for a := range got {
			for b := a + 1; b < len(got); b++ {
				if got[a].x0 < got[b].x1 && got[b].x0 < got[a].x1 && got[a].y0 < got[b].y1 && got[b].y0 < got[a].y1 {
					t.Errorf("%s: the labels %s and %s overlap: %+v %+v", m.text, got[a].text, got[b].text, got[a], got[b])
				}
			}
		}
	}
}
