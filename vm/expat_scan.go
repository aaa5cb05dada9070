package vm

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The XML tokenizer and document state machine behind pyexpat
// (mod_pyexpat.go), written to behave as Expat 2.6 does as pyexpat
// drives it: the same callbacks with the same arguments, in the same
// order and at the same positions (line, character column, byte index),
// character data split where Expat splits it (each newline apart, each
// reference apart, the end of each Parse call), and Expat's errors at
// Expat's positions for the malformed documents that commonly occur.
//
// Input is held as UTF-8. Each complete construct (a tag, a reference, a
// comment, a run of text...) is handled at once, with its callbacks; one
// cut short by the end of the input waits for the next Parse call, or
// fails at the final one. Expat is built without general-entity support
// beyond the internal subset (XML_GE=0 here), so internal entities with
// plain text values are expanded, other references are skipped or fail.
// DTD declarations other than ENTITY reach only the default handler.

// Expat's error codes (pyexpat.errors).
const (
	xmlErrSyntax            = 2
	xmlErrNoElements        = 3
	xmlErrInvalidToken      = 4
	xmlErrUnclosedToken     = 5
	xmlErrPartialChar       = 6
	xmlErrTagMismatch       = 7
	xmlErrDuplicateAttr     = 8
	xmlErrJunkAfterDoc      = 9
	xmlErrUndefinedEntity   = 11
	xmlErrBadCharRef        = 14
	xmlErrMisplacedXMLPI    = 17
	xmlErrUnknownEncoding   = 18
	xmlErrUnclosedCDATA     = 20
	xmlErrUnboundPrefix     = 27
	xmlErrXMLDecl           = 30
	xmlErrFinished          = 36
	xmlErrReservedPrefixXML = 38
)

var xmlErrorMessages = []string{"", "out of memory", "syntax error", "no element found", "not well-formed (invalid token)",
	"unclosed token", "partial character", "mismatched tag", "duplicate attribute", "junk after document element",
	"illegal parameter entity reference", "undefined entity", "recursive entity reference", "asynchronous entity",
	"reference to invalid character number", "reference to binary entity", "reference to external entity in attribute",
	"XML or text declaration not at start of entity", "unknown encoding", "encoding specified in XML declaration is incorrect",
	"unclosed CDATA section", "error in processing external entity reference", "document is not standalone",
	"unexpected parser state - please send a bug report", "entity declared in parameter entity",
	"requested feature requires XML_DTD support in Expat", "cannot change setting once parsing has begun", "unbound prefix",
	"must not undeclare prefix", "incomplete markup in parameter entity", "XML declaration not well-formed",
	"text declaration not well-formed", "illegal character(s) in public id", "parser suspended", "parser not suspended",
	"parsing aborted", "parsing finished", "cannot suspend in external parameter entity",
	"reserved prefix (xml) must not be undeclared or bound to another namespace name",
	"reserved prefix (xmlns) must not be declared or undeclared",
	"prefix must not be bound to one of the reserved namespace names", "invalid argument",
	"a successful prior call to function XML_GetBuffer is required",
	"limit on input amplification factor (from DTD and entities) breached"}

const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// xmlPos is a place in the document: 1-based line, 0-based column in
// characters, 0-based byte index.
type xmlPos struct {
	line, col int
	byteIdx   int64
	// enc says how the byte index counts the (UTF-8) text: 0 as UTF-8,
	// 1 as Latin-1 (a byte a character), 2 as UTF-16.
	enc int8
}

// xmlFail is a parse error at a position (code 0: a Python exception
// raised by a handler, in err).
type xmlFail struct {
	code int
	pos  xmlPos
	err  error
}

// Document states.
const (
	xmlProlog = iota
	xmlContent
	xmlEpilog
)

type xmlOpen struct {
	name    string // the qualified name as written
	nsDecls []string
}

