package csv

import (
	"bytes"
	"errors"
	"testing"

	"coopreport/pipeline"
)

func TestDefuse(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"+1 555", "'+1 555"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"-5", "-5"}, // a plain number is data
		{"-12.50", "-12.50"},
		{"-x", "'-x"},
		{"Ulaanbaatar", "Ulaanbaatar"},
		{"", ""},
	} {
		if got := Defuse(tt.in); got != tt.want {
			t.Errorf("Defuse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRejects(t *testing.T) {
	var b bytes.Buffer
	if err := Rejects(&b, nil); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "file,sheet,row,column,value,reason\n" {
		t.Errorf("no rejects: %q, want the header alone", got)
	}
	b.Reset()
	err := Rejects(&b, []pipeline.RowError{{
		Pos:    pipeline.Pos{File: "гэрээ.csv", Row: 7},
		Column: "Огноо", Value: "=1+1", Err: errors.New(`not a date, "write" 2013-01-18`),
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := "file,sheet,row,column,value,reason\nгэрээ.csv,,7,Огноо,'=1+1,\"not a date, \"\"write\"\" 2013-01-18\"\n"
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
}
