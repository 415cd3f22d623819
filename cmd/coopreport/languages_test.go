package main

// The example's report in French, Mongolian and Russian (issue 15): golden
// files of each (the Markdown, the text of the PDF, a dump of the
// workbook), machine outputs that do not change with the language, and a
// check that no English word of the tool is left in the other languages.
// Rewrite the goldens after a deliberate change with
//
//	go test ./cmd/coopreport -run Languages -update

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// languageRun is a run in one language, kept for the tests of this file:
// each case is run once in each language.
type languageRun struct {
	dir  string // the period's outputs
	once sync.Once
	err  string
}

var (
	languageRunsMu sync.Mutex
	languageRuns   = map[string]*languageRun{}
)

// runCase is a run of the tests of this file: an input folder and the
// flags of a run in a language.
type runCase struct {
	name, input, label string
	flags              func(code string) []string
	texts              []string // the outputs whose words TestNoEnglishLeftInReports reads
}

// exampleFlags run the example with testdata/lang/<code>.toml (the
// example's configuration with its title and party in that language), or
// with the example's own configuration for "en".
func exampleFlags(code string) []string {
	flags := []string{"--now", exampleNow}
	if code != "en" {
		flags = append(flags, "--config", filepath.Join("testdata", "lang", code+".toml"))
	}
	return flags
}

var (
	exampleCase = runCase{"example", exampleInput, exampleLabel, exampleFlags, []string{"md", "docx", "html", "xlsx", "pdf"}}
	// More of the tool's words: Form B, and a year by month (its
	// buckets, the comparison of months).
	leftoverCases = []runCase{
		exampleCase,
		{"form-b", "testdata/form-b", "2023..2026", func(code string) []string {
			return []string{"--lang", code, "--now", "2027-03-01T09:00:00+08:00"}
		}, []string{"md", "xlsx"}},
		{"by-month", exampleInput, "2014", func(code string) []string {
			return append(exampleFlags(code), "--period", "2014", "--by", "month")
		}, []string{"md", "xlsx"}},
	}
)

// runInLanguage runs the example in language code and returns the folder
// of the period's outputs.
func runInLanguage(t *testing.T, code string) string { return runCaseIn(t, exampleCase, code) }

// runCaseIn runs case c in language code, once, and returns the folder of
// the period's outputs.
func runCaseIn(t *testing.T, c runCase, code string) string {
	t.Helper()
	languageRunsMu.Lock()
	lr := languageRuns[c.name+"/"+code]
	if lr == nil {
		lr = &languageRun{}
		languageRuns[c.name+"/"+code] = lr
	}
	languageRunsMu.Unlock()
	lr.once.Do(func() {
		out, err := os.MkdirTemp("", "coopreport-lang-")
		if err != nil {
			lr.err = err.Error()
			return
		}
		args := append([]string{"run", "--input", c.input, "--out", out}, c.flags(code)...)
		var stdout, stderr bytes.Buffer
		if status := Main(args, &stdout, &stderr, noEnv); status != ExitOK {
			lr.err = "coopreport " + strings.Join(args, " ") + ": " + stderr.String()
			return
		}
		lr.dir = filepath.Join(out, c.label)
	})
	if lr.err != "" {
		t.Fatal(lr.err)
	}
	return lr.dir
}

// removeLanguageRuns removes the runs' folders, after the tests (TestMain).
func removeLanguageRuns() {
	for _, lr := range languageRuns {
		if lr.dir != "" {
			os.RemoveAll(filepath.Dir(lr.dir))
		}
	}
}

// otherLanguages are the languages of the reports besides English.
var otherLanguages = []string{"fr", "mn", "ru"}

func TestLanguagesGolden(t *testing.T) {
	for _, code := range otherLanguages {
		t.Run(code, func(t *testing.T) {
			dir := runInLanguage(t, code)
			report := "report-" + exampleLabel
			for name, got := range map[string][]byte{
				"report.md":    readOutput(report+".md")(t, dir),
				"report.txt":   pdfText(t, filepath.Join(dir, report+".pdf"), "-layout"),
				"workbook.txt": dumpWorkbook(t, filepath.Join(dir, report+".xlsx")),
			} {
				path := filepath.Join(goldenDir, code, name)
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./cmd/coopreport -run Languages -update to write it)", err)
				}
				if d := diffLines(got, want); d != "" {
					t.Errorf("%s differs from %s (if the change is meant, rerun with -update and review git diff):\n%s", name, path, d)
				}
			}
		})
	}
}

