package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/render/markdown"
	"coopreport/pipeline/run"
	"coopreport/pipeline/source"
)

// reporter is everything the command says on stderr. Cron mails whatever a
// job prints, so a successful run is silent unless stderr is a terminal or
// -v was given; a failure is one paragraph saying what failed, where, and
// what to do; with --log-format json every message is a structured line
// for a log collector instead.
type reporter struct {
	w       io.Writer
	cmd     string
	json    bool
	verbose bool
	tty     bool

	shown bool // a progress line is on the terminal
}

func (rp *reporter) logger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(rp.w, nil)).With("command", rp.cmd)
}

func (rp *reporter) warn(msg string) {
	if rp.json {
		rp.logger().Warn(msg)
		return
	}
	fmt.Fprintf(rp.w, "warning: %s\n", msg)
}

// failure reports a failed run.
func (rp *reporter) failure(err error, opt run.Options) {
	what, todo := rp.explain(err, opt)
	if rp.json {
		attrs := []any{"error", err.Error(), "action", todo}
		var fe *pipeline.FileError
		if errors.As(err, &fe) {
			attrs = append(attrs, "file", fe.File)
			if fe.Sheet != "" {
				attrs = append(attrs, "sheet", fe.Sheet)
			}
		}
		// A template's mistake is told in words; Go's own message is
		// for whoever debugs coopreport.
		var te *markdown.Error
		if errors.As(err, &te) && te.Err != nil {
			attrs = append(attrs, "template_error", te.Err.Error())
		}
		rp.logger().Error(what, attrs...)
		return
	}
	fmt.Fprintf(rp.w, "coopreport %s: %s: %v.\n%s\n", rp.cmd, what, err, todo)
}

// changedFile is the file a *pipeline.FileError names, or "the file".
func changedFile(err error) string {
	var fe *pipeline.FileError
	if errors.As(err, &fe) && fe.File != "" {
		return fe.File
	}
	return "the file"
}

// explain says what failed and what to do about it.
func (rp *reporter) explain(err error, opt run.Options) (what, todo string) {
	kept := fmt.Sprintf("The outputs in %s were left as they were.", opt.Out)
	switch {
	case rp.cmd == "validate":
		kept = "Nothing was written: validate only reads." // it has no outputs to keep
	case opt.Out == "": // it failed before the options were read
		kept = "Nothing was written."
	}
	var fe *pipeline.FileError
	switch {
	case errors.Is(err, source.ErrChanged):
		return "the run failed", fmt.Sprintf("Wait until %s is saved and closed, and run again. %s", changedFile(err), kept)
	case errors.As(err, &fe):
		what := "the run failed"
		if rp.cmd == "validate" {
			what = "the input cannot be read"
		}
		return what, fmt.Sprintf("Fix or remove that file in %s and run again. %s", opt.Input, kept)
	case errors.Is(err, run.ErrLocked):
		return "the run did not start", "Nothing was written."
	case errors.Is(err, context.Canceled):
		return "the run was interrupted", kept
	}
	return "the run failed", kept
}

// notes says what went wrong around the outputs without touching them,
// always: the administrator must know that space is taken.
func (rp *reporter) notes(res *run.Result) {
	for _, n := range res.Notes {
		if rp.json {
			rp.logger().Warn(n)
			continue
		}
		fmt.Fprintf(rp.w, "coopreport %s: warning: %s\n", rp.cmd, n)
	}
}

func (rp *reporter) skipped(res *run.Result) {
	switch {
	case rp.json:
		rp.logger().Info("nothing changed; run skipped", "dir", res.Dir, "made", res.Made)
	case rp.verbose || rp.tty:
		fmt.Fprintf(rp.w, "coopreport: nothing changed since the outputs in %s were made (%s); skipped\n", res.Dir, res.Made)
	}
}

