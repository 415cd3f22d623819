package main

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestExamplePDFPages renders every page of the example's PDF, as
// poppler does for a reader, and checks what a program can see of the
// layout (issue 11): every date, amount and other short cell of figures of
// the annexes on one line; the running header on one line of whole words,
// its period and the footer's page number against the right margin, on
// portrait and landscape pages alike; the table of contents' page numbers
// those the headings are on; and no ink beyond the margins.
func TestExamplePDFPages(t *testing.T) {
	dir := runExample(t, noEnv, "--now", exampleNow)
	path := filepath.Join(dir, "report-"+exampleLabel+".pdf")
	pages := bboxPages(t, path)
	if len(pages) < 2 {
		t.Fatalf("the PDF has %d pages", len(pages))
	}
	md, err := os.ReadFile(filepath.Join(dir, "report-"+exampleLabel+".md"))
	if err != nil {
		t.Fatal(err)
	}

	t.Run("annex cells of figures on one line", func(t *testing.T) {
		rows := annexRows(string(md))
		if len(rows) < 40 {
			t.Fatalf("found %d rows in the annexes of the Markdown; want the example's 46", len(rows))
		}
		checked := 0
		for _, r := range rows {
			// From the end: the annexes are last, and an agreement may
			// also be in a table of the body (the agreements that ended).
			line, page := "", 0
			for i := len(pages) - 1; i >= 0; i-- {
				if l, ok := pages[i].lineOf(r[0]); ok {
					line, page = l, i+1
					break
				}
			}
			if page == 0 {
				t.Errorf("no line of the PDF starts row %s", r[0])
				continue
			}
			// The first line of a row holds the first line of each of
			// its cells: a cell of figures must be there whole.
			for _, c := range r[1:] {
				if !figures(c) {
					continue
				}
				checked++
				if !strings.Contains(line, c) {
					t.Errorf("page %d: %q is broken across lines; the first line of row %s reads %q", page, c, r[0], line)
				}
			}
		}
		if checked < 80 {
			t.Errorf("checked %d cells of figures; want the example's dates and amounts", checked)
		}
	})

	t.Run("running header and footer", func(t *testing.T) {
		titleWords := map[string]bool{}
		for _, w := range strings.Fields(configValue(t, "title") + " " + configValue(t, "short_title")) {
			titleWords[w] = true
		}
		landscape := 0
		for i, p := range pages[1:] { // the cover has none
			n := i + 2
			if p.w > p.h {
				landscape++
			}
			head := p.band(0, 15*mm)
			if len(head) != 1 {
				t.Errorf("page %d: the running header takes %d lines: %q", n, len(head), p.texts(head))
				continue
			}
			words := head[0]
			right := words[len(words)-1]
			if right.text != "2012–2015" || math.Abs(right.xMax-(p.w-18*mm)) > 1 {
				t.Errorf("page %d (%.0f×%.0f pt): the header ends with %q at x %.1f; want 2012–2015 at the right margin, %.1f", n, p.w, p.h, right.text, right.xMax, p.w-18*mm)
			}
			for _, w := range words[:len(words)-1] {
				if !titleWords[strings.TrimSuffix(w.text, "…")] {
					t.Errorf("page %d: the header has %q, not a word of the title: %q", n, w.text, p.text(words))
				}
			}
			foot := p.band(p.h-15*mm, p.h)
			if len(foot) != 1 {
				t.Errorf("page %d: the footer takes %d lines: %q", n, len(foot), p.texts(foot))
				continue
			}
			last := foot[0][len(foot[0])-1]
			if want := strconv.Itoa(len(pages)); !strings.HasSuffix(p.text(foot[0]), fmt.Sprintf("Page %d of %s", n, want)) || math.Abs(last.xMax-(p.w-18*mm)) > 1 {
				t.Errorf("page %d: the footer reads %q, ending at x %.1f; want Page %d of %s at the right margin, %.1f", n, p.text(foot[0]), last.xMax, n, want, p.w-18*mm)
			}
		}
		if landscape == 0 {
			t.Log("no landscape page: the header and footer were checked on portrait pages only")
		}
	})

	t.Run("contents", func(t *testing.T) {
		for _, h := range []string{"Annex 1: Agreements in force", "Annex 2: Activities of the period", "Annex 3: Data issues"} {
			listed, at := 0, 0
			for i, p := range pages {
				for _, l := range p.lines() {
					s := p.text(l)
					switch {
					case strings.HasPrefix(s, h+" ") && listed == 0:
						listed, _ = strconv.Atoi(s[strings.LastIndex(s, " ")+1:])
					case s == h && at == 0 && i > 0:
						at = i + 1
					}
				}
			}
			if listed == 0 || listed != at {
				t.Errorf("the contents list %q on page %d; it is on page %d", h, listed, at)
			}
		}
	})

	t.Run("no ink beyond the margins", func(t *testing.T) {
		if _, err := exec.LookPath("pdftoppm"); err != nil {
			t.Skip("pdftoppm is needed (apt-get install poppler-utils)")
		}
		out := t.TempDir()
		const dpi = 40
		cmd := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-gray", path, filepath.Join(out, "p"))
		if b, err := cmd.CombinedOutput(); err != nil || len(b) > 0 {
			t.Fatalf("pdftoppm: %v\n%s", err, b)
		}
		files, _ := filepath.Glob(filepath.Join(out, "p-*.pgm"))
		sort.Strings(files)
		if len(files) != len(pages) {
			t.Fatalf("pdftoppm rendered %d pages of %d", len(files), len(pages))
		}
		for i, f := range files[1:] { // the cover has no margins of this kind
			w, h, pix := readPGM(t, f)
			margin := int(math.Floor((18 - 2) * dpi / 25.4)) // the margin less 2 mm
			for y := range h {
				for x := range w {
					if (x < margin || x >= w-margin) && pix[y*w+x] < 200 {
						t.Errorf("page %d: ink at %.0f mm from the left, %.0f mm from the top, beyond the margins", i+2, float64(x)*25.4/dpi, float64(y)*25.4/dpi)
						goto next
					}
				}
			}
		next:
		}
	})
}

