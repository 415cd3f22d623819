package run

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"coopreport/pipeline/period"
)

// Read compares the period's first bucket with the one before it when
// the activities reach back before the period, from the spool.
func TestReadComparesFirstBucket(t *testing.T) {
	tests := []struct {
		name, activities string
		want             []string // bucket/previous
	}{
		{"data before the period", "id,date,country,type,title\n" +
			"A1,2025-06-20,Russia,meeting,Before\n" +
			"A2,2025-07-10,Russia,meeting,July\n" +
			"A3,2025-08-10,Japan,meeting,August\n",
			[]string{"2025-07/2025-06", "2025-08/2025-07", "2025-09/2025-08"}},
		{"no data before the period", "id,date,country,type,title\n" +
			"A2,2025-07-10,Russia,meeting,July\n" +
			"A3,2025-08-10,Japan,meeting,August\n",
			[]string{"2025-08/2025-07", "2025-09/2025-08"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range map[string]string{
				"activities.csv": tt.activities,
				"agreements.csv": "id,country,instrument,title,signed\nAG-1,Russia,agreement,Cultural cooperation,2010-01-01\n",
			} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			opt := Options{Input: dir, Period: period.MustParse("2025-Q3"), Version: "test", SpoolDir: t.TempDir()}
			r, err := Read(context.Background(), opt)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			var got []string
			for _, c := range r.Compared {
				got = append(got, c.Bucket+"/"+c.Previous)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("compared %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("compared %v, want %v", got, tt.want)
				}
			}
			if tt.name == "data before the period" && (r.Compared[0].PrevActs != 1 || r.Compared[0].Activities != 1 || r.Ledger.Len() != 2) {
				t.Errorf("first comparison %+v, ledger %d", r.Compared[0], r.Ledger.Len())
			}
		})
	}
}
