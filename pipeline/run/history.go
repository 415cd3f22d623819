package run

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// HistoryDir, in the output folder, keeps the outputs of earlier runs of
// each period, so that any earlier state of a published report can be
// read again: HistoryDir/<label>/<made>/, <made> the time the outputs
// were made, in UTC, as 20260302T000000Z (with -2, -3… when two runs were
// made at the same time). The last archived are kept (Options.History of
// them), whatever time their runs were told it was (--now): a folder's
// modification time is set to when it was archived, and the one just
// archived is never pruned.
const HistoryDir = ".history"

// keepHistory moves old, the outputs of label that publishing replaced,
// into the history, and prunes the history of label to keep folders;
// with keep 0 it removes old. It must hold the lock. What cannot be
// moved or removed is said in the notes: the new outputs are in place.
func keepHistory(out, label, old string, keep int) (notes []string) {
	if keep <= 0 {
		if err := removeAll(old); err != nil {
			notes = append(notes, fmt.Sprintf("the new outputs are in %s, but the previous ones, moved to %s, cannot be removed (%v); remove that folder to free the space",
				filepath.Join(out, label), old, unwrapPath(err)))
		}
		return notes
	}
	dir := filepath.Join(out, HistoryDir, label)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return append(notes, fmt.Sprintf("the previous outputs of %s cannot be kept in %s (%v); they are in %s: move them away or remove them", label, dir, unwrapPath(err), old))
	}
	name := historyName(old)
	dst := filepath.Join(dir, name)
	for i := 2; ; i++ {
		if _, err := os.Lstat(dst); os.IsNotExist(err) {
			break
		}
		dst = filepath.Join(dir, fmt.Sprintf("%s-%d", name, i))
	}
	if err := os.Rename(old, dst); err != nil {
		return append(notes, fmt.Sprintf("the previous outputs of %s cannot be kept in %s (%v); they are in %s: move them away or remove them", label, dir, unwrapPath(err), old))
	}
	now := time.Now() // when it was archived: the order of the history
	os.Chtimes(dst, now, now)
	syncDir(dir)
	return append(notes, pruneHistory(dir, keep, filepath.Base(dst))...)
}

// historyName names the folder of the outputs in dir in the history: the
// time their manifest says they were made, or, without a readable one,
// the time the folder was last changed.
func historyName(dir string) string {
	const layout = "20060102T150405Z"
	if m, ok, _ := published(dir); ok {
		if t, err := time.Parse(time.RFC3339, m.Made); err == nil {
			return t.UTC().Format(layout)
		}
	}
	if fi, err := os.Stat(dir); err == nil {
		return fi.ModTime().UTC().Format(layout) + "-unmade"
	}
	return "unknown"
}

// pruneHistory removes the folders of dir archived first beyond keep,
// never newest (the folder just archived).
func pruneHistory(dir string, keep int, newest string) (notes []string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []string{fmt.Sprintf("the history in %s cannot be read (%v), so it was not pruned to the last %d runs", dir, unwrapPath(err), keep)}
	}
	var names []string
	archived := map[string]time.Time{}
	for _, e := range entries {
		if e.IsDir() && e.Name() != newest {
			names = append(names, e.Name())
			if fi, err := e.Info(); err == nil {
				archived[e.Name()] = fi.ModTime()
			}
		}
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := archived[a].Compare(archived[b]); c != 0 {
			return c
		}
		return compareHistory(a, b)
	})
	if newest != "" {
		keep-- // it is kept
	}
	for len(names) > keep {
		path := filepath.Join(dir, names[0])
		if err := removeAll(path); err != nil {
			notes = append(notes, fmt.Sprintf("the outputs of an earlier run, %s, are beyond the history kept (the last %d) but cannot be removed (%v); remove that folder to free the space", path, keep, unwrapPath(err)))
		}
		names = names[1:]
	}
	return notes
}

// compareHistory orders history folders oldest first: by time made, then
// by their -n.
func compareHistory(a, b string) int {
	ta, na := splitHistory(a)
	tb, nb := splitHistory(b)
	if c := strings.Compare(ta, tb); c != 0 {
		return c
	}
	return na - nb
}

func splitHistory(name string) (string, int) {
	base, n, ok := strings.Cut(name, "-")
	if !ok {
		return name, 1
	}
	var i int
	if _, err := fmt.Sscanf(n, "%d", &i); err != nil {
		return name, 1
	}
	return base, i
}
