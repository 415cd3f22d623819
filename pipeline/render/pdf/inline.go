package pdf

import "strings"

// span is a run of clean text in one look: the unit Markdown's inline
// content is turned into before it is broken into lines.
type span struct {
	text string
	st   style
	code bool
	link string // URL of a link; "" for none
}

// sameLook reports whether a and b can be drawn as one piece.
func (a span) sameLook(b span) bool { return a.st == b.st && a.code == b.code && a.link == b.link }

// frag is a piece of a line: text in one look at an offset x from the
// line's left edge.
type frag struct {
	span
	x, w float64
}

// line is one laid-out line of text; w is its width.
type line struct {
	frags []frag
	w     float64
}

// plainSpans is one span of text in style st.
func plainSpans(text string, st style) []span { return []span{{text: text, st: st}} }

// lineBreaker fills lines greedily: words never split unless a word alone
// is wider than the line, then it is cut between characters.
type lineBreaker struct {
	d     *doc
	size  float64
	width float64
	lines []line
	cur   line
	space *frag // the space before the next word, when the line has text
}

// layout breaks spans into lines of at most width millimetres at size
// points. "\n" in a span is a forced line break. It returns at least one
// line, so that an empty cell still has a height.
func (d *doc) layout(spans []span, width, size float64) []line {
	// A hair of tolerance: a column as wide as its longest word must not
	// cut that word for a rounding error.
	b := &lineBreaker{d: d, size: size, width: width + 1e-6}
	var word []frag
	flush := func() {
		if len(word) > 0 {
			b.addWord(word)
			word = word[:0]
		}
	}
	for _, s := range spans {
		t := s.text
		for t != "" {
			i := strings.IndexAny(t, " \n")
			if i < 0 {
				i = len(t)
			}
			if i > 0 {
				word = append(word, frag{span: span{text: t[:i], st: s.st, code: s.code, link: s.link}, w: d.textW(t[:i], s.st, size)})
			}
			if i == len(t) {
				break
			}
			flush()
			if t[i] == '\n' {
				b.newLine(true)
			} else if len(b.cur.frags) > 0 && b.space == nil {
				sp := s
				sp.text = " "
				b.space = &frag{span: sp, w: d.textW(" ", s.st, size)}
			}
			t = t[i+1:]
		}
	}
	flush()
	if len(b.cur.frags) > 0 || len(b.lines) == 0 {
		b.newLine(true)
	}
	return b.lines
}

// newLine ends the current line; force keeps an empty one (a line break
// in the text).
func (b *lineBreaker) newLine(force bool) {
	if len(b.cur.frags) > 0 || force {
		b.lines = append(b.lines, b.cur)
	}
	b.cur = line{}
	b.space = nil
}

func (b *lineBreaker) addWord(word []frag) {
	var w float64
	for _, f := range word {
		w += f.w
	}
	sp := 0.0
	if len(b.cur.frags) > 0 && b.space != nil {
		sp = b.space.w
	}
	if len(b.cur.frags) > 0 && b.cur.w+sp+w > b.width {
		b.newLine(false)
		sp = 0
	}
	if len(b.cur.frags) == 0 && w > b.width {
		b.cutWord(word)
		return
	}
	if sp > 0 {
		b.append(*b.space)
	}
	b.space = nil
	for _, f := range word {
		b.append(f)
	}
}

// cutWord places a word wider than the line character by character.
func (b *lineBreaker) cutWord(word []frag) {
	for _, f := range word {
		for _, r := range f.text {
			c := f
			c.text = string(r)
			c.w = b.d.textW(c.text, f.st, b.size)
			if len(b.cur.frags) > 0 && b.cur.w+c.w > b.width {
				b.newLine(false)
			}
			b.append(c)
		}
	}
	b.space = nil
}

// append adds f at the end of the current line, merged with the last
// piece when they look the same.
func (b *lineBreaker) append(f frag) {
	l := &b.cur
	if n := len(l.frags); n > 0 && l.frags[n-1].sameLook(f.span) {
		l.frags[n-1].text += f.text
		l.frags[n-1].w += f.w
	} else {
		f.x = l.w
		l.frags = append(l.frags, f)
	}
	l.w += f.w
}

// Colours of text.
var (
	colorText = [3]int{0, 0, 0}
	colorLink = [3]int{20, 70, 160}
	colorCode = [3]int{120, 30, 30}
	colorHead = [3]int{25, 50, 95}
)

// drawLine draws l in a box of width boxW whose top left corner is (x, y),
// aligned "L", "C" or "R", at size points on a line lineH high. color is
// the colour of plain text.
func (d *doc) drawLine(l line, x, y, boxW, lineH, size float64, align string, color [3]int) {
	p := d.pdf
	switch align {
	case "R":
		x += boxW - l.w
	case "C":
		x += (boxW - l.w) / 2
	}
	base := y + lineH/2 + 0.3*size*ptMM
	for _, f := range l.frags {
		c := color
		switch {
		case f.code:
			c = colorCode
			p.SetFillColor(238, 238, 238)
			p.Rect(x+f.x-0.3, y+lineH/2-0.55*size*ptMM, f.w+0.6, 1.1*size*ptMM, "F")
		case f.link != "":
			c = colorLink
		}
		p.SetFont(family, fpdfStyle(f.st), size)
		p.SetTextColor(c[0], c[1], c[2])
		text := f.text
		if strings.ContainsRune(text, glueSpace) {
			text = strings.ReplaceAll(text, string(glueSpace), " ")
		}
		p.Text(x+f.x, base, text)
		if f.link != "" {
			p.SetDrawColor(c[0], c[1], c[2])
			p.SetLineWidth(0.15)
			p.Line(x+f.x, base+0.6, x+f.x+f.w, base+0.6)
			p.LinkString(x+f.x, y, f.w, lineH, f.link)
		}
	}
	p.SetTextColor(0, 0, 0)
}
