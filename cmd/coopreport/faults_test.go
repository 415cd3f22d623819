package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"coopreport/pipeline/period"
	"coopreport/pipeline/run"
	"coopreport/pipeline/source"
)

// The operations tests of issue 10: faults a campaign against the monthly
// run found, each run on the real binary.

// opsExecWithin runs the binary as opsExec does, but kills it after limit:
// a run that hangs fails the test instead of stalling it.
func opsExecWithin(t *testing.T, limit time.Duration, env map[string]string, args ...string) opsResult {
	t.Helper()
	cmd, stdout, stderr := opsCmd(t, env, args...)
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			cmd.Process.Kill()
		case <-done:
		}
	}()
	cmd.Wait()
	close(done)
	if ctx.Err() != nil {
		t.Fatalf("the run did not end within %v; stderr:\n%s", limit, stderr)
	}
	return opsResult{cmd.ProcessState.ExitCode(), stdout.String(), stderr.String(), time.Since(start)}
}

// An input that is not a regular file never blocks the run: a named pipe
// named like a table and a link to /dev/zero are named in a warning and
// never opened; the run ends at once, and with --strict says its numbers
// may be incomplete.
func TestOpsSpecialFiles(t *testing.T) {
	in, out := opsInput(t, 20), t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(in, "extra activities.csv"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(in, "zero.xlsx")); err != nil {
		t.Fatal(err)
	}
	r := opsExecWithin(t, 20*time.Second, nil, opsRunArgs(in, out, "--strict")...)
	r.want(t, ExitRejected)
	for _, want := range []string{"extra activities.csv (a named pipe): not read: not a regular file", "zero.xlsx (a character device): not read"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	opsWhole(t, filepath.Join(out, opsPeriod))
	// --if-changed hashes every input before reading: it skips them too.
	r = opsExecWithin(t, 20*time.Second, nil, opsRunArgs(in, out, "--if-changed")...)
	r.want(t, ExitOK)
}

// The lock is on the output folder: deleting the lock file during a run
// lets no second run in, and the first run's temporary folder survives
// to be published.
func TestOpsLockFileDeleted(t *testing.T) {
	big, out := opsInput(t, 100000), t.TempDir()
	first, stderr, wait := opsStartWriting(t, big, out)
	if err := os.Remove(filepath.Join(out, run.LockName)); err != nil {
		t.Fatal(err)
	}
	second := opsExecWithin(t, 20*time.Second, nil, opsRunArgs(opsInput(t, 10), out)...)
	second.want(t, ExitFailed)
	if !strings.Contains(second.stderr, "another run is writing to this output folder") {
		t.Errorf("the second run says:\n%s", second.stderr)
	}
	wait()
	if code := first.ProcessState.ExitCode(); code != ExitOK {
		t.Fatalf("the first run: exit %d; stderr: %s", code, stderr)
	}
	opsWhole(t, filepath.Join(out, opsPeriod))
}

// A file saved while the run reads it fails the run with a message that
// says so and to run again: never "a bug", never a report of other bytes.
func TestFileRewrittenDuringRun(t *testing.T) {
	in, out := opsInput(t, 100000), t.TempDir()
	path := filepath.Join(in, "activities.csv")
	opt := run.Options{Input: in, Out: out, Period: period.MustParse(opsPeriod), Currency: "MNT", Now: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)}
	saved := false
	opt.Ingest.Progress = func(int) {
		if saved {
			return
		}
		saved = true // the registry keeper saves the file while it is read
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		opsWriteFile(t, path, append(b, "AC-X,2025-12-01,,Russia,,,meeting,Saved late,,,,,,\n"...))
	}
	_, err := run.Run(context.Background(), opt)
	if !saved || !errors.Is(err, source.ErrChanged) {
		t.Fatalf("saved %v, err = %v, want the file changed while it was read", saved, err)
	}
	var msg strings.Builder
	(&reporter{w: &msg, cmd: "run"}).failure(err, opt)
	for _, want := range []string{"activities.csv: the file changed while it was read", "run again", "were left as they were"} {
		if !strings.Contains(msg.String(), want) {
			t.Errorf("the message lacks %q:\n%s", want, msg.String())
		}
	}
	if strings.Contains(msg.String(), "bug") {
		t.Errorf("the message blames coopreport:\n%s", msg.String())
	}
	if _, err := os.Stat(filepath.Join(out, opsPeriod)); !os.IsNotExist(err) {
		t.Errorf("a report was published from a file that changed: %v", err)
	}
}

