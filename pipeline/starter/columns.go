package starter

import (
	"fmt"

	"coopreport/pipeline"
	"coopreport/pipeline/framework"
)

// help says what each column holds, in the words of the input contract.
// It becomes the header cell's comment and the column table of the
// Instructions sheet. Every column of schema.Columns needs an entry (a test
// checks it), so a column added there cannot reach users unexplained.
var help = map[pipeline.Kind]map[string]string{
	pipeline.KindAgreements: {
		"id":          "A short reference of your own, unique among agreements, e.g. A-1. Activities name the agreement they carry out by this id.",
		"country":     "The partner country: its English, Mongolian or Russian name or ISO code (Republic of Korea, Солонгос, KR). Write multilateral for conventions among many parties.",
		"region":      "A sub-national partner, e.g. Inner Mongolia; it is counted under its country.",
		"partner":     "The partner institution.",
		"counterpart": "The domestic institution that signed.",
		"sector":      "governmental or non-governmental. Empty means governmental.",
		"instrument":  "The kind of document: agreement, plan (also programme), mou (memorandum), treaty (also convention, accession), protocol or other.",
		"title":       "The title of the document.",
		"signed":      "The date it was signed.",
		"valid_from":  "The date it took effect. Empty means the signing date.",
		"valid_to":    "The date it ends or ended. Empty means open-ended. Required when the status is suspended or terminated.",
		"status":      "in force, suspended or terminated. Empty: the report derives the status from the dates (an agreement past its end date has expired).",
		"measure":     "The id of a measure on the Measures sheet, if the agreement belongs to one.",
		"notes":       "Anything else; it travels into the report's workbook.",
	},
	pipeline.KindActivities: {
		"id":           "A short reference of your own, unique among activities, e.g. ACT-1.",
		"date":         "The date the activity took place, or began if it took several days.",
		"end":          "The last day, for activities of several days; not before date.",
		"country":      "The partner country, as in Agreements; multilateral for activities with no single partner.",
		"region":       "A sub-national partner, counted under its country.",
		"agreement":    "The id of the agreement the activity carries out, from the Agreements sheet. It must exist there.",
		"measure":      "The id of a measure on the Measures sheet.",
		"type":         "training, festival, exhibition, exchange, meeting, study, treaty or other.",
		"title":        "What took place, in a few words.",
		"participants": "How many people took part: a whole number, 0 or more.",
		"amount":       "The money spent, as a number. Fill in the currency too.",
		"currency":     "The currency of the amount: an ISO code such as MNT, USD, EUR, RUB (required when there is an amount).",
		"funding":      "Where the money came from, e.g. State budget.",
		"agency":       "The responsible agency or organiser.",
		"notes":        "Anything else; it travels into the report's workbook.",
	},
	pipeline.KindMeasures: {
		"id":           "A short reference, unique among measures, e.g. M1. Agreements and activities name the measure by this id.",
		"title":        "The name of the policy or measure.",
		"agencies":     "The agencies responsible for it.",
		"area":         "The field of culture, in your own words (the form's cultural domains go in domains).",
		"objectives":   "What the measure aims at.",
		"scope":        "Its scope: local, regional, national or international.",
		"nature":       "legislative, regulatory, financial or institutional; several separated by commas.",
		"features":     "Its main features.",
		"results":      "The results expected.",
		"resources":    "The financial resources given to it.",
		"goals":        "The goals of the 2005 Convention it serves: numbers or names from the list, e.g. 2. Several are separated by semicolons. An area of monitoring names its goal, so goals may stay empty when areas is filled in.",
		"areas":        "The areas of monitoring of the current report form, by number or name, e.g. 2.3 Treaties and agreements. Several are separated by semicolons.",
		"domains":      "The cultural domains, as the report form lists them, e.g. Music. Several are separated by semicolons.",
		"achieved":     "The results achieved so far.",
		"partner_type": "The type of entity of the partners the agreements call non-governmental: Private sector or Civil society (governmental partners are the public sector).",
		"evaluated":    "Has the implementation of the measure been evaluated? yes or no.",
		"conclusions":  "The main conclusions of the evaluation, when evaluated is yes (conclusions given make it yes).",
	},
	pipeline.KindRates: {
		"currency": "The currency converted, as an ISO code such as USD.",
		"base":     "The currency the rate is given in, as an ISO code such as MNT: 1 USD = 3400 MNT. Leave it empty to use rates_base in coopreport.toml (MNT).",
		"period":   "The period the rate holds for: a year (2025), a quarter (2025-Q3) or a month (2025-07). The most specific period that covers a date wins.",
		"rate":     "How many units of the base currency one unit of the currency was worth.",
	},
	pipeline.KindAliases: {
		"name":    "A spelling of a country that your sheets use and coopreport does not know.",
		"country": "The country it means: an ISO code such as KR, or a name coopreport knows.",
		"region":  "A sub-national region the spelling names, if any.",
	},
}

