package schema

import (
	"errors"
	"slices"
	"testing"

	"coopreport/pipeline"
)

func fields(h *Header) []string {
	out := make([]string, len(h.Columns))
	for i, c := range h.Columns {
		out[i] = c.Field
	}
	return out
}

func TestFindHeader(t *testing.T) {
	title := []string{"Register of cultural agreements", "", ""}
	tests := []struct {
		name        string
		kind        pipeline.Kind
		rows        [][]string
		wantKind    pipeline.Kind
		wantIndex   int
		wantFields  []string
		wantUnknown []string
	}{
		{
			name:       "english agreements",
			kind:       pipeline.KindAgreements,
			rows:       [][]string{{"id", "country", "region", "partner", "counterpart", "sector", "instrument", "title", "signed", "valid_from", "valid_to", "status", "measure", "notes"}},
			wantKind:   pipeline.KindAgreements,
			wantFields: []string{"id", "country", "region", "partner", "counterpart", "sector", "instrument", "title", "signed", "valid_from", "valid_to", "status", "measure", "notes"},
		},
		{
			name: "title rows above the header",
			kind: pipeline.KindAgreements,
			rows: [][]string{
				title,
				{"Ministry of Culture, 2024", "", "", "", "", "note: dates day-first"},
				{},
				{"", "", "", "", ""},
				{"Ref", "Partner country", "Type", "Subject", "Date signed", "Expires"},
				{"A-1", "Russia", "agreement", "Culture", "2013-01-18", ""},
			},
			wantKind:   pipeline.KindAgreements,
			wantIndex:  4,
			wantFields: []string{"id", "country", "instrument", "title", "signed", "valid_to"},
		},
		{
			name:        "mongolian activities",
			kind:        pipeline.KindActivities,
			rows:        [][]string{{"Д/д", "Огноо", "Дуусах огноо", "Улс", "Гэрээ", "Төрөл", "Нэр", "Оролцогч", "Дүн", "Валют", "Санхүүжилт", "Зохион байгуулагч", "Тайлбар", "Хариуцагч"}},
			wantKind:    pipeline.KindActivities,
			wantFields:  []string{"id", "date", "end", "country", "agreement", "type", "title", "participants", "amount", "currency", "funding", "agency", "notes", ""},
			wantUnknown: []string{"Хариуцагч"},
		},
		{
			name:       "mongolian agreements",
			kind:       "",
			rows:       [][]string{{"№", "Улс", "Түнш байгууллага", "Баримт бичгийн төрөл", "Гарчиг", "Гарын үсэг зурсан огноо", "Хүчинтэй эхлэх", "Хүчинтэй дуусах"}},
			wantKind:   pipeline.KindAgreements,
			wantFields: []string{"id", "country", "partner", "instrument", "title", "signed", "valid_from", "valid_to"},
		},
		{
			name:       "russian agreements",
			kind:       "",
			rows:       [][]string{{"Номер", "Страна", "Партнёр", "Вид документа", "Название", "Дата подписания", "Действует с", "Действует до", "Примечание"}},
			wantKind:   pipeline.KindAgreements,
			wantFields: []string{"id", "country", "partner", "instrument", "title", "signed", "valid_from", "valid_to", "notes"},
		},
		{
			name:       "russian activities",
			kind:       "",
			rows:       [][]string{{"№", "Дата", "Страна", "Тип", "Название", "Участники", "Сумма", "Валюта"}},
			wantKind:   pipeline.KindActivities,
			wantFields: []string{"id", "date", "country", "type", "title", "participants", "amount", "currency"},
		},
		{
			name:       "mixed case, underscores, dashes, dots, stars",
			kind:       pipeline.KindAgreements,
			rows:       [][]string{{" ID ", "Partner_Country", "INSTRUMENT", "Title*", "Date-Signed", "VALID_TO", "Valid From", "in.force.from", "validto"}},
			wantKind:   pipeline.KindAgreements,
			wantFields: []string{"id", "country", "instrument", "title", "signed", "valid_to", "valid_from", "", ""},
			// A second column for a field already taken is kept as an extra.
			wantUnknown: []string{"in.force.from", "validto"},
		},
		{
			name:       "bilingual headers",
			kind:       pipeline.KindActivities,
			rows:       [][]string{{"Д/д / ID", "Огноо / Date", "Улс\nCountry", "Төрөл / Type", "Нэр / Title", "Start / End"}},
			wantKind:   pipeline.KindActivities,
			wantFields: []string{"id", "date", "country", "type", "title", ""},
			// "Start / End" names two columns: unknown, not a guess.
			wantUnknown: []string{"Start / End"},
		},
		{
			name:        "agreements partner without a country column is the country",
			kind:        pipeline.KindAgreements,
			rows:        [][]string{{"id", "partner", "instrument", "title", "signed", "partner institution"}},
			wantKind:    pipeline.KindAgreements,
			wantFields:  []string{"id", "country", "instrument", "title", "signed", "partner"},
			wantUnknown: nil,
		},
		{
			name:       "agreements partner beside a country column is the partner",
			kind:       pipeline.KindAgreements,
			rows:       [][]string{{"id", "partner", "country", "instrument", "title", "signed"}},
			wantKind:   pipeline.KindAgreements,
			wantFields: []string{"id", "partner", "country", "instrument", "title", "signed"},
		},
		{
			name:       "activities partner is the country",
			kind:       pipeline.KindActivities,
			rows:       [][]string{{"id", "date", "partner", "type", "title"}},
			wantKind:   pipeline.KindActivities,
			wantFields: []string{"id", "date", "country", "type", "title"},
		},
		{
			name:        "repeated unknown and duplicate known columns",
			kind:        pipeline.KindRates,
			rows:        [][]string{{"Currency", "Period", "Rate", "Notes", "Notes", "rate", "", "Source"}},
			wantKind:    pipeline.KindRates,
			wantFields:  []string{"currency", "period", "rate", "", "", "", "", ""},
			wantUnknown: []string{"Notes", "Notes (2)", "rate (2)", "Source"},
		},
		// Kind from the header alone.
		{
			name:       "detect agreements",
			rows:       [][]string{{"id", "country", "instrument", "title", "signed"}},
			wantKind:   pipeline.KindAgreements,
			wantFields: []string{"id", "country", "instrument", "title", "signed"},
		},
		{
			name:       "detect activities",
			rows:       [][]string{title, {"id", "date", "country", "type", "title", "amount", "currency"}},
			wantKind:   pipeline.KindActivities,
			wantIndex:  1,
			wantFields: []string{"id", "date", "country", "type", "title", "amount", "currency"},
		},
		{
			name:       "detect measures",
			rows:       [][]string{{"id", "title", "agencies", "area", "objectives", "scope", "nature", "features", "results", "resources"}},
			wantKind:   pipeline.KindMeasures,
			wantFields: []string{"id", "title", "agencies", "area", "objectives", "scope", "nature", "features", "results", "resources"},
		},
		// Form B's columns beside Form A's: a plain "area" is Form A's
		// free text, the areas of monitoring and the cultural domains
		// are Form B's, as are "goals" and "results achieved".
		{
			name: "measures with Form B's columns, as the form words them",
			kind: pipeline.KindMeasures,
			rows: [][]string{{"ID", "Name of the policy or measure", "Area", "Objectives", "Expected results",
				"Goal(s) of the 2005 Convention", "Areas of monitoring", "Cultural domain(s)",
				"What are the results achieved so far through the implementation of the policy/measure?",
				"Partners' type of entity", "Has the implementation of the policy/measure been evaluated?",
				"Main conclusions of the evaluation of the measure"}},
			wantKind: pipeline.KindMeasures,
			wantFields: []string{"id", "title", "area", "objectives", "results",
				"goals", "areas", "domains", "achieved", "partner_type", "evaluated", "conclusions"},
		},
		{
			name:       "measures with Form B's columns, short",
			kind:       pipeline.KindMeasures,
			rows:       [][]string{{"id", "title", "goals", "area of monitoring", "domains", "results achieved", "type of entity", "evaluated?", "conclusions"}},
			wantKind:   pipeline.KindMeasures,
			wantFields: []string{"id", "title", "goals", "areas", "domains", "achieved", "partner_type", "evaluated", "conclusions"},
		},
		{
			name:       "monitoring area, cultural domain, goal",
			kind:       pipeline.KindMeasures,
			rows:       [][]string{{"id", "title", "Monitoring area", "Cultural domain", "Goal", "Field"}},
			wantKind:   pipeline.KindMeasures,
			wantFields: []string{"id", "title", "areas", "domains", "goals", "area"},
		},
		{
			name:       "measures in Russian with Form B's columns",
			kind:       pipeline.KindMeasures,
			rows:       [][]string{{"Номер", "Название", "Цели", "Цели Конвенции", "Области мониторинга", "Результаты", "Достигнутые результаты", "Выводы оценки"}},
			wantKind:   pipeline.KindMeasures,
			wantFields: []string{"id", "title", "objectives", "goals", "areas", "results", "achieved", "conclusions"},
		},
		{
			name:       "detect rates",
			rows:       [][]string{{"Валют", "Хугацаа", "Ханш"}},
			wantKind:   pipeline.KindRates,
			wantFields: []string{"currency", "period", "rate"},
		},
		{
			name:       "detect aliases",
			rows:       [][]string{{"name", "country", "region"}},
			wantKind:   pipeline.KindAliases,
			wantFields: []string{"name", "country", "region"},
		},
		// Two kinds fit one row.
		{
			name:        "fits agreements and activities equally: agreements",
			rows:        [][]string{{"id", "date", "signed", "country", "type", "title"}},
			wantKind:    pipeline.KindAgreements,
			wantFields:  []string{"id", "", "signed", "country", "instrument", "title"},
			wantUnknown: []string{"date"},
		},
		{
			name:        "fits activities better: activities",
			rows:        [][]string{{"id", "signed", "date", "country", "type", "title", "amount", "currency"}},
			wantKind:    pipeline.KindActivities,
			wantFields:  []string{"id", "", "date", "country", "type", "title", "amount", "currency"},
			wantUnknown: []string{"signed"},
		},
		{
			name:       "activities fit measures too, but match more",
			rows:       [][]string{{"id", "title", "date", "country", "type"}},
			wantKind:   pipeline.KindActivities,
			wantFields: []string{"id", "title", "date", "country", "type"},
		},
		{
			name:        "kind given: the row is read as that kind",
			kind:        pipeline.KindMeasures,
			rows:        [][]string{{"id", "title", "date", "country", "type"}},
			wantKind:    pipeline.KindMeasures,
			wantFields:  []string{"id", "title", "", "", ""},
			wantUnknown: []string{"date", "country", "type"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := FindHeader(tt.kind, tt.rows)
			if err != nil {
				t.Fatal(err)
			}
			if h.Kind != tt.wantKind || h.Index != tt.wantIndex {
				t.Errorf("kind %q at %d, want %q at %d", h.Kind, h.Index, tt.wantKind, tt.wantIndex)
			}
			if got := fields(h); !slices.Equal(got, tt.wantFields) {
				t.Errorf("fields\n got %q\nwant %q", got, tt.wantFields)
			}
			if got := h.Unknown(); !slices.Equal(got, tt.wantUnknown) {
				t.Errorf("unknown %q, want %q", got, tt.wantUnknown)
			}
			for i, c := range h.Columns {
				if c.Index != i || c.Header != tt.rows[h.Index][i] {
					t.Errorf("column %d: %+v", i, c)
				}
			}
		})
	}
}