// incomplete says, in one short paragraph, that a run finished but its
// numbers may be incomplete: rows rejected, files, tables or columns not
// read. Cron mails it: a run is silent only when there is nothing to say.
func (rp *reporter) incomplete(res *run.Result, strict bool) {
	r := res.Report
	var why []string
	if n := r.RowsRejected(); n > 0 {
		why = append(why, fmt.Sprintf("%d of %d rows read were rejected (see %s)", n, r.RowsRead(), filepath.Join(res.Dir, "rejects.csv")))
	}
	for _, w := range r.Warnings {
		if w.Numbers {
			why = append(why, w.Message)
		}
	}
	status := ""
	if strict {
		status = " (--strict: exit status 3)"
	}
	if rp.json {
		rp.logger().Error("the numbers of the report may be incomplete", "dir", res.Dir, "rows_rejected", r.RowsRejected(), "reasons", why, "strict", strict)
		return
	}
	if rp.verbose || rp.tty {
		// The summary has listed the warnings already.
		fmt.Fprintf(rp.w, "coopreport %s: the report in %s was written, but its numbers may be incomplete%s; fix the input and run again.\n", rp.cmd, res.Dir, status)
		return
	}
	fmt.Fprintf(rp.w, "coopreport %s: the report in %s was written, but its numbers may be incomplete%s:\n", rp.cmd, res.Dir, status)
	const most = 5
	for i, w := range why {
		if i == most {
			fmt.Fprintf(rp.w, "  - and %d more; see the warnings in %s\n", len(why)-most, filepath.Join(res.Dir, run.ManifestName))
			break
		}
		fmt.Fprintf(rp.w, "  - %s\n", w)
	}
	fmt.Fprintln(rp.w, "Fix the input and run again.")
}

