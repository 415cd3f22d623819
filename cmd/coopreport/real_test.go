package main

import (
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Real public exports, adapted only as a user would (testdata/real/*/
// SOURCE.md says where each comes from, under which licence, what was
// changed, and how the expected figures were computed, with python3 and
// not with coopreport).

// realYearTotals runs a folder for a span of years by year and returns,
// per year, the agreements signed and in force over all partners.
func realYearTotals(t *testing.T, dir, period string) (signed, inForce map[string]int, rejected map[int]bool, warnings string) {
	t.Helper()
	out := t.TempDir()
	r := e2eRun(t, dir, out, "--period", period, "--by", "year")
	if r.code != ExitOK {
		t.Fatalf("run: exit %d: %s", r.code, r.stderr)
	}
	signed, inForce, rejected = map[string]int{}, map[string]int{}, map[int]bool{}
	for _, row := range e2eReadCSV(t, filepath.Join(out, period, "summary.csv"))[1:] {
		s, _ := strconv.Atoi(row[3])
		f, _ := strconv.Atoi(row[4])
		signed[row[0]] += s
		inForce[row[0]] += f
	}
	for _, rj := range e2eRejects(t, filepath.Join(out, period)) {
		rejected[rj.Row] = true
	}
	warnings = strings.Join(e2eReadManifest(t, filepath.Join(out, period)).Warnings, "\n")
	return signed, inForce, rejected, warnings
}

// The World Bank's database of Turkey's trade agreements: month-first
// dates the column proves, free-text types read by their words, n/a for
// unknown dates, "expired" without an end date, groups of partners.
func TestRealGPTAD(t *testing.T) {
	signed, inForce, rejected, warnings := realYearTotals(t, "testdata/real/gptad-turkey", "1996..2010")
	// Rejected: No 2, 4, 9 (expired, no end date; No 4 has no signing
	// date either) and No 5, 6, 7, 19 (several partners, no alias); the
	// row of No n is row n+1.
	if want := []int{3, 5, 6, 7, 8, 10, 20}; !slices.Equal(slices.Sorted(maps.Keys(rejected)), want) {
		t.Errorf("rejected rows %v, want %v", slices.Sorted(maps.Keys(rejected)), want)
	}
	wantSigned := map[string]int{"1996": 2, "1997": 4, "1998": 2, "1999": 2, "2002": 2, "2004": 4, "2005": 1, "2006": 1, "2007": 1, "1996..2010": 19}
	wantInForce := map[string]int{"1999": 6, "2005": 14, "2010": 19}
	for year, w := range wantSigned {
		if signed[year] != w {
			t.Errorf("signed in %s: %d, want %d", year, signed[year], w)
		}
	}
	for year, w := range wantInForce {
		if inForce[year] != w {
			t.Errorf("in force in %s: %d, want %d", year, inForce[year], w)
		}
	}
	// The order the column proves, and the types read by their words,
	// are said; the dates are never read the other way.
	for _, w := range []string{"can only be month-first", `"Bilateral Free Trade Agreement" as agreement`} {
		if !strings.Contains(warnings, w) {
			t.Errorf("the run does not say %q:\n%s", w, warnings)
		}
	}
}

// The parties to the 1972 Container Safety Convention: ratification as
// the date signed, entry into force and withdrawal for each party, NA for
// no date, 31.12.9999 for never, a former state.
func TestRealCSC(t *testing.T) {
	signed, inForce, rejected, _ := realYearTotals(t, "testdata/real/huggo-csc-parties", "2012..2015")
	// Switzerland signed and never ratified: no date to count it by.
	if want := []int{6}; !slices.Equal(slices.Sorted(maps.Keys(rejected)), want) {
		t.Errorf("rejected rows %v, want %v", slices.Sorted(maps.Keys(rejected)), want)
	}
	for year, w := range map[string][2]int{"2012": {0, 78}, "2013": {3, 78}, "2014": {1, 81}, "2015": {0, 82}, "2012..2015": {4, 82}} {
		if got := [2]int{signed[year], inForce[year]}; got != w {
			t.Errorf("%s: signed, in force %v, want %v", year, got, w)
		}
	}
}
