package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/config"
	"coopreport/pipeline/normalize"
	"coopreport/pipeline/period"
	"coopreport/pipeline/run"
)

// Version is the tool's version, written into every output.
var Version = "0.1.0"

// Exit statuses, as the output contract gives them.
const (
	ExitOK       = 0 // done
	ExitFailed   = 1 // the run failed; nothing was replaced
	ExitUsage    = 2 // bad command line
	ExitRejected = 3 // done, but rows were rejected and --strict was given
)

const usage = `coopreport turns spreadsheets of agreements and activities into a periodic report.

Usage:
  coopreport run      [flags]   read the input folder and write the report to the output folder
  coopreport validate [flags]   check the input folder only; print the rejected rows
  coopreport version            print the version
  coopreport help               print this help

Flags (run and validate):
  --input DIR        the input folder (default "input")
  --out DIR          the output folder; each run writes DIR/<period>/ (default "output")
  --period P         2025-10, 2025-Q3, 2025, 2012..2015, 2024-07..2025-06, previous-month,
                     previous-quarter, previous-year, current-month, current-quarter,
                     current-year, or all (default: the configuration's, else all)
  --by B             buckets inside the period: month, quarter or year
                     (default: months for a month or quarter, quarters for a year, years beyond)
  --currency CODE    reporting currency (ISO 4217, e.g. MNT): amounts in other currencies are
                     converted with the rates file where a rate covers their date
  --template NAME    report template: "default" (the only one in this version)
  --config FILE      configuration file (default: coopreport.toml in the input folder, if any)
  --now DATE         "today" for relative periods and every timestamp written: 2026-01-01,
                     2026-01-01T00:30 (in the configured time zone) or RFC 3339
                     (default: $SOURCE_DATE_EPOCH if set, else the clock)
  --strict           exit with status 3 when any row was rejected
  --wait DURATION    wait this long (e.g. 30s, 5m) for another run on the same output folder
                     to finish (default 0: stop at once)
  -v                 print a summary of the run on stderr

Exit status:
  0  done
  1  the run failed (a file cannot be read, the output cannot be written, …); nothing was replaced
  2  bad command line
  3  done, but rows were rejected and --strict was given (validate: rows were rejected)
`

// usageError is a bad command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// Main runs the command line args and returns the exit status. It is main
// without os.Exit, so that tests run the real command.
func Main(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return ExitOK
	case "version", "--version":
		fmt.Fprintf(stdout, "coopreport %s\n", Version)
		return ExitOK
	case "run", "validate":
	default:
		fmt.Fprintf(stderr, "coopreport: unknown command %q (the commands are run, validate, version and help)\n", cmd)
		return ExitUsage
	}
	opt, verbose, strict, err := parseFlags(cmd, rest, getenv)
	if err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "coopreport %s: %s (see coopreport help)\n", cmd, ue.msg)
			return ExitUsage
		}
		fmt.Fprintf(stderr, "coopreport %s failed: %v\n", cmd, err)
		return ExitFailed
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if cmd == "validate" {
		return validate(ctx, opt, stdout, stderr)
	}
	start := time.Now()
	res, err := run.Run(ctx, opt)
	if err != nil {
		fmt.Fprint(stderr, failure(err, opt))
		return ExitFailed
	}
	r := res.Report
	if verbose || isTerminal(stderr) {
		summarize(stderr, res, time.Since(start))
	}
	if strict && len(r.Rejects) > 0 {
		fmt.Fprintf(stderr, "coopreport run: %d problem(s) in the input rows (--strict); the report was written, see %s\n", len(r.Rejects), filepath.Join(res.Dir, "rejects.csv"))
		return ExitRejected
	}
	return ExitOK
}

