package gen

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"path/filepath"
	"slices"
)

// Format is the kind of files a folder is written in.
type Format string

const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
)

// Options size a generated folder.
type Options struct {
	Format     Format  // "" is CSV
	Activities int     // rows of the activity ledger
	Agreements int     // rows of the agreement register; 0 means 1000
	Aliases    int     // rows of the aliases table; 0 means 1000
	Bad        float64 // share of ledger rows with one mistake each; 0 means 0.03, < 0 none
	Seed       uint64
}

func (o Options) withDefaults() Options {
	if o.Format == "" {
		o.Format = CSV
	}
	if o.Agreements == 0 {
		o.Agreements = 1000
	}
	if o.Aliases == 0 {
		o.Aliases = 1000
	}
	if o.Bad == 0 {
		o.Bad = 0.03
	}
	return o
}

// Stats say what a folder holds, and what a correct reading of it finds.
type Stats struct {
	Activities int // data rows of the ledger
	Agreements int
	Measures   int
	Rates      int
	Aliases    int
	// Rejects are the rows written with a mistake, one each, in file
	// order: a correct reading rejects exactly these.
	Rejects []Reject
	// Dir is the folder; Ledger the path of the file that holds the
	// activities.
	Dir, Ledger string
	// Files are the paths written.
	Files []string
}

// Reject is one spoilt row: where, and the column (as its header is
// written) that a correct reading blames.
type Reject struct {
	File   string // name inside the folder
	Sheet  string // "" for CSV
	Row    int    // as the spreadsheet shows it
	Column string
	Kind   string // the mistake: country, date, amount, ...
}

// table is one CSV file or one sheet: a title row (or none), the header,
// and the rows, made as they are written so that a big ledger is never
// held whole.
type table struct {
	name   string // the sheet's name, and the CSV file's without extension
	title  string
	header []string
	rows   iter.Seq[[]value]
	delim  rune // CSV only
	bom    bool // CSV only
}

// first is the row number the spreadsheet shows for the first data row.
func (t *table) first() int {
	if t.title != "" {
		return 3
	}
	return 2
}

// Folder writes an input folder of opt.Activities activities into dir
// (which must exist) and says what it holds.
func Folder(dir string, opt Options) (*Stats, error) {
	opt = opt.withDefaults()
	w, err := newWorld(opt.Seed, opt.Agreements, opt.Aliases)
	if err != nil {
		return nil, err
	}
	st := &Stats{Activities: opt.Activities, Agreements: len(w.agreements), Measures: len(w.measures), Rates: len(w.rates), Aliases: countAliases(w.partners), Dir: dir}
	rnd := rand.New(rand.NewPCG(opt.Seed, 0x666f726d))
	small := []*table{w.aliasTable(), w.rateTable(), w.measureTable(), w.agreementTable(rnd, st, opt.Format)}
	ledger := w.activityTable(opt, st)
	switch opt.Format {
	case CSV:
		small[3].delim = ';' // as Excel saves CSV with a Russian or Mongolian locale
		for _, t := range append(small, ledger) {
			path := filepath.Join(dir, t.name+".csv")
			if err := writeCSV(path, t); err != nil {
				return nil, err
			}
			st.Files = append(st.Files, path)
		}
		st.Ledger = filepath.Join(dir, ledger.name+".csv")
	case XLSX:
		path := filepath.Join(dir, "registers.xlsx")
		if err := writeXLSX(path, small...); err != nil {
			return nil, err
		}
		st.Ledger = filepath.Join(dir, "activities.xlsx")
		if err := writeXLSX(st.Ledger, ledger); err != nil {
			return nil, err
		}
		st.Files = append(st.Files, path, st.Ledger)
	default:
		return nil, fmt.Errorf("gen: unknown format %q", opt.Format)
	}
	return st, nil
}

// file is the name of the file a table lands in, and its sheet.
func file(t *table, f Format) (name, sheet string) {
	if f == XLSX {
		if t.name == "Activities" {
			return "activities.xlsx", t.name
		}
		return "registers.xlsx", t.name
	}
	return t.name + ".csv", ""
}

func (w *world) aliasTable() *table {
	return &table{name: "Aliases", header: []string{"name", "country", "region"}, rows: func(yield func([]value) bool) {
		for i, p := range w.partners {
			for j, a := range p.aliases {
				target := p.c.Code
				if (i+j)%3 == 0 {
					target = p.c.Name
				}
				if !yield([]value{text(a), text(target), {}}) {
					return
				}
			}
		}
	}}
}

func (w *world) rateTable() *table {
	return &table{name: "Rates", header: []string{"currency", "base", "period", "rate"}, rows: func(yield func([]value) bool) {
		for _, r := range w.rates {
			if !yield([]value{text(r.Currency), text(r.Base), text(r.Span.Label), {text: r.Rate.String(), num: r.Rate.Float64(), isNum: true}}) {
				return
			}
		}
	}}
}

func (w *world) measureTable() *table {
	return &table{name: "Measures", header: []string{"id", "title", "agencies", "area", "objectives", "scope", "nature", "features", "results", "resources"},
		rows: func(yield func([]value) bool) {
			for _, m := range w.measures {
				if !yield([]value{text(m.id), text(m.title), text(m.agencies), {}, text(m.objectives), text("national"), text(m.nature), {}, text(m.results), text("State budget")}) {
					return
				}
			}
		}}
}

var sectorWords = map[string][]string{
	"governmental":     {"governmental", "gov", "Government", ""},
	"non-governmental": {"non-governmental", "NGO", "private"},
}