// advance moves a position over bytes of the input.
func (p *xmlPos) advance(b []byte) {
	for i, c := range b {
		switch {
		case c == '\n':
			if i > 0 && b[i-1] == '\r' {
				continue
			}
			p.line++
			p.col = 0
		case c == '\r':
			p.line++
			p.col = 0
		case c&0xC0 != 0x80:
			p.col++
		}
		if p.enc != 0 && c&0xC0 != 0x80 {
			switch {
			case p.enc == 1:
				p.byteIdx++
			case c >= 0xF0:
				p.byteIdx += 4
			default:
				p.byteIdx += 2
			}
		}
	}
	if p.enc == 0 {
		p.byteIdx += int64(len(b))
	}
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isXMLNameStart(r rune) bool {
	switch {
	case r == ':' || r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
		return true
	case r < 0xC0:
		return false
	}
	return r <= 0xD6 || r >= 0xD8 && r <= 0xF6 || r >= 0xF8 && r <= 0x2FF || r >= 0x370 && r <= 0x37D ||
		r >= 0x37F && r <= 0x1FFF || r >= 0x200C && r <= 0x200D || r >= 0x2070 && r <= 0x218F ||
		r >= 0x2C00 && r <= 0x2FEF || r >= 0x3001 && r <= 0xD7FF || r >= 0xF900 && r <= 0xFDCF ||
		r >= 0xFDF0 && r <= 0xFFFD || r >= 0x10000 && r <= 0xEFFFF
}

func isXMLNameChar(r rune) bool {
	return isXMLNameStart(r) || r == '-' || r == '.' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// isXMLChar reports whether r may appear in a document.
func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// scanResult says how a construct at the start of the input went.
type scanResult int

const (
	scanDone    scanResult = iota // handled; n bytes consumed
	scanPartial                   // cut short by the end of the input
	scanFailed                    // an error (p.fail set)
)

// posAt is the position of byte offset i of the input.
func (p *expatParser) posAt(i int) xmlPos {
	q := p.pos
	q.advance(p.in[:i])
	return q
}

// failAt records an error at byte offset i of the input.
func (p *expatParser) failAt(code, i int) scanResult {
	p.fail = &xmlFail{code: code, pos: p.posAt(i)}
	return scanFailed
}

// consume drops n bytes of input, moving the position.
func (p *expatParser) consume(n int) {
	p.pos.advance(p.in[:n])
	p.in = p.in[n:]
}

// textChar measures the character at s[i] of a run of character data:
// its length, or 0 when the run ends before it (a character split by the
// end of input not yet final, or a character not allowed in XML after
// some text: the next run reports it), or bad when such a character
// opens the run (i == 0).
func textChar(s []byte, i int, final bool) (n int, bad bool) {
	if c := s[i]; c < 0x80 {
		if c < 0x20 && c != '\t' {
			return 0, i == 0
		}
		return 1, false
	}
	r, n := utf8.DecodeRune(s[i:])
	if r == utf8.RuneError && n <= 1 {
		if !utf8.FullRune(s[i:]) && !final {
			return 0, false
		}
		return 0, i == 0
	}
	if !isXMLChar(r) {
		return 0, i == 0
	}
	return n, false
}

// readName reads an XML name at s[i:]: its end, or ok false (bad is the
// offset of the offending byte, -1 when the input ended).
func readName(s []byte, i int) (end int, ok bool, bad int) {
	start := i
	for i < len(s) {
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && n <= 1 {
			if !utf8.FullRune(s[i:]) {
				return i, false, -1
			}
			return i, false, i
		}
		if i == start && !isXMLNameStart(r) || i > start && !isXMLNameChar(r) {
			if i == start {
				return i, false, i
			}
			return i, true, 0
		}
		i += n
	}
	return i, false, -1
}

// run handles the input as far as it can; final says no more will come.
func (p *expatParser) run(t *Thread, final bool) {
	for p.fail == nil {
		if len(p.in) == 0 {
			break
		}
		var r scanResult
		var n int
		switch p.state {
		case xmlProlog, xmlEpilog:
			r, n = p.scanMisc(t, final)
		default:
			r, n = p.scanContent(t, final)
		}
		switch r {
		case scanDone:
			if n > 0 {
				p.consume(n)
			}
		case scanPartial:
			if final {
				p.finalPartial()
			}
			return
		case scanFailed:
			return
		}
	}
	if p.fail == nil && final {
		p.finalPartial()
	}
}

// finalPartial is the error of input that ends too early.
func (p *expatParser) finalPartial() {
	if p.fail != nil {
		return
	}
	end := len(p.in)
	if p.inCDATA || p.state == xmlContent && len(p.in) >= 9 && string(p.in[:9]) == "<![CDATA[" {
		p.failAt(xmlErrUnclosedCDATA, end)
		return
	}
	if len(p.in) > 0 {
		// A construct was cut short.
		if p.in[0] == '<' || p.in[0] == '&' {
			p.failAt(xmlErrUnclosedToken, 0)
			return
		}
		if !utf8.FullRune(p.in) {
			p.failAt(xmlErrPartialChar, 0)
			return
		}
	}
	if p.state != xmlEpilog {
		p.failAt(xmlErrNoElements, end)
	}
}

// scanMisc handles the prolog and the epilog: the XML declaration,
// whitespace, comments, processing instructions, the DOCTYPE, and the
// root element's start.
func (p *expatParser) scanMisc(t *Thread, final bool) (scanResult, int) {
	s := p.in
	if isXMLSpace(s[0]) {
		i := 0
		for i < len(s) && isXMLSpace(s[i]) {
			i++
		}
		if !p.deflt(t, 0, string(s[:i])) {
			return scanFailed, 0
		}
		return scanDone, i
	}
	if s[0] != '<' {
		if p.state == xmlEpilog {
			return p.failAt(xmlErrJunkAfterDoc, 0), 0
		}
		if !utf8.FullRune(s) && !final {
			return scanPartial, 0
		}
		return p.failAt(xmlErrSyntax, 0), 0
	}
	if len(s) < 2 {
		return scanPartial, 0
	}
	switch s[1] {
	case '?':
		return p.scanPI(t, final)
	case '!':
		if len(s) < 4 {
			if final {
				return p.failAt(xmlErrUnclosedToken, 0), 0
			}
			return scanPartial, 0
		}
		if s[2] == '-' && s[3] == '-' {
			return p.scanComment(t, final)
		}
		if p.state == xmlProlog && !p.sawDoctype && len(s) >= 9 && string(s[:9]) == "<!DOCTYPE" {
			return p.scanDoctype(t, final)
		}
		if p.state == xmlProlog && len(s) < 9 && strings.HasPrefix("<!DOCTYPE", string(s)) && !final {
			return scanPartial, 0
		}
		if p.state == xmlEpilog {
			return p.failAt(xmlErrJunkAfterDoc, 0), 0
		}
		return p.failAt(xmlErrSyntax, 0), 0
	}
	if p.state == xmlEpilog {
		return p.failAt(xmlErrJunkAfterDoc, 0), 0
	}
	r, n := p.scanStartTag(t, final)
	if r == scanDone {
		if p.state == xmlProlog {
			p.state = xmlContent
		}
	}
	return r, n
}

// normalizeNewlines turns CR LF and CR into LF.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// scanPI handles <?target data?> and the XML declaration.
func (p *expatParser) scanPI(t *Thread, final bool) (scanResult, int) {
	s := p.in
	end, ok, bad := readName(s, 2)
	if !ok {
		if bad < 0 {
			if final {
				return p.failAt(xmlErrUnclosedToken, 0), 0
			}
			return scanPartial, 0
		}
		return p.failAt(xmlErrInvalidToken, bad), 0
	}
	target := string(s[2:end])
	i := end
	if i < len(s) && !isXMLSpace(s[i]) && s[i] != '?' {
		return p.failAt(xmlErrInvalidToken, i), 0
	}
	close := strings.Index(string(s[i:]), "?>")
	if close < 0 {
		if final {
			return p.failAt(xmlErrUnclosedToken, 0), 0
		}
		return scanPartial, 0
	}
	if i < len(s) && s[i] == '?' && close != 0 {
		return p.failAt(xmlErrInvalidToken, i+1), 0
	}
	stop := i + close + 2
	if strings.EqualFold(target, "xml") {
		if target != "xml" {
			return p.failAt(xmlErrInvalidToken, end), 0
		}
		if p.pos.byteIdx != 0 && !p.bom || p.state != xmlProlog || p.sawDecl || p.sawAny {
			return p.failAt(xmlErrMisplacedXMLPI, 0), 0
		}
		return p.xmlDecl(t, s[:stop])
	}
	for _, c := range []byte(target) {
		if c == ':' && p.ns {
			return p.failAt(xmlErrInvalidToken, 2+strings.IndexByte(target, ':')), 0
		}
	}
	data := string(s[i : i+close])
	data = strings.TrimLeft(data, " \t\r\n")
	p.sawAny = true
	if h := p.handler("ProcessingInstructionHandler"); !h.IsNull() {
		if !p.call(t, h, 0, NewStrValue(p.internName(target)), NewStrValue(normalizeNewlines(data))) {
			return scanFailed, 0
		}
	} else if !p.deflt(t, 0, string(s[:stop])) {
		return scanFailed, 0
	}
	return scanDone, stop
}

// xmlDecl handles the XML declaration.
func (p *expatParser) xmlDecl(t *Thread, decl []byte) (scanResult, int) {
	body := string(decl[5 : len(decl)-2])
	var version, encoding, standalone string
	var have [3]bool
	i := 0
	names := []string{"version", "encoding", "standalone"}
	next := 0
	for {
		j := i
		for j < len(body) && isXMLSpace(body[j]) {
			j++
		}
		if j == len(body) {
			break
		}
		if j == i {
			return p.failAt(xmlErrXMLDecl, 5+j), 0
		}
		k := j
		for k < len(body) && body[k] != '=' && !isXMLSpace(body[k]) {
			k++
		}
		name := body[j:k]
		for k < len(body) && isXMLSpace(body[k]) {
			k++
		}
		if k >= len(body) || body[k] != '=' {
			return p.failAt(xmlErrXMLDecl, 5+k), 0
		}
		k++
		for k < len(body) && isXMLSpace(body[k]) {
			k++
		}
		if k >= len(body) || body[k] != '"' && body[k] != '\'' {
			return p.failAt(xmlErrXMLDecl, 5+k), 0
		}
		q := body[k]
		e := strings.IndexByte(body[k+1:], q)
		if e < 0 {
			return p.failAt(xmlErrXMLDecl, 5+k), 0
		}
		val := body[k+1 : k+1+e]
		idx := -1
		for n := next; n < 3; n++ {
			if names[n] == name {
				idx = n
			}
		}
		if idx < 0 || (idx != 0 && !have[0]) {
			return p.failAt(xmlErrXMLDecl, 5+j), 0
		}
		have[idx] = true
		next = idx + 1
		switch idx {
		case 0:
			version = val
		case 1:
			encoding = val
		default:
			if val != "yes" && val != "no" {
				return p.failAt(xmlErrXMLDecl, 5+k+1), 0
			}
			standalone = val
		}
		i = k + 1 + e + 1
	}
	if !have[0] {
		return p.failAt(xmlErrXMLDecl, len(decl)-2), 0
	}
	p.sawDecl, p.sawAny = true, true
	p.standalone = standalone == "yes"
	if h := p.handler("XmlDeclHandler"); !h.IsNull() {
		enc := None
		if have[1] {
			enc = NewStrValue(encoding)
		}
		sa := Int(-1)
		if standalone == "yes" {
			sa = Int(1)
		} else if standalone == "no" {
			sa = Int(0)
		}
		if !p.call(t, h, 0, NewStrValue(version), enc, sa) {
			return scanFailed, 0
		}
	} else if !p.deflt(t, 0, string(decl)) {
		return scanFailed, 0
	}
	return scanDone, len(decl)
}

// scanComment handles <!-- ... -->.
func (p *expatParser) scanComment(t *Thread, final bool) (scanResult, int) {
	s := p.in
	i := 4
	for {
		j := strings.Index(string(s[i:]), "--")
		if j < 0 {
			if final {
				return p.failAt(xmlErrUnclosedToken, 0), 0
			}
			return scanPartial, 0
		}
		j += i
		if j+2 >= len(s) {
			if final {
				return p.failAt(xmlErrUnclosedToken, 0), 0
			}
			return scanPartial, 0
		}
		if s[j+2] != '>' {
			return p.failAt(xmlErrInvalidToken, j+2), 0
		}
		if bad := xmlBadChar(s[4:j]); bad >= 0 {
			return p.failAt(xmlErrInvalidToken, 4+bad), 0
		}
		p.sawAny = true
		text := normalizeNewlines(string(s[4:j]))
		if h := p.handler("CommentHandler"); !h.IsNull() {
			if !p.call(t, h, 0, NewStrValue(text)) {
				return scanFailed, 0
			}
		} else if !p.deflt(t, 0, string(s[:j+3])) {
			return scanFailed, 0
		}
		return scanDone, j + 3
	}
}

// xmlBadChar is the offset of the first byte of b that is not (the
// start of) an XML character, or -1.
func xmlBadChar(b []byte) int {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 || !isXMLChar(r) {
			return i
		}
		i += n
	}
	return -1
}

// scanDoctype handles <!DOCTYPE name [PUBLIC "p" "s" | SYSTEM "s"] [subset]>.
func (p *expatParser) scanDoctype(t *Thread, final bool) (scanResult, int) {
	s := p.in
	// Tokenize: the keyword, whitespace runs, names, literals, '[' subset ']', '>'.
	type tok = docTok
	var toks []tok
	i := 9
	toks = append(toks, tok{0, "<!DOCTYPE"})
	partial := func() (scanResult, int) {
		if final {
			return p.failAt(xmlErrUnclosedToken, 0), 0
		}
		return scanPartial, 0
	}
	var name, pubID, sysID string
	hasName, hasPub, hasSys, subset := false, false, false, false
	var subsetToks []tok
	var entityDecls [][3]string // name, value, position index into subset
	word := 0
	for {
		if i >= len(s) {
			return partial()
		}
		c := s[i]
		switch {
		case isXMLSpace(c):
			j := i
			for j < len(s) && isXMLSpace(s[j]) {
				j++
			}
			toks = append(toks, tok{i, string(s[i:j])})
			i = j
			continue
		case c == '>':
			if !hasName {
				return p.failAt(xmlErrSyntax, i), 0
			}
			toks = append(toks, tok{i, ">"})
			i++
		case c == '"' || c == '\'':
			e := strings.IndexByte(string(s[i+1:]), c)
			if e < 0 {
				return partial()
			}
			lit := string(s[i+1 : i+1+e])
			toks = append(toks, tok{i, string(s[i : i+2+e])})
			switch {
			case word == 2 && hasPub && !hasSys && pubID == "\x00":
				pubID = lit
			case (word == 2 || word == 3) && (hasSys || hasPub):
				sysID = lit
				hasSys = true
			default:
				return p.failAt(xmlErrSyntax, i), 0
			}
			word++
			i += e + 2
			continue
		case c == '[':
			if !hasName {
				return p.failAt(xmlErrSyntax, i), 0
			}
			toks = append(toks, tok{i, "["})
			subset = true
			j, r, n := p.scanSubset(s, i+1, &subsetToks, &entityDecls)
			if r == scanPartial {
				return partial()
			}
			if r == scanFailed {
				return p.failAt(xmlErrSyntax, n), 0
			}
			i = j
			toks = append(toks, subsetToks...)
			// Then optional spaces and '>'.
			for i < len(s) && isXMLSpace(s[i]) {
				k := i
				for k < len(s) && isXMLSpace(s[k]) {
					k++
				}
				toks = append(toks, tok{i, string(s[i:k])})
				i = k
			}
			if i >= len(s) {
				return partial()
			}
			if s[i] != '>' {
				return p.failAt(xmlErrSyntax, i), 0
			}
			toks = append(toks, tok{i, ">"})
			i++
		default:
			end, ok, bad := readName(s, i)
			if !ok {
				if bad < 0 {
					return partial()
				}
				return p.failAt(xmlErrInvalidToken, bad), 0
			}
			w := string(s[i:end])
			toks = append(toks, tok{i, w})
			switch {
			case word == 0:
				name, hasName = w, true
			case word == 1 && w == "PUBLIC":
				hasPub, pubID = true, "\x00"
			case word == 1 && w == "SYSTEM":
				hasSys = true
			default:
				return p.failAt(xmlErrSyntax, i), 0
			}
			word++
			i = end
			continue
		}
		break
	}
	if pubID == "\x00" {
		pubID = ""
	}
	p.sawDoctype, p.sawAny = true, true
	p.externalDTD = hasSys
	for _, d := range entityDecls {
		if strings.HasPrefix(d[2], "%") {
			continue
		}
		if p.entities == nil {
			p.entities = map[string]string{}
		}
		if _, dup := p.entities[d[0]]; !dup {
			p.entities[d[0]] = d[1]
			if d[2] == "ext" {
				if p.extEntities == nil {
					p.extEntities = map[string]bool{}
				}
				p.extEntities[d[0]] = true
			}
		}
	}
	// emit passes tokens to the default handler, an ENTITY declaration
	// to EntityDeclHandler when it is set (at its value's position).
	emit := func(list []tok) bool {
		eh := p.handler("EntityDeclHandler")
		ah := p.handler("AttlistDeclHandler")
		for k := 0; k < len(list); k++ {
			tk := list[k]
			if tk.text == "<!ATTLIST" && !ah.IsNull() {
				m := k + 1
				for m < len(list) && list[m].text != ">" {
					m++
				}
				for _, d := range parseAttlist(list[k:m]) {
					def := None
					if d.hasDefault {
						def = NewStrValue(d.rawDefault)
					}
					if !p.call(t, ah, d.at, NewStrValue(d.elem), NewStrValue(d.name), NewStrValue(d.typ), def, Int(int64(btoi(d.required)))) {
						return false
					}
				}
				k = m
				continue
			}
			if tk.text == "<!ENTITY" && !eh.IsNull() {
				var words []tok
				m := k + 1
				for ; m < len(list) && list[m].text != ">"; m++ {
					if !isXMLSpace(list[m].text[0]) {
						words = append(words, list[m])
					}
				}
				param := len(words) > 0 && words[0].text == "%"
				if param {
					words = words[1:]
				}
				if len(words) == 2 && (words[1].text[0] == '"' || words[1].text[0] == '\'') {
					v := words[1].text
					if !p.call(t, eh, words[1].at, NewStrValue(words[0].text), Int(int64(btoi(param))), NewStrValue(normalizeNewlines(v[1:len(v)-1])), None, None, None, None) {
						return false
					}
					k = m
					continue
				}
			}
			if !p.deflt(t, tk.at, tk.text) {
				return false
			}
		}
		return true
	}
	if hasSys && !p.standalone {
		if h := p.handler("NotStandaloneHandler"); !h.IsNull() {
			at := 0
			for _, tk := range toks {
				if tk.text[0] == '"' || tk.text[0] == '\'' {
					at = tk.at
				}
				if tk.text == "[" || tk.text == ">" {
					break
				}
			}
			if !p.flushText(t, at) {
				return scanFailed, 0
			}
			saved, savedIn := p.cur, p.inCall
			p.cur, p.inCall = p.posAt(at), true
			r, err := t.Call(h, nil, nil)
			p.cur, p.inCall = saved, savedIn
			if err != nil {
				p.fail = &xmlFail{err: err, pos: p.posAt(at)}
				return scanFailed, 0
			}
			if ok, err := Truth(t, r); err != nil || !ok {
				if err != nil {
					p.fail = &xmlFail{err: err, pos: p.posAt(at)}
					return scanFailed, 0
				}
				return p.failAt(22, at), 0
			}
		}
	}
	start := p.handler("StartDoctypeDeclHandler")
	if start.IsNull() {
		if !emit(toks) {
			return scanFailed, 0
		}
		return scanDone, i
	}
	openAt := i - 1
	for _, tk := range toks {
		if tk.text == "[" {
			openAt = tk.at
		}
	}
	str := func(v string, ok bool) Value {
		if !ok {
			return None
		}
		return NewStrValue(v)
	}
	if !p.call(t, start, openAt, NewStrValue(name), str(sysID, hasSys), str(pubID, hasPub), Int(int64(btoi(subset)))) {
		return scanFailed, 0
	}
	if subset {
		var inner []tok
		seenOpen := false
		for k, tk := range toks {
			if tk.text == "[" {
				seenOpen = true
				continue
			}
			if !seenOpen || tk.at >= i-1 {
				continue
			}
			if tk.text == "]" && (k+1 == len(toks) || toks[k+1].text == ">" || isXMLSpace(toks[k+1].text[0])) {
				// The subset's end is the end of the declaration's report.
				break
			}
			inner = append(inner, tk)
		}
		if !emit(inner) {
			return scanFailed, 0
		}
	}
	if !p.call(t, p.handler("EndDoctypeDeclHandler"), i-1) {
		return scanFailed, 0
	}
	return scanDone, i
}

// docTok is a token of a DOCTYPE declaration, for the default handler.
type docTok struct {
	at   int
	text string
}

// scanSubset reads an internal subset from s[i:] up to its ']': the
// declarations as default-handler tokens, and the internal general
// entities with text values. It returns the offset after ']'.
func (p *expatParser) scanSubset(s []byte, i int, toks *[]docTok, ents *[][3]string) (int, scanResult, int) {
	add := func(at int, text string) { *toks = append(*toks, docTok{at, text}) }
	for {
		if i >= len(s) {
			return 0, scanPartial, 0
		}
		c := s[i]
		switch {
		case isXMLSpace(c):
			j := i
			for j < len(s) && isXMLSpace(s[j]) {
				j++
			}
			add(i, string(s[i:j]))
			i = j
		case c == ']':
			add(i, "]")
			return i + 1, scanDone, 0
		case c == '<' && i+3 < len(s) && string(s[i:i+4]) == "<!--":
			e := strings.Index(string(s[i+4:]), "-->")
			if e < 0 {
				return 0, scanPartial, 0
			}
			add(i, string(s[i:i+4+e+3]))
			i += 4 + e + 3
		case c == '<' && i+1 < len(s) && s[i+1] == '?':
			e := strings.Index(string(s[i+2:]), "?>")
			if e < 0 {
				return 0, scanPartial, 0
			}
			add(i, string(s[i:i+2+e+2]))
			i += 2 + e + 2
		case c == '<' && i+1 < len(s) && s[i+1] == '!':
			// A declaration: split into keyword, names, literals, '>'.
			j := i + 2
			for j < len(s) && s[j] >= 'A' && s[j] <= 'Z' {
				j++
			}
			if j >= len(s) {
				return 0, scanPartial, 0
			}
			kw := string(s[i:j])
			declStart := len(*toks)
			add(i, kw)
			var words []string
			for {
				if j >= len(s) {
					return 0, scanPartial, 0
				}
				d := s[j]
				if d == '>' {
					add(j, ">")
					j++
					break
				}
				if isXMLSpace(d) {
					k := j
					for k < len(s) && isXMLSpace(s[k]) {
						k++
					}
					add(j, string(s[j:k]))
					j = k
					continue
				}
				if d == '"' || d == '\'' {
					e := strings.IndexByte(string(s[j+1:]), d)
					if e < 0 {
						return 0, scanPartial, 0
					}
					add(j, string(s[j:j+2+e]))
					words = append(words, string(s[j:j+2+e]))
					j += e + 2
					continue
				}
				// Punctuation of content models and enumerations is a token
				// of its own: '(', '|', ',', and ')' with its ?, * or +; a
				// name takes its ?, * or +.
				k := j
				switch d {
				case '(', '|', ',':
					k++
				case ')':
					k++
					if k < len(s) && (s[k] == '?' || s[k] == '*' || s[k] == '+') {
						k++
					}
				default:
					for k < len(s) && !isXMLSpace(s[k]) && !strings.ContainsRune(">\"'()|,?*+", rune(s[k])) {
						k++
					}
					if k < len(s) && k > j && (s[k] == '?' || s[k] == '*' || s[k] == '+') {
						k++
					}
					if k == j {
						k++
					}
				}
				if k >= len(s) {
					return 0, scanPartial, 0
				}
				add(j, string(s[j:k]))
				words = append(words, string(s[j:k]))
				j = k
			}
			if kw == "<!ATTLIST" {
				p.recordAttlist(*toks, declStart)
			}
			if kw == "<!ENTITY" {
				param := len(words) == 3 && words[0] == "%"
				if param {
					words = words[1:]
				}
				flag := ""
				if param {
					flag = "%"
				}
				if len(words) == 2 && len(words[1]) >= 2 && (words[1][0] == '"' || words[1][0] == '\'') {
					*ents = append(*ents, [3]string{words[0], words[1][1 : len(words[1])-1], flag})
				} else if len(words) >= 1 {
					// An external or unparsed entity: declared, never expanded.
					*ents = append(*ents, [3]string{words[0], "", flag + "ext"})
				}
			}
			i = j
		case c == '%':
			j := i + 1
			for j < len(s) && s[j] != ';' {
				j++
			}
			if j >= len(s) {
				return 0, scanPartial, 0
			}
			add(i, string(s[i:j+1]))
			p.paramEntityRefs = true
			i = j + 1
		default:
			return 0, scanFailed, i
		}
	}
}

// scanContent handles the content of the root element.
func (p *expatParser) scanContent(t *Thread, final bool) (scanResult, int) {
	s := p.in
	if p.inCDATA {
		return p.scanCDATA(t, final)
	}
	switch s[0] {
	case '<':
		if len(s) < 2 {
			return scanPartial, 0
		}
		switch s[1] {
		case '/':
			return p.scanEndTag(t, final)
		case '?':
			return p.scanPI(t, final)
		case '!':
			if len(s) >= 4 && s[2] == '-' && s[3] == '-' {
				return p.scanComment(t, final)
			}
			if len(s) >= 9 && string(s[:9]) == "<![CDATA[" {
				return p.scanCDATA(t, final)
			}
			if len(s) < 9 && strings.HasPrefix("<![CDATA[", string(s)) || len(s) < 4 && strings.HasPrefix("<!--", string(s)) {
				return scanPartial, 0
			}
			return p.failAt(xmlErrInvalidToken, 2), 0
		}
		return p.scanStartTag(t, final)
	case '&':
		return p.scanReference(t, final)
	case '\n', '\r':
		if s[0] == '\r' && len(s) == 1 && !final {
			return scanPartial, 0
		}
		n := 1
		if s[0] == '\r' && len(s) > 1 && s[1] == '\n' {
			n = 2
		}
		if !p.charData(t, 0, "\n") {
			return scanFailed, 0
		}
		return scanDone, n
	}
	// A run of text, up to markup, a reference, a newline or "]]>".
	i := 0
	for i < len(s) {
		c := s[i]
		if c == '<' || c == '&' || c == '\n' || c == '\r' {
			break
		}
		if c == ']' {
			if i+2 < len(s) {
				if s[i+1] == ']' && s[i+2] == '>' {
					return p.failAt(xmlErrInvalidToken, i+2), 0
				}
			} else if !final {
				break
			}
			i++
			continue
		}
		n, bad := textChar(s, i, final)
		if bad {
			return p.failAt(xmlErrInvalidToken, i), 0
		}
		if n == 0 {
			break
		}
		i += n
	}
	if i == 0 {
		return scanPartial, 0
	}
	if !p.charData(t, 0, string(s[:i])) {
		return scanFailed, 0
	}
	return scanDone, i
}

// scanCDATA handles <![CDATA[ ... ]]>: the opening and closing markup
// go to their handlers (or the default one), the data in pieces as text
// does (newlines apart, and what has come at the end of a Parse call).
func (p *expatParser) scanCDATA(t *Thread, final bool) (scanResult, int) {
	s := p.in
	if !p.inCDATA {
		if h := p.handler("StartCdataSectionHandler"); !h.IsNull() {
			if !p.call(t, h, 0) {
				return scanFailed, 0
			}
		} else if !p.deflt(t, 0, "<![CDATA[") {
			return scanFailed, 0
		}
		p.inCDATA = true
		return scanDone, 9
	}
	if s[0] == '\n' || s[0] == '\r' {
		if s[0] == '\r' && len(s) == 1 && !final {
			return scanPartial, 0
		}
		n := 1
		if s[0] == '\r' && len(s) > 1 && s[1] == '\n' {
			n = 2
		}
		if !p.charData(t, 0, "\n") {
			return scanFailed, 0
		}
		return scanDone, n
	}
	if s[0] == ']' {
		if len(s) < 3 {
			if final {
				return p.failAt(xmlErrUnclosedCDATA, len(s)), 0
			}
			return scanPartial, 0
		}
		if s[1] == ']' && s[2] == '>' {
			p.inCDATA = false
			if h := p.handler("EndCdataSectionHandler"); !h.IsNull() {
				if !p.call(t, h, 0) {
					return scanFailed, 0
				}
			} else if !p.deflt(t, 0, "]]>") {
				return scanFailed, 0
			}
			return scanDone, 3
		}
	}
	i := 0
	for i < len(s) {
		c := s[i]
		if c == '\n' || c == '\r' {
			break
		}
		if c == ']' && i > 0 {
			break
		}
		n, bad := textChar(s, i, final)
		if bad {
			return p.failAt(xmlErrInvalidToken, i), 0
		}
		if n == 0 {
			break
		}
		i += n
	}
	if i == 0 {
		if final {
			return p.failAt(xmlErrUnclosedCDATA, len(s)), 0
		}
		return scanPartial, 0
	}
	if !p.charData(t, 0, string(s[:i])) {
		return scanFailed, 0
	}
	return scanDone, i
}

// scanReference handles &name; and character references in content.
func (p *expatParser) scanReference(t *Thread, final bool) (scanResult, int) {
	s := p.in
	r, n, name, res := p.readReference(s, 0, final)
	if res != scanDone {
		return res, 0
	}
	if name == "" {
		if !p.charData(t, 0, string(pyconstAppendRune(nil, r))) {
			return scanFailed, 0
		}
		return scanDone, n
	}
	if v, ok := xmlPredefined[name]; ok {
		if !p.charData(t, 0, v) {
			return scanFailed, 0
		}
		return scanDone, n
	}
	if v, ok := p.entities[name]; ok && !p.extEntities[name] && p.handler("DefaultHandler").IsNull() {
		text, ok := p.expandEntityText(v)
		if ok {
			if text != "" && !p.charData(t, 0, text) {
				return scanFailed, 0
			}
			return scanDone, n
		}
	}
	_, declared := p.entities[name]
	if !p.sawDoctype || !(declared || p.externalDTD || p.paramEntityRefs) || p.standalone && !declared {
		return p.failAt(xmlErrUndefinedEntity, 0), 0
	}
	if h := p.handler("SkippedEntityHandler"); !h.IsNull() && !p.extEntities[name] {
		if !p.call(t, h, 0, NewStrValue(name), Int(0)) {
			return scanFailed, 0
		}
	} else if !p.deflt(t, 0, string(s[:n])) {
		return scanFailed, 0
	}
	return scanDone, n
}

var xmlPredefined = map[string]string{"lt": "<", "gt": ">", "amp": "&", "apos": "'", "quot": "\""}

// expandEntityText is the text of an internal entity whose value is text
// with character and predefined references (ok false for markup).
func (p *expatParser) expandEntityText(v string) (string, bool) {
	if strings.IndexByte(v, '<') >= 0 {
		return "", false
	}
	var b strings.Builder
	s := []byte(v)
	for i := 0; i < len(s); {
		if s[i] != '&' {
			b.WriteByte(s[i])
			i++
			continue
		}
		r, n, name, res := p.readReference(s, i, true)
		p.fail = nil
		if res != scanDone {
			return "", false
		}
		if name == "" {
			b.Write(pyconstAppendRune(nil, r))
		} else if pv, ok := xmlPredefined[name]; ok {
			b.WriteString(pv)
		} else {
			return "", false
		}
		i = n
	}
	return normalizeNewlines(b.String()), true
}

// readReference reads a reference at s[i:] ('&' there): a character (name
// "") or an entity name, and the offset after the ';'.
func (p *expatParser) readReference(s []byte, i int, final bool) (rune, int, string, scanResult) {
	partial := func() (rune, int, string, scanResult) {
		if final {
			return 0, 0, "", p.failAt(xmlErrUnclosedToken, i)
		}
		return 0, 0, "", scanPartial
	}
	if i+1 >= len(s) {
		return partial()
	}
	if s[i+1] == '#' {
		j := i + 2
		hex := false
		if j < len(s) && s[j] == 'x' {
			hex = true
			j++
		}
		start := j
		for j < len(s) && s[j] != ';' {
			c := s[j]
			if !(c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
				return 0, 0, "", p.failAt(xmlErrInvalidToken, j)
			}
			j++
		}
		if j >= len(s) {
			return partial()
		}
		if j == start {
			return 0, 0, "", p.failAt(xmlErrInvalidToken, j)
		}
		base := 10
		if hex {
			base = 16
		}
		v, err := strconv.ParseUint(string(s[start:j]), base, 32)
		if err != nil || !isXMLChar(rune(v)) {
			return 0, 0, "", p.failAt(xmlErrBadCharRef, i)
		}
		return rune(v), j + 1, "", scanDone
	}
	end, ok, bad := readName(s, i+1)
	if !ok {
		if bad < 0 {
			return partial()
		}
		return 0, 0, "", p.failAt(xmlErrInvalidToken, bad)
	}
	if end >= len(s) {
		return partial()
	}
	if s[end] != ';' {
		return 0, 0, "", p.failAt(xmlErrInvalidToken, end)
	}
	return 0, end + 1, string(s[i+1 : end]), scanDone
}

// xmlAttr is an attribute as written.
type xmlAttr struct {
	name, value string
	at          int
}

// scanStartTag handles a start tag or an empty-element tag.
func (p *expatParser) scanStartTag(t *Thread, final bool) (scanResult, int) {
	s := p.in
	partial := func() (scanResult, int) {
		if final {
			return p.failAt(xmlErrUnclosedToken, 0), 0
		}
		return scanPartial, 0
	}
	end, ok, bad := readName(s, 1)
	if !ok {
		if bad < 0 {
			return partial()
		}
		return p.failAt(xmlErrInvalidToken, bad), 0
	}
	name := string(s[1:end])
	i := end
	var attrs []xmlAttr
	empty := false
	for {
		sp := i
		for i < len(s) && isXMLSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return partial()
		}
		if s[i] == '>' {
			i++
			break
		}
		if s[i] == '/' {
			if i+1 >= len(s) {
				return partial()
			}
			if s[i+1] != '>' {
				return p.failAt(xmlErrInvalidToken, i+1), 0
			}
			empty = true
			i += 2
			break
		}
		if i == sp {
			return p.failAt(xmlErrInvalidToken, i), 0
		}
		aend, ok, bad := readName(s, i)
		if !ok {
			if bad < 0 {
				return partial()
			}
			return p.failAt(xmlErrInvalidToken, bad), 0
		}
		an, at := string(s[i:aend]), i
		i = aend
		for i < len(s) && isXMLSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return partial()
		}
		if s[i] != '=' {
			return p.failAt(xmlErrInvalidToken, i), 0
		}
		i++
		for i < len(s) && isXMLSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return partial()
		}
		q := s[i]
		if q != '"' && q != '\'' {
			return p.failAt(xmlErrInvalidToken, i), 0
		}
		vstart := i + 1
		j := vstart
		var val strings.Builder
		for {
			if j >= len(s) {
				return partial()
			}
			c := s[j]
			if c == q {
				break
			}
			switch {
			case c == '<':
				return p.failAt(xmlErrInvalidToken, j), 0
			case c == '&':
				r, n, ename, res := p.readReference(s, j, final)
				if res == scanPartial {
					return partial()
				}
				if res == scanFailed {
					return scanFailed, 0
				}
				switch {
				case ename == "":
					val.Write(pyconstAppendRune(nil, r))
				default:
					if pv, ok := xmlPredefined[ename]; ok {
						val.WriteString(pv)
					} else if ev, ok := p.entities[ename]; ok && !p.extEntities[ename] {
						text, ok := p.expandEntityText(ev)
						if !ok {
							return p.failAt(xmlErrInvalidToken, j), 0
						}
						val.WriteString(strings.Map(func(r rune) rune {
							if r == '\n' || r == '\t' || r == '\r' {
								return ' '
							}
							return r
						}, text))
					} else {
						return p.failAt(xmlErrUndefinedEntity, j), 0
					}
				}
				j = n
				continue
			case c == '\r':
				val.WriteByte(' ')
				if j+1 < len(s) && s[j+1] == '\n' {
					j++
				}
			case c == '\n' || c == '\t':
				val.WriteByte(' ')
			case c < 0x20:
				return p.failAt(xmlErrInvalidToken, j), 0
			case c >= 0x80:
				r, n := utf8.DecodeRune(s[j:])
				if r == utf8.RuneError && n <= 1 {
					if !utf8.FullRune(s[j:]) {
						return partial()
					}
					return p.failAt(xmlErrInvalidToken, j), 0
				}
				if !isXMLChar(r) {
					return p.failAt(xmlErrInvalidToken, j), 0
				}
				val.Write(s[j : j+n])
				j += n
				continue
			default:
				val.WriteByte(c)
			}
			j++
		}
		i = j + 1
		attrs = append(attrs, xmlAttr{an, val.String(), at})
		if i < len(s) && !isXMLSpace(s[i]) && s[i] != '>' && s[i] != '/' {
			return p.failAt(xmlErrInvalidToken, i), 0
		}
	}
	for a := range attrs {
		for b := 0; b < a; b++ {
			if attrs[a].name == attrs[b].name {
				return p.failAt(xmlErrDuplicateAttr, attrs[a].at), 0
			}
		}
	}
	attrs = p.applyAttDefs(name, attrs)
	if !p.startElement(t, name, attrs, empty, i) {
		return scanFailed, 0
	}
	return scanDone, i
}

