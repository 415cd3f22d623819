package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"coopreport/pipeline"
	"coopreport/pipeline/source"
)

const fuzzAgreements = "id,country,instrument,title,signed\nAG-1,Russia,agreement,Culture,2013-01-18\nAG-2,ОХУ,plan,План,18.01.2013\n"

// FuzzRead feeds any bytes to the pipeline as an activities file: a run
// never crashes on user data, every row read is accepted or rejected, the
// ledger gives back every activity accepted, and the store of the
// activities is released.
//
// The input folder is made once, and Read lists it as always, but no file
// is written per input (writing one cost more than reading it): the
// folder's files are read from memory, the fuzzer's bytes standing in for
// activities.csv (Options.open), and the activities are kept in memory
// (Options.spoolIn).
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"id,date,country,type,title,amount,currency\nAC-1,2013-02-01,Russia,meeting,M,\"1,250.00\",USD\n",
		"Title row;;\nid;date;country;type;title;amount\nAC-1;01/02/2013;ОХУ;training;T;1 250,50 ₮\n",
		"id,date,country,type,title,agreement\nAC-1,41292,DPRK,exchange,\"multi\nline\",AG-3\nAC-1,2013-01-18,Lithvuania,other,x,AG-1\n",
		"\xff\xfei\x00d\x00\t\x00",
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	files := map[string][]byte{"agreements.csv": []byte(fuzzAgreements), "activities.csv": nil}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var spool *memFile
		opt := Options{
			open: func(path, name string, opt source.Options) (*source.File, error) {
				if name == "activities.csv" {
					return source.OpenBytes(data, name, opt)
				}
				return source.OpenBytes(files[name], name, opt)
			},
			spoolIn: func() spoolFile { spool = &memFile{}; return spool },
		}
		d, err := Read(context.Background(), dir, opt)
		if err != nil {
			var fe *pipeline.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("not a file error: %v", err)
			}
		} else {
			accepted := 0 // activities
			for _, in := range d.Inputs {
				if in.Read != in.Accepted+in.Rejected {
					t.Fatalf("%s: read %d ≠ accepted %d + rejected %d", in.Name, in.Read, in.Accepted, in.Rejected)
				}
				for _, tab := range in.Tables {
					if tab.Kind == pipeline.KindActivities {
						accepted += tab.Accepted
					}
				}
			}
			if n := ledgerLen(t, d); n != accepted {
				t.Fatalf("the ledger holds %d activities, %d were accepted", n, accepted)
			}
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
		}
		if spool != nil && !spool.closed {
			t.Fatalf("the store of the activities is not closed (Read failed: %v)", err)
		}
	})
}

// ledgerLen reads d's whole ledger back and counts its activities.
func ledgerLen(t *testing.T, d *Dataset) int {
	l, err := d.Ledger(nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	if err := l.Each(func(*pipeline.Activity) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != l.Len() {
		t.Fatalf("the ledger says it holds %d activities and gives %d", l.Len(), n)
	}
	return n
}

// memFile keeps a spool's records in memory.
type memFile struct {
	b      []byte
	closed bool
}

func (m *memFile) Write(p []byte) (int, error) { m.b = append(m.b, p...); return len(p), nil }

func (m *memFile) ReadAt(p []byte, off int64) (int, error) {
	return bytes.NewReader(m.b).ReadAt(p, off)
}

func (m *memFile) Close() error { m.closed = true; return nil }