func (w *world) agreementTable(rnd *rand.Rand, st *Stats, f Format) *table {
	t := &table{name: "Agreements", header: []string{"No", "Partner country", "Region", "Partner institution", "Counterpart", "Sector",
		"Instrument", "Title", "Signed", "Valid from", "Valid to", "Status", "Measure", "Notes"}}
	name, sheet := file(t, f)
	for i, a := range w.agreements {
		switch a.bad {
		case badCountry:
			st.Rejects = append(st.Rejects, Reject{name, sheet, t.first() + i, "Partner country", a.bad})
		case badDate:
			st.Rejects = append(st.Rejects, Reject{name, sheet, t.first() + i, "Signed", a.bad})
		}
	}
	t.rows = func(yield func([]value) bool) {
		for _, a := range w.agreements {
			ctry := w.spell(rnd, a.partner)
			signed := date(rnd, a.signed)
			switch a.bad {
			case badCountry:
				ctry = w.typos[rnd.IntN(len(w.typos))]
			case badDate:
				signed = text(fmt.Sprintf("%d.%02d.%d", 31, 2, a.signed.Year)) // 31 February
			}
			words := sectorWords[string(a.sector)]
			row := []value{text(a.id), text(ctry), text(a.region), text(a.partnerName), text(a.counterpart),
				text(words[rnd.IntN(len(words))]), text(string(a.instrument)), text(a.title), signed,
				date(rnd, a.validFrom), date(rnd, a.validTo), text(string(a.status)), text(a.measure), text(a.notes)}
			if !yield(row) {
				return
			}
		}
	}
	return t
}

var activityHeader = []string{"ID", "Date", "End date", "Partner country", "Agreement", "Measure", "Type", "Title",
	"Participants", "Amount", "Currency", "Funding", "Agency", "Notes", "Бюджет код"}

// columnOf is the header a mistake of each kind is blamed on.
var columnOf = map[string]string{
	badCountry: "Partner country", badDate: "Date", badEnd: "End date", badAmount: "Amount",
	badCurrency: "Currency", badAgreement: "Agreement", badID: "ID", badType: "Type",
	badParticipants: "Participants", badTitle: "Title",
}

func (w *world) activityTable(opt Options, st *Stats) *table {
	t := &table{name: "Activities", title: "Activities with partner countries, 2020–2025", header: activityHeader, bom: true}
	name, sheet := file(t, opt.Format)
	// Which rows are spoilt is decided up front, so that Stats are
	// complete before the rows are written.
	rnd := rand.New(rand.NewPCG(opt.Seed, 0x626164))
	bad := map[int]string{}
	for i := range opt.Activities {
		if opt.Bad > 0 && rnd.Float64() < opt.Bad {
			k := badKinds[rnd.IntN(len(badKinds))]
			if _, prevBad := bad[i-1]; k == badID && (i == 0 || prevBad) {
				k = badType // an id mistake repeats a good row before it
			}
			bad[i] = k
			st.Rejects = append(st.Rejects, Reject{name, sheet, t.first() + i, columnOf[k], k})
		}
	}
	t.rows = func(yield func([]value) bool) {
		g := w.activities(opt.Seed, opt.Activities)
		rnd := rand.New(rand.NewPCG(opt.Seed, 0x726f77))
		var prev []value
		for i := range opt.Activities {
			a := g.next()
			k := bad[i]
			if (k == badAmount || k == badCurrency) && a.currency == "" {
				a.currency, a.amount = "MNT", amount(rnd, "MNT")
			}
			row := w.activityRow(rnd, &a)
			switch k {
			case badCountry:
				row[3] = text(w.typos[rnd.IntN(len(w.typos))])
			case badDate:
				row[1] = text([]string{"31.02.2023", "2023-13-01", "13/25/2023", "spring 2022"}[rnd.IntN(4)])
			case badEnd:
				row[2] = text(a.date.AddDays(-1 - rnd.IntN(5)).String())
			case badAmount:
				row[9] = text([]string{"12,50,000", "1.250.000,5.0", "1,25", "n/a 500"}[rnd.IntN(4)])
				row[10] = text(a.currency)
			case badCurrency:
				row[9] = text(a.amount.String())
				row[10] = text("¥")
			case badAgreement:
				row[4] = text(fmt.Sprintf("AG-9%04d", rnd.IntN(10000)))
			case badID:
				// A row pasted twice: the copy is rejected, the row counts once.
				row = slices.Clone(prev)
			case badType:
				row[6] = text([]string{"festivall", "выставкаа", "seminar"}[rnd.IntN(3)])
			case badParticipants:
				row[8] = text([]string{"twelve", "-3", "12.5"}[rnd.IntN(3)])
			case badTitle:
				row[7] = text("  ")
			}
			prev = row
			if !yield(row) {
				return
			}
		}
	}
	return t
}

func (w *world) activityRow(rnd *rand.Rand, a *activity) []value {
	words := typeWords[a.typ]
	row := []value{
		text(a.id), date(rnd, a.date), date(rnd, a.end), text(w.spell(rnd, a.partner)), text(a.agreement),
		text(a.measure), text(words[rnd.IntN(len(words))]), text(a.title), {}, {}, {},
		text(a.funding), text(a.agency), text(a.notes), text(a.budget),
	}
	if a.participants >= 0 {
		row[8] = value{text: fmt.Sprint(a.participants), num: float64(a.participants), isNum: true}
	}
	if a.currency != "" {
		amt, cur := money(rnd, a.amount, a.currency)
		row[9], row[10] = amt, text(cur)
	}
	return row
}
