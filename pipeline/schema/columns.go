package schema

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"coopreport/pipeline"
)

// ColumnSpec is one column a kind of table knows: its canonical name (the
// csv tag of the record field), whether a header row must hold it, and the
// other names it is recognised by, in English, Mongolian and Russian.
type ColumnSpec struct {
	Name     string
	Required bool
	Aliases  []string
}

// kinds lists the kinds in the order FindHeader prefers them when several
// fit the same header row equally well.
var kinds = []pipeline.Kind{
	pipeline.KindAgreements,
	pipeline.KindActivities,
	pipeline.KindMeasures,
	pipeline.KindRates,
	pipeline.KindAliases,
}

// Kinds returns every kind of table, in order of preference.
func Kinds() []pipeline.Kind { return append([]pipeline.Kind(nil), kinds...) }

// columns is the single source of truth for header names: the README
// table and the `init` templates are generated from it through Columns.
// Aliases go English (the input contract's, then a few more), Mongolian,
// Russian. Matching ignores case, spaces, "_", "-" and "." (see key), so
// "valid to", "Valid-To" and "VALIDTO" need no entries of their own.
//
// One name is deliberately shared: in agreements, "partner" is both the
// partner column and an alias of country (the contract lists it for both).
// A header "partner" goes to country when the row has no other country
// column, and to partner when it has one ("Country, Partner" or "Partner
// country, Partner"): a register that names its partners by country alone
// still fits, and one that has both loses nothing. See assign.
var columns = map[pipeline.Kind][]ColumnSpec{
	pipeline.KindAgreements: {
		{"id", true, []string{"agreement id", "ref", "reference", "no", "number", "#",
			"№", "дугаар", "гэрээний дугаар", "д/д",
			"номер", "номер соглашения", "№ п/п"}},
		{"country", true, []string{"partner country", "partner",
			"улс", "түнш улс", "хамтрагч улс",
			"страна", "страна-партнер", "страна-партнёр"}},
		{"region", false, []string{"partner region", "province", "subnational",
			"бүс нутаг", "бүс", "муж",
			"регион", "область", "субъект"}},
		{"partner", false, []string{"partner institution", "partner organisation", "partner organization",
			"түнш байгууллага", "хамтрагч байгууллага",
			"партнер", "партнёр", "организация-партнер", "организация-партнёр"}},
		{"counterpart", false, []string{"domestic institution", "national party",
			"монголын тал", "дотоодын байгууллага",
			"монгольская сторона", "национальная сторона"}},
		{"sector", false, []string{
			"сектор", "хэвшил"}},
		{"instrument", true, []string{"type", "kind", "instrument type", "document type",
			"баримт бичгийн төрөл", "төрөл",
			"вид документа", "тип документа", "вид", "тип"}},
		{"title", true, []string{"name", "subject",
			"нэр", "гарчиг", "гэрээний нэр",
			"название", "наименование", "предмет"}},
		// Treaty databases date a party's own act (signature,
		// ratification, accession, deposit of its instrument) and, apart
		// from it, the treaty's entry into force and its end.
		{"signed", true, []string{"date signed", "signing date", "signature date", "signed on", "date of signature",
			"signature", "signing", "ratification", "ratified", "date of ratification", "accession", "date of accession",
			"deposit", "date of deposit",
			"гарын үсэг зурсан огноо", "байгуулсан огноо", "гэрээ байгуулсан огноо",
			"соёрхон баталсан огноо", "нэгдэн орсон огноо",
			"дата подписания", "подписано", "подписание", "дата ратификации", "ратификация",
			"дата присоединения", "дата депонирования"}},
		{"valid_from", false, []string{"start", "effective", "in force from", "effective date", "start date",
			"entry into force", "date of entry into force", "entered into force", "in force since", "effective from",
			"хүчинтэй эхлэх", "хүчин төгөлдөр болсон огноо", "эхлэх огноо", "хүчин төгөлдөр болсон",
			"хүчин төгөлдөр болох огноо",
			"действует с", "вступает в силу", "дата вступления в силу", "вступление в силу", "вступил в силу"}},
		{"valid_to", false, []string{"end", "expiry", "expires", "until", "end date", "expiry date",
			"expiration", "expiration date", "valid until", "valid till", "termination", "date of termination",
			"terminated on", "denunciation", "date of denunciation", "end of validity",
			"хүчинтэй дуусах", "дуусах огноо", "цуцалсан огноо", "дуусгавар болсон огноо", "хүчингүй болсон огноо",
			"действует до", "срок действия", "дата окончания", "прекращение", "дата прекращения",
			"денонсация", "дата денонсации", "истечение срока", "срок действия до"}},
		{"status", false, []string{
			"төлөв", "байдал",
			"статус", "состояние"}},
		{"measure", false, []string{"measure id",
			"арга хэмжээ",
			"мера"}},
		{"notes", false, []string{"comment", "comments", "remarks", "note",
			"тайлбар", "тэмдэглэл",
			"примечание", "примечания", "комментарий"}},
	},
	pipeline.KindActivities: {
		{"id", true, []string{"activity id", "ref", "reference", "no", "number", "#",
			"№", "дугаар", "д/д",
			"номер", "№ п/п"}},
		{"date", true, []string{"start", "start date", "held on",
			"огноо", "эхлэх огноо", "эхэлсэн огноо",
			"дата", "дата начала"}},
		{"end", false, []string{"end date",
			"дуусах огноо", "дууссан огноо",
			"дата окончания", "окончание"}},
		{"country", true, []string{"partner country", "partner",
			"улс", "түнш улс", "хамтрагч улс",
			"страна", "страна-партнер", "страна-партнёр", "партнер", "партнёр"}},
		{"region", false, []string{"partner region", "province", "subnational",
			"бүс нутаг", "бүс", "муж",
			"регион", "область", "субъект"}},
		{"agreement", false, []string{"agreement id",
			"гэрээ", "гэрээний дугаар",
			"соглашение", "договор"}},
		{"measure", false, []string{"measure id",
			"арга хэмжээ",
			"мера"}},
		{"type", true, []string{"category", "kind", "activity type",
			"төрөл", "ангилал",
			"тип", "вид", "категория"}},
		{"title", true, []string{"description", "name",
			"нэр", "гарчиг", "агуулга",
			"название", "наименование", "описание"}},
		{"participants", false, []string{"people", "trainees", "persons", "number of participants",
			"оролцогч", "оролцогчид", "оролцогчдын тоо",
			"участники", "число участников", "количество участников"}},
		{"amount", false, []string{"cost", "budget", "spent", "expenditure",
			"дүн", "зардал", "төсөв",
			"сумма", "стоимость", "расходы"}},
		{"currency", false, []string{"ccy",
			"валют", "мөнгөн тэмдэгт",
			"валюта"}},
		{"funding", false, []string{"source", "funding source", "funded by",
			"санхүүжилт", "санхүүжилтийн эх үүсвэр",
			"финансирование", "источник финансирования"}},
		{"agency", false, []string{"responsible agency", "organiser", "organizer",
			"хариуцсан байгууллага", "зохион байгуулагч",
			"организатор", "ответственный орган"}},
		{"notes", false, []string{"comment", "comments", "remarks", "note",
			"тайлбар", "тэмдэглэл",
			"примечание", "примечания", "комментарий"}},
	},
	pipeline.KindMeasures: {
		{"id", true, []string{"measure id", "ref", "no", "#",
			"№", "дугаар",
			"номер"}},
		{"title", true, []string{"name", "measure",
			"нэр", "арга хэмжээний нэр",
			"название", "наименование", "мера"}},
		{"agencies", false, []string{"responsible agencies", "agency", "responsible agency",
			"хариуцсан байгууллага", "хариуцсан байгууллагууд",
			"ответственные органы", "ответственный орган"}},
		// Form A's free-text area: "domain" and "cultural domain" name
		// Form B's domains, checked against the framework's list.
		{"area", false, []string{"field",
			"чиглэл", "салбар",
			"сфера", "область"}},
		// "goals" names Form B's goals of the Convention, not these.
		{"objectives", false, []string{"objective", "aims",
			"зорилго", "зорилт",
			"цели", "задачи"}},
		{"scope", false, []string{
			"хамрах хүрээ",
			"охват", "масштаб"}},
		{"nature", false, []string{
			"шинж чанар", "мөн чанар",
			"характер"}},
		{"features", false, []string{"main features", "description",
			"онцлог", "гол онцлог",
			"особенности", "описание"}},
		// Form A's results expected; "results achieved" is Form B's
		// achieved.
		{"results", false, []string{"outcomes", "expected results",
			"үр дүн",
			"результаты"}},
		{"resources", false, []string{"financial resources", "budget",
			"санхүүгийн эх үүсвэр", "төсөв",
			"ресурсы", "финансовые ресурсы"}},
		// Form B's fields (the current periodic report form), named as
		// the form words them; their values are checked against
		// templates/framework.toml. The plural "areas" and the words of
		// "area(s) of monitoring" name areas; a plain "area" is Form A's.
		{"goals", false, []string{"goal", "goal(s)", "goals of the convention", "goal(s) of the 2005 convention",
			"goals of the 2005 convention", "convention goals",
			"конвенцийн зорилго",
			"цели конвенции"}},
		{"areas", false, []string{"area of monitoring", "areas of monitoring", "monitoring area", "monitoring areas",
			"area(s) of monitoring",
			"область мониторинга", "области мониторинга"}},
		{"domains", false, []string{"domain", "domain(s)", "cultural domain", "cultural domains", "cultural domain(s)"}},
		{"achieved", false, []string{"results achieved", "results achieved so far", "achievements",
			"хүрсэн үр дүн",
			"достигнутые результаты"}},
		{"partner_type", false, []string{"partners' type of entity", "partner's type of entity", "type of entity",
			"entity type", "partner type", "type of partner",
			"түншийн төрөл",
			"тип партнера"}},
		{"evaluated", false, []string{"has the implementation of the policy/measure been evaluated?",
			"has the measure been evaluated", "been evaluated",
			"үнэлгээ хийсэн эсэх",
			"проводилась ли оценка"}},
		{"conclusions", false, []string{"main conclusions", "evaluation conclusions", "conclusions of the evaluation",
			"main conclusions of the evaluation",
			"үнэлгээний дүгнэлт", "дүгнэлт",
			"выводы оценки", "выводы"}},
	},
	pipeline.KindRates: {
		{"currency", true, []string{"ccy", "currency code",
			"валют", "мөнгөн тэмдэгт",
			"валюта"}},
		{"base", false, []string{"base currency", "quote currency", "counter currency", "rate currency", "in currency",
			"суурь валют", "суурь мөнгөн тэмдэгт",
			"базовая валюта", "валюта котировки"}},
		{"period", true, []string{"year", "quarter", "month",
			"хугацаа", "үе", "он",
			"период", "год"}},
		{"rate", true, []string{"exchange rate", "fx rate",
			"ханш", "валютын ханш",
			"курс", "обменный курс"}},
	},
	pipeline.KindAliases: {
		{"name", true, []string{"alias", "spelling", "local name", "as written",
			"нэр", "бичлэг",
			"название", "написание"}},
		{"country", true, []string{"country code", "iso",
			"улс",
			"страна"}},
		{"region", false, []string{"partner region", "province", "subnational",
			"бүс нутаг", "бүс", "муж",
			"регион", "область", "субъект"}},
	},
}

