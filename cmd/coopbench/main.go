package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/xuri/excelize/v2"

	"coopreport/pipeline"
	"coopreport/pipeline/gen"
	"coopreport/pipeline/render/xlsx"
)

func main() {
	if err := Main(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "coopbench:", err)
		os.Exit(1)
	}
}

type options struct {
	rows         int
	dir          string
	kind         string
	workbookRows int
	seed         uint64

	// hidden: the child modes
	child string
	in    string
	out   string
}

// Main parses the flags and runs the measurements, or one child.
func Main(args []string, stdout, stderr io.Writer) error {
	var o options
	fs := flag.NewFlagSet("coopbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.rows, "rows", 0, "activities in the generated input folder; measures `coopreport run` on it (default 100000 when -workbook-rows is not given)")
	fs.StringVar(&o.dir, "dir", "", "generate the input folder here and keep it (default: a temporary folder, removed)")
	fs.StringVar(&o.kind, "kind", "csv", "input files to generate: csv or xlsx")
	fs.IntVar(&o.workbookRows, "workbook-rows", 0, "measure writing a workbook whose ledger has this many rows")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the generated data")
	fs.StringVar(&o.child, "child", "", "internal: run one measured step (baseline, workbook, excelize)")
	fs.StringVar(&o.in, "in", "", "internal: the child's input")
	fs.StringVar(&o.out, "out", "", "internal: the child's output file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if o.child != "" {
		return child(o, stdout)
	}
	if o.kind != "csv" && o.kind != "xlsx" {
		return fmt.Errorf("-kind %q: write csv or xlsx", o.kind)
	}
	if o.rows == 0 && o.workbookRows == 0 {
		o.rows = 100000
	}
	tmp, err := os.MkdirTemp("", "coopbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if o.rows > 0 {
		if err := benchRun(o, tmp, stdout); err != nil {
			return err
		}
	}
	if o.workbookRows > 0 {
		if err := benchWorkbook(o, tmp, stdout); err != nil {
			return err
		}
	}
	return nil
}

// measure is one child process: its wall time, its peak RSS (what
// getrusage reports for it), and what it printed on stdout.
type measure struct {
	name   string
	wall   time.Duration
	maxRSS int64 // bytes
	out    []byte
	report childReport
}

func runChild(name string, okCodes []int, argv ...string) (*measure, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code := ee.ExitCode()
		ok := false
		for _, c := range okCodes {
			ok = ok || c == code
		}
		if !ok {
			return nil, fmt.Errorf("%s: exit status %d: %s", name, code, tail(stderr.String()))
		}
	} else if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return nil, fmt.Errorf("%s: no resource usage on this system", name)
	}
	m := &measure{name: name, wall: wall, maxRSS: ru.Maxrss * 1024, out: []byte(stdout.String())} // Linux: KiB
	if len(m.out) > 0 && m.out[0] == '{' {
		if err := json.Unmarshal(m.out, &m.report); err != nil {
			return nil, fmt.Errorf("%s: %w in %q", name, err, m.out)
		}
	}
	return m, nil
}

func tail(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 2000 {
		s = "…" + s[len(s)-2000:]
	}
	return s
}

