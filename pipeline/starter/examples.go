package starter

import (
	"strconv"
	"time"

	"coopreport/pipeline"
)

// example is one example row: column name → value. A string is written as
// text, a pipeline.Date as a real date cell, an int or float64 as a number.
type example map[string]any

// examples are the example rows of each sheet, dated in year y (the year
// the configured period reports on the day of Init). They hang together:
// the activities carry out the agreements, both belong to the measure, the
// rates cover the currencies and year of the amounts, and one activity
// names its country by the alias the Aliases sheet teaches. Every row
// passes the pipeline's checks as it is.
func examples(y int) map[pipeline.Kind][]example {
	d := func(year int, m time.Month, day int) pipeline.Date {
		out, _ := pipeline.MakeDate(year, m, day)
		return out
	}
	const note = "Example row: replace it with your own, or delete it."
	return map[pipeline.Kind][]example{
		pipeline.KindMeasures: {{
			"id":           "M1",
			"title":        "Promoting international cultural cooperation",
			"agencies":     "Ministry of Culture",
			"area":         "Cultural cooperation",
			"objectives":   "To widen cultural exchanges with partner countries and train Mongolian artists abroad.",
			"scope":        "International",
			"nature":       "institutional, financial",
			"features":     "Bilateral agreements and plans carried out by exhibitions, trainings and meetings.",
			"results":      "Example row: replace it with your own measure, or delete it and the measure ids.",
			"resources":    "State budget",
			"goals":        "2",
			"areas":        "2.3 Treaties and agreements; 2.1 Mobility of artists and cultural professionals",
			"domains":      "Performing arts; Music; Visual arts",
			"achieved":     "Three agreements in force; an exhibition of Mongolian art in Seoul, a training of opera singers in Tianjin and a meeting of the intergovernmental commission in Russia.",
			"partner_type": "Private sector",
			"evaluated":    "no",
		}},
		pipeline.KindAgreements: {
			{
				"id": "A-1", "country": "Republic of Korea",
				"partner": "Ministry of Culture, Sports and Tourism", "counterpart": "Ministry of Culture",
				"sector": "governmental", "instrument": "agreement",
				"title":  "Agreement on cultural cooperation",
				"signed": d(y-6, time.May, 14), "status": "in force", "measure": "M1", "notes": note,
			},
			{
				"id": "A-2", "country": "China", "region": "Tianjin",
				"partner": "Tianjin Grand Theatre", "counterpart": "State Academic Theatre of Opera and Ballet",
				"sector": "non-governmental", "instrument": "mou",
				"title":  "Memorandum of understanding on theatre exchanges",
				"signed": d(y-1, time.September, 20), "valid_from": d(y-1, time.October, 1), "valid_to": d(y+2, time.September, 30),
				"status": "in force", "measure": "M1", "notes": note,
			},
			{
				"id": "A-3", "country": "Russian Federation",
				"partner": "Ministry of Culture of the Russian Federation", "counterpart": "Ministry of Culture",
				"sector": "governmental", "instrument": "plan",
				"title":  "Programme of cultural exchanges",
				"signed": d(y, time.February, 15), "valid_to": d(y+2, time.December, 31),
				"status": "in force", "measure": "M1", "notes": note,
			},
		},
		pipeline.KindActivities: {
			{
				"id": "ACT-1", "date": d(y, time.June, 10), "end": d(y, time.June, 14),
				"country": "Solongos", "agreement": "A-1", "measure": "M1", "type": "exhibition",
				"title":        "Exhibition of Mongolian traditional art in Seoul",
				"participants": 12, "amount": 15000000.0, "currency": "MNT",
				"funding": "State budget", "agency": "Ministry of Culture",
				"notes": note + " The country is written as the alias Solongos, which the Aliases sheet teaches.",
			},
			{
				"id": "ACT-2", "date": d(y, time.September, 5), "end": d(y, time.September, 25),
				"country": "China", "region": "Tianjin", "agreement": "A-2", "measure": "M1", "type": "training",
				"title":        "Training of opera singers at Tianjin Grand Theatre",
				"participants": 8, "amount": 8500.5, "currency": "USD",
				"funding": "Own funds of the theatre", "agency": "State Academic Theatre of Opera and Ballet",
				"notes": note,
			},
			{
				"id": "ACT-3", "date": d(y, time.November, 20),
				"country": "Russian Federation", "agreement": "A-3", "measure": "M1", "type": "meeting",
				"title":        "Meeting of the intergovernmental commission on cultural cooperation",
				"participants": 6, "amount": 250000.0, "currency": "RUB",
				"funding": "State budget", "agency": "Ministry of Culture",
				"notes": note,
			},
		},
		pipeline.KindRates: {
			{"currency": "USD", "base": "MNT", "period": strconv.Itoa(y), "rate": 3400.0},
			{"currency": "USD", "base": "MNT", "period": strconv.Itoa(y) + "-09", "rate": 3392.5},
			{"currency": "RUB", "base": "MNT", "period": strconv.Itoa(y), "rate": 37.25},
		},
		pipeline.KindAliases: {
			{"name": "Solongos", "country": "KR"},
		},
	}
}
