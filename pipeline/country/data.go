package country

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"coopreport/pipeline"
)

// The data files are small and reviewed by people who know the names, so
// they are text, not Go: see the comment at the top of each. iso.tsv is
// generated from Debian's iso-codes package by gen.go.
//
//go:generate go run gen.go
//go:embed longforms.tsv names.tsv regions.tsv iso.tsv history.tsv parts.tsv areas.tsv
var dataFS embed.FS

// notISO are codes CLDR calls countries that ISO 3166-1 only reserves
// ("exceptionally reserved"): they are parts of ISO countries, and
// regions.tsv files them under those.
var notISO = map[string]bool{"AC": true, "CP": true, "DG": true, "TA": true}

// entry is what a spelling stands for: a country (an index into
// base.countries) and, for a sub-national partner, its region; or
// "multilateral" (idx -1, which only an alias can name); or something that
// is not a country (idx -2 and below, base.others[-2-idx]).
type entry struct {
	idx    int
	region string
}

const multilateralIdx = -1

func (e entry) isCountry() bool { return e.idx >= 0 }

func otherEntry(i int) entry { return entry{idx: -2 - i} }

// other is a spelling that names no country: a world region or a group of
// countries ("Asia", "the European Union"), or a country that was divided
// with no continuing state ("Czechoslovakia").
type other struct {
	name string // in English, for messages
	into []int  // a divided country's successors; none for a region
}

// candidate is a stored spelling that suggestions are measured against.
type candidate struct {
	key    []rune
	padded string   // " " + key + " ", to find whole words in it
	words  [][]rune // its distinctive words, for a match word by word
	label  string   // what the suggestion shows: an English name
}

func newCandidate(k, label string) candidate {
	return candidate{key: []rune(k), padded: " " + k + " ", words: distinctive(k), label: label}
}

// base is everything New loads, built once and shared read-only by all
// resolvers; aliases go into each Resolver's own map on top of it.
type base struct {
	countries []pipeline.Country
	byCode    map[string]int   // upper-case alpha-2 and alpha-3
	index     map[string]entry // key(spelling) → entry
	bags      map[string]entry // bag(key) → entry, for bags only one entry has
	others    []other
	partOf    map[int]int  // a territory with a code of its own → its sovereign
	hints     func() hints // suggestion candidates, made on the first unknown cell
}

var loadBase = sync.OnceValue(func() *base {
	b, err := build()
	if err != nil {
		// The data is embedded: an error is a bug in this package that
		// TestData reports; no input can cause it.
		panic("country: " + err.Error())
	}
	return b
})