func TestFindHeaderErrors(t *testing.T) {
	tests := []struct {
		name    string
		kind    pipeline.Kind
		rows    [][]string
		wantErr string
		is      []error
		notIs   []error
	}{
		{
			name: "missing required columns",
			kind: pipeline.KindAgreements,
			rows: [][]string{
				{"Register"},
				{"id", "country"},
				{"id", "country", "title", "notes"},
				{"A-1", "Russia", "Culture", ""},
			},
			wantErr: `no agreements header row found in its 4 rows: the best candidate (row 3) lacks the required columns "instrument", "signed"; add the missing columns, or rename the header cells to names the README lists`,
			is:      []error{ErrNoHeader},
			notIs:   []error{ErrUnknownKind, ErrEmpty},
		},
		{
			name:    "one column missing",
			kind:    pipeline.KindRates,
			rows:    [][]string{{"currency", "rate"}},
			wantErr: `no rates header row found in its only row: the best candidate (row 1) lacks the required column "period"; add the missing columns, or rename the header cells to names the README lists`,
			is:      []error{ErrNoHeader},
		},
		{
			name:    "nothing like the kind",
			kind:    pipeline.KindAliases,
			rows:    [][]string{{"foo", "bar"}},
			wantErr: `no aliases header row found in its only row: no row holds any of the required columns "name", "country"; add the missing columns, or rename the header cells to names the README lists`,
			is:      []error{ErrNoHeader},
		},
		{
			name: "header below the first 10 rows",
			kind: pipeline.KindRates,
			rows: [][]string{
				{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}, {"j"},
				{"currency", "period", "rate"},
			},
			wantErr: `no rates header row found in the first 10 rows: no row holds any of the required columns "currency", "period", "rate"; add the missing columns, or rename the header cells to names the README lists`,
			is:      []error{ErrNoHeader},
		},
		{
			name:    "unknown kind",
			rows:    [][]string{{"Summary"}, {"Country", "Total"}, {"Russia", "12"}},
			wantErr: `cannot tell what the table holds: none of its first 3 rows holds the columns of agreements, activities, measures, rates or aliases; name the file or sheet after what it holds (e.g. "agreements") or give it a header row`,
			is:      []error{ErrUnknownKind},
			notIs:   []error{ErrNoHeader, ErrEmpty},
		},
		{
			name:    "unknown kind, empty table",
			rows:    [][]string{{"", " "}, {}},
			wantErr: `cannot tell what the table holds: the table is empty`,
			is:      []error{ErrUnknownKind, ErrEmpty},
		},
		{
			name:    "known kind, empty table",
			kind:    pipeline.KindAgreements,
			rows:    nil,
			wantErr: `no agreements header row found: the table is empty`,
			is:      []error{ErrNoHeader, ErrEmpty},
			notIs:   []error{ErrUnknownKind},
		},
		{
			name:    "resembles a kind: named in the error",
			rows:    [][]string{{"id", "country", "title", "remarks"}},
			wantErr: `no agreements header row found in its only row: the best candidate (row 1) lacks the required columns "instrument", "signed"; add the missing columns, or rename the header cells to names the README lists`,
			is:      []error{ErrNoHeader},
			notIs:   []error{ErrUnknownKind},
		},
		{
			// id and title make a measures header, but the row is an
			// agreements header that lacks one column: say so.
			name:    "agreements lacking signed are not read as measures",
			rows:    [][]string{{"id", "country", "partner", "instrument", "title", "valid_to"}},
			wantErr: `no agreements header row found in its only row: the best candidate (row 1) lacks the required column "signed"; add the missing columns, or rename the header cells to names the README lists`,
			is:      []error{ErrNoHeader},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := FindHeader(tt.kind, tt.rows)
			if err == nil {
				t.Fatalf("found %+v", h)
			}
			if err.Error() != tt.wantErr {
				t.Errorf("error\n got %s\nwant %s", err, tt.wantErr)
			}
			var he *HeaderError
			if !errors.As(err, &he) {
				t.Errorf("error %T, want *HeaderError", err)
			}
			for _, e := range tt.is {
				if !errors.Is(err, e) {
					t.Errorf("error is not %v", e)
				}
			}
			for _, e := range tt.notIs {
				if errors.Is(err, e) {
					t.Errorf("error is %v", e)
				}
			}
		})
	}
}

func TestFindHeaderMissingFields(t *testing.T) {
	_, err := FindHeader("", [][]string{{"Activities 2014"}, {"id", "date", "country", "title", "participants"}})
	var he *HeaderError
	if !errors.As(err, &he) {
		t.Fatalf("error %v", err)
	}
	if he.Kind != pipeline.KindActivities || he.Row != 2 || !slices.Equal(he.Missing, []string{"type"}) {
		t.Errorf("got kind %q row %d missing %q", he.Kind, he.Row, he.Missing)
	}
}

func TestFindHeaderBadKind(t *testing.T) {
	if _, err := FindHeader("widgets", [][]string{{"id"}}); err == nil {
		t.Error("no error for an unknown kind")
	}
}
