package normalize

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"coopreport/pipeline"
)

// choiceCase is one cell of a closed list and what it must give.
type choiceCase[T comparable] struct {
	in      string
	want    T
	wantErr error
	msg     string
}

func testChoice[T comparable](t *testing.T, parse func(string) (T, error), tests []choiceCase[T]) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parse(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("parse(%q) = %v, %v; want error %v", tt.in, got, err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.msg) {
					t.Errorf("parse(%q) error %q does not say %q", tt.in, err, tt.msg)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestSector(t *testing.T) {
	gov, ngo := pipeline.Governmental, pipeline.NonGovernmental
	testChoice(t, Sector, []choiceCase[pipeline.Sector]{
		{in: "", want: gov},
		{in: "  ", want: gov},
		{in: "governmental", want: gov},
		{in: "Gov", want: gov},
		{in: "GOVERNMENT", want: gov},
		{in: "public", want: gov},
		{in: "state", want: gov},
		{in: "төрийн", want: gov},
		{in: "государственный", want: gov},
		{in: "non-governmental", want: ngo},
		{in: "Non governmental", want: ngo},
		{in: "nongovernmental", want: ngo},
		{in: "non_gov", want: ngo},
		{in: "NGO", want: ngo},
		{in: "private", want: ngo},
		{in: "Төрийн бус", want: ngo},
		{in: "негосударственный", want: ngo},
		{in: "mixed", wantErr: pipeline.ErrBadChoice, msg: "governmental or non-governmental"},
	})
}

func TestInstrument(t *testing.T) {
	testChoice(t, func(s string) (pipeline.Instrument, error) { v, _, err := Instrument(s); return v, err }, []choiceCase[pipeline.Instrument]{
		{in: "agreement", want: pipeline.InstrumentAgreement},
		{in: "Agreement", want: pipeline.InstrumentAgreement},
		{in: "гэрээ", want: pipeline.InstrumentAgreement},
		{in: "соглашение", want: pipeline.InstrumentAgreement},
		{in: "договор", want: pipeline.InstrumentAgreement},
		{in: "plan", want: pipeline.InstrumentPlan},
		{in: "programme", want: pipeline.InstrumentPlan},
		{in: "Program", want: pipeline.InstrumentPlan},
		{in: "төлөвлөгөө", want: pipeline.InstrumentPlan},
		{in: "план", want: pipeline.InstrumentPlan},
		{in: "программа", want: pipeline.InstrumentPlan},
		{in: "mou", want: pipeline.InstrumentMoU},
		{in: "MoU", want: pipeline.InstrumentMoU},
		{in: "memorandum", want: pipeline.InstrumentMoU},
		{in: "Memorandum of Understanding", want: pipeline.InstrumentMoU},
		{in: "санамж бичиг", want: pipeline.InstrumentMoU},
		{in: "меморандум", want: pipeline.InstrumentMoU},
		{in: "treaty", want: pipeline.InstrumentTreaty},
		{in: "convention", want: pipeline.InstrumentTreaty},
		{in: "accession", want: pipeline.InstrumentTreaty},
		{in: "конвенц", want: pipeline.InstrumentTreaty},
		{in: "конвенция", want: pipeline.InstrumentTreaty},
		{in: "protocol", want: pipeline.InstrumentProtocol},
		{in: "протокол", want: pipeline.InstrumentProtocol},
		{in: "other", want: pipeline.InstrumentOther},
		{in: "", wantErr: pipeline.ErrMissing},
		{in: "contract", wantErr: pipeline.ErrBadChoice, msg: "agreement, plan, mou, treaty, protocol or other"},
		// Read by their words.
		{in: "Bilateral Free Trade Agreement", want: pipeline.InstrumentAgreement},
		{in: "Customs Union Primary Agreement", want: pipeline.InstrumentAgreement},
		{in: "Memorandum of Understanding on museum exchanges", want: pipeline.InstrumentMoU},
		{in: "Cultural exchange programme 2013-2015", want: pipeline.InstrumentPlan},
		{in: "Соглашение о сотрудничестве", want: pipeline.InstrumentAgreement},
		{in: "Agreement on a cooperation plan", wantErr: pipeline.ErrBadChoice, msg: "more than one instrument (agreement and plan)"},
	})
	if _, byWords, _ := Instrument("Bilateral Free Trade Agreement"); !byWords {
		t.Error("a name read by its words does not say so")
	}
	if _, byWords, _ := Instrument("agreement"); byWords {
		t.Error("a name read whole says it was read by its words")
	}
}

func TestStatus(t *testing.T) {
	testChoice(t, Status, []choiceCase[pipeline.Status]{
		{in: "", want: ""},
		{in: "in force", want: pipeline.StatusInForce},
		{in: "In Force", want: pipeline.StatusInForce},
		{in: "in-force", want: pipeline.StatusInForce},
		{in: "active", want: pipeline.StatusInForce},
		{in: "valid", want: pipeline.StatusInForce},
		{in: "хүчинтэй", want: pipeline.StatusInForce},
		{in: "suspended", want: pipeline.StatusSuspended},
		{in: "түдгэлзсэн", want: pipeline.StatusSuspended},
		{in: "terminated", want: pipeline.StatusTerminated},
		{in: "цуцалсан", want: pipeline.StatusTerminated},
		{in: "expired", wantErr: pipeline.ErrBadChoice, msg: "leave the status empty and give the end date"},
		{in: "Expired", wantErr: pipeline.ErrBadChoice, msg: "valid_to"},
		{in: "дууссан", wantErr: pipeline.ErrBadChoice, msg: "valid_to"},
		{in: "pending", wantErr: pipeline.ErrBadChoice, msg: "in force, suspended or terminated"},
		{in: "not yet in force", want: pipeline.StatusSigned},
		{in: "Pending ratification", want: pipeline.StatusSigned},
		{in: "signed", want: pipeline.StatusSigned},
		{in: "не вступил в силу", want: pipeline.StatusSigned},
		{in: "хүчин төгөлдөр болоогүй", want: pipeline.StatusSigned},
		{in: "denounced", want: pipeline.StatusTerminated},
	})
}

func TestActivityType(t *testing.T) {
	testChoice(t, func(s string) (pipeline.ActivityType, error) { v, _, err := ActivityType(s); return v, err }, []choiceCase[pipeline.ActivityType]{
		{in: "training", want: pipeline.TypeTraining},
		{in: "Trainings", want: pipeline.TypeTraining},
		{in: "сургалт", want: pipeline.TypeTraining},
		{in: "festival", want: pipeline.TypeFestival},
		{in: "festivals", want: pipeline.TypeFestival},
		{in: "фестиваль", want: pipeline.TypeFestival},
		{in: "exhibition", want: pipeline.TypeExhibition},
		{in: "үзэсгэлэн", want: pipeline.TypeExhibition},
		{in: "выставка", want: pipeline.TypeExhibition},
		{in: "exchange", want: pipeline.TypeExchange},
		{in: "exchanges", want: pipeline.TypeExchange},
		{in: "meeting", want: pipeline.TypeMeeting},
		{in: "commission", want: pipeline.TypeMeeting},
		{in: "conference", want: pipeline.TypeMeeting},
		{in: "заседание", want: pipeline.TypeMeeting},
		{in: "study", want: pipeline.TypeStudy},
		{in: "studies", want: pipeline.TypeStudy},
		{in: "treaty", want: pipeline.TypeTreaty},
		{in: "accession", want: pipeline.TypeTreaty},
		{in: "other", want: pipeline.TypeOther},
		{in: "бусад", want: pipeline.TypeOther},
		{in: "", wantErr: pipeline.ErrMissing},
		{in: "party", wantErr: pipeline.ErrBadChoice, msg: "training, festival"},
		{in: "Art exhibition in Paris", want: pipeline.TypeExhibition},
		{in: "Training workshop for curators", want: pipeline.TypeTraining},
		{in: "Festival and exhibition", wantErr: pipeline.ErrBadChoice, msg: "exhibition and festival"},
	})
}

func TestNatures(t *testing.T) {
	all := []pipeline.Nature{pipeline.Legislative, pipeline.Regulatory, pipeline.Financial, pipeline.Institutional}
	tests := []struct {
		in      string
		want    []pipeline.Nature
		wantErr error
		msg     string
	}{
		{in: "legislative, regulatory, financial, institutional", want: all},
		{in: "Legislative;Regulatory; financial ,institutional", want: all},
		{in: "financial", want: []pipeline.Nature{pipeline.Financial}},
		{in: "financial, legislative", want: []pipeline.Nature{pipeline.Financial, pipeline.Legislative}},
		{in: "financial, financial", want: []pipeline.Nature{pipeline.Financial}},
		{in: "institutional,", want: []pipeline.Nature{pipeline.Institutional}},
		{in: "санхүүгийн, финансовая", want: []pipeline.Nature{pipeline.Financial}},
		{in: "", wantErr: pipeline.ErrMissing},
		{in: " , ;", wantErr: pipeline.ErrMissing},
		{in: "legislative, legal", wantErr: pipeline.ErrBadChoice, msg: `"legal" is not a nature`},
		{in: "legislative and financial", wantErr: pipeline.ErrBadChoice, msg: "separated by commas"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Natures(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || got != nil {
					t.Fatalf("Natures(%q) = %v, %v; want error %v", tt.in, got, err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.msg) {
					t.Errorf("Natures(%q) error %q does not say %q", tt.in, err, tt.msg)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Natures(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestYesNo(t *testing.T) {
	tests := []struct{ in, want string }{
		{"yes", "yes"}, {"Yes", "yes"}, {" YES ", "yes"}, {"y", "yes"}, {"true", "yes"}, {"TRUE", "yes"}, {"1", "yes"},
		{"Тийм", "yes"}, {"да", "yes"}, {"Да", "yes"},
		{"no", "no"}, {"No.", "no"}, {"n", "no"}, {"false", "no"}, {"0", "no"}, {"үгүй", "no"}, {"Нет", "no"},
		{"", ""}, {"  ", ""},
	}
	for _, tt := range tests {
		if got, err := YesNo(tt.in); err != nil || got != tt.want {
			t.Errorf("YesNo(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"maybe", "yes, in 2024", "2", "oui"} {
		if got, err := YesNo(in); !errors.Is(err, pipeline.ErrBadChoice) || got != "" || !strings.Contains(err.Error(), "write yes or no") {
			t.Errorf("YesNo(%q) = %q, %v; want a bad choice", in, got, err)
		}
	}
}
