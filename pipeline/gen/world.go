package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"coopreport/pipeline"
	"coopreport/pipeline/country"
)

// Period is the span every generated activity falls in, as --period
// writes it, and Currency the reporting currency the rates convert into.
const (
	Period   = "2020..2025"
	Currency = "MNT"
)

var (
	from = pipeline.Date{Year: 2020, Month: time.January, Day: 1}
	to   = pipeline.Date{Year: 2025, Month: time.December, Day: 31}
)

// partners are the countries the registers name, with how often: a few
// neighbours and big partners most of the time, a long tail of others.
var partners = []struct {
	code   string
	weight int
}{
	{"RU", 20}, {"CN", 18}, {"KR", 10}, {"JP", 10}, {"DE", 6}, {"US", 6}, {"FR", 5},
	{"KZ", 4}, {"TR", 4}, {"IN", 4}, {"GB", 3}, {"IT", 3}, {"HU", 3}, {"CZ", 3},
	{"PL", 3}, {"BG", 2}, {"VN", 2}, {"LA", 2}, {"KP", 2}, {"TH", 2}, {"AT", 2},
	{"CH", 2}, {"BE", 1}, {"NL", 1}, {"SE", 1}, {"FI", 1}, {"EG", 1}, {"CU", 1},
	{"IL", 1}, {"LT", 1}, {"UA", 1}, {"BY", 1}, {"GR", 1}, {"ES", 1}, {"AU", 1},
	{"CA", 1}, {"BR", 1}, {"MX", 1}, {"KG", 1}, {"UZ", 1},
}

// partner is one country and the ways people write it.
type partner struct {
	c         pipeline.Country
	spellings []string // English, Mongolian, Russian, long form, codes
	aliases   []string // local spellings the aliases table teaches
}

// currency is one currency of the rates table: its rate in MNT at the
// start and at the end of the span, drifting in between.
type currency struct {
	code       string
	start, end float64
	scale      int // digits of the rate after the point
}

var currencies = []currency{
	{"USD", 2850, 3450, 2}, {"EUR", 3250, 3700, 2}, {"RUB", 38.5, 44.8, 2},
	{"JPY", 26.4, 22.9, 2}, {"KRW", 2.395, 2.512, 3}, {"CNY", 418, 476, 2},
	{"GBP", 3690, 4310, 2}, {"KZT", 6.91, 7.38, 3}, {"TRY", 402, 104, 2},
	{"INR", 38.2, 41.1, 2},
}

// world is everything the rows refer to: partners, agreements, measures,
// rates and aliases. It does not depend on the number of activities, so
// folders of different sizes share it.
type world struct {
	partners   []partner
	weights    []int // cumulative
	typos      []string
	agreements []agreement
	good       []int // indexes of the agreements that are accepted
	measures   []measure
	rates      []pipeline.Rate
}

type agreement struct {
	id          string
	partner     int // index into partners; -1: multilateral
	region      string
	partnerName string
	counterpart string
	sector      pipeline.Sector
	instrument  pipeline.Instrument
	title       string
	signed      pipeline.Date
	validFrom   pipeline.Date // zero: the register leaves it empty
	validTo     pipeline.Date
	status      pipeline.Status
	measure     string
	notes       string
	bad         string // the deliberate mistake of the row, or ""
}

type measure struct {
	id, title, agencies, objectives, nature, results string
}

func newWorld(seed uint64, agreements, aliases int) (*world, error) {
	rnd := rand.New(rand.NewPCG(seed, 0x636f6f70))
	w := &world{}
	if err := w.makePartners(rnd, aliases); err != nil {
		return nil, err
	}
	w.makeMeasures()
	w.makeRates(rnd)
	w.makeAgreements(rnd, agreements)
	return w, nil
}

