package run

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// LockName is the file in the output folder that names the run holding
// it. The lock itself is on the folder.
const LockName = ".coopreport.lock"

// ErrLocked reports that another run holds the output folder.
var ErrLocked = errors.New("another run is writing to this output folder")

// lock takes an exclusive lock on the output folder dir, waiting up to
// wait, or until ctx is done. The lock is an flock(2) on the folder
// itself, which cannot be deleted from under a run as a file could, and
// which the kernel drops when its process dies, however it dies: a lock
// left by a dead process is simply taken over. LockName in the folder says
// who holds it: pid (the command's), host and since when.
func lock(ctx context.Context, dir string, wait time.Duration, pid int, now func() time.Time) (release func(), err error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot open the output folder %s: %w", dir, err)
	}
	deadline := time.Now().Add(wait)
	path := filepath.Join(dir, LockName)
	for {
		err = syscall.Flock(int(d.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			d.Close()
			return nil, fmt.Errorf("cannot lock the output folder %s: %w", dir, err)
		}
		if !time.Now().Before(deadline) {
			holder, _ := os.ReadFile(path)
			d.Close()
			return nil, fmt.Errorf("%w (%s); try again when it has finished, or give --wait", ErrLocked, describeHolder(string(holder)))
		}
		select {
		case <-ctx.Done():
			d.Close()
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	host, _ := os.Hostname()
	note := fmt.Sprintf("pid %d on %s since %s\n", pid, host, now().UTC().Format(time.RFC3339))
	os.WriteFile(path, []byte(note), 0o644) // for people; the lock does not depend on it
	return func() {
		if b, err := os.ReadFile(path); err == nil && string(b) == note {
			os.WriteFile(path, nil, 0o644)
		}
		syscall.Flock(int(d.Fd()), syscall.LOCK_UN)
		d.Close()
	}, nil
}

func describeHolder(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "held by a run that has just started"
	}
	return "held by " + s
}
