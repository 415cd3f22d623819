package schema

import (
	"testing"

	"coopreport/pipeline"
)

func TestKindOfName(t *testing.T) {
	tests := []struct {
		name string
		want pipeline.Kind
	}{
		{"agreements", pipeline.KindAgreements},
		{"Agreement register 2024", pipeline.KindAgreements},
		{"AGREEMENTS", pipeline.KindAgreements},
		{"Гэрээ", pipeline.KindAgreements},
		{"гэрээнүүд", pipeline.KindAgreements},
		{"соглашения", pipeline.KindAgreements},
		{"activities", pipeline.KindActivities},
		{"Activity ledger", pipeline.KindActivities},
		{"Үйл ажиллагаа", pipeline.KindActivities},
		{"үйл_ажиллагаа_2014", pipeline.KindActivities},
		{"мероприятия", pipeline.KindActivities},
		{"measures", pipeline.KindMeasures},
		{"Арга хэмжээ", pipeline.KindMeasures},
		{"rates", pipeline.KindRates},
		{"Rate", pipeline.KindRates},
		{"exchange_rates", pipeline.KindRates},
		{"fx rates", pipeline.KindRates},
		{"FX-Rates-2024", pipeline.KindRates},
		{"Ханш", pipeline.KindRates},
		{"валютын ханш", pipeline.KindRates},
		{"aliases", pipeline.KindAliases},
		{"country_alias", pipeline.KindAliases},
		// "rate" inside other words says nothing.
		{"cooperation_plan", ""},
		{"corporate", ""},
		{"generated report", ""},
		{"separate sheet", ""},
		{"Sheet1", ""},
		{"", ""},
		{"data", ""},
		// Two kinds: ambiguous, the header decides.
		{"agreements and activities", ""},
		{"activity rates", ""},
		{"corporate agreements", pipeline.KindAgreements},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := KindOfName(tt.name); got != tt.want {
				t.Errorf("KindOfName(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}
