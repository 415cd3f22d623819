package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// FileName is the configuration file looked for in the input folder.
const FileName = "coopreport.toml"

// Config is the content of coopreport.toml. Empty fields are unset.
type Config struct {
	Path string `toml:"-"` // where it was read from; "" when there was no file

	Party       string `toml:"party"`        // reporting party, e.g. "Mongolia"
	Title       string `toml:"title"`        // report title
	ShortTitle  string `toml:"short_title"`  // the title in the PDF's running header, when the title is long
	Period      string `toml:"period"`       // default --period
	By          string `toml:"by"`           // default --by
	Currency    string `toml:"currency"`     // reporting currency
	Timezone    string `toml:"timezone"`     // IANA zone for relative periods, e.g. Asia/Ulaanbaatar
	DateOrder   string `toml:"date_order"`   // day-first or month-first
	DecimalMark string `toml:"decimal_mark"` // "." or ","; default: "," in semicolon CSV files, "." elsewhere
	Template    string `toml:"template"`     // default --template
	Strict      *bool  `toml:"strict"`       // default --strict
	Output      string `toml:"output"`       // default --out
	PageSize    string `toml:"page_size"`    // A4 or Letter
	Language    string `toml:"language"`     // en, fr, mn or ru: the language of the report and the workbook
	// CountryAbbreviations writes the Mongolian and Russian
	// abbreviations of country names (ОХУ, БНХАУ, КНР) in their place.
	CountryAbbreviations *bool  `toml:"country_abbreviations"`
	RatesBase            string `toml:"rates_base"`   // the currency rates are given in, where a rates table does not say
	MaxRejected          string `toml:"max_rejected"` // default --max-rejected, e.g. "5%"
	// DataIssuesAnnex false leaves the data issues annex out of the
	// report: a copy meant for publication.
	DataIssuesAnnex *bool `toml:"data_issues_annex"`
	// Formats are the outputs a run writes besides its manifest: pdf,
	// docx, html, md, xlsx, csv (summary, finance and rejects). Unset:
	// all of them.
	Formats []string `toml:"formats"`
	// History is how many earlier publications of each period are kept
	// in the output folder's .history; unset: 12.
	History *int `toml:"history"`

	// Columns maps a ministry's own headers, per kind of table, to
	// columns: [columns.agreements] "Date d'effet" = "valid_from".
	Columns map[string]map[string]string `toml:"columns"`
}

// Keys lists every key coopreport.toml may hold, for help texts.
func Keys() []string {
	return []string{"party", "title", "short_title", "period", "by", "currency", "timezone", "date_order", "decimal_mark", "rates_base", "template", "strict", "max_rejected", "output", "page_size", "language", "country_abbreviations", "data_issues_annex", "formats", "history", "columns"}
}

// Load reads path. A missing file is not an error when optional is true:
// the zero Config comes back. An unknown key or a value of the wrong type
// is an error that names the key and the file.
func Load(path string, optional bool) (Config, error) {
	var c Config
	data, err := os.ReadFile(path)
	if err != nil {
		if optional && errors.Is(err, fs.ErrNotExist) {
			return c, nil
		}
		return c, fmt.Errorf("cannot read the configuration %s: %w", path, err)
	}
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return c, fmt.Errorf("%s, line %d: %s", path, perr.Position.Line, perr.Message)
		}
		return c, fmt.Errorf("%s: %v", path, err)
	}
	if bad := md.Undecoded(); len(bad) > 0 {
		keys := make([]string, len(bad))
		for i, k := range bad {
			keys[i] = k.String()
		}
		sort.Strings(keys)
		return c, fmt.Errorf("%s: unknown key %q; the keys are %s", path, keys[0], strings.Join(Keys(), ", "))
	}
	c.Path = path
	return c, nil
}
