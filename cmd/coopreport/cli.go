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

	"coopreport/pipeline/config"
	"coopreport/pipeline/lang"
	"coopreport/pipeline/render/markdown"
	"coopreport/pipeline/run"
	"coopreport/pipeline/starter"
	"coopreport/templates"
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
  coopreport init [--party NAME] [--now DATE] DIR
                                make a ready-to-fill input folder: a workbook with instructions,
                                drop-down lists and example rows, and a commented coopreport.toml
  coopreport templates [--lang L] DIR
                                write the default report templates (in language L) into DIR, for editing
  coopreport version            print the version
  coopreport help               print this help

Flags (run and validate):
  --input DIR        the input folder (default "input")
  --out DIR          the output folder; each run writes DIR/<period>/ (default "output")
  --period P         2025-10, 2025-Q3, 2025, 2012..2015, 2024-07..2025-06, previous-month,
                     previous-quarter, previous-year, previous-cycle (the four whole years
                     before this one), current-month, current-quarter, current-year, or all
                     (default: the configuration's, else all)
  --by B             buckets inside the period: month, quarter or year
                     (default: months for a month or quarter, quarters for a year, years beyond)
  --currency CODE    reporting currency (ISO 4217, e.g. MNT): amounts in other currencies are
                     converted with the rates file where a rate covers their date
  --formats LIST     the outputs to write besides manifest.json, e.g. pdf,docx,xlsx: some of pdf,
                     docx, html, md, xlsx, csv, checked (default: the configuration's, else all)
  --lang L           the language of the report, the workbook and the checked copies: en
                     (English), fr (French), mn (Mongolian) or ru (Russian) (default: the
                     configuration's language, else en); messages here stay English
  --template FILE    report template: "default" or "form-a" (built in: one measure as the
                     2012–2016 reports laid it out), "form-b" (built in: the current form, for
                     the reports due on 30 June 2027), or a template file such as
                     my-templates/report.md.tmpl (see coopreport templates)
  --config FILE      configuration file (default: coopreport.toml in the input folder, if any)
  --now DATE         "today" for relative periods and every timestamp written: 2026-01-01,
                     2026-01-01T00:30 (in the configured time zone) or RFC 3339
                     (default: $SOURCE_DATE_EPOCH if set, else the clock)
  --strict           exit with status 3 when the numbers may be incomplete: rows were rejected,
                     or a file, table or column was not read (see the warnings); or when the
                     run restated figures of a bucket that had ended (see changes.csv)
  --max-rejected P   fail the run, replacing nothing, when more than P of the rows read are
                     rejected, e.g. 5% (default: the configuration's, else no limit)
  --wait DURATION    wait this long (e.g. 30s, 5m) for another run on the same output folder
                     to finish (default 0: stop at once)
  --if-changed       skip the run when the published outputs for the period were made from
                     the same inputs, settings, configuration, template and version
  --log-format F     text (default) or json: one structured line per message, for log collectors
  -v                 print a summary of the run on stderr (a run is silent on success
                     unless stderr is a terminal)

Exit status:
  0  done
  1  the run failed (a file cannot be read, the output cannot be written, …); nothing was replaced
  2  bad command line
  3  done, but the numbers may be incomplete, or figures published for a bucket that had
     ended changed (a restatement), and --strict was given (validate: rows were rejected,
     or a file, table or column was not read)
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
	case "templates":
		return writeTemplates(rest, stdout, stderr)
	case "init":
		return initFolder(rest, stdout, stderr, getenv)
	case "run", "validate":
	default:
		fmt.Fprintf(stderr, "coopreport: unknown command %q (the commands are run, validate, init, templates, version and help)\n", cmd)
		return ExitUsage
	}
	c, err := parseFlags(cmd, rest, getenv)
	rp := &reporter{w: stderr, cmd: cmd, json: c.logJSON, verbose: c.verbose, tty: isTerminal(stderr)}
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	if err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "coopreport %s: %s (see coopreport help)\n", cmd, ue.msg)
			return ExitUsage
		}
		rp.failure(err, c.Options)
		return ExitFailed
	}

	workerStarted(getenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if cmd == "validate" {
		return validate(ctx, c.Options, stdout, rp)
	}
	if rp.tty && !rp.json {
		c.Ingest.Progress = rp.progressFunc(c.Started)
		c.Stage = rp.stageFunc(c.Started)
	}
	res, err := run.Run(ctx, c.Options)
	rp.endProgress()
	if err != nil {
		rp.failure(err, c.Options)
		return ExitFailed
	}
	rp.notes(res)
	if res.Skipped {
		rp.skipped(res)
		return ExitOK
	}
	rp.done(res, time.Since(c.Started))
	loud := false
	if ch := res.Report.Changes; ch != nil && ch.Restated {
		rp.restated(res, c.strict)
		loud = true
	}
	if res.Report.Incomplete() {
		rp.incomplete(res, c.strict)
		loud = true
	}
	if loud && c.strict {
		return ExitRejected
	}
	return ExitOK
}