func build() (*base, error) {
	b := &base{byCode: map[string]int{}, index: make(map[string]entry, 2600), partOf: map[int]int{}}
	var errs []error
	add := func(spelling string, e entry) {
		k := key(spelling)
		for _, k := range append([]string{k}, variants(k)...) {
			if k == "" {
				errs = append(errs, fmt.Errorf("spelling %q has no letters", spelling))
				continue
			}
			if old, ok := b.index[k]; ok && old != e {
				errs = append(errs, fmt.Errorf("%q means both %s and %s", spelling, b.label(old), b.label(e)))
				continue
			}
			b.index[k] = e
		}
	}
	code := func(c string) (int, error) {
		i, ok := b.byCode[c]
		if !ok || len(c) != 2 {
			return 0, fmt.Errorf("%q is not an ISO 3166-1 alpha-2 code", c)
		}
		return i, nil
	}

	// ISO 3166-1 countries as CLDR knows them. Codes CLDR keeps for history
	// (BU, DD, ZR...) canonicalize to the current one and are skipped, and
	// groupings (EU, UN, EZ, 419, ZZ) are not countries or have no alpha-3.
	// Kosovo (XK, a user-assigned code that CLDR and the EU use) is kept.
	en := display.Regions(language.English)
	mn := display.Regions(language.Mongolian)
	ru := display.Regions(language.Russian)
	for c1 := 'A'; c1 <= 'Z'; c1++ {
		for c2 := 'A'; c2 <= 'Z'; c2++ {
			code := string([]rune{c1, c2})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.Canonicalize() != r || notISO[code] {
				continue
			}
			name := shortName(code, en.Name(r))
			if r.ISO3() == "ZZZ" || name == "" {
				continue
			}
			c := pipeline.Country{Code: code, Alpha3: r.ISO3(), Name: name, LongName: name}
			i := len(b.countries)
			b.countries = append(b.countries, c)
			b.byCode[c.Code] = i
			b.byCode[c.Alpha3] = i
			e := entry{idx: i}
			add(c.Code, e)
			add(c.Alpha3, e)
			for _, n := range []string{name, en.Name(r), mn.Name(r), ru.Name(r)} {
				if n != "" {
					add(n, e)
				}
			}
		}
	}

	errs = append(errs, readTSV("longforms.tsv", 2, func(f []string) error {
		i, err := code(f[0])
		if err != nil {
			return err
		}
		if b.countries[i].LongName != b.countries[i].Name {
			return fmt.Errorf("%s has two long names", f[0])
		}
		b.countries[i].LongName = f[1]
		add(f[1], entry{idx: i})
		return nil
	}))
	errs = append(errs, readTSV("names.tsv", 2, func(f []string) error {
		i, err := code(f[0])
		if err != nil {
			return err
		}
		add(f[1], entry{idx: i})
		return nil
	}))
	errs = append(errs, readTSV("iso.tsv", 3, func(f []string) error {
		i, err := code(f[1])
		if err != nil {
			return err
		}
		switch f[0] {
		case "name", "former":
			add(f[2], entry{idx: i})
		case "part":
			return b.addPart(i, f[2])
		default:
			return fmt.Errorf("unknown kind %q", f[0])
		}
		return nil
	}))
	errs = append(errs, readTSV("parts.tsv", 2, func(f []string) error {
		i, err := code(f[0])
		if err != nil {
			return err
		}
		return b.addPart(i, f[1])
	}))
	divided := map[string]entry{} // the successors' codes → entry
	errs = append(errs, readTSV("history.tsv", 2, func(f []string) error {
		codes := strings.Fields(f[0])
		if len(codes) == 1 {
			i, err := code(codes[0])
			if err != nil {
				return err
			}
			add(f[1], entry{idx: i})
			return nil
		}
		e, ok := divided[f[0]]
		if !ok {
			o := other{name: f[1]}
			for _, c := range codes {
				i, err := code(c)
				if err != nil {
					return err
				}
				o.into = append(o.into, i)
			}
			e = otherEntry(len(b.others))
			b.others = append(b.others, o)
			divided[f[0]] = e
		}
		add(f[1], e)
		return nil
	}))
	errs = append(errs, readTSV("regions.tsv", 3, func(f []string) error {
		i, err := code(f[0])
		if err != nil {
			return err
		}
		e := entry{idx: i, region: f[1]}
		add(f[1], e)
		add(f[2], e)
		return nil
	}))
	errs = append(errs, b.addAreas(en, mn, ru))
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	b.bags = make(map[string]entry, len(b.index))
	ambiguous := map[string]bool{}
	for k, e := range b.index {
		// Two entries with one bag: the bag says nothing. Codes and
		// abbreviations of three letters or less have none: "IS" is
		// Iceland, but "is" is "Islands" in a name.
		g := bag(k)
		if utf8.RuneCountInString(k) <= 3 || g == "" || ambiguous[g] {
			continue
		}
		if old, ok := b.bags[g]; ok && old != e {
			delete(b.bags, g)
			ambiguous[g] = true
			continue
		}
		b.bags[g] = e
	}
	b.hints = sync.OnceValue(b.makeHints)
	return b, nil
}

// hints are what suggestions are measured against, made on the first
// unknown cell: most runs never need them.
type hints struct {
	cands []candidate // spellings of countries
	areas []candidate // spellings of world regions, to say a typo is near one
}

// makeHints takes every spelling of four letters or more, in a fixed
// order so that ties are broken the same way on every run. Codes and
// short abbreviations are left out: everything is close to them. Regions
// of the world are kept apart: a cell near "Africa" is told it looks like
// a region, not offered South Africa.
func (b *base) makeHints() hints {
	keys := make([]string, 0, len(b.index))
	for k := range b.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var h hints
	for _, k := range keys {
		e := b.index[k]
		switch {
		case utf8.RuneCountInString(k) < 4:
		case e.isCountry():
			h.cands = append(h.cands, newCandidate(k, b.label(e)))
		case len(b.others[-2-e.idx].into) == 0:
			h.areas = append(h.areas, newCandidate(k, b.label(e)))
		}
	}
	return h
}

// addPart records that the country i is also a part of the country with
// alpha-2 code sovereign.
func (b *base) addPart(i int, sovereign string) error {
	s, ok := b.byCode[sovereign]
	if !ok || len(sovereign) != 2 {
		return fmt.Errorf("%q is not an ISO 3166-1 alpha-2 code", sovereign)
	}
	if old, ok := b.partOf[i]; ok && old != s {
		return fmt.Errorf("%s is a part of both %s and %s", b.countries[i].Code, b.countries[old].Code, sovereign)
	}
	b.partOf[i] = s
	return nil
}