// startElement reports a start tag (and the end of an empty element,
// at the end of its tag), with the namespace processing.
func (p *expatParser) startElement(t *Thread, name string, attrs []xmlAttr, empty bool, tagEnd int) bool {
	p.sawAny = true
	open := xmlOpen{name: name}
	if p.ns {
		// The namespace declarations first.
		var decls [][2]string
		var plain []xmlAttr
		for _, a := range attrs {
			switch {
			case a.name == "xmlns":
				decls = append(decls, [2]string{"", a.value})
			case strings.HasPrefix(a.name, "xmlns:"):
				prefix := a.name[6:]
				if prefix == "xml" && a.value != xmlNamespace {
					p.failAt(xmlErrReservedPrefixXML, a.at)
					return false
				}
				if a.value == "" {
					p.failAt(28, 0) // XML_ERROR_UNDECLARING_PREFIX
					return false
				}
				decls = append(decls, [2]string{prefix, a.value})
			default:
				plain = append(plain, a)
			}
		}
		for _, d := range decls {
			if p.nsMap == nil {
				p.nsMap = map[string][]string{}
			}
			p.nsMap[d[0]] = append(p.nsMap[d[0]], d[1])
			open.nsDecls = append(open.nsDecls, d[0])
		}
		expanded, ok := p.expandName(name, true)
		if !ok {
			p.popNS(open.nsDecls)
			p.failAt(xmlErrUnboundPrefix, 0)
			return false
		}
		var exAttrs []xmlAttr
		for _, a := range plain {
			ea, ok := p.expandName(a.name, false)
			if !ok {
				p.popNS(open.nsDecls)
				p.failAt(xmlErrUnboundPrefix, 0)
				return false
			}
			exAttrs = append(exAttrs, xmlAttr{ea, a.value, a.at})
		}
		for a := range exAttrs {
			for b := 0; b < a; b++ {
				if exAttrs[a].name == exAttrs[b].name {
					p.popNS(open.nsDecls)
					p.failAt(xmlErrDuplicateAttr, exAttrs[a].at)
					return false
				}
			}
		}
		if h := p.handler("StartNamespaceDeclHandler"); !h.IsNull() {
			for _, d := range decls {
				prefix, uri := None, None
				if d[0] != "" {
					prefix = NewStrValue(p.internName(d[0]))
				}
				if d[1] != "" {
					uri = NewStrValue(p.internName(d[1]))
				}
				if !p.call(t, h, 0, prefix, uri) {
					return false
				}
			}
		}
		name, attrs = expanded, exAttrs
	}
	p.stack = append(p.stack, open)
	if h := p.handler("StartElementHandler"); !h.IsNull() {
		var av Value
		if p.orderedAttrs {
			items := make([]Value, 0, 2*len(attrs))
			for _, a := range attrs {
				items = append(items, NewStrValue(p.internName(a.name)), NewStrValue(a.value))
			}
			av = Value{o: NewList(items...)}
		} else {
			d := NewDict()
			for _, a := range attrs {
				d.SetStr(p.internName(a.name), NewStrValue(a.value))
			}
			av = Value{o: d}
		}
		if !p.call(t, h, 0, NewStrValue(p.internName(name)), av) {
			return false
		}
	} else if !p.deflt(t, 0, string(p.in[:tagEnd])) {
		return false
	}
	if empty {
		return p.endElement(t, name, tagEnd, true)
	}
	return true
}