// initFolder makes a ready-to-fill input folder.
func initFolder(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	party := fs.String("party", "", "")
	now := fs.String("now", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return ExitOK
		}
		fmt.Fprintf(stderr, "coopreport init: %v (see coopreport help)\n", err)
		return ExitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "coopreport init: give the folder to make, e.g. coopreport init ministry-data; flags go before it (see coopreport help)")
		return ExitUsage
	}
	dir := fs.Arg(0)
	t, err := parseNow(*now, getenv("SOURCE_DATE_EPOCH"), time.Local)
	if err != nil {
		fmt.Fprintf(stderr, "coopreport init: %v (see coopreport help)\n", err)
		return ExitUsage
	}
	if err := starter.Init(dir, starter.Options{Party: *party, Now: t}); err != nil {
		fmt.Fprintf(stderr, "coopreport init: %v.\nNothing was written.\n", err)
		return ExitFailed
	}
	fmt.Fprintf(stdout, "made %s and %s; fill them in, then run: coopreport validate --input %s\n",
		filepath.Join(dir, starter.WorkbookName), filepath.Join(dir, starter.ConfigName), dir)
	return ExitOK
}

// writeTemplates writes the default templates into a folder for editing.
// --lang may come before or after the folder.
func writeTemplates(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("templates", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	code := fs.String("lang", "", "")
	err := fs.Parse(args)
	var dir string
	if err == nil && fs.NArg() > 0 {
		// The flags after the folder.
		dir = fs.Arg(0)
		err = fs.Parse(fs.Args()[1:])
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return ExitOK
		}
		fmt.Fprintf(stderr, "coopreport templates: %v (see coopreport help)\n", err)
		return ExitUsage
	}
	switch {
	case dir == "":
		fmt.Fprintln(stderr, "coopreport templates: give the folder to write the default templates into, e.g. coopreport templates my-templates, or coopreport templates --lang fr my-templates (see coopreport help)")
		return ExitUsage
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "coopreport templates: unexpected argument %q: give one folder, e.g. coopreport templates --lang fr my-templates (see coopreport help)\n", fs.Arg(0))
		return ExitUsage
	}
	l, err := lang.Parse(*code)
	if err != nil {
		fmt.Fprintf(stderr, "coopreport templates: --lang: %v (see coopreport help)\n", err)
		return ExitUsage
	}
	err = markdown.WriteDefaultsIn(dir, l)
	var exists *markdown.ExistsError
	switch {
	case errors.As(err, &exists):
		// The one place that says nothing was written and what to do.
		those := "that file"
		if len(exists.Files) > 1 {
			those = "those files"
		}
		fmt.Fprintf(stderr, "coopreport templates: %v. Nothing was written.\n"+
			"To write the defaults there, delete or move %s first, or give another folder.\n", err, those)
		return ExitFailed
	case err != nil:
		fmt.Fprintf(stderr, "coopreport templates: %v.\n", err)
		return ExitFailed
	}
	return ExitOK
}