// A run that fails before its options are read (the input folder is not
// a folder) says so without naming an empty output folder.
func TestFailureBeforeOptions(t *testing.T) {
	notFolder := filepath.Join(t.TempDir(), "input.csv")
	opsWriteFile(t, notFolder, []byte("id\n"))
	r := opsMain(t, nil, "run", "--input", notFolder)
	r.want(t, ExitFailed)
	if strings.Contains(r.stderr, "in  were") || !strings.Contains(r.stderr, "Nothing was written.") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

// A file name that is not UTF-8 (saved in Windows-1251) is named the same
// recognisable way in every output: each such byte as \xNN.
func TestNonUTF8FileName(t *testing.T) {
	in, out := opsInput(t, 5), t.TempDir()
	raw := "\xe0\xea\xf2 2025.csv" // "акт 2025.csv" in Windows-1251
	opsWriteFile(t, filepath.Join(in, raw), []byte(opsActivities(3, opsAmount)+"AC-BAD,2025-13-45,,Russia,,,meeting,Bad date,,,,,,\n"))
	os.Rename(filepath.Join(in, "activities.csv"), filepath.Join(in, "activities.csv.bak"))
	r := opsMain(t, nil, opsRunArgs(in, out)...)
	r.want(t, ExitOK)
	const shown = `\xe0\xea\xf2 2025.csv`
	dir := filepath.Join(out, opsPeriod)
	for file, want := range map[string]string{
		run.ManifestName:              strings.ReplaceAll(shown, `\`, `\\`), // JSON escapes the backslash
		"rejects.csv":                 shown,
		"report-" + opsPeriod + ".md": strings.ReplaceAll(shown, `\`, `\\`), // Markdown escapes it too
	} {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%s does not name the file as %s", file, want)
		}
		if strings.Contains(string(b), "\ufffd") {
			t.Errorf("%s holds U+FFFD", file)
		}
	}
}

// The same inputs and --now give the same bytes on every machine: the
// zone of the environment (TZ) changes nothing, with a zone configured or
// without one.
func TestSameBytesWhateverTZ(t *testing.T) {
	for _, config := range []string{"", "timezone = \"Asia/Ulaanbaatar\"\n"} {
		cfg := filepath.Join(t.TempDir(), "coopreport.toml")
		opsWriteFile(t, cfg, []byte("party = \"Mongolia\"\ncurrency = \"MNT\"\n"+config))
		var outs []map[string]opsFile
		for _, tz := range []string{"Asia/Ulaanbaatar", "America/New_York"} {
			out := t.TempDir()
			r := opsExecWithin(t, time.Minute, map[string]string{"TZ": tz}, "run", "--input", "../../input", "--out", out,
				"--config", cfg, "--period", "2012..2015", "--now", "2026-01-01T03:30")
			r.want(t, ExitOK)
			outs = append(outs, opsSnapshot(t, filepath.Join(out, "2012..2015")))
		}
		for name, f := range outs[0] {
			if g, ok := outs[1][name]; !ok || string(g.data) != string(f.data) {
				t.Errorf("config %q: %s differs between TZ=Asia/Ulaanbaatar and TZ=America/New_York", config, name)
			}
		}
	}
}

// validate leaves nothing behind in the temporary folder: the activities
// it spooled to disk go with it.
func TestValidateLeavesNoTemporaryFiles(t *testing.T) {
	tmp := t.TempDir()
	r := opsExecWithin(t, time.Minute, map[string]string{"TMPDIR": tmp}, "validate", "--input", opsInput(t, 50))
	r.want(t, ExitOK)
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("validate left %d files in TMPDIR, the first %s", len(left), left[0].Name())
	}
}
