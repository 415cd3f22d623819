package run

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// historyMade lists the made times of the outputs in the history of label.
func historyMade(t *testing.T, out, label string) []string {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(out, HistoryDir, label))
	var made []string
	for _, e := range entries {
		made = append(made, madeIn(t, filepath.Join(out, HistoryDir, label), e.Name()))
	}
	return made
}

// A run killed after it published, before the outputs it replaced got to
// the history, leaves them for the next run to put there: after the
// exchange in a temporary folder, after the fallback's renames aside.
func TestHistoryAfterAKill(t *testing.T) {
	for _, fallback := range []bool{false, true} {
		name, at := "exchange", "exchanged"
		if fallback {
			name, at = "fallback", "moved in"
		}
		t.Run(name, func(t *testing.T) {
			if fallback {
				exchange = func(a, b string) error { return errNoExchange }
				defer func() { exchange = exchangeFolders }()
			}
			out := t.TempDir()
			now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			opt := func(n int) Options {
				o := exampleRun(out, now.AddDate(0, n, 0))
				o.History = 5
				return o
			}
			if _, err := Run(context.Background(), opt(0)); err != nil {
				t.Fatal(err)
			}
			first := madeIn(t, out, "2012..2015")
			runKilledAt(t, opt(1), at, func() {
				// A kill runs no deferred cleanup: the run's temporary
				// folder, which holds the outputs it replaced after
				// the exchange, stays.
				tmps, _ := filepath.Glob(filepath.Join(out, tmpPrefix+"*"))
				for _, tmp := range tmps {
					if err := os.Rename(tmp, tmp+"-killed"); err != nil {
						t.Fatal(err)
					}
				}
			})
			if _, err := Run(context.Background(), opt(2)); err != nil {
				t.Fatal(err)
			}
			// The second run's outputs, replaced by the third's with the
			// same rows and figures, have no place in the history.
			if got := historyMade(t, out, "2012..2015"); !slices.Equal(got, []string{first}) {
				t.Errorf("the history holds %q, want %q", got, []string{first})
			}
			if got := leftovers(t, out); got != "" {
				t.Errorf("left behind: %s", got)
			}
		})
	}
}

func TestPruneHistory(t *testing.T) {
	dir := t.TempDir()
	// Archived at the same time (the clock's tick is coarse: folders made
	// one after another may or may not share it), the folders are ordered
	// by the time their runs were told, then by their -n.
	archived := time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC)
	for _, n := range []string{"20260101T000000Z", "20260101T000000Z-2", "20260101T000000Z-10", "20250101T000000Z", "20270101T000000Z"} {
		if err := os.Mkdir(filepath.Join(dir, n), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(filepath.Join(dir, n), archived, archived); err != nil {
			t.Fatal(err)
		}
	}
	if notes := pruneHistory(dir, 2, ""); len(notes) != 0 {
		t.Fatal(notes)
	}
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if want := []string{"20260101T000000Z-10", "20270101T000000Z"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

// The history keeps the folders archived last, even when their runs were
// told an earlier time (--now back-dated): never the one just archived.
func TestPruneHistoryByArchiveOrder(t *testing.T) {
	dir := t.TempDir()
	base := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	// Archived in this order; their names (made times) say otherwise.
	for i, n := range []string{"20260801T000000Z", "20260101T000000Z", "20260901T000000Z"} {
		p := filepath.Join(dir, n)
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		at := base.Add(time.Duration(i) * time.Hour)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	if notes := pruneHistory(dir, 2, "20260901T000000Z"); len(notes) != 0 {
		t.Fatal(notes)
	}
	entries, _ := os.ReadDir(dir)
	var kept []string
	for _, e := range entries {
		kept = append(kept, e.Name())
	}
	if want := []string{"20260101T000000Z", "20260901T000000Z"}; !slices.Equal(kept, want) {
		t.Errorf("kept %q, want the two archived last %q", kept, want)
	}
}
