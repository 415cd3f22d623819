package schema

import (
	"reflect"
	"slices"
	"sort"
	"testing"

	"coopreport/pipeline"
)

// The records' csv tags and the column table must name the same columns
// in the same order: the templates are written from the table.
func TestColumnsMatchRecords(t *testing.T) {
	records := map[pipeline.Kind]reflect.Type{
		pipeline.KindAgreements: reflect.TypeFor[AgreementRecord](),
		pipeline.KindActivities: reflect.TypeFor[ActivityRecord](),
		pipeline.KindMeasures:   reflect.TypeFor[MeasureRecord](),
		pipeline.KindRates:      reflect.TypeFor[RateRecord](),
		pipeline.KindAliases:    reflect.TypeFor[AliasRecord](),
	}
	for _, kind := range Kinds() {
		t.Run(string(kind), func(t *testing.T) {
			var tags, names []string
			rt := records[kind]
			for i := range rt.NumField() {
				tags = append(tags, rt.Field(i).Tag.Get("csv"))
			}
			for _, c := range Columns(kind) {
				names = append(names, c.Name)
			}
			if !slices.Equal(tags, names) {
				t.Errorf("record tags %q, columns %q", tags, names)
			}
		})
	}
}

func TestRequiredColumns(t *testing.T) {
	want := map[pipeline.Kind][]string{
		pipeline.KindAgreements: {"id", "country", "instrument", "title", "signed"},
		pipeline.KindActivities: {"id", "date", "country", "type", "title"},
		pipeline.KindMeasures:   {"id", "title"},
		pipeline.KindRates:      {"currency", "period", "rate"},
		pipeline.KindAliases:    {"name", "country"},
	}
	for kind, w := range want {
		if got := requiredNames(kind); !slices.Equal(got, w) {
			t.Errorf("%s: required %q, want %q", kind, got, w)
		}
	}
}

// Within a kind, a header key names one column, but for the ambiguities
// the contract itself makes (agreements' "partner").
func TestAmbiguousAliases(t *testing.T) {
	var got []string
	for _, kind := range Kinds() {
		for k, c := range lookup[kind] {
			if len(c) > 1 {
				got = append(got, string(kind)+":"+k)
			}
		}
	}
	sort.Strings(got)
	want := []string{"agreements:partner"}
	if !slices.Equal(got, want) {
		t.Errorf("ambiguous header keys %q, want %q", got, want)
	}
}

func TestColumnsIsACopy(t *testing.T) {
	c := Columns(pipeline.KindRates)
	c[0].Aliases[0] = "changed"
	c[0].Name = "changed"
	if Columns(pipeline.KindRates)[0].Name != "currency" || Columns(pipeline.KindRates)[0].Aliases[0] == "changed" {
		t.Error("Columns exposes the table")
	}
	if Columns("nonsense") != nil {
		t.Error("Columns of an unknown kind")
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Valid To", "validto"},
		{"valid_to", "validto"},
		{"VALID-TO", "validto"},
		{"  validto ", "validto"},
		{"Valid.To", "validto"},
		{"valid\u00a0to", "validto"},
		{"\ufeffid", "id"},
		{"ID*", "id"},
		{"Title:", "title"},
		{"Примечание", "примечание"},
		{"Партнёр", "партнер"},
		{"ОГНОО", "огноо"},
		{"№", "№"},
		{"Д/д", "д/д"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := key(tt.in); got != tt.want {
				t.Errorf("key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
