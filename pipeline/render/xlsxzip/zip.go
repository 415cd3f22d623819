package xlsxzip

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"os"
	"regexp"
	"runtime"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// spillAt is the size past which a zip entry's compressed bytes are kept
// in a temporary file instead of memory, so that a ledger of a million
// rows does not sit in RAM.
const spillAt = 4 << 20

// Writer is excelize's ZipWriter hook. excelize writes streamed sheets
// in map order, so the same report would give different bytes from run to
// run; Writer compresses every entry as excelize writes it, holds the
// compressed bytes until Close, and then writes them sorted by name,
// straight to the destination (excelize's own buffer stays empty). Each
// entry is compressed once and its raw bytes copied: the sheet XML of a
// large ledger is never written out uncompressed a second time. On the
// way it fixes the <dimension> of streamed sheets, which excelize leaves
// at A1 and which pandas and openpyxl's read-only mode trust, and sorts
// the <Default> elements of [Content_Types].xml.
type Writer struct {
	ctx     context.Context
	dst     io.Writer
	dims    map[string]string // sheet XML path → real used range
	tmpDir  string            // where entries past spillAt wait ("": the system's)
	entries map[string]*entry
	// Level is the compression level of the entries created after it is
	// set: flate.DefaultCompression from New; flate.BestSpeed compresses
	// sheet XML about three times as fast, into about a third more bytes.
	Level int
}

// New returns the writer to set as excelize's File.ZipWriter, writing to
// dst; dims gives the used range of each streamed sheet, by its XML path;
// tmpDir is where large entries wait ("" for the system's folder). ctx
// stops the compression early.
func New(ctx context.Context, dst io.Writer, dims map[string]string, tmpDir string) *Writer {
	return &Writer{ctx: ctx, dst: dst, dims: dims, tmpDir: tmpDir, entries: map[string]*entry{}, Level: flate.DefaultCompression}
}

// entry is one zip member being compressed. Its head is held back until
// it is long enough to fix (fix != nil), then everything streams through
// the compressor into out: memory until spillAt, then a temporary file.
//
// The compressor is parallel: the entry is cut into blocks of blockSize
// bytes, each compressed on its own core with the 32 KiB before it as its
// dictionary and ended with a sync flush, so that the blocks written one
// after the other are one deflate stream, as pigz does; the sheet of a
// large ledger is compressed on every core, in about the same size. The
// cuts fall at fixed offsets, so the bytes are the same from run to run.
type entry struct {
	ctx   context.Context     // a block is not compressed once it is done
	fix   func([]byte) []byte // rewrites the head; nil once applied
	keep  int                 // how long a head fix needs
	level int                 // compression level
	head  []byte

	crc     hash.Hash32
	size    uint64
	block   []byte          // the block being filled
	dict    []byte          // the end of the block before
	pending []chan deflated // blocks being compressed, in order
	out     spill
	err     error
}

// blockSize is the size of the blocks compressed in parallel.
const blockSize = 1 << 20

// window is deflate's window: what a block may refer back to.
const window = 32 << 10

type deflated struct {
	b   []byte
	err error
}

// compressors bounds the blocks compressed at once, over all entries.
var compressors = make(chan struct{}, runtime.GOMAXPROCS(0))

func newEntry(ctx context.Context, fix func([]byte) []byte, keep int, tmpDir string, level int) *entry {
	return &entry{ctx: ctx, fix: fix, keep: keep, level: level, crc: crc32.NewIEEE(), out: spill{dir: tmpDir}}
}

func (e *entry) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	if e.fix != nil {
		e.head = append(e.head, p...)
		if len(e.head) < e.keep {
			return len(p), nil
		}
		e.flushHead()
		return len(p), e.err
	}
	e.compress(p)
	return len(p), e.err
}

func (e *entry) flushHead() {
	if e.fix == nil {
		return
	}
	head := e.fix(e.head)
	e.fix, e.head = nil, nil
	e.compress(head)
}

func (e *entry) compress(p []byte) {
	e.crc.Write(p)
	e.size += uint64(len(p))
	for len(p) > 0 && e.err == nil {
		if e.block == nil {
			e.block = make([]byte, 0, blockSize)
		}
		n := min(len(p), blockSize-len(e.block))
		e.block = append(e.block, p[:n]...)
		p = p[n:]
		if len(e.block) == blockSize {
			e.send()
		}
	}
}

// send hands the block filled to a compressor, and writes out the blocks
// done before it while more than two per core wait.
func (e *entry) send() {
	if err := e.ctx.Err(); err != nil && e.err == nil {
		e.err = err
		return
	}
	block, dict, level := e.block, e.dict, e.level
	e.dict = append([]byte(nil), block[max(0, len(block)-window):]...)
	e.block = nil
	done := make(chan deflated, 1)
	e.pending = append(e.pending, done)
	compressors <- struct{}{}
	go func() {
		defer func() { <-compressors }()
		var buf bytes.Buffer
		buf.Grow(len(block) / 4)
		fw, err := flate.NewWriterDict(&buf, level, dict)
		if err == nil {
			if _, err = fw.Write(block); err == nil {
				err = fw.Flush()
			}
		}
		done <- deflated{buf.Bytes(), err}
	}()
	for len(e.pending) > 2*cap(compressors) {
		e.collect()
	}
}

