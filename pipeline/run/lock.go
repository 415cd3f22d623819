package run

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// LockName is the lock file in the output folder.
const LockName = ".coopreport.lock"

// ErrLocked reports that another run holds the output folder.
var ErrLocked = errors.New("another run is writing to this output folder")

// lock takes an exclusive lock on dir, waiting up to wait. The lock is an
// flock(2) on a file, so the kernel drops it when its process dies, however
// it dies: a lock left by a dead process is simply taken over.
func lock(dir string, wait time.Duration, pid int, now func() time.Time) (release func(), err error) {
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot create the lock file %s: %w", path, err)
	}
	deadline := time.Now().Add(wait)
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("cannot lock %s: %w", path, err)
		}
		if !time.Now().Before(deadline) {
			holder, _ := os.ReadFile(path)
			f.Close()
			return nil, fmt.Errorf("%w (%s); try again when it has finished, or give --wait", ErrLocked, describeHolder(string(holder)))
		}
		time.Sleep(100 * time.Millisecond)
	}
	host, _ := os.Hostname()
	f.Truncate(0)
	fmt.Fprintf(f, "pid %d on %s since %s\n", pid, host, now().UTC().Format(time.RFC3339))
	return func() {
		f.Truncate(0)
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

func describeHolder(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "held by a run that has just started"
	}
	return "held by " + s
}
