package run

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"coopreport/pipeline"
	csvout "coopreport/pipeline/render/csv"
	"coopreport/pipeline/source"
)

// ChangesName lists what changed since the outputs of the period last
// published: the figures, then the register rows.
const ChangesName = "changes.csv"

// changesHeader is changes.csv's header. A line is a figure (what =
// figure: bucket to closed set) or a row of a register (what = row: file,
// kind and id set); change is added, removed or changed for both.
var changesHeader = []string{"what", "change", "bucket", "country_code", "country", "currency", "figure", "old", "new", "closed", "file", "kind", "id"}

// compare writes rows.csv and changes.csv into tmp and sets r.Changes:
// what changed since the outputs of r's period published in out. It must
// hold the lock, so that the published outputs cannot change under it.
// What it cannot compare (published outputs without their figures or
// their rows) it says in a note among r's warnings.
func compare(tmp, spool, out string, r *pipeline.Report, loc *time.Location) ([]Output, error) {
	if err := safeLabel(r.Period.Label); err != nil {
		return nil, err
	}
	rows, err := writeRows(tmp, spool, r)
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", RowsName, err)
	}
	dir := filepath.Join(out, r.Period.Label)
	m, ok, err := published(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the published outputs of %s: %w", r.Period.Label, err)
	}
	var since time.Time
	if ok {
		if since, err = time.Parse(time.RFC3339, m.Made); err != nil {
			ok = false // a damaged manifest is no published report (see published)
		}
	}
	ch := &pipeline.Changes{First: !ok}
	r.Changes = ch
	if !ok {
		changes, err := writeFile(tmp, ChangesName, func(w io.Writer) error {
			cw := csv.NewWriter(w)
			cw.Write(changesHeader)
			cw.Flush()
			return cw.Error()
		})
		return []Output{rows, changes}, err
	}
	if loc == nil {
		loc = time.UTC
	}
	ch.Since = since.In(loc)
	ch.Cells, err = compareFigures(dir, m, r, pipeline.DateOf(ch.Since))
	if err != nil {
		return nil, err
	}
	for _, c := range ch.Cells {
		ch.Restated = ch.Restated || c.Closed
	}
	changes, err := writeFile(tmp, ChangesName, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		cw.Write(changesHeader)
		for _, c := range ch.Cells {
			cw.Write([]string{"figure", figureChange(c), c.Bucket, c.Code, c.Country, c.Currency, c.Figure, c.Old, c.New, strconv.FormatBool(c.Closed), "", "", ""})
		}
		err := compareRows(dir, m, filepath.Join(tmp, RowsName), r, func(rc pipeline.RowChange) error {
			switch rc.Change {
			case "added":
				ch.RowsAdded++
			case "removed":
				ch.RowsRemoved++
			default:
				ch.RowsChanged++
			}
			if len(ch.Rows) < pipeline.MaxRowChanges {
				ch.Rows = append(ch.Rows, rc)
			}
			return cw.Write([]string{"row", rc.Change, "", "", "", "", "", "", "", "", rc.File, string(rc.Kind), rc.ID})
		})
		if err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	})
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", ChangesName, err)
	}
	return []Output{rows, changes}, nil
}

func figureChange(c pipeline.FigureChange) string {
	switch {
	case c.Old == "":
		return "added"
	case c.New == "":
		return "removed"
	}
	return "changed"
}