// expandName is a qualified name in Expat's namespace form: "uri" SEP
// "local" (SEP "prefix" with namespace_prefixes); unprefixed attributes
// have no namespace. ok is false for an unbound prefix.
func (p *expatParser) expandName(name string, element bool) (string, bool) {
	prefix, local := "", name
	if i := strings.IndexByte(name, ':'); i >= 0 {
		prefix, local = name[:i], name[i+1:]
	} else if !element {
		return name, true
	}
	var uri string
	if prefix == "xml" {
		uri = xmlNamespace
	} else if st := p.nsMap[prefix]; len(st) > 0 {
		uri = st[len(st)-1]
	} else if prefix == "" {
		return name, true
	}
	if uri == "" {
		if prefix != "" {
			return "", false
		}
		return name, true
	}
	out := uri + p.nsSep + local
	if p.nsPrefixes && prefix != "" {
		out += p.nsSep + prefix
	}
	return out, true
}

func (p *expatParser) popNS(decls []string) {
	for _, d := range decls {
		if st := p.nsMap[d]; len(st) > 0 {
			p.nsMap[d] = st[:len(st)-1]
		}
	}
}

// scanEndTag handles </name>.
func (p *expatParser) scanEndTag(t *Thread, final bool) (scanResult, int) {
	s := p.in
	partial := func() (scanResult, int) {
		if final {
			return p.failAt(xmlErrUnclosedToken, 0), 0
		}
		return scanPartial, 0
	}
	end, ok, bad := readName(s, 2)
	if !ok {
		if bad < 0 {
			return partial()
		}
		return p.failAt(xmlErrInvalidToken, bad), 0
	}
	i := end
	for i < len(s) && isXMLSpace(s[i]) {
		i++
	}
	if i >= len(s) {
		return partial()
	}
	if s[i] != '>' {
		return p.failAt(xmlErrInvalidToken, i), 0
	}
	name := string(s[2:end])
	if len(p.stack) == 0 || p.stack[len(p.stack)-1].name != name {
		return p.failAt(xmlErrTagMismatch, 2), 0
	}
	ename := name
	if p.ns {
		ename, _ = p.expandName(name, true)
	}
	if !p.endElement(t, ename, 0, false) {
		return scanFailed, 0
	}
	return scanDone, i + 1
}

