package markdown

import (
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// seen records, for every field of the view reachable from a View (the
// fields of list elements too), whether it was ever non-empty and, for
// booleans, whether it was ever true and ever false.
type seen map[string]map[string]bool

func (s seen) mark(path, what string) {
	if s[path] == nil {
		s[path] = map[string]bool{}
	}
	s[path][what] = true
}

func (s seen) walk(path string, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		s.mark(path, map[bool]string{true: "zero", false: "set"}[v.IsNil()])
		if !v.IsNil() && v.Type() != reflect.TypeFor[*View]() { // Measure.Report is the View itself
			s.walk(path, v.Elem())
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[Date]() {
			s.mark(path, map[bool]string{true: "zero", false: "set"}[v.Interface().(Date).IsZero()])
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			p := v.Type().Name() + "." + f.Name
			if f.Anonymous {
				p = path
			}
			s.walk(p, v.Field(i))
		}
	case reflect.Slice:
		s.mark(path, map[bool]string{true: "empty", false: "full"}[v.Len() == 0])
		for i := 0; i < v.Len(); i++ {
			s.walk(path+"[]", v.Index(i))
		}
	case reflect.String:
		if v.String() != "" {
			s.mark(path, "full")
		}
	case reflect.Bool:
		s.mark(path, map[bool]string{true: "true", false: "false"}[v.Bool()])
	case reflect.Int, reflect.Int64:
		if v.Int() != 0 {
			s.mark(path, "full")
		}
	}
}

// The trial reports take every branch a template can take on the data:
// every list of the view is non-empty in some trial, every text and
// number is given, every yes-or-no field is both, every date is given and
// (where it may be) missing; and the empty report has no records at all.
func TestTrialsCoverTheView(t *testing.T) {
	s := seen{}
	for _, tr := range trials() {
		v, err := NewView(tr.r)
		if err != nil {
			t.Fatal(err)
		}
		s.walk("View", reflect.ValueOf(*v))
	}
	var missing []string
	for path, got := range s {
		switch {
		case strings.HasSuffix(path, "[]"): // elements: their fields are checked
		case got["empty"] || got["full"]:
			if !got["full"] {
				missing = append(missing, path+" is always empty")
			}
		case got["true"] || got["false"]:
			if !got["true"] || !got["false"] {
				missing = append(missing, path+" is never both true and false")
			}
		case got["zero"] || got["set"]:
			if !got["set"] {
				missing = append(missing, path+" is never set")
			}
		default:
			missing = append(missing, path+" is never given")
		}
	}
	// Dates that may be missing must be missing somewhere: a template
	// branches on them.
	for _, p := range []string{"Activity.End", "Agreement.ValidTo", "View.Made", "View.Changes"} {
		if !s[p]["zero"] || !s[p]["set"] {
			missing = append(missing, p+" is not both given and missing")
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Error(m)
	}

	v, err := NewView(trials()[0].r)
	if err != nil {
		t.Fatal(err)
	}
	instruments := map[string]bool{}
	for _, a := range append(append([]Agreement(nil), v.Agreements...), v.Treaties...) {
		instruments[a.Instrument] = true
	}
	types := map[string]bool{}
	for _, a := range v.Activities.First {
		types[a.Type] = true
	}
	if len(instruments) != len(instrumentNames) || len(types) != 8 {
		t.Errorf("the sample has instruments %v and activity types %v; want all %d and all 8", instruments, types, len(instrumentNames))
	}
	if len(v.Meetings.First) == 0 || len(v.Meetings.First[0].Decided.First) == 0 || len(v.Period.Buckets) < 3 || len(v.ByCountry) < 4 {
		t.Errorf("the sample lacks a meeting that decided activities, buckets or partners: %d meetings, %d buckets, %d partners",
			len(v.Meetings.First), len(v.Period.Buckets), len(v.ByCountry))
	}
	var multilateral, region bool
	for _, a := range v.Agreements {
		multilateral, region = multilateral || a.Code == "", region || a.Region != ""
	}
	if !multilateral || !region {
		t.Error("the sample has no multilateral agreement in force or no region")
	}

	e, err := NewView(trials()[2].r)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Agreements)+e.Activities.Count+len(e.Countries)+len(e.ByCountry)+len(e.Warnings)+len(e.Totals.Money) != 0 || e.ReportingCurrency != "" || e.Party != "" {
		t.Errorf("the empty report has records: %+v", e)
	}
}

// Load runs a template on the trial reports, for both targets, and stays
// fast: a run loads its template once, a test suite many times.
func TestLoadIsFast(t *testing.T) {
	best := time.Hour
	for range 5 {
		start := time.Now()
		if _, err := Load(""); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	if best > 100*time.Millisecond {
		t.Errorf("Load of the default template takes %v; want well under 100 ms", best)
	}
}
