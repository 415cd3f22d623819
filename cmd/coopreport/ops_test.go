package main

// Tests of issue 5: runs an administrator can schedule, monitor and trust.
// Locks, killed and interrupted runs, exit statuses of a real command line,
// what a run says on stderr, relative periods across time zones,
// --if-changed, init, and the manifest's record of the run. Tests that need
// a process of their own (signals, locks, exit statuses) run the binary
// built once by opsBinary; the others call Main.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"coopreport/pipeline/run"
)

// opsNow is "today" for the runs that do not test "today" itself.
const opsNow = "2026-01-02"

// opsPeriod is the period of the generated inputs: all their activities
// fall in it.
const opsPeriod = "2025-12"

var (
	opsBinDir  string // the folder the binary is built into; TestMain removes it
	opsBinOnce sync.Once
	opsBinPath string
	opsBinErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if opsBinDir != "" {
		os.RemoveAll(opsBinDir)
	}
	removeLanguageRuns()
	os.Exit(code)
}

// opsBinary builds the command once per test run and returns its path.
func opsBinary(t *testing.T) string {
	t.Helper()
	opsBinOnce.Do(func() {
		if opsBinDir, opsBinErr = os.MkdirTemp("", "coopreport-ops-"); opsBinErr != nil {
			return
		}
		opsBinPath = filepath.Join(opsBinDir, "coopreport")
		out, err := exec.Command("go", "build", "-o", opsBinPath, "coopreport/cmd/coopreport").CombinedOutput()
		if err != nil {
			opsBinErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if opsBinErr != nil {
		t.Fatal(opsBinErr)
	}
	return opsBinPath
}

// opsCmd makes a command of the binary with an environment that holds
// only PATH, HOME and env (no SOURCE_DATE_EPOCH, no TZ unless env sets
// them); stdout and stderr are buffers, so neither is a terminal.
func opsCmd(t *testing.T, env map[string]string, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(opsBinary(t), args...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	return cmd, &stdout, &stderr
}

type opsResult struct {
	code           int
	stdout, stderr string
	took           time.Duration
}

// opsExec runs the binary to its end.
func opsExec(t *testing.T, env map[string]string, args ...string) opsResult {
	t.Helper()
	cmd, stdout, stderr := opsCmd(t, env, args...)
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return opsResult{cmd.ProcessState.ExitCode(), stdout.String(), stderr.String(), took}
}

// opsMain runs Main in this process with the environment env.
func opsMain(t *testing.T, env map[string]string, args ...string) opsResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	start := time.Now()
	code := Main(args, &stdout, &stderr, func(k string) string { return env[k] })
	return opsResult{code, stdout.String(), stderr.String(), time.Since(start)}
}

func (r opsResult) want(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit status %d, want %d\nstdout: %s\nstderr: %s", r.code, code, r.stdout, r.stderr)
	}
}

// opsActivities is an activities table of n rows, all in December 2025,
// all with Russia and in MNT; amount(i) gives row i's amount.
func opsActivities(n int, amount func(i int) string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"id", "date", "end", "country", "agreement", "measure", "type", "title", "participants", "amount", "currency", "funding", "agency", "notes"})
	for i := range n {
		w.Write([]string{fmt.Sprintf("AC-%06d", i), fmt.Sprintf("2025-12-%02d", i%28+1), "", "Russian Federation", "AG-001", "M1",
			"meeting", fmt.Sprintf("Working meeting number %d on the cultural programme", i), strconv.Itoa(i%50 + 1), amount(i), "MNT",
			"State budget", "Ministry of Culture", ""})
	}
	w.Flush()
	return b.String()
}

func opsAmount(i int) string { return fmt.Sprintf("%d.00", 1000+i) }

// opsInput makes an input folder: the example's agreements, measures,
// rates and aliases, and n generated activities (opsActivities).
func opsInput(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"agreements.csv", "measures.csv", "rates.csv", "aliases.csv"} {
		b, err := os.ReadFile(filepath.Join("../../input", name))
		if err != nil {
			t.Fatal(err)
		}
		opsWriteFile(t, filepath.Join(dir, name), b)
	}
	opsWriteFile(t, filepath.Join(dir, "activities.csv"), []byte(opsActivities(n, opsAmount)))
	return dir
}

func opsWriteFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// opsRunArgs are the arguments of a run of in into out for opsPeriod.
func opsRunArgs(in, out string, extra ...string) []string {
	return append([]string{"run", "--input", in, "--out", out, "--period", opsPeriod, "--now", opsNow}, extra...)
}

type opsFile struct {
	data  []byte
	mtime time.Time
}

// opsSnapshot reads every file under dir (mtimes too).
func opsSnapshot(t *testing.T, dir string) map[string]opsFile {
	t.Helper()
	snap := map[string]opsFile{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		snap[rel] = opsFile{b, info.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(snap) == 0 {
		t.Fatalf("%s holds no files", dir)
	}
	return snap
}

// opsSame reports how got differs from want; with mtimes, their
// modification times must be equal too.
func opsSame(t *testing.T, what string, got, want map[string]opsFile, mtimes bool) {
	t.Helper()
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s: %s is gone", what, name)
		case !bytes.Equal(g.data, w.data):
			t.Errorf("%s: %s changed", what, name)
		case mtimes && !g.mtime.Equal(w.mtime):
			t.Errorf("%s: %s was rewritten (mtime %s, was %s)", what, name, g.mtime, w.mtime)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s appeared", what, name)
		}
	}
}

// opsLeftovers lists the temporary folders of runs in out.
func opsLeftovers(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".coopreport-tmp-") || strings.HasPrefix(e.Name(), ".coopreport-old-") {
			left = append(left, e.Name())
		}
	}
	return left
}

type opsManifest struct {
	Made         string                           `json:"made"`
	Fingerprint  string                           `json:"fingerprint"`
	Config       string                           `json:"config"`
	Settings     map[string]any                   `json:"settings"`
	Period       struct{ Label, From, To string } `json:"period"`
	RowsRead     int                              `json:"rows_read"`
	RowsRejected int                              `json:"rows_rejected"`
	Inputs       []struct {
		File     string `json:"file"`
		SHA256   string `json:"sha256"`
		Read     int    `json:"rows_read"`
		Accepted int    `json:"rows_accepted"`
		Rejected int    `json:"rows_rejected"`
	} `json:"inputs"`
	Outputs []run.Output `json:"outputs"`
	raw     map[string]any
}

func opsReadManifest(t *testing.T, dir string) opsManifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, run.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	var m opsManifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s/manifest.json: %v", dir, err)
	}
	if err := json.Unmarshal(b, &m.raw); err != nil {
		t.Fatal(err)
	}
	return m
}