// benchRun generates an input folder and measures coopreport on it.
func benchRun(o options, tmp string, w io.Writer) error {
	dir := o.dir
	if dir == "" {
		dir = filepath.Join(tmp, "input")
	}
	if err := emptyDir(dir); err != nil {
		return err
	}
	start := time.Now()
	st, err := gen.Folder(dir, gen.Options{Format: gen.Format(o.kind), Activities: o.rows, Seed: o.seed})
	if err != nil {
		return err
	}
	var size int64
	for _, p := range st.Files {
		if fi, err := os.Stat(p); err == nil {
			size += fi.Size()
		}
	}
	fmt.Fprintf(w, "input: %s, %d activities (%d spoilt), %d agreements, %d rates, %d aliases, %s in %d files; generated in %s\n",
		dir, st.Activities, countLedger(st), st.Agreements, st.Rates, st.Aliases, mib(size), len(st.Files), time.Since(start).Round(time.Millisecond))

	bin := filepath.Join(tmp, "coopreport")
	start = time.Now()
	if out, err := exec.Command(goTool(), "build", "-o", bin, "coopreport/cmd/coopreport").CombinedOutput(); err != nil {
		return fmt.Errorf("building coopreport: %v\n%s", err, out)
	}
	fmt.Fprintf(w, "built %s in %s\n", bin, time.Since(start).Round(time.Millisecond))
	self, err := os.Executable()
	if err != nil {
		return err
	}
	flags := []string{"--input", dir, "--period", gen.Period, "--currency", gen.Currency, "--now", gen.Now.Format(time.RFC3339)}

	base, err := runChild("baseline", nil, self, "-child", "baseline", "-kind", o.kind, "-in", dir)
	if err != nil {
		return err
	}
	base.name = "baseline: read every cell (" + map[string]string{"csv": "encoding/csv", "xlsx": "excelize Rows"}[o.kind] + ")"
	validate, err := runChild("coopreport validate", []int{3}, append([]string{bin, "validate"}, flags...)...)
	if err != nil {
		return err
	}
	validate.name = "coopreport validate (read, check, aggregate)"
	out := filepath.Join(tmp, "output")
	full, err := runChild("coopreport run", nil, append([]string{bin, "run", "--out", out}, flags...)...)
	if err != nil {
		return err
	}
	full.name = "coopreport run (every output)"
	if !strings.Contains(string(validate.out), fmt.Sprintf("%d rejected", len(st.Rejects))) {
		fmt.Fprintf(w, "warning: validate did not report the %d spoilt rows: %s\n", len(st.Rejects), lastLine(validate.out))
	}
	fmt.Fprintf(w, "\n%d activities, %s input:\n", o.rows, o.kind)
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "step\twall\tµs/row\tpeak RSS\t× baseline wall\t× baseline RSS\t")
	for _, m := range []*measure{base, validate, full} {
		fmt.Fprintf(tw, "%s\t%s\t%.1f\t%s\t%.1f\t%.1f\t\n", m.name, m.wall.Round(time.Millisecond),
			float64(m.wall.Microseconds())/float64(o.rows), mib(m.maxRSS),
			m.wall.Seconds()/base.wall.Seconds(), float64(m.maxRSS)/float64(base.maxRSS))
	}
	tw.Flush()
	if entries, err := os.ReadDir(filepath.Join(out, gen.Period)); err == nil {
		var parts []string
		for _, e := range entries {
			if fi, err := e.Info(); err == nil {
				parts = append(parts, fmt.Sprintf("%s %s", e.Name(), mib(fi.Size())))
			}
		}
		fmt.Fprintf(w, "outputs: %s\n", strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)
	return nil
}

func countLedger(st *gen.Stats) int {
	n := 0
	for _, r := range st.Rejects {
		if filepath.Join(st.Dir, r.File) == st.Ledger {
			n++
		}
	}
	return n
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return lines[len(lines)-1]
}

// emptyDir makes dir, which must not exist or be empty: the folder is
// read whole, so anything else in it would be measured too.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("-dir %s is not empty: give a new or empty folder", dir)
	}
	return nil
}

func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join(runtime.GOROOT(), "bin", "go")
}

