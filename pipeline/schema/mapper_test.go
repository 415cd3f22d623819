package schema

import (
	"slices"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
)

func TestMapper(t *testing.T) {
	// A sheet as excelize's Rows gives it: trailing empty cells dropped,
	// so rows are as long as their last non-empty cell.
	sheet := [][]string{
		{"Үйл ажиллагааны бүртгэл"},
		{},
		{"Д/д", "Огноо", "Улс", "Бүс нутаг", "Төрөл", "Нэр", "Дүн", "Валют", "Хариуцагч", "", "Тайлбар"},
		{"AC-1", "45294", "ОХУ", "", "meeting", "Commission", "12 500 000,00", "₮", "Ministry", "", "made up"},
		{"AC-2", "2014-11-20", "Хятад", "Өвөр Монгол", "festival", "Naadam"},
		{"", " ", ""},
		{"AC-3", "2015-01-01", "Japan", "", "study", "Long", "", "", "", "under a blank header", "", "beyond", "", "far"},
	}
	h, err := FindHeader(KindOfName("Үйл ажиллагаа"), sheet)
	if err != nil {
		t.Fatal(err)
	}
	if h.Index != 2 || h.Kind != pipeline.KindActivities {
		t.Fatalf("header %q at %d", h.Kind, h.Index)
	}
	m, err := NewMapper[ActivityRecord](h)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		rec   ActivityRecord
		extra []pipeline.Field
	}
	var got []row
	for _, cells := range sheet[h.Index+1:] {
		if Blank(cells) {
			continue
		}
		rec, extra := m.Map(cells)
		got = append(got, row{*rec, extra})
	}
	want := []row{
		{ActivityRecord{ID: "AC-1", Date: "45294", Country: "ОХУ", Type: "meeting", Title: "Commission", Amount: "12 500 000,00", Currency: "₮", Notes: "made up"},
			[]pipeline.Field{fld("Хариуцагч", "Ministry"), fld("column 10", "")}},
		{ActivityRecord{ID: "AC-2", Date: "2014-11-20", Country: "Хятад", Region: "Өвөр Монгол", Type: "festival", Title: "Naadam"},
			[]pipeline.Field{fld("Хариуцагч", ""), fld("column 10", "")}},
		{ActivityRecord{ID: "AC-3", Date: "2015-01-01", Country: "Japan", Type: "study", Title: "Long"},
			[]pipeline.Field{fld("Хариуцагч", ""), fld("column 10", "under a blank header"), fld("column 12", "beyond"), fld("column 14", "far")}},
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].rec != want[i].rec {
			t.Errorf("row %d\n got %+v\nwant %+v", i, got[i].rec, want[i].rec)
		}
		if !slices.Equal(got[i].extra, want[i].extra) {
			t.Errorf("row %d: extra\n got %q\nwant %q", i, got[i].extra, want[i].extra)
		}
	}
	// Blank header cells are not reported as unknown columns.
	if u := h.Unknown(); !slices.Equal(u, []string{"Хариуцагч"}) {
		t.Errorf("unknown %q", u)
	}
}

