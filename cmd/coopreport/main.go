package main

import (
	"os"
	_ "time/tzdata" // time zones work on machines without a zone database
)

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}