// addAreas files the world regions and groups of countries: CLDR's (its
// M49 codes, 001 to 419, and EU, EZ, UN, QO) in English, Mongolian and
// Russian, and areas.tsv's. A spelling a country already has stays the
// country's: a country is never turned into a region.
func (b *base) addAreas(names ...display.Namer) error {
	byName := map[string]entry{}
	area := func(name, spelling string) error {
		e, ok := byName[name]
		if !ok {
			e = otherEntry(len(b.others))
			b.others = append(b.others, other{name: name})
			byName[name] = e
		}
		k := key(spelling)
		if k == "" {
			return fmt.Errorf("spelling %q has no letters", spelling)
		}
		if old, ok := b.index[k]; ok && old != e {
			if old.isCountry() || old.idx == multilateralIdx {
				return nil
			}
			return fmt.Errorf("%q means both %s and %s", spelling, b.label(old), b.label(e))
		}
		b.index[k] = e
		return nil
	}
	var codes []string
	for n := 1; n < 1000; n++ {
		codes = append(codes, fmt.Sprintf("%03d", n))
	}
	var errs []error
	for _, c := range append(codes, "EU", "EZ", "UN", "QO") {
		r, err := language.ParseRegion(c)
		if err != nil || r.String() != c {
			continue // not an M49 group: a country's numeric code, or none
		}
		label := display.Regions(language.English).Name(r)
		for _, n := range names {
			if s := n.Name(r); s != "" {
				errs = append(errs, area(label, s))
			}
		}
	}
	errs = append(errs, readTSV("areas.tsv", 2, func(f []string) error {
		return area(f[0], f[1])
	}))
	return errors.Join(errs...)
}

// label is the English name a user sees for e.
func (b *base) label(e entry) string {
	switch {
	case e.idx == multilateralIdx:
		return "multilateral"
	case e.idx < 0:
		return b.others[-2-e.idx].name
	case e.region != "":
		return e.region + " (" + b.countries[e.idx].Name + ")"
	}
	return b.countries[e.idx].Name
}

func (b *base) country(e entry) pipeline.Country {
	if !e.isCountry() {
		return pipeline.Country{}
	}
	return b.countries[e.idx]
}

// readTSV calls fn with the tab-separated fields of each line of an
// embedded file, skipping blank lines and # comments.
func readTSV(name string, nfields int, fn func([]string) error) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var errs []error
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != nfields {
			errs = append(errs, fmt.Errorf("%s:%d: want %d tab-separated fields, got %d", name, n, nfields, len(fields)))
			continue
		}
		if err := fn(fields); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
		}
	}
	return errors.Join(append(errs, sc.Err())...)
}

// renamed are English short names that changed after the CLDR release in
// golang.org/x/text, as ISO 3166-1 gives them now.
var renamed = map[string]string{
	"SZ": "Eswatini",
	"MK": "North Macedonia",
	"TR": "Türkiye",
	"CV": "Cabo Verde",
	"HK": "Hong Kong",
	"MO": "Macao",
	"MM": "Myanmar",
	"CD": "Democratic Republic of the Congo",
	"CG": "Congo",
}

// shortName is the name reports show: CLDR's English short name, renamed
// where the country changed its name, with "and" for CLDR's "&"
// ("Bosnia and Herzegovina").
func shortName(code, cldr string) string {
	if n, ok := renamed[code]; ok {
		return n
	}
	return strings.ReplaceAll(cldr, " & ", " and ")
}

// isPart reports whether the country i is also a part of another.
func (b *base) isPart(i int) bool {
	_, ok := b.partOf[i]
	return ok
}

// notCountry is the error for a cell t that names o.
func (b *base) notCountry(t string, o other) error {
	if len(o.into) == 0 {
		return fmt.Errorf("%w %q: %s is a region or a group of countries, not a country; write the partner country, or multilateral for a group of countries, or add an alias row to count the name under a country",
			pipeline.ErrUnknownCountry, t, o.name)
	}
	names := make([]string, len(o.into))
	for i, c := range o.into {
		names[i] = b.countries[c].Name
	}
	first := b.countries[o.into[0]]
	return fmt.Errorf("%w %q: %s is %s countries today, %s; write the one the row is about, or add an alias row (e.g. %s,%s) to count the name under one of them",
		pipeline.ErrUnknownCountry, t, o.name, number(len(names)), andList(names), csvField(strings.TrimSpace(t)), first.Code)
}

// csvField quotes s as a CSV field when it needs quotes.
func csvField(s string) string {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// andList joins names as a sentence does: "A", "A and B", "A, B and C".
func andList(s []string) string {
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// number is n in words, as a sentence has small numbers.
func number(n int) string {
	if n < 10 {
		return [...]string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}[n]
	}
	return strconv.Itoa(n)
}