// Columns returns the columns of kind in the order the templates write
// them, or nil for an unknown kind. The result is a copy.
func Columns(kind pipeline.Kind) []ColumnSpec {
	specs := columns[kind]
	if specs == nil {
		return nil
	}
	out := make([]ColumnSpec, len(specs))
	for i, s := range specs {
		out[i] = ColumnSpec{s.Name, s.Required, append([]string(nil), s.Aliases...)}
	}
	return out
}

// lookup maps a header key to the indexes (into columns[kind]) of every
// column it names, required columns first so that an ambiguous header
// prefers the column a header row cannot do without.
var lookup = buildLookup()

func buildLookup() map[pipeline.Kind]map[string][]int {
	out := make(map[pipeline.Kind]map[string][]int, len(columns))
	for kind, specs := range columns {
		m := make(map[string][]int)
		add := func(name string, i int) {
			k := key(name)
			for _, j := range m[k] {
				if j == i {
					return
				}
			}
			m[k] = append(m[k], i)
		}
		for _, required := range []bool{true, false} {
			for i, s := range specs {
				if s.Required != required {
					continue
				}
				add(s.Name, i)
				for _, a := range s.Aliases {
					add(a, i)
				}
			}
		}
		out[kind] = m
	}
	return out
}

// key is what header matching compares: NFC, lower case, with every space,
// "_", "-", ".", zero-width character and a trailing "*" or ":" (marks of a
// required column or a label in hand-made templates) removed, and "ё"
// written "е" as Russian often does.
func key(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '_', r == '-', r == '.',
			r == '\u200b', r == '\u200c', r == '\u200d', r == '\ufeff':
			continue
		case r == 'ё' || r == 'Ё':
			r = 'е'
		case r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´':
			r = '\'' // a typographic apostrophe is the apostrophe
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimRight(b.String(), "*:")
}

// candidates returns the columns of kind a header cell names as a whole.
// A cell that matches nothing as a whole may be bilingual ("Огноо / Date",
// or one language per line): then each part is tried, and the cell
// matches when the parts that match agree.
func candidates(kind pipeline.Kind, cell string) []int {
	m := lookup[kind]
	if c := m[key(cell)]; c != nil {
		return c
	}
	parts := strings.FieldsFunc(cell, func(r rune) bool { return r == '/' || r == '|' || r == '\n' || r == '\r' })
	if len(parts) < 2 {
		return nil
	}
	var found []int
	for _, p := range parts {
		c := m[key(p)]
		if c == nil {
			continue
		}
		if found != nil && !sameInts(found, c) {
			return nil
		}
		found = c
	}
	return found
}

func sameInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
