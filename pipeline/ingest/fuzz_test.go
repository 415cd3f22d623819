package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"coopreport/pipeline"
)

const fuzzAgreements = "id,country,instrument,title,signed\nAG-1,Russia,agreement,Culture,2013-01-18\nAG-2,ОХУ,plan,План,18.01.2013\n"

// FuzzRead feeds any bytes to the pipeline as an activities file: a run
// never crashes on user data, and every row read is accepted or rejected.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"id,date,country,type,title,amount,currency\nAC-1,2013-02-01,Russia,meeting,M,\"1,250.00\",USD\n",
		"Title row;;\nid;date;country;type;title;amount\nAC-1;01/02/2013;ОХУ;training;T;1 250,50 ₮\n",
		"id,date,country,type,title,agreement\nAC-1,41292,DPRK,exchange,\"multi\nline\",AG-3\nAC-1,2013-01-18,Lithvuania,other,x,AG-1\n",
		"\xff\xfei\x00d\x00\t\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "agreements.csv"), []byte(fuzzAgreements), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "activities.csv"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := Read(context.Background(), dir, Options{})
		if err != nil {
			var fe *pipeline.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("not a file error: %v", err)
			}
			return
		}
		for _, in := range d.Inputs {
			if in.Read != in.Accepted+in.Rejected {
				t.Fatalf("%s: read %d ≠ accepted %d + rejected %d", in.Name, in.Read, in.Accepted, in.Rejected)
			}
		}
	})
}