// opsWhole checks that dir holds exactly the outputs its manifest lists,
// each with the size and SHA-256 the manifest gives, and the manifest.
func opsWhole(t *testing.T, dir string) opsManifest {
	t.Helper()
	m := opsReadManifest(t, dir)
	want := []string{run.ManifestName}
	for _, o := range m.Outputs {
		want = append(want, o.Name)
		b, err := os.ReadFile(filepath.Join(dir, o.Name))
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if int64(len(b)) != o.Bytes || sha256Hex(b) != o.SHA256 {
			t.Errorf("%s: %d bytes, sha256 %s; the manifest says %d bytes, %s", o.Name, len(b), sha256Hex(b), o.Bytes, o.SHA256)
		}
	}
	// Ten outputs (eight, rows.csv and changes.csv), and the checked
	// copies of the inputs with problems.
	report := 0
	for _, o := range m.Outputs {
		if !strings.HasPrefix(o.Name, "checked/") {
			report++
		}
	}
	if report != 10 {
		t.Errorf("the manifest lists %d outputs besides the checked copies, want 10", report)
	}
	var got []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s holds %q, want %q", dir, got, want)
	}
	return m
}

// opsFinanceAmount is the amount of finance.csv's row for Russia in MNT.
func opsFinanceAmount(t *testing.T, dir string) string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "finance.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("finance.csv: %v (%d records)", err, len(recs))
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, r := range recs[1:] {
		if r[col["period"]] == opsPeriod && r[col["country_code"]] == "RU" && r[col["currency"]] == "MNT" {
			return r[col["amount"]]
		}
	}
	t.Fatalf("finance.csv has no row for %s, RU, MNT:\n%q", opsPeriod, recs)
	return ""
}

// opsHoldLock takes the lock of out as another run would, writing holder
// into it; the returned function releases it.
func opsHoldLock(t *testing.T, out, holder string) func() {
	t.Helper()
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	// The lock is on the folder; the file names the holder.
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	opsWriteFile(t, filepath.Join(out, run.LockName), []byte(holder))
	var once sync.Once
	release := func() {
		once.Do(func() {
			syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
			f.Close()
		})
	}
	t.Cleanup(release)
	return release
}

// TestOpsLockHeld: while another run holds the output folder, a run stops
// at once, or after --wait, with a message naming the holder, and writes
// nothing; it proceeds when the lock is released during its wait, and a
// lock file left by a dead run does not stop it.
func TestOpsLockHeld(t *testing.T) {
	in := opsInput(t, 12)
	const holder = "pid 4242 on ops-test-host since 2026-01-02T03:04:05Z\n"
	const wait = 800 * time.Millisecond

	t.Run("no --wait", func(t *testing.T) {
		out := t.TempDir()
		opsHoldLock(t, out, holder)
		r := opsExec(t, nil, opsRunArgs(in, out)...)
		r.want(t, ExitFailed)
		if r.took >= wait {
			t.Errorf("the run took %s to give up; without --wait it must stop at once", r.took)
		}
		for _, s := range []string{"another run is writing to this output folder", "held by pid 4242 on ops-test-host since 2026-01-02T03:04:05Z", "--wait"} {
			if !strings.Contains(r.stderr, s) {
				t.Errorf("stderr does not say %q:\n%s", s, r.stderr)
			}
		}
		if r.stdout != "" {
			t.Errorf("stdout: %q", r.stdout)
		}
		opsNothingWritten(t, out)
	})
	t.Run("--wait expires", func(t *testing.T) {
		out := t.TempDir()
		opsHoldLock(t, out, holder)
		r := opsExec(t, nil, opsRunArgs(in, out, "--wait", wait.String())...)
		r.want(t, ExitFailed)
		if r.took < wait || r.took > wait+2*time.Second {
			t.Errorf("the run gave up after %s; --wait %s", r.took, wait)
		}
		if !strings.Contains(r.stderr, "held by pid 4242 on ops-test-host") {
			t.Errorf("stderr does not name the holder:\n%s", r.stderr)
		}
		opsNothingWritten(t, out)
	})
	t.Run("--wait expires, json", func(t *testing.T) {
		out := t.TempDir()
		opsHoldLock(t, out, holder)
		r := opsExec(t, nil, opsRunArgs(in, out, "--wait", "300ms", "--log-format", "json")...)
		r.want(t, ExitFailed)
		lines := opsJSONLines(t, r.stderr)
		if len(lines) != 1 || lines[0]["level"] != "ERROR" || !strings.Contains(fmt.Sprint(lines[0]["error"]), "pid 4242 on ops-test-host") {
			t.Errorf("want one ERROR line naming the holder, got:\n%s", r.stderr)
		}
	})
	t.Run("lock released during --wait", func(t *testing.T) {
		out := t.TempDir()
		release := opsHoldLock(t, out, holder)
		const hold = 600 * time.Millisecond
		timer := time.AfterFunc(hold, release)
		defer timer.Stop()
		r := opsExec(t, nil, opsRunArgs(in, out, "--wait", "20s")...)
		r.want(t, ExitOK)
		if r.took < hold {
			t.Errorf("the run finished after %s, before the lock was released (%s)", r.took, hold)
		}
		if r.stderr != "" || r.stdout != "" {
			t.Errorf("a successful run said: stdout %q, stderr %q", r.stdout, r.stderr)
		}
		opsWhole(t, filepath.Join(out, opsPeriod))
	})
	t.Run("held by a run that has just started", func(t *testing.T) {
		out := t.TempDir()
		opsHoldLock(t, out, "")
		r := opsExec(t, nil, opsRunArgs(in, out)...)
		r.want(t, ExitFailed)
		if !strings.Contains(r.stderr, "held by a run that has just started") {
			t.Errorf("stderr:\n%s", r.stderr)
		}
	})
	t.Run("lock file of a dead run", func(t *testing.T) {
		out := t.TempDir()
		opsWriteFile(t, filepath.Join(out, run.LockName), []byte("pid 999999 on gone-host since 2025-01-01T00:00:00Z\n"))
		r := opsExec(t, nil, opsRunArgs(in, out)...)
		r.want(t, ExitOK)
		opsWhole(t, filepath.Join(out, opsPeriod))
	})
}

// TestOpsLockHolder: the lock file names the run that holds the folder:
// its pid, host, and when it started by the clock, even when --now pins
// "today" (the lock file is no output; a pinned time would tell an
// administrator the run has been going since that day).
func TestOpsLockHolder(t *testing.T) {
	big, out := opsInput(t, 3000), t.TempDir()
	cmd, _, stderr := opsCmd(t, nil, opsRunArgs(big, out)...)
	wait := opsStart(t, cmd)
	defer func() { cmd.Process.Kill(); wait() }()
	host, _ := os.Hostname()
	prefix := fmt.Sprintf("pid %d on %s since ", cmd.Process.Pid, host)
	var line string
	for deadline := time.Now().Add(10 * time.Second); !strings.HasPrefix(line, prefix); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the lock file never named the run (%q); stderr: %s", line, stderr)
		}
		b, _ := os.ReadFile(filepath.Join(out, run.LockName))
		line = string(b)
	}
	since, err := time.Parse(time.RFC3339, strings.TrimSpace(strings.TrimPrefix(line, prefix)))
	if err != nil {
		t.Fatalf("lock file %q: %v", line, err)
	}
	if d := time.Since(since); d < -time.Minute || d > time.Minute {
		t.Errorf("lock file %q: the run started %s ago by it; it started just now (--now %s must not date the lock)", line, d.Round(time.Second), opsNow)
	}
}