// endElement reports the end of the innermost element at byte offset at
// of the input, then the end of its namespace declarations.
func (p *expatParser) endElement(t *Thread, name string, at int, empty bool) bool {
	open := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	if h := p.handler("EndElementHandler"); !h.IsNull() {
		if !p.call(t, h, at, NewStrValue(p.internName(name))) {
			return false
		}
	} else if !empty && !p.deflt(t, at, "</"+open.name+">") {
		return false
	}
	if p.ns {
		h := p.handler("EndNamespaceDeclHandler")
		for k := len(open.nsDecls) - 1; k >= 0; k-- {
			d := open.nsDecls[k]
			if !h.IsNull() {
				prefix := None
				if d != "" {
					prefix = NewStrValue(p.internName(d))
				}
				if !p.call(t, h, at, prefix) {
					return false
				}
			}
		}
		p.popNS(open.nsDecls)
	}
	if len(p.stack) == 0 {
		p.state = xmlEpilog
	}
	return true
}

// xmlAttDef is an attribute declared by <!ATTLIST>.
type xmlAttDef struct {
	elem, name, typ string
	rawDefault      string // the default as declared (normalized)
	hasDefault      bool
	required        bool // #REQUIRED or #FIXED
	at              int  // offset of the default's token
}

// parseAttlist reads the declarations of an ATTLIST's tokens (from
// "<!ATTLIST" to before ">").
func parseAttlist(list []docTok) []xmlAttDef {
	var w []docTok
	for _, tk := range list[1:] {
		if !isXMLSpace(tk.text[0]) {
			w = append(w, tk)
		}
	}
	if len(w) == 0 {
		return nil
	}
	elem := w[0].text
	var out []xmlAttDef
	i := 1
	for i+1 < len(w) {
		d := xmlAttDef{elem: elem, name: w[i].text}
		i++
		group := func(prefix string) {
			var names []string
			i++ // '('
			for i < len(w) && !strings.HasPrefix(w[i].text, ")") {
				if w[i].text != "|" {
					names = append(names, w[i].text)
				}
				i++
			}
			i++ // ')'
			d.typ = prefix + "(" + strings.Join(names, "|") + ")"
		}
		switch {
		case w[i].text == "(":
			group("")
		case w[i].text == "NOTATION" && i+1 < len(w) && w[i+1].text == "(":
			i++
			group("NOTATION")
		default:
			d.typ = w[i].text
			i++
		}
		if i >= len(w) {
			break
		}
		d.at = w[i].at
		switch w[i].text {
		case "#REQUIRED":
			d.required = true
		case "#IMPLIED":
		case "#FIXED":
			d.required = true
			i++
			if i < len(w) {
				d.at = w[i].at
				d.rawDefault, d.hasDefault = attrLiteral(w[i].text), true
			}
		default:
			d.rawDefault, d.hasDefault = attrLiteral(w[i].text), true
		}
		i++
		out = append(out, d)
	}
	return out
}

