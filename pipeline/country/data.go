package country

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"coopreport/pipeline"
)

// The data files are small and reviewed by people who know the names, so
// they are text, not Go: see the comment at the top of each.
//
//go:embed longforms.tsv names.tsv regions.tsv
var dataFS embed.FS

// notISO are codes CLDR calls countries that ISO 3166-1 only reserves
// ("exceptionally reserved"): they are parts of ISO countries, and
// regions.tsv files them under those.
var notISO = map[string]bool{"AC": true, "CP": true, "DG": true, "TA": true}

// entry is what a spelling stands for: a country (an index into
// base.countries, or -1 for "multilateral", which only an alias can name)
// and, for a sub-national partner, its region.
type entry struct {
	idx    int
	region string
}

// candidate is a stored spelling that suggestions are measured against.
type candidate struct {
	key    []rune
	padded string // " " + key + " ", to find whole words in it
	label  string // what the suggestion shows: an English name
}

func newCandidate(k, label string) candidate {
	return candidate{key: []rune(k), padded: " " + k + " ", label: label}
}

// base is everything New loads, built once and shared read-only by all
// resolvers; aliases go into each Resolver's own map on top of it.
type base struct {
	countries []pipeline.Country
	byCode    map[string]int   // upper-case alpha-2 and alpha-3
	index     map[string]entry // key(spelling) → entry
	cands     []candidate
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
	b := &base{byCode: map[string]int{}, index: map[string]entry{}}
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

	err := readTSV("longforms.tsv", 2, func(f []string) error {
		i, ok := b.byCode[f[0]]
		if !ok || len(f[0]) != 2 {
			return fmt.Errorf("%q is not an ISO 3166-1 alpha-2 code", f[0])
		}
		if b.countries[i].LongName != b.countries[i].Name {
			return fmt.Errorf("%s has two long names", f[0])
		}
		b.countries[i].LongName = f[1]
		add(f[1], entry{idx: i})
		return nil
	})
	errs = append(errs, err)
	errs = append(errs, readTSV("names.tsv", 2, func(f []string) error {
		i, ok := b.byCode[f[0]]
		if !ok || len(f[0]) != 2 {
			return fmt.Errorf("%q is not an ISO 3166-1 alpha-2 code", f[0])
		}
		add(f[1], entry{idx: i})
		return nil
	}))
	errs = append(errs, readTSV("regions.tsv", 3, func(f []string) error {
		i, ok := b.byCode[f[0]]
		if !ok || len(f[0]) != 2 {
			return fmt.Errorf("%q is not an ISO 3166-1 alpha-2 code", f[0])
		}
		e := entry{idx: i, region: f[1]}
		add(f[1], e)
		add(f[2], e)
		return nil
	}))
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	// Suggestion candidates: every spelling of four letters or more, in a
	// fixed order so that ties are broken the same way on every run. Codes
	// and short abbreviations are left out: everything is close to them.
	keys := make([]string, 0, len(b.index))
	for k := range b.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if utf8.RuneCountInString(k) >= 4 {
			b.cands = append(b.cands, newCandidate(k, b.label(b.index[k])))
		}
	}
	return b, nil
}

// label is the English name a user sees for e.
func (b *base) label(e entry) string {
	switch {
	case e.idx < 0:
		return "multilateral"
	case e.region != "":
		return e.region + " (" + b.countries[e.idx].Name + ")"
	}
	return b.countries[e.idx].Name
}

func (b *base) country(e entry) pipeline.Country {
	if e.idx < 0 {
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