// compareRows calls emit with each register row added, removed or
// changed since the outputs in dir, by comparing their rows.csv with the
// new one. Outputs published without a rows.csv (by an earlier version)
// name only the files changed, from the inputs' SHA-256 in m.
func compareRows(dir string, m Manifest, rowsPath string, r *pipeline.Report, emit func(pipeline.RowChange) error) error {
	oldSum, newSum := map[string]string{}, map[string]string{}
	for _, in := range m.Inputs {
		oldSum[in.File] = in.SHA256
	}
	for _, in := range r.Inputs {
		newSum[in.Name] = in.SHA256
	}
	same := func(file string) bool { s, ok := oldSum[file]; return ok && s == newSum[file] }
	if why := listed(dir, m, RowsName); why != "" {
		r.Warnings = append(r.Warnings, pipeline.Warning{Note: true, Message: fmt.Sprintf(
			"the published outputs of %s %s: %s names the input files changed since, not their rows", r.Period.Label, why, ChangesName)})
		var files []string
		for f := range oldSum {
			files = append(files, f)
		}
		for f := range newSum {
			if _, ok := oldSum[f]; !ok {
				files = append(files, f)
			}
		}
		slices.Sort(files)
		for _, f := range files {
			_, inOld := oldSum[f]
			_, inNew := newSum[f]
			var err error
			switch {
			case !inOld:
				err = emit(pipeline.RowChange{File: f, Change: "added"})
			case !inNew:
				err = emit(pipeline.RowChange{File: f, Change: "removed"})
			case !same(f):
				err = emit(pipeline.RowChange{File: f, Change: "changed"})
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	old, err := openRows(dir)
	if err != nil {
		return err
	}
	defer old.Close()
	cur, err := os.Open(rowsPath)
	if err != nil {
		return err
	}
	defer cur.Close()
	// Every row is compared, even of a file whose bytes did not change:
	// an alias, a date order or a column mapping changes its rows too.
	return diffRows(old, cur, func(string) bool { return false }, emit)
}

// listed says why the output name of the outputs in dir cannot be
// compared with ("" when it can): m does not list it, or it is not the
// file m lists.
func listed(dir string, m Manifest, name string) string {
	for _, o := range m.Outputs {
		if o.Name != name {
			continue
		}
		if sum, err := source.SHA256(filepath.Join(dir, name)); err != nil || sum != o.SHA256 {
			return fmt.Sprintf("have a %s that is not the one their manifest lists", name)
		}
		return ""
	}
	return "have no " + name
}

// figureKey is a line of summary.csv or finance.csv.
type figureKey struct{ bucket, code, country, currency string }

// figures are the numbers of summary.csv and finance.csv by line and
// figure, as the files print them.
type figures map[figureKey]map[string]string

var (
	summaryFigures = []string{"agreements_signed", "agreements_in_force", "activities", "participants"}
	financeFigures = []string{"amount", "amount_reporting"}
)

// read adds the figures of one CSV output, whose header names them.
func (f figures) read(b []byte, currency bool, names []string) error {
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return nil // gocsv writes no header for no rows
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, need := range append([]string{"period", "country_code", "country"}, names...) {
		if _, ok := col[need]; !ok {
			return fmt.Errorf("no column %s", need)
		}
	}
	for _, rec := range recs[1:] {
		k := figureKey{bucket: rec[col["period"]], code: rec[col["country_code"]], country: rec[col["country"]]}
		if currency {
			k.currency = rec[col["currency"]]
		}
		if f[k] == nil {
			f[k] = map[string]string{}
		}
		for _, n := range names {
			f[k][n] = rec[col[n]]
		}
	}
	return nil
}

// compareFigures compares the figures of summary.csv and finance.csv
// published in dir with r's, figure by figure. A figure is closed when
// its bucket (or, for whole-period lines, the period) ended before
// sinceDay, the day the published outputs were made.
func compareFigures(dir string, m Manifest, r *pipeline.Report, sinceDay pipeline.Date) ([]pipeline.FigureChange, error) {
	old, cur := figures{}, figures{}
	compared := map[bool]bool{} // by figureKey's currency != "": finance.csv, else summary.csv
	notCompared := func(why string) {
		r.Changes.NotCompared = append(r.Changes.NotCompared, why)
		r.Warnings = append(r.Warnings, pipeline.Warning{Numbers: true, Message: fmt.Sprintf(
			"the figures of %s were not all compared with the published report: %s; a restatement among them would not be seen", r.Period.Label, why)})
	}
	for _, out := range []struct {
		name     string
		currency bool
		names    []string
		write    func(io.Writer, *pipeline.Report) error
	}{
		{"summary.csv", false, summaryFigures, csvout.Summary},
		{"finance.csv", true, financeFigures, csvout.Finance},
	} {
		// The new figures as the CSV output prints them, whether or not
		// the run writes it: compared as text, they change when the file
		// would.
		var b bytes.Buffer
		if err := out.write(&b, r); err != nil {
			return nil, err
		}
		if err := cur.read(b.Bytes(), out.currency, out.names); err != nil {
			return nil, fmt.Errorf("%s: %w", out.name, err)
		}
		if why := listed(dir, m, out.name); why != "" {
			notCompared(fmt.Sprintf("the published outputs %s (keep csv among the formats, and the published files as they were written)", why))
			continue
		}
		pb, err := os.ReadFile(filepath.Join(dir, out.name))
		if err != nil {
			return nil, err
		}
		if err := old.read(pb, out.currency, out.names); err != nil {
			notCompared(fmt.Sprintf("the published %s cannot be read (%v)", out.name, err))
			continue
		}
		compared[out.currency] = true
	}
	// Buckets of another length (--by changed) make other lines, not
	// changed ones: then only the whole period's lines are compared.
	sameBuckets := m.Period.By == string(r.Period.By)
	if !sameBuckets {
		why := fmt.Sprintf("the buckets are by %s, and were by %s in the published report, so only the whole period's figures were compared",
			orNone(string(r.Period.By)), orNone(m.Period.By))
		r.Changes.NotCompared = append(r.Changes.NotCompared, why)
		r.Warnings = append(r.Warnings, pipeline.Warning{Note: true, Message: fmt.Sprintf("%s: %s", r.Period.Label, why)})
	}
	// Money in the reporting currency is compared only in the same one:
	// another currency makes other figures, not changed ones.
	reporting := m.ReportingCurrency == r.Currency
	if !reporting && compared[true] {
		why := fmt.Sprintf("the reporting currency is %s, and was %s in the published report, so the amounts in the reporting currency were not compared",
			orNone(r.Currency), orNone(m.ReportingCurrency))
		r.Changes.NotCompared = append(r.Changes.NotCompared, why)
		r.Warnings = append(r.Warnings, pipeline.Warning{Note: true, Message: fmt.Sprintf("%s: %s", r.Period.Label, why)})
	}
	// Bucket order: this run's buckets, the published outputs' that it
	// no longer has, then the whole period. A bucket can be closed only
	// when both runs have it: buckets of another length (--by changed)
	// make other figures, not a restatement.
	rank := map[string]int{}
	ends := map[string]pipeline.Date{}
	for _, b := range r.Period.Buckets {
		rank[b.Label] = len(rank)
	}
	for _, b := range m.Period.Buckets {
		if _, ok := rank[b.Label]; !ok {
			rank[b.Label] = len(rank)
			continue
		}
		if to, err := time.Parse(time.DateOnly, b.To); err == nil && pipeline.DateOf(to) == r.Period.Buckets[rank[b.Label]].To {
			ends[b.Label] = pipeline.DateOf(to)
		}
	}
	if _, ok := rank[r.Period.Label]; !ok {
		rank[r.Period.Label] = len(rank)
		if m.Period.Label == r.Period.Label && m.Period.To == r.Period.To.String() {
			ends[r.Period.Label] = r.Period.To
		}
	}
	keys := map[figureKey]bool{}
	for k := range old {
		keys[k] = true
	}
	for k := range cur {
		keys[k] = true
	}
	sorted := make([]figureKey, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	slices.SortFunc(sorted, func(a, b figureKey) int {
		ra, oka := rank[a.bucket]
		rb, okb := rank[b.bucket]
		if !oka {
			ra = len(rank)
		}
		if !okb {
			rb = len(rank)
		}
		return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(a.bucket, b.bucket), cmp.Compare(a.country, b.country),
			cmp.Compare(a.code, b.code), cmp.Compare(a.currency, b.currency))
	})
	var changes []pipeline.FigureChange
	for _, k := range sorted {
		if !compared[k.currency != ""] || !sameBuckets && k.bucket != r.Period.Label {
			continue
		}
		names := summaryFigures
		if k.currency != "" {
			names = financeFigures
		}
		end, known := ends[k.bucket]
		closed := known && end.Before(sinceDay)
		for _, n := range names {
			if n == "amount_reporting" && !reporting {
				continue
			}
			o, c := old[k][n], cur[k][n]
			if o == c || zeroOrNone(o) && zeroOrNone(c) {
				continue // a line of zeros that appears or goes says nothing new
			}
			changes = append(changes, pipeline.FigureChange{Bucket: k.bucket, Country: k.country, Code: k.code, Currency: k.currency,
				Figure: n, Old: o, New: c, Closed: closed})
		}
	}
	return changes, nil
}

// zeroOrNone reports whether a figure as the CSV files print it is zero
// or absent.
func zeroOrNone(s string) bool {
	if s == "" {
		return true
	}
	d, err := pipeline.ParseDecimal(s)
	return err == nil && d.IsZero()
}

func orNone(currency string) string {
	if currency == "" {
		return "none"
	}
	return currency
}
