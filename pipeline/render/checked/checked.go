package checked

import (
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"coopreport/pipeline"
	"coopreport/pipeline/source"
)

// Dir is the folder of the checked copies inside a run's output folder.
const Dir = "checked"

// Copy is the checked copy of one input file.
type Copy struct {
	// Name is the copy's path in the run's output folder, with forward
	// slashes: Dir, then the input's name for a workbook
	// ("checked/registry.xlsx", which can go back in place of the
	// original as it is), or the input's name and ".xlsx" for a CSV file
	// ("checked/activities.csv.xlsx", which never takes the name of a
	// workbook activities.xlsx beside it).
	Name string
	// Input is the input file's name, as positions give it.
	Input string

	path string // where the input file is
	in   *pipeline.InputFile
}

// Copies lists the checked copies a run's report r calls for: one for
// each input file with a rejected row or a cell a warning is about, in
// the order of r.Inputs. dir is the input folder the run read; the files
// are found there as source.Files lists them, and nowhere else.
func Copies(r *pipeline.Report, dir string) ([]Copy, error) {
	with := map[string]bool{}
	for _, e := range r.Rejects {
		with[e.File] = true
	}
	for _, w := range r.Warnings {
		for _, c := range w.Cells {
			with[c.File] = true
		}
	}
	if len(with) == 0 {
		return nil, nil
	}
	names, _, _, err := source.Files(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the input folder %s: %w", dir, err)
	}
	real := map[string]string{} // the name positions give → the name on disk
	for _, n := range names {
		real[source.Display(n)] = n
	}
	var out []Copy
	taken := map[string]bool{}
	// Workbooks first: their copies keep their names, which lets them go
	// back in place of the originals as they are.
	for _, workbooks := range []bool{true, false} {
		for i := range r.Inputs {
			in := &r.Inputs[i]
			onDisk, ok := real[in.Name]
			if !with[in.Name] || !ok || isXLSX(in.Name) != workbooks {
				continue
			}
			out = append(out, Copy{Name: outName(in.Name, taken), Input: in.Name, path: filepath.Join(dir, onDisk), in: in})
		}
	}
	// In input order, whatever the names.
	order := map[string]int{}
	for i := range r.Inputs {
		order[r.Inputs[i].Name] = i
	}
	slices.SortStableFunc(out, func(a, b Copy) int { return order[a.Input] - order[b.Input] })
	return out, nil
}

func isXLSX(name string) bool { return strings.EqualFold(path.Ext(name), ".xlsx") }

// outName is the name of the copy of input: inside Dir whatever input
// holds (no "..", no absolute path, no control character), unique among
// taken without regard to case (a file system may not tell Activities.xlsx
// from activities.xlsx).
func outName(input string, taken map[string]bool) string {
	parts := strings.Split(input, "/")
	for i, p := range parts {
		p = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) || r == '\\' || r == ':' {
				return '_'
			}
			return r
		}, p)
		if p == "" || p == "." || p == ".." {
			p = "_"
		}
		parts[i] = p
	}
	name := strings.Join(parts, "/")
	if !isXLSX(name) {
		name += ".xlsx"
	}
	stem := strings.TrimSuffix(name, path.Ext(name))
	for n := 2; taken[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s (%d).xlsx", stem, n)
	}
	taken[strings.ToLower(name)] = true
	return Dir + "/" + name
}

// Write writes the copy to w: the input file read again (as package
// source reads it, within its limits), which must be the bytes the run
// read, marked with r's rejects and warnings. It reads and writes a row
// at a time: the rows wait on disk, in excelize's stream and in the
// compressed entries of the zip (in opt.TmpDir), not in memory.
func (c *Copy) Write(w io.Writer, r *pipeline.Report, opt source.Options) error {
	opt.Stored = true
	b := newBook(c, r, opt.TmpDir)
	f, err := source.Open(c.path, c.Input, opt)
	switch {
	case errors.Is(err, source.ErrTooLarge):
		b.tooLarge = true
	case err != nil:
		return err
	default:
		defer f.Close()
		b.in = f
	}
	return b.write(w)
}

// csvWidths fits the columns of a CSV file to the text of their first
// rows, within bounds: a CSV file has no widths of its own.
func csvWidths(rows []sourceRow) []float64 {
	var ws []float64
	for i, r := range rows {
		for j, c := range r.cells {
			if j >= len(ws) {
				ws = append(ws, 8)
			}
			if i >= 200 {
				continue
			}
			for _, line := range strings.Split(c.Value, "\n") {
				ws[j] = min(50, max(ws[j], float64(len([]rune(line))+2)))
			}
		}
	}
	return ws
}

// csvSheetName is the name of the sheet a CSV file becomes: its name
// without the extension, as a sheet may be named (at most 31 characters,
// none of []:*?/\), so that the copy's sheet says what the file said.
func csvSheetName(name string) string {
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	base = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || unicode.IsControl(r) {
			return '_'
		}
		return r
	}, base)
	base = strings.Trim(base, "' ")
	if rs := []rune(base); len(rs) > 31 {
		base = string(rs[:31])
	}
	if base == "" {
		base = "Sheet1"
	}
	return base
}