func (w *world) makePartners(rnd *rand.Rand, aliases int) error {
	en := display.Regions(language.English)
	mn := display.Regions(language.Mongolian)
	ru := display.Regions(language.Russian)
	total := 0
	for _, p := range partners {
		c, ok := country.ByCode(p.code)
		if !ok {
			return fmt.Errorf("gen: %s is not a country code", p.code)
		}
		reg := language.MustParseRegion(p.code)
		sp := []string{en.Name(reg), mn.Name(reg), ru.Name(reg), c.LongName, c.Code, c.Alpha3}
		w.partners = append(w.partners, partner{c: c, spellings: sp})
		total += p.weight
		w.weights = append(w.weights, total)
	}

	// Aliases and typos are the same kind of thing, a misspelt name; an
	// alias is one the keepers have taught the pipeline, a typo is one
	// they have not. Each must be unknown to the built-in names.
	res := country.New()
	seen := map[string]bool{}
	want := aliases + 40
	for tries := 0; len(w.typos)+countAliases(w.partners) < want; tries++ {
		if tries > want*20 {
			return fmt.Errorf("gen: cannot make %d distinct misspellings", want)
		}
		i := w.pick(rnd)
		p := &w.partners[i]
		name := p.spellings[rnd.IntN(3)]
		bad := misspell(rnd, name)
		k := strings.ToLower(bad)
		if bad == name || seen[k] {
			continue
		}
		seen[k] = true
		if _, _, err := res.Resolve(bad); err == nil {
			continue
		}
		// The first 40 are typos, spread over the countries; the rest
		// aliases.
		if len(w.typos) < 40 {
			w.typos = append(w.typos, bad)
		} else {
			p.aliases = append(p.aliases, bad)
		}
	}
	return nil
}

func countAliases(ps []partner) int {
	n := 0
	for _, p := range ps {
		n += len(p.aliases)
	}
	return n
}

// misspell makes one mistake in a name: a letter doubled, dropped, or
// swapped with the next.
func misspell(rnd *rand.Rand, s string) string {
	r := []rune(s)
	var letters []int
	for i, c := range r {
		if unicode.IsLetter(c) {
			letters = append(letters, i)
		}
	}
	if len(letters) < 4 {
		return s
	}
	p := letters[1+rnd.IntN(len(letters)-1)]
	switch rnd.IntN(3) {
	case 0:
		return string(r[:p+1]) + string(r[p:])
	case 1:
		return string(r[:p]) + string(r[p+1:])
	default:
		if p+1 >= len(r) || !unicode.IsLetter(r[p+1]) || r[p] == r[p+1] {
			return string(r[:p+1]) + string(r[p:])
		}
		r[p], r[p+1] = r[p+1], r[p]
		return string(r)
	}
}

// pick returns a partner index, weighted.
func (w *world) pick(rnd *rand.Rand) int {
	x := rnd.IntN(w.weights[len(w.weights)-1])
	for i, c := range w.weights {
		if x < c {
			return i
		}
	}
	return len(w.weights) - 1
}

func (w *world) makeMeasures() {
	areas := []string{
		"Bilateral policy dialogues with cultural authorities of other countries",
		"Training of cultural managers abroad",
		"Mongolian culture days and festivals abroad",
		"Protection of intangible cultural heritage with partner countries",
		"Support for film co-production",
		"Exchange of museum exhibitions",
		"Book fairs and translation of Mongolian literature",
		"Scholarships in the arts",
		"Монгол соёлын өдрүүдийг гадаадад зохион байгуулах",
		"Культурный обмен с соседними странами",
		"Digital access to cultural content",
		"Accession to international conventions on culture",
	}
	natures := []string{"legislative", "regulatory, financial", "institutional; financial", "financial", "санхүүгийн, байгууллагын", "законодательная"}
	for i, t := range areas {
		w.measures = append(w.measures, measure{
			id:       fmt.Sprintf("M%d", i+1),
			title:    t,
			agencies: "Ministry of Culture; Ministry of Foreign Affairs",
			objectives: "To develop the national culture together with the achievements of other countries,\n" +
				"to protect and recover historical and cultural values, and to enhance international relations.",
			nature:  natures[i%len(natures)],
			results: fmt.Sprintf("%d events held, %d people trained", 10+i*7, 40+i*13),
		})
	}
}

func (w *world) makeRates(rnd *rand.Rand) {
	months := (to.Year-from.Year+1)*12 - 1
	at := func(c currency, month float64) pipeline.Decimal {
		x := c.start + (c.end-c.start)*month/float64(months)
		x *= 1 + (rnd.Float64()-0.5)*0.02
		p := 1.0
		for range c.scale {
			p *= 10
		}
		return pipeline.NewDecimal(int64(x*p+0.5), c.scale)
	}
	for _, c := range currencies {
		for y := from.Year; y <= to.Year; y++ {
			m0 := float64((y - from.Year) * 12)
			w.rates = append(w.rates, rate(c.code, fmt.Sprint(y), at(c, m0+5.5),
				pipeline.Date{Year: y, Month: 1, Day: 1}, pipeline.Date{Year: y, Month: 12, Day: 31}))
			for q := 0; q < 4; q++ {
				w.rates = append(w.rates, rate(c.code, fmt.Sprintf("%d-Q%d", y, q+1), at(c, m0+float64(q*3)+1),
					pipeline.Date{Year: y, Month: time.Month(q*3 + 1), Day: 1}, lastDay(y, time.Month(q*3+3))))
			}
			for m := time.January; m <= time.December; m++ {
				w.rates = append(w.rates, rate(c.code, fmt.Sprintf("%d-%02d", y, int(m)), at(c, m0+float64(m-1)),
					pipeline.Date{Year: y, Month: m, Day: 1}, lastDay(y, m)))
			}
		}
	}
}

