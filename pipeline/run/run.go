package run

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/aggregate"
	"coopreport/pipeline/config"
	"coopreport/pipeline/country"
	"coopreport/pipeline/ingest"
	"coopreport/pipeline/lang"
	"coopreport/pipeline/period"
	"coopreport/pipeline/render/chartdraw"
	"coopreport/pipeline/render/checked"
	csvout "coopreport/pipeline/render/csv"
	"coopreport/pipeline/render/docx"
	"coopreport/pipeline/render/html"
	"coopreport/pipeline/render/markdown"
	"coopreport/pipeline/render/pdf"
	"coopreport/pipeline/render/xlsx"
)

// Options are everything a run needs, flags and configuration merged.
type Options struct {
	Input      string               // the input folder
	Out        string               // the output folder; each run writes Out/<period label>/
	Period     period.Spec          // --period, parsed; the zero Spec means all
	By         pipeline.Granularity // --by; "" means the default for the period
	Currency   string               // reporting currency; "" means none: nothing is converted
	Party      string
	Title      string
	ShortTitle string // the title in the PDF's running header ("" shortens Title)
	PageSize   string // "A4" or "Letter" ("" is A4)
	Lang       lang.Lang
	Abbreviate bool // country abbreviations in Mongolian and Russian (ОХУ, КНР)
	// NoDataIssues leaves the data issues annex out of the report.
	NoDataIssues bool
	// Formats are the outputs to write besides the manifest (see
	// config.AllFormats); nil means all of them.
	Formats []string

	Now      time.Time      // "today" for relative periods and every timestamp written
	Location *time.Location // the configured time zone; nil is UTC
	// Notes about the settings, which the run lists among its warnings.
	Notes []string
	Wait  time.Duration // how long to wait for another run's lock
	// PID is the process the lock file names as the run's: the command
	// an administrator started (0: this process).
	PID int

	Ingest  ingest.Options
	Version string

	// SpoolDir is where the activities wait on disk while the run lasts
	// ("" means the system's temporary folder; Run uses its own).
	SpoolDir string

	// MaxRejected, when set, fails the run when more than this share
	// (0.05 for 5%) of the rows read are rejected; 0 fails it on any.
	MaxRejected *float64

	// History is how many earlier publications of a period are kept in
	// Out/.history/<label>/ (see history.go); 0 keeps none.
	History int

	// IfChanged skips the run when the published outputs for the period
	// were made from the same inputs, settings, configuration, template
	// and version (their manifests' fingerprints are equal).
	IfChanged bool
	// Pinned says that Now came from --now or SOURCE_DATE_EPOCH: the run
	// must be reproducible, so the manifest leaves out its duration.
	Pinned bool
	// Started is when the run started, for the duration in the manifest.
	Started time.Time

	// Stage, when set, is told what the run is doing ("writing
	// report-2025-10.pdf"), for a progress display.
	Stage func(string)

	ConfigPath   string // the configuration file read, if any
	TemplatePath string // the user's template file, if any ("" for the default)
	// Template is the report template, loaded (and so checked) before
	// anything is read; nil loads the default.
	Template  *markdown.Template
	DateOrder string // as configured, for the manifest
}

func (opt Options) settings() Settings {
	tmpl := "default"
	if opt.TemplatePath != "" {
		tmpl = opt.TemplatePath
	}
	return Settings{
		Period: opt.spec().String(), By: string(opt.By), Currency: opt.Currency, Party: opt.Party, Title: opt.Title, ShortTitle: opt.ShortTitle,
		NoDataIssues: opt.NoDataIssues, Formats: someFormats(opt.Formats), PageSize: opt.PageSize,
		Language: langSetting(opt.Lang), Abbreviations: opt.Abbreviate, DateOrder: opt.Ingest.DateOrder.String(), DecimalMark: opt.Ingest.DecimalMark, Template: tmpl,
	}
}

// Result is what a run produced.
type Result struct {
	Report  *pipeline.Report // nil when the run was skipped
	Dir     string           // the published folder
	Outputs []Output         // in the order they were written

	// Skipped is set when IfChanged found nothing changed since the
	// outputs in Dir were made, at Made.
	Skipped bool
	Made    string

	// Notes are what went wrong around the outputs without touching
	// them: folders of earlier runs that cannot be removed.
	Notes []string
}