func validate(ctx context.Context, opt run.Options, stdout io.Writer, rp *reporter) int {
	r, err := run.Read(ctx, opt)
	if err != nil {
		rp.failure(err, opt)
		return ExitFailed
	}
	defer r.Close() // the activities it spooled to disk
	for _, w := range r.Warnings {
		rp.warn(w.Message)
	}
	for _, e := range r.Rejects {
		fmt.Fprintln(stdout, e.Error())
	}
	fmt.Fprintf(stdout, "%d rows read in %d files: %d accepted, %d rejected\n", r.RowsRead(), len(r.Inputs), r.RowsAccepted(), r.RowsRejected())
	if err := run.CheckRejected(r, opt.MaxRejected); err != nil {
		rp.failure(err, opt) // as run would fail
		return ExitFailed
	}
	if r.Incomplete() {
		return ExitRejected
	}
	return ExitOK
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// cliOptions are the run options and what only the command line needs.
type cliOptions struct {
	run.Options
	verbose, strict, logJSON bool
}

// parseFlags merges the flags over the configuration file into run
// options. Flag errors are *usageError; a bad configuration is not.
func parseFlags(cmd string, args []string, getenv func(string) string) (c cliOptions, err error) {
	c.Started = time.Now()
	opt := &c.Options
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var (
		input    = fs.String("input", "input", "")
		cfgPath  = fs.String("config", "", "")
		now      = fs.String("now", "", "")
		wait     = fs.Duration("wait", 0, "")
		verboseF = fs.Bool("v", false, "")
		ifChange = fs.Bool("if-changed", false, "")
		logFmt   = fs.String("log-format", "text", "")
	)
	// Settings the configuration file may give too: read through
	// config.Settings, which knows which one wins.
	for _, name := range []string{"out", "period", "by", "currency", "template", "max-rejected", "formats", "lang"} {
		fs.String(name, "", "")
	}
	fs.Bool("strict", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, err // -h or --help: the help text, not an error
		}
		return c, &usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return c, &usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	switch *logFmt {
	case "text":
	case "json":
		c.logJSON = true
	default:
		return c, &usageError{fmt.Sprintf("--log-format %q: use text or json", *logFmt)}
	}
	c.verbose = *verboseF
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	path, optional := *cfgPath, false
	if path == "" {
		path, optional = filepath.Join(*input, config.FileName), true
	}
	cfg, err := config.Load(path, optional)
	if err != nil {
		return c, err
	}
	// The flags the user gave, by their key in coopreport.toml: config
	// checks and parses them with the file's values, once.
	given := map[string]string{}
	for name, key := range map[string]string{"period": "period", "by": "by", "currency": "currency", "template": "template",
		"out": "output", "strict": "strict", "max-rejected": "max_rejected", "formats": "formats", "lang": "language"} {
		if set[name] {
			given[key] = fs.Lookup(name).Value.String()
		}
	}
	st, err := cfg.Settings(given, func(loc *time.Location) (time.Time, error) {
		return parseNow(*now, getenv("SOURCE_DATE_EPOCH"), loc)
	})
	if kerr, ok := err.(*config.KeyError); ok && kerr.Flag {
		return c, &usageError{kerr.Error()}
	} else if err != nil {
		return c, err
	}
	started := c.Started
	*opt = run.NewOptions(*input, st)
	opt.Started, opt.ConfigPath, opt.IfChanged, opt.Wait, opt.Version = started, cfg.Path, *ifChange, *wait, Version
	opt.Pinned = *now != "" || getenv("SOURCE_DATE_EPOCH") != ""
	if getenv(workerEnv) != "" {
		opt.PID = os.Getppid() // the lock names the command the administrator sees
	}
	if opt.Out == "" {
		opt.Out = "output"
	}
	if opt.Title == "" {
		opt.Title = markdown.DefaultTitle(opt.Lang)
	}
	if t := st.Template; templates.Builtin[t] != "" {
		if t != "default" {
			opt.TemplatePath = t // a built-in report, by its name
		}
	} else if t != "" {
		opt.TemplatePath = t
		if !set["template"] && cfg.Path != "" && !filepath.IsAbs(t) {
			// A template named in the configuration is found beside it.
			opt.TemplatePath = filepath.Join(filepath.Dir(cfg.Path), t)
		}
		if _, err := os.Stat(opt.TemplatePath); err != nil {
			return c, configError(set["template"], cfg, "template", fmt.Sprintf("no template file %s (the built-in templates are \"default\" or \"form-a\", the 2012–2016 form, and \"form-b\", the current form; coopreport templates DIR writes them out for editing)", opt.TemplatePath))
		}
	}
	// The template is checked before any input is read: an unknown
	// function, table or chart stops the run at once.
	if opt.Template, err = markdown.LoadIn(opt.TemplatePath, opt.Lang); err != nil {
		return c, err
	}
	c.strict = st.Strict
	return c, nil
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
