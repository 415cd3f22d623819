package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoad(t *testing.T) {
	p := write(t, "party = \"Mongolia\"\nperiod = \"2012..2015\"\nstrict = true\n# a comment\ncurrency = \"MNT\"\n")
	c, err := Load(p, false)
	if err != nil {
		t.Fatal(err)
	}
	if c.Party != "Mongolia" || c.Period != "2012..2015" || c.Currency != "MNT" || c.Strict == nil || !*c.Strict || c.Path != p {
		t.Errorf("got %+v", c)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"unknown key", "party = \"Mongolia\"\ncurency = \"MNT\"\n", `unknown key "curency"`},
		{"wrong type", "strict = \"yes\"\n", "strict"},
		{"syntax", "party = \n", "line 1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, tt.text)
			_, err := Load(p, false)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), p) {
				t.Errorf("err = %v, want it to name %q and the file", err, tt.want)
			}
		})
	}
	if c, err := Load(filepath.Join(t.TempDir(), "none.toml"), true); err != nil || c.Path != "" {
		t.Errorf("missing optional file: %+v, %v", c, err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "none.toml"), false); err == nil {
		t.Error("missing required file: no error")
	}
}

// Settings checks every value once, with the flags over the file's, and
// blames the flag or the key that is wrong.
func TestSettings(t *testing.T) {
	strict := true
	c := Config{Path: "coopreport.toml", Period: "previous-year", By: "quarter", Currency: "mnt", Timezone: "Asia/Ulaanbaatar",
		DateOrder: "month-first", PageSize: "letter", MaxRejected: "5%", Strict: &strict, RatesBase: "₮"}
	clock := func(loc *time.Location) (time.Time, error) {
		return time.Date(2026, 1, 1, 0, 30, 0, 0, loc), nil // still 2025 in UTC: the zone decides the year
	}
	st, err := c.Settings(map[string]string{"currency": "usd", "strict": "false"}, clock)
	if err != nil {
		t.Fatal(err)
	}
	if st.Period.Label() != "2025" || st.Period.String() != "previous-year" || st.By != "quarter" || st.Currency != "USD" ||
		st.PageSize != "Letter" || *st.MaxRejected != 0.05 || st.Strict || st.RatesBase != "MNT" || !st.DateOrderSet ||
		st.Location.String() != "Asia/Ulaanbaatar" {
		t.Errorf("settings %+v", st)
	}
	for _, tt := range []struct {
		c     Config
		flags map[string]string
		want  string
	}{
		{Config{Path: "c.toml", PageSize: "A5"}, nil, `c.toml: key "page_size": "A5" is not a page size`},
		{Config{Path: "c.toml", Period: "2025-13"}, nil, `c.toml: key "period"`},
		{Config{Path: "c.toml", Period: "2025"}, map[string]string{"period": "2025-13"}, `--period:`},
		{Config{Path: "c.toml"}, map[string]string{"max_rejected": "five"}, `--max-rejected: "five" is not a share`},
		{Config{Path: "c.toml", DecimalMark: ";"}, nil, `key "decimal_mark"`},
		{Config{Path: "c.toml", Timezone: "Mars/Olympus"}, nil, `key "timezone": unknown time zone`},
	} {
		_, err := tt.c.Settings(tt.flags, clock)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v %v: err = %v, want %q", tt.c, tt.flags, err, tt.want)
		}
	}
}