// restated says, in one short paragraph, that the run changed figures
// of buckets that had ended when the report it replaced was made (a
// closed quarter): a restatement, which finance staff must be told of
// even when the run is otherwise silent. Cron mails it.
func (rp *reporter) restated(res *run.Result, strict bool) {
	r := res.Report
	ch := r.Changes
	var buckets []string
	var figures []string
	seen := map[string]bool{}
	for _, c := range ch.Cells {
		if !c.Closed || c.Figure == "amount_reporting" && c.Currency == r.Currency {
			continue // a sum converted into its own currency repeats the sum
		}
		// The whole period's lines add up its buckets': they are named
		// when nothing else is.
		if !seen[c.Bucket] && c.Bucket != r.Period.Label {
			seen[c.Bucket] = true
			b := c.Bucket
			if end, ok := bucketEnd(r, c.Bucket); ok {
				b += ", closed on " + end.Long() + ","
			}
			buckets = append(buckets, b)
		}
		figures = append(figures, describeFigure(c))
	}
	if len(buckets) == 0 {
		buckets = []string{r.Period.Label + ", closed on " + r.Period.To.Long() + ","}
		seen[r.Period.Label] = true
	}
	if n := len(buckets); n > 2 {
		buckets = []string{strings.Join(buckets[:n-1], " "), buckets[n-1]}
	}
	since := pipeline.DateOf(ch.Since).Long()
	file := filepath.Join(res.Dir, run.ChangesName)
	if rp.json {
		rp.logger().Warn("restated: published figures of closed buckets changed", "dir", res.Dir, "since", ch.Since.Format(time.RFC3339),
			"buckets", slices.Sorted(maps.Keys(seen)), "figures", figures, "changes", file, "strict", strict)
		return
	}
	status := ""
	if strict {
		status = " (--strict: exit status 3)"
	}
	fmt.Fprintf(rp.w, "coopreport %s: restated: the published figures of %s changed since the report of %s%s:\n",
		rp.cmd, strings.Join(buckets, " and "), since, status)
	const most = 5
	for i, f := range figures {
		if i == most {
			fmt.Fprintf(rp.w, "  - and %d more\n", len(figures)-most)
			break
		}
		fmt.Fprintf(rp.w, "  - %s\n", f)
	}
	rows := ""
	if n := ch.RowsAdded + ch.RowsRemoved + ch.RowsChanged; n > 0 {
		rows = fmt.Sprintf(" (rows: %d added, %d removed, %d changed)", ch.RowsAdded, ch.RowsRemoved, ch.RowsChanged)
	}
	kept := ""
	if h := filepath.Join(filepath.Dir(res.Dir), run.HistoryDir, r.Period.Label); isDir(h) {
		kept = "; the outputs published before are kept in " + h
	}
	fmt.Fprintf(rp.w, "%s lists every change%s%s.\n", file, rows, kept)
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// bucketEnd is the last day of the bucket (or the period) labelled label.
func bucketEnd(r *pipeline.Report, label string) (pipeline.Date, bool) {
	for _, b := range r.Period.Buckets {
		if b.Label == label {
			return b.To, true
		}
	}
	if label == r.Period.Label {
		return r.Period.To, true
	}
	return pipeline.Date{}, false
}

// describeFigure says a figure changed in words: "2025-Q3, Mongolia:
// activities 3 → 4".
func describeFigure(c pipeline.FigureChange) string {
	where := c.Bucket
	if c.Country != "" {
		where += ", " + c.Country
	}
	if c.Currency != "" {
		where += ", " + c.Currency
	}
	none := func(v string) string {
		if v == "" {
			return "none"
		}
		return v
	}
	return fmt.Sprintf("%s: %s %s → %s", where, strings.ReplaceAll(c.Figure, "_", " "), none(c.Old), none(c.New))
}

// done reports a finished run: a summary with -v or on a terminal.
func (rp *reporter) done(res *run.Result, took time.Duration) {
	if !rp.verbose && !rp.tty {
		return
	}
	r := res.Report
	if rp.json {
		log := rp.logger()
		for _, in := range r.Inputs {
			log.Info("input read", "file", in.Name, "rows_read", in.Read, "rows_accepted", in.Accepted, "rows_rejected", in.Rejected)
		}
		for _, w := range r.Warnings {
			log.Warn(w.Message, "numbers", w.Numbers)
		}
		for _, o := range res.Outputs {
			log.Info("output written", "file", filepath.Join(res.Dir, o.Name), "bytes", o.Bytes)
		}
		log.Info("run finished", "period", r.Period.Label, "dir", res.Dir, "partner_countries", len(r.Countries),
			"rows_read", r.RowsRead(), "rows_accepted", r.RowsAccepted(), "rows_rejected", r.RowsRejected(), "seconds", took.Seconds())
		return
	}
	fmt.Fprintf(rp.w, "coopreport: period %s (%s to %s), %d partner countries\n", r.Period.Label, r.Period.From, r.Period.To, len(r.Countries))
	for _, in := range r.Inputs {
		fmt.Fprintf(rp.w, "  read %-28s %6d rows: %6d accepted, %6d rejected\n", in.Name, in.Read, in.Accepted, in.Rejected)
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(rp.w, "  warning: %s\n", warn.Message)
	}
	for _, o := range res.Outputs {
		fmt.Fprintf(rp.w, "  wrote %s (%d bytes)\n", filepath.Join(res.Dir, o.Name), o.Bytes)
	}
	if ch := r.Changes; ch != nil && ch.First {
		fmt.Fprintf(rp.w, "  changes: none published before: nothing to compare with\n")
	} else if ch != nil {
		fmt.Fprintf(rp.w, "  changes since %s: %d figures; rows: %d added, %d removed, %d changed\n",
			ch.Since.Format(time.RFC3339), len(ch.Cells), ch.RowsAdded, ch.RowsRemoved, ch.RowsChanged)
	}
	fmt.Fprintf(rp.w, "  done in %s\n", took.Round(time.Millisecond))
}

// progressAfter is how long a run goes before it shows progress: short
// runs show none.
const progressAfter = time.Second

// progressFunc returns an ingest progress callback that keeps one line on
// the terminal up to date.
func (rp *reporter) progressFunc(started time.Time) func(int) {
	return func(rows int) {
		if time.Since(started) < progressAfter {
			return
		}
		rp.shown = true
		fmt.Fprintf(rp.w, "\rcoopreport: %-60s", fmt.Sprintf("reading… %d rows", rows))
	}
}

// stageFunc returns a run stage callback that shows the stage on the
// progress line.
func (rp *reporter) stageFunc(started time.Time) func(string) {
	return func(stage string) {
		if time.Since(started) < progressAfter {
			return
		}
		rp.shown = true
		fmt.Fprintf(rp.w, "\rcoopreport: %-60s", stage+"…")
	}
}

// endProgress clears the progress line.
func (rp *reporter) endProgress() {
	if rp.shown {
		fmt.Fprintf(rp.w, "\r%s\r", strings.Repeat(" ", 80))
		rp.shown = false
	}
}