// collect writes out the oldest block sent.
func (e *entry) collect() {
	d := <-e.pending[0]
	e.pending = e.pending[1:]
	if d.err == nil {
		_, d.err = e.out.Write(d.b)
	}
	if d.err != nil && e.err == nil {
		e.err = d.err
	}
}

// finish ends the compressed stream: the last block, and an empty final
// block (what a flate.Writer closes a stream with after a flush).
func (e *entry) finish() error {
	e.flushHead()
	if len(e.block) > 0 {
		e.send()
	}
	for len(e.pending) > 0 {
		e.collect()
	}
	if e.err == nil {
		_, e.err = e.out.Write([]byte{0x03, 0x00})
	}
	return e.err
}

func (e *entry) discard() {
	for len(e.pending) > 0 {
		<-e.pending[0]
		e.pending = e.pending[1:]
	}
	e.out.discard()
}

// spill is a buffer that moves to a temporary file past spillAt.
type spill struct {
	dir string
	buf bytes.Buffer
	tmp *os.File
	n   int64
}

func (s *spill) Write(p []byte) (int, error) {
	if s.tmp == nil && s.buf.Len()+len(p) > spillAt {
		tmp, err := os.CreateTemp(s.dir, "coopreport-xlsx-*")
		if err != nil {
			return 0, err
		}
		s.tmp = tmp
		if _, err := s.buf.WriteTo(s.tmp); err != nil {
			return 0, err
		}
	}
	var n int
	var err error
	if s.tmp != nil {
		n, err = s.tmp.Write(p)
	} else {
		n, err = s.buf.Write(p)
	}
	s.n += int64(n)
	return n, err
}

func (s *spill) reader() (io.Reader, error) {
	if s.tmp == nil {
		return bytes.NewReader(s.buf.Bytes()), nil
	}
	if _, err := s.tmp.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return bufio.NewReaderSize(s.tmp, 1<<16), nil
}

func (s *spill) discard() {
	if s.tmp != nil {
		name := s.tmp.Name()
		_ = s.tmp.Close()
		_ = os.Remove(name)
		s.tmp = nil
	}
	s.buf = bytes.Buffer{}
}

func (z *Writer) Create(name string) (io.Writer, error) {
	if old, ok := z.entries[name]; ok {
		old.discard()
	}
	var e *entry
	switch ref, ok := z.dims[name]; {
	case ok:
		e = newEntry(z.ctx, func(head []byte) []byte { return withDimension(head, ref) }, dimensionHead, z.tmpDir, z.Level)
	case name == "[Content_Types].xml":
		e = newEntry(z.ctx, sortDefaults, math.MaxInt, z.tmpDir, z.Level) // a few kilobytes, fixed whole
	default:
		e = newEntry(z.ctx, nil, 0, z.tmpDir, z.Level)
	}
	z.entries[name] = e
	return e, nil
}

// AddFS is part of excelize.ZipWriter; excelize does not call it when saving.
func (z *Writer) AddFS(fsys fs.FS) error {
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

// Close writes the entries sorted by name, each as the raw bytes it was
// compressed to, and removes the temporary files.
func (z *Writer) Close() error {
	defer z.discardAll()
	names := make([]string, 0, len(z.entries))
	for n := range z.entries {
		names = append(names, n)
	}
	sort.Strings(names)
	zw := zip.NewWriter(z.dst)
	for _, n := range names {
		e := z.entries[n]
		if err := e.finish(); err != nil {
			return err
		}
		r, err := e.out.reader()
		if err != nil {
			return err
		}
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: n, Method: zip.Deflate, CreatorVersion: 20, ReaderVersion: 20,
			CRC32: e.crc.Sum32(), CompressedSize64: uint64(e.out.n), UncompressedSize64: e.size,
		})
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, r); err != nil {
			return err
		}
		e.discard()
	}
	return zw.Close()
}

func (z *Writer) discardAll() {
	for _, e := range z.entries {
		e.discard()
	}
}

// dimensionHead is how far into a sheet's XML the <dimension> element may
// be: it follows the root element and <sheetPr>, both short.
const dimensionHead = 64 << 10

// withDimension returns the head of a sheet's XML with the ref of its
// first <dimension> element set.
func withDimension(head []byte, ref string) []byte {
	open := []byte(`<dimension ref="`)
	i := bytes.Index(head, open)
	if i < 0 {
		return head
	}
	start := i + len(open)
	j := bytes.IndexByte(head[start:], '"')
	if j < 0 {
		return head
	}
	fixed := make([]byte, 0, len(head)+len(ref))
	fixed = append(fixed, head[:start]...)
	fixed = append(fixed, ref...)
	return append(fixed, head[start+j:]...)
}

// defaultElem is one <Default> element of [Content_Types].xml.
var defaultElem = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)

// sortDefaults returns [Content_Types].xml with its <Default> elements
// sorted: excelize adds the image extensions from a map when a chart or
// comment is added, in a different order each run. The order has no
// meaning to readers.
func sortDefaults(b []byte) []byte {
	loc := defaultElem.FindAllIndex(b, -1)
	if len(loc) == 0 {
		return b
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
	return append(append(append([]byte{}, rest[:at]...), strings.Join(elems, "")...), rest[at+1:]...)
}

var _ excelize.ZipWriter = (*Writer)(nil)