// TestMachineOutputsKeepTheirLanguage checks that the CSV files are the
// same bytes whatever the report's language, and that the manifest says
// the same about the run.
func TestMachineOutputsKeepTheirLanguage(t *testing.T) {
	en := runInLanguage(t, "en")
	for _, code := range otherLanguages {
		t.Run(code, func(t *testing.T) {
			dir := runInLanguage(t, code)
			for _, name := range []string{"summary.csv", "finance.csv", "rejects.csv", "rows.csv", "changes.csv"} {
				if a, b := readOutput(name)(t, en), readOutput(name)(t, dir); !bytes.Equal(a, b) {
					t.Errorf("%s in %s differs from English:\n%s", name, code, diffLines(b, a))
				}
			}
			var a, b map[string]any
			readJSON(t, filepath.Join(en, "manifest.json"), &a)
			readJSON(t, filepath.Join(dir, "manifest.json"), &b)
			for _, k := range []string{"period", "reporting_currency", "inputs", "rows_read", "rows_accepted", "rows_rejected",
				"numbers_may_be_incomplete", "warnings", "changes"} {
				x, _ := json.Marshal(a[k])
				y, _ := json.Marshal(b[k])
				if !bytes.Equal(x, y) {
					t.Errorf("manifest.json %s in %s: %s, in English: %s", k, code, y, x)
				}
			}
			if s, _ := b["settings"].(map[string]any); s["language"] != code {
				t.Errorf("manifest.json settings.language = %v, want %s", s["language"], code)
			}
		})
	}
}

// TestNoEnglishLeftInReports fails on any English word of the tool's own
// in the French, Mongolian and Russian reports: in the Markdown, the Word
// and web pages' text, the workbook and the PDF, of the example, of Form
// B and of a year by month. The data's free text is masked first (titles,
// partners, notes, measures' texts, the configuration's values) and so
// are the run's messages, which are English by design; codes of the data
// (sectors, instruments, types, statuses, countries, framework names) are
// not, since the reports must write them in their language. The English
// words looked for are those of the English report after the same
// masking, less the words French shares with English.
func TestNoEnglishLeftInReports(t *testing.T) {
	for _, c := range leftoverCases {
		t.Run(c.name, func(t *testing.T) {
			en := runCaseIn(t, c, "en")
			mask := dataMask(t, c.input, en)
			english := map[string]bool{}
			for w := range latinWords(mask(reportTexts(t, en, c))) {
				english[w] = true
			}
			if len(english) < 100 {
				t.Fatalf("only %d English words found in the English report: the masking is wrong", len(english))
			}
			for _, code := range otherLanguages {
				t.Run(code, func(t *testing.T) {
					text := mask(reportTexts(t, runCaseIn(t, c, code), c))
					var left []string
					for w, where := range latinWords(text) {
						if english[w] && !sharedWithEnglish[code][w] && !names[w] {
							left = append(left, w+" ("+where+")")
						}
					}
					sort.Strings(left)
					for _, w := range left {
						t.Errorf("English word left in the %s report: %s", code, w)
					}
				})
			}
		})
	}
}

// sharedWithEnglish are words a French (or any) report writes as English
// does.
var sharedWithEnglish = map[string]map[string]bool{
	"fr": wordSet("total", "participants", "date", "dates", "convention", "page", "culture", "activités", "national", "international",
		"article", "description", "type", "statut", "document", "annexe", "notes", "note", "source", "sources", "code", "mesures",
		"programme", "programmes", "organisation", "section", "sections", "format", "information", "region", "pays", "accord",
		"objectifs", "expressions", "diversité", "protection", "promotion", "institutions", "mobilité", "domaines", "partenaires",
		"principal", "principale", "non", "conversion", "quotient", "ratification",
		"instrument", "nature", "part", "millions", "table", "laos", "lao", "philippines", "viet", "nam", "türkiye", "france", "plan", "vietnam", "base", "dollars", "arts", "festival", "institution", "services", "ministère", "ministre", "conclusions", "surveillance", "simple", "distinct", "public", "cultural"),
	"mn": wordSet(),
	"ru": wordSet(),
}

// names are the tool's and the formats' names, the same in every
// language, and the input contract's column names a report tells its
// writer to fill in ("resources").
var names = wordSet("coopreport", "csv", "xlsx", "pdf", "docx", "html", "json", "sha", "excel", "libreoffice", "resources")

