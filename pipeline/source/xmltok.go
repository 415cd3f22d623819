package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// xmlTokens is a small XML tokenizer for the parts of a workbook. It exists
// because excelize's row iterator drops the errors of its XML decoder: a
// sheet that breaks off, or holds an entity XML does not define, simply
// ends early. xmlTokens reads the same bytes once, allocates nothing per
// token, and stops at what encoding/xml stops at (undefined entities,
// characters XML forbids, invalid UTF-8, end tags that do not match, a
// document that breaks off), so that the reader can tell where excelize
// stopped and why. It is lenient where encoding/xml is lenient (unknown
// namespace prefixes, text outside the root), because refusing a valid
// file is a failure too.
type xmlTokens struct {
	src io.Reader
	buf []byte
	pos int // next unread byte of buf
	end int // end of the data in buf
	eof bool
	err error // sticky

	checkUTF8 bool // false when the part declares another encoding
	begun     bool // the root element has begun

	// The current token; name, attrs and text point into buf and are
	// valid until the next call of next.
	kind    tokKind
	name    []byte // local name of a start or end tag
	attrs   []xmlAttr
	text    []byte // character data, raw (entities are checked, not decoded)
	selfEnd bool   // the start tag just returned closes itself: an end follows

	open  []int  // for each open element, where its name ends in names
	names []byte // the local names of the open elements, end to end
}

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText // one piece of character data; a long run may come in pieces
)

type xmlAttr struct{ name, value []byte }

// Errors of the tokenizer. errXMLEnd says the part breaks off; any other
// error says what is wrong with it.
var errXMLEnd = errors.New("the XML breaks off before its end")

// maxToken bounds a tag, comment or CDATA section: Excel's longest is far
// below it, and the window that holds one grows up to it.
const maxToken = 16 << 20

func newXMLTokens(src io.Reader) *xmlTokens {
	return &xmlTokens{src: src, buf: make([]byte, 256<<10), checkUTF8: true}
}

// fill moves the unread bytes to the front of the window and reads more.
// It reports false at the end of the input (or on a read error, kept in
// x.err).
func (x *xmlTokens) fill() bool {
	if x.eof {
		return false
	}
	if x.pos > 0 {
		x.end = copy(x.buf, x.buf[x.pos:x.end])
		x.pos = 0
	}
	if x.end == len(x.buf) {
		if len(x.buf) >= maxToken {
			x.err = fmt.Errorf("a tag or value longer than %d MiB", maxToken>>20)
			return false
		}
		x.buf = append(x.buf, make([]byte, len(x.buf))...)
	}
	for {
		n, err := x.src.Read(x.buf[x.end:])
		x.end += n
		if err == io.EOF {
			x.eof = true
			return n > 0
		}
		if err != nil {
			x.err = fmt.Errorf("the part cannot be unpacked: %w", err)
			x.eof = true
			return false
		}
		if n > 0 {
			return true
		}
	}
}

// next reads the next token. At the end of a well-formed document it
// returns io.EOF; a document that breaks off gives errXMLEnd.
func (x *xmlTokens) next() error {
	if x.err != nil {
		return x.err
	}
	if x.selfEnd {
		// <c/> is a start and an end; the name is still in the window.
		x.selfEnd = false
		x.kind = tokEnd
		x.pop()
		return nil
	}
	for {
		if x.pos == x.end && !x.fill() {
			if x.err != nil {
				return x.err
			}
			if len(x.open) > 0 || !x.begun {
				x.err = errXMLEnd
				return x.err
			}
			return io.EOF
		}
		if x.pos == 0 && !x.begun && x.end-x.pos >= 2 && (x.buf[0] == 0xFE && x.buf[1] == 0xFF || x.buf[0] == 0xFF && x.buf[1] == 0xFE) {
			x.err = errors.New("the part is stored as UTF-16, which this reader does not check")
			return x.err
		}
		if x.pos == 0 && !x.begun && bytes.HasPrefix(x.buf[:x.end], []byte("\xEF\xBB\xBF")) {
			x.pos = 3 // a UTF-8 byte order mark
			continue
		}
		if x.buf[x.pos] != '<' {
			ok, err := x.readText()
			if err != nil {
				x.err = err
				return err
			}
			if ok {
				return nil
			}
			continue
		}
		ok, err := x.readMarkup()
		if err != nil {
			x.err = err
			return err
		}
		if ok {
			return nil
		}
	}
}

