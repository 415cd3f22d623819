package run

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline/period"
)

// madeIn reads the Made of the manifest in out/label, or "" when the
// folder or its manifest is missing: what a reader of the folder finds.
func madeIn(t *testing.T, out, label string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, label, ManifestName))
	if err != nil {
		return ""
	}
	var m struct{ Made string }
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m.Made
}

func exampleRun(out string, now time.Time) Options {
	return Options{Input: "../../input", Out: out, Period: period.MustParse("2012..2015"), Currency: "MNT", Now: now, Location: time.UTC, Pinned: true}
}

// errKill stands for a kill at a step of publishing.
var errKill = errors.New("killed")

// runKilledAt runs opt, stopping it as a kill would at the publishing step
// named (its deferred cleanups still run; a killed run's leftovers are the
// next run's to remove), and calls see at that moment.
func runKilledAt(t *testing.T, opt Options, at string, see func()) {
	t.Helper()
	publishStep = func(s string) {
		if s == at {
			see()
			panic(errKill)
		}
	}
	defer func() {
		publishStep = nil
		if p := recover(); p != errKill {
			t.Fatalf("the run did not reach the step %q (%v)", at, p)
		}
	}()
	Run(context.Background(), opt)
}

// Publishing replaces the outputs in one step: at every moment a reader
// finds the period's folder whole, old or new; a run killed after the
// step leaves the new outputs, and what it left the next run removes.
func TestPublishIsAtomic(t *testing.T) {
	out := t.TempDir()
	first, second := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	if _, err := Run(context.Background(), exampleRun(out, first)); err != nil {
		t.Fatal(err)
	}
	old := madeIn(t, out, "2012..2015")
	runKilledAt(t, exampleRun(out, second), "exchanged", func() {
		if got := madeIn(t, out, "2012..2015"); got == "" || got == old {
			t.Errorf("just after the exchange, the folder holds %q, want the new outputs", got)
		}
	})
	res, err := Run(context.Background(), exampleRun(out, second))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notes) != 0 || leftovers(t, out) != "" {
		t.Errorf("notes %q, leftovers %q", res.Notes, leftovers(t, out))
	}
}

// Where folders cannot be exchanged, publishing takes two renames; a run
// killed between them leaves the old outputs aside, and the next run puts
// them back before anything else.
func TestPublishFallback(t *testing.T) {
	exchange = func(a, b string) error { return errNoExchange }
	defer func() { exchange = exchangeFolders }()
	out := t.TempDir()
	first := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := Run(context.Background(), exampleRun(out, first)); err != nil {
		t.Fatal(err)
	}
	old := madeIn(t, out, "2012..2015")
	runKilledAt(t, exampleRun(out, first.AddDate(0, 1, 0)), "moved aside", func() {})
	if _, err := cleanup(out, 0); err != nil {
		t.Fatal(err)
	}
	if got := madeIn(t, out, "2012..2015"); got != old {
		t.Errorf("after the next run's cleanup the folder holds %q, want the old outputs %q", got, old)
	}
	if _, err := Run(context.Background(), exampleRun(out, first.AddDate(0, 2, 0))); err != nil {
		t.Fatal(err)
	}
	if got := leftovers(t, out); got != "" {
		t.Errorf("left behind: %s", got)
	}
}

// A folder of earlier outputs that cannot be removed (another user's) does
// not fail a run that has published, nor block the next ones: each says
// what is left where.
func TestDebrisThatCannotBeRemoved(t *testing.T) {
	out := t.TempDir()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := Run(context.Background(), exampleRun(out, now)); err != nil {
		t.Fatal(err)
	}
	removeAll = func(string) error { return &os.PathError{Op: "unlinkat", Path: "x", Err: os.ErrPermission} }
	defer func() { removeAll = os.RemoveAll }()
	res, err := Run(context.Background(), exampleRun(out, now.AddDate(0, 1, 0)))
	if err != nil {
		t.Fatalf("the run failed after publishing: %v", err)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "the new outputs are in") || !strings.Contains(res.Notes[0], "cannot be removed (permission denied)") {
		t.Errorf("notes %q", res.Notes)
	}
	if got := madeIn(t, out, "2012..2015"); got != res.Report.Made.Format(time.RFC3339) && !strings.HasPrefix(got, "2026-02-01") {
		t.Errorf("the folder holds %q, want the new outputs", got)
	}
	res, err = Run(context.Background(), exampleRun(out, now.AddDate(0, 2, 0)))
	if err != nil {
		t.Fatalf("a later run is blocked: %v", err)
	}
	if len(res.Notes) != 2 || !strings.Contains(res.Notes[0], "was left by an earlier run and cannot be removed") {
		t.Errorf("notes %q", res.Notes)
	}
}

// leftovers lists what runs left in out beside the period folders.
func leftovers(t *testing.T, out string) string {
	t.Helper()
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".coopreport-") && e.Name() != LockName {
			left = append(left, e.Name())
		}
	}
	return strings.Join(left, ", ")
}
