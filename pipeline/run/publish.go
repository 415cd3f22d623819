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
// back. What cannot be removed (another user's folder) is left, and said
// in the notes returned: it never blocks a run, since every run names its
// folders afresh.
func cleanup(out string) (notes []string, err error) {
	entries, err := os.ReadDir(out)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(out, name)
		switch {
		case strings.HasPrefix(name, tmpPrefix):
		case strings.HasPrefix(name, oldPrefix):
			label, _, _ := strings.Cut(strings.TrimPrefix(name, oldPrefix), "@")
			if _, err := os.Lstat(filepath.Join(out, label)); os.IsNotExist(err) && safeLabel(label) == nil {
				if err := os.Rename(path, filepath.Join(out, label)); err != nil {
					return notes, fmt.Errorf("cannot put back the outputs an interrupted run moved aside (%s): %w", name, err)
				}
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
// next run puts back (cleanup). What cannot be removed after publishing
// is said in the notes returned: the new outputs are in place.
func publish(out, tmp, label string) (notes []string, err error) {
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
	if err := removeAll(old); err != nil {
		notes = append(notes, fmt.Sprintf("the new outputs are in %s, but the previous ones, moved to %s, cannot be removed (%v); remove that folder to free the space", dst, old, unwrapPath(err)))
	}
	return notes, nil
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
