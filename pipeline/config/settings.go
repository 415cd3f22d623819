package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
	"coopreport/pipeline/normalize"
	"coopreport/pipeline/period"
	"coopreport/pipeline/schema"
)

// Settings are what a run is told besides its input folder, each value
// checked and parsed once, here: the configuration file's, with the
// command-line flags the user gave over them. Runs, the manifest and the
// fingerprint take them as they are.
type Settings struct {
	Party, Title string
	ShortTitle   string               // the title in the running header; "" shortens Title
	Period       period.Spec          // relative forms resolved against Now's date in Location
	By           pipeline.Granularity // "" means the default for the period
	Currency     string               // ISO 4217; "" means none
	Location     *time.Location
	Now          time.Time
	DateOrder    normalize.DateOrder
	DateOrderSet bool   // date_order was written
	DecimalMark  string // "", "." or ","
	RatesBase    string // ISO 4217; "" means none
	PageSize     string // "A4" or "Letter"
	Lang         lang.Lang
	Abbreviate   bool // country_abbreviations = true
	MaxRejected  *float64
	Template     string // the template named, "" for the default
	Output       string
	Strict       bool
	NoDataIssues bool // data_issues_annex = false: the report leaves its data issues annex out
	// Formats are the outputs a run writes (besides its manifest), in
	// AllFormats's order; every one of them when none was given.
	Formats []string
	// History is how many earlier publications of each period a run
	// keeps (history; DefaultHistory when unset); 0 keeps none.
	History int
	Columns *schema.Matcher
	Notes   []string // what a run should say about its settings (no timezone)
}

// KeyError is a setting that cannot be read. Flag says the user gave it
// on the command line; otherwise it comes from the configuration file
// Path.
type KeyError struct {
	Key  string // as in coopreport.toml: page_size
	Flag bool
	Path string
	Msg  string
}

func (e *KeyError) Error() string {
	if e.Flag || e.Path == "" {
		return fmt.Sprintf("--%s: %s", strings.ReplaceAll(e.Key, "_", "-"), e.Msg)
	}
	return fmt.Sprintf("%s: key %q: %s", e.Path, e.Key, e.Msg)
}

