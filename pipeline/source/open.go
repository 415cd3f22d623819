package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ErrNotRegular: the input is a named pipe, a device, a socket or a link
// to one, which could be read forever or block the run; only regular
// files are read.
var ErrNotRegular = errors.New("this is not a regular file")

// openRegular opens the file at path for reading if it is a regular file
// (a link to one will do), and returns it with what fstat says of it. The
// open does not block on a named pipe, and nothing but a regular file is
// ever read: what the run reads of a file is bounded by its size when it
// was opened.
func openRegular(path, name string, reason error) (*os.File, fs.FileInfo, error) {
	fh, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, fileError(name, "", reason, "the file cannot be opened: %v", err)
	}
	info, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, nil, fileError(name, "", reason, "the file cannot be read: %v", err)
	}
	if !info.Mode().IsRegular() {
		fh.Close()
		return nil, nil, fileError(name, "", ErrNotRegular, "%s is %s, not a regular file: it was not read; put the data in a file", name, describeMode(info.Mode()))
	}
	return fh, info, nil
}

// describeMode names a kind of file that is not regular.
func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return fmt.Sprintf("a special file (%v)", m.Type())
}

// readUpTo reads what f held when it was opened, size bytes, and no more.
func readUpTo(f *os.File, size int64) io.Reader { return io.LimitReader(f, size) }