// opsNothingWritten checks that out holds nothing but the lock file.
func opsNothingWritten(t *testing.T, out string) {
	t.Helper()
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != run.LockName {
			t.Errorf("a run that did not start wrote %s", e.Name())
		}
	}
}

// opsJSONLines parses every line of s as a JSON object with a level and a
// msg.
func opsJSONLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if line == "" && s == "" {
			break
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Errorf("not a JSON line: %q: %v", line, err)
			continue
		}
		if _, ok := m["level"].(string); !ok {
			t.Errorf("no level: %s", line)
		}
		if msg, ok := m["msg"].(string); !ok || msg == "" {
			t.Errorf("no msg: %s", line)
		}
		lines = append(lines, m)
	}
	return lines
}

// TestOpsTwoRunsAtOnce: two real runs started together on one output
// folder. Without --wait one publishes and the other stops naming it; with
// --wait both publish, one after the other; the outputs are whole.
func TestOpsTwoRunsAtOnce(t *testing.T) {
	in := opsInput(t, 3000) // a run takes about a second
	for _, wait := range []bool{false, true} {
		t.Run(fmt.Sprintf("wait=%v", wait), func(t *testing.T) {
			out := t.TempDir()
			args := opsRunArgs(in, out)
			if wait {
				args = append(args, "--wait", "60s")
			}
			type proc struct {
				cmd            *exec.Cmd
				stdout, stderr *bytes.Buffer
			}
			var ps [2]proc
			for i := range ps {
				cmd, stdout, stderr := opsCmd(t, nil, args...)
				ps[i] = proc{cmd, stdout, stderr}
			}
			waits := []func(){opsStart(t, ps[0].cmd), opsStart(t, ps[1].cmd)}
			for _, wait := range waits {
				wait()
			}
			codes := []int{ps[0].cmd.ProcessState.ExitCode(), ps[1].cmd.ProcessState.ExitCode()}
			if wait {
				for i, p := range ps {
					if codes[i] != ExitOK || p.stderr.Len() != 0 || p.stdout.Len() != 0 {
						t.Errorf("run %d: exit %d, stdout %q, stderr %q; with --wait both runs succeed, silently", i, codes[i], p.stdout, p.stderr)
					}
				}
			} else {
				won, lost := 0, 1
				if codes[0] != ExitOK {
					won, lost = 1, 0
				}
				if codes[won] != ExitOK || codes[lost] != ExitFailed {
					t.Fatalf("exit statuses %v, want one 0 and one 1\nstderr 0: %s\nstderr 1: %s", codes, ps[0].stderr, ps[1].stderr)
				}
				msg := ps[lost].stderr.String()
				if !strings.Contains(msg, "another run is writing to this output folder") {
					t.Errorf("the run that lost says:\n%s", msg)
				}
				// The holder is named, unless the loser read the lock file
				// in the instant between the winner's lock and its line.
				named := fmt.Sprintf("held by pid %d on ", ps[won].cmd.Process.Pid)
				if !strings.Contains(msg, named) && !strings.Contains(msg, "held by a run that has just started") {
					t.Errorf("the message does not name the run that holds the folder (%q):\n%s", named, msg)
				}
			}
			m := opsWhole(t, filepath.Join(out, opsPeriod))
			if m.RowsRead != 3000+30+1+25+3 {
				t.Errorf("manifest: %d rows read", m.RowsRead)
			}
			if left := opsLeftovers(t, out); len(left) > 0 {
				t.Errorf("left behind: %q", left)
			}
		})
	}
}

// opsStartWriting starts a run of the binary on a large input into out,
// and returns once its temporary folder has appeared in out: it is
// writing its outputs. wait waits for the run to end.
func opsStartWriting(t *testing.T, big, out string) (cmd *exec.Cmd, stderr *bytes.Buffer, wait func()) {
	t.Helper()
	cmd, _, stderr = opsCmd(t, nil, opsRunArgs(big, out)...)
	wait = opsStart(t, cmd)
	deadline := time.Now().Add(20 * time.Second)
	for {
		// An output in the temporary folder: the writers have begun.
		if m, _ := filepath.Glob(filepath.Join(out, ".coopreport-tmp-*", "*.csv")); len(m) > 0 {
			return cmd, stderr, wait
		}
		if opsEnded(cmd) || time.Now().After(deadline) {
			cmd.Process.Kill()
			wait()
			t.Fatalf("no temporary folder appeared in %s; the run: %v, stderr: %s", out, cmd.ProcessState, stderr)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// opsDone holds, for each command started by opsStart, a channel closed
// when it has ended.
var opsDone sync.Map

// opsEnded reports whether cmd, started by opsStart, has ended.
func opsEnded(cmd *exec.Cmd) bool {
	done, _ := opsDone.Load(cmd)
	select {
	case <-done.(chan struct{}):
		return true
	default:
		return false
	}
}

// opsStart starts cmd; the returned function waits for it to end (and
// may be called again).
func opsStart(t *testing.T, cmd *exec.Cmd) (wait func()) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	opsDone.Store(cmd, done)
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		select {
		case <-done:
		default:
			cmd.Process.Kill()
			<-done
		}
	})
	return func() { <-done }
}

// opsWaitSignaled waits for cmd and checks that sig ended it.
func opsWaitSignaled(t *testing.T, cmd *exec.Cmd, wait func(), sig syscall.Signal) {
	t.Helper()
	wait()
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != sig {
		t.Fatalf("the run ended with %s, not killed by %s (it finished before the kill?)", cmd.ProcessState, sig)
	}
}

// TestOpsKilledRun: a run killed with SIGKILL while it writes leaves the
// previous outputs exactly as they were; the next run cleans up what it
// left and publishes.
func TestOpsKilledRun(t *testing.T) {
	in, big, out := opsInput(t, 20), opsInput(t, 3000), t.TempDir()
	opsMain(t, nil, opsRunArgs(in, out)...).want(t, ExitOK)
	dir := filepath.Join(out, opsPeriod)
	before := opsSnapshot(t, dir)
	wantAmount := fmt.Sprintf("%d.00", 20*1000+19*20/2)
	if got := opsFinanceAmount(t, dir); got != wantAmount {
		t.Fatalf("finance.csv: amount %s, want %s", got, wantAmount)
	}

	cmd, _, wait := opsStartWriting(t, big, out)
	cmd.Process.Signal(syscall.SIGKILL)
	opsWaitSignaled(t, cmd, wait, syscall.SIGKILL)

	opsSame(t, "after the killed run", opsSnapshot(t, dir), before, true)
	left := opsLeftovers(t, out)
	if len(left) != 1 || !strings.HasPrefix(left[0], ".coopreport-tmp-") {
		t.Errorf("the killed run left %q, want its temporary folder", left)
	}

	// The next run takes over the lock the killed run held (no --wait),
	// removes its folder and publishes.
	opsWriteFile(t, filepath.Join(in, "activities.csv"), []byte(opsActivities(20, func(i int) string {
		if i == 7 {
			return "2007.50"
		}
		return opsAmount(i)
	})))
	r := opsMain(t, nil, opsRunArgs(in, out)...)
	r.want(t, ExitOK)
	if left := opsLeftovers(t, out); len(left) > 0 {
		t.Errorf("the next run left %q", left)
	}
	opsWhole(t, dir)
	if got, want := opsFinanceAmount(t, dir), fmt.Sprintf("%d.50", 20*1000+19*20/2+1000); got != want {
		t.Errorf("finance.csv after the next run: amount %s, want %s", got, want)
	}
}

