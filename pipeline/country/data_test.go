package country

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestData checks the embedded files and the CLDR names agree: no spelling
// means two countries, every code is real, and the table holds the ISO
// 3166-1 countries only.
func TestData(t *testing.T) {
	b, err := build()
	if err != nil {
		t.Fatal(err)
	}
	// 249 ISO 3166-1 countries, and Kosovo (XK).
	if got := len(b.countries); got != 250 {
		t.Errorf("got %d countries, want 250", got)
	}
	for _, code := range []string{"EU", "UN", "ZZ", "EZ", "UK", "AC", "QO", "BU", "DD"} {
		if _, ok := b.byCode[code]; ok {
			t.Errorf("%s is in the table but is not an ISO 3166-1 country", code)
		}
	}
	for _, c := range b.countries {
		if len(c.Code) != 2 || len(c.Alpha3) != 3 || c.Name == "" || c.LongName == "" {
			t.Errorf("incomplete country %+v", c)
		}
	}
}

// TestDataHistory: the former countries gen.go leaves out of iso.tsv are
// decided in history.tsv, and the territories have sovereigns that are
// not themselves territories.
func TestDataHistory(t *testing.T) {
	b, err := build()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("iso.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	left := false
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# Former countries left out") {
			left = true
			continue
		}
		if !left || !strings.HasPrefix(line, "#   ") {
			continue
		}
		_, name, _ := strings.Cut(strings.TrimPrefix(line, "#   "), " ")
		n++
		if _, ok := b.index[key(name)]; !ok {
			t.Errorf("ISO 3166-3 %q is in neither iso.tsv nor history.tsv", name)
		}
	}
	if n == 0 {
		t.Error("iso.tsv lists no former countries left out")
	}
	if len(b.partOf) < 40 {
		t.Errorf("%d territories with a sovereign, want 40 or more", len(b.partOf))
	}
	for part, sov := range b.partOf {
		if b.isPart(sov) {
			t.Errorf("%s is a part of %s, itself a part", b.countries[part].Code, b.countries[sov].Code)
		}
	}
	for _, o := range b.others {
		if o.name == "" || len(o.into) == 1 {
			t.Errorf("bad entry %+v", o)
		}
	}
}
