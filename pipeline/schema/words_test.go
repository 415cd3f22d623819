package schema

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"coopreport/pipeline"
)

// Headers as treaty databases and registers title them, matched by their
// words.
func TestHeaderByWords(t *testing.T) {
	agreements := []string{"id", "country", "instrument", "title", "signed"}
	tests := []struct {
		kind   pipeline.Kind
		header string
		want   string // the column, "" for an extra column
	}{
		{pipeline.KindAgreements, "Valid until", "valid_to"},
		{pipeline.KindAgreements, "Date of entry into force", "valid_from"},
		{pipeline.KindAgreements, "Entry into force", "valid_from"},
		{pipeline.KindAgreements, "Date of termination", "valid_to"},
		{pipeline.KindAgreements, "Expiry date of the agreement", "valid_to"},
		{pipeline.KindAgreements, "Date of denunciation", "valid_to"},
		{pipeline.KindAgreements, "Status of the treaty", "status"},
		{pipeline.KindAgreements, "Дата вступления в силу", "valid_from"},
		{pipeline.KindAgreements, "Дата денонсации", "valid_to"},
		{pipeline.KindAgreements, "Хүчин төгөлдөр болсон огноо", "valid_from"},
		{pipeline.KindAgreements, "Цуцалсан огноо", "valid_to"},
		{pipeline.KindAgreements, "Partner organisation name", "partner"},
		{pipeline.KindAgreements, "Venue", ""},
		{pipeline.KindActivities, "Start date of the event", "date"},
		{pipeline.KindActivities, "No. of participants", "participants"},
		{pipeline.KindActivities, "Total participants", "participants"},
		{pipeline.KindActivities, "Agreement No.", "agreement"},
		{pipeline.KindActivities, "Amount (MNT)", "amount"},
		{pipeline.KindActivities, "Currency code", "currency"},
		{pipeline.KindActivities, "Responsible agency (Mongolia)", "agency"},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			row := []string{"id", "country", "title", "type", "date", tt.header}
			if tt.want == "date" {
				row = slices.Delete(row, 4, 5)
			}
			if tt.kind == pipeline.KindAgreements {
				row = append(slices.Clone(agreements), tt.header)
			}
			h, err := FindHeader(tt.kind, [][]string{row})
			if err != nil {
				t.Fatal(err)
			}
			c := h.Columns[len(row)-1]
			if c.Field != tt.want {
				t.Errorf("%q is %q, want %q", tt.header, c.Field, tt.want)
			}
			if tt.want != "" && c.How != ByWords && c.How != ByName {
				t.Errorf("%q matched %v", tt.header, c.How)
			}
		})
	}
}

