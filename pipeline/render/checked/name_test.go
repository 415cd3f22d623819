package checked

import "testing"

// The copies' names stay inside the checked folder, and never collide.
func TestOutName(t *testing.T) {
	tests := []struct {
		name string
		in   []string // in the order named
		want []string
	}{
		{"workbook keeps its name", []string{"registry.xlsx"}, []string{"checked/registry.xlsx"}},
		{"CSV file gets .xlsx", []string{"activities.csv"}, []string{"checked/activities.csv.xlsx"}},
		{"a.xlsx beside a.csv", []string{"a.xlsx", "a.csv"}, []string{"checked/a.xlsx", "checked/a.csv.xlsx"}},
		{"a.csv.xlsx beside a.csv", []string{"a.csv.xlsx", "a.csv"}, []string{"checked/a.csv.xlsx", "checked/a.csv (2).xlsx"}},
		{"case", []string{"A.xlsx", "a.XLSX"}, []string{"checked/A.xlsx", "checked/a (2).xlsx"}},
		{"sub-folder", []string{"2015/activities.csv"}, []string{"checked/2015/activities.csv.xlsx"}},
		{"no way out", []string{"../../etc/passwd.csv", "/abs.csv", `a\..\b.csv`}, []string{"checked/_/_/etc/passwd.csv.xlsx", "checked/_/abs.csv.xlsx", "checked/a_.._b.csv.xlsx"}},
		{"control characters", []string{"a\nb.csv"}, []string{"checked/a_b.csv.xlsx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			taken := map[string]bool{}
			for i, in := range tt.in {
				if got := outName(in, taken); got != tt.want[i] {
					t.Errorf("outName(%q) = %q, want %q", in, got, tt.want[i])
				}
			}
		})
	}
}
