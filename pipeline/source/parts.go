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
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
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

// sheetComplete reports whether the worksheet part of the workbook at
// zipPath ends with its closing tag. excelize's row iterator stops without
// an error at XML that breaks off, so a sheet cut short inside an intact
// zip would lose its last rows silently; when the sheet's dimension does
// not say how many rows to expect, its last bytes tell whether it is whole.
func sheetComplete(zipPath, part string) (bool, error) {
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		return false, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.TrimPrefix(f.Name, "/") != part {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false, err
		}
		defer rc.Close()
		var tail []byte // the last bytes read, at least 256 of them when there are
		buf := make([]byte, 64<<10)
		for {
			k, err := rc.Read(buf)
			tail = append(tail, buf[:k]...)
			if len(tail) > 1024 {
				tail = append(tail[:0:0], tail[len(tail)-256:]...)
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				return false, err
			}
		}
		end := strings.TrimSpace(string(tail))
		return strings.HasSuffix(end, "worksheet>") && strings.Contains(end[max(0, len(end)-40):], "</"), nil
	}
	return true, nil // no such part: excelize found the sheet elsewhere
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
