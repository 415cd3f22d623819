package main

import (
	"os"
	"os/exec"
	_ "time/tzdata" // time zones work on machines without a zone database
)

func main() {
	args := os.Args[1:]
	if supervised(args, os.Getenv) {
		if self, err := os.Executable(); err == nil {
			cmd := exec.Command(self, args...)
			cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
			os.Exit(supervise(cmd, args[0], os.Stderr))
		}
	}
	setMemoryLimit(os.Getenv)
	os.Exit(Main(args, os.Stdout, os.Stderr, os.Getenv))
}
