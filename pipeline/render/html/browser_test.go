package html_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The page is checked in the browser a reader opens it in: headless
// Chromium, each run with a profile of its own (--user-data-dir), so that
// runs in parallel or left over do not share state.
//
//   - Screenshots of the first screen, phone-sized (412×915, a common
//     Android phone) and desktop-sized (1280×900): the PNG is there and
//     not blank.
//   - Console errors: Chromium logs what the page writes to the console
//     with --enable-logging=stderr --v=0 as lines holding ":CONSOLE"
//     (a page without scripts should have none: a blocked or broken
//     resource would show there). Chromium's own chatter (D-Bus, GPU)
//     goes to the same stderr and is not counted. --dump-dom makes the
//     run wait for the page to load and prints the DOM it built.
//   - Printing: --print-to-pdf, then pdftotext: the headings are there,
//     the cover is a page of its own.

// chromium finds the browser; CI installs it (.ci/run), so a missing one
// fails the test rather than skipping it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium is needed to check the HTML report (apt-get install chromium; .ci/run does)")
	return ""
}

// browse runs headless Chromium on the file page with args, and returns
// its standard output and the console lines of its log.
func browse(t *testing.T, page string, args ...string) (stdout string, console []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	all := append([]string{"--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=" + t.TempDir(),
		"--no-first-run", "--no-default-browser-check", "--enable-logging=stderr", "--v=0"}, args...)
	all = append(all, "file://"+page)
	cmd := exec.CommandContext(ctx, chromium(t), all...)
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, errs.String())
	}
	for _, l := range strings.Split(errs.String(), "\n") {
		if strings.Contains(l, ":CONSOLE") {
			console = append(console, l)
		}
	}
	return out.String(), console
}

// screenshot takes the first screen of page at size "W,H" into a PNG and
// checks that it shows something.
func screenshot(t *testing.T, page, size, png string) {
	t.Helper()
	_, console := browse(t, page, "--hide-scrollbars", "--window-size="+size, "--screenshot="+png)
	if len(console) > 0 {
		t.Errorf("console at %s:\n%s", size, strings.Join(console, "\n"))
	}
	checkNotBlank(t, png, size)
}

func checkNotBlank(t *testing.T, path, size string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no screenshot at %s: %v", size, err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot at %s: %v", size, err)
	}
	b := img.Bounds()
	if w, h := strconv.Itoa(b.Dx()), strconv.Itoa(b.Dy()); w+","+h != size {
		t.Errorf("screenshot %s×%s, want %s", w, h, size)
	}
	if n, all := inked(img), b.Dx()*b.Dy(); n < all/100 {
		t.Errorf("screenshot at %s is blank: %d of %d pixels not white", size, n, all)
	}
}

// inked counts the pixels that are not white.
func inked(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				n++
			}
		}
	}
	return n
}

// TestConsoleDetector: the console check sees an error when there is
// one, or it proves nothing.
func TestConsoleDetector(t *testing.T) {
	page := filepath.Join(t.TempDir(), "bad.html")
	if err := os.WriteFile(page, []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>t</title></head><body><p>x</p><script>console.error("broken")</script></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, console := browse(t, page, "--dump-dom")
	if len(console) != 1 || !strings.Contains(console[0], "broken") {
		t.Errorf("console lines %q, want the one error", console)
	}
}

// probePage holds the page in a frame width px wide (headless Chromium
// lays out no window narrower than 500 px, and --screenshot emulates the
// width it is given, which --dump-dom does not) and writes into its own
// DOM how far the page is wider than the frame and how many table boxes
// scroll. The script is the probe's: the page itself has none.
const probePage = `<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="%s" style="width:%dpx;height:900px;border:0"></iframe>
<script>
document.getElementById("f").addEventListener("load", function () {
  var d = this.contentDocument.documentElement, wraps = this.contentDocument.querySelectorAll(".table-wrap"), n = 0;
  for (var i = 0; i < wraps.length; i++) { if (wraps[i].scrollWidth > wraps[i].clientWidth) n++; }
  document.body.setAttribute("data-probe", "over=" + (d.scrollWidth - d.clientWidth) + " width=" + d.clientWidth + " scrolling=" + n + " of " + wraps.length);
});
</script></body></html>
`

var probeRE = regexp.MustCompile(`data-probe="over=(-?\d+) width=(\d+) scrolling=(\d+) of (\d+)"`)

// probe loads page in a frame width px wide.
func probe(t *testing.T, page string, width int) (over, clientW, scrolling, wraps int) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "probe.html")
	if err := os.WriteFile(p, []byte(fmt.Sprintf(probePage, "file://"+page, width)), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, _ := browse(t, p, "--allow-file-access-from-files", "--hide-scrollbars", "--window-size=1400,1000", "--dump-dom")
	m := probeRE.FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("the probe did not run at width %d", width)
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	return n(m[1]), n(m[2]), n(m[3]), n(m[4])
}

func pdftext(t *testing.T, pdf string, args ...string) string {
	t.Helper()
	p, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext is needed (install poppler-utils): %v", err)
	}
	out, err := exec.Command(p, append(append(args, pdf), "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func pdfPages(t *testing.T, pdf string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// pdfLandscape counts the pages of a PDF wider than tall.
func pdfLandscape(t *testing.T, pdf string) (landscape, pages int) {
	t.Helper()
	pages = pdfPages(t, pdf)
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", strconv.Itoa(pages), pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	for _, m := range regexp.MustCompile(`(?m)^Page +\d+ size: +([\d.]+) x ([\d.]+)`).FindAllSubmatch(out, -1) {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if w > h {
			landscape++
		}
	}
	return landscape, pages
}
