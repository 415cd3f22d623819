package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The Form B example (testdata/form-b, template = "form-b" in its
// configuration): three measures over two goals and three areas of
// monitoring, one evaluated, one placed by the rule, money in RUB, KRW,
// MNT and EUR converted to USD through MNT rates (one EUR amount with no
// rate), partners from the agreements. Its Markdown and the text of its
// PDF are golden files; both hold every field label of the form, in the
// form's order, for each measure.
func TestFormBGolden(t *testing.T) {
	out := t.TempDir()
	args := []string{"run", "--input", "testdata/form-b", "--out", out, "--now", "2027-03-01T09:00:00+08:00"}
	var stdout, stderr bytes.Buffer
	if code := Main(args, &stdout, &stderr, noEnv); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	dir := filepath.Join(out, "2023..2026")
	md, err := os.ReadFile(filepath.Join(dir, "report-2023..2026.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, filepath.Join(dir, "report-2023..2026.pdf"), "-layout")
	for name, got := range map[string][]byte{"form-b.md": md, "form-b.txt": text} {
		path := filepath.Join(goldenDir, name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./cmd/coopreport -run FormB -update writes it)", err)
		}
		if d := diffLines(got, want); d != "" {
			t.Errorf("%s differs from %s (if the change is meant, rerun with -update and review git diff):\n%s", name, path, d)
		}
	}

	labels := []string{
		"Name of the policy/measure:",
		"Where / when / who:",
		"Describe the main features of the policy/measure",
		"What are the results achieved so far through the implementation of the policy/measure?",
		"Financial resources allocated to the policy/measure in USD",
		"Partner(s) engaged in the implementation of the measure",
		"Has the implementation of the policy/measure been evaluated?",
		"Goal(s) of the 2005 Convention:",
		"Area(s) of monitoring:",
		"Cultural domain(s):",
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, doc := range []struct{ name, text string }{{"Markdown", string(md)}, {"PDF", flat}} {
		for _, title := range []string{"Mongolian literature abroad", "Bilateral cultural cooperation", "Access to published works for persons with print disabilities"} {
			at := strings.Index(doc.text, "Name of the policy/measure: "+title)
			if doc.name == "Markdown" {
				at = strings.Index(doc.text, "**Name of the policy/measure:** "+title)
			}
			if at < 0 {
				t.Errorf("%s: no measure %q", doc.name, title)
				continue
			}
			rest := doc.text[at:]
			for _, l := range labels {
				i := strings.Index(rest, l)
				if i < 0 {
					t.Errorf("%s, %s: label %q missing or out of order", doc.name, title, l)
					break
				}
				rest = rest[i+len(l):]
			}
		}
	}
	for _, want := range []string{
		// 2,500,000 RUB × 41.20 ÷ 3,450 + 25,000,000 KRW × 2.55 ÷ 3,400 + 30,000,000 MNT ÷ 3,550.
		"57,055.77 USD: the amounts of the measure's activities in KRW, MNT and RUB",
		// 18,000 EUR × 3,720 ÷ 3,450; the EUR of 2025 has no rate.
		"19,408.70 USD: the amounts of the measure's activities in EUR, converted to US dollars at the exchange rates of their dates. Not included, as no exchange rate to US dollars covers their dates: 20,000.00 EUR.",
		"| Tianjin Grand Theatre | Civil society |",
		"| Frankfurt Book Fair | Private sector |",
		"#### Main conclusions of the evaluation\n\n```text\nAn evaluation in 2025 found",
		"*The measures table gives this measure no area of monitoring: it is placed under Treaties and agreements (goal 2), because agreements are linked to it.*",
		"# Goal 1: Support sustainable systems of governance for culture\n\n## Cultural and creative sectors",
		"## Mobility of artists and cultural professionals\n\n### Bilateral cultural cooperation",
		"(258 of 2,500 characters)",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	if strings.Contains(flat, "characters)") {
		t.Error("the PDF counts characters; only the Markdown for pasting should")
	}
}

// The README's Form B example shows rows of testdata/form-b and, as the
// report gives it, the measure they make.
func TestREADMEFormBExample(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	i, j := strings.Index(s, "<!-- formb-example:begin -->"), strings.Index(s, "<!-- formb-example:end -->")
	if i < 0 || j < i {
		t.Fatal("README.md has no formb-example block")
	}
	block := s[i:j]
	golden, err := os.ReadFile(filepath.Join(goldenDir, "form-b.md"))
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, m := range regexp.MustCompile("(?s)`([\\w-]+\\.csv)`\n```csv\n(.*?)```").FindAllStringSubmatch(block, -1) {
		name, body := m[1], m[2]
		data, err := os.ReadFile(filepath.Join("testdata/form-b", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
			if !strings.Contains("\n"+string(data), "\n"+line+"\n") {
				t.Errorf("README shows %s line %q, which testdata/form-b/%s does not hold", name, line, name)
			}
		}
		files++
	}
	md := block[strings.Index(block, "````markdown\n")+len("````markdown\n"):]
	md = md[:strings.Index(md, "````")]
	if !strings.Contains(string(golden), md) {
		t.Errorf("README's Form B measure is not the one the report gives (testdata/golden/form-b.md):\n%s", md)
	}
	if files != 4 {
		t.Errorf("found %d CSV blocks, want 4", files)
	}
}
