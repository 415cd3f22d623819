package run

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"coopreport/pipeline"
)

// The row sums come out sorted whether they fit in memory or wait on
// disk in sorted runs, merged.
func TestRowSorter(t *testing.T) {
	for _, limit := range []int{1 << 20, 7, 1} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			defer func(n int) { rowsInMemory = n }(rowsInMemory)
			rowsInMemory = limit
			s := &rowSorter{dir: t.TempDir()}
			defer s.close()
			rng := rand.New(rand.NewPCG(1, 2))
			var want []string
			for i := range 100 {
				r := rowSum{fmt.Sprintf("f%d.csv", rng.IntN(3)), "activities", fmt.Sprintf("id,\"%d\"\n", rng.IntN(1000)*1000+i), fmt.Sprint(i)}
				s.add(r)
				want = append(want, strings.Join(r.record(), "|"))
			}
			if s.err != nil {
				t.Fatal(s.err)
			}
			var b bytes.Buffer
			if err := s.writeTo(&b); err != nil {
				t.Fatal(err)
			}
			rr := newRowsReader(&b)
			if err := rr.readHeader(); err != nil {
				t.Fatal(err)
			}
			var got []string
			for {
				r, err := rr.read()
				if err != nil {
					break
				}
				got = append(got, strings.Join(r.record(), "|"))
			}
			slices.SortFunc(want, func(a, b string) int {
				pa, pb := strings.Split(a, "|"), strings.Split(b, "|")
				return compareKey(rowSum{pa[0], pa[1], pa[2], ""}, rowSum{pb[0], pb[1], pb[2], ""})
			})
			if !slices.Equal(got, want) {
				t.Errorf("got %d rows, want %d, or out of order", len(got), len(want))
			}
			if limit < 100 && len(s.runs) == 0 {
				t.Errorf("no runs on disk with %d rows in memory", limit)
			}
		})
	}
}

func TestDiffRows(t *testing.T) {
	rows := func(lines ...string) string {
		return "file,kind,id,sha256\n" + strings.Join(lines, "\n") + "\n"
	}
	tests := []struct {
		name, old, new string
		same           string // a file whose bytes did not change
		want           []string
		wantErr        string
	}{
		{name: "none", old: rows("a.csv,activities,1,x"), new: rows("a.csv,activities,1,x")},
		{name: "each change",
			old:  rows("a.csv,activities,1,x", "a.csv,activities,2,y", "b.csv,agreements,A,z"),
			new:  rows("a.csv,activities,1,x2", "a.csv,activities,3,y", "b.csv,agreements,A,z", "c.csv,rates,USD MNT 2025,r"),
			want: []string{"changed a.csv activities 1", "removed a.csv activities 2", "added a.csv activities 3", "added c.csv rates USD MNT 2025"}},
		{name: "moved between files: the same row",
			old: rows("a.csv,activities,1,x"),
			new: rows("b.csv,activities,1,x")},
		{name: "moved between files and changed",
			old:  rows("a.csv,activities,1,x"),
			new:  rows("b.csv,activities,1,y"),
			want: []string{"changed b.csv activities 1"}},
		{name: "an unchanged file changed no row",
			old: rows("a.csv,activities,1,x"), new: rows("a.csv,activities,1,y"), same: "a.csv"},
		{name: "all removed", old: rows("a.csv,activities,1,x"), new: "file,kind,id,sha256\n", want: []string{"removed a.csv activities 1"}},
		{name: "out of order", old: rows("b.csv,activities,1,x", "a.csv,activities,1,x"), new: rows("a.csv,activities,1,x"), wantErr: "not in kind, id and file order"},
		{name: "another header", old: "file,id\n", new: rows(), wantErr: "header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := diffRows(strings.NewReader(tt.old), strings.NewReader(tt.new), func(f string) bool { return f == tt.same },
				func(c pipeline.RowChange) error {
					got = append(got, fmt.Sprintf("%s %s %s %s", c.Change, c.File, c.Kind, c.ID))
					return nil
				})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// A line of zeros that appears or goes is not a change: "0 → none".
func TestZeroOrNone(t *testing.T) {
	for s, want := range map[string]bool{"": true, "0": true, "0.00": true, "1": false, "0.01": false, "n/a": false} {
		if got := zeroOrNone(s); got != want {
			t.Errorf("zeroOrNone(%q) = %v, want %v", s, got, want)
		}
	}
}
