package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
