package source

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// errNoWorkbook: a zip without a workbook part (a .docx, or any archive).
var errNoWorkbook = errors.New("the archive holds no workbook")

// partLimit bounds how much of a workbook's index parts is read.
const partLimit = 64 << 20

// nonWorksheets reads the workbook part and its relationships and returns
// the sheets that are not worksheets (chart, dialog and macro sheets):
// excelize lists them among the sheets but they hold no rows. It also
// returns the zip entry of each worksheet it could place.
func nonWorksheets(zr *zip.Reader) (skip map[string]bool, parts map[string]string, err error) {
	files := zipEntries(zr)
	wb := "xl/workbook.xml"
	if rels, err := readRels(files["_rels/.rels"]); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wb = strings.TrimPrefix(path.Clean("/"+r.Target), "/")
			}
		}
	}
	if files[wb] == nil {
		return nil, nil, errNoWorkbook
	}
	sheets, err := readSheetIDs(files[wb])
	if err != nil {
		// A workbook part this reader cannot parse (say, in an unusual
		// charset) is excelize's to judge; list every sheet.
		return map[string]bool{}, nil, nil
	}
	relsPath := path.Join(path.Dir(wb), "_rels", path.Base(wb)+".rels")
	rels, err := readRels(files[relsPath])
	if err != nil {
		// excelize will say more when it opens the sheets.
		return map[string]bool{}, nil, nil
	}
	types := make(map[string]string, len(rels))
	targets := make(map[string]string, len(rels))
	for _, r := range rels {
		types[r.ID] = r.Type
		if strings.HasPrefix(r.Target, "/") {
			targets[r.ID] = strings.TrimPrefix(path.Clean(r.Target), "/")
		} else {
			targets[r.ID] = path.Join(path.Dir(wb), r.Target)
		}
	}
	skip, parts = map[string]bool{}, map[string]string{}
	for _, s := range sheets {
		// Strict OOXML spells the type with another base URL, so match
		// the last segment only.
		if t, ok := types[s.rid]; ok && !strings.HasSuffix(t, "/worksheet") {
			skip[s.name] = true
		} else if files[targets[s.rid]] != nil {
			parts[s.name] = targets[s.rid]
		}
	}
	return skip, parts, nil
}

// zipEntries maps the entries of a workbook by name, as excelize names
// them: forward slashes, no leading slash.
func zipEntries(zr *zip.Reader) map[string]*zip.File {
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		files[strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/")] = f
	}
	return files
}

// sharedStringsEntry is the part excelize reads the shared strings from:
// xl/sharedStrings.xml in any letter case (the last such entry, as in
// excelize's ReadZipReader); nil if there is none.
func sharedStringsEntry(zr *zip.Reader) *zip.File {
	var sst *zip.File
	for _, f := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, "\\", "/"), "xl/sharedStrings.xml") {
			sst = f
		}
	}
	return sst
}

type rel struct{ ID, Type, Target string }

func readRels(f *zip.File) ([]rel, error) {
	var out []rel
	err := eachElement(f, "Relationship", func(attr []xml.Attr) {
		var r rel
		for _, a := range attr {
			switch a.Name.Local {
			case "Id":
				r.ID = a.Value
			case "Type":
				r.Type = a.Value
			case "Target":
				r.Target = a.Value
			}
		}
		out = append(out, r)
	})
	return out, err
}

type sheetID struct{ name, rid string }

func readSheetIDs(f *zip.File) ([]sheetID, error) {
	var out []sheetID
	err := eachElement(f, "sheet", func(attr []xml.Attr) {
		var s sheetID
		for _, a := range attr {
			switch {
			case a.Name.Local == "name":
				s.name = a.Value
			case a.Name.Local == "id" && a.Name.Space != "":
				s.rid = a.Value // r:id
			}
		}
		out = append(out, s)
	})
	return out, err
}

// eachElement calls fn with the attributes of every element named local.
func eachElement(f *zip.File, local string, fn func([]xml.Attr)) error {
	if f == nil {
		return errNoWorkbook
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, partLimit))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == local {
			fn(se.Attr)
		}
	}
}
