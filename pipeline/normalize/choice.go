package normalize

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"coopreport/pipeline"
)

// The closed lists of the input contract. Each accepts its English words,
// common synonyms and plurals, and Mongolian and Russian words, matched
// case-insensitively and ignoring spaces, hyphens, underscores and dots
// (so "non-governmental", "Non governmental" and "nongovernmental" are
// one key). A word that matches nothing is an error wrapping
// pipeline.ErrBadChoice that lists the allowed values; it is never
// guessed.

var sectors = choices(map[pipeline.Sector][]string{
	pipeline.Governmental: {"governmental", "gov", "government", "public", "state", "intergovernmental",
		"төрийн", "засгийн газар", "засгийн газрын",
		"государственный", "правительственный", "межправительственный"},
	pipeline.NonGovernmental: {"non-governmental", "ngo", "non-gov", "nongovernmental", "private",
		"төрийн бус", "тбб",
		"негосударственный", "неправительственный", "нпо"},
})

// Sector reads the sector of an agreement; an empty cell means
// governmental, the contract's default.
func Sector(s string) (pipeline.Sector, error) {
	k := key(s)
	if k == "" {
		return pipeline.Governmental, nil
	}
	if v, ok := sectors[k]; ok {
		return v, nil
	}
	return "", errorf(pipeline.ErrBadChoice, "not a sector; write governmental or non-governmental")
}

var instruments = choices(map[pipeline.Instrument][]string{
	pipeline.InstrumentAgreement: {"agreement", "agreements",
		"гэрээ", "хэлэлцээр", "соглашение", "договор"},
	pipeline.InstrumentPlan: {"plan", "plans", "programme", "program", "programmes", "programs",
		"төлөвлөгөө", "хөтөлбөр", "план", "программа"},
	pipeline.InstrumentMoU: {"mou", "memorandum", "memorandum of understanding", "memoranda",
		"санамж бичиг", "харилцан ойлголцлын санамж бичиг", "меморандум", "меморандум о взаимопонимании"},
	pipeline.InstrumentTreaty: {"treaty", "treaties", "convention", "conventions", "accession",
		"конвенц", "нэгдэн орох", "конвенция", "присоединение"},
	pipeline.InstrumentProtocol: {"protocol", "protocols", "протокол"},
	pipeline.InstrumentOther:    {"other", "бусад", "другое", "прочее"},
})

const instrumentList = "agreement, plan, mou, treaty, protocol or other"

// Instrument reads the kind of an agreement. "договор" and "гэрээ" are
// agreements: both words also name treaties, but a register of cultural
// agreements uses them for the bilateral kind, and a treaty is written as
// such (конвенция, конвенц).
func Instrument(s string) (pipeline.Instrument, error) {
	k := key(s)
	if k == "" {
		return "", errorf(pipeline.ErrMissing, "no instrument given; write %s", instrumentList)
	}
	if v, ok := instruments[k]; ok {
		return v, nil
	}
	return "", errorf(pipeline.ErrBadChoice, "not an instrument; write %s", instrumentList)
}

var statuses = choices(map[pipeline.Status][]string{
	pipeline.StatusInForce: {"in force", "active", "valid", "effective",
		"хүчинтэй", "хүчин төгөлдөр", "действует", "действующий", "действующее", "в силе"},
	pipeline.StatusSuspended: {"suspended",
		"түдгэлзсэн", "түдгэлзүүлсэн", "приостановлен", "приостановлено", "приостановленный"},
	pipeline.StatusTerminated: {"terminated", "cancelled", "canceled", "denounced",
		"цуцалсан", "цуцлагдсан", "прекращен", "прекращено", "прекращён", "расторгнут", "расторгнуто"},
})

// expired names a state the dates already say: the register does not set
// it, so it gets its own hint.
var expired = choices(map[bool][]string{true: {"expired", "lapsed", "ended",
	"дууссан", "хугацаа дууссан", "истек", "истёк", "истекло", "истёкший", "истекший"}})