// readText returns the character data up to the next '<', or a piece of
// it that ends before an entity or a character the window splits.
func (x *xmlTokens) readText() (bool, error) {
	data := x.buf[x.pos:x.end]
	i := bytes.IndexByte(data, '<')
	if i < 0 && !x.eof {
		i = safeCut(data)
		if i == 0 {
			if !x.fill() && x.err != nil {
				return false, x.err
			}
			return false, nil
		}
	} else if i < 0 {
		i = len(data)
	}
	t := data[:i]
	x.pos += i
	if err := x.checkText(t, false); err != nil {
		return false, err
	}
	x.kind, x.text = tokText, t
	return true, nil
}

// safeCut is how much of a text run cut by the window's end can be checked
// now: not a trailing entity without its ';', nor a trailing character
// whose bytes are not all there.
func safeCut(data []byte) int {
	n := len(data)
	if amp := bytes.LastIndexByte(data, '&'); amp >= 0 && amp >= n-40 && bytes.IndexByte(data[amp:], ';') < 0 {
		n = amp
	}
	for k := 1; k <= 3 && k <= n; k++ {
		c := data[n-k]
		if c < 0x80 {
			break
		}
		if c >= 0xC0 { // a leading byte: is its sequence whole?
			if need := utf8SeqLen(c); need > k {
				n -= k
			}
			break
		}
	}
	return n
}

func utf8SeqLen(c byte) int {
	switch {
	case c >= 0xF0:
		return 4
	case c >= 0xE0:
		return 3
	case c >= 0xC0:
		return 2
	}
	return 1
}

// readMarkup reads what starts at '<': a tag, a comment, CDATA, a
// processing instruction or a DOCTYPE. It reports false when the window
// had to be refilled (call again) or the markup yields no token.
func (x *xmlTokens) readMarkup() (bool, error) {
	data := x.buf[x.pos:x.end]
	more := func() (bool, error) {
		if !x.fill() {
			if x.err != nil {
				return false, x.err
			}
			return false, errXMLEnd
		}
		return false, nil
	}
	if len(data) < 2 {
		return more()
	}
	switch data[1] {
	case '?':
		i := bytes.Index(data[2:], []byte("?>"))
		if i < 0 {
			return more()
		}
		if err := x.declaration(data[2 : 2+i]); err != nil {
			return false, err
		}
		x.pos += 2 + i + 2
		return false, nil
	case '!':
		switch {
		case bytes.HasPrefix(data, []byte("<!--")):
			i := bytes.Index(data[4:], []byte("--"))
			if i < 0 {
				return more()
			}
			if 4+i+2 >= len(data) {
				return more()
			}
			if data[4+i+2] != '>' {
				return false, errors.New(`"--" inside a comment`)
			}
			x.pos += 4 + i + 3
			return false, nil
		case bytes.HasPrefix(data, []byte("<![CDATA[")):
			i := bytes.Index(data[9:], []byte("]]>"))
			if i < 0 {
				return more()
			}
			t := data[9 : 9+i]
			if err := x.checkText(t, true); err != nil {
				return false, err
			}
			x.pos += 9 + i + 3
			x.kind, x.text = tokText, t
			return true, nil
		case len(data) < 9 && (bytes.HasPrefix([]byte("<!--"), data) || bytes.HasPrefix([]byte("<![CDATA["), data)):
			return more() // the window cut it: which is it?
		}
		n, ok := directiveLen(data)
		if !ok {
			return more()
		}
		x.pos += n
		return false, nil
	case '/':
		return x.endTag(data, more)
	}
	return x.startTag(data, more)
}

// directiveLen is the length of a directive such as <!DOCTYPE …>, read
// as encoding/xml reads it: quoted text and comments aside, nested angle
// brackets must balance; the byte after "<!" is taken as it is.
func directiveLen(data []byte) (int, bool) {
	depth := 0
	var quote byte
	for i := 3; i < len(data); i++ {
		c := data[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<' && bytes.HasPrefix(data[i:], []byte("<!--")):
			j := bytes.Index(data[i+4:], []byte("-->"))
			if j < 0 {
				return 0, false
			}
			i += 4 + j + 2
		case c == '<':
			if len(data)-i < 4 && bytes.HasPrefix([]byte("<!--"), data[i:]) {
				return 0, false // the window may cut a comment
			}
			depth++
		case c == '>' && depth == 0:
			return i + 1, true
		case c == '>':
			depth--
		}
	}
	return 0, false
}

