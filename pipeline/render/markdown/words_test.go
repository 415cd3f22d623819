package markdown

import (
	"testing"

	"coopreport/pipeline/lang"
	"coopreport/pipeline/lang/langtest"
)

func TestWordsComplete(t *testing.T) { langtest.Complete(t, words) }

func TestRussianYearEndsTheSentence(t *testing.T) {
	got := string(endStops([]byte("подписано 18 января 2013 г.. В 2012–2015 гг.. Отчёт 2012..2015."), lang.Russian))
	if want := "подписано 18 января 2013 г. В 2012–2015 гг. Отчёт 2012..2015."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWordsUsed(t *testing.T) { langtest.Used(t, ".", words) }
