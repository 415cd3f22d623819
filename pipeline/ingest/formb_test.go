package ingest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"

	"coopreport/pipeline/framework"
)

// measuresFolder reads a measures table with Form B's columns, one row a
// measure: goals, areas, domains, evaluated, conclusions, partner_type,
// under the header given.
func measuresFolder(t *testing.T, header []string, rows ...[]string) *Dataset {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(append([]string{"id", "title"}, header...))
	for i, r := range rows {
		w.Write(append([]string{"M" + string(rune('1'+i)), "A measure"}, r...))
	}
	w.Flush()
	return mustRead(t, Options{}, map[string]string{
		"measures.csv":   b.String(),
		"activities.csv": "id,date,country,type,title\nAC-1,2015-02-01,Russia,meeting,T\n",
	})
}

var formBHeader = []string{"goals", "areas", "domains", "evaluated", "conclusions", "partner_type"}

func TestMeasureFormBValues(t *testing.T) {
	tests := []struct {
		name               string
		row                []string
		goals              []int
		areas, domains     []string
		evaluated, partner string
	}{
		{name: "numbers", row: []string{"2, 3", "2.3; 2.1", "Music", "no", "", "Public sector"},
			goals: []int{2, 3}, areas: []string{"2.1", "2.3"}, domains: []string{"Music"}, evaluated: "no", partner: "Public sector"},
		{name: "as the form words them", row: []string{
			"Achieve a balanced flow of cultural goods and services and increase the mobility of artists and cultural professionals",
			"Treaties and agreements\nMobility of artists and cultural professionals",
			"Performing arts; Music", "yes", "It worked.", "Civil society"},
			goals: []int{2}, areas: []string{"2.1", "2.3"}, domains: []string{"Music", "Performing arts"}, evaluated: "yes", partner: "Civil society"},
		{name: "as the starter's lists write them", row: []string{"2 Achieve a balanced flow…; Goal 4", "2.3 Treaties and agreements", "Multi-domain", "", "", "private"},
			goals: []int{2, 4}, areas: []string{"2.3"}, domains: []string{"Multi-domain"}, partner: "Private sector"},
		{name: "an area implies its goal", row: []string{"", "4.1, 2.3", "", "", "", ""},
			goals: []int{2, 4}, areas: []string{"2.3", "4.1"}},
		{name: "an area adds its goal to those given", row: []string{"1", "gender equality", "", "", "", ""},
			goals: []int{1, 4}, areas: []string{"4.1"}},
		{name: "repeats dropped", row: []string{"2; 2; goal 2", "2.3, treaties", "music, Music", "", "", ""},
			goals: []int{2}, areas: []string{"2.3"}, domains: []string{"Music"}},
		{name: "Mongolian yes", row: []string{"", "", "", "Тийм", "", ""}, evaluated: "yes"},
		{name: "Mongolian no", row: []string{"", "", "", "үгүй", "", ""}, evaluated: "no"},
		{name: "Russian yes", row: []string{"", "", "", "Да", "", ""}, evaluated: "yes"},
		{name: "Russian no", row: []string{"", "", "", "нет", "", ""}, evaluated: "no"},
		{name: "true", row: []string{"", "", "", "TRUE", "", ""}, evaluated: "yes"},
		{name: "0", row: []string{"", "", "", "0", "", ""}, evaluated: "no"},
		{name: "y", row: []string{"", "", "", "y", "", ""}, evaluated: "yes"},
		{name: "conclusions say it was evaluated", row: []string{"", "", "", "", "Audiences grew.", ""}, evaluated: "yes"},
		{name: "no, n/a conclusions", row: []string{"", "", "", "no", "n/a", ""}, evaluated: "no"},
		{name: "yes without conclusions", row: []string{"", "", "", "yes", "", ""}, evaluated: "yes"},
		{name: "nothing said", row: []string{"", "", "", "", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := measuresFolder(t, formBHeader, tt.row)
			if len(d.Rejects) > 0 || len(d.Measures) != 1 {
				t.Fatalf("rejects %v, measures %d", d.Rejects, len(d.Measures))
			}
			m := d.Measures[0]
			if !slices.Equal(m.Goals, tt.goals) || !slices.Equal(m.Areas, tt.areas) || !slices.Equal(m.Domains, tt.domains) ||
				m.Evaluated != tt.evaluated || m.PartnerType != tt.partner {
				t.Errorf("goals %v areas %q domains %q evaluated %q partner %q; want %v %q %q %q %q",
					m.Goals, m.Areas, m.Domains, m.Evaluated, m.PartnerType, tt.goals, tt.areas, tt.domains, tt.evaluated, tt.partner)
			}
		})
	}
}