// format is how a column's cells are shown and typed.
type format int

const (
	general format = iota
	text           // "@": ids, references and period labels stay as typed ("2025-07" is not a date)
	date
	count
	money
	rate
)

// formats are the columns that are not general; the rest take what is typed.
var formats = map[pipeline.Kind]map[string]format{
	pipeline.KindAgreements: {"id": text, "signed": date, "valid_from": date, "valid_to": date, "measure": text},
	pipeline.KindActivities: {"id": text, "date": date, "end": date, "agreement": text, "measure": text, "participants": count, "amount": money, "currency": text},
	pipeline.KindMeasures:   {"id": text},
	pipeline.KindRates:      {"currency": text, "base": text, "period": text, "rate": rate},
}

// widths are column widths in characters; other columns are 14 wide.
var widths = map[string]float64{
	"id": 10, "country": 22, "region": 16, "partner": 30, "counterpart": 30, "sector": 18,
	"instrument": 13, "title": 48, "signed": 12, "valid_from": 12, "valid_to": 12, "status": 12,
	"measure": 10, "notes": 40, "date": 12, "end": 12, "agreement": 11, "type": 12,
	"participants": 13, "amount": 16, "currency": 10, "funding": 24, "agency": 28,
	"agencies": 30, "area": 20, "objectives": 40, "scope": 16, "nature": 22, "features": 40,
	"results": 40, "resources": 30, "period": 12, "rate": 14, "name": 28, "base": 10,
	"goals": 30, "areas": 36, "domains": 24, "achieved": 40, "partner_type": 16, "evaluated": 11, "conclusions": 40,
}

// Drop-down lists: the canonical words of each closed list. The pipeline
// reads synonyms and Mongolian and Russian words too, so the lists warn
// rather than stop (see dropDown).
var (
	instruments = []string{"agreement", "plan", "mou", "treaty", "protocol", "other"}
	sectors     = []string{"governmental", "non-governmental"}
	statuses    = []string{"signed", "in force", "suspended", "terminated"}
	types       = []string{"training", "festival", "exhibition", "exchange", "meeting", "study", "treaty", "other"}
	// currencies are Mongolia's and its partners' usual ones first, then
	// other common codes; any ISO 4217 code is accepted.
	currencies = []string{"MNT", "USD", "EUR", "RUB", "CNY", "JPY", "KRW", "GBP", "CHF", "KZT",
		"KGS", "UZS", "TRY", "INR", "AUD", "CAD", "HKD", "SGD", "SEK", "PLN", "CZK", "HUF", "THB", "VND"}
)

// The lists of the current report form (Form B), in the words of
// templates/framework.toml: goals and areas written with their numbers
// ("2.3 Treaties and agreements"), which the pipeline reads by the number.
var (
	goals, areas, domains, entities = frameworkLists()
	yesNo                           = []string{"yes", "no"}
)

func frameworkLists() (goals, areas, domains, entities []string) {
	f := framework.MustDefault()
	for _, g := range f.Goals {
		goals = append(goals, fmt.Sprintf("%d %s", g.Number, g.Name))
		for _, a := range g.Areas {
			areas = append(areas, a.ID+" "+a.Name)
		}
	}
	for _, d := range f.Domains {
		domains = append(domains, d.Name)
	}
	for _, e := range f.Entities {
		entities = append(entities, e.Name)
	}
	return goals, areas, domains, entities
}

// lists are the columns with a drop-down list.
var lists = map[pipeline.Kind]map[string][]string{
	pipeline.KindAgreements: {"instrument": instruments, "sector": sectors, "status": statuses},
	pipeline.KindActivities: {"type": types, "currency": currencies},
	pipeline.KindMeasures:   {"domains": domains, "partner_type": entities, "evaluated": yesNo},
	pipeline.KindRates:      {"currency": currencies, "base": currencies},
}

// longLists are the columns whose drop-down list is too long to hold in
// the list itself (Excel allows 255 characters): it refers to the cells
// of the Instructions sheet that list the values (see instructionLines).
var longLists = map[pipeline.Kind]map[string][]string{
	pipeline.KindMeasures: {"goals": goals, "areas": areas},
}

// several are the columns that take several values of their list,
// separated by semicolons; a drop-down list gives one.
var several = map[string]bool{"goals": true, "areas": true, "domains": true}

// lastRow is the last row the drop-down lists and their checks cover.
const lastRow = 5000