// attrLiteral is a quoted default value with attribute-value
// normalization (whitespace to spaces, character and predefined
// references expanded).
func attrLiteral(lit string) string {
	if len(lit) < 2 {
		return lit
	}
	v := lit[1 : len(lit)-1]
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\r' && i+1 < len(v) && v[i+1] == '\n':
			b.WriteByte(' ')
			i++
		case c == '\n' || c == '\r' || c == '\t':
			b.WriteByte(' ')
		case c == '&':
			j := strings.IndexByte(v[i:], ';')
			if j < 0 {
				b.WriteByte(c)
				continue
			}
			ref := v[i+1 : i+j]
			if pv, ok := xmlPredefined[ref]; ok {
				b.WriteString(pv)
			} else if strings.HasPrefix(ref, "#x") {
				if n, err := strconv.ParseUint(ref[2:], 16, 32); err == nil {
					b.Write(pyconstAppendRune(nil, rune(n)))
				}
			} else if strings.HasPrefix(ref, "#") {
				if n, err := strconv.ParseUint(ref[1:], 10, 32); err == nil {
					b.Write(pyconstAppendRune(nil, rune(n)))
				}
			} else {
				b.WriteString(v[i : i+j+1])
			}
			i += j
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// recordAttlist keeps the attribute declarations of the ATTLIST whose
// tokens start at toks[start] (the first declaration of an attribute
// counts).
func (p *expatParser) recordAttlist(toks []docTok, start int) {
	end := len(toks) - 1 // the '>'
	for _, d := range parseAttlist(toks[start:end]) {
		if p.attDefs == nil {
			p.attDefs = map[string][]xmlAttDef{}
		}
		dup := false
		for _, e := range p.attDefs[d.elem] {
			dup = dup || e.name == d.name
		}
		if !dup {
			p.attDefs[d.elem] = append(p.attDefs[d.elem], d)
		}
	}
}

// applyAttDefs normalizes the declared non-CDATA attributes of an element
// and adds the declared defaults it lacks (unless specified_attributes).
func (p *expatParser) applyAttDefs(elem string, attrs []xmlAttr) []xmlAttr {
	defs := p.attDefs[elem]
	if len(defs) == 0 {
		return attrs
	}
	for k := range attrs {
		for _, d := range defs {
			if d.name == attrs[k].name && d.typ != "CDATA" {
				attrs[k].value = collapseSpaces(attrs[k].value)
			}
		}
	}
	if p.specAttrs {
		return attrs
	}
	for _, d := range defs {
		if !d.hasDefault {
			continue
		}
		found := false
		for _, a := range attrs {
			found = found || a.name == d.name
		}
		if !found {
			v := d.rawDefault
			if d.typ != "CDATA" {
				v = collapseSpaces(v)
			}
			attrs = append(attrs, xmlAttr{name: d.name, value: v, at: -1})
		}
	}
	return attrs
}

// collapseSpaces is the normalization of a non-CDATA attribute: runs of
// spaces (U+0020 only) become one, leading and trailing ones go.
func collapseSpaces(v string) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(v); i++ {
		if v[i] == ' ' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(v[i])
	}
	return b.String()
}