func TestMeasureFormBRejects(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		row    []string
		column string
		value  string
		reason string
	}{
		{name: "unknown goal", row: []string{"2; Goal 7", "", "", "", "", ""}, column: "goals", value: "2; Goal 7",
			reason: `"Goal 7" is not a goal of the 2005 Convention; write the goal's number, 1 (Support`},
		{name: "unknown area", row: []string{"", "2.3, Treaties and agreemnts", "", "", "", ""}, column: "areas", value: "2.3, Treaties and agreemnts",
			reason: `"Treaties and agreemnts" is not an area of monitoring; did you mean 2.3 Treaties and agreements?`},
		{name: "unknown domain", row: []string{"", "", "Performing arts; Musci", "", "", ""}, column: "domains", value: "Performing arts; Musci",
			reason: `"Musci" is not a cultural domain; did you mean Music?`},
		{name: "bad evaluated", row: []string{"", "", "", "maybe", "", ""}, column: "evaluated", value: "maybe",
			reason: "not yes or no; write yes or no"},
		{name: "unknown type of entity", row: []string{"", "", "", "", "", "Privat sector"}, column: "partner_type", value: "Privat sector",
			reason: `"Privat sector" is not a type of entity; did you mean Private sector?`},
		{name: "conclusions with evaluated no", row: []string{"", "", "", "no", "Audiences grew.", ""}, column: "evaluated", value: "no",
			reason: `"evaluated" says no, but "conclusions" gives conclusions of an evaluation: write yes, or move the text to the column it belongs in`},
		{name: "the columns named as written",
			header: []string{"Has the implementation of the policy/measure been evaluated?", "Main conclusions of the evaluation"},
			row:    []string{"Нет", "Audiences grew."}, column: "Has the implementation of the policy/measure been evaluated?", value: "Нет",
			reason: `"Has the implementation of the policy/measure been evaluated?" says no, but "Main conclusions of the evaluation" gives conclusions`},
		{name: "a field in one's own words under a Domain header", header: []string{"Domain"}, row: []string{"Cultural heritage"},
			column: "Domain", value: "Cultural heritage", reason: "A field in your own words goes in a column named area"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := tt.header
			if header == nil {
				header = formBHeader
			}
			// The cell is left out with a warning that names it; the
			// measure, and so its records, are kept.
			d := measuresFolder(t, header, tt.row)
			if len(d.Rejects) != 0 || len(d.Measures) != 1 {
				t.Fatalf("rejects %v, measures %d; want the measure kept", d.Rejects, len(d.Measures))
			}
			var found bool
			for _, w := range d.Warnings {
				if len(w.Cells) == 1 && w.Cells[0].File == "measures.csv" && w.Cells[0].Row == 2 && w.Cells[0].Column == tt.column {
					found = true
					want := fmt.Sprintf("measures.csv, row 2, column %s: %q: ", tt.column, tt.value)
					if !strings.HasPrefix(w.Message, want) || !strings.Contains(w.Message, tt.reason) || !strings.Contains(w.Message, "the cell is left out of the report") {
						t.Errorf("warning %q\nwant it to start %q and say %q", w.Message, want, tt.reason)
					}
				}
			}
			if !found {
				t.Errorf("no warning names the cell: %v", d.Warnings)
			}
		})
	}
}

// Two rows of one id that differ only in Form B's fields are not repeats:
// both are rejected.
func TestMeasureFormBDuplicates(t *testing.T) {
	csv := "id,title,goals,domains\nM1,A measure,2,Music\nM1,A measure,2,Music\nM2,Another,2,Music\nM2,Another,3,Music\n"
	d := mustRead(t, Options{}, map[string]string{
		"measures.csv":   csv,
		"activities.csv": "id,date,country,type,title\nAC-1,2015-02-01,Russia,meeting,T\n",
	})
	var ids []string
	for _, m := range d.Measures {
		ids = append(ids, m.ID)
	}
	rejected := rejectsAt(d)
	if !slices.Equal(ids, []string{"M1"}) || len(rejected[3]) != 1 || len(rejected[4]) != 1 || len(rejected[5]) != 1 {
		t.Errorf("measures %q, rejects %v; want M1 once, its repeat and both M2 rejected", ids, d.Rejects)
	}
}

// A cell lists values separated by commas, semicolons or line breaks, so
// no word of the framework may hold one (framework.toml is edited by hand).
func TestFrameworkWordsHaveNoSeparators(t *testing.T) {
	f := framework.MustDefault()
	var names []string
	for _, g := range f.Goals {
		names = append(names, g.Name)
		for _, a := range g.Areas {
			names = append(names, a.Name)
		}
	}
	for _, d := range f.Domains {
		names = append(names, append([]string{d.Name}, d.Also...)...)
	}
	for _, n := range names {
		if strings.ContainsAny(n, ",;\n\r") {
			t.Errorf("%q holds a separator: the measures table would read it as several values", n)
		}
	}
}
