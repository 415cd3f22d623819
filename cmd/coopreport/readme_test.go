package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"coopreport/pipeline/config"
	"coopreport/pipeline/schema"
)

const readmePath = "../../README.md"

// columnsTable renders the column names of every kind from the schema,
// the single source of truth, for the README.
func columnsTable() string {
	var b strings.Builder
	for _, k := range schema.Kinds() {
		fmt.Fprintf(&b, "\n**%s**\n\n| column | required | other names |\n| --- | --- | --- |\n", strings.ToUpper(string(k[:1]))+string(k[1:]))
		for _, c := range schema.Columns(k) {
			req := ""
			if c.Required {
				req = "✓"
			}
			names := make([]string, len(c.Aliases))
			for i, a := range c.Aliases {
				names[i] = "`" + a + "`"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s |\n", c.Name, req, strings.Join(names, ", "))
		}
	}
	return b.String() + "\n"
}

var columnsBlock = regexp.MustCompile(`(?s)(<!-- columns:begin[^>]*-->\n).*?(<!-- columns:end -->)`)

// TestREADMEColumns keeps the README's column tables equal to the schema:
// a column or name added in code shows up in the manual.
func TestREADMEColumns(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	m := columnsBlock.FindSubmatchIndex(readme)
	if m == nil {
		t.Fatal("README.md has no <!-- columns:begin --> … <!-- columns:end --> block")
	}
	want := columnsTable()
	if got := string(readme[m[3]:m[4]]); got != want {
		if *update {
			var out bytes.Buffer
			out.Write(readme[:m[3]])
			out.WriteString(want)
			out.Write(readme[m[4]:])
			if err := os.WriteFile(readmePath, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's column tables differ from pipeline/schema; run go test ./cmd/coopreport -run README -update")
	}
}

// TestREADMECommandLine checks that the README documents every flag and
// exit status the help text gives.
func TestREADMECommandLine(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, flag := range regexp.MustCompile(`(?m)^\s+(--?[a-z-]+)`).FindAllStringSubmatch(usage, -1) {
		if !bytes.Contains(readme, []byte("`"+flag[1])) {
			t.Errorf("README.md does not document %s", flag[1])
		}
	}
	for _, status := range []int{ExitOK, ExitFailed, ExitUsage, ExitRejected} {
		if !bytes.Contains(readme, []byte(fmt.Sprintf("| %d |", status))) {
			t.Errorf("README.md's exit status table lacks %d", status)
		}
	}
	example, err := os.ReadFile("../../input/coopreport.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range config.Keys() {
		if !bytes.Contains(readme, []byte("| `"+key+"` |")) {
			t.Errorf("README.md does not document the configuration key %s", key)
		}
		shown := key + ` = `
		if key == "columns" {
			shown = `\[columns\.` // a table of tables
		}
		if !regexp.MustCompile(`(?m)^#? ?` + shown).Match(example) {
			t.Errorf("input/coopreport.toml does not show the key %s", key)
		}
	}
}
