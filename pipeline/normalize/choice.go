package normalize

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

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

var instrumentWords = choiceWords(map[pipeline.Instrument][]string{
	pipeline.InstrumentAgreement: {"agreement", "agreements", "гэрээ", "хэлэлцээр", "соглашение", "договор"},
	pipeline.InstrumentPlan:      {"plan", "plans", "programme", "program", "төлөвлөгөө", "хөтөлбөр", "план", "программа"},
	pipeline.InstrumentMoU:       {"mou", "memorandum", "memoranda", "санамж бичиг", "меморандум"},
	pipeline.InstrumentTreaty:    {"treaty", "convention", "конвенц", "конвенция"},
	pipeline.InstrumentProtocol:  {"protocol", "протокол"},
})

const instrumentList = "agreement, plan, mou, treaty, protocol or other"

// Instrument reads the kind of an agreement. "договор" and "гэрээ" are
// agreements: both words also name treaties, but a register of cultural
// agreements uses them for the bilateral kind, and a treaty is written as
// such (конвенция, конвенц). A longer name is read by its words when they
// name one kind only ("Bilateral Free Trade Agreement" is an agreement,
// "Memorandum of Understanding on museums" a memorandum); byWords then
// says so, for a warning. Names of two kinds ("Agreement on a plan") are
// errors.
func Instrument(s string) (v pipeline.Instrument, byWords bool, err error) {
	k := key(s)
	if k == "" {
		return "", false, errorf(pipeline.ErrMissing, "no instrument given; write %s", instrumentList)
	}
	if v, ok := instruments[k]; ok {
		return v, false, nil
	}
	return byWordsOf(instrumentWords, s, "instrument", instrumentList)
}

// choiceWord is a word (or words) that names one value of a closed list.
type choiceWord[T comparable] struct {
	words []string
	value T
}

func choiceWords[T comparable](m map[T][]string) []choiceWord[T] {
	var out []choiceWord[T]
	for v, list := range m {
		for _, w := range list {
			out = append(out, choiceWord[T]{words: strings.Fields(strings.ToLower(w)), value: v})
		}
	}
	return out
}