// mm is one millimetre in points.
const mm = 72 / 25.4

// bboxWord is a word as pdftotext -bbox places it, in points.
type bboxWord struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

type bboxPage struct {
	w, h  float64
	words []bboxWord
}

var (
	bboxPageRE = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	bboxWordRE = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">(.*)</word>`)
)

// bboxPages reads every word of the PDF with its box.
func bboxPages(t *testing.T, path string) []bboxPage {
	t.Helper()
	var pages []bboxPage
	sc := bufio.NewScanner(bytes.NewReader(pdfText(t, path, "-bbox")))
	num := func(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }
	for sc.Scan() {
		if m := bboxPageRE.FindStringSubmatch(sc.Text()); m != nil {
			pages = append(pages, bboxPage{w: num(m[1]), h: num(m[2])})
		} else if m := bboxWordRE.FindStringSubmatch(sc.Text()); m != nil && len(pages) > 0 {
			p := &pages[len(pages)-1]
			p.words = append(p.words, bboxWord{html.UnescapeString(m[5]), num(m[1]), num(m[2]), num(m[3]), num(m[4])})
		}
	}
	return pages
}

// lines groups the page's words into lines: words whose boxes are at the
// same height, left to right.
func (p bboxPage) lines() [][]bboxWord {
	var out [][]bboxWord
	for _, w := range p.words {
		i := slices.IndexFunc(out, func(l []bboxWord) bool { return math.Abs(l[0].yMin-w.yMin) < 1 })
		if i < 0 {
			out = append(out, []bboxWord{w})
		} else {
			out[i] = append(out[i], w)
		}
	}
	for _, l := range out {
		sort.Slice(l, func(i, j int) bool { return l[i].xMin < l[j].xMin })
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0].yMin < out[j][0].yMin })
	return out
}

// band is the lines of the page whose top is between y0 and y1 points.
func (p bboxPage) band(y0, y1 float64) [][]bboxWord {
	var out [][]bboxWord
	for _, l := range p.lines() {
		if l[0].yMin >= y0 && l[0].yMin < y1 {
			out = append(out, l)
		}
	}
	return out
}

func (p bboxPage) text(l []bboxWord) string {
	var s []string
	for _, w := range l {
		s = append(s, w.text)
	}
	return strings.Join(s, " ")
}

func (p bboxPage) texts(ls [][]bboxWord) []string {
	var out []string
	for _, l := range ls {
		out = append(out, p.text(l))
	}
	return out
}

// lineOf returns the text of the line that starts with the word first.
func (p bboxPage) lineOf(first string) (string, bool) {
	for _, l := range p.lines() {
		if l[0].text == first {
			return p.text(l), true
		}
	}
	return "", false
}

// annexRows are the cells of the rows of the annexes' register tables in
// the Markdown report, each row starting with its ID.
func annexRows(md string) [][]string {
	var rows [][]string
	in := false
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "# ") {
			in = strings.HasPrefix(l, "# Annex 1") || strings.HasPrefix(l, "# Annex 2")
		}
		if !in || !strings.HasPrefix(l, "| A") {
			continue
		}
		var cells []string
		for _, c := range strings.Split(strings.Trim(l, "|"), "|") {
			cells = append(cells, strings.TrimSpace(c))
		}
		if !strings.ContainsAny(cells[0], "0123456789") {
			continue // a header
		}
		rows = append(rows, cells)
	}
	return rows
}

// figures reports whether a cell is a short one of figures: a date, a
// range of dates, an amount with its code, a number.
func figures(cell string) bool {
	return strings.ContainsAny(cell, "0123456789") && len(strings.Fields(cell)) <= 5
}

var configRE = regexp.MustCompile(`(?m)^(\w+)\s*=\s*"([^"]*)"`)

// configValue is a string the example's coopreport.toml sets.
func configValue(t *testing.T, key string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(exampleInput, "coopreport.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range configRE.FindAllStringSubmatch(string(b), -1) {
		if m[1] == key {
			return m[2]
		}
	}
	t.Fatalf("the example's coopreport.toml does not set %s", key)
	return ""
}

// readPGM reads a binary greyscale image as pdftoppm -gray writes it.
func readPGM(t *testing.T, path string) (w, h int, pix []byte) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var maxv int
	r := bytes.NewReader(b)
	if _, err := fmt.Fscanf(r, "P5\n%d %d\n%d\n", &w, &h, &maxv); err != nil || maxv != 255 {
		t.Fatalf("%s: not an 8-bit PGM: %v", path, err)
	}
	pix = b[len(b)-r.Len():]
	if len(pix) != w*h {
		t.Fatalf("%s: %d bytes of pixels for %d×%d", path, len(pix), w, h)
	}
	return w, h, pix
}
