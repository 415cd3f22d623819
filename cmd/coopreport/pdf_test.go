package main

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamplePDF reads the example's report as its readers and checkers
// do: the measure's facts in reading order, every font embedded, a clean
// structure, and an outline that lists the sections.
func TestExamplePDF(t *testing.T) {
	dir := runExample(t, noEnv, "--now", exampleNow)
	path := filepath.Join(dir, "report-"+exampleLabel+".pdf")
	text := strings.Join(strings.Fields(string(pdfText(t, path, "-raw"))), " ")

	// The measure as mongolia-measure.txt lays it out: Activity 1 (the
	// partners), Activity 2 (the DPRK plan and its date, the opera
	// memorandum), Activity 3 (the treaty accession), then the results.
	facts := []string{
		"Activity 1:",
		"the Russian Federation, the People’s Republic of China",
		"Activity 2:",
		"Democratic People’s Republic of Korea on 18 January 2013",
		"Tianjin Grand Theatre",
		"memorandum of understanding (2013–2015)",
		"Activity 3:",
		"Marrakesh Treaty",
		"on 23 September 2015",
		"Activity 4:",
		"16th regular meeting of the Mongolia-Russia Intergovernmental Commission",
		"Results expected through the implementation of the measure",
		"cooperation agreements with 26 countries, such as the Russian Federation and the People’s Republic of China",
	}
	at := 0
	for _, f := range facts {
		i := strings.Index(text[at:], f)
		if i < 0 {
			t.Fatalf("the PDF text lacks %q after position %d (or has it out of order)", f, at)
		}
		at += i + len(f)
	}

	out, err := exec.Command("pdffonts", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	fonts := 0
	for _, line := range strings.Split(string(out), "\n")[2:] {
		if f := strings.Fields(line); len(f) >= 5 {
			fonts++
			if f[len(f)-5] != "yes" { // the emb column: name type encoding emb sub uni object ID

				t.Errorf("font not embedded: %s", line)
			}
		}
	}
	if fonts < 2 {
		t.Errorf("pdffonts lists %d fonts:\n%s", fonts, out)
	}

	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}

	out, err = exec.Command("qpdf", "--json", "--json-key=outlines", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var titles []string
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			titles = append(titles, o.Title)
			walk(o.Kids)
		}
	}
	walk(doc.Outlines)
	all := strings.Join(titles, "\n")
	for _, section := range []string{"Summary of the period", "Measures", "Bilateral policy dialogues with cultural authorities of other countries", "Cooperation by partner", "Annex 1: Agreements in force", "Annex 2: Activities of the period", "Annex 3: Data issues"} {
		if !strings.Contains(all, section) {
			t.Errorf("the outline lacks %q; it has:\n%s", section, all)
		}
	}
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}