// benchWorkbook measures the workbook writer against excelize's own
// StreamWriter writing the same ledger, each in a child of its own.
func benchWorkbook(o options, tmp string, w io.Writer) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	n := strconv.Itoa(o.workbookRows)
	seed := strconv.FormatUint(o.seed, 10)
	base, err := runChild("excelize", nil, self, "-child", "excelize", "-workbook-rows", n, "-seed", seed, "-out", filepath.Join(tmp, "excelize.xlsx"))
	if err != nil {
		return err
	}
	base.name = "baseline: excelize StreamWriter, ledger only"
	ours, err := runChild("xlsx.Write", nil, self, "-child", "workbook", "-workbook-rows", n, "-seed", seed, "-out", filepath.Join(tmp, "ours.xlsx"))
	if err != nil {
		return err
	}
	ours.name = "xlsx.Write (whole workbook)"
	fmt.Fprintf(w, "workbook with a ledger of %d rows × %d columns (the report is built in memory first, the same in both):\n", o.workbookRows, len(ledgerHeader))
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "writer\tbuild report\twrite\tµs/row\tfile\tRSS at start of write\tpeak RSS during write\tpeak RSS (rusage)\t× write time\t× peak RSS\t")
	for _, m := range []*measure{base, ours} {
		c := m.report
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t%s\t%s\t%s\t%s\t%.2f\t%.2f\t\n", m.name,
			time.Duration(c.BuildNS).Round(time.Millisecond), time.Duration(c.WriteNS).Round(time.Millisecond),
			float64(c.WriteNS)/1e3/float64(o.workbookRows), mib(c.Bytes), mib(c.RSSBefore), mib(c.HWMWrite), mib(m.maxRSS),
			float64(c.WriteNS)/float64(base.report.WriteNS), float64(m.maxRSS)/float64(base.maxRSS))
	}
	tw.Flush()
	fmt.Fprintln(w)
	return nil
}

// childReport is what a child prints on stdout, as JSON.
type childReport struct {
	BuildNS   int64 `json:"build_ns"`
	WriteNS   int64 `json:"write_ns"`
	Rows      int   `json:"rows"`
	Bytes     int64 `json:"bytes"`
	RSSBefore int64 `json:"rss_before"` // VmRSS when the write starts
	HWMWrite  int64 `json:"hwm_write"`  // VmHWM reset at the start of the write: its peak
}

func child(o options, w io.Writer) error {
	switch o.child {
	case "baseline":
		return baseline(o, w)
	case "workbook", "excelize":
		return writeWorkbook(o, w)
	}
	return fmt.Errorf("unknown child mode %q", o.child)
}

// baseline reads every cell of every table of the input folder and does
// nothing with them: the floor of any reader.
func baseline(o options, w io.Writer) error {
	entries, err := os.ReadDir(o.in)
	if err != nil {
		return err
	}
	rows := 0
	for _, e := range entries {
		path := filepath.Join(o.in, e.Name())
		switch filepath.Ext(e.Name()) {
		case ".csv":
			n, err := readCSV(path)
			if err != nil {
				return fmt.Errorf("%s: %w", e.Name(), err)
			}
			rows += n
		case ".xlsx":
			n, err := readXLSX(path)
			if err != nil {
				return fmt.Errorf("%s: %w", e.Name(), err)
			}
			rows += n
		}
	}
	fmt.Fprintf(w, "%d rows\n", rows)
	return nil
}

func readCSV(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	}
	r := csv.NewReader(br)
	r.ReuseRecord = true
	r.FieldsPerRecord = -1
	first, _ := br.Peek(4096)
	if line, _, _ := strings.Cut(string(first), "\n"); strings.Count(line, ";") > strings.Count(line, ",") {
		r.Comma = ';'
	}
	n := 0
	for {
		if _, err := r.Read(); err == io.EOF {
			return n, nil
		} else if err != nil {
			return n, err
		}
		n++
	}
}

func readXLSX(path string) (int, error) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			return n, err
		}
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				return n, err
			}
			n++
		}
		if err := rows.Close(); err != nil {
			return n, err
		}
	}
	return n, nil
}