func (x *xmlTokens) endTag(data []byte, more func() (bool, error)) (bool, error) {
	if len(x.open) > 0 {
		// the common case: </name> closing the open element, no prefix
		top := x.top()
		if n := 2 + len(top); n < len(data) && data[n] == '>' && bytes.Equal(data[2:n], top) {
			x.pos += n + 1
			x.kind, x.name = tokEnd, data[2:n]
			x.pop()
			return true, nil
		}
	}
	i := 2
	for i < len(data) && isNameByte(data[i]) {
		i++
	}
	if i == len(data) {
		return more()
	}
	name := data[2:i]
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	if i == len(data) {
		return more()
	}
	if data[i] != '>' || len(name) == 0 {
		return false, fmt.Errorf("a malformed end tag %q", clip(data, 24))
	}
	local := localName(name)
	if len(x.open) == 0 {
		return false, fmt.Errorf("an end tag </%s> that closes nothing", name)
	}
	if top := x.top(); !bytes.Equal(top, local) {
		return false, fmt.Errorf("the element <%s> is closed by </%s>", top, name)
	}
	x.pos += i + 1
	x.kind, x.name = tokEnd, local
	x.pop()
	return true, nil
}

func (x *xmlTokens) startTag(data []byte, more func() (bool, error)) (bool, error) {
	i := 1
	if nameChar[data[i]] != 1 {
		return false, fmt.Errorf("a malformed tag %q", clip(data, 24))
	}
	for i < len(data) && nameChar[data[i]] != 0 {
		i++
	}
	name := data[1:i]
	x.attrs = x.attrs[:0]
	for {
		for i < len(data) && isSpace(data[i]) {
			i++
		}
		if i == len(data) {
			return more()
		}
		switch c := data[i]; {
		case c == '>':
			x.pos += i + 1
			local := localName(name)
			x.push(local)
			x.kind, x.name, x.begun = tokStart, local, true
			return true, nil
		case c == '/':
			if i+1 == len(data) {
				return more()
			}
			if data[i+1] != '>' {
				return false, fmt.Errorf("a malformed tag <%s", name)
			}
			x.pos += i + 2
			local := localName(name)
			x.push(local)
			x.kind, x.name, x.begun, x.selfEnd = tokStart, local, true, true
			return true, nil
		case nameChar[c] != 1:
			return false, fmt.Errorf("a malformed attribute in the tag <%s", name)
		}
		a := i
		for i < len(data) && nameChar[data[i]] != 0 {
			i++
		}
		an := data[a:i]
		for i < len(data) && isSpace(data[i]) {
			i++
		}
		if i == len(data) {
			return more()
		}
		if data[i] != '=' {
			return false, fmt.Errorf("the attribute %s of the tag <%s> has no value", an, name)
		}
		i++
		for i < len(data) && isSpace(data[i]) {
			i++
		}
		if i == len(data) {
			return more()
		}
		q := data[i]
		if q != '"' && q != '\'' {
			return false, fmt.Errorf("the attribute %s of the tag <%s> is not quoted", an, name)
		}
		// Most values are short and plain: scan them once, and check
		// only those with anything to check.
		j, plain := i+1, true
		for j < len(data) && data[j] != q {
			if attrByte[data[j]] {
				plain = false
			}
			j++
		}
		if j == len(data) {
			return more()
		}
		v := data[i+1 : j]
		if !plain {
			if bytes.IndexByte(v, '<') >= 0 {
				return false, fmt.Errorf("a '<' inside the attribute %s of the tag <%s>", an, name)
			}
			if err := x.checkText(v, false); err != nil {
				return false, err
			}
		}
		x.attrs = append(x.attrs, xmlAttr{name: localName(an), value: v})
		i = j + 1
	}
}

// declaration checks the XML declaration's encoding: UTF-8 is checked
// byte by byte; another single-byte encoding only for its structure.
func (x *xmlTokens) declaration(pi []byte) error {
	if !bytes.HasPrefix(pi, []byte("xml")) || len(pi) > 3 && !isSpace(pi[3]) {
		return nil // another processing instruction
	}
	_, enc, ok := bytes.Cut(pi, []byte("encoding"))
	if !ok {
		return nil
	}
	enc = bytes.TrimLeft(enc, " \t\r\n=")
	if len(enc) == 0 {
		return nil
	}
	q := enc[0]
	v, _, _ := bytes.Cut(enc[1:], []byte{q})
	switch e := strings.ToLower(string(v)); {
	case e == "utf-8" || e == "utf8" || e == "us-ascii" || e == "ascii":
	case strings.HasPrefix(e, "utf-16") || strings.HasPrefix(e, "utf-32") || strings.HasPrefix(e, "ucs"):
		return fmt.Errorf("the part is stored as %s, which this reader does not check", v)
	default:
		x.checkUTF8 = false
	}
	return nil
}

// textByte marks the bytes checkText looks at: control characters, '&',
// and the first byte of U+FFFE and U+FFFF.
var textByte = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n' && c != '\r'
	}
	t['&'] = true
	t[0xEF] = true
	return t
}()

