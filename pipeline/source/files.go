package source

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Files lists the .csv and .xlsx files at the top level of dir, sorted by
// name, as names relative to dir. Every other entry is returned in
// skipped, sorted, so that the caller can say it was not read: hidden
// files and lock files (~$Book.xlsx, .~lock.Book.xlsx#) included, and
// sub-folders shown as "name/". A hidden .csv or .xlsx is not read.
func Files(dir string) (files []string, skipped []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		name := e.Name()
		isDir := e.IsDir()
		if e.Type()&os.ModeSymlink != 0 {
			// A link to a folder is a folder to the user; a broken link
			// is reported like any unreadable entry, by being skipped.
			if fi, err := os.Stat(filepath.Join(dir, name)); err == nil {
				isDir = fi.IsDir()
			}
		}
		switch {
		case isDir:
			skipped = append(skipped, name+"/")
		case isTableFile(name) && !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "~$"):
			files = append(files, name)
		default:
			skipped = append(skipped, name)
		}
	}
	// ReadDir sorts already; sort again so the order never depends on it.
	sort.Strings(files)
	sort.Strings(skipped)
	return files, skipped, nil
}

func isTableFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".xlsx":
		return true
	}
	return false
}
