package gen

import (
	"fmt"
	"math/rand/v2"

	"coopreport/pipeline"
)

// activity is one row of the ledger as the ministry meant it, before it
// is written down in one form or another.
type activity struct {
	id           string
	date, end    pipeline.Date
	partner      int // index into world.partners; -1: multilateral
	agreement    string
	measure      string
	typ          pipeline.ActivityType
	title        string
	participants int64 // -1: not given
	amount       pipeline.Decimal
	currency     string // "": no amount
	funding      string
	agency       string
	notes        string
	budget       string // the extra column
}

var (
	typeWords = map[pipeline.ActivityType][]string{
		pipeline.TypeTraining:   {"training", "Training", "сургалт", "обучение"},
		pipeline.TypeFestival:   {"festival", "Festival", "наадам", "фестиваль"},
		pipeline.TypeExhibition: {"exhibition", "үзэсгэлэн", "выставка"},
		pipeline.TypeExchange:   {"exchange", "солилцоо", "обмен"},
		pipeline.TypeMeeting:    {"meeting", "conference", "хурал", "заседание"},
		pipeline.TypeStudy:      {"study", "research", "судалгаа"},
		pipeline.TypeTreaty:     {"treaty", "accession"},
		pipeline.TypeOther:      {"other", "бусад", "прочее"},
	}
	types = []pipeline.ActivityType{
		pipeline.TypeTraining, pipeline.TypeTraining, pipeline.TypeFestival, pipeline.TypeFestival,
		pipeline.TypeExhibition, pipeline.TypeExhibition, pipeline.TypeExchange, pipeline.TypeMeeting,
		pipeline.TypeMeeting, pipeline.TypeStudy, pipeline.TypeOther,
	}
	titles = []string{
		"Mongolian Culture Days in %s",
		"Exhibition of Mongolian traditional costume, %s",
		"Training of museum curators with partners from %s",
		"Монгол соёлын өдрүүд, %s",
		"Дни культуры Монголии: %s",
		"Concert of the \"Morin khuur\" ensemble, %s",
		"Joint meeting of the intergovernmental commission (%s)",
		"Student exchange in classic stage arts; partner: %s",
	}
	fundings  = []string{"State budget", "State budget", "Host country", "Улсын төсөв", "Государственный бюджет", "UNESCO Participation Programme", ""}
	agencies  = []string{"Ministry of Culture", "Ministry of Foreign Affairs", "Arts Council of Mongolia", "Соёлын яам", "National Museum"}
	amountCCY = []string{"MNT", "MNT", "MNT", "MNT", "USD", "USD", "EUR", "RUB", "JPY", "KRW", "CNY", "GBP", "KZT", "TRY", "INR"}
)

// activities makes the ledger's rows in order; the dates drift forward
// over the span, as a ledger kept through the years does.
type activities struct {
	w   *world
	rnd *rand.Rand
	n   int
	i   int
}

func (w *world) activities(seed uint64, n int) *activities {
	return &activities{w: w, rnd: rand.New(rand.NewPCG(seed, 0x616374)), n: n}
}

func (g *activities) next() activity {
	rnd, w := g.rnd, g.w
	days := to.Days() - from.Days()
	day := min(g.i*days/max(g.n, 1)+rnd.IntN(30), days)
	a := activity{
		id:           fmt.Sprintf("ACT-%07d", g.i+1),
		date:         from.AddDays(day),
		partner:      w.pick(rnd),
		typ:          types[rnd.IntN(len(types))],
		participants: -1,
		funding:      fundings[rnd.IntN(len(fundings))],
		agency:       agencies[rnd.IntN(len(agencies))],
		budget:       fmt.Sprintf("%05d", rnd.IntN(3000)),
	}
	g.i++
	if rnd.IntN(10) < 7 && len(w.good) > 0 {
		ag := &w.agreements[w.good[rnd.IntN(len(w.good))]]
		a.agreement, a.partner = ag.id, ag.partner
	} else if rnd.IntN(30) == 0 {
		a.partner, a.typ = -1, pipeline.TypeTreaty
	}
	if rnd.IntN(5) < 2 {
		a.end = a.date.AddDays(rnd.IntN(15))
	}
	if rnd.IntN(2) == 0 {
		a.measure = w.measures[rnd.IntN(len(w.measures))].id
	}
	name := "several countries"
	if a.partner >= 0 {
		name = w.partners[a.partner].c.Name
	}
	a.title = fmt.Sprintf(titles[rnd.IntN(len(titles))], name)
	if rnd.IntN(5) < 4 {
		a.participants = int64(1 + rnd.IntN(200))
	}
	if rnd.IntN(4) < 3 {
		a.currency = amountCCY[rnd.IntN(len(amountCCY))]
		if rnd.IntN(100) == 0 {
			a.currency = "CHF" // no rate: reported unconverted
		}
		a.amount = amount(rnd, a.currency)
	}
	if rnd.IntN(5) == 0 {
		a.notes = "amount from the ministry's accounts"
		if rnd.IntN(20) == 0 {
			a.notes = "Held in two cities;\nsee the mission report, pages 4–7"
		}
	}
	return a
}

// amount is a plausible cost in cur: a few hundred to a few hundred
// thousand dollars' worth, with cents where the currency has them.
func amount(rnd *rand.Rand, cur string) pipeline.Decimal {
	var lo, hi int64
	switch cur {
	case "MNT":
		lo, hi = 200_000, 300_000_000
	case "JPY", "KRW", "KZT", "INR":
		lo, hi = 50_000, 20_000_000
	default:
		lo, hi = 100, 150_000
	}
	units := lo + rnd.Int64N(hi-lo)
	if cur == "JPY" || cur == "KRW" || rnd.IntN(3) == 0 {
		return pipeline.NewDecimal(units, 0)
	}
	return pipeline.NewDecimal(units*100+rnd.Int64N(100), 2)
}