// Status reads the status the register gives an agreement. Empty is
// allowed: the report derives the status from the dates.
func Status(s string) (pipeline.Status, error) {
	k := key(s)
	if k == "" {
		return "", nil
	}
	if v, ok := statuses[k]; ok {
		return v, nil
	}
	if expired[k] {
		return "", errorf(pipeline.ErrBadChoice, "expired is not a status the register sets; "+
			"leave the status empty and give the end date (valid_to): the report sees from the dates that the agreement expired")
	}
	return "", errorf(pipeline.ErrBadChoice,
		"not a status; write in force, suspended or terminated, or leave it empty to derive it from the dates")
}

var activityTypes = choices(map[pipeline.ActivityType][]string{
	pipeline.TypeTraining: {"training", "trainings", "course", "courses",
		"сургалт", "обучение", "тренинг"},
	pipeline.TypeFestival:   {"festival", "festivals", "наадам", "фестиваль", "фестивал"},
	pipeline.TypeExhibition: {"exhibition", "exhibitions", "үзэсгэлэн", "выставка"},
	pipeline.TypeExchange:   {"exchange", "exchanges", "солилцоо", "обмен"},
	pipeline.TypeMeeting: {"meeting", "meetings", "commission", "commissions", "conference", "conferences",
		"уулзалт", "хурал", "комисс", "встреча", "заседание", "конференция", "комиссия"},
	pipeline.TypeStudy: {"study", "studies", "research", "судалгаа", "исследование"},
	pipeline.TypeTreaty: {"treaty", "treaties", "accession", "accessions",
		"нэгдэн орох", "конвенц", "присоединение", "договор", "конвенция"},
	pipeline.TypeOther: {"other", "others", "бусад", "другое", "прочее"},
})

const activityList = "training, festival, exhibition, exchange, meeting, study, treaty or other"

// ActivityType reads the kind of an activity.
func ActivityType(s string) (pipeline.ActivityType, error) {
	k := key(s)
	if k == "" {
		return "", errorf(pipeline.ErrMissing, "no activity type given; write %s", activityList)
	}
	if v, ok := activityTypes[k]; ok {
		return v, nil
	}
	return "", errorf(pipeline.ErrBadChoice, "not an activity type; write %s", activityList)
}

var natures = choices(map[pipeline.Nature][]string{
	pipeline.Legislative: {"legislative", "хууль тогтоомжийн", "хууль эрх зүйн",
		"законодательная", "законодательный", "законодательные"},
	pipeline.Regulatory: {"regulatory", "зохицуулалтын", "зохицуулах",
		"нормативная", "нормативный", "регуляторная", "регулятивная"},
	pipeline.Financial: {"financial", "санхүүгийн", "финансовая", "финансовый"},
	pipeline.Institutional: {"institutional", "байгууллагын", "институциональная", "институциональный",
		"институционная"},
})

const natureList = "legislative, regulatory, financial or institutional, separated by commas"

// Natures reads the nature of a measure: a list separated by commas or
// semicolons ("legislative, regulatory; financial"). Repeats are dropped
// and the order kept. An empty cell wraps pipeline.ErrMissing.
func Natures(s string) ([]pipeline.Nature, error) {
	var out []pipeline.Nature
	for part := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ',' || r == ';' }) {
		k := key(part)
		if k == "" {
			continue
		}
		v, ok := natures[k]
		if !ok {
			return nil, errorf(pipeline.ErrBadChoice, "%q is not a nature of a measure; write %s",
				trimSpace(part), natureList)
		}
		if !containsNature(out, v) {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		return nil, errorf(pipeline.ErrMissing, "no nature given; write %s", natureList)
	}
	return out, nil
}

func containsNature(list []pipeline.Nature, n pipeline.Nature) bool {
	for _, m := range list {
		if m == n {
			return true
		}
	}
	return false
}

// key folds a word for lookup: lower case, NFC, without spaces, hyphens,
// underscores, dots and slashes.
func key(s string) string {
	s = strings.ToLower(Text(s))
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', '.', '/', '‐', '–':
			return -1
		}
		if isSpace(r) {
			return -1
		}
		return r
	}, norm.NFC.String(s))
}

// choices builds a lookup table from the words each value accepts.
func choices[T comparable](words map[T][]string) map[string]T {
	m := make(map[string]T)
	for v, list := range words {
		for _, w := range list {
			if prev, dup := m[key(w)]; dup && prev != v {
				panic("normalize: " + w + " names two values")
			}
			m[key(w)] = v
		}
	}
	return m
}
