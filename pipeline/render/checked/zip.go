package checked

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sortedZip is excelize's ZipWriter hook that makes the same copy the
// same bytes: excelize writes streamed sheets in map order and adds the
// <Default> elements of [Content_Types].xml from a map when comments are
// added. It holds the entries, then writes them sorted by name, without
// times, with those elements sorted, and the <dimension> of the streamed
// sheets set (excelize leaves it at A1; openpyxl's read-only mode trusts
// it). It is render/xlsx's approach, without that package's parallel
// compression: a copy is bounded by source.MaxSheetsSize.
type sortedZip struct {
	dst     io.Writer
	dims    map[string]string // sheet XML path → used range
	entries map[string]*bytes.Buffer
}

func newSortedZip(dst io.Writer, dims map[string]string) *sortedZip {
	return &sortedZip{dst: dst, dims: dims, entries: map[string]*bytes.Buffer{}}
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	b := &bytes.Buffer{}
	z.entries[name] = b
	return b, nil
}

// AddFS is part of excelize.ZipWriter; excelize does not call it when saving.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, path)
		if err == nil {
			z.entries[path] = bytes.NewBuffer(b)
		}
		return err
	})
}

func (z *sortedZip) Close() error {
	names := make([]string, 0, len(z.entries))
	for n := range z.entries {
		names = append(names, n)
	}
	sort.Strings(names)
	zw := zip.NewWriter(z.dst)
	for _, n := range names {
		b := z.entries[n].Bytes()
		switch ref, ok := z.dims[n]; {
		case ok:
			b = withDimension(b, ref)
		case n == "[Content_Types].xml":
			b = sortDefaults(b)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return zw.Close()
}

// withDimension returns a sheet's XML with the ref of its first
// <dimension> element set.
func withDimension(b []byte, ref string) []byte {
	open := []byte(`<dimension ref="`)
	i := bytes.Index(b, open)
	if i < 0 {
		return b
	}
	start := i + len(open)
	j := bytes.IndexByte(b[start:], '"')
	if j < 0 {
		return b
	}
	return append(append(append([]byte{}, b[:start]...), ref...), b[start+j:]...)
}

var defaultElem = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)

// sortDefaults returns [Content_Types].xml with its <Default> elements
// sorted; their order means nothing to readers.
func sortDefaults(b []byte) []byte {
	loc := defaultElem.FindAllIndex(b, -1)
	if len(loc) == 0 {
		return b
	}
	elems := make([]string, len(loc))
	for i, l := range loc {
		elems[i] = string(b[l[0]:l[1]])
	}
	sort.Strings(elems)
	var out []byte
	out = append(out, b[:loc[0][0]]...)
	out = append(out, strings.Join(elems, "")...)
	prev := loc[0][1]
	for _, l := range loc[1:] {
		out = append(out, b[prev:l[0]]...)
		prev = l[1]
	}
	return append(out, b[prev:]...)
}

var _ excelize.ZipWriter = (*sortedZip)(nil)
