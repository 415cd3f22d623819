package starter

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"coopreport/pipeline/config"
	"coopreport/pipeline/source"
)

// Names of the files Init writes, in the order it writes them.
const (
	WorkbookName = "registry.xlsx"
	ConfigName   = config.FileName
)

// Timezone is the time zone the configuration names and the example rows
// are dated in: Mongolia's, the ministry this tool is made for.
const Timezone = "Asia/Ulaanbaatar"

// ErrExists is wrapped by the error Init returns when the folder already
// holds a file it would write, or input data its examples would mix with.
var ErrExists = errors.New("already exists")

// Options say what to put into the new input folder.
type Options struct {
	// Party is the reporting party written into coopreport.toml; ""
	// leaves party = "" there with a comment asking for it.
	Party string
	// Now dates the workbook's document properties and places the example
	// rows in the year before it (in Asia/Ulaanbaatar), the year the
	// configured period "previous-year" reports, so that a first run shows
	// them. The command passes --now, SOURCE_DATE_EPOCH or the clock. It
	// must be set: the same Now gives the same bytes.
	Now time.Time
}

// Init makes a ready-to-fill input folder in dir: registry.xlsx and
// coopreport.toml. It creates dir if needed. It writes nothing when dir
// already holds either file (the error names the first one found), or
// holds .csv or .xlsx files of its own: the pipeline reads every such file
// of the folder, so the example rows would mix with that data.
//
// Both files are made in memory and every target is checked before the
// first is written; each is created exclusively (never replacing a file
// that appeared meanwhile), and if the second cannot be written the first
// is removed again.
func Init(dir string, opt Options) error {
	if opt.Now.IsZero() {
		return errors.New("starter: Options.Now is not set")
	}
	book, err := workbook(opt)
	if err != nil {
		return err
	}
	files := []struct {
		name string
		data []byte
	}{
		{WorkbookName, book},
		{ConfigName, []byte(configText(opt))},
	}

	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create the folder %s: %w", dir, err)
	}
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s %w; init never overwrites a file: move it away, or choose a new folder", path, ErrExists)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot check %s: %w", path, err)
		}
	}
	data, _, _, err := source.Files(dir)
	if err != nil {
		return fmt.Errorf("cannot read the folder %s: %w", dir, err)
	}
	if len(data) > 0 {
		return fmt.Errorf("%s: input data %w in this folder (%s); the example rows of %s would be read with it, so init writes into a new or empty folder only: choose another folder",
			dir, ErrExists, data[0], WorkbookName)
	}

	var written []string
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		if err := writeNew(path, f.data); err != nil {
			for _, w := range written {
				os.Remove(w)
			}
			return err
		}
		written = append(written, path)
	}
	return nil
}

// writeNew creates path, failing if it exists, and writes data to it.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s %w; init never overwrites a file: move it away, or choose a new folder", path, ErrExists)
	}
	if err != nil {
		return fmt.Errorf("cannot create %s: %w", path, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// reportYear is the year before Now in the configured time zone: the year
// the configured period previous-year covers on the day of Init.
func reportYear(now time.Time) int {
	if loc, err := time.LoadLocation(Timezone); err == nil {
		now = now.In(loc)
	}
	return now.Year() - 1
}
