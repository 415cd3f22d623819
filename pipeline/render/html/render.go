package html

import (
	"bytes"
	"strings"

	"coopreport/pipeline/lang"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// page renders the nodes the page adds to goldmark's tree, and tables in
// a wrapper that scrolls on a narrow screen.
type page struct {
	s *source
	l lang.Lang // the language of the words the writer writes itself
}

func (p *page) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCover, p.cover)
	reg.Register(kindChart, p.chart)
	reg.Register(kindCaption, p.caption)
	reg.Register(kindPageBreak, p.pageBreak)
	reg.Register(kindTOC, p.toc)
	reg.Register(kindAltText, p.altText)
	reg.Register(kindPlainLink, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkContinue, nil
	})
	reg.Register(east.KindTable, p.table)
	reg.Register(kindLandscape, p.landscape)
}

func (p *page) landscape(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString("<div class=\"landscape\">\n")
	} else {
		w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

func (p *page) cover(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString("<header class=\"cover\">\n")
	} else {
		w.WriteString("</header>\n")
	}
	return ast.WalkContinue, nil
}

func (p *page) chart(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	c := n.(*chart)
	w.WriteString("<figure class=\"chart\">\n")
	svg := bytes.TrimSpace(c.svg)
	if c.caption != "" && bytes.HasPrefix(svg, []byte("<svg ")) && !bytes.Contains(svg[:bytes.IndexByte(svg, '>')+1], []byte("aria-label")) {
		// Its name for a screen reader: the caption.
		w.WriteString(`<svg aria-label="`)
		w.Write(util.EscapeHTML([]byte(c.caption)))
		w.WriteString(`" `)
		svg = svg[len("<svg "):]
	}
	w.Write(svg)
	w.WriteString("\n")
	if c.caption != "" {
		w.WriteString("<figcaption>")
		w.Write(util.EscapeHTML([]byte(c.caption)))
		w.WriteString("</figcaption>\n")
	}
	w.WriteString("</figure>\n")
	return ast.WalkSkipChildren, nil
}

func (p *page) caption(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString("<caption>")
	} else {
		w.WriteString("</caption>\n")
	}
	return ast.WalkContinue, nil
}

// table wraps goldmark's table in a box that scrolls sideways on a narrow
// screen; the rows are goldmark's (the table extension's renderer).
func (p *page) table(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString("<div class=\"table-wrap\">\n<table>\n")
	} else {
		w.WriteString("</table>\n</div>\n")
	}
	return ast.WalkContinue, nil
}

func (p *page) pageBreak(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString("<div class=\"page-break\"></div>\n")
	}
	return ast.WalkContinue, nil
}

func (p *page) altText(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString("<em>[")
		w.Write(util.EscapeHTML([]byte(n.(*altText).alt)))
		w.WriteString("]</em>")
	}
	return ast.WalkSkipChildren, nil
}

// toc writes the table of contents: the "#" headings, each with its "##"
// headings in a list of their own, linked to them.
func (p *page) toc(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if n.(*toc).titled {
		w.WriteString("<nav class=\"toc\" aria-labelledby=\"contents\">\n<h1 id=\"contents\">" + esc(words.In(p.l, "Contents")) + "</h1>\n")
	} else {
		w.WriteString("<nav class=\"toc\" aria-label=\"" + esc(words.In(p.l, "Contents")) + "\">\n")
	}
	// A "##" before any "#" is an entry of the top list, indented as
	// the entries under a "#" are.
	type entry struct {
		h    heading
		subs []heading
	}
	var top []entry
	for _, h := range p.s.heads {
		if !h.toc {
			continue
		}
		if k := len(top) - 1; h.level == 2 && k >= 0 && top[k].h.level == 1 {
			top[k].subs = append(top[k].subs, h)
			continue
		}
		top = append(top, entry{h: h})
	}
	var b strings.Builder
	link := func(h heading) {
		b.WriteString("<a href=\"#")
		b.Write(util.EscapeHTML([]byte(h.id)))
		b.WriteString("\">")
		b.Write(util.EscapeHTML([]byte(h.text)))
		b.WriteString("</a>")
	}
	if len(top) > 0 {
		b.WriteString("<ol>\n")
	}
	for _, e := range top {
		if e.h.level == 1 {
			b.WriteString("<li>")
		} else {
			b.WriteString("<li class=\"sub\">")
		}
		link(e.h)
		if len(e.subs) > 0 {
			b.WriteString("\n<ol>\n")
			for _, h := range e.subs {
				b.WriteString("<li>")
				link(h)
				b.WriteString("</li>\n")
			}
			b.WriteString("</ol>\n")
		}
		b.WriteString("</li>\n")
	}
	if len(top) > 0 {
		b.WriteString("</ol>\n")
	}
	w.WriteString(b.String())
	w.WriteString("</nav>\n")
	return ast.WalkSkipChildren, nil
}
