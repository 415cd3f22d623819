package ingest

import (
	"fmt"
	"path/filepath"
	"strings"

	"coopreport/pipeline"
)

// unread is an entry of the input folder that the run does not read, and
// what to say about it.
type unread struct {
	name string
	why  string // a sentence: what it is and how to have it read
	// data: it may hold records, so the numbers may be incomplete
	// without it; otherwise it is a note for people (README.md).
	data bool
}

// classifyUnread says what each entry that source.Files skipped is. The
// configuration file itself is read, and not named.
func classifyUnread(skipped []string) []unread {
	var out []unread
	for _, name := range skipped {
		if strings.EqualFold(name, "coopreport.toml") {
			continue
		}
		out = append(out, whatIs(name))
	}
	return out
}

func whatIs(name string) unread {
	switch {
	case strings.HasPrefix(name, "~$"):
		return unread{name, fmt.Sprintf("%s is open in Excel (this is its lock file): changes not yet saved are not in this report; save and close it, then run again", strings.TrimPrefix(name, "~$")), true}
	case strings.HasPrefix(name, ".~lock.") && strings.HasSuffix(name, "#"):
		return unread{name, fmt.Sprintf("%s is open in LibreOffice (this is its lock file): changes not yet saved are not in this report; save and close it, then run again", strings.TrimSuffix(strings.TrimPrefix(name, ".~lock."), "#")), true}
	case strings.HasSuffix(name, "/"):
		return unread{name, "a folder: only the files at the top of the input folder are read; move tables that belong to the report up", false}
	}
	ext := strings.ToLower(filepath.Ext(name))
	hidden := strings.HasPrefix(name, ".")
	switch ext {
	case ".csv", ".xlsx":
		if hidden {
			return unread{name, "a hidden file (its name starts with a dot), so it is not read; rename it without the dot to include it", true}
		}
	case ".xls":
		return unread{name, "an old Excel workbook (.xls), which coopreport cannot read: open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx)", true}
	case ".xlsm", ".xlsb", ".xltx", ".xltm":
		return unread{name, "an Excel workbook in a form coopreport does not read: open it in Excel and save it as an Excel workbook (.xlsx)", true}
	case ".ods", ".fods":
		return unread{name, "an OpenDocument spreadsheet, which coopreport cannot read: open it in LibreOffice Calc and save it as Excel 2007-365 (.xlsx)", true}
	case ".numbers":
		return unread{name, "an Apple Numbers spreadsheet, which coopreport cannot read: in Numbers, choose File › Export To › Excel", true}
	case ".tsv", ".tab", ".txt", ".dat", ".prn":
		return unread{name, "a text file: if it is a table, save it as CSV (.csv) to include it", true}
	case ".md", ".pdf", ".doc", ".docx", ".odt", ".rtf", ".toml", ".png", ".jpg", ".jpeg":
		return unread{name, "not a table", false}
	}
	if hidden {
		return unread{name, "a hidden file, not a table", false}
	}
	return unread{name, "not a .csv or .xlsx file, so it is not read; save tables as .xlsx or .csv", true}
}

// warnUnread names every entry not read: data-like ones one by one (they
// may hold records the numbers lack), notes in one line.
func (d *Dataset) warnUnread(entries []unread) {
	var notes []string
	for _, u := range entries {
		if u.data {
			d.warnNumbers("%s: not read: %s", u.name, u.why)
		} else {
			notes = append(notes, u.name)
		}
	}
	if len(notes) > 0 {
		d.Warnings = append(d.Warnings, pipeline.Warning{Message: "not read, as they are not tables: " + strings.Join(notes, ", "), Note: true})
	}
}

// mightHold lists the entries not read that may hold a table, for the
// error about a missing one.
func mightHold(entries []unread) string {
	var names []string
	for _, u := range entries {
		if u.data {
			names = append(names, u.name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "; these files in the folder were not read and may hold it: " + strings.Join(names, ", ") + " (see the warnings for how to have each read)"
}

func (d *Dataset) warn(format string, args ...any) {
	d.Warnings = append(d.Warnings, pipeline.Warning{Message: fmt.Sprintf(format, args...)})
}

// warnNumbers is a warning that the report's numbers may be incomplete or
// wrong for: a run that has one is never silent.
func (d *Dataset) warnNumbers(format string, args ...any) {
	d.Warnings = append(d.Warnings, pipeline.Warning{Message: fmt.Sprintf(format, args...), Numbers: true})
}

// warnCells is warnNumbers about cells of an input table, which the
// checked copies mark.
func (d *Dataset) warnCells(cells []pipeline.Cell, format string, args ...any) {
	d.Warnings = append(d.Warnings, pipeline.Warning{Message: fmt.Sprintf(format, args...), Numbers: true, Cells: cells})
}
