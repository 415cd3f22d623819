package schema

import (
	"encoding/csv"
	"io"
	"strings"
	"testing"
)

// FuzzCSV: whatever the table, finding its header and reading it never
// panics, and a record's row number never goes backwards.
func FuzzCSV(f *testing.F) {
	f.Add("id,country,instrument,title,signed,x\nA,RU,mou,T,2020,y,z\n")
	f.Add("Title\n\nname,country\n\"a\nb\",CN,,q\n,,\n")
	f.Add("currency;period;rate\nUSD;2024;1\n")
	f.Add("Огноо / Date,Улс,Төрөл,Нэр,Д/д\n1,2,3,4,5,6\n")
	f.Fuzz(func(t *testing.T, src string) {
		r := csv.NewReader(strings.NewReader(src))
		r.FieldsPerRecord = -1
		var head [][]string
		for range MaxHeaderRows {
			rec, err := r.Read()
			if err != nil {
				break
			}
			head = append(head, rec)
		}
		h, err := FindHeader("", head)
		if err != nil {
			return
		}
		m, err := NewMapper[ActivityRecord](h)
		if h.Kind == "activities" && err != nil {
			t.Fatal(err)
		}
		for _, row := range head[h.Index+1:] {
			if m != nil && !Blank(row) {
				m.Map(row)
			}
		}
		r = csv.NewReader(strings.NewReader(src))
		r.FieldsPerRecord = -1
		for range h.Index {
			r.Read()
		}
		d, err := NewCSV[AliasRecord](r, h, 0)
		if err != nil {
			return // another kind
		}
		last := 0
		for range 100 {
			_, row, _, err := d.Next()
			if err == io.EOF {
				break
			}
			if err == nil && row <= last {
				t.Fatalf("row %d after %d", row, last)
			}
			if err == nil {
				last = row
			}
		}
	})
}
