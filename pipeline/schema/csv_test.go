package schema

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"coopreport/pipeline"
)

// got is one record as Next returns it.
type got[T any] struct {
	rec   T
	row   int
	extra []pipeline.Field
}

// decodeAll reads src the way the caller does: read up to 10 records
// to find the header, then start again, skip the rows above the header,
// and decode the rest.
func decodeAll[T any](t *testing.T, kind pipeline.Kind, src string) (*Header, []got[T], []error) {
	t.Helper()
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
	h, err := FindHeader(kind, head)
	if err != nil {
		t.Fatal(err)
	}
	r = csv.NewReader(strings.NewReader(src))
	r.FieldsPerRecord = -1
	folded := 0 // line breaks in the cells of the skipped rows
	for range h.Index {
		rec, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		folded += lineBreaks(rec...)
	}
	d, err := NewCSV[T](r, h, -folded)
	if err != nil {
		t.Fatal(err)
	}
	var out []got[T]
	var errs []error
	for {
		rec, row, extra, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("row %d: %w", row, err))
			continue
		}
		out = append(out, got[T]{*rec, row, extra})
	}
	return h, out, errs
}

func TestCSVDecoder(t *testing.T) {
	src := "Register of agreements,,,\n" +
		"\"Ministry of Culture\nsecond line of the title\",,,\n" +
		",,,\n" +
		"ID,Partner Country,Type,Title,Signed,Tags,Notes,Tags,notes\n" +
		"A-1,Russia,agreement,Culture,2013-01-18,x,n1,y,z\n" +
		"\n" +
		",,,,,,,,\n" +
		" , ,\t,,,,,,\n" +
		"A-2,China,mou,\"Opera\n\nand ballet\",18.01.2013,,,,\n" +
		"A-3,Korea,plan,Short row\n" +
		"A-4,Japan,plan,Long row,2014,t1,n4,t2,z4,,beyond,,\"far\nbeyond\",\n" +
		"A-5,\"Mongolia, \"\"Inner\"\"\",treaty,Last,2015,,,,\n"
	h, recs, errs := decodeAll[AgreementRecord](t, "", src)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if h.Kind != pipeline.KindAgreements || h.Index != 3 {
		t.Fatalf("header %q at %d", h.Kind, h.Index)
	}
	if u := h.Unknown(); !slices.Equal(u, []string{"Tags", "Tags (2)", "notes (2)"}) {
		t.Errorf("unknown %q", u)
	}
	none := func(tags, tags2, notes2 string) []pipeline.Field {
		return []pipeline.Field{fld("Tags", tags), fld("Tags (2)", tags2), fld("notes (2)", notes2)}
	}
	want := []got[AgreementRecord]{
		{AgreementRecord{ID: "A-1", Country: "Russia", Instrument: "agreement", Title: "Culture", Signed: "2013-01-18", Notes: "n1"}, 5, none("x", "y", "z")},
		{AgreementRecord{ID: "A-2", Country: "China", Instrument: "mou", Title: "Opera\n\nand ballet", Signed: "18.01.2013"}, 9, none("", "", "")},
		{AgreementRecord{ID: "A-3", Country: "Korea", Instrument: "plan", Title: "Short row"}, 10, none("", "", "")},
		{AgreementRecord{ID: "A-4", Country: "Japan", Instrument: "plan", Title: "Long row", Signed: "2014", Notes: "n4"}, 11,
			append(none("t1", "t2", "z4"), fld("column 11", "beyond"), fld("column 13", "far\nbeyond"))},
		{AgreementRecord{ID: "A-5", Country: "Mongolia, \"Inner\"", Instrument: "treaty", Title: "Last", Signed: "2015"}, 12, none("", "", "")},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d: %+v", len(recs), len(want), recs)
	}
	for i := range want {
		if recs[i].rec != want[i].rec {
			t.Errorf("record %d\n got %+v\nwant %+v", i, recs[i].rec, want[i].rec)
		}
		if recs[i].row != want[i].row {
			t.Errorf("record %d: row %d, want %d", i, recs[i].row, want[i].row)
		}
		if !slices.Equal(recs[i].extra, want[i].extra) {
			t.Errorf("record %d: extra\n got %q\nwant %q", i, recs[i].extra, want[i].extra)
		}
	}
}

// Extras come in header order, whatever order gocsv's map gives.
func TestCSVDecoderExtraOrder(t *testing.T) {
	var head, row []string
	head = append(head, "currency", "period", "rate")
	row = append(row, "USD", "2024", "1.5")
	for i := range 40 {
		head = append(head, fmt.Sprintf("x%02d", i))
		row = append(row, fmt.Sprintf("v%02d", i))
	}
	row = append(row, "", "b1", "", "b2")
	src := strings.Join(head, ",") + "\n" + strings.Join(row, ",") + "\n"
	for range 5 {
		_, recs, errs := decodeAll[RateRecord](t, pipeline.KindRates, src)
		if len(errs) > 0 || len(recs) != 1 {
			t.Fatal(errs, recs)
		}
		var names []string
		for _, f := range recs[0].extra {
			names = append(names, f.Name+"="+f.Value)
		}
		var want []string
		for i := range 40 {
			want = append(want, fmt.Sprintf("x%02d=v%02d", i, i))
		}
		want = append(want, "column 45=b1", "column 47=b2")
		if !slices.Equal(names, want) {
			t.Fatalf("extras\n got %q\nwant %q", names, want)
		}
	}
}

