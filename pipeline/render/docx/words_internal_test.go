package docx

import (
	"testing"

	"coopreport/pipeline/lang/langtest"
)

func TestWordsComplete(t *testing.T) { langtest.Complete(t, words) }

func TestWordsUsed(t *testing.T) { langtest.Used(t, ".", words) }