func rate(code, label string, r pipeline.Decimal, from, to pipeline.Date) pipeline.Rate {
	return pipeline.Rate{Currency: code, Base: Currency, Span: pipeline.RateSpan{Label: label, From: from, To: to}, Rate: r}
}

func lastDay(y int, m time.Month) pipeline.Date {
	return pipeline.DateOf(time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC))
}

var (
	instruments = []pipeline.Instrument{
		pipeline.InstrumentAgreement, pipeline.InstrumentAgreement, pipeline.InstrumentPlan,
		pipeline.InstrumentPlan, pipeline.InstrumentMoU, pipeline.InstrumentMoU, pipeline.InstrumentProtocol,
		pipeline.InstrumentOther,
	}
	institutions = []string{
		"Ministry of Culture", "State Academic Opera and Ballet Theatre", "National Museum",
		"Union of Mongolian Artists", "Arts Council of Mongolia", "Монголын үндэсний номын сан",
		"Mongolian State University of Arts and Culture", "Морин хуурын чуулга",
	}
)

func (w *world) makeAgreements(rnd *rand.Rand, n int) {
	span := to.Days() - pipeline.Date{Year: 1990, Month: 1, Day: 1}.Days()
	for i := range n {
		a := agreement{
			id:          fmt.Sprintf("AG-%04d", i+1),
			partner:     w.pick(rnd),
			counterpart: institutions[rnd.IntN(len(institutions))],
			instrument:  instruments[rnd.IntN(len(instruments))],
			sector:      pipeline.Governmental,
			signed:      pipeline.Date{Year: 1990, Month: 1, Day: 1}.AddDays(rnd.IntN(span)),
		}
		if rnd.IntN(50) == 0 {
			a.partner, a.instrument = -1, pipeline.InstrumentTreaty
		}
		if rnd.IntN(5) == 0 {
			a.sector = pipeline.NonGovernmental
		}
		name := "multilateral"
		if a.partner >= 0 {
			p := w.partners[a.partner]
			name = p.c.Name
			a.partnerName = "Ministry of Culture of " + p.c.LongName
			if p.c.Code == "CN" && rnd.IntN(10) == 0 {
				a.region, a.partnerName = "Inner Mongolia", "Culture Department of Inner Mongolia"
			}
		}
		a.title = fmt.Sprintf("%s on cultural cooperation between Mongolia and %s, %d", titleWord(a.instrument), name, a.signed.Year)
		if rnd.IntN(3) == 0 {
			a.validFrom = a.signed.AddDays(rnd.IntN(90))
		}
		if rnd.IntN(5) < 2 {
			start := a.signed
			if !a.validFrom.IsZero() {
				start = a.validFrom
			}
			a.validTo = start.AddDays(365 * (3 + rnd.IntN(8)))
			if rnd.IntN(8) == 0 {
				a.status = pipeline.StatusTerminated
			}
		}
		if rnd.IntN(5) < 3 {
			a.measure = w.measures[rnd.IntN(len(w.measures))].id
		}
		if rnd.IntN(4) == 0 {
			a.notes = "signing date taken from the archive copy"
		}
		switch rnd.IntN(100) {
		case 0:
			a.bad = badCountry
		case 1:
			a.bad = badDate
		default:
			w.good = append(w.good, i)
		}
		w.agreements = append(w.agreements, a)
	}
}

func titleWord(in pipeline.Instrument) string {
	switch in {
	case pipeline.InstrumentPlan:
		return "Programme"
	case pipeline.InstrumentMoU:
		return "Memorandum of understanding"
	case pipeline.InstrumentTreaty:
		return "Convention"
	case pipeline.InstrumentProtocol:
		return "Protocol"
	}
	return "Agreement"
}

// country returns the domain country of an agreement or activity.
func (w *world) country(p int) pipeline.Country {
	if p < 0 {
		return pipeline.Country{}
	}
	return w.partners[p].c
}