// writeWorkbook builds the report of o.workbookRows activities, then
// writes it with xlsx.Write ("workbook") or writes its ledger with a bare
// excelize StreamWriter ("excelize"), timing the write and measuring the
// RSS it adds.
func writeWorkbook(o options, w io.Writer) error {
	start := time.Now()
	r, err := gen.Report(o.workbookRows, o.seed)
	if err != nil {
		return err
	}
	rep := childReport{Rows: r.Ledger.Len(), BuildNS: int64(time.Since(start))}
	// Start the write from the live heap only, and measure its own peak.
	runtime.GC()
	debug.FreeOSMemory()
	rep.RSSBefore = procStatus("VmRSS")
	resetPeak()

	f, err := os.Create(o.out)
	if err != nil {
		return err
	}
	defer f.Close()
	start = time.Now()
	bw := bufio.NewWriterSize(f, 256<<10)
	if o.child == "workbook" {
		err = xlsx.Write(bw, r, xlsx.Options{})
	} else {
		err = bareLedger(bw, r)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		return err
	}
	rep.WriteNS = int64(time.Since(start))
	rep.HWMWrite = procStatus("VmHWM")
	if fi, err := f.Stat(); err == nil {
		rep.Bytes = fi.Size()
	}
	runtime.KeepAlive(r)
	return json.NewEncoder(w).Encode(rep)
}

// ledgerHeader is the header of the workbook's Activities sheet
// (pipeline/render/xlsx/registers.go) with the one extra column the
// generated report has.
var ledgerHeader = []string{"ID", "Date", "End", "Country code", "Country", "Region", "Agreement", "Measure", "Type",
	"Title", "Participants", "Amount", "Currency", "Rate", "Amount in reporting currency", "Conversion",
	"Funding", "Agency", "Notes", "Бюджет код", "Source file", "Source sheet", "Source row"}

// bareLedger writes r's ledger as excelize's documentation shows a
// StreamWriter used: the same rows and columns, the same cell types
// (dates as serial numbers with a date format, amounts as numbers with a
// money format, codes as text), and none of the rest of the workbook.
func bareLedger(w io.Writer, r *pipeline.Report) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Activities"); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("Activities")
	if err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	moneyStyle, err := f.NewStyle(&excelize.Style{NumFmt: 4})
	if err != nil {
		return err
	}
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	hs := make([]any, len(ledgerHeader))
	for i, h := range ledgerHeader {
		hs[i] = h
	}
	if err := sw.SetRow("A1", hs); err != nil {
		return err
	}
	str := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	code := func(s string) any {
		if s == "" {
			return nil
		}
		return excelize.Cell{StyleID: textStyle, Value: s}
	}
	date := func(d pipeline.Date) any {
		if d.IsZero() {
			return nil
		}
		return excelize.Cell{StyleID: dateStyle, Value: d.ExcelSerial()}
	}
	row := make([]any, len(ledgerHeader))
	acts := r.Ledger.(pipeline.Activities)
	for i := range acts {
		a := &acts[i]
		var amount, cur, rate, conv, note any
		if a.Amount != nil {
			amount = excelize.Cell{StyleID: moneyStyle, Value: a.Amount.Amount.Float64()}
			cur = code(a.Amount.Currency)
			if c, q, ok := r.Convert(a); ok {
				rate = q.Float64()
				conv = excelize.Cell{StyleID: moneyStyle, Value: c.Float64()}
			} else {
				note = "not converted: no rate for " + a.Amount.Currency + " on " + a.Date.String()
			}
		}
		var extra any
		if len(a.Extra) > 0 {
			extra = str(a.Extra[0].Value)
		}
		copy(row, []any{
			code(a.ID), date(a.Date), date(a.End), code(a.Country.Code), str(a.Country.Label()), str(a.Region),
			code(a.Agreement), code(a.Measure), str(string(a.Type)), str(a.Title), a.Participants,
			amount, cur, rate, conv, note, str(a.Funding), str(a.Agency), str(a.Notes), extra,
			str(a.Pos.File), str(a.Pos.Sheet), a.Pos.Row,
		})
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// procStatus returns a memory figure of /proc/self/status in bytes, or
// -1 where there is none.
func procStatus(key string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, key+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				return -1
			}
			return kb * 1024
		}
	}
	return -1
}

// resetPeak resets the process's peak RSS (VmHWM) to its current RSS
// (Linux: clear_refs 5), so that VmHWM then gives the peak of what follows.
func resetPeak() {
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

func mib(b int64) string {
	if b < 0 {
		return "?"
	}
	return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
}