// A header cell that looks like an extra name beyond the header does not
// swallow it: names stay unique.
func TestMapperNameClash(t *testing.T) {
	h, err := FindHeader(pipeline.KindAliases, [][]string{{"name", "country", "column 4"}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMapper[AliasRecord](h)
	if err != nil {
		t.Fatal(err)
	}
	_, extra := m.Map([]string{"Israil", "IL", "a", "b"})
	want := []pipeline.Field{fld("column 4", "a"), fld("column 4 (2)", "b")}
	if !slices.Equal(extra, want) {
		t.Errorf("extra %q, want %q", extra, want)
	}
}

// A workbook's date cells in unknown columns become dates; the record's
// own date keeps the serial, which package normalize reads.
func TestMapperDates(t *testing.T) {
	h, err := FindHeader(pipeline.KindActivities, [][]string{{"id", "date", "country", "type", "title", "Received", "Time"}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMapper[ActivityRecord](h)
	if err != nil {
		t.Fatal(err)
	}
	d := pipeline.Date{Year: 2013, Month: time.January, Day: 18}
	cells := []string{"AC-1", "41292", "RU", "meeting", "Talks", "41292", "0.5", "41293", "41294"}
	dates := []pipeline.Field{
		1: {Value: "2013-01-18", Date: d},
		5: {Value: "2013-01-18", Date: d},
		6: {Value: "12:00"},
		7: {Value: "2013-01-19", Date: d.AddDays(1)},
	}
	tests := []struct {
		name  string
		dates []pipeline.Field
		date  string
		want  []pipeline.Field
	}{
		{"workbook", dates, "41292", []pipeline.Field{
			{Name: "Received", Value: "2013-01-18", Date: d},
			{Name: "Time", Value: "12:00"},
			{Name: "column 8", Value: "2013-01-19", Date: d.AddDays(1)},
			{Name: "column 9", Value: "41294"}, // not date-formatted: a number
		}},
		{"no dates", nil, "41292", []pipeline.Field{
			fld("Received", "41292"), fld("Time", "0.5"), fld("column 8", "41293"), fld("column 9", "41294"),
		}},
		{"dates shorter than the row", dates[:6], "41292", []pipeline.Field{
			{Name: "Received", Value: "2013-01-18", Date: d}, fld("Time", "0.5"), fld("column 8", "41293"), fld("column 9", "41294"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, extra := m.Map(cells, tt.dates...)
			if rec.Date != tt.date {
				t.Errorf("record date %q, want %q", rec.Date, tt.date)
			}
			if !slices.Equal(extra, tt.want) {
				t.Errorf("extra\n got %+v\nwant %+v", extra, tt.want)
			}
		})
	}
}

func TestNewMapperErrors(t *testing.T) {
	h, err := FindHeader(pipeline.KindAgreements, [][]string{{"id", "country", "instrument", "title", "signed"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewMapper[RateRecord](h); err == nil || !strings.Contains(err.Error(), `no field for the agreements column "id"`) {
		t.Errorf("error %v", err)
	}
	if _, err := NewMapper[string](h); err == nil {
		t.Error("no error for a non-struct")
	}
}

func TestBlank(t *testing.T) {
	tests := []struct {
		cells []string
		want  bool
	}{
		{nil, true},
		{[]string{}, true},
		{[]string{"", " ", "\t", "\u00a0"}, true},
		{[]string{"", "x"}, false},
		{[]string{"0"}, false},
	}
	for _, tt := range tests {
		if got := Blank(tt.cells); got != tt.want {
			t.Errorf("Blank(%q) = %v", tt.cells, got)
		}
	}
}

func fld(name, value string) pipeline.Field { return pipeline.Field{Name: name, Value: value} }

// TestProblemsColumn: the first column of a checked copy, headed
// Problems (or its header in a copy made in another language, which names
// coopreport), is neither read nor kept as extra; elsewhere, mapped in the
// configuration, or headed with an ordinary word such as "Замечания", it
// is a column like any other.
func TestProblemsColumn(t *testing.T) {
	tests := []struct {
		name    string
		header  []string
		row     []string
		m       *Matcher
		unknown []string
		extra   []pipeline.Field
		blank   bool
	}{
		{name: "first column", header: []string{"Problems", "ID", "Date", "Country", "Type", "Title"},
			row: []string{"Country: unknown", "AC-1", "2015-01-02", "Japan", "study", "Tour"}},
		{name: "any case and spaces", header: []string{" PROBLEMS ", "ID", "Date", "Country", "Type", "Title"},
			row: []string{"x", "AC-1", "2015-01-02", "Japan", "study", "Tour"}},
		{name: "French", header: []string{"Problèmes (coopreport)", "ID", "Date", "Country", "Type", "Title"},
			row: []string{"Pays : inconnu", "AC-1", "2015-01-02", "Japan", "study", "Tour"}},
		{name: "Mongolian", header: []string{"coopreport-ын тэмдэглэл", "ID", "Date", "Country", "Type", "Title"},
			row: []string{"Улс: тодорхойгүй", "AC-1", "2015-01-02", "Japan", "study", "Tour"}},
		{name: "Russian", header: []string{"Замечания coopreport", "ID", "Date", "Country", "Type", "Title"},
			row: []string{"Страна: неизвестна", "AC-1", "2015-01-02", "Japan", "study", "Tour"}},
		{name: "Russian, any case", header: []string{" ЗАМЕЧАНИЯ COOPREPORT ", "ID", "Date", "Country", "Type", "Title"},
			row: []string{"x", "AC-1", "2015-01-02", "Japan", "study", "Tour"}},
		// A register's own remarks, first: data, whatever the language.
		{name: "a register's Замечания", header: []string{"Замечания", "ID", "Date", "Country", "Type", "Title"},
			row: []string{"x", "AC-1", "2015-01-02", "Japan", "study", "Tour"}, unknown: []string{"Замечания"}, extra: []pipeline.Field{fld("Замечания", "x")}},
		{name: "a register's Асуудал", header: []string{"Асуудал", "ID", "Date", "Country", "Type", "Title"},
			row: []string{"x", "AC-1", "2015-01-02", "Japan", "study", "Tour"}, unknown: []string{"Асуудал"}, extra: []pipeline.Field{fld("Асуудал", "x")}},
		{name: "a register's Problèmes", header: []string{"Problèmes", "ID", "Date", "Country", "Type", "Title"},
			row: []string{"x", "AC-1", "2015-01-02", "Japan", "study", "Tour"}, unknown: []string{"Problèmes"}, extra: []pipeline.Field{fld("Problèmes", "x")}},
		{name: "only problems left", header: []string{"Problems", "ID", "Date", "Country", "Type", "Title"},
			row: []string{"Country: unknown"}, blank: true},
		{name: "not first", header: []string{"ID", "Problems", "Date", "Country", "Type", "Title"},
			row: []string{"AC-1", "x", "2015-01-02", "Japan", "study", "Tour"}, unknown: []string{"Problems"}, extra: []pipeline.Field{fld("Problems", "x")}},
		{name: "mapped", header: []string{"Problems", "ID", "Date", "Country", "Type", "Title"},
			m:   mustMatcher(t, map[string]map[string]string{"activities": {"Problems": "extra"}}),
			row: []string{"x", "AC-1", "2015-01-02", "Japan", "study", "Tour"}, unknown: []string{"Problems"}, extra: []pipeline.Field{fld("Problems", "x")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := tt.m.FindHeader(pipeline.KindActivities, [][]string{tt.header})
			if err != nil {
				t.Fatal(err)
			}
			if got := h.Unknown(); !slices.Equal(got, tt.unknown) {
				t.Errorf("unknown columns %q, want %q", got, tt.unknown)
			}
			m, err := NewMapper[ActivityRecord](h)
			if err != nil {
				t.Fatal(err)
			}
			if got := m.Blank(tt.row); got != tt.blank {
				t.Fatalf("Blank = %v, want %v", got, tt.blank)
			}
			if tt.blank {
				return
			}
			rec, extra := m.Map(tt.row)
			if rec.ID != "AC-1" || rec.Country != "Japan" {
				t.Errorf("record %+v", rec)
			}
			if !slices.Equal(extra, tt.extra) {
				t.Errorf("extra %v, want %v", extra, tt.extra)
			}
		})
	}
}

func mustMatcher(t *testing.T, mapped map[string]map[string]string) *Matcher {
	t.Helper()
	m, err := NewMatcher(mapped)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
