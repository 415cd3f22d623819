package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
)

// A run that cannot get memory must fail as a run fails (exit status 1,
// one paragraph saying what happened), not with the Go runtime's dump and
// its exit status 2, which the README gives to a bad command line; and a
// run the kernel kills for memory must not leave the administrator
// guessing. So `coopreport run` and `validate` do their work in a child
// process, a worker, which the first process watches: it passes on what
// the worker prints and its exit status, and tells what happened when the
// worker dies after it has started work.

// workerEnv marks the worker; its value is the file descriptor on which
// it says that it has started (its command line was read).
const workerEnv = "COOPREPORT_WORKER"

// supervised reports whether args is a command done by a worker.
func supervised(args []string, getenv func(string) string) bool {
	return len(args) > 0 && (args[0] == "run" || args[0] == "validate") && getenv(workerEnv) == ""
}

// supervise runs cmd, the worker, with its standard streams the caller's,
// and returns the exit status to give. cmd must not be started; supervise
// sets workerEnv in its environment and gives it the pipe to say it
// started on.
func supervise(cmd *exec.Cmd, what string, stderr io.Writer) int {
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Fprintf(stderr, "coopreport %s: cannot start: %v\n", what, err)
		return ExitFailed
	}
	cmd.ExtraFiles = []*os.File{w}
	cmd.Env = append(cmd.Environ(), workerEnv+"=3")
	// The worker dies with this process (kill -9 of the command stops
	// the run): the kernel sends it SIGKILL when the thread that started
	// it ends, so that thread stays this goroutine's.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	dieWithParent(cmd)
	if err := cmd.Start(); err != nil {
		r.Close()
		w.Close()
		fmt.Fprintf(stderr, "coopreport %s: cannot start: %v\n", what, err)
		return ExitFailed
	}
	w.Close()
	started := make(chan bool, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		started <- strings.TrimSpace(line) == "started"
		r.Close()
	}()
	// Interrupts go to the worker, which stops cleanly; this process
	// waits for it.
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sig)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var interrupted bool
wait:
	for {
		select {
		case s := <-sig:
			interrupted = true
			cmd.Process.Signal(s)
		case err = <-done:
			break wait
		}
	}
	didStart := <-started
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		fmt.Fprintf(stderr, "coopreport %s: %v\n", what, err)
		return ExitFailed
	}
	code := cmd.ProcessState.ExitCode()
	ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
	switch {
	case ws.Signaled() && !interrupted:
		fmt.Fprintf(stderr, "coopreport %s: failed: the run was killed (%v), most likely by the system because the machine ran out of memory. "+
			"Nothing was replaced: the outputs of earlier runs are as they were. See \"Memory\" in the README for what a run needs; "+
			"give it more memory, or run it on a shorter period.\n", what, ws.Signal())
		return ExitFailed
	case ws.Signaled():
		fmt.Fprintf(stderr, "coopreport %s: stopped (%v). Nothing was replaced.\n", what, ws.Signal())
		return ExitFailed
	case code == ExitUsage && didStart:
		// The worker read its command line, so status 2 is the Go
		// runtime's: out of memory, or a crash it printed above.
		fmt.Fprintf(stderr, "coopreport %s: failed: the run stopped abnormally: it ran out of memory, or crashed (the lines above say which). "+
			"Nothing was replaced: the outputs of earlier runs are as they were. See \"Memory\" in the README for what a run needs; "+
			"if it is not memory, please report the lines above as a bug.\n", what)
		return ExitFailed
	}
	return code
}

// workerStarted tells the supervising process, if there is one, that the
// command line was read and work begins.
func workerStarted(getenv func(string) string) {
	fd, err := strconv.Atoi(getenv(workerEnv))
	if err != nil || fd < 3 {
		return
	}
	f := os.NewFile(uintptr(fd), "started")
	if f == nil {
		return
	}
	fmt.Fprintln(f, "started")
	f.Close()
}

// setMemoryLimit sets the runtime's soft memory limit to 90% of the
// memory the machine gives the process (its cgroup's limit), unless
// GOMEMLIMIT says otherwise: near the limit the garbage collector works
// harder instead of letting the heap grow past it.
func setMemoryLimit(getenv func(string) string) {
	if getenv("GOMEMLIMIT") != "" {
		return
	}
	if limit := cgroupMemoryLimit(); limit > 0 {
		debug.SetMemoryLimit(limit / 10 * 9)
	}
}

// cgroupMemoryLimit is the memory limit of the process's cgroup (v2, else
// v1), or 0 when there is none.
func cgroupMemoryLimit() int64 {
	for _, path := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
		if err != nil || n <= 0 || n >= 1<<60 { // "max", or v1's "no limit"
			return 0
		}
		return n
	}
	return 0
}
