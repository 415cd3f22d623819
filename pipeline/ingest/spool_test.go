package ingest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"coopreport/pipeline"
)

// The spool gives back what it was given, in date order (rows of one day
// in reading order), across many runs, without the rows dropped and
// outside the period; and reads single records where they are.
func TestSpoolRuns(t *testing.T) {
	s, err := newSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	s.runSize = 1 << 10 // a run every ten records or so
	rnd := rand.New(rand.NewPCG(1, 2))
	const n = 2000
	var want []pipeline.Activity
	for seq := range n {
		a := pipeline.Activity{
			Pos:     pipeline.Pos{File: "a.csv", Row: seq + 2},
			ID:      fmt.Sprintf("AC-%d", seq),
			Date:    pipeline.Date{Year: 2012 + rnd.IntN(4), Month: time.Month(1 + rnd.IntN(3)), Day: 1 + rnd.IntN(2)},
			Country: pipeline.Country{Code: "RU", Name: "Russia"},
			Type:    pipeline.TypeMeeting,
			Title:   fmt.Sprintf("Title %d %s", seq, string(make([]byte, rnd.IntN(40)))),
			Amount:  &pipeline.Money{Amount: pipeline.NewDecimal(int64(seq)*101, 2), Currency: "MNT"},
		}
		s.add(&a, seq)
		if seq%7 == 3 {
			s.dropped[uint32(seq)] = true
		} else {
			want = append(want, a)
		}
	}
	if len(s.runs) < 50 {
		t.Fatalf("%d runs: the test does not merge many", len(s.runs))
	}
	slices.SortStableFunc(want, func(a, b pipeline.Activity) int { return a.Date.Compare(b.Date) })
	within := func(d pipeline.Date) bool { return d.Year != 2013 }
	l, err := s.ledger(within)
	if err != nil {
		t.Fatal(err)
	}
	var got []pipeline.Activity
	if err := l.Each(func(a *pipeline.Activity) error { got = append(got, *a); return nil }); err != nil {
		t.Fatal(err)
	}
	want = slices.DeleteFunc(want, func(a pipeline.Activity) bool { return !within(a.Date) })
	if len(got) != len(want) || l.Len() != len(want) {
		t.Fatalf("%d activities (Len %d), want %d", len(got), l.Len(), len(want))
	}
	for i := range want {
		if got[i].ID != want[i].ID || got[i].Date != want[i].Date || got[i].Title != want[i].Title ||
			got[i].Amount.Amount.Cmp(want[i].Amount.Amount) != 0 || got[i].Pos != want[i].Pos {
			t.Fatalf("activity %d is %s %v, want %s %v", i, got[i].ID, got[i].Date, want[i].ID, want[i].Date)
		}
	}
	// Single records, where they were written.
	pick := []spoolEntry{s.entries[1999], s.entries[0], s.entries[1000]}
	var ids []string
	if err := s.scan(pick, func(_ spoolEntry, a *pipeline.Activity) error { ids = append(ids, a.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids, []string{"AC-1999", "AC-0", "AC-1000"}) {
		t.Errorf("read %q", ids)
	}
}

// Activity ids kept as hashes are judged by the ids themselves: ids whose
// hashes meet but differ are not duplicates.
func TestHashedKeysCollide(t *testing.T) {
	ids := map[int32]string{1: "A", 2: "B", 3: "A", 4: "C", 5: "C", 6: "D"}
	k := newHashedKeys(pipeline.KindActivities, "the id", func(rows []keyRow) ([]string, error) {
		var out []string
		for _, r := range rows {
			out = append(out, ids[r.seq])
		}
		return out, nil
	})
	k.hash = func(string) uint64 { return 7 } // every key meets every other
	tab := &keyTable{file: "a.csv", column: "id", stats: &pipeline.InputTable{}}
	for seq := int32(1); seq <= 6; seq++ {
		k.add(ids[seq], keyRow{tab: tab, row: seq + 1, seq: seq, valid: seq != 5})
	}
	hashes := func(rows []keyRow) ([]uint64, error) {
		out := make([]uint64, len(rows))
		for i, r := range rows {
			out[i] = uint64(r.seq) // A's two rows differ
		}
		return out, nil
	}
	dropped, errs, err := k.resolve(func(key string) string { return key }, hashes)
	if err != nil {
		t.Fatal(err)
	}
	var rows []int32
	for _, r := range dropped {
		rows = append(rows, r.row)
	}
	// A: two valid rows with different values, both dropped; C: one valid
	// (row 5) and one invalid (row 6, told the id is taken); B and D alone.
	if !slices.Equal(rows, []int32{2, 4}) || len(errs) != 3 {
		t.Errorf("dropped rows %v, errors %v", rows, errs)
	}
}