// TestOpsCrashBetweenRenames: publishing moves the old outputs aside and
// the new ones in. A run killed between the two renames leaves the old
// outputs aside and none in place: the next run puts them back before
// anything else, so they are never lost, even when that run fails.
func TestOpsCrashBetweenRenames(t *testing.T) {
	in := opsInput(t, 20)
	good := t.TempDir()
	opsMain(t, nil, opsRunArgs(in, good)...).want(t, ExitOK)
	published := opsSnapshot(t, filepath.Join(good, opsPeriod))

	// crash places the published outputs as a run killed at some point of
	// publishing leaves them.
	copyTo := func(t *testing.T, dir string) {
		t.Helper()
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, f := range published {
			opsWriteFile(t, filepath.Join(dir, name), f.data)
		}
	}
	aside := ".coopreport-old-" + opsPeriod

	t.Run("aside, then --if-changed finds them unchanged", func(t *testing.T) {
		out := t.TempDir()
		copyTo(t, filepath.Join(out, aside))
		r := opsMain(t, nil, opsRunArgs(in, out, "--if-changed", "-v")...)
		r.want(t, ExitOK)
		if !strings.Contains(r.stderr, "skipped") {
			t.Errorf("the outputs put back were not recognised as unchanged; stderr:\n%s", r.stderr)
		}
		opsSame(t, "put back", opsSnapshot(t, filepath.Join(out, opsPeriod)), published, false)
		if left := opsLeftovers(t, out); len(left) > 0 {
			t.Errorf("left behind: %q", left)
		}
	})
	t.Run("aside, then a failed run", func(t *testing.T) {
		out, bad := t.TempDir(), opsInput(t, 20)
		opsWriteFile(t, filepath.Join(bad, "more activities.xlsx"), []byte("this is not a workbook"))
		copyTo(t, filepath.Join(out, aside))
		opsMain(t, nil, opsRunArgs(bad, out)...).want(t, ExitFailed)
		opsSame(t, "after a failed run", opsSnapshot(t, filepath.Join(out, opsPeriod)), published, false)
	})
	t.Run("aside, then a run replaces them", func(t *testing.T) {
		out, changed := t.TempDir(), opsInput(t, 21)
		copyTo(t, filepath.Join(out, aside))
		opsMain(t, nil, opsRunArgs(changed, out)...).want(t, ExitOK)
		m := opsWhole(t, filepath.Join(out, opsPeriod))
		if m.RowsRead != 21+30+1+25+3 {
			t.Errorf("the new outputs read %d rows", m.RowsRead)
		}
		if left := opsLeftovers(t, out); len(left) > 0 {
			t.Errorf("left behind: %q", left)
		}
	})
	t.Run("both in place and aside", func(t *testing.T) {
		// Killed after the second rename, before the old outputs were
		// removed: the ones in place are the new ones, and stay.
		out := t.TempDir()
		copyTo(t, filepath.Join(out, opsPeriod))
		copyTo(t, filepath.Join(out, aside))
		opsWriteFile(t, filepath.Join(out, aside, "summary.csv"), []byte("stale\n"))
		r := opsMain(t, nil, opsRunArgs(in, out, "--if-changed", "-v")...)
		r.want(t, ExitOK)
		opsSame(t, "in place", opsSnapshot(t, filepath.Join(out, opsPeriod)), published, false)
		if left := opsLeftovers(t, out); len(left) > 0 {
			t.Errorf("left behind: %q", left)
		}
	})
	t.Run("partial temporary folders", func(t *testing.T) {
		out := t.TempDir()
		copyTo(t, filepath.Join(out, opsPeriod))
		for _, name := range []string{".coopreport-tmp-123", ".coopreport-tmp-abc/sub"} {
			os.MkdirAll(filepath.Join(out, name), 0o700)
			opsWriteFile(t, filepath.Join(out, name, "summary.csv"), []byte("half"))
		}
		opsMain(t, nil, opsRunArgs(in, out)...).want(t, ExitOK)
		if left := opsLeftovers(t, out); len(left) > 0 {
			t.Errorf("left behind: %q", left)
		}
		opsWhole(t, filepath.Join(out, opsPeriod))
	})
}

// TestOpsInterrupted: SIGTERM or SIGINT stops a run with status 1 and a
// message; the previous outputs stay as they were, and the run removes
// its temporary folder.
func TestOpsInterrupted(t *testing.T) {
	// Large enough that reading takes seconds and writing longer: a run
	// must answer inside its loops, not between files.
	in, big := opsInput(t, 20), opsInput(t, 300000)
	tests := []struct {
		name string
		sig  syscall.Signal
		when string // "reading": once the run holds the lock; "writing": once its temporary folder is there
	}{
		{"SIGTERM while writing", syscall.SIGTERM, "writing"},
		{"SIGINT while writing", syscall.SIGINT, "writing"},
		{"SIGTERM while reading", syscall.SIGTERM, "reading"},
		{"SIGTERM while waiting for the lock", syscall.SIGTERM, "waiting"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			opsMain(t, nil, opsRunArgs(in, out)...).want(t, ExitOK)
			dir := filepath.Join(out, opsPeriod)
			before := opsSnapshot(t, dir)

			var cmd *exec.Cmd
			var stderr *bytes.Buffer
			var wait func()
			switch tt.when {
			case "writing":
				cmd, stderr, wait = opsStartWriting(t, big, out)
			case "waiting":
				release := opsHoldLock(t, out, "pid 4242 on ops-test-host since 2026-01-02T03:04:05Z\n")
				defer release()
				cmd, _, stderr = opsCmd(t, nil, opsRunArgs(big, out, "--wait", "1m")...)
				wait = opsStart(t, cmd)
				time.Sleep(300 * time.Millisecond) // in its wait by then
			default:
				cmd, _, stderr = opsCmd(t, nil, opsRunArgs(big, out)...)
				wait = opsStart(t, cmd)
				// The run writes its pid into the lock file once it holds
				// the lock, after it has set up its signal handlers.
				holder := fmt.Sprintf("pid %d on ", cmd.Process.Pid)
				for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
					if b, _ := os.ReadFile(filepath.Join(out, run.LockName)); strings.HasPrefix(string(b), holder) {
						break
					}
					if time.Now().After(deadline) {
						t.Fatal("the run never took the lock")
					}
				}
				time.Sleep(300 * time.Millisecond) // inside the ledger by then
			}
			cmd.Process.Signal(tt.sig)
			signalled := time.Now()
			wait()
			// systemctl stop waits 90 s, then kills; a run answers at once.
			if took := time.Since(signalled); took > time.Second {
				t.Errorf("the run took %v to stop, want at most a second", took)
			}
			if code := cmd.ProcessState.ExitCode(); code != ExitFailed {
				t.Fatalf("exit %d (%s), want 1; stderr: %s", code, cmd.ProcessState, stderr)
			}
			if !strings.Contains(stderr.String(), "interrupted") || !strings.Contains(stderr.String(), "left as they were") {
				t.Errorf("stderr:\n%s", stderr)
			}
			opsSame(t, "after the interrupted run", opsSnapshot(t, dir), before, true)
			if left := opsLeftovers(t, out); len(left) > 0 {
				t.Errorf("the interrupted run left %q", left)
			}
		})
	}
}

