package pdf

import (
	"fmt"
	"strings"
	"testing"

	"coopreport/pipeline/render/fonts"
)

func TestGlue(t *testing.T) {
	tests := []struct{ in, want string }{
		{"18 January 2013", "18~January~2013"},
		{"3–7 June 2015", "3–7~June~2015"},
		{"14 October – 8 November 2013", "14~October~– 8~November~2013"},
		{"2 November – 18 December 2015", "2~November~– 18~December~2015"},
		{"June 2015", "June~2015"},
		{"June–July 2015", "June–July~2015"},
		{"January 18, 2013", "January~18,~2013"},
		{"Sept. 2014", "Sept.~2014"},
		{"1,250,000.50 MNT", "1,250,000.50~MNT"},
		{"1 250 000.50 MNT", "1~250~000.50~MNT"},
		{"-1 250 000,50 EUR", "-1~250~000,50~EUR"},
		{"MNT 1,250,000", "MNT~1,250,000"},
		{"12 %", "12~%"},
		{"2012-01-01 to 2014-12-31", "2012-01-01 to 2014-12-31"},
		{"from 1994-01-20", "from 1994-01-20"},
		{"2012-01-01 – 2014-12-31", "2012-01-01~– 2014-12-31"},
		{"1er juillet 2025", "1er~juillet~2025"},
		{"23 septembre 2015 – 2 mars 2016", "23~septembre~2015~– 2~mars~2016"},
		{"23 сентября 2015 г.", "23~сентября~2015~г."},
		{"сентябрь 2015 г.", "сентябрь~2015~г."},
		{"2012–2015 гг.", "2012–2015~гг."},
		// As package lang writes them, with no-break spaces.
		{"23\u00a0сентября 2015\u00a0г.", "23\u00a0сентября~2015\u00a0г."},
		{"20–21\u00a0ноября 2014\u00a0г.", "20–21\u00a0ноября~2014\u00a0г."},
		{"20\u00a0novembre – 3\u00a0décembre 2014", "20\u00a0novembre~– 3\u00a0décembre~2014"},
		{"с 20\u00a0января 1994\u00a0г.", "с 20\u00a0января~1994\u00a0г."},
		{"2015 оны есдүгээр сарын 23", "2015~оны~есдүгээр~сарын~23"},
		{"2015 оны арван нэгдүгээр сар", "2015~оны~арван~нэгдүгээр~сар"},
		{"2015 он", "2015~он"},
		{"1 250 000,50 MNT", "1~250~000,50~MNT"},
		// Prose breaks where it did.
		{"Days of Mongolian culture in Turkey", "Days of Mongolian culture in Turkey"},
		{"Training of 30 local managers", "Training of 30 local managers"},
		{"May the 4th be with you", "May the 4th be with you"},
		{"", ""},
	}
	for _, tt := range tests {
		got := strings.ReplaceAll(glue(tt.in), string(glueSpace), "~")
		if got != tt.want {
			t.Errorf("glue(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// testDoc is a document with one portrait page, for laying out tables.
func testDoc(t *testing.T) *doc {
	t.Helper()
	cov, err := fonts.Coverage()
	if err != nil {
		t.Fatal(err)
	}
	d, err := newDoc("A4", &glyphs{cov: cov})
	if err != nil {
		t.Fatal(err)
	}
	d.pdf.AddPage()
	return d
}

// cellLines are the lines a table lays out for each cell of a row, as text.
func cellLines(t *table, row []cellText) [][]string {
	var out [][]string
	for _, ls := range t.lines(row) {
		var cell []string
		for _, l := range ls {
			var b strings.Builder
			for _, f := range l.frags {
				b.WriteString(f.text)
			}
			cell = append(cell, strings.ReplaceAll(b.String(), string(glueSpace), " "))
		}
		out = append(out, cell)
	}
	return out
}

func cells(texts ...string) []cellText {
	out := make([]cellText, len(texts))
	for i, s := range texts {
		out[i] = plainSpans(s, 0)
	}
	return out
}

// The annexes: dates wrapped onto three or four lines, amounts
// with their currency code on a line of its own.
func TestTableKeepsDatesAndAmountsWhole(t *testing.T) {
	title := "Accession to the Marrakesh Treaty to Facilitate Access to Published Works for Persons Who Are Blind, Visually Impaired or Otherwise Print Disabled"
	dates := []string{"14 October – 8 November 2013", "2 November – 18 December 2015", "18 September 2013", "1–30 September 2015", "23 September 2015"}
	amounts := []string{"1,250,000.50 MNT", "12,500,000,000.00 MNT", "1 250 000.50 KRW", "9,800.00 USD", ""}
	header := cells("ID", "Date", "Partner", "Type", "Activity", "Participants", "Amount", "In MNT")
	var rows [][]cellText
	for i := range 40 {
		rows = append(rows, cells(fmt.Sprintf("ACT-%07d", i), dates[i%len(dates)], "China (Inner Mongolia)", "exhibition",
			title, "1,250", amounts[i%len(amounts)], "43,125,000.00"))
	}
	aligns := []string{"L", "L", "L", "L", "L", "R", "R", "R"}
	d := testDoc(t)
	portrait := box{left: marginLeft, width: d.contentW()}

	for _, tt := range []struct {
		name    string
		b       box
		turned  bool
		between bool // a date range may break after its dash
	}{
		{"page", portrait, true, false},
		// In a box too narrow for even a landscape page to keep the
		// ranges whole (a table in a list in a quote…), each date
		// still is.
		{"narrow box", box{left: marginLeft, width: 110}, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tb := d.newTable(tt.b, "Activities", "Activities", aligns, header, rows)
			if tb.landscape != tt.turned {
				t.Errorf("landscape = %v; want %v", tb.landscape, tt.turned)
			}
			sum := 0.0
			for _, w := range tb.widths {
				sum += w
			}
			if w := tb.b.width; sum > w+1e-6 {
				t.Errorf("the columns take %.1f mm of %.1f", sum, w)
			}
			for _, r := range tb.rows {
				got := cellLines(tb, r)
				date, amount := got[1], got[6]
				want := strings.Join(strings.Fields(strings.Join(date, " ")), " ")
				switch {
				case len(date) == 1:
				case tt.between && len(date) == 2 && strings.HasSuffix(date[0], "–"):
				default:
					t.Errorf("the date %q is laid out on lines %q", want, date)
				}
				if len(amount) != 1 {
					t.Errorf("the amount is laid out on lines %q", amount)
				}
				if len(got[4]) < 2 && !tt.turned {
					t.Errorf("the title does not wrap: %q", got[4])
				}
			}
		})
	}

	t.Run("fits a portrait page", func(t *testing.T) {
		rows := [][]cellText{cells("AG-001", "Agreement", title, "1994-01-20", "from 1994-01-20")}
		tb := d.newTable(portrait, "", "", []string{"L", "L", "L", "L", "L"}, cells("ID", "Instrument", "Title", "Signed", "In force"), rows)
		if tb.landscape {
			t.Errorf("a table with one long title is drawn on landscape pages; widths %.1f", tb.widths)
		}
		got := cellLines(tb, rows[0])
		if len(got[4]) != 1 || len(got[2]) < 2 {
			t.Errorf("laid out as %q", got)
		}
	})
}

// fitColumns never gives a column less than its least width when the
// least widths fit: a narrow column taking its natural width first must
// leave the others theirs.
func TestFitColumnsLeast(t *testing.T) {
	cols := []column{
		{nat: 30, word: 5, prose: true},
		{nat: 200, word: 60, glued: 60, keep: 60},
		{nat: 200, word: 30, prose: true},
	}
	got, level := fitColumns(cols, 100, 30)
	if level != leastData {
		t.Errorf("level %d; want %d", level, leastData)
	}
	sum := 0.0
	for _, w := range got {
		sum += w
	}
	if got[1] < 60-1e-9 || got[2] < 30-1e-9 || sum > 100+1e-9 {
		t.Errorf("widths %.1f; want the second at least 60, the third at least 30, 100 in all", got)
	}
}
