package source_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"coopreport/pipeline/source"
)

func ExampleSniff() {
	head := []byte("Agreements 2013;;\nid;country;signed\nA-1;Russia;2013-01-18\n")
	enc, delim := source.Sniff(head)
	fmt.Printf("%s %q\n", enc, delim)
	// Output: UTF-8 ';'
}

func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	data := "\uFEFFid,notes\nA-1,\"two\nlines\"\n\nA-2,\n"
	os.WriteFile(filepath.Join(dir, "agreements.csv"), []byte(data), 0o600)

	files, _, _, _ := source.Files(dir)
	for _, name := range files {
		f, err := source.Open(filepath.Join(dir, name), name, source.Options{})
		if err != nil {
			fmt.Println(err)
			continue
		}
		for _, t := range f.Tables() {
			fmt.Printf("%s: %s, delimiter %q\n", t.File, t.Encoding, t.Delimiter)
			for {
				row, err := t.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					fmt.Println(err)
					break
				}
				fmt.Printf("row %d: %q\n", row.Number, row.Cells)
			}
		}
		f.Close()
	}
	// Output:
	// agreements.csv: UTF-8 BOM, delimiter ','
	// row 1: ["id" "notes"]
	// row 2: ["A-1" "two\nlines"]
	// row 4: ["A-2" ""]
}