func wordSet(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[w] = true
	}
	return m
}

// reportTexts is the text of the outputs of case c a reader reads: the
// Markdown, the Word and web pages, the workbook's cells and the PDF.
func reportTexts(t *testing.T, dir string, c runCase) map[string]string {
	report := filepath.Join(dir, "report-"+c.label)
	texts := map[string]string{}
	for _, k := range c.texts {
		switch k {
		case "md":
			texts[k] = directive.ReplaceAllString(string(readOutput("report-"+c.label+".md")(t, dir)), " ")
		case "docx":
			texts[k] = dumpMarks.ReplaceAllString(string(dumpDOCX(t, report+".docx")), " ")
		case "html":
			texts[k] = dumpMarks.ReplaceAllString(string(dumpHTML(t, report+".html")), " ")
		case "xlsx":
			texts[k] = workbookCells(t, report+".xlsx")
		case "pdf":
			texts[k] = string(pdfText(t, report+".pdf", "-raw"))
		}
	}
	return texts
}

// workbookCells is every cell's text of every sheet, and the sheet names.
func workbookCells(t *testing.T, path string) string {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		b.WriteString(sheet + "\n")
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for _, c := range row {
				b.WriteString(c + "\n")
			}
		}
	}
	return b.String()
}

// freeText are the columns of the inputs whose values are printed as
// written: what a report prints in the language of its data, not in its
// own. The other columns hold codes, dates, numbers and countries, which
// the reports write in their language.
var freeText = wordSet("title", "partner", "counterpart", "region", "notes", "funding", "agency", "agencies", "area",
	"objectives", "scope", "features", "results", "resources", "conclusions", "achieved", "name")

// dataMask returns a function that blanks out of texts every value of the
// input folder's free text (freeText), of the configuration files and of
// the run's messages (rejects.csv, the manifest's warnings), and the names
// of the machine outputs' columns, as whole words.
func dataMask(t *testing.T, input, enDir string) func(map[string]string) map[string]string {
	var values []string
	add := func(s string) {
		for _, line := range strings.Split(s, "\n") {
			if line = strings.TrimSpace(line); len([]rune(line)) >= 3 {
				values = append(values, line)
			}
			// A list in a cell is printed item by item.
			for _, item := range strings.Split(line, ";") {
				if item = strings.TrimSpace(item); len([]rune(item)) >= 3 {
					values = append(values, item)
				}
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(input, "*.csv"))
	for _, f := range files {
		add(filepath.Base(f))
	}
	for _, p := range append(files, rejectsOf(enDir)) {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		recs, err := r.ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		all := p == rejectsOf(enDir)
		if len(recs) > 0 {
			// The names of the free-text columns: a report may name the
			// one a user should fill in ("(column resources)").
			for _, h := range recs[0] {
				if freeText[h] {
					add(h)
				}
			}
		}
		for _, rec := range recs[min(1, len(recs)):] {
			for i, v := range rec {
				if all || i < len(recs[0]) && freeText[strings.ToLower(strings.TrimSpace(recs[0][i]))] {
					add(v)
				}
			}
		}
	}
	// The machine outputs' column names (activities, amount_reporting)
	// are names the workbook's notes quote.
	for _, name := range []string{"summary.csv", "finance.csv", "rows.csv", "changes.csv"} {
		b, err := os.ReadFile(filepath.Join(enDir, name))
		if err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(string(b), "\n")
		for _, h := range strings.Split(header, ",") {
			add(h)
		}
	}
	configs, _ := filepath.Glob(filepath.Join("testdata", "lang", "*.toml"))
	for _, p := range append(configs, filepath.Join(exampleInput, "coopreport.toml"), filepath.Join(input, "coopreport.toml")) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`(?m)^\w+ = "([^"]*)"`).FindAllStringSubmatch(string(b), -1) {
			add(m[1])
		}
	}
	var m struct{ Warnings []string }
	readJSON(t, filepath.Join(enDir, "manifest.json"), &m)
	for _, w := range m.Warnings {
		add(w)
	}
	// Longest first, so that a value holding another is masked whole;
	// each only as whole words (a value "mou" is no part of "Autonomous").
	sort.SliceStable(values, func(i, j int) bool { return len(values[i]) > len(values[j]) })
	hex := regexp.MustCompile(`[0-9a-f]{16,}`)
	dataWords := latinWords(map[string]string{"data": strings.Join(values, "\n")})
	return func(texts map[string]string) map[string]string {
		out := map[string]string{}
		for k, s := range texts {
			s = hex.ReplaceAllString(s, " ")
			for _, v := range values {
				s = maskWord(s, v)
			}
			s = machineName.ReplaceAllString(s, " ")
			if k == "pdf" {
				// Lines of the PDF's text break values anywhere (inside
				// table cells too): there, only words no free text holds
				// count.
				s = latinWord.ReplaceAllStringFunc(s, func(w string) string {
					if _, ok := dataWords[strings.ToLower(strings.TrimRight(w, "'’"))]; ok {
						return " ¦ "
					}
					return w
				})
			}
			out[k] = s
		}
		return out
	}
}