// TestOpsExitStatus: each exit status from a real command line, and what
// the command says on stdout and stderr (neither a terminal): nothing on
// success, a summary with -v, one paragraph on failure, JSON lines with
// --log-format json.
func TestOpsExitStatus(t *testing.T) {
	bad := opsInput(t, 5)
	opsWriteFile(t, filepath.Join(bad, "more activities.xlsx"), []byte("PK\x03\x04 not really a workbook"))
	rejects := opsInput(t, 5)
	acts := opsActivities(5, opsAmount)
	acts = strings.Replace(acts, "AC-000003,2025-12-04", "AC-000003,2025-13-45", 1)
	opsWriteFile(t, filepath.Join(rejects, "activities.csv"), []byte(acts))

	t.Run("0: the example input, silent", func(t *testing.T) {
		out := t.TempDir()
		r := opsExec(t, nil, "run", "--input", "../../input", "--out", out, "--now", opsNow)
		r.want(t, ExitOK)
		if r.stdout != "" || r.stderr != "" {
			t.Errorf("a successful run not on a terminal said: stdout %q, stderr %q", r.stdout, r.stderr)
		}
		opsWhole(t, filepath.Join(out, "2012..2015"))
	})
	t.Run("0: -v summary", func(t *testing.T) {
		out := t.TempDir()
		r := opsExec(t, nil, "run", "--input", "../../input", "--out", out, "--now", opsNow, "-v")
		r.want(t, ExitOK)
		if r.stdout != "" {
			t.Errorf("stdout: %q", r.stdout)
		}
		dir := filepath.Join(out, "2012..2015")
		m := opsWhole(t, dir)
		if !strings.Contains(r.stderr, "period 2012..2015 (2012-01-01 to 2015-12-31)") {
			t.Errorf("the summary does not name the period:\n%s", r.stderr)
		}
		if len(m.Inputs) != 5 {
			t.Errorf("manifest: %d inputs", len(m.Inputs))
		}
		for _, in := range m.Inputs {
			re := regexp.MustCompile(`(?m)^  read ` + regexp.QuoteMeta(in.File) + ` +` + strconv.Itoa(in.Read) + ` rows: +` +
				strconv.Itoa(in.Accepted) + ` accepted, +` + strconv.Itoa(in.Rejected) + ` rejected$`)
			if !re.MatchString(r.stderr) {
				t.Errorf("the summary has no line %s for %s:\n%s", re, in.File, r.stderr)
			}
		}
		for _, o := range m.Outputs {
			line := fmt.Sprintf("  wrote %s (%d bytes)\n", filepath.Join(dir, o.Name), o.Bytes)
			if !strings.Contains(r.stderr, line) {
				t.Errorf("the summary lacks %q:\n%s", line, r.stderr)
			}
		}
		if !regexp.MustCompile(`(?m)^  done in [0-9.]+m?s$`).MatchString(r.stderr) {
			t.Errorf("the summary does not give the time taken:\n%s", r.stderr)
		}
	})
	t.Run("0: -v json", func(t *testing.T) {
		out := t.TempDir()
		r := opsExec(t, nil, "run", "--input", "../../input", "--out", out, "--now", opsNow, "-v", "--log-format", "json")
		r.want(t, ExitOK)
		lines := opsJSONLines(t, r.stderr)
		var inputs, outputs int
		finished := false
		for _, l := range lines {
			switch l["msg"] {
			case "input read":
				inputs++
				if _, ok := l["rows_rejected"].(float64); !ok {
					t.Errorf("no rows_rejected: %v", l)
				}
			case "output written":
				outputs++
			case "run finished":
				finished = l["period"] == "2012..2015"
			}
		}
		if inputs != 5 || outputs != 10 || !finished {
			t.Errorf("%d input lines, %d output lines, finished with the period %v:\n%s", inputs, outputs, finished, r.stderr)
		}
	})
	t.Run("0: json, not verbose: silent", func(t *testing.T) {
		r := opsExec(t, nil, "run", "--input", "../../input", "--out", t.TempDir(), "--now", opsNow, "--log-format", "json")
		r.want(t, ExitOK)
		if r.stdout != "" || r.stderr != "" {
			t.Errorf("stdout %q, stderr %q", r.stdout, r.stderr)
		}
	})
	t.Run("1: an unreadable file", func(t *testing.T) {
		out := t.TempDir()
		r := opsExec(t, nil, opsRunArgs(bad, out)...)
		r.want(t, ExitFailed)
		if r.stdout != "" {
			t.Errorf("stdout: %q", r.stdout)
		}
		para := strings.TrimSuffix(r.stderr, "\n")
		if para == "" || strings.Contains(para, "\n\n") || strings.Count(para, "\n") > 2 || !strings.HasSuffix(r.stderr, ".\n") {
			t.Errorf("stderr is not one paragraph:\n%q", r.stderr)
		}
		for _, s := range []string{"coopreport run: the run failed: ", "more activities.xlsx", "not an .xlsx workbook", "Fix or remove that file in " + bad, "The outputs in " + out + " were left as they were."} {
			if !strings.Contains(r.stderr, s) {
				t.Errorf("stderr does not say %q:\n%s", s, r.stderr)
			}
		}
		if _, err := os.Stat(filepath.Join(out, opsPeriod)); err == nil {
			t.Error("a failed run published outputs")
		}
		if left := opsLeftovers(t, out); len(left) > 0 {
			t.Errorf("the failed run left %q", left)
		}
	})
	t.Run("1: an unreadable file, json", func(t *testing.T) {
		r := opsExec(t, nil, opsRunArgs(bad, t.TempDir(), "--log-format", "json")...)
		r.want(t, ExitFailed)
		lines := opsJSONLines(t, r.stderr)
		if len(lines) != 1 {
			t.Fatalf("%d lines:\n%s", len(lines), r.stderr)
		}
		l := lines[0]
		if l["level"] != "ERROR" || l["file"] != "more activities.xlsx" || !strings.Contains(fmt.Sprint(l["error"]), "not an .xlsx workbook") ||
			!strings.Contains(fmt.Sprint(l["action"]), "Fix or remove that file") {
			t.Errorf("the failure line: %v", l)
		}
	})
	t.Run("1: a bad configuration", func(t *testing.T) {
		in := opsInput(t, 5)
		opsWriteFile(t, filepath.Join(in, "coopreport.toml"), []byte("timezone = \"Mars/Olympus\"\n"))
		r := opsExec(t, nil, opsRunArgs(in, t.TempDir())...)
		r.want(t, ExitFailed)
		for _, s := range []string{filepath.Join(in, "coopreport.toml"), `"timezone"`, "Mars/Olympus"} {
			if !strings.Contains(r.stderr, s) {
				t.Errorf("stderr does not say %q:\n%s", s, r.stderr)
			}
		}
	})
	t.Run("2: a bad flag", func(t *testing.T) {
		out := t.TempDir()
		r := opsExec(t, nil, opsRunArgs(opsInput(t, 5), out, "--bogus")...)
		r.want(t, ExitUsage)
		if r.stdout != "" || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "-bogus") {
			t.Errorf("stdout %q, stderr %q: want one line naming the flag", r.stdout, r.stderr)
		}
		if entries, _ := os.ReadDir(out); len(entries) > 0 {
			t.Errorf("a bad command line wrote into the output folder: %v", entries)
		}
	})
	t.Run("2: a bad --now", func(t *testing.T) {
		r := opsExec(t, nil, "run", "--input", "../../input", "--out", t.TempDir(), "--now", "yesterday")
		r.want(t, ExitUsage)
	})
	t.Run("3: --strict and a bad row", func(t *testing.T) {
		out := t.TempDir()
		r := opsExec(t, nil, opsRunArgs(rejects, out, "--strict")...)
		r.want(t, ExitRejected)
		dir := filepath.Join(out, opsPeriod)
		m := opsWhole(t, dir)
		if m.RowsRejected != 1 {
			t.Errorf("manifest: %d rows rejected, want 1", m.RowsRejected)
		}
		if !strings.Contains(r.stderr, "1 of 64 rows read were rejected") || !strings.Contains(r.stderr, filepath.Join(dir, "rejects.csv")) {
			t.Errorf("stderr:\n%s", r.stderr)
		}
	})
	t.Run("0: a bad row without --strict", func(t *testing.T) {
		r := opsExec(t, nil, opsRunArgs(rejects, t.TempDir())...)
		r.want(t, ExitOK)
	})
	t.Run("3: validate and a bad row", func(t *testing.T) {
		r := opsExec(t, nil, "validate", "--input", rejects, "--now", opsNow)
		r.want(t, ExitRejected)
		if !strings.Contains(r.stdout, "AC-000003") && !strings.Contains(r.stdout, "2025-13-45") {
			t.Errorf("validate does not show the bad row:\n%s", r.stdout)
		}
	})
}

