package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/render/docx"
)

// sample holds every construct of the report's Markdown.
const sample = `# Sample report

**Mongolia**

<!-- page-break -->

<!-- toc -->

<!-- page-break -->

# Summary

Text with *emphasis*, **strong** words & signs < > and Mongolian Өвөрхангай, Үүрийн гэгээ.

- first bullet
- second bullet
  1. nested number
  2. another

3. three
4. four

## Partners

*Cooperation by partner*

| Partner | Activities |
| --- | ---: |
| Russia | 5 |
| China & Inner Mongolia | 12 |

### Details

#### Small print

Words at the end.

<!-- page-break -->

# Charts

![Activities per partner country](chart:activities-by-country)

Last paragraph.
`

func sampleReport() *pipeline.Report {
	made := time.Date(2026, time.January, 2, 3, 4, 5, 0, time.UTC)
	return &pipeline.Report{
		Party: "Mongolia", Title: "Sample report & more", ShortTitle: "Sample", Version: "1.2.3", Made: made,
		Period: pipeline.Period{Label: "2012..2015", Name: "2012–2015",
			From: pipeline.DateOf(time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)), To: pipeline.DateOf(time.Date(2015, 12, 31, 0, 0, 0, 0, time.UTC))},
	}
}

func write(t *testing.T, md string, r *pipeline.Report, opt docx.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := docx.Write(&buf, []byte(md), r, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// parts reads the package's parts, in their order, checking each XML
// part is well-formed.
func parts(t *testing.T, b []byte) ([]string, map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
		files[f.Name] = string(data)
		if !f.Modified.Equal(time.Date(2026, time.January, 2, 3, 4, 4, 0, time.UTC)) && !f.Modified.Equal(time.Date(2026, time.January, 2, 3, 4, 5, 0, time.UTC)) {
			t.Errorf("%s: modified %v, want the report's time", f.Name, f.Modified)
		}
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s is not well-formed: %v", f.Name, err)
				}
			}
		}
	}
	return names, files
}

// inOrder reports whether the patterns match doc in this order.
func inOrder(t *testing.T, doc string, patterns ...string) {
	t.Helper()
	at := 0
	for _, p := range patterns {
		loc := regexp.MustCompile(p).FindStringIndex(doc[at:])
		if loc == nil {
			t.Errorf("document.xml: %q not found after offset %d", p, at)
			return
		}
		at += loc[1]
	}
}