// Settings checks and parses the configuration and the flags given over
// it. flags holds the flags the user gave, by their key in
// coopreport.toml (period, by, currency, template, output, strict,
// max_rejected); clock says what time it is in a time zone (--now,
// SOURCE_DATE_EPOCH or the machine's clock). An error is a *KeyError
// naming the flag or the key, or the clock's.
func (c Config) Settings(flags map[string]string, clock func(*time.Location) (time.Time, error)) (Settings, error) {
	s := Settings{Party: c.Party, Title: c.Title, ShortTitle: c.ShortTitle, Output: c.Output, Template: c.Template,
		NoDataIssues: c.DataIssuesAnnex != nil && !*c.DataIssuesAnnex}
	value := func(key, cfg string) (string, bool) {
		if v, ok := flags[key]; ok {
			return v, true
		}
		return cfg, false
	}
	bad := func(key string, flag bool, format string, args ...any) error {
		return &KeyError{Key: key, Flag: flag, Path: c.Path, Msg: fmt.Sprintf(format, args...)}
	}
	var err error
	if v, _ := value("output", c.Output); v != "" {
		s.Output = v
	}
	if v, _ := value("template", c.Template); v != "" {
		s.Template = v
	}
	if v, flag := value("currency", c.Currency); v != "" {
		if s.Currency, err = normalize.Currency(strings.ToUpper(v)); err != nil {
			return s, bad("currency", flag, "%v", err)
		}
	}
	// The zone is the configuration's, never the machine's: the same
	// inputs and --now give the same bytes on every machine.
	s.Location = time.UTC
	if c.Timezone == "" {
		s.Notes = append(s.Notes, "coopreport.toml names no timezone: dates, the time the report was made and relative periods (previous-month) are in UTC; add timezone = \"Asia/Ulaanbaatar\" (or your zone) to have them in yours")
	}
	if c.Timezone != "" {
		if s.Location, err = time.LoadLocation(c.Timezone); err != nil {
			return s, bad("timezone", false, "unknown time zone %q: write an IANA name such as Asia/Ulaanbaatar", c.Timezone)
		}
	}
	if c.DateOrder != "" {
		if s.DateOrder, err = normalize.ParseDateOrder(c.DateOrder); err != nil {
			return s, bad("date_order", false, "%v", err)
		}
		s.DateOrderSet = true
	}
	if c.RatesBase != "" {
		if s.RatesBase, err = normalize.Currency(c.RatesBase); err != nil {
			return s, bad("rates_base", false, "%v", err)
		}
	}
	if s.Columns, err = schema.NewMatcher(c.Columns); err != nil {
		return s, fmt.Errorf("%s: key \"columns\": %v", c.Path, err)
	}
	if v, flag := value("max_rejected", c.MaxRejected); v != "" {
		share, err := ParseShare(v)
		if err != nil {
			return s, bad("max_rejected", flag, "%v", err)
		}
		s.MaxRejected = &share
	}
	switch c.DecimalMark {
	case "", ".", ",":
		s.DecimalMark = c.DecimalMark
	default:
		return s, bad("decimal_mark", false, "%q is not a decimal mark: write \".\" or \",\"", c.DecimalMark)
	}
	s.Abbreviate = c.CountryAbbreviations != nil && *c.CountryAbbreviations
	if v, flag := value("language", c.Language); v != "" {
		l, err := lang.Parse(v)
		if err != nil {
			return s, bad("language", flag, "%v", err)
		}
		s.Lang = l
	}
	switch strings.ToLower(c.PageSize) {
	case "", "a4":
		s.PageSize = "A4"
	case "letter":
		s.PageSize = "Letter"
	default:
		return s, bad("page_size", false, "%q is not a page size: write A4 or Letter", c.PageSize)
	}
	if v, flag := value("formats", ""); flag {
		if strings.Trim(v, ", ") == "" {
			return s, bad("formats", true, "no format given: write some of %s", strings.Join(AllFormats, ", "))
		}
		if s.Formats, err = ParseFormats(strings.Split(v, ",")); err != nil {
			return s, bad("formats", true, "%v", err)
		}
	} else if c.Formats != nil && len(c.Formats) == 0 {
		return s, bad("formats", false, "formats = [] names no format: write some of %s, or remove the key for all", strings.Join(AllFormats, ", "))
	} else if s.Formats, err = ParseFormats(c.Formats); err != nil {
		return s, bad("formats", false, "%v", err)
	}
	s.History = DefaultHistory
	if c.History != nil {
		if *c.History < 0 {
			return s, bad("history", false, "%d is not a number of runs to keep: write 0 or more (0 keeps none)", *c.History)
		}
		s.History = *c.History
	}
	if v, flag := value("strict", ""); flag {
		s.Strict = v == "true"
	} else if c.Strict != nil {
		s.Strict = *c.Strict
	}
	if s.Now, err = clock(s.Location); err != nil {
		return s, err
	}
	v, flag := value("period", c.Period)
	if v == "" {
		v = "all"
	}
	if s.Period, err = period.Parse(v, period.Today(s.Now, s.Location)); err != nil {
		return s, bad("period", flag, "%v", err)
	}
	v, flag = value("by", c.By)
	if s.By, err = period.ParseBy(v); err != nil {
		return s, bad("by", flag, "%v", err)
	}
	return s, nil
}

// DefaultHistory is how many earlier publications of a period are kept
// when history is not configured: a year of monthly runs.
const DefaultHistory = 12

// ParseShare reads a share of rows such as "5%" or "0.5%".
func ParseShare(s string) (float64, error) {
	t, ok := strings.CutSuffix(strings.TrimSpace(s), "%")
	f, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
	if !ok || err != nil || !(f >= 0 && f <= 100) { // NaN fails both
		return 0, fmt.Errorf("%q is not a share of rows: write a percentage such as 5%%", s)
	}
	return f / 100, nil
}

// AllFormats are the outputs a run can write, in the order a run lists
// them: csv stands for summary.csv, finance.csv and rejects.csv, checked
// for the checked copies of the input files with problems.
var AllFormats = []string{"pdf", "docx", "html", "md", "xlsx", "csv", "checked"}

// ParseFormats reads a list of formats ("PDF", " docx "), in AllFormats's
// order without repeats; none at all means every format.
func ParseFormats(list []string) ([]string, error) {
	want := map[string]bool{}
	for _, f := range list {
		f = strings.ToLower(strings.TrimSpace(f))
		switch {
		case f == "":
			continue
		case f == "markdown":
			f = "md"
		case f == "word":
			f = "docx"
		case f == "web", f == "htm":
			f = "html"
		case f == "excel":
			f = "xlsx"
		}
		if !slices.Contains(AllFormats, f) {
			return nil, fmt.Errorf("%q is not an output format: write some of %s", f, strings.Join(AllFormats, ", "))
		}
		want[f] = true
	}
	if len(want) == 0 {
		return slices.Clone(AllFormats), nil
	}
	var out []string
	for _, f := range AllFormats {
		if want[f] {
			out = append(out, f)
		}
	}
	return out, nil
}
