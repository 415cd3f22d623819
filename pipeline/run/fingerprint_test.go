package run

import (
	"errors"
	"testing"

	"coopreport/pipeline"
)

func TestUnchanged(t *testing.T) {
	hashes := map[string]string{"a.csv": "1", "b.xlsx": "2"}
	same := []pipeline.InputFile{{Name: "a.csv", SHA256: "1"}, {Name: "b.xlsx", SHA256: "2"}}
	if err := unchanged(hashes, same); err != nil {
		t.Errorf("same files: %v", err)
	}
	var fe *pipeline.FileError
	changed := []pipeline.InputFile{{Name: "a.csv", SHA256: "1"}, {Name: "b.xlsx", SHA256: "3"}}
	if err := unchanged(hashes, changed); !errors.As(err, &fe) || fe.File != "b.xlsx" {
		t.Errorf("a changed file: %v", err)
	}
	if err := unchanged(hashes, same[:1]); !errors.As(err, &fe) {
		t.Errorf("a removed file: %v", err)
	}
}