// byWordsOf reads a longer name by the words of one value it holds.
func byWordsOf[T comparable](list []choiceWord[T], s, what, allowed string) (T, bool, error) {
	var zero T
	words := strings.FieldsFunc(strings.ToLower(Text(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var found []T
	for _, c := range list {
		for i := 0; i+len(c.words) <= len(words); i++ {
			if slices.Equal(words[i:i+len(c.words)], c.words) && !slices.Contains(found, c.value) {
				found = append(found, c.value)
			}
		}
	}
	switch len(found) {
	case 1:
		return found[0], true, nil
	case 0:
		return zero, false, errorf(pipeline.ErrBadChoice, "not %s %s; write %s", article(what), what, allowed)
	}
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = fmt.Sprint(f)
	}
	slices.Sort(names)
	return zero, false, errorf(pipeline.ErrBadChoice, "its words name more than one %s (%s); write one of %s",
		what, strings.Join(names, " and "), allowed)
}

func article(w string) string {
	if strings.ContainsRune("aeiou", rune(w[0])) {
		return "an"
	}
	return "a"
}

var statuses = choices(map[pipeline.Status][]string{
	pipeline.StatusSigned: {"signed", "not yet in force", "pending ratification",
		"awaiting ratification", "ratification pending", "pending entry into force", "signed, not ratified",
		"signed not yet in force",
		"гарын үсэг зурсан", "хүчин төгөлдөр болоогүй", "хүчинтэй болоогүй", "соёрхон батлаагүй",
		"соёрхон батлахыг хүлээж буй",
		"подписан", "подписано", "подписанный", "не вступил в силу", "не вступило в силу",
		"не вступивший в силу", "ожидает ратификации", "на ратификации"},
	pipeline.StatusInForce: {"in force", "active", "valid", "effective", "entered into force",
		"хүчинтэй", "хүчин төгөлдөр", "действует", "действующий", "действующее", "в силе", "вступил в силу",
		"вступило в силу"},
	pipeline.StatusSuspended: {"suspended",
		"түдгэлзсэн", "түдгэлзүүлсэн", "приостановлен", "приостановлено", "приостановленный"},
	pipeline.StatusTerminated: {"terminated", "cancelled", "canceled", "denounced", "withdrawn", "abrogated",
		"цуцалсан", "цуцлагдсан", "хүчингүй болсон", "прекращен", "прекращено", "прекращён", "расторгнут",
		"расторгнуто", "денонсирован", "денонсировано"},
})

// expired names a state the dates already say: the register does not set
// it, so it gets its own hint.
var expired = choices(map[bool][]string{true: {"expired", "lapsed", "ended",
	"дууссан", "хугацаа дууссан", "истек", "истёк", "истекло", "истёкший", "истекший"}})

// notInForce says an agreement is not in force without saying whether it
// has yet to enter into force or has ended: never guessed.
var notInForce = choices(map[bool][]string{true: {"not in force", "not ratified", "inactive",
	"не действует", "не ратифицирован", "не ратифицировано", "хүчингүй"}})

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
	if notInForce[k] {
		return "", errorf(pipeline.ErrBadChoice, "%q does not say whether the agreement is not yet in force or no longer in force; "+
			"write signed (not yet in force), or give the end date (valid_to) and leave the status empty", trimSpace(s))
	}
	if expired[k] {
		return "", errorf(pipeline.ErrBadChoice, "expired is not a status the register sets; "+
			"leave the status empty and give the end date (valid_to): the report sees from the dates that the agreement expired")
	}
	return "", errorf(pipeline.ErrBadChoice,
		"not a status; write signed (not yet in force), in force, suspended or terminated, or leave it empty to derive it from the dates")
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

var activityWords = choiceWords(map[pipeline.ActivityType][]string{
	pipeline.TypeTraining:   {"training", "trainings", "course", "courses", "workshop", "workshops", "сургалт", "обучение", "тренинг"},
	pipeline.TypeFestival:   {"festival", "festivals", "наадам", "фестиваль", "фестивал"},
	pipeline.TypeExhibition: {"exhibition", "exhibitions", "үзэсгэлэн", "выставка"},
	pipeline.TypeExchange:   {"exchange", "exchanges", "солилцоо", "обмен"},
	pipeline.TypeMeeting:    {"meeting", "meetings", "commission", "conference", "уулзалт", "хурал", "комисс", "встреча", "заседание", "конференция", "комиссия"},
	pipeline.TypeStudy:      {"study", "studies", "research", "судалгаа", "исследование"},
})

const activityList = "training, festival, exhibition, exchange, meeting, study, treaty or other"

// ActivityType reads the kind of an activity; a longer name is read by
// its words as Instrument reads one ("Art exhibition in Paris" is an
// exhibition).
func ActivityType(s string) (v pipeline.ActivityType, byWords bool, err error) {
	k := key(s)
	if k == "" {
		return "", false, errorf(pipeline.ErrMissing, "no activity type given; write %s", activityList)
	}
	if v, ok := activityTypes[k]; ok {
		return v, false, nil
	}
	return byWordsOf(activityWords, s, "activity type", activityList)
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

var yesNo = choices(map[string][]string{
	"yes": {"yes", "y", "true", "1", "тийм", "да"},
	"no":  {"no", "n", "false", "0", "үгүй", "нет"},
})

// YesNo reads an answer to a yes-or-no question of the report form ("has
// the measure been evaluated?") as "yes" or "no"; an empty cell is "", not
// said. true/false and 1/0 are read too, as a workbook's checkbox or
// boolean cell gives them.
func YesNo(s string) (string, error) {
	k := key(s)
	if k == "" {
		return "", nil
	}
	if v, ok := yesNo[k]; ok {
		return v, nil
	}
	return "", errorf(pipeline.ErrBadChoice, "not yes or no; write yes or no (true/false, y/n, 1/0, тийм/үгүй and да/нет are read too)")
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
