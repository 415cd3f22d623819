package run

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Temporary folders of a run, inside the output folder, start with these
// prefixes. A run that was killed leaves them behind; the next run, holding
// the lock, removes them.
const (
	tmpPrefix = ".coopreport-tmp-"
	oldPrefix = ".coopreport-old-"
)

// publishStep, when set (by tests), is called at each point between the
// steps of publishing, where a kill would leave the folder as it is.
var publishStep func(step string)

func step(name string) {
	if publishStep != nil {
		publishStep(name)
	}
}

// cleanup removes what killed runs left in out. It must hold the lock. A
// run killed between the two renames of the fallback publish leaves the
// old outputs under oldPrefix and none under their name: they are put
// back, or, when new outputs are in place, kept in the history. What
// cannot be removed (another user's folder) is left, and said
// in the notes returned: it never blocks a run, since every run names its
// folders afresh.
func cleanup(out string, keep int) (notes []string, err error) {
	entries, err := os.ReadDir(out)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(out, name)
		switch {
		case strings.HasPrefix(name, tmpPrefix):
			if label, ok := replaced(out, path); ok && keep > 0 {
				// Killed just after the exchange: these are the outputs
				// it replaced, for the history.
				notes = append(notes, keepHistory(out, label, path, keep)...)
				continue
			}
		case strings.HasPrefix(name, oldPrefix):
			label, _, _ := strings.Cut(strings.TrimPrefix(name, oldPrefix), "@")
			if safeLabel(label) != nil {
				break
			}
			if _, err := os.Lstat(filepath.Join(out, label)); os.IsNotExist(err) {
				if err := os.Rename(path, filepath.Join(out, label)); err != nil {
					return notes, fmt.Errorf("cannot put back the outputs an interrupted run moved aside (%s): %w", name, err)
				}
				continue
			}
			if keep > 0 {
				// The run was killed after it published: these are the
				// outputs it replaced, for the history.
				notes = append(notes, keepHistory(out, label, path, keep)...)
				continue
			}
		default:
			continue
		}
		if err := removeAll(path); err != nil {
			notes = append(notes, fmt.Sprintf("%s was left by an earlier run and cannot be removed (%v); it does not stop runs, but remove it to free the space", path, unwrapPath(err)))
		}
	}
	return notes, nil
}

// publish puts the complete folder tmp at out/label, replacing what was
// there, in one atomic step: readers see the old outputs or the new ones,
// never neither. On Linux the two folders are exchanged (renameat2 with
// RENAME_EXCHANGE), and the old outputs, now under tmp's name, removed.
// Where the file system cannot exchange, the old folder is renamed aside
// and the new one into place: a reader looking in between finds no
// folder, and a run killed in between leaves the old one aside, which the
// next run puts back (cleanup). The previous outputs then go to the
// history, which keeps the last keep (see keepHistory). What cannot be
// moved or removed after publishing is said in the notes returned: the
// new outputs are in place.
func publish(out, tmp, label string, keep int) (notes []string, err error) {
	dst := filepath.Join(out, label)
	if _, err := os.Lstat(dst); os.IsNotExist(err) {
		if err := os.Rename(tmp, dst); err != nil {
			return nil, fmt.Errorf("cannot move the new outputs into place: %w", err)
		}
		syncDir(out)
		return nil, nil
	}
	var old string
	switch err := exchange(tmp, dst); {
	case err == nil:
		old = tmp // it holds the previous outputs now
		syncDir(out)
		step("exchanged")
	case errors.Is(err, errNoExchange):
		old = filepath.Join(out, oldPrefix+label+"@"+random())
		if err := os.Rename(dst, old); err != nil {
			return nil, fmt.Errorf("cannot move the previous outputs aside: %w", err)
		}
		step("moved aside")
		if err := os.Rename(tmp, dst); err != nil {
			if rerr := os.Rename(old, dst); rerr != nil {
				return nil, fmt.Errorf("cannot move the new outputs into place (%v), nor the previous ones back from %s: %w", err, old, rerr)
			}
			return nil, fmt.Errorf("cannot move the new outputs into place: %w", err)
		}
		syncDir(out)
		step("moved in")
	default:
		return nil, fmt.Errorf("cannot put the new outputs in place of the previous ones: %w", err)
	}
	return keepHistory(out, label, old, keep), nil
}

// removeAll removes the folders of earlier outputs; tests make it fail,
// as it does on a folder another user owns.
var removeAll = os.RemoveAll

// errNoExchange: the system or file system cannot exchange two folders.
var errNoExchange = errors.New("folders cannot be exchanged here")

func random() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// unwrapPath drops the *PathError's operation and path, which the
// sentence already gives.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// safeLabel checks that a period label makes one folder name inside the
// output folder: outputs are never written anywhere else.
func safeLabel(label string) error {
	if label == "" || label == "." || label == ".." || strings.ContainsAny(label, `/\@`) || strings.HasPrefix(label, ".") {
		return fmt.Errorf("the period label %q cannot name an output folder", label)
	}
	return nil
}

// replaced reports whether the temporary folder tmp holds the outputs
// that the outputs published for their period replaced (a run killed
// between the exchange and the history): the published manifest says it
// compared with outputs made when tmp's were.
func replaced(out, tmp string) (label string, ok bool) {
	old, ok, _ := published(tmp)
	if !ok || safeLabel(old.Period.Label) != nil {
		return "", false
	}
	cur, ok, _ := published(filepath.Join(out, old.Period.Label))
	if !ok || cur.Changes == nil || cur.Changes.First || cur.Changes.Since != old.Made {
		return "", false
	}
	return old.Period.Label, true
}