// maskWord replaces each whole-word occurrence of v in s by " ¦ ".
func maskWord(s, v string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, v)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(v):])
		if i > 0 && isWordRune(before) || i+len(v) < len(s) && isWordRune(after) {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteString(" ¦ ")
		s = s[i+len(v):]
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func rejectsOf(dir string) string { return filepath.Join(dir, "rejects.csv") }

// directive is a directive of the Markdown (<!-- page-break -->) or a
// fence's info string (```text), which no reader sees.
var directive = regexp.MustCompile("<!--[^>]*-->|```text")

// machineName is a name of the outputs' machine side: a file
// (changes.csv) or a column or figure code (agreements_in_force).
var machineName = regexp.MustCompile(`[\p{L}\d]+(?:_[\p{L}\d]*)+|[\p{L}\d_.-]+\.(?:csv|json|xlsx|pdf|md|docx|html|tmpl|toml)\b`)

// dumpMarks are what dumpDOCX adds: the style of each paragraph
// ("Caption: ") and the names of pictures.
var dumpMarks = regexp.MustCompile(`(?m)^\w+: |\[picture [^\]]*\]|\bheader\b|\b(?:h[1-6]|p|li|td|th|tr|caption|figcaption|title|pre|code|dt|dd): |\[svg\]`)

var latinWord = regexp.MustCompile(`\p{Latin}[\p{Latin}'’]+`)

// latinWords are the words in Latin letters of three letters or more,
// lower-cased, each with the output it was first found in and its
// context; words in capitals (currency codes, IDs) are left out.
func latinWords(texts map[string]string) map[string]string {
	words := map[string]string{}
	kinds := make([]string, 0, len(texts))
	for k := range texts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		s := texts[k]
		for _, loc := range latinWord.FindAllStringIndex(s, -1) {
			w := s[loc[0]:loc[1]]
			if len([]rune(w)) < 3 || strings.ToUpper(w) == w {
				continue
			}
			lw := strings.ToLower(strings.TrimRight(w, "'’"))
			if _, ok := words[lw]; !ok {
				from, to := max(loc[0]-30, 0), min(loc[1]+30, len(s))
				words[lw] = k + ": …" + strings.ToValidUTF8(strings.ReplaceAll(s[from:to], "\n", " "), "") + "…"
			}
		}
	}
	return words
}

// TestLanguagesFormBGolden is the Form B example (see TestFormBGolden) in
// each language: its Markdown for pasting and the text of its PDF.
func TestLanguagesFormBGolden(t *testing.T) {
	for _, code := range otherLanguages {
		t.Run(code, func(t *testing.T) {
			out := t.TempDir()
			args := []string{"run", "--input", "testdata/form-b", "--out", out, "--now", "2027-03-01T09:00:00+08:00",
				"--lang", code, "--formats", "md,pdf"}
			var stdout, stderr bytes.Buffer
			if status := Main(args, &stdout, &stderr, noEnv); status != ExitOK {
				t.Fatalf("exit %d: %s", status, stderr.String())
			}
			dir := filepath.Join(out, "2023..2026")
			for name, got := range map[string][]byte{
				"form-b.md":  readOutput("report-2023..2026.md")(t, dir),
				"form-b.txt": pdfText(t, filepath.Join(dir, "report-2023..2026.pdf"), "-layout"),
			} {
				path := filepath.Join(goldenDir, code, name)
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./cmd/coopreport -run Languages -update to write it)", err)
				}
				if d := diffLines(got, want); d != "" {
					t.Errorf("%s differs from %s (if the change is meant, rerun with -update and review git diff):\n%s", name, path, d)
				}
			}
		})
	}
}