func TestParts(t *testing.T) {
	b := write(t, sample, sampleReport(), docx.Options{Chart: fakeChart})
	names, files := parts(t, b)
	want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
		"word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml",
		"word/_rels/document.xml.rels", "word/media/chart1.png"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("parts %v, want %v", names, want)
	}
	doc := files["word/document.xml"]
	inOrder(t, doc,
		`<w:pStyle w:val="Title"/>.*?Sample report`,
		`Mongolia`,
		`<w:sectPr><w:pgSz `, // the cover, without running header
		`<w:pStyle w:val="TOCHeading"/>.*?Contents`,
		`<w:instrText xml:space="preserve"> TOC \\o &#34;1-2&#34; \\h \\z \\u </w:instrText>`,
		`<w:fldChar w:fldCharType="separate"/>`,
		`w:anchor="_Toc000001".*?Summary`,
		`w:anchor="_Toc000002".*?Partners`,
		`w:anchor="_Toc000003".*?Charts`,
		`<w:fldChar w:fldCharType="end"/>`,
		`<w:pStyle w:val="Heading1"/><w:pageBreakBefore/>.*?<w:bookmarkStart w:id="1" w:name="_Toc000001"/>.*?Summary`,
		`<w:i/>.*?emphasis`, `<w:b/>.*?strong`,
		`words &amp; signs &lt; &gt; and Mongolian Өвөрхангай, Үүрийн гэгээ.`,
		`<w:numId w:val="1"/>.*?first bullet`, `<w:ilvl w:val="1"/><w:numId w:val="2"/>.*?nested number`,
		`<w:ilvl w:val="0"/><w:numId w:val="3"/>.*?three`,
		`<w:pStyle w:val="Heading2"/>.*?Partners`,
		`<w:pStyle w:val="Caption"/><w:keepNext/>.*?Cooperation by partner`,
		`<w:tbl>`, `<w:tblHeader/>`, `Partner`, `<w:jc w:val="right"/>.*?Activities`,
		`China &amp; Inner Mongolia`, `<w:jc w:val="right"/>.*?12`, `</w:tbl>`,
		`<w:pStyle w:val="Heading3"/>.*?Details`,
		`<w:pStyle w:val="Heading4"/>.*?Small print`,
		`<w:pStyle w:val="Heading1"/><w:pageBreakBefore/>.*?Charts`,
		`<wp:docPr id="1" name="Chart 1" descr="Activities per partner country"/>.*?r:embed="rId8"`,
		`<w:pStyle w:val="Caption"/>.*?Activities per partner country`,
		`Last paragraph`,
		`<w:headerReference w:type="default" r:id="rId5?4"/>`,
	)
	if n := strings.Count(doc, "<w:tblHeader/>"); n != 1 {
		t.Errorf("%d header rows, want 1", n)
	}
	num := files["word/numbering.xml"]
	inOrder(t, num, `<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>`, `<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>`,
		`<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>`)
	st := files["word/styles.xml"]
	for _, s := range []string{
		`w:styleId="Normal" w:default="1"><w:name w:val="Normal"/>`,
		`<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>`,
		`w:styleId="Heading1"><w:name w:val="heading 1"/>`, `w:styleId="Heading2"><w:name w:val="heading 2"/>`,
		`w:styleId="Heading3"><w:name w:val="heading 3"/>`, `w:styleId="Heading4"><w:name w:val="heading 4"/>`,
		`w:styleId="Caption"><w:name w:val="caption"/>`, `<w:outlineLvl w:val="0"/>`,
	} {
		if !strings.Contains(st, s) {
			t.Errorf("styles.xml lacks %s", s)
		}
	}
	for part, want := range map[string][]string{
		"docProps/core.xml": {`<dc:title>Sample report &amp; more</dc:title>`, `<dc:creator>Mongolia</dc:creator>`,
			`<dc:subject>Periodic report, 2012–2015 (from 1 January 2012 to 31 December 2015)</dc:subject>`,
			`<cp:keywords>cultural cooperation, periodic report, Mongolia, 2012..2015</cp:keywords>`,
			`<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-02T03:04:05Z</dcterms:created>`,
			`<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-02T03:04:05Z</dcterms:modified>`},
		"docProps/app.xml":    {`<Application>coopreport 1.2.3</Application>`},
		"word/settings.xml":   {`<w:updateFields w:val="true"/>`},
		"word/header1.xml":    {`Sample</w:t>`, `2012–2015`},
		"word/footer1.xml":    {`Made on 2 January 2026`, `w:instr=" PAGE "`, `w:instr=" NUMPAGES "`},
		"[Content_Types].xml": {`<Default Extension="png" ContentType="image/png"/>`},
	} {
		for _, s := range want {
			if !strings.Contains(files[part], s) {
				t.Errorf("%s lacks %s", part, s)
			}
		}
	}
}

func TestSameBytes(t *testing.T) {
	a := write(t, sample, sampleReport(), docx.Options{Chart: fakeChart})
	b := write(t, sample, sampleReport(), docx.Options{Chart: fakeChart})
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same report differ")
	}
	c := write(t, sample, sampleReport(), docx.Options{Chart: fakeChart, PageSize: "Letter"})
	if bytes.Equal(a, c) {
		t.Error("the page size changes nothing")
	}
}

func TestOptions(t *testing.T) {
	var buf bytes.Buffer
	if err := docx.Write(&buf, []byte(sample), sampleReport(), docx.Options{PageSize: "A5"}); err == nil || !strings.Contains(err.Error(), "A4 or Letter") {
		t.Errorf("page size A5: %v", err)
	}
	failing := func(string, string, float64) ([]byte, float64, float64, error) {
		return nil, 0, 0, errors.New("no such chart")
	}
	if err := docx.Write(&buf, []byte(sample), sampleReport(), docx.Options{Chart: failing}); err == nil || !strings.Contains(err.Error(), "line 42") {
		t.Errorf("a chart that fails: %v", err)
	}
	_, files := parts(t, write(t, sample, sampleReport(), docx.Options{PageSize: "letter"}))
	if !strings.Contains(files["word/document.xml"], `<w:pgSz w:w="12240" w:h="15840"/>`) {
		t.Error("Letter: no Letter pages")
	}
	if strings.Contains(files["word/document.xml"], "<w:drawing>") || !strings.Contains(files["word/document.xml"], "Activities per partner country") {
		t.Error("without Chart: a picture, or no caption")
	}
}