// TestOpsRelativePeriods: relative periods resolve in the configured time
// zone (else the machine's) against --now, else SOURCE_DATE_EPOCH; the
// folder gets the resolved label.
func TestOpsRelativePeriods(t *testing.T) {
	in := opsInput(t, 3)
	// The same instant: 00:30 on 1 January 2026 in Ulaanbaatar (UTC+8) is
	// still 31 December 2025 in UTC.
	instant := time.Date(2025, 12, 31, 16, 30, 0, 0, time.UTC)
	epoch := strconv.FormatInt(instant.Unix(), 10)
	const (
		ub  = "Asia/Ulaanbaatar"
		utc = "UTC"
	)
	tests := []struct {
		tz, period, now, epoch string
		want, from, to, made   string
	}{
		{ub, "previous-month", "2026-01-01T00:30", "", "2025-12", "2025-12-01", "2025-12-31", "2025-12-31T16:30:00Z"},
		{ub, "previous-month", "2025-12-31T16:30:00Z", "", "2025-12", "2025-12-01", "2025-12-31", "2025-12-31T16:30:00Z"},
		{ub, "previous-month", "2026-01-01T00:30:00+08:00", "", "2025-12", "2025-12-01", "2025-12-31", "2025-12-31T16:30:00Z"},
		{utc, "previous-month", "2025-12-31T16:30:00Z", "", "2025-11", "2025-11-01", "2025-11-30", "2025-12-31T16:30:00Z"},
		{utc, "previous-month", "2026-01-01T00:30", "", "2025-12", "2025-12-01", "2025-12-31", "2026-01-01T00:30:00Z"},
		{ub, "previous-quarter", "2026-01-01T00:30", "", "2025-Q4", "2025-10-01", "2025-12-31", "2025-12-31T16:30:00Z"},
		{utc, "previous-quarter", "2025-12-31T16:30:00Z", "", "2025-Q3", "2025-07-01", "2025-09-30", "2025-12-31T16:30:00Z"},
		{ub, "previous-year", "2026-01-01T00:30", "", "2025", "2025-01-01", "2025-12-31", "2025-12-31T16:30:00Z"},
		{utc, "previous-year", "2025-12-31T16:30:00Z", "", "2024", "2024-01-01", "2024-12-31", "2025-12-31T16:30:00Z"},
		{ub, "current-month", "2025-12-31T16:30:00Z", "", "2026-01", "2026-01-01", "2026-01-31", "2025-12-31T16:30:00Z"},
		{utc, "current-year", "2025-12-31T16:30:00Z", "", "2025", "2025-01-01", "2025-12-31", "2025-12-31T16:30:00Z"},
		{ub, "previous-month", "2025-03-01", "", "2025-02", "2025-02-01", "2025-02-28", "2025-02-28T16:00:00Z"},
		// SOURCE_DATE_EPOCH when --now is absent; --now wins over it.
		{ub, "previous-month", "", epoch, "2025-12", "2025-12-01", "2025-12-31", "2025-12-31T16:30:00Z"},
		{utc, "previous-month", "", epoch, "2025-11", "2025-11-01", "2025-11-30", "2025-12-31T16:30:00Z"},
		{ub, "previous-year", "", epoch, "2025", "2025-01-01", "2025-12-31", "2025-12-31T16:30:00Z"},
		{ub, "previous-month", "2025-06-15", epoch, "2025-05", "2025-05-01", "2025-05-31", "2025-06-14T16:00:00Z"},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s %s now=%s epoch=%s", tt.tz, tt.period, tt.now, tt.epoch)
		t.Run(name, func(t *testing.T) {
			cfg := filepath.Join(t.TempDir(), "coopreport.toml")
			opsWriteFile(t, cfg, []byte(fmt.Sprintf("timezone = %q\n", tt.tz)))
			out := t.TempDir()
			args := []string{"run", "--input", in, "--out", out, "--config", cfg, "--period", tt.period}
			if tt.now != "" {
				args = append(args, "--now", tt.now)
			}
			opsMain(t, map[string]string{"SOURCE_DATE_EPOCH": tt.epoch}, args...).want(t, ExitOK)
			opsOnlyFolder(t, out, tt.want)
			m := opsReadManifest(t, filepath.Join(out, tt.want))
			if m.Period.Label != tt.want || m.Period.From != tt.from || m.Period.To != tt.to {
				t.Errorf("manifest period %+v, want %s from %s to %s", m.Period, tt.want, tt.from, tt.to)
			}
			if m.Made != tt.made {
				t.Errorf("manifest made %s, want %s", m.Made, tt.made)
			}
		})
	}

	// The machine's zone (TZ) never counts: the configured zone, else
	// UTC, so that every machine makes the same report. A real process,
	// so that TZ is its own.
	machine := []struct {
		env       string // TZ
		config    string
		now, want string
	}{
		{"America/New_York", "timezone = \"Asia/Ulaanbaatar\"\n", "2026-01-01T00:30", "2025-12"},
		{"America/New_York", "timezone = \"Asia/Ulaanbaatar\"\n", "2025-12-31T16:30:00Z", "2025-12"},
		{"Pacific/Kiritimati", "", "2025-12-31T12:00:00Z", "2025-11"}, // UTC+14 there, but UTC counts: 31 December
		{"UTC", "", "2025-12-31T12:00:00Z", "2025-11"},
		{"America/New_York", "", "2026-01-01T03:00:00Z", "2025-12"}, // 22:00 on 31 December there, 1 January in UTC
	}
	for _, tt := range machine {
		zone := "no zone configured"
		if tt.config != "" {
			zone = "configured zone"
		}
		t.Run(fmt.Sprintf("TZ=%s %s now=%s", tt.env, zone, tt.now), func(t *testing.T) {
			cfg := filepath.Join(t.TempDir(), "coopreport.toml")
			opsWriteFile(t, cfg, []byte(tt.config))
			out := t.TempDir()
			r := opsExec(t, map[string]string{"TZ": tt.env}, "run", "--input", in, "--out", out, "--config", cfg, "--period", "previous-month", "--now", tt.now)
			r.want(t, ExitOK)
			opsOnlyFolder(t, out, tt.want)
		})
	}
}

