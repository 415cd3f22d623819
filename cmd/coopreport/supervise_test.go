package main

import (
	"os/exec"
	"strings"
	"testing"
)

// The process that watches a worker passes its exit status on, but for
// the deaths a run must not end with: the Go runtime's status 2 once work
// has begun (out of memory, a crash) and a kill by the system, which
// become a failed run (status 1) with a sentence saying what happened.
func TestSupervise(t *testing.T) {
	for _, tt := range []struct {
		name, script string
		want         int
		says         string
	}{
		{"done", "echo started >&3; exit 0", ExitOK, ""},
		{"rows rejected", "echo started >&3; exit 3", ExitRejected, ""},
		{"failed", "echo started >&3; exit 1", ExitFailed, ""},
		{"bad command line", "exit 2", ExitUsage, ""},
		{"runtime out of memory", "echo started >&3; echo 'fatal error: runtime: out of memory' >&2; exit 2", ExitFailed, "ran out of memory, or crashed"},
		{"killed by the system", "echo started >&3; kill -9 $$", ExitFailed, "killed (killed), most likely by the system because the machine ran out of memory"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stderr strings.Builder
			cmd := exec.Command("/bin/sh", "-c", tt.script)
			cmd.Stderr = &stderr
			got := supervise(cmd, "run", &stderr)
			if got != tt.want {
				t.Errorf("exit status %d, want %d (%s)", got, tt.want, stderr.String())
			}
			if tt.says != "" && !strings.Contains(stderr.String(), tt.says) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.says)
			}
			if tt.says != "" && !strings.Contains(stderr.String(), "Nothing was replaced") {
				t.Errorf("stderr %q does not say that nothing was replaced", stderr.String())
			}
		})
	}
}