// Output is one file of a run.
type Output struct {
	Name   string `json:"file"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// Read reads and checks the input folder and aggregates it, writing
// nothing: what validate shows and what Run writes out.
func Read(ctx context.Context, opt Options) (*pipeline.Report, error) {
	spec, by := opt.spec(), opt.By
	in := opt.Ingest
	if in.SpoolDir == "" {
		in.SpoolDir = opt.SpoolDir
	}
	data, err := ingest.Read(ctx, opt.Input, in)
	if err != nil {
		return nil, err
	}
	var p pipeline.Period
	if spec.IsAll() {
		p, err = spec.Resolve(by, data.First, data.Last)
	} else {
		p, err = spec.Resolve(by, pipeline.Date{}, pipeline.Date{})
	}
	if err != nil {
		data.Close()
		return nil, err
	}
	ledger, err := data.Ledger(p.Contains)
	if err != nil {
		data.Close()
		return nil, err
	}
	r := &pipeline.Report{
		Party:            opt.Party,
		Title:            opt.Title,
		ShortTitle:       opt.ShortTitle,
		Lang:             opt.Lang,
		Abbreviate:       opt.Abbreviate,
		NoDataIssues:     opt.NoDataIssues,
		Currency:         opt.Currency,
		Version:          opt.Version,
		Made:             made(opt.Now, opt.Location),
		Period:           p,
		Agreements:       data.Agreements,
		Ledger:           ledger,
		Measures:         data.Measures,
		RateList:         data.Rates,
		Rates:            pipeline.NewRates(opt.Currency, data.Rates),
		AgreementColumns: data.AgreementColumns,
		ActivityColumns:  data.ActivityColumns,
		MeasureColumns:   data.MeasureColumns,
		Inputs:           data.Inputs,
		Rejects:          data.Rejects,
		Warnings:         data.Warnings,
	}
	// Every pass over the ledger (the aggregate, the view, the writers)
	// stops within a few thousand rows of an interrupt.
	r.Ledger = ctxLedger{ctx, r.Ledger}
	if err := aggregate.Report(r); err != nil {
		r.Close()
		return nil, err
	}
	if err := compareFirst(ctx, r, data); err != nil { // issue 14: see compare.go
		r.Close()
		return nil, err
	}
	for _, n := range opt.Notes {
		r.Warnings = append(r.Warnings, pipeline.Warning{Message: n, Note: true})
	}
	if w := selfPartner(r); w != "" {
		r.Warnings = append(r.Warnings, pipeline.Warning{Message: w})
	}
	if r.Empty() {
		r.Warnings = append(r.Warnings, pipeline.Warning{Numbers: true, Message: fmt.Sprintf(
			"the period %s has no records: no agreement was in force or signed and no activity took place from %s to %s; check the period (--period) and that the input folder holds the registers of that time",
			p.Label, p.From.Long(), p.To.Long())})
	}
	r.Warnings = append(r.Warnings, xlsx.ColumnWarnings(r)...)
	return r, nil
}

// selfPartner warns when records name the reporting party as their partner
// country (Mongolia in Mongolia's report): a slip of the pen, most often.
func selfPartner(r *pipeline.Report) string {
	self, _, err := country.New().Resolve(r.Party)
	if r.Party == "" || err != nil || self.Multilateral() {
		return ""
	}
	var at []string
	n := 0
	note := func(pos pipeline.Pos) {
		if n++; len(at) < 3 {
			at = append(at, pos.String())
		}
	}
	for i := range r.Agreements {
		if r.Agreements[i].Country.Code == self.Code {
			note(r.Agreements[i].Pos)
		}
	}
	if r.Ledger != nil {
		r.Ledger.Each(func(a *pipeline.Activity) error {
			if a.Country.Code == self.Code {
				note(a.Pos)
			}
			return nil
		})
	}
	if n == 0 {
		return ""
	}
	if n > 3 {
		at = append(at, fmt.Sprintf("and %d more", n-3))
	}
	records := "records"
	if n == 1 {
		records = "record"
	}
	return fmt.Sprintf("%s, the reporting party, is named as the partner country of %d %s (%s): counted as a partner; check them", self.Name, n, records, strings.Join(at, "; "))
}

// made is the time a report is made, in the configured zone: a report
// made at 00:30 on 1 January in Ulaanbaatar is dated 1 January.
func made(now time.Time, loc *time.Location) time.Time {
	if loc == nil {
		return now.UTC()
	}
	return now.In(loc)
}

// NewOptions are the options of a run on the folder input with the
// settings st (see config.Settings).
func NewOptions(input string, st config.Settings) Options {
	return Options{
		Input: input, Out: st.Output, Period: st.Period, By: st.By, Currency: st.Currency,
		Party: st.Party, Title: st.Title, ShortTitle: st.ShortTitle, NoDataIssues: st.NoDataIssues, Formats: st.Formats, PageSize: st.PageSize, Lang: st.Lang, Abbreviate: st.Abbreviate, Now: st.Now, Location: st.Location,
		MaxRejected: st.MaxRejected, Notes: st.Notes, History: st.History,
		Ingest: ingest.Options{DateOrder: st.DateOrder, DateOrderSet: st.DateOrderSet, DecimalMark: st.DecimalMark,
			RatesBase: st.RatesBase, Headers: st.Columns},
	}
}

// chartPNG draws the charts of the Word report: pictures at print
// resolution, without their caption, which the document sets as text.
func chartPNG(r *pipeline.Report) func(name, caption string, w float64) ([]byte, float64, float64, error) {
	return func(name, _ string, w float64) ([]byte, float64, float64, error) {
		b, size, err := chartdraw.PNG(r, name, "", w, chartDPI)
		return b, size.W, size.H, err
	}
}

// chartSVG draws the charts of the web report, without their caption,
// which the page sets as the figure's caption.
func chartSVG(r *pipeline.Report) func(name, caption string, w float64) ([]byte, error) {
	return func(name, _ string, w float64) ([]byte, error) {
		b, _, err := chartdraw.SVG(r, name, "", w)
		return b, err
	}
}

// chartDPI is the resolution of the charts' pictures: print quality.
const chartDPI = 200

// someFormats is formats for the manifest's settings: nil when they are
// all of them, so that the default leaves no trace.
func someFormats(formats []string) []string {
	if formats == nil || slices.Equal(formats, config.AllFormats) {
		return nil
	}
	return formats
}

// ctxLedger is a Ledger whose passes end with ctx's error when ctx is
// done.
type ctxLedger struct {
	ctx context.Context
	pipeline.Ledger
}

func (l ctxLedger) Each(fn func(a *pipeline.Activity) error) error {
	n := 0
	return l.Ledger.Each(func(a *pipeline.Activity) error {
		if n++; n%4096 == 0 {
			if err := l.ctx.Err(); err != nil {
				return err
			}
		}
		return fn(a)
	})
}

func (l ctxLedger) Close() error {
	if c, ok := l.Ledger.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// spec is the period of the run: all when none was given.
func (opt Options) spec() period.Spec {
	if opt.Period.IsZero() {
		return period.All
	}
	return opt.Period
}

// Run reads the input folder and publishes every output in Out/<label>/.
// On any error nothing is replaced: the previous outputs stay as they were.
func Run(ctx context.Context, opt Options) (*Result, error) {
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the output folder: %w", err)
	}
	// The lock says when its run really started: it is not an output,
	// and an administrator reads it to see how long a run has held it.
	pid := opt.PID
	if pid == 0 {
		pid = os.Getpid()
	}
	release, err := lock(ctx, opt.Out, opt.Wait, pid, time.Now)
	if err != nil {
		return nil, err
	}
	defer release()
	debris, err := cleanup(opt.Out, opt.History)
	if err != nil {
		return nil, fmt.Errorf("cannot clean up after an earlier run: %w", err)
	}
	spec := opt.spec()
	if opt.Template == nil {
		// The built-in templates of the report's language.
		if opt.Template, err = markdown.LoadIn("", opt.Lang); err != nil {
			return nil, err
		}
	}
	tmpl := opt.Template
	if opt.IfChanged {
		// Only here is every input read before the run reads it: to tell
		// whether anything changed since the published report.
		hashes, err := hashInputs(opt.Input)
		if err != nil {
			return nil, fmt.Errorf("cannot read the input folder: %w", err)
		}
		fp, err := fingerprint(opt, spec.Label(), hashes)
		if err != nil {
			return nil, err
		}
		// The folder of --period all is named by the data's span, known
		// only once read: any published folder made from the same inputs
		// and settings will do.
		dirs := []string{filepath.Join(opt.Out, spec.Label())}
		if spec.IsAll() {
			dirs = periodFolders(opt.Out)
		}
		for _, dir := range dirs {
			m, ok, err := published(dir)
			if err != nil {
				return nil, err
			}
			if ok && m.Fingerprint == fp && intact(dir, m) {
				return &Result{Dir: dir, Skipped: true, Made: m.Made, Notes: debris}, nil
			}
		}
	}
	tmp, err := os.MkdirTemp(opt.Out, tmpPrefix)
	if err != nil {
		return nil, fmt.Errorf("cannot create a temporary folder in the output folder: %w", err)
	}
	defer removeAll(tmp) // after a successful publish it holds the old outputs, or is gone
	// The activities wait on disk in a folder of their own, left out of
	// what is published.
	spool := filepath.Join(tmp, ".spool")
	if err := os.Mkdir(spool, 0o700); err != nil {
		return nil, err
	}
	if opt.SpoolDir == "" {
		opt.SpoolDir = spool
	}

	r, err := Read(ctx, opt)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if err := CheckRejected(r, opt.MaxRejected); err != nil {
		return nil, err
	}
	// What changed since the published outputs of the period, before the
	// writers, which show it (see changes.go).
	compared, err := compare(tmp, opt.SpoolDir, opt.Out, r, opt.Location)
	if err != nil {
		return nil, err
	}
	// The fingerprint is of the bytes the run parsed: each input is read
	// once, and hashed as it is read.
	hashes := map[string]string{}
	for _, in := range r.Inputs {
		hashes[in.Name] = in.SHA256
	}
	fp, err := fingerprint(opt, spec.Label(), hashes)
	if err != nil {
		return nil, err
	}
	// The report is assembled before any output is written: a template
	// that names an unknown field fails here, and nothing is replaced.
	view, err := markdown.NewView(r)
	if err != nil {
		return nil, err
	}
	mdPDF, err := tmpl.ExecuteView(view, markdown.PDF)
	if err != nil {
		return nil, err
	}
	mdText, err := tmpl.ExecuteView(view, markdown.Markdown)
	if err != nil {
		return nil, err
	}
	label := r.Period.Label
	if err := safeLabel(label); err != nil {
		return nil, err
	}

	// The PDF is drawn before any output is written: characters its fonts
	// lack become warnings that the workbook's About sheet and the
	// manifest list, each once, with the record it came from where it
	// came from one. After that, the writers only read the report, and
	// run side by side.
	if opt.Stage != nil {
		opt.Stage("drawing the PDF")
	}
	doc, err := pdf.Render(mdPDF, r, pdf.Options{PageSize: opt.PageSize})
	if err != nil {
		return nil, err
	}
	if err := glyphWarnings(r, doc, opt.Formats == nil || slices.Contains(opt.Formats, "pdf")); err != nil {
		return nil, err
	}
	htmlWarning(r, doc, tmpl)

	res := &Result{Report: r, Dir: filepath.Join(opt.Out, label), Notes: debris}
	type writer struct {
		format, name string
		write        func(io.Writer) error
	}
	var writers []writer
	for _, w := range []writer{
		{"csv", "summary.csv", func(w io.Writer) error { return csvout.Summary(w, r) }},
		{"csv", "finance.csv", func(w io.Writer) error { return csvout.Finance(w, r) }},
		{"csv", "rejects.csv", func(w io.Writer) error { return csvout.Rejects(w, r.Rejects) }},
		{"pdf", "report-" + label + ".pdf", doc.Write},
		{"docx", "report-" + label + ".docx", func(w io.Writer) error {
			return docx.Write(w, mdPDF, r, docx.Options{PageSize: opt.PageSize, Chart: chartPNG(r), Landscape: doc.Landscape})
		}},
		{"html", "report-" + label + ".html", func(w io.Writer) error {
			return html.Write(w, mdPDF, r, html.Options{Chart: chartSVG(r), PageSize: opt.PageSize, Landscape: doc.Landscape})
		}},
		{"xlsx", "report-" + label + ".xlsx", func(w io.Writer) error { return xlsx.WriteContext(ctx, w, r, xlsx.Options{}) }},
		{"md", "report-" + label + ".md", func(w io.Writer) error { _, err := w.Write(mdText); return err }},
	} {
		if opt.Formats == nil || slices.Contains(opt.Formats, w.format) {
			writers = append(writers, w)
		}
	}
	res.Outputs = make([]Output, len(writers))
	if opt.Stage != nil {
		opt.Stage("writing the outputs")
	}
	err = parallel(ctx, len(writers), func(i int) error {
		out, err := writeFile(tmp, writers[i].name, writers[i].write)
		if err != nil {
			return fmt.Errorf("writing %s: %w", writers[i].name, err)
		}
		res.Outputs[i] = out
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The checked copies of the input files with problems, with the
	// workbook (see package render/checked); listed like every output.
	if opt.Formats == nil || slices.Contains(opt.Formats, "checked") {
		outs, err := writeChecked(ctx, tmp, r, opt)
		if err != nil {
			return nil, err
		}
		res.Outputs = append(res.Outputs, outs...)
	}
	res.Outputs = append(res.Outputs, compared...)
	if _, err := writeFile(tmp, ManifestName, func(w io.Writer) error { return writeManifest(w, r, res.Outputs, opt, fp) }); err != nil {
		return nil, fmt.Errorf("writing %s: %w", ManifestName, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := r.Close(); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(spool); err != nil {
		return nil, err
	}
	syncDir(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil { // MkdirTemp made it private
		return nil, err
	}
	// Outputs that say what the published ones say (the same rows, the
	// same figures) replace them without a place in the history: a daily
	// run would otherwise push the states worth keeping out of it.
	keep := opt.History
	if c := r.Changes; c != nil && !c.First && len(c.Cells) == 0 && len(c.NotCompared) == 0 && c.RowsAdded+c.RowsRemoved+c.RowsChanged == 0 {
		keep = 0
	}
	notes, err := publish(opt.Out, tmp, label, keep)
	if err != nil {
		return nil, err
	}
	res.Notes = append(res.Notes, notes...)
	return res, nil
}

// writeChecked writes the checked copies r calls for into tmp.
func writeChecked(ctx context.Context, tmp string, r *pipeline.Report, opt Options) ([]Output, error) {
	copies, err := checked.Copies(r, opt.Input)
	if err != nil || len(copies) == 0 {
		return nil, err
	}
	if opt.Stage != nil {
		opt.Stage("writing the checked copies")
	}
	outs := make([]Output, len(copies))
	err = parallel(ctx, len(copies), func(i int) error {
		c := &copies[i]
		name := filepath.FromSlash(c.Name)
		if err := os.MkdirAll(filepath.Join(tmp, filepath.Dir(name)), 0o755); err != nil {
			return err
		}
		out, err := writeFile(tmp, name, func(w io.Writer) error { return c.Write(w, r, opt.Ingest.Source) })
		if err != nil {
			return fmt.Errorf("writing %s: %w", c.Name, err)
		}
		out.Name = c.Name
		outs[i] = out
		return nil
	})
	return outs, err
}

// htmlWarning adds to r's warnings, once, that the PDF leaves out HTML
// of the report's text, and where the first is: in a template when it
// was written there, else (a text of the input printed with raw) at its
// line of the report's text.
func htmlWarning(r *pipeline.Report, doc *pdf.Document, tmpl *markdown.Template) {
	if len(doc.HTML) == 0 {
		return
	}
	h := doc.HTML[0]
	where := fmt.Sprintf("at line %d of the report's text", h.Line)
	if file, line, ok := tmpl.Locate(strings.TrimRight(strings.TrimSuffix(h.Text, "…"), " ")); ok {
		where = fmt.Sprintf("in %s line %d", file, line)
	}
	more := ""
	if n := len(doc.HTML) - 1; n == 1 {
		more = " and 1 more place"
	} else if n > 1 {
		more = fmt.Sprintf(" and %d more places", n)
	}
	r.Warnings = append(r.Warnings, pipeline.Warning{Message: fmt.Sprintf(
		"the PDF leaves out HTML, which it does not draw: %s %s%s; write Markdown instead (see Markdown in templates, in the README)", h.Text, where, more)})
}

// glyphWarnings adds to r's warnings the characters the PDF shows as a
// replacement character: those of the records with the record and column
// they come from, then those of the report's own text.
func glyphWarnings(r *pipeline.Report, doc *pdf.Document, withPDF bool) error {
	warn := func(m pdf.MissingGlyph) {
		msg := "the PDF shows " + m.String() + " as a replacement character: its fonts have no glyph for it"
		if !withPDF { // the Word and web reports name fonts the reader's machine has
			msg = "the report's fonts have no glyph for " + m.String() + ": the PDF (not written by this run) would show a replacement character, and Word or a browser another font's"
		}
		r.Warnings = append(r.Warnings, pipeline.Warning{Message: msg})
	}
	inRecords := map[rune]bool{}
	if err := pdf.CheckRecords(r, func(m pdf.MissingGlyph) { inRecords[m.Rune] = true; warn(m) }); err != nil {
		return err
	}
	for _, m := range doc.Missing {
		if !inRecords[m.Rune] {
			warn(m)
		}
	}
	return nil
}

// parallel calls work(0) … work(n-1), as many at once as the machine has
// cores, and returns the error of the first that failed, in index order
// (the others still finish). It starts no more work once ctx is done.
func parallel(ctx context.Context, n int, work func(i int) error) error {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		if err := ctx.Err(); err != nil {
			errs[i] = err
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			errs[i] = work(i)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// periodFolders lists the folders of published periods in out.
func periodFolders(out string) []string {
	entries, _ := os.ReadDir(out)
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && safeLabel(e.Name()) == nil {
			dirs = append(dirs, filepath.Join(out, e.Name()))
		}
	}
	return dirs
}

// ErrTooManyRejected: more of the rows read were rejected than
// max_rejected allows.
var ErrTooManyRejected = errors.New("too many rows rejected")

// CheckRejected fails a report more of whose rows were rejected than the
// share *max allows (nil: no limit).
func CheckRejected(r *pipeline.Report, limit *float64) error {
	read, rejected := r.RowsRead(), r.RowsRejected()
	if limit == nil || read == 0 || float64(rejected) <= *limit*float64(read) {
		return nil
	}
	max := *limit
	return fmt.Errorf("%w: %d of the %d rows read (%s) were rejected, more than max_rejected (%s) allows; "+
		"fix the rows that coopreport validate lists, or raise max_rejected",
		ErrTooManyRejected, rejected, read, percent(float64(rejected)/float64(read)), percent(max))
}

func percent(f float64) string {
	return strconv.FormatFloat(math.Round(f*1000)/10, 'f', -1, 64) + "%"
}

// writeFile writes one output and returns its size and SHA-256. The file
// is synced before the folder is published, so a power cut cannot publish
// an empty file.
func writeFile(dir, name string, write func(io.Writer) error) (Output, error) {
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return Output{}, err
	}
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(f, h)}
	bw := bufio.NewWriterSize(cw, 256<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Output{}, err
	}
	return Output{Name: name, Bytes: cw.n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Failed reports whether err means the input could not be read at all (a
// *pipeline.FileError), as opposed to a problem of the machine.
func Failed(err error) bool {
	var fe *pipeline.FileError
	return errors.As(err, &fe)
}
