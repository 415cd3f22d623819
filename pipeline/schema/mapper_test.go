package schema

import (
	"slices"
	"strings"
	"testing"

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