func validate(ctx context.Context, opt run.Options, stdout, stderr io.Writer) int {
	r, err := run.Read(ctx, opt)
	if err != nil {
		fmt.Fprint(stderr, failure(err, opt))
		return ExitFailed
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	for _, e := range r.Rejects {
		fmt.Fprintln(stdout, e.Error())
	}
	read, rejected := 0, 0
	for _, in := range r.Inputs {
		read += in.Read
		rejected += in.Rejected
	}
	fmt.Fprintf(stdout, "%d rows read in %d files: %d accepted, %d rejected\n", read, len(r.Inputs), read-rejected, rejected)
	if rejected > 0 {
		return ExitRejected
	}
	return ExitOK
}

// failure is the one paragraph an administrator reads when a run fails:
// what failed, where, and what to do.
func failure(err error, opt run.Options) string {
	var fe *pipeline.FileError
	switch {
	case errors.As(err, &fe):
		return fmt.Sprintf("coopreport: the run failed: %v.\nFix or remove that file in %s and run again; the outputs in %s were left as they were.\n", err, opt.Input, opt.Out)
	case errors.Is(err, run.ErrLocked):
		return fmt.Sprintf("coopreport: the run did not start: %v.\n", err)
	case errors.Is(err, context.Canceled):
		return fmt.Sprintf("coopreport: the run was interrupted; the outputs in %s were left as they were.\n", opt.Out)
	}
	return fmt.Sprintf("coopreport: the run failed: %v.\nThe outputs in %s were left as they were.\n", err, opt.Out)
}

func summarize(w io.Writer, res *run.Result, took time.Duration) {
	r := res.Report
	fmt.Fprintf(w, "coopreport: period %s (%s to %s), %d partner countries\n", r.Period.Label, r.Period.From, r.Period.To, len(r.Countries))
	for _, in := range r.Inputs {
		fmt.Fprintf(w, "  read %-28s %6d rows: %6d accepted, %6d rejected\n", in.Name, in.Read, in.Accepted, in.Rejected)
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(w, "  warning: %s\n", warn)
	}
	for _, o := range res.Outputs {
		fmt.Fprintf(w, "  wrote %s (%d bytes)\n", filepath.Join(res.Dir, o.Name), o.Bytes)
	}
	fmt.Fprintf(w, "  done in %s\n", took.Round(time.Millisecond))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// parseFlags merges the flags over the configuration file into run
// options. Flag errors are *usageError; a bad configuration is not.
func parseFlags(cmd string, args []string, getenv func(string) string) (opt run.Options, verbose, strict bool, err error) {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var (
		input    = fs.String("input", "input", "")
		out      = fs.String("out", "", "")
		per      = fs.String("period", "", "")
		by       = fs.String("by", "", "")
		cur      = fs.String("currency", "", "")
		tmpl     = fs.String("template", "", "")
		cfgPath  = fs.String("config", "", "")
		now      = fs.String("now", "", "")
		wait     = fs.Duration("wait", 0, "")
		strictF  = fs.Bool("strict", false, "")
		verboseF = fs.Bool("v", false, "")
	)
	if err := fs.Parse(args); err != nil {
		return opt, false, false, &usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return opt, false, false, &usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	path, optional := *cfgPath, false
	if path == "" {
		path, optional = filepath.Join(*input, config.FileName), true
	}
	cfg, err := config.Load(path, optional)
	if err != nil {
		return opt, false, false, err
	}
	pick := func(flagValue, name, cfgValue string) string {
		if set[name] {
			return flagValue
		}
		return cfgValue
	}
	opt = run.Options{
		Input:    *input,
		Out:      pick(*out, "out", cfg.Output),
		Period:   pick(*per, "period", cfg.Period),
		By:       pick(*by, "by", cfg.By),
		Currency: strings.ToUpper(pick(*cur, "currency", cfg.Currency)),
		Party:    cfg.Party,
		Title:    cfg.Title,
		PageSize: cfg.PageSize,
		Wait:     *wait,
		Version:  Version,
	}
	if opt.Out == "" {
		opt.Out = "output"
	}
	if opt.Title == "" {
		opt.Title = "Periodic report on international cultural cooperation"
	}
	if t := pick(*tmpl, "template", cfg.Template); t != "" && t != "default" {
		return opt, false, false, configError(set["template"], cfg, "template", fmt.Sprintf("unknown template %q: this version has only \"default\"", t))
	}
	if opt.Currency != "" {
		code, err := normalize.Currency(opt.Currency)
		if err != nil {
			return opt, false, false, configError(set["currency"], cfg, "currency", err.Error())
		}
		opt.Currency = code
	}
	opt.Location = time.Local
	if cfg.Timezone != "" {
		if opt.Location, err = time.LoadLocation(cfg.Timezone); err != nil {
			return opt, false, false, configError(false, cfg, "timezone", fmt.Sprintf("unknown time zone %q: write an IANA name such as Asia/Ulaanbaatar", cfg.Timezone))
		}
	}
	if cfg.DateOrder != "" {
		if opt.Ingest.DateOrder, err = normalize.ParseDateOrder(cfg.DateOrder); err != nil {
			return opt, false, false, configError(false, cfg, "date_order", err.Error())
		}
	}
	switch cfg.DecimalMark {
	case "", ".", ",":
		opt.Ingest.DecimalMark = cfg.DecimalMark
	default:
		return opt, false, false, configError(false, cfg, "decimal_mark", fmt.Sprintf("%q is not a decimal mark: write \".\" or \",\"", cfg.DecimalMark))
	}
	switch strings.ToLower(opt.PageSize) {
	case "", "a4":
		opt.PageSize = "A4"
	case "letter":
		opt.PageSize = "Letter"
	default:
		return opt, false, false, configError(false, cfg, "page_size", fmt.Sprintf("%q is not a page size: write A4 or Letter", cfg.PageSize))
	}
	if opt.Now, err = parseNow(*now, getenv("SOURCE_DATE_EPOCH"), opt.Location); err != nil {
		return opt, false, false, err
	}
	// Check the period now, so that a bad one is a bad command line (or a
	// bad configuration) before anything is read or written.
	if p := opt.Period; p != "" {
		if _, err := period.Parse(p, period.Today(opt.Now, opt.Location)); err != nil {
			return opt, false, false, configError(set["period"], cfg, "period", err.Error())
		}
	}
	if _, err := period.ParseBy(opt.By); err != nil {
		return opt, false, false, configError(set["by"], cfg, "by", err.Error())
	}
	strict = *strictF
	if !set["strict"] && cfg.Strict != nil {
		strict = *cfg.Strict
	}
	return opt, *verboseF, strict, nil
}

// configError blames the flag when the user gave it, else the key of the
// configuration file.
func configError(fromFlag bool, cfg config.Config, key, msg string) error {
	if fromFlag || cfg.Path == "" {
		return &usageError{fmt.Sprintf("--%s: %s", strings.ReplaceAll(key, "_", "-"), msg)}
	}
	return fmt.Errorf("%s: key %q: %s", cfg.Path, key, msg)
}

// parseNow reads --now, else SOURCE_DATE_EPOCH, else the clock.
func parseNow(flagValue, epoch string, loc *time.Location) (time.Time, error) {
	if flagValue != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"} {
			if t, err := time.ParseInLocation(layout, flagValue, loc); err == nil {
				return t, nil
			}
		}
		return time.Time{}, &usageError{fmt.Sprintf("--now %q: write a date such as 2026-01-01, 2026-01-01T00:30 or 2026-01-01T00:30:00+08:00", flagValue)}
	}
	if epoch != "" {
		n, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, &usageError{fmt.Sprintf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", epoch)}
		}
		return time.Unix(n, 0).In(loc), nil
	}
	return time.Now().In(loc), nil
}