// "Country of partner" holds two names, and only the country column is
// named by both ("partner" is also an alias of country).
func TestHeaderSharedNameByWords(t *testing.T) {
	h, err := FindHeader(pipeline.KindAgreements, [][]string{{"No", "Country of partner", "Partner", "Instrument", "Title", "Date of signature"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := fields(h); !slices.Equal(got, []string{"id", "country", "partner", "instrument", "title", "signed"}) {
		t.Errorf("fields %q", got)
	}
}

func TestHeaderAmbiguous(t *testing.T) {
	tests := []struct {
		name string
		row  []string
		want []string // the columns the error names; nil: no error
	}{
		{"two columns", []string{"id", "date", "country", "type", "title", "Notes on funding"}, []string{"funding", "notes"}},
		{"bilingual, both free", []string{"id", "country", "type", "title", "Start / End"}, nil}, // date is required: the row lacks it
		// One of its columns is taken: the cell is kept as extra.
		{"one free", []string{"id", "date", "country", "type", "title", "notes", "Notes on funding"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := FindHeader(pipeline.KindActivities, [][]string{tt.row})
			var ae *AmbiguousError
			if tt.want == nil {
				if errors.As(err, &ae) {
					t.Fatalf("ambiguous: %v", err)
				}
				if err == nil && h.Columns[len(tt.row)-1].Field != "" {
					t.Errorf("last column read as %q", h.Columns[len(tt.row)-1].Field)
				}
				return
			}
			if !errors.As(err, &ae) {
				t.Fatalf("error %v, want *AmbiguousError", err)
			}
			if !slices.Equal(ae.Columns, tt.want) || ae.Row != 1 {
				t.Errorf("columns %q row %d, want %q", ae.Columns, ae.Row, tt.want)
			}
			for _, w := range append(tt.want, tt.row[len(tt.row)-1], "[columns.activities]") {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not name %q", err, w)
				}
			}
		})
	}
}

func TestHeaderSuggestion(t *testing.T) {
	h, err := FindHeader(pipeline.KindAgreements, [][]string{{"id", "country", "instrument", "title", "signed", "Vaild to", "Satus", "Valid From", "Vaild from", "Venue"}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range h.Columns {
		if c.Field == "" {
			got[c.Header] = c.Suggest
		}
	}
	want := map[string]string{
		"Vaild to": "valid_to",
		"Satus":    "status",
		// valid_from is taken by "Valid From": a duplicate, not a typo.
		"Vaild from": "",
		"Venue":      "",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%q suggests %q, want %q", k, got[k], w)
		}
	}
}

func TestMatcherMapping(t *testing.T) {
	m, err := NewMatcher(map[string]map[string]string{
		"agreements": {"Date d'effet": "valid_from", "Fin": "valid_to", "Notes on funding": "extra"},
		"Activities": {"Kind of event": "TYPE"},
	})
	if err != nil {
		t.Fatal(err)
	}
	h, err := m.FindHeader("", [][]string{{"id", "country", "instrument", "title", "signed", "DATE D'EFFET", "fin", "Notes on funding"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := fields(h); !slices.Equal(got, []string{"id", "country", "instrument", "title", "signed", "valid_from", "valid_to", ""}) {
		t.Errorf("fields %q", got)
	}
	if h.Columns[5].How != ByMapping {
		t.Errorf("how %v", h.Columns[5].How)
	}
	// A required column may come from the mapping.
	h, err = m.FindHeader("", [][]string{{"id", "date", "country", "Kind of event", "title"}})
	if err != nil || h.Kind != pipeline.KindActivities || h.Columns[3].Field != "type" {
		t.Errorf("activities: %v %+v", err, h)
	}
}

func TestNewMatcherErrors(t *testing.T) {
	tests := []struct {
		mapped map[string]map[string]string
		want   string
	}{
		{map[string]map[string]string{"widgets": {"a": "id"}}, `[columns.widgets]: "widgets" is not a kind of table; the kinds are agreements, activities, measures, rates and aliases`},
		{map[string]map[string]string{"agreements": {"Valid till": "valid_untill"}}, `"valid_untill" is not a column of agreements; the columns are id, country, region, partner, counterpart, sector, instrument, title, signed, valid_from, valid_to, status, measure, notes, or "extra" to keep the column as an extra column (did you mean "valid_to"?)`},
		{map[string]map[string]string{"agreements": {"...": "id"}}, `the header "..." has no letters`},
		{map[string]map[string]string{"agreements": {"Fin": "valid_to", "FIN": "valid_from"}}, `mapped twice`},
	}
	for _, tt := range tests {
		_, err := NewMatcher(tt.mapped)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("error %v, want %q", err, tt.want)
		}
	}
}

// FuzzHeaderWords: any header row is matched without a panic, no column
// is taken twice, and an ambiguous cell names columns it holds words of.
func FuzzHeaderWords(f *testing.F) {
	f.Add("Valid until|Date of entry into force|Country of partner|Notes on funding")
	f.Add("id|date|country|type|title|Start / End|№ п/п")
	f.Add("Дата вступления в силу|Хүчин төгөлдөр болсон огноо|#|No. of participants")
	f.Fuzz(func(t *testing.T, line string) {
		row := strings.Split(line, "|")
		for _, kind := range Kinds() {
			h, err := FindHeader(kind, [][]string{row})
			if err != nil {
				continue
			}
			seen := map[string]bool{}
			for _, c := range h.Columns {
				if c.Field == "" {
					continue
				}
				if seen[c.Field] {
					t.Fatalf("%s: column %q taken twice in %q", kind, c.Field, row)
				}
				seen[c.Field] = true
			}
		}
	})
}
