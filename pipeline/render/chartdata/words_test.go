package chartdata

import (
	"fmt"
	"strings"
	"testing"

	"coopreport/pipeline/lang"
	"coopreport/pipeline/lang/langtest"
)

func TestWordsComplete(t *testing.T) { langtest.Complete(t, words) }

// TestLanguages checks the bars' labels and the money chart's note in
// the report's language, and the abbreviations the configuration asks
// for.
func TestLanguages(t *testing.T) {
	tests := []struct {
		l          lang.Lang
		abbreviate bool
		bars, note string
	}{
		{lang.French, false, "Chine 3, Russie 3, Multilatéral 1",
			"Non compris\u00a0: les montants en KWD, USD qu’aucun taux de change en MNT ne couvre."},
		{lang.Russian, false, "Китай 3, Россия 3, Многосторонние 1",
			"Не учтены те суммы в KWD, USD, для которых нет обменного курса к MNT."},
		{lang.Russian, true, "КНР 3, РФ 3, Многосторонние 1", ""},
		{lang.Mongolian, true, "БНХАУ 3, ОХУ 3, Олон талт 1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.l.Code(), func(t *testing.T) {
			r := report()
			r.Lang, r.Abbreviate = tt.l, tt.abbreviate
			var bars []string
			for _, b := range ActivitiesByCountry(r).Bars {
				bars = append(bars, fmt.Sprintf("%s %d", b.Label, b.Activities))
			}
			if got := strings.Join(bars, ", "); got != tt.bars {
				t.Errorf("bars %s, want %s", got, tt.bars)
			}
			m, err := MoneyByBucket(r)
			if err != nil {
				t.Fatal(err)
			}
			if tt.note != "" && m.Note() != tt.note {
				t.Errorf("note %q, want %q", m.Note(), tt.note)
			}
		})
	}
	r := report()
	r.Lang = lang.Russian
	if got, want := words.F(r.Lang, "Other partners (%d)", 6), "Другие партнёры (6)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

func TestWordsUsed(t *testing.T) { langtest.Used(t, ".", words) }