// A row wider than any spreadsheet makes gocsv panic; it is an error for
// that row, and reading goes on.
func TestCSVDecoderTooWide(t *testing.T) {
	wide := "EUR,2024,3" + strings.Repeat(",x", MaxCells)
	src := "currency,period,rate\nUSD,2024,1\n" + wide + "\nRUB,2024,2\n"
	_, recs, errs := decodeAll[RateRecord](t, pipeline.KindRates, src)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "row 3: the row has more than 16384 cells") {
		t.Errorf("errors %v", errs)
	}
	if len(recs) != 2 || recs[0].rec.Currency != "USD" || recs[1].rec.Currency != "RUB" || recs[1].row != 4 {
		t.Errorf("records %+v", recs)
	}
}

// The widest row a spreadsheet writes loses nothing.
func TestCSVDecoderWidest(t *testing.T) {
	cells := make([]string, MaxCells)
	cells[0], cells[1], cells[2], cells[MaxCells-1] = "EUR", "2024", "3", "last"
	src := "currency,period,rate\n" + strings.Join(cells, ",") + "\n"
	_, recs, errs := decodeAll[RateRecord](t, pipeline.KindRates, src)
	if len(errs) != 0 || len(recs) != 1 {
		t.Fatal(errs, recs)
	}
	want := []pipeline.Field{{Name: "column 16384", Value: "last"}}
	if !slices.Equal(recs[0].extra, want) {
		t.Errorf("extra %q", recs[0].extra)
	}
}

func TestCSVDecoderLineOffset(t *testing.T) {
	// The caller made the reader at the header line, line 3 of the file.
	r := csv.NewReader(strings.NewReader("name,country\n\"Inner\nMongolia\",CN\nIsrail,IL\n"))
	r.FieldsPerRecord = -1
	h, err := FindHeader(pipeline.KindAliases, [][]string{{"name", "country"}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewCSV[AliasRecord](r, h, 2)
	if err != nil {
		t.Fatal(err)
	}
	var rows []int
	for {
		_, row, _, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, row)
	}
	if !slices.Equal(rows, []int{4, 5}) { // a record is one row, whatever its lines
		t.Errorf("rows %v, want [4 5]", rows)
	}
}

func TestCSVDecoderParseError(t *testing.T) {
	src := "currency,period,rate\nUSD,2024,1\nEUR,20\"24,2\nRUB,2024,3\n"
	_, recs, errs := decodeAll[RateRecord](t, pipeline.KindRates, src)
	var pe *csv.ParseError
	if len(errs) != 1 || !errors.As(errs[0], &pe) || !strings.HasPrefix(errs[0].Error(), "row 3: ") {
		t.Errorf("errors %v", errs)
	}
	if len(recs) != 2 || recs[1].rec.Currency != "RUB" || recs[1].row != 4 {
		t.Errorf("records %+v", recs)
	}
}

func TestNewCSVErrors(t *testing.T) {
	h, err := FindHeader(pipeline.KindRates, [][]string{{"Title"}, {"currency", "period", "rate"}})
	if err != nil {
		t.Fatal(err)
	}
	newReader := func(s string) *csv.Reader {
		r := csv.NewReader(strings.NewReader(s))
		r.FieldsPerRecord = -1
		return r
	}
	tests := []struct {
		name, src, want string
		new             func(*csv.Reader) error
	}{
		{"reader not at the header", "Title\ncurrency,period,rate\n", `cell 1 reads "Title", not "currency"`,
			func(r *csv.Reader) error { _, err := NewCSV[RateRecord](r, h, 0); return err }},
		{"no header", "", "ends before its header row",
			func(r *csv.Reader) error { _, err := NewCSV[RateRecord](r, h, 0); return err }},
		{"record of another kind", "currency,period,rate\n", `has no field for the rates column "period"`,
			func(r *csv.Reader) error { _, err := NewCSV[ActivityRecord](r, h, 0); return err }},
		{"not strings", "currency,period,rate\n", "is not a string",
			func(r *csv.Reader) error {
				_, err := NewCSV[struct {
					Currency string `csv:"currency"`
					Rate     int    `csv:"rate"`
				}](r, h, 0)
				return err
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.new(newReader(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// The header row is found with its cells as written and read again by
// gocsv, which trims them: still the same row.
func TestNewCSVSpacesInHeader(t *testing.T) {
	src := " Currency , PERIOD,Rate \nUSD,2024,1\n"
	_, recs, errs := decodeAll[RateRecord](t, "", src)
	if len(errs) != 0 || len(recs) != 1 || recs[0].rec != (RateRecord{Currency: "USD", Period: "2024", Rate: "1"}) {
		t.Errorf("records %+v, errors %v", recs, errs)
	}
}

func BenchmarkCSVDecoder(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("id,date,end,country,agreement,measure,type,title,participants,amount,currency,funding,agency,notes,extra\n")
	for i := range 100_000 {
		fmt.Fprintf(&sb, "AC-%d,2014-11-20,2014-11-21,Russian Federation,AG-001,M1,meeting,\"Meeting %d, Ulaanbaatar\",40,\"12,500,000.00\",MNT,State budget,Ministry of Foreign Affairs,made up,x\n", i, i)
	}
	src := sb.String()
	h, err := FindHeader("", [][]string{strings.Split(src[:strings.IndexByte(src, '\n')], ",")})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		r := csv.NewReader(strings.NewReader(src))
		r.FieldsPerRecord = -1
		d, err := NewCSV[ActivityRecord](r, h, 0)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, _, _, err := d.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 100_000 {
			b.Fatalf("%d rows", n)
		}
	}
}