// opsOnlyFolder checks that out holds the folder label and no other (but
// for the lock file).
func opsOnlyFolder(t *testing.T, out, label string) {
	t.Helper()
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		if e.Name() != run.LockName {
			got = append(got, e.Name())
		}
	}
	if len(got) != 1 || got[0] != label {
		t.Errorf("%s holds %q, want only %s/", out, got, label)
	}
}

// TestOpsIfChanged: --if-changed skips a run whose inputs, configuration,
// template, settings and version match the published manifest, touching
// nothing; any change makes it run.
func TestOpsIfChanged(t *testing.T) {
	in, out := opsInput(t, 20), t.TempDir()
	cfg := filepath.Join(in, "coopreport.toml")
	opsWriteFile(t, cfg, []byte("currency = \"MNT\"\ntimezone = \"Asia/Ulaanbaatar\"\n"))
	dir := filepath.Join(out, opsPeriod)
	sum := 20*1000 + 19*20/2

	opsMain(t, nil, opsRunArgs(in, out)...).want(t, ExitOK)
	first := opsSnapshot(t, dir)
	fp := opsReadManifest(t, dir).Fingerprint

	skips := func(t *testing.T, why string, extra ...string) {
		t.Helper()
		snap := opsSnapshot(t, dir)
		r := opsMain(t, nil, opsRunArgs(in, out, append([]string{"--if-changed", "-v"}, extra...)...)...)
		r.want(t, ExitOK)
		if !strings.Contains(r.stderr, "nothing changed since the outputs in "+dir+" were made") || !strings.Contains(r.stderr, "skipped") {
			t.Errorf("%s: -v does not say the run was skipped:\n%s", why, r.stderr)
		}
		opsSame(t, why, opsSnapshot(t, dir), snap, true)
	}
	// runs checks that a run is made, and silent; or, when restated is
	// set, that it says it restated the closed month.
	runs := func(t *testing.T, why string, extra ...string) opsManifest {
		t.Helper()
		restated := false
		if len(extra) > 0 && extra[0] == "restated" {
			restated, extra = true, extra[1:]
		}
		r := opsMain(t, nil, opsRunArgs(in, out, append([]string{"--if-changed"}, extra...)...)...)
		r.want(t, ExitOK)
		if said := strings.Contains(r.stderr, "restated: the published figures of "+opsPeriod); restated != said || !restated && r.stderr != "" {
			t.Errorf("%s: stderr %q", why, r.stderr)
		}
		return opsWhole(t, dir)
	}

	t.Run("nothing changed", func(t *testing.T) {
		skips(t, "nothing changed")
		opsSame(t, "since the first run", opsSnapshot(t, dir), first, true)
		// Silent without -v, and another --now is no change of the inputs.
		r := opsMain(t, nil, "run", "--input", in, "--out", out, "--period", opsPeriod, "--now", "2026-02-03", "--if-changed")
		r.want(t, ExitOK)
		if r.stderr != "" || r.stdout != "" {
			t.Errorf("a skipped run said: stdout %q, stderr %q", r.stdout, r.stderr)
		}
		opsSame(t, "since the first run", opsSnapshot(t, dir), first, true)
	})
	t.Run("rewritten with the same bytes", func(t *testing.T) {
		b, _ := os.ReadFile(filepath.Join(in, "activities.csv"))
		opsWriteFile(t, filepath.Join(in, "activities.csv"), b)
		skips(t, "same bytes")
	})
	t.Run("one cell changed", func(t *testing.T) {
		opsWriteFile(t, filepath.Join(in, "activities.csv"), []byte(opsActivities(20, func(i int) string {
			if i == 11 {
				return "1011.25"
			}
			return opsAmount(i)
		})))
		// A month that had ended when it was published: a restatement.
		m := runs(t, "one cell changed", "restated")
		if m.Fingerprint == fp {
			t.Error("the fingerprint did not change")
		}
		if got, want := opsFinanceAmount(t, dir), fmt.Sprintf("%d.25", sum); got != want {
			t.Errorf("finance.csv: amount %s, want %s", got, want)
		}
		skips(t, "after the change")
	})
	t.Run("configuration changed", func(t *testing.T) {
		opsWriteFile(t, cfg, []byte("currency = \"USD\"\ntimezone = \"Asia/Ulaanbaatar\"\n"))
		m := runs(t, "another currency")
		if m.Settings["currency"] != "USD" || m.raw["reporting_currency"] != "USD" {
			t.Errorf("manifest: settings %v, reporting currency %v", m.Settings, m.raw["reporting_currency"])
		}
		skips(t, "after the change")
		// A comment is a change of the file too: it runs (the fingerprint
		// hashes the file's bytes).
		opsWriteFile(t, cfg, []byte("# monthly run\ncurrency = \"USD\"\ntimezone = \"Asia/Ulaanbaatar\"\n"))
		runs(t, "a comment added")
	})
	t.Run("a flag changed", func(t *testing.T) {
		m := runs(t, "--by", "--by", "quarter")
		if m.Settings["by"] != "quarter" {
			t.Errorf("manifest settings: %v", m.Settings)
		}
		skips(t, "same --by", "--by", "quarter")
	})
	t.Run("another period", func(t *testing.T) {
		r := opsMain(t, nil, "run", "--input", in, "--out", out, "--period", "2025-11", "--now", opsNow, "--if-changed")
		r.want(t, ExitOK)
		m := opsWhole(t, filepath.Join(out, "2025-11"))
		if m.Period.Label != "2025-11" {
			t.Errorf("manifest period %+v", m.Period)
		}
	})
	t.Run("template changed", func(t *testing.T) {
		tdir := filepath.Join(t.TempDir(), "templates")
		opsMain(t, nil, "templates", tdir).want(t, ExitOK)
		tmpl := filepath.Join(tdir, "report.md.tmpl")
		runs(t, "a template", "--template", tmpl)
		skips(t, "the same template", "--template", tmpl)
		b, _ := os.ReadFile(tmpl)
		opsWriteFile(t, tmpl, append(b, "\nOne more line.\n"...))
		runs(t, "the template changed", "--template", tmpl)
		md, _ := os.ReadFile(filepath.Join(dir, "report-"+opsPeriod+".md"))
		if !strings.Contains(string(md), "One more line.") {
			t.Error("the report does not come from the changed template")
		}
		skips(t, "the same template", "--template", tmpl)
		// A template included by report.md.tmpl from its folder is part of
		// the template too.
		ann := filepath.Join(tdir, "annexes.md.tmpl")
		b, _ = os.ReadFile(ann)
		opsWriteFile(t, ann, append(b, "\nAn annex line.\n"...))
		runs(t, "an included template changed", "--template", tmpl)
		md, _ = os.ReadFile(filepath.Join(dir, "report-"+opsPeriod+".md"))
		if !strings.Contains(string(md), "An annex line.") {
			t.Error("--if-changed skipped the run after annexes.md.tmpl, which report.md.tmpl includes, changed")
		}
	})
}