// attrByte marks the bytes of attribute values that need checkText: those
// of textByte, '<', and all beyond ASCII.
var attrByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = textByte[c] || c == '<' || c >= 0x80
	}
	return t
}()

// checkText checks character data or an attribute value as encoding/xml
// would: every entity defined, every character allowed in XML, valid
// UTF-8. In CDATA an '&' is just a character.
func (x *xmlTokens) checkText(t []byte, cdata bool) error {
	ascii := true
	for i := 0; i < len(t); {
		c := t[i]
		if !textByte[c] {
			if c >= 0x80 {
				ascii = false
			}
			i++
			continue
		}
		switch {
		case c == '&' && cdata:
			i++
		case c == '&':
			n, err := entityLen(t[i:])
			if err != nil {
				return err
			}
			i += n
		case c == 0xEF:
			ascii = false
			if x.checkUTF8 && i+2 < len(t) && t[i+1] == 0xBF && (t[i+2] == 0xBE || t[i+2] == 0xBF) {
				return fmt.Errorf("the character U+%04X, which XML does not allow", 0xFFFE+int(t[i+2]-0xBE))
			}
			i++
		default:
			return fmt.Errorf("the control character U+%04X, which XML does not allow", c)
		}
	}
	if !ascii && x.checkUTF8 && !utf8.Valid(t) {
		return errors.New("bytes that are not valid UTF-8")
	}
	return nil
}

// entityLen checks the entity reference at the start of t and returns its
// length. Only XML's five entities and character references are defined:
// workbooks declare no others.
func entityLen(t []byte) (int, error) {
	semi := bytes.IndexByte(t[:min(len(t), 40)], ';')
	if semi < 0 {
		return 0, fmt.Errorf("a bare '&' (%q); an '&' must be written &amp;", clip(t, 12))
	}
	name := t[1:semi]
	switch string(name) {
	case "lt", "gt", "amp", "apos", "quot":
		return semi + 1, nil
	}
	if len(name) > 1 && name[0] == '#' {
		var r uint64
		digits, base := name[1:], uint64(10)
		if digits[0] == 'x' {
			digits, base = digits[1:], 16
		}
		ok := len(digits) > 0
		for _, c := range digits {
			var d uint64
			switch {
			case c >= '0' && c <= '9':
				d = uint64(c - '0')
			case base == 16 && c >= 'a' && c <= 'f':
				d = uint64(c-'a') + 10
			case base == 16 && c >= 'A' && c <= 'F':
				d = uint64(c-'A') + 10
			default:
				ok = false
			}
			r = r*base + d
			if r > 0x10FFFF {
				ok = false
			}
		}
		if ok && xmlChar(rune(r)) {
			return semi + 1, nil
		}
		return 0, fmt.Errorf("the character reference &%s;, which is not a character XML allows", name)
	}
	return 0, fmt.Errorf("the undefined entity &%s;", name)
}

// xmlChar reports whether XML 1.0 allows r, as encoding/xml checks it.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func (x *xmlTokens) push(name []byte) {
	x.names = append(x.names, name...)
	x.open = append(x.open, len(x.names))
}

func (x *xmlTokens) pop() {
	x.open = x.open[:len(x.open)-1]
	n := 0
	if len(x.open) > 0 {
		n = x.open[len(x.open)-1]
	}
	x.names = x.names[:n]
}

func (x *xmlTokens) top() []byte {
	start := 0
	if len(x.open) > 1 {
		start = x.open[len(x.open)-2]
	}
	return x.names[start:]
}

// depth is the number of open elements, the current one included.
func (x *xmlTokens) depth() int { return len(x.open) }

// attr returns the value of the current start tag's attribute local.
func (x *xmlTokens) attr(local string) ([]byte, bool) {
	for _, a := range x.attrs {
		if string(a.name) == local {
			return a.value, true
		}
	}
	return nil, false
}

func localName(name []byte) []byte {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == ':' {
			return name[i+1:]
		}
	}
	return name
}

func isSpace(c byte) bool { return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r') }

// nameChar classifies bytes of XML names: 1 may start one, 2 only
// follow (encoding/xml checks the characters beyond ASCII further; a name
// it refuses stops excelize, and the reader notices).
var nameChar = func() (t [256]byte) {
	for c := range 256 {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0x80:
			t[c] = 1
		case c >= '0' && c <= '9' || c == '.' || c == '-':
			t[c] = 2
		}
	}
	return t
}()

func isNameStart(c byte) bool { return nameChar[c] == 1 }

func isNameByte(c byte) bool { return nameChar[c] != 0 }

func clip(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return string(b)
}
