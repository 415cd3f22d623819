package source

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Files lists the .csv and .xlsx files at the top level of dir, sorted by
// name, as names relative to dir. Every other entry is returned in
// skipped, sorted, so that the caller can say it was not read: hidden
// files and lock files (~$Book.xlsx, .~lock.Book.xlsx#) included, and
// sub-folders shown as "name/". A hidden .csv or .xlsx is not read. An
// entry that is not a regular file (a named pipe, a device, a socket, or
// a link to one) is never opened: it is returned in special, with what
// it is ("activities.csv (a named pipe)").
func Files(dir string) (files, skipped, special []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, e := range entries {
		name := e.Name()
		mode := e.Type()
		if mode&os.ModeSymlink != 0 {
			// A link is what it points to; a broken link is reported
			// like any unreadable entry, by being skipped.
			if fi, err := os.Stat(filepath.Join(dir, name)); err == nil {
				mode = fi.Mode().Type()
			}
		}
		switch {
		case mode.IsDir():
			skipped = append(skipped, name+"/")
		case mode&(os.ModeNamedPipe|os.ModeSocket|os.ModeDevice|os.ModeCharDevice|os.ModeIrregular) != 0:
			special = append(special, fmt.Sprintf("%s (%s)", name, describeMode(mode)))
		case isTableFile(name) && !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "~$"):
			files = append(files, name)
		default:
			skipped = append(skipped, name)
		}
	}
	// ReadDir sorts already; sort again so the order never depends on it.
	sort.Strings(files)
	sort.Strings(skipped)
	sort.Strings(special)
	return files, skipped, special, nil
}

// Display is a file name as outputs show it: as it is when it is UTF-8;
// otherwise each byte that is not UTF-8 is written \xNN (a name saved
// in Windows-1251 on a server that expects UTF-8, say), so that the
// manifest, the report and the workbook name the file recognisably, and
// the same way, instead of as U+FFFD.
func Display(name string) string {
	if utf8.ValidString(name) {
		return name
	}
	var b strings.Builder
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, `\x%02x`, name[i])
		} else {
			b.WriteString(name[i : i+size])
		}
		i += size
	}
	return b.String()
}

func isTableFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".xlsx":
		return true
	}
	return false
}
