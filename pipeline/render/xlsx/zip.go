package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// spillAt is the size past which a zip entry is kept in a temporary file
// instead of memory, so that a ledger of a million rows does not sit in RAM.
const spillAt = 4 << 20

// sortedZip is excelize's ZipWriter hook. excelize writes streamed sheets
// in map order, so the same report would give different bytes from run to
// run; sortedZip holds every entry until Close and then writes them sorted
// by name, straight to the destination (excelize's own buffer stays empty).
// On the way it fixes the <dimension> of streamed sheets, which excelize
// leaves at A1 and which pandas and openpyxl's read-only mode trust.
type sortedZip struct {
	dst     io.Writer
	dims    map[string]string // sheet XML path → real used range
	entries map[string]*entry
	err     error
}

func newSortedZip(dst io.Writer, dims map[string]string) *sortedZip {
	return &sortedZip{dst: dst, dims: dims, entries: map[string]*entry{}}
}

// entry is one zip member being collected: in memory until spillAt, then
// in a temporary file.
type entry struct {
	buf bytes.Buffer
	tmp *os.File
	err error
}

func (e *entry) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	if e.tmp == nil && e.buf.Len()+len(p) > spillAt {
		e.tmp, e.err = os.CreateTemp("", "coopreport-xlsx-*")
		if e.err != nil {
			return 0, e.err
		}
		if _, e.err = e.buf.WriteTo(e.tmp); e.err != nil {
			return 0, e.err
		}
	}
	if e.tmp != nil {
		n, err := e.tmp.Write(p)
		e.err = err
		return n, err
	}
	return e.buf.Write(p)
}

func (e *entry) reader() (io.Reader, error) {
	if e.err != nil {
		return nil, e.err
	}
	if e.tmp == nil {
		return bytes.NewReader(e.buf.Bytes()), nil
	}
	if _, err := e.tmp.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return bufio.NewReaderSize(e.tmp, 1<<16), nil
}

func (e *entry) discard() {
	if e.tmp != nil {
		name := e.tmp.Name()
		_ = e.tmp.Close()
		_ = os.Remove(name)
		e.tmp = nil
	}
	e.buf = bytes.Buffer{}
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if old, ok := z.entries[name]; ok {
		old.discard()
	}
	e := &entry{}
	z.entries[name] = e
	return e, nil
}

// AddFS is part of excelize.ZipWriter; excelize does not call it when saving.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		w, _ := z.Create(path)
		_, err = w.Write(b)
		return err
	})
}

// Close writes the entries sorted by name and removes the temporary files.
func (z *sortedZip) Close() error {
	defer z.discardAll()
	names := make([]string, 0, len(z.entries))
	for n := range z.entries {
		names = append(names, n)
	}
	sort.Strings(names)
	zw := zip.NewWriter(z.dst)
	for _, n := range names {
		r, err := z.entries[n].reader()
		if err != nil {
			return err
		}
		w, err := zw.Create(n)
		if err != nil {
			return err
		}
		if ref, ok := z.dims[n]; ok {
			err = copyWithDimension(w, r, ref)
		} else if n == "[Content_Types].xml" {
			err = copySortedDefaults(w, r)
		} else {
			_, err = io.Copy(w, r)
		}
		if err != nil {
			return err
		}
		z.entries[n].discard()
	}
	return zw.Close()
}

func (z *sortedZip) discardAll() {
	for _, e := range z.entries {
		e.discard()
	}
}

// dimensionHead is how far into a sheet's XML the <dimension> element may
// be: it follows the root element and <sheetPr>, both short.
const dimensionHead = 64 << 10

// copyWithDimension copies a sheet's XML, setting the ref of its first
// <dimension> element. Only the head is held in memory; the rest streams.
func copyWithDimension(w io.Writer, r io.Reader, ref string) error {
	head := make([]byte, dimensionHead)
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return err
	}
	head = head[:n]
	open := []byte(`<dimension ref="`)
	if i := bytes.Index(head, open); i >= 0 {
		start := i + len(open)
		if j := bytes.IndexByte(head[start:], '"'); j >= 0 {
			fixed := make([]byte, 0, len(head)+len(ref))
			fixed = append(fixed, head[:start]...)
			fixed = append(fixed, ref...)
			fixed = append(fixed, head[start+j:]...)
			head = fixed
		}
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

// defaultElem is one <Default> element of [Content_Types].xml.
var defaultElem = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)

// copySortedDefaults copies [Content_Types].xml with its <Default>
// elements sorted: excelize adds the image extensions from a map when a
// chart or comment is added, in a different order each run. The order has
// no meaning to readers.
func copySortedDefaults(w io.Writer, r io.Reader) error {
	b, err := io.ReadAll(r) // a few kilobytes
	if err != nil {
		return err
	}
	loc := defaultElem.FindAllIndex(b, -1)
	if len(loc) == 0 {
		_, err = w.Write(b)
		return err
	}
	elems := make([]string, len(loc))
	var rest []byte
	prev := 0
	for i, l := range loc {
		elems[i] = string(b[l[0]:l[1]])
		rest = append(rest, b[prev:l[0]]...)
		if i == 0 {
			rest = append(rest, 0) // where the sorted elements go
		}
		prev = l[1]
	}
	rest = append(rest, b[prev:]...)
	sort.Strings(elems)
	at := bytes.IndexByte(rest, 0)
	out := append(append(append([]byte{}, rest[:at]...), strings.Join(elems, "")...), rest[at+1:]...)
	_, err = w.Write(out)
	return err
}

var _ excelize.ZipWriter = (*sortedZip)(nil)
