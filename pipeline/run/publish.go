package run

import (
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

// cleanup removes what killed runs left in out. It must hold the lock. A
// run killed between moving the old outputs aside and moving the new ones
// in leaves the old ones under oldPrefix: they are put back.
func cleanup(out string) error {
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, tmpPrefix):
			if err := os.RemoveAll(filepath.Join(out, name)); err != nil {
				return err
			}
		case strings.HasPrefix(name, oldPrefix):
			label := strings.TrimPrefix(name, oldPrefix)
			if _, err := os.Lstat(filepath.Join(out, label)); os.IsNotExist(err) {
				if err := os.Rename(filepath.Join(out, name), filepath.Join(out, label)); err != nil {
					return err
				}
				continue
			}
			if err := os.RemoveAll(filepath.Join(out, name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// publish moves the complete folder tmp to out/label, replacing what was
// there. Each step is a rename within one file system, so at every moment
// either the old or the new outputs are whole under one of two names.
func publish(out, tmp, label string) error {
	dst := filepath.Join(out, label)
	old := filepath.Join(out, oldPrefix+label)
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	moved := false
	if _, err := os.Lstat(dst); err == nil {
		if err := os.Rename(dst, old); err != nil {
			return fmt.Errorf("cannot move the previous outputs aside: %w", err)
		}
		moved = true
	}
	if err := os.Rename(tmp, dst); err != nil {
		if moved {
			os.Rename(old, dst)
		}
		return fmt.Errorf("cannot move the new outputs into place: %w", err)
	}
	syncDir(out)
	if moved {
		return os.RemoveAll(old)
	}
	return nil
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
	if label == "" || label == "." || label == ".." || strings.ContainsAny(label, `/\`) || strings.HasPrefix(label, ".") {
		return fmt.Errorf("the period label %q cannot name an output folder", label)
	}
	return nil
}