// TestOpsInit: what init writes passes validate and runs; init never
// overwrites.
func TestOpsInit(t *testing.T) {
	t.Run("init, validate, run", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "new", "ministry-data")
		r := opsMain(t, nil, "init", "--party", "Mongolia", "--now", "2026-01-15", dir)
		r.want(t, ExitOK)
		v := opsMain(t, nil, "validate", "--input", dir, "--now", "2026-01-15")
		v.want(t, ExitOK)
		m := regexp.MustCompile(`(?m)^(\d+) rows read in (\d+) files: (\d+) accepted, 0 rejected$`).FindStringSubmatch(v.stdout)
		if m == nil || m[1] != m[3] || m[1] == "0" {
			t.Errorf("validate says:\n%s", v.stdout)
		}
		out := t.TempDir()
		opsMain(t, nil, "run", "--input", dir, "--out", out, "--now", "2026-01-15").want(t, ExitOK)
		// The configuration's period is previous-year: the example rows
		// are dated in it.
		opsOnlyFolder(t, out, "2025")
		man := opsWhole(t, filepath.Join(out, "2025"))
		if man.RowsRejected != 0 || man.Config != filepath.Join(dir, "coopreport.toml") {
			t.Errorf("manifest: %d rows rejected, config %q", man.RowsRejected, man.Config)
		}
		acts := 0
		for _, l := range readCSVRows(t, filepath.Join(out, "2025", "summary.csv")) {
			if n, err := strconv.Atoi(l["activities"]); err == nil {
				acts += n
			}
		}
		if acts == 0 {
			t.Error("summary.csv counts no activities of the example rows")
		}
	})
	existing := []struct {
		name  string
		files map[string]string
	}{
		{"coopreport.toml", map[string]string{"coopreport.toml": "party = \"Mine\"\n"}},
		{"registry.xlsx", map[string]string{"registry.xlsx": "my own workbook"}},
		{"data files", map[string]string{"activities.csv": "id,date\nA,2025-01-01\n", "notes.txt": "keep"}},
	}
	for _, tt := range existing {
		t.Run("refuses: "+tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range tt.files {
				opsWriteFile(t, filepath.Join(dir, name), []byte(text))
			}
			before := opsSnapshot(t, dir)
			r := opsMain(t, nil, "init", "--now", "2026-01-15", dir)
			r.want(t, ExitFailed)
			if !strings.Contains(r.stderr, "Nothing was written") {
				t.Errorf("stderr:\n%s", r.stderr)
			}
			opsSame(t, "init refused", opsSnapshot(t, dir), before, true)
		})
	}
}

// readCSVRows reads a CSV file into maps by header.
func readCSVRows(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			if i < len(r) {
				m[h] = r[i]
			}
		}
		rows = append(rows, m)
	}
	return rows
}

// TestOpsManifest: the manifest records the settings, the configuration
// file, a fingerprint, and the run's duration only when the run is not
// pinned to a time.
func TestOpsManifest(t *testing.T) {
	in := opsInput(t, 10)
	cfg := filepath.Join(t.TempDir(), "ops.toml")
	opsWriteFile(t, cfg, []byte("currency = \"MNT\"\ntimezone = \"Asia/Ulaanbaatar\"\nparty = \"Mongolia\"\n"))
	tests := []struct {
		name     string
		env      map[string]string
		now      string
		duration bool
	}{
		{"--now", nil, opsNow, false},
		{"SOURCE_DATE_EPOCH", map[string]string{"SOURCE_DATE_EPOCH": "1767225600"}, "", false},
		{"the clock", nil, "", true},
	}
	var fps []string
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			args := []string{"run", "--input", in, "--out", out, "--config", cfg, "--period", opsPeriod}
			if tt.now != "" {
				args = append(args, "--now", tt.now)
			}
			opsMain(t, tt.env, args...).want(t, ExitOK)
			m := opsWhole(t, filepath.Join(out, opsPeriod))
			secs, has := m.raw["duration_seconds"]
			if has != tt.duration {
				t.Errorf("duration_seconds present: %v, want %v", has, tt.duration)
			}
			if has {
				if s, ok := secs.(float64); !ok || s < 0 || s > 60 {
					t.Errorf("duration_seconds %v", secs)
				}
			}
			if m.Config != cfg {
				t.Errorf("config %q, want %q", m.Config, cfg)
			}
			want := map[string]any{"period": opsPeriod, "currency": "MNT", "party": "Mongolia", "date_order": "day-first", "template": "default", "page_size": "A4"}
			for k, v := range want {
				if m.Settings[k] != v {
					t.Errorf("settings.%s = %v, want %v (settings %v)", k, m.Settings[k], v, m.Settings)
				}
			}
			if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(m.Fingerprint) {
				t.Errorf("fingerprint %q", m.Fingerprint)
			}
			for _, inp := range m.Inputs {
				b, err := os.ReadFile(filepath.Join(in, inp.File))
				if err != nil || sha256Hex(b) != inp.SHA256 {
					t.Errorf("input %s: sha256 %s: %v", inp.File, inp.SHA256, err)
				}
			}
			fps = append(fps, m.Fingerprint)
		})
	}
	// The time of a run is no part of what its outputs are made from.
	if len(fps) == 3 && (fps[0] != fps[1] || fps[1] != fps[2]) {
		t.Errorf("fingerprints differ between runs of the same inputs: %q", fps)
	}
}