// saveSample writes the sample to a temporary file.
func saveSample(t *testing.T, md string, r *pipeline.Report) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.docx")
	if err := os.WriteFile(path, write(t, md, r, docx.Options{Chart: fakeChart}), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// pythonDocx lists what python-docx sees in the document: each
// paragraph's style and text, each table's rows with whether they repeat
// as a header, and the pictures.
const pythonDocx = `
import sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    if p.text.strip():
        print("P", p.style.name, "|", p.text)
for t in d.tables:
    for r in t.rows:
        head = r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None
        print("R", "header" if head else "body", "|", " | ".join(c.text for c in r.cells))
for s in d.inline_shapes:
    print("I", s.type, s.width.pt, s.height.pt)
cp = d.core_properties
print("C", cp.title, "|", cp.author, "|", cp.created.isoformat())
`

func runPython(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("/usr/bin/python3", "-c", pythonDocx, path).CombinedOutput()
	if err != nil {
		t.Fatalf("python-docx (python3-docx) cannot read the document: %v\n%s", err, out)
	}
	return string(out)
}

func TestPythonDocx(t *testing.T) {
	out := runPython(t, saveSample(t, sample, sampleReport()))
	for _, want := range []string{
		"P Title | Sample report\n",
		"P Heading 1 | Summary\n", "P Heading 2 | Partners\n", "P Heading 3 | Details\n", "P Heading 4 | Small print\n",
		"P List Paragraph | nested number\n",
		"P Caption | Cooperation by partner\n",
		"R header | Partner | Activities\n", "R body | China & Inner Mongolia | 12\n",
		"I 3 ", // INLINE_SHAPE.PICTURE
		"P Caption | Activities per partner country\n",
		"C Sample report & more | Mongolia | 2026-01-02T03:04:05",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("python-docx does not see %q in:\n%s", want, out)
		}
	}
}

// toPDF converts a document with LibreOffice and returns the text of the
// PDF, laid out, and its page count.
func toPDF(t *testing.T, path string) (string, string) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatalf("LibreOffice is needed (apt-get install libreoffice-writer): %v", err)
	}
	dir := filepath.Dir(path)
	profile := "file://" + filepath.Join(t.TempDir(), "lo-profile")
	cmd := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := strings.TrimSuffix(path, ".docx") + ".pdf"
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	return string(text), string(info)
}

func TestLibreOffice(t *testing.T) {
	text, info := toPDF(t, saveSample(t, sample, sampleReport()))
	flat := strings.Join(strings.Fields(text), " ")
	inOrder(t, flat, "Sample report", "Mongolia", "Contents", "Summary", "Partners", "Charts",
		"Sample 2012–2015", "Summary", "words & signs < > and Mongolian Өвөрхангай, Үүрийн гэгээ.",
		"first bullet", "nested number", "3. three", "Partners", "Cooperation by partner",
		"Partner Activities", "Russia 5", "China & Inner Mongolia 12", "Details", "Small print",
		"Charts", "Activities per partner country", "Last paragraph", `Page 4 of 4`)
	if !regexp.MustCompile(`Pages:\s+4\n`).MatchString(info) {
		t.Errorf("LibreOffice made other than 4 pages (cover, contents, summary, charts):\n%s", info)
	}
	if strings.Contains(strings.SplitN(text, "\f", 2)[0], "Page 1") {
		t.Error("the cover has a footer")
	}
}

// Options.Landscape, the PDF's decision for each table, overrides the
// writer's own judgement: a narrow table the PDF turned goes in a
// landscape section.
func TestLandscapeAsThePDF(t *testing.T) {
	md := "# Narrow\n\n| a | b |\n| --- | ---: |\n| x | 1 |\n"
	_, upright := parts(t, write(t, md, sampleReport(), docx.Options{}))
	_, turned := parts(t, write(t, md, sampleReport(), docx.Options{Landscape: []bool{true}}))
	if strings.Contains(upright["word/document.xml"], `w:orient="landscape"`) || !strings.Contains(turned["word/document.xml"], `w:orient="landscape"`) {
		t.Error("the PDF's decision to turn the table is not followed")
	}
}
